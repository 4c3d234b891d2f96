#!/usr/bin/env node
// Turns the area tables in data/areas/ (CSV, with their provenance) into the
// one compact asset the app fetches when the area picker is first used:
// areas.tsv. Deterministic: the same tables always give the same bytes.
//
//   node scripts/build-areas.mjs OUT_FILE        write the asset
//   node scripts/build-areas.mjs --check FILE    exit 1 if FILE is not what data/areas/ gives now
//
// The format (UTF-8, one record a line, fields separated by tabs; an empty
// field means "none"; read by src/io/areas.rs):
//   workforce-gap-areas<TAB>1
//   attribution<TAB><text>                         (the licence, then each source)
//   ratio<TAB>children<TAB>adults<TAB>older        (mid-2023 / Census 2021, England)
//   area<TAB>level<TAB>code<TAB>ods<TAB>name<TAB>covers<TAB>children<TAB>adults<TAB>older
//       <TAB>need_nhse<TAB>need_deprivation<TAB>need_practices<TAB>smi_pct
//   member<TAB>icb code<TAB>level<TAB>member code<TAB>share
// Levels: icb (2026 ICBs), icb24 (2022-2026 ICBs), sicbl (sub-ICB locations,
// 2024 codes), utla (upper-tier local authorities), lad (districts).
// `covers`: for a sub-ICB location, the districts it mainly covers. `share`:
// the part of the member's Census 2021 population that lies in the ICB.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { csvObjects } from './csv.mjs';

const DATA = resolve(import.meta.dirname, '..', 'data', 'areas');

/** RFC 4180 CSV as objects keyed by the header (scripts/csv.mjs, the one reader). */
export const parseCsv = csvObjects;

export function table(name) {
  return parseCsv(readFileSync(resolve(DATA, name), 'utf8'));
}

/** code -> value of `column` in `name`, keyed by `key`. */
function column(name, key, col) {
  return new Map(table(name).map((r) => [r[key], r[col]]));
}

const clean = (s) => String(s ?? '').replace(/[\t\r\n]+/g, ' ').trim();

export function build() {
  const lines = ['workforce-gap-areas\t1'];

  // The attribution the app must show: the quoted block of each PROVENANCE
  // file. Both open with the same licence sentence: it is written once, then
  // each file's sources.
  const LICENCE = 'Contains public sector information licensed under the Open Government Licence v3.0.';
  lines.push(`attribution\t${LICENCE}`);
  for (const file of ['PROVENANCE.md', 'PROVENANCE-2026.md']) {
    const quoted = clean(readFileSync(resolve(DATA, file), 'utf8').split('\n')
      .filter((l) => l.startsWith('>')).map((l) => l.replace(/^>\s?/, '').trim()).join(' '));
    if (!quoted.startsWith(LICENCE)) throw new Error(`${file}: its attribution does not open with the licence sentence`);
    lines.push(`attribution\t${quoted.slice(LICENCE.length).trim()}`);
  }

  const bands = Object.fromEntries(table('england_band_totals.csv').map((r) => [r.band, r.ratio_mid2023_to_census2021]));
  lines.push(`ratio\t${bands.children}\t${bands.adults}\t${bands.older}`);

  // Sub-ICB locations: the districts each mainly covers (a fifth of its people or more).
  const covers = new Map();
  for (const r of table('lad_sicbl_lookup.csv')) {
    if (Number(r.share_of_sicbl24) < 0.2) continue;
    if (!covers.has(r.sicbl24_code)) covers.set(r.sicbl24_code, []);
    covers.get(r.sicbl24_code).push([Number(r.share_of_sicbl24), r.ltla24_name]);
  }
  const coverText = (code) => (covers.get(code) ?? [])
    .sort((a, b) => b[0] - a[0] || a[1].localeCompare(b[1])).map(([, n]) => n).join(', ');

  const area = (level, r, extra) => [
    'area', level, r.code, extra.ods ?? '', clean(r.name), extra.covers ?? '',
    r.children, r.adults, r.older,
    extra.nhse ?? '', extra.deprivation ?? '', extra.practices ?? '', extra.smi ?? '',
  ].join('\t');

  const icb26Nhse = column('icb26_mh_need_index_2425.csv', 'icb26_code', 'mh_need_index_2425');
  const icb26Dep = column('icb26_cmd_need_index_apms_imd.csv', 'code', 'cmd_need_index_apms_imd');
  const icb26Smi = column('icb26_recorded_mh_qof_2425.csv', 'icb26_code', 'smi_qof_prev_pct');
  for (const r of table('icb26_population_census2021.csv')) {
    lines.push(area('icb', r, { ods: r.ods_code, nhse: icb26Nhse.get(r.code), deprivation: icb26Dep.get(r.code), smi: icb26Smi.get(r.code) }));
  }
  const icb24Nhse = column('icb_mh_need_index_2425.csv', 'code', 'mh_need_index_2425');
  for (const r of table('icb_population_census2021.csv')) {
    lines.push(area('icb24', r, { ods: r.ods_code, nhse: icb24Nhse.get(r.code) }));
  }
  const sicblNhse = column('sicbl_mh_need_index_2425.csv', 'code', 'mh_need_index_2425');
  const sicblDep = column('sicbl24_cmd_need_index_apms_imd.csv', 'code', 'cmd_need_index_apms_imd');
  const sicblSmi = column('sicbl24_recorded_mh_qof_2425.csv', 'sicbl24_code', 'smi_qof_prev_pct');
  for (const r of table('sicbl_population_census2021.csv')) {
    lines.push(area('sicbl', r, {
      ods: r.ods_code, covers: coverText(r.code), nhse: sicblNhse.get(r.code),
      deprivation: sicblDep.get(r.code), smi: sicblSmi.get(r.code),
    }));
  }
  const utlaDep = column('utla_cmd_need_index_apms_imd.csv', 'code', 'cmd_need_index_apms_imd');
  for (const r of table('utla_population_census2021.csv')) {
    lines.push(area('utla', r, { deprivation: utlaDep.get(r.code) }));
  }
  const ladDep = column('la_cmd_need_index_apms_imd.csv', 'code', 'cmd_need_index_apms_imd');
  const ladPractices = column('la_mh_need_index_2425_by_practice_location.csv', 'code', 'mh_need_index_2425');
  for (const r of table('la_population_census2021.csv')) {
    lines.push(area('lad', r, { deprivation: ladDep.get(r.code), practices: ladPractices.get(r.code) }));
  }

  // An ICB's places: its sub-ICB locations, and its districts (in part where split).
  for (const r of table('sicbl24_icb26_lookup.csv')) {
    lines.push(['member', r.icb26_code, 'sicbl', r.sicbl24_code, r.share_of_sicbl24_census2021].join('\t'));
  }
  for (const r of table('lad_icb26_lookup.csv')) {
    lines.push(['member', r.icb26_code, 'lad', r.ltla24_code, r.share_of_lad].join('\t'));
  }
  return lines.join('\n') + '\n';
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename);
if (isMain) {
  const [flag, file] = process.argv.slice(2);
  if (flag === '--check') {
    if (!file) { console.error('usage: node scripts/build-areas.mjs --check FILE'); process.exit(2); }
    let shipped;
    try { shipped = readFileSync(file, 'utf8'); } catch (e) {
      console.error(`areas: ${file} is missing (${e.code}): the build did not write the area asset.`);
      process.exit(1);
    }
    if (shipped !== build()) {
      console.error(`areas: ${file} differs from what data/areas/ gives now: rebuild (trunk build) so the shipped asset matches the tables.`);
      process.exit(1);
    }
    console.log(`areas: ${file} matches data/areas/ (${shipped.length} bytes)`);
  } else if (flag) {
    const out = build();
    writeFileSync(flag, out);
    console.log(`areas: wrote ${flag} (${out.split('\n').filter((l) => l.startsWith('area\t')).length} areas, ${out.length} bytes)`);
  } else {
    console.error('usage: node scripts/build-areas.mjs OUT_FILE | --check FILE');
    process.exit(2);
  }
}

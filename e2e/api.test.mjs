// window.workforceGap, the JavaScript API, in the built app: every reference
// case reproduces every expected number (relative 1e-6), the other
// functions answer in their documented shapes, the ready event fires once
// with the API in place, and bad input answers { ok: false, errors } without
// ever throwing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { serveDist } from './server.mjs';
import { launch, openPage, assertAccessible } from './browser.mjs';
import { CalculatorPage } from './pages/calculator.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const FIXTURE = JSON.parse(readFileSync(resolve(ROOT, 'tests/fixtures/reference-cases.json'), 'utf8'));
const CARGO_VERSION = readFileSync(resolve(ROOT, 'Cargo.toml'), 'utf8').match(/^version\s*=\s*"([^"]+)"/m)[1];

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

function close(actual, expected, path = '') {
  const diff = Math.abs(actual - expected);
  // retention_needed is found by bisection: absolute 1e-6 (MODEL.md section 7).
  if (path.endsWith('.retention_needed')) return diff <= 1e-6;
  return diff <= 1e-9 || diff <= 1e-6 * Math.abs(expected);
}

/** Every difference between expected and actual, as "path: problem" (expected keys only). */
function compare(path, expected, actual, problems) {
  if (typeof expected === 'number') {
    if (typeof actual !== 'number' || !close(actual, expected, path)) problems.push(`${path}: expected ${expected}, got ${actual}`);
  } else if (expected === null) {
    if (actual !== null) problems.push(`${path}: expected null, got ${JSON.stringify(actual)}`);
  } else if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) { problems.push(`${path}: expected an array, got ${JSON.stringify(actual)}`); return; }
    if (expected.length !== actual.length) problems.push(`${path}: expected ${expected.length} items, got ${actual.length}`);
    expected.forEach((e, i) => compare(`${path}[${i}]`, e, actual[i], problems));
  } else if (typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') { problems.push(`${path}: expected an object, got ${JSON.stringify(actual)}`); return; }
    for (const [k, e] of Object.entries(expected)) {
      if (!(k in actual)) problems.push(`${path}.${k}: missing from the results`);
      else compare(`${path}.${k}`, e, actual[k], problems);
    }
  } else if (expected !== actual) {
    problems.push(`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

/** Open the app with the ready event recorded from before the app starts. */
async function openApi() {
  const session = await openPage(browser, server.url);
  await session.context.addInitScript(() => {
    window.__readyEvents = [];
    window.addEventListener('workforce-gap-ready', (e) => {
      window.__readyEvents.push({ type: e.type, apiPresent: typeof window.workforceGap?.compute === 'function', at: performance.now() });
    });
  });
  await new CalculatorPage(session.page).goto(server.url);
  return session;
}

test('every reference case reproduces every expected number through compute()', async () => {
  const { page, context, assertSameOrigin, errors } = await openApi();
  await assertAccessible(page, 'API page loaded');
  assert.ok(FIXTURE.cases.length >= 4, `the fixture has ${FIXTURE.cases.length} cases`);
  const versions = new Set(FIXTURE.cases.map((c) => c.scenario.version));
  assert.ok(versions.has(1) && versions.has(2) && versions.has(3), 'cases of versions 1, 2 and 3');
  const failures = [];
  let numbers = 0;
  for (const c of FIXTURE.cases) {
    const [fromObject, fromText] = await page.evaluate((s) => [
      window.workforceGap.compute(s),
      window.workforceGap.compute(JSON.stringify(s)),
    ], c.scenario);
    if (!fromObject.ok) { failures.push(`${c.name}: not ok: ${JSON.stringify(fromObject.errors)}`); continue; }
    assert.deepEqual(fromText, fromObject, `${c.name}: JSON text and object give the same answer`);
    const problems = [];
    compare(c.name, c.expected, fromObject.results, problems);
    failures.push(...problems);
    JSON.stringify(c.expected, (_, v) => { if (typeof v === 'number') numbers++; return v; });
  }
  assert.deepEqual(failures, [], `mismatches:\n${failures.join('\n')}`);
  assert.ok(numbers > 50, `compared ${numbers} numbers`);

  // validate() agrees every case is valid.
  for (const c of FIXTURE.cases) {
    assert.deepEqual(await page.evaluate((s) => window.workforceGap.validate(s), c.scenario), { ok: true, errors: [] }, c.name);
  }
  assert.deepEqual(errors, []);
  assertSameOrigin();
  await context.close();
});

test('the ready event, version, exampleScenario, validate, sensitivity and uncertainty', async () => {
  const { page, context, assertSameOrigin, errors } = await openApi();

  const events = await page.evaluate(() => window.__readyEvents);
  assert.equal(events.length, 1, 'workforce-gap-ready fires once');
  assert.equal(events[0].type, 'workforce-gap-ready');
  assert.ok(events[0].apiPresent, 'the API is in place when the event fires');

  const api = await page.evaluate(() => ({
    functions: Object.entries(window.workforceGap).filter(([, v]) => typeof v === 'function').map(([k]) => k).sort(),
    version: window.workforceGap.version,
    scenarioVersion: window.workforceGap.scenarioVersion,
  }));
  assert.deepEqual(api.functions, ['compute', 'exampleScenario', 'sensitivity', 'uncertainty', 'validate']);
  assert.equal(api.version, CARGO_VERSION, 'version is the crate version');
  assert.equal(api.scenarioVersion, 3);

  // exampleScenario(): a fresh, valid object each call, the example on screen.
  const example = await page.evaluate(() => window.workforceGap.exampleScenario());
  assert.equal(example.schema, 'workforce-gap/scenario');
  assert.equal(example.version, 3, 'exampleScenario() is version 3');
  assert.equal(example.places.length, 1);
  assert.ok(!('need_index' in example) && !('population' in example));
  assert.equal(example.name, 'Example place');
  assert.ok(example.roles.length > 5 && example.services.length > 5);
  const fresh = await page.evaluate(() => {
    const a = window.workforceGap.exampleScenario();
    a.places[0].need_index = 9;
    return window.workforceGap.exampleScenario().places[0].need_index;
  });
  assert.equal(fresh, example.places[0].need_index, 'changing one copy does not change the next');
  const computed = await page.evaluate((s) => window.workforceGap.compute(s), example);
  assert.equal(computed.ok, true);
  assert.equal(computed.results.total.extra_wte.toFixed(1), (await page.locator('#headline-extra-wte').innerText()).replace(/,/g, ''));
  assert.equal(computed.results.roles.length, example.roles.length);

  // validate(): every problem, each with a path and a message.
  const bad = structuredClone(example);
  bad.places[0].need_index = -1;
  bad.services[0].target_coverage = 1.5;
  const v = await page.evaluate((s) => window.workforceGap.validate(s), bad);
  assert.equal(v.ok, false);
  assert.deepEqual(v.errors.map((e) => e.path).sort(), ['places[0].need_index', 'services[0].target_coverage'], JSON.stringify(v.errors));
  for (const e of v.errors) assert.ok(typeof e.message === 'string' && e.message.length > 5, JSON.stringify(e));
  // A value of the wrong type is reported too (by the reader, or at its field).
  bad.places[0].population.adults = 'many';
  const unreadable = await page.evaluate((s) => window.workforceGap.validate(s), bad);
  assert.equal(unreadable.ok, false);
  assert.ok(unreadable.errors.length >= 1 && unreadable.errors.every((e) => typeof e.path === 'string' && e.message.length > 5));

  // sensitivity(): rows sorted by swing, biggest first.
  const sens = await page.evaluate((s) => window.workforceGap.sensitivity(s), example);
  assert.equal(sens.ok, true);
  assert.ok(sens.rows.length >= 10, `${sens.rows.length} rows`);
  for (let i = 1; i < sens.rows.length; i++) {
    assert.ok(sens.rows[i - 1].swing >= sens.rows[i].swing, `row ${i} is not sorted by swing`);
  }
  const top = sens.rows[0];
  for (const k of ['key', 'label', 'low_value', 'high_value', 'extra_wte_low', 'extra_wte_high', 'swing']) {
    assert.ok(k in top, `a row has ${k}`);
  }
  assert.ok(close(top.swing, Math.abs(top.extra_wte_high - top.extra_wte_low)), 'swing is high minus low');
  assert.ok(close(top.base_extra_wte, computed.results.total.extra_wte));

  // uncertainty(): percentiles in order around the point, reproducible by seed.
  const ranged = structuredClone(example);
  ranged.ranges = {
    'places.place.need_index': [0.8, 1.3],
    'working_time.sickness_rate': [0.03, 0.08],
    [`services.${example.services[0].id}.prevalence`]: [example.services[0].prevalence * 0.8, example.services[0].prevalence * 1.2],
  };
  const u = await page.evaluate((s) => [
    window.workforceGap.uncertainty(s, 10000, 1),
    window.workforceGap.uncertainty(s, 10000, 1),
    window.workforceGap.uncertainty(JSON.stringify(s), 10000, 2),
  ], ranged);
  assert.equal(u[0].ok, true, JSON.stringify(u[0].errors));
  const r = u[0].result;
  assert.equal(r.draws, 10000);
  assert.equal(r.seed, 1);
  assert.deepEqual([...r.ranged].sort(), Object.keys(ranged.ranges).sort());
  for (const m of ['extra_wte', 'extra_cost', 'final_gap_wte']) {
    assert.ok(r[m].p10 <= r[m].p50 && r[m].p50 <= r[m].p90, `${m}: ${JSON.stringify(r[m])}`);
  }
  assert.ok(r.extra_wte.p10 < r.extra_wte.p90, 'the ranges make a band');
  assert.ok(close(r.point.extra_wte, computed.results.total.extra_wte), 'the point is the plain answer');
  assert.ok(r.extra_wte.p10 < r.point.extra_wte && r.point.extra_wte < r.extra_wte.p90, 'the point sits inside the band');
  assert.deepEqual(u[1], u[0], 'the same seed gives the same answer');
  assert.notDeepEqual(u[2].result.extra_wte, r.extra_wte, 'another seed gives other draws');
  assert.ok(Math.abs(u[2].result.extra_wte.p50 - r.extra_wte.p50) < 0.05 * r.extra_wte.p50, 'but much the same median');

  // No ranges: every percentile is the point estimate.
  const flat = await page.evaluate((s) => window.workforceGap.uncertainty(s, 100, 7), example);
  assert.equal(flat.ok, true);
  assert.equal(flat.result.extra_wte.p10, flat.result.point.extra_wte);
  assert.equal(flat.result.extra_wte.p90, flat.result.point.extra_wte);

  assert.deepEqual(errors, []);
  assertSameOrigin();
  await context.close();
});

test('bad input answers { ok: false, errors: [{ path, message }] } and never throws', async () => {
  const { page, context, assertSameOrigin, errors } = await openApi();
  const results = await page.evaluate(() => {
    const gap = window.workforceGap;
    const example = gap.exampleScenario();
    const badValue = { ...example, places: [{ ...example.places[0], need_index: -2 }] };
    const badRange = { ...example, ranges: { 'places.place.need_index': [1.5, 0.5] } };
    const unknownRange = { ...example, ranges: { 'roles.nobody.leaver_rate': [0.1, 0.2] } };
    const calls = {
      'compute(undefined)': () => gap.compute(undefined),
      'compute(null)': () => gap.compute(null),
      'compute(42)': () => gap.compute(42),
      'compute([])': () => gap.compute([]),
      'compute("not json")': () => gap.compute('not json'),
      'compute("{}")': () => gap.compute('{}'),
      'compute({})': () => gap.compute({}),
      'compute(wrong schema)': () => gap.compute({ ...example, schema: 'something/else' }),
      'compute(roles: "nope")': () => gap.compute({ ...example, roles: 'nope' }),
      'compute(need_index -2)': () => gap.compute(badValue),
      'compute(function)': () => gap.compute(() => 1),
      'validate(null)': () => gap.validate(null),
      'validate("[")': () => gap.validate('['),
      'sensitivity(need_index -2)': () => gap.sensitivity(badValue),
      'sensitivity("{}")': () => gap.sensitivity('{}'),
      'uncertainty(null)': () => gap.uncertainty(null, 100, 1),
      'uncertainty(draws 0)': () => gap.uncertainty(example, 0, 1),
      'uncertainty(draws 1.5)': () => gap.uncertainty(example, 1.5, 1),
      'uncertainty(draws "lots")': () => gap.uncertainty(example, 'lots', 1),
      'uncertainty(draws 2e6)': () => gap.uncertainty(example, 2e6, 1),
      'uncertainty(seed -1)': () => gap.uncertainty(example, 100, -1),
      'uncertainty(seed NaN)': () => gap.uncertainty(example, 100, NaN),
      'uncertainty(range low > high)': () => gap.uncertainty(badRange, 100, 1),
      'uncertainty(range of no input)': () => gap.uncertainty(unknownRange, 100, 1),
    };
    const out = {};
    for (const [name, call] of Object.entries(calls)) {
      try { out[name] = { value: call() }; } catch (e) { out[name] = { threw: String(e) }; }
    }
    return out;
  });

  const problems = [];
  for (const [name, { value, threw }] of Object.entries(results)) {
    if (threw) { problems.push(`${name} threw ${threw}`); continue; }
    if (!value || value.ok !== false) { problems.push(`${name} answered ${JSON.stringify(value)?.slice(0, 200)}`); continue; }
    if (!Array.isArray(value.errors) || value.errors.length === 0) { problems.push(`${name}: no errors listed`); continue; }
    for (const e of value.errors) {
      if (typeof e.path !== 'string' || typeof e.message !== 'string' || e.message.length < 5) {
        problems.push(`${name}: malformed error ${JSON.stringify(e)}`);
      }
    }
    if (!value.errors.every((e) => Object.keys(e).sort().join() === 'message,path')) {
      problems.push(`${name}: errors carry other keys: ${JSON.stringify(value.errors[0])}`);
    }
  }
  assert.deepEqual(problems, [], problems.join('\n'));

  // The paths point at what is wrong.
  const path = (name) => results[name].value.errors.map((e) => e.path);
  assert.ok(path('compute(need_index -2)').includes('places[0].need_index'));
  assert.ok(path('uncertainty(draws 0)').includes('draws'));
  assert.ok(path('uncertainty(seed -1)').includes('seed'));
  assert.ok(path('uncertainty(range low > high)').includes('ranges.places.place.need_index'));
  assert.ok(path('uncertainty(range of no input)').includes('ranges.roles.nobody.leaver_rate'));
  assert.ok(path('compute(wrong schema)').some((p) => p === 'schema' || p === ''));

  // The page is still working.
  assert.equal((await page.evaluate(() => window.workforceGap.compute(window.workforceGap.exampleScenario()))).ok, true);
  assert.deepEqual(errors, [], 'nothing reached the console');
  assertSameOrigin();
  await context.close();
});

test('uncertainty() makes the number of draws it accepts', async () => {
  const { page, context, assertSameOrigin } = await openApi();
  // The API accepts draws from 1 to 1,000,000 (anything else is an error), so
  // an accepted request must be honoured, not silently cut down.
  const r = await page.evaluate(() => {
    const s = window.workforceGap.exampleScenario();
    s.ranges = { 'places.place.need_index': [0.9, 1.1] };
    return window.workforceGap.uncertainty(s, 150000, 3);
  });
  if (r.ok) {
    assert.equal(r.result.draws, 150000, 'uncertainty(s, 150000) reports fewer draws than asked for');
  } else {
    assert.ok(r.errors.some((e) => e.path === 'draws'), JSON.stringify(r.errors));
  }
  assertSameOrigin();
  await context.close();
});

test('benchmark() is not in the published API: an embedding page cannot ask for a million runs', async () => {
  const { page, context, assertSameOrigin } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  const kinds = await page.evaluate(() => ({
    benchmark: typeof window.workforceGap.benchmark,
    compute: typeof window.workforceGap.compute,
  }));
  assert.deepEqual(kinds, { benchmark: 'undefined', compute: 'function' });
  assertSameOrigin();
  await context.close();
});

test('the API loads when a script first asks for it, with the README\'s ready() pattern', async () => {
  const { page, context, requests, errors, assertSameOrigin } = await openPage(browser, server.url);
  await new CalculatorPage(page).goto(server.url, { api: false });
  const second = () => requests.filter((u) => /\/panels-[0-9a-f]+/.test(new URL(u).pathname));
  assert.deepEqual(second(), [], 'not part of the first load');
  const ok = await page.evaluate(() => new Promise((resolve) => {
    function ready(fn) {
      if (window.workforceGap) fn(window.workforceGap);
      else window.addEventListener('workforce-gap-ready', () => fn(window.workforceGap), { once: true });
    }
    ready((gap) => resolve(gap.compute(gap.exampleScenario()).ok));
  }));
  assert.equal(ok, true);
  assert.equal(second().length, 3, 'its module (script, wasm and the panels\' styles) came when asked for');
  assert.deepEqual(errors, []);
  assertSameOrigin();
  await context.close();
});

//! England's areas, for "Start from your area": population by age band
//! (Census 2021), need index (NHS England 2024/25, or estimated from
//! deprivation), GP-recorded serious mental illness, and which sub-ICB
//! locations and districts make up each integrated care board.
//!
//! Pure Rust (no browser imports), tested natively. The tables live in
//! `data/areas/` as CSV with their provenance; `scripts/build-areas.mjs`
//! turns them at build time into `areas.tsv` (its format is described
//! there), which the page fetches from its own origin the first time the
//! picker is used. [`AreaTable::parse`] reads it and never panics.

use crate::model::scenario::{Place, Population, TextMap};

/// The first line of the asset, with the format's version.
pub const HEADER: &str = "workforce-gap-areas\t1";

/// A kind of area, in the order the picker lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum AreaLevel {
    /// Integrated care boards from 1 April 2026 (36): the default.
    Icb,
    /// Integrated care boards on their 2022-2026 boundaries (42).
    Icb2024,
    /// Sub-ICB locations (2024 codes, the stable key).
    SubIcb,
    UpperTier,
    District,
}

impl AreaLevel {
    pub const ALL: [AreaLevel; 5] = [
        AreaLevel::Icb,
        AreaLevel::Icb2024,
        AreaLevel::SubIcb,
        AreaLevel::UpperTier,
        AreaLevel::District,
    ];

    /// The level's name in the asset.
    pub fn key(self) -> &'static str {
        match self {
            AreaLevel::Icb => "icb",
            AreaLevel::Icb2024 => "icb24",
            AreaLevel::SubIcb => "sicbl",
            AreaLevel::UpperTier => "utla",
            AreaLevel::District => "lad",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            AreaLevel::Icb => "Integrated care boards (from April 2026)",
            AreaLevel::Icb2024 => "Integrated care boards (2022-2026 boundaries)",
            AreaLevel::SubIcb => "Sub-ICB locations",
            AreaLevel::UpperTier => "Upper-tier local authorities",
            AreaLevel::District => "Local authority districts",
        }
    }

    fn from_key(key: &str) -> Option<AreaLevel> {
        AreaLevel::ALL.into_iter().find(|l| l.key() == key)
    }
}

/// One area of one level.
#[derive(Clone, Debug, PartialEq)]
pub struct Area {
    pub level: AreaLevel,
    /// ONS code (E54..., E38..., E06..., E07..., E08..., E09..., E10...).
    pub code: String,
    /// ODS code of an ICB or sub-ICB location ("QWO", "15F").
    pub ods: Option<String>,
    /// The official name.
    pub name: String,
    /// For a sub-ICB location, the districts it mainly covers ("Leeds").
    pub covers: String,
    /// Census 2021 usual residents by band (16-17s estimated).
    pub census2021: Population,
    /// NHS England's 2024/25 mental health need index (ICBs, sub-ICB
    /// locations).
    pub need_index_nhse: Option<f64>,
    /// Common mental disorder need index estimated from deprivation (APMS
    /// 2023/4 by IMD 2025 fifth).
    pub need_index_deprivation: Option<f64>,
    /// NHS England's index over the GP practices located in a district
    /// (practice location, not residence).
    pub need_index_practices: Option<f64>,
    /// GP-recorded serious mental illness, % of registered patients (QOF
    /// 2024/25).
    pub smi_register_pct: Option<f64>,
}

/// Which places of an integrated care board to model side by side.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlacesKind {
    SubIcb,
    LocalAuthority,
}

/// One member of an ICB: an area and the share of its people in the ICB.
#[derive(Clone, Debug, PartialEq)]
struct Member {
    icb: usize,
    kind: PlacesKind,
    area: usize,
    share: f64,
}

/// The decoded asset.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaTable {
    pub areas: Vec<Area>,
    /// England's mid-2023 / Census 2021 ratio per band (children, adults,
    /// older).
    pub mid2023_ratio: [f64; 3],
    /// The attribution the app shows with figures from these tables.
    pub attribution: Vec<String>,
    members: Vec<Member>,
    /// Upper-tier authorities that are also districts (unitary and
    /// metropolitan authorities: the same code and people at both levels):
    /// search lists them once, as districts.
    also_district: Vec<bool>,
}

fn number(text: &str, what: &str, line: usize) -> Result<f64, String> {
    match crate::format::parse_decimal(text) {
        Some(v) if v.is_finite() => Ok(v),
        _ => Err(format!("line {line}: {what} is not a number")),
    }
}

fn optional(text: &str, what: &str, line: usize) -> Result<Option<f64>, String> {
    if text.is_empty() {
        Ok(None)
    } else {
        number(text, what, line).map(Some)
    }
}

/// Lower-case ASCII letters and digits, other characters as spaces.
fn fold(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect()
}

impl AreaTable {
    /// Read the asset. Every problem is an error naming its line.
    pub fn parse(text: &str) -> Result<AreaTable, String> {
        let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l));
        match lines.next() {
            Some((_, HEADER)) => {}
            Some((_, first)) if first.starts_with("workforce-gap-areas") => {
                return Err("this list of areas is of a newer format".to_string())
            }
            _ => return Err("this is not the calculator's list of areas".to_string()),
        }
        let mut table = AreaTable {
            areas: Vec::new(),
            mid2023_ratio: [1.0; 3],
            attribution: Vec::new(),
            members: Vec::new(),
            also_district: Vec::new(),
        };
        // Members name areas by code: read them once every area is known.
        let mut members: Vec<(usize, Vec<&str>)> = Vec::new();
        for (n, line) in lines {
            let cells: Vec<&str> = line.split('\t').collect();
            match cells[0] {
                "attribution" if cells.len() == 2 => table.attribution.push(cells[1].to_string()),
                "ratio" if cells.len() == 4 => {
                    for (i, cell) in cells[1..].iter().enumerate() {
                        table.mid2023_ratio[i] = number(cell, "a population ratio", n)?;
                    }
                }
                "area" if cells.len() == 13 => table.areas.push(Area {
                    level: AreaLevel::from_key(cells[1])
                        .ok_or_else(|| format!("line {n}: unknown level \"{}\"", cells[1]))?,
                    code: cells[2].to_string(),
                    ods: (!cells[3].is_empty()).then(|| cells[3].to_string()),
                    name: cells[4].to_string(),
                    covers: cells[5].to_string(),
                    census2021: Population {
                        children: number(cells[6], "children", n)?,
                        adults: number(cells[7], "adults", n)?,
                        older: number(cells[8], "older people", n)?,
                    },
                    need_index_nhse: optional(cells[9], "the need index", n)?,
                    need_index_deprivation: optional(cells[10], "the need index", n)?,
                    need_index_practices: optional(cells[11], "the need index", n)?,
                    smi_register_pct: optional(cells[12], "SMI prevalence", n)?,
                }),
                "member" if cells.len() == 5 => members.push((n, cells)),
                "" if line.is_empty() => {}
                "attribution" | "ratio" | "area" | "member" => {
                    return Err(format!("line {n}: wrong number of fields"))
                }
                // A record of a later minor revision: skipped.
                _ => {}
            }
        }
        for (n, cells) in members {
            let find = |level: AreaLevel, code: &str| {
                table
                    .areas
                    .iter()
                    .position(|a| a.level == level && a.code == code)
                    .ok_or_else(|| format!("line {n}: no {} with code {code}", level.key()))
            };
            let (kind, level) = match cells[2] {
                "sicbl" => (PlacesKind::SubIcb, AreaLevel::SubIcb),
                "lad" => (PlacesKind::LocalAuthority, AreaLevel::District),
                other => return Err(format!("line {n}: unknown kind of member \"{other}\"")),
            };
            table.members.push(Member {
                icb: find(AreaLevel::Icb, cells[1])?,
                kind,
                area: find(level, cells[3])?,
                share: number(cells[4], "a share", n)?,
            });
        }
        if table.areas.is_empty() {
            return Err("the list of areas is empty".to_string());
        }
        table.also_district = table
            .areas
            .iter()
            .map(|a| {
                a.level == AreaLevel::UpperTier
                    && table
                        .areas
                        .iter()
                        .any(|d| d.level == AreaLevel::District && d.code == a.code)
            })
            .collect();
        Ok(table)
    }

    /// Areas matching `query` by name, ONS or ODS code (or, for a sub-ICB
    /// location, the districts it covers), best first: an exact code, then
    /// names that start with the query, then names with a word starting
    /// with each word typed, then names that contain each word; ties in
    /// level order, then by name. An empty query lists the 2026 ICBs. A
    /// unitary or metropolitan authority is listed once, as a district.
    pub fn search(&self, query: &str, limit: usize) -> Vec<usize> {
        let query = fold(query);
        let words: Vec<&str> = query.split_whitespace().collect();
        let phrase = words.join(" ");
        let mut scored: Vec<(u8, usize)> = Vec::new();
        for (i, area) in self.areas.iter().enumerate() {
            if self.also_district[i] {
                continue;
            }
            let score = if words.is_empty() {
                (area.level == AreaLevel::Icb).then_some(0)
            } else {
                let code = |c: &str| !c.is_empty() && fold(c).trim() == phrase;
                let text = fold(&format!("{} {}", area.name, area.covers));
                let name = fold(&area.name);
                let bare = name
                    .trim_start()
                    .strip_prefix("nhs ")
                    .unwrap_or(name.trim_start());
                let text_words: Vec<&str> = text.split_whitespace().collect();
                if code(&area.code) || area.ods.as_deref().is_some_and(code) {
                    Some(0)
                } else if name.trim_start().starts_with(&phrase) || bare.starts_with(&phrase) {
                    Some(1)
                } else if words
                    .iter()
                    .all(|w| text_words.iter().any(|t| t.starts_with(w)))
                {
                    Some(2)
                } else if words.iter().all(|w| text.contains(w)) {
                    Some(3)
                } else {
                    None
                }
            };
            if let Some(score) = score {
                scored.push((score, i));
            }
        }
        crate::model::order::sort_by(&mut scored, |a, b| {
            let (x, y) = (&self.areas[a.1], &self.areas[b.1]);
            a.0.cmp(&b.0)
                .then(x.level.cmp(&y.level))
                .then_with(|| x.name.cmp(&y.name))
        });
        scored.into_iter().take(limit).map(|(_, i)| i).collect()
    }

    /// An ICB's sub-ICB locations or districts, each with the share of its
    /// people that lies in the ICB, by name.
    pub fn places_of(&self, icb: usize, kind: PlacesKind) -> Vec<(usize, f64)> {
        let mut out: Vec<(usize, f64)> = self
            .members
            .iter()
            .filter(|m| m.icb == icb && m.kind == kind)
            .map(|m| (m.area, m.share))
            .collect();
        crate::model::order::sort_by(&mut out, |a, b| {
            self.place_name(a.0).cmp(&self.place_name(b.0))
        });
        out
    }

    /// The name a place made from area `index` takes: a sub-ICB location by
    /// the districts it covers and its ODS code ("Leeds (15F)").
    pub fn place_name(&self, index: usize) -> String {
        let area = &self.areas[index];
        match (&area.ods, area.covers.is_empty(), area.level) {
            (Some(ods), false, AreaLevel::SubIcb) => format!("{} ({ods})", area.covers),
            _ => area.name.clone(),
        }
    }

    /// The need index a place from `area` takes, and how it was made:
    /// NHS England's where the area has one, else the estimate from
    /// deprivation, else England's average.
    pub fn need_index(&self, index: usize) -> (f64, &'static str) {
        let area = &self.areas[index];
        match (area.need_index_nhse, area.need_index_deprivation) {
            (Some(v), _) => (v, NHSE_INDEX),
            (None, Some(v)) => (v, DEPRIVATION_INDEX),
            (None, None) => (1.0, NO_INDEX),
        }
    }

    /// The other published estimate of an area's need, to show beside the
    /// one used: the deprivation estimate beside NHS England's, or for a
    /// district NHS England's over the practices located in it.
    pub fn other_need_index(&self, index: usize) -> Option<(f64, &'static str)> {
        let area = &self.areas[index];
        match (area.need_index_nhse, area.need_index_deprivation) {
            (Some(_), Some(v)) => Some((v, DEPRIVATION_INDEX)),
            _ => area.need_index_practices.map(|v| (v, PRACTICES_INDEX)),
        }
    }

    /// A place filled from area `index`: `share` of its Census 2021
    /// population (scaled to mid-2023 by England's band ratios if `scale`),
    /// in whole people; its need index; its code (ODS first); and where each
    /// figure came from.
    pub fn place_from(&self, index: usize, share: f64, scale: bool, id: String) -> Place {
        let area = &self.areas[index];
        let ratio = if scale { self.mid2023_ratio } else { [1.0; 3] };
        let census = &area.census2021;
        let population = Population {
            children: (census.children * share * ratio[0]).round(),
            adults: (census.adults * share * ratio[1]).round(),
            older: (census.older * share * ratio[2]).round(),
        };
        let (need_index, method) = self.need_index(index);
        let mut population_source = if scale {
            "Census 2021 (ONS), scaled to mid-2023 by England's change in each age band (ONS mid-year estimates); 16-17s estimated".to_string()
        } else {
            "Census 2021 (ONS) usual residents; 16-17s estimated".to_string()
        };
        if share < 1.0 {
            population_source.push_str(&format!(
                "; the {} of {} that lies in this ICB",
                crate::format::percent(share, 1),
                area.name
            ));
        }
        let mut sources = TextMap::default();
        sources.insert("population", population_source);
        sources.insert("need_index", method);
        Place {
            id,
            name: self.place_name(index),
            code: Some(area.ods.clone().unwrap_or_else(|| area.code.clone())),
            population,
            need_index,
            sources,
        }
    }
}

pub const NHSE_INDEX: &str = "NHS England 2024/25 mental health need index (allocations)";
pub const DEPRIVATION_INDEX: &str = "estimated from deprivation (APMS 2023/4, IMD 2025)";
pub const PRACTICES_INDEX: &str =
    "NHS England 2024/25 index of the GP practices located here (by practice location, not residence: use with care)";
pub const NO_INDEX: &str = "no published index for this area: England's average (1.0)";

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = "workforce-gap-areas\t1\nattribution\tContains public sector information.\nratio\t1.022\t1.0163\t1.0367\n\
area\ticb\tE54000057\tQWO\tNHS West Yorkshire Integrated Care Board\t\t100\t200\t50\t1.1\t1.05\t\t1.2\n\
area\tsicbl\tE38000225\t15F\tNHS West Yorkshire ICB - 15F\tLeeds\t60\t120\t30\t1.12\t1.08\t\t1.1\n\
area\tlad\tE08000035\t\tLeeds\t\t60\t121\t30\t\t1.08\t1.2\t\n\
member\tE54000057\tsicbl\tE38000225\t1\nmember\tE54000057\tlad\tE08000035\t0.5\n";

    #[test]
    fn reads_areas_members_ratios_and_attribution() {
        let t = AreaTable::parse(SMALL).unwrap();
        assert_eq!(t.areas.len(), 3);
        assert_eq!(t.attribution, ["Contains public sector information."]);
        assert_eq!(t.mid2023_ratio, [1.022, 1.0163, 1.0367]);
        assert_eq!(t.places_of(0, PlacesKind::SubIcb), [(1, 1.0)]);
        assert_eq!(t.places_of(0, PlacesKind::LocalAuthority), [(2, 0.5)]);
        assert!(t.places_of(1, PlacesKind::SubIcb).is_empty());
    }

    #[test]
    fn finds_by_code_name_and_covered_district() {
        let t = AreaTable::parse(SMALL).unwrap();
        assert_eq!(t.search("E08000035", 10), [2]);
        assert_eq!(t.search("qwo", 10)[0], 0);
        assert_eq!(t.search("15F", 10), [1]);
        assert_eq!(
            t.search("leeds", 10),
            [2, 1],
            "Leeds, then the sub-ICB location covering it"
        );
        assert_eq!(t.search("west york", 10), [0, 1]);
        assert_eq!(t.search("", 10), [0], "an empty query lists the ICBs");
        assert!(t.search("nowhere at all", 10).is_empty());
        assert_eq!(t.search("leeds", 1).len(), 1);
    }

    #[test]
    fn a_place_takes_scaled_whole_people_the_official_index_and_sources() {
        let t = AreaTable::parse(SMALL).unwrap();
        let p = t.place_from(1, 1.0, true, "leeds".into());
        assert_eq!(p.name, "Leeds (15F)");
        assert_eq!(p.code.as_deref(), Some("15F"));
        assert_eq!(p.population.children, (60.0f64 * 1.022).round());
        assert_eq!(p.need_index, 1.12);
        assert_eq!(p.sources["need_index"], NHSE_INDEX);
        assert!(p.sources["population"].contains("mid-2023"));
        assert_eq!(t.other_need_index(1), Some((1.08, DEPRIVATION_INDEX)));

        let half = t.place_from(2, 0.5, false, String::new());
        assert_eq!(
            half.population.adults, 61.0,
            "121 x 0.5 rounds to whole people"
        );
        assert_eq!(half.need_index, 1.08);
        assert_eq!(half.sources["need_index"], DEPRIVATION_INDEX);
        assert!(half.sources["population"].contains("the 50% of Leeds that lies in this ICB"));
        assert_eq!(t.other_need_index(2), Some((1.2, PRACTICES_INDEX)));
    }

    #[test]
    fn bad_text_is_refused_with_its_line() {
        assert!(AreaTable::parse("").is_err());
        assert!(AreaTable::parse("<!doctype html>")
            .unwrap_err()
            .contains("not the calculator's"));
        assert!(AreaTable::parse("workforce-gap-areas\t2\n")
            .unwrap_err()
            .contains("newer"));
        let bad = SMALL.replace("\t60\t120", "\tsixty\t120");
        assert!(AreaTable::parse(&bad)
            .unwrap_err()
            .starts_with("line 5: children"));
        let bad = SMALL.replace(
            "member\tE54000057\tsicbl\tE38000225",
            "member\tE54000057\tsicbl\tE99",
        );
        assert!(AreaTable::parse(&bad)
            .unwrap_err()
            .contains("no sicbl with code E99"));
        let bad = SMALL.replace("\t1.12\t1.08\t\t1.1", "\t1.12");
        assert!(AreaTable::parse(&bad)
            .unwrap_err()
            .contains("wrong number of fields"));
    }
}

//! What a page that embeds the calculator asks of it (issue 10): pure, no
//! browser imports, tested natively. The same options come as query
//! parameters of the page (an iframe's `src`) or as attributes of the
//! `<workforce-gap-calculator>` element (`www/element.js`):
//!
//! | option | values | what it does |
//! | --- | --- | --- |
//! | `embed` | present (any value) | the embed view: no page header or footer, fits its frame |
//! | `view` | `calculator` (default), `results`, `present` | which view opens |
//! | `scenario-url` | a URL of this site | a scenario JSON file to open (another site's is refused) |
//! | `scenario-json` | scenario JSON | a scenario to open |
//! | `lock` | input keys, comma-separated | inputs readers cannot change |
//!
//! A share link's fragment (`#scenario=...`) works as everywhere. `lock`
//! takes input keys as in the assumptions register and the JS API
//! (`places.place.need_index`), `prefix.*` for a group
//! (`services.*`, `working_time.*`), `*` for every input, and
//! `all-but-levers` for every input but the levers
//! (`ui::shared::levers::LEVERS`), so a host can
//! publish its own assumptions and let readers move only the levers.

use crate::ui::shared::levers::LEVERS;

/// Which view a host page asks for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    /// Inputs and results (the page as it is).
    #[default]
    Calculator,
    /// The results only, full width.
    Results,
    /// Presentation mode.
    Present,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct HostOptions {
    /// Mounted by `<workforce-gap-calculator>` in a host page (which has its
    /// own `<main>` and `<h1>`): the app is a labelled region instead.
    pub in_element: bool,
    pub embedded: bool,
    pub view: View,
    pub scenario_url: Option<String>,
    pub scenario_json: Option<String>,
    /// Lock patterns, as given.
    pub locked: Vec<String>,
    /// Options the calculator did not understand, for a console note.
    pub unknown: Vec<String>,
}

/// Query text with `+` and `%XX` decoded; bad escapes are kept as typed.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

impl HostOptions {
    /// From `(name, value)` pairs: the query's or the element's attributes.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, String)>) -> HostOptions {
        let mut o = HostOptions::default();
        for (name, value) in pairs {
            match name {
                "embed" => o.embedded = !matches!(value.as_str(), "0" | "false" | "no"),
                "view" => match value.as_str() {
                    "results" => o.view = View::Results,
                    "present" | "presentation" => o.view = View::Present,
                    "calculator" | "" => o.view = View::Calculator,
                    other => o
                        .unknown
                        .push(format!("view={}", crate::format::shorten(other, 30))),
                },
                "scenario-url" => o.scenario_url = Some(value),
                "scenario-json" => o.scenario_json = Some(value),
                "lock" => o.locked.extend(
                    value
                        .split(',')
                        .map(|k| k.trim().to_string())
                        .filter(|k| !k.is_empty()),
                ),
                // The app's own: share links, test and bench builds.
                "scenario" => {}
                other => o.unknown.push(crate::format::shorten(other, 30)),
            }
        }
        o
    }

    /// From a page's query string (`?embed&view=results&lock=services.*`).
    pub fn from_query(query: &str) -> HostOptions {
        let query = query.strip_prefix('?').unwrap_or(query);
        HostOptions::from_pairs(query.split('&').filter(|p| !p.is_empty()).map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            // Names are plain words; only values are decoded.
            (name, percent_decode(value))
        }))
    }

    /// Whether readers may not change the input with this key.
    pub fn is_locked(&self, key: &str) -> bool {
        self.locked.iter().any(|pattern| match pattern.as_str() {
            "*" => true,
            "all-but-levers" => !LEVERS
                .iter()
                .any(|lever| key_matches(&lever.field.key_pattern(), key)),
            p => key_matches(p, key),
        })
    }
}

/// `services.*` matches every key under `services.`; `places.*.need_index`
/// every place's need index; anything else matches itself.
fn key_matches(pattern: &str, key: &str) -> bool {
    if let Some(prefix) = pattern.strip_suffix(".*") {
        return key
            .strip_prefix(prefix)
            .is_some_and(|rest| rest.starts_with('.'));
    }
    if let Some((head, tail)) = pattern.split_once(".*.") {
        return key.strip_prefix(head).is_some_and(|rest| {
            rest.strip_prefix('.')
                .and_then(|r| r.split_once('.'))
                .is_some_and(|(_, field)| field == tail)
        });
    }
    pattern == key
}

/// The origins a build accepts messages from (`ui::runtime::embed`): its own, and
/// those of the `<meta name="wg-allowed-origins">` list (space or comma
/// separated; `*` is never accepted).
pub fn allowed_origins(meta: Option<&str>, own: &str) -> Vec<String> {
    let mut out = vec![own.to_string()];
    for o in meta
        .unwrap_or("")
        .split([',', ' '])
        .map(|o| o.trim().trim_end_matches('/'))
    {
        if !o.is_empty() && o != "*" && !out.iter().any(|x| x == o) {
            out.push(o.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_this_site_and_the_listed_origins_are_accepted() {
        assert_eq!(
            allowed_origins(None, "https://a.nhs.uk"),
            ["https://a.nhs.uk"]
        );
        assert_eq!(
            allowed_origins(
                Some("https://intranet.example/, https://b.example *"),
                "https://a.nhs.uk"
            ),
            [
                "https://a.nhs.uk",
                "https://intranet.example",
                "https://b.example"
            ]
        );
    }

    #[test]
    fn a_query_gives_the_view_scenario_and_locks() {
        let o = HostOptions::from_query(
            "?embed&view=results&scenario-url=plans%2Fours.json&lock=services.*,working_time.sickness_rate&x=1",
        );
        assert!(o.embedded);
        assert_eq!(o.view, View::Results);
        assert_eq!(o.scenario_url.as_deref(), Some("plans/ours.json"));
        assert_eq!(o.locked, ["services.*", "working_time.sickness_rate"]);
        assert_eq!(o.unknown, ["x"]);
        assert_eq!(HostOptions::from_query(""), HostOptions::default());
        assert!(!HostOptions::from_query("?embed=0").embedded);
        assert_eq!(HostOptions::from_query("?view=present").view, View::Present);
        assert_eq!(
            HostOptions::from_query("?scenario-json=%7B%22a%22%3A+1%7D")
                .scenario_json
                .as_deref(),
            Some("{\"a\": 1}")
        );
    }

    #[test]
    fn percent_decoding_keeps_bad_escapes_and_never_panics() {
        assert_eq!(percent_decode("a%20b+c"), "a b c");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("%C3%A9"), "é");
        assert_eq!(percent_decode("%FF"), "\u{FFFD}");
    }

    #[test]
    fn lock_patterns_match_keys_groups_and_all_but_the_levers() {
        let o = HostOptions::from_query("?lock=services.*,places.*.need_index,projection.years");
        assert!(o.is_locked("services.cmh.prevalence"));
        assert!(o.is_locked("services.cmh.role_mix.nurse"));
        assert!(!o.is_locked("servicesx.cmh"));
        assert!(o.is_locked("places.north.need_index"));
        assert!(!o.is_locked("places.north.population.adults"));
        assert!(o.is_locked("projection.years"));
        assert!(!o.is_locked("projection.demand_growth"));
        let all = HostOptions::from_query("?lock=*");
        assert!(all.is_locked("roles.nurse.in_post_wte"));
        let levers = HostOptions::from_query("?lock=all-but-levers");
        assert!(levers.is_locked("roles.nurse.in_post_wte"));
        assert!(levers.is_locked("places.place.population.adults"));
        let example = crate::model::example_place();
        for lever in &LEVERS {
            let key = lever.field.key(&example).unwrap();
            assert!(!levers.is_locked(&key), "{key}");
        }
        // Every place's need index, not only the first's.
        assert!(!levers.is_locked("places.north.need_index"));
        assert!(!levers.is_locked("projection.demand_growth"));
        assert!(!HostOptions::default().is_locked("projection.years"));
    }
}

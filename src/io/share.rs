//! Share links: the whole scenario, compressed, in the URL fragment
//! (`#scenario=<lz-string, URI-safe>`). The fragment never reaches a server.

use crate::io::lz::{decompress_uri_component, LzError};
use crate::model::scenario::{parse_scenario, Limits, Scenario};

/// The fragment's key.
pub const PREFIX: &str = "scenario=";
/// Longest fragment we try to decode: a link to the largest scenario the
/// calculator takes ([`Limits`]) is far shorter, since scenario JSON
/// compresses about tenfold.
pub const MAX_FRAGMENT: usize = 200_000;

/// The fragment (without `#`) that carries this scenario.
pub fn encode(scenario: &Scenario) -> String {
    let json = scenario.to_json_pretty();
    format!(
        "{PREFIX}{}",
        lz_str::compress_to_encoded_uri_component(json.as_str())
    )
}

/// What a URL fragment holds.
#[derive(Debug, PartialEq)]
pub enum Fragment {
    /// No scenario in the fragment (empty, or some other anchor).
    None,
    Scenario(Box<Scenario>),
    /// A scenario link that cannot be read, and why.
    Broken(String),
}

/// Read a URL fragment (with or without the leading `#`).
pub fn decode(fragment: &str) -> Fragment {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let Some(payload) = fragment.strip_prefix(PREFIX) else {
        return Fragment::None;
    };
    if payload.is_empty() {
        return Fragment::Broken("The share link is empty: it holds no scenario.".to_string());
    }
    if payload.len() > MAX_FRAGMENT {
        return Fragment::Broken(format!(
            "The share link is too long ({} characters; a scenario's link has at most {}), so it was not opened.",
            crate::format::people(payload.len() as f64),
            crate::format::people(MAX_FRAGMENT as f64)
        ));
    }
    let wide = match decompress_uri_component(payload, Limits::TEXT_BYTES) {
        Ok(wide) => wide,
        Err(LzError::TooLong) => {
            return Fragment::Broken(format!(
                "The share link unpacks to more than {} characters, more than any scenario the calculator takes, so it was not opened.",
                crate::format::people(Limits::TEXT_BYTES as f64)
            ))
        }
        Err(LzError::Damaged) => {
            return Fragment::Broken(
                "The share link is damaged: it could not be decompressed. Was it cut short when copied?"
                    .to_string(),
            )
        }
    };
    let Ok(json) = String::from_utf16(&wide) else {
        return Fragment::Broken("The share link is damaged: its text is not valid.".to_string());
    };
    match parse_scenario(&json) {
        Ok(s) => Fragment::Scenario(Box::new(s)),
        Err(e) => Fragment::Broken(format!("The share link could not be opened. {e}")),
    }
}

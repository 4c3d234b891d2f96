//! Figures as the user reads them, the same on the page and in the panels.

use crate::model::field::Unit;

/// A value as the user would read it: [`Unit::text`].
pub fn shown(value: f64, unit: Unit) -> String {
    unit.text(value)
}

/// When the gap closes, as the tables say it.
pub fn closes_text(closes: Option<u32>, years: u32) -> String {
    match closes {
        Some(0) => "Now".to_string(),
        Some(y) => format!("Year {y}"),
        None => format!("Not within {years} years"),
    }
}

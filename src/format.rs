//! en-GB number formats for display, and parsing what people type.
//!
//! Pure functions (no browser imports), tested natively. The model never
//! rounds; these round for display only: WTE to one decimal, people and money
//! to whole numbers with separators.

use crate::model::Unit;

/// Group the integer digits of an already-formatted number with commas.
pub(crate) fn group_thousands(digits: &str) -> String {
    let (sign, rest) = match digits.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", digits),
    };
    let (int, frac) = match rest.find('.') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    let mut out = String::with_capacity(int.len() + int.len() / 3 + frac.len() + 1);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{sign}{out}{frac}")
}

/// A number with `decimals` places and thousands separators: 12,345.6.
/// "-0.0" is shown as "0.0".
pub fn number(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return "–".to_string();
    }
    let s = format!("{value:.decimals$}");
    let s = if s.starts_with('-') && s[1..].chars().all(|c| c == '0' || c == '.') {
        s[1..].to_string()
    } else {
        s
    };
    group_thousands(&s)
}

/// Whole people: 67,800.
pub fn people(value: f64) -> String {
    number(value, 0)
}

/// WTE to one decimal: 1,234.5.
pub fn wte(value: f64) -> String {
    number(value, 1)
}

/// Pounds, whole: £1,234,567. Negative as -£1,234.
pub fn money(value: f64) -> String {
    if !value.is_finite() {
        return "–".to_string();
    }
    let s = number(value.abs(), 0);
    if value < 0.0 && s != "0" {
        format!("-£{s}")
    } else {
        format!("£{s}")
    }
}

/// Large money in words for headlines: £12.3 million, £845,000.
pub fn money_short(value: f64) -> String {
    if value.is_finite() && value.abs() >= 1_000_000.0 {
        format!("£{} million", number(value / 1_000_000.0, 1))
    } else {
        money(value)
    }
}

/// A fraction as a percentage with up to `max_decimals` places, no trailing
/// zeros: 0.226 -> "22.6%".
pub fn percent(fraction: f64, max_decimals: usize) -> String {
    format!("{}%", plain(fraction * 100.0, max_decimals))
}

/// A number with up to `max_decimals` places, no trailing zeros and no
/// separators: what an input box shows for a stored value.
pub fn plain(value: f64, max_decimals: usize) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let s = format!("{value:.max_decimals$}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    if s == "-0" {
        "0".to_string()
    } else {
        s
    }
}

/// The text an input shows for a stored value of this unit:
/// [`Unit::input_text`].
pub fn input_text(value: f64, unit: Unit) -> String {
    unit.input_text(value)
}

/// A plain decimal, "-12.5", ".5", "5.", "007": an optional minus, digits
/// and at most one point. `None` for anything else (no exponents).
///
/// The digits are handed to serde_json's number parser as a canonical JSON
/// number: the app already carries that parser for scenario files, and using
/// it here keeps a second float parser (the standard library's, with its
/// 10 KB table) out of the WebAssembly.
pub fn parse_decimal(text: &str) -> Option<f64> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.len() + fraction.len() == 0 || !all_digits(whole) || !all_digits(fraction) {
        return None;
    }
    let whole = whole.trim_start_matches('0');
    let mut json = String::with_capacity(text.len() + 2);
    if negative {
        json.push('-');
    }
    json.push_str(if whole.is_empty() { "0" } else { whole });
    if !fraction.is_empty() {
        json.push('.');
        json.push_str(fraction);
    }
    serde_json::from_str(&json).ok()
}

/// At most this many characters of what was typed are quoted back in a
/// message: enough to recognise it, never a pasted page.
const QUOTE_CHARS: usize = 24;

/// At most the first `max` characters of `text`, with an ellipsis when it
/// was cut: what a message quotes of something it found, never a whole file
/// or a pasted page.
pub fn shorten(text: &str, max: usize) -> String {
    let mut chars = text.chars();
    let start: String = chars.by_ref().take(max).collect();
    if chars.next().is_some() {
        format!("{start}\u{2026}")
    } else {
        start
    }
}

/// The start of what someone typed, in quotes, for a message: `"0,5"`, or
/// the first [`QUOTE_CHARS`] characters and an ellipsis.
pub fn quote_typed(text: &str) -> String {
    format!("\"{}\"", shorten(text, QUOTE_CHARS))
}

/// Characters accepted between groups of three digits: "1,200", "1 200".
fn is_group_separator(c: char) -> bool {
    matches!(c, ',' | ' ' | '\u{a0}' | '\u{2009}' | '\u{202f}')
}

/// Why the separators in a number's whole part are not thousands
/// separators, or `None` when they are ("1,200", "12,345,678"): the first
/// group has one to three digits, every later group exactly three.
fn misplaced_separators(whole: &str) -> Option<String> {
    if !whole.contains(is_group_separator) {
        return None;
    }
    let (sign, digits) = match whole.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", whole),
    };
    if !digits
        .chars()
        .all(|c| c.is_ascii_digit() || is_group_separator(c))
    {
        // Not a number with separators at all ("lots of people"): the
        // general message says what was expected.
        return None;
    }
    let groups: Vec<&str> = digits.split(is_group_separator).collect();
    let first_ok = (1..=3).contains(&groups[0].len());
    if first_ok && groups[1..].iter().all(|g| g.len() == 3) {
        return None;
    }
    let commas = whole.matches(',').count();
    Some(
        if commas == 1 && groups.len() == 2 && !groups[1].is_empty() {
            // "0,5", "2,75": a decimal comma, as typed in much of Europe.
            format!(
                "use a full stop for decimals, {sign}{}.{}",
                groups[0], groups[1]
            )
        } else {
            "commas and spaces may only separate groups of three digits, as in 1,200,000"
                .to_string()
        },
    )
}

/// Read what a person typed into a field of this unit. Accepts "1,200",
/// "1200", "1 200", " 22.6 % ", "£56,000". Percent fields return the
/// fraction. A comma or space is read only as a thousands separator between
/// groups of three digits: "0,5" and "1,2,3" are refused, never read as 5 or
/// 123. The error is a sentence for the field's inline message; it quotes at
/// most the start of what was typed.
pub fn parse_input(text: &str, unit: Unit) -> Result<f64, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err("Enter a number.".to_string());
    }
    let typed = quote_typed(trimmed);
    if trimmed.contains(['\n', '\r']) {
        return Err(format!(
            "Enter one number: {typed} runs over more than one line."
        ));
    }
    let mut cleaned = String::with_capacity(trimmed.len());
    let mut had_percent = false;
    for c in trimmed.chars() {
        match c {
            '£' if unit == Unit::Money => {}
            '%' => had_percent = true,
            '\u{2212}' => cleaned.push('-'),
            _ => cleaned.push(c),
        }
    }
    if had_percent && unit != Unit::Percent {
        return Err("Enter a number without a % sign.".to_string());
    }
    let cleaned = cleaned.trim();
    let (whole, fraction) = match cleaned.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (cleaned, None),
    };
    if let Some(why) = misplaced_separators(whole) {
        return Err(format!("{typed}: {why}."));
    }
    let mut plain_digits: String = whole.chars().filter(|c| !is_group_separator(*c)).collect();
    if let Some(f) = fraction {
        plain_digits.push('.');
        plain_digits.push_str(f);
    }
    // `parse_decimal` is the one judge of what a plain number is.
    let Some(value) = parse_decimal(&plain_digits) else {
        return Err(match unit {
            Unit::Percent => {
                format!("Enter a percentage as a number, like 22.6 (you typed {typed}).")
            }
            Unit::Money => format!("Enter an amount in pounds, like 56,000 (you typed {typed})."),
            _ => format!("Enter a number, like 1,200 (you typed {typed})."),
        });
    };
    if unit == Unit::Years && value.fract() != 0.0 {
        return Err("Enter a whole number of years.".to_string());
    }
    Ok(match unit {
        Unit::Percent => value / 100.0,
        _ => value,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands_en_gb() {
        assert_eq!(people(1234567.4), "1,234,567");
        assert_eq!(wte(1234.56), "1,234.6");
        assert_eq!(wte(-0.04), "0.0");
        assert_eq!(money(56000.0), "£56,000");
        assert_eq!(money(-1234.0), "-£1,234");
        assert_eq!(money_short(12_345_678.0), "£12.3 million");
        assert_eq!(percent(0.226, 1), "22.6%");
        assert_eq!(number(999.0, 0), "999");
        assert_eq!(number(-1000.0, 0), "-1,000");
    }

    #[test]
    fn parses_separators_and_percentages() {
        assert_eq!(parse_input("1,200", Unit::People), Ok(1200.0));
        assert_eq!(parse_input("1200", Unit::People), Ok(1200.0));
        assert_eq!(parse_input(" 22.6 % ", Unit::Percent), Ok(0.226));
        assert_eq!(parse_input("£56,000", Unit::Money), Ok(56000.0));
        assert_eq!(parse_input("-10", Unit::Percent), Ok(-0.1));
        assert_eq!(parse_input("10", Unit::Years), Ok(10.0));
    }

    #[test]
    fn rejects_what_is_not_a_number_with_a_message() {
        for bad in [
            "", "abc", "1.2.3", "1-2", "--1", "-", ".", "1e5", "NaN", "inf",
        ] {
            let err = parse_input(bad, Unit::People).unwrap_err();
            assert!(err.starts_with("Enter"), "{bad:?} -> {err}");
        }
        assert!(parse_input("5%", Unit::Wte).is_err());
        assert!(parse_input("1_000", Unit::People).is_err());
        assert!(parse_input("2.5", Unit::Years).is_err());
    }

    #[test]
    fn input_text_round_trips() {
        for (v, unit) in [
            (0.226, Unit::Percent),
            (105000.0, Unit::People),
            (56000.0, Unit::Money),
            (37.5, Unit::Hours),
            (52.143, Unit::Weeks),
        ] {
            let text = input_text(v, unit);
            let back = parse_input(&text, unit).unwrap();
            assert!((back - v).abs() < 1e-9, "{v} -> {text} -> {back}");
        }
        assert_eq!(input_text(0.226, Unit::Percent), "22.6");
        assert_eq!(input_text(105000.0, Unit::People), "105,000");
    }

    #[test]
    fn a_comma_is_only_a_thousands_separator() {
        for (ok, want) in [
            ("1,200", 1200.0),
            ("1,200,000", 1_200_000.0),
            ("12,345.5", 12345.5),
            ("1 200", 1200.0),
            ("-1,000", -1000.0),
            ("-123,456", -123456.0),
            ("999", 999.0),
        ] {
            assert_eq!(parse_input(ok, Unit::People), Ok(want), "{ok}");
        }
        let err = parse_input("0,5", Unit::Index).unwrap_err();
        assert!(err.contains("use a full stop for decimals, 0.5"), "{err}");
        let err = parse_input("lots of people", Unit::People).unwrap_err();
        assert!(err.starts_with("Enter a number, like 1,200"), "{err}");
        let err = parse_input("-2,75", Unit::Index).unwrap_err();
        assert!(err.contains("-2.75"), "{err}");
        for bad in [
            "1,2,3",
            "12,34",
            "1,2000",
            ",100",
            "100,",
            "1,,200",
            "1,200.5,5",
            "1.200,5",
        ] {
            let err = parse_input(bad, Unit::People).unwrap_err();
            assert!(err.contains(&format!("\"{bad}\"")), "{bad:?} -> {err}");
        }
    }

    #[test]
    fn line_breaks_and_long_text_are_refused_briefly() {
        let err = parse_input("1\n200", Unit::People).unwrap_err();
        assert!(err.contains("more than one line"), "{err}");
        let long = "9".repeat(10_000) + "x";
        let err = parse_input(&long, Unit::People).unwrap_err();
        assert!(err.chars().count() < 120, "{err}");
        assert!(err.contains('\u{2026}'));
        assert_eq!(quote_typed("0,5"), "\"0,5\"");
    }
}

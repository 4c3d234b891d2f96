//! Importing staff in post from a file (issue 16): a CSV (comma, semicolon
//! or tab; UTF-8 with or without a byte order mark; quoted fields) read in
//! chunks, or an XLSX sheet, aggregated into FTE per role value, mapped to
//! the scenario's roles and applied as one edit
//! ([`crate::model::staff_in_post::StaffInPost`]).
//!
//! - [`csv_stream`]: the chunked CSV reader (csv-core), never the whole
//!   file in memory.
//! - [`xlsx`]: one sheet of an XLSX file (calamine, which reads whole
//!   files: [`xlsx::XLSX_LIMIT_BYTES`]).
//! - [`aggregate`]: the preview, and FTE (and vacancies) per distinct role
//!   value and filter value.
//! - [`mapping`]: role value -> scenario role, suggested by name and
//!   remembered in the browser; the per-role preview and the edit.
//!
//! Pure: no browser imports, tested natively (`tests/staff_import.rs`).
//! Bad input is an [`ImportError`] that says what is wrong; nothing is
//! changed until the edit is applied.

pub mod aggregate;
pub mod csv_stream;
pub mod mapping;
pub mod session;
pub mod xlsx;

use std::fmt;

/// Why a file cannot be imported, in words for the person importing it.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    /// Zero bytes.
    Empty,
    /// NUL bytes or other control characters: not a text table.
    Binary,
    /// An Excel 97-2003 `.xls` (an OLE compound file).
    Xls,
    /// A UTF-16 byte order mark.
    Utf16,
    /// A field that is not UTF-8, in this row (1 = the header).
    NotUtf8 { row: u64 },
    /// The first line has no comma, semicolon or tab.
    OneColumn,
    /// A header and no data rows (or not even a header).
    NoRows,
    /// No rows have one of the filter values kept.
    NoRowsAfterFilter,
    /// Every row's FTE was empty or not a number.
    NoFte { skipped: u64 },
    /// An XLSX file over [`xlsx::XLSX_LIMIT_BYTES`].
    XlsxTooLarge { bytes: u64 },
    /// An XLSX file calamine could not read.
    Xlsx(String),
    /// The XLSX file has no sheet of that name (or none at all).
    NoSheet(String),
    /// A chosen column the header does not have.
    NoColumn(usize),
    /// The role and filter columns together have more distinct values than
    /// [`aggregate::DISTINCT_LIMIT`].
    TooManyValues { column: String },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Empty => write!(f, "The file is empty."),
            ImportError::Binary => write!(
                f,
                "This is not a CSV or XLSX file (it holds binary data). Choose a CSV (comma, semicolon or tab separated) or an Excel .xlsx file."
            ),
            ImportError::Xls => write!(
                f,
                "This is an Excel 97-2003 .xls file, which cannot be read. Save it as .xlsx or as CSV UTF-8 and import that."
            ),
            ImportError::Utf16 => write!(
                f,
                "This file is saved as UTF-16 (Excel's 'Unicode text'). Save it as CSV UTF-8 and import that."
            ),
            ImportError::NotUtf8 { row } => write!(
                f,
                "Row {row} is not UTF-8 text. Save the file as CSV UTF-8 and import it again."
            ),
            ImportError::OneColumn => write!(
                f,
                "The first line has no commas, semicolons or tabs: this is not a CSV table. Its first line should name the columns."
            ),
            ImportError::NoRows => write!(f, "The file has a header but no rows of data."),
            ImportError::NoRowsAfterFilter => write!(
                f,
                "No rows are left after the filter. Keep at least one value of the filter column."
            ),
            ImportError::NoFte { skipped } => write!(
                f,
                "No row has a number in the FTE column ({skipped} rows skipped). Choose the column that holds full-time equivalents."
            ),
            ImportError::XlsxTooLarge { bytes } => write!(
                f,
                "This XLSX file is {} MB: files over {} MB cannot be read in the browser (the whole file is read at once). Save the sheet as CSV UTF-8 and import that: CSV files of any size are read in parts.",
                megabytes(*bytes),
                xlsx::XLSX_LIMIT_BYTES / 1_000_000
            ),
            ImportError::Xlsx(why) => write!(f, "This XLSX file cannot be read: {}.", short(why)),
            ImportError::NoSheet(name) if name.is_empty() => {
                write!(f, "This XLSX file has no sheets.")
            }
            ImportError::NoSheet(name) => {
                write!(f, "This XLSX file has no sheet named '{}'.", short(name))
            }
            ImportError::NoColumn(index) => write!(f, "The file has no column {}.", index + 1),
            ImportError::TooManyValues { column } => write!(
                f,
                "The column '{}' has more than {} distinct values: choose a role column that names a job role or staff group.",
                short(column),
                aggregate::DISTINCT_LIMIT
            ),
        }
    }
}

impl std::error::Error for ImportError {}

/// A name from the file, quoted back by its start only.
fn short(text: &str) -> String {
    const LONGEST: usize = 80;
    if text.chars().count() <= LONGEST {
        text.to_string()
    } else {
        text.chars().take(LONGEST).chain("…".chars()).collect()
    }
}

fn megabytes(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / 1_000_000.0)
}

/// What a file is, from its first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Csv,
    Xlsx,
}

/// How many of a file's first bytes [`file_kind`] needs (more are fine).
pub const SNIFF_BYTES: usize = 8192;

/// What the file is, from its first bytes (up to [`SNIFF_BYTES`]), or why it
/// cannot be imported: empty, an old `.xls`, UTF-16, or binary.
pub fn file_kind(first: &[u8]) -> Result<FileKind, ImportError> {
    if first.is_empty() {
        return Err(ImportError::Empty);
    }
    if first.starts_with(b"PK\x03\x04") {
        return Ok(FileKind::Xlsx);
    }
    if first.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(ImportError::Xls);
    }
    if first.starts_with(&[0xFF, 0xFE]) || first.starts_with(&[0xFE, 0xFF]) {
        return Err(ImportError::Utf16);
    }
    let head = &first[..first.len().min(SNIFF_BYTES)];
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    if head.contains(&0) || control * 100 > head.len() {
        return Err(ImportError::Binary);
    }
    Ok(FileKind::Csv)
}

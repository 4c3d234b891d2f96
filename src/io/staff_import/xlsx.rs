//! One sheet of an XLSX file, read with calamine. calamine reads the whole
//! file, so an XLSX over [`XLSX_LIMIT_BYTES`] is refused with a message
//! that says so (a CSV of any size is read in chunks instead).

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use super::aggregate::{check_preview, Aggregate, Aggregator, Columns, Preview, PREVIEW_ROWS};
use super::ImportError;

/// The largest XLSX file an import reads: 50 MB.
pub const XLSX_LIMIT_BYTES: u64 = 50_000_000;

/// Refuses a file over the limit before any of it is read.
pub fn check_size(bytes: u64) -> Result<(), ImportError> {
    if bytes > XLSX_LIMIT_BYTES {
        Err(ImportError::XlsxTooLarge { bytes })
    } else {
        Ok(())
    }
}

/// An XLSX file's sheets, read once the whole file is in memory.
pub struct Workbook {
    names: Vec<String>,
    sheets: BTreeMap<String, Vec<Vec<String>>>,
    book: Xlsx<Cursor<Vec<u8>>>,
}

impl Workbook {
    /// Opens the file, or says why it cannot be read.
    pub fn open(bytes: Vec<u8>) -> Result<Self, ImportError> {
        check_size(bytes.len() as u64)?;
        if bytes.is_empty() {
            return Err(ImportError::Empty);
        }
        let book = Xlsx::new(Cursor::new(bytes)).map_err(|e| ImportError::Xlsx(e.to_string()))?;
        let names = book.sheet_names();
        if names.is_empty() {
            return Err(ImportError::NoSheet(String::new()));
        }
        Ok(Workbook {
            names,
            sheets: BTreeMap::new(),
            book,
        })
    }

    /// The sheets' names, in the workbook's order.
    pub fn sheet_names(&self) -> &[String] {
        &self.names
    }

    /// The sheet's rows as text (read once, then kept).
    pub fn rows(&mut self, sheet: &str) -> Result<&[Vec<String>], ImportError> {
        if !self.names.iter().any(|n| n == sheet) {
            return Err(ImportError::NoSheet(sheet.to_string()));
        }
        if !self.sheets.contains_key(sheet) {
            let range = self
                .book
                .worksheet_range(sheet)
                .map_err(|e| ImportError::Xlsx(e.to_string()))?;
            let rows: Vec<Vec<String>> = range
                .rows()
                .map(|row| row.iter().map(cell_text).collect())
                .collect();
            self.sheets.insert(sheet.to_string(), rows);
        }
        Ok(&self.sheets[sheet])
    }

    /// The sheet's header (its first row that is not blank) and the rows
    /// after it, up to [`PREVIEW_ROWS`].
    pub fn preview(&mut self, sheet: &str) -> Result<Preview, ImportError> {
        let rows = self.rows(sheet)?;
        let mut body = rows.iter().filter(|r| !blank(r));
        let header = body
            .next()
            .map(|r| r.iter().map(|c| c.trim().to_string()).collect())
            .unwrap_or_default();
        let rows = body.take(PREVIEW_ROWS).cloned().collect();
        check_preview(Preview { header, rows }, true)
    }

    /// The sheet's totals for `columns`.
    pub fn aggregate(&mut self, sheet: &str, columns: Columns) -> Result<Aggregate, ImportError> {
        let rows = self.rows(sheet)?;
        let mut numbered = rows
            .iter()
            .enumerate()
            .filter(|(_, r)| !blank(r))
            .map(|(i, r)| (i as u64 + 1, r));
        let header = numbered
            .next()
            .map(|(_, r)| r.iter().map(|c| c.trim().to_string()).collect())
            .ok_or(ImportError::NoRows)?;
        let mut aggregator = Aggregator::new(header, columns)?;
        for (row, cells) in numbered {
            let fields: Vec<&str> = cells.iter().map(String::as_str).collect();
            aggregator.row(row, &fields)?;
        }
        aggregator.finish()
    }
}

fn blank(row: &[String]) -> bool {
    row.iter().all(|c| c.trim().is_empty())
}

/// A cell as the aggregator reads it: numbers in Rust's shortest form
/// (which parse back to the same value), text as it is.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::String(s) => s.clone(),
        Data::Bool(b) => b.to_string(),
        other => other.to_string(),
    }
}

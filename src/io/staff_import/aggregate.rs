//! What an import reads from the file's rows: a preview of the first rows,
//! then, for the columns chosen, FTE (and vacancies) per distinct role value
//! and filter value, from which the filter's values and the role values'
//! totals come without reading the file again.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::csv_stream::{CsvStream, Record};
use super::ImportError;

/// How many data rows the preview shows.
pub const PREVIEW_ROWS: usize = 10;

/// The most distinct (role value, filter value) pairs an import holds: a
/// role column naming job roles or staff groups has tens or hundreds.
pub const DISTINCT_LIMIT: usize = 50_000;

/// The header and the first rows of a file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Preview {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Preview {
    /// The column whose header is `name` (ignoring case and spaces at the
    /// ends), if any.
    pub fn column(&self, name: &str) -> Option<usize> {
        let name = name.trim();
        self.header
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    }
}

/// The preview of a CSV from its first bytes (`complete` when they are the
/// whole file): the header and up to [`PREVIEW_ROWS`] rows.
pub fn csv_preview(first: &[u8], complete: bool) -> Result<Preview, ImportError> {
    super::file_kind(first)?;
    let mut preview = Preview::default();
    let mut stream = CsvStream::new();
    let mut sink = |record: Record<'_>| {
        let fields = record.fields;
        if preview.header.is_empty() {
            preview.header = fields.iter().map(|f| f.trim().to_string()).collect();
        } else if preview.rows.len() < PREVIEW_ROWS && !is_blank(fields) {
            preview
                .rows
                .push(fields.iter().map(|f| f.to_string()).collect());
        }
        Ok(())
    };
    stream.feed(first, &mut sink)?;
    if complete {
        stream.finish(&mut sink)?;
    }
    check_preview(preview, complete)
}

pub(super) fn check_preview(preview: Preview, complete: bool) -> Result<Preview, ImportError> {
    if preview.header.len() < 2 {
        return Err(if preview.header.is_empty() && complete {
            ImportError::NoRows
        } else {
            ImportError::OneColumn
        });
    }
    if complete && preview.rows.is_empty() {
        return Err(ImportError::NoRows);
    }
    Ok(preview)
}

fn is_blank(fields: &[&str]) -> bool {
    fields.iter().all(|f| f.trim().is_empty())
}

/// The columns an import reads (indices into the header).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Columns {
    /// Values that name a job role or staff group.
    pub role: usize,
    /// Full-time equivalents.
    pub fte: usize,
    /// Funded vacancies (FTE), optional.
    pub vacancies: Option<usize>,
    /// A column whose values the filter keeps or drops (an organisation, a
    /// care setting), optional.
    pub filter: Option<usize>,
}

impl Columns {
    fn check(&self, header: &[String]) -> Result<(), ImportError> {
        for index in [Some(self.role), Some(self.fte), self.vacancies, self.filter]
            .into_iter()
            .flatten()
        {
            if index >= header.len() {
                return Err(ImportError::NoColumn(index));
            }
        }
        Ok(())
    }
}

/// FTE and vacancies summed over rows.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Totals {
    pub fte: f64,
    pub vacancies: f64,
    pub rows: u64,
}

/// Rows whose FTE (or vacancies) was empty or not a number: how many, and
/// the first one's row number (1 = the header).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Skipped {
    pub rows: u64,
    pub first_row: Option<u64>,
}

impl Skipped {
    fn add(&mut self, row: u64) {
        self.rows += 1;
        self.first_row.get_or_insert(row);
    }
}

/// Sums the chosen columns' rows, one row at a time.
#[derive(Clone, Debug)]
pub struct Aggregator {
    columns: Columns,
    header: Vec<String>,
    groups: HashMap<(String, String), Totals>,
    rows: u64,
    fte_skipped: Skipped,
    vacancies_skipped: Skipped,
    /// Numbers are written `0,8` (CSVs separated by semicolons), and a
    /// comma is never a thousands separator.
    decimal_comma: bool,
}

impl Aggregator {
    /// An aggregator for `columns` of a table with this header.
    pub fn new(header: Vec<String>, columns: Columns) -> Result<Self, ImportError> {
        columns.check(&header)?;
        Ok(Aggregator {
            columns,
            header,
            groups: HashMap::new(),
            rows: 0,
            fte_skipped: Skipped::default(),
            vacancies_skipped: Skipped::default(),
            decimal_comma: false,
        })
    }

    /// Adds one data row (`row` is its number, 1 = the header). Blank rows
    /// are ignored; a row whose FTE is not a number is counted as skipped.
    pub fn row(&mut self, row: u64, fields: &[&str]) -> Result<(), ImportError> {
        if is_blank(fields) {
            return Ok(());
        }
        self.rows += 1;
        let cell = |i: usize| fields.get(i).map_or("", |f| f.trim());
        let decimal_comma = self.decimal_comma;
        let Some(fte) = number(cell(self.columns.fte), decimal_comma) else {
            self.fte_skipped.add(row);
            return Ok(());
        };
        let vacancies = match self.columns.vacancies.map(cell) {
            None => 0.0,
            Some("") => 0.0,
            Some(text) => number(text, decimal_comma).unwrap_or_else(|| {
                self.vacancies_skipped.add(row);
                0.0
            }),
        };
        let role = cell(self.columns.role);
        let filter = self.columns.filter.map_or("", cell);
        let totals = match self.groups.get_mut(&(role.to_string(), filter.to_string())) {
            Some(totals) => totals,
            None => {
                if self.groups.len() >= DISTINCT_LIMIT {
                    return Err(ImportError::TooManyValues {
                        column: self.header[self.columns.role].clone(),
                    });
                }
                self.groups
                    .entry((role.to_string(), filter.to_string()))
                    .or_default()
            }
        };
        totals.fte += fte;
        totals.vacancies += vacancies;
        totals.rows += 1;
        Ok(())
    }

    /// What the rows added up to, or why there is nothing to import.
    pub fn finish(self) -> Result<Aggregate, ImportError> {
        if self.rows == 0 {
            return Err(ImportError::NoRows);
        }
        if self.groups.is_empty() {
            return Err(ImportError::NoFte {
                skipped: self.fte_skipped.rows,
            });
        }
        Ok(Aggregate {
            columns: self.columns,
            header: self.header,
            groups: self.groups.into_iter().collect(),
            rows: self.rows,
            fte_skipped: self.fte_skipped,
            vacancies_skipped: self.vacancies_skipped,
        })
    }
}

/// A number as files write FTE: `0.8`, `12`, `1,234.5` (thousands
/// separated by commas), or with `decimal_comma` also `0,8` and `1.234,5`. Not
/// negative, finite.
fn number(text: &str, decimal_comma: bool) -> Option<f64> {
    if text.is_empty() {
        return None;
    }
    let plain = if decimal_comma && text.contains(',') {
        text.replace('.', "").replace(',', ".")
    } else {
        text.replace(',', "")
    };
    let value: f64 = plain.parse().ok()?;
    (value.is_finite() && value >= 0.0).then_some(value)
}

/// A whole file read for the chosen columns.
#[derive(Clone, Debug, PartialEq)]
pub struct Aggregate {
    pub columns: Columns,
    pub header: Vec<String>,
    /// (role value, filter value) -> totals; the filter value is empty
    /// without a filter column.
    pub groups: BTreeMap<(String, String), Totals>,
    /// Data rows read (blank rows not counted).
    pub rows: u64,
    pub fte_skipped: Skipped,
    pub vacancies_skipped: Skipped,
}

/// One distinct role value and what the kept rows add up to for it.
#[derive(Clone, Debug, PartialEq)]
pub struct RoleValue {
    pub value: String,
    pub totals: Totals,
}

impl Aggregate {
    /// Every distinct value of the filter column with its FTE, in order of
    /// value (empty without a filter column).
    pub fn filter_values(&self) -> Vec<(String, Totals)> {
        if self.columns.filter.is_none() {
            return Vec::new();
        }
        let mut values: BTreeMap<&str, Totals> = BTreeMap::new();
        for ((_, filter), totals) in &self.groups {
            let sum = values.entry(filter).or_default();
            sum.fte += totals.fte;
            sum.vacancies += totals.vacancies;
            sum.rows += totals.rows;
        }
        values
            .into_iter()
            .map(|(value, totals)| (value.to_string(), totals))
            .collect()
    }

    /// Every distinct role value of the rows the filter keeps (all rows
    /// when `keep` is `None`), with its totals, in order of value.
    pub fn role_values(
        &self,
        keep: Option<&BTreeSet<String>>,
    ) -> Result<Vec<RoleValue>, ImportError> {
        let mut values: BTreeMap<&str, Totals> = BTreeMap::new();
        for ((role, filter), totals) in &self.groups {
            if keep.is_some_and(|keep| !keep.contains(filter)) {
                continue;
            }
            let sum = values.entry(role).or_default();
            sum.fte += totals.fte;
            sum.vacancies += totals.vacancies;
            sum.rows += totals.rows;
        }
        if values.is_empty() {
            return Err(ImportError::NoRowsAfterFilter);
        }
        Ok(values
            .into_iter()
            .map(|(value, totals)| RoleValue {
                value: value.to_string(),
                totals,
            })
            .collect())
    }
}

/// A whole CSV read for `columns`, a chunk at a time: feed it the file's
/// chunks in order, then finish.
pub struct CsvImport {
    stream: CsvStream,
    columns: Columns,
    aggregator: Option<Aggregator>,
}

impl CsvImport {
    pub fn new(columns: Columns) -> Self {
        CsvImport {
            stream: CsvStream::new(),
            columns,
            aggregator: None,
        }
    }

    /// Reads the next chunk of the file.
    pub fn feed(&mut self, chunk: &[u8]) -> Result<(), ImportError> {
        let columns = self.columns;
        let aggregator = &mut self.aggregator;
        self.stream
            .feed(chunk, &mut |record| add(aggregator, columns, record))
    }

    /// The end of the file: the totals, or why there is nothing to import.
    pub fn finish(mut self) -> Result<Aggregate, ImportError> {
        let columns = self.columns;
        let aggregator = &mut self.aggregator;
        self.stream
            .finish(&mut |record| add(aggregator, columns, record))?;
        self.aggregator.ok_or(ImportError::NoRows)?.finish()
    }
}

fn add(
    aggregator: &mut Option<Aggregator>,
    columns: Columns,
    record: Record<'_>,
) -> Result<(), ImportError> {
    match aggregator {
        Some(aggregator) => aggregator.row(record.row, record.fields),
        None => {
            let header: Vec<String> = record.fields.iter().map(|f| f.trim().to_string()).collect();
            if header.len() < 2 {
                return Err(ImportError::OneColumn);
            }
            let mut new = Aggregator::new(header, columns)?;
            // Files separated by semicolons write decimals with a comma.
            new.decimal_comma = record.delimiter == b';';
            *aggregator = Some(new);
            Ok(())
        }
    }
}

/// A whole CSV held in memory (the tests, small files): its totals for
/// `columns`, read in chunks of `chunk` bytes.
pub fn csv_aggregate(
    bytes: &[u8],
    columns: Columns,
    chunk: usize,
) -> Result<Aggregate, ImportError> {
    super::file_kind(bytes)?;
    let mut import = CsvImport::new(columns);
    for part in bytes.chunks(chunk.max(1)) {
        import.feed(part)?;
    }
    import.finish()
}

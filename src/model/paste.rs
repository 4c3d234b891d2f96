//! A block pasted from a spreadsheet into the staff table (issue 16): Excel,
//! LibreOffice and Google Sheets put a copied range on the clipboard as
//! tab-separated text, rows on lines, and quote a cell that holds a tab, a
//! line break or a quote. Pure: the page reads the clipboard and dispatches
//! the [`Edit::Paste`] this module plans, as one undo step.
//!
//! Each value is read as its input reads typed text ("1,200" is 1200), with
//! one rule for rates: a spreadsheet holds 11% as 0.11, so a rate column
//! whose every pasted number (without a % sign) is between 0 and 1 is read
//! as fractions ("0.11" is 11%). A column with any larger number, or with a
//! % sign, is read as the input reads it ("11" and "11%" are 11%).

use crate::format;
use crate::model::edit::{Edit, TextField};
use crate::model::field::{Field, RoleField, Unit};

/// A column of the staff table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StaffColumn {
    /// The role's name (text).
    Name,
    /// One of the role's numeric inputs.
    Number(RoleField),
}

impl StaffColumn {
    /// The columns of the staff table's default view, as "Copy table"
    /// writes them: the name, then in post, vacancies, cost, leavers and
    /// joiners.
    pub const STAFF: [StaffColumn; 6] = [
        StaffColumn::Name,
        StaffColumn::Number(RoleField::InPostWte),
        StaffColumn::Number(RoleField::VacantWte),
        StaffColumn::Number(RoleField::AnnualCost),
        StaffColumn::Number(RoleField::LeaverRate),
        StaffColumn::Number(RoleField::JoinersPerYear),
    ];

    /// The column's title: the table's header, part of every cell's
    /// accessible name ("Mental health nurse: In post WTE"), and the copied
    /// table's header row.
    pub fn title(self) -> &'static str {
        match self {
            StaffColumn::Name => "Role name",
            StaffColumn::Number(RoleField::InPostWte) => "In post WTE",
            StaffColumn::Number(RoleField::VacantWte) => "Funded vacancies WTE",
            StaffColumn::Number(RoleField::AnnualCost) => "Annual cost",
            StaffColumn::Number(f) => f.spec().label,
        }
    }
}

/// What a paste will do: the edit (None when nothing lands in the table)
/// and the cells that fell outside it.
#[derive(Clone, Debug, PartialEq)]
pub struct PastePlan {
    pub edit: Option<Edit>,
    /// Cells placed in the table.
    pub cells: usize,
    /// Pasted cells beyond the table's last row or column: not pasted.
    pub beyond: usize,
}

impl PastePlan {
    /// What the page says once the paste is done.
    pub fn message(&self) -> String {
        let cells = plural(self.cells, "cell");
        if self.beyond == 0 {
            format!("Pasted {cells}. Undo puts them all back.")
        } else {
            format!(
                "Pasted {cells}; {} fell outside the table and {} not pasted. Undo puts them all back.",
                plural(self.beyond, "cell"),
                if self.beyond == 1 { "was" } else { "were" }
            )
        }
    }
}

fn plural(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

/// Tab-separated text as rows of cells. A cell in double quotes may hold
/// tabs, line breaks and doubled quotes (as spreadsheets write them). One
/// trailing line break (spreadsheets end the copy with one) makes no row.
pub fn read_block(text: &str) -> Vec<Vec<String>> {
    let text = text
        .strip_suffix("\r\n")
        .or_else(|| text.strip_suffix('\n'))
        .unwrap_or(text);
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut at_cell_start = true;
    while let Some(c) = chars.next() {
        match c {
            '"' if at_cell_start => {
                // A quoted cell: up to the lone closing quote.
                while let Some(q) = chars.next() {
                    if q == '"' {
                        if chars.peek() == Some(&'"') {
                            chars.next();
                            cell.push('"');
                        } else {
                            break;
                        }
                    } else {
                        cell.push(q);
                    }
                }
                at_cell_start = false;
            }
            '\t' => {
                row.push(std::mem::take(&mut cell));
                at_cell_start = true;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
                at_cell_start = true;
            }
            _ => {
                cell.push(c);
                at_cell_start = false;
            }
        }
    }
    row.push(cell);
    rows.push(row);
    rows
}

/// Whether pasted text is a block (more than one cell) rather than one value.
pub fn is_block(text: &str) -> bool {
    let block = read_block(text);
    block.len() > 1 || block.first().is_some_and(|row| row.len() > 1)
}

/// What a cell of a table holds, for a paste.
#[derive(Clone, Debug, PartialEq)]
pub enum PasteCell {
    /// A name (text, taken as pasted).
    Name(TextField),
    /// A number, read as its input reads typed text.
    Number(Field),
}

/// The staff table's cell at (row, column): `roles` rows of these `columns`.
pub fn staff_cell(
    roles: usize,
    columns: &[StaffColumn],
) -> impl Fn(usize, usize) -> Option<PasteCell> + '_ {
    move |r, c| {
        if r >= roles {
            return None;
        }
        Some(match columns.get(c)? {
            StaffColumn::Name => PasteCell::Name(TextField::RoleName(r)),
            StaffColumn::Number(f) => PasteCell::Number(Field::Role(r, *f)),
        })
    }
}

/// The services table's cell at (row, column): the name, prevalence,
/// coverage today and the target, then the workload's numbers (which
/// differ by service: two or three).
pub fn service_cell(
    scenario: &crate::model::Scenario,
) -> impl Fn(usize, usize) -> Option<PasteCell> + '_ {
    use crate::model::field::ServiceField;
    move |r, c| {
        let service = scenario.services.get(r)?;
        match c {
            0 => Some(PasteCell::Name(TextField::ServiceName(r))),
            1..=3 => Some(PasteCell::Number(Field::Service(
                r,
                ServiceField::COMMON[c - 1],
            ))),
            _ => ServiceField::workload_fields(&service.workload)
                .get(c - 4)
                .map(|f| PasteCell::Number(Field::Service(r, *f))),
        }
    }
}

/// Plan a paste of `text` into a table whose cell at (row, column) is
/// `cell_at` (None past its edges), from the cell at (`row`, `column`)
/// rightwards and downwards.
pub fn plan(
    cell_at: impl Fn(usize, usize) -> Option<PasteCell>,
    row: usize,
    column: usize,
    text: &str,
) -> PastePlan {
    let block = read_block(text);
    let width = block.iter().map(Vec::len).max().unwrap_or(0);
    // A rate column of fractions: every number pasted into its rate cells
    // is in [0, 1] and none has a % sign.
    let fractions: Vec<bool> = (0..width)
        .map(|dc| {
            let mut any = false;
            let all_small = block.iter().enumerate().all(|(dr, cells)| {
                let rate = matches!(
                    cell_at(row + dr, column + dc),
                    Some(PasteCell::Number(f)) if f.unit() == Unit::Percent
                );
                cells.get(dc).is_none_or(|text| {
                    let text = text.trim();
                    if !rate || text.is_empty() {
                        return true;
                    }
                    any = true;
                    !text.contains('%')
                        && format::parse_input(text, Unit::Count)
                            .is_ok_and(|v| (0.0..=1.0).contains(&v))
                })
            });
            any && all_small
        })
        .collect();
    let mut numbers = Vec::new();
    let mut names = Vec::new();
    let mut beyond = 0;
    for (dr, cells) in block.iter().enumerate() {
        for (dc, text) in cells.iter().enumerate() {
            let Some(cell) = cell_at(row + dr, column + dc) else {
                // An empty trailing cell is no value lost.
                if !text.trim().is_empty() {
                    beyond += 1;
                }
                continue;
            };
            let text = text.trim().to_string();
            match cell {
                PasteCell::Name(field) => names.push((field, text)),
                PasteCell::Number(field) => {
                    let text = match format::parse_input(&text, Unit::Count) {
                        Ok(v) if fractions[dc] && field.unit() == Unit::Percent => {
                            format::plain(v * 100.0, 10) + "%"
                        }
                        _ => text,
                    };
                    numbers.push((field, text));
                }
            }
        }
    }
    let cells = numbers.len() + names.len();
    PastePlan {
        edit: (cells > 0).then_some(Edit::Paste { numbers, names }),
        cells,
        beyond,
    }
}

/// The staff table as tab-separated text for a spreadsheet: a header row of
/// column titles, then a row per role, rates as percentages ("11.5%").
pub fn copy_block(scenario: &crate::model::Scenario, columns: &[StaffColumn]) -> String {
    let clean = |t: &str| t.replace(['\t', '\r', '\n'], " ");
    let mut out = columns
        .iter()
        .map(|c| c.title())
        .collect::<Vec<_>>()
        .join("\t");
    for (i, role) in scenario.roles.iter().enumerate() {
        out.push('\n');
        let cells: Vec<String> = columns
            .iter()
            .map(|c| match c {
                StaffColumn::Name => clean(&role.name),
                StaffColumn::Number(f) => {
                    let field = Field::Role(i, *f);
                    let unit = field.unit();
                    let value = field.get(scenario).unwrap_or(0.0);
                    match unit {
                        Unit::Percent => format!("{}%", unit.input_text(value)),
                        _ => format::plain(value, 10),
                    }
                }
            })
            .collect();
        out.push_str(&cells.join("\t"));
    }
    out.push('\n');
    out
}

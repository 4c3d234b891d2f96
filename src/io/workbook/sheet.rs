//! The sheet writer: one worksheet, the workbook's formats, and the record
//! of every formula cell's expected value.

use std::borrow::Cow;

use rust_xlsxwriter::utility::{quote_sheet_name, row_col_to_cell, row_col_to_cell_absolute};
use rust_xlsxwriter::{
    Color, Format as XlsxFormat, FormatAlign, FormatBorder, Formula, Worksheet, XlsxError,
};

use super::{Check, Expected};
use crate::model::field::Unit;

/// How a cell looks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Format {
    Title,
    Header,
    Text,
    Wrap,
    Bold,
    Wte,
    WteBold,
    People,
    Money,
    MoneyBold,
    Percent,
    Ratio,
    Hours,
    Year,
    ValueNote,
    /// A value in an input's unit that is not an input (sensitivity,
    /// ranges): no fill, so only the Inputs sheet has yellow cells.
    Value(Unit),
    /// An input's value cell: by unit, on a yellow fill.
    Input(Unit),
}

/// The cell formats, made once for the workbook.
struct Formats {
    title: XlsxFormat,
    header: XlsxFormat,
    text: XlsxFormat,
    wrap: XlsxFormat,
    bold: XlsxFormat,
    wte: XlsxFormat,
    wte_bold: XlsxFormat,
    people: XlsxFormat,
    money: XlsxFormat,
    money_bold: XlsxFormat,
    percent: XlsxFormat,
    ratio: XlsxFormat,
    hours: XlsxFormat,
    year: XlsxFormat,
    value_note: XlsxFormat,
}

impl Formats {
    fn new() -> Formats {
        let header = XlsxFormat::new()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_background_color(Color::RGB(0xE8EDEE))
            .set_border_bottom(FormatBorder::Thin);
        Formats {
            title: XlsxFormat::new().set_bold().set_font_size(14),
            header,
            text: XlsxFormat::new().set_align(FormatAlign::Top),
            wrap: XlsxFormat::new()
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            bold: XlsxFormat::new().set_bold(),
            wte: XlsxFormat::new().set_num_format("#,##0.0"),
            wte_bold: XlsxFormat::new().set_num_format("#,##0.0").set_bold(),
            people: XlsxFormat::new().set_num_format("#,##0"),
            money: XlsxFormat::new().set_num_format("£#,##0"),
            money_bold: XlsxFormat::new().set_num_format("£#,##0").set_bold(),
            percent: XlsxFormat::new().set_num_format("0.0#%"),
            ratio: XlsxFormat::new().set_num_format("0.00"),
            hours: XlsxFormat::new().set_num_format("#,##0.00"),
            year: XlsxFormat::new().set_num_format("0"),
            value_note: XlsxFormat::new()
                .set_italic()
                .set_font_color(Color::RGB(0x425563)),
        }
    }

    fn get(&self, format: Format) -> Cow<'_, XlsxFormat> {
        let fixed = match format {
            Format::Title => &self.title,
            Format::Header => &self.header,
            Format::Text => &self.text,
            Format::Wrap => &self.wrap,
            Format::Bold => &self.bold,
            Format::Wte => &self.wte,
            Format::WteBold => &self.wte_bold,
            Format::People => &self.people,
            Format::Money => &self.money,
            Format::MoneyBold => &self.money_bold,
            Format::Percent => &self.percent,
            Format::Ratio => &self.ratio,
            Format::Hours => &self.hours,
            Format::Year => &self.year,
            Format::ValueNote => &self.value_note,
            Format::Value(unit) => {
                return Cow::Owned(XlsxFormat::new().set_num_format(unit.excel_format()))
            }
            Format::Input(unit) => {
                return Cow::Owned(
                    XlsxFormat::new()
                        .set_num_format(unit.excel_format())
                        .set_background_color(Color::RGB(0xFFF2B3))
                        .set_border(FormatBorder::Thin)
                        .set_border_color(Color::RGB(0xAEB7BD)),
                )
            }
        };
        Cow::Borrowed(fixed)
    }
}

/// The workbook being written: its formats and the formula checks so far.
pub(super) struct Book {
    formats: Formats,
    checks: Vec<Check>,
    /// Store the model's value beside each formula (`Options::cached_results`).
    cached: bool,
}

impl Book {
    pub(super) fn new(cached: bool) -> Book {
        Book {
            formats: Formats::new(),
            checks: Vec::new(),
            cached,
        }
    }

    pub(super) fn into_checks(self) -> Vec<Check> {
        self.checks
    }
}

/// One worksheet being written, with the book's formats and record of
/// checks: every formula cell goes through [`Sheet::formula`] (or
/// [`Sheet::formula_expecting`]), which records the model's value for it.
pub(super) struct Sheet<'b> {
    name: &'static str,
    ws: Worksheet,
    book: &'b mut Book,
}

impl<'b> Sheet<'b> {
    pub(super) fn new(book: &'b mut Book, name: &'static str) -> Result<Sheet<'b>, XlsxError> {
        let mut ws = Worksheet::new();
        ws.set_name(name)?;
        Ok(Sheet { name, ws, book })
    }

    /// A formula whose value the model gives as a number.
    pub(super) fn formula(
        &mut self,
        row: u32,
        col: u16,
        text: String,
        value: f64,
        format: Format,
    ) -> Result<(), XlsxError> {
        self.formula_expecting(row, col, text, Expected::Number(value), format)
    }

    /// A formula and the model's value for it, a number or a text.
    pub(super) fn formula_expecting(
        &mut self,
        row: u32,
        col: u16,
        text: String,
        expected: Expected,
        format: Format,
    ) -> Result<(), XlsxError> {
        let mut formula = Formula::new(&text);
        if self.book.cached {
            formula = formula.set_result(match &expected {
                Expected::Number(v) => format!("{v}"),
                Expected::Text(t) => t.clone(),
            });
        }
        let format = self.book.formats.get(format);
        self.ws
            .write_formula_with_format(row, col, formula, &format)?;
        self.book.checks.push(Check {
            sheet: self.name,
            row,
            col,
            formula: text,
            expected,
        });
        Ok(())
    }

    /// A value, not a formula.
    pub(super) fn number(
        &mut self,
        row: u32,
        col: u16,
        value: f64,
        format: Format,
    ) -> Result<(), XlsxError> {
        let format = self.book.formats.get(format);
        self.ws.write_number_with_format(row, col, value, &format)?;
        Ok(())
    }

    pub(super) fn text(
        &mut self,
        row: u32,
        col: u16,
        text: &str,
        format: Format,
    ) -> Result<(), XlsxError> {
        let format = self.book.formats.get(format);
        self.ws.write_string_with_format(row, col, text, &format)?;
        Ok(())
    }

    /// Text in the sheet's default format.
    pub(super) fn plain(&mut self, row: u32, col: u16, text: &str) -> Result<(), XlsxError> {
        self.ws.write_string(row, col, text)?;
        Ok(())
    }

    /// The sheet's title in A1 and, unless empty, a note under it.
    pub(super) fn title(&mut self, text: &str, note: &str) -> Result<(), XlsxError> {
        self.text(0, 0, text, Format::Title)?;
        if !note.is_empty() {
            self.text(1, 0, note, Format::ValueNote)?;
        }
        Ok(())
    }

    /// A header row from column A.
    pub(super) fn headers<S: AsRef<str>>(
        &mut self,
        row: u32,
        names: &[S],
    ) -> Result<(), XlsxError> {
        for (col, name) in names.iter().enumerate() {
            self.text(row, col as u16, name.as_ref(), Format::Header)?;
        }
        Ok(())
    }

    /// Column widths, `width` for every column in `cols`.
    pub(super) fn widths(
        &mut self,
        cols: impl IntoIterator<Item = u16>,
        width: impl Into<f64> + Copy,
    ) -> Result<(), XlsxError> {
        for col in cols {
            self.ws.set_column_width(col, width)?;
        }
        Ok(())
    }

    /// The worksheet itself, for its layout (freeze panes, filters, row
    /// heights).
    pub(super) fn ws(&mut self) -> &mut Worksheet {
        &mut self.ws
    }

    pub(super) fn finish(self) -> Worksheet {
        self.ws
    }
}

/// `Sheet!$C$5`.
pub(super) fn at(sheet: &str, row: u32, col: u16) -> String {
    format!(
        "{}!{}",
        quote_sheet_name(sheet),
        row_col_to_cell_absolute(row, col)
    )
}

/// `C5` (relative, same sheet).
pub(super) fn rel(row: u32, col: u16) -> String {
    row_col_to_cell(row, col)
}

/// `$C$5` (absolute, same sheet).
pub(super) fn abs(row: u32, col: u16) -> String {
    row_col_to_cell_absolute(row, col)
}

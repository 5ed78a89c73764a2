//! Writing Excel workbooks: result tables (indicators, findings,
//! classifications) as sheets a union officer opens in Excel. Numbers stay
//! numbers, formatted by their unit (a percentage as a percentage, đồng
//! with thousands, counts whole), dates are dates shown day first
//! (`16/10/2024`, as Vietnamese is written), headers are bold and frozen.
//! Text that Excel would run as a formula is written as text: a cell is
//! never a formula.

use crate::error::Error;
use crate::model::Date;
use rust_xlsxwriter::{Format, FormatAlign, Workbook};

/// One cell of a sheet to write.
#[derive(Debug, Clone, PartialEq)]
pub enum WorkCell<'a> {
    /// Nothing.
    Empty,
    /// Text, written as text (never as a formula).
    Text(&'a str),
    /// A whole number.
    Int(i64),
    /// A number in a unit of the indicator tables (`count`, `percent`,
    /// `ratio`) or `vnd`; `percent` is given as 36.6 for 36.6 %.
    Number(f64, Option<&'a str>),
    /// A day.
    Date(Date),
    /// Yes or no.
    Bool(bool),
}

/// One sheet: its name (at most 31 characters, as Excel allows), its
/// header row and its rows.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetData<'a> {
    /// The sheet's name.
    pub name: &'a str,
    /// The header row.
    pub header: Vec<&'a str>,
    /// The rows, each with at most one cell per header.
    pub rows: Vec<Vec<WorkCell<'a>>>,
}

/// The workbook of `sheets`, as the bytes of an `.xlsx` file.
pub fn write_xlsx(sheets: &[SheetData<'_>]) -> Result<Vec<u8>, Error> {
    let fail = |e: rust_xlsxwriter::XlsxError| Error::parameter("workbook", e.to_string());
    let mut book = Workbook::new();
    let bold = Format::new()
        .set_bold()
        .set_align(FormatAlign::Top)
        .set_text_wrap();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let percent = Format::new().set_num_format("0.0%");
    let ratio = Format::new().set_num_format("0.000");
    let whole = Format::new().set_num_format("#,##0");
    let decimal = Format::new().set_num_format("#,##0.0##");
    for sheet in sheets {
        let name: String = sheet.name.chars().take(31).collect();
        let ws = book.add_worksheet();
        ws.set_name(&name).map_err(fail)?;
        let mut widths: Vec<usize> = sheet
            .header
            .iter()
            .map(|h| h.chars().count().clamp(8, 40))
            .collect();
        for (c, h) in sheet.header.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, *h, &bold)
                .map_err(fail)?;
        }
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, cell) in row.iter().enumerate() {
                let col = c as u16;
                let shown = match cell {
                    WorkCell::Empty => 0,
                    WorkCell::Text(s) => {
                        ws.write_string(r, col, *s).map_err(fail)?;
                        s.chars().count()
                    }
                    WorkCell::Int(i) => {
                        ws.write_number_with_format(r, col, *i as f64, &whole)
                            .map_err(fail)?;
                        12
                    }
                    WorkCell::Number(v, unit) => {
                        let (value, format) = match *unit {
                            Some("percent") => (v / 100.0, &percent),
                            Some("ratio") => (*v, &ratio),
                            Some("count" | "vnd") if v.fract() == 0.0 => (*v, &whole),
                            _ => (*v, &decimal),
                        };
                        ws.write_number_with_format(r, col, value, format).map_err(fail)?;
                        12
                    }
                    WorkCell::Date(d) => {
                        let d = rust_xlsxwriter::ExcelDateTime::from_ymd(
                            u16::try_from(chrono::Datelike::year(d))
                                .map_err(|_| Error::parameter("workbook", "a year Excel cannot show"))?,
                            chrono::Datelike::month(d) as u8,
                            chrono::Datelike::day(d) as u8,
                        )
                        .map_err(fail)?;
                        ws.write_datetime_with_format(r, col, &d, &date).map_err(fail)?;
                        10
                    }
                    WorkCell::Bool(b) => {
                        ws.write_boolean(r, col, *b).map_err(fail)?;
                        5
                    }
                };
                if let Some(w) = widths.get_mut(c) {
                    *w = (*w).max(shown.min(60));
                }
            }
        }
        for (c, w) in widths.iter().enumerate() {
            ws.set_column_width(c as u16, *w as f64 + 2.0).map_err(fail)?;
        }
        ws.set_freeze_panes(1, 0).map_err(fail)?;
    }
    book.save_to_buffer().map_err(fail)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::ReadOptions;

    #[test]
    fn a_written_sheet_reads_back_with_its_numbers_and_days() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        let sheets = [SheetData {
            name: "cooperatives",
            header: vec![
                "id",
                "name",
                "kind",
                "sector",
                "established",
                "charter_capital_vnd",
            ],
            rows: vec![vec![
                WorkCell::Text("A"),
                WorkCell::Text("=HTX A"),
                WorkCell::Text("cooperative"),
                WorkCell::Text("agriculture"),
                WorkCell::Date(d("2019-03-15")),
                WorkCell::Int(500_000_000),
            ]],
        }];
        let bytes = write_xlsx(&sheets).unwrap();
        let read = ReadOptions::new().read_xlsx(&bytes).unwrap().registry;
        let c = read.get(0).unwrap();
        // The text that looks like a formula stays text.
        assert_eq!(
            (c.name.as_str(), c.established, c.charter_capital_vnd),
            ("=HTX A", Some(d("2019-03-15")), Some(500_000_000))
        );
    }
}

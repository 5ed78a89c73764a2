//! `--xlsx`: the report's indicators and every finding as an Excel
//! workbook, in the report's language, written by the core
//! (`coopkit::io::workbook`): numbers as numbers in their unit, headings and
//! labels in the language, the header rows frozen.

use super::{Lang, Options, ReportError};
use coopkit::codes::label;
use coopkit::indicators::Query;
use coopkit::io::workbook::{write_xlsx, SheetData, WorkCell};
use coopkit::{Code, Registry};

/// A term of the core's vocabulary in `lang` (the code itself if it has none).
fn term(code: &'static str, lang: Lang) -> &'static str {
    label("term", code, lang).unwrap_or(code)
}

/// A sheet's name: the term, first letter capital.
fn title(code: &'static str, lang: Lang) -> String {
    let t = term(code, lang);
    let mut chars = t.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// The workbook's bytes: the indicators of the report's date and rule, and
/// the findings of every cooperative under the report's law.
pub fn write(registry: &Registry, o: &Options) -> Result<Vec<u8>, ReportError> {
    let lang = o.lang;
    let mut query = Query::new(o.as_of);
    query.women_managed_rule = o.rule;
    let table = registry.indicators(&query)?;
    let indicator_rows: Vec<Vec<WorkCell<'_>>> = table
        .rows
        .iter()
        .map(|r| {
            vec![
                WorkCell::Text(r.indicator.label(lang)),
                r.numerator.map_or(WorkCell::Empty, |n| WorkCell::Int(n as i64)),
                r.denominator.map_or(WorkCell::Empty, |n| WorkCell::Int(n as i64)),
                r.value
                    .map_or(WorkCell::Empty, |v| WorkCell::Number(v, Some(r.unit.code()))),
                WorkCell::Text(r.unit.label(lang)),
                WorkCell::Int(r.contributing as i64),
            ]
        })
        .collect();
    let law = o.law;
    let reports: Vec<_> = registry
        .iter()
        .map(|c| (c.id.clone(), coopkit::check(&c, law, o.as_of)))
        .collect();
    let mut finding_rows = Vec::new();
    for (id, report) in &reports {
        for f in &report.findings {
            let citation = match lang {
                Lang::Vi => f.citation_vi.as_str(),
                _ => f.citation.as_str(),
            };
            finding_rows.push(vec![
                WorkCell::Text(id),
                WorkCell::Text(label("rule", f.rule, lang).unwrap_or(f.rule)),
                WorkCell::Text(f.status.label(lang)),
                WorkCell::Text(citation),
                WorkCell::Text(f.message.text(lang)),
            ]);
        }
    }
    let (indicators, findings) = (title("indicator", lang), title("status", lang));
    let sheets = [
        SheetData {
            name: &indicators,
            header: vec![
                term("indicator", lang),
                term("numerator", lang),
                term("denominator", lang),
                term("value", lang),
                term("unit", lang),
                term("contributing", lang),
            ],
            rows: indicator_rows,
        },
        SheetData {
            name: &findings,
            header: vec![
                term("cooperative", lang),
                term("rule", lang),
                term("status", lang),
                term("citation", lang),
                term("message", lang),
            ],
            rows: finding_rows,
        },
    ];
    Ok(write_xlsx(&sheets)?)
}

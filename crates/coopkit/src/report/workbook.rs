//! The report's tables as an Excel workbook, in the report's language,
//! written by `crate::io::workbook`: the indicators (numbers as numbers in
//! their unit), every finding of every cooperative, and each cooperative's
//! classification, headings and labels in the language, header rows frozen.

use super::{Basis, Report};
use crate::codes::label;
use crate::io::workbook::{write_xlsx, SheetData, WorkCell};
use crate::text::{capitalise, Lang};
use crate::Code;

/// A term of the core's vocabulary in `lang` (the code itself if it has none).
fn term(code: &'static str, lang: Lang) -> &'static str {
    label("term", code, lang).unwrap_or(code)
}

/// A sheet's name: the term, first letter capital.
fn title(code: &'static str, lang: Lang) -> String {
    capitalise(term(code, lang))
}

pub(super) fn write(report: &Report) -> crate::Result<Vec<u8>> {
    let lang = report.lang;
    let Basis {
        indicators,
        assessed,
        rule,
    } = &report.basis;
    let indicator_rows: Vec<Vec<WorkCell<'_>>> = indicators
        .iter()
        .flat_map(|t| &t.rows)
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
    let mut finding_rows = Vec::new();
    for (id, _, check, _) in assessed {
        for f in &check.findings {
            let citation = match lang {
                Lang::Vi => f.citation_vi.as_str(),
                Lang::En => f.citation.as_str(),
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
    let class_rows: Vec<Vec<WorkCell<'_>>> = assessed
        .iter()
        .map(|(id, name, _, class)| {
            let women = class
                .women_managed
                .iter()
                .find(|w| w.rule == *rule)
                .and_then(|w| w.value);
            vec![
                WorkCell::Text(id),
                WorkCell::Text(name),
                class
                    .size_class
                    .class
                    .map_or(WorkCell::Empty, |c| WorkCell::Text(c.label(lang))),
                WorkCell::Text(&class.size_class.basis),
                women.map_or(WorkCell::Empty, WorkCell::Bool),
                class.has_minority_member.map_or(WorkCell::Empty, WorkCell::Bool),
            ]
        })
        .collect();
    let (ind, fin, cls) = (
        title("indicator", lang),
        title("status", lang),
        title("classification", lang),
    );
    let sheets = [
        SheetData {
            name: &ind,
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
            name: &fin,
            header: vec![
                term("cooperative", lang),
                term("rule", lang),
                term("status", lang),
                term("citation", lang),
                term("message", lang),
            ],
            rows: finding_rows,
        },
        SheetData {
            name: &cls,
            header: vec![
                term("cooperative", lang),
                term("name", lang),
                term("size_class", lang),
                term("size_basis", lang),
                term("women_managed", lang),
                term("has_minority_member", lang),
            ],
            rows: class_rows,
        },
    ];
    write_xlsx(&sheets)
}

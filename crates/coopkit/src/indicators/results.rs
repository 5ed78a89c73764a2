//! Check and classification results as named columns, for data frames: one
//! row per finding, or one per cooperative. A binding builds its table from
//! these lists and names nothing itself.

use super::Column;
use crate::classify::{Classification, WomenManagedRule};
use crate::codes::Rule;
use crate::law::{CheckReport, Finding};
use crate::text::Lang;

/// Every finding of `reports`, one row each: `cooperative`, `law`,
/// `as_of`, `rule`, `rule_label`, `status`, `subject`, `measured`,
/// `required` (their plain form: `1500000`, `33.33 %`), `unit`,
/// `comparison`, `citation` and `message`. The label, the citation and the
/// message are in `lang` (Vietnamese: the citation as Vietnamese legal texts
/// write it).
pub fn findings_columns(reports: &[CheckReport], lang: Lang) -> Vec<(&'static str, Column)> {
    let rows: Vec<(&CheckReport, &Finding)> = reports
        .iter()
        .flat_map(|r| r.findings.iter().map(move |f| (r, f)))
        .collect();
    let text = |f: &dyn Fn(&CheckReport, &Finding) -> Option<String>| {
        Column::Text(rows.iter().map(|(r, x)| f(r, x)).collect())
    };
    let code =
        |f: &dyn Fn(&Finding) -> Option<&'static str>| Column::Code(rows.iter().map(|(_, x)| f(x)).collect());
    vec![
        ("cooperative", text(&|r, _| Some(r.cooperative.clone()))),
        ("law", code(&|f| Some(f.law.as_str()))),
        ("as_of", Column::Date(rows.iter().map(|(r, _)| r.as_of).collect())),
        ("rule", code(&|f| Some(f.rule))),
        (
            "rule_label",
            code(&|f| f.rule.parse::<Rule>().ok().map(|x| x.label(lang))),
        ),
        ("status", code(&|f| Some(f.status.as_str()))),
        ("subject", text(&|_, f| Some(f.subject.as_str().to_owned()))),
        (
            "measured",
            text(&|_, f| f.measured.as_ref().map(ToString::to_string)),
        ),
        (
            "required",
            text(&|_, f| f.required.as_ref().map(ToString::to_string)),
        ),
        (
            "unit",
            code(&|f| f.measured.as_ref().or(f.required.as_ref()).map(|v| v.unit())),
        ),
        ("comparison", code(&|f| f.comparison.map(|c| c.as_str()))),
        (
            "citation",
            text(&|_, f| {
                Some(match lang {
                    Lang::Vi => f.citation_vi.clone(),
                    Lang::En => f.citation.clone(),
                })
            }),
        ),
        ("message", text(&|_, f| Some(f.message.text(lang).to_owned()))),
    ]
}

/// The name of the column of one women-managed rule in
/// [`classification_columns`].
pub fn women_managed_column(rule: WomenManagedRule) -> &'static str {
    match rule {
        WomenManagedRule::ChairOrDirector => "women_managed_chair_or_director",
        WomenManagedRule::ManagementMajority => "women_managed_management_majority",
        WomenManagedRule::WomenOwned => "women_managed_women_owned",
        WomenManagedRule::Declared => "women_managed_declared",
    }
}

/// One row per classification: `cooperative`, `as_of`, `size_class`,
/// `size_status`, `size_basis`, `ilo_type`, `has_minority_member`, then
/// one yes/no/unknown column per women-managed rule
/// ([`women_managed_column`]).
pub fn classification_columns(all: &[Classification]) -> Vec<(&'static str, Column)> {
    let mut out = vec![
        (
            "cooperative",
            Column::Text(all.iter().map(|c| Some(c.cooperative.clone())).collect()),
        ),
        ("as_of", Column::Date(all.iter().map(|c| c.as_of).collect())),
        (
            "size_class",
            Column::Code(
                all.iter()
                    .map(|c| c.size_class.class.map(|s| s.as_str()))
                    .collect(),
            ),
        ),
        (
            "size_status",
            Column::Code(all.iter().map(|c| Some(c.size_class.status.as_str())).collect()),
        ),
        (
            "size_basis",
            Column::Text(
                all.iter()
                    .map(|c| (!c.size_class.basis.is_empty()).then(|| c.size_class.basis.clone()))
                    .collect(),
            ),
        ),
        (
            "ilo_type",
            Column::Code(all.iter().map(|c| c.ilo_type.map(|t| t.as_str())).collect()),
        ),
        (
            "has_minority_member",
            Column::Truth(all.iter().map(|c| c.has_minority_member).collect()),
        ),
    ];
    for (i, rule) in WomenManagedRule::ALL.iter().enumerate() {
        out.push((
            women_managed_column(*rule),
            Column::Truth(
                all.iter()
                    .map(|c| c.women_managed.get(i).and_then(|w| w.value))
                    .collect(),
            ),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cooperative, Kind, Sector};

    #[test]
    fn every_finding_is_a_row_in_the_chosen_language() {
        let coop = Cooperative::new("HTX1", "HTX", Kind::Cooperative, Sector::Agriculture);
        let date = "2024-10-16".parse().unwrap();
        let report = crate::law::check(&coop, crate::codes::LawChoice::Auto, date);
        let n = report.findings.len();
        let cols = findings_columns(std::slice::from_ref(&report), Lang::Vi);
        for (name, c) in &cols {
            assert_eq!(c.len(), n, "{name}");
        }
        let Column::Text(cit) = &cols.iter().find(|c| c.0 == "citation").unwrap().1 else {
            panic!("citation is text")
        };
        assert_eq!(cit[0].as_deref(), Some(report.findings[0].citation_vi.as_str()));
        let classes = classification_columns(&[crate::classify::classify(&coop, date)]);
        assert_eq!(classes.len(), 7 + WomenManagedRule::ALL.len());
    }
}

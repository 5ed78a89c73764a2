//! Check, classification and target results as named columns, for data
//! frames: one row per finding, per cooperative, per target or per target
//! measured. A binding builds its table from these lists and names nothing
//! itself.

use super::targets::{Measure, Progress, Target};
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
        (
            "as_of",
            Column::Date(rows.iter().map(|(r, _)| Some(r.as_of)).collect()),
        ),
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
            text(&|_, f| Some(lang.pick(&f.citation, &f.citation_vi).to_owned())),
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
/// `size_status`, `size_basis` (the instrument, cited in `lang`),
/// `ilo_type`, `has_minority_member`, then one yes/no/unknown column per
/// women-managed rule ([`women_managed_column`]).
pub fn classification_columns(all: &[Classification], lang: Lang) -> Vec<(&'static str, Column)> {
    let mut out = vec![
        (
            "cooperative",
            Column::Text(all.iter().map(|c| Some(c.cooperative.clone())).collect()),
        ),
        ("as_of", Column::Date(all.iter().map(|c| Some(c.as_of)).collect())),
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
                    .map(|c| {
                        let basis = &c.size_class.basis;
                        (!basis.is_empty()).then(|| match lang {
                            Lang::Vi => crate::text::citation_vi(basis),
                            Lang::En => basis.clone(),
                        })
                    })
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

/// One row per target: `target` (its id), `description`, `value`, `unit`,
/// `due`, `indicator` and `kind` (what measures it in a registry; empty when
/// a registry cannot), `measurable`, and `citation`. The description and
/// citation are in `lang`.
pub fn targets_columns(targets: &[Target], lang: Lang) -> Vec<(&'static str, Column)> {
    let measure = |t: &Target| match &t.measure {
        Measure::Indicator { indicator, kind, .. } => Some((*indicator, *kind)),
        Measure::NotMeasurable { .. } => None,
    };
    vec![
        (
            "target",
            Column::Text(targets.iter().map(|t| Some(t.id.clone())).collect()),
        ),
        (
            "description",
            Column::Text(
                targets
                    .iter()
                    .map(|t| Some(t.description.text(lang).to_owned()))
                    .collect(),
            ),
        ),
        (
            "value",
            Column::Count(targets.iter().map(|t| Some(t.value)).collect()),
        ),
        (
            "unit",
            Column::Code(targets.iter().map(|t| Some(t.unit.as_str())).collect()),
        ),
        ("due", Column::Date(targets.iter().map(|t| Some(t.due)).collect())),
        (
            "indicator",
            Column::Code(
                targets
                    .iter()
                    .map(|t| measure(t).map(|(i, _)| i.as_str()))
                    .collect(),
            ),
        ),
        (
            "kind",
            Column::Code(
                targets
                    .iter()
                    .map(|t| measure(t).and_then(|(_, k)| k).map(|k| k.as_str()))
                    .collect(),
            ),
        ),
        (
            "measurable",
            Column::Flag(targets.iter().map(|t| measure(t).is_some()).collect()),
        ),
        (
            "citation",
            Column::Text(
                targets
                    .iter()
                    .map(|t| Some(lang.pick(&t.citation, &t.citation_vi).to_owned()))
                    .collect(),
            ),
        ),
    ]
}

/// One row per target measured: `target`, `description` (from `targets`, by
/// id), `as_of`, `unit`, `target_value`, `achieved` (a count target),
/// `share` (a percent target), `numerator`, `denominator`, `met`,
/// `progress`, `expected`, `on_track`, `not_contributing` and `reason`; the
/// description and the reason are in `lang`.
pub fn progress_columns(
    progress: &[Progress],
    targets: &[Target],
    lang: Lang,
) -> Vec<(&'static str, Column)> {
    let count = |f: &dyn Fn(&Progress) -> Option<u64>| Column::Count(progress.iter().map(f).collect());
    let number = |f: &dyn Fn(&Progress) -> Option<f64>| Column::Number(progress.iter().map(f).collect());
    let truth = |f: &dyn Fn(&Progress) -> Option<bool>| Column::Truth(progress.iter().map(f).collect());
    let description = |p: &Progress| {
        targets
            .iter()
            .find(|t| t.id == p.target)
            .map(|t| t.description.text(lang).to_owned())
    };
    vec![
        (
            "target",
            Column::Text(progress.iter().map(|p| Some(p.target.clone())).collect()),
        ),
        (
            "description",
            Column::Text(progress.iter().map(description).collect()),
        ),
        (
            "as_of",
            Column::Date(progress.iter().map(|p| Some(p.as_of)).collect()),
        ),
        (
            "unit",
            Column::Code(progress.iter().map(|p| Some(p.unit.as_str())).collect()),
        ),
        ("target_value", count(&|p| Some(p.target_value))),
        ("achieved", count(&|p| p.achieved)),
        ("share", number(&|p| p.share)),
        ("numerator", count(&|p| p.numerator)),
        ("denominator", count(&|p| p.denominator)),
        ("met", truth(&|p| p.met)),
        ("progress", number(&|p| p.progress)),
        ("expected", number(&|p| p.expected)),
        ("on_track", truth(&|p| p.on_track)),
        ("not_contributing", count(&|p| Some(p.not_contributing))),
        (
            "reason",
            Column::Text(
                progress
                    .iter()
                    .map(|p| p.reason.as_ref().map(|r| r.text(lang).to_owned()))
                    .collect(),
            ),
        ),
    ]
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
        let classes = classification_columns(&[crate::classify::classify(&coop, date)], Lang::Vi);
        assert_eq!(classes.len(), 7 + WomenManagedRule::ALL.len());
    }

    #[test]
    fn every_target_and_its_progress_is_a_row() {
        use super::super::targets::{programme_progress, programme_targets};
        let targets = programme_targets();
        let cols = targets_columns(targets, Lang::Vi);
        for (name, c) in &cols {
            assert_eq!(c.len(), targets.len(), "{name}");
        }
        let Column::Text(desc) = &cols[1].1 else {
            panic!("description is text")
        };
        assert_eq!(desc[0].as_deref(), Some(targets[0].description.vi.as_str()));
        let reg = crate::registry::Registry::default();
        let date = "2025-12-31".parse().unwrap();
        let p = programme_progress(&reg, date, &[], WomenManagedRule::ChairOrDirector).unwrap();
        let cols = progress_columns(&p, targets, Lang::En);
        let Column::Text(desc) = &cols[1].1 else {
            panic!("description is text")
        };
        assert_eq!(desc[0].as_deref(), Some(targets[0].description.en.as_str()));
        let Column::Count(target_value) = &cols.iter().find(|c| c.0 == "target_value").unwrap().1 else {
            panic!("target_value is a count")
        };
        assert_eq!(target_value[0], Some(targets[0].value));
    }
}

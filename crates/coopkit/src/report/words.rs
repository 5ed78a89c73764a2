//! The report's numbers, written the way each language writes them
//! (`1,234.5` and `1.234,5`), and the words for codes (statuses, sectors,
//! size classes, yes and no) from the core's code lists, so that the report,
//! the Python package and the web page say the same thing.

use crate::indicators::{Row, Unit};
use crate::text::{self, Lang};
use crate::{Date, Law, Rule, SizeClass, Status, Term, WomenManagedRule};

/// Numbers and code labels in the report's language.
pub trait Words: Copy {
    /// A whole number with thousands separators.
    fn count(self, n: u64) -> String;
    /// A decimal number with `places` decimals.
    fn decimal(self, x: f64, places: usize) -> String;
    /// A percentage with one decimal.
    fn percent(self, x: f64) -> String {
        format!("{} %", self.decimal(x, 1))
    }
    /// A status; a failure in capitals, so that it stands out in the text.
    fn status(self, s: Status) -> String;
    /// Yes, no or unknown.
    fn yes_no(self, v: Option<bool>) -> &'static str;
    /// A women-managed rule: its id in English (the code a reader passes
    /// to `--rule`), its label in quotation marks in Vietnamese.
    fn rule(self, r: WomenManagedRule) -> String;
    /// A citation: the English one, or the Vietnamese legal form.
    fn cite(self, en: &str) -> String;
    /// A law by its title: `Law 17/2023/QH15`, `Luật Hợp tác xã số 17/2023/QH15`.
    fn law(self, law: Law) -> String;
    /// A rule of the law by its id in English, by its label in Vietnamese.
    fn rule_id(self, rule: &str) -> String;
    /// A date: `2024-10-16` in English, `16/10/2024` in Vietnamese.
    fn date(self, d: Date) -> String;
}

impl Words for Lang {
    fn count(self, n: u64) -> String {
        text::count(n).text(self).to_owned()
    }

    fn decimal(self, x: f64, places: usize) -> String {
        text::decimal(x, places).text(self).to_owned()
    }

    fn status(self, s: Status) -> String {
        let label = s.label(self);
        if s == Status::Fail {
            label.to_uppercase()
        } else {
            label.to_owned()
        }
    }

    fn yes_no(self, v: Option<bool>) -> &'static str {
        Term::yes_no(v).label(self)
    }

    fn rule(self, r: WomenManagedRule) -> String {
        match self {
            Lang::En => r.as_str().to_owned(),
            Lang::Vi => format!("“{}”", r.label(self)),
        }
    }

    fn cite(self, en: &str) -> String {
        match self {
            Lang::En => en.to_owned(),
            Lang::Vi => text::citation_vi(en),
        }
    }

    fn law(self, law: Law) -> String {
        self.cite(law.title())
    }

    fn rule_id(self, rule: &str) -> String {
        match (self, Rule::parse(rule)) {
            (Lang::Vi, Some(r)) => r.label(self).to_owned(),
            _ => rule.to_owned(),
        }
    }

    fn date(self, d: Date) -> String {
        text::date(d).text(self).to_owned()
    }
}

/// An indicator's value as the report shows it: counts whole, percentages
/// with one decimal, ratios with two; `—` when there is none.
pub fn value(row: Option<&Row>, l: Lang) -> String {
    let Some(r) = row else { return "—".into() };
    match (r.unit, r.value, r.numerator) {
        (_, None, _) => "—".into(),
        (Unit::Count, Some(_), Some(n)) => l.count(n),
        (Unit::Count, Some(v), None) => l.decimal(v, 0),
        (Unit::Percent, Some(v), _) => l.percent(v),
        (Unit::Ratio, Some(v), _) => l.decimal(v, 2),
    }
}

/// `numerator / denominator` of a share or ratio; empty when either is missing.
pub fn fraction(row: Option<&Row>, l: Lang) -> String {
    match row.map(|r| (r.numerator, r.denominator)) {
        Some((Some(n), Some(d))) => format!("{} / {}", l.count(n), l.count(d)),
        _ => String::new(),
    }
}

/// A size class's name, or the code itself.
pub(crate) fn code(t: &str, l: Lang) -> String {
    SizeClass::parse(t).map_or_else(|| t.to_owned(), |c| c.label(l).into())
}

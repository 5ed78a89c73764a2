//! The report's numbers, written the way each language writes them
//! (`1,234.5` and `1.234,5`). Words for codes (statuses, sectors, size
//! classes, yes and no) come from the core's code lists, so the report, the
//! Python package and the web page say the same thing.

use coopkit::{SizeClass, Status, Term};

pub use coopkit::Lang;

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
    /// A sector.
    fn sector(self, s: coopkit::Sector) -> &'static str;
    /// A size class.
    fn size_class(self, c: SizeClass) -> &'static str;
    /// Yes, no or unknown.
    fn yes_no(self, v: Option<bool>) -> &'static str;
    /// A women-managed rule: its id in English (the code a reader passes
    /// to `--rule`), its label in quotation marks in Vietnamese.
    fn rule(self, r: coopkit::WomenManagedRule) -> String;
    /// A citation: the English one, or the Vietnamese legal form.
    fn cite<'a>(self, en: &'a str, vi: &'a str) -> &'a str;
    /// A law by its title: `Law 17/2023/QH15`, `Luật Hợp tác xã số 17/2023/QH15`.
    fn law(self, law: coopkit::Law) -> String;
    /// A rule of the law by its id in English, by its label in Vietnamese.
    fn rule_id(self, rule: &str) -> String;
    /// A date: `2024-10-16` in English, `16/10/2024` in Vietnamese.
    fn date(self, d: coopkit::Date) -> String;
}

impl Words for Lang {
    fn count(self, n: u64) -> String {
        coopkit::text::count(n).text(self).to_owned()
    }

    fn decimal(self, x: f64, places: usize) -> String {
        coopkit::text::decimal(x, places).text(self).to_owned()
    }

    fn status(self, s: Status) -> String {
        let label = s.label(self);
        if s == Status::Fail {
            label.to_uppercase()
        } else {
            label.to_owned()
        }
    }

    fn sector(self, s: coopkit::Sector) -> &'static str {
        s.label(self)
    }

    fn size_class(self, c: SizeClass) -> &'static str {
        c.label(self)
    }

    fn yes_no(self, v: Option<bool>) -> &'static str {
        Term::yes_no(v).label(self)
    }

    fn rule(self, r: coopkit::WomenManagedRule) -> String {
        match self {
            Lang::En => r.as_str().to_owned(),
            Lang::Vi => format!("“{}”", r.label(self)),
        }
    }

    fn cite<'a>(self, en: &'a str, vi: &'a str) -> &'a str {
        self.pick(en, vi)
    }

    fn law(self, law: coopkit::Law) -> String {
        match self {
            Lang::En => law.title().to_owned(),
            Lang::Vi => coopkit::text::citation_vi(law.title()),
        }
    }

    fn rule_id(self, rule: &str) -> String {
        match (self, coopkit::Rule::parse(rule)) {
            (Lang::Vi, Some(r)) => r.label(self).to_owned(),
            _ => rule.to_owned(),
        }
    }

    fn date(self, d: coopkit::Date) -> String {
        coopkit::text::date(d).text(self).to_owned()
    }
}

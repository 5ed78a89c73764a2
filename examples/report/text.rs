//! The report's words in English and Vietnamese, and numbers written the way
//! each language writes them (`1,234.5` and `1.234,5`).

use coopkit::{SizeClass, Status};

/// The language of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Vi,
}

impl Lang {
    /// `"en"` or `"vi"`, as `Message::get` takes it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Vi => "vi",
        }
    }

    /// Picks the English or the Vietnamese text.
    pub fn pick<'a>(self, en: &'a str, vi: &'a str) -> &'a str {
        match self {
            Lang::En => en,
            Lang::Vi => vi,
        }
    }

    /// A whole number with thousands separators.
    pub fn count(self, n: u64) -> String {
        let digits: Vec<char> = n.to_string().chars().collect();
        let groups: Vec<String> = digits.rchunks(3).rev().map(|g| g.iter().collect()).collect();
        groups.join(self.pick(",", "."))
    }

    /// A decimal number with `places` decimals.
    pub fn decimal(self, x: f64, places: usize) -> String {
        let s = format!("{x:.places$}");
        let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
        let int = int.parse::<u64>().map_or(int.to_string(), |n| self.count(n));
        if frac.is_empty() {
            int
        } else {
            format!("{int}{}{frac}", self.pick(".", ","))
        }
    }

    /// A percentage with one decimal.
    pub fn percent(self, x: f64) -> String {
        format!("{} %", self.decimal(x, 1))
    }

    pub fn status(self, s: Status) -> &'static str {
        match s {
            Status::Pass => self.pick("pass", "đạt"),
            Status::Fail => self.pick("FAIL", "KHÔNG ĐẠT"),
            Status::NotAssessable => self.pick("not assessable", "không đánh giá được"),
            Status::NotApplicable => self.pick("not applicable", "không áp dụng"),
        }
    }

    pub fn sector(self, s: coopkit::Sector) -> &'static str {
        match s {
            coopkit::Sector::Agriculture => self.pick("agriculture", "nông nghiệp"),
            coopkit::Sector::IndustryConstruction => {
                self.pick("industry–construction", "công nghiệp – xây dựng")
            }
            coopkit::Sector::TradeServices => self.pick("trade–services", "thương mại – dịch vụ"),
        }
    }

    pub fn size_class(self, c: SizeClass) -> &'static str {
        match c {
            SizeClass::Micro => self.pick("micro", "siêu nhỏ"),
            SizeClass::Small => self.pick("small", "nhỏ"),
            SizeClass::Medium => self.pick("medium", "vừa"),
            SizeClass::Large => self.pick("large", "lớn"),
        }
    }

    pub fn yes_no(self, v: Option<bool>) -> &'static str {
        match v {
            Some(true) => self.pick("yes", "có"),
            Some(false) => self.pick("no", "không"),
            None => self.pick("unknown", "chưa rõ"),
        }
    }
}

//! Bilingual formatting shared by the rule messages ([`crate::law`]) and the
//! classification reasons ([`crate::classify`](mod@crate::classify)): numbers with thousands
//! separators in each language's style, amounts in đồng, percentages of an
//! exact [`Ratio`], dates, lists, and the names of posts and size classes.
//!
//! English groups thousands with a comma (`1,500,000`), Vietnamese with a
//! full stop (`1.500.000`).

use crate::classify::SizeClass;
use crate::law::Message;
use crate::model::{Date, Role};
use crate::num::{round_to, Ratio};

/// `n` with its digits grouped in threes by `sep`: `50,000,000,000` or
/// `50.000.000.000`.
pub(crate) fn grouped(n: u128, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A count in each language's number style: `1,000` / `1.000`.
pub(crate) fn count(n: u64) -> Message {
    Message::new(grouped(n.into(), ','), grouped(n.into(), '.'))
}

/// An amount in đồng in each language's number style: `1,000 đồng` /
/// `1.000 đồng` (the classification reasons).
pub(crate) fn dong(n: u64) -> Message {
    let m = count(n);
    Message::new(format!("{} đồng", m.en), format!("{} đồng", m.vi))
}

/// An amount for an English rule message: `1,500,000 VND`.
pub(crate) fn vnd_en(n: u128) -> String {
    format!("{} VND", grouped(n, ','))
}

/// An amount for a Vietnamese rule message: `1.500.000 đồng`.
pub(crate) fn vnd_vi(n: u128) -> String {
    format!("{} đồng", grouped(n, '.'))
}

/// A share as a percentage rounded to two decimals, for display: `51.25 %`.
pub(crate) fn percent(r: Ratio) -> String {
    format!("{} %", round_to(r.to_percent_f64(), 2))
}

/// A date: ISO `2024-11-01` in English, `01/11/2024` in Vietnamese.
pub(crate) fn date(d: Date) -> Message {
    Message::new(d.to_string(), d.format("%d/%m/%Y").to_string())
}

/// Joins messages language by language.
pub(crate) fn join(parts: &[Message], en_sep: &str, vi_sep: &str) -> Message {
    let en: Vec<&str> = parts.iter().map(|m| m.en.as_str()).collect();
    let vi: Vec<&str> = parts.iter().map(|m| m.vi.as_str()).collect();
    Message::new(en.join(en_sep), vi.join(vi_sep))
}

/// `"a, b and c"` (`and` is the word for "and").
pub(crate) fn join_and(items: &[&str], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

/// A post in English and Vietnamese.
pub(crate) fn role(r: Role) -> (&'static str, &'static str) {
    match r {
        Role::BoardChair => ("board chair", "Chủ tịch Hội đồng quản trị"),
        Role::BoardMember => ("board member", "thành viên Hội đồng quản trị"),
        Role::Director => ("director", "Giám đốc"),
        Role::DeputyDirector => ("deputy director", "Phó Giám đốc"),
        Role::SupervisoryHead => ("head of the supervisory board", "Trưởng Ban kiểm soát"),
        Role::SupervisoryMember => ("supervisory board member", "thành viên Ban kiểm soát"),
        Role::Controller => ("controller", "Kiểm soát viên"),
        Role::ChiefAccountant => ("chief accountant", "Kế toán trưởng"),
    }
}

/// A size class in English and Vietnamese: `medium` / `vừa`.
pub(crate) fn size_class(c: SizeClass) -> Message {
    let vi = match c {
        SizeClass::Micro => "siêu nhỏ",
        SizeClass::Small => "nhỏ",
        SizeClass::Medium => "vừa",
        SizeClass::Large => "lớn",
    };
    Message::new(c.as_str(), vi)
}

/// Builds a message by appending to both languages from their own parts.
pub(crate) struct Builder {
    en: String,
    vi: String,
}

impl Builder {
    pub(crate) fn new() -> Self {
        Builder {
            en: String::new(),
            vi: String::new(),
        }
    }

    /// Appends a text in each language.
    pub(crate) fn push(&mut self, en: &str, vi: &str) -> &mut Self {
        self.en.push_str(en);
        self.vi.push_str(vi);
        self
    }

    /// Appends a message.
    pub(crate) fn push_msg(&mut self, m: &Message) -> &mut Self {
        self.push(&m.en, &m.vi)
    }

    /// The message built so far.
    pub(crate) fn build(&self) -> Message {
        Message::new(self.en.clone(), self.vi.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands_in_each_language_style() {
        assert_eq!(grouped(0, ','), "0");
        assert_eq!(grouped(999, ','), "999");
        assert_eq!(grouped(1000, ','), "1,000");
        assert_eq!(grouped(50_000_000_000, '.'), "50.000.000.000");
        assert_eq!(grouped(49_999_999_999, ','), "49,999,999,999");
        assert_eq!(count(1_000).vi, "1.000");
    }

    #[test]
    fn amounts_in_each_style() {
        assert_eq!(vnd_en(0), "0 VND");
        assert_eq!(vnd_en(999), "999 VND");
        assert_eq!(vnd_en(1_000), "1,000 VND");
        assert_eq!(vnd_vi(1_500_000), "1.500.000 đồng");
        assert_eq!(vnd_vi(12_345_678_901), "12.345.678.901 đồng");
        assert_eq!(dong(1_000_000), Message::new("1,000,000 đồng", "1.000.000 đồng"));
    }

    #[test]
    fn percentages_dates_and_lists() {
        assert_eq!(percent(Ratio::new(51, 100).unwrap()), "51 %");
        assert_eq!(percent(Ratio::new(1, 3).unwrap()), "33.33 %");
        let d = Date::from_ymd_opt(2024, 11, 1).unwrap();
        assert_eq!(date(d), Message::new("2024-11-01", "01/11/2024"));
        assert_eq!(join_and(&["director"], "and"), "director");
        assert_eq!(join_and(&["a", "b", "c"], "và"), "a, b và c");
        assert_eq!(size_class(SizeClass::Medium), Message::new("medium", "vừa"));
    }
}

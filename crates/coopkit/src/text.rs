//! Bilingual formatting shared by the rule messages ([`crate::law`]) and the
//! classification reasons ([`crate::classify`](mod@crate::classify)), and the
//! two types every module shares: [`Lang`] and [`Message`]. Counts,
//! amounts of money, percentages of an exact [`Ratio`], dates and lists (the
//! names of posts, size classes and other codes are the code lists' labels,
//! [`crate::codes`]). Every number or date a message shows is
//! written through this module, so both languages follow their own
//! conventions everywhere:
//!
//! | | English | Vietnamese |
//! |---|---|---|
//! | count | `1,000` | `1.000` |
//! | amount | `1,500,000 VND` | `1.500.000 đồng` |
//! | percentage | `33.33 %` | `33,33 %` |
//! | date | `2024-10-16` | `16/10/2024` |

use crate::num::Ratio;
use chrono::NaiveDate as Date;
use serde::Serialize;

/// A language of the library's messages and labels: Vietnamese first, as
/// most readers of its output read it; English second.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Lang {
    /// Vietnamese (`vi`), the default.
    #[default]
    Vi,
    /// English (`en`).
    En,
}

impl Lang {
    /// Every language, Vietnamese first.
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    /// `"vi"` or `"en"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// Parses `"vi"` or `"en"`; `None` for any other text.
    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the English or the Vietnamese text.
    pub fn pick<'a>(self, en: &'a str, vi: &'a str) -> &'a str {
        match self {
            Lang::En => en,
            Lang::Vi => vi,
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A message in English and Vietnamese.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Message {
    /// English.
    pub en: String,
    /// Vietnamese.
    pub vi: String,
}

impl Message {
    /// A message from its two languages.
    pub fn new(en: impl Into<String>, vi: impl Into<String>) -> Self {
        Message {
            en: en.into(),
            vi: vi.into(),
        }
    }

    /// The text in `lang` (`"vi"`, otherwise English).
    pub fn get(&self, lang: &str) -> &str {
        self.text(Lang::parse(lang).unwrap_or(Lang::En))
    }

    /// The text in `lang`.
    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }
}

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
pub fn count(n: u64) -> Message {
    Message::new(grouped(n.into(), ','), grouped(n.into(), '.'))
}

/// A decimal number with `places` decimals, in each language's style:
/// `1,234.5` / `1.234,5`. For display only (a rule compares exact values).
pub fn decimal(x: f64, places: usize) -> Message {
    let s = format!("{x:.places$}");
    let (sign, s) = match s.strip_prefix('-') {
        Some(rest) => ("-", rest.to_owned()),
        None => ("", s),
    };
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let styled = |sep: char, point: &str| -> String {
        let int = int
            .parse::<u128>()
            .map_or_else(|_| int.to_owned(), |n| grouped(n, sep));
        if frac.is_empty() {
            format!("{sign}{int}")
        } else {
            format!("{sign}{int}{point}{frac}")
        }
    };
    Message::new(styled(',', "."), styled('.', ","))
}

/// An amount of money: `1,500,000 VND` in English, `1.500.000 đồng` in
/// Vietnamese.
pub fn vnd(n: impl Into<u128>) -> Message {
    let n = n.into();
    Message::new(
        format!("{} VND", grouped(n, ',')),
        format!("{} đồng", grouped(n, '.')),
    )
}

/// A share as a percentage rounded half up to two decimals, trailing zeros
/// dropped, in each language's number style: `33.33 %` / `33,33 %`,
/// `1,250.5 %` / `1.250,5 %`. Computed in integers from the exact ratio.
pub fn percent(r: Ratio) -> Message {
    let (num, den) = (u128::from(r.numerator()), u128::from(r.denominator()));
    // Hundredths of a percent, rounded half up: num / den × 10 000.
    let hundredths = (num * 20_000 + den) / (2 * den);
    let (whole, frac) = (hundredths / 100, hundredths % 100);
    let decimals = match frac {
        0 => String::new(),
        f if f % 10 == 0 => (f / 10).to_string(),
        f => format!("{f:02}"),
    };
    let style = |thousands: char, point: char| {
        let mut s = grouped(whole, thousands);
        if !decimals.is_empty() {
            s.push(point);
            s.push_str(&decimals);
        }
        s.push_str(" %");
        s
    };
    Message::new(style(',', '.'), style('.', ','))
}

/// A whole percentage, for a bound set by the law: `30 %` in both languages.
pub fn whole_percent(p: u64) -> Message {
    percent(Ratio::percent(p))
}

/// A date: ISO `2024-11-01` in English, `01/11/2024` in Vietnamese.
pub fn date(d: Date) -> Message {
    use chrono::Datelike;
    Message::new(
        d.to_string(),
        format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year()),
    )
}

/// The Laws on Cooperatives, named as such in Vietnamese citations.
const COOPERATIVE_LAWS: [&str; 2] = ["17/2023/QH15", "23/2012/QH13"];

/// A citation in the library's English form, written as Vietnamese legal
/// texts cite: `Law 17/2023/QH15, Art. 4(7)` is `khoản 7 Điều 4 Luật Hợp
/// tác xã số 17/2023/QH15`, `Decree 113/2024/NĐ-CP, Art. 5` is `Điều 5
/// Nghị định số 113/2024/NĐ-CP`, `Decision 01/QĐ-TTg of 3 Jan 2023` is
/// `Quyết định số 01/QĐ-TTg ngày 03/01/2023`; a point is `điểm a khoản 1
/// Điều 4` from `Art. 4(1)(a)`. A closing parenthesis is kept as written.
/// Text not in that form (a user's own citation) is returned unchanged,
/// never guessed at.
///
/// ```
/// use coopkit::text::citation_vi;
/// assert_eq!(citation_vi("Law 17/2023/QH15, Art. 4(7)"), "khoản 7 Điều 4 Luật Hợp tác xã số 17/2023/QH15");
/// assert_eq!(citation_vi("Circular 01/2020/TT-BKHĐT"), "Thông tư số 01/2020/TT-BKHĐT");
/// assert_eq!(citation_vi("my province's plan"), "my province's plan");
/// ```
pub fn citation_vi(en: &str) -> String {
    try_citation_vi(en).unwrap_or_else(|| en.to_owned())
}

fn try_citation_vi(en: &str) -> Option<String> {
    let (main, tail) = match en.find(" (") {
        Some(i) if en.ends_with(')') => (&en[..i], &en[i..]),
        _ => (en, ""),
    };
    let (head, article) = match main.split_once(", Art. ") {
        Some((h, a)) => (h, Some(a)),
        None => (main, None),
    };
    let (head, day) = match head.split_once(" of ") {
        Some((h, d)) => (h, Some(d)),
        None => (head, None),
    };
    let (kind, number) = head.split_once(' ')?;
    if !number.contains('/') || number.contains(' ') {
        return None;
    }
    let kind = match kind {
        "Law" if COOPERATIVE_LAWS.contains(&number) => "Luật Hợp tác xã số",
        "Law" => "Luật số",
        "Decree" => "Nghị định số",
        "Circular" => "Thông tư số",
        "Resolution" => "Nghị quyết số",
        "Decision" => "Quyết định số",
        _ => return None,
    };
    let mut out = String::new();
    let mut article_done = false;
    if let Some(a) = article {
        // A range of clauses: "4(16)–(19)".
        if let Some((first, last)) = a.split_once(")–(") {
            let (art, from) = first.split_once('(')?;
            let to = last.strip_suffix(')')?;
            let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
            if !(digits(art) && digits(from) && digits(to)) {
                return None;
            }
            out.push_str(&format!("từ khoản {from} đến khoản {to} Điều {art} "));
            article_done = true;
        }
    }
    if let (Some(a), false) = (article, article_done) {
        // "4", "4(7)" or "4(7)(a)".
        let mut parts = a.split('(');
        let art = parts.next()?;
        let clause: Option<Option<&str>> = parts.next().map(|c| c.strip_suffix(')'));
        let point = parts.next().map(|p| p.strip_suffix(')'));
        if parts.next().is_some() || art.is_empty() || !art.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if let Some(p) = point {
            let p = p?;
            if p.is_empty() || !p.chars().all(char::is_alphabetic) {
                return None;
            }
            out.push_str(&format!("điểm {p} "));
        }
        if let Some(c) = clause {
            let c = c?;
            if c.is_empty() || !c.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            out.push_str(&format!("khoản {c} "));
        }
        out.push_str(&format!("Điều {art} "));
    }
    out.push_str(kind);
    out.push(' ');
    out.push_str(number);
    if let Some(d) = day {
        let d = day_month_year(d)?;
        out.push_str(" ngày ");
        out.push_str(&date(d).vi);
    }
    out.push_str(tail);
    Some(out)
}

/// `3 Jan 2023` (day, English month abbreviation, year), as citations write
/// the date of a decision; by hand, without chrono's format parser (which
/// the WebAssembly module does without).
fn day_month_year(s: &str) -> Option<Date> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let mut parts = s.split(' ');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || d.len() > 2 || y.len() != 4 {
        return None;
    }
    let month = MONTHS.iter().position(|x| *x == m)? as u32 + 1;
    Date::from_ymd_opt(y.parse().ok()?, month, d.parse().ok()?)
}

/// Parses `YYYY-MM-DD` strictly (four-digit year, two-digit month and day,
/// a real calendar day), the one date parser of the library; the message
/// never quotes the value.
pub fn parse_date(s: &str) -> Result<Date, &'static str> {
    parse_date_bytes(s.as_bytes())
}

/// [`parse_date`] of a cell's bytes.
pub fn parse_date_bytes(b: &[u8]) -> Result<Date, &'static str> {
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return Err("not an ISO date (YYYY-MM-DD)");
    }
    let num = |r: std::ops::Range<usize>| b[r].iter().fold(0u32, |n, &c| n * 10 + u32::from(c - b'0'));
    let year = i32::try_from(num(0..4)).unwrap_or(0);
    Date::from_ymd_opt(year, num(5..7), num(8..10)).ok_or("impossible date (no such day in the calendar)")
}

/// Joins messages language by language.
pub(crate) fn join(parts: &[Message], en_sep: &str, vi_sep: &str) -> Message {
    let en: Vec<&str> = parts.iter().map(|m| m.en.as_str()).collect();
    let vi: Vec<&str> = parts.iter().map(|m| m.vi.as_str()).collect();
    Message::new(en.join(en_sep), vi.join(vi_sep))
}

/// `s` with its first letter a capital: `"Hợp tác xã"` from `"hợp tác xã"`.
pub(crate) fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// `"a, b and c"` (`and` is the word for "and").
pub(crate) fn join_and(items: &[&str], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
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
        assert_eq!(vnd(0u64), Message::new("0 VND", "0 đồng"));
        assert_eq!(vnd(999u64).en, "999 VND");
        assert_eq!(vnd(1_000u64).en, "1,000 VND");
        assert_eq!(vnd(1_500_000u64).vi, "1.500.000 đồng");
        assert_eq!(vnd(12_345_678_901u64).vi, "12.345.678.901 đồng");
        // Sums of many members' capital are kept in u128.
        assert_eq!(vnd(u128::from(u64::MAX) + 1).en, "18,446,744,073,709,551,616 VND");
    }

    #[test]
    fn percentages_in_each_style() {
        let p = |n, d| percent(Ratio::new(n, d).unwrap());
        assert_eq!(p(51, 100), Message::new("51 %", "51 %"));
        assert_eq!(p(1, 3), Message::new("33.33 %", "33,33 %"));
        assert_eq!(p(2, 3), Message::new("66.67 %", "66,67 %"));
        assert_eq!(p(1, 8), Message::new("12.5 %", "12,5 %"));
        assert_eq!(p(1, 200), Message::new("0.5 %", "0,5 %"));
        assert_eq!(
            p(1, 20_000),
            Message::new("0.01 %", "0,01 %"),
            "half a hundredth rounds up"
        );
        assert_eq!(p(1, 30_000), Message::new("0 %", "0 %"));
        assert_eq!(p(0, 7), Message::new("0 %", "0 %"));
        assert_eq!(p(25_001, 2), Message::new("1,250,050 %", "1.250.050 %"));
        assert_eq!(p(12_505, 1_000), Message::new("1,250.5 %", "1.250,5 %"));
        assert_eq!(p(u64::MAX, 1).en, "1,844,674,407,370,955,161,500 %");
        assert_eq!(whole_percent(30), Message::new("30 %", "30 %"));
    }

    #[test]
    fn citations_in_vietnamese_legal_style() {
        for (en, vi) in [
            (
                "Law 17/2023/QH15, Art. 4(16)–(19)",
                "từ khoản 16 đến khoản 19 Điều 4 Luật Hợp tác xã số 17/2023/QH15",
            ),
            (
                "Law 17/2023/QH15, Art. 4(7)",
                "khoản 7 Điều 4 Luật Hợp tác xã số 17/2023/QH15",
            ),
            (
                "Law 17/2023/QH15, Art. 56",
                "Điều 56 Luật Hợp tác xã số 17/2023/QH15",
            ),
            ("Law 23/2012/QH13", "Luật Hợp tác xã số 23/2012/QH13"),
            (
                "Law 04/2017/QH14, Art. 3(1)",
                "khoản 1 Điều 3 Luật số 04/2017/QH14",
            ),
            (
                "Law 17/2023/QH15, Art. 4(16)(b)",
                "điểm b khoản 16 Điều 4 Luật Hợp tác xã số 17/2023/QH15",
            ),
            (
                "Decree 113/2024/NĐ-CP, Art. 5",
                "Điều 5 Nghị định số 113/2024/NĐ-CP",
            ),
            ("Circular 01/2020/TT-BKHĐT", "Thông tư số 01/2020/TT-BKHĐT"),
            (
                "Decision 01/QĐ-TTg of 3 Jan 2023 (Đề án 01)",
                "Quyết định số 01/QĐ-TTg ngày 03/01/2023 (Đề án 01)",
            ),
            (
                "Resolution 202/2025/QH15 of 12 Jun 2025",
                "Nghị quyết số 202/2025/QH15 ngày 12/06/2025",
            ),
        ] {
            assert_eq!(citation_vi(en), vi, "{en}");
        }
        // Not the library's form: unchanged.
        for other in [
            "User table",
            "Law 17/2023/QH15, Art. five",
            "Law 17/2023/QH15, Art. 4(x)",
            "Decision 01/QĐ-TTg of 31 Foo 2023",
            "Statute 1/2",
            "",
        ] {
            assert_eq!(citation_vi(other), other);
        }
    }

    #[test]
    fn decimals_in_each_style() {
        assert_eq!(decimal(1234.5, 1), Message::new("1,234.5", "1.234,5"));
        assert_eq!(decimal(35.0, 1), Message::new("35.0", "35,0"));
        assert_eq!(decimal(-0.25, 2), Message::new("-0.25", "-0,25"));
        assert_eq!(decimal(7.0, 0), Message::new("7", "7"));
    }

    #[test]
    fn dates_and_lists() {
        let d = Date::from_ymd_opt(2024, 11, 1).unwrap();
        assert_eq!(date(d), Message::new("2024-11-01", "01/11/2024"));
        assert_eq!(join_and(&["director"], "and"), "director");
        assert_eq!(join_and(&["a", "b", "c"], "và"), "a, b và c");
    }
}

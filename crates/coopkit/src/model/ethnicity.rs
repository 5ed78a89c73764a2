//! Ethnic groups of the General Statistics Office list of 2008
//! (QĐ 1019/QĐ-TCTK), with their common spelling variants.
//!
//! Codes 01–20 are confirmed against the Decision; codes 21–54 come from a
//! public code list consistent with them and are marked unconfirmed
//! ([`Ethnicity::is_code_confirmed`]). Whether a member belongs to an ethnic
//! minority (any group but Kinh) does not depend on that.
//!
//! A code means nothing without its list: the 1979 list numbers some groups
//! differently. Every code this crate reads or writes is of the 2008 list.

use serde::{Serialize, Serializer};
use std::collections::HashMap;
use std::sync::OnceLock;

/// One group: GSO 2008 code, official name, spelling variants.
#[derive(Debug, Clone, Copy)]
pub struct EthnicGroup {
    /// Two-digit code, `"01"` to `"54"`.
    pub code: &'static str,
    /// Name as the list writes it.
    pub name: &'static str,
    /// Other spellings met in registries.
    pub variants: &'static [&'static str],
}

/// The 54 groups, in code order (index = code − 1).
pub const ETHNIC_GROUPS: [EthnicGroup; 54] = [
    g("01", "Kinh", &["Việt"]),
    g("02", "Tày", &[]),
    g("03", "Thái", &[]),
    g("04", "Mường", &[]),
    g("05", "Khmer", &["Khơ-me", "Khơ Me", "Khơme"]),
    g("06", "Hoa", &[]),
    g("07", "Nùng", &[]),
    g("08", "Mông", &["H'Mông", "Hmông", "Hmong", "Mèo"]),
    g("09", "Dao", &[]),
    g("10", "Gia Rai", &["Jrai", "Jarai"]),
    g("11", "Ê Đê", &["Rhade", "Êđê"]),
    g("12", "Ba Na", &["Bahnar"]),
    g("13", "Sán Chay", &["Sán Chay (Cao Lan - Sán Chỉ)", "Cao Lan"]),
    g("14", "Chăm", &["Chàm"]),
    g("15", "Cơ Ho", &["K'Ho", "Kơho"]),
    g("16", "Xơ Đăng", &["Ca Dong", "Sê Đăng", "Sedang"]),
    g("17", "Sán Dìu", &[]),
    g("18", "Hrê", &["H'rê"]),
    g("19", "Ra Glai", &["Raglai", "Ra-glai"]),
    g("20", "Mnông", &["M'Nông"]),
    g("21", "Thổ", &[]),
    g("22", "Xtiêng", &["Stiêng", "Xa Điêng"]),
    g("23", "Khơ Mú", &["Khmu", "Kmhmu"]),
    g("24", "Bru Vân Kiều", &["Bru-Vân Kiều", "Vân Kiều"]),
    g("25", "Cơ Tu", &["Katu", "Ca Tu"]),
    g("26", "Giáy", &[]),
    g("27", "Tà Ôi", &["Ta Oi", "Pa Cô"]),
    g("28", "Mạ", &[]),
    g("29", "Giẻ Triêng", &["Gié Triêng", "Giẻ-Triêng"]),
    g("30", "Co", &["Cor", "Col"]),
    g("31", "Chơ Ro", &["Chơro"]),
    g("32", "Xinh Mun", &[]),
    g("33", "Hà Nhì", &[]),
    g("34", "Chu Ru", &["Churu"]),
    g("35", "Lào", &[]),
    g("36", "La Chí", &[]),
    g("37", "Kháng", &[]),
    g("38", "Phù Lá", &[]),
    g("39", "La Hủ", &[]),
    g("40", "La Ha", &[]),
    g("41", "Pà Thẻn", &[]),
    g("42", "Lự", &[]),
    g("43", "Ngái", &[]),
    g("44", "Chứt", &[]),
    g("45", "Lô Lô", &[]),
    g("46", "Mảng", &[]),
    g("47", "Cơ Lao", &[]),
    g("48", "Bố Y", &[]),
    g("49", "Cống", &[]),
    g("50", "Si La", &[]),
    g("51", "Pu Péo", &[]),
    g("52", "Rơ Măm", &[]),
    g("53", "Brâu", &[]),
    g("54", "Ơ Đu", &[]),
];

const fn g(code: &'static str, name: &'static str, variants: &'static [&'static str]) -> EthnicGroup {
    EthnicGroup { code, name, variants }
}

/// Folded name or variant → code, built once.
fn names() -> &'static HashMap<String, u8> {
    static NAMES: OnceLock<HashMap<String, u8>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut map = HashMap::new();
        for (grp, code) in ETHNIC_GROUPS.iter().zip(1u8..) {
            for n in std::iter::once(&grp.name).chain(grp.variants) {
                map.insert(fold_name(n), code);
            }
        }
        map
    })
}

/// An ethnic group of the GSO 2008 list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Ethnicity(u8);

impl Ethnicity {
    /// Kinh, code 01.
    pub const KINH: Ethnicity = Ethnicity(1);

    /// From the numeric code, 1 to 54.
    pub fn from_number(n: u8) -> Option<Ethnicity> {
        (1..=54).contains(&n).then_some(Ethnicity(n))
    }

    /// From a code (`"05"`, `"5"`) or a name in any of its spellings, in NFC or
    /// NFD, any case, with or without diacritics, hyphens or apostrophes.
    pub fn parse(s: &str) -> Option<Ethnicity> {
        let t = s.trim();
        if !t.is_empty() && t.len() <= 2 && t.bytes().all(|b| b.is_ascii_digit()) {
            return t.parse().ok().and_then(Ethnicity::from_number);
        }
        let key = fold_name(t);
        if key.is_empty() {
            return None;
        }
        names().get(&key).copied().map(Ethnicity)
    }

    /// The two-digit code, for example `"18"`.
    pub fn code(self) -> &'static str {
        ETHNIC_GROUPS[usize::from(self.0 - 1)].code
    }

    /// The numeric code.
    pub fn number(self) -> u8 {
        self.0
    }

    /// The name as the list writes it, for example `"Hrê"`.
    pub fn name(self) -> &'static str {
        ETHNIC_GROUPS[usize::from(self.0 - 1)].name
    }

    /// Any group but Kinh.
    pub fn is_minority(self) -> bool {
        self != Ethnicity::KINH
    }

    /// Codes 01–20 are confirmed against QĐ 1019/QĐ-TCTK; 21–54 are not.
    pub fn is_code_confirmed(self) -> bool {
        self.0 <= 20
    }
}

impl std::fmt::Display for Ethnicity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for Ethnicity {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// Folds a Vietnamese name for comparison: canonical decomposition,
/// diacritics dropped ([`crate::unicode::strip_marks`]), đ → d, lower case, and everything that
/// is not a letter or digit removed. `"H'Mông"`, `"hmong"` and `"HMÔNG"` fold
/// alike, and so do NFC and NFD spellings of the same name.
pub fn fold_name(s: &str) -> String {
    crate::unicode::strip_marks(s)
        .chars()
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            c => c,
        })
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_agree() {
        for (i, grp) in ETHNIC_GROUPS.iter().enumerate() {
            let e = Ethnicity::parse(grp.code).unwrap();
            assert_eq!(usize::from(e.number()), i + 1);
            assert_eq!(Ethnicity::parse(grp.name), Some(e), "{}", grp.name);
            for v in grp.variants {
                assert_eq!(Ethnicity::parse(v), Some(e), "{v}");
            }
        }
    }

    #[test]
    fn spelling_variants_and_normal_forms_match() {
        let hre = Ethnicity::parse("18").unwrap();
        assert_eq!(Ethnicity::parse("H're"), Some(hre));
        assert_eq!(Ethnicity::parse("HRÊ"), Some(hre));
        // NFD: "Hre" followed by a combining circumflex.
        assert_eq!(Ethnicity::parse("Hre\u{0302}"), Some(hre));
        assert_eq!(Ethnicity::parse("Khơ-me"), Ethnicity::parse("khmer"));
        assert_eq!(Ethnicity::parse("M'Nông"), Ethnicity::parse("Mnông"));
        assert_eq!(Ethnicity::parse("Stiêng"), Ethnicity::parse("Xtiêng"));
        assert_eq!(Ethnicity::parse("xo dang").map(Ethnicity::code), Some("16"));
        assert_eq!(Ethnicity::parse("5").map(Ethnicity::code), Some("05"));
    }

    #[test]
    fn unknown_codes_and_names_are_rejected() {
        for s in ["", "00", "55", "99", "Klingon", "'-"] {
            assert_eq!(Ethnicity::parse(s), None, "{s:?}");
        }
    }

    #[test]
    fn folded_names_are_unique() {
        let mut seen = std::collections::HashMap::new();
        for grp in &ETHNIC_GROUPS {
            for n in std::iter::once(&grp.name).chain(grp.variants) {
                if let Some(other) = seen.insert(fold_name(n), grp.code) {
                    assert_eq!(other, grp.code, "{n} is ambiguous");
                }
            }
        }
    }

    #[test]
    fn only_kinh_is_majority() {
        assert!(!Ethnicity::KINH.is_minority());
        assert!(Ethnicity::parse("Co").unwrap().is_minority());
    }
}

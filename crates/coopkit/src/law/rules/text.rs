//! Words the rule messages share, in English and Vietnamese. Numbers,
//! amounts and posts come from the crate-wide [`crate::text`].

use crate::law::Law;
use crate::model::{Kind, MemberKind, MemberType};

pub(super) use crate::text::{capitalise, count, date, join_and, vnd, whole_percent};

/// `"Luật Hợp tác xã năm 2023"`.
pub(super) fn law_vi(law: Law) -> &'static str {
    match law {
        Law::Vn2012 => "Luật Hợp tác xã năm 2012",
        Law::Vn2023 => "Luật Hợp tác xã năm 2023",
    }
}

/// `"cooperative"`, `"cooperative group"`, `"union of cooperatives"`.
pub(super) fn kind_en(kind: Kind) -> &'static str {
    match kind {
        Kind::Cooperative => "cooperative",
        Kind::CooperativeGroup => "cooperative group",
        Kind::Union => "union of cooperatives",
    }
}

/// `"hợp tác xã"`, `"tổ hợp tác"`, `"liên hiệp hợp tác xã"`.
pub(super) fn kind_vi(kind: Kind) -> &'static str {
    match kind {
        Kind::Cooperative => "hợp tác xã",
        Kind::CooperativeGroup => "tổ hợp tác",
        Kind::Union => "liên hiệp hợp tác xã",
    }
}

/// The record as the subject of a sentence: `"The cooperative"`, `"Hợp tác xã"`.
pub(super) fn the_kind(kind: Kind) -> (String, String) {
    (format!("The {}", kind_en(kind)), capitalise(kind_vi(kind)))
}

/// A member type in English words.
pub(super) fn type_en(t: MemberType) -> &'static str {
    match t {
        MemberType::Individual => "an individual",
        MemberType::Household => "a household",
        MemberType::LegalEntity => "a legal entity",
        MemberType::Cooperative => "a cooperative",
        MemberType::CooperativeGroup => "a cooperative group",
        MemberType::ForeignInvestedOrg => "a foreign-invested organisation",
    }
}

/// A member type in Vietnamese.
pub(super) fn type_vi(t: MemberType) -> &'static str {
    t.label(crate::text::Lang::Vi)
}

/// A member kind in English (with its article) and Vietnamese.
pub(super) fn member_kind(k: MemberKind) -> (&'static str, &'static str) {
    let en = match k {
        MemberKind::Official => "an official member",
        MemberKind::AssociateCapital => "a capital-contributing associate member",
        MemberKind::AssociateNoncapital => "a non-contributing associate member",
    };
    (en, k.label(crate::text::Lang::Vi))
}

/// Field paths for a message: all of them up to five, then how many more.
pub(super) fn fields(paths: &[String]) -> (String, String) {
    const SHOWN: usize = 5;
    let head = paths.iter().take(SHOWN).cloned().collect::<Vec<_>>().join(", ");
    if paths.len() <= SHOWN {
        (head.clone(), head)
    } else {
        let more = count((paths.len() - SHOWN) as u64);
        (
            format!("{head} and {} more", more.en),
            format!("{head} và {} trường khác", more.vi),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_field_lists_are_cut() {
        let paths: Vec<String> = (0..7).map(|i| format!("members[{i}].kind")).collect();
        let (en, vi) = fields(&paths);
        assert!(en.ends_with("members[4].kind and 2 more"), "{en}");
        assert!(vi.ends_with("và 2 trường khác"), "{vi}");
        assert_eq!(fields(&paths[..1]).0, "members[0].kind");
        let many: Vec<String> = (0..1_005).map(|i| format!("members[{i}].kind")).collect();
        let (en, vi) = fields(&many);
        assert!(
            en.ends_with("and 1,000 more") && vi.ends_with("và 1.000 trường khác"),
            "{en} / {vi}"
        );
    }

    #[test]
    fn subject_is_capitalised_in_vietnamese() {
        assert_eq!(the_kind(Kind::Union).1, "Liên hiệp hợp tác xã");
        assert_eq!(the_kind(Kind::CooperativeGroup).0, "The cooperative group");
    }
}

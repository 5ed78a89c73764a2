//! Indicator ids, units, grouping dimensions and disaggregations, with the
//! names of the public contract (§4).

use crate::law::Message;
use serde::{Serialize, Serializer};

macro_rules! named {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $v:ident = $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($(#[$vm])* $v),+ }

        impl $name {
            /// Every value, in contract order.
            pub const ALL: &'static [$name] = &[$($name::$v),+];

            /// The contract name.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$v => $s),+ }
            }

            /// Parses the contract name.
            pub fn parse(s: &str) -> Option<$name> {
                match s { $($s => Some($name::$v),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = crate::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $name::parse(s).ok_or_else(|| {
                    let names: Vec<&str> = $name::ALL.iter().map(|x| x.as_str()).collect();
                    crate::Error::parameter(stringify!($name), format!("unknown name {s:?}; expected one of {}", names.join(", ")))
                })
            }
        }
    };
}

named! {
    /// An indicator of the contract (§4).
    IndicatorId {
        /// Number of cooperatives (of any kind).
        Cooperatives = "cooperatives",
        /// Current members.
        Members = "members",
        /// Current women members.
        MembersFemale = "members_female",
        /// Current members of an ethnic minority.
        MembersMinority = "members_minority",
        /// Women's share of members, percent.
        MembersFemaleShare = "members_female_share",
        /// Minority share of members, percent.
        MembersMinorityShare = "members_minority_share",
        /// Women's share of official members, percent.
        OfficialMembersFemaleShare = "official_members_female_share",
        /// Women members ÷ men members.
        MembersGenderParity = "members_gender_parity",
        /// Board seats (chair plus board members).
        BoardSeats = "board_seats",
        /// Board seats held by women.
        BoardFemale = "board_female",
        /// Women's share of board seats, percent.
        BoardFemaleShare = "board_female_share",
        /// Women's share of board seats plus director posts, percent (SDG 5.5.2-style).
        ManagementFemaleShare = "management_female_share",
        /// management_female_share ÷ members_female_share.
        RepresentationRatio = "representation_ratio",
        /// Cooperatives with at least one current ethnic-minority member.
        CoopsWithMinorityMember = "coops_with_minority_member",
        /// Their share of cooperatives, percent.
        CoopsWithMinorityMemberShare = "coops_with_minority_member_share",
        /// Women-managed cooperatives under the chosen rule.
        WomenManaged = "women_managed",
        /// Their share of cooperatives, percent.
        WomenManagedShare = "women_managed_share",
        /// Women who are worker members plus women employees.
        JobsFemale = "jobs_female",
    }
}

/// The unit of an indicator's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// A number of cooperatives, members, seats or jobs.
    Count,
    /// numerator ÷ denominator × 100.
    Percent,
    /// numerator ÷ denominator.
    Ratio,
}

impl Unit {
    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Count => "count",
            Unit::Percent => "percent",
            Unit::Ratio => "ratio",
        }
    }
}

impl IndicatorId {
    /// The unit of the value.
    pub fn unit(self) -> Unit {
        use IndicatorId::*;
        match self {
            Cooperatives
            | Members
            | MembersFemale
            | MembersMinority
            | BoardSeats
            | BoardFemale
            | CoopsWithMinorityMember
            | WomenManaged
            | JobsFemale => Unit::Count,
            MembersGenderParity | RepresentationRatio => Unit::Ratio,
            _ => Unit::Percent,
        }
    }

    /// A short human label, in English and Vietnamese, for tables; the id
    /// stays the name to use in code and files.
    pub fn label(self) -> Message {
        use IndicatorId::*;
        let (en, vi) = match self {
            Cooperatives => ("Cooperatives", "Số hợp tác xã"),
            Members => ("Members", "Số thành viên"),
            MembersFemale => ("Women members", "Số thành viên nữ"),
            MembersMinority => ("Ethnic-minority members", "Số thành viên dân tộc thiểu số"),
            MembersFemaleShare => ("Women's share of members", "Tỷ lệ nữ trong thành viên"),
            MembersMinorityShare => (
                "Ethnic-minority share of members",
                "Tỷ lệ dân tộc thiểu số trong thành viên",
            ),
            OfficialMembersFemaleShare => (
                "Women's share of official members",
                "Tỷ lệ nữ trong thành viên chính thức",
            ),
            MembersGenderParity => (
                "Women members per man member",
                "Số thành viên nữ trên một thành viên nam",
            ),
            BoardSeats => ("Board seats", "Số ghế Hội đồng quản trị"),
            BoardFemale => (
                "Board seats held by women",
                "Số ghế Hội đồng quản trị do nữ nắm giữ",
            ),
            BoardFemaleShare => ("Women's share of board seats", "Tỷ lệ nữ trong Hội đồng quản trị"),
            ManagementFemaleShare => (
                "Women's share of board and director posts",
                "Tỷ lệ nữ trong Hội đồng quản trị và giám đốc",
            ),
            RepresentationRatio => (
                "Women's share in management ÷ among members",
                "Tỷ lệ nữ trong quản lý ÷ trong thành viên",
            ),
            CoopsWithMinorityMember => (
                "Cooperatives with an ethnic-minority member",
                "Số hợp tác xã có thành viên dân tộc thiểu số",
            ),
            CoopsWithMinorityMemberShare => (
                "Share of cooperatives with an ethnic-minority member",
                "Tỷ lệ hợp tác xã có thành viên dân tộc thiểu số",
            ),
            WomenManaged => ("Cooperatives managed by women", "Số hợp tác xã do phụ nữ quản lý"),
            WomenManagedShare => (
                "Share of cooperatives managed by women",
                "Tỷ lệ hợp tác xã do phụ nữ quản lý",
            ),
            JobsFemale => (
                "Jobs for women (worker members and employees)",
                "Việc làm cho nữ (thành viên lao động và người lao động)",
            ),
        };
        Message::new(en, vi)
    }

    /// Position in [`IndicatorId::ALL`].
    pub(crate) fn index(self) -> usize {
        self as usize
    }

    /// The count indicators of the same table a share or ratio is built on:
    /// when one of them is suppressed, so is this one.
    pub fn built_on(self) -> &'static [IndicatorId] {
        use IndicatorId::*;
        match self {
            MembersFemaleShare | MembersGenderParity => &[MembersFemale, Members],
            MembersMinorityShare => &[MembersMinority, Members],
            BoardFemaleShare | ManagementFemaleShare => &[BoardFemale, BoardSeats],
            RepresentationRatio => &[ManagementFemaleShare, MembersFemaleShare],
            CoopsWithMinorityMemberShare => &[CoopsWithMinorityMember, Cooperatives],
            WomenManagedShare => &[WomenManaged, Cooperatives],
            _ => &[],
        }
    }

    /// Split by a member attribute when a disaggregation is asked for;
    /// the others are cooperative-level and have only a total row.
    pub fn is_member_level(self) -> bool {
        use IndicatorId::*;
        matches!(
            self,
            Members
                | MembersFemale
                | MembersMinority
                | MembersFemaleShare
                | MembersMinorityShare
                | OfficialMembersFemaleShare
                | MembersGenderParity
                | JobsFemale
        )
    }
}

named! {
    /// What rows are grouped by.
    Dimension {
        /// Province code.
        Province = "province",
        /// District code.
        District = "district",
        /// Decree 113 sector group.
        Sector = "sector",
        /// Cooperative, cooperative group or union.
        Kind = "kind",
        /// Size class on the date (`not_determinable` when it cannot be told).
        SizeClass = "size_class",
        /// Women-managed under the chosen rule: `yes`, `no` or `unknown`.
        WomenManaged = "women_managed",
    }
}

named! {
    /// A member attribute that member-level indicators are split by.
    Disaggregation {
        /// `female`, `male`, `organisation`, `unknown`, and `employee` where employees count.
        Sex = "sex",
        /// GSO 2008 code (`"01"` … `"54"`), `organisation`, `unknown`, `employee`.
        EthnicGroup = "ethnic_group",
        /// `kinh`, `minority`, `organisation`, `unknown`, `employee`.
        KinhVsMinority = "kinh_vs_minority",
        /// `official`, `associate_capital`, `associate_noncapital`, `unknown`, `employee`.
        MemberKind = "member_kind",
        /// Age on the date: `under_18`, `18_29`, `30_44`, `45_59`, `60_plus`, `organisation`, `unknown`, `employee`.
        AgeBand = "age_band",
    }
}

/// Value of a grouping dimension that a cooperative lacks (no province code).
pub const UNKNOWN: &str = "unknown";

#[cfg(test)]
mod tests {
    use super::*;

    /// Every indicator has a label in both languages, none shared, and no
    /// label is just the id.
    #[test]
    fn labels_are_distinct_in_both_languages() {
        for (i, id) in IndicatorId::ALL.iter().enumerate() {
            let l = id.label();
            assert!(!l.en.is_empty() && !l.vi.is_empty(), "{id}");
            assert_ne!(l.en, id.as_str());
            assert_ne!(l.en, l.vi, "{id}");
            for other in &IndicatorId::ALL[..i] {
                assert_ne!(other.label().en, l.en, "{id} and {other}");
                assert_ne!(other.label().vi, l.vi, "{id} and {other}");
            }
        }
        assert_eq!(
            IndicatorId::BoardFemale.label().vi,
            "Số ghế Hội đồng quản trị do nữ nắm giữ"
        );
    }
}

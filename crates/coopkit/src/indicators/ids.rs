//! Indicator ids, units, grouping dimensions and disaggregations, with the
//! names of the public contract (§4).

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

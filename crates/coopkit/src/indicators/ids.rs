//! Indicator ids, units, grouping dimensions and disaggregations, with the
//! names of the public contract (§4).

pub use crate::codes::{Dimension, Disaggregation, IndicatorId, Unit};

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

    /// Needs the pass over the member list (counts of members, or whether
    /// any is of a minority); the others read only the cooperative's own
    /// fields and posts.
    pub fn reads_members(self) -> bool {
        use IndicatorId::*;
        !matches!(
            self,
            Cooperatives
                | BoardSeats
                | BoardFemale
                | BoardFemaleShare
                | ManagementFemaleShare
                | WomenManaged
                | WomenManagedShare
                | DirectorFemaleShare
        )
    }

    /// Needs each cooperative's women-managed value under the query's rule.
    pub fn reads_women_managed(self) -> bool {
        matches!(self, IndicatorId::WomenManaged | IndicatorId::WomenManagedShare)
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
            let l = id.labels();
            assert!(!l.en.is_empty() && !l.vi.is_empty(), "{id}");
            assert_ne!(l.en, id.as_str());
            assert_ne!(l.en, l.vi, "{id}");
            for other in &IndicatorId::ALL[..i] {
                assert_ne!(other.labels().en, l.en, "{id} and {other}");
                assert_ne!(other.labels().vi, l.vi, "{id} and {other}");
            }
        }
        assert_eq!(
            IndicatorId::BoardFemale.labels().vi,
            "Số ghế Hội đồng quản trị do nữ nắm giữ"
        );
    }
}

//! The code lists of the indicators (CONTRACT.md §4): ids, units, grouping
//! dimensions and disaggregations.

use super::code_list;

code_list! {
    /// An indicator of the contract (§4).
    pub enum IndicatorId: "ids" {
        /// Number of cooperatives (of any kind).
        Cooperatives = "cooperatives", "Cooperatives", "Số hợp tác xã";
        /// Current members.
        Members = "members", "Members", "Số thành viên";
        /// Current women members.
        MembersFemale = "members_female", "Women members", "Số thành viên nữ";
        /// Current members of an ethnic minority.
        MembersMinority = "members_minority", "Ethnic-minority members", "Số thành viên dân tộc thiểu số";
        /// Women's share of members, percent.
        MembersFemaleShare = "members_female_share", "Women's share of members", "Tỷ lệ nữ trong thành viên";
        /// Minority share of members, percent.
        MembersMinorityShare = "members_minority_share",
            "Ethnic-minority share of members",
            "Tỷ lệ dân tộc thiểu số trong thành viên";
        /// Women's share of official members, percent.
        OfficialMembersFemaleShare = "official_members_female_share",
            "Women's share of official members",
            "Tỷ lệ nữ trong thành viên chính thức";
        /// Women members ÷ men members.
        MembersGenderParity = "members_gender_parity",
            "Women members per man member",
            "Số thành viên nữ trên một thành viên nam";
        /// Board seats (chair plus board members).
        BoardSeats = "board_seats", "Board seats", "Số ghế Hội đồng quản trị";
        /// Board seats held by women.
        BoardFemale = "board_female", "Board seats held by women", "Số ghế Hội đồng quản trị do nữ nắm giữ";
        /// Women's share of board seats, percent.
        BoardFemaleShare = "board_female_share", "Women's share of board seats", "Tỷ lệ nữ trong Hội đồng quản trị";
        /// Women's share of board seats plus director posts, percent (SDG 5.5.2-style).
        ManagementFemaleShare = "management_female_share",
            "Women's share of board and director posts",
            "Tỷ lệ nữ trong Hội đồng quản trị và giám đốc";
        /// management_female_share ÷ members_female_share.
        RepresentationRatio = "representation_ratio",
            "Women's share in management ÷ among members",
            "Tỷ lệ nữ trong quản lý ÷ trong thành viên";
        /// Cooperatives with at least one current ethnic-minority member.
        CoopsWithMinorityMember = "coops_with_minority_member",
            "Cooperatives with an ethnic-minority member",
            "Số hợp tác xã có thành viên dân tộc thiểu số";
        /// Their share of cooperatives, percent.
        CoopsWithMinorityMemberShare = "coops_with_minority_member_share",
            "Share of cooperatives with an ethnic-minority member",
            "Tỷ lệ hợp tác xã có thành viên dân tộc thiểu số";
        /// Women-managed cooperatives under the chosen rule.
        WomenManaged = "women_managed", "Cooperatives managed by women", "Số hợp tác xã do phụ nữ tham gia quản lý";
        /// Their share of cooperatives, percent.
        WomenManagedShare = "women_managed_share",
            "Share of cooperatives managed by women",
            "Tỷ lệ hợp tác xã do phụ nữ tham gia quản lý";
        /// Women who are worker members plus women employees.
        JobsFemale = "jobs_female",
            "Jobs for women (worker members and employees)",
            "Việc làm cho nữ (thành viên lao động và người lao động)";
        /// Cooperatives whose director is a woman, over cooperatives whose
        /// director is known, percent (Resolution 28/NQ-CP targets).
        DirectorFemaleShare = "director_female_share",
            "Share of cooperatives with a woman director",
            "Tỷ lệ hợp tác xã có giám đốc là nữ";
    }
}

code_list! {
    /// The unit of an indicator's value.
    pub enum Unit: "unit" {
        /// A number of cooperatives, members, seats or jobs.
        Count = "count", "count", "số lượng";
        /// numerator ÷ denominator × 100.
        Percent = "percent", "percent", "phần trăm";
        /// numerator ÷ denominator.
        Ratio = "ratio", "ratio", "tỷ số";
    }
}

impl Unit {
    /// A value of this unit as a person reads it in `lang`: a count with
    /// grouped digits (`1.778`; one decimal when it is not whole), a
    /// percentage with one decimal (`36,6 %`), a ratio with two (`0,37`).
    /// For display only: the values themselves stay exact numbers.
    pub fn text(self, x: f64, lang: crate::text::Lang) -> String {
        use crate::text::{count, decimal};
        match self {
            Unit::Count if x >= 0.0 && x.fract() == 0.0 && x < 9.0e15 => {
                count(x as u64).text(lang).to_owned()
            }
            Unit::Count => decimal(x, 1).text(lang).to_owned(),
            Unit::Percent => format!("{} %", decimal(x, 1).text(lang)),
            Unit::Ratio => decimal(x, 2).text(lang).to_owned(),
        }
    }
}

code_list! {
    /// What rows are grouped by.
    pub enum Dimension: "by" {
        /// Province code.
        Province = "province", "province", "tỉnh";
        /// District code.
        District = "district", "district", "huyện";
        /// Commune code.
        Commune = "commune", "commune", "xã";
        /// The cooperative itself (its id): one group each.
        Cooperative = "cooperative", "cooperative", "hợp tác xã";
        /// Decree 113 sector group.
        Sector = "sector", "sector", "lĩnh vực";
        /// Cooperative, cooperative group or union.
        Kind = "kind", "kind", "loại hình";
        /// Size class on the date (`not_determinable` when it cannot be told).
        SizeClass = "size_class", "size class", "quy mô";
        /// Women-managed under the chosen rule: `yes`, `no` or `unknown`.
        WomenManaged = "women_managed", "managed by women", "do phụ nữ tham gia quản lý";
    }
}

code_list! {
    /// A member attribute that member-level indicators are split by.
    pub enum Disaggregation: "disaggregate" {
        /// `female`, `male`, `organisation`, `unknown`, and `employee` where employees count.
        Sex = "sex", "sex", "giới tính";
        /// GSO 2008 code (`"01"` … `"54"`), `organisation`, `unknown`, `employee`.
        EthnicGroup = "ethnic_group", "ethnic group", "dân tộc";
        /// `kinh`, `minority`, `organisation`, `unknown`, `employee`.
        KinhVsMinority = "kinh_vs_minority", "Kinh or ethnic minority", "Kinh hay dân tộc thiểu số";
        /// `official`, `associate_capital`, `associate_noncapital`, `unknown`, `employee`.
        MemberKind = "member_kind", "kind of member", "loại thành viên";
        /// Age on the date: `under_18`, `18_29`, `30_44`, `45_59`, `60_plus`, `organisation`, `unknown`, `employee`.
        AgeBand = "age_band", "age band", "nhóm tuổi";
    }
}

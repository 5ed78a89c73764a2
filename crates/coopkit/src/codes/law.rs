//! The code lists of the law and of classification: laws, statuses,
//! comparisons, the women-managed rules and the size outcomes.

use super::{code_list, Code};
use chrono::NaiveDate as Date;

code_list! {
    /// A law the rules know.
    pub enum Law: "law" {
        /// Law on Cooperatives 23/2012/QH13, in force 1 Jul 2013 – 30 Jun 2024.
        Vn2012 = "vn-2012", "Law on Cooperatives No. 23/2012/QH13", "Luật Hợp tác xã số 23/2012/QH13";
        /// Law on Cooperatives 17/2023/QH15, in force from 1 Jul 2024.
        Vn2023 = "vn-2023", "Law on Cooperatives No. 17/2023/QH15", "Luật Hợp tác xã số 17/2023/QH15";
    }
}

impl Law {
    /// The law's own citation, for example `"Law 17/2023/QH15"`.
    pub fn title(self) -> &'static str {
        match self {
            Law::Vn2012 => "Law 23/2012/QH13",
            Law::Vn2023 => "Law 17/2023/QH15",
        }
    }

    /// First day in force.
    pub fn start(self) -> Date {
        match self {
            Law::Vn2012 => Date::from_ymd_opt(2013, 7, 1),
            Law::Vn2023 => Date::from_ymd_opt(2024, 7, 1),
        }
        .expect("valid date")
    }

    /// First day no longer in force, if repealed.
    pub fn end(self) -> Option<Date> {
        match self {
            Law::Vn2012 => Date::from_ymd_opt(2024, 7, 1),
            Law::Vn2023 => None,
        }
    }

    /// In force on `date`.
    pub fn in_force_on(self, date: Date) -> bool {
        self.start() <= date && self.end().is_none_or(|e| date < e)
    }

    /// The law in force on `date`: the 2023 law from 1 Jul 2024, else the 2012 law.
    pub fn in_force(date: Date) -> Law {
        if date >= Law::Vn2023.start() {
            Law::Vn2023
        } else {
            Law::Vn2012
        }
    }
}

/// Which law to apply: a named one, or the one in force on the date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum LawChoice {
    /// The law in force on `as_of`.
    #[default]
    Auto,
    /// This law, whatever the date.
    Law(Law),
}

impl LawChoice {
    /// Every choice, in order: `auto`, then each law.
    pub const ALL: [LawChoice; 3] = [
        LawChoice::Auto,
        LawChoice::Law(Law::Vn2012),
        LawChoice::Law(Law::Vn2023),
    ];

    /// `"auto"`, `"vn-2012"` or `"vn-2023"`.
    pub fn as_str(self) -> &'static str {
        match self {
            LawChoice::Auto => "auto",
            LawChoice::Law(l) => l.as_str(),
        }
    }

    /// Parses `"auto"`, `"vn-2012"` or `"vn-2023"`.
    pub fn parse(s: &str) -> Option<LawChoice> {
        match s {
            "auto" => Some(LawChoice::Auto),
            s => Law::parse(s).map(LawChoice::Law),
        }
    }

    /// The law this choice gives on `as_of`.
    pub fn resolve(self, as_of: Date) -> Law {
        match self {
            LawChoice::Auto => Law::in_force(as_of),
            LawChoice::Law(l) => l,
        }
    }
}

impl Code for LawChoice {
    const FIELD: &'static str = "law";
    fn all() -> &'static [Self] {
        &LawChoice::ALL
    }
    fn code(self) -> &'static str {
        self.as_str()
    }
    fn label(self, lang: crate::text::Lang) -> &'static str {
        match self {
            LawChoice::Auto => super::Term::LawInForceOnTheDate.label(lang),
            LawChoice::Law(l) => l.label(lang),
        }
    }
}

impl std::fmt::Display for LawChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

super::code_traits!(LawChoice);

code_list! {
    /// Outcome of one rule.
    pub enum Status: "status" {
        /// The rule is met.
        Pass = "pass", "pass", "đạt";
        /// The rule is not met.
        Fail = "fail", "fail", "không đạt";
        /// The data needed is missing; the message says which.
        NotAssessable = "not_assessable", "not assessable", "không đánh giá được";
        /// The rule does not apply to this record under this law.
        NotApplicable = "not_applicable", "not applicable", "không áp dụng";
    }
}

code_list! {
    /// How the measured value must stand to the required one.
    pub enum Comparison: "comparison" {
        /// Measured ≥ required (a minimum).
        AtLeast = "at_least", "at least", "tối thiểu";
        /// Measured ≤ required (a cap).
        AtMost = "at_most", "at most", "tối đa";
        /// Measured inside the required range, bounds included.
        Within = "within", "within", "trong khoảng";
        /// Measured is one of the required codes.
        OneOf = "one_of", "one of", "thuộc một trong";
        /// Every required code is present in the measured ones.
        AllOf = "all_of", "all of", "đủ tất cả";
        /// Measured equals required.
        Equal = "equal", "equal to", "bằng";
    }
}

impl Comparison {
    /// A short sign to write before the required value: `≥`, `≤`, `=`, or
    /// nothing for a range or a list (whose own form says it).
    pub fn sign(self) -> &'static str {
        match self {
            Comparison::AtLeast => "≥",
            Comparison::AtMost => "≤",
            Comparison::Equal => "=",
            Comparison::Within | Comparison::OneOf | Comparison::AllOf => "",
        }
    }
}

code_list! {
    /// A named rule for "managed by women". The national programme gives no
    /// formal definition, so every result says which rule it used.
    #[derive(Default)]
    pub enum WomenManagedRule: "women_managed_rule" {
        /// The board chair or the director is a woman (the default).
        #[default]
        ChairOrDirector = "chair_or_director",
            "the board chair or the director is a woman",
            "Chủ tịch Hội đồng quản trị hoặc Giám đốc là nữ";
        /// Women hold at least half of the management posts counted together:
        /// board seats (chair plus board members) and the director post, the
        /// pool of `management_female_share` (exactly half is enough).
        ManagementMajority = "management_majority",
            "women hold at least half of the board seats and the director post counted together",
            "nữ giữ ít nhất một nửa tổng số ghế Hội đồng quản trị và chức Giám đốc";
        /// Women members hold ≥ 51 % of charter capital and a woman is chair,
        /// director or board member (analogue of Law 04/2017/QH14 Art. 3(1)).
        WomenOwned = "women_owned",
            "women members hold at least 51 % of the charter capital and a woman manages",
            "thành viên nữ góp từ 51 % vốn điều lệ và có nữ tham gia quản lý";
        /// Recorded as women-managed by the Women's Union.
        Declared = "declared",
            "recorded as women-managed by the Women's Union",
            "được Hội Liên hiệp Phụ nữ ghi nhận là do phụ nữ tham gia quản lý";
    }
}

code_list! {
    /// Why a size class was or was not determined.
    pub enum SizeStatus: "size_status" {
        /// The class is determined.
        Determined = "determined", "determined", "xác định được";
        /// A cooperative group: size classes are for cooperatives.
        NotApplicable = "not_applicable", "not applicable", "không áp dụng";
        /// A threshold the test needs is not encoded (a union; a sector or band
        /// the sources do not confirm). `missing` may also name absent data.
        ThresholdNotEncoded = "threshold_not_encoded", "threshold not encoded", "chưa có ngưỡng được xác nhận";
        /// Data the test needs is missing: `missing` names it.
        DataMissing = "data_missing", "data missing", "thiếu số liệu";
        /// The date is before the first size instrument took effect.
        BeforeAnyInstrument = "before_any_instrument", "before any instrument", "trước khi có văn bản quy định";
        /// No size parameter is in force on the date (for example a user's
        /// table without them).
        NoParameterInForce = "no_parameter_in_force", "no parameter in force", "không có tham số còn hiệu lực";
    }
}

code_list! {
    /// A rule of the catalogue (CONTRACT.md §2), in catalogue order: the
    /// order of findings in every check report.
    pub enum Rule: "rule" {
        /// Minimum members for the kind.
        MembersMinimum = "members.minimum", "minimum number of members", "số thành viên tối thiểu";
        /// Member types the law admits for the kind.
        MembersEligibleType = "members.eligible_type", "who may be a member", "đối tượng được là thành viên";
        /// Individual official and capital members are 18 or older.
        MembersIndividualAge = "members.individual_age", "individual members are 18 or older", "thành viên cá nhân từ đủ 18 tuổi";
        /// A declared kind of member agrees with the three facts.
        MembersKindConsistent = "members.kind_consistent",
            "declared kind of member agrees with the facts",
            "loại thành viên khai báo phù hợp với thực tế góp vốn, sử dụng dịch vụ, góp sức lao động";
        /// Each member's capital within the cap.
        CapitalMemberCap = "capital.member_cap", "one member's share of the charter capital", "vốn góp tối đa của một thành viên";
        /// Foreign-linked capital within the cap.
        CapitalForeignCap = "capital.foreign_cap", "capital of foreign investors", "vốn góp của nhà đầu tư nước ngoài";
        /// Members' capital adds up to the charter capital.
        CapitalSumMatchesCharter = "capital.sum_matches_charter",
            "members' capital adds up to the charter capital",
            "tổng vốn góp của thành viên bằng vốn điều lệ";
        /// Union members' types.
        UnionMemberTypes = "union.member_types", "members of a union of cooperatives", "thành viên của liên hiệp hợp tác xã";
        /// The simplified structure only where allowed.
        GovernanceStructureAllowed = "governance.structure_allowed",
            "simplified structure only where allowed",
            "chỉ áp dụng tổ chức quản trị rút gọn khi được phép";
        /// The posts each structure needs.
        GovernanceRequiredPosts = "governance.required_posts", "required posts", "các chức danh bắt buộc";
        /// A board of 3 to 15.
        GovernanceBoardSize = "governance.board_size", "size of the board", "số thành viên Hội đồng quản trị";
        /// A delegates' general meeting only from the threshold.
        MeetingDelegatesAllowed = "meeting.delegates_allowed",
            "delegates' general meeting allowed",
            "được tổ chức Đại hội đại biểu thành viên";
    }
}

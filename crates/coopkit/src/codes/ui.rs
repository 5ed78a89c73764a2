//! The words every presentation of results needs (an HTML table, a report, a
//! web page): column headings, yes and no, verdicts. A binding that shows
//! results asks for these instead of keeping words of its own.

use super::{code_list, Code};
use crate::text::Lang;

code_list! {
    /// A word or short phrase of the library's presentations.
    pub enum Term: "term" {
        /// A yes/no value that is true.
        Yes = "yes", "yes", "có";
        /// A yes/no value that is false.
        No = "no", "no", "không";
        /// A value the data does not give.
        Unknown = "unknown", "unknown", "chưa rõ";
        /// Column heading: a rule id.
        Rule = "rule", "rule", "quy định";
        /// Column heading: a finding's status.
        Status = "status", "status", "kết quả";
        /// Column heading: what a finding is about.
        Subject = "subject", "subject", "đối tượng";
        /// Column heading: the measured value.
        Measured = "measured", "measured", "số đo được";
        /// Column heading: the required value.
        Required = "required", "required", "yêu cầu";
        /// Column heading: the citation.
        Citation = "citation", "citation", "căn cứ";
        /// Column heading: the message.
        Message = "message", "message", "giải thích";
        /// Column heading: why (a reason).
        Reason = "reason", "reason", "lý do";
        /// Column heading: a value.
        Value = "value", "value", "giá trị";
        /// Column heading: a cooperative.
        Cooperative = "cooperative", "cooperative", "hợp tác xã";
        /// A report whose findings all passed or did not apply.
        NoRuleFailed = "no_rule_failed", "no rule failed", "không có quy định nào không đạt";
        /// A report with a failed finding.
        SomeRulesFailed = "some_rules_failed", "some rules failed", "có quy định không đạt";
        /// A law named for a date outside its period.
        LawNotInForce = "law_not_in_force", "law not in force on this date", "luật chưa hoặc không còn hiệu lực vào ngày này";
        /// The law chosen by the date.
        LawInForceOnTheDate = "law_in_force_on_the_date", "the law in force on the date", "luật có hiệu lực vào ngày đánh giá";
        /// A cooperative established after the date.
        NotYetEstablished = "not_yet_established", "not yet established on this date", "chưa thành lập vào ngày này";
        /// Rows left out of a shown table (after a count).
        MoreRows = "more_rows", "more rows", "dòng nữa";
        /// A size class.
        SizeClass = "size_class", "size class", "quy mô";
        /// An ILO type.
        IloType = "ilo_type", "ILO type", "loại hình theo ILO";
        /// Has at least one ethnic-minority member.
        HasMinorityMember = "has_minority_member", "has an ethnic-minority member", "có thành viên dân tộc thiểu số";
        /// Managed by women (under a rule).
        WomenManaged = "women_managed", "managed by women", "do phụ nữ tham gia quản lý";
    }
}

impl Term {
    /// `yes`, `no` or `unknown` for a three-valued answer.
    pub fn yes_no(value: Option<bool>) -> Term {
        match value {
            Some(true) => Term::Yes,
            Some(false) => Term::No,
            None => Term::Unknown,
        }
    }
}

impl Code for Lang {
    const FIELD: &'static str = "lang";
    fn all() -> &'static [Self] {
        &Lang::ALL
    }
    fn code(self) -> &'static str {
        self.as_str()
    }
    fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Lang::En, Lang::En) => "English",
            (Lang::Vi, Lang::En) => "Vietnamese",
            (Lang::En, Lang::Vi) => "tiếng Anh",
            (Lang::Vi, Lang::Vi) => "tiếng Việt",
        }
    }
}

super::code_traits!(Lang);

impl Code for crate::error::InputErrorCode {
    const FIELD: &'static str = "code";
    fn all() -> &'static [Self] {
        &crate::error::InputErrorCode::ALL
    }
    fn code(self) -> &'static str {
        self.as_str()
    }
    fn label(self, lang: Lang) -> &'static str {
        use crate::error::InputErrorCode as C;
        let (en, vi) = match self {
            C::Syntax => (
                "not valid JSON, JSON Lines or CSV",
                "sai cú pháp JSON, JSON Lines hoặc CSV",
            ),
            C::MissingField => ("a required field is missing", "thiếu trường bắt buộc"),
            C::UnknownField => (
                "a field the format does not have",
                "trường không có trong định dạng",
            ),
            C::InvalidType => ("a value of the wrong type", "giá trị sai kiểu"),
            C::InvalidValue => ("a value outside the code list", "giá trị không có trong danh mục"),
            C::InvalidDate => ("not a valid date", "ngày không hợp lệ"),
            C::DuplicateId => ("an id used twice", "mã bị trùng"),
            C::UnknownReference => (
                "a reference to a record that does not exist",
                "tham chiếu tới bản ghi không tồn tại",
            ),
            C::OutOfRange => ("a value out of range", "giá trị ngoài phạm vi cho phép"),
            C::Overflow => ("a number too large to hold", "số quá lớn"),
            C::Inconsistent => ("fields that contradict each other", "các trường mâu thuẫn nhau"),
        };
        lang.pick(en, vi)
    }
}

super::code_traits!(crate::error::InputErrorCode);

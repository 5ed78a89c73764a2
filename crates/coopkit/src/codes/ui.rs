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
        /// A cooperative dissolved on or before the date.
        Dissolved = "dissolved", "dissolved by this date", "đã giải thể vào ngày này";
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
        /// The title of a page that checks cooperatives.
        AppTitle = "app_title", "Checking cooperatives managed by women", "Kiểm tra hợp tác xã do phụ nữ tham gia quản lý";
        /// Says that a page works offline.
        OfflineNote = "offline_note", "Runs in your browser: nothing you open or type is sent anywhere.", "Chạy ngay trong trình duyệt: dữ liệu bạn mở hoặc nhập không được gửi đi đâu.";
        /// Button: load the example data.
        OpenExample = "open_example", "Open the example province", "Mở dữ liệu mẫu của tỉnh";
        /// Button: load the user's files.
        OpenFiles = "open_files", "Open a file (JSON, or the three CSV files together)", "Mở tệp (JSON, hoặc chọn cùng lúc ba tệp CSV)";
        /// Label of the language switch.
        Language = "language", "Language", "Ngôn ngữ";
        /// The date results are for.
        AsOf = "as_of", "Date of assessment", "Ngày đánh giá";
        /// The law applied.
        Law = "law", "Law", "Luật";
        /// Button: print.
        Print = "print", "Print the report", "In báo cáo";
        /// Heading of the list of cooperatives.
        Cooperatives = "cooperatives", "Cooperatives", "Danh sách hợp tác xã";
        /// Heading of a check's findings.
        Findings = "findings", "Findings", "Kết quả kiểm tra";
        /// Count of failed findings.
        Failed = "failed", "not met", "không đạt";
        /// Heading of the member table.
        Members = "members", "Members", "Thành viên";
        /// Heading of the post table.
        Positions = "positions", "Board and management posts", "Hội đồng quản trị và các chức danh quản lý";
        /// Button.
        AddMember = "add_member", "Add a member", "Thêm thành viên";
        /// Button.
        AddPosition = "add_position", "Add a post", "Thêm chức danh";
        /// Button.
        Remove = "remove", "Remove", "Xóa";
        /// Column: an id.
        Id = "id", "Code", "Mã";
        /// Column: a name.
        Name = "name", "Name", "Tên";
        /// Column: kind of organisation.
        Kind = "kind", "Kind", "Loại hình";
        /// Column: type of member.
        Type = "type", "Type", "Loại";
        /// Column: sex.
        Sex = "sex", "Sex", "Giới tính";
        /// Column: date of birth.
        BirthDate = "birth_date", "Date of birth", "Ngày sinh";
        /// Column: ethnicity code.
        Ethnicity = "ethnicity", "Ethnicity (code)", "Dân tộc (mã)";
        /// Column: capital.
        CapitalVnd = "capital_vnd", "Capital contributed (đồng)", "Vốn góp (đồng)";
        /// Column: a member fact.
        ContributesCapital = "contributes_capital", "Contributes capital", "Góp vốn";
        /// Column: a member fact.
        UsesServices = "uses_services", "Uses services", "Sử dụng dịch vụ";
        /// Column: a member fact.
        ContributesLabour = "contributes_labour", "Contributes labour", "Góp sức lao động";
        /// Column: a post.
        Role = "role", "Post", "Chức danh";
        /// Column: who holds a post.
        HeldBy = "held_by", "Held by (member code)", "Người giữ (mã thành viên)";
        /// A post held by a non-member.
        NotAMember = "not_a_member", "not a member", "không phải thành viên";
        /// Heading of indicators.
        Indicators = "indicators", "Indicators", "Chỉ tiêu";
        /// Title of a chart.
        ChartMembersFemale = "chart_members_female", "Women's share of members, by cooperative", "Tỷ lệ thành viên nữ theo hợp tác xã";
        /// Title of a chart.
        ChartBoardFemale = "chart_board_female", "Women's share of board seats, by cooperative", "Tỷ lệ nữ trong hội đồng quản trị theo hợp tác xã";
        /// Heading of the targets.
        Targets = "targets", "Targets of the programme and the gender-equality strategy", "Mục tiêu của Đề án và Chiến lược bình đẳng giới";
        /// Column: a target value.
        Target = "target", "Target", "Mục tiêu";
        /// Column: the value reached.
        Achieved = "achieved", "Achieved", "Đạt được";
        /// Column: when a target is due.
        Due = "due", "Due", "Thời hạn";
        /// Column: achieved over target.
        Progress = "progress", "Progress", "Tiến độ";
        /// A target a registry cannot measure.
        NotMeasurable = "not_measurable", "not measurable from a registry", "không đo được từ sổ đăng ký";
        /// A percent target reached on the date.
        TargetMet = "target_met", "target met", "đạt mục tiêu";
        /// A percent target not yet reached on the date.
        TargetNotMet = "target_not_met", "target not yet met", "chưa đạt mục tiêu";
        /// Heading of a list of input errors.
        InputErrors = "input_errors", "The data has errors", "Dữ liệu có lỗi";
        /// Heading of the records a lenient read left out.
        Rejected = "rejected", "Records left out", "Bản ghi bị loại";
        /// Column: how many cooperatives had the data for a figure.
        Contributing = "contributing", "cooperatives with the data", "số hợp tác xã có dữ liệu";
        /// Shown where there is nothing to show.
        NoData = "no_data", "No data", "Chưa có dữ liệu";
        /// Heading of a printed report.
        ReportOf = "report_of", "Report as of", "Báo cáo tính đến ngày";
        /// A member, before its id: "member m12".
        MemberSubject = "member_subject", "member", "thành viên";
        /// A position, before its id: "position p3".
        PositionSubject = "position_subject", "position", "chức danh";
        /// Before a list of allowed values: "one of individual, household".
        OneOf = "one_of", "one of", "một trong";
        /// Before a list of required values: "all of chair, director".
        AllOf = "all_of", "all of", "đủ";
        /// Column: an indicator.
        Indicator = "indicator", "indicator", "chỉ tiêu";
        /// Column: a share's numerator.
        Numerator = "numerator", "numerator", "tử số";
        /// Column: a share's denominator.
        Denominator = "denominator", "denominator", "mẫu số";
        /// Column: the unit of a value.
        Unit = "unit", "unit", "đơn vị";
        /// Column: the category of a breakdown.
        Category = "category", "category", "nhóm";
        /// Column: what a figure is broken down by.
        Disaggregation = "disaggregation", "breakdown", "phân tổ";
        /// Column: how many cooperatives lacked the data for a figure.
        NotContributing = "not_contributing", "cooperatives without the data", "số hợp tác xã thiếu dữ liệu";
        /// Column: a figure withheld by disclosure control.
        Suppressed = "suppressed", "suppressed (small cell)", "ẩn (ô quá nhỏ)";
        /// Column: how a measured value is compared with the required one.
        Comparison = "comparison", "comparison", "so sánh";
        /// Column: whether a size class could be determined.
        SizeStatus = "size_status", "size class status", "tình trạng xếp quy mô";
        /// Column: the instrument a size class rests on.
        SizeBasis = "size_basis", "size class basis", "căn cứ xếp quy mô";
        /// The workbook sheet of classifications.
        Classification = "classification", "classification", "phân loại";
        /// Column: what a target is.
        Description = "description", "description", "nội dung";
        /// Column: a registry can measure the target.
        Measurable = "measurable", "measurable from a registry", "đo được từ sổ đăng ký";
        /// Column: the value a target asks for.
        TargetValue = "target_value", "target value", "giá trị mục tiêu";
        /// Column: a measured share.
        Share = "share", "share", "tỷ lệ";
        /// Column: the target is reached.
        Met = "met", "met", "đạt";
        /// Column: where the straight line to the target is on the date.
        Expected = "expected", "expected by this date", "mức cần đạt đến ngày này";
        /// Column: progress is at or above the straight line.
        OnTrack = "on_track", "on track", "đúng tiến độ";
        /// Column: the name of a province.
        ProvinceName = "province_name", "province name", "tên tỉnh";
        /// Column: the name of a district.
        DistrictName = "district_name", "district name", "tên huyện";
        /// Column: the name of a commune.
        CommuneName = "commune_name", "commune name", "tên xã";
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
            C::TooLarge => (
                "more than a read's limit allows",
                "vượt quá giới hạn cho phép của lần đọc",
            ),
        };
        lang.pick(en, vi)
    }
}

super::code_traits!(crate::error::InputErrorCode);

//! The code lists of the cooperative model (CONTRACT.md §1).

use super::code_list;

code_list! {
    /// What kind of organisation a record is.
    pub enum Kind: "kind" {
        /// Hợp tác xã (HTX).
        Cooperative = "cooperative", "cooperative", "hợp tác xã";
        /// Tổ hợp tác (THT): a contract between members, no legal personality.
        CooperativeGroup = "cooperative_group", "cooperative group", "tổ hợp tác";
        /// Liên hiệp hợp tác xã: a union of cooperatives.
        Union = "union", "union of cooperatives", "liên hiệp hợp tác xã";
    }
}

code_list! {
    /// Economic sector groups of Decree 113/2024/NĐ-CP Art. 5.
    pub enum Sector: "sector" {
        /// Agriculture, forestry and fishery.
        Agriculture = "agriculture", "agriculture", "nông nghiệp";
        /// Mining, manufacturing, utilities, water, waste and construction.
        IndustryConstruction = "industry_construction", "industry–construction", "công nghiệp – xây dựng";
        /// Trade, services and everything else.
        TradeServices = "trade_services", "trade–services", "thương mại – dịch vụ";
    }
}

code_list! {
    /// Management structure (Law 17/2023/QH15 Art. 56).
    pub enum Governance: "governance" {
        /// General meeting, board, director, supervisory board.
        Full = "full", "full structure", "tổ chức quản trị đầy đủ";
        /// General meeting, director, one controller.
        Simplified = "simplified", "simplified structure", "tổ chức quản trị rút gọn";
    }
}

code_list! {
    /// How the general meeting is held.
    pub enum GeneralMeeting: "general_meeting" {
        /// All members attend.
        Plenary = "plenary", "general meeting of all members", "Đại hội thành viên";
        /// Elected delegates attend.
        Delegates = "delegates", "delegates' general meeting", "Đại hội đại biểu thành viên";
    }
}

code_list! {
    /// Cooperative type in the ILO statistical guidelines (20th ICLS, 2018).
    pub enum IloType: "ilo_type" {
        /// Producer cooperative.
        Producer = "producer", "producer cooperative", "hợp tác xã của người sản xuất";
        /// Consumer or user cooperative.
        Consumer = "consumer", "consumer or user cooperative", "hợp tác xã của người tiêu dùng, sử dụng dịch vụ";
        /// Worker cooperative.
        Worker = "worker", "worker cooperative", "hợp tác xã của người lao động";
        /// Multi-stakeholder cooperative.
        MultiStakeholder = "multi_stakeholder", "multi-stakeholder cooperative", "hợp tác xã nhiều bên";
    }
}

code_list! {
    /// Cooperative type in Circular 01/2020/TT-BKHĐT.
    pub enum CircularType: "circular_type" {
        /// Serves members' production.
        Production = "production", "serves production", "phục vụ sản xuất";
        /// Serves members' consumption.
        Consumption = "consumption", "serves consumption", "phục vụ tiêu dùng";
        /// Creates jobs for members.
        JobCreation = "job_creation", "creates jobs", "tạo việc làm";
        /// Mixed.
        Mixed = "mixed", "mixed", "tổng hợp";
    }
}

code_list! {
    /// What a member is.
    pub enum MemberType: "type" {
        /// A natural person.
        Individual = "individual", "individual", "cá nhân";
        /// A household, through one representative.
        Household = "household", "household", "hộ gia đình";
        /// A Vietnamese legal entity.
        LegalEntity = "legal_entity", "legal entity", "pháp nhân";
        /// A cooperative (as member of a union).
        Cooperative = "cooperative", "cooperative", "hợp tác xã";
        /// A cooperative group (Law 17/2023 Art. 30).
        CooperativeGroup = "cooperative_group", "cooperative group", "tổ hợp tác";
        /// A foreign-invested organisation (Law 17/2023 Art. 30).
        ForeignInvestedOrg = "foreign_invested_org", "foreign-invested organisation", "tổ chức kinh tế có vốn đầu tư nước ngoài";
    }
}

code_list! {
    /// Kind of membership under Law 17/2023/QH15.
    pub enum MemberKind: "kind" {
        /// Contributes capital and uses services or contributes labour; votes.
        Official = "official", "official member", "thành viên chính thức";
        /// Contributes capital only.
        AssociateCapital = "associate_capital", "capital-contributing associate member", "thành viên liên kết góp vốn";
        /// Contributes no capital; uses services or contributes labour.
        AssociateNoncapital = "associate_noncapital", "non-contributing associate member", "thành viên liên kết không góp vốn";
    }
}

code_list! {
    /// Sex of a person, or of a household's representative.
    pub enum Sex: "sex" {
        /// Woman.
        Female = "female", "female", "nữ";
        /// Man.
        Male = "male", "male", "nam";
    }
}

code_list! {
    /// A post. Board seats are [`Role::BoardChair`] plus [`Role::BoardMember`].
    pub enum Role: "role" {
        /// Chair of the board (Chủ tịch HĐQT).
        BoardChair = "board_chair", "board chair", "Chủ tịch Hội đồng quản trị";
        /// Board member (thành viên HĐQT).
        BoardMember = "board_member", "board member", "thành viên Hội đồng quản trị";
        /// Director (Giám đốc).
        Director = "director", "director", "Giám đốc";
        /// Deputy director.
        DeputyDirector = "deputy_director", "deputy director", "Phó Giám đốc";
        /// Head of the supervisory (control) board.
        SupervisoryHead = "supervisory_head", "head of the supervisory board", "Trưởng Ban kiểm soát";
        /// Member of the supervisory board.
        SupervisoryMember = "supervisory_member", "supervisory board member", "thành viên Ban kiểm soát";
        /// Controller (kiểm soát viên), in the simplified structure.
        Controller = "controller", "controller", "Kiểm soát viên";
        /// Chief accountant.
        ChiefAccountant = "chief_accountant", "chief accountant", "Kế toán trưởng";
    }
}

code_list! {
    /// Size class of a cooperative.
    pub enum SizeClass: "size_class" {
        /// Micro (siêu nhỏ).
        Micro = "micro", "micro", "siêu nhỏ";
        /// Small (nhỏ).
        Small = "small", "small", "nhỏ";
        /// Medium (vừa).
        Medium = "medium", "medium", "vừa";
        /// Large (lớn).
        Large = "large", "large", "lớn";
    }
}

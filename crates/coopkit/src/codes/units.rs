//! The code lists of administrative units ([`crate::units`]): levels and
//! kinds of unit.

use super::code_list;

code_list! {
    /// The level of an administrative unit.
    pub enum Level: "unit_level" {
        /// Province or centrally-run city.
        Province = "province", "province", "cấp tỉnh";
        /// District (until 30 Jun 2025).
        District = "district", "district", "cấp huyện";
        /// Commune, ward or special zone.
        Commune = "commune", "commune", "cấp xã";
    }
}

code_list! {
    /// What kind of unit it is.
    pub enum UnitKind: "unit_kind" {
        /// Tỉnh.
        Tinh = "tinh", "province", "tỉnh";
        /// Thành phố trực thuộc trung ương.
        ThanhPhoTrucThuocTrungUong = "thanh_pho_truc_thuoc_trung_uong",
            "centrally-run city",
            "thành phố trực thuộc trung ương";
        /// Huyện.
        Huyen = "huyen", "rural district", "huyện";
        /// Quận.
        Quan = "quan", "urban district", "quận";
        /// Thị xã.
        ThiXa = "thi_xa", "town", "thị xã";
        /// Thành phố thuộc tỉnh.
        ThanhPho = "thanh_pho", "provincial city", "thành phố thuộc tỉnh";
        /// Xã.
        Xa = "xa", "commune", "xã";
        /// Phường.
        Phuong = "phuong", "ward", "phường";
        /// Thị trấn.
        ThiTran = "thi_tran", "township", "thị trấn";
        /// Đặc khu.
        DacKhu = "dac_khu", "special zone", "đặc khu";
    }
}

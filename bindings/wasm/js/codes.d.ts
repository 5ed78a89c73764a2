// Generated from the core's code lists by examples/tests/ts_codes.rs; do not edit.
// COOPKIT_UPDATE=1 cargo test -p coopkit-examples --test ts_codes

/** Codes of `kind`. */
export type Kind =
  | "cooperative"
  | "cooperative_group"
  | "union";

/** Codes of `sector`. */
export type Sector =
  | "agriculture"
  | "industry_construction"
  | "trade_services";

/** Codes of `governance`. */
export type Governance =
  | "full"
  | "simplified";

/** Codes of `general_meeting`. */
export type GeneralMeeting =
  | "plenary"
  | "delegates";

/** Codes of `ilo_type`. */
export type IloType =
  | "producer"
  | "consumer"
  | "worker"
  | "multi_stakeholder";

/** Codes of `circular_type`. */
export type CircularType =
  | "production"
  | "consumption"
  | "job_creation"
  | "mixed";

/** Codes of `member_type`. */
export type MemberType =
  | "individual"
  | "household"
  | "legal_entity"
  | "cooperative"
  | "cooperative_group"
  | "foreign_invested_org";

/** Codes of `member_kind`. */
export type MemberKind =
  | "official"
  | "associate_capital"
  | "associate_noncapital";

/** Codes of `sex`. */
export type Sex =
  | "female"
  | "male";

/** Codes of `role`. */
export type Role =
  | "board_chair"
  | "board_member"
  | "director"
  | "deputy_director"
  | "supervisory_head"
  | "supervisory_member"
  | "controller"
  | "chief_accountant";

/** Codes of `size_class`. */
export type SizeClass =
  | "micro"
  | "small"
  | "medium"
  | "large";

/** Codes of `law`. */
export type Law =
  | "vn-2012"
  | "vn-2023";

/** Codes of `law_choice`. */
export type LawChoice =
  | "auto"
  | "vn-2012"
  | "vn-2023";

/** Codes of `rule`. */
export type Rule =
  | "members.minimum"
  | "members.eligible_type"
  | "members.individual_age"
  | "members.kind_consistent"
  | "capital.member_cap"
  | "capital.foreign_cap"
  | "capital.sum_matches_charter"
  | "union.member_types"
  | "governance.structure_allowed"
  | "governance.required_posts"
  | "governance.board_size"
  | "meeting.delegates_allowed";

/** Codes of `status`. */
export type Status =
  | "pass"
  | "fail"
  | "not_assessable"
  | "not_applicable";

/** Codes of `comparison`. */
export type Comparison =
  | "at_least"
  | "at_most"
  | "within"
  | "one_of"
  | "all_of"
  | "equal";

/** Codes of `women_managed_rule`. */
export type WomenManagedRule =
  | "chair_or_director"
  | "management_majority"
  | "women_owned"
  | "declared";

/** Codes of `size_status`. */
export type SizeStatus =
  | "determined"
  | "not_applicable"
  | "threshold_not_encoded"
  | "data_missing"
  | "before_any_instrument"
  | "no_parameter_in_force";

/** Codes of `indicator`. */
export type Indicator =
  | "cooperatives"
  | "members"
  | "members_female"
  | "members_minority"
  | "members_female_share"
  | "members_minority_share"
  | "official_members_female_share"
  | "members_gender_parity"
  | "board_seats"
  | "board_female"
  | "board_female_share"
  | "management_female_share"
  | "representation_ratio"
  | "coops_with_minority_member"
  | "coops_with_minority_member_share"
  | "women_managed"
  | "women_managed_share"
  | "jobs_female"
  | "director_female_share";

/** Codes of `unit`. */
export type Unit =
  | "count"
  | "percent"
  | "ratio";

/** Codes of `dimension`. */
export type Dimension =
  | "province"
  | "district"
  | "commune"
  | "cooperative"
  | "sector"
  | "kind"
  | "size_class"
  | "women_managed";

/** Codes of `disaggregation`. */
export type Disaggregation =
  | "sex"
  | "ethnic_group"
  | "kinh_vs_minority"
  | "member_kind"
  | "age_band";

/** Codes of `unit_level`. */
export type UnitLevel =
  | "province"
  | "district"
  | "commune";

/** Codes of `unit_kind`. */
export type UnitKind =
  | "tinh"
  | "thanh_pho_truc_thuoc_trung_uong"
  | "huyen"
  | "quan"
  | "thi_xa"
  | "thanh_pho"
  | "xa"
  | "phuong"
  | "thi_tran"
  | "dac_khu";

/** Codes of `input_error_code`. */
export type InputErrorCode =
  | "syntax"
  | "missing_field"
  | "unknown_field"
  | "invalid_type"
  | "invalid_value"
  | "invalid_date"
  | "duplicate_id"
  | "unknown_reference"
  | "out_of_range"
  | "overflow"
  | "inconsistent"
  | "too_large";

/** Codes of `lang`. */
export type Lang =
  | "vi"
  | "en";

/** Codes of `term`. */
export type Term =
  | "yes"
  | "no"
  | "unknown"
  | "rule"
  | "status"
  | "subject"
  | "measured"
  | "required"
  | "citation"
  | "message"
  | "reason"
  | "value"
  | "cooperative"
  | "no_rule_failed"
  | "some_rules_failed"
  | "law_not_in_force"
  | "law_in_force_on_the_date"
  | "not_yet_established"
  | "dissolved"
  | "more_rows"
  | "size_class"
  | "ilo_type"
  | "has_minority_member"
  | "women_managed"
  | "app_title"
  | "offline_note"
  | "open_example"
  | "open_files"
  | "language"
  | "as_of"
  | "law"
  | "print"
  | "cooperatives"
  | "findings"
  | "failed"
  | "members"
  | "positions"
  | "add_member"
  | "add_position"
  | "remove"
  | "id"
  | "name"
  | "kind"
  | "type"
  | "sex"
  | "birth_date"
  | "ethnicity"
  | "capital_vnd"
  | "contributes_capital"
  | "uses_services"
  | "contributes_labour"
  | "role"
  | "held_by"
  | "not_a_member"
  | "indicators"
  | "chart_members_female"
  | "chart_board_female"
  | "targets"
  | "target"
  | "achieved"
  | "due"
  | "progress"
  | "not_measurable"
  | "target_met"
  | "target_not_met"
  | "input_errors"
  | "rejected"
  | "contributing"
  | "no_data"
  | "report_of"
  | "member_subject"
  | "position_subject"
  | "one_of"
  | "all_of"
  | "indicator"
  | "numerator"
  | "denominator"
  | "unit"
  | "category"
  | "disaggregation"
  | "not_contributing"
  | "suppressed"
  | "comparison"
  | "size_status"
  | "size_basis"
  | "classification"
  | "description"
  | "measurable"
  | "target_value"
  | "share"
  | "met"
  | "expected"
  | "on_track"
  | "province_name"
  | "district_name"
  | "commune_name";

/** The fields of `vocabulary()`: each code list's labels. */
export interface Vocabulary {
  kind: Record<Kind, string>;
  sector: Record<Sector, string>;
  governance: Record<Governance, string>;
  general_meeting: Record<GeneralMeeting, string>;
  ilo_type: Record<IloType, string>;
  circular_type: Record<CircularType, string>;
  member_type: Record<MemberType, string>;
  member_kind: Record<MemberKind, string>;
  sex: Record<Sex, string>;
  role: Record<Role, string>;
  size_class: Record<SizeClass, string>;
  law: Record<Law, string>;
  law_choice: Record<LawChoice, string>;
  rule: Record<Rule, string>;
  status: Record<Status, string>;
  comparison: Record<Comparison, string>;
  women_managed_rule: Record<WomenManagedRule, string>;
  size_status: Record<SizeStatus, string>;
  indicator: Record<Indicator, string>;
  unit: Record<Unit, string>;
  dimension: Record<Dimension, string>;
  disaggregation: Record<Disaggregation, string>;
  unit_level: Record<UnitLevel, string>;
  unit_kind: Record<UnitKind, string>;
  input_error_code: Record<InputErrorCode, string>;
  lang: Record<Lang, string>;
  term: Record<Term, string>;
  comparison_sign: Record<Comparison, string>;
}

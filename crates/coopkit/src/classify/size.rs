//! Size class: Decree 113/2024/NĐ-CP Art. 5 from 1 Nov 2024, Circular
//! 01/2020/TT-BKHĐT from 1 Apr 2020 until then.
//!
//! The thresholds come from the parameter table (ids `size.d113.*` and
//! `size.c01.*`, see `params/classification.toml`), so a user's table can
//! supply the ones the built-in table leaves out because they are not
//! confirmed. Data and thresholds are three-valued: a class is concluded only
//! when the known values settle it.

use super::{SizeClass, SizeClassResult, SizeStatus};
use crate::model::{Cooperative, Date, Kind, Sector, Summary};
use crate::params::{Parameter, Parameters};
use crate::text::{self, Builder, Message};

/// Citation of the size classes of Decree 113/2024/NĐ-CP (parameters
/// `size.d113.*`; in the built-in table from 1 Nov 2024).
pub const DECREE_113_2024: &str = "Decree 113/2024/NĐ-CP, Art. 5";
/// Citation of the size classes of Circular 01/2020/TT-BKHĐT (parameters
/// `size.c01.*`; in the built-in table from 1 Apr 2020 to 31 Oct 2024).
pub const CIRCULAR_01_2020: &str = "Circular 01/2020/TT-BKHĐT";

/// An instrument that sets size classes. Which one applies on a date is
/// read from the parameter table: the first of [`Regime::ALL`] with a
/// parameter in force on that date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Regime {
    Decree113,
    Circular01,
}

impl Regime {
    /// Newest first: where two are in force, the newer applies.
    const ALL: [Regime; 2] = [Regime::Decree113, Regime::Circular01];

    /// The start of the ids of its parameters.
    fn prefix(self) -> &'static str {
        match self {
            Regime::Decree113 => "size.d113.",
            Regime::Circular01 => "size.c01.",
        }
    }

    /// The citation given as a result's basis.
    fn basis(self) -> &'static str {
        match self {
            Regime::Decree113 => DECREE_113_2024,
            Regime::Circular01 => CIRCULAR_01_2020,
        }
    }

    /// Its name in English and Vietnamese.
    fn title(self) -> Message {
        match self {
            Regime::Decree113 => Message::new("Decree 113/2024/NĐ-CP", "Nghị định 113/2024/NĐ-CP"),
            Regime::Circular01 => Message::new("Circular 01/2020/TT-BKHĐT", "Thông tư 01/2020/TT-BKHĐT"),
        }
    }

    fn parameters(self, params: &Parameters) -> impl Iterator<Item = &Parameter> {
        params
            .entries()
            .iter()
            .filter(move |p| p.id.starts_with(self.prefix()))
    }

    /// The instrument in force on `as_of` under `params`.
    fn in_force(params: &Parameters, as_of: Date) -> Option<Regime> {
        Regime::ALL
            .into_iter()
            .find(|r| r.parameters(params).any(|p| p.in_force_on(as_of)))
    }

    /// The instrument in force first, with the day it took effect.
    fn first(params: &Parameters) -> Option<(Regime, Date)> {
        Regime::ALL
            .into_iter()
            .filter_map(|r| r.parameters(params).map(|p| p.start).min().map(|d| (r, d)))
            .min_by_key(|&(_, d)| d)
    }
}

/// Whether the size classes in force on `as_of` under `params` are those of
/// Law 17/2023 Art. 16 (official members AND revenue or capital, set by
/// Decree 113/2024/NĐ-CP from 1 Nov 2024). `false` before, when only
/// Circular 01/2020/TT-BKHĐT (all members) or nothing is in force: a rule of
/// the 2023 law that needs a size class has then no threshold of its own.
pub fn law_2023_classes_in_force(params: &Parameters, as_of: Date) -> bool {
    Regime::in_force(params, as_of) == Some(Regime::Decree113)
}

/// Size class of `coop` on `as_of`, with the thresholds of `params`.
///
/// The instrument is the one whose parameters are in force on `as_of` in
/// `params` (Decree 113 before Circular 01 where both are), so a user's
/// table can date a new version; with the built-in table:
///
/// - From 1 Nov 2024 (Decree 113/2024/NĐ-CP Art. 5): large, then medium,
///   then small is tested; a class needs the number of official members AND
///   (annual revenue OR total capital) at or above the sector's thresholds;
///   otherwise micro. Micro is concluded only when every higher class is
///   encoded for the sector and known not to be met. A threshold missing
///   from the table gives `class: None` ("threshold not encoded for this
///   sector"); missing data gives `class: None` naming the field, unless the
///   known values already settle the class (three-valued logic: revenue
///   unknown but capital at the threshold meets the OR).
/// - From 1 Apr 2020 to 31 Oct 2024 (Circular 01/2020/TT-BKHĐT): the class by
///   the number of members current on `as_of` (member kinds did not exist
///   yet); the capital band is given in the reason when determinable.
/// - Before 1 Apr 2020 (no size parameter in force): not determinable.
///
/// Official members are counted from the member list (members current on
/// `as_of` whose declared kind, or else the kind the three facts give, is
/// official; members whose kind is unknown widen the count to a range), else from
/// `summary.official_members`. Cooperative groups have no size class; no
/// thresholds are encoded for unions.
pub fn size_class(params: &Parameters, coop: &Cooperative, as_of: Date) -> SizeClassResult {
    let rules = SizeRules::new(params, as_of);
    let o = rules.outcome(&SizeFacts::of(coop, as_of, rules.regime));
    let mut r = rules.result(&o, coop, params);
    // The years the amounts refer to, when the record gives them.
    let years: Vec<(Message, u16)> = [
        (
            Message::new("revenue of", "doanh thu năm"),
            coop.annual_revenue_year,
        ),
        (
            Message::new("total capital of", "tổng nguồn vốn năm"),
            coop.total_capital_year,
        ),
    ]
    .into_iter()
    .filter_map(|(m, y)| y.map(|y| (m, y)))
    .collect();
    if !years.is_empty() {
        let part = |l: crate::text::Lang| {
            years
                .iter()
                .map(|(m, y)| format!("{} {y}", m.text(l)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        r.reason = Message::new(
            format!("{} ({})", r.reason.en, part(crate::text::Lang::En)),
            format!("{} ({})", r.reason.vi, part(crate::text::Lang::Vi)),
        );
    }
    r
}

/// The class [`size_class`] gives, without building its reason: the same
/// rules, for callers that classify many cooperatives and need only the
/// class (the indicator engine).
///
/// ```
/// use coopkit::classify::{size_class, size_class_value};
/// use coopkit::law::Parameters;
/// use coopkit::{Cooperative, Kind, Member, MemberKind, MemberType, Sector, SizeClass};
///
/// let mut coop = Cooperative::new("htx-1", "HTX Ba Tơ", Kind::Cooperative, Sector::Agriculture);
/// let mut m = Member::new("m1", MemberType::Individual);
/// m.kind = Some(MemberKind::Official);
/// coop.members = Some(vec![m]);
/// coop.annual_revenue_vnd = Some(3_000_000_000);
/// let (params, on) = (Parameters::builtin(), "2025-01-01".parse().unwrap());
/// assert_eq!(size_class_value(params, &coop, on), Some(SizeClass::Micro));
/// assert_eq!(size_class_value(params, &coop, on), size_class(params, &coop, on).class);
/// ```
pub fn size_class_value(params: &Parameters, coop: &Cooperative, as_of: Date) -> Option<SizeClass> {
    let rules = SizeRules::new(params, as_of);
    rules.value(&SizeFacts::of(coop, as_of, rules.regime))
}

/// The size-class rules in force on one date under one parameter table,
/// looked up once and applied to many cooperatives.
pub(crate) struct SizeRules<'a> {
    as_of: Date,
    /// The instrument in force.
    regime: Option<Regime>,
    /// The instrument in force first, with the day it took effect.
    first: Option<(Regime, Date)>,
    /// Decree 113: the tests of each sector, in [`Sector`] code order.
    d113: [[ClassTest<'a>; 3]; 3],
    /// Circular 01: the tests by members.
    c01: [ClassTest<'a>; 3],
}

/// What the size rules read of a cooperative.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SizeFacts {
    /// Cooperative, group or union.
    pub(crate) kind: Kind,
    /// The sector.
    pub(crate) sector: Sector,
    /// Official members current on the date (Decree 113).
    pub(crate) official: Amount,
    /// Members current on the date (Circular 01).
    pub(crate) members: Amount,
    /// `annual_revenue_vnd`.
    pub(crate) revenue: Option<u64>,
    /// `total_capital_vnd`.
    pub(crate) capital: Option<u64>,
}

impl SizeFacts {
    /// The facts of `coop` on `as_of`; its member list is read only when
    /// the regime in force needs a count from it.
    fn of(coop: &Cooperative, as_of: Date, regime: Option<Regime>) -> SizeFacts {
        let list = (coop.kind == Kind::Cooperative && regime.is_some())
            .then(|| coop.members_on(as_of))
            .flatten()
            .map(|ms| {
                let mut counts = ListCounts::default();
                for m in ms {
                    counts.add(m.is_official());
                }
                counts
            });
        SizeFacts::from_counts(coop, list)
    }

    /// The facts of `coop` (its header: kind, sector, revenue, capital,
    /// summary) with `list`, the counts of its member list on the date
    /// (`None` when it has none: the summary counts then).
    pub(crate) fn from_counts(coop: &Cooperative, list: Option<ListCounts>) -> SizeFacts {
        SizeFacts {
            kind: coop.kind,
            sector: coop.sector,
            official: official_members(list, coop.summary),
            members: all_members(list, coop.summary),
            revenue: coop.annual_revenue_vnd,
            capital: coop.total_capital_vnd,
        }
    }
}

/// What the size rules found for one cooperative: the class and the facts
/// that explain it, from which the reason is written only when asked for.
enum Outcome {
    /// A cooperative group: no size class.
    Group,
    /// A union: no thresholds encoded.
    Union,
    /// Before the first instrument took effect.
    BeforeFirst(Regime, Date),
    /// No size parameter in force.
    NoParameter,
    /// Tested under the regime in force.
    Walked { regime: Regime, m: Measured, walk: Walk },
}

impl<'a> SizeRules<'a> {
    /// The rules of `params` in force on `as_of`.
    pub(crate) fn new(params: &'a Parameters, as_of: Date) -> SizeRules<'a> {
        let regime = Regime::in_force(params, as_of);
        let first = Regime::first(params);
        // Indexed by a sector's position in `Sector::ALL`.
        let d113 = Sector::ALL.map(|sector| {
            let sector = sector.as_str();
            let get = |class: &str, what: &str| {
                params.get(&format!("size.d113.{sector}.{class}.{what}"), None, as_of)
            };
            let test = |class: SizeClass| ClassTest {
                class,
                members: get(class.as_str(), "members"),
                financial: Some((
                    get(class.as_str(), "revenue_vnd"),
                    get(class.as_str(), "capital_vnd"),
                )),
            };
            [
                test(SizeClass::Large),
                test(SizeClass::Medium),
                test(SizeClass::Small),
            ]
        });
        let get = |id: &str| params.get(id, None, as_of);
        let test = |class: SizeClass| ClassTest {
            class,
            members: get(&format!("size.c01.{}.members", class.as_str())),
            financial: None,
        };
        let c01 = [
            test(SizeClass::Large),
            test(SizeClass::Medium),
            test(SizeClass::Small),
        ];
        SizeRules {
            as_of,
            regime,
            first,
            d113,
            c01,
        }
    }

    /// Whether some cooperative's class may depend on its member list.
    pub(crate) fn reads_members(&self) -> bool {
        self.regime.is_some()
    }

    /// The class, as [`size_class`] gives it.
    pub(crate) fn value(&self, f: &SizeFacts) -> Option<SizeClass> {
        match self.outcome(f) {
            Outcome::Walked { walk, .. } => walk.class,
            _ => None,
        }
    }

    fn tests(&self, regime: Regime, sector: Sector) -> &[ClassTest<'a>; 3] {
        match regime {
            Regime::Decree113 => &self.d113[sector as usize],
            Regime::Circular01 => &self.c01,
        }
    }

    fn outcome(&self, f: &SizeFacts) -> Outcome {
        match f.kind {
            Kind::Cooperative => {}
            Kind::CooperativeGroup => return Outcome::Group,
            Kind::Union => return Outcome::Union,
        }
        match (self.regime, self.first) {
            (Some(regime), _) => {
                let m = match regime {
                    Regime::Decree113 => Measured {
                        members: f.official,
                        members_field: Field::OfficialMembers,
                        revenue: Amount::from_option(f.revenue),
                        capital: Amount::from_option(f.capital),
                    },
                    Regime::Circular01 => Measured {
                        members: f.members,
                        members_field: Field::Members,
                        revenue: Amount::from_option(None),
                        capital: Amount::from_option(f.capital),
                    },
                };
                let walk = walk(self.tests(regime, f.sector), &m);
                Outcome::Walked { regime, m, walk }
            }
            (None, Some((r, start))) if self.as_of < start => Outcome::BeforeFirst(r, start),
            (None, _) => Outcome::NoParameter,
        }
    }

    /// The result with its reason.
    fn result(&self, o: &Outcome, coop: &Cooperative, params: &Parameters) -> SizeClassResult {
        let basis = self
            .regime
            .or(self.first.map(|(r, _)| r))
            .map_or(CIRCULAR_01_2020, Regime::basis);
        let not_determined = |status: SizeStatus, reason: Message| SizeClassResult {
            class: None,
            basis: basis.to_owned(),
            reason,
            status,
            missing: Vec::new(),
        };
        match o {
            Outcome::Group => not_determined(SizeStatus::NotApplicable, Message::new(
                "not applicable: size classes are for cooperatives; a cooperative group has none",
                "không áp dụng: quy mô chỉ xếp cho hợp tác xã; tổ hợp tác không được xếp quy mô",
            )),
            Outcome::Union => not_determined(SizeStatus::ThresholdNotEncoded, Message::new(
                "size class not determinable: no size thresholds for unions of cooperatives are encoded",
                "không xác định được quy mô: chưa mã hóa ngưỡng quy mô cho liên hiệp hợp tác xã",
            )),
            Outcome::BeforeFirst(r, start) => {
                let (on, title) = (text::date(*start), r.title());
                not_determined(SizeStatus::BeforeAnyInstrument, Message::new(
                    format!(
                        "size class not determinable: no size classes are encoded before {}, when {} took \
                         effect",
                        on.en, title.en
                    ),
                    format!(
                        "không xác định được quy mô: chưa mã hóa cách xếp quy mô trước ngày {}, ngày {} có hiệu \
                         lực",
                        on.vi, title.vi
                    ),
                ))
            }
            Outcome::NoParameter => not_determined(SizeStatus::NoParameterInForce, Message::new(
                "size class not determinable: no size-class parameter (size.d113.*, size.c01.*) is in force \
                 on this date",
                "không xác định được quy mô: không có tham số quy mô (size.d113.*, size.c01.*) nào có hiệu lực \
                 vào ngày này",
            )),
            Outcome::Walked { regime, m, walk } => {
                let tests = self.tests(*regime, coop.sector);
                let reason = match regime {
                    Regime::Decree113 => {
                        let s = sector_name(coop.sector);
                        let instrument = Message::new(
                            format!("Decree 113/2024/NĐ-CP, Art. 5 ({})", s.en),
                            format!("Nghị định 113/2024/NĐ-CP, Điều 5 ({})", s.vi),
                        );
                        explain(walk, tests, m, &instrument, None)
                    }
                    Regime::Circular01 => {
                        let instrument = Message::new(
                            "Circular 01/2020/TT-BKHĐT (by members)",
                            "Thông tư 01/2020/TT-BKHĐT (theo số thành viên)",
                        );
                        let capital = circular_capital_band(params, self.as_of, coop.total_capital_vnd);
                        explain(walk, tests, m, &instrument, Some(&capital))
                    }
                };
                let gaps = walk.gaps.unwrap_or_default();
                let status = match (walk.class, gaps.not_encoded) {
                    (Some(_), _) => SizeStatus::Determined,
                    (None, true) => SizeStatus::ThresholdNotEncoded,
                    (None, false) => SizeStatus::DataMissing,
                };
                let missing = match walk.class {
                    Some(_) => Vec::new(),
                    None => gaps.missing_fields().map(|f| f.code().to_owned()).collect(),
                };
                SizeClassResult {
                    class: walk.class,
                    basis: regime.basis().to_owned(),
                    reason,
                    status,
                    missing,
                }
            }
        }
    }
}

/// A quantity known exactly, between bounds, or not at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Amount {
    /// At least this.
    pub(crate) min: u64,
    /// `None`: no upper bound known.
    pub(crate) max: Option<u64>,
}

impl Amount {
    /// Known exactly.
    pub(crate) fn exact(n: u64) -> Amount {
        Amount { min: n, max: Some(n) }
    }

    /// Known exactly, or not at all.
    pub(crate) fn from_option(n: Option<u64>) -> Amount {
        n.map_or(Amount { min: 0, max: None }, Amount::exact)
    }
}

/// A datum a size class may need.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    OfficialMembers,
    Members,
    Revenue,
    Capital,
}

impl Field {
    /// The data field's name in [`SizeClassResult::missing`].
    fn code(self) -> &'static str {
        match self {
            Field::OfficialMembers => "official_members",
            Field::Members => "members",
            Field::Revenue => "annual_revenue_vnd",
            Field::Capital => "total_capital_vnd",
        }
    }

    fn name(self) -> Message {
        match self {
            Field::OfficialMembers => Message::new(
                "official member count (members' kinds, or summary.official_members)",
                "số thành viên chính thức (loại thành viên, hoặc summary.official_members)",
            ),
            Field::Members => Message::new(
                "member count (member list, or summary.members)",
                "số thành viên (danh sách thành viên, hoặc summary.members)",
            ),
            Field::Revenue => Message::new(
                "annual revenue (annual_revenue_vnd)",
                "doanh thu năm (annual_revenue_vnd)",
            ),
            Field::Capital => Message::new(
                "total capital (total_capital_vnd)",
                "tổng nguồn vốn (total_capital_vnd)",
            ),
        }
    }

    /// The quantity in a reason text, in English and Vietnamese.
    fn noun(self) -> (&'static str, &'static str) {
        match self {
            Field::OfficialMembers => ("official members", "thành viên chính thức"),
            Field::Members => ("members", "thành viên"),
            Field::Revenue => ("annual revenue", "doanh thu năm"),
            Field::Capital => ("total capital", "tổng nguồn vốn"),
        }
    }

    fn is_count(self) -> bool {
        matches!(self, Field::OfficialMembers | Field::Members)
    }

    /// A value of this field: a count, or an amount of money.
    fn show(self, n: u64) -> Message {
        if self.is_count() {
            text::count(n)
        } else {
            text::vnd(n)
        }
    }

    /// A measured value of this field, for the reason text.
    fn measured(self, a: Amount) -> Message {
        let (en, vi) = self.noun();
        match a.max {
            Some(max) if max == a.min => {
                let v = self.show(max);
                if self.is_count() {
                    Message::new(format!("{} {en}", v.en), format!("{} {vi}", v.vi))
                } else {
                    Message::new(format!("{en} {}", v.en), format!("{vi} {}", v.vi))
                }
            }
            Some(max) => {
                let (lo, hi) = (self.show(a.min), self.show(max));
                Message::new(
                    format!("{} to {} {en} (some members' kind not known)", lo.en, hi.en),
                    format!(
                        "từ {} đến {} {vi} (chưa rõ loại của một số thành viên)",
                        lo.vi, hi.vi
                    ),
                )
            }
            None if a.min > 0 => {
                let lo = self.show(a.min);
                Message::new(
                    format!("at least {} {en} (some members' kind not known)", lo.en),
                    format!("ít nhất {} {vi} (chưa rõ loại của một số thành viên)", lo.vi),
                )
            }
            None => Message::new(format!("{en} not known"), format!("chưa có số liệu {vi}")),
        }
    }

    /// `name ≥ threshold`, for the reason text.
    fn at_least(self, threshold: Option<&Parameter>) -> Message {
        let (en, vi) = self.noun();
        match threshold {
            None => Message::new(
                format!("{en} ≥ (threshold not encoded)"),
                format!("{vi} ≥ (ngưỡng chưa được mã hóa)"),
            ),
            Some(p) => {
                let v = self.show(p.value);
                Message::new(format!("{en} ≥ {}", v.en), format!("{vi} ≥ {}", v.vi))
            }
        }
    }
}

/// Why a test came out unknown: a threshold not encoded, and the data
/// missing (each field once, in the order met).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Gaps {
    not_encoded: bool,
    missing: [Option<Field>; 4],
}

impl Gaps {
    fn missing(field: Field) -> Gaps {
        Gaps {
            not_encoded: false,
            missing: [Some(field), None, None, None],
        }
    }

    fn missing_fields(&self) -> impl Iterator<Item = Field> + '_ {
        self.missing.iter().map_while(|f| *f)
    }

    fn merge(&mut self, other: &Gaps) {
        self.not_encoded |= other.not_encoded;
        for f in other.missing_fields() {
            if let Some(slot) = self.missing.iter_mut().find(|s| s.is_none_or(|s| s == f)) {
                *slot = Some(f);
            }
        }
    }
}

/// A three-valued outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tri {
    Yes,
    No,
    Unknown(Gaps),
}

impl Tri {
    fn and(self, other: Tri) -> Tri {
        match (self, other) {
            (Tri::No, _) | (_, Tri::No) => Tri::No,
            (Tri::Yes, Tri::Yes) => Tri::Yes,
            (Tri::Unknown(g), Tri::Yes) | (Tri::Yes, Tri::Unknown(g)) => Tri::Unknown(g),
            (Tri::Unknown(mut g), Tri::Unknown(h)) => {
                g.merge(&h);
                Tri::Unknown(g)
            }
        }
    }

    fn or(self, other: Tri) -> Tri {
        match (self, other) {
            (Tri::Yes, _) | (_, Tri::Yes) => Tri::Yes,
            (Tri::No, Tri::No) => Tri::No,
            (Tri::Unknown(g), Tri::No) | (Tri::No, Tri::Unknown(g)) => Tri::Unknown(g),
            (Tri::Unknown(mut g), Tri::Unknown(h)) => {
                g.merge(&h);
                Tri::Unknown(g)
            }
        }
    }

    fn outcome(&self) -> Message {
        match self {
            Tri::Yes => Message::new("met", "đạt"),
            Tri::No => Message::new("not met", "không đạt"),
            Tri::Unknown(_) => Message::new("not determinable", "chưa xác định được"),
        }
    }
}

/// `value ≥ threshold`, three-valued.
fn at_least(value: Amount, threshold: Option<&Parameter>, field: Field) -> Tri {
    let Some(t) = threshold else {
        return Tri::Unknown(Gaps {
            not_encoded: true,
            missing: [None; 4],
        });
    };
    if value.min >= t.value {
        Tri::Yes
    } else if value.max.is_some_and(|m| m < t.value) {
        Tri::No
    } else {
        Tri::Unknown(Gaps::missing(field))
    }
}

/// What was measured.
#[derive(Debug, Clone, Copy)]
struct Measured {
    members: Amount,
    members_field: Field,
    revenue: Amount,
    capital: Amount,
}

/// One class's thresholds.
#[derive(Debug, Clone, Copy)]
struct ClassTest<'a> {
    class: SizeClass,
    members: Option<&'a Parameter>,
    /// Revenue and capital thresholds (Decree 113); `None` for a test by members only.
    financial: Option<(Option<&'a Parameter>, Option<&'a Parameter>)>,
}

impl ClassTest<'_> {
    fn evaluate(&self, m: &Measured) -> Tri {
        let members = at_least(m.members, self.members, m.members_field);
        match self.financial {
            None => members,
            Some((revenue, capital)) => members.and(
                at_least(m.revenue, revenue, Field::Revenue).or(at_least(m.capital, capital, Field::Capital)),
            ),
        }
    }

    fn describe(&self, m: &Measured) -> Message {
        if self.parameters().next().is_none() {
            return Message::new("thresholds not encoded", "ngưỡng chưa được mã hóa");
        }
        let members = m.members_field.at_least(self.members);
        match self.financial {
            None => members,
            Some((revenue, capital)) => {
                let r = Field::Revenue.at_least(revenue);
                let c = Field::Capital.at_least(capital);
                Message::new(
                    format!("{} and ({} or {})", members.en, r.en, c.en),
                    format!("{} và ({} hoặc {})", members.vi, r.vi, c.vi),
                )
            }
        }
    }

    fn parameters(&self) -> impl Iterator<Item = &Parameter> + '_ {
        let (r, c) = self.financial.unwrap_or((None, None));
        [self.members, r, c].into_iter().flatten()
    }
}

fn sector_name(s: Sector) -> Message {
    match s {
        Sector::Agriculture => Message::new(
            "agriculture, forestry and fishery",
            "nông nghiệp, lâm nghiệp và thủy sản",
        ),
        Sector::IndustryConstruction => Message::new("industry and construction", "công nghiệp và xây dựng"),
        Sector::TradeServices => Message::new(
            "trade, services and other sectors",
            "thương mại, dịch vụ và lĩnh vực khác",
        ),
    }
}

/// The result of testing the classes from the top down.
#[derive(Debug, Clone, Copy)]
struct Walk {
    class: Option<SizeClass>,
    /// When not determinable: the highest class known to be met.
    at_least: Option<SizeClass>,
    gaps: Option<Gaps>,
    /// The outcome of each class tested, highest first (the walk stops at
    /// the first class met).
    results: [Option<Tri>; 3],
}

/// Tests `tests` (highest class first): the first class met is the class,
/// provided every higher one is known not to be met; none met gives micro.
fn walk(tests: &[ClassTest<'_>; 3], m: &Measured) -> Walk {
    let mut w = Walk {
        class: None,
        at_least: None,
        gaps: None,
        results: [None; 3],
    };
    for (t, slot) in tests.iter().zip(&mut w.results) {
        let r = t.evaluate(m);
        *slot = Some(r);
        match r {
            Tri::Yes => {
                if w.gaps.is_none() {
                    w.class = Some(t.class);
                } else {
                    w.at_least = Some(t.class);
                }
                return w;
            }
            Tri::No => {}
            Tri::Unknown(g) => w.gaps.get_or_insert_with(Gaps::default).merge(&g),
        }
    }
    if w.gaps.is_none() {
        w.class = Some(SizeClass::Micro);
    }
    w
}

/// The reason text for a walk: conclusion, measured values, each class's test.
fn explain(
    w: &Walk,
    tests: &[ClassTest<'_>; 3],
    m: &Measured,
    instrument: &Message,
    extra: Option<&Message>,
) -> Message {
    // Each class tested: its thresholds and outcome, and the unconfirmed
    // thresholds used.
    let mut lines = Vec::new();
    let mut unconfirmed: Vec<&str> = Vec::new();
    for (t, r) in tests.iter().zip(&w.results) {
        let Some(r) = r else { break };
        for p in t.parameters() {
            if !p.confirmed && !unconfirmed.contains(&p.citation.as_str()) {
                unconfirmed.push(&p.citation);
            }
        }
        let (name, desc, outcome) = (SizeClass::labels(t.class), t.describe(m), r.outcome());
        lines.push(Message::new(
            format!("{} ({}): {}", name.en, desc.en, outcome.en),
            format!("{} ({}): {}", name.vi, desc.vi, outcome.vi),
        ));
    }
    let mut b = Builder::new();
    match (&w.class, &w.gaps) {
        (Some(SizeClass::Micro), _) => {
            b.push("micro under ", "quy mô siêu nhỏ theo ")
                .push_msg(instrument)
                .push(": no higher class is met", ": không đạt quy mô nào cao hơn");
        }
        (Some(c), _) => {
            let n = SizeClass::labels(*c);
            b.push(&n.en, &format!("quy mô {}", n.vi))
                .push(" under ", " theo ")
                .push_msg(instrument);
        }
        (None, gaps) => {
            let gaps = gaps.unwrap_or_default();
            if gaps.not_encoded {
                b.push(
                    "size class not determinable: threshold not encoded for this sector",
                    "không xác định được quy mô: ngưỡng cho lĩnh vực này chưa được mã hóa",
                );
                if gaps.missing_fields().next().is_some() {
                    b.push("; also not known: ", "; ngoài ra chưa có số liệu ");
                }
            } else {
                b.push(
                    "size class not determinable: ",
                    "không xác định được quy mô: chưa có số liệu ",
                );
            }
            let names: Vec<Message> = gaps.missing_fields().map(Field::name).collect();
            b.push_msg(&text::join(&names, ", ", ", "));
            if !gaps.not_encoded {
                b.push(" not known", "");
            }
            if let Some(c) = w.at_least {
                let n = SizeClass::labels(c);
                b.push(
                    &format!("; the class is at least {}", n.en),
                    &format!("; quy mô ít nhất là {}", n.vi),
                );
            }
        }
    }
    let mut measured = vec![m.members_field.measured(m.members)];
    if m.members_field == Field::OfficialMembers {
        measured.push(Field::Revenue.measured(m.revenue));
        measured.push(Field::Capital.measured(m.capital));
    }
    b.push(". Measured: ", ". Số liệu: ")
        .push_msg(&text::join(&measured, ", ", ", "))
        .push(". Thresholds: ", ". Ngưỡng: ")
        .push_msg(&text::join(&lines, "; ", "; "))
        .push(".", ".");
    if let Some(extra) = extra {
        b.push(" ", " ").push_msg(extra);
    }
    if !unconfirmed.is_empty() {
        let c = unconfirmed.join("; ");
        b.push(
            &format!(" Thresholds not confirmed in a public source were used (user-supplied: {c})."),
            &format!(" Đã dùng ngưỡng do người dùng cung cấp, chưa được xác nhận từ nguồn công khai ({c})."),
        );
    }
    b.build()
}

/// Counts of the members current on the date in a member list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct ListCounts {
    /// Members current on the date.
    pub(crate) current: u64,
    /// Of them, official members.
    pub(crate) official: u64,
    /// Of them, members whose kind (official or not) is not known.
    pub(crate) kind_unknown: u64,
}

impl ListCounts {
    /// Adds one current member, official or not (`None`: not known).
    pub(crate) fn add(&mut self, official: Option<bool>) {
        self.current += 1;
        match official {
            Some(true) => self.official += 1,
            Some(false) => {}
            None => self.kind_unknown += 1,
        }
    }
}

/// Official members on the date: from the member list's counts, else the summary.
fn official_members(list: Option<ListCounts>, summary: Option<Summary>) -> Amount {
    if let Some(l) = list {
        return Amount {
            min: l.official,
            max: Some(l.official + l.kind_unknown),
        };
    }
    let summary = summary.unwrap_or_default();
    match (summary.official_members, summary.members) {
        (Some(n), _) => Amount::exact(n.into()),
        (None, Some(all)) => Amount {
            min: 0,
            max: Some(all.into()),
        },
        (None, None) => Amount { min: 0, max: None },
    }
}

/// Members on the date: from the member list's counts, else the summary.
fn all_members(list: Option<ListCounts>, summary: Option<Summary>) -> Amount {
    match list {
        Some(l) => Amount::exact(l.current),
        None => Amount::from_option(summary.and_then(|s| s.members).map(u64::from)),
    }
}

/// The Circular 01/2020 class by total capital, as a sentence for the reason.
fn circular_capital_band(params: &Parameters, as_of: Date, capital: Option<u64>) -> Message {
    let Some(cap) = capital else {
        return Message::new(
            "By total capital: not determinable, total capital (total_capital_vnd) not known.",
            "Theo tổng nguồn vốn: chưa xác định được, chưa có số liệu tổng nguồn vốn (total_capital_vnd).",
        );
    };
    let get = |id: &str| params.get(id, None, as_of).map(|p| p.value);
    let small = get("size.c01.small.capital_vnd");
    let small_below = get("size.c01.small.capital_below_vnd");
    let medium = get("size.c01.medium.capital_vnd");
    let large = get("size.c01.large.capital_vnd");
    let class = match (small, small_below) {
        (Some(s), _) if cap < s => Some(SizeClass::Micro),
        (Some(_), Some(b)) if cap < b => Some(SizeClass::Small),
        _ => match (large, medium) {
            (Some(l), _) if cap >= l => Some(SizeClass::Large),
            (Some(_), Some(md)) if cap >= md => Some(SizeClass::Medium),
            _ => None,
        },
    };
    let v = text::vnd(cap);
    match class {
        Some(c) => {
            let n = SizeClass::labels(c);
            Message::new(
                format!("By total capital ({}) the class is {}.", v.en, n.en),
                format!("Theo tổng nguồn vốn ({}) quy mô là {}.", v.vi, n.vi),
            )
        }
        None => Message::new(
            format!(
                "By total capital ({}): not determinable, the capital bands that would apply are not encoded.",
                v.en
            ),
            format!(
                "Theo tổng nguồn vốn ({}): chưa xác định được, các mức vốn áp dụng chưa được mã hóa.",
                v.vi
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_valued_and_or() {
        let u = || Tri::Unknown(Gaps::missing(Field::Revenue));
        assert_eq!(u().or(Tri::Yes), Tri::Yes);
        assert_eq!(u().or(Tri::No), u());
        assert_eq!(u().and(Tri::No), Tri::No);
        assert_eq!(u().and(Tri::Yes), u());
        assert_eq!(Tri::No.or(Tri::No), Tri::No);
    }

    #[test]
    fn the_citations_are_those_of_the_built_in_table() {
        let params = Parameters::builtin();
        for r in Regime::ALL {
            assert!(r.parameters(params).next().is_some(), "{r:?} has no parameter");
            assert!(r.parameters(params).all(|p| p.citation == r.basis()), "{r:?}");
        }
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(
            Regime::in_force(params, d("2024-10-31")),
            Some(Regime::Circular01)
        );
        assert_eq!(Regime::in_force(params, d("2024-11-01")), Some(Regime::Decree113));
        assert_eq!(Regime::in_force(params, d("2020-03-31")), None);
        assert_eq!(Regime::first(params), Some((Regime::Circular01, d("2020-04-01"))));
    }
}

//! Size class: Decree 113/2024/NĐ-CP Art. 5 from 1 Nov 2024, Circular
//! 01/2020/TT-BKHĐT from 1 Apr 2020 until then.
//!
//! The thresholds come from the parameter table (ids `size.d113.*` and
//! `size.c01.*`, see `params/classification.toml`), so a user's table can
//! supply the ones the built-in table leaves out because they are not
//! confirmed. Data and thresholds are three-valued: a class is concluded only
//! when the known values settle it.

use super::{SizeClass, SizeClassResult};
use crate::codes;
use crate::law::params::Parameter;
use crate::law::{Message, Parameters};
use crate::model::{Cooperative, Date, Kind, Sector};
use crate::text::{self, Builder};

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
    let regime = Regime::in_force(params, as_of);
    let first = Regime::first(params);
    let basis = regime
        .or(first.map(|(r, _)| r))
        .map_or(CIRCULAR_01_2020, Regime::basis);
    let not_determined = |reason: Message| SizeClassResult {
        class: None,
        basis: basis.to_owned(),
        reason,
    };
    match coop.kind {
        Kind::Cooperative => {}
        Kind::CooperativeGroup => {
            return not_determined(Message::new(
                "not applicable: size classes are for cooperatives; a cooperative group has none",
                "không áp dụng: quy mô chỉ xếp cho hợp tác xã; tổ hợp tác không được xếp quy mô",
            ))
        }
        Kind::Union => {
            return not_determined(Message::new(
                "size class not determinable: no size thresholds for unions of cooperatives are encoded",
                "không xác định được quy mô: chưa mã hóa ngưỡng quy mô cho liên hiệp hợp tác xã",
            ))
        }
    }
    match (regime, first) {
        (Some(Regime::Decree113), _) => decree_113(params, coop, as_of),
        (Some(Regime::Circular01), _) => circular_01(params, coop, as_of),
        (None, Some((r, start))) if as_of < start => {
            let (on, title) = (text::date(start), r.title());
            not_determined(Message::new(
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
        (None, _) => not_determined(Message::new(
            "size class not determinable: no size-class parameter (size.d113.*, size.c01.*) is in force \
             on this date",
            "không xác định được quy mô: không có tham số quy mô (size.d113.*, size.c01.*) nào có hiệu lực \
             vào ngày này",
        )),
    }
}

/// A quantity known exactly, between bounds, or not at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Amount {
    min: u64,
    /// `None`: no upper bound known.
    max: Option<u64>,
}

impl Amount {
    fn exact(n: u64) -> Amount {
        Amount { min: n, max: Some(n) }
    }

    fn from_option(n: Option<u64>) -> Amount {
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

/// Why a test came out unknown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Gaps {
    not_encoded: bool,
    missing: Vec<Field>,
}

impl Gaps {
    fn merge(&mut self, other: &Gaps) {
        self.not_encoded |= other.not_encoded;
        for f in &other.missing {
            if !self.missing.contains(f) {
                self.missing.push(*f);
            }
        }
    }
}

/// A three-valued outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
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
            missing: Vec::new(),
        });
    };
    if value.min >= t.value {
        Tri::Yes
    } else if value.max.is_some_and(|m| m < t.value) {
        Tri::No
    } else {
        Tri::Unknown(Gaps {
            not_encoded: false,
            missing: vec![field],
        })
    }
}

/// What was measured.
struct Measured {
    members: Amount,
    members_field: Field,
    revenue: Amount,
    capital: Amount,
}

/// One class's thresholds.
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
struct Walk {
    class: Option<SizeClass>,
    /// When not determinable: the highest class known to be met.
    at_least: Option<SizeClass>,
    gaps: Option<Gaps>,
    lines: Vec<Message>,
    unconfirmed: Vec<String>,
}

/// Tests `tests` (highest class first): the first class met is the class,
/// provided every higher one is known not to be met; none met gives micro.
fn walk(tests: &[ClassTest<'_>], m: &Measured) -> Walk {
    let mut w = Walk {
        class: None,
        at_least: None,
        gaps: None,
        lines: Vec::new(),
        unconfirmed: Vec::new(),
    };
    for t in tests {
        for p in t.parameters() {
            if !p.confirmed && !w.unconfirmed.contains(&p.citation) {
                w.unconfirmed.push(p.citation.clone());
            }
        }
        let r = t.evaluate(m);
        let (name, desc, outcome) = (text::size_class(t.class), t.describe(m), r.outcome());
        w.lines.push(Message::new(
            format!("{} ({}): {}", name.en, desc.en, outcome.en),
            format!("{} ({}): {}", name.vi, desc.vi, outcome.vi),
        ));
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
fn explain(w: &Walk, m: &Measured, instrument: &Message, extra: Option<&Message>) -> Message {
    let mut b = Builder::new();
    match (&w.class, &w.gaps) {
        (Some(SizeClass::Micro), _) => {
            b.push("micro under ", "quy mô siêu nhỏ theo ")
                .push_msg(instrument)
                .push(": no higher class is met", ": không đạt quy mô nào cao hơn");
        }
        (Some(c), _) => {
            let n = text::size_class(*c);
            b.push(&n.en, &format!("quy mô {}", n.vi))
                .push(" under ", " theo ")
                .push_msg(instrument);
        }
        (None, gaps) => {
            let gaps = gaps.clone().unwrap_or_default();
            if gaps.not_encoded {
                b.push(
                    "size class not determinable: threshold not encoded for this sector",
                    "không xác định được quy mô: ngưỡng cho lĩnh vực này chưa được mã hóa",
                );
                if !gaps.missing.is_empty() {
                    b.push("; also not known: ", "; ngoài ra chưa có số liệu ");
                }
            } else {
                b.push(
                    "size class not determinable: ",
                    "không xác định được quy mô: chưa có số liệu ",
                );
            }
            let names: Vec<Message> = gaps.missing.iter().map(|f| f.name()).collect();
            b.push_msg(&text::join(&names, ", ", ", "));
            if !gaps.not_encoded {
                b.push(" not known", "");
            }
            if let Some(c) = w.at_least {
                let n = text::size_class(c);
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
        .push_msg(&text::join(&w.lines, "; ", "; "))
        .push(".", ".");
    if let Some(extra) = extra {
        b.push(" ", " ").push_msg(extra);
    }
    if !w.unconfirmed.is_empty() {
        let c = w.unconfirmed.join("; ");
        b.push(
            &format!(" Thresholds not confirmed in a public source were used (user-supplied: {c})."),
            &format!(" Đã dùng ngưỡng do người dùng cung cấp, chưa được xác nhận từ nguồn công khai ({c})."),
        );
    }
    b.build()
}

/// Official members on `as_of`: from the member list, else the summary.
fn official_members(coop: &Cooperative, as_of: Date) -> Amount {
    if let Some(members) = coop.members_on(as_of) {
        let (mut official, mut unknown) = (0u64, 0u64);
        for m in members {
            match m.is_official() {
                Some(true) => official += 1,
                Some(false) => {}
                None => unknown += 1,
            }
        }
        return Amount {
            min: official,
            max: Some(official + unknown),
        };
    }
    let summary = coop.summary.unwrap_or_default();
    match (summary.official_members, summary.members) {
        (Some(n), _) => Amount::exact(n.into()),
        (None, Some(all)) => Amount {
            min: 0,
            max: Some(all.into()),
        },
        (None, None) => Amount { min: 0, max: None },
    }
}

fn decree_113(params: &Parameters, coop: &Cooperative, as_of: Date) -> SizeClassResult {
    let sector = codes::name_of(codes::SECTOR, coop.sector);
    let get =
        |class: &str, what: &str| params.get(&format!("size.d113.{sector}.{class}.{what}"), None, as_of);
    let test = |class: SizeClass| ClassTest {
        class,
        members: get(class.as_str(), "members"),
        financial: Some((
            get(class.as_str(), "revenue_vnd"),
            get(class.as_str(), "capital_vnd"),
        )),
    };
    let tests = [
        test(SizeClass::Large),
        test(SizeClass::Medium),
        test(SizeClass::Small),
    ];
    let m = Measured {
        members: official_members(coop, as_of),
        members_field: Field::OfficialMembers,
        revenue: Amount::from_option(coop.annual_revenue_vnd),
        capital: Amount::from_option(coop.total_capital_vnd),
    };
    let w = walk(&tests, &m);
    let s = sector_name(coop.sector);
    let instrument = Message::new(
        format!("Decree 113/2024/NĐ-CP, Art. 5 ({})", s.en),
        format!("Nghị định 113/2024/NĐ-CP, Điều 5 ({})", s.vi),
    );
    SizeClassResult {
        class: w.class,
        basis: Regime::Decree113.basis().to_owned(),
        reason: explain(&w, &m, &instrument, None),
    }
}

fn circular_01(params: &Parameters, coop: &Cooperative, as_of: Date) -> SizeClassResult {
    let get = |id: &str| params.get(id, None, as_of);
    let test = |class: SizeClass| ClassTest {
        class,
        members: get(&format!("size.c01.{}.members", class.as_str())),
        financial: None,
    };
    let tests = [
        test(SizeClass::Large),
        test(SizeClass::Medium),
        test(SizeClass::Small),
    ];
    let members = match coop.members_on(as_of) {
        Some(ms) => Amount::exact(ms.count() as u64),
        None => Amount::from_option(coop.summary.and_then(|s| s.members).map(u64::from)),
    };
    let m = Measured {
        members,
        members_field: Field::Members,
        revenue: Amount::from_option(None),
        capital: Amount::from_option(coop.total_capital_vnd),
    };
    let w = walk(&tests, &m);
    let instrument = Message::new(
        "Circular 01/2020/TT-BKHĐT (by members)",
        "Thông tư 01/2020/TT-BKHĐT (theo số thành viên)",
    );
    let capital = circular_capital_band(params, as_of, coop.total_capital_vnd);
    SizeClassResult {
        class: w.class,
        basis: Regime::Circular01.basis().to_owned(),
        reason: explain(&w, &m, &instrument, Some(&capital)),
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
            let n = text::size_class(c);
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
        let u = || {
            Tri::Unknown(Gaps {
                not_encoded: false,
                missing: vec![Field::Revenue],
            })
        };
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

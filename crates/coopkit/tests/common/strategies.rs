//! Proptest strategies that generate valid cooperatives (every check of
//! `coopkit::io::validate` passes, text in NFC), for round-trip and
//! property tests.

use coopkit::model::CircularType;
use coopkit::{
    Cooperative, Country, Date, Employees, Ethnicity, GeneralMeeting, Governance, Holder, IloType, Kind,
    Member, MemberKind, MemberType, Position, Role, Sector, Sex, Summary,
};
use proptest::collection::vec;
use proptest::option::of;
use proptest::prelude::*;
use proptest::sample::select;

/// Non-empty text with Vietnamese letters (NFC), CSV specials and newlines.
pub fn text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵĐƯƠ,;\"'\n\r\t-]{1,16}"
}

/// An id: like [`text`], without control characters (line breaks, tabs),
/// which an id may not hold; spaces and CSV specials are kept.
pub fn id_text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵĐƯƠ,;\"'-]{1,16}"
}

/// A calendar date from 1940 to 2039.
pub fn date() -> impl Strategy<Value = Date> {
    (1940i32..2040, 1u32..=12, 1u32..=31)
        .prop_map(|(y, m, d)| (1..=d).rev().find_map(|d| Date::from_ymd_opt(y, m, d)).unwrap())
}

/// Two ordered dates, each optional.
pub fn period() -> impl Strategy<Value = (Option<Date>, Option<Date>)> {
    (of(date()), of(date())).prop_map(|(a, b)| match (a, b) {
        (Some(a), Some(b)) if b < a => (Some(b), Some(a)),
        p => p,
    })
}

pub fn sex() -> impl Strategy<Value = Sex> {
    select(vec![Sex::Female, Sex::Male])
}

pub fn ethnicity() -> impl Strategy<Value = Ethnicity> {
    (1u8..=54).prop_map(|n| Ethnicity::from_number(n).unwrap())
}

pub fn member_type() -> impl Strategy<Value = MemberType> {
    select(vec![
        MemberType::Individual,
        MemberType::Household,
        MemberType::LegalEntity,
        MemberType::Cooperative,
        MemberType::CooperativeGroup,
        MemberType::ForeignInvestedOrg,
    ])
}

pub fn member_kind() -> impl Strategy<Value = MemberKind> {
    select(vec![
        MemberKind::Official,
        MemberKind::AssociateCapital,
        MemberKind::AssociateNoncapital,
    ])
}

pub fn country() -> impl Strategy<Value = Country> {
    select(vec!["VN", "LA", "KH", "CN", "KR", "US"]).prop_map(|c| Country::parse(c).unwrap())
}

pub fn role() -> impl Strategy<Value = Role> {
    select(Role::ALL.to_vec())
}

/// A member with the given id (dates in order: born by the day of joining,
/// joined before leaving).
pub fn member(id: String) -> impl Strategy<Value = Member> {
    (
        (
            member_type(),
            of(sex()),
            of(date()),
            of(ethnicity()),
            country(),
            of(any::<bool>()),
        ),
        (
            of(any::<bool>()),
            of(any::<bool>()),
            of(any::<bool>()),
            of(member_kind()),
        ),
        (of(any::<u64>()), period()),
    )
        .prop_map(
            move |((t, sex, birth, eth, nat, cert), (cap, svc, lab, kind), (capital, (joined, left)))| {
                let mut m = Member::new(id.clone(), t);
                m.sex = sex;
                m.birth_date = birth;
                m.ethnicity = eth;
                m.nationality = nat;
                m.investment_certificate = cert;
                m.contributes_capital = cap;
                m.uses_services = svc;
                m.contributes_labour = lab;
                m.kind = kind;
                m.capital_vnd = capital;
                m.joined = joined;
                m.left = left;
                // Born by the day of joining: a later birth is an input error.
                if let (Some(b), Some(j)) = (m.birth_date, m.joined) {
                    m.birth_date = Some(b.min(j));
                }
                m
            },
        )
}

/// Up to `max` members with distinct ids.
pub fn members(max: usize) -> impl Strategy<Value = Vec<Member>> {
    vec(id_text(), 0..=max).prop_flat_map(|names| {
        let ids: Vec<String> = names
            .iter()
            .enumerate()
            .map(|(i, n)| format!("{n}#{i}"))
            .collect();
        ids.into_iter().map(member).collect::<Vec<_>>()
    })
}

/// A position whose member holder (if any) is one of `ids` (any text when
/// `ids` is `None`, that is, when there is no member list).
pub fn position(ids: Option<Vec<String>>) -> impl Strategy<Value = Position> {
    let holder = match ids {
        Some(ids) if !ids.is_empty() => prop_oneof![select(ids).prop_map(Holder::Member), external()].boxed(),
        Some(_) => external().boxed(),
        None => prop_oneof![
            id_text().prop_map(|t| Holder::Member(format!("{t}#"))),
            external()
        ]
        .boxed(),
    };
    (
        role(),
        holder,
        of(id_text().prop_map(|t| format!("{t}#"))),
        period(),
    )
        .prop_map(|(role, holder, id, (start, end))| Position {
            id,
            role,
            holder,
            start,
            end,
        })
}

fn external() -> impl Strategy<Value = Holder> {
    (of(sex()), of(ethnicity()))
        .prop_filter("a non-member holder needs sex or ethnicity", |(s, e)| {
            s.is_some() || e.is_some()
        })
        .prop_map(|(sex, ethnicity)| Holder::External { sex, ethnicity })
}

/// Summary counts that fit each other (for cooperatives without lists).
pub fn summary() -> impl Strategy<Value = Summary> {
    (0u32..400, 0u32..16)
        .prop_flat_map(|(m, b)| {
            (
                Just(m),
                0..=m,
                0..=m,
                0..=m,
                Just(b),
                0..=b,
                of(any::<bool>()),
                of(any::<bool>()),
                any::<[bool; 9]>(),
            )
        })
        .prop_map(|(m, female, official, minority, b, bf, chair, director, keep)| {
            let k = |i: usize, v: u32| keep[i].then_some(v);
            let board_female = k(6, bf);
            let seats = k(5, b);
            let chair = chair.filter(|c| !*c || (bf > 0 && board_female != Some(0) && seats != Some(0)));
            Summary {
                members: k(0, m),
                members_female: k(1, female),
                official_members: k(2, official),
                official_members_female: k(3, female.min(official)),
                members_minority: k(4, minority),
                board_seats: seats,
                board_female,
                chair_female: if keep[7] { chair } else { None },
                director_female: if keep[8] { director } else { None },
            }
        })
        // In CSV a summary without any count cannot be told from no summary.
        .prop_filter("a summary gives at least one count", |s| *s != Summary::default())
}

fn kind() -> impl Strategy<Value = Kind> {
    select(vec![Kind::Cooperative, Kind::CooperativeGroup, Kind::Union])
}

fn sector() -> impl Strategy<Value = Sector> {
    select(vec![
        Sector::Agriculture,
        Sector::IndustryConstruction,
        Sector::TradeServices,
    ])
}

/// `positions` without the ones that overlap an earlier one they may not
/// (a second chair, director or head of the supervisory board at the same
/// time; a second board seat of one member), which the readers refuse.
pub fn without_overlaps(positions: Vec<Position>) -> Vec<Position> {
    let single = |r: Role| matches!(r, Role::BoardChair | Role::Director | Role::SupervisoryHead);
    let overlap = |a: &Position, b: &Position| {
        let before = |s: Option<Date>, e: Option<Date>| match (s, e) {
            (Some(s), Some(e)) => s < e,
            _ => true,
        };
        before(a.start, b.end) && before(b.start, a.end)
    };
    let clash = |a: &Position, b: &Position| {
        let same_post = single(a.role) && a.role == b.role;
        let same_seat = a.role.is_board_seat()
            && b.role.is_board_seat()
            && matches!((&a.holder, &b.holder), (Holder::Member(x), Holder::Member(y)) if x == y);
        (same_post || same_seat) && overlap(a, b)
    };
    let mut kept: Vec<Position> = Vec::new();
    for p in positions {
        if !kept.iter().any(|k| clash(k, &p)) {
            kept.push(p);
        }
    }
    kept
}

/// A valid cooperative with the given id.
pub fn cooperative_with_id(id: String) -> impl Strategy<Value = Cooperative> {
    let scalars = (
        (
            text(),
            kind(),
            sector(),
            of(text()),
            of(text()),
            of(text()),
            of(date()),
        ),
        (of(any::<u64>()), of(any::<u64>()), of(any::<u64>())),
        (
            of(select(vec![Governance::Full, Governance::Simplified])),
            of(select(vec![GeneralMeeting::Plenary, GeneralMeeting::Delegates])),
            of(select(vec![
                IloType::Producer,
                IloType::Consumer,
                IloType::Worker,
                IloType::MultiStakeholder,
            ])),
            of(select(vec![
                CircularType::Production,
                CircularType::Consumption,
                CircularType::JobCreation,
                CircularType::Mixed,
            ])),
            of(any::<bool>()),
            of((any::<u32>(), any::<u32>()).prop_map(|(female, male)| Employees { female, male })),
        ),
    );
    (scalars, of(members(6)), any::<bool>())
        .prop_flat_map(move |(s, members, with_positions)| {
            let ids = members
                .as_ref()
                .map(|ms| ms.iter().map(|m| m.id.clone()).collect::<Vec<_>>());
            let positions = if with_positions {
                of(vec(position(ids), 0..5).prop_map(without_overlaps)).boxed()
            } else {
                Just(None).boxed()
            };
            let summary = match &members {
                None => of(summary()).boxed(),
                Some(ms) => {
                    let current = ms.iter().filter(|m| m.left.is_none()).count() as u32;
                    of(Just(Summary {
                        members: Some(current),
                        ..Summary::default()
                    }))
                    .boxed()
                }
            };
            (Just(id.clone()), Just(s), Just(members), positions, summary)
        })
        .prop_map(|(id, s, members, positions, summary)| {
            let ((name, kind, sector, province, district, commune, established), money, rest) = s;
            let mut c = Cooperative::new(id, name, kind, sector);
            c.province = province;
            c.district = district;
            c.commune = commune;
            c.established = established;
            (c.charter_capital_vnd, c.total_capital_vnd, c.annual_revenue_vnd) = money;
            let (governance, meeting, ilo, circular, declared, employees) = rest;
            c.governance = governance;
            c.general_meeting = meeting;
            c.circular_type = circular;
            // Both types given must match (the reader refuses a
            // contradicting pair): the ILO type follows the circular's.
            c.ilo_type = match circular {
                Some(t) if ilo.is_some() => Some(t.ilo_type()),
                _ => ilo,
            };
            c.declared_women_managed = declared;
            c.employees = employees;
            // Board counts of a summary are checked against a position
            // list; keep them only where there is none.
            let summary = summary
                .map(|s| match positions {
                    Some(_) => Summary {
                        board_seats: None,
                        board_female: None,
                        chair_female: None,
                        director_female: None,
                        ..s
                    },
                    None => s,
                })
                .filter(|s| *s != Summary::default());
            c.members = members;
            c.positions = positions;
            c.summary = summary;
            c
        })
}

/// A valid cooperative.
pub fn cooperative() -> impl Strategy<Value = Cooperative> {
    id_text().prop_flat_map(|t| cooperative_with_id(format!("{t}/")))
}

/// Up to `max` valid cooperatives with distinct ids.
pub fn cooperatives(max: usize) -> impl Strategy<Value = Vec<Cooperative>> {
    vec(id_text(), 0..=max).prop_flat_map(|names| {
        names
            .iter()
            .enumerate()
            .map(|(i, n)| cooperative_with_id(format!("{n}/{i}")))
            .collect::<Vec<_>>()
    })
}

//! Exact numbers on small hand-made registries: member lists, summaries,
//! both mixed, dates, disaggregation, margins and suppression.

use coopkit::indicators::{Dimension, Disaggregation, IndicatorId as I, Query, Unit};
use coopkit::{
    Cooperative, Date, Employees, Ethnicity, Kind, Member, MemberKind, MemberType, Position, Registry, Role,
    Sector, Sex, Summary,
};

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn person(id: &str, sex: Option<Sex>, eth: Option<&str>) -> Member {
    let mut m = Member::new(id, MemberType::Individual);
    m.sex = sex;
    m.ethnicity = eth.map(|e| Ethnicity::parse(e).unwrap());
    m
}

fn facts(mut m: Member, capital: bool, services: bool, labour: Option<bool>) -> Member {
    m.contributes_capital = Some(capital);
    m.uses_services = Some(services);
    m.contributes_labour = labour;
    m
}

const F: Option<Sex> = Some(Sex::Female);
const M: Option<Sex> = Some(Sex::Male);

/// C1: member list and positions; C2: summary only; C3: a cooperative group
/// with gaps (an ethnic group unknown, no positions, no employee counts);
/// C4: established after the date.
fn registry() -> Registry {
    let mut c1 = Cooperative::new("c1", "HTX Một", Kind::Cooperative, Sector::Agriculture);
    c1.province = Some("51".into());
    let mut left = facts(person("m5", F, Some("01")), true, true, Some(true));
    left.left = Some(d("2024-06-01"));
    let mut org = Member::new("m6", MemberType::LegalEntity);
    org.contributes_capital = Some(true);
    org.uses_services = Some(false);
    org.contributes_labour = Some(false);
    c1.members = Some(vec![
        facts(person("m1", F, Some("Kinh")), true, false, Some(true)),
        facts(person("m2", F, Some("Hrê")), true, true, Some(true)),
        facts(person("m3", M, Some("01")), true, true, Some(false)),
        facts(person("m4", M, Some("Co")), false, true, None),
        left,
        org,
    ]);
    c1.positions = Some(vec![
        Position::member(Role::BoardChair, "m1"),
        Position::member(Role::BoardMember, "m3"),
        Position::member(Role::BoardMember, "m2"),
        Position::external(Role::Director, F),
        Position::member(Role::ChiefAccountant, "m4"),
    ]);
    c1.employees = Some(Employees { female: 2, male: 1 });

    let mut c2 = Cooperative::new("c2", "HTX Hai", Kind::Cooperative, Sector::Agriculture);
    c2.province = Some("51".into());
    c2.summary = Some(Summary {
        members: Some(20),
        members_female: Some(8),
        official_members: Some(18),
        official_members_female: Some(7),
        members_minority: Some(0),
        board_seats: Some(5),
        board_female: Some(1),
        chair_female: Some(false),
        director_female: Some(true),
    });

    let mut c3 = Cooperative::new("c3", "THT Ba", Kind::CooperativeGroup, Sector::TradeServices);
    c3.province = Some("52".into());
    c3.members = Some(vec![
        person("g1", F, None),
        person("g2", M, Some("01")),
        person("g3", F, Some("01")),
    ]);

    let mut c4 = Cooperative::new("c4", "HTX Bốn", Kind::Cooperative, Sector::Agriculture);
    c4.province = Some("52".into());
    c4.established = Some(d("2025-03-01"));
    c4.summary = Some(Summary {
        members: Some(9),
        ..Summary::default()
    });
    Registry::from_cooperatives(vec![c1, c2, c3, c4]).unwrap()
}

fn as_of() -> Date {
    d("2024-12-31")
}

/// (numerator, denominator, not_contributing) of the total row.
fn nd(t: &coopkit::indicators::Table, id: I, group: &[Option<&str>]) -> (Option<u64>, Option<u64>, u64) {
    let r = t
        .find(id, group)
        .unwrap_or_else(|| panic!("no row {id} {group:?}"));
    (r.numerator, r.denominator, r.not_contributing)
}

#[test]
fn ungrouped_totals_are_exact() {
    let t = registry().indicators(&Query::new(as_of())).unwrap();
    assert_eq!(t.rows.len(), I::ALL.len());
    let g: &[Option<&str>] = &[];
    assert_eq!(nd(&t, I::Cooperatives, g), (Some(3), None, 0));
    assert_eq!(nd(&t, I::Members, g), (Some(28), None, 0));
    assert_eq!(nd(&t, I::MembersFemale, g), (Some(12), None, 0));
    assert_eq!(nd(&t, I::MembersMinority, g), (Some(2), None, 1));
    assert_eq!(nd(&t, I::MembersFemaleShare, g), (Some(12), Some(28), 0));
    assert_eq!(nd(&t, I::MembersMinorityShare, g), (Some(2), Some(25), 1));
    assert_eq!(nd(&t, I::OfficialMembersFemaleShare, g), (Some(9), Some(21), 1));
    assert_eq!(nd(&t, I::MembersGenderParity, g), (Some(12), Some(15), 0));
    assert_eq!(nd(&t, I::BoardSeats, g), (Some(8), None, 1));
    assert_eq!(nd(&t, I::BoardFemale, g), (Some(3), None, 1));
    assert_eq!(nd(&t, I::BoardFemaleShare, g), (Some(3), Some(8), 1));
    assert_eq!(nd(&t, I::ManagementFemaleShare, g), (Some(5), Some(10), 1));
    assert_eq!(nd(&t, I::CoopsWithMinorityMember, g), (Some(1), None, 1));
    assert_eq!(nd(&t, I::CoopsWithMinorityMemberShare, g), (Some(1), Some(2), 1));
    assert_eq!(nd(&t, I::JobsFemale, g), (Some(4), None, 2));
    // c1's director (positions) and c2's (summary) are women; c3 has none.
    assert_eq!(nd(&t, I::DirectorFemaleShare, g), (Some(2), Some(2), 1));

    let v = |id| t.find(id, g).unwrap().value.unwrap();
    assert!((v(I::MembersMinorityShare) - 8.0).abs() < 1e-12);
    assert!((v(I::MembersGenderParity) - 0.8).abs() < 1e-12);
    assert!((v(I::BoardFemaleShare) - 37.5).abs() < 1e-12);
    assert!((v(I::ManagementFemaleShare) - 50.0).abs() < 1e-12);
    // (5/10) ÷ ((2+8)/(5+20))
    assert!((v(I::RepresentationRatio) - 1.25).abs() < 1e-12);
    let rep = t.find(I::RepresentationRatio, g).unwrap();
    assert_eq!(
        (rep.unit, rep.contributing, rep.not_contributing),
        (Unit::Ratio, 2, 1)
    );
    assert_eq!(t.find(I::MembersFemaleShare, g).unwrap().unit, Unit::Percent);
}

#[test]
fn grouped_by_province_and_kind() {
    let q = Query::new(as_of()).by([Dimension::Province, Dimension::Kind]);
    let t = registry().indicators(&q).unwrap();
    let p51 = &[Some("51"), Some("cooperative")];
    let p52 = &[Some("52"), Some("cooperative_group")];
    assert_eq!(nd(&t, I::Cooperatives, p51), (Some(2), None, 0));
    assert_eq!(nd(&t, I::Members, p51), (Some(25), None, 0));
    assert_eq!(nd(&t, I::MembersFemaleShare, p51), (Some(10), Some(25), 0));
    assert_eq!(nd(&t, I::Members, p52), (Some(3), None, 0));
    assert_eq!(nd(&t, I::MembersMinority, p52), (None, None, 1));
    assert!(t.find(I::MembersMinority, p52).unwrap().reason.is_some());
    assert_eq!(nd(&t, I::BoardFemaleShare, p52), (None, None, 1));
    // c4 (established 2025) is not there at all, and there is no other group.
    assert!(t
        .rows
        .iter()
        .all(|r| r.group_value(Dimension::Kind) != Some("union")));
    assert_eq!(t.rows.len(), 2 * I::ALL.len());
    // After its establishment c4 counts, with its summary's members.
    let later = registry()
        .indicators(&Query::new(d("2025-06-01")).by([Dimension::Province]))
        .unwrap();
    assert_eq!(nd(&later, I::Members, &[Some("52")]), (Some(12), None, 0));
}

#[test]
fn membership_and_positions_follow_the_date() {
    // On 2024-05-31 m5 (a Kinh woman, worker) is still a member.
    let t = registry()
        .indicators(&Query::new(d("2024-05-31")).by([Dimension::Province]))
        .unwrap();
    let g = &[Some("51")];
    assert_eq!(nd(&t, I::Members, g), (Some(26), None, 0));
    assert_eq!(nd(&t, I::MembersFemale, g), (Some(11), None, 0));
    assert_eq!(nd(&t, I::JobsFemale, g), (Some(5), None, 1));

    let mut c = Cooperative::new("x", "X", Kind::Cooperative, Sector::Agriculture);
    c.members = Some(vec![person("a", F, Some("01")), person("b", M, Some("01"))]);
    let mut chair = Position::member(Role::BoardChair, "a");
    chair.end = Some(d("2024-01-01"));
    let mut chair2 = Position::member(Role::BoardChair, "b");
    chair2.start = Some(d("2024-01-01"));
    c.positions = Some(vec![chair, chair2]);
    let r = Registry::from_cooperatives(vec![c]).unwrap();
    let q = |s| Query::new(d(s)).ids([I::BoardSeats, I::BoardFemale]);
    let t = r.indicators(&q("2023-12-31")).unwrap();
    assert_eq!(nd(&t, I::BoardFemale, &[]), (Some(1), None, 0));
    let t = r.indicators(&q("2024-01-01")).unwrap();
    assert_eq!(nd(&t, I::BoardSeats, &[]), (Some(1), None, 0));
    assert_eq!(nd(&t, I::BoardFemale, &[]), (Some(0), None, 0));
}

#[test]
fn zero_denominator_gives_no_value_and_a_reason() {
    let mut c = Cooperative::new("x", "X", Kind::Cooperative, Sector::Agriculture);
    c.members = Some(vec![person("a", F, Some("01"))]);
    c.positions = Some(vec![]);
    let r = Registry::from_cooperatives(vec![c]).unwrap();
    let t = r.indicators(&Query::new(as_of())).unwrap();
    for id in [
        I::MembersGenderParity,
        I::BoardFemaleShare,
        I::ManagementFemaleShare,
        I::RepresentationRatio,
    ] {
        let row = t.find(id, &[]).unwrap();
        assert_eq!(row.value, None, "{id}");
        assert!(row.reason.as_ref().unwrap().en.contains("zero") || id == I::RepresentationRatio);
        assert!(!row.reason.as_ref().unwrap().vi.is_empty());
    }
    // Nothing is NaN in the JSON either.
    assert!(!t.to_json().contains("NaN"));
    // An empty registry: no cooperatives, and nothing else can be said.
    let t = Registry::new().indicators(&Query::new(as_of())).unwrap();
    assert_eq!(t.find(I::Cooperatives, &[]).unwrap().numerator, Some(0));
    let m = t.find(I::Members, &[]).unwrap();
    assert_eq!((m.numerator, m.value), (None, None));
    assert!(m.reason.is_some());
}

#[test]
fn disaggregation_by_sex_splits_lists_and_puts_summaries_in_unknown() {
    let q = Query::new(as_of())
        .ids([I::Members, I::JobsFemale, I::BoardSeats])
        .by([Dimension::Province])
        .disaggregate(Disaggregation::Sex);
    let t = registry().indicators(&q).unwrap();
    let g = &[Some("51")];
    let cat = |id, c| t.find_category(id, g, c).map(|r| r.numerator.unwrap());
    assert_eq!(cat(I::Members, "female"), Some(2));
    assert_eq!(cat(I::Members, "male"), Some(2));
    assert_eq!(cat(I::Members, "organisation"), Some(1));
    assert_eq!(cat(I::Members, "unknown"), Some(20));
    // Women worker members (2) and women employees (2).
    assert_eq!(cat(I::JobsFemale, "female"), Some(4));
    // Board seats are cooperative-level: a total row only.
    assert!(t
        .rows
        .iter()
        .all(|r| r.indicator != I::BoardSeats || r.disaggregation.is_none()));
}

#[test]
fn disaggregation_by_minority_splits_shares_jointly() {
    let q = Query::new(as_of())
        .ids([I::MembersFemaleShare])
        .by([Dimension::Province])
        .disaggregate(Disaggregation::KinhVsMinority);
    let t = registry().indicators(&q).unwrap();
    let g = &[Some("51")];
    let nd = |c| {
        let r = t.find_category(I::MembersFemaleShare, g, c).unwrap();
        (r.numerator, r.denominator)
    };
    assert_eq!(nd("kinh"), (Some(1), Some(2)));
    assert_eq!(nd("minority"), (Some(1), Some(2)));
    assert_eq!(nd("organisation"), (Some(0), Some(1)));
    assert_eq!(nd("unknown"), (Some(8), Some(20)));
    let ethnic = registry()
        .indicators(
            &Query::new(as_of())
                .ids([I::Members])
                .disaggregate(Disaggregation::EthnicGroup),
        )
        .unwrap();
    let n = |c| {
        ethnic
            .find_category(I::Members, &[], c)
            .map(|r| r.numerator.unwrap())
    };
    assert_eq!(n("18"), Some(1)); // Hrê
    assert_eq!(n("30"), Some(1)); // Co
    assert_eq!(n("01"), Some(4)); // m1, m3, g2, g3
    assert_eq!(n("unknown"), Some(21)); // c2's summary and g1
}

#[test]
fn disaggregation_by_member_kind_and_age() {
    let mut c = Cooperative::new("x", "X", Kind::Cooperative, Sector::Agriculture);
    let mut a = facts(person("a", F, Some("01")), true, true, Some(true));
    a.birth_date = Some(d("2006-12-31")); // 18 on 2024-12-31
    let mut b = facts(person("b", M, Some("01")), false, true, Some(false));
    b.birth_date = Some(d("1964-12-31")); // 60
    let mut e = person("e", F, Some("01"));
    e.birth_date = Some(d("1995-01-01")); // 29
    e.kind = Some(MemberKind::AssociateCapital);
    c.members = Some(vec![a, b, e]);
    let r = Registry::from_cooperatives(vec![c]).unwrap();
    let t = r
        .indicators(
            &Query::new(as_of())
                .ids([I::Members])
                .disaggregate(Disaggregation::AgeBand),
        )
        .unwrap();
    let n = |c| t.find_category(I::Members, &[], c).map(|r| r.numerator.unwrap());
    assert_eq!(
        (n("18_29"), n("60_plus"), n("under_18")),
        (Some(2), Some(1), Some(0))
    );
    let t = r
        .indicators(
            &Query::new(as_of())
                .ids([I::Members])
                .disaggregate(Disaggregation::MemberKind),
        )
        .unwrap();
    let n = |c| t.find_category(I::Members, &[], c).map(|r| r.numerator.unwrap());
    assert_eq!(
        (n("official"), n("associate_noncapital"), n("associate_capital")),
        (Some(1), Some(1), Some(1))
    );
}

/// A known zero is `Some(0)`; a category has no numerator only when no
/// cooperative of the group could contribute (as for the total).
#[test]
fn an_empty_category_is_a_known_zero_not_missing() {
    // Every member has a known sex: `unknown` is 0, not missing.
    let mut c = Cooperative::new("x", "X", Kind::Cooperative, Sector::Agriculture);
    c.members = Some(vec![person("a", F, Some("01")), person("b", M, Some("Hrê"))]);
    let r = Registry::from_cooperatives(vec![c]).unwrap();
    let q = Query::new(as_of())
        .ids([I::Members, I::MembersFemaleShare])
        .disaggregate(Disaggregation::Sex);
    let t = r.indicators(&q).unwrap();
    let row = |id, c| {
        t.find_category(id, &[], c)
            .unwrap_or_else(|| panic!("no {c} row"))
    };
    assert_eq!(row(I::Members, "unknown").numerator, Some(0));
    assert_eq!(row(I::Members, "organisation").numerator, Some(0));
    assert_eq!(row(I::Members, "female").numerator, Some(1));
    let share = row(I::MembersFemaleShare, "unknown");
    assert_eq!(
        (share.numerator, share.denominator, share.value),
        (Some(0), Some(0), None)
    );
    // Ethnic codes nobody has are left out; the fixed categories are there.
    let t = r
        .indicators(
            &Query::new(as_of())
                .ids([I::Members])
                .disaggregate(Disaggregation::EthnicGroup),
        )
        .unwrap();
    assert!(t.find_category(I::Members, &[], "30").is_none());
    assert_eq!(t.find_category(I::Members, &[], "18").unwrap().numerator, Some(1));
    assert_eq!(
        t.find_category(I::Members, &[], "unknown").unwrap().numerator,
        Some(0)
    );

    // A group whose only cooperative has no member count at all: no
    // numerator, in the total and in every category, each with its reason.
    let mut c = Cooperative::new("y", "Y", Kind::Cooperative, Sector::Agriculture);
    c.summary = Some(Summary::default());
    let r = Registry::from_cooperatives(vec![c]).unwrap();
    let t = r
        .indicators(
            &Query::new(as_of())
                .ids([I::Members])
                .disaggregate(Disaggregation::Sex),
        )
        .unwrap();
    assert_eq!(t.find(I::Members, &[]).unwrap().numerator, None);
    for cat in ["female", "male", "organisation", "unknown"] {
        let row = t.find_category(I::Members, &[], cat).unwrap();
        assert_eq!(row.numerator, None, "{cat}");
        assert!(row.reason.is_some(), "{cat}");
    }
}

#[test]
fn margins_add_up() {
    let q = Query::new(as_of())
        .ids([I::Members, I::MembersFemaleShare])
        .by([Dimension::Province, Dimension::Sector])
        .with_totals();
    let t = registry().indicators(&q).unwrap();
    assert_eq!(nd(&t, I::Members, &[None, None]), (Some(28), None, 0));
    assert_eq!(nd(&t, I::Members, &[Some("51"), None]), (Some(25), None, 0));
    assert_eq!(
        nd(&t, I::Members, &[None, Some("trade_services")]),
        (Some(3), None, 0)
    );
    assert_eq!(
        nd(&t, I::MembersFemaleShare, &[None, None]),
        (Some(12), Some(28), 0)
    );
}

#[test]
fn suppression_hides_small_counts_and_their_complements() {
    let q = Query::new(as_of())
        .ids([I::Members, I::MembersFemale, I::MembersFemaleShare])
        .by([Dimension::Province])
        .with_totals()
        .min_cell(3);
    let t = registry().indicators(&q).unwrap();
    assert_eq!(t.min_cell, Some(3));
    let row = |id, p: Option<&str>| t.find(id, &[p]).unwrap().clone();
    // 2 women in province 52: primary.
    let small = row(I::MembersFemale, Some("52"));
    assert!(small.suppressed && small.numerator.is_none());
    assert!(small.reason.unwrap().en.contains("minimum cell size 3"));
    // 10 women in province 51: complementary, else 12 − 10 gives the 2.
    let comp = row(I::MembersFemale, Some("51"));
    assert!(comp.suppressed);
    assert!(comp.reason.unwrap().en.contains("cannot be derived"));
    // The total is published; so are members (3 is not below 3).
    assert_eq!(row(I::MembersFemale, None).numerator, Some(12));
    assert_eq!(row(I::Members, Some("52")).numerator, Some(3));
    // Shares built on a suppressed count go with it.
    assert!(row(I::MembersFemaleShare, Some("52")).suppressed);
    assert!(row(I::MembersFemaleShare, Some("51")).suppressed);
    assert_eq!(row(I::MembersFemaleShare, None).numerator, Some(12));
    // Nothing else changed.
    let plain = registry()
        .indicators(&Query {
            min_cell: None,
            ..q.clone()
        })
        .unwrap();
    for (a, b) in t.rows.iter().zip(&plain.rows) {
        if !a.suppressed {
            assert_eq!(a, b);
        }
    }
}

#[test]
fn json_rows_are_flat_and_columns_line_up() {
    let q = Query::new(as_of()).ids([I::Members]).by([Dimension::Province]);
    let t = registry().indicators(&q).unwrap();
    let v: serde_json::Value = serde_json::from_str(&t.to_json()).unwrap();
    let row = &v["rows"][0];
    assert_eq!(row["province"], "51");
    assert_eq!(row["indicator"], "members");
    assert_eq!(row["numerator"], 25);
    assert_eq!(row["unit"], "count");
    assert_eq!(row["suppressed"], false);
    assert_eq!(v["women_managed_rule"], "chair_or_director");
    let c = t.columns();
    assert_eq!(c.indicator, vec!["members", "members"]);
    assert_eq!(c.group[0].1, vec![Some("51".to_string()), Some("52".to_string())]);
    assert_eq!(c.numerator, vec![Some(25), Some(3)]);
}

#[test]
fn names_parse_and_unknown_names_are_all_reported() {
    for id in I::ALL.iter() {
        assert_eq!(I::parse(id.as_str()), Some(*id));
    }
    let q = Query::from_names(
        as_of(),
        Some(&["members", "board_female_share"]),
        &["province", "kind"],
    )
    .unwrap();
    assert_eq!(q.ids, Some(vec![I::Members, I::BoardFemaleShare]));
    let e = Query::from_names(as_of(), Some(&["members", "memebrs"]), &["provnce"]).unwrap_err();
    let msg = e.to_string();
    assert!(msg.contains("ids[1]") && msg.contains("by[0]"), "{msg}");
    let dup = registry().indicators(&Query::new(as_of()).by([Dimension::Kind, Dimension::Kind]));
    assert!(dup.is_err());
}

/// Agreement with classification, the single source of the women-managed
/// rule: the engine's count is the number of cooperatives
/// `classify::women_managed` says yes for, and those it cannot decide are
/// not contributing.
#[test]
fn women_managed_agrees_with_classify() {
    let reg = registry();
    for rule in coopkit::WomenManagedRule::ALL {
        let t = reg
            .indicators(&Query::new(as_of()).ids([I::WomenManaged]).rule(rule))
            .unwrap();
        let (mut yes, mut unknown, mut all) = (0, 0, 0);
        for c in reg.iter().filter(|c| c.established.is_none_or(|e| e <= as_of())) {
            all += 1;
            match coopkit::classify::women_managed(&c, rule, as_of()).value {
                Some(true) => yes += 1,
                Some(false) => {}
                None => unknown += 1,
            }
        }
        let row = t.find(I::WomenManaged, &[]).unwrap();
        assert_eq!(row.not_contributing, unknown, "{rule:?}");
        assert_eq!(row.numerator, (unknown < all).then_some(yes), "{rule:?}");
    }
}

/// The Quảng Ngãi workshop figures (REFERENCE §1) from summary counts: 16
/// women-managed cooperatives, 145 of 400 members women, 48 women on
/// boards, 6 with ethnic-minority members.
#[test]
fn quang_ngai_figures() {
    let mut coops = Vec::new();
    for i in 0..16u32 {
        let mut c = Cooperative::new(
            format!("qn{i}"),
            format!("HTX {i}"),
            Kind::Cooperative,
            Sector::Agriculture,
        );
        c.province = Some("51".into());
        c.declared_women_managed = Some(true);
        c.summary = Some(Summary {
            members: Some(25),
            members_female: Some(if i == 0 { 10 } else { 9 }),
            members_minority: Some(if i < 6 { 3 } else { 0 }),
            board_seats: Some(5),
            board_female: Some(3),
            ..Summary::default()
        });
        coops.push(c);
    }
    let reg = Registry::from_cooperatives(coops).unwrap();
    let t = reg
        .indicators(&Query::new(d("2024-10-16")).by([Dimension::Province]))
        .unwrap();
    let g = &[Some("51")];
    assert_eq!(nd(&t, I::Cooperatives, g).0, Some(16));
    assert_eq!(nd(&t, I::Members, g).0, Some(400));
    assert_eq!(nd(&t, I::MembersFemale, g).0, Some(145));
    assert_eq!(nd(&t, I::BoardFemale, g).0, Some(48));
    assert_eq!(nd(&t, I::CoopsWithMinorityMember, g).0, Some(6));
    let v = |id| t.find(id, g).unwrap().value.unwrap();
    assert!((v(I::MembersFemaleShare) - 36.25).abs() < 1e-9);
    assert!((v(I::CoopsWithMinorityMemberShare) - 37.5).abs() < 1e-9);
    assert!((v(I::MembersGenderParity) - 145.0 / 255.0).abs() < 1e-12);
    assert_eq!(format!("{:.2}", v(I::MembersGenderParity)), "0.57");
    assert!((t.find(I::BoardFemale, g).unwrap().numerator.unwrap() as f64 / 16.0 - 3.0).abs() < 1e-12);
}

/// Results remembered for a date are dropped when the registry changes.
#[test]
fn repeated_queries_agree_and_see_new_cooperatives() {
    let mut reg = registry();
    let q = Query::new(as_of()).ids([I::Cooperatives, I::WomenManaged]);
    let a = reg.indicators(&q).unwrap();
    assert_eq!(a, reg.indicators(&q).unwrap());
    let mut c = Cooperative::new("c5", "HTX Năm", Kind::Cooperative, Sector::Agriculture);
    c.positions = Some(vec![Position::external(Role::BoardChair, F)]);
    reg.push(c).unwrap();
    let b = reg.indicators(&q).unwrap();
    let wm = b.find(I::WomenManaged, &[]).unwrap();
    assert_eq!(b.find(I::Cooperatives, &[]).unwrap().numerator, Some(4));
    assert_eq!(wm.contributing + wm.not_contributing, 4);
}

/// Counters are packed 16 bits wide: a cooperative of 70,000 members
/// (more than 65,535) is still counted exactly.
#[test]
fn very_large_cooperatives_are_counted_exactly() {
    let mut c = Cooperative::new("big", "HTX Lớn", Kind::Cooperative, Sector::Agriculture);
    c.members = Some(
        (0..70_000)
            .map(|i| person(&format!("m{i}"), if i % 3 == 0 { F } else { M }, Some("01")))
            .collect(),
    );
    let r = Registry::from_cooperatives(vec![c]).unwrap();
    let t = r
        .indicators(&Query::new(as_of()).ids([I::Members, I::MembersFemale]))
        .unwrap();
    assert_eq!(nd(&t, I::Members, &[]).0, Some(70_000));
    assert_eq!(nd(&t, I::MembersFemale, &[]).0, Some(23_334));
}

/// Grouping by size class follows `classify::size_class`, the single
/// source of the Decree 113 and Circular 01 rules.
#[test]
fn size_class_groups_agree_with_classify() {
    let reg = registry();
    let t = reg
        .indicators(
            &Query::new(as_of())
                .ids([I::Cooperatives])
                .by([Dimension::SizeClass]),
        )
        .unwrap();
    let mut expected = std::collections::BTreeMap::new();
    for c in reg.iter().filter(|c| c.established.is_none_or(|e| e <= as_of())) {
        let class = coopkit::classify::size_class(coopkit::Parameters::builtin(), &c, as_of()).class;
        let name = class.map_or("not_determinable", |s| s.as_str());
        *expected.entry(name.to_string()).or_insert(0u64) += 1;
    }
    let got: std::collections::BTreeMap<String, u64> = t
        .rows
        .iter()
        .map(|r| {
            (
                r.group_value(Dimension::SizeClass).unwrap().to_string(),
                r.numerator.unwrap(),
            )
        })
        .collect();
    assert_eq!(got, expected);
}

/// Resolution 28/NQ-CP's measure: cooperatives whose director is a woman,
/// over cooperatives whose director is known.
#[test]
fn director_female_share_counts_cooperatives_whose_director_is_known() {
    let with = |id: &str, directors: Vec<Option<Sex>>| {
        let mut c = Cooperative::new(id, "HTX", Kind::Cooperative, Sector::Agriculture);
        let mut ps = vec![Position::external(Role::BoardChair, F)];
        ps.extend(
            directors
                .into_iter()
                .map(|s| Position::external(Role::Director, s)),
        );
        c.positions = Some(ps);
        c
    };
    let mut ended = with("ended", vec![F]);
    ended.positions.as_mut().unwrap()[1].end = Some(d("2024-01-01"));
    let mut summary = Cooperative::new("summary", "HTX", Kind::Cooperative, Sector::Agriculture);
    summary.summary = Some(Summary {
        director_female: Some(false),
        ..Summary::default()
    });
    let reg = Registry::from_cooperatives(vec![
        with("woman", vec![F]),
        with("man", vec![M]),
        with("unknown", vec![None]),
        with("two, one a woman", vec![None, F]),
        with("two men", vec![M, M]),
        with("none", vec![]),
        ended,
        summary,
    ])
    .unwrap();
    let t = reg
        .indicators(&Query::new(as_of()).ids([I::DirectorFemaleShare]))
        .unwrap();
    // Known: woman, man, two-with-a-woman, two men, summary = 5; women: 2.
    assert_eq!(nd(&t, I::DirectorFemaleShare, &[]), (Some(2), Some(5), 3));
    let r = t.find(I::DirectorFemaleShare, &[]).unwrap();
    assert_eq!(r.unit, Unit::Percent);
    assert!((r.value.unwrap() - 40.0).abs() < 1e-12);
    // By cooperative: one row each, the unknown ones without a value.
    let t = reg
        .indicators(
            &Query::new(as_of())
                .ids([I::DirectorFemaleShare])
                .by([Dimension::Cooperative]),
        )
        .unwrap();
    assert_eq!(
        nd(&t, I::DirectorFemaleShare, &[Some("woman")]),
        (Some(1), Some(1), 0)
    );
    assert_eq!(
        nd(&t, I::DirectorFemaleShare, &[Some("two men")]),
        (Some(0), Some(1), 0)
    );
    assert_eq!(
        nd(&t, I::DirectorFemaleShare, &[Some("unknown")]),
        (None, None, 1)
    );
    assert_eq!(nd(&t, I::DirectorFemaleShare, &[Some("ended")]), (None, None, 1));
}

/// A cooperative counts up to the day before its `dissolved` date.
#[test]
fn a_dissolved_cooperative_counts_up_to_the_day_before() {
    let mut reg: Vec<Cooperative> = registry().iter().collect();
    reg[1].dissolved = Some(d("2024-12-31"));
    let reg = Registry::from_cooperatives(reg).unwrap();
    let count = |on: &str| {
        let t = reg
            .indicators(&Query::new(d(on)).ids([I::Cooperatives, I::Members]))
            .unwrap();
        (nd(&t, I::Cooperatives, &[]).0, nd(&t, I::Members, &[]).0)
    };
    // c1 (8 members... as above), c2 (20 members), c3 (3 members).
    assert_eq!(count("2024-12-30"), (Some(3), Some(28)));
    assert_eq!(count("2024-12-31"), (Some(2), Some(8)));
    // The law checks nothing on and after the day, and says why.
    let c2 = reg.get(reg.index_of("c2").unwrap()).unwrap();
    let r = coopkit::check(&c2, coopkit::LawChoice::Auto, d("2024-12-31"));
    assert!(r.dissolved_on_as_of);
    assert!(r
        .findings
        .iter()
        .all(|f| f.status == coopkit::Status::NotApplicable));
    assert!(r.findings[0].message.en.contains("dissolved on 2024-12-31"));
    assert!(r.findings[0].message.vi.contains("giải thể ngày 31/12/2024"));
    let r = coopkit::check(&c2, coopkit::LawChoice::Auto, d("2024-12-30"));
    assert!(!r.dissolved_on_as_of);
    assert!(r
        .findings
        .iter()
        .any(|f| f.status != coopkit::Status::NotApplicable));
}

/// Several dates in one query: one table, each row with its date, equal to
/// the query at each date alone.
#[test]
fn a_trend_is_the_queries_at_each_date() {
    let mut coops: Vec<Cooperative> = registry().iter().collect();
    coops[1].dissolved = Some(d("2024-06-01"));
    let reg = Registry::from_cooperatives(coops).unwrap();
    let dates = coopkit::indicators::year_ends(2023, 2025).unwrap();
    let base = Query::new(d("2000-01-01"))
        .by([Dimension::Province])
        .with_totals();
    let trend = reg.indicators(&base.clone().at(dates.clone())).unwrap();
    assert_eq!(trend.dates.as_deref(), Some(&dates[..]));
    assert_eq!(trend.as_of, dates[0]);
    let mut rows = Vec::new();
    for &on in &dates {
        let mut one = base.clone();
        one.as_of = on;
        let t = reg.indicators(&one).unwrap();
        assert_eq!(t.dates, None);
        assert!(t.rows.iter().all(|r| r.as_of.is_none()));
        rows.extend(t.rows.into_iter().map(|mut r| {
            r.as_of = Some(on);
            r
        }));
    }
    assert_eq!(trend.rows, rows);
    // c2 is gone in 2024, c4 arrives in 2025.
    let n = |y: &str| trend.find_on(d(y), I::Cooperatives, &[None]).unwrap().numerator;
    assert_eq!(
        (n("2023-12-31"), n("2024-12-31"), n("2025-12-31")),
        (Some(3), Some(2), Some(3))
    );
    // The date is the first key of each JSON row and the first column.
    let json: serde_json::Value = serde_json::from_str(&trend.to_json()).unwrap();
    assert_eq!(json["dates"][2], "2025-12-31");
    assert_eq!(json["rows"][0]["as_of"], "2023-12-31");
    let named = trend.columns().named();
    assert_eq!(named[0].0, "as_of");
    assert!(matches!(&named[0].1, coopkit::indicators::Column::Date(v) if v.len() == trend.rows.len()));
    let one = reg.indicators(&Query::new(as_of())).unwrap();
    assert_ne!(one.columns().named()[0].0, "as_of");
    assert!(
        serde_json::from_str::<serde_json::Value>(&one.to_json()).unwrap()["rows"][0]
            .get("as_of")
            .is_none()
    );
}

#[test]
fn trend_limits_are_parameter_errors() {
    let reg = registry();
    let e = reg.indicators(&Query::new(as_of()).at([])).unwrap_err();
    assert_eq!(e.path(), Some("dates"));
    let many =
        (0..=coopkit::indicators::MAX_DATES as i64).map(|k| d("2000-01-01") + chrono::Days::new(k as u64));
    assert_eq!(
        reg.indicators(&Query::new(as_of()).at(many)).unwrap_err().path(),
        Some("dates")
    );
    assert_eq!(
        coopkit::indicators::year_ends(2026, 2020).unwrap_err().path(),
        Some("years")
    );
    assert_eq!(
        coopkit::indicators::year_ends(1, 5000).unwrap_err().path(),
        Some("years")
    );
    assert_eq!(coopkit::indicators::year_ends(2020, 2026).unwrap().len(), 7);
}

//! Every message follows its language's conventions: in Vietnamese a
//! decimal comma, a full stop only between thousands, amounts in đồng and
//! dates as dd/mm/yyyy; in English amounts in VND and ISO dates; counts and
//! amounts grouped by thousands in both. Walks every finding of varied
//! cooperatives under both laws, and every classification reason.

mod common;

use common::law::*;
use coopkit::{
    classify, Cooperative, Country, GeneralMeeting, Governance, Kind, Law, LawChoice, MemberKind, MemberType,
    Role, Sector, Sex, Summary,
};

/// Characters of `s`, for scanning.
fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

fn digit(c: Option<&char>) -> bool {
    c.is_some_and(char::is_ascii_digit)
}

/// The number of digits in `cs` from `i` on.
fn digits_from(cs: &[char], i: usize) -> usize {
    cs[i.min(cs.len())..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count()
}

/// Places where a full stop stands between digits and is not a thousands
/// separator (exactly three digits after it, then a non-digit or the end):
/// a decimal point, wrong in Vietnamese.
fn decimal_points(s: &str) -> Vec<String> {
    let cs = chars(s);
    (1..cs.len())
        .filter(|&i| cs[i] == '.' && digit(cs.get(i - 1)) && digit(cs.get(i + 1)))
        .filter(|&i| digits_from(&cs, i + 1) != 3)
        .map(|i| cs[i.saturating_sub(8)..(i + 8).min(cs.len())].iter().collect())
        .collect()
}

/// Places where a full stop stands between digits as a thousands
/// separator: Vietnamese grouping, wrong in English.
fn dot_groups(s: &str) -> Vec<String> {
    let cs = chars(s);
    (1..cs.len())
        .filter(|&i| cs[i] == '.' && digit(cs.get(i - 1)) && digits_from(&cs, i + 1) == 3)
        .map(|i| cs[i.saturating_sub(8)..(i + 8).min(cs.len())].iter().collect())
        .collect()
}

/// "đồng" right after a number (spaces allowed between).
fn dong_after_number(s: &str) -> bool {
    let cs = chars(s);
    (0..cs.len()).filter(|&i| cs[i].is_ascii_digit()).any(|i| {
        let rest: String = cs[i + 1..].iter().collect();
        rest.trim_start_matches([' ', '\u{a0}']).starts_with("đồng")
    })
}

/// An ISO date `dddd-dd-dd`.
fn has_iso_date(s: &str) -> bool {
    let cs = chars(s);
    let pattern = "dddd-dd-dd";
    cs.windows(pattern.len()).any(|w| {
        w.iter()
            .zip(pattern.chars())
            .all(|(c, p)| if p == 'd' { c.is_ascii_digit() } else { *c == p })
    })
}

/// A run of five or more digits: a count or amount not grouped by thousands.
fn ungrouped(s: &str) -> bool {
    let cs = chars(s);
    (0..cs.len()).any(|i| (i == 0 || !cs[i - 1].is_ascii_digit()) && digits_from(&cs, i) >= 5)
}

#[test]
fn the_scanners_tell_good_from_bad() {
    assert_eq!(
        decimal_points("vốn 1.500.000 đồng, tỷ lệ 33,33 %."),
        Vec::<String>::new()
    );
    assert_eq!(decimal_points("có 7 thành viên. 2 khác"), Vec::<String>::new());
    assert_eq!(decimal_points("tỷ lệ 33.33 %").len(), 1);
    assert_eq!(decimal_points("tỷ lệ 12.5 %").len(), 1);
    assert_eq!(decimal_points("1.0000 đồng").len(), 1);
    assert_eq!(dot_groups("1.500.000 VND").len(), 2);
    assert!(dot_groups("33.33 %, 1,500 VND, members[3].kind").is_empty());
    assert!(dong_after_number("holds 1,000 đồng"));
    assert!(!dong_after_number("holds 1,000 VND (đồng)"));
    assert!(has_iso_date("vào ngày 2024-10-16"));
    assert!(!has_iso_date("vào ngày 16/10/2024"));
    assert!(ungrouped("12000 thành viên") && !ungrouped("12.000 thành viên, năm 2024"));
}

/// A woman member of `capital`, of the official kind.
fn woman(id: &str, capital: u64) -> coopkit::Member {
    let mut m = official(id, capital);
    m.sex = Some(Sex::Female);
    m
}

/// Varied cooperatives: passing and failing every rule, with counts,
/// amounts and shares large enough to need grouping and decimals.
fn cooperatives() -> Vec<Cooperative> {
    let mut out = vec![htx(7), coop(Kind::Union, 4), coop(Kind::CooperativeGroup, 3)];

    // 1,200 members meeting by delegates, one woman holding a third of a
    // charter capital that the sum misses by 1,234,567 đồng.
    let mut big = htx(1_200);
    big.general_meeting = Some(GeneralMeeting::Delegates);
    big.members.as_mut().unwrap()[0] = woman("m0", 600_000_000);
    big.charter_capital_vnd = Some(1_799_000_000 + 1_234_567);
    big.annual_revenue_vnd = Some(52_345_678_901);
    big.total_capital_vnd = Some(9_876_543_210);
    out.push(big);

    // A member over the cap, a minor, a foreign investor with capital and
    // one without, members of unknown kind (more than five field paths).
    let mut mixed = htx(12);
    {
        let ms = mixed.members.as_mut().unwrap();
        ms[0].capital_vnd = Some(5_000_000);
        ms[5].birth_date = Some(d("2010-01-01"));
        ms[6].nationality = Country::parse("KR").unwrap();
        ms[6].investment_certificate = Some(true);
        ms[7].member_type = MemberType::ForeignInvestedOrg;
        ms[7].capital_vnd = None;
        for m in &mut ms[8..] {
            m.contributes_capital = None;
            m.uses_services = None;
        }
        ms[11].kind = Some(MemberKind::AssociateCapital);
    }
    mixed.charter_capital_vnd = Some(15_000_000);
    out.push(mixed);

    // No member list: counts from a summary, in the thousands.
    let mut summary = htx(0);
    summary.members = None;
    summary.positions = None;
    summary.general_meeting = Some(GeneralMeeting::Delegates);
    summary.summary = Some(Summary {
        members: Some(12_000),
        official_members: Some(11_500),
        board_seats: Some(1_001),
        board_female: Some(500),
        chair_female: Some(false),
        director_female: Some(true),
        ..Summary::default()
    });
    summary.annual_revenue_vnd = Some(1_000_000_000_000);
    out.push(summary);

    // 1,005 members of unknown kind meeting by delegates: too many field
    // paths to list.
    let mut unknown = htx(1_005);
    unknown.general_meeting = Some(GeneralMeeting::Delegates);
    for m in unknown.members.as_mut().unwrap() {
        m.contributes_capital = None;
        m.uses_services = None;
    }
    out.push(unknown);

    // Law 23/2012 control board threshold: many members, no supervisory head.
    let mut no_control = htx(1_050);
    no_control
        .positions
        .as_mut()
        .unwrap()
        .retain(|p| p.role != Role::SupervisoryHead);
    no_control.sector = Sector::TradeServices;
    out.push(no_control);

    // Simplified structure: a union above the limit, a cooperative of unknown
    // size, and one whose women hold two thirds of the capital.
    let mut union = coop(Kind::Union, 1_000);
    union.governance = Some(Governance::Simplified);
    out.push(union);
    let mut simple = htx(10);
    simple.governance = Some(Governance::Simplified);
    simple.sector = Sector::IndustryConstruction;
    simple.total_capital_vnd = Some(123_456_789);
    out.push(simple);
    let mut owned = htx(3);
    {
        let ms = owned.members.as_mut().unwrap();
        ms[0] = woman("m0", 4_000_000);
        ms[1].capital_vnd = Some(1_000_000);
        ms[2].capital_vnd = Some(1_000_000);
    }
    owned.charter_capital_vnd = Some(6_000_000);
    out.push(owned);
    out
}

/// Every message and reason about `c` on `on`, under both laws.
fn messages(c: &Cooperative, on: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for law in [Law::Vn2012, Law::Vn2023] {
        for f in check(c, LawChoice::Law(law), on).findings {
            out.push((f.message.en, f.message.vi));
        }
    }
    let cl = classify(c, d(on));
    out.push((cl.size_class.reason.en, cl.size_class.reason.vi));
    out.extend(cl.women_managed.into_iter().map(|w| (w.reason.en, w.reason.vi)));
    out
}

#[test]
fn every_message_follows_its_languages_number_and_date_style() {
    let mut all = Vec::new();
    for c in cooperatives() {
        for on in [LAST_2012, "2025-03-01"] {
            all.extend(messages(&c, on));
        }
    }
    for (en, vi) in &all {
        assert_eq!(decimal_points(vi), Vec::<String>::new(), "decimal point in: {vi}");
        assert!(!has_iso_date(vi), "ISO date in: {vi}");
        assert!(!dong_after_number(en), "đồng in English: {en}");
        assert_eq!(
            dot_groups(en),
            Vec::<String>::new(),
            "Vietnamese grouping in: {en}"
        );
        assert!(!ungrouped(en), "ungrouped number in: {en}");
        assert!(!ungrouped(vi), "ungrouped number in: {vi}");
    }
    // The walk saw what it checks: grouped counts and amounts, a share with
    // decimals and dates, in each language's form.
    let seen = |part: &str, vi: bool| all.iter().any(|(e, v)| if vi { v } else { e }.contains(part));
    for (part, vi) in [
        ("1,200 ", false),
        ("1.200 ", true),
        ("12,000 ", false),
        ("12.000 ", true),
        ("1,800,234,567 VND", false),
        ("1.800.234.567 đồng", true),
        ("1,234,567 VND less", false),
        ("33.33 %", false),
        ("33,33 %", true),
        ("66.67 %", false),
        ("66,67 %", true),
        ("on 2025-03-01", false),
        ("vào ngày 01/03/2025", true),
        ("and 1,000 more", false),
        ("và 1.000 trường khác", true),
    ] {
        assert!(seen(part, vi), "no message has {part:?}");
    }
}

//! The four women-managed rules, minority membership and the ILO type.

mod common;

use common::{assert_contains, d};
use coopkit::classify::{has_minority_member, women_managed};
use coopkit::model::CircularType;
use coopkit::{
    classify, Cooperative, Date, Ethnicity, Governance, IloType, Kind, Member, MemberType, Position, Role,
    Sector, Sex, Summary, WomenManagedRule,
};

fn on() -> Date {
    d("2025-06-01")
}

fn person(id: &str, sex: Option<Sex>, capital: Option<u64>) -> Member {
    let mut m = Member::new(id, MemberType::Individual);
    m.sex = sex;
    m.capital_vnd = capital;
    m
}

const F: Option<Sex> = Some(Sex::Female);
const M: Option<Sex> = Some(Sex::Male);

fn coop(members: Vec<Member>, positions: Vec<Position>) -> Cooperative {
    let mut c = Cooperative::new("htx", "HTX", Kind::Cooperative, Sector::Agriculture);
    c.members = Some(members);
    c.positions = Some(positions);
    c
}

fn wm(c: &Cooperative, rule: WomenManagedRule) -> Option<bool> {
    let r = women_managed(c, rule, on());
    assert_eq!(r.rule, rule);
    assert!(!r.reason.en.is_empty() && !r.reason.vi.is_empty());
    r.value
}

use WomenManagedRule::*;

#[test]
fn chair_or_director_from_positions() {
    let ms = vec![
        person("a", F, None),
        person("b", M, None),
        person("c", None, None),
    ];
    let c = coop(
        ms.clone(),
        vec![
            Position::member(Role::BoardChair, "a"),
            Position::member(Role::Director, "b"),
        ],
    );
    assert_eq!(wm(&c, ChairOrDirector), Some(true));
    let r = women_managed(&c, ChairOrDirector, on());
    assert_contains(&r.reason.en, "a woman holds the post of board chair");
    assert_contains(&r.reason.vi, "phụ nữ giữ chức Chủ tịch Hội đồng quản trị");

    let c = coop(
        ms.clone(),
        vec![
            Position::member(Role::BoardChair, "b"),
            Position::external(Role::Director, M),
        ],
    );
    assert_eq!(wm(&c, ChairOrDirector), Some(false));
    // A woman as board member or deputy does not count.
    let mut c2 = c.clone();
    c2.positions
        .as_mut()
        .unwrap()
        .push(Position::member(Role::BoardMember, "a"));
    c2.positions
        .as_mut()
        .unwrap()
        .push(Position::external(Role::DeputyDirector, F));
    assert_eq!(wm(&c2, ChairOrDirector), Some(false));
    // A hired woman director counts.
    let c = coop(
        ms.clone(),
        vec![
            Position::member(Role::BoardChair, "b"),
            Position::external(Role::Director, F),
        ],
    );
    assert_eq!(wm(&c, ChairOrDirector), Some(true));
    // Unknown sex of the director, chair a man: not determinable.
    let c = coop(
        ms.clone(),
        vec![
            Position::member(Role::BoardChair, "b"),
            Position::member(Role::Director, "c"),
        ],
    );
    assert_eq!(wm(&c, ChairOrDirector), None);
    let r = women_managed(&c, ChairOrDirector, on());
    assert_contains(&r.reason.en, "the sex of the director is not known");
    // A holder who is not in the member list: sex unknown.
    let c = coop(ms.clone(), vec![Position::member(Role::BoardChair, "zz")]);
    assert_eq!(wm(&c, ChairOrDirector), None);
    // Empty list of posts: no woman holds either.
    let c = coop(ms.clone(), vec![]);
    assert_eq!(wm(&c, ChairOrDirector), Some(false));
}

#[test]
fn chair_or_director_counts_only_posts_held_on_the_date() {
    let mut chair = Position::member(Role::BoardChair, "a");
    chair.end = Some(on());
    let c = coop(
        vec![person("a", F, None), person("b", M, None)],
        vec![chair, Position::member(Role::Director, "b")],
    );
    assert_eq!(wm(&c, ChairOrDirector), Some(false));
    assert_eq!(
        women_managed(&c, ChairOrDirector, d("2025-05-31")).value,
        Some(true)
    );
}

#[test]
fn chair_or_director_from_the_summary() {
    let mut c = Cooperative::new("s", "S", Kind::Cooperative, Sector::Agriculture);
    assert_eq!(wm(&c, ChairOrDirector), None);
    let mut s = Summary {
        chair_female: Some(false),
        ..Summary::default()
    };
    c.summary = Some(s);
    assert_eq!(wm(&c, ChairOrDirector), None);
    s.director_female = Some(false);
    c.summary = Some(s);
    assert_eq!(wm(&c, ChairOrDirector), Some(false));
    s.director_female = Some(true);
    s.chair_female = None;
    c.summary = Some(s);
    assert_eq!(wm(&c, ChairOrDirector), Some(true));
}

fn board(women: usize, men: usize, unknown: usize, director: Option<Sex>) -> Cooperative {
    let mut ms = Vec::new();
    let mut ps = Vec::new();
    for (prefix, sex, n) in [("f", F, women), ("m", M, men), ("u", None, unknown)] {
        for i in 0..n {
            let id = format!("{prefix}{i}");
            ms.push(person(&id, sex, None));
            let role = if ps.is_empty() {
                Role::BoardChair
            } else {
                Role::BoardMember
            };
            ps.push(Position::member(role, id));
        }
    }
    ps.push(Position::external(Role::Director, director));
    coop(ms, ps)
}

#[test]
fn management_majority_pools_the_board_and_the_director() {
    // REFERENCE section 2: a woman chair, two of four other seats and a man
    // director is 3 of 6 = 50 %, which meets it.
    assert_eq!(wm(&board(3, 2, 0, M), ManagementMajority), Some(true));
    assert_eq!(wm(&board(2, 3, 0, F), ManagementMajority), Some(true));
    // 2 of 6 and 2 of 5.
    assert_eq!(wm(&board(2, 3, 0, M), ManagementMajority), Some(false));
    assert_eq!(wm(&board(1, 3, 0, F), ManagementMajority), Some(false));
    // Exactly half of the pool: 2 of 4.
    assert_eq!(wm(&board(1, 2, 0, F), ManagementMajority), Some(true));
    // The director's sex unknown: 2 of 5 known, one unknown could tip it.
    assert_eq!(wm(&board(2, 2, 0, None), ManagementMajority), None);
    assert_eq!(wm(&board(3, 1, 0, None), ManagementMajority), Some(true));
    assert_eq!(wm(&board(1, 4, 0, None), ManagementMajority), Some(false));
    // Unknown board members.
    assert_eq!(wm(&board(2, 2, 1, F), ManagementMajority), Some(true));
    assert_eq!(wm(&board(1, 2, 1, F), ManagementMajority), None);
    assert_eq!(wm(&board(0, 4, 1, M), ManagementMajority), Some(false));
    let r = women_managed(&board(3, 2, 0, M), ManagementMajority, on());
    assert_contains(&r.reason.en, "women hold 3 of 6 management posts (at least half)");
    assert_contains(
        &r.reason.vi,
        "phụ nữ giữ 3 trên 6 vị trí quản lý (ít nhất một nửa)",
    );
    assert_contains(&r.reason.en, "counted together");
}

#[test]
fn management_majority_without_a_board() {
    // The director alone is the pool.
    assert_eq!(wm(&board(0, 0, 0, F), ManagementMajority), Some(true));
    assert_eq!(wm(&board(0, 0, 0, M), ManagementMajority), Some(false));
    // No post at all: nothing to judge.
    let mut c = board(0, 0, 0, F);
    c.positions.as_mut().unwrap().clear();
    assert_eq!(wm(&c, ManagementMajority), None);
    // No director recorded: the board alone.
    let mut c = board(3, 0, 0, F);
    c.positions.as_mut().unwrap().retain(|p| p.role != Role::Director);
    assert_eq!(wm(&c, ManagementMajority), Some(true));
}

#[test]
fn management_majority_from_the_summary() {
    let mut c = Cooperative::new("s", "S", Kind::Cooperative, Sector::Agriculture);
    let s = |seats, female, director| Summary {
        board_seats: seats,
        board_female: female,
        director_female: director,
        ..Summary::default()
    };
    // 3 of 5 posts; 2 of 6; 3 of 6 with a man director.
    c.summary = Some(s(Some(4), Some(2), Some(true)));
    assert_eq!(wm(&c, ManagementMajority), Some(true));
    c.summary = Some(s(Some(5), Some(1), Some(true)));
    assert_eq!(wm(&c, ManagementMajority), Some(false));
    c.summary = Some(s(Some(5), Some(3), Some(false)));
    assert_eq!(wm(&c, ManagementMajority), Some(true));
    // The director unknown: 3 of 6 is met whatever the director; 2 of 6 with
    // one unknown is not settled.
    c.summary = Some(s(Some(5), Some(3), None));
    assert_eq!(wm(&c, ManagementMajority), Some(true));
    c.summary = Some(s(Some(5), Some(2), None));
    assert_eq!(wm(&c, ManagementMajority), None);
    c.summary = Some(s(Some(5), None, Some(true)));
    assert_eq!(wm(&c, ManagementMajority), None);
    // No board count: unknown, unless the structure is simplified.
    c.summary = Some(s(None, None, Some(false)));
    assert_eq!(wm(&c, ManagementMajority), None);
    c.governance = Some(Governance::Simplified);
    assert_eq!(wm(&c, ManagementMajority), Some(false));
    c.summary = Some(s(None, None, Some(true)));
    assert_eq!(wm(&c, ManagementMajority), Some(true));
}

fn owned(women_capital: u64, charter: Option<u64>) -> Cooperative {
    let mut household = Member::new("h", MemberType::Household);
    household.sex = F;
    household.capital_vnd = Some(women_capital - 1);
    let mut entity = Member::new("e", MemberType::LegalEntity);
    entity.sex = F; // an organisation's "sex" never counts
    entity.capital_vnd = Some(1_000_000);
    let ms = vec![
        person("a", F, Some(1)),
        household,
        person("b", M, Some(100_000_000 - women_capital - 1_000_000)),
        entity,
    ];
    let mut c = coop(
        ms,
        vec![
            Position::member(Role::BoardMember, "a"),
            Position::member(Role::BoardChair, "b"),
        ],
    );
    c.charter_capital_vnd = charter;
    c
}

#[test]
fn women_owned_at_exactly_51_percent() {
    assert_eq!(wm(&owned(51_000_000, Some(100_000_000)), WomenOwned), Some(true));
    assert_eq!(wm(&owned(50_999_999, Some(100_000_000)), WomenOwned), Some(false));
    let r = women_managed(&owned(51_000_000, Some(100_000_000)), WomenOwned, on());
    assert_contains(&r.reason.en, "Law 04/2017/QH14, Art. 3(1)");
    assert_contains(&r.reason.en, "not a legal definition for cooperatives");
    assert_contains(&r.reason.en, "51,000,000 VND of 100,000,000 VND");
    assert_contains(&r.reason.vi, "Luật 04/2017/QH14");
    // The capital is there but no woman manages: no.
    let mut c = owned(60_000_000, Some(100_000_000));
    c.positions = Some(vec![Position::member(Role::BoardChair, "b")]);
    assert_eq!(wm(&c, WomenOwned), Some(false));
    // A woman who left before the date no longer counts.
    let mut c = owned(51_000_000, Some(100_000_000));
    c.members.as_mut().unwrap()[1].left = Some(on());
    assert_eq!(wm(&c, WomenOwned), Some(false));
}

#[test]
fn women_owned_with_missing_data() {
    // No charter capital: not determinable, unless no woman manages.
    assert_eq!(wm(&owned(60_000_000, None), WomenOwned), None);
    let mut c = owned(60_000_000, None);
    c.positions = Some(vec![Position::member(Role::BoardChair, "b")]);
    assert_eq!(wm(&c, WomenOwned), Some(false));
    // A member of unknown sex whose capital could tip it.
    let mut c = owned(50_999_999, Some(100_000_000));
    c.members.as_mut().unwrap().push(person("x", None, Some(1)));
    assert_eq!(wm(&c, WomenOwned), None);
    // ... and one who could not.
    let mut c = owned(50_000_000, Some(100_000_000));
    c.members.as_mut().unwrap().push(person("x", None, Some(999_999)));
    assert_eq!(wm(&c, WomenOwned), Some(false));
    // A woman whose capital is not recorded.
    let mut c = owned(50_000_000, Some(100_000_000));
    c.members.as_mut().unwrap().push(person("y", F, None));
    assert_eq!(wm(&c, WomenOwned), None);
    let r = women_managed(&c, WomenOwned, on());
    assert!(
        r.reason
            .en
            .contains("sex or capital of 1 individual or household members"),
        "{}",
        r.reason.en
    );
    // ... unless she is known to contribute none.
    c.members
        .as_mut()
        .unwrap()
        .last_mut()
        .unwrap()
        .contributes_capital = Some(false);
    assert_eq!(wm(&c, WomenOwned), Some(false));
    // No member list.
    let mut c = owned(60_000_000, Some(100_000_000));
    c.members = None;
    c.positions = None;
    c.summary = Some(Summary {
        chair_female: Some(true),
        ..Summary::default()
    });
    assert_eq!(wm(&c, WomenOwned), None);
    c.summary = Some(Summary {
        board_female: Some(0),
        chair_female: Some(true), // contradicted by board_female = 0
        director_female: Some(false),
        ..Summary::default()
    });
    assert_eq!(wm(&c, WomenOwned), Some(false));
}

#[test]
fn declared_is_what_was_recorded() {
    let mut c = coop(vec![], vec![]);
    assert_eq!(wm(&c, Declared), None);
    c.declared_women_managed = Some(true);
    assert_eq!(wm(&c, Declared), Some(true));
    c.declared_women_managed = Some(false);
    assert_eq!(wm(&c, Declared), Some(false));
}

fn with_ethnicity(id: &str, code: Option<&str>) -> Member {
    let mut m = Member::new(id, MemberType::Individual);
    m.ethnicity = code.map(|c| Ethnicity::parse(c).unwrap());
    m
}

#[test]
fn minority_membership() {
    let kinh = with_ethnicity("k", Some("01"));
    let hre = with_ethnicity("h", Some("18"));
    let unknown = with_ethnicity("u", None);
    let c = coop(vec![kinh.clone(), hre.clone(), unknown.clone()], vec![]);
    assert_eq!(has_minority_member(&c, on()), Some(true));
    let c = coop(vec![kinh.clone(), unknown.clone()], vec![]);
    assert_eq!(has_minority_member(&c, on()), None);
    let c = coop(vec![kinh.clone(), with_ethnicity("k2", Some("Kinh"))], vec![]);
    assert_eq!(has_minority_member(&c, on()), Some(false));
    // A minority member who has left does not count.
    let mut gone = hre.clone();
    gone.left = Some(d("2025-01-01"));
    let c = coop(vec![kinh.clone(), gone], vec![]);
    assert_eq!(has_minority_member(&c, on()), Some(false));
    // Summary only.
    let mut c = Cooperative::new("s", "S", Kind::Cooperative, Sector::Agriculture);
    assert_eq!(has_minority_member(&c, on()), None);
    c.summary = Some(Summary {
        members_minority: Some(0),
        ..Summary::default()
    });
    assert_eq!(has_minority_member(&c, on()), Some(false));
    c.summary = Some(Summary {
        members_minority: Some(3),
        ..Summary::default()
    });
    assert_eq!(has_minority_member(&c, on()), Some(true));
}

#[test]
fn classify_fills_every_part() {
    let mut c = board(2, 2, 0, F);
    c.circular_type = Some(CircularType::JobCreation);
    c.declared_women_managed = Some(true);
    let r = classify(&c, on());
    assert_eq!(r.cooperative, "htx");
    assert_eq!(r.as_of, on());
    assert_eq!(r.ilo_type, Some(IloType::Worker));
    let rules: Vec<_> = r.women_managed.iter().map(|w| w.rule).collect();
    assert_eq!(rules, WomenManagedRule::ALL);
    let values: Vec<_> = r.women_managed.iter().map(|w| w.value).collect();
    assert_eq!(values, [Some(true), Some(true), None, Some(true)]);
    c.ilo_type = Some(IloType::Consumer);
    assert_eq!(classify(&c, on()).ilo_type, Some(IloType::Consumer));
    let json = serde_json::to_value(classify(&c, on())).unwrap();
    assert_eq!(json["women_managed"][1]["rule"], "management_majority");
    assert_eq!(json["ilo_type"], "consumer");
}

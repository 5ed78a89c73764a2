//! The Quảng Ngãi workshop figures (REFERENCE §1) through the engine, from
//! the example registry (`examples/data/quang-ngai-2024.json`, member-level
//! data built to reproduce them).

use coopkit::indicators::targets::{programme_targets, progress};
use coopkit::indicators::{Dimension, Disaggregation, IndicatorId as I, Query};
use coopkit::{Date, WomenManagedRule};

fn registry() -> coopkit::Registry {
    let text = include_str!("../../../examples/data/quang-ngai-2024.json");
    coopkit::io::registry_from_json(text).expect("the example registry reads")
}

fn as_of() -> Date {
    "2024-10-16".parse().unwrap()
}

#[test]
fn the_five_figures_and_what_follows_from_them() {
    let reg = registry();
    let q = Query::new(as_of()).by([Dimension::Province]);
    let t = reg.indicators(&q).unwrap();
    let g = &[Some("51")];
    let n = |id| t.find(id, g).unwrap().numerator;
    let v = |id| t.find(id, g).unwrap().value.unwrap();
    assert_eq!(n(I::Cooperatives), Some(16));
    assert_eq!(n(I::WomenManaged), Some(16));
    assert_eq!(n(I::Members), Some(396));
    assert_eq!(n(I::MembersFemale), Some(145));
    assert_eq!(n(I::BoardFemale), Some(48));
    assert_eq!(n(I::BoardSeats), Some(66));
    assert_eq!(n(I::CoopsWithMinorityMember), Some(6));
    assert_eq!(n(I::MembersMinority), Some(118));
    // Derived (REFERENCE §1): women ≈ 36 % of members, 3.0 women board
    // members per cooperative, 37.5 % with minority members, parity ≈ 0.57.
    assert_eq!(format!("{:.1}", v(I::MembersFemaleShare)), "36.6");
    assert_eq!(48.0 / n(I::Cooperatives).unwrap() as f64, 3.0);
    assert_eq!(v(I::CoopsWithMinorityMemberShare), 37.5);
    assert_eq!(format!("{:.2}", v(I::MembersGenderParity)), "0.58"); // 145 / 251 with 396 members
    assert_eq!(v(I::WomenManagedShare), 100.0);
    // Every member's sex and ethnic group is known: every cooperative contributes.
    for id in [I::MembersFemale, I::MembersMinority, I::BoardFemale] {
        assert_eq!(t.find(id, g).unwrap().not_contributing, 0, "{id}");
    }
    // The declared rule agrees on this registry.
    let d = reg
        .indicators(&q.clone().rule(WomenManagedRule::Declared))
        .unwrap();
    assert_eq!(d.find(I::WomenManaged, g).unwrap().numerator, Some(16));
}

#[test]
fn members_by_ethnic_group() {
    let t = registry()
        .indicators(
            &Query::new(as_of())
                .ids([I::Members])
                .disaggregate(Disaggregation::EthnicGroup),
        )
        .unwrap();
    let n = |c| t.find_category(I::Members, &[], c).and_then(|r| r.numerator);
    // Kinh 278, Hrê 64, Co 34, Xơ Đăng 20 (examples/data/README.md).
    assert_eq!(
        (n("01"), n("18"), n("30"), n("16")),
        (Some(278), Some(64), Some(34), Some(20))
    );
}

#[test]
fn a_published_table_with_small_cells_suppressed() {
    let q = Query::new(as_of())
        .ids([I::Members, I::MembersFemale])
        .by([Dimension::District])
        .with_totals()
        .min_cell(5);
    let t = registry().indicators(&q).unwrap();
    // The province total is published; some districts are not.
    assert_eq!(t.find(I::MembersFemale, &[None]).unwrap().numerator, Some(145));
    for r in t.rows.iter().filter(|r| !r.suppressed) {
        assert!(r.numerator.is_none_or(|x| x >= 5));
    }
}

#[test]
fn programme_progress_section() {
    let reg = registry();
    for t in programme_targets() {
        let p = progress(&reg, t, as_of(), None, WomenManagedRule::ChairOrDirector).unwrap();
        // Either measured, or a reason why not.
        assert!(p.achieved.is_some() || p.reason.is_some(), "{}", t.id);
    }
}

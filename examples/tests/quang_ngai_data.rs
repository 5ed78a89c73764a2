//! The Quảng Ngãi example data reproduces the figures of the provincial Women's
//! Union workshop (news report of 16 Oct 2024; REFERENCE.md §1), read with the
//! library's own reader and counted by its indicator engine, with one count
//! straight from the JSON text as an independent cross-check.

use coopkit::indicators::{Disaggregation, IndicatorId, Query};
use coopkit::{Kind, Registry, WomenManagedRule};

const DATA: &str = include_str!("../data/quang-ngai-2024.json");
const WORKSHOP: &str = "2024-10-16";

fn registry() -> Registry {
    coopkit::io::registry_from_json(DATA).unwrap_or_else(|e| panic!("the example data is valid: {e}"))
}

/// The numerator of an indicator over the whole registry on the workshop date.
fn count(reg: &Registry, id: IndicatorId, rule: WomenManagedRule) -> u64 {
    let q = Query::new(WORKSHOP.parse().unwrap()).ids([id]).rule(rule);
    let table = reg.indicators(&q).unwrap();
    let row = table.find(id, &[]).unwrap_or_else(|| panic!("no row for {id}"));
    assert_eq!(row.not_contributing, 0, "{id}: every cooperative has the data");
    row.numerator.unwrap_or_else(|| panic!("{id} has a value"))
}

#[test]
fn sixteen_cooperatives_of_province_51_all_declared_women_managed() {
    let reg = registry();
    assert_eq!(reg.len(), 16);
    assert!(reg
        .iter()
        .all(|c| c.kind == Kind::Cooperative && c.province.as_deref() == Some("51")));
    assert_eq!(
        count(&reg, IndicatorId::Cooperatives, WomenManagedRule::default()),
        16
    );
    for rule in [WomenManagedRule::ChairOrDirector, WomenManagedRule::Declared] {
        assert_eq!(count(&reg, IndicatorId::WomenManaged, rule), 16, "{rule:?}");
    }
}

#[test]
fn nearly_four_hundred_members_145_of_them_women() {
    let reg = registry();
    let rule = WomenManagedRule::default();
    let total = count(&reg, IndicatorId::Members, rule);
    let female = count(&reg, IndicatorId::MembersFemale, rule);
    assert!((390..=399).contains(&total), "{total} is not 'nearly 400'");
    assert_eq!(total, 396);
    assert_eq!(female, 145);
    assert!(
        2 * female < total,
        "women are a minority of members in the report"
    );
}

#[test]
fn forty_eight_women_on_the_boards() {
    let reg = registry();
    let rule = WomenManagedRule::default();
    assert_eq!(count(&reg, IndicatorId::BoardFemale, rule), 48);
    assert_eq!(
        count(&reg, IndicatorId::BoardSeats, rule),
        66,
        "men sit on the boards too"
    );
}

#[test]
fn six_cooperatives_have_an_ethnic_minority_member() {
    let reg = registry();
    let rule = WomenManagedRule::default();
    assert_eq!(count(&reg, IndicatorId::CoopsWithMinorityMember, rule), 6);
    // The classifier agrees, cooperative by cooperative: the six mountain ones.
    let with: Vec<String> = reg
        .iter()
        .filter(|c| coopkit::classify(c, WORKSHOP.parse().unwrap()).has_minority_member == Some(true))
        .map(|c| c.id)
        .collect();
    assert_eq!(with, ["QN01", "QN02", "QN03", "QN04", "QN05", "QN06"]);
}

#[test]
fn members_by_ethnic_group() {
    let reg = registry();
    let q = Query::new(WORKSHOP.parse().unwrap())
        .ids([IndicatorId::Members])
        .disaggregate(Disaggregation::EthnicGroup);
    let table = reg.indicators(&q).unwrap();
    let n = |code| {
        table
            .find_category(IndicatorId::Members, &[], code)
            .and_then(|r| r.numerator)
    };
    // Kinh 278, Xơ Đăng 20, Hrê 64, Co 34 (examples/data/README.md): all 396.
    assert_eq!(
        [n("01"), n("16"), n("18"), n("30")],
        [Some(278), Some(20), Some(64), Some(34)]
    );
    assert_eq!(
        278 + 20 + 64 + 34,
        count(&reg, IndicatorId::Members, WomenManagedRule::default())
    );
    assert_eq!(
        count(&reg, IndicatorId::MembersMinority, WomenManagedRule::default()),
        118
    );
}

/// Independent of the library: members and women members counted in the raw
/// JSON, so that a reader bug that drops or invents members cannot hide.
#[test]
fn raw_json_counts_agree_with_the_reader() {
    let v: serde_json::Value = serde_json::from_str(DATA).expect("valid JSON");
    let coops = v["cooperatives"].as_array().expect("a cooperatives list");
    let members: Vec<&serde_json::Value> = coops
        .iter()
        .flat_map(|c| c["members"].as_array().expect("member lists"))
        .collect();
    let female = members.iter().filter(|m| m["sex"] == "female").count();
    let minority_coops = coops
        .iter()
        .filter(|c| {
            c["members"]
                .as_array()
                .unwrap()
                .iter()
                .any(|m| m["ethnicity"] != "01")
        })
        .count();
    assert_eq!(
        (coops.len(), members.len(), female, minority_coops),
        (16, 396, 145, 6)
    );

    let reg = registry();
    let rule = WomenManagedRule::default();
    assert_eq!(reg.len(), coops.len());
    assert_eq!(count(&reg, IndicatorId::Members, rule), members.len() as u64);
    assert_eq!(count(&reg, IndicatorId::MembersFemale, rule), female as u64);
}

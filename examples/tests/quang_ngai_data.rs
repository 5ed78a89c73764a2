//! The Quảng Ngãi example data reproduces the figures of the provincial Women's
//! Union workshop (news report of 16 Oct 2024; REFERENCE.md §1).
//!
//! Reads the JSON as untyped `serde_json::Value` for now; to be switched to the
//! library's own reader.

use serde_json::Value;
use std::collections::HashMap;

const DATA: &str = include_str!("../data/quang-ngai-2024.json");

fn cooperatives() -> Vec<Value> {
    let v: Value = serde_json::from_str(DATA).expect("quang-ngai-2024.json is valid JSON");
    v["cooperatives"]
        .as_array()
        .expect("top level has a cooperatives list")
        .clone()
}

fn members(c: &Value) -> &Vec<Value> {
    c["members"]
        .as_array()
        .expect("every cooperative has a member list")
}

fn is_female(m: &Value) -> bool {
    m["sex"].as_str() == Some("female")
}

#[test]
fn sixteen_cooperatives_all_declared_women_managed() {
    let coops = cooperatives();
    assert_eq!(coops.len(), 16);
    assert!(coops
        .iter()
        .all(|c| c["declared_women_managed"] == Value::Bool(true)));
    assert!(coops
        .iter()
        .all(|c| c["kind"] == "cooperative" && c["province"] == "51"));
}

#[test]
fn nearly_four_hundred_members_145_of_them_women() {
    let coops = cooperatives();
    let total: usize = coops.iter().map(|c| members(c).len()).sum();
    let female = coops.iter().flat_map(members).filter(|m| is_female(m)).count();
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
    let mut seats = 0;
    let mut female_seats = 0;
    for c in cooperatives() {
        let sex: HashMap<&str, bool> = members(&c)
            .iter()
            .map(|m| (m["id"].as_str().unwrap_or(""), is_female(m)))
            .collect();
        for p in c["positions"].as_array().into_iter().flatten() {
            if matches!(p["role"].as_str(), Some("board_chair" | "board_member")) {
                seats += 1;
                let id = p["member"].as_str().expect("board seats are held by members");
                if *sex
                    .get(id)
                    .expect("board seat points at a member of the cooperative")
                {
                    female_seats += 1;
                }
            }
        }
    }
    assert_eq!(female_seats, 48);
    assert!(seats > female_seats, "men sit on the boards too");
}

#[test]
fn six_cooperatives_have_an_ethnic_minority_member() {
    let coops = cooperatives();
    let with_minority = coops
        .iter()
        .filter(|c| {
            members(c)
                .iter()
                .any(|m| m["ethnicity"].as_str().expect("ethnicity known") != "01")
        })
        .count();
    assert_eq!(with_minority, 6);
}

//! Structure-aware: registries built from a small vocabulary of valid and
//! nearly valid values, so most records pass validation and reach the
//! rules. On every cooperative that loads:
//! - the findings do not depend on the order of the members;
//! - a woman joining never lowers the female share of members;
//! - lenient loading accounts for every record.
#![no_main]
use coopkit::indicators::{IndicatorId, Query};
use coopkit::io;
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use serde_json::{json, Map, Value};

const DATES: [&str; 8] = [
    "1950-01-01",
    "2006-07-01",
    "2006-07-02",
    "2013-07-01",
    "2024-06-30",
    "2024-07-01",
    "2024-11-01",
    "2025-07-01",
];

fn pick<'a>(u: &mut Unstructured, list: &[&'a str]) -> Result<&'a str> {
    Ok(list[u.choose_index(list.len())?])
}

fn maybe(u: &mut Unstructured, map: &mut Map<String, Value>, key: &str, list: &[&str]) -> Result<()> {
    if u.ratio(1, 2)? {
        map.insert(key.into(), Value::from(pick(u, list)?));
    }
    Ok(())
}

fn maybe_bool(u: &mut Unstructured, map: &mut Map<String, Value>, key: &str) -> Result<()> {
    if u.ratio(2, 3)? {
        map.insert(key.into(), Value::from(u.arbitrary::<bool>()?));
    }
    Ok(())
}

fn member(u: &mut Unstructured) -> Result<Value> {
    let mut m = Map::new();
    m.insert("id".into(), format!("m{}", u.int_in_range(0..=15u8)?).into());
    m.insert(
        "type".into(),
        pick(
            u,
            &[
                "individual",
                "individual",
                "household",
                "legal_entity",
                "cooperative",
                "cooperative_group",
                "foreign_invested_org",
            ],
        )?
        .into(),
    );
    maybe(u, &mut m, "sex", &["female", "male"])?;
    maybe(u, &mut m, "birth_date", &DATES)?;
    maybe(u, &mut m, "ethnicity", &["01", "02", "Kinh", "Ê Đê"])?;
    maybe(u, &mut m, "nationality", &["VN", "FR", "kr"])?;
    maybe_bool(u, &mut m, "investment_certificate")?;
    maybe_bool(u, &mut m, "contributes_capital")?;
    maybe_bool(u, &mut m, "uses_services")?;
    maybe_bool(u, &mut m, "contributes_labour")?;
    maybe(
        u,
        &mut m,
        "kind",
        &["official", "associate_capital", "associate_noncapital"],
    )?;
    if u.ratio(1, 2)? {
        m.insert(
            "capital_vnd".into(),
            (u.int_in_range(0..=40u64)? * 1_000_000).into(),
        );
    }
    maybe(u, &mut m, "joined", &DATES)?;
    maybe(u, &mut m, "left", &DATES)?;
    Ok(Value::Object(m))
}

fn position(u: &mut Unstructured) -> Result<Value> {
    let mut p = Map::new();
    p.insert(
        "role".into(),
        pick(
            u,
            &[
                "board_chair",
                "board_member",
                "director",
                "deputy_director",
                "supervisory_head",
                "supervisory_member",
                "controller",
                "chief_accountant",
            ],
        )?
        .into(),
    );
    if u.ratio(3, 4)? {
        p.insert("member".into(), format!("m{}", u.int_in_range(0..=15u8)?).into());
    } else {
        maybe(u, &mut p, "sex", &["female", "male"])?;
    }
    maybe(u, &mut p, "start", &DATES)?;
    maybe(u, &mut p, "end", &DATES)?;
    Ok(Value::Object(p))
}

fn cooperative(u: &mut Unstructured, i: usize) -> Result<Value> {
    let mut c = Map::new();
    let id = if u.ratio(1, 8)? {
        "c0".to_owned()
    } else {
        format!("c{i}")
    };
    c.insert("id".into(), id.into());
    c.insert("name".into(), "HTX".into());
    c.insert(
        "kind".into(),
        pick(u, &["cooperative", "cooperative", "cooperative_group", "union"])?.into(),
    );
    c.insert(
        "sector".into(),
        pick(u, &["agriculture", "industry_construction", "trade_services"])?.into(),
    );
    maybe(u, &mut c, "province", &["51", "52", "01"])?;
    maybe(u, &mut c, "established", &DATES)?;
    for key in ["charter_capital_vnd", "total_capital_vnd", "annual_revenue_vnd"] {
        if u.ratio(1, 2)? {
            c.insert(key.into(), (u.int_in_range(0..=200u64)? * 1_000_000).into());
        }
    }
    maybe(u, &mut c, "governance", &["full", "simplified"])?;
    maybe(u, &mut c, "general_meeting", &["plenary", "delegates"])?;
    maybe(
        u,
        &mut c,
        "ilo_type",
        &["producer", "consumer", "worker", "multi_stakeholder"],
    )?;
    maybe_bool(u, &mut c, "declared_women_managed")?;
    if u.ratio(7, 8)? {
        let n = u.int_in_range(0..=12usize)?;
        let members: Result<Vec<Value>> = (0..n).map(|_| member(u)).collect();
        c.insert("members".into(), Value::Array(members?));
    }
    if u.ratio(3, 4)? {
        let n = u.int_in_range(0..=6usize)?;
        let positions: Result<Vec<Value>> = (0..n).map(|_| position(u)).collect();
        c.insert("positions".into(), Value::Array(positions?));
    }
    if u.ratio(1, 4)? {
        let mut s = Map::new();
        for key in [
            "members",
            "members_female",
            "official_members",
            "board_seats",
            "board_female",
        ] {
            if u.ratio(1, 2)? {
                s.insert(key.into(), u.int_in_range(0..=12u32)?.into());
            }
        }
        c.insert("summary".into(), Value::Object(s));
    }
    Ok(Value::Object(c))
}

/// (rule, subject, status) of every finding, sorted.
fn outcome(coop: &coopkit::Cooperative, as_of: coopkit::Date) -> Vec<String> {
    let mut all = Vec::new();
    for law in coopkit::LawChoice::ALL {
        for f in coopkit::check(coop, law, as_of).findings {
            all.push(serde_json::to_string(&(f.rule, &f.subject, f.status, &f.measured)).unwrap());
        }
    }
    all.sort();
    all
}

fn female_share(value: &Value, as_of: coopkit::Date) -> Option<(u64, u64)> {
    let reg = io::registry_from_values(std::slice::from_ref(value)).ok()?;
    let t = reg
        .indicators(&Query::new(as_of).ids([IndicatorId::MembersFemaleShare]))
        .ok()?;
    let row = t.rows.first()?;
    Some((row.numerator?, row.denominator?))
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(n) = u.int_in_range(1..=4usize) else { return };
    let Ok(records) = (0..n).map(|i| cooperative(&mut u, i)).collect::<Result<Vec<_>>>() else {
        return;
    };
    let as_of: coopkit::Date = DATES[u.choose_index(DATES.len()).unwrap_or(5)].parse().unwrap();

    let loaded = io::registry_from_values_lenient(&records);
    assert_eq!(
        loaded.registry.len() + loaded.rejected.len(),
        records.len(),
        "records lost or invented"
    );
    coopkit_fuzz::round_trips(&loaded.registry);
    coopkit_fuzz::every_call(&loaded.registry, data.first().copied().unwrap_or(0));

    for (i, record) in records.iter().enumerate() {
        let Ok(coop) = io::cooperative_from_value(record) else {
            continue;
        };
        if let Some(Value::Array(members)) = record.get("members") {
            let mut reversed = record.clone();
            let mut back = members.clone();
            back.reverse();
            reversed["members"] = Value::Array(back);
            let other =
                io::cooperative_from_value(&reversed).expect("the same members in another order load");
            assert_eq!(
                outcome(&coop, as_of),
                outcome(&other, as_of),
                "record {i}: findings depend on member order"
            );

            if record.get("summary").is_none() {
                let mut joined = record.clone();
                let mut more = members.clone();
                more.push(json!({"id": "new-woman", "type": "individual", "sex": "female",
                                 "contributes_capital": true, "uses_services": true}));
                joined["members"] = Value::Array(more);
                if let (Some((n0, d0)), Some((n1, d1))) =
                    (female_share(record, as_of), female_share(&joined, as_of))
                {
                    assert!(
                        n1 * d0 >= n0 * d1,
                        "record {i}: a woman joining lowered the female share"
                    );
                }
            }
        }
    }
});

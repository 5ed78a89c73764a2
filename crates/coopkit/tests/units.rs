//! Administrative units with dates: names, checks on read, and a 2024
//! registry put onto 2026 units.
//!
//! The fixture's codes other than 51 are made up for the test (the new codes
//! of Decision 19/2025 are not confirmed in REFERENCE); they are not
//! official codes.

use coopkit::indicators::{Dimension, IndicatorId as I, Query};
use coopkit::io::ReadOptions;
use coopkit::units::{Level, Units};
use coopkit::{Cooperative, Date, InputErrorCode, Kind, Registry, Sector, Summary};

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

/// Old Quảng Ngãi (51) and Kon Tum (KT) with districts and communes until
/// 30 Jun 2025; from 1 Jul 2025 the new Quảng Ngãi (QN) with its communes.
/// C2 and C3 were merged into N2; C4 was divided between N4 and N5.
const FIXTURE: &str = "\
code,name,level,kind,parent,valid_from,valid_to,successors,source
KT,Kon Tum,province,tinh,,,2025-06-30,QN,test fixture
QN,Quảng Ngãi,province,tinh,,2025-07-01,,,test fixture
H1,Ba Tơ,district,huyen,51,,2025-06-30,,test fixture
H2,Sa Thầy,district,huyen,KT,,2025-06-30,,test fixture
C1,Ba Tơ,commune,thi_tran,H1,,2025-06-30,N1,test fixture
C2,Ba Động,commune,xa,H1,,2025-06-30,N2,test fixture
C3,Ba Cung,commune,xa,H1,,2025-06-30,N2,test fixture
C4,Ba Thành,commune,xa,H1,,2025-06-30,N4;N5,test fixture
K1,Sa Thầy,commune,thi_tran,H2,,2025-06-30,N3,test fixture
N1,Ba Tơ,commune,xa,QN,2025-07-01,,,test fixture
N2,Ba Động,commune,xa,QN,2025-07-01,,,test fixture
N3,Sa Thầy,commune,xa,QN,2025-07-01,,,test fixture
N4,Ba Vinh,commune,xa,QN,2025-07-01,,,test fixture
N5,Ba Xa,commune,xa,QN,2025-07-01,,,test fixture
";

fn units() -> Units {
    // Old 51 is built in; its successor is the fixture's QN.
    let old_51 = "code,name,level,kind,valid_to,successors,source\n51,Quảng Ngãi,province,tinh,2025-06-30,QN,test fixture\n";
    Units::builtin()
        .overlay(&Units::from_csv_str(FIXTURE).unwrap())
        .overlay(&Units::from_csv_str(old_51).unwrap())
}

fn coop(id: &str, province: &str, district: &str, commune: &str, members: u32, women: u32) -> Cooperative {
    let mut c = Cooperative::new(id, "HTX", Kind::Cooperative, Sector::Agriculture);
    c.province = Some(province.into());
    c.district = Some(district.into());
    c.commune = Some(commune.into());
    c.summary = Some(Summary {
        members: Some(members),
        members_female: Some(women),
        ..Summary::default()
    });
    c
}

fn registry_2024() -> Registry {
    Registry::from_cooperatives(vec![
        coop("a", "51", "H1", "C1", 10, 4),
        coop("b", "51", "H1", "C2", 20, 9),
        coop("c", "51", "H1", "C3", 7, 7),
        coop("d", "KT", "H2", "K1", 12, 5),
        coop("e", "51", "H1", "C4", 9, 3),
    ])
    .unwrap()
}

#[test]
fn the_built_in_table_holds_only_what_is_confirmed() {
    let b = Units::builtin();
    assert_eq!(b.len(), 1);
    assert_eq!(b.name(Level::Province, "51", d("2025-06-30")), Some("Quảng Ngãi"));
    // Until 30 Jun 2025, and not after: the new codes are loaded by the user.
    assert_eq!(b.find(Level::Province, "51", d("2025-07-01")), None);
    assert!(b.entries()[0].source.contains("124/2004"));
}

#[test]
fn names_are_those_of_the_units_valid_on_each_date() {
    let u = units();
    assert_eq!(u.name(Level::Commune, "C2", d("2025-06-30")), Some("Ba Động"));
    assert_eq!(u.name(Level::Commune, "C2", d("2025-07-01")), None);
    assert_eq!(u.name(Level::Commune, "N2", d("2025-07-01")), Some("Ba Động"));
    assert!(u.covers(Level::District, d("2025-06-30")));
    assert!(!u.covers(Level::District, d("2025-07-01")));
    // In an indicator table, beside the codes.
    let t = registry_2024()
        .indicators(
            &Query::new(d("2024-12-31"))
                .ids([I::Members])
                .by([Dimension::Province, Dimension::Commune])
                .units(u),
        )
        .unwrap();
    let row = t.find(I::Members, &[Some("KT"), Some("K1")]).unwrap();
    assert_eq!(
        row.names,
        vec![
            (Dimension::Province, Some("Kon Tum".into())),
            (Dimension::Commune, Some("Sa Thầy".into()))
        ]
    );
    let json: serde_json::Value = serde_json::from_str(&t.to_json()).unwrap();
    assert_eq!(json["rows"][0]["province_name"], "Quảng Ngãi");
    let names: Vec<&str> = t.columns().named().into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        &names[..4],
        ["province", "province_name", "commune", "commune_name"]
    );
}

#[test]
fn a_2024_registry_on_2026_units_keeps_its_counts() {
    let reg = registry_2024();
    let (on_2026, r) = reg.on_units(&units(), d("2024-12-31"), d("2026-01-01")).unwrap();
    assert_eq!(on_2026.len(), reg.len(), "no cooperative dropped");
    // Every province is the new Quảng Ngãi; districts are gone; C4 was divided.
    assert!(on_2026
        .iter()
        .all(|c| c.province.as_deref() == Some("QN") && c.district.is_none()));
    let communes: Vec<Option<String>> = on_2026.iter().map(|c| c.commune).collect();
    assert_eq!(
        communes,
        [Some("N1"), Some("N2"), Some("N2"), Some("N3"), Some("C4")].map(|c| c.map(String::from))
    );
    assert_eq!(r.districts_removed, 5);
    assert_eq!(r.unmapped.len(), 1);
    let u = &r.unmapped[0];
    assert_eq!((u.index, u.id.as_str(), u.field), (4, "e", "commune"));
    assert!(u.reason.en.contains("divided among 2 units"));
    assert!(u.reason.vi.contains("chưa rõ thuộc đơn vị nào"));
    // The counts are unchanged: the old provinces' totals are the new one's.
    let q = |on: &str| {
        Query::new(d(on))
            .ids([I::Cooperatives, I::Members, I::MembersFemale])
            .by([Dimension::Province])
    };
    let before = reg.indicators(&q("2024-12-31")).unwrap();
    let after = on_2026.indicators(&q("2026-01-01")).unwrap();
    for id in [I::Cooperatives, I::Members, I::MembersFemale] {
        let sum: u64 = [Some("51"), Some("KT")]
            .iter()
            .map(|p| before.find(id, &[*p]).unwrap().numerator.unwrap())
            .sum();
        assert_eq!(
            after.find(id, &[Some("QN")]).unwrap().numerator,
            Some(sum),
            "{id}"
        );
    }
    // Merged communes are counted together.
    let by_commune = on_2026
        .indicators(&q("2026-01-01").by([Dimension::Commune]))
        .unwrap();
    assert_eq!(
        by_commune.find(I::Members, &[Some("N2")]).unwrap().numerator,
        Some(27)
    );
}

#[test]
fn on_either_side_of_1_july_2025() {
    let reg = registry_2024();
    let u = units();
    // The same day: nothing changes.
    let (same, r) = reg.on_units(&u, d("2025-06-30"), d("2025-06-30")).unwrap();
    assert_eq!((r.changed, r.districts_removed, r.unmapped.len()), (0, 0, 0));
    assert_eq!(
        same.iter().map(|c| c.commune).collect::<Vec<_>>(),
        reg.iter().map(|c| c.commune).collect::<Vec<_>>()
    );
    // The next day: the new units.
    let (_, r) = reg.on_units(&u, d("2025-06-30"), d("2025-07-01")).unwrap();
    assert_eq!(r.districts_removed, 5);
    assert_eq!(r.unmapped.len(), 1);
}

#[test]
fn codes_not_valid_on_the_registry_date_are_located_errors() {
    let json = r#"{"cooperatives": [
        {"id": "a", "name": "HTX A", "kind": "cooperative", "sector": "agriculture", "province": "51", "commune": "C1"},
        {"id": "b", "name": "HTX B", "kind": "cooperative", "sector": "agriculture", "province": "51", "commune": "N1"},
        {"id": "c", "name": "HTX C", "kind": "cooperative", "sector": "farming"},
        {"id": "d", "name": "HTX D", "kind": "cooperative", "sector": "agriculture", "province": "Kon Tum"}
    ]}"#;
    // Without a unit table: accepted as they are (the bad sector aside).
    let loaded = ReadOptions::new().lenient(true).read_json(json).unwrap();
    assert_eq!(loaded.registry.len(), 3);
    // With one, on a 2024 date: N1 is a 2025 code, "Kon Tum" no code at all.
    let opts = ReadOptions::new().units(units(), d("2024-10-16"));
    let err = opts.read_json(json).unwrap_err();
    let errors: Vec<(&str, InputErrorCode)> = err
        .input_errors()
        .iter()
        .map(|e| (e.path.as_str(), e.code))
        .collect();
    assert_eq!(
        errors,
        [("cooperatives[2].sector", InputErrorCode::InvalidValue)],
        "the decode errors first fail a strict read"
    );
    let fixed = json.replace("farming", "agriculture");
    let err = opts.read_json(&fixed).unwrap_err();
    let paths: Vec<&str> = err.input_errors().iter().map(|e| e.path.as_str()).collect();
    assert_eq!(paths, ["cooperatives[1].commune", "cooperatives[3].province"]);
    let text = err.to_string();
    assert!(
        !text.contains("N1") && !text.contains("Kon Tum"),
        "codes are never echoed: {text}"
    );
    assert!(text.contains("not valid on 2024-10-16"), "{text}");
    // Lenient: those cooperatives are rejected with their input positions.
    let loaded = ReadOptions::new()
        .lenient(true)
        .units(units(), d("2024-10-16"))
        .read_json(json)
        .unwrap();
    assert_eq!(loaded.registry.iter().map(|c| c.id).collect::<Vec<_>>(), ["a"]);
    let rejected: Vec<usize> = loaded.rejected.iter().map(|r| r.index).collect();
    assert_eq!(rejected, [1, 2, 3]);
    // On a 2026 date N1 is valid and C1 is not.
    let err = ReadOptions::new()
        .units(units(), d("2026-01-01"))
        .read_json(&fixed)
        .unwrap_err();
    let paths: Vec<&str> = err.input_errors().iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "cooperatives[0].province",
            "cooperatives[0].commune",
            "cooperatives[1].province",
            "cooperatives[3].province"
        ]
    );
}

#[test]
fn a_bad_unit_table_reports_every_problem() {
    let csv = "code,name,level,kind,valid_from,valid_to,successors,colour\n\
               X1,Xã Một,village,xa,,,,red\n\
               X2,,commune,hamlet,2025-13-01,,,\n\
               X3,Xã Ba,commune,xa,2025-07-01,2025-01-01,,\n\
               X4,Xã Bốn,commune,xa,,,X5,\n\
               X6,Xã Sáu,commune,xa,2020-01-01,,,\n\
               X6,Xã Sáu B,commune,xa,2024-01-01,,,\n";
    let err = Units::from_csv_str(csv).unwrap_err();
    let got: Vec<(&str, InputErrorCode)> = err
        .input_errors()
        .iter()
        .map(|e| (e.path.as_str(), e.code))
        .collect();
    for want in [
        ("units.csv:1[7]", InputErrorCode::UnknownField),
        ("units.csv:2.level", InputErrorCode::InvalidValue),
        ("units.csv:3.name", InputErrorCode::MissingField),
        ("units.csv:3.kind", InputErrorCode::InvalidValue),
        ("units.csv:3.valid_from", InputErrorCode::InvalidDate),
        ("units.csv:4.valid_to", InputErrorCode::Inconsistent),
        ("units.csv:5.successors", InputErrorCode::Inconsistent),
        ("units.csv:7.code", InputErrorCode::DuplicateId),
    ] {
        assert!(got.contains(&want), "{want:?} not in {got:?}");
    }
    let text = err.to_string();
    for typed in ["village", "hamlet", "2025-13-01", "red", "Xã"] {
        assert!(!text.contains(typed), "{typed} echoed: {text}");
    }
}

//! Size classes: Decree 113/2024/NĐ-CP from 1 Nov 2024, Circular 01/2020/TT-BKHĐT before,
//! checked at the exact boundaries.

mod common;

use common::{assert_contains, d};
use coopkit::classify::{size_class, SizeClassResult, SizeStatus};
use coopkit::{
    Cooperative, Date, Kind, Member, MemberKind, MemberType, Parameters, Sector, SizeClass, Summary,
};

const BN: u64 = 1_000_000_000;

fn after() -> Date {
    d("2025-03-01")
}

/// A cooperative whose member list holds `official` official members and
/// `unknown` members of unknown kind.
fn coop(sector: Sector, official: usize, unknown: usize) -> Cooperative {
    let mut c = Cooperative::new("htx", "HTX", Kind::Cooperative, sector);
    let mut ms = Vec::new();
    for i in 0..official {
        let mut m = Member::new(format!("o{i}"), MemberType::Individual);
        m.contributes_capital = Some(true);
        m.uses_services = Some(true);
        ms.push(m);
    }
    for i in 0..unknown {
        ms.push(Member::new(format!("u{i}"), MemberType::Individual));
    }
    c.members = Some(ms);
    c
}

fn with_money(mut c: Cooperative, revenue: Option<u64>, capital: Option<u64>) -> Cooperative {
    c.annual_revenue_vnd = revenue;
    c.total_capital_vnd = capital;
    c
}

fn size(c: &Cooperative, on: Date) -> SizeClassResult {
    size_class(Parameters::builtin(), c, on)
}

fn class(c: &Cooperative, on: Date) -> Option<SizeClass> {
    size(c, on).class
}

#[test]
fn builtin_table_holds_the_confirmed_thresholds_only() {
    let p = Parameters::builtin();
    let v = |id: &str| p.get(id, None, after()).map(|p| p.value);
    assert_eq!(v("size.d113.agriculture.large.members"), Some(300));
    assert_eq!(v("size.d113.agriculture.large.revenue_vnd"), Some(50 * BN));
    assert_eq!(v("size.d113.agriculture.large.capital_vnd"), Some(10 * BN));
    assert_eq!(v("size.d113.agriculture.medium.members"), Some(200));
    assert_eq!(v("size.d113.agriculture.medium.revenue_vnd"), Some(10 * BN));
    assert_eq!(v("size.d113.agriculture.medium.capital_vnd"), Some(5 * BN));
    assert_eq!(v("size.d113.agriculture.small.members"), Some(50));
    assert_eq!(v("size.d113.agriculture.small.revenue_vnd"), Some(2 * BN));
    assert_eq!(v("size.d113.agriculture.small.capital_vnd"), Some(BN));
    assert_eq!(v("size.d113.industry_construction.large.members"), Some(100));
    assert_eq!(
        v("size.d113.industry_construction.large.revenue_vnd"),
        Some(80 * BN)
    );
    assert_eq!(
        v("size.d113.industry_construction.large.capital_vnd"),
        Some(20 * BN)
    );
    // Unconfirmed thresholds are not built in.
    assert_eq!(v("size.d113.industry_construction.medium.members"), None);
    assert_eq!(v("size.d113.industry_construction.small.members"), None);
    assert!(p
        .entries()
        .iter()
        .all(|e| !e.id.starts_with("size.d113.trade_services")));
    assert_eq!(p.get("size.c01.medium.capital_vnd", None, d("2022-01-01")), None);
    // Neither table is in force outside its period; neither belongs to a law.
    assert_eq!(
        p.get("size.d113.agriculture.large.members", None, d("2024-10-31")),
        None
    );
    assert_eq!(p.get("size.c01.small.members", None, d("2024-11-01")), None);
    assert_eq!(p.get("size.c01.small.members", None, d("2020-03-31")), None);
    assert_eq!(
        p.get("size.c01.small.members", None, d("2020-04-01"))
            .map(|p| p.value),
        Some(50)
    );
    assert!(p
        .entries()
        .iter()
        .filter(|e| e.id.starts_with("size."))
        .all(|e| e.law.is_none()));
}

#[test]
fn decree_113_agriculture_members_boundary_300() {
    let rev = Some(50 * BN);
    assert_eq!(
        class(&with_money(coop(Sector::Agriculture, 300, 0), rev, None), after()),
        Some(SizeClass::Large)
    );
    // 299 official members: not large, but medium (≥ 200 and revenue ≥ 10 bn).
    assert_eq!(
        class(&with_money(coop(Sector::Agriculture, 299, 0), rev, None), after()),
        Some(SizeClass::Medium)
    );
}

#[test]
fn decree_113_agriculture_revenue_boundary_50_bn() {
    // Revenue one đồng short, capital known below 10 bn: medium.
    let c = with_money(coop(Sector::Agriculture, 300, 0), Some(50 * BN - 1), Some(0));
    assert_eq!(class(&c, after()), Some(SizeClass::Medium));
    // Revenue one đồng short and capital unknown: capital could still make it large.
    let c = with_money(coop(Sector::Agriculture, 300, 0), Some(50 * BN - 1), None);
    let r = size(&c, after());
    assert_eq!(r.class, None);
    assert_contains(&r.reason.en, "total capital (total_capital_vnd)");
    assert_eq!(
        (r.status, r.missing.as_slice()),
        (SizeStatus::DataMissing, &["total_capital_vnd".to_owned()][..])
    );
    assert_contains(&r.reason.en, "at least medium");
    assert_contains(&r.reason.vi, "tổng nguồn vốn");
}

#[test]
fn decree_113_agriculture_capital_boundary_10_bn() {
    let c = with_money(coop(Sector::Agriculture, 300, 0), Some(0), Some(10 * BN));
    assert_eq!(class(&c, after()), Some(SizeClass::Large));
    let c = with_money(coop(Sector::Agriculture, 300, 0), Some(0), Some(10 * BN - 1));
    assert_eq!(class(&c, after()), Some(SizeClass::Medium));
    // Revenue unknown, capital meets: the OR is met.
    let c = with_money(coop(Sector::Agriculture, 300, 0), None, Some(10 * BN));
    assert_eq!(class(&c, after()), Some(SizeClass::Large));
}

#[test]
fn decree_113_small_and_micro() {
    let c = with_money(coop(Sector::Agriculture, 50, 0), Some(2 * BN), None);
    assert_eq!(class(&c, after()), Some(SizeClass::Small));
    let c = with_money(coop(Sector::Agriculture, 49, 0), Some(100 * BN), Some(100 * BN));
    assert_eq!(class(&c, after()), Some(SizeClass::Micro));
    let c = with_money(coop(Sector::Agriculture, 50, 0), Some(2 * BN - 1), Some(BN - 1));
    assert_eq!(class(&c, after()), Some(SizeClass::Micro));
    // Members below every small threshold settle micro without any money data.
    let r = size(&with_money(coop(Sector::Agriculture, 12, 0), None, None), after());
    assert_eq!(r.class, Some(SizeClass::Micro));
    assert_contains(&r.reason.en, "12 official members");
    assert_contains(&r.reason.vi, "siêu nhỏ");
}

#[test]
fn reason_states_values_and_thresholds_in_both_languages() {
    let c = with_money(coop(Sector::Agriculture, 300, 0), Some(50 * BN), None);
    let r = size(&c, after());
    assert_eq!(r.basis, "Decree 113/2024/NĐ-CP, Art. 5");
    assert!(
        r.reason
            .en
            .starts_with("large under Decree 113/2024/NĐ-CP, Art. 5"),
        "{}",
        r.reason.en
    );
    assert_contains(&r.reason.en, "300 official members");
    assert_contains(&r.reason.en, "annual revenue 50,000,000,000 VND");
    assert_contains(&r.reason.en, "official members ≥ 300");
    assert_contains(&r.reason.en, ": met");
    assert!(
        r.reason
            .vi
            .starts_with("quy mô lớn theo Nghị định 113/2024/NĐ-CP"),
        "{}",
        r.reason.vi
    );
    assert_contains(&r.reason.vi, "doanh thu năm 50.000.000.000 đồng");
    let c = with_money(coop(Sector::Agriculture, 299, 0), Some(50 * BN), None);
    let r = size(&c, after());
    assert_contains(&r.reason.en, "large (official members ≥ 300");
    assert_contains(&r.reason.en, "): not met; medium");
    assert_contains(&r.reason.vi, "không đạt");
}

#[test]
fn switch_from_circular_to_decree_on_1_november_2024() {
    let c = with_money(coop(Sector::Agriculture, 300, 0), Some(50 * BN), None);
    let before = size(&c, d("2024-10-31"));
    assert_eq!(before.basis, "Circular 01/2020/TT-BKHĐT");
    assert_eq!(before.class, Some(SizeClass::Small)); // 300 members: small band 50–300
    let on = size(&c, d("2024-11-01"));
    assert_eq!(on.basis, "Decree 113/2024/NĐ-CP, Art. 5");
    assert_eq!(on.class, Some(SizeClass::Large));
}

/// A table of its own (no built-in rows): Circular 01 member bands until
/// `switch`, Decree 113 agriculture thresholds (the built-in values) from it.
fn table_switching_on(switch: &str) -> Parameters {
    let mut t = String::new();
    for (class, members) in [("small", 50), ("medium", 301), ("large", 1001)] {
        t.push_str(&format!(
            "[[parameter]]\nid = \"size.c01.{class}.members\"\nstart = \"2020-04-01\"\nend = \"{switch}\"\n\
             value = {members}\nunit = \"count\"\ncitation = \"Circular 01/2020/TT-BKHĐT\"\n"
        ));
    }
    t.push_str(&d113_rows(
        "agriculture",
        switch,
        "Decree 113/2024/NĐ-CP, Art. 5",
        [(300, 50, 10), (200, 10, 5), (50, 2, 1)],
    ));
    Parameters::from_toml_str(&t).unwrap()
}

/// Parameter-table rows of Decree 113 thresholds for `sector` from `start`:
/// (official members, revenue in bn đồng, capital in bn đồng) of the large,
/// medium and small classes.
fn d113_rows(sector: &str, start: &str, citation: &str, classes: [(u64, u64, u64); 3]) -> String {
    let mut t = String::new();
    for (class, (m, r, c)) in ["large", "medium", "small"].into_iter().zip(classes) {
        for (what, unit, v) in [
            ("members", "count", m),
            ("revenue_vnd", "vnd", r * BN),
            ("capital_vnd", "vnd", c * BN),
        ] {
            t.push_str(&format!(
                "[[parameter]]\nid = \"size.d113.{sector}.{class}.{what}\"\nstart = \"{start}\"\n\
                 value = {v}\nunit = \"{unit}\"\ncitation = \"{citation}\"\n"
            ));
        }
    }
    t
}

#[test]
fn the_instrument_follows_the_dates_of_the_parameter_table() {
    // 300 official members and 50 bn đồng of revenue: small under the
    // Circular (50–300 members), large under the Decree.
    let c = with_money(coop(Sector::Agriculture, 300, 0), Some(50 * BN), None);
    let p = table_switching_on("2025-01-01");
    // The built-in table would use the Decree on 2024-12-31; this one does not.
    let r = size_class(&p, &c, d("2024-12-31"));
    assert_eq!(r.basis, "Circular 01/2020/TT-BKHĐT");
    assert_eq!(r.class, Some(SizeClass::Small));
    let r = size_class(&p, &c, d("2025-01-01"));
    assert_eq!(r.basis, "Decree 113/2024/NĐ-CP, Art. 5");
    assert_eq!(r.class, Some(SizeClass::Large));
    // Before the table's first size parameter: not determinable, saying from when.
    let r = size_class(&p, &c, d("2020-03-31"));
    assert_eq!(r.class, None);
    assert_contains(&r.reason.en, "before 2020-04-01");
    assert_eq!(r.status, SizeStatus::BeforeAnyInstrument);
    // A table with no size parameter at all classes nothing.
    let r = size_class(&Parameters::default(), &c, d("2025-01-01"));
    assert_eq!(r.class, None);
    assert_eq!(r.status, SizeStatus::NoParameterInForce);
    assert_contains(&r.reason.en, "no size-class parameter");
}

#[test]
fn circular_member_bands_at_their_boundaries() {
    let on = d("2022-06-30");
    let at = |n: usize| class(&coop(Sector::TradeServices, 0, n), on);
    assert_eq!(at(0), Some(SizeClass::Micro));
    assert_eq!(at(49), Some(SizeClass::Micro));
    assert_eq!(at(50), Some(SizeClass::Small));
    assert_eq!(at(300), Some(SizeClass::Small));
    assert_eq!(at(301), Some(SizeClass::Medium));
    assert_eq!(at(1000), Some(SizeClass::Medium));
    assert_eq!(at(1001), Some(SizeClass::Large));
    // The first day of the Circular, and the day before it.
    assert_eq!(
        class(&coop(Sector::Agriculture, 0, 50), d("2020-04-01")),
        Some(SizeClass::Small)
    );
    let r = size(&coop(Sector::Agriculture, 0, 50), d("2020-03-31"));
    assert_eq!(r.class, None);
    assert_contains(&r.reason.en, "before 2020-04-01");
    assert_contains(&r.reason.vi, "01/04/2020");
}

#[test]
fn circular_counts_only_current_members_or_the_summary() {
    let on = d("2023-01-01");
    let mut c = coop(Sector::Agriculture, 0, 50);
    c.members.as_mut().unwrap()[0].left = Some(d("2022-12-31"));
    assert_eq!(class(&c, on), Some(SizeClass::Micro));
    c.members.as_mut().unwrap()[0].left = Some(d("2023-01-02"));
    assert_eq!(class(&c, on), Some(SizeClass::Small));

    let mut s = Cooperative::new("s", "S", Kind::Cooperative, Sector::Agriculture);
    let r = size(&s, on);
    assert_eq!(r.class, None);
    assert_contains(&r.reason.en, "member count");
    s.summary = Some(Summary {
        members: Some(301),
        ..Summary::default()
    });
    assert_eq!(class(&s, on), Some(SizeClass::Medium));
}

#[test]
fn circular_capital_band_goes_into_the_reason() {
    let on = d("2023-01-01");
    let band = |cap: Option<u64>| size(&with_money(coop(Sector::Agriculture, 0, 60), None, cap), on).reason;
    assert!(
        band(Some(BN - 1)).en.contains("the class is micro"),
        "{}",
        band(Some(BN - 1)).en
    );
    assert!(band(Some(BN)).en.contains("the class is small"));
    assert!(band(Some(5 * BN - 1)).en.contains("the class is small"));
    let above = band(Some(5 * BN));
    assert_contains(&above.en, "not determinable, the capital bands");
    assert_contains(&above.vi, "chưa được mã hóa");
    assert!(band(None)
        .en
        .contains("total capital (total_capital_vnd) not known"));
    // The class itself is still the member band.
    let r = size(
        &with_money(coop(Sector::Agriculture, 0, 60), None, Some(5 * BN)),
        on,
    );
    assert_eq!(r.class, Some(SizeClass::Small));

    let user = Parameters::from_toml_str(
        r#"
        [[parameter]]
        id = "size.c01.medium.capital_vnd"
        start = "2020-04-01"
        value = 5_000_000_000
        unit = "vnd"
        citation = "user table"
        [[parameter]]
        id = "size.c01.large.capital_vnd"
        start = "2020-04-01"
        value = 20_000_000_000
        unit = "vnd"
        citation = "user table"
        "#,
    )
    .unwrap();
    let p = Parameters::builtin().overlay(&user);
    let c = with_money(coop(Sector::Agriculture, 0, 60), None, Some(5 * BN));
    assert!(size_class(&p, &c, on).reason.en.contains("the class is medium"));
    let c = with_money(coop(Sector::Agriculture, 0, 60), None, Some(20 * BN));
    assert!(size_class(&p, &c, on).reason.en.contains("the class is large"));
}

#[test]
fn industry_construction_medium_is_not_determinable_without_an_overlay() {
    let c = with_money(coop(Sector::IndustryConstruction, 100, 0), Some(80 * BN), None);
    assert_eq!(class(&c, after()), Some(SizeClass::Large));
    for n in [99, 10] {
        let c = with_money(coop(Sector::IndustryConstruction, n, 0), Some(80 * BN), None);
        let r = size(&c, after());
        assert_eq!(r.class, None, "{n} members");
        assert_eq!(r.status, SizeStatus::ThresholdNotEncoded);
        assert!(
            r.reason
                .en
                .starts_with("size class not determinable: threshold not encoded for this sector"),
            "{}",
            r.reason.en
        );
        assert_contains(&r.reason.vi, "ngưỡng cho lĩnh vực này chưa được mã hóa");
    }
    let user = Parameters::from_toml_str(
        r#"
        [[parameter]]
        id = "size.d113.industry_construction.medium.members"
        start = "2024-11-01"
        value = 50
        unit = "count"
        citation = "my province's reading"
        [[parameter]]
        id = "size.d113.industry_construction.medium.revenue_vnd"
        start = "2024-11-01"
        value = 50_000_000_000
        unit = "vnd"
        citation = "my province's reading"
        [[parameter]]
        id = "size.d113.industry_construction.medium.capital_vnd"
        start = "2024-11-01"
        value = 10_000_000_000
        unit = "vnd"
        citation = "my province's reading"
        "#,
    )
    .unwrap();
    let p = Parameters::builtin().overlay(&user);
    let c = with_money(coop(Sector::IndustryConstruction, 99, 0), Some(80 * BN), None);
    let r = size_class(&p, &c, after());
    assert_eq!(r.class, Some(SizeClass::Medium));
    assert_contains(&r.reason.en, "user-supplied: my province's reading");
    // Below the user's medium threshold, small is still not encoded.
    let c = with_money(coop(Sector::IndustryConstruction, 10, 0), Some(80 * BN), None);
    assert_eq!(size_class(&p, &c, after()).class, None);
}

fn trade_services_overlay() -> Parameters {
    let t = d113_rows(
        "trade_services",
        "2024-11-01",
        "user: trade-services thresholds",
        [(200, 100, 30), (100, 30, 10), (30, 3, 1)],
    );
    Parameters::builtin().overlay(&Parameters::from_toml_str(&t).unwrap())
}

#[test]
fn trade_services_uses_thresholds_supplied_by_an_overlay() {
    let c = with_money(coop(Sector::TradeServices, 150, 0), Some(30 * BN), None);
    let r = size(&c, after());
    assert_eq!(r.class, None);
    assert!(r.reason.en.contains("threshold not encoded for this sector"));
    let p = trade_services_overlay();
    assert_eq!(size_class(&p, &c, after()).class, Some(SizeClass::Medium));
    let c = with_money(
        coop(Sector::TradeServices, 150, 0),
        Some(30 * BN - 1),
        Some(10 * BN - 1),
    );
    assert_eq!(size_class(&p, &c, after()).class, Some(SizeClass::Small));
    let c = with_money(coop(Sector::TradeServices, 29, 0), None, None);
    assert_eq!(size_class(&p, &c, after()).class, Some(SizeClass::Micro));
    // The overlay is not in force before the decree.
    let c = with_money(coop(Sector::TradeServices, 150, 0), Some(30 * BN), None);
    assert_eq!(
        size_class(&p, &c, d("2024-10-31")).basis,
        "Circular 01/2020/TT-BKHĐT"
    );
}

#[test]
fn missing_data_is_named_and_unknown_kinds_widen_the_count() {
    let mut c = Cooperative::new("s", "S", Kind::Cooperative, Sector::Agriculture);
    c.annual_revenue_vnd = Some(60 * BN);
    let r = size(&c, after());
    assert_eq!(r.class, None);
    assert_contains(&r.reason.en, "official member count");
    assert_contains(&r.reason.vi, "số thành viên chính thức");
    // Summary-only record.
    c.summary = Some(Summary {
        official_members: Some(300),
        ..Summary::default()
    });
    assert_eq!(class(&c, after()), Some(SizeClass::Large));
    // Only the total number of members: an upper bound on official members.
    c.summary = Some(Summary {
        members: Some(40),
        ..Summary::default()
    });
    assert_eq!(class(&c, after()), Some(SizeClass::Micro));

    // 300 known official plus unknown kinds: still at least 300.
    let c = with_money(coop(Sector::Agriculture, 300, 10), Some(60 * BN), None);
    assert_eq!(class(&c, after()), Some(SizeClass::Large));
    // 295 to 305 official members: large or medium.
    let c = with_money(coop(Sector::Agriculture, 295, 10), Some(60 * BN), None);
    let r = size(&c, after());
    assert_eq!(r.class, None);
    assert_contains(&r.reason.en, "295 to 305 official members");
    assert_contains(&r.reason.en, "at least medium");
    // A member whose facts give no kind at all is not official: 300 to 300.
    let mut c = with_money(coop(Sector::Agriculture, 299, 0), Some(60 * BN), None);
    let mut none = Member::new("x", MemberType::Individual);
    none.contributes_capital = Some(false);
    none.uses_services = Some(false);
    none.contributes_labour = Some(false);
    c.members.as_mut().unwrap().push(none);
    assert_eq!(class(&c, after()), Some(SizeClass::Medium));
    // Official by the three facts (capital and labour).
    let mut labour = Member::new("y", MemberType::Individual);
    labour.contributes_capital = Some(true);
    labour.contributes_labour = Some(true);
    c.members.as_mut().unwrap().push(labour);
    assert_eq!(class(&c, after()), Some(SizeClass::Large));
    // Associates do not count.
    let mut c = with_money(coop(Sector::Agriculture, 300, 0), Some(60 * BN), None);
    c.members.as_mut().unwrap()[0].kind = Some(MemberKind::AssociateCapital);
    assert_eq!(class(&c, after()), Some(SizeClass::Medium));
}

#[test]
fn groups_and_unions_have_no_size_class() {
    let mut g = with_money(coop(Sector::Agriculture, 400, 0), Some(60 * BN), None);
    g.kind = Kind::CooperativeGroup;
    let r = size(&g, after());
    assert_eq!(r.class, None);
    assert_contains(&r.reason.en, "size classes are for cooperatives");
    assert_contains(&r.reason.vi, "tổ hợp tác");
    g.kind = Kind::Union;
    let r = size(&g, after());
    assert_eq!(r.class, None);
    assert_contains(&r.reason.en, "unions of cooperatives");
}

/// The structured status agrees with the class: determined exactly when a
/// class is given; a cooperative group is not applicable, a union has no
/// thresholds; `missing` is empty when determined.
#[test]
fn status_says_why_in_a_structured_way() {
    let c = with_money(coop(Sector::Agriculture, 12, 0), Some(0), Some(0));
    let r = size(&c, after());
    assert_eq!(
        (r.class, r.status),
        (Some(SizeClass::Micro), SizeStatus::Determined)
    );
    assert!(r.missing.is_empty());
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["status"], "determined");
    assert!(json.get("missing").is_none());

    let mut g = c.clone();
    g.kind = coopkit::Kind::CooperativeGroup;
    assert_eq!(size(&g, after()).status, SizeStatus::NotApplicable);
    let mut u = c.clone();
    u.kind = coopkit::Kind::Union;
    assert_eq!(size(&u, after()).status, SizeStatus::ThresholdNotEncoded);

    // Nothing known about money, and members unknown in kind: every field named once.
    let c = with_money(coop(Sector::Agriculture, 0, 400), None, None);
    let r = size(&c, after());
    assert_eq!(r.status, SizeStatus::DataMissing);
    let mut names = r.missing.clone();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), r.missing.len(), "{:?}", r.missing);
    assert!(
        r.missing.contains(&"official_members".to_owned()),
        "{:?}",
        r.missing
    );
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["status"], "data_missing");
}

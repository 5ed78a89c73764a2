//! What every fuzz target does with what it read: each call of the API on
//! it, and the invariants that must hold whatever the input was. A broken
//! invariant panics, which libFuzzer reports as a crash with the input.

use coopkit::indicators::{Dimension, Disaggregation, Query};
use coopkit::io::{self, Loaded, ReadOptions};
use coopkit::{Cooperative, Date, LawChoice, Registry, WomenManagedRule};

/// Dates on both sides of every change the rules know: the 2023 law
/// (1 Jul 2024), Decree 113's size classes (1 Nov 2024), the 2025 reform of
/// units (1 Jul 2025).
pub const DATES: [&str; 6] = [
    "2013-07-01",
    "2024-06-30",
    "2024-07-01",
    "2024-10-31",
    "2024-11-01",
    "2025-07-01",
];

/// A date of [`DATES`], chosen by a byte of the input.
pub fn date(pick: u8) -> Date {
    DATES[pick as usize % DATES.len()].parse().expect("a valid date")
}

/// Input limits small enough that the fuzzer spends its time on parsing,
/// not on allocating.
pub fn options(lenient: bool) -> ReadOptions {
    ReadOptions::new().lenient(lenient).max_bytes(1 << 20)
}

/// A strict read and a lenient read of the same input must agree: strict
/// succeeds exactly when lenient rejects nothing, with the same registry;
/// every error has a message; and the registry survives a round trip through
/// its own JSON and CSV writers.
pub fn reads_agree(strict: Result<Loaded, coopkit::Error>, lenient: Result<Loaded, coopkit::Error>) {
    match (&strict, &lenient) {
        (Ok(s), Ok(l)) => {
            assert!(
                l.rejected.is_empty(),
                "strict read succeeded, lenient rejected records"
            );
            assert_eq!(
                io::registry_to_json(&s.registry),
                io::registry_to_json(&l.registry)
            );
        }
        (Err(e), Ok(l)) => {
            assert!(
                !l.rejected.is_empty(),
                "strict read failed ({e}), lenient rejected nothing"
            );
            for r in &l.rejected {
                assert!(!r.errors.is_empty(), "a rejected record without an error");
            }
        }
        (Ok(_), Err(e)) => panic!("strict read succeeded, lenient failed: {e}"),
        (Err(_), Err(_)) => {}
    }
    if let Err(coopkit::Error::Input(errors)) = &strict {
        for e in errors.errors() {
            assert!(!e.message.is_empty(), "an error without a message at {}", e.path);
        }
    }
    if let Ok(l) = &lenient {
        round_trips(&l.registry);
        every_call(&l.registry, 0);
    }
}

/// The JSON and CSV writers' output reads back as the same registry.
pub fn round_trips(registry: &Registry) {
    let json = io::registry_to_json(registry);
    let back = io::registry_from_json(&json).expect("the JSON writer's output reads back");
    assert_eq!(
        json,
        io::registry_to_json(&back),
        "JSON round trip changed the registry"
    );
    let (c, m, p) = io::registry_to_csv(registry);
    let back = ReadOptions::new()
        .read_csv(c.as_bytes(), Some(m.as_bytes()), Some(p.as_bytes()))
        .expect("the CSV writer's output reads back")
        .registry;
    // The one documented exception (`coopkit::io`, "CSV folder"): a summary
    // with no value at all has no cells, so it reads back as absent.
    let json = json.replace(",\"summary\":{}", "");
    assert_eq!(
        json,
        io::registry_to_json(&back),
        "CSV round trip changed the registry"
    );
}

/// `check` under every law choice and `classify`, on each cooperative, and
/// the indicators grouped by each dimension; nothing may fail on a
/// registry that loaded.
pub fn every_call(registry: &Registry, pick: u8) {
    let as_of = date(pick);
    for coop in registry.iter().take(64) {
        check_and_classify(&coop, as_of);
    }
    let mut q = Query::new(as_of);
    q.women_managed_rule = WomenManagedRule::ALL[pick as usize % WomenManagedRule::ALL.len()];
    q.min_cell = Some(u32::from(pick % 4));
    registry
        .indicators(&q)
        .expect("all indicators of a loaded registry");
    for dim in Dimension::ALL {
        let mut q = q.clone();
        q.by = vec![dim];
        q.totals = pick & 1 == 1;
        q.disaggregate = Some(Disaggregation::ALL[(pick as usize / 2) % Disaggregation::ALL.len()]);
        let t = registry
            .indicators(&q)
            .expect("grouped indicators of a loaded registry");
        for row in &t.rows {
            if let Some(v) = row.value {
                assert!(v.is_finite(), "a value that is not finite: {:?}", row.indicator);
            }
            if let (Some(n), Some(d)) = (row.numerator, row.denominator) {
                if row.indicator.unit() == coopkit::indicators::Unit::Percent {
                    assert!(n <= d, "a share above 100 %: {:?}", row.indicator);
                }
            }
        }
    }
}

/// Every law choice's report and the classification of one cooperative.
pub fn check_and_classify(coop: &Cooperative, as_of: Date) {
    for law in LawChoice::ALL {
        let report = coopkit::check(coop, law, as_of);
        assert!(!report.findings.is_empty(), "a report without findings");
        assert_eq!(
            report.ok,
            report.findings.iter().all(|f| f.status != coopkit::Status::Fail),
            "ok disagrees with the findings"
        );
        serde_json::to_string(&report).expect("a report serialises");
    }
    let c = coopkit::classify(coop, as_of);
    serde_json::to_string(&c).expect("a classification serialises");
}

/// An input's first byte (to choose a date or options) and the rest as
/// text; `None` when it is empty or not UTF-8.
pub fn pick_and_text(data: &[u8]) -> Option<(u8, &str)> {
    let (&pick, rest) = data.split_first()?;
    Some((pick, std::str::from_utf8(rest).ok()?))
}

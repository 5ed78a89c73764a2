//! The programme's targets as data, progress and the on-track line.

use coopkit::indicators::targets::{programme_targets, progress, targets_from_toml_str, Baseline, Measure};
use coopkit::indicators::IndicatorId;
use coopkit::{
    Cooperative, Date, Employees, Kind, Member, MemberType, Registry, Sector, Sex, WomenManagedRule,
};

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

#[test]
fn programme_targets_are_built_in_with_citation() {
    let t = programme_targets();
    assert_eq!(t.len(), 11);
    assert!(t.iter().all(|t| t.citation.contains("01/QĐ-TTg")));
    let jobs = t
        .iter()
        .find(|t| t.id == "programme.jobs_female_cooperative_groups.2030")
        .unwrap();
    assert_eq!((jobs.value, jobs.due), (100_000, d("2030-12-31")));
    assert!(matches!(
        jobs.measure,
        Measure::Indicator {
            indicator: IndicatorId::JobsFemale,
            kind: Some(Kind::CooperativeGroup),
            ..
        }
    ));
    // The note says, in both languages, what the measure leaves out.
    match &jobs.measure {
        Measure::Indicator { note: Some(note), .. } => {
            assert!(note.en.contains("whether a job is stable is not in the registry"));
            assert!(note.vi.contains("tổ hợp tác") && note.vi.contains("ổn định"));
        }
        m => panic!("{m:?}"),
    }
    let supported = t
        .iter()
        .find(|t| t.id == "programme.cooperatives_supported.2025")
        .unwrap();
    assert_eq!(supported.value, 750);
    match &supported.measure {
        Measure::NotMeasurable { reason } => {
            assert!(reason.en.contains("programme records"));
            assert!(reason.vi.contains("hồ sơ"));
        }
        m => panic!("{m:?}"),
    }
}

fn registry() -> Registry {
    let mut c = Cooperative::new("c1", "HTX", Kind::Cooperative, Sector::Agriculture);
    let mut ms = Vec::new();
    for i in 0..30 {
        let mut m = Member::new(format!("m{i}"), MemberType::Individual);
        m.sex = Some(if i < 20 { Sex::Female } else { Sex::Male });
        m.contributes_labour = Some(i < 25);
        ms.push(m);
    }
    c.members = Some(ms);
    c.employees = Some(Employees { female: 10, male: 4 });
    let g = Cooperative::new("g1", "THT", Kind::CooperativeGroup, Sector::Agriculture);
    Registry::from_cooperatives(vec![c, g]).unwrap()
}

#[test]
fn progress_and_on_track_by_linear_interpolation() {
    let plan = targets_from_toml_str(
        r#"
[[target]]
id = "province.jobs_female"
en = "Jobs for women in cooperatives"
vi = "Việc làm cho lao động nữ trong hợp tác xã"
value = 60
due = "2026-01-01"
citation = "Provincial plan"
indicator = "jobs_female"
kind = "cooperative"
"#,
    )
    .unwrap();
    let reg = registry();
    // 20 women workers + 10 women employees = 30.
    let base = Baseline {
        date: d("2024-01-01"),
        value: 0,
    };
    let p = progress(
        &reg,
        &plan[0],
        d("2025-01-01"),
        Some(base),
        WomenManagedRule::ChairOrDirector,
    )
    .unwrap();
    assert_eq!(p.achieved, Some(30));
    assert_eq!(p.progress, Some(0.5));
    // 366 of 731 days elapsed: expected 60 · 366 / 731 ≈ 30.04, so 30 is just behind.
    assert!((p.expected.unwrap() - 60.0 * 366.0 / 731.0).abs() < 1e-9);
    assert_eq!(p.on_track, Some(false));
    let p = progress(
        &reg,
        &plan[0],
        d("2024-12-31"),
        Some(base),
        WomenManagedRule::ChairOrDirector,
    )
    .unwrap();
    assert_eq!(p.on_track, Some(true));
    // Without a baseline there is no verdict, and the reason says so.
    let p = progress(
        &reg,
        &plan[0],
        d("2025-01-01"),
        None,
        WomenManagedRule::ChairOrDirector,
    )
    .unwrap();
    assert_eq!(p.on_track, None);
    assert!(p.reason.unwrap().en.contains("baseline"));
    // The built-in cooperative-group target: the group has no member list.
    let t = programme_targets()
        .iter()
        .find(|t| t.id == "programme.jobs_female_cooperative_groups.2025")
        .unwrap();
    let p = progress(&reg, t, d("2025-01-01"), None, WomenManagedRule::ChairOrDirector).unwrap();
    assert_eq!((p.achieved, p.not_contributing), (None, 1));
    // Not measurable: says why, measures nothing.
    let t = programme_targets()
        .iter()
        .find(|t| t.id == "programme.women_managers_trained.2030")
        .unwrap();
    let p = progress(&reg, t, d("2025-01-01"), None, WomenManagedRule::ChairOrDirector).unwrap();
    assert_eq!(p.achieved, None);
    assert!(p.reason.unwrap().en.contains("training"));
}

#[test]
fn bad_target_files_report_every_problem() {
    let e = targets_from_toml_str(
        r#"
[[target]]
id = "a"
en = "a"
vi = "a"
value = -1
due = "2030-13-01"
citation = "x"
indicator = "members_female_share"
"#,
    )
    .unwrap_err()
    .to_string();
    assert!(
        e.contains("target[0].value") && e.contains("target[0].due") && e.contains("target[0].indicator"),
        "{e}"
    );
}

#[test]
fn programme_progress_is_each_targets_progress_with_its_baseline() {
    use coopkit::indicators::targets::{programme_progress, programme_target};
    let reg = registry();
    let rule = WomenManagedRule::default();
    let on = d("2025-12-31");
    let measured = programme_targets()
        .iter()
        .find(|t| matches!(t.measure, Measure::Indicator { .. }))
        .unwrap();
    let base = Baseline {
        date: d("2023-01-03"),
        value: 0,
    };
    let all = programme_progress(&reg, on, &[(measured.id.as_str(), base)], rule).unwrap();
    let each: Vec<_> = programme_targets()
        .iter()
        .map(|t| progress(&reg, t, on, (t.id == measured.id).then_some(base), rule).unwrap())
        .collect();
    assert_eq!(all, each);
    assert!(all
        .iter()
        .find(|p| p.target == measured.id)
        .unwrap()
        .on_track
        .is_some());
    // An id that is no programme target: an error at `baselines`, the id not quoted.
    let err = programme_progress(&reg, on, &[("Nguyễn.2030", base)], rule).unwrap_err();
    assert_eq!(err.path(), Some("baselines"));
    assert!(!err.to_string().contains("Nguyễn"));
    assert_eq!(
        programme_target("baselines", &measured.id).unwrap().id,
        measured.id
    );
}

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
    assert_eq!(t.len(), 13);
    let (programme, strategy): (Vec<_>, Vec<_>) = t.iter().partition(|t| t.id.starts_with("programme."));
    assert_eq!((programme.len(), strategy.len()), (11, 2));
    assert!(programme.iter().all(|t| t.citation.contains("01/QĐ-TTg")));
    assert!(strategy.iter().all(|t| t.citation.contains("28/NQ-CP")));
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

/// `directors` cooperatives with a director, `women` of them women.
fn directors(women: usize, directors: usize) -> Registry {
    use coopkit::{Position, Role};
    let coops = (0..directors + 1)
        .map(|i| {
            let mut c = Cooperative::new(format!("c{i}"), "HTX", Kind::Cooperative, Sector::Agriculture);
            // The last has no director recorded: it does not count.
            if i < directors {
                let sex = if i < women { Sex::Female } else { Sex::Male };
                c.positions = Some(vec![Position::external(Role::Director, Some(sex))]);
            }
            c
        })
        .collect();
    Registry::from_cooperatives(coops).unwrap()
}

/// Resolution 28/NQ-CP: women at least 27 % of directors by 2025, 30 % by
/// 2030; met exactly at the threshold.
#[test]
fn gender_strategy_targets_are_percent_targets_met_exactly() {
    let t2025 = programme_targets()
        .iter()
        .find(|t| t.id == "gender_strategy.directors_female.2025")
        .unwrap();
    assert_eq!(
        (t2025.value, t2025.unit),
        (27, coopkit::indicators::Unit::Percent)
    );
    let rule = WomenManagedRule::default();
    let on = d("2025-06-30");
    let p = progress(&directors(27, 100), t2025, on, None, rule).unwrap();
    assert_eq!(
        (p.numerator, p.denominator, p.not_contributing),
        (Some(27), Some(100), 1)
    );
    assert_eq!(p.achieved, None);
    assert_eq!(p.share, Some(27.0));
    assert_eq!(p.met, Some(true));
    assert_eq!(p.progress, Some(1.0));
    let p = progress(&directors(26, 100), t2025, on, None, rule).unwrap();
    assert_eq!(p.met, Some(false));
    // 81 of 300 is 27 % exactly, though 0.27 is not exact in binary.
    assert_eq!(
        progress(&directors(81, 300), t2025, on, None, rule).unwrap().met,
        Some(true)
    );
    assert_eq!(
        progress(&directors(80, 300), t2025, on, None, rule).unwrap().met,
        Some(false)
    );
    // On track against a straight line from a baseline share.
    let base = Baseline {
        date: d("2021-03-03"),
        value: 20,
    };
    let t2030 = programme_targets()
        .iter()
        .find(|t| t.id == "gender_strategy.directors_female.2030")
        .unwrap();
    let p = progress(&directors(27, 100), t2030, on, Some(base), rule).unwrap();
    assert_eq!(p.met, Some(false));
    let expected = p.expected.unwrap();
    assert!(expected > 20.0 && expected < 30.0, "{expected}");
    assert_eq!(p.on_track, Some(27.0 >= expected));
    // No director known anywhere: nothing measured, and the reason says so.
    let p = progress(&directors(0, 0), t2025, on, None, rule).unwrap();
    assert_eq!((p.share, p.met), (None, None));
    assert!(p.reason.unwrap().en.contains("no cooperative has the data"));
}

#[test]
fn a_target_and_its_indicator_share_a_unit() {
    let e = targets_from_toml_str(
        r#"
[[target]]
id = "a"
en = "a"
vi = "a"
value = 30
due = "2030-01-01"
citation = "x"
indicator = "director_female_share"

[[target]]
id = "b"
en = "b"
vi = "b"
value = 2
unit = "percent"
due = "2030-01-01"
citation = "x"
indicator = "representation_ratio"
"#,
    )
    .unwrap_err()
    .to_string();
    assert!(
        e.contains("target[0].indicator: the indicator's unit is not the target's unit"),
        "{e}"
    );
    assert!(e.contains("target[1].indicator: a ratio indicator"), "{e}");
}

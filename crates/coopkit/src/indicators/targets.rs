//! Targets and progress towards them.
//!
//! The built-in targets are those of the 2030 programme for cooperatives
//! with women in management (Decision 01/QĐ-TTg of 3 Jan 2023), kept as data
//! in `params/targets.toml` with their citation. Each says what a registry
//! can measure (an indicator over one kind of organisation) or, plainly, why
//! it cannot (programme records are needed). Users add their own targets (a
//! province's plan) in the same TOML form with [`targets_from_toml_str`];
//! a measure's note is given in both languages,
//! `note = { en = "...", vi = "..." }`.
//!
//! Progress is achieved ÷ target. Whether it is on track is decided by
//! linear interpolation from a user-given baseline (date, value) to the
//! target on its due date, in exact integer arithmetic.

use super::{IndicatorId, Query};
use crate::classify::WomenManagedRule;
use crate::law::Message;
use crate::model::{Date, Kind};
use crate::registry::{day, Registry};
use crate::Error;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// What a target is measured by.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum Measure {
    /// A count indicator of the registry, over one kind of organisation (or all).
    Indicator {
        /// The indicator.
        indicator: IndicatorId,
        /// Only organisations of this kind; all when `None`.
        kind: Option<Kind>,
        /// What the measure does and does not capture, in English and Vietnamese.
        note: Option<Message>,
    },
    /// The registry cannot measure this target.
    NotMeasurable {
        /// Why, and what records would be needed.
        reason: Message,
    },
}

/// A target value due on a date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Target {
    /// Dotted id, for example `programme.jobs_female_cooperatives.2030`.
    pub id: String,
    /// What the target is, in English and Vietnamese.
    pub description: Message,
    /// The value to reach.
    pub value: u64,
    /// `count` or `percent`.
    pub unit: super::Unit,
    /// The date it is due.
    pub due: Date,
    /// The decision or plan that sets it.
    pub citation: String,
    /// The citation in Vietnamese legal style: the file's `citation_vi`, or
    /// [`crate::text::citation_vi`] of `citation`.
    pub citation_vi: String,
    /// How a registry measures it.
    pub measure: Measure,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    target: Vec<RawTarget>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawText {
    en: String,
    vi: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTarget {
    id: String,
    en: String,
    vi: String,
    value: i64,
    #[serde(default)]
    unit: Option<String>,
    due: String,
    citation: String,
    citation_vi: Option<String>,
    indicator: Option<String>,
    kind: Option<String>,
    note: Option<RawText>,
    not_measurable: Option<RawText>,
}

/// Parses targets from TOML (`[[target]]` tables as in the built-in file);
/// every problem is reported, by path (`target[2].due`).
#[cfg(feature = "toml")]
pub fn targets_from_toml_str(text: &str) -> Result<Vec<Target>, Error> {
    let raw: RawFile =
        toml::from_str(text).map_err(|e| Error::parameter("targets", e.message().to_string()))?;
    targets_from_raw(raw)
}

fn targets_from_raw(raw: RawFile) -> Result<Vec<Target>, Error> {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (i, t) in raw.target.into_iter().enumerate() {
        let path = |f: &str| format!("target[{i}].{f}");
        let value = u64::try_from(t.value).map_err(|_| (path("value"), "must not be negative".to_string()));
        let due = crate::text::parse_date(&t.due).map_err(|_| (path("due"), "not an ISO date".to_string()));
        let unit = match t.unit.as_deref() {
            None | Some("count") => Ok(super::Unit::Count),
            Some("percent") => Ok(super::Unit::Percent),
            Some(_) => Err((path("unit"), "expected count or percent".to_string())),
        };
        let kind = match t.kind.as_deref() {
            None => Ok(None),
            Some("cooperative") => Ok(Some(Kind::Cooperative)),
            Some("cooperative_group") => Ok(Some(Kind::CooperativeGroup)),
            Some("union") => Ok(Some(Kind::Union)),
            Some(_) => Err((
                path("kind"),
                "expected cooperative, cooperative_group or union".to_string(),
            )),
        };
        let measure = match (t.indicator.as_deref(), t.not_measurable) {
            (Some(s), None) => match IndicatorId::parse(s) {
                Some(id) if id.unit() == super::Unit::Ratio => Err((
                    path("indicator"),
                    "a ratio indicator does not measure a target".to_string(),
                )),
                Some(id) if unit.as_ref().is_ok_and(|u| *u != id.unit()) => Err((
                    path("indicator"),
                    "the indicator's unit is not the target's unit (count or percent)".to_string(),
                )),
                Some(id) => kind.map(|kind| Measure::Indicator {
                    indicator: id,
                    kind,
                    note: t.note.as_ref().map(|n| Message::new(&n.en, &n.vi)),
                }),
                None => Err((
                    path("indicator"),
                    format!("not one of: {}", <IndicatorId as crate::Code>::codes().join(", ")),
                )),
            },
            (None, Some(r)) => Ok(Measure::NotMeasurable {
                reason: Message::new(r.en, r.vi),
            }),
            _ => Err((
                path("indicator"),
                "give exactly one of indicator and not_measurable".to_string(),
            )),
        };
        match (value, due, unit, measure) {
            (Ok(value), Ok(due), Ok(unit), Ok(measure)) => out.push(Target {
                id: t.id,
                description: Message::new(t.en, t.vi),
                value,
                unit,
                due,
                citation_vi: t
                    .citation_vi
                    .unwrap_or_else(|| crate::text::citation_vi(&t.citation)),
                citation: t.citation,
                measure,
            }),
            (v, d, u, m) => {
                for e in [v.err(), d.err(), u.err(), m.err()].into_iter().flatten() {
                    errors.push(format!("{}: {}", e.0, e.1));
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(Error::parameter("targets", errors.join("; ")))
    }
}

/// The programme's 2025 and 2030 targets (Decision 01/QĐ-TTg of 3 Jan 2023).
pub fn programme_targets() -> &'static [Target] {
    static T: OnceLock<Vec<Target>> = OnceLock::new();
    T.get_or_init(|| {
        // The built-in file is tested; a broken one is a bug in this crate.
        // `params/targets.toml`, turned into JSON by the build script.
        serde_json::from_str(include_str!(concat!(env!("OUT_DIR"), "/targets.json")))
            .map_err(|e| Error::parameter("targets", e.to_string()))
            .and_then(targets_from_raw)
            .unwrap_or_else(|e| panic!("built-in targets.toml: {e}"))
    })
}

/// The programme target `id`, or, for an id a user gave (the key of a
/// baseline), the library's error at `field`; the id is never quoted.
pub fn programme_target(field: &str, id: &str) -> Result<&'static Target, Error> {
    programme_targets()
        .iter()
        .find(|t| t.id == id)
        .ok_or_else(|| Error::parameter(field, "not one of the programme's target ids"))
}

/// Progress towards every programme target on `as_of`, in the programme's
/// order, under `rule`; `baselines` gives the measured start of some
/// targets, by id (an id that is no programme target is an error at
/// `baselines`).
pub fn programme_progress(
    registry: &Registry,
    as_of: Date,
    baselines: &[(&str, Baseline)],
    rule: WomenManagedRule,
) -> Result<Vec<Progress>, Error> {
    for (id, _) in baselines {
        programme_target("baselines", id)?;
    }
    programme_targets()
        .iter()
        .map(|t| {
            let base = baselines.iter().find(|(id, _)| *id == t.id).map(|(_, b)| *b);
            progress(registry, t, as_of, base, rule)
        })
        .collect()
}

/// A measured starting point: the value on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Baseline {
    /// The date of the baseline.
    pub date: Date,
    /// The value then.
    pub value: u64,
}

/// Progress towards one target on a date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Progress {
    /// The target's id.
    pub target: String,
    /// The date measured.
    pub as_of: Date,
    /// For a count target, the value measured from the registry (a lower
    /// bound when `not_contributing > 0`); `None` when not measurable and
    /// for a percent target (see `share`).
    pub achieved: Option<u64>,
    /// For a percent target, the share measured: `numerator ÷ denominator ×
    /// 100` over the organisations with the data.
    pub share: Option<f64>,
    /// The measure's numerator (for a count target, `achieved`).
    pub numerator: Option<u64>,
    /// The measure's denominator; `None` for a count target.
    pub denominator: Option<u64>,
    /// The target value, in the target's unit.
    pub target_value: u64,
    /// The target's unit: `count` or `percent`.
    pub unit: super::Unit,
    /// The target is reached on `as_of`, decided exactly (a percent target:
    /// `100 × numerator ≥ target × denominator`, so 27 % is met at exactly 27 %).
    pub met: Option<bool>,
    /// achieved ÷ target (a percent target: share ÷ target).
    pub progress: Option<f64>,
    /// The value the straight line from the baseline to the target reaches
    /// on `as_of`.
    pub expected: Option<f64>,
    /// achieved ≥ expected.
    pub on_track: Option<bool>,
    /// Cooperatives that lacked the data for the measure.
    pub not_contributing: u64,
    /// Why something is missing.
    pub reason: Option<Message>,
}

/// Measures `target` in `registry` on `as_of`, and compares it with the
/// straight line from `baseline` to the target.
pub fn progress(
    registry: &Registry,
    target: &Target,
    as_of: Date,
    baseline: Option<Baseline>,
    rule: WomenManagedRule,
) -> Result<Progress, Error> {
    let mut p = Progress {
        target: target.id.clone(),
        as_of,
        achieved: None,
        share: None,
        numerator: None,
        denominator: None,
        target_value: target.value,
        unit: target.unit,
        met: None,
        progress: None,
        expected: None,
        on_track: None,
        not_contributing: 0,
        reason: None,
    };
    let (indicator, kind) = match &target.measure {
        Measure::NotMeasurable { reason } => {
            p.reason = Some(reason.clone());
            return Ok(p);
        }
        Measure::Indicator { indicator, kind, .. } => (*indicator, *kind),
    };
    let mut q = Query::new(as_of).ids([indicator]).rule(rule);
    if kind.is_some() {
        q = q.by([super::Dimension::Kind]);
    }
    let table = registry.indicators(&q)?;
    let want = kind.map(|k| match k {
        Kind::Cooperative => "cooperative",
        Kind::CooperativeGroup => "cooperative_group",
        Kind::Union => "union",
    });
    let row = match want {
        Some(w) => table.find(indicator, &[Some(w)]),
        None => table.find(indicator, &[]),
    };
    let (numerator, denominator, nc) = match row {
        Some(r) => (r.numerator, r.denominator, r.not_contributing),
        // No organisation of that kind: nothing achieved, nobody lacking data.
        None if target.unit == super::Unit::Count => (Some(0), None, 0),
        None => (None, None, 0),
    };
    p.not_contributing = nc;
    let no_data = || {
        Message::new(
            "no cooperative has the data for this measure",
            "không có hợp tác xã nào có dữ liệu cho chỉ tiêu này",
        )
    };
    // The measured value as a fraction num / den of the target's unit, so
    // that every comparison below is exact: a count is a / 1, a percent
    // 100·n / d.
    let (num, den) = match (target.unit, numerator, denominator) {
        (super::Unit::Percent, Some(n), Some(d)) if d > 0 => {
            p.numerator = Some(n);
            p.denominator = Some(d);
            p.share = Some(100.0 * n as f64 / d as f64);
            (100 * i128::from(n), i128::from(d))
        }
        (super::Unit::Percent, ..) => {
            p.reason = Some(no_data());
            return Ok(p);
        }
        (_, Some(a), _) => {
            p.achieved = Some(a);
            p.numerator = Some(a);
            (i128::from(a), 1)
        }
        (_, None, _) => {
            p.reason = Some(no_data());
            return Ok(p);
        }
    };
    let tv = i128::from(target.value);
    p.met = Some(num >= tv * den);
    if target.value > 0 {
        p.progress = Some(num as f64 / den as f64 / target.value as f64);
    }
    let Some(b) = baseline else {
        p.reason = Some(Message::new(
            "no baseline given: whether progress is on track is not assessed",
            "chưa có số liệu nền: chưa đánh giá được tiến độ",
        ));
        return Ok(p);
    };
    let span = i128::from(day(target.due)) - i128::from(day(b.date));
    if span <= 0 {
        return Err(Error::parameter(
            "baseline.date",
            "must be before the target's due date",
        ));
    }
    let elapsed = (i128::from(day(as_of)) - i128::from(day(b.date))).clamp(0, span);
    let bv = i128::from(b.value);
    // expected = b + (t − b) · elapsed / span; compare (num / den) · span
    // with b · span + (t − b) · elapsed, multiplied out.
    let expected_scaled = bv * span + (tv - bv) * elapsed;
    p.expected = Some(expected_scaled as f64 / span as f64);
    p.on_track = Some(num * span >= expected_scaled * den);
    Ok(p)
}

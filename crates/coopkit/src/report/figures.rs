//! The header and sections on figures: the contract's indicators for each
//! province (with a breakdown by sector and the members by ethnic group),
//! and the programme's targets with progress, every number from the
//! indicator engine (`Registry::indicators`) and its targets API.

use super::words::{value, Words};
use super::{Bar, Block, Chart, ListStyle, ReportOptions, Section, Table};
use crate::indicators::targets::{self, Measure};
use crate::indicators::{Dimension, Disaggregation, IndicatorId, Query, Unit};
use crate::text::Lang;
use crate::units::Level;
use crate::{Ethnicity, Kind, Law, LawChoice, Registry, Sector};

/// What the report is computed from: the data, the date, the law, the rule.
pub(super) fn facts(registry: &Registry, law: Law, o: &ReportOptions) -> Vec<(String, String)> {
    let l = o.lang;
    let how = match (o.law, law.in_force_on(o.as_of)) {
        (LawChoice::Auto, true) => l.pick("the law in force on that date", "luật có hiệu lực vào ngày đó"),
        (LawChoice::Auto, false) => l.pick(
            "the nearest law; NOT in force on that date",
            "luật gần nhất; KHÔNG có hiệu lực vào ngày đó",
        ),
        (LawChoice::Law(_), true) => l.pick(
            "named; in force on that date",
            "chỉ định; có hiệu lực vào ngày đó",
        ),
        (LawChoice::Law(_), false) => l.pick(
            "named; NOT in force on that date",
            "chỉ định; KHÔNG có hiệu lực vào ngày đó",
        ),
    };
    let count = format!("{} {}", registry.len(), l.pick("cooperatives", "hợp tác xã"));
    let date = match &o.as_of_note {
        Some(note) => format!("{} ({note})", l.date(o.as_of)),
        None => l.date(o.as_of),
    };
    let rule = match l {
        Lang::En => format!("rule {}: {}", l.rule(o.rule), o.rule.label(l)),
        Lang::Vi => format!("tiêu chí {}", l.rule(o.rule)),
    };
    vec![
        (
            l.pick("Data", "Dữ liệu").into(),
            match &o.source {
                Some(source) => format!("{source}: {count}"),
                None => count,
            },
        ),
        (l.pick("As of", "Tính đến ngày").into(), date),
        (
            l.pick("Law applied", "Luật áp dụng").into(),
            match l {
                Lang::En => format!("{} ({}), {how}", law.title(), law.as_str()),
                Lang::Vi => format!("{}, {how}", l.law(law)),
            },
        ),
        (l.pick("Women-managed", "Do phụ nữ tham gia quản lý").into(), rule),
    ]
}

/// Every indicator of the contract for each province, then a breakdown by
/// sector and the members by ethnic group.
pub(super) fn indicators(registry: &Registry, o: &ReportOptions) -> crate::Result<Section> {
    use IndicatorId::*;
    let l = o.lang;
    let mut s = Section::new(
        "indicators",
        l.pick("Indicators for the province", "Các chỉ tiêu của tỉnh"),
    );
    let table = registry.indicators(&Query::new(o.as_of).rule(o.rule).by([Dimension::Province]))?;
    let mut provinces: Vec<Option<&str>> = table
        .rows
        .iter()
        .map(|r| r.group_value(Dimension::Province))
        .collect();
    provinces.dedup();
    for province in provinces {
        // The unit's name beside its code, from the unit table in force on
        // the date (the built-in one knows Quảng Ngãi, 51, to 30 Jun 2025).
        let name = province.and_then(|p| o.units.name(Level::Province, p, o.as_of));
        s.push(Block::Line {
            text: match (province, name) {
                (Some(code), Some(name)) => {
                    format!(
                        "{} {name} ({} {code}):",
                        l.pick("Province", "Tỉnh"),
                        l.pick("code", "mã")
                    )
                }
                (code, _) => format!(
                    "{} {}:",
                    l.pick("Province code", "Tỉnh, mã"),
                    code.unwrap_or(l.pick("(no code)", "(không có mã)"))
                ),
            },
        });
        let mut t = Table::new(&[
            l.pick("Indicator / id", "Chỉ tiêu / mã"),
            l.pick(">Numerator", ">Tử số"),
            l.pick(">Denominator", ">Mẫu số"),
            l.pick(">Value", ">Giá trị"),
            l.pick("Unit", "Đơn vị"),
        ]);
        let mut gaps: Vec<(String, Vec<&str>)> = Vec::new();
        for r in table
            .rows
            .iter()
            .filter(|r| r.group_value(Dimension::Province) == province)
        {
            let n = |x: Option<u64>| x.map_or(String::new(), |x| l.count(x));
            // The label on its own line, the id (the name to use in code) under it.
            t.group(r.indicator.label(l));
            t.row(vec![
                format!("  {}", r.indicator),
                n(r.numerator),
                n(r.denominator),
                value(Some(r), l),
                r.unit.label(l).into(),
            ]);
            // Why a value is missing or partial; indicators with the same reason share a line.
            let why = match (&r.reason, r.not_contributing) {
                (Some(reason), _) => reason.get(l.as_str()).to_string(),
                (None, 0) => continue,
                (None, n) => format!(
                    "{n} {}",
                    l.pick("cooperatives lack the data", "hợp tác xã thiếu dữ liệu")
                ),
            };
            match gaps.iter_mut().find(|(w, _)| *w == why) {
                Some((_, ids)) => ids.push(r.indicator.as_str()),
                None => gaps.push((why, vec![r.indicator.as_str()])),
            }
        }
        s.push(Block::Table(t));
        if !gaps.is_empty() {
            s.push(Block::List {
                style: ListStyle::Remarks,
                items: gaps
                    .into_iter()
                    .map(|(why, ids)| format!("{}: {why}", ids.join(", ")))
                    .collect(),
            });
        }
    }

    s.push(Block::Label {
        text: l.pick("By sector:", "Theo lĩnh vực:").into(),
    });
    let ids = [
        Cooperatives,
        Members,
        MembersFemale,
        MembersFemaleShare,
        BoardFemaleShare,
        CoopsWithMinorityMember,
    ];
    let table = registry.indicators(
        &Query::new(o.as_of)
            .rule(o.rule)
            .ids(ids)
            .by([Dimension::Sector])
            .with_totals(),
    )?;
    let mut t = Table::new(&[
        l.pick("Sector", "Lĩnh vực"),
        l.pick(">Coops", ">Số HTX"),
        l.pick(">Members", ">Thành viên"),
        l.pick(">Women", ">Nữ"),
        l.pick(">Women %", ">% nữ"),
        l.pick(">Board women %", ">% nữ HĐQT"),
        l.pick(">With minority", ">Có DTTS"),
    ]);
    let groups = Sector::ALL
        .iter()
        .map(|s| (s.label(l), Some(s.as_str())))
        .chain([(l.pick("all sectors", "mọi lĩnh vực"), None)]);
    for (name, code) in groups {
        if table.find(Cooperatives, &[code]).is_none() {
            continue;
        }
        let mut row = vec![name.to_string()];
        row.extend(ids.iter().map(|id| value(table.find(*id, &[code]), l)));
        t.row(row);
    }
    s.push(Block::Table(t));

    s.push(Block::Label {
        text: l
            .pick("Members by ethnic group:", "Thành viên theo dân tộc:")
            .into(),
    });
    let query = Query::new(o.as_of)
        .ids([Members, MembersFemale])
        .disaggregate(Disaggregation::EthnicGroup);
    let table = registry.indicators(&query)?;
    let mut t = Table::new(&[
        l.pick("Code", "Mã"),
        l.pick("Group", "Dân tộc"),
        l.pick(">Members", ">Thành viên"),
        l.pick(">Women", ">Nữ"),
    ]);
    let members = table
        .rows
        .iter()
        .filter(|r| r.indicator == Members && r.category().is_some());
    for r in members.filter(|r| r.numerator.is_some_and(|n| n > 0)) {
        let category = r.category().unwrap_or_default();
        let (code, name) = match (category, Ethnicity::parse(category)) {
            ("organisation", _) => ("", l.pick("(organisations)", "(tổ chức)")),
            ("unknown", _) => ("", l.pick("(not known)", "(chưa rõ)")),
            (code, Some(e)) => (code, e.name()),
            (code, None) => (code, code),
        };
        let women = table.find_category(MembersFemale, &[], category);
        t.row(vec![code.into(), name.into(), value(Some(r), l), value(women, l)]);
    }
    s.push(Block::Table(t));
    Ok(s)
}

/// The data's contribution to the national targets of the 2030 programme
/// (Decision 01/QĐ-TTg) and Resolution 28/NQ-CP, from the engine's targets,
/// with a chart of the progress towards each.
/// `kinds`: the kinds of organisation the registry holds.
pub(super) fn programme(registry: &Registry, kinds: &[Kind], o: &ReportOptions) -> crate::Result<Section> {
    let l = o.lang;
    let mut s = Section::new(
        "programme",
        l.pick(
            "Programme 01/QĐ-TTg and Resolution 28/NQ-CP: progress",
            "Đề án 01/QĐ-TTg và Nghị quyết 28/NQ-CP: tiến độ",
        ),
    );
    s.push(Block::Paragraph {
        text: l
            .pick(
                "The targets are national; what is achieved is this data's contribution. Whether it is on \
                 track is not assessed: that needs a baseline.",
                "Chỉ tiêu là của cả nước; phần đạt được là đóng góp của dữ liệu này. Chưa đánh giá tiến độ \
                 có đúng kế hoạch không: cần có số liệu nền.",
            )
            .into(),
    });
    // One block per target, with its due dates; a target the registry
    // cannot measure says why.
    let all = targets::programme_targets();
    let mut done: Vec<&str> = Vec::new();
    let mut bars = Vec::new();
    for target in all {
        let description = target.description.get(l.as_str());
        if done.contains(&description) {
            continue;
        }
        done.push(description);
        let mut lines = Vec::new();
        let mut why = None;
        for t in all
            .iter()
            .filter(|t| t.description.get(l.as_str()) == description)
        {
            let p = targets::progress(registry, t, o.as_of, None, o.rule)?;
            let unit = if t.unit == Unit::Percent { " %" } else { "" };
            let mut line = format!(
                "{} {}: {}{unit}",
                l.pick("by", "đến"),
                l.date(t.due),
                l.count(t.value)
            );
            let measured = match (p.achieved, p.share, p.numerator, p.denominator) {
                (Some(a), ..) => Some(format!(
                    "{} {} ({})",
                    l.pick("achieved", "đạt"),
                    l.count(a),
                    p.progress.map_or("—".into(), |x| l.percent(x * 100.0)),
                )),
                (None, Some(share), Some(n), Some(d)) => Some(format!(
                    "{} {} ({} / {}): {}",
                    l.pick("measured", "thực tế"),
                    l.percent(share),
                    l.count(n),
                    l.count(d),
                    match p.met {
                        Some(true) => l.pick("met", "đạt"),
                        _ => l.pick("not met", "chưa đạt"),
                    }
                )),
                _ => None,
            };
            if let Some(progress) = p.progress.filter(|_| measured.is_some()) {
                let shown = (progress * 100.0).min(100.0);
                bars.push(Bar {
                    label: format!("{} · {}", done.len(), l.date(t.due)),
                    values: vec![Some(shown)],
                    texts: vec![l.percent(progress * 100.0)],
                });
            }
            match (measured, &t.measure) {
                (
                    Some(a),
                    Measure::Indicator {
                        indicator,
                        kind,
                        note,
                    },
                ) => {
                    line.push_str(&format!("; {a}"));
                    let none_of_kind = kind.is_some_and(|k| !kinds.contains(&k));
                    why = Some(if none_of_kind {
                        l.pick(
                            "the data holds no organisation of this kind",
                            "dữ liệu không có tổ chức loại này",
                        )
                        .to_string()
                    } else {
                        match note {
                            Some(note) => format!("{indicator}: {}", note.get(l.as_str())),
                            None => indicator.to_string(),
                        }
                    });
                }
                _ => why = p.reason.map(|r| r.get(l.as_str()).to_string()),
            }
            lines.push(line);
        }
        s.push(Block::Target {
            number: done.len(),
            description: description.to_string(),
            lines,
            note: why,
        });
    }
    if !bars.is_empty() {
        let chart = Chart::shares(
            l.pick(
                "Progress towards each target (this data's contribution)",
                "Tiến độ đạt từng chỉ tiêu (phần đóng góp của dữ liệu này)",
            ),
            vec![l.pick("progress", "tiến độ").into()],
            bars,
        );
        s.push(Block::Chart(chart.marker(100.0, l.pick("target", "chỉ tiêu"))));
    }
    Ok(s)
}

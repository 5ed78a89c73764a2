//! Sections 1 to 3: the published figures, the contract's indicators and the
//! programme's targets, every number from the indicator engine
//! (`Registry::indicators`) and its targets API.

use super::table::{wrap, Table};
use super::text::{Lang, Words};
use super::{heading, Options, WIDTH};
use coopkit::indicators::targets::{self, Measure};
use coopkit::indicators::{Dimension, Disaggregation, IndicatorId, Query, Row, Unit};
use coopkit::Registry;
use std::fmt::Write;

/// An indicator's value as the report shows it: counts whole, percentages
/// with one decimal, ratios with two; `—` when there is none.
fn value(row: Option<&Row>, l: Lang) -> String {
    let Some(r) = row else { return "—".into() };
    match (r.unit, r.value, r.numerator) {
        (_, None, _) => "—".into(),
        (Unit::Count, Some(_), Some(n)) => l.count(n),
        (Unit::Count, Some(v), None) => l.decimal(v, 0),
        (Unit::Percent, Some(v), _) => l.percent(v),
        (Unit::Ratio, Some(v), _) => l.decimal(v, 2),
    }
}

/// `numerator / denominator` of a share or ratio.
fn fraction(row: Option<&Row>, l: Lang) -> String {
    match row.map(|r| (r.numerator, r.denominator)) {
        Some((Some(n), Some(d))) => format!("{} / {}", l.count(n), l.count(d)),
        _ => String::new(),
    }
}

/// The five figures published on 16 Oct 2024: label, the text as
/// published, the values that match it and the indicator that recomputes it.
fn published(
    l: Lang,
) -> [(
    &'static str,
    &'static str,
    std::ops::RangeInclusive<u64>,
    IndicatorId,
); 5] {
    use IndicatorId::*;
    // Each figure as published, the values that match it ("nearly 400" is
    // read as 390 to 399) and the indicator that recomputes it.
    [
        (
            l.pick(
                "Women-managed cooperatives",
                "Hợp tác xã do phụ nữ tham gia quản lý",
            ),
            "16",
            16..=16,
            WomenManaged,
        ),
        (
            l.pick("Their members", "Số thành viên"),
            l.pick("nearly 400", "gần 400"),
            390..=399,
            Members,
        ),
        (
            l.pick("of whom women", "trong đó nữ"),
            "145",
            145..=145,
            MembersFemale,
        ),
        (
            l.pick("Women on the management boards", "Nữ trong hội đồng quản trị"),
            "48",
            48..=48,
            BoardFemale,
        ),
        (
            l.pick(
                "Cooperatives with ethnic-minority members",
                "Hợp tác xã có thành viên dân tộc thiểu số",
            ),
            "6",
            6..=6,
            CoopsWithMinorityMember,
        ),
    ]
}

/// Section 1b, with several `--as-of` dates: the five figures at each date
/// (cooperatives established later or dissolved by then left out), from one
/// indicator query over all the dates.
pub(super) fn trend(out: &mut String, registry: &Registry, o: &Options) -> Result<(), coopkit::Error> {
    if o.trend.is_empty() {
        return Ok(());
    }
    let l = o.lang;
    heading(
        out,
        l.pick("1b. The five figures over time", "1b. Năm số liệu qua các năm"),
    );
    let five = published(l);
    let query = Query::new(o.as_of)
        .rule(o.rule)
        .ids(five.iter().map(|f| f.3))
        .at(o.trend.iter().copied());
    let table = registry.indicators(&query)?;
    let dates: Vec<String> = o.trend.iter().map(|d| l.date(*d)).collect();
    let mut head = vec![l.pick("Figure", "Số liệu").to_string()];
    head.extend(dates.iter().map(|d| format!(">{d}")));
    let head: Vec<&str> = head.iter().map(String::as_str).collect();
    let mut t = Table::new(&head);
    for (label, _, _, id) in five {
        let mut cells = vec![label.to_string()];
        cells.extend(o.trend.iter().map(|d| value(table.find_on(*d, id, &[]), l)));
        t.row(cells);
    }
    out.push_str(&t.render());
    let _ = writeln!(
        out,
        "{} {}.",
        l.pick(
            "Women-managed under the rule",
            "Do phụ nữ tham gia quản lý theo tiêu chí"
        ),
        l.rule(o.rule)
    );
    Ok(())
}

/// Section 1: the five figures published on 16 Oct 2024, recomputed from the
/// member data by the indicator engine, then the ratios derived from them.
pub(super) fn figures(out: &mut String, registry: &Registry, o: &Options) -> Result<(), coopkit::Error> {
    use IndicatorId::*;
    let l = o.lang;
    heading(
        out,
        l.pick("1. The five reported figures", "1. Năm số liệu đã công bố"),
    );
    let published = published(l);
    let derived = [
        MembersFemaleShare,
        BoardFemale,
        CoopsWithMinorityMemberShare,
        MembersGenderParity,
        Cooperatives,
    ];
    let query = Query::new(o.as_of)
        .rule(o.rule)
        .ids(published.iter().map(|p| p.3).chain(derived));
    let table = registry.indicators(&query)?;
    let row = |id| table.find(id, &[]);

    let mut t = Table::new(&[
        l.pick("Figure", "Số liệu"),
        l.pick(">Published", ">Công bố"),
        l.pick(">Recomputed", ">Tính lại"),
        "",
    ]);
    for (label, shown, matches, id) in published {
        let mark = match row(id).and_then(|r| r.numerator) {
            Some(n) if matches.contains(&n) => "✓",
            Some(_) => "✗",
            None => "?",
        };
        t.row(vec![label.into(), shown.into(), value(row(id), l), mark.into()]);
    }
    out.push_str(&t.render());
    out.push_str(&wrap(
        "",
        &format!(
            "{} {}; {}",
            l.pick(
                "Women-managed under the rule",
                "Do phụ nữ tham gia quản lý theo tiêu chí"
            ),
            l.rule(o.rule),
            l.pick(
                "“nearly 400” is read as 390 to 399.",
                "“gần 400” được hiểu là từ 390 đến 399."
            )
        ),
        WIDTH,
    ));

    // The ratios REFERENCE.md derives from the published figures (taking
    // "nearly 400" as 400), against the same ratios from the member data.
    let per_coop = match (
        row(BoardFemale).and_then(|r| r.numerator),
        row(Cooperatives).and_then(|r| r.numerator),
    ) {
        (Some(b), Some(c)) if c > 0 => (
            l.decimal(b as f64 / c as f64, 1),
            format!("{} / {}", l.count(b), l.count(c)),
        ),
        _ => ("—".into(), String::new()),
    };
    let mut t = Table::new(&[
        l.pick("Derived", "Chỉ số suy ra"),
        l.pick(">From the figures", ">Từ số công bố"),
        l.pick(">From the data", ">Từ dữ liệu"),
        "",
    ]);
    let mut derived = |label: &str, from_figures: String, id| {
        t.row(vec![
            label.into(),
            from_figures,
            value(row(id), l),
            fraction(row(id), l),
        ]);
    };
    derived(
        l.pick("Women's share of members", "Tỷ lệ nữ trong thành viên"),
        format!("≈ {} %", l.decimal(36.0, 0)),
        MembersFemaleShare,
    );
    derived(
        l.pick(
            "Cooperatives with minority members",
            "Tỷ lệ HTX có thành viên dân tộc thiểu số",
        ),
        l.percent(37.5),
        CoopsWithMinorityMemberShare,
    );
    derived(
        l.pick(
            "Gender parity index (women ÷ men)",
            "Chỉ số bình đẳng giới (nữ ÷ nam)",
        ),
        format!("≈ {}", l.decimal(0.57, 2)),
        MembersGenderParity,
    );
    // No contract indicator for this one: the ratio of two engine counts.
    t.row(vec![
        l.pick(
            "Women board members per cooperative",
            "Số nữ trong HĐQT bình quân mỗi HTX",
        )
        .into(),
        l.decimal(3.0, 1),
        per_coop.0,
        per_coop.1,
    ]);
    out.push('\n');
    out.push_str(&t.render());
    out.push_str(&wrap(
        "",
        l.pick(
            "The ratios from the figures take “nearly 400” as 400 members (REFERENCE.md §1).",
            "Các chỉ số từ số công bố lấy “gần 400” là 400 thành viên (REFERENCE.md §1).",
        ),
        WIDTH,
    ));
    Ok(())
}

/// Section 2: every indicator of the contract for each province, then a
/// breakdown by sector and the members by ethnic group.
pub(super) fn indicators(out: &mut String, registry: &Registry, o: &Options) -> Result<(), coopkit::Error> {
    use IndicatorId::*;
    let l = o.lang;
    heading(
        out,
        l.pick("2. Indicators for the province", "2. Các chỉ tiêu của tỉnh"),
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
        let name = province.and_then(|p| o.units.name(coopkit::units::Level::Province, p, o.as_of));
        let _ = match (province, name) {
            (Some(code), Some(name)) => writeln!(
                out,
                "{} {name} ({} {code}):",
                l.pick("Province", "Tỉnh"),
                l.pick("code", "mã")
            ),
            (code, _) => writeln!(
                out,
                "{} {}:",
                l.pick("Province code", "Tỉnh, mã"),
                code.unwrap_or(l.pick("(no code)", "(không có mã)"))
            ),
        };
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
            t.row(vec![r.indicator.label(l).into()]);
            t.row(vec![
                format!("  {}", r.indicator),
                n(r.numerator),
                n(r.denominator),
                value(Some(r), l),
                match r.unit {
                    Unit::Count => r.unit.label(l),
                    Unit::Percent => r.unit.label(l),
                    Unit::Ratio => r.unit.label(l),
                }
                .into(),
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
        out.push_str(&t.render());
        for (why, ids) in gaps {
            out.push_str(&wrap("  — ", &format!("{}: {why}", ids.join(", ")), WIDTH));
        }
    }

    let _ = writeln!(out, "\n{}", l.pick("By sector:", "Theo lĩnh vực:"));
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
    let sectors = [
        coopkit::Sector::Agriculture,
        coopkit::Sector::IndustryConstruction,
        coopkit::Sector::TradeServices,
    ];
    let groups = sectors
        .iter()
        .map(|s| (l.sector(*s), Some(sector_code(*s))))
        .chain([(l.pick("all sectors", "mọi lĩnh vực"), None)]);
    for (name, code) in groups {
        if table.find(Cooperatives, &[code]).is_none() {
            continue;
        }
        let mut row = vec![name.to_string()];
        row.extend(ids.iter().map(|id| value(table.find(*id, &[code]), l)));
        t.row(row);
    }
    out.push_str(&t.render());

    let _ = writeln!(
        out,
        "\n{}",
        l.pick("Members by ethnic group:", "Thành viên theo dân tộc:")
    );
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
        let (code, name) = match (category, coopkit::Ethnicity::parse(category)) {
            ("organisation", _) => ("", l.pick("(organisations)", "(tổ chức)")),
            ("unknown", _) => ("", l.pick("(not known)", "(chưa rõ)")),
            (code, Some(e)) => (code, e.name()),
            (code, None) => (code, code),
        };
        let women = table.find_category(MembersFemale, &[], category);
        t.row(vec![code.into(), name.into(), value(Some(r), l), value(women, l)]);
    }
    out.push_str(&t.render());
    Ok(())
}

/// The contract name of a sector, as the indicator tables group by it.
fn sector_code(s: coopkit::Sector) -> &'static str {
    match s {
        coopkit::Sector::Agriculture => "agriculture",
        coopkit::Sector::IndustryConstruction => "industry_construction",
        coopkit::Sector::TradeServices => "trade_services",
    }
}

/// Section 3: the province's contribution to the national targets of the
/// 2030 programme (Decision 01/QĐ-TTg), from the engine's targets.
pub(super) fn programme(out: &mut String, registry: &Registry, o: &Options) -> Result<(), coopkit::Error> {
    let l = o.lang;
    heading(
        out,
        l.pick(
            "3. Programme 01/QĐ-TTg and Resolution 28/NQ-CP: progress",
            "3. Đề án 01/QĐ-TTg và Nghị quyết 28/NQ-CP: tiến độ",
        ),
    );
    out.push_str(&wrap(
        "",
        l.pick(
            "The targets are national; what is achieved is this data's contribution. Whether it is on \
             track is not assessed: that needs a baseline.",
            "Chỉ tiêu là của cả nước; phần đạt được là đóng góp của dữ liệu này. Chưa đánh giá tiến độ \
             có đúng kế hoạch không: cần có số liệu nền.",
        ),
        WIDTH,
    ));
    // One block per target, with its due dates; a target the registry
    // cannot measure says why.
    let all = targets::programme_targets();
    let mut done: Vec<&str> = Vec::new();
    for target in all {
        let description = target.description.get(l.as_str());
        if done.contains(&description) {
            continue;
        }
        done.push(description);
        out.push_str(&wrap("  - ", description, WIDTH));
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
            match (measured, &t.measure) {
                (
                    Some(a),
                    Measure::Indicator {
                        indicator,
                        kind,
                        note,
                    },
                ) => {
                    let _ = write!(line, "; {a}");
                    let none_of_kind = kind.is_some_and(|k| registry.iter().all(|c| c.kind != k));
                    why = match (none_of_kind, l) {
                        (true, _) => Some(
                            l.pick(
                                "the data holds no organisation of this kind",
                                "dữ liệu không có tổ chức loại này",
                            )
                            .to_string(),
                        ),
                        (false, _) => Some(match note {
                            Some(note) => format!("{indicator}: {}", note.get(l.as_str())),
                            None => indicator.to_string(),
                        }),
                    };
                }
                _ => why = p.reason.map(|r| r.get(l.as_str()).to_string()),
            }
            out.push_str(&wrap("      ", &line, WIDTH));
        }
        if let Some(why) = why {
            out.push_str(&wrap("      ", &format!("({why})"), WIDTH));
        }
    }
    Ok(())
}

//! The sections this example adds to the core's report: the five figures
//! the provincial Women's Union published on 16 Oct 2024, recomputed by the
//! indicator engine (`Registry::indicators`), and their trend over several
//! dates. They are built from the core's report blocks, so the text, HTML
//! and workbook renderers show them like the core's own sections.

use super::Options;
use coopkit::indicators::{IndicatorId, Query};
use coopkit::report::{fraction, value, Bar, Block, Chart, Section, Table, Words};
use coopkit::{Lang, Registry};

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
pub(super) fn trend(registry: &Registry, o: &Options) -> Result<Option<Section>, coopkit::Error> {
    if o.trend.is_empty() {
        return Ok(None);
    }
    let l = o.lang;
    let mut s = Section::new(
        "trend",
        l.pick("The five figures over time", "Năm số liệu qua các năm"),
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
    let mut t = Table::new(&head);
    for (label, _, _, id) in five {
        let mut cells = vec![label.to_string()];
        cells.extend(o.trend.iter().map(|d| value(table.find_on(*d, id, &[]), l)));
        t.row(cells);
    }
    s.push(Block::Table(t));
    s.push(Block::Line {
        text: format!("{}.", under_rule(o)),
    });
    Ok(Some(s))
}

/// Section 1: the five figures published on 16 Oct 2024, recomputed from the
/// member data by the indicator engine, then the ratios derived from them.
pub(super) fn figures(registry: &Registry, o: &Options) -> Result<Section, coopkit::Error> {
    use IndicatorId::*;
    let l = o.lang;
    let mut s = Section::new(
        "figures",
        l.pick("The five reported figures", "Năm số liệu đã công bố"),
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
    let mut bars = Vec::new();
    for (label, shown, matches, id) in published {
        let mark = match row(id).and_then(|r| r.numerator) {
            Some(n) if matches.contains(&n) => "✓",
            Some(_) => "✗",
            None => "?",
        };
        t.row(vec![label.into(), shown.into(), value(row(id), l), mark.into()]);
        // "Nearly 400" is drawn at 400, as the derived ratios take it.
        let drawn = (*matches.end() + u64::from(matches.start() != matches.end())) as f64;
        bars.push(Bar {
            label: label.into(),
            values: vec![Some(drawn), row(id).and_then(|r| r.value)],
            texts: vec![shown.into(), value(row(id), l)],
        });
    }
    let chart = Chart::counts(
        l.pick("Published and recomputed", "Số công bố và số tính lại"),
        vec![
            l.pick("published", "công bố").into(),
            l.pick("recomputed", "tính lại").into(),
        ],
        bars,
        l,
    );
    s.push(Block::Table(t));
    s.push(Block::Paragraph {
        text: format!(
            "{}; {}",
            under_rule(o),
            l.pick(
                "“nearly 400” is read as 390 to 399.",
                "“gần 400” được hiểu là từ 390 đến 399."
            )
        ),
    });

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
    s.push(Block::Space);
    s.push(Block::Table(t));
    s.push(Block::Paragraph {
        text: l
            .pick(
                "The ratios from the figures take “nearly 400” as 400 members (REFERENCE.md §1).",
                "Các chỉ số từ số công bố lấy “gần 400” là 400 thành viên (REFERENCE.md §1).",
            )
            .into(),
    });
    s.push(Block::Chart(chart));
    Ok(s)
}

/// Which rule the count of women-managed cooperatives uses.
fn under_rule(o: &Options) -> String {
    let l = o.lang;
    format!(
        "{} {}",
        l.pick(
            "Women-managed under the rule",
            "Do phụ nữ tham gia quản lý theo tiêu chí"
        ),
        l.rule(o.rule)
    )
}

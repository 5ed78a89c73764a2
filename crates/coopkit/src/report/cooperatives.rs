//! The sections on each cooperative: checked against the law
//! (`crate::check`) and classified (`crate::classify`), with a chart of
//! women's share of members and board seats; and the closing notes, on what
//! in the results rests on confirmed law.

use super::words::{code, Words};
use super::{Assessed, Bar, Block, Chart, FindingItem, ListStyle, ReportOptions, Section, Table};
use crate::classify::SizeClassResult;
use crate::indicators::{Dimension, IndicatorId, Query};
use crate::text::Lang;
use crate::{
    Comparison, Cooperative, Finding, Law, ParameterUse, Registry, SizeStatus, Status, Value,
    WomenManagedRule,
};

/// A measured or required value, in the report's language.
fn show(v: &Value, l: Lang) -> String {
    match v {
        Value::Count(n) => l.count(*n),
        Value::Vnd(n) => format!("{} {}", l.count(*n), l.pick("VND", "đồng")),
        Value::Share(r) => l.percent(r.to_percent_f64()),
        Value::Percent(p) => format!("{p} %"),
        Value::Text(t) => code(t, l),
        Value::List(items) => items.iter().map(|t| code(t, l)).collect::<Vec<_>>().join(", "),
        other => other.to_string(),
    }
}

/// A required value with its direction: `≤ 30 %`, `≥ 5`, `3–15`, `one of …`.
fn required(f: &Finding, r: &Value, l: Lang) -> String {
    match f.comparison {
        Some(Comparison::OneOf) if matches!(r, Value::List(l) if l.len() > 1) => {
            format!("{} {}", l.pick("one of", "một trong"), show(r, l))
        }
        Some(Comparison::AllOf) if matches!(r, Value::List(l) if l.len() > 1) => {
            format!("{} {}", l.pick("all of", "đủ"), show(r, l))
        }
        Some(c) if !c.sign().is_empty() => format!("{} {}", c.sign(), show(r, l)),
        _ => show(r, l),
    }
}

/// Why a size class is missing, from its structured status.
fn size_gap(r: &SizeClassResult, l: Lang) -> String {
    let missing = || r.missing.join(", ");
    match r.status {
        SizeStatus::NotApplicable => l
            .pick(
                "not applicable: a cooperative group has no size class",
                "không áp dụng: tổ hợp tác không được xếp quy mô",
            )
            .into(),
        SizeStatus::ThresholdNotEncoded if r.missing.is_empty() => l
            .pick(
                "size class not determinable: threshold not encoded for this sector or kind",
                "không xác định được quy mô: ngưỡng cho lĩnh vực hoặc loại hình này chưa được mã hóa",
            )
            .into(),
        SizeStatus::ThresholdNotEncoded => format!(
            "{} {}",
            l.pick(
                "size class not determinable: threshold not encoded for this sector or kind; also missing:",
                "không xác định được quy mô: ngưỡng cho lĩnh vực hoặc loại hình này chưa được mã hóa; còn \
                 thiếu:",
            ),
            missing()
        ),
        SizeStatus::DataMissing => format!(
            "{} {}",
            l.pick(
                "size class not determinable: data missing:",
                "không xác định được quy mô: thiếu số liệu:"
            ),
            missing()
        ),
        // The date or the parameter table: the reason says which, in one sentence.
        _ => r.reason.get(l.as_str()).to_string(),
    }
}

/// Each cooperative: its classification, its findings, and women's share
/// of its members and board seats.
pub(super) fn cooperatives(
    registry: &Registry,
    assessed: &[Assessed],
    later: &[Cooperative],
    o: &ReportOptions,
) -> crate::Result<Section> {
    let l = o.lang;
    let mut s = Section::new("cooperatives", l.pick("Each cooperative", "Từng hợp tác xã"));
    if !later.is_empty() {
        let ids: Vec<&str> = later.iter().map(|c| c.id.as_str()).collect();
        let what = l.pick(
            "Not yet established or already dissolved on that date, left out:",
            "Chưa thành lập hoặc đã giải thể vào ngày đó, không tính:",
        );
        s.push(Block::Paragraph {
            text: format!("{what} {}.", ids.join(", ")),
        });
    }
    s.push(Block::Paragraph {
        text: l.pick(
            "Checks: ✓ pass, ✗ fail, ? not assessable (data missing, or no threshold in force on the date), \
             – not applicable.",
            "Kiểm tra: ✓ đạt, ✗ không đạt, ? không đánh giá được (thiếu dữ liệu, hoặc chưa có ngưỡng có hiệu \
             lực vào ngày đó), – không áp dụng.",
        )
        .into(),
    });
    let mut t = Table::new(&[
        l.pick("Id", "Mã"),
        l.pick("Name", "Tên"),
        l.pick("Sector", "Lĩnh vực"),
        l.pick("Size", "Quy mô"),
        ">✓",
        ">✗",
        ">?",
        ">–",
    ]);
    for a in assessed {
        let n = |s: Status| a.check.with_status(s).count().to_string();
        t.row(vec![
            a.coop.id.clone(),
            a.coop.name.clone(),
            a.coop.sector.label(l).into(),
            a.class.size_class.class.map_or("—", |c| c.label(l)).into(),
            n(Status::Pass),
            n(Status::Fail),
            n(Status::NotAssessable),
            n(Status::NotApplicable),
        ]);
    }
    s.push(Block::Table(t));

    // The basis of the size classes, and why any could not be determined.
    let mut bases: Vec<&str> = assessed
        .iter()
        .map(|a| a.class.size_class.basis.as_str())
        .collect();
    bases.dedup();
    s.push(Block::Line {
        text: format!(
            "{}: {}",
            l.pick("Size class by", "Quy mô theo"),
            bases.iter().map(|b| l.cite(b)).collect::<Vec<_>>().join("; ")
        ),
    });
    // Cooperatives without a class, grouped by why (the structured status and
    // the data fields missing).
    let mut reasons: Vec<(String, Vec<&str>)> = Vec::new();
    for a in assessed.iter().filter(|a| a.class.size_class.class.is_none()) {
        let why = size_gap(&a.class.size_class, l);
        match reasons.iter_mut().find(|(r, _)| *r == why) {
            Some((_, ids)) => ids.push(&a.coop.id),
            None => reasons.push((why, vec![&a.coop.id])),
        }
    }
    if !reasons.is_empty() {
        s.push(Block::List {
            style: ListStyle::Remarks,
            items: reasons
                .into_iter()
                .map(|(reason, ids)| format!("{}: {reason}", ids.join(", ")))
                .collect(),
        });
    }
    s.push(shares_chart(registry, assessed, o)?);

    // Women-managed under each of the four rules, the chosen one first.
    s.push(Block::Label {
        text: l
            .pick(
                "Women-managed under each rule:",
                "Do phụ nữ tham gia quản lý theo từng tiêu chí:",
            )
            .into(),
    });
    let mut rules = vec![o.rule];
    rules.extend(WomenManagedRule::ALL.into_iter().filter(|r| *r != o.rule));
    // In English the rules' ids head the columns; in Vietnamese, numbers
    // with a legend, so that no code is shown as a word.
    let names: Vec<String> = rules
        .iter()
        .enumerate()
        .map(|(i, r)| match l {
            Lang::En => r.as_str().to_owned(),
            Lang::Vi => format!("Tiêu chí {}", i + 1),
        })
        .collect();
    let mut header = vec![l.pick("Id", "Mã").to_string()];
    header.extend(names.iter().cloned());
    let mut t = Table::new(&header);
    let mut yes = vec![0; rules.len()];
    for a in assessed {
        let mut row = vec![a.coop.id.clone()];
        for (i, r) in rules.iter().enumerate() {
            let v = a
                .class
                .women_managed
                .iter()
                .find(|w| w.rule == *r)
                .and_then(|w| w.value);
            yes[i] += usize::from(v == Some(true));
            row.push(l.yes_no(v).into());
        }
        t.row(row);
    }
    let mut total = vec![l.pick("all: yes", "tổng: có").to_string()];
    total.extend(yes.iter().map(|n| format!("{n} / {}", assessed.len())));
    t.row(total);
    s.push(Block::Table(t));
    if l == Lang::Vi {
        s.push(Block::List {
            style: ListStyle::Legend,
            items: names
                .iter()
                .zip(&rules)
                .map(|(name, r)| format!("{name}: {}", r.label(l)))
                .collect(),
        });
    }

    // Every failed or not assessable finding, with its measure and citation.
    s.push(Block::Label {
        text: l
            .pick(
                "Findings that failed or could not be assessed:",
                "Các kết quả không đạt hoặc không đánh giá được:",
            )
            .into(),
    });
    let mut any = false;
    for a in assessed {
        let shown: Vec<_> = a
            .check
            .findings
            .iter()
            .filter(|f| matches!(f.status, Status::Fail | Status::NotAssessable))
            .collect();
        if shown.is_empty() {
            continue;
        }
        any = true;
        let mut items = Vec::new();
        for f in shown {
            let mut line = match f.status {
                Status::Fail => l.rule_id(f.rule),
                _ => format!("{}: {}", l.rule_id(f.rule), l.status(f.status)),
            };
            let mut sep = if f.status == Status::Fail { ":" } else { ";" };
            if let Some(m) = &f.measured {
                line.push_str(&format!("{sep} {} {}", l.pick("measured", "thực tế"), show(m, l)));
                sep = ";";
            }
            if let Some(r) = &f.required {
                line.push_str(&format!(
                    "{sep} {} {}",
                    l.pick("required", "quy định"),
                    required(f, r, l)
                ));
            }
            items.push(FindingItem {
                status: f.status,
                text: line,
                citation: match l {
                    Lang::En => f.citation.clone(),
                    Lang::Vi => f.citation_vi.clone(),
                },
                message: f.message.get(l.as_str()).to_string(),
            });
        }
        s.push(Block::Findings {
            heading: format!("{} {}", a.coop.id, a.coop.name),
            items,
        });
    }
    if !any {
        s.push(Block::List {
            style: ListStyle::Legend,
            items: vec![l
                .pick(
                    "none: every rule that applies is met",
                    "không có: đạt mọi quy định áp dụng",
                )
                .into()],
        });
    }
    Ok(s)
}

/// Women's share of members and of board seats in each cooperative, from
/// the indicator engine grouped by cooperative.
fn shares_chart(registry: &Registry, assessed: &[Assessed], o: &ReportOptions) -> crate::Result<Block> {
    let l = o.lang;
    let ids = [IndicatorId::MembersFemaleShare, IndicatorId::BoardFemaleShare];
    let table = registry.indicators(
        &Query::new(o.as_of)
            .rule(o.rule)
            .ids(ids)
            .by([Dimension::Cooperative]),
    )?;
    // The rows by cooperative and indicator, found once (not a scan of the
    // table for each bar).
    let mut rows_of = std::collections::HashMap::new();
    for r in table.rows.iter().filter(|r| r.disaggregation.is_none()) {
        if let Some(coop) = r.group_value(Dimension::Cooperative) {
            rows_of.entry((coop, r.indicator)).or_insert(r);
        }
    }
    let bars = assessed
        .iter()
        .map(|a| {
            let rows = ids.map(|id| rows_of.get(&(a.coop.id.as_str(), id)).copied());
            Bar {
                label: a.coop.id.clone(),
                values: rows.iter().map(|r| r.and_then(|r| r.value)).collect(),
                texts: rows.iter().map(|r| super::value(*r, l)).collect(),
            }
        })
        .collect();
    let chart = Chart::shares(
        l.pick(
            "Women's share of members and of board seats, by cooperative",
            "Tỷ lệ nữ trong thành viên và trong hội đồng quản trị, theo hợp tác xã",
        ),
        vec![
            l.pick("members", "thành viên").into(),
            l.pick("board seats", "ghế HĐQT").into(),
        ],
        bars,
    );
    Ok(Block::Chart(chart.marker(50.0, l.pick("half", "một nửa"))))
}

/// The closing notes: what in these results rests on confirmed law, and
/// what does not.
pub(super) fn notes(assessed: &[Assessed], law: Law, o: &ReportOptions) -> Section {
    let l = o.lang;
    let params = &o.params;
    let mut s = Section::new(
        "notes",
        l.pick(
            "What is confirmed law, and what is not",
            "Điều nào là luật đã xác nhận, điều nào chưa",
        ),
    );
    s.number = None;
    let mut notes: Vec<String> = o.notes.clone();
    if !law.in_force_on(o.as_of) {
        notes.push(format!(
            "{} {} {}: {}",
            l.law(law),
            l.pick("was not in force on", "không có hiệu lực vào ngày"),
            l.date(o.as_of),
            l.pick(
                "the findings say what that law would require, not what applied.",
                "các kết quả cho biết luật đó sẽ yêu cầu gì, không phải quy định đang áp dụng.",
            )
        ));
    }
    // The built-in table holds confirmed values only; say so if it is true.
    if params.entries().iter().all(|p| p.confirmed) {
        notes.push(format!(
            "{} {}.",
            l.pick(
                "Every threshold applied is a confirmed value of the built-in table, dated and cited on \
                 each finding; values the sources do not confirm are not built in. Law applied:",
                "Mọi ngưỡng được áp dụng đều là giá trị đã xác nhận trong bảng tham số có sẵn, có ngày hiệu \
                 lực và trích dẫn ở từng kết quả; giá trị chưa được nguồn xác nhận không được đưa vào. Luật \
                 áp dụng:",
            ),
            l.law(law)
        ));
    }
    notes.push(format!(
        "{} {}.",
        l.pick(
            "Decision 01/QĐ-TTg gives no formal definition of a cooperative managed by women; \
             the counts above use the rule",
            "Quyết định 01/QĐ-TTg không định nghĩa hợp tác xã do phụ nữ tham gia quản lý; các số trên dùng tiêu chí",
        ),
        l.rule(o.rule)
    ));

    // The parameters behind the findings shown above, as each finding names
    // them: an unconfirmed (user-supplied) value is flagged, and the table's
    // own note says what is and is not confirmed about each value.
    let shown = assessed
        .iter()
        .flat_map(|a| &a.check.findings)
        .filter(|f| matches!(f.status, Status::Fail | Status::NotAssessable));
    let mut used: Vec<(&str, &ParameterUse)> = shown
        .flat_map(|f| f.parameters.iter().map(move |p| (f.rule, p)))
        .collect();
    used.sort_by(|a, b| (a.0, &a.1.id).cmp(&(b.0, &b.1.id)));
    used.dedup_by(|a, b| (a.0, &a.1.id) == (b.0, &b.1.id));
    for (rule, p) in used {
        if !p.confirmed {
            notes.push(format!(
                "{} ({}): {}",
                l.rule_id(rule),
                p.id,
                l.pick(
                    "rests on a value from the user's parameter table that no public source confirms.",
                    "dựa trên giá trị trong bảng tham số của người dùng, chưa được nguồn công khai nào xác nhận.",
                )
            ));
        }
        let note = match (l, &p.note, &p.note_vi) {
            (Lang::Vi, _, Some(vi)) => Some((l.pick("", "ghi chú của bảng tham số"), vi)),
            (_, Some(en), _) => Some((
                l.pick(
                    "the parameter table notes",
                    "ghi chú của bảng tham số (tiếng Anh)",
                ),
                en,
            )),
            _ => None,
        };
        if let Some((from_table, note)) = note {
            notes.push(format!("{} ({}), {from_table}: {note}", l.rule_id(rule), p.id));
        }
    }
    // A structure rule that failed or could not be assessed rests on the
    // size class, which the 2023 law's own classes give only from Decree 113.
    let structure: Vec<&Assessed> = assessed
        .iter()
        .filter(|a| {
            a.check
                .rule("governance.structure_allowed")
                .any(|f| matches!(f.status, Status::Fail | Status::NotAssessable))
        })
        .collect();
    let interim = law == Law::Vn2023 && !crate::classify::law_2023_classes_in_force(params, o.as_of);
    let interpreted = structure.iter().any(|a| {
        a.check
            .rule("governance.structure_allowed")
            .any(|f| !f.parameters.is_empty())
    });
    if interim && interpreted {
        notes.push(format!(
            "{}: {}",
            l.rule_id("governance.structure_allowed"),
            l.pick(
                "on this date Law 17/2023/QH15 is in force, but its size classes (Art. 16) have no \
                 thresholds until Decree 113/2024/NĐ-CP takes effect on 1 Nov 2024; the findings above \
                 apply the interpretation of the user's parameter table, not the law.",
                "vào ngày này Luật Hợp tác xã số 17/2023/QH15 đã có hiệu lực nhưng cách phân loại quy mô của \
                 Luật (Điều 16) chưa có ngưỡng cho đến khi Nghị định số 113/2024/NĐ-CP có hiệu lực ngày \
                 01/11/2024; các kết quả trên áp dụng cách hiểu trong bảng tham số của người dùng, không \
                 phải quy định của Luật.",
            )
        ));
    } else if interim && !structure.is_empty() {
        let ids: Vec<&str> = structure.iter().map(|a| a.coop.id.as_str()).collect();
        notes.push(format!(
            "{} ({}): {}",
            l.rule_id("governance.structure_allowed"),
            ids.join(", "),
            l.pick(
                "on this date Law 17/2023/QH15 is in force, but its size classes (Art. 16) have no \
                 thresholds until Decree 113/2024/NĐ-CP takes effect on 1 Nov 2024, so whether these \
                 cooperatives may keep the simplified structure cannot be decided from the law. Reading \
                 Circular 01/2020/TT-BKHĐT's member band into the law is an interpretation: to apply it, lay \
                 the parameter table examples/params/interim-2024.toml over the built-in one (--params in \
                 the main job), and each finding will say it is not confirmed.",
                "vào ngày này Luật Hợp tác xã số 17/2023/QH15 đã có hiệu lực nhưng cách phân loại quy mô của \
                 Luật (Điều 16) chưa có ngưỡng cho đến khi Nghị định số 113/2024/NĐ-CP có hiệu lực ngày \
                 01/11/2024, nên không thể căn cứ vào Luật để kết luận các hợp tác xã này có được giữ tổ chức \
                 quản trị rút gọn hay không. Áp dụng cách tính theo số thành viên của Thông tư số \
                 01/2020/TT-BKHĐT là một cách hiểu: muốn áp dụng, dùng bảng tham số \
                 examples/params/interim-2024.toml (tham số --params của chương trình chính), và từng kết \
                 quả sẽ ghi là chưa được xác nhận.",
            )
        ));
    } else if let (false, Some(a)) = (structure.is_empty(), assessed.first()) {
        let basis = &a.class.size_class.basis;
        notes.push(format!(
            "{}: {} {}.",
            l.rule_id("governance.structure_allowed"),
            l.pick(
                "depends on the size class, on this date by",
                "phụ thuộc vào quy mô, vào ngày này xếp theo",
            ),
            l.cite(basis)
        ));
    }
    let undetermined = assessed
        .iter()
        .filter(|a| a.class.size_class.class.is_none())
        .count();
    if undetermined > 0 {
        notes.push(format!(
            "{undetermined} {}",
            l.pick(
                "cooperatives have no size class (reasons above). Where a threshold is not encoded, the \
                 sources do not confirm it; a user's parameter table may supply it.",
                "hợp tác xã chưa xác định được quy mô (lý do ở trên). Ngưỡng nào chưa được mã hóa là do \
                 nguồn chưa xác nhận; người dùng có thể tự cung cấp bằng bảng tham số riêng.",
            )
        ));
    }
    let not_assessable: usize = assessed
        .iter()
        .map(|a| a.check.with_status(Status::NotAssessable).count())
        .sum();
    if not_assessable > 0 {
        notes.push(format!(
            "{not_assessable} {}",
            l.pick(
                "findings could not be assessed: the data they need is missing, or no threshold is in force \
                 on the date (see their messages).",
                "kết quả không đánh giá được vì thiếu dữ liệu cần thiết hoặc chưa có ngưỡng có hiệu lực vào \
                 ngày đó (xem nội dung từng kết quả).",
            )
        ));
    }
    s.push(Block::List {
        style: ListStyle::Bullets,
        items: notes,
    });
    s
}

//! The Quảng Ngãi province report, as a function from command-line arguments
//! to text, so that tests can read what a person would see.
//!
//! Each section shows one use of the library: reading a registry
//! (`coopkit::io`), checking each cooperative against the law in force
//! (`coopkit::check`), classifying it (`coopkit::classify`) and computing
//! indicators (`Registry::indicators`).

mod table;
mod text;

use coopkit::indicators::targets::{self, Measure};
use coopkit::indicators::{Dimension, Disaggregation, IndicatorId, Query, Row, Unit};
use coopkit::{CheckReport, Classification, Cooperative, Date, Law, LawChoice, Registry, Status, Value};
use coopkit::{Parameters, SizeClass, WomenManagedRule};
use std::fmt::{self, Write};
use std::path::PathBuf;
use table::{wrap, Table};
use text::Lang;

/// The example data: sixteen fictional cooperatives that reproduce the
/// figures published on 16 Oct 2024 (see `examples/data/README.md`).
const EMBEDDED: &str = include_str!("../data/quang-ngai-2024.json");

/// The date of the provincial workshop that published the figures.
const WORKSHOP_DATE: &str = "2024-10-16";

/// Lines are kept within this many columns.
const WIDTH: usize = 96;

const USAGE: &str = "\
Usage: quang_ngai [OPTIONS]

Prints the province report on cooperatives managed by women.

Options:
  --data PATH     a registry (.json, .jsonl or a folder of CSV files);
                  default: the embedded Quảng Ngãi example data
  --as-of DATE    the date of the report, YYYY-MM-DD (default 2024-10-16)
  --law LAW       auto (the law in force on the date), vn-2012 or vn-2023
  --lang LANG     en or vi (default en)
  --rule RULE     women-managed rule: chair_or_director (default),
                  management_majority, women_owned or declared
  -h, --help      this message";

/// Why the report could not be produced.
#[derive(Debug)]
pub enum ReportError {
    /// An unknown argument (exit code 2; the usage text follows the message).
    Usage(String),
    /// An option with a bad value (exit code 2).
    BadValue(String),
    /// The library refused the data (exit code 1); its message names the
    /// record and field.
    Library(coopkit::Error),
}

impl ReportError {
    /// The process exit code: 2 for a usage error, 1 otherwise.
    pub fn exit_code(&self) -> i32 {
        match self {
            ReportError::Usage(_) | ReportError::BadValue(_) => 2,
            ReportError::Library(_) => 1,
        }
    }
}

impl fmt::Display for ReportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReportError::Usage(msg) => write!(f, "error: {msg}\n\n{USAGE}"),
            ReportError::BadValue(msg) => write!(f, "error: {msg} (see --help)"),
            ReportError::Library(e) => write!(f, "error: {e}"),
        }
    }
}

impl From<coopkit::Error> for ReportError {
    fn from(e: coopkit::Error) -> Self {
        ReportError::Library(e)
    }
}

/// What the command line asks for.
struct Options {
    data: Option<PathBuf>,
    as_of: Date,
    law: LawChoice,
    lang: Lang,
    rule: WomenManagedRule,
}

/// Reads `--name value` and `--name=value` pairs; `None` means `--help`.
fn parse_args(args: &[String]) -> Result<Option<Options>, ReportError> {
    let usage = ReportError::Usage;
    let bad = ReportError::BadValue;
    let mut o = Options {
        data: None,
        as_of: WORKSHOP_DATE.parse().expect("the workshop date is a date"),
        law: LawChoice::Auto,
        lang: Lang::En,
        rule: WomenManagedRule::default(),
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        if arg == "-h" || arg == "--help" {
            return Ok(None);
        }
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (arg.as_str(), None),
        };
        if !matches!(name, "--data" | "--as-of" | "--law" | "--lang" | "--rule") {
            return Err(usage(format!("unknown argument {arg:?}")));
        }
        let value = match inline.or_else(|| args.next().cloned()) {
            Some(v) => v,
            None => return Err(bad(format!("{name} needs a value"))),
        };
        match name {
            "--data" => o.data = Some(PathBuf::from(value)),
            "--as-of" => {
                o.as_of = value
                    .parse()
                    .map_err(|_| bad(format!("--as-of: {value:?} is not a valid date (expected YYYY-MM-DD)")))?
            }
            "--law" => {
                o.law = LawChoice::parse(&value)
                    .ok_or_else(|| bad(format!("--law: {value:?}; expected auto, vn-2012 or vn-2023")))?
            }
            "--lang" => {
                o.lang = match value.as_str() {
                    "en" => Lang::En,
                    "vi" => Lang::Vi,
                    _ => return Err(bad(format!("--lang: {value:?}; expected en or vi"))),
                }
            }
            _ => {
                o.rule = WomenManagedRule::parse(&value).ok_or_else(|| {
                    bad(format!(
                        "--rule: {value:?}; expected chair_or_director, management_majority, women_owned or declared"
                    ))
                })?
            }
        }
    }
    Ok(Some(o))
}

/// The report for these command-line arguments (without the program name),
/// or the usage text for `--help`.
pub fn run(args: &[String]) -> Result<String, ReportError> {
    let Some(options) = parse_args(args)? else {
        return Ok(format!("{USAGE}\n"));
    };
    let registry = match &options.data {
        Some(path) => coopkit::io::registry_from_path(path)?,
        None => coopkit::io::registry_from_json(EMBEDDED)?,
    };
    Ok(report(&registry, &options)?)
}

/// One cooperative with what the library says about it.
struct Assessed {
    coop: Cooperative,
    check: CheckReport,
    class: Classification,
}

fn report(registry: &Registry, o: &Options) -> Result<String, coopkit::Error> {
    let law = o.law.resolve(o.as_of);
    let assessed: Vec<Assessed> = registry
        .iter()
        .map(|coop| Assessed {
            check: coopkit::check(&coop, o.law, o.as_of),
            class: coopkit::classify(&coop, o.as_of),
            coop,
        })
        .collect();
    let mut out = String::new();
    header(&mut out, registry, law, o);
    figures(&mut out, registry, o)?;
    indicators(&mut out, registry, o)?;
    programme(&mut out, registry, o)?;
    cooperatives(&mut out, &assessed, o);
    footer(&mut out, &assessed, law, o);
    Ok(out)
}

fn heading(out: &mut String, title: &str) {
    let _ = write!(out, "\n{title}\n{}\n", "=".repeat(title.chars().count()));
}

/// Section 1: what the report is computed from.
fn header(out: &mut String, registry: &Registry, law: Law, o: &Options) {
    let l = o.lang;
    let title = l.pick(
        "Quảng Ngãi province: cooperatives managed by women",
        "Tỉnh Quảng Ngãi: hợp tác xã do phụ nữ quản lý",
    );
    let _ = writeln!(out, "{title}\n{}", "#".repeat(title.chars().count()));
    let source = match &o.data {
        Some(path) => path.display().to_string(),
        None => format!(
            "examples/data/quang-ngai-2024.json ({})",
            l.pick("embedded, fictional", "kèm theo, giả định")
        ),
    };
    let how = match (o.law, law.in_force_on(o.as_of)) {
        (LawChoice::Auto, _) => l.pick("the law in force on that date", "luật có hiệu lực vào ngày đó"),
        (LawChoice::Law(_), true) => l.pick(
            "named; in force on that date",
            "chỉ định; có hiệu lực vào ngày đó",
        ),
        (LawChoice::Law(_), false) => l.pick(
            "named; NOT in force on that date",
            "chỉ định; KHÔNG có hiệu lực vào ngày đó",
        ),
    };
    let rule_meaning = match o.rule {
        WomenManagedRule::ChairOrDirector => l.pick(
            "the board chair or the director is a woman",
            "chủ tịch HĐQT hoặc giám đốc là nữ",
        ),
        WomenManagedRule::ManagementMajority => l.pick(
            "women hold at least half of the board seats and the director post",
            "nữ giữ ít nhất một nửa số ghế HĐQT và chức giám đốc",
        ),
        WomenManagedRule::WomenOwned => l.pick(
            "women members hold ≥ 51 % of charter capital and a woman manages",
            "thành viên nữ góp ≥ 51 % vốn điều lệ và có nữ tham gia quản lý",
        ),
        WomenManagedRule::Declared => l.pick(
            "recorded as women-managed by the Women's Union",
            "được Hội Liên hiệp Phụ nữ ghi nhận là do phụ nữ quản lý",
        ),
    };
    let date_note = if o.as_of.to_string() == WORKSHOP_DATE {
        l.pick(" (the date of the workshop)", " (ngày hội thảo)")
    } else {
        ""
    };
    let fields = [
        (
            l.pick("Data", "Dữ liệu"),
            format!(
                "{source}: {} {}",
                registry.len(),
                l.pick("cooperatives", "hợp tác xã")
            ),
        ),
        (
            l.pick("As of", "Tính đến ngày"),
            format!("{}{date_note}", o.as_of),
        ),
        (
            l.pick("Law applied", "Luật áp dụng"),
            format!("{} ({}), {how}", law.title(), law.as_str()),
        ),
        (
            l.pick("Women-managed", "Do phụ nữ quản lý"),
            format!(
                "{} {}: {rule_meaning}",
                l.pick("rule", "tiêu chí"),
                o.rule.as_str()
            ),
        ),
    ];
    let label_width = fields.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0);
    for (label, value) in fields {
        let pad = " ".repeat(label_width - label.chars().count());
        out.push_str(&wrap(&format!("{label}{pad}  "), &value, WIDTH));
    }
}

/// An indicator's value as the report shows it: counts whole, percentages
/// with one decimal, ratios with two; `—` when there is none.
fn value(row: Option<&Row>, l: Lang) -> String {
    match row.and_then(|r| r.value.map(|v| (r.unit, v))) {
        Some((Unit::Count, v)) => l.count(v as u64),
        Some((Unit::Percent, v)) => l.percent(v),
        Some((Unit::Ratio, v)) => l.decimal(v, 2),
        None => "—".into(),
    }
}

/// `numerator / denominator` of a share or ratio.
fn fraction(row: Option<&Row>, l: Lang) -> String {
    match row.map(|r| (r.numerator, r.denominator)) {
        Some((Some(n), Some(d))) => format!("{} / {}", l.count(n), l.count(d)),
        _ => String::new(),
    }
}

/// A published figure: a number, or "nearly 400" read as 390 to 399.
struct Published {
    label: (&'static str, &'static str),
    shown: (&'static str, &'static str),
    range: std::ops::RangeInclusive<u64>,
    indicator: IndicatorId,
}

/// Section 1: the five figures published on 16 Oct 2024, recomputed from the
/// member data by the indicator engine, then the ratios derived from them.
fn figures(out: &mut String, registry: &Registry, o: &Options) -> Result<(), coopkit::Error> {
    use IndicatorId::*;
    let l = o.lang;
    heading(
        out,
        l.pick("1. The five reported figures", "1. Năm số liệu đã công bố"),
    );
    let published = [
        Published {
            label: ("Women-managed cooperatives", "Hợp tác xã do phụ nữ quản lý"),
            shown: ("16", "16"),
            range: 16..=16,
            indicator: WomenManaged,
        },
        Published {
            label: ("Their members", "Số thành viên"),
            shown: ("nearly 400", "gần 400"),
            range: 390..=399,
            indicator: Members,
        },
        Published {
            label: ("of whom women", "trong đó nữ"),
            shown: ("145", "145"),
            range: 145..=145,
            indicator: MembersFemale,
        },
        Published {
            label: ("Women on the management boards", "Nữ trong hội đồng quản trị"),
            shown: ("48", "48"),
            range: 48..=48,
            indicator: BoardFemale,
        },
        Published {
            label: (
                "Cooperatives with ethnic-minority members",
                "Hợp tác xã có thành viên dân tộc thiểu số",
            ),
            shown: ("6", "6"),
            range: 6..=6,
            indicator: CoopsWithMinorityMember,
        },
    ];
    let derived = [
        MembersFemaleShare,
        BoardFemale,
        CoopsWithMinorityMemberShare,
        MembersGenderParity,
        Cooperatives,
    ];
    let query = Query::new(o.as_of)
        .rule(o.rule)
        .ids(published.iter().map(|p| p.indicator).chain(derived));
    let table = registry.indicators(&query)?;
    let row = |id| table.find(id, &[]);

    let mut t = Table::new(&[
        l.pick("Figure", "Số liệu"),
        l.pick(">Published", ">Công bố"),
        l.pick(">Recomputed", ">Tính lại"),
        "",
    ]);
    for p in &published {
        let r = row(p.indicator);
        let got = r.and_then(|r| r.numerator);
        let mark = match got {
            Some(n) if p.range.contains(&n) => "✓",
            Some(_) => "✗",
            None => "?",
        };
        t.row(vec![
            l.pick(p.label.0, p.label.1).into(),
            l.pick(p.shown.0, p.shown.1).into(),
            value(r, l),
            mark.into(),
        ]);
    }
    out.push_str(&t.render());
    let _ = writeln!(
        out,
        "{} {}; {}",
        l.pick("Women-managed under the rule", "Do phụ nữ quản lý theo tiêu chí"),
        o.rule.as_str(),
        l.pick(
            "“nearly 400” is read as 390 to 399.",
            "“gần 400” được hiểu là từ 390 đến 399."
        )
    );

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
    t.row(vec![
        l.pick("Women's share of members", "Tỷ lệ nữ trong thành viên")
            .into(),
        format!("≈ {} %", l.decimal(36.0, 0)),
        value(row(MembersFemaleShare), l),
        fraction(row(MembersFemaleShare), l),
    ]);
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
    t.row(vec![
        l.pick(
            "Cooperatives with minority members",
            "Tỷ lệ HTX có thành viên dân tộc thiểu số",
        )
        .into(),
        l.percent(37.5),
        value(row(CoopsWithMinorityMemberShare), l),
        fraction(row(CoopsWithMinorityMemberShare), l),
    ]);
    t.row(vec![
        l.pick(
            "Gender parity index (women ÷ men)",
            "Chỉ số bình đẳng giới (nữ ÷ nam)",
        )
        .into(),
        format!("≈ {}", l.decimal(0.57, 2)),
        value(row(MembersGenderParity), l),
        fraction(row(MembersGenderParity), l),
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
fn indicators(out: &mut String, registry: &Registry, o: &Options) -> Result<(), coopkit::Error> {
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
        let _ = writeln!(
            out,
            "{} {}:",
            l.pick("Province code", "Tỉnh, mã"),
            province.unwrap_or(l.pick("(no code)", "(không có mã)"))
        );
        let mut t = Table::new(&[
            l.pick("Indicator", "Chỉ tiêu"),
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
            t.row(vec![
                r.indicator.as_str().into(),
                n(r.numerator),
                n(r.denominator),
                value(Some(r), l),
                match r.unit {
                    Unit::Count => l.pick("count", "số đếm"),
                    Unit::Percent => l.pick("percent", "phần trăm"),
                    Unit::Ratio => l.pick("ratio", "tỷ số"),
                }
                .into(),
            ]);
            // Why a value is missing or partial; indicators with the same reason share a line.
            let why = match (&r.reason, r.not_contributing) {
                (Some(reason), _) => reason.get(l.code()).to_string(),
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
fn programme(out: &mut String, registry: &Registry, o: &Options) -> Result<(), coopkit::Error> {
    let l = o.lang;
    heading(
        out,
        l.pick("3. Programme 01/QĐ-TTg: progress", "3. Đề án 01/QĐ-TTg: tiến độ"),
    );
    out.push_str(&wrap(
        "",
        l.pick(
            "The targets are national; what is achieved is this data's contribution. Whether it is on \
             track is not assessed: that needs a baseline.",
            "Chỉ tiêu là của cả nước; phần đạt được là đóng góp của dữ liệu này. Chưa đánh giá tiến độ \
             có đúng kế hoạch không: cần có số liệu gốc.",
        ),
        WIDTH,
    ));
    // One block per target, with its due dates; a target the registry
    // cannot measure says why.
    let all = targets::programme_targets();
    let mut done: Vec<&str> = Vec::new();
    for target in all {
        let description = target.description.get(l.code());
        if done.contains(&description) {
            continue;
        }
        done.push(description);
        out.push_str(&wrap("  - ", description, WIDTH));
        let mut why = None;
        for t in all.iter().filter(|t| t.description.get(l.code()) == description) {
            let p = targets::progress(registry, t, o.as_of, None, o.rule)?;
            let unit = if t.unit == Unit::Percent { " %" } else { "" };
            let mut line = format!("{} {}: {}{unit}", l.pick("by", "đến"), t.due, l.count(t.value));
            match (p.achieved, &t.measure) {
                (
                    Some(a),
                    Measure::Indicator {
                        indicator,
                        kind,
                        note,
                    },
                ) => {
                    let _ = write!(
                        line,
                        "; {} {} ({})",
                        l.pick("achieved", "đạt"),
                        l.count(a),
                        p.progress.map_or("—".into(), |x| l.percent(x * 100.0)),
                    );
                    let none_of_kind = kind.is_some_and(|k| registry.iter().all(|c| c.kind != k));
                    why = match (none_of_kind, l) {
                        (true, _) => Some(
                            l.pick(
                                "the data holds no organisation of this kind",
                                "dữ liệu không có tổ chức loại này",
                            )
                            .to_string(),
                        ),
                        (false, Lang::En) => Some(match note {
                            Some(note) => format!("{indicator}: {note}"),
                            None => indicator.to_string(),
                        }),
                        (false, Lang::Vi) => Some(indicator.to_string()),
                    };
                }
                _ => why = p.reason.map(|r| r.get(l.code()).to_string()),
            }
            out.push_str(&wrap("      ", &line, WIDTH));
        }
        if let Some(why) = why {
            out.push_str(&wrap("      ", &format!("({why})"), WIDTH));
        }
    }
    Ok(())
}

/// A measured or required value, in the report's language.
fn show(v: &Value, l: Lang) -> String {
    match v {
        Value::Count(n) => l.count(*n),
        Value::Vnd(n) => format!("{} {}", l.count(*n), l.pick("VND", "đồng")),
        Value::Share(r) => l.percent(r.to_percent_f64()),
        Value::Percent(p) => format!("{p} %"),
        Value::Text(t) => match t.as_str() {
            "micro" => l.size_class(SizeClass::Micro).into(),
            "small" => l.size_class(SizeClass::Small).into(),
            "medium" => l.size_class(SizeClass::Medium).into(),
            "large" => l.size_class(SizeClass::Large).into(),
            _ => t.clone(),
        },
        other => other.to_string(),
    }
}

/// Section 5: each cooperative, its classification and its findings.
fn cooperatives(out: &mut String, assessed: &[Assessed], o: &Options) {
    let l = o.lang;
    heading(out, l.pick("4. Each cooperative", "4. Từng hợp tác xã"));
    let _ = writeln!(
        out,
        "{}",
        l.pick(
            "Checks: ✓ pass, ✗ fail, ? not assessable (data missing), – not applicable.",
            "Kiểm tra: ✓ đạt, ✗ không đạt, ? không đánh giá được (thiếu dữ liệu), – không áp dụng.",
        )
    );
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
            l.sector(a.coop.sector).into(),
            a.class.size_class.class.map_or("—", |c| l.size_class(c)).into(),
            n(Status::Pass),
            n(Status::Fail),
            n(Status::NotAssessable),
            n(Status::NotApplicable),
        ]);
    }
    out.push_str(&t.render());

    // The basis of the size classes, and why any could not be determined.
    let mut bases: Vec<&str> = assessed
        .iter()
        .map(|a| a.class.size_class.basis.as_str())
        .collect();
    bases.dedup();
    let _ = writeln!(
        out,
        "{}: {}",
        l.pick("Size class by", "Quy mô theo"),
        bases.join("; ")
    );
    // Cooperatives without a class, grouped by the first sentence of the reason.
    let mut reasons: Vec<(&str, Vec<&str>)> = Vec::new();
    for a in assessed.iter().filter(|a| a.class.size_class.class.is_none()) {
        let reason = a.class.size_class.reason.get(l.code());
        let first = reason.split_once(". ").map_or(reason, |(s, _)| s);
        match reasons.iter_mut().find(|(r, _)| *r == first) {
            Some((_, ids)) => ids.push(&a.coop.id),
            None => reasons.push((first, vec![&a.coop.id])),
        }
    }
    for (reason, ids) in reasons {
        out.push_str(&wrap("  — ", &format!("{}: {reason}", ids.join(", ")), WIDTH));
    }

    // Women-managed under each of the four rules, the chosen one first.
    let _ = writeln!(
        out,
        "\n{}",
        l.pick(
            "Women-managed under each rule:",
            "Do phụ nữ quản lý theo từng tiêu chí:"
        )
    );
    let mut rules = vec![o.rule];
    rules.extend(WomenManagedRule::ALL.into_iter().filter(|r| *r != o.rule));
    let mut header = vec![l.pick("Id", "Mã")];
    header.extend(rules.iter().map(|r| r.as_str()));
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
    out.push_str(&t.render());

    // Every failed or not assessable finding, with its measure and citation.
    let _ = writeln!(
        out,
        "\n{}",
        l.pick(
            "Findings that failed or could not be assessed:",
            "Các kết quả không đạt hoặc không đánh giá được:",
        )
    );
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
        let _ = writeln!(out, "\n  {} {}", a.coop.id, a.coop.name);
        for f in shown {
            let mut line = match f.status {
                Status::Fail => format!("✗ {}", f.rule),
                _ => format!("? {}: {}", f.rule, l.status(f.status)),
            };
            let mut sep = if f.status == Status::Fail { ":" } else { ";" };
            if let Some(m) = &f.measured {
                let _ = write!(line, "{sep} {} {}", l.pick("measured", "thực tế"), show(m, l));
                sep = ";";
            }
            if let Some(r) = &f.required {
                let _ = write!(line, "{sep} {} {}", l.pick("required", "quy định"), show(r, l));
            }
            out.push_str(&wrap("    ", &line, WIDTH));
            out.push_str(&wrap("      ", &f.citation, WIDTH));
            out.push_str(&wrap("      ", f.message.get(l.code()), WIDTH));
        }
    }
    if !any {
        let _ = writeln!(
            out,
            "  {}",
            l.pick(
                "none: every rule that applies is met",
                "không có: đạt mọi quy định áp dụng"
            )
        );
    }
}

/// Section 6: what in these results rests on confirmed law, and what does not.
fn footer(out: &mut String, assessed: &[Assessed], law: Law, o: &Options) {
    let l = o.lang;
    heading(
        out,
        l.pick(
            "What is confirmed law, and what is not",
            "Điều nào là luật đã xác nhận, điều nào chưa",
        ),
    );
    let mut notes: Vec<String> = Vec::new();
    if o.data.is_none() {
        notes.push(
            l.pick(
                "The cooperatives are fictional. Only the five published figures come from the source \
                 (news report of the provincial Women's Union workshop, phunuvietnam.vn, 16 Oct 2024).",
                "Các hợp tác xã là giả định. Chỉ năm số liệu đã công bố lấy từ nguồn (tin về hội thảo của \
                 Hội LHPN tỉnh, phunuvietnam.vn, 16/10/2024).",
            )
            .into(),
        );
    }
    if !law.in_force_on(o.as_of) {
        notes.push(format!(
            "{} {} {}: {}",
            law.title(),
            l.pick("was not in force on", "không có hiệu lực vào ngày"),
            o.as_of,
            l.pick(
                "the findings say what that law would require, not what applied.",
                "các kết quả cho biết luật đó sẽ yêu cầu gì, không phải quy định đang áp dụng.",
            )
        ));
    }
    notes.push(format!(
        "{} {}.",
        l.pick(
            "Decision 01/QĐ-TTg gives no formal definition of a cooperative managed by women; \
             the counts above use the rule",
            "Quyết định 01/QĐ-TTg không định nghĩa hợp tác xã do phụ nữ quản lý; các số trên dùng tiêu chí",
        ),
        o.rule.as_str()
    ));

    // Findings shown above whose law is confirmed but not to the article, or
    // only from a secondary source (the notes of the built-in parameters).
    let shown = assessed
        .iter()
        .flat_map(|a| &a.check.findings)
        .filter(|f| matches!(f.status, Status::Fail | Status::NotAssessable));
    let mut cited: Vec<(&str, &str)> = shown.map(|f| (f.rule, f.citation.as_str())).collect();
    cited.sort();
    cited.dedup();
    for (rule, citation) in cited {
        if !citation.contains("Art.") {
            notes.push(format!(
                "{rule}: {} ({citation}).",
                l.pick(
                    "the rule is confirmed law; the article that sets it is not confirmed",
                    "quy định đã được xác nhận; chưa xác nhận số điều luật",
                )
            ));
        }
        let secondary = Parameters::builtin().entries().iter().any(|p| {
            p.citation == citation
                && p.law.is_none_or(|pl| pl == law)
                && p.in_force_on(o.as_of)
                && p.note.as_deref().is_some_and(|n| n.contains("secondary source"))
        });
        if secondary {
            notes.push(format!(
                "{rule}: {} ({citation}).",
                l.pick(
                    "confirmed from a secondary source only",
                    "chỉ được xác nhận qua nguồn thứ cấp",
                )
            ));
        }
    }
    let undetermined = assessed
        .iter()
        .filter(|a| a.class.size_class.class.is_none())
        .count();
    if undetermined > 0 {
        notes.push(format!(
            "{undetermined} {}",
            l.pick(
                "cooperatives have no size class (reasons above). Size thresholds that are not confirmed \
                 are not encoded; a user's parameter table may supply them.",
                "hợp tác xã chưa xác định được quy mô (lý do ở trên). Các ngưỡng quy mô chưa được xác nhận \
                 không được mã hóa; người dùng có thể tự cung cấp bằng bảng tham số riêng.",
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
                "findings could not be assessed: the data they need is missing (see their messages).",
                "kết quả không đánh giá được vì thiếu dữ liệu cần thiết (xem nội dung từng kết quả).",
            )
        ));
    }
    for n in notes {
        out.push_str(&wrap("- ", &n, WIDTH));
    }
}

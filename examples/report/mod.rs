//! The Quảng Ngãi province report, as a function from command-line arguments
//! to text, so that tests can read what a person would see.
//!
//! Each section shows one use of the library: reading a registry
//! (`coopkit::io`), checking each cooperative against the law in force
//! (`coopkit::check`), classifying it (`coopkit::classify`) and computing
//! indicators (`Registry::indicators`).

mod table;
mod text;

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
    let mut total = vec![l.pick("yes", "có").to_string()];
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

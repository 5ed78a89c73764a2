//! The Quảng Ngãi province report, as a function from command-line arguments
//! to text, so that tests can read what a person would see.
//!
//! It reads a registry (`coopkit::io`), asks the core for its report
//! (`Registry::report`: the indicators, the programme's targets, each
//! cooperative checked and classified, the notes on confirmed law), adds
//! the sections only this province has (the five figures published on
//! 16 Oct 2024, in `published.rs`), and writes it as text, and on request
//! as an HTML page and an Excel workbook.

mod published;

use coopkit::report::{Report, ReportOptions};
use coopkit::{Date, Lang, LawChoice, Parameters, WomenManagedRule};
use std::fmt;
use std::path::PathBuf;

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
  --data PATH     a registry (.json, .jsonl, .xlsx or a folder of CSV
                  files); default: the embedded Quảng Ngãi example data
  --as-of DATE    the date of the report, YYYY-MM-DD (default 2024-10-16);
                  several dates, comma-separated, add the trend of the
                  five figures and the report is for the last of them
  --law LAW       auto (the law in force on the date), vn-2012 or vn-2023
  --lang LANG     en or vi (default en)
  --rule RULE     women-managed rule: chair_or_director (default),
                  management_majority, women_owned or declared
  --params PATH   a parameter table (TOML) laid over the built-in one, for
                  example examples/params/interim-2024.toml
  --units PATH    a table of administrative units (CSV, the layout of
                  coopkit::units) laid over the built-in one: names beside
                  codes, and codes checked against the units of the date
  --xlsx PATH     also write the indicators, every finding and the
                  classifications to an Excel workbook, in the report's
                  language
  --html PATH     also write the report as one self-contained HTML page
                  (charts inline, nothing fetched, print styles for A4)
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
    params: Option<PathBuf>,
    /// The dates of `--as-of` when it lists more than one (a trend).
    trend: Vec<Date>,
    /// `--units`, read when the arguments are.
    units_path: Option<PathBuf>,
    /// The unit table: the built-in one, with `--units` laid over it.
    units: coopkit::units::Units,
    /// `--xlsx`: where to write the workbook.
    xlsx: Option<PathBuf>,
    /// `--html`: where to write the HTML page.
    html: Option<PathBuf>,
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
        params: None,
        trend: Vec::new(),
        units_path: None,
        units: coopkit::units::Units::builtin(),
        xlsx: None,
        html: None,
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
        if !matches!(
            name,
            "--data"
                | "--as-of"
                | "--law"
                | "--lang"
                | "--rule"
                | "--params"
                | "--units"
                | "--xlsx"
                | "--html"
        ) {
            return Err(usage(format!("unknown argument {arg:?}")));
        }
        let value = match inline.or_else(|| args.next().cloned()) {
            Some(v) => v,
            None => return Err(bad(format!("{name} needs a value"))),
        };
        match name {
            "--data" => o.data = Some(PathBuf::from(value)),
            "--params" => o.params = Some(PathBuf::from(value)),
            "--units" => o.units_path = Some(PathBuf::from(value)),
            "--xlsx" => o.xlsx = Some(PathBuf::from(value)),
            "--html" => o.html = Some(PathBuf::from(value)),
            "--as-of" => {
                let parts: Vec<&str> = value.split(',').collect();
                let mut dates = Vec::new();
                for (i, part) in parts.iter().enumerate() {
                    let which = if parts.len() == 1 {
                        String::new()
                    } else {
                        format!(" date {} of {}", i + 1, parts.len())
                    };
                    dates.push(part.trim().parse::<Date>().map_err(|_| {
                        bad(format!("--as-of:{which} not a valid date (expected YYYY-MM-DD)"))
                    })?);
                }
                if dates.len() > coopkit::indicators::MAX_DATES {
                    return Err(bad(format!(
                        "--as-of: at most {} dates",
                        coopkit::indicators::MAX_DATES
                    )));
                }
                dates.sort();
                dates.dedup();
                o.as_of = *dates.last().ok_or_else(|| bad("--as-of needs a date".into()))?;
                o.trend = if dates.len() > 1 { dates } else { Vec::new() };
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
    let Some(mut options) = parse_args(args)? else {
        return Ok(format!("{USAGE}\n"));
    };
    if let Some(path) = &options.units_path {
        let text = std::fs::read_to_string(path)
            .map_err(|e| ReportError::BadValue(format!("--units: cannot read {}: {e}", path.display())))?;
        options.units = options
            .units
            .overlay(&coopkit::units::Units::from_csv_str(&text)?);
    }
    // With a unit table of the user's, every location code must be a unit
    // valid on the report's date.
    let read = match &options.units_path {
        Some(_) => coopkit::io::ReadOptions::new().units(options.units.clone(), options.as_of),
        None => coopkit::io::ReadOptions::new(),
    };
    let registry = match &options.data {
        Some(path) => read.read_path(path)?.registry,
        None => read.read_json(EMBEDDED)?.registry,
    };
    let params = match &options.params {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| {
                ReportError::BadValue(format!("--params: cannot read {}: {e}", path.display()))
            })?;
            Parameters::builtin().overlay(&Parameters::from_toml_str(&text)?)
        }
        None => Parameters::builtin().clone(),
    };
    let report = report(&registry, params, &options)?;
    let write = |what: &str, path: &PathBuf, bytes: &[u8]| {
        std::fs::write(path, bytes)
            .map_err(|e| ReportError::BadValue(format!("{what}: cannot write {}: {e}", path.display())))
    };
    if let Some(path) = &options.xlsx {
        write("--xlsx", path, &report.to_xlsx()?)?;
    }
    if let Some(path) = &options.html {
        write("--html", path, report.to_html().as_bytes())?;
    }
    Ok(report.to_text(WIDTH))
}

/// The core's report with this province's own sections in front: the five
/// published figures, and their trend when several dates are asked.
fn report(registry: &coopkit::Registry, params: Parameters, o: &Options) -> Result<Report, coopkit::Error> {
    let l = o.lang;
    let source = match &o.data {
        Some(path) => path.display().to_string(),
        None => format!(
            "examples/data/quang-ngai-2024.json ({})",
            l.pick("embedded, fictional", "kèm theo, minh họa")
        ),
    };
    let mut options = ReportOptions::new(o.as_of)
        .lang(l)
        .law(o.law)
        .rule(o.rule)
        .params(params)
        .units(o.units.clone())
        .title(l.pick(
            "Quảng Ngãi province: cooperatives managed by women",
            "Tỉnh Quảng Ngãi: hợp tác xã do phụ nữ tham gia quản lý",
        ))
        .source(source);
    if o.as_of.to_string() == WORKSHOP_DATE {
        options = options.as_of_note(l.pick("the date of the workshop", "ngày hội thảo"));
    }
    if o.data.is_none() {
        options = options.note(l.pick(
            "The cooperatives are fictional. Only the five published figures come from the source \
             (news report of the provincial Women's Union workshop, phunuvietnam.vn, 16 Oct 2024).",
            "Các hợp tác xã là minh họa. Chỉ năm số liệu đã công bố lấy từ nguồn (tin về hội thảo của \
             Hội LHPN tỉnh, phunuvietnam.vn, 16/10/2024).",
        ));
    }
    let mut report = registry.report(&options)?;
    report.sections.insert(0, published::figures(registry, o)?);
    report.renumber();
    if let Some(mut trend) = published::trend(registry, o)? {
        trend.number = Some("1b".into());
        report.sections.insert(1, trend);
    }
    Ok(report)
}

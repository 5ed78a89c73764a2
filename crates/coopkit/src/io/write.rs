//! Writers: JSON, JSON Lines and the CSV folder form. What they write the
//! readers read back to an equal value (for text in NFC).

use super::csv::{COOPERATIVES, COOPERATIVE_EXTRA, MEMBERS, POSITIONS};
use super::decode::fields;
use crate::codes::Code;
use crate::error::Error;
use crate::model::{Cooperative, Holder, Member, Position};
use crate::registry::Registry;
use std::path::Path;

/// One cooperative as compact JSON in the contract's shape; absent fields
/// are left out.
///
/// ```
/// use coopkit::{Cooperative, Kind, Sector};
/// let c = Cooperative::new("htx-1", "HTX Hoa Sen", Kind::Cooperative, Sector::Agriculture);
/// let text = coopkit::io::cooperative_to_json(&c);
/// assert_eq!(text, r#"{"id":"htx-1","name":"HTX Hoa Sen","kind":"cooperative","sector":"agriculture"}"#);
/// assert_eq!(coopkit::io::cooperative_from_json(&text).unwrap(), c);
/// ```
pub fn cooperative_to_json(coop: &Cooperative) -> String {
    // The model serialises to maps with string keys only: this cannot fail.
    serde_json::to_string(coop).unwrap_or_default()
}

/// A registry as `{"cooperatives": [...]}`, one cooperative a line.
///
/// ```
/// use coopkit::{Cooperative, Kind, Registry, Sector};
/// let c = Cooperative::new("htx-1", "HTX Hoa Sen", Kind::Cooperative, Sector::Agriculture);
/// let r = Registry::from_cooperatives(vec![c]).unwrap();
/// let text = coopkit::io::registry_to_json(&r);
/// assert!(text.starts_with("{\"cooperatives\": [\n{\"id\":\"htx-1\""));
/// assert_eq!(coopkit::io::registry_from_json(&text).unwrap().get(0), r.get(0));
/// ```
pub fn registry_to_json(registry: &Registry) -> String {
    let mut out = String::from("{\"cooperatives\": [");
    for (i, c) in registry.iter().enumerate() {
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        out.push_str(&cooperative_to_json(&c));
    }
    out.push_str("\n]}\n");
    out
}

/// A registry as JSON Lines: one cooperative a line.
pub fn registry_to_json_lines(registry: &Registry) -> String {
    let mut out = String::new();
    for c in registry.iter() {
        out.push_str(&cooperative_to_json(&c));
        out.push('\n');
    }
    out
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map_or_else(String::new, |v| v.to_string())
}

fn opt_name<T: Code>(v: Option<T>) -> String {
    v.map_or_else(String::new, |v| v.code().to_string())
}

fn cooperative_row(c: &Cooperative) -> Vec<String> {
    let s = c.summary.unwrap_or_default();
    let row = vec![
        c.id.clone(),
        c.name.clone(),
        c.kind.as_str().to_string(),
        c.sector.as_str().to_string(),
        c.province.clone().unwrap_or_default(),
        c.district.clone().unwrap_or_default(),
        c.commune.clone().unwrap_or_default(),
        opt(c.established),
        opt(c.dissolved),
        opt(c.charter_capital_vnd),
        opt(c.total_capital_vnd),
        opt(c.annual_revenue_vnd),
        opt(c.annual_revenue_year),
        opt(c.total_capital_year),
        opt_name(c.governance),
        opt_name(c.general_meeting),
        opt_name(c.ilo_type),
        opt_name(c.circular_type),
        opt(c.declared_women_managed),
        // COOPERATIVE_EXTRA, in order.
        opt(c.employees.map(|e| e.female)),
        opt(c.employees.map(|e| e.male)),
        opt(s.members),
        opt(s.members_female),
        opt(s.official_members),
        opt(s.official_members_female),
        opt(s.members_minority),
        opt(s.board_seats),
        opt(s.board_female),
        opt(s.chair_female),
        opt(s.director_female),
        opt(c.members.as_ref().map(|_| true)),
        opt(c.positions.as_ref().map(|_| true)),
    ];
    debug_assert_eq!(
        row.len(),
        fields::COOPERATIVE_SCALARS.len() + COOPERATIVE_EXTRA.len()
    );
    row
}

fn member_row(cid: &str, m: &Member) -> Vec<String> {
    // "cooperative_id" then fields::MEMBER, in order.
    vec![
        cid.to_string(),
        m.id.clone(),
        m.member_type.as_str().to_string(),
        opt_name(m.sex),
        opt(m.birth_date),
        m.ethnicity.map_or_else(String::new, |e| e.code().to_string()),
        if m.nationality == crate::model::Country::VN {
            String::new()
        } else {
            m.nationality.to_string()
        },
        opt(m.investment_certificate),
        opt(m.contributes_capital),
        opt(m.uses_services),
        opt(m.contributes_labour),
        opt_name(m.kind),
        opt(m.capital_vnd),
        opt(m.joined),
        opt(m.left),
    ]
}

fn position_row(cid: &str, p: &Position) -> Vec<String> {
    // "cooperative_id" then fields::POSITION, in order.
    let (member, sex, ethnicity) = match &p.holder {
        Holder::Member(id) => (id.clone(), String::new(), String::new()),
        Holder::External { sex, ethnicity } => (
            String::new(),
            opt_name(*sex),
            ethnicity.map_or_else(String::new, |e| e.code().to_string()),
        ),
    };
    vec![
        cid.to_string(),
        p.role.as_str().to_string(),
        member,
        sex,
        ethnicity,
        p.id.clone().unwrap_or_default(),
        opt(p.start),
        opt(p.end),
    ]
}

fn writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new().from_writer(Vec::new())
}

fn finish(w: csv::Writer<Vec<u8>>) -> String {
    // Writing to memory cannot fail, and every cell is UTF-8.
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// The header rows [`registry_to_csv`] writes: `cooperatives.csv`,
/// `members.csv`, `positions.csv`.
pub(crate) fn csv_headers() -> [Vec<&'static str>; 3] {
    let with_cooperative = |rest: &[&'static str]| {
        std::iter::once("cooperative_id")
            .chain(rest.iter().copied())
            .collect()
    };
    [
        fields::COOPERATIVE_SCALARS
            .iter()
            .chain(COOPERATIVE_EXTRA)
            .copied()
            .collect(),
        with_cooperative(fields::MEMBER),
        with_cooperative(fields::POSITION),
    ]
}

/// A registry as the three CSV files `(cooperatives.csv, members.csv,
/// positions.csv)`, every column written (see the [module
/// documentation](super) for the columns and for `members_listed`).
///
/// ```
/// use coopkit::{Cooperative, Kind, Member, MemberType, Registry, Sector};
/// let mut c = Cooperative::new("htx-1", "HTX Hoa Sen", Kind::Cooperative, Sector::Agriculture);
/// c.members = Some(vec![Member::new("m1", MemberType::Individual)]);
/// let r = Registry::from_cooperatives(vec![c]).unwrap();
/// let (coops, members, positions) = coopkit::io::registry_to_csv(&r);
/// assert!(members.lines().nth(1).unwrap().starts_with("htx-1,m1,individual,"));
/// let back = coopkit::io::registry_from_csv(coops.as_bytes(), Some(members.as_bytes()), Some(positions.as_bytes()));
/// assert_eq!(back.unwrap().get(0), r.get(0));
/// ```
pub fn registry_to_csv(registry: &Registry) -> (String, String, String) {
    let (mut cw, mut mw, mut pw) = (writer(), writer(), writer());
    let [coop_header, member_header, position_header] = csv_headers();
    // Writing to a Vec cannot fail; errors are ignored on that ground.
    let _ = cw.write_record(&coop_header);
    let _ = mw.write_record(&member_header);
    let _ = pw.write_record(&position_header);
    for c in registry.iter() {
        let _ = cw.write_record(cooperative_row(&c));
        for m in c.members.iter().flatten() {
            let _ = mw.write_record(member_row(&c.id, m));
        }
        for p in c.positions.iter().flatten() {
            let _ = pw.write_record(position_row(&c.id, p));
        }
    }
    (finish(cw), finish(mw), finish(pw))
}

/// Writes the registry as a CSV folder (`cooperatives.csv`, `members.csv`,
/// `positions.csv`, as [`registry_to_csv`] makes them), creating the folder
/// if needed; [`crate::io::registry_from_csv_dir`] reads it back to an equal
/// registry.
///
/// ```
/// let reg = coopkit::io::registry_from_json(r#"{"cooperatives": [
///     {"id": "htx-1", "name": "HTX Hoa Sen", "kind": "cooperative", "sector": "agriculture"}]}"#).unwrap();
/// let dir = std::env::temp_dir().join(format!("coopkit-doc-{}", std::process::id()));
/// coopkit::io::registry_to_csv_dir(&reg, &dir).unwrap();
/// let back = coopkit::io::registry_from_csv_dir(&dir).unwrap();
/// assert_eq!(back.get(0), reg.get(0));
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
pub fn registry_to_csv_dir(registry: &Registry, dir: &Path) -> Result<(), Error> {
    registry_to_csv_dir_with(registry, dir, false)
}

/// [`registry_to_csv_dir`], each file starting with a UTF-8 byte-order
/// mark when `bom`: Excel on Windows then shows the Vietnamese letters
/// (without it, it reads the file in the system's code page). The readers
/// take either.
pub fn registry_to_csv_dir_with(registry: &Registry, dir: &Path, bom: bool) -> Result<(), Error> {
    let (c, m, p) = registry_to_csv(registry);
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir.display().to_string(), e))?;
    let mark = if bom { "\u{feff}" } else { "" };
    for (name, text) in [(COOPERATIVES, c), (MEMBERS, m), (POSITIONS, p)] {
        let path = dir.join(name);
        std::fs::write(&path, format!("{mark}{text}"))
            .map_err(|e| Error::io(path.display().to_string(), e))?;
    }
    Ok(())
}

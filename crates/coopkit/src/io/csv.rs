//! The CSV folder form: `cooperatives.csv`, `members.csv`, `positions.csv`.
//!
//! Two readers. The public functions try the columnar reader first
//! ([`super::columns`]: valid input straight into the registry's columns,
//! `members.csv` decoded in blocks on several threads where there are
//! threads). Input it does not accept is read again by the record reader
//! here, which finds and locates every error: one pass over each file with
//! a reused [`ByteRecord`]; each header is resolved to column indices once;
//! member and position rows find their cooperative through a hash map of
//! ids; every record is a [`Cooperative`] before the registry is built. Both
//! decode cells with the same functions ([`super::decode`]) and run the same
//! cross-field checks ([`super::validate`]).

use super::columns::{self, CsvOptions};
use super::decode::{self, fields, Raw, Record};
use super::validate::{validate_at, Locate};
use super::{finish_lenient, finish_strict, Decoded, Loaded, Rejected};
use crate::error::{Error, InputError, InputErrorCode as Code, InputErrors};
use crate::model::{Cooperative, Member, Position};
use crate::registry::Registry;
use csv::ByteRecord;
use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

pub(crate) const COOPERATIVES: &str = "cooperatives.csv";
pub(crate) const MEMBERS: &str = "members.csv";
pub(crate) const POSITIONS: &str = "positions.csv";

/// Columns of `cooperatives.csv` besides the scalar fields, in written order.
pub(crate) const COOPERATIVE_EXTRA: &[&str] = &[
    "employees_female",
    "employees_male",
    "summary_members",
    "summary_members_female",
    "summary_official_members",
    "summary_official_members_female",
    "summary_members_minority",
    "summary_board_seats",
    "summary_board_female",
    "summary_chair_female",
    "summary_director_female",
    "members_listed",
    "positions_listed",
];

/// A header: column name → index.
pub(super) struct Header {
    file: &'static str,
    pub(super) index: HashMap<String, usize, NameHash>,
    /// The name of each column, in file order (`None` if not UTF-8).
    names: Vec<Option<String>>,
}

/// A fast hash for column names (a header's names are few and come from a
/// fixed list: unknown columns are errors).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct NameHash;

impl std::hash::BuildHasher for NameHash {
    type Hasher = NameHasher;
    fn build_hasher(&self) -> NameHasher {
        NameHasher(0)
    }
}

/// FxHash-style: rotate, xor, multiply per 8 bytes.
pub(super) struct NameHasher(u64);

impl std::hash::Hasher for NameHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut w = [0u8; 8];
            w[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_u8(&mut self, b: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Reads and checks a header; the errors are whole-file errors.
pub(super) fn header<R: Read>(
    rdr: &mut csv::Reader<R>,
    file: &'static str,
    allowed: &[&[&str]],
    required: &[&str],
    errors: &mut Vec<InputError>,
) -> Result<Header, Error> {
    let raw = rdr.byte_headers().map_err(|e| csv_error(file, e))?.clone();
    Ok(header_of(&raw, file, allowed, required, errors))
}

/// Checks a header row; the errors are whole-file errors.
pub(super) fn header_of(
    raw: &ByteRecord,
    file: &'static str,
    allowed: &[&[&str]],
    required: &[&str],
    errors: &mut Vec<InputError>,
) -> Header {
    let at = |col: &str| format!("{file}:1.{col}");
    let mut index = HashMap::with_capacity_and_hasher(raw.len(), NameHash);
    for (i, h) in raw.iter().enumerate() {
        let Ok(name) = std::str::from_utf8(h) else {
            errors.push(InputError::new(
                format!("{file}:1"),
                Code::Syntax,
                format!("column {} of the header is not valid UTF-8", i + 1),
            ));
            continue;
        };
        if !allowed.iter().any(|l| l.contains(&name)) {
            let list: Vec<&str> = allowed.iter().flat_map(|l| l.iter().copied()).collect();
            errors.push(InputError::new(
                at(name),
                Code::UnknownField,
                format!("unknown column; the columns are: {}", list.join(", ")),
            ));
        } else if index.insert(name.to_string(), i).is_some() {
            errors.push(InputError::new(
                at(name),
                Code::DuplicateId,
                "the column appears twice",
            ));
        }
    }
    for col in required {
        if !index.contains_key(*col) {
            errors.push(InputError::new(
                at(col),
                Code::MissingField,
                "required column is missing",
            ));
        }
    }
    let names = raw
        .iter()
        .map(|h| std::str::from_utf8(h).ok().map(String::from))
        .collect();
    Header { file, index, names }
}

/// An I/O failure of the reader, or a row it cannot split.
fn csv_error(file: &str, e: csv::Error) -> Error {
    Error::Io {
        path: file.to_string(),
        message: e.to_string(),
    }
}

/// One data row as a [`Record`].
pub(super) struct Row<'a> {
    header: &'a Header,
    rec: &'a ByteRecord,
    line: u64,
}

impl Row<'_> {
    fn cell(&self, field: &str) -> Option<&[u8]> {
        let i = *self.header.index.get(field)?;
        self.rec.get(i).filter(|c| !c.is_empty())
    }

    /// Reports every cell that is not UTF-8 (those cells then read as absent).
    pub(super) fn check_utf8(&self, errors: &mut Vec<InputError>) {
        if std::str::from_utf8(self.rec.as_slice()).is_ok() {
            return;
        }
        for (cell, name) in self.rec.iter().zip(&self.header.names) {
            if let (Err(_), Some(name)) = (std::str::from_utf8(cell), name) {
                errors.push(InputError::new(
                    self.path(name),
                    Code::InvalidValue,
                    "not valid UTF-8",
                ));
            }
        }
    }
}

impl Record for Row<'_> {
    fn get(&self, field: &str) -> Option<Raw<'_>> {
        std::str::from_utf8(self.cell(field)?).ok().map(Raw::Text)
    }
    fn path(&self, field: &str) -> String {
        format!("{}:{}.{field}", self.header.file, self.line)
    }
    fn present(&self, field: &str) -> bool {
        self.cell(field).is_some()
    }
}

/// The fields of a flattened record (`employees_female`, `summary_members`).
struct Prefixed<'a> {
    row: &'a Row<'a>,
    prefix: &'static str,
}

impl<'a> Prefixed<'a> {
    /// The flattened record under `prefix`, decoded with `decode`; `None`
    /// when none of its `fields` has a cell.
    fn decode<T>(
        row: &'a Row<'a>,
        prefix: &'static str,
        fields: &[&str],
        errors: &mut Vec<InputError>,
        decode: impl FnOnce(&Prefixed<'a>, &mut Vec<InputError>) -> Option<T>,
    ) -> Option<T> {
        let rec = Prefixed { row, prefix };
        if fields.iter().any(|f| rec.present(f)) {
            decode(&rec, errors)
        } else {
            None
        }
    }
}

impl Prefixed<'_> {
    /// `prefix` + `field`, composed without allocating.
    fn with_name<T>(&self, field: &str, f: impl FnOnce(&str) -> T) -> T {
        let mut buf = [0u8; 64];
        let (p, q) = (self.prefix.as_bytes(), field.as_bytes());
        match buf.get_mut(..p.len() + q.len()) {
            Some(name) => {
                name[..p.len()].copy_from_slice(p);
                name[p.len()..].copy_from_slice(q);
                // Two strings joined: always UTF-8.
                f(std::str::from_utf8(name).unwrap_or_default())
            }
            None => f(&format!("{}{field}", self.prefix)),
        }
    }
}

impl Record for Prefixed<'_> {
    fn get(&self, field: &str) -> Option<Raw<'_>> {
        self.with_name(field, |n| self.row.get(n))
    }
    fn path(&self, field: &str) -> String {
        self.row.path(&format!("{}{field}", self.prefix))
    }
    fn present(&self, field: &str) -> bool {
        self.with_name(field, |n| self.row.present(n))
    }
}

/// A cooperative row with the member and position rows that name it.
pub(super) struct Gathered {
    line: u64,
    pub(super) id: Option<String>,
    /// The record, with bad fields left out.
    pub(super) coop: Cooperative,
    pub(super) errors: Vec<InputError>,
    /// No member or position row of this cooperative has an error.
    lists_ok: bool,
    pub(super) members_listed: Option<bool>,
    pub(super) positions_listed: Option<bool>,
    members: Rows<Member>,
    positions: Rows<Position>,
}

/// The member or position rows of one cooperative: each record with the
/// line it was read from.
struct Rows<T> {
    items: Vec<T>,
    lines: Vec<u64>,
}

impl<T> Rows<T> {
    fn new() -> Self {
        Rows {
            items: Vec::new(),
            lines: Vec::new(),
        }
    }
}

/// Paths of a cooperative gathered from the three files.
struct CsvLocate<'a> {
    line: u64,
    member_lines: &'a [u64],
    position_lines: &'a [u64],
}

impl Locate for CsvLocate<'_> {
    fn field(&self, f: &str) -> String {
        format!("{COOPERATIVES}:{}.{f}", self.line)
    }
    fn summary(&self, f: &str) -> String {
        format!("{COOPERATIVES}:{}.summary_{f}", self.line)
    }
    fn member(&self, i: usize, f: &str) -> String {
        let line = self.member_lines.get(i).copied().unwrap_or(0);
        format!("{MEMBERS}:{line}.{f}")
    }
    fn position(&self, i: usize, f: &str) -> String {
        let line = self.position_lines.get(i).copied().unwrap_or(0);
        format!("{POSITIONS}:{line}.{f}")
    }
}

pub(super) fn reader<R: Read>(r: R) -> csv::Reader<R> {
    csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(r)
}

/// Reads rows, calling `each` with every row that splits; rows that do not
/// split (a wrong number of cells) are `syntax` errors.
pub(super) fn rows<R: Read>(
    rdr: &mut csv::Reader<R>,
    header: &Header,
    mut each: impl FnMut(&Row<'_>),
    syntax: &mut Vec<InputError>,
) -> Result<(), Error> {
    let mut rec = ByteRecord::new();
    loop {
        match rdr.read_byte_record(&mut rec) {
            Ok(false) => return Ok(()),
            Ok(true) => {
                let line = rec.position().map_or(0, |p| p.line());
                each(&Row {
                    header,
                    rec: &rec,
                    line,
                });
            }
            Err(e) => match e.kind() {
                csv::ErrorKind::UnequalLengths {
                    pos,
                    expected_len,
                    len,
                } => {
                    let line = pos.as_ref().map_or(0, |p| p.line());
                    syntax.push(InputError::new(
                        format!("{}:{line}", header.file),
                        Code::Syntax,
                        format!("the row has {len} cells but the header has {expected_len}"),
                    ));
                }
                _ => return Err(csv_error(header.file, e)),
            },
        }
    }
}

/// Rows that name no known cooperative, gathered per `cooperative_id`.
struct Orphans {
    base: usize,
    groups: Vec<Rejected>,
    index: HashMap<Option<String>, usize>,
}

impl Orphans {
    fn push(&mut self, cid: Option<String>, errors: Vec<InputError>) {
        let k = *self.index.entry(cid.clone()).or_insert_with(|| {
            self.groups.push(Rejected {
                index: self.base + self.groups.len(),
                id: cid,
                errors: Vec::new(),
            });
            self.groups.len() - 1
        });
        self.groups[k].errors.extend(errors);
    }
}

/// Finds the cooperative a member or position row names; errors of the row
/// go to that cooperative, or to the orphans.
fn route<'g>(
    row: &Row<'_>,
    mut row_errors: Vec<InputError>,
    cid: Option<String>,
    by_id: &HashMap<String, usize>,
    gathered: &'g mut [Gathered],
    orphans: &mut Orphans,
) -> Option<&'g mut Gathered> {
    match cid.as_ref().and_then(|c| by_id.get(c)) {
        Some(&k) => {
            let g = &mut gathered[k];
            g.errors.append(&mut row_errors);
            Some(g)
        }
        None => {
            if cid.is_some() {
                row_errors.insert(
                    0,
                    InputError::new(
                        row.path("cooperative_id"),
                        Code::UnknownReference,
                        format!("no cooperative with this id in {COOPERATIVES}"),
                    ),
                );
            }
            orphans.push(cid, row_errors);
            None
        }
    }
}

/// Where the rows of `members.csv` and `positions.csv` go.
struct Children<'a> {
    by_id: &'a HashMap<String, usize>,
    gathered: &'a mut [Gathered],
    orphans: &'a mut Orphans,
    syntax: &'a mut Vec<InputError>,
}

impl Children<'_> {
    /// Reads a file of member or position rows: each row is decoded with
    /// `decode` and added to the list `rows` picks of the cooperative its
    /// `cooperative_id` names; its errors go to that cooperative, or to the
    /// orphans.
    fn read<R: Read, T>(
        &mut self,
        rdr: &mut csv::Reader<R>,
        header: &Header,
        decode: fn(&Row<'_>, &mut Vec<InputError>) -> Option<T>,
        rows_of: fn(&mut Gathered) -> &mut Rows<T>,
    ) -> Result<(), Error> {
        let Children {
            by_id,
            gathered,
            orphans,
            syntax,
        } = self;
        rows(
            rdr,
            header,
            |row| {
                let mut errors = Vec::new();
                row.check_utf8(&mut errors);
                let cid = decode::Fields::new(row, &mut errors, false).req_string("cooperative_id");
                let item = decode(row, &mut errors);
                let bad = !errors.is_empty();
                if let Some(g) = route(row, errors, cid, by_id, gathered, orphans) {
                    g.lists_ok &= !bad;
                    if let Some(item) = item {
                        let list = rows_of(g);
                        list.items.push(item);
                        list.lines.push(row.line);
                    }
                }
            },
            syntax,
        )
    }
}

/// Reads the three files into checked records and orphan rows.
fn read<R: Read>(
    cooperatives: R,
    members: Option<R>,
    positions: Option<R>,
) -> Result<(Vec<Decoded>, Vec<Rejected>), Error> {
    let mut header_errors = Vec::new();
    let mut coop_rdr = reader(cooperatives);
    let coop_header = header(
        &mut coop_rdr,
        COOPERATIVES,
        &[fields::COOPERATIVE_SCALARS, COOPERATIVE_EXTRA],
        &["id", "name", "kind", "sector"],
        &mut header_errors,
    )?;
    let mut member_rdr = members.map(reader);
    let member_header = match &mut member_rdr {
        Some(r) => Some(header(
            r,
            MEMBERS,
            &[&["cooperative_id"], fields::MEMBER],
            &["cooperative_id", "id", "type"],
            &mut header_errors,
        )?),
        None => None,
    };
    let mut position_rdr = positions.map(reader);
    let position_header = match &mut position_rdr {
        Some(r) => Some(header(
            r,
            POSITIONS,
            &[&["cooperative_id"], fields::POSITION],
            &["cooperative_id", "role"],
            &mut header_errors,
        )?),
        None => None,
    };
    if let Some(e) = InputErrors::new(header_errors) {
        return Err(Error::Input(e));
    }

    let mut syntax = Vec::new();
    let mut gathered: Vec<Gathered> = Vec::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    rows(
        &mut coop_rdr,
        &coop_header,
        |row| {
            let g = cooperative_row(row);
            if let Some(id) = &g.id {
                by_id.entry(id.clone()).or_insert(gathered.len());
            }
            gathered.push(g);
        },
        &mut syntax,
    )?;

    let mut orphans = Orphans {
        base: gathered.len(),
        groups: Vec::new(),
        index: HashMap::new(),
    };
    let mut children = Children {
        by_id: &by_id,
        gathered: &mut gathered,
        orphans: &mut orphans,
        syntax: &mut syntax,
    };
    if let (Some(rdr), Some(h)) = (&mut member_rdr, &member_header) {
        children.read(rdr, h, |r, e| decode::member(r, e), |g| &mut g.members)?;
    }
    if let (Some(rdr), Some(h)) = (&mut position_rdr, &position_header) {
        children.read(rdr, h, |r, e| decode::position(r, e), |g| &mut g.positions)?;
    }
    // Rows that cannot be split belong to no known record.
    if !syntax.is_empty() {
        orphans.groups.push(Rejected {
            index: orphans.base + orphans.groups.len(),
            id: None,
            errors: syntax,
        });
    }

    let records = gathered.into_iter().map(assemble).collect();
    Ok((records, orphans.groups))
}

/// Decodes a row of `cooperatives.csv`, without member or position rows yet.
pub(super) fn cooperative_row(row: &Row<'_>) -> Gathered {
    let mut errors = Vec::new();
    row.check_utf8(&mut errors);
    let (id, mut coop) = decode::cooperative_scalars(row, &mut errors);
    let mut f = decode::Fields::new(row, &mut errors, false);
    let members_listed = f.bool("members_listed");
    let positions_listed = f.bool("positions_listed");
    coop.employees = Prefixed::decode(row, "employees_", fields::EMPLOYEES, &mut errors, |r, e| {
        decode::employees(r, e)
    });
    coop.summary = Prefixed::decode(row, "summary_", fields::SUMMARY, &mut errors, |r, e| {
        decode::summary(r, e)
    });
    Gathered {
        line: row.line,
        id,
        coop,
        errors,
        lists_ok: true,
        members_listed,
        positions_listed,
        members: Rows::new(),
        positions: Rows::new(),
    }
}

/// Whether a cooperative has a list, from its `*_listed` cell and whether
/// rows name it; `Err` when the cell says `false` but rows name it.
pub(super) fn has_list(listed: Option<bool>, rows: bool) -> Result<bool, ()> {
    match listed {
        Some(false) if rows => Err(()),
        Some(l) => Ok(l),
        None => Ok(rows),
    }
}

/// Attaches lists to a cooperative and runs the cross-field checks.
fn assemble(g: Gathered) -> Decoded {
    let Gathered {
        line,
        id,
        mut coop,
        mut errors,
        lists_ok,
        members_listed,
        positions_listed,
        members,
        positions,
    } = g;
    let id_path = format!("{COOPERATIVES}:{line}.id");
    let list = |listed: Option<bool>, column: &str, rows: bool, errors: &mut Vec<InputError>| {
        has_list(listed, rows).unwrap_or_else(|()| {
            errors.push(InputError::new(
                format!("{COOPERATIVES}:{line}.{column}"),
                Code::Inconsistent,
                "false, but rows name this cooperative",
            ));
            false
        })
    };
    let has_members = list(
        members_listed,
        "members_listed",
        !members.lines.is_empty(),
        &mut errors,
    );
    let has_positions = list(
        positions_listed,
        "positions_listed",
        !positions.lines.is_empty(),
        &mut errors,
    );
    coop.members = has_members.then_some(members.items);
    coop.positions = has_positions.then_some(positions.items);
    // The cross-field checks need whole lists; other bad fields are left
    // out of `coop` and do not disturb them.
    if lists_ok {
        let loc = CsvLocate {
            line,
            member_lines: &members.lines,
            position_lines: &positions.lines,
        };
        validate_at(&coop, &loc, &mut errors);
    }
    let coop = errors.is_empty().then_some(coop);
    Decoded::new(id, coop, errors, id_path)
}

/// Reads a registry from the three CSV files (members and positions
/// optional), strictly: every error of the three files in one
/// [`Error::Input`]. Paths are `members.csv:42.birth_date` (line 1 is the
/// header). See the [module documentation](super) for the columns.
///
/// ```
/// let coops = "id,name,kind,sector,summary_members\nhtx-1,HTX Hoa Sen,cooperative,agriculture,2\n";
/// let members = "cooperative_id,id,type,sex\nhtx-1,m1,individual,female\nhtx-1,m2,individual,other\n";
/// let err = coopkit::io::registry_from_csv(coops.as_bytes(), Some(members.as_bytes()), None).unwrap_err();
/// assert_eq!(err.path(), Some("members.csv:3.sex"));
///
/// let members = "cooperative_id,id,type,sex\nhtx-1,m1,individual,female\nhtx-1,m2,individual,male\n";
/// let r = coopkit::io::registry_from_csv(coops.as_bytes(), Some(members.as_bytes()), None).unwrap();
/// assert_eq!(r.get(0).unwrap().members.unwrap().len(), 2);
/// ```
pub fn registry_from_csv<R: Read>(
    cooperatives: R,
    members: Option<R>,
    positions: Option<R>,
) -> Result<Registry, Error> {
    registry_from_csv_with(cooperatives, members, positions, &CsvOptions::default())
}

/// [`registry_from_csv`] with [`CsvOptions`]. With `columnar` (the
/// default) the three inputs are read into memory first, then straight into
/// the registry's columns; input with any error is read again record by
/// record, which reports every error. The result is the same either way.
pub fn registry_from_csv_with<R: Read>(
    cooperatives: R,
    members: Option<R>,
    positions: Option<R>,
    options: &CsvOptions,
) -> Result<Registry, Error> {
    if !options.columnar {
        let (records, orphans) = read(cooperatives, members, positions)?;
        return finish_strict(records, orphans);
    }
    let (c, m, p) = slurp_all(cooperatives, members, positions)?;
    if let Some(r) = columnar(&c, m.as_deref(), p.as_deref(), options) {
        return Ok(r);
    }
    let (records, orphans) = read(c.as_slice(), m.as_deref(), p.as_deref())?;
    finish_strict(records, orphans)
}

/// The three inputs, read into memory.
#[allow(clippy::type_complexity)]
fn slurp_all<R: Read>(
    cooperatives: R,
    members: Option<R>,
    positions: Option<R>,
) -> Result<(Vec<u8>, Option<Vec<u8>>, Option<Vec<u8>>), Error> {
    let slurp = |mut r: R, file: &str| {
        let mut buf = Vec::new();
        r.read_to_end(&mut buf).map_err(|e| Error::Io {
            path: file.to_string(),
            message: e.to_string(),
        })?;
        Ok::<_, Error>(buf)
    };
    let c = slurp(cooperatives, COOPERATIVES)?;
    let m = members.map(|r| slurp(r, MEMBERS)).transpose()?;
    let p = positions.map(|r| slurp(r, POSITIONS)).transpose()?;
    Ok((c, m, p))
}

/// The columnar reader on inputs in memory; `None` when the input has any
/// error (the record reader then reports them all).
fn columnar(c: &[u8], m: Option<&[u8]>, p: Option<&[u8]>, options: &CsvOptions) -> Option<Registry> {
    let input = m.map(|b| columns::Input {
        reader: b,
        len: Some(b.len() as u64),
    });
    columns::read(c, input, p, options).ok()
}

/// Reads a registry from CSV, keeping every valid cooperative; invalid ones
/// (with their member and position rows' errors) are in
/// [`Loaded::rejected`], and so are rows naming an unknown cooperative.
/// `Err` for header errors and for files that cannot be read.
pub fn registry_from_csv_lenient<R: Read>(
    cooperatives: R,
    members: Option<R>,
    positions: Option<R>,
) -> Result<Loaded, Error> {
    let (c, m, p) = slurp_all(cooperatives, members, positions)?;
    let m = m.as_deref().map(|m| [m]);
    registry_from_csv_bytes_lenient(&c, m.as_ref().map(|m| m.as_slice()), p.as_deref())
}

/// [`registry_from_csv_lenient`] on CSV text already in memory, read where
/// it lies (no copy), `members.csv` given in pieces that follow one another
/// (a piece may end anywhere, even inside a row): the same result and the
/// same errors as the text of the pieces joined.
pub fn registry_from_csv_bytes_lenient(
    cooperatives: &[u8],
    members: Option<&[&[u8]]>,
    positions: Option<&[u8]>,
) -> Result<Loaded, Error> {
    // Valid input (the usual case) takes the columnar reader; any error sends
    // it to the record reader, which keeps the valid cooperatives.
    let input = members.map(|parts| columns::Input {
        reader: Pieces::new(parts),
        len: Some(parts.iter().map(|p| p.len() as u64).sum()),
    });
    if let Ok(registry) = columns::read(cooperatives, input, positions, &CsvOptions::default()) {
        return Ok(Loaded {
            registry,
            rejected: Vec::new(),
        });
    }
    let members = members.map(|parts| match parts {
        [one] => std::borrow::Cow::Borrowed(*one),
        _ => std::borrow::Cow::Owned(parts.concat()),
    });
    let (records, orphans) = read(cooperatives, members.as_deref(), positions)?;
    Ok(finish_lenient(records, orphans))
}

/// Pieces of text read one after the other.
struct Pieces<'a> {
    /// The unread rest of the current piece.
    current: &'a [u8],
    /// The pieces after it.
    rest: &'a [&'a [u8]],
}

impl<'a> Pieces<'a> {
    fn new(parts: &'a [&'a [u8]]) -> Self {
        Pieces {
            current: &[],
            rest: parts,
        }
    }
}

impl Read for Pieces<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.current.is_empty() {
            let Some((first, rest)) = self.rest.split_first() else {
                return Ok(0);
            };
            self.current = first;
            self.rest = rest;
        }
        self.current.read(buf)
    }
}

fn open(dir: &Path, file: &str, required: bool) -> Result<Option<std::fs::File>, Error> {
    let path = dir.join(file);
    match std::fs::File::open(&path) {
        Ok(f) => Ok(Some(f)),
        Err(e) if !required && e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::Io {
            path: path.display().to_string(),
            message: e.to_string(),
        }),
    }
}

/// Reads a registry from a folder holding `cooperatives.csv` and, optionally,
/// `members.csv` and `positions.csv` (strict, as [`registry_from_csv`]).
///
/// Valid input is read straight into the registry's columns, `members.csv`
/// in blocks decoded on every core (see [`CsvOptions`]); input with any
/// error is read again record by record, which reports every error.
pub fn registry_from_csv_dir(dir: &Path) -> Result<Registry, Error> {
    registry_from_csv_dir_with(dir, &CsvOptions::default())
}

/// [`registry_from_csv_dir`] with [`CsvOptions`].
pub fn registry_from_csv_dir_with(dir: &Path, options: &CsvOptions) -> Result<Registry, Error> {
    if options.columnar {
        if let Some(r) = columnar_dir(dir, options) {
            return Ok(r);
        }
    }
    let (records, orphans) = record_dir(dir)?;
    finish_strict(records, orphans)
}

/// [`registry_from_csv_dir`], keeping the valid cooperatives and returning
/// the rejected records with their errors (as [`registry_from_csv_lenient`]
/// does).
pub fn registry_from_csv_dir_lenient(dir: &Path) -> Result<Loaded, Error> {
    if let Some(registry) = columnar_dir(dir, &CsvOptions::default()) {
        return Ok(Loaded {
            registry,
            rejected: Vec::new(),
        });
    }
    let (records, orphans) = record_dir(dir)?;
    Ok(finish_lenient(records, orphans))
}

/// The folder read record by record (not through `registry_from_csv`,
/// which would try the columnar reader again).
fn record_dir(dir: &Path) -> Result<(Vec<Decoded>, Vec<Rejected>), Error> {
    let coops = open(dir, COOPERATIVES, true)?.ok_or_else(|| Error::Io {
        path: dir.join(COOPERATIVES).display().to_string(),
        message: "not found".to_string(),
    })?;
    let members = open(dir, MEMBERS, false)?;
    let positions = open(dir, POSITIONS, false)?;
    read(
        std::io::BufReader::new(coops),
        members.map(std::io::BufReader::new),
        positions.map(std::io::BufReader::new),
    )
}

/// The columnar reader on a folder; `None` when it gives up.
fn columnar_dir(dir: &Path, options: &CsvOptions) -> Option<Registry> {
    let coops = open(dir, COOPERATIVES, true).ok()??;
    let members = open(dir, MEMBERS, false).ok()?;
    let positions = open(dir, POSITIONS, false).ok()?;
    let members = members.map(|f| columns::Input {
        len: f.metadata().ok().map(|m| m.len()),
        reader: f,
    });
    columns::read(
        std::io::BufReader::new(coops),
        members,
        positions.map(std::io::BufReader::new),
        options,
    )
    .ok()
}

/// Only the columnar reader, on the three files in memory: `None` where it
/// gives up (on any error, and on nothing else). For tests and benchmarks:
/// use [`registry_from_csv_with`], which falls back to the record reader.
#[doc(hidden)]
pub fn registry_from_csv_columnar(
    cooperatives: &[u8],
    members: Option<&[u8]>,
    positions: Option<&[u8]>,
    options: &CsvOptions,
) -> Option<Registry> {
    let input = members.map(|b| columns::Input {
        reader: b,
        len: Some(b.len() as u64),
    });
    columns::read(cooperatives, input, positions, options).ok()
}

//! The record reader of the CSV folder form: it finds and locates every
//! error. One pass over each file with a reused [`ByteRecord`]; each header
//! is resolved to column indices once; member and position rows find their
//! cooperative through a hash map of ids; every record is a [`Cooperative`]
//! before the registry is built. It decodes cells with the same functions
//! as every reader ([`crate::io::decode`]) and runs the same cross-field
//! checks ([`crate::io::validate`]). The columnar reader
//! ([`super::columnar`]) is built on its header and row helpers, never the
//! other way round.

use crate::error::{Error, InputError, InputErrorCode as Code, InputErrors};
use crate::io::decode::{self, fields, Raw, Record};
use crate::io::validate::{validate_at, Locate};
use crate::io::{Decoded, Rejected};
use crate::model::{Cooperative, Member, Position};
use csv::ByteRecord;
use std::collections::HashMap;
use std::io::Read;

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
pub(crate) struct Header {
    file: &'static str,
    pub(crate) index: HashMap<String, usize, NameHash>,
    /// The name of each column, in file order (`None` if not UTF-8).
    names: Vec<Option<String>>,
}

/// A fast hash for column names (a header's names are few and come from a
/// fixed list: unknown columns are errors).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct NameHash;

impl std::hash::BuildHasher for NameHash {
    type Hasher = NameHasher;
    fn build_hasher(&self) -> NameHasher {
        NameHasher(0)
    }
}

/// FxHash-style: rotate, xor, multiply per 8 bytes.
pub(crate) struct NameHasher(u64);

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
pub(crate) fn header<R: Read>(
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
pub(crate) fn header_of(
    raw: &ByteRecord,
    file: &'static str,
    allowed: &[&[&str]],
    required: &[&str],
    errors: &mut Vec<InputError>,
) -> Header {
    let at = |col: &str| format!("{file}:1.{col}");
    let mut index = HashMap::with_capacity_and_hasher(raw.len(), NameHash);
    // UTF-16 (a spreadsheet's "Unicode text") puts a NUL beside every ASCII
    // letter: one error for the file, not a column per letter.
    let bom16 = raw
        .get(0)
        .is_some_and(|c| c.starts_with(&[0xFF, 0xFE]) || c.starts_with(&[0xFE, 0xFF]));
    if bom16 || raw.as_slice().contains(&0) {
        errors.push(InputError::new(
            file,
            Code::Syntax,
            "the file is not UTF-8 text (it looks like UTF-16, or holds NUL bytes): \
             save it as \"CSV UTF-8\"",
        ));
        return Header {
            file,
            index,
            names: Vec::new(),
        };
    }
    // A header of a million columns is one problem, not a million: the
    // first ones are listed, then how many more.
    const LISTED: usize = 100;
    let mut bad = 0usize;
    for (i, h) in raw.iter().enumerate() {
        let name = std::str::from_utf8(h).ok();
        let known = name.is_some_and(|n| allowed.iter().any(|l| l.contains(&n)));
        if !known {
            bad += 1;
            if bad > LISTED {
                continue;
            }
        }
        let Some(name) = name else {
            errors.push(InputError::new(
                format!("{file}:1"),
                Code::Syntax,
                format!("column {} of the header is not valid UTF-8", i + 1),
            ));
            continue;
        };
        if !known {
            let list: Vec<&str> = allowed.iter().flat_map(|l| l.iter().copied()).collect();
            let (path, note) = if decode::shown_name(name, allowed) {
                (at(name), "")
            } else {
                let n = i + 1;
                (
                    at(&format!("<column {n}>")),
                    " (its name is not shown: it is not written as a column name; is the header row missing?)",
                )
            };
            errors.push(InputError::new(
                path,
                Code::UnknownField,
                format!("unknown column{note}; the columns are: {}", list.join(", ")),
            ));
        } else if index.insert(name.to_string(), i).is_some() {
            errors.push(InputError::new(
                at(name),
                Code::DuplicateId,
                "the column appears twice",
            ));
        }
    }
    if bad > LISTED {
        errors.push(InputError::new(
            format!("{file}:1"),
            Code::UnknownField,
            format!("and {} more unknown or unreadable columns", bad - LISTED),
        ));
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
    let message = e.to_string();
    match e.into_kind() {
        csv::ErrorKind::Io(io) => Error::io(file, io),
        _ => Error::io_message(file, message),
    }
}

/// One data row as a [`Record`].
pub(crate) struct Row<'a> {
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
    pub(crate) fn check_utf8(&self, errors: &mut Vec<InputError>) {
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
pub(crate) struct Gathered {
    line: u64,
    pub(crate) id: Option<String>,
    /// The record, with bad fields left out.
    pub(crate) coop: Cooperative,
    pub(crate) errors: Vec<InputError>,
    /// No member or position row of this cooperative has an error.
    lists_ok: bool,
    pub(crate) members_listed: Option<bool>,
    pub(crate) positions_listed: Option<bool>,
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

pub(crate) fn reader<R: Read>(r: R, delimiter: u8) -> csv::Reader<R> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(true)
        // Rows of the wrong length are read, so that each is reported at
        // its own record (`rows` checks the length).
        .flexible(true)
        .from_reader(r)
}

/// Reads rows, calling `each` with every row and, for a row with the wrong
/// number of cells, its `syntax` error: such a row is still a row of its
/// record (a ragged cooperative row is that cooperative, rejected).
pub(crate) fn rows<R: Read>(
    rdr: &mut csv::Reader<R>,
    header: &Header,
    mut each: impl FnMut(&Row<'_>, Option<InputError>),
) -> Result<(), Error> {
    let mut rec = ByteRecord::new();
    let expected = header.names.len();
    loop {
        match rdr.read_byte_record(&mut rec) {
            Ok(false) => return Ok(()),
            Ok(true) => {
                let line = rec.position().map_or(0, |p| p.line());
                let ragged = (rec.len() != expected).then(|| {
                    InputError::new(
                        format!("{}:{line}", header.file),
                        Code::Syntax,
                        format!("the row has {} cells but the header has {expected}", rec.len()),
                    )
                });
                let row = Row {
                    header,
                    rec: &rec,
                    line,
                };
                each(&row, ragged);
            }
            Err(e) => return Err(csv_error(header.file, e)),
        }
    }
}

/// Rows that name no known cooperative, gathered per `cooperative_id`
/// (errors of the whole read, strict or lenient: they are not records).
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
        } = self;
        rows(rdr, header, |row, ragged| {
            let mut errors = Vec::new();
            let (cid, item) = match ragged {
                None => {
                    row.check_utf8(&mut errors);
                    let cid = decode::Fields::new(row, &mut errors).req_id("cooperative_id");
                    (cid, decode(row, &mut errors))
                }
                // A ragged row's cells may be shifted: only the cooperative
                // it names is read, and the row is its cooperative's error.
                Some(e) => {
                    let cid = decode::Fields::new(row, &mut Vec::new()).req_id("cooperative_id");
                    errors.push(e);
                    (cid, None)
                }
            };
            let bad = !errors.is_empty();
            if let Some(g) = route(row, errors, cid, by_id, gathered, orphans) {
                g.lists_ok &= !bad;
                if let Some(item) = item {
                    let list = rows_of(g);
                    list.items.push(item);
                    list.lines.push(row.line);
                }
            }
        })
    }
}

/// Reads the three files, cells split at `delimiter`, into checked records
/// and orphan rows.
pub(crate) fn read<R: Read>(
    cooperatives: R,
    members: Option<R>,
    positions: Option<R>,
    delimiter: u8,
) -> Result<(Vec<Decoded>, Vec<Rejected>), Error> {
    let reader = |r| reader(r, delimiter);
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

    let mut gathered: Vec<Gathered> = Vec::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    rows(&mut coop_rdr, &coop_header, |row, ragged| {
        let g = match ragged {
            None => cooperative_row(row),
            Some(e) => ragged_cooperative_row(row, e),
        };
        if let Some(id) = &g.id {
            by_id.entry(id.clone()).or_insert(gathered.len());
        }
        gathered.push(g);
    })?;

    let mut orphans = Orphans {
        base: gathered.len(),
        groups: Vec::new(),
        index: HashMap::new(),
    };
    let mut children = Children {
        by_id: &by_id,
        gathered: &mut gathered,
        orphans: &mut orphans,
    };
    if let (Some(rdr), Some(h)) = (&mut member_rdr, &member_header) {
        children.read(rdr, h, |r, e| decode::member(r, e), |g| &mut g.members)?;
    }
    if let (Some(rdr), Some(h)) = (&mut position_rdr, &position_header) {
        children.read(rdr, h, |r, e| decode::position(r, e), |g| &mut g.positions)?;
    }

    // A cooperative that says its list is given, with no file for it: the
    // file is missing (its members are not zero).
    for g in &mut gathered {
        for (listed, file, column, name) in [
            (g.members_listed, member_rdr.is_some(), "members_listed", MEMBERS),
            (
                g.positions_listed,
                position_rdr.is_some(),
                "positions_listed",
                POSITIONS,
            ),
        ] {
            if listed == Some(true) && !file {
                g.errors.push(InputError::new(
                    format!("{COOPERATIVES}:{}.{column}", g.line),
                    Code::Inconsistent,
                    format!(
                        "true, but {name} is missing (a list said to be given needs its file; \
                         an empty list is a file with only its header row)"
                    ),
                ));
            }
        }
    }
    let records = gathered.into_iter().map(assemble).collect();
    Ok((records, orphans.groups))
}

/// Decodes a row of `cooperatives.csv`, without member or position rows yet.
pub(crate) fn cooperative_row(row: &Row<'_>) -> Gathered {
    let mut errors = Vec::new();
    row.check_utf8(&mut errors);
    let (id, mut coop) = decode::cooperative_scalars(row, &mut errors);
    let mut f = decode::Fields::new(row, &mut errors);
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

/// A row of `cooperatives.csv` with the wrong number of cells: the
/// cooperative of that row (its id read, when its cell is there and valid),
/// rejected with the row's `syntax` error alone, since its other cells may
/// be shifted.
fn ragged_cooperative_row(row: &Row<'_>, syntax: InputError) -> Gathered {
    let (id, coop) = decode::cooperative_scalars(row, &mut Vec::new());
    Gathered {
        line: row.line,
        id,
        coop,
        errors: vec![syntax],
        lists_ok: true,
        members_listed: None,
        positions_listed: None,
        members: Rows::new(),
        positions: Rows::new(),
    }
}

/// Whether a cooperative has a list, from its `*_listed` cell and whether
/// rows name it; `Err` when the cell says `false` but rows name it.
pub(crate) fn has_list(listed: Option<bool>, rows: bool) -> Result<bool, ()> {
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

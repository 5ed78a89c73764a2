//! The CSV folder form: `cooperatives.csv`, `members.csv`, `positions.csv`.
//!
//! Two readers behind these entry points. The columnar reader
//! ([`columnar`]: valid input straight into the registry's columns,
//! `members.csv` decoded in blocks on several threads where there are
//! threads) is tried first; input it does not accept is read again by the
//! record reader ([`records`]), which finds and locates every error. Both
//! decode cells with the same functions and run the same cross-field checks.

pub(crate) mod columnar;
pub(crate) mod records;

pub use columnar::CsvOptions;
pub(crate) use records::{COOPERATIVES, COOPERATIVE_EXTRA, MEMBERS, POSITIONS};

use crate::error::Error;
use crate::io::{finish, finish_strict, Loaded};
use crate::registry::Registry;
use records::read;
use std::io::Read;
use std::path::Path;

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
        let (records, orphans) = read(cooperatives, members, positions, options.delimiter)?;
        return finish_strict(records, orphans);
    }
    let (c, m, p) = slurp_all(cooperatives, members, positions)?;
    let m = m.as_deref().map(|m| [m]);
    read_bytes(&c, m.as_ref().map(|m| m.as_slice()), p.as_deref(), options, false).map(|l| l.registry)
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
        r.read_to_end(&mut buf).map_err(|e| Error::io(file, e))?;
        Ok::<_, Error>(buf)
    };
    let c = slurp(cooperatives, COOPERATIVES)?;
    let m = members.map(|r| slurp(r, MEMBERS)).transpose()?;
    let p = positions.map(|r| slurp(r, POSITIONS)).transpose()?;
    Ok((c, m, p))
}

/// Reads a registry from CSV, keeping every valid cooperative; invalid ones
/// (with their member and position rows' errors, and a cooperative row
/// with the wrong number of cells) are in [`Loaded::rejected`], one per
/// row of `cooperatives.csv`. `Err` for header errors, for member or
/// position rows naming an unknown cooperative (they belong to no record)
/// and for files that cannot be read.
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
    read_bytes(cooperatives, members, positions, &CsvOptions::default(), true)
}

/// The three files in memory (`members.csv` in pieces), strict or lenient:
/// valid input (the usual case) takes the columnar reader when `options`
/// allow it; any error sends it to the record reader, which reports every
/// error and, when lenient, keeps the valid cooperatives.
pub(crate) fn read_bytes(
    cooperatives: &[u8],
    members: Option<&[&[u8]]>,
    positions: Option<&[u8]>,
    options: &CsvOptions,
    lenient: bool,
) -> Result<Loaded, Error> {
    if options.columnar {
        let input = members.map(|parts| columnar::Input {
            reader: Pieces::new(parts),
            len: Some(parts.iter().map(|p| p.len() as u64).sum()),
        });
        if let Ok(registry) = columnar::read(cooperatives, input, positions, options) {
            return Ok(Loaded::clean(registry));
        }
    }
    let members = members.map(|parts| match parts {
        [one] => std::borrow::Cow::Borrowed(*one),
        _ => std::borrow::Cow::Owned(parts.concat()),
    });
    let (records, orphans) = read(cooperatives, members.as_deref(), positions, options.delimiter)?;
    finish(records, orphans, lenient)
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

fn open(dir: &Path, file: &str, required: bool, max_bytes: u64) -> Result<Option<std::fs::File>, Error> {
    let path = dir.join(file);
    if !required
        && matches!(std::fs::symlink_metadata(&path), Err(e) if e.kind() == std::io::ErrorKind::NotFound)
    {
        return Ok(None);
    }
    super::files::open(&path, max_bytes).map(Some)
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
    read_dir(dir, options, false).map(|l| l.registry)
}

/// [`registry_from_csv_dir`], keeping the valid cooperatives and returning
/// the rejected records with their errors (as [`registry_from_csv_lenient`]
/// does).
pub fn registry_from_csv_dir_lenient(dir: &Path) -> Result<Loaded, Error> {
    read_dir(dir, &CsvOptions::default(), true)
}

/// A folder, strict or lenient: the columnar reader first when `options`
/// allow it, then record by record (not through `registry_from_csv`, which
/// would try the columnar reader again).
pub(crate) fn read_dir(dir: &Path, options: &CsvOptions, lenient: bool) -> Result<Loaded, Error> {
    if options.columnar {
        if let Some(registry) = columnar_dir(dir, options) {
            return Ok(Loaded::clean(registry));
        }
    }
    let max = options.max_bytes;
    let coops = open(dir, COOPERATIVES, true, max)?
        .ok_or_else(|| Error::io_message(dir.join(COOPERATIVES).display().to_string(), "not found"))?;
    let members = open(dir, MEMBERS, false, max)?;
    let positions = open(dir, POSITIONS, false, max)?;
    let (records, orphans) = read(
        std::io::BufReader::new(coops),
        members.map(std::io::BufReader::new),
        positions.map(std::io::BufReader::new),
        options.delimiter,
    )?;
    finish(records, orphans, lenient)
}

/// The columnar reader on a folder; `None` when it gives up.
fn columnar_dir(dir: &Path, options: &CsvOptions) -> Option<Registry> {
    let max = options.max_bytes;
    let coops = open(dir, COOPERATIVES, true, max).ok()??;
    let members = open(dir, MEMBERS, false, max).ok()?;
    let positions = open(dir, POSITIONS, false, max).ok()?;
    let members = members.map(|f| columnar::Input {
        len: f.metadata().ok().map(|m| m.len()),
        reader: f,
    });
    columnar::read(
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
    let input = members.map(|b| columnar::Input {
        reader: b,
        len: Some(b.len() as u64),
    });
    columnar::read(cooperatives, input, positions, options).ok()
}

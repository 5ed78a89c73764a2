//! The CSV folder read straight into the registry's columns: the reader
//! [`super::registry_from_csv`] and [`super::registry_from_csv_dir`] try
//! first.
//!
//! - `cooperatives.csv` and `positions.csv` (one row per cooperative or
//!   post) are decoded row by row as by the record reader.
//! - `members.csv` is cut into blocks of whole rows. Each block is tokenised
//!   with `csv_core`, its header resolved once to column indices, and every
//!   row decoded into a small set of member columns: no [`Member`] list, no
//!   string per member (ids go to the columns' arena). The cells are decoded
//!   by the same functions as the record reader's ([`super::decode`]).
//!   Blocks are appended in file order; where threads exist they are decoded
//!   by worker threads and still appended in file order, so the result does
//!   not depend on the number of threads.
//! - Rows of a cooperative need not be together: when they are not, the
//!   member columns are put in cooperative order by a stable counting sort.
//! - Each cooperative is then checked by the cross-field checks every reader
//!   runs ([`super::validate`]), on a view of its range of the columns, and
//!   added to the registry by a [`RegistryBuilder`].
//!
//! This reader only accepts valid input. At the first doubt (a cell that
//! does not decode, a row of the wrong length, a failed cross-field check,
//! a repeated id, a row naming no cooperative, a file that cannot be read) it
//! gives up, and the caller reads the input again with the record reader,
//! which finds, locates and reports every error. On valid input both give
//! the same registry (tested on the fixtures and on generated registries).

use super::records::{
    cooperative_row, has_list, header, header_of, reader, rows, Gathered, Row, COOPERATIVES,
    COOPERATIVE_EXTRA, MEMBERS, POSITIONS,
};
use crate::io::decode::{self, fields, nfc};
use crate::io::validate::{validate_parts, Locate, MemberList};
use crate::model::{Cooperative, Country, Date, Ethnicity, Member, MemberType, Position, Sex};
use crate::registry::{code, facts, MemberColumns, Registry, RegistryBuilder, NO_DATE};
use csv_core::ReadRecordResult;
use std::borrow::Cow;
use std::collections::HashMap;
use std::io::Read;

/// How [`super::registry_from_csv_dir_with`] and
/// [`super::registry_from_csv_with`] read a CSV folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvOptions {
    /// Threads that decode `members.csv` (1: only the calling thread). On
    /// wasm32 there is always one.
    pub threads: usize,
    /// Bytes of `members.csv` read at a time (each block is cut at the end of
    /// its last whole row; a longer row makes the block grow).
    pub block_bytes: usize,
    /// Read valid input straight into the registry's columns (the default).
    /// `false` reads record by record, as for invalid input.
    pub columnar: bool,
    /// The byte between cells: `b','` (the default) or, as spreadsheets set
    /// to Vietnamese or other locales write it, `b';'` or `b'\t'`. The
    /// columnar reader reads only commas; other delimiters are read record
    /// by record, with the same checks and errors.
    pub delimiter: u8,
    /// The largest file read, in bytes ([`crate::io::DEFAULT_MAX_BYTES`]
    /// by default); a larger one is refused before it is read.
    pub max_bytes: u64,
}

impl Default for CsvOptions {
    /// Every available core (at most 4), blocks of 4 MiB, columnar, commas.
    fn default() -> Self {
        CsvOptions {
            threads: default_threads(),
            block_bytes: 4 << 20,
            columnar: true,
            delimiter: b',',
            max_bytes: crate::io::DEFAULT_MAX_BYTES,
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(4))
}

#[cfg(target_arch = "wasm32")]
fn default_threads() -> usize {
    1
}

/// The input is not (certainly) valid: read it with the record reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct GiveUp;

impl From<std::str::Utf8Error> for GiveUp {
    fn from(_: std::str::Utf8Error) -> Self {
        GiveUp
    }
}

/// One input file: a reader and, when known, its length in bytes.
pub(crate) struct Input<R> {
    pub(crate) reader: R,
    pub(crate) len: Option<u64>,
}

/// Reads the three files into a registry, or gives up. `members.csv` is
/// decoded without looking at `cooperatives.csv` (rows name their
/// cooperative by id, resolved afterwards), so with threads the two are
/// read at the same time.
pub(crate) fn read<C: Read + Send, M: Read, P: Read + Send>(
    cooperatives: C,
    members: Option<Input<M>>,
    positions: Option<P>,
    options: &CsvOptions,
) -> Result<Registry, GiveUp> {
    if options.delimiter != b',' {
        return Err(GiveUp); // the block splitter knows commas only
    }
    let has_members = members.is_some();
    let lists = || match members {
        Some(m) => member_rows(m, options),
        None => Ok(Staged::default()),
    };
    let (heads, staged) = both(
        options.threads > 1,
        || heads(cooperatives, has_members, positions),
        lists,
    );
    assemble(heads?, staged?, options)
}

/// Reads `cooperatives.csv` and `positions.csv`, or gives up (also when a
/// cooperative says its members or posts are listed and their file is
/// missing, which the record reader reports). `has_members`: there is a
/// `members.csv`.
pub(crate) fn heads<C: Read, P: Read>(
    cooperatives: C,
    has_members: bool,
    positions: Option<P>,
) -> Result<Heads, GiveUp> {
    let coops = cooperative_rows(cooperatives)?;
    let listed_without = |file: bool, listed: fn(&Gathered) -> Option<bool>| {
        !file && coops.iter().any(|g| listed(g) == Some(true))
    };
    if listed_without(has_members, |g| g.members_listed)
        || listed_without(positions.is_some(), |g| g.positions_listed)
    {
        return Err(GiveUp);
    }
    let by_id = index(coops.iter().map(|g| &g.coop))?;
    let positions = match positions {
        Some(p) => position_rows(p, &by_id)?,
        None => vec![Vec::new(); coops.len()],
    };
    drop(by_id);
    // Only the records and two flags are kept (the registry takes the
    // records as they are).
    let (coops, listed) = coops
        .into_iter()
        .map(|g| (g.coop, (g.members_listed, g.positions_listed)))
        .unzip();
    Ok(Heads {
        coops,
        listed,
        positions,
    })
}

/// What `cooperatives.csv` and `positions.csv` give.
pub(crate) struct Heads {
    /// Each cooperative, without lists.
    coops: Vec<Cooperative>,
    /// Its `members_listed` and `positions_listed` cells.
    listed: Vec<(Option<bool>, Option<bool>)>,
    /// Its posts.
    positions: Vec<Vec<Position>>,
}

/// Runs `a` and `b`, on two threads when `threads` (and not on wasm32).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn both<A: Send, B>(threads: bool, a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B) -> (A, B) {
    if !threads {
        return (a(), b());
    }
    std::thread::scope(|s| {
        let a = s.spawn(a);
        let b = b();
        match a.join() {
            Ok(a) => (a, b),
            Err(e) => std::panic::resume_unwind(e),
        }
    })
}

#[cfg(target_arch = "wasm32")]
pub(crate) fn both<A: Send, B>(_: bool, a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B) -> (A, B) {
    (a(), b())
}

/// Cooperative id → row of `cooperatives.csv`; gives up on a repeated id.
fn index<'a>(coops: impl ExactSizeIterator<Item = &'a Cooperative>) -> Result<HashMap<&'a str, u32>, GiveUp> {
    let mut by_id: HashMap<&str, u32> = HashMap::with_capacity(coops.len());
    for (i, c) in coops.enumerate() {
        if by_id.insert(c.id.as_str(), i as u32).is_some() {
            return Err(GiveUp);
        }
    }
    Ok(by_id)
}

/// Reads a small CSV file whose every row must be clean: the header is
/// checked, then `each` decodes each row and says whether it had no error.
/// Any header, syntax or row error gives up (the record reader then reports
/// them all).
fn clean_rows<R: Read>(
    input: R,
    file: &'static str,
    allowed: &[&[&str]],
    required: &[&str],
    mut each: impl FnMut(&Row<'_>) -> bool,
) -> Result<(), GiveUp> {
    let mut errors = Vec::new();
    let mut rdr = reader(input, b',');
    let h = header(&mut rdr, file, allowed, required, &mut errors).map_err(|_| GiveUp)?;
    if !errors.is_empty() {
        return Err(GiveUp);
    }
    let mut ok = true;
    rows(&mut rdr, &h, |row, ragged| ok &= ragged.is_none() && each(row)).map_err(|_| GiveUp)?;
    if ok {
        Ok(())
    } else {
        Err(GiveUp)
    }
}

/// The rows of `cooperatives.csv`, none with an error.
fn cooperative_rows<R: Read>(input: R) -> Result<Vec<Gathered>, GiveUp> {
    let mut out = Vec::new();
    clean_rows(
        input,
        COOPERATIVES,
        &[fields::COOPERATIVE_SCALARS, COOPERATIVE_EXTRA],
        &["id", "name", "kind", "sector"],
        |row| {
            let g = cooperative_row(row);
            let clean = g.errors.is_empty();
            out.push(g);
            clean
        },
    )?;
    Ok(out)
}

/// The posts of each cooperative, from `positions.csv`.
fn position_rows<R: Read>(input: R, by_id: &HashMap<&str, u32>) -> Result<Vec<Vec<Position>>, GiveUp> {
    let mut out: Vec<Vec<Position>> = vec![Vec::new(); by_id.len()];
    clean_rows(
        input,
        POSITIONS,
        &[&["cooperative_id"], fields::POSITION],
        &["cooperative_id", "role"],
        |row| {
            let mut errors = Vec::new();
            row.check_utf8(&mut errors);
            let cid = decode::Fields::new(row, &mut errors).req_id("cooperative_id");
            let item = decode::position(row, &mut errors);
            match (cid.and_then(|c| by_id.get(c.as_str())), item) {
                (Some(&k), Some(p)) if errors.is_empty() => {
                    out[k as usize].push(p);
                    true
                }
                _ => false,
            }
        },
    )?;
    Ok(out)
}

/// The cooperative ids one decoder has met, each once, NFC. A decoder (a
/// worker thread, or the one thread) keeps its interner across all its
/// blocks, so an id is stored once per decoder, however the rows are
/// ordered.
#[derive(Default)]
pub(crate) struct Interner {
    cids: Vec<String>,
    index: HashMap<IdKey, u32>,
}

impl Interner {
    /// The position of `cid` (NFC), added on first sight. Looked up on every
    /// row that names another cooperative than the row before (every row,
    /// when rows are not grouped), so the key is held inline.
    fn intern(&mut self, cid: &str) -> u32 {
        let key = IdKey::of(cid);
        if let Some(&i) = self.index.get(&key) {
            return i;
        }
        let i = self.cids.len() as u32;
        self.cids.push(cid.to_owned());
        self.index.insert(key, i);
        i
    }
}

/// An id as a hash key: up to 22 bytes held in the table itself, so that a
/// comparison follows no pointer; longer ids on the heap.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum IdKey {
    Inline { len: u8, bytes: [u8; 22] },
    Heap(Box<str>),
}

impl IdKey {
    fn of(s: &str) -> IdKey {
        let b = s.as_bytes();
        if b.len() <= 22 {
            let mut bytes = [0u8; 22];
            bytes[..b.len()].copy_from_slice(b);
            IdKey::Inline {
                len: b.len() as u8,
                bytes,
            }
        } else {
            IdKey::Heap(s.into())
        }
    }
}

/// Consecutive member rows naming the same cooperative: which decoder's
/// interner names it, its position there, and how many rows. Rows not
/// grouped by cooperative make one run a row, so a run holds no text.
#[derive(Debug, Clone, Copy)]
struct Run {
    source: u32,
    cid: u32,
    rows: u32,
}

/// Member rows decoded into columns, with the cooperative of each row.
#[derive(Default)]
pub(crate) struct Staged {
    pub(crate) cols: MemberColumns,
    /// Consecutive rows naming the same cooperative, in row order.
    runs: Vec<Run>,
    /// The ids of each decoder, by `Run::source` (set once decoding ends).
    ids: Vec<Vec<String>>,
    /// Bytes of input these rows came from.
    bytes: usize,
}

impl Staged {
    pub(crate) fn append(&mut self, other: Staged) -> Result<(), GiveUp> {
        self.cols.append(&other.cols).map_err(|_| GiveUp)?;
        self.runs.extend(other.runs);
        self.bytes += other.bytes;
        Ok(())
    }

    /// The interners of the decoders, by source, once every row is in.
    pub(crate) fn set_ids(&mut self, interners: Vec<Interner>) {
        self.ids = interners.into_iter().map(|i| i.cids).collect();
    }

    /// Reserves room for the rows of `total` bytes of input, estimated from
    /// the rows of `sample`.
    fn reserve_like(&mut self, sample: &Staged, total: Option<u64>) {
        let (Some(total), true) = (total, sample.bytes > 0) else {
            return;
        };
        let scale = total as f64 / sample.bytes as f64 * 1.02;
        let rows = (sample.cols.len() as f64 * scale) as usize;
        let id_bytes = (sample.cols.id_bytes() as f64 * scale) as usize;
        self.cols.reserve(rows, id_bytes);
    }
}

/// Column indices of `members.csv`, resolved once from its header.
pub(crate) struct MemberCells {
    width: usize,
    cooperative_id: usize,
    id: usize,
    member_type: usize,
    sex: Option<usize>,
    birth_date: Option<usize>,
    ethnicity: Option<usize>,
    nationality: Option<usize>,
    investment_certificate: Option<usize>,
    contributes_capital: Option<usize>,
    uses_services: Option<usize>,
    contributes_labour: Option<usize>,
    kind: Option<usize>,
    capital_vnd: Option<usize>,
    joined: Option<usize>,
    left: Option<usize>,
}

/// What decoding a block needs.
pub(crate) struct Context {
    pub(crate) cells: MemberCells,
}

/// `members.csv` cut into blocks of whole rows, after its header.
struct Blocks<R> {
    input: R,
    /// Read but not yet handed out (the start of a row).
    carry: Vec<u8>,
    size: usize,
    eof: bool,
}

impl<R: Read> Blocks<R> {
    fn new(input: R, size: usize) -> Self {
        Blocks {
            input,
            carry: Vec::new(),
            size: size.max(64),
            eof: false,
        }
    }

    /// Reads until `buf` holds `want` bytes or the input ends.
    fn fill(&mut self, buf: &mut Vec<u8>, want: usize) -> Result<(), GiveUp> {
        while !self.eof && buf.len() < want {
            let n = (&mut self.input)
                .take((want - buf.len()) as u64)
                .read_to_end(buf)
                .map_err(|_| GiveUp)?;
            self.eof = n == 0;
        }
        Ok(())
    }

    /// The header row (a UTF-8 byte order mark dropped, as the `csv` crate
    /// does).
    fn header(&mut self) -> Result<csv::ByteRecord, GiveUp> {
        let mut buf = Vec::new();
        let mut want = 4096;
        loop {
            self.fill(&mut buf, want)?;
            let start = if buf.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
            if let Some(first) = first_row(&buf[start..], self.eof) {
                let (rec, n) = first?;
                self.carry = buf[start + n..].to_vec();
                return Ok(rec);
            }
            want = buf.len() * 2;
        }
    }

    /// The next block of whole rows; `None` at the end.
    fn next_block(&mut self) -> Result<Option<Vec<u8>>, GiveUp> {
        let mut buf = std::mem::take(&mut self.carry);
        let mut want = self.size;
        loop {
            self.fill(&mut buf, want)?;
            if self.eof {
                return Ok((!buf.is_empty()).then_some(buf));
            }
            if let Some(k) = split_point(&buf) {
                self.carry = buf[k..].to_vec();
                buf.truncate(k);
                return Ok(Some(buf));
            }
            // A row longer than a block.
            want = buf.len() * 2;
        }
    }
}

/// The first row of `input` and where it ends; `None` when more input is
/// needed to tell.
fn first_row(input: &[u8], eof: bool) -> Option<Result<(csv::ByteRecord, usize), GiveUp>> {
    let mut rdr = csv_core::Reader::new();
    let mut out = vec![0u8; input.len() + 1];
    let mut ends = vec![0usize; input.len() + 1];
    let (mut pos, mut o, mut e) = (0, 0, 0);
    loop {
        let rest = &input[pos..];
        if rest.is_empty() && !eof {
            return None;
        }
        let (res, nin, nout, nend) = rdr.read_record(rest, &mut out[o..], &mut ends[e..]);
        pos += nin;
        o += nout;
        e += nend;
        match res {
            ReadRecordResult::InputEmpty => {}
            ReadRecordResult::Record => {
                let mut rec = csv::ByteRecord::new();
                let mut from = 0;
                for &end in &ends[..e] {
                    rec.push_field(&out[from..end]);
                    from = end;
                }
                return Some(Ok((rec, pos)));
            }
            _ => return Some(Err(GiveUp)),
        }
    }
}

/// Where the last whole row of `buf` ends (`buf` starts a row).
fn split_point(buf: &[u8]) -> Option<usize> {
    if !buf.contains(&b'"') {
        // No quoted cell: every line end ends a row.
        return buf.iter().rposition(|&b| b == b'\n').map(|i| i + 1);
    }
    let mut rdr = csv_core::Reader::new();
    let mut out = vec![0u8; 1 << 12];
    let mut ends = vec![0usize; 64];
    let (mut pos, mut last) = (0, None);
    loop {
        let (res, nin, _, _) = rdr.read_record(&buf[pos..], &mut out, &mut ends);
        pos += nin;
        match res {
            ReadRecordResult::Record => last = Some(pos),
            ReadRecordResult::InputEmpty | ReadRecordResult::End => return last.filter(|&k| k > 0),
            // Only the boundaries matter: the cells are dropped.
            ReadRecordResult::OutputFull | ReadRecordResult::OutputEndsFull => {}
        }
    }
}

pub(crate) fn member_cells(raw: &csv::ByteRecord) -> Result<MemberCells, GiveUp> {
    let mut errors = Vec::new();
    let h = header_of(
        raw,
        MEMBERS,
        &[&["cooperative_id"], fields::MEMBER],
        &["cooperative_id", "id", "type"],
        &mut errors,
    );
    if !errors.is_empty() {
        return Err(GiveUp);
    }
    let at = |n: &str| h.index.get(n).copied();
    Ok(MemberCells {
        width: raw.len(),
        cooperative_id: at("cooperative_id").ok_or(GiveUp)?,
        id: at("id").ok_or(GiveUp)?,
        member_type: at("type").ok_or(GiveUp)?,
        sex: at("sex"),
        birth_date: at("birth_date"),
        ethnicity: at("ethnicity"),
        nationality: at("nationality"),
        investment_certificate: at("investment_certificate"),
        contributes_capital: at("contributes_capital"),
        uses_services: at("uses_services"),
        contributes_labour: at("contributes_labour"),
        kind: at("kind"),
        capital_vnd: at("capital_vnd"),
        joined: at("joined"),
        left: at("left"),
    })
}

/// Reads `members.csv` into columns, on `options.threads` threads.
fn member_rows<R: Read>(input: Input<R>, options: &CsvOptions) -> Result<Staged, GiveUp> {
    let mut blocks = Blocks::new(input.reader, options.block_bytes);
    let h = blocks.header()?;
    let cx = Context {
        cells: member_cells(&h)?,
    };
    let mut staged = if options.threads > 1 {
        parallel(&mut blocks, &cx, options.threads, input.len)?
    } else {
        sequential(&mut blocks, &cx, input.len)?
    };
    staged.cols.shrink_to_fit();
    staged.runs.shrink_to_fit();
    Ok(staged)
}

/// Blocks read and decoded one after the other on this thread.
fn sequential<R: Read>(blocks: &mut Blocks<R>, cx: &Context, total: Option<u64>) -> Result<Staged, GiveUp> {
    let mut all = Staged::default();
    let mut ids = Interner::default();
    while let Some(b) = blocks.next_block()? {
        let s = decode_block(&b, cx, 0, &mut ids)?;
        if all.cols.len() == 0 {
            all.reserve_like(&s, total);
        }
        all.append(s)?;
    }
    all.set_ids(vec![ids]);
    Ok(all)
}

/// Blocks read on this thread, decoded on `threads` workers (block `k` on
/// worker `k % threads`) and appended in file order by a merging thread.
#[cfg(not(target_arch = "wasm32"))]
fn parallel<R: Read>(
    blocks: &mut Blocks<R>,
    cx: &Context,
    threads: usize,
    total: Option<u64>,
) -> Result<Staged, GiveUp> {
    use std::sync::mpsc::sync_channel;
    std::thread::scope(|s| {
        let mut work = Vec::with_capacity(threads);
        let mut done = Vec::with_capacity(threads);
        let mut workers = Vec::with_capacity(threads);
        for source in 0..threads as u32 {
            let (to_worker, blocks_in) = sync_channel::<Vec<u8>>(1);
            let (to_merger, results) = sync_channel::<Result<Staged, GiveUp>>(1);
            workers.push(s.spawn(move || {
                let mut ids = Interner::default();
                for b in blocks_in {
                    if to_merger.send(decode_block(&b, cx, source, &mut ids)).is_err() {
                        break;
                    }
                }
                ids
            }));
            work.push(to_worker);
            done.push(results);
        }
        let merger = s.spawn(move || {
            let mut all = Staged::default();
            for k in 0.. {
                match done[k % threads].recv() {
                    Ok(Ok(st)) => {
                        if k == 0 {
                            all.reserve_like(&st, total);
                        }
                        all.append(st)?;
                    }
                    Ok(Err(g)) => return Err(g),
                    // That worker has no more blocks: all are in.
                    Err(_) => break,
                }
            }
            Ok(all)
        });
        let mut read = Ok(());
        for k in 0.. {
            match blocks.next_block() {
                Ok(Some(b)) => {
                    if work[k % threads].send(b).is_err() {
                        break;
                    }
                }
                Ok(None) => break,
                Err(g) => {
                    read = Err(g);
                    break;
                }
            }
        }
        drop(work);
        let merged = merger.join().unwrap_or(Err(GiveUp));
        let ids: Result<Vec<Interner>, GiveUp> = workers
            .into_iter()
            .map(|w| w.join().map_err(|_| GiveUp))
            .collect();
        let mut all = read.and(merged)?;
        all.set_ids(ids?);
        Ok(all)
    })
}

/// No threads on wasm32: [`sequential`].
#[cfg(target_arch = "wasm32")]
fn parallel<R: Read>(
    blocks: &mut Blocks<R>,
    cx: &Context,
    _threads: usize,
    total: Option<u64>,
) -> Result<Staged, GiveUp> {
    sequential(blocks, cx, total)
}

/// Decodes a block of whole rows of `members.csv`.
fn decode_block(block: &[u8], cx: &Context, source: u32, ids: &mut Interner) -> Result<Staged, GiveUp> {
    let mut plain = Sink::new(cx, block.len(), source, ids);
    if rows_plain(block, cx.cells.width, &mut plain)? {
        return Ok(plain.st);
    }
    let mut quoted = Sink::new(cx, block.len(), source, ids);
    rows_quoted(block, cx.cells.width, &mut quoted)?;
    Ok(quoted.st)
}

/// Where each byte of a word equal to `byte` is: the high bit of that byte
/// of the result is set, and no other bit (no carry crosses bytes).
#[inline]
fn bytes_equal(word: u64, byte: u8) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let t = word ^ (u64::from(byte) * 0x0101_0101_0101_0101);
    !(((t & LOW7) + LOW7) | t | LOW7)
}

/// Splits a block with neither quotes nor carriage returns, eight bytes at
/// a time: each non-empty line is a row, each comma ends a cell (what
/// `csv_core` does with such input). `false`, having decoded nothing that
/// counts, when the block has a quote or a carriage return.
fn rows_plain(block: &[u8], width: usize, sink: &mut Sink<'_>) -> Result<bool, GiveUp> {
    let text = std::str::from_utf8(block)?;
    let mut ends = vec![0usize; width];
    let (mut e, mut start) = (0usize, 0usize);
    let mut at = |pos: usize, sink: &mut Sink<'_>| -> Result<(), GiveUp> {
        if block[pos] == b',' {
            if e + 1 >= width {
                return Err(GiveUp);
            }
            ends[e] = pos - start;
            e += 1;
            return Ok(());
        }
        // A line end: an empty line is no row.
        if pos > start || e > 0 {
            if e + 1 != width {
                return Err(GiveUp);
            }
            ends[e] = pos - start;
            sink.row(&Cells {
                out: text.get(start..pos).ok_or(GiveUp)?,
                ends: &ends,
                sep: 1,
            })?;
        }
        e = 0;
        start = pos + 1;
        Ok(())
    };
    let mut chunks = block.chunks_exact(8);
    let mut base = 0;
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        let w = u64::from_le_bytes(w);
        if bytes_equal(w, b'"') | bytes_equal(w, b'\r') != 0 {
            return Ok(false);
        }
        let mut hits = bytes_equal(w, b',') | bytes_equal(w, b'\n');
        while hits != 0 {
            at(base + hits.trailing_zeros() as usize / 8, sink)?;
            hits &= hits - 1;
        }
        base += 8;
    }
    for (k, &b) in chunks.remainder().iter().enumerate() {
        match b {
            b'"' | b'\r' => return Ok(false),
            b',' | b'\n' => at(base + k, sink)?,
            _ => {}
        }
    }
    // The last row of the file may have no line end.
    if start < block.len() || e > 0 {
        if e + 1 != width {
            return Err(GiveUp);
        }
        ends[e] = block.len() - start;
        sink.row(&Cells {
            out: text.get(start..).ok_or(GiveUp)?,
            ends: &ends,
            sep: 1,
        })?;
    }
    Ok(true)
}

/// Splits a block with `csv_core`: quoted cells, any line ends.
fn rows_quoted(block: &[u8], width: usize, sink: &mut Sink<'_>) -> Result<(), GiveUp> {
    let mut rdr = csv_core::Reader::new();
    let mut out = vec![0u8; 1 << 10];
    let mut ends = vec![0usize; width + 1];
    let (mut pos, mut o, mut e) = (0, 0, 0);
    loop {
        let (res, nin, nout, nend) = rdr.read_record(&block[pos..], &mut out[o..], &mut ends[e..]);
        pos += nin;
        o += nout;
        e += nend;
        match res {
            ReadRecordResult::InputEmpty => {}
            ReadRecordResult::OutputFull => out.resize(out.len() * 2, 0),
            ReadRecordResult::OutputEndsFull => ends.resize(ends.len() * 2, 0),
            ReadRecordResult::Record => {
                if e != width {
                    return Err(GiveUp);
                }
                sink.row(&Cells {
                    out: std::str::from_utf8(&out[..o])?,
                    ends: &ends[..e],
                    sep: 0,
                })?;
                o = 0;
                e = 0;
            }
            ReadRecordResult::End => return Ok(()),
        }
    }
}

/// Where decoded rows go.
pub(crate) struct Sink<'a> {
    pub(crate) st: Staged,
    cx: &'a Context,
    /// The decoder's interner and its number.
    ids: &'a mut Interner,
    source: u32,
    /// `cooperative_id` of the last row, as read.
    last_cid: Option<String>,
}

impl<'a> Sink<'a> {
    /// An empty sink for rows decoded with `cx` by decoder `source`, whose
    /// cooperative ids go to `ids`.
    pub(crate) fn new(cx: &'a Context, bytes: usize, source: u32, ids: &'a mut Interner) -> Self {
        Sink {
            st: Staged {
                bytes,
                ..Staged::default()
            },
            cx,
            ids,
            source,
            last_cid: None,
        }
    }

    pub(crate) fn row(&mut self, row: &impl RowCells) -> Result<(), GiveUp> {
        let c = &self.cx.cells;
        let cid = row.id(c.cooperative_id)?;
        match (&mut self.last_cid, self.st.runs.last_mut()) {
            (Some(last), Some(run)) if last.as_str() == cid => run.rows += 1,
            (last, _) => {
                if cid.is_empty() || decode::id_problem(&cid).is_some() {
                    return Err(GiveUp);
                }
                self.st.runs.push(Run {
                    source: self.source,
                    cid: self.ids.intern(&nfc(&cid)),
                    rows: 1,
                });
                let l = last.get_or_insert_with(String::new);
                l.clear();
                l.push_str(&cid);
            }
        }
        let id = row.id(c.id)?;
        if id.is_empty() || decode::id_problem(&id).is_some() {
            return Err(GiveUp);
        }
        let m = member(row, c)?;
        self.st.cols.push_with_id(&nfc(&id), &m).map_err(|_| GiveUp)?;
        Ok(())
    }
}

/// The cells of one row, as the record reader would see them: each cell's
/// text, or a typed value where that is the same as decoding its text.
pub(crate) trait RowCells {
    /// Cell `i` as text (empty when the cell is empty).
    fn text(&self, i: usize) -> Result<Cow<'_, str>, GiveUp>;

    /// An id cell as text; a reader whose cells are typed gives up on a
    /// type an id cannot have, so that its slow path says why.
    fn id(&self, i: usize) -> Result<Cow<'_, str>, GiveUp> {
        self.text(i)
    }

    /// A cell that may be absent (no column, or empty), decoded by `f`,
    /// which gives `None` when the cell is bad (and this gives up).
    fn opt<T>(&self, i: Option<usize>, f: impl FnOnce(&str) -> Option<T>) -> Result<Option<T>, GiveUp> {
        let Some(i) = i else { return Ok(None) };
        let s = self.text(i)?;
        if s.is_empty() {
            return Ok(None);
        }
        f(&s).map(Some).ok_or(GiveUp)
    }

    /// A date cell.
    fn date(&self, i: Option<usize>) -> Result<Option<Date>, GiveUp> {
        self.opt(i, |s| decode::parse_date(s).ok())
    }

    /// An amount of money.
    fn money(&self, i: Option<usize>) -> Result<Option<u64>, GiveUp> {
        self.opt(i, |s| decode::text_u64(s).ok())
    }

    /// A boolean cell.
    fn flag(&self, i: Option<usize>) -> Result<Option<bool>, GiveUp> {
        self.opt(i, decode::text_bool)
    }
}

/// The cells of one tokenised row: cell `i` ends at `ends[i]` and starts
/// `sep` bytes after the end of cell `i - 1`.
struct Cells<'a> {
    out: &'a str,
    ends: &'a [usize],
    sep: usize,
}

impl RowCells for Cells<'_> {
    /// Cell `i` (gives up if it is not UTF-8 on its own).
    fn text(&self, i: usize) -> Result<Cow<'_, str>, GiveUp> {
        let from = if i == 0 { 0 } else { self.ends[i - 1] + self.sep };
        self.out.get(from..self.ends[i]).map(Cow::Borrowed).ok_or(GiveUp)
    }
}

/// A member from its cells, decoded as [`decode::member`] does (the id is
/// left empty: it goes to the arena); any bad cell gives up.
fn member(row: &impl RowCells, c: &MemberCells) -> Result<Member, GiveUp> {
    let member_type: MemberType = row.opt(Some(c.member_type), decode::lookup)?.ok_or(GiveUp)?;
    let m = Member {
        id: String::new(),
        member_type,
        sex: row.opt(c.sex, decode::lookup)?,
        birth_date: row.date(c.birth_date)?,
        ethnicity: row.opt(c.ethnicity, Ethnicity::parse)?,
        nationality: row
            .opt(c.nationality, decode::country_code)?
            .unwrap_or(Country::VN),
        investment_certificate: row.flag(c.investment_certificate)?,
        contributes_capital: row.flag(c.contributes_capital)?,
        uses_services: row.flag(c.uses_services)?,
        contributes_labour: row.flag(c.contributes_labour)?,
        kind: row.opt(c.kind, decode::lookup)?,
        capital_vnd: row.money(c.capital_vnd)?,
        joined: row.date(c.joined)?,
        left: row.date(c.left)?,
    };
    // A date of birth the record reader reports: give up, so it does.
    match m.birth_date.and_then(|b| decode::birth_problem(b, m.joined)) {
        Some(_) => Err(GiveUp),
        None => Ok(m),
    }
}

/// A cooperative's members as rows `start..start + len` of the columns.
struct ColumnRange<'a> {
    cols: &'a MemberColumns,
    start: usize,
    len: usize,
}

impl MemberList for ColumnRange<'_> {
    fn count(&self) -> usize {
        self.len
    }
    fn id(&self, i: usize) -> &str {
        self.cols.id(self.start + i)
    }
    fn joined_left(&self, i: usize) -> (Option<i32>, Option<i32>) {
        let k = self.start + i;
        let d = |n: i32| (n != NO_DATE).then_some(n);
        (d(self.cols.joined[k]), d(self.cols.left[k]))
    }
    fn sex(&self, i: usize) -> Option<Sex> {
        code::sex_of(self.cols.sex[self.start + i])
    }
    fn is_official(&self, i: usize) -> Option<bool> {
        let k = self.start + i;
        let f = self.cols.facts[k];
        Member::official_by(
            code::kind_of(self.cols.kind_declared[k]),
            code::tri_of(f >> facts::CAPITAL),
            code::tri_of(f >> facts::SERVICES),
            code::tri_of(f >> facts::LABOUR),
        )
    }
    fn is_minority(&self, i: usize) -> Option<bool> {
        Ethnicity::from_number(self.cols.ethnicity[self.start + i]).map(Ethnicity::is_minority)
    }
}

/// Paths are not needed: any error makes the reader give up.
struct NoPaths;

impl Locate for NoPaths {
    fn field(&self, _: &str) -> String {
        String::new()
    }
    fn summary(&self, _: &str) -> String {
        String::new()
    }
    fn member(&self, _: usize, _: &str) -> String {
        String::new()
    }
    fn position(&self, _: usize, _: &str) -> String {
        String::new()
    }
}

/// One cooperative ready to be checked and added.
struct Parts {
    members: Option<usize>,
    positions: Option<Vec<Position>>,
    /// First member row.
    start: usize,
}

/// Puts member rows in cooperative order, checks every cooperative, and
/// builds the registry.
pub(crate) fn assemble(heads: Heads, staged: Staged, options: &CsvOptions) -> Result<Registry, GiveUp> {
    let Heads {
        coops,
        listed,
        positions,
    } = heads;
    let n = coops.len();
    let by_id = index(coops.iter())?;
    // Each id a run names is looked up once per decoder, however many runs
    // name it.
    let mut global: Vec<Vec<Option<u32>>> = staged.ids.iter().map(|ids| vec![None; ids.len()]).collect();
    let mut runs = Vec::with_capacity(staged.runs.len());
    for r in &staged.runs {
        let (source, cid) = (r.source as usize, r.cid as usize);
        let slot = global
            .get_mut(source)
            .and_then(|g| g.get_mut(cid))
            .ok_or(GiveUp)?;
        let c = match *slot {
            Some(c) => c,
            None => {
                let c = *by_id.get(staged.ids[source][cid].as_str()).ok_or(GiveUp)?;
                *slot = Some(c);
                c
            }
        };
        runs.push((c, r.rows));
    }
    drop(by_id);
    drop(global);
    drop(staged.runs);
    drop(staged.ids);
    let mut counts = vec![0u32; n];
    let mut sorted = true;
    let mut last = 0;
    for &(c, rows) in &runs {
        counts[c as usize] += rows;
        sorted &= c >= last;
        last = c;
    }
    let cols = if sorted {
        staged.cols
    } else {
        // Stable counting sort: rows of a cooperative keep their order.
        let mut next: Vec<u32> = Vec::with_capacity(n);
        let mut acc = 0u32;
        for &k in &counts {
            next.push(acc);
            acc += k;
        }
        let mut order = vec![0u32; staged.cols.len()];
        let mut row = 0u32;
        for &(c, rows) in &runs {
            for _ in 0..rows {
                order[next[c as usize] as usize] = row;
                next[c as usize] += 1;
                row += 1;
            }
        }
        staged.cols.permuted(&order, options.threads > 1)
    };
    let mut parts = Vec::with_capacity(n);
    let mut start = 0usize;
    for ((&(members_listed, positions_listed), ps), &k) in listed.iter().zip(positions).zip(&counts) {
        let k = k as usize;
        let has_members = has_list(members_listed, k > 0).map_err(|()| GiveUp)?;
        let has_positions = has_list(positions_listed, !ps.is_empty()).map_err(|()| GiveUp)?;
        parts.push(Parts {
            members: has_members.then_some(k),
            positions: has_positions.then_some(ps),
            start,
        });
        start += k;
    }
    // The registry is built while the cooperatives are checked; it is
    // dropped if a check fails.
    let build = || {
        let mut b = RegistryBuilder::new(n);
        for (c, p) in coops.iter().zip(&parts) {
            b.push(&cols, c, p.members, p.positions.as_deref())
                .map_err(|_| GiveUp)?;
        }
        Ok::<_, GiveUp>(b)
    };
    let (checked, built) = both(
        options.threads > 1,
        || check(&coops, &parts, &cols, options),
        build,
    );
    checked?;
    drop(parts);
    built?.finish(cols, coops).map_err(|_| GiveUp)
}

/// The cross-field checks of every cooperative, on threads when allowed.
fn check(
    coops: &[Cooperative],
    parts: &[Parts],
    cols: &MemberColumns,
    options: &CsvOptions,
) -> Result<(), GiveUp> {
    let some = |from: usize, to: usize| {
        (from..to).all(|i| {
            let p = &parts[i];
            let view = ColumnRange {
                cols,
                start: p.start,
                len: p.members.unwrap_or(0),
            };
            let mut errors = Vec::new();
            validate_parts(
                &coops[i],
                p.members.map(|_| &view),
                p.positions.as_deref(),
                &NoPaths,
                &mut errors,
            );
            errors.is_empty()
        })
    };
    let ok = if options.threads > 1 && cfg!(not(target_arch = "wasm32")) {
        in_two(parts.len(), &some)
    } else {
        some(0, parts.len())
    };
    if ok {
        Ok(())
    } else {
        Err(GiveUp)
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn in_two(n: usize, f: &(impl Fn(usize, usize) -> bool + Sync)) -> bool {
    std::thread::scope(|s| {
        let first = s.spawn(|| f(0, n / 2));
        let second = f(n / 2, n);
        first.join().unwrap_or(false) && second
    })
}

#[cfg(target_arch = "wasm32")]
fn in_two(n: usize, f: &(impl Fn(usize, usize) -> bool + Sync)) -> bool {
    f(0, n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_end_at_row_ends_even_inside_quotes() {
        let rows = "a,\"x\ny\",1\nb,\"p,\"\"q\",2\nc,z,3\n";
        let text = format!("h1,h2,h3\n{rows}");
        for size in [1, 5, 9, 13, 64, 1000] {
            let mut b = Blocks::new(text.as_bytes(), size);
            b.size = size;
            let h = b.header().unwrap();
            assert_eq!(h.len(), 3);
            let mut joined = Vec::new();
            while let Some(block) = b.next_block().unwrap() {
                // Every block starts a row: it tokenises to whole rows.
                let mut rdr = csv_core::Reader::new();
                let (mut out, mut ends) = ([0u8; 256], [0usize; 16]);
                let (res, _, _, n) = rdr.read_record(&block, &mut out, &mut ends);
                assert!(matches!(res, ReadRecordResult::Record), "{size}");
                assert_eq!(n, 3, "{size}");
                joined.extend_from_slice(&block);
            }
            assert_eq!(String::from_utf8(joined).unwrap(), rows, "{size}");
        }
    }

    #[test]
    fn bytes_are_found_eight_at_a_time_as_one_by_one() {
        let words = [
            *b"a,b,c,d,",
            *b",,,,,,,,",
            *b"\x2d,-\x2c\xac\xff\x00,",
            *b"12345678",
            *b"\n\r\"\x0b\x0a,\x2c\x2b",
        ];
        for w in words {
            for byte in [b',', b'\n', b'"', b'\r'] {
                let want: u64 = w
                    .iter()
                    .enumerate()
                    .filter(|&(_, &b)| b == byte)
                    .map(|(i, _)| 0x80u64 << (8 * i))
                    .sum();
                assert_eq!(bytes_equal(u64::from_le_bytes(w), byte), want, "{w:?} {byte}");
            }
        }
    }

    #[test]
    fn a_byte_order_mark_and_a_header_without_line_end() {
        let mut b = Blocks::new("\u{feff}cooperative_id,id".as_bytes(), 4);
        let h = b.header().unwrap();
        assert_eq!(h.get(0), Some(&b"cooperative_id"[..]));
        assert_eq!(b.next_block().unwrap(), None);
    }
}

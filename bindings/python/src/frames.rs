//! Data frames in: pandas, polars and pyarrow tables read through the Arrow
//! PyCapsule interface (`__arrow_c_stream__`), column by column, with no
//! Python object per row.
//!
//! The tables are the CSV folder form of the contract (`coopkit::io`): the
//! same columns (`cooperative_id`, `employees_female`, `summary_members`,
//! `members_listed`, ...) and the same rules, because each table is written
//! as CSV text in memory and read by the core's own CSV reader, the core's
//! only bulk loader of tabular data. A null cell is an empty cell (absent);
//! a float is written with its decimal point, so a float in a money or
//! count column is an error as in JSON. Problems are put back on their
//! table and row: `members[17].birth_date` is row 17 (from 0) of the members
//! table, `cooperatives.foo` a column of the cooperatives table.

use crate::boundary::parameter_error;
use arrow_array::cast::AsArray;
use arrow_array::ffi_stream::{FFI_ArrowArrayStream, RecordBatchStreamReader};
use arrow_array::types::{Date32Type, Float64Type, Int64Type, UInt64Type};
use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_schema::DataType;
use coopkit::{InputError, InputErrorCode};
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyCapsuleMethods};

/// One table's batches, as read from the stream.
pub struct Table {
    name: &'static str,
    batches: Vec<RecordBatch>,
}

/// Reads a table through `__arrow_c_stream__`. A pandas frame without the
/// method (pandas < 3) goes through `pyarrow.Table.from_pandas` first.
pub fn read(py: Python<'_>, obj: &Bound<'_, PyAny>, name: &'static str) -> PyResult<Table> {
    let obj = if obj.hasattr("__arrow_c_stream__")? {
        obj.clone()
    } else if obj.get_type().module()?.to_string().starts_with("pandas") {
        let pa = py.import("pyarrow").map_err(|_| {
            parameter_error(
                py,
                name,
                "this pandas version needs pyarrow to hand over a frame: pip install pyarrow",
            )
        })?;
        let kwargs = pyo3::types::PyDict::new(py);
        kwargs.set_item("preserve_index", false)?;
        pa.getattr("Table")?
            .call_method("from_pandas", (obj,), Some(&kwargs))?
    } else {
        return Err(parameter_error(
            py,
            name,
            "expected a pandas, polars or pyarrow table (an object with __arrow_c_stream__)",
        ));
    };
    let capsule = obj.call_method1("__arrow_c_stream__", (py.None(),))?;
    let capsule = capsule
        .cast::<PyCapsule>()
        .map_err(|_| parameter_error(py, name, "__arrow_c_stream__ did not return a capsule"))?;
    let ptr = capsule.pointer_checked(Some(c"arrow_array_stream"))?;
    // SAFETY: the capsule is named "arrow_array_stream", so by the Arrow
    // PyCapsule interface it holds a valid, aligned, initialised
    // ArrowArrayStream; `from_raw` moves it out and leaves a released stream
    // behind, which the capsule's destructor then ignores.
    let stream = unsafe { FFI_ArrowArrayStream::from_raw(ptr.as_ptr().cast::<FFI_ArrowArrayStream>()) };
    let reader = RecordBatchStreamReader::try_new(stream)
        .map_err(|e| parameter_error(py, name, &format!("unreadable Arrow stream: {e}")))?;
    let mut batches = Vec::new();
    for b in reader {
        batches.push(b.map_err(|e| parameter_error(py, name, &format!("unreadable Arrow stream: {e}")))?);
    }
    Ok(Table { name, batches })
}

/// A column in one of the few forms the interchange format needs.
enum Column {
    Text(arrow_array::StringArray),
    Int(arrow_array::PrimitiveArray<Int64Type>),
    UInt(arrow_array::PrimitiveArray<UInt64Type>),
    Float(arrow_array::PrimitiveArray<Float64Type>),
    Bool(arrow_array::BooleanArray),
    Date(arrow_array::PrimitiveArray<Date32Type>),
    Null,
}

fn column(array: &ArrayRef) -> Result<Column, String> {
    let cast = |to: &DataType| arrow_cast::cast(array, to).map_err(|e| e.to_string());
    Ok(match array.data_type() {
        DataType::Null => Column::Null,
        DataType::Boolean => Column::Bool(array.as_boolean().clone()),
        DataType::Int8 | DataType::Int16 | DataType::Int32 | DataType::Int64 => {
            Column::Int(cast(&DataType::Int64)?.as_primitive::<Int64Type>().clone())
        }
        DataType::UInt8 | DataType::UInt16 | DataType::UInt32 | DataType::UInt64 => {
            Column::UInt(cast(&DataType::UInt64)?.as_primitive::<UInt64Type>().clone())
        }
        DataType::Float16 | DataType::Float32 | DataType::Float64 => {
            Column::Float(cast(&DataType::Float64)?.as_primitive::<Float64Type>().clone())
        }
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View | DataType::Dictionary(_, _) => {
            Column::Text(cast(&DataType::Utf8)?.as_string::<i32>().clone())
        }
        DataType::Date32 | DataType::Date64 | DataType::Timestamp(_, _) => {
            Column::Date(cast(&DataType::Date32)?.as_primitive::<Date32Type>().clone())
        }
        other => return Err(format!("unsupported Arrow type {other}")),
    })
}

impl Column {
    /// Appends the cell to `out` as a CSV field (nothing for null).
    fn write(&self, i: usize, out: &mut Vec<u8>, ints: &mut itoa::Buffer) {
        match self {
            Column::Null => {}
            Column::Text(a) if a.is_null(i) => {}
            Column::Text(a) => push_text(out, a.value(i)),
            Column::Int(a) if a.is_null(i) => {}
            Column::Int(a) => out.extend_from_slice(ints.format(a.value(i)).as_bytes()),
            Column::UInt(a) if a.is_null(i) => {}
            Column::UInt(a) => out.extend_from_slice(ints.format(a.value(i)).as_bytes()),
            // With its decimal point, so the reader sees a non-integer; NaN
            // (pandas' empty cell) is empty.
            Column::Float(a) if a.is_null(i) || a.value(i).is_nan() => {}
            Column::Float(a) => out.extend_from_slice(format!("{:?}", a.value(i)).as_bytes()),
            Column::Bool(a) if a.is_null(i) => {}
            Column::Bool(a) => out.extend_from_slice(if a.value(i) { b"true" } else { b"false" }),
            Column::Date(a) if a.is_null(i) => {}
            Column::Date(a) => match civil(a.value(i)) {
                Some((y, m, d)) => push_ymd(out, y, m, d),
                None => {
                    if let Some(d) = a.value_as_date(i) {
                        push_date(out, d);
                    }
                }
            },
        }
    }
}

/// The bytes that make a CSV field need quotes.
const SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    t[b',' as usize] = true;
    t[b'"' as usize] = true;
    t[b'\n' as usize] = true;
    t[b'\r' as usize] = true;
    t
};

/// Text as a CSV field: as it is, or quoted (with quotes doubled) when it
/// holds a comma, a quote or a line end.
fn push_text(out: &mut Vec<u8>, s: &str) {
    let b = s.as_bytes();
    if !b.iter().any(|&c| SPECIAL[usize::from(c)]) {
        out.extend_from_slice(b);
        return;
    }
    out.push(b'"');
    for &c in b {
        if c == b'"' {
            out.push(b'"');
        }
        out.push(c);
    }
    out.push(b'"');
}

/// Days since 1970-01-01 as (year, month, day) of the proleptic Gregorian
/// calendar, for years 0–9999 only (`None` otherwise): H. Hinnant's
/// `civil_from_days`, integer arithmetic without chrono's checks.
fn civil(days: i32) -> Option<(u32, u32, u32)> {
    // 0000-01-01 and 9999-12-31 as days since 1970-01-01.
    if !(-719_528..=2_932_896).contains(&days) {
        return None;
    }
    let z = i64::from(days) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    Some((u32::try_from(y).ok()?, m as u32, d as u32))
}

/// A date as `YYYY-MM-DD` (years outside 0–9999 as chrono writes them).
fn push_date(out: &mut Vec<u8>, d: chrono::NaiveDate) {
    use chrono::Datelike;
    let (y, m, day) = (d.year(), d.month(), d.day());
    if !(0..=9999).contains(&y) {
        out.extend_from_slice(d.to_string().as_bytes());
        return;
    }
    push_ymd(out, y as u32, m, day);
}

/// Year 0–9999, month and day as `YYYY-MM-DD`.
fn push_ymd(out: &mut Vec<u8>, y: u32, m: u32, day: u32) {
    let digit = |n: u32| b'0' + (n % 10) as u8;
    out.extend_from_slice(&[
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        b'-',
        digit(m / 10),
        digit(m),
        b'-',
        digit(day / 10),
        digit(day),
    ]);
}

/// One batch's rows as CSV lines.
fn batch_rows(cols: &[Column], rows: usize, out: &mut Vec<u8>) {
    let mut ints = itoa::Buffer::new();
    for i in 0..rows {
        for (j, col) in cols.iter().enumerate() {
            if j > 0 {
                out.push(b',');
            }
            col.write(i, out, &mut ints);
        }
        out.push(b'\n');
    }
}

/// The table as CSV text with a header row, in pieces to be read one after
/// the other, or the columns whose type has no CSV form. Batches are
/// written on up to two threads, each into its own piece.
pub fn to_csv(table: &Table) -> Result<Vec<Vec<u8>>, Vec<InputError>> {
    let mut errors = Vec::new();
    let mut converted = Vec::with_capacity(table.batches.len());
    for batch in &table.batches {
        let schema = batch.schema();
        let mut cols = Vec::with_capacity(batch.num_columns());
        for (field, array) in schema.fields().iter().zip(batch.columns()) {
            match column(array) {
                Ok(c) => cols.push(c),
                Err(m) => {
                    let at = format!("{}.{}", table.name, field.name());
                    if !errors.iter().any(|e: &InputError| e.path == at) {
                        errors.push(InputError::new(at, InputErrorCode::InvalidType, m));
                    }
                }
            }
        }
        converted.push((cols, batch.num_rows()));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let Some(first) = table.batches.first() else {
        // No batch at all: a header from the stream's schema is not kept, so
        // the table reads as having no columns.
        return Ok(vec![Vec::new()]);
    };
    let mut out = Vec::new();
    let schema = first.schema();
    for (j, f) in schema.fields().iter().enumerate() {
        if j > 0 {
            out.push(b',');
        }
        push_text(&mut out, f.name());
    }
    out.push(b'\n');
    let half = converted.len().div_ceil(2);
    let (a, b) = converted.split_at(half);
    let write_all = |part: &[(Vec<Column>, usize)], buf: &mut Vec<u8>| {
        let total: usize = part.iter().map(|(_, rows)| rows).sum();
        let start = buf.len();
        for (k, (cols, rows)) in part.iter().enumerate() {
            batch_rows(cols, *rows, buf);
            if k == 0 && *rows > 0 {
                // Room for the rest at the first batch's bytes per row (and
                // a little more), so the buffer rarely grows again.
                let per_row = (buf.len() - start).div_ceil(*rows);
                buf.reserve(per_row.saturating_mul(total - rows).saturating_mul(21) / 20);
            }
        }
    };
    // The first half straight after the header, the second on another
    // thread into its own piece: no copy of the text.
    if b.is_empty() {
        write_all(a, &mut out);
        return Ok(vec![out]);
    }
    let second_half = std::thread::scope(|s| {
        let h = s.spawn(|| {
            let mut buf = Vec::new();
            write_all(b, &mut buf);
            buf
        });
        write_all(a, &mut out);
        // A panic in the writer is re-raised, and the boundary turns it
        // into a CoopkitError: no rows are ever lost silently.
        h.join().unwrap_or_else(|p| std::panic::resume_unwind(p))
    });
    Ok(vec![out, second_half])
}

/// A path of the core's CSV reader (`members.csv:42.birth_date`, line 1 the
/// header) as a path into the frames (`members[40].birth_date`,
/// `members.birth_date` for a header problem).
pub fn relocate(e: &InputError) -> InputError {
    for name in ["cooperatives", "members", "positions"] {
        let Some(rest) = e.path.strip_prefix(name).and_then(|r| r.strip_prefix(".csv:")) else {
            continue;
        };
        let (line, tail) = rest.split_once('.').map_or((rest, ""), |(l, t)| (l, t));
        let Ok(line) = line.parse::<usize>() else { break };
        let sep = if tail.is_empty() { "" } else { "." };
        let path = if line <= 1 {
            format!("{name}{sep}{tail}")
        } else {
            format!("{name}[{}]{sep}{tail}", line - 2)
        };
        return InputError::new(path, e.code, e.message.clone());
    }
    e.clone()
}

#[cfg(test)]
mod tests {
    use super::civil;
    use chrono::Datelike;

    #[test]
    fn civil_dates_are_chronos_for_every_day_of_years_0_to_9999() {
        let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
        for days in -719_530..=2_932_900 {
            let d = epoch + chrono::Duration::days(i64::from(days));
            let want = (0..=9999)
                .contains(&d.year())
                .then(|| (d.year() as u32, d.month(), d.day()));
            assert_eq!(civil(days), want, "{days}");
        }
    }
}

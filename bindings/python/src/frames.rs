//! Data frames in: pandas, polars and pyarrow tables read through the Arrow
//! PyCapsule interface (`__arrow_c_stream__`), column by column, with no
//! Python object per row.
//!
//! The columns are those of the CSV folder form (see `coopkit::io`):
//! `employees_female`, `summary_members`, ... for nested fields, and
//! `members_listed` / `positions_listed` to mark a list known to be empty.
//! Each row becomes a record of the interchange format and the core's own
//! decoder reads it, so frames, JSON and CSV follow the same rules. Problems
//! are reported by table and row: `members[17].birth_date` is row 17 (from 0)
//! of the members table, `cooperatives[3].kind` row 3 of the cooperatives
//! table.

use crate::boundary::parameter_error;
use arrow_array::cast::AsArray;
use arrow_array::ffi_stream::{FFI_ArrowArrayStream, RecordBatchStreamReader};
use arrow_array::types::{Date32Type, Float64Type, Int64Type, UInt64Type};
use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_schema::DataType;
use coopkit::{InputError, InputErrorCode};
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyCapsuleMethods};
use serde_json::{Map, Value};
use std::collections::HashMap;

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
    fn value(&self, i: usize) -> Option<Value> {
        let null = match self {
            Column::Null => true,
            Column::Text(a) => a.is_null(i),
            Column::Int(a) => a.is_null(i),
            Column::UInt(a) => a.is_null(i),
            Column::Float(a) => a.is_null(i),
            Column::Bool(a) => a.is_null(i),
            Column::Date(a) => a.is_null(i),
        };
        if null {
            return None;
        }
        Some(match self {
            Column::Null => Value::Null,
            Column::Text(a) => Value::String(a.value(i).to_owned()),
            Column::Int(a) => Value::from(a.value(i)),
            Column::UInt(a) => Value::from(a.value(i)),
            // NaN is how pandas marks an empty float cell.
            Column::Float(a) => serde_json::Number::from_f64(a.value(i)).map(Value::Number)?,
            Column::Bool(a) => Value::Bool(a.value(i)),
            Column::Date(a) => match a.value_as_date(i) {
                Some(d) => Value::String(d.to_string()),
                None => Value::Null,
            },
        })
    }
}

/// The rows of a table as records of the interchange format, in order.
fn records(table: &Table, errors: &mut Vec<InputError>) -> Vec<Map<String, Value>> {
    let mut out = Vec::new();
    for batch in &table.batches {
        let schema = batch.schema();
        let mut cols = Vec::with_capacity(batch.num_columns());
        for (field, array) in schema.fields().iter().zip(batch.columns()) {
            match column(array) {
                Ok(c) => cols.push((field_path(field.name()), c)),
                Err(m) => {
                    let at = format!("{}.{}", table.name, field.name());
                    if !errors.iter().any(|e| e.path == at) {
                        errors.push(InputError::new(at, InputErrorCode::InvalidType, m));
                    }
                }
            }
        }
        for i in 0..batch.num_rows() {
            let mut rec = Map::new();
            for (name, col) in &cols {
                if let Some(v) = col.value(i) {
                    insert(&mut rec, name, v);
                }
            }
            out.push(rec);
        }
    }
    out
}

/// Where a column's value goes in the record: CSV column names to nested
/// interchange fields.
fn field_path(column: &str) -> Vec<String> {
    if let Some(sex) = column.strip_prefix("employees_") {
        return vec!["employees".into(), sex.into()];
    }
    if let Some(count) = column.strip_prefix("summary_") {
        return vec!["summary".into(), count.into()];
    }
    vec![column.into()]
}

fn insert(rec: &mut Map<String, Value>, name: &[String], v: Value) {
    match name {
        [] => {}
        [last] => {
            rec.insert(last.clone(), v);
        }
        [first, rest @ ..] => {
            let entry = rec
                .entry(first.clone())
                .or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(inner) = entry {
                insert(inner, rest, v);
            }
        }
    }
}

/// One cooperative's record, and the table rows its members and positions
/// came from (to put problems back on their rows).
pub struct Assembled {
    pub record: Value,
    pub member_rows: Vec<usize>,
    pub position_rows: Vec<usize>,
}

/// Rows of the members or positions table that name no cooperative, by the
/// id they give (None for an empty cell), in order of first appearance.
pub type Orphans = Vec<(Option<String>, Vec<InputError>)>;

/// Builds one record per cooperative row, with the member and position rows
/// (joined on `cooperative_id`) as its lists. As in the CSV form, a
/// cooperative with no rows in a table gets no list from it (unknown), unless
/// its `members_listed` / `positions_listed` cell is true (known empty).
pub fn assemble(
    coops: &Table,
    members: Option<&Table>,
    positions: Option<&Table>,
) -> (Vec<Assembled>, Vec<InputError>, Orphans) {
    let mut errors = Vec::new();
    let mut orphans: Orphans = Vec::new();
    let coop_rows = records(coops, &mut errors);
    let mut index: HashMap<String, usize> = HashMap::with_capacity(coop_rows.len());
    for (i, r) in coop_rows.iter().enumerate() {
        if let Some(Value::String(id)) = r.get("id") {
            index.entry(id.clone()).or_insert(i);
        }
    }
    let mut out: Vec<Assembled> = coop_rows
        .into_iter()
        .map(|r| Assembled {
            record: Value::Object(r),
            member_rows: Vec::new(),
            position_rows: Vec::new(),
        })
        .collect();
    for (table, field) in [(members, "members"), (positions, "positions")] {
        let Some(table) = table else { continue };
        for (row, mut rec) in records(table, &mut errors).into_iter().enumerate() {
            let at = format!("{field}[{row}].cooperative_id");
            let (id, problem) = match rec.remove("cooperative_id") {
                Some(Value::String(id)) => match index.get(&id) {
                    Some(&k) => {
                        let target = &mut out[k];
                        if let Value::Object(obj) = &mut target.record {
                            if let Value::Array(list) =
                                obj.entry(field).or_insert_with(|| Value::Array(Vec::new()))
                            {
                                list.push(Value::Object(rec));
                            }
                        }
                        if field == "members" {
                            target.member_rows.push(row);
                        } else {
                            target.position_rows.push(row);
                        }
                        continue;
                    }
                    None => (
                        Some(id),
                        InputError::new(
                            at,
                            InputErrorCode::UnknownReference,
                            "no cooperative with this id in the cooperatives table",
                        ),
                    ),
                },
                Some(_) => (
                    None,
                    InputError::new(at, InputErrorCode::InvalidType, "expected a string id"),
                ),
                None => (
                    None,
                    InputError::new(at, InputErrorCode::MissingField, "required"),
                ),
            };
            match orphans.iter_mut().find(|(o, _)| *o == id) {
                Some((_, list)) => list.push(problem),
                None => orphans.push((id, vec![problem])),
            }
        }
    }
    for (k, a) in out.iter_mut().enumerate() {
        let Value::Object(obj) = &mut a.record else {
            continue;
        };
        for (flag, field) in [("members_listed", "members"), ("positions_listed", "positions")] {
            match obj.remove(flag) {
                None | Some(Value::Null) => {}
                Some(Value::Bool(true)) => {
                    obj.entry(field).or_insert_with(|| Value::Array(Vec::new()));
                }
                Some(Value::Bool(false)) => {
                    if obj.contains_key(field) {
                        errors.push(InputError::new(
                            format!("cooperatives[{k}].{flag}"),
                            InputErrorCode::Inconsistent,
                            format!("false, but the {field} table has rows for this cooperative"),
                        ));
                    }
                }
                Some(_) => errors.push(InputError::new(
                    format!("cooperatives[{k}].{flag}"),
                    InputErrorCode::InvalidType,
                    "expected a boolean",
                )),
            }
        }
    }
    (out, errors, orphans)
}

/// A core problem of cooperative `k` (path `cooperatives[k]...`), put back
/// on its table and row.
pub fn relocate(e: &InputError, k: usize, a: &Assembled) -> InputError {
    let own = format!("cooperatives[{k}].");
    if let Some(inner) = e.path.strip_prefix(&own) {
        for (field, rows) in [("members", &a.member_rows), ("positions", &a.position_rows)] {
            if let Some(rest) = inner.strip_prefix(field).and_then(|r| r.strip_prefix('[')) {
                if let Some((j, tail)) = rest.split_once(']') {
                    if let Some(&row) = j.parse::<usize>().ok().and_then(|j| rows.get(j)) {
                        return InputError::new(format!("{field}[{row}]{tail}"), e.code, e.message.clone());
                    }
                }
            }
        }
        // Nested fields come from flat columns.
        if let Some(rest) = inner.strip_prefix("summary.") {
            return InputError::new(format!("{own}summary_{rest}"), e.code, e.message.clone());
        }
        if let Some(rest) = inner.strip_prefix("employees.") {
            return InputError::new(format!("{own}employees_{rest}"), e.code, e.message.clone());
        }
    }
    e.clone()
}

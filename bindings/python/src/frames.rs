//! Data frames in: pandas, polars and pyarrow tables read through the Arrow
//! PyCapsule interface (`__arrow_c_stream__`), column by column, with no
//! Python object per row.
//!
//! Each table is handed to the core as a `coopkit::io::Table`: this module
//! only says what each Arrow cell is (`coopkit::io::Cell`); the rules (the
//! CSV folder form's columns and meanings) and the error paths
//! (`members[17].birth_date`, row 17 from 0 across batches) are the core's.
//! Strings, large strings, string views and dictionaries (pandas categoricals)
//! are read where they lie, without copies.

use crate::boundary::parameter_error;
use arrow_array::cast::AsArray;
use arrow_array::ffi_stream::{FFI_ArrowArrayStream, RecordBatchStreamReader};
use arrow_array::types::{Date32Type, Float64Type, Int64Type, UInt64Type};
use arrow_array::{Array, ArrayRef, RecordBatchReader};
use arrow_schema::DataType;
use coopkit::io::Cell;
use coopkit::{InputError, InputErrorCode};
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyCapsuleMethods};

/// One table: its column names and its batches' columns.
pub struct Table {
    columns: Vec<String>,
    batches: Vec<(Vec<Column>, usize)>,
}

/// A table as read from the stream, before its columns are looked at.
pub struct Stream {
    name: &'static str,
    schema: arrow_schema::SchemaRef,
    batches: Vec<arrow_array::RecordBatch>,
}

/// Reads a table through `__arrow_c_stream__`. A pandas frame without the
/// method (pandas < 3) goes through `pyarrow.Table.from_pandas` first.
pub fn read(py: Python<'_>, obj: &Bound<'_, PyAny>, name: &'static str) -> PyResult<Stream> {
    let module = obj.get_type().module()?.to_string();
    if module.starts_with("polars") && obj.hasattr("collect")? && !obj.hasattr("__arrow_c_stream__")? {
        return Err(parameter_error(
            py,
            name,
            "a polars LazyFrame: call .collect() first, so that the query runs when you choose",
        ));
    }
    // A pandas index, named or not, is never a column: a filtered frame's
    // index would otherwise cross as `__index_level_0__`.
    let reset;
    let obj = if module.starts_with("pandas") && obj.hasattr("reset_index")? {
        let kwargs = pyo3::types::PyDict::new(py);
        kwargs.set_item("drop", true)?;
        reset = obj.call_method("reset_index", (), Some(&kwargs))?;
        &reset
    } else {
        obj
    };
    let obj = if module.starts_with("polars") && obj.hasattr("with_columns")? {
        polars_without_null_columns(py, obj)?
    } else if obj.hasattr("__arrow_c_stream__")? {
        obj.clone()
    } else if module.starts_with("pandas") {
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
    let schema = reader.schema();
    let mut batches = Vec::new();
    for b in reader {
        batches.push(b.map_err(|e| parameter_error(py, name, &format!("unreadable Arrow stream: {e}")))?);
    }
    Ok(Stream {
        name,
        schema,
        batches,
    })
}

/// A polars frame with its all-null (`Null` type) columns as text columns:
/// polars exports a `Null` column with a buffer the Arrow C data interface
/// does not have (pola-rs/polars#22934), which the Arrow reader rejects.
/// The cells are null either way.
fn polars_without_null_columns<'py>(py: Python<'py>, df: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let pl = py.import("polars")?;
    let null = pl.getattr("Null")?;
    let schema = df.getattr("schema")?.call_method0("values")?;
    let mut any_null = false;
    for dtype in schema.try_iter()? {
        any_null |= dtype?.eq(&null)?;
    }
    if !any_null {
        return Ok(df.clone());
    }
    let cast = pl
        .getattr("col")?
        .call1((null,))?
        .call_method1("cast", (pl.getattr("String")?,))?;
    df.call_method1("with_columns", (cast,))
}

/// A column in the forms a cell can take.
enum Column {
    Text(arrow_array::StringArray),
    LargeText(arrow_array::LargeStringArray),
    TextView(arrow_array::StringViewArray),
    /// A dictionary column: each row's key into the values (pandas
    /// categoricals, polars enums).
    Dict {
        keys: Vec<usize>,
        valid: Option<arrow_buffer::NullBuffer>,
        values: Box<Column>,
    },
    Int(arrow_array::PrimitiveArray<Int64Type>),
    UInt(arrow_array::PrimitiveArray<UInt64Type>),
    Float(arrow_array::PrimitiveArray<Float64Type>),
    Bool(arrow_array::BooleanArray),
    Date(arrow_array::PrimitiveArray<Date32Type>),
    /// Date-times: the day of each, and the text of those that are not a
    /// whole day (`2020-01-01 13:00:00`), sorted by row, which the core
    /// then reports as not a date. Nothing is cut off silently.
    DateTime {
        days: arrow_array::PrimitiveArray<Date32Type>,
        partial: Vec<(usize, String)>,
    },
    Null,
}

fn column(array: &ArrayRef) -> Result<Column, String> {
    let cast = |to: &DataType| arrow_cast::cast(array, to).map_err(|e| e.to_string());
    Ok(match array.data_type() {
        DataType::Null => Column::Null,
        DataType::Boolean => Column::Bool(array.as_boolean().clone()),
        DataType::Int64 => Column::Int(array.as_primitive::<Int64Type>().clone()),
        DataType::Int8 | DataType::Int16 | DataType::Int32 => {
            Column::Int(cast(&DataType::Int64)?.as_primitive::<Int64Type>().clone())
        }
        DataType::UInt64 => Column::UInt(array.as_primitive::<UInt64Type>().clone()),
        DataType::UInt8 | DataType::UInt16 | DataType::UInt32 => {
            Column::UInt(cast(&DataType::UInt64)?.as_primitive::<UInt64Type>().clone())
        }
        DataType::Float64 => Column::Float(array.as_primitive::<Float64Type>().clone()),
        DataType::Float16 | DataType::Float32 => {
            Column::Float(cast(&DataType::Float64)?.as_primitive::<Float64Type>().clone())
        }
        DataType::Utf8 => Column::Text(array.as_string::<i32>().clone()),
        DataType::LargeUtf8 => Column::LargeText(array.as_string::<i64>().clone()),
        DataType::Utf8View => Column::TextView(array.as_string_view().clone()),
        DataType::Dictionary(_, _) => {
            let d = array.as_any_dictionary();
            let values = column(d.values())?;
            Column::Dict {
                keys: d.normalized_keys(),
                valid: d.keys().logical_nulls(),
                values: Box::new(values),
            }
        }
        DataType::Date32 => Column::Date(array.as_primitive::<Date32Type>().clone()),
        t @ (DataType::Date64 | DataType::Timestamp(_, _)) => {
            let days = cast(&DataType::Date32)?;
            // A value is a whole day when its day, as the same type, is the
            // value itself.
            let back = arrow_cast::cast(&days, t).map_err(|e| e.to_string())?;
            let (a, b) = (
                cast(&DataType::Int64)?,
                arrow_cast::cast(&back, &DataType::Int64).map_err(|e| e.to_string())?,
            );
            let (a, b) = (a.as_primitive::<Int64Type>(), b.as_primitive::<Int64Type>());
            let text = arrow_cast::display::ArrayFormatter::try_new(array, &Default::default())
                .map_err(|e| e.to_string())?;
            let day = days.as_primitive::<Date32Type>();
            // A value with no day in range (year 300,000) casts to null: it
            // is kept as text that is no date, so the core reports it
            // (`invalid_date`) instead of the cell being absent.
            let partial = (0..a.len())
                .filter(|&i| a.is_valid(i) && (day.is_null(i) || a.value(i) != b.value(i)))
                .map(|i| match day.is_null(i) {
                    true => (i, OUT_OF_RANGE.to_owned()),
                    false => (i, text.value(i).to_string()),
                })
                .collect();
            Column::DateTime {
                days: days.as_primitive::<Date32Type>().clone(),
                partial,
            }
        }
        other => return Err(format!("unsupported Arrow type {other}")),
    })
}

/// The text of a date-time with no day in the calendar's range.
const OUT_OF_RANGE: &str = "a date-time out of range";

impl Column {
    /// The cell of row `i`.
    #[inline]
    fn cell(&self, i: usize) -> Cell<'_> {
        match self {
            Column::Null => Cell::Null,
            Column::Text(a) if a.is_null(i) => Cell::Null,
            Column::Text(a) => Cell::Text(a.value(i)),
            Column::LargeText(a) if a.is_null(i) => Cell::Null,
            Column::LargeText(a) => Cell::Text(a.value(i)),
            Column::TextView(a) if a.is_null(i) => Cell::Null,
            Column::TextView(a) => Cell::Text(a.value(i)),
            Column::Dict { valid, .. } if valid.as_ref().is_some_and(|v| v.is_null(i)) => Cell::Null,
            Column::Dict { keys, values, .. } => values.cell(keys[i]),
            Column::Int(a) if a.is_null(i) => Cell::Null,
            Column::Int(a) => Cell::Int(a.value(i)),
            Column::UInt(a) if a.is_null(i) => Cell::Null,
            Column::UInt(a) => Cell::UInt(a.value(i)),
            Column::Float(a) if a.is_null(i) => Cell::Null,
            Column::Float(a) => Cell::Float(a.value(i)),
            Column::Bool(a) if a.is_null(i) => Cell::Null,
            Column::Bool(a) => Cell::Bool(a.value(i)),
            Column::Date(a) if a.is_null(i) => Cell::Null,
            Column::Date(a) => Cell::Date(a.value(i)),
            Column::DateTime { days, partial } if partial.is_empty() && days.is_null(i) => Cell::Null,
            Column::DateTime { days, partial } if partial.is_empty() => Cell::Date(days.value(i)),
            Column::DateTime { days, partial } => match partial.binary_search_by_key(&i, |p| p.0) {
                Ok(k) => Cell::Text(&partial[k].1),
                Err(_) if days.is_null(i) => Cell::Null,
                Err(_) => Cell::Date(days.value(i)),
            },
        }
    }
}

impl Stream {
    /// The table with each column in its cell form, or an error for each
    /// column whose Arrow type has none (`members.photo`).
    pub fn table(&self) -> Result<Table, Vec<InputError>> {
        let mut errors: Vec<InputError> = Vec::new();
        let mut batches = Vec::with_capacity(self.batches.len());
        for batch in &self.batches {
            let schema = batch.schema();
            let mut cols = Vec::with_capacity(batch.num_columns());
            for (field, array) in schema.fields().iter().zip(batch.columns()) {
                match column(array) {
                    Ok(c) => cols.push(c),
                    Err(m) => {
                        let at = format!("{}.{}", self.name, field.name());
                        if !errors.iter().any(|e| e.path == at) {
                            errors.push(InputError::new(at, InputErrorCode::InvalidType, m));
                        }
                    }
                }
            }
            batches.push((cols, batch.num_rows()));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Table {
            columns: self.schema.fields().iter().map(|f| f.name().clone()).collect(),
            batches,
        })
    }
}

/// The table as the core reads it.
pub fn as_table(t: &Table) -> &dyn coopkit::io::Table {
    t
}

impl coopkit::io::Table for Table {
    fn columns(&self) -> Vec<String> {
        self.columns.clone()
    }
    fn chunks(&self) -> usize {
        self.batches.len()
    }
    fn rows(&self, chunk: usize) -> usize {
        self.batches[chunk].1
    }
    fn cell(&self, chunk: usize, column: usize, row: usize) -> Cell<'_> {
        self.batches[chunk].0[column].cell(row)
    }
}

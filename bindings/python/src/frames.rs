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
    /// Writes the cell to `out` as CSV (nothing for null), without
    /// allocating for text.
    fn write<W: std::io::Write>(
        &self,
        i: usize,
        out: &mut csv::Writer<W>,
        buf: &mut String,
    ) -> csv::Result<()> {
        use std::fmt::Write;
        buf.clear();
        let text: &str = match self {
            Column::Null => "",
            Column::Text(a) if a.is_null(i) => "",
            Column::Text(a) => a.value(i),
            Column::Int(a) if a.is_null(i) => "",
            Column::Int(a) => {
                let _ = write!(buf, "{}", a.value(i));
                buf
            }
            Column::UInt(a) if a.is_null(i) => "",
            Column::UInt(a) => {
                let _ = write!(buf, "{}", a.value(i));
                buf
            }
            // With its decimal point, so the reader sees a non-integer; NaN
            // (pandas' empty cell) is empty.
            Column::Float(a) if a.is_null(i) || a.value(i).is_nan() => "",
            Column::Float(a) => {
                let _ = write!(buf, "{:?}", a.value(i));
                buf
            }
            Column::Bool(a) if a.is_null(i) => "",
            Column::Bool(a) => {
                if a.value(i) {
                    "true"
                } else {
                    "false"
                }
            }
            Column::Date(a) if a.is_null(i) => "",
            Column::Date(a) => {
                if let Some(d) = a.value_as_date(i) {
                    let _ = write!(buf, "{d}");
                }
                buf
            }
        };
        out.write_field(text)
    }
}

/// The table as CSV text with a header row, or the columns whose type has
/// no CSV form.
pub fn to_csv(table: &Table) -> Result<Vec<u8>, Vec<InputError>> {
    let mut errors = Vec::new();
    let mut out = csv::WriterBuilder::new().from_writer(Vec::new());
    let mut header_written = false;
    let mut cell = String::new();
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
        if !errors.is_empty() {
            continue;
        }
        if !header_written {
            let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
            out.write_record(&names)
                .map_err(|e| vec![write_error(table, e)])?;
            header_written = true;
        }
        for i in 0..batch.num_rows() {
            for col in &cols {
                col.write(i, &mut out, &mut cell)
                    .map_err(|e| vec![write_error(table, e)])?;
            }
            out.write_record(None::<&[u8]>)
                .map_err(|e| vec![write_error(table, e)])?;
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    if !header_written {
        // No batch at all: a header from the stream's schema is not kept, so
        // the table reads as having no columns.
        return Ok(Vec::new());
    }
    out.into_inner()
        .map_err(|e| vec![write_error(table, e.into_error())])
}

fn write_error(table: &Table, e: impl std::fmt::Display) -> InputError {
    InputError::new(
        table.name,
        InputErrorCode::Syntax,
        format!("could not write the table: {e}"),
    )
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

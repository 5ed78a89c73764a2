//! `_write_xlsx`: result tables as an Excel workbook, written by the core
//! (`coopkit::io::workbook`); `Table.to_excel` gives it the cells.

use crate::boundary::{call, parameter_error};
use coopkit::io::workbook::{write_xlsx, SheetData, WorkCell};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyDate, PyFloat, PyInt, PyString};

/// One value as a cell: None, bool, int, float (in the row's `unit`), str
/// or date.
fn cell<'a>(
    py: Python<'_>,
    v: &'a Bound<'_, PyAny>,
    text: &'a str,
    unit: Option<&'a str>,
) -> PyResult<WorkCell<'a>> {
    Ok(if v.is_none() {
        WorkCell::Empty
    } else if v.is_instance_of::<PyBool>() {
        WorkCell::Bool(v.extract()?)
    } else if v.is_instance_of::<PyInt>() {
        WorkCell::Int(v.extract()?)
    } else if v.is_instance_of::<PyFloat>() {
        WorkCell::Number(v.extract()?, unit)
    } else if v.is_instance_of::<PyString>() {
        WorkCell::Text(text)
    } else if v.is_instance_of::<PyDate>() {
        let iso: String = v.call_method0("isoformat")?.extract()?;
        let day = iso.get(..10).unwrap_or(&iso);
        WorkCell::Date(
            coopkit::codes::parse_date_option("cell", day).map_err(|e| crate::boundary::to_py_err(py, &e))?,
        )
    } else {
        return Err(parameter_error(
            py,
            "cell",
            "expected None, a bool, an int, a float, a str or a date",
        ));
    })
}

/// The workbook of `sheets` (name, header, rows, each row's unit or None),
/// as the bytes of an `.xlsx` file.
#[pyfunction]
#[allow(clippy::type_complexity)]
pub fn _write_xlsx<'py>(
    py: Python<'py>,
    sheets: Vec<(
        String,
        Vec<String>,
        Vec<Vec<Bound<'py, PyAny>>>,
        Option<Vec<Option<String>>>,
    )>,
) -> PyResult<Bound<'py, PyBytes>> {
    // Texts are held here so that the cells can borrow them.
    let texts: Vec<Vec<Vec<String>>> = sheets
        .iter()
        .map(|(_, _, rows, _)| {
            rows.iter()
                .map(|row| {
                    row.iter()
                        .map(|v| v.extract::<String>().unwrap_or_default())
                        .collect()
                })
                .collect()
        })
        .collect();
    let mut data = Vec::with_capacity(sheets.len());
    for ((name, header, rows, units), texts) in sheets.iter().zip(&texts) {
        let mut out = Vec::with_capacity(rows.len());
        for (i, (row, texts)) in rows.iter().zip(texts).enumerate() {
            let unit = units.as_ref().and_then(|u| u.get(i)).and_then(|u| u.as_deref());
            let cells = row
                .iter()
                .zip(texts)
                .map(|(v, t)| cell(py, v, t, unit))
                .collect::<PyResult<Vec<_>>>()?;
            out.push(cells);
        }
        data.push(SheetData {
            name,
            header: header.iter().map(String::as_str).collect(),
            rows: out,
        });
    }
    let bytes = call(py, || write_xlsx(&data))?;
    Ok(PyBytes::new(py, &bytes))
}

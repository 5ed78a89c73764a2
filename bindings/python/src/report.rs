//! `Registry.report(...)`: the core's report (`coopkit::report`), kept as
//! data and rendered by the core as text, HTML or an Excel workbook.

use crate::boundary::{call, guard_detached};
use crate::objects::to_py;
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use std::path::PathBuf;

/// The province report: the indicators, the programme's targets, each
/// cooperative checked and classified, and the notes on confirmed law, in
/// one language. `str(report)` and `to_text()` give the text,
/// `to_html()` one self-contained HTML page (notebooks show it),
/// `to_excel(path)` the tables as a workbook, `to_dict()` the data.
#[pyclass(module = "coopkit", frozen)]
pub struct Report {
    pub inner: coopkit::report::Report,
}

#[pymethods]
impl Report {
    /// The title.
    #[getter]
    fn title(&self) -> &str {
        &self.inner.title
    }

    /// The language: "vi" or "en".
    #[getter]
    fn lang(&self) -> &'static str {
        self.inner.lang.as_str()
    }

    /// The report as text, lines within `width` columns where words allow.
    #[pyo3(signature = (width=96))]
    fn to_text(&self, py: Python<'_>, width: usize) -> PyResult<String> {
        guard_detached(py, || self.inner.to_text(width))
    }

    /// One self-contained HTML page: styles and SVG charts inline, nothing
    /// fetched, print styles for A4. With `path`, also written there.
    #[pyo3(signature = (path=None))]
    fn to_html(&self, py: Python<'_>, path: Option<PathBuf>) -> PyResult<String> {
        let page = guard_detached(py, || self.inner.to_html())?;
        if let Some(path) = path {
            std::fs::write(&path, page.as_bytes())?;
        }
        Ok(page)
    }

    /// The page in an iframe, for Jupyter.
    fn _repr_html_(&self, py: Python<'_>) -> PyResult<String> {
        guard_detached(py, || self.inner.to_html_frame())
    }

    /// The indicators, every finding and the classifications as an Excel
    /// workbook at `path`; without a path, its bytes.
    #[pyo3(signature = (path=None))]
    fn to_excel<'py>(&self, py: Python<'py>, path: Option<PathBuf>) -> PyResult<Option<Bound<'py, PyBytes>>> {
        let bytes = call(py, || self.inner.to_xlsx())?;
        match path {
            Some(path) => {
                std::fs::write(&path, &bytes)?;
                Ok(None)
            }
            None => Ok(Some(PyBytes::new(py, &bytes))),
        }
    }

    /// The report's data: title, facts and sections of blocks, as Python objects.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }

    /// The report's data as JSON text.
    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    fn __str__(&self, py: Python<'_>) -> PyResult<String> {
        self.to_text(py, 96)
    }

    fn __repr__(&self) -> String {
        format!(
            "<coopkit.Report {:?}, {} sections, lang={:?}>",
            self.inner.title,
            self.inner.sections.len(),
            self.inner.lang.as_str()
        )
    }
}

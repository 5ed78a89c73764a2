//! The result and record classes: `Cooperative`, `CheckReport`, `Finding`,
//! `Classification` and `Parameters`. Each holds the core's own value and
//! converts on access; `to_dict()` is the core's serialisation, as Python
//! objects.

use crate::boundary::{call, guard, parameter_error};
use crate::input;
use crate::io_bridge;
use chrono::Datelike;
use pyo3::prelude::*;
use pyo3::types::{PyDate, PyDict, PyString, PyTuple};
use serde::Serialize;
use std::sync::atomic::{AtomicBool, Ordering};

static VIETNAMESE: AtomicBool = AtomicBool::new(false);

/// The language of messages in HTML and `text()` when none is given.
pub fn default_lang() -> &'static str {
    lang_or(None).as_str()
}

/// `lang`, or the default language (`set_language`) when None.
pub fn lang_or(lang: Option<coopkit::Lang>) -> coopkit::Lang {
    lang.unwrap_or(if VIETNAMESE.load(Ordering::Relaxed) {
        coopkit::Lang::Vi
    } else {
        coopkit::Lang::En
    })
}

/// Sets the default language of messages: "en" or "vi".
#[pyfunction]
pub fn set_language(py: Python<'_>, lang: &str) -> PyResult<()> {
    let lang: coopkit::Lang = input::option(py, lang)?;
    VIETNAMESE.store(lang == coopkit::Lang::Vi, Ordering::Relaxed);
    Ok(())
}

/// The default language of messages: "en" or "vi".
#[pyfunction]
pub fn get_language() -> &'static str {
    default_lang()
}

/// An indicator's label in `lang` ("en" or "vi"; default: `get_language()`),
/// for example "Women members" for "members_female".
#[pyfunction]
#[pyo3(signature = (indicator, lang=None))]
pub fn indicator_label(
    py: Python<'_>,
    indicator: &str,
    #[pyo3(from_py_with = input::opt_code_arg::<coopkit::Lang>)] lang: Option<coopkit::Lang>,
) -> PyResult<String> {
    let lang = lang_or(lang).as_str();
    let id: coopkit::indicators::IndicatorId = input::option(py, indicator)?;
    Ok(id.labels().get(lang).to_owned())
}

/// The label of `code` in the code list `list` ("sector", "indicator",
/// "status", "term", ...) in `lang` (default: `get_language()`), for a
/// user's own charts and tables: `label("sector", "agriculture", "vi")` is
/// the Vietnamese name of the sector.
#[pyfunction]
#[pyo3(signature = (list, code, lang=None))]
pub fn label(
    py: Python<'_>,
    list: &str,
    code: &str,
    #[pyo3(from_py_with = input::opt_code_arg::<coopkit::Lang>)] lang: Option<coopkit::Lang>,
) -> PyResult<&'static str> {
    let lang = lang_or(lang);
    crate::boundary::call(py, || coopkit::codes::label(list, code, lang))
}

/// Every code list's labels in `lang`, from the core: `{"status": {"fail":
/// "fail", ...}, "term": {...}, ...}` in English. The HTML renderers take their
/// words from here.
#[pyfunction]
pub fn _vocabulary<'py>(py: Python<'py>, lang: &str) -> PyResult<Bound<'py, PyDict>> {
    let lang: coopkit::Lang = input::option(py, lang)?;
    let out = PyDict::new(py);
    for (list, pairs) in coopkit::codes::vocabulary(lang) {
        let d = PyDict::new(py);
        for (code, label) in pairs {
            d.set_item(code, label)?;
        }
        out.set_item(list, d)?;
    }
    Ok(out)
}

/// The Excel reader's names, from the core: `{"sheets": {table: [names]},
/// "headers": {table: {column: [Vietnamese names]}}}`, for writing a
/// workbook the reader reads (the template of `examples/excel`).
#[pyfunction]
pub fn _excel_names<'py>(py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
    let out = PyDict::new(py);
    let sheets = PyDict::new(py);
    for (table, names) in coopkit::io::excel::SHEETS {
        sheets.set_item(table, names.to_vec())?;
    }
    let headers = PyDict::new(py);
    for (table, column, names) in coopkit::io::excel::HEADERS {
        let t = match headers.get_item(table)? {
            Some(t) => t.cast_into::<PyDict>()?,
            None => {
                let t = PyDict::new(py);
                headers.set_item(table, &t)?;
                t
            }
        };
        t.set_item(column, names.to_vec())?;
    }
    out.set_item("sheets", sheets)?;
    out.set_item("headers", headers)?;
    Ok(out)
}

pub fn to_py<'py>(py: Python<'py>, value: &impl Serialize) -> PyResult<Bound<'py, PyAny>> {
    Ok(pythonize::pythonize(py, value)?)
}

pub fn date<'py>(py: Python<'py>, d: coopkit::Date) -> PyResult<Bound<'py, PyDate>> {
    PyDate::new(py, d.year(), d.month() as u8, d.day() as u8)
}

fn json_text(value: &impl Serialize) -> String {
    serde_json::to_string(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

fn enum_str(value: &impl Serialize) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(e) => e.to_string(),
    }
}

/// A finding as its HTML row shows it: subject, measured, required, unit.
type FindingTexts = (String, Option<String>, Option<String>, Option<&'static str>);

fn html<'py>(py: Python<'py>, renderer: &str, data: Bound<'py, PyAny>, lang: &str) -> PyResult<String> {
    py.import("coopkit._html")?
        .getattr(renderer)?
        .call1((data, lang))?
        .extract()
}

/// One cooperative, group or union, as read by the core (`Registry[i]`,
/// `Cooperative.from_dict`, `Cooperative.from_json`).
#[pyclass(module = "coopkit", frozen, from_py_object)]
#[derive(Clone)]
pub struct Cooperative {
    pub inner: coopkit::Cooperative,
}

#[pymethods]
impl Cooperative {
    /// Pickles as its interchange JSON.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        crate::pickling::reduce_cooperative(py, self)
    }
    /// Reads a cooperative from a dict in the interchange format.
    #[staticmethod]
    fn from_dict(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Self> {
        let v = input::to_value(py, data, "")?;
        Ok(Cooperative {
            inner: call(py, || io_bridge::cooperative_from_value(&v))?,
        })
    }

    /// Reads a cooperative from JSON text.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &str) -> PyResult<Self> {
        Ok(Cooperative {
            inner: call(py, || io_bridge::cooperative_from_json(text))?,
        })
    }

    /// The id, unique in a registry.
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }

    /// The registered name.
    #[getter]
    fn name(&self) -> &str {
        &self.inner.name
    }

    /// "cooperative", "cooperative_group" or "union".
    #[getter]
    fn kind(&self) -> String {
        enum_str(&self.inner.kind)
    }

    /// "agriculture", "industry_construction" or "trade_services".
    #[getter]
    fn sector(&self) -> String {
        enum_str(&self.inner.sector)
    }

    /// Province code, if recorded.
    #[getter]
    fn province(&self) -> Option<&str> {
        self.inner.province.as_deref()
    }

    /// Number of members in the member list (None when there is no list).
    #[getter]
    fn member_count(&self) -> Option<usize> {
        self.inner.members.as_ref().map(Vec::len)
    }

    /// The record in the interchange format, as Python objects.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }

    /// The record in the interchange format, as JSON text.
    fn to_json(&self) -> String {
        json_text(&self.inner)
    }

    fn __repr__(&self) -> String {
        let members = match &self.inner.members {
            Some(m) => format!(", {} members", m.len()),
            None => String::new(),
        };
        format!(
            "<Cooperative {} {}{}>",
            self.inner.id,
            enum_str(&self.inner.kind),
            members
        )
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Cooperative>()
            .is_ok_and(|o| o.get().inner == self.inner)
    }
}

/// The result of one rule for one subject.
#[pyclass(module = "coopkit", frozen)]
pub struct Finding {
    inner: coopkit::Finding,
}

#[pymethods]
impl Finding {
    /// Rule id, for example "members.minimum".
    #[getter]
    fn rule(&self) -> &'static str {
        self.inner.rule
    }
    /// The law applied: "vn-2012" or "vn-2023".
    #[getter]
    fn law(&self) -> &'static str {
        self.inner.law.as_str()
    }
    /// "pass", "fail", "not_assessable" or "not_applicable".
    #[getter]
    fn status(&self) -> &'static str {
        self.inner.status.as_str()
    }
    /// Law, article, clause.
    #[getter]
    fn citation(&self) -> &str {
        &self.inner.citation
    }
    /// The citation in Vietnamese legal style
    /// (for example "khoan 7 Dieu 4 Luat Hop tac xa so 17/2023/QH15", with its marks).
    #[getter]
    fn citation_vi(&self) -> &str {
        &self.inner.citation_vi
    }
    /// What the data shows (a count, an amount in VND, a percentage, a code, a list or {"min", "max"}), or None.
    #[getter]
    fn measured<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.measured)
    }
    /// What the law requires, or None.
    #[getter]
    fn required<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.required)
    }
    /// How the measured value must stand to the required one: "at_least", "at_most",
    /// "within", "one_of", "all_of" or "equal"; None when nothing is required.
    #[getter]
    fn comparison(&self) -> Option<&'static str> {
        self.inner.comparison.map(|c| c.as_str())
    }
    /// The parameters the rule read, each as {"id", "confirmed", "note"?}; empty when none.
    #[getter]
    fn parameters<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.parameters)
    }
    /// "cooperative", or the id of the member or position concerned.
    #[getter]
    fn subject(&self) -> &str {
        self.inner.subject.as_str()
    }
    /// The explanation as {"en": ..., "vi": ...}.
    #[getter]
    fn message<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.message)
    }
    /// The explanation in `lang` ("en" or "vi"; default: `coopkit.get_language()`).
    #[pyo3(signature = (lang=None))]
    fn text(
        &self,
        #[pyo3(from_py_with = input::opt_code_arg::<coopkit::Lang>)] lang: Option<coopkit::Lang>,
    ) -> PyResult<String> {
        let lang = lang_or(lang).as_str();
        Ok(self.inner.message.get(lang).to_owned())
    }
    /// The finding in the contract's JSON shape, as Python objects.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    fn __repr__(&self) -> String {
        format!(
            "<Finding {} {} {}: {}>",
            self.inner.rule,
            self.inner.subject.as_str(),
            self.inner.status.as_str(),
            self.inner.citation
        )
    }
}

/// All findings for one cooperative under one law on one date.
#[pyclass(module = "coopkit")]
pub struct CheckReport {
    pub(crate) inner: coopkit::CheckReport,
    pub(crate) lang: Option<&'static str>,
    /// What it was computed from, to pickle it.
    pub(crate) origin: Option<crate::pickling::Origin>,
}

impl CheckReport {
    pub fn with_origin(inner: coopkit::CheckReport, origin: crate::pickling::Origin) -> Self {
        CheckReport {
            inner,
            lang: None,
            origin: Some(origin),
        }
    }
}

#[pymethods]
impl CheckReport {
    /// Pickles as what it was computed from (the cooperative, law, date
    /// and parameters); unpickling computes the same report again.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        crate::pickling::reduce_report(py, self)
    }
    /// True when no finding failed.
    #[getter]
    fn ok(&self) -> bool {
        self.inner.ok
    }
    /// The cooperative's id.
    #[getter]
    fn cooperative(&self) -> &str {
        &self.inner.cooperative
    }
    /// The law applied: "vn-2012" or "vn-2023".
    #[getter]
    fn law(&self) -> &'static str {
        self.inner.law.as_str()
    }
    /// The date checked for.
    #[getter]
    fn as_of<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDate>> {
        date(py, self.inner.as_of)
    }
    /// False when a law was named explicitly for a date outside its period.
    #[getter]
    fn law_in_force(&self) -> bool {
        self.inner.law_in_force
    }
    /// False when the record's `established` date is after `as_of`: then every
    /// finding is "not_applicable" and says so.
    #[getter]
    fn established_on_as_of(&self) -> bool {
        self.inner.established_on_as_of
    }
    /// True when the record's `dissolved` date is on or before `as_of`: then
    /// every finding is "not_applicable" and says so.
    #[getter]
    fn dissolved_on_as_of(&self) -> bool {
        self.inner.dissolved_on_as_of
    }
    /// Every finding, in rule-catalogue order.
    #[getter]
    fn findings(&self) -> Vec<Finding> {
        self.inner
            .findings
            .iter()
            .map(|f| Finding { inner: f.clone() })
            .collect()
    }
    /// The findings that failed.
    fn failures(&self) -> Vec<Finding> {
        self.inner
            .with_status(coopkit::Status::Fail)
            .map(|f| Finding { inner: f.clone() })
            .collect()
    }
    /// How many findings have each status: {"pass": n, "fail": n, ...}.
    fn counts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for s in coopkit::Status::ALL {
            d.set_item(s.as_str(), self.inner.with_status(s).count())?;
        }
        Ok(d)
    }
    /// Language of `_repr_html_` for this report ("en", "vi"), or None for
    /// `coopkit.get_language()`.
    #[getter]
    fn get_lang(&self) -> Option<&'static str> {
        self.lang
    }
    #[setter]
    fn set_lang(&mut self, lang: &Bound<'_, PyAny>) -> PyResult<()> {
        self.lang = input::opt_code_arg::<coopkit::Lang>(lang)?.map(coopkit::Lang::as_str);
        Ok(())
    }
    /// The report in the contract's JSON shape, as Python objects.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    /// The report as JSON text (the core's serialisation).
    fn to_json(&self) -> String {
        json_text(&self.inner)
    }
    /// An HTML table: rule, status, subject, measured, required, citation and
    /// the message in `lang` (default: this report's `lang`, else
    /// `coopkit.get_language()`).
    #[pyo3(signature = (lang=None))]
    fn to_html(
        &self,
        py: Python<'_>,
        #[pyo3(from_py_with = input::opt_code_arg::<coopkit::Lang>)] lang: Option<coopkit::Lang>,
    ) -> PyResult<String> {
        let lang = match lang {
            Some(l) => l.as_str(),
            None => self.lang.unwrap_or_else(default_lang),
        };
        // What each finding shows, as the core writes it in `lang`: the
        // subject, the measured value and the required one with its units,
        // and the unit (numbers line up on the right, codes do not).
        let l: coopkit::Lang = input::option(py, lang)?;
        let texts: Vec<FindingTexts> = self
            .inner
            .findings
            .iter()
            .map(|f| {
                let unit = f.measured.as_ref().or(f.required.as_ref()).map(|v| v.unit());
                (
                    f.subject.text(l),
                    f.measured.as_ref().map(|v| v.text(l)),
                    f.required_text(l),
                    unit,
                )
            })
            .collect();
        py.import("coopkit._html")?
            .getattr("check_report")?
            .call1((self.to_dict(py)?, lang, texts))?
            .extract()
    }
    fn _repr_html_(&self, py: Python<'_>) -> PyResult<String> {
        self.to_html(py, None)
    }
    fn __repr__(&self) -> String {
        let mut parts = Vec::new();
        for s in coopkit::Status::ALL {
            let n = self.inner.with_status(s).count();
            if n > 0 {
                parts.push(format!("{n} {}", s.as_str()));
            }
        }
        let summary = if parts.is_empty() {
            "no findings".to_owned()
        } else {
            parts.join(", ")
        };
        format!(
            "<CheckReport {} {} {}: {}>",
            self.inner.cooperative,
            self.inner.law.as_str(),
            self.inner.as_of,
            summary
        )
    }
}

/// Size class, ILO type, minority membership and women-managed status under
/// each named rule, for one cooperative on one date.
#[pyclass(module = "coopkit")]
pub struct Classification {
    pub(crate) inner: coopkit::Classification,
    /// What it was computed from, to pickle it.
    pub(crate) origin: Option<crate::pickling::Origin>,
}

impl Classification {
    pub fn with_origin(inner: coopkit::Classification, origin: crate::pickling::Origin) -> Self {
        Classification {
            inner,
            origin: Some(origin),
        }
    }
}

#[pymethods]
impl Classification {
    /// Pickles as what it was computed from; unpickling classifies again.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        crate::pickling::reduce_classification(py, self)
    }
    /// The cooperative's id.
    #[getter]
    fn cooperative(&self) -> &str {
        &self.inner.cooperative
    }
    /// The date classified for.
    #[getter]
    fn as_of<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDate>> {
        date(py, self.inner.as_of)
    }
    /// "micro", "small", "medium", "large", or None when not determinable
    /// (see `to_dict()["size_class"]["reason"]`).
    #[getter]
    fn size_class(&self) -> Option<&'static str> {
        self.inner.size_class.class.map(|c| c.as_str())
    }
    /// Why the size class is or is not determined: "determined", "not_applicable",
    /// "threshold_not_encoded", "data_missing", "before_any_instrument" or
    /// "no_parameter_in_force" (the data fields missing are in
    /// `to_dict()["size_class"]["missing"]`).
    #[getter]
    fn size_status(&self) -> &'static str {
        self.inner.size_class.status.as_str()
    }
    /// ILO type ("producer", "consumer", "worker", "multi_stakeholder") or None.
    #[getter]
    fn ilo_type(&self) -> Option<String> {
        self.inner.ilo_type.as_ref().map(enum_str)
    }
    /// At least one current member of an ethnic minority; None when unknown.
    #[getter]
    fn has_minority_member(&self) -> Option<bool> {
        self.inner.has_minority_member
    }
    /// {rule: True/False/None} for each women-managed rule.
    #[getter]
    fn women_managed<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for w in &self.inner.women_managed {
            d.set_item(w.rule.as_str(), w.value)?;
        }
        Ok(d)
    }
    /// The classification as Python objects (the core's serialisation).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    /// The classification as JSON text.
    fn to_json(&self) -> String {
        json_text(&self.inner)
    }
    /// An HTML table of the classification with reasons in `lang`.
    #[pyo3(signature = (lang=None))]
    fn to_html(
        &self,
        py: Python<'_>,
        #[pyo3(from_py_with = input::opt_code_arg::<coopkit::Lang>)] lang: Option<coopkit::Lang>,
    ) -> PyResult<String> {
        let lang = lang_or(lang).as_str();
        html(py, "classification", self.to_dict(py)?, lang)
    }
    fn _repr_html_(&self, py: Python<'_>) -> PyResult<String> {
        self.to_html(py, None)
    }
    fn __repr__(&self) -> String {
        let wm: Vec<String> = self
            .inner
            .women_managed
            .iter()
            .map(|w| {
                let v = match w.value {
                    Some(true) => "yes",
                    Some(false) => "no",
                    None => "?",
                };
                format!("{}={v}", w.rule.as_str())
            })
            .collect();
        format!(
            "<Classification {} {}: size={} women_managed[{}]>",
            self.inner.cooperative,
            self.inner.as_of,
            self.inner.size_class.class.map_or("undetermined", |c| c.as_str()),
            wm.join(" ")
        )
    }
}

/// A table of dated legal parameters laid over the built-in one (for a new
/// decree, or a threshold the built-in table leaves out as unconfirmed).
#[pyclass(module = "coopkit", frozen)]
pub struct Parameters {
    pub inner: coopkit::Parameters,
    /// The TOML it was read from (None: the built-in table), to pickle it
    /// and the results computed with it.
    pub toml: Option<std::sync::Arc<str>>,
}

impl Parameters {
    pub fn from_toml_text(py: Python<'_>, text: &str) -> PyResult<Self> {
        let user = call(py, || coopkit::Parameters::from_toml_str(text))?;
        Ok(Parameters {
            inner: guard(py, || coopkit::Parameters::builtin().overlay(&user))?,
            toml: Some(std::sync::Arc::from(text)),
        })
    }
}

#[pymethods]
impl Parameters {
    /// Reads a TOML table (see the core's documentation for the form) and
    /// lays it over the built-in parameters.
    #[staticmethod]
    fn from_toml(py: Python<'_>, text: &str) -> PyResult<Self> {
        Parameters::from_toml_text(py, text)
    }
    /// The built-in parameters alone.
    #[staticmethod]
    fn builtin(py: Python<'_>) -> PyResult<Self> {
        Ok(Parameters {
            inner: guard(py, || coopkit::Parameters::builtin().clone())?,
            toml: None,
        })
    }
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let cls = py.import("coopkit._coopkit")?.getattr("Parameters")?;
        Ok(match &self.toml {
            Some(text) => (cls.getattr("from_toml")?, (text.as_ref(),))
                .into_pyobject(py)?
                .into_any(),
            None => (cls.getattr("builtin")?, ()).into_pyobject(py)?.into_any(),
        })
    }
    /// Every entry as a list of dicts (id, law, start, end, value, unit, citation, confirmed, note).
    fn to_list<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.entries())
    }
    fn __len__(&self) -> usize {
        self.inner.entries().len()
    }
    fn __repr__(&self) -> String {
        format!("<Parameters {} entries>", self.inner.entries().len())
    }
}

/// A table of administrative units with dates (code, Vietnamese name,
/// level, kind, parent, valid from and to, successors), laid over the
/// built-in one; the CSV layout is the core's (`coopkit::units`).
#[pyclass(module = "coopkit", frozen)]
pub struct Units {
    pub inner: coopkit::units::Units,
}

#[pymethods]
impl Units {
    /// Reads a unit table in the core's CSV layout, from text or a file
    /// path, and lays it over the built-in units. Every problem is reported
    /// at once (`units.csv:4.valid_to`).
    #[staticmethod]
    fn from_csv(py: Python<'_>, source: &Bound<'_, PyAny>) -> PyResult<Self> {
        let text: String = if let Ok(s) = source.cast::<PyString>() {
            let s = s.to_str()?;
            if s.contains('\n') {
                s.to_owned()
            } else {
                let path = std::path::PathBuf::from(s);
                call(py, || {
                    coopkit::io::read_text(&path, coopkit::io::DEFAULT_MAX_BYTES)
                })?
            }
        } else if let Ok(p) = source.extract::<std::path::PathBuf>() {
            call(py, || coopkit::io::read_text(&p, coopkit::io::DEFAULT_MAX_BYTES))?
        } else {
            return Err(parameter_error(py, "source", "expected CSV text or a path"));
        };
        let user = call(py, || coopkit::units::Units::from_csv_str(&text))?;
        Ok(Units {
            inner: guard(py, || coopkit::units::Units::builtin().overlay(&user))?,
        })
    }
    /// The built-in units alone (only what the reference confirms).
    #[staticmethod]
    fn builtin(py: Python<'_>) -> PyResult<Self> {
        Ok(Units {
            inner: guard(py, coopkit::units::Units::builtin)?,
        })
    }
    /// The name of the unit of `level` ("province", "district", "commune")
    /// with `code` valid on `as_of` (default today), or None.
    #[pyo3(signature = (level, code, as_of=None))]
    fn name(
        &self,
        py: Python<'_>,
        level: &str,
        code: &str,
        as_of: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Option<String>> {
        let level: coopkit::units::Level = input::option(py, level)?;
        let as_of = input::as_of(py, as_of)?;
        Ok(self.inner.name(level, code, as_of).map(str::to_owned))
    }
    /// Every unit as a list of dicts.
    fn to_list<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.entries())
    }
    fn __len__(&self) -> usize {
        self.inner.len()
    }
    fn __repr__(&self) -> String {
        format!("<Units {} units>", self.inner.len())
    }
}

/// A `units=` argument with the registry's date, for the readers.
pub fn units_and_date(
    py: Python<'_>,
    units: Option<&Bound<'_, Units>>,
    as_of: Option<&Bound<'_, PyAny>>,
) -> PyResult<Option<(coopkit::units::Units, coopkit::Date)>> {
    match (units, as_of.filter(|a| !a.is_none())) {
        (None, None) => Ok(None),
        (None, Some(_)) => Err(parameter_error(py, "units_as_of", "give units= with it")),
        (Some(_), None) => Err(parameter_error(
            py,
            "units_as_of",
            "the registry's date is needed to check its codes against the units",
        )),
        (Some(u), Some(d)) => Ok(Some((u.get().inner.clone(), input::as_of(py, Some(d))?))),
    }
}

/// A cooperative argument: a `Cooperative`, a dict, or JSON text. Calls `f`
/// with the core's record without copying a `Cooperative` object.
pub fn with_cooperative<T>(
    py: Python<'_>,
    coop: &Bound<'_, PyAny>,
    f: impl FnOnce(&coopkit::Cooperative) -> T,
) -> PyResult<T> {
    if let Ok(c) = coop.cast::<Cooperative>() {
        return guard(py, || f(&c.get().inner));
    }
    let record = if let Ok(s) = coop.cast::<PyString>() {
        let text = s.to_str()?;
        call(py, || io_bridge::cooperative_from_json(text))?
    } else if coop.is_instance_of::<PyDict>() {
        let v = input::to_value(py, coop, "")?;
        call(py, || io_bridge::cooperative_from_value(&v))?
    } else {
        return Err(parameter_error(
            py,
            "coop",
            "expected a dict, a JSON string or a coopkit.Cooperative",
        ));
    };
    guard(py, || f(&record))
}

/// The parameter table of a `parameters=` argument: a `Parameters`, TOML
/// text, or None for the built-in table.
pub fn with_parameters<T>(
    py: Python<'_>,
    parameters: Option<&Bound<'_, PyAny>>,
    f: impl FnOnce(&coopkit::Parameters) -> PyResult<T>,
) -> PyResult<T> {
    match parameters {
        None => f(guard(py, coopkit::Parameters::builtin)?),
        Some(p) if p.is_none() => f(guard(py, coopkit::Parameters::builtin)?),
        Some(p) => {
            if let Ok(p) = p.cast::<Parameters>() {
                f(&p.get().inner)
            } else if let Ok(s) = p.cast::<PyString>() {
                let table = Parameters::from_toml_text(py, s.to_str()?)?;
                f(&table.inner)
            } else {
                Err(parameter_error(
                    py,
                    "parameters",
                    "expected a coopkit.Parameters, TOML text or None",
                ))
            }
        }
    }
}

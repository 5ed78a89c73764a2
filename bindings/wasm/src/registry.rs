//! `Registry`: a registry loaded once (from JSON, JSON Lines, the three CSV
//! files or plain objects) and queried many times; `free()` or
//! `Symbol.dispose` releases its memory.

use crate::boundary::{call, core, out, parameter_error, problem_list};
use crate::convert;
use crate::options::Options;
use coopkit::indicators::{targets, Query};
use coopkit::io::{Loaded, ReadOptions, Rejected};
use coopkit::{LawChoice, WomenManagedRule};
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A registry of cooperatives held inside the module.
#[wasm_bindgen]
pub struct Registry {
    inner: coopkit::Registry,
    rejected: Vec<Rejected>,
}

/// The read options: `lenient` and the limits; `delimiter` for a CSV read;
/// with a unit table, `unitsAsOf` (the registry's date, then required).
fn read_options(options: &JsValue, units: Option<&Units>, csv: bool) -> Result<ReadOptions, JsValue> {
    let mut names = vec!["lenient"];
    names.extend(units.is_some().then_some("unitsAsOf"));
    names.extend(csv.then_some("delimiter"));
    let o = Options::new(options, &read_names(&names))?;
    let mut r = ReadOptions::new().lenient(o.flag("lenient")?).threads(1);
    if let Some(d) = o.string("delimiter")? {
        r = core(r.delimiter_text(&d))?;
    }
    if let Some(units) = units {
        let on = o
            .value("unitsAsOf")
            .ok_or_else(|| {
                parameter_error(
                    "unitsAsOf",
                    "the registry's date is needed to check its codes against the units",
                )
            })
            .and_then(|v| crate::options::date("unitsAsOf", &v))?;
        r = r.units(units.inner.clone(), on);
    }
    limits(&o, r)
}

/// The names a read takes: `names`, then every limit by its JavaScript
/// name (`maxBytes`, `maxRecords`, ...; the core's `io::LIMITS`).
fn read_names(names: &[&'static str]) -> Vec<&'static str> {
    let limits = coopkit::io::LIMITS.iter().map(|l| l.js_name);
    names.iter().copied().chain(limits).collect()
}

/// `r` with each limit given in `o` (the others keep the core's defaults).
fn limits(o: &Options, mut r: ReadOptions) -> Result<ReadOptions, JsValue> {
    for limit in &coopkit::io::LIMITS {
        if let Some(v) = o.whole(limit.js_name)? {
            r = core(r.limit(limit.name, v))?;
        }
    }
    Ok(r)
}

/// The most memory a WebAssembly module can have: 65,536 pages of 64 KiB.
const MODULE_MEMORY: u64 = 4 << 30;

/// Bytes a read of an input of `len` bytes may take at its peak: the copy
/// into the module, and about twice the text while it is read.
const NEED_PER_INPUT_BYTE: u64 = 3;

/// An input error before a read that would need more memory than the
/// module can still grow to: an allocation failing part-way would abort
/// the module instead.
fn room_for(name: &str, len: u64) -> Result<(), JsValue> {
    #[cfg(target_arch = "wasm32")]
    let used = core::arch::wasm32::memory_size::<0>() as u64 * 65_536;
    #[cfg(not(target_arch = "wasm32"))]
    let used: u64 = 0;
    let need = len.saturating_mul(NEED_PER_INPUT_BYTE);
    if used.saturating_add(need) <= MODULE_MEMORY {
        return Ok(());
    }
    let mb = |n: u64| n / (1 << 20);
    let message = format!(
        "reading this input ({} MB) needs about {} MB of memory, more than the {} MB a \
         WebAssembly module can still take (4 GiB in all): read a smaller input, or use the \
         Python package or the Rust crate",
        mb(len),
        mb(need),
        mb(MODULE_MEMORY.saturating_sub(used))
    );
    let e = coopkit::InputError::new(name, coopkit::InputErrorCode::TooLarge, message);
    Err(crate::boundary::input_error(vec![e]))
}

/// The three files `{cooperatives, members, positions}` read with `o`.
fn read_csv_files(files: &JsValue, o: &ReadOptions) -> Result<Registry, JsValue> {
    let f = Options::new(files, &["cooperatives", "members", "positions"])
        .map_err(|_| parameter_error("files", "expected {cooperatives, members, positions}"))?;
    let file = |name: &str| f.value(name).map(|v| bytes(name, &v)).transpose();
    let cooperatives = file("cooperatives")?
        .ok_or_else(|| parameter_error("cooperatives", "the cooperatives file is required"))?;
    let (members, positions) = (file("members")?, file("positions")?);
    core(o.read_csv(&cooperatives, members.as_deref(), positions.as_deref())).map(Registry::new)
}

/// The error of a `units` option that is not a [`Units`] table.
#[wasm_bindgen(js_name = __unitsExpected)]
pub fn units_expected() -> JsValue {
    parameter_error("units", "expected a Units table (Units.fromCsv)")
}

/// Administrative units with dates (code, Vietnamese name, level, kind,
/// parent, valid from and to, successors), laid over the built-in ones.
#[wasm_bindgen]
pub struct Units {
    inner: coopkit::units::Units,
}

#[wasm_bindgen]
impl Units {
    /// A unit table in the core's CSV layout (a string or bytes), laid over
    /// the built-in units; every problem is an `InputError`.
    #[wasm_bindgen(js_name = fromCsv)]
    pub fn from_csv(text: JsValue) -> Result<Units, JsValue> {
        call(|| {
            let text = utf8("units.csv", bytes("text", &text)?)?;
            let user = core(coopkit::units::Units::from_csv_str(&text))?;
            Ok(Units {
                inner: coopkit::units::Units::builtin().overlay(&user),
            })
        })
    }

    /// The built-in units alone (only what the reference confirms).
    pub fn builtin() -> Units {
        Units {
            inner: coopkit::units::Units::builtin(),
        }
    }

    /// The name of the unit of `level` with `code` valid on `asOf` (today
    /// by default); `undefined` when there is none.
    pub fn name(&self, level: String, code: String, as_of: JsValue) -> Result<Option<String>, JsValue> {
        call(|| {
            let level: coopkit::units::Level =
                core(<coopkit::units::Level as coopkit::Code>::parse_option(&level))?;
            let o = js_sys::Object::new();
            let _ = Reflect::set(&o, &"asOf".into(), &as_of);
            let on = Options::new(&o.into(), &["asOf"])?.date_or_today("asOf")?;
            Ok(self.inner.name(level, &code, on).map(str::to_owned))
        })
    }

    /// The number of units.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.inner.len()
    }

    /// Every unit, as plain objects.
    pub fn entries(&self) -> Result<JsValue, JsValue> {
        call(|| out(&self.inner.entries()))
    }
}

/// Text or bytes (a `Uint8Array`, an `ArrayBuffer`, a Node `Buffer`).
fn bytes(name: &str, v: &JsValue) -> Result<Vec<u8>, JsValue> {
    let len = if let Some(s) = v.dyn_ref::<js_sys::JsString>() {
        u64::from(s.length())
    } else if let Some(a) = v.dyn_ref::<Uint8Array>() {
        u64::from(a.length())
    } else {
        v.dyn_ref::<js_sys::ArrayBuffer>()
            .map_or(0, |b| u64::from(b.byte_length()))
    };
    room_for(name, len)?;
    if let Some(s) = v.as_string() {
        return Ok(s.into_bytes());
    }
    if let Some(a) = v.dyn_ref::<Uint8Array>() {
        return Ok(a.to_vec());
    }
    if let Some(b) = v.dyn_ref::<js_sys::ArrayBuffer>() {
        return Ok(Uint8Array::new(b).to_vec());
    }
    Err(parameter_error(
        name,
        "expected a string, a Uint8Array or an ArrayBuffer",
    ))
}

fn utf8(name: &str, data: Vec<u8>) -> Result<String, JsValue> {
    String::from_utf8(data).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        crate::boundary::input_error(vec![coopkit::InputError::new(
            format!("{name}:byte {at}"),
            coopkit::InputErrorCode::Syntax,
            "not UTF-8 text",
        )])
    })
}

impl Registry {
    fn new(loaded: Loaded) -> Registry {
        Registry {
            inner: loaded.registry,
            rejected: loaded.rejected,
        }
    }

    /// The cooperatives at positions `offset..offset + limit` (all by default).
    fn part(&self, o: &Options) -> Result<impl Iterator<Item = coopkit::Cooperative> + '_, JsValue> {
        let len = self.inner.len();
        let offset = (o.count("offset")?.unwrap_or(0) as usize).min(len);
        let end = o
            .count("limit")?
            .map_or(len, |n| offset.saturating_add(n as usize).min(len));
        Ok((offset..end).filter_map(|i| self.inner.get(i)))
    }
}

#[wasm_bindgen]
impl Registry {
    /// From `{"cooperatives": [...]}` or JSON Lines, as a string or bytes.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(text: JsValue, options: JsValue) -> Result<Registry, JsValue> {
        call(|| {
            let o = read_options(&options, None, false)?;
            let text = utf8("json", bytes("text", &text)?)?;
            core(o.read_json(&text)).map(Registry::new)
        })
    }

    /// From JSON Lines (one cooperative a line); the same reader as
    /// [`Registry::from_json`], which also takes JSON Lines.
    #[wasm_bindgen(js_name = fromJsonLines)]
    pub fn from_json_lines(text: JsValue, options: JsValue) -> Result<Registry, JsValue> {
        Registry::from_json(text, options)
    }

    /// From the three CSV files `{cooperatives, members, positions}` (the
    /// last two optional), each a string or bytes.
    #[wasm_bindgen(js_name = fromCsv)]
    pub fn from_csv(files: JsValue, options: JsValue) -> Result<Registry, JsValue> {
        call(|| {
            let o = read_options(&options, None, true)?;
            read_csv_files(&files, &o)
        })
    }

    /// [`Registry::from_json`] with its location codes checked against
    /// `units` on `unitsAsOf`; `fromJson(text, {units, unitsAsOf})` calls it.
    #[wasm_bindgen(js_name = __fromJsonUnits)]
    pub fn from_json_units(text: JsValue, options: JsValue, units: &Units) -> Result<Registry, JsValue> {
        call(|| {
            let o = read_options(&options, Some(units), false)?;
            let text = utf8("json", bytes("text", &text)?)?;
            core(o.read_json(&text)).map(Registry::new)
        })
    }

    /// [`Registry::from_csv`] with its location codes checked against
    /// `units` on `unitsAsOf`.
    #[wasm_bindgen(js_name = __fromCsvUnits)]
    pub fn from_csv_units(files: JsValue, options: JsValue, units: &Units) -> Result<Registry, JsValue> {
        call(|| {
            let o = read_options(&options, Some(units), true)?;
            read_csv_files(&files, &o)
        })
    }

    /// This registry, whose codes are those valid on `from`, put onto the
    /// units valid on `to`: `{registry, unmapped, changed,
    /// districts_removed}`; every code that cannot be mapped is kept and
    /// listed in `unmapped`.
    #[wasm_bindgen(js_name = onUnits)]
    pub fn on_units(&self, units: &Units, options: JsValue) -> Result<JsValue, JsValue> {
        call(|| {
            let o = Options::new(&options, &["from", "to"])?;
            let when = |name: &str| {
                o.value(name)
                    .ok_or_else(|| parameter_error(name, "required"))
                    .and_then(|v| crate::options::date(name, &v))
            };
            let (from, to) = (when("from")?, when("to")?);
            let (registry, r) = core(self.inner.on_units(&units.inner, from, to))?;
            let o = Object::new();
            let _ = Reflect::set(
                &o,
                &"registry".into(),
                &JsValue::from(Registry {
                    inner: registry,
                    rejected: Vec::new(),
                }),
            );
            let _ = Reflect::set(&o, &"unmapped".into(), &out(&r.unmapped)?);
            let _ = Reflect::set(&o, &"changed".into(), &JsValue::from_f64(r.changed as f64));
            let _ = Reflect::set(
                &o,
                &"districts_removed".into(),
                &JsValue::from_f64(r.districts_removed as f64),
            );
            Ok(o.into())
        })
    }

    /// From plain objects: `{cooperatives: [...]}` or an array of
    /// cooperatives.
    #[wasm_bindgen(js_name = fromObject)]
    pub fn from_object(registry: JsValue, options: JsValue) -> Result<Registry, JsValue> {
        call(|| {
            let o = read_options(&options, None, false)?;
            let list = if Array::is_array(&registry) {
                registry
            } else if registry.is_object() {
                Reflect::get(&registry, &"cooperatives".into()).unwrap_or(JsValue::UNDEFINED)
            } else {
                JsValue::UNDEFINED
            };
            if !Array::is_array(&list) {
                return Err(parameter_error(
                    "registry",
                    "expected {cooperatives: [...]} or an array of cooperatives",
                ));
            }
            let records = list
                .unchecked_into::<Array>()
                .iter()
                .enumerate()
                .map(|(i, rec)| convert::to_value(&rec, &format!("cooperatives[{i}]")))
                .collect();
            core(o.read_values(records)).map(Registry::new)
        })
    }

    /// The number of cooperatives.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.inner.len()
    }

    /// The ids, in order.
    pub fn ids(&self) -> Vec<String> {
        self.inner.iter().map(|c| c.id).collect()
    }

    /// The records a lenient read left out: `[{index, id, errors}]`.
    #[wasm_bindgen(getter)]
    pub fn rejected(&self) -> JsValue {
        let list = Array::new();
        for r in &self.rejected {
            let o = Object::new();
            let _ = Reflect::set(&o, &"index".into(), &JsValue::from_f64(r.index as f64));
            let _ = Reflect::set(
                &o,
                &"id".into(),
                &r.id.as_deref().map_or(JsValue::NULL, JsValue::from_str),
            );
            let _ = Reflect::set(&o, &"errors".into(), &problem_list(&r.errors));
            list.push(&o);
        }
        list.into()
    }

    /// One cooperative, by id or position, in the interchange format;
    /// `undefined` when there is none.
    pub fn get(&self, key: JsValue) -> Result<JsValue, JsValue> {
        call(|| {
            let index = if let Some(id) = key.as_string() {
                self.inner.index_of(&id)
            } else if let Some(n) = key.as_f64().filter(|n| n.fract() == 0.0 && *n >= 0.0) {
                Some(n as usize)
            } else {
                return Err(parameter_error("key", "expected an id or a position"));
            };
            match index.and_then(|i| self.inner.get(i)) {
                None => Ok(JsValue::UNDEFINED),
                Some(c) => js_sys::JSON::parse(&coopkit::io::cooperative_to_json(&c)),
            }
        })
    }

    /// The registry as `{"cooperatives": [...]}` text.
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> Result<String, JsValue> {
        call(|| Ok(coopkit::io::registry_to_json(&self.inner)))
    }

    /// The registry as the three CSV files.
    #[wasm_bindgen(js_name = toCsv)]
    pub fn to_csv(&self) -> Result<JsValue, JsValue> {
        call(|| {
            let (c, m, p) = coopkit::io::registry_to_csv(&self.inner);
            let o = Object::new();
            let _ = Reflect::set(&o, &"cooperatives".into(), &c.into());
            let _ = Reflect::set(&o, &"members".into(), &m.into());
            let _ = Reflect::set(&o, &"positions".into(), &p.into());
            Ok(o.into())
        })
    }

    /// Checks every cooperative (or `limit` of them from position
    /// `offset`): one report each, in order.
    pub fn check(&self, options: JsValue) -> Result<JsValue, JsValue> {
        call(|| {
            let o = Options::new(&options, &["law", "asOf", "offset", "limit"])?;
            let law: LawChoice = o.code("law")?.unwrap_or(LawChoice::Auto);
            let as_of = o.date_or_today("asOf")?;
            let reports: Vec<_> = self.part(&o)?.map(|c| coopkit::check(&c, law, as_of)).collect();
            out(&reports)
        })
    }

    /// Classifies every cooperative (or `limit` of them from `offset`).
    pub fn classify(&self, options: JsValue) -> Result<JsValue, JsValue> {
        call(|| {
            let o = Options::new(&options, &["asOf", "offset", "limit"])?;
            let as_of = o.date_or_today("asOf")?;
            let all: Vec<_> = self.part(&o)?.map(|c| coopkit::classify(&c, as_of)).collect();
            out(&all)
        })
    }

    /// Indicators as of `asOf`, grouped `by` dimensions: `{as_of,
    /// women_managed_rule, by, disaggregate, min_cell, rows}`.
    pub fn indicators(&self, options: JsValue) -> Result<JsValue, JsValue> {
        call(|| self.query(&options, None))
    }

    /// [`Registry::indicators`] with the location codes named by `units`;
    /// `indicators({..., units})` calls it.
    #[wasm_bindgen(js_name = __indicatorsUnits)]
    pub fn indicators_units(&self, options: JsValue, units: &Units) -> Result<JsValue, JsValue> {
        call(|| self.query(&options, Some(units)))
    }
}

impl Registry {
    fn query(&self, options: &JsValue, units: Option<&Units>) -> Result<JsValue, JsValue> {
        {
            let options = options.clone();
            let o = Options::new(
                &options,
                &[
                    "ids",
                    "by",
                    "asOf",
                    "womenManagedRule",
                    "disaggregate",
                    "totals",
                    "minCell",
                    "years",
                ],
            )?;
            let dates = match (o.dates("asOf")?, o.years("years")?) {
                (Some(_), Some(_)) => {
                    return Err(crate::boundary::parameter_error(
                        "years",
                        "give a list of dates in asOf or years, not both",
                    ))
                }
                (Some(d), None) => Some(d),
                (None, Some((first, last))) => Some(core(coopkit::indicators::year_ends(first, last))?),
                (None, None) => None,
            };
            let as_of = match &dates {
                Some(d) => d.first().copied().unwrap_or_default(),
                None => o.date_or_today("asOf")?,
            };
            let ids = o.strings("ids")?;
            let by = o.strings("by")?.unwrap_or_default();
            let id_refs: Option<Vec<&str>> = ids.as_ref().map(|v| v.iter().map(String::as_str).collect());
            let by_refs: Vec<&str> = by.iter().map(String::as_str).collect();
            let mut q = core(Query::from_names(as_of, id_refs.as_deref(), &by_refs))?;
            q.women_managed_rule = o.code("womenManagedRule")?.unwrap_or_default();
            q.disaggregate = o.code("disaggregate")?;
            q.totals = o.flag("totals")?;
            q.min_cell = o.count("minCell")?;
            q.dates = dates;
            q.units = units.map(|u| u.inner.clone());
            out(&core(self.inner.indicators(&q))?)
        }
    }
}

#[wasm_bindgen]
impl Registry {
    /// Progress towards each of the programme's targets on `asOf`, under
    /// `womenManagedRule`; `baselines` maps a target id to `{date, value}`.
    pub fn progress(&self, options: JsValue) -> Result<JsValue, JsValue> {
        call(|| {
            let o = Options::new(&options, &["asOf", "womenManagedRule", "baselines"])?;
            let as_of = o.date_or_today("asOf")?;
            let rule: WomenManagedRule = o.code("womenManagedRule")?.unwrap_or_default();
            let baselines = match o.value("baselines") {
                None => Vec::new(),
                Some(b) => baselines(&b)?,
            };
            let baselines: Vec<_> = baselines.iter().map(|(id, b)| (*id, *b)).collect();
            out(&core(targets::programme_progress(
                &self.inner,
                as_of,
                &baselines,
                rule,
            ))?)
        })
    }
}

/// `{targetId: {date, value}}`; each key is checked against the
/// programme's target ids (by the core) before anything is read from it.
fn baselines(v: &JsValue) -> Result<Vec<(&'static str, targets::Baseline)>, JsValue> {
    if !v.is_object() || Array::is_array(v) || v.is_function() {
        return Err(parameter_error("baselines", "expected {targetId: {date, value}}"));
    }
    let mut out = Vec::new();
    for key in Object::keys(v.unchecked_ref::<Object>()).iter() {
        let key = key.as_string().unwrap_or_default();
        let t = core(targets::programme_target("baselines", &key))?;
        let path = format!("baselines.{}", t.id);
        let entry = Reflect::get(v, &JsValue::from_str(&key)).unwrap_or(JsValue::UNDEFINED);
        let f = Options::new(&entry, &["date", "value"])
            .map_err(|_| parameter_error(&path, "expected {date, value}"))?;
        let date = f
            .value("date")
            .ok_or_else(|| parameter_error(&format!("{path}.date"), "required"))
            .and_then(|d| crate::options::date(&format!("{path}.date"), &d))?;
        let value = f
            .value("value")
            .and_then(|v| convert::whole(&v, convert::MAX_SAFE))
            .ok_or_else(|| {
                parameter_error(&format!("{path}.value"), "expected a whole number of at least 0")
            })?;
        out.push((t.id.as_str(), targets::Baseline { date, value }));
    }
    Ok(out)
}

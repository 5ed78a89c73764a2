//! The core's readers, in one place so the binding calls them by one name.
//!
//! TEMPORARY: until `coopkit::io` lands on main, this holds a minimal reader
//! of the four required fields that refuses every other field (so nothing is
//! silently dropped). It is replaced by `pub use coopkit::io::{...}`.

use coopkit::{Cooperative, Error, InputError, InputErrorCode, InputErrors, Kind, Registry, Sector};
use serde_json::Value;

fn err(path: &str, code: InputErrorCode, message: &str) -> InputError {
    InputError::new(path, code, message)
}

fn decode(v: &Value, at: &str, errors: &mut Vec<InputError>) -> Option<Cooperative> {
    let p = |f: &str| {
        if at.is_empty() {
            f.to_owned()
        } else {
            format!("{at}.{f}")
        }
    };
    let Some(obj) = v.as_object() else {
        errors.push(err(at, InputErrorCode::InvalidType, "expected an object"));
        return None;
    };
    for k in obj.keys() {
        if !matches!(k.as_str(), "id" | "name" | "kind" | "sector") {
            errors.push(err(
                &p(k),
                InputErrorCode::UnknownField,
                "not read by this build (coopkit::io pending)",
            ));
        }
    }
    let text = |f: &str, errors: &mut Vec<InputError>| match obj.get(f) {
        Some(Value::String(s)) => Some(s.clone()),
        Some(_) => {
            errors.push(err(&p(f), InputErrorCode::InvalidType, "expected a string"));
            None
        }
        None => {
            errors.push(err(&p(f), InputErrorCode::MissingField, "required"));
            None
        }
    };
    let id = text("id", errors);
    let name = text("name", errors);
    let kind = text("kind", errors).and_then(|k| match k.as_str() {
        "cooperative" => Some(Kind::Cooperative),
        "cooperative_group" => Some(Kind::CooperativeGroup),
        "union" => Some(Kind::Union),
        _ => {
            errors.push(err(
                &p("kind"),
                InputErrorCode::InvalidValue,
                "expected cooperative, cooperative_group or union",
            ));
            None
        }
    });
    let sector = text("sector", errors).and_then(|k| match k.as_str() {
        "agriculture" => Some(Sector::Agriculture),
        "industry_construction" => Some(Sector::IndustryConstruction),
        "trade_services" => Some(Sector::TradeServices),
        _ => {
            errors.push(err(
                &p("sector"),
                InputErrorCode::InvalidValue,
                "expected a Decree 113 sector",
            ));
            None
        }
    });
    Some(Cooperative::new(id?, name?, kind?, sector?))
}

/// One cooperative from a JSON value.
pub fn cooperative_from_value(v: &Value) -> Result<Cooperative, Error> {
    let mut errors = Vec::new();
    let c = decode(v, "", &mut errors);
    match (InputErrors::new(errors), c) {
        (None, Some(c)) => Ok(c),
        (Some(e), _) => Err(Error::Input(e)),
        (None, None) => Err(Error::parameter("cooperative", "unreadable")),
    }
}

/// One cooperative from JSON text.
pub fn cooperative_from_json(text: &str) -> Result<Cooperative, Error> {
    let v: Value = serde_json::from_str(text).map_err(|e| {
        Error::Input(InputErrors::new(vec![err("", InputErrorCode::Syntax, &e.to_string())]).expect("one"))
    })?;
    cooperative_from_value(&v)
}

/// A registry from `{"cooperatives": [...]}`.
pub fn registry_from_json(text: &str) -> Result<Registry, Error> {
    let (r, rejected) = registry_from_json_lenient(text)?;
    match InputErrors::new(rejected) {
        Some(e) => Err(Error::Input(e)),
        None => Ok(r),
    }
}

/// A registry from the records that read cleanly, and the problems of the rest.
pub fn registry_from_json_lenient(text: &str) -> Result<(Registry, Vec<InputError>), Error> {
    let v: Value = serde_json::from_str(text).map_err(|e| {
        Error::Input(InputErrors::new(vec![err("", InputErrorCode::Syntax, &e.to_string())]).expect("one"))
    })?;
    let Some(list) = v.get("cooperatives").and_then(Value::as_array) else {
        return Err(Error::Input(
            InputErrors::new(vec![err(
                "cooperatives",
                InputErrorCode::MissingField,
                "required",
            )])
            .expect("one"),
        ));
    };
    let mut errors = Vec::new();
    let mut coops = Vec::new();
    for (i, c) in list.iter().enumerate() {
        let mut mine = Vec::new();
        if let Some(c) = decode(c, &format!("cooperatives[{i}]"), &mut mine) {
            if mine.is_empty() {
                coops.push(c);
            }
        }
        errors.extend(mine);
    }
    Ok((Registry::from_cooperatives(coops)?, errors))
}

/// A registry from a CSV folder.
pub fn registry_from_csv_dir(path: &std::path::Path) -> Result<Registry, Error> {
    Err(Error::Io {
        path: path.display().to_string(),
        message: "CSV reading arrives with coopkit::io".into(),
    })
}

/// The registry as `{"cooperatives": [...]}`.
pub fn registry_to_json(r: &Registry) -> String {
    let list: Vec<Cooperative> = r.iter().collect();
    serde_json::json!({ "cooperatives": list }).to_string()
}

//! Typed decoding of one record's fields, shared by the JSON and CSV readers.
//!
//! A reader wraps its record (a JSON object, a CSV row) in a [`Record`],
//! which hands out raw values ([`Raw`]) and names a field's path. The
//! functions here turn raw values into model types, pushing one located
//! [`InputError`] per bad field and carrying on, so that every error of a
//! record is found in one pass.
//!
//! Values are never quoted in messages (a value shifted into the wrong
//! column, or typed where a code belongs, may be a name or a birth date);
//! an unknown field or column is named only when its name looks like a
//! field name ([`shown_name`]), else as `<field not shown>` (JSON) or by
//! its column (`<column 3>`, CSV).

use crate::codes::Code as CodeList;
use crate::error::{InputError, InputErrorCode as Code};
use crate::model::{
    Cooperative, Country, Date, Employees, Ethnicity, Holder, Kind, Member, MemberType, Position, Role,
    Sector, Summary,
};
use serde_json::Value;
use std::borrow::Cow;

/// One raw field value.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Raw<'a> {
    /// A JSON value (never `null`: null counts as absent).
    Json(&'a Value),
    /// A CSV cell (never empty: an empty cell counts as absent).
    Text(&'a str),
}

/// A record whose fields can be looked up by name.
pub(crate) trait Record {
    /// The raw value of a field; `None` when it is absent.
    fn get(&self, field: &str) -> Option<Raw<'_>>;
    /// The path of a field, for error messages.
    fn path(&self, field: &str) -> String;
    /// The field is given (even if its value cannot be read).
    fn present(&self, field: &str) -> bool {
        self.get(field).is_some()
    }
}

/// `prefix.field`, or `field` when the prefix is empty.
pub(crate) fn join(prefix: &str, field: &str) -> String {
    if prefix.is_empty() {
        field.to_string()
    } else {
        format!("{prefix}.{field}")
    }
}

/// A string in Unicode normalisation form C (allocates only when it is not).
pub(crate) fn nfc(s: &str) -> Cow<'_, str> {
    crate::unicode::nfc(s)
}

/// Field names of each record, as in the contract.
pub(crate) mod fields {
    /// A cooperative's scalar fields (shared by JSON and CSV).
    pub const COOPERATIVE_SCALARS: &[&str] = &[
        "id",
        "name",
        "kind",
        "sector",
        "province",
        "district",
        "commune",
        "established",
        "dissolved",
        "charter_capital_vnd",
        "total_capital_vnd",
        "annual_revenue_vnd",
        "annual_revenue_year",
        "total_capital_year",
        "governance",
        "general_meeting",
        "ilo_type",
        "circular_type",
        "declared_women_managed",
    ];
    /// A cooperative's nested fields in JSON.
    pub const COOPERATIVE_NESTED: &[&str] = &["members", "positions", "employees", "summary"];
    /// A member's fields.
    pub const MEMBER: &[&str] = &[
        "id",
        "type",
        "sex",
        "birth_date",
        "ethnicity",
        "nationality",
        "investment_certificate",
        "contributes_capital",
        "uses_services",
        "contributes_labour",
        "kind",
        "capital_vnd",
        "joined",
        "left",
    ];
    /// A position's fields.
    pub const POSITION: &[&str] = &["role", "member", "sex", "ethnicity", "id", "start", "end"];
    /// Employees' fields.
    pub const EMPLOYEES: &[&str] = &["female", "male"];
    /// The yes/no columns of the CSV form (summary ones with their prefix).
    pub const YES_NO_COLUMNS: &[&str] = &[
        "declared_women_managed",
        "investment_certificate",
        "contributes_capital",
        "uses_services",
        "contributes_labour",
        "summary_chair_female",
        "summary_director_female",
        "members_listed",
        "positions_listed",
    ];
    /// Summary fields.
    pub const SUMMARY: &[&str] = &[
        "members",
        "members_female",
        "official_members",
        "official_members_female",
        "members_minority",
        "board_seats",
        "board_female",
        "chair_female",
        "director_female",
    ];
}

/// What a JSON value is, for messages: `a string`, `an integer`, ...
pub(crate) fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(n) if n.is_f64() => "a decimal number",
        Value::Number(_) => "an integer",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Decodes the fields of one record, collecting errors.
pub(crate) struct Fields<'r, 'e, R: Record> {
    rec: &'r R,
    errors: &'e mut Vec<InputError>,
}

impl<'r, 'e, R: Record> Fields<'r, 'e, R> {
    pub(crate) fn new(rec: &'r R, errors: &'e mut Vec<InputError>) -> Self {
        Fields { rec, errors }
    }

    fn err(&mut self, field: &str, code: Code, message: impl Into<String>) {
        self.errors
            .push(InputError::new(self.rec.path(field), code, message));
    }

    /// The field is present.
    pub(crate) fn has(&self, field: &str) -> bool {
        self.rec.present(field)
    }

    /// Reports a missing required field.
    pub(crate) fn missing(&mut self, field: &str) {
        self.err(field, Code::MissingField, "required field is missing");
    }

    fn required<T>(&mut self, field: &str, v: Option<T>) -> Option<T> {
        if v.is_none() && !self.has(field) {
            self.missing(field);
        }
        v
    }

    /// A text field, NFC-normalised; empty strings are refused.
    pub(crate) fn string(&mut self, field: &str) -> Option<String> {
        match self.rec.get(field)? {
            Raw::Json(Value::String(s)) if s.is_empty() => {
                self.err(
                    field,
                    Code::InvalidValue,
                    "empty string; leave the field out when it is unknown",
                );
                None
            }
            Raw::Json(Value::String(s)) => Some(nfc(s).into_owned()),
            Raw::Json(v) => {
                let t = json_type(v);
                self.err(field, Code::InvalidType, format!("expected a string, found {t}"));
                None
            }
            Raw::Text(s) => Some(nfc(s).into_owned()),
        }
    }

    /// An id (of a cooperative, a member, a position, or one that refers to
    /// one): text with something visible in it, so that `m0` and `m0` with
    /// a zero-width space are never two members. The id is never quoted.
    pub(crate) fn id(&mut self, field: &str) -> Option<String> {
        let v = self.string(field)?;
        match id_problem(&v) {
            None => Some(v),
            Some(why) => {
                self.err(field, Code::InvalidValue, why);
                None
            }
        }
    }

    /// A required id.
    pub(crate) fn req_id(&mut self, field: &str) -> Option<String> {
        let v = self.id(field);
        self.required(field, v)
    }

    /// A required text field.
    pub(crate) fn req_string(&mut self, field: &str) -> Option<String> {
        let v = self.string(field);
        self.required(field, v)
    }

    /// A non-negative whole number of at most `u64::MAX`.
    pub(crate) fn u64(&mut self, field: &str) -> Option<u64> {
        const NOT_WHOLE: &str =
            "must be a whole number written without decimal point or exponent (amounts are whole đồng)";
        match self.rec.get(field)? {
            Raw::Json(Value::Number(n)) => {
                if let Some(u) = n.as_u64() {
                    return Some(u);
                }
                if n.as_i64().is_some() {
                    self.err(field, Code::OutOfRange, "must not be negative");
                    return None;
                }
                // A decimal number: serde_json also reads integers beyond
                // i64/u64 this way.
                let f = n.as_f64().unwrap_or(f64::NAN);
                if f < 0.0 {
                    self.err(field, Code::OutOfRange, "must not be negative");
                } else if f.is_finite() && f.fract() == 0.0 && f >= 18_446_744_073_709_551_616.0 {
                    self.err(
                        field,
                        Code::Overflow,
                        format!("larger than the largest amount, {}", u64::MAX),
                    );
                } else {
                    self.err(field, Code::InvalidType, NOT_WHOLE);
                }
                None
            }
            Raw::Json(v) => {
                let t = json_type(v);
                self.err(
                    field,
                    Code::InvalidType,
                    format!("expected an integer, found {t}"),
                );
                None
            }
            Raw::Text(s) => match text_u64(s) {
                Ok(u) => Some(u),
                Err(TextIntError::Overflow) => {
                    self.err(
                        field,
                        Code::Overflow,
                        format!("larger than the largest amount, {}", u64::MAX),
                    );
                    None
                }
                Err(TextIntError::Negative) => {
                    self.err(field, Code::OutOfRange, "must not be negative");
                    None
                }
                Err(TextIntError::NotWhole) => {
                    self.err(field, Code::InvalidType, NOT_WHOLE);
                    None
                }
            },
        }
    }

    /// A count: a whole number of at most `u32::MAX`.
    pub(crate) fn u32(&mut self, field: &str) -> Option<u32> {
        let v = self.u64(field)?;
        match u32::try_from(v) {
            Ok(v) => Some(v),
            Err(_) => {
                self.err(
                    field,
                    Code::Overflow,
                    format!("larger than the largest count, {}", u32::MAX),
                );
                None
            }
        }
    }

    /// A calendar year from 1900 to 9999 (the year an amount refers to).
    pub(crate) fn year(&mut self, field: &str) -> Option<u16> {
        let v = self.u64(field)?;
        match u16::try_from(v) {
            Ok(y) if (1900..=9999).contains(&y) => Some(y),
            _ => {
                self.err(field, Code::OutOfRange, "a year from 1900 to 9999");
                None
            }
        }
    }

    /// A boolean: JSON `true`/`false`; in CSV `true`/`false` in any case, or `1`/`0`.
    pub(crate) fn bool(&mut self, field: &str) -> Option<bool> {
        match self.rec.get(field)? {
            Raw::Json(Value::Bool(b)) => Some(*b),
            Raw::Json(v) => {
                let t = json_type(v);
                self.err(
                    field,
                    Code::InvalidType,
                    format!("expected true or false, found {t}"),
                );
                None
            }
            Raw::Text(s) => {
                let b = text_bool(s);
                if b.is_none() {
                    self.err(field, Code::InvalidType, "expected true or false (or 1 or 0)");
                }
                b
            }
        }
    }

    /// An ISO date `YYYY-MM-DD`; the value is never quoted.
    pub(crate) fn date(&mut self, field: &str) -> Option<Date> {
        let s = match self.rec.get(field)? {
            Raw::Json(Value::String(s)) => s.as_str(),
            Raw::Json(v) => {
                let t = json_type(v);
                self.err(
                    field,
                    Code::InvalidType,
                    format!("expected an ISO date string, found {t}"),
                );
                return None;
            }
            Raw::Text(s) => s,
        };
        match parse_date(s) {
            Ok(d) => Some(d),
            Err(msg) => {
                self.err(field, Code::InvalidDate, msg);
                None
            }
        }
    }

    fn text_of(&mut self, field: &str, what: &str) -> Option<&'r str> {
        match self.rec.get(field)? {
            Raw::Json(Value::String(s)) => Some(s.as_str()),
            Raw::Json(v) => {
                let t = json_type(v);
                self.err(field, Code::InvalidType, format!("expected {what}, found {t}"));
                None
            }
            Raw::Text(s) => Some(s),
        }
    }

    /// One of a code list; the message lists the allowed values.
    pub(crate) fn choice<T: CodeList>(&mut self, field: &str) -> Option<T> {
        let s = self.text_of(field, "a string")?;
        if let Some(v) = T::from_code(s) {
            return Some(v);
        }
        let allowed = T::codes();
        // Never the text given: where a code belongs a person may have
        // typed a name.
        self.err(
            field,
            Code::InvalidValue,
            format!("not one of: {}", allowed.join(", ")),
        );
        None
    }

    /// A required code.
    pub(crate) fn req_choice<T: CodeList>(&mut self, field: &str) -> Option<T> {
        let v = self.choice(field);
        self.required(field, v)
    }

    /// An ethnic group: GSO 2008 code or name (never quoted).
    pub(crate) fn ethnicity(&mut self, field: &str) -> Option<Ethnicity> {
        let s = self.text_of(field, "a string (GSO 2008 code or name)")?;
        let e = Ethnicity::parse(s);
        if e.is_none() {
            self.err(
                field,
                Code::InvalidValue,
                "not a code (01 to 54) or name of the GSO 2008 list of ethnic groups",
            );
        }
        e
    }

    /// A nationality: ISO 3166-1 alpha-2, either case (never quoted).
    pub(crate) fn country(&mut self, field: &str) -> Option<Country> {
        let s = self.text_of(field, "a string (ISO 3166-1 alpha-2 code)")?;
        let c = country_code(s);
        if c.is_none() {
            self.err(
                field,
                Code::InvalidValue,
                "not an ISO 3166-1 alpha-2 country code",
            );
        }
        c
    }
}

/// The officially assigned ISO 3166-1 alpha-2 codes (249), sorted.
const ISO_COUNTRIES: &str = "\
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ \
    BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ \
    CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ \
    DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR \
    GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY \
    HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP \
    KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY \
    MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ \
    NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA \
    RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ \
    TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ \
    VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

/// An officially assigned ISO 3166-1 alpha-2 code (upper case): a binary
/// search of [`ISO_COUNTRIES`], whose codes are 3 bytes apart.
fn is_iso_country(code: &str) -> bool {
    let list = ISO_COUNTRIES.as_bytes();
    if code.len() != 2 {
        return false;
    }
    let (mut lo, mut hi) = (0, list.len().div_ceil(3));
    while lo < hi {
        let mid = (lo + hi) / 2;
        match list[3 * mid..3 * mid + 2].cmp(code.as_bytes()) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// Why a CSV cell is not a whole number.
pub(crate) enum TextIntError {
    /// More than `u64::MAX`.
    Overflow,
    /// A minus sign and digits.
    Negative,
    /// Anything else: decimals, exponents, separators.
    NotWhole,
}

/// A CSV integer: ASCII digits only.
pub(crate) fn text_u64(s: &str) -> Result<u64, TextIntError> {
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    if digits(s) {
        s.parse::<u64>().map_err(|_| TextIntError::Overflow)
    } else if s.strip_prefix('-').is_some_and(digits) {
        Err(TextIntError::Negative)
    } else {
        Err(TextIntError::NotWhole)
    }
}

/// A CSV boolean: `true`/`false` in any letter case, or `1`/`0`.
pub(crate) fn text_bool(s: &str) -> Option<bool> {
    text_bool_bytes(s.as_bytes())
}

/// [`text_bool`] of a cell's bytes.
pub(crate) fn text_bool_bytes(s: &[u8]) -> Option<bool> {
    if s.eq_ignore_ascii_case(b"true") || s == b"1" {
        Some(true)
    } else if s.eq_ignore_ascii_case(b"false") || s == b"0" {
        Some(false)
    } else {
        None
    }
}

/// The value a code list gives a name, spelt exactly.
pub(crate) fn lookup<T: CodeList>(s: &str) -> Option<T> {
    T::from_code(s)
}

/// A nationality: an officially assigned ISO 3166-1 alpha-2 code, either case.
pub(crate) fn country_code(s: &str) -> Option<Country> {
    if s == "VN" {
        // The usual case, without the search.
        return Some(Country::VN);
    }
    Country::parse(s).filter(|c| s.len() == 2 && is_iso_country(c.as_str()))
}

pub(crate) use crate::text::parse_date;

/// A key as it may be shown in a path: a field of the contract by its
/// name, anything else (text a user typed, perhaps a name or a birth date)
/// as `<field not shown>`. The bindings name the keys of their own values
/// with it, so their paths are the core's.
pub fn shown_key(key: &str) -> &str {
    let known = [
        fields::COOPERATIVE_SCALARS,
        fields::COOPERATIVE_NESTED,
        fields::MEMBER,
        fields::POSITION,
        fields::EMPLOYEES,
        fields::SUMMARY,
    ];
    if known.iter().any(|l| l.contains(&key)) {
        key
    } else {
        "<field not shown>"
    }
}

/// An unknown field's or column's name may be shown in a path when it is
/// a near miss of a known one (`brith_date`, `sexx`: at most two edits
/// away, one for a name of three letters or fewer) written as field names
/// are (at most 40 lower-case ASCII letters, digits and underscores). Anything else (a header row missing, so that a
/// name, a birth date or a code stands where a column name belongs; a key
/// of any length) is not shown.
pub(crate) fn shown_name(name: &str, known: &[&[&str]]) -> bool {
    let written_as_a_field = !name.is_empty()
        && name.len() <= 40
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    // Two edits turn any two-letter name into another (`m1` into `id`):
    // a short name is shown only one edit away from a field.
    let near = if name.len() <= 3 { 1 } else { 2 };
    written_as_a_field
        && known
            .iter()
            .flat_map(|l| l.iter())
            .any(|k| edits(name, k) <= near)
}

/// The Levenshtein distance of two short ASCII names.
fn edits(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, &x) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1).min(row[j] + 1).min(diagonal + usize::from(x != y));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// Why `id` cannot be an id, if it cannot: only spaces, or a control or
/// invisible character (NUL, a line break, a zero-width space or joiner, a
/// byte-order mark, a soft hyphen), which would make two ids that look the
/// same differ.
pub(crate) fn id_problem(id: &str) -> Option<&'static str> {
    if id.trim().is_empty() {
        return Some("an id of only spaces");
    }
    let invisible = |c: char| {
        c.is_control()
            || matches!(c, '\u{00AD}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}' | '\u{FEFF}')
    };
    id.chars()
        .any(invisible)
        .then_some("an id with a control or invisible character (NUL, a line break, a zero-width space, ...)")
}

/// Decodes a member. `None` when any field is bad (errors pushed).
pub(crate) fn member<R: Record>(rec: &R, errors: &mut Vec<InputError>) -> Option<Member> {
    let before = errors.len();
    let mut f = Fields::new(rec, errors);
    let id = f.req_id("id");
    let member_type = f.req_choice("type");
    let m = Member {
        id: id.unwrap_or_default(),
        member_type: member_type.unwrap_or(MemberType::Individual),
        sex: f.choice("sex"),
        birth_date: f.date("birth_date"),
        ethnicity: f.ethnicity("ethnicity"),
        nationality: f.country("nationality").unwrap_or_default(),
        investment_certificate: f.bool("investment_certificate"),
        contributes_capital: f.bool("contributes_capital"),
        uses_services: f.bool("uses_services"),
        contributes_labour: f.bool("contributes_labour"),
        kind: f.choice("kind"),
        capital_vnd: f.u64("capital_vnd"),
        joined: f.date("joined"),
        left: f.date("left"),
    };
    if let Some(why) = m.birth_date.and_then(|b| birth_problem(b, m.joined)) {
        let (field, code) = match why {
            BirthProblem::TooEarly | BirthProblem::TooLate => ("birth_date", Code::OutOfRange),
            BirthProblem::AfterJoining => ("joined", Code::Inconsistent),
        };
        f.err(field, code, why.message());
    }
    (errors.len() == before).then_some(m)
}

/// The earliest date of birth taken as real: a member born before 1900 is a
/// typing error (year 1, year 0190), not a person.
pub(crate) const EARLIEST_BIRTH_YEAR: i32 = 1900;

/// The latest date of birth taken as real: a member born after 2100 is a
/// typing error (year 9999, 2190), not a person. (No later bound can hold
/// without a reading date, and a read does not depend on the day it runs.)
pub(crate) const LATEST_BIRTH_YEAR: i32 = 2100;

/// What is wrong with a member's date of birth, if anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BirthProblem {
    /// Before [`EARLIEST_BIRTH_YEAR`].
    TooEarly,
    /// After [`LATEST_BIRTH_YEAR`].
    TooLate,
    /// After the day the member joined.
    AfterJoining,
}

impl BirthProblem {
    fn message(self) -> &'static str {
        match self {
            BirthProblem::TooEarly => "a date of birth before 1900",
            BirthProblem::TooLate => "a date of birth after 2100",
            BirthProblem::AfterJoining => "`joined` is before `birth_date`",
        }
    }
}

/// [`BirthProblem`] of a date of birth, given the day the member joined.
pub(crate) fn birth_problem(birth: Date, joined: Option<Date>) -> Option<BirthProblem> {
    use chrono::Datelike;
    if birth.year() < EARLIEST_BIRTH_YEAR {
        Some(BirthProblem::TooEarly)
    } else if birth.year() > LATEST_BIRTH_YEAR {
        Some(BirthProblem::TooLate)
    } else if joined.is_some_and(|j| j < birth) {
        Some(BirthProblem::AfterJoining)
    } else {
        None
    }
}

/// Decodes a position. `None` when any field is bad (errors pushed).
///
/// A position names a member, or describes a non-member by `sex` and
/// `ethnicity`; both at once is inconsistent. A position with neither is
/// held by someone whose sex is unknown.
pub(crate) fn position<R: Record>(rec: &R, errors: &mut Vec<InputError>) -> Option<Position> {
    let before = errors.len();
    let mut f = Fields::new(rec, errors);
    let role = f.req_choice("role");
    let member = f.id("member");
    let sex = f.choice("sex");
    let ethnicity = f.ethnicity("ethnicity");
    let id = f.id("id");
    let start = f.date("start");
    let end = f.date("end");
    if f.has("member") {
        for field in ["sex", "ethnicity"] {
            if f.has(field) {
                f.err(
                    field,
                    Code::Inconsistent,
                    "a position held by a member takes sex and ethnicity from the member's record: \
                     give either `member` or `sex`/`ethnicity`",
                );
            }
        }
    }
    let holder = match member {
        Some(m) => Holder::Member(m),
        None => Holder::External { sex, ethnicity },
    };
    let p = Position {
        id,
        role: role.unwrap_or(Role::BoardMember),
        holder,
        start,
        end,
    };
    (errors.len() == before).then_some(p)
}

/// Employees: both counts are required when the record is present.
pub(crate) fn employees<R: Record>(rec: &R, errors: &mut Vec<InputError>) -> Option<Employees> {
    let before = errors.len();
    let mut f = Fields::new(rec, errors);
    let female = f.u32("female");
    let female = f.required("female", female);
    let male = f.u32("male");
    let male = f.required("male", male);
    (errors.len() == before).then(|| Employees {
        female: female.unwrap_or(0),
        male: male.unwrap_or(0),
    })
}

/// Summary counts, each optional.
pub(crate) fn summary<R: Record>(rec: &R, errors: &mut Vec<InputError>) -> Option<Summary> {
    let before = errors.len();
    let mut f = Fields::new(rec, errors);
    let s = Summary {
        members: f.u32("members"),
        members_female: f.u32("members_female"),
        official_members: f.u32("official_members"),
        official_members_female: f.u32("official_members_female"),
        members_minority: f.u32("members_minority"),
        board_seats: f.u32("board_seats"),
        board_female: f.u32("board_female"),
        chair_female: f.bool("chair_female"),
        director_female: f.bool("director_female"),
    };
    (errors.len() == before).then_some(s)
}

/// Stands for a missing id or name in a record that has errors anyway, so
/// that the cross-field checks can still run on its lists.
const PLACEHOLDER: &str = "?";

/// A cooperative's scalar fields, with lists and nested records left empty.
///
/// Returns the id when it is readable (even if other fields are bad, so
/// that duplicates and CSV rows can still be matched) and the record, whose
/// bad fields are left out (a missing id or name is a placeholder): it is
/// valid only if no error was pushed.
pub(crate) fn cooperative_scalars<R: Record>(
    rec: &R,
    errors: &mut Vec<InputError>,
) -> (Option<String>, Cooperative) {
    let mut f = Fields::new(rec, errors);
    let id = f.req_id("id");
    let name = f.req_string("name");
    let kind = f.req_choice("kind");
    let sector = f.req_choice("sector");
    let mut c = Cooperative::new(
        id.clone().unwrap_or_else(|| PLACEHOLDER.to_string()),
        name.unwrap_or_else(|| PLACEHOLDER.to_string()),
        kind.unwrap_or(Kind::Cooperative),
        sector.unwrap_or(Sector::Agriculture),
    );
    c.province = f.string("province");
    c.district = f.string("district");
    c.commune = f.string("commune");
    c.established = f.date("established");
    c.dissolved = f.date("dissolved");
    c.charter_capital_vnd = f.u64("charter_capital_vnd");
    c.total_capital_vnd = f.u64("total_capital_vnd");
    c.annual_revenue_vnd = f.u64("annual_revenue_vnd");
    c.annual_revenue_year = f.year("annual_revenue_year");
    c.total_capital_year = f.year("total_capital_year");
    c.governance = f.choice("governance");
    c.general_meeting = f.choice("general_meeting");
    c.ilo_type = f.choice("ilo_type");
    c.circular_type = f.choice("circular_type");
    c.declared_women_managed = f.bool("declared_women_managed");
    (id, c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_strict_iso() {
        assert_eq!(
            parse_date("2024-02-29"),
            Ok(Date::from_ymd_opt(2024, 2, 29).unwrap())
        );
        assert!(parse_date("2023-02-29").is_err());
        assert!(parse_date("2024-02-30").is_err());
        assert!(parse_date("2024-2-3").is_err());
        assert!(parse_date("+2024-02-03").is_err());
        assert!(parse_date("2024-02-03T00:00").is_err());
        assert!(parse_date("２０２４-02-03").is_err());
    }

    #[test]
    fn the_country_list_is_complete_and_sorted() {
        let codes: Vec<&str> = ISO_COUNTRIES.split(' ').collect();
        assert_eq!(codes.len(), 249);
        assert!(codes.windows(2).all(|w| w[0] < w[1]));
        assert!(codes
            .iter()
            .all(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase())));
        assert!(is_iso_country("VN") && is_iso_country("LA") && is_iso_country("KH"));
        assert!(!is_iso_country("XX") && !is_iso_country("UK") && !is_iso_country("EU"));
        for c in &codes {
            assert!(is_iso_country(c), "{c}");
        }
        assert!(!is_iso_country("AA") && !is_iso_country("ZZ") && !is_iso_country("vn"));
    }

    #[test]
    fn nfc_normalises_only_when_needed() {
        assert_eq!(nfc("Hre\u{0302}"), "Hrê");
        assert_eq!(nfc("Hrê"), "Hrê");
    }
}

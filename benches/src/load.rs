//! A stand-in CSV reader for the benchmarks, until the library's
//! `coopkit::io::registry_from_csv` is on main. It reads the columns the
//! generator writes, checks little (the generator's output is well formed)
//! and streams: `members.csv` must list members grouped by cooperative in
//! the order of `cooperatives.csv` (as the generator writes it), and each
//! cooperative is pushed into the registry as soon as its members are read,
//! so no member list of the whole country is ever held.

use coopkit::{
    Cooperative, Country, Date, Employees, Ethnicity, Holder, Kind, Member, MemberType, Position, Registry,
    Role, Sector, Sex, Summary,
};
use csv::ByteRecord;
use std::collections::HashMap;
use std::path::Path;

type Error = Box<dyn std::error::Error>;

fn s(r: &ByteRecord, i: Option<usize>) -> &str {
    i.and_then(|i| r.get(i))
        .and_then(|b| std::str::from_utf8(b).ok())
        .unwrap_or("")
}

fn opt<T: std::str::FromStr>(r: &ByteRecord, i: Option<usize>) -> Option<T> {
    let v = s(r, i);
    if v.is_empty() {
        None
    } else {
        v.parse().ok()
    }
}

/// `YYYY-MM-DD` without going through chrono's general parser.
fn date(r: &ByteRecord, i: Option<usize>) -> Option<Date> {
    let b = i.and_then(|i| r.get(i))?;
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let n = |s: &[u8]| {
        s.iter().try_fold(0u32, |a, &c| {
            c.is_ascii_digit().then(|| a * 10 + u32::from(c - b'0'))
        })
    };
    Date::from_ymd_opt(n(&b[0..4])? as i32, n(&b[5..7])?, n(&b[8..10])?)
}

fn bytes(r: &ByteRecord, i: Option<usize>) -> &[u8] {
    i.and_then(|i| r.get(i)).unwrap_or(b"")
}

fn boolean(r: &ByteRecord, i: Option<usize>) -> Option<bool> {
    match bytes(r, i) {
        b"true" => Some(true),
        b"false" => Some(false),
        _ => None,
    }
}

fn sex(v: &str) -> Option<Sex> {
    match v {
        "female" => Some(Sex::Female),
        "male" => Some(Sex::Male),
        _ => None,
    }
}

struct Cols(HashMap<String, usize>);

impl Cols {
    fn new(h: &ByteRecord) -> Self {
        Cols(
            h.iter()
                .enumerate()
                .map(|(i, n)| (String::from_utf8_lossy(n).into_owned(), i))
                .collect(),
        )
    }
    fn get(&self, n: &str) -> Option<usize> {
        self.0.get(n).copied()
    }
}

fn reader(dir: &Path, f: &str) -> Result<csv::Reader<std::fs::File>, Error> {
    Ok(csv::ReaderBuilder::new()
        .buffer_capacity(1 << 20)
        .from_path(dir.join(f))?)
}

fn cooperatives(dir: &Path) -> Result<Vec<Cooperative>, Error> {
    let mut rdr = reader(dir, "cooperatives.csv")?;
    let h = Cols::new(rdr.byte_headers()?);
    let mut out = Vec::new();
    let mut r = ByteRecord::new();
    let c = |n: &str| h.get(n);
    while rdr.read_byte_record(&mut r)? {
        let kind = match s(&r, c("kind")) {
            "cooperative_group" => Kind::CooperativeGroup,
            "union" => Kind::Union,
            _ => Kind::Cooperative,
        };
        let sector = match s(&r, c("sector")) {
            "industry_construction" => Sector::IndustryConstruction,
            "trade_services" => Sector::TradeServices,
            _ => Sector::Agriculture,
        };
        let mut coop = Cooperative::new(s(&r, c("id")), s(&r, c("name")), kind, sector);
        coop.province = opt(&r, c("province"));
        coop.district = opt(&r, c("district"));
        coop.established = opt::<Date>(&r, c("established"));
        coop.charter_capital_vnd = opt(&r, c("charter_capital_vnd"));
        coop.annual_revenue_vnd = opt(&r, c("annual_revenue_vnd"));
        coop.declared_women_managed = boolean(&r, c("declared_women_managed"));
        if let (Some(f), Some(m)) = (opt(&r, c("employees_female")), opt(&r, c("employees_male"))) {
            coop.employees = Some(Employees { female: f, male: m });
        }
        let sm = Summary {
            members: opt(&r, c("summary_members")),
            members_female: opt(&r, c("summary_members_female")),
            official_members: opt(&r, c("summary_official_members")),
            official_members_female: opt(&r, c("summary_official_members_female")),
            members_minority: opt(&r, c("summary_members_minority")),
            board_seats: opt(&r, c("summary_board_seats")),
            board_female: opt(&r, c("summary_board_female")),
            chair_female: boolean(&r, c("summary_chair_female")),
            director_female: boolean(&r, c("summary_director_female")),
        };
        if sm != Summary::default() {
            coop.summary = Some(sm);
        }
        if boolean(&r, c("members_listed")) == Some(true) {
            coop.members = Some(Vec::new());
        }
        if boolean(&r, c("positions_listed")) == Some(true) {
            coop.positions = Some(Vec::new());
        }
        out.push(coop);
    }
    Ok(out)
}

/// Column indices of `members.csv`, resolved once.
struct MemberCols {
    id: Option<usize>,
    mtype: Option<usize>,
    sex: Option<usize>,
    birth: Option<usize>,
    ethnicity: Option<usize>,
    nationality: Option<usize>,
    capital: Option<usize>,
    services: Option<usize>,
    labour: Option<usize>,
    kind: Option<usize>,
    capital_vnd: Option<usize>,
    joined: Option<usize>,
    left: Option<usize>,
}

impl MemberCols {
    fn new(h: &Cols) -> Self {
        MemberCols {
            id: h.get("id"),
            mtype: h.get("type"),
            sex: h.get("sex"),
            birth: h.get("birth_date"),
            ethnicity: h.get("ethnicity"),
            nationality: h.get("nationality"),
            capital: h.get("contributes_capital"),
            services: h.get("uses_services"),
            labour: h.get("contributes_labour"),
            kind: h.get("kind"),
            capital_vnd: h.get("capital_vnd"),
            joined: h.get("joined"),
            left: h.get("left"),
        }
    }
}

fn member(r: &ByteRecord, c: &MemberCols) -> Member {
    let t = match bytes(r, c.mtype) {
        b"household" => MemberType::Household,
        b"legal_entity" => MemberType::LegalEntity,
        b"cooperative" => MemberType::Cooperative,
        b"cooperative_group" => MemberType::CooperativeGroup,
        b"foreign_invested_org" => MemberType::ForeignInvestedOrg,
        _ => MemberType::Individual,
    };
    let mut m = Member::new(s(r, c.id), t);
    m.sex = match bytes(r, c.sex) {
        b"female" => Some(Sex::Female),
        b"male" => Some(Sex::Male),
        _ => None,
    };
    m.birth_date = date(r, c.birth);
    m.ethnicity = match bytes(r, c.ethnicity) {
        [a, b] if a.is_ascii_digit() && b.is_ascii_digit() => {
            Ethnicity::from_number((a - b'0') * 10 + (b - b'0'))
        }
        _ => Ethnicity::parse(s(r, c.ethnicity)),
    };
    let nat = bytes(r, c.nationality);
    if !nat.is_empty() && nat != b"VN" {
        m.nationality = Country::parse(s(r, c.nationality)).unwrap_or_default();
    }
    m.contributes_capital = boolean(r, c.capital);
    m.uses_services = boolean(r, c.services);
    m.contributes_labour = boolean(r, c.labour);
    m.kind = match bytes(r, c.kind) {
        b"" => None,
        _ => crate::member_kind(s(r, c.kind)),
    };
    m.capital_vnd = opt(r, c.capital_vnd);
    m.joined = date(r, c.joined);
    m.left = date(r, c.left);
    m
}

fn positions(dir: &Path, index: &HashMap<String, usize>, n: usize) -> Result<Vec<Vec<Position>>, Error> {
    let mut out: Vec<Vec<Position>> = vec![Vec::new(); n];
    let mut rdr = reader(dir, "positions.csv")?;
    let h = Cols::new(rdr.byte_headers()?);
    let c = |n: &str| h.get(n);
    let mut r = ByteRecord::new();
    while rdr.read_byte_record(&mut r)? {
        let Some(&i) = index.get(s(&r, c("cooperative_id"))) else {
            return Err("positions.csv: unknown cooperative_id".into());
        };
        let role = Role::ALL
            .into_iter()
            .find(|x| x.as_str() == s(&r, c("role")))
            .unwrap_or(Role::BoardMember);
        let who = s(&r, c("member"));
        let holder = if who.is_empty() {
            Holder::External {
                sex: sex(s(&r, c("sex"))),
                ethnicity: Ethnicity::parse(s(&r, c("ethnicity"))),
            }
        } else {
            Holder::Member(who.to_string())
        };
        out[i].push(Position {
            id: opt(&r, c("id")),
            role,
            holder,
            start: opt(&r, c("start")),
            end: opt(&r, c("end")),
        });
    }
    Ok(out)
}

/// Reads a CSV folder written by [`crate::write_csv`] into a registry.
pub fn registry_from_csv_dir(dir: &Path) -> Result<Registry, Error> {
    let mut coops = cooperatives(dir)?;
    let index: HashMap<String, usize> = coops.iter().enumerate().map(|(i, c)| (c.id.clone(), i)).collect();
    let mut pos = positions(dir, &index, coops.len())?;
    for (c, p) in coops.iter_mut().zip(&mut pos) {
        if c.positions.is_some() || !p.is_empty() {
            c.positions = Some(std::mem::take(p));
        }
    }
    let mut reg = Registry::new();
    let mut rdr = reader(dir, "members.csv")?;
    let h = Cols::new(rdr.byte_headers()?);
    let idc = h.get("cooperative_id");
    let mc = MemberCols::new(&h);
    let mut r = ByteRecord::new();
    // Streaming: cooperatives before `next` are pushed.
    let mut next = 0usize;
    let mut current: Option<usize> = None;
    let mut slots: Vec<Option<Cooperative>> = coops.into_iter().map(Some).collect();
    while rdr.read_byte_record(&mut r)? {
        // Rows of one cooperative come together: look the id up only when it changes.
        let i = match current {
            Some(i)
                if slots[i]
                    .as_ref()
                    .is_some_and(|c| c.id.as_bytes() == r.get(idc.unwrap_or(0)).unwrap_or(b"")) =>
            {
                i
            }
            _ => match index.get(s(&r, idc)) {
                Some(&i) => i,
                None => return Err("members.csv: unknown cooperative_id".into()),
            },
        };
        let m = member(&r, &mc);
        if current != Some(i) {
            if i < next {
                return Err(
                    "members.csv is not grouped by cooperative in file order; the stand-in reader needs that"
                        .into(),
                );
            }
            while next < i {
                if let Some(c) = slots[next].take() {
                    reg.push(c)?;
                }
                next += 1;
            }
            current = Some(i);
        }
        if let Some(c) = slots[i].as_mut() {
            c.members.get_or_insert_with(Vec::new).push(m);
        }
    }
    for c in slots.into_iter().skip(next).flatten() {
        reg.push(c)?;
    }
    Ok(reg)
}

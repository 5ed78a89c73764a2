//! A synthetic national registry of cooperatives for benchmarks and tests:
//! about 35,000 cooperatives (1 % of them unions) and 100,000 cooperative
//! groups with about 6 million members at scale 1.0, skewed by province and
//! sector, reproducible from a seed (each cooperative from its own stream,
//! so any part can be regenerated alone).
//!
//! Also a plain CSV writer for the contract's folder form (read back with
//! `coopkit::io::registry_from_csv_dir`).

#![forbid(unsafe_code)]

use coopkit::{
    Cooperative, Date, Employees, Ethnicity, Holder, Kind, Member, MemberKind, MemberType, Position, Role,
    Sector, Sex, Summary,
};
use std::io::{self, Write};
use std::path::Path;

/// SplitMix64: small, fast, good enough for synthetic data.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A stream from a seed.
    pub fn new(seed: u64) -> Self {
        let mut r = Rng(seed ^ 0x9E37_79B9_7F4A_7C15);
        r.next_u64();
        r
    }

    /// Next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn f(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in `lo..hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi - lo).max(1)
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.f() < p
    }

    /// Standard normal (Box–Muller).
    pub fn normal(&mut self) -> f64 {
        let u = self.f().max(1e-12);
        let v = self.f();
        (-2.0 * u.ln()).sqrt() * (2.0 * std::f64::consts::PI * v).cos()
    }
}

/// Number of provinces (before the 2025 merger).
pub const PROVINCES: usize = 63;

/// What the generator makes.
#[derive(Debug, Clone, Copy)]
pub struct Config {
    /// 1.0 is national scale.
    pub scale: f64,
    /// Seed of every stream.
    pub seed: u64,
}

/// Per-province traits, drawn once from the seed.
#[derive(Debug, Clone)]
struct Province {
    code: String,
    weight: f64,
    agriculture: f64,
    industry: f64,
    minority: f64,
    districts: u64,
}

/// Generates cooperatives one at a time.
#[derive(Debug, Clone)]
pub struct Generator {
    cfg: Config,
    provinces: Vec<Province>,
    cumulative: Vec<f64>,
    /// Cooperatives (including unions), then groups.
    n_coops: usize,
    n_groups: usize,
}

fn day(y: i32, doy: u64) -> Date {
    Date::from_yo_opt(y, 1).unwrap() + chrono::Days::new(doy % 365)
}

impl Generator {
    /// A generator for `cfg`.
    pub fn new(cfg: Config) -> Self {
        let mut r = Rng::new(cfg.seed);
        let mut provinces = Vec::with_capacity(PROVINCES);
        for p in 0..PROVINCES {
            // Zipf-like sizes, with a few mountainous provinces of high minority share.
            let minority = if r.chance(0.25) {
                0.2 + 0.6 * r.f()
            } else {
                0.03 * r.f()
            };
            provinces.push(Province {
                code: format!("{:02}", p + 1),
                weight: 1.0 / ((p + 1) as f64).powf(0.7),
                agriculture: 0.35 + 0.45 * r.f(),
                industry: 0.05 + 0.12 * r.f(),
                minority,
                districts: r.range(6, 16),
            });
        }
        let total: f64 = provinces.iter().map(|p| p.weight).sum();
        let mut acc = 0.0;
        let cumulative = provinces
            .iter()
            .map(|p| {
                acc += p.weight / total;
                acc
            })
            .collect();
        Generator {
            cfg,
            provinces,
            cumulative,
            n_coops: (35_000.0 * cfg.scale).round() as usize,
            n_groups: (100_000.0 * cfg.scale).round() as usize,
        }
    }

    /// How many records in all.
    pub fn len(&self) -> usize {
        self.n_coops + self.n_groups
    }

    /// No records (scale 0).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Record `i` (0-based): the same for the same seed, whatever else is generated.
    pub fn cooperative(&self, i: usize) -> Cooperative {
        let mut r = Rng::new(self.cfg.seed.wrapping_mul(0x100_0000_01B3) ^ (i as u64).wrapping_add(1));
        let kind = if i < self.n_coops {
            if i % 100 == 99 {
                Kind::Union
            } else {
                Kind::Cooperative
            }
        } else {
            Kind::CooperativeGroup
        };
        let u = r.f();
        let pi = self
            .cumulative
            .iter()
            .position(|&c| u < c)
            .unwrap_or(PROVINCES - 1);
        let prov = &self.provinces[pi];
        let s = r.f();
        let sector = if s < prov.agriculture {
            Sector::Agriculture
        } else if s < prov.agriculture + prov.industry {
            Sector::IndustryConstruction
        } else {
            Sector::TradeServices
        };
        let prefix = match kind {
            Kind::Cooperative => "htx",
            Kind::CooperativeGroup => "tht",
            Kind::Union => "lh",
        };
        let mut c = Cooperative::new(
            format!("{prefix}-{i}"),
            format!("{} {i}", prefix.to_uppercase()),
            kind,
            sector,
        );
        c.province = Some(prov.code.clone());
        c.district = Some(format!("{}{:03}", prov.code, r.range(1, prov.districts + 1)));
        c.established = Some(day(1995 + r.range(0, 31) as i32, r.next_u64()));
        if r.chance(0.3) {
            c.declared_women_managed = Some(r.chance(0.35));
        }
        let n = match kind {
            Kind::Union => r.range(3, 11),
            Kind::Cooperative => ((70.0 * (1.1 * r.normal()).exp()).round() as u64).clamp(5, 5000),
            Kind::CooperativeGroup => ((10.0 * (0.8 * r.normal()).exp()).round() as u64).clamp(2, 500),
        };
        let female_p = 0.15 + 0.55 * r.f();
        let summary_only = r.chance(if kind == Kind::CooperativeGroup {
            0.15
        } else {
            0.08
        });
        let employees = r
            .chance(if kind == Kind::CooperativeGroup { 0.3 } else { 0.6 })
            .then(|| Employees {
                female: r.range(0, 15) as u32,
                male: r.range(0, 15) as u32,
            });
        c.employees = employees;
        if summary_only {
            let f = (n as f64 * female_p).round() as u32;
            let min = (n as f64 * prov.minority * r.f() * 2.0).round().min(n as f64) as u32;
            let seats = if kind == Kind::CooperativeGroup {
                1
            } else {
                r.range(3, 8) as u32
            };
            // Consistent counts: a woman chair is one of the women on the board.
            let chair_female = r.chance(female_p);
            let board_female =
                u32::from(chair_female) + r.range(0, u64::from(seats - u32::from(chair_female)) + 1) as u32;
            let mut s = Summary {
                members: Some(n as u32),
                members_female: Some(f),
                official_members: Some((n as f64 * 0.8) as u32),
                official_members_female: Some((f as f64 * 0.8) as u32),
                members_minority: Some(min),
                board_seats: Some(seats),
                board_female: Some(board_female),
                chair_female: Some(chair_female),
                director_female: Some(r.chance(female_p)),
            };
            // Provincial reports leave gaps.
            if r.chance(0.1) {
                s.members_minority = None;
            }
            if r.chance(0.1) {
                s.board_female = None;
            }
            if r.chance(0.2) {
                s.director_female = None;
            }
            c.summary = Some(s);
            c.charter_capital_vnd = Some(r.range(100, 20_000) * 1_000_000);
            return c;
        }
        let mut members = Vec::with_capacity(n as usize);
        let mut capital_sum = 0u64;
        for k in 0..n {
            let mtype = if kind == Kind::Union {
                MemberType::Cooperative
            } else {
                let t = r.f();
                if t < 0.9 {
                    MemberType::Individual
                } else if t < 0.98 || kind == Kind::CooperativeGroup {
                    MemberType::Household
                } else {
                    MemberType::LegalEntity
                }
            };
            let mut m = Member::new(format!("m{k}"), mtype);
            let person = matches!(mtype, MemberType::Individual | MemberType::Household);
            if person {
                m.sex = if r.chance(0.015) {
                    None
                } else if r.chance(female_p) {
                    Some(Sex::Female)
                } else {
                    Some(Sex::Male)
                };
                m.ethnicity = if r.chance(0.02) {
                    None
                } else if r.chance(prov.minority) {
                    // minorities: skewed towards the larger groups
                    let g = 2 + ((r.f().powi(3)) * 53.0) as u8;
                    Ethnicity::from_number(g.min(54))
                } else {
                    Some(Ethnicity::KINH)
                };
                if r.chance(0.9) {
                    m.birth_date = Some(day(1945 + r.range(0, 62) as i32, r.next_u64()));
                }
            }
            let capital = r.chance(0.85);
            m.contributes_capital = Some(capital);
            m.uses_services = Some(r.chance(0.8));
            m.contributes_labour = if r.chance(0.02) { None } else { Some(r.chance(0.5)) };
            if m.uses_services == Some(false) && m.contributes_labour == Some(false) && !capital {
                m.uses_services = Some(true);
            }
            if r.chance(0.6) {
                m.kind = m.derived_kind().ok().flatten();
            }
            if capital {
                let v = r.range(1, 50) * 1_000_000;
                capital_sum += v;
                m.capital_vnd = Some(v);
            }
            if r.chance(0.9) {
                m.joined = Some(day(2005 + r.range(0, 20) as i32, r.next_u64()));
                // Nobody joins before being born (an input error): such a
                // member joins on the day of birth, the draws unchanged.
                if let (Some(b), Some(j)) = (m.birth_date, m.joined) {
                    m.joined = Some(j.max(b));
                }
            }
            if r.chance(0.04) {
                m.left = Some(day(2015 + r.range(0, 12) as i32, r.next_u64()));
                if let (Some(j), Some(l)) = (m.joined, m.left) {
                    if l <= j {
                        m.left = None;
                    }
                }
            }
            members.push(m);
        }
        c.charter_capital_vnd = Some(capital_sum);
        c.annual_revenue_vnd = Some(r.range(100, 100_000) * 1_000_000);
        // Positions: held by members (by id), sometimes an outside director.
        if kind != Kind::CooperativeGroup || r.chance(0.6) {
            let mut ps = Vec::new();
            let pick = |r: &mut Rng| format!("m{}", r.range(0, n));
            let chair_id = pick(&mut r);
            let mut seated = vec![chair_id.clone()];
            ps.push(Position::member(Role::BoardChair, chair_id));
            if kind != Kind::CooperativeGroup {
                for _ in 0..r.range(2, 7) {
                    let id = pick(&mut r);
                    let mut p = Position::member(Role::BoardMember, id.clone());
                    if r.chance(0.1) {
                        p.end = Some(day(2018 + r.range(0, 8) as i32, r.next_u64()));
                    }
                    // One board seat per member (the readers refuse a
                    // second): a repeated pick holds none, the draws unchanged.
                    if !seated.contains(&id) {
                        seated.push(id);
                        ps.push(p);
                    }
                }
                let d = r.f();
                if d < 0.5 {
                    let chair = match &ps[0].holder {
                        Holder::Member(id) => id.clone(),
                        Holder::External { .. } => pick(&mut r),
                    };
                    ps.push(Position::member(Role::Director, chair));
                } else if d < 0.9 {
                    ps.push(Position::member(Role::Director, pick(&mut r)));
                } else {
                    let sex = if r.chance(female_p) {
                        Sex::Female
                    } else {
                        Sex::Male
                    };
                    ps.push(Position::external(Role::Director, Some(sex)));
                }
                ps.push(Position::member(Role::SupervisoryHead, pick(&mut r)));
            }
            c.positions = Some(ps);
        }
        c.members = Some(members);
        c
    }

    /// Every record, in order.
    pub fn iter(&self) -> impl Iterator<Item = Cooperative> + '_ {
        (0..self.len()).map(|i| self.cooperative(i))
    }

    /// The registry, built one cooperative at a time (no intermediate list).
    pub fn registry(&self) -> coopkit::Registry {
        let mut reg = coopkit::Registry::new();
        for c in self.iter() {
            // ids are unique by construction
            let _ = reg.push(c);
        }
        reg
    }
}

fn b(v: Option<bool>) -> &'static str {
    match v {
        None => "",
        Some(true) => "true",
        Some(false) => "false",
    }
}

fn o<T: std::fmt::Display>(v: Option<T>) -> String {
    v.map_or(String::new(), |v| v.to_string())
}

fn enum_name<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Columns of `cooperatives.csv` written.
pub const COOP_COLUMNS: &str = "id,name,kind,sector,province,district,established,charter_capital_vnd,\
annual_revenue_vnd,declared_women_managed,employees_female,employees_male,summary_members,\
summary_members_female,summary_official_members,summary_official_members_female,summary_members_minority,\
summary_board_seats,summary_board_female,summary_chair_female,summary_director_female,members_listed,positions_listed";
/// Columns of `members.csv` written.
pub const MEMBER_COLUMNS: &str = "cooperative_id,id,type,sex,birth_date,ethnicity,nationality,\
contributes_capital,uses_services,contributes_labour,kind,capital_vnd,joined,left";
/// Columns of `positions.csv` written.
pub const POSITION_COLUMNS: &str = "cooperative_id,role,member,sex,ethnicity,id,start,end";

/// Writes the CSV folder form of the contract (`cooperatives.csv`,
/// `members.csv`, `positions.csv`) into `dir`, streaming.
pub fn write_csv(records: impl Iterator<Item = Cooperative>, dir: &Path) -> io::Result<(usize, usize)> {
    std::fs::create_dir_all(dir)?;
    let open = |f: &str| std::fs::File::create(dir.join(f)).map(|f| io::BufWriter::with_capacity(1 << 20, f));
    let (mut cw, mut mw, mut pw) = (
        open("cooperatives.csv")?,
        open("members.csv")?,
        open("positions.csv")?,
    );
    writeln!(cw, "{COOP_COLUMNS}")?;
    writeln!(mw, "{MEMBER_COLUMNS}")?;
    writeln!(pw, "{POSITION_COLUMNS}")?;
    let (mut nc, mut nm) = (0, 0);
    for c in records {
        nc += 1;
        let s = c.summary.unwrap_or_default();
        let e = c.employees;
        writeln!(
            cw,
            "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
            c.id,
            c.name,
            enum_name(&c.kind),
            enum_name(&c.sector),
            o(c.province.as_ref()),
            o(c.district.as_ref()),
            o(c.established),
            o(c.charter_capital_vnd),
            o(c.annual_revenue_vnd),
            b(c.declared_women_managed),
            o(e.map(|e| e.female)),
            o(e.map(|e| e.male)),
            o(s.members),
            o(s.members_female),
            o(s.official_members),
            o(s.official_members_female),
            o(s.members_minority),
            o(s.board_seats),
            o(s.board_female),
            b(s.chair_female),
            b(s.director_female),
            b(Some(c.members.is_some())),
            b(Some(c.positions.is_some())),
        )?;
        for m in c.members.iter().flatten() {
            nm += 1;
            writeln!(
                mw,
                "{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
                c.id,
                m.id,
                enum_name(&m.member_type),
                m.sex.map_or(String::new(), |s| enum_name(&s)),
                o(m.birth_date),
                m.ethnicity.map_or("", Ethnicity::code),
                m.nationality,
                b(m.contributes_capital),
                b(m.uses_services),
                b(m.contributes_labour),
                m.kind.map_or(String::new(), |k| enum_name(&k)),
                o(m.capital_vnd),
                o(m.joined),
                o(m.left),
            )?;
        }
        for p in c.positions.iter().flatten() {
            let (member, sex, eth) = match &p.holder {
                Holder::Member(id) => (id.as_str(), String::new(), ""),
                Holder::External { sex, ethnicity } => (
                    "",
                    sex.map_or(String::new(), |s| enum_name(&s)),
                    ethnicity.map_or("", Ethnicity::code),
                ),
            };
            writeln!(
                pw,
                "{},{},{},{},{},{},{},{}",
                c.id,
                p.role.as_str(),
                member,
                sex,
                eth,
                o(p.id.as_ref()),
                o(p.start),
                o(p.end)
            )?;
        }
    }
    cw.flush()?;
    mw.flush()?;
    pw.flush()?;
    Ok((nc, nm))
}

/// Kind of a member from the CSV's `kind` column.
pub fn member_kind(s: &str) -> Option<MemberKind> {
    match s {
        "official" => Some(MemberKind::Official),
        "associate_capital" => Some(MemberKind::AssociateCapital),
        "associate_noncapital" => Some(MemberKind::AssociateNoncapital),
        _ => None,
    }
}

/// Shuffles the data rows of `members.csv` in `dir` (the header stays
/// first), as a database export or a join gives them: no longer grouped by
/// cooperative. Deterministic for a seed. The generator writes no quoted
/// cells in `members.csv`, so a row is a line (checked).
pub fn shuffle_members(dir: &std::path::Path, seed: u64) -> std::io::Result<usize> {
    let path = dir.join("members.csv");
    let text = std::fs::read(&path)?;
    if text.contains(&b'"') {
        return Err(std::io::Error::other(
            "members.csv has quoted cells: rows may span lines",
        ));
    }
    let mut lines: Vec<&[u8]> = text.split_inclusive(|&b| b == b'\n').collect();
    let header = lines.remove(0);
    let mut rng = Rng::new(seed ^ 0x0053_4855_4646_4c45);
    for i in (1..lines.len()).rev() {
        let j = rng.range(0, i as u64 + 1) as usize;
        lines.swap(i, j);
    }
    let mut out = Vec::with_capacity(text.len());
    out.extend_from_slice(header);
    for l in &lines {
        out.extend_from_slice(l);
    }
    std::fs::write(&path, out)?;
    Ok(lines.len())
}

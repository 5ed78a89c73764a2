//! The engine: one pass over the registry's columns per query.
//!
//! Every indicator is a sum of per-cooperative numerators and denominators
//! over the cooperatives that have the data for it; a cooperative that lacks
//! it is counted in `not_contributing` and adds nothing, so totals are sums
//! of their parts. Shares are computed from the integer sums at the end.
//! Whether a cooperative is women-managed and its size class are decided by
//! [`crate::classify`] (the single source of those rules) at the level of
//! their values, on facts read from the columns (see `classified`).

use super::categories::{always_listed, categories, Categorizer};
use super::classified;
use super::ids::{Dimension, IndicatorId, Unit, UNKNOWN};
use super::table::{Row, Table};
use super::Query;
use crate::classify::SizeClass;
use crate::codes::Term;
use crate::law::Message;
use crate::registry::{code, profile, Registry, NO_DATE};
use crate::Error;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

const N: usize = IndicatorId::ALL.len();
/// Per cell: numerator and denominator of each indicator, then the four
/// sums of the representation ratio.
const STRIDE: usize = 2 * N + 4;
const REP: usize = 2 * N;

/// Member counts of one category in one cooperative.
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    members: u64,
    female: u64,
    male: u64,
    minority: u64,
    official: u64,
    official_female: u64,
    jobs_female: u64,
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        self.members += o.members;
        self.female += o.female;
        self.male += o.male;
        self.minority += o.minority;
        self.official += o.official;
        self.official_female += o.official_female;
        self.jobs_female += o.jobs_female;
    }

    /// Numerator and denominator of member-level indicator `id`.
    fn pair(&self, id: IndicatorId) -> (u64, u64) {
        use IndicatorId::*;
        match id {
            Members => (self.members, 0),
            MembersFemale => (self.female, 0),
            MembersMinority => (self.minority, 0),
            MembersFemaleShare => (self.female, self.members),
            MembersMinorityShare => (self.minority, self.members),
            OfficialMembersFemaleShare => (self.official_female, self.official),
            MembersGenderParity => (self.female, self.male),
            JobsFemale => (self.jobs_female, 0),
            _ => (0, 0),
        }
    }
}

impl Tally {
    /// Seven 16-bit counters packed in a `u128`, in field order.
    fn unpack(x: u128) -> Tally {
        let f = |i: u32| ((x >> (16 * i)) & 0xFFFF) as u64;
        Tally {
            members: f(0),
            female: f(1),
            male: f(2),
            minority: f(3),
            official: f(4),
            official_female: f(5),
            jobs_female: f(6),
        }
    }
}

const GAP_SEX: u8 = 1;
const GAP_ETHNICITY: u8 = 2;
const GAP_KIND: u8 = 4;
const GAP_OFFICIAL_SEX: u8 = 8;
const GAP_JOBS: u8 = 16;
const ANY_MINORITY: u8 = 32;
/// Some member, person or organisation, has no ethnic group recorded
/// (classification then cannot rule out a minority member).
const GAP_ETHNICITY_ANY: u8 = 64;

/// For each member profile: the packed counter increments (members,
/// female, male, minority, official, official female, women workers) and
/// the gap bits it sets. This is where a member's contribution is defined.
fn profile_tables() -> &'static ([u128; profile::COUNT], [u8; profile::COUNT]) {
    static T: OnceLock<([u128; profile::COUNT], [u8; profile::COUNT])> = OnceLock::new();
    T.get_or_init(|| {
        let mut inc = [0u128; profile::COUNT];
        let mut gap = [0u8; profile::COUNT];
        for p in 0..profile::COUNT {
            let profile::Profile {
                person,
                sex,
                ethnicity: eth,
                official,
                kind_unknown,
                labour,
            } = profile::unpack(p);
            let female = person && sex == code::SEX_FEMALE;
            let male = person && sex == code::SEX_MALE;
            let sex_gap = person && sex == code::SEX_UNKNOWN;
            // A recorded ethnic group other than Kinh, as
            // `classify::has_minority_member` reads it (whatever the member type).
            let minority = eth == profile::ETH_MINORITY;
            let fields = [
                true,
                female,
                male,
                minority,
                official,
                official && female,
                female && labour == Some(true),
            ];
            for (i, f) in fields.into_iter().enumerate() {
                inc[p] |= u128::from(f) << (16 * i);
            }
            let mut g = 0;
            if sex_gap {
                g |= GAP_SEX;
                if official {
                    g |= GAP_OFFICIAL_SEX;
                }
                if labour != Some(false) {
                    g |= GAP_JOBS;
                }
            }
            if female && labour.is_none() {
                g |= GAP_JOBS;
            }
            if person && eth == profile::ETH_UNKNOWN {
                g |= GAP_ETHNICITY;
            }
            if kind_unknown {
                g |= GAP_KIND;
            }
            if minority {
                g |= ANY_MINORITY;
            }
            if eth == profile::ETH_UNKNOWN {
                g |= GAP_ETHNICITY_ANY;
            }
            gap[p] = g;
        }
        (inc, gap)
    })
}

impl Gaps {
    fn unpack(g: u8) -> Gaps {
        Gaps {
            sex: g & GAP_SEX != 0,
            ethnicity: g & GAP_ETHNICITY != 0,
            kind: g & GAP_KIND != 0,
            official_sex: g & GAP_OFFICIAL_SEX != 0,
            jobs: g & GAP_JOBS != 0,
            any_minority: g & ANY_MINORITY != 0,
            ethnicity_any: g & GAP_ETHNICITY_ANY != 0,
        }
    }
}

/// What is unknown in a cooperative's member list.
#[derive(Debug, Clone, Copy, Default)]
struct Gaps {
    sex: bool,
    ethnicity: bool,
    kind: bool,
    official_sex: bool,
    jobs: bool,
    any_minority: bool,
    ethnicity_any: bool,
}

/// Per-cooperative contributions to each indicator's total: `None` when the
/// cooperative lacks the data.
type Contrib = [Option<(u64, u64)>; N];

/// Accumulated sums of one output group.
struct Group {
    /// Cooperatives that contributed, per indicator.
    contributing: [u64; N],
    /// Cooperatives that could not contribute, per indicator.
    not_contributing: [u64; N],
    /// Cells: total, then each category.
    cells: Vec<u64>,
}

impl Group {
    fn new(ncat: usize) -> Self {
        Group {
            contributing: [0; N],
            not_contributing: [0; N],
            cells: vec![0; STRIDE * (ncat + 1)],
        }
    }

    fn add(&mut self, o: &Group) {
        for k in 0..N {
            self.contributing[k] += o.contributing[k];
            self.not_contributing[k] += o.not_contributing[k];
        }
        for (a, b) in self.cells.iter_mut().zip(&o.cells) {
            *a += b;
        }
    }
}

/// Group values: per dimension, a code (meaning depends on the dimension).
type Key = Vec<u32>;

/// A multiplicative hasher for the short integer keys of groups, looked up
/// once per cooperative (the default SipHash costs more than the lookup
/// needs; the keys are codes, not input an attacker chooses per query).
#[derive(Default)]
struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // A slice of `u32` codes arrives as its bytes in one call.
        let mut chunks = bytes.chunks_exact(4);
        for c in &mut chunks {
            self.write_u64(u64::from(u32::from_le_bytes([c[0], c[1], c[2], c[3]])));
        }
        for &b in chunks.remainder() {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type BuildKeyHasher = std::hash::BuildHasherDefault<KeyHasher>;

/// A query in named steps: plan it, key each cooperative's group, pass over
/// its members and its posts, define its contribution to every indicator,
/// accumulate into its group (on both cores where there are two), roll the
/// margins up, make the rows, suppress small cells.
pub(crate) fn run(reg: &Registry, q: &Query) -> Result<Table, Error> {
    let plan = Plan::new(reg, q)?;
    let groups = accumulate(reg, q, &plan);
    let margins = margins(groups, q, plan.ncat());
    let rows = rows(reg, q, &plan, margins);
    let mut table = Table {
        as_of: q.as_of,
        dates: None,
        women_managed_rule: q.women_managed_rule,
        by: q.by.clone(),
        disaggregate: q.disaggregate,
        min_cell: None,
        rows,
    };
    if let Some(k) = q.min_cell {
        table.suppress(k);
    }
    Ok(table)
}

/// What a query needs, decided once before the pass over the registry.
struct Plan {
    /// The indicators, in output order, each once.
    ids: Vec<IndicatorId>,
    /// The date, as a day number.
    day: i32,
    /// The member pass is needed (some indicator counts members).
    need_members: bool,
    /// Categories of the disaggregation (none without one).
    cats: Vec<&'static str>,
    categorizer: Option<Categorizer>,
    /// Women-managed value of each cooperative (0 unknown, 1 no, 2 yes).
    women_managed: Option<Arc<[u8]>>,
    /// Size class code of each cooperative (0 not determinable).
    size_class: Option<Arc<[u8]>>,
}

impl Plan {
    fn new(reg: &Registry, q: &Query) -> Result<Plan, Error> {
        let ids: Vec<IndicatorId> = match &q.ids {
            Some(ids) if ids.is_empty() => {
                return Err(Error::parameter("ids", "no indicator asked for"));
            }
            Some(ids) => {
                let mut v = ids.clone();
                v.dedup();
                v
            }
            None => IndicatorId::ALL.to_vec(),
        };
        for (i, d) in q.by.iter().enumerate() {
            if q.by[..i].contains(d) {
                return Err(Error::parameter(
                    format!("by[{i}]"),
                    format!("dimension {d} given twice"),
                ));
            }
        }
        let need_wm =
            ids.iter().any(|id| id.reads_women_managed()) || q.by.contains(&Dimension::WomenManaged);
        // Only indicators that need no member pass asked for: it is skipped
        // (the rows of member-level indicators are not in the table then).
        let need_members = q.disaggregate.is_some() || ids.iter().any(|id| id.reads_members());
        Ok(Plan {
            day: crate::registry::day(q.as_of),
            need_members,
            cats: q.disaggregate.map(categories).unwrap_or_default(),
            categorizer: q.disaggregate.map(|g| Categorizer::new(g, q.as_of)),
            women_managed: need_wm.then(|| classified::women_managed_all(reg, q.women_managed_rule, q.as_of)),
            size_class: q
                .by
                .contains(&Dimension::SizeClass)
                .then(|| classified::size_class_all(reg, q.parameters.as_ref(), q.as_of)),
            ids,
        })
    }

    fn ncat(&self) -> usize {
        self.cats.len()
    }

    /// Women-managed value of cooperative `i`, when asked for and known.
    fn women_managed(&self, i: usize) -> Option<bool> {
        self.women_managed.as_ref().and_then(|w| match w[i] {
            1 => Some(false),
            2 => Some(true),
            _ => None,
        })
    }
}

/// The groups met so far, each with its key.
struct Groups {
    groups: Vec<Group>,
    keys: Vec<Key>,
    index: HashMap<Key, usize, BuildKeyHasher>,
    ncat: usize,
}

impl Groups {
    fn new(ncat: usize) -> Self {
        Groups {
            groups: Vec::new(),
            keys: Vec::new(),
            index: HashMap::default(),
            ncat,
        }
    }

    /// The group of `key`, made on first sight.
    fn slot(&mut self, key: &Key) -> &mut Group {
        let g = match self.index.get(key) {
            Some(&g) => g,
            None => {
                self.groups.push(Group::new(self.ncat));
                self.keys.push(key.clone());
                self.index.insert(key.clone(), self.groups.len() - 1);
                self.groups.len() - 1
            }
        };
        &mut self.groups[g]
    }

    /// Adds another pass's groups to these.
    #[cfg(not(target_arch = "wasm32"))]
    fn merge(&mut self, other: Groups) {
        for (key, grp) in other.keys.iter().zip(&other.groups) {
            self.slot(key).add(grp);
        }
    }
}

/// Every cooperative established on the date, into its group: the two
/// halves of the registry on two threads where there are two (and enough
/// cooperatives), one thread on wasm32. Sums do not depend on the split.
fn accumulate(reg: &Registry, q: &Query, plan: &Plan) -> Groups {
    let two = cfg!(not(target_arch = "wasm32"))
        && reg.len() >= crate::registry::PARALLEL_FROM
        && std::thread::available_parallelism().is_ok_and(|p| p.get() > 1);
    accumulate_in(reg, q, plan, if two { 2 } else { 1 })
}

/// [`accumulate`] on `threads` threads (1 or 2; always 1 on wasm32).
fn accumulate_in(reg: &Registry, q: &Query, plan: &Plan, threads: usize) -> Groups {
    let n = reg.len();
    let part = |range: std::ops::Range<usize>| {
        let mut pass = Pass::new(plan.ncat(), q.by.len());
        let mut groups = Groups::new(plan.ncat());
        for i in range {
            pass.cooperative(reg, q, plan, i, &mut groups);
        }
        groups
    };
    #[cfg(not(target_arch = "wasm32"))]
    if threads > 1 {
        let mid = n / 2;
        let (mut a, b) = std::thread::scope(|s| {
            let upper = s.spawn(|| part(mid..n));
            let lower = part(0..mid);
            (lower, upper.join().expect("the indicator pass does not panic"))
        });
        a.merge(b);
        return a;
    }
    let _ = threads;
    part(0..n)
}

/// Scratch space of one pass, reused from cooperative to cooperative.
struct Pass {
    /// Member counts per category of the cooperative being read.
    tallies: Vec<Tally>,
    /// Categories with a member in the cooperative being read.
    touched: Vec<usize>,
    key: Key,
}

impl Pass {
    fn new(ncat: usize, dims: usize) -> Self {
        Pass {
            tallies: vec![Tally::default(); ncat],
            touched: Vec::with_capacity(ncat),
            key: Vec::with_capacity(dims),
        }
    }

    /// One cooperative: its group, its members, its posts, its
    /// contributions, added to its group.
    fn cooperative(&mut self, reg: &Registry, q: &Query, plan: &Plan, i: usize, groups: &mut Groups) {
        let est = reg.coops.established[i];
        if est != NO_DATE && est > plan.day {
            return; // not yet established on the date
        }
        let dissolved = reg.coops.dissolved[i];
        if dissolved != NO_DATE && dissolved <= plan.day {
            return; // dissolved on or before the date
        }
        let wm = plan.women_managed(i);
        self.key_of(reg, q, plan, i, wm);
        let members = (reg.coops.has_members[i] && plan.need_members).then(|| self.members(reg, plan, i));
        let posts = positions(reg, i, plan.day);
        let (c, rep) = contributions(reg, i, members, posts, wm);
        let grp = groups.slot(&self.key);
        grp.add_contributions(&c, rep);
        if let Some(cz) = &plan.categorizer {
            grp.add_categories(
                &c,
                cz,
                &self.tallies,
                &self.touched,
                reg.coops.has_members[i],
                reg.header(i),
            );
            for &cat in &self.touched {
                self.tallies[cat] = Tally::default();
            }
            self.touched.clear();
        }
    }

    /// The group key of cooperative `i`, one code per dimension.
    fn key_of(&mut self, reg: &Registry, q: &Query, plan: &Plan, i: usize, wm: Option<bool>) {
        let cc = &reg.coops;
        self.key.clear();
        for dim in &q.by {
            self.key.push(match dim {
                Dimension::Province => cc.province[i],
                Dimension::District => cc.district[i],
                Dimension::Commune => cc.commune[i],
                Dimension::Cooperative => i as u32,
                Dimension::Sector => u32::from(cc.sector[i]),
                Dimension::Kind => u32::from(cc.kind[i]),
                Dimension::WomenManaged => match wm {
                    None => 0,
                    Some(false) => 1,
                    Some(true) => 2,
                },
                Dimension::SizeClass => plan.size_class.as_ref().map_or(0, |s| u32::from(s[i])),
            });
        }
    }

    /// The member pass: one pass over the cooperative's rows, adding each
    /// current member's profile increments (see `profile_tables`), and, with
    /// a disaggregation, each category's counts.
    fn members(&mut self, reg: &Registry, plan: &Plan, i: usize) -> (Tally, Gaps) {
        let (cc, m, d) = (&reg.coops, &reg.members, plan.day);
        let r = cc.member_off[i] as usize..cc.member_off[i + 1] as usize;
        let (inc, gap) = profile_tables();
        let mut total = Tally::default();
        let mut acc: u128 = 0;
        let mut g: u8 = 0;
        let mut pending = 0u32;
        let (joined, left, prof) = (&m.joined[r.clone()], &m.left[r.clone()], &m.profile[r.clone()]);
        for (k, ((&j, &l), &pf)) in joined.iter().zip(left).zip(prof).enumerate() {
            if !((j == NO_DATE || j <= d) && (l == NO_DATE || d < l)) {
                continue;
            }
            let pf = usize::from(pf) & (profile::COUNT - 1);
            acc += inc[pf];
            g |= gap[pf];
            pending += 1;
            if pending == u32::from(u16::MAX) {
                total.add(&Tally::unpack(acc));
                acc = 0;
                pending = 0;
            }
            if let Some(cz) = &plan.categorizer {
                let c = cz.of(m, r.start + k);
                if self.tallies[c].members == 0 {
                    self.touched.push(c);
                }
                self.tallies[c].add(&Tally::unpack(inc[pf]));
            }
        }
        total.add(&Tally::unpack(acc));
        (total, Gaps::unpack(g))
    }
}

/// What the indicators read of a cooperative's posts on a day.
struct Posts {
    /// Board seats, with the women among them when every holder's sex is known.
    board: Option<(u64, Option<u64>)>,
    /// Management posts (women, all): board seats plus director posts.
    mgmt: Option<(u64, u64)>,
    /// A woman is director; `None` when no director is recorded or the
    /// holders' sexes leave it open.
    director_female: Option<bool>,
}

/// The posts of cooperative `i` on day `d`: from its positions, else from
/// its summary.
fn positions(reg: &Registry, i: usize, d: i32) -> Posts {
    let (cc, p) = (&reg.coops, &reg.positions);
    if !cc.has_positions[i] {
        let Some(s) = &reg.header(i).summary else {
            return Posts {
                board: None,
                mgmt: None,
                director_female: None,
            };
        };
        let board = s
            .board_seats
            .map(|n| (u64::from(n), s.board_female.map(u64::from)));
        let mgmt = match (s.board_seats, s.board_female, s.director_female) {
            (Some(n), Some(f), Some(df)) => Some((u64::from(f) + u64::from(df), u64::from(n) + 1)),
            _ => None,
        };
        return Posts {
            board,
            mgmt,
            director_female: s.director_female,
        };
    }
    let (mut seats, mut seats_f, mut seats_unknown) = (0u64, 0u64, false);
    let (mut posts, mut posts_f, mut posts_unknown) = (0u64, 0u64, false);
    let (mut directors, mut directors_f, mut directors_unknown) = (0u64, 0u64, false);
    for k in cc.position_off[i] as usize..cc.position_off[i + 1] as usize {
        if !p.is_held_on(k, d) {
            continue;
        }
        let role = code::ROLES[usize::from(p.role[k])];
        let is_seat = role.is_board_seat();
        let is_director = role == crate::model::Role::Director;
        if !is_seat && !is_director {
            continue;
        }
        let sex = classified::holder_sex(reg, k);
        let f = u64::from(sex == code::SEX_FEMALE);
        let unknown = sex == code::SEX_UNKNOWN;
        posts += 1;
        posts_f += f;
        posts_unknown |= unknown;
        if is_seat {
            seats += 1;
            seats_f += f;
            seats_unknown |= unknown;
        } else {
            directors += 1;
            directors_f += f;
            directors_unknown |= unknown;
        }
    }
    // Any woman director settles it; else an unknown holder leaves it open.
    let director_female = if directors_f > 0 {
        Some(true)
    } else if directors_unknown || directors == 0 {
        None
    } else {
        Some(false)
    };
    Posts {
        board: Some((seats, (!seats_unknown).then_some(seats_f))),
        mgmt: (!posts_unknown).then_some((posts_f, posts)),
        director_female,
    }
}

/// The four sums of the representation ratio: management (women, posts)
/// and members (women, all).
type Rep = Option<((u64, u64), (u64, u64))>;

/// What cooperative `i` adds to each indicator: the one place where every
/// indicator's numerator and denominator, and the data it needs, are
/// defined. `members` is the member pass's result (`None` without a member
/// list or when no indicator needs it); `None` in the result means the
/// cooperative lacks the data.
#[allow(clippy::type_complexity)]
fn contributions(
    reg: &Registry,
    i: usize,
    members: Option<(Tally, Gaps)>,
    posts: Posts,
    wm: Option<bool>,
) -> (Contrib, Rep) {
    let Posts {
        board,
        mgmt,
        director_female,
    } = posts;
    use IndicatorId as I;
    let header = reg.header(i);
    let mut c: Contrib = [None; N];
    c[I::Cooperatives.index()] = Some((1, 0));
    let (count, female, male, minority, official);
    if reg.coops.has_members[i] {
        let (total, gaps) = members.unwrap_or_default();
        count = Some(total.members);
        female = (!gaps.sex).then_some(total.female);
        male = (!gaps.sex).then_some(total.male);
        minority = (!gaps.ethnicity).then_some(total.minority);
        official = (!gaps.kind && !gaps.official_sex).then_some((total.official_female, total.official));
        c[I::JobsFemale.index()] = match (gaps.jobs, header.employees) {
            (false, Some(e)) => Some((total.jobs_female + u64::from(e.female), 0)),
            _ => None,
        };
        // As `classify::has_minority_member` decides (tested to agree):
        // any member without a recorded ethnic group leaves "no" open.
        let has_minority = if gaps.any_minority {
            Some(true)
        } else {
            (!gaps.ethnicity_any).then_some(false)
        };
        if let Some(b) = has_minority {
            c[I::CoopsWithMinorityMember.index()] = Some((u64::from(b), 0));
            c[I::CoopsWithMinorityMemberShare.index()] = Some((u64::from(b), 1));
        }
    } else {
        let summary = header.summary.unwrap_or_default();
        count = summary.members.map(u64::from);
        female = summary.members_female.map(u64::from);
        male = match (count, female) {
            (Some(n), Some(f)) if n >= f => Some(n - f),
            _ => None,
        };
        minority = summary.members_minority.map(u64::from);
        official = match (summary.official_members_female, summary.official_members) {
            (Some(f), Some(n)) => Some((u64::from(f), u64::from(n))),
            _ => None,
        };
        if let Some(n) = minority {
            let b = u64::from(n > 0);
            c[I::CoopsWithMinorityMember.index()] = Some((b, 0));
            c[I::CoopsWithMinorityMemberShare.index()] = Some((b, 1));
        }
    }
    c[I::Members.index()] = count.map(|n| (n, 0));
    c[I::MembersFemale.index()] = female.map(|f| (f, 0));
    c[I::MembersMinority.index()] = minority.map(|f| (f, 0));
    c[I::MembersFemaleShare.index()] = female.zip(count);
    c[I::MembersMinorityShare.index()] = minority.zip(count);
    c[I::OfficialMembersFemaleShare.index()] = official;
    c[I::MembersGenderParity.index()] = female.zip(male);
    if let Some((seats, seats_f)) = board {
        c[I::BoardSeats.index()] = Some((seats, 0));
        c[I::BoardFemale.index()] = seats_f.map(|f| (f, 0));
        c[I::BoardFemaleShare.index()] = seats_f.map(|f| (f, seats));
    }
    c[I::ManagementFemaleShare.index()] = mgmt;
    c[I::DirectorFemaleShare.index()] = director_female.map(|b| (u64::from(b), 1));
    let rep = mgmt.zip(c[I::MembersFemaleShare.index()]);
    c[I::RepresentationRatio.index()] = rep.map(|_| (0, 0));
    if let Some(b) = wm {
        c[I::WomenManaged.index()] = Some((u64::from(b), 0));
        c[I::WomenManagedShare.index()] = Some((u64::from(b), 1));
    }
    (c, rep)
}

impl Group {
    /// One cooperative's contributions, into the total cell.
    fn add_contributions(&mut self, c: &Contrib, rep: Rep) {
        for (k, ci) in c.iter().enumerate() {
            match ci {
                Some((num, den)) => {
                    self.contributing[k] += 1;
                    self.cells[2 * k] += num;
                    self.cells[2 * k + 1] += den;
                }
                None => self.not_contributing[k] += 1,
            }
        }
        if let Some(((mf, mn), (f, n))) = rep {
            self.cells[REP] += mf;
            self.cells[REP + 1] += mn;
            self.cells[REP + 2] += f;
            self.cells[REP + 3] += n;
        }
    }

    /// One cooperative's member-level counts, into the category cells: its
    /// members' categories, women employees as `employee`, and a record
    /// without a member list as `unknown`.
    fn add_categories(
        &mut self,
        c: &Contrib,
        cz: &Categorizer,
        tallies: &[Tally],
        touched: &[usize],
        has_list: bool,
        header: &crate::model::Cooperative,
    ) {
        for &id in IndicatorId::ALL.iter().filter(|id| id.is_member_level()) {
            let k = id.index();
            let Some((num, den)) = c[k] else { continue };
            if has_list {
                for &cat in touched {
                    let (a, b) = tallies[cat].pair(id);
                    let base = STRIDE * (cat + 1) + 2 * k;
                    self.cells[base] += a;
                    self.cells[base + 1] += b;
                }
                if id == IndicatorId::JobsFemale {
                    let e = u64::from(header.employees.map_or(0, |e| e.female));
                    self.cells[STRIDE * (cz.employee + 1) + 2 * k] += e;
                }
            } else {
                let base = STRIDE * (cz.unknown + 1) + 2 * k;
                self.cells[base] += num;
                self.cells[base + 1] += den;
            }
        }
    }
}

/// Margins: every group rolled up over each subset of the dimensions (only
/// the full grouping unless totals are asked for).
fn margins(groups: Groups, q: &Query, ncat: usize) -> HashMap<Vec<Option<u32>>, Group> {
    let nd = q.by.len();
    let masks: Vec<u32> = if q.totals {
        (0..(1u32 << nd)).collect()
    } else {
        vec![(1u32 << nd) - 1]
    };
    let mut out: HashMap<Vec<Option<u32>>, Group> = HashMap::new();
    for (key, grp) in groups.keys.iter().zip(&groups.groups) {
        for &mask in &masks {
            let k: Vec<Option<u32>> = key
                .iter()
                .enumerate()
                .map(|(j, &v)| (mask >> j & 1 == 1).then_some(v))
                .collect();
            out.entry(k).or_insert_with(|| Group::new(ncat)).add(grp);
        }
    }
    if out.is_empty() && nd == 0 {
        out.insert(Vec::new(), Group::new(ncat));
    }
    out
}

/// The rows, in an order that does not depend on the registry's order.
fn rows(reg: &Registry, q: &Query, plan: &Plan, margins: HashMap<Vec<Option<u32>>, Group>) -> Vec<Row> {
    let mut named: Vec<(Vec<Option<String>>, Group)> = margins
        .into_iter()
        .map(|(k, grp)| {
            let vals = k
                .iter()
                .zip(&q.by)
                .map(|(v, dim)| v.map(|v| value_name(reg, *dim, v)))
                .collect();
            (vals, grp)
        })
        .collect();
    named.sort_by(|a, b| a.0.cmp(&b.0));
    let mut rows = Vec::new();
    for (vals, grp) in &named {
        let group: Vec<(Dimension, Option<String>)> =
            q.by.iter().copied().zip(vals.iter().cloned()).collect();
        for &id in &plan.ids {
            rows.push(make_row(&group, None, id, grp, 0));
            if let (Some(dis), true) = (q.disaggregate, id.is_member_level()) {
                for (ci, cat) in plan.cats.iter().enumerate() {
                    // A known zero is a row with 0; a category row without a
                    // numerator means, as for the total, that no cooperative
                    // of the group could contribute.
                    if !always_listed(dis, cat) && !category_present(grp, ci + 1) {
                        continue;
                    }
                    rows.push(make_row(&group, Some((dis, cat.to_string())), id, grp, ci + 1));
                }
            }
        }
    }
    rows
}

/// A category has a row when any member-level indicator has a count in it.
fn category_present(grp: &Group, cell: usize) -> bool {
    IndicatorId::ALL
        .iter()
        .filter(|id| id.is_member_level())
        .any(|id| {
            let b = STRIDE * cell + 2 * id.index();
            grp.cells[b] != 0 || grp.cells[b + 1] != 0
        })
}

fn value_name(reg: &Registry, dim: Dimension, v: u32) -> String {
    let v = v as usize;
    match dim {
        Dimension::Province => reg.provinces.value(v as u32).unwrap_or(UNKNOWN),
        Dimension::District => reg.districts.value(v as u32).unwrap_or(UNKNOWN),
        Dimension::Commune => reg.communes.value(v as u32).unwrap_or(UNKNOWN),
        Dimension::Cooperative => reg.header(v).id.as_str(),
        Dimension::Sector => code::SECTORS[v].as_str(),
        Dimension::Kind => code::COOP_KINDS[v].as_str(),
        Dimension::SizeClass => match v {
            0 => "not_determinable",
            v => SizeClass::ALL[v - 1].as_str(),
        },
        Dimension::WomenManaged => [Term::Unknown, Term::No, Term::Yes][v].as_str(),
    }
    .to_string()
}

fn make_row(
    group: &[(Dimension, Option<String>)],
    disaggregation: Option<(super::Disaggregation, String)>,
    id: IndicatorId,
    grp: &Group,
    cell: usize,
) -> Row {
    let k = id.index();
    let contributing = grp.contributing[k];
    let not_contributing = grp.not_contributing[k];
    let unit = id.unit();
    let mut row = Row {
        as_of: None,
        names: Vec::new(),
        group: group.to_vec(),
        disaggregation,
        indicator: id,
        numerator: None,
        denominator: None,
        value: None,
        unit,
        contributing,
        not_contributing,
        reason: None,
        suppressed: false,
    };
    if contributing == 0 && id == IndicatorId::Cooperatives {
        // An empty registry has no cooperatives: a count, not missing data.
        row.numerator = Some(0);
        row.value = Some(0.0);
        return row;
    }
    if contributing == 0 {
        row.reason = Some(Message::new(
            "no cooperative in this group has the data for this indicator",
            "không có hợp tác xã nào trong nhóm này có dữ liệu cho chỉ tiêu này",
        ));
        return row;
    }
    let base = STRIDE * cell;
    if id == IndicatorId::RepresentationRatio {
        let c = &grp.cells[base + REP..base + REP + 4];
        let (mf, mn, f, n) = (c[0], c[1], c[2], c[3]);
        // (mf / mn) ÷ (f / n) = (mf · n) ÷ (mn · f)
        let num = u128::from(mf) * u128::from(n);
        let den = u128::from(mn) * u128::from(f);
        if mn == 0 || n == 0 {
            row.reason = Some(Message::new(
                "no management posts or no members: a share is undefined",
                "không có chức danh quản lý hoặc không có thành viên: không tính được tỷ lệ",
            ));
        } else if den == 0 {
            row.reason = Some(Message::new(
                "women's share of members is zero: the ratio is undefined",
                "tỷ lệ nữ trong thành viên bằng 0: không tính được hệ số",
            ));
        } else {
            row.value = Some(num as f64 / den as f64);
        }
        return row;
    }
    let num = grp.cells[base + 2 * k];
    let den = grp.cells[base + 2 * k + 1];
    row.numerator = Some(num);
    match unit {
        Unit::Count => row.value = Some(num as f64),
        Unit::Percent | Unit::Ratio => {
            row.denominator = Some(den);
            if den == 0 {
                row.reason = Some(Message::new("the denominator is zero", "mẫu số bằng 0"));
            } else {
                let v = num as f64 / den as f64;
                row.value = Some(if unit == Unit::Percent { v * 100.0 } else { v });
            }
        }
    }
    row
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::Disaggregation;

    /// A registry of `n` cooperatives with varied members, posts and
    /// summaries, deterministic.
    fn registry(n: usize) -> Registry {
        let mut coops = Vec::new();
        for i in 0..n {
            let province = ["51", "52", "62"][i % 3];
            let sector = ["agriculture", "industry_construction", "trade_services"][i % 3];
            let kind = ["cooperative", "cooperative_group", "union", "cooperative"][i % 4];
            let members: Vec<String> = (0..=(i % 7))
                .map(|k| {
                    let sex = ["\"female\"", "\"male\"", "null"][(i + k) % 3];
                    let eth = ["\"01\"", "\"18\"", "null", "\"30\""][(i * 3 + k) % 4];
                    format!(
                        r#"{{"id":"m{k}","type":"individual","sex":{sex},"ethnicity":{eth},
                            "contributes_capital":{},"uses_services":true,"contributes_labour":{}}}"#,
                        k % 2 == 0,
                        (i + k) % 3 != 0
                    )
                })
                .collect();
            let body = if i % 5 == 4 {
                r#""summary":{"members":9,"members_female":4,"board_seats":3,"board_female":1,"director_female":true}"#
                    .to_string()
            } else {
                format!(
                    r#""members":[{}],"positions":[{{"role":"board_chair","member":"m0"}},{{"role":"director","sex":"female"}}],
                        "employees":{{"female":{},"male":1}}"#,
                    members.join(","),
                    i % 4
                )
            };
            coops.push(format!(
                r#"{{"id":"c{i}","name":"n","kind":"{kind}","sector":"{sector}","province":"{province}",{body}}}"#
            ));
        }
        crate::io::registry_from_json(&format!(r#"{{"cooperatives":[{}]}}"#, coops.join(","))).unwrap()
    }

    /// The pass split over two threads gives the table of one thread, for
    /// groupings, totals and a disaggregation.
    #[test]
    fn two_threads_give_the_answer_of_one() {
        let reg = registry(301);
        let mut q = Query::new("2025-01-01".parse().unwrap());
        q.by = vec![Dimension::Province, Dimension::Sector, Dimension::WomenManaged];
        q.totals = true;
        for dis in [None, Some(Disaggregation::Sex), Some(Disaggregation::EthnicGroup)] {
            q.disaggregate = dis;
            let plan = Plan::new(&reg, &q).unwrap();
            let table = |threads| {
                let groups = accumulate_in(&reg, &q, &plan, threads);
                rows(&reg, &q, &plan, margins(groups, &q, plan.ncat()))
            };
            let (one, two) = (table(1), table(2));
            assert!(one.len() > 100, "{} rows", one.len());
            assert_eq!(one, two, "{dis:?}");
        }
    }
}

//! A registry: many cooperatives with unique ids, held for indicators.
//!
//! The public API hands out owned [`Cooperative`] values; behind it the
//! storage is columnar. Cooperative-level fields other than the member and
//! position lists are kept as one record each (there are few cooperatives);
//! members and positions are kept as columns of small integers (codes, dates
//! as day numbers, flags) with every id in one string arena, and each
//! cooperative's members and positions as a range of rows. Nothing is
//! allocated per member. [`Registry::get`] rebuilds a cooperative equal to
//! the one pushed.

use crate::error::{Error, InputError, InputErrorCode, InputErrors};
use crate::model::{
    Cooperative, Country, Date, Ethnicity, Holder, Kind, Member, MemberKind, MemberType, Position, Role,
    Sector, Sex,
};
use chrono::Datelike;
use std::collections::HashMap;
use std::sync::Arc;

/// Day number of an absent date.
pub(crate) const NO_DATE: i32 = i32::MIN;

/// A date as its day number (days from 1 Jan of year 1, CE).
pub(crate) fn day(d: Date) -> i32 {
    d.num_days_from_ce()
}

fn opt_day(d: Option<Date>) -> i32 {
    d.map_or(NO_DATE, day)
}

fn from_day(n: i32) -> Option<Date> {
    if n == NO_DATE {
        None
    } else {
        Date::from_num_days_from_ce_opt(n)
    }
}

/// Codes of the small enums kept in columns.
pub(crate) mod code {
    use super::*;

    pub(crate) const SEX_UNKNOWN: u8 = 0;
    pub(crate) const SEX_FEMALE: u8 = 1;
    pub(crate) const SEX_MALE: u8 = 2;

    pub(crate) fn sex(s: Option<Sex>) -> u8 {
        match s {
            None => SEX_UNKNOWN,
            Some(Sex::Female) => SEX_FEMALE,
            Some(Sex::Male) => SEX_MALE,
        }
    }

    pub(crate) fn sex_of(c: u8) -> Option<Sex> {
        match c {
            SEX_FEMALE => Some(Sex::Female),
            SEX_MALE => Some(Sex::Male),
            _ => None,
        }
    }

    /// A member type's code is its position in the code list.
    pub(crate) const MEMBER_TYPES: [MemberType; 6] = MemberType::ALL;

    pub(crate) fn member_type(t: MemberType) -> u8 {
        MEMBER_TYPES.iter().position(|&x| x == t).unwrap_or(0) as u8
    }

    /// Individuals and households' representatives are persons: they have a
    /// sex, an ethnic group and an age. Organisations have none.
    pub(crate) fn is_person(t: u8) -> bool {
        t <= 1
    }

    pub(crate) const KINDS: [MemberKind; 3] = MemberKind::ALL;

    /// 0 is unknown, then 1 + index in [`KINDS`].
    pub(crate) fn kind(k: Option<MemberKind>) -> u8 {
        k.map_or(0, |k| {
            KINDS.iter().position(|&x| x == k).map_or(0, |i| i as u8 + 1)
        })
    }

    pub(crate) fn kind_of(c: u8) -> Option<MemberKind> {
        KINDS.get(usize::from(c).wrapping_sub(1)).copied()
    }

    pub(crate) const KIND_OFFICIAL: u8 = 1;

    /// Three-valued fact in two bits: 0 unknown, 1 false, 2 true.
    pub(crate) fn tri(b: Option<bool>) -> u16 {
        match b {
            None => 0,
            Some(false) => 1,
            Some(true) => 2,
        }
    }

    pub(crate) fn tri_of(c: u16) -> Option<bool> {
        match c & 3 {
            1 => Some(false),
            2 => Some(true),
            _ => None,
        }
    }

    pub(crate) const ROLES: [Role; 8] = Role::ALL;

    pub(crate) fn role(r: Role) -> u8 {
        ROLES.iter().position(|&x| x == r).unwrap_or(0) as u8
    }

    /// A cooperative's kind and sector codes are their positions in the
    /// code lists.
    pub(crate) const COOP_KINDS: [Kind; 3] = Kind::ALL;
    pub(crate) const SECTORS: [Sector; 3] = Sector::ALL;
}

/// Bit layout of [`MemberColumns::facts`].
pub(crate) mod facts {
    pub(crate) const CERT: u32 = 0;
    pub(crate) const CAPITAL: u32 = 2;
    pub(crate) const SERVICES: u32 = 4;
    pub(crate) const LABOUR: u32 = 6;
    /// `capital_vnd` is given.
    pub(crate) const HAS_CAPITAL_VND: u16 = 1 << 8;
}

/// Strings in one buffer; string `i` is `text[off[i]..off[i + 1]]`.
#[derive(Debug, Clone)]
pub(crate) struct Arena {
    text: String,
    off: Vec<u32>,
}

impl Default for Arena {
    fn default() -> Self {
        Arena {
            text: String::new(),
            off: vec![0],
        }
    }
}

impl Arena {
    fn push(&mut self, s: &str) -> Result<(), String> {
        self.text.push_str(s);
        match u32::try_from(self.text.len()) {
            Ok(end) => {
                self.off.push(end);
                Ok(())
            }
            Err(_) => {
                self.text.truncate(self.text.len() - s.len());
                Err("registry too large: more than 4 GiB of ids".into())
            }
        }
    }

    fn truncate(&mut self, n: usize) {
        self.off.truncate(n + 1);
        self.text.truncate(self.off[n] as usize);
    }

    pub(crate) fn get(&self, i: usize) -> &str {
        &self.text[self.off[i] as usize..self.off[i + 1] as usize]
    }

    fn bytes(&self) -> usize {
        self.text.capacity() + self.off.capacity() * 4
    }
}

/// One column per member field.
#[derive(Debug, Clone, Default)]
pub(crate) struct MemberColumns {
    pub(crate) ids: Arena,
    pub(crate) member_type: Vec<u8>,
    pub(crate) sex: Vec<u8>,
    pub(crate) birth: Vec<i32>,
    /// GSO 2008 code, 0 unknown.
    pub(crate) ethnicity: Vec<u8>,
    pub(crate) nationality: Vec<[u8; 2]>,
    /// Three-valued facts, see [`facts`].
    pub(crate) facts: Vec<u16>,
    /// Declared kind ([`code::kind`]).
    pub(crate) kind_declared: Vec<u8>,
    /// Declared kind, or else the derived one ([`code::kind`]).
    pub(crate) kind: Vec<u8>,
    pub(crate) capital: Vec<u64>,
    /// First day a member ([`NO_DATE`]: always was).
    pub(crate) joined: Vec<i32>,
    /// First day no longer a member ([`NO_DATE`]: still is).
    pub(crate) left: Vec<i32>,
    /// What the indicator engine needs of a member in one code
    /// ([`profile`]).
    pub(crate) profile: Vec<u16>,
}

/// A member's profile: the attributes the indicator engine counts by, in
/// nine bits. Bit 0 person; bits 1–2 sex ([`code::sex`]); bits 3–4 ethnic
/// class (0 unknown, 1 Kinh, 2 minority); bit 5 official; bit 6 kind
/// unknown; bits 7–8 contributes labour ([`code::tri`]).
pub(crate) mod profile {
    use super::code;

    /// Number of distinct profiles.
    pub(crate) const COUNT: usize = 512;

    /// Ethnic class of a profile: no group recorded.
    pub(crate) const ETH_UNKNOWN: u8 = 0;
    /// Ethnic class of a profile: Kinh.
    pub(crate) const ETH_KINH: u8 = 1;
    /// Ethnic class of a profile: any other recorded group.
    pub(crate) const ETH_MINORITY: u8 = 2;

    /// A member's profile, unpacked.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub(crate) struct Profile {
        /// An individual or a household's representative.
        pub(crate) person: bool,
        /// [`code::sex`].
        pub(crate) sex: u8,
        /// [`ETH_UNKNOWN`], [`ETH_KINH`] or [`ETH_MINORITY`].
        pub(crate) ethnicity: u8,
        /// The kind is official.
        pub(crate) official: bool,
        /// The kind is not known.
        pub(crate) kind_unknown: bool,
        /// Contributes labour, three-valued.
        pub(crate) labour: Option<bool>,
    }

    /// Packs a member's attributes (ethnicity as its GSO number, 0
    /// unknown; kind as [`code::kind`]; labour as [`code::tri`]).
    pub(crate) fn of(person: bool, sex: u8, ethnicity: u8, kind: u8, labour: u16) -> u16 {
        let eth = match ethnicity {
            0 => ETH_UNKNOWN,
            1 => ETH_KINH,
            _ => ETH_MINORITY,
        };
        u16::from(person)
            | u16::from(sex) << 1
            | u16::from(eth) << 3
            | u16::from(kind == code::KIND_OFFICIAL) << 5
            | u16::from(kind == 0) << 6
            | (labour & 3) << 7
    }

    /// Unpacks a profile made by [`of`].
    pub(crate) fn unpack(p: usize) -> Profile {
        Profile {
            person: p & 1 == 1,
            sex: ((p >> 1) & 3) as u8,
            ethnicity: ((p >> 3) & 3) as u8,
            official: (p >> 5) & 1 == 1,
            kind_unknown: (p >> 6) & 1 == 1,
            labour: code::tri_of((p >> 7) as u16),
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn unpack_inverts_of() {
            for person in [false, true] {
                for sex in [code::SEX_UNKNOWN, code::SEX_FEMALE, code::SEX_MALE] {
                    for (eth, class) in [(0, ETH_UNKNOWN), (1, ETH_KINH), (18, ETH_MINORITY)] {
                        for kind in 0..4u8 {
                            for labour in [None, Some(false), Some(true)] {
                                let p = of(person, sex, eth, kind, code::tri(labour));
                                assert!(usize::from(p) < COUNT);
                                let u = unpack(usize::from(p));
                                assert_eq!(
                                    u,
                                    Profile {
                                        person,
                                        sex,
                                        ethnicity: class,
                                        official: kind == code::KIND_OFFICIAL,
                                        kind_unknown: kind == 0,
                                        labour,
                                    }
                                );
                            }
                        }
                    }
                }
            }
        }
    }
}

impl MemberColumns {
    pub(crate) fn len(&self) -> usize {
        self.member_type.len()
    }

    fn push(&mut self, m: &Member) -> Result<(), String> {
        self.push_with_id(&m.id, m)
    }

    /// Adds member `m` under the id `id` (`m.id` is ignored), so that a
    /// reader can hand over a member without allocating its id.
    pub(crate) fn push_with_id(&mut self, id: &str, m: &Member) -> Result<(), String> {
        self.ids.push(id)?;
        self.member_type.push(code::member_type(m.member_type));
        self.sex.push(code::sex(m.sex));
        self.birth.push(opt_day(m.birth_date));
        self.ethnicity.push(m.ethnicity.map_or(0, Ethnicity::number));
        let n = m.nationality.as_str().as_bytes();
        self.nationality.push([n[0], n[1]]);
        let mut f = code::tri(m.investment_certificate) << facts::CERT
            | code::tri(m.contributes_capital) << facts::CAPITAL
            | code::tri(m.uses_services) << facts::SERVICES
            | code::tri(m.contributes_labour) << facts::LABOUR;
        if m.capital_vnd.is_some() {
            f |= facts::HAS_CAPITAL_VND;
        }
        self.facts.push(f);
        self.kind_declared.push(code::kind(m.kind));
        self.kind.push(code::kind(m.effective_kind()));
        self.capital.push(m.capital_vnd.unwrap_or(0));
        self.joined.push(opt_day(m.joined));
        self.left.push(opt_day(m.left));
        self.profile.push(profile::of(
            code::is_person(code::member_type(m.member_type)),
            code::sex(m.sex),
            m.ethnicity.map_or(0, Ethnicity::number),
            code::kind(m.effective_kind()),
            code::tri(m.contributes_labour),
        ));
        Ok(())
    }

    /// Appends every member of `other`, in order.
    pub(crate) fn append(&mut self, other: &MemberColumns) -> Result<(), String> {
        let base = self.ids.text.len();
        if u32::try_from(base + other.ids.text.len()).is_err() {
            return Err("registry too large: more than 4 GiB of ids".into());
        }
        self.ids.text.push_str(&other.ids.text);
        self.ids
            .off
            .extend(other.ids.off[1..].iter().map(|&o| o + base as u32));
        self.member_type.extend_from_slice(&other.member_type);
        self.sex.extend_from_slice(&other.sex);
        self.birth.extend_from_slice(&other.birth);
        self.ethnicity.extend_from_slice(&other.ethnicity);
        self.nationality.extend_from_slice(&other.nationality);
        self.facts.extend_from_slice(&other.facts);
        self.kind_declared.extend_from_slice(&other.kind_declared);
        self.kind.extend_from_slice(&other.kind);
        self.capital.extend_from_slice(&other.capital);
        self.joined.extend_from_slice(&other.joined);
        self.left.extend_from_slice(&other.left);
        self.profile.extend_from_slice(&other.profile);
        Ok(())
    }

    /// The rows reordered: row `k` of the result is row `order[k]`.
    /// The columns in the order `order` gives (row `k` of the result is row
    /// `order[k]` of these); the ids on a second thread when `threads`.
    pub(crate) fn permuted(self, order: &[u32], threads: bool) -> MemberColumns {
        fn take<T: Copy>(v: Vec<T>, order: &[u32]) -> Vec<T> {
            let out = order.iter().map(|&k| v[k as usize]).collect();
            drop(v);
            out
        }
        let MemberColumns {
            ids: old_ids,
            member_type,
            sex,
            birth,
            ethnicity,
            nationality,
            facts,
            kind_declared,
            kind,
            capital,
            joined,
            left,
            profile,
        } = self;
        let ids = || {
            let mut ids = Arena::default();
            ids.text.reserve(old_ids.text.len());
            ids.off.reserve(order.len());
            for &k in order {
                // Cannot overflow: the same strings, reordered.
                let _ = ids.push(old_ids.get(k as usize));
            }
            ids
        };
        let rest = || MemberColumns {
            ids: Arena::default(),
            member_type: take(member_type, order),
            sex: take(sex, order),
            birth: take(birth, order),
            ethnicity: take(ethnicity, order),
            nationality: take(nationality, order),
            facts: take(facts, order),
            kind_declared: take(kind_declared, order),
            kind: take(kind, order),
            capital: take(capital, order),
            joined: take(joined, order),
            left: take(left, order),
            profile: take(profile, order),
        };
        #[cfg(not(target_arch = "wasm32"))]
        let (ids, mut out) = if threads {
            std::thread::scope(|s| {
                let ids = s.spawn(ids);
                let out = rest();
                (ids.join().expect("reordering ids does not panic"), out)
            })
        } else {
            (ids(), rest())
        };
        #[cfg(target_arch = "wasm32")]
        let (ids, mut out) = {
            let _ = threads;
            (ids(), rest())
        };
        out.ids = ids;
        out
    }

    /// Reserves room for `n` more members with `id_bytes` bytes of ids.
    pub(crate) fn reserve(&mut self, n: usize, id_bytes: usize) {
        self.ids.text.reserve(id_bytes);
        self.ids.off.reserve(n);
        self.member_type.reserve(n);
        self.sex.reserve(n);
        self.birth.reserve(n);
        self.ethnicity.reserve(n);
        self.nationality.reserve(n);
        self.facts.reserve(n);
        self.kind_declared.reserve(n);
        self.kind.reserve(n);
        self.capital.reserve(n);
        self.joined.reserve(n);
        self.left.reserve(n);
        self.profile.reserve(n);
    }

    /// Gives back unused capacity.
    pub(crate) fn shrink_to_fit(&mut self) {
        self.ids.text.shrink_to_fit();
        self.ids.off.shrink_to_fit();
        self.member_type.shrink_to_fit();
        self.sex.shrink_to_fit();
        self.birth.shrink_to_fit();
        self.ethnicity.shrink_to_fit();
        self.nationality.shrink_to_fit();
        self.facts.shrink_to_fit();
        self.kind_declared.shrink_to_fit();
        self.kind.shrink_to_fit();
        self.capital.shrink_to_fit();
        self.joined.shrink_to_fit();
        self.left.shrink_to_fit();
        self.profile.shrink_to_fit();
    }

    /// Bytes of ids held.
    pub(crate) fn id_bytes(&self) -> usize {
        self.ids.text.len()
    }

    /// The id of member `i`.
    pub(crate) fn id(&self, i: usize) -> &str {
        self.ids.get(i)
    }

    fn truncate(&mut self, n: usize) {
        self.ids.truncate(n);
        self.member_type.truncate(n);
        self.sex.truncate(n);
        self.birth.truncate(n);
        self.ethnicity.truncate(n);
        self.nationality.truncate(n);
        self.facts.truncate(n);
        self.kind_declared.truncate(n);
        self.kind.truncate(n);
        self.capital.truncate(n);
        self.joined.truncate(n);
        self.left.truncate(n);
        self.profile.truncate(n);
    }

    fn get(&self, i: usize) -> Member {
        Member {
            id: self.ids.get(i).to_string(),
            ..self.get_without_id(i)
        }
    }

    fn get_without_id(&self, i: usize) -> Member {
        let f = self.facts[i];
        let nat = self.nationality[i];
        Member {
            id: String::new(),
            member_type: code::MEMBER_TYPES[usize::from(self.member_type[i])],
            sex: code::sex_of(self.sex[i]),
            birth_date: from_day(self.birth[i]),
            ethnicity: Ethnicity::from_number(self.ethnicity[i]),
            nationality: std::str::from_utf8(&nat)
                .ok()
                .and_then(Country::parse)
                .unwrap_or_default(),
            investment_certificate: code::tri_of(f >> facts::CERT),
            contributes_capital: code::tri_of(f >> facts::CAPITAL),
            uses_services: code::tri_of(f >> facts::SERVICES),
            contributes_labour: code::tri_of(f >> facts::LABOUR),
            kind: code::kind_of(self.kind_declared[i]),
            capital_vnd: (f & facts::HAS_CAPITAL_VND != 0).then_some(self.capital[i]),
            joined: from_day(self.joined[i]),
            left: from_day(self.left[i]),
        }
    }

    fn bytes(&self) -> usize {
        self.ids.bytes()
            + self.member_type.capacity()
            + self.sex.capacity()
            + self.birth.capacity() * 4
            + self.ethnicity.capacity()
            + self.nationality.capacity() * 2
            + self.facts.capacity() * 2
            + self.kind_declared.capacity()
            + self.kind.capacity()
            + self.capital.capacity() * 8
            + self.joined.capacity() * 4
            + self.left.capacity() * 4
            + self.profile.capacity() * 2
    }
}

/// Holder of a position that is not a member of the list.
pub(crate) const NO_MEMBER: u32 = u32::MAX;

/// One column per position field.
#[derive(Debug, Clone, Default)]
pub(crate) struct PositionColumns {
    /// Position ids (empty when absent, see `has_id`).
    ids: Arena,
    has_id: Vec<bool>,
    pub(crate) role: Vec<u8>,
    /// The holder is a member (by id, in `holder_ids`), else external.
    pub(crate) is_member: Vec<bool>,
    holder_ids: Arena,
    /// Row of the holder in the member columns, or [`NO_MEMBER`].
    pub(crate) holder: Vec<u32>,
    /// Sex of an external holder ([`code::sex`]).
    pub(crate) ext_sex: Vec<u8>,
    ext_ethnicity: Vec<u8>,
    pub(crate) start: Vec<i32>,
    pub(crate) end: Vec<i32>,
}

impl PositionColumns {
    fn len(&self) -> usize {
        self.role.len()
    }

    fn truncate(&mut self, n: usize) {
        self.ids.truncate(n);
        self.has_id.truncate(n);
        self.role.truncate(n);
        self.is_member.truncate(n);
        self.holder_ids.truncate(n);
        self.holder.truncate(n);
        self.ext_sex.truncate(n);
        self.ext_ethnicity.truncate(n);
        self.start.truncate(n);
        self.end.truncate(n);
    }

    /// Held on day `d`.
    #[inline]
    pub(crate) fn is_held_on(&self, i: usize, d: i32) -> bool {
        let s = self.start[i];
        let e = self.end[i];
        (s == NO_DATE || s <= d) && (e == NO_DATE || d < e)
    }

    fn get(&self, i: usize) -> Position {
        Position {
            id: self.has_id[i].then(|| self.ids.get(i).to_string()),
            role: code::ROLES[usize::from(self.role[i])],
            holder: if self.is_member[i] {
                Holder::Member(self.holder_ids.get(i).to_string())
            } else {
                Holder::External {
                    sex: code::sex_of(self.ext_sex[i]),
                    ethnicity: Ethnicity::from_number(self.ext_ethnicity[i]),
                }
            },
            start: from_day(self.start[i]),
            end: from_day(self.end[i]),
        }
    }

    fn bytes(&self) -> usize {
        self.ids.bytes()
            + self.has_id.capacity()
            + self.role.capacity()
            + self.is_member.capacity()
            + self.holder_ids.bytes()
            + self.holder.capacity() * 4
            + self.ext_sex.capacity()
            + self.ext_ethnicity.capacity()
            + self.start.capacity() * 4
            + self.end.capacity() * 4
    }
}

/// Interned strings (province and district codes): code 0 is "absent".
#[derive(Debug, Clone, Default)]
pub(crate) struct Dictionary {
    values: Vec<String>,
    index: HashMap<String, u32>,
}

impl Dictionary {
    fn intern(&mut self, s: Option<&str>) -> u32 {
        let Some(s) = s else { return 0 };
        if let Some(&c) = self.index.get(s) {
            return c;
        }
        self.values.push(s.to_string());
        let c = self.values.len() as u32;
        self.index.insert(s.to_string(), c);
        c
    }

    /// The string of code `c` (`None` for 0).
    pub(crate) fn value(&self, c: u32) -> Option<&str> {
        c.checked_sub(1)
            .and_then(|i| self.values.get(i as usize))
            .map(String::as_str)
    }
}

/// Registries from this many cooperatives are classified and summed on two
/// threads where there are two cores (below it a second thread costs more
/// than it saves).
pub(crate) const PARALLEL_FROM: usize = 20_000;

/// Cooperative-level columns used by the indicator engine.
#[derive(Debug, Clone, Default)]
pub(crate) struct CoopColumns {
    pub(crate) kind: Vec<u8>,
    pub(crate) sector: Vec<u8>,
    pub(crate) province: Vec<u32>,
    pub(crate) district: Vec<u32>,
    pub(crate) commune: Vec<u32>,
    pub(crate) established: Vec<i32>,
    /// The day of dissolution (`NO_DATE` when none): it counts up to the day before.
    pub(crate) dissolved: Vec<i32>,
    /// Members of cooperative `i` are rows `member_off[i]..member_off[i + 1]`.
    pub(crate) member_off: Vec<u32>,
    pub(crate) has_members: Vec<bool>,
    /// Positions of cooperative `i` are rows `position_off[i]..position_off[i + 1]`.
    pub(crate) position_off: Vec<u32>,
    pub(crate) has_positions: Vec<bool>,
}

/// What a remembered per-cooperative result is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MemoKind {
    /// Women-managed under a rule: 0 unknown, 1 no, 2 yes.
    WomenManaged(crate::classify::WomenManagedRule),
    /// Size class with the built-in parameters: 0 not determinable, then
    /// 1 + the class in [`crate::classify::SizeClass`] order.
    SizeClass,
}

/// One remembered result: what, day number, a code per cooperative.
type MemoEntry = (MemoKind, i32, Arc<[u8]>);

/// Classification results per (what, day) for every cooperative, kept for
/// repeated queries at the same date; emptied by every change.
#[derive(Debug, Default)]
pub(crate) struct WomenManagedMemo(std::sync::Mutex<Vec<MemoEntry>>);

impl Clone for WomenManagedMemo {
    fn clone(&self) -> Self {
        WomenManagedMemo::default()
    }
}

/// How many (rule, date) results the memo keeps.
const MEMO_ENTRIES: usize = 8;

/// A set of cooperatives with unique ids, in input order.
#[derive(Debug, Clone)]
pub struct Registry {
    /// Each cooperative without its member and position lists.
    headers: Vec<Cooperative>,
    index: HashMap<String, usize>,
    pub(crate) coops: CoopColumns,
    pub(crate) members: MemberColumns,
    pub(crate) positions: PositionColumns,
    pub(crate) provinces: Dictionary,
    pub(crate) districts: Dictionary,
    pub(crate) communes: Dictionary,
    memo: WomenManagedMemo,
}

impl Default for Registry {
    fn default() -> Self {
        Registry::new()
    }
}

impl Registry {
    /// An empty registry.
    pub fn new() -> Self {
        Registry {
            headers: Vec::new(),
            index: HashMap::new(),
            coops: CoopColumns {
                member_off: vec![0],
                position_off: vec![0],
                ..CoopColumns::default()
            },
            members: MemberColumns::default(),
            positions: PositionColumns::default(),
            provinces: Dictionary::default(),
            districts: Dictionary::default(),
            communes: Dictionary::default(),
            memo: WomenManagedMemo::default(),
        }
    }

    /// Builds a registry; every duplicate id is an error
    /// (`cooperatives[i].id`).
    pub fn from_cooperatives(cooperatives: Vec<Cooperative>) -> Result<Self, Error> {
        let mut r = Registry::new();
        let mut errors = Vec::new();
        for (i, c) in cooperatives.into_iter().enumerate() {
            if let Err(e) = r.push(c) {
                errors.push(InputError::new(
                    format!("cooperatives[{i}].id"),
                    InputErrorCode::DuplicateId,
                    e,
                ));
            }
        }
        match InputErrors::new(errors) {
            Some(e) => Err(Error::Input(e)),
            None => Ok(r),
        }
    }

    /// Adds a cooperative; refuses a duplicate id (the message names the
    /// first record with that id).
    pub fn push(&mut self, mut coop: Cooperative) -> Result<(), String> {
        if let Some(&first) = self.index.get(&coop.id) {
            return Err(format!(
                "duplicate cooperative id, first used by cooperatives[{first}]"
            ));
        }
        if let Ok(mut m) = self.memo.0.lock() {
            m.clear();
        }
        let members = coop.members.take();
        let positions = coop.positions.take();
        let m0 = self.members.len();
        let p0 = self.positions.len();
        if let Err(e) = self.push_lists(members.as_deref(), positions.as_deref()) {
            self.members.truncate(m0);
            self.positions.truncate(p0);
            return Err(e);
        }
        let m_end = self.members.len();
        self.push_header(coop, m_end, members.is_some(), positions.is_some());
        Ok(())
    }

    /// Adds the cooperative-level columns and the header of `coop` (whose
    /// lists are left out), with its members ending at row `m_end`.
    fn push_header(&mut self, mut coop: Cooperative, m_end: usize, has_members: bool, has_positions: bool) {
        coop.members = None;
        coop.positions = None;
        self.push_columns(&coop, m_end, has_members, has_positions);
        self.headers.push(coop);
    }

    /// The cooperative-level columns and the index entry of the next
    /// cooperative (not its header).
    fn push_columns(&mut self, coop: &Cooperative, m_end: usize, has_members: bool, has_positions: bool) {
        let c = &mut self.coops;
        let i = c.kind.len();
        c.kind
            .push(code::COOP_KINDS.iter().position(|&k| k == coop.kind).unwrap_or(0) as u8);
        c.sector
            .push(code::SECTORS.iter().position(|&s| s == coop.sector).unwrap_or(0) as u8);
        c.province.push(self.provinces.intern(coop.province.as_deref()));
        c.district.push(self.districts.intern(coop.district.as_deref()));
        c.commune.push(self.communes.intern(coop.commune.as_deref()));
        c.established.push(opt_day(coop.established));
        c.dissolved.push(opt_day(coop.dissolved));
        c.member_off.push(m_end as u32);
        c.has_members.push(has_members);
        c.position_off.push(self.positions.len() as u32);
        c.has_positions.push(has_positions);
        self.index.insert(coop.id.clone(), i);
    }

    fn push_lists(
        &mut self,
        members: Option<&[Member]>,
        positions: Option<&[Position]>,
    ) -> Result<(), String> {
        let m0 = self.members.len();
        let members = members.unwrap_or(&[]);
        if u32::try_from(m0 + members.len()).is_err() {
            return Err("registry too large: more than 4 billion members".into());
        }
        for m in members {
            self.members.push(m)?;
        }
        let m_end = self.members.len();
        let mc = std::mem::take(&mut self.members);
        let done = self.push_positions(&mc, m0..m_end, positions.unwrap_or(&[]));
        self.members = mc;
        done
    }

    /// Adds the positions of a cooperative whose members are the rows
    /// `members` of the member columns.
    fn push_positions(
        &mut self,
        mc: &MemberColumns,
        members: std::ops::Range<usize>,
        positions: &[Position],
    ) -> Result<(), String> {
        // First row of each member id that holds a post, as
        // `Cooperative::member` finds it: one scan of the members against
        // the few holders.
        let mut first: HashMap<&str, u32> = HashMap::new();
        let holders: Vec<&str> = positions
            .iter()
            .filter_map(|p| match &p.holder {
                Holder::Member(id) => Some(id.as_str()),
                Holder::External { .. } => None,
            })
            .collect();
        if !holders.is_empty() {
            // Length and first eight bytes as one number, so that most ids
            // are told apart from the holders without comparing strings.
            let key = |s: &str| {
                let b = s.as_bytes();
                let mut w = [0u8; 8];
                let n = b.len().min(8);
                w[..n].copy_from_slice(&b[..n]);
                (b.len(), u64::from_le_bytes(w))
            };
            let keys: Vec<(usize, u64)> = holders.iter().map(|h| key(h)).collect();
            for k in members {
                let id = mc.ids.get(k);
                let kid = key(id);
                if keys.iter().zip(&holders).any(|(hk, h)| *hk == kid && *h == id) {
                    first.entry(id).or_insert(k as u32);
                }
            }
        }
        if u32::try_from(self.positions.len() + positions.len()).is_err() {
            return Err("registry too large: more than 4 billion positions".into());
        }
        let pc = &mut self.positions;
        for p in positions {
            pc.ids.push(p.id.as_deref().unwrap_or(""))?;
            pc.has_id.push(p.id.is_some());
            pc.role.push(code::role(p.role));
            match &p.holder {
                Holder::Member(id) => {
                    pc.is_member.push(true);
                    pc.holder_ids.push(id)?;
                    pc.holder
                        .push(first.get(id.as_str()).copied().unwrap_or(NO_MEMBER));
                    pc.ext_sex.push(code::SEX_UNKNOWN);
                    pc.ext_ethnicity.push(0);
                }
                Holder::External { sex, ethnicity } => {
                    pc.is_member.push(false);
                    pc.holder_ids.push("")?;
                    pc.holder.push(NO_MEMBER);
                    pc.ext_sex.push(code::sex(*sex));
                    pc.ext_ethnicity.push(ethnicity.map_or(0, Ethnicity::number));
                }
            }
            pc.start.push(opt_day(p.start));
            pc.end.push(opt_day(p.end));
        }
        Ok(())
    }

    /// How many cooperatives.
    pub fn len(&self) -> usize {
        self.headers.len()
    }

    /// No cooperatives.
    pub fn is_empty(&self) -> bool {
        self.headers.is_empty()
    }

    /// How many member records, over all cooperatives.
    pub fn member_count(&self) -> usize {
        self.members.len()
    }

    /// The `i`-th cooperative.
    pub fn get(&self, i: usize) -> Option<Cooperative> {
        let mut c = self.headers.get(i)?.clone();
        let cc = &self.coops;
        if cc.has_members[i] {
            let r = cc.member_off[i] as usize..cc.member_off[i + 1] as usize;
            c.members = Some(r.map(|k| self.members.get(k)).collect());
        }
        if cc.has_positions[i] {
            let r = cc.position_off[i] as usize..cc.position_off[i + 1] as usize;
            c.positions = Some(r.map(|k| self.positions.get(k)).collect());
        }
        Some(c)
    }

    /// A code per cooperative computed by `f`, remembered under (`kind`,
    /// `as_of`) until the registry changes.
    /// `f` of every cooperative, in order: the two halves on two threads
    /// for a large registry where there are two cores (one thread on
    /// wasm32).
    pub(crate) fn each_cooperative(&self, f: impl Fn(usize) -> u8 + Sync) -> Arc<[u8]> {
        let n = self.len();
        #[cfg(not(target_arch = "wasm32"))]
        if n >= PARALLEL_FROM && std::thread::available_parallelism().is_ok_and(|p| p.get() > 1) {
            let mid = n / 2;
            let (mut lower, upper) = std::thread::scope(|s| {
                let upper = s.spawn(|| (mid..n).map(&f).collect::<Vec<u8>>());
                let lower = (0..mid).map(&f).collect::<Vec<u8>>();
                (
                    lower,
                    upper.join().expect("classifying a cooperative does not panic"),
                )
            });
            lower.extend(upper);
            return lower.into();
        }
        (0..n).map(f).collect()
    }

    pub(crate) fn remembered(
        &self,
        kind: MemoKind,
        as_of: Date,
        f: impl Fn(usize) -> u8 + Sync,
    ) -> Arc<[u8]> {
        let d = day(as_of);
        if let Ok(m) = self.memo.0.lock() {
            if let Some((_, _, v)) = m.iter().find(|(k, dd, _)| *k == kind && *dd == d) {
                return Arc::clone(v);
            }
        }
        let v = self.each_cooperative(f);
        if let Ok(mut m) = self.memo.0.lock() {
            if m.len() >= MEMO_ENTRIES {
                m.remove(0);
            }
            m.push((kind, d, Arc::clone(&v)));
        }
        v
    }

    /// The header (everything but member and position lists) of cooperative `i`.
    pub(crate) fn header(&self, i: usize) -> &Cooperative {
        &self.headers[i]
    }

    /// The position of the cooperative with this id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// Every cooperative, in input order.
    pub fn iter(&self) -> impl Iterator<Item = Cooperative> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }

    /// The cooperatives for which `keep` is true, in input order, as a new
    /// registry (a province's, say).
    ///
    /// ```
    /// use coopkit::{Cooperative, Kind, Registry, Sector};
    /// let mut a = Cooperative::new("A", "A", Kind::Cooperative, Sector::Agriculture);
    /// a.province = Some("51".into());
    /// let b = Cooperative::new("B", "B", Kind::Cooperative, Sector::Agriculture);
    /// let reg = Registry::from_cooperatives(vec![a, b]).unwrap();
    /// let quang_ngai = reg.filter(|c| c.province.as_deref() == Some("51"));
    /// assert_eq!(quang_ngai.iter().map(|c| c.id).collect::<Vec<_>>(), ["A"]);
    /// ```
    pub fn filter(&self, mut keep: impl FnMut(&Cooperative) -> bool) -> Registry {
        let mut out = Registry::new();
        for c in self.iter().filter(|c| keep(c)) {
            // A part of a registry has unique ids and stays within its
            // limits, so push cannot refuse it.
            out.push(c)
                .expect("a part of a registry has unique ids and fits its limits");
        }
        out
    }

    /// This registry, whose location codes are those valid on `from`, put
    /// onto the units valid on `to` (a 2024 registry on 2026 units): see
    /// [`Units::remap`](crate::units::Units::remap). Every code that cannot
    /// be mapped is kept as it was and listed in the result's `unmapped`;
    /// no cooperative is dropped.
    pub fn on_units(
        &self,
        units: &crate::units::Units,
        from: Date,
        to: Date,
    ) -> Result<(Registry, crate::units::Remapped), Error> {
        let mut r = units.remap(self.iter(), from, to);
        let registry = Registry::from_cooperatives(std::mem::take(&mut r.cooperatives))?;
        Ok((registry, r))
    }

    /// Bytes held by the member and position columns (capacity, not length),
    /// for memory measurements.
    pub fn column_bytes(&self) -> usize {
        let c = &self.coops;
        self.members.bytes()
            + self.positions.bytes()
            + c.kind.capacity()
            + c.sector.capacity()
            + (c.province.capacity()
                + c.district.capacity()
                + c.commune.capacity()
                + c.established.capacity()
                + c.dissolved.capacity())
                * 4
            + (c.member_off.capacity() + c.position_off.capacity()) * 4
            + c.has_members.capacity()
            + c.has_positions.capacity()
    }

    /// Reserves room for `cooperatives` more cooperatives and `members` more
    /// members, to load large registries without regrowing columns.
    pub fn reserve(&mut self, cooperatives: usize, members: usize) {
        self.headers.reserve(cooperatives);
        let m = &mut self.members;
        m.member_type.reserve(members);
        m.sex.reserve(members);
        m.birth.reserve(members);
        m.ethnicity.reserve(members);
        m.nationality.reserve(members);
        m.facts.reserve(members);
        m.kind_declared.reserve(members);
        m.kind.reserve(members);
        m.capital.reserve(members);
        m.joined.reserve(members);
        m.left.reserve(members);
        m.profile.reserve(members);
        m.ids.off.reserve(members);
    }
}

/// Builds a registry from member columns a reader has filled first: the
/// cooperatives are then added in order, each taking the next rows of the
/// columns as its member list. The result is the registry that
/// [`Registry::push`] of the same cooperatives gives.
pub(crate) struct RegistryBuilder {
    reg: Registry,
    /// First member row not yet given to a cooperative.
    next: usize,
}

impl RegistryBuilder {
    /// A builder for `cooperatives` cooperatives.
    pub(crate) fn new(cooperatives: usize) -> Self {
        let mut reg = Registry::new();
        reg.index.reserve(cooperatives);
        RegistryBuilder { reg, next: 0 }
    }

    /// Adds cooperative `header` (its lists are not read) with a member list
    /// of the next `members` rows of `cols` (`None`: no list), and
    /// `positions`. Refuses a duplicate id, as [`Registry::push`] does.
    pub(crate) fn push(
        &mut self,
        cols: &MemberColumns,
        header: &Cooperative,
        members: Option<usize>,
        positions: Option<&[Position]>,
    ) -> Result<(), String> {
        let r = &mut self.reg;
        if let Some(&first) = r.index.get(&header.id) {
            return Err(format!(
                "duplicate cooperative id, first used by cooperatives[{first}]"
            ));
        }
        let m0 = self.next;
        let m_end = m0 + members.unwrap_or(0);
        if m_end > cols.len() {
            return Err("more member rows claimed than read".into());
        }
        r.push_positions(cols, m0..m_end, positions.unwrap_or(&[]))?;
        r.push_columns(header, m_end, members.is_some(), positions.is_some());
        self.next = m_end;
        Ok(())
    }

    /// The registry of the member columns `cols` and the cooperatives
    /// `headers` (their lists are dropped), every one of which must have
    /// been added, in order.
    pub(crate) fn finish(
        self,
        cols: MemberColumns,
        mut headers: Vec<Cooperative>,
    ) -> Result<Registry, String> {
        let mut reg = self.reg;
        if self.next != cols.len() || reg.coops.kind.len() != headers.len() {
            return Err("cooperatives or member rows left over".into());
        }
        for h in &mut headers {
            h.members = None;
            h.positions = None;
        }
        reg.members = cols;
        reg.headers = headers;
        Ok(reg)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Kind, Sector};

    /// On a registry large enough for two threads, every cooperative's value
    /// is where one thread would put it.
    #[test]
    fn each_cooperative_keeps_the_order_on_two_threads() {
        let n = PARALLEL_FROM + 7;
        let coops = (0..n)
            .map(|i| Cooperative::new(format!("c{i}"), "n", Kind::Cooperative, Sector::Agriculture))
            .collect();
        let reg = Registry::from_cooperatives(coops).unwrap();
        let f = |i: usize| (i * 7 % 251) as u8;
        let expected: Vec<u8> = (0..n).map(f).collect();
        assert_eq!(&*reg.each_cooperative(f), expected.as_slice());
    }
}

//! Classification of every cooperative of a registry for the engine: whether
//! it is women-managed under a rule, and its size class.
//!
//! The rules are [`crate::classify`]'s, at the level of their values (no
//! reason is written); this module only reads the facts they need from the
//! registry's columns (posts held on the date with their holders' sex, the
//! counts of current and official members), without building a
//! [`crate::Cooperative`] per cooperative. Results are remembered per (rule or size,
//! date) by the registry until it changes.

use crate::classify::{self, ListCounts, Management, Post, SizeFacts, SizeRules, Stake, WomenManagedRule};
use crate::law::Parameters;
use crate::model::{Date, Member};
use crate::registry::{code, day, facts, MemoKind, Registry, NO_DATE, NO_MEMBER};
use std::sync::Arc;

/// The sex code of the holder of position row `k`: the member's, or the
/// non-member's.
pub(super) fn holder_sex(reg: &Registry, k: usize) -> u8 {
    let p = &reg.positions;
    if p.is_member[k] {
        match p.holder[k] {
            NO_MEMBER => code::SEX_UNKNOWN,
            h => reg.members.sex[h as usize],
        }
    } else {
        p.ext_sex[k]
    }
}

/// The posts of cooperative `i` held on day `d`; `None` without a
/// positions list (as [`crate::Cooperative::positions_on`] with
/// [`crate::Cooperative::holder_sex`]).
fn posts(reg: &Registry, i: usize, d: i32) -> Option<impl Iterator<Item = Post> + '_> {
    let cc = &reg.coops;
    cc.has_positions[i].then(|| {
        let p = &reg.positions;
        (cc.position_off[i] as usize..cc.position_off[i + 1] as usize)
            .filter(move |&k| p.is_held_on(k, d))
            .map(move |k| {
                (
                    code::ROLES[usize::from(p.role[k])],
                    code::sex_of(holder_sex(reg, k)),
                )
            })
    })
}

/// The members of cooperative `i` current on day `d`, as the capital test
/// reads them; `None` without a member list.
fn stakes(reg: &Registry, i: usize, d: i32) -> Option<impl Iterator<Item = Stake> + '_> {
    let cc = &reg.coops;
    cc.has_members[i].then(|| {
        let m = &reg.members;
        (cc.member_off[i] as usize..cc.member_off[i + 1] as usize)
            .filter(move |&k| is_current(reg, k, d))
            .map(move |k| {
                let f = m.facts[k];
                (
                    code::MEMBER_TYPES[usize::from(m.member_type[k])],
                    code::sex_of(m.sex[k]),
                    (f & facts::HAS_CAPITAL_VND != 0).then_some(m.capital[k]),
                    code::tri_of(f >> facts::CAPITAL),
                )
            })
    })
}

/// Member row `k` is a member on day `d`.
fn is_current(reg: &Registry, k: usize, d: i32) -> bool {
    let (j, l) = (reg.members.joined[k], reg.members.left[k]);
    (j == NO_DATE || j <= d) && (l == NO_DATE || d < l)
}

/// 0 unknown, 1 no, 2 yes.
fn tri_code(v: Option<bool>) -> u8 {
    match v {
        None => 0,
        Some(false) => 1,
        Some(true) => 2,
    }
}

/// Whether each cooperative is women-managed under `rule` on `as_of` (0
/// unknown, 1 no, 2 yes), as [`classify::women_managed_value`] decides;
/// remembered.
pub(super) fn women_managed_all(reg: &Registry, rule: WomenManagedRule, as_of: Date) -> Arc<[u8]> {
    let d = day(as_of);
    reg.remembered(MemoKind::WomenManaged(rule), as_of, |i| {
        let h = reg.header(i);
        let m = Management {
            posts: posts(reg, i, d),
            summary: h.summary.unwrap_or_default(),
            governance: h.governance,
            declared: h.declared_women_managed,
        };
        match classify::management_value(rule, m) {
            Some(v) => tri_code(v),
            // The rule reads members' capital too.
            None => tri_code(classify::women_owned_value(
                posts(reg, i, d),
                &h.summary.unwrap_or_default(),
                stakes(reg, i, d),
                h.charter_capital_vnd,
            )),
        }
    })
}

/// Counts of the members of cooperative `i` current on day `d`; `None`
/// without a member list.
fn list_counts(reg: &Registry, i: usize, d: i32) -> Option<ListCounts> {
    let cc = &reg.coops;
    if !cc.has_members[i] {
        return None;
    }
    let m = &reg.members;
    let mut counts = ListCounts::default();
    for k in cc.member_off[i] as usize..cc.member_off[i + 1] as usize {
        if !is_current(reg, k, d) {
            continue;
        }
        let f = m.facts[k];
        counts.add(Member::official_by(
            code::kind_of(m.kind_declared[k]),
            code::tri_of(f >> facts::CAPITAL),
            code::tri_of(f >> facts::SERVICES),
            code::tri_of(f >> facts::LABOUR),
        ));
    }
    Some(counts)
}

/// The size class of each cooperative on `as_of` (0 not determinable, then
/// 1 + class), as [`classify::size_class_value`] decides with `params`
/// (the built-in table when `None`); remembered for the built-in table.
pub(super) fn size_class_all(reg: &Registry, params: Option<&Parameters>, as_of: Date) -> Arc<[u8]> {
    let rules = SizeRules::new(params.unwrap_or_else(|| Parameters::builtin()), as_of);
    let d = day(as_of);
    let f = |i: usize| {
        let h = reg.header(i);
        let list = if rules.reads_members() && h.kind == crate::model::Kind::Cooperative {
            list_counts(reg, i, d)
        } else {
            None
        };
        rules
            .value(&SizeFacts::from_counts(h, list))
            .map_or(0, |s| s as u8 + 1)
    };
    match params {
        None => reg.remembered(MemoKind::SizeClass, as_of, f),
        Some(_) => reg.each_cooperative(f),
    }
}

//! Disclosure control for publishing: cell suppression with a minimum cell
//! size.
//!
//! Primary suppression hides every row whose numerator or denominator is a
//! count below `k` (zero included). Shares and ratios built on a hidden count
//! of the same cell are hidden with it ([`IndicatorId::built_on`]).
//! Complementary suppression then makes sure no hidden value can be
//! recovered from one additive relation of the table: a total and its parts
//! (a margin row and the rows it sums over one dimension, or a total row and
//! its categories). In every relation either no cell with data is hidden or
//! at least two are; the extra cell hidden is the smallest published part,
//! else the total. The steps repeat until nothing changes.
//!
//! Identities between indicators of one cell are covered where a count and
//! a sub-count of the same population are both published ([`NESTED`]:
//! `members` and `members_female`, `board_seats` and `board_female`, …):
//! their difference (men, say) is a count too, so when it is below `k` the
//! smaller of the two is hidden as well (and the steps above then protect
//! it in its own relations). A share published with its numerator and
//! denominator gives the same difference, so a share whose
//! `denominator − numerator` is below `k` is hidden as a primary cell.
//!
//! Still not covered: the same number published under two indicators in
//! different cells (`members` in category `female` of a sex disaggregation
//! equals `members_female` in the total row; each is protected in its own
//! relations, not jointly), and relations through the ratio of ratios
//! (`representation_ratio`, which publishes no counts).

use super::ids::IndicatorId;
use super::table::Table;
use crate::law::Message;
use std::collections::HashMap;

/// Pairs (count, sub-count) of the same population in one cell: publishing
/// both publishes their difference.
pub(crate) const NESTED: [(IndicatorId, IndicatorId); 5] = [
    (IndicatorId::Members, IndicatorId::MembersFemale),
    (IndicatorId::Members, IndicatorId::MembersMinority),
    (IndicatorId::BoardSeats, IndicatorId::BoardFemale),
    (IndicatorId::Cooperatives, IndicatorId::CoopsWithMinorityMember),
    (IndicatorId::Cooperatives, IndicatorId::WomenManaged),
];

/// A percentage whose numerator is part of its denominator: the row gives
/// their difference too.
fn is_part_share(id: IndicatorId) -> bool {
    id.unit() == super::ids::Unit::Percent
}

/// Key of a row inside its indicator: group values, then category.
type Coord = Vec<Option<String>>;

fn coord(t: &Table, i: usize) -> Coord {
    let r = &t.rows[i];
    let mut c: Coord = r.group.iter().map(|(_, v)| v.clone()).collect();
    c.push(r.category().map(str::to_string));
    c
}

impl Table {
    /// The additive relations of this table: `(total, parts)` row indices,
    /// where the numerators (and denominators) of the parts add up to the
    /// total's. Relations of one indicator only.
    pub fn additive_relations(&self) -> Vec<(usize, Vec<usize>)> {
        let mut at: HashMap<(IndicatorId, Coord), usize> = HashMap::new();
        let coords: Vec<Coord> = (0..self.rows.len()).map(|i| coord(self, i)).collect();
        for (i, c) in coords.iter().enumerate() {
            at.insert((self.rows[i].indicator, c.clone()), i);
        }
        let mut rel: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
        for (i, c) in coords.iter().enumerate() {
            for j in 0..c.len() {
                if c[j].is_none() {
                    continue;
                }
                let mut up = c.clone();
                up[j] = None;
                if let Some(&t) = at.get(&(self.rows[i].indicator, up)) {
                    rel.entry((t, j)).or_default().push(i);
                }
            }
        }
        let mut v: Vec<(usize, Vec<usize>)> = rel.into_iter().map(|((t, _), parts)| (t, parts)).collect();
        v.sort();
        v
    }

    /// Applies minimum cell size `k` (see the module documentation).
    /// Suppressed rows lose numerator, denominator and value and say why;
    /// nothing else changes.
    pub fn suppress(&mut self, k: u32) {
        let k = u64::from(k);
        let n = self.rows.len();
        // A row without data (no cooperative contributed) is a known zero in
        // its relation, so it takes part like any other cell; only rows with
        // no numerator at all (the ratio of ratios) do not.
        let has_data: Vec<bool> = self
            .rows
            .iter()
            .map(|r| r.indicator != IndicatorId::RepresentationRatio)
            .collect();
        let size: Vec<u64> = self.rows.iter().map(|r| r.numerator.unwrap_or(0)).collect();
        let mut hidden = vec![false; n];
        let mut primary = vec![false; n];
        for (i, r) in self.rows.iter().enumerate() {
            let small = |x: Option<u64>| x.is_some_and(|x| x < k);
            let rest = match (r.numerator, r.denominator) {
                (Some(n), Some(d)) if is_part_share(r.indicator) => d.checked_sub(n),
                _ => None,
            };
            if small(r.numerator) || small(r.denominator) || small(rest) {
                hidden[i] = true;
                primary[i] = true;
            }
        }
        // Rows a share is built on, in the same cell.
        let mut at: HashMap<(IndicatorId, Coord), usize> = HashMap::new();
        for i in 0..n {
            at.insert((self.rows[i].indicator, coord(self, i)), i);
        }
        let deps: Vec<Vec<usize>> = (0..n)
            .map(|i| {
                let c = coord(self, i);
                self.rows[i]
                    .indicator
                    .built_on()
                    .iter()
                    .filter_map(|&b| at.get(&(b, c.clone())).copied())
                    .collect()
            })
            .collect();
        // (count, sub-count, difference) rows of one cell, from [`NESTED`].
        let nested: Vec<(usize, usize, u64)> = (0..n)
            .filter_map(|i| {
                let c = coord(self, i);
                let (total, _) = NESTED.iter().find(|(_, sub)| *sub == self.rows[i].indicator)?;
                let t = *at.get(&(*total, c))?;
                let diff = self.rows[t].numerator?.checked_sub(self.rows[i].numerator?)?;
                Some((t, i, diff))
            })
            .collect();
        let relations = self.additive_relations();
        loop {
            let mut changed = false;
            for i in 0..n {
                if !hidden[i] && deps[i].iter().any(|&j| hidden[j]) {
                    hidden[i] = true;
                    changed = true;
                }
            }
            for &(t, sub, diff) in &nested {
                if diff < k && !hidden[t] && !hidden[sub] {
                    let c = if size[sub] <= size[t] { sub } else { t };
                    hidden[c] = true;
                    changed = true;
                }
            }
            for (total, parts) in &relations {
                let cells = std::iter::once(*total).chain(parts.iter().copied());
                let with_data: Vec<usize> = cells.filter(|&c| has_data[c]).collect();
                if with_data.iter().filter(|&&c| hidden[c]).count() != 1 {
                    continue;
                }
                let pick = parts
                    .iter()
                    .copied()
                    .filter(|&c| has_data[c] && !hidden[c])
                    .min_by_key(|&c| (size[c], c))
                    .or((has_data[*total] && !hidden[*total]).then_some(*total));
                if let Some(c) = pick {
                    hidden[c] = true;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        for (i, r) in self.rows.iter_mut().enumerate() {
            if !hidden[i] {
                continue;
            }
            r.suppressed = true;
            r.numerator = None;
            r.denominator = None;
            r.value = None;
            r.reason = Some(if primary[i] {
                Message::new(
                    format!("suppressed: a count below the minimum cell size {k}"),
                    format!("không công bố: số đếm nhỏ hơn cỡ ô tối thiểu {k}"),
                )
            } else {
                Message::new(
                    "suppressed so that other suppressed cells cannot be derived",
                    "không công bố để không suy ra được các ô đã ẩn khác",
                )
            });
        }
        self.min_cell = Some(k as u32);
    }
}

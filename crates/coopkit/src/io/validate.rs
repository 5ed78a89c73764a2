//! Cross-field checks of one cooperative, the same whichever reader built it.
//!
//! What is checked (each error names its field by path):
//! - ids: the cooperative's and each member's `id` are not empty; member ids
//!   are unique in the cooperative after NFC normalisation (`DuplicateId`);
//! - every position held by a member names a member of the list, when there
//!   is a list (`UnknownReference`); a position with neither `member` nor
//!   `sex`/`ethnicity` is a post whose holder is not known to be a member and
//!   whose sex is unknown, which is valid (rules then say not assessable);
//! - one board chair, one director and one head of the supervisory board at
//!   a time, and one board seat per member at a time (`Inconsistent`, at
//!   the later position);
//! - `ilo_type` and `circular_type`, when both are given, name matching
//!   types (production-serving is producer, consumption-serving consumer,
//!   job-creating worker, mixed multi-stakeholder; `Inconsistent` at
//!   `circular_type`);
//! - `left` is not before `joined`, a position's `end` not before its `start`,
//!   `dissolved` not before `established` (`Inconsistent`; the same day is
//!   allowed: an empty period);
//! - summary counts fit each other: `members_female`, `official_members`,
//!   `members_minority` ≤ `members`; `official_members_female` ≤
//!   `official_members` and ≤ `members_female`; `board_female` ≤
//!   `board_seats`; a female chair needs a woman on the board (`Inconsistent`);
//! - where both a summary and lists are given they agree (`Inconsistent`).
//!   Counts from the member list are of **current** members: those with no
//!   `left` date (the record describes the cooperative at its end; `joined`
//!   dates are not compared with any date). Board counts are of positions
//!   with no `end` date. Where a list leaves a fact unknown (a member's sex,
//!   kind or ethnicity; the sex of a post holder), the list gives a range,
//!   and the summary must fall inside it.
//!
//! A declared member `kind` that the three facts contradict is not an input
//! error: that is the rule `members.kind_consistent`.

use super::decode::{join, nfc};
use crate::error::{InputError, InputErrorCode as Code};
use crate::logic;
use crate::model::{Cooperative, Holder, Member, Position, Role, Sex, Summary};
use crate::registry::day;
use std::borrow::Cow;
use std::collections::HashMap;

/// Names the paths of a cooperative's fields in the format it came from.
pub(crate) trait Locate {
    /// A cooperative-level field: `id`, `name`, ...
    fn field(&self, f: &str) -> String;
    /// A summary field: `summary.members` in JSON, `summary_members` in CSV.
    fn summary(&self, f: &str) -> String;
    /// A field of the `i`-th member.
    fn member(&self, i: usize, f: &str) -> String;
    /// A field of the `i`-th position.
    fn position(&self, i: usize, f: &str) -> String;
}

/// Paths of a JSON record under `prefix` (empty for a lone cooperative).
pub(crate) struct JsonLocate<'a>(pub &'a str);

impl Locate for JsonLocate<'_> {
    fn field(&self, f: &str) -> String {
        join(self.0, f)
    }
    fn summary(&self, f: &str) -> String {
        join(self.0, &format!("summary.{f}"))
    }
    fn member(&self, i: usize, f: &str) -> String {
        join(self.0, &format!("members[{i}].{f}"))
    }
    fn position(&self, i: usize, f: &str) -> String {
        join(self.0, &format!("positions[{i}].{f}"))
    }
}

/// Cross-field checks on a cooperative, with paths relative to the record
/// (`members[17].left`). Returns every problem found; empty when the record
/// is consistent. The readers run the same checks, so a record built in
/// Rust can be checked before it is used or written.
///
/// ```
/// use coopkit::{Cooperative, Kind, Member, MemberType, Sector, Summary};
/// use coopkit::io::validate;
///
/// let mut c = Cooperative::new("htx-1", "HTX Hoa Sen", Kind::Cooperative, Sector::Agriculture);
/// c.members = Some(vec![Member::new("m1", MemberType::Individual), Member::new("m1", MemberType::Household)]);
/// c.summary = Some(Summary { members: Some(3), ..Summary::default() });
/// let errors = validate(&c);
/// assert_eq!(errors[0].path, "members[1].id");
/// assert_eq!(errors[1].path, "summary.members");
/// ```
pub fn validate(coop: &Cooperative) -> Vec<InputError> {
    let mut errors = Vec::new();
    validate_at(coop, &JsonLocate(""), &mut errors);
    errors
}

const EMPTY: &str = "empty string; leave the field out when it is unknown";

/// What the checks read of a member list: a slice of [`Member`] values, or
/// a range of the registry's member columns (the CSV reader's fast path).
pub(crate) trait MemberList {
    /// How many members.
    fn count(&self) -> usize;
    /// The id of member `i`.
    fn id(&self, i: usize) -> &str;
    /// `joined` and `left` of member `i`, as day numbers.
    fn joined_left(&self, i: usize) -> (Option<i32>, Option<i32>);
    /// The sex of member `i`.
    fn sex(&self, i: usize) -> Option<Sex>;
    /// Member `i` is official ([`Member::is_official`]).
    fn is_official(&self, i: usize) -> Option<bool>;
    /// Member `i` is of an ethnic minority ([`Member::is_minority`]).
    fn is_minority(&self, i: usize) -> Option<bool>;
}

impl MemberList for [Member] {
    fn count(&self) -> usize {
        self.len()
    }
    fn id(&self, i: usize) -> &str {
        &self[i].id
    }
    fn joined_left(&self, i: usize) -> (Option<i32>, Option<i32>) {
        let m = &self[i];
        (m.joined.map(day), m.left.map(day))
    }
    fn sex(&self, i: usize) -> Option<Sex> {
        self[i].sex
    }
    fn is_official(&self, i: usize) -> Option<bool> {
        self[i].is_official()
    }
    fn is_minority(&self, i: usize) -> Option<bool> {
        self[i].is_minority()
    }
}

/// The checks, with paths from `loc`.
pub(crate) fn validate_at(coop: &Cooperative, loc: &dyn Locate, errors: &mut Vec<InputError>) {
    validate_parts(
        coop,
        coop.members.as_deref(),
        coop.positions.as_deref(),
        loc,
        errors,
    );
}

/// The checks on a cooperative's scalar fields (`coop`, whose lists are not
/// read) with the given member and position lists.
pub(crate) fn validate_parts<M: MemberList + ?Sized>(
    coop: &Cooperative,
    members: Option<&M>,
    positions: Option<&[Position]>,
    loc: &dyn Locate,
    errors: &mut Vec<InputError>,
) {
    if coop.id.is_empty() {
        errors.push(InputError::new(
            loc.field("id"),
            Code::InvalidValue,
            "the id is empty",
        ));
    }
    if coop.name.is_empty() {
        errors.push(InputError::new(
            loc.field("name"),
            Code::InvalidValue,
            "the name is empty",
        ));
    }
    for (f, v) in [
        ("province", &coop.province),
        ("district", &coop.district),
        ("commune", &coop.commune),
    ] {
        if v.as_deref() == Some("") {
            errors.push(InputError::new(loc.field(f), Code::InvalidValue, EMPTY));
        }
    }

    // Circular 01/2020's types map onto the ILO types (production-serving
    // onto producer, ...); a record that gives both must give a matching pair.
    if let (Some(ilo), Some(circular)) = (coop.ilo_type, coop.circular_type) {
        if circular.ilo_type() != ilo {
            errors.push(InputError::new(
                loc.field("circular_type"),
                Code::Inconsistent,
                format!(
                    "contradicts `ilo_type`: the ILO type of this Circular 01/2020 type is {}",
                    crate::Code::code(circular.ilo_type())
                ),
            ));
        }
    }

    if let (Some(e), Some(d)) = (coop.established, coop.dissolved) {
        if d < e {
            errors.push(InputError::new(
                loc.field("dissolved"),
                Code::Inconsistent,
                "`dissolved` is before `established`",
            ));
        }
    }

    let mut ids: HashMap<Cow<'_, str>, usize> = HashMap::new();
    if let Some(members) = members {
        ids.reserve(members.count());
        for i in 0..members.count() {
            let id = members.id(i);
            if id.is_empty() {
                errors.push(InputError::new(
                    loc.member(i, "id"),
                    Code::InvalidValue,
                    "the id is empty",
                ));
            } else if let Some(&first) = ids.get(&nfc(id)) {
                errors.push(InputError::new(
                    loc.member(i, "id"),
                    Code::DuplicateId,
                    format!("duplicate member id, first used at {}", loc.member(first, "id")),
                ));
            } else {
                ids.insert(nfc(id), i);
            }
            if let (Some(j), Some(l)) = members.joined_left(i) {
                if l < j {
                    errors.push(InputError::new(
                        loc.member(i, "left"),
                        Code::Inconsistent,
                        "`left` is before `joined`",
                    ));
                }
            }
        }
    }

    if let Some(positions) = positions {
        for (i, p) in positions.iter().enumerate() {
            if p.id.as_deref() == Some("") {
                errors.push(InputError::new(loc.position(i, "id"), Code::InvalidValue, EMPTY));
            }
            match &p.holder {
                Holder::Member(id) if id.is_empty() => {
                    errors.push(InputError::new(
                        loc.position(i, "member"),
                        Code::InvalidValue,
                        EMPTY,
                    ));
                }
                Holder::Member(id) => {
                    if members.is_some() && !ids.contains_key(&nfc(id)) {
                        errors.push(InputError::new(
                            loc.position(i, "member"),
                            Code::UnknownReference,
                            "no member with this id in the cooperative's member list",
                        ));
                    }
                }
                Holder::External { .. } => {}
            }
            if let (Some(s), Some(e)) = (p.start, p.end) {
                if e < s {
                    errors.push(InputError::new(
                        loc.position(i, "end"),
                        Code::Inconsistent,
                        "`end` is before `start`",
                    ));
                }
            }
        }
        overlapping_posts(positions, loc, errors);
    }

    if let Some(s) = &coop.summary {
        summary_fits(s, loc, errors);
        summary_agrees(members, positions, s, &ids, loc, errors);
    }
}

/// Posts one person holds at a time (a board has one chair, a cooperative
/// one director and one head of the supervisory board), and one board seat
/// per member: two such positions whose periods overlap are inconsistent,
/// reported at the later one. Periods are `[start, end)`, open where a date
/// is absent. Sorted by start, so a long list costs n log n.
fn overlapping_posts(positions: &[Position], loc: &dyn Locate, errors: &mut Vec<InputError>) {
    let key = |d: Option<crate::model::Date>| d.map_or(i32::MIN, day);
    let end = |d: Option<crate::model::Date>| d.map_or(i32::MAX, day);
    // Groups of positions that must not overlap: (group, index).
    let mut groups: HashMap<(u8, Cow<'_, str>), Vec<usize>> = HashMap::new();
    for (i, p) in positions.iter().enumerate() {
        if matches!(p.role, Role::BoardChair | Role::Director | Role::SupervisoryHead) {
            groups
                .entry((0, Cow::Borrowed(p.role.as_str())))
                .or_default()
                .push(i);
        }
        if let (true, Holder::Member(id)) = (p.role.is_board_seat(), &p.holder) {
            groups.entry((1, nfc(id))).or_default().push(i);
        }
    }
    let mut found: Vec<(usize, usize, u8)> = Vec::new();
    for ((kind, _), mut list) in groups {
        list.sort_by_key(|&i| (key(positions[i].start), i));
        // The position whose period reaches furthest so far.
        let mut reach: Option<usize> = None;
        for i in list {
            if let Some(r) = reach {
                if key(positions[i].start) < end(positions[r].end) {
                    found.push((i, r, kind));
                }
                if end(positions[i].end) > end(positions[r].end) {
                    reach = Some(i);
                }
            } else {
                reach = Some(i);
            }
        }
    }
    found.sort_unstable();
    for (i, first, kind) in found {
        let (field, what) = match kind {
            0 => ("role", "a second holder of this post at the same time"),
            _ => ("member", "this member holds another board seat at the same time"),
        };
        errors.push(InputError::new(
            loc.position(i, field),
            Code::Inconsistent,
            format!("{what}, as {}", loc.position(first, "role")),
        ));
    }
}

fn summary_fits(s: &Summary, loc: &dyn Locate, errors: &mut Vec<InputError>) {
    let pairs = [
        ("members_female", s.members_female, "members", s.members),
        ("official_members", s.official_members, "members", s.members),
        ("members_minority", s.members_minority, "members", s.members),
        (
            "official_members_female",
            s.official_members_female,
            "official_members",
            s.official_members,
        ),
        (
            "official_members_female",
            s.official_members_female,
            "members_female",
            s.members_female,
        ),
        ("board_female", s.board_female, "board_seats", s.board_seats),
    ];
    for (part, p, whole, w) in pairs {
        if let (Some(p), Some(w)) = (p, w) {
            if p > w {
                errors.push(InputError::new(
                    loc.summary(part),
                    Code::Inconsistent,
                    format!("{part} ({p}) is more than {whole} ({w})"),
                ));
            }
        }
    }
    if s.chair_female == Some(true) {
        for (f, v) in [("board_female", s.board_female), ("board_seats", s.board_seats)] {
            if v == Some(0) {
                errors.push(InputError::new(
                    loc.summary("chair_female"),
                    Code::Inconsistent,
                    format!("the chair is a woman but {f} is 0"),
                ));
            }
        }
    }
}

/// What a list says of a count: between `min` and `max`.
#[derive(Default)]
struct Range {
    min: u64,
    max: u64,
}

impl Range {
    fn add(&mut self, fact: Option<bool>) {
        match fact {
            Some(true) => {
                self.min += 1;
                self.max += 1;
            }
            None => self.max += 1,
            Some(false) => {}
        }
    }
}

fn compare(
    field: &str,
    given: Option<u32>,
    list: &Range,
    source: &str,
    loc: &dyn Locate,
    errors: &mut Vec<InputError>,
) {
    let Some(given) = given else { return };
    let g = u64::from(given);
    if g >= list.min && g <= list.max {
        return;
    }
    let counted = if list.min == list.max {
        format!("{}", list.min)
    } else {
        format!("between {} and {} (some facts are unknown)", list.min, list.max)
    };
    errors.push(InputError::new(
        loc.summary(field),
        Code::Inconsistent,
        format!("the summary gives {given} but {source} gives {counted}"),
    ));
}

fn compare_flag(
    field: &str,
    given: Option<bool>,
    holders: &[Option<bool>],
    role: &str,
    loc: &dyn Locate,
    errors: &mut Vec<InputError>,
) {
    let Some(given) = given else { return };
    let can_true = holders.iter().any(|h| *h != Some(false));
    let can_false = holders.is_empty() || holders.iter().any(|h| *h != Some(true));
    let message = match (given, can_true, can_false) {
        (true, false, _) if holders.is_empty() => {
            format!("the summary says true but no current {role} is listed")
        }
        (true, false, _) => format!("the summary says true but the current {role} listed is not a woman"),
        (false, _, false) => format!("the summary says false but the current {role} listed is a woman"),
        _ => return,
    };
    errors.push(InputError::new(loc.summary(field), Code::Inconsistent, message));
}

fn summary_agrees<M: MemberList + ?Sized>(
    members: Option<&M>,
    positions: Option<&[Position]>,
    s: &Summary,
    ids: &HashMap<Cow<'_, str>, usize>,
    loc: &dyn Locate,
    errors: &mut Vec<InputError>,
) {
    if let Some(members) = members {
        let (mut all, mut female, mut official, mut official_female, mut minority) = (
            Range::default(),
            Range::default(),
            Range::default(),
            Range::default(),
            Range::default(),
        );
        for i in (0..members.count()).filter(|&i| members.joined_left(i).1.is_none()) {
            let is_female = members.sex(i).map(|x| x == Sex::Female);
            let is_official = members.is_official(i);
            all.add(Some(true));
            female.add(is_female);
            official.add(is_official);
            official_female.add(logic::and(is_official, is_female));
            minority.add(members.is_minority(i));
        }
        let src = "the member list (members without a `left` date)";
        compare("members", s.members, &all, src, loc, errors);
        compare("members_female", s.members_female, &female, src, loc, errors);
        compare(
            "official_members",
            s.official_members,
            &official,
            src,
            loc,
            errors,
        );
        compare(
            "official_members_female",
            s.official_members_female,
            &official_female,
            src,
            loc,
            errors,
        );
        compare(
            "members_minority",
            s.members_minority,
            &minority,
            src,
            loc,
            errors,
        );
    }
    if let Some(positions) = positions {
        let female_holder = |h: &Holder| -> Option<bool> {
            match h {
                Holder::Member(id) => {
                    let i = *ids.get(&nfc(id))?;
                    let members = members?;
                    if i >= members.count() {
                        return None;
                    }
                    members.sex(i).map(|x| x == Sex::Female)
                }
                Holder::External { sex, .. } => sex.map(|x| x == Sex::Female),
            }
        };
        let current: Vec<_> = positions.iter().filter(|p| p.end.is_none()).collect();
        let (mut seats, mut seats_female) = (Range::default(), Range::default());
        for p in current.iter().filter(|p| p.role.is_board_seat()) {
            seats.add(Some(true));
            seats_female.add(female_holder(&p.holder));
        }
        let src = "the positions (without an `end` date)";
        compare("board_seats", s.board_seats, &seats, src, loc, errors);
        compare("board_female", s.board_female, &seats_female, src, loc, errors);
        let holders = |role: Role| -> Vec<Option<bool>> {
            current
                .iter()
                .filter(|p| p.role == role)
                .map(|p| female_holder(&p.holder))
                .collect()
        };
        compare_flag(
            "chair_female",
            s.chair_female,
            &holders(Role::BoardChair),
            "board_chair",
            loc,
            errors,
        );
        compare_flag(
            "director_female",
            s.director_female,
            &holders(Role::Director),
            "director",
            loc,
            errors,
        );
    }
}

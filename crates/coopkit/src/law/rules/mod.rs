//! The rules of the contract's catalogue, one small module per group
//! (members, capital, union, governance, meeting), run in catalogue order.
//!
//! Every threshold comes from the parameter table ([`Parameters::for_law`]),
//! so a user's overlay table changes the outcome. Each rule is a short
//! function over a `Ctx`: the table, the law, the date, the members current
//! on that date and the positions held on it. Findings are built with
//! `Draft`, which carries the rule id, the law and the citation.

mod capital;
mod governance;
mod meeting;
mod members;
mod text;
mod union;

use super::{
    CheckReport, Comparison, Finding, Law, Message, ParameterUse, Parameters, Status, Subject, Value,
};
use crate::codes::Rule;
use crate::model::{Cooperative, Date, Kind, Member, MemberType, Position};
use crate::params::Parameter;
use std::cell::RefCell;

/// A rule's findings, or the one finding that stopped it early (a missing
/// parameter or missing data).
type Outcome = Result<Vec<Finding>, Box<Finding>>;

/// The function that checks one rule.
type Check = fn(&Ctx) -> Outcome;

/// The catalogue: each rule id with the function that checks it, in
/// catalogue order (that of [`Rule::ALL`], which a test holds it to). A new
/// rule is a [`Rule`] value, a function in its group's module and a row here.
const CATALOGUE: [(Rule, Check); 12] = [
    (Rule::MembersMinimum, members::minimum),
    (Rule::MembersEligibleType, members::eligible_type),
    (Rule::MembersIndividualAge, members::individual_age),
    (Rule::MembersKindConsistent, members::kind_consistent),
    (Rule::CapitalMemberCap, capital::member_cap),
    (Rule::CapitalForeignCap, capital::foreign_cap),
    (Rule::CapitalSumMatchesCharter, capital::sum_matches_charter),
    (Rule::UnionMemberTypes, union::member_types),
    (Rule::GovernanceStructureAllowed, governance::structure_allowed),
    (Rule::GovernanceRequiredPosts, governance::required_posts),
    (Rule::GovernanceBoardSize, governance::board_size),
    (Rule::MeetingDelegatesAllowed, meeting::delegates_allowed),
];

/// Rule ids of the contract (CONTRACT.md §2), in catalogue order: the order
/// of findings in every [`CheckReport`].
pub const RULE_IDS: [&str; 12] = {
    let mut ids = [""; 12];
    let mut i = 0;
    while i < 12 {
        ids[i] = CATALOGUE[i].0.as_str();
        i += 1;
    }
    ids
};

/// Runs every rule of the catalogue on `coop` under `law` on `as_of`.
pub(crate) fn check(params: &Parameters, coop: &Cooperative, law: Law, as_of: Date) -> CheckReport {
    let cx = Ctx::new(params, coop, law, as_of);
    let mut findings = Vec::new();
    let established_on_as_of = coop.established.is_none_or(|e| e <= as_of);
    if let (false, Some(e)) = (established_on_as_of, coop.established) {
        let (who_en, who_vi) = text::the_kind(coop.kind);
        let (e, on) = (crate::text::date(e), crate::text::date(as_of));
        for rule in RULE_IDS {
            findings.push(cx.draft(rule, cx.cite(None)).not_applicable(
                format!(
                    "Not applicable: {who_en} was established on {}, after {}; no rule applies \
                     before it exists.",
                    e.en, on.en
                ),
                format!(
                    "Không áp dụng: {who_vi} được thành lập ngày {}, sau ngày {}; chưa quy định nào \
                     áp dụng trước khi thành lập.",
                    e.vi, on.vi
                ),
            ));
        }
    }
    let dissolved_on_as_of = coop.dissolved.is_some_and(|d| d <= as_of);
    if let (true, true, Some(d)) = (established_on_as_of, dissolved_on_as_of, coop.dissolved) {
        let (who_en, who_vi) = text::the_kind(coop.kind);
        let (d, on) = (crate::text::date(d), crate::text::date(as_of));
        for rule in RULE_IDS {
            findings.push(cx.draft(rule, cx.cite(None)).not_applicable(
                format!(
                    "Not applicable: {who_en} was dissolved on {}, on or before {}; no rule applies \
                     after it ceases to exist.",
                    d.en, on.en
                ),
                format!(
                    "Không áp dụng: {who_vi} đã giải thể ngày {}, không muộn hơn ngày {}; không quy định \
                     nào áp dụng sau khi giải thể.",
                    d.vi, on.vi
                ),
            ));
        }
    }
    let exists = established_on_as_of && !dissolved_on_as_of;
    for (_, rule) in CATALOGUE.iter().filter(|_| exists) {
        cx.read.borrow_mut().clear();
        let mut found = match rule(&cx) {
            Ok(f) => f,
            Err(f) => vec![*f],
        };
        let read: Vec<ParameterUse> = cx.read.borrow().iter().map(|p| ParameterUse::from(*p)).collect();
        for f in &mut found {
            f.parameters = read.clone();
            // A table's own Vietnamese citation for the citation it gives.
            if let Some(vi) = cx
                .read
                .borrow()
                .iter()
                .find(|p| p.citation == f.citation)
                .and_then(|p| p.citation_vi.as_ref())
            {
                f.citation_vi = vi.clone();
            }
        }
        findings.extend(found);
    }
    CheckReport {
        cooperative: coop.id.clone(),
        law,
        as_of,
        law_in_force: law.in_force_on(as_of),
        established_on_as_of,
        dissolved_on_as_of,
        ok: findings.iter().all(|f| f.status != Status::Fail),
        findings,
    }
}

/// What a rule sees.
pub(crate) struct Ctx<'a> {
    params: &'a Parameters,
    coop: &'a Cooperative,
    law: Law,
    as_of: Date,
    /// Members current on `as_of`, with their index in `coop.members`;
    /// `None` when the record has no member list.
    members: Option<Vec<(usize, &'a Member)>>,
    /// Positions held on `as_of`; `None` when the record has no position list.
    positions: Option<Vec<&'a Position>>,
    /// The parameters the running rule has read, for its findings.
    read: RefCell<Vec<&'a Parameter>>,
}

/// Which members a count is about.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Basis {
    /// Every current member.
    All,
    /// Official members (Law 17/2023 Art. 4(16)).
    Official,
    /// Official members that are cooperatives (a union under Law 17/2023).
    OfficialCooperatives,
    /// Members that are cooperatives (a union under Law 23/2012).
    Cooperatives,
}

/// A count in which some members may not be decidable.
struct Tally {
    /// Members that certainly count.
    known: u64,
    /// Field paths of members that might count but whose data is missing.
    unknown: Vec<String>,
}

impl Tally {
    /// `Some(true)` when at least `min` certainly, `Some(false)` when fewer
    /// even if every unknown member counted, `None` otherwise.
    fn at_least(&self, min: u64) -> Option<bool> {
        if self.known >= min {
            Some(true)
        } else if self.known + self.unknown.len() as u64 >= min {
            None
        } else {
            Some(false)
        }
    }
}

impl<'a> Ctx<'a> {
    fn new(params: &'a Parameters, coop: &'a Cooperative, law: Law, as_of: Date) -> Self {
        let members = coop.members.as_ref().map(|ms| {
            ms.iter()
                .enumerate()
                .filter(|(_, m)| m.is_member_on(as_of))
                .collect()
        });
        let positions = coop
            .positions
            .as_ref()
            .map(|ps| ps.iter().filter(|p| p.is_held_on(as_of)).collect());
        Ctx {
            params,
            coop,
            law,
            as_of,
            members,
            positions,
            read: RefCell::new(Vec::new()),
        }
    }

    fn kind(&self) -> Kind {
        self.coop.kind
    }

    /// `"cooperative"`, `"cooperative_group"` or `"union"`: the last part of
    /// parameter ids that differ by kind.
    fn kind_key(&self) -> &'static str {
        self.kind().as_str()
    }

    /// The law's citation with an article, for rules that have no
    /// threshold: `"Law 17/2023/QH15, Art. 56"`.
    fn cite(&self, article: Option<&str>) -> String {
        match article {
            Some(a) => format!("{}, {a}", self.law.title()),
            None => self.law.title().to_owned(),
        }
    }

    /// A finding under construction, citing `citation`.
    fn draft(&self, rule: &'static str, citation: impl Into<String>) -> Draft {
        Draft {
            rule,
            law: self.law,
            citation: citation.into(),
            subject: Subject::Cooperative,
            measured: None,
            required: None,
        }
    }

    /// The parameter `id` of this law; when the table lacks it, the rule
    /// stops with a not-assessable finding that names it.
    fn param(&self, rule: &'static str, id: &str) -> Result<&'a Parameter, Box<Finding>> {
        let found = self.params.for_law(id, self.law, self.as_of);
        if let Some(p) = found {
            let mut read = self.read.borrow_mut();
            if !read.iter().any(|r| r.id == p.id) {
                read.push(p);
            }
        }
        found.ok_or_else(|| {
            Box::new(self.draft(rule, self.cite(None)).not_assessable(
                format!("The parameter table has no value of {id} for {}.", self.law),
                format!("Bảng tham số không có giá trị {id} cho {}.", self.law),
            ))
        })
    }

    /// A threshold of this law and its citation.
    fn threshold(&self, rule: &'static str, id: &str) -> Result<(u64, &'a str), Box<Finding>> {
        self.param(rule, id).map(|p| (p.value, p.citation.as_str()))
    }

    /// The member list, or a not-assessable finding saying it is missing.
    fn members(&self, rule: &'static str, citation: &str) -> Result<&[(usize, &'a Member)], Box<Finding>> {
        self.members.as_deref().ok_or_else(|| {
            Box::new(self.draft(rule, citation).not_assessable(
                "Not assessable: the record has no member list (members); this rule needs member-level data.",
                "Không đánh giá được: hồ sơ không có danh sách thành viên (members); quy tắc này cần dữ liệu \
                    từng thành viên.",
            ))
        })
    }

    /// The positions held on `as_of`, or a not-assessable finding.
    fn positions(&self, rule: &'static str, citation: &str) -> Result<&[&'a Position], Box<Finding>> {
        self.positions.as_deref().ok_or_else(|| {
            Box::new(self.draft(rule, citation).not_assessable(
                "Not assessable: the record has no list of posts (positions).",
                "Không đánh giá được: hồ sơ không có danh sách chức danh (positions).",
            ))
        })
    }

    /// Counts members on `basis`, from the member list or else from the
    /// summary. `Err` names the summary field that would have given it.
    fn count(&self, basis: Basis) -> Result<Tally, &'static str> {
        if let Some(ms) = &self.members {
            let mut t = Tally {
                known: 0,
                unknown: Vec::new(),
            };
            for (i, m) in ms {
                let counts = match basis {
                    Basis::All => Some(true),
                    Basis::Cooperatives => Some(m.member_type == MemberType::Cooperative),
                    Basis::Official => m.is_official(),
                    Basis::OfficialCooperatives => {
                        if m.member_type == MemberType::Cooperative {
                            m.is_official()
                        } else {
                            Some(false)
                        }
                    }
                };
                match counts {
                    Some(true) => t.known += 1,
                    Some(false) => {}
                    None => t.unknown.push(format!("members[{i}].kind")),
                }
            }
            return Ok(t);
        }
        let summary = self.coop.summary.unwrap_or_default();
        let (value, field) = match basis {
            Basis::All | Basis::Cooperatives => (summary.members, "summary.members"),
            Basis::Official | Basis::OfficialCooperatives => {
                (summary.official_members, "summary.official_members")
            }
        };
        value
            .map(|n| Tally {
                known: u64::from(n),
                unknown: Vec::new(),
            })
            .ok_or(field)
    }

    /// A not-applicable finding for the whole record.
    fn not_applicable(&self, rule: &'static str, citation: String, en: String, vi: String) -> Outcome {
        Ok(vec![self.draft(rule, citation).not_applicable(en, vi)])
    }

    /// Not applicable because the reference has no such rule for this kind.
    fn not_for_kind(&self, rule: &'static str) -> Outcome {
        self.not_applicable(
            rule,
            self.cite(None),
            format!(
                "Not applicable: {} has no such rule for a {}.",
                self.law.title(),
                text::kind_en(self.kind())
            ),
            format!(
                "Không áp dụng: {} không có quy định này đối với {}.",
                text::law_vi(self.law),
                text::kind_vi(self.kind())
            ),
        )
    }

    /// For a rule of Law 17/2023 only: the not-applicable finding under Law
    /// 23/2012 or for a cooperative group, `None` where the rule applies.
    /// `one_2012` names, in English and Vietnamese, what Law 23/2012 has only
    /// one of (so nothing to check); without it, that law has no such rule.
    fn only_2023(&self, rule: &'static str, one_2012: Option<(&str, &str)>) -> Option<Outcome> {
        if self.law == Law::Vn2012 {
            let (title, vi) = (self.law.title(), text::law_vi(self.law));
            let (en, vi) = match one_2012 {
                Some((what_en, what_vi)) => (
                    format!("Not applicable: {title} has one {what_en}."),
                    format!("Không áp dụng: {vi} chỉ có một {what_vi}."),
                ),
                None => (
                    format!("Not applicable: {title} has no such rule."),
                    format!("Không áp dụng: {vi} không có quy định này."),
                ),
            };
            return Some(self.not_applicable(rule, self.cite(None), en, vi));
        }
        (self.kind() == Kind::CooperativeGroup).then(|| self.not_for_kind(rule))
    }
}

/// A finding being built: rule, law and citation are set; subject,
/// measured and required values may be added; a status constructor ends it.
pub(crate) struct Draft {
    rule: &'static str,
    law: Law,
    citation: String,
    subject: Subject,
    measured: Option<Value>,
    required: Option<(Comparison, Value)>,
}

impl Draft {
    /// About this subject instead of the cooperative.
    fn subject(mut self, subject: Subject) -> Self {
        self.subject = subject;
        self
    }

    /// About this member.
    fn member(self, m: &Member) -> Self {
        self.subject(Subject::Member(m.id.clone()))
    }

    /// What the data shows.
    fn measured(mut self, v: impl Into<Option<Value>>) -> Self {
        self.measured = v.into();
        self
    }

    /// What the law requires, and how the measured value must stand to it.
    fn required(mut self, comparison: Comparison, v: Value) -> Self {
        self.required = Some((comparison, v));
        self
    }

    fn finish(self, status: Status, en: impl Into<String>, vi: impl Into<String>) -> Finding {
        Finding {
            rule: self.rule,
            law: self.law,
            status,
            citation_vi: crate::text::citation_vi(&self.citation),
            citation: self.citation,
            measured: self.measured,
            comparison: self.required.as_ref().map(|(c, _)| *c),
            required: self.required.map(|(_, v)| v),
            subject: self.subject,
            parameters: Vec::new(),
            message: Message::new(en, vi),
        }
    }

    fn pass(self, en: impl Into<String>, vi: impl Into<String>) -> Finding {
        self.finish(Status::Pass, en, vi)
    }

    fn fail(self, en: impl Into<String>, vi: impl Into<String>) -> Finding {
        self.finish(Status::Fail, en, vi)
    }

    fn not_assessable(self, en: impl Into<String>, vi: impl Into<String>) -> Finding {
        self.finish(Status::NotAssessable, en, vi)
    }

    fn not_applicable(self, en: impl Into<String>, vi: impl Into<String>) -> Finding {
        self.finish(Status::NotApplicable, en, vi)
    }

    /// Pass or fail by `ok`.
    fn verdict(self, ok: bool, en: impl Into<String>, vi: impl Into<String>) -> Finding {
        self.finish(if ok { Status::Pass } else { Status::Fail }, en, vi)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{GeneralMeeting, Governance, Role, Sector, Sex};

    #[test]
    fn the_catalogue_is_in_rule_order() {
        let order: Vec<Rule> = CATALOGUE.iter().map(|(r, _)| *r).collect();
        assert_eq!(order, Rule::ALL.to_vec());
        assert_eq!(RULE_IDS[0], "members.minimum");
        assert_eq!(RULE_IDS[11], "meeting.delegates_allowed");
    }

    /// Parameter ids the code asks for but the built-in table does not
    /// hold, on purpose: thresholds the reference marks unconfirmed, which
    /// only a user's table supplies.
    const UNCONFIRMED: &[&str] = &[
        "size.d113.industry_construction.medium.",
        "size.d113.industry_construction.small.",
        "size.d113.trade_services.",
        "size.c01.medium.capital",
        "size.c01.large.capital",
        // An interpretation, supplied by a user (REFERENCE §4).
        governance::INTERIM_FULL_FROM,
    ];

    /// Every parameter id the rules and the classification ask for, over
    /// every kind, sector, structure and both laws on dates around each
    /// instrument, is in the built-in table or is a known unconfirmed one:
    /// an id misspelt where it is built (`format!`) would fail here.
    #[test]
    fn every_parameter_id_asked_for_exists() {
        let builtin = Parameters::builtin();
        let dates = [
            "2020-06-01",
            "2024-06-30",
            "2024-07-01",
            "2024-10-16",
            "2024-11-01",
            "2026-01-01",
        ];
        for kind in Kind::ALL {
            for sector in Sector::ALL {
                for governance in [Governance::Full, Governance::Simplified] {
                    let mut c = Cooperative::new("c", "n", kind, sector);
                    c.governance = Some(governance);
                    c.general_meeting = Some(GeneralMeeting::Delegates);
                    c.charter_capital_vnd = Some(100);
                    c.annual_revenue_vnd = Some(1);
                    c.total_capital_vnd = Some(1);
                    let member = |i: usize| {
                        let mut m = Member::new(format!("m{i}"), MemberType::Individual);
                        m.sex = Some(Sex::Female);
                        m.contributes_capital = Some(true);
                        m.uses_services = Some(true);
                        m.capital_vnd = Some(10);
                        m.nationality = crate::model::Country::parse("FR").unwrap();
                        m
                    };
                    c.members = Some((0..10).map(member).collect());
                    c.positions = Some(vec![
                        Position::member(Role::BoardChair, "m0"),
                        Position::member(Role::Director, "m1"),
                    ]);
                    for d in dates {
                        let as_of: Date = d.parse().unwrap();
                        for law in [Law::Vn2012, Law::Vn2023] {
                            let _ = builtin.check(&c, crate::law::LawChoice::Law(law), as_of);
                        }
                        let _ = crate::classify::classify(&c, as_of);
                    }
                }
            }
        }
        let asked = crate::params::asked::all();
        assert!(asked.len() > 20, "the recorder saw too few ids: {asked:?}");
        let missing: Vec<&String> = asked
            .iter()
            .filter(|id| !builtin.entries().iter().any(|p| &p.id == *id))
            .filter(|id| !UNCONFIRMED.iter().any(|u| id.starts_with(u)))
            .collect();
        assert!(
            missing.is_empty(),
            "asked for but not in the built-in table: {missing:?}"
        );
    }
}

//! Who may be a member, how many, how old, and of which kind.

use super::{text, Basis, Ctx, Outcome};
use crate::law::{Comparison, Law, Value};
use crate::model::{Country, Kind, Member, MemberKind, MemberType};

/// Minimum members for the kind.
pub(super) const MINIMUM: &str = crate::codes::Rule::MembersMinimum.as_str();
/// Member types the law admits for the kind.
pub(super) const ELIGIBLE_TYPE: &str = crate::codes::Rule::MembersEligibleType.as_str();
/// Individual official and capital members are adults.
pub(super) const INDIVIDUAL_AGE: &str = crate::codes::Rule::MembersIndividualAge.as_str();
/// A declared kind agrees with the three facts.
pub(super) const KIND_CONSISTENT: &str = crate::codes::Rule::MembersKindConsistent.as_str();

/// THT 2; HTX 7 members (2012) or 5 official members (2023); union 4 member
/// cooperatives (2012) or 3 cooperatives as official members (2023).
pub(super) fn minimum(cx: &Ctx) -> Outcome {
    let (min, citation) = cx.threshold(MINIMUM, &format!("members.minimum.{}", cx.kind_key()))?;
    let (basis, noun_en, noun_vi) = match (cx.law, cx.kind()) {
        (_, Kind::CooperativeGroup) | (Law::Vn2012, Kind::Cooperative) => {
            (Basis::All, "members", "thành viên")
        }
        (Law::Vn2012, Kind::Union) => (
            Basis::Cooperatives,
            "member cooperatives",
            "hợp tác xã thành viên",
        ),
        (Law::Vn2023, Kind::Cooperative) => (Basis::Official, "official members", "thành viên chính thức"),
        (Law::Vn2023, Kind::Union) => (
            Basis::OfficialCooperatives,
            "cooperatives as official members",
            "hợp tác xã là thành viên chính thức",
        ),
    };
    let draft = cx
        .draft(MINIMUM, citation)
        .required(Comparison::AtLeast, Value::Count(min));
    let (who_en, who_vi) = text::the_kind(cx.kind());
    let (law_en, law_vi) = (cx.law.title(), text::law_vi(cx.law));
    let least = text::count(min);
    let tally = match cx.count(basis) {
        Ok(t) => t,
        Err(field) => {
            return Ok(vec![draft.not_assessable(
                format!(
                    "Not assessable: the number of {noun_en} is unknown; the record has neither a member \
                        list (members) nor {field}. {law_en} requires at least {}.",
                    least.en
                ),
                format!(
                    "Không đánh giá được: chưa rõ số {noun_vi}; hồ sơ không có danh sách thành viên \
                        (members) cũng không có {field}. {law_vi} yêu cầu tối thiểu {}.",
                    least.vi
                ),
            )])
        }
    };
    let n = tally.known;
    let unknown = tally.unknown.len() as u64;
    let (has, unk, most) = (text::count(n), text::count(unknown), text::count(n + unknown));
    let finding = match tally.at_least(min) {
        Some(ok) if unknown == 0 || ok => {
            let (at_least_en, at_least_vi) = if unknown == 0 {
                ("", "")
            } else {
                ("at least ", "ít nhất ")
            };
            draft.measured(Value::Count(n)).verdict(
                ok,
                format!(
                    "{who_en} has {at_least_en}{} {noun_en}; {law_en} requires at least {}.",
                    has.en, least.en
                ),
                format!(
                    "{who_vi} có {at_least_vi}{} {noun_vi}; {law_vi} yêu cầu tối thiểu {}.",
                    has.vi, least.vi
                ),
            )
        }
        Some(_) => draft.measured(Value::Count(n)).fail(
            format!(
                "{who_en} has {} {noun_en}, at most {} even if all {} members of unknown kind were \
                    official; {law_en} requires at least {}.",
                has.en, most.en, unk.en, least.en
            ),
            format!(
                "{who_vi} có {} {noun_vi}, tối đa {} kể cả khi {} thành viên chưa rõ loại đều là \
                    thành viên chính thức; {law_vi} yêu cầu tối thiểu {}.",
                has.vi, most.vi, unk.vi, least.vi
            ),
        ),
        None => {
            let (f_en, f_vi) = text::fields(&tally.unknown);
            draft.measured(Value::Count(n)).not_assessable(
                format!(
                    "Not assessable: {} has {} {noun_en} for certain, and the kind of {} more \
                        members is unknown ({f_en}: give kind, or contributes_capital, uses_services and \
                        contributes_labour); {law_en} requires at least {}.",
                    who_en.to_lowercase(),
                    has.en,
                    unk.en,
                    least.en
                ),
                format!(
                    "Không đánh giá được: {} chắc chắn có {} {noun_vi}, còn {} thành viên chưa rõ \
                        loại ({f_vi}: cần kind, hoặc contributes_capital, uses_services và \
                        contributes_labour); {law_vi} yêu cầu tối thiểu {}.",
                    text::kind_vi(cx.kind()),
                    has.vi,
                    unk.vi,
                    least.vi
                ),
            )
        }
    };
    Ok(vec![finding])
}

/// Whether one member's type is admitted.
enum Eligibility {
    Yes,
    /// Not admitted: why, in English and Vietnamese.
    No(String, String),
    /// Data missing: which, in English and Vietnamese.
    Unknown(String, String),
}

/// Member types each law admits. A cooperative is admitted to a
/// cooperative as a Vietnamese legal entity.
fn allowed_types(law: Law, kind: Kind) -> &'static [MemberType] {
    use MemberType::*;
    match (law, kind) {
        (Law::Vn2012, Kind::Cooperative) => &[Individual, Household, LegalEntity, Cooperative],
        (Law::Vn2023, Kind::Cooperative) => &[
            Individual,
            Household,
            CooperativeGroup,
            LegalEntity,
            Cooperative,
            ForeignInvestedOrg,
        ],
        (_, Kind::Union) => &[Cooperative],
        (_, Kind::CooperativeGroup) => &[],
    }
}

fn eligibility(cx: &Ctx, index: usize, m: &Member) -> Eligibility {
    let (law_en, law_vi) = (cx.law.title(), text::law_vi(cx.law));
    let (kind_en, kind_vi) = (text::kind_en(cx.kind()), text::kind_vi(cx.kind()));
    if !allowed_types(cx.law, cx.kind()).contains(&m.member_type) {
        return Eligibility::No(
            format!(
                "Member {} is {}, which {law_en} does not admit as a member of a {kind_en}.",
                m.id,
                text::type_en(m.member_type)
            ),
            format!(
                "Thành viên {} là {}, {law_vi} không cho phép làm thành viên {kind_vi}.",
                m.id,
                text::type_vi(m.member_type)
            ),
        );
    }
    let foreign = m.nationality != Country::VN;
    match (m.member_type, cx.kind(), cx.law) {
        (MemberType::Individual, _, Law::Vn2012) if foreign => Eligibility::Unknown(
            format!(
                "Not assessable: member {} is a foreign individual, who {law_en} admits only when legally \
                    resident in Viet Nam; no field records residence.",
                m.id
            ),
            format!(
                "Không đánh giá được: thành viên {} là cá nhân người nước ngoài, {law_vi} chỉ cho phép khi \
                    cư trú hợp pháp tại Việt Nam; dữ liệu không có trường nào ghi nơi cư trú.",
                m.id
            ),
        ),
        (MemberType::Individual, _, Law::Vn2023) if foreign => match m.investment_certificate {
            Some(true) => Eligibility::Yes,
            Some(false) => Eligibility::No(
                format!(
                    "Member {} is a foreign individual without an investment registration certificate; \
                        {law_en}, Art. 30 requires one.",
                    m.id
                ),
                format!(
                    "Thành viên {} là cá nhân người nước ngoài không có Giấy chứng nhận đăng ký đầu tư; Điều \
                        30 {law_vi} yêu cầu phải có.",
                    m.id
                ),
            ),
            None => Eligibility::Unknown(
                format!(
                    "Not assessable: member {} is a foreign individual and \
                        members[{index}].investment_certificate is missing; {law_en}, Art. 30 admits foreign \
                        individuals with an investment registration certificate.",
                    m.id
                ),
                format!(
                    "Không đánh giá được: thành viên {} là cá nhân người nước ngoài và thiếu \
                        members[{index}].investment_certificate; Điều 30 {law_vi} chỉ cho phép nhà đầu tư \
                        nước ngoài có Giấy chứng nhận đăng ký đầu tư.",
                    m.id
                ),
            ),
        },
        (MemberType::LegalEntity | MemberType::Cooperative, Kind::Cooperative, _) if foreign => {
            Eligibility::No(
                format!(
                    "Member {} is {} of nationality {}; {law_en} admits only Vietnamese legal entities.",
                    m.id,
                    text::type_en(m.member_type),
                    m.nationality
                ),
                format!(
                    "Thành viên {} là {} có quốc tịch {}; {law_vi} chỉ cho phép pháp nhân Việt Nam.",
                    m.id,
                    text::type_vi(m.member_type),
                    m.nationality
                ),
            )
        }
        _ => Eligibility::Yes,
    }
}

/// HTX: individuals, households, Vietnamese legal entities (2012), plus
/// cooperative groups and foreign-invested organisations (2023 Art. 30);
/// unions under 2012: cooperatives. Unions under 2023 are checked by
/// `union.member_types`; cooperative groups have no list in the reference.
pub(super) fn eligible_type(cx: &Ctx) -> Outcome {
    let citation = match (cx.law, cx.kind()) {
        (_, Kind::CooperativeGroup) => {
            return cx.not_applicable(
                ELIGIBLE_TYPE,
                cx.cite(None),
                "Not applicable: the reference gives no list of member types for cooperative groups.".into(),
                "Không áp dụng: tài liệu tham chiếu không quy định loại thành viên của tổ hợp tác.".into(),
            )
        }
        (Law::Vn2023, Kind::Union) => return cx.not_applicable(
            ELIGIBLE_TYPE,
            cx.cite(Some("Art. 34")),
            "Not applicable: members of a union under Law 17/2023/QH15 are checked by union.member_types."
                .into(),
            "Không áp dụng: thành viên liên hiệp hợp tác xã theo Luật Hợp tác xã năm 2023 được kiểm tra theo quy \
                tắc union.member_types."
                .into(),
        ),
        (Law::Vn2023, _) => cx.cite(Some("Art. 30")),
        (Law::Vn2012, _) => cx.cite(None),
    };
    let allowed: Vec<String> = allowed_types(cx.law, cx.kind())
        .iter()
        .map(|t| t.as_str().to_owned())
        .collect();
    let members = cx.members(ELIGIBLE_TYPE, &citation)?;
    let mut out = Vec::new();
    let mut present: Vec<String> = Vec::new();
    for &(i, m) in members {
        let draft = cx
            .draft(ELIGIBLE_TYPE, citation.as_str())
            .member(m)
            .measured(Value::Text(m.member_type.as_str().into()))
            .required(Comparison::OneOf, Value::List(allowed.clone()));
        match eligibility(cx, i, m) {
            Eligibility::Yes => present.push(m.member_type.as_str().into()),
            Eligibility::No(en, vi) => out.push(draft.fail(en, vi)),
            Eligibility::Unknown(en, vi) => out.push(draft.not_assessable(en, vi)),
        }
    }
    if out.is_empty() {
        present.sort();
        present.dedup();
        let (who_en, who_vi) = text::the_kind(cx.kind());
        let n = text::count(members.len() as u64);
        // The types by their labels in each language (the codes are in `required`).
        let labels = |lang: crate::text::Lang| {
            allowed
                .iter()
                .map(|c| MemberType::parse(c).map_or(c.as_str(), |t| t.label(lang)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        out.push(
            cx.draft(ELIGIBLE_TYPE, citation.as_str())
                .measured(Value::List(present))
                .required(Comparison::OneOf, Value::List(allowed.clone()))
                .pass(
                    format!(
                        "{who_en}'s {} current members are all of types {} admits ({}).",
                        n.en,
                        cx.law.title(),
                        labels(crate::text::Lang::En)
                    ),
                    format!(
                        "{who_vi} có {} thành viên hiện tại, đều thuộc loại {} cho phép ({}).",
                        n.vi,
                        text::law_vi(cx.law),
                        labels(crate::text::Lang::Vi)
                    ),
                ),
        );
    }
    Ok(out)
}

/// Individual members (2012: all; 2023: official and capital-contributing
/// associates) are at least the minimum age on `as_of`.
pub(super) fn individual_age(cx: &Ctx) -> Outcome {
    if cx.kind() == Kind::CooperativeGroup {
        return cx.not_for_kind(INDIVIDUAL_AGE);
    }
    let (min_age, citation) = cx.threshold(INDIVIDUAL_AGE, "members.minimum_age")?;
    let members = cx.members(INDIVIDUAL_AGE, citation)?;
    let (law_en, law_vi) = (cx.law.title(), text::law_vi(cx.law));
    let as_of = cx.as_of;
    // Ages and dates as each language writes them (the birth date is never shown).
    let (age, on) = (text::count(min_age), text::date(as_of));
    let (age_en, age_vi, on_en, on_vi) = (&age.en, &age.vi, &on.en, &on.vi);
    let mut out = Vec::new();
    let mut adults: u64 = 0;
    for &(i, m) in members
        .iter()
        .filter(|(_, m)| m.member_type == MemberType::Individual)
    {
        let covered = match cx.law {
            Law::Vn2012 => Some(true),
            Law::Vn2023 => m.effective_kind().map(|k| k != MemberKind::AssociateNoncapital),
        };
        if covered == Some(false) {
            continue;
        }
        let adult = m
            .birth_date
            .map(|_| m.age_on(as_of).is_some_and(|a| u64::from(a) >= min_age));
        let draft = cx
            .draft(INDIVIDUAL_AGE, citation)
            .member(m)
            .required(Comparison::AtLeast, Value::Count(min_age));
        let id = &m.id;
        match (adult, covered) {
            (Some(true), _) => adults += 1,
            (Some(false), Some(true)) => out.push(draft.fail(
                format!(
                    "Member {id} is under {age_en} on {on_en}; {law_en} requires individual members to be \
                        at least {age_en}."
                ),
                format!(
                    "Thành viên {id} chưa đủ {age_vi} tuổi vào ngày {on_vi}; {law_vi} yêu cầu thành viên là \
                        cá nhân từ đủ {age_vi} tuổi trở lên."
                ),
            )),
            (Some(false), _) => out.push(draft.not_assessable(
                format!(
                    "Not assessable: member {id} is under {age_en} on {on_en}, which {law_en} forbids for \
                        official and capital-contributing members, but members[{i}].kind is unknown (give \
                        kind, or contributes_capital, uses_services and contributes_labour)."
                ),
                format!(
                    "Không đánh giá được: thành viên {id} chưa đủ {age_vi} tuổi vào ngày {on_vi}, điều mà \
                        {law_vi} không cho phép đối với thành viên chính thức và thành viên liên kết góp \
                        vốn, nhưng chưa rõ members[{i}].kind (cần kind, hoặc contributes_capital, \
                        uses_services và contributes_labour)."
                ),
            )),
            (None, _) => out.push(draft.not_assessable(
                format!(
                    "Not assessable: members[{i}].birth_date is missing, so the age of member {id} on \
                        {on_en} is unknown; {law_en} requires at least {age_en}."
                ),
                format!(
                    "Không đánh giá được: thiếu members[{i}].birth_date nên chưa rõ tuổi của thành viên {id} \
                        vào ngày {on_vi}; {law_vi} yêu cầu từ đủ {age_vi} tuổi."
                ),
            )),
        }
    }
    // The cooperative-level pass has no measured or required value: the
    // findings about members carry the age bound as `required`, and a count
    // of members next to it would be a different quantity.
    if out.is_empty() {
        let adults = text::count(adults);
        let (adults_en, adults_vi) = (&adults.en, &adults.vi);
        out.push(cx.draft(INDIVIDUAL_AGE, citation).pass(
            format!(
                "All {adults_en} individual members concerned are at least {age_en} on {on_en} ({law_en})."
            ),
            format!(
                "Cả {adults_vi} thành viên là cá nhân thuộc diện áp dụng đều từ đủ {age_vi} tuổi trở lên vào \
                    ngày {on_vi} ({law_vi})."
            ),
        ));
    }
    Ok(out)
}

/// The kinds a member's facts allow, filling in unknown facts every way
/// (`None` stands for "no kind at all").
fn possible_kinds(m: &Member) -> Vec<Option<MemberKind>> {
    fn ways(b: Option<bool>) -> &'static [bool] {
        match b {
            Some(true) => &[true],
            Some(false) => &[false],
            None => &[false, true],
        }
    }
    let mut out = Vec::new();
    for &c in ways(m.contributes_capital) {
        for &s in ways(m.uses_services) {
            for &l in ways(m.contributes_labour) {
                let k = MemberKind::from_facts(Some(c), Some(s), Some(l)).ok().flatten();
                if !out.contains(&k) {
                    out.push(k);
                }
            }
        }
    }
    out
}

fn facts(m: &Member) -> (String, String) {
    let w = |b: Option<bool>| match b {
        Some(true) => ("yes", "có"),
        Some(false) => ("no", "không"),
        None => ("unknown", "chưa rõ"),
    };
    let (c, s, l) = (
        w(m.contributes_capital),
        w(m.uses_services),
        w(m.contributes_labour),
    );
    (
        format!(
            "contributes capital: {}, uses services: {}, contributes labour: {}",
            c.0, s.0, l.0
        ),
        format!(
            "góp vốn: {}, sử dụng dịch vụ: {}, góp sức lao động: {}",
            c.1, s.1, l.1
        ),
    )
}

/// Under Law 17/2023 a member's kind follows from three facts (Art.
/// 4(16)–(19)); a declared kind must agree with them, and facts that give no
/// kind at all (no capital, no services, no labour) fail.
pub(super) fn kind_consistent(cx: &Ctx) -> Outcome {
    if let Some(outside) = cx.only_2023(KIND_CONSISTENT, Some(("kind of member", "loại thành viên"))) {
        return outside;
    }
    let citation = cx.cite(Some("Art. 4(16)–(19)"));
    let members = cx.members(KIND_CONSISTENT, &citation)?;
    let mut out = Vec::new();
    let mut unchecked = Vec::new();
    for &(i, m) in members {
        let possible = possible_kinds(m);
        let draft = cx.draft(KIND_CONSISTENT, citation.as_str()).member(m);
        let (facts_en, facts_vi) = facts(m);
        let id = &m.id;
        match m.kind {
            None if possible == [None] => out.push(draft.fail(
                format!(
                    "Member {id} contributes no capital, uses no services and contributes no labour: it is \
                        no kind of member under Law 17/2023/QH15, Art. 4."
                ),
                format!(
                    "Thành viên {id} không góp vốn, không sử dụng dịch vụ và không góp sức lao động: không \
                        thuộc loại thành viên nào theo Điều 4 Luật Hợp tác xã năm 2023."
                ),
            )),
            None => {}
            Some(k) if !possible.contains(&Some(k)) => {
                let (k_en, k_vi) = text::member_kind(k);
                let draft = draft.measured(Value::Text(k.as_str().into()));
                let f = match possible.as_slice() {
                    [Some(d)] => {
                        let (d_en, d_vi) = text::member_kind(*d);
                        draft
                            .required(Comparison::Equal, Value::Text(d.as_str().into()))
                            .fail(
                                format!(
                                    "Member {id} is declared {k_en}, but its facts ({facts_en}) make it \
                                        {d_en}."
                                ),
                                format!(
                                    "Thành viên {id} được khai là {k_vi}, nhưng theo dữ kiện ({facts_vi}) \
                                        thì là {d_vi}."
                                ),
                            )
                    }
                    _ => draft.fail(
                        format!(
                            "Member {id} is declared {k_en}, but its facts ({facts_en}) rule that kind out."
                        ),
                        format!(
                            "Thành viên {id} được khai là {k_vi}, nhưng dữ kiện ({facts_vi}) không phù hợp \
                                với loại này."
                        ),
                    ),
                };
                out.push(f);
            }
            Some(_) if possible.len() > 1 => {
                let fields = [
                    ("contributes_capital", m.contributes_capital),
                    ("uses_services", m.uses_services),
                    ("contributes_labour", m.contributes_labour),
                ];
                unchecked.extend(
                    fields
                        .iter()
                        .filter(|(_, v)| v.is_none())
                        .map(|(f, _)| format!("members[{i}].{f}")),
                );
            }
            Some(_) => {}
        }
    }
    if !unchecked.is_empty() {
        let (f_en, f_vi) = text::fields(&unchecked);
        out.push(cx.draft(KIND_CONSISTENT, citation.as_str()).not_assessable(
            format!(
                "Not assessable: some declared kinds cannot be checked against the three facts because facts \
                    are missing ({f_en})."
            ),
            format!(
                "Không đánh giá được: chưa thể đối chiếu loại thành viên đã khai với ba dữ kiện vì thiếu dữ \
                    liệu ({f_vi})."
            ),
        ));
    }
    if out.is_empty() {
        let draft = cx.draft(KIND_CONSISTENT, citation.as_str());
        out.push(draft.pass(
            "Every member's kind agrees with the three facts (capital, services, labour).",
            "Loại của mọi thành viên đều phù hợp với ba dữ kiện (góp vốn, sử dụng dịch vụ, góp sức lao \
             động).",
        ));
    }
    Ok(out)
}

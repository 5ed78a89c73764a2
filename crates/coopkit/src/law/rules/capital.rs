//! Capital: each member's cap, the cap on foreign-linked capital, and the
//! members' capital adding up to the charter capital.

use super::{text, Ctx, Outcome};
use crate::law::{Comparison, Value};
use crate::model::{Kind, Member, MemberKind};
use crate::num::Ratio;

/// Each member's capital within the cap.
pub(super) const MEMBER_CAP: &str = crate::codes::Rule::CapitalMemberCap.as_str();
/// Foreign-linked capital within the cap (2023).
pub(super) const FOREIGN_CAP: &str = crate::codes::Rule::CapitalForeignCap.as_str();
/// Members' capital adds up to the charter capital.
pub(super) const SUM_MATCHES_CHARTER: &str = crate::codes::Rule::CapitalSumMatchesCharter.as_str();

/// A member's capital: the recorded amount, or zero for a member known to
/// contribute none; `None` when unknown.
fn capital_of(m: &Member) -> Option<u64> {
    m.capital_vnd.or_else(|| {
        (m.contributes_capital == Some(false) || m.kind == Some(MemberKind::AssociateNoncapital)).then_some(0)
    })
}

/// `amount` is within `percent` % of `charter`, exactly.
fn within(amount: u128, percent: u64, charter: u64) -> bool {
    amount * 100 <= u128::from(percent) * u128::from(charter)
}

/// `amount / charter` as an exact share, when it can be held.
fn share(amount: u128, charter: u64) -> Option<Value> {
    u64::try_from(amount)
        .ok()
        .and_then(|a| Ratio::new(a, charter))
        .map(Value::Share)
}

/// The largest amount within `percent` % of `charter`.
fn cap_amount(percent: u64, charter: u64) -> u128 {
    u128::from(percent) * u128::from(charter) / 100
}

/// Each member's capital is at most the cap (HTX 20 % / union 30 % under
/// 2012; 30 % / 40 % under 2023) of the charter capital; exactly at the cap passes.
pub(super) fn member_cap(cx: &Ctx) -> Outcome {
    if cx.kind() == Kind::CooperativeGroup {
        return cx.not_for_kind(MEMBER_CAP);
    }
    let (cap, citation) = cx.threshold(MEMBER_CAP, &format!("capital.member_cap.{}", cx.kind_key()))?;
    let members = cx.members(MEMBER_CAP, citation)?;
    let draft = || {
        cx.draft(MEMBER_CAP, citation)
            .required(Comparison::AtMost, Value::Percent(cap))
    };
    let (law_en, law_vi) = (cx.law.title(), text::law_vi(cx.law));
    let (kind_en, kind_vi) = (text::kind_en(cx.kind()), text::kind_vi(cx.kind()));
    let pc = text::whole_percent(cap);
    let Some(charter) = cx.coop.charter_capital_vnd else {
        return Ok(vec![draft().not_assessable(
            format!(
                "Not assessable: charter_capital_vnd is missing; {law_en} caps each member's capital at {} \
                    of it.",
                pc.en
            ),
            format!(
                "Không đánh giá được: thiếu charter_capital_vnd; {law_vi} giới hạn vốn góp của mỗi thành \
                    viên ở mức {} vốn điều lệ.",
                pc.vi
            ),
        )]);
    };
    if charter == 0 {
        // No share of nothing: a finding would set đồng against a percentage.
        return Ok(vec![draft().not_assessable(
            format!(
                "Not assessable: charter_capital_vnd is 0, so no member's share of it can be measured; \
                    {law_en} caps each member's capital at {} of it.",
                pc.en
            ),
            format!(
                "Không đánh giá được: charter_capital_vnd bằng 0 nên không tính được tỷ lệ vốn góp của \
                    thành viên; {law_vi} giới hạn vốn góp của mỗi thành viên ở mức {} vốn điều lệ.",
                pc.vi
            ),
        )]);
    }
    let (ch, limit) = (text::vnd(charter), text::vnd(cap_amount(cap, charter)));
    let mut out = Vec::new();
    let mut largest: Option<u64> = None;
    for &(i, m) in members {
        let id = &m.id;
        let Some(c) = capital_of(m) else {
            out.push(draft().member(m).not_assessable(
                format!(
                    "Not assessable: members[{i}].capital_vnd is missing, so member {id}'s share of the \
                        charter capital is unknown."
                ),
                format!(
                    "Không đánh giá được: thiếu members[{i}].capital_vnd nên chưa rõ tỷ lệ vốn góp của thành \
                        viên {id} trong vốn điều lệ."
                ),
            ));
            continue;
        };
        if within(c.into(), cap, charter) {
            largest = largest.max(Some(c));
        } else {
            let held = text::vnd(c);
            let en = format!(
                "Member {id} holds {} of a charter capital of {}, over the cap of {} ({}) that {law_en} \
                    sets for a {kind_en}.",
                held.en, ch.en, pc.en, limit.en
            );
            let vi = format!(
                "Thành viên {id} góp {} trên vốn điều lệ {}, vượt mức tối đa {} ({}) mà {law_vi} quy \
                    định cho {kind_vi}.",
                held.vi, ch.vi, pc.vi, limit.vi
            );
            let measured = share(c.into(), charter).unwrap_or(Value::Vnd(c));
            out.push(draft().member(m).measured(measured).fail(en, vi));
        }
    }
    if out.is_empty() {
        let top = largest.unwrap_or(0);
        let t = text::vnd(top);
        out.push(draft().measured(share(top.into(), charter)).pass(
            format!(
                "The largest member's capital is {} of a charter capital of {}, within the cap of {} ({}) \
                    that {law_en} sets for a {kind_en}.",
                t.en, ch.en, pc.en, limit.en
            ),
            format!(
                "Vốn góp lớn nhất của một thành viên là {} trên vốn điều lệ {}, không vượt mức tối đa {} \
                    ({}) mà {law_vi} quy định cho {kind_vi}.",
                t.vi, ch.vi, pc.vi, limit.vi
            ),
        ));
    }
    Ok(out)
}

/// Under Law 17/2023 the capital of foreign investors and foreign-invested
/// organisations together is at most 30 % of the charter capital.
pub(super) fn foreign_cap(cx: &Ctx) -> Outcome {
    if let Some(outside) = cx.only_2023(FOREIGN_CAP, None) {
        return outside;
    }
    let (cap, citation) = cx.threshold(FOREIGN_CAP, "capital.foreign_cap")?;
    let members = cx.members(FOREIGN_CAP, citation)?;
    let draft = cx
        .draft(FOREIGN_CAP, citation)
        .required(Comparison::AtMost, Value::Percent(cap));
    let (law_en, law_vi) = (cx.law.title(), text::law_vi(cx.law));
    let pc = text::whole_percent(cap);
    let foreign: Vec<_> = members.iter().filter(|(_, m)| m.is_foreign_linked()).collect();
    if foreign.is_empty() {
        return Ok(vec![draft.measured(Ratio::new(0, 1).map(Value::Share)).pass(
            format!(
                "No current member is a foreign investor or foreign-invested organisation; {law_en} caps \
                    their capital at {} of the charter capital.",
                pc.en
            ),
            format!(
                "Không có thành viên nào là nhà đầu tư nước ngoài hoặc tổ chức có vốn đầu tư nước ngoài; \
                    {law_vi} giới hạn vốn góp của họ ở mức {} vốn điều lệ.",
                pc.vi
            ),
        )]);
    }
    let mut sum: u128 = 0;
    let mut missing = Vec::new();
    for &&(i, m) in &foreign {
        match capital_of(m) {
            Some(c) => sum += u128::from(c),
            None => missing.push(format!("members[{i}].capital_vnd")),
        }
    }
    if cx.coop.charter_capital_vnd.is_none() {
        missing.insert(0, "charter_capital_vnd".into());
    }
    let n = text::count(foreign.len() as u64);
    match cx.coop.charter_capital_vnd {
        Some(0) => Ok(vec![draft.not_assessable(
            format!(
                "Not assessable: charter_capital_vnd is 0, so the {} foreign-linked members' share of it \
                    cannot be measured; {law_en} caps it at {}.",
                n.en, pc.en
            ),
            format!(
                "Không đánh giá được: charter_capital_vnd bằng 0 nên không tính được tỷ lệ vốn góp của {} \
                    thành viên có yếu tố nước ngoài; {law_vi} giới hạn ở mức {}.",
                n.vi, pc.vi
            ),
        )]),
        Some(charter) if missing.is_empty() => {
            let ok = within(sum, cap, charter);
            let (held, ch, limit) = (
                text::vnd(sum),
                text::vnd(charter),
                text::vnd(cap_amount(cap, charter)),
            );
            Ok(vec![draft.measured(share(sum, charter)).verdict(
                ok,
                format!(
                    "The {} foreign-linked members hold {} of a charter capital of {}; {law_en} allows at \
                        most {} ({}).",
                    n.en, held.en, ch.en, pc.en, limit.en
                ),
                format!(
                    "{} thành viên có yếu tố nước ngoài góp {} trên vốn điều lệ {}; {law_vi} cho phép tối \
                        đa {} ({}).",
                    n.vi, held.vi, ch.vi, pc.vi, limit.vi
                ),
            )])
        }
        _ => {
            let (f_en, f_vi) = text::fields(&missing);
            Ok(vec![draft.not_assessable(
                format!(
                    "Not assessable: {} members are foreign-linked and data is missing ({f_en}); {law_en} \
                        caps their capital at {} of the charter capital.",
                    n.en, pc.en
                ),
                format!(
                    "Không đánh giá được: có {} thành viên có yếu tố nước ngoài nhưng thiếu dữ liệu \
                        ({f_vi}); {law_vi} giới hạn vốn góp của họ ở mức {} vốn điều lệ.",
                    n.vi, pc.vi
                ),
            )])
        }
    }
}

/// The current members' capital adds up to the charter capital.
pub(super) fn sum_matches_charter(cx: &Ctx) -> Outcome {
    if cx.kind() == Kind::CooperativeGroup {
        return cx.not_for_kind(SUM_MATCHES_CHARTER);
    }
    let citation = cx.cite(None);
    let members = cx.members(SUM_MATCHES_CHARTER, &citation)?;
    let draft = cx.draft(SUM_MATCHES_CHARTER, citation.as_str());
    let mut sum: u128 = 0;
    let mut missing = Vec::new();
    if cx.coop.charter_capital_vnd.is_none() {
        missing.push("charter_capital_vnd".to_owned());
    }
    for &(i, m) in members {
        match capital_of(m) {
            Some(c) => sum += u128::from(c),
            None => missing.push(format!("members[{i}].capital_vnd")),
        }
    }
    let charter = match cx.coop.charter_capital_vnd {
        Some(c) if missing.is_empty() => c,
        _ => {
            let (f_en, f_vi) = text::fields(&missing);
            return Ok(vec![draft.not_assessable(
                format!(
                    "Not assessable: data is missing ({f_en}) to add the members' capital up against the \
                        charter capital."
                ),
                format!(
                    "Không đánh giá được: thiếu dữ liệu ({f_vi}) để đối chiếu tổng vốn góp của thành \
                        viên với vốn điều lệ."
                ),
            )]);
        }
    };
    let draft = draft
        .measured(u64::try_from(sum).ok().map(Value::Vnd))
        .required(Comparison::Equal, Value::Vnd(charter));
    let n = text::count(members.len() as u64);
    let charter_w = u128::from(charter);
    let (total, ch) = (text::vnd(sum), text::vnd(charter));
    let finding = if sum == charter_w {
        draft.pass(
            format!(
                "The capital of the {} current members adds up to the charter capital of {}.",
                n.en, total.en
            ),
            format!(
                "Tổng vốn góp của {} thành viên hiện tại bằng vốn điều lệ {}.",
                n.vi, total.vi
            ),
        )
    } else {
        let (diff, less) = if sum < charter_w {
            (charter_w - sum, true)
        } else {
            (sum - charter_w, false)
        };
        let (side_en, side_vi) = if less {
            ("less", "ít hơn")
        } else {
            ("more", "nhiều hơn")
        };
        let diff = text::vnd(diff);
        draft.fail(
            format!(
                "The capital of the {} current members adds up to {}, {} {side_en} than the charter capital \
                    of {}.",
                n.en, total.en, diff.en, ch.en
            ),
            format!(
                "Tổng vốn góp của {} thành viên hiện tại là {}, {side_vi} vốn điều lệ {} là {}.",
                n.vi, total.vi, ch.vi, diff.vi
            ),
        )
    };
    Ok(vec![finding])
}

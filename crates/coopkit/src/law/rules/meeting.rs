//! The general meeting: when it may be held by delegates.

use super::{text, Basis, Ctx, Outcome};
use crate::law::{Comparison, Law, Value};
use crate::model::{GeneralMeeting, Kind};

/// Delegate meeting only from the threshold.
pub(super) const DELEGATES_ALLOWED: &str = crate::codes::Rule::MeetingDelegatesAllowed.as_str();

/// A general meeting of delegates is allowed only from 100 members (2012)
/// or 50 official members (2023, Art. 57).
pub(super) fn delegates_allowed(cx: &Ctx) -> Outcome {
    if cx.kind() == Kind::CooperativeGroup {
        return cx.not_for_kind(DELEGATES_ALLOWED);
    }
    let (min, citation) = cx.threshold(DELEGATES_ALLOWED, "meeting.delegates_from")?;
    let draft = cx
        .draft(DELEGATES_ALLOWED, citation)
        .required(Comparison::AtLeast, Value::Count(min));
    let (law_en, law_vi) = (cx.law.title(), text::law_vi(cx.law));
    let min_text = text::count(min);
    let (min_en, min_vi) = (&min_text.en, &min_text.vi);
    match cx.coop.general_meeting {
        None => {
            return Ok(vec![draft.not_assessable(
                format!(
                    "Not assessable: general_meeting is missing; {law_en} allows a meeting of delegates only \
                        from {min_en} members."
                ),
                format!(
                    "Không đánh giá được: thiếu general_meeting; {law_vi} chỉ cho phép đại hội đại biểu khi \
                        có từ {min_vi} thành viên trở lên."
                ),
            )])
        }
        Some(GeneralMeeting::Plenary) => {
            return Ok(vec![draft.not_applicable(
                "Not applicable: the general meeting is plenary; the rule limits only meetings of delegates.",
                "Không áp dụng: đại hội thành viên là đại hội toàn thể; quy tắc chỉ giới hạn đại hội đại \
                    biểu.",
            )])
        }
        Some(GeneralMeeting::Delegates) => {}
    }
    let (basis, noun_en, noun_vi) = match cx.law {
        Law::Vn2012 => (Basis::All, "members", "thành viên"),
        Law::Vn2023 => (Basis::Official, "official members", "thành viên chính thức"),
    };
    let tally = match cx.count(basis) {
        Ok(t) => t,
        Err(field) => {
            return Ok(vec![draft.not_assessable(
                format!(
                    "Not assessable: the general meeting is held by delegates, but the number of {noun_en} \
                        is unknown (neither members nor {field}); {law_en} allows that from {min_en}."
                ),
                format!(
                    "Không đánh giá được: đại hội được tổ chức theo hình thức đại biểu nhưng chưa rõ số \
                        {noun_vi} (không có members hay {field}); {law_vi} chỉ cho phép khi có từ {min_vi} \
                        trở lên."
                ),
            )])
        }
    };
    let n = tally.known;
    let (n_text, unknown) = (text::count(n), text::count(tally.unknown.len() as u64));
    let (n_en, n_vi, unknown_en, unknown_vi) = (&n_text.en, &n_text.vi, &unknown.en, &unknown.vi);
    let finding = match tally.at_least(min) {
        Some(ok) => draft.measured(Value::Count(n)).verdict(
            ok,
            format!(
                "The general meeting is held by delegates with {n_en} {noun_en}; {law_en} allows that from \
                    {min_en}."
            ),
            format!(
                "Đại hội thành viên được tổ chức theo hình thức đại biểu với {n_vi} {noun_vi}; {law_vi} chỉ \
                    cho phép khi có từ {min_vi} {noun_vi} trở lên."
            ),
        ),
        None => {
            let (f_en, f_vi) = text::fields(&tally.unknown);
            draft.measured(Value::Count(n)).not_assessable(
                format!(
                    "Not assessable: the general meeting is held by delegates with {n_en} {noun_en} for \
                        certain and {unknown_en} members of unknown kind ({f_en}); {law_en} allows that from \
                        {min_en}."
                ),
                format!(
                    "Không đánh giá được: đại hội được tổ chức theo hình thức đại biểu, chắc chắn có {n_vi} \
                        {noun_vi} và {unknown_vi} thành viên chưa rõ loại ({f_vi}); {law_vi} chỉ cho phép \
                        khi có từ {min_vi} trở lên."
                ),
            )
        }
    };
    Ok(vec![finding])
}

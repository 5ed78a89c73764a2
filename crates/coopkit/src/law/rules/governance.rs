//! Management structure: which structure is allowed, the posts it needs, and
//! the size of the board.

use super::{text, Basis, Ctx, Outcome};
use crate::classify::{law_2023_classes_in_force, size_class, SizeClass};
use crate::law::{Comparison, Finding, Law, Value};
use crate::model::{Governance, Kind, Role};

/// Simplified structure only where allowed (2023 Art. 56).
pub(super) const STRUCTURE_ALLOWED: &str = crate::codes::Rule::GovernanceStructureAllowed.as_str();
/// The posts each structure needs.
pub(super) const REQUIRED_POSTS: &str = crate::codes::Rule::GovernanceRequiredPosts.as_str();
/// Board of 3–15 (2023).
pub(super) const BOARD_SIZE: &str = crate::codes::Rule::GovernanceBoardSize.as_str();

fn missing_governance(law_en: &str, law_vi: &str) -> (String, String) {
    (
        format!("Not assessable: governance is missing (full or simplified structure, {law_en})."),
        format!("Không đánh giá được: thiếu governance (tổ chức quản trị đầy đủ hay rút gọn, {law_vi})."),
    )
}

/// Under Law 17/2023 Art. 56 the full structure is always allowed; the
/// simplified one only for micro cooperatives and unions below the threshold.
pub(super) fn structure_allowed(cx: &Ctx) -> Outcome {
    let one_structure = ("management structure", "mô hình tổ chức quản trị");
    if let Some(outside) = cx.only_2023(STRUCTURE_ALLOWED, Some(one_structure)) {
        return outside;
    }
    let (law_en, law_vi) = (cx.law.title(), text::law_vi(cx.law));
    let citation = cx.cite(Some("Art. 56"));
    let draft = cx.draft(STRUCTURE_ALLOWED, citation.as_str());
    let finding = match (cx.coop.governance, cx.kind()) {
        (None, _) => {
            let (en, vi) = missing_governance(law_en, law_vi);
            draft.not_assessable(en, vi)
        }
        (Some(Governance::Full), _) => draft.measured(Value::Text("full".into())).pass(
            format!("The full structure is allowed for every cooperative and union ({law_en}, Art. 56)."),
            format!(
                "Tổ chức quản trị đầy đủ được áp dụng cho mọi hợp tác xã, liên hiệp hợp tác xã (Điều 56 \
                    {law_vi})."
            ),
        ),
        (Some(Governance::Simplified), Kind::Union) => {
            let (limit, citation) =
                cx.threshold(STRUCTURE_ALLOWED, "governance.full_structure_min_members.union")?;
            let l = text::count(limit);
            below(cx, citation, limit, |n| {
                match n {
                Ok(n) => (
                    format!(
                        "The union has {} members and uses the simplified structure; {law_en}, Art. 56 allows \
                         that only below {} members.",
                        n.en, l.en
                    ),
                    format!(
                        "Liên hiệp hợp tác xã có {} thành viên và áp dụng tổ chức quản trị rút gọn; Điều 56 \
                         {law_vi} chỉ cho phép khi có dưới {} thành viên.",
                        n.vi, l.vi
                    ),
                ),
                Err(field) => (
                    format!(
                        "Not assessable: the union uses the simplified structure but its number of members is \
                         unknown (neither members nor {field}); {law_en}, Art. 56 allows that only below {} \
                         members.",
                        l.en
                    ),
                    format!(
                        "Không đánh giá được: liên hiệp hợp tác xã áp dụng tổ chức quản trị rút gọn nhưng chưa \
                         rõ số thành viên (không có members hay {field}); Điều 56 {law_vi} chỉ cho phép khi có \
                         dưới {} thành viên.",
                        l.vi
                    ),
                ),
            }
            })
        }
        (Some(Governance::Simplified), _) if !law_2023_classes_in_force(cx.params, cx.as_of) => {
            return interim_structure(cx, draft);
        }
        (Some(Governance::Simplified), _) => {
            let size = size_class(cx.params, cx.coop, cx.as_of);
            let draft = draft.required(
                Comparison::OneOf,
                Value::List(vec![SizeClass::Micro.as_str().into()]),
            );
            match size.class {
                Some(class) => draft.measured(Value::Text(class.as_str().into())).verdict(
                    class == SizeClass::Micro,
                    format!(
                        "The cooperative is of size class {} and uses the simplified structure; {law_en}, \
                            Art. 56 allows that only for micro cooperatives.",
                        class.as_str()
                    ),
                    format!(
                        "Hợp tác xã thuộc quy mô {} và áp dụng tổ chức quản trị rút gọn; Điều 56 {law_vi} chỉ cho \
                            phép đối với hợp tác xã quy mô siêu nhỏ.",
                        class.label(crate::text::Lang::Vi)
                    ),
                ),
                None => draft.not_assessable(
                    format!(
                        "Not assessable: the cooperative uses the simplified structure, allowed only for \
                            micro cooperatives ({law_en}, Art. 56); {}",
                        size.reason.en
                    ),
                    format!(
                        "Không đánh giá được: hợp tác xã áp dụng tổ chức quản trị rút gọn, chỉ được phép với hợp tác \
                            xã quy mô siêu nhỏ (Điều 56 {law_vi}); {}",
                        size.reason.vi
                    ),
                ),
            }
        }
    };
    Ok(vec![finding])
}

/// The simplified structure allowed only below `limit` members (all
/// members counted): the finding, its message from `say` given the count
/// as text, or the field whose absence leaves the count unknown.
fn below(
    cx: &Ctx,
    citation: &str,
    limit: u64,
    say: impl Fn(Result<&crate::text::Message, &str>) -> (String, String),
) -> Finding {
    let draft = cx.draft(STRUCTURE_ALLOWED, citation).required(
        Comparison::Within,
        Value::Range {
            min: 0,
            max: limit.saturating_sub(1),
        },
    );
    match cx.count(Basis::All) {
        Ok(t) => {
            let (en, vi) = say(Ok(&text::count(t.known)));
            draft
                .measured(Value::Count(t.known))
                .verdict(t.known < limit, en, vi)
        }
        Err(field) => {
            let (en, vi) = say(Err(field));
            draft.not_assessable(en, vi)
        }
    }
}

/// The user's interpretation of Art. 56 for the dates between Law 17/2023
/// and Decree 113/2024: the full structure from this many members (all
/// members, as Circular 01/2020/TT-BKHĐT counts them). Never built in.
pub(super) const INTERIM_FULL_FROM: &str = "governance.full_structure_min_members.cooperative";

/// A cooperative with the simplified structure on a date when Law 17/2023
/// is in force but its size classes (Art. 16) have no thresholds yet (1 Jul
/// to 31 Oct 2024, before Decree 113/2024/NĐ-CP): not assessable, unless the
/// user's parameter table supplies [`INTERIM_FULL_FROM`], which is then
/// applied and shown on the finding with its confirmation status.
fn interim_structure(cx: &Ctx, draft: super::Draft) -> Outcome {
    let (law_en, law_vi) = (cx.law.title(), text::law_vi(cx.law));
    let on = crate::text::date(cx.as_of);
    // Read as every parameter is (recorded on the finding, with its
    // confirmation status); its absence gets this rule's own message.
    let Ok(p) = cx.param(STRUCTURE_ALLOWED, INTERIM_FULL_FROM) else {
        return Ok(vec![draft.not_assessable(
            format!(
                "Not assessable on {}: {law_en}, Art. 56 allows the simplified structure only for micro \
                 cooperatives, classed by the law's own size classes (Art. 16: official members and revenue \
                 or capital), which have no thresholds before Decree 113/2024/NĐ-CP (in force 1 Nov 2024). \
                 Circular 01/2020/TT-BKHĐT counts all members, so using it here would be an interpretation, \
                 not the law; a user who adopts one supplies it as the parameter {INTERIM_FULL_FROM}.",
                on.en
            ),
            format!(
                "Không đánh giá được vào ngày {}: Điều 56 {law_vi} chỉ cho phép tổ chức quản trị rút gọn với \
                 hợp tác xã quy mô siêu nhỏ, theo cách phân loại quy mô của chính Luật (Điều 16: số thành \
                 viên chính thức và doanh thu hoặc tổng nguồn vốn), nhưng trước Nghị định số \
                 113/2024/NĐ-CP (có hiệu lực từ ngày 01/11/2024) chưa có ngưỡng nào. Thông tư số \
                 01/2020/TT-BKHĐT tính toàn bộ thành viên, nên áp dụng Thông tư này là một cách hiểu, không \
                 phải quy định của Luật; người dùng chọn cách hiểu nào thì khai báo bằng tham số \
                 {INTERIM_FULL_FROM}.",
                on.vi
            ),
        )]);
    };
    let (limit, citation) = (p.value, p.citation.as_str());
    let status = if p.confirmed {
        ("", "")
    } else {
        (", not confirmed", ", chưa được xác nhận")
    };
    let l = text::count(limit);
    let finding = below(cx, citation, limit, |n| {
        match n {
        Ok(n) => (
            format!(
                "The cooperative has {} members and uses the simplified structure; by the interpretation \
                 supplied as parameter {INTERIM_FULL_FROM}{}, {law_en}, Art. 56 allows that only below {} \
                 members on {}.",
                n.en, status.0, l.en, on.en
            ),
            format!(
                "Hợp tác xã có {} thành viên và áp dụng tổ chức quản trị rút gọn; theo cách hiểu khai báo bằng \
                 tham số {INTERIM_FULL_FROM}{}, Điều 56 {law_vi} chỉ cho phép khi có dưới {} thành viên vào \
                 ngày {}.",
                n.vi, status.1, l.vi, on.vi
            ),
        ),
        Err(field) => (
            format!(
                "Not assessable: the cooperative uses the simplified structure, which the interpretation \
                 supplied as parameter {INTERIM_FULL_FROM}{} allows only below {} members, and its number of \
                 members is unknown (neither members nor {field}).",
                status.0, l.en
            ),
            format!(
                "Không đánh giá được: hợp tác xã áp dụng tổ chức quản trị rút gọn, mà theo cách hiểu khai báo \
                 bằng tham số {INTERIM_FULL_FROM}{} chỉ được phép khi có dưới {} thành viên, và chưa rõ số \
                 thành viên (không có members hay {field}).",
                status.1, l.vi
            ),
        ),
    }
    });
    Ok(vec![finding])
}

/// The posts a structure needs: each need is met by any one of its roles
/// (the first is the usual one), with the citation and a description of the
/// basis for messages.
struct Needs {
    roles: Vec<&'static [Role]>,
    citation: String,
    basis_en: String,
    basis_vi: String,
}

/// Law 17/2023 Art. 56: the posts of the declared structure.
fn needs_2023(cx: &Ctx) -> Result<Needs, Box<Finding>> {
    let (law_en, law_vi) = (cx.law.title(), text::law_vi(cx.law));
    let citation = cx.cite(Some("Art. 56"));
    let (roles, en, vi): (Vec<&'static [Role]>, _, _) = match cx.coop.governance {
        None => {
            let (en, vi) = missing_governance(law_en, law_vi);
            return Err(Box::new(
                cx.draft(REQUIRED_POSTS, citation).not_assessable(en, vi),
            ));
        }
        Some(Governance::Full) => (
            vec![&[Role::BoardChair], &[Role::Director], &[Role::SupervisoryHead]],
            "the full structure",
            "tổ chức quản trị đầy đủ",
        ),
        Some(Governance::Simplified) => (
            vec![&[Role::Director], &[Role::Controller]],
            "the simplified structure",
            "tổ chức quản trị rút gọn",
        ),
    };
    Ok(Needs {
        roles,
        citation,
        basis_en: format!("{en} ({law_en}, Art. 56)"),
        basis_vi: format!("{vi} (Điều 56 {law_vi})"),
    })
}

/// Law 23/2012: board chair, director, and a control board from the
/// threshold; below it a controller or a control board.
fn needs_2012(cx: &Ctx) -> Result<Needs, Box<Finding>> {
    let (law_en, law_vi) = (cx.law.title(), text::law_vi(cx.law));
    let id = format!("governance.control_board_from.{}", cx.kind_key());
    let (from, citation) = cx.threshold(REQUIRED_POSTS, &id)?;
    let from_text = text::count(from);
    let (from_en, from_vi) = (&from_text.en, &from_text.vi);
    let has_board = cx
        .positions
        .iter()
        .flatten()
        .any(|p| p.role == Role::SupervisoryHead);
    let control: &'static [Role] = match cx.count(Basis::All).map(|t| t.known >= from) {
        Ok(true) => &[Role::SupervisoryHead],
        Ok(false) => &[Role::Controller, Role::SupervisoryHead],
        // A control board meets the need whatever the count.
        Err(_) if has_board => &[Role::SupervisoryHead],
        Err(field) => {
            return Err(Box::new(cx.draft(REQUIRED_POSTS, citation).not_assessable(
                format!(
                    "Not assessable: there is no control board (supervisory_head), which {law_en} requires \
                     from {from_en} members, and the number of members is unknown (neither members nor \
                     {field})."
                ),
                format!(
                    "Không đánh giá được: không có Ban kiểm soát (supervisory_head), bắt buộc theo {law_vi} \
                     khi có từ {from_vi} thành viên, và chưa rõ số thành viên (không có members hay {field})."
                ),
            )));
        }
    };
    let (b_en, b_vi) = if control.len() == 1 {
        (
            format!("a control board from {from_en} members"),
            format!("Ban kiểm soát khi có từ {from_vi} thành viên"),
        )
    } else {
        (
            format!("a controller or a control board below {from_en} members"),
            format!("Kiểm soát viên hoặc Ban kiểm soát khi có dưới {from_vi} thành viên"),
        )
    };
    Ok(Needs {
        roles: vec![&[Role::BoardChair], &[Role::Director], control],
        citation: citation.to_owned(),
        basis_en: format!("{law_en} ({b_en})"),
        basis_vi: format!("{law_vi} ({b_vi})"),
    })
}

/// Full structure (2023): board chair, director, head of the supervisory
/// board; simplified: director and controller. Law 23/2012: board chair,
/// director, and a control board from the threshold (a controller or a
/// control board below it).
pub(super) fn required_posts(cx: &Ctx) -> Outcome {
    if cx.kind() == Kind::CooperativeGroup {
        return cx.not_for_kind(REQUIRED_POSTS);
    }
    let Needs {
        roles: needs,
        citation,
        basis_en,
        basis_vi,
    } = match cx.law {
        Law::Vn2023 => needs_2023(cx)?,
        Law::Vn2012 => needs_2012(cx)?,
    };
    let positions = cx.positions(REQUIRED_POSTS, &citation)?;
    let mut present = Vec::new();
    let mut missing = Vec::new();
    for need in &needs {
        match need.iter().find(|r| positions.iter().any(|p| p.role == **r)) {
            Some(r) => present.push(*r),
            None => missing.push(need[0]),
        }
    }
    let codes = |rs: &[Role]| rs.iter().map(|r| r.as_str().to_owned()).collect::<Vec<_>>();
    let names = |rs: &[Role]| {
        let en: Vec<_> = rs.iter().map(|r| r.label(crate::text::Lang::En)).collect();
        let vi: Vec<_> = rs.iter().map(|r| r.label(crate::text::Lang::Vi)).collect();
        (text::join_and(&en, "and"), text::join_and(&vi, "và"))
    };
    let required: Vec<Role> = needs.iter().map(|n| n[0]).collect();
    let (req_en, req_vi) = names(&required);
    let draft = cx
        .draft(REQUIRED_POSTS, citation.as_str())
        .measured(Value::List(codes(&present)))
        .required(Comparison::AllOf, Value::List(codes(&required)));
    let finding = if missing.is_empty() {
        let (has_en, has_vi) = names(&present);
        draft.pass(
            format!("All posts required by {basis_en} are filled: {has_en}."),
            format!("Đã có đủ các chức danh theo {basis_vi}: {has_vi}."),
        )
    } else {
        let (miss_en, miss_vi) = names(&missing);
        draft.fail(
            format!("Missing posts: {miss_en}; {basis_en} requires {req_en}."),
            format!("Thiếu chức danh: {miss_vi}; {basis_vi} yêu cầu có {req_vi}."),
        )
    };
    Ok(vec![finding])
}

/// Under Law 17/2023 the board (HĐQT) of the full structure has 3 to 15
/// seats (Art. 65): chair plus board members.
pub(super) fn board_size(cx: &Ctx) -> Outcome {
    if let Some(outside) = cx.only_2023(BOARD_SIZE, None) {
        return outside;
    }
    let (min, citation) = cx.threshold(BOARD_SIZE, "governance.board_size.min")?;
    let (max, _) = cx.threshold(BOARD_SIZE, "governance.board_size.max")?;
    let (law_en, law_vi) = (cx.law.title(), text::law_vi(cx.law));
    let draft = cx
        .draft(BOARD_SIZE, citation)
        .required(Comparison::Within, Value::Range { min, max });
    let (min_text, max_text) = (text::count(min), text::count(max));
    let (min_en, min_vi, max_en, max_vi) = (&min_text.en, &min_text.vi, &max_text.en, &max_text.vi);
    let finding = match cx.coop.governance {
        None => {
            let (en, vi) = missing_governance(law_en, law_vi);
            draft.not_assessable(en, vi)
        }
        Some(Governance::Simplified) => draft.not_applicable(
            "Not applicable: the simplified structure has no board.",
            "Không áp dụng: tổ chức quản trị rút gọn không có Hội đồng quản trị.",
        ),
        Some(Governance::Full) => {
            let seats = match &cx.positions {
                Some(ps) => Some(ps.iter().filter(|p| p.role.is_board_seat()).count() as u64),
                None => cx.coop.summary.and_then(|s| s.board_seats).map(u64::from),
            };
            match seats {
                Some(n) => {
                    let n_text = text::count(n);
                    let (n_en, n_vi) = (&n_text.en, &n_text.vi);
                    draft.measured(Value::Count(n)).verdict(
                        (min..=max).contains(&n),
                        format!("The board has {n_en} seats; {law_en} requires {min_en} to {max_en}."),
                        format!(
                            "Hội đồng quản trị có {n_vi} thành viên; {law_vi} quy định từ {min_vi} đến \
                                {max_vi} thành viên."
                        ),
                    )
                }
                None => draft.not_assessable(
                    format!(
                        "Not assessable: the number of board seats is unknown (neither positions nor \
                            summary.board_seats); {law_en} requires {min_en} to {max_en}."
                    ),
                    format!(
                        "Không đánh giá được: chưa rõ số thành viên Hội đồng quản trị (không có positions \
                            hay summary.board_seats); {law_vi} quy định từ {min_vi} đến {max_vi} thành viên."
                    ),
                ),
            }
        }
    };
    Ok(vec![finding])
}

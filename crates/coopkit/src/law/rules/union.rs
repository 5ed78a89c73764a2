//! Members of a union of cooperatives (Law 17/2023/QH15, Art. 34).

use super::{text, Ctx, Outcome};
use crate::law::{Comparison, Law, Value};
use crate::model::{Country, Kind, MemberKind, MemberType};

/// Union members' types (2023 Art. 34).
pub(super) const MEMBER_TYPES: &str = crate::codes::Rule::UnionMemberTypes.as_str();

/// Official members of a union are cooperatives; associate members are
/// Vietnamese legal entities (a legal entity or a cooperative of Viet Nam).
pub(super) fn member_types(cx: &Ctx) -> Outcome {
    if cx.kind() != Kind::Union {
        return cx.not_applicable(
            MEMBER_TYPES,
            cx.cite(None),
            format!(
                "Not applicable: the rule is for unions of cooperatives, not a {}.",
                text::kind_en(cx.kind())
            ),
            format!(
                "Không áp dụng: quy tắc này dành cho liên hiệp hợp tác xã, không áp dụng cho {}.",
                text::kind_vi(cx.kind())
            ),
        );
    }
    if cx.law == Law::Vn2012 {
        return cx.not_applicable(
            MEMBER_TYPES,
            cx.cite(None),
            "Not applicable: under Law 23/2012/QH13 a union's members are checked by members.eligible_type."
                .into(),
            "Không áp dụng: theo Luật Hợp tác xã năm 2012, thành viên liên hiệp hợp tác xã được kiểm tra theo \
                quy tắc members.eligible_type."
                .into(),
        );
    }
    let citation = cx.cite(Some("Art. 34"));
    let members = cx.members(MEMBER_TYPES, &citation)?;
    let official_types = vec!["cooperative".to_owned()];
    let associate_types = vec!["legal_entity".to_owned(), "cooperative".to_owned()];
    let mut out = Vec::new();
    for &(i, m) in members {
        let ok_official = m.member_type == MemberType::Cooperative;
        let ok_associate = matches!(m.member_type, MemberType::LegalEntity | MemberType::Cooperative)
            && m.nationality == Country::VN;
        let draft = cx
            .draft(MEMBER_TYPES, citation.as_str())
            .member(m)
            .measured(Value::Text(format!(
                "{}/{}",
                m.member_type.as_str(),
                m.nationality
            )));
        let (id, t_en, t_vi) = (&m.id, text::type_en(m.member_type), text::type_vi(m.member_type));
        let nat = m.nationality;
        let official = Value::List(official_types.clone());
        let associate = Value::List(associate_types.clone());
        let finding = match m.effective_kind() {
            Some(MemberKind::Official) if !ok_official => draft.required(Comparison::OneOf, official).fail(
                format!(
                    "Official member {id} is {t_en}; Law 17/2023/QH15, Art. 34 requires a union's official \
                        members to be cooperatives."
                ),
                format!(
                    "Thành viên chính thức {id} là {t_vi}; Điều 34 Luật Hợp tác xã năm 2023 yêu cầu thành viên \
                        chính thức của liên hiệp hợp tác xã phải là hợp tác xã."
                ),
            ),
            Some(MemberKind::AssociateCapital | MemberKind::AssociateNoncapital) if !ok_associate => {
                draft.required(Comparison::OneOf, associate).fail(
                    format!(
                        "Associate member {id} is {t_en} of nationality {nat}; Law 17/2023/QH15, Art. 34 \
                            requires a union's associate members to be Vietnamese legal entities."
                    ),
                    format!(
                        "Thành viên liên kết {id} là {t_vi} có quốc tịch {nat}; Điều 34 Luật Hợp tác xã năm 2023 \
                            yêu cầu thành viên liên kết của liên hiệp hợp tác xã phải là pháp nhân Việt Nam."
                    ),
                )
            }
            None if !ok_official && !ok_associate => draft.fail(
                format!(
                    "Member {id} is {t_en} of nationality {nat}, which can be neither an official member (a \
                        cooperative) nor an associate member (a Vietnamese legal entity) of a union under \
                        Law 17/2023/QH15, Art. 34."
                ),
                format!(
                    "Thành viên {id} là {t_vi} có quốc tịch {nat}, không thể là thành viên chính thức (phải \
                        là hợp tác xã) hay thành viên liên kết (phải là pháp nhân Việt Nam) của liên hiệp \
                        hợp tác xã theo Điều 34 Luật Hợp tác xã năm 2023."
                ),
            ),
            None if !(ok_official && ok_associate) => draft.not_assessable(
                format!(
                    "Not assessable: member {id} is {t_en}, admitted to a union only as one kind of member, \
                        and members[{i}].kind is unknown (give kind, or contributes_capital, uses_services \
                        and contributes_labour)."
                ),
                format!(
                    "Không đánh giá được: thành viên {id} là {t_vi}, chỉ được làm một loại thành viên của \
                        liên hiệp hợp tác xã, nhưng chưa rõ members[{i}].kind (cần kind, hoặc \
                        contributes_capital, uses_services và contributes_labour)."
                ),
            ),
            _ => continue,
        };
        out.push(finding);
    }
    if out.is_empty() {
        let n = text::count(members.len() as u64);
        out.push(cx.draft(MEMBER_TYPES, citation.as_str()).pass(
            format!(
                "All {} current members are of admitted types: official members are cooperatives, associate \
                    members Vietnamese legal entities.",
                n.en
            ),
            format!(
                "Cả {} thành viên hiện tại đều đúng loại: thành viên chính thức là hợp tác xã, thành viên \
                    liên kết là pháp nhân Việt Nam.",
                n.vi
            ),
        ));
    }
    Ok(out)
}

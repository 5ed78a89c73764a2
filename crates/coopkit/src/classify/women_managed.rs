//! Whether a cooperative is managed by women, under each named rule.
//!
//! The national programme (Decision 01/QĐ-TTg, 2023) gives no formal
//! definition, so each rule is a named predicate and every answer is
//! three-valued: yes, no, or `None` when the data that could change the
//! answer is missing. Posts are those held on the date asked about; the
//! member list (when given) decides, else the summary counts.

use super::{WomenManaged, WomenManagedRule};
use crate::law::Message;
use crate::model::{Cooperative, Date, Governance, MemberType, Role, Sex};
use crate::num::Ratio;
use crate::{logic, text};

/// Women-managed under `rule` on `as_of`, with the reason in English and
/// Vietnamese (what was found, or which data is missing).
///
/// - [`WomenManagedRule::ChairOrDirector`]: a woman holds the post of board
///   chair or director on `as_of`. Without a positions list:
///   `summary.chair_female` or `summary.director_female`.
/// - [`WomenManagedRule::ManagementMajority`]: read as women hold at least
///   half of the board seats (chair plus board members; exactly half is
///   enough) AND the director post is held by a woman. A cooperative with the
///   simplified structure (no board) is judged by the director alone; with no
///   board seats recorded otherwise the answer is `None`. Without a positions
///   list: `summary.board_seats`, `summary.board_female`,
///   `summary.director_female`.
/// - [`WomenManagedRule::WomenOwned`]: women members (individuals, and
///   households whose representative is a woman, current on `as_of`) hold at
///   least 51 % of the charter capital (exactly: 100 × women's capital ≥ 51 ×
///   charter capital) AND a woman is board chair, director or board member.
///   An analogue of the women-owned enterprise of Law 04/2017/QH14 Art. 3(1),
///   not a legal definition for cooperatives.
/// - [`WomenManagedRule::Declared`]: `declared_women_managed` as recorded.
pub fn women_managed(coop: &Cooperative, rule: WomenManagedRule, as_of: Date) -> WomenManaged {
    let (value, reason) = match rule {
        WomenManagedRule::ChairOrDirector => chair_or_director(coop, as_of),
        WomenManagedRule::ManagementMajority => management_majority(coop, as_of),
        WomenManagedRule::WomenOwned => women_owned(coop, as_of),
        WomenManagedRule::Declared => declared(coop),
    };
    WomenManaged { rule, value, reason }
}

fn roles_text(roles: &[Role]) -> Message {
    let mut uniq: Vec<Role> = roles.to_vec();
    uniq.sort();
    uniq.dedup();
    let names: Vec<Message> = uniq
        .into_iter()
        .map(|r| {
            let (en, vi) = text::role(r);
            Message::new(en, vi)
        })
        .collect();
    text::join(&names, " and ", " và ")
}

/// Posts with one of `roles` held on `as_of`, with their holders' sex;
/// `None` when there is no positions list.
fn posts(coop: &Cooperative, as_of: Date, roles: &[Role]) -> Option<Vec<(Role, Option<Sex>)>> {
    coop.positions_on(as_of).map(|ps| {
        ps.filter(|p| roles.contains(&p.role))
            .map(|p| (p.role, coop.holder_sex(p)))
            .collect()
    })
}

/// Whether a woman holds one of the posts: yes if one does, unknown if none
/// is known to but some holder's sex is unknown, else no.
struct WomenAmong {
    value: Option<bool>,
    female: Vec<Role>,
    unknown: Vec<Role>,
}

fn women_among(posts: &[(Role, Option<Sex>)]) -> WomenAmong {
    let female: Vec<Role> = posts
        .iter()
        .filter(|(_, s)| *s == Some(Sex::Female))
        .map(|(r, _)| *r)
        .collect();
    let unknown: Vec<Role> = posts
        .iter()
        .filter(|(_, s)| s.is_none())
        .map(|(r, _)| *r)
        .collect();
    let value = if !female.is_empty() {
        Some(true)
    } else if !unknown.is_empty() {
        None
    } else {
        Some(false)
    };
    WomenAmong {
        value,
        female,
        unknown,
    }
}

/// A sentence about whether a woman holds one of `roles`, from the positions list.
fn posts_sentence(w: &WomenAmong, roles: &[Role], as_of: Date) -> Message {
    let on = text::date(as_of);
    let all = roles_text(roles);
    match w.value {
        Some(true) => {
            let r = roles_text(&w.female);
            Message::new(
                format!("a woman holds the post of {} on {}", r.en, on.en),
                format!("phụ nữ giữ chức {} vào ngày {}", r.vi, on.vi),
            )
        }
        None => {
            let r = roles_text(&w.unknown);
            Message::new(
                format!(
                    "no woman is known to hold the post of {} on {}, and the sex of the {} is not known",
                    all.en, on.en, r.en
                ),
                format!(
                    "chưa thấy phụ nữ giữ chức {} vào ngày {}, và chưa rõ giới tính của {}",
                    all.vi, on.vi, r.vi
                ),
            )
        }
        Some(false) => Message::new(
            format!("no woman holds the post of {} on {}", all.en, on.en),
            format!("không có phụ nữ giữ chức {} vào ngày {}", all.vi, on.vi),
        ),
    }
}

fn chair_or_director(coop: &Cooperative, as_of: Date) -> (Option<bool>, Message) {
    const ROLES: [Role; 2] = [Role::BoardChair, Role::Director];
    if let Some(ps) = posts(coop, as_of, &ROLES) {
        if ps.is_empty() {
            let on = text::date(as_of);
            return (
                Some(false),
                Message::new(
                    format!("the positions list has no board chair or director on {}", on.en),
                    format!(
                        "danh sách chức danh không có Chủ tịch Hội đồng quản trị hay Giám đốc vào ngày {}",
                        on.vi
                    ),
                ),
            );
        }
        let w = women_among(&ps);
        return (w.value, posts_sentence(&w, &ROLES, as_of));
    }
    let s = coop.summary.unwrap_or_default();
    let value = logic::or(s.chair_female, s.director_female);
    let reason = match value {
        Some(true) => Message::new(
            "the summary records a woman as board chair or director (summary.chair_female, summary.director_female)",
            "bản tổng hợp ghi nhận phụ nữ là Chủ tịch Hội đồng quản trị hoặc Giám đốc \
             (summary.chair_female, summary.director_female)",
        ),
        Some(false) => Message::new(
            "the summary records neither the board chair nor the director as a woman",
            "bản tổng hợp ghi nhận cả Chủ tịch Hội đồng quản trị và Giám đốc đều không phải là phụ nữ",
        ),
        None => Message::new(
            "not determinable: no positions list, and summary.chair_female and summary.director_female \
             do not settle it",
            "không xác định được: không có danh sách chức danh, và summary.chair_female, \
             summary.director_female không đủ để kết luận",
        ),
    };
    (value, reason)
}

fn management_majority(coop: &Cooperative, as_of: Date) -> (Option<bool>, Message) {
    // (seats, women, seats held by someone of unknown sex), when known.
    let (board, director, source) = match (
        posts(coop, as_of, &[Role::BoardChair, Role::BoardMember]),
        posts(coop, as_of, &[Role::Director]),
    ) {
        (Some(seats), Some(directors)) => {
            let n = seats.len() as u64;
            let f = seats.iter().filter(|(_, s)| *s == Some(Sex::Female)).count() as u64;
            let u = seats.iter().filter(|(_, s)| s.is_none()).count() as u64;
            let d = women_among(&directors);
            let director = if directors.is_empty() {
                Some(false)
            } else {
                d.value
            };
            (
                Some((n, Some(f), u)),
                director,
                Message::new("positions list", "danh sách chức danh"),
            )
        }
        _ => {
            let s = coop.summary.unwrap_or_default();
            let board = s
                .board_seats
                .map(|n| (u64::from(n), s.board_female.map(u64::from), 0));
            (
                board,
                s.director_female,
                Message::new(
                    "summary (board_seats, board_female, director_female)",
                    "bản tổng hợp (board_seats, board_female, director_female)",
                ),
            )
        }
    };
    let simplified = coop.governance == Some(Governance::Simplified);
    let (board_ok, board_text) = match board {
        Some((0, _, _)) if simplified => (
            Some(true),
            Message::new(
                "no board seats under the simplified structure, so the director post decides",
                "không có Hội đồng quản trị theo cơ cấu rút gọn, nên chỉ xét chức Giám đốc",
            ),
        ),
        Some((0, _, _)) => (
            None,
            Message::new(
                "no board seats recorded and the structure is not recorded as simplified",
                "không ghi nhận ghế Hội đồng quản trị nào và cơ cấu không được ghi là rút gọn",
            ),
        ),
        Some((n, Some(f), u)) => {
            let value = if 2 * f >= n {
                Some(true)
            } else if 2 * (f + u) < n {
                Some(false)
            } else {
                None
            };
            let (fe, nn) = (text::count(f), text::count(n));
            let (met_en, met_vi) = match value {
                Some(true) => ("at least half", "ít nhất một nửa"),
                Some(false) => ("less than half", "dưới một nửa"),
                None => (
                    "not known whether at least half",
                    "chưa rõ có đạt một nửa hay không",
                ),
            };
            let unknown = if u > 0 {
                let uu = text::count(u);
                Message::new(
                    format!(", {} seats held by someone of unknown sex", uu.en),
                    format!(", {} ghế chưa rõ giới tính người giữ", uu.vi),
                )
            } else {
                Message::new("", "")
            };
            (
                value,
                Message::new(
                    format!(
                        "women hold {} of {} board seats{} ({met_en})",
                        fe.en, nn.en, unknown.en
                    ),
                    format!(
                        "phụ nữ giữ {} trên {} ghế Hội đồng quản trị{} ({met_vi})",
                        fe.vi, nn.vi, unknown.vi
                    ),
                ),
            )
        }
        Some((n, None, _)) => {
            let nn = text::count(n);
            (
                None,
                Message::new(
                    format!("{} board seats, the number held by women not known", nn.en),
                    format!("{} ghế Hội đồng quản trị, chưa rõ số ghế do phụ nữ giữ", nn.vi),
                ),
            )
        }
        None => (
            None,
            Message::new(
                "the number of board seats is not known",
                "chưa rõ số ghế Hội đồng quản trị",
            ),
        ),
    };
    let director_text = match director {
        Some(true) => Message::new("the director is a woman", "Giám đốc là phụ nữ"),
        Some(false) => Message::new(
            "the director post is not held by a woman",
            "chức Giám đốc không do phụ nữ giữ",
        ),
        None => Message::new(
            "whether the director is a woman is not known",
            "chưa rõ Giám đốc có phải là phụ nữ hay không",
        ),
    };
    let value = logic::and(board_ok, director);
    let on = text::date(as_of);
    let reason = Message::new(
        format!(
            "{} (women hold at least half of the board seats and the director post; from the {}, on {}): {}; {}",
            verdict(value).en,
            source.en,
            on.en,
            board_text.en,
            director_text.en
        ),
        format!(
            "{} (phụ nữ giữ ít nhất một nửa số ghế Hội đồng quản trị và chức Giám đốc; theo {}, vào ngày {}): {}; {}",
            verdict(value).vi,
            source.vi,
            on.vi,
            board_text.vi,
            director_text.vi
        ),
    );
    (value, reason)
}

fn verdict(v: Option<bool>) -> Message {
    match v {
        Some(true) => Message::new("met", "đạt"),
        Some(false) => Message::new("not met", "không đạt"),
        None => Message::new("not determinable", "không xác định được"),
    }
}

fn women_owned(coop: &Cooperative, as_of: Date) -> (Option<bool>, Message) {
    const ROLES: [Role; 3] = [Role::BoardChair, Role::Director, Role::BoardMember];
    let manager = match posts(coop, as_of, &ROLES) {
        Some(ps) => {
            let w = women_among(&ps);
            (w.value, posts_sentence(&w, &ROLES, as_of))
        }
        None => {
            let s = coop.summary.unwrap_or_default();
            let board = s.board_female.map(|n| n > 0);
            // No woman on the board means the chair is not a woman either.
            let chair = if board == Some(false) {
                Some(false)
            } else {
                s.chair_female
            };
            let value = logic::or(logic::or(board, chair), s.director_female);
            let m = match value {
                Some(true) => Message::new(
                    "the summary records a woman as chair, director or board member",
                    "bản tổng hợp ghi nhận phụ nữ là Chủ tịch, Giám đốc hoặc thành viên Hội đồng quản trị",
                ),
                Some(false) => Message::new(
                    "the summary records no woman as chair, director or board member",
                    "bản tổng hợp không ghi nhận phụ nữ nào là Chủ tịch, Giám đốc hay thành viên Hội đồng quản trị",
                ),
                None => Message::new(
                    "whether a woman is chair, director or board member is not known \
                     (no positions list; summary.board_female, chair_female, director_female do not settle it)",
                    "chưa rõ có phụ nữ là Chủ tịch, Giám đốc hay thành viên Hội đồng quản trị hay không \
                     (không có danh sách chức danh; summary.board_female, chair_female, director_female \
                     không đủ để kết luận)",
                ),
            };
            (value, m)
        }
    };
    let capital = women_capital(coop, as_of);
    let value = logic::and(capital.0, manager.0);
    let reason = Message::new(
        format!(
            "{} (women members hold at least 51 % of the charter capital and a woman is chair, director \
             or board member; modelled on the women-owned enterprise of Law 04/2017/QH14, Art. 3(1), \
             not a legal definition for cooperatives): {}; {}",
            verdict(value).en,
            capital.1.en,
            manager.1.en
        ),
        format!(
            "{} (thành viên nữ nắm ít nhất 51 % vốn điều lệ và có phụ nữ là Chủ tịch, Giám đốc hoặc thành viên \
             Hội đồng quản trị; mô phỏng doanh nghiệp do phụ nữ làm chủ theo Luật 04/2017/QH14, Điều 3 khoản 1, \
             không phải định nghĩa pháp lý cho hợp tác xã): {}; {}",
            verdict(value).vi,
            capital.1.vi,
            manager.1.vi
        ),
    );
    (value, reason)
}

/// Women members hold ≥ 51 % of the charter capital, three-valued.
fn women_capital(coop: &Cooperative, as_of: Date) -> (Option<bool>, Message) {
    let Some(members) = coop.members_on(as_of) else {
        return (
            None,
            Message::new(
                "no member list, so women members' capital is not known",
                "không có danh sách thành viên, nên chưa rõ vốn góp của thành viên nữ",
            ),
        );
    };
    let charter = match coop.charter_capital_vnd {
        Some(c) if c > 0 => c,
        Some(_) => {
            return (
                None,
                Message::new(
                    "the charter capital is recorded as zero, so no share can be computed",
                    "vốn điều lệ ghi là 0, nên không tính được tỷ lệ",
                ),
            )
        }
        None => {
            return (
                None,
                Message::new(
                    "the charter capital (charter_capital_vnd) is not known",
                    "chưa có số liệu vốn điều lệ (charter_capital_vnd)",
                ),
            )
        }
    };
    // Women's capital lies between `low` and `high` (`high` unbounded when a
    // member who may count has no recorded capital).
    let (mut low, mut high, mut unbounded, mut open) = (0u128, 0u128, false, 0u64);
    for m in members {
        if !matches!(m.member_type, MemberType::Individual | MemberType::Household) {
            continue;
        }
        let capital = match (m.capital_vnd, m.contributes_capital) {
            (Some(c), _) => Some(u128::from(c)),
            (None, Some(false)) => Some(0),
            (None, _) => None,
        };
        match (m.sex, capital) {
            (Some(Sex::Male), _) => {}
            (Some(Sex::Female), Some(c)) => {
                low += c;
                high += c;
            }
            (None, Some(c)) => {
                high += c;
                if c > 0 {
                    open += 1;
                }
            }
            (_, None) => {
                unbounded = true;
                open += 1;
            }
        }
    }
    let needed = 51 * u128::from(charter);
    let value = if 100 * low >= needed {
        Some(true)
    } else if !unbounded && 100 * high < needed {
        Some(false)
    } else {
        None
    };
    let (lo, ch) = (text::vnd(low), text::vnd(charter));
    let low = u64::try_from(low).unwrap_or(u64::MAX);
    // `charter` is not zero here.
    let share = Ratio::new(low, charter).map_or_else(|| Message::new("", ""), text::percent);
    let mut m = Message::new(
        format!(
            "women members hold {} of {} charter capital ({})",
            lo.en, ch.en, share.en
        ),
        format!(
            "thành viên nữ nắm {} trên {} vốn điều lệ ({})",
            lo.vi, ch.vi, share.vi
        ),
    );
    if open > 0 && value.is_none() {
        let o = text::count(open);
        m.en.push_str(&format!(
            ", and the sex or capital of {} individual or household members is not known",
            o.en
        ));
        m.vi.push_str(&format!(
            ", và chưa rõ giới tính hoặc vốn góp của {} thành viên cá nhân hoặc hộ gia đình",
            o.vi
        ));
    }
    (value, m)
}

fn declared(coop: &Cooperative) -> (Option<bool>, Message) {
    let reason = match coop.declared_women_managed {
        Some(true) => Message::new(
            "recorded as women-managed by the Women's Union (declared_women_managed)",
            "được Hội Liên hiệp Phụ nữ ghi nhận là hợp tác xã do phụ nữ quản lý (declared_women_managed)",
        ),
        Some(false) => Message::new(
            "recorded as not women-managed (declared_women_managed)",
            "được ghi nhận là không do phụ nữ quản lý (declared_women_managed)",
        ),
        None => Message::new(
            "not determinable: declared_women_managed is not recorded",
            "không xác định được: chưa ghi nhận declared_women_managed",
        ),
    };
    (coop.declared_women_managed, reason)
}

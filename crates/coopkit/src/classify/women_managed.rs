//! Whether a cooperative is managed by women, under each named rule.
//!
//! The national programme (Decision 01/QĐ-TTg, 2023) gives no formal
//! definition, so each rule is a named predicate and every answer is
//! three-valued: yes, no, or `None` when the data that could change the
//! answer is missing. Posts are those held on the date asked about; the
//! member list (when given) decides, else the summary counts.

use super::{WomenManaged, WomenManagedRule};
use crate::model::{Cooperative, Date, Governance, MemberType, Role, Sex, Summary};
use crate::num::Ratio;
use crate::text::{Lang, Message};
use crate::{logic, text};

/// Women-managed under `rule` on `as_of`, with the reason in English and
/// Vietnamese (what was found, or which data is missing).
///
/// - [`WomenManagedRule::ChairOrDirector`]: a woman holds the post of board
///   chair or director on `as_of`. Without a positions list:
///   `summary.chair_female` or `summary.director_female`.
/// - [`WomenManagedRule::ManagementMajority`]: women hold at least half of
///   the management posts counted together: board seats (chair plus board
///   members) and director posts, the pool of the indicator
///   `management_female_share` (a woman chair, two of four other seats and a
///   man director is 3 of 6: met; exactly half is enough). No post recorded
///   gives `None`. Without a positions list: `summary.board_seats` (none with
///   the simplified structure), `summary.board_female` and one director
///   post, `summary.director_female`.
/// - [`WomenManagedRule::WomenOwned`]: women members (individuals, and
///   households whose representative is a woman, current on `as_of`) hold at
///   least 51 % of the charter capital (exactly: 100 × women's capital ≥ 51 ×
///   charter capital) AND a woman is board chair, director or board member.
///   An analogue of the women-owned enterprise of Law 04/2017/QH14 Art. 3(1),
///   not a legal definition for cooperatives.
/// - [`WomenManagedRule::Declared`]: `declared_women_managed` as recorded.
pub fn women_managed(coop: &Cooperative, rule: WomenManagedRule, as_of: Date) -> WomenManaged {
    let o = Outcome::of(coop, rule, as_of);
    WomenManaged {
        rule,
        value: o.value(),
        reason: o.reason(as_of),
    }
}

/// The value [`women_managed`] gives, without building its reason: the same
/// rules, for callers that classify many cooperatives and need only yes, no
/// or unknown (the indicator engine).
///
/// ```
/// use coopkit::classify::{women_managed, women_managed_value};
/// use coopkit::{Cooperative, Kind, Member, MemberType, Position, Role, Sector, Sex, WomenManagedRule};
///
/// let mut coop = Cooperative::new("htx-1", "HTX Ba Tơ", Kind::Cooperative, Sector::Agriculture);
/// let mut director = Member::new("m1", MemberType::Individual);
/// director.sex = Some(Sex::Female);
/// coop.members = Some(vec![director]);
/// coop.positions = Some(vec![Position::member(Role::Director, "m1")]);
/// let on = "2025-01-01".parse().unwrap();
/// let rule = WomenManagedRule::ChairOrDirector;
/// assert_eq!(women_managed_value(&coop, rule, on), Some(true));
/// assert_eq!(women_managed_value(&coop, rule, on), women_managed(&coop, rule, on).value);
/// ```
pub fn women_managed_value(coop: &Cooperative, rule: WomenManagedRule, as_of: Date) -> Option<bool> {
    Outcome::of(coop, rule, as_of).value()
}

/// A post held on the date: its role and its holder's sex, when known.
pub(crate) type Post = (Role, Option<Sex>);

/// What the management rules (every rule but [`WomenManagedRule::WomenOwned`])
/// read of a cooperative.
pub(crate) struct Management<P> {
    /// The posts held on the date; `None` when there is no positions list.
    pub(crate) posts: Option<P>,
    /// The summary counts (the default when there is none).
    pub(crate) summary: Summary,
    /// The governance structure, when recorded.
    pub(crate) governance: Option<Governance>,
    /// `declared_women_managed`.
    pub(crate) declared: Option<bool>,
}

/// Women-managed under `rule` from the facts in `m`, as
/// [`women_managed_value`] decides; `None` for
/// [`WomenManagedRule::WomenOwned`], which needs the member list (use
/// [`women_owned_value`]).
pub(crate) fn management_value<P: Iterator<Item = Post>>(
    rule: WomenManagedRule,
    m: Management<P>,
) -> Option<Option<bool>> {
    match rule {
        WomenManagedRule::ChairOrDirector => Some(chair_or_director_of(m.posts, &m.summary).value()),
        WomenManagedRule::ManagementMajority => Some(Majority::of(m.posts, &m.summary, m.governance).value()),
        WomenManagedRule::Declared => Some(m.declared),
        WomenManagedRule::WomenOwned => None,
    }
}

/// A member current on the date as the capital test reads it: type, sex,
/// `capital_vnd`, `contributes_capital`.
pub(crate) type Stake = (MemberType, Option<Sex>, Option<u64>, Option<bool>);

/// Women-managed under [`WomenManagedRule::WomenOwned`], as
/// [`women_managed_value`] decides, from the posts held on the date, the
/// summary, the members current on the date (`None` without a member
/// list) and the charter capital.
pub(crate) fn women_owned_value(
    posts: Option<impl Iterator<Item = Post>>,
    summary: &Summary,
    members: Option<impl Iterator<Item = Stake>>,
    charter: Option<u64>,
) -> Option<bool> {
    logic::and(
        Capital::of_stakes(members, charter).value(),
        owner_managers_of(posts, summary).value(),
    )
}

/// The posts of `coop` held on `as_of`; `None` without a positions list.
fn posts_of(coop: &Cooperative, as_of: Date) -> Option<impl Iterator<Item = Post> + '_> {
    coop.positions_on(as_of)
        .map(move |ps| ps.map(move |p| (p.role, coop.holder_sex(p))))
}

/// What a rule found: the value and the facts that explain it, from which
/// the reason is written only when asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    ChairOrDirector(Holders),
    ManagementMajority(Majority),
    WomenOwned { capital: Capital, manager: Holders },
    Declared(Option<bool>),
}

impl Outcome {
    fn of(coop: &Cooperative, rule: WomenManagedRule, as_of: Date) -> Outcome {
        let summary = coop.summary.unwrap_or_default();
        match rule {
            WomenManagedRule::ChairOrDirector => {
                Outcome::ChairOrDirector(chair_or_director_of(posts_of(coop, as_of), &summary))
            }
            WomenManagedRule::ManagementMajority => {
                Outcome::ManagementMajority(Majority::of(posts_of(coop, as_of), &summary, coop.governance))
            }
            WomenManagedRule::WomenOwned => Outcome::WomenOwned {
                capital: Capital::of(coop, as_of),
                manager: owner_managers_of(posts_of(coop, as_of), &summary),
            },
            WomenManagedRule::Declared => Outcome::Declared(coop.declared_women_managed),
        }
    }

    fn value(&self) -> Option<bool> {
        match self {
            Outcome::ChairOrDirector(h) => h.value(),
            Outcome::ManagementMajority(m) => m.value(),
            Outcome::WomenOwned { capital, manager } => logic::and(capital.value(), manager.value()),
            Outcome::Declared(v) => *v,
        }
    }

    fn reason(&self, as_of: Date) -> Message {
        match self {
            Outcome::ChairOrDirector(h) => chair_or_director_reason(h, as_of),
            Outcome::ManagementMajority(m) => m.reason(as_of),
            Outcome::WomenOwned { capital, manager } => women_owned_reason(capital, manager, as_of),
            Outcome::Declared(v) => declared_reason(*v),
        }
    }
}

/// A set of roles, in [`Role`] order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct RoleSet(u16);

impl RoleSet {
    fn insert(&mut self, r: Role) {
        self.0 |= 1 << (r as u16);
    }

    fn is_empty(self) -> bool {
        self.0 == 0
    }

    fn roles(self) -> impl Iterator<Item = Role> {
        Role::ALL
            .into_iter()
            .filter(move |&r| self.0 & (1 << (r as u16)) != 0)
    }
}

fn roles_text(roles: impl IntoIterator<Item = Role>) -> Message {
    let mut uniq: Vec<Role> = roles.into_iter().collect();
    uniq.sort();
    uniq.dedup();
    let names: Vec<Message> = uniq
        .into_iter()
        .map(|r| {
            let (en, vi) = (r.label(Lang::En), r.label(Lang::Vi));
            Message::new(en, vi)
        })
        .collect();
    text::join(&names, " and ", " và ")
}

/// Whether a woman holds one of some posts: yes if one does, unknown if
/// none is known to but some holder's sex is unknown, else no.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct WomenAmong {
    /// Some such post is held.
    any: bool,
    /// The roles held by a woman.
    female: RoleSet,
    /// The roles held by someone of unknown sex.
    unknown: RoleSet,
}

impl WomenAmong {
    fn add(&mut self, (role, sex): Post) {
        self.any = true;
        match sex {
            Some(Sex::Female) => self.female.insert(role),
            None => self.unknown.insert(role),
            Some(_) => {}
        }
    }

    /// The posts of `posts` with one of `roles`.
    fn of(posts: impl Iterator<Item = Post>, roles: &[Role]) -> WomenAmong {
        let mut w = WomenAmong::default();
        for p in posts.filter(|p| roles.contains(&p.0)) {
            w.add(p);
        }
        w
    }

    fn value(&self) -> Option<bool> {
        if !self.female.is_empty() {
            Some(true)
        } else if !self.unknown.is_empty() {
            None
        } else {
            Some(false)
        }
    }
}

/// Whether a woman holds one of the posts a rule names: from the positions
/// list, or (without one) the value the summary gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Holders {
    Posts(WomenAmong),
    Summary(Option<bool>),
}

impl Holders {
    fn value(&self) -> Option<bool> {
        match self {
            Holders::Posts(w) => w.value(),
            Holders::Summary(v) => *v,
        }
    }
}

/// A sentence about whether a woman holds one of `roles`, from the positions list.
fn posts_sentence(w: &WomenAmong, roles: &[Role], as_of: Date) -> Message {
    let on = text::date(as_of);
    let all = roles_text(roles.iter().copied());
    match w.value() {
        Some(true) => {
            let r = roles_text(w.female.roles());
            Message::new(
                format!("a woman holds the post of {} on {}", r.en, on.en),
                format!("phụ nữ giữ chức {} vào ngày {}", r.vi, on.vi),
            )
        }
        None => {
            let r = roles_text(w.unknown.roles());
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

const CHAIR_OR_DIRECTOR: [Role; 2] = [Role::BoardChair, Role::Director];

fn chair_or_director_of(posts: Option<impl Iterator<Item = Post>>, s: &Summary) -> Holders {
    match posts {
        Some(ps) => Holders::Posts(WomenAmong::of(ps, &CHAIR_OR_DIRECTOR)),
        None => Holders::Summary(logic::or(s.chair_female, s.director_female)),
    }
}

fn chair_or_director_reason(h: &Holders, as_of: Date) -> Message {
    match h {
        Holders::Posts(w) if !w.any => {
            let on = text::date(as_of);
            Message::new(
                format!("the positions list has no board chair or director on {}", on.en),
                format!(
                    "danh sách chức danh không có Chủ tịch Hội đồng quản trị hay Giám đốc vào ngày {}",
                    on.vi
                ),
            )
        }
        Holders::Posts(w) => posts_sentence(w, &CHAIR_OR_DIRECTOR, as_of),
        Holders::Summary(Some(true)) => Message::new(
            "the summary records a woman as board chair or director (summary.chair_female, summary.director_female)",
            "bản tổng hợp ghi nhận phụ nữ là Chủ tịch Hội đồng quản trị hoặc Giám đốc \
             (summary.chair_female, summary.director_female)",
        ),
        Holders::Summary(Some(false)) => Message::new(
            "the summary records neither the board chair nor the director as a woman",
            "bản tổng hợp ghi nhận cả Chủ tịch Hội đồng quản trị và Giám đốc đều không phải là phụ nữ",
        ),
        Holders::Summary(None) => Message::new(
            "not determinable: no positions list, and summary.chair_female and summary.director_female \
             do not settle it",
            "không xác định được: không có danh sách chức danh, và summary.chair_female, \
             summary.director_female không đủ để kết luận",
        ),
    }
}

/// What [`WomenManagedRule::ManagementMajority`] found: the management
/// posts (board seats and director posts counted together, the pool of the
/// indicator `management_female_share`) and the women among them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Majority {
    /// From the positions list (else the summary).
    from_positions: bool,
    /// `None`: the number of posts is not known.
    pool: Option<Pool>,
}

/// Management posts held on the date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Pool {
    posts: u64,
    /// `None`: the number held by women is not known at all.
    women: Option<u64>,
    /// Posts whose holder's sex is not known.
    unknown: u64,
}

impl Majority {
    fn of(
        posts: Option<impl Iterator<Item = Post>>,
        s: &Summary,
        governance: Option<Governance>,
    ) -> Majority {
        match posts {
            Some(ps) => {
                let (mut n, mut women, mut unknown) = (0u64, 0u64, 0u64);
                for (role, sex) in ps {
                    if role.is_board_seat() || role == Role::Director {
                        n += 1;
                        match sex {
                            Some(Sex::Female) => women += 1,
                            None => unknown += 1,
                            Some(_) => {}
                        }
                    }
                }
                Majority {
                    from_positions: true,
                    pool: Some(Pool {
                        posts: n,
                        women: Some(women),
                        unknown,
                    }),
                }
            }
            None => {
                // The summary has one director post; without a board the
                // simplified structure has no seats.
                let seats = match (s.board_seats, governance) {
                    (Some(n), _) => Some(u64::from(n)),
                    (None, Some(Governance::Simplified)) => Some(0),
                    (None, _) => None,
                };
                let board_women = match (seats, s.board_female) {
                    (Some(0), _) => Some(0),
                    (_, f) => f.map(u64::from),
                };
                let pool = seats.map(|n| {
                    let (w, u) = match s.director_female {
                        Some(true) => (1, 0),
                        Some(false) => (0, 0),
                        None => (0, 1),
                    };
                    Pool {
                        posts: n + 1,
                        women: board_women.map(|f| f + w),
                        unknown: u,
                    }
                });
                Majority {
                    from_positions: false,
                    pool,
                }
            }
        }
    }

    /// Women hold at least half of the posts (exactly half is enough),
    /// three-valued: `None` when the unknown holders could tip it.
    fn value(&self) -> Option<bool> {
        match self.pool? {
            Pool { posts: 0, .. } | Pool { women: None, .. } => None,
            Pool {
                posts: n,
                women: Some(f),
                unknown: u,
            } => {
                if 2 * f >= n {
                    Some(true)
                } else if 2 * (f + u) < n {
                    Some(false)
                } else {
                    None
                }
            }
        }
    }

    fn reason(&self, as_of: Date) -> Message {
        let source = if self.from_positions {
            Message::new("positions list", "danh sách chức danh")
        } else {
            Message::new(
                "summary (board_seats, board_female, director_female)",
                "bản tổng hợp (board_seats, board_female, director_female)",
            )
        };
        let found = match self.pool {
            Some(Pool { posts: 0, .. }) => Message::new(
                "no board seat or director post is recorded",
                "không ghi nhận ghế Hội đồng quản trị hay chức Giám đốc nào",
            ),
            Some(Pool {
                posts: n,
                women: Some(f),
                unknown: u,
            }) => {
                let (fe, nn) = (text::count(f), text::count(n));
                let (met_en, met_vi) = match self.value() {
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
                        format!(", {} held by someone of unknown sex", uu.en),
                        format!(", {} vị trí chưa rõ giới tính người giữ", uu.vi),
                    )
                } else {
                    Message::new("", "")
                };
                Message::new(
                    format!(
                        "women hold {} of {} management posts{} ({met_en})",
                        fe.en, nn.en, unknown.en
                    ),
                    format!(
                        "phụ nữ giữ {} trên {} vị trí quản lý{} ({met_vi})",
                        fe.vi, nn.vi, unknown.vi
                    ),
                )
            }
            Some(Pool {
                posts: n,
                women: None,
                ..
            }) => {
                let nn = text::count(n);
                Message::new(
                    format!("{} management posts, the number held by women not known", nn.en),
                    format!("{} vị trí quản lý, chưa rõ số vị trí do phụ nữ giữ", nn.vi),
                )
            }
            None => Message::new(
                "the number of board seats is not known",
                "chưa rõ số ghế Hội đồng quản trị",
            ),
        };
        let on = text::date(as_of);
        let value = self.value();
        Message::new(
            format!(
                "{} (women hold at least half of the board seats and the director post counted together; \
                 from the {}, on {}): {}",
                verdict(value).en,
                source.en,
                on.en,
                found.en
            ),
            format!(
                "{} (phụ nữ giữ ít nhất một nửa tổng số ghế Hội đồng quản trị và chức Giám đốc; \
                 theo {}, vào ngày {}): {}",
                verdict(value).vi,
                source.vi,
                on.vi,
                found.vi
            ),
        )
    }
}

fn verdict(v: Option<bool>) -> Message {
    match v {
        Some(true) => Message::new("met", "đạt"),
        Some(false) => Message::new("not met", "không đạt"),
        None => Message::new("not determinable", "không xác định được"),
    }
}

const OWNER_MANAGERS: [Role; 3] = [Role::BoardChair, Role::Director, Role::BoardMember];

/// A woman is chair, director or board member.
fn owner_managers_of(posts: Option<impl Iterator<Item = Post>>, s: &Summary) -> Holders {
    match posts {
        Some(ps) => Holders::Posts(WomenAmong::of(ps, &OWNER_MANAGERS)),
        None => {
            let board = s.board_female.map(|n| n > 0);
            // No woman on the board means the chair is not a woman either.
            let chair = if board == Some(false) {
                Some(false)
            } else {
                s.chair_female
            };
            Holders::Summary(logic::or(logic::or(board, chair), s.director_female))
        }
    }
}

fn women_owned_reason(capital: &Capital, manager: &Holders, as_of: Date) -> Message {
    let manager_text = match manager {
        Holders::Posts(w) => posts_sentence(w, &OWNER_MANAGERS, as_of),
        Holders::Summary(Some(true)) => Message::new(
            "the summary records a woman as chair, director or board member",
            "bản tổng hợp ghi nhận phụ nữ là Chủ tịch, Giám đốc hoặc thành viên Hội đồng quản trị",
        ),
        Holders::Summary(Some(false)) => Message::new(
            "the summary records no woman as chair, director or board member",
            "bản tổng hợp không ghi nhận phụ nữ nào là Chủ tịch, Giám đốc hay thành viên Hội đồng quản trị",
        ),
        Holders::Summary(None) => Message::new(
            "whether a woman is chair, director or board member is not known \
             (no positions list; summary.board_female, chair_female, director_female do not settle it)",
            "chưa rõ có phụ nữ là Chủ tịch, Giám đốc hay thành viên Hội đồng quản trị hay không \
             (không có danh sách chức danh; summary.board_female, chair_female, director_female \
             không đủ để kết luận)",
        ),
    };
    let capital_text = capital.reason();
    let value = logic::and(capital.value(), manager.value());
    Message::new(
        format!(
            "{} (women members hold at least 51 % of the charter capital and a woman is chair, director \
             or board member; modelled on the women-owned enterprise of Law 04/2017/QH14, Art. 3(1), \
             not a legal definition for cooperatives): {}; {}",
            verdict(value).en,
            capital_text.en,
            manager_text.en
        ),
        format!(
            "{} (thành viên nữ nắm ít nhất 51 % vốn điều lệ và có phụ nữ là Chủ tịch, Giám đốc hoặc thành viên \
             Hội đồng quản trị; mô phỏng doanh nghiệp do phụ nữ làm chủ theo Luật 04/2017/QH14, Điều 3 khoản 1, \
             không phải định nghĩa pháp lý cho hợp tác xã): {}; {}",
            verdict(value).vi,
            capital_text.vi,
            manager_text.vi
        ),
    )
}

/// Women members' share of the charter capital, as far as it is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Capital {
    NoMemberList,
    CharterZero,
    CharterUnknown,
    /// Women's capital is at least `low`; `open` individual or household
    /// members have an unknown sex or capital.
    Shares {
        low: u128,
        charter: u64,
        open: u64,
        value: Option<bool>,
    },
}

impl Capital {
    /// Women members hold ≥ 51 % of the charter capital, three-valued.
    fn of(coop: &Cooperative, as_of: Date) -> Capital {
        let stakes = coop
            .members_on(as_of)
            .map(|ms| ms.map(|m| (m.member_type, m.sex, m.capital_vnd, m.contributes_capital)));
        Capital::of_stakes(stakes, coop.charter_capital_vnd)
    }

    /// From the members current on the date and the charter capital.
    fn of_stakes(members: Option<impl Iterator<Item = Stake>>, charter: Option<u64>) -> Capital {
        let Some(members) = members else {
            return Capital::NoMemberList;
        };
        let charter = match charter {
            Some(c) if c > 0 => c,
            Some(_) => return Capital::CharterZero,
            None => return Capital::CharterUnknown,
        };
        // Women's capital lies between `low` and `high` (`high` unbounded when a
        // member who may count has no recorded capital).
        let (mut low, mut high, mut unbounded, mut open) = (0u128, 0u128, false, 0u64);
        for (member_type, sex, capital_vnd, contributes_capital) in members {
            if !matches!(member_type, MemberType::Individual | MemberType::Household) {
                continue;
            }
            let capital = match (capital_vnd, contributes_capital) {
                (Some(c), _) => Some(u128::from(c)),
                (None, Some(false)) => Some(0),
                (None, _) => None,
            };
            match (sex, capital) {
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
        Capital::Shares {
            low,
            charter,
            open,
            value,
        }
    }

    fn value(&self) -> Option<bool> {
        match self {
            Capital::Shares { value, .. } => *value,
            _ => None,
        }
    }

    fn reason(&self) -> Message {
        let (low, charter, open, value) = match *self {
            Capital::NoMemberList => {
                return Message::new(
                    "no member list, so women members' capital is not known",
                    "không có danh sách thành viên, nên chưa rõ vốn góp của thành viên nữ",
                )
            }
            Capital::CharterZero => {
                return Message::new(
                    "the charter capital is recorded as zero, so no share can be computed",
                    "vốn điều lệ ghi là 0, nên không tính được tỷ lệ",
                )
            }
            Capital::CharterUnknown => {
                return Message::new(
                    "the charter capital (charter_capital_vnd) is not known",
                    "chưa có số liệu vốn điều lệ (charter_capital_vnd)",
                )
            }
            Capital::Shares {
                low,
                charter,
                open,
                value,
            } => (low, charter, open, value),
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
        m
    }
}

fn declared_reason(v: Option<bool>) -> Message {
    match v {
        Some(true) => Message::new(
            "recorded as women-managed by the Women's Union (declared_women_managed)",
            "được Hội Liên hiệp Phụ nữ ghi nhận là hợp tác xã do phụ nữ tham gia quản lý (declared_women_managed)",
        ),
        Some(false) => Message::new(
            "recorded as not women-managed (declared_women_managed)",
            "được ghi nhận là không do phụ nữ tham gia quản lý (declared_women_managed)",
        ),
        None => Message::new(
            "not determinable: declared_women_managed is not recorded",
            "không xác định được: chưa ghi nhận declared_women_managed",
        ),
    }
}

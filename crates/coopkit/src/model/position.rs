//! Posts in a cooperative's management and who holds them.

use super::{Date, Ethnicity, Role, Sex};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

impl Role {
    /// A seat on the board (HĐQT).
    pub fn is_board_seat(self) -> bool {
        matches!(self, Role::BoardChair | Role::BoardMember)
    }
}

/// Who holds a post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Holder {
    /// A member, by id.
    Member(String),
    /// Someone who is not a member (a hired director, say).
    External {
        /// Their sex, if known.
        sex: Option<Sex>,
        /// Their ethnic group, if known.
        ethnicity: Option<Ethnicity>,
    },
}

/// A post held by a member or a non-member, optionally for a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    /// Optional identifier, used as the subject of findings when given.
    pub id: Option<String>,
    /// The post.
    pub role: Role,
    /// Who holds it.
    pub holder: Holder,
    /// First day held, if known.
    pub start: Option<Date>,
    /// First day no longer held, if known.
    pub end: Option<Date>,
}

impl Position {
    /// A post held by a member, undated.
    pub fn member(role: Role, member_id: impl Into<String>) -> Self {
        Position {
            id: None,
            role,
            holder: Holder::Member(member_id.into()),
            start: None,
            end: None,
        }
    }

    /// A post held by a non-member, undated.
    pub fn external(role: Role, sex: Option<Sex>) -> Self {
        Position {
            id: None,
            role,
            holder: Holder::External { sex, ethnicity: None },
            start: None,
            end: None,
        }
    }

    /// Held on `date`: started on or before, not yet ended.
    pub fn is_held_on(&self, date: Date) -> bool {
        self.start.is_none_or(|s| s <= date) && self.end.is_none_or(|e| date < e)
    }
}

impl Serialize for Position {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        if let Some(id) = &self.id {
            m.serialize_entry("id", id)?;
        }
        m.serialize_entry("role", &self.role)?;
        match &self.holder {
            Holder::Member(id) => m.serialize_entry("member", id)?,
            Holder::External { sex, ethnicity } => {
                if let Some(sex) = sex {
                    m.serialize_entry("sex", sex)?;
                }
                if let Some(e) = ethnicity {
                    m.serialize_entry("ethnicity", e)?;
                }
            }
        }
        if let Some(d) = &self.start {
            m.serialize_entry("start", d)?;
        }
        if let Some(d) = &self.end {
            m.serialize_entry("end", d)?;
        }
        m.end()
    }
}

//! Every code list of the library, made one way: the snake_case names of the
//! public contract (CONTRACT.md), with `ALL`, `as_str`, `parse`, `FromStr`
//! (whose error names the field and lists the valid values), `Display`,
//! `Serialize` and a label in English and Vietnamese ([`Code::label`]).
//!
//! A binding never keeps a list of names, a label or a message of its own:
//! it asks the [`Code`] trait, so every runtime shows the same words.
//!
//! ```
//! use coopkit::{Code, Lang, Sector, Status};
//!
//! assert_eq!("trade_services".parse::<Sector>().unwrap(), Sector::TradeServices);
//! assert_eq!(Status::Fail.label(Lang::Vi), "không đạt");
//! let e = "farming".parse::<Sector>().unwrap_err().to_string();
//! assert!(e.starts_with("sector: "));
//! assert!(e.contains("agriculture, industry_construction, trade_services"));
//! assert!(!e.contains("farming"), "a value typed where a code was expected is never echoed");
//! ```

mod indicators;
mod law;
mod model;
mod ui;
mod units;

pub use indicators::{Dimension, Disaggregation, IndicatorId, Unit};
pub use law::{Comparison, Law, LawChoice, Rule, SizeStatus, Status, WomenManagedRule};
pub use model::{
    CircularType, GeneralMeeting, Governance, IloType, Kind, MemberKind, MemberType, Role, Sector, Sex,
    SizeClass,
};
pub use ui::Term;
pub use units::{Level, UnitKind};

use crate::text::{Lang, Message};

/// A code list: a closed set of values, each with a contract name and a
/// label in each language.
pub trait Code: Copy + Eq + Sized + 'static {
    /// The field or option the values belong to, as errors name it
    /// (`sector`, `women_managed_rule`, ...).
    const FIELD: &'static str;
    /// Every value, in contract order.
    fn all() -> &'static [Self];
    /// The contract name, for example `"trade_services"`.
    fn code(self) -> &'static str;
    /// A label for people, in `lang`: `"thương mại – dịch vụ"`.
    fn label(self, lang: Lang) -> &'static str;

    /// The label in both languages.
    fn labels(self) -> Message {
        Message::new(self.label(Lang::En), self.label(Lang::Vi))
    }

    /// The value of a contract name; `None` for any other text.
    fn from_code(s: &str) -> Option<Self> {
        Self::all().iter().copied().find(|v| v.code() == s)
    }

    /// Every contract name, in order.
    fn codes() -> Vec<&'static str> {
        Self::all().iter().map(|v| v.code()).collect()
    }

    /// The contract name of `s`, or the library's error for this field: it
    /// names the field and lists the valid values, and never quotes `s`.
    fn parse_option(s: &str) -> crate::Result<Self> {
        Self::from_code(s).ok_or_else(|| unknown::<Self>(Self::FIELD))
    }
}

/// One code list's labels in `lang`, as (code, label) pairs in order.
fn labels_of<C: Code>(lang: Lang) -> Vec<(&'static str, &'static str)> {
    C::all().iter().map(|v| (v.code(), v.label(lang))).collect()
}

/// Every code list with its labels in `lang`, keyed by the list's name
/// (`status`, `sector`, `member_type`, `term`, ...), and the sign written
/// before a required value (`comparison_sign`: `at_least` → `≥`). A binding
/// hands this to its presentation code, which then keeps no words of its own.
///
/// ```
/// use coopkit::Lang;
/// let v = coopkit::codes::vocabulary(Lang::Vi);
/// let status = &v.iter().find(|(name, _)| *name == "status").unwrap().1;
/// assert!(status.contains(&("fail", "không đạt")));
/// ```
#[allow(clippy::type_complexity)]
pub fn vocabulary(lang: Lang) -> Vec<(&'static str, Vec<(&'static str, &'static str)>)> {
    vec![
        ("kind", labels_of::<Kind>(lang)),
        ("sector", labels_of::<Sector>(lang)),
        ("governance", labels_of::<Governance>(lang)),
        ("general_meeting", labels_of::<GeneralMeeting>(lang)),
        ("ilo_type", labels_of::<IloType>(lang)),
        ("circular_type", labels_of::<CircularType>(lang)),
        ("member_type", labels_of::<MemberType>(lang)),
        ("member_kind", labels_of::<MemberKind>(lang)),
        ("sex", labels_of::<Sex>(lang)),
        ("role", labels_of::<Role>(lang)),
        ("size_class", labels_of::<SizeClass>(lang)),
        ("law", labels_of::<Law>(lang)),
        ("law_choice", labels_of::<LawChoice>(lang)),
        ("rule", labels_of::<Rule>(lang)),
        ("status", labels_of::<Status>(lang)),
        ("comparison", labels_of::<Comparison>(lang)),
        (
            "comparison_sign",
            Comparison::ALL.iter().map(|c| (c.as_str(), c.sign())).collect(),
        ),
        ("women_managed_rule", labels_of::<WomenManagedRule>(lang)),
        ("size_status", labels_of::<SizeStatus>(lang)),
        ("indicator", labels_of::<IndicatorId>(lang)),
        ("unit", labels_of::<Unit>(lang)),
        ("dimension", labels_of::<Dimension>(lang)),
        ("disaggregation", labels_of::<Disaggregation>(lang)),
        ("unit_level", labels_of::<Level>(lang)),
        ("unit_kind", labels_of::<UnitKind>(lang)),
        (
            "input_error_code",
            labels_of::<crate::error::InputErrorCode>(lang),
        ),
        ("lang", labels_of::<Lang>(lang)),
        ("term", labels_of::<Term>(lang)),
    ]
}

/// The label of `code` in the list `list` of [`vocabulary`] (`"sector"`,
/// `"indicator"`, `"term"`, ...), in `lang`: for a user's own charts and
/// tables. An unknown list is an error at `list`, an unknown code one at
/// `code` (neither is quoted).
///
/// ```
/// use coopkit::Lang;
/// assert_eq!(coopkit::codes::label("sector", "agriculture", Lang::Vi).unwrap(), "nông nghiệp");
/// assert!(coopkit::codes::label("sector", "fishing", Lang::Vi).is_err());
/// ```
pub fn label(list: &str, code: &str, lang: Lang) -> crate::Result<&'static str> {
    let all = vocabulary(lang);
    let Some((_, pairs)) = all.iter().find(|(name, _)| *name == list) else {
        let names: Vec<&str> = all.iter().map(|(name, _)| *name).collect();
        return Err(crate::Error::parameter(
            "list",
            format!("not one of: {}", names.join(", ")),
        ));
    };
    pairs
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, l)| *l)
        .ok_or_else(|| crate::Error::parameter("code", format!("not a code of the list {list}")))
}

/// An ISO date (`YYYY-MM-DD`) given as the option `field`, or the library's
/// error naming the field (the text is never quoted).
pub fn parse_date_option(field: &str, s: &str) -> crate::Result<chrono::NaiveDate> {
    crate::text::parse_date(s).map_err(|_| crate::Error::parameter(field, "not an ISO date (YYYY-MM-DD)"))
}

/// The error for a value outside a code list, at `path`.
pub(crate) fn unknown<C: Code>(path: &str) -> crate::Error {
    crate::Error::parameter(path, format!("not one of: {}", C::codes().join(", ")))
}

/// Defines a code list: the enum, its inherent `ALL`, `as_str`, `parse` and
/// `label`, and its [`Code`], `Display`, `FromStr` and `Serialize`.
///
/// ```text
/// code_list! {
///     /// Docs of the enum.
///     pub enum Sex: "sex" {
///         /// Woman.
///         Female = "female", "female", "nữ";
///         Male = "male", "male", "nam";
///     }
/// }
/// ```
macro_rules! code_list {
    (
        $(#[$meta:meta])*
        pub enum $name:ident : $field:literal {
            $( $(#[$vmeta:meta])* $variant:ident = $code:literal, $en:literal, $vi:literal; )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $( $(#[$vmeta])* $variant, )+ }

        impl $name {
            /// Every value, in contract order.
            pub const ALL: [$name; [$(stringify!($variant)),+].len()] = [$($name::$variant),+];

            /// The contract name.
            pub const fn as_str(self) -> &'static str {
                match self { $($name::$variant => $code,)+ }
            }

            /// The value of a contract name; `None` for any other text.
            pub fn parse(s: &str) -> Option<$name> {
                match s { $($code => Some($name::$variant),)+ _ => None }
            }

            /// A label for people, in `lang`.
            pub const fn label(self, lang: $crate::text::Lang) -> &'static str {
                match lang {
                    $crate::text::Lang::En => match self { $($name::$variant => $en,)+ },
                    $crate::text::Lang::Vi => match self { $($name::$variant => $vi,)+ },
                }
            }

            /// The label in both languages.
            pub fn labels(self) -> $crate::text::Message {
                $crate::codes::Code::labels(self)
            }
        }

        impl $crate::codes::Code for $name {
            const FIELD: &'static str = $field;
            fn all() -> &'static [Self] {
                &$name::ALL
            }
            fn code(self) -> &'static str {
                self.as_str()
            }
            fn label(self, lang: $crate::text::Lang) -> &'static str {
                $name::label(self, lang)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str($crate::codes::Code::code(*self))
            }
        }

        $crate::codes::code_traits!($name);
    };
}
pub(crate) use code_list;

/// `FromStr` (the core's option error) and `Serialize` (the contract name)
/// of a type that implements [`Code`]: the glue every code list shares,
/// whether [`code_list!`] made it or its `Code` is written by hand.
macro_rules! code_traits {
    ($name:ty) => {
        impl std::str::FromStr for $name {
            type Err = $crate::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                <$name as $crate::codes::Code>::parse_option(s)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str($crate::codes::Code::code(*self))
            }
        }
    };
}
pub(crate) use code_traits;

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// `parse` inverts `as_str` on every value, `ALL` lists each value once,
    /// other text parses to nothing, and every value has two distinct,
    /// non-empty labels, none repeated within its list.
    pub(crate) fn round_trip<C: Code + std::fmt::Debug + std::str::FromStr + serde::Serialize>() {
        let all = C::all();
        for (i, &v) in all.iter().enumerate() {
            assert_eq!(C::from_code(v.code()), Some(v));
            assert_eq!(serde_json::to_value(v).unwrap(), v.code());
            assert!(all[..i].iter().all(|w| *w != v), "{v:?} twice");
            for lang in Lang::ALL {
                assert!(!v.label(lang).is_empty(), "{v:?} has no {lang} label");
                assert!(
                    all[..i].iter().all(|w| w.label(lang) != v.label(lang)),
                    "{v:?} shares its {lang} label"
                );
            }
        }
        assert_eq!(C::from_code(""), None);
        assert_eq!(C::from_code("Agriculture"), None);
        let e = C::parse_option("Agriculture").unwrap_err();
        assert_eq!(e.path(), Some(C::FIELD));
        assert!(e.to_string().contains(&C::codes().join(", ")), "{e}");
        assert!(C::from_code("\u{0}").is_none());
    }

    #[test]
    fn every_code_list_round_trips_and_is_labelled() {
        round_trip::<Kind>();
        round_trip::<Sector>();
        round_trip::<Governance>();
        round_trip::<GeneralMeeting>();
        round_trip::<IloType>();
        round_trip::<CircularType>();
        round_trip::<MemberType>();
        round_trip::<MemberKind>();
        round_trip::<Sex>();
        round_trip::<Role>();
        round_trip::<SizeClass>();
        round_trip::<Law>();
        round_trip::<Status>();
        round_trip::<Rule>();
        round_trip::<Comparison>();
        round_trip::<WomenManagedRule>();
        round_trip::<SizeStatus>();
        round_trip::<IndicatorId>();
        round_trip::<Dimension>();
        round_trip::<Disaggregation>();
        round_trip::<Unit>();
        round_trip::<Lang>();
        round_trip::<Term>();
        round_trip::<crate::error::InputErrorCode>();
    }

    #[test]
    fn names_the_contract_uses() {
        assert_eq!(
            Sector::parse("industry_construction"),
            Some(Sector::IndustryConstruction)
        );
        assert_eq!(SizeClass::Medium.as_str(), "medium");
        assert_eq!(Kind::ALL.len(), 3);
        assert_eq!(Role::BoardChair.label(Lang::Vi), "Chủ tịch Hội đồng quản trị");
        assert_eq!("vn-2023".parse::<Law>().unwrap(), Law::Vn2023);
        assert_eq!(
            "women_owned".parse::<WomenManagedRule>().unwrap(),
            WomenManagedRule::WomenOwned
        );
    }
}

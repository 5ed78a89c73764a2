//! The core's readers and writers, in one place so the binding calls them by
//! one name.

pub use coopkit::io::{
    cooperative_from_json, cooperative_from_value, registry_from_json, registry_to_json, Loaded, ReadOptions,
    Rejected,
};

//! The core's readers and writers, in one place so the binding calls them by
//! one name.

pub use coopkit::io::{
    cooperative_from_json, cooperative_from_value, registry_from_csv_dir, registry_from_csv_dir_lenient,
    registry_from_json, registry_from_json_lenient, registry_from_tables, registry_from_tables_lenient,
    registry_from_values_lenient, registry_to_json, Loaded, Rejected,
};

//! A registry in JSON (the object form or JSON Lines, as the reader tells
//! them apart), read strictly and leniently.
#![no_main]
use coopkit_fuzz::{options, reads_agree};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let strict = options(false).read_json(text);
    let lenient = options(true).read_json(text);
    if let (Ok(l), Ok(value)) = (&lenient, serde_json::from_str::<serde_json::Value>(text)) {
        // Lenient reading accounts for every record of the array.
        if let Some(list) = value.get("cooperatives").and_then(|v| v.as_array()) {
            assert_eq!(
                l.registry.len() + l.rejected.len(),
                list.len(),
                "records lost or invented"
            );
        }
    }
    reads_agree(strict, lenient);
});

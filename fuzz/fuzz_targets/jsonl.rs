//! JSON Lines: the input's bytes cut into lines, each a record, so the
//! fuzzer spends its time inside records rather than on the outer form.
#![no_main]
use coopkit_fuzz::{options, reads_agree};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if !text.trim_start().starts_with('{') || text.contains("\"cooperatives\"") {
        return;
    }
    let strict = options(false).read_json(text);
    let lenient = options(true).read_json(text);
    if let Ok(l) = &lenient {
        // One object spread over several lines is one record (a
        // cooperative written out pretty); otherwise each non-blank line is.
        let records = if serde_json::from_str::<serde_json::Value>(text).is_ok() {
            1
        } else {
            text.lines().filter(|l| !l.trim().is_empty()).count()
        };
        assert_eq!(
            l.registry.len() + l.rejected.len(),
            records,
            "lines lost or invented"
        );
    }
    reads_agree(strict, lenient);
});

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
        let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
        assert_eq!(
            l.registry.len() + l.rejected.len(),
            lines,
            "lines lost or invented"
        );
    }
    reads_agree(strict, lenient);
});

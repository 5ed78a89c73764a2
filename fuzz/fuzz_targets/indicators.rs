//! A registry in JSON, then every indicator grouped by every dimension with
//! options chosen by the first byte.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((pick, text)) = coopkit_fuzz::pick_and_text(data) else {
        return;
    };
    if let Ok(l) = coopkit_fuzz::options(true).read_json(text) {
        coopkit_fuzz::every_call(&l.registry, pick);
    }
});

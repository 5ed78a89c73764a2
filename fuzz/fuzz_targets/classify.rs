//! One cooperative in JSON, classified on a date chosen by the first byte.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((pick, text)) = coopkit_fuzz::pick_and_text(data) else {
        return;
    };
    if let Ok(coop) = coopkit::io::cooperative_from_json(text) {
        let c = coopkit::classify(&coop, coopkit_fuzz::date(pick));
        serde_json::to_string(&c).expect("a classification serialises");
    }
});

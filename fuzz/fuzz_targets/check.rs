//! One cooperative in JSON, checked under every law on a date chosen by the
//! first byte.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((pick, text)) = coopkit_fuzz::pick_and_text(data) else {
        return;
    };
    if let Ok(coop) = coopkit::io::cooperative_from_json(text) {
        for law in coopkit::LawChoice::ALL {
            let report = coopkit::check(&coop, law, coopkit_fuzz::date(pick));
            assert!(!report.findings.is_empty());
            for f in &report.findings {
                assert!(
                    !f.message.en.is_empty() && !f.message.vi.is_empty(),
                    "a finding without a message"
                );
            }
        }
    }
});

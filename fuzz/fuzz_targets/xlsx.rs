//! Excel workbooks: any bytes (a zip archive of XML parts, seeded with the
//! test workbooks) read strictly and leniently to the same answer.
#![no_main]
use coopkit_fuzz::{options, reads_agree};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let strict = options(false).read_xlsx(data);
    let lenient = options(true).read_xlsx(data);
    reads_agree(strict, lenient);
});

//! The CSV folder form: the input split at its first two form feeds into
//! cooperatives.csv, members.csv and positions.csv.
#![no_main]
use coopkit_fuzz::{options, reads_agree};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(3, |b| *b == 0x0c);
    let coops = parts.next().unwrap_or_default();
    let members = parts.next();
    let positions = parts.next();
    let strict = options(false).read_csv(coops, members, positions);
    let lenient = options(true).read_csv(coops, members, positions);
    reads_agree(strict, lenient);
});

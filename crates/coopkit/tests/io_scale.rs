//! Reading a registry of national size, for timing. Ignored by default:
//! `cargo test -p coopkit --release --test io_scale -- --ignored --nocapture`
//! (`COOPKIT_SCALE_COOPS` sets the number of cooperatives; 45 members each).

use coopkit::io::{registry_from_csv, registry_from_json, registry_to_csv, registry_to_json_lines};
use std::fmt::Write;
use std::time::Instant;

fn folder(coops: usize, members_each: usize) -> (String, String, String) {
    let mut c = String::from("id,name,kind,sector,province,summary_members\n");
    let mut m = String::from("cooperative_id,id,type,sex,birth_date,ethnicity,capital_vnd,joined\n");
    let mut p = String::from("cooperative_id,role,member\n");
    for i in 0..coops {
        writeln!(
            c,
            "HTX-{i:06},Hợp tác xã số {i},cooperative,agriculture,{},{members_each}",
            i % 34
        )
        .unwrap();
        for j in 0..members_each {
            let sex = if j % 3 == 0 { "female" } else { "male" };
            let eth = ["01", "18", "Co", "Xơ Đăng"][j % 4];
            writeln!(
                m,
                "HTX-{i:06},m{j},individual,{sex},19{:02}-0{}-1{},{eth},{},2020-01-01",
                40 + j % 50,
                1 + j % 9,
                j % 10,
                1_000_000 * j
            )
            .unwrap();
        }
        writeln!(p, "HTX-{i:06},board_chair,m0").unwrap();
        writeln!(p, "HTX-{i:06},director,m1").unwrap();
    }
    (c, m, p)
}

#[test]
#[ignore = "timing at scale; run on demand"]
fn a_national_registry_reads_in_linear_time() {
    let n: usize = std::env::var("COOPKIT_SCALE_COOPS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20_000);
    let (c, m, p) = folder(n, 45);
    let t = Instant::now();
    let r = registry_from_csv(c.as_bytes(), Some(m.as_bytes()), Some(p.as_bytes())).unwrap();
    eprintln!(
        "CSV: {n} cooperatives, {} members read in {:?}",
        n * 45,
        t.elapsed()
    );
    assert_eq!(r.len(), n);
    assert_eq!(r.get(n - 1).unwrap().members.unwrap().len(), 45);

    let jsonl = registry_to_json_lines(&r);
    let t = Instant::now();
    let back = registry_from_json(&jsonl).unwrap();
    eprintln!("JSON Lines: read in {:?}", t.elapsed());
    assert_eq!(back.len(), n);

    let t = Instant::now();
    let (c2, _, _) = registry_to_csv(&back);
    eprintln!("CSV: written in {:?}", t.elapsed());
    assert_eq!(c2.lines().count(), n + 1);
}

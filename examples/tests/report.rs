//! The Quảng Ngãi report, read as a person would read it: what it prints for
//! the embedded data, in both languages, and how it refuses bad arguments.

#[path = "../report/mod.rs"]
mod report;

fn run(args: &[&str]) -> Result<String, report::ReportError> {
    report::run(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>())
}

fn ok(args: &[&str]) -> String {
    run(args).unwrap_or_else(|e| panic!("report {args:?} failed: {e}"))
}

/// The lines of the section whose heading starts with `title`, up to the next heading.
fn section<'a>(text: &'a str, title: &str) -> Vec<&'a str> {
    let lines: Vec<&str> = text.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.starts_with(title))
        .unwrap_or_else(|| panic!("no section {title:?} in:\n{text}"));
    let body = &lines[start + 2..];
    let end = body
        .windows(2)
        .position(|w| !w[1].is_empty() && w[1].chars().all(|c| c == '='))
        .unwrap_or(body.len());
    body[..end].to_vec()
}

/// Findings marked `mark` (`✗ ` failed, `? ` not assessable) as
/// (cooperative id, rule): each such line under the `  ID name` line that
/// introduces its cooperative.
fn marked(text: &str, mark: &str) -> Vec<(String, String)> {
    let mut coop = String::new();
    let mut out = Vec::new();
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("  QN") {
            coop = format!("QN{}", &rest[..2]);
        } else if let Some(rest) = line.trim_start().strip_prefix(mark) {
            let rule = rest.split(':').next().unwrap_or(rest);
            out.push((coop.clone(), rule.to_string()));
        }
    }
    out
}

/// Failed findings as (cooperative id, rule).
fn failures(text: &str) -> Vec<(String, String)> {
    marked(text, "✗ ")
}

/// The text with every run of white space (line breaks of wrapped prose) as one space.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

/// Findings not assessable as (cooperative id, rule).
fn unassessed(text: &str) -> Vec<(String, String)> {
    marked(text, "? ")
}

#[test]
fn the_intended_failures_and_no_other() {
    let text = ok(&[]);
    assert_eq!(
        failures(&text),
        pairs(&[
            ("QN08", "capital.member_cap"),
            ("QN14", "members.minimum"),
            ("QN15", "governance.board_size"),
        ]),
        "{text}"
    );
    // Each failure shows measure, citation and message.
    assert!(text.contains("✗ members.minimum: measured 4; required ≥ 5"));
    assert!(text.contains("Law 17/2023/QH15, Art. 4(7)"));
    assert!(text.contains("✗ capital.member_cap: measured 35.0 %; required ≤ 30 %"));
    assert!(text.contains("✗ governance.board_size: measured 2; required 3–15"));
    // On the workshop's date the 2023 law is in force but its size classes
    // have no thresholds: the three simplified-structure cooperatives are not
    // assessable, and the message says why.
    assert_eq!(
        unassessed(&text),
        pairs(&[
            ("QN06", "governance.structure_allowed"),
            ("QN11", "governance.structure_allowed"),
            ("QN14", "governance.structure_allowed"),
        ]),
        "{text}"
    );
    assert!(
        flat(&text).contains("Not assessable on 2024-10-16: Law 17/2023/QH15, Art. 56 allows the simplified")
    );
    assert!(flat(&text).contains("would be an interpretation, not the law"));
    assert!(flat(&text).contains(
        "lay the parameter table examples/params/interim-2024.toml over the built-in one (--params in the main job)"
    ));
}

#[test]
fn the_structure_rule_on_either_side_of_decree_113() {
    // 31 Oct 2024: not assessable; 1 Nov 2024: Decree 113 classes QN11 small.
    let before = ok(&["--as-of", "2024-10-31"]);
    assert_eq!(unassessed(&before).len(), 3, "{before}");
    assert!(!failures(&before)
        .iter()
        .any(|(_, r)| r == "governance.structure_allowed"));
    let after = ok(&["--as-of", "2024-11-01"]);
    assert!(unassessed(&after).is_empty(), "{after}");
    assert!(failures(&after).contains(&("QN11".to_string(), "governance.structure_allowed".to_string())));
    assert!(after.contains("✗ governance.structure_allowed: measured small; required micro"));
}

#[test]
fn an_interpretation_supplied_as_a_parameter_table_is_applied_and_flagged() {
    let text = ok(&[
        "--params",
        concat!(env!("CARGO_MANIFEST_DIR"), "/params/interim-2024.toml"),
    ]);
    assert!(unassessed(&text).is_empty(), "{text}");
    assert!(failures(&text).contains(&("QN11".to_string(), "governance.structure_allowed".to_string())));
    assert!(text.contains("✗ governance.structure_allowed: measured 66; required 0–49"));
    let flat = flat(&text);
    assert!(flat.contains("by the interpretation supplied as parameter governance.full_structure_min_members.cooperative, not confirmed"));
    assert!(flat.contains("rests on a value from the user's parameter table that no public source confirms"));
    assert!(flat.contains("apply the interpretation of the user's parameter table, not the law"));
    assert!(!flat.contains("Every threshold applied is a confirmed value"));
    // After Decree 113 the interpretation is out of force and the law decides.
    let after = ok(&[
        "--params",
        concat!(env!("CARGO_MANIFEST_DIR"), "/params/interim-2024.toml"),
        "--as-of",
        "2024-11-01",
    ]);
    assert!(after.contains("✗ governance.structure_allowed: measured small; required micro"));
}

#[test]
fn header_names_source_date_law_and_rule() {
    let text = ok(&[]);
    let head: Vec<&str> = text.lines().take(8).collect();
    let head = head.join("\n");
    assert!(
        head.contains("quang-ngai-2024.json (embedded, fictional)"),
        "{head}"
    );
    assert!(head.contains("16 cooperatives"), "{head}");
    assert!(head.contains("2024-10-16"), "{head}");
    assert!(
        head.contains("Law 17/2023/QH15 (vn-2023), the law in force on that date"),
        "{head}"
    );
    assert!(head.contains("rule chair_or_director"), "{head}");
}

#[test]
fn the_excel_template_gives_the_same_report_as_the_embedded_data() {
    let template = concat!(env!("CARGO_MANIFEST_DIR"), "/excel/mau-htx-quang-ngai.xlsx");
    let from_excel = ok(&["--lang", "vi", "--data", template]);
    let embedded = ok(&["--lang", "vi"]);
    // Only the data line and the note on the embedded data's source differ.
    let body = |t: &str| -> Vec<String> {
        t.lines()
            .filter(|l| {
                !l.starts_with("Dữ liệu")
                    && !l.starts_with("  ")
                    && !l.starts_with("- Các hợp tác xã là minh họa")
            })
            .map(str::to_owned)
            .collect()
    };
    // The data line wraps where the checkout's path is long.
    assert!(
        flat(&from_excel).contains("mau-htx-quang-ngai.xlsx: 16 hợp tác xã"),
        "{from_excel}"
    );
    assert_eq!(body(&from_excel), body(&embedded));
}

#[test]
fn the_workbook_holds_the_indicators_and_findings_as_numbers_and_labels() {
    use calamine::{Data, Reader};
    let path = std::env::temp_dir().join(format!("coopkit-report-{}.xlsx", std::process::id()));
    let text = ok(&["--lang", "vi", "--xlsx", path.to_str().unwrap()]);
    assert!(text.contains("Tỷ lệ nữ"), "the report is still printed");
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&path).unwrap();
    assert_eq!(book.sheet_names(), ["Chỉ tiêu", "Kết quả", "Phân loại"]);
    let indicators = book.worksheet_range("Chỉ tiêu").unwrap();
    let header: Vec<String> = indicators
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(header[0], "chỉ tiêu");
    // The women's share of members: 145 of 396, written as the number 0.366
    // (Excel shows it as 36.6 %), not as text.
    let share = indicators
        .rows()
        .find(|r| r[0] == Data::String("Tỷ lệ nữ trong thành viên".into()))
        .expect("the share of women among members");
    assert_eq!((&share[1], &share[2]), (&Data::Float(145.0), &Data::Float(396.0)));
    match &share[3] {
        Data::Float(v) => assert!((v - 145.0 / 396.0).abs() < 1e-12, "{v}"),
        other => panic!("{other:?}"),
    }
    let findings = book.worksheet_range("Kết quả").unwrap();
    let statuses: std::collections::BTreeSet<String> =
        findings.rows().skip(1).map(|r| r[2].to_string()).collect();
    assert!(
        statuses
            .iter()
            .all(|s| ["đạt", "không đạt", "không đánh giá được", "không áp dụng"].contains(&s.as_str())),
        "{statuses:?}"
    );
    // One row per cooperative, with the size class of the text report
    // (QN11 is the one small cooperative) and women-managed as a yes/no cell.
    let classes = book.worksheet_range("Phân loại").unwrap();
    let rows: Vec<Vec<String>> = classes
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(rows[0][..3], ["hợp tác xã", "Tên", "quy mô"]);
    assert_eq!(rows.len(), 17);
    let qn11 = rows.iter().find(|r| r[0] == "QN11").expect("QN11");
    assert_eq!(qn11[2], "nhỏ");
    assert_eq!(qn11[4], "true");
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn each_cooperative_has_a_row_with_its_counts() {
    let text = ok(&[]);
    let rows = section(&text, "4. Each cooperative");
    let row = |id: &str| -> Vec<String> {
        let line = rows
            .iter()
            .find(|l| l.starts_with(&format!("  {id} ")))
            .unwrap_or_else(|| panic!("no row for {id}"));
        line.split_whitespace().map(str::to_string).collect()
    };
    for i in 1..=16 {
        let r = row(&format!("QN{i:02}"));
        let n: Vec<usize> = r[r.len() - 4..].iter().map(|s| s.parse().unwrap()).collect();
        // 12 rules, each with one cooperative-level finding for these records.
        assert_eq!(n.iter().sum::<usize>(), 12, "QN{i:02}: {r:?}");
        let failed = ["QN08", "QN14", "QN15"].contains(&format!("QN{i:02}").as_str());
        assert_eq!(n[1], usize::from(failed), "QN{i:02}: {r:?}");
        // Only the structure rule of the three simplified-structure
        // cooperatives, between Law 17/2023 and Decree 113.
        let simplified = ["QN06", "QN11", "QN14"].contains(&format!("QN{i:02}").as_str());
        assert_eq!(n[2], usize::from(simplified), "QN{i:02}: {r:?}");
    }
    assert!(row("QN11").contains(&"small".to_string()));
    assert!(row("QN14").contains(&"micro".to_string()));
    // The basis of the class is named; before 1 Nov 2024 it is Circular 01/2020.
    assert!(rows
        .iter()
        .any(|l| l.contains("Size class by: Circular 01/2020/TT-BKHĐT")));
    // The women-managed rules: all 16 under the default, the pooled
    // majority and the declared rule; 3 women-owned.
    let total = rows
        .iter()
        .find(|l| l.trim_start().starts_with("all: yes"))
        .expect("totals row");
    assert_eq!(total.matches("16 / 16").count(), 3, "{total}");
    assert_eq!(total.matches(" 3 / 16").count(), 1, "{total}");
}

#[test]
fn vietnamese_headings_and_messages() {
    let text = ok(&["--lang", "vi"]);
    for heading in [
        "Tỉnh Quảng Ngãi: hợp tác xã do phụ nữ tham gia quản lý",
        "4. Từng hợp tác xã",
        "Điều nào là luật đã xác nhận, điều nào chưa",
    ] {
        assert!(
            text.lines().any(|l| l == heading),
            "no heading {heading:?} in:\n{text}"
        );
    }
    assert!(!text.contains("Each cooperative"));
    assert!(flat(&text)
        .contains("Hợp tác xã có 4 thành viên chính thức; Luật Hợp tác xã năm 2023 yêu cầu tối thiểu 5."));
    assert!(text.contains("✗ vốn góp tối đa của một thành viên: thực tế 35,0 %; quy định ≤ 30 %"));
    assert_eq!(failures(&text).len(), 3);
    assert!(flat(&text).contains("Không đánh giá được vào ngày 16/10/2024: Điều 56"));
    // The measure's note of a programme target, in Vietnamese.
    assert!(flat(&text).contains("jobs_female: đo bằng số thành viên nữ góp sức lao động"));
}

#[test]
fn lines_fit_a_terminal() {
    for lang in ["en", "vi"] {
        for date in ["2024-10-16", "2024-11-01", "2023-06-30"] {
            let text = ok(&["--lang", lang, "--as-of", date]);
            for line in text.lines() {
                assert!(line.chars().count() <= 100, "{lang} {date}: too wide: {line:?}");
            }
        }
    }
}

#[test]
fn the_date_decides_the_law_and_the_size_classes() {
    // Before 1 Jul 2024 the 2012 law applies: seven members, and a board chair
    // in every cooperative, so QN14 (11 members) passes the minimum.
    let text = ok(&["--as-of", "2024-06-30"]);
    assert!(text.contains("Law 23/2012/QH13 (vn-2012), the law in force on that date"));
    let f = failures(&text);
    assert!(!f.contains(&("QN14".into(), "members.minimum".into())), "{f:?}");
    assert!(f.contains(&("QN08".into(), "capital.member_cap".into())), "{f:?}");
    assert!(text.contains("required ≤ 20 %"));

    // From 1 Nov 2024 Decree 113 classes; its thresholds for industry and
    // services are not confirmed, and the report says so.
    let text = ok(&["--as-of", "2024-11-01"]);
    assert!(text.contains("Size class by: Decree 113/2024/NĐ-CP, Art. 5"));
    let text = flat(&text);
    assert!(text.contains("size class not determinable: threshold not encoded for this sector or kind"));
    assert!(text.contains("8 cooperatives have no size class"));
}

#[test]
fn a_named_law_out_of_force_is_flagged() {
    let text = ok(&["--law", "vn-2012"]);
    assert!(text.contains("Law 23/2012/QH13 (vn-2012), named; NOT in force on that date"));
    assert!(flat(&text).contains("Law 23/2012/QH13 was not in force on 2024-10-16"));
}

#[test]
fn bad_arguments_are_refused_with_exit_code_2() {
    let e = run(&["--as-of", "2024-02-30"]).unwrap_err();
    assert_eq!(e.exit_code(), 2);
    assert_eq!(
        e.to_string(),
        "error: --as-of: not a valid date (expected YYYY-MM-DD) (see --help)"
    );
    let e = run(&["--as-of", "16/10/2024"]).unwrap_err();
    assert!(e.to_string().contains("--as-of"));

    let e = run(&["--verbose"]).unwrap_err();
    assert_eq!(e.exit_code(), 2);
    assert!(e.to_string().starts_with("error: unknown argument \"--verbose\""));
    assert!(e.to_string().contains("Usage: quang_ngai"));

    for args in [
        &["--law", "vn-2020"][..],
        &["--lang", "fr"],
        &["--rule", "majority"],
        &["--lang"],
    ] {
        let e = run(args).unwrap_err();
        assert_eq!(e.exit_code(), 2, "{args:?}");
        assert!(e.to_string().contains(args[0]), "{args:?}: {e}");
    }
    assert!(ok(&["--help"]).starts_with("Usage: quang_ngai"));
    // `--name=value` works as well as `--name value`.
    assert!(ok(&["--lang=vi"]).contains("Từng hợp tác xã"));
}

#[test]
fn bad_data_gives_located_errors_and_exit_code_1() {
    let e = run(&["--data", "/nonexistent/registry.json"]).unwrap_err();
    assert_eq!(e.exit_code(), 1);
    assert!(e.to_string().contains("/nonexistent/registry.json"), "{e}");

    let dir = std::env::temp_dir().join(format!("coopkit-report-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bad.json");
    std::fs::write(
        &path,
        r#"{"cooperatives": [
            {"id": "A", "name": "HTX A", "kind": "cooperative", "sector": "agriculture",
             "members": [{"id": "m1", "type": "individual", "birth_date": "1990-02-30",
                          "contributes_capital": true, "uses_services": true, "contributes_labour": false}]},
            {"id": "B", "name": "HTX B", "kind": "cooperative", "sector": "fishing"}
        ]}"#,
    )
    .unwrap();
    let e = run(&["--data", path.to_str().unwrap()]).unwrap_err();
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(e.exit_code(), 1);
    let msg = e.to_string();
    // Both errors, each at its path; the bad birth date is not echoed.
    assert!(msg.contains("cooperatives[0].members[0].birth_date"), "{msg}");
    assert!(msg.contains("cooperatives[1].sector"), "{msg}");
    assert!(!msg.contains("1990-02-30"), "{msg}");
}

/// The rows of the first table of section 1: (label, published, recomputed, mark).
fn figure_rows(text: &str) -> Vec<(String, String, String, String)> {
    let lines = section(text, "1. ");
    lines
        .iter()
        .skip(2)
        .take_while(|l| l.starts_with("  "))
        .map(|l| {
            // Columns are separated by at least one space and the label is
            // followed by padding: split the right-aligned cells off the end.
            let cells: Vec<&str> = l.split_whitespace().collect();
            let n = cells.len();
            let (published, rest) = if cells[n - 4] == "nearly" || cells[n - 4] == "gần" {
                (format!("{} {}", cells[n - 4], cells[n - 3]), &cells[..n - 4])
            } else {
                (cells[n - 3].to_string(), &cells[..n - 3])
            };
            (
                rest.join(" "),
                published,
                cells[n - 2].to_string(),
                cells[n - 1].to_string(),
            )
        })
        .collect()
}

#[test]
fn the_five_figures_are_recomputed_exactly() {
    let text = ok(&[]);
    let rows = figure_rows(&text);
    let expected = [
        ("Women-managed cooperatives", "16", "16"),
        ("Their members", "nearly 400", "396"),
        ("of whom women", "145", "145"),
        ("Women on the management boards", "48", "48"),
        ("Cooperatives with ethnic-minority members", "6", "6"),
    ];
    assert_eq!(rows.len(), 5, "{rows:?}");
    for ((label, published, got, mark), (l, p, g)) in rows.iter().zip(expected) {
        assert_eq!(
            (label.as_str(), published.as_str(), got.as_str(), mark.as_str()),
            (l, p, g, "✓")
        );
    }
    // The derived ratios, from the engine's numerators and denominators.
    let text = flat(&text);
    assert!(
        text.contains("Women's share of members ≈ 36 % 36.6 % 145 / 396"),
        "{text}"
    );
    assert!(text.contains("Women board members per cooperative 3.0 3.0 48 / 16"));
    assert!(text.contains("Cooperatives with minority members 37.5 % 37.5 % 6 / 16"));
    assert!(text.contains("Gender parity index (women ÷ men) ≈ 0.57 0.58 145 / 251"));
}

#[test]
fn another_women_managed_rule_changes_the_first_figure_only() {
    let text = ok(&["--rule", "women_owned"]);
    let rows = figure_rows(&text);
    assert_eq!((rows[0].2.as_str(), rows[0].3.as_str()), ("3", "✗"), "{rows:?}");
    assert!(rows[1..].iter().all(|r| r.3 == "✓"), "{rows:?}");
    assert!(text.contains("rule women_owned"));
    // Board seats and the director post pooled: every example cooperative
    // has women in at least half of them.
    let text = ok(&["--rule", "management_majority"]);
    let rows = figure_rows(&text);
    assert_eq!((rows[0].2.as_str(), rows[0].3.as_str()), ("16", "✓"), "{rows:?}");
}

#[test]
fn indicators_section_has_every_contract_indicator_and_the_ethnic_groups() {
    let text = ok(&[]);
    let lines = section(&text, "2. Indicators for the province");
    assert_eq!(lines[0], "Province Quảng Ngãi (code 51):");
    for id in coopkit::indicators::IndicatorId::ALL {
        assert!(
            lines
                .iter()
                .any(|l| l.split_whitespace().next() == Some(id.as_str())),
            "{id} missing"
        );
    }
    let cells = |first: &str| -> Vec<String> {
        let line = lines
            .iter()
            .find(|l| l.trim_start().starts_with(first))
            .unwrap_or_else(|| panic!("no row {first:?}"));
        line.split_whitespace().map(str::to_string).collect()
    };
    assert_eq!(
        cells("members_female_share ")[1..],
        ["145", "396", "36.6", "%", "percent"]
    );
    assert_eq!(cells("members_minority ")[1..], ["118", "118", "count"]);
    // Each id under its label, in the report's language.
    let at = |s: &str| {
        lines
            .iter()
            .position(|l| l.trim() == s || l.trim_start().starts_with(&format!("{s} ")))
    };
    assert_eq!(
        at("Women's share of members").map(|i| i + 1),
        at("members_female_share"),
        "{lines:#?}"
    );
    assert_eq!(
        cells("all sectors")[2..],
        ["16", "396", "145", "36.6", "%", "72.7", "%", "6"]
    );
    // Members by ethnic group: Kinh 278, Hrê 64, Co 34, Xơ Đăng 20 (examples/data/README.md).
    assert_eq!(cells("01 ")[1..], ["Kinh", "278", "100"]);
    assert_eq!(cells("18 ")[1..], ["Hrê", "64", "28"]);
    assert_eq!(cells("30 ")[1..], ["Co", "34", "9"]);
    assert_eq!(cells("16 ")[1..], ["Xơ", "Đăng", "20", "8"]);
}

#[test]
fn programme_progress_is_measured_where_a_registry_can() {
    let text = flat(&ok(&[]));
    let jobs = text
        .split("Stable jobs for women members and workers in cooperatives")
        .nth(1)
        .expect("jobs target");
    // jobs_female of the indicator table (100) against 15,000 and 30,000.
    assert!(
        jobs.starts_with(
            " by 2025-12-31: 15,000; achieved 100 (0.7 %) by 2030-12-31: 30,000; achieved 100 (0.3 %)"
        ),
        "{jobs}"
    );
    assert!(text.contains("jobs_female 100 100 count"));
    assert!(text.contains("which cooperatives the programme supported is in programme records"));
}

/// Provincial records often hold counts, not member lists: the report says
/// what it cannot assess or compute, and why, instead of guessing.
#[test]
fn summary_counts_give_not_assessable_findings_and_gaps() {
    let dir = std::env::temp_dir().join(format!("coopkit-report-summary-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("summary.json");
    std::fs::write(
        &path,
        r#"{"cooperatives": [
            {"id": "S1", "name": "HTX A", "kind": "cooperative", "sector": "agriculture", "province": "51",
             "governance": "full",
             "summary": {"members": 30, "members_female": 12, "board_seats": 3, "board_female": 2, "chair_female": true}},
            {"id": "S2", "name": "HTX B", "kind": "cooperative", "sector": "industry_construction", "province": "51",
             "summary": {"members": 8, "members_female": 6}}
        ]}"#,
    )
    .unwrap();
    let text = ok(&["--data", path.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).ok();

    let rows = figure_rows(&text);
    assert_eq!((rows[1].2.as_str(), rows[1].3.as_str()), ("38", "✗"), "{rows:?}");
    assert_eq!((rows[2].2.as_str(), rows[2].3.as_str()), ("18", "✗"), "{rows:?}");
    // Nobody's ethnicity is known: not computed, marked `?`, never 0.
    assert_eq!((rows[4].2.as_str(), rows[4].3.as_str()), ("—", "?"), "{rows:?}");
    // Member-level rules are not assessable, each with its reason; nothing fails.
    assert!(failures(&text).is_empty());
    assert!(text.contains("? members.minimum: not assessable; required ≥ 5"));
    let flat = flat(&text);
    assert!(flat.contains("the record has neither a member list (members) nor summary.official_members"));
    assert!(flat.contains("20 findings could not be assessed"));
    // Indicators without data say so instead of showing 0.
    assert!(flat.contains("members_minority — count"));
    assert!(flat.contains("no cooperative in this group has the data for this indicator"));
}

#[test]
fn footer_says_which_results_rest_on_less_than_confirmed_law() {
    let text = ok(&[]);
    let footer = flat(&section(&text, "What is confirmed law").join("\n"));
    assert!(
        footer.contains("Only the five published figures come from the source"),
        "{footer}"
    );
    assert!(footer.contains("no formal definition of a cooperative managed by women"));
    // Each failed finding names its parameters; the footer gives their notes.
    assert!(
        footer.contains(
            "capital.member_cap (capital.member_cap.cooperative), the parameter table notes: One member's \
             capital is at most 30 % of a cooperative's charter capital. The value is confirmed; the article \
             is not confirmed."
        ),
        "{footer}"
    );
    assert!(footer.contains(
        "governance.board_size (governance.board_size.max), the parameter table notes: Board (HĐQT) of 3 \
         to 15 members; confirmed from a secondary source."
    ));
    // The built-in table is confirmed throughout: no value is flagged as the user's.
    assert!(!footer.contains("no public source confirms"));
    assert!(footer.contains(
        "governance.structure_allowed (QN06, QN11, QN14): on this date Law 17/2023/QH15 is in force, but its \
         size classes (Art. 16) have no thresholds"
    ));
    // Every cooperative has a size class, so the footer does not say otherwise.
    assert!(!footer.contains("no size class"));
    assert!(footer.contains("3 findings could not be assessed"));
    // After Decree 113 the structure rule rests on its size class.
    let after = flat(&section(&ok(&["--as-of", "2024-11-01"]), "What is confirmed law").join("\n"));
    assert!(
        after.contains("governance.structure_allowed: depends on the size class, on this date by Decree"),
        "{after}"
    );
}

/// The same registry from a CSV folder gives the same report, line for line,
/// but for the lines about the data itself.
#[test]
fn a_csv_folder_gives_the_same_report() {
    let registry = coopkit::io::registry_from_json(include_str!("../data/quang-ngai-2024.json")).unwrap();
    let (cooperatives, members, positions) = coopkit::io::registry_to_csv(&registry);
    let dir = std::env::temp_dir().join(format!("coopkit-report-csv-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("cooperatives.csv"), cooperatives).unwrap();
    std::fs::write(dir.join("members.csv"), members).unwrap();
    std::fs::write(dir.join("positions.csv"), positions).unwrap();
    let from_csv = ok(&["--data", dir.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).ok();

    // From section 1 to the footer (the header names the data, and the
    // footer's note on fictional records is for the embedded data only).
    let body = |text: &str| -> String {
        let start = text.find("1. The five reported figures").unwrap();
        let end = text.find("What is confirmed law").unwrap();
        text[start..end].to_string()
    };
    let embedded = ok(&[]);
    assert_eq!(body(&from_csv), body(&embedded));
    assert!(from_csv.contains("16 cooperatives"));
    assert!(!from_csv.contains("fictional"));
}

/// Before 1 Jul 2013 no encoded law was in force, and most of the example
/// cooperatives did not exist yet: the report says both, and counts only the
/// cooperatives established by then (as the indicator engine does).
#[test]
fn an_early_date_leaves_out_later_cooperatives_and_flags_the_law() {
    let text = ok(&["--as-of", "2013-01-01"]);
    assert!(text.contains("Law 23/2012/QH13 (vn-2012), the nearest law; NOT in force on that date"));
    let flat = flat(&text);
    assert!(flat.contains(
        "Not yet established or already dissolved on that date, left out: QN03, QN04, QN05, QN06, QN08, QN09, QN10, QN13, QN14, QN15."
    ));
    let rows = figure_rows(&text);
    assert_eq!((rows[0].2.as_str(), rows[0].3.as_str()), ("6", "✗"), "{rows:?}");
    // The rows of the checks table, up to the line naming the size-class basis.
    let listed = section(&text, "4. Each cooperative")
        .iter()
        .take_while(|l| !l.starts_with("Size class by"))
        .filter(|l| l.starts_with("  QN"))
        .count();
    assert_eq!(listed, 6);
}

/// `--as-of` with several dates: the trend of the five figures, each column
/// equal to the report on that date alone, and the report is for the last.
#[test]
fn several_dates_give_the_trend_of_the_five_figures() {
    let dates = ["2020-12-31", "2022-12-31", "2024-10-16"];
    let text = ok(&["--as-of", &dates.join(",")]);
    let trend = section(&text, "1b. The five figures over time");
    for (k, date) in dates.iter().enumerate() {
        let alone = figure_rows(&ok(&["--as-of", date]));
        for (label, _, recomputed, _) in &alone {
            let line = trend
                .iter()
                .find(|l| l.trim_start().starts_with(label.as_str()))
                .unwrap_or_else(|| panic!("no trend row {label}: {trend:?}"));
            let cells: Vec<&str> = line.split_whitespace().rev().take(dates.len()).collect();
            assert_eq!(cells[dates.len() - 1 - k], recomputed, "{label} on {date}");
        }
    }
    // The header and sections 1 to 4 are for the last date.
    assert!(text.lines().take(8).any(|l| l.contains("2024-10-16")));
    assert_eq!(figure_rows(&text), figure_rows(&ok(&[])));
    // In Vietnamese the dates are written dd/mm/yyyy.
    let vi = ok(&["--lang", "vi", "--as-of", &dates.join(",")]);
    assert!(section(&vi, "1b. Năm số liệu qua các năm")[0].contains("31/12/2020"));
    // A bad date is named by its position, not echoed.
    let e = run(&["--as-of", "2020-12-31,31/12/2022"])
        .unwrap_err()
        .to_string();
    assert!(e.contains("date 2 of 2") && !e.contains("31/12/2022"), "{e}");
}

/// What a Vietnamese reader sees is Vietnamese: dates dd/mm/yyyy, citations
/// in legal style, the law's own terms, labels for codes (REFERENCE, issue
/// "Vietnamese that reads as Vietnamese"). Codes stay only where a column
/// or a parenthesis is meant for them (indicator and parameter ids).
#[test]
fn the_vietnamese_report_reads_as_vietnamese() {
    for args in [
        &["--lang", "vi"][..],
        &["--lang", "vi", "--as-of", "2020-12-31,2024-10-16"],
        &["--lang", "vi", "--as-of", "2025-03-01"],
        &[
            "--lang",
            "vi",
            "--params",
            concat!(env!("CARGO_MANIFEST_DIR"), "/params/interim-2024.toml"),
        ],
    ] {
        let text = ok(args);
        // The indicator ids column of section 2 is meant for codes.
        let prose: String = text
            .lines()
            .filter(|l| !l.trim_start().starts_with(|c: char| c.is_ascii_lowercase()) || l.contains(' '))
            .collect::<Vec<_>>()
            .join("\n");
        let iso = prose
            .split(|c: char| !(c.is_ascii_digit() || c == '-'))
            .find(|w| {
                let b = w.as_bytes();
                b.len() == 10 && b[4] == b'-' && b[7] == b'-' && b[..4].iter().all(u8::is_ascii_digit)
            });
        assert_eq!(iso, None, "an ISO date in the Vietnamese report {args:?}");
        for english in [
            "Law ",
            "Art.",
            "Decree ",
            "Circular ",
            "Resolution ",
            "Decision 01",
            "not assessable",
            "measured",
            "required",
            " pass",
            "cooperative_group",
            "not_assessable",
            "chair_or_director",
            "management_majority",
            "women_owned",
            "mô hình tổ chức",
            "số liệu gốc",
            "giả định",
            "do phụ nữ quản lý",
        ] {
            assert!(
                !prose.contains(english),
                "{english:?} in the Vietnamese report {args:?}:\n{text}"
            );
        }
        // No rule id outside a code's parenthesis: every rule is named by its label.
        for rule in coopkit::Rule::ALL {
            for line in text.lines().filter(|l| l.contains(rule.as_str())) {
                assert!(
                    line.contains(&format!("({}", rule.as_str())),
                    "rule id {rule} shown: {line}"
                );
            }
        }
        let flat = flat(&text);
        assert!(
            flat.contains("Luật Hợp tác xã số 17/2023/QH15")
                || flat.contains("Luật Hợp tác xã số 23/2012/QH13")
        );
    }
    let text = flat(&ok(&["--lang", "vi"]));
    for term in [
        "khoản 7 Điều 4 Luật Hợp tác xã số 17/2023/QH15",
        "tổ chức quản trị rút gọn",
        "thành viên chính thức",
        "minh họa",
        "hợp tác xã do phụ nữ tham gia quản lý",
        "Hội đồng quản trị",
        "số liệu nền",
    ] {
        assert!(text.contains(term), "{term:?} missing");
    }
}

/// `--units`: a unit table laid over the built-in one; the registry's codes
/// must be units valid on the report's date.
#[test]
fn a_unit_table_names_codes_and_checks_them_on_the_date() {
    let dir = std::env::temp_dir().join(format!("coopkit-report-units-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("units.csv");
    // A made-up code for the new province (the real one is not confirmed).
    std::fs::write(
        &path,
        "code,name,level,valid_from,successors,valid_to\nQN,Quảng Ngãi (mới),province,2025-07-01,,\n",
    )
    .unwrap();
    let p = path.to_str().unwrap();
    // On the workshop's date 51 is valid: the report names it.
    let text = ok(&["--units", p]);
    assert!(text.contains("Province Quảng Ngãi (code 51):"));
    // In 2026 it is not: every cooperative's province is a located error.
    let e = run(&["--units", p, "--as-of", "2026-01-01"])
        .unwrap_err()
        .to_string();
    // One line for the column, with its count and first rows.
    assert!(
        e.contains("cooperatives[*].province: ") && e.contains("(16 times: cooperatives[0].province,"),
        "{e}"
    );
    assert!(e.contains("not valid on 2026-01-01"), "{e}");
    std::fs::remove_dir_all(&dir).ok();
}

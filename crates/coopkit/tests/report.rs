//! The report as data and its renderers: what a user's own text becomes in
//! HTML, registries the example does not cover (empty, several provinces,
//! counts only), and the same figures in the text, the page and the data.

use coopkit::report::{Block, ReportOptions};
use coopkit::{Date, Lang, Registry};

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

fn registry(json: &str) -> Registry {
    coopkit::io::registry_from_json(json).unwrap()
}

fn quang_ngai() -> Registry {
    registry(include_str!("../../../examples/data/quang-ngai-2024.json"))
}

#[test]
fn text_a_user_typed_is_escaped_in_the_page() {
    let reg = registry(
        r#"{"cooperatives": [{"id": "c<1>", "name": "HTX <script>alert(1)</script> & \"Lúa\"",
            "kind": "cooperative", "sector": "agriculture",
            "summary": {"members": 10, "members_female": 6}}]}"#,
    );
    let page = reg
        .report(&ReportOptions::new(date("2025-01-01")).title("Báo cáo <b>quý</b>"))
        .unwrap()
        .to_html();
    assert!(!page.contains("<script"), "{page}");
    assert!(!page.contains("<b>quý"));
    assert!(page.contains("Báo cáo &lt;b&gt;quý&lt;/b&gt;"));
    assert!(page.contains("c&lt;1&gt;"));
}

#[test]
fn an_empty_registry_gives_a_report_that_says_so() {
    let report = registry(r#"{"cooperatives": []}"#)
        .report(&ReportOptions::new(date("2025-01-01")).lang(Lang::En))
        .unwrap();
    assert_eq!(report.title, "Cooperatives managed by women");
    let text = report.to_text(96);
    assert!(text.contains("Data           0 cooperatives"), "{text}");
    assert!(report
        .to_html()
        .contains("<h1>Cooperatives managed by women</h1>"));
}

#[test]
fn numbers_are_written_the_way_each_language_writes_them() {
    let reg = quang_ngai();
    let as_of = date("2024-10-16");
    let vi = reg.report(&ReportOptions::new(as_of)).unwrap().to_text(96);
    let en = reg
        .report(&ReportOptions::new(as_of).lang(Lang::En))
        .unwrap()
        .to_text(96);
    assert!(vi.contains("36,6 %") && !vi.contains("36.6 %"));
    assert!(en.contains("36.6 %") && !en.contains("36,6 %"));
    assert!(vi.contains("16/10/2024") && en.contains("2024-10-16"));
}

#[test]
fn the_chart_by_cooperative_has_the_engines_shares() {
    let reg = quang_ngai();
    let report = reg.report(&ReportOptions::new(date("2024-10-16"))).unwrap();
    let section = report.section("cooperatives").unwrap();
    let chart = section
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Chart(c) => Some(c),
            _ => None,
        })
        .expect("a chart");
    assert_eq!(chart.bars.len(), 16);
    assert_eq!(chart.max, 100.0);
    // QN01: 17 women of 22 members, 4 of 5 board seats.
    let qn01 = &chart.bars[0];
    assert_eq!(qn01.label, "QN01");
    assert_eq!(qn01.texts, ["77,3 %", "80,0 %"]);
    assert!((qn01.values[0].unwrap() - 1700.0 / 22.0).abs() < 1e-9);
    // The data as JSON names the same blocks.
    let data: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
    let types: Vec<&str> = data["sections"][2]["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["type"].as_str().unwrap())
        .collect();
    assert!(
        types.contains(&"chart") && types.contains(&"findings"),
        "{types:?}"
    );
}

#[test]
fn several_provinces_have_one_table_each_and_a_title_without_a_name() {
    let reg = registry(
        r#"{"cooperatives": [
            {"id": "a", "name": "A", "kind": "cooperative", "sector": "agriculture", "province": "51",
             "summary": {"members": 10, "members_female": 6}},
            {"id": "b", "name": "B", "kind": "cooperative", "sector": "trade_services", "province": "01",
             "summary": {"members": 8, "members_female": 2}}]}"#,
    );
    let report = reg.report(&ReportOptions::new(date("2024-10-16"))).unwrap();
    assert_eq!(report.title, "Hợp tác xã do phụ nữ tham gia quản lý");
    let lines: Vec<&str> = report
        .section("indicators")
        .unwrap()
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Line { text } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(
        lines.iter().any(|l| l.contains("Quảng Ngãi (mã 51)")),
        "{lines:?}"
    );
}

#[cfg(feature = "excel")]
#[test]
fn the_workbook_has_a_row_per_cooperative_in_its_classification_sheet() {
    use calamine::Reader;
    let reg = quang_ngai();
    let bytes = reg
        .report(&ReportOptions::new(date("2024-10-16")).lang(Lang::En))
        .unwrap()
        .to_xlsx()
        .unwrap();
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(book.sheet_names(), ["Indicator", "Status", "Classification"]);
    let rows = book.worksheet_range("Classification").unwrap();
    assert_eq!(rows.height(), 17);
}

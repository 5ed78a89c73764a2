//! The TypeScript code lists of the npm package (`bindings/wasm/js/codes.d.ts`)
//! are the core's code lists: this test renders them from
//! `coopkit::codes::vocabulary` and fails when the file differs.
//! `COOPKIT_UPDATE=1 cargo test -p coopkit-examples --test ts_codes` rewrites it.

use coopkit::Lang;

fn pascal(field: &str) -> String {
    field
        .split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

fn render() -> String {
    let mut out = String::from(
        "// Generated from the core's code lists by examples/tests/ts_codes.rs; do not edit.\n\
         // COOPKIT_UPDATE=1 cargo test -p coopkit-examples --test ts_codes\n",
    );
    let mut fields = Vec::new();
    for (field, labels) in coopkit::codes::vocabulary(Lang::En) {
        if field == "comparison_sign" {
            continue;
        }
        fields.push(field);
        let codes: Vec<String> = labels.iter().map(|(c, _)| format!("\"{c}\"")).collect();
        out.push_str(&format!(
            "\n/** Codes of `{field}`. */\nexport type {} =\n  | {};\n",
            pascal(field),
            codes.join("\n  | ")
        ));
    }
    out.push_str(
        "\n/** The fields of `vocabulary()`: each code list's labels. */\nexport interface Vocabulary {\n",
    );
    for f in &fields {
        out.push_str(&format!("  {f}: Record<{}, string>;\n", pascal(f)));
    }
    out.push_str("  comparison_sign: Record<Comparison, string>;\n}\n");
    out
}

#[test]
fn codes_d_ts_is_the_core_code_lists() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../bindings/wasm/js/codes.d.ts");
    let want = render();
    if std::env::var_os("COOPKIT_UPDATE").is_some() {
        std::fs::write(&path, &want).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "{} is not the core's code lists; run COOPKIT_UPDATE=1 cargo test -p coopkit-examples --test ts_codes",
        path.display()
    );
}

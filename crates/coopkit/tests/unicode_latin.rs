//! The Latin-script normaliser (`coopkit::unicode`) against a full Unicode
//! implementation: its tables are generated from it, and its NFC equals it
//! on every letter in scope with every one and two combining marks.
//! `COOPKIT_UPDATE=1 cargo test -p coopkit --test unicode_latin` rewrites
//! `src/unicode/tables.rs`.

use unicode_normalization::char::{canonical_combining_class, compose, decompose_canonical};
use unicode_normalization::UnicodeNormalization;

const LATIN: [std::ops::RangeInclusive<u32>; 2] = [0x00..=0x024F, 0x1E00..=0x1EFF];
const MARKS: std::ops::RangeInclusive<u32> = 0x300..=0x36F;

fn letters() -> impl Iterator<Item = char> {
    LATIN.into_iter().flatten().filter_map(char::from_u32)
}

fn render() -> String {
    let mut decompose = Vec::new();
    // The letters, and the marks that are singletons (U+0340 → U+0300).
    let marks = MARKS.clone().filter_map(char::from_u32);
    let mut all: Vec<char> = letters().filter(|c| *c as u32 >= 0xC0).chain(marks).collect();
    all.sort();
    for c in all {
        let mut parts = Vec::new();
        decompose_canonical(c, |d| parts.push(d as u32));
        if parts.len() > 1 || parts[0] != c as u32 {
            assert!(
                parts[1..].iter().all(|m| MARKS.contains(m)),
                "{c:?} decomposes outside the marks"
            );
            assert!(parts.len() <= 4, "{c:?} has more than three marks");
            let mut marks = [0u32; 3];
            marks[..parts.len() - 1].copy_from_slice(&parts[1..]);
            decompose.push((c as u32, parts[0], marks));
        }
    }
    // Every base a decomposition starts from (ǯ is ʒ + caron, ʒ outside
    // the Latin blocks), and every letter a composition makes, until no new one.
    let mut bases: std::collections::BTreeSet<char> = letters().collect();
    bases.extend(decompose.iter().filter_map(|d| char::from_u32(d.1)));
    let mut composed = std::collections::BTreeSet::new();
    loop {
        let before = bases.len();
        for base in bases.clone() {
            for m in MARKS.clone().filter_map(char::from_u32) {
                if let Some(c) = compose(base, m) {
                    composed.insert((base as u32, m as u32, c as u32));
                    bases.insert(c);
                }
            }
        }
        if bases.len() == before {
            break;
        }
    }
    let mut out = String::from(
        "//! Generated from a full Unicode implementation by `tests/unicode_latin.rs`; do not edit.\n\n\
         /// Canonical combining class of U+0300..=U+036F.\n\
         pub(super) static COMBINING_CLASS: [u8; 112] = [\n",
    );
    for row in MARKS.clone().collect::<Vec<_>>().chunks(16) {
        let classes: Vec<String> = row
            .iter()
            .map(|m| canonical_combining_class(char::from_u32(*m).unwrap()).to_string())
            .collect();
        out.push_str(&format!("    {},\n", classes.join(", ")));
    }
    out.push_str("];\n\n/// (letter, base, marks): the full canonical decomposition, by letter.\n");
    out.push_str(&format!(
        "pub(super) static DECOMPOSE: [(u16, u16, [u16; 3]); {}] = [\n",
        decompose.len()
    ));
    for (c, b, m) in &decompose {
        out.push_str(&format!(
            "    (0x{c:04X}, 0x{b:04X}, [0x{:04X}, 0x{:04X}, 0x{:04X}]),\n",
            m[0], m[1], m[2]
        ));
    }
    out.push_str("];\n\n/// (base, mark, letter): canonical composition, by base and mark.\n");
    out.push_str(&format!(
        "pub(super) static COMPOSE: [(u16, u16, u16); {}] = [\n",
        composed.len()
    ));
    for (b, m, c) in &composed {
        out.push_str(&format!("    (0x{b:04X}, 0x{m:04X}, 0x{c:04X}),\n"));
    }
    out.push_str("];\n");
    out
}

#[test]
fn tables_are_generated_from_unicode() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/unicode/tables.rs");
    let want = render();
    if std::env::var_os("COOPKIT_UPDATE").is_some() {
        std::fs::write(&path, &want).unwrap();
    }
    assert!(
        std::fs::read_to_string(&path).unwrap_or_default() == want,
        "src/unicode/tables.rs is stale: COOPKIT_UPDATE=1 cargo test -p coopkit --test unicode_latin"
    );
}

#[test]
fn nfc_is_unicode_nfc_on_every_letter_with_one_and_two_marks() {
    let marks: Vec<char> = MARKS.clone().filter_map(char::from_u32).collect();
    let mut checked = 0usize;
    for base in letters() {
        let mut s = String::new();
        for &m1 in &marks {
            s.clear();
            s.push(base);
            s.push(m1);
            assert_eq!(coopkit::unicode::nfc(&s), s.nfc().collect::<String>(), "{s:?}");
            // Two marks, in both orders, for the marks Vietnamese stacks.
            for &m2 in [
                '\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}', '\u{302}', '\u{306}', '\u{31B}',
            ]
            .iter()
            {
                let mut t = s.clone();
                t.push(m2);
                assert_eq!(coopkit::unicode::nfc(&t), t.nfc().collect::<String>(), "{t:?}");
                checked += 1;
            }
        }
        // The letter alone, and its NFD.
        let single = base.to_string();
        assert_eq!(coopkit::unicode::nfc(&single), single.nfc().collect::<String>());
        let nfd: String = single.nfd().collect();
        assert_eq!(
            coopkit::unicode::nfc(&nfd),
            single.nfc().collect::<String>(),
            "{nfd:?}"
        );
    }
    assert!(checked > 500_000);
}

#[test]
fn vietnamese_text_in_any_form_and_other_scripts_untouched() {
    let names = [
        "Nguyễn Thị Hoà",
        "Đặng Văn Ướt",
        "H'Mông",
        "Ê Đê",
        "Xơ Đăng",
        "Bố Y",
        "Mường Tè",
    ];
    for n in names {
        for form in [n.nfd().collect::<String>(), n.nfc().collect(), n.nfkd().collect()] {
            assert_eq!(coopkit::unicode::nfc(&form), n.nfc().collect::<String>(), "{n}");
            let plain: String = n
                .nfd()
                .filter(|c| !(0x300..=0x36F).contains(&(*c as u32)))
                .collect();
            assert_eq!(coopkit::unicode::strip_marks(&form), plain, "{n}");
        }
    }
    // Other scripts are kept exactly as given.
    for s in ["한국어", "中文", "ไทย", "Ω", "\u{1100}\u{1161}"] {
        assert_eq!(coopkit::unicode::nfc(s), s);
    }
}

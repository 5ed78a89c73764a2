//! Unicode normalisation of Latin-script text, the script of Vietnamese:
//! NFC for the fields the library stores (so that a name typed with
//! combining marks and one typed precomposed are the same text), and a
//! fold that drops diacritics for comparing names.
//!
//! Scope: letters of Basic Latin, Latin-1, Latin Extended-A and -B and
//! Latin Extended Additional (U+0000–U+024F, U+1E00–U+1EFF) with the
//! combining diacritics U+0300–U+036F. On such text the result is exactly
//! Unicode's NFC (a test compares every letter with every one and two marks
//! against a full implementation). Characters of other scripts are kept as
//! given, never altered or dropped. The full tables would be a fifth of the
//! WebAssembly module; these are 4 KB.

use std::borrow::Cow;

#[rustfmt::skip]
mod tables;

use tables::{COMBINING_CLASS, COMPOSE, DECOMPOSE};

/// First and last combining mark handled.
const MARKS: std::ops::RangeInclusive<char> = '\u{300}'..='\u{36F}';

/// Canonical combining class of `c` (0 for a starter or a character out of scope).
fn ccc(c: char) -> u8 {
    if MARKS.contains(&c) {
        COMBINING_CLASS[c as usize - 0x300]
    } else {
        0
    }
}

/// `c` fully decomposed (base letter, then its marks in canonical order).
fn decompose(c: char, out: &mut Vec<char>) {
    let code = c as u32;
    if !(0xC0..=0xFFFF).contains(&code) {
        out.push(c);
        return;
    }
    match DECOMPOSE.binary_search_by_key(&(code as u16), |d| d.0) {
        Ok(i) => {
            let (_, base, marks) = DECOMPOSE[i];
            out.push(char::from_u32(u32::from(base)).unwrap_or(c));
            for &m in marks.iter().take_while(|m| **m != 0) {
                out.push(char::from_u32(u32::from(m)).unwrap_or(c));
            }
        }
        Err(_) => out.push(c),
    }
}

/// The precomposed letter for `base` + `mark`, if Unicode composes them.
fn compose(base: char, mark: char) -> Option<char> {
    let key = (u32::from(base), u32::from(mark));
    if key.0 > 0xFFFF || !MARKS.contains(&mark) {
        return None;
    }
    COMPOSE
        .binary_search_by_key(&(key.0 as u16, key.1 as u16), |c| (c.0, c.1))
        .ok()
        .and_then(|i| char::from_u32(u32::from(COMPOSE[i].2)))
}

/// Canonical decomposition of the whole text, marks reordered by class.
fn nfd_chars(s: &str) -> Vec<char> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        decompose(c, &mut out);
    }
    // Canonical ordering: a stable sort of each run of marks by class.
    let mut i = 0;
    while i < out.len() {
        if ccc(out[i]) == 0 {
            i += 1;
            continue;
        }
        let start = i;
        while i < out.len() && ccc(out[i]) != 0 {
            i += 1;
        }
        out[start..i].sort_by_key(|c| ccc(*c));
    }
    out
}

/// `s` in normalisation form C (within the scope above); borrowed when it
/// already is, which is when it has no combining mark.
pub fn nfc(s: &str) -> Cow<'_, str> {
    if s.is_ascii() || !s.chars().any(|c| MARKS.contains(&c)) {
        return Cow::Borrowed(s);
    }
    let chars = nfd_chars(s);
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    // Index in `out` of the last starter, and the class of the last mark
    // kept after it (a mark of the same or lower class blocks).
    let mut starter: Option<usize> = None;
    let mut last_class = 0u8;
    for c in chars {
        let class = ccc(c);
        if let Some(si) = starter {
            let blocked = last_class != 0 && last_class >= class;
            let adjacent = out.len() == si + 1;
            if (class != 0 && !blocked) || (class == 0 && adjacent && last_class == 0) {
                if let Some(composed) = compose(out[si], c) {
                    out[si] = composed;
                    continue;
                }
            }
        }
        if class == 0 {
            starter = Some(out.len());
            last_class = 0;
        } else {
            last_class = class;
        }
        out.push(c);
    }
    Cow::Owned(out.into_iter().collect())
}

/// `s` with its letters' diacritics removed (canonical decomposition, marks
/// dropped): `"Hrê"` and `"Hre\u{302}"` both give `"Hre"`.
pub fn strip_marks(s: &str) -> String {
    nfd_chars(s).into_iter().filter(|c| !MARKS.contains(c)).collect()
}

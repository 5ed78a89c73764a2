//! Small helpers for the English and Vietnamese reason texts.

use crate::law::Message;

/// `n` with thousands separated by `sep`: `50,000,000,000` or `50.000.000.000`.
pub(super) fn grouped(n: u64, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// An amount in đồng, in each language's number style.
pub(super) fn vnd(n: u64) -> Message {
    Message::new(
        format!("{} đồng", grouped(n, ',')),
        format!("{} đồng", grouped(n, '.')),
    )
}

/// A count, in each language's number style.
pub(super) fn count(n: u64) -> Message {
    Message::new(grouped(n, ','), grouped(n, '.'))
}

/// Joins messages language by language.
pub(super) fn join(parts: &[Message], en_sep: &str, vi_sep: &str) -> Message {
    Message::new(
        parts
            .iter()
            .map(|m| m.en.as_str())
            .collect::<Vec<_>>()
            .join(en_sep),
        parts
            .iter()
            .map(|m| m.vi.as_str())
            .collect::<Vec<_>>()
            .join(vi_sep),
    )
}

/// Builds a message by formatting both languages from their own parts.
pub(super) struct Builder {
    en: String,
    vi: String,
}

impl Builder {
    pub(super) fn new() -> Self {
        Builder {
            en: String::new(),
            vi: String::new(),
        }
    }

    /// Appends a text in each language.
    pub(super) fn push(&mut self, en: &str, vi: &str) -> &mut Self {
        self.en.push_str(en);
        self.vi.push_str(vi);
        self
    }

    /// Appends a message.
    pub(super) fn push_msg(&mut self, m: &Message) -> &mut Self {
        self.push(&m.en, &m.vi)
    }

    pub(super) fn build(&self) -> Message {
        Message::new(self.en.clone(), self.vi.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands_in_each_language_style() {
        assert_eq!(grouped(0, ','), "0");
        assert_eq!(grouped(999, ','), "999");
        assert_eq!(grouped(1000, ','), "1,000");
        assert_eq!(grouped(50_000_000_000, '.'), "50.000.000.000");
        assert_eq!(grouped(49_999_999_999, ','), "49,999,999,999");
        assert_eq!(vnd(1_000_000).vi, "1.000.000 đồng");
    }
}

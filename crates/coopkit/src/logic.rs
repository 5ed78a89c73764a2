//! Three-valued logic on `Option<bool>`, where `None` is "not known"
//! (Kleene's): a known `false` settles AND, a known `true` settles OR.

/// Three-valued AND.
pub(crate) fn and(a: Option<bool>, b: Option<bool>) -> Option<bool> {
    match (a, b) {
        (Some(false), _) | (_, Some(false)) => Some(false),
        (Some(true), Some(true)) => Some(true),
        _ => None,
    }
}

/// Three-valued OR.
pub(crate) fn or(a: Option<bool>, b: Option<bool>) -> Option<bool> {
    match (a, b) {
        (Some(true), _) | (_, Some(true)) => Some(true),
        (Some(false), Some(false)) => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_known_value_settles_what_it_can() {
        assert_eq!(and(None, Some(false)), Some(false));
        assert_eq!(and(None, Some(true)), None);
        assert_eq!(and(Some(true), Some(true)), Some(true));
        assert_eq!(or(Some(true), None), Some(true));
        assert_eq!(or(Some(false), None), None);
        assert_eq!(or(Some(false), Some(false)), Some(false));
    }
}

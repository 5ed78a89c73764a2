//! Exact shares and percentages.
//!
//! A share is kept as a fraction of two integers and compared by cross
//! multiplication in `u128`, so a cap of 30 % holds exactly at 30 %. Floats
//! appear only when a value is shown.

use serde::{Serialize, Serializer};
use std::cmp::Ordering;

/// A non-negative fraction `num / den` with `den > 0`.
#[derive(Debug, Clone, Copy)]
pub struct Ratio {
    num: u64,
    den: u64,
}

impl Ratio {
    /// `num / den`; `None` when `den` is zero.
    pub fn new(num: u64, den: u64) -> Option<Ratio> {
        (den != 0).then_some(Ratio { num, den })
    }

    /// `p` percent, exactly.
    pub const fn percent(p: u64) -> Ratio {
        Ratio { num: p, den: 100 }
    }

    /// The numerator.
    pub fn numerator(self) -> u64 {
        self.num
    }

    /// The denominator.
    pub fn denominator(self) -> u64 {
        self.den
    }

    /// As a fraction, for display only.
    pub fn to_f64(self) -> f64 {
        self.num as f64 / self.den as f64
    }

    /// As a percentage, for display only.
    pub fn to_percent_f64(self) -> f64 {
        self.to_f64() * 100.0
    }
}

impl PartialEq for Ratio {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Ratio {}

impl PartialOrd for Ratio {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ratio {
    fn cmp(&self, other: &Self) -> Ordering {
        (u128::from(self.num) * u128::from(other.den)).cmp(&(u128::from(other.num) * u128::from(self.den)))
    }
}

/// Rounds a value for output to `digits` decimals.
pub fn round_to(x: f64, digits: i32) -> f64 {
    let f = 10f64.powi(digits);
    (x * f).round() / f
}

impl Serialize for Ratio {
    /// A ratio is serialised as a percentage rounded to four decimals.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(round_to(self.to_percent_f64(), 4))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thirty_percent_is_exact() {
        let share = Ratio::new(300_000_000, 1_000_000_000).unwrap();
        assert_eq!(share, Ratio::percent(30));
        assert!(share <= Ratio::percent(30));
        let over = Ratio::new(300_000_001, 1_000_000_000).unwrap();
        assert!(over > Ratio::percent(30));
        // 0.1 + 0.2 != 0.3 in floats; 1/10 + 2/10 vs 3/10 is exact here.
        assert_eq!(Ratio::new(3, 10), Ratio::new(30, 100));
    }

    #[test]
    fn large_values_do_not_overflow() {
        let a = Ratio::new(u64::MAX - 1, u64::MAX).unwrap();
        let b = Ratio::new(u64::MAX, u64::MAX).unwrap();
        assert!(a < b);
        assert!(Ratio::new(1, 0).is_none());
    }
}

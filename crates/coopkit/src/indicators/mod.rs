//! Indicators over a registry. (Filled in by the indicator work.)

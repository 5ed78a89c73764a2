//! Reading and writing the interchange formats: JSON, JSON Lines and the CSV
//! folder form. Every error names its record and field; all errors of an
//! input are reported together. (Filled in by the input work.)

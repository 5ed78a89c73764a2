//! Classification: size class (Decree 113/2024 from 1 Nov 2024, Circular
//! 01/2020 before), ILO type, minority membership, and whether a cooperative
//! is women-managed under each named rule. (Filled in by the classification work.)

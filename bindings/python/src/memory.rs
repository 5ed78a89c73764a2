//! The process's address-space limit (`ulimit -v`, `resource.RLIMIT_AS`):
//! a read that would need more memory than the limit leaves raises
//! `MemoryError` before it starts, instead of the allocation failing
//! part-way, which aborts the interpreter (Rust does not unwind on it).
//!
//! The need is an estimate from the input's size: reading JSON or CSV
//! peaks at about twice the text (the text, and the registry with the
//! record being decoded; `benches/README.md`), and a Python `str` is copied
//! once more into the core. Without a limit (the usual case) nothing is
//! checked; on systems without `/proc` neither.

use pyo3::exceptions::PyMemoryError;
use pyo3::PyResult;

/// Bytes a read of `input` bytes may take at its peak, beyond the input.
const NEED_PER_INPUT_BYTE: u64 = 3;

/// `Ok` when a read of `input` bytes fits in what the address-space limit
/// leaves, else a `MemoryError` saying how much it needs and how much is
/// left.
pub fn room_for(input: u64) -> PyResult<()> {
    let Some(limit) = address_limit() else {
        return Ok(());
    };
    let used = address_used().unwrap_or(0);
    let need = input.saturating_mul(NEED_PER_INPUT_BYTE);
    let left = limit.saturating_sub(used);
    if need <= left {
        return Ok(());
    }
    let mb = |n: u64| n / (1 << 20);
    Err(PyMemoryError::new_err(format!(
        "reading this input ({} MB) needs about {} MB of memory, and the process's \
         address-space limit (ulimit -v, resource.RLIMIT_AS) leaves {} MB: raise the \
         limit, or read a smaller input",
        mb(input),
        mb(need),
        mb(left)
    )))
}

/// The soft address-space limit in bytes, when there is one.
fn address_limit() -> Option<u64> {
    let limits = std::fs::read_to_string("/proc/self/limits").ok()?;
    let line = limits.lines().find(|l| l.starts_with("Max address space"))?;
    // "Max address space  <soft> <hard> bytes": "unlimited" parses as None.
    line["Max address space".len()..]
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

/// The process's virtual size in bytes (what the limit counts).
fn address_used() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmSize:"))?;
    let kb: u64 = line["VmSize:".len()..].split_whitespace().next()?.parse().ok()?;
    Some(kb * 1024)
}

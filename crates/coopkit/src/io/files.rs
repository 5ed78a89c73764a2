//! Files the readers open: only regular files, and none larger than the
//! byte limit ([`crate::io::ReadOptions::max_bytes`], by default
//! [`DEFAULT_MAX_BYTES`]). A device (`/dev/zero`), a pipe or a folder
//! given where a file belongs is refused before a byte is read, so no input
//! makes a reader run until memory is gone.

use crate::error::Error;
use std::io::Read;
use std::path::Path;

/// The default byte limit of one input (a JSON file or text, one CSV
/// file): 4 GiB, above any national registry written today (6 million
/// members are about 1 GB of CSV) and well below what a 16 GB laptop could
/// not hold once read.
pub const DEFAULT_MAX_BYTES: u64 = 4 << 30;

/// The error for an input of `len` bytes over `max`.
pub(crate) fn too_large(path: &str, len: u64, max: u64) -> Error {
    Error::io_message(
        path,
        format!(
            "{len} bytes, more than the limit of {max} bytes for one input; \
             raise it with the max_bytes option (ReadOptions::max_bytes in Rust, maxBytes in JavaScript)"
        ),
    )
}

/// Opens `path` for reading: a regular file of at most `max` bytes.
pub(crate) fn open(path: &Path, max: u64) -> Result<std::fs::File, Error> {
    let shown = || path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| Error::io(shown(), e))?;
    let meta = file.metadata().map_err(|e| Error::io(shown(), e))?;
    if !meta.is_file() {
        return Err(Error::io_message(
            shown(),
            "not a regular file (a folder, a device or a pipe is not read as data)",
        ));
    }
    if meta.len() > max {
        return Err(too_large(&shown(), meta.len(), max));
    }
    Ok(file)
}

/// The bytes of `path`: a regular file of at most `max` bytes. Reads at
/// most `max + 1` bytes, so a file that grows while it is read is refused
/// too.
pub(crate) fn read_bytes(path: &Path, max: u64) -> Result<Vec<u8>, Error> {
    let file = open(path, max)?;
    let mut bytes = Vec::new();
    file.take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path.display().to_string(), e))?;
    if bytes.len() as u64 > max {
        return Err(too_large(&path.display().to_string(), bytes.len() as u64, max));
    }
    Ok(bytes)
}

/// The text of `path`: a regular UTF-8 file of at most `max` bytes
/// (read as bytes first).
pub fn read_text(path: &Path, max: u64) -> Result<String, Error> {
    let shown = || path.display().to_string();
    let bytes = read_bytes(path, max)?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        Error::io_message(
            shown(),
            format!("not UTF-8 text: an invalid byte at byte offset {at}"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_regular_files_within_the_limit_are_read() {
        let dir = std::env::temp_dir().join(format!("coopkit-files-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("a.json");
        std::fs::write(&file, "{\"cooperatives\": []}").unwrap();
        assert_eq!(read_text(&file, 100).unwrap(), "{\"cooperatives\": []}");
        let big = read_text(&file, 10).unwrap_err().to_string();
        assert!(big.contains("20 bytes, more than the limit of 10 bytes"), "{big}");
        let folder = read_text(&dir, 100).unwrap_err().to_string();
        assert!(folder.contains("not a regular file"), "{folder}");
        std::fs::write(&file, [b'{', 0xff, b'}']).unwrap();
        let bad = read_text(&file, 100).unwrap_err().to_string();
        assert!(bad.contains("invalid byte at byte offset 1"), "{bad}");
        #[cfg(unix)]
        {
            let zero = read_text(Path::new("/dev/zero"), 100).unwrap_err().to_string();
            assert!(zero.contains("not a regular file"), "{zero}");
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

//! Reading what users give the tool: question banks and answer files.

pub mod answer_file;
pub mod bank_file;
pub mod locate;
pub mod matching;
pub mod progress;
pub mod record;
pub mod sources;
pub mod survey;

use anyhow::{Context, Result, bail};
use std::path::Path;

/// The largest bank or answer file read whole (YAML or JSON).
pub const MAX_DOCUMENT_BYTES: u64 = 16 * 1024 * 1024;

/// Reads a whole text file, refusing directories, oversized and non-UTF-8
/// files with a message that names the file.
pub fn read_text(path: &Path) -> Result<String> {
    let shown = path.display();
    let metadata = std::fs::metadata(path).with_context(|| format!("cannot read {shown}"))?;
    if metadata.is_dir() {
        bail!("{shown} is a directory; give the path of a file");
    }
    if metadata.len() > MAX_DOCUMENT_BYTES {
        bail!(
            "{shown} is {} MiB, over the {} MiB limit for a YAML or JSON file; check that it is the right file",
            metadata.len() / (1024 * 1024),
            MAX_DOCUMENT_BYTES / (1024 * 1024)
        );
    }
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {shown}"))?;
    String::from_utf8(bytes).map_err(|err| {
        let offset = err.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&err.as_bytes()[..offset]);
        let line = text.lines().count().max(1);
        anyhow::anyhow!(
            "{shown}:{line}: the file is not UTF-8 text (bad byte at offset {offset}); save it as UTF-8"
        )
    })
}

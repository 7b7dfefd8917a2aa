//! Writing files whole or not at all.

use anyhow::{Context, Result};
use std::io::Write;
use std::path::Path;

/// Writes `contents` to `path` through a temporary file in the same folder
/// and a rename, so a crash or a full disk never leaves a half-written file.
pub fn write_atomically(path: &Path, contents: &[u8]) -> Result<()> {
    let shown = path.display();
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    // Named after the target, so a file left by a hard kill is recognised.
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let mut file = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(folder)
        .with_context(|| {
            format!(
                "cannot write {shown}: cannot create a file in {}",
                folder.display()
            )
        })?;
    // A temporary file is private (0600); the result gets the permissions
    // of the file it replaces, or the usual 0644.
    let permissions = std::fs::metadata(path)
        .map(|metadata| metadata.permissions())
        .unwrap_or_else(|_| std::os::unix::fs::PermissionsExt::from_mode(0o644));
    file.write_all(contents)
        .and_then(|()| file.as_file().set_permissions(permissions))
        .and_then(|()| file.as_file().sync_all())
        .with_context(|| format!("cannot write {shown}"))?;
    file.persist(path)
        .map_err(|err| err.error)
        .with_context(|| format!("cannot write {shown}"))?;
    Ok(())
}

/// Writes a line for a person to standard error, every hazard but the
/// line break made visible. A closed or full standard error is passed
/// over: there is nowhere left to report it.
pub fn say(text: &str) {
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(stderr, "{}", crate::visible::visible_lines(text));
}

/// Writes to standard output; a closed pipe (`pyramid ... | head`) is not
/// an error.
pub fn print(text: &str) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other.context("cannot write to standard output")?),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_the_whole_file_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("out.yaml");
        write_atomically(&path, b"hello\n").expect("written");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "hello\n");
        let mode = std::os::unix::fs::PermissionsExt::mode(
            &std::fs::metadata(&path).expect("stat").permissions(),
        );
        assert_eq!(mode & 0o777, 0o644, "readable like any new file");
        assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 1);
    }

    #[test]
    fn missing_folder_is_an_error_that_names_the_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("missing").join("out.yaml");
        let err = write_atomically(&path, b"x").expect_err("no folder");
        assert!(format!("{err:#}").contains("out.yaml"), "{err:#}");
    }
}

//! Where results go: a file written whole or not at all, or standard
//! output; and lines for a person on standard error.

use crate::messages::{Localized, LocalizedContext};
use anyhow::Result;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::file_id::same_file;

/// Where a command writes its result: `--output FILE`, or standard output
/// (no `--output`, or `--output -`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Destination {
    Stdout,
    File(PathBuf),
}

impl Destination {
    pub fn new(output: Option<&Path>) -> Destination {
        match output {
            Some(path) if path.as_os_str() != "-" => Destination::File(path.to_path_buf()),
            _ => Destination::Stdout,
        }
    }

    /// Refuses, before any work is done, an output file that is one of the
    /// inputs (under any name: a symbolic or hard link, `./x`), that a
    /// folder given as input would read, that is a folder, or that is
    /// read-only.
    pub fn check(&self, inputs: &[&Path]) -> Result<()> {
        let Destination::File(path) = self else {
            return Ok(());
        };
        let shown = crate::visible::visible(&path.display().to_string()).into_owned();
        for input in inputs.iter().filter(|input| input.as_os_str() != "-") {
            let read_from_folder = input.is_dir()
                && path.exists()
                && crate::input::sources::read_from_folders(path)
                && path
                    .parent()
                    .map(|p| {
                        if p.as_os_str().is_empty() {
                            Path::new(".")
                        } else {
                            p
                        }
                    })
                    .is_some_and(|folder| same_file(folder, input));
            if read_from_folder || same_file(path, input) {
                let input = crate::visible::visible(&input.display().to_string()).into_owned();
                let args = [("file", shown.as_ref()), ("input", input.as_str())];
                return Err(Localized::new("write-over-input", &args).into());
            }
        }
        match std::fs::metadata(path) {
            Ok(metadata) if metadata.is_dir() => {
                Err(Localized::new("write-to-folder", &[("file", &shown)]).into())
            }
            Ok(metadata) if metadata.is_file() && metadata.permissions().readonly() => {
                Err(Localized::new("write-read-only", &[("file", &shown)]).into())
            }
            _ => Ok(()),
        }
    }

    /// Writes the result: to a file whole or not at all, or to standard
    /// output.
    pub fn write(&self, contents: &str) -> Result<()> {
        self.write_with(|out| Ok(out.write_all(contents.as_bytes())?))
    }

    /// Writes the result as `write` makes it: to a file through a
    /// temporary file renamed into place when all is written, or to
    /// standard output (where a closed pipe is not an error).
    pub fn write_with(&self, write: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
        match self {
            Destination::Stdout => {
                let mut out = std::io::BufWriter::new(std::io::stdout().lock());
                let written = write(&mut out).and_then(|()| Ok(out.flush()?));
                match written {
                    Err(err) if broken_pipe(&err) => Ok(()),
                    other => other.localized(|| Localized::new("cannot-write-stdout", &[])),
                }
            }
            Destination::File(path) => write_atomically_with(path, write),
        }
    }

    pub fn is_stdout(&self) -> bool {
        *self == Destination::Stdout
    }
}

/// Temporary files being written, removed by `remove_unfinished` when a
/// signal ends the process before they are renamed into place.
static UNFINISHED: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Removes the temporary files of writes that a signal interrupted.
pub fn remove_unfinished() {
    if let Ok(mut paths) = UNFINISHED.lock() {
        for path in paths.drain(..) {
            let _ = std::fs::remove_file(path);
        }
    }
}

fn unfinished(path: &Path, writing: bool) {
    if let Ok(mut paths) = UNFINISHED.lock() {
        if writing {
            paths.push(path.to_path_buf());
        } else {
            paths.retain(|p| p != path);
        }
    }
}

/// Whether an error comes from a closed pipe (`pyramid … | head`).
fn broken_pipe(err: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    // The csv and serde_json writers wrap the error without giving it as
    // their source.
    err.chain().any(|cause| {
        if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            io.kind() == BrokenPipe
        } else if let Some(csv) = cause.downcast_ref::<csv::Error>() {
            matches!(csv.kind(), csv::ErrorKind::Io(io) if io.kind() == BrokenPipe)
        } else if let Some(json) = cause.downcast_ref::<serde_json::Error>() {
            json.io_error_kind() == Some(BrokenPipe)
        } else {
            false
        }
    })
}

/// Writes `contents` to `path` whole or not at all; see
/// [`write_atomically_with`].
pub fn write_atomically(path: &Path, contents: &[u8]) -> Result<()> {
    write_atomically_with(path, |out| Ok(out.write_all(contents)?))
}

/// Writes what `write` makes to `path` through a temporary file in the
/// same folder and a rename, so a crash or a full disk never leaves a
/// half-written file. A symbolic link is followed (the file it points to
/// is replaced, the link stays); a FIFO or device is written into, never
/// replaced.
pub fn write_atomically_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    let shown = crate::visible::visible(&path.display().to_string()).into_owned();
    let existing = std::fs::metadata(path).ok();
    if let Some(metadata) = &existing {
        if metadata.is_dir() {
            return Err(Localized::new("write-to-folder", &[("file", &shown)]).into());
        }
        if !metadata.is_file() {
            // A FIFO, a terminal or a device such as /dev/null.
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .localized(|| cannot_write(&shown))?;
            let mut out = std::io::BufWriter::new(file);
            return write(&mut out)
                .and_then(|()| Ok(out.flush()?))
                .localized(|| cannot_write(&shown));
        }
    }
    let target = match std::fs::symlink_metadata(path) {
        Ok(link) if link.file_type().is_symlink() => {
            std::fs::canonicalize(path).localized(|| cannot_write(&shown))?
        }
        _ => path.to_path_buf(),
    };
    let folder = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    // Named after the target, so a file left by a hard kill is recognised.
    let name = target
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        // A new file gets 0666 less the umask, as any program's would.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut file = builder.tempfile_in(folder).localized(|| {
        let folder = crate::visible::visible(&folder.display().to_string()).into_owned();
        Localized::new("cannot-create-in", &[("file", &shown), ("folder", &folder)])
    })?;
    let temporary = file.path().to_path_buf();
    unfinished(&temporary, true);
    let mut out = std::io::BufWriter::new(file.as_file_mut());
    let written = write(&mut out)
        .and_then(|()| Ok(out.flush()?))
        .map(|()| drop(out))
        .and_then(|()| {
            if let Some(metadata) = &existing {
                // A replaced file keeps its permissions.
                file.as_file().set_permissions(metadata.permissions())?;
            }
            Ok(file.as_file().sync_all()?)
        })
        .localized(|| cannot_write(&shown))
        .and_then(|()| {
            file.persist(&target)
                .map(drop)
                .map_err(|err| err.error)
                .localized(|| cannot_write(&shown))
        });
    unfinished(&temporary, false);
    written
}

/// Ends the process on SIGINT, SIGTERM or SIGHUP with 128 + the signal's
/// number, after removing the temporary files of unfinished writes.
#[cfg(unix)]
pub fn remove_unfinished_on_signals() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        return;
    };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            remove_unfinished();
            crate::exit_code::ExitCode::Signal(signal).exit();
        }
    });
}

#[cfg(not(unix))]
pub fn remove_unfinished_on_signals() {}

/// Writes a line for a person to standard error, every hazard but the
/// line break made visible. A closed or full standard error is passed
/// over: there is nowhere left to report it.
pub fn say(text: &str) {
    let mut stderr = std::io::stderr().lock();
    for line in crate::visible::visible_lines(text).lines() {
        let _ = writeln!(stderr, "{}", crate::visible::shorten(line, SAID_LINE_CHARS));
    }
}

/// The longest line `say` writes: a net under messages that quote more
/// than they should.
const SAID_LINE_CHARS: usize = 2_000;

/// Writes to standard output; a closed pipe (`pyramid ... | head`) is not
/// an error.
pub fn print(text: &str) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other.localized(|| Localized::new("cannot-write-stdout", &[]))?),
    }
}

/// `cannot write FILE`, followed by the reason.
fn cannot_write(shown: &str) -> Localized {
    Localized::new("cannot-write", &[("file", shown)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(unix)]
    fn writes_the_whole_file_and_leaves_no_temporary_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("out.yaml");
        write_atomically(&path, b"hello\n").expect("written");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "hello\n");
        let mode = std::fs::metadata(&path).expect("stat").permissions().mode();
        // 0666 less the umask, whatever the umask of the test run is.
        assert_eq!(mode & 0o600, 0o600, "readable and writable by its owner");
        assert_eq!(mode & 0o111, 0, "not executable");
        assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 1);
        assert!(UNFINISHED.lock().expect("lock").is_empty());
    }

    #[test]
    fn missing_folder_is_an_error_that_names_the_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("missing").join("out.yaml");
        let err = write_atomically(&path, b"x").expect_err("no folder");
        assert!(format!("{err:#}").contains("out.yaml"), "{err:#}");
    }

    #[test]
    fn dash_is_standard_output() {
        assert_eq!(Destination::new(Some(Path::new("-"))), Destination::Stdout);
        assert_eq!(Destination::new(None), Destination::Stdout);
        assert!(!Destination::new(Some(Path::new("x.csv"))).is_stdout());
    }
}

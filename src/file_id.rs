//! Which file a path names, through links, `./` and other spellings:
//! device and inode where the system has them, else the full path.

use std::path::{Path, PathBuf};

/// The identity of a file; two paths with the same id name one file.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FileId(Inner);

#[cfg(unix)]
type Inner = (u64, u64);
#[cfg(not(unix))]
type Inner = PathBuf;

impl FileId {
    /// The id of the file at `path`, without opening it (opening a FIFO
    /// would wait for its writer); `None` where nothing is there.
    pub fn of(path: &Path) -> Option<FileId> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let metadata = std::fs::metadata(path).ok()?;
            Some(FileId((metadata.dev(), metadata.ino())))
        }
        #[cfg(not(unix))]
        {
            // Without file ids a hard link is not recognised.
            std::fs::canonicalize(path).ok().map(FileId)
        }
    }
}

/// Whether two paths name one existing file.
pub fn same_file(a: &Path, b: &Path) -> bool {
    FileId::of(a).is_some_and(|a| Some(a) == FileId::of(b))
}

/// Whether two paths name the same place, whether or not a file is there
/// yet: the same folder (through links) and the same name.
pub fn same_place(a: &Path, b: &Path) -> bool {
    if same_file(a, b) {
        return true;
    }
    let folder = |path: &Path| -> Option<PathBuf> {
        let parent = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        std::fs::canonicalize(parent).ok()
    };
    a.file_name() == b.file_name() && folder(a).is_some() && folder(a) == folder(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_and_spellings_name_one_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("a.yaml");
        std::fs::write(&file, "x").expect("write");
        let dotted = dir.path().join(".").join("a.yaml");
        assert!(same_file(&file, &dotted));
        #[cfg(unix)]
        {
            let link = dir.path().join("link.yaml");
            std::os::unix::fs::symlink(&file, &link).expect("symlink");
            assert!(same_file(&file, &link));
        }
        let other = dir.path().join("b.yaml");
        std::fs::write(&other, "x").expect("write");
        assert!(!same_file(&file, &other));
        let missing = dir.path().join("new.yaml");
        assert!(!same_file(&missing, &missing), "nothing there");
        assert!(same_place(&missing, &dir.path().join(".").join("new.yaml")));
    }
}

//! The self-test's answers so far, kept in the user's state directory
//! (`$XDG_STATE_HOME/pyramid`, else `~/.local/state/pyramid`) after every
//! answer, so an interruption loses nothing. The file is an answer file,
//! with the bank's fingerprint in a comment on its first line. While a
//! self-test runs it holds an advisory lock on `progress-ID.lock`, so a
//! second one cannot overwrite its answers. A file that cannot be used is
//! renamed aside, never overwritten.

use super::answer_file;
use super::matching::AnswerMatcher;
use crate::messages::{Localized, LocalizedContext};
use crate::model::answers::Responses;
use crate::model::bank::Bank;
use crate::output::write_atomically;
use anyhow::Result;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where one bank's progress is kept.
pub struct ProgressStore {
    path: PathBuf,
}

/// What was found in the store.
pub enum Saved {
    Nothing,
    Found {
        respondent: String,
        responses: Responses,
        /// Saved answers that match no option any more, left unanswered;
        /// with them, where the file as it was is kept.
        dropped: Option<(usize, PathBuf)>,
    },
    /// A file that cannot be used (corrupt, for another bank, from a
    /// changed bank), kept aside at `kept` where it could be moved.
    Unusable {
        /// Why, to be described in the reader's language.
        reason: anyhow::Error,
        kept: Option<PathBuf>,
    },
}

/// The first line of a progress file: the bank's fingerprint.
const FINGERPRINT: &str = "# fingerprint: ";

/// Held while a self-test runs: the advisory lock on the progress.
pub struct ProgressLock {
    _file: std::fs::File,
}

impl ProgressStore {
    /// The store for `bank`, or `None` where the system has no state or
    /// data folder.
    pub fn for_bank(bank: &Bank) -> Option<ProgressStore> {
        let dirs = directories::ProjectDirs::from("", "", "pyramid")?;
        let folder = dirs.state_dir().unwrap_or_else(|| dirs.data_local_dir());
        Some(ProgressStore {
            path: folder.join(format!("progress-{}.yaml", bank.id)),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Takes the advisory lock for this bank's progress: `Ok(None)` where
    /// the folder cannot be made (progress is then not kept either), an
    /// error when another self-test holds it.
    pub fn lock(&self) -> Result<Option<ProgressLock>, PathBuf> {
        let path = self.path.with_extension("lock");
        let Some(folder) = path.parent() else {
            return Ok(None);
        };
        if std::fs::create_dir_all(folder).is_err() {
            return Ok(None);
        }
        let Ok(file) = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
        else {
            return Ok(None);
        };
        match file.try_lock() {
            Ok(()) => Ok(Some(ProgressLock { _file: file })),
            Err(std::fs::TryLockError::WouldBlock) => Err(self.path.clone()),
            Err(std::fs::TryLockError::Error(_)) => Ok(None),
        }
    }

    pub fn load(&self, bank: &Bank) -> Saved {
        if !self.path.exists() {
            return Saved::Nothing;
        }
        let name: Arc<str> = Arc::from(self.path.display().to_string());
        let text = match super::read_text(&self.path) {
            Ok(text) => text,
            Err(err) => return self.unusable(err),
        };
        if let Some(saved) = text
            .lines()
            .next()
            .and_then(|l| l.strip_prefix(FINGERPRINT))
            && saved.trim() != bank.fingerprint()
        {
            return self.unusable(Localized::new("progress-bank-changed", &[]).into());
        }
        match answer_file::read(&text, name, bank, &AnswerMatcher::new(bank)) {
            Ok(record) if record.bad.is_empty() => Saved::Found {
                respondent: record.respondent.into_string(),
                responses: record.responses,
                dropped: None,
            },
            Ok(record) => match self.copy_aside() {
                Some(kept) => Saved::Found {
                    respondent: record.respondent.into_string(),
                    responses: record.responses,
                    dropped: Some((record.bad.len(), kept)),
                },
                None => {
                    let err = Localized::new("progress-answers-unmatched", &[])
                        .count("count", record.bad.len());
                    self.unusable(err.into())
                }
            },
            Err(err) => self.unusable(err),
        }
    }

    /// Moves an unusable file aside, so the next save does not destroy it.
    fn unusable(&self, reason: anyhow::Error) -> Saved {
        let kept = self.aside_path();
        let kept = std::fs::rename(&self.path, &kept).is_ok().then_some(kept);
        Saved::Unusable { reason, kept }
    }

    fn copy_aside(&self) -> Option<PathBuf> {
        let kept = self.aside_path();
        std::fs::copy(&self.path, &kept).is_ok().then_some(kept)
    }

    /// `progress-ID.unusable-N.yaml` beside the progress file, N the
    /// first number not taken.
    fn aside_path(&self) -> PathBuf {
        let stem = self
            .path
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        (1u32..)
            .map(|n| {
                self.path
                    .with_file_name(format!("{stem}.unusable-{n}.yaml"))
            })
            .find(|path| !path.exists())
            .unwrap_or_else(|| self.path.with_extension("unusable.yaml"))
    }

    pub fn save(&self, bank: &Bank, respondent: &str, responses: &Responses) -> Result<()> {
        if let Some(folder) = self.path.parent() {
            std::fs::create_dir_all(folder).localized(|| {
                let folder = folder.display().to_string();
                Localized::new("cannot-create-folder", &[("folder", &folder)])
            })?;
        }
        let yaml = answer_file::to_yaml(bank, respondent, responses)?;
        let text = format!("{FINGERPRINT}{}\n{yaml}", bank.fingerprint());
        write_atomically(&self.path, text.as_bytes())
    }

    /// Forgets the progress; a missing file is fine.
    pub fn remove(&self) -> Result<()> {
        match std::fs::remove_file(&self.path) {
            Err(err) if err.kind() != std::io::ErrorKind::NotFound => Err(err).localized(|| {
                let file = self.path.display().to_string();
                Localized::new("cannot-remove", &[("file", &file)])
            }),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::answers::Choice;
    use crate::testing::tiny_bank;

    fn store(dir: &Path) -> ProgressStore {
        ProgressStore {
            path: dir.join("state").join("progress-tiny.yaml"),
        }
    }

    #[test]
    fn saves_and_loads_the_answers_so_far() {
        let dir = tempfile::tempdir().expect("temp dir");
        let bank = tiny_bank();
        let store = store(dir.path());
        assert!(matches!(store.load(&bank), Saved::Nothing));
        let mut responses = Responses::empty(&bank);
        responses.set(0, Some(Choice::Option(2)));
        responses.set(2, Some(Choice::DontKnow));
        store.save(&bank, "An", &responses).expect("saved");
        match store.load(&bank) {
            Saved::Found {
                respondent,
                responses: loaded,
                dropped: None,
            } => {
                assert_eq!(respondent, "An");
                assert_eq!(loaded, responses);
                assert_eq!(loaded.first_unanswered(), Some(1));
            }
            _ => panic!("progress not found"),
        }
        store.remove().expect("removed");
        assert!(!store.path().exists());
        store.remove().expect("removing twice is fine");
    }

    #[test]
    fn corrupt_foreign_or_changed_progress_is_kept_aside_not_fatal() {
        let dir = tempfile::tempdir().expect("temp dir");
        let bank = tiny_bank();
        let store = store(dir.path());
        std::fs::create_dir_all(store.path().parent().expect("folder")).expect("folder");
        let changed = format!("{FINGERPRINT}0123456789abcdef\nanswers: {{}}\n");
        for text in [
            "\u{0}\u{1}garbage: [",
            "respondent: An\nbank: other\nanswers: {}\n",
            &changed,
        ] {
            std::fs::write(store.path(), text).expect("write");
            match store.load(&bank) {
                Saved::Unusable {
                    kept: Some(kept), ..
                } => {
                    assert_eq!(std::fs::read_to_string(&kept).expect("kept"), text);
                    assert!(!store.path().exists(), "moved, not copied");
                }
                _ => panic!("{text:?} should be unusable and kept aside"),
            }
        }
    }

    #[test]
    fn answers_that_match_no_option_are_dropped_and_the_file_kept() {
        let dir = tempfile::tempdir().expect("temp dir");
        let bank = tiny_bank();
        let store = store(dir.path());
        let mut responses = Responses::empty(&bank);
        responses.set(0, Some(Choice::Option(1)));
        store.save(&bank, "An", &responses).expect("saved");
        let id = &bank.questions[1].id;
        let text = std::fs::read_to_string(store.path()).expect("saved");
        let broken = format!("{text}  {id}: nope\n");
        std::fs::write(store.path(), &broken).expect("write");
        match store.load(&bank) {
            Saved::Found {
                responses: loaded,
                dropped: Some((1, kept)),
                ..
            } => {
                assert_eq!(loaded, responses, "the valid answer is offered");
                assert_eq!(std::fs::read_to_string(kept).expect("kept"), broken);
            }
            _ => panic!("the valid answers should be offered"),
        }
    }

    #[test]
    fn a_second_self_test_cannot_take_the_lock() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = store(dir.path());
        let first = store.lock().expect("free").expect("lockable");
        assert_eq!(store.lock().err(), Some(store.path().to_path_buf()));
        drop(first);
        assert!(store.lock().expect("free again").is_some());
    }
}

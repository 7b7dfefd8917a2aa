//! The self-test's answers so far, kept in the user's state directory
//! (`$XDG_STATE_HOME/pyramid`, else `~/.local/state/pyramid`) after every
//! answer, so an interruption loses nothing. The file is an answer file.

use super::answer_file;
use super::matching::AnswerMatcher;
use crate::answers::Responses;
use crate::bank::Bank;
use crate::output::write_atomically;
use anyhow::{Context, Result};
use std::path::{Path, PathBuf};
use std::rc::Rc;

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
    },
    /// A file that cannot be used: corrupt, or for another bank.
    Unusable {
        reason: String,
    },
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

    pub fn load(&self, bank: &Bank) -> Saved {
        if !self.path.exists() {
            return Saved::Nothing;
        }
        let name: Rc<str> = Rc::from(self.path.display().to_string());
        let read = super::read_text(&self.path)
            .and_then(|text| answer_file::read(&text, name, bank, &AnswerMatcher::new(bank)));
        match read {
            Ok(record) if record.bad.is_empty() => Saved::Found {
                respondent: record.respondent,
                responses: record.responses,
            },
            Ok(record) => Saved::Unusable {
                reason: format!("{} answers match no option", record.bad.len()),
            },
            Err(err) => Saved::Unusable {
                reason: format!("{err:#}"),
            },
        }
    }

    pub fn save(&self, bank: &Bank, respondent: &str, responses: &Responses) -> Result<()> {
        if let Some(folder) = self.path.parent() {
            std::fs::create_dir_all(folder)
                .with_context(|| format!("cannot create {}", folder.display()))?;
        }
        let yaml = answer_file::to_yaml(bank, respondent, responses)?;
        write_atomically(&self.path, yaml.as_bytes())
    }

    /// Forgets the progress; a missing file is fine.
    pub fn remove(&self) -> Result<()> {
        match std::fs::remove_file(&self.path) {
            Err(err) if err.kind() != std::io::ErrorKind::NotFound => {
                Err(err).with_context(|| format!("cannot remove {}", self.path.display()))
            }
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Choice;
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
    fn corrupt_or_foreign_progress_is_unusable_not_fatal() {
        let dir = tempfile::tempdir().expect("temp dir");
        let bank = tiny_bank();
        let store = store(dir.path());
        std::fs::create_dir_all(store.path().parent().expect("folder")).expect("folder");
        for text in [
            "\u{0}\u{1}garbage: [",
            "respondent: An\nbank: other\nanswers: {}\n",
            "answers:\n  a1: nope\n",
        ] {
            std::fs::write(store.path(), text).expect("write");
            assert!(
                matches!(store.load(&bank), Saved::Unusable { .. }),
                "{text:?}"
            );
        }
    }
}

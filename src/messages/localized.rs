//! Errors whose message is in the language files, so that the person who
//! mistyped a file name reads the error in their own language.

use super::catalog::{self, Arg};
use crate::lang::Lang;
use std::fmt;

/// An error kept as a key and its arguments until it is shown. Shown
/// without a language (inside another error's text, in a log) it is
/// English.
#[derive(Debug)]
pub struct Localized {
    key: &'static str,
    args: Vec<(&'static str, Value)>,
    /// What went wrong underneath, shown after this message.
    source: Option<anyhow::Error>,
}

#[derive(Debug)]
enum Value {
    Text(String),
    Count(u64),
    Index(u64),
}

impl Localized {
    /// The message `key` with text arguments.
    pub fn new(key: &'static str, args: &[(&'static str, &str)]) -> Localized {
        let args = args
            .iter()
            .map(|(name, value)| (*name, Value::Text((*value).to_string())))
            .collect();
        Localized {
            key,
            args,
            source: None,
        }
    }

    /// This message with the error underneath it: `cannot write x: the
    /// disk is full`.
    pub fn because(mut self, source: impl Into<anyhow::Error>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// Adds a count, which chooses the plural (`1 problem`, `2 problems`)
    /// and is written as the language groups digits: `20.000.000`,
    /// `20,000,000`, `20 000 000`.
    pub fn count(mut self, name: &'static str, n: impl TryInto<u64>) -> Localized {
        let n = n.try_into().unwrap_or(u64::MAX);
        self.args.push((name, Value::Count(n)));
        self
    }

    /// Adds a number that names something, such as a line (`line 12345`):
    /// written as it is.
    pub fn index(mut self, name: &'static str, n: u64) -> Localized {
        self.args.push((name, Value::Index(n)));
        self
    }

    pub fn in_lang(&self, lang: Lang) -> String {
        let args: Vec<(&'static str, Arg)> = self
            .args
            .iter()
            .map(|(name, value)| {
                let arg = match value {
                    Value::Text(text) => Arg::Text(text),
                    Value::Count(n) => Arg::Count(*n),
                    Value::Index(n) => Arg::Index(*n),
                };
                (*name, arg)
            })
            .collect();
        catalog::message(lang, self.key, &args)
    }
}

/// The message `key` in `lang`, with text arguments; `Localized` adds
/// counts.
pub fn say_in(lang: Lang, key: &'static str, args: &[(&'static str, &str)]) -> String {
    Localized::new(key, args).in_lang(lang)
}

impl fmt::Display for Localized {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(Lang::EN))
    }
}

impl std::error::Error for Localized {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_ref()
            .map(|err| err.as_ref() as &(dyn std::error::Error + 'static))
    }
}

/// `result.localized(|| Localized::new(…))`: the error, if any, under a
/// message in the reader's language.
pub trait LocalizedContext<T> {
    fn localized(self, message: impl FnOnce() -> Localized) -> anyhow::Result<T>;
}

impl<T, E: Into<anyhow::Error>> LocalizedContext<T> for Result<T, E> {
    fn localized(self, message: impl FnOnce() -> Localized) -> anyhow::Result<T> {
        self.map_err(|err| message().because(err).into())
    }
}

/// A file that cannot be read, with the reason in the reader's words where
/// the system gives a known one.
pub fn cannot_read(file: &str, err: &std::io::Error) -> anyhow::Error {
    use std::io::ErrorKind;
    let kind = match err.kind() {
        ErrorKind::NotFound => "not-found",
        ErrorKind::PermissionDenied => "permission-denied",
        _ => "other",
    };
    let reason = err.to_string();
    Localized::new(
        "cannot-read",
        &[("file", file), ("kind", kind), ("reason", &reason)],
    )
    .into()
}

/// The system's reason for a failed read or write, in the reader's words
/// where it is a common one (no such file, no permission, a full disk).
fn io_reason(err: &std::io::Error) -> Localized {
    use std::io::ErrorKind;
    let kind = match err.kind() {
        ErrorKind::NotFound => "not-found",
        ErrorKind::PermissionDenied => "permission-denied",
        ErrorKind::StorageFull => "storage-full",
        ErrorKind::ReadOnlyFilesystem => "read-only",
        _ => "other",
    };
    Localized::new("io-reason", &[("kind", kind), ("reason", &err.to_string())])
}

/// The common reasons SQLite gives, with what to do; `None` for the rest.
fn sqlite_reason(err: &rusqlite::Error) -> Option<Localized> {
    use rusqlite::ErrorCode;
    let kind = match err.sqlite_error_code()? {
        ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied => "read-only",
        ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => "locked",
        ErrorCode::DiskFull => "full",
        ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt => "not-a-database",
        _ => return None,
    };
    Some(Localized::new("sqlite-reason", &[("kind", kind)]))
}

/// An error and its causes, `outer: inner`, each in the reader's language
/// where the language files have it. A reason SQLite gives that the
/// language files have ends the list (its own causes say it again).
pub fn describe(err: &anyhow::Error, lang: Lang) -> String {
    let known_sqlite = std::cell::Cell::new(false);
    err.chain()
        .take_while(|_| !known_sqlite.get())
        .map(|cause| {
            if let Some(localized) = cause.downcast_ref::<Localized>() {
                localized.in_lang(lang)
            } else if let Some(bank) = cause.downcast_ref::<crate::input::bank_file::BankError>() {
                bank.in_lang(lang)
            } else if let Some(io) = cause.downcast_ref::<std::io::Error>() {
                io_reason(io).in_lang(lang)
            } else if let Some(reason) = cause
                .downcast_ref::<rusqlite::Error>()
                .and_then(sqlite_reason)
            {
                known_sqlite.set(true);
                reason.in_lang(lang)
            } else {
                cause.to_string()
            }
        })
        .reduce(|outer, inner| {
            catalog::message(
                lang,
                "because",
                &[("outer", Arg::Text(&outer)), ("inner", Arg::Text(&inner))],
            )
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context;

    fn missing() -> anyhow::Error {
        let err = std::fs::File::open("/no/such/answers.csv").unwrap_err();
        cannot_read("answers.csv", &err)
    }

    #[test]
    fn a_missing_file_is_explained_in_the_readers_language() {
        assert_eq!(
            describe(&missing(), Lang::NL),
            "kan answers.csv niet lezen: dat bestand bestaat niet; kijk de naam en de map na"
        );
        assert_eq!(
            describe(&missing(), Lang::EN),
            "cannot read answers.csv: No such file or directory (os error 2)"
        );
    }

    #[test]
    fn outer_context_stays_in_front() {
        let err = Err::<(), _>(missing()).context("team.yaml").unwrap_err();
        assert!(describe(&err, Lang::NL).starts_with("team.yaml: kan answers.csv niet lezen"));
    }
}

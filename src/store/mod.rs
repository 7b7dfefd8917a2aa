//! The campaigns' database: one SQLite file (rusqlite, SQLite compiled in)
//! on the organisation's own machine. Opening refuses a file that is not
//! SQLite or that a newer pyramid wrote, without touching it, and upgrades
//! an older file in place. Every write is its own transaction, committed
//! before the caller reports success (WAL, `synchronous = FULL`).

pub mod campaigns;
pub mod respondents;
pub mod self_tests;

use crate::messages::{Localized, LocalizedContext};
use anyhow::Result;
use rusqlite::Connection;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The schema this build writes: `PRAGMA user_version`.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// `MIGRATIONS[n]` takes a file from version `n` to `n + 1`.
const MIGRATIONS: [&str; 2] = [include_str!("schema-1.sql"), include_str!("schema-2.sql")];

/// How long a write waits for another process holding the file.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The first bytes of every SQLite database file.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// An open database.
pub struct Store {
    pub(crate) conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens (or creates) the database at `path`, upgrading an older
    /// schema; refuses, untouched, a file that is not SQLite or is newer.
    pub fn open(path: &Path) -> Result<Store> {
        let shown = path.display().to_string();
        check_header(path, &shown)?;
        if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(folder).localized(|| {
                let folder = folder.display().to_string();
                Localized::new("cannot-create-folder", &[("folder", &folder)])
            })?;
        }
        let conn = Connection::open(path)
            .localized(|| Localized::new("db-cannot-open", &[("file", &shown)]))?;
        let version: u32 = conn
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .localized(|| Localized::new("db-cannot-open", &[("file", &shown)]))?;
        if version > SCHEMA_VERSION {
            let err = Localized::new("db-newer", &[("file", &shown)])
                .count("version", version)
                .count("known", SCHEMA_VERSION);
            return Err(err.into());
        }
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
        };
        store.configure()?;
        store.migrate(version)?;
        Ok(store)
    }

    /// Runs `work` in one transaction: all of it is kept, or (on an
    /// error) none of it.
    pub fn in_transaction<T>(&self, work: impl FnOnce(&Store) -> Result<T>) -> Result<T> {
        let sql = |statement: &str| {
            self.conn
                .execute_batch(statement)
                .localized(|| self.cannot_write())
        };
        sql("BEGIN IMMEDIATE")?;
        match work(self).and_then(|done| sql("COMMIT").map(|()| done)) {
            Ok(done) => Ok(done),
            Err(err) => {
                let _ = sql("ROLLBACK");
                Err(err)
            }
        }
    }

    /// Runs `steps` in one transaction, each in a savepoint of its own (a
    /// step that fails is undone alone, the others kept), with one commit:
    /// one sync to disk for all of them. Gives each step's outcome, or the
    /// error of the commit, which undoes them all.
    pub fn together<I>(&self, steps: I) -> Result<Vec<Result<()>>>
    where
        I: IntoIterator,
        I::Item: FnOnce(&Store) -> Result<()>,
    {
        let sql = |statement: &str| {
            self.conn
                .execute_batch(statement)
                .localized(|| self.cannot_write())
        };
        sql("BEGIN IMMEDIATE")?;
        let mut outcomes = Vec::new();
        for step in steps {
            let kept = sql("SAVEPOINT step").and_then(|()| {
                let outcome = step(self);
                if outcome.is_err() {
                    sql("ROLLBACK TO step")?;
                }
                sql("RELEASE step")?;
                Ok(outcome)
            });
            match kept {
                Ok(outcome) => outcomes.push(outcome),
                Err(err) => {
                    let _ = sql("ROLLBACK");
                    return Err(err);
                }
            }
        }
        if let Err(err) = sql("COMMIT") {
            let _ = sql("ROLLBACK");
            return Err(err);
        }
        Ok(outcomes)
    }

    /// Writes a consistent copy of the whole file to `path` (SQLite's
    /// `VACUUM INTO`: one read transaction, so a server may go on writing),
    /// through a temporary file in the same folder, synced and renamed: an
    /// existing copy is replaced whole or not at all.
    pub fn back_up(&self, path: &Path) -> Result<()> {
        let shown = crate::visible::visible(&path.display().to_string()).into_owned();
        let cannot = || Localized::new("cannot-write", &[("file", &shown)]);
        let folder = match path.parent() {
            Some(folder) if !folder.as_os_str().is_empty() => folder,
            _ => Path::new("."),
        };
        let copy = tempfile::Builder::new()
            .prefix(".pyramid-backup-")
            .tempfile_in(folder)
            .localized(cannot)?;
        let target = copy.path().to_string_lossy().into_owned();
        self.conn
            .execute("VACUUM INTO ?1", [&target])
            .localized(cannot)?;
        copy.as_file().sync_all().localized(cannot)?;
        copy.persist(path)
            .map_err(|err| err.error)
            .localized(cannot)?;
        Ok(())
    }

    /// Keeps the file under `mib` MiB: a change that would grow it beyond
    /// fails (as on a full disk), and what was there stays whole.
    pub fn limit_size(&self, mib: u64) -> Result<()> {
        let set = || -> rusqlite::Result<()> {
            let page: i64 = self
                .conn
                .pragma_query_value(None, "page_size", |row| row.get(0))?;
            let bytes = i64::try_from(mib.saturating_mul(1024 * 1024)).unwrap_or(i64::MAX);
            let pages = (bytes / page.max(1)).max(1);
            self.conn.pragma_update(None, "max_page_count", pages)
        };
        set().localized(|| self.cannot_write())
    }

    /// Whether the file can be read now.
    pub fn healthy(&self) -> bool {
        self.conn
            .prepare_cached("SELECT COUNT(*) FROM campaigns")
            .and_then(|mut statement| statement.query_row([], |row| row.get::<_, i64>(0)))
            .is_ok()
    }

    /// Runs one statement that writes, prepared once per connection (the
    /// web form runs the same few for every answer).
    pub(super) fn run(&self, sql: &str, values: impl rusqlite::Params) -> Result<usize> {
        self.conn
            .prepare_cached(sql)
            .and_then(|mut statement| statement.execute(values))
            .localized(|| self.cannot_write())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// WAL (readers never wait for the writer), foreign keys, a busy
    /// timeout, full sync at every commit, and erased rows overwritten.
    fn configure(&self) -> Result<()> {
        let shown = self.path.display().to_string();
        let conn = &self.conn;
        let set = || -> rusqlite::Result<()> {
            conn.busy_timeout(BUSY_TIMEOUT)?;
            conn.pragma_update(None, "journal_mode", "WAL")?;
            conn.pragma_update(None, "synchronous", "FULL")?;
            conn.pragma_update(None, "foreign_keys", "ON")?;
            conn.pragma_update(None, "secure_delete", "ON")?;
            Ok(())
        };
        set().localized(|| Localized::new("db-cannot-open", &[("file", &shown)]))
    }

    /// Runs the migrations from `version` up, each in one transaction with
    /// its new version number.
    fn migrate(&mut self, version: u32) -> Result<()> {
        let shown = self.path.display().to_string();
        for (step, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            let run = |conn: &mut Connection| -> rusqlite::Result<()> {
                let tx = conn.transaction()?;
                tx.execute_batch(sql)?;
                tx.pragma_update(None, "user_version", step as u32 + 1)?;
                tx.commit()
            };
            run(&mut self.conn)
                .localized(|| Localized::new("db-cannot-upgrade", &[("file", &shown)]))?;
        }
        Ok(())
    }
}

/// A file that exists and holds anything must start as SQLite files do.
fn check_header(path: &Path, shown: &str) -> Result<()> {
    let mut head = Vec::with_capacity(16);
    match std::fs::File::open(path) {
        Ok(file) => {
            file.take(16)
                .read_to_end(&mut head)
                .localized(|| Localized::new("cannot-read-file", &[("file", shown)]))?;
        }
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(err) => return Err(crate::messages::cannot_read(shown, &err)),
    }
    if head.is_empty() || head.as_slice() == SQLITE_HEADER {
        Ok(())
    } else {
        Err(Localized::new("db-not-sqlite", &[("file", shown)]).into())
    }
}

/// The database file `db` names, else the default one.
pub fn chosen_path(db: Option<&Path>) -> Result<PathBuf> {
    match db {
        Some(path) => Ok(path.to_path_buf()),
        None => default_path().ok_or_else(|| Localized::new("db-no-default", &[]).into()),
    }
}

/// The database file where none is named: `pyramid.sqlite` in the user's
/// data folder (`~/.local/share/pyramid` on Linux, `~/Library/Application
/// Support/pyramid` on macOS, `%APPDATA%\pyramid` on Windows).
pub fn default_path() -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "pyramid")?;
    Some(dirs.data_dir().join("pyramid.sqlite"))
}

/// A fresh random secret of 128 bits, as 32 hexadecimal digits.
pub fn secret() -> Result<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|err| anyhow::anyhow!("no random numbers: {err}"))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_file_gets_the_schema_and_reopens() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("sub/team.sqlite");
        drop(Store::open(&path).expect("created"));
        let store = Store::open(&path).expect("reopened");
        let version: u32 = store
            .conn
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .expect("version");
        assert_eq!(version, SCHEMA_VERSION);
        let mode: String = store
            .conn
            .pragma_query_value(None, "journal_mode", |row| row.get(0))
            .expect("mode");
        assert_eq!(mode, "wal");
    }

    #[test]
    fn secrets_are_128_random_bits() {
        let (a, b) = (secret().expect("random"), secret().expect("random"));
        assert_eq!(a.len(), 32);
        assert!(a.chars().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, b);
    }
}

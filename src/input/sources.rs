//! What `pyramid score` reads: files, folders of files, or standard input,
//! each read as an answer file (YAML, JSON), a CSV table or a spreadsheet.

use super::answer_file;
use super::csv_file;
use super::csv_parts::{Input, Reopen};
use super::record::Record;
use super::scores_document::{self, ScoredEntry};
use super::survey::TableInfo;
use crate::file_id::FileId;
use crate::input::matching::{AnswerMatcher, Matchers};
use crate::lang::Lang;
use crate::messages::{Localized, LocalizedContext, cannot_read, say_in};
use crate::model::bank::Bank;
use anyhow::Result;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::io::IsTerminal;
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// How a source is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A YAML or JSON answer file, one respondent.
    AnswerFile,
    /// A CSV (or TSV) table, one respondent per row.
    Csv,
    /// A spreadsheet (XLSX, XLS, ODS), one respondent per row.
    Spreadsheet,
    /// Told from the content: standard input, or an unknown file ending.
    FromContent,
    /// A campaign in the database at `path`; `name` is the campaign's.
    Campaign,
    /// A self-test kept in the database at `path`; `name` is its number.
    SelfTest,
}

/// One input: a file, or standard input when `path` is `None`.
#[derive(Clone, Debug)]
pub struct Source {
    pub path: Option<PathBuf>,
    pub name: Arc<str>,
    pub kind: Kind,
}

const ANSWER_FILE_ENDINGS: [&str; 3] = ["yaml", "yml", "json"];
const CSV_ENDINGS: [&str; 3] = ["csv", "tsv", "txt"];
const SPREADSHEET_ENDINGS: [&str; 5] = ["xlsx", "xlsm", "xlsb", "xls", "ods"];

fn kind_of(path: &Path) -> Option<Kind> {
    let ending = path.extension()?.to_str()?.to_ascii_lowercase();
    if ANSWER_FILE_ENDINGS.contains(&ending.as_str()) {
        Some(Kind::AnswerFile)
    } else if CSV_ENDINGS.contains(&ending.as_str()) {
        Some(Kind::Csv)
    } else if SPREADSHEET_ENDINGS.contains(&ending.as_str()) {
        Some(Kind::Spreadsheet)
    } else {
        None
    }
}

/// Whether a folder given as input has `path` read: a file with one of
/// the endings read, not hidden.
pub fn read_from_folders(path: &Path) -> bool {
    kind_of(path).is_some()
        && !path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'))
}

/// The sources the paths name: `-` or no path is standard input, a folder
/// is every answer file, table and spreadsheet in it, in name order. A
/// file named twice (the same path, a link to it, a folder and a file in
/// it) is read once, with a note.
pub fn expand(paths: &[PathBuf], db: Option<&Path>, lang: Lang) -> Result<Vec<Source>> {
    let mut seen: HashMap<FileId, Arc<str>> = HashMap::new();
    let mut sources = Vec::new();
    let all = expand_all(paths, db)?;
    // Typing answers at a terminal is rare: say what is awaited, and how
    // to stop, instead of waiting in silence.
    if all.iter().any(|source| source.path.is_none()) && std::io::stdin().is_terminal() {
        let end = if cfg!(windows) {
            "Ctrl-Z, Enter"
        } else {
            "Ctrl-D"
        };
        let line = say_in(lang, "reading-stdin", &[("end", end)]);
        crate::output::say(&crate::messages::note(lang, &line));
    }
    for source in all {
        let id = match source.kind {
            Kind::Campaign | Kind::SelfTest => None,
            _ => source.path.as_deref().and_then(FileId::of),
        };
        match id.map(|id| seen.entry(id)) {
            Some(Entry::Occupied(first)) => {
                let args = [("file", &*source.name), ("first", &**first.get())];
                let line = say_in(lang, "same-file", &args);
                crate::output::say(&crate::messages::note(lang, &line));
            }
            Some(Entry::Vacant(slot)) => {
                slot.insert(source.name.clone());
                sources.push(source);
            }
            None => sources.push(source),
        }
    }
    Ok(sources)
}

fn expand_all(paths: &[PathBuf], db: Option<&Path>) -> Result<Vec<Source>> {
    if paths.is_empty() {
        return Ok(vec![stdin()]);
    }
    let mut sources = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            sources.push(stdin());
            continue;
        }
        let stored = [
            (super::campaign::PREFIX, Kind::Campaign),
            (super::campaign::SELF_TEST_PREFIX, Kind::SelfTest),
        ]
        .into_iter()
        .find_map(|(prefix, kind)| {
            let name = path.to_str()?.strip_prefix(prefix)?;
            Some((name, kind))
        })
        .filter(|_| !path.exists());
        if let Some((name, kind)) = stored {
            let db = crate::store::chosen_path(db)?;
            sources.push(Source {
                path: Some(db),
                name: Arc::from(name),
                kind,
            });
            continue;
        }
        let metadata = std::fs::metadata(path)
            .map_err(|err| cannot_read(&path.display().to_string(), &err))?;
        if metadata.is_dir() {
            let before = sources.len();
            let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
                .localized(|| {
                    let folder = path.display().to_string();
                    Localized::new("cannot-read-folder", &[("folder", &folder)])
                })?
                .filter_map(|entry| entry.ok().map(|entry| entry.path()))
                .filter(|entry| entry.is_file() && read_from_folders(entry))
                .collect();
            entries.sort();
            sources.extend(entries.into_iter().map(file));
            if sources.len() == before {
                let folder = path.display().to_string();
                let args = [("folder", &*folder)];
                return Err(Localized::new("folder-without-answers", &args).into());
            }
        } else {
            sources.push(file(path.clone()));
        }
    }
    Ok(sources)
}

fn stdin() -> Source {
    Source {
        path: None,
        name: Arc::from("<stdin>"),
        kind: Kind::FromContent,
    }
}

fn file(path: PathBuf) -> Source {
    Source {
        name: Arc::from(crate::visible::visible(&path.display().to_string())),
        kind: kind_of(&path).unwrap_or(Kind::FromContent),
        path: Some(path),
    }
}

/// Whether the start of a text is an answer file rather than a table.
fn starts_like_answer_file(head: &[u8]) -> bool {
    let text = String::from_utf8_lossy(head);
    let first = text
        .trim_start_matches('\u{feff}')
        .lines()
        .map(str::trim)
        .find(|line| !line.is_empty() && !line.starts_with('#'));
    first.is_some_and(|line| {
        line.starts_with('{')
            || line == "---"
            || ["respondent:", "bank:", "answers:"]
                .iter()
                .any(|key| line.starts_with(key))
    })
}

/// One respondent as a source gives it: answers to score, or the pillar
/// scores of a scores document that `pyramid score` wrote.
pub enum Respondent<'r> {
    /// Answers, lent: the sink takes what it keeps.
    Answers(&'r mut Record),
    /// An entry, and the document it is in.
    Scores(ScoredEntry, Arc<str>),
}

/// What came before a part of a table: the table rows, and the lines
/// where the part counted its lines from its first (0 where it counted
/// them in the file).
#[derive(Clone, Copy, Debug, Default)]
pub struct Before {
    pub rows: u64,
    pub lines: u64,
}

/// Where the respondents read go, in the order read.
pub trait Sink: Send + Sized {
    fn add(&mut self, respondent: Respondent<'_>);
    /// An empty sink for a later stretch of the same table, filled on
    /// another thread; `None` where the table is to be read on one.
    fn part(&self) -> Option<Self>;
    /// Takes in a part's respondents, which came after these. The part
    /// counted its table rows from 0, and its lines from its first where
    /// `moves_lines` allowed it: they come after `before` (`Record::shift`).
    fn join(&mut self, part: Self, before: Before);
    /// Whether a part may count its lines from its own first line, for
    /// `join` to move them after the lines before it: nothing a part
    /// keeps holds a line but what `join` moves.
    fn moves_lines(&self) -> bool {
        false
    }
    /// Called on the thread that filled this sink when it has read all it
    /// will: work that can be done there, before `join`, is done here.
    fn read_all(&mut self) {}
    /// Whether this sink takes only each respondent's scores, not the
    /// answers themselves: a table may then hand on records whose answers
    /// were read straight into a combination (`Record::combination`).
    fn scores_only(&self) -> bool {
        false
    }
}

/// What hands each record of a table to `sink`.
pub fn records(sink: &mut impl Sink) -> impl FnMut(&mut Record) + '_ {
    |record: &mut Record| sink.add(Respondent::Answers(record))
}

/// Reads one source into `sink`; a table also tells which columns it
/// ignored. Every source is read once. What a file is read through is
/// `wrap`ped (to count progress).
pub fn read(
    source: &Source,
    input: Box<dyn Read + Send>,
    bank: &Bank,
    matchers: &Matchers,
    sink: &mut impl Sink,
    wrap: &(dyn Fn(Input) -> Input + Sync),
) -> Result<Option<TableInfo>> {
    let name = source.name.clone();
    let matcher = &matchers.answers;
    match source.kind {
        Kind::Spreadsheet => {
            let path = source.path.as_deref().unwrap_or(Path::new("-"));
            super::spreadsheet::read(path, name, bank, matchers, &mut records(sink)).map(Some)
        }
        Kind::AnswerFile => {
            let text = read_document(input, &name)?;
            document(&text, name, bank, matcher, sink)?;
            Ok(None)
        }
        Kind::Csv => {
            let reopen = source.path.as_deref().and_then(|path| {
                let length = std::fs::metadata(path).ok()?.len();
                Some(Reopen { path, length, wrap })
            });
            csv_file::read_csv(input, name, bank, matchers, sink, reopen).map(Some)
        }
        Kind::Campaign => {
            let db = source.path.as_deref().unwrap_or(Path::new("-"));
            super::campaign::read(db, &name, bank, matcher, &mut records(sink)).map(|()| None)
        }
        Kind::SelfTest => {
            let db = source.path.as_deref().unwrap_or(Path::new("-"));
            super::campaign::read_self_test(db, &name, bank, matcher, &mut records(sink))
                .map(|()| None)
        }
        Kind::FromContent => {
            let mut input = input;
            let mut head = Vec::new();
            (&mut input)
                .take(4096)
                .read_to_end(&mut head)
                .localized(|| Localized::new("cannot-read-file", &[("file", &name)]))?;
            let whole = Cursor::new(head.clone()).chain(input);
            if starts_like_answer_file(&head) {
                let text = read_document(Box::new(whole), &name)?;
                document(&text, name, bank, matcher, sink)?;
                Ok(None)
            } else {
                csv_file::read_csv(whole, name, bank, matchers, sink, None).map(Some)
            }
        }
    }
}

/// A YAML or JSON document: a scores document, told by parsing it, or
/// else an answer file.
fn document(
    text: &str,
    name: Arc<str>,
    bank: &Bank,
    matcher: &AnswerMatcher,
    sink: &mut impl Sink,
) -> Result<()> {
    match scores_document::parse(text, &name, bank)? {
        Some(entries) => entries
            .into_iter()
            .for_each(|entry| sink.add(Respondent::Scores(entry, name.clone()))),
        None => sink.add(Respondent::Answers(&mut answer_file::read(
            text, name, bank, matcher,
        )?)),
    }
    Ok(())
}

/// Reads a whole YAML or JSON document, within the size limit.
fn read_document(input: Box<dyn Read + Send>, name: &str) -> Result<String> {
    let limit = super::MAX_DOCUMENT_BYTES;
    let mut bytes = Vec::new();
    input
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .localized(|| Localized::new("cannot-read-file", &[("file", name)]))?;
    if bytes.len() as u64 > limit {
        let limit = (limit >> 20).to_string();
        let args = [("file", name), ("limit", &*limit)];
        return Err(Localized::new("answers-over-limit", &args).into());
    }
    String::from_utf8(bytes).map_err(|err| {
        let offset = err.utf8_error().valid_up_to();
        let line = String::from_utf8_lossy(&err.as_bytes()[..offset])
            .lines()
            .count()
            .max(1);
        let line = line.to_string();
        Localized::new("answers-not-utf8", &[("file", name), ("line", &line)]).into()
    })
}

/// Opens a source for reading.
pub fn open(source: &Source) -> Result<Box<dyn Read + Send>> {
    if matches!(source.kind, Kind::Campaign | Kind::SelfTest) {
        // Read from the database by `read`, not as a stream.
        return Ok(Box::new(std::io::empty()));
    }
    match &source.path {
        None => Ok(Box::new(std::io::stdin())),
        Some(path) => {
            let file = std::fs::File::open(path)
                .map_err(|err| cannot_read(&path.display().to_string(), &err))?;
            Ok(Box::new(file))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answer_files_are_told_from_tables() {
        assert!(starts_like_answer_file(b"respondent: An\nbank: pyramid\n"));
        assert!(starts_like_answer_file(b"# saved\nanswers:\n  a: b\n"));
        assert!(starts_like_answer_file(b"  {\"respondent\": \"An\"}"));
        assert!(!starts_like_answer_file(
            b"respondent,strategy-role\nAn,a\n"
        ));
        assert!(!starts_like_answer_file(b"Tijdstempel;Naam\n"));
    }
}

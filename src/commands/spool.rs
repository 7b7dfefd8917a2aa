//! One CSV row per respondent, written while the inputs are read (by
//! `gather`, on every thread that reads) to temporary files, and copied
//! out once every row is known to be good: the input is read once, and
//! memory does not grow with the rows.
//!
//! Each stretch of rows has two files: the lines, and a frame for each:
//! its length (with a bit for a named respondent) and the table row of an
//! unnamed respondent read on another thread, whose name (`file row N`)
//! is made when copied, once the rows before its stretch are known; else
//! `WHOLE`. Where nothing is to be named or left out (the named
//! submissions that later ones replaced), the lines are copied as they
//! are.

use crate::documents::SpooledRows;
use crate::export::CsvRows;
use crate::input::record::Record;
use crate::lang::Lang;
use crate::messages::Localized;
use crate::model::bank::Bank;
use crate::model::scoring::RowScores;
use anyhow::Result;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::sync::Arc;
use std::sync::mpsc::Sender;

/// The buffer of each file, written and read.
const BUFFER: usize = 256 * 1024;
/// The bit of a frame's length that marks a named respondent.
const NAMED: u32 = 1 << 31;
/// The row of a frame whose line is whole.
const WHOLE: u64 = u64::MAX;
const FRAME: usize = 12;

/// Rows being written, on one thread.
pub struct Spool<'b> {
    rows: CsvRows<'b>,
    bank: &'b Bank,
    lang: Lang,
    /// Whether this spool takes a later stretch of a table, read on
    /// another thread: its unnamed respondents are named when copied.
    in_part: bool,
    /// The files written, in order, and the one being written.
    done: Vec<Written>,
    current: Option<Segment>,
    /// The first failure to write; nothing more is written after it.
    failed: Option<std::io::Error>,
}

/// The files of one stretch of rows.
struct Segment {
    lines: BufWriter<File>,
    frames: BufWriter<File>,
    /// In a part: the table's file and the data rows before the part
    /// (known when joined), which name its unnamed respondents.
    unnamed: Option<(Arc<str>, u64)>,
}

impl<'b> Spool<'b> {
    pub fn new(bank: &'b Bank, lang: Lang) -> Spool<'b> {
        Spool {
            rows: CsvRows::new(bank, lang),
            bank,
            lang,
            in_part: false,
            done: Vec::new(),
            current: None,
            failed: None,
        }
    }

    /// An empty spool for a later stretch of a table.
    pub fn part(&self) -> Spool<'b> {
        Spool {
            in_part: true,
            ..Spool::new(self.bank, self.lang)
        }
    }

    /// Writes a respondent read from answers.
    pub fn add(&mut self, record: &Record, scores: &RowScores) {
        let (file, line) = (&*record.place.file, record.place.line);
        let (row, line) = match record.place.row {
            Some(row) if self.in_part && !record.named => (row, self.rows.tail(file, line, scores)),
            _ => (
                WHOLE,
                self.rows.row(&record.respondent.text(), file, line, scores),
            ),
        };
        let named_later = row != WHOLE;
        let frame = frame(line.len(), record.named, row);
        let written = write_frame(&mut self.current, &mut self.failed, &frame, line);
        if named_later && let Some(segment) = written {
            segment
                .unnamed
                .get_or_insert_with(|| (record.place.file.clone(), 0));
        }
    }

    /// Writes a respondent read from a scores document.
    pub fn add_whole(&mut self, respondent: &str, source: &str, scores: &RowScores) {
        let line = self.rows.row(respondent, source, None, scores);
        let frame = frame(line.len(), false, WHOLE);
        write_frame(&mut self.current, &mut self.failed, &frame, line);
    }

    /// Ends the files being written: their buffers are written out and
    /// let go, which a part does once it has read all its rows.
    pub fn close(&mut self) {
        let Some(segment) = self.current.take() else {
            return;
        };
        let lines = segment.lines.into_inner().map_err(|e| e.into_error());
        let frames = segment.frames.into_inner().map_err(|e| e.into_error());
        match lines.and_then(|lines| Ok((lines, frames?))) {
            Ok((lines, frames)) => self.done.push(Written {
                lines,
                frames,
                unnamed: segment.unnamed,
            }),
            Err(error) => {
                self.failed.get_or_insert(error);
            }
        }
    }

    /// Takes in a part's rows, after these: its stretch of a table comes
    /// after `rows_before` table rows.
    pub fn join(&mut self, mut part: Spool<'b>, rows_before: u64) {
        self.close();
        part.close();
        if self.failed.is_none() {
            self.failed = part.failed;
        }
        for mut written in part.done {
            if let Some((_, before)) = &mut written.unnamed {
                *before += rows_before;
            }
            self.done.push(written);
        }
    }

    /// The rows written, to copy out leaving out the named submissions
    /// (counted in the order read) in `replaced`, sorted.
    pub fn finish(mut self, replaced: &[u32]) -> Result<Spooled<'b>> {
        self.close();
        if let Some(failed) = &self.failed {
            return Err(failure(failed));
        }
        Ok(Spooled {
            bank: self.bank,
            lang: self.lang,
            files: self.done,
            replaced: replaced.to_vec(),
        })
    }
}

/// A row's frame.
fn frame(length: usize, named: bool, row: u64) -> [u8; FRAME] {
    let length = u32::try_from(length).unwrap_or(u32::MAX) & !NAMED;
    let length = if named { length | NAMED } else { length };
    let mut frame = [0; FRAME];
    frame[..4].copy_from_slice(&length.to_le_bytes());
    frame[4..].copy_from_slice(&row.to_le_bytes());
    frame
}

/// Writes a frame and its line to the files being written (made at the
/// first); gives them, unless writing failed now or before.
fn write_frame<'s>(
    current: &'s mut Option<Segment>,
    failed: &mut Option<std::io::Error>,
    frame: &[u8],
    line: &[u8],
) -> Option<&'s mut Segment> {
    if failed.is_some() {
        return None;
    }
    let written = match current {
        Some(segment) => Ok(segment),
        None => tempfile::tempfile()
            .and_then(|lines| Ok((lines, tempfile::tempfile()?)))
            .map(|(lines, frames)| {
                current.insert(Segment {
                    lines: BufWriter::with_capacity(BUFFER, lines),
                    frames: BufWriter::with_capacity(BUFFER / 4, frames),
                    unnamed: None,
                })
            }),
    }
    .and_then(|segment| {
        segment.frames.write_all(frame)?;
        segment.lines.write_all(line)?;
        Ok(segment)
    });
    match written {
        Ok(segment) => Some(segment),
        Err(error) => {
            *failed = Some(error);
            None
        }
    }
}

/// The message for a temporary file that could not be written or read.
fn failure(error: &std::io::Error) -> anyhow::Error {
    let folder = std::env::temp_dir();
    let folder = folder.to_string_lossy();
    let reason = error.to_string();
    // The variable that names the folder of temporary files.
    let variable = if cfg!(windows) { "TMP" } else { "TMPDIR" };
    let args = [
        ("folder", folder.as_ref()),
        ("reason", reason.as_str()),
        ("variable", variable),
    ];
    Localized::new("spool-failed", &args).into()
}

/// The rows written, ready to copy out.
pub struct Spooled<'b> {
    bank: &'b Bank,
    lang: Lang,
    files: Vec<Written>,
    replaced: Vec<u32>,
}

/// The files of one stretch, written.
struct Written {
    lines: File,
    frames: File,
    unnamed: Option<(Arc<str>, u64)>,
}

impl SpooledRows for Spooled<'_> {
    fn copy_to(&self, out: &mut dyn Write) -> Result<()> {
        // Letting a file's pages go takes about as long as copying it
        // (about 23 ms for a million rows' 95 MB on ext4): a second thread
        // empties each file copied while this one copies the next.
        std::thread::scope(|scope| {
            let (copied, to_empty) = std::sync::mpsc::channel::<&Written>();
            let emptying = std::thread::Builder::new().spawn_scoped(scope, move || {
                for written in to_empty {
                    written.empty();
                }
            });
            // Without that thread, the files are let go at the run's end.
            self.copy_each(out, emptying.is_ok().then_some(&copied))
        })
    }
}

impl Written {
    /// Lets the pages of a file copied go. The files have no name in the
    /// folder: they are removed when closed, whatever this gives.
    fn empty(&self) {
        let _ = self.lines.set_len(0);
        let _ = self.frames.set_len(0);
    }
}

impl Spooled<'_> {
    /// Copies the files in turn to `out`, handing each to `copied` once
    /// copied.
    fn copy_each<'w>(
        &'w self,
        out: &mut dyn Write,
        copied: Option<&Sender<&'w Written>>,
    ) -> Result<()> {
        let mut rows = CsvRows::new(self.bank, self.lang);
        let mut replaced = self.replaced.iter().copied().peekable();
        let mut named = 0u32;
        for written in &self.files {
            let mut lines = BufReader::with_capacity(BUFFER, rewound(&written.lines)?);
            if self.replaced.is_empty() && written.unnamed.is_none() {
                pass(&mut lines, None, Some(&mut *out))?;
                if let Some(copied) = copied {
                    let _ = copied.send(written);
                }
                continue;
            }
            let mut frames = BufReader::with_capacity(BUFFER / 4, rewound(&written.frames)?);
            let mut frame = [0; FRAME];
            while !frames.fill_buf().map_err(|e| failure(&e))?.is_empty() {
                frames.read_exact(&mut frame).map_err(|e| failure(&e))?;
                let [a, b, c, d, row @ ..] = frame;
                let length = u32::from_le_bytes([a, b, c, d]);
                let row = u64::from_le_bytes(row);
                let mut keep = true;
                if length & NAMED != 0 {
                    keep = replaced.next_if_eq(&named).is_none();
                    named = named.saturating_add(1);
                }
                if keep
                    && row != WHOLE
                    && let Some((table, before)) = &written.unnamed
                {
                    let name = Record::unnamed(table, row.saturating_add(*before));
                    out.write_all(rows.head(&name))?;
                }
                let length = Some(u64::from(length & !NAMED));
                pass(&mut lines, length, keep.then_some(&mut *out))?;
            }
            if let Some(copied) = copied {
                let _ = copied.send(written);
            }
        }
        Ok(())
    }
}

/// A file written, to read from its start.
fn rewound(file: &File) -> Result<&File> {
    let mut file = file;
    file.seek(SeekFrom::Start(0)).map_err(|e| failure(&e))?;
    Ok(file)
}

/// Moves `length` bytes (all that is left where `None`) on from `lines`,
/// writing them to `out` where given.
fn pass(
    lines: &mut impl BufRead,
    length: Option<u64>,
    mut out: Option<&mut dyn Write>,
) -> Result<()> {
    let mut left = length.unwrap_or(u64::MAX);
    while left > 0 {
        let buffer = lines.fill_buf().map_err(|e| failure(&e))?;
        if buffer.is_empty() {
            if length.is_some() {
                let cut = std::io::Error::from(std::io::ErrorKind::UnexpectedEof);
                return Err(failure(&cut));
            }
            break;
        }
        let take = buffer
            .len()
            .min(usize::try_from(left).unwrap_or(usize::MAX));
        if let Some(out) = &mut out {
            out.write_all(&buffer[..take])?;
        }
        lines.consume(take);
        left -= take as u64;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::tiny_bank;

    /// A record of `t.csv`'s table row `row` (at line `row + 1`), named
    /// `name` where given.
    fn record(bank: &Bank, name: Option<&str>, row: u64) -> Record {
        let mut record = Record::new(bank, Arc::from("t.csv"));
        record.respondent.set(name.unwrap_or(""));
        record.named = name.is_some();
        record.place.line = Some(row + 1);
        record.place.row = Some(row);
        record
    }

    #[test]
    fn rows_are_copied_in_order_and_each_file_emptied_once_copied() {
        let bank = tiny_bank();
        let mut first = Spool::new(&bank, Lang::EN);
        let mut part = first.part();
        // More rows than one buffer holds, so that copying reads the
        // first file more than once.
        let many: Vec<String> = (2..10_002).map(|n| format!("r{n}")).collect();
        let mut names: Vec<&str> = vec!["An", "Jan"];
        names.extend(many.iter().map(String::as_str));
        for (row, name) in (0..).zip(&names) {
            let record = record(&bank, Some(name), row);
            first.add(&record, &record.row_scores(&bank));
        }
        for (row, name) in [(0, None), (1, Some("Piet"))] {
            let record = record(&bank, name, row);
            part.add(&record, &record.row_scores(&bank));
        }
        first.join(part, 10_002);
        // Jan, the second named submission, is replaced by a later one.
        let spooled = first.finish(&[1]).expect("rows written");
        let mut out = Vec::new();
        spooled.copy_to(&mut out).expect("rows copied");
        let out = String::from_utf8(out).expect("UTF-8");
        let copied: Vec<&str> = out
            .lines()
            .map(|line| &line[..line.find(',').unwrap_or(0)])
            .collect();
        names.remove(1);
        names.extend(["t.csv row 10002", "Piet"]);
        assert_eq!(copied, names);
        assert_eq!(spooled.files.len(), 2);
        for written in &spooled.files {
            let lengths = [&written.lines, &written.frames]
                .map(|file| file.metadata().map(|metadata| metadata.len()).ok());
            assert_eq!(lengths, [Some(0), Some(0)]);
        }
    }
}

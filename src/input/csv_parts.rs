//! A long CSV file read in two parts at once: this thread reads the header
//! and the first half, another opens the file again and reads the second
//! half into a part of the sink, which is joined after the first. The
//! respondents, problems, lines and errors are those of one thread:
//!
//! - the second half starts after a line end with an even count of quotes
//!   before it, where no cell can be open, and the first half's reader
//!   checks that a record starts exactly there; where none does (a stray
//!   quote inside a cell), it reads on to the end itself and the part is
//!   dropped; the other thread looks for that place while this one reads
//!   (this one waits for it only where it reaches the middle first);
//! - to find that place, the other thread counts the quotes and line ends
//!   of the first half (about 10 ms for 20 MiB); where the sink lets a
//!   part count its lines from its first (`Sink::moves_lines`: a summary)
//!   and no quote lies within 64 KiB of the middle, it starts at once
//!   after the first line end past the middle instead, and its lines are
//!   moved when joined (an error it ends with names its lines so: then
//!   this thread reads the second half again itself);
//! - the part counts its rows from 0, and its records are moved after the
//!   first half's rows when joined (`Sink::join`);
//! - an error in the part comes after every record before it.

use super::csv_file::{OnThisThread, Pending};
use super::csv_lines::Lines;
use super::sources::{Before, Sink, records};
use super::survey::{Table, TableInfo};
use crate::input::matching::Matchers;
use crate::model::bank::Bank;
use anyhow::Result;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

/// Something that reads.
pub type Input = Box<dyn Read + Send>;

/// A file that can be opened again to read a later stretch of it.
pub struct Reopen<'a> {
    pub path: &'a Path,
    /// Its length, when it was opened.
    pub length: u64,
    /// What the stretch's reader goes through (to count progress).
    pub wrap: &'a (dyn Fn(Input) -> Input + Sync),
}

/// How the file's text starts, from sniffing it.
pub struct Layout {
    /// The bytes of a `sep=` line before the text, and its lines.
    pub skip: u64,
    pub skipped_lines: u64,
    pub delimiter: u8,
}

/// Where the second part starts: a byte of the file, and the line ends
/// before it in the text after the `sep=` line, where they were counted.
struct Split {
    at: u64,
    lines_before: Option<u64>,
}

/// How near the middle a quote keeps the second part from starting before
/// the quotes of the first half are counted.
const NEAR: u64 = 64 * 1024;

/// The second part as read: its table and sink, how its reading ended,
/// and whether it counted its lines from its first.
struct Part<'a, S> {
    table: Table<'a>,
    sink: S,
    outcome: Result<()>,
    lines_uncounted: bool,
}

/// Reads the rows of `rows` (a reader at the file's start) in two parts;
/// in one where the file has no place to split.
pub(super) fn read<R: Read, S: Sink>(
    mut rows: OnThisThread<R>,
    reopen: &Reopen,
    layout: &Layout,
    bank: &Bank,
    matchers: &Matchers,
    sink: &mut S,
) -> Result<TableInfo> {
    let file = rows.file().clone();
    let mut table = Table::find(&mut rows, &file, bank, matchers, &mut records(sink))?;
    if sink.scores_only() {
        table.scores_only();
    }
    let start = layout.skip + rows.reader.position();
    let uncounted = sink.moves_lines();
    let Some(part_sink) = sink.part() else {
        table.rest(&mut rows, &mut records(sink))?;
        return table.finish();
    };
    let stop = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let part_table = table.part(file.to_string().into());
        let (found, split_at) = mpsc::channel();
        let stop = &stop;
        // The other thread looks for the split while this one reads: it
        // is told before it reads past the middle.
        let worker = scope.spawn(move || {
            let split = split(reopen, layout.skip, start, uncounted);
            let _ = found.send(split.as_ref().map(|split| split.at - layout.skip));
            read_part(reopen, &split?, layout, part_table, part_sink, stop)
        });
        rows.split = Some(Pending {
            middle: middle(reopen, start) - layout.skip,
            split_at,
        });
        let first = table.rest(&mut rows, &mut records(sink));
        if first.is_err() || !rows.stopped {
            // An error, or no record started at the split: the part is
            // not wanted.
            stop.store(true, Ordering::Relaxed);
        } else {
            // While the part may still be read.
            sink.read_all();
        }
        let part = worker
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        first?;
        if !rows.stopped {
            return table.finish();
        }
        match part {
            Some(part) if !(part.lines_uncounted && part.outcome.is_err()) => {
                let lines = if part.lines_uncounted {
                    rows.reader.lines_before()
                } else {
                    0
                };
                let rows = table.data_rows();
                sink.join(part.sink, Before { rows, lines });
                table.join(&part.table);
                part.outcome?;
            }
            // The file could not be opened again, or the part ended with
            // an error that does not know its lines: read on here.
            _ => {
                rows.stop_at = None;
                table.rest(&mut rows, &mut records(sink))?;
            }
        }
        table.finish()
    })
}

/// The second part, read from `split`; `None` if the file could not be
/// opened again there.
fn read_part<'a, S: Sink>(
    reopen: &Reopen,
    split: &Split,
    layout: &Layout,
    mut table: Table<'a>,
    mut sink: S,
    stop: &AtomicBool,
) -> Option<Part<'a, S>> {
    let mut input = std::fs::File::open(reopen.path).ok()?;
    input.seek(SeekFrom::Start(split.at)).ok()?;
    let line_offset = split
        .lines_before
        .map_or(0, |lines| layout.skipped_lines + lines);
    let reader = Lines::new(
        (reopen.wrap)(Box::new(input)),
        layout.delimiter,
        line_offset,
    );
    let file = table.file().clone();
    let mut rows = OnThisThread::new(file, reader);
    let outcome = table.rest_until(&mut rows, stop, &mut records(&mut sink));
    sink.read_all();
    Some(Part {
        table,
        sink,
        outcome,
        lines_uncounted: split.lines_before.is_none(),
    })
}

/// The byte halfway through what is left from `start`.
fn middle(reopen: &Reopen, start: u64) -> u64 {
    start + reopen.length.saturating_sub(start) / 2
}

/// Where the second part starts: with `uncounted`, where no quote is
/// near the middle, after the first line end past it, the lines before
/// it not counted; otherwise as `counted` finds it.
fn split(reopen: &Reopen, skip: u64, start: u64, uncounted: bool) -> Option<Split> {
    uncounted
        .then(|| unquoted(reopen, start))
        .flatten()
        .map(|at| Split {
            at,
            lines_before: None,
        })
        .or_else(|| counted(reopen, skip, start))
}

/// The first line end at or after the middle of what is left (from
/// `start`), where no quote lies within `NEAR` bytes of the middle (as in
/// a file without quoted cells across lines); `None` otherwise.
fn unquoted(reopen: &Reopen, start: u64) -> Option<u64> {
    let middle = middle(reopen, start);
    let from = middle.saturating_sub(NEAR).max(start);
    let mut input = std::fs::File::open(reopen.path).ok()?;
    input.seek(SeekFrom::Start(from)).ok()?;
    let mut near = Vec::with_capacity((2 * NEAR) as usize);
    input
        .take(middle + NEAR - from)
        .read_to_end(&mut near)
        .ok()?;
    if memchr::memchr(b'"', &near).is_some() {
        return None;
    }
    let past = near.get(usize::try_from(middle - from).ok()?..)?;
    let at = middle + memchr::memchr(b'\n', past)? as u64 + 1;
    (at < reopen.length).then_some(at)
}

/// The first line end at or after the middle of what is left (from
/// `start`) with an even count of quotes before it, counted from `skip`
/// as `RecordLimit` counts them; `None` if there is none before the end.
fn counted(reopen: &Reopen, skip: u64, start: u64) -> Option<Split> {
    let middle = middle(reopen, start);
    let mut input = std::fs::File::open(reopen.path).ok()?;
    input.seek(SeekFrom::Start(skip)).ok()?;
    let mut buffer = vec![0u8; 256 * 1024];
    let (mut offset, mut quoted, mut lines_before) = (skip, false, 0u64);
    loop {
        let read = input.read(&mut buffer).ok()?;
        if read == 0 {
            return None;
        }
        let chunk = &buffer[..read];
        if offset + (read as u64) <= middle {
            // No line end here can be the split: only count.
            let count = |byte: u8| memchr::memchr_iter(byte, chunk).count();
            quoted ^= count(b'"') % 2 == 1;
            lines_before += count(b'\n') as u64;
            offset += read as u64;
            continue;
        }
        for at in memchr::memchr2_iter(b'"', b'\n', chunk) {
            if chunk[at] == b'"' {
                quoted = !quoted;
                continue;
            }
            lines_before += 1;
            let after = offset + at as u64 + 1;
            if !quoted && after > middle && after < reopen.length {
                return Some(Split {
                    at: after,
                    lines_before: Some(lines_before),
                });
            }
        }
        offset += read as u64;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// The split found byte by byte: the first line end past the middle
    /// with an even count of quotes before it.
    fn walked(text: &[u8], skip: u64, start: u64) -> Option<(u64, u64)> {
        let middle = start + (text.len() as u64).saturating_sub(start) / 2;
        let (mut quoted, mut lines) = (false, 0);
        for (at, byte) in text.iter().enumerate().skip(skip as usize) {
            match byte {
                b'"' => quoted = !quoted,
                b'\n' => {
                    lines += 1;
                    let after = at as u64 + 1;
                    if !quoted && after > middle && after < text.len() as u64 {
                        return Some((after, lines));
                    }
                }
                _ => {}
            }
        }
        None
    }

    #[test]
    fn without_quotes_near_the_middle_the_part_starts_at_once_at_the_same_line_end() {
        // 40,000 rows of about 14 bytes: 560 KiB, a quote in the first
        // row (far from the middle) and, in one file, one in the row
        // after the middle.
        for quote_at_middle in [false, true] {
            let mut text = b"sep=,\nr0,\"x\",c\n".to_vec();
            for row in 1..40_000 {
                let cell = if quote_at_middle && row == 20_001 {
                    "\"b\""
                } else {
                    "b"
                };
                text.extend_from_slice(format!("r{row},{cell},c\n").as_bytes());
            }
            let mut file = tempfile::NamedTempFile::new().expect("a temporary file");
            file.write_all(&text).expect("written");
            let wrap = |input: Input| input;
            let reopen = Reopen {
                path: file.path(),
                length: text.len() as u64,
                wrap: &wrap,
            };
            let (skip, start) = (6, 20);
            let counted = split(&reopen, skip, start, false).expect("a split");
            let at_once = split(&reopen, skip, start, true).expect("a split");
            assert_eq!(counted.at, at_once.at);
            assert_eq!(
                counted.lines_before,
                walked(&text, skip, start).map(|(_, lines)| lines)
            );
            let expected = if quote_at_middle {
                counted.lines_before
            } else {
                None
            };
            assert_eq!(at_once.lines_before, expected);
        }
    }

    #[test]
    fn the_split_past_whole_chunks_is_the_one_found_byte_by_byte() {
        // Over 256 KiB before the middle, so that whole chunks are only
        // counted; cells with quotes and line breaks in them, and a long
        // quoted cell across the middle in some of the files.
        for (rows, long_cell) in [(40_000, false), (40_000, true), (70_001, true), (3, false)] {
            let mut text = b"sep=,\n".to_vec();
            for row in 0..rows {
                match row % 7 {
                    0 => text.extend_from_slice(b"\"two\nlines\",a,\"say \"\"hi\"\"\"\n"),
                    _ => text.extend_from_slice(format!("r{row},b,c\n").as_bytes()),
                }
                if long_cell && row == rows / 2 {
                    text.extend_from_slice(b"\"");
                    text.extend_from_slice(&b"x\n".repeat(20_000));
                    text.extend_from_slice(b"\",d\n");
                }
            }
            let mut file = tempfile::NamedTempFile::new().expect("a temporary file");
            file.write_all(&text).expect("written");
            let wrap = |input: Input| input;
            let reopen = Reopen {
                path: file.path(),
                length: text.len() as u64,
                wrap: &wrap,
            };
            let (skip, start) = (6, 20);
            let found = split(&reopen, skip, start, false)
                .map(|split| (split.at, split.lines_before.unwrap_or(u64::MAX)));
            assert_eq!(found, walked(&text, skip, start), "{rows} rows");
            assert!(found.is_some() || rows == 3, "{rows} rows");
        }
    }
}

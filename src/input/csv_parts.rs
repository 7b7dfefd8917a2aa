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
//! - the part counts its lines from the line it starts on and its rows
//!   from 0, and its records are moved after the first half's rows when
//!   joined (`Sink::join`);
//! - an error in the part comes after every record before it.

use super::csv_file::{OnThisThread, Pending};
use super::csv_lines::Lines;
use super::sources::{Sink, records};
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
/// before it in the text after the `sep=` line.
struct Split {
    at: u64,
    lines_before: u64,
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
            let split = split(reopen, layout.skip, start);
            let _ = found.send(split.as_ref().map(|split| split.at - layout.skip));
            let split = split?;
            let line_offset = layout.skipped_lines + split.lines_before;
            read_part(
                reopen,
                split.at,
                layout.delimiter,
                line_offset,
                part_table,
                part_sink,
                stop,
            )
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
            Some((part_table, part_sink, outcome)) => {
                sink.join(part_sink, table.data_rows());
                table.join(&part_table);
                outcome?;
            }
            // The file could not be opened again: read on here.
            None => {
                rows.stop_at = None;
                table.rest(&mut rows, &mut records(sink))?;
            }
        }
        table.finish()
    })
}

/// The second part: its table and sink, and how its reading ended;
/// `None` if the file could not be opened again there.
fn read_part<'a, S: Sink>(
    reopen: &Reopen,
    at: u64,
    delimiter: u8,
    line_offset: u64,
    mut table: Table<'a>,
    mut sink: S,
    stop: &AtomicBool,
) -> Option<(Table<'a>, S, Result<()>)> {
    let mut input = std::fs::File::open(reopen.path).ok()?;
    input.seek(SeekFrom::Start(at)).ok()?;
    let reader = Lines::new((reopen.wrap)(Box::new(input)), delimiter, line_offset);
    let file = table.file().clone();
    let mut rows = OnThisThread::new(file, reader);
    let outcome = table.rest_until(&mut rows, stop, &mut records(&mut sink));
    sink.read_all();
    Some((table, sink, outcome))
}

/// The byte halfway through what is left from `start`.
fn middle(reopen: &Reopen, start: u64) -> u64 {
    start + reopen.length.saturating_sub(start) / 2
}

/// The first line end at or after the middle of what is left (from
/// `start`) with an even count of quotes before it, counted from `skip`
/// as `RecordLimit` counts them; `None` if there is none before the end.
fn split(reopen: &Reopen, skip: u64, start: u64) -> Option<Split> {
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
                    lines_before,
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
            let found = split(&reopen, skip, start).map(|split| (split.at, split.lines_before));
            assert_eq!(found, walked(&text, skip, start), "{rows} rows");
            assert!(found.is_some() || rows == 3, "{rows} rows");
        }
    }
}

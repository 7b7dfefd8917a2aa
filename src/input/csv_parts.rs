//! A long CSV file read in parts at once. This thread reads the header
//! and the first part; the stretches after it are read by another thread,
//! which opens the file again, and by this one once its own part is read,
//! each into a part of the sink, joined in the order of the file. The
//! respondents, problems, lines and errors are those of one thread:
//!
//! - where no quote lies within 64 KiB of any of the places, the
//!   stretches start after the first line end past each of `STRETCHES`,
//!   known at once: the two threads take them in turn, large ones first,
//!   so that the faster reads more and both end close together;
//! - where the sink lets a part count its lines from its first
//!   (`Sink::moves_lines`: a summary), the lines each part read are added
//!   up when joined, and a part that ends with an error (whose message
//!   names its lines counted from its first) sends this thread back to
//!   read on itself after its own part; for any other sink (rows written
//!   with their places as they are read) the thread that takes a stretch
//!   first counts the line ends before it in the file, from where the
//!   count for the stretch before it ended;
//! - otherwise there is one stretch, the second half: it starts after a
//!   line end with an even count of quotes before it, where no cell can
//!   be open, which the other thread finds by counting the quotes and
//!   line ends of the first half while this one reads (this one waits for
//!   it only where it reaches the middle first);
//! - each part's reader checks that a record starts exactly where the
//!   next stretch does; where none does (a stray quote inside a cell), it
//!   reads on to the end itself and the stretches after it are dropped;
//! - each part counts its rows from 0, and its records are moved after
//!   the rows and lines before it when joined (`Sink::join`);
//! - an error in a part comes after every record before it.

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
use std::sync::{Mutex, mpsc};

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

/// Where the stretches after the first part start where their places are
/// known at once: in 32nds of what is left after the header. Parts of 8,
/// 8, 4, 4, 2, 2, 2, 1 and 1 32nds: the threads take the large ones
/// first, and end within the last, small ones.
const STRETCHES: [u64; 8] = [8, 16, 20, 24, 26, 28, 30, 31];

/// How near a stretch's place a quote keeps it from being taken as
/// known: a cell in quotes may hold a line end.
const NEAR: u64 = 64 * 1024;

/// Where the second half starts: a byte of the file, and the line ends
/// before it in the text after the `sep=` line.
struct Split {
    at: u64,
    lines_before: u64,
}

/// A stretch of the file after the first part, to be read into a part of
/// the sink.
struct Stretch<'a, S> {
    /// Its place among the stretches.
    index: usize,
    begin: u64,
    /// Where the next stretch begins; `None` for the file's end.
    end: Option<u64>,
    /// The line ends before `begin` in the text after the `sep=` line,
    /// where they were counted; `None` where the part counts its lines
    /// from its first.
    lines_before: Option<u64>,
    table: Table<'a>,
    sink: S,
}

/// A stretch as read: its table and sink, and how its reading ended.
struct Part<R> {
    /// What it read into: a table and a sink.
    read: R,
    outcome: Result<()>,
    /// Whether its lines were counted in the file.
    counted: bool,
    /// The lines it read.
    lines: u64,
    ended: Ended,
}

/// A part as read into its table and sink.
type ReadPart<'a, S> = Part<(Table<'a>, S)>;

/// Where a part's reading ended, when it ended without an error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ended {
    /// Where the next stretch begins, or at the file's end for the last.
    Whole,
    /// At the file's end, past where the next stretch begins (no record
    /// started there): the parts after it are not wanted.
    ReadOn,
    /// Early: another part asked it to stop. Not to be joined.
    Cut,
}

/// The stretches not yet taken, the next last.
struct Queue<'a, S> {
    stretches: Vec<Stretch<'a, S>>,
    /// Where the stretches' lines are counted in the file as they are
    /// taken: the line ends counted so far, up to a byte.
    counted: Option<Counted>,
}

/// The line ends in the text after the `sep=` line up to byte `at`.
struct Counted {
    at: u64,
    lines: u64,
}

impl<'a, S> Queue<'a, S> {
    /// The next stretch and its place among the stretches; `None` in
    /// place of the stretch where its lines were to be counted and could
    /// not be (the file could not be read again).
    fn take(&mut self, reopen: &Reopen) -> Option<(usize, Option<Stretch<'a, S>>)> {
        let mut stretch = self.stretches.pop()?;
        let index = stretch.index;
        if let Some(counted) = &mut self.counted {
            let Some(lines) = counted.up_to(reopen, stretch.begin) else {
                return Some((index, None));
            };
            stretch.lines_before = Some(lines);
        }
        Some((index, Some(stretch)))
    }
}

impl Counted {
    /// The line ends before byte `to`, at or past where the count is:
    /// counted on from there, and kept; `None` where they could not all
    /// be read (the count stays where it was).
    fn up_to(&mut self, reopen: &Reopen, to: u64) -> Option<u64> {
        let lines = line_ends(reopen, self.at, to)?;
        self.at = to;
        self.lines += lines;
        Some(self.lines)
    }
}

/// Reads the rows of `rows` (a reader at the file's start) in parts; in
/// one where the file has no place to split.
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
    let Some(second_half) = sink.part() else {
        table.rest(&mut rows, &mut records(sink))?;
        return table.finish();
    };
    // Where the stretches are known at once, a part of the sink for each.
    let known = known_stretches(reopen, start).and_then(|begins| {
        let sinks: Option<Vec<S>> = begins.iter().map(|_| sink.part()).collect();
        Some((begins, sinks?))
    });
    let part_table = || table.part(file.to_string().into());
    let (found, split_at) = mpsc::channel();
    let mut half = None;
    let queue: Mutex<Queue<S>> = match known {
        Some((begins, sinks)) => {
            rows.stop_at = begins.first().map(|begin| begin - layout.skip);
            let ends = begins.iter().skip(1).map(|&end| Some(end)).chain([None]);
            let mut stretches: Vec<Stretch<S>> = begins
                .iter()
                .zip(ends)
                .zip(sinks)
                .enumerate()
                .map(|(index, ((&begin, end), sink))| Stretch {
                    index,
                    begin,
                    end,
                    lines_before: None,
                    table: part_table(),
                    sink,
                })
                .collect();
            stretches.reverse();
            // A sink that cannot move its parts' lines is given them
            // counted in the file.
            let counted = (!sink.moves_lines()).then_some(Counted {
                at: layout.skip,
                lines: 0,
            });
            Mutex::new(Queue { stretches, counted })
        }
        None => {
            rows.split = Some(Pending {
                middle: middle(reopen, start) - layout.skip,
                split_at,
            });
            half = Some((part_table(), second_half));
            Mutex::new(Queue {
                stretches: Vec::new(),
                counted: None,
            })
        }
    };
    let stop = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let (queue, stop) = (&queue, &stop);
        let worker = scope.spawn(move || {
            if let Some((table, sink)) = half {
                // This thread is told the split before it reads past the
                // middle.
                let split = split(reopen, layout.skip, start);
                let _ = found.send(split.as_ref().map(|split| split.at - layout.skip));
                if let (Some(split), Ok(mut queue)) = (split, queue.lock()) {
                    queue.stretches.push(Stretch {
                        index: 0,
                        begin: split.at,
                        end: None,
                        lines_before: Some(split.lines_before),
                        table,
                        sink,
                    });
                }
            }
            read_stretches(queue, reopen, layout, stop)
        });
        let first = table.rest(&mut rows, &mut records(sink));
        let mut parts = Vec::new();
        if first.is_err() || !rows.stopped {
            // An error, or no record started where the stretches do: they
            // are not wanted.
            stop.store(true, Ordering::Relaxed);
        } else {
            sink.read_all();
            parts = read_stretches(queue, reopen, layout, stop);
        }
        parts.extend(
            worker
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
        );
        first?;
        if !rows.stopped {
            return table.finish();
        }
        parts.sort_by_key(|(index, _)| *index);
        let Some(parts) = joinable(parts) else {
            // A stretch could not be read (the file could not be opened
            // again), was stopped short, or ended with an error that does
            // not know its lines: read on here.
            rows.stop_at = None;
            table.rest(&mut rows, &mut records(sink))?;
            return table.finish();
        };
        let mut lines = rows.reader.lines_before();
        for part in parts {
            let lines_before = if part.counted { 0 } else { lines };
            let before = Before {
                rows: table.data_rows(),
                lines: lines_before,
            };
            let (part_table, part_sink) = part.read;
            sink.join(part_sink, before);
            table.join(&part_table);
            part.outcome?;
            lines += part.lines;
        }
        table.finish()
    })
}

/// The parts to join, in order, up to the first that read on to the end
/// or ended with an error; `None` where one of them is missing, was cut
/// short, or ended with an error whose lines were not counted in the
/// file.
fn joinable<R>(parts: Vec<(usize, Option<Part<R>>)>) -> Option<Vec<Part<R>>> {
    let mut joinable = Vec::with_capacity(parts.len());
    for (expected, (index, part)) in parts.into_iter().enumerate() {
        let part = part.filter(|_| index == expected)?;
        let last = match &part.outcome {
            Err(_) if !part.counted => return None,
            Err(_) => true,
            Ok(()) if part.ended == Ended::Cut => return None,
            Ok(()) => part.ended == Ended::ReadOn,
        };
        joinable.push(part);
        if last {
            break;
        }
    }
    Some(joinable)
}

/// Reads stretches from `queue` until none is left (or `stop`): each one's
/// place among the stretches, and the part read (`None` where the file
/// could not be read again there).
fn read_stretches<'a, S: Sink>(
    queue: &Mutex<Queue<'a, S>>,
    reopen: &Reopen,
    layout: &Layout,
    stop: &AtomicBool,
) -> Vec<(usize, Option<ReadPart<'a, S>>)> {
    let mut read = Vec::new();
    while !stop.load(Ordering::Relaxed) {
        let taken = queue.lock().ok().and_then(|mut queue| queue.take(reopen));
        let Some((index, stretch)) = taken else {
            break;
        };
        let part = stretch.and_then(|stretch| read_part(reopen, layout, stretch, stop));
        if part
            .as_ref()
            .is_none_or(|part| part.outcome.is_err() || part.ended == Ended::ReadOn)
        {
            // The stretches after it are not wanted.
            stop.store(true, Ordering::Relaxed);
        }
        read.push((index, part));
    }
    read
}

/// A stretch, read; `None` if the file could not be opened again there.
fn read_part<'a, S: Sink>(
    reopen: &Reopen,
    layout: &Layout,
    stretch: Stretch<'a, S>,
    stop: &AtomicBool,
) -> Option<ReadPart<'a, S>> {
    let Stretch {
        begin,
        end,
        lines_before,
        mut table,
        mut sink,
        ..
    } = stretch;
    let mut input = std::fs::File::open(reopen.path).ok()?;
    input.seek(SeekFrom::Start(begin)).ok()?;
    let line_offset = lines_before.map_or(0, |lines| layout.skipped_lines + lines);
    let reader = Lines::new(
        (reopen.wrap)(Box::new(input)),
        layout.delimiter,
        line_offset,
    );
    let file = table.file().clone();
    let mut rows = OnThisThread::new(file, reader);
    rows.stop_at = end.map(|end| end - begin);
    let read = table.rest_until(&mut rows, stop, &mut records(&mut sink));
    sink.read_all();
    let ended = match read {
        Ok(false) => Ended::Cut,
        _ if end.is_none() || rows.stopped => Ended::Whole,
        _ => Ended::ReadOn,
    };
    Some(Part {
        read: (table, sink),
        outcome: read.map(|_| ()),
        counted: lines_before.is_some(),
        lines: rows.reader.lines_before(),
        ended,
    })
}

/// The byte halfway through what is left from `start`.
fn middle(reopen: &Reopen, start: u64) -> u64 {
    start + reopen.length.saturating_sub(start) / 2
}

/// Where the stretches after the first part start, each after the first
/// line end at or past its place in `STRETCHES`; `None` where a quote
/// lies near one of the places, or there is no place to split.
fn known_stretches(reopen: &Reopen, start: u64) -> Option<Vec<u64>> {
    let rest = reopen.length.saturating_sub(start);
    let mut begins: Vec<u64> = Vec::with_capacity(STRETCHES.len());
    for place in STRETCHES {
        match near(reopen, start, start + rest * place / 32) {
            Near::LineEnd(at) if begins.last().is_none_or(|&last| at > last) => begins.push(at),
            Near::LineEnd(_) | Near::Nothing => {}
            Near::Unknown => return None,
        }
    }
    (!begins.is_empty()).then_some(begins)
}

/// What is near a place in the file.
enum Near {
    /// The byte after the first line end at or past it (before the end).
    LineEnd(u64),
    /// No line end before the end, or within `NEAR` bytes.
    Nothing,
    /// A quote within `NEAR` bytes (after the header), or the file could
    /// not be read again.
    Unknown,
}

fn near(reopen: &Reopen, start: u64, place: u64) -> Near {
    let from = place.saturating_sub(NEAR).max(start);
    let mut near = Vec::with_capacity((2 * NEAR) as usize);
    let read = std::fs::File::open(reopen.path).and_then(|mut input| {
        input.seek(SeekFrom::Start(from))?;
        input.take(place + NEAR - from).read_to_end(&mut near)
    });
    if read.is_err() || memchr::memchr(b'"', &near).is_some() {
        return Near::Unknown;
    }
    let past = usize::try_from(place - from)
        .ok()
        .and_then(|past| near.get(past..))
        .unwrap_or_default();
    match memchr::memchr(b'\n', past).map(|at| place + at as u64 + 1) {
        Some(at) if at < reopen.length => Near::LineEnd(at),
        _ => Near::Nothing,
    }
}

/// The line ends in bytes `from..to` of the file; `None` where they
/// could not all be read.
fn line_ends(reopen: &Reopen, from: u64, to: u64) -> Option<u64> {
    let mut input = std::fs::File::open(reopen.path).ok()?;
    input.seek(SeekFrom::Start(from)).ok()?;
    let mut input = input.take(to.saturating_sub(from));
    let mut buffer = vec![0u8; 256 * 1024];
    let (mut read, mut lines) = (0, 0);
    loop {
        match input.read(&mut buffer) {
            Ok(0) => break,
            Ok(length) => {
                let chunk = buffer.get(..length).unwrap_or_default();
                lines += memchr::memchr_iter(b'\n', chunk).count() as u64;
                read += length as u64;
            }
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return None,
        }
    }
    (from + read == to).then_some(lines)
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
    fn without_quotes_near_them_the_stretches_start_after_the_line_ends_past_their_places() {
        // 40,000 rows of about 14 bytes: 560 KiB, a quote in the first
        // row (far from every place) and, in one file, one in the row
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
            let start = 20;
            let rest = text.len() as u64 - start;
            let expected: Vec<u64> = STRETCHES
                .iter()
                .map(|place| {
                    let place = (start + rest * place / 32) as usize;
                    let end = text[place..].iter().position(|&byte| byte == b'\n');
                    (place + end.expect("a line end") + 1) as u64
                })
                .collect();
            let found = in_file(&text, |reopen| known_stretches(reopen, start));
            if quote_at_middle {
                assert_eq!(found, None);
            } else {
                assert_eq!(found, Some(expected));
            }
        }
    }

    /// What `check` gives of `text` written to a file that can be opened
    /// again.
    fn in_file<T>(text: &[u8], check: impl FnOnce(&Reopen) -> T) -> T {
        let mut file = tempfile::NamedTempFile::new().expect("a temporary file");
        file.write_all(text).expect("written");
        let wrap = |input: Input| input;
        let reopen = Reopen {
            path: file.path(),
            length: text.len() as u64,
            wrap: &wrap,
        };
        check(&reopen)
    }

    #[test]
    fn stretches_taken_in_turn_know_the_line_ends_before_them_in_the_file() {
        // About 950 KiB of lines of 1 to 12 bytes, a CRLF and an empty
        // line among them: more than one buffer of counting between two
        // stretches.
        let mut text = b"sep=;\nheader\r\n\n".to_vec();
        for row in 0..150_000u32 {
            text.extend_from_slice(&b"abcdefghijk"[..(row % 12) as usize]);
            text.push(b'\n');
        }
        let skip = 6;
        let begins = [1_000, 300_000, 300_000, 599_000, text.len() as u64];
        let walked = |to: u64| {
            let lines = text[skip as usize..to as usize]
                .iter()
                .filter(|&&b| b == b'\n');
            Some(lines.count() as u64)
        };
        let (counted, past_end) = in_file(&text, |reopen| {
            let mut count = Counted { at: skip, lines: 0 };
            let counted: Vec<Option<u64>> = begins
                .iter()
                .map(|&begin| count.up_to(reopen, begin))
                .collect();
            // Past the file's end: not counted, and the count stays.
            let past_end = count.up_to(reopen, text.len() as u64 + 1);
            (counted, (past_end, count.at))
        });
        let expected: Vec<Option<u64>> = begins.iter().map(|&begin| walked(begin)).collect();
        assert_eq!(counted, expected);
        assert_eq!(past_end, (None, text.len() as u64));
    }

    /// A part that read `index`, ended so, with an error or not.
    fn part(
        index: usize,
        ended: Ended,
        failed: bool,
        counted: bool,
    ) -> (usize, Option<Part<usize>>) {
        let outcome = if failed {
            Err(anyhow::anyhow!("line 3: not UTF-8"))
        } else {
            Ok(())
        };
        let part = Part {
            read: index,
            outcome,
            counted,
            lines: 10,
            ended,
        };
        (index, Some(part))
    }

    fn joined(parts: Vec<(usize, Option<Part<usize>>)>) -> Option<Vec<usize>> {
        joinable(parts).map(|parts| parts.into_iter().map(|part| part.read).collect())
    }

    #[test]
    fn parts_are_joined_up_to_one_that_read_on_and_never_past_one_cut_short() {
        use Ended::*;
        let whole = |index| part(index, Whole, false, false);
        assert_eq!(
            joined(vec![whole(0), whole(1), whole(2)]),
            Some(vec![0, 1, 2])
        );
        // One that read on to the end is the last joined.
        let read_on = part(1, ReadOn, false, false);
        assert_eq!(joined(vec![whole(0), read_on, whole(2)]), Some(vec![0, 1]));
        // One cut short (another asked it to stop), before an error or
        // after: this thread reads on itself.
        let cut = || part(1, Cut, false, false);
        assert_eq!(joined(vec![whole(0), cut()]), None);
        assert_eq!(joined(vec![whole(0), cut(), whole(2)]), None);
        assert_eq!(
            joined(vec![whole(0), cut(), part(2, Whole, true, false)]),
            None
        );
        assert_eq!(
            joined(vec![
                part(0, Whole, true, false),
                part(1, Cut, false, false)
            ]),
            None
        );
        // An error whose lines were counted in the file ends the joining;
        // one whose lines were not sends this thread to read on.
        let counted = part(0, ReadOn, true, true);
        assert_eq!(joined(vec![counted]), Some(vec![0]));
        assert_eq!(joined(vec![whole(0), part(1, Whole, true, false)]), None);
        // A missing part, or one out of order.
        assert_eq!(joined(vec![whole(0), (1, None), whole(2)]), None);
        assert_eq!(joined(vec![whole(1), whole(0)]), None);
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
            let (skip, start) = (6, 20);
            let found = in_file(&text, |reopen| split(reopen, skip, start))
                .map(|split| (split.at, split.lines_before));
            assert_eq!(found, walked(&text, skip, start), "{rows} rows");
            assert!(found.is_some() || rows == 3, "{rows} rows");
        }
    }
}

//! CSV records read straight from the bytes. A line without a quote, which
//! is nearly every line of a survey export, is split at its delimiters; a
//! line with one goes to csv_core, the csv crate's own parser, which reads
//! quoted cells over several lines. Both give the records, lines, byte
//! offsets and errors the csv crate's `Reader` gives with the same settings
//! (the tests below compare them): empty lines are skipped, and a
//! record's line is where the reading of it began. One error is added: a
//! text that ends inside a quoted cell, which csv's reader would make one
//! cell of the rest of the file, is refused at the line of its quote.
//! `\n` alone ends a record; the `\r` of a CRLF stays at the end of the
//! last cell and is trimmed like any white space.

use super::csv_file::{RecordLimit, not_utf8, read_error};
use super::survey::{Cells, ToOwnedRow, text};
use anyhow::Result;
use std::io::Read;

/// The bytes read from the input at once.
const CHUNK: usize = 64 * 1024;

/// One record as the reader holds it, borrowed: no cell is copied.
#[derive(Clone, Copy)]
pub(super) enum RowView<'a> {
    /// A line as written, its cells between delimiters.
    Line { text: &'a [u8], delimiter: u8 },
    /// Cells one after another (csv_core's output), ending at `ends`.
    Cut { text: &'a [u8], ends: &'a [usize] },
}

impl<'a> RowView<'a> {
    pub(super) const EMPTY: RowView<'static> = RowView::Cut {
        text: b"",
        ends: &[],
    };

    /// Whether each cell is UTF-8 by itself, as csv checks them.
    fn is_utf8(&self) -> bool {
        match self {
            // A delimiter is ASCII: the line is UTF-8 where its cells are.
            RowView::Line { text, .. } => text.is_ascii() || std::str::from_utf8(text).is_ok(),
            // Cells side by side may join into a character that neither
            // holds alone.
            RowView::Cut { text, .. } => {
                text.is_ascii() || self.cells().all(|cell| std::str::from_utf8(cell).is_ok())
            }
        }
    }
}

impl<'a> Cells for RowView<'a> {
    fn cell(&self, index: usize) -> &str {
        self.cells().nth(index).map_or("", text)
    }

    fn cells(&self) -> impl Iterator<Item = &[u8]> {
        match *self {
            RowView::Line { text, delimiter } => RowCells::Line {
                rest: Some(text),
                delimiter,
            },
            RowView::Cut { text, ends } => RowCells::Cut {
                text,
                ends: ends.iter(),
                start: 0,
            },
        }
    }

    fn line(&self) -> Option<(&[u8], u8)> {
        match *self {
            RowView::Line { text, delimiter } => Some((text, delimiter)),
            RowView::Cut { .. } => None,
        }
    }
}

impl ToOwnedRow for RowView<'_> {
    fn to_owned_row(&self) -> Vec<String> {
        self.cells().map(|cell| text(cell).to_string()).collect()
    }
}

/// A row's cells, one after another.
enum RowCells<'r> {
    Line {
        rest: Option<&'r [u8]>,
        delimiter: u8,
    },
    Cut {
        text: &'r [u8],
        ends: std::slice::Iter<'r, usize>,
        start: usize,
    },
}

impl<'r> Iterator for RowCells<'r> {
    type Item = &'r [u8];

    fn next(&mut self) -> Option<&'r [u8]> {
        match self {
            RowCells::Line { rest, delimiter } => {
                let line = (*rest)?;
                // Cells are short: a plain loop beats a search call.
                match line.iter().position(|byte| byte == delimiter) {
                    Some(at) => {
                        *rest = line.get(at + 1..);
                        line.get(..at)
                    }
                    None => {
                        *rest = None;
                        Some(line)
                    }
                }
            }
            RowCells::Cut { text, ends, start } => {
                let end = *ends.next()?;
                let cell = text.get(*start..end).unwrap_or_default();
                *start = end;
                Some(cell)
            }
        }
    }
}

/// A record copied out of the reader, to be handed to another thread.
#[derive(Default)]
pub(super) struct Row {
    text: Vec<u8>,
    ends: Vec<usize>,
    /// `Some` for a line as written, with its delimiter.
    delimiter: Option<u8>,
}

impl Row {
    /// Copies `view` in, reusing this row's memory.
    pub(super) fn copy(&mut self, view: RowView) {
        self.text.clear();
        self.ends.clear();
        match view {
            RowView::Line { text, delimiter } => {
                self.text.extend_from_slice(text);
                self.delimiter = Some(delimiter);
            }
            RowView::Cut { text, ends } => {
                self.text.extend_from_slice(text);
                self.ends.extend_from_slice(ends);
                self.delimiter = None;
            }
        }
    }

    pub(super) fn view(&self) -> RowView<'_> {
        match self.delimiter {
            Some(delimiter) => RowView::Line {
                text: &self.text,
                delimiter,
            },
            None => RowView::Cut {
                text: &self.text,
                ends: &self.ends,
            },
        }
    }
}

/// Where the record last read is.
#[derive(Clone, Copy)]
enum Current {
    None,
    /// `buffer[from..to]`, a line without a quote.
    Line {
        from: usize,
        to: usize,
    },
    /// `output[..written]`, its cells ending at `output_ends[..ended]`.
    Quoted {
        written: usize,
        ended: usize,
    },
}

/// A CSV text read record by record.
pub(super) struct Lines<R> {
    input: RecordLimit<R>,
    /// The bytes not yet taken are `buffer[start..end]`.
    buffer: Vec<u8>,
    start: usize,
    end: usize,
    /// A stretch of `buffer` known to be ASCII, checked as it was read: a
    /// line in it needs no check of its own.
    ascii: std::ops::Range<usize>,
    /// The input has no more bytes.
    drained: bool,
    delimiter: u8,
    /// Bytes and line ends taken before `buffer[start]`.
    taken: u64,
    line_ends: u64,
    quoted: csv_core::Reader,
    /// csv_core's output for a quoted record.
    output: Vec<u8>,
    /// The bytes of a quoted record from its start, where the buffer was
    /// refilled before its end.
    record: Vec<u8>,
    output_ends: Vec<usize>,
    /// Lines before the text (a `sep=` line, or an earlier part of it).
    line_offset: u64,
    /// The bytes each read asks for.
    chunk: usize,
    current: Current,
}

impl<R: Read> Lines<R> {
    pub(super) fn new(input: R, delimiter: u8, line_offset: u64) -> Lines<R> {
        Lines::with_chunk(input, delimiter, line_offset, CHUNK)
    }

    /// As `new`, reading `chunk` bytes at once (the tests read a few).
    fn with_chunk(input: R, delimiter: u8, line_offset: u64, chunk: usize) -> Lines<R> {
        Lines {
            input: RecordLimit::new(input),
            buffer: vec![0; chunk.max(1)],
            start: 0,
            end: 0,
            ascii: 0..0,
            drained: false,
            delimiter,
            taken: 0,
            line_ends: 0,
            quoted: csv_core::ReaderBuilder::new()
                .delimiter(delimiter)
                .terminator(csv_core::Terminator::Any(b'\n'))
                .build(),
            output: vec![0; chunk.max(1)],
            record: Vec::new(),
            output_ends: vec![0; 1],
            line_offset,
            chunk: chunk.max(1),
            current: Current::None,
        }
    }

    /// The bytes taken so far: where the next record's reading begins.
    pub(super) fn position(&self) -> u64 {
        self.taken
    }

    /// The lines before the next record's reading (the `sep=` line's
    /// among them).
    pub(super) fn lines_before(&self) -> u64 {
        self.line_ends + self.line_offset
    }

    /// The record last read (none after the end or an error).
    pub(super) fn row(&self) -> RowView<'_> {
        match self.current {
            Current::None => RowView::EMPTY,
            Current::Line { from, to } => RowView::Line {
                text: self.buffer.get(from..to).unwrap_or_default(),
                delimiter: self.delimiter,
            },
            Current::Quoted { written, ended } => RowView::Cut {
                text: self.output.get(..written).unwrap_or_default(),
                ends: self.output_ends.get(..ended).unwrap_or_default(),
            },
        }
    }

    /// Reads the next record, which `row` then gives; its line, or `None`
    /// at the end.
    pub(super) fn read(&mut self) -> Result<Option<u64>> {
        self.current = Current::None;
        // As csv's reader: the line where this reading begins, before any
        // empty lines it skips.
        let line = self.line_ends + 1 + self.line_offset;
        loop {
            let unread = &self.buffer[self.start..self.end];
            // The line's end or a quote before it, in one search.
            let found = memchr::memchr2(b'\n', b'"', unread);
            let length = match found {
                Some(at) if unread.get(at) == Some(&b'\n') => Some(at),
                // A quote: once the line is read whole, csv_core reads it.
                Some(at) => {
                    if self.drained || memchr::memchr(b'\n', &unread[at..]).is_some() {
                        return self.quoted_record(line);
                    }
                    None
                }
                None => (self.drained && !unread.is_empty()).then_some(unread.len()),
            };
            let Some(length) = length else {
                if self.drained {
                    return Ok(None);
                }
                self.fill().map_err(|err| read_error(err, line))?;
                continue;
            };
            if length == 0 {
                // An empty line: skipped.
                self.take(1, 1);
                continue;
            }
            self.current = Current::Line {
                from: self.start,
                to: self.start + length,
            };
            let ascii = self.ascii.start <= self.start && self.start + length <= self.ascii.end;
            if !ascii && !self.row().is_utf8() {
                self.current = Current::None;
                return Err(not_utf8(line));
            }
            let newline = length < unread.len();
            self.take(length + usize::from(newline), u64::from(newline));
            return Ok(Some(line));
        }
    }

    /// Marks `bytes` more bytes, holding `line_ends` line ends, as taken.
    fn take(&mut self, bytes: usize, line_ends: u64) {
        self.start += bytes;
        self.taken += bytes as u64;
        self.line_ends += line_ends;
    }

    /// Reads more of the input after the unread bytes, moving them to the
    /// front or making room; `drained` at its end. Each read asks for
    /// `chunk` bytes, as csv's reader asks for its buffer's length, so that
    /// `RecordLimit` sees the same reads.
    fn fill(&mut self) -> std::io::Result<()> {
        if self.buffer.len() - self.end < self.chunk && self.start > 0 {
            self.buffer.copy_within(self.start..self.end, 0);
            self.ascii = self.ascii.start.saturating_sub(self.start)
                ..self.ascii.end.saturating_sub(self.start);
            self.end -= self.start;
            self.start = 0;
        }
        if self.buffer.len() - self.end < self.chunk {
            // A record longer than the buffer: `RecordLimit` bounds it.
            self.buffer.resize(self.end + self.chunk, 0);
        }
        match self
            .input
            .read(&mut self.buffer[self.end..self.end + self.chunk])
        {
            Ok(0) => self.drained = true,
            Ok(read) => {
                let new = self.end..self.end + read;
                if self.buffer.get(new.clone()).is_some_and(<[u8]>::is_ascii) {
                    self.ascii = if self.ascii.end == self.end {
                        self.ascii.start..new.end
                    } else {
                        new
                    };
                }
                self.end += read;
            }
            Err(err) if err.kind() == std::io::ErrorKind::Interrupted => {}
            Err(err) => return Err(err),
        }
        Ok(())
    }

    /// A record with a quote in its first line, read by csv_core.
    fn quoted_record(&mut self, line: u64) -> Result<Option<u64>> {
        use csv_core::ReadRecordResult;
        let (mut written, mut ended) = (0, 0);
        // The record's first line, past any empty lines before it.
        let first_line = self.line_ends + 1 + self.line_offset;
        // The record's bytes read so far are `record` (kept only when the
        // buffer is refilled in the middle of it), then `buffer[from..start]`.
        self.record.clear();
        let mut from = self.start;
        loop {
            let input = &self.buffer[self.start..self.end];
            let (result, read, out, ends) = self.quoted.read_record(
                input,
                &mut self.output[written..],
                &mut self.output_ends[ended..],
            );
            let line_ends = memchr::memchr_iter(b'\n', &input[..read]).count() as u64;
            self.take(read, line_ends);
            written += out;
            ended += ends;
            match result {
                ReadRecordResult::InputEmpty => {
                    if !self.drained {
                        let unsaved = self.buffer.get(from..self.start).unwrap_or_default();
                        self.record.extend_from_slice(unsaved);
                        self.fill().map_err(|err| read_error(err, line))?;
                        from = self.start;
                    }
                    if self.drained && self.start == self.end {
                        // The text ends in this record: only here can a
                        // quoted cell be left open.
                        let mut quotes = Quotes::default();
                        quotes.read(&self.record, self.delimiter);
                        let unsaved = self.buffer.get(from..self.start).unwrap_or_default();
                        quotes.read(unsaved, self.delimiter);
                        if let Some(opened_after) = quotes.open() {
                            return Err(quote_never_closed(first_line + opened_after));
                        }
                    }
                    // Once more; with nothing left, the record ends.
                }
                ReadRecordResult::OutputFull => {
                    let length = self.output.len() * 2;
                    self.output.resize(length, 0);
                }
                ReadRecordResult::OutputEndsFull => {
                    let length = self.output_ends.len() * 2;
                    self.output_ends.resize(length, 0);
                }
                ReadRecordResult::Record => {
                    self.current = Current::Quoted { written, ended };
                    if !self.row().is_utf8() {
                        self.current = Current::None;
                        return Err(not_utf8(line));
                    }
                    return Ok(Some(line));
                }
                ReadRecordResult::End => return Ok(None),
            }
        }
    }
}

/// Where a quoted record stands, worked out from its bytes as csv_core
/// reads them (csv_core does not tell): whether the text ends inside a
/// quoted cell, and how many line ends into the record its quote opened.
#[derive(Default)]
struct Quotes {
    cell: InCell,
    line_ends: u64,
    opened_after: u64,
}

/// Where in a cell a byte falls, as csv_core reads it.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
enum InCell {
    /// At a cell's start, where a quote opens a quoted cell.
    #[default]
    Start,
    /// In a cell that is not quoted, where a quote is a character.
    Plain,
    Quoted,
    /// After a quote in a quoted cell: it closes the cell, unless another
    /// quote follows (two stand for one).
    QuoteInQuoted,
}

impl Quotes {
    fn read(&mut self, bytes: &[u8], delimiter: u8) {
        for &byte in bytes {
            self.cell = match (self.cell, byte) {
                (InCell::Quoted, b'"') => InCell::QuoteInQuoted,
                (InCell::Quoted, _) | (InCell::QuoteInQuoted, b'"') => InCell::Quoted,
                (InCell::Start, b'"') => {
                    self.opened_after = self.line_ends;
                    InCell::Quoted
                }
                (_, b'\n') => InCell::Start,
                (_, byte) if byte == delimiter => InCell::Start,
                _ => InCell::Plain,
            };
            self.line_ends += u64::from(byte == b'\n');
        }
    }

    /// The line ends before the quote of a cell still open, if one is.
    fn open(&self) -> Option<u64> {
        (self.cell == InCell::Quoted).then_some(self.opened_after)
    }
}

/// A quote that opens a cell at `line` and is never closed: csv's reader
/// would make the rest of the file that one cell.
fn quote_never_closed(line: u64) -> anyhow::Error {
    crate::messages::Localized::new("csv-quote-never-closed", &[])
        .index("line", line)
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Everything a reader gives, record by record: the line, the cells
    /// and the byte offset after each, then how it ended.
    fn read_all(mut next: impl FnMut() -> Result<Option<(u64, Vec<String>, u64)>>) -> Vec<String> {
        let mut seen = Vec::new();
        loop {
            match next() {
                Ok(Some(record)) => seen.push(format!("{record:?}")),
                Ok(None) => return seen,
                Err(err) => {
                    seen.push(format!("{err:#}"));
                    return seen;
                }
            }
        }
    }

    /// The csv crate's reader with the settings the line reader follows:
    /// no header, rows of any width, `\n` alone ends a record, reads of 64
    /// KiB through the same limit.
    fn csv_reader(input: &[u8], delimiter: u8) -> csv::Reader<RecordLimit<&[u8]>> {
        csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .terminator(csv::Terminator::Any(b'\n'))
            .buffer_capacity(CHUNK)
            .from_reader(RecordLimit::new(input))
    }

    fn by_csv(text: &[u8], delimiter: u8) -> Vec<String> {
        let mut reader = csv_reader(text, delimiter);
        let mut record = csv::StringRecord::new();
        read_all(|| match reader.read_record(&mut record) {
            Ok(true) => {
                let line = record.position().map_or(0, |p| p.line());
                let cells = record.iter().map(str::to_string).collect();
                Ok(Some((line, cells, reader.position().byte())))
            }
            Ok(false) => Ok(None),
            Err(err) => Err(super::super::csv_file::csv_error(err, 0)),
        })
    }

    fn by_lines(text: &[u8], delimiter: u8, chunk: usize) -> Vec<String> {
        let mut lines = Lines::with_chunk(text, delimiter, 0, chunk);
        let mut copied = Row::default();
        read_all(|| {
            let line = lines.read()?;
            let row = lines.row();
            let cells = row.to_owned_row();
            // Cell by cell or all at once, in place or copied: the same.
            assert!(row.cells().eq(cells.iter().map(String::as_bytes)));
            assert!((0..cells.len()).all(|n| row.cell(n) == cells[n]));
            copied.copy(row);
            assert_eq!(copied.view().to_owned_row(), cells);
            Ok(line.map(|line| (line, cells, lines.position())))
        })
    }

    /// The records csv reads, as bytes (no UTF-8 check).
    fn byte_records(text: &[u8], delimiter: u8) -> Vec<Vec<Vec<u8>>> {
        let mut reader = csv_reader(text, delimiter);
        let mut record = csv::ByteRecord::new();
        let mut records = Vec::new();
        while let Ok(true) = reader.read_byte_record(&mut record) {
            records.push(record.iter().map(<[u8]>::to_vec).collect());
        }
        records
    }

    /// Whether csv ends `text` inside a quoted cell, told by csv itself:
    /// `"x"y` after such a text closes that cell and adds `x"y` to it; after
    /// any other it adds something else (`"x"y` to a cell not quoted, `"xy`
    /// after a closing quote), makes a cell `xy` of its own, or a record.
    fn ends_inside_quotes(text: &[u8], delimiter: u8) -> bool {
        let before = byte_records(text, delimiter);
        let after = byte_records(&[text, b"\"x\"y"].concat(), delimiter);
        let closed = |last: &Vec<Vec<u8>>, then: &Vec<Vec<u8>>| {
            let mut added = last.clone();
            if let Some(cell) = added.last_mut() {
                cell.extend_from_slice(b"x\"y");
            }
            added == *then
        };
        before.len() == after.len()
            && before
                .last()
                .zip(after.last())
                .is_some_and(|(last, then)| closed(last, then))
    }

    #[test]
    fn a_quote_never_closed_is_named_at_its_line() {
        // The second record starts on line 3; its first quoted cell closes
        // on line 4, where another opens and runs to the end.
        let text = b"a,b\n\n\"x\ny\",\"open\nmore\n";
        let seen = by_lines(text, b',', 4);
        assert_eq!(seen.len(), 2, "{seen:?}");
        assert!(seen[1].starts_with("line 4: a quote"), "{}", seen[1]);
        assert!(ends_inside_quotes(text, b','));
        // Closed, it is csv's record.
        let closed = b"a,b\n\n\"x\ny\",\"open\nmore\"\n";
        assert_eq!(by_lines(closed, b',', 4), by_csv(closed, b','));
        assert!(!ends_inside_quotes(closed, b','));
    }

    #[test]
    fn cells_are_those_csv_gives() {
        let text = b"a,b,,c\r\n\n\"x\ny\",\"q\"\"r\"\nlast";
        assert_eq!(by_lines(text, b',', 3), by_csv(text, b','));
        let mut lines = Lines::new(&text[..], b',', 0);
        assert_eq!(lines.read().ok().flatten(), Some(1));
        let row = lines.row();
        assert_eq!(row.cell(0), "a");
        assert_eq!(row.cell(2), "");
        assert_eq!(row.cell(3), "c\r");
        assert_eq!(row.cell(4), "");
        assert_eq!(lines.read().ok().flatten(), Some(2));
        assert_eq!(lines.row().to_owned_row(), ["x\ny", "q\"r"]);
    }

    #[test]
    fn a_record_over_the_limit_is_refused_where_csv_refuses_it_with_its_line() {
        let long = "a,".repeat(600 * 1024);
        for text in [format!("x\n{long}\ny\n"), format!("x\n\"{long}\ny\n")] {
            let mut seen = by_lines(text.as_bytes(), b',', CHUNK);
            let mut by_csv = by_csv(text.as_bytes(), b',');
            let (end, csv_end) = (seen.pop().unwrap_or_default(), by_csv.pop());
            let shown = crate::visible::shorten(&end, 200);
            assert!(
                end.starts_with("line 2: a line or cell is over 1 MiB"),
                "{shown}"
            );
            assert_eq!(csv_end.map(|end| format!("line 2: {end}")), Some(end));
            assert!(seen == by_csv, "not csv's records before it");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Any bytes, with quotes, line ends, delimiters and text that is
        /// not UTF-8 among them, read in chunks of any size: the records,
        /// lines, offsets and errors are the csv crate's.
        #[test]
        fn lines_read_what_the_csv_crate_reads(
            bytes in prop::collection::vec(prop::sample::select(vec![
                b'a', b'b', b' ', b',', b';', b'"', b'"', b'\n', b'\n', b'\r', 0xC3, 0xA9, 0xE9,
            ]), 0..200),
            chunk in 1..40usize,
            semicolon in any::<bool>(),
        ) {
            let delimiter = if semicolon { b';' } else { b',' };
            let mut expected = by_csv(&bytes, delimiter);
            // Where the text ends inside a quoted cell, csv's reader makes
            // its last record of the rest; this reader refuses it.
            let records = byte_records(&bytes, delimiter);
            if ends_inside_quotes(&bytes, delimiter) && expected.len() == records.len() {
                expected.pop();
                let seen = by_lines(&bytes, delimiter, chunk);
                let (refused, before) = seen.split_last().expect("an error at the end");
                prop_assert!(refused.contains("is never closed"), "{}", refused);
                prop_assert_eq!(before, &expected[..]);
            } else {
                prop_assert_eq!(by_lines(&bytes, delimiter, chunk), expected);
            }
        }
    }
}

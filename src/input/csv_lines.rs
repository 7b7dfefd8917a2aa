//! CSV records read straight from the bytes. A line without a quote, which
//! is nearly every line of a survey export, is split at its delimiters; a
//! line with one goes to csv_core, the csv crate's own parser, which reads
//! quoted cells over several lines. Both give the records, lines, byte
//! offsets and errors the csv crate's `Reader` gives with the same settings
//! (the tests below compare them): empty lines are skipped, and a
//! record's line is where the reading of it began. `\n` alone ends a
//! record; the `\r` of a CRLF stays at the end of the last cell and is
//! trimmed like any white space.

use super::csv_file::{RecordLimit, not_utf8, read_error};
use super::survey::{Cells, ToOwnedRow};
use anyhow::Result;
use std::io::Read;

/// The bytes read from the input at once.
const CHUNK: usize = 64 * 1024;

/// One record: its cells one after another, and where each ends.
#[derive(Default)]
pub(super) struct Row {
    text: String,
    ends: Vec<usize>,
    /// The bytes between one cell's end and the next one's start: 1 where
    /// `text` is the line as written (a delimiter), 0 where it is csv_core's
    /// output.
    gap: usize,
}

impl Row {
    /// Takes the record whose cells are `bytes`, ending at `ends` and
    /// `gap` bytes apart; `false` where it is not UTF-8.
    fn fill(&mut self, bytes: &[u8], ends: impl Iterator<Item = usize>, gap: usize) -> bool {
        let Ok(text) = std::str::from_utf8(bytes) else {
            return false;
        };
        self.text.clear();
        self.text.push_str(text);
        self.ends.clear();
        self.ends.extend(ends);
        self.gap = gap;
        // Cells side by side may join into a character that neither holds
        // alone: each must be UTF-8 by itself, as csv checks them.
        gap > 0 || text.is_ascii() || self.cells().all(|cell| std::str::from_utf8(cell).is_ok())
    }

    fn start(&self, index: usize) -> usize {
        match index.checked_sub(1) {
            Some(before) => self
                .ends
                .get(before)
                .map_or(usize::MAX, |end| end + self.gap),
            None => 0,
        }
    }
}

impl Cells for Row {
    fn cell(&self, index: usize) -> &str {
        let end = self.ends.get(index).copied().unwrap_or(0);
        self.text.get(self.start(index)..end).unwrap_or("")
    }

    fn cells(&self) -> impl Iterator<Item = &[u8]> {
        RowCells {
            text: self.text.as_bytes(),
            ends: self.ends.iter(),
            start: 0,
            gap: self.gap,
        }
    }
}

/// A row's cells, one after another.
struct RowCells<'r> {
    text: &'r [u8],
    ends: std::slice::Iter<'r, usize>,
    start: usize,
    gap: usize,
}

impl<'r> Iterator for RowCells<'r> {
    type Item = &'r [u8];

    fn next(&mut self) -> Option<&'r [u8]> {
        let end = *self.ends.next()?;
        let cell = self.text.get(self.start..end).unwrap_or_default();
        self.start = end + self.gap;
        Some(cell)
    }
}

impl ToOwnedRow for Row {
    fn to_owned_row(&self) -> Vec<String> {
        (0..self.ends.len())
            .map(|n| self.cell(n).to_string())
            .collect()
    }
}

/// A CSV text read record by record.
pub(super) struct Lines<R> {
    input: RecordLimit<R>,
    /// The bytes not yet taken are `buffer[start..end]`.
    buffer: Vec<u8>,
    start: usize,
    end: usize,
    /// The input has no more bytes.
    drained: bool,
    delimiter: u8,
    /// Bytes and line ends taken before `buffer[start]`.
    taken: u64,
    line_ends: u64,
    quoted: csv_core::Reader,
    /// csv_core's output for a quoted record.
    output: Vec<u8>,
    output_ends: Vec<usize>,
    /// Lines before the text (a `sep=` line, or an earlier part of it).
    line_offset: u64,
    /// The bytes each read asks for.
    chunk: usize,
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
            drained: false,
            delimiter,
            taken: 0,
            line_ends: 0,
            quoted: csv_core::ReaderBuilder::new()
                .delimiter(delimiter)
                .terminator(csv_core::Terminator::Any(b'\n'))
                .build(),
            output: vec![0; chunk.max(1)],
            output_ends: vec![0; 1],
            line_offset,
            chunk: chunk.max(1),
        }
    }

    /// The bytes taken so far: where the next record's reading begins.
    pub(super) fn position(&self) -> u64 {
        self.taken
    }

    /// Reads the next record into `row`; its line, or `None` at the end.
    pub(super) fn read(&mut self, row: &mut Row) -> Result<Option<u64>> {
        // As csv's reader: the line where this reading begins, before any
        // empty lines it skips.
        let line = self.line_ends + 1 + self.line_offset;
        loop {
            let unread = &self.buffer[self.start..self.end];
            let Some(length) = memchr::memchr(b'\n', unread)
                .or_else(|| (self.drained && !unread.is_empty()).then_some(unread.len()))
            else {
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
            let text = &unread[..length];
            if memchr::memchr(b'"', text).is_some() {
                return self.quoted_record(row, line);
            }
            let delimiter = self.delimiter;
            // Cells are short: a plain loop beats a search call per cell.
            let delimiters = text
                .iter()
                .enumerate()
                .filter(|(_, byte)| **byte == delimiter);
            let ends = delimiters.map(|(at, _)| at).chain(std::iter::once(length));
            if !row.fill(text, ends, 1) {
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
            Ok(read) => self.end += read,
            Err(err) if err.kind() == std::io::ErrorKind::Interrupted => {}
            Err(err) => return Err(err),
        }
        Ok(())
    }

    /// A record with a quote in its first line, read by csv_core.
    fn quoted_record(&mut self, row: &mut Row, line: u64) -> Result<Option<u64>> {
        use csv_core::ReadRecordResult;
        let (mut written, mut ended) = (0, 0);
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
                    if self.drained {
                        // Once more with nothing: the record ends.
                        continue;
                    }
                    self.fill().map_err(|err| read_error(err, line))?;
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
                    let ends = self.output_ends[..ended].iter().copied();
                    if !row.fill(&self.output[..written], ends, 0) {
                        return Err(not_utf8(line));
                    }
                    return Ok(Some(line));
                }
                ReadRecordResult::End => return Ok(None),
            }
        }
    }
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
        let mut row = Row::default();
        read_all(|| {
            let line = lines.read(&mut row)?;
            let cells = row.to_owned_row();
            // Cell by cell or all at once, the same cells.
            assert!(row.cells().eq(cells.iter().map(String::as_bytes)));
            Ok(line.map(|line| (line, cells, lines.position())))
        })
    }

    #[test]
    fn cells_are_those_csv_gives() {
        let text = b"a,b,,c\r\n\n\"x\ny\",\"q\"\"r\"\nlast";
        assert_eq!(by_lines(text, b',', 3), by_csv(text, b','));
        let mut row = Row::default();
        let mut lines = Lines::new(&text[..], b',', 0);
        assert_eq!(lines.read(&mut row).ok().flatten(), Some(1));
        assert_eq!(row.cell(0), "a");
        assert_eq!(row.cell(2), "");
        assert_eq!(row.cell(3), "c\r");
        assert_eq!(row.cell(4), "");
        assert_eq!(lines.read(&mut row).ok().flatten(), Some(2));
        assert_eq!(row.to_owned_row(), ["x\ny", "q\"r"]);
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
            prop_assert_eq!(by_lines(&bytes, delimiter, chunk), by_csv(&bytes, delimiter));
        }
    }
}

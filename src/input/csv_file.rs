//! A CSV export read as a stream of rows: its encoding (UTF-8, with or
//! without a byte order mark, Windows-1252, UTF-16), delimiter, `sep=`
//! line and line ends told from its start; each record bounded before it
//! is buffered. The records (`csv_lines`) of a longer input are parsed on a
//! second thread, a batch ahead of the scoring on this one; a long file is
//! read in two parts at once (`csv_parts`).

use super::csv_lines::{Lines, Row, RowView};
use super::csv_parts::{self, Reopen};
use super::sources::{Sink, records};
use super::survey::{RowSource, TableInfo, read_rows};
use crate::input::matching::Matchers;
use crate::messages::{Localized, LocalizedContext};
use crate::model::bank::Bank;
use anyhow::Result;
use std::io::{Cursor, Read};
use std::sync::Arc;

/// How much of a CSV file is read to tell its encoding and delimiter.
const SNIFF_BYTES: usize = 64 * 1024;
/// The longest CSV record (a line, or a quoted cell over several lines)
/// accepted; longer means a broken or hostile file.
const MAX_RECORD_BYTES: usize = 1024 * 1024;

/// A file whose text could not be read to its end: a record over 1 MiB, a
/// line that is not UTF-8, a quote never closed, a failed read. Shown as
/// the file's name, before the reason. `--skip-invalid` cannot skip it:
/// the rows before the place were read already, and skipping the rest
/// would score part of the file without a word on which part.
#[derive(Debug)]
pub struct Unreadable(pub Arc<str>);

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Refuses a record longer than `MAX_RECORD_BYTES` while reading, before
/// the CSV reader buffers it, so one endless line cannot fill memory.
/// Quotes toggle its idea of being inside a cell wherever they are:
/// where it starts afresh (after a line end with an even count of quotes
/// before it) it is in the state it would have reached.
pub(super) struct RecordLimit<R> {
    inner: R,
    length: usize,
    quoted: bool,
}

impl<R: Read> RecordLimit<R> {
    pub(super) fn new(inner: R) -> RecordLimit<R> {
        RecordLimit {
            inner,
            length: 0,
            quoted: false,
        }
    }
}

#[derive(Debug)]
struct RecordTooLong;

impl std::fmt::Display for RecordTooLong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "a line or cell is over {} MiB: not a survey export (a cell may hold a whole file, or a quote is never closed)",
            MAX_RECORD_BYTES >> 20
        )
    }
}

impl std::error::Error for RecordTooLong {}

impl<R: Read> Read for RecordLimit<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let read = self.inner.read(buf)?;
        let chunk = &buf[..read];
        // Only quotes and line ends matter: jump from one to the next.
        let mut last_break = None;
        for at in memchr::memchr2_iter(b'"', b'\n', chunk) {
            if chunk[at] == b'"' {
                self.quoted = !self.quoted;
            } else if !self.quoted {
                last_break = Some(at);
            }
        }
        self.length = match last_break {
            Some(at) => read - at - 1,
            None => self.length + read,
        };
        if self.length > MAX_RECORD_BYTES {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                RecordTooLong,
            ));
        }
        Ok(read)
    }
}

/// How the records are parsed: on this thread, on a second one a batch
/// ahead of the scoring, or in two parts at once. All give the same
/// records, problems and lines; the tests compare them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Parsing {
    OnThisThread,
    ReadAhead,
    /// A file that can be opened again, in UTF-8 without a byte order
    /// mark: its second half read on another thread, into a part of the
    /// sink joined after the first.
    InParts,
}

/// A file this long or longer is read in parts, where it can be.
const PARTS_FROM: u64 = 4 * 1024 * 1024;

/// Reads the respondents of a CSV text into `sink`. An input that fits in
/// the part read to sniff it is parsed on this thread, a longer one a
/// batch ahead on a second thread; a long file that can be opened again
/// (`reopen`) in two parts at once.
pub fn read_csv(
    input: impl Read + Send,
    file: Arc<str>,
    bank: &Bank,
    matchers: &Matchers,
    sink: &mut impl Sink,
    reopen: Option<Reopen>,
) -> Result<TableInfo> {
    read_csv_with(input, file, bank, matchers, sink, reopen, None)
}

/// As `read_csv`, parsing as `parsing` says where it is given (and, for
/// `InParts`, where the file allows it).
pub fn read_csv_with(
    mut input: impl Read + Send,
    file: Arc<str>,
    bank: &Bank,
    matchers: &Matchers,
    sink: &mut impl Sink,
    reopen: Option<Reopen>,
    parsing: Option<Parsing>,
) -> Result<TableInfo> {
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    (&mut input)
        .take(SNIFF_BYTES as u64)
        .read_to_end(&mut head)
        .localized(|| Localized::new("cannot-read-file", &[("file", &file)]))?;
    let sniffed = sniff(&head);
    // Parts start at byte offsets of the file: only where it is read as
    // it is, without decoding (UTF-8, with or without a byte order mark).
    let reopen = reopen.filter(|_| sniffed.encoding.is_none() && !sniffed.cr_only);
    let parsing = match (parsing, &reopen) {
        (Some(Parsing::InParts), None) => Parsing::ReadAhead,
        (Some(parsing), _) => parsing,
        _ if head.len() < SNIFF_BYTES => Parsing::OnThisThread,
        (None, Some(reopen)) if reopen.length >= PARTS_FROM => Parsing::InParts,
        _ => Parsing::ReadAhead,
    };
    let rest = Cursor::new(head).chain(input);
    // encoding_rs_io finds the byte order mark again and drops it; UTF-8
    // without one is read as is, with no copy.
    let decoded: Box<dyn Read + Send> = if sniffed.encoding.is_some() || sniffed.bom {
        Box::new(
            encoding_rs_io::DecodeReaderBytesBuilder::new()
                .encoding(sniffed.encoding)
                .bom_override(true)
                .strip_bom(true)
                .utf8_passthru(true)
                .build(rest),
        )
    } else {
        Box::new(rest)
    };
    let mut skipped: Box<dyn Read + Send> = if sniffed.cr_only {
        Box::new(CrAsLf(decoded))
    } else {
        decoded
    };
    let mut discard = vec![0u8; sniffed.skip];
    skipped
        .read_exact(&mut discard)
        .localized(|| Localized::new("cannot-read-file", &[("file", &file)]))?;
    let line_offset = sniffed.skipped_lines;
    if parsing == Parsing::ReadAhead {
        return read_ahead(skipped, &file, &sniffed, bank, matchers, sink);
    }
    let reader = Lines::new(skipped, sniffed.delimiter, line_offset);
    let rows = OnThisThread::new(file.clone(), reader);
    match (parsing, reopen) {
        (Parsing::InParts, Some(reopen)) => {
            // UTF-8's byte order mark is three bytes before the text.
            let mark = if sniffed.bom { 3 } else { 0 };
            let layout = csv_parts::Layout {
                skip: mark + sniffed.skip as u64,
                skipped_lines: line_offset,
                delimiter: sniffed.delimiter,
            };
            csv_parts::read(rows, &reopen, &layout, bank, matchers, sink)
        }
        _ => {
            let mut rows = rows;
            let scores_only = sink.scores_only();
            read_rows(
                &mut rows,
                &file,
                bank,
                matchers,
                scores_only,
                &mut records(sink),
            )
        }
    }
}

/// Reads the records on a second thread, a batch ahead of the scoring on
/// this one.
fn read_ahead(
    input: impl Read + Send,
    file: &Arc<str>,
    sniffed: &Sniffed,
    bank: &Bank,
    matchers: &Matchers,
    sink: &mut impl Sink,
) -> Result<TableInfo> {
    let reader = Lines::new(input, sniffed.delimiter, sniffed.skipped_lines);
    // One thread parses, this one scores, in the order read: the results,
    // the problems and their lines are those of a single thread. When the
    // scoring stops early (a bad header), the parser stops once it has
    // read its next batch.
    std::thread::scope(|scope| {
        let (full, filled) = std::sync::mpsc::sync_channel(BATCHES_AHEAD);
        let (recycle, recycled) = std::sync::mpsc::channel();
        scope.spawn(move || parse(reader, &full, &recycled));
        let mut rows = ReadAhead {
            file: file.clone(),
            filled,
            recycle,
            current: None,
            at: 0,
        };
        let scores_only = sink.scores_only();
        let on_record = &mut records(sink);
        read_rows(&mut rows, file, bank, matchers, scores_only, on_record)
    })
}

/// The rows, parsed one at a time as they are asked for; where `stop_at`
/// is set, up to the record that starts at that byte.
pub(super) struct OnThisThread<R: Read> {
    file: Arc<str>,
    pub(super) reader: Lines<R>,
    /// The offset (from the reader's start) where the rows given end.
    pub(super) stop_at: Option<u64>,
    /// Whether the rows ended at `stop_at`.
    pub(super) stopped: bool,
    /// Where another thread is finding `stop_at`.
    pub(super) split: Option<Pending>,
}

/// A `stop_at` being found on another thread: it lies past `middle`, and
/// comes (or `None`, for none) through `split_at`.
pub(super) struct Pending {
    pub(super) middle: u64,
    pub(super) split_at: std::sync::mpsc::Receiver<Option<u64>>,
}

impl<R: Read> OnThisThread<R> {
    pub(super) fn new(file: Arc<str>, reader: Lines<R>) -> OnThisThread<R> {
        OnThisThread {
            file,
            reader,
            stop_at: None,
            stopped: false,
            split: None,
        }
    }

    pub(super) fn file(&self) -> &Arc<str> {
        &self.file
    }
}

impl<R: Read> RowSource for OnThisThread<R> {
    type Row<'r>
        = RowView<'r>
    where
        R: 'r;

    fn advance(&mut self) -> Result<Option<u64>> {
        if let Some(pending) = &self.split
            && self.reader.position() > pending.middle
        {
            // Past the middle: the split is needed now.
            self.stop_at = pending.split_at.recv().ok().flatten();
            self.split = None;
        }
        if let Some(stop_at) = self.stop_at {
            let at = self.reader.position();
            if at == stop_at {
                self.stopped = true;
                return Ok(None);
            }
            if at > stop_at {
                // Not a record's start after all: read on past it.
                self.stop_at = None;
            }
        }
        self.reader
            .read()
            .map_err(|err| err.context(Unreadable(self.file.clone())))
    }

    fn row(&self) -> RowView<'_> {
        self.reader.row()
    }
}

/// Records a batch holds, and batches parsed ahead of the scoring.
const BATCH_RECORDS: usize = 512;
const BATCHES_AHEAD: usize = 2;

/// Parsed records, each with its line, and how the reading ended when it
/// did after them.
struct Batch {
    records: Vec<(u64, Row)>,
    filled: usize,
    end: Option<Result<()>>,
}

/// The parsing thread: fills batches (reusing the ones given back) until
/// the input ends, fails, or nobody takes them any more.
fn parse<R: Read>(
    mut reader: Lines<R>,
    full: &std::sync::mpsc::SyncSender<Batch>,
    recycled: &std::sync::mpsc::Receiver<Batch>,
) {
    loop {
        let mut batch = recycled.try_recv().unwrap_or_else(|_| Batch {
            records: Vec::with_capacity(BATCH_RECORDS),
            filled: 0,
            end: None,
        });
        batch.filled = 0;
        batch.end = None;
        while batch.filled < BATCH_RECORDS {
            if batch.records.len() == batch.filled {
                batch.records.push((0, Row::default()));
            }
            let (line, record) = &mut batch.records[batch.filled];
            match reader.read() {
                Ok(Some(read)) => {
                    *line = read;
                    record.copy(reader.row());
                    batch.filled += 1;
                }
                Ok(None) => {
                    batch.end = Some(Ok(()));
                    break;
                }
                Err(err) => {
                    batch.end = Some(Err(err));
                    break;
                }
            }
        }
        let last = batch.end.is_some();
        if full.send(batch).is_err() || last {
            return;
        }
    }
}

/// The rows the parsing thread read, one at a time, in order.
struct ReadAhead {
    file: Arc<str>,
    filled: std::sync::mpsc::Receiver<Batch>,
    recycle: std::sync::mpsc::Sender<Batch>,
    current: Option<Batch>,
    /// The next record of `current`.
    at: usize,
}

impl RowSource for ReadAhead {
    type Row<'r> = RowView<'r>;

    fn advance(&mut self) -> Result<Option<u64>> {
        loop {
            if let Some(batch) = &mut self.current {
                if self.at < batch.filled {
                    self.at += 1;
                    return Ok(Some(batch.records[self.at - 1].0));
                }
                match batch.end.take() {
                    Some(Ok(())) => return Ok(None),
                    Some(Err(err)) => return Err(err.context(Unreadable(self.file.clone()))),
                    None => {}
                }
            }
            if let Some(done) = self.current.take() {
                // The parser may be gone already; then the batch is dropped.
                let _ = self.recycle.send(done);
            }
            match self.filled.recv() {
                Ok(batch) => {
                    self.current = Some(batch);
                    self.at = 0;
                }
                // The parser ended without saying how: nothing more.
                Err(_) => return Ok(None),
            }
        }
    }

    fn row(&self) -> RowView<'_> {
        // `advance` gave a row: `current` holds it at `at - 1`.
        self.current
            .as_ref()
            .and_then(|batch| batch.records.get(self.at.wrapping_sub(1)))
            .map_or(RowView::EMPTY, |(_, record)| record.view())
    }
}

/// What the start of a CSV file says about how to read it.
#[derive(Debug, PartialEq, Eq)]
struct Sniffed {
    /// `None` for UTF-8 (read as is), else the encoding to decode from.
    encoding: Option<&'static encoding_rs::Encoding>,
    /// The text starts with a byte order mark (dropped by the decoder).
    bom: bool,
    delimiter: u8,
    /// Decoded bytes to skip: a `sep=` line.
    skip: usize,
    skipped_lines: u64,
    /// Lines end in `\r` alone.
    cr_only: bool,
}

fn sniff(head: &[u8]) -> Sniffed {
    // A byte order mark says the encoding: UTF-8, or UTF-16 (Excel's
    // "Unicode text" with tabs, or a UTF-16 CSV with commas or semicolons).
    if let Some((encoding, length)) = encoding_rs::Encoding::for_bom(head) {
        let (decoded, _) = encoding.decode_without_bom_handling(&head[length..]);
        return Sniffed {
            encoding: (encoding != encoding_rs::UTF_8).then_some(encoding),
            bom: true,
            ..sniff_text(decoded.as_bytes())
        };
    }
    let utf8 = match std::str::from_utf8(head) {
        Ok(_) => true,
        // Cut in the middle of a character at the end of the sniffed part.
        Err(err) => err.error_len().is_none(),
    };
    Sniffed {
        encoding: (!utf8).then_some(encoding_rs::WINDOWS_1252),
        ..sniff_text(head)
    }
}

/// The delimiter, a `sep=` line and the line ends of a text (decoded, after
/// the byte order mark).
fn sniff_text(text: &[u8]) -> Sniffed {
    let mut skip = 0;
    let mut skipped_lines = 0;
    let mut delimiter = None;
    if text.len() >= 5 && text[..4].eq_ignore_ascii_case(b"sep=") {
        delimiter = Some(text[4]);
        let line_end = text
            .iter()
            .position(|&b| b == b'\n')
            .map_or(text.len(), |n| n + 1);
        skip += line_end;
        skipped_lines = 1;
    }
    let body = &text[skip.min(text.len())..];
    // Old Mac line ends: `\r` alone, no `\n` anywhere in the head.
    let cr_only = body.contains(&b'\r') && !body.contains(&b'\n');
    let delimiter = delimiter.unwrap_or_else(|| {
        let lines: Vec<u8> = body
            .iter()
            .map(|&b| if cr_only && b == b'\r' { b'\n' } else { b })
            .collect();
        guess_delimiter(&lines)
    });
    Sniffed {
        encoding: None,
        bom: false,
        delimiter,
        skip,
        skipped_lines,
        cr_only,
    }
}

/// Reads `\r` as `\n`, for a file whose lines end in `\r` alone.
struct CrAsLf<R>(R);

impl<R: Read> Read for CrAsLf<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let read = self.0.read(buf)?;
        for byte in &mut buf[..read] {
            if *byte == b'\r' {
                *byte = b'\n';
            }
        }
        Ok(read)
    }
}

/// The most frequent of `,`, `;` and tab in the first record, outside quotes.
fn guess_delimiter(text: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &byte in text {
        match byte {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let candidates = [b',', b';', b'\t'];
    let best = (0..3)
        .max_by_key(|&n| (counts[n], std::cmp::Reverse(n)))
        .unwrap_or(0);
    candidates[best]
}

/// A record that is not UTF-8, at `line`: the error csv's reader gives.
pub(super) fn not_utf8(line: u64) -> anyhow::Error {
    Localized::new("csv-not-utf8", &[("reason", "")])
        .index("line", line)
        .into()
}

/// A read that failed in the record that starts at `line`: one over the
/// limit is named with its line.
pub(super) fn read_error(err: std::io::Error, line: u64) -> anyhow::Error {
    if err
        .get_ref()
        .is_some_and(|inner| inner.is::<RecordTooLong>())
    {
        return Localized::new("csv-record-too-long", &[("reason", "")])
            .index("line", line)
            .count("limit", MAX_RECORD_BYTES >> 20)
            .into();
    }
    csv_error(csv::Error::from(err), 0)
}

pub(super) fn csv_error(err: csv::Error, line_offset: u64) -> anyhow::Error {
    let line = err.position().map_or(0, |p| p.line() + line_offset);
    let too_long = matches!(err.kind(), csv::ErrorKind::Io(io)
        if io.get_ref().is_some_and(|inner| inner.is::<RecordTooLong>()));
    let key = match err.kind() {
        csv::ErrorKind::Utf8 { .. } => "csv-not-utf8",
        _ if too_long => "csv-record-too-long",
        _ => "csv-error",
    };
    let reason = err.to_string();
    Localized::new(key, &[("reason", &reason)])
        .index("line", line)
        .count("limit", MAX_RECORD_BYTES >> 20)
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_delimiter_sep_line_bom_and_encoding() {
        let plain = sniff(b"a,b;c,d\n1,2,3,4\n");
        assert_eq!(
            (plain.delimiter, plain.encoding, plain.skip),
            (b',', None, 0)
        );
        let dutch = sniff(b"\xEF\xBB\xBFsep=;\r\nNaam;Vraag\r\n");
        assert_eq!(
            (dutch.delimiter, dutch.skip, dutch.skipped_lines, dutch.bom),
            (b';', 7, 1, true)
        );
        let latin = sniff(b"Naam;Caf\xe9\n");
        assert_eq!(latin.delimiter, b';');
        assert_eq!(latin.encoding, Some(encoding_rs::WINDOWS_1252));
        let tabs = sniff(b"a\tb\tc\n");
        assert_eq!(tabs.delimiter, b'\t');
        let quoted = sniff(b"\"a;b;c\",d\n");
        assert_eq!(quoted.delimiter, b',');
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(
                "Naam;Vraag;X\r\nAn;b;c\r\n"
                    .encode_utf16()
                    .flat_map(u16::to_le_bytes),
            )
            .collect();
        let sniffed = sniff(&utf16);
        assert_eq!(sniffed.delimiter, b';');
        assert_eq!(sniffed.encoding, Some(encoding_rs::UTF_16LE));
        let mac = sniff(b"a;b;c\r1;2;3\r");
        assert!(mac.cr_only);
        assert_eq!(mac.delimiter, b';');
        assert!(!sniff(b"a,b\r\n1,2\r\n").cr_only);
    }
}

//! Tables of answers, one row per respondent, as survey tools export them:
//! Google Forms, Microsoft Forms (XLSX too), LimeSurvey, Typeform,
//! SurveyMonkey, Qualtrics, or a spreadsheet typed by hand.
//!
//! A column is a question when its header is the question's id or its full
//! text in either language; the respondent's name comes from a respondent,
//! name or e-mail column; every other column is metadata and ignored.
//! Header rows before the one naming the questions (Qualtrics) and after it
//! (SurveyMonkey's "Response" row, Qualtrics' ImportId row) are skipped.
//! CSV is streamed: memory does not grow with the number of rows.

use crate::input::matching::{AnswerMatcher, HeaderMatcher, Resolved, fold, respondent_rank};
use crate::input::record::{BadAnswer, Place, Record, column_letter};
use crate::model::answers::Responses;
use crate::model::bank::Bank;
use anyhow::{Context, Result, bail};
use std::io::{Cursor, Read};

use std::rc::Rc;

/// The largest header scan: a question header row is among the first rows.
const HEADER_ROWS_SCANNED: usize = 3;
/// How much of a CSV file is read to tell its encoding and delimiter.
const SNIFF_BYTES: usize = 64 * 1024;
/// The longest CSV record (a line, or a quoted cell over several lines)
/// accepted; longer means a broken or hostile file.
const MAX_RECORD_BYTES: usize = 1024 * 1024;

/// Refuses a record longer than `MAX_RECORD_BYTES` while reading, before
/// the CSV reader buffers it, so one endless line cannot fill memory.
struct RecordLimit<R> {
    inner: R,
    length: usize,
    quoted: bool,
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

/// What a table held besides its respondents.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct TableInfo {
    /// Headers of the columns that are not questions or the respondent.
    pub ignored: Vec<String>,
    /// Questions with no column at all.
    pub missing_columns: Vec<usize>,
}

/// The cells of one row.
pub(super) trait Cells {
    fn cell(&self, index: usize) -> &str;
    fn width(&self) -> usize;
}

impl Cells for csv::StringRecord {
    fn cell(&self, index: usize) -> &str {
        self.get(index).unwrap_or("")
    }
    fn width(&self) -> usize {
        self.len()
    }
}

impl Cells for Vec<String> {
    fn cell(&self, index: usize) -> &str {
        self.get(index).map_or("", String::as_str)
    }
    fn width(&self) -> usize {
        self.len()
    }
}

/// Which column holds what.
struct Columns {
    /// (column, question) pairs.
    questions: Vec<(usize, usize)>,
    respondent: Option<usize>,
    info: TableInfo,
}

/// Reads the respondents of a CSV text, calling `on_record` for each.
pub fn read_csv(
    mut input: impl Read,
    file: Rc<str>,
    bank: &Bank,
    on_record: &mut dyn FnMut(Record),
) -> Result<TableInfo> {
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    (&mut input)
        .take(SNIFF_BYTES as u64)
        .read_to_end(&mut head)
        .with_context(|| format!("cannot read {file}"))?;
    let sniffed = sniff(&head);
    let rest = Cursor::new(head).chain(input);
    let decoded: Box<dyn Read> = match sniffed.encoding {
        Some(encoding) => Box::new(
            encoding_rs_io::DecodeReaderBytesBuilder::new()
                .encoding(Some(encoding))
                .bom_override(true)
                .build(rest),
        ),
        None => Box::new(rest),
    };
    let mut skipped: Box<dyn Read> = if sniffed.cr_only {
        Box::new(CrAsLf(decoded))
    } else {
        decoded
    };
    let mut discard = vec![0u8; sniffed.skip];
    skipped
        .read_exact(&mut discard)
        .with_context(|| format!("cannot read {file}"))?;
    let skipped = RecordLimit {
        inner: skipped,
        length: 0,
        quoted: false,
    };
    let reader = csv::ReaderBuilder::new()
        .delimiter(sniffed.delimiter)
        .has_headers(false)
        .flexible(true)
        // `\n` alone ends a record: with CRLF as a unit the reader reports
        // each record's line one too low. The `\r` left at the end of the
        // last cell is trimmed like any white space.
        .terminator(csv::Terminator::Any(b'\n'))
        .buffer_capacity(SNIFF_BYTES)
        .from_reader(skipped);
    let mut rows = CsvRows {
        reader,
        record: csv::StringRecord::new(),
        line_offset: sniffed.skipped_lines,
        file: file.clone(),
    };
    read_rows(&mut rows, &file, bank, on_record)
}

/// Rows one after another, the current one borrowed from the reader.
pub(super) trait RowSource {
    type Row: Cells + ToOwnedRow;
    /// Moves to the next row and gives its line (or spreadsheet row).
    fn advance(&mut self) -> Result<Option<u64>>;
    fn row(&self) -> &Self::Row;
}

struct CsvRows<R: Read> {
    file: Rc<str>,
    reader: csv::Reader<R>,
    record: csv::StringRecord,
    line_offset: u64,
}

impl<R: Read> RowSource for CsvRows<R> {
    type Row = csv::StringRecord;

    fn advance(&mut self) -> Result<Option<u64>> {
        match self.reader.read_record(&mut self.record) {
            Ok(true) => Ok(Some(
                self.record.position().map_or(0, |p| p.line()) + self.line_offset,
            )),
            Ok(false) => Ok(None),
            Err(err) => Err(csv_error(err).context(self.file.to_string())),
        }
    }

    fn row(&self) -> &csv::StringRecord {
        &self.record
    }
}

/// The shared part: find the header, then turn each data row into a record.
pub(super) fn read_rows(
    source: &mut impl RowSource,
    file: &Rc<str>,
    bank: &Bank,
    on_record: &mut dyn FnMut(Record),
) -> Result<TableInfo> {
    let headers = HeaderMatcher::new(bank);
    let answers = AnswerMatcher::new(bank);
    let mut first: Vec<(u64, Vec<String>)> = Vec::new();
    while first.len() < HEADER_ROWS_SCANNED {
        match source.advance()? {
            Some(line) => first.push((line, source.row().to_owned_row())),
            None => break,
        }
    }
    if first.is_empty() {
        bail!(
            "{file}: the file is empty; a survey export has a header row and a row per respondent"
        );
    }
    let Some(header_at) = header_row(&first, &headers) else {
        let found: Vec<String> = first
            .first()
            .map(|(_, row)| {
                row.iter()
                    .filter(|h| !h.trim().is_empty())
                    .take(8)
                    .map(|h| crate::visible::quoted(h))
                    .collect()
            })
            .unwrap_or_default();
        bail!(
            "{file}: no column is a question of the bank `{}`. A question column's header must be \
             the question's id (such as `{}`) or its full text in Dutch or English; \
             `pyramid questions` lists them. Headers found: {}",
            bank.id,
            bank.questions.first().map_or("", |q| q.id.as_str()),
            if found.is_empty() {
                "none".to_string()
            } else {
                found.join(", ")
            }
        );
    };
    let columns = columns(&first[header_at].1, &headers, bank, file)?;
    let mut rows = first.into_iter().skip(header_at + 1).peekable();
    // Extra header rows right after the header (SurveyMonkey, Qualtrics).
    while let Some((_, row)) = rows.peek() {
        if !is_header_like(row, &columns, &headers, &answers) {
            break;
        }
        rows.next();
    }
    let mut data_row = 0u64;
    let mut respondents = 0u64;
    for (line, row) in rows {
        data_row += 1;
        if let Some(record) = to_record(&row, line, data_row, &columns, &answers, bank, file) {
            respondents += 1;
            on_record(record);
        }
    }
    while let Some(line) = source.advance()? {
        data_row += 1;
        if let Some(record) =
            to_record(source.row(), line, data_row, &columns, &answers, bank, file)
        {
            respondents += 1;
            on_record(record);
        }
    }
    if respondents == 0 {
        bail!(
            "{file}: the table has a header row but no respondents; export it again once answers are in"
        );
    }
    Ok(columns.info)
}

/// Copies a row out of a reader's buffer.
pub(super) trait ToOwnedRow {
    fn to_owned_row(&self) -> Vec<String>;
}

impl ToOwnedRow for csv::StringRecord {
    fn to_owned_row(&self) -> Vec<String> {
        self.iter().map(str::to_string).collect()
    }
}

impl ToOwnedRow for Vec<String> {
    fn to_owned_row(&self) -> Vec<String> {
        self.clone()
    }
}

/// The first of the scanned rows that names the most questions.
fn header_row(rows: &[(u64, Vec<String>)], headers: &HeaderMatcher) -> Option<usize> {
    let matches = |row: &Vec<String>| {
        row.iter()
            .filter(|cell| headers.question(cell).is_some())
            .count()
    };
    let best = rows.iter().map(|(_, row)| matches(row)).max()?;
    (best > 0).then(|| rows.iter().position(|(_, row)| matches(row) == best))?
}

fn columns(header: &[String], headers: &HeaderMatcher, bank: &Bank, file: &str) -> Result<Columns> {
    let mut questions: Vec<(usize, usize)> = Vec::new();
    let mut respondent: Option<(u8, usize)> = None;
    let mut ignored = Vec::new();
    for (column, title) in header.iter().enumerate() {
        if let Some(question) = headers.question(title) {
            if let Some((earlier, _)) = questions.iter().find(|(_, q)| *q == question) {
                bail!(
                    "{file}: columns {} and {} both hold question `{}`; remove one",
                    column_letter(*earlier),
                    column_letter(column),
                    bank.questions[question].id
                );
            }
            questions.push((column, question));
        } else if let Some(rank) = respondent_rank(title) {
            match respondent {
                Some((best, _)) if best <= rank => ignored.push(title.trim().to_string()),
                Some((_, previous)) => {
                    ignored.push(header[previous].trim().to_string());
                    respondent = Some((rank, column));
                }
                None => respondent = Some((rank, column)),
            }
        } else if !title.trim().is_empty() {
            ignored.push(title.trim().to_string());
        }
    }
    let missing_columns = (0..bank.questions.len())
        .filter(|q| !questions.iter().any(|(_, question)| question == q))
        .collect();
    Ok(Columns {
        questions,
        respondent: respondent.map(|(_, column)| column),
        info: TableInfo {
            ignored,
            missing_columns,
        },
    })
}

/// A row under the header that is itself a header: every question cell is
/// a sub-heading ("Response"), an ImportId, or a question's id or text.
fn is_header_like(
    row: &[String],
    columns: &Columns,
    headers: &HeaderMatcher,
    answers: &AnswerMatcher,
) -> bool {
    let mut any = false;
    for &(column, question) in &columns.questions {
        let cell = row.get(column).map_or("", String::as_str);
        if cell.trim().is_empty() {
            continue;
        }
        any = true;
        if matches!(answers.resolve(question, cell), Resolved::Answer(_)) {
            return false;
        }
        let folded = fold(cell);
        let sub_heading = matches!(
            folded.as_str(),
            "response" | "open-ended response" | "antwoord"
        ) || folded.starts_with("{\"importid\"")
            || headers.question(cell).is_some();
        if !sub_heading {
            return false;
        }
    }
    any
}

fn to_record(
    row: &impl Cells,
    line: u64,
    data_row: u64,
    columns: &Columns,
    answers: &AnswerMatcher,
    bank: &Bank,
    file: &Rc<str>,
) -> Option<Record> {
    if (0..row.width()).all(|n| row.cell(n).trim().is_empty()) {
        return None;
    }
    let mut responses = Responses::empty(bank);
    let mut bad = Vec::new();
    // A question without a column is missing for everyone.
    let mut missing = columns.info.missing_columns.clone();
    for &(column, question) in &columns.questions {
        let value = row.cell(column);
        match answers.resolve(question, value) {
            Resolved::Answer(choice) => responses.set(question, Some(choice)),
            Resolved::Empty => missing.push(question),
            Resolved::Invalid => bad.push(BadAnswer {
                question,
                value: value.trim().to_string(),
                at: format!(", column {}", column_letter(column)),
            }),
        }
    }
    let named = columns
        .respondent
        .map(|column| row.cell(column).trim())
        .filter(|name| !name.is_empty());
    let respondent = match named {
        Some(name) => name.to_string(),
        None => format!("{file} row {data_row}"),
    };
    Some(Record {
        respondent,
        named: named.is_some(),
        place: Place {
            file: file.clone(),
            line: Some(line),
        },
        responses,
        bad,
        missing: {
            missing.sort_unstable();
            missing
        },
    })
}

/// What the start of a CSV file says about how to read it.
#[derive(Debug, PartialEq, Eq)]
struct Sniffed {
    /// `None` for UTF-8 (read as is), else the encoding to decode from.
    encoding: Option<&'static encoding_rs::Encoding>,
    delimiter: u8,
    /// Bytes to skip after decoding: a UTF-8 byte order mark and a `sep=`
    /// line.
    skip: usize,
    skipped_lines: u64,
    /// Lines end in `\r` alone.
    cr_only: bool,
}

fn sniff(head: &[u8]) -> Sniffed {
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        // Excel's "Unicode text" (tabs) or a UTF-16 CSV (commas or
        // semicolons): the delimiter is told from the decoded text. The
        // decoder drops the BOM; skipping counts decoded bytes.
        let encoding = if head[0] == 0xFF {
            encoding_rs::UTF_16LE
        } else {
            encoding_rs::UTF_16BE
        };
        let (decoded, _) = encoding.decode_without_bom_handling(&head[2..]);
        return Sniffed {
            encoding: Some(encoding),
            ..sniff_text(decoded.as_bytes(), 0)
        };
    }
    let bom = if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
        3
    } else {
        0
    };
    let text = &head[bom..];
    let utf8 = match std::str::from_utf8(text) {
        Ok(_) => true,
        // Cut in the middle of a character at the end of the sniffed part.
        Err(err) => err.error_len().is_none(),
    };
    // Skipping is counted in decoded bytes: the BOM is 3 bytes in UTF-8 and
    // dropped by the decoder otherwise; `sep=X` is ASCII either way.
    Sniffed {
        encoding: (!utf8).then_some(encoding_rs::WINDOWS_1252),
        ..sniff_text(text, if utf8 { bom } else { 0 })
    }
}

/// The delimiter, a `sep=` line and the line ends of a text (after the
/// byte order mark); `bom` is the BOM's length as the reader will see it.
fn sniff_text(text: &[u8], bom: usize) -> Sniffed {
    let mut skip = bom;
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
    let body = &text[(skip - bom).min(text.len())..];
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

fn csv_error(err: csv::Error) -> anyhow::Error {
    let line = err
        .position()
        .map(|p| format!("line {}: ", p.line()))
        .unwrap_or_default();
    match err.kind() {
        csv::ErrorKind::Utf8 { .. } => anyhow::anyhow!(
            "{line}the text is not UTF-8 although the file started as UTF-8; save the file as UTF-8"
        ),
        _ => anyhow::anyhow!("{line}{err}"),
    }
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
            (dutch.delimiter, dutch.skip, dutch.skipped_lines),
            (b';', 3 + 7, 1)
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

//! Spreadsheets (XLSX, ODS, XLS) read one row at a time, within limits
//! that hold against hostile files.
//!
//! XLSX and ODS are zip archives of XML. Their rows are streamed from the
//! zip entry through quick-xml, so memory does not grow with the number of
//! rows, and every byte that is unpacked passes a [`Bounded`] reader first:
//! an entry unpacks to at most [`MAX_ENTRY_BYTES`], no piece of XML (and so
//! no cell) is longer than [`MAX_CELL_BYTES`], and markup declarations
//! (where entity bombs live) are refused. Cells are counted before they
//! are made, so a repeated-cell bomb is refused without expanding it. XLS
//! (the old binary format) is read through calamine.

mod ods;
mod xlsx;

use super::survey::{RowSource, TableInfo, read_rows};
use crate::input::matching::Matchers;
use crate::input::record::Record;
use crate::messages::{Localized, LocalizedContext, cannot_read};
use crate::model::bank::Bank;
use anyhow::Result;
use quick_xml::XmlVersion;
use quick_xml::events::BytesStart;
use std::io::Read;
use std::path::Path;
use std::sync::Arc;

/// The most a zip entry (one XML part of a spreadsheet) may unpack to.
pub const MAX_ENTRY_BYTES: u64 = 1024 * 1024 * 1024;
/// The longest cell, and the longest piece of XML between two tags.
pub const MAX_CELL_BYTES: usize = 1024 * 1024;
/// The most non-empty cells a sheet may hold, counted before they are
/// made: a million respondents with twenty columns each.
pub const MAX_CELLS: u64 = 20_000_000;
/// The widest sheet: Excel's and LibreOffice's last column, XFD.
pub const MAX_COLUMNS: usize = 16_384;
/// The most text shared strings (XLSX) may hold in memory.
pub const MAX_SHARED_STRINGS_BYTES: usize = 64 * 1024 * 1024;
/// The most parts a zip archive may have; spreadsheets have a few dozen.
const MAX_ENTRIES: usize = 10_000;

/// Reads the respondents of the first sheet of a spreadsheet.
pub fn read(
    path: &Path,
    file: Arc<str>,
    bank: &Bank,
    matchers: &Matchers,
    on_record: &mut dyn FnMut(&mut Record),
) -> Result<TableInfo> {
    let mut head = [0u8; 4];
    let is_zip = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .map_err(|err| cannot_read(&file, &err))?
        == 4
        && head == *b"PK\x03\x04";
    if !is_zip {
        return read_with_calamine(path, file, bank, matchers, on_record);
    }
    let archive = std::fs::File::open(path).map_err(|err| cannot_read(&file, &err))?;
    let mut archive = zip::ZipArchive::new(std::io::BufReader::new(archive))
        .localized(|| Localized::new("spreadsheet-cannot-open", &[("file", &file)]))?;
    if archive.len() > MAX_ENTRIES {
        let err = Localized::new("spreadsheet-too-many-parts", &[("file", &file)])
            .count("count", archive.len())
            .count("limit", MAX_ENTRIES);
        return Err(err.into());
    }
    if archive.index_for_name("content.xml").is_some() {
        ods::read(&mut archive, &file, bank, matchers, on_record)
    } else {
        xlsx::read(&mut archive, &file, bank, matchers, on_record)
    }
}

type Archive = zip::ZipArchive<std::io::BufReader<std::fs::File>>;
/// One XML part of an archive, read through the limits.
type Part<'a> = quick_xml::Reader<
    std::io::BufReader<Bounded<zip::read::ZipFile<'a, std::io::BufReader<std::fs::File>>>>,
>;

/// Opens one XML part of a zip archive for streaming, within the limits.
fn open_entry<'a>(archive: &'a mut Archive, name: &str, file: &str) -> Result<Option<Part<'a>>> {
    let entry = match archive.by_name(name) {
        Ok(entry) => entry,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(err) => {
            let args = [("file", file), ("part", name)];
            return Err(err).localized(|| Localized::new("part-cannot-read", &args));
        }
    };
    if entry.size() > MAX_ENTRY_BYTES {
        let err = Localized::new("part-too-big", &[("file", file), ("part", name)])
            .count("size", entry.size().div_ceil(1 << 20))
            .count("limit", MAX_ENTRY_BYTES >> 20);
        return Err(err.into());
    }
    let bounded = Bounded {
        inner: entry,
        part: name.to_string(),
        total: 0,
        since_tag: 0,
        after_open: false,
    };
    let mut reader = quick_xml::Reader::from_reader(std::io::BufReader::new(bounded));
    reader.config_mut().expand_empty_elements = false;
    Ok(Some(reader))
}

/// What a [`Bounded`] reader refused.
#[derive(Debug)]
pub struct OverLimit {
    /// The message's key in the language files; it takes `part` and `limit`.
    key: &'static str,
    part: String,
}

impl OverLimit {
    fn message(&self, file: &str) -> Localized {
        let limit = match self.key {
            "part-unpacks-over" => MAX_ENTRY_BYTES >> 20,
            _ => MAX_CELL_BYTES as u64 >> 20,
        };
        let args = [("file", file), ("part", self.part.as_str())];
        Localized::new(self.key, &args).count("limit", limit)
    }
}

impl std::fmt::Display for OverLimit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.message(""))
    }
}

impl std::error::Error for OverLimit {}

/// Passes on the unpacked bytes of a zip entry while they stay within
/// the limits: the entry's size, the length of a piece of XML between
/// two `<`, and no `<!` (DOCTYPE, comment or CDATA, which quick-xml would
/// buffer whole, and which spreadsheet programs do not write).
struct Bounded<R> {
    inner: R,
    part: String,
    total: u64,
    /// Bytes since the last `<`.
    since_tag: usize,
    /// The last byte seen was `<`.
    after_open: bool,
}

impl<R: Read> Read for Bounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let read = self.inner.read(buf)?;
        let chunk = &buf[..read];
        self.total += read as u64;
        if self.total > MAX_ENTRY_BYTES {
            return Err(self.refuse("part-unpacks-over"));
        }
        let mut last_open = None;
        for at in memchr::memchr_iter(b'<', chunk) {
            let gap = match last_open {
                Some(previous) => at - previous - 1,
                None => self.since_tag + at,
            };
            if gap > MAX_CELL_BYTES {
                return Err(self.too_long());
            }
            last_open = Some(at);
        }
        if self.after_open && chunk.first() == Some(&b'!') {
            return Err(self.declaration());
        }
        if memchr::memmem::find(chunk, b"<!").is_some() {
            return Err(self.declaration());
        }
        self.since_tag = match last_open {
            Some(at) => read - at - 1,
            None => self.since_tag + read,
        };
        if self.since_tag > MAX_CELL_BYTES {
            return Err(self.too_long());
        }
        if read > 0 {
            self.after_open = chunk[read - 1] == b'<';
        }
        Ok(read)
    }
}

impl<R> Bounded<R> {
    fn refuse(&self, key: &'static str) -> std::io::Error {
        let over = OverLimit {
            key,
            part: self.part.clone(),
        };
        std::io::Error::new(std::io::ErrorKind::InvalidData, over)
    }

    fn too_long(&self) -> std::io::Error {
        self.refuse("part-cell-too-long")
    }

    fn declaration(&self) -> std::io::Error {
        self.refuse("part-declaration")
    }
}

/// Counts non-empty cells before they are made.
struct CellBudget {
    spent: u64,
}

impl CellBudget {
    fn spend(&mut self, cells: u64, file: &str) -> Result<()> {
        self.spent = self.spent.saturating_add(cells);
        if self.spent > MAX_CELLS {
            let err =
                Localized::new("sheet-too-many-cells", &[("file", file)]).count("limit", MAX_CELLS);
            return Err(err.into());
        }
        Ok(())
    }
}

/// A cell's value grown from pieces of text, within the cell limit.
fn push_text(value: &mut String, text: &str, file: &str) -> Result<()> {
    if value.len() + text.len() > MAX_CELL_BYTES {
        let err =
            Localized::new("cell-too-big", &[("file", file)]).count("limit", MAX_CELL_BYTES >> 20);
        return Err(err.into());
    }
    value.push_str(text);
    Ok(())
}

/// An attribute's value, entities resolved; `None` where it is missing.
fn attribute(element: &BytesStart, name: &str) -> Option<String> {
    let attribute = element.try_get_attribute(name).ok().flatten()?;
    attribute
        .normalized_value(XmlVersion::Implicit1_0)
        .ok()
        .map(|value| value.into_owned())
}

/// `&amp;`, `&#233;` and the like; an unknown entity stays as written.
fn resolve(reference: &quick_xml::events::BytesRef) -> String {
    if let Ok(Some(c)) = reference.resolve_char_ref() {
        return c.to_string();
    }
    let name: &str = reference;
    quick_xml::escape::resolve_predefined_entity(name)
        .map_or_else(|| format!("&{name};"), str::to_string)
}

/// A number as a survey shows it: whole numbers (option numbers) without
/// a trailing ".0".
fn number_text(raw: &str) -> String {
    match raw.trim().parse::<f64>() {
        Ok(value) if value.fract() == 0.0 && value.abs() < 1e15 => format!("{}", value as i64),
        Ok(value) => value.to_string(),
        Err(_) => raw.to_string(),
    }
}

/// The text of an XML error for a person, with the file and part.
fn xml_error(err: quick_xml::Error, file: &str, part: &str) -> anyhow::Error {
    if let quick_xml::Error::Io(io) = &err
        && let Some(limit) = io.get_ref().and_then(|e| e.downcast_ref::<OverLimit>())
    {
        return limit.message(file).into();
    }
    let args = [("file", file), ("part", part)];
    if let quick_xml::Error::Io(io) = &err {
        let io = std::io::Error::new(io.kind(), io.to_string());
        return Localized::new("part-cannot-unpack", &args)
            .because(io)
            .into();
    }
    let reason = err.to_string();
    let args = [("file", file), ("part", part), ("reason", reason.as_str())];
    Localized::new("part-not-xml", &args).into()
}

/// Rows from a streaming sheet reader, handed to the shared table logic.
struct SheetRows<S> {
    sheet: S,
    current: Vec<String>,
}

/// A sheet that yields rows one by one: (row number, cells).
trait Sheet {
    fn next_row(&mut self, row: &mut Vec<String>) -> Result<Option<u64>>;
}

impl<S: Sheet> RowSource for SheetRows<S> {
    type Row<'r>
        = &'r Vec<String>
    where
        S: 'r;

    fn advance(&mut self) -> Result<Option<u64>> {
        self.sheet.next_row(&mut self.current)
    }

    fn row(&self) -> &Vec<String> {
        &self.current
    }
}

fn read_sheet(
    sheet: impl Sheet,
    file: &Arc<str>,
    bank: &Bank,
    matchers: &Matchers,
    on_record: &mut dyn FnMut(&mut Record),
) -> Result<TableInfo> {
    let mut rows = SheetRows {
        sheet,
        current: Vec::new(),
    };
    read_rows(&mut rows, file, bank, matchers, false, on_record)
}

/// XLS, the binary format before 2007, through calamine. The format caps
/// a sheet at 65,536 rows and 256 columns.
fn read_with_calamine(
    path: &Path,
    file: Arc<str>,
    bank: &Bank,
    matchers: &Matchers,
    on_record: &mut dyn FnMut(&mut Record),
) -> Result<TableInfo> {
    use calamine::Reader;
    let mut workbook = calamine::open_workbook_auto(path)
        .localized(|| Localized::new("spreadsheet-cannot-open", &[("file", &file)]))?;
    let range = workbook
        .worksheet_range_at(0)
        .ok_or_else(|| Localized::new("spreadsheet-no-sheets", &[("file", &file)]))?
        .localized(|| Localized::new("sheet-cannot-read", &[("file", &file)]))?;
    let (first_row, first_column) = range
        .start()
        .map_or((0, 0), |(row, column)| (u64::from(row), column as usize));
    let rows: Vec<(u64, Vec<String>)> = range
        .rows()
        .enumerate()
        .map(|(n, cells)| {
            let mut row = vec![String::new(); first_column];
            row.extend(cells.iter().map(cell_text));
            (first_row + n as u64 + 1, row)
        })
        .collect();
    read_sheet(
        Buffered {
            rows: rows.into_iter(),
        },
        &file,
        bank,
        matchers,
        on_record,
    )
}

struct Buffered {
    rows: std::vec::IntoIter<(u64, Vec<String>)>,
}

impl Sheet for Buffered {
    fn next_row(&mut self, row: &mut Vec<String>) -> Result<Option<u64>> {
        Ok(self.rows.next().map(|(line, cells)| {
            *row = cells;
            line
        }))
    }
}

fn cell_text(cell: &calamine::Data) -> String {
    match cell {
        calamine::Data::Float(value) => number_text(&value.to_string()),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bounded(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
        let mut out = Vec::new();
        let mut reader = Bounded {
            inner: bytes,
            part: "sheet.xml".into(),
            total: 0,
            since_tag: 0,
            after_open: false,
        };
        // Small reads, so limits are checked across chunk boundaries.
        let mut buf = [0u8; 7];
        loop {
            let n = reader.read(&mut buf)?;
            if n == 0 {
                return Ok(out);
            }
            out.extend_from_slice(&buf[..n]);
        }
    }

    #[test]
    fn bounded_passes_ordinary_xml_and_refuses_long_text_and_declarations() {
        let xml = b"<?xml version=\"1.0\"?><row><c><v>1</v></c></row>";
        assert_eq!(bounded(xml).expect("ordinary"), xml);
        let mut long = b"<t>".to_vec();
        long.extend(std::iter::repeat_n(b'x', MAX_CELL_BYTES + 1));
        long.extend(b"</t>");
        assert!(bounded(&long).is_err());
        assert!(bounded(b"<a><!-- hi --></a>").is_err());
        assert!(bounded(b"<a></a><!DOCTYPE x>").is_err());
    }

    #[test]
    fn numbers_read_as_surveys_show_them() {
        assert_eq!(number_text("3"), "3");
        assert_eq!(number_text("3.0"), "3");
        assert_eq!(number_text("2.5"), "2.5");
        assert_eq!(number_text("abc"), "abc");
    }
}

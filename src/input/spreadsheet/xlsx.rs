//! XLSX (Office Open XML): the first sheet's rows, streamed.

use super::{
    Archive, CellBudget, MAX_COLUMNS, MAX_SHARED_STRINGS_BYTES, Sheet, attribute, number_text,
    open_entry, push_text, read_sheet, resolve, xml_error,
};
use crate::input::matching::Matchers;
use crate::input::record::Record;
use crate::input::survey::TableInfo;
use crate::messages::Localized;
use crate::model::bank::Bank;
use anyhow::Result;
use quick_xml::events::Event;
use std::io::BufRead;
use std::sync::Arc;

pub(super) fn read(
    archive: &mut Archive,
    file: &Arc<str>,
    bank: &Bank,
    matchers: &Matchers,
    on_record: &mut dyn FnMut(&mut Record),
) -> Result<TableInfo> {
    let sheet_path = first_sheet(archive, file)?;
    let strings = shared_strings(archive, file)?;
    let Some(xml) = open_entry(archive, &sheet_path, file)? else {
        let args = [("file", &**file), ("part", sheet_path.as_str())];
        return Err(Localized::new("spreadsheet-missing-part", &args).into());
    };
    let sheet = XlsxSheet {
        xml,
        buf: Vec::new(),
        strings,
        budget: CellBudget { spent: 0 },
        file: file.to_string(),
        part: sheet_path,
        next_row: 1,
    };
    read_sheet(sheet, file, bank, matchers, on_record)
}

/// The path of the first sheet: workbook.xml names it, its relations file
/// says where it is.
fn first_sheet(archive: &mut Archive, file: &str) -> Result<String> {
    const FALLBACK: &str = "xl/worksheets/sheet1.xml";
    let mut id = None;
    if let Some(mut xml) = open_entry(archive, "xl/workbook.xml", file)? {
        let mut buf = Vec::new();
        loop {
            match xml.read_event_into(&mut buf) {
                Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "sheet" => {
                    id = attribute(&e, "r:id");
                    break;
                }
                Ok(Event::Eof) => break,
                Ok(_) => {}
                Err(err) => return Err(xml_error(err, file, "xl/workbook.xml")),
            }
            buf.clear();
        }
    }
    let Some(id) = id else {
        return Ok(FALLBACK.to_string());
    };
    let Some(mut xml) = open_entry(archive, "xl/_rels/workbook.xml.rels", file)? else {
        return Ok(FALLBACK.to_string());
    };
    let mut buf = Vec::new();
    loop {
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e))
                if e.local_name().as_ref() == "Relationship"
                    && attribute(&e, "Id").as_deref() == Some(id.as_str()) =>
            {
                let target = attribute(&e, "Target").unwrap_or_default();
                return Ok(match target.strip_prefix('/') {
                    Some(absolute) => absolute.to_string(),
                    None => format!("xl/{target}"),
                });
            }
            Ok(Event::Eof) => return Ok(FALLBACK.to_string()),
            Ok(_) => {}
            Err(err) => return Err(xml_error(err, file, "xl/_rels/workbook.xml.rels")),
        }
        buf.clear();
    }
}

/// The shared strings table: every `<si>`, its `<t>` runs joined, phonetic
/// runs (`<rPh>`) left out.
fn shared_strings(archive: &mut Archive, file: &str) -> Result<Vec<String>> {
    const PART: &str = "xl/sharedStrings.xml";
    let Some(mut xml) = open_entry(archive, PART, file)? else {
        return Ok(Vec::new());
    };
    let mut strings = Vec::new();
    let mut held = 0usize;
    let mut current = String::new();
    let (mut in_text, mut in_phonetic) = (false, 0u32);
    let mut buf = Vec::new();
    loop {
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => match e.local_name().as_ref() {
                "t" => in_text = in_phonetic == 0,
                "rPh" => in_phonetic += 1,
                _ => {}
            },
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "rPh" => in_phonetic = in_phonetic.saturating_sub(1),
                "si" => {
                    held += current.len() + std::mem::size_of::<String>();
                    if held > MAX_SHARED_STRINGS_BYTES {
                        return Err(shared_strings_too_big(file));
                    }
                    strings.push(std::mem::take(&mut current));
                }
                _ => {}
            },
            Ok(Event::Empty(e)) if e.local_name().as_ref() == "si" => {
                held += std::mem::size_of::<String>();
                if held > MAX_SHARED_STRINGS_BYTES {
                    return Err(shared_strings_too_big(file));
                }
                strings.push(String::new());
            }
            Ok(Event::Text(text)) if in_text => {
                push_text(&mut current, &text.xml10_content(), file)?
            }
            Ok(Event::GeneralRef(reference)) if in_text => {
                push_text(&mut current, &resolve(&reference), file)?
            }
            Ok(Event::Eof) => return Ok(strings),
            Ok(_) => {}
            Err(err) => return Err(xml_error(err, file, PART)),
        }
        buf.clear();
    }
}

/// The zero-based column of a cell reference such as `AB12`.
fn column_of(reference: &str) -> Option<usize> {
    let letters = reference.bytes().take_while(u8::is_ascii_alphabetic);
    let mut column = 0usize;
    let mut any = false;
    for letter in letters {
        any = true;
        column = column
            .checked_mul(26)?
            .checked_add(usize::from(letter.to_ascii_uppercase() - b'A') + 1)?;
    }
    any.then(|| column - 1)
}

struct XlsxSheet<R: BufRead> {
    xml: quick_xml::Reader<R>,
    buf: Vec<u8>,
    strings: Vec<String>,
    budget: CellBudget,
    file: String,
    part: String,
    next_row: u64,
}

/// The cell being read.
struct Cell {
    column: usize,
    kind: Option<String>,
    value: String,
    in_value: bool,
}

impl<R: BufRead> Sheet for XlsxSheet<R> {
    fn next_row(&mut self, row: &mut Vec<String>) -> Result<Option<u64>> {
        row.clear();
        let mut line = None;
        let mut cell: Option<Cell> = None;
        loop {
            self.buf.clear();
            let event = match self.xml.read_event_into(&mut self.buf) {
                Ok(event) => event,
                Err(err) => return Err(xml_error(err, &self.file, &self.part)),
            };
            match event {
                Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "row" => {
                    let number = attribute(&e, "r").and_then(|r| r.parse::<u64>().ok());
                    let number = number.unwrap_or(self.next_row);
                    self.next_row = number + 1;
                    line = Some(number);
                }
                Event::Start(e) if e.local_name().as_ref() == "c" => {
                    let column = match attribute(&e, "r") {
                        Some(reference) => column_of(&reference),
                        None => Some(row.len()),
                    };
                    let Some(column) = column.filter(|&c| c < MAX_COLUMNS) else {
                        let place = self.file.to_string();
                        let args = [("place", place.as_str())];
                        return Err(Localized::new("cell-beyond-last-column", &args).into());
                    };
                    cell = Some(Cell {
                        column,
                        kind: attribute(&e, "t"),
                        value: String::new(),
                        in_value: false,
                    });
                }
                Event::Start(e) if matches!(e.local_name().as_ref(), "v" | "t") => {
                    if let Some(cell) = &mut cell {
                        cell.in_value = true;
                    }
                }
                Event::End(e) if matches!(e.local_name().as_ref(), "v" | "t") => {
                    if let Some(cell) = &mut cell {
                        cell.in_value = false;
                    }
                }
                Event::Text(text) => {
                    if let Some(cell) = cell.as_mut().filter(|c| c.in_value) {
                        push_text(&mut cell.value, &text.xml10_content(), &self.file)?;
                    }
                }
                Event::GeneralRef(reference) => {
                    if let Some(cell) = cell.as_mut().filter(|c| c.in_value) {
                        push_text(&mut cell.value, &resolve(&reference), &self.file)?;
                    }
                }
                Event::End(e) if e.local_name().as_ref() == "c" => {
                    if let Some(done) = cell.take() {
                        let text = self.value(done.kind.as_deref(), done.value, line)?;
                        if !text.is_empty() {
                            self.budget.spend(1, &self.file)?;
                            if row.len() <= done.column {
                                row.resize(done.column + 1, String::new());
                            }
                            row[done.column] = text;
                        }
                    }
                }
                Event::End(e) if e.local_name().as_ref() == "row" && !row.is_empty() => {
                    return Ok(line);
                }
                Event::End(e) if e.local_name().as_ref() == "sheetData" => return Ok(None),
                Event::Eof => return Ok(None),
                _ => {}
            }
        }
    }
}

impl<R: BufRead> XlsxSheet<R> {
    /// A cell's text by its type: shared string, inline string, boolean,
    /// error, or number.
    fn value(&self, kind: Option<&str>, raw: String, line: Option<u64>) -> Result<String> {
        Ok(match kind {
            Some("s") => {
                let index = raw.trim().parse::<usize>().ok();
                match index.and_then(|i| self.strings.get(i)) {
                    Some(text) => text.clone(),
                    None => {
                        let place = format!("{}:{}", self.file, line.unwrap_or(0));
                        let raw = format!("{raw:?}");
                        let args = [("place", place.as_str()), ("raw", raw.as_str())];
                        return Err(Localized::new("missing-shared-string", &args).into());
                    }
                }
            }
            Some("b") => (raw.trim() == "1").to_string(),
            Some("inlineStr" | "str" | "e" | "d") => raw,
            _ if raw.is_empty() => raw,
            _ => number_text(&raw),
        })
    }
}

fn shared_strings_too_big(file: &str) -> anyhow::Error {
    Localized::new("shared-strings-too-big", &[("file", file)])
        .count("limit", MAX_SHARED_STRINGS_BYTES >> 20)
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_from_cell_references() {
        assert_eq!(column_of("A1"), Some(0));
        assert_eq!(column_of("Z9"), Some(25));
        assert_eq!(column_of("AA3"), Some(26));
        assert_eq!(column_of("XFD1048576"), Some(16_383));
        assert_eq!(column_of("12"), None);
        assert_eq!(column_of(&"Z".repeat(40)), None);
    }
}

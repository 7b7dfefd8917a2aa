//! ODS (OpenDocument): the first table's rows, streamed. Repeated rows and
//! cells (`number-rows-repeated`, `number-columns-repeated`) are counted
//! against the cell limit before they are copied, and empty repeats cost
//! nothing.

use super::{
    Archive, CellBudget, MAX_CELL_BYTES, MAX_COLUMNS, Sheet, attribute, number_text, open_entry,
    push_text, read_sheet, resolve, xml_error,
};
use crate::input::matching::Matchers;
use crate::input::record::Record;
use crate::input::survey::TableInfo;
use crate::messages::Localized;
use crate::model::bank::Bank;
use anyhow::Result;
use quick_xml::events::{BytesStart, Event};
use std::io::BufRead;
use std::sync::Arc;

const PART: &str = "content.xml";

pub(super) fn read(
    archive: &mut Archive,
    file: &Arc<str>,
    bank: &Bank,
    matchers: &Matchers,
    on_record: &mut dyn FnMut(&mut Record),
) -> Result<TableInfo> {
    let Some(xml) = open_entry(archive, PART, file)? else {
        let args = [("file", &**file), ("part", PART)];
        return Err(Localized::new("spreadsheet-missing-part", &args).into());
    };
    let sheet = OdsSheet {
        xml,
        buf: Vec::new(),
        budget: CellBudget { spent: 0 },
        file: file.to_string(),
        line: 0,
        repeat: None,
        state: State::BeforeTable,
    };
    read_sheet(sheet, file, bank, matchers, on_record)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    BeforeTable,
    InTable,
    Done,
}

struct OdsSheet<R: BufRead> {
    xml: quick_xml::Reader<R>,
    buf: Vec<u8>,
    budget: CellBudget,
    file: String,
    /// The row number of the last row read (1-based).
    line: u64,
    /// A repeated row still to be handed out: (row, times left).
    repeat: Option<(Vec<String>, u64)>,
    state: State,
}

fn repeats(element: &BytesStart, name: &str) -> u64 {
    attribute(element, name)
        .and_then(|n| n.trim().parse::<u64>().ok())
        .unwrap_or(1)
        .max(1)
}

/// A cell being read: its value from attributes, or its text.
struct Cell {
    repeat: u64,
    value: Option<String>,
    text: String,
    paragraphs: u32,
}

impl Cell {
    fn start(element: &BytesStart) -> Cell {
        let value = match attribute(element, "office:value-type").as_deref() {
            Some("float" | "percentage" | "currency") => {
                attribute(element, "office:value").map(|v| number_text(&v))
            }
            Some("boolean") => attribute(element, "office:boolean-value"),
            Some("date") => attribute(element, "office:date-value"),
            Some("time") => attribute(element, "office:time-value"),
            _ => None,
        };
        Cell {
            repeat: repeats(element, "table:number-columns-repeated"),
            value,
            text: String::new(),
            paragraphs: 0,
        }
    }

    fn finish(self) -> (String, u64) {
        (self.value.unwrap_or(self.text), self.repeat)
    }
}

impl<R: BufRead> Sheet for OdsSheet<R> {
    fn next_row(&mut self, row: &mut Vec<String>) -> Result<Option<u64>> {
        if let Some((cells, left)) = &mut self.repeat {
            *left -= 1;
            row.clone_from(cells);
            if *left == 0 {
                self.repeat = None;
            }
            self.line += 1;
            return Ok(Some(self.line));
        }
        while self.state != State::Done {
            let Some(rows) = self.read_row(row)? else {
                self.state = State::Done;
                break;
            };
            let first = self.line + 1;
            self.line += rows;
            if row.is_empty() {
                continue;
            }
            if rows > 1 {
                let cells = row.iter().filter(|c| !c.is_empty()).count() as u64;
                self.budget
                    .spend(cells.saturating_mul(rows - 1), &self.file)?;
                self.repeat = Some((row.clone(), rows - 1));
                self.line = first;
            }
            return Ok(Some(first));
        }
        Ok(None)
    }
}

impl<R: BufRead> OdsSheet<R> {
    /// Reads the next row of the first table into `row` (trailing empty
    /// cells left off) and gives how many times it repeats, or `None`
    /// after the table.
    fn read_row(&mut self, row: &mut Vec<String>) -> Result<Option<u64>> {
        row.clear();
        let OdsSheet {
            xml,
            buf,
            budget,
            file,
            line,
            state,
            ..
        } = self;
        let file = file.as_str();
        let mut times = None;
        let mut column = 0usize;
        let mut cell: Option<Cell> = None;
        loop {
            let in_table = *state == State::InTable;
            buf.clear();
            let event = xml
                .read_event_into(buf)
                .map_err(|err| xml_error(err, file, PART))?;
            match event {
                Event::Start(e) if e.name().as_ref() == "table:table" => {
                    if in_table {
                        let err = Localized::new("table-in-table", &[("file", file)]);
                        return Err(err.into());
                    }
                    *state = State::InTable;
                }
                Event::End(e) if e.name().as_ref() == "table:table" => return Ok(None),
                Event::Eof => return Ok(None),
                _ if !in_table => {}
                Event::Empty(e) if e.name().as_ref() == "table:table-row" => {
                    return Ok(Some(repeats(&e, "table:number-rows-repeated")));
                }
                Event::Start(e) if e.name().as_ref() == "table:table-row" => {
                    times = Some(repeats(&e, "table:number-rows-repeated"));
                }
                Event::End(e) if e.name().as_ref() == "table:table-row" => {
                    return Ok(Some(times.unwrap_or(1)));
                }
                Event::Empty(e)
                    if matches!(
                        e.name().as_ref(),
                        "table:table-cell" | "table:covered-table-cell"
                    ) =>
                {
                    let (text, repeat) = Cell::start(&e).finish();
                    place(budget, file, *line + 1, row, &mut column, text, repeat)?;
                }
                Event::Start(e)
                    if matches!(
                        e.name().as_ref(),
                        "table:table-cell" | "table:covered-table-cell"
                    ) =>
                {
                    cell = Some(Cell::start(&e));
                }
                Event::End(e)
                    if matches!(
                        e.name().as_ref(),
                        "table:table-cell" | "table:covered-table-cell"
                    ) =>
                {
                    if let Some(done) = cell.take() {
                        let (text, repeat) = done.finish();
                        place(budget, file, *line + 1, row, &mut column, text, repeat)?;
                    }
                }
                Event::Start(e) if e.name().as_ref() == "text:p" => {
                    if let Some(cell) = &mut cell {
                        if cell.paragraphs > 0 {
                            push_text(&mut cell.text, "\n", file)?;
                        }
                        cell.paragraphs += 1;
                    }
                }
                Event::Empty(e) => {
                    if let Some(cell) = &mut cell {
                        let text = match e.name().as_ref() {
                            "text:s" => {
                                let count = repeats(&e, "text:c").min(MAX_CELL_BYTES as u64 + 1);
                                " ".repeat(count as usize)
                            }
                            "text:tab" => "\t".to_string(),
                            "text:line-break" => "\n".to_string(),
                            _ => String::new(),
                        };
                        push_text(&mut cell.text, &text, file)?;
                    }
                }
                Event::Text(text) => {
                    if let Some(cell) = &mut cell {
                        push_text(&mut cell.text, &text.xml10_content(), file)?;
                    }
                }
                Event::GeneralRef(reference) => {
                    if let Some(cell) = &mut cell {
                        push_text(&mut cell.text, &resolve(&reference), file)?;
                    }
                }
                _ => {}
            }
        }
    }
}

/// Puts a cell, repeated, at `column`: empty cells only move along.
fn place(
    budget: &mut CellBudget,
    file: &str,
    line: u64,
    row: &mut Vec<String>,
    column: &mut usize,
    text: String,
    repeat: u64,
) -> Result<()> {
    if text.is_empty() {
        *column = column.saturating_add(usize::try_from(repeat).unwrap_or(usize::MAX));
        return Ok(());
    }
    budget.spend(repeat, file)?;
    let end = usize::try_from(repeat)
        .ok()
        .and_then(|r| column.checked_add(r))
        .filter(|&end| end <= MAX_COLUMNS);
    let Some(end) = end else {
        let place = format!("{file}:{line}");
        return Err(Localized::new("cell-beyond-last-column", &[("place", &place)]).into());
    };
    row.resize(*column, String::new());
    row.resize(end, text);
    *column = end;
    Ok(())
}

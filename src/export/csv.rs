//! CSV: one header row, one row per respondent (or per pillar for the
//! summary), ids and numbers for scripts and spreadsheets.

use super::Writes;
use crate::documents::{ComparisonDocument, ScoresDocument};
use crate::lang::Lang;
use crate::model::bank::{Bank, MAX_PILLARS};
use crate::model::scoring::RowScores;
use crate::model::team::ScoreStats;
use anyhow::Result;
use std::io::Write;

pub struct CsvExporter;

impl super::FromStyle for CsvExporter {
    fn from_style(_style: super::TextStyle) -> CsvExporter {
        CsvExporter
    }
}

/// Makes a text cell safe to open in a spreadsheet: a cell that starts like
/// a formula (`= + - @`, tab or carriage return) gets a leading `'`, as
/// OWASP advises against CSV injection.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// One CSV row, built in a buffer kept from row to row: text quoted as
/// csv's writer quotes it (where it holds a comma, a quote or a line
/// break), numbers as they are.
#[derive(Default)]
struct Line {
    bytes: Vec<u8>,
    fields: usize,
}

impl Line {
    fn separate(&mut self) {
        if self.fields > 0 {
            self.bytes.push(b',');
        }
        self.fields += 1;
    }

    fn text(&mut self, text: &str) {
        self.separate();
        let needs_quotes = |byte: &u8| matches!(byte, b',' | b'"' | b'\r' | b'\n');
        if !text.as_bytes().iter().any(needs_quotes) {
            self.bytes.extend_from_slice(text.as_bytes());
            return;
        }
        self.bytes.push(b'"');
        for &byte in text.as_bytes() {
            if byte == b'"' {
                self.bytes.push(b'"');
            }
            self.bytes.push(byte);
        }
        self.bytes.push(b'"');
    }

    /// Scores and stages, each a cell, written through a buffer on the
    /// stack from a table of every number's cell: a million rows have ten
    /// of them each, too short for a copy of their own.
    fn numbers(&mut self, values: &[Option<u8>]) {
        let mut cells = [0u8; 128];
        let mut at = 0;
        // The first cell of a line has no comma before it.
        let mut from = usize::from(self.fields == 0);
        for &value in values {
            if at + 4 > cells.len() {
                self.bytes.extend_from_slice(&cells[from..at]);
                (at, from) = (0, 0);
            }
            let (cell, length) = match value {
                Some(value) => NUMBER_CELLS[usize::from(value)],
                None => (*b",   ", 1),
            };
            cells[at..at + 4].copy_from_slice(&cell);
            at += usize::from(length);
        }
        self.fields += values.len();
        self.bytes.extend_from_slice(&cells[from.min(at)..at]);
    }

    /// The source cell: `text`, then `:line` where there is one. The
    /// cell of `text:` is made once for each text in turn.
    fn source(&mut self, text: &str, line: Option<u64>, made: &mut SourceCell) {
        let Some(line) = line else {
            self.text(&neutralise(text));
            return;
        };
        if made.cell.is_empty() || made.text != text {
            made.text.clear();
            made.text.push_str(text);
            let cell = cell_of(&format!("{text}:"));
            // A quoted cell ends with its closing quote; the line number
            // goes before it.
            made.quoted = cell.last() == Some(&b'"');
            made.cell = cell;
        }
        self.separate();
        let before_quote = made.cell.len() - usize::from(made.quoted);
        self.bytes.extend_from_slice(&made.cell[..before_quote]);
        let mut digits = [0u8; 20];
        let mut start = digits.len();
        let mut rest = line;
        loop {
            start -= 1;
            digits[start] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        self.bytes.extend_from_slice(&digits[start..]);
        if made.quoted {
            self.bytes.push(b'"');
        }
    }

    /// A cell made before, as it is.
    fn cell(&mut self, cell: &[u8]) {
        self.separate();
        self.bytes.extend_from_slice(cell);
    }

    /// Starts a line after `fields` cells written elsewhere.
    fn start_after(&mut self, fields: usize) {
        self.bytes.clear();
        self.fields = fields;
    }

    /// The line with its end.
    fn ended(&mut self) -> &[u8] {
        self.bytes.push(b'\n');
        &self.bytes
    }

    /// Writes the row with its line end, and starts the next.
    #[cfg(test)]
    fn end(&mut self, out: &mut dyn Write) -> std::io::Result<()> {
        out.write_all(self.ended())?;
        self.start_after(0);
        Ok(())
    }
}

/// Each number from 0 to 255 as a cell after its comma, and its length.
const NUMBER_CELLS: [([u8; 4], u8); 256] = number_cells();

const fn number_cells() -> [([u8; 4], u8); 256] {
    let mut cells = [([0u8; 4], 0u8); 256];
    let mut value = 0;
    while value < 256 {
        let mut cell = *b",   ";
        let mut length = 1;
        if value >= 100 {
            cell[length] = b'0' + (value / 100) as u8;
            length += 1;
        }
        if value >= 10 {
            cell[length] = b'0' + (value / 10 % 10) as u8;
            length += 1;
        }
        cell[length] = b'0' + (value % 10) as u8;
        length += 1;
        cells[value] = (cell, length as u8);
        value += 1;
    }
    cells
}

/// The cell of a source's text before its line number, kept while rows
/// come from one file.
#[derive(Default)]
struct SourceCell {
    text: String,
    cell: Vec<u8>,
    quoted: bool,
}

/// A text as one cell, made safe and quoted once.
fn cell_of(text: &str) -> Vec<u8> {
    let mut line = Line::default();
    line.text(&neutralise(text));
    line.bytes
}

/// The lines of a scores table, one respondent each: written by the
/// exporter, and while reading where the rows are spooled. A row is its
/// head (the respondent's cell) and its tail (the rest, from the comma
/// after it): a row read on another thread may get its respondent's name
/// only later.
pub struct CsvRows<'b> {
    bank: &'b Bank,
    /// Each stage level's name as a cell (none for level 0).
    stage_names: Vec<Vec<u8>>,
    /// Each pillar's id as a cell.
    focus: Vec<Vec<u8>>,
    source: SourceCell,
    line: Line,
}

impl<'b> CsvRows<'b> {
    pub fn new(bank: &'b Bank, lang: Lang) -> CsvRows<'b> {
        let stage_names = (0..=bank.stage_count())
            .map(|level| cell_of(bank.stage(level).map_or("", |stage| stage.name.get(lang))))
            .collect();
        let focus = bank
            .pillars
            .iter()
            .map(|pillar| cell_of(&pillar.id))
            .collect();
        CsvRows {
            bank,
            stage_names,
            focus,
            source: SourceCell::default(),
            line: Line::default(),
        }
    }

    /// The header line.
    pub fn header(&mut self) -> &[u8] {
        self.line.start_after(0);
        self.line.text("respondent");
        self.line.text("source");
        for pillar in &self.bank.pillars {
            self.line.text(&format!("{}_score", pillar.id));
            self.line.text(&format!("{}_stage", pillar.id));
        }
        for name in ["score", "stage", "stage_name", "focus"] {
            self.line.text(name);
        }
        self.line.ended()
    }

    /// A respondent's whole line; its source is `source`, then
    /// `:line` where there is one.
    pub fn row(
        &mut self,
        respondent: &str,
        source: &str,
        line: Option<u64>,
        scores: &RowScores,
    ) -> &[u8] {
        self.line.start_after(0);
        self.line.text(&neutralise(respondent));
        self.tail_cells(source, line, scores);
        self.line.ended()
    }

    /// The respondent's cell, with nothing after it.
    pub fn head(&mut self, respondent: &str) -> &[u8] {
        self.line.start_after(0);
        self.line.text(&neutralise(respondent));
        &self.line.bytes
    }

    /// The rest of a respondent's line, from the comma after the name.
    pub fn tail(&mut self, source: &str, line: Option<u64>, scores: &RowScores) -> &[u8] {
        self.line.start_after(1);
        self.tail_cells(source, line, scores);
        self.line.ended()
    }

    fn tail_cells(&mut self, source: &str, source_line: Option<u64>, a: &RowScores) {
        let line = &mut self.line;
        line.source(source, source_line, &mut self.source);
        let mut numbers = [None; 2 * MAX_PILLARS + 2];
        let mut count = 0;
        for ((score, stage), pair) in a.pillars().zip(numbers.chunks_exact_mut(2)) {
            pair.copy_from_slice(&[score, stage]);
            count += 2;
        }
        for (slot, value) in numbers[count..].iter_mut().zip([a.score, a.stage]) {
            *slot = value;
            count += 1;
        }
        line.numbers(&numbers[..count]);
        let name = a
            .stage
            .and_then(|level| self.stage_names.get(usize::from(level)));
        line.cell(name.map_or(&[][..], Vec::as_slice));
        let focus = a.focus.and_then(|n| self.focus.get(n));
        line.cell(focus.map_or(&[][..], Vec::as_slice));
    }
}

fn number(value: Option<u8>) -> String {
    value.map_or(String::new(), |v| v.to_string())
}

impl<'a> Writes<ScoresDocument<'a>> for CsvExporter {
    const AS_GIVEN: bool = true;

    fn write(&self, report: &ScoresDocument<'a>, lang: Lang, out: &mut dyn Write) -> Result<()> {
        let bank = report.bank;
        match (report.has_rows(), report.summary) {
            (true, None) => {
                // Row by row into one line: a million rows allocate
                // nothing, and numbers need no quoting.
                let mut rows = CsvRows::new(bank, lang);
                out.write_all(rows.header())?;
                if let Some(spooled) = report.spooled {
                    return spooled.copy_to(out);
                }
                report.each_row(&mut |scored, _| {
                    let scores = RowScores::of(&scored.assessment);
                    let row = rows.row(&scored.respondent, &scored.source, None, &scores);
                    Ok(out.write_all(row)?)
                })
            }
            (false, Some(summary)) => {
                let mut writer = csv::Writer::from_writer(out);
                writer.write_record([
                    "pillar",
                    "respondents",
                    "mean",
                    "min",
                    "max",
                    "spread",
                    "team_score",
                    "team_stage",
                ])?;
                let row =
                    |id: &str, stats: Option<&ScoreStats>, score: Option<u8>, stage: Option<u8>| {
                        let mut row = vec![id.to_string()];
                        match stats {
                            Some(s) => row.extend([
                                s.count.to_string(),
                                format!("{:.2}", s.mean),
                                s.min.to_string(),
                                s.max.to_string(),
                                format!("{:.2}", s.spread),
                            ]),
                            None => row.extend([
                                "0".to_string(),
                                String::new(),
                                String::new(),
                                String::new(),
                                String::new(),
                            ]),
                        }
                        row.push(number(score));
                        row.push(number(stage));
                        row
                    };
                for (n, pillar) in bank.pillars.iter().enumerate() {
                    let team = &summary.team.pillars[n];
                    writer.write_record(row(
                        &pillar.id,
                        summary.pillars[n].as_ref(),
                        team.score,
                        team.stage,
                    ))?;
                }
                writer.write_record(row(
                    "overall",
                    summary.overall.as_ref(),
                    summary.team.score,
                    summary.team.stage,
                ))?;
                writer.flush()?;
                Ok(())
            }
            _ => Err(crate::messages::Localized::new("csv-one-table", &[]).into()),
        }
    }
}

impl<'a> Writes<ComparisonDocument<'a>> for CsvExporter {
    const AS_GIVEN: bool = true;

    fn write(
        &self,
        report: &ComparisonDocument<'a>,
        _lang: Lang,
        out: &mut dyn Write,
    ) -> Result<()> {
        let mut writer = csv::Writer::from_writer(out);
        writer.write_record([
            "pillar",
            "old_score",
            "old_stage",
            "new_score",
            "new_stage",
            "change",
            "stage_change",
        ])?;
        let c = report.comparison;
        let ids = report
            .bank
            .pillars
            .iter()
            .map(|p| p.id.as_str())
            .chain(["overall"]);
        for (id, change) in ids.zip(c.pillars.iter().chain([&c.overall])) {
            writer.write_record([
                id.to_string(),
                number(change.old_score),
                number(change.old_stage),
                number(change.new_score),
                number(change.new_stage),
                change.delta().map_or(String::new(), |d| d.to_string()),
                change
                    .stage_delta()
                    .map_or(String::new(), |d| d.to_string()),
            ])?;
        }
        writer.flush()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::Strategy;

    #[test]
    fn every_number_is_written_as_display_writes_it() {
        let mut line = Line::default();
        line.text("x");
        // More cells than one buffer holds, and no number.
        let values: Vec<Option<u8>> = (0..=u8::MAX).map(Some).chain([None]).collect();
        line.numbers(&values);
        let mut expected: Vec<String> = (0..=u8::MAX).map(|n| n.to_string()).collect();
        expected.insert(0, "x".to_string());
        expected.push(String::new());
        assert_eq!(line.bytes, expected.join(",").as_bytes());
    }

    #[test]
    fn formula_like_cells_are_neutralised() {
        assert_eq!(
            neutralise("=HYPERLINK(\"http://x\")"),
            "'=HYPERLINK(\"http://x\")"
        );
        for start in ["+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert!(neutralise(start).starts_with('\''), "{start:?}");
        }
        assert_eq!(neutralise("An Peeters"), "An Peeters");
    }

    proptest::proptest! {
        /// A source told as a file and a line is the cell of the text
        /// `file:line`, from file to file (each made once) and back.
        #[test]
        fn a_source_with_its_line_is_the_cell_of_its_text(
            sources in proptest::collection::vec(
                ("[a,\"\r\n=+é ]{0,5}", proptest::num::u64::ANY),
                1..6,
            ),
        ) {
            let bank = crate::testing::tiny_bank();
            let scores = crate::model::scoring::row_scores(
                &bank,
                &crate::model::answers::Responses::empty(&bank),
            );
            let mut rows = CsvRows::new(&bank, Lang::EN);
            let mut whole = CsvRows::new(&bank, Lang::EN);
            for (file, line) in sources.iter().chain(&sources) {
                let text = format!("{file}:{line}");
                proptest::prop_assert_eq!(
                    rows.row("r", file, Some(*line), &scores).to_vec(),
                    whole.row("r", &text, None, &scores).to_vec()
                );
            }
        }

        /// Any texts and numbers make the line csv's writer makes of them.
        #[test]
        fn a_line_is_what_the_csv_writer_writes(
            fields in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::option::of(proptest::num::u8::ANY).prop_map(Err),
                    "[a,\"\r\n ;=é\t]{0,6}".prop_map(Ok),
                ],
                1..8,
            ),
        ) {
            let mut line = Line::default();
            let mut expected = csv::Writer::from_writer(Vec::new());
            for field in &fields {
                match field {
                    Ok(text) => {
                        line.text(text);
                        expected.write_field(text)?;
                    }
                    Err(number) => {
                        line.numbers(&[*number]);
                        expected.write_field(number.map_or(String::new(), |n| n.to_string()))?;
                    }
                }
            }
            expected.write_record(None::<&[u8]>)?;
            let mut written = Vec::new();
            line.end(&mut written)?;
            // csv quotes a record of one empty field; a row has fourteen.
            if fields.len() > 1 || written != b"\n" {
                proptest::prop_assert_eq!(written, expected.into_inner()?);
            }
        }
    }
}

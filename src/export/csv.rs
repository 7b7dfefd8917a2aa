//! CSV: one header row, one row per respondent (or per pillar for the
//! summary), ids and numbers for scripts and spreadsheets.

use super::Writes;
use crate::documents::{ComparisonDocument, ScoresDocument};
use crate::lang::Lang;
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

/// A score or stage in decimal digits, written without the formatting
/// machinery: there is one for every cell of a million rows.
fn digits(value: u8, buffer: &mut [u8; 3]) -> &[u8] {
    let (mut rest, mut at) = (value, buffer.len());
    while at > 0 {
        at -= 1;
        buffer[at] = b'0' + rest % 10;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    &buffer[at..]
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

    fn number(&mut self, value: Option<u8>) {
        self.separate();
        if let Some(value) = value {
            self.bytes.extend_from_slice(digits(value, &mut [0; 3]));
        }
    }

    /// Writes the row with its line end, and starts the next.
    fn end(&mut self, out: &mut dyn Write) -> std::io::Result<()> {
        self.bytes.push(b'\n');
        out.write_all(&self.bytes)?;
        self.bytes.clear();
        self.fields = 0;
        Ok(())
    }
}

fn number(value: Option<u8>) -> String {
    value.map_or(String::new(), |v| v.to_string())
}

impl<'a> Writes<ScoresDocument<'a>> for CsvExporter {
    fn write(&self, report: &ScoresDocument<'a>, lang: Lang, out: &mut dyn Write) -> Result<()> {
        let bank = report.bank;
        match (report.has_rows(), report.summary) {
            (true, None) => {
                // Row by row into one line: a million rows allocate
                // nothing, and numbers need no quoting.
                let mut line = Line::default();
                line.text("respondent");
                line.text("source");
                for pillar in &bank.pillars {
                    line.text(&format!("{}_score", pillar.id));
                    line.text(&format!("{}_stage", pillar.id));
                }
                for name in ["score", "stage", "stage_name", "focus"] {
                    line.text(name);
                }
                line.end(out)?;
                report.each_row(&mut |scored, _| {
                    let a = &scored.assessment;
                    line.text(&neutralise(&scored.respondent));
                    line.text(&neutralise(&scored.source));
                    for pillar in &a.pillars {
                        line.number(pillar.score);
                        line.number(pillar.stage);
                    }
                    line.number(a.score);
                    line.number(a.stage);
                    let name = a
                        .stage
                        .and_then(|level| bank.stage(level))
                        .map_or("", |s| s.name.get(lang));
                    line.text(&neutralise(name));
                    line.text(a.focus.map_or("", |n| bank.pillars[n].id.as_str()));
                    Ok(line.end(out)?)
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
    fn digits_are_every_number_as_written() {
        let mut buffer = [0u8; 3];
        for value in 0..=u8::MAX {
            assert_eq!(digits(value, &mut buffer), value.to_string().as_bytes());
        }
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
                        line.number(*number);
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

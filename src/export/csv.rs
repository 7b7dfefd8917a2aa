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

fn number(value: Option<u8>) -> String {
    value.map_or(String::new(), |v| v.to_string())
}

impl<'a> Writes<ScoresDocument<'a>> for CsvExporter {
    fn write(&self, report: &ScoresDocument<'a>, lang: Lang, out: &mut dyn Write) -> Result<()> {
        let bank = report.bank;
        let mut writer = csv::Writer::from_writer(out);
        match (report.has_rows(), report.summary) {
            (true, None) => {
                let mut header = vec!["respondent".to_string(), "source".to_string()];
                for pillar in &bank.pillars {
                    header.push(format!("{}_score", pillar.id));
                    header.push(format!("{}_stage", pillar.id));
                }
                header.extend(["score", "stage", "stage_name", "focus"].map(str::to_string));
                writer.write_record(&header)?;
                // Field by field: a million rows allocate nothing.
                let mut buffer = [0u8; 3];
                let mut number = |writer: &mut csv::Writer<_>, value: Option<u8>| match value {
                    Some(value) => writer.write_field(digits(value, &mut buffer)),
                    None => writer.write_field(""),
                };
                report.each_row(&mut |scored, _| {
                    let a = &scored.assessment;
                    writer.write_field(&*neutralise(&scored.respondent))?;
                    writer.write_field(&*neutralise(&scored.source))?;
                    for pillar in &a.pillars {
                        number(&mut writer, pillar.score)?;
                        number(&mut writer, pillar.stage)?;
                    }
                    number(&mut writer, a.score)?;
                    number(&mut writer, a.stage)?;
                    let name = a
                        .stage
                        .and_then(|level| bank.stage(level))
                        .map_or("", |s| s.name.get(lang));
                    writer.write_field(&*neutralise(name))?;
                    writer.write_field(a.focus.map_or("", |n| bank.pillars[n].id.as_str()))?;
                    writer.write_record(None::<&[u8]>)?;
                    Ok(())
                })?;
            }
            (false, Some(summary)) => {
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
            }
            _ => return Err(crate::messages::Localized::new("csv-one-table", &[]).into()),
        }
        writer.flush()?;
        Ok(())
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
}

//! One respondent's answers as read from any source, with what was wrong.

use crate::input::matching::valid_answers;
use crate::input::sources::Before;
use crate::lang::Lang;
use crate::messages::{Localized, say_in};
use crate::model::answers::Responses;
use crate::model::bank::Bank;
use crate::model::score_table::Combination;
use crate::model::scoring::{self, RowScores};
use crate::model::team::Footprint;
use crate::visible::quoted;
use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

/// Where a respondent's answers came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub file: Arc<str>,
    /// The line in a CSV file or the row in a spreadsheet.
    pub line: Option<u64>,
    /// The row among a table's data rows, counted from 1: an unnamed
    /// respondent is called by it.
    pub row: Option<u64>,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}", self.file),
            None => write!(f, "{}", self.file),
        }
    }
}

/// An answer that matches nothing its question accepts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadAnswer {
    pub question: usize,
    /// The answer as given; `None` for a list or mapping, which is no
    /// answer at all.
    pub value: Option<String>,
    /// Where in the source, after its line: a table's column, a YAML
    /// file's line and column.
    pub at: Option<At>,
}

/// Where an answer sits in its source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum At {
    /// A table's column, counted from 0: shown as `, column F`.
    Column(usize),
    /// A line and column of a YAML file: shown as `:7:21`.
    Position { line: usize, column: usize },
}

impl At {
    fn in_lang(self, lang: Lang) -> String {
        match self {
            At::Column(column) => {
                let letter = column_letter(column);
                format!(", {}", say_in(lang, "column", &[("column", &letter)]))
            }
            At::Position { line, column } => format!(":{line}:{column}"),
        }
    }
}

/// A respondent's name, kept as the bytes of its text. A name cut from a
/// table's row, which was checked as UTF-8 when it was read, is not
/// checked again where only its bytes are wanted: a team summary hashes
/// them to find second submissions.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Name(Vec<u8>);

impl Name {
    /// The name as text. A name set from text or from a table's cell is
    /// UTF-8; any other byte would show as U+FFFD, never be dropped.
    pub fn text(&self) -> Cow<'_, str> {
        String::from_utf8_lossy(&self.0)
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    pub fn set(&mut self, text: &str) {
        self.set_cell(text.as_bytes());
    }

    /// Sets the name to a cell of a table's row, as rows give them: UTF-8.
    pub fn set_cell(&mut self, cell: &[u8]) {
        self.0.clear();
        self.0.extend_from_slice(cell);
    }

    pub fn into_string(self) -> String {
        String::from_utf8(self.0)
            .unwrap_or_else(|err| String::from_utf8_lossy(err.as_bytes()).into_owned())
    }
}

impl From<String> for Name {
    fn from(text: String) -> Name {
        Name(text.into_bytes())
    }
}

impl fmt::Debug for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.text(), f)
    }
}

/// One respondent as read.
#[derive(Clone, Debug)]
pub struct Record {
    pub respondent: Name,
    /// Whether `respondent` came from a name or e-mail column of a table,
    /// where the same person twice is a second submission.
    pub named: bool,
    pub place: Place,
    pub responses: Responses,
    /// Where a table's row was read straight into a combination of the
    /// bank's score table (for a sink that takes scores only): the answers
    /// as that, and `responses` is empty.
    pub combination: Option<Combination>,
    pub bad: Vec<BadAnswer>,
    /// Questions with an empty answer.
    pub missing: Vec<usize>,
}

impl Record {
    /// A record with no answers, to fill in.
    pub fn new(bank: &Bank, file: Arc<str>) -> Record {
        Record {
            respondent: Name::default(),
            named: false,
            place: Place {
                file,
                line: None,
                row: None,
            },
            responses: Responses::empty(bank),
            combination: None,
            bad: Vec::new(),
            missing: Vec::new(),
        }
    }

    /// Takes in a row read straight into a combination: no answer to note,
    /// none missing, none wrong.
    pub fn read_straight(&mut self, answers: Combination) {
        self.responses.clear();
        self.combination = Some(answers);
        self.bad.clear();
        self.missing.clear();
    }

    /// The respondent's scores, as a row shows them.
    pub fn row_scores(&self, bank: &Bank) -> RowScores {
        match (&self.combination, bank.score_table()) {
            (Some(answers), Some(table)) => scoring::row_scores_of(bank, table, answers),
            _ => scoring::row_scores(bank, &self.responses),
        }
    }

    /// What a team summary takes in of the respondent.
    pub fn footprint(&self, bank: &Bank) -> Footprint {
        match (&self.combination, bank.score_table()) {
            (Some(answers), Some(table)) => scoring::footprint_of(bank, table, answers),
            _ => scoring::footprint(bank, &self.responses),
        }
    }

    /// The name of a table's respondent that has none: its file and row.
    pub fn unnamed(file: &str, row: u64) -> String {
        format!("{file} row {row}")
    }

    /// Moves a record of a later stretch of a table, whose rows were
    /// counted from 0, after the rows (and lines) read before it.
    pub fn shift(&mut self, before: Before) {
        if let Some(line) = &mut self.place.line {
            *line += before.lines;
        }
        if let Some(row) = &mut self.place.row {
            *row += before.rows;
            if !self.named {
                self.respondent
                    .set(&Record::unnamed(&self.place.file, *row));
            }
        }
    }

    /// A message for each bad answer, naming the place, the value and the
    /// valid choices.
    pub fn bad_answer_messages(&self, bank: &Bank, lang: Lang) -> Vec<String> {
        self.bad
            .iter()
            .map(|bad| {
                let value = match &bad.value {
                    Some(value) => quoted(value),
                    None => say_in(lang, "not-a-single-answer", &[]),
                };
                let place = format!(
                    "{}{}",
                    self.place,
                    bad.at.map(|at| at.in_lang(lang)).unwrap_or_default()
                );
                say_in(
                    lang,
                    "bad-answer",
                    &[
                        ("place", &place),
                        ("question", &bank.questions[bad.question].id),
                        ("value", &value),
                        ("valid", &valid_answers(bank, bad.question, lang)),
                    ],
                )
            })
            .collect()
    }

    pub fn missing_message(&self, bank: &Bank, lang: Lang) -> Option<String> {
        if self.missing.is_empty() {
            return None;
        }
        let ids: Vec<&str> = self
            .missing
            .iter()
            .map(|&q| bank.questions[q].id.as_str())
            .collect();
        let message = Localized::new(
            "missing-answers",
            &[
                ("place", &self.place.to_string()),
                ("respondent", &quoted(&self.respondent.text())),
                ("questions", &ids.join(", ")),
            ],
        )
        .count("count", ids.len());
        Some(message.in_lang(lang))
    }
}

/// The spreadsheet name of a 0-based column: A, B, ..., Z, AA, AB, ...
pub fn column_letter(mut column: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (column % 26) as u8);
        if column < 26 {
            break;
        }
        column = column / 26 - 1;
    }
    letters.reverse();
    String::from_utf8_lossy(&letters).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_follow_spreadsheets() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }
}

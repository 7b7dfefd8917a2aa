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

use crate::input::matching::{
    AnswerMatcher, HeaderMatcher, Matchers, Resolved, fold, respondent_rank, trimmed,
};
use crate::input::record::{At, BadAnswer, Record, column_letter};
use crate::input::straight::Straight;
use crate::messages::Localized;
use crate::model::answers::{Code, NO_ANSWER};
use crate::model::bank::Bank;
use anyhow::Result;

use std::sync::Arc;

/// The largest header scan: a question header row is among the first rows.
const HEADER_ROWS_SCANNED: usize = 3;
/// What a table held besides its respondents.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TableInfo {
    /// Headers of the columns that are not questions or the respondent.
    pub ignored: Vec<String>,
    /// Questions with no column at all.
    pub missing_columns: Vec<usize>,
    /// Ignored headers that come close to a question: the header and the
    /// question, for a "did you mean".
    pub near: Vec<(String, usize)>,
    /// Rows the export itself marks as unfinished (Qualtrics `Finished` is
    /// false, LimeSurvey's `submitdate` is empty): skipped, counted here.
    pub partial: u64,
    /// The places in `--map` of the entries whose column is in the table.
    pub mapped: Vec<usize>,
}

/// The cells of one row, in UTF-8.
pub(super) trait Cells {
    fn cell(&self, index: usize) -> &str;
    /// Every cell's bytes, from the first column on: most answers are told
    /// from one byte, without a look at the text.
    fn cells(&self) -> impl Iterator<Item = &[u8]>;
    /// The row as the line it was written on, and its delimiter, where its
    /// cells are that line split at the delimiter (no cell is quoted).
    fn line(&self) -> Option<(&[u8], u8)> {
        None
    }
}

impl<T: Cells> Cells for &T {
    fn cell(&self, index: usize) -> &str {
        (**self).cell(index)
    }
    fn cells(&self) -> impl Iterator<Item = &[u8]> {
        (**self).cells()
    }
    fn line(&self) -> Option<(&[u8], u8)> {
        (**self).line()
    }
}

impl Cells for Vec<String> {
    fn cell(&self, index: usize) -> &str {
        self.get(index).map_or("", String::as_str)
    }
    fn cells(&self) -> impl Iterator<Item = &[u8]> {
        self.iter().map(String::as_bytes)
    }
}

/// Which column holds what.
#[derive(Clone)]
struct Columns {
    /// (column, question) pairs.
    questions: Vec<(usize, usize)>,
    /// What each column up to the last question or respondent column
    /// holds, so that a row is read in one pass.
    roles: Vec<Role>,
    /// The column that says whether a response was finished, and how.
    completion: Option<(usize, Completion)>,
    info: TableInfo,
}

/// What a column of a table holds, as far as its respondents go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Role {
    /// The answers to the question at this position.
    Question(usize),
    Respondent,
    Ignored,
}

/// How an export marks a response as finished.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Completion {
    /// Qualtrics: `Finished` is `True`/`1` or `False`/`0`.
    Finished,
    /// LimeSurvey: `submitdate` holds the time it was sent, empty if not.
    Submitted,
}

impl Completion {
    /// The completion column a header names, if any.
    fn of(header: &str) -> Option<Completion> {
        match fold(header).as_str() {
            "finished" => Some(Completion::Finished),
            "submitdate" | "date submitted" | "datum verstuurd" => Some(Completion::Submitted),
            _ => None,
        }
    }

    /// Whether a row's cell says the response was not finished.
    fn partial(self, cell: &str) -> bool {
        match self {
            Completion::Finished => {
                matches!(fold(cell).as_str(), "false" | "0" | "no" | "onwaar" | "nee")
            }
            Completion::Submitted => cell.trim().is_empty(),
        }
    }
}

impl Columns {
    /// Whether the export marks this row as unfinished.
    fn partial(&self, row: &impl Cells) -> bool {
        self.completion
            .is_some_and(|(column, completion)| completion.partial(row.cell(column)))
    }
}

/// Rows one after another, the current one borrowed from the reader.
pub(super) trait RowSource {
    type Row<'r>: Cells + ToOwnedRow
    where
        Self: 'r;
    /// Moves to the next row and gives its line (or spreadsheet row).
    fn advance(&mut self) -> Result<Option<u64>>;
    fn row(&self) -> Self::Row<'_>;
}

/// The shared part: find the header, then turn each data row into a record
/// (`Table::scores_only` where `scores_only`).
pub(super) fn read_rows(
    source: &mut impl RowSource,
    file: &Arc<str>,
    bank: &Bank,
    matchers: &Matchers,
    scores_only: bool,
    on_record: &mut dyn FnMut(&mut Record),
) -> Result<TableInfo> {
    let mut table = Table::find(source, file, bank, matchers, on_record)?;
    if scores_only {
        table.scores_only();
    }
    table.rest(source, on_record)?;
    table.finish()
}

/// A table whose header is known: turns its data rows into records, and
/// counts them.
pub(super) struct Table<'a> {
    columns: Columns,
    matchers: &'a Matchers,
    bank: &'a Bank,
    file: Arc<str>,
    /// The record each row is read into, lent to `on_record`.
    record: Record,
    /// Set where only scores are wanted (`Table::scores_only`).
    straight: Option<Straight<'a>>,
    /// Data rows read: respondents, unfinished and empty rows.
    data_rows: u64,
    respondents: u64,
    partial: u64,
}

impl<'a> Table<'a> {
    /// Reads the header rows, and hands on the data rows read with them.
    pub(super) fn find(
        source: &mut impl RowSource,
        file: &Arc<str>,
        bank: &'a Bank,
        matchers: &'a Matchers,
        on_record: &mut dyn FnMut(&mut Record),
    ) -> Result<Table<'a>> {
        let (headers, answers) = (&matchers.headers, &matchers.answers);
        let mut first: Vec<(u64, Vec<String>)> = Vec::new();
        while first.len() < HEADER_ROWS_SCANNED {
            match source.advance()? {
                Some(line) => first.push((line, source.row().to_owned_row())),
                None => break,
            }
        }
        if first.is_empty() {
            return Err(Localized::new("survey-empty", &[("file", &**file)]).into());
        }
        let Some(header_at) = header_row(&first, headers) else {
            return Err(no_question_columns(&first, file, bank));
        };
        let columns = columns(&first[header_at].1, headers, bank, file)?;
        let mut rows = first.into_iter().skip(header_at + 1).peekable();
        // Extra header rows right after the header (SurveyMonkey, Qualtrics).
        while let Some((_, row)) = rows.peek() {
            if !is_header_like(row, &columns, headers, answers) {
                break;
            }
            rows.next();
        }
        let mut table = Table {
            columns,
            matchers,
            bank,
            file: file.clone(),
            record: Record::new(bank, file.clone()),
            straight: None,
            data_rows: 0,
            respondents: 0,
            partial: 0,
        };
        for (line, row) in rows {
            table.take(&row, line, on_record);
        }
        Ok(table)
    }

    /// From here on, hands on records whose answers may have been read
    /// straight into a combination (`Record::combination`) where the bank
    /// scores by look-up: for a sink that takes scores only.
    pub(super) fn scores_only(&mut self) {
        if !self.columns.info.missing_columns.is_empty() {
            // Each row then lacks answers: the full reading says which.
            return;
        }
        self.straight = Straight::new(&self.columns.roles, self.bank, self.matchers);
    }

    /// Turns one data row into a record, unless it is unfinished or empty.
    fn take(&mut self, row: &impl Cells, line: u64, on_record: &mut dyn FnMut(&mut Record)) {
        self.data_rows += 1;
        if self.columns.partial(row) {
            self.partial += 1;
            return;
        }
        let straight = self
            .straight
            .as_ref()
            .zip(row.line())
            .and_then(|(straight, (text, delimiter))| straight.read(text, delimiter));
        let respondent = match straight {
            Some((answers, name)) => {
                self.record.read_straight(answers);
                name_record(&mut self.record, name, line, self.data_rows);
                true
            }
            None => fill_record(
                row,
                line,
                self.data_rows,
                &self.columns,
                &self.matchers.answers,
                &mut self.record,
            ),
        };
        if respondent {
            self.respondents += 1;
            on_record(&mut self.record);
        }
    }

    /// Reads the rows that are left.
    pub(super) fn rest(
        &mut self,
        source: &mut impl RowSource,
        on_record: &mut dyn FnMut(&mut Record),
    ) -> Result<()> {
        while let Some(line) = source.advance()? {
            self.take(&source.row(), line, on_record);
        }
        Ok(())
    }

    /// Reads the rows that are left until `stop` is set: whether they ran
    /// out first.
    pub(super) fn rest_until(
        &mut self,
        source: &mut impl RowSource,
        stop: &std::sync::atomic::AtomicBool,
        on_record: &mut dyn FnMut(&mut Record),
    ) -> Result<bool> {
        while !stop.load(std::sync::atomic::Ordering::Relaxed) {
            match source.advance()? {
                Some(line) => self.take(&source.row(), line, on_record),
                None => return Ok(true),
            }
        }
        Ok(false)
    }

    pub(super) fn file(&self) -> &Arc<str> {
        &self.file
    }

    /// The same table for a later stretch of it, read on another thread:
    /// its rows are counted from 0, and its records name `file`.
    pub(super) fn part(&self, file: Arc<str>) -> Table<'a> {
        Table {
            columns: self.columns.clone(),
            record: Record::new(self.bank, file.clone()),
            straight: self.straight.clone(),
            file,
            data_rows: 0,
            respondents: 0,
            partial: 0,
            ..*self
        }
    }

    /// The data rows read so far.
    pub(super) fn data_rows(&self) -> u64 {
        self.data_rows
    }

    /// Counts a part's rows after these.
    pub(super) fn join(&mut self, part: &Table) {
        self.data_rows += part.data_rows;
        self.respondents += part.respondents;
        self.partial += part.partial;
    }

    /// What the table held besides its respondents; an error if it held
    /// none.
    pub(super) fn finish(self) -> Result<TableInfo> {
        if self.respondents == 0 {
            let file = &*self.file;
            return Err(Localized::new("survey-no-respondents", &[("file", file)]).into());
        }
        let mut info = self.columns.info;
        info.partial = self.partial;
        Ok(info)
    }
}

/// No row among the first names a question: say what the first row holds.
fn no_question_columns(first: &[(u64, Vec<String>)], file: &str, bank: &Bank) -> anyhow::Error {
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
    let languages: Vec<String> = bank.languages().iter().map(|l| l.to_string()).collect();
    let args = [
        ("file", file),
        ("bank", bank.id.as_str()),
        (
            "example",
            bank.questions.first().map_or("", |q| q.id.as_str()),
        ),
        ("languages", &languages.join(", ")),
        ("found", &found.join(", ")),
    ];
    Localized::new("no-question-columns", &args)
        .count("count", found.len())
        .into()
}

/// Copies a row out of a reader's buffer.
pub(super) trait ToOwnedRow {
    fn to_owned_row(&self) -> Vec<String>;
}

impl<T: ToOwnedRow> ToOwnedRow for &T {
    fn to_owned_row(&self) -> Vec<String> {
        (**self).to_owned_row()
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
    let completion = header
        .iter()
        .enumerate()
        .find_map(|(column, title)| Some((column, Completion::of(title)?)));
    for (column, title) in header.iter().enumerate() {
        if let Some(question) = headers.question(title) {
            if let Some(&(earlier, _)) = questions.iter().find(|(_, q)| *q == question) {
                let (first, second) = (column_letter(earlier), column_letter(column));
                let mut args = vec![
                    ("file", file),
                    ("first", first.as_str()),
                    ("second", second.as_str()),
                    ("question", bank.questions[question].id.as_str()),
                ];
                // A column that holds it through `--map`: the map is to fix.
                let mapped = [(column, &second), (earlier, &first)]
                    .into_iter()
                    .find_map(|(at, letter)| Some((letter, headers.map_shown(&header[at])?)));
                let key = match mapped {
                    Some((letter, map)) => {
                        args.extend([("mapped", letter.as_str()), ("map", map)]);
                        "question-twice-mapped"
                    }
                    None => "question-twice",
                };
                return Err(Localized::new(key, &args).into());
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
    let near = ignored
        .iter()
        .filter_map(|title| Some((title.clone(), headers.nearest(title)?)))
        .filter(|(_, question)| !questions.iter().any(|(_, q)| q == question))
        .collect();
    let mapped = header
        .iter()
        .filter_map(|title| headers.map_entry(title))
        .collect();
    let missing_columns = (0..bank.questions.len())
        .filter(|q| !questions.iter().any(|(_, question)| question == q))
        .collect();
    let respondent = respondent.map(|(_, column)| column);
    let mut roles = Vec::new();
    for (column, role) in questions
        .iter()
        .map(|&(column, question)| (column, Role::Question(question)))
        .chain(respondent.map(|column| (column, Role::Respondent)))
    {
        if roles.len() <= column {
            roles.resize(column + 1, Role::Ignored);
        }
        roles[column] = role;
    }
    Ok(Columns {
        questions,
        roles,
        completion,
        info: TableInfo {
            ignored,
            missing_columns,
            near,
            partial: 0,
            mapped,
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

/// Fills `record` with a row's respondent (reusing what it holds, so that
/// no row allocates), reading its cells in one pass; `false` for an empty
/// row.
fn fill_record(
    row: &impl Cells,
    line: u64,
    data_row: u64,
    columns: &Columns,
    answers: &AnswerMatcher,
    record: &mut Record,
) -> bool {
    record.responses.clear();
    record.combination = None;
    record.bad.clear();
    // A question without a column is missing for everyone.
    record.missing.clear();
    record
        .missing
        .extend_from_slice(&columns.info.missing_columns);
    let name = match row.line() {
        Some((line, delimiter)) => read_line(line, delimiter, columns, answers, record),
        None => cell_by_cell(row, columns, answers, record),
    };
    let Some(name) = name else {
        return false;
    };
    record.missing.sort_unstable();
    name_record(record, name, line, data_row);
    true
}

/// Gives `record` its respondent's name (the cell, trimmed) and place.
fn name_record(record: &mut Record, name: &[u8], line: u64, data_row: u64) {
    let name = trimmed_cell(name);
    record.named = !name.is_empty();
    if record.named {
        record.respondent.set_cell(name);
    } else {
        let label = Record::unnamed(&record.place.file, data_row);
        record.respondent.set(&label);
    }
    record.place.line = Some(line);
    record.place.row = Some(data_row);
}

/// Reads a row written as one line, as `cell_by_cell` reads it: the
/// respondent's name, or `None` for an empty row. A one-character answer
/// (`c`, `2`), the usual cell of a large export, is told from its byte
/// without finding the cell first.
fn read_line<'r>(
    line: &'r [u8],
    delimiter: u8,
    columns: &Columns,
    answers: &AnswerMatcher,
    record: &mut Record,
) -> Option<&'r [u8]> {
    let mut noted = Noted::new();
    let mut at = 0;
    for (column, &role) in columns.roles.iter().enumerate() {
        if let Role::Question(question) = role
            && let Some(code) = one_byte_answer(line, at, delimiter, answers, question)
        {
            record.responses.set_code(question, code);
            noted.blank = false;
            at += 2;
            continue;
        }
        // Past the line's end, a row shorter than the header has empty cells.
        let rest = line.get(at..).unwrap_or_default();
        let length = rest
            .iter()
            .position(|&byte| byte == delimiter)
            .unwrap_or(rest.len());
        noted.cell(
            role,
            column,
            rest.get(..length).unwrap_or_default(),
            answers,
            record,
        );
        at += length + 1;
    }
    let rest = line.get(at..).into_iter();
    noted.name(rest.flat_map(|rest| rest.split(move |&byte| byte == delimiter)))
}

/// The code of the answer at `at` in `line` where it is one character the
/// bank knows, followed by the delimiter, the line's end or the `\r` of a
/// CRLF.
#[inline]
fn one_byte_answer(
    line: &[u8],
    at: usize,
    delimiter: u8,
    answers: &AnswerMatcher,
    question: usize,
) -> Option<Code> {
    let byte = *line.get(at)?;
    match line.get(at + 1) {
        None => {}
        Some(&next) if next == delimiter => {}
        Some(b'\r') if at + 2 == line.len() => {}
        Some(_) => return None,
    }
    match answers.single(question, byte) {
        NO_ANSWER => None,
        code => Some(code),
    }
}

/// Reads a row cell by cell, noting every answer, missing and wrong one:
/// the respondent's name, or `None` for an empty row.
fn cell_by_cell<'r>(
    row: &'r impl Cells,
    columns: &Columns,
    answers: &AnswerMatcher,
    record: &mut Record,
) -> Option<&'r [u8]> {
    let mut noted = Noted::new();
    let mut cells = row.cells();
    for (column, &role) in columns.roles.iter().enumerate() {
        // A row shorter than the header has empty cells at its end.
        let cell = cells.next().unwrap_or_default();
        noted.cell(role, column, cell, answers, record);
    }
    noted.name(cells)
}

/// What a row's cells have told so far, besides its answers.
struct Noted<'r> {
    name: &'r [u8],
    /// No cell so far holds anything.
    blank: bool,
}

impl<'r> Noted<'r> {
    fn new() -> Noted<'r> {
        Noted {
            name: b"",
            blank: true,
        }
    }

    /// Notes the cell of the column at `column` in `record`.
    #[inline]
    fn cell(
        &mut self,
        role: Role,
        column: usize,
        cell: &'r [u8],
        answers: &AnswerMatcher,
        record: &mut Record,
    ) {
        match role {
            // An answer told at once is not blank.
            Role::Question(question) => match answers.at_once(question, cell) {
                NO_ANSWER => {
                    self.blank = self.blank && is_blank(cell);
                    resolve_into(record, answers, question, column, text(cell));
                }
                code => {
                    self.blank = false;
                    record.responses.set_code(question, code);
                }
            },
            Role::Respondent => {
                self.blank = self.blank && is_blank(cell);
                self.name = cell;
            }
            Role::Ignored => self.blank = self.blank && is_blank(cell),
        }
    }

    /// The respondent's name, given the cells after the last one noted;
    /// `None` for an empty row.
    fn name(self, mut rest: impl Iterator<Item = &'r [u8]>) -> Option<&'r [u8]> {
        if self.blank && rest.all(is_blank) {
            return None;
        }
        Some(self.name)
    }
}

/// Notes what a cell that is not a one-character answer gives.
fn resolve_into(
    record: &mut Record,
    answers: &AnswerMatcher,
    question: usize,
    column: usize,
    cell: &str,
) {
    match answers.resolve(question, cell) {
        Resolved::Answer(choice) => record.responses.set(question, Some(choice)),
        Resolved::Empty => record.missing.push(question),
        Resolved::Invalid => record.bad.push(BadAnswer {
            question,
            value: Some(cell.trim().to_string()),
            at: Some(At::Column(column)),
        }),
    }
}

/// A cell's text: `Cells` gives UTF-8, as rows are checked when read.
pub(super) fn text(cell: &[u8]) -> &str {
    std::str::from_utf8(cell).unwrap_or_default()
}

/// A cell without the white space around it, as `trimmed` gives it: told
/// from its first and last bytes where they are visible ASCII, without
/// decoding.
fn trimmed_cell(cell: &[u8]) -> &[u8] {
    match (cell.first(), cell.last()) {
        (Some(first), Some(last)) if first.is_ascii_graphic() && last.is_ascii_graphic() => cell,
        _ => trimmed(text(cell)).as_bytes(),
    }
}

/// Whether a cell holds nothing but white space.
fn is_blank(cell: &[u8]) -> bool {
    match cell.first() {
        None => true,
        // The usual case, told without decoding.
        Some(byte) if byte.is_ascii_graphic() => false,
        // `Cells` gives UTF-8: rows are checked as they are read.
        Some(_) => std::str::from_utf8(cell).is_ok_and(|text| text.trim().is_empty()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::csv_lines::RowView;
    use crate::lang::Lang;
    use crate::testing::tiny_bank;
    use proptest::prelude::*;

    /// What reading a row into a record gives: whether it is a
    /// respondent, and what the record then holds.
    fn read(row: &impl Cells, columns: &Columns, answers: &AnswerMatcher, bank: &Bank) -> String {
        let mut record = Record::new(bank, Arc::from("team.csv"));
        let respondent = fill_record(row, 7, 3, columns, answers, &mut record);
        format!(
            "{respondent} {:?} {} {:?} {:?} {:?}",
            record.respondent, record.named, record.responses, record.bad, record.missing
        )
    }

    /// The built-in bank, its matchers, and the columns of `header`.
    fn pyramid_columns(header: &[String]) -> (Bank, Matchers, Columns) {
        let bank = crate::input::bank_file::builtin().expect("the built-in bank");
        let matchers = Matchers::new(&bank, &[]);
        let columns = columns(header, &matchers.headers, &bank, "team.csv")
            .expect("the header names questions");
        (bank, matchers, columns)
    }

    /// The pillar scores and name of a line read straight.
    type Straightly = (Vec<Option<u8>>, String);

    /// A line read straight into a combination, and the same line read
    /// answer by answer: `Some` of what the straight reading gave where it
    /// took the line, after checking that the full reading agrees.
    fn straight_and_full(
        line: &str,
        delimiter: u8,
        bank: &Bank,
        matchers: &Matchers,
        columns: &Columns,
    ) -> Result<Option<Straightly>, TestCaseError> {
        let table = bank.score_table().expect("the pyramid scores by look-up");
        let straight =
            Straight::new(&columns.roles, bank, matchers).expect("the header has questions");
        let Some((answers, name)) = straight.read(line.as_bytes(), delimiter) else {
            return Ok(None);
        };
        let mut straight_scores = vec![None; bank.pillars.len()];
        table.scores_of(&answers, &mut straight_scores);
        let mut record = Record::new(bank, Arc::from("team.csv"));
        let row = RowView::Line {
            text: line.as_bytes(),
            delimiter,
        };
        let respondent = fill_record(&row, 7, 3, columns, &matchers.answers, &mut record);
        prop_assert!(respondent, "a row with answers is a respondent");
        prop_assert!(record.bad.is_empty(), "{:?}", record.bad);
        prop_assert!(record.missing.is_empty(), "{:?}", record.missing);
        let mut full_scores = vec![None; bank.pillars.len()];
        table.scores(&record.responses, &mut full_scores);
        prop_assert_eq!(&straight_scores, &full_scores);
        let mut named = Record::new(bank, Arc::from("team.csv"));
        name_record(&mut named, name, 7, 3);
        prop_assert_eq!(
            (&named.respondent, named.named),
            (&record.respondent, record.named)
        );
        Ok(Some((straight_scores, named.respondent.into_string())))
    }

    /// The cells of the built-in bank's questions that a straight reading
    /// takes: keys, numbers, "don't know" and labels as the bank writes
    /// them.
    fn written_answers(bank: &Bank, question: usize) -> Vec<String> {
        let question = &bank.questions[question];
        let mut cells: Vec<String> = question.options.iter().map(|o| o.key.clone()).collect();
        cells.extend((1..=question.options.len()).map(|n| n.to_string()));
        for lang in [Lang::NL, Lang::EN, Lang::FR] {
            cells.extend(
                question
                    .options
                    .iter()
                    .map(|o| o.label.own(lang).to_string()),
            );
            if question.dont_know {
                cells.push(bank.dont_know.own(lang).to_string());
            }
        }
        if question.dont_know {
            cells.push("dont_know".to_string());
        }
        cells
    }

    #[test]
    fn a_line_of_answers_as_the_bank_writes_them_is_read_straight() {
        let header: Vec<String> = ["note", "respondent"]
            .into_iter()
            .map(String::from)
            .chain(
                crate::input::bank_file::builtin()
                    .expect("the built-in bank")
                    .questions
                    .iter()
                    .map(|question| question.id.clone()),
            )
            .collect();
        let (bank, matchers, columns) = pyramid_columns(&header);
        let mut taken = 0;
        for delimiter in [b',', b';', b'\t'] {
            for spelling in 0..12 {
                let cells: Vec<String> = (0..bank.questions.len())
                    .map(|question| {
                        let written = written_answers(&bank, question);
                        written[(question + spelling) % written.len()].clone()
                    })
                    .collect();
                let line = format!(
                    "x{d}  Ann {d}{}",
                    cells.join(&char::from(delimiter).to_string()),
                    d = char::from(delimiter)
                );
                // A label that holds the delimiter is two cells, and one
                // that ends in a letter such as `é` is told by folding:
                // the full reading reads them.
                let split = cells.iter().enumerate().any(|(question, cell)| {
                    cell.contains(char::from(delimiter))
                        || matchers.answers.at_once(question, cell.as_bytes()) == NO_ANSWER
                });
                let read = straight_and_full(&line, delimiter, &bank, &matchers, &columns)
                    .expect("the two readings agree");
                assert_eq!(read.is_none(), split, "{line}");
                if let Some((scores, name)) = read {
                    assert_eq!(name, "Ann");
                    assert!(scores.iter().any(Option::is_some), "{line}");
                    taken += 1;
                }
            }
        }
        assert!(taken >= 12, "only {taken} lines were read straight");
        // Anything else is left to the full reading.
        let answers = |cell: &str| {
            let mut cells = vec!["a".to_string(); bank.questions.len()];
            cells[3] = cell.to_string();
            format!(",Ann,{}", cells.join(","))
        };
        for cell in ["", " a", "A", "zz", "Dont_know", "\t", "é"] {
            let read = straight_and_full(&answers(cell), b',', &bank, &matchers, &columns)
                .expect("nothing to compare");
            assert!(read.is_none(), "{cell:?} is read straight");
        }
        // A row shorter than the header lacks answers.
        let short = ",Ann,a,b";
        let read = straight_and_full(short, b',', &bank, &matchers, &columns).expect("none");
        assert!(read.is_none());
    }

    proptest! {
        /// Where a line is read straight into a combination, reading it
        /// answer by answer gives a respondent with the same scores and
        /// name, and nothing wrong or missing: keys, numbers, labels in
        /// three languages (some holding the delimiter), white space,
        /// capitals, wrong and empty cells, short and long rows, CRLF.
        #[test]
        fn a_line_read_straight_scores_as_read_answer_by_answer(
            order in Just((0..15usize).collect::<Vec<_>>()).prop_shuffle(),
            name_at in 0..17usize,
            picks in prop::collection::vec((0..40usize, 0..10u8), 17),
            length in 14..19usize,
            delimiter in prop::sample::select(vec![b',', b';', b'\t']),
            crlf in any::<bool>(),
        ) {
            let bank = crate::input::bank_file::builtin().expect("the built-in bank");
            let mut header: Vec<String> =
                order.iter().map(|&q| bank.questions[q].id.clone()).collect();
            header.insert(name_at.min(header.len()), "respondent".to_string());
            header.push("note".to_string());
            let (bank, matchers, columns) = pyramid_columns(&header);
            let odd = ["", " a ", "B", "zz", "r1", "Weet ik niet ", "\t"];
            let cells: Vec<String> = header
                .iter()
                .zip(&picks)
                .map(|(title, &(pick, oddness))| {
                    match bank.question_position(title) {
                        Some(question) if oddness > 0 => {
                            let written = written_answers(&bank, question);
                            written[pick % written.len()].clone()
                        }
                        _ => odd[pick % odd.len()].to_string(),
                    }
                })
                .take(length)
                .collect();
            let mut line = cells.join(&char::from(delimiter).to_string());
            if crlf {
                line.push('\r');
            }
            straight_and_full(&line, delimiter, &bank, &matchers, &columns)?;
        }

        /// A line read byte by byte gives the record its cells read one by
        /// one give: one-byte answers, longer ones, white space, a CRLF's
        /// `\r`, short and long rows, empty rows.
        #[test]
        fn a_line_read_at_once_is_its_cells_read_one_by_one(
            header in prop::sample::select(vec![
                vec!["respondent", "a1", "note", "b1", "b2", "a3"],
                vec!["a1", "b1", "respondent", "a3"],
                vec!["note", "a1", "a2"],
            ]),
            cells in prop::collection::vec(prop::sample::select(vec![
                "", "w", "x", "Z", " y", "y ", "2", "5", "6", "dont_know", "Weet ik niet",
                "?", "é", "\t", "An", " an ", "r1", "ww",
            ]), 0..9),
            crlf in any::<bool>(),
        ) {
            let bank = tiny_bank();
            let matchers = Matchers::new(&bank, &[]);
            let header: Vec<String> = header.iter().map(|title| title.to_string()).collect();
            let columns = columns(&header, &matchers.headers, &bank, "team.csv")
                .expect("the header names questions");
            let mut line = cells.join(",");
            if crlf {
                line.push('\r');
            }
            let by_line = RowView::Line { text: line.as_bytes(), delimiter: b',' };
            let split: Vec<String> = line.split(',').map(str::to_string).collect();
            prop_assert_eq!(
                read(&by_line, &columns, &matchers.answers, &bank),
                read(&split, &columns, &matchers.answers, &bank)
            );
        }
    }
}

//! A line of a table read straight into each pillar's number in the bank's
//! score table (a `Combination`), for a sink that takes scores only: no
//! answer is written down on the way. A line that holds anything but an
//! answer the bank knows in a question's cell (no answer, a wrong one,
//! white space around it, other capitals) is left to the reading that
//! notes every answer and says what is wrong; on every other line the two
//! give the same scores and name (the tests in `survey` compare them).

use super::matching::{AnswerMatcher, Matchers};
use super::survey::Role;
use crate::model::answers::NO_ANSWER;
use crate::model::bank::Bank;
use crate::model::score_table::{Combination, ScoreTable};

/// For each question of a bank that scores by look-up, how each answer
/// as the bank writes it moves its pillar's number: worked out once for a
/// run, and shared by the tables read.
pub struct Steps {
    questions: Vec<QuestionSteps>,
}

struct QuestionSteps {
    pillar: usize,
    /// How far each one-character answer moves the pillar's number
    /// (`NOT_ONE`: the character is no answer).
    single: [u16; 256],
    longer: Longer,
}

impl Steps {
    /// The steps of `bank`'s answers; `None` where it has no score table.
    pub fn new(bank: &Bank, answers: &AnswerMatcher) -> Option<Steps> {
        let table = bank.score_table()?;
        let questions = (0..bank.questions.len())
            .map(|question| {
                let mut single = [NOT_ONE; 256];
                for (byte, step) in (0u8..128).zip(single.iter_mut()) {
                    let code = answers.single(question, byte);
                    if code != NO_ANSWER {
                        *step = table.place(question, code).step;
                    }
                }
                QuestionSteps {
                    pillar: usize::from(table.place(question, NO_ANSWER).pillar),
                    single,
                    longer: Longer::new(question, answers, table),
                }
            })
            .collect();
        Some(Steps { questions })
    }
}

/// How each column of a table's lines is read.
#[derive(Clone)]
pub(super) struct Straight<'a> {
    columns: Vec<Column<'a>>,
    answers: &'a AnswerMatcher,
    table: &'a ScoreTable,
}

#[derive(Clone, Copy)]
enum Column<'a> {
    /// A question's cell, and the question's steps.
    Question(usize, &'a QuestionSteps),
    Respondent,
    Ignored,
}

/// In `Column::Question::single`: the character is no answer (a step is
/// below `MAX_COMBINATIONS`).
const NOT_ONE: u16 = u16::MAX;

/// A question's answers of more than one character (keys, labels,
/// `dont_know`), found by their first character: the answers starting
/// with `b` are `values[starts[b]..starts[b + 1]]`.
#[derive(Clone)]
struct Longer {
    starts: Box<[u16; 129]>,
    values: Vec<Value>,
}

#[derive(Clone)]
struct Value {
    text: Box<[u8]>,
    /// For a text of 8 to 16 bytes, its first 8 and its last 8 as
    /// numbers: compared with two loads, not a call to `memcmp` (a
    /// `dont_know` in about one cell of six of the bench's answers).
    head: u64,
    tail: u64,
    /// The ASCII characters it holds, as bits: a delimiter among them
    /// would split it.
    holds: u128,
    step: u16,
}

impl Longer {
    fn new(question: usize, answers: &AnswerMatcher, table: &ScoreTable) -> Longer {
        let mut values: Vec<Value> = answers
            .written(question)
            .map(|(text, code)| Value::new(text, table.place(question, code).step))
            .collect();
        // `written` gives values starting with an ASCII character.
        values.sort_by(|a, b| a.text.cmp(&b.text));
        let mut starts = Box::new([0u16; 129]);
        for (byte, start) in starts.iter_mut().enumerate() {
            let before = values.partition_point(|value| {
                value.text.first().map_or(0, |&first| usize::from(first)) < byte
            });
            *start = u16::try_from(before).unwrap_or(u16::MAX);
        }
        Longer { starts, values }
    }

    /// The answer `rest` starts with, as a whole cell ended by `delimiter`
    /// or the line's end: how far it moves its pillar's number, and its
    /// length.
    #[inline]
    fn find(&self, rest: &[u8], delimiter: u8) -> Option<(u16, usize)> {
        let first = usize::from(*rest.first()?);
        let start = usize::from(*self.starts.get(first)?);
        let end = usize::from(*self.starts.get(first + 1)?);
        let splits = |value: &Value| delimiter >= 128 || value.holds >> delimiter & 1 == 1;
        self.values
            .get(start..end)?
            .iter()
            .find(|value| {
                value.starts(rest)
                    && rest
                        .get(value.text.len())
                        .is_none_or(|&next| next == delimiter)
                    && !splits(value)
            })
            .map(|value| (value.step, value.text.len()))
    }
}

impl Value {
    fn new(text: &[u8], step: u16) -> Value {
        Value {
            text: text.into(),
            head: word(text, 0).unwrap_or(0),
            tail: word(text, text.len().saturating_sub(8)).unwrap_or(0),
            holds: text
                .iter()
                .filter(|byte| byte.is_ascii())
                .fold(0, |holds, byte| holds | 1 << byte),
            step,
        }
    }

    /// Whether `rest` starts with the text.
    #[inline]
    fn starts(&self, rest: &[u8]) -> bool {
        let length = self.text.len();
        if (8..=16).contains(&length)
            && let (Some(head), Some(tail)) = (word(rest, 0), word(rest, length - 8))
        {
            return head == self.head && tail == self.tail;
        }
        rest.starts_with(&self.text)
    }
}

/// The 8 bytes of `bytes` from `at` on, as a number.
#[inline]
fn word(bytes: &[u8], at: usize) -> Option<u64> {
    let word: [u8; 8] = bytes.get(at..at.checked_add(8)?)?.try_into().ok()?;
    Some(u64::from_le_bytes(word))
}

impl<'a> Straight<'a> {
    /// The reading of lines whose columns hold `roles`; `None` where no
    /// column holds a question, or the bank has no steps.
    pub(super) fn new(
        roles: &[Role],
        bank: &'a Bank,
        matchers: &'a Matchers,
    ) -> Option<Straight<'a>> {
        let (steps, table) = (matchers.steps.as_ref()?, bank.score_table()?);
        let columns = roles
            .iter()
            .map(|&role| match role {
                Role::Question(question) => steps
                    .questions
                    .get(question)
                    .map(|steps| Column::Question(question, steps)),
                Role::Respondent => Some(Column::Respondent),
                Role::Ignored => Some(Column::Ignored),
            })
            .collect::<Option<Vec<Column>>>()?;
        columns
            .iter()
            .any(|column| matches!(column, Column::Question(..)))
            .then_some(Straight {
                columns,
                answers: &matchers.answers,
                table,
            })
    }

    /// The answers of a line split at `delimiter`, and the respondent's
    /// cell (empty where there is no such column); `None` where a
    /// question's cell is not an answer as the bank writes it.
    ///
    /// A one-character answer is read in this loop and every other cell
    /// in `other`, kept out of it: inlined together, the two shared their
    /// registers, the place in the line was kept on the stack, and each
    /// cell waited for the one before it through memory.
    #[inline(never)]
    pub(super) fn read<'l>(
        &self,
        line: &'l [u8],
        delimiter: u8,
    ) -> Option<(Combination, &'l [u8])> {
        // The `\r` of a CRLF would end the last cell, where it is trimmed.
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let mut answers = Combination::default();
        let mut name: &[u8] = b"";
        let mut at = 0;
        for &column in &self.columns {
            if let Column::Question(_, steps) = column
                && let Some(step) = steps.one(line, at, delimiter)
            {
                answers.add_to(steps.pillar, step);
                at += 2;
                continue;
            }
            at = self.other(column, line, at, delimiter, &mut answers, &mut name)?;
        }
        Some((answers, name))
    }

    /// Reads the cell at `at` in any column but a question's holding a
    /// one-character answer: where the next cell starts, or `None` where a
    /// question's cell is not an answer as the bank writes it.
    #[inline(never)]
    fn other<'l>(
        &self,
        column: Column,
        line: &'l [u8],
        at: usize,
        delimiter: u8,
        answers: &mut Combination,
        name: &mut &'l [u8],
    ) -> Option<usize> {
        if let Column::Question(_, steps) = column {
            let rest = line.get(at..).unwrap_or_default();
            if let Some((step, length)) = steps.longer.find(rest, delimiter) {
                answers.add_to(steps.pillar, step);
                return Some(at + length + 1);
            }
        }
        let cell = match line.get(at..) {
            Some(rest) => rest
                .iter()
                .position(|&byte| byte == delimiter)
                .map_or(rest, |length| &rest[..length]),
            // A row shorter than the header has empty cells.
            None => b"",
        };
        match column {
            Column::Question(question, _) => {
                let code = self.answers.at_once(question, cell);
                if code == NO_ANSWER {
                    return None;
                }
                answers.add(self.table.place(question, code));
            }
            Column::Respondent => *name = cell,
            Column::Ignored => {}
        }
        Some(at + cell.len() + 1)
    }
}

impl QuestionSteps {
    /// How far a one-character answer at `at`, followed by the delimiter
    /// or the line's end, moves the pillar's number; `None` where there is
    /// no such answer.
    #[inline(always)]
    fn one(&self, line: &[u8], at: usize, delimiter: u8) -> Option<u16> {
        let byte = *line.get(at)?;
        if line.get(at + 1).is_some_and(|&next| next != delimiter) {
            return None;
        }
        let step = self.single[usize::from(byte)];
        (step != NOT_ONE).then_some(step)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two loads tell what `starts_with` tells, at every length of text
    /// and of what follows, with any one byte changed.
    #[test]
    fn a_text_starts_a_cell_where_starts_with_says_it_does() {
        for length in 1..=20u8 {
            let text: Vec<u8> = (0..length).map(|n| b'a' + n).collect();
            let value = Value::new(&text, 0);
            for extra in 0..4 {
                let whole: Vec<u8> = text
                    .iter()
                    .copied()
                    .chain(b",xyz".iter().copied().take(extra))
                    .collect();
                for cut in 0..=whole.len() {
                    for changed in 0..=cut {
                        let mut rest = whole[..cut].to_vec();
                        if let Some(byte) = rest.get_mut(changed) {
                            *byte = b'Z';
                        }
                        assert_eq!(
                            value.starts(&rest),
                            rest.starts_with(&text),
                            "{:?} in {:?}",
                            String::from_utf8_lossy(&text),
                            String::from_utf8_lossy(&rest)
                        );
                    }
                }
            }
        }
    }
}

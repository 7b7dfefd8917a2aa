//! Every pillar's score for every combination of its answers, worked out
//! once from the scoring rule, so that scoring a respondent for a team is
//! a few look-ups. A pillar's answers are the digits of a number, one
//! digit a question: the answer's code (no answer 0, "don't know" 1,
//! option n at n + 2). That number is the pillar's place in its table,
//! whose entry holds the pillar's score and stage, and what they add to
//! the overall score and stage.

use crate::model::answers::{Code, NO_ANSWER, Responses};
use crate::model::bank::{Bank, MAX_PILLARS};

/// The most combinations the tables of a bank hold together: the
/// pyramid's four pillars of four questions hold 4 × 6⁴ = 5,184. A bank
/// with more is scored without tables.
pub const MAX_COMBINATIONS: usize = 8_192;

/// The marker for "no score" in a table.
pub const NO_SCORE: u8 = u8::MAX;

#[derive(Clone, Debug, Default)]
pub struct ScoreTable {
    /// For each question: its pillar, and what each answer code adds to
    /// the pillar's number.
    digits: Vec<Digit>,
    /// For each pillar, the entry of each number.
    entries: Vec<Vec<Entry>>,
}

/// A pillar's score for one of its numbers, and what that adds to the
/// overall score and stage, worked out once.
#[derive(Clone, Copy, Debug)]
pub struct Entry {
    /// `NO_SCORE` for none.
    pub score: u8,
    /// The score's stage; `NO_SCORE` for none (above every stage, so that
    /// the weakest stage is the least).
    pub stage: u8,
    /// The score, 1 if there is one, and 1 if the pillar holds back the
    /// top stage (it has no stage, or one below the stage the top one
    /// needs of every pillar), in fields that the pillars' entries add up
    /// in (`Added`): 12 pillars of at most 100 fit.
    sum: u32,
}

impl Entry {
    /// The entry of a pillar without a score.
    pub const NONE: Entry = Entry {
        score: NO_SCORE,
        stage: NO_SCORE,
        sum: 1 << 24,
    };

    fn new(bank: &Bank, score: Option<u8>) -> Entry {
        let Some(score) = score.filter(|score| *score != NO_SCORE) else {
            return Entry::NONE;
        };
        let stage = bank.stage_for_score(score);
        let required = bank.rules.top_stage_needs_every_pillar_at;
        let behind = required.is_some_and(|required| stage < required);
        Entry {
            score,
            stage,
            sum: u32::from(score) | 1 << 16 | u32::from(behind) << 24,
        }
    }
}

/// Pillars' entries added up: what the overall score and stage are worked
/// out from.
#[derive(Clone, Copy, Debug)]
pub struct Added {
    sum: u32,
    weakest: u8,
}

impl Default for Added {
    fn default() -> Added {
        Added {
            sum: 0,
            weakest: NO_SCORE,
        }
    }
}

impl Added {
    #[inline]
    pub fn add(&mut self, entry: &Entry) {
        self.sum += entry.sum;
        self.weakest = self.weakest.min(entry.stage);
    }

    /// The scores added.
    pub fn total(&self) -> u64 {
        u64::from(self.sum & 0xFFFF)
    }

    /// The pillars with a score.
    pub fn scored(&self) -> u64 {
        u64::from(self.sum >> 16 & 0xFF)
    }

    /// Whether a pillar holds back the top stage.
    pub fn behind(&self) -> bool {
        self.sum >> 24 != 0
    }

    /// The least stage of the pillars with a score.
    pub fn weakest(&self) -> Option<u8> {
        (self.weakest != NO_SCORE).then_some(self.weakest)
    }
}

#[derive(Clone, Debug)]
struct Digit {
    pillar: usize,
    /// The code's digit times the value of one step of it; 0 for a code
    /// past the question's options, which counts as no answer, as the
    /// rule counts it. A number is below `MAX_COMBINATIONS`.
    places: Box<[u16; 256]>,
}

impl ScoreTable {
    /// The tables of a bank whose pillars have at most `limit` combinations
    /// together; `score` gives a pillar's score for a respondent.
    pub fn new(
        bank: &Bank,
        limit: usize,
        score: impl Fn(&Responses, usize) -> Option<u8>,
    ) -> Option<ScoreTable> {
        let pillars = bank.pillars.len();
        if pillars > MAX_PILLARS {
            return None;
        }
        let limit = limit.min(MAX_COMBINATIONS);
        let mut sizes = vec![1usize; pillars];
        // Each question's pillar, the value of one step of its digit, and
        // how many digits it has (its options plus two).
        let mut steps = Vec::with_capacity(bank.questions.len());
        for (position, question) in bank.questions.iter().enumerate() {
            let pillar = bank.pillar_of(position);
            let size = sizes.get_mut(pillar)?;
            let base = question.options.len() + 2;
            steps.push((pillar, *size, base));
            *size = size.checked_mul(base).filter(|size| *size <= limit)?;
        }
        if sizes.iter().sum::<usize>() > limit {
            return None;
        }
        let digits: Vec<Digit> = steps
            .iter()
            .map(|&(pillar, step, base)| {
                let mut places = Box::new([0u16; 256]);
                for (code, place) in places.iter_mut().enumerate().take(base) {
                    *place = u16::try_from(code * step).unwrap_or(0);
                }
                Digit { pillar, places }
            })
            .collect();
        let mut responses = Responses::empty(bank);
        let mut entries = Vec::with_capacity(pillars);
        for (pillar, size) in sizes.into_iter().enumerate() {
            let mut table = Vec::with_capacity(size);
            for number in 0..size {
                for (question, &(of, step, base)) in steps.iter().enumerate() {
                    if of == pillar {
                        let place = number / step % base;
                        responses.set_code(question, Code::try_from(place).unwrap_or(NO_ANSWER));
                    }
                }
                table.push(Entry::new(bank, score(&responses, pillar)));
            }
            entries.push(table);
        }
        Some(ScoreTable { digits, entries })
    }

    /// Each pillar's score, looked up, into `scores` (one per pillar).
    pub fn scores(&self, responses: &Responses, scores: &mut [Option<u8>]) {
        self.scores_of(&self.combination(responses), scores);
    }

    /// The answers as each pillar's number.
    pub fn combination(&self, responses: &Responses) -> Combination {
        let mut numbers = Combination::default();
        for (question, &code) in responses.codes().iter().enumerate() {
            numbers.add(self.place(question, code));
        }
        numbers
    }

    /// Where the answer `code` to the question at `question` moves its
    /// pillar's number: the pillar, and how far. A code past the question's
    /// options moves it by 0, as no answer does.
    pub fn place(&self, question: usize, code: Code) -> Place {
        self.digits
            .get(question)
            .map_or(Place::NOWHERE, |digit| Place {
                pillar: digit.pillar as u8,
                step: digit.places[usize::from(code)],
            })
    }

    /// Each pillar's entry, looked up from the pillars' numbers, into
    /// `entries` (one per pillar).
    #[inline]
    pub fn entries_of(&self, numbers: &Combination, entries: &mut [Entry]) {
        for ((slot, table), &number) in entries.iter_mut().zip(&self.entries).zip(&numbers.0) {
            *slot = table
                .get(usize::from(number))
                .copied()
                .unwrap_or(Entry::NONE);
        }
    }

    /// Each pillar's score, looked up from the pillars' numbers, into
    /// `scores` (one per pillar).
    pub fn scores_of(&self, numbers: &Combination, scores: &mut [Option<u8>]) {
        let mut entries = [Entry::NONE; MAX_PILLARS];
        let count = scores.len().min(MAX_PILLARS);
        self.entries_of(numbers, &mut entries[..count]);
        for (slot, entry) in scores.iter_mut().zip(&entries) {
            *slot = (entry.score != NO_SCORE).then_some(entry.score);
        }
    }
}

/// A respondent's answers as each pillar's number (its place in the
/// pillar's table): what scoring by look-up needs of them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Combination([u16; MAX_PILLARS]);

impl Combination {
    /// Takes in one answer.
    #[inline]
    pub fn add(&mut self, place: Place) {
        self.add_to(usize::from(place.pillar), place.step);
    }

    /// Moves the number of the pillar at `pillar` by `step`.
    #[inline]
    pub fn add_to(&mut self, pillar: usize, step: u16) {
        if let Some(number) = self.0.get_mut(pillar) {
            *number += step;
        }
    }
}

/// What one answer adds to a combination: `step` to a pillar's number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub pillar: u8,
    pub step: u16,
}

impl Place {
    /// The place of an answer to no question: it moves nothing.
    pub const NOWHERE: Place = Place {
        pillar: u8::MAX,
        step: 0,
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::answers::Choice;
    use crate::model::scoring::pillar_score_of;
    use crate::testing::tiny_bank;

    fn table(bank: &Bank, limit: usize) -> Option<ScoreTable> {
        ScoreTable::new(bank, limit, |responses, pillar| {
            pillar_score_of(bank, responses, pillar)
        })
    }

    #[test]
    fn a_looked_up_score_is_the_rules_score() {
        // The tiny bank's pillar a has questions first and last, and two
        // pillars allow "don't know".
        let bank = tiny_bank();
        let table = table(&bank, MAX_COMBINATIONS).expect("the tiny bank has tables");
        let mut responses = Responses::empty(&bank);
        let mut seed = 7u64;
        let mut scored = [0usize; 2];
        for _ in 0..20_000 {
            for question in 0..bank.questions.len() {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                // Options past the question's four count as no answer.
                let choice = match (seed >> 33) % 7 {
                    0 => None,
                    1 => Some(Choice::DontKnow),
                    n => Some(Choice::Option(n as usize - 2)),
                };
                responses.set(question, choice);
            }
            let mut looked_up = [None; 4];
            table.scores(&responses, &mut looked_up);
            for (pillar, score) in looked_up.iter().enumerate() {
                assert_eq!(*score, pillar_score_of(&bank, &responses, pillar));
                scored[usize::from(score.is_some())] += 1;
            }
        }
        assert!(scored.iter().all(|count| *count > 1_000), "{scored:?}");
    }

    #[test]
    fn a_bank_with_more_combinations_than_the_limit_has_no_tables() {
        // Pillar a: three questions of 4 + 2 answers; b, c, d: two each.
        let bank = tiny_bank();
        let together = 6 * 6 * 6 + 3 * 6 * 6;
        assert!(table(&bank, together).is_some());
        assert!(table(&bank, together - 1).is_none());
        assert!(table(&bank, 6 * 6 * 6 - 1).is_none());
    }
}

//! Every pillar's score for every combination of its answers, worked out
//! once from the scoring rule, so that scoring a respondent for a team is
//! a few look-ups. A pillar's answers are the digits of a number, one
//! digit a question: the answer's code (no answer 0, "don't know" 1,
//! option n at n + 2). That number is the pillar's place in its table.

use crate::model::answers::{Code, NO_ANSWER, Responses};
use crate::model::bank::{Bank, MAX_PILLARS};

/// The most combinations the tables of a bank hold together: the
/// pyramid's four pillars of four questions hold 4 × 6⁴ = 5,184. A bank
/// with more is scored without tables.
pub const MAX_COMBINATIONS: usize = 8_192;

/// The most combinations of the pillars' scores a bank's table gives a
/// place to: the pyramid's 20 × 14 × 20 × 20 = 112,000. A scorer keeps
/// the overall score and stage of each one it meets (2 bytes each).
pub const MAX_OVERALL: usize = 131_072;

#[derive(Clone, Debug, Default)]
pub struct ScoreTable {
    /// For each question: its pillar, and what each answer code adds to
    /// the pillar's number.
    digits: Vec<Digit>,
    /// For each pillar, the rank of each number's score among the
    /// pillar's scores.
    ranks: Vec<Vec<u8>>,
    /// For each pillar, its scores by rank (`None` among them).
    values: Vec<Vec<Option<u8>>>,
    /// For each pillar, the value of one step of its rank in the place of
    /// a combination of the pillars' scores (the first pillar's rank is the
    /// lowest digit); all 0 where there are more than `MAX_OVERALL`.
    steps: Vec<usize>,
    /// How many places there are; 0 where there are more than
    /// `MAX_OVERALL`.
    places: usize,
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
        let (mut ranks, mut values) = (Vec::new(), Vec::new());
        for (pillar, size) in sizes.into_iter().enumerate() {
            let (mut table, mut seen) = (Vec::with_capacity(size), Vec::new());
            for number in 0..size {
                for (question, &(of, step, base)) in steps.iter().enumerate() {
                    if of == pillar {
                        let place = number / step % base;
                        responses.set_code(question, Code::try_from(place).unwrap_or(NO_ANSWER));
                    }
                }
                let value = score(&responses, pillar);
                let rank = match seen.iter().position(|seen| *seen == value) {
                    Some(rank) => rank,
                    None => {
                        seen.push(value);
                        seen.len() - 1
                    }
                };
                table.push(u8::try_from(rank).ok()?);
            }
            ranks.push(table);
            values.push(seen);
        }
        let (steps, places) =
            combinations(&values, MAX_OVERALL).unwrap_or((vec![0; values.len()], 0));
        Some(ScoreTable {
            digits,
            ranks,
            values,
            steps,
            places,
        })
    }

    /// How many combinations of the pillars' scores there are, where they
    /// have places.
    pub fn combinations(&self) -> usize {
        self.places
    }

    /// Each pillar's score, looked up, into `scores` (one per pillar); and
    /// the place of their combination, where combinations have places.
    pub fn scores(&self, responses: &Responses, scores: &mut [Option<u8>]) -> Option<usize> {
        let mut numbers = [0usize; MAX_PILLARS];
        for (digit, &code) in self.digits.iter().zip(responses.codes()) {
            if let Some(number) = numbers.get_mut(digit.pillar) {
                *number += usize::from(digit.places[usize::from(code)]);
            }
        }
        let mut place = 0;
        let pillars = scores.iter_mut().zip(&self.ranks).zip(&self.values);
        for (((slot, ranks), values), (number, step)) in
            pillars.zip(numbers.iter().zip(&self.steps))
        {
            let rank = ranks.get(*number).copied().unwrap_or(0);
            *slot = values.get(usize::from(rank)).copied().flatten();
            place += usize::from(rank) * step;
        }
        (self.places > 0).then_some(place)
    }
}

/// Each pillar's step in the place of a combination of its scores, and
/// how many places; `None` for more than `limit`.
fn combinations(values: &[Vec<Option<u8>>], limit: usize) -> Option<(Vec<usize>, usize)> {
    let mut steps = vec![0; values.len()];
    let mut size = 1usize;
    for (step, values) in steps.iter_mut().zip(values) {
        *step = size;
        size = size
            .checked_mul(values.len())
            .filter(|size| *size <= limit)?;
    }
    Some((steps, size))
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

    /// Random answer sets: "don't know", no answer, options and codes
    /// past the options.
    fn random_answers(bank: &Bank, count: usize, mut each: impl FnMut(&Responses)) {
        let mut responses = Responses::empty(bank);
        let mut seed = 7u64;
        for _ in 0..count {
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
            each(&responses);
        }
    }

    #[test]
    fn combinations_of_scores_have_places_up_to_the_limit() {
        let bank = tiny_bank();
        let table = table(&bank, MAX_COMBINATIONS).expect("the tiny bank has tables");
        let ranks: Vec<usize> = table.values.iter().map(Vec::len).collect();
        let together: usize = ranks.iter().product();
        assert_eq!(table.combinations(), together);
        let (steps, size) = combinations(&table.values, together).expect("within the limit");
        assert_eq!(
            steps,
            [1, ranks[0], ranks[0] * ranks[1], together / ranks[3]]
        );
        assert_eq!(size, together);
        assert!(combinations(&table.values, together - 1).is_none());
        // Every combination met has a place of its own.
        let mut places = std::collections::HashMap::new();
        random_answers(&bank, 20_000, |responses| {
            let mut scores = [None; 4];
            let place = table.scores(responses, &mut scores).expect("a place");
            assert!(place < together);
            assert_eq!(*places.entry(place).or_insert(scores), scores);
        });
        assert!(places.len() > 100, "{}", places.len());
    }

    #[test]
    fn a_looked_up_score_is_the_rules_score() {
        // The tiny bank's pillar a has questions first and last, and two
        // pillars allow "don't know".
        let bank = tiny_bank();
        let table = table(&bank, MAX_COMBINATIONS).expect("the tiny bank has tables");
        let mut scored = [0usize; 2];
        random_answers(&bank, 20_000, |responses| {
            let mut looked_up = [None; 4];
            table.scores(responses, &mut looked_up);
            for (pillar, score) in looked_up.iter().enumerate() {
                assert_eq!(*score, pillar_score_of(&bank, responses, pillar));
                scored[usize::from(score.is_some())] += 1;
            }
        });
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

//! The scoring rule: a pure function from a bank and one respondent's
//! answers to an assessment.
//!
//! 1. A pillar's score is the weighted mean level of its real answers
//!    ("don't know" and missing answers left out), put on a 0-100 scale
//!    (lowest level = 0, highest level = 100) and rounded half up to a whole
//!    number. A pillar with fewer real answers than
//!    `rules.min_answers_per_pillar` gets no score and no stage.
//! 2. A pillar's stage is the highest stage whose `min_score` its score
//!    reaches.
//! 3. The overall score is the mean of the scored pillars' scores (pillars
//!    weigh equally), rounded half up; its stage follows the same thresholds.
//! 4. The balance rule then lowers the overall stage: the top stage needs
//!    every pillar at least at `top_stage_needs_every_pillar_at`, and the
//!    overall stage is never more than `max_stages_above_weakest` above the
//!    weakest pillar's stage.
//! 5. The focus pillar is the scored pillar with the lowest score; on a tie
//!    the first in the bank's order.

use crate::model::answers::{Choice, Responses};
use crate::model::bank::{Bank, MAX_PILLARS};
use crate::model::score_table::{Added, Combination, Entry, NO_SCORE, ScoreTable};
use crate::model::team::Footprint;

/// How one pillar scored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PillarScore {
    /// Questions answered with an option.
    pub answered: u32,
    /// Questions answered "don't know".
    pub dont_know: u32,
    /// Questions left without an answer.
    pub missing: u32,
    /// 0-100, or `None` when there are too few real answers.
    pub score: Option<u8>,
    /// Stage level (from 1), or `None` with the score.
    pub stage: Option<u8>,
}

/// Why the balance rule lowered the overall stage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BalanceLimit {
    /// The top stage was reached on score, but these pillars (positions) are
    /// below `required` or have no stage; `stage` is the stage it lowered to.
    TopStageNeedsEveryPillar {
        required: u8,
        pillars: Vec<usize>,
        stage: u8,
    },
    /// The stage was more than `max_above` above the weakest pillar; `stage`
    /// is the stage it lowered to.
    AboveWeakest {
        max_above: u8,
        weakest: usize,
        weakest_stage: u8,
        stage: u8,
    },
}

/// The result of scoring one respondent (or a team's mean pillar scores).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assessment {
    /// One entry for each pillar, in bank order.
    pub pillars: Vec<PillarScore>,
    /// Mean of the scored pillars, or `None` when no pillar is scored.
    pub score: Option<u8>,
    /// The stage the score reaches before the balance rule.
    pub score_stage: Option<u8>,
    /// The overall stage after the balance rule.
    pub stage: Option<u8>,
    /// Each step by which the balance rule lowered the stage, in order.
    pub limits: Vec<BalanceLimit>,
    /// The pillar to work on first (position).
    pub focus: Option<usize>,
}

/// One pillar's answers, summed in whole numbers.
#[derive(Clone, Copy, Default)]
struct PillarSums {
    answered: u32,
    dont_know: u32,
    missing: u32,
    /// Weighted levels (lowest level = 0) and weights of the real answers.
    levels: u64,
    weights: u64,
}

/// Sums each pillar's answers, on the stack.
fn pillar_sums(bank: &Bank, responses: &Responses) -> [PillarSums; MAX_PILLARS] {
    let mut sums = [PillarSums::default(); MAX_PILLARS];
    let answers = bank.questions.iter().zip(responses.choices());
    for (position, (question, choice)) in answers.enumerate() {
        let Some(pillar) = sums.get_mut(bank.pillar_of(position)) else {
            continue;
        };
        match choice {
            None => pillar.missing += 1,
            Some(Choice::DontKnow) => pillar.dont_know += 1,
            Some(Choice::Option(option)) => match bank.points(position, option) {
                Some(points) => {
                    pillar.levels += points;
                    pillar.weights += u64::from(question.weight);
                    pillar.answered += 1;
                }
                None => pillar.missing += 1,
            },
        }
    }
    sums
}

/// A pillar's score from its sums (rule 1).
fn pillar_score(bank: &Bank, sums: &PillarSums) -> Option<u8> {
    let top_level = u64::from(bank.stage_count().saturating_sub(1)).max(1);
    (sums.answered >= bank.rules.min_answers_per_pillar && sums.weights > 0)
        .then(|| rounded_ratio(100 * sums.levels, sums.weights * top_level) as u8)
}

/// One pillar's score (rule 1), the others left aside.
pub(crate) fn pillar_score_of(bank: &Bank, responses: &Responses, pillar: usize) -> Option<u8> {
    pillar_score(bank, pillar_sums(bank, responses).get(pillar)?)
}

/// Scores one respondent's answers.
pub fn assess(bank: &Bank, responses: &Responses) -> Assessment {
    let sums = pillar_sums(bank, responses);
    let pillars = sums
        .iter()
        .take(bank.pillars.len())
        .map(|sums| {
            let score = pillar_score(bank, sums);
            PillarScore {
                answered: sums.answered,
                dont_know: sums.dont_know,
                missing: sums.missing,
                score,
                stage: score.map(|score| bank.stage_for_score(score)),
            }
        })
        .collect();
    overall(bank, pillars)
}

/// What a row of scores shows of one respondent: each pillar's score and
/// stage, the overall score and stage, and the focus. The same as the
/// assessment, without the answer counts and the balance rule's steps,
/// and on the stack.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RowScores {
    scores: [Option<u8>; MAX_PILLARS],
    stages: [Option<u8>; MAX_PILLARS],
    count: usize,
    pub score: Option<u8>,
    pub stage: Option<u8>,
    pub focus: Option<usize>,
}

impl RowScores {
    /// The scores of a row, its focus worked out from the first `count`
    /// pillar scores.
    fn new(
        scores: [Option<u8>; MAX_PILLARS],
        stages: [Option<u8>; MAX_PILLARS],
        count: usize,
        score: Option<u8>,
        stage: Option<u8>,
    ) -> RowScores {
        RowScores {
            scores,
            stages,
            count,
            score,
            stage,
            focus: focus(scores.get(..count).unwrap_or_default()),
        }
    }

    pub fn of(assessment: &Assessment) -> RowScores {
        let (mut scores, mut stages) = ([None; MAX_PILLARS], [None; MAX_PILLARS]);
        for ((score, stage), pillar) in scores.iter_mut().zip(&mut stages).zip(&assessment.pillars)
        {
            (*score, *stage) = (pillar.score, pillar.stage);
        }
        RowScores {
            scores,
            stages,
            count: assessment.pillars.len().min(MAX_PILLARS),
            score: assessment.score,
            stage: assessment.stage,
            focus: assessment.focus,
        }
    }

    /// Each pillar's score and stage, in bank order.
    pub fn pillars(&self) -> impl Iterator<Item = (Option<u8>, Option<u8>)> + '_ {
        self.scores
            .iter()
            .copied()
            .zip(self.stages.iter().copied())
            .take(self.count)
    }

    /// What a team summary takes in of it.
    pub fn footprint(&self) -> Footprint {
        let scores = self.scores[..self.count].iter().copied();
        Footprint::new(scores, self.score, self.stage)
    }
}

/// A row's scores of one respondent's answers: the same as
/// `RowScores::of(&assess(bank, responses))`, without building the
/// assessment (nothing is allocated; a bank's score table gives the
/// pillar scores).
pub fn row_scores(bank: &Bank, responses: &Responses) -> RowScores {
    let count = bank.pillars.len().min(MAX_PILLARS);
    let mut scores = [None; MAX_PILLARS];
    match bank.score_table() {
        Some(table) => table.scores(responses, &mut scores[..count]),
        None => {
            let sums = pillar_sums(bank, responses);
            for (score, sums) in scores.iter_mut().zip(&sums).take(count) {
                *score = pillar_score(bank, sums);
            }
        }
    }
    from_pillar_scores(bank, scores, count)
}

/// A row's scores of answers read as a combination of the bank's score
/// table (`ScoreTable::place`): the same as `row_scores` of the answers.
pub fn row_scores_of(bank: &Bank, table: &ScoreTable, answers: &Combination) -> RowScores {
    let looked_up = LookedUp::of(bank, table, answers);
    let (mut scores, mut stages) = ([None; MAX_PILLARS], [None; MAX_PILLARS]);
    for ((score, stage), entry) in scores.iter_mut().zip(&mut stages).zip(looked_up.pillars()) {
        if entry.score != NO_SCORE {
            *score = Some(entry.score);
            *stage = Some(entry.stage);
        }
    }
    let count = looked_up.count;
    RowScores::new(scores, stages, count, looked_up.score, looked_up.stage)
}

/// What a team summary takes in of answers read as a combination: the
/// same as `footprint` of the answers.
pub fn footprint_of(bank: &Bank, table: &ScoreTable, answers: &Combination) -> Footprint {
    let looked_up = LookedUp::of(bank, table, answers);
    let scores = std::array::from_fn(|pillar| looked_up.entries[pillar].score);
    Footprint::of_marked(scores, looked_up.count, looked_up.score, looked_up.stage)
}

/// Each pillar's entry in the score table for answers read as a
/// combination, and the overall score and stage (rules 3 to 5) from them:
/// the same as `overall_score` and `balanced_stage`, without the steps.
struct LookedUp {
    entries: [Entry; MAX_PILLARS],
    count: usize,
    score: Option<u8>,
    stage: Option<u8>,
}

impl LookedUp {
    #[inline]
    fn of(bank: &Bank, table: &ScoreTable, answers: &Combination) -> LookedUp {
        let count = bank.pillars.len().min(MAX_PILLARS);
        let mut entries = [Entry::NONE; MAX_PILLARS];
        table.entries_of(answers, &mut entries[..count]);
        let mut added = Added::default();
        for entry in &entries[..count] {
            added.add(entry);
        }
        let (score, stage) = overall_of_added(bank, &added);
        LookedUp {
            entries,
            count,
            score,
            stage,
        }
    }

    fn pillars(&self) -> &[Entry] {
        &self.entries[..self.count]
    }
}

/// The overall score and stage of the pillars' entries added up.
fn overall_of_added(bank: &Bank, added: &Added) -> (Option<u8>, Option<u8>) {
    let scored = added.scored();
    if scored == 0 {
        return (None, None);
    }
    let score = rounded_ratio(added.total(), scored) as u8;
    let mut stage = bank.stage_for_score(score);
    let top = bank.stage_count();
    if bank.rules.top_stage_needs_every_pillar_at.is_some() && stage == top && added.behind() {
        stage = top - 1;
    }
    if let (Some(max_above), Some(weakest)) = (bank.rules.max_stages_above_weakest, added.weakest())
    {
        stage = stage.min(weakest.saturating_add(max_above));
    }
    (Some(score), Some(stage))
}

/// A row's scores from the first `count` pillar scores.
fn from_pillar_scores(bank: &Bank, scores: [Option<u8>; MAX_PILLARS], count: usize) -> RowScores {
    let mut stages = [None; MAX_PILLARS];
    for (stage, score) in stages.iter_mut().zip(&scores).take(count) {
        *stage = score.map(|score| bank.stage_for_score(score));
    }
    let score = overall_score(&scores[..count]);
    let score_stage = score.map(|score| bank.stage_for_score(score));
    let stage = balanced_stage(bank, score_stage, &scores[..count], &stages[..count], None);
    RowScores::new(scores, stages, count, score, stage)
}

/// What a team summary takes in of one respondent's answers: the same as
/// `Footprint::of(&assess(bank, responses))`, without building the
/// assessment.
pub fn footprint(bank: &Bank, responses: &Responses) -> Footprint {
    row_scores(bank, responses).footprint()
}

/// The pillar to work on first: the first of those with the lowest score.
fn focus(scores: &[Option<u8>]) -> Option<usize> {
    scores
        .iter()
        .enumerate()
        .filter_map(|(n, score)| Some(((*score)?, n)))
        .min()
        .map(|(_, n)| n)
}

/// Scores pillar scores that are already known, such as a team's means:
/// the same thresholds, balance rule and focus as for one respondent.
pub fn assess_pillar_scores(bank: &Bank, scores: &[Option<u8>]) -> Assessment {
    let pillars = scores
        .iter()
        .map(|score| PillarScore {
            answered: 0,
            dont_know: 0,
            missing: 0,
            score: *score,
            stage: score.map(|score| bank.stage_for_score(score)),
        })
        .collect();
    overall(bank, pillars)
}

fn overall(bank: &Bank, pillars: Vec<PillarScore>) -> Assessment {
    // On the stack: one assessment a row of a million allocates once.
    let count = pillars.len().min(MAX_PILLARS);
    let (mut scores, mut stages) = ([None; MAX_PILLARS], [None; MAX_PILLARS]);
    for ((score, stage), pillar) in scores.iter_mut().zip(&mut stages).zip(&pillars) {
        (*score, *stage) = (pillar.score, pillar.stage);
    }
    let (scores, stages) = (&scores[..count], &stages[..count]);
    let score = overall_score(scores);
    let score_stage = score.map(|score| bank.stage_for_score(score));
    let mut limits = Vec::new();
    let stage = balanced_stage(bank, score_stage, scores, stages, Some(&mut limits));
    let focus = focus(scores);
    Assessment {
        pillars,
        score,
        score_stage,
        stage,
        limits,
        focus,
    }
}

/// The mean of the scored pillars' scores, rounded half up (rule 3).
fn overall_score(scores: &[Option<u8>]) -> Option<u8> {
    let (count, total) = scores
        .iter()
        .flatten()
        .fold((0u64, 0u64), |(count, total), score| {
            (count + 1, total + u64::from(*score))
        });
    (count > 0).then(|| rounded_ratio(total, count) as u8)
}

/// The stage reached: the overall score's stage, held back by the balance
/// rules (rules 4 and 5); each rule that held it back is added to
/// `limits` where they are wanted.
fn balanced_stage(
    bank: &Bank,
    score_stage: Option<u8>,
    scores: &[Option<u8>],
    stages: &[Option<u8>],
    mut limits: Option<&mut Vec<BalanceLimit>>,
) -> Option<u8> {
    let mut stage = score_stage;
    let reached = stage?;
    let top = bank.stage_count();
    if let Some(required) = bank.rules.top_stage_needs_every_pillar_at
        && reached == top
    {
        let behind = |stage: &Option<u8>| stage.is_none_or(|stage| stage < required);
        if stages.iter().any(behind) {
            stage = Some(top - 1);
            if let Some(limits) = limits.as_deref_mut() {
                let pillars = (0..stages.len()).filter(|&n| behind(&stages[n])).collect();
                limits.push(BalanceLimit::TopStageNeedsEveryPillar {
                    required,
                    pillars,
                    stage: top - 1,
                });
            }
        }
    }
    if let Some(max_above) = bank.rules.max_stages_above_weakest
        && let Some((weakest, weakest_stage)) = weakest_stage(scores, stages)
    {
        let cap = weakest_stage.saturating_add(max_above);
        if stage.is_some_and(|stage| stage > cap) {
            stage = Some(cap);
            if let Some(limits) = limits {
                limits.push(BalanceLimit::AboveWeakest {
                    max_above,
                    weakest,
                    weakest_stage,
                    stage: cap,
                });
            }
        }
    }
    stage
}

fn weakest_stage(scores: &[Option<u8>], stages: &[Option<u8>]) -> Option<(usize, u8)> {
    // The lowest (stage, score); on a tie the first in the bank's order.
    let mut weakest: Option<(u8, u8, usize)> = None;
    for (n, (score, stage)) in scores.iter().zip(stages).enumerate() {
        if let (Some(score), Some(stage)) = (*score, *stage)
            && weakest.is_none_or(|(least, lowest, _)| (stage, score) < (least, lowest))
        {
            weakest = Some((stage, score, n));
        }
    }
    weakest.map(|(stage, _, n)| (n, stage))
}

/// `numerator / denominator` rounded half up, in whole numbers so that no
/// floating-point error can move a score across a threshold.
fn rounded_ratio(numerator: u64, denominator: u64) -> u64 {
    (2 * numerator + denominator) / (2 * denominator)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{answers, tiny_bank};

    #[test]
    fn rounding_is_half_up_and_exact() {
        assert_eq!(rounded_ratio(1, 2), 1);
        assert_eq!(rounded_ratio(5, 2), 3);
        assert_eq!(rounded_ratio(100, 6), 17); // 16.67
        assert_eq!(rounded_ratio(250, 3), 83); // 83.33
        assert_eq!(rounded_ratio(0, 3), 0);
    }

    #[test]
    fn level_one_is_zero_and_top_level_is_hundred() {
        let bank = tiny_bank();
        let all_low = assess(&bank, &answers(&bank, &[1; 8]));
        assert!(all_low.pillars.iter().all(|p| p.score == Some(0)));
        assert_eq!(all_low.score, Some(0));
        assert_eq!(all_low.stage, Some(1));
        let all_high = assess(&bank, &answers(&bank, &[4; 8]));
        assert!(all_high.pillars.iter().all(|p| p.score == Some(100)));
        assert_eq!(all_high.stage, Some(4));
        assert!(all_high.limits.is_empty());
    }

    #[test]
    fn every_stage_boundary() {
        // The tiny bank's thresholds are 0, 17, 50, 83.
        let bank = tiny_bank();
        for (score, stage) in [
            (0, 1),
            (16, 1),
            (17, 2),
            (49, 2),
            (50, 3),
            (82, 3),
            (83, 4),
            (100, 4),
        ] {
            assert_eq!(bank.stage_for_score(score), stage, "score {score}");
        }
    }

    #[test]
    fn pillar_score_is_mean_level_on_a_hundred_scale() {
        let bank = tiny_bank();
        // Pillar a: levels 2 and 3 -> mean 2.5 -> 50 -> stage 3.
        let result = assess(&bank, &answers(&bank, &[2, 3, 4, 4, 4, 4, 4, 4]));
        assert_eq!(result.pillars[0].score, Some(50));
        assert_eq!(result.pillars[0].stage, Some(3));
        // Pillar a: levels 1 and 2 -> mean 1.5 -> 16.67 -> 17 -> stage 2.
        let result = assess(&bank, &answers(&bank, &[1, 2, 4, 4, 4, 4, 4, 4]));
        assert_eq!(result.pillars[0].score, Some(17));
        assert_eq!(result.pillars[0].stage, Some(2));
    }

    #[test]
    fn pillars_weigh_equally_in_the_overall_score() {
        let bank = tiny_bank();
        // Pillar scores 0, 100, 100, 100 -> overall 75.
        let result = assess(&bank, &answers(&bank, &[1, 1, 4, 4, 4, 4, 4, 4]));
        assert_eq!(result.score, Some(75));
    }

    #[test]
    fn top_stage_needs_every_pillar_at_stage_three() {
        let bank = tiny_bank();
        // Pillar d at levels 2,2 -> 33 (stage 2); the others 100 -> overall 83.
        let result = assess(&bank, &answers(&bank, &[4, 4, 4, 4, 4, 4, 2, 2]));
        assert_eq!(result.score, Some(83));
        assert_eq!(result.score_stage, Some(4));
        assert_eq!(result.stage, Some(3));
        assert_eq!(
            result.limits,
            vec![BalanceLimit::TopStageNeedsEveryPillar {
                required: 3,
                pillars: vec![3],
                stage: 3
            }]
        );
    }

    #[test]
    fn top_stage_is_kept_when_every_pillar_is_at_stage_three() {
        let bank = tiny_bank();
        // Pillar d at 3,3 -> 67 (stage 3); overall (100*3+67)/4 = 91.75 -> 92.
        let result = assess(&bank, &answers(&bank, &[4, 4, 4, 4, 4, 4, 3, 3]));
        assert_eq!(result.stage, Some(4));
        assert!(result.limits.is_empty());
    }

    #[test]
    fn overall_stage_is_at_most_one_above_the_weakest_pillar() {
        let bank = tiny_bank();
        // Pillar b at level 1 (stage 1); others at 3,4 -> 83 (stage 4).
        // Overall (83*3 + 0)/4 = 62.25 -> 62 -> stage 3 on score, capped at 2.
        let result = assess(&bank, &answers(&bank, &[3, 4, 1, 1, 3, 4, 3, 4]));
        assert_eq!(result.score, Some(62));
        assert_eq!(result.score_stage, Some(3));
        assert_eq!(result.stage, Some(2));
        assert_eq!(
            result.limits,
            vec![BalanceLimit::AboveWeakest {
                max_above: 1,
                weakest: 1,
                weakest_stage: 1,
                stage: 2
            }]
        );
    }

    #[test]
    fn the_weakest_pillar_is_the_lowest_stage_then_score_then_the_first() {
        let stages = [Some(2), None, Some(1), Some(1), Some(1)];
        let scores = [Some(40), None, Some(20), Some(10), Some(10)];
        assert_eq!(weakest_stage(&scores, &stages), Some((3, 1)));
        // A pillar without a stage is never the weakest.
        assert_eq!(
            weakest_stage(&[None, Some(90)], &[None, Some(4)]),
            Some((1, 4))
        );
        assert_eq!(weakest_stage(&[None], &[None]), None);
    }

    #[test]
    fn balance_rule_leaves_a_balanced_result_alone() {
        let bank = tiny_bank();
        // Every pillar at 2,3 -> 50 -> stage 3; nothing to lower.
        let result = assess(&bank, &answers(&bank, &[2, 3, 2, 3, 2, 3, 2, 3]));
        assert_eq!(result.stage, Some(3));
        assert!(result.limits.is_empty());
    }

    #[test]
    fn dont_know_is_left_out_of_the_mean_and_counted() {
        let bank = tiny_bank();
        // The tiny bank's ninth question is pillar a's third.
        let mut responses = answers(&bank, &[4, 4, 1, 3, 4, 4, 4, 4]);
        responses.set(8, Some(Choice::DontKnow));
        let result = assess(&bank, &responses);
        assert_eq!(result.pillars[0].dont_know, 1);
        assert_eq!(result.pillars[0].answered, 2);
        assert_eq!(result.pillars[0].score, Some(100));
    }

    #[test]
    fn pillar_with_fewer_than_two_real_answers_has_no_stage() {
        let bank = tiny_bank();
        let mut responses = answers(&bank, &[4, 4, 3, 3, 4, 4, 4, 4]);
        responses.set(2, Some(Choice::DontKnow));
        let result = assess(&bank, &responses);
        let b = &result.pillars[1];
        assert_eq!(
            (b.answered, b.dont_know, b.score, b.stage),
            (1, 1, None, None)
        );
        // The overall score leaves b out; the top stage needs b to have a stage.
        assert_eq!(result.score, Some(100));
        assert_eq!(result.stage, Some(3));
        assert!(matches!(
            &result.limits[0],
            BalanceLimit::TopStageNeedsEveryPillar { pillars, .. } if pillars == &vec![1]
        ));
    }

    #[test]
    fn no_answers_give_no_stage_and_no_focus() {
        let bank = tiny_bank();
        let result = assess(&bank, &Responses::empty(&bank));
        assert_eq!(
            (result.score, result.stage, result.focus),
            (None, None, None)
        );
        assert!(result.pillars.iter().all(|p| p.stage.is_none()));
    }

    #[test]
    fn focus_is_the_weakest_pillar() {
        let bank = tiny_bank();
        let result = assess(&bank, &answers(&bank, &[4, 4, 3, 3, 2, 2, 3, 4]));
        assert_eq!(result.focus, Some(2));
    }

    #[test]
    fn focus_tie_goes_to_the_first_pillar_in_bank_order() {
        let bank = tiny_bank();
        let result = assess(&bank, &answers(&bank, &[4, 4, 2, 2, 4, 4, 2, 2]));
        assert_eq!(result.focus, Some(1));
    }

    #[test]
    fn weights_count_within_a_pillar() {
        let mut bank = tiny_bank();
        bank.questions[0].weight = 3;
        let bank = bank.validated().expect("valid");
        // Pillar a: level 4 weighs 3, level 1 weighs 1 -> (3*3 + 0) / (4*3) = 75.
        let result = assess(&bank, &answers(&bank, &[4, 1, 4, 4, 4, 4, 4, 4]));
        assert_eq!(result.pillars[0].score, Some(75));
    }

    #[test]
    fn team_means_follow_the_same_rule() {
        let bank = tiny_bank();
        let result = assess_pillar_scores(&bank, &[Some(90), Some(90), Some(90), Some(40)]);
        assert_eq!(result.score, Some(78));
        assert_eq!(result.stage, Some(3));
        assert_eq!(result.focus, Some(3));
    }
}

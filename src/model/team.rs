//! A team's view of many assessments: per pillar mean, min, max and spread,
//! the team's stage from the mean pillar scores (with the same rule as for
//! one person), the stage distribution, and where the team disagrees most.
//!
//! The summary keeps only how many have each score, so it takes the same
//! memory for ten respondents as for a million.

use crate::model::bank::{Bank, MAX_PILLARS};
use crate::model::score_table::NO_SCORE;
use crate::model::scoring::{Assessment, assess_pillar_scores};

/// Running statistics of whole-number scores (0-100), exact: how many
/// have each score, so that a score can be taken out again (a
/// respondent's earlier submission, replaced by a later one). Sums are
/// worked out at the end.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Stats {
    /// `[score]`: how many have each score.
    histogram: [u64; 101],
}

impl Default for Stats {
    fn default() -> Stats {
        Stats {
            histogram: [0; 101],
        }
    }
}

impl Stats {
    fn add(&mut self, score: u8) {
        if let Some(slot) = self.histogram.get_mut(usize::from(score.min(100))) {
            *slot += 1;
        }
    }

    /// Adds what another collected: the same as adding its scores.
    fn merge(&mut self, other: &Stats) {
        for (mine, theirs) in self.histogram.iter_mut().zip(&other.histogram) {
            *mine += theirs;
        }
    }

    /// Takes out a score that was added.
    fn remove(&mut self, score: u8) {
        if let Some(slot) = self.histogram.get_mut(usize::from(score.min(100))) {
            *slot = slot.saturating_sub(1);
        }
    }

    fn finish(&self) -> Option<ScoreStats> {
        let (mut count, mut sum, mut sum_of_squares) = (0u64, 0u64, 0u64);
        for (score, &many) in (0u64..).zip(&self.histogram) {
            count += many;
            sum += many * score;
            sum_of_squares += many * score * score;
        }
        if count == 0 {
            return None;
        }
        let n = count as f64;
        let mean = sum as f64 / n;
        let variance = (sum_of_squares as f64 / n - mean * mean).max(0.0);
        let held = |score: &usize| self.histogram[*score] > 0;
        Some(ScoreStats {
            count,
            mean,
            min: (0..=100).find(held).unwrap_or(0) as u8,
            max: (0..=100).rev().find(held).unwrap_or(0) as u8,
            spread: variance.sqrt(),
        })
    }
}

/// Mean, min, max and spread (population standard deviation) of the scores
/// of the respondents who have one.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoreStats {
    pub count: u64,
    pub mean: f64,
    pub min: u8,
    pub max: u8,
    pub spread: f64,
}

impl ScoreStats {
    /// The mean as a whole score, rounded half up, for the team's stage.
    pub fn rounded_mean(&self) -> u8 {
        (self.mean + 0.5).floor().clamp(0.0, 100.0) as u8
    }
}

/// Collects assessments one at a time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeamCollector {
    respondents: u64,
    pillars: Vec<Stats>,
    overall: Stats,
    /// `[level]`: respondents per overall stage (level 0: no stage).
    stages: Vec<u64>,
}

/// What the team summary took in of one assessment, in 15 bytes: enough
/// to take it out again. The bytes are those of one number (the pillars'
/// scores from the lowest byte on, then how many pillars, the overall
/// score and the stage), so that a footprint is made, passed and copied in
/// registers: as a struct of bytes it was written a byte at a time and
/// then copied whole, and each copy waited for those bytes to reach the
/// cache (`perf record` put about 5 % of a million rows' `--summary` on
/// those copies).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Footprint(u128);

/// Where a footprint keeps how many pillars it has, the overall score
/// and the stage: the bytes after the pillars'.
const COUNT: usize = MAX_PILLARS;
const SCORE: usize = MAX_PILLARS + 1;
const STAGE: usize = MAX_PILLARS + 2;

impl Footprint {
    const NONE: u8 = u8::MAX;

    pub fn of(assessment: &Assessment) -> Footprint {
        let scores = assessment.pillars.iter().map(|pillar| pillar.score);
        Footprint::new(scores, assessment.score, assessment.stage)
    }

    /// The byte at `at`.
    fn byte(self, at: usize) -> u8 {
        self.0.to_le_bytes()[at % 16]
    }

    /// The pillars' scores, `NONE` for none.
    fn pillars(self) -> impl Iterator<Item = u8> {
        let count = usize::from(self.byte(COUNT));
        self.0.to_le_bytes().into_iter().take(count)
    }

    /// The stage as the stage counts index it: 0 for none.
    fn stage_level(self) -> u8 {
        match self.byte(STAGE) {
            Footprint::NONE => 0,
            stage => stage,
        }
    }

    /// The footprint of the first `count` pillar scores, where `NO_SCORE`
    /// marks none, an overall score and a stage.
    pub fn of_marked(
        pillars: [u8; MAX_PILLARS],
        count: usize,
        score: Option<u8>,
        stage: Option<u8>,
    ) -> Footprint {
        const { assert!(Footprint::NONE == NO_SCORE && STAGE < 16) };
        let at = |byte: u8, at: usize| u128::from(byte) << (8 * at);
        // Every pillar's byte, whatever `count`: shifted by constants;
        // then those past the count are 0, whatever they held.
        let pillars = pillars
            .iter()
            .enumerate()
            .fold(0, |bits, (pillar, &score)| bits | at(score, pillar));
        let count = count.min(MAX_PILLARS);
        let mut bits = pillars & ((1 << (8 * count)) - 1);
        bits |= at(count as u8, COUNT);
        bits |= at(score.unwrap_or(Footprint::NONE), SCORE);
        bits |= at(stage.unwrap_or(Footprint::NONE), STAGE);
        Footprint(bits)
    }

    /// The footprint of pillar scores (the first `MAX_PILLARS`), an
    /// overall score and a stage.
    pub fn new(
        pillars: impl IntoIterator<Item = Option<u8>>,
        score: Option<u8>,
        stage: Option<u8>,
    ) -> Footprint {
        let mut slots = [Footprint::NONE; MAX_PILLARS];
        let mut count = 0;
        for (slot, score) in slots.iter_mut().zip(pillars) {
            *slot = score.unwrap_or(Footprint::NONE);
            count += 1;
        }
        Footprint::of_marked(slots, count, score, stage)
    }
}

impl std::fmt::Debug for Footprint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Footprint")
            .field("pillars", &self.pillars().collect::<Vec<u8>>())
            .field("score", &self.byte(SCORE))
            .field("stage", &self.byte(STAGE))
            .finish()
    }
}

/// The finished team summary.
#[derive(Clone, Debug)]
pub struct TeamSummary {
    pub respondents: u64,
    /// One per pillar, in bank order; `None` where nobody has a score.
    pub pillars: Vec<Option<ScoreStats>>,
    pub overall: Option<ScoreStats>,
    /// The team's result: the rounded mean pillar scores, scored with the
    /// bank's thresholds and balance rule.
    pub team: Assessment,
    /// `[level]`: respondents per overall stage; level 0 counts those with
    /// too few answers for a stage.
    pub stages: Vec<u64>,
    /// The pillars, most disagreement (spread) first.
    pub disagreement: Vec<Disagreement>,
}

/// How the team splits on one pillar: the front group scores above the
/// team's mean, the peloton at or below it.
#[derive(Clone, Debug, PartialEq)]
pub struct Disagreement {
    pub pillar: usize,
    pub spread: f64,
    pub front: Group,
    pub peloton: Group,
}

/// A part of the team: how many, and their mean score.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub count: u64,
    pub mean: f64,
}

impl Group {
    fn of(histogram: &[u64], scores: impl Iterator<Item = usize>) -> Group {
        let (count, sum) = scores.fold((0u64, 0u64), |(count, sum), score| {
            (
                count + histogram[score],
                sum + histogram[score] * score as u64,
            )
        });
        let mean = if count == 0 {
            0.0
        } else {
            sum as f64 / count as f64
        };
        Group { count, mean }
    }
}

impl TeamCollector {
    pub fn new(bank: &Bank) -> TeamCollector {
        let levels = usize::from(bank.stage_count()) + 1;
        TeamCollector {
            respondents: 0,
            pillars: vec![Stats::default(); bank.pillars.len()],
            overall: Stats::default(),
            stages: vec![0; levels],
        }
    }

    pub fn add(&mut self, assessment: &Assessment) {
        self.add_footprint(&Footprint::of(assessment));
    }

    /// Takes in an assessment by its footprint.
    pub fn add_footprint(&mut self, footprint: &Footprint) {
        self.respondents += 1;
        self.each_stats(footprint, Stats::add);
        if let Some(count) = self.stages.get_mut(usize::from(footprint.stage_level())) {
            *count += 1;
        }
    }

    /// Calls `change` with each of the footprint's scores and the
    /// statistics it counts in: its pillar's, and the overall score's.
    fn each_stats(&mut self, footprint: &Footprint, change: fn(&mut Stats, u8)) {
        for (stats, score) in self.pillars.iter_mut().zip(footprint.pillars()) {
            if score != Footprint::NONE {
                change(stats, score);
            }
        }
        let score = footprint.byte(SCORE);
        if score != Footprint::NONE {
            change(&mut self.overall, score);
        }
    }

    /// Adds the assessments another collector (of the same bank) took in:
    /// the sums are whole numbers, so the order does not matter.
    pub fn merge(&mut self, other: &TeamCollector) {
        self.respondents += other.respondents;
        for (mine, theirs) in self.pillars.iter_mut().zip(&other.pillars) {
            mine.merge(theirs);
        }
        self.overall.merge(&other.overall);
        for (mine, theirs) in self.stages.iter_mut().zip(&other.stages) {
            *mine += theirs;
        }
    }

    /// Takes out an assessment that was added, by its footprint: the team
    /// as if it had never been added.
    pub fn remove(&mut self, footprint: &Footprint) {
        self.respondents = self.respondents.saturating_sub(1);
        self.each_stats(footprint, Stats::remove);
        if let Some(count) = self.stages.get_mut(usize::from(footprint.stage_level())) {
            *count = count.saturating_sub(1);
        }
    }

    pub fn finish(&self, bank: &Bank) -> TeamSummary {
        let pillars: Vec<Option<ScoreStats>> = self.pillars.iter().map(Stats::finish).collect();
        let means: Vec<Option<u8>> = pillars
            .iter()
            .map(|stats| stats.as_ref().map(ScoreStats::rounded_mean))
            .collect();
        let team = assess_pillar_scores(bank, &means);
        let mut disagreement: Vec<Disagreement> = pillars
            .iter()
            .enumerate()
            .filter_map(|(n, stats)| {
                let stats = stats.as_ref()?;
                let histogram = &self.pillars[n].histogram;
                let above = |score: &usize| *score as f64 > stats.mean;
                Some(Disagreement {
                    pillar: n,
                    spread: stats.spread,
                    front: Group::of(histogram, (0..=100).filter(above)),
                    peloton: Group::of(histogram, (0..=100).filter(|s| !above(s))),
                })
            })
            .collect();
        disagreement.sort_by(|a, b| b.spread.total_cmp(&a.spread).then(a.pillar.cmp(&b.pillar)));
        TeamSummary {
            respondents: self.respondents,
            pillars,
            overall: self.overall.finish(),
            team,
            stages: self.stages.clone(),
            disagreement,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::scoring::assess;
    use crate::testing::{answers, tiny_bank};

    #[test]
    fn two_collectors_merged_are_one_that_took_in_both() {
        let bank = tiny_bank();
        let people: [&[u8]; 5] = [
            &[1, 2, 3, 4],
            &[4, 4, 4, 4],
            &[1, 1, 1, 1],
            &[2, 3, 2, 3],
            &[3, 3, 1, 2],
        ];
        let mut whole = TeamCollector::new(&bank);
        let (mut first, mut second) = (TeamCollector::new(&bank), TeamCollector::new(&bank));
        for (n, levels) in people.iter().enumerate() {
            let assessment = assess(&bank, &answers(&bank, levels));
            whole.add(&assessment);
            if n < 2 {
                first.add(&assessment)
            } else {
                second.add(&assessment)
            }
        }
        first.merge(&second);
        assert_eq!(first, whole);
        assert_eq!(
            format!("{:?}", first.finish(&bank)),
            format!("{:?}", whole.finish(&bank))
        );
        assert_eq!(first.finish(&bank).respondents, 5);
    }

    fn summary(levels: &[&[u8]]) -> TeamSummary {
        let bank = tiny_bank();
        let mut team = TeamCollector::new(&bank);
        for respondent in levels {
            team.add(&assess(&bank, &answers(&bank, respondent)));
        }
        team.finish(&bank)
    }

    #[test]
    fn a_removed_assessment_leaves_the_team_as_if_never_added() {
        let bank = tiny_bank();
        let people: [&[u8]; 3] = [&[1, 2, 3, 4], &[4, 4, 4, 1], &[2, 2, 1, 3]];
        let assessed: Vec<Assessment> = people
            .iter()
            .map(|levels| assess(&bank, &answers(&bank, levels)))
            .collect();
        let mut with_removal = TeamCollector::new(&bank);
        for a in &assessed {
            with_removal.add(a);
        }
        with_removal.remove(&Footprint::of(&assessed[1]));
        let mut without = TeamCollector::new(&bank);
        without.add(&assessed[0]);
        without.add(&assessed[2]);
        assert_eq!(
            format!("{:?}", with_removal.finish(&bank)),
            format!("{:?}", without.finish(&bank))
        );
    }

    #[test]
    fn per_pillar_mean_min_max_and_spread() {
        // Pillar a scores 0, 100 and 50: mean 50, spread sqrt(5000/3) = 40.82.
        let result = summary(&[
            &[1, 1, 2, 2, 2, 2, 2, 2],
            &[4, 4, 2, 2, 2, 2, 2, 2],
            &[2, 3, 2, 2, 2, 2, 2, 2],
        ]);
        assert_eq!(result.respondents, 3);
        let a = result.pillars[0].as_ref().expect("pillar a scored");
        assert_eq!((a.count, a.min, a.max), (3, 0, 100));
        assert!((a.mean - 50.0).abs() < 1e-9);
        assert!((a.spread - 40.8248).abs() < 1e-3, "{}", a.spread);
        let b = result.pillars[1].as_ref().expect("pillar b scored");
        assert_eq!((b.min, b.max), (33, 33));
        assert!(b.spread.abs() < 1e-9);
    }

    #[test]
    fn team_stage_follows_the_same_rule_from_the_mean_pillar_scores() {
        // Means: a 100, b 100, c 100, d 33 -> overall 83 reaches stage 4 on
        // score; the top stage needs d at stage 3, so the team is at stage 3.
        let result = summary(&[&[4, 4, 4, 4, 4, 4, 2, 2], &[4, 4, 4, 4, 4, 4, 2, 2]]);
        assert_eq!(result.team.score, Some(83));
        assert_eq!(result.team.stage, Some(3));
        assert_eq!(result.team.focus, Some(3));
    }

    #[test]
    fn stage_distribution_counts_every_respondent() {
        let result = summary(&[&[1; 8], &[4; 8], &[4; 8], &[1, 1]]);
        // The last respondent has pillar a only: scored, and held at stage 1.
        assert_eq!(result.stages, vec![0, 2, 0, 0, 2]);
        let result = summary(&[&[]]);
        assert_eq!(result.stages, vec![1, 0, 0, 0, 0]);
        assert!(result.pillars.iter().all(Option::is_none));
    }

    #[test]
    fn disagreement_ranks_pillars_by_spread_and_splits_front_from_peloton() {
        // Pillar c: 0, 100, 100 (spread 47); pillar a: 67, 67, 100; b, d equal.
        let result = summary(&[
            &[3, 3, 2, 2, 1, 1, 2, 2],
            &[3, 3, 2, 2, 4, 4, 2, 2],
            &[4, 4, 2, 2, 4, 4, 2, 2],
        ]);
        let first = &result.disagreement[0];
        assert_eq!(first.pillar, 2);
        // c's mean is 66.7: two respondents at 100 lead, one at 0 follows.
        assert_eq!(
            first.front,
            Group {
                count: 2,
                mean: 100.0
            }
        );
        assert_eq!(
            first.peloton,
            Group {
                count: 1,
                mean: 0.0
            }
        );
        assert_eq!(result.disagreement[1].pillar, 0);
        assert_eq!(result.disagreement.len(), 4);
    }
}

//! Targets: where a person or team wants to be, the gap to it per pillar,
//! and the answers to move first to close it. A move always points at the
//! option of the target stage: the options below it describe habits that
//! stage leaves behind ("many things at once, each with a small budget"),
//! which the tool must never recommend.

use crate::model::answers::{Choice, Responses};
use crate::model::bank::Bank;
use crate::model::scoring::Assessment;

/// A target stage for each pillar (`None`: no target for that pillar).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    pub pillars: Vec<Option<u8>>,
}

impl Target {
    /// Reads `stage=3` (every pillar) and/or `PILLAR=STAGE` pairs, comma
    /// separated: `stage=2,traffic=3,conversion=3`.
    pub fn parse(spec: &str, bank: &Bank) -> Result<Target, TargetError> {
        let top = bank.stage_count();
        let mut pillars = vec![None; bank.pillars.len()];
        let mut every = None;
        for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let Some((name, level)) = part.split_once('=') else {
                return Err(TargetError::NotAPair(part.to_string()));
            };
            let level: u8 = match level.trim().parse() {
                Ok(level) if (1..=top).contains(&level) => level,
                _ => return Err(TargetError::NotAStage(level.trim().to_string(), top)),
            };
            match name.trim() {
                "stage" if every.is_some() => return Err(TargetError::StageTwice),
                "stage" => every = Some(level),
                id => match bank.pillar_position(id) {
                    Some(n) if pillars[n].is_some() => {
                        return Err(TargetError::PillarTwice(id.to_string()));
                    }
                    Some(n) => pillars[n] = Some(level),
                    None => return Err(TargetError::UnknownPillar(id.to_string())),
                },
            }
        }
        for pillar in &mut pillars {
            if pillar.is_none() {
                *pillar = every;
            }
        }
        if pillars.iter().all(Option::is_none) {
            return Err(TargetError::NoStage);
        }
        Ok(Target { pillars })
    }
}

/// What is wrong with a target as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TargetError {
    /// A part without `=`.
    NotAPair(String),
    /// A stage that is no number from 1 to the top stage (the second).
    NotAStage(String, u8),
    /// `stage=` twice.
    StageTwice,
    /// The same pillar twice.
    PillarTwice(String),
    /// A name that is neither `stage` nor a pillar id.
    UnknownPillar(String),
    /// Nothing that sets a stage.
    NoStage,
}

/// How far one pillar is from its target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gap {
    pub pillar: usize,
    pub target: u8,
    pub score: Option<u8>,
    pub stage: Option<u8>,
    /// Points short of the target stage's threshold (0 when reached).
    pub points: u8,
}

impl Gap {
    pub fn reached(&self) -> bool {
        self.stage.is_some_and(|stage| stage >= self.target)
    }
}

/// A next answer for a question: from its current option (or none) one
/// level up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Move {
    pub question: usize,
    pub from: Option<Choice>,
    /// The option one level above the current answer.
    pub to: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// One per pillar with a target, in bank order.
    pub gaps: Vec<Gap>,
    /// The cheapest steps first: the lowest answers in the pillars below
    /// target (empty without answers, as for a team).
    pub moves: Vec<Move>,
}

/// How many moves a plan lists.
pub const MOVES_SHOWN: usize = 5;

pub fn plan(
    bank: &Bank,
    assessment: &Assessment,
    responses: Option<&Responses>,
    target: &Target,
) -> Plan {
    let gaps: Vec<Gap> = target
        .pillars
        .iter()
        .enumerate()
        .filter_map(|(pillar, target)| {
            let target = (*target)?;
            let result = &assessment.pillars[pillar];
            let threshold = bank.stage(target).map_or(0, |stage| stage.min_score);
            Some(Gap {
                pillar,
                target,
                score: result.score,
                stage: result.stage,
                points: threshold.saturating_sub(result.score.unwrap_or(0)),
            })
        })
        .collect();
    let mut candidates: Vec<(u8, usize, Move)> = Vec::new();
    if let Some(responses) = responses {
        for gap in gaps.iter().filter(|gap| !gap.reached()) {
            for (q, question) in bank.questions.iter().enumerate() {
                if bank.pillar_of(q) != gap.pillar {
                    continue;
                }
                // Only real answers count in the score; "don't know" and no
                // answer are for the person to find out, not to raise.
                let from = responses.get(q);
                let Some(level) = (match from {
                    Some(Choice::Option(n)) => question.options.get(n).map(|o| o.level),
                    _ => None,
                }) else {
                    continue;
                };
                if level >= gap.target {
                    continue;
                }
                // The option of the target stage itself (or the nearest
                // above it), never a step in between: a level below the
                // target describes a habit the target stage leaves behind,
                // and must not be recommended.
                let next = question
                    .options
                    .iter()
                    .enumerate()
                    .filter(|(_, option)| option.level >= gap.target)
                    .min_by_key(|(_, option)| option.level);
                if let Some((to, _)) = next {
                    candidates.push((
                        level,
                        q,
                        Move {
                            question: q,
                            from,
                            to,
                        },
                    ));
                }
            }
        }
    }
    candidates.sort_by_key(|(level, question, _)| (*level, *question));
    Plan {
        gaps,
        moves: candidates
            .into_iter()
            .take(MOVES_SHOWN)
            .map(|(_, _, m)| m)
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::scoring::assess;
    use crate::testing::{answers, tiny_bank};

    #[test]
    fn parses_a_stage_for_all_and_per_pillar() {
        let bank = tiny_bank();
        assert_eq!(
            Target::parse("stage=3", &bank),
            Ok(Target {
                pillars: vec![Some(3); 4]
            })
        );
        assert_eq!(
            Target::parse("stage=2, c=3,d=4", &bank),
            Ok(Target {
                pillars: vec![Some(2), Some(2), Some(3), Some(4)]
            })
        );
        assert_eq!(
            Target::parse("b=3", &bank),
            Ok(Target {
                pillars: vec![None, Some(3), None, None]
            })
        );
        assert_eq!(
            Target::parse("stage=5", &bank),
            Err(TargetError::NotAStage("5".into(), 4))
        );
        assert_eq!(
            Target::parse("x=2", &bank),
            Err(TargetError::UnknownPillar("x".into()))
        );
        assert_eq!(
            Target::parse("3", &bank),
            Err(TargetError::NotAPair("3".into()))
        );
        assert_eq!(
            Target::parse("b=3,b=2", &bank),
            Err(TargetError::PillarTwice("b".into()))
        );
        assert_eq!(
            Target::parse("stage=3,stage=2", &bank),
            Err(TargetError::StageTwice)
        );
        assert!(Target::parse("", &bank).is_err());
    }

    #[test]
    fn gaps_and_the_cheapest_moves_first() {
        let bank = tiny_bank();
        // a 100, b: levels 1,2 -> 17 (stage 2), c: 3,3 -> 67, d: 1,1 -> 0.
        let responses = answers(&bank, &[4, 4, 1, 2, 3, 3, 1, 1]);
        let result = assess(&bank, &responses);
        let target = Target::parse("stage=3", &bank).expect("target");
        let plan = plan(&bank, &result, Some(&responses), &target);
        let points: Vec<(usize, u8, bool)> = plan
            .gaps
            .iter()
            .map(|g| (g.pillar, g.points, g.reached()))
            .collect();
        assert_eq!(
            points,
            [(0, 0, true), (1, 33, false), (2, 0, true), (3, 50, false)]
        );
        // Level-1 answers first (b1, d1, d2), then b2 at level 2, each to
        // the option of the target stage (level 3), never to level 2.
        let moves: Vec<(usize, usize)> = plan.moves.iter().map(|m| (m.question, m.to)).collect();
        assert_eq!(moves, [(2, 2), (6, 2), (7, 2), (3, 2)]);
    }

    #[test]
    fn a_team_gets_gaps_without_moves() {
        let bank = tiny_bank();
        let result = assess(&bank, &answers(&bank, &[1; 8]));
        let plan = plan(
            &bank,
            &result,
            None,
            &Target::parse("d=2", &bank).expect("target"),
        );
        assert_eq!(plan.gaps.len(), 1);
        assert_eq!(plan.gaps[0].points, 17);
        assert!(plan.moves.is_empty());
    }
}

//! What moved between two assessments of the same bank: per pillar and
//! overall, the answers that changed, and whether the focus moved.

use crate::model::answers::{Choice, Responses};
use crate::model::bank::Bank;
use crate::model::scoring::Assessment;

/// One side of a comparison: an assessment and, where known, its answers
/// (a team's means and a scores document have none).
pub struct Side<'a> {
    pub assessment: &'a Assessment,
    pub responses: Option<&'a Responses>,
}

/// A score and stage before and after.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Change {
    pub old_score: Option<u8>,
    pub new_score: Option<u8>,
    pub old_stage: Option<u8>,
    pub new_stage: Option<u8>,
}

impl Change {
    /// New minus old score, where both exist.
    pub fn delta(&self) -> Option<i16> {
        Some(i16::from(self.new_score?) - i16::from(self.old_score?))
    }

    /// New minus old stage, where both exist.
    pub fn stage_delta(&self) -> Option<i16> {
        Some(i16::from(self.new_stage?) - i16::from(self.old_stage?))
    }
}

/// An answer that is different in the new assessment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MovedAnswer {
    pub question: usize,
    pub old: Option<Choice>,
    pub new: Option<Choice>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    /// One per pillar, in bank order.
    pub pillars: Vec<Change>,
    pub overall: Change,
    /// Empty when either side has no answers to compare.
    pub moved: Vec<MovedAnswer>,
    pub old_focus: Option<usize>,
    pub new_focus: Option<usize>,
}

impl Comparison {
    pub fn focus_changed(&self) -> bool {
        self.old_focus != self.new_focus
    }
}

pub fn compare(bank: &Bank, old: &Side, new: &Side) -> Comparison {
    let change = |o: (Option<u8>, Option<u8>), n: (Option<u8>, Option<u8>)| Change {
        old_score: o.0,
        new_score: n.0,
        old_stage: o.1,
        new_stage: n.1,
    };
    let pillars = old
        .assessment
        .pillars
        .iter()
        .zip(&new.assessment.pillars)
        .map(|(o, n)| change((o.score, o.stage), (n.score, n.stage)))
        .collect();
    let overall = change(
        (old.assessment.score, old.assessment.stage),
        (new.assessment.score, new.assessment.stage),
    );
    let moved = match (old.responses, new.responses) {
        (Some(o), Some(n)) => (0..bank.questions.len())
            .filter(|&q| o.get(q) != n.get(q))
            .map(|q| MovedAnswer {
                question: q,
                old: o.get(q),
                new: n.get(q),
            })
            .collect(),
        _ => Vec::new(),
    };
    Comparison {
        pillars,
        overall,
        moved,
        old_focus: old.assessment.focus,
        new_focus: new.assessment.focus,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::scoring::assess;
    use crate::testing::{answers, tiny_bank};

    #[test]
    fn changes_moved_answers_and_focus() {
        let bank = tiny_bank();
        let before = answers(&bank, &[2, 2, 1, 1, 3, 3, 2, 2]);
        let after = answers(&bank, &[2, 3, 3, 3, 3, 3, 2, 2]);
        let (a, b) = (assess(&bank, &before), assess(&bank, &after));
        let result = compare(
            &bank,
            &Side {
                assessment: &a,
                responses: Some(&before),
            },
            &Side {
                assessment: &b,
                responses: Some(&after),
            },
        );
        // Pillar a: 33 -> 50; pillar b: 0 -> 67; c and d unchanged.
        assert_eq!(result.pillars[0].delta(), Some(17));
        assert_eq!(result.pillars[0].stage_delta(), Some(1));
        assert_eq!(result.pillars[1].delta(), Some(67));
        assert_eq!(result.pillars[2].delta(), Some(0));
        let moved: Vec<usize> = result.moved.iter().map(|m| m.question).collect();
        assert_eq!(moved, [1, 2, 3]);
        // The weakest pillar was b; now it is d.
        assert_eq!(result.old_focus, Some(1));
        assert_eq!(result.new_focus, Some(3));
        assert!(result.focus_changed());
    }

    #[test]
    fn without_answers_nothing_is_listed_as_moved() {
        let bank = tiny_bank();
        let a = assess(&bank, &answers(&bank, &[2; 8]));
        let side = Side {
            assessment: &a,
            responses: None,
        };
        let result = compare(&bank, &side, &side);
        assert!(result.moved.is_empty());
        assert_eq!(result.overall.delta(), Some(0));
        assert!(!result.focus_changed());
    }
}

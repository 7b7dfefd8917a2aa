//! Which advice an assessment calls for.

use crate::model::bank::{Advice, Bank};
use crate::model::scoring::Assessment;

/// The bank's advice for one pillar at the stage it reached.
#[derive(Clone, Copy, Debug)]
pub struct PillarAdvice<'a> {
    pub pillar: usize,
    pub stage: u8,
    pub advice: &'a Advice,
}

/// The advice for every scored pillar, in bank order, and for the focus
/// pillar, whose next steps come first.
#[derive(Clone, Debug)]
pub struct Guidance<'a> {
    pub pillars: Vec<PillarAdvice<'a>>,
    pub focus: Option<PillarAdvice<'a>>,
}

pub fn guidance<'a>(bank: &'a Bank, assessment: &Assessment) -> Guidance<'a> {
    let pillars: Vec<PillarAdvice<'a>> = assessment
        .pillars
        .iter()
        .enumerate()
        .filter_map(|(pillar, score)| {
            let stage = score.stage?;
            let advice = bank.advice(pillar, stage)?;
            Some(PillarAdvice {
                pillar,
                stage,
                advice,
            })
        })
        .collect();
    let focus = assessment.focus.and_then(|focus| {
        pillars
            .iter()
            .find(|advice| advice.pillar == focus)
            .copied()
    });
    Guidance { pillars, focus }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::scoring::assess;
    use crate::testing::{answers, tiny_bank};

    #[test]
    fn each_scored_pillar_gets_the_advice_for_its_stage() {
        let bank = tiny_bank();
        let result = assess(&bank, &answers(&bank, &[4, 4, 3, 3, 2, 2, 1, 1]));
        let guidance = guidance(&bank, &result);
        let texts: Vec<&str> = guidance
            .pillars
            .iter()
            .map(|a| a.advice.text.own(crate::lang::Lang::EN))
            .collect();
        assert_eq!(texts, ["a4", "a3", "a2", "a1"]);
        let focus = guidance.focus.expect("a focus pillar");
        assert_eq!((focus.pillar, focus.stage), (3, 1));
    }

    #[test]
    fn unscored_pillar_gets_no_advice() {
        let bank = tiny_bank();
        let result = assess(&bank, &answers(&bank, &[4, 4]));
        let guidance = guidance(&bank, &result);
        assert_eq!(guidance.pillars.len(), 1);
        assert_eq!(guidance.focus.map(|f| f.pillar), Some(0));
    }
}

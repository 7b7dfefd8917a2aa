//! Sentences that say why an assessment came out as it did.

use crate::lang::Lang;
use crate::messages::{self, words};
use crate::model::bank::Bank;
use crate::model::scoring::{Assessment, BalanceLimit};

/// The explanation, one sentence a line: the score and its stage, each
/// balance-rule step that lowered it (naming the pillar that holds it back),
/// and each pillar left out for too few answers.
pub fn explain(bank: &Bank, assessment: &Assessment, lang: Lang) -> Vec<String> {
    let name = |pillar: usize| bank.pillars[pillar].name.get(lang);
    let mut lines = Vec::new();
    let (Some(score), Some(score_stage)) = (assessment.score, assessment.score_stage) else {
        lines.push(words(lang).no_stage.to_string());
        return lines;
    };
    let parts: Vec<String> = assessment
        .pillars
        .iter()
        .enumerate()
        .filter_map(|(n, pillar)| Some(format!("{} {}", name(n), pillar.score?)))
        .collect();
    let reached = bank
        .stage(score_stage)
        .map_or("", |stage| stage.name.get(lang));
    let min = bank.stage(score_stage).map_or(0, |stage| stage.min_score);
    let term = bank.pillar_term;
    lines.push(messages::explain_score(
        lang,
        term,
        (score, &parts.join(", "), score_stage, reached, min),
    ));
    for limit in &assessment.limits {
        match limit {
            BalanceLimit::TopStageNeedsEveryPillar {
                required,
                pillars,
                stage,
            } => {
                let names: Vec<&str> = pillars.iter().map(|&n| name(n)).collect();
                let behind = messages::join_names(lang, &names);
                lines.push(messages::explain_top_rule(
                    lang,
                    term,
                    *required,
                    (&behind, names.len()),
                    *stage,
                ));
            }
            BalanceLimit::AboveWeakest {
                max_above,
                weakest,
                weakest_stage,
                stage,
            } => {
                lines.push(messages::explain_weakest_rule(
                    lang,
                    term,
                    *max_above,
                    (name(*weakest), *weakest_stage),
                    *stage,
                ));
            }
        }
    }
    if assessment.limits.is_empty() && assessment.pillars.len() > 1 {
        lines.push(messages::balanced(lang, term));
    }
    for (n, pillar) in assessment.pillars.iter().enumerate() {
        if pillar.score.is_none() {
            lines.push(messages::explain_unscored(
                lang,
                name(n),
                pillar.answered,
                pillar.dont_know,
                bank.rules.min_answers_per_pillar,
            ));
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::scoring::assess;
    use crate::testing::{answers, tiny_bank};

    #[test]
    fn names_the_pillar_that_holds_the_stage_back() {
        let bank = tiny_bank();
        let result = assess(&bank, &answers(&bank, &[3, 4, 1, 1, 3, 4, 3, 4]));
        let lines = explain(&bank, &result, Lang::EN);
        assert!(lines[0].contains("overall score is 62"), "{lines:?}");
        assert!(lines[0].contains("stage 3 (Three)"), "{lines:?}");
        assert!(
            lines[1].contains("B is at stage 1 and holds the result back, so the stage is 2"),
            "{lines:?}"
        );
    }

    #[test]
    fn names_every_pillar_below_the_top_stage_requirement() {
        let bank = tiny_bank();
        let result = assess(&bank, &answers(&bank, &[4, 4, 4, 4, 2, 2, 2, 2]));
        // Overall (100+100+33+33)/4 = 66.5 -> 67 -> stage 3: the top rule does not apply.
        assert!(result.limits.is_empty());
        let result = assess(&bank, &answers(&bank, &[4, 4, 4, 4, 4, 4, 2, 2]));
        let lines = explain(&bank, &result, Lang::NL);
        assert!(
            lines[1].contains("D zit daaronder, dus wordt het fase 3"),
            "{lines:?}"
        );
    }

    #[test]
    fn says_when_the_balance_rule_changed_nothing() {
        let bank = tiny_bank();
        let result = assess(&bank, &answers(&bank, &[2, 3, 2, 3, 2, 3, 2, 3]));
        let lines = explain(&bank, &result, Lang::EN);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].contains("in balance"));
    }

    #[test]
    fn mentions_a_pillar_without_enough_answers() {
        let bank = tiny_bank();
        let result = assess(&bank, &answers(&bank, &[4, 4, 4]));
        let lines = explain(&bank, &result, Lang::EN);
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("B has too few answers (1 answered")),
            "{lines:?}"
        );
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("C has too few answers (0 answered")),
            "{lines:?}"
        );
    }
}

//! A small bank for unit tests: four stages (thresholds 0, 17, 50, 83),
//! pillars a, b, c, d with two questions each, and a third question for
//! pillar a that allows "don't know".

use crate::model::answers::{Choice, Responses};
use crate::model::bank::Bank;

pub const TINY_BANK: &str = r#"
id: tiny
title: {nl: Klein, en: Tiny}
dont_know: {nl: Weet ik niet, en: Don't know}
rules:
  min_answers_per_pillar: 2
  top_stage_needs_every_pillar_at: 3
  max_stages_above_weakest: 1
stages:
  - {name: {nl: Een, en: One}, description: {nl: e, en: o}, min_score: 0}
  - {name: {nl: Twee, en: Two}, description: {nl: t, en: t}, min_score: 17}
  - {name: {nl: Drie, en: Three}, description: {nl: d, en: t}, min_score: 50}
  - {name: {nl: Vier, en: Four}, description: {nl: v, en: f}, min_score: 83}
pillars:
  - {id: a, name: {nl: A, en: A}, advice: [ADVICE]}
  - {id: b, name: {nl: B, en: B}, advice: [ADVICE]}
  - {id: c, name: {nl: C, en: C}, advice: [ADVICE]}
  - {id: d, name: {nl: D, en: D}, advice: [ADVICE]}
questions:
  - {id: a1, pillar: a, text: {nl: a1, en: a1}, options: OPTIONS}
  - {id: a2, pillar: a, text: {nl: a2, en: a2}, options: OPTIONS}
  - {id: b1, pillar: b, dont_know: true, text: {nl: b1, en: b1}, options: OPTIONS}
  - {id: b2, pillar: b, text: {nl: b2, en: b2}, options: OPTIONS}
  - {id: c1, pillar: c, text: {nl: c1, en: c1}, options: OPTIONS}
  - {id: c2, pillar: c, text: {nl: c2, en: c2}, options: OPTIONS}
  - {id: d1, pillar: d, text: {nl: d1, en: d1}, options: OPTIONS}
  - {id: d2, pillar: d, text: {nl: d2, en: d2}, options: OPTIONS}
  - {id: a3, pillar: a, dont_know: true, text: {nl: a3, en: a3}, options: OPTIONS}
"#;

const OPTIONS: &str = "[{key: w, level: 1, label: {nl: w, en: w}}, \
    {key: x, level: 2, label: {nl: x, en: x}}, \
    {key: y, level: 3, label: {nl: y, en: y}}, \
    {key: z, level: 4, label: {nl: z, en: z}}]";

fn advice() -> String {
    (1..=4)
        .map(|stage| {
            format!("{{stage: {stage}, text: {{nl: r{stage}, en: a{stage}}}, steps: [{{text: {{nl: s, en: s}}}}]}}")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The tiny bank's YAML text.
pub fn tiny_bank_yaml() -> String {
    TINY_BANK
        .replace("ADVICE", &advice())
        .replace("OPTIONS", OPTIONS)
}

pub fn tiny_bank() -> Bank {
    let bank: Bank = serde_yaml::from_str(&tiny_bank_yaml()).expect("tiny bank parses");
    bank.validated().expect("tiny bank is valid")
}

/// Answers the first questions with the option of the given level each.
pub fn answers(bank: &Bank, levels: &[u8]) -> Responses {
    let mut responses = Responses::empty(bank);
    for (question, level) in levels.iter().enumerate() {
        let option = bank.questions[question]
            .options
            .iter()
            .position(|option| option.level == *level)
            .expect("level exists");
        responses.set(question, Some(Choice::Option(option)));
    }
    responses
}

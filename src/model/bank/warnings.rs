//! What a valid bank may still get wrong, for `pyramid validate`: the
//! five-minute budget, long labels, stages no answer reaches, and what the
//! loader's checks let through as warnings.

use super::Bank;
use super::problem::{FieldPath, Problem};
use super::validate::check_all;
use crate::lang::Lang;

/// The most words of question and option text a five-minute test holds, in
/// each language.
pub const FIVE_MINUTE_WORDS: usize = 1000;
/// The longest option label that fits one line of an 80-column prompt.
pub const MAX_LABEL_CHARS: usize = 72;

/// Words of question and option text (and "don't know" where offered).
pub fn words_to_read(bank: &Bank, lang: Lang) -> usize {
    let count = |text: &str| text.split_whitespace().count();
    bank.questions
        .iter()
        .map(|q| {
            let dont_know = if q.dont_know {
                count(bank.dont_know.get(lang))
            } else {
                0
            };
            count(q.text.get(lang))
                + q.options
                    .iter()
                    .map(|o| count(o.label.get(lang)))
                    .sum::<usize>()
                + dont_know
        })
        .sum()
}

/// What a valid bank may still get wrong: a text in one language only, a
/// stage without advice, stages no answer reaches, more than five minutes
/// of reading, labels too long for one line.
pub fn warnings(bank: &Bank) -> Vec<Problem> {
    let mut check = check_all(bank);
    check.problems.clear();
    let top = FieldPath::default();
    for level in 1..=bank.stages.len() {
        let reached = bank
            .questions
            .iter()
            .any(|q| q.options.iter().any(|o| usize::from(o.level) == level));
        if !reached {
            check.warn(
                top.key("stages").index(level - 1),
                "bank-stage-unreached",
                &[("level", &level)],
            );
        }
    }
    for lang in bank.languages() {
        let words = words_to_read(bank, lang);
        if words > FIVE_MINUTE_WORDS {
            check.warn(
                top.key("questions"),
                "bank-over-budget",
                &[
                    ("words", &words),
                    ("language", &lang),
                    ("budget", &FIVE_MINUTE_WORDS),
                ],
            );
        }
    }
    for (n, question) in bank.questions.iter().enumerate() {
        for (o, option) in question.options.iter().enumerate() {
            for lang in bank.languages() {
                let length = option.label.get(lang).chars().count();
                if length > MAX_LABEL_CHARS {
                    check.warn(
                        top.key("questions")
                            .index(n)
                            .key("options")
                            .index(o)
                            .key("label")
                            .lang(lang),
                        "bank-long-label",
                        &[
                            ("language", &lang),
                            ("length", &length),
                            ("max", &MAX_LABEL_CHARS),
                        ],
                    );
                }
            }
        }
    }
    check.warnings
}

//! The rules for the questions of a bank and their options.

use super::problem::FieldPath;
use super::validate::{Checker, MAX_OPTIONS, MAX_WEIGHT};
use super::{Bank, DONT_KNOW_KEY, Question};
use std::collections::HashSet;

pub(super) fn questions(check: &mut Checker, bank: &Bank) {
    let path = FieldPath::default().key("questions");
    if bank.questions.is_empty() {
        check.report(path.clone(), "bank-no-questions", &[]);
    }
    check.unique(
        bank.questions
            .iter()
            .enumerate()
            .map(|(n, question)| (path.index(n).key("id"), question.id.as_str())),
        "question",
    );
    for (n, question) in bank.questions.iter().enumerate() {
        question_rules(check, bank, path.index(n), question);
    }
}

fn question_rules(check: &mut Checker, bank: &Bank, at: FieldPath, question: &Question) {
    let stage_count = bank.stages.len();
    check.id(at.key("id"), &question.id, "question");
    if bank.pillar_position(&question.pillar).is_none() {
        let known: Vec<&str> = bank.pillars.iter().map(|p| p.id.as_str()).collect();
        check.report(
            at.key("pillar"),
            "bank-unknown-pillar",
            &[("pillar", &question.pillar), ("known", &known.join(", "))],
        );
    }
    check.text(at.key("text"), &question.text);
    if question.weight == 0 || question.weight > MAX_WEIGHT {
        check.report(
            at.key("weight"),
            "bank-weight",
            &[("weight", &question.weight), ("max", &MAX_WEIGHT)],
        );
    }
    if question.options.len() < 2 {
        check.report(
            at.key("options"),
            "bank-few-options",
            &[
                ("question", &question.id),
                ("count", &question.options.len()),
            ],
        );
    }
    if question.options.len() > MAX_OPTIONS {
        check.report(
            at.key("options"),
            "bank-many-options",
            &[
                ("question", &question.id),
                ("count", &question.options.len()),
                ("limit", &MAX_OPTIONS),
            ],
        );
    }
    check.unique(
        question
            .options
            .iter()
            .enumerate()
            .map(|(o, option)| (at.key("options").index(o).key("key"), option.key.as_str())),
        "option",
    );
    for lang in bank.languages() {
        let mut seen = HashSet::new();
        for (o, option) in question.options.iter().enumerate() {
            let label = option.label.get(lang).trim().to_lowercase();
            if !label.is_empty() && !seen.insert(label) {
                check.report(
                    at.key("options").index(o).key("label").lang(lang),
                    "bank-same-label",
                    &[("question", &question.id), ("language", &lang)],
                );
            }
        }
    }
    for (o, option) in question.options.iter().enumerate() {
        let opt = at.key("options").index(o);
        check.id(opt.key("key"), &option.key, "option");
        if option.key == DONT_KNOW_KEY {
            check.report(
                opt.key("key"),
                "bank-reserved-key",
                &[("key", &DONT_KNOW_KEY)],
            );
        }
        if option.level == 0 || usize::from(option.level) > stage_count {
            check.report(
                opt.key("level"),
                "bank-level-not-a-stage",
                &[("level", &option.level), ("count", &stage_count)],
            );
        }
        check.text(opt.key("label"), &option.label);
    }
    let levels: HashSet<u8> = question.options.iter().map(|o| o.level).collect();
    for end in [1, stage_count] {
        if stage_count >= 2 && question.options.len() >= 2 && !levels.contains(&(end as u8)) {
            check.report(
                at.key("options"),
                "bank-scale-end",
                &[
                    ("question", &question.id),
                    ("level", &end),
                    ("count", &stage_count),
                ],
            );
        }
    }
}

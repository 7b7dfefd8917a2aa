//! The rules for the questions of a bank and their options.

use super::problem::FieldPath;
use super::validate::{Checker, MAX_WEIGHT, language_name};
use super::{Bank, DONT_KNOW_KEY, Question};
use std::collections::HashSet;

pub(super) fn questions(check: &mut Checker, bank: &Bank) {
    let path = FieldPath::default().key("questions");
    if bank.questions.is_empty() {
        check.report(
            path.clone(),
            "the bank has no questions",
            "add questions under `questions:`",
        );
    }
    check.unique(
        bank.questions
            .iter()
            .enumerate()
            .map(|(n, question)| (path.index(n).key("id"), question.id.as_str())),
        "question id",
    );
    for (n, question) in bank.questions.iter().enumerate() {
        question_rules(check, bank, path.index(n), question);
    }
}

fn question_rules(check: &mut Checker, bank: &Bank, at: FieldPath, question: &Question) {
    let stage_count = bank.stages.len();
    check.id(at.key("id"), &question.id, "the question id");
    if bank.pillar_position(&question.pillar).is_none() {
        let known: Vec<&str> = bank.pillars.iter().map(|p| p.id.as_str()).collect();
        check.report(
            at.key("pillar"),
            format!("pillar `{}` is not defined", question.pillar),
            format!("use one of: {}", known.join(", ")),
        );
    }
    check.text(at.key("text"), &question.text);
    if question.weight == 0 || question.weight > MAX_WEIGHT {
        check.report(
            at.key("weight"),
            format!("weight {} is out of range", question.weight),
            format!("use a whole number from 1 to {MAX_WEIGHT}, or leave `weight` out for 1"),
        );
    }
    if question.options.len() < 2 {
        check.report(
            at.key("options"),
            format!(
                "question `{}` has {} options",
                question.id,
                question.options.len()
            ),
            "give at least 2 options",
        );
    }
    check.unique(
        question
            .options
            .iter()
            .enumerate()
            .map(|(o, option)| (at.key("options").index(o).key("key"), option.key.as_str())),
        "option key",
    );
    for lang in bank.languages() {
        let mut seen = HashSet::new();
        for (o, option) in question.options.iter().enumerate() {
            let label = option.label.get(lang).trim().to_lowercase();
            if !label.is_empty() && !seen.insert(label) {
                check.report(
                    at.key("options").index(o).key("label").lang(lang),
                    format!(
                        "two options of `{}` have the same {} label",
                        question.id,
                        language_name(lang)
                    ),
                    "give every option its own label, so answers given as labels are unambiguous",
                );
            }
        }
    }
    for (o, option) in question.options.iter().enumerate() {
        let opt = at.key("options").index(o);
        check.id(opt.key("key"), &option.key, "the option key");
        if option.key == DONT_KNOW_KEY {
            check.report(
                opt.key("key"),
                format!("`{DONT_KNOW_KEY}` is reserved for \"don't know\""),
                "pick another key; set `dont_know: true` on the question to allow that answer",
            );
        }
        if option.level == 0 || usize::from(option.level) > stage_count {
            check.report(
                opt.key("level"),
                format!("level {} is not a stage", option.level),
                format!("use a level from 1 to {stage_count}"),
            );
        }
        check.text(opt.key("label"), &option.label);
    }
    let levels: HashSet<u8> = question.options.iter().map(|o| o.level).collect();
    for end in [1, stage_count] {
        if stage_count >= 2 && question.options.len() >= 2 && !levels.contains(&(end as u8)) {
            check.report(
                at.key("options"),
                format!("no option of `{}` has level {end}", question.id),
                format!(
                    "the options must reach both ends of the scale: level 1 and level {stage_count}"
                ),
            );
        }
    }
}

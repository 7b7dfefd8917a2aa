//! The rules a bank must follow. Each broken rule becomes a `Problem` that
//! points at the offending place by its path in the bank, so the loader can
//! turn it into a file, line and column.

use super::Bank;
use super::problem::{FieldPath, Problem, args};
use crate::lang::{Lang, Text};
use std::collections::HashSet;
use std::fmt::Display;

/// The fewest and most stages a bank may have.
pub const MIN_STAGES: usize = 2;
pub const MAX_STAGES: usize = 9;
/// The most pillars a bank may have.
pub const MAX_PILLARS: usize = 12;
/// The most options a question may have: every answer is kept in one
/// byte (`answers::Code`).
pub const MAX_OPTIONS: usize = 200;
const MAX_ID_LEN: usize = 40;
/// The longest text of a bank, in characters.
pub const MAX_TEXT_CHARS: usize = 2_000;
pub(super) const MAX_WEIGHT: u32 = 100;

pub(super) struct Checker {
    /// The languages every text must have.
    languages: Vec<Lang>,
    /// Whether the bank declares them (`languages:`), which makes a
    /// missing text a problem rather than a warning.
    declared: bool,
    pub(super) problems: Vec<Problem>,
    /// What a bank may lack and still work: a text in one language (the
    /// other is shown), advice for a stage (none is shown).
    pub(super) warnings: Vec<Problem>,
}

impl Checker {
    pub(super) fn report(
        &mut self,
        path: FieldPath,
        key: &'static str,
        values: &[(&'static str, &dyn Display)],
    ) {
        let args = args(values);
        self.problems.push(Problem { path, key, args });
    }

    pub(super) fn warn(
        &mut self,
        path: FieldPath,
        key: &'static str,
        values: &[(&'static str, &dyn Display)],
    ) {
        let args = args(values);
        self.warnings.push(Problem { path, key, args });
    }

    /// Every text in each of the bank's languages. A bank that declares
    /// `languages:` must have them all (a missing one is a problem); an
    /// older bank without the list needs one (a missing other is a
    /// warning: the one given is shown). Over `MAX_TEXT_CHARS` is a
    /// problem; a control character or bidirectional override is a
    /// warning (it is shown written out, as `\x1b`).
    pub(super) fn text(&mut self, path: FieldPath, text: &Text) {
        for (lang, own) in text.iter() {
            let length = own.chars().count();
            if length > MAX_TEXT_CHARS {
                self.report(
                    path.lang(lang),
                    "bank-text-too-long",
                    &[("length", &length), ("limit", &MAX_TEXT_CHARS)],
                );
            }
            if let Some(c) = own
                .chars()
                .find(|&c| c != '\n' && crate::visible::is_hazard(c))
            {
                let shown = crate::visible::visible(&c.to_string()).into_owned();
                self.warn(
                    path.lang(lang),
                    "bank-text-control-character",
                    &[("character", &shown)],
                );
            }
            if self.declared && !self.languages.contains(&lang) {
                let languages = self.language_list();
                self.warn(
                    path.lang(lang),
                    "bank-text-other-language",
                    &[("code", &lang), ("languages", &languages)],
                );
            }
        }
        let missing: Vec<Lang> = self
            .languages
            .iter()
            .copied()
            .filter(|&lang| text.own(lang).trim().is_empty())
            .collect();
        if self.declared {
            let languages = self.language_list();
            for lang in missing {
                self.report(
                    path.lang(lang),
                    "bank-text-missing-declared",
                    &[
                        ("language", &lang),
                        ("code", &lang),
                        ("languages", &languages),
                    ],
                );
            }
        } else if missing.len() == self.languages.len() {
            let languages = self.language_list();
            self.report(path, "bank-text-missing", &[("languages", &languages)]);
        } else {
            for lang in missing {
                self.warn(
                    path.lang(lang),
                    "bank-text-missing-one",
                    &[("language", &lang), ("code", &lang)],
                );
            }
        }
    }

    fn language_list(&self) -> String {
        let codes: Vec<&str> = self.languages.iter().map(Lang::code).collect();
        codes.join(", ")
    }

    /// `what` names the kind of id for the message: `bank`, `phase`,
    /// `pillar`, `question` or `option`.
    pub(super) fn id(&mut self, path: FieldPath, id: &str, what: &str) {
        let well_formed = !id.is_empty()
            && id.len() <= MAX_ID_LEN
            && id.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
        if !well_formed {
            self.report(
                path,
                "bank-bad-id",
                &[("what", &what), ("id", &id), ("limit", &MAX_ID_LEN)],
            );
        }
    }

    /// Reports every id that was seen before in the same list.
    pub(super) fn unique<'a>(
        &mut self,
        items: impl Iterator<Item = (FieldPath, &'a str)>,
        what: &str,
    ) {
        let mut seen = HashSet::new();
        for (path, id) in items {
            if !seen.insert(id) {
                self.report(path, "bank-id-twice", &[("what", &what), ("id", &id)]);
            }
        }
    }
}

/// Every rule the bank breaks, in the order they appear in the file.
pub fn problems(bank: &Bank) -> Vec<Problem> {
    check_all(bank).problems
}

pub(super) fn check_all(bank: &Bank) -> Checker {
    let top = FieldPath::default();
    let declared = !bank.languages.is_empty();
    let mut languages = bank.languages();
    if languages.is_empty() {
        languages = vec![Lang::NL, Lang::EN];
    }
    let mut check = Checker {
        languages,
        declared,
        problems: Vec::new(),
        warnings: Vec::new(),
    };
    let mut seen = Vec::new();
    for (n, &lang) in bank.languages.iter().enumerate() {
        if seen.contains(&lang) {
            check.report(
                top.key("languages").index(n),
                "bank-language-twice",
                &[("code", &lang)],
            );
        }
        seen.push(lang);
    }
    check.id(top.key("id"), &bank.id, "bank");
    check.text(top.key("title"), &bank.title);
    check.text(top.key("dont_know"), &bank.dont_know);
    rules(&mut check, bank);
    stages(&mut check, bank);
    cycle(&mut check, bank);
    pillars(&mut check, bank);
    super::question_rules::questions(&mut check, bank);
    check
}

fn rules(check: &mut Checker, bank: &Bank) {
    let path = FieldPath::default().key("rules");
    let stage_count = bank.stages.len();
    if bank.rules.min_answers_per_pillar == 0 {
        check.report(
            path.key("min_answers_per_pillar"),
            "bank-min-answers-zero",
            &[],
        );
    }
    if let Some(level) = bank.rules.top_stage_needs_every_pillar_at
        && (level == 0 || usize::from(level) > stage_count)
    {
        check.report(
            path.key("top_stage_needs_every_pillar_at"),
            "bank-no-such-stage",
            &[("level", &level), ("count", &stage_count)],
        );
    }
}

fn stages(check: &mut Checker, bank: &Bank) {
    let path = FieldPath::default().key("stages");
    let count = bank.stages.len();
    if !(MIN_STAGES..=MAX_STAGES).contains(&count) {
        check.report(
            path.clone(),
            "bank-stage-count",
            &[
                ("count", &count),
                ("min", &MIN_STAGES),
                ("max", &MAX_STAGES),
            ],
        );
    }
    let mut previous: Option<u8> = None;
    for (n, stage) in bank.stages.iter().enumerate() {
        let at = path.index(n);
        check.text(at.key("name"), &stage.name);
        check.text(at.key("description"), &stage.description);
        let min = stage.min_score;
        match previous {
            None if min != 0 => {
                check.report(at.key("min_score"), "bank-first-stage", &[("min", &min)]);
            }
            Some(before) if min <= before => check.report(
                at.key("min_score"),
                "bank-thresholds-rise",
                &[("min", &min), ("before", &before)],
            ),
            _ if min > 100 => {
                check.report(at.key("min_score"), "bank-threshold-over", &[("min", &min)])
            }
            _ => {}
        }
        previous = Some(min);
    }
}

fn cycle(check: &mut Checker, bank: &Bank) {
    let path = FieldPath::default().key("cycle");
    for (n, phase) in bank.cycle.iter().enumerate() {
        check.id(path.index(n).key("id"), &phase.id, "phase");
        check.text(path.index(n).key("name"), &phase.name);
    }
    check.unique(
        bank.cycle
            .iter()
            .enumerate()
            .map(|(n, phase)| (path.index(n).key("id"), phase.id.as_str())),
        "phase",
    );
}

fn pillars(check: &mut Checker, bank: &Bank) {
    let path = FieldPath::default().key("pillars");
    let count = bank.pillars.len();
    if !(1..=MAX_PILLARS).contains(&count) {
        check.report(
            path.clone(),
            "bank-pillar-count",
            &[("count", &count), ("max", &MAX_PILLARS)],
        );
    }
    check.unique(
        bank.pillars
            .iter()
            .enumerate()
            .map(|(n, pillar)| (path.index(n).key("id"), pillar.id.as_str())),
        "pillar",
    );
    let stage_count = bank.stages.len();
    for (n, pillar) in bank.pillars.iter().enumerate() {
        let at = path.index(n);
        check.id(at.key("id"), &pillar.id, "pillar");
        check.text(at.key("name"), &pillar.name);
        let asked = bank
            .questions
            .iter()
            .filter(|q| q.pillar == pillar.id)
            .count();
        let needed = bank.rules.min_answers_per_pillar as usize;
        if asked < needed {
            check.report(
                at.key("id"),
                "bank-pillar-few-questions",
                &[
                    ("pillar", &pillar.id),
                    ("count", &asked),
                    ("needed", &needed),
                ],
            );
        }
        for level in 1..=stage_count {
            let given = pillar
                .advice
                .iter()
                .filter(|advice| usize::from(advice.stage) == level)
                .count();
            if given == 0 {
                check.warn(
                    at.key("advice"),
                    "bank-no-advice",
                    &[("pillar", &pillar.id), ("level", &level)],
                );
            }
        }
        for (a, advice) in pillar.advice.iter().enumerate() {
            let at = at.key("advice").index(a);
            let level = usize::from(advice.stage);
            if level == 0 || level > stage_count {
                check.report(
                    at.key("stage"),
                    "bank-no-such-stage",
                    &[("level", &level), ("count", &stage_count)],
                );
            } else if pillar.advice[..a]
                .iter()
                .any(|other| other.stage == advice.stage)
            {
                check.report(
                    at.key("stage"),
                    "bank-advice-twice",
                    &[("pillar", &pillar.id), ("level", &level)],
                );
            }
            check.text(at.key("text"), &advice.text);
            if !(1..=5).contains(&advice.steps.len()) {
                check.report(
                    at.key("steps"),
                    "bank-steps-count",
                    &[("count", &advice.steps.len())],
                );
            }
            for (s, step) in advice.steps.iter().enumerate() {
                let at = at.key("steps").index(s);
                check.text(at.key("text"), &step.text);
                if let Some(phase) = &step.phase
                    && bank.phase(phase).is_none()
                {
                    check.report(at.key("phase"), "bank-unknown-phase", &[("phase", phase)]);
                }
            }
        }
    }
}

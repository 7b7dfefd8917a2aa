//! The rules a bank must follow. Each broken rule becomes a `Problem` that
//! points at the offending place by its path in the bank, so the loader can
//! turn it into a file, line and column.

use super::Bank;
use super::problem::{FieldPath, Problem};
use crate::lang::{Lang, Text};
use std::collections::HashSet;

/// The fewest and most stages a bank may have.
pub const MIN_STAGES: usize = 2;
pub const MAX_STAGES: usize = 9;
/// The most pillars a bank may have.
pub const MAX_PILLARS: usize = 12;
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
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        self.problems.push(Problem {
            path,
            message: message.into(),
            hint: hint.into(),
        });
    }

    pub(super) fn warn(
        &mut self,
        path: FieldPath,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        self.warnings.push(Problem {
            path,
            message: message.into(),
            hint: hint.into(),
        });
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
                    format!(
                        "the text is {length} characters long, over the limit of {MAX_TEXT_CHARS}"
                    ),
                    "shorten it: a question, label or piece of advice is read in seconds",
                );
            }
            if let Some(c) = own
                .chars()
                .find(|&c| c != '\n' && crate::visible::is_hazard(c))
            {
                self.warn(
                    path.lang(lang),
                    format!(
                        "the text holds the control character {}, which is shown written out",
                        crate::visible::visible(&c.to_string())
                    ),
                    "remove it: a terminal would take it as a command to move the cursor, change colour or reverse text",
                );
            }
            if self.declared && !self.languages.contains(&lang) {
                self.warn(
                    path.lang(lang),
                    format!(
                        "`{lang}` is not one of the bank's languages ({}), so this text is never shown",
                        self.language_list()
                    ),
                    format!("add `{lang}` to `languages:`, or remove the text"),
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
            for lang in missing {
                let name = language_name(lang);
                self.report(
                    path.lang(lang),
                    format!("the {name} text is missing"),
                    format!(
                        "add `{lang}:` with the text in {name}: the bank's languages are {}",
                        self.language_list()
                    ),
                );
            }
        } else if missing.len() == self.languages.len() {
            self.report(
                path,
                "the text is missing",
                format!(
                    "add the text in {}",
                    self.languages
                        .iter()
                        .map(|lang| format!("`{lang}:`"))
                        .collect::<Vec<_>>()
                        .join(" and ")
                ),
            );
        } else {
            for lang in missing {
                let name = language_name(lang);
                self.warn(
                    path.lang(lang),
                    format!("the {name} text is missing; another language is shown instead"),
                    format!("add `{lang}:` with the text in {name}"),
                );
            }
        }
    }

    fn language_list(&self) -> String {
        let codes: Vec<&str> = self.languages.iter().map(Lang::code).collect();
        codes.join(", ")
    }

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
                format!("{what} `{id}` is not a short ASCII id"),
                format!(
                    "use 1 to {MAX_ID_LEN} lower-case letters, digits, `-` or `_`, starting with a letter or digit"
                ),
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
                self.report(
                    path,
                    format!("{what} `{id}` is used twice"),
                    format!("give every {what} its own id"),
                );
            }
        }
    }
}

/// A language's English name where it is a common one, else its code.
pub(super) fn language_name(lang: Lang) -> String {
    let known = [
        ("nl", "Dutch"),
        ("en", "English"),
        ("fr", "French"),
        ("de", "German"),
    ];
    known
        .iter()
        .find(|(code, _)| *code == lang.code())
        .map_or_else(|| format!("`{lang}`"), |(_, name)| name.to_string())
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
                format!("`{lang}` is listed twice"),
                "list each language once",
            );
        }
        seen.push(lang);
    }
    check.id(top.key("id"), &bank.id, "the bank id");
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
            "min_answers_per_pillar is 0",
            "set it to 1 or more: a pillar needs at least one real answer to be scored",
        );
    }
    if let Some(level) = bank.rules.top_stage_needs_every_pillar_at
        && (level == 0 || usize::from(level) > stage_count)
    {
        check.report(
            path.key("top_stage_needs_every_pillar_at"),
            format!("stage {level} does not exist"),
            format!("use a stage level from 1 to {stage_count}"),
        );
    }
}

fn stages(check: &mut Checker, bank: &Bank) {
    let path = FieldPath::default().key("stages");
    let count = bank.stages.len();
    if !(MIN_STAGES..=MAX_STAGES).contains(&count) {
        check.report(
            path.clone(),
            format!("the bank has {count} stages"),
            format!("list from {MIN_STAGES} to {MAX_STAGES} stages, lowest first"),
        );
    }
    let mut previous: Option<u8> = None;
    for (n, stage) in bank.stages.iter().enumerate() {
        let at = path.index(n);
        check.text(at.key("name"), &stage.name);
        check.text(at.key("description"), &stage.description);
        let min = stage.min_score;
        match previous {
            None if min != 0 => check.report(
                at.key("min_score"),
                format!("the lowest stage starts at {min}"),
                "set min_score of the first stage to 0, so every score has a stage",
            ),
            Some(before) if min <= before => check.report(
                at.key("min_score"),
                format!("min_score {min} is not above the previous stage's {before}"),
                "thresholds must rise from stage to stage",
            ),
            _ if min > 100 => check.report(
                at.key("min_score"),
                format!("min_score {min} is above 100"),
                "scores run from 0 to 100",
            ),
            _ => {}
        }
        previous = Some(min);
    }
}

fn cycle(check: &mut Checker, bank: &Bank) {
    let path = FieldPath::default().key("cycle");
    for (n, phase) in bank.cycle.iter().enumerate() {
        check.id(path.index(n).key("id"), &phase.id, "the phase id");
        check.text(path.index(n).key("name"), &phase.name);
    }
    check.unique(
        bank.cycle
            .iter()
            .enumerate()
            .map(|(n, phase)| (path.index(n).key("id"), phase.id.as_str())),
        "phase id",
    );
}

fn pillars(check: &mut Checker, bank: &Bank) {
    let path = FieldPath::default().key("pillars");
    let count = bank.pillars.len();
    if !(1..=MAX_PILLARS).contains(&count) {
        check.report(
            path.clone(),
            format!("the bank has {count} pillars"),
            format!("list from 1 to {MAX_PILLARS} pillars"),
        );
    }
    check.unique(
        bank.pillars
            .iter()
            .enumerate()
            .map(|(n, pillar)| (path.index(n).key("id"), pillar.id.as_str())),
        "pillar id",
    );
    let stage_count = bank.stages.len();
    for (n, pillar) in bank.pillars.iter().enumerate() {
        let at = path.index(n);
        check.id(at.key("id"), &pillar.id, "the pillar id");
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
                format!(
                    "pillar `{}` has {asked} question{}, fewer than min_answers_per_pillar ({needed})",
                    pillar.id,
                    if asked == 1 { "" } else { "s" }
                ),
                "add questions for this pillar or lower rules.min_answers_per_pillar",
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
                    format!(
                        "pillar `{}` has no advice for stage {level}; none is shown there",
                        pillar.id
                    ),
                    format!("add an advice entry with `stage: {level}`"),
                );
            }
        }
        for (a, advice) in pillar.advice.iter().enumerate() {
            let at = at.key("advice").index(a);
            let level = usize::from(advice.stage);
            if level == 0 || level > stage_count {
                check.report(
                    at.key("stage"),
                    format!("stage {level} does not exist"),
                    format!("use a stage level from 1 to {stage_count}"),
                );
            } else if pillar.advice[..a]
                .iter()
                .any(|other| other.stage == advice.stage)
            {
                check.report(
                    at.key("stage"),
                    format!(
                        "pillar `{}` has two advice entries for stage {level}",
                        pillar.id
                    ),
                    "keep one entry for each stage",
                );
            }
            check.text(at.key("text"), &advice.text);
            if !(1..=5).contains(&advice.steps.len()) {
                check.report(
                    at.key("steps"),
                    format!("{} next steps given", advice.steps.len()),
                    "give from 1 to 5 concrete next steps (2 or 3 read best)",
                );
            }
            for (s, step) in advice.steps.iter().enumerate() {
                let at = at.key("steps").index(s);
                check.text(at.key("text"), &step.text);
                if let Some(phase) = &step.phase
                    && bank.phase(phase).is_none()
                {
                    check.report(
                        at.key("phase"),
                        format!("phase `{phase}` is not in the cycle"),
                        "use the id of a phase listed under `cycle:`, or leave `phase` out",
                    );
                }
            }
        }
    }
}

//! The question bank as a YAML file: the built-in one and `--bank FILE`.

use super::locate::{Location, Locator};
use crate::lang::Lang;
use crate::model::bank::{Args, Bank, args};
use anyhow::Result;
use std::fmt;
use std::fmt::Write;
use std::path::Path;

/// The bundled Digital Growth Pyramid bank, compiled into the binary.
pub const BUILTIN_YAML: &str = include_str!("../../questions/pyramid.yaml");
const BUILTIN_NAME: &str = "questions/pyramid.yaml";

/// The bundled models, by name: (name, file, text). The first is the default.
pub const MODELS: &[(&str, &str, &str)] = &[
    ("pyramid", BUILTIN_NAME, BUILTIN_YAML),
    (
        "social",
        "questions/social.yaml",
        include_str!("../../questions/social.yaml"),
    ),
];

/// A bundled model by name.
pub fn model(name: &str) -> Result<Bank> {
    match MODELS.iter().find(|(model, _, _)| *model == name) {
        Some((_, file, text)) => Ok(parse(text, file)?),
        None => {
            let names: Vec<&str> = MODELS.iter().map(|(model, _, _)| *model).collect();
            let args = [("name", name), ("models", &names.join(", "))];
            Err(crate::messages::Localized::new("no-such-model", &args).into())
        }
    }
}

/// A bank that failed to load, with every problem found.
#[derive(Debug)]
pub struct BankError {
    pub source: String,
    pub problems: Vec<LocatedProblem>,
}

/// One problem, placed in the file where possible.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocatedProblem {
    pub location: Option<Location>,
    /// The place in the bank's structure, such as `questions[2].id`.
    pub path: String,
    /// The problem's key in the language files, and its values.
    pub key: &'static str,
    pub args: Args,
}

impl LocatedProblem {
    /// What is wrong, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        crate::messages::bank_problem(lang, self.key, &self.args).0
    }

    /// How to mend it, in `lang`.
    pub fn hint(&self, lang: Lang) -> String {
        crate::messages::bank_problem(lang, self.key, &self.args).1
    }
}

impl std::error::Error for BankError {}

impl BankError {
    /// The problems as a person reads them, in `lang`: each with its file,
    /// line and column, what is wrong and how to mend it.
    pub fn in_lang(&self, lang: Lang) -> String {
        let heading = crate::messages::Localized::new("bank-invalid", &[("file", &self.source)])
            .count("count", self.problems.len());
        let mut text = heading.in_lang(lang);
        for problem in &self.problems {
            let place = match problem.location {
                Some(at) => format!("{}:{}:{}", self.source, at.line, at.column),
                None => self.source.clone(),
            };
            let path = if problem.path.is_empty() {
                String::new()
            } else {
                format!("{}: ", problem.path)
            };
            let (message, hint) = crate::messages::bank_problem(lang, problem.key, &problem.args);
            let line = format!("{place}: {path}{message}");
            let _ = write!(
                text,
                "\n  {}\n      {}",
                line,
                crate::messages::fix(lang, &hint)
            );
        }
        text
    }
}

impl fmt::Display for BankError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(Lang::EN))
    }
}

/// The built-in bank.
pub fn builtin() -> Result<Bank, BankError> {
    parse(BUILTIN_YAML, BUILTIN_NAME)
}

/// Loads and checks a bank file.
pub fn load(path: &Path) -> Result<Bank> {
    let text = super::read_text(path)?;
    Ok(parse(&text, &path.display().to_string())?)
}

/// Parses and checks a bank; `source` names it in messages. Control
/// characters in its texts are written out (`\x1b`), so that no screen,
/// table or page shows them raw; `pyramid validate` warns about them.
pub fn parse(text: &str, source: &str) -> Result<Bank, BankError> {
    let mut bank = parse_as_written(text, source)?;
    bank.for_each_text_mut(|text| {
        text.map(|t| crate::visible::visible_lines(t).into_owned());
    });
    Ok(bank)
}

/// Parses and checks a bank, its texts exactly as written.
pub fn parse_as_written(text: &str, source: &str) -> Result<Bank, BankError> {
    let fail = |problems| BankError {
        source: source.to_string(),
        problems,
    };
    if text.trim().is_empty() {
        return Err(fail(vec![LocatedProblem {
            location: None,
            path: String::new(),
            key: "bank-empty",
            args: Vec::new(),
        }]));
    }
    if let Err(line) = super::check_nesting(text) {
        return Err(fail(vec![LocatedProblem {
            location: Some(Location { line, column: 1 }),
            path: String::new(),
            key: "bank-nested",
            args: args(&[("limit", &super::MAX_NESTING)]),
        }]));
    }
    let bank: Bank = serde_yaml::from_str(text).map_err(|err| {
        let mut problem = syntax_problem(&err);
        if super::looks_like(text) == Some(super::Looks::Answers) {
            problem.key = "bank-looks-like-answers";
        }
        fail(vec![problem])
    })?;
    bank.validated()
        .map_err(|problems| fail(located(text, problems)))
}

/// Places problems found in `text` at their line and column.
pub fn located(text: &str, problems: Vec<crate::model::bank::Problem>) -> Vec<LocatedProblem> {
    let locator = Locator::new(text);
    problems
        .into_iter()
        .map(|problem| LocatedProblem {
            location: locator.locate(&problem.path),
            path: problem.path.to_string(),
            key: problem.key,
            args: problem.args,
        })
        .collect()
}

/// A YAML syntax or shape error, without the location the parser appends
/// to its message (the location is reported in front instead).
fn syntax_problem(err: &serde_yaml::Error) -> LocatedProblem {
    let location = err.location().map(|at| Location {
        line: at.line(),
        column: at.column(),
    });
    let mut message = err.to_string();
    if let Some(cut) = message.rfind(" at line ") {
        message.truncate(cut);
    }
    let message = super::plain_yaml_error(&message);
    let (path, message) = match message.split_once(": ") {
        Some((path, rest)) if !path.contains(' ') => (path.to_string(), rest.to_string()),
        _ => (String::new(), message),
    };
    // serde_yaml names the field path for shape errors, not for syntax
    // errors; an unknown field at the top has no path either. Its words
    // are the parser's (English); the fix is in the reader's language.
    let key = if message.starts_with("unknown field") {
        "bank-unknown-field"
    } else if message.starts_with("duplicate") {
        "bank-duplicate-key"
    } else if path.is_empty() {
        "bank-yaml-syntax"
    } else {
        "bank-field-shape"
    };
    LocatedProblem {
        location,
        path,
        key,
        args: vec![("reason", message)],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::bank::MAX_OPTIONS;
    use crate::testing::tiny_bank_yaml;

    fn problems(yaml: &str) -> Vec<LocatedProblem> {
        parse(yaml, "bank.yaml")
            .expect_err("should be refused")
            .problems
    }

    fn line_of(yaml: &str, needle: &str) -> usize {
        yaml.lines()
            .position(|line| line.contains(needle))
            .expect("needle in yaml")
            + 1
    }

    #[test]
    fn builtin_bank_loads() {
        let bank = builtin().expect("the built-in bank is valid");
        assert_eq!(bank.id, "pyramid");
        // Batch scoring looks its pillar scores up.
        assert!(bank.score_table().is_some());
    }

    #[test]
    fn empty_file_is_refused() {
        let found = problems("  \n");
        assert_eq!(found[0].message(Lang::EN), "the file is empty");
    }

    #[test]
    fn yaml_syntax_error_has_line_and_column() {
        let found = problems("id: x\ntitle: [unclosed\n");
        assert_eq!(found.len(), 1);
        assert!(
            found[0].location.is_some_and(|at| at.line >= 2),
            "{found:?}"
        );
    }

    #[test]
    fn unknown_field_is_named_with_its_line() {
        let yaml = tiny_bank_yaml().replace("  - {id: b1, pillar: b,", "  - {id: b1, pilar: b,");
        let found = problems(&yaml);
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message(Lang::EN).contains("unknown field `pilar`"),
            "{found:?}"
        );
        assert_eq!(
            found[0].location.map(|at| at.line),
            Some(line_of(&yaml, "id: b1"))
        );
    }

    #[test]
    fn duplicate_question_id() {
        let yaml = tiny_bank_yaml().replace("{id: b2,", "{id: b1,");
        let found = problems(&yaml);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].path, "questions[3].id");
        assert_eq!(found[0].message(Lang::EN), "question id `b1` is used twice");
        assert_eq!(
            found[0].location.map(|at| at.line),
            Some(line_of(&yaml, "{id: b1, pillar: b, text"))
        );
    }

    #[test]
    fn duplicate_pillar_id() {
        let yaml = tiny_bank_yaml().replace("- {id: c, name", "- {id: b, name");
        let found = problems(&yaml);
        assert!(
            found
                .iter()
                .any(|p| p.message(Lang::EN) == "pillar id `b` is used twice"),
            "{found:?}"
        );
    }

    #[test]
    fn question_for_an_unknown_pillar() {
        let yaml = tiny_bank_yaml().replace("{id: d2, pillar: d,", "{id: d2, pillar: e,");
        let found = problems(&yaml);
        let problem = found
            .iter()
            .find(|p| p.path == "questions[7].pillar")
            .expect("pillar problem");
        assert_eq!(problem.message(Lang::EN), "pillar `e` is not defined");
        assert_eq!(problem.hint(Lang::EN), "use one of: a, b, c, d");
        assert_eq!(
            problem.location.map(|at| at.line),
            Some(line_of(&yaml, "id: d2"))
        );
        // Pillar d is left with one question: reported too, not hidden.
        assert!(
            found.iter().any(|p| p
                .message(Lang::EN)
                .starts_with("pillar `d` has 1 question,")),
            "{found:?}"
        );
    }

    #[test]
    fn option_level_outside_the_stages() {
        let yaml = tiny_bank_yaml().replacen("{key: z, level: 4,", "{key: z, level: 5,", 1);
        let found = problems(&yaml);
        assert!(
            found
                .iter()
                .any(|p| p.message(Lang::EN) == "level 5 is not a stage"),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|p| p.message(Lang::EN) == "no option of `a1` has level 4"),
            "{found:?}"
        );
    }

    /// The tiny bank with question a1 given `count` options.
    fn with_options(count: usize) -> String {
        let options: Vec<String> = (0..count)
            .map(|n| {
                let level = if n + 1 == count { 4 } else { 1 + n % 3 };
                format!("{{key: o{n}, level: {level}, label: {{nl: o{n}, en: o{n}}}}}")
            })
            .collect();
        let line = format!(
            "  - {{id: a1, pillar: a, text: {{nl: a1, en: a1}}, options: [{}]}}\n",
            options.join(", ")
        );
        let yaml = tiny_bank_yaml();
        let start = yaml.find("  - {id: a1,").expect("question a1");
        let end = start + yaml[start..].find('\n').expect("its line") + 1;
        format!("{}{line}{}", &yaml[..start], &yaml[end..])
    }

    #[test]
    fn a_question_may_have_up_to_max_options_and_its_last_one_counts() {
        let found = problems(&with_options(MAX_OPTIONS + 1));
        let problem = found
            .iter()
            .find(|p| p.key == "bank-many-options")
            .expect("refused for its options");
        assert_eq!(
            problem.message(Lang::EN),
            "question `a1` has 201 options, over the limit of 200"
        );
        assert_eq!(
            problem.location.map(|at| at.line),
            Some(line_of(&with_options(3), "id: a1"))
        );
        // At the limit the last option is kept and scored as any other.
        let bank = parse(&with_options(MAX_OPTIONS), "bank.yaml").expect("at the limit");
        let mut responses = crate::model::answers::Responses::empty(&bank);
        for question in 0..bank.questions.len() {
            let last = bank.questions[question].options.len() - 1;
            responses.set(question, Some(crate::model::answers::Choice::Option(last)));
        }
        let last = responses.get(0);
        assert_eq!(
            last,
            Some(crate::model::answers::Choice::Option(MAX_OPTIONS - 1))
        );
        let assessment = crate::model::scoring::assess(&bank, &responses);
        assert_eq!(assessment.pillars[0].score, Some(100));
    }

    fn warnings(yaml: &str) -> Vec<LocatedProblem> {
        let bank = parse(yaml, "bank.yaml").expect("loads, with warnings");
        located(yaml, crate::model::bank::warnings(&bank))
    }

    #[test]
    fn a_text_in_one_language_loads_with_a_warning_and_falls_back() {
        let yaml = tiny_bank_yaml().replace("text: {nl: c2, en: c2}", "text: {nl: c2}");
        let found = warnings(&yaml);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].path, "questions[5].text.en");
        assert!(
            found[0]
                .message(Lang::EN)
                .starts_with("the English text is missing"),
            "{found:?}"
        );
        assert_eq!(
            found[0].location.map(|at| at.line),
            Some(line_of(&yaml, "id: c2"))
        );
        let bank = parse(&yaml, "bank.yaml").expect("loads");
        assert_eq!(bank.questions[5].text.get(crate::lang::Lang::EN), "c2");
    }

    #[test]
    fn a_text_in_neither_language_is_refused() {
        let yaml = tiny_bank_yaml().replace("text: {nl: c2, en: c2}", "text: {}");
        let found = problems(&yaml);
        assert_eq!(found[0].path, "questions[5].text");
        assert_eq!(found[0].message(Lang::EN), "the text is missing");
    }

    #[test]
    fn thresholds_must_rise() {
        let yaml = tiny_bank_yaml().replace("min_score: 50", "min_score: 10");
        let found = problems(&yaml);
        assert_eq!(
            found[0].message(Lang::EN),
            "min_score 10 is not above the previous stage's 17"
        );
        assert_eq!(
            found[0].location.map(|at| at.line),
            Some(line_of(&yaml, "min_score: 10"))
        );
    }

    #[test]
    fn first_threshold_must_be_zero() {
        let yaml = tiny_bank_yaml().replace("min_score: 0}", "min_score: 5}");
        let found = problems(&yaml);
        assert_eq!(found[0].message(Lang::EN), "the lowest stage starts at 5");
    }

    #[test]
    fn pillar_without_questions() {
        let yaml = tiny_bank_yaml()
            .replace("{id: d1, pillar: d,", "{id: d1, pillar: c,")
            .replace("{id: d2, pillar: d,", "{id: d2, pillar: c,");
        let found = problems(&yaml);
        assert!(
            found[0]
                .message(Lang::EN)
                .starts_with("pillar `d` has 0 questions"),
            "{found:?}"
        );
    }

    #[test]
    fn missing_advice_for_a_stage_is_a_warning() {
        let yaml = tiny_bank_yaml().replacen(
            "{stage: 2, text: {nl: r2, en: a2}, steps: [{text: {nl: s, en: s}}]}, ",
            "",
            1,
        );
        let found = warnings(&yaml);
        assert!(
            found[0]
                .message(Lang::EN)
                .starts_with("pillar `a` has no advice for stage 2"),
            "{found:?}"
        );
    }

    #[test]
    fn duplicate_option_key_and_reserved_key() {
        let yaml = tiny_bank_yaml().replacen("{key: x, level: 2", "{key: w, level: 2", 1);
        let found = problems(&yaml);
        assert_eq!(found[0].message(Lang::EN), "option key `w` is used twice");
        let yaml = tiny_bank_yaml().replacen("{key: x, level: 2", "{key: dont_know, level: 2", 1);
        let found = problems(&yaml);
        assert!(found[0].message(Lang::EN).contains("reserved"), "{found:?}");
    }

    #[test]
    fn step_with_unknown_phase() {
        let yaml = tiny_bank_yaml().replacen("steps: [{text:", "steps: [{phase: dream, text:", 1);
        let found = problems(&yaml);
        assert_eq!(
            found[0].message(Lang::EN),
            "phase `dream` is not in the cycle"
        );
    }

    #[test]
    fn bad_id_and_too_few_stages_are_all_reported() {
        let yaml = tiny_bank_yaml().replace("id: tiny", "id: Tiny Bank");
        let found = problems(&yaml);
        assert_eq!(
            found[0].message(Lang::EN),
            "the bank id `Tiny Bank` is not a short ASCII id"
        );
        assert_eq!(
            found[0].location.map(|at| at.line),
            Some(line_of(&yaml, "id: Tiny Bank"))
        );
    }

    #[test]
    fn error_message_names_file_line_and_fix() {
        let yaml = tiny_bank_yaml().replace("{id: b2,", "{id: b1,");
        let err = parse(&yaml, "mine.yaml").expect_err("refused");
        let text = err.to_string();
        let line = line_of(&yaml, "{id: b1, pillar: b, text");
        assert!(
            text.starts_with("mine.yaml is not a valid question bank (1 problem):"),
            "{text}"
        );
        assert!(text.contains(&format!("mine.yaml:{line}:")), "{text}");
        assert!(
            text.contains("fix: give every question id its own id"),
            "{text}"
        );
    }
}

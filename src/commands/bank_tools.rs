//! Authoring a bank: `pyramid validate FILE...` and `pyramid new-bank`.

use crate::cli::{NewBankArgs, ValidateArgs};
use crate::exit_code::ExitCode;
use crate::input::bank_file::{self, located};
use crate::lang::Lang;
use crate::messages::Localized;
use crate::model::bank::{self, FIVE_MINUTE_WORDS, MAX_PILLARS};
use crate::output::print;
use anyhow::Result;
use std::fmt::Write;

pub fn validate(args: &ValidateArgs, lang: Lang) -> Result<ExitCode> {
    use crate::messages::{describe, error, fix};
    let (mut errors, mut warned) = (0, 0);
    for file in &args.files {
        let name = file.display().to_string();
        let text = match crate::input::read_text(file) {
            Ok(text) => text,
            Err(err) => {
                crate::output::say(&error(lang, &describe(&err, lang)));
                errors += 1;
                continue;
            }
        };
        let bank = match bank_file::parse_as_written(&text, &name) {
            Ok(bank) => bank,
            Err(err) => {
                crate::output::say(&error(lang, &err.in_lang(lang)));
                errors += 1;
                continue;
            }
        };
        for found in located(&text, bank::warnings(&bank)) {
            let place = found.location.map_or(name.clone(), |at| {
                format!("{name}:{}:{}", at.line, at.column)
            });
            let line = format!("{place}: {}: {}", found.path, found.message(lang));
            crate::output::say(&format!(
                "{}\n    {}",
                crate::messages::warning(lang, &line),
                fix(lang, &found.hint(lang))
            ));
            warned += 1;
        }
        let words: Vec<(Lang, usize)> = bank
            .languages()
            .into_iter()
            .map(|l| (l, bank::words_to_read(&bank, l)))
            .collect();
        let counts = [bank.questions.len(), bank.pillars.len(), bank.stages.len()];
        print(&format!(
            "{}
",
            crate::messages::bank_valid(
                lang,
                (&name, bank.pillar_term),
                counts,
                &words,
                FIVE_MINUTE_WORDS
            )
        ))?;
    }
    Ok(if errors > 0 {
        ExitCode::BadInput
    } else if warned > 0 && args.strict {
        ExitCode::Partial
    } else {
        ExitCode::Success
    })
}

/// The skeleton's fixed part, with `{id}`, `{top}`, `{levels}`,
/// `{stages}`, `{pillars}` and `{questions}` to fill in.
const NEW_BANK: &str = include_str!("templates/new-bank.yaml");

/// The lowest score of stage `level` out of `stages`: just above halfway
/// between the levels below and at it, so that halfway counts down.
fn threshold(level: usize, stages: usize) -> usize {
    if level == 1 {
        return 0;
    }
    // Halfway between level - 1 and level on the 0-100 scale, rounded half
    // up as scores are, plus one.
    (100 * (2 * level - 3) + (stages - 1)) / (2 * (stages - 1)) + 1
}

/// A valid skeleton: every field, a comment on each, placeholder texts.
pub fn new_bank(args: &NewBankArgs) -> Result<ExitCode> {
    let stages = usize::from(args.stages);
    let pillars = &args.pillars;
    if pillars.is_empty() || pillars.len() > MAX_PILLARS {
        let err = Localized::new("new-bank-pillars", &[]).count("max", MAX_PILLARS);
        return Err(err.into());
    }
    for (n, pillar) in pillars.iter().enumerate() {
        if pillars[..n].contains(pillar) {
            let err = Localized::new("new-bank-pillar-twice", &[("pillar", pillar)]);
            return Err(err.into());
        }
    }
    let levels = 1..=stages;
    let stage_list: String = levels
        .clone()
        .map(|level| {
            format!(
                "  - name: {{nl: Fase {level}, en: Stage {level}}}\n    \
                 description: {{nl: Wat fase {level} kenmerkt., en: What marks stage {level}.}}\n    \
                 min_score: {}\n",
                threshold(level, stages)
            )
        })
        .collect();
    let pillar_list: String = pillars
        .iter()
        .map(|pillar| {
            let advice: String = levels
                .clone()
                .map(|level| {
                    format!(
                        "      - stage: {level}\n        \
                         text: {{nl: Advies bij fase {level}., en: Advice at stage {level}.}}\n        \
                         steps:\n          - phase: plan\n            \
                         text: {{nl: Een concrete volgende stap., en: A concrete next step.}}\n"
                    )
                })
                .collect();
            format!("  - id: {pillar}\n    name: {{nl: {pillar}, en: {pillar}}}\n    advice:\n{advice}")
        })
        .collect();
    let question_list: String = pillars
        .iter()
        .flat_map(|pillar| (1..=2).map(move |n| (pillar, n)))
        .map(|(pillar, n)| {
            let dont_know = if n == 2 { "    dont_know: true\n" } else { "" };
            let options: String = levels
                .clone()
                .map(|level| {
                    let key = char::from(b'a' + (level - 1) as u8);
                    format!(
                        "      - {{key: {key}, level: {level}, label: {{nl: Wat we doen op niveau {level}, en: What we do at level {level}}}}}\n"
                    )
                })
                .collect();
            format!(
                "  - id: {pillar}-{n}\n    pillar: {pillar}\n    \
                 text: {{nl: Vraag {n} over {pillar}?, en: Question {n} about {pillar}?}}\n\
                 {dont_know}    options:\n{options}"
            )
        })
        .collect();
    let yaml = NEW_BANK
        .replace("{id}", &args.id)
        .replace("{top}", &stages.saturating_sub(1).max(1).to_string())
        .replace("{levels}", &stages.to_string())
        .replace("{stages}\n", &stage_list)
        .replace("{pillars}\n", &pillar_list)
        .replace("{questions}\n", &question_list);
    // The skeleton must itself be valid: refuse bad ids here, not later.
    bank_file::parse(&yaml, &format!("{}.yaml", args.id))?;
    print(&yaml)?;
    Ok(ExitCode::Success)
}

/// One line per bundled model: name, title, size.
pub fn models(lang: Lang) -> Result<ExitCode> {
    let mut out = String::new();
    for (name, file, _) in bank_file::MODELS {
        let bank = bank_file::model(name)?;
        let _ = writeln!(
            out,
            "{name:<10} {}",
            crate::messages::model_line(
                lang,
                (bank.title.get(lang), bank.pillar_term),
                [bank.stages.len(), bank.pillars.len(), bank.questions.len()],
                &bank.languages(),
                file
            )
        );
    }
    print(&out)?;
    Ok(ExitCode::Success)
}

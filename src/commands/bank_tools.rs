//! Authoring a bank: `pyramid validate FILE...` and `pyramid new-bank`.

use crate::bank::{self, FIVE_MINUTE_WORDS};
use crate::cli::{NewBankArgs, ValidateArgs};
use crate::exit_code::ExitCode;
use crate::input::bank_file::{self, located};
use crate::lang::Lang;
use crate::output::print;
use anyhow::{Result, bail};
use std::fmt::Write;

pub fn validate(args: &ValidateArgs) -> Result<ExitCode> {
    let (mut errors, mut warned) = (0, 0);
    for file in &args.files {
        let name = file.display().to_string();
        let text = match crate::input::read_text(file) {
            Ok(text) => text,
            Err(err) => {
                crate::output::say(&format!("error: {err:#}"));
                errors += 1;
                continue;
            }
        };
        let bank = match bank_file::parse_as_written(&text, &name) {
            Ok(bank) => bank,
            Err(err) => {
                crate::output::say(&format!("error: {err}"));
                errors += 1;
                continue;
            }
        };
        for warning in located(&text, bank::warnings(&bank)) {
            let place = warning.location.map_or(name.clone(), |at| {
                format!("{name}:{}:{}", at.line, at.column)
            });
            crate::output::say(&format!(
                "warning: {place}: {}: {}\n    fix: {}",
                warning.path, warning.message, warning.hint
            ));
            warned += 1;
        }
        print(&format!(
            "{name}: valid: {} questions, {} pillars, {} stages; {} words to read in Dutch, {} in English (budget {FIVE_MINUTE_WORDS})\n",
            bank.questions.len(),
            bank.pillars.len(),
            bank.stages.len(),
            bank::words_to_read(&bank, Lang::Nl),
            bank::words_to_read(&bank, Lang::En),
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

/// A valid skeleton: every field, a comment on each, placeholder texts.
pub fn new_bank(args: &NewBankArgs) -> Result<ExitCode> {
    let stages = usize::from(args.stages);
    let pillars = &args.pillars;
    if pillars.is_empty() || pillars.len() > 12 {
        bail!("give 1 to 12 pillars, comma separated: --pillars people,process,tools");
    }
    for (n, pillar) in pillars.iter().enumerate() {
        if pillars[..n].contains(pillar) {
            bail!("pillar `{pillar}` is named twice");
        }
    }
    let mut yaml = String::new();
    let w = &mut yaml;
    let _ = writeln!(
        w,
        "# A question bank for pyramid: fill in every text in Dutch (nl) and English (en)."
    );
    let _ = writeln!(
        w,
        "# Check it with `pyramid validate FILE`; use it with `pyramid --bank FILE test`."
    );
    let _ = writeln!(
        w,
        "# The format is described field by field in docs/banks.md.\n"
    );
    let _ = writeln!(w, "# A short ASCII id; answer files name the bank by it.");
    let _ = writeln!(w, "id: {}", args.id);
    let _ = writeln!(w, "# The model's name.");
    let _ = writeln!(w, "title: {{nl: Mijn model, en: My model}}");
    let _ = writeln!(
        w,
        "# The label of the \"don't know\" answer (offered where a question says dont_know: true)."
    );
    let _ = writeln!(w, "dont_know: {{nl: Weet ik niet, en: Don't know}}\n");
    let _ = writeln!(w, "# The numbers of the scoring rule.");
    let _ = writeln!(w, "rules:");
    let _ = writeln!(w, "  # A pillar with fewer real answers gets no stage.");
    let _ = writeln!(w, "  min_answers_per_pillar: 2");
    let _ = writeln!(
        w,
        "  # Optional: the top stage needs every pillar at least at this stage."
    );
    let _ = writeln!(
        w,
        "  top_stage_needs_every_pillar_at: {}",
        stages.saturating_sub(1).max(1)
    );
    let _ = writeln!(
        w,
        "  # Optional: the overall stage is at most this many stages above the weakest pillar."
    );
    let _ = writeln!(w, "  max_stages_above_weakest: 1\n");
    let _ = writeln!(
        w,
        "# The stages, lowest first. min_score is the lowest score (0-100) that reaches a stage:"
    );
    let _ = writeln!(
        w,
        "# 0 for the first, then rising. These lie halfway between the answer levels."
    );
    let _ = writeln!(w, "stages:");
    for level in 1..=stages {
        let min = if level == 1 {
            0
        } else {
            // Halfway between level-1 and level, on the 0-100 scale, rounded.
            (100 * (2 * level - 3) + (stages - 1)) / (2 * (stages - 1))
        };
        let _ = writeln!(w, "  - name: {{nl: Fase {level}, en: Stage {level}}}");
        let _ = writeln!(
            w,
            "    description: {{nl: Wat fase {level} kenmerkt., en: What marks stage {level}.}}"
        );
        let _ = writeln!(w, "    min_score: {min}");
    }
    let _ = writeln!(
        w,
        "\n# Optional: the phases of an improvement cycle that next steps refer to."
    );
    let _ = writeln!(w, "cycle:");
    let _ = writeln!(w, "  - {{id: plan, name: {{nl: Plannen, en: Plan}}}}");
    let _ = writeln!(w, "  - {{id: do, name: {{nl: Doen, en: Do}}}}");
    let _ = writeln!(w, "  - {{id: measure, name: {{nl: Meten, en: Measure}}}}\n");
    let _ = writeln!(
        w,
        "# The pillars (dimensions), each with advice for every stage and 1-5 next steps."
    );
    let _ = writeln!(w, "pillars:");
    for pillar in pillars {
        let _ = writeln!(w, "  - id: {pillar}");
        let _ = writeln!(w, "    name: {{nl: {pillar}, en: {pillar}}}");
        let _ = writeln!(w, "    advice:");
        for level in 1..=stages {
            let _ = writeln!(w, "      - stage: {level}");
            let _ = writeln!(
                w,
                "        text: {{nl: Advies bij fase {level}., en: Advice at stage {level}.}}"
            );
            let _ = writeln!(w, "        steps:");
            let _ = writeln!(w, "          - phase: plan");
            let _ = writeln!(
                w,
                "            text: {{nl: Een concrete volgende stap., en: A concrete next step.}}"
            );
        }
    }
    let _ = writeln!(
        w,
        "\n# The questions: an id, its pillar, the text, and options from level 1 to {stages}."
    );
    let _ = writeln!(
        w,
        "# An option's level is the stage the answer points to; keys are what answer files use."
    );
    let _ = writeln!(
        w,
        "# Optional per question: dont_know: true, weight: 2 (counts double within its pillar)."
    );
    let _ = writeln!(w, "questions:");
    for pillar in pillars {
        for n in 1..=2 {
            let _ = writeln!(w, "  - id: {pillar}-{n}");
            let _ = writeln!(w, "    pillar: {pillar}");
            let _ = writeln!(
                w,
                "    text: {{nl: Vraag {n} over {pillar}?, en: Question {n} about {pillar}?}}"
            );
            if n == 2 {
                let _ = writeln!(w, "    dont_know: true");
            }
            let _ = writeln!(w, "    options:");
            for level in 1..=stages {
                let key = char::from(b'a' + (level - 1) as u8);
                let _ = writeln!(
                    w,
                    "      - {{key: {key}, level: {level}, label: {{nl: Wat we doen op niveau {level}, en: What we do at level {level}}}}}"
                );
            }
        }
    }
    // The skeleton must itself be valid: refuse bad ids here, not later.
    if let Err(err) = bank_file::parse(&yaml, "the new bank") {
        bail!("{err}");
    }
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
                file
            )
        );
    }
    print(&out)?;
    Ok(ExitCode::Success)
}

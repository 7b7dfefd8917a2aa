//! The tool's own words, in Dutch and English. Everything else a user reads
//! (questions, stages, pillars, advice) comes from the bank.

use crate::lang::Lang;
use crate::model::bank::PillarTerm;

mod explanations;
mod words;

pub use explanations::{
    PillarWords, advice_per, balanced, explain_score, explain_top_rule, explain_unscored,
    explain_weakest_rule, pillar_words,
};
pub use words::{Words, words};

/// `Question 3/15 · Platform`
pub fn question_header(lang: Lang, number: usize, total: usize, pillar: &str) -> String {
    format!("{} {number}/{total} · {pillar}", words(lang).question)
}

/// The line under the title before the first question.
pub fn intro(lang: Lang, questions: usize) -> String {
    let minutes = questions.div_ceil(3).max(1);
    match lang {
        Lang::Nl => format!("{questions} vragen, ongeveer {minutes} minuten."),
        Lang::En => format!("{questions} questions, about {minutes} minutes."),
    }
}

/// `Stage 2 of 4: Consciously incompetent`
pub fn stage_heading(lang: Lang, level: u8, count: u8, name: &str) -> String {
    format!("{} {level}/{count}: {name}", words(lang).stage)
}

pub fn dont_know_count(lang: Lang, count: u32) -> String {
    match lang {
        Lang::Nl => format!("{count}× weet ik niet"),
        Lang::En => format!("{count}× don't know"),
    }
}

pub fn saved_to(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Nl => format!("Antwoorden bewaard in {path}"),
        Lang::En => format!("Answers saved to {path}"),
    }
}

/// Joins names as "a, b and c" / "a, b en c".
pub fn join_names(lang: Lang, names: &[&str]) -> String {
    let and = match lang {
        Lang::Nl => "en",
        Lang::En => "and",
    };
    match names {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
    }
}

/// `Team of 12 respondents: stage 2/4, Consciously incompetent (score 54)`
pub fn team_heading(
    lang: Lang,
    respondents: u64,
    stage: Option<(u8, u8, &str)>,
    score: Option<u8>,
) -> String {
    let result = match (stage, score) {
        (Some((level, count, name)), Some(score)) => match lang {
            Lang::Nl => format!("fase {level}/{count}, {name} (score {score})"),
            Lang::En => format!("stage {level}/{count}, {name} (score {score})"),
        },
        _ => words(lang).no_stage.to_string(),
    };
    format!("{}: {result}", team_of(lang, respondents))
}

/// `Team of 12 respondents`, `Team of 1 respondent`.
pub fn team_of(lang: Lang, respondents: u64) -> String {
    match (lang, respondents) {
        (Lang::Nl, 1) => "Team van 1 respondent".to_string(),
        (Lang::Nl, n) => format!("Team van {n} respondenten"),
        (Lang::En, 1) => "Team of 1 respondent".to_string(),
        (Lang::En, n) => format!("Team of {n} respondents"),
    }
}

/// A bundled model in `pyramid models`: its title and size.
pub fn model_line(
    lang: Lang,
    (title, term): (&str, PillarTerm),
    [stages, pillars, questions]: [usize; 3],
    file: &str,
) -> String {
    let ps = pillar_words(lang, term).many;
    match lang {
        Lang::Nl => {
            format!("{title} · {stages} fasen, {pillars} {ps}, {questions} vragen ({file})")
        }
        Lang::En => {
            format!("{title} · {stages} stages, {pillars} {ps}, {questions} questions ({file})")
        }
    }
}

/// A number with `places` decimals as the language writes it: `50,0` in
/// Dutch, `50.0` in English.
pub fn decimal(lang: Lang, value: f64, places: usize) -> String {
    let text = format!("{value:.places$}");
    match lang {
        Lang::Nl => text.replace('.', ","),
        Lang::En => text,
    }
}

/// One stage's line in the distribution: `2 Bewust onbekwaam: 5 (42%)`.
pub fn distribution_line(
    lang: Lang,
    level: Option<u8>,
    name: &str,
    count: u64,
    total: u64,
) -> String {
    let share = (count * 100 + total / 2).checked_div(total).unwrap_or(0);
    match level {
        Some(level) => format!("{level} {name}: {count} ({share}%)"),
        None => format!("{}: {count} ({share}%)", words(lang).not_enough),
    }
}

/// `Conversion: spread 31.2; front group 4 at 70 on average, peloton 8 at 15 (gap 55)`
pub fn disagreement_line(
    lang: Lang,
    pillar: &str,
    spread: f64,
    front: (u64, f64),
    peloton: (u64, f64),
) -> String {
    let gap = front.1 - peloton.1;
    match lang {
        Lang::Nl => format!(
            "{pillar}: spreiding {}; kopgroep van {} met gemiddeld {:.0}, peloton van {} met gemiddeld {:.0} (verschil {gap:.0})",
            decimal(lang, spread, 1),
            front.0,
            front.1,
            peloton.0,
            peloton.1
        ),
        Lang::En => format!(
            "{pillar}: spread {spread:.1}; front group of {} at {:.0} on average, peloton of {} at {:.0} (gap {gap:.0})",
            front.0, front.1, peloton.0, peloton.1
        ),
    }
}

/// After an interruption: where the answers are and how to go on.
pub fn how_to_continue(lang: Lang, answered: usize) -> String {
    match (lang, answered) {
        (Lang::Nl, 0) => "Er is nog niets beantwoord.".to_string(),
        (Lang::En, 0) => "Nothing was answered yet.".to_string(),
        (Lang::Nl, 1) => {
            "Je eerste antwoord is bewaard; ga verder met: pyramid test --resume".to_string()
        }
        (Lang::En, 1) => {
            "Your 1 answer so far is saved; continue with: pyramid test --resume".to_string()
        }
        (Lang::Nl, n) => format!(
            "Je {n} antwoorden tot nu toe zijn bewaard; ga verder met: pyramid test --resume"
        ),
        (Lang::En, n) => {
            format!("Your {n} answers so far are saved; continue with: pyramid test --resume")
        }
    }
}

pub fn resume_question(lang: Lang, answered: usize, total: usize) -> String {
    match lang {
        Lang::Nl => {
            format!("Er is een onafgemaakte zelftest gevonden ({answered} van {total} beantwoord).")
        }
        Lang::En => format!("An unfinished self-test was found ({answered} of {total} answered)."),
    }
}

pub fn progress_unusable(lang: Lang, path: &str, reason: &str) -> String {
    match lang {
        Lang::Nl => format!(
            "Let op: de bewaarde voortgang in {path} is onbruikbaar ({reason}); er start een nieuwe test."
        ),
        Lang::En => format!(
            "Warning: the saved progress in {path} cannot be used ({reason}); starting a new test."
        ),
    }
}

/// The prompt of the line-by-line self-test (`TERM=dumb`, small windows).
pub fn plain_choice(lang: Lang, options: usize, back: bool) -> String {
    match (lang, back) {
        (Lang::Nl, true) => format!("Typ 1–{options} en Enter; b gaat terug, q stopt: "),
        (Lang::Nl, false) => format!("Typ 1–{options} en Enter; q stopt: "),
        (Lang::En, true) => format!("Type 1–{options} and Enter; b goes back, q quits: "),
        (Lang::En, false) => format!("Type 1–{options} and Enter; q quits: "),
    }
}

pub fn progress_kept_aside(lang: Lang, reason: &str, kept: &str) -> String {
    match lang {
        Lang::Nl => format!(
            "Let op: de bewaarde voortgang is onbruikbaar ({reason}); die staat nu in {kept}. Er start een nieuwe test."
        ),
        Lang::En => format!(
            "Warning: the saved progress cannot be used ({reason}); it is kept in {kept}. Starting a new test."
        ),
    }
}

pub fn answers_dropped(lang: Lang, dropped: usize, kept: &str) -> String {
    match (lang, dropped) {
        (Lang::Nl, 1) => format!(
            "Let op: 1 bewaard antwoord past niet meer bij de vragen en wordt opnieuw gevraagd; het oude bestand staat in {kept}."
        ),
        (Lang::Nl, n) => format!(
            "Let op: {n} bewaarde antwoorden passen niet meer bij de vragen en worden opnieuw gevraagd; het oude bestand staat in {kept}."
        ),
        (Lang::En, 1) => format!(
            "Warning: 1 saved answer no longer fits the questions and will be asked again; the old file is kept in {kept}."
        ),
        (Lang::En, n) => format!(
            "Warning: {n} saved answers no longer fit the questions and will be asked again; the old file is kept in {kept}."
        ),
    }
}

pub fn progress_locked(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Nl => format!(
            "er loopt al een zelftest met deze vragen, die zijn antwoorden bewaart in {path}; maak die eerst af (of sluit hem), zodat geen van beide antwoorden verliest"
        ),
        Lang::En => format!(
            "another self-test with these questions is running and keeps its answers in {path}; finish (or close) that one first, so that neither loses answers"
        ),
    }
}

pub fn progress_not_saved(lang: Lang, reason: &str) -> String {
    match lang {
        Lang::Nl => format!(
            "Let op: de voortgang kan niet bewaard worden ({reason}); bij een onderbreking gaan de antwoorden verloren."
        ),
        Lang::En => format!(
            "Warning: progress cannot be saved ({reason}); an interruption will lose the answers."
        ),
    }
}

/// `+17 ↑`, `-5 ↓`, `0 →`.
pub fn signed_change(delta: i16) -> String {
    match delta {
        d if d > 0 => format!("+{d} ↑"),
        d if d < 0 => format!("{d} ↓"),
        _ => "0 →".to_string(),
    }
}

/// The overall stage before and after, in a sentence.
pub fn stage_change(lang: Lang, old: Option<(u8, &str)>, new: Option<(u8, &str)>) -> String {
    let show = |stage: Option<(u8, &str)>| match stage {
        Some((level, name)) => format!("{level} ({name})"),
        None => "–".to_string(),
    };
    match (lang, old.map(|s| s.0) == new.map(|s| s.0)) {
        (Lang::Nl, true) => format!("De totaalfase blijft {}.", show(new)),
        (Lang::En, true) => format!("The overall stage stays at {}.", show(new)),
        (Lang::Nl, false) => format!("De totaalfase gaat van {} naar {}.", show(old), show(new)),
        (Lang::En, false) => format!(
            "The overall stage moves from {} to {}.",
            show(old),
            show(new)
        ),
    }
}

/// Whether the focus pillar changed, in a sentence.
pub fn focus_change(lang: Lang, term: PillarTerm, old: Option<&str>, new: Option<&str>) -> String {
    let show = |name: Option<&str>| name.unwrap_or("–").to_string();
    let p = pillar_words(lang, term).one;
    match (lang, old == new) {
        (Lang::Nl, true) => format!("De focus{p} blijft {}.", show(new)),
        (Lang::En, true) => format!("The focus {p} stays {}.", show(new)),
        (Lang::Nl, false) => format!(
            "De focus{p} verschuift van {} naar {}.",
            show(old),
            show(new)
        ),
        (Lang::En, false) => format!("The focus {p} moves from {} to {}.", show(old), show(new)),
    }
}

/// One pillar against its target.
pub fn target_gap(
    lang: Lang,
    pillar: &str,
    score: Option<u8>,
    stage: Option<u8>,
    target: (u8, &str, u8),
    points: u8,
) -> String {
    let (level, name, from) = target;
    let now = match (lang, score, stage) {
        (Lang::Nl, Some(score), Some(stage)) => format!("score {score}, fase {stage}"),
        (Lang::En, Some(score), Some(stage)) => format!("score {score}, stage {stage}"),
        (_, _, _) => words(lang).not_enough.to_string(),
    };
    match (lang, points) {
        (Lang::Nl, 0) => format!("{pillar}: {now}; doel fase {level} ({name}) gehaald"),
        (Lang::En, 0) => format!("{pillar}: {now}; target stage {level} ({name}) reached"),
        (Lang::Nl, 1) => {
            format!("{pillar}: {now}; 1 punt onder fase {level} ({name}, vanaf {from})")
        }
        (Lang::En, 1) => {
            format!("{pillar}: {now}; 1 point short of stage {level} ({name}, from {from})")
        }
        (Lang::Nl, _) => {
            format!("{pillar}: {now}; {points} punten onder fase {level} ({name}, vanaf {from})")
        }
        (Lang::En, _) => {
            format!("{pillar}: {now}; {points} points short of stage {level} ({name}, from {from})")
        }
    }
}

/// A move: `question: now "…" (level 1) → b "…" (level 2)`.
pub fn target_move(
    lang: Lang,
    question: &str,
    from: Option<(&str, u8)>,
    to: (&str, &str, u8),
) -> String {
    let level = match lang {
        Lang::Nl => "niveau",
        Lang::En => "level",
    };
    let now = match (lang, from) {
        (_, Some((label, n))) => format!("\"{label}\" ({level} {n})"),
        (Lang::Nl, None) => "geen antwoord".to_string(),
        (Lang::En, None) => "no answer".to_string(),
    };
    let (key, label, n) = to;
    match lang {
        Lang::Nl => format!("{question}: nu {now} → {key} \"{label}\" ({level} {n})"),
        Lang::En => format!("{question}: now {now} → {key} \"{label}\" ({level} {n})"),
    }
}

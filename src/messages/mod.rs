//! The tool's own words, in Dutch and English. Everything else a user reads
//! (questions, stages, pillars, advice) comes from the bank.

use crate::lang::Lang;
use crate::model::bank::{Bank, PillarTerm};
use crate::model::target::TargetError;
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;

mod catalog;
mod explanations;
mod localized;
mod words;

use catalog::Arg::{self, Count, Text};
use catalog::{message, message_attribute, text};

pub use explanations::{
    PillarWords, advice_per, balanced, explain_score, explain_top_rule, explain_unscored,
    explain_weakest_rule, pillar_words,
};
pub use localized::{Localized, LocalizedContext, cannot_read, describe, say_in};
pub use words::{Words, words};

/// A line with its label in front, as the language writes it:
/// `error: …`, `fout: …`, `erreur : …`.
fn labelled(lang: Lang, label: &str, line: &str) -> String {
    let label = text(lang, label);
    message(
        lang,
        "labelled",
        &[("label", Text(&label)), ("text", Text(line))],
    )
}

/// `error: …`, `fout: …`, `erreur : …`.
pub fn error(lang: Lang, line: &str) -> String {
    labelled(lang, "error", line)
}

/// `warning: …`, `waarschuwing: …`, `avertissement : …`.
pub fn warning(lang: Lang, line: &str) -> String {
    labelled(lang, "warning", line)
}

/// `note: …`, `opmerking: …`, `remarque : …`.
pub fn note(lang: Lang, line: &str) -> String {
    labelled(lang, "note", line)
}

/// `fix: …`, `oplossing: …`, `correction : …`: how to mend a bank.
pub fn fix(lang: Lang, line: &str) -> String {
    labelled(lang, "fix", line)
}

/// A language's name as the interface's language says it after "in":
/// `French`, `het Frans`, `français`; a language it has no name for, by
/// its code.
pub fn language_name(lang: Lang, of: Lang) -> String {
    message(lang, "language-name", &[("code", Text(of.code()))])
}

/// The one note for a reader whose language the interface or the bank
/// lacks, in the language the interface shows; `None` when both have it.
pub fn language_note(lang: Lang, bank: &Bank) -> Option<String> {
    let shown = bank.text_language(lang);
    let key = match (lang.has_interface(), shown == lang) {
        (true, true) => return None,
        (false, true) => "interface-in-english",
        (true, false) => "model-lacks-language",
        (false, false) => "language-unavailable",
    };
    let (asked, shown) = (language_name(lang, lang), language_name(lang, shown));
    let args = [
        ("lang", Text(&asked)),
        ("model", Text(bank.title.get(lang))),
        ("shown", Text(&shown)),
    ];
    Some(message(lang, key, &args))
}

/// What is wrong with `--target SPEC`, to be shown in the reader's
/// language.
pub fn target_error(spec: &str, err: &TargetError, bank: &Bank) -> Localized {
    let (key, value, top) = match err {
        TargetError::NotAPair(part) => ("target-not-a-pair", part.as_str(), 0),
        TargetError::NotAStage(value, top) => ("target-not-a-stage", value.as_str(), *top),
        TargetError::StageTwice => ("target-stage-twice", "", 0),
        TargetError::PillarTwice(id) => ("target-pillar-twice", id.as_str(), 0),
        TargetError::UnknownPillar(id) => ("target-unknown-pillar", id.as_str(), 0),
        TargetError::NoStage => ("target-no-stage", "", 0),
    };
    let known: Vec<&str> = bank.pillars.iter().map(|p| p.id.as_str()).collect();
    let args = [
        ("spec", spec),
        ("value", value),
        ("known", &known.join(", ")),
    ];
    Localized::new(key, &args).count("top", top)
}

/// A bank's problem as a person reads it: what is wrong (the message of
/// `key`) and how to mend it (its `.fix`). Values that are whole numbers
/// choose plurals; `language` is a language code, shown by its name.
pub fn bank_problem(lang: Lang, key: &str, args: &[(&'static str, String)]) -> (String, String) {
    let names: Vec<Option<String>> = args
        .iter()
        .map(|(name, value)| {
            (*name == "language")
                .then(|| Lang::from_code(value).map(|code| language_name(lang, code)))
                .flatten()
        })
        .collect();
    let values: Vec<(&'static str, Arg)> = args
        .iter()
        .zip(&names)
        .map(|((name, value), language)| {
            let arg = match (language, value.parse::<u64>()) {
                (Some(language), _) => Text(language),
                (None, Ok(n)) => Count(n),
                (None, Err(_)) => Text(value),
            };
            (*name, arg)
        })
        .collect();
    let message = message(lang, key, &values);
    let fix = message_attribute(lang, key, "fix", &values);
    (message, fix)
}

/// A count of things in memory, as a message argument.
fn count(n: usize) -> Arg<'static> {
    Count(u64::try_from(n).unwrap_or(u64::MAX))
}

/// `Question 3/15 · Platform`
pub fn question_header(lang: Lang, number: usize, total: usize, pillar: &str) -> String {
    format!("{} {number}/{total} · {pillar}", words(lang).question)
}

/// The line under the title before the first question.
pub fn intro(lang: Lang, questions: usize) -> String {
    let minutes = questions.div_ceil(3).max(1);
    message(
        lang,
        "intro",
        &[("count", count(questions)), ("minutes", count(minutes))],
    )
}

/// `Stage 2 of 4: Consciously incompetent`
pub fn stage_heading(lang: Lang, level: u8, count: u8, name: &str) -> String {
    format!("{} {level}/{count}: {name}", words(lang).stage)
}

pub fn dont_know_count(lang: Lang, dont_know: u32) -> String {
    message(
        lang,
        "dont-know-count",
        &[("count", Count(dont_know.into()))],
    )
}

pub fn saved_to(lang: Lang, path: &str) -> String {
    message(lang, "saved-to", &[("path", Text(path))])
}

/// Joins names as "a, b and c" / "a, b en c".
pub fn join_names(lang: Lang, names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} {} {last}", rest.join(", "), text(lang, "and")),
    }
}

/// `Team of 12 respondents: stage 2/4, Consciously incompetent (score 54)`
pub fn team_heading(
    lang: Lang,
    respondents: u64,
    stage: Option<(u8, u8, &str)>,
    score: Option<u8>,
) -> String {
    let team = team_of(lang, respondents);
    match (stage, score) {
        (Some((level, count, name)), Some(score)) => message(
            lang,
            "team-heading",
            &[
                ("team", Text(&team)),
                ("stage", Count(level.into())),
                ("stages", Count(count.into())),
                ("name", Text(name)),
                ("score", Count(score.into())),
            ],
        ),
        _ => format!("{team}: {}", words(lang).no_stage),
    }
}

/// `Team of 12 respondents`, `Team of 1 respondent`.
pub fn team_of(lang: Lang, respondents: u64) -> String {
    message(lang, "team-of", &[("count", Count(respondents))])
}

/// A bundled model in `pyramid models`: its title and size.
pub fn model_line(
    lang: Lang,
    (title, term): (&str, PillarTerm),
    [stages, pillars, questions]: [usize; 3],
    languages: &[Lang],
    file: &str,
) -> String {
    message(
        lang,
        "model-line",
        &[
            ("languages", Text(&codes(languages))),
            ("title", Text(title)),
            ("stages", count(stages)),
            ("pillars", count(pillars)),
            ("ps", Text(pillar_words(lang, term).many)),
            ("questions", count(questions)),
            ("file", Text(file)),
        ],
    )
}

/// Language codes as a list: `nl, en, fr`.
fn codes(languages: &[Lang]) -> String {
    let codes: Vec<&str> = languages.iter().map(Lang::code).collect();
    codes.join(", ")
}

/// `pyramid validate`'s line for a valid bank, with the words to read in
/// each of its languages: `… words to read: 707 nl, 733 en (budget 1,000)`.
pub fn bank_valid(
    lang: Lang,
    (file, term): (&str, PillarTerm),
    [questions, pillars, stages]: [usize; 3],
    words: &[(Lang, usize)],
    budget: usize,
) -> String {
    let words: Vec<String> = words.iter().map(|(l, n)| format!("{n} {l}")).collect();
    message(
        lang,
        "bank-valid",
        &[
            ("file", Text(file)),
            ("questions", count(questions)),
            ("pillars", count(pillars)),
            ("ps", Text(pillar_words(lang, term).many)),
            ("stages", count(stages)),
            ("words", Text(&words.join(", "))),
            ("budget", count(budget)),
        ],
    )
}

/// A number with `places` decimals as the interface's language writes it
/// (CLDR, through ICU4X): `50,0` in Dutch and French, `50.0` in English.
pub fn decimal(lang: Lang, value: f64, places: usize) -> String {
    let text = format!("{value:.places$}");
    let Ok(number) = text.parse::<Decimal>() else {
        // NaN or infinity: no number to format.
        return text;
    };
    DECIMALS.with(|formatters| match &formatters[lang.interface_index()] {
        Some(formatter) => formatter.format(&number).to_string(),
        None => text,
    })
}

/// A whole number as the interface's language groups its digits:
/// `1.000.000` in Dutch, `1,000,000` in English, `1 000 000` in French.
pub fn grouped(lang: Lang, n: u64) -> String {
    DECIMALS.with(|formatters| match &formatters[lang.interface_index()] {
        Some(formatter) => formatter.format(&Decimal::from(n)).to_string(),
        None => n.to_string(),
    })
}

thread_local! {
    /// A decimal formatter per interface language, built once a thread.
    /// (`None` only if ICU4X had no data even for the root locale: the
    /// number is then written as Rust writes it.)
    static DECIMALS: [Option<DecimalFormatter>; 3] = Lang::INTERFACE.map(|lang| {
        let id: Option<icu_locale_core::LanguageIdentifier> = lang.code().parse().ok();
        let prefs = id.map(|id| (&id).into()).unwrap_or_default();
        DecimalFormatter::try_new(prefs, Default::default())
            .or_else(|_| DecimalFormatter::try_new(Default::default(), Default::default()))
            .ok()
    });
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
    let stage = match level {
        Some(level) => format!("{level} {name}"),
        None => words(lang).not_enough.to_string(),
    };
    let args = [
        ("stage", Text(&stage)),
        ("count", Count(count)),
        ("share", Count(share)),
    ];
    message(lang, "distribution-line", &args)
}

/// `Conversion: spread 31.2; front group 4 at 70 on average, peloton 8 at 15 (gap 55)`
pub fn disagreement_line(
    lang: Lang,
    pillar: &str,
    spread: f64,
    front: (u64, f64),
    peloton: (u64, f64),
) -> String {
    let whole = |value: f64| format!("{value:.0}");
    message(
        lang,
        "disagreement-line",
        &[
            ("pillar", Text(pillar)),
            ("spread", Text(&decimal(lang, spread, 1))),
            ("front", Count(front.0)),
            ("front-mean", Text(&whole(front.1))),
            ("peloton", Count(peloton.0)),
            ("peloton-mean", Text(&whole(peloton.1))),
            ("gap", Text(&whole(front.1 - peloton.1))),
        ],
    )
}

/// After an interruption: where the answers are and how to go on.
pub fn how_to_continue(lang: Lang, answered: usize) -> String {
    message(lang, "how-to-continue", &[("count", count(answered))])
}

pub fn resume_question(lang: Lang, answered: usize, total: usize) -> String {
    message(
        lang,
        "resume-question",
        &[("answered", count(answered)), ("total", count(total))],
    )
}

pub fn progress_unusable(lang: Lang, path: &str, reason: &str) -> String {
    message(
        lang,
        "progress-unusable",
        &[("path", Text(path)), ("reason", Text(reason))],
    )
}

/// The prompt of the line-by-line self-test (`TERM=dumb`, small windows).
pub fn plain_choice(lang: Lang, options: usize, back: bool) -> String {
    let key = if back {
        "plain-choice-back"
    } else {
        "plain-choice"
    };
    message(lang, key, &[("count", count(options))])
}

pub fn progress_kept_aside(lang: Lang, reason: &str, kept: &str) -> String {
    message(
        lang,
        "progress-kept-aside",
        &[("reason", Text(reason)), ("kept", Text(kept))],
    )
}

pub fn answers_dropped(lang: Lang, dropped: usize, kept: &str) -> String {
    message(
        lang,
        "answers-dropped",
        &[("count", count(dropped)), ("kept", Text(kept))],
    )
}

pub fn progress_locked(lang: Lang, path: &str) -> String {
    message(lang, "progress-locked", &[("path", Text(path))])
}

pub fn progress_not_saved(lang: Lang, reason: &str) -> String {
    message(lang, "progress-not-saved", &[("reason", Text(reason))])
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
    let (old_text, new_text) = (show(old), show(new));
    let args = [("old", Text(&old_text)), ("new", Text(&new_text))];
    if old.map(|s| s.0) == new.map(|s| s.0) {
        message(lang, "stage-stays", &args)
    } else {
        message(lang, "stage-moves", &args)
    }
}

/// Whether the focus pillar changed, in a sentence.
pub fn focus_change(lang: Lang, term: PillarTerm, old: Option<&str>, new: Option<&str>) -> String {
    let args = [
        ("p", Text(pillar_words(lang, term).one)),
        ("old", Text(old.unwrap_or("–"))),
        ("new", Text(new.unwrap_or("–"))),
    ];
    let key = if old == new {
        "focus-stays"
    } else {
        "focus-moves"
    };
    message(lang, key, &args)
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
    let now = match (score, stage) {
        (Some(score), Some(stage)) => message(
            lang,
            "target-now",
            &[
                ("score", Count(score.into())),
                ("stage", Count(stage.into())),
            ],
        ),
        _ => words(lang).not_enough.to_string(),
    };
    let args = [
        ("pillar", Text(pillar)),
        ("now", Text(&now)),
        ("level", Count(level.into())),
        ("name", Text(name)),
        ("points", Count(points.into())),
        ("from", Count(from.into())),
    ];
    let key = if points == 0 {
        "target-reached"
    } else {
        "target-short"
    };
    message(lang, key, &args)
}

/// A move: `question: now "…" (level 1) → b "…" (level 2)`.
pub fn target_move(
    lang: Lang,
    question: &str,
    from: Option<(&str, u8)>,
    to: (&str, &str, u8),
) -> String {
    let answer = |label: &str, level: u8| {
        message(
            lang,
            "answer-level",
            &[("label", Text(label)), ("level", Count(level.into()))],
        )
    };
    let now = match from {
        Some((label, level)) => answer(label, level),
        None => text(lang, "no-answer"),
    };
    let (key, label, level) = to;
    message(
        lang,
        "target-move",
        &[
            ("question", Text(question)),
            ("now", Text(&now)),
            ("key", Text(key)),
            ("to", Text(&answer(label, level))),
        ],
    )
}

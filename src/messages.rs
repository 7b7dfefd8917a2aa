//! The tool's own words, in Dutch and English. Everything else a user reads
//! (questions, stages, pillars, advice) comes from the bank.

use crate::lang::Lang;
use crate::model::bank::PillarTerm;

/// Fixed words and labels.
pub struct Words {
    pub back: &'static str,
    pub keys_hint: &'static str,
    pub quit_confirm: &'static str,
    pub keep_going: &'static str,
    pub quit: &'static str,
    pub quit_done: &'static str,
    pub interrupted: &'static str,
    pub stopped: &'static str,
    pub resume: &'static str,
    pub start_over: &'static str,
    pub nothing_to_resume: &'static str,
    pub result: &'static str,
    pub score: &'static str,
    pub stage: &'static str,
    pub overall: &'static str,
    pub not_enough: &'static str,
    pub why: &'static str,
    pub focus: &'static str,
    pub next_steps: &'static str,
    pub you_are_here: &'static str,
    pub question: &'static str,
    pub question_columns: &'static str,
    pub respondent: &'static str,
    pub before: &'static str,
    pub target: &'static str,
    pub moves: &'static str,
    pub after: &'static str,
    pub change: &'static str,
    pub moved: &'static str,
    pub mean: &'static str,
    pub min: &'static str,
    pub max: &'static str,
    pub spread: &'static str,
    pub team_stage: &'static str,
    pub distribution: &'static str,
    pub disagreement: &'static str,
    pub cell_legend: &'static str,
    pub no_stage: &'static str,
}

const NL: Words = Words {
    back: "← Terug naar de vorige vraag",
    keys_hint: "↑/↓ kiezen · Enter bevestigen · Esc of q stoppen",
    quit_confirm: "Stoppen met de zelftest? Je antwoorden tot nu toe blijven bewaard.",
    keep_going: "Nee, verder met de test",
    quit: "Ja, stoppen",
    quit_done: "Zelftest gestopt.",
    interrupted: "Onderbroken.",
    stopped: "Gestopt.",
    resume: "Verder waar ik gebleven was",
    start_over: "Opnieuw beginnen",
    nothing_to_resume: "Geen onafgemaakte zelftest gevonden; er start een nieuwe.",
    result: "Resultaat",
    score: "Score",
    stage: "Fase",
    overall: "Totaal",
    not_enough: "te weinig antwoorden",
    why: "Waarom deze fase",
    focus: "Focus",
    next_steps: "Volgende stappen",
    you_are_here: "◀ hier staan jullie",
    question: "Vraag",
    question_columns: "Vraag (antwoorden: sleutel · niveau · tekst)",
    respondent: "Respondent",
    before: "Voor",
    target: "Doel",
    moves: "Eerst te verbeteren antwoorden",
    after: "Na",
    change: "Verschil",
    moved: "Antwoorden die veranderden",
    mean: "Gem.",
    min: "Min",
    max: "Max",
    spread: "Spreiding",
    team_stage: "Teamfase",
    distribution: "Verdeling over de fasen",
    disagreement: "Waar het team het minst eens is",
    cell_legend: "Elke cel: score · fase.",
    no_stage: "Te weinig antwoorden om een fase te bepalen.",
};

const EN: Words = Words {
    back: "← Back to the previous question",
    keys_hint: "↑/↓ move · Enter choose · Esc or q quit",
    quit_confirm: "Quit the self-test? Your answers so far are kept.",
    keep_going: "No, go on with the test",
    quit: "Yes, quit",
    quit_done: "Self-test stopped.",
    interrupted: "Interrupted.",
    stopped: "Stopped.",
    resume: "Continue where I left off",
    start_over: "Start over",
    nothing_to_resume: "No unfinished self-test was found; starting a new one.",
    result: "Result",
    score: "Score",
    stage: "Stage",
    overall: "Overall",
    not_enough: "not enough answers",
    why: "Why this stage",
    focus: "Focus",
    next_steps: "Next steps",
    you_are_here: "◀ you are here",
    question: "Question",
    question_columns: "Question (options: key · level · text)",
    respondent: "Respondent",
    before: "Before",
    target: "Target",
    moves: "Answers to move first",
    after: "After",
    change: "Change",
    moved: "Answers that changed",
    mean: "Mean",
    min: "Min",
    max: "Max",
    spread: "Spread",
    team_stage: "Team stage",
    distribution: "Stage distribution",
    disagreement: "Where the team disagrees most",
    cell_legend: "Each cell: score · stage.",
    no_stage: "Too few answers to give a stage.",
};

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    }
}

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

/// What a model calls its pillars, in one language: `pijler`, `pijlers`,
/// `Pijler`, or `dimensie`, `dimensies`, `Dimensie`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PillarWords {
    pub one: &'static str,
    pub many: &'static str,
    pub title: &'static str,
}

pub fn pillar_words(lang: Lang, term: PillarTerm) -> PillarWords {
    let (one, many, title) = match (lang, term) {
        (Lang::Nl, PillarTerm::Pillar) => ("pijler", "pijlers", "Pijler"),
        (Lang::Nl, PillarTerm::Dimension) => ("dimensie", "dimensies", "Dimensie"),
        (Lang::En, PillarTerm::Pillar) => ("pillar", "pillars", "Pillar"),
        (Lang::En, PillarTerm::Dimension) => ("dimension", "dimensions", "Dimension"),
    };
    PillarWords { one, many, title }
}

/// `Advies per pijler`, `Advice per dimension`.
pub fn advice_per(lang: Lang, term: PillarTerm) -> String {
    let p = pillar_words(lang, term).one;
    match lang {
        Lang::Nl => format!("Advies per {p}"),
        Lang::En => format!("Advice per {p}"),
    }
}

pub fn balanced(lang: Lang, term: PillarTerm) -> String {
    let ps = pillar_words(lang, term).many;
    match lang {
        Lang::Nl => format!("De {ps} zijn in balans: de balansregel verlaagt de fase niet."),
        Lang::En => {
            format!("The {ps} are in balance: the balance rule does not lower the stage.")
        }
    }
}

/// The overall score and the stage it reaches: (score, parts, stage,
/// stage name, threshold).
pub fn explain_score(
    lang: Lang,
    term: PillarTerm,
    (score, parts, stage, name, min): (u8, &str, u8, &str, u8),
) -> String {
    let p = pillar_words(lang, term).one;
    match lang {
        Lang::Nl => format!(
            "De totaalscore is {score}: het gemiddelde van de {p}scores ({parts}). \
             Daarmee halen jullie fase {stage} ({name}), die begint bij {min}."
        ),
        Lang::En => format!(
            "The overall score is {score}: the mean of the {p} scores ({parts}). \
             That reaches stage {stage} ({name}), which starts at {min}."
        ),
    }
}

pub fn explain_top_rule(
    lang: Lang,
    term: PillarTerm,
    required: u8,
    (behind, count): (&str, usize),
    stage: u8,
) -> String {
    let p = pillar_words(lang, term).one;
    match (lang, count) {
        (Lang::Nl, 1) => format!(
            "De hoogste fase vraagt elke {p} op minstens fase {required}; {behind} zit daaronder, \
             dus wordt het fase {stage}."
        ),
        (Lang::Nl, _) => format!(
            "De hoogste fase vraagt elke {p} op minstens fase {required}; {behind} zitten daaronder, \
             dus wordt het fase {stage}."
        ),
        (Lang::En, 1) => format!(
            "The top stage needs every {p} at stage {required} or higher; {behind} is below that, \
             so the stage is {stage}."
        ),
        (Lang::En, _) => format!(
            "The top stage needs every {p} at stage {required} or higher; {behind} are below that, \
             so the stage is {stage}."
        ),
    }
}

pub fn explain_weakest_rule(
    lang: Lang,
    term: PillarTerm,
    max_above: u8,
    (weakest, weakest_stage): (&str, u8),
    stage: u8,
) -> String {
    let p = pillar_words(lang, term).one;
    match lang {
        Lang::Nl => format!(
            "De totaalfase ligt hooguit {max_above} boven de zwakste {p}; {weakest} zit in fase \
             {weakest_stage} en houdt het resultaat tegen, dus wordt het fase {stage}."
        ),
        Lang::En => format!(
            "The overall stage is at most {max_above} above the weakest {p}; {weakest} is at stage \
             {weakest_stage} and holds the result back, so the stage is {stage}."
        ),
    }
}

pub fn explain_unscored(
    lang: Lang,
    pillar: &str,
    answered: u32,
    dont_know: u32,
    needed: u32,
) -> String {
    match lang {
        Lang::Nl => format!(
            "{pillar} heeft te weinig antwoorden ({answered} beantwoord, {dont_know}× weet ik niet; \
             minstens {needed} nodig) en telt niet mee in de totaalscore."
        ),
        Lang::En => format!(
            "{pillar} has too few answers ({answered} answered, {dont_know}× don't know; \
             at least {needed} needed) and is left out of the overall score."
        ),
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

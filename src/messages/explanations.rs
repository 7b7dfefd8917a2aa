//! What a model calls its pillars, and the sentences that explain a
//! result: the score and its stage, each balance rule that lowered it, a
//! pillar with too few answers.

use crate::lang::Lang;
use crate::model::bank::PillarTerm;

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

//! What a model calls its pillars, and the sentences that explain a
//! result: the score and its stage, each balance rule that lowered it, a
//! pillar with too few answers.

use super::catalog::Arg::{Count, Text};
use super::catalog::message;
use super::count;
use crate::lang::Lang;
use crate::model::bank::PillarTerm;
use std::sync::LazyLock;

/// What a model calls its pillars, in one language: `pijler`, `pijlers`,
/// `Pijler`, or `dimensie`, `dimensies`, `Dimensie`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PillarWords {
    pub one: &'static str,
    pub many: &'static str,
    pub title: &'static str,
}

impl PillarWords {
    /// Read once from the language files, kept for the life of the process.
    fn load(lang: Lang, term: PillarTerm) -> PillarWords {
        let term = match term {
            PillarTerm::Pillar => "pillar",
            PillarTerm::Dimension => "dimension",
        };
        let word = |key| message(lang, key, &[("term", Text(term))]).leak();
        PillarWords {
            one: word("pillar-one"),
            many: word("pillar-many"),
            title: word("pillar-title"),
        }
    }
}

static PILLAR_WORDS: LazyLock<[[PillarWords; 2]; 3]> = LazyLock::new(|| {
    Lang::INTERFACE.map(|lang| {
        [PillarTerm::Pillar, PillarTerm::Dimension].map(|term| PillarWords::load(lang, term))
    })
});

pub fn pillar_words(lang: Lang, term: PillarTerm) -> PillarWords {
    let by_lang = &PILLAR_WORDS[lang.interface_index()];
    match term {
        PillarTerm::Pillar => by_lang[0],
        PillarTerm::Dimension => by_lang[1],
    }
}

/// `Advies per pijler`, `Advice per dimension`.
pub fn advice_per(lang: Lang, term: PillarTerm) -> String {
    let p = pillar_words(lang, term).one;
    message(lang, "advice-per", &[("p", Text(p))])
}

pub fn balanced(lang: Lang, term: PillarTerm) -> String {
    let ps = pillar_words(lang, term).many;
    message(lang, "balanced", &[("ps", Text(ps))])
}

/// The overall score and the stage it reaches: (score, parts, stage,
/// stage name, threshold).
pub fn explain_score(
    lang: Lang,
    term: PillarTerm,
    (score, parts, stage, name, min): (u8, &str, u8, &str, u8),
) -> String {
    let p = pillar_words(lang, term).one;
    message(
        lang,
        "explain-score",
        &[
            ("p", Text(p)),
            ("score", Count(score.into())),
            ("parts", Text(parts)),
            ("stage", Count(stage.into())),
            ("name", Text(name)),
            ("min", Count(min.into())),
        ],
    )
}

pub fn explain_top_rule(
    lang: Lang,
    term: PillarTerm,
    required: u8,
    (behind, behind_count): (&str, usize),
    stage: u8,
) -> String {
    let p = pillar_words(lang, term).one;
    message(
        lang,
        "explain-top-rule",
        &[
            ("p", Text(p)),
            ("required", Count(required.into())),
            ("behind", Text(behind)),
            ("count", count(behind_count)),
            ("stage", Count(stage.into())),
        ],
    )
}

pub fn explain_weakest_rule(
    lang: Lang,
    term: PillarTerm,
    max_above: u8,
    (weakest, weakest_stage): (&str, u8),
    stage: u8,
) -> String {
    let p = pillar_words(lang, term).one;
    message(
        lang,
        "explain-weakest-rule",
        &[
            ("p", Text(p)),
            ("above", Count(max_above.into())),
            ("weakest", Text(weakest)),
            ("weakest-stage", Count(weakest_stage.into())),
            ("stage", Count(stage.into())),
        ],
    )
}

pub fn explain_unscored(
    lang: Lang,
    pillar: &str,
    answered: u32,
    dont_know: u32,
    needed: u32,
) -> String {
    message(
        lang,
        "explain-unscored",
        &[
            ("pillar", Text(pillar)),
            ("answered", Count(answered.into())),
            ("dont-know", Count(dont_know.into())),
            ("needed", Count(needed.into())),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_verb_follows_how_many_pillars_are_behind() {
        let rule = |lang, behind, n| explain_top_rule(lang, PillarTerm::Pillar, 3, (behind, n), 3);
        assert!(rule(Lang::NL, "Traffic", 1).contains("; Traffic zit daaronder,"));
        assert!(rule(Lang::NL, "Traffic en Platform", 2).contains("Platform zitten daaronder,"));
        assert!(rule(Lang::EN, "Traffic", 1).contains("; Traffic is below that,"));
        assert!(rule(Lang::EN, "Traffic and Platform", 2).contains("Platform are below that,"));
    }

    #[test]
    fn a_model_of_dimensions_says_so() {
        let nl = pillar_words(Lang::NL, PillarTerm::Dimension);
        assert_eq!(
            (nl.one, nl.many, nl.title),
            ("dimensie", "dimensies", "Dimensie")
        );
        assert_eq!(
            advice_per(Lang::EN, PillarTerm::Dimension),
            "Advice per dimension"
        );
        assert_eq!(
            advice_per(Lang::NL, PillarTerm::Pillar),
            "Advies per pijler"
        );
    }
}

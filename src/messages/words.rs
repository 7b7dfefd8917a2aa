//! The fixed words of every screen and table, read once from the language
//! files (`locales/LANG/pyramid.ftl`, Project Fluent, compiled into the
//! binary).

use super::catalog;
use crate::lang::Lang;
use std::sync::LazyLock;

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
    pub trend: &'static str,
}

/// Declares which Fluent key fills which field.
macro_rules! words_from {
    ($($field:ident => $key:literal),+ $(,)?) => {
        fn load(lang: Lang) -> Words {
            Words { $($field: text(lang, $key)),+ }
        }
    };
}

words_from! {
    back => "back",
    keys_hint => "keys-hint",
    quit_confirm => "quit-confirm",
    keep_going => "keep-going",
    quit => "quit",
    quit_done => "quit-done",
    interrupted => "interrupted",
    stopped => "stopped",
    resume => "resume",
    start_over => "start-over",
    nothing_to_resume => "nothing-to-resume",
    result => "result",
    score => "score",
    stage => "stage",
    overall => "overall",
    not_enough => "not-enough",
    why => "why",
    focus => "focus",
    next_steps => "next-steps",
    you_are_here => "you-are-here",
    question => "question",
    question_columns => "question-columns",
    respondent => "respondent",
    before => "before",
    target => "target",
    moves => "moves",
    after => "after",
    change => "change",
    moved => "moved",
    mean => "mean",
    min => "min",
    max => "max",
    spread => "spread",
    team_stage => "team-stage",
    distribution => "distribution",
    disagreement => "disagreement",
    cell_legend => "cell-legend",
    no_stage => "no-stage",
    trend => "trend",
}

/// One word from the language files, kept for the life of the process
/// (each is read once).
fn text(lang: Lang, key: &str) -> &'static str {
    catalog::text(lang, key).leak()
}

static WORDS: LazyLock<[Words; 3]> = LazyLock::new(|| Lang::INTERFACE.map(load));

/// The interface's words in `lang` (in English where it has no file).
pub fn words(lang: Lang) -> &'static Words {
    &WORDS[lang.interface_index()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_come_from_the_language_files() {
        assert_eq!(words(Lang::NL).back, "← Terug naar de vorige vraag");
        assert_eq!(words(Lang::EN).overall, "Overall");
    }
}

//! Recognising what people type: answers given as an option key, a label in
//! either language or an option number, and column headers given as a
//! question id or the question's full text.

use crate::input::straight::Steps;
use crate::lang::Lang;
use crate::model::answers::{Choice, Code, NO_ANSWER, choice, code};
use crate::model::bank::{Bank, DONT_KNOW_KEY};
use std::collections::HashMap;

/// Folds text for matching: HTML tags dropped, every HTML entity decoded
/// (`ge&iuml;nteresseerde`, `&#8217;`), white space collapsed and trimmed,
/// case folded.
pub fn fold(text: &str) -> String {
    let mut plain = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                plain.push(' ');
            }
            _ if !in_tag => plain.push(c),
            _ => {}
        }
    }
    let plain = html_escape::decode_html_entities(&plain)
        .replace('\u{a0}', " ")
        .replace(['\u{2019}', '\u{2018}'], "'");
    plain
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// `text` without white space at either end; told from its first and last
/// bytes alone where they are plain ASCII, as nearly every cell's are.
pub fn trimmed(text: &str) -> &str {
    match (text.as_bytes().first(), text.as_bytes().last()) {
        (Some(first), Some(last)) if first.is_ascii_graphic() && last.is_ascii_graphic() => text,
        _ => text.trim(),
    }
}

/// What an answer value turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolved {
    /// An empty cell: no answer.
    Empty,
    Answer(Choice),
    /// Matches nothing the question accepts.
    Invalid,
}

/// Resolves answer values for every question of a bank.
pub struct AnswerMatcher {
    questions: Vec<QuestionMatcher>,
}

struct QuestionMatcher {
    /// One-character values (keys, option numbers) by their ASCII byte: the
    /// fast path for large exports, where nearly every cell is one.
    single: [Code; 128],
    /// Values as they are usually written (keys, labels, numbers), tried
    /// before folding; the first of equal values wins.
    exact: HashMap<Box<[u8]>, Code, foldhash::fast::FixedState>,
    /// The same values and "don't know", folded.
    folded: HashMap<String, Choice>,
}

impl QuestionMatcher {
    #[inline]
    fn single(&self, byte: u8) -> Code {
        self.single
            .get(usize::from(byte))
            .copied()
            .unwrap_or(NO_ANSWER)
    }
}

impl AnswerMatcher {
    pub fn new(bank: &Bank) -> AnswerMatcher {
        let languages = bank.languages();
        let questions = bank
            .questions
            .iter()
            .map(|question| {
                // Earlier entries win: keys, then labels, then numbers.
                let mut accepted: Vec<(String, Choice)> = Vec::new();
                for (n, option) in question.options.iter().enumerate() {
                    accepted.push((option.key.clone(), Choice::Option(n)));
                }
                for &lang in &languages {
                    for (n, option) in question.options.iter().enumerate() {
                        accepted
                            .push((option.label.get(lang).trim().to_string(), Choice::Option(n)));
                    }
                }
                for n in 0..question.options.len() {
                    accepted.push(((n + 1).to_string(), Choice::Option(n)));
                }
                if question.dont_know {
                    // Forms list "don't know" last: its number follows the options'.
                    accepted.push(((question.options.len() + 1).to_string(), Choice::DontKnow));
                    accepted.push((DONT_KNOW_KEY.to_string(), Choice::DontKnow));
                    for &lang in &languages {
                        accepted.push((
                            bank.dont_know.get(lang).trim().to_string(),
                            Choice::DontKnow,
                        ));
                    }
                }
                let mut folded = HashMap::new();
                for (value, choice) in &accepted {
                    folded.entry(fold(value)).or_insert(*choice);
                }
                let mut exact = HashMap::default();
                for (value, choice) in accepted {
                    exact
                        .entry(value.into_bytes().into_boxed_slice())
                        .or_insert(code(Some(choice)));
                }
                let mut single = [NO_ANSWER; 128];
                for (value, code) in &exact {
                    if let [byte] = &**value
                        && let Some(slot) = single.get_mut(usize::from(*byte))
                    {
                        *slot = *code;
                    }
                }
                QuestionMatcher {
                    single,
                    exact,
                    folded,
                }
            })
            .collect();
        AnswerMatcher { questions }
    }

    /// The code of the answer a value written as the bank writes it (a
    /// key, an option number, a label, `dont_know`) gives to the question
    /// at `question`, told from its bytes: a one-character value by one
    /// look-up. `NO_ANSWER` where `resolve` has to look further (white
    /// space at its ends, other capitals, or no answer at all).
    #[inline]
    pub fn at_once(&self, question: usize, value: &[u8]) -> Code {
        let Some(matcher) = self.questions.get(question) else {
            return NO_ANSWER;
        };
        match value {
            [byte] => matcher.single(*byte),
            [first, .., last] if first.is_ascii_graphic() && last.is_ascii_graphic() => {
                matcher.exact.get(value).copied().unwrap_or(NO_ANSWER)
            }
            _ => NO_ANSWER,
        }
    }

    /// Every value of more than one character that `at_once` tells for
    /// the question at `question`, with its code.
    pub fn written(&self, question: usize) -> impl Iterator<Item = (&[u8], Code)> {
        self.questions
            .get(question)
            .into_iter()
            .flat_map(|matcher| &matcher.exact)
            .filter(|(value, _)| {
                matches!(&***value, [first, .., last]
                    if first.is_ascii_graphic() && last.is_ascii_graphic())
            })
            .map(|(value, &code)| (&**value, code))
    }

    /// The code of the one-character answer `byte` to the question at
    /// `question`, as `at_once` gives it.
    #[inline]
    pub fn single(&self, question: usize, byte: u8) -> Code {
        self.questions
            .get(question)
            .map_or(NO_ANSWER, |matcher| matcher.single(byte))
    }

    /// What `value` means as an answer to the question at `question`.
    pub fn resolve(&self, question: usize, value: &str) -> Resolved {
        let Some(matcher) = self.questions.get(question) else {
            return Resolved::Invalid;
        };
        let value = trimmed(value);
        if value.is_empty() {
            return Resolved::Empty;
        }
        if let Some(choice) = matcher.exact.get(value.as_bytes()).and_then(|&c| choice(c)) {
            return Resolved::Answer(choice);
        }
        match matcher.folded.get(&fold(value)) {
            Some(choice) => Resolved::Answer(*choice),
            None => Resolved::Invalid,
        }
    }
}

/// The valid answers to a question, for error messages.
pub fn valid_answers(bank: &Bank, question: usize, lang: Lang) -> String {
    let Some(question) = bank.questions.get(question) else {
        return String::new();
    };
    let mut choices: Vec<String> = question
        .options
        .iter()
        .enumerate()
        .map(|(n, option)| {
            format!(
                "{} = {} = \"{}\"",
                option.key,
                n + 1,
                option.label.get(lang)
            )
        })
        .collect();
    if question.dont_know {
        let number = question.options.len() + 1;
        let label = bank.dont_know.get(lang);
        choices.push(format!("{DONT_KNOW_KEY} = {number} = \"{label}\""));
    }
    choices.join(", ")
}

/// Both matchers a table is read with, built once per run.
pub struct Matchers {
    pub headers: HeaderMatcher,
    pub answers: AnswerMatcher,
    /// How answers move each pillar's number, for lines read straight.
    pub steps: Option<Steps>,
}

impl Matchers {
    /// The matchers for `bank`, with the `--map` entries (already checked
    /// against the bank by `ColumnMap::parse`).
    pub fn new(bank: &Bank, map: &[ColumnMap]) -> Matchers {
        let answers = AnswerMatcher::new(bank);
        Matchers {
            headers: HeaderMatcher::with_map(bank, map),
            steps: Steps::new(bank, &answers),
            answers,
        }
    }
}

/// `--map COLUMN=QUESTION`: a column header, as the file has it, that
/// stands for a question the matcher would not find by itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColumnMap {
    pub column: String,
    pub question: String,
}

impl ColumnMap {
    /// The entry as typed, quoted for a shell and safe for a terminal:
    /// `"Rol van online=strategy-role"`.
    pub fn shown(&self) -> String {
        let typed = format!("\"{}={}\"", self.column, self.question);
        crate::visible::visible(&crate::visible::shorten(&typed, 100)).into_owned()
    }
}

impl std::str::FromStr for ColumnMap {
    type Err = String;

    /// `COLUMN=QUESTION`, split at the last `=` (a header may hold one, a
    /// question id does not).
    fn from_str(text: &str) -> Result<ColumnMap, String> {
        match text.rsplit_once('=') {
            Some((column, question))
                if !column.trim().is_empty() && !question.trim().is_empty() =>
            {
                Ok(ColumnMap {
                    column: column.to_string(),
                    question: question.trim().to_string(),
                })
            }
            _ => Err("expected COLUMN=QUESTION, a column header and a question id".to_string()),
        }
    }
}

/// Finds the question a column header stands for.
pub struct HeaderMatcher {
    folded: HashMap<String, usize>,
    /// `--map` headers, folded: their question and their place in the map.
    mapped: HashMap<String, (usize, usize)>,
    /// Each `--map` entry as typed, for messages.
    shown: Vec<String>,
}

impl HeaderMatcher {
    pub fn new(bank: &Bank) -> HeaderMatcher {
        HeaderMatcher::with_map(bank, &[])
    }

    /// As `new`, with `--map` headers taking precedence; entries naming no
    /// question of the bank are left out (`ColumnMap` checks come first).
    pub fn with_map(bank: &Bank, map: &[ColumnMap]) -> HeaderMatcher {
        let languages = bank.languages();
        let mut folded = HashMap::new();
        for (n, question) in bank.questions.iter().enumerate() {
            folded.entry(fold(&question.id)).or_insert(n);
            for &lang in &languages {
                folded.entry(fold(question.text.get(lang))).or_insert(n);
            }
        }
        let mapped = map
            .iter()
            .enumerate()
            .filter_map(|(place, entry)| {
                let question = bank.questions.iter().position(|q| q.id == entry.question)?;
                Some((fold(&entry.column), (question, place)))
            })
            .collect();
        let shown = map.iter().map(ColumnMap::shown).collect();
        HeaderMatcher {
            folded,
            mapped,
            shown,
        }
    }

    /// The question a header names: a `--map` header, or the question's id
    /// or text, also with what form tools add around it (numbering, a
    /// required marker).
    pub fn question(&self, header: &str) -> Option<usize> {
        let folded = fold(header);
        if let Some(&(question, _)) = self.mapped.get(&folded) {
            return Some(question);
        }
        self.folded
            .get(&folded)
            .or_else(|| self.folded.get(undecorated(&folded)))
            .copied()
    }

    /// The place in `--map` of the entry that names `header`, if one does.
    pub fn map_entry(&self, header: &str) -> Option<usize> {
        self.mapped.get(&fold(header)).map(|&(_, place)| place)
    }

    /// The `--map` entry that names `header`, as typed, if one does.
    pub fn map_shown(&self, header: &str) -> Option<&str> {
        self.shown.get(self.map_entry(header)?).map(String::as_str)
    }

    /// For a header that names no question: the question whose id or text
    /// it comes closest to, where that is close (a typo, a word changed).
    pub fn nearest(&self, header: &str) -> Option<usize> {
        let folded = fold(header);
        let header = undecorated(&folded);
        self.folded
            .iter()
            .map(|(known, &question)| (strsim::normalized_levenshtein(header, known), question))
            .filter(|(likeness, _)| *likeness >= NEAR)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, question)| question)
    }
}

/// How alike (0 to 1, normalised Levenshtein) a header must be to a
/// question's id or text to be suggested.
const NEAR: f64 = 0.8;

/// A folded header without what form tools add: numbering in front
/// (`1. `, `q1. `, `q1: `, `1) `, `vraag 1: `) and a required marker at the
/// end (`*`, `(required)`, `(verplicht)`, `(obligatoire)`).
fn undecorated(folded: &str) -> &str {
    const REQUIRED: [&str; 5] = [
        "*",
        "(required)",
        "(verplicht)",
        "(obligatoire)",
        "(vereist)",
    ];
    let mut text = folded.trim();
    while let Some(rest) = REQUIRED.iter().find_map(|marker| text.strip_suffix(marker)) {
        text = rest.trim_end();
    }
    let counted = ["vraag ", "question ", "q"]
        .iter()
        .find_map(|word| text.strip_prefix(word))
        .unwrap_or(text);
    let digits = counted.len()
        - counted
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .len();
    if digits > 0
        && let Some(rest) = counted[digits..].strip_prefix(['.', ')', ':'])
    {
        return rest.trim_start();
    }
    text
}

/// How well a column header names the respondent: lower is better.
pub fn respondent_rank(header: &str) -> Option<u8> {
    const RESPONDENT: [&str; 3] = ["respondent", "respondent name", "naam respondent"];
    const NAME: [&str; 8] = [
        "name",
        "naam",
        "full name",
        "volledige naam",
        "your name",
        "je naam",
        "jouw naam",
        "uw naam",
    ];
    const EMAIL: [&str; 8] = [
        "email",
        "e-mail",
        "email address",
        "e-mail address",
        "e-mailadres",
        "emailadres",
        "recipientemail",
        "recipient email",
    ];
    let header = fold(header);
    let header = header.as_str();
    if RESPONDENT.contains(&header) {
        Some(0)
    } else if NAME.contains(&header) {
        Some(1)
    } else if EMAIL.contains(&header) {
        Some(2)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trimmed_is_trim() {
        for text in [
            "",
            " ",
            "a",
            " a",
            "a ",
            "\u{a0}a\u{a0}",
            "é",
            " é ",
            "\ta b\r",
            "a\u{2003}",
        ] {
            assert_eq!(trimmed(text), text.trim(), "{text:?}");
        }
    }
    use crate::input::bank_file::builtin;

    #[test]
    fn fold_drops_tags_entities_case_and_extra_space() {
        assert_eq!(
            fold("  <p>What&nbsp;role <b>does</b>\n the  WEBSITE?</p> "),
            "what role does the website?"
        );
        assert_eq!(fold("Don\u{2019}t know"), "don't know");
    }

    #[test]
    fn answers_resolve_by_key_label_number_and_dont_know() {
        let bank = builtin().expect("bank");
        let matcher = AnswerMatcher::new(&bank);
        let q = bank
            .question_position("strategy-choices")
            .expect("question");
        assert_eq!(matcher.resolve(q, "c"), Resolved::Answer(Choice::Option(2)));
        assert_eq!(
            matcher.resolve(q, " C "),
            Resolved::Answer(Choice::Option(2))
        );
        assert_eq!(
            matcher.resolve(q, "we do many things at once, each with a SMALL budget"),
            Resolved::Answer(Choice::Option(1))
        );
        assert_eq!(
            matcher.resolve(q, "We doen veel tegelijk, elk met een klein budget"),
            Resolved::Answer(Choice::Option(1))
        );
        assert_eq!(matcher.resolve(q, "4"), Resolved::Answer(Choice::Option(3)));
        assert_eq!(
            matcher.resolve(q, "Weet ik niet"),
            Resolved::Answer(Choice::DontKnow)
        );
        assert_eq!(
            matcher.resolve(q, "dont_know"),
            Resolved::Answer(Choice::DontKnow)
        );
        assert_eq!(matcher.resolve(q, ""), Resolved::Empty);
        assert_eq!(matcher.resolve(q, "6"), Resolved::Invalid);
        assert_eq!(matcher.resolve(q, "maybe"), Resolved::Invalid);
        // Values as the bank writes them are told from their bytes; the
        // rest is left to `resolve`.
        assert_eq!(
            choice(matcher.at_once(q, b"dont_know")),
            Some(Choice::DontKnow)
        );
        assert_eq!(choice(matcher.at_once(q, b"4")), Some(Choice::Option(3)));
        for other in [&b" dont_know"[..], b"Dont_know", b"C", b"6", b""] {
            assert_eq!(matcher.at_once(q, other), NO_ANSWER);
        }
    }

    #[test]
    fn dont_know_is_invalid_where_the_question_does_not_allow_it() {
        let bank = builtin().expect("bank");
        let matcher = AnswerMatcher::new(&bank);
        let q = bank.question_position("strategy-role").expect("question");
        assert_eq!(matcher.resolve(q, "Don't know"), Resolved::Invalid);
        assert_eq!(matcher.resolve(q, "5"), Resolved::Invalid);
    }

    #[test]
    fn headers_match_by_id_or_full_text_in_either_language() {
        let bank = builtin().expect("bank");
        let headers = HeaderMatcher::new(&bank);
        assert_eq!(headers.question("strategy-role"), Some(0));
        assert_eq!(
            headers.question("<p>Welke rol speelt de website in jullie organisatie?</p>"),
            Some(0)
        );
        assert_eq!(
            headers.question("WHAT ROLE DOES THE WEBSITE PLAY IN YOUR ORGANISATION?"),
            Some(0)
        );
        assert_eq!(headers.question("Timestamp"), None);
    }

    #[test]
    fn respondent_columns_rank_respondent_then_name_then_email() {
        assert_eq!(respondent_rank("Respondent"), Some(0));
        assert_eq!(respondent_rank("Naam"), Some(1));
        assert_eq!(respondent_rank("E-mailadres"), Some(2));
        assert_eq!(respondent_rank("Email Address"), Some(2));
        assert_eq!(respondent_rank("Tijdstempel"), None);
    }
}

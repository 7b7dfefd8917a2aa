//! One respondent's answers to a bank, by question position.

use crate::model::bank::{AnswerOption, Bank, DONT_KNOW_KEY, MAX_OPTIONS, Question};

/// What a respondent chose for one question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// The option at this position in the question's options.
    Option(usize),
    DontKnow,
}

/// An answer in one byte: 0 for none, 1 for "don't know", n + 2 for
/// option n. Scoring tables number answers the same way.
pub type Code = u8;

/// The code of no answer.
pub const NO_ANSWER: Code = 0;

/// The code of an answer. An option past `MAX_OPTIONS` (which no bank
/// has) is no answer, as an option its question lacks counts as none.
pub fn code(choice: Option<Choice>) -> Code {
    match choice {
        None => NO_ANSWER,
        Some(Choice::DontKnow) => 1,
        Some(Choice::Option(option)) if option < MAX_OPTIONS => (option + 2) as Code,
        Some(Choice::Option(_)) => NO_ANSWER,
    }
}

/// The answer a code stands for.
pub fn choice(code: Code) -> Option<Choice> {
    match code {
        NO_ANSWER => None,
        1 => Some(Choice::DontKnow),
        option => Some(Choice::Option(usize::from(option) - 2)),
    }
}

/// The answers of one respondent: one code for each question of the bank.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Responses {
    codes: Vec<Code>,
}

/// An answer that names no option of its question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerError {
    UnknownQuestion {
        id: String,
    },
    UnknownKey {
        question: String,
        key: String,
        valid: Vec<String>,
    },
    DontKnowNotAllowed {
        question: String,
    },
}

impl Responses {
    /// No answers yet for any question of the bank.
    pub fn empty(bank: &Bank) -> Responses {
        Responses {
            codes: vec![NO_ANSWER; bank.questions.len()],
        }
    }

    /// Takes every answer out.
    pub fn clear(&mut self) {
        self.codes.fill(NO_ANSWER);
    }

    pub fn len(&self) -> usize {
        self.codes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }

    /// Every question's answer, in bank order.
    pub fn choices(&self) -> impl Iterator<Item = Option<Choice>> + '_ {
        self.codes.iter().map(|&code| choice(code))
    }

    /// Every question's answer as its code, in bank order.
    pub fn codes(&self) -> &[Code] {
        &self.codes
    }

    pub fn get(&self, question: usize) -> Option<Choice> {
        self.codes.get(question).copied().and_then(choice)
    }

    pub fn set(&mut self, question: usize, choice: Option<Choice>) {
        self.set_code(question, code(choice));
    }

    pub fn set_code(&mut self, question: usize, code: Code) {
        if let Some(slot) = self.codes.get_mut(question) {
            *slot = code;
        }
    }

    /// The first question without an answer.
    pub fn first_unanswered(&self) -> Option<usize> {
        self.codes.iter().position(|&code| code == NO_ANSWER)
    }

    /// Sets the answer to question `id` from its option key (or the
    /// "don't know" key).
    pub fn set_key(&mut self, bank: &Bank, id: &str, key: &str) -> Result<(), AnswerError> {
        let position = bank
            .question_position(id)
            .ok_or_else(|| AnswerError::UnknownQuestion { id: id.to_string() })?;
        let question = &bank.questions[position];
        let choice = if key == DONT_KNOW_KEY {
            if !question.dont_know {
                return Err(AnswerError::DontKnowNotAllowed {
                    question: id.to_string(),
                });
            }
            Choice::DontKnow
        } else {
            let option = question
                .options
                .iter()
                .position(|option| option.key == key)
                .ok_or_else(|| AnswerError::UnknownKey {
                    question: id.to_string(),
                    key: key.to_string(),
                    valid: valid_keys(bank, position),
                })?;
            Choice::Option(option)
        };
        self.set(position, Some(choice));
        Ok(())
    }

    /// The answered questions as (question id, answer key), in bank order.
    pub fn keys<'a>(&'a self, bank: &'a Bank) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
        bank.questions
            .iter()
            .zip(self.choices())
            .filter_map(|(question, choice)| {
                let key = match choice? {
                    Choice::DontKnow => DONT_KNOW_KEY,
                    Choice::Option(n) => question.options.get(n)?.key.as_str(),
                };
                Some((question.id.as_str(), key))
            })
    }
}

/// The option an answer picked; `None` for no answer or "don't know".
pub fn chosen_option(question: &Question, choice: Option<Choice>) -> Option<&AnswerOption> {
    match choice? {
        Choice::Option(n) => question.options.get(n),
        Choice::DontKnow => None,
    }
}

/// The keys a question accepts, "don't know" included where allowed.
pub fn valid_keys(bank: &Bank, question: usize) -> Vec<String> {
    let Some(question) = bank.questions.get(question) else {
        return Vec::new();
    };
    let mut keys: Vec<String> = question.options.iter().map(|o| o.key.clone()).collect();
    if question.dont_know {
        keys.push(DONT_KNOW_KEY.to_string());
    }
    keys
}

impl std::fmt::Display for AnswerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AnswerError::UnknownQuestion { id } => write!(f, "question `{id}` is not in the bank"),
            AnswerError::UnknownKey {
                question,
                key,
                valid,
            } => write!(
                f,
                "answer `{key}` to question `{question}` is not one of its options; valid: {}",
                valid.join(", ")
            ),
            AnswerError::DontKnowNotAllowed { question } => write!(
                f,
                "question `{question}` does not allow \"{DONT_KNOW_KEY}\"; pick one of its options"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_answer_a_bank_can_hold_has_a_code_of_its_own() {
        let mut answers = vec![None, Some(Choice::DontKnow)];
        answers.extend((0..MAX_OPTIONS).map(|n| Some(Choice::Option(n))));
        let mut codes = std::collections::HashSet::new();
        for answer in answers {
            assert_eq!(choice(code(answer)), answer);
            assert!(codes.insert(code(answer)), "{answer:?} shares its code");
        }
        // Past the limit, where no bank goes: no answer, as an option the
        // question lacks counts.
        assert_eq!(code(Some(Choice::Option(MAX_OPTIONS))), NO_ANSWER);
    }
}

//! One respondent's answers to a bank, by question position.

use crate::model::bank::{AnswerOption, Bank, DONT_KNOW_KEY, Question};

/// What a respondent chose for one question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// The option at this position in the question's options.
    Option(usize),
    DontKnow,
}

/// The answers of one respondent: one slot for each question of the bank.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Responses {
    choices: Vec<Option<Choice>>,
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
            choices: vec![None; bank.questions.len()],
        }
    }

    /// Takes every answer out.
    pub fn clear(&mut self) {
        self.choices.fill(None);
    }

    pub fn len(&self) -> usize {
        self.choices.len()
    }

    pub fn is_empty(&self) -> bool {
        self.choices.is_empty()
    }

    /// Every question's answer, in bank order.
    pub fn choices(&self) -> &[Option<Choice>] {
        &self.choices
    }

    pub fn get(&self, question: usize) -> Option<Choice> {
        self.choices.get(question).copied().flatten()
    }

    pub fn set(&mut self, question: usize, choice: Option<Choice>) {
        if let Some(slot) = self.choices.get_mut(question) {
            *slot = choice;
        }
    }

    /// The first question without an answer.
    pub fn first_unanswered(&self) -> Option<usize> {
        self.choices.iter().position(Option::is_none)
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
        self.choices[position] = Some(choice);
        Ok(())
    }

    /// The answered questions as (question id, answer key), in bank order.
    pub fn keys<'a>(&'a self, bank: &'a Bank) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
        bank.questions
            .iter()
            .zip(&self.choices)
            .filter_map(|(question, choice)| {
                let key = match (*choice)? {
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

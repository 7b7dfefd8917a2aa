//! The question loop of the self-test, apart from how questions are shown:
//! forward on an answer, back on request, and a confirmed quit.

use crate::model::answers::{Choice, Responses};
use anyhow::Result;

/// What the person did at one question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Answer(Choice),
    Back,
    Quit,
}

/// Shows a question and reads what the person does.
pub trait Asker {
    /// Asks question `position`; `current` is the answer given before, if
    /// the person came back to it.
    fn ask(&mut self, position: usize, current: Option<Choice>) -> Result<Action>;
    /// Asks whether to really quit.
    fn confirm_quit(&mut self) -> Result<bool>;
    /// Asks whether to continue an unfinished test (true) or start over.
    fn ask_resume(&mut self, answered: usize) -> Result<bool>;
}

/// Warnings that stay on every question screen until the test ends (a
/// progress file kept aside, progress that cannot be saved): shared by the
/// asker that shows them and the code that finds them.
pub type Notices = std::rc::Rc<std::cell::RefCell<Vec<String>>>;

#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Finished(Responses),
    Quit,
}

/// Runs the loop from question `start` until every question from there on
/// is answered or the person quits. `on_answer` sees the answers after each
/// new answer, to keep them safe.
pub fn run(
    asker: &mut dyn Asker,
    mut responses: Responses,
    start: usize,
    on_answer: &mut dyn FnMut(&Responses),
) -> Result<Outcome> {
    let mut position = start;
    while position < responses.len() {
        match asker.ask(position, responses.get(position))? {
            Action::Answer(choice) => {
                responses.set(position, Some(choice));
                on_answer(&responses);
                position += 1;
            }
            Action::Back => position = position.saturating_sub(1),
            Action::Quit => {
                if asker.confirm_quit()? {
                    return Ok(Outcome::Quit);
                }
            }
        }
    }
    Ok(Outcome::Finished(responses))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::tiny_bank;

    /// Plays back a script of actions and records what was asked.
    struct Script {
        actions: Vec<Action>,
        quit_answers: Vec<bool>,
        asked: Vec<(usize, Option<Choice>)>,
    }

    impl Asker for Script {
        fn ask(&mut self, position: usize, current: Option<Choice>) -> Result<Action> {
            self.asked.push((position, current));
            Ok(self.actions.remove(0))
        }
        fn confirm_quit(&mut self) -> Result<bool> {
            Ok(self.quit_answers.remove(0))
        }
        fn ask_resume(&mut self, _answered: usize) -> Result<bool> {
            Ok(true)
        }
    }

    fn script(actions: Vec<Action>, quit_answers: Vec<bool>) -> Script {
        Script {
            actions,
            quit_answers,
            asked: Vec::new(),
        }
    }

    const A: Action = Action::Answer(Choice::Option(0));
    const B: Action = Action::Answer(Choice::Option(1));

    #[test]
    fn answers_every_question_in_order() {
        let bank = tiny_bank();
        let mut asker = script(vec![A; 9], vec![]);
        let mut saved = Vec::new();
        let outcome = run(&mut asker, Responses::empty(&bank), 0, &mut |r| {
            saved.push(r.first_unanswered())
        })
        .expect("runs");
        // The answers were handed over after every answer.
        assert_eq!(saved.len(), 9);
        assert_eq!(saved[0], Some(1));
        assert_eq!(saved[8], None);
        let Outcome::Finished(responses) = outcome else {
            panic!("not finished")
        };
        assert!(responses.first_unanswered().is_none());
        let positions: Vec<usize> = asker.asked.iter().map(|(p, _)| *p).collect();
        assert_eq!(positions, (0..9).collect::<Vec<_>>());
    }

    #[test]
    fn back_returns_to_the_previous_question_with_its_answer() {
        let bank = tiny_bank();
        let mut actions = vec![A, A, Action::Back, B];
        actions.extend(vec![A; 8]);
        let mut asker = script(actions, vec![]);
        let Outcome::Finished(responses) =
            run(&mut asker, Responses::empty(&bank), 0, &mut |_| {}).expect("runs")
        else {
            panic!("not finished")
        };
        // After Back at question 2, question 1 is shown again with answer A.
        assert_eq!(asker.asked[3], (1, Some(Choice::Option(0))));
        assert_eq!(responses.get(1), Some(Choice::Option(1)));
    }

    #[test]
    fn resuming_starts_at_the_given_question_and_keeps_earlier_answers() {
        let bank = tiny_bank();
        let mut responses = Responses::empty(&bank);
        responses.set(0, Some(Choice::Option(3)));
        responses.set(1, Some(Choice::Option(2)));
        let mut actions = vec![Action::Back, B];
        actions.extend(vec![A; 7]);
        let mut asker = script(actions, vec![]);
        let outcome = run(&mut asker, responses, 2, &mut |_| {}).expect("runs");
        let Outcome::Finished(responses) = outcome else {
            panic!("not finished")
        };
        // Started at question 2; going back showed question 1 with its answer.
        assert_eq!(asker.asked[0], (2, None));
        assert_eq!(asker.asked[1], (1, Some(Choice::Option(2))));
        assert_eq!(responses.get(0), Some(Choice::Option(3)));
        assert_eq!(responses.get(1), Some(Choice::Option(1)));
    }

    #[test]
    fn quit_needs_confirmation() {
        let bank = tiny_bank();
        let mut asker = script(vec![A, Action::Quit, Action::Quit], vec![false, true]);
        let outcome = run(&mut asker, Responses::empty(&bank), 0, &mut |_| {}).expect("runs");
        assert_eq!(outcome, Outcome::Quit);
        assert_eq!(asker.asked.len(), 3);
    }
}

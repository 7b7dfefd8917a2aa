//! The self-test line by line, for a terminal that takes no cursor
//! movement (`TERM=dumb`, a screen reader's console) or a window too small
//! for the menu: each question printed once, answered by typing a number.

use super::session::{Action, Asker, Notices};
use crate::lang::Lang;
use crate::messages::{self, words};
use crate::model::answers::Choice;
use crate::model::bank::Bank;
use anyhow::Result;
use std::io::{BufRead, Write};

/// Asks on standard error, reads lines from standard input.
pub struct PlainAsker<'a> {
    bank: &'a Bank,
    lang: Lang,
    notices: Notices,
    input: Box<dyn BufRead>,
    /// Notices already shown: each is shown once, not before every question.
    shown: usize,
}

/// What a typed line chose.
enum Typed {
    Number(usize),
    Back,
    Quit,
}

impl<'a> PlainAsker<'a> {
    pub fn new(bank: &'a Bank, lang: Lang, notices: Notices) -> PlainAsker<'a> {
        PlainAsker {
            bank,
            lang,
            notices,
            input: Box::new(std::io::stdin().lock()),
            shown: 0,
        }
    }

    /// Prints the numbered choices and reads until one is typed; the end
    /// of input quits.
    /// `current` is marked with `*`.
    fn choose(&mut self, items: &[&str], back: bool, current: Option<usize>) -> Result<Typed> {
        let mut err = std::io::stderr().lock();
        for (n, item) in items.iter().enumerate() {
            let mark = if current == Some(n) { '*' } else { ' ' };
            writeln!(err, "{mark} {}) {item}", n + 1)?;
        }
        loop {
            write!(
                err,
                "{}",
                messages::plain_choice(self.lang, items.len(), back)
            )?;
            err.flush()?;
            let mut line = String::new();
            if self.input.read_line(&mut line)? == 0 {
                writeln!(err)?;
                return Ok(Typed::Quit);
            }
            match line.trim() {
                "q" | "Q" => return Ok(Typed::Quit),
                "b" | "B" if back => return Ok(Typed::Back),
                typed => {
                    if let Ok(n) = typed.parse::<usize>()
                        && (1..=items.len()).contains(&n)
                    {
                        return Ok(Typed::Number(n - 1));
                    }
                }
            }
        }
    }
}

impl Asker for PlainAsker<'_> {
    fn ask(&mut self, position: usize, current: Option<Choice>) -> Result<Action> {
        let bank = self.bank;
        let lang = self.lang;
        let question = &bank.questions[position];
        let total = bank.questions.len();
        let pillar = bank.pillars[bank.pillar_of(position)].name.get(lang);
        {
            let mut err = std::io::stderr().lock();
            for notice in self.notices.borrow().iter().skip(self.shown) {
                writeln!(err, "{notice}")?;
            }
            self.shown = self.notices.borrow().len();
            writeln!(err)?;
            writeln!(
                err,
                "{}",
                messages::question_header(lang, position + 1, total, pillar)
            )?;
            writeln!(err, "{}", textwrap::fill(question.text.get(lang), 78))?;
        }
        let mut items: Vec<&str> = question.options.iter().map(|o| o.label.get(lang)).collect();
        if question.dont_know {
            items.push(bank.dont_know.get(lang));
        }
        let current = match current {
            Some(Choice::Option(n)) => Some(n),
            Some(Choice::DontKnow) => Some(question.options.len()),
            None => None,
        };
        Ok(match self.choose(&items, position > 0, current)? {
            Typed::Quit => Action::Quit,
            Typed::Back => Action::Back,
            Typed::Number(n) if n < question.options.len() => Action::Answer(Choice::Option(n)),
            Typed::Number(_) => Action::Answer(Choice::DontKnow),
        })
    }

    fn confirm_quit(&mut self) -> Result<bool> {
        let w = words(self.lang);
        writeln!(std::io::stderr(), "{}", w.quit_confirm)?;
        Ok(!matches!(
            self.choose(&[w.keep_going, w.quit], false, None)?,
            Typed::Number(0)
        ))
    }

    fn ask_resume(&mut self, answered: usize) -> Result<bool> {
        let w = words(self.lang);
        let total = self.bank.questions.len();
        writeln!(
            std::io::stderr(),
            "{}",
            messages::resume_question(self.lang, answered, total)
        )?;
        Ok(!matches!(
            self.choose(&[w.resume, w.start_over], false, None)?,
            Typed::Number(1)
        ))
    }
}

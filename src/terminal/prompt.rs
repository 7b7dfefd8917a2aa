//! The self-test's questions on a terminal, drawn with dialoguer's theme;
//! the choices are a `menu`.

use super::session::{Action, Asker, Notices};
use super::style::paint;
use super::{interrupt, menu};
use crate::lang::Lang;
use crate::messages::{self, words};
use crate::model::answers::Choice;
use crate::model::bank::Bank;
use anyhow::Result;
use dialoguer::console::{Style, Term};
use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};

/// Asks the bank's questions on standard error, one screen each.
pub struct TerminalAsker<'a> {
    bank: &'a Bank,
    lang: Lang,
    color: bool,
    term: Term,
    theme: Box<dyn Theme>,
    notices: Notices,
}

impl<'a> TerminalAsker<'a> {
    pub fn new(bank: &'a Bank, lang: Lang, color: bool, notices: Notices) -> TerminalAsker<'a> {
        let theme: Box<dyn Theme> = if color {
            Box::new(ColorfulTheme::default())
        } else {
            Box::new(SimpleTheme)
        };
        TerminalAsker {
            bank,
            lang,
            color,
            term: Term::stderr(),
            theme,
            notices,
        }
    }

    fn width(&self) -> usize {
        self.term
            .size_checked()
            .map_or(80, |(_, columns)| usize::from(columns).clamp(40, 100))
    }
}

/// Turns a menu's error into ours; Ctrl-C ends the process cleanly.
fn check<T>(result: std::io::Result<T>, lang: Lang) -> Result<T> {
    match result {
        Ok(value) => Ok(value),
        Err(err) if err.kind() == std::io::ErrorKind::Interrupted => interrupt::interrupted(lang),
        Err(err) => Err(err.into()),
    }
}

impl Asker for TerminalAsker<'_> {
    fn ask_resume(&mut self, answered: usize) -> Result<bool> {
        let lang = self.lang;
        let w = words(lang);
        // Written here rather than as the select's prompt, to which the
        // plain theme adds a colon.
        self.term.write_line(&messages::resume_question(
            lang,
            answered,
            self.bank.questions.len(),
        ))?;
        let picked = check(
            menu::pick(
                &self.term,
                self.theme.as_ref(),
                &[w.resume, w.start_over],
                0,
            ),
            lang,
        )?;
        // Esc keeps the answers: starting over must be chosen.
        Ok(picked != Some(1))
    }

    fn ask(&mut self, position: usize, current: Option<Choice>) -> Result<Action> {
        let bank = self.bank;
        let lang = self.lang;
        let question = &bank.questions[position];
        let pillar = bank.pillars[bank.pillar_of(position)].name.get(lang);
        let total = bank.questions.len();
        let width = self.width();
        let dim = Style::new().dim();

        self.term.clear_screen()?;
        let title = format!(
            "{} · {}",
            bank.title.get(lang),
            messages::intro(lang, total)
        );
        self.term.write_line(&paint(&title, &dim, self.color))?;
        let warning = Style::new().yellow();
        for notice in self.notices.borrow().iter() {
            self.term
                .write_line(&paint(&textwrap::fill(notice, width), &warning, self.color))?;
        }
        let header = messages::question_header(lang, position + 1, total, pillar);
        self.term
            .write_line(&paint(&header, &Style::new().bold().cyan(), self.color))?;
        self.term.write_line("")?;
        self.term
            .write_line(&textwrap::fill(question.text.get(lang), width))?;
        self.term
            .write_line(&paint(words(lang).keys_hint, &dim, self.color))?;

        let mut items: Vec<&str> = question.options.iter().map(|o| o.label.get(lang)).collect();
        if question.dont_know {
            items.push(bank.dont_know.get(lang));
        }
        let back = (position > 0).then_some(items.len());
        if back.is_some() {
            items.push(words(lang).back);
        }
        let selected = match current {
            Some(Choice::Option(n)) => n,
            Some(Choice::DontKnow) => question.options.len(),
            None => 0,
        };
        let picked = check(
            menu::pick(&self.term, self.theme.as_ref(), &items, selected),
            lang,
        )?;
        Ok(match picked {
            None => Action::Quit,
            Some(n) if Some(n) == back => Action::Back,
            Some(n) if n < question.options.len() => Action::Answer(Choice::Option(n)),
            Some(_) => Action::Answer(Choice::DontKnow),
        })
    }

    fn confirm_quit(&mut self) -> Result<bool> {
        // A select rather than dialoguer's Confirm, whose y/n and yes/no are
        // English only.
        let w = words(self.lang);
        self.term.write_line(w.quit_confirm)?;
        let answer = check(
            menu::pick(&self.term, self.theme.as_ref(), &[w.keep_going, w.quit], 0),
            self.lang,
        )?;
        Ok(answer == Some(1))
    }
}

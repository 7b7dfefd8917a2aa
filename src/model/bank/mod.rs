//! The question bank: a maturity model as data.
//!
//! A bank names its stages (ordered, lowest first), its pillars, its
//! questions and all the advice the tool gives. Nothing here assumes a
//! number of stages or pillars; the pyramid is just the bundled bank.

mod problem;
mod question_rules;
mod validate;
mod warnings;

pub use problem::{Args, FieldPath, Problem, Seg, args};
pub use validate::{MAX_OPTIONS, MAX_PILLARS, MAX_STAGES, MIN_STAGES};
pub use warnings::{FIVE_MINUTE_WORDS, warnings, words_to_read};

use crate::lang::{Lang, Text};
use crate::model::score_table::{MAX_COMBINATIONS, ScoreTable};
use crate::model::scoring;
use serde::{Deserialize, Serialize};

/// The answer key that means "don't know" in answer files.
pub const DONT_KNOW_KEY: &str = "dont_know";

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bank {
    /// Short ASCII id that answer files refer to, such as `pyramid`.
    pub id: String,
    pub title: Text,
    /// The languages every text is written in, such as `[nl, en, fr]`.
    /// A bank without this list (written before it existed) is in the
    /// languages of its title.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<Lang>,
    /// What the model calls its pillars: `pillar` (the default) or
    /// `dimension`.
    #[serde(default, skip_serializing_if = "PillarTerm::is_default")]
    pub pillar_term: PillarTerm,
    /// The label of the "don't know" choice.
    pub dont_know: Text,
    pub rules: Rules,
    /// Lowest stage first; a stage's level is its position, counted from 1.
    pub stages: Vec<Stage>,
    /// The phases of the improvement cycle that next steps refer to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cycle: Vec<Phase>,
    pub pillars: Vec<Pillar>,
    pub questions: Vec<Question>,
    /// For each question, the position of its pillar; filled by `index`.
    #[serde(skip)]
    pillar_of: Vec<usize>,
    /// For each question, what each of its options adds to its pillar's
    /// weighted levels: the weight times the level above the lowest;
    /// filled by `index`.
    #[serde(skip)]
    points: Vec<Vec<u64>>,
    /// The stage each score from 0 to 100 reaches; filled by `index`.
    #[serde(skip)]
    stage_by_score: Vec<u8>,
    /// Each pillar's score for each combination of its answers, where the
    /// pillars are small enough; filled by `index`.
    #[serde(skip)]
    score_table: Option<ScoreTable>,
}

/// What a model calls the parts it scores separately.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PillarTerm {
    #[default]
    Pillar,
    Dimension,
}

impl PillarTerm {
    fn is_default(&self) -> bool {
        *self == PillarTerm::default()
    }
}

/// The numbers of the scoring rule.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// A pillar with fewer real answers (not "don't know") gets no stage.
    pub min_answers_per_pillar: u32,
    /// The top stage needs every pillar at least at this stage.
    #[serde(default)]
    pub top_stage_needs_every_pillar_at: Option<u8>,
    /// The overall stage is at most this many stages above the weakest pillar.
    #[serde(default)]
    pub max_stages_above_weakest: Option<u8>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    pub name: Text,
    pub description: Text,
    /// The lowest score (0-100) that reaches this stage.
    pub min_score: u8,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    pub id: String,
    pub name: Text,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pillar {
    pub id: String,
    pub name: Text,
    /// One entry for each stage.
    pub advice: Vec<Advice>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Advice {
    /// The stage level this advice is for.
    pub stage: u8,
    pub text: Text,
    /// Concrete next steps, shown for the focus pillar.
    pub steps: Vec<Step>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// The id of a cycle phase this step belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase: Option<String>,
    pub text: Text,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub pillar: String,
    pub text: Text,
    /// Whether "don't know" may be answered.
    #[serde(default)]
    pub dont_know: bool,
    /// How much the question counts within its pillar.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub weight: u32,
    pub options: Vec<AnswerOption>,
}

fn one() -> u32 {
    1
}

fn is_one(weight: &u32) -> bool {
    *weight == 1
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerOption {
    pub key: String,
    pub level: u8,
    pub label: Text,
}

impl Bank {
    /// The languages the bank is written in: the declared ones, or for a
    /// bank that declares none, those of its title.
    pub fn languages(&self) -> Vec<Lang> {
        if self.languages.is_empty() {
            self.title.languages().collect()
        } else {
            self.languages.clone()
        }
    }

    /// The language the bank's texts are shown in for a person who asked
    /// for `lang`: itself where the bank has it, else English, else the
    /// bank's first language.
    pub fn text_language(&self, lang: Lang) -> Lang {
        let languages = self.languages();
        [lang, Lang::EN]
            .into_iter()
            .find(|l| languages.contains(l))
            .or_else(|| languages.first().copied())
            .unwrap_or(Lang::EN)
    }

    /// A fingerprint of what answers mean: the questions' ids, their
    /// options' keys and levels, and whether "don't know" is allowed.
    /// Answers saved under another fingerprint may mean something else.
    /// (FNV-1a, 64 bits: stable across builds and platforms.)
    pub fn fingerprint(&self) -> String {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        let mut feed = |text: &str| {
            for byte in text.bytes().chain([0]) {
                hash ^= u64::from(byte);
                hash = hash.wrapping_mul(0x0100_0000_01b3);
            }
        };
        feed(&self.id);
        for question in &self.questions {
            feed(&question.id);
            feed(if question.dont_know { "?" } else { "" });
            for option in &question.options {
                feed(&option.key);
                feed(&option.level.to_string());
            }
        }
        format!("{hash:016x}")
    }

    /// Calls `f` on every text of the bank: title, stages, phases,
    /// pillars and their advice, questions and their options.
    pub fn for_each_text_mut(&mut self, mut f: impl FnMut(&mut Text)) {
        f(&mut self.title);
        f(&mut self.dont_know);
        for stage in &mut self.stages {
            f(&mut stage.name);
            f(&mut stage.description);
        }
        for phase in &mut self.cycle {
            f(&mut phase.name);
        }
        for pillar in &mut self.pillars {
            f(&mut pillar.name);
            for advice in &mut pillar.advice {
                f(&mut advice.text);
                for step in &mut advice.steps {
                    f(&mut step.text);
                }
            }
        }
        for question in &mut self.questions {
            f(&mut question.text);
            for option in &mut question.options {
                f(&mut option.label);
            }
        }
    }

    /// Checks the bank and, when it is sound, builds its look-up index.
    /// Every problem is returned, not only the first.
    pub fn validated(mut self) -> Result<Bank, Vec<Problem>> {
        let problems = validate::problems(&self);
        if !problems.is_empty() {
            return Err(problems);
        }
        self.index();
        Ok(self)
    }

    /// Builds the look-ups that scoring uses for every respondent.
    fn index(&mut self) {
        self.pillar_of = self
            .questions
            .iter()
            .map(|question| self.pillar_position(&question.pillar).unwrap_or(0))
            .collect();
        self.points = self
            .questions
            .iter()
            .map(|question| {
                let weight = u64::from(question.weight);
                let points =
                    |option: &AnswerOption| weight * u64::from(option.level.saturating_sub(1));
                question.options.iter().map(points).collect()
            })
            .collect();
        self.stage_by_score = (0..=100).map(|score| self.stage_reached(score)).collect();
        self.score_table = ScoreTable::new(self, MAX_COMBINATIONS, |responses, pillar| {
            scoring::pillar_score_of(self, responses, pillar)
        });
    }

    /// The pillars' scores by look-up, where the bank has the tables.
    pub fn score_table(&self) -> Option<&ScoreTable> {
        self.score_table.as_ref()
    }

    pub fn stage_count(&self) -> u8 {
        // Validation keeps the count within 2..=9.
        self.stages.len() as u8
    }

    /// The stage (level, counted from 1) of a stage level number.
    pub fn stage(&self, level: u8) -> Option<&Stage> {
        self.stages.get(usize::from(level).checked_sub(1)?)
    }

    pub fn pillar_position(&self, id: &str) -> Option<usize> {
        self.pillars.iter().position(|pillar| pillar.id == id)
    }

    /// The position of the pillar of the question at `question`.
    pub fn pillar_of(&self, question: usize) -> usize {
        self.pillar_of[question]
    }

    pub fn question_position(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|question| question.id == id)
    }

    pub fn phase(&self, id: &str) -> Option<&Phase> {
        self.cycle.iter().find(|phase| phase.id == id)
    }

    /// The highest stage whose threshold the score reaches.
    pub fn stage_for_score(&self, score: u8) -> u8 {
        match self.stage_by_score.get(usize::from(score)) {
            Some(stage) => *stage,
            None => self.stage_reached(score),
        }
    }

    /// What an option of the question at `question` adds to its pillar's
    /// weighted levels; `None` for no option of it.
    pub fn points(&self, question: usize, option: usize) -> Option<u64> {
        self.points.get(question)?.get(option).copied()
    }

    fn stage_reached(&self, score: u8) -> u8 {
        let reached = self
            .stages
            .iter()
            .take_while(|stage| stage.min_score <= score)
            .count();
        reached.max(1) as u8
    }

    pub fn advice(&self, pillar: usize, stage: u8) -> Option<&Advice> {
        self.pillars
            .get(pillar)?
            .advice
            .iter()
            .find(|advice| advice.stage == stage)
    }
}

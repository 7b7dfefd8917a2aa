//! The bank's questions as a document for scripts: the one schema that
//! JSON and YAML both write.

use crate::lang::Text;
use crate::model::bank::Bank;
use serde::Serialize;

use crate::documents::json::DOCUMENT_VERSION;

/// The bank's questions as a document for scripts (JSON and YAML share it).
#[derive(Serialize)]
pub struct QuestionsDocument<'a> {
    version: u32,
    bank: &'a str,
    /// The languages every text below is in.
    languages: Vec<crate::lang::Lang>,
    title: &'a Text,
    stages: Vec<StageEntry<'a>>,
    pillars: Vec<PillarEntry<'a>>,
    questions: Vec<QuestionEntry<'a>>,
}

#[derive(Serialize)]
struct StageEntry<'a> {
    level: u8,
    name: &'a Text,
    min_score: u8,
}

#[derive(Serialize)]
struct PillarEntry<'a> {
    id: &'a str,
    name: &'a Text,
}

#[derive(Serialize)]
struct QuestionEntry<'a> {
    id: &'a str,
    pillar: &'a str,
    text: &'a Text,
    dont_know: bool,
    weight: u32,
    options: Vec<OptionEntry<'a>>,
}

#[derive(Serialize)]
struct OptionEntry<'a> {
    key: &'a str,
    label: &'a Text,
    level: u8,
}

pub fn questions_document(bank: &Bank) -> QuestionsDocument<'_> {
    QuestionsDocument {
        version: DOCUMENT_VERSION,
        bank: &bank.id,
        languages: bank.languages(),
        title: &bank.title,
        stages: bank
            .stages
            .iter()
            .zip(1..)
            .map(|(stage, level)| StageEntry {
                level,
                name: &stage.name,
                min_score: stage.min_score,
            })
            .collect(),
        pillars: bank
            .pillars
            .iter()
            .map(|pillar| PillarEntry {
                id: &pillar.id,
                name: &pillar.name,
            })
            .collect(),
        questions: bank
            .questions
            .iter()
            .map(|question| QuestionEntry {
                id: &question.id,
                pillar: &question.pillar,
                text: &question.text,
                dont_know: question.dont_know,
                weight: question.weight,
                options: question
                    .options
                    .iter()
                    .map(|option| OptionEntry {
                        key: &option.key,
                        label: &option.label,
                        level: option.level,
                    })
                    .collect(),
            })
            .collect(),
    }
}

//! Helpers shared by the integration tests.
// Each test file uses some of these, not all.
#![allow(dead_code)]

pub mod browser;
pub mod server;

use assert_cmd::Command;
use serde_json::Value;

/// The binary, with no colour and no locale from the environment.
pub fn pyramid() -> Command {
    let mut command = Command::new(assert_cmd::cargo::cargo_bin!("pyramid"));
    command
        .env_remove("PYRAMID_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env("NO_COLOR", "1");
    command
}

/// Runs `pyramid ARGS --format json`, which must succeed, and returns the
/// document.
pub fn json(args: &[&str]) -> Value {
    let output = pyramid()
        .args(args)
        .args(["--format", "json"])
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("valid JSON")
}

/// The answers of the answer file at `path`, in its order: question id and
/// option key.
pub fn answers_in(path: &str) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(path).expect("answer file");
    let doc: serde_yaml::Value = serde_yaml::from_str(&text).expect("YAML");
    doc["answers"]
        .as_mapping()
        .expect("answers")
        .iter()
        .map(|(q, a)| {
            (
                q.as_str().expect("id").to_string(),
                a.as_str().expect("key").to_string(),
            )
        })
        .collect()
}

/// `pyramid score ARGS --format json`.
pub fn score_json(args: &[&str]) -> Value {
    json(&[&["score"], args].concat())
}

/// An's answers (tests/fixtures/answers/an.yaml) a quarter later: two
/// conversion answers raised and the don't-know answered. Written into
/// `dir`; returns the path.
pub fn an_later(dir: &std::path::Path) -> String {
    let text = std::fs::read_to_string("tests/fixtures/answers/an.yaml")
        .expect("fixture")
        .replace("conversion-next-step: a", "conversion-next-step: c")
        .replace("conversion-rate: a", "conversion-rate: c")
        .replace("traffic-data: dont_know", "traffic-data: c");
    let path = dir.join("an-later.yaml");
    std::fs::write(&path, text).expect("write");
    path.to_str().expect("path").to_string()
}

/// An answer file built for the tests: a respondent, a bank, and answers
/// by question id.
pub struct AnswerSet {
    bank: String,
    respondent: String,
    answers: Vec<(String, String)>,
}

impl AnswerSet {
    /// An answer set for the bundled model `model`.
    pub fn new(model: &str) -> AnswerSet {
        AnswerSet {
            bank: model.to_string(),
            respondent: "Tester".to_string(),
            answers: Vec::new(),
        }
    }

    pub fn respondent(mut self, name: &str) -> AnswerSet {
        self.respondent = name.to_string();
        self
    }

    /// Every question of the model answered with the option `choose`
    /// picks from its options (as `pyramid questions --format json` lists
    /// them).
    pub fn every(mut self, choose: impl Fn(&[Value]) -> String) -> AnswerSet {
        let bank = json(&["questions", "--model", &self.bank]);
        for question in bank["questions"].as_array().expect("questions") {
            let options = question["options"].as_array().expect("options");
            self.answers.push((
                question["id"].as_str().expect("id").to_string(),
                choose(options),
            ));
        }
        self
    }

    /// Writes the answer file into `dir`; returns its path.
    pub fn write(&self, dir: &std::path::Path, name: &str) -> String {
        let mut yaml = format!(
            "respondent: {}\nbank: {}\nanswers:\n",
            self.respondent, self.bank
        );
        for (id, key) in &self.answers {
            yaml.push_str(&format!("  {id}: {key}\n"));
        }
        let path = dir.join(name);
        std::fs::write(&path, yaml).expect("write");
        path.to_str().expect("path").to_string()
    }
}

/// The key of the option with the lowest level.
pub fn lowest(options: &[Value]) -> String {
    options
        .iter()
        .min_by_key(|o| o["level"].as_u64())
        .and_then(|o| o["key"].as_str())
        .expect("an option")
        .to_string()
}

/// The question ids of the bundled pyramid bank, in order.
pub fn question_ids() -> Vec<String> {
    let text = std::fs::read_to_string("questions/pyramid.yaml").expect("bank");
    let bank: serde_yaml::Value = serde_yaml::from_str(&text).expect("YAML");
    bank["questions"]
        .as_sequence()
        .expect("questions")
        .iter()
        .map(|q| q["id"].as_str().expect("id").to_string())
        .collect()
}

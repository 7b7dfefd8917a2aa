//! The second bundled model, `social` (the Social Business Strategy
//! Maturity Matrix): its shape, its budget, and every command on it.

mod common;

use common::{json, pyramid};
use predicates::prelude::*;

#[test]
fn social_has_six_phases_and_fifteen_questions_within_five_minutes() {
    let doc = json(&["questions", "--model", "social"]);
    assert_eq!(doc["bank"], "social");
    let stages: Vec<&str> = doc["stages"]
        .as_array()
        .expect("stages")
        .iter()
        .map(|s| s["name"]["en"].as_str().expect("name"))
        .collect();
    assert_eq!(
        stages,
        [
            "Planning",
            "Presence",
            "Engagement",
            "Formalized",
            "Strategic",
            "Converged"
        ]
    );
    let questions = doc["questions"].as_array().expect("questions");
    assert!((12..=18).contains(&questions.len()));
    assert_eq!(doc["pillars"].as_array().map(Vec::len), Some(5));
    pyramid()
        .args(["validate", "--strict", "questions/social.yaml"])
        .assert()
        .success()
        .stdout(predicate::str::contains("6 stages"));
}

#[test]
fn both_models_are_listed() {
    pyramid()
        .args(["models", "--lang", "nl"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "pyramid    Digitale Groei Piramide · 4 fasen",
        ))
        .stdout(predicate::str::contains(
            "social     Social Business Volwassenheidsmatrix · 6 fasen, 5 dimensies, 15 vragen",
        ));
}

/// All answers at one option position (0 = the lowest), for the social bank.
fn social_answers(dir: &std::path::Path, name: &str, pick: usize) -> String {
    let doc = json(&["questions", "--model", "social"]);
    let mut text = format!("respondent: {name}\nbank: social\nanswers:\n");
    for question in doc["questions"].as_array().expect("questions") {
        let options = question["options"].as_array().expect("options");
        let key = options[pick.min(options.len() - 1)]["key"]
            .as_str()
            .expect("key");
        text.push_str(&format!(
            "  {}: {key}\n",
            question["id"].as_str().expect("id")
        ));
    }
    let path = dir.join(format!("{name}.yaml"));
    std::fs::write(&path, text).expect("write");
    path.to_str().expect("path").to_string()
}

#[test]
fn score_compare_and_report_work_on_social() {
    let dir = tempfile::tempdir().expect("temp dir");
    let low = social_answers(dir.path(), "low", 0);
    let high = social_answers(dir.path(), "high", 9);
    let doc = json(&["score", "--model", "social", &low, &high]);
    assert_eq!(doc["bank"], "social");
    assert_eq!(doc["respondents"][0]["stage"], 1);
    assert_eq!(doc["respondents"][0]["stage_name"], "Planning");
    assert_eq!(doc["respondents"][1]["score"], 100);
    assert_eq!(doc["respondents"][1]["stage"], 6);
    let doc = json(&["compare", "--model", "social", &low, &high]);
    assert_eq!(doc["overall"]["stage_change"], 5);
    let out = dir.path().join("social.html");
    pyramid()
        .args(["report", "--model", "social", &low, &high, "--output"])
        .arg(&out)
        .assert()
        .success();
    let html = std::fs::read_to_string(&out).expect("report");
    assert_eq!(
        html.matches("class=\"axis\"").count(),
        5,
        "one radar axis per dimension"
    );
    assert_eq!(
        html.matches("<polygon class=\"stage").count(),
        6,
        "one pyramid band per phase"
    );
}

#[test]
fn answers_meant_for_another_model_are_refused() {
    pyramid()
        .args([
            "score",
            "--model",
            "social",
            "tests/fixtures/answers/an.yaml",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "these answers are for the bank `pyramid`, not `social`",
        ));
    let dir = tempfile::tempdir().expect("temp dir");
    let social = social_answers(dir.path(), "s", 1);
    pyramid()
        .args(["score", &social])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "these answers are for the bank `social`, not `pyramid`",
        ));
}

#[test]
fn the_social_model_speaks_of_dimensions_not_pillars() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = common::AnswerSet::new("social")
        .every(|_| "b".to_string())
        .write(dir.path(), "social.yaml");
    let path = path.as_str();
    for (lang, word, advice) in [
        ("nl", "Dimensie", "Advies per dimensie"),
        ("en", "Dimension", "Advice per dimension"),
    ] {
        let output = pyramid()
            .args([
                "score",
                "--model",
                "social",
                path,
                "--summary",
                "--target",
                "stage=3",
                "--lang",
                lang,
            ])
            .output()
            .expect("runs");
        let text = String::from_utf8(output.stdout).expect("UTF-8");
        assert!(text.contains(&format!("│ {word} ")), "{text}");
        assert!(text.contains(advice), "{text}");
        let lower = text.to_lowercase();
        assert!(
            !lower.contains("pijler") && !lower.contains("pillar"),
            "{text}"
        );
    }
    pyramid()
        .args(["models", "--lang", "nl"])
        .assert()
        .success()
        .stdout(predicate::str::contains("6 fasen, 5 dimensies, 15 vragen"));
}

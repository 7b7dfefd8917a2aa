//! `--target` on `score`, `compare` and `test`: the gap per pillar, the
//! answers to move first, the advice; and bad target specs.

mod common;

use common::{pyramid, score_json};
use predicates::prelude::*;

const AN: &str = "tests/fixtures/answers/an.yaml";
const TEAM: &str = "tests/fixtures/forms/plain-ids.csv";

#[test]
fn gaps_and_the_lowest_answers_of_the_pillars_below_target() {
    let doc = score_json(&[AN, "--target", "stage=3"]);
    let target = &doc["respondents"][0]["target"];
    let gaps: Vec<(String, u64, bool)> = target["gaps"]
        .as_array()
        .expect("gaps")
        .iter()
        .map(|g| {
            (
                g["pillar"].as_str().expect("id").to_string(),
                g["points"].as_u64().expect("points"),
                g["reached"].as_bool().expect("bool"),
            )
        })
        .collect();
    // Strategy scores 50, 1 short of stage 3, which starts at 51 (halfway
    // between levels 2 and 3 stays at stage 2); conversion scores 8, 43 short.
    assert_eq!(
        gaps,
        [
            ("strategy".to_string(), 1, false),
            ("platform".to_string(), 0, true),
            ("traffic".to_string(), 0, true),
            ("conversion".to_string(), 43, false)
        ]
    );
    // The level-1 answers first, then the level-2 ones (five at most), each
    // straight to the option of the target stage.
    let moves: Vec<(&str, &str, &str)> = target["moves"]
        .as_array()
        .expect("moves")
        .iter()
        .map(|m| {
            (
                m["question"].as_str().expect("q"),
                m["from"].as_str().expect("from"),
                m["to"].as_str().expect("to"),
            )
        })
        .collect();
    assert_eq!(
        moves,
        [
            ("conversion-next-step", "a", "c"),
            ("conversion-rate", "a", "c"),
            ("conversion-follow-up", "a", "c"),
            ("strategy-role", "b", "c"),
            ("strategy-ownership", "b", "c")
        ]
    );
}

#[test]
fn a_per_pillar_target_leaves_dont_know_answers_alone() {
    let doc = score_json(&[AN, "--target", "traffic=4"]);
    let target = &doc["respondents"][0]["target"];
    assert_eq!(target["gaps"].as_array().map(Vec::len), Some(1));
    assert_eq!(target["gaps"][0]["points"], 6);
    // traffic-data is "don't know": not a move to make.
    let questions: Vec<&str> = target["moves"]
        .as_array()
        .expect("moves")
        .iter()
        .map(|m| m["question"].as_str().expect("q"))
        .collect();
    assert_eq!(questions, ["traffic-findable", "traffic-content"]);
}

#[test]
fn the_table_says_it_in_words_with_the_advice() {
    let output = pyramid()
        .args(["score", AN, "--target", "stage=3", "--lang", "nl"])
        .output()
        .expect("runs");
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(text.contains("Doel · An Peeters"), "{text}");
    assert!(
        text.contains("Conversie: score 8, fase 1; 43 punten onder fase 3"),
        "{text}"
    );
    assert!(text.contains("Eerst te verbeteren antwoorden"), "{text}");
    assert!(
        text.contains(
            "conversion-next-step: nu \"Alleen onze contactgegevens opzoeken\" (niveau 1) →\n    c"
        ),
        "{text}"
    );
}

#[test]
fn a_team_target_has_gaps_but_no_answers_to_move() {
    let doc = score_json(&[TEAM, "--summary", "--target", "stage=3"]);
    let target = &doc["summary"]["target"];
    // Team means 50, 52, 54, 36: conversion is 15 short of 51.
    assert_eq!(target["gaps"][3]["points"], 15);
    assert!(target["moves"].as_array().expect("moves").is_empty());
}

#[test]
fn compare_plans_for_the_new_side() {
    let output = pyramid()
        .args([
            "compare",
            AN,
            AN,
            "--target",
            "conversion=2",
            "--format",
            "json",
        ])
        .output()
        .expect("runs");
    let doc: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(doc["target"]["gaps"][0]["pillar"], "conversion");
    assert_eq!(doc["target"]["gaps"][0]["points"], 10);
}

#[test]
fn a_bad_target_is_refused_before_anything_else() {
    for (spec, message) in [
        ("stage=5", "`5` is not a stage: use a number from 1 to 4"),
        (
            "marketing=3",
            "`marketing` is not a pillar; use stage or one of: strategy, platform, traffic, conversion",
        ),
        ("3", "`3` is not NAME=STAGE"),
    ] {
        pyramid()
            .args(["score", AN, "--target", spec])
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(format!(
                "--target {spec}: {message}"
            )));
    }
}

/// The levels of every option of a bundled model, by question id and key.
fn option_levels(model: &str) -> std::collections::HashMap<(String, String), u64> {
    let bank = common::json(&["questions", "--model", model]);
    let mut levels = std::collections::HashMap::new();
    for question in bank["questions"].as_array().expect("questions") {
        for option in question["options"].as_array().expect("options") {
            levels.insert(
                (
                    question["id"].as_str().expect("id").to_string(),
                    option["key"].as_str().expect("key").to_string(),
                ),
                option["level"].as_u64().expect("level"),
            );
        }
    }
    levels
}

#[test]
fn a_target_never_recommends_an_option_below_the_target_stage() {
    let dir = tempfile::tempdir().expect("temp dir");
    for model in ["pyramid", "social"] {
        let bank = common::json(&["questions", "--model", model]);
        let levels = option_levels(model);
        let stages = bank["stages"].as_array().expect("stages").len();
        // Every question answered with its lowest option.
        let path = common::AnswerSet::new(model)
            .respondent("Low")
            .every(common::lowest)
            .write(dir.path(), &format!("{model}.yaml"));
        for stage in 2..=stages {
            let doc = common::json(&[
                "score",
                "--model",
                model,
                &path,
                "--target",
                &format!("stage={stage}"),
            ]);
            let moves = doc["respondents"][0]["target"]["moves"]
                .as_array()
                .expect("moves")
                .clone();
            assert!(!moves.is_empty(), "{model} stage={stage}: moves to make");
            for m in moves {
                let key = (
                    m["question"].as_str().expect("q").to_string(),
                    m["to"].as_str().expect("to").to_string(),
                );
                assert!(
                    levels[&key] >= stage as u64,
                    "{model} stage={stage}: {key:?} is level {}",
                    levels[&key]
                );
            }
        }
    }
}

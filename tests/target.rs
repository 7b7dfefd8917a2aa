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
    // Conversion scores 8: 42 points short of stage 3, which starts at 50.
    assert_eq!(
        gaps,
        [
            ("strategy".to_string(), 0, true),
            ("platform".to_string(), 0, true),
            ("traffic".to_string(), 0, true),
            ("conversion".to_string(), 42, false)
        ]
    );
    // The level-1 answers first, one level up; then the level-2 one.
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
            ("conversion-next-step", "a", "b"),
            ("conversion-rate", "a", "b"),
            ("conversion-follow-up", "a", "b"),
            ("conversion-improve", "b", "c")
        ]
    );
}

#[test]
fn a_per_pillar_target_leaves_dont_know_answers_alone() {
    let doc = score_json(&[AN, "--target", "traffic=4"]);
    let target = &doc["respondents"][0]["target"];
    assert_eq!(target["gaps"].as_array().map(Vec::len), Some(1));
    assert_eq!(target["gaps"][0]["points"], 5);
    // traffic-visitors is "don't know": not a move to make.
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
        text.contains("Conversie: score 8, fase 1; 42 punten onder fase 3"),
        "{text}"
    );
    assert!(text.contains("Eerst te verbeteren antwoorden"), "{text}");
    assert!(
        text.contains("conversion-next-step: nu \"Onze contactgegevens opzoeken\" (niveau 1) → b"),
        "{text}"
    );
}

#[test]
fn a_team_target_has_gaps_but_no_answers_to_move() {
    let doc = score_json(&[TEAM, "--summary", "--target", "stage=3"]);
    let target = &doc["summary"]["target"];
    // Team means 50, 52, 54, 36: conversion is 14 short of 50.
    assert_eq!(target["gaps"][3]["points"], 14);
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
    assert_eq!(doc["target"]["gaps"][0]["points"], 9);
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

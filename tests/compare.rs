//! `pyramid compare`: one respondent or a team, from answer files, survey
//! exports or the JSON `score` wrote; every format; the error paths.

mod common;

use common::pyramid;
use predicates::prelude::*;
use serde_json::Value;

const AN: &str = "tests/fixtures/answers/an.yaml";
const TEAM: &str = "tests/fixtures/forms/plain-ids.csv";

fn compare_json(args: &[&str]) -> Value {
    common::json(&[&["compare"], args].concat())
}

#[test]
fn one_respondent_per_pillar_overall_answers_and_focus() {
    let dir = tempfile::tempdir().expect("temp dir");
    let later = common::an_later(dir.path());
    let doc = compare_json(&[AN, &later]);
    assert_eq!(doc["version"], 1);
    let conversion = &doc["pillars"][3];
    assert_eq!(conversion["id"], "conversion");
    // Levels 1,1,1,2 -> 3,3,1,2: 8 -> 42, stage 1 -> 2.
    assert_eq!(
        (
            conversion["old"]["score"].as_u64(),
            conversion["new"]["score"].as_u64()
        ),
        (Some(8), Some(42))
    );
    assert_eq!(conversion["change"], 34);
    assert_eq!(conversion["stage_change"], 1);
    // Traffic: the don't-know became level 3, so the mean of 4, 3, 3, 3 is lower.
    assert_eq!(doc["pillars"][2]["change"], -3);
    assert_eq!(
        (
            doc["overall"]["old"]["stage"].as_u64(),
            doc["overall"]["new"]["stage"].as_u64()
        ),
        (Some(2), Some(3))
    );
    assert_eq!(doc["focus"]["changed"], false);
    let moved: Vec<&str> = doc["moved"]
        .as_array()
        .expect("moved")
        .iter()
        .map(|m| m["question"].as_str().expect("id"))
        .collect();
    assert_eq!(
        moved,
        ["traffic-data", "conversion-next-step", "conversion-rate"]
    );
    assert_eq!(doc["moved"][0]["old"]["key"], "dont_know");
    assert_eq!(doc["moved"][0]["new"]["level"], 3);
}

#[test]
fn the_table_shows_signed_changes_the_stage_and_the_moved_answers() {
    let dir = tempfile::tempdir().expect("temp dir");
    let later = common::an_later(dir.path());
    let output = pyramid()
        .args(["compare", AN, &later])
        .output()
        .expect("runs");
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(
        text.contains("│ Conversion ┆  8 · 1 ┆ 42 · 2 ┆ +34 ↑  │"),
        "{text}"
    );
    assert!(
        text.contains("│ Traffic    ┆ 78 · 3 ┆ 75 · 3 ┆ -3 ↓   │"),
        "{text}"
    );
    assert!(
        text.contains(
            "The overall stage moves from 2 (Consciously incompetent) to 3 (Consciously competent)."
        ),
        "{text}"
    );
    assert!(
        text.contains("The focus pillar stays Conversion."),
        "{text}"
    );
    assert!(text.contains("Answers that changed"), "{text}");
    let output = pyramid()
        .args([
            "compare", AN, &later, "--format", "markdown", "--lang", "nl",
        ])
        .output()
        .expect("runs");
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(
        text.contains("| Conversie | 8 · 1 | 42 · 2 | +34 ↑ |"),
        "{text}"
    );
    assert!(
        text.contains("De totaalfase gaat van 2 (Bewust onbekwaam) naar 3 (Bewust bekwaam)."),
        "{text}"
    );
}

#[test]
fn teams_compare_their_mean_pillar_scores() {
    let dir = tempfile::tempdir().expect("temp dir");
    // A quarter later Els moved conversion and platform answers up.
    let later = std::fs::read_to_string(TEAM).expect("fixture").replace(
        "Els Janssens,a,a,b,b,a,b,a,b,c,c,b,c,c,c,c",
        "Els Janssens,a,a,b,b,c,c,c,b,c,c,b,d,d,d,d",
    );
    let path = dir.path().join("later.csv");
    std::fs::write(&path, later).expect("write");
    let doc = compare_json(&[TEAM, path.to_str().expect("path"), "--summary"]);
    // Platform means 52 -> 71 (Els 11 -> 67), conversion 36 -> 47 (Els 67 -> 100).
    assert_eq!(doc["pillars"][1]["change"], 19);
    assert_eq!(doc["pillars"][3]["change"], 11);
    assert!(
        doc["moved"].as_array().expect("moved").is_empty(),
        "team means have no answers"
    );
    let csv = pyramid()
        .args([
            "compare",
            TEAM,
            path.to_str().expect("path"),
            "--summary",
            "--format",
            "csv",
        ])
        .output()
        .expect("runs");
    let csv = String::from_utf8(csv.stdout).expect("UTF-8");
    assert!(
        csv.starts_with("pillar,old_score,old_stage,new_score,new_stage,change,stage_change\n"),
        "{csv}"
    );
    assert!(csv.contains("\nplatform,52,3,71,3,19,0\n"), "{csv}");
}

#[test]
fn last_quarters_scores_json_is_an_old_side() {
    let dir = tempfile::tempdir().expect("temp dir");
    let scores = dir.path().join("q3.json");
    pyramid()
        .args(["score", TEAM, "--summary", "--format", "json", "--output"])
        .arg(&scores)
        .assert()
        .success();
    let doc = compare_json(&[
        scores.to_str().expect("path"),
        "tests/fixtures/forms/typeform.csv",
        "--summary",
    ]);
    assert_eq!(doc["overall"]["change"], 0);
    let scores = dir.path().join("an.json");
    pyramid()
        .args(["score", AN, "--format", "json", "--output"])
        .arg(&scores)
        .assert()
        .success();
    let later = common::an_later(dir.path());
    let doc = compare_json(&[scores.to_str().expect("path"), &later]);
    assert_eq!(doc["pillars"][3]["change"], 34);
    assert!(
        doc["moved"].as_array().expect("moved").is_empty(),
        "a scores document has no answers"
    );
}

#[test]
fn a_team_without_summary_and_bad_answers_are_refused() {
    pyramid()
        .args(["compare", TEAM, AN])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "holds 3 respondents; compare one respondent with one, or teams with --summary",
        ));
    let dir = tempfile::tempdir().expect("temp dir");
    let bad = dir.path().join("bad.yaml");
    std::fs::write(
        &bad,
        std::fs::read_to_string(AN)
            .expect("fixture")
            .replace("strategy-role: b", "strategy-role: x"),
    )
    .expect("write");
    pyramid()
        .args(["compare", AN])
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "strategy-role: \"x\" is not an answer",
        ));
}

#[test]
fn compare_without_arguments_needs_two_self_tests_in_the_history() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("empty.sqlite");
    let output = common::pyramid()
        .args(["compare", "--lang", "en"])
        .env("PYRAMID_DB", &db)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("there is no self-test in your history yet")
            && stderr.contains("pyramid compare OLD NEW"),
        "{stderr}"
    );
    let listed = common::pyramid()
        .args(["history", "--lang", "nl"])
        .env("PYRAMID_DB", &db)
        .output()
        .expect("runs");
    assert!(listed.status.success());
    assert!(String::from_utf8_lossy(&listed.stdout).contains("Nog geen zelftest bewaard"));
}

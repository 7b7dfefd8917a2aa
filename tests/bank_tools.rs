//! Authoring a bank: `new-bank` skeletons, `validate` with errors and
//! warnings, and the example in docs/banks.md, which must stay valid.

mod common;

use common::pyramid;
use predicates::prelude::*;
use std::path::Path;

fn new_bank(dir: &Path, stages: &str, pillars: &str) -> String {
    let output = pyramid()
        .args(["new-bank", "--stages", stages, "--pillars", pillars])
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let path = dir.join(format!("bank-{stages}.yaml"));
    std::fs::write(&path, output.stdout).expect("write");
    path.to_str().expect("path").to_string()
}

#[test]
fn new_bank_skeletons_are_valid_for_any_shape() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (stages, pillars) in [
        ("2", "only"),
        ("4", "a,b,c"),
        ("6", "listen,content,care,roles,strategy"),
        ("9", "p1,p2,p3,p4,p5,p6,p7,p8,p9,p10,p11,p12"),
    ] {
        let path = new_bank(dir.path(), stages, pillars);
        // Valid; the largest shape is over the five-minute budget: a
        // warning, which --strict would turn into exit 1.
        let mut validate = pyramid();
        validate.args(["validate", &path]);
        if stages != "9" {
            validate.arg("--strict");
        }
        validate
            .assert()
            .success()
            .stdout(predicate::str::contains(format!("{stages} stages")));
        let output = pyramid()
            .args(["questions", "--bank", &path, "--format", "json"])
            .output()
            .expect("runs");
        let doc: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
        assert_eq!(
            doc["stages"].as_array().map(Vec::len),
            Some(stages.parse().expect("n"))
        );
        assert_eq!(
            doc["pillars"].as_array().map(Vec::len),
            Some(pillars.split(',').count())
        );
    }
    // Every field carries a comment.
    let text = std::fs::read_to_string(new_bank(dir.path(), "3", "x")).expect("read");
    for field in [
        "id:",
        "title:",
        "dont_know:",
        "rules:",
        "stages:",
        "cycle:",
        "pillars:",
        "questions:",
    ] {
        let line = text
            .lines()
            .position(|l| l.starts_with(field))
            .expect("field");
        assert!(
            text.lines()
                .nth(line - 1)
                .is_some_and(|l| l.starts_with('#')),
            "no comment above {field}"
        );
    }
}

#[test]
fn new_bank_refuses_bad_shapes() {
    pyramid()
        .args(["new-bank", "--stages", "10", "--pillars", "a"])
        .assert()
        .code(2);
    pyramid()
        .args(["new-bank", "--stages", "1", "--pillars", "a"])
        .assert()
        .code(2);
    pyramid()
        .args(["new-bank", "--pillars", "Bad Id"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "the pillar id `Bad Id` is not a short ASCII id",
        ));
    pyramid()
        .args(["new-bank", "--pillars", "a,a"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("named twice"));
}

#[test]
fn validate_reports_errors_with_exit_2() {
    pyramid()
        .args([
            "validate",
            "questions/pyramid.yaml",
            "tests/fixtures/banks/broken.yaml",
        ])
        .assert()
        .code(2)
        .stdout(predicate::str::contains(
            "questions/pyramid.yaml: valid: 15 questions, 4 pillars, 4 stages",
        ))
        .stderr(predicate::str::contains(
            "tests/fixtures/banks/broken.yaml:20:15: questions[0].options[1].key",
        ));
}

#[test]
fn validate_warns_and_strict_makes_warnings_fail() {
    let dir = tempfile::tempdir().expect("temp dir");
    // A three-stage bank whose options skip level 2, with one label too long.
    let text = std::fs::read_to_string("tests/fixtures/banks/three-stages.yaml")
        .expect("fixture")
        .replace("{key: b, level: 2,", "{key: b, level: 3,")
        .replace("name: {nl: Service, en: Service}", "name: {nl: Service}")
        .replacen(
            "label: {nl: Een paar producten, en: A few products}",
            &format!(
                "label: {{nl: Een paar producten, en: {}}}",
                "long ".repeat(20)
            ),
            1,
        );
    let path = dir.path().join("warn.yaml");
    std::fs::write(&path, &text).expect("write");
    let line = text
        .lines()
        .position(|l| l.contains("long long"))
        .expect("line")
        + 1;
    pyramid()
        .arg("validate")
        .arg(&path)
        .assert()
        .success()
        .stderr(predicate::str::contains("stages[1]: no option has level 2"))
        .stderr(predicate::str::contains(format!("warn.yaml:{line}:")))
        .stderr(predicate::str::contains(
            "the English label is 99 characters long",
        ));
    pyramid()
        .args(["validate", "--strict"])
        .arg(&path)
        .assert()
        .code(1);
}

/// The complete example in docs/banks.md loads and validates, so the
/// document cannot go stale.
#[test]
fn the_documented_example_bank_is_valid() {
    let doc = std::fs::read_to_string("docs/banks.md").expect("docs/banks.md");
    let start = doc.find("```yaml\n").expect("a yaml block") + "```yaml\n".len();
    let end = start + doc[start..].find("```").expect("block end");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("example.yaml");
    std::fs::write(&path, &doc[start..end]).expect("write");
    pyramid()
        .args(["validate", "--strict"])
        .arg(&path)
        .assert()
        .success();
    // And it scores: one answer file against it.
    let answers = dir.path().join("answers.yaml");
    std::fs::write(
        &answers,
        "respondent: Test\nbank: webshop\nanswers:\n  shop-range: b\n  shop-pay: c\n  service-reply: dont_know\n  service-returns: b\n",
    )
    .expect("write");
    pyramid()
        .args(["score", "--bank"])
        .arg(&path)
        .args(["--allow-incomplete", "--format", "csv"])
        .arg(&answers)
        .assert()
        .success()
        .stdout(predicate::str::contains("Test,"));
}

//! Helpers shared by the integration tests.
// Each test file uses some of these, not all.
#![allow(dead_code)]

use assert_cmd::Command;
use serde_json::Value;

/// The binary, with no colour and no locale from the environment.
pub fn pyramid() -> Command {
    let mut command = Command::new(assert_cmd::cargo::cargo_bin!("pyramid"));
    command
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

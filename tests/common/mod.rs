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

/// Runs `pyramid score ARGS --format json`, which must succeed, and returns
/// the document.
pub fn score_json(args: &[&str]) -> Value {
    let output = pyramid()
        .arg("score")
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

//! Names, answers, headers, bank texts and file names that carry terminal
//! escape sequences, bidirectional overrides or markup: whatever a person
//! reads shows them written out, never obeyed.

mod common;

use common::pyramid;
use std::path::Path;

/// Clears the screen, moves the cursor up, sets the window title, plants
/// an OSC 8 link and reverses the text after it.
const HOSTILE: &str =
    "Mallory\x1b[2J\x1b[1A\x1b]0;pwned\x07\x1b]8;;http://evil.example\x1b\\click\u{202e}\u{9b}31m";

fn plain_csv() -> String {
    std::fs::read_to_string("tests/fixtures/forms/plain-ids.csv").expect("fixture")
}

/// Fails when `text` holds a raw control character (other than a line
/// break) or a bidirectional override.
fn assert_inert(what: &str, text: &str) {
    let raw = text
        .chars()
        .find(|&c| (c.is_control() && c != '\n') || ('\u{202a}'..='\u{202e}').contains(&c));
    assert_eq!(raw, None, "{what} holds a raw control character:\n{text}");
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path.to_str().expect("path").to_string()
}

#[test]
fn respondent_names_cannot_forge_the_score_table() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = plain_csv().replacen("An Peeters", HOSTILE, 1);
    let input = write(dir.path(), "team.csv", &csv);
    let written_out = [
        ("table", "Mallory\\x1b[2J"),
        ("markdown", "Mallory\\\\x1b\\[2J"),
    ];
    for (format, shown) in written_out {
        let output = pyramid()
            .args(["score", &input, "--summary", "--rows", "--format", format])
            .output()
            .expect("runs");
        assert!(output.status.success(), "{format}");
        let stdout = String::from_utf8(output.stdout).expect("UTF-8");
        assert_inert(format, &stdout);
        assert!(stdout.contains(shown), "{format}:\n{stdout}");
        assert!(stdout.contains("\\u{202e}"), "{format}:\n{stdout}");
    }
    // The machine formats keep the name as given, escaped by their syntax.
    let json = common::score_json(&[&input]);
    assert_eq!(json["respondents"][0]["respondent"], HOSTILE);
}

#[test]
fn answers_headers_and_file_names_in_messages_are_written_out() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = plain_csv()
        .replacen("respondent,", &format!("respondent,{HOSTILE},"), 1)
        .replacen("An Peeters,b", &format!("An Peeters,x,{HOSTILE}"), 1)
        .replacen("Jan De Smet,", "Jan De Smet,x,", 1)
        .replacen("Els Janssens,", "Els Janssens,x,", 1);
    let input = write(dir.path(), "evil\x1b[31m\u{202e}.csv", &csv);
    let output = pyramid().args(["score", &input]).output().expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    assert_inert("stderr", &stderr);
    assert!(stderr.contains("evil\\x1b[31m\\u{202e}.csv"), "{stderr}");
    assert!(
        stderr.contains("ignored columns: Mallory\\x1b[2J"),
        "{stderr}"
    );
    assert!(
        stderr.contains("strategy-role: \"Mallory\\x1b[2J"),
        "the bad answer is quoted, written out:\n{stderr}"
    );
}

#[test]
fn markdown_output_holds_no_html_or_links_from_the_input() {
    let dir = tempfile::tempdir().expect("temp dir");
    let name = "<img src=x onerror=alert(1)> [x](javascript:alert(1))";
    let input = write(
        dir.path(),
        "team.csv",
        &plain_csv().replacen("An Peeters", &format!("\"{name}\""), 1),
    );
    let output = pyramid()
        .args(["score", &input, "--format", "markdown"])
        .output()
        .expect("runs");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(!stdout.contains("<img"), "{stdout}");
    assert!(!stdout.contains("[x](javascript"), "{stdout}");
    assert!(
        stdout.contains("&lt;img src=x onerror=alert(1)&gt; \\[x\\](javascript:alert(1))"),
        "{stdout}"
    );
}

#[test]
fn the_html_report_drops_control_characters_and_stays_well_formed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = write(
        dir.path(),
        "team.csv",
        &plain_csv()
            .lines()
            .take(2)
            .collect::<Vec<_>>()
            .join("\n")
            .replacen("An Peeters", &format!("An\u{0}\u{1}{HOSTILE}"), 1),
    );
    let out = dir.path().join("report.html");
    pyramid()
        .args(["report", &input, "--output"])
        .arg(&out)
        .assert()
        .success();
    let html = std::fs::read_to_string(&out).expect("report");
    assert!(!html.contains('\x1b') && !html.contains('\u{0}'));
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    roxmltree::Document::parse_with_options(&html, options).expect("well-formed XHTML");
    assert!(html.contains("AnMallory[2J"), "the name's text stays");
}

#[test]
fn bank_texts_are_shown_written_out_and_validate_warns() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bank = std::fs::read_to_string("questions/pyramid.yaml")
        .expect("bank")
        .replacen(
            "nl: Digitale Groei Piramide",
            "nl: \"\\e]0;pwned\\aDigitale Groei Piramide\"",
            1,
        );
    assert!(bank.contains("pwned"), "the title was changed");
    let path = write(dir.path(), "bank.yaml", &bank);
    let output = pyramid().args(["validate", &path]).output().expect("runs");
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    assert_inert("validate", &stderr);
    assert!(
        stderr.contains("title.nl: the text holds the control character \\x1b"),
        "{stderr}"
    );
    let output = pyramid()
        .args([
            "questions",
            "--bank",
            &path,
            "--lang",
            "nl",
            "--format",
            "json",
        ])
        .output()
        .expect("runs");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    let json: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    let title = json["title"]["nl"].as_str().expect("title");
    assert!(title.starts_with("\\x1b]0;pwned\\x07"), "{title}");
}

#[test]
fn a_bank_text_over_the_limit_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bank = std::fs::read_to_string("questions/pyramid.yaml")
        .expect("bank")
        .replacen(
            "title:\n  nl: ",
            &format!("title:\n  nl: {} ", "lang ".repeat(1_000_000)),
            1,
        );
    let path = write(dir.path(), "bank.yaml", &bank);
    let started = std::time::Instant::now();
    pyramid()
        .args(["questions", "--bank", &path])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("title.nl: the text is 5,000,0"));
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
}

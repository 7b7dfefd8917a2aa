//! Dutch as a Dutch reader expects it: a decimal comma, real plurals, and
//! "jullie" for the organisation; machine formats keep the decimal point.

mod common;

use common::pyramid;

const TEAM: &str = "tests/fixtures/forms/plain-ids.csv";
const AN: &str = "tests/fixtures/answers/an.yaml";

fn stdout(args: &[&str]) -> String {
    let output = pyramid().args(args).output().expect("runs");
    assert!(output.status.success(), "{args:?}");
    String::from_utf8(output.stdout).expect("UTF-8")
}

#[test]
fn dutch_numbers_have_a_decimal_comma_and_machine_formats_a_point() {
    let dutch = stdout(&["score", TEAM, "--summary", "--lang", "nl"]);
    assert!(dutch.contains("│ Strategie ┆ 50,0 ┆"), "{dutch}");
    assert!(dutch.contains("┆      26,9 ┆"), "{dutch}");
    assert!(dutch.contains("Platform: spreiding 29,3;"), "{dutch}");
    assert!(!dutch.contains("50.0"), "{dutch}");
    let english = stdout(&["score", TEAM, "--summary", "--lang", "en"]);
    assert!(english.contains("│ Strategy   ┆ 50.0 ┆"), "{english}");
    let machine = |format| {
        stdout(&[
            "score",
            TEAM,
            "--summary",
            "--lang",
            "nl",
            "--format",
            format,
        ])
    };
    let csv = machine("csv");
    assert!(csv.contains("strategy,3,50.00,17,83,26.94,"), "{csv}");
    let json = machine("json");
    assert!(json.contains("\"spread\": 26.94"), "{json}");
}

#[test]
fn dutch_and_english_plurals_are_real() {
    let three = stdout(&["score", TEAM, "--summary", "--lang", "nl"]);
    assert!(three.starts_with("Team van 3 respondenten:"), "{three}");
    let one = stdout(&["score", AN, "--summary", "--lang", "nl"]);
    assert!(one.starts_with("Team van 1 respondent:"), "{one}");
    let english = stdout(&["score", AN, "--summary", "--lang", "en"]);
    assert!(english.starts_with("Team of 1 respondent:"), "{english}");
    let target = stdout(&["score", AN, "--target", "stage=3", "--lang", "nl"]);
    assert!(
        target.contains("Strategie: score 50, fase 2; 1 punt onder fase 3"),
        "{target}"
    );
    assert!(target.contains("; 43 punten onder fase 3"), "{target}");
    let models = stdout(&["models", "--lang", "nl"]);
    assert!(
        models.contains("· 4 fasen, 4 pijlers, 15 vragen"),
        "{models}"
    );
    assert!(!models.contains("stages"), "{models}");
}

#[test]
fn the_result_says_jullie_for_the_organisation() {
    let text = stdout(&["score", TEAM, "--summary", "--lang", "nl"]);
    assert!(text.contains("Daarmee halen jullie fase"), "{text}");
    assert!(!text.contains("haal je"), "{text}");
}

#[test]
fn pyramid_lang_chooses_the_language_before_the_locale() {
    let output = pyramid()
        .env("LANG", "en_GB.UTF-8")
        .env("PYRAMID_LANG", "nl")
        .args(["score", TEAM, "--summary"])
        .output()
        .expect("runs");
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(text.starts_with("Team van 3 respondenten"), "{text}");
    // --lang still beats both.
    let output = pyramid()
        .env("PYRAMID_LANG", "nl")
        .args(["score", TEAM, "--summary", "--lang", "en"])
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("Team of 3 respondents"));
}

#[test]
fn a_mistyped_file_name_is_explained_in_dutch() {
    for args in [
        &["score", "no-such-file.csv"][..],
        &["report", "no-such-file.xlsx", "--output", "r.html"],
        &["--bank", "no-such-bank.yaml", "questions"],
    ] {
        let output = pyramid()
            .args(args)
            .args(["--lang", "nl"])
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8(output.stderr).expect("UTF-8");
        assert!(stderr.starts_with("fout: kan no-such-"), "{stderr}");
        assert!(
            stderr.contains(" niet lezen: dat bestand bestaat niet; kijk de naam en de map na"),
            "{stderr}"
        );
        assert!(!stderr.contains("No such file"), "{stderr}");
    }
}

#[test]
fn errors_about_folders_are_in_dutch() {
    let dir = tempfile::tempdir().expect("temp dir");
    let empty = dir.path().join("leeg");
    std::fs::create_dir(&empty).expect("made");
    let cases = [
        (
            vec!["score", "leeg"],
            "fout: de map leeg bevat geen antwoordbestanden; pyramid leest .yaml,",
        ),
        (
            vec!["--bank", "leeg", "questions"],
            "fout: leeg is een map; geef het pad van een bestand",
        ),
    ];
    for (args, expected) in cases {
        let output = pyramid()
            .current_dir(dir.path())
            .args(&args)
            .args(["--lang", "nl"])
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8(output.stderr).expect("UTF-8");
        assert!(stderr.starts_with(expected), "{args:?}: {stderr}");
    }
}

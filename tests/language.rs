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
        &["questions", "--bank", "no-such-bank.yaml"],
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
            vec!["questions", "--bank", "leeg"],
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

const FOUR: &str = "tests/fixtures/banks/four-languages.yaml";

#[test]
fn french_has_a_decimal_comma_real_plurals_and_the_vous_form() {
    let team = stdout(&["score", TEAM, "--summary", "--lang", "fr"]);
    assert!(team.starts_with("Équipe de 3 répondants :"), "{team}");
    assert!(team.contains("│ Stratégie  ┆ 50,0 ┆"), "{team}");
    assert!(team.contains("Plateforme : dispersion 29,3 ;"), "{team}");
    assert!(team.contains("Cela vous place au stade 2"), "{team}");
    let one = stdout(&["score", AN, "--summary", "--lang", "fr"]);
    assert!(one.starts_with("Équipe d'un répondant :"), "{one}");
    let target = stdout(&["score", AN, "--target", "stage=3", "--lang", "fr"]);
    assert!(target.contains("; 1 point sous le stade 3"), "{target}");
    assert!(target.contains("; 43 points sous le stade 3"), "{target}");
}

#[test]
fn a_fourth_language_scores_in_that_language_with_one_note() {
    let dir = tempfile::tempdir().expect("temp dir");
    let answers = dir.path().join("lena.yaml");
    std::fs::write(
        &answers,
        "respondent: Lena\nbank: webshop\nanswers:\n  shop-range: c\n  shop-pay: c\n  \
         service-reply: b\n  service-returns: b\n",
    )
    .expect("written");
    let output = pyramid()
        .args(["score", "--bank", FOUR, "--lang", "de"])
        .arg(&answers)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    // The model's words in German, pyramid's own in English.
    assert!(stdout.contains("Laden"), "{stdout}");
    assert!(stdout.contains("Kundendienst"), "{stdout}");
    assert!(stdout.contains("Respondent"), "{stdout}");
    assert!(!stdout.contains("Shop "), "{stdout}");
    assert_eq!(
        stderr,
        "note: pyramid's own words are not available in German, so they are shown \
         in English; the questions and advice are in German.\n"
    );
    // French has both: no note.
    let output = pyramid()
        .args(["score", "--bank", FOUR, "--lang", "fr"])
        .arg(&answers)
        .output()
        .expect("runs");
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("Boutique"));
}

#[test]
fn a_language_the_bank_lacks_falls_back_to_english_with_a_note_in_the_readers_language() {
    let output = pyramid()
        .args(["questions", "--model", "social", "--lang", "fr"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    assert_eq!(
        stderr,
        "remarque : Social Business Maturity Matrix n'a pas de textes en français ; ses \
         questions et ses conseils sont affichés en anglais.\n"
    );
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(stdout.contains("│ #  ┆ Dimension "), "{stdout}");
    assert!(
        stdout.contains("Question (réponses : clé · niveau ·"),
        "{stdout}"
    );
}

#[test]
fn models_list_their_languages() {
    let models = stdout(&["models", "--lang", "en"]);
    assert!(
        models.contains("15 questions · nl, en, fr (questions/pyramid.yaml)"),
        "{models}"
    );
    assert!(
        models.contains("15 questions · nl, en (questions/social.yaml)"),
        "{models}"
    );
}

#[test]
fn a_declared_language_missing_from_a_text_is_an_error_at_its_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bank = std::fs::read_to_string(FOUR).expect("fixture");
    // Drop the German of the second stage's name (line 14 of the file).
    let broken = bank.replacen(", de: \"Wachsender\"", "", 1);
    assert_ne!(broken, bank);
    let line = broken
        .lines()
        .position(|l| l.contains("En croissance"))
        .expect("the stage")
        + 1;
    let path = dir.path().join("webshop.yaml");
    std::fs::write(&path, broken).expect("written");
    let output = pyramid()
        .args(["validate", "--lang", "en"])
        .arg(&path)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    assert!(
        stderr.contains(&format!("webshop.yaml:{line}:")),
        "{stderr}"
    );
    assert!(
        stderr.contains("stages[1].name.de: the German text is missing"),
        "{stderr}"
    );
    assert!(
        stderr.contains("add `de:` with the text in German"),
        "{stderr}"
    );
}

#[test]
fn a_bank_without_a_language_list_loads_as_before() {
    // three-stages.yaml predates `languages:`: its languages are its title's.
    let output = pyramid()
        .args([
            "validate",
            "tests/fixtures/banks/three-stages.yaml",
            "--lang",
            "en",
        ])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stdout).contains("words to read: 54 nl, 59 en"));
}

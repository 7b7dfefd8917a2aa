//! The command line, run as a user runs it: exit codes, messages, output.

mod common;

use common::pyramid;
use predicates::prelude::*;
use serde_json::Value;

fn json_questions(args: &[&str]) -> Value {
    common::json(&[&["questions"], args].concat())
}

#[test]
fn test_without_a_terminal_fails_at_once_and_points_to_answer_files() {
    pyramid()
        .arg("test")
        .write_stdin("")
        .timeout(std::time::Duration::from_secs(10))
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("not one"))
        .stderr(predicate::str::contains("pyramid score FILE"));
}

#[test]
fn plain_pyramid_without_a_terminal_gives_the_same_error() {
    pyramid()
        .write_stdin("")
        .timeout(std::time::Duration::from_secs(10))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "the self-test asks its questions in a terminal",
        ));
}

#[test]
fn questions_json_is_the_documented_interface() {
    let doc = json_questions(&[]);
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["bank"], "pyramid");
    let questions = doc["questions"].as_array().expect("questions array");
    assert_eq!(questions.len(), 15);
    let first = &questions[0];
    assert_eq!(first["id"], "strategy-role");
    assert_eq!(first["pillar"], "strategy");
    assert_eq!(
        first["text"]["en"],
        "What role does the website play in your organisation?"
    );
    assert_eq!(
        first["text"]["nl"],
        "Welke rol speelt de website in jullie organisatie?"
    );
    let options = first["options"].as_array().expect("options");
    assert_eq!(options.len(), 4);
    assert_eq!(options[0]["key"], "a");
    assert_eq!(options[0]["level"], 1);
    assert!(
        options[0]["label"]["nl"]
            .as_str()
            .is_some_and(|l| !l.is_empty())
    );
    assert_eq!(doc["stages"][3]["name"]["en"], "Unconsciously competent");
    assert_eq!(doc["pillars"][2]["id"], "traffic");
}

#[test]
fn questions_yaml_carries_the_same_document_as_json() {
    let output = pyramid()
        .args(["questions", "--format", "yaml"])
        .output()
        .expect("runs");
    assert!(output.status.success());
    let yaml: Value = serde_yaml::from_slice(&output.stdout).expect("valid YAML");
    assert_eq!(yaml, json_questions(&[]));
}

#[test]
fn questions_table_follows_the_language_and_fits_eighty_columns() {
    let output = pyramid()
        .args(["questions", "--lang", "nl"])
        .output()
        .expect("runs");
    assert!(output.status.success());
    let table = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(
        table.contains("Welke rol speelt de website in jullie"),
        "{table}"
    );
    assert!(
        table.contains("Pijler") && table.contains("Vraag"),
        "{table}"
    );
    assert!(table.contains("dont_know · – · Weet ik niet"), "{table}");
    assert!(table.contains("a · 1 · Een visitekaartje"), "{table}");
    for line in table.lines() {
        assert!(line.chars().count() <= 80, "wider than 80 columns: {line}");
    }
}

#[test]
fn language_comes_from_the_locale_when_not_given() {
    let output = pyramid()
        .args(["questions"])
        .env("LANG", "nl_NL.UTF-8")
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&output.stdout).contains("Pijler"));
    let output = pyramid()
        .args(["questions"])
        .env("LANG", "de_DE.UTF-8")
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&output.stdout).contains("Pillar"));
}

#[test]
fn a_custom_bank_with_three_stages_and_two_pillars_loads() {
    let doc = json_questions(&["--bank", "tests/fixtures/banks/three-stages.yaml"]);
    assert_eq!(doc["bank"], "webshop");
    assert_eq!(doc["stages"].as_array().map(Vec::len), Some(3));
    assert_eq!(doc["pillars"].as_array().map(Vec::len), Some(2));
    assert_eq!(doc["questions"][2]["dont_know"], true);
}

#[test]
fn a_broken_bank_lists_every_problem_with_file_line_and_fix() {
    pyramid()
        .args(["questions", "--bank", "tests/fixtures/banks/broken.yaml"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "error: tests/fixtures/banks/broken.yaml is not a valid question bank (2 problems):",
        ))
        .stderr(predicate::str::contains(
            "tests/fixtures/banks/broken.yaml:7:73: stages[1].min_score: min_score 0 is not above the previous stage's 0",
        ))
        .stderr(predicate::str::contains(
            "tests/fixtures/banks/broken.yaml:20:15: questions[0].options[1].key: option key `a` is used twice",
        ))
        .stderr(predicate::str::contains("fix: give every option key its own id"));
}

#[test]
fn a_missing_bank_file_is_named() {
    pyramid()
        .args(["questions", "--bank", "no/such/bank.yaml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read no/such/bank.yaml"));
}

#[test]
fn a_folder_given_as_bank_is_refused() {
    pyramid()
        .args(["questions", "--bank", "tests"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("tests is a directory"));
}

#[test]
fn a_bank_that_is_not_utf8_is_refused_with_its_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("latin1.yaml");
    std::fs::write(&path, b"id: x\ntitle: {nl: caf\xe9}\n").expect("write");
    pyramid()
        .args(["questions", "--bank"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "latin1.yaml:2: the file is not UTF-8 text",
        ));
}

#[test]
fn usage_errors_exit_2_and_suggest_the_closest_subcommand() {
    pyramid()
        .args(["questions", "--lang", "dutch"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("`dutch` is not a language code"));
    pyramid()
        .arg("questons")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("tip:").and(predicate::str::contains("'questions'")));
}

#[test]
fn completions_for_every_shell_name_the_subcommands() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let output = pyramid()
            .args(["completions", shell])
            .output()
            .expect("runs");
        assert!(output.status.success(), "{shell}");
        let script = String::from_utf8(output.stdout).expect("UTF-8");
        for sub in ["test", "score", "compare", "report", "questions"] {
            assert!(script.contains(sub), "{shell} completion lacks {sub}");
        }
        assert!(
            script.contains("target"),
            "{shell} completion lacks options"
        );
    }
    pyramid().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn the_man_page_is_roff_with_the_subcommands() {
    let output = pyramid().arg("man").output().expect("runs");
    assert!(output.status.success());
    let page = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(
        page.starts_with(".ie \\n(.g .ds Aq"),
        "{}",
        &page[..60.min(page.len())]
    );
    assert!(page.contains(".TH pyramid 1"), "{page}");
    for sub in [
        "test",
        "score",
        "compare",
        "report",
        "questions",
        "completions",
    ] {
        assert!(
            page.contains(&format!("pyramid\\-{sub}(1)")),
            "man page lacks {sub}"
        );
    }
}

#[test]
fn every_subcommand_help_has_an_example() {
    for sub in [
        "test",
        "score",
        "compare",
        "report",
        "questions",
        "completions",
        "man",
    ] {
        pyramid()
            .args([sub, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Example"));
    }
}

#[test]
fn models_are_listed_and_chosen_by_name() {
    pyramid()
        .arg("models")
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "pyramid    Digital Growth Pyramid · 4 stages, 4 pillars, 15 questions",
        ));
    pyramid()
        .args(["questions", "--model", "pyramid", "--format", "json"])
        .assert()
        .success();
    pyramid()
        .args(["questions", "--model", "social-media"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "there is no bundled model `social-media`; the models are: pyramid",
        ));
    // A bank of one's own takes precedence over a model, so that
    // PYRAMID_MODEL in the environment never blocks --bank.
    pyramid()
        .args([
            "questions",
            "--model",
            "social",
            "--bank",
            "tests/fixtures/banks/four-languages.yaml",
            "--format",
            "json",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"bank\": \"webshop\""));
}

#[test]
fn the_model_the_bank_and_colour_come_from_the_environment_too() {
    pyramid()
        .args(["questions", "--format", "json"])
        .env("PYRAMID_MODEL", "social")
        .assert()
        .success()
        .stdout(predicate::str::contains("\"bank\": \"social\""));
    pyramid()
        .args(["questions", "--format", "json"])
        .env("PYRAMID_MODEL", "social")
        .env("PYRAMID_BANK", "tests/fixtures/banks/four-languages.yaml")
        .assert()
        .success()
        .stdout(predicate::str::contains("\"bank\": \"webshop\""));
    pyramid()
        .args(["test", "--color", "sometimes"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "possible values: auto, always, never",
        ));
}

#[test]
fn options_appear_only_where_they_apply() {
    // A bank for a command that reads none, colour for one that draws none.
    for args in [
        &["models", "--model", "social"][..],
        &["history", "--bank", "x.yaml"],
        &["serve", "--model", "social"],
        &["score", "--color", "always", "examples/an-q3.yaml"],
    ] {
        pyramid()
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("unexpected argument"));
    }
    // Before a subcommand they belong to the self-test, which `pyramid`
    // alone takes.
    pyramid()
        .args(["--model", "social", "questions"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--model before `questions` is an option of the self-test; put it after the subcommand",
        ));
    for command in ["test", "score", "compare", "report", "questions"] {
        let help = pyramid().args([command, "--help"]).output().expect("runs");
        let help = String::from_utf8_lossy(&help.stdout);
        assert!(
            help.contains("--model") && help.contains("--bank"),
            "{command}: {help}"
        );
        assert_eq!(
            help.contains("--color"),
            command == "test",
            "{command}: {help}"
        );
    }
    let help = pyramid().args(["--help"]).output().expect("runs");
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(
        help.contains("--model") && help.contains("--save"),
        "{help}"
    );
}

/// The README's example files: the ones a reader runs its commands on.
#[test]
fn the_readme_example_files_give_the_readme_results() {
    let exported = std::fs::read("examples/plain-ids.csv").expect("example");
    let fixture = std::fs::read("tests/fixtures/forms/plain-ids.csv").expect("fixture");
    assert_eq!(
        exported, fixture,
        "examples/plain-ids.csv drifted from its fixture"
    );
    pyramid()
        .args(["score", "examples/team.csv"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "examples/team.csv:3, column B: strategy-role: \"maybe\"",
        ))
        .stderr(predicate::str::contains(
            "examples/team.csv:4: Els Janssens has no answer",
        ));
    pyramid()
        .args(["compare", "examples/an-q3.yaml", "examples/an-q4.yaml"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "examples/an-q3.yaml → examples/an-q4.yaml",
        ));
    pyramid()
        .args([
            "score",
            "examples/google-forms-nl-excel.csv",
            "--format",
            "csv",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "an.peeters@example.be,examples/google-forms-nl-excel.csv:2,",
        ));
}

#[test]
fn man_dir_writes_a_page_per_subcommand_with_exit_status_and_environment() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pages = dir.path().join("man1");
    let output = pyramid()
        .args(["man", "--lang", "en", "--dir"])
        .arg(&pages)
        .output()
        .expect("runs");
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).contains("manual pages written to"));
    for name in [
        "pyramid",
        "pyramid-score",
        "pyramid-serve",
        "pyramid-history",
        "pyramid-campaign-new",
        "pyramid-campaign-backup",
    ] {
        let page = std::fs::read_to_string(pages.join(format!("{name}.1")))
            .unwrap_or_else(|err| panic!("{name}.1: {err}"));
        assert!(page.contains(&format!(".TH {name} 1")), "{name}: {page}");
        assert!(page.contains(".SH \"EXIT STATUS\""), "{name}");
        assert!(
            page.contains(".SH ENVIRONMENT") && page.contains("PYRAMID_DB"),
            "{name}"
        );
    }
    // Each page names the variables that matter to its command.
    let page = |name: &str| std::fs::read_to_string(pages.join(format!("{name}.1"))).expect("page");
    for (name, model, color) in [
        ("pyramid-score", true, false),
        ("pyramid-test", true, true),
        ("pyramid-serve", false, false),
        ("pyramid-campaign-backup", false, false),
    ] {
        let page = page(name);
        assert_eq!(page.contains("PYRAMID_MODEL"), model, "{name}");
        assert_eq!(page.contains("CLICOLOR_FORCE"), color, "{name}");
    }
    // The page on standard output has them all.
    let page = pyramid().arg("man").output().expect("runs").stdout;
    assert!(String::from_utf8_lossy(&page).contains("CLICOLOR_FORCE"));
}

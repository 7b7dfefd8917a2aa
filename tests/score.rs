//! `pyramid score`: every input source and quirk, every output format, the
//! team summary, and every error path with its message and exit code.

mod common;

use common::{pyramid, score_json};
use predicates::prelude::*;
use serde_json::Value;
use std::path::Path;

const FORMS: &str = "tests/fixtures/forms";
const ANSWERS: &str = "tests/fixtures/answers";

/// Per respondent: overall score and stage, then each pillar's score.
fn scores(document: &Value) -> Vec<Vec<Value>> {
    document["respondents"]
        .as_array()
        .expect("respondents")
        .iter()
        .map(|r| {
            let mut row = vec![r["score"].clone(), r["stage"].clone()];
            row.extend(
                r["pillars"]
                    .as_array()
                    .expect("pillars")
                    .iter()
                    .map(|p| p["score"].clone()),
            );
            row
        })
        .collect()
}

/// An, Jan and Els, as computed by hand in the README's worked example.
fn expected() -> Vec<Vec<Value>> {
    [
        [54, 2, 50, 78, 78, 8],
        [54, 3, 83, 67, 33, 33],
        [36, 2, 17, 11, 50, 67],
    ]
    .iter()
    .map(|row| row.iter().map(|&n| Value::from(n)).collect())
    .collect()
}

#[test]
fn every_survey_export_gives_the_same_scores() {
    for file in [
        "google-forms-nl.csv",
        "google-forms-nl-excel.csv",
        "microsoft-forms-nl.xlsx",
        "microsoft-forms-nl-excel-utf8.csv",
        "limesurvey.csv",
        "typeform.csv",
        "surveymonkey.csv",
        "qualtrics.csv",
        "plain-ids.csv",
        "../spreadsheets/plain-ids.ods",
    ] {
        let path = format!("{FORMS}/{file}");
        assert_eq!(scores(&score_json(&[&path])), expected(), "{file}");
    }
}

#[test]
fn a_dutch_excel_export_is_scored_untouched() {
    // Windows-1252, semicolons, CRLF, a quoted cell over two lines, and a
    // question text with "ï" that must match after decoding.
    let raw = std::fs::read(format!("{FORMS}/google-forms-nl-excel.csv")).expect("fixture");
    assert!(
        std::str::from_utf8(&raw).is_err(),
        "the fixture is not UTF-8"
    );
    assert!(raw.windows(2).any(|w| w == b"\r\n") && raw.contains(&b';'));
    let document = score_json(&[&format!("{FORMS}/google-forms-nl-excel.csv")]);
    let first = &document["respondents"][0];
    assert_eq!(first["respondent"], "an.peeters@example.be");
    // The quoted comment spans lines 2 and 3, so Jan's row starts on line 4.
    assert_eq!(
        document["respondents"][1]["source"],
        format!("{FORMS}/google-forms-nl-excel.csv:4")
    );
}

#[test]
fn utf16_with_tabs_from_excel_unicode_text_is_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plain = std::fs::read_to_string(format!("{FORMS}/plain-ids.csv")).expect("fixture");
    let mut bytes = vec![0xFF, 0xFE];
    for unit in plain.replace(',', "\t").encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    let path = dir.path().join("unicode.txt");
    std::fs::write(&path, bytes).expect("write");
    assert_eq!(
        scores(&score_json(&[path.to_str().expect("path")])),
        expected()
    );
}

#[test]
fn ignored_columns_are_named_once_on_stderr() {
    let output = pyramid()
        .args(["score", &format!("{FORMS}/surveymonkey.csv")])
        .output()
        .expect("runs");
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.matches("ignored columns").count(), 1, "{stderr}");
    assert!(
        stderr.contains("Respondent ID, Collector ID, Start Date"),
        "{stderr}"
    );
    // The e-mail column names the respondent, so it is not ignored.
    assert!(!stderr.contains("Email Address"), "{stderr}");
}

#[test]
fn respondents_are_named_by_name_email_or_file_and_row() {
    let typeform = score_json(&[&format!("{FORMS}/typeform.csv")]);
    assert_eq!(typeform["respondents"][0]["respondent"], "An Peeters");
    let qualtrics = score_json(&[&format!("{FORMS}/qualtrics.csv")]);
    assert_eq!(
        qualtrics["respondents"][1]["respondent"],
        "jan.desmet@example.be"
    );
    let limesurvey = score_json(&[&format!("{FORMS}/limesurvey.csv")]);
    assert_eq!(
        limesurvey["respondents"][2]["respondent"],
        format!("{FORMS}/limesurvey.csv row 3")
    );
}

#[test]
fn a_folder_is_every_answer_file_in_name_order() {
    let document = score_json(&[ANSWERS]);
    let names: Vec<&str> = document["respondents"]
        .as_array()
        .expect("respondents")
        .iter()
        .map(|r| r["source"].as_str().expect("source"))
        .collect();
    assert_eq!(
        names,
        [
            format!("{ANSWERS}/an.yaml"),
            format!("{ANSWERS}/els.json"),
            format!("{ANSWERS}/jan.yaml")
        ]
    );
}

#[test]
fn standard_input_is_read_in_any_format() {
    for file in [
        format!("{ANSWERS}/an.yaml"),
        format!("{ANSWERS}/els.json"),
        format!("{FORMS}/google-forms-nl.csv"),
    ] {
        let text = std::fs::read(&file).expect("fixture");
        for args in [
            vec!["score", "-", "--format", "json"],
            vec!["score", "--format", "json"],
        ] {
            let output = pyramid()
                .args(&args)
                .write_stdin(text.clone())
                .output()
                .expect("runs");
            assert!(
                output.status.success(),
                "{file}: {}",
                String::from_utf8_lossy(&output.stderr)
            );
            let document: Value = serde_json::from_slice(&output.stdout).expect("JSON");
            assert!(document["respondents"][0]["score"].is_u64(), "{file}");
        }
    }
}

#[test]
fn answers_as_keys_labels_numbers_and_dont_know_score_alike() {
    let dir = tempfile::tempdir().expect("temp dir");
    let keys = std::fs::read_to_string(format!("{ANSWERS}/an.yaml")).expect("fixture");
    let labels = keys
        .replace(
            "strategy-role: b",
            "strategy-role: \"  WE WILLEN ER MEER MEE; er lopen projecten zonder vaste doelen \"",
        )
        .replace("platform-coherence: d", "platform-coherence: 4")
        .replace("traffic-data: dont_know", "traffic-data: Don't know");
    let path = dir.path().join("labels.yaml");
    std::fs::write(&path, labels).expect("write");
    let a = scores(&score_json(&[&format!("{ANSWERS}/an.yaml")]));
    let b = scores(&score_json(&[path.to_str().expect("path")]));
    assert_eq!(a, b);
}

#[test]
fn each_format_holds_the_rows() {
    let path = format!("{FORMS}/plain-ids.csv");
    let table = pyramid().args(["score", &path]).output().expect("runs");
    let table = String::from_utf8(table.stdout).expect("UTF-8");
    assert!(
        table.contains("│ An Peeters   ┆   50 · 2 ┆   78 · 3 ┆  78 · 3 ┆      8 · 1 ┆  54 · 2 │"),
        "{table}"
    );
    assert!(
        table.lines().all(|line| line.chars().count() <= 80),
        "{table}"
    );

    let markdown = pyramid()
        .args(["score", &path, "--format", "markdown"])
        .output()
        .expect("runs");
    let markdown = String::from_utf8(markdown.stdout).expect("UTF-8");
    assert!(
        markdown.starts_with(
            "| Respondent | Strategy | Platform | Traffic | Conversion | Overall |\n| :--- | ---: |"
        ),
        "{markdown}"
    );
    assert!(
        markdown.contains("| Els Janssens | 17 · 1 | 11 · 1 | 50 · 2 | 67 · 3 | 36 · 2 |"),
        "{markdown}"
    );

    let csv = pyramid()
        .args(["score", &path, "--format", "csv"])
        .output()
        .expect("runs");
    let csv = String::from_utf8(csv.stdout).expect("UTF-8");
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some(
            "respondent,source,strategy_score,strategy_stage,platform_score,platform_stage,traffic_score,traffic_stage,\
             conversion_score,conversion_stage,score,stage,stage_name,focus"
        )
    );
    assert_eq!(
        lines.next(),
        Some(
            "An Peeters,tests/fixtures/forms/plain-ids.csv:2,50,2,78,3,78,3,8,1,54,2,Consciously incompetent,conversion"
        )
    );

    let json = score_json(&[&path]);
    assert_eq!(json["version"], 1);
    assert_eq!(json["bank"], "pyramid");
    let an = &json["respondents"][0];
    assert_eq!(an["focus"], "conversion");
    assert_eq!(an["pillars"][2]["dont_know"], 1);
    assert_eq!(an["balance"][0]["rule"], "max_stages_above_weakest");
    assert_eq!(an["balance"][0]["pillars"][0], "conversion");
    assert!(json.get("summary").is_none());
}

#[test]
fn summary_gives_the_team_view() {
    let document = score_json(&[&format!("{FORMS}/google-forms-nl.csv"), "--summary"]);
    assert!(
        document.get("respondents").is_none(),
        "summary alone has no rows"
    );
    let summary = &document["summary"];
    assert_eq!(summary["respondents"], 3);
    // Strategy 50, 83, 17; platform 78, 67, 11; traffic 78, 33, 50; conversion 8, 33, 67.
    let strategy = &summary["pillars"][0];
    assert_eq!(
        (
            strategy["mean"].as_f64(),
            strategy["min"].as_u64(),
            strategy["max"].as_u64()
        ),
        (Some(50.0), Some(17), Some(83))
    );
    assert_eq!(strategy["spread"], 26.94);
    // Team: rounded means 50, 52, 54, 36 -> 48 -> stage 2; focus conversion.
    assert_eq!(summary["team"]["score"], 48);
    assert_eq!(summary["team"]["stage"], 2);
    assert_eq!(summary["team"]["focus"], "conversion");
    let distribution: Vec<(Value, Value)> = summary["stage_distribution"]
        .as_array()
        .expect("distribution")
        .iter()
        .map(|s| (s["stage"].clone(), s["count"].clone()))
        .collect();
    assert_eq!(
        distribution,
        [
            (1.into(), 0.into()),
            (2.into(), 2.into()),
            (3.into(), 1.into()),
            (4.into(), 0.into()),
            (Value::Null, 0.into())
        ]
    );
    // Platform (11 to 78) splits the team most.
    assert_eq!(summary["disagreement"][0]["pillar"], "platform");
    assert_eq!(summary["disagreement"][0]["front"]["count"], 2);
    assert_eq!(summary["disagreement"][0]["peloton"]["count"], 1);
}

#[test]
fn summary_with_rows_in_table_and_markdown() {
    let path = format!("{FORMS}/google-forms-nl.csv");
    let output = pyramid()
        .args(["score", &path, "--summary", "--rows", "--lang", "nl"])
        .output()
        .expect("runs");
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(text.contains("an.peeters@example.be"), "{text}");
    assert!(
        text.contains("Team van 3 respondenten: fase 2/4, Bewust onbekwaam (score 48)"),
        "{text}"
    );
    assert!(text.contains("Waar het team het minst eens is"), "{text}");
    assert!(
        text.contains("Platform: spreiding 29,3; kopgroep van 2 met gemiddeld 72"),
        "{text}"
    );
    let output = pyramid()
        .args([
            "score",
            &path,
            "--summary",
            "--rows",
            "--format",
            "markdown",
        ])
        .output()
        .expect("runs");
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(
        text.contains("### Team of 3 respondents: stage 2/4, Consciously incompetent (score 48)"),
        "{text}"
    );
    assert!(
        text.contains("| Pillar | Mean | Min | Max | Spread | Team stage |"),
        "{text}"
    );
    assert!(text.contains("| Respondent |"), "{text}");
    assert!(text.contains("**Stage distribution**"), "{text}");
}

#[test]
fn csv_summary_is_one_table_and_refuses_rows_too() {
    let path = format!("{FORMS}/google-forms-nl.csv");
    let output = pyramid()
        .args(["score", &path, "--summary", "--format", "csv"])
        .output()
        .expect("runs");
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(text.starts_with("pillar,respondents,mean,min,max,spread,team_score,team_stage\nstrategy,3,50.00,17,83,26.94,50,2\n"), "{text}");
    assert!(text.contains("\noverall,3,"), "{text}");
    pyramid()
        .args(["score", &path, "--summary", "--rows", "--format", "csv"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("CSV holds one table"));
}

#[test]
fn output_file_is_written_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("scores.csv");
    pyramid()
        .args(["score", ANSWERS, "--format", "csv", "--output"])
        .arg(&target)
        .assert()
        .success()
        .stdout("");
    let written = std::fs::read_to_string(&target).expect("written");
    assert_eq!(written.lines().count(), 4);
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("list").count(),
        1,
        "no temporary file left"
    );
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path.to_str().expect("path").to_string()
}

fn plain_with(dir: &Path, replace: &str, with: &str) -> String {
    let plain = std::fs::read_to_string(format!("{FORMS}/plain-ids.csv")).expect("fixture");
    assert!(plain.contains(replace));
    write(dir, "team.csv", &plain.replacen(replace, with, 1))
}

#[test]
fn a_bad_answer_is_reported_with_line_column_value_and_choices_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Jan's row (line 3): the first answer `d` becomes `maybe`.
    let path = plain_with(dir.path(), "Jan De Smet,d", "Jan De Smet,maybe");
    let target = dir.path().join("out.json");
    pyramid()
        .args(["score", &path, "--format", "json", "--output"])
        .arg(&target)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("error: 1 problem in the answers; nothing was written:"))
        .stderr(predicate::str::contains(format!(
            "{path}:3, column B: strategy-role: \"maybe\" is not an answer to this question; valid: a = 1 = \"A business card"
        )))
        .stderr(predicate::str::contains("--skip-invalid"));
    assert!(!target.exists());
}

#[test]
fn skip_invalid_scores_the_rest_and_exits_1() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = plain_with(dir.path(), "Jan De Smet,d", "Jan De Smet,maybe");
    let output = pyramid()
        .args(["score", &path, "--skip-invalid", "--format", "csv"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(stdout.lines().count(), 3, "header, An and Els: {stdout}");
    assert!(!stdout.contains("Jan De Smet"));
    assert!(
        String::from_utf8_lossy(&output.stderr)
            .contains("warning: skipped 1 respondent with 1 problem:")
    );
}

#[test]
fn skipping_every_respondent_says_so_instead_of_no_answers() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(
        dir.path(),
        "team.csv",
        "respondent,strategy-role\nJan,maybe\nEls,perhaps\n",
    );
    for (lang, said) in [
        (
            "en",
            "all 2 respondents were skipped for the problems above",
        ),
        (
            "nl",
            "alle 2 respondenten zijn overgeslagen wegens de problemen hierboven",
        ),
        (
            "fr",
            "les 2 répondants ont tous été ignorés à cause des problèmes ci-dessus",
        ),
    ] {
        pyramid()
            .args(["--lang", lang, "score", &path, "--skip-invalid"])
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(said))
            .stderr(predicate::str::contains("holds no answers").not())
            .stderr(predicate::str::contains("bevat geen antwoorden").not());
    }
    let one = write(
        dir.path(),
        "one.csv",
        "respondent,strategy-role\nJan,maybe\n",
    );
    pyramid()
        .args(["score", &one, "--skip-invalid"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no respondent could be scored: the only respondent was skipped",
        ));
}

#[test]
fn a_missing_answer_fails_unless_incomplete_answers_are_allowed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = plain_with(dir.path(), "Els Janssens,a,a", "Els Janssens,,a");
    pyramid()
        .args(["score", &path])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "{path}:4: Els Janssens has no answer to strategy-role; fill it in, or score what is there with --allow-incomplete"
        )));
    let document = score_json(&[&path, "--allow-incomplete"]);
    let els = &document["respondents"][2];
    assert_eq!(els["pillars"][0]["missing"], 1);
    assert_eq!(els["pillars"][0]["answered"], 3);
}

#[test]
fn a_missing_question_column_is_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plain = std::fs::read_to_string(format!("{FORMS}/plain-ids.csv")).expect("fixture");
    let cut: String = plain
        .lines()
        .map(|line| {
            line.rsplit_once(',')
                .map_or(line, |(head, _)| head)
                .to_string()
                + "\n"
        })
        .collect();
    let path = write(dir.path(), "cut.csv", &cut);
    pyramid()
        .args(["score", &path])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no column for conversion-improve"));
    let document = score_json(&[&path, "--allow-incomplete"]);
    assert_eq!(document["respondents"][0]["pillars"][3]["missing"], 1);
}

#[test]
fn a_table_without_question_columns_lists_what_it_found() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(dir.path(), "other.csv", "Naam,Leeftijd\nAn,40\n");
    pyramid()
        .args(["score", &path])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no column is a question of the bank `pyramid`",
        ))
        .stderr(predicate::str::contains("Headers found: Naam, Leeftijd"));
}

#[test]
fn two_columns_for_one_question_are_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(
        dir.path(),
        "twice.csv",
        "strategy-role,What role does the website play in your organisation?\na,b\n",
    );
    pyramid()
        .args(["score", &path])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "columns A and B both hold question `strategy-role`",
        ));
}

#[test]
fn a_map_onto_a_question_that_a_column_holds_is_named() {
    // Column C mapped onto the question that column B holds, and column B
    // mapped onto the question that column C holds: the mapped one of the
    // two is named, whichever comes first.
    let cases = [
        ("strategy-choices=strategy-role", "strategy-role", "C"),
        ("strategy-role=strategy-choices", "strategy-choices", "B"),
    ];
    for (map, question, mapped) in cases {
        pyramid()
            .args(["score", "examples/plain-ids.csv", "--map", map])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(format!(
                "examples/plain-ids.csv: columns B and C both hold question `{question}` \
                 (column {mapped} through --map \"{map}\"); change --map, or remove one of the \
                 columns"
            )));
    }
    pyramid()
        .args(["score", "examples/plain-ids.csv", "--lang", "nl"])
        .args(["--map", "strategy-choices=strategy-role"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "(kolom C via --map \"strategy-choices=strategy-role\"); pas --map aan",
        ));
}

#[test]
fn answer_file_errors_name_the_file_and_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let an = std::fs::read_to_string(format!("{ANSWERS}/an.yaml")).expect("fixture");
    let bad = write(
        dir.path(),
        "bad.yaml",
        &an.replace("platform-coherence: d", "platform-coherence: z"),
    );
    pyramid()
        .args(["score", &bad])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "{bad}:10:23: platform-coherence: \"z\" is not an answer"
        )));
    let unknown = write(
        dir.path(),
        "unknown.yaml",
        &an.replace("platform-coherence: d", "platform-speed: d"),
    );
    pyramid()
        .args(["score", &unknown])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "{unknown}:10:19: `platform-speed` is not a question of the bank `pyramid`"
        )));
    let other = write(
        dir.path(),
        "other.yaml",
        &an.replace("bank: pyramid", "bank: social"),
    );
    pyramid()
        .args(["score", &other])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "these answers are for the bank `social`, not `pyramid`",
        ));
    let broken = write(
        dir.path(),
        "broken.json",
        "{\"respondent\": \"An\", \"answers\": [",
    );
    pyramid()
        .args(["score", &broken])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!("{broken}:1:")))
        .stderr(predicate::str::contains("not an answer file"));
}

#[test]
fn empty_input_and_missing_paths_are_errors() {
    pyramid()
        .args(["score"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("<stdin>: the file is empty"));
    pyramid()
        .args(["score", "no-such-file.csv"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read no-such-file.csv"));
    let dir = tempfile::tempdir().expect("temp dir");
    pyramid()
        .arg("score")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("holds no answer files"));
}

#[test]
fn exported_cells_cannot_run_as_formulas_or_break_markdown() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = plain_with(
        dir.path(),
        "An Peeters",
        "\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"",
    );
    let csv = pyramid()
        .args(["score", &path, "--format", "csv"])
        .output()
        .expect("runs");
    let csv = String::from_utf8(csv.stdout).expect("UTF-8");
    assert!(
        csv.contains("\n\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","),
        "{csv}"
    );
    let path = plain_with(dir.path(), "An Peeters", "\"An | Peeters\"");
    let markdown = pyramid()
        .args(["score", &path, "--format", "markdown"])
        .output()
        .expect("runs");
    let markdown = String::from_utf8(markdown.stdout).expect("UTF-8");
    assert!(
        markdown.contains("| An \\| Peeters | 50 · 2 |"),
        "{markdown}"
    );
}

#[test]
fn utf16_with_commas_or_semicolons_and_cr_only_lines_are_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plain = std::fs::read_to_string(format!("{FORMS}/plain-ids.csv")).expect("fixture");
    let utf16 = |text: &str| -> Vec<u8> {
        [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect()
    };
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("utf16-commas.csv", utf16(&plain.replace('\n', "\r\n"))),
        ("utf16-semicolons.csv", utf16(&plain.replace(',', ";"))),
        ("mac.csv", plain.replace('\n', "\r").into_bytes()),
    ];
    for (name, bytes) in files {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).expect("write");
        let document = score_json(&[path.to_str().expect("path")]);
        assert_eq!(scores(&document), expected(), "{name}");
        assert!(
            document["respondents"][1]["source"]
                .as_str()
                .is_some_and(|s| s.ends_with(":3")),
            "{name}: Jan is on line 3"
        );
    }
}

#[test]
fn a_respondent_who_answers_twice_counts_once_with_the_later_answers() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plain = std::fs::read_to_string(format!("{FORMS}/plain-ids.csv")).expect("fixture");
    // Els answers again, with An's answers, under her name in capitals.
    let an_row = plain.lines().nth(1).expect("An's row");
    let again = an_row.replacen("An Peeters", "ELS  janssens", 1);
    let path = dir.path().join("twice.csv");
    std::fs::write(&path, format!("{plain}{again}\n")).expect("write");
    let path = path.to_str().expect("path");

    let output = common::pyramid()
        .args(["score", path, "--format", "json"])
        .output()
        .expect("runs");
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!("ELS  janssens: {path}:4 and {path}:5")),
        "both lines are named: {stderr}"
    );
    let document: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let rows = scores(&document);
    let all = expected();
    assert_eq!(rows, vec![all[0].clone(), all[1].clone(), all[0].clone()]);
    assert_eq!(document["respondents"][2]["respondent"], "ELS  janssens");

    // The team summary is the team of those three rows.
    let summary = score_json(&[path, "--summary"]);
    assert_eq!(summary["summary"]["respondents"], 3);
    let strategy = &summary["summary"]["pillars"][0];
    assert_eq!(
        (&strategy["min"], &strategy["max"]),
        (&Value::from(50), &Value::from(83))
    );

    // --keep-duplicates keeps both.
    let kept = score_json(&[path, "--keep-duplicates"]);
    assert_eq!(kept["respondents"].as_array().map(Vec::len), Some(4));
}

#[test]
fn a_file_named_twice_or_inside_a_named_folder_is_read_once() {
    let answers = "tests/fixtures/answers";
    let output = common::pyramid()
        .args([
            "score",
            &format!("{answers}/an.yaml"),
            &format!("./{answers}/an.yaml"),
            answers,
            "--format",
            "json",
        ])
        .output()
        .expect("runs");
    assert!(output.status.success());
    let document: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let count = std::fs::read_dir(answers).expect("folder").count();
    assert_eq!(
        document["respondents"].as_array().map(Vec::len),
        Some(count)
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.matches("it is read once").count(), 2, "{stderr}");
}

#[test]
fn a_scores_document_reads_back_as_the_scores_it_holds() {
    let dir = tempfile::tempdir().expect("temp dir");
    let written = dir.path().join("scores.json");
    pyramid()
        .args([
            "score",
            &format!("{FORMS}/plain-ids.csv"),
            "--format",
            "json",
            "-o",
        ])
        .arg(&written)
        .assert()
        .success();
    // Read back (and told from an answer file by parsing it), the
    // respondents keep their pillar scores and so their results.
    let again = score_json(&[written.to_str().expect("path")]);
    assert_eq!(scores(&again), expected());
    // A newer version is refused, saying which one this build reads.
    let newer = std::fs::read_to_string(&written)
        .expect("written")
        .replacen("\"version\": 1", "\"version\": 9", 1);
    let path = dir.path().join("newer.json");
    std::fs::write(&path, newer).expect("write");
    pyramid()
        .args(["score"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "a scores document of version 9, written by a newer pyramid; this one reads version 1",
        ));
}

#[test]
fn headers_as_form_tools_decorate_them_still_name_their_questions() {
    let dir = tempfile::tempdir().expect("temp dir");
    let headers = [
        "Naam",
        "1. Welke rol speelt de website in jullie organisatie? *",
        "Q2. strategy-choices (required)",
        "3) strategy-people",
        "Vraag 4: strategy-ownership (verplicht)",
        "platform-audience",
        "6. Wat vindt een ge&iuml;nteresseerde op jullie platform voordat die contact opneemt?",
        "platform-coherence",
        "traffic-findable",
        "traffic-channels",
        "traffic-content",
        "traffic-data",
        "conversion-next-step",
        "conversion-rate",
        "conversion-follow-up",
        "conversion-improve",
    ];
    let csv = format!(
        "{}\nAn Peeters,b,c,c,b,c,c,d,c,d,c,dont_know,a,a,a,b\n",
        headers
            .iter()
            .map(|h| format!("\"{h}\""))
            .collect::<Vec<_>>()
            .join(",")
    );
    let decorated = dir.path().join("decorated.csv");
    std::fs::write(&decorated, csv).expect("written");
    let from_export = common::score_json(&[decorated.to_str().expect("path"), "--lang", "en"]);
    let from_file = common::score_json(&["tests/fixtures/answers/an.yaml", "--lang", "en"]);
    assert_eq!(
        from_export["respondents"][0]["pillars"], from_file["respondents"][0]["pillars"],
        "every decorated header found its question"
    );

    // A header with a typo is ignored, with a "did you mean".
    let typo = dir.path().join("typo.csv");
    std::fs::write(&typo, "Naam,strategy-rol,strategy-choices\nAn,b,c\n").expect("written");
    let output = common::pyramid()
        .args(["score", "--allow-incomplete", "--lang", "en"])
        .arg(&typo)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("the column strategy-rol names no question; did you mean strategy-role"),
        "{stderr}"
    );
    // The note gives the map that counts it, and that map does.
    let suggested = "--map \"strategy-rol=strategy-role\"";
    assert!(stderr.contains(suggested), "{stderr}");
    let mapped = common::score_json(&[
        typo.to_str().expect("path"),
        "--allow-incomplete",
        "--lang",
        "en",
        "--map",
        "strategy-rol=strategy-role",
    ]);
    let strategy = &mapped["respondents"][0]["pillars"][0];
    assert_eq!(strategy["answered"], 2, "{mapped}");
}

#[test]
fn map_names_the_columns_the_matcher_cannot_find() {
    let own = "examples/own-headers.csv";
    // Two columns with the team's own titles: those questions have no column.
    common::pyramid()
        .args(["score", own, "--lang", "en"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no column for strategy-role, conversion-rate (--map COLUMN=QUESTION",
        ));
    // Mapped (case and spaces as typed do not matter), it scores as the
    // same answers under the question ids.
    let maps = [
        "--map",
        "Rol van online=strategy-role",
        "--map",
        "meten JULLIE  conversie?=conversion-rate",
    ];
    let mapped = common::score_json(&[&[own, "--lang", "en"][..], &maps].concat());
    let plain = common::score_json(&["examples/plain-ids.csv", "--lang", "en"]);
    let rows = |doc: &serde_json::Value| {
        doc["respondents"]
            .as_array()
            .expect("rows")
            .iter()
            .map(|r| (r["respondent"].clone(), r["pillars"].clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(rows(&mapped), rows(&plain));
    assert_eq!(mapped["respondents"].as_array().map(Vec::len), Some(3));

    // A map whose column is in no table: a warning, the rest goes on.
    common::pyramid()
        .args(["score", "examples/plain-ids.csv", "--lang", "en"])
        .args(["--map", "Rol van=strategy-role"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "warning: --map \"Rol van=strategy-role\": none of the tables read has a column \"Rol van\"",
        ));
    // A question the bank does not have: exit 2 before anything is read.
    common::pyramid()
        .args(["score", own, "--lang", "en", "--map", "Rol van online=strategy-rol"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "--map \"Rol van online=strategy-rol\": `strategy-rol` is not a question of the bank `pyramid`",
        ));
    common::pyramid()
        .args(["score", own, "--map", "no equals sign"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("expected COLUMN=QUESTION"));

    // Campaign import takes the same map.
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("team.sqlite");
    common::pyramid()
        .args(["campaign", "import", "Team", own, "--db"])
        .arg(&db)
        .args(maps)
        .assert()
        .success();
    let db_text = db.to_str().expect("path");
    let imported = common::score_json(&["--db", db_text, "campaign:Team", "--lang", "en"]);
    let pillars = |doc: &serde_json::Value| {
        doc["respondents"]
            .as_array()
            .expect("rows")
            .iter()
            .map(|r| r["pillars"].clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(pillars(&imported), pillars(&plain));
}

#[test]
fn responses_an_export_marks_as_unfinished_are_skipped_with_a_note() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ids = common::question_ids();
    let an = "b,c,c,b,c,c,d,c,d,c,dont_know,a,a,a,b";
    // Qualtrics: Finished True/False; LimeSurvey: an empty submitdate.
    for (column, done, not_done) in [
        ("Finished", "True", "False"),
        ("submitdate", "2026-11-30 10:00:00", ""),
    ] {
        let csv = format!(
            "Name,{column},{}\nAn,{done},{an}\nHalfway,{not_done},b,c,,,,,,,,,,,,,\n",
            ids.join(",")
        );
        let path = dir.path().join(format!("{column}.csv"));
        std::fs::write(&path, csv).expect("written");
        let output = common::pyramid()
            .args(["score", "--format", "json", "--lang", "en"])
            .arg(&path)
            .output()
            .expect("runs");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("1 response the export marks as unfinished"),
            "{column}: {stderr}"
        );
        let document: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
        let rows = document["respondents"].as_array().expect("rows");
        assert_eq!(rows.len(), 1, "{column}: only An is scored");
        assert_eq!(rows[0]["respondent"], "An");
    }
}

/// A team of `rows` respondents made from the plain export: names that
/// repeat (second submissions), unnamed rows, a row with a bad answer.
fn big_team(dir: &Path, rows: usize) -> String {
    let plain = std::fs::read_to_string(format!("{FORMS}/plain-ids.csv")).expect("fixture");
    let mut lines = plain.lines();
    let header = lines.next().expect("header");
    let answers: Vec<&str> = lines
        .map(|line| line.split_once(',').expect("a name").1)
        .collect();
    let mut text = format!("{header}\n");
    for n in 0..rows {
        let name = match n % 7 {
            0 => String::new(),
            1 => format!("Person {}", n % 50),
            _ => format!("Person {n}"),
        };
        let cells = if n == rows / 2 {
            answers[0].replacen('b', "maybe", 1)
        } else {
            answers[n % answers.len()].to_string()
        };
        text.push_str(&format!("{name},{cells}\n"));
    }
    write(dir, "team.csv", &text)
}

/// The messages of a standard error, each with its indented lines, in
/// order of their text.
fn blocks(stderr: &str) -> Vec<String> {
    let mut blocks: Vec<String> = Vec::new();
    for line in stderr.lines() {
        match blocks.last_mut() {
            Some(block) if line.starts_with("  ") => block.push_str(line),
            _ => blocks.push(line.to_string()),
        }
    }
    blocks.sort();
    blocks
}

/// `pyramid score … | head -1`: the rows end where the reader stopped
/// taking them, with the exit code of the scoring and no error, in every
/// format and from a file (read twice) or standard input.
#[test]
fn a_pipe_closed_by_its_reader_ends_the_rows_quietly() {
    use std::io::{BufRead, Write};
    use std::process::Stdio;
    let dir = tempfile::tempdir().expect("temp dir");
    let team = big_team(dir.path(), 20_000);
    let text = std::fs::read(&team).expect("written");
    for format in ["csv", "json", "markdown", "table"] {
        for stdin in [false, true] {
            let mut command = std::process::Command::new(assert_cmd::cargo::cargo_bin!("pyramid"));
            command
                .args([
                    "score",
                    "--skip-invalid",
                    "--lang",
                    "en",
                    "--format",
                    format,
                ])
                .arg(if stdin { "-" } else { &team })
                .env("NO_COLOR", "1")
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped());
            let mut child = command.spawn().expect("runs");
            let mut input = child.stdin.take().expect("stdin");
            if stdin {
                input.write_all(&text).expect("fed");
            }
            drop(input);
            let mut out = std::io::BufReader::new(child.stdout.take().expect("stdout"));
            let mut first = String::new();
            out.read_line(&mut first).expect("a first line");
            assert!(!first.trim().is_empty(), "{format}: {first}");
            // Gone after one line: the rest (over a megabyte) meets a
            // closed pipe.
            drop(out);
            let done = child.wait_with_output().expect("ends");
            let stderr = String::from_utf8_lossy(&done.stderr);
            assert_eq!(
                done.status.code(),
                Some(1),
                "{format}, stdin {stdin}: {stderr}"
            );
            assert!(
                !stderr.contains("pipe"),
                "{format}, stdin {stdin}: {stderr}"
            );
            assert!(
                !stderr.contains("cannot write"),
                "{format}, stdin {stdin}: {stderr}"
            );
        }
    }
}

/// `score --skip-invalid ARGS` of `team` (whose text is `text`), from the
/// file or from standard input, which has one bad row (exit 1): its
/// output and standard error, each naming the input as `<stdin>` does.
fn skipping(team: &str, text: &[u8], args: &[&str], stdin: bool) -> (String, String) {
    let mut command = pyramid();
    command.args(["score", "--skip-invalid"]).args(args);
    if stdin {
        command.write_stdin(text.to_vec());
    } else {
        command.arg(team);
    }
    let output = command.output().expect("runs");
    assert_eq!(output.status.code(), Some(1), "{args:?}");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    let stderr = String::from_utf8_lossy(&output.stderr).replace(team, "<stdin>");
    (stdout.replace("<stdin>", team), stderr)
}

/// The note on second submissions is in the reader's language, its places
/// joined by that language's "and", whether the first reading names them
/// or a second one.
#[test]
fn the_note_on_second_submissions_speaks_the_reader_s_language() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plain = std::fs::read_to_string(format!("{FORMS}/plain-ids.csv")).expect("fixture");
    let again = plain.lines().nth(1).expect("An's row");
    let team = write(dir.path(), "team.csv", &format!("{plain}{again}\n"));
    for (lang, note) in [
        ("en", format!("  An Peeters: {team}:2 and {team}:5\n")),
        ("nl", format!("  An Peeters: {team}:2 en {team}:5\n")),
        ("fr", format!("  An Peeters : {team}:2 et {team}:5\n")),
    ] {
        // The table keeps its rows and names them as it reads; CSV rows
        // and a summary read the file again to name them.
        for args in [&[][..], &["--format", "csv"], &["--summary"]] {
            let output = pyramid()
                .args(["score", &team, "--lang", lang])
                .args(args)
                .output()
                .expect("runs");
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert_eq!(output.status.code(), Some(0), "{stderr}");
            assert!(stderr.contains(&note), "{lang} {args:?}: {stderr}");
        }
    }
}

/// A summary from a file notes second submissions by name alone and reads
/// the file again to take them out; from standard input it keeps what it
/// needs. Both give the same summary and the same notes.
#[test]
fn a_summary_settled_by_a_second_reading_is_the_one_kept_from_standard_input() {
    let dir = tempfile::tempdir().expect("temp dir");
    let team = big_team(dir.path(), 3000);
    let text = std::fs::read(&team).expect("written");
    for args in [
        &["--format", "json"][..],
        &["--format", "csv"],
        &["--format", "markdown", "--lang", "nl"],
    ] {
        let args = [&["--summary"][..], args].concat();
        let settled_and_kept = [false, true].map(|stdin| skipping(&team, &text, &args, stdin));
        let [(settled, notes), (kept, kept_notes)] = settled_and_kept;
        assert_eq!(settled, kept, "{args:?}");
        assert!(
            notes.contains("answered twice") || notes.contains("twee keer"),
            "{args:?}: {notes}"
        );
        assert_eq!(blocks(&notes), blocks(&kept_notes), "{args:?}");
    }
}

#[test]
fn rows_read_twice_from_a_file_are_the_rows_kept_from_standard_input() {
    let dir = tempfile::tempdir().expect("temp dir");
    let team = big_team(dir.path(), 3000);
    let text = std::fs::read(&team).expect("written");
    let run = |args: &[&str], stdin: bool| skipping(&team, &text, args, stdin);
    for args in [
        &["--format", "csv"][..],
        &["--format", "json"],
        &["--format", "json", "--target", "stage=3"],
        &["--format", "json", "--summary", "--rows"],
        &["--format", "csv", "--keep-duplicates"],
        &[
            "--format",
            "json",
            "--allow-incomplete",
            "--keep-duplicates",
        ],
    ] {
        let (read_twice, notes) = run(args, false);
        let (kept, kept_notes) = run(args, true);
        assert_eq!(read_twice, kept, "{args:?}");
        assert!(read_twice.lines().count() > 2000, "{args:?}");
        // The same notes, each once (the one on second submissions comes
        // last when the second reading names them).
        assert_eq!(blocks(&notes), blocks(&kept_notes), "{args:?}");
    }
}

#[test]
fn rows_read_twice_write_nothing_when_a_row_is_bad() {
    let dir = tempfile::tempdir().expect("temp dir");
    let team = big_team(dir.path(), 3000);
    let target = dir.path().join("scores.csv");
    pyramid()
        .args(["score", &team, "--format", "csv", "--output"])
        .arg(&target)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("\"maybe\""));
    assert!(!target.exists());
    pyramid()
        .args(["score", &team, "--format", "json"])
        .assert()
        .code(2)
        .stdout("");
}

/// CSV rows are written to temporary files while reading: where none can
/// be made, one message says where and what to do, and nothing is
/// written.
#[cfg(unix)]
#[test]
fn rows_without_room_for_their_temporary_files_write_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let team = big_team(dir.path(), 1500);
    let target = dir.path().join("scores.csv");
    let missing = dir.path().join("missing");
    pyramid()
        .args([
            "score",
            &team,
            "--skip-invalid",
            "--format",
            "csv",
            "--output",
        ])
        .arg(&target)
        .env("TMPDIR", &missing)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(format!(
            "error: cannot write the rows to a temporary file in {}: ",
            missing.display()
        )))
        .stderr(predicate::str::contains(
            "set TMPDIR to a folder with room for them",
        ));
    assert!(!target.exists());
}

/// A path that is a pipe cannot be read twice: its rows are not read
/// again.
#[cfg(unix)]
#[test]
fn rows_from_a_pipe_named_as_a_file_are_kept_not_read_twice() {
    let dir = tempfile::tempdir().expect("temp dir");
    let team = big_team(dir.path(), 1500);
    let text = std::fs::read(&team).expect("written");
    let output = pyramid()
        .args(["score", "/dev/stdin", "--skip-invalid", "--format", "csv"])
        .write_stdin(text)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let rows = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(rows.lines().count() > 1000, "{rows}");
}

#[test]
fn short_blank_and_wide_rows_are_read_as_their_cells_say() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plain = std::fs::read_to_string(format!("{FORMS}/plain-ids.csv")).expect("fixture");
    // A row cut short, a row of white space (a tab, a no-break space) and
    // a row whose only cell is right of the header.
    let text = format!("{plain}Kort,b,c\n \t,\u{a0}, ,,\n,,,,,,,,,,,,,,,,extra\n");
    let path = write(dir.path(), "edges.csv", &text);
    let document = score_json(&[&path, "--allow-incomplete"]);
    let respondents = document["respondents"].as_array().expect("respondents");
    let seen: Vec<(String, Vec<u64>)> = respondents
        .iter()
        .map(|r| {
            let missing = r["pillars"].as_array().expect("pillars");
            let missing = missing
                .iter()
                .map(|p| p["missing"].as_u64().expect("count"));
            (
                r["respondent"].as_str().expect("name").to_string(),
                missing.collect(),
            )
        })
        .collect();
    let unnamed = format!("{path} row 6");
    assert_eq!(
        seen[3..],
        [
            ("Kort".to_string(), vec![2, 3, 4, 4]),
            (unnamed, vec![4, 3, 4, 4]),
        ]
    );
    assert_eq!(seen.len(), 5, "the blank row is no respondent: {seen:?}");
}

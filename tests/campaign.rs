//! `pyramid campaign`: campaigns kept in a database file, created, listed,
//! closed and erased from the command line; a file that is not a pyramid
//! database, or is newer, is refused and left as it was.

mod common;

use common::pyramid;
use serde_json::Value;
use std::path::Path;

fn run(db: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let output = pyramid()
        .args(args)
        .arg("--db")
        .arg(db)
        .args(["--lang", "en"])
        .output()
        .expect("runs");
    (
        output.status.code(),
        String::from_utf8(output.stdout).expect("UTF-8"),
        String::from_utf8(output.stderr).expect("UTF-8"),
    )
}

fn listed(db: &Path) -> Value {
    let (code, out, err) = run(db, &["campaign", "list", "--format", "json"]);
    assert_eq!(code, Some(0), "{err}");
    serde_json::from_str(&out).expect("JSON")
}

#[test]
fn a_campaign_is_created_listed_closed_and_erased() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("team.sqlite");
    let (code, out, err) = run(&db, &["campaign", "new", "Team Q4"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.starts_with("Campaign \"Team Q4\" created (pyramid); the respondents' link is /c/"),
        "{out}"
    );
    let (code, _, err) = run(
        &db,
        &[
            "campaign",
            "new",
            "--model",
            "social",
            "Workshop",
            "--anonymous",
        ],
    );
    assert_eq!(code, Some(0), "{err}");

    let list = listed(&db);
    let campaigns = list["campaigns"].as_array().expect("a list");
    assert_eq!(campaigns.len(), 2);
    assert_eq!(campaigns[0]["name"], "Team Q4");
    assert_eq!(campaigns[0]["model"], "pyramid");
    assert_eq!(campaigns[1]["model"], "social");
    assert_eq!(campaigns[1]["anonymous"], true);
    for campaign in campaigns {
        let link = campaign["link"].as_str().expect("a link");
        let secret = link.strip_prefix("/c/").expect("a respondent path");
        assert_eq!(secret.len(), 32, "128 bits as hex: {link}");
        assert!(secret.chars().all(|c| c.is_ascii_hexdigit()));
        assert_eq!(
            (
                campaign["finished"].as_u64(),
                campaign["unfinished"].as_u64()
            ),
            (Some(0), Some(0))
        );
        assert_eq!(campaign["status"], "open");
    }
    assert_ne!(campaigns[0]["link"], campaigns[1]["link"]);

    let (code, out, _) = run(&db, &["campaign", "close", "Team Q4"]);
    assert_eq!(code, Some(0));
    assert!(out.contains("is closed"), "{out}");
    assert_eq!(listed(&db)["campaigns"][0]["status"], "closed");

    let (code, out, _) = run(&db, &["campaign", "erase", "Team Q4"]);
    assert_eq!(code, Some(0));
    assert!(out.contains("is erased"), "{out}");
    let names: Vec<Value> = listed(&db)["campaigns"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|c| c["name"].clone())
        .collect();
    assert_eq!(names, ["Workshop"]);
}

#[test]
fn the_table_shows_each_link_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("team.sqlite");
    run(&db, &["campaign", "new", "Team Q4"]);
    let link = listed(&db)["campaigns"][0]["link"]
        .as_str()
        .expect("link")
        .to_string();
    let (code, out, _) = run(&db, &["campaign", "list"]);
    assert_eq!(code, Some(0));
    assert!(out.contains(&link), "{out}");
    assert!(out.contains("Team Q4"), "{out}");
}

#[test]
fn names_are_unique_and_unknown_names_are_listed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("team.sqlite");
    run(&db, &["campaign", "new", "Team Q4"]);
    let (code, _, err) = run(&db, &["campaign", "new", "Team Q4"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("there is already a campaign named \"Team Q4\""),
        "{err}"
    );
    let (code, _, err) = run(&db, &["campaign", "close", "Team Q5"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("no campaign named \"Team Q5\"; the campaigns are: Team Q4"),
        "{err}"
    );
    let (code, _, err) = run(
        &db,
        &["campaign", "erase", "Team Q4", "--respondent", "Nobody"],
    );
    assert_eq!(code, Some(2));
    assert!(err.contains("has no respondent named \"Nobody\""), "{err}");
    let (code, _, err) = run(&db, &["campaign", "new", "bad\u{7}name"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("cannot name a campaign"), "{err}");
}

#[test]
fn a_campaign_keeps_its_own_bank_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("team.sqlite");
    let (code, _, err) = run(
        &db,
        &[
            "campaign",
            "new",
            "--bank",
            "tests/fixtures/banks/three-stages.yaml",
            "Shop",
        ],
    );
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(listed(&db)["campaigns"][0]["model"], "webshop");
    let conn = rusqlite::Connection::open(&db).expect("opens");
    let kept: String = conn
        .query_row("SELECT bank_yaml FROM campaigns", [], |row| row.get(0))
        .expect("a bank");
    assert_eq!(
        kept,
        std::fs::read_to_string("tests/fixtures/banks/three-stages.yaml").expect("fixture")
    );
}

#[test]
fn an_older_database_is_upgraded_in_place_keeping_what_it_holds() {
    // Version 0: an SQLite file from before the schema (a table of the
    // organisation's own, which the upgrade must leave alone).
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("old.sqlite");
    let conn = rusqlite::Connection::open(&db).expect("creates");
    conn.execute_batch("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('keep me');")
        .expect("written");
    drop(conn);
    let (code, _, err) = run(&db, &["campaign", "new", "Team"]);
    assert_eq!(code, Some(0), "{err}");
    let conn = rusqlite::Connection::open(&db).expect("opens");
    let version: u32 = conn
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .expect("version");
    assert_eq!(version, pyramid::store::SCHEMA_VERSION);
    let kept: String = conn
        .query_row("SELECT text FROM notes", [], |row| row.get(0))
        .expect("kept");
    assert_eq!(kept, "keep me");
    assert_eq!(listed(&db)["campaigns"][0]["name"], "Team");
}

#[test]
fn a_file_that_is_not_a_pyramid_database_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = dir.path().join("notes.sqlite");
    std::fs::write(&text, "my notes\n").expect("written");
    let (code, _, err) = run(&text, &["campaign", "list"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("notes.sqlite is not a pyramid database (not an SQLite file)"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(&text).expect("still there"),
        "my notes\n"
    );

    // A file a newer pyramid wrote: refused, byte for byte the same.
    let newer = dir.path().join("newer.sqlite");
    let conn = rusqlite::Connection::open(&newer).expect("creates");
    conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 99;")
        .expect("written");
    drop(conn);
    let before = std::fs::read(&newer).expect("read");
    let (code, _, err) = run(&newer, &["campaign", "list"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("was written by a newer pyramid (database version 99"),
        "{err}"
    );
    assert_eq!(std::fs::read(&newer).expect("read"), before);
    assert!(!dir.path().join("newer.sqlite-wal").exists());
}

/// The answers of an answer file, as (question, key) pairs.
fn answers_of(file: &str) -> (String, Vec<(String, String)>) {
    let text = std::fs::read_to_string(file).expect("fixture");
    let doc: serde_yaml::Value = serde_yaml::from_str(&text).expect("YAML");
    let name = doc["respondent"].as_str().expect("a name").to_string();
    let answers = doc["answers"]
        .as_mapping()
        .expect("answers")
        .iter()
        .map(|(q, a)| {
            let q = q.as_str().expect("an id").to_string();
            let a = match a {
                serde_yaml::Value::String(s) => s.clone(),
                other => serde_yaml::to_string(other)
                    .expect("scalar")
                    .trim()
                    .to_string(),
            };
            (q, a)
        })
        .collect();
    (name, answers)
}

#[test]
fn a_campaign_scores_exactly_as_the_same_answer_files_do() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("team.sqlite");
    run(&db, &["campaign", "new", "Team Q4"]);
    let files = [
        "tests/fixtures/answers/an.yaml",
        "tests/fixtures/answers/jan.yaml",
    ];
    {
        let store = pyramid::store::Store::open(&db).expect("opens");
        for (n, file) in files.iter().enumerate() {
            let (name, answers) = answers_of(file);
            let token = format!("token-{n}");
            store
                .start_respondent("Team Q4", &token, Some(&name), "nl")
                .expect("started");
            for (question, key) in answers {
                store.save_answer(&token, &question, &key).expect("saved");
            }
            store.finish_respondent(&token).expect("finished");
        }
        // One who stopped halfway is not scored.
        store
            .start_respondent("Team Q4", "token-x", Some("Els"), "nl")
            .expect("started");
        store
            .save_answer("token-x", "strategy-role", "a")
            .expect("saved");
    }
    let score = |args: &[&str]| {
        let output = pyramid()
            .args(args)
            .args(["--lang", "en"])
            .output()
            .expect("runs");
        assert_eq!(
            output.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).expect("UTF-8")
    };
    let db_arg = db.display().to_string();
    for extra in [
        &["--summary", "--format", "json"][..],
        &["--summary", "--format", "csv"],
        &["--summary"],
        &["--format", "markdown"],
    ] {
        let from_files = score(&[&["score"], &files[..], extra].concat());
        let from_campaign =
            score(&[&["score", "--db", &db_arg, "--campaign", "Team Q4"], extra].concat());
        // Rows name their source: the file, or the campaign.
        let from_campaign = from_campaign.replace("campaign:Team Q4", "SOURCE");
        let from_files = from_files
            .replace("tests/fixtures/answers/an.yaml", "SOURCE")
            .replace("tests/fixtures/answers/jan.yaml", "SOURCE");
        assert_eq!(from_campaign, from_files, "{extra:?}");
    }
    // compare reads campaigns as paths.
    let compared = score(&[
        "compare",
        "--db",
        &db_arg,
        "campaign:Team Q4",
        "campaign:Team Q4",
        "--summary",
    ]);
    assert!(compared.contains("stays"), "{compared}");
    // A campaign of another model is refused.
    let output = pyramid()
        .args([
            "score",
            "--model",
            "social",
            "--db",
            &db_arg,
            "--campaign",
            "Team Q4",
        ])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("was made with the model `pyramid`"));
}

#[test]
fn a_name_that_finishes_twice_in_a_campaign_is_noted_by_the_campaign_s_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("team.sqlite");
    run(&db, &["campaign", "new", "Team Q4"]);
    let (_, answers) = answers_of("tests/fixtures/answers/an.yaml");
    {
        let store = pyramid::store::Store::open(&db).expect("opens");
        for token in ["first", "again"] {
            store
                .start_respondent("Team Q4", token, Some("An Peeters"), "en")
                .expect("started");
            for (question, key) in &answers {
                store.save_answer(token, question, key).expect("saved");
            }
            store.finish_respondent(token).expect("finished");
        }
    }
    let db_arg = db.display().to_string();
    let output = pyramid()
        .args([
            "score",
            "--db",
            &db_arg,
            "--campaign",
            "Team Q4",
            "--summary",
        ])
        .args(["--lang", "en"])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    // A campaign has no lines: its name alone, never a line 0.
    assert!(
        stderr.contains("An Peeters: campaign:Team Q4 and campaign:Team Q4\n"),
        "{stderr}"
    );
    assert!(!stderr.contains(":0"), "{stderr}");
}

#[test]
fn a_campaign_exported_as_answer_files_and_imported_back_scores_the_same() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("team.sqlite");
    let db_arg = db.display().to_string();
    let run = |args: &[&str]| {
        common::pyramid()
            .args(args)
            .args(["--db", &db_arg, "--lang", "en"])
            .output()
            .expect("runs")
    };
    let imported = run(&["campaign", "import", "Q3", "tests/fixtures/answers"]);
    assert!(
        imported.status.success(),
        "{}",
        String::from_utf8_lossy(&imported.stderr)
    );
    assert!(
        String::from_utf8_lossy(&imported.stdout).contains("3 respondents imported into \"Q3\""),
        "{}",
        String::from_utf8_lossy(&imported.stdout)
    );
    let folder = dir.path().join("export");
    let folder_arg = folder.display().to_string();
    let exported = run(&["campaign", "export", "Q3", "--output", &folder_arg]);
    assert!(
        exported.status.success(),
        "{}",
        String::from_utf8_lossy(&exported.stderr)
    );
    assert_eq!(std::fs::read_dir(&folder).expect("folder").count(), 3);

    // The answer files score as the campaign does, and so does their copy.
    let rows = |args: &[&str]| -> Vec<serde_json::Value> {
        let mut all = vec!["score"];
        all.extend(args);
        all.extend(["--lang", "en"]);
        let document = common::json(&all);
        document["respondents"]
            .as_array()
            .expect("rows")
            .iter()
            .map(|row| {
                let mut row = row.clone();
                row.as_object_mut().expect("object").remove("source");
                row
            })
            .collect()
    };
    let original = rows(&["--db", &db_arg, "--campaign", "Q3"]);
    assert_eq!(original.len(), 3);
    assert_eq!(rows(&[&folder_arg]), original, "the exported files");
    let back = run(&["campaign", "import", "Q3 again", &folder_arg]);
    assert!(
        back.status.success(),
        "{}",
        String::from_utf8_lossy(&back.stderr)
    );
    assert_eq!(rows(&["--db", &db_arg, "--campaign", "Q3 again"]), original);

    // Into a folder that holds files: refused, nothing written.
    let again = run(&["campaign", "export", "Q3", "--output", &folder_arg]);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("is not an empty folder"));
    assert_eq!(std::fs::read_dir(&folder).expect("folder").count(), 3);

    // A bad answer among the inputs: nothing imported, no campaign made.
    let bad = dir.path().join("bad.yaml");
    std::fs::write(
        &bad,
        "respondent: Bad\nbank: pyramid\nanswers:\n  strategy-role: z\n",
    )
    .expect("written");
    let refused = run(&[
        "campaign",
        "import",
        "Mixed",
        &folder_arg,
        &bad.display().to_string(),
    ]);
    assert_eq!(refused.status.code(), Some(2));
    let listed = common::json(&["campaign", "list", "--db", &db_arg]);
    let names: Vec<&str> = listed["campaigns"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|c| c["name"].as_str())
        .collect();
    assert_eq!(names, ["Q3", "Q3 again"]);
}

//! `pyramid serve` over real HTTP: the respondent's whole way from the
//! start page to the result, and every refusal (bad answers, other
//! origins, closed campaigns, made-up links, oversized bodies).

mod common;

use common::browser::{Browser, csrf};
use common::server::{Server, an_answers, answer_all, campaign, checked, numbered, raw};
use std::path::Path;

#[test]
fn a_respondent_answers_in_the_browser_and_scores_as_the_answer_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = campaign(dir.path(), "Team Q4");
    let server = Server::start(&db);
    let link = server.links["Team Q4"].clone();
    let mut browser = Browser::new(&server.base);

    let start = browser.get(&link);
    assert_eq!(start.status, 200);
    assert!(
        start.body.contains("<html lang=\"nl\""),
        "Accept-Language chose Dutch"
    );
    assert!(
        start.body.contains("15 vragen, ongeveer 5 minuten."),
        "{}",
        start.body
    );
    assert!(start.body.contains("<label for=\"name\">Naam</label>"));
    for header in [
        "content-security-policy",
        "x-content-type-options",
        "referrer-policy",
    ] {
        assert!(start.headers.contains_key(header), "{header}");
    }
    assert!(start.headers["content-security-policy"].contains("default-src 'self'"));
    assert!(start.headers["content-security-policy"].contains("frame-ancestors 'none'"));

    let token = csrf(&start.body);
    let started = browser.post(
        &link,
        &[("csrf", &token), ("lang", "nl"), ("name", "An Peeters")],
        &server.base,
    );
    assert_eq!(started.status, 303);
    assert_eq!(
        started.location.as_deref(),
        Some(format!("{link}/q/1").as_str())
    );

    let answers = an_answers();
    for (n, (_, key)) in answers.iter().enumerate() {
        let path = format!("{link}/q/{}", n + 1);
        let page = browser.get(&path);
        assert_eq!(page.status, 200, "{path}");
        assert!(
            page.body.contains(&format!("Vraag {}/15 · ", n + 1)),
            "{}",
            page.body
        );
        assert!(page.body.contains("<fieldset><legend>"));
        let token = csrf(&page.body);
        let sent = browser.post(&path, &[("csrf", &token), ("answer", key)], &server.base);
        assert_eq!(sent.status, 303, "{path}: {}", sent.body);
    }
    // Back: the earlier answer stays selected.
    let first = browser.get(&format!("{link}/q/1"));
    assert!(
        first
            .body
            .contains(&format!("value=\"{}\" checked", answers[0].1)),
        "{}",
        first.body
    );
    // The link again, in the same browser: on to the result.
    let again = browser.get(&link);
    assert_eq!(
        again.location.as_deref(),
        Some(format!("{link}/result").as_str())
    );

    let result = browser.get(&format!("{link}/result"));
    assert_eq!(result.status, 200);
    let terminal = common::pyramid()
        .args([
            "score",
            "tests/fixtures/answers/an.yaml",
            "--summary",
            "--lang",
            "nl",
        ])
        .output()
        .expect("runs");
    let terminal = String::from_utf8(terminal.stdout).expect("UTF-8");
    let stage_line = terminal.lines().next().expect("a heading");
    let stage = stage_line
        .split(": ")
        .nth(1)
        .expect("the stage")
        .split(" (")
        .next()
        .expect("name");
    assert!(
        result
            .body
            .contains(stage.split(", ").nth(1).expect("a name")),
        "{stage} in {}",
        result.body
    );

    let file = browser.get(&format!("{link}/answers.yaml"));
    assert_eq!(file.status, 200);
    assert!(
        file.body.contains("respondent: An Peeters"),
        "{}",
        file.body
    );

    // What the database holds scores as the answer file does.
    let score = |args: &[&str]| {
        let output = common::pyramid().args(args).output().expect("runs");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).expect("UTF-8")
    };
    let db_arg = db.display().to_string();
    assert_eq!(
        score(&[
            "score",
            "--db",
            &db_arg,
            "--campaign",
            "Team Q4",
            "--summary",
            "--format",
            "json"
        ]),
        score(&[
            "score",
            "tests/fixtures/answers/an.yaml",
            "--summary",
            "--format",
            "json"
        ])
    );
}

#[test]
fn bad_answers_other_origins_closed_campaigns_and_made_up_links_are_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = campaign(dir.path(), "Team Q4");
    let server = Server::start(&db);
    let link = server.links["Team Q4"].clone();
    let mut browser = Browser::new(&server.base);

    let start = browser.get(&link);
    let token = csrf(&start.body);
    // From another site: 403, nothing stored.
    let forged = browser.post(
        &link,
        &[("csrf", &token), ("name", "Eve")],
        "http://evil.example",
    );
    assert_eq!(forged.status, 403);
    // A wrong CSRF token: 403.
    let wrong = browser.post(
        &link,
        &[
            ("csrf", "0123456789abcdef0123456789abcdef"),
            ("name", "Eve"),
        ],
        &server.base,
    );
    assert_eq!(wrong.status, 403);
    let started = browser.post(&link, &[("csrf", &token), ("name", "An")], &server.base);
    assert_eq!(started.status, 303);

    let page = browser.get(&format!("{link}/q/1"));
    let token = csrf(&page.body);
    for form in [
        vec![("csrf", token.as_str())],
        vec![("csrf", token.as_str()), ("answer", "z")],
    ] {
        let refused = browser.post(&format!("{link}/q/1"), &form, &server.base);
        assert_eq!(refused.status, 422, "{form:?}");
        assert!(
            refused.body.contains("Kies een van de antwoorden."),
            "{}",
            refused.body
        );
        assert!(refused.body.contains("<fieldset>"), "the question again");
    }
    // Over 64 KiB: 413 from the declared length, before the body is read
    // (a client that keeps sending may see the connection closed instead).
    let request = format!(
        "POST {link}/q/1 HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        70 * 1024
    );
    assert_eq!(raw(&server.base, request.as_bytes()), 413);

    // A made-up link: a plain 404.
    assert_eq!(
        browser.get("/c/0123456789abcdef0123456789abcdef").status,
        404
    );
    assert_eq!(browser.get("/c/../../etc/passwd").status, 404);
    assert_eq!(browser.get("/nothing").status, 404);

    // Nothing of the refused requests was stored: one respondent, no answer.
    let listed = common::pyramid()
        .args(["campaign", "list", "--format", "json", "--db"])
        .arg(&db)
        .output()
        .expect("runs");
    let json: serde_json::Value = serde_json::from_slice(&listed.stdout).expect("JSON");
    assert_eq!(json["campaigns"][0]["unfinished"], 1);
    let conn = rusqlite::Connection::open(&db).expect("opens");
    let answers: i64 = conn
        .query_row("SELECT COUNT(*) FROM answers", [], |row| row.get(0))
        .expect("count");
    assert_eq!(answers, 0);

    // Closed: 410 with a page that says so, and nothing stored.
    let closed = common::pyramid()
        .args(["campaign", "close", "Team Q4", "--db"])
        .arg(&db)
        .output()
        .expect("runs");
    assert!(closed.status.success());
    let gone = browser.get(&link);
    assert_eq!(gone.status, 410);
    assert!(gone.body.contains("is gesloten"), "{}", gone.body);
    let late = browser.post(
        &format!("{link}/q/1"),
        &[("csrf", &token), ("answer", "a")],
        &server.base,
    );
    assert_eq!(late.status, 410);
    let answers: i64 = conn
        .query_row("SELECT COUNT(*) FROM answers", [], |row| row.get(0))
        .expect("count");
    assert_eq!(answers, 0);
}

#[test]
fn a_port_in_use_or_a_bad_address_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = campaign(dir.path(), "Team");
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
    let address = taken.local_addr().expect("address").to_string();
    let output = common::pyramid()
        .args(["serve", "--lang", "en", "--bind", &address, "--db"])
        .arg(&db)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!("cannot listen on {address}")),
        "{stderr}"
    );
    let output = common::pyramid()
        .args(["serve", "--lang", "nl", "--bind", "localhost", "--db"])
        .arg(&db)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("is geen adres met poort"));
}

/// Starts a respondent named `name` and answers the questions of
/// `answers` (question number from 1, key); returns the browser.
#[test]
fn a_killed_server_loses_no_acknowledged_answer() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = campaign(dir.path(), "Team");
    let mut server = Server::start(&db);
    let link = server.links["Team"].clone();
    let five: Vec<(usize, String)> = (1..=5).map(|n| (n, "c".to_string())).collect();
    let mut browser = answer_all(&server, &link, "An", &five);
    // kill -9: no chance to flush or checkpoint.
    server.child.kill().expect("SIGKILL");
    server.child.wait().expect("ended");

    assert_eq!(
        checked(&db),
        ("ok".to_string(), 5),
        "every acknowledged answer is on disk"
    );

    // Restarted, the same browser goes on at question 6.
    let restarted = Server::start(&db);
    browser.base = restarted.base.clone();
    let again = browser.get(&link);
    assert_eq!(
        again.location.as_deref(),
        Some(format!("{link}/q/6").as_str())
    );
}

#[test]
fn fifty_respondents_at_once_all_end_up_in_the_campaign_as_their_answer_files_score() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = campaign(dir.path(), "Team");
    // 800 posts as fast as the machine goes: no people do that, so no
    // rate limit here.
    let server = Server::start_with(&db, &["--post-limit", "0"]);
    let link = server.links["Team"].clone();
    let keys = ["a", "b", "c", "d"];
    let sets: Vec<Vec<(usize, String)>> = (0..50)
        .map(|i| {
            (1..=15)
                .map(|q| (q, keys[(i * 7 + q * 3 + i / 4) % 4].to_string()))
                .collect()
        })
        .collect();
    std::thread::scope(|scope| {
        for (i, set) in sets.iter().enumerate() {
            let (server, link) = (&server, &link);
            scope.spawn(move || {
                let mut browser = answer_all(server, link, &format!("R{i:02}"), set);
                let result = browser.get(&format!("{link}/result"));
                assert_eq!(result.status, 200);
            });
        }
    });
    // The same answers as answer files.
    let questions = common::question_ids();
    let files = dir.path().join("files");
    std::fs::create_dir(&files).expect("folder");
    for (i, set) in sets.iter().enumerate() {
        let mut yaml = format!("respondent: R{i:02}\nbank: pyramid\nanswers:\n");
        for (number, key) in set {
            yaml.push_str(&format!("  {}: {key}\n", questions[number - 1]));
        }
        std::fs::write(files.join(format!("r{i:02}.yaml")), yaml).expect("written");
    }
    let json = |args: &[&str]| -> serde_json::Value {
        let output = common::pyramid().args(args).output().expect("runs");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        serde_json::from_slice(&output.stdout).expect("JSON")
    };
    let db_arg = db.display().to_string();
    let from_web = json(&[
        "score",
        "--db",
        &db_arg,
        "--campaign",
        "Team",
        "--summary",
        "--format",
        "json",
    ]);
    let from_files = json(&[
        "score",
        &files.display().to_string(),
        "--summary",
        "--format",
        "json",
    ]);
    assert_eq!(from_web["summary"]["respondents"], 50, "{from_web}");
    assert_eq!(from_web["summary"], from_files["summary"]);
}

#[test]
fn the_admin_token_opens_the_campaigns_and_the_live_team_view() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = campaign(dir.path(), "Team Q4");
    let server = Server::start(&db);
    let link = server.links["Team Q4"].clone();
    assert!(
        server.admin.starts_with("/admin?token="),
        "{}",
        server.admin
    );
    let answers = numbered(an_answers());
    let mut respondent = answer_all(&server, &link, "An Peeters", &answers);
    assert_eq!(respondent.get(&format!("{link}/result")).status, 200);

    let mut organiser = Browser::new(&server.base);
    assert_eq!(organiser.get("/admin").status, 403, "no token");
    let started = std::time::Instant::now();
    let wrong = organiser.get(&format!("{}x", server.admin));
    assert_eq!(wrong.status, 403, "a token wrong by one character");
    assert!(
        started.elapsed() >= std::time::Duration::from_millis(900),
        "slowed down"
    );
    assert!(organiser.cookies.is_empty());

    let login = organiser.get(&server.admin);
    assert_eq!(login.status, 303);
    assert_eq!(login.location.as_deref(), Some("/admin"));
    let index = organiser.get("/admin");
    assert_eq!(index.status, 200);
    assert!(index.body.contains("Team Q4"), "{}", index.body);
    assert!(index.body.contains(&link), "{}", index.body);
    let secret = link.trim_start_matches("/c/");
    let team = organiser.get(&format!("/admin/c/{secret}"));
    assert_eq!(team.status, 200);
    assert!(
        team.headers.get("refresh").map(String::as_str) == Some("10"),
        "refreshes itself"
    );
    assert!(
        team.body
            .contains("1 respondent finished, 0 still answering"),
        "{}",
        team.body
    );
    assert!(
        team.body.contains("<th scope=\"row\">An Peeters</th>"),
        "{}",
        team.body
    );
    // A respondent's cookie opens nothing of it.
    assert_eq!(respondent.get(&format!("/admin/c/{secret}")).status, 403);
}

#[test]
fn a_backup_taken_while_the_server_runs_holds_every_acknowledged_answer() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = campaign(dir.path(), "Team");
    let server = Server::start(&db);
    let link = server.links["Team"].clone();
    let answers = numbered(an_answers());
    let mut an = answer_all(&server, &link, "An", &answers);
    assert_eq!(an.get(&format!("{link}/result")).status, 200);
    answer_all(&server, &link, "Busy", &answers[..3]);

    // Taken with the server still running; the copy replaces an old one.
    let copy = dir.path().join("copy.sqlite");
    std::fs::write(&copy, "an older copy").expect("written");
    let backed_up = common::pyramid()
        .args(["campaign", "backup", "--lang", "en", "--db"])
        .arg(&db)
        .arg("--output")
        .arg(&copy)
        .output()
        .expect("runs");
    assert!(
        backed_up.status.success(),
        "{}",
        String::from_utf8_lossy(&backed_up.stderr)
    );
    assert!(String::from_utf8_lossy(&backed_up.stdout).starts_with("Copied "));
    assert_eq!(
        checked(&copy),
        ("ok".to_string(), 18),
        "An's 15 and Busy's 3"
    );
    let score = |file: &Path| {
        common::pyramid()
            .args(["score", "--campaign", "Team", "--format", "csv", "--db"])
            .arg(file)
            .output()
            .expect("runs")
            .stdout
    };
    assert_eq!(score(&copy), score(&db));

    // The file itself as the copy: refused, and left as it was.
    let before = std::fs::read(&db).expect("read");
    let onto_itself = common::pyramid()
        .args(["campaign", "backup", "--db"])
        .arg(&db)
        .arg("--output")
        .arg(&db)
        .output()
        .expect("runs");
    assert_eq!(onto_itself.status.code(), Some(2));
    assert_eq!(std::fs::read(&db).expect("read"), before);
}

#[test]
#[cfg(unix)]
fn sigterm_ends_the_server_with_everything_in_the_file_and_exit_code_0() {
    use nix::sys::signal::{Signal, kill};
    use nix::unistd::Pid;
    let dir = tempfile::tempdir().expect("temp dir");
    let db = campaign(dir.path(), "Team");
    let mut server = Server::start(&db);
    let link = server.links["Team"].clone();
    let three: Vec<(usize, String)> = (1..=3).map(|n| (n, "b".to_string())).collect();
    answer_all(&server, &link, "An", &three);
    let wal = dir.path().join("team.sqlite-wal");
    assert!(wal.exists(), "answers wait in the write-ahead log");

    let pid = Pid::from_raw(i32::try_from(server.child.id()).expect("a pid"));
    let sent = std::time::Instant::now();
    kill(pid, Signal::SIGTERM).expect("SIGTERM");
    let status = loop {
        if let Some(status) = server.child.try_wait().expect("waits") {
            break status;
        }
        assert!(
            sent.elapsed() < std::time::Duration::from_secs(10),
            "still running 10 s after SIGTERM"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(0));
    let said = server.stdout.next().expect("a line").expect("text");
    assert!(said.starts_with("Stopped; every answer is in "), "{said}");
    assert!(
        std::fs::metadata(&wal).map_or(true, |m| m.len() == 0),
        "the write-ahead log is emptied into the file"
    );
    assert_eq!(checked(&db), ("ok".to_string(), 3));
}

//! `pyramid serve` under faults: killed while 40 people answer, a full
//! disk (the database's size limit), a file another program holds locked,
//! a read-only file. Nothing acknowledged is lost, nothing earlier is
//! damaged, the respondent is asked to try again, the server keeps going.
// These need Unix signals, file modes and setpriv.
#![cfg(unix)]

mod common;

use common::browser::{Browser, csrf, try_csrf};
use common::server::{Server, campaign, checked};
use std::path::Path;

/// Starts a respondent and gives their browser.
fn started(server: &Server, link: &str, name: &str) -> Browser {
    let mut browser = Browser::new(&server.base);
    let page = browser.get(link);
    let token = csrf(&page.body);
    let sent = browser.post(link, &[("csrf", &token), ("name", name)], &server.base);
    assert_eq!(sent.status, 303);
    browser
}

/// Sends answer `key` to question `number`; gives the status.
fn send(server: &Server, browser: &mut Browser, link: &str, number: usize, key: &str) -> u16 {
    let path = format!("{link}/q/{number}");
    let page = browser.get(&path);
    let token = csrf(&page.body);
    browser
        .post(&path, &[("csrf", &token), ("answer", key)], &server.base)
        .status
}

#[test]
fn killed_while_forty_people_answer_every_shown_result_survives() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = campaign(dir.path(), "Team");
    let mut server = Server::start_with(&db, &["--post-limit", "0"]);
    let link = server.links["Team"].clone();
    let base = server.base.clone();
    let finished = std::sync::Mutex::new(Vec::new());
    let acknowledged = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for n in 0..40 {
            let (base, link, finished, acknowledged) = (&base, &link, &finished, &acknowledged);
            scope.spawn(move || {
                let name = format!("P{n:02}");
                let mut browser = Browser::new(base);
                let Some(token) = browser.try_get(link).and_then(|page| try_csrf(&page.body))
                else {
                    return;
                };
                let form = [("csrf", token.as_str()), ("name", name.as_str())];
                if browser.try_post(link, &form, base).map(|p| p.status) != Some(303) {
                    return;
                }
                for number in 1..=15 {
                    let path = format!("{link}/q/{number}");
                    let Some(token) = browser.try_get(&path).and_then(|page| try_csrf(&page.body))
                    else {
                        return;
                    };
                    let key = ["a", "b", "c", "d"][(n + number) % 4];
                    // Some take their time: they are answering at the kill.
                    std::thread::sleep(std::time::Duration::from_millis(10 * (n as u64 % 8)));
                    let form = [("csrf", token.as_str()), ("answer", key)];
                    let sent = browser.try_post(&path, &form, base);
                    if sent.map(|p| p.status) != Some(303) {
                        return;
                    }
                    acknowledged.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                }
                if browser.try_get(&format!("{link}/result")).map(|p| p.status) == Some(200) {
                    finished.lock().expect("lock").push(name);
                }
            });
        }
        // kill -9 once ten have seen their result.
        let waited = std::time::Instant::now();
        while finished.lock().expect("lock").len() < 10
            && waited.elapsed() < std::time::Duration::from_secs(30)
        {
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        server.child.kill().expect("SIGKILL");
    });
    server.child.wait().expect("ended");
    let finished = finished.into_inner().expect("lock");
    let acknowledged = acknowledged.into_inner();
    assert!(
        finished.len() >= 10,
        "{} finished before the kill",
        finished.len()
    );
    assert!(
        finished.len() < 40,
        "the kill came while people were answering"
    );

    let (check, answers) = checked(&db);
    assert_eq!(check, "ok");
    assert!(
        answers >= i64::try_from(acknowledged).expect("small"),
        "{answers} answers kept, {acknowledged} acknowledged"
    );
    // Restarted: everyone who saw a result is scored.
    let restarted = Server::start(&db);
    drop(restarted);
    let scored = common::json(&[
        "score",
        "--db",
        &db.display().to_string(),
        "--campaign",
        "Team",
    ]);
    let names: Vec<&str> = scored["respondents"]
        .as_array()
        .map(|all| {
            all.iter()
                .filter_map(|r| r["respondent"].as_str())
                .collect()
        })
        .unwrap_or_default();
    for name in &finished {
        assert!(
            names.contains(&name.as_str()),
            "{name} saw a result: {names:?}"
        );
    }
}

/// Fills the database with other rows (as if other campaigns had used
/// the space) until it is `bytes` long.
fn fill(db: &Path, bytes: i64) {
    let conn = rusqlite::Connection::open(db).expect("opens");
    conn.execute_batch("CREATE TABLE filler (b BLOB)")
        .expect("table");
    let size = || -> i64 {
        conn.query_row(
            "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()",
            [],
            |row| row.get(0),
        )
        .expect("size")
    };
    while size() < bytes {
        conn.execute("INSERT INTO filler VALUES (zeroblob(4000))", [])
            .expect("row");
    }
}

#[test]
fn a_full_disk_asks_the_respondent_to_try_again_and_damages_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = campaign(dir.path(), "Team");
    // 1 MiB allowed, all but 40 KiB of it used.
    fill(&db, 1024 * 1024 - 40 * 1024);
    let server = Server::start_with(&db, &["--max-db-size", "1", "--post-limit", "0"]);
    let link = server.links["Team"].clone();

    // Answers until the disk is full.
    let mut kept = 0;
    let mut full = None;
    'people: for n in 0..400 {
        let mut browser = Browser::new(&server.base);
        let page = browser.get(&link);
        let token = csrf(&page.body);
        let name = format!("P{n}{}", "x".repeat(90));
        let start = browser.post(&link, &[("csrf", &token), ("name", &name)], &server.base);
        if start.status != 303 {
            full = Some(start);
            break;
        }
        for number in 1..=15 {
            let path = format!("{link}/q/{number}");
            let page = browser.get(&path);
            let token = csrf(&page.body);
            let sent = browser.post(&path, &[("csrf", &token), ("answer", "c")], &server.base);
            if sent.status != 303 {
                full = Some(sent);
                break 'people;
            }
            kept += 1;
        }
    }
    let full = full.expect("the size limit was reached");
    assert_eq!(full.status, 503, "{}", full.body);
    assert!(full.body.contains("Wacht even"), "{}", full.body);
    assert_eq!(
        full.headers.get("retry-after").map(String::as_str),
        Some("30")
    );
    // The server keeps going, and nothing earlier is damaged.
    assert_eq!(Browser::new(&server.base).get("/healthz").status, 200);
    let (check, answers) = checked(&db);
    assert_eq!(check, "ok");
    assert_eq!(answers, kept, "every acknowledged answer, no more");
}

#[test]
fn a_file_locked_by_another_program_gets_try_again_then_works() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = campaign(dir.path(), "Team");
    let server = Server::start(&db);
    let link = server.links["Team"].clone();
    let mut browser = started(&server, &link, "An");
    assert_eq!(send(&server, &mut browser, &link, 1, "b"), 303);

    // Another program takes the write lock and keeps it.
    let other = rusqlite::Connection::open(&db).expect("opens");
    other.execute_batch("BEGIN IMMEDIATE").expect("locked");
    let at = std::time::Instant::now();
    assert_eq!(send(&server, &mut browser, &link, 2, "c"), 503);
    assert!(
        at.elapsed() < std::time::Duration::from_secs(12),
        "within the busy timeout"
    );
    other.execute_batch("COMMIT").expect("released");
    drop(other);

    // Released: the same answer goes through.
    assert_eq!(send(&server, &mut browser, &link, 2, "c"), 303);
    assert_eq!(checked(&db), ("ok".to_string(), 2));
}

#[test]
fn a_read_only_file_is_a_clear_error_at_start() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = campaign(dir.path(), "Team");
    let before = std::fs::read(&db).expect("read");
    // Opened by someone who may not write it: as root, run as nobody.
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).expect("chmod");
    let binary = assert_cmd::cargo::cargo_bin!("pyramid");
    let mut command = if nix::unistd::geteuid().is_root() {
        let mut command = std::process::Command::new("setpriv");
        command
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(binary);
        command
    } else {
        std::process::Command::new(binary)
    };
    let output = command
        .args(["serve", "--bind", "127.0.0.1:0", "--lang", "en", "--db"])
        .arg(&db)
        .env_remove("LANG")
        .output()
        .expect("runs");
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("team.sqlite"), "names the file: {stderr}");
    assert!(
        stderr.contains("check the permissions"),
        "says what to do: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(std::fs::read(&db).expect("read"), before, "left as it was");
}

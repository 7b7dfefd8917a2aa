//! A `pyramid serve` on a free port of 127.0.0.1 for the web form's
//! tests, and the respondent's way through it.

use super::browser::{Browser, csrf};
use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// A server on a free port of 127.0.0.1, stopped when dropped.
pub struct Server {
    pub child: Child,
    pub base: String,
    pub links: HashMap<String, String>,
    /// The admin path with its token: `/admin?token=…`.
    pub admin: String,
    /// What the server prints after its start lines.
    pub stdout: std::io::Lines<BufReader<std::process::ChildStdout>>,
}

impl Server {
    pub fn start(db: &Path) -> Server {
        Server::start_with(db, &[])
    }

    /// A server started with more options.
    pub fn start_with(db: &Path, options: &[&str]) -> Server {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin!("pyramid"))
            .args(["serve", "--bind", "127.0.0.1:0", "--lang", "en", "--db"])
            .arg(db)
            .args(options)
            .env_remove("LANG")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("serve starts");
        let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
        let first = lines.next().expect("a line").expect("text");
        let base = first
            .split_whitespace()
            .find(|word| word.starts_with("http://"))
            .expect("the address")
            .to_string();
        let mut links = HashMap::new();
        let mut admin = String::new();
        for line in lines.by_ref() {
            let line = line.expect("text");
            let Some((name, url)) = line.trim().rsplit_once(": ") else {
                break;
            };
            let path = url.trim_start_matches(&base).to_string();
            if name == "Admin" {
                admin = path;
                break;
            }
            links.insert(name.to_string(), path);
        }
        Server {
            child,
            base,
            links,
            admin,
            stdout: lines,
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn campaign(dir: &Path, name: &str) -> PathBuf {
    let db = dir.join("team.sqlite");
    let status = super::pyramid()
        .args(["campaign", "new", name, "--db"])
        .arg(&db)
        .output()
        .expect("runs")
        .status;
    assert!(status.success());
    db
}

/// An's answers from the fixture, in question order.
pub fn an_answers() -> Vec<(String, String)> {
    fixture_answers("an")
}

/// The answers of `tests/fixtures/answers/NAME.yaml` in question order:
/// question id and option key.
pub fn fixture_answers(name: &str) -> Vec<(String, String)> {
    super::answers_in(&format!("tests/fixtures/answers/{name}.yaml"))
}

/// One respondent's whole way: the start page with `name`, then each
/// `(number, key)` answer; returns their browser.
pub fn answer_all(server: &Server, link: &str, name: &str, answers: &[(usize, String)]) -> Browser {
    let mut browser = Browser::new(&server.base);
    let start = browser.get(link);
    let token = csrf(&start.body);
    let started = browser.post(link, &[("csrf", &token), ("name", name)], &server.base);
    assert_eq!(started.status, 303, "{}", started.body);
    for (number, key) in answers {
        let path = format!("{link}/q/{number}");
        let page = browser.get(&path);
        let token = csrf(&page.body);
        let sent = browser.post(&path, &[("csrf", &token), ("answer", key)], &server.base);
        assert_eq!(sent.status, 303, "{path}: {}", sent.body);
    }
    browser
}

/// Answers numbered from 1, as the question pages are.
pub fn numbered(answers: Vec<(String, String)>) -> Vec<(usize, String)> {
    answers
        .into_iter()
        .enumerate()
        .map(|(n, (_, key))| (n + 1, key))
        .collect()
}

/// A database file's `PRAGMA integrity_check`, and how many answers it
/// holds.
pub fn checked(db: &Path) -> (String, i64) {
    let conn = rusqlite::Connection::open(db).expect("opens");
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .expect("checked");
    let answers: i64 = conn
        .query_row("SELECT COUNT(*) FROM answers", [], |row| row.get(0))
        .expect("count");
    (check, answers)
}

/// The status the server answers `request` (raw bytes, sent whole) with:
/// 0 when it closes the connection without an answer.
pub fn raw(base: &str, request: &[u8]) -> u16 {
    use std::io::{Read, Write};
    let mut stream =
        std::net::TcpStream::connect(base.trim_start_matches("http://")).expect("connects");
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(5)))
        .expect("timeout");
    // A server that refuses early may close before all is sent.
    let _ = stream.write_all(request);
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    String::from_utf8_lossy(&answer)
        .lines()
        .next()
        .and_then(|line| line.split_whitespace().nth(1))
        .and_then(|code| code.parse().ok())
        .unwrap_or(0)
}

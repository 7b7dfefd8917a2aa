//! The deployment files run as written: the systemd unit's `ExecStart`
//! and the Dockerfile's `CMD` start a server (paths moved into a temporary
//! folder, the address onto a free loopback port), the Dockerfile's
//! health check passes against it, and SIGTERM ends it with exit code 0.
// These need bash and Unix signals, as the deployments use.
#![cfg(unix)]

mod common;

use common::server::raw;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs pyramid with `args` (the deployment's, moved into `dir`), checks
/// the health check and SIGTERM; gives the lines it printed.
fn serves(args: &[String], health_check: Option<&str>, dir: &Path) -> Vec<String> {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin!("pyramid"))
        .args(args)
        .env_remove("LANG")
        .env("PYRAMID_LANG", "en")
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("starts");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    let mut printed = Vec::new();
    for line in lines.by_ref() {
        let line = line.expect("text");
        let done = line.starts_with("Admin: ");
        printed.push(line);
        if done {
            break;
        }
    }
    let base = printed[0]
        .split_whitespace()
        .find(|word| word.starts_with("http://"))
        .expect("the address")
        .to_string();
    let port = base.rsplit(':').next().expect("a port").to_string();
    assert_eq!(
        raw(
            &base,
            b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        ),
        200
    );
    if let Some(check) = health_check {
        let check = check.replace("8080", &port);
        let status = Command::new("bash")
            .args(["-c", &check])
            .status()
            .expect("bash runs");
        assert!(status.success(), "the health check fails: {check}");
    }
    let pid = nix::unistd::Pid::from_raw(i32::try_from(child.id()).expect("a pid"));
    nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGTERM).expect("SIGTERM");
    let sent = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("waits") {
            break status;
        }
        assert!(sent.elapsed() < Duration::from_secs(10), "still running");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(0));
    printed.extend(lines.map_while(Result::ok));
    printed
}

/// The server's options in a deployment's command, with its folder moved
/// to `dir` and its address to a free loopback port.
fn moved(words: &[&str], folder: &str, dir: &Path) -> Vec<String> {
    let at = words
        .iter()
        .position(|word| *word == "serve")
        .expect("pyramid serve");
    let mut args: Vec<String> = words[at..]
        .iter()
        .map(|word| word.replace(folder, &dir.display().to_string()))
        .collect();
    let bind = args
        .iter()
        .position(|word| word == "--bind")
        .expect("--bind");
    args[bind + 1] = "127.0.0.1:0".to_string();
    args
}

#[test]
fn the_systemd_unit_starts_a_server_that_keeps_its_token_and_stops_cleanly() {
    let unit = std::fs::read_to_string("deploy/pyramid.service").expect("the unit");
    let exec = unit
        .lines()
        .find_map(|line| line.strip_prefix("ExecStart="))
        .expect("ExecStart");
    let words: Vec<&str> = exec.split_whitespace().collect();
    assert_eq!(words[0], "/usr/local/bin/pyramid");
    let dir = tempfile::tempdir().expect("temp dir");
    let args = moved(&words, "/var/lib/pyramid", dir.path());
    let first = serves(&args, None, dir.path());
    assert!(
        first.last().is_some_and(|line| line.starts_with("Stopped")),
        "{first:?}"
    );
    assert!(dir.path().join("pyramid.sqlite").exists());
    // Restarted, the admin link holds the same token (kept in the file).
    let second = serves(&args, None, dir.path());
    let token = |lines: &[String]| {
        lines
            .iter()
            .find_map(|line| line.split("token=").nth(1).map(str::to_string))
            .expect("an admin link")
    };
    assert_eq!(token(&first), token(&second));
}

#[test]
fn the_dockerfile_command_and_health_check_work() {
    let dockerfile = std::fs::read_to_string("Dockerfile").expect("the Dockerfile");
    let json_words = |line: &str| -> Vec<String> {
        serde_json::from_str(line.trim()).expect("an exec-form JSON array")
    };
    let cmd = dockerfile
        .lines()
        .find_map(|line| line.strip_prefix("CMD "))
        .map(json_words)
        .expect("CMD");
    let check = dockerfile
        .lines()
        .find_map(|line| line.trim().strip_prefix("CMD "))
        .filter(|_| dockerfile.contains("HEALTHCHECK"))
        .map(json_words)
        .expect("the health check's CMD");
    assert_eq!(check[..2], ["bash", "-c"]);
    let words: Vec<&str> = cmd.iter().map(String::as_str).collect();
    assert_eq!(words[0], "pyramid");
    let dir = tempfile::tempdir().expect("temp dir");
    let args = moved(&words, "/data", dir.path());
    let printed = serves(&args, Some(&check[2]), dir.path());
    assert!(
        printed
            .last()
            .is_some_and(|line| line.starts_with("Stopped")),
        "{printed:?}"
    );
    assert!(dir.path().join("admin-token").exists());
}

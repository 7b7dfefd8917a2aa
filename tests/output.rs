//! `--output`: never the input it reads, never a FIFO or device replaced,
//! `-` for standard output, the umask honoured, a read-only file refused,
//! no temporary file left behind by a signal.
// These need Unix file modes, FIFOs and signals.
#![cfg(unix)]

mod common;

use common::pyramid;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

const AN: &str = "tests/fixtures/answers/an.yaml";

fn copy_of(dir: &Path, fixture: &str, name: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::copy(fixture, &path).expect("copy");
    path
}

/// Runs pyramid with ARGS, which must fail with exit 2 naming `message`,
/// and checks that `kept` still holds what it held.
fn refused_keeping(args: &[&str], kept: &Path, message: &str) {
    let before = std::fs::read(kept).expect("input");
    let output = pyramid().args(args).output().expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
    assert!(stderr.contains(message), "{args:?}: {stderr}");
    assert_eq!(std::fs::read(kept).expect("input"), before, "{args:?}");
}

#[test]
fn an_output_that_is_an_input_is_refused_under_any_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let an = copy_of(d, AN, "an.yaml");
    let an_s = an.to_str().expect("path");
    let link = d.join("link.yaml");
    std::os::unix::fs::symlink(&an, &link).expect("symlink");
    let hard = d.join("hard.yaml");
    std::fs::hard_link(&an, &hard).expect("hard link");
    let dotted = format!("{}/./an.yaml", d.display());
    let also = "it is also an input";
    for output in [
        an_s,
        link.to_str().expect("path"),
        hard.to_str().expect("path"),
        &dotted,
    ] {
        refused_keeping(
            &["score", an_s, "--format", "json", "-o", output],
            &an,
            also,
        );
        refused_keeping(
            &["compare", AN, an_s, "--format", "json", "-o", output],
            &an,
            also,
        );
        refused_keeping(&["report", AN, "--previous", an_s, "-o", output], &an, also);
    }
    // The bank is an input too.
    let bank = copy_of(d, "questions/pyramid.yaml", "bank.yaml");
    let bank_s = bank.to_str().expect("path");
    refused_keeping(&["score", "--bank", bank_s, AN, "-o", bank_s], &bank, also);
    // A folder is read whole: an existing output inside it is an input.
    let folder = d.join("answers");
    std::fs::create_dir(&folder).expect("folder");
    copy_of(&folder, AN, "an.yaml");
    let scores = copy_of(&folder, AN, "scores.yaml");
    refused_keeping(
        &[
            "score",
            folder.to_str().expect("path"),
            "-o",
            scores.to_str().expect("path"),
        ],
        &scores,
        also,
    );
}

#[test]
fn a_fifo_is_written_into_and_stays_a_fifo() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).expect("read the FIFO"))
    };
    pyramid()
        .args(["score", AN, "--format", "csv", "-o"])
        .arg(&fifo)
        .timeout(Duration::from_secs(20))
        .assert()
        .success();
    let text = reader.join().expect("reader");
    assert!(text.starts_with("respondent,source,"), "{text}");
    let kind = std::fs::symlink_metadata(&fifo).expect("stat").file_type();
    assert!(
        std::os::unix::fs::FileTypeExt::is_fifo(&kind),
        "still a FIFO"
    );
}

#[test]
fn dash_is_standard_output() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = pyramid()
        .current_dir(dir.path())
        .args(["score"])
        .arg(std::fs::canonicalize(AN).expect("path"))
        .args(["--format", "csv", "-o", "-"])
        .output()
        .expect("runs");
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("respondent,source,"));
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("list").count(),
        0,
        "no file `-`"
    );
}

#[test]
fn new_files_honour_the_umask_and_read_only_files_are_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("scores.csv");
    let binary = assert_cmd::cargo::cargo_bin!("pyramid");
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg("umask 027; exec \"$0\" score \"$1\" --format csv -o \"$2\"")
        .arg(binary)
        .arg(AN)
        .arg(&out)
        .status()
        .expect("runs");
    assert!(status.success());
    let mode = std::fs::metadata(&out).expect("stat").permissions().mode() & 0o777;
    assert_eq!(mode, 0o640, "0666 less the umask 027");

    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    refused_keeping(
        &[
            "score",
            AN,
            "--format",
            "json",
            "-o",
            out.to_str().expect("path"),
        ],
        &out,
        "the file is read-only",
    );
}

#[test]
fn a_signal_during_an_export_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let header = std::fs::read_to_string("tests/fixtures/forms/plain-ids.csv")
        .expect("fixture")
        .lines()
        .next()
        .expect("header")
        .to_string();
    let mut csv = header + "\n";
    for n in 0..100_000 {
        csv.push_str(&format!("r{n}{}\n", ",b".repeat(15)));
    }
    let input = d.join("big.csv");
    std::fs::write(&input, csv).expect("write");
    let target = d.join("scores.csv");
    let binary = assert_cmd::cargo::cargo_bin!("pyramid");
    let run = || {
        std::process::Command::new(binary)
            .args(["score", "--format", "csv", "-o"])
            .arg(&target)
            .arg(&input)
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn")
    };
    let started = std::time::Instant::now();
    assert!(run().wait().expect("wait").success());
    let whole = started.elapsed();
    // Signals spread over the run, most of them near its end, where the
    // file is written.
    for percent in [30, 60, 80, 85, 88, 90, 92, 94, 96, 98, 100] {
        std::fs::write(&target, "old scores\n").expect("write");
        let mut child = run();
        std::thread::sleep(whole * percent / 100);
        let _ = nix::sys::signal::kill(
            nix::unistd::Pid::from_raw(child.id() as i32),
            nix::sys::signal::Signal::SIGTERM,
        );
        let status = child.wait().expect("wait");
        let text = std::fs::read_to_string(&target).expect("target");
        if !status.success() {
            assert_eq!(status.code(), Some(143), "at {percent}%: 128 + SIGTERM");
        }
        // The old file, or (when the signal came after the rename) the
        // whole new one: never a part.
        let whole_new = text.starts_with("respondent,") && text.lines().count() == 100_001;
        assert!(
            text == "old scores\n" || whole_new,
            "at {percent}%: {} lines",
            text.lines().count()
        );
        let left: Vec<_> = std::fs::read_dir(d)
            .expect("list")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".tmp"))
            .collect();
        assert!(left.is_empty(), "at {percent}%: left {left:?}");
    }
}

/// Runs `pyramid ARGS` through sh with `redirect` applied; gives the exit
/// code and stderr.
fn redirected(args: &str, redirect: &str) -> (Option<i32>, String) {
    let binary = assert_cmd::cargo::cargo_bin!("pyramid");
    let output = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("exec \"$0\" {args} {redirect}"))
        .arg(binary)
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn a_full_or_closed_standard_error_is_no_panic() {
    for redirect in ["2>/dev/full", "2>&-"] {
        let (code, _) = redirected("score no-such-file.csv", redirect);
        assert_eq!(code, Some(2), "{redirect}: an error, not a panic (101)");
        let (code, _) = redirected(&format!("score {AN}"), &format!("{redirect} >/dev/null"));
        assert_eq!(
            code,
            Some(0),
            "{redirect}: warnings and notes are passed over"
        );
    }
}

#[test]
fn a_full_standard_output_is_an_error_with_exit_2() {
    for args in [
        format!("score {AN}"),
        format!("score {AN} --format json"),
        "questions".to_string(),
        format!("compare {AN} tests/fixtures/answers/jan.yaml --format csv"),
    ] {
        let (code, stderr) = redirected(&args, ">/dev/full");
        assert_eq!(code, Some(2), "{args}: {stderr}");
        assert!(
            stderr.contains(
                "cannot write to standard output: the disk is full; make room and try again"
            ),
            "{args}: {stderr}"
        );
    }
}

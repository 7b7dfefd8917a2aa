//! Broken, huge and hostile inputs. Each case runs the real binary under a
//! 256 MiB address-space limit and a 10 second timeout, and must end with
//! exit code 2, a message that names the problem, and no output file.
// These need a Unix shell (ulimit) and symbolic links.
#![cfg(unix)]

use assert_cmd::Command;
use std::path::Path;
use std::time::Duration;

const ANSWERS: &str = "tests/fixtures/answers";

/// Runs `pyramid ARGS --output OUT` with limited memory and time; checks
/// exit code 2, the message, and that OUT was not created.
fn refused(dir: &Path, args: &[String], message: &str) {
    let out = dir.join("out.json");
    let binary = assert_cmd::cargo::cargo_bin!("pyramid");
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg("ulimit -v 262144; exec \"$0\" \"$@\"")
        .arg(binary)
        .args(args)
        .arg("--output")
        .arg(&out)
        .env("NO_COLOR", "1")
        .env_remove("LANG")
        .timeout(Duration::from_secs(10));
    let output = command.output().expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
    assert!(
        stderr.contains(message),
        "{args:?}: expected {message:?} in:\n{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!out.exists(), "{args:?} wrote an output file");
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    path.to_str().expect("path").to_string()
}

fn score(path: &str) -> Vec<String> {
    vec![
        "score".into(),
        path.into(),
        "--format".into(),
        "json".into(),
    ]
}

/// Scores a good answer file with the bank at `bank`.
fn with_bank(bank: &str) -> Vec<String> {
    vec![
        "score".into(),
        "--bank".into(),
        bank.into(),
        format!("{ANSWERS}/an.yaml"),
    ]
}

fn alias_bomb(indent: &str) -> String {
    let mut bomb = format!("{indent}a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n");
    let mut previous = 'a';
    for name in "bcdefghi".chars() {
        let refs = vec![format!("*{previous}"); 9].join(",");
        bomb.push_str(&format!("{indent}{name}: &{name} [{refs}]\n"));
        previous = name;
    }
    bomb
}

fn an() -> String {
    std::fs::read_to_string(format!("{ANSWERS}/an.yaml")).expect("fixture")
}

fn plain_csv() -> String {
    std::fs::read_to_string("tests/fixtures/forms/plain-ids.csv").expect("fixture")
}

#[test]
fn hostile_answer_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            score(&write(d, "empty.yaml", "")),
            "empty.yaml: the file is empty",
        ),
        (
            score(&write(d, "blank.yaml", "  \n\n")),
            "blank.yaml: the file is empty",
        ),
        (
            score(&write(
                d,
                "binary.yaml",
                (0..=255u8).cycle().take(4096).collect::<Vec<u8>>(),
            )),
            "is not UTF-8 text",
        ),
        (
            score(&write(
                d,
                "bomb.yaml",
                format!(
                    "respondent: x\nbank: pyramid\nanswers:\n{}",
                    alias_bomb("  ")
                ),
            )),
            "its aliases (*name) expand to far too much data",
        ),
        (
            score(&write(
                d,
                "deep.yaml",
                format!("answers: {}{}\n", "[".repeat(10_000), "]".repeat(10_000)),
            )),
            "deep.yaml:1: not an answer file: it is nested more than 64 levels deep",
        ),
        (
            score(&write(
                d,
                "deep.json",
                format!(
                    "{{\"answers\": {}{}}}",
                    "[".repeat(10_000),
                    "]".repeat(10_000)
                ),
            )),
            "nested more than 64 levels deep",
        ),
        (
            score(&write(
                d,
                "dashes.yaml",
                format!("answers:\n{}x\n", "- ".repeat(10_000)),
            )),
            "not an answer file",
        ),
        (
            score(&write(
                d,
                "duplicate.yaml",
                an().replace("strategy-role: b", "strategy-role: b\n  strategy-role: c"),
            )),
            "duplicate entry with key \"strategy-role\"",
        ),
        (
            score("questions/pyramid.yaml"),
            "this looks like a question bank: use it with --bank FILE",
        ),
        (
            score(&write(
                d,
                "other-bank.yaml",
                an().replace("bank: pyramid", "bank: webshop"),
            )),
            "these answers are for the bank `webshop`, not `pyramid`",
        ),
        (
            score(&write(
                d,
                "unknown-question.yaml",
                an().replace("strategy-role:", "strategy-rol:"),
            )),
            "`strategy-rol` is not a question of the bank `pyramid`",
        ),
        (
            score(&write(
                d,
                "structure.yaml",
                an().replace("strategy-role: b", "strategy-role: [b, c]"),
            )),
            "strategy-role: \"(a list or mapping)\" is not an answer to this question",
        ),
        (
            score(&write(d, "list.yaml", "answers: [a, b]\n")),
            "invalid type: sequence, expected a YAML mapping",
        ),
        (
            score(&write(
                d,
                "broken.json",
                "{\"respondent\": \"An\", \"answers\": {",
            )),
            "broken.json:1:",
        ),
        (
            score(&write(
                d,
                "tabs.yaml",
                "respondent: An\nanswers:\n\tstrategy-role: b\n",
            )),
            "tabs.yaml:3:",
        ),
        (
            score(&write(d, "huge.yaml", vec![b' '; 17 * 1024 * 1024])),
            "is over the 16 MiB limit for an answer file",
        ),
        (
            score(&format!("{}/no-such-file.yaml", d.display())),
            "cannot read",
        ),
        (
            score(&{
                let link = d.join("dangling.yaml");
                std::os::unix::fs::symlink(d.join("nowhere"), &link).expect("symlink");
                link.to_str().expect("path").to_string()
            }),
            "cannot read",
        ),
    ];
    for (args, message) in cases {
        refused(d, &args, message);
    }
}

#[test]
fn hostile_tables() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let long_line = format!(
        "respondent,strategy-role\nAn,{}\n",
        "a".repeat(3 * 1024 * 1024)
    );
    let unclosed = format!("respondent,strategy-role\nAn,\"{}", "abc\n".repeat(400_000));
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            score(&write(d, "long.csv", long_line)),
            "long.csv: line 2: a line or cell is over 1 MiB",
        ),
        (
            score(&write(d, "unclosed.csv", unclosed)),
            "unclosed.csv: line 2: a line or cell is over 1 MiB: not a survey export (a cell may hold a whole file, or a quote is never closed)",
        ),
        (
            score(&write(
                d,
                "random.csv",
                (0..=255u8).rev().cycle().take(8192).collect::<Vec<u8>>(),
            )),
            "no column is a question",
        ),
        (
            score(&write(d, "empty.csv", "")),
            "empty.csv: the file is empty",
        ),
        (
            score(&write(d, "header-only.csv", "respondent,strategy-role\n")),
            "header-only.csv: the table has a header row but no respondents",
        ),
        (
            score(&write(d, "no-questions.csv", "Naam,Leeftijd\nAn,40\n")),
            "Headers found: Naam, Leeftijd",
        ),
        (
            score(&write(d, "twice.csv", "strategy-role,strategy-role\na,b\n")),
            "columns A and B both hold question `strategy-role`",
        ),
        (
            score(&write(
                d,
                "bad-answer.csv",
                plain_csv().replacen("An Peeters,b", "An Peeters,zz", 1),
            )),
            "column B: strategy-role: \"zz\" is not an answer",
        ),
        (
            score(&write(d, "fake.xlsx", "this is not a spreadsheet")),
            "cannot open the spreadsheet",
        ),
        // A short file with a quote never closed: refused at the quote's
        // line, not read as one cell that swallows the rows after it (and,
        // with --skip-invalid, skips them without a word).
        (
            score(&write(
                d,
                "open-quote.csv",
                plain_csv().replacen("Jan De Smet,", "\"Jan De Smet,", 1),
            )),
            "open-quote.csv: line 3: a quote (\") opens a cell here and is never closed",
        ),
        (
            [
                score(&d.join("open-quote.csv").to_string_lossy()),
                vec!["--skip-invalid".into()],
            ]
            .concat(),
            "open-quote.csv: line 3: a quote (\") opens a cell here and is never closed",
        ),
        (
            score(&write(
                d,
                "stray-quote.csv",
                "respondent,strategy-role\n\"An\"x\"y,b\n",
            )),
            "has no answer to strategy-choices",
        ),
    ];
    for (args, message) in cases {
        refused(d, &args, message);
    }
}

/// A file that cannot be read to its end (a quote never closed, a cell
/// over 1 MiB in a spreadsheet after its rows) is refused with one error,
/// with or without `--skip-invalid`, whether the place is among the rows
/// read to find the header or after them, and whether other files are
/// good: its rows before the place were read, so skipping it would score
/// part of it. A spreadsheet that fails before any row is still skipped.
#[test]
fn a_file_that_cannot_be_read_to_its_end_is_refused_with_one_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let text = plain_csv();
    let rows: Vec<&str> = text.lines().collect();
    let early = write(
        d,
        "early.csv",
        format!("{}\n{}\n\"{}\n{}\n", rows[0], rows[1], rows[2], rows[3]),
    );
    let mut late_text = rows[0].to_string() + "\n";
    for _ in 0..5 {
        late_text += &format!("{}\n", rows[1]);
    }
    late_text += &format!("\"{}\n{}\n", rows[2], rows[3]);
    let late = write(d, "late.csv", late_text);
    let good = "tests/fixtures/forms/plain-ids.csv".to_string();
    let big_row = late_big_cell_ods(d);
    let cases: Vec<(Vec<&str>, &str, &str)> = vec![
        (vec![&early], "early.csv: line 3:", ""),
        (vec![&early, "--skip-invalid"], "early.csv: line 3:", ""),
        (
            vec![&early, "--skip-invalid", "--summary"],
            "early.csv: line 3:",
            "",
        ),
        (vec![&late, "--skip-invalid"], "late.csv: line 7:", ""),
        (
            vec![&late, "--skip-invalid", "--summary", "--format", "csv"],
            "late.csv: line 7:",
            "",
        ),
        (
            vec![&good, &late, "--skip-invalid"],
            "late.csv: line 7:",
            "",
        ),
        (vec!["-", "--skip-invalid"], "<stdin>: line 7:", &late),
        (vec![&good, &big_row, "--skip-invalid"], "late-big.ods:", ""),
    ];
    for (args, place, stdin) in cases {
        let out = d.join("out.csv");
        let mut command = Command::new(assert_cmd::cargo::cargo_bin!("pyramid"));
        command
            .arg("score")
            .args(&args)
            .arg("--output")
            .arg(&out)
            .env("NO_COLOR", "1")
            .env_remove("LANG")
            .timeout(Duration::from_secs(10));
        if !stdin.is_empty() {
            command.pipe_stdin(stdin).expect("stdin");
        }
        let output = command.output().expect("runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        let expected = if place.ends_with(".ods:") {
            format!("{place} the part content.xml holds a cell or tag over 1 MiB")
        } else {
            format!("{place} a quote (\") opens a cell here and is never closed")
        };
        assert!(
            stderr.starts_with("error: ") && stderr.contains(&expected),
            "{args:?}: expected {expected:?} in:\n{stderr}"
        );
        assert_eq!(
            stderr.lines().count(),
            1,
            "{args:?}: one error only:\n{stderr}"
        );
        assert!(!out.exists(), "{args:?} wrote an output file");
    }
    // Failing before its first row, a spreadsheet is skipped whole.
    let output = Command::new(assert_cmd::cargo::cargo_bin!("pyramid"))
        .args(["score", &good, "tests/fixtures/spreadsheets/whitespace.ods"])
        .args(["--skip-invalid", "--summary"])
        .env("NO_COLOR", "1")
        .env_remove("LANG")
        .timeout(Duration::from_secs(10))
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("skipped 1 respondent"), "{stderr}");
}

/// `plain-ids.ods` with a row after its respondents whose one cell is
/// 2 MiB: the sheet fails after three rows were read.
fn late_big_cell_ods(dir: &Path) -> String {
    use std::io::{Read, Write};
    let source = std::fs::File::open("tests/fixtures/spreadsheets/plain-ids.ods").expect("fixture");
    let mut source = zip::ZipArchive::new(source).expect("a zip");
    let path = dir.join("late-big.ods");
    let mut out = zip::ZipWriter::new(std::fs::File::create(&path).expect("create"));
    for index in 0..source.len() {
        let mut entry = source.by_index(index).expect("entry");
        let name = entry.name().expect("a name").to_string();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).expect("read");
        if name == "content.xml" {
            let text = String::from_utf8(data).expect("UTF-8");
            let end = text.rfind("</table:table>").expect("a table");
            let row = format!(
                "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>{}</text:p></table:table-cell></table:table-row>",
                "x".repeat(2 << 20)
            );
            data = format!("{}{row}{}", &text[..end], &text[end..]).into_bytes();
        }
        let method = if name == "mimetype" {
            zip::CompressionMethod::Stored
        } else {
            zip::CompressionMethod::Deflated
        };
        let options = zip::write::SimpleFileOptions::default().compression_method(method);
        out.start_file(name, options).expect("start");
        out.write_all(&data).expect("write");
    }
    out.finish().expect("finish");
    path.to_str().expect("path").to_string()
}

#[test]
fn spreadsheet_bombs_are_refused_at_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sheets = "tests/fixtures/spreadsheets";
    let cases = [
        // One cell at XFD1048576: a dense grid would be 17 billion cells.
        // Read as a stream, it is just a row without answers.
        (
            "corner.xlsx",
            "corner.xlsx:1048576: tests/fixtures/spreadsheets/corner.xlsx row 2 has no answer",
        ),
        (
            "big-cell.xlsx",
            "big-cell.xlsx: the part xl/worksheets/sheet1.xml unpacks to 1,025 MiB, over the limit of 1,024 MiB",
        ),
        (
            "lying-size.xlsx",
            "lying-size.xlsx: cannot unpack the part xl/sharedStrings.xml",
        ),
        (
            "repeated.ods",
            "repeated.ods: the sheet holds over 20,000,000 cells",
        ),
        (
            "whitespace.ods",
            "whitespace.ods: the part content.xml holds a cell or tag over 1 MiB",
        ),
    ];
    for (file, message) in cases {
        let started = std::time::Instant::now();
        refused(dir.path(), &score(&format!("{sheets}/{file}")), message);
        assert!(
            started.elapsed() < Duration::from_secs(3),
            "{file} took {:?}",
            started.elapsed()
        );
    }
}

#[test]
fn hostile_banks() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let bomb = format!("{}id: x\n", alias_bomb(""));
    let nested_bomb = "id: x\ntitle: &t {nl: [lol,lol,lol,lol,lol,lol,lol,lol,lol], en: x}\ndont_know: [*t,*t,*t,*t,*t,*t,*t,*t,*t]\n".to_string();
    let duplicate = std::fs::read_to_string("questions/pyramid.yaml")
        .expect("bank")
        .replacen("id: pyramid\n", "id: pyramid\nid: again\n", 1);
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            with_bank(&write(d, "empty.yaml", "")),
            "empty.yaml is not a valid question bank (1 problem)",
        ),
        (
            with_bank(&write(d, "binary.yaml", [0u8, 159, 146, 150, 255, 0, 1])),
            "is not UTF-8 text",
        ),
        (with_bank(&write(d, "bomb.yaml", bomb)), "unknown field `a`"),
        (
            with_bank(&write(d, "nested-bomb.yaml", nested_bomb)),
            "invalid type",
        ),
        (
            with_bank(&write(
                d,
                "deep.yaml",
                format!("id: {}{}\n", "{a: ".repeat(10_000), "}".repeat(10_000)),
            )),
            "nested more than 64 levels deep",
        ),
        (
            with_bank(&write(d, "duplicate.yaml", duplicate)),
            "duplicate field `id`",
        ),
        (
            with_bank(&format!("{ANSWERS}/an.yaml")),
            "this looks like an answer file",
        ),
        (with_bank(ANSWERS), "is a directory"),
        (
            with_bank(&write(d, "huge.yaml", vec![b'#'; 17 * 1024 * 1024])),
            "over the 16 MiB limit",
        ),
        // A device that never ends: the size is counted while reading.
        (with_bank("/dev/zero"), "/dev/zero is over the 16 MiB limit"),
    ];
    for (args, message) in cases {
        refused(d, &args, message);
    }
}

/// Runs the binary under the memory limit and a time limit; gives the exit
/// code, stdout and stderr.
fn limited(args: &[&str], seconds: u64) -> (Option<i32>, String, String) {
    let binary = assert_cmd::cargo::cargo_bin!("pyramid");
    let output = Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 262144; exec \"$0\" \"$@\"")
        .arg(binary)
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("LANG")
        .timeout(Duration::from_secs(seconds))
        .output()
        .expect("runs");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn messages_quote_values_short_and_tables_cut_long_cells() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    // A 12 MB text given as an answer file: the message quotes ~80 characters.
    let text = write(d, "text.yaml", "a".repeat(12 * 1024 * 1024));
    let (code, _, stderr) = limited(&["score", &text], 10);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("not an answer file: invalid type: string \"aaa"),
        "{}",
        &stderr[..stderr.len().min(500)]
    );
    assert!(stderr.len() < 1_000, "stderr is {} bytes", stderr.len());

    // A 1 MB name: cut before the table is laid out, so it takes no time.
    let csv = plain_csv().replacen("An Peeters", &"Lang ".repeat(200_000), 1);
    let input = write(d, "long-name.csv", csv);
    let started = std::time::Instant::now();
    let (code, stdout, _) = limited(&["score", &input], 10);
    assert_eq!(code, Some(0));
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    assert!(
        stdout.contains("Lang…") || stdout.contains("Lang …"),
        "the name is cut"
    );
    assert!(stdout.len() < 10_000, "table of {} bytes", stdout.len());

    // 500 extra columns: the note names a dozen and counts the rest.
    let mut lines = plain_csv().lines().map(str::to_string).collect::<Vec<_>>();
    for (n, line) in lines.iter_mut().enumerate() {
        for c in 0..500 {
            line.push_str(&if n == 0 {
                format!(",Extra column {c}")
            } else {
                ",x".into()
            });
        }
    }
    let input = write(d, "wide.csv", lines.join("\n"));
    let (code, _, stderr) = limited(&["score", &input], 10);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("Extra column 11, and 488 more"), "{stderr}");
}

#[test]
fn a_hundred_thousand_rows_print_within_the_memory_limit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let header = plain_csv().lines().next().expect("header").to_string();
    let mut csv = header + "\n";
    for n in 0..100_000 {
        csv.push_str(&format!("r{n}{}\n", ",c".repeat(15)));
    }
    let input = write(dir.path(), "big.csv", csv);
    for format in ["table", "json", "markdown"] {
        let (code, stdout, stderr) = limited(&["score", &input, "--format", format], 60);
        assert_eq!(
            code,
            Some(0),
            "{format}: {}",
            &stderr[..stderr.len().min(500)]
        );
        assert!(stdout.contains("r99999"), "{format}: the last row is there");
    }
}

#[test]
fn killing_a_large_export_never_leaves_a_truncated_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    // 200,000 respondents: large enough that a kill lands mid-run.
    let mut csv = String::from(
        "respondent,strategy-role,strategy-choices,strategy-people,strategy-ownership,platform-audience,platform-information,platform-coherence,traffic-findable,traffic-channels,traffic-content,traffic-data,conversion-next-step,conversion-rate,conversion-follow-up,conversion-improve\n",
    );
    for n in 0..200_000 {
        let key = ["a", "b", "c", "d"][n % 4];
        csv.push_str(&format!("r{n}"));
        for _ in 0..15 {
            csv.push(',');
            csv.push_str(key);
        }
        csv.push('\n');
    }
    let input = write(d, "big.csv", csv);
    let target = d.join("scores.csv");
    let binary = assert_cmd::cargo::cargo_bin!("pyramid");
    for wait_ms in [20, 60, 120, 200, 300, 450, 700] {
        std::fs::write(&target, "old scores\n").expect("write");
        let mut child = std::process::Command::new(binary)
            .args(["score", &input, "--format", "csv", "--output"])
            .arg(&target)
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(Duration::from_millis(wait_ms));
        let _ = child.kill();
        let status = child.wait().expect("wait");
        let text = std::fs::read_to_string(&target).expect("target still there");
        if status.success() {
            // Finished before the kill: the whole new file.
            assert!(text.starts_with("respondent,source,"), "after {wait_ms} ms");
            assert_eq!(text.lines().count(), 200_001, "after {wait_ms} ms");
        } else {
            assert_eq!(
                text, "old scores\n",
                "killed after {wait_ms} ms: the old file must stay whole"
            );
        }
    }
    // Undisturbed, the export replaces the old file whole.
    std::fs::write(&target, "old scores\n").expect("write");
    let status = std::process::Command::new(binary)
        .args(["score", &input, "--format", "csv", "--output"])
        .arg(&target)
        .status()
        .expect("runs");
    assert!(status.success());
    assert_eq!(
        std::fs::read_to_string(&target)
            .expect("read")
            .lines()
            .count(),
        200_001
    );
}

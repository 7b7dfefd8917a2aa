//! Every error, warning and note the tests reach, run in Dutch and in
//! French: no English sentence may reach the reader (only clap's own
//! usage errors and --help stay English), and no text may be missing from
//! a language file (a debug build stops on a missing key, so the run
//! would end in a panic instead of an exit code of 1 or 2).

mod common;

use common::pyramid;
use std::path::{Path, PathBuf};

/// Words of English sentences that neither the Dutch nor the French
/// messages use; file names, ids and option keys in the cases avoid them.
const ENGLISH: [&str; 13] = [
    "error:",
    "warning:",
    "note:",
    " cannot ",
    " the ",
    " is not ",
    " has no ",
    " with ",
    " file",
    " answers ",
    " holds ",
    " no such ",
    " or ",
];

/// The files the cases read and write, in a temporary folder.
struct Files {
    _dir: tempfile::TempDir,
    root: PathBuf,
}

impl Files {
    fn new() -> Files {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().to_path_buf();
        let write = |name: &str, text: &[u8]| std::fs::write(root.join(name), text).expect("write");
        std::fs::create_dir(root.join("leeg")).expect("folder");
        write("leeg.yaml", b"");
        write(
            "ander.yaml",
            b"respondent: An\nbank: social\nanswers:\n  strategy-role: a\n",
        );
        write(
            "onbekend.yaml",
            b"respondent: An\nbank: pyramid\nanswers:\n  strategie: a\n",
        );
        write("latin1.yaml", b"respondent: Ren\xe9\nbank: pyramid\n");
        write("koppen.csv", b"naam,kleur\nAn,rood\n");
        write("alleen-kop.csv", b"strategy-role,strategy-choices\n");
        write("dubbel.csv", b"strategy-role,strategy-role\na,b\n");
        write(
            "nieuwer.json",
            b"{\"version\": 99, \"bank\": \"pyramid\", \"respondents\": []}",
        );
        write("kapot.xlsx", b"PK\x03\x04 dit is geen zip");
        write("kapot.yaml", b"id: [\n");
        Files { _dir: dir, root }
    }

    fn path(&self, name: &str) -> String {
        self.root.join(name).display().to_string()
    }
}

/// Each case: the arguments, and the exit code it ends with.
fn cases(files: &Files) -> Vec<(Vec<String>, i32)> {
    let team = "examples/team.csv".to_string();
    let an = "examples/an-q3.yaml".to_string();
    let ids = "examples/plain-ids.csv".to_string();
    let f = |name: &str| files.path(name);
    let s = |args: &[&str]| args.iter().map(ToString::to_string).collect::<Vec<_>>();
    vec![
        (s(&["score", "geen-bestand.csv"]), 2),
        (vec!["score".into(), f("leeg")], 2),
        (vec!["questions".into(), "--bank".into(), f("leeg")], 2),
        (vec!["score".into(), team.clone()], 2),
        (
            vec!["score".into(), team.clone(), "--skip-invalid".into()],
            1,
        ),
        (
            vec!["score".into(), ids.clone(), "--output".into(), f("leeg")],
            2,
        ),
        (
            vec!["score".into(), ids.clone(), "--output".into(), ids.clone()],
            2,
        ),
        (vec!["score".into(), f("leeg.yaml")], 2),
        (vec!["score".into(), f("ander.yaml")], 2),
        (vec!["score".into(), f("onbekend.yaml")], 2),
        (vec!["score".into(), f("latin1.yaml")], 2),
        (vec!["score".into(), f("koppen.csv")], 2),
        (vec!["score".into(), f("alleen-kop.csv")], 2),
        (vec!["score".into(), f("dubbel.csv")], 2),
        (vec!["score".into(), f("nieuwer.json")], 2),
        (vec!["score".into(), f("kapot.xlsx")], 2),
        (
            vec!["score".into(), ids.clone(), ids.clone(), "--summary".into()],
            0,
        ),
        (
            vec![
                "score".into(),
                an.clone(),
                "--target".into(),
                "stage=9".into(),
            ],
            2,
        ),
        (
            vec![
                "score".into(),
                an.clone(),
                "--target".into(),
                "merk=2".into(),
            ],
            2,
        ),
        (
            vec!["score".into(), an.clone(), "--target".into(), "3".into()],
            2,
        ),
        (
            s(&[
                "score",
                "examples/plain-ids.csv",
                "--format",
                "csv",
                "--summary",
                "--rows",
            ]),
            2,
        ),
        (s(&["questions", "--model", "geen"]), 2),
        (s(&["new-bank", "--pillars", "a,a"]), 2),
        (
            vec![
                "campaign".into(),
                "list".into(),
                "--db".into(),
                f("koppen.csv"),
            ],
            2,
        ),
        (
            vec![
                "campaign".into(),
                "close".into(),
                "Q9".into(),
                "--db".into(),
                f("t.sqlite"),
            ],
            2,
        ),
        (s(&["new-bank", "--id", "X", "--pillars", "a,b"]), 2),
        (vec!["compare".into(), ids.clone(), an.clone()], 2),
        (s(&["test"]), 2),
        (
            vec!["questions".into(), "--bank".into(), f("kapot.yaml")],
            2,
        ),
        (
            vec!["validate".into(), "tests/fixtures/banks/broken.yaml".into()],
            2,
        ),
        (
            vec![
                "report".into(),
                ids,
                "--output".into(),
                f("map/rapport.html"),
            ],
            2,
        ),
    ]
}

fn run(args: &[String], lang: &str) -> (Option<i32>, String) {
    let output = pyramid()
        .args(args)
        .args(["--lang", lang])
        .output()
        .expect("runs");
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    (output.status.code(), stderr)
}

#[test]
fn every_error_warning_and_note_is_in_dutch_and_in_french() {
    assert!(
        Path::new("examples/team.csv").is_file(),
        "run from the repository root"
    );
    let files = Files::new();
    let mut untranslated = Vec::new();
    for (args, code) in cases(&files) {
        let (english_code, english) = run(&args, "en");
        assert_eq!(english_code, Some(code), "{args:?} in English: {english}");
        assert!(!english.is_empty(), "{args:?} says nothing");
        for lang in ["nl", "fr"] {
            let (exit, stderr) = run(&args, lang);
            assert_eq!(exit, Some(code), "{args:?} --lang {lang}: {stderr}");
            assert_ne!(stderr, english, "{args:?} --lang {lang}");
            let text = stderr.replace(&files.root.display().to_string(), "");
            if let Some(word) = ENGLISH.iter().find(|word| text.contains(*word)) {
                untranslated.push(format!("{args:?} --lang {lang}: {word:?} in {stderr}"));
            }
        }
    }
    assert!(untranslated.is_empty(), "{}", untranslated.join("\n"));
}

#[test]
fn clap_usage_errors_stay_english_as_the_readme_says() {
    let (code, stderr) = run(&["score".into(), "--no-such-option".into()], "nl");
    assert_eq!(code, Some(2));
    assert!(stderr.starts_with("error: unexpected argument"), "{stderr}");
}

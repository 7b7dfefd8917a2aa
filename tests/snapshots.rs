//! Every output format of the worked example (An's answers, the team of
//! three, An a quarter later) as a reviewed snapshot: a change in what
//! people or scripts get shows up as a snapshot diff (`tests/snapshots/`),
//! accepted with `INSTA_UPDATE=always cargo test --test snapshots`.

mod common;

use common::pyramid;

const AN: &str = "tests/fixtures/answers/an.yaml";
const TEAM: &str = "tests/fixtures/forms/plain-ids.csv";

/// The output of a run that must succeed, with the temporary folder's
/// name (it changes every run) written as `DIR`.
fn output(args: &[&str], dir: &std::path::Path) -> String {
    let out = pyramid()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("UTF-8")
        .replace(dir.to_str().expect("path"), "DIR")
}

#[test]
fn scores_in_every_format() {
    let dir = tempfile::tempdir().expect("temp dir");
    for format in ["table", "markdown", "csv", "json"] {
        insta::assert_snapshot!(
            format!("an_{format}"),
            output(&["score", AN, "--format", format], dir.path())
        );
        insta::assert_snapshot!(
            format!("team_summary_rows_target_nl_{format}"),
            output(
                &[
                    "score",
                    TEAM,
                    "--summary",
                    "--rows",
                    "--target",
                    "stage=3",
                    "--lang",
                    "nl",
                    "--format",
                    format
                ]
                .into_iter()
                .filter(|a| format != "csv" || *a != "--rows")
                .collect::<Vec<_>>(),
                dir.path()
            )
        );
    }
}

#[test]
fn a_comparison_in_every_format() {
    let dir = tempfile::tempdir().expect("temp dir");
    let later = common::an_later(dir.path());
    for format in ["table", "markdown", "csv", "json"] {
        insta::assert_snapshot!(
            format!("compare_{format}"),
            output(
                &[
                    "compare", AN, &later, "--target", "stage=3", "--format", format
                ],
                dir.path()
            )
        );
    }
}

#[test]
fn the_questions_in_every_format() {
    let dir = tempfile::tempdir().expect("temp dir");
    for format in ["table", "yaml", "json"] {
        insta::assert_snapshot!(
            format!("questions_nl_{format}"),
            output(
                &["questions", "--lang", "nl", "--format", format],
                dir.path()
            )
        );
    }
}

#[test]
fn the_html_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    let later = common::an_later(dir.path());
    let out = dir.path().join("report.html");
    let out_s = out.to_str().expect("path");
    output(
        &[
            "report",
            &later,
            "--previous",
            AN,
            "--target",
            "stage=3",
            "--output",
            out_s,
        ],
        dir.path(),
    );
    let html = std::fs::read_to_string(&out)
        .expect("report")
        .replace(dir.path().to_str().expect("path"), "DIR");
    insta::assert_snapshot!("report_html", html);
}

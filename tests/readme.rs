//! The README's examples are tests: every ```console block runs as written
//! (trycmd, as clap does), from a folder that holds what the repository
//! root holds, and must print what the README shows. A change of output
//! fails here until the README says the same:
//! `TRYCMD=overwrite cargo test --test readme` writes the new output back.
// These need symbolic links to the repository folders.
#![cfg(unix)]

use std::path::Path;

#[test]
fn every_console_example_in_the_readme_prints_what_it_shows() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().expect("temp dir");
    // trycmd runs a Markdown file's commands in `NAME.in` beside it.
    let cwd = dir.path().join("README.in");
    std::fs::create_dir(&cwd).expect("folder");
    for shared in ["examples", "tests", "questions", "locales", "docs"] {
        std::os::unix::fs::symlink(root.join(shared), cwd.join(shared)).expect("link");
    }
    let readme = dir.path().join("README.md");
    std::fs::copy(root.join("README.md"), &readme).expect("copied");
    trycmd::TestCases::new()
        .register_bin(
            "pyramid",
            assert_cmd::cargo::cargo_bin!("pyramid").to_path_buf(),
        )
        .env("PYRAMID_LANG", "en")
        .env("LC_ALL", "C")
        .env("LANG", "C")
        .env("NO_COLOR", "1")
        .env("COLUMNS", "80")
        .case(&readme)
        .run();
    if std::env::var_os("TRYCMD").is_some_and(|mode| mode == "overwrite") {
        std::fs::copy(&readme, root.join("README.md")).expect("written back");
    }
}

//! The interactive self-test, driven end to end in a pseudo-terminal: the
//! real binary, real key presses, the real result screen.
// These need pseudo-terminals and Unix signals.
#![cfg(unix)]

mod common;

use nix::sys::wait::WaitStatus;
use rexpect::session::{PtySession, spawn_command};
use std::path::Path;
use std::process::Command;
use std::time::Duration;

const DOWN: &str = "\x1b[B";
const ENTER: &str = "\r";
const ESC: &str = "\x1b";
const TIMEOUT_MS: u64 = 20_000;

/// Starts pyramid in a pseudo-terminal in `dir`, with its progress kept in
/// `dir/state` (XDG_STATE_HOME), so tests do not share or leave state.
fn spawn(args: &[&str], env: &[(&str, &str)], dir: &Path) -> PtySession {
    let mut command = Command::new(assert_cmd::cargo::cargo_bin!("pyramid"));
    command.args(args);
    spawn_command_in(command, env, dir)
}

/// As `spawn`, in a terminal of 24 rows and 80 columns.
fn spawn_sized(args: &[&str], env: &[(&str, &str)], dir: &Path) -> PtySession {
    spawn_in_window(args, env, dir, 80)
}

/// As `spawn`, in a terminal of 24 rows and `columns` (set with stty
/// before pyramid starts).
fn spawn_in_window(args: &[&str], env: &[(&str, &str)], dir: &Path, columns: u16) -> PtySession {
    let mut command = Command::new("sh");
    let stty = format!("stty rows 24 cols {columns}; exec \"$0\" \"$@\"");
    command
        .args(["-c", &stty])
        .arg(assert_cmd::cargo::cargo_bin!("pyramid"))
        .args(args);
    spawn_command_in(command, env, dir)
}

fn spawn_command_in(mut command: Command, env: &[(&str, &str)], dir: &Path) -> PtySession {
    command
        .current_dir(dir)
        .env("XDG_STATE_HOME", dir.join("state"))
        .env("XDG_DATA_HOME", dir.join("data"))
        .env_remove("PYRAMID_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env("NO_COLOR", "1")
        .env("TERM", "xterm");
    for (key, value) in env {
        command.env(key, value);
    }
    spawn_command(command, Some(TIMEOUT_MS)).expect("spawn pyramid in a pty")
}

/// rexpect turns each byte it reads into one char; a UTF-8 needle must be
/// spelled the same way to match.
fn as_read(text: &str) -> String {
    text.bytes().map(char::from).collect()
}

/// The bytes rexpect read, as the UTF-8 text they are.
fn decoded(read: &str) -> String {
    let bytes: Vec<u8> = read.chars().map(|c| c as u8).collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Waits until `text` is on screen.
fn expect(session: &mut PtySession, text: &str) {
    session
        .exp_string(&as_read(text))
        .unwrap_or_else(|err| panic!("waiting for {text:?}: {err}"));
}

/// Everything until the program exits, as readable text.
fn until_exit(session: &mut PtySession) -> String {
    decoded(&session.exp_eof().expect("pyramid exits"))
}

/// Presses keys one at a time, as a person would. console switches the
/// terminal to raw mode for each key read and back between keys, so keys
/// sent in one burst can arrive while it is in cooked mode and be lost.
fn press(session: &mut PtySession, keys: &[&str]) {
    std::thread::sleep(Duration::from_millis(150));
    for key in keys {
        session.send(key).expect("send key");
        session.flush().expect("flush");
        std::thread::sleep(Duration::from_millis(60));
    }
}

/// Waits for the question `header` and its menu, then picks the option
/// `downs` places below the highlighted one.
fn pick(session: &mut PtySession, header: &str, downs: usize) {
    expect(session, header);
    choose(session, downs);
}

/// Picks the option `downs` places below the highlighted one.
fn choose(session: &mut PtySession, downs: usize) {
    let mut keys = vec![DOWN; downs];
    keys.push(ENTER);
    press(session, &keys);
}

/// The text a person would read: escape sequences dropped, white space
/// folded, so wrapped lines still match.
fn readable(raw: &str) -> String {
    let mut text = String::new();
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            if chars.peek() == Some(&'[') {
                chars.next();
                for c in chars.by_ref() {
                    if c.is_ascii_alphabetic() || c == '~' {
                        break;
                    }
                }
            }
            continue;
        }
        text.push(c);
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn exit_code(session: &PtySession) -> i32 {
    match session.process().wait().expect("wait for pyramid") {
        WaitStatus::Exited(_, code) => code,
        other => panic!("pyramid did not exit normally: {other:?}"),
    }
}

#[test]
fn answers_fifteen_questions_goes_back_once_and_shows_stage_and_focus() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut session = spawn(
        &[
            "test",
            "--lang",
            "en",
            "--save",
            "answers.yaml",
            "--respondent",
            "Tester",
        ],
        &[],
        dir.path(),
    );
    // Strategy: the top option (level 4) thrice, then the lowest for question 4.
    for n in 1..=3 {
        pick(&mut session, &format!("Question {n}/15 · Strategy"), 3);
    }
    pick(&mut session, "Question 4/15 · Strategy", 0);
    // Question 5 offers 4 options and then "back": go back to question 4 and
    // change its answer from the lowest to the top option.
    expect(&mut session, "Question 5/15 · Platform");
    expect(&mut session, "← Back to the previous question");
    choose(&mut session, 4);
    pick(&mut session, "Question 4/15 · Strategy", 3);
    for n in 5..=7 {
        pick(&mut session, &format!("Question {n}/15 · Platform"), 3);
    }
    for n in 8..=10 {
        pick(&mut session, &format!("Question {n}/15 · Traffic"), 3);
    }
    // Question 11 allows "don't know", listed after the four options.
    expect(&mut session, "Question 11/15 · Traffic");
    expect(&mut session, "Don't know");
    choose(&mut session, 4);
    for n in 12..=15 {
        pick(&mut session, &format!("Question {n}/15 · Conversion"), 0);
    }
    let screen = readable(&until_exit(&mut session));
    assert_eq!(exit_code(&session), 0);

    // Strategy, platform, traffic at 100, conversion at 0: the score (75)
    // reaches stage 3, but the balance rule holds it at one above conversion.
    assert!(
        screen.contains("Stage 2/4: Consciously incompetent"),
        "{screen}"
    );
    assert!(screen.contains("▶ Conversion"), "{screen}");
    assert!(screen.contains("The overall score is 75"), "{screen}");
    assert!(
        screen.contains("Conversion is at stage 1 and holds the result back, so the stage is 2"),
        "{screen}"
    );
    assert!(screen.contains("Traffic (1× don't know)"), "{screen}");
    assert!(
        screen.contains("Stage 2/4: Consciously incompetent · Score 75 · Focus: Conversion"),
        "the one-line summary: {screen}"
    );
    assert!(
        screen.contains("▶ Focus: Conversion · Next steps"),
        "{screen}"
    );
    assert!(
        screen.contains("[Plan] Decide the one action a visitor should take"),
        "{screen}"
    );

    let saved = std::fs::read_to_string(dir.path().join("answers.yaml")).expect("answers saved");
    let saved: serde_yaml::Value = serde_yaml::from_str(&saved).expect("answer file is YAML");
    assert_eq!(saved["respondent"].as_str(), Some("Tester"));
    assert_eq!(saved["bank"].as_str(), Some("pyramid"));
    let answers = &saved["answers"];
    assert_eq!(
        answers["strategy-ownership"].as_str(),
        Some("d"),
        "the changed answer is kept"
    );
    assert_eq!(answers["traffic-data"].as_str(), Some("dont_know"));
    assert_eq!(answers["conversion-improve"].as_str(), Some("a"));
    assert_eq!(answers.as_mapping().map(|m| m.len()), Some(15));
}

#[test]
fn dutch_from_the_locale_every_word_on_screen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut session = spawn(&["test"], &[("LANG", "nl_BE.UTF-8")], dir.path());
    expect(
        &mut session,
        "Digitale Groei Piramide · 15 vragen, ongeveer 5 minuten.",
    );
    expect(&mut session, "Vraag 1/15 · Strategie");
    expect(
        &mut session,
        "↑/↓ kiezen · Enter of een cijfertoets bevestigen · Esc of q stoppen",
    );
    choose(&mut session, 0);
    for n in 2..=15 {
        pick(&mut session, &format!("Vraag {n}/15 · "), 0);
    }
    let screen = readable(&until_exit(&mut session));
    assert_eq!(exit_code(&session), 0);
    assert!(screen.contains("Fase 1/4: Onbewust onbekwaam"), "{screen}");
    assert!(screen.contains("◀ hier staan jullie"), "{screen}");
    assert!(screen.contains("Waarom deze fase"), "{screen}");
    assert!(screen.contains("▶ Strategie"), "{screen}");
    assert!(
        !screen.contains("Stage") && !screen.contains("Question"),
        "English leaked: {screen}"
    );
}

#[test]
fn ctrl_c_restores_the_cursor_and_exits_130_without_saving() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut session = spawn(
        &["test", "--lang", "en", "--save", "answers.yaml"],
        &[],
        dir.path(),
    );
    for n in 1..=3 {
        pick(&mut session, &format!("Question {n}/15"), 1);
    }
    expect(&mut session, "Question 4/15");
    expect(&mut session, "← Back");
    std::thread::sleep(Duration::from_millis(150));
    session.send_control('c').expect("send Ctrl-C");
    let rest = until_exit(&mut session);
    assert_eq!(exit_code(&session), 130);
    assert!(
        rest.contains("\x1b[?25h"),
        "the cursor is shown again: {rest:?}"
    );
    let said = readable(&rest);
    assert!(
        said.contains(
            "Interrupted. Your 3 answers so far are saved; continue with: pyramid test --resume"
        ),
        "{said}"
    );
    // The answer file is written only for a finished test.
    assert!(!dir.path().join("answers.yaml").exists());
}

#[test]
fn escape_asks_before_quitting() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut session = spawn(&["test", "--lang", "en"], &[], dir.path());
    pick(&mut session, "Question 1/15", 0);
    expect(&mut session, "Question 2/15");
    expect(&mut session, "← Back");
    press(&mut session, &[ESC]);
    expect(&mut session, "Quit the self-test?");
    // "No" keeps the test going at the same question.
    press(&mut session, &[ENTER]);
    expect(&mut session, "Question 2/15");
    expect(&mut session, "← Back");
    press(&mut session, &["q"]);
    expect(&mut session, "Quit the self-test?");
    choose(&mut session, 1);
    let rest = readable(&until_exit(&mut session));
    assert_eq!(exit_code(&session), 130);
    assert!(
        rest.contains(
            "Self-test stopped. Your 1 answer so far is saved; continue with: pyramid test --resume"
        ),
        "{rest}"
    );
}

/// Scores files and returns each respondent's result without the name and
/// source.
fn scored_results(args: &[&str]) -> Vec<serde_json::Value> {
    let document = common::score_json(args);
    document["respondents"]
        .as_array()
        .expect("respondents")
        .iter()
        .map(|r| {
            let mut r = r.clone();
            let object = r.as_object_mut().expect("object");
            object.remove("respondent");
            object.remove("source");
            r
        })
        .collect()
}

#[test]
fn saved_answers_score_like_the_yaml_the_json_and_a_form_export() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut session = spawn(
        &["test", "--lang", "en", "--save", "saved.yaml"],
        &[],
        dir.path(),
    );
    // An's answers (tests/fixtures/answers/an.yaml): b c c b c c d c d c ? a a a b.
    for (n, downs) in [1, 2, 2, 1, 2, 2, 3, 2, 3, 2, 4, 0, 0, 0, 1]
        .into_iter()
        .enumerate()
    {
        pick(&mut session, &format!("Question {}/15", n + 1), downs);
    }
    let screen = readable(&until_exit(&mut session));
    assert_eq!(exit_code(&session), 0);
    assert!(
        screen.contains("Stage 2/4: Consciously incompetent"),
        "{screen}"
    );

    let root = env!("CARGO_MANIFEST_DIR");
    let yaml = format!("{root}/tests/fixtures/answers/an.yaml");
    let json = dir.path().join("an.json");
    let an: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(&yaml).expect("yaml")).expect("parse");
    std::fs::write(&json, serde_json::to_string(&an).expect("to JSON")).expect("write");
    let saved = dir.path().join("saved.yaml");

    let from_test = scored_results(&[saved.to_str().expect("path")]);
    assert_eq!(from_test.len(), 1);
    assert_eq!(from_test[0]["score"], 54);
    assert_eq!(scored_results(&[&yaml]), from_test, "YAML answer file");
    assert_eq!(
        scored_results(&[json.to_str().expect("path")]),
        from_test,
        "JSON answer file"
    );
    let export = scored_results(&[&format!(
        "{root}/tests/fixtures/forms/google-forms-nl-excel.csv"
    )]);
    assert_eq!(
        export[0], from_test[0],
        "An's row of the Dutch Excel form export"
    );
}

#[test]
fn number_keys_choose_at_once_and_the_key_help_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut session = spawn(
        &["test", "--lang", "en", "--save", "saved.yaml"],
        &[],
        dir.path(),
    );
    for (n, downs) in AN_DOWNS.into_iter().enumerate() {
        expect(&mut session, &format!("Question {}/15", n + 1));
        if n == 0 {
            expect(&mut session, "Enter or a number key choose");
            expect(&mut session, "1. ");
        }
        if n == 1 {
            // No seventh entry: the key does nothing.
            press(&mut session, &["7"]);
        }
        if n == 4 {
            // Question 5: four options, then 5 goes back to question 4,
            // whose answer is chosen again by its number.
            press(&mut session, &["5"]);
            expect(&mut session, "Question 4/15");
            press(&mut session, &[&(AN_DOWNS[3] + 1).to_string()]);
            expect(&mut session, "Question 5/15");
        }
        press(&mut session, &[&(downs + 1).to_string()]);
    }
    until_exit(&mut session);
    assert_eq!(exit_code(&session), 0);
    let saved = dir.path().join("saved.yaml");
    let root = env!("CARGO_MANIFEST_DIR");
    assert_eq!(
        common::answers_in(saved.to_str().expect("path")),
        common::answers_in(&format!("{root}/tests/fixtures/answers/an.yaml")),
        "number keys give An's answers"
    );
}

/// An's answers, as arrow-key presses per question (see `an.yaml`).
const AN_DOWNS: [usize; 15] = [1, 2, 2, 1, 2, 2, 3, 2, 3, 2, 4, 0, 0, 0, 1];

fn progress_file(dir: &Path) -> std::path::PathBuf {
    dir.join("state")
        .join("pyramid")
        .join("progress-pyramid.yaml")
}

/// The result screen, from its title on.
fn result_part(screen: &str) -> String {
    let start = screen
        .find("Digital Growth Pyramid · Result")
        .expect("a result screen");
    screen[start..].to_string()
}

#[test]
fn an_interrupted_test_resumes_and_ends_with_the_same_result() {
    // Uninterrupted, for comparison.
    let straight = tempfile::tempdir().expect("temp dir");
    let mut session = spawn(&["test", "--lang", "en"], &[], straight.path());
    for (n, downs) in AN_DOWNS.into_iter().enumerate() {
        pick(&mut session, &format!("Question {}/15", n + 1), downs);
    }
    let expected = result_part(&readable(&until_exit(&mut session)));
    assert_eq!(exit_code(&session), 0);

    // Interrupted at question 7, after six answers.
    let dir = tempfile::tempdir().expect("temp dir");
    let mut session = spawn(&["test", "--lang", "en"], &[], dir.path());
    for (n, downs) in AN_DOWNS.into_iter().enumerate().take(6) {
        pick(&mut session, &format!("Question {}/15", n + 1), downs);
    }
    expect(&mut session, "Question 7/15");
    expect(&mut session, "← Back");
    std::thread::sleep(Duration::from_millis(150));
    session.send_control('c').expect("Ctrl-C");
    let said = readable(&until_exit(&mut session));
    assert_eq!(exit_code(&session), 130);
    assert!(
        said.contains("Your 6 answers so far are saved; continue with: pyramid test --resume"),
        "{said}"
    );
    let saved = std::fs::read_to_string(progress_file(dir.path())).expect("progress kept");
    let saved: serde_yaml::Value = serde_yaml::from_str(&saved).expect("YAML");
    assert_eq!(saved["answers"].as_mapping().map(|m| m.len()), Some(6));

    // Resumed: straight to question 7; back to 6 (answer kept), then on.
    let mut session = spawn(&["test", "--lang", "en", "--resume"], &[], dir.path());
    expect(&mut session, "Question 7/15");
    expect(&mut session, "← Back");
    choose(&mut session, 5);
    expect(&mut session, "Question 6/15");
    // The earlier answer is highlighted, so Enter alone keeps it.
    expect(&mut session, "← Back");
    choose(&mut session, 0);
    for (n, downs) in AN_DOWNS.into_iter().enumerate().skip(6) {
        pick(&mut session, &format!("Question {}/15", n + 1), downs);
    }
    let resumed = result_part(&readable(&until_exit(&mut session)));
    assert_eq!(exit_code(&session), 0);
    assert_eq!(resumed, expected);
    assert!(
        !progress_file(dir.path()).exists(),
        "a finished test removes its progress"
    );
}

#[test]
fn a_target_adds_the_gaps_and_the_answers_to_move_first() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut session = spawn(
        &["test", "--lang", "en", "--target", "stage=3"],
        &[],
        dir.path(),
    );
    for (n, downs) in AN_DOWNS.into_iter().enumerate() {
        pick(&mut session, &format!("Question {}/15", n + 1), downs);
    }
    let screen = readable(&until_exit(&mut session));
    assert_eq!(exit_code(&session), 0);
    assert!(
        screen.contains("Conversion: score 8, stage 1; 43 points short of stage 3"),
        "{screen}"
    );
    assert!(
        screen.contains("Answers to move first • conversion-next-step: now"),
        "{screen}"
    );
}

#[test]
fn an_unfinished_test_asks_whether_to_resume_or_start_over() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut session = spawn(&["test", "--lang", "nl"], &[], dir.path());
    pick(&mut session, "Vraag 1/15", 3);
    pick(&mut session, "Vraag 2/15", 3);
    expect(&mut session, "Vraag 3/15");
    press(&mut session, &[ESC]);
    expect(&mut session, "Stoppen met de zelftest?");
    choose(&mut session, 1);
    let said = readable(&until_exit(&mut session));
    assert_eq!(exit_code(&session), 130);
    assert!(
        said.contains("Je 2 antwoorden tot nu toe zijn bewaard"),
        "{said}"
    );

    // Without --resume: asked; "continue" goes on at question 3.
    let mut session = spawn(&["test", "--lang", "nl"], &[], dir.path());
    expect(
        &mut session,
        "Er is een onafgemaakte zelftest gevonden (2 van 15 beantwoord).",
    );
    expect(&mut session, "Opnieuw beginnen");
    choose(&mut session, 0);
    expect(&mut session, "Vraag 3/15");
    std::thread::sleep(Duration::from_millis(150));
    session.send_control('c').expect("Ctrl-C");
    until_exit(&mut session);

    // Asked again; "start over" begins at question 1 with nothing kept.
    let mut session = spawn(&["test", "--lang", "nl"], &[], dir.path());
    expect(&mut session, "Opnieuw beginnen");
    choose(&mut session, 1);
    expect(&mut session, "Vraag 1/15");
    std::thread::sleep(Duration::from_millis(150));
    session.send_control('c').expect("Ctrl-C");
    let said = readable(&until_exit(&mut session));
    assert!(said.contains("Er is nog niets beantwoord."), "{said}");
}

#[test]
fn a_corrupt_progress_file_gives_a_warning_and_a_fresh_start() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = progress_file(dir.path());
    std::fs::create_dir_all(file.parent().expect("folder")).expect("folder");
    std::fs::write(&file, b"\x00\x01 not: [yaml").expect("write");
    let mut session = spawn(&["test", "--lang", "en", "--resume"], &[], dir.path());
    expect(&mut session, "Warning: the saved progress cannot be used");
    let kept = file.with_file_name("progress-pyramid.unusable-1.yaml");
    expect(&mut session, &format!("it is kept in {}", kept.display()));
    // The warning is still on the question screen, after it was cleared.
    let screen = decoded(
        &session
            .exp_string("Question 1/15")
            .expect("the first question"),
    );
    let after_clear = screen.rsplit("\x1b[2J").next().unwrap_or_default();
    assert!(after_clear.contains("it is kept in"), "{after_clear:?}");
    assert_eq!(
        std::fs::read(&kept).expect("kept aside"),
        b"\x00\x01 not: [yaml",
        "the unusable file is kept as it was"
    );
    // The first answer starts a new progress file.
    choose(&mut session, 2);
    expect(&mut session, "Question 2/15");
    expect(&mut session, "← Back");
    std::thread::sleep(Duration::from_millis(150));
    session.send_control('c').expect("Ctrl-C");
    until_exit(&mut session);
    let saved = std::fs::read_to_string(&file).expect("progress");
    assert!(saved.contains("strategy-role: c"), "{saved}");
}

#[test]
fn sigterm_restores_the_terminal_mode_and_exits_143() {
    stopped_by(nix::sys::signal::Signal::SIGTERM, 143);
}

#[test]
fn sighup_of_a_closed_terminal_keeps_the_answers_and_exits_129() {
    stopped_by(nix::sys::signal::Signal::SIGHUP, 129);
}

/// Sends `signal` to pyramid while it waits for a key in raw mode.
fn stopped_by(signal: nix::sys::signal::Signal, code: i32) {
    let dir = tempfile::tempdir().expect("temp dir");
    let binary = assert_cmd::cargo::cargo_bin!("pyramid");
    // A shell runs pyramid, then prints the terminal's mode after it exits.
    let script = format!(
        "echo \"shell=$$.\"; before=$(stty -g); '{}' test --lang en; echo \"exit=$?\"; \
         if [ \"$before\" = \"$(stty -g)\" ]; then echo mode=same; else echo mode=changed; fi; stty -a",
        binary.display()
    );
    let mut command = Command::new("sh");
    command
        .args(["-c", &script])
        .current_dir(dir.path())
        .env("XDG_STATE_HOME", dir.path().join("state"))
        .env("XDG_DATA_HOME", dir.path().join("data"))
        .env("NO_COLOR", "1")
        .env("TERM", "xterm");
    let mut session = spawn_command(command, Some(TIMEOUT_MS)).expect("spawn");
    let (_, shell) = session.exp_regex(r"shell=\d+").expect("shell pid");
    let shell: i32 = shell.trim_start_matches("shell=").parse().expect("pid");
    pick(&mut session, "Question 1/15", 1);
    expect(&mut session, "Question 2/15");
    expect(&mut session, "← Back");
    std::thread::sleep(Duration::from_millis(150));
    // pyramid is the shell's child, waiting for a key in raw mode.
    let children =
        std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children")).expect("children");
    let pyramid: i32 = children
        .split_whitespace()
        .next()
        .expect("pyramid runs")
        .parse()
        .expect("pid");
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(pyramid), signal).expect("signal");
    let rest = until_exit(&mut session);
    let said = readable(&rest);
    assert!(rest.contains("\x1b[?25h"), "cursor shown: {rest:?}");
    assert!(
        said.contains("Stopped. Your 1 answer so far is saved"),
        "{said}"
    );
    assert!(said.contains(&format!("exit={code}")), "{said}");
    assert!(
        progress_file(dir.path()).exists(),
        "the answer so far is kept"
    );
    // The terminal is in the mode it had before pyramid started: cooked.
    assert!(said.contains("mode=same"), "{said}");
    assert!(
        said.contains(" icanon") && !said.contains("-icanon"),
        "{said}"
    );
}

#[test]
fn the_social_model_asks_its_own_questions() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut session = spawn(
        &["test", "--model", "social", "--lang", "en"],
        &[],
        dir.path(),
    );
    expect(
        &mut session,
        "Social Business Maturity Matrix · 15 questions",
    );
    expect(&mut session, "Question 1/15 · Listening and research");
    expect(
        &mut session,
        "How do you know how your customers use social media?",
    );
    expect(&mut session, "Insights steer choices in every department");
    std::thread::sleep(Duration::from_millis(150));
    session.send_control('c').expect("Ctrl-C");
    until_exit(&mut session);
    assert_eq!(exit_code(&session), 130);
}

#[test]
fn a_bank_of_your_own_runs_the_self_test() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bank = format!(
        "{}/tests/fixtures/banks/three-stages.yaml",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut session = spawn(&["test", "--bank", &bank, "--lang", "en"], &[], dir.path());
    // Three stages, two pillars, four questions; the top option each time.
    for (n, pillar) in ["Shop", "Shop", "Service", "Service"]
        .into_iter()
        .enumerate()
    {
        pick(&mut session, &format!("Question {}/4 · {pillar}", n + 1), 2);
    }
    let screen = readable(&until_exit(&mut session));
    assert_eq!(exit_code(&session), 0);
    assert!(screen.contains("Webshop check · Result"), "{screen}");
    assert!(screen.contains("Stage 3/3: Champion"), "{screen}");
    assert!(screen.contains("/3\\ Champion ◀ you are here"), "{screen}");
}

#[test]
fn a_bank_in_a_fourth_language_runs_the_self_test_in_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bank = format!(
        "{}/tests/fixtures/banks/four-languages.yaml",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut session = spawn(&["test", "--bank", &bank, "--lang", "de"], &[], dir.path());
    // The questions and options in German; pyramid's own words in English.
    expect(&mut session, "Question 1/4 · Laden");
    expect(&mut session, "Wie viel des Sortiments ist online?");
    expect(&mut session, "Alles mit Lagerbestand");
    choose(&mut session, 2);
    pick(&mut session, "Question 2/4 · Laden", 2);
    pick(&mut session, "Question 3/4 · Kundendienst", 2);
    pick(&mut session, "Question 4/4 · Kundendienst", 2);
    let screen = readable(&until_exit(&mut session));
    assert_eq!(exit_code(&session), 0);
    assert!(screen.contains("Webshop-Check · Result"), "{screen}");
    assert!(screen.contains("Stage 3/3: Spitzenreiter"), "{screen}");
}

/// Runs pyramid's self-test with answers typed as lines (the plain prompt),
/// and gives the whole output.
fn typed_self_test(env: &[(&str, &str)], before: &str) -> (String, i32) {
    let dir = tempfile::tempdir().expect("temp dir");
    let binary = assert_cmd::cargo::cargo_bin!("pyramid");
    // The result as it is: in a two-row window it would go to a pager.
    let script = format!(
        "{before} exec '{}' test --lang en --no-pager",
        binary.display()
    );
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg(script)
        .env("XDG_STATE_HOME", dir.path().join("state"))
        .env("XDG_DATA_HOME", dir.path().join("data"))
        .env_remove("NO_COLOR")
        .env("TERM", "xterm");
    for (key, value) in env {
        command.env(key, value);
    }
    let mut session = spawn_command(command, Some(TIMEOUT_MS)).expect("spawn");
    // Everything read, to look for escape sequences in the whole session.
    let mut all = String::new();
    let mut read = |session: &mut PtySession, text: &str| {
        let before = session
            .exp_string(&as_read(text))
            .unwrap_or_else(|err| panic!("waiting for {text:?}: {err}"));
        all.push_str(&decoded(&before));
        all.push_str(text);
    };
    for n in 1..=15 {
        read(&mut session, &format!("Question {n}/15"));
        read(&mut session, "and Enter");
        // Out of range first: asked again, nothing chosen.
        session.send_line("9").expect("type");
        read(&mut session, "and Enter");
        session.send_line("2").expect("type");
    }
    all.push_str(&until_exit(&mut session));
    (all, exit_code(&session))
}

#[test]
fn a_dumb_terminal_gets_the_questions_line_by_line_without_escape_codes() {
    let (output, code) = typed_self_test(&[("TERM", "dumb")], "");
    assert_eq!(code, 0, "{output}");
    let escape = output.find('\x1b');
    assert_eq!(
        escape, None,
        "an escape sequence on a dumb terminal: {output:?}"
    );
    assert!(output.contains("  1) "), "numbered options: {output}");
    assert!(readable(&output).contains("Stage 2/4"), "{output}");
}

#[test]
fn a_window_of_two_rows_gets_the_line_by_line_test_not_a_panic() {
    let (output, code) = typed_self_test(&[], "stty rows 2 cols 80;");
    assert_eq!(code, 0, "{output}");
    assert!(!output.contains("panicked"), "{output}");
    assert!(readable(&output).contains("Stage 2/4"), "{output}");
}

#[test]
fn a_second_self_test_is_refused_while_the_first_runs() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut first = spawn(&["test", "--lang", "en"], &[], dir.path());
    expect(&mut first, "Question 1/15");
    choose(&mut first, 1);
    expect(&mut first, "Question 2/15");
    let mut second = spawn(&["test", "--lang", "en"], &[], dir.path());
    let output = readable(&until_exit(&mut second));
    assert_eq!(exit_code(&second), 2);
    assert!(
        output.contains("another self-test with these questions is running"),
        "{output}"
    );
    // The first one's answer is still there.
    let saved = std::fs::read_to_string(progress_file(dir.path())).expect("progress");
    assert!(saved.contains("strategy-role: b"), "{saved}");
    first.send_control('c').expect("Ctrl-C");
    until_exit(&mut first);
}

#[test]
fn saving_to_the_progress_file_itself_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = progress_file(dir.path());
    std::fs::create_dir_all(file.parent().expect("folder")).expect("folder");
    let mut session = spawn(
        &[
            "test",
            "--lang",
            "en",
            "--save",
            file.to_str().expect("path"),
        ],
        &[],
        dir.path(),
    );
    let output = readable(&until_exit(&mut session));
    assert_eq!(exit_code(&session), 2);
    assert!(
        output.contains("names the file where the self-test keeps its progress"),
        "{output}"
    );
}

#[test]
fn progress_from_changed_questions_is_not_resumed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = progress_file(dir.path());
    std::fs::create_dir_all(file.parent().expect("folder")).expect("folder");
    let saved = "# fingerprint: 0000000000000000\nrespondent: An\nbank: pyramid\nanswers:\n  strategy-role: d\n";
    std::fs::write(&file, saved).expect("write");
    let mut session = spawn(&["test", "--lang", "en", "--resume"], &[], dir.path());
    expect(
        &mut session,
        "the questions or options have changed since these answers were saved",
    );
    expect(&mut session, "Question 1/15");
    session.send_control('c').expect("Ctrl-C");
    until_exit(&mut session);
    let kept = file.with_file_name("progress-pyramid.unusable-1.yaml");
    assert_eq!(std::fs::read_to_string(kept).expect("kept"), saved);
}

#[test]
fn the_whole_self_test_runs_in_french_with_no_english_word() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut session = spawn(&["test", "--lang", "fr"], &[], dir.path());
    expect(&mut session, "15 questions, environ 5 minutes.");
    expect(&mut session, "Question 1/15 · Stratégie");
    expect(
        &mut session,
        "Quel rôle joue le site web dans votre organisation ?",
    );
    expect(
        &mut session,
        "↑/↓ choisir · Entrée ou un chiffre valider · Échap ou q arrêter",
    );
    choose(&mut session, AN_DOWNS[0]);
    for (n, downs) in AN_DOWNS.into_iter().enumerate().skip(1) {
        pick(&mut session, &format!("Question {}/15", n + 1), downs);
    }
    let screen = readable(&until_exit(&mut session));
    assert_eq!(exit_code(&session), 0);
    assert!(
        screen.contains("Pyramide de croissance numérique · Résultat"),
        "{screen}"
    );
    assert!(screen.contains("◀ vous êtes ici"), "{screen}");
    assert!(screen.contains("Prochaines étapes"), "{screen}");
    for english in ["Result", "Next steps", "you are here", "Stage "] {
        assert!(!screen.contains(english), "{english:?} in {screen}");
    }
}

#[test]
fn four_answer_sets_give_the_same_result_in_the_terminal_the_browser_and_answer_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mixed: [usize; 15] = std::array::from_fn(|n| (n * 3 + 1) % 4);
    let sets: [(&str, [usize; 15]); 4] = [
        ("An", AN_DOWNS),
        ("Low", [0; 15]),
        ("High", [3; 15]),
        ("Mixed", mixed),
    ];
    let questions = common::question_ids();
    // An option n places down is key a, b, c, d; one more is don't know.
    let key = |downs: usize| ["a", "b", "c", "d", "dont_know"][downs].to_string();

    // 1. The terminal self-test, each set saved as it ends.
    let mut screens = Vec::new();
    let mut saved = Vec::new();
    for (name, downs) in &sets {
        let file = format!("{name}-terminal.yaml");
        let mut session = spawn(&["test", "--lang", "en", "--save", &file], &[], dir.path());
        for (n, down) in downs.iter().enumerate() {
            pick(&mut session, &format!("Question {}/15", n + 1), *down);
        }
        screens.push(readable(&until_exit(&mut session)));
        assert_eq!(exit_code(&session), 0);
        saved.push(dir.path().join(file).display().to_string());
    }

    // 2. The same answers in the browser, one campaign.
    let db = common::server::campaign(dir.path(), "Four");
    let server = common::server::Server::start(&db);
    let link = server.links["Four"].clone();
    let mut pages = Vec::new();
    for (name, downs) in &sets {
        let answers: Vec<(usize, String)> = downs
            .iter()
            .enumerate()
            .map(|(n, down)| (n + 1, key(*down)))
            .collect();
        let mut browser = common::server::answer_all(&server, &link, name, &answers);
        let result = browser.get(&format!("{link}/result?lang=en"));
        assert_eq!(result.status, 200);
        pages.push(readable(&result.body));
    }

    // 3. The same answers as answer files written by hand.
    let mut files = Vec::new();
    for (name, downs) in &sets {
        let mut yaml = format!("respondent: {name}\nbank: pyramid\nanswers:\n");
        for (question, down) in questions.iter().zip(downs) {
            yaml.push_str(&format!("  {question}: {}\n", key(*down)));
        }
        let path = dir.path().join(format!("{name}.yaml"));
        std::fs::write(&path, yaml).expect("written");
        files.push(path.display().to_string());
    }

    let with_lang = |mut args: Vec<&str>| {
        args.extend(["--lang", "en"]);
        scored_results(&args)
    };
    let from_files = with_lang(files.iter().map(String::as_str).collect());
    let from_terminal = with_lang(saved.iter().map(String::as_str).collect());
    let db_arg = db.display().to_string();
    let from_browser = with_lang(vec!["--db", &db_arg, "--campaign", "Four"]);
    assert_eq!(from_files.len(), 4);
    assert_eq!(from_terminal, from_files, "the terminal's saved answers");
    assert_eq!(from_browser, from_files, "the browser's stored answers");
    let stages: Vec<&serde_json::Value> = from_files.iter().map(|r| &r["stage"]).collect();
    assert!(
        stages.windows(2).any(|pair| pair[0] != pair[1]),
        "the four sets reach different stages: {stages:?}"
    );
    // And the result each person saw says the stage that score gives.
    for (n, scored) in from_files.iter().enumerate() {
        let line = match scored["stage"].as_u64() {
            Some(stage) => format!(
                "Stage {stage}/4: {}",
                scored["stage_name"].as_str().expect("a name")
            ),
            None => "Not enough answers".to_string(),
        };
        assert!(
            screens[n].contains(&line),
            "terminal {n}: {line}\n{}",
            screens[n]
        );
        assert!(
            pages[n].contains(&line),
            "browser {n}: {line}\n{}",
            pages[n]
        );
    }
}

#[test]
fn every_finished_self_test_is_kept_and_compare_takes_the_last_two() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("history.sqlite");
    let db_text = db.display().to_string();
    let env = [("PYRAMID_DB", db_text.as_str())];
    // An's answers, then the same a quarter later with two conversion
    // answers raised (to c, two places further down).
    let mut later = AN_DOWNS;
    later[11] = 2;
    later[12] = 2;
    // The second also with --color always, over NO_COLOR.
    for (downs, color) in [(AN_DOWNS, "auto"), (later, "always")] {
        let args = ["test", "--lang", "en", "--color", color];
        let mut session = spawn(&args, &env, dir.path());
        for (n, down) in downs.iter().enumerate() {
            pick(&mut session, &format!("Question {}/15", n + 1), *down);
        }
        let raw = until_exit(&mut session);
        assert_eq!(exit_code(&session), 0);
        let cyan = raw.contains("\x1b[36m");
        assert_eq!(cyan, color == "always", "--color {color}: coloured {cyan}");
        let screen = readable(&raw);
        assert!(
            screen.contains("kept in your history as self-test"),
            "{screen}"
        );
    }
    let history = common::json(&["history", "--db", &db_text, "--lang", "en"]);
    let kept = history["self_tests"].as_array().expect("a list");
    assert_eq!(kept.len(), 2, "{history}");
    assert_eq!(kept[0]["number"], 1);
    assert_eq!(kept[0]["pyramid"], env!("CARGO_PKG_VERSION"));
    assert!(
        kept[1]["taken_at"]
            .as_str()
            .is_some_and(|d| d.ends_with('Z'))
    );
    // The first scores as An's answer file does.
    let an = common::score_json(&["tests/fixtures/answers/an.yaml", "--lang", "en"]);
    assert_eq!(kept[0]["score"], an["respondents"][0]["score"]);
    assert_eq!(kept[0]["stage"], an["respondents"][0]["stage"]);

    // No arguments: the last two, in order.
    let compared = common::pyramid()
        .args(["compare", "--lang", "en", "--format", "json"])
        .env("PYRAMID_DB", &db)
        .output()
        .expect("runs");
    assert!(
        compared.status.success(),
        "{}",
        String::from_utf8_lossy(&compared.stderr)
    );
    let document: serde_json::Value = serde_json::from_slice(&compared.stdout).expect("JSON");
    let text = document.to_string();
    assert!(
        text.contains("self-test:1") && text.contains("self-test:2"),
        "{text}"
    );
    let explicit = common::pyramid()
        .args([
            "compare",
            "self-test:1",
            "self-test:2",
            "--lang",
            "en",
            "--format",
            "json",
        ])
        .env("PYRAMID_DB", &db)
        .output()
        .expect("runs");
    assert_eq!(explicit.stdout, compared.stdout);
}

#[test]
fn score_at_a_terminal_without_a_file_says_it_reads_standard_input() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut session = spawn(&["score", "--lang", "en"], &[], dir.path());
    expect(&mut session, "reading answers from standard input");
    expect(&mut session, "end with Ctrl-D");
    // Ctrl-C ends the wait (the pseudo-terminal is not in line mode, so
    // Ctrl-D is not an end of file here).
    press(&mut session, &["\x03"]);
    until_exit(&mut session);
    assert_eq!(exit_code(&session), 130);
}

#[test]
fn below_sixty_columns_tables_are_lists_that_fit_the_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let team = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/plain-ids.csv");
    for (columns, list) in [(50, true), (60, false)] {
        let args = ["score", team, "--lang", "en"];
        let mut session = spawn_in_window(&args, &[], dir.path(), columns);
        let raw = until_exit(&mut session);
        assert_eq!(exit_code(&session), 0, "{raw}");
        let lines: Vec<&str> = raw.split("\r\n").collect();
        let widest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
        assert!(
            widest <= usize::from(columns),
            "{columns} columns, a line of {widest}:\n{raw}"
        );
        assert_eq!(raw.contains('┌'), !list, "{columns} columns:\n{raw}");
        if list {
            let an = lines
                .iter()
                .position(|l| *l == "An Peeters")
                .expect("An's entry");
            assert_eq!(lines[an + 1], "  Strategy: 50 · 2", "{raw}");
            assert_eq!(lines[an + 5], "  Overall: 54 · 2", "{raw}");
        }
    }
}

#[test]
fn a_result_taller_than_the_terminal_goes_through_the_pager() {
    for (pager, through) in [(true, true), (false, false)] {
        let dir = tempfile::tempdir().expect("temp dir");
        // A pager that keeps what it is given.
        let pager_env = [("PAGER", "tee paged.txt")];
        let mut args = vec!["test", "--lang", "en"];
        if !pager {
            args.push("--no-pager");
        }
        let mut session = spawn_sized(&args, &pager_env, dir.path());
        for (n, down) in AN_DOWNS.iter().enumerate() {
            pick(&mut session, &format!("Question {}/15", n + 1), *down);
        }
        let screen = readable(&until_exit(&mut session));
        assert_eq!(exit_code(&session), 0);
        assert!(screen.contains("Stage 2/4"), "{screen}");
        let paged = std::fs::read_to_string(dir.path().join("paged.txt"));
        assert_eq!(paged.is_ok(), through, "--no-pager: {}", !pager);
        if let Ok(paged) = paged {
            assert!(
                paged.contains("Stage 2/4: Consciously incompetent"),
                "{paged}"
            );
        }
    }
}

/// CSV and JSON write values as given, but not onto a terminal: there a
/// name's escape codes and overrides are written out, as the table writes
/// them, and the screen is not cleared. Into a pipe they stay as given.
#[test]
fn a_name_s_escape_codes_reach_a_terminal_written_out_in_every_format() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plain = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/forms/plain-ids.csv"
    ))
    .expect("fixture");
    let mut lines = plain.lines();
    let header = lines.next().expect("header");
    let answers = lines
        .next()
        .expect("a row")
        .split_once(',')
        .expect("cells")
        .1;
    let name = "Mal\x1b[2J\u{202e}\u{85}lory";
    let team = dir.path().join("team.csv");
    std::fs::write(&team, format!("{header}\n{name},{answers}\n")).expect("written");
    let team = team.display().to_string();
    for format in ["csv", "json", "markdown", "table"] {
        let args = ["score", team.as_str(), "--lang", "en", "--format", format];
        let mut session = spawn(&args, &[], dir.path());
        let screen = until_exit(&mut session);
        assert_eq!(exit_code(&session), 0, "{format}: {screen}");
        // JSON escapes the escape character itself; Markdown escapes the
        // backslashes and brackets too; the table wraps the long name.
        let shown = match format {
            "csv" => r"Mal\x1b[2J\u{202e}\u{85}lory",
            "json" => r"Mal\u001b[2J\u{202e}\u{85}lory",
            "markdown" => r"Mal\\x1b\[2J\\u{202e}\\u{85}lory",
            _ => r"Mal\x1b[2J\u{202e}",
        };
        assert!(screen.contains(shown), "{format}: {screen:?}");
        assert!(!screen.contains('\x1b'), "{format}: {screen:?}");
        assert!(!screen.contains('\u{202e}'), "{format}: {screen:?}");
        if format == "csv" || format == "json" {
            let piped = common::pyramid().args(args).output().expect("runs");
            let piped = String::from_utf8(piped.stdout).expect("UTF-8");
            let as_given = if format == "json" {
                "Mal\\u001b[2J\u{202e}\u{85}lory"
            } else {
                name
            };
            assert!(piped.contains(as_given), "{format}: {piped:?}");
        }
    }
}

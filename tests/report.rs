//! `pyramid report`: the HTML and its SVG charts, checked by parsing them
//! (the report is well-formed XHTML), and rendered in headless Chromium.

mod common;

use common::pyramid;
use predicates::prelude::*;
use roxmltree::{Document, Node, ParsingOptions};
use std::path::{Path, PathBuf};

const AN: &str = "tests/fixtures/answers/an.yaml";
const TEAM: &str = "tests/fixtures/forms/google-forms-nl.csv";
const CENTRE: f64 = 210.0;
const RADIUS: f64 = 150.0;

fn report(dir: &Path, name: &str, args: &[&str]) -> (PathBuf, String) {
    let out = dir.join(name);
    pyramid()
        .arg("report")
        .args(args)
        .arg("--output")
        .arg(&out)
        .assert()
        .success();
    let html = std::fs::read_to_string(&out).expect("report written");
    (out, html)
}

fn parse(html: &str) -> Document<'_> {
    let options = ParsingOptions {
        allow_dtd: true,
        ..ParsingOptions::default()
    };
    Document::parse_with_options(html, options).expect("the report is well-formed XHTML")
}

fn has_class(node: &Node, class: &str) -> bool {
    node.attribute("class")
        .is_some_and(|c| c.split(' ').any(|c| c == class))
}

fn find<'a, 'i>(doc: &'a Document<'i>, tag: &str, class: &str) -> Vec<Node<'a, 'i>> {
    doc.descendants()
        .filter(|n| n.tag_name().name() == tag && has_class(n, class))
        .collect()
}

/// The distance of each point of a polygon from the radar's centre.
fn radii(polygon: &Node) -> Vec<f64> {
    polygon
        .attribute("points")
        .expect("points")
        .split(' ')
        .map(|pair| {
            let (x, y) = pair.split_once(',').expect("x,y");
            let (x, y): (f64, f64) = (x.parse().expect("x"), y.parse().expect("y"));
            ((x - CENTRE).powi(2) + (y - CENTRE).powi(2)).sqrt()
        })
        .collect()
}

fn assert_radii(polygon: &Node, scores: &[f64]) {
    let found = radii(polygon);
    assert_eq!(found.len(), scores.len());
    for (radius, score) in found.iter().zip(scores) {
        assert!(
            (radius - RADIUS * score / 100.0).abs() < 0.2,
            "{radius} for score {score}"
        );
    }
}

fn text_of(node: &Node) -> String {
    node.descendants()
        .filter(Node::is_text)
        .filter_map(|n| n.text())
        .collect::<String>()
}

#[test]
fn a_persons_report_is_self_contained_and_draws_the_scores() {
    let dir = tempfile::tempdir().expect("temp dir");
    let later = common::an_later(dir.path());
    let (_, html) = report(dir.path(), "an.html", &[&later, "--previous", AN]);
    let doc = parse(&html);
    assert_eq!(doc.root_element().attribute("lang"), Some("en"));
    // Self-contained: no scripts, no external files.
    for node in doc.descendants() {
        assert_ne!(node.tag_name().name(), "script");
        assert!(
            node.attribute("src").is_none() && node.attribute("href").is_none(),
            "{node:?}"
        );
    }
    let card = &find(&doc, "section", "stage-card")[0];
    assert!(
        text_of(card).starts_with("Stage 3/4: Consciously competent"),
        "{}",
        text_of(card)
    );
    // The pyramid marks stage 3.
    let here = &find(&doc, "polygon", "here");
    assert_eq!(here.len(), 1);
    // The radar: one axis per pillar, scores 50, 78, 75, 42 now, 50, 78, 78, 8 before.
    assert_eq!(find(&doc, "line", "axis").len(), 4);
    assert_radii(
        &find(&doc, "polygon", "score")[0],
        &[50.0, 78.0, 75.0, 42.0],
    );
    assert_radii(
        &find(&doc, "polygon", "previous")[0],
        &[50.0, 78.0, 78.0, 8.0],
    );
    // Rings at the thresholds 18, 51, 84 and at 100.
    let rings: Vec<f64> = find(&doc, "polygon", "ring")
        .iter()
        .map(|r| radii(r)[0])
        .collect();
    assert_eq!(rings.len(), 4);
    assert!((rings[1] - RADIUS * 0.51).abs() < 0.2);
    // The table: four pillars and the overall row, with the change.
    let table = &find(&doc, "table", "pillars")[0];
    let rows: Vec<Node> = table
        .descendants()
        .filter(|n| n.tag_name().name() == "tr")
        .collect();
    assert_eq!(rows.len(), 6, "header, 4 pillars, overall");
    assert!(text_of(&rows[4]).contains("+34 ↑"), "{}", text_of(&rows[4]));
    assert!(text_of(&find(&doc, "section", "focus")[0]).contains("Focus: Conversion · Next steps"));
    assert!(text_of(&find(&doc, "section", "changes")[0]).contains("conversion-rate: a · 1"));
}

#[test]
fn a_teams_report_shows_the_spread_and_the_distribution() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (_, html) = report(dir.path(), "team.html", &[TEAM, "--lang", "nl"]);
    let doc = parse(&html);
    assert_eq!(doc.root_element().attribute("lang"), Some("nl"));
    assert!(text_of(&doc.root_element()).contains("Team van 3 respondenten"));
    // The band: max scores 83, 78, 78, 67 and min scores 17, 11, 33, 8.
    assert_radii(
        &find(&doc, "polygon", "band-max")[0],
        &[83.0, 78.0, 78.0, 67.0],
    );
    assert_radii(
        &find(&doc, "polygon", "band-min")[0],
        &[17.0, 11.0, 33.0, 8.0],
    );
    assert_radii(
        &find(&doc, "polygon", "score")[0],
        &[50.0, 52.0, 54.0, 36.0],
    );
    let distribution = text_of(&find(&doc, "section", "distribution")[0]);
    assert!(
        distribution.contains("2 Bewust onbekwaam: 2 (67%)"),
        "{distribution}"
    );
    assert!(!find(&doc, "section", "disagreement").is_empty());
}

#[test]
fn a_target_is_drawn_at_its_thresholds_and_planned_for() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (_, html) = report(
        dir.path(),
        "an.html",
        &[AN, "--target", "stage=2,conversion=3"],
    );
    let doc = parse(&html);
    // Stage 2 starts at 18, stage 3 at 51.
    assert_radii(
        &find(&doc, "polygon", "target")[0],
        &[18.0, 18.0, 18.0, 51.0],
    );
    let target = text_of(&find(&doc, "section", "target")[0]);
    assert!(
        target.contains("Conversion: score 8, stage 1; 43 points short of stage 3"),
        "{target}"
    );
    assert!(text_of(&find(&doc, "section", "moves")[0]).contains("conversion-next-step"));
}

#[test]
fn a_respondent_named_like_markup_shows_as_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plain = std::fs::read_to_string("tests/fixtures/forms/plain-ids.csv").expect("fixture");
    let one: Vec<&str> = plain.lines().take(2).collect();
    let hostile = one.join("\n").replacen(
        "An Peeters",
        "\"<script>alert('x')</script> & <b>An</b>\"",
        1,
    );
    let input = dir.path().join("hostile.csv");
    std::fs::write(&input, hostile).expect("write");
    let (_, html) = report(dir.path(), "hostile.html", &[input.to_str().expect("path")]);
    assert!(!html.contains("<script>") && !html.contains("<b>An"));
    let doc = parse(&html);
    assert!(
        doc.descendants()
            .all(|n| n.tag_name().name() != "script" && n.tag_name().name() != "b")
    );
    let subject = doc
        .descendants()
        .find(|n| has_class(n, "subject"))
        .expect("subject");
    assert_eq!(text_of(&subject), "<script>alert('x')</script> & <b>An</b>");
}

#[test]
fn a_report_that_cannot_be_made_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("report.html");
    pyramid()
        .args(["report", "no-such-file.yaml", "--output"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read no-such-file.yaml"));
    assert!(!out.exists());
    pyramid()
        .args(["report", AN])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--output"));
}

const QUARTERS: [&str; 3] = [
    "examples/an-q2.yaml",
    "examples/an-q3.yaml",
    "examples/an-q4.yaml",
];

/// The trend's lines (a pillar each, then overall) as their names and the
/// scores their points stand for, read back from the drawing.
fn trend_lines(doc: &Document) -> Vec<(String, Vec<f64>)> {
    let svg = find(doc, "svg", "trend");
    assert_eq!(svg.len(), 1, "one trend chart");
    svg[0]
        .descendants()
        .filter(|n| has_class(n, "line"))
        .map(|line| {
            let name = line
                .children()
                .find(|n| n.tag_name().name() == "title")
                .map(|n| text_of(&n))
                .expect("a title");
            let polyline = line
                .children()
                .find(|n| n.tag_name().name() == "polyline")
                .expect("a polyline");
            let points: Vec<(f64, f64)> = polyline
                .attribute("points")
                .expect("points")
                .split(' ')
                .map(|pair| {
                    let (x, y) = pair.split_once(',').expect("x,y");
                    (x.parse().expect("x"), y.parse().expect("y"))
                })
                .collect();
            assert!(
                points.windows(2).all(|w| w[0].0 < w[1].0),
                "{name}: oldest on the left"
            );
            // The plot is 240 high from y = 12: 100 at the top, 0 below.
            let scores = points.iter().map(|(_, y)| (252.0 - y) / 2.4).collect();
            (name, scores)
        })
        .collect()
}

/// Each path's scores as `score` gives them: the pillars, then overall.
fn scores_of(path: &str) -> Vec<f64> {
    let scored = common::score_json(&[path, "--lang", "en"]);
    let one = &scored["respondents"][0];
    let mut scores: Vec<f64> = one["pillars"]
        .as_array()
        .expect("pillars")
        .iter()
        .map(|p| p["score"].as_f64().expect("a score"))
        .collect();
    scores.push(one["score"].as_f64().expect("a score"));
    scores
}

/// The trend as the drawing and the table say it, checked against the
/// scores `score` gives for each of `paths` (oldest first); returns the
/// table's first column.
fn assert_trend(html: &str, paths: &[&str]) -> Vec<String> {
    let doc = parse(html);
    let expected: Vec<Vec<f64>> = paths.iter().map(|p| scores_of(p)).collect();
    let lines = trend_lines(&doc);
    assert_eq!(lines.len(), 5, "four pillars and overall");
    assert_eq!(lines[4].0, "Overall");
    for (n, (name, drawn)) in lines.iter().enumerate() {
        let wanted: Vec<f64> = expected.iter().map(|scores| scores[n]).collect();
        assert_eq!(drawn.len(), wanted.len(), "{name}");
        for (d, w) in drawn.iter().zip(&wanted) {
            assert!(
                (d - w).abs() < 0.1,
                "{name}: drawn {drawn:?}, scored {wanted:?}"
            );
        }
    }
    let table = find(&doc, "table", "trend");
    assert_eq!(table.len(), 1);
    let rows: Vec<Node> = table[0]
        .descendants()
        .filter(|n| n.tag_name().name() == "tr")
        .skip(1)
        .collect();
    assert_eq!(rows.len(), paths.len());
    rows.iter()
        .zip(&expected)
        .map(|(row, scores)| {
            let cells: Vec<String> = row
                .children()
                .filter(|n| n.is_element())
                .map(|n| text_of(&n))
                .collect();
            let overall = scores[4].to_string();
            assert_eq!(cells[5], overall, "{cells:?}");
            cells[0].clone()
        })
        .collect()
}

#[test]
fn three_assessments_or_more_draw_the_trend_oldest_first() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (_, html) = report(
        dir.path(),
        "trend.html",
        &[
            QUARTERS[2],
            "--previous",
            QUARTERS[0],
            "--previous",
            QUARTERS[1],
            "--lang",
            "en",
        ],
    );
    let labels = assert_trend(&html, &QUARTERS);
    assert_eq!(
        labels,
        [
            "1 · examples/an-q2.yaml",
            "2 · examples/an-q3.yaml",
            "3 · examples/an-q4.yaml"
        ]
    );
    // The last one before is still the one compared with.
    let (_, two) = report(
        dir.path(),
        "two.html",
        &[QUARTERS[2], "--previous", QUARTERS[1], "--lang", "en"],
    );
    let doc = parse(&two);
    assert!(find(&doc, "svg", "trend").is_empty(), "two make no trend");
    assert_eq!(
        find(&parse(&html), "polygon", "previous")[0].attribute("points"),
        find(&doc, "polygon", "previous")[0].attribute("points"),
    );
}

#[test]
fn with_no_path_the_report_is_your_self_tests_with_the_trend() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("history.sqlite");
    let store = pyramid::store::Store::open(&db).expect("a database");
    let keep = |model: &str, path: &str| {
        let answers = common::answers_in(path);
        let pairs: Vec<(&str, &str)> = answers
            .iter()
            .map(|(q, a)| (q.as_str(), a.as_str()))
            .collect();
        let test = pyramid::store::self_tests::NewSelfTest {
            version: "0.1.0",
            model,
            bank_yaml: None,
            respondent: "An Peeters",
            lang: "en",
            answers: &pairs,
        };
        store.keep_self_test(&test).expect("kept");
    };
    keep("pyramid", QUARTERS[0]);
    // Another model's self-test is not part of this one's trend.
    keep("social", QUARTERS[0]);
    keep("pyramid", QUARTERS[1]);
    keep("pyramid", QUARTERS[2]);
    drop(store);
    let out = dir.path().join("mine.html");
    pyramid()
        .args(["report", "--lang", "en", "--output"])
        .arg(&out)
        .env("PYRAMID_DB", &db)
        .assert()
        .success();
    let html = std::fs::read_to_string(&out).expect("written");
    let labels = assert_trend(&html, &QUARTERS);
    for (label, number) in labels.iter().zip(["1", "3", "4"]) {
        let start = format!("self-test:{number} · 20");
        assert!(label.contains(&start), "{label}");
    }
    // An empty history says what to do, and writes nothing.
    let empty = dir.path().join("empty.sqlite");
    let none = dir.path().join("none.html");
    pyramid()
        .args(["report", "--lang", "en", "--db"])
        .arg(&empty)
        .arg("--output")
        .arg(&none)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no self-test with this model"));
    assert!(!none.exists());
}

#[test]
fn a_report_takes_at_most_eleven_earlier_assessments() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("report.html");
    let mut args = vec!["report", QUARTERS[2], "--lang", "en"];
    for _ in 0..12 {
        args.extend(["--previous", QUARTERS[0]]);
    }
    pyramid()
        .args(&args)
        .arg("--output")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "12 earlier assessments named with --previous; a report takes at most 11",
        ));
    assert!(!out.exists());
    args.truncate(args.len() - 2);
    report(dir.path(), "eleven.html", &args[1..]);
    pyramid()
        .args([
            "report",
            "--previous",
            QUARTERS[0],
            "--lang",
            "en",
            "--output",
        ])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--previous needs the current assessment",
        ));
}

/// Renders a report in headless Chromium and checks the picture is not
/// blank. Needs Debian's `chromium`: `.ci/run` installs it and runs this
/// with `--ignored`; a plain `cargo test` lists it as ignored.
#[test]
#[ignore = "needs chromium: run with `cargo test --test report -- --ignored`"]
fn the_report_renders_in_headless_chromium() {
    let chromium = ["chromium", "chromium-browser"]
        .into_iter()
        .find(|name| {
            std::process::Command::new(name)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
        .expect("chromium is not installed: apt-get install chromium");
    let dir = tempfile::tempdir().expect("temp dir");
    let later = common::an_later(dir.path());
    let (html, _) = report(
        dir.path(),
        "an.html",
        &[&later, "--previous", AN, "--target", "stage=3"],
    );
    let png = dir.path().join("an.png");
    let status = std::process::Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--window-size=900,1500",
        ])
        .arg(format!(
            "--user-data-dir={}",
            dir.path().join("profile").display()
        ))
        .arg(format!("--screenshot={}", png.display()))
        .arg(format!("file://{}", html.display()))
        .stderr(std::process::Stdio::null())
        .status()
        .expect("chromium runs");
    assert!(status.success(), "chromium failed");
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(&png).expect("screenshot"),
    ));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut pixels = vec![0; reader.output_buffer_size().expect("size")];
    let frame = reader.next_frame(&mut pixels).expect("pixels");
    assert_eq!((frame.width, frame.height), (900, 1500));
    let bytes = &pixels[..frame.buffer_size()];
    let step = frame.color_type.samples();
    let mut colours = std::collections::HashSet::new();
    let mut inked = 0usize;
    for pixel in bytes.chunks(step) {
        colours.insert(pixel[..3].to_vec());
        if pixel[..3].iter().any(|&c| c < 200) {
            inked += 1;
        }
    }
    let total = bytes.len() / step;
    assert!(
        colours.len() > 50,
        "only {} colours: a blank page?",
        colours.len()
    );
    assert!(
        inked * 100 / total >= 3,
        "only {inked} of {total} pixels drawn"
    );
    // Kept for the README's screenshot.
    let keep = Path::new(env!("CARGO_TARGET_TMPDIR")).join("report.png");
    std::fs::copy(&png, keep).expect("keep the screenshot");
}

//! The organiser's pages of `pyramid serve` over real HTTP: the live team
//! view and the downloads give what `pyramid score` and `pyramid report`
//! give for the campaign; campaigns are created, closed and erased in the
//! browser; the QR code holds the link; the presenter view reveals the
//! team's pyramid.

mod common;

use common::browser::{Browser, csrf};
use common::server::{Server, answer_all, campaign, fixture_answers, numbered};
use std::path::Path;

/// Three respondents finished (An and Jan from the fixtures, Els with
/// every answer `c`) and one still answering.
fn team_answered(server: &Server, link: &str) {
    let els: Vec<(usize, String)> = (1..=15).map(|n| (n, "c".to_string())).collect();
    for (name, answers) in [
        ("An Peeters", numbered(fixture_answers("an"))),
        ("Jan De Smet", numbered(fixture_answers("jan"))),
        ("Els", els),
    ] {
        let mut browser = answer_all(server, link, name, &answers);
        assert_eq!(browser.get(&format!("{link}/result")).status, 200);
    }
    answer_all(server, link, "Still busy", &[(1, "a".to_string())]);
}

/// `pyramid ARGS` run on the campaign's file: its standard output.
fn pyramid(db: &Path, args: &[&str]) -> String {
    let output = common::pyramid()
        .args(args)
        .arg("--db")
        .arg(db)
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// The organiser's browser, logged in with the admin link.
fn organiser(server: &Server) -> Browser {
    let mut organiser = Browser::new(&server.base);
    assert_eq!(organiser.get(&server.admin).status, 303);
    organiser
}

#[test]
fn the_team_view_and_downloads_give_what_score_and_report_give() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = campaign(dir.path(), "Team Q4");
    let server = Server::start(&db);
    let link = server.links["Team Q4"].clone();
    team_answered(&server, &link);
    let mut organiser = organiser(&server);
    let admin = format!("/admin{link}");

    let view = organiser.get(&admin);
    assert_eq!(view.status, 200);
    assert!(
        view.body
            .contains("3 respondents finished, 1 still answering"),
        "{}",
        view.body
    );
    // Every cell of `score --summary --rows` is on the page, in its table.
    let markdown = pyramid(
        &db,
        &[
            "score",
            "--campaign",
            "Team Q4",
            "--summary",
            "--rows",
            "--format",
            "markdown",
            "--lang",
            "en",
        ],
    );
    let mut cells = 0;
    for line in markdown
        .lines()
        .filter(|l| l.starts_with("| ") && !l.contains("---"))
    {
        for cell in line.trim_matches('|').split(" | ") {
            let cell = cell.trim().replace('\\', "");
            assert!(
                view.body.contains(&format!(">{cell}</t")),
                "{cell:?} of `score` is not a cell of the team view:\n{}",
                view.body
            );
            cells += 1;
        }
    }
    assert!(cells > 40, "{markdown}");
    for respondent in ["An Peeters", "Jan De Smet", "Els"] {
        assert!(
            view.body
                .contains(&format!("<th scope=\"row\">{respondent}</th>"))
        );
    }
    assert!(
        !view.body.contains("Still busy"),
        "unfinished are not scored"
    );

    let download = |organiser: &mut Browser, file: &str| {
        let page = organiser.get(&format!("{admin}/{file}"));
        assert_eq!(page.status, 200, "{file}");
        assert!(
            page.headers
                .get("content-disposition")
                .is_some_and(|d| d.contains(file)),
            "{file}: {:?}",
            page.headers
        );
        page.body
    };
    let csv = download(&mut organiser, "scores.csv");
    assert_eq!(
        csv,
        pyramid(
            &db,
            &[
                "score",
                "--campaign",
                "Team Q4",
                "--format",
                "csv",
                "--lang",
                "en"
            ]
        )
    );
    assert_eq!(csv.lines().count(), 4, "{csv}");
    let json = download(&mut organiser, "scores.json");
    assert_eq!(
        json,
        pyramid(
            &db,
            &[
                "score",
                "--campaign",
                "Team Q4",
                "--summary",
                "--rows",
                "--format",
                "json",
                "--lang",
                "en"
            ]
        )
    );
    let report = download(&mut organiser, "report.html");
    let file = dir.path().join("report.html");
    let file_arg = file.display().to_string();
    pyramid(
        &db,
        &[
            "report",
            "campaign:Team Q4",
            "--output",
            &file_arg,
            "--lang",
            "en",
        ],
    );
    assert_eq!(report, std::fs::read_to_string(&file).expect("report"));
    assert!(report.contains("Team of 3"), "a team report");

    // None of it for a respondent, nor without the token.
    let mut stranger = Browser::new(&server.base);
    for file in [
        "",
        "/scores.csv",
        "/scores.json",
        "/report.html",
        "/qr.svg",
        "/present",
    ] {
        assert_eq!(
            stranger.get(&format!("{admin}{file}")).status,
            403,
            "{file}"
        );
    }
}

/// The dark modules of the QR code the server draws, read back into an
/// image, and decoded as a phone would.
fn decoded(svg: &str) -> String {
    let size: usize = svg
        .split("viewBox=\"0 0 ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .expect("a viewBox");
    let mut dark = vec![false; size * size];
    let path = svg.split(" d=\"").nth(1).expect("a path");
    for square in path.split('M').skip(1) {
        let mut numbers = square
            .split(|c: char| !c.is_ascii_digit())
            .filter(|n| !n.is_empty())
            .map(|n| n.parse::<usize>().expect("a number"));
        let (x, y, side) = (
            numbers.next().expect("x"),
            numbers.next().expect("y"),
            numbers.next().expect("side"),
        );
        for row in y..(y + side).min(size) {
            for column in x..(x + side).min(size) {
                dark[row * size + column] = true;
            }
        }
    }
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(size, size, |x, y| {
        if dark[y * size + x] { 0 } else { 255 }
    });
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code");
    grids[0].decode().expect("decodes").1
}

#[test]
fn the_qr_code_holds_the_link_and_the_presenter_view_reveals_the_pyramid() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = campaign(dir.path(), "Workshop");
    let server = Server::start(&db);
    let link = server.links["Workshop"].clone();
    let mut organiser = organiser(&server);
    let admin = format!("/admin{link}");

    let qr = organiser.get(&format!("{admin}/qr.svg"));
    assert_eq!(qr.status, 200);
    assert_eq!(qr.headers["content-type"], "image/svg+xml");
    assert_eq!(decoded(&qr.body), format!("{}{link}", server.base));

    let waiting = organiser.get(&format!("{admin}/present"));
    assert!(
        waiting.body.contains("0 people have answered"),
        "{}",
        waiting.body
    );
    assert_eq!(
        waiting.headers.get("refresh").map(String::as_str),
        Some("10")
    );
    let paused = organiser.get(&format!("{admin}/present?paused"));
    assert!(
        !paused.headers.contains_key("refresh"),
        "paused: no reloading"
    );
    assert!(paused.body.contains("Resume updates"), "{}", paused.body);
    assert!(!waiting.body.contains("<svg"), "nothing revealed yet");
    assert!(
        waiting.body.contains(&format!("{admin}/qr.svg")) && waiting.body.contains(&link),
        "the link and its QR code to answer: {}",
        waiting.body
    );
    team_answered(&server, &link);
    let counted = organiser.get(&format!("{admin}/present"));
    assert!(
        counted.body.contains("3 people have answered"),
        "{}",
        counted.body
    );
    assert!(!counted.body.contains("<svg"), "nothing revealed yet");

    let revealed = organiser.get(&format!("{admin}/present?reveal"));
    assert!(
        revealed.headers.get("refresh").map(String::as_str) == Some("10"),
        "still refreshing"
    );
    assert!(revealed.body.contains("<svg"), "{}", revealed.body);
    let summary = common::json(&[
        "score",
        "--db",
        &db.display().to_string(),
        "--campaign",
        "Workshop",
        "--summary",
    ]);
    let stage = summary["summary"]["team"]["stage"]
        .as_u64()
        .expect("a team stage");
    assert!(
        revealed.body.contains("<polygon class=\"stage here\""),
        "the team's stage marked"
    );
    let marked = revealed
        .body
        .split("<text class=\"name here\"")
        .nth(1)
        .expect("a marked stage name");
    let stage_name = summary["summary"]["team"]["stage_name"]
        .as_str()
        .map(str::to_string)
        .unwrap_or_default();
    assert!(
        marked.contains(&stage_name) && marked.contains("Team stage"),
        "stage {stage} {stage_name:?}: {marked}"
    );
    assert!(
        revealed.body.contains("Where the team disagrees most"),
        "{}",
        revealed.body
    );
}

#[test]
fn the_organiser_creates_closes_and_erases_campaigns_in_the_browser() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = campaign(dir.path(), "Team Q3");
    let server = Server::start(&db);
    let mut organiser = organiser(&server);
    let index = organiser.get("/admin");
    let token = csrf(&index.body);
    let base = server.base.clone();

    // Without the form's token, or from another site: refused, nothing made.
    let form = |name: &'static str, token: &str| {
        vec![
            ("csrf", token.to_string()),
            ("name", name.to_string()),
            ("model", "pyramid".to_string()),
        ]
    };
    let post = |organiser: &mut Browser, path: &str, form: &[(&str, String)], origin: &str| {
        let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        organiser.post(path, &pairs, origin)
    };
    let forged = post(
        &mut organiser,
        "/admin/campaigns",
        &form("Team Q4", "0"),
        &base,
    );
    assert_eq!(forged.status, 403);
    let elsewhere = post(
        &mut organiser,
        "/admin/campaigns",
        &form("Team Q4", &token),
        "http://evil.example",
    );
    assert_eq!(elsewhere.status, 403);
    let mut stranger = Browser::new(&base);
    let no_cookie = post(
        &mut stranger,
        "/admin/campaigns",
        &form("Team Q4", &token),
        &base,
    );
    assert_eq!(no_cookie.status, 403);
    let list = || {
        common::json(&["campaign", "list", "--db", &db.display().to_string()])["campaigns"].clone()
    };
    assert_eq!(list().as_array().expect("list").len(), 1);

    // Made, anonymous, and then a name already taken.
    let mut anonymous = form("Team Q4", &token);
    anonymous.push(("anonymous", "1".to_string()));
    let made = post(&mut organiser, "/admin/campaigns", &anonymous, &base);
    assert_eq!(made.status, 303, "{}", made.body);
    let view = made.location.expect("to the new campaign");
    assert!(view.starts_with("/admin/c/"), "{view}");
    let campaigns = list();
    let new = &campaigns[1];
    assert_eq!(new["name"], "Team Q4");
    assert_eq!(new["anonymous"], true, "{new}");
    let link = new["link"].as_str().expect("link").to_string();
    assert_eq!(view, format!("/admin{link}"));
    let start = Browser::new(&base).get(&link);
    assert_eq!(start.status, 200);
    assert!(
        !start.body.contains("name=\"name\""),
        "anonymous: no name asked"
    );
    let again = post(&mut organiser, "/admin/campaigns", &anonymous, &base);
    assert_eq!(again.status, 422);
    assert!(
        again.body.contains("there is already a campaign named"),
        "{}",
        again.body
    );
    assert_eq!(list().as_array().expect("list").len(), 2);

    // Closed: the link says so and takes nothing.
    let closed = post(
        &mut organiser,
        &format!("{view}/close"),
        &form("", &token),
        &base,
    );
    assert_eq!(closed.status, 303);
    assert_eq!(list()[1]["status"], "closed");
    assert_eq!(Browser::new(&base).get(&link).status, 410);

    // Erased only when its name is typed.
    let erase = |typed: &str| vec![("csrf", token.clone()), ("confirm", typed.to_string())];
    let confirm = organiser.get(&format!("{view}/erase"));
    assert!(
        confirm.body.contains("Type its name to confirm"),
        "{}",
        confirm.body
    );
    let wrong = post(
        &mut organiser,
        &format!("{view}/erase"),
        &erase("Team Q3"),
        &base,
    );
    assert_eq!(wrong.status, 422);
    assert_eq!(list().as_array().expect("list").len(), 2);
    let forged = post(
        &mut stranger,
        &format!("{view}/erase"),
        &erase("Team Q4"),
        &base,
    );
    assert_eq!(forged.status, 403);
    let erased = post(
        &mut organiser,
        &format!("{view}/erase"),
        &erase("Team Q4"),
        &base,
    );
    assert_eq!(erased.status, 303);
    assert_eq!(erased.location.as_deref(), Some("/admin"));
    let campaigns = list();
    assert_eq!(campaigns.as_array().expect("list").len(), 1);
    assert_eq!(campaigns[0]["name"], "Team Q3");
    assert_eq!(Browser::new(&base).get(&link).status, 404);
    assert_eq!(organiser.get(&view).status, 404);
}

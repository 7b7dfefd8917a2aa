//! The web form in Debian's headless Chromium, driven through
//! chromium-driver (WebDriver) from Rust: a whole self-test with
//! JavaScript off by clicking labels, one answer with the keyboard alone,
//! and no sideways scrolling at 360 px. Needs `chromium` and
//! `chromium-driver`; `.ci/run` installs them and runs this with
//! `--ignored`.

mod common;

use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .expect("a port")
        .local_addr()
        .expect("address")
        .port()
}

async fn browser(port: u16, javascript: bool) -> Client {
    let mut prefs = serde_json::Map::new();
    if !javascript {
        prefs.insert(
            "profile.managed_default_content_settings.javascript".into(),
            json!(2),
        );
    }
    let capabilities = json!({
        "goog:chromeOptions": {
            "binary": "/usr/bin/chromium",
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=360,740"],
            "prefs": prefs,
        }
    });
    let serde_json::Value::Object(capabilities) = capabilities else {
        unreachable!("an object")
    };
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    let mut last = None;
    for _ in 0..50 {
        match ClientBuilder::new(connector.clone())
            .capabilities(capabilities.clone())
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
        {
            Ok(client) => return client,
            Err(err) => last = Some(err),
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("chromium-driver did not start: {last:?}");
}

/// Serves a fresh campaign; gives the server and the link's full URL.
fn serve(dir: &std::path::Path) -> (Killed, String) {
    let (server, link, _) = serve_with_admin(dir);
    (server, link)
}

/// Serves a fresh campaign; gives the server, the link's full URL and the
/// admin URL with its token.
fn serve_with_admin(dir: &std::path::Path) -> (Killed, String, String) {
    let db = dir.join("team.sqlite");
    let made = common::pyramid()
        .args(["campaign", "new", "Team", "--db"])
        .arg(&db)
        .output()
        .expect("runs");
    assert!(made.status.success());
    let mut child = Command::new(assert_cmd::cargo::cargo_bin!("pyramid"))
        .args(["serve", "--bind", "127.0.0.1:0", "--db"])
        .arg(&db)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("serve");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    let _listening = lines.next().expect("line").expect("text");
    let link = lines.next().expect("line").expect("text");
    let url = link.rsplit_once(": ").expect("a link").1.to_string();
    let admin = lines.next().expect("line").expect("text");
    let admin = admin
        .rsplit_once(": ")
        .expect("the admin URL")
        .1
        .to_string();
    (Killed(child), url, admin)
}

/// chromium-driver on a free port, and its port.
fn driver() -> (Killed, u16) {
    let port = free_port();
    let driver = Killed(
        Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver from chromium-driver"),
    );
    (driver, port)
}

/// Whether the page shown fits the window's width (no sideways scroll).
async fn fits(client: &Client) -> bool {
    let fits = client
        .execute(
            "return document.documentElement.scrollWidth <= window.innerWidth;",
            vec![],
        )
        .await
        .expect("measured");
    fits == json!(true)
}

/// With `PYRAMID_SCREENSHOTS=DIR`, the page shown as DIR/NAME (PNG): how
/// the README's screenshots are made (`PYRAMID_SCREENSHOTS=docs cargo test
/// --test browser -- --ignored`).
async fn screenshot(client: &Client, name: &str) {
    if let Some(dir) = std::env::var_os("PYRAMID_SCREENSHOTS") {
        let png = client.screenshot().await.expect("a screenshot");
        std::fs::write(std::path::Path::new(&dir).join(name), png).expect("written");
    }
}

/// Waits (up to 10 s) until the page shown is the one whose header starts
/// with `prefix`: a click starts a navigation that ends a little later.
async fn until_header(client: &Client, prefix: &str) {
    for _ in 0..200 {
        if let Ok(element) = client.find(Locator::Css("p.header")).await
            && let Ok(text) = element.text().await
            && text.starts_with(prefix)
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("no page with the header {prefix:?}");
}

/// Waits (up to 10 s) until the page's source holds `needle`; gives it.
async fn until_source(client: &Client, needle: &str) -> String {
    let mut last = String::new();
    for _ in 0..200 {
        if let Ok(source) = client.source().await {
            if source.contains(needle) {
                return source;
            }
            last = source;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("no page with {needle:?}; the last: {last}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium and chromium-driver; run by .ci/run"]
async fn a_whole_test_in_headless_chromium_without_javascript() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (_server, url) = serve(dir.path());
    let (_driver, port) = driver();
    let client = browser(port, false).await;
    client
        .goto(&format!("{url}?lang=en"))
        .await
        .expect("start page");
    client
        .find(Locator::Id("name"))
        .await
        .expect("a name field")
        .send_keys("An Peeters")
        .await
        .expect("typed");
    client
        .find(Locator::Css("button[type=submit]"))
        .await
        .expect("start")
        .click()
        .await
        .expect("started");

    // Question 1 with the keyboard alone: the first answer, one down
    // (the second), Tab to Next, Enter.
    until_header(&client, "Question 1/15 · ").await;
    client
        .find(Locator::Css("input[type=radio]"))
        .await
        .expect("a radio")
        .send_keys(" ")
        .await
        .expect("chosen");
    let active = client.active_element().await.expect("focus");
    active
        .send_keys(&Key::Down.to_string())
        .await
        .expect("down");
    let active = client.active_element().await.expect("focus");
    active.send_keys(&Key::Tab.to_string()).await.expect("tab");
    let active = client.active_element().await.expect("focus");
    active
        .send_keys(&Key::Enter.to_string())
        .await
        .expect("enter");

    // Questions 2 to 15 by clicking each third label.
    for number in 2..=15 {
        until_header(&client, &format!("Question {number}/15 · ")).await;
        if number == 3 {
            screenshot(&client, "serve-question.png").await;
        }
        client
            .find(Locator::Css("label:nth-of-type(3)"))
            .await
            .expect("a label")
            .click()
            .await
            .expect("clicked");
        client
            .find(Locator::Css("button[type=submit]"))
            .await
            .expect("next")
            .click()
            .await
            .expect("sent");
    }
    let body = until_source(&client, "answers.yaml").await;
    assert!(body.contains("Stage "), "{body}");
    screenshot(&client, "serve-result.png").await;
    client.close().await.expect("closed");

    // What was clicked is what is stored: question 1 the second answer,
    // the others the third.
    let db = dir.path().join("team.sqlite");
    let conn = rusqlite::Connection::open(&db).expect("opens");
    let first: String = conn
        .query_row(
            "SELECT choice FROM answers WHERE question = 'strategy-role'",
            [],
            |r| r.get(0),
        )
        .expect("an answer");
    assert_eq!(first, "b");
    let thirds: i64 = conn
        .query_row("SELECT COUNT(*) FROM answers WHERE choice = 'c'", [], |r| {
            r.get(0)
        })
        .expect("count");
    assert_eq!(thirds, 14);

    // No sideways scrolling at 360 px (measured with script on, in a
    // second browser: the pages themselves have none).
    let client = browser(port, true).await;
    for path in [format!("{url}?lang=nl"), format!("{url}?lang=fr")] {
        client.goto(&path).await.expect("page");
        assert!(fits(&client).await, "{path}");
    }
    client.close().await.expect("closed");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium and chromium-driver; run by .ci/run"]
async fn the_organiser_creates_a_campaign_and_reveals_the_team_pyramid_without_javascript() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (_server, url, admin) = serve_with_admin(dir.path());
    let (_driver, port) = driver();
    let client = browser(port, false).await;
    client.goto(&admin).await.expect("admin page");
    until_source(&client, "/admin/campaigns").await;

    // A new campaign, typed and submitted with the keyboard.
    client
        .find(Locator::Id("name"))
        .await
        .expect("a name field")
        .send_keys("Workshop")
        .await
        .expect("typed");
    let active = client.active_element().await.expect("focus");
    active
        .send_keys(&Key::Enter.to_string())
        .await
        .expect("sent");
    until_source(&client, "Nobody has finished yet.").await;
    assert!(
        client
            .current_url()
            .await
            .expect("url")
            .path()
            .starts_with("/admin/c/")
    );
    assert!(fits(&client).await, "the team view at 360 px");

    // Three colleagues answer (over plain HTTP) in the first campaign.
    let base = url.split("/c/").next().expect("base").to_string();
    let link = url.trim_start_matches(&base).to_string();
    for (name, key) in [("An", "b"), ("Jan", "c"), ("Els", "d")] {
        let mut colleague = common::browser::Browser::new(&base);
        let start = colleague.get(&link);
        let token = common::browser::csrf(&start.body);
        colleague.post(&link, &[("csrf", &token), ("name", name)], &base);
        for number in 1..=15 {
            let path = format!("{link}/q/{number}");
            let page = colleague.get(&path);
            let token = common::browser::csrf(&page.body);
            let sent = colleague.post(&path, &[("csrf", &token), ("answer", key)], &base);
            assert_eq!(sent.status, 303);
        }
        assert_eq!(colleague.get(&format!("{link}/result")).status, 200);
    }
    let team = format!("{base}/admin{link}");
    client.goto(&team).await.expect("team view");
    let source = until_source(&client, "3 respondents finished").await;
    assert!(source.contains("<th scope=\"row\">Jan</th>"), "{source}");
    assert!(
        fits(&client).await,
        "the team view with its table at 360 px"
    );
    screenshot(&client, "serve-team.png").await;

    // The presenter view: the count, then the pyramid when revealed.
    client
        .find(Locator::LinkText("Presenter view"))
        .await
        .expect("a link")
        .click()
        .await
        .expect("opened");
    until_source(&client, "3 people have answered").await;
    client
        .find(Locator::LinkText("Show the team's pyramid"))
        .await
        .expect("a link")
        .click()
        .await
        .expect("revealed");
    let source = until_source(&client, "stage here").await;
    assert!(source.contains("Where the team disagrees most"), "{source}");
    assert!(fits(&client).await, "the presenter view at 360 px");
    let drawn = client
        .find(Locator::Css("svg.pyramid"))
        .await
        .expect("the pyramid")
        .rectangle()
        .await
        .expect("its box");
    assert!(drawn.2 > 200.0 && drawn.3 > 50.0, "drawn: {drawn:?}");
    screenshot(&client, "serve-present.png").await;
    client.close().await.expect("closed");
}

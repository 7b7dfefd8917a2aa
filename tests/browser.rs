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
    browser_sized(port, javascript, "360,740", 1).await
}

/// A browser whose window is `size` pixels, zoomed to `zoom` times (the
/// browser's own zoom, as Ctrl-+ sets it: 2 is 200%).
async fn browser_sized(port: u16, javascript: bool, size: &str, zoom: u32) -> Client {
    let mut prefs = serde_json::Map::new();
    if zoom != 1 {
        // Chromium keeps zoom as a level: the factor is 1.2 to its power.
        let level = f64::from(zoom).ln() / 1.2f64.ln();
        prefs.insert(
            "partition".into(),
            json!({ "default_zoom_level": { "x": level } }),
        );
    }
    if !javascript {
        prefs.insert(
            "profile.managed_default_content_settings.javascript".into(),
            json!(2),
        );
    }
    let capabilities = json!({
        "goog:chromeOptions": {
            "binary": "/usr/bin/chromium",
            "args": [
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                format!("--window-size={size}"),
            ],
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

/// axe-core's script: `PYRAMID_AXE`, else where `.ci/run` installs it.
fn axe_source() -> String {
    let path = std::env::var("PYRAMID_AXE")
        .unwrap_or_else(|_| "target/axe/node_modules/axe-core/axe.min.js".to_string());
    std::fs::read_to_string(&path).unwrap_or_else(|err| {
        panic!(
            "axe-core is not at {path} ({err}): run .ci/run, or \
             npm install --no-save --prefix target/axe axe-core@4.14.1"
        )
    })
}

/// The serious and critical accessibility violations axe-core finds on
/// the page shown, each with where.
async fn violations(client: &Client, axe: &str) -> Vec<String> {
    client
        .execute(&format!("{axe}\nreturn true;"), vec![])
        .await
        .expect("axe-core loaded");
    let found = client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { resultTypes: ['violations'] }).then(result => done(
               result.violations
                 .filter(v => v.impact === 'serious' || v.impact === 'critical')
                 .map(v => v.id + ' (' + v.impact + '): ' +
                   v.nodes.map(n => n.target.join(' ')).join(', '))));",
            vec![],
        )
        .await
        .expect("axe-core ran");
    serde_json::from_value(found).expect("a list")
}

/// Whether the focused element shows it: an outline that is drawn.
async fn focus_visible(client: &Client) -> bool {
    let drawn = client
        .execute(
            "const style = getComputedStyle(document.activeElement);
             return document.activeElement !== document.body
               && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;",
            vec![],
        )
        .await
        .expect("measured");
    drawn == json!(true)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium, chromium-driver and axe-core; run by .ci/run"]
async fn every_page_passes_axe_at_360_px_and_at_200_percent_zoom_with_focus_visible() {
    let axe = axe_source();
    let dir = tempfile::tempdir().expect("temp dir");
    let (_server, url, admin) = serve_with_admin(dir.path());
    let (_driver, port) = driver();
    for (size, zoom) in [("360,740", 1), ("1280,900", 2)] {
        let client = browser_sized(port, true, size, zoom).await;
        if zoom == 2 {
            let width = client
                .execute("return window.innerWidth;", vec![])
                .await
                .expect("measured");
            assert_eq!(width, json!(640), "200% zoom: 640 CSS pixels");
        }
        let mut checked = Vec::new();
        let mut check = async |client: &Client, page: &str| {
            let found = violations(client, &axe).await;
            assert!(found.is_empty(), "{page} at {size} ×{zoom}: {found:#?}");
            assert!(
                fits(client).await,
                "{page} at {size} ×{zoom} scrolls sideways"
            );
            checked.push(page.to_string());
        };

        client
            .goto(&format!("{url}?lang=en"))
            .await
            .expect("start page");
        check(&client, "start").await;
        // Focus is visible: Tab to the first control.
        client
            .find(Locator::Css("body"))
            .await
            .expect("body")
            .send_keys(&Key::Tab.to_string())
            .await
            .expect("tab");
        assert!(focus_visible(&client).await, "focus on the start page");
        client
            .find(Locator::Id("name"))
            .await
            .expect("a name field")
            .send_keys("Ann")
            .await
            .expect("typed");
        client
            .find(Locator::Css("button[type=submit]"))
            .await
            .expect("start")
            .click()
            .await
            .expect("started");
        for number in 1..=15 {
            until_header(&client, &format!("Question {number}/15 · ")).await;
            if number == 1 {
                check(&client, "question").await;
                let radio = client
                    .find(Locator::Css("input[type=radio]"))
                    .await
                    .expect("a radio");
                radio.send_keys(" ").await.expect("chosen");
                assert!(focus_visible(&client).await, "focus on a radio button");
            }
            client
                .find(Locator::Css("label:nth-of-type(2)"))
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
        until_source(&client, "answers.yaml").await;
        check(&client, "result").await;

        client.goto(&admin).await.expect("admin");
        until_source(&client, "/admin/campaigns").await;
        check(&client, "campaigns").await;
        let team = format!(
            "{}/admin{}",
            url.split("/c/").next().expect("base"),
            url.split_once("/c/")
                .map(|(_, s)| format!("/c/{s}"))
                .expect("link")
        );
        client.goto(&team).await.expect("team view");
        until_source(&client, "Pause updates").await;
        check(&client, "team view").await;
        client
            .goto(&format!("{team}/present?reveal"))
            .await
            .expect("presenter");
        until_source(&client, "Pause updates").await;
        check(&client, "presenter view").await;
        client
            .goto(&format!("{team}/erase"))
            .await
            .expect("erase page");
        check(&client, "erase").await;
        assert_eq!(checked.len(), 7);
        client.close().await.expect("closed");
    }
}

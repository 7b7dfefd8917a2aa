//! Hostile traffic against `pyramid serve`: a corpus of malformed,
//! oversized, forged and misdirected requests, each refused with a 4xx and
//! nothing stored, the server unharmed after all of them; a client that
//! sends a byte a second is cut off without holding the server; posts are
//! limited per address, with room for a workshop behind one address.

mod common;

use common::browser::{Browser, csrf};
use common::server::{Server, campaign, checked, raw};
use std::io::{Read, Write};
use std::time::{Duration, Instant};

/// How many respondents the file holds.
fn respondents(db: &std::path::Path) -> i64 {
    let conn = rusqlite::Connection::open(db).expect("opens");
    conn.query_row("SELECT COUNT(*) FROM respondents", [], |row| row.get(0))
        .expect("count")
}

#[test]
fn thirty_five_hostile_requests_each_get_a_4xx_and_store_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = campaign(dir.path(), "Team");
    let made = common::pyramid()
        .args(["campaign", "new", "Other", "--db"])
        .arg(&db)
        .output()
        .expect("runs");
    assert!(made.status.success());
    let server = Server::start(&db);
    let base = server.base.clone();
    let host = base.trim_start_matches("http://").to_string();
    let link = server.links["Team"].clone();
    let other = server.links["Other"].clone();

    // A respondent in each campaign (their cookies are what an attacker
    // would replay), and a start page's token pair.
    let started = |link: &str| {
        let mut browser = Browser::new(&base);
        let page = browser.get(link);
        let token = csrf(&page.body);
        let sent = browser.post(link, &[("csrf", &token), ("name", "Real")], &base);
        assert_eq!(sent.status, 303);
        browser.cookies["pyramid_respondent"].clone()
    };
    let mine = started(&link);
    let theirs = started(&other);
    let mut visitor = Browser::new(&base);
    let start_page = visitor.get(&link);
    let pair = csrf(&start_page.body);
    let before = (respondents(&db), checked(&db));
    assert_eq!(before.0, 2);

    let admin_token = server.admin.trim_start_matches("/admin?token=").to_string();
    let mut one_off = admin_token.clone();
    let last = one_off.pop().expect("a character");
    one_off.push(if last == '0' { '1' } else { '0' });

    let post = |path: &str, cookie: &str, body: &str| -> Vec<u8> {
        format!(
            "POST {path} HTTP/1.1\r\nHost: {host}\r\nOrigin: {base}\r\nCookie: {cookie}\r\n\
             Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\
             Connection: close\r\n\r\n{body}",
            body.len()
        )
        .into_bytes()
    };
    let get = |target: &str| -> Vec<u8> {
        format!("GET {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").into_bytes()
    };
    let csrf_cookie = format!("pyramid_csrf={pair}");
    let answer_path = format!("{link}/q/1");
    let many_fields = "a=1&".repeat(10_000);
    let huge_header = format!(
        "GET /healthz HTTP/1.1\r\nHost: {host}\r\nX-Big: {}\r\nConnection: close\r\n\r\n",
        "x".repeat(100 * 1024)
    );
    let many_headers = format!(
        "GET /healthz HTTP/1.1\r\nHost: {host}\r\n{}Connection: close\r\n\r\n",
        (0..200)
            .map(|n| format!("X-H{n}: {n}\r\n"))
            .collect::<String>()
    );
    let twenty_megabytes = format!(
        "POST {link} HTTP/1.1\r\nHost: {host}\r\nOrigin: {base}\r\nCookie: {csrf_cookie}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 20000000\r\n\
         Connection: close\r\n\r\ncsrf={pair}&name="
    );
    let chunked_megabyte = {
        let mut request = format!(
            "POST {link} HTTP/1.1\r\nHost: {host}\r\nOrigin: {base}\r\nCookie: {csrf_cookie}\r\n\
             Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\
             Connection: close\r\n\r\n"
        );
        for _ in 0..16 {
            request.push_str(&format!("10000\r\n{}\r\n", "a".repeat(0x10000)));
        }
        request.push_str("0\r\n\r\n");
        request
    };
    let mut bad_bytes = b"GET /c/".to_vec();
    bad_bytes.extend([0xff, 0xfe]);
    bad_bytes.extend(format!(" HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").as_bytes());
    let mut control_header =
        format!("GET /healthz HTTP/1.1\r\nHost: {host}\r\nX-A: a").into_bytes();
    control_header.push(0x01);
    control_header.extend(b"b\r\nConnection: close\r\n\r\n");

    let corpus: Vec<(&str, Vec<u8>)> = vec![
        ("a form body without =", post(&link, &csrf_cookie, "csrf")),
        ("bad percent-encoding", post(&link, &csrf_cookie, "%zz=%&&=%G1")),
        ("invalid UTF-8 in a field", post(&link, &csrf_cookie, "csrf=%FF%FE&name=%C0")),
        (
            "the token field twice, the second wrong",
            post(&link, &csrf_cookie, &format!("csrf={pair}&csrf=0")),
        ),
        ("no fields at all", post(&link, &csrf_cookie, "")),
        (
            "an answer without the token",
            post(&answer_path, &format!("pyramid_respondent={mine}"), "answer=a"),
        ),
        ("a 20 MB body", twenty_megabytes.into_bytes()),
        ("10,000 form fields", post(&link, &csrf_cookie, &many_fields)),
        ("a 100 KiB header", huge_header.into_bytes()),
        ("200 headers", many_headers.into_bytes()),
        ("percent-encoded invalid UTF-8 in the path", get("/c/%FF%FE")),
        ("raw invalid UTF-8 in the path", bad_bytes),
        ("/../ out of the root", get("/../../etc/passwd")),
        ("/static/../ to a source file", get("/static/../Cargo.toml")),
        ("%2e%2e in the path", get("/static/%2e%2e/%2e%2e/Cargo.toml")),
        (
            "encoded slashes",
            get(&format!("{link}%2F..%2F..%2Fetc%2Fpasswd")),
        ),
        ("question 0", get(&format!("{link}/q/0"))),
        (
            "a question number past u64",
            get(&format!("{link}/q/99999999999999999999999")),
        ),
        ("a negative question", get(&format!("{link}/q/-1"))),
        (
            "an unknown method",
            format!("BREW {link} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n")
                .into_bytes(),
        ),
        (
            "DELETE on a link",
            format!("DELETE {link} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n")
                .into_bytes(),
        ),
        (
            "PUT on the admin page",
            format!("PUT /admin HTTP/1.1\r\nHost: {host}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .into_bytes(),
        ),
        (
            "a forged start token",
            post(&link, "pyramid_csrf=00000000000000000000000000000000", &format!("csrf={pair}")),
        ),
        (
            "a token replayed with another browser's cookie",
            post(
                &link,
                "pyramid_csrf=ffffffffffffffffffffffffffffffff",
                &format!("csrf={pair}&name=Replay"),
            ),
        ),
        (
            "a respondent cookie of no one",
            post(
                &answer_path,
                "pyramid_respondent=0123456789abcdef0123456789abcdef",
                "csrf=0123456789abcdef0123456789abcdef&answer=a",
            ),
        ),
        (
            "another campaign's respondent cookie",
            post(
                &answer_path,
                &format!("pyramid_respondent={theirs}"),
                &format!("csrf={theirs}&answer=a"),
            ),
        ),
        (
            "the admin token wrong by one character",
            get(&format!("/admin?token={one_off}")),
        ),
        (
            "a wrong admin cookie",
            format!(
                "GET /admin HTTP/1.1\r\nHost: {host}\r\nCookie: pyramid_admin={one_off}\r\nConnection: close\r\n\r\n"
            )
            .into_bytes(),
        ),
        (
            "creating a campaign without the admin cookie",
            post("/admin/campaigns", "", "name=Evil&model=pyramid"),
        ),
        (
            "a valid start from another origin",
            format!(
                "POST {link} HTTP/1.1\r\nHost: {host}\r\nOrigin: http://evil.example\r\n\
                 Cookie: {csrf_cookie}\r\nContent-Type: application/x-www-form-urlencoded\r\n\
                 Content-Length: {}\r\nConnection: close\r\n\r\ncsrf={pair}",
                pair.len() + 5
            )
            .into_bytes(),
        ),
        ("a control character in a header", control_header),
        (
            "a 70 KiB request target",
            get(&format!("/c/{}", "a".repeat(70 * 1024))),
        ),
        (
            "JSON instead of a form",
            format!(
                "POST {link} HTTP/1.1\r\nHost: {host}\r\nOrigin: {base}\r\nCookie: {csrf_cookie}\r\n\
                 Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{{}}"
            )
            .into_bytes(),
        ),
        ("a chunked body of 1 MiB", chunked_megabyte.into_bytes()),
        (
            "an answer of 100 KiB",
            post(
                &answer_path,
                &format!("pyramid_respondent={mine}"),
                &format!("csrf={mine}&answer={}", "a".repeat(100 * 1024)),
            ),
        ),
        ("not HTTP at all", b"HELLO\r\n\r\n".to_vec()),
    ];
    assert!(corpus.len() >= 30);
    for (what, request) in &corpus {
        let status = raw(&base, request);
        assert!(
            (400..500).contains(&status),
            "{what}: answered {status}, not a 4xx"
        );
    }
    assert_eq!(
        (respondents(&db), checked(&db)),
        before,
        "nothing stored, nothing damaged"
    );
    // Unharmed: the health check and a whole start still work.
    assert_eq!(raw(&base, &get("/healthz")), 200);
    started(&link);
    assert_eq!(respondents(&db), 3);
}

#[test]
fn a_client_sending_a_byte_a_second_is_cut_off_and_holds_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = campaign(dir.path(), "Team");
    let server = Server::start(&db);
    let base = server.base.clone();
    let mut slow =
        std::net::TcpStream::connect(base.trim_start_matches("http://")).expect("connects");
    slow.set_read_timeout(Some(Duration::from_millis(100)))
        .expect("timeout");
    let request = b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: "
        .iter()
        .chain([b'y'; 64].iter());
    let started = Instant::now();
    let mut cut_off = None;
    for byte in request.copied() {
        if slow.write_all(&[byte]).is_err() {
            cut_off = Some(started.elapsed());
            break;
        }
        let mut buffer = [0u8; 256];
        match slow.read(&mut buffer) {
            Ok(_) => {
                // An answer (a 408) or the end of the connection.
                cut_off = Some(started.elapsed());
                break;
            }
            Err(err) if err.kind() == std::io::ErrorKind::WouldBlock => {}
            Err(err) if err.kind() == std::io::ErrorKind::TimedOut => {}
            Err(_) => {
                cut_off = Some(started.elapsed());
                break;
            }
        }
        // Meanwhile everyone else is served at once.
        let at = Instant::now();
        assert_eq!(
            raw(
                &base,
                b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
            ),
            200
        );
        assert!(at.elapsed() < Duration::from_secs(1));
        std::thread::sleep(Duration::from_millis(900));
        if started.elapsed() > Duration::from_secs(30) {
            break;
        }
    }
    let cut_off = cut_off.expect("the slow client was cut off");
    assert!(
        cut_off >= Duration::from_secs(9) && cut_off < Duration::from_secs(16),
        "cut off after {cut_off:?}, the head's limit being 10 s"
    );
}

#[test]
fn a_workshop_behind_one_address_passes_and_a_flood_gets_429() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = campaign(dir.path(), "Workshop");
    let server = Server::start(&db);
    let base = server.base.clone();
    let link = server.links["Workshop"].clone();
    // 200 people press Start within a moment, then answer question 1.
    let statuses: Vec<(u16, u16)> = std::thread::scope(|scope| {
        let people: Vec<_> = (0..200)
            .map(|n| {
                let (base, link) = (&base, &link);
                scope.spawn(move || {
                    let mut browser = Browser::new(base);
                    let page = browser.get(link);
                    let token = csrf(&page.body);
                    let name = format!("P{n}");
                    let start = browser.post(link, &[("csrf", &token), ("name", &name)], base);
                    let path = format!("{link}/q/1");
                    let page = browser.get(&path);
                    let token = csrf(&page.body);
                    let answer = browser.post(&path, &[("csrf", &token), ("answer", "b")], base);
                    (start.status, answer.status)
                })
            })
            .collect();
        people
            .into_iter()
            .map(|person| person.join().expect("ran"))
            .collect()
    });
    assert!(
        statuses.iter().all(|&pair| pair == (303, 303)),
        "the workshop's rush passes: {:?}",
        statuses
            .iter()
            .filter(|&&pair| pair != (303, 303))
            .collect::<Vec<_>>()
    );
    assert_eq!(checked(&db), ("ok".to_string(), 200));

    // One client posting as fast as it can: refused with 429 and
    // Retry-After once past the burst, the refused ones storing nothing.
    let flood = format!(
        "POST {link} HTTP/1.1\r\nHost: {}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        base.trim_start_matches("http://")
    );
    let mut refused = 0;
    let flooding = Instant::now();
    for _ in 0..1000 {
        if raw(&base, flood.as_bytes()) == 429 {
            refused += 1;
        }
    }
    // The bucket's promise, however fast this machine sends: at most a
    // burst of 400 and 50 a second get through.
    let let_through = 1000 - refused;
    let most = 400.0 + 50.0 * flooding.elapsed().as_secs_f64() + 5.0;
    assert!(refused > 0, "none of 1000 refused");
    assert!(
        f64::from(let_through) <= most,
        "{let_through} of 1000 let through in {:?}",
        flooding.elapsed()
    );
    // A refusal says when to come back. (The bucket refills a post each
    // 20 ms, so one of a few quick posts meets it empty.)
    let mut browser = Browser::new(&base);
    let page = (0..50)
        .map(|_| browser.post(&link, &[("csrf", "x")], &base))
        .find(|page| page.status == 429)
        .expect("a refused post");
    assert!(
        page.headers.contains_key("retry-after"),
        "{:?}",
        page.headers
    );
    assert_eq!(respondents(&db), 200);
}

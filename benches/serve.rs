//! Load on `pyramid serve`: N simulated respondents over real HTTP, M in
//! flight, 15 answers each, half in Dutch, half in English. Prints
//! requests per second, latency percentiles, errors, answers kept, the
//! server's peak memory, and the floor measured in the same run: a bare
//! rusqlite loop committing one row per transaction with the server's
//! durability settings (WAL, synchronous = FULL).
//!
//!     cargo bench --bench serve                      # 200 respondents, 50 in flight
//!     PYRAMID_BENCH_RESPONDENTS=2000 cargo bench --bench serve

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::{Request, header};
use hyper_util::client::legacy::{Client, connect::HttpConnector};
use hyper_util::rt::TokioExecutor;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const QUESTIONS: usize = 15;

/// One simulated respondent: their cookies, over a shared connection pool.
struct Respondent {
    client: Client<HttpConnector, Full<Bytes>>,
    base: String,
    cookies: Vec<String>,
}

impl Respondent {
    async fn send(&mut self, request: Request<Full<Bytes>>) -> (u16, String) {
        let Ok(response) = self.client.request(request).await else {
            return (0, String::new());
        };
        let status = response.status().as_u16();
        for value in response.headers().get_all(header::SET_COOKIE) {
            let Some(pair) = value.to_str().ok().and_then(|v| v.split(';').next()) else {
                continue;
            };
            let name = pair.split('=').next().unwrap_or_default();
            self.cookies
                .retain(|kept| kept.split('=').next() != Some(name));
            self.cookies.push(pair.to_string());
        }
        let body = match response.into_body().collect().await {
            Ok(body) => String::from_utf8_lossy(&body.to_bytes()).into_owned(),
            Err(_) => String::new(),
        };
        (status, body)
    }

    fn request(&self, method: &str, path: &str) -> hyper::http::request::Builder {
        Request::builder()
            .method(method)
            .uri(format!("{}{path}", self.base))
            .header(header::COOKIE, self.cookies.join("; "))
            .header(header::ACCEPT_LANGUAGE, "nl-BE,nl;q=0.9,en;q=0.5")
    }

    async fn get(&mut self, path: &str) -> (u16, String) {
        let request = self
            .request("GET", path)
            .body(Full::new(Bytes::new()))
            .expect("a request");
        self.send(request).await
    }

    async fn post(&mut self, path: &str, form: &[(&str, &str)]) -> u16 {
        let body: Vec<String> = form
            .iter()
            .map(|(key, value)| format!("{key}={}", encoded(value)))
            .collect();
        let request = self
            .request("POST", path)
            .header(header::ORIGIN, self.base.clone())
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Full::new(Bytes::from(body.join("&"))))
            .expect("a request");
        self.send(request).await.0
    }
}

/// A form value percent-encoded: letters and digits as they are.
fn encoded(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The hidden CSRF field of a page.
fn csrf(body: &str) -> String {
    body.split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_default()
        .to_string()
}

fn setting(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let at = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(at).copied().unwrap_or_default()
}

/// Rows per second that a bare rusqlite loop commits, one per transaction.
fn floor(dir: &std::path::Path, rows: usize) -> f64 {
    let conn = rusqlite::Connection::open(dir.join("floor.sqlite")).expect("opens");
    conn.pragma_update(None, "journal_mode", "WAL")
        .expect("WAL");
    conn.pragma_update(None, "synchronous", "FULL")
        .expect("FULL");
    conn.execute_batch("CREATE TABLE t (a INTEGER PRIMARY KEY, q TEXT, c TEXT)")
        .expect("table");
    let start = Instant::now();
    for n in 0..rows {
        conn.execute("INSERT INTO t (q, c) VALUES (?1, 'b')", [format!("q{n}")])
            .expect("row");
    }
    rows as f64 / start.elapsed().as_secs_f64()
}

fn peak_memory_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// The CPU time a process has used so far, user and system together.
fn cpu_seconds(pid: u32) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The fields after the command name, which is in parentheses.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    // The kernel counts in USER_HZ, 100 per second on Linux.
    Some(ticks / 100.0)
}

/// What one round measured.
struct Round {
    requests: usize,
    seconds: f64,
    errors: usize,
    /// p50, p95, p99 and the slowest, in milliseconds.
    latency: [f64; 4],
    kept: i64,
    finished: i64,
    server_cpu: Option<f64>,
    memory_mib: Option<f64>,
    floor: f64,
}

impl Round {
    fn answers_per_second(&self) -> f64 {
        self.kept as f64 / self.seconds
    }

    fn ratio(&self) -> f64 {
        self.answers_per_second() / self.floor
    }
}

/// A fresh database and server, the respondents, then the floor.
fn round(respondents: usize, in_flight: usize) -> Round {
    let binary = env!("CARGO_BIN_EXE_pyramid");
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("bench.sqlite");
    let made = Command::new(binary)
        .args(["campaign", "new", "Bench", "--db"])
        .arg(&db)
        .output()
        .expect("campaign");
    assert!(made.status.success());
    let mut server = Command::new(binary)
        .args(["serve", "--bind", "127.0.0.1:0", "--lang", "en", "--db"])
        .arg(&db)
        // A limit no machine-speed load reaches: its cost is measured.
        .args(["--post-limit", "1000000"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("serve");
    let mut lines = BufReader::new(server.stdout.take().expect("stdout")).lines();
    let first = lines.next().expect("line").expect("text");
    let base = first
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .expect("address")
        .to_string();
    let link_line = lines.next().expect("line").expect("text");
    let link = link_line
        .rsplit_once(": ")
        .expect("a link")
        .1
        .trim_start_matches(&base)
        .to_string();

    let next = Arc::new(AtomicUsize::new(0));
    let latencies = Arc::new(Mutex::new(Vec::with_capacity(
        respondents * (QUESTIONS * 2 + 3),
    )));
    let errors = Arc::new(AtomicUsize::new(0));
    // The respondents are tasks on one thread: the load costs the machine
    // as little as it can, and leaves the rest to the server.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let client: Client<HttpConnector, Full<Bytes>> =
        Client::builder(TokioExecutor::new()).build_http();
    let started = Instant::now();
    runtime.block_on(async {
        let mut tasks = tokio::task::JoinSet::new();
        for _ in 0..in_flight {
            let respondent = Respondent {
                client: client.clone(),
                base: base.clone(),
                cookies: Vec::new(),
            };
            let (next, errors, latencies, link) = (
                next.clone(),
                errors.clone(),
                latencies.clone(),
                link.clone(),
            );
            tasks.spawn(async move {
                let mut respondent = respondent;
                let mut mine = Vec::new();
                loop {
                    let n = next.fetch_add(1, Ordering::Relaxed);
                    if n >= respondents {
                        break;
                    }
                    respondent.cookies.clear();
                    let lang = if n.is_multiple_of(2) { "nl" } else { "en" };
                    let name = format!("R{n}");
                    let mut check = |at: Instant, status: u16, ok: u16| {
                        mine.push(at.elapsed());
                        if status != ok {
                            errors.fetch_add(1, Ordering::Relaxed);
                        }
                    };
                    let at = Instant::now();
                    let (status, body) = respondent.get(&link).await;
                    check(at, status, 200);
                    let token = csrf(&body);
                    let at = Instant::now();
                    let form = [("csrf", token.as_str()), ("lang", lang), ("name", &name)];
                    let status = respondent.post(&link, &form).await;
                    check(at, status, 303);
                    for q in 1..=QUESTIONS {
                        let path = format!("{link}/q/{q}");
                        let at = Instant::now();
                        let (status, body) = respondent.get(&path).await;
                        check(at, status, 200);
                        let token = csrf(&body);
                        let key = ["a", "b", "c", "d"][(n + q) % 4];
                        let at = Instant::now();
                        let status = respondent
                            .post(&path, &[("csrf", token.as_str()), ("answer", key)])
                            .await;
                        check(at, status, 303);
                    }
                    let at = Instant::now();
                    let (status, _) = respondent.get(&format!("{link}/result")).await;
                    check(at, status, 200);
                }
                latencies.lock().expect("lock").extend(mine);
            });
        }
        while tasks.join_next().await.is_some() {}
    });
    let elapsed = started.elapsed();
    let memory = peak_memory_kib(server.id());
    let server_cpu = cpu_seconds(server.id());
    let _ = server.kill();
    let _ = server.wait();

    let mut latencies = std::mem::take(&mut *latencies.lock().expect("lock"));
    latencies.sort_unstable();
    let conn = rusqlite::Connection::open(&db).expect("opens");
    let kept: i64 = conn
        .query_row("SELECT COUNT(*) FROM answers", [], |r| r.get(0))
        .expect("count");
    let finished: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM respondents WHERE finished_at IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .expect("count");
    let floor = floor(dir.path(), 3000);
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    Round {
        requests: latencies.len(),
        seconds: elapsed.as_secs_f64(),
        errors: errors.load(Ordering::Relaxed),
        latency: [
            ms(percentile(&latencies, 0.50)),
            ms(percentile(&latencies, 0.95)),
            ms(percentile(&latencies, 0.99)),
            ms(latencies.last().copied().unwrap_or_default()),
        ],
        kept,
        finished,
        server_cpu,
        memory_mib: memory.map(|kib| kib as f64 / 1024.0),
        floor,
    }
}

/// The median of some figures.
fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

fn main() {
    let respondents = setting("PYRAMID_BENCH_RESPONDENTS", 200);
    let in_flight = setting("PYRAMID_BENCH_IN_FLIGHT", 50);
    let rounds = setting("PYRAMID_BENCH_ROUNDS", 5).max(1);
    println!(
        "machine: {} cores ({}), {}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        std::env::consts::ARCH,
        std::env::consts::OS
    );
    println!(
        "respondents: {respondents}, {in_flight} in flight, {QUESTIONS} answers each, half nl, half en; {rounds} rounds, each on a fresh server and database"
    );
    let mut all = Vec::new();
    for n in 1..=rounds {
        let r = round(respondents, in_flight);
        println!(
            "round {n}: {:.0} requests/s, p99 {:.1} ms, errors {}, kept {}/{respondents}, {:.1} MiB, server CPU {:.0}%, {:.0} answers/s against a floor of {:.0}: ratio {:.2}",
            r.requests as f64 / r.seconds,
            r.latency[2],
            r.errors,
            r.finished,
            r.memory_mib.unwrap_or(f64::NAN),
            r.server_cpu.map_or(f64::NAN, |cpu| cpu / r.seconds * 100.0),
            r.answers_per_second(),
            r.floor,
            r.ratio()
        );
        all.push(r);
    }
    let of = |figure: fn(&Round) -> f64| median(all.iter().map(figure).collect());
    println!("medians of {rounds} rounds:");
    println!(
        "  requests: {:.0} per second; errors: {} in all",
        of(|r| r.requests as f64 / r.seconds),
        all.iter().map(|r| r.errors).sum::<usize>()
    );
    println!(
        "  latency: p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        of(|r| r.latency[0]),
        of(|r| r.latency[1]),
        of(|r| r.latency[2]),
        of(|r| r.latency[3])
    );
    println!(
        "  kept: {} of {} respondents finished, {} answers",
        all.iter().map(|r| r.finished).sum::<i64>(),
        respondents * rounds,
        all.iter().map(|r| r.kept).sum::<i64>()
    );
    println!(
        "  server: peak memory {:.1} MiB, CPU {:.0}% of one core (the load uses the rest of the machine)",
        of(|r| r.memory_mib.unwrap_or(f64::NAN)),
        of(|r| r.server_cpu.map_or(f64::NAN, |cpu| cpu / r.seconds * 100.0))
    );
    println!(
        "  answers stored: {:.0} per second; floor (bare rusqlite, one row per transaction, WAL + synchronous=FULL): {:.0} rows per second; ratio {:.2}",
        of(Round::answers_per_second),
        of(|r| r.floor),
        of(Round::ratio)
    );
}

//! Load on `pyramid serve`: N simulated respondents over real HTTP, M in
//! flight, 15 answers each, half in Dutch, half in English. Prints
//! requests per second, latency percentiles, errors, answers kept, the
//! server's peak memory, and the floor measured in the same run: a bare
//! rusqlite loop committing one row per transaction with the server's
//! durability settings (WAL, synchronous = FULL).
//!
//!     cargo bench --bench serve                      # 200 respondents, 50 in flight
//!     PYRAMID_BENCH_RESPONDENTS=2000 cargo bench --bench serve

#[path = "../tests/common/browser.rs"]
#[allow(dead_code)]
mod browser;

use browser::{Browser, csrf};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const QUESTIONS: usize = 15;

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

fn main() {
    let respondents = setting("PYRAMID_BENCH_RESPONDENTS", 200);
    let in_flight = setting("PYRAMID_BENCH_IN_FLIGHT", 50);
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

    let next = AtomicUsize::new(0);
    let latencies = Mutex::new(Vec::with_capacity(respondents * (QUESTIONS * 2 + 3)));
    let errors = AtomicUsize::new(0);
    let started = Instant::now();
    std::thread::scope(|scope| {
        for _ in 0..in_flight {
            scope.spawn(|| {
                let mut mine = Vec::new();
                loop {
                    let n = next.fetch_add(1, Ordering::Relaxed);
                    if n >= respondents {
                        break;
                    }
                    let mut browser = Browser::new(&base);
                    let mut timed = |f: &mut dyn FnMut(&mut Browser) -> u16, ok: u16| {
                        let at = Instant::now();
                        let status = f(&mut browser);
                        mine.push(at.elapsed());
                        if status != ok {
                            errors.fetch_add(1, Ordering::Relaxed);
                        }
                    };
                    let lang = if n.is_multiple_of(2) { "nl" } else { "en" };
                    let mut token = String::new();
                    timed(
                        &mut |b| {
                            let page = b.get(&link);
                            token = csrf(&page.body);
                            page.status
                        },
                        200,
                    );
                    timed(
                        &mut |b| {
                            b.post(
                                &link,
                                &[("csrf", &token), ("lang", lang), ("name", &format!("R{n}"))],
                                &base,
                            )
                            .status
                        },
                        303,
                    );
                    for q in 1..=QUESTIONS {
                        let path = format!("{link}/q/{q}");
                        let mut token = String::new();
                        timed(
                            &mut |b| {
                                let page = b.get(&path);
                                token = csrf(&page.body);
                                page.status
                            },
                            200,
                        );
                        let key = ["a", "b", "c", "d"][(n + q) % 4];
                        timed(
                            &mut |b| {
                                b.post(&path, &[("csrf", &token), ("answer", key)], &base)
                                    .status
                            },
                            303,
                        );
                    }
                    timed(&mut |b| b.get(&format!("{link}/result")).status, 200);
                }
                latencies.lock().expect("lock").extend(mine);
            });
        }
    });
    let elapsed = started.elapsed();
    let memory = peak_memory_kib(server.id());
    let _ = server.kill();
    let _ = server.wait();

    let mut latencies = latencies.into_inner().expect("lock");
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
    let answers_per_second = kept as f64 / elapsed.as_secs_f64();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "machine: {} cores ({}), {}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        std::env::consts::ARCH,
        std::env::consts::OS
    );
    println!(
        "respondents: {respondents}, {in_flight} in flight, {QUESTIONS} answers each, half nl, half en"
    );
    println!(
        "requests: {} in {:.2} s = {:.0} per second; errors: {}",
        latencies.len(),
        elapsed.as_secs_f64(),
        latencies.len() as f64 / elapsed.as_secs_f64(),
        errors.load(Ordering::Relaxed)
    );
    println!(
        "latency: p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        ms(percentile(&latencies, 0.50)),
        ms(percentile(&latencies, 0.95)),
        ms(percentile(&latencies, 0.99)),
        ms(latencies.last().copied().unwrap_or_default())
    );
    println!("kept: {finished}/{respondents} respondents finished, {kept} answers");
    match memory {
        Some(kib) => println!("server peak memory: {:.1} MiB", kib as f64 / 1024.0),
        None => println!("server peak memory: not measured (no /proc)"),
    }
    println!(
        "answers stored per second: {answers_per_second:.0}; floor (bare rusqlite, one row per transaction, WAL + synchronous=FULL): {floor:.0} rows per second; ratio {:.2}",
        answers_per_second / floor
    );
}

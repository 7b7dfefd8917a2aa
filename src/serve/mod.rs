//! `pyramid serve`: the self-test as a web form for a whole team. Each
//! campaign's link opens a start page, one question per page and the
//! result; every answer is committed to the database when it is sent.
//! Plain HTML forms (no script), pages from maud (every value escaped),
//! the stylesheet compiled in, nothing read from disk paths.

mod admin;
mod admin_pages;
mod app;
mod listen;
mod pages;
mod team;
mod token;
mod writer;

use crate::cli::ServeArgs;
use crate::exit_code::ExitCode;
use crate::lang::Lang;
use crate::messages::{Localized, LocalizedContext, say_in};
use crate::store::Store;
use anyhow::Result;
use std::net::SocketAddr;

/// The threads that answer requests (this runs on small machines).
const WORKERS: usize = 2;

/// Serves the campaigns of the database until Ctrl-C or SIGTERM, then
/// lets the requests in flight finish and leaves everything in the file.
pub fn run(args: &ServeArgs, lang: Lang) -> Result<ExitCode> {
    let path = crate::store::chosen_path(args.db.db.as_deref())?;
    let bind = args.bind.as_str();
    let open = || -> Result<Store> {
        let store = Store::open(&path)?;
        if let Some(mib) = args.max_db_size {
            store.limit_size(mib)?;
        }
        Ok(store)
    };
    // The first opening checks the file and upgrades it; then one
    // connection to read per worker thread, and one that writes answers.
    let mut readers = vec![open()?];
    for _ in 1..WORKERS {
        readers.push(open()?);
    }
    let (writer, writing) = writer::Writer::start(open()?)?;
    let admin_token = token::token(args.admin_token_file.as_deref())?;
    let addr: SocketAddr = bind
        .parse()
        .map_err(|_| Localized::new("serve-bad-address", &[("bind", bind)]))?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(WORKERS)
        .enable_all()
        .build()
        .localized(|| Localized::new("serve-cannot-start", &[]))?;
    let db_path = path.clone();
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .localized(|| Localized::new("serve-cannot-bind", &[("bind", bind)]))?;
        let local = listener
            .local_addr()
            .localized(|| Localized::new("serve-cannot-bind", &[("bind", bind)]))?;
        let stop = shutdown().localized(|| Localized::new("serve-cannot-start", &[]))?;
        announce(&readers[0], local, &db_path, lang)?;
        let admin_url = format!("http://{local}/admin?token={admin_token}");
        let line = say_in(lang, "serve-admin", &[("url", &admin_url)]);
        crate::output::print(&format!("{line}\n"))?;
        let app = app::router(
            app::Settings {
                admin_hash: token::hash(&admin_token),
                lang,
                base: format!("http://{local}"),
                post_limit: args.post_limit,
            },
            readers,
            writer,
        );
        listen::serve(listener, app, stop).await;
        Ok::<(), anyhow::Error>(())
    })?;
    // The requests in flight have finished and the routes are dropped:
    // the writer ends once its queue is empty. Then the write-ahead log
    // goes into the file, so the file alone holds everything.
    drop(runtime);
    let _ = writing.join();
    Store::open(&path)?.checkpoint()?;
    let db = path.display().to_string();
    crate::output::print(&format!(
        "{}\n",
        say_in(lang, "serve-stopped", &[("db", &db)])
    ))?;
    Ok(ExitCode::Success)
}

/// Prints where the server listens, the database, and each open
/// campaign's link; warns when the traffic leaves this machine.
fn announce(store: &Store, local: SocketAddr, path: &std::path::Path, lang: Lang) -> Result<()> {
    let base = format!("http://{local}");
    let db = path.display().to_string();
    let mut text = say_in(lang, "serve-listening", &[("address", &base), ("db", &db)]);
    text.push('\n');
    let campaigns = store.campaigns()?;
    for campaign in campaigns.iter().map(|c| &c.campaign).filter(|c| !c.closed) {
        let name = crate::visible::visible(&campaign.name);
        text.push_str(&format!("  {name}: {base}{}\n", campaign.link));
    }
    crate::output::print(&text)?;
    if !local.ip().is_loopback() {
        let warning = say_in(lang, "serve-not-encrypted", &[("address", &base)]);
        crate::output::say(&crate::messages::warning(lang, &warning));
    }
    Ok(())
}

/// Resolves on Ctrl-C or SIGTERM. The handlers are installed when this is
/// called, before the links are printed: a signal sent as soon as they
/// appear still ends the server cleanly.
fn shutdown() -> std::io::Result<impl std::future::Future<Output = ()>> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut terminate = signal(SignalKind::terminate())?;
        let mut interrupt = signal(SignalKind::interrupt())?;
        Ok(async move {
            tokio::select! {
                _ = terminate.recv() => {},
                _ = interrupt.recv() => {},
            }
        })
    }
    #[cfg(not(unix))]
    {
        Ok(async {
            let _ = tokio::signal::ctrl_c().await;
        })
    }
}

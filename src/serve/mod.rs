//! `pyramid serve`: the self-test as a web form for a whole team. Each
//! campaign's link opens a start page, one question per page and the
//! result; every answer is committed to the database when it is sent.
//! Plain HTML forms (no script), pages from maud (every value escaped),
//! the stylesheet compiled in, nothing read from disk paths.

mod admin;
mod admin_pages;
mod app;
mod pages;
mod team;
mod token;

use crate::cli::DbArg;
use crate::exit_code::ExitCode;
use crate::lang::Lang;
use crate::messages::{Localized, LocalizedContext, say_in};
use crate::store::Store;
use anyhow::Result;
use std::net::SocketAddr;

/// Serves the campaigns of the database on `bind` until Ctrl-C or
/// SIGTERM.
pub fn run(
    db: &DbArg,
    bind: &str,
    admin_token_file: Option<&std::path::Path>,
    lang: Lang,
) -> Result<ExitCode> {
    let path = match &db.db {
        Some(path) => path.clone(),
        None => crate::store::default_path().ok_or_else(|| Localized::new("db-no-default", &[]))?,
    };
    let store = Store::open(&path)?;
    let admin_token = token::token(admin_token_file)?;
    let addr: SocketAddr = bind
        .parse()
        .map_err(|_| Localized::new("serve-bad-address", &[("bind", bind)]))?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .localized(|| Localized::new("serve-cannot-start", &[]))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .localized(|| Localized::new("serve-cannot-bind", &[("bind", bind)]))?;
        let local = listener
            .local_addr()
            .localized(|| Localized::new("serve-cannot-bind", &[("bind", bind)]))?;
        announce(&store, local, &path, lang)?;
        let admin_url = format!("http://{local}/admin?token={admin_token}");
        let line = say_in(lang, "serve-admin", &[("url", &admin_url)]);
        crate::output::print(&format!("{line}\n"))?;
        let app = app::router(
            store,
            token::hash(&admin_token),
            lang,
            format!("http://{local}"),
        );
        axum::serve(listener, app)
            .with_graceful_shutdown(shutdown())
            .await
            .localized(|| Localized::new("serve-cannot-start", &[]))
    })?;
    Ok(ExitCode::Success)
}

/// Prints where the server listens, the database, and each open
/// campaign's link; warns when the traffic leaves this machine.
fn announce(store: &Store, local: SocketAddr, path: &std::path::Path, lang: Lang) -> Result<()> {
    let base = format!("http://{local}");
    let db = path.display().to_string();
    let mut text = say_in(lang, "serve-listening", &[("address", &base), ("db", &db)]);
    text.push('\n');
    for campaign in store.campaigns()?.iter().filter(|c| !c.closed) {
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

/// Resolves on Ctrl-C or SIGTERM: the requests in flight finish.
async fn shutdown() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
}

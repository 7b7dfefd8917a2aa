//! The organiser's pages, opened by the admin token: the campaigns (create,
//! close, erase), each campaign's live team view with its downloads, link
//! and QR code, and the presenter view.

use super::admin_pages;
use super::app::{App, Linked, Shared, cookie, error_page, forbidden, same_origin, same_secret};
use super::team::TeamScores;
use crate::messages::describe;
use crate::store::campaigns::NewCampaign;
use axum::Router;
use axum::extract::{Form, FromRequestParts, Query, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

/// The admin cookie's name; it holds the token, sent only to `/admin`.
const ADMIN_COOKIE: &str = "pyramid_admin";
/// How long a wrong admin token waits before its 403.
const WRONG_TOKEN_DELAY: Duration = Duration::from_secs(1);
/// How often the live team view and the presenter view reload.
pub const REFRESH_SECONDS: u32 = 10;

pub(super) fn routes() -> Router<Arc<App>> {
    Router::new()
        .route("/admin", get(index))
        .route("/admin/campaigns", post(create))
        .route("/admin/c/{secret}", get(team))
        .route("/admin/c/{secret}/present", get(present))
        .route("/admin/c/{secret}/qr.svg", get(qr))
        .route("/admin/c/{secret}/scores.csv", get(scores_csv))
        .route("/admin/c/{secret}/scores.json", get(scores_json))
        .route("/admin/c/{secret}/report.html", get(report))
        .route("/admin/c/{secret}/close", post(close))
        .route("/admin/c/{secret}/erase", get(erase_page).post(erase))
}

/// Whether `token` is the admin token, compared by hash in constant time.
fn is_admin(app: &App, token: &str) -> bool {
    same_secret(&super::token::hash(token), &app.admin_hash)
}

/// A request from the organiser: its admin cookie holds the token. Its
/// forms carry `csrf`, which only the token makes.
pub(super) struct Organiser {
    csrf: String,
}

impl Organiser {
    /// The organiser, or the 403 (late, when a wrong token was sent).
    async fn of(app: &App, headers: &HeaderMap) -> Result<Organiser, Response> {
        match cookie(headers, ADMIN_COOKIE) {
            Some(token) if is_admin(app, &token) => Ok(Organiser {
                csrf: super::token::hash(&format!("csrf:{token}")),
            }),
            Some(_) => {
                tokio::time::sleep(WRONG_TOKEN_DELAY).await;
                Err(forbidden())
            }
            None => Err(forbidden()),
        }
    }

    /// Whether a form was sent from the organiser's own pages.
    fn sent(&self, headers: &HeaderMap, form: &HashMap<String, String>) -> bool {
        let sent = form.get("csrf").map(String::as_str).unwrap_or_default();
        same_origin(headers) && same_secret(&self.csrf, sent)
    }
}

impl FromRequestParts<Arc<App>> for Organiser {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, app: &Arc<App>) -> Result<Organiser, Response> {
        Organiser::of(app, &parts.headers).await
    }
}

/// The address respondents reach this server at: the one the organiser's
/// browser used (behind a TLS proxy that says so, `https`), else the one
/// it listens on.
fn base(app: &App, headers: &HeaderMap) -> String {
    let usable = |host: &&str| {
        !host.is_empty()
            && host.len() <= 255
            && host
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b))
    };
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(usable);
    let https = headers
        .get("x-forwarded-proto")
        .is_some_and(|proto| proto == "https");
    match host {
        Some(host) => format!("{}://{host}", if https { "https" } else { "http" }),
        None => app.base.clone(),
    }
}

async fn index(
    State(app): Shared,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    // The link printed at start: the token goes into a cookie, and the
    // address bar loses it.
    if let Some(token) = query.get("token") {
        if !is_admin(&app, token) {
            tokio::time::sleep(WRONG_TOKEN_DELAY).await;
            return forbidden();
        }
        let cookie = format!("{ADMIN_COOKIE}={token}; Path=/admin; HttpOnly; SameSite=Strict");
        return ([(header::SET_COOKIE, cookie)], Redirect::to("/admin")).into_response();
    }
    let organiser = match Organiser::of(&app, &headers).await {
        Ok(organiser) => organiser,
        Err(response) => return response,
    };
    index_page(&app, &organiser, None)
}

/// The list of campaigns and the form for a new one; with `refused`, the
/// reason the last one was not made (422).
fn index_page(app: &App, organiser: &Organiser, refused: Option<&str>) -> Response {
    let campaigns = match app.read() {
        Some(store) => store.campaigns(),
        None => return error_page(),
    };
    let Ok(campaigns) = campaigns else {
        return error_page();
    };
    let page = admin_pages::index(app.lang, &campaigns, &organiser.csrf, refused);
    let status = match refused {
        Some(_) => StatusCode::UNPROCESSABLE_ENTITY,
        None => StatusCode::OK,
    };
    (status, Html(page.into_string())).into_response()
}

async fn create(
    State(app): Shared,
    organiser: Organiser,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    if !organiser.sent(&headers, &form) {
        return forbidden();
    }
    let name = form.get("name").map(|n| n.trim()).unwrap_or_default();
    let model = form.get("model").map(String::as_str).unwrap_or_default();
    let Some((model, _, _)) = crate::input::bank_file::MODELS
        .iter()
        .find(|(known, _, _)| *known == model)
    else {
        return (StatusCode::UNPROCESSABLE_ENTITY, "422 Unknown model\n").into_response();
    };
    let made = match app.read() {
        Some(store) => store.create_campaign(&NewCampaign {
            name,
            model,
            bank_yaml: None,
            anonymous: form.contains_key("anonymous"),
        }),
        None => return error_page(),
    };
    match made {
        Ok(campaign) => Redirect::to(&format!("/admin{}", campaign.link)).into_response(),
        Err(err) => index_page(&app, &organiser, Some(&describe(&err, app.lang))),
    }
}

/// The campaign's scores, read under the store's lock; `None` where the
/// store fails (a 500).
fn scores<'a>(app: &App, linked: &'a Linked) -> Option<TeamScores<'a>> {
    let store = app.read()?;
    TeamScores::read(&store, &linked.campaign.name, &linked.bank, app.lang).ok()
}

async fn team(
    State(app): Shared,
    organiser: Organiser,
    linked: Linked,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    let paused = query.contains_key("paused");
    let Some(scores) = scores(&app, &linked) else {
        return error_page();
    };
    let Ok(tables) = scores.html(app.lang) else {
        return error_page();
    };
    let counts = match app.read() {
        Some(store) => store.listed(&linked.campaign.name),
        None => return error_page(),
    };
    let Ok(counts) = counts else {
        return error_page();
    };
    let link = format!("{}{}", base(&app, &headers), linked.campaign.link);
    let page = admin_pages::team(
        app.lang,
        &linked,
        &counts,
        &link,
        &organiser.csrf,
        &scores.notes,
        (!scores.respondents.is_empty()).then_some(tables.as_str()),
        paused,
    );
    live(page, paused)
}

async fn present(
    State(app): Shared,
    _: Organiser,
    linked: Linked,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    let Some(scores) = scores(&app, &linked) else {
        return error_page();
    };
    let reveal = query.contains_key("reveal");
    let paused = query.contains_key("paused");
    let link = format!("{}{}", base(&app, &headers), linked.campaign.link);
    let page = admin_pages::present(app.lang, &linked, &link, &scores, reveal, paused);
    live(page, paused)
}

/// The respondents' link as a QR code, to put on a projector.
async fn qr(State(app): Shared, _: Organiser, linked: Linked, headers: HeaderMap) -> Response {
    let link = format!("{}{}", base(&app, &headers), linked.campaign.link);
    let Ok(code) = qrcode::QrCode::new(link.as_bytes()) else {
        return error_page();
    };
    let svg = code
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(256, 256)
        .build();
    ([(header::CONTENT_TYPE, "image/svg+xml")], svg).into_response()
}

/// A live view: reloaded every `REFRESH_SECONDS` through the HTTP
/// `Refresh` header (no script), unless the organiser paused it (WCAG
/// 2.2.1: a page that reloads itself lets its reader stop that).
fn live(page: maud::Markup, paused: bool) -> Response {
    let mut response = Html(page.into_string()).into_response();
    if !paused {
        response.headers_mut().insert(
            header::REFRESH,
            axum::http::HeaderValue::from(REFRESH_SECONDS),
        );
    }
    response
}

/// A download: `content` as the file `name` of `kind`.
fn download(kind: &'static str, name: &str, content: Vec<u8>) -> Response {
    let disposition = format!("attachment; filename=\"{name}\"");
    (
        [
            (header::CONTENT_TYPE, kind.to_string()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        content,
    )
        .into_response()
}

async fn scores_csv(State(app): Shared, _: Organiser, linked: Linked) -> Response {
    match scores(&app, &linked).map(|s| s.csv(app.lang)) {
        Some(Ok(csv)) => download("text/csv; charset=utf-8", "scores.csv", csv),
        _ => error_page(),
    }
}

async fn scores_json(State(app): Shared, _: Organiser, linked: Linked) -> Response {
    match scores(&app, &linked).map(|s| s.json(app.lang)) {
        Some(Ok(json)) => download("application/json", "scores.json", json),
        _ => error_page(),
    }
}

async fn report(State(app): Shared, _: Organiser, linked: Linked) -> Response {
    match scores(&app, &linked).map(|s| s.report(app.lang)) {
        Some(Ok(Some(html))) => download("text/html; charset=utf-8", "report.html", html),
        Some(Ok(None)) => super::app::not_found(),
        _ => error_page(),
    }
}

async fn close(
    State(app): Shared,
    organiser: Organiser,
    linked: Linked,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    if !organiser.sent(&headers, &form) {
        return forbidden();
    }
    let closed = match app.read() {
        Some(store) => store.close_campaign(&linked.campaign.name),
        None => return error_page(),
    };
    match closed {
        Ok(()) => Redirect::to(&format!("/admin/c/{}", linked.secret)).into_response(),
        Err(_) => error_page(),
    }
}

async fn erase_page(State(app): Shared, organiser: Organiser, linked: Linked) -> Response {
    let page = admin_pages::erase(app.lang, &linked.campaign.name, &organiser.csrf, false);
    Html(page.into_string()).into_response()
}

/// Erases the campaign and its answers, once its name is typed.
async fn erase(
    State(app): Shared,
    organiser: Organiser,
    linked: Linked,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    if !organiser.sent(&headers, &form) {
        return forbidden();
    }
    let name = &linked.campaign.name;
    if form.get("confirm").map(|typed| typed.trim()) != Some(name.as_str()) {
        let page = admin_pages::erase(app.lang, name, &organiser.csrf, true);
        return (StatusCode::UNPROCESSABLE_ENTITY, Html(page.into_string())).into_response();
    }
    let erased = match app.read() {
        Some(store) => store.erase_campaign(name),
        None => return error_page(),
    };
    app.forget(&linked.secret);
    match erased {
        Ok(()) => Redirect::to("/admin").into_response(),
        Err(_) => error_page(),
    }
}

//! The routes of the web form and their handlers.

use super::pages;
use super::writer::Writer;
use crate::lang::Lang;
use crate::messages::say_in;
use crate::model::answers::Responses;
use crate::model::bank::{Bank, DONT_KNOW_KEY};
use crate::store::Store;
use crate::store::campaigns::Campaign;
use crate::store::respondents::StoredRespondent;
use axum::Router;
use axum::extract::{Form, FromRequestParts, Path, Query, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

/// The largest request body accepted; a bigger one gets 413.
pub const MAX_BODY_BYTES: usize = 64 * 1024;
/// How long a request may take, reading included.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);
/// The result's text is laid out for this many columns: it fits a phone.
const RESULT_COLUMNS: u16 = 42;
/// The respondent's cookie: their random id.
const RESPONDENT_COOKIE: &str = "pyramid_respondent";
/// The start page's CSRF cookie, matched by the form's hidden field.
const CSRF_COOKIE: &str = "pyramid_csrf";

pub(super) struct App {
    /// Connections that read (and the organiser's rare changes): a
    /// request takes one that is free.
    readers: Vec<Mutex<Store>>,
    /// The respondents' changes, taken together.
    pub writer: Writer,
    /// The SHA-256 of the admin token: the token itself is not kept.
    pub admin_hash: String,
    /// The organiser's language, for the admin pages.
    pub lang: Lang,
    /// Where the server listens, for links when a request names no
    /// usable Host.
    pub base: String,
    /// Each campaign's bank, parsed once, by the campaign's secret.
    banks: Mutex<HashMap<String, Arc<Bank>>>,
}

impl App {
    /// A connection to read with: a free one, else the first.
    pub fn read(&self) -> Option<MutexGuard<'_, Store>> {
        let free = self
            .readers
            .iter()
            .find_map(|reader| reader.try_lock().ok());
        match free {
            Some(reader) => Some(reader),
            None => self.readers.first()?.lock().ok(),
        }
    }

    /// Drops what is kept of an erased campaign.
    pub fn forget(&self, secret: &str) {
        if let Ok(mut banks) = self.banks.lock() {
            banks.remove(secret);
        }
    }
}

pub(super) type Shared = State<Arc<App>>;

/// The campaign a link names (`/c/{secret}/…`, `/admin/c/{secret}/…`)
/// and its bank; an unknown link is a plain 404.
pub(super) struct Linked {
    pub secret: String,
    pub campaign: Campaign,
    pub bank: Arc<Bank>,
}

impl FromRequestParts<Arc<App>> for Linked {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, app: &Arc<App>) -> Result<Linked, Response> {
        let Path(params) = Path::<HashMap<String, String>>::from_request_parts(parts, app)
            .await
            .map_err(|_| not_found())?;
        let secret = params.get("secret").cloned().unwrap_or_default();
        let (campaign, bank) = campaign(app, &secret).map_err(IntoResponse::into_response)?;
        Ok(Linked {
            secret,
            campaign,
            bank,
        })
    }
}

/// What the server is started with.
pub struct Settings {
    /// The SHA-256 of the admin token.
    pub admin_hash: String,
    /// The organiser's language.
    pub lang: Lang,
    /// Where the server listens: `http://ADDR:PORT`.
    pub base: String,
    /// Form posts a second from one address; 0 for no limit.
    pub post_limit: u32,
}

/// How many seconds' worth of posts one address may send at once: a
/// workshop's opening rush (everyone pressing Start) passes.
const BURST_SECONDS: u32 = 8;

pub fn router(settings: Settings, readers: Vec<Store>, writer: Writer) -> Router {
    let post_limit = settings.post_limit;
    let app = Arc::new(App {
        readers: readers.into_iter().map(Mutex::new).collect(),
        writer,
        admin_hash: settings.admin_hash,
        lang: settings.lang,
        base: settings.base,
        banks: Mutex::new(HashMap::new()),
    });
    let headers = [
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; frame-ancestors 'none'; form-action 'self'",
        ),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_FRAME_OPTIONS, "DENY"),
    ];
    let mut router = Router::new()
        .route("/static/style.css", get(style))
        .route("/healthz", get(healthz))
        .route("/c/{secret}", get(start_page).post(start))
        .route("/c/{secret}/q/{number}", get(question_page).post(answer))
        .route("/c/{secret}/result", get(result_page))
        .route("/c/{secret}/answers.yaml", get(answers_file))
        .merge(super::admin::routes())
        .fallback(not_found_page)
        .with_state(app)
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ));
    // At most `post_limit` form posts a second from one address (after a
    // burst of `BURST_SECONDS` seconds' worth); beyond that 429 with
    // `Retry-After`, before anything is read or stored.
    let mut limit = tower_governor::governor::GovernorConfigBuilder::default();
    limit
        .period(Duration::from_secs(1) / post_limit.max(1))
        .burst_size(post_limit.saturating_mul(BURST_SECONDS).max(1))
        .methods(vec![axum::http::Method::POST]);
    router = router.layer(axum::middleware::from_fn(head_limit));
    if let Some(limit) = limit.finish().filter(|_| post_limit > 0) {
        router = router
            .layer(tower_governor::GovernorLayer::new(limit).error_handler(too_many_requests));
    }
    for (name, value) in headers {
        router = router.layer(SetResponseHeaderLayer::overriding(
            name,
            HeaderValue::from_static(value),
        ));
    }
    router
}

/// The longest request head (target and headers) answered: browsers send
/// a few KiB.
pub const MAX_HEAD_BYTES: usize = 16 * 1024;

/// 431 for a request whose target and headers together pass
/// `MAX_HEAD_BYTES`, before anything else looks at it.
async fn head_limit(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let head = request.uri().to_string().len()
        + request
            .headers()
            .iter()
            .map(|(name, value)| name.as_str().len() + value.len() + 4)
            .sum::<usize>();
    if head > MAX_HEAD_BYTES {
        return (
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            "431 Request Header Fields Too Large\n",
        )
            .into_response();
    }
    next.run(request).await
}

/// 429, with how many seconds to wait.
fn too_many_requests(error: tower_governor::GovernorError) -> Response {
    let wait = match error {
        tower_governor::GovernorError::TooManyRequests { wait_time, .. } => wait_time.max(1),
        _ => 1,
    };
    let mut response = (StatusCode::TOO_MANY_REQUESTS, "429 Too Many Requests\n").into_response();
    if let Ok(value) = HeaderValue::from_str(&wait.to_string()) {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    response
}

async fn style() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        include_str!("style.css"),
    )
}

/// For a container's or a load balancer's health check: 200 when the
/// database answers, else 503.
async fn healthz(State(app): Shared) -> Response {
    match app.read().map(|store| store.healthy()) {
        Some(true) => (StatusCode::OK, "ok\n").into_response(),
        _ => (StatusCode::SERVICE_UNAVAILABLE, "database unavailable\n").into_response(),
    }
}

async fn not_found_page() -> Response {
    not_found()
}

pub(super) fn not_found() -> Response {
    (StatusCode::NOT_FOUND, "404 Not Found\n").into_response()
}

/// A campaign and its bank; 404 for a link that is unknown.
fn campaign(app: &App, secret: &str) -> Result<(Campaign, Arc<Bank>), StatusCode> {
    let fail = |_| StatusCode::INTERNAL_SERVER_ERROR;
    let store = app.read().ok_or(StatusCode::INTERNAL_SERVER_ERROR)?;
    let well_formed = secret.len() == 32 && secret.bytes().all(|b| b.is_ascii_hexdigit());
    let found = if well_formed {
        store.campaign_by_secret(secret).map_err(fail)?
    } else {
        None
    };
    let found = found.ok_or(StatusCode::NOT_FOUND)?;
    let mut banks = app
        .banks
        .lock()
        .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?;
    if let Some(bank) = banks.get(secret) {
        return Ok((found, bank.clone()));
    }
    let bank = Arc::new(crate::input::campaign::bank(&store, &found.name).map_err(fail)?);
    banks.insert(secret.to_string(), bank.clone());
    Ok((found, bank))
}

/// A cookie's value from the request.
pub(super) fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_string())
}

/// The page's language: `?lang=`, else the respondent's, else the
/// browser's first Accept-Language the bank has, else the bank's first.
pub(super) fn language(
    bank: &Bank,
    query: &HashMap<String, String>,
    stored: Option<&str>,
    headers: &HeaderMap,
) -> Lang {
    let languages = bank.languages();
    let has = |lang: &Lang| languages.contains(lang);
    let asked = query
        .get("lang")
        .and_then(|tag| Lang::from_tag(tag))
        .filter(has);
    let kept = stored.and_then(Lang::from_code).filter(has);
    let browser = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| {
            value
                .split(',')
                .filter_map(|part| Lang::from_tag(part.split(';').next().unwrap_or("").trim()))
                .find(has)
        });
    asked
        .or(kept)
        .or(browser)
        .or_else(|| languages.first().copied())
        .unwrap_or(Lang::EN)
}

/// Links to the same page in each of the bank's languages.
pub(super) fn language_links(bank: &Bank, path: &str) -> Vec<(Lang, String)> {
    bank.languages()
        .into_iter()
        .map(|lang| (lang, format!("{path}?lang={}", lang.code())))
        .collect()
}

/// A POST must come from this site: a browser's `Sec-Fetch-Site` says
/// `same-origin`; else its Origin (or, without one, its Referer) names the
/// Host it was sent to. Under `Referrer-Policy: no-referrer` a browser
/// may send `Origin: null`; the token (in a `SameSite=Strict` cookie that
/// no other site's request carries) then decides.
pub(super) fn same_origin(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site") {
        return site == "same-origin" || site == "none";
    }
    let Some(host) = headers.get(header::HOST).and_then(|h| h.to_str().ok()) else {
        return false;
    };
    let ours = |url: &str| {
        ["http://", "https://"].iter().any(|scheme| {
            url.strip_prefix(scheme)
                .is_some_and(|rest| rest == host || rest.starts_with(&format!("{host}/")))
        })
    };
    match headers.get(header::ORIGIN) {
        Some(origin) if origin == "null" => true,
        Some(origin) => origin.to_str().is_ok_and(ours),
        None => headers
            .get(header::REFERER)
            .and_then(|r| r.to_str().ok())
            .is_none_or(ours),
    }
}

/// Two secrets compared in time that does not depend on where they differ.
pub(super) fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |diff, (x, y)| diff | (x ^ y))
            == 0
}

pub(super) fn forbidden() -> Response {
    (StatusCode::FORBIDDEN, "403 Forbidden\n").into_response()
}

fn closed(lang: Lang, bank: &Bank, name: &str) -> Response {
    let title = bank.title.get(lang);
    let text = say_in(lang, "web-closed", &[("campaign", name)]);
    (
        StatusCode::GONE,
        Html(pages::message(lang, title, &text).into_string()),
    )
        .into_response()
}

/// Storing failed (a full disk, the size limit, a file another program
/// holds locked or made read-only): the respondent is asked to try again
/// (503), the organiser told on standard error; nothing else changes.
fn try_again(app: &App, lang: Lang, bank: &Bank, err: &anyhow::Error) -> Response {
    let reason = crate::messages::describe(err, app.lang);
    let line = say_in(app.lang, "serve-cannot-save", &[("reason", &reason)]);
    crate::output::say(&crate::messages::warning(app.lang, &line));
    let text = say_in(lang, "web-try-again", &[]);
    let page = pages::message(lang, bank.title.get(lang), &text);
    (
        StatusCode::SERVICE_UNAVAILABLE,
        [(header::RETRY_AFTER, "30")],
        Html(page.into_string()),
    )
        .into_response()
}

pub(super) fn error_page() -> Response {
    StatusCode::INTERNAL_SERVER_ERROR.into_response()
}

/// The respondent of this campaign whose cookie the request carries.
fn respondent(
    app: &App,
    campaign: &Campaign,
    headers: &HeaderMap,
) -> Option<(String, StoredRespondent)> {
    let token = cookie(headers, RESPONDENT_COOKIE)?;
    let store = app.read()?;
    let found = store.respondent(&campaign.name, &token).ok()??;
    Some((token, found))
}

/// The first question without an answer, counted from 1.
pub(super) fn first_unanswered(bank: &Bank, responses: &Responses) -> Option<usize> {
    (0..bank.questions.len())
        .find(|&q| responses.get(q).is_none())
        .map(|q| q + 1)
}

/// The first question without an answer, or the result.
fn where_they_left_off(secret: &str, bank: &Bank, stored: &StoredRespondent) -> Response {
    let next = match first_unanswered(bank, &crate::input::campaign::responses(bank, stored)) {
        Some(number) => format!("/c/{secret}/q/{number}"),
        None => format!("/c/{secret}/result"),
    };
    Redirect::to(&next).into_response()
}

async fn start_page(
    State(app): Shared,
    Linked {
        secret,
        campaign,
        bank,
    }: Linked,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    let lang = language(&bank, &query, None, &headers);
    if campaign.closed {
        return closed(lang, &bank, &campaign.name);
    }
    // Back in the same browser: on where they left off.
    if let Some((_, stored)) = respondent(&app, &campaign, &headers) {
        return where_they_left_off(&secret, &bank, &stored);
    }
    let Ok(csrf) = crate::store::secret() else {
        return error_page();
    };
    let path = format!("/c/{secret}");
    let page = pages::start(
        lang,
        &bank,
        &campaign.name,
        campaign.anonymous,
        &csrf,
        &language_links(&bank, &path),
    );
    let cookie = format!("{CSRF_COOKIE}={csrf}; Path={path}; HttpOnly; SameSite=Strict");
    ([(header::SET_COOKIE, cookie)], Html(page.into_string())).into_response()
}

async fn start(
    State(app): Shared,
    Linked {
        secret,
        campaign,
        bank,
    }: Linked,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let expected = cookie(&headers, CSRF_COOKIE).unwrap_or_default();
    let sent = form.get("csrf").map(String::as_str).unwrap_or_default();
    if !same_origin(&headers) || expected.is_empty() || !same_secret(&expected, sent) {
        return forbidden();
    }
    let lang = language(
        &bank,
        &HashMap::new(),
        form.get("lang").map(String::as_str),
        &headers,
    );
    if campaign.closed {
        return closed(lang, &bank, &campaign.name);
    }
    // The form sent again by a browser that has started: no second
    // respondent.
    if let Some((_, stored)) = respondent(&app, &campaign, &headers) {
        return where_they_left_off(&secret, &bank, &stored);
    }
    let name = form
        .get("name")
        .map(|name| name.trim())
        .filter(|name| !name.is_empty() && !campaign.anonymous)
        .map(|name| {
            name.chars()
                .filter(|c| !c.is_control())
                .take(100)
                .collect::<String>()
        });
    let Ok(token) = crate::store::secret() else {
        return error_page();
    };
    let (campaign_name, kept_token) = (campaign.name.clone(), token.clone());
    let started = app
        .writer
        .write(move |store| {
            store.start_respondent(&campaign_name, &kept_token, name.as_deref(), lang.code())
        })
        .await;
    if let Err(err) = started {
        return try_again(&app, lang, &bank, &err);
    }
    let cookie = format!(
        "{RESPONDENT_COOKIE}={token}; Path=/c/{secret}; HttpOnly; SameSite=Strict; Max-Age=31536000"
    );
    (
        [(header::SET_COOKIE, cookie)],
        Redirect::to(&format!("/c/{secret}/q/1")),
    )
        .into_response()
}

async fn question_page(
    State(app): Shared,
    Linked {
        secret,
        campaign,
        bank,
    }: Linked,
    Path((_, number)): Path<(String, usize)>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    if number == 0 || number > bank.questions.len() {
        return not_found();
    }
    let Some((token, stored)) = respondent(&app, &campaign, &headers) else {
        return Redirect::to(&format!("/c/{secret}")).into_response();
    };
    let lang = language(&bank, &query, Some(&stored.lang), &headers);
    if campaign.closed {
        return closed(lang, &bank, &campaign.name);
    }
    question_html(&secret, number, lang, &bank, &stored, &token, false).into_response()
}

/// Question `number` with the respondent's earlier answer selected, and
/// with the message to choose one where `error`.
fn question_html(
    secret: &str,
    number: usize,
    lang: Lang,
    bank: &Bank,
    stored: &StoredRespondent,
    token: &str,
    error: bool,
) -> Html<String> {
    let answers = crate::input::campaign::responses(bank, stored);
    let back = (number > 1).then(|| format!("/c/{secret}/q/{}", number - 1));
    let path = format!("/c/{secret}/q/{number}");
    let page = pages::question(
        lang,
        bank,
        number,
        answers.get(number - 1),
        token,
        back.as_deref(),
        error,
        &language_links(bank, &path),
    );
    Html(page.into_string())
}

async fn answer(
    State(app): Shared,
    Linked {
        secret,
        campaign,
        bank,
    }: Linked,
    Path((_, number)): Path<(String, usize)>,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    if number == 0 || number > bank.questions.len() {
        return not_found();
    }
    let Some((token, stored)) = respondent(&app, &campaign, &headers) else {
        return forbidden();
    };
    let sent = form.get("csrf").map(String::as_str).unwrap_or_default();
    if !same_origin(&headers) || !same_secret(&token, sent) {
        return forbidden();
    }
    let lang = language(&bank, &HashMap::new(), Some(&stored.lang), &headers);
    if campaign.closed {
        return closed(lang, &bank, &campaign.name);
    }
    let question = &bank.questions[number - 1];
    let key = form.get("answer").map(String::as_str).unwrap_or_default();
    let valid = question.options.iter().any(|o| o.key == key)
        || (question.dont_know && key == DONT_KNOW_KEY);
    if !valid {
        let page = question_html(&secret, number, lang, &bank, &stored, &token, true);
        return (StatusCode::UNPROCESSABLE_ENTITY, page).into_response();
    }
    let (question_id, key) = (question.id.clone(), key.to_string());
    let saved = app
        .writer
        .write(move |store| store.save_answer(&token, &question_id, &key))
        .await;
    if let Err(err) = saved {
        return try_again(&app, lang, &bank, &err);
    }
    let next = if number < bank.questions.len() {
        format!("/c/{secret}/q/{}", number + 1)
    } else {
        format!("/c/{secret}/result")
    };
    Redirect::to(&next).into_response()
}

async fn result_page(
    State(app): Shared,
    Linked {
        secret,
        campaign,
        bank,
    }: Linked,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    let Some((token, stored)) = respondent(&app, &campaign, &headers) else {
        return Redirect::to(&format!("/c/{secret}")).into_response();
    };
    let answers = crate::input::campaign::responses(&bank, &stored);
    if let Some(number) = first_unanswered(&bank, &answers) {
        return Redirect::to(&format!("/c/{secret}/q/{number}")).into_response();
    }
    let lang = language(&bank, &query, Some(&stored.lang), &headers);
    if !stored.finished {
        let finished = app
            .writer
            .write(move |store| store.finish_respondent(&token))
            .await;
        if let Err(err) = finished {
            return try_again(&app, lang, &bank, &err);
        }
    }
    let assessment = crate::model::scoring::assess(&bank, &answers);
    let style = crate::export::TextStyle {
        width: RESULT_COLUMNS,
        color: false,
        terminal: false,
    };
    let text = crate::terminal::result_view::render(&bank, &assessment, None, lang, style);
    let page = pages::result(lang, &bank, &text, &format!("/c/{secret}/answers.yaml"));
    Html(page.into_string()).into_response()
}

async fn answers_file(
    State(app): Shared,
    Linked {
        secret: _,
        campaign,
        bank,
    }: Linked,
    headers: HeaderMap,
) -> Response {
    let Some((_, stored)) = respondent(&app, &campaign, &headers) else {
        return not_found();
    };
    let answers = crate::input::campaign::responses(&bank, &stored);
    let name = stored.name.clone().unwrap_or_default();
    let Ok(yaml) = crate::input::answer_file::to_yaml(&bank, &name, &answers) else {
        return error_page();
    };
    (
        [
            (header::CONTENT_TYPE, "application/yaml; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"answers.yaml\"",
            ),
        ],
        yaml,
    )
        .into_response()
}

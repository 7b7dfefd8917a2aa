//! The organiser's pages, written with maud (every value escaped), in the
//! organiser's language.

use super::admin::REFRESH_SECONDS;
use super::app::Linked;
use super::pages::page;
use super::team::TeamScores;
use crate::lang::Lang;
use crate::messages::{Localized, say_in};
use crate::store::campaigns::Listed;
use maud::{Markup, PreEscaped, html};

fn text(lang: Lang, key: &'static str) -> String {
    say_in(lang, key, &[])
}

/// The campaigns with their counts, and the form for a new one.
pub fn index(lang: Lang, campaigns: &[Listed], csrf: &str, refused: Option<&str>) -> Markup {
    let title = text(lang, "admin-title");
    let column = |key| text(lang, key);
    page(
        lang,
        &title,
        &[],
        html! {
            h1 { (title) }
            @if campaigns.is_empty() {
                p { (text(lang, "campaign-none")) }
            } @else {
                div.wide role="region" aria-label=(title) tabindex="0" {
                    table {
                        thead { tr {
                            th scope="col" { (column("campaign-column-name")) }
                            th scope="col" { (column("campaign-column-model")) }
                            th scope="col" { (column("campaign-column-finished")) }
                            th scope="col" { (column("campaign-column-unfinished")) }
                            th scope="col" { (column("campaign-column-status")) }
                        } }
                        tbody {
                            @for Listed { campaign, finished, unfinished } in campaigns {
                                tr {
                                    th scope="row" { a href=(format!("/admin{}", campaign.link)) { (campaign.name) } }
                                    td { (campaign.model) }
                                    td.number { (finished) }
                                    td.number { (unfinished) }
                                    td { (say_in(lang, "campaign-status", &[("status", campaign.status())])) }
                                }
                            }
                        }
                    }
                }
            }
            h2 { (text(lang, "admin-new-campaign")) }
            form method="post" action="/admin/campaigns" {
                input type="hidden" name="csrf" value=(csrf);
                @if let Some(reason) = refused {
                    p.error role="alert" { (reason) }
                }
                p {
                    label for="name" { (text(lang, "admin-campaign-name")) }
                    input type="text" id="name" name="name" maxlength="100" required;
                }
                p {
                    label for="model" { (text(lang, "admin-model")) }
                    select id="model" name="model" {
                        @for (model, _, _) in crate::input::bank_file::MODELS {
                            option value=(model) { (model) }
                        }
                    }
                }
                p {
                    label { input type="checkbox" name="anonymous" value="1"; " " (text(lang, "admin-anonymous")) }
                }
                button type="submit" { (text(lang, "admin-create")) }
            }
        },
    )
}

/// A campaign's live team view: counts, the link and its QR code, the
/// downloads, what `score --summary --rows` shows (`tables`, drawn by
/// the web format), and the buttons to close or erase. It reloads itself
/// unless `paused`.
#[allow(clippy::too_many_arguments)]
pub fn team(
    lang: Lang,
    linked: &Linked,
    counts: &Listed,
    link: &str,
    csrf: &str,
    notes: &[String],
    tables: Option<&str>,
    paused: bool,
) -> Markup {
    let campaign = &linked.campaign;
    let counts = Localized::new("admin-counts", &[])
        .count("finished", counts.finished)
        .count("unfinished", counts.unfinished)
        .in_lang(lang);
    let here = format!("/admin/c/{}", linked.secret);
    page(
        lang,
        &campaign.name,
        &[],
        html! {
            p { a href="/admin" { (text(lang, "admin-title")) } }
            (live(lang, &here, paused))
            h1 { (campaign.name) " · " (linked.bank.title.get(lang)) }
            p { (say_in(lang, "campaign-status", &[("status", campaign.status())])) " · " (counts) }
            ul.actions {
                li { a href=(format!("{here}/present")) { (text(lang, "admin-present")) } }
            }
            @if !notes.is_empty() {
                ul.notes { @for note in notes { li { (crate::visible::visible(note)) } } }
            }
            @match tables {
                Some(tables) => {
                    (PreEscaped(tables))
                    h2 { (text(lang, "admin-downloads")) }
                    ul.actions {
                        li { a href=(format!("{here}/report.html")) download { (text(lang, "admin-report")) } }
                        li { a href=(format!("{here}/scores.csv")) download { (text(lang, "admin-scores-csv")) } }
                        li { a href=(format!("{here}/scores.json")) download { (text(lang, "admin-scores-json")) } }
                    }
                }
                None => p { (text(lang, "admin-nobody-yet")) }
            }
            (link_and_code(lang, &campaign.link, link, &here))
            h2 { (text(lang, "admin-manage")) }
            @if !campaign.closed {
                form method="post" action=(format!("{here}/close")) {
                    input type="hidden" name="csrf" value=(csrf);
                    button type="submit" { (text(lang, "admin-close")) }
                }
            }
            p { a href=(format!("{here}/erase")) { (text(lang, "admin-erase")) } }
        },
    )
}

/// The line atop a live view: it reloads every `REFRESH_SECONDS` (the
/// handler sends the `Refresh` header), with a link to pause; paused,
/// a link to go on. `here` is the page's own path and query.
fn live(lang: Lang, here: &str, paused: bool) -> Markup {
    let join = if here.contains('?') { '&' } else { '?' };
    let seconds = REFRESH_SECONDS.to_string();
    html! {
        p.live {
            @if paused {
                (text(lang, "admin-paused")) " · "
                a href=(here) { (text(lang, "admin-resume")) }
            } @else {
                (say_in(lang, "admin-live", &[("seconds", &seconds)])) " · "
                a href=(format!("{here}{join}paused")) { (text(lang, "admin-pause")) }
            }
        }
    }
}

/// The respondents' link, written out and as a QR code.
fn link_and_code(lang: Lang, path: &str, link: &str, admin: &str) -> Markup {
    html! {
        h2 { (text(lang, "admin-link")) }
        p { a href=(path) { code { (link) } } }
        p.qr { img src=(format!("{admin}/qr.svg")) alt=(text(lang, "admin-qr")) width="256" height="256"; }
    }
}

/// The presenter view for a projector: how many have answered and the
/// link with its QR code to answer, and when revealed the team's pyramid and where the team disagrees most. It
/// reloads itself, revealed or not.
pub fn present(
    lang: Lang,
    linked: &Linked,
    link: &str,
    scores: &TeamScores,
    reveal: bool,
    paused: bool,
) -> Markup {
    let campaign = &linked.campaign;
    let admin = format!("/admin/c/{}", linked.secret);
    let here = format!("{admin}/present");
    let answered = Localized::new("admin-answered", &[])
        .count("count", scores.respondents.len())
        .in_lang(lang);
    let notes = scores.notes_for_team(lang);
    let pyramid = scores.pyramid(lang);
    let shown = if reveal {
        format!("{here}?reveal")
    } else {
        here.clone()
    };
    page(
        lang,
        &campaign.name,
        &[],
        html! {
            (live(lang, &shown, paused))
            div.present {
                h1 { (campaign.name) }
                p.answered { (answered) }
                @if reveal {
                    @if let (Some(notes), Some(pyramid)) = (&notes, &pyramid) {
                        h2 { (notes.heading) }
                        (PreEscaped(pyramid))
                        @if !notes.disagreement.is_empty() {
                            h2 { (crate::messages::words(lang).disagreement) }
                            ul { @for line in &notes.disagreement { li { (line) } } }
                        }
                    }
                    p { a href=(here) { (text(lang, "admin-hide")) } }
                } @else {
                    p { a.button href=(format!("{here}?reveal")) { (text(lang, "admin-reveal")) } }
                    (link_and_code(lang, &campaign.link, link, &admin))
                }
            }
        },
    )
}

/// Asks for the campaign's name before erasing it; with `mismatch`, says
/// that the name typed was not it.
pub fn erase(lang: Lang, name: &str, csrf: &str, mismatch: bool) -> Markup {
    let title = text(lang, "admin-erase");
    page(
        lang,
        &title,
        &[],
        html! {
            p { a href="/admin" { (text(lang, "admin-title")) } }
            h1 { (title) }
            p { (say_in(lang, "admin-erase-explain", &[("campaign", name)])) }
            form method="post" {
                input type="hidden" name="csrf" value=(csrf);
                @if mismatch {
                    p.error role="alert" { (text(lang, "admin-erase-mismatch")) }
                }
                p {
                    label for="confirm" { (text(lang, "admin-erase-name")) }
                    input type="text" id="confirm" name="confirm" maxlength="100" autocomplete="off" required;
                }
                button.danger type="submit" { (text(lang, "admin-erase-button")) }
            }
        },
    )
}

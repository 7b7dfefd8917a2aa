//! The web form's pages, written with maud (every value escaped), in the
//! respondent's language. No script: every flow is a plain HTML form.

use crate::lang::Lang;
use crate::messages::{question_header, say_in};
use crate::model::answers::Choice;
use crate::model::bank::Bank;
use maud::{DOCTYPE, Markup, html};

/// A whole page: head, the language links, the body.
fn page(lang: Lang, title: &str, languages: &[(Lang, String)], body: Markup) -> Markup {
    page_refreshed(lang, title, languages, None, body)
}

/// A page that reloads itself every `refresh` seconds where given.
fn page_refreshed(
    lang: Lang,
    title: &str,
    languages: &[(Lang, String)],
    refresh: Option<u32>,
    body: Markup,
) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                @if let Some(seconds) = refresh {
                    meta http-equiv="refresh" content=(seconds);
                }
                title { (title) }
                link rel="stylesheet" href="/static/style.css";
            }
            body {
                @if languages.len() > 1 {
                    nav.languages aria-label=(say_in(lang, "web-languages", &[])) {
                        @for (other, href) in languages {
                            @if *other == lang {
                                strong { (other.code()) }
                            } @else {
                                a href=(href) lang=(other.code()) { (other.code()) }
                            }
                            " "
                        }
                    }
                }
                main { (body) }
            }
        }
    }
}

/// The start page: what the test is, who sees the answers, a name field
/// unless the campaign is anonymous, a start button.
pub fn start(
    lang: Lang,
    bank: &Bank,
    campaign: &str,
    anonymous: bool,
    csrf: &str,
    languages: &[(Lang, String)],
) -> Markup {
    let title = bank.title.get(lang);
    page(
        lang,
        title,
        languages,
        html! {
            h1 { (title) }
            p { (crate::messages::intro(lang, bank.questions.len())) }
            p { (say_in(lang, "web-who-sees", &[("campaign", campaign)])) }
            form method="post" {
                input type="hidden" name="csrf" value=(csrf);
                input type="hidden" name="lang" value=(lang.code());
                @if !anonymous {
                    p {
                        label for="name" { (say_in(lang, "web-name", &[])) }
                        input type="text" id="name" name="name" maxlength="100" autocomplete="name";
                    }
                }
                button type="submit" { (say_in(lang, "web-start", &[])) }
            }
        },
    )
}

/// One question: its options as radio buttons, each with its label; the
/// earlier answer selected; Next and Back.
#[allow(clippy::too_many_arguments)]
pub fn question(
    lang: Lang,
    bank: &Bank,
    number: usize,
    chosen: Option<Choice>,
    csrf: &str,
    back: Option<&str>,
    error: bool,
    languages: &[(Lang, String)],
) -> Markup {
    let question = &bank.questions[number - 1];
    let pillar = bank
        .pillar_position(&question.pillar)
        .map_or("", |p| bank.pillars[p].name.get(lang));
    let header = question_header(lang, number, bank.questions.len(), pillar);
    let text = question.text.get(lang);
    page(
        lang,
        &header,
        languages,
        html! {
            p.header { (header) }
            form method="post" {
                input type="hidden" name="csrf" value=(csrf);
                @if error {
                    p.error role="alert" { (say_in(lang, "web-choose-one", &[])) }
                }
                fieldset {
                    legend { (text) }
                    @for (n, option) in question.options.iter().enumerate() {
                        label {
                            input type="radio" name="answer" value=(option.key)
                                checked[chosen == Some(Choice::Option(n))];
                            (option.label.get(lang))
                        }
                    }
                    @if question.dont_know {
                        label {
                            input type="radio" name="answer" value=(crate::model::bank::DONT_KNOW_KEY)
                                checked[chosen == Some(Choice::DontKnow)];
                            (bank.dont_know.get(lang))
                        }
                    }
                }
                button type="submit" { (say_in(lang, "web-next", &[])) }
                @if let Some(back) = back {
                    " "
                    a.button.back href=(back) { (crate::messages::words(lang).back) }
                }
            }
        },
    )
}

/// The result: the same text the terminal shows, and the answers as the
/// YAML answer file `pyramid score` reads.
pub fn result(lang: Lang, bank: &Bank, text: &str, download: &str) -> Markup {
    let title = bank.title.get(lang);
    page(
        lang,
        title,
        &[],
        html! {
            h1 { (title) }
            pre { (text) }
            p { a.button href=(download) download { (say_in(lang, "web-download", &[])) } }
        },
    )
}

/// A short page with one message: closed campaign, unknown link.
pub fn message(lang: Lang, title: &str, text: &str) -> Markup {
    page(
        lang,
        title,
        &[],
        html! {
            h1 { (title) }
            p { (text) }
        },
    )
}

/// The organiser's list of campaigns, each with its counts and links.
pub fn admin_index(lang: Lang, campaigns: &[crate::store::campaigns::Campaign]) -> Markup {
    let title = say_in(lang, "admin-title", &[]);
    let column = |key| say_in(lang, key, &[]);
    page(
        lang,
        &title,
        &[],
        html! {
            h1 { (title) }
            @if campaigns.is_empty() {
                p { (say_in(lang, "campaign-none", &[])) }
            } @else {
                table {
                    thead { tr {
                        th { (column("campaign-column-name")) }
                        th { (column("campaign-column-model")) }
                        th { (column("campaign-column-finished")) }
                        th { (column("campaign-column-unfinished")) }
                        th { (column("campaign-column-status")) }
                    } }
                    tbody {
                        @for campaign in campaigns {
                            @let secret = campaign.link.trim_start_matches("/c/");
                            tr {
                                td { a href=(format!("/admin/c/{secret}")) { (campaign.name) } }
                                td { (campaign.model) }
                                td { (campaign.finished) }
                                td { (campaign.unfinished) }
                                td { (say_in(lang, "campaign-status", &[("status", if campaign.closed { "closed" } else { "open" })])) }
                            }
                        }
                    }
                }
                h2 { (column("campaign-links")) }
                ul {
                    @for campaign in campaigns.iter().filter(|c| !c.closed) {
                        li { (campaign.name) ": " a href=(campaign.link) { code { (campaign.link) } } }
                    }
                }
            }
        },
    )
}

/// One row of the team view: a respondent's overall stage and pillar
/// scores.
pub struct TeamRow {
    pub respondent: String,
    pub stage: String,
    pub score: String,
    pub pillars: Vec<String>,
}

/// A campaign's live team view: who has answered and how they score; the
/// page reloads itself every 10 seconds (no script).
pub fn team(
    lang: Lang,
    bank: &Bank,
    campaign: &crate::store::campaigns::Campaign,
    rows: &[TeamRow],
    means: &[String],
) -> Markup {
    let w = crate::messages::words(lang);
    let counts = crate::messages::Localized::new("admin-counts", &[])
        .count("finished", campaign.finished)
        .count("unfinished", campaign.unfinished)
        .in_lang(lang);
    page_refreshed(
        lang,
        &campaign.name,
        &[],
        Some(10),
        html! {
            p { a href="/admin" { (say_in(lang, "admin-title", &[])) } }
            h1 { (campaign.name) " · " (bank.title.get(lang)) }
            p { (counts) }
            @if !rows.is_empty() {
                table {
                    thead { tr {
                        th { (w.respondent) }
                        th { (w.stage) }
                        th { (w.score) }
                        @for pillar in &bank.pillars { th { (pillar.name.get(lang)) } }
                    } }
                    tbody {
                        @for row in rows {
                            tr {
                                td { (row.respondent) }
                                td { (row.stage) }
                                td { (row.score) }
                                @for score in &row.pillars { td { (score) } }
                            }
                        }
                        tr {
                            th { (w.mean) }
                            td {}
                            td {}
                            @for mean in means { th { (mean) } }
                        }
                    }
                }
            }
        },
    )
}

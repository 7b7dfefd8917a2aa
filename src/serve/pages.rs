//! The web form's pages, written with maud (every value escaped), in the
//! respondent's language. No script: every flow is a plain HTML form.

use crate::lang::Lang;
use crate::messages::{question_header, say_in};
use crate::model::answers::Choice;
use crate::model::bank::Bank;
use maud::{DOCTYPE, Markup, html};

/// A whole page: head, the language links, the body.
pub(super) fn page(lang: Lang, title: &str, languages: &[(Lang, String)], body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
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

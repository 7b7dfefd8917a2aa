//! `pyramid campaign new|list|close|erase|export|import|backup`: the
//! campaigns of the web form, kept in the database file.

use super::Setup;
use super::gather::{Options, gather};
use crate::cli::{CampaignCommand, CampaignFormat, DbArg};
use crate::exit_code::ExitCode;
use crate::export::Grid;
use crate::export::table::render;
use crate::lang::Lang;
use crate::messages::LocalizedContext;
use crate::messages::{Localized, say_in};
use crate::output::print;
use crate::store::Store;
use crate::store::campaigns::{Campaign, Listed, NewCampaign};
use crate::terminal::style::stdout_style;
use anyhow::Result;
use serde::Serialize;

/// Runs a campaign command; `setup` (the model) is there for `new`.
pub fn run(command: &CampaignCommand, setup: Option<&Setup>, lang: Lang) -> Result<ExitCode> {
    match command {
        CampaignCommand::New {
            name,
            anonymous,
            db,
            ..
        } => {
            let Some(setup) = setup else {
                return Ok(ExitCode::BadInput);
            };
            let store = open(db)?;
            let made = store.in_transaction(|store| create(store, setup, name, *anonymous))?;
            created(&store, &made, lang)?;
        }
        CampaignCommand::Import {
            name,
            paths,
            anonymous,
            map,
            db,
            ..
        } => {
            let Some(setup) = setup else {
                return Ok(ExitCode::BadInput);
            };
            let read = crate::cli::ReadArgs {
                map: map.clone(),
                ..crate::cli::ReadArgs::default()
            };
            return import(setup, name, paths, *anonymous, read, db, lang);
        }
        CampaignCommand::Export { name, output, db } => {
            export(&open(db)?, name, output, lang)?;
        }
        CampaignCommand::List { format, db } => {
            let store = open(db)?;
            let campaigns = store.campaigns()?;
            let text = match format {
                CampaignFormat::Table => table(&campaigns, lang),
                CampaignFormat::Json => json(&campaigns)?,
            };
            print(&text)?;
        }
        CampaignCommand::Close { name, db } => {
            open(db)?.close_campaign(name)?;
            print(&format!(
                "{}\n",
                say_in(lang, "campaign-closed", &[("name", name)])
            ))?;
        }
        CampaignCommand::Backup { output, db } => {
            let store = open(db)?;
            crate::output::Destination::new(Some(output)).check(&[store.path()])?;
            store.back_up(output)?;
            let args = [
                ("db", store.path().display().to_string()),
                ("file", output.display().to_string()),
            ];
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            print(&format!("{}\n", say_in(lang, "campaign-backed-up", &args)))?;
        }
        CampaignCommand::Erase {
            name,
            respondent,
            db,
        } => {
            let store = open(db)?;
            let line = match respondent {
                Some(respondent) => {
                    let erased = store.erase_respondent(name, respondent)?;
                    Localized::new(
                        "respondent-erased",
                        &[("name", name), ("respondent", respondent)],
                    )
                    .count("count", erased)
                    .in_lang(lang)
                }
                None => {
                    store.erase_campaign(name)?;
                    say_in(lang, "campaign-erased", &[("name", name)])
                }
            };
            print(&format!("{line}\n"))?;
        }
    }
    Ok(ExitCode::Success)
}

/// Creates campaign `name` with the model or bank of `setup`.
fn create(store: &Store, setup: &Setup, name: &str, anonymous: bool) -> Result<Campaign> {
    let (model, bank_yaml) = setup.kept_model()?;
    store.create_campaign(&NewCampaign {
        name,
        model: &model,
        bank_yaml: bank_yaml.as_deref(),
        anonymous,
    })
}

/// Says that a campaign was made, and its link.
fn created(store: &Store, made: &Campaign, lang: Lang) -> Result<()> {
    let db = store.path().display().to_string();
    let args = [
        ("name", made.name.as_str()),
        ("model", made.model.as_str()),
        ("link", made.link.as_str()),
        ("db", db.as_str()),
    ];
    print(&format!("{}\n", say_in(lang, "campaign-created", &args)))
}

/// Reads `paths` as `score` does and, when every respondent is valid,
/// makes campaign `name` of them, each finished: all in one transaction,
/// so a problem leaves the file as it was.
fn import(
    setup: &Setup,
    name: &str,
    paths: &[std::path::PathBuf],
    anonymous: bool,
    read: crate::cli::ReadArgs,
    db: &DbArg,
    lang: Lang,
) -> Result<ExitCode> {
    let store = open(db)?;
    let options = Options {
        read,
        keep_rows: true,
        keep_answers: true,
        spool: false,
        second_reading: false,
        db: db.db.clone(),
    };
    let tally = gather(setup, paths, options)?;
    if tally.problem_count > 0 {
        tally.report_problems(false);
        return Err(crate::exit_code::AlreadyReported.into());
    }
    let bank = &setup.bank;
    let respondents = tally.respondents.unwrap_or_default();
    let answers = tally.answers.unwrap_or_default();
    if respondents.is_empty() {
        return Err(Localized::new("no-answers", &[]).into());
    }
    let respondent_lang = bank
        .languages()
        .first()
        .map_or("en", |l| l.code())
        .to_string();
    let made = store.in_transaction(|store| {
        let made = create(store, setup, name, anonymous)?;
        for (scored, responses) in respondents.iter().zip(&answers) {
            let Some(responses) = responses else {
                continue;
            };
            let keys: Vec<(&str, &str)> = responses.keys(bank).collect();
            let person = (!anonymous).then_some(scored.respondent.as_str());
            let token = crate::store::secret()?;
            store.add_finished(name, &token, person, &respondent_lang, &keys)?;
        }
        Ok(made)
    })?;
    created(&store, &made, lang)?;
    let line = Localized::new("campaign-imported", &[("name", name)])
        .count("count", respondents.len())
        .in_lang(lang);
    print(&format!("{line}\n"))?;
    Ok(ExitCode::Success)
}

/// Writes each finished respondent of campaign `name` as an answer file
/// (`0001.yaml`, …) into `folder`, which must be new or empty.
fn export(store: &Store, name: &str, folder: &std::path::Path, lang: Lang) -> Result<()> {
    let shown = folder.display().to_string();
    let bank = crate::input::campaign::bank(store, name)?;
    let people = store.respondents(name)?;
    let empty = match std::fs::read_dir(folder) {
        Ok(mut entries) => entries.next().is_none(),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => true,
        Err(err) => return Err(crate::messages::cannot_read(&shown, &err)),
    };
    if !empty || folder.is_file() {
        return Err(Localized::new("export-folder-not-empty", &[("folder", &shown)]).into());
    }
    std::fs::create_dir_all(folder)
        .localized(|| Localized::new("cannot-write", &[("file", &shown)]))?;
    let finished: Vec<_> = people.iter().filter(|p| p.finished).collect();
    for (n, person) in finished.iter().enumerate() {
        let responses = crate::input::campaign::responses(&bank, person);
        let label = person.name.clone().unwrap_or_else(|| format!("#{}", n + 1));
        // Dated the day they finished.
        let date = person.finished_at.as_deref().and_then(|at| at.get(..10));
        let yaml = match date {
            Some(date) => {
                crate::input::answer_file::to_yaml_dated(&bank, &label, &responses, date)?
            }
            None => crate::input::answer_file::to_yaml(&bank, &label, &responses)?,
        };
        let file = folder.join(format!("{:04}.yaml", n + 1));
        crate::output::write_atomically(&file, yaml.as_bytes())?;
    }
    let line = Localized::new("campaign-exported", &[("name", name), ("folder", &shown)])
        .count("count", finished.len())
        .count("unfinished", people.len() - finished.len())
        .in_lang(lang);
    print(&format!("{line}\n"))
}

/// The database named by `--db`, else the one in the user's data folder.
fn open(db: &DbArg) -> Result<Store> {
    let path = crate::store::chosen_path(db.db.as_deref())?;
    Store::open(&path)
}

fn table(campaigns: &[Listed], lang: Lang) -> String {
    let heading = |key| say_in(lang, key, &[]);
    let header = vec![
        heading("campaign-column-name"),
        heading("campaign-column-model"),
        heading("campaign-column-finished"),
        heading("campaign-column-unfinished"),
        heading("campaign-column-status"),
    ];
    let rows = campaigns
        .iter()
        .map(|listed| {
            let campaign = &listed.campaign;
            let status = say_in(lang, "campaign-status", &[("status", campaign.status())]);
            vec![
                crate::visible::visible(&campaign.name).into_owned(),
                campaign.model.clone(),
                listed.finished.to_string(),
                listed.unfinished.to_string(),
                status,
            ]
        })
        .collect();
    let table = render(&Grid { header, rows }, stdout_style());
    if campaigns.is_empty() {
        return format!("{}\n", say_in(lang, "campaign-none", &[]));
    }
    // The links below the table, each on one line to be copied whole.
    let mut text = format!("{table}\n{}\n", heading("campaign-links"));
    for Listed { campaign, .. } in campaigns {
        let name = crate::visible::visible(&campaign.name);
        text.push_str(&format!("  {name}: {}\n", campaign.link));
    }
    text
}

#[derive(Serialize)]
struct CampaignsJson<'a> {
    version: u32,
    campaigns: Vec<CampaignJson<'a>>,
}

#[derive(Serialize)]
struct CampaignJson<'a> {
    name: &'a str,
    model: &'a str,
    link: &'a str,
    anonymous: bool,
    finished: u64,
    unfinished: u64,
    status: &'static str,
}

fn json(campaigns: &[Listed]) -> Result<String> {
    let document = CampaignsJson {
        version: 1,
        campaigns: campaigns
            .iter()
            .map(|listed| CampaignJson {
                name: &listed.campaign.name,
                model: &listed.campaign.model,
                link: &listed.campaign.link,
                anonymous: listed.campaign.anonymous,
                finished: listed.finished,
                unfinished: listed.unfinished,
                status: listed.campaign.status(),
            })
            .collect(),
    };
    Ok(format!("{}\n", serde_json::to_string_pretty(&document)?))
}

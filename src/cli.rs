//! The command line.

use crate::export::{ComparisonFormat, QuestionsFormat, ScoresFormat};
use crate::lang::Lang;
use crate::model::bank::{MAX_STAGES, MIN_STAGES};
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "pyramid",
    version,
    about = "The Digital Growth Pyramid self-assessment: how far has your organisation grown up online, and what next?",
    long_about = None,
    after_help = "Examples:\n  pyramid                      take the self-test (same as `pyramid test`)\n  pyramid test --lang nl --save mijn-antwoorden.yaml\n  pyramid score team-export.csv --summary\n  pyramid compare export-q3.csv export-q4.csv --summary\n  pyramid report export-q4.csv --previous export-q3.csv --output report.html\n  pyramid questions --format json"
)]
pub struct Cli {
    /// Language of everything shown: nl, en, fr, or any language the bank has [default: PYRAMID_LANG, else LC_ALL, LC_MESSAGES or LANG, else the system setting]
    #[arg(long, global = true, value_name = "CODE")]
    pub lang: Option<Lang>,

    /// `pyramid` alone takes the self-test, with `test`'s options.
    #[command(flatten)]
    pub test: TestArgs,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The question bank: shared by every command that asks or scores.
#[derive(Clone, Debug, Args)]
pub struct BankArg {
    /// Use the question bank in FILE instead of a bundled model
    #[arg(long, value_name = "FILE", env = "PYRAMID_BANK")]
    pub bank: Option<PathBuf>,

    /// The bundled model to use (see `pyramid models`); --bank takes precedence
    #[arg(
        long,
        value_name = "NAME",
        default_value = "pyramid",
        env = "PYRAMID_MODEL"
    )]
    pub model: String,
}

/// Parses the command line. The self-test's options given before another
/// subcommand (`pyramid --model social score`) are a usage error, exit 2,
/// rather than silently ignored: each goes after the subcommand it is for.
pub fn parse() -> Cli {
    use clap::{CommandFactory, FromArgMatches, parser::ValueSource};
    let mut command = Cli::command();
    let matches = command.get_matches_mut();
    if let Some((name, _)) = matches.subcommand() {
        let misplaced = command.get_arguments().find(|arg| {
            !arg.is_global_set()
                && matches.value_source(arg.get_id().as_str()) == Some(ValueSource::CommandLine)
        });
        if let Some(arg) = misplaced {
            let option = arg
                .get_long()
                .map_or_else(|| arg.get_id().to_string(), |long| format!("--{long}"));
            let text = format!(
                "{option} before `{name}` is an option of the self-test; put it after the subcommand: pyramid {name} {option} …"
            );
            command
                .error(clap::error::ErrorKind::ArgumentConflict, text)
                .exit();
        }
    }
    Cli::from_arg_matches(&matches).unwrap_or_else(|err| err.exit())
}

impl Cli {
    /// `--lang`, else the language of the environment.
    pub fn lang(&self) -> Lang {
        self.lang.unwrap_or_else(Lang::from_env)
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Take the 5-minute self-test in the terminal
    #[command(
        after_help = "Example:\n  pyramid test --lang en --respondent \"An Peeters\" --save an.yaml"
    )]
    Test(TestArgs),
    /// Score answer files, survey exports (CSV, XLSX) and folders of them
    #[command(
        after_help = "Examples:\n  pyramid score an.yaml jan.yaml\n  pyramid score team-export.csv --summary --rows --format markdown\n  pyramid score answers/ --format csv --output scores.csv\n  cat an.json | pyramid score --format json"
    )]
    Score(ScoreArgs),
    /// Compare two assessments: what moved per pillar, overall and per answer
    #[command(
        after_help = "Examples:\n  pyramid compare an-q3.yaml an-q4.yaml\n  pyramid compare export-q3.csv export-q4.csv --summary --format markdown\n  pyramid compare scores-q3.json export-q4.csv --summary"
    )]
    Compare(CompareArgs),
    /// Write a report as one self-contained HTML file: pyramid, radar chart, table, advice
    #[command(
        after_help = "Examples:\n  pyramid report an.yaml --output an.html\n  pyramid report export-q4.csv --previous export-q3.csv --lang nl --output team-q4.html\n  pyramid report q4.csv --previous q2.csv --previous q3.csv --output trend.html\n  pyramid report --output my-trend.html     your self-tests: the last, and the trend"
    )]
    Report(ReportArgs),
    /// List the bundled models
    #[command(after_help = "Example:\n  pyramid models --lang nl")]
    Models,
    /// List the self-tests kept on this machine, with their dates and stages
    #[command(
        after_help = "Examples:\n  pyramid history\n  pyramid compare            compare the last two\n  pyramid report self-test:3 --previous self-test:1 --output then-and-now.html"
    )]
    History(HistoryArgs),
    /// Team campaigns kept in a database file: create, list, close, erase
    #[command(
        subcommand,
        after_help = "Examples:\n  pyramid campaign new \"Team Q4\"\n  pyramid campaign new \"Workshop\" --model social --anonymous --db workshop.sqlite\n  pyramid campaign list --format json\n  pyramid campaign erase \"Team Q4\" --respondent \"An Peeters\""
    )]
    Campaign(CampaignCommand),
    /// Serve the campaigns as a web form for a whole team
    #[command(
        after_help = "Examples:\n  pyramid serve\n  pyramid serve --db team.sqlite --bind 127.0.0.1:0"
    )]
    Serve(ServeArgs),
    /// Check question bank files: every loader check, plus warnings
    #[command(
        after_help = "Examples:\n  pyramid validate mybank.yaml\n  pyramid validate --strict questions/*.yaml"
    )]
    Validate(ValidateArgs),
    /// Print a valid skeleton question bank to fill in
    #[command(
        after_help = "Example:\n  pyramid new-bank --stages 5 --pillars people,process,tools > mybank.yaml"
    )]
    NewBank(NewBankArgs),
    /// Print a shell completion script
    #[command(
        after_help = "Examples:\n  pyramid completions bash > ~/.local/share/bash-completion/completions/pyramid\n  pyramid completions zsh > ~/.zfunc/_pyramid\n  pyramid completions fish > ~/.config/fish/completions/pyramid.fish"
    )]
    Completions {
        /// The shell
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), or write one per subcommand into a folder
    #[command(
        after_help = "Examples:\n  pyramid man > pyramid.1 && man ./pyramid.1\n  pyramid man --dir ~/.local/share/man/man1"
    )]
    Man {
        /// Write pyramid.1 and a page per subcommand (pyramid-score.1, …) into DIR
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// List the question bank's questions and options
    #[command(
        after_help = "Examples:\n  pyramid questions --lang nl\n  pyramid questions --format json | jq '.questions[].id'"
    )]
    Questions(QuestionsArgs),
}

#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// Answer files (.yaml, .json), survey exports (.csv, .xlsx) or folders of them; `-` or none reads standard input
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Score a campaign of the database as well (repeatable)
    #[arg(long = "campaign", value_name = "NAME")]
    pub campaigns: Vec<String>,

    #[command(flatten)]
    pub db: DbArg,

    /// Output format
    #[arg(long, value_enum, default_value_t = ScoresFormat::Table)]
    pub format: ScoresFormat,

    /// Show the team summary instead of one row per respondent
    #[arg(long)]
    pub summary: bool,

    /// With --summary: show the rows per respondent as well
    #[arg(long, requires = "summary")]
    pub rows: bool,

    #[command(flatten)]
    pub output: OutputArg,

    #[command(flatten)]
    pub read: ReadArgs,

    /// Score the valid respondents, report the others on stderr, exit 1
    #[arg(long)]
    pub skip_invalid: bool,

    #[command(flatten)]
    pub target: TargetArg,

    #[command(flatten)]
    pub bank: BankArg,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The earlier assessment: an answer file, a survey export, a folder, the JSON `pyramid score` wrote, campaign:NAME or self-test:N [default: your second-last self-test]
    #[arg(requires = "new")]
    pub old: Option<PathBuf>,

    /// The later assessment, in any of the same forms [default: your last self-test]
    pub new: Option<PathBuf>,

    #[command(flatten)]
    pub db: DbArg,

    /// Compare the teams' mean pillar scores (needed when a side holds more than one respondent)
    #[arg(long)]
    pub summary: bool,

    /// Output format
    #[arg(long, value_enum, default_value_t = ComparisonFormat::Table)]
    pub format: ComparisonFormat,

    #[command(flatten)]
    pub output: OutputArg,

    #[command(flatten)]
    pub read: ReadArgs,

    #[command(flatten)]
    pub target: TargetArg,

    #[command(flatten)]
    pub bank: BankArg,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Answer files, survey exports, folders or scores JSON, as for `score`; more than one respondent makes a team report; none: your last self-test, with the ones before it as the trend
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// An earlier assessment, oldest first when repeated (at most 11): the last is drawn as an outline and compared with; three or more assessments add the trend
    #[arg(long, value_name = "PATH")]
    pub previous: Vec<PathBuf>,

    #[command(flatten)]
    pub db: DbArg,

    /// The HTML file to write (whole or not at all)
    #[arg(long, short, value_name = "FILE")]
    pub output: PathBuf,

    #[command(flatten)]
    pub read: ReadArgs,

    #[command(flatten)]
    pub target: TargetArg,

    #[command(flatten)]
    pub bank: BankArg,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Bank files to check
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,

    /// Exit 1 when there are warnings
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Args)]
pub struct NewBankArgs {
    /// Number of stages, lowest first (2 to 9)
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u8).range(MIN_STAGES as i64..=MAX_STAGES as i64))]
    pub stages: u8,

    /// Pillar ids, comma separated (1 to 12)
    #[arg(long, value_delimiter = ',', required = true)]
    pub pillars: Vec<String>,

    /// The bank's id
    #[arg(long, default_value = "my-model")]
    pub id: String,
}

/// How respondents are read: shared by `score`, `compare` and `report`.
#[derive(Clone, Debug, Default, Args)]
pub struct ReadArgs {
    /// A survey column that stands for a question: its header as in the file, `=`, the question's id (repeat for more)
    #[arg(long, value_name = "COLUMN=QUESTION")]
    pub map: Vec<crate::input::matching::ColumnMap>,

    /// Score respondents with missing answers on what they did answer
    #[arg(long)]
    pub allow_incomplete: bool,

    /// Keep every submission of a respondent named twice in an export (by default the later one counts)
    #[arg(long)]
    pub keep_duplicates: bool,
}

/// `--target`: shared by `test`, `score`, `compare` and `report`.
#[derive(Clone, Debug, Default, Args)]
pub struct TargetArg {
    /// A target: `stage=3` for every pillar and/or `PILLAR=STAGE` pairs, such as traffic=3,conversion=3
    #[arg(long = "target", value_name = "SPEC")]
    pub spec: Option<String>,
}

/// `--output` of a command that otherwise prints: `score` and `compare`.
#[derive(Clone, Debug, Default, Args)]
pub struct OutputArg {
    /// Write to FILE (whole or not at all) instead of standard output; `-` is standard output
    #[arg(long = "output", short = 'o', value_name = "FILE")]
    pub path: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct TestArgs {
    /// Also write the answers to FILE (an answer file, YAML)
    #[arg(long, value_name = "FILE")]
    pub save: Option<PathBuf>,

    /// The name stored in the answer file [default: your login name from USER, LOGNAME or USERNAME]
    #[arg(long, value_name = "NAME")]
    pub respondent: Option<String>,

    /// Continue an interrupted test at its first unanswered question
    #[arg(long)]
    pub resume: bool,

    /// Print a result taller than the terminal as it is, not through the pager (PAGER, else less -FRX)
    #[arg(long)]
    pub no_pager: bool,

    /// When to colour the questions and the result
    #[arg(long, value_name = "WHEN", value_enum, default_value_t = crate::terminal::style::ColorChoice::Auto)]
    pub color: crate::terminal::style::ColorChoice,

    #[command(flatten)]
    pub bank: BankArg,

    #[command(flatten)]
    pub db: DbArg,

    #[command(flatten)]
    pub target: TargetArg,
}

#[derive(Debug, Args)]
pub struct QuestionsArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = QuestionsFormat::Table)]
    pub format: QuestionsFormat,

    #[command(flatten)]
    pub bank: BankArg,
}

/// `pyramid campaign …`.
#[derive(Debug, Subcommand)]
pub enum CampaignCommand {
    /// Create a campaign with its own link for respondents
    New {
        /// The campaign's name, unique in the database
        name: String,
        /// Ask no names: answers are kept without one
        #[arg(long)]
        anonymous: bool,
        #[command(flatten)]
        bank: BankArg,
        #[command(flatten)]
        db: DbArg,
    },
    /// List the campaigns with their links and counts
    List {
        /// Output format
        #[arg(long, value_enum, default_value_t = CampaignFormat::Table)]
        format: CampaignFormat,
        #[command(flatten)]
        db: DbArg,
    },
    /// Close a campaign: its link then stores nothing
    Close {
        /// The campaign's name
        name: String,
        #[command(flatten)]
        db: DbArg,
    },
    /// Write a campaign's finished respondents as answer files, one per respondent, into an empty folder
    Export {
        /// The campaign's name
        name: String,
        /// The folder to write (made if missing; must be empty)
        #[arg(long, short, value_name = "DIR")]
        output: PathBuf,
        #[command(flatten)]
        db: DbArg,
    },
    /// Make a campaign from answer files or survey exports (what `score` reads), every respondent finished
    Import {
        /// The new campaign's name
        name: String,
        /// Answer files, folders of them or survey exports
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Keep no names
        #[arg(long)]
        anonymous: bool,
        /// A survey column that stands for a question, as for `score`
        #[arg(long, value_name = "COLUMN=QUESTION")]
        map: Vec<crate::input::matching::ColumnMap>,
        #[command(flatten)]
        bank: BankArg,
        #[command(flatten)]
        db: DbArg,
    },
    /// Copy the database file with every campaign, consistent even while a server writes to it
    Backup {
        /// The copy to write (replaced whole if it exists)
        #[arg(long, short, value_name = "FILE")]
        output: PathBuf,
        #[command(flatten)]
        db: DbArg,
    },
    /// Erase a campaign, or one respondent's answers in it, for good
    Erase {
        /// The campaign's name
        name: String,
        /// Erase only this respondent's answers (a GDPR erasure request)
        #[arg(long, value_name = "NAME")]
        respondent: Option<String>,
        #[command(flatten)]
        db: DbArg,
    },
}

/// `pyramid history`.
#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = CampaignFormat::Table)]
    pub format: CampaignFormat,
    #[command(flatten)]
    pub db: DbArg,
}

/// `pyramid serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address and port to listen on; port 0 picks a free one
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:8080")]
    pub bind: String,
    /// Keep the admin token in FILE (made on first use) instead of a fresh one at each start
    #[arg(long, value_name = "FILE")]
    pub admin_token_file: Option<PathBuf>,
    /// Form posts a second from one address (a burst of eight seconds' worth passes); 0: no limit
    #[arg(long, value_name = "N", default_value_t = 50)]
    pub post_limit: u32,
    /// Keep the database file under this many MiB: beyond it, answers get "try again" (503)
    #[arg(long, value_name = "MIB", value_parser = clap::value_parser!(u64).range(1..))]
    pub max_db_size: Option<u64>,
    #[command(flatten)]
    pub db: DbArg,
}

/// The database file of campaigns.
#[derive(Clone, Debug, Default, Args)]
pub struct DbArg {
    /// The database file of campaigns and self-tests; `campaign:NAME` and `self-test:N` as a path read one [default: pyramid.sqlite in the user's data folder]
    #[arg(long, value_name = "FILE", env = "PYRAMID_DB")]
    pub db: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum CampaignFormat {
    Table,
    Json,
}

//! `eval`: scores actorgraph (or external predictions) on the dev sets.
//!
//! ```text
//! cargo run --release --bin eval -- entities [--predictions FILE] [--devset PATH] [--json]
//! cargo run --release --bin eval -- relations gsr|unit [--details] [--predictions FILE] [--devset PATH] [--json]
//! cargo run --release --bin eval -- dump uner|gsr|unit [--devset PATH]
//! cargo run --release --bin eval -- unit-lexicon OUT_DIR [--devset PATH]
//! ```
//!
//! Dev sets default to `../shared/devsets/...` relative to the repository
//! root (or `$ACTORGRAPH_DEVSETS`). A missing dev set exits with status 2.

use std::path::PathBuf;
use std::process::ExitCode;

use actorgraph::eval::{
    default_actors_tsv, default_devsets_dir, run_eval, DumpDataset, EvalCommand, RelationDataset,
    CAMEO2PLOVER_FILE, GSR_FILE, UNER_FILE, UNIT_DIR,
};
use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(
    name = "eval",
    about = "Score actorgraph on the dev sets (markdown tables, or --json)"
)]
struct Cli {
    /// Print the machine-readable report as JSON.
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Entity spans on UNER English-EWT (PER, ORG, LOC, COUNTRY).
    Entities {
        /// External predictions (JSONL: {"sent_id", "spans": [{"start", "end", "label"}]}).
        #[arg(long)]
        predictions: Option<PathBuf>,
        /// The IOB2 file.
        #[arg(long)]
        devset: Option<PathBuf>,
        /// The actors.tsv whose country rows define the COUNTRY row.
        #[arg(long)]
        countries: Option<PathBuf>,
    },
    /// Relations on PETRARCH records.
    Relations {
        /// Which records.
        #[arg(value_enum)]
        dataset: RelDataset,
        /// External predictions (JSONL: {"id", "relations": [{"source", "target", "category"}]}).
        #[arg(long)]
        predictions: Option<PathBuf>,
        /// The GSR XML file, or the unit-test folder.
        #[arg(long)]
        devset: Option<PathBuf>,
        /// The CAMEO2PLOVER table.
        #[arg(long)]
        cameo2plover: Option<PathBuf>,
        /// Per record: each gold event found, found with a wrong category or
        /// missed, and each prediction matching no gold pair.
        #[arg(long)]
        details: bool,
    },
    /// Print a dev set's sentences as JSONL (input for other systems).
    Dump {
        /// Which data set.
        #[arg(value_enum)]
        dataset: DumpSet,
        /// Its file (or the unit-test folder).
        #[arg(long)]
        devset: Option<PathBuf>,
    },
    /// Write the unit-test actor dictionary as a lexicon folder.
    UnitLexicon {
        /// Output folder.
        out: PathBuf,
        /// The unit-test folder.
        #[arg(long)]
        devset: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum RelDataset {
    Gsr,
    Unit,
}

#[derive(Clone, Copy, ValueEnum)]
enum DumpSet {
    Uner,
    Gsr,
    Unit,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let root = default_devsets_dir();
    let cmd = match cli.command {
        Command::Entities {
            predictions,
            devset,
            countries,
        } => EvalCommand::Entities {
            devset: devset.unwrap_or_else(|| root.join(UNER_FILE)),
            predictions,
            countries: countries.unwrap_or_else(default_actors_tsv),
        },
        Command::Relations {
            dataset,
            predictions,
            devset,
            cameo2plover,
            details,
        } => {
            let (dataset, default) = match dataset {
                RelDataset::Gsr => (RelationDataset::Gsr, root.join(GSR_FILE)),
                RelDataset::Unit => (RelationDataset::Unit, root.join(UNIT_DIR)),
            };
            EvalCommand::Relations {
                dataset,
                devset: devset.unwrap_or(default),
                predictions,
                cameo2plover: cameo2plover.unwrap_or_else(|| root.join(CAMEO2PLOVER_FILE)),
                details,
            }
        }
        Command::Dump { dataset, devset } => {
            let (dataset, default) = match dataset {
                DumpSet::Uner => (DumpDataset::Uner, root.join(UNER_FILE)),
                DumpSet::Gsr => (DumpDataset::Gsr, root.join(GSR_FILE)),
                DumpSet::Unit => (DumpDataset::Unit, root.join(UNIT_DIR)),
            };
            EvalCommand::Dump {
                dataset,
                devset: devset.unwrap_or(default),
            }
        }
        Command::UnitLexicon { out, devset } => EvalCommand::UnitLexicon {
            devset: devset.unwrap_or_else(|| root.join(UNIT_DIR)),
            out,
        },
    };
    match run_eval(&cmd) {
        Ok(out) => {
            let text = match (cli.json, out.json) {
                (true, Some(json)) => match serde_json::to_string_pretty(&json) {
                    Ok(s) => s + "\n",
                    Err(e) => {
                        eprintln!("eval: {e}");
                        return ExitCode::from(1);
                    }
                },
                _ => out.text,
            };
            // A closed pipe (`eval dump uner | head`) ends the output quietly.
            use std::io::Write;
            let _ = std::io::stdout().lock().write_all(text.as_bytes());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("eval: error: {e}");
            ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(1))
        }
    }
}

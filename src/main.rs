//! The `actorgraph` command line: a thin layer over the library.
//!
//! Exit codes: 0 success (warnings for skipped records on standard error),
//! 1 fatal error, 2 bad usage.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};

use actorgraph::export::Format;
use actorgraph::ingest::{IngestOptions, InputFormat};
use actorgraph::pipeline::{self, BuildOptions};

/// Turn news text into a knowledge graph of actors and their relations.
#[derive(Parser, Debug)]
#[command(name = "actorgraph", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Read articles and write the actor graph (DOT, GraphML, CSV) with its evidence.
    Build(BuildArgs),
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum StdinFormat {
    Text,
    Jsonl,
    Csv,
}

#[derive(clap::Args, Debug)]
struct BuildArgs {
    /// Files (.txt, .md, .jsonl, .ndjson, .csv, optionally .gz), directories, or `-` for standard input.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Output folder (created if missing).
    #[arg(short, long, default_value = "exports")]
    out: PathBuf,
    /// Comma-separated writers: dot, graphml, csv.
    #[arg(long, default_value = "dot,graphml,csv")]
    format: String,
    /// How to read standard input (`-`).
    #[arg(long, value_enum, default_value = "text")]
    input_format: StdinFormat,
    /// Extra lexicon folder (actors.tsv, demonyms.tsv, ...; see data/lexicon/README.md). Repeatable.
    #[arg(long)]
    lexicon: Vec<PathBuf>,
    /// Print no summary line.
    #[arg(short, long)]
    quiet: bool,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            // A closed pipe downstream is not an error worth reporting.
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            let usage = e.chain().any(|c| {
                matches!(
                    c.downcast_ref::<actorgraph::Error>(),
                    Some(actorgraph::Error::UnknownFormat(_)) | Some(actorgraph::Error::Usage(_))
                )
            });
            eprintln!("actorgraph: error: {e:#}");
            ExitCode::from(if usage { 2 } else { 1 })
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Build(args) => build(args),
    }
}

fn build(args: BuildArgs) -> anyhow::Result<ExitCode> {
    let formats = Format::parse_list(&args.format)?;
    let opts = BuildOptions {
        inputs: args.inputs,
        out: args.out.clone(),
        formats,
        ingest: IngestOptions {
            stdin_format: match args.input_format {
                StdinFormat::Text => InputFormat::Text,
                StdinFormat::Jsonl => InputFormat::Jsonl,
                StdinFormat::Csv => InputFormat::Csv,
            },
        },
        lexicons: args.lexicon,
    };
    let summary = pipeline::build(&opts, |d| eprintln!("actorgraph: warning: {d}"))
        .with_context(|| format!("building the graph into {}", args.out.display()))?;
    if !args.quiet {
        let mb = summary.bytes as f64 / 1e6;
        let line = format!(
            "{} documents ({:.1} MB), {} actors, {} edges from {} relation mentions, {} skipped, {:.2} s -> {}",
            summary.documents,
            mb,
            summary.actors,
            summary.edges,
            summary.relations,
            summary.skipped.len(),
            summary.seconds,
            args.out.display()
        );
        eprintln!("actorgraph: {line}");
    }
    Ok(ExitCode::SUCCESS)
}

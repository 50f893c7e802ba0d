//! The `actorgraph` command line: a thin layer over the library.
//!
//! Exit codes: 0 success (warnings for skipped records on standard error),
//! 1 fatal error (or, with `build --strict`, any warning), 2 bad usage.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};

use actorgraph::export::Format;
use actorgraph::ingest::{IngestOptions, InputFormat, Severity};
use actorgraph::merge::{self, MergeOptions};
use actorgraph::pipeline::{self, BuildOptions, Progress};

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
    /// Combine the output folders of several `build` runs over consecutive
    /// parts of a corpus into what one run over the whole corpus writes.
    Merge(MergeArgs),
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
    /// Worker threads (default: the number of cores). The output is the same for every value.
    #[arg(short, long, value_parser = clap::value_parser!(u32).range(1..))]
    jobs: Option<u32>,
    /// Print no progress bar and no summary line.
    #[arg(short, long)]
    quiet: bool,
    /// Fail (exit 1, after writing the outputs) if any input was skipped or
    /// repaired, i.e. on any warning; notes do not count.
    #[arg(long)]
    strict: bool,
}

#[derive(clap::Args, Debug)]
struct MergeArgs {
    /// Output folders of `actorgraph build`, in corpus order (each needs its graph.state.jsonl).
    #[arg(required = true)]
    dirs: Vec<PathBuf>,
    /// Output folder (created if missing).
    #[arg(short, long, default_value = "exports")]
    out: PathBuf,
    /// Comma-separated writers: dot, graphml, csv (csv also concatenates mentions.csv and relations.csv).
    #[arg(long, default_value = "dot,graphml,csv")]
    format: String,
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
        Command::Merge(args) => merge(args),
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
        jobs: args.jobs.map_or(0, |j| j as usize),
    };
    // A progress bar only for a person watching: on a terminal, and not with --quiet.
    let bar = (!args.quiet && std::io::stderr().is_terminal()).then(|| progress_bar(&opts.inputs));
    let result = pipeline::build_with_progress(
        &opts,
        |d| match &bar {
            Some((bar, _)) => bar.suspend(|| eprintln!("actorgraph: {}: {d}", d.severity)),
            None => eprintln!("actorgraph: {}: {d}", d.severity),
        },
        |p: &Progress| {
            if let Some((bar, docs)) = &bar {
                docs.store(p.documents, Ordering::Relaxed);
                bar.set_position(p.input_bytes.min(bar.length().unwrap_or(u64::MAX)));
            }
        },
    );
    if let Some((bar, _)) = &bar {
        bar.finish_and_clear();
    }
    let summary = result.with_context(|| format!("building the graph into {}", args.out.display()))?;
    if !args.quiet {
        let mb = summary.bytes as f64 / 1e6;
        let line = format!(
            "{} documents ({:.1} MB, {:.1} MB/s), {} actors, {} edges from {} relation mentions, {} skipped, {:.2} s -> {}",
            summary.documents,
            mb,
            mb / summary.seconds.max(1e-9),
            summary.actors,
            summary.edges,
            summary.relations,
            summary.skipped.len(),
            summary.seconds,
            args.out.display()
        );
        eprintln!("actorgraph: {line}");
    }
    if args.strict {
        let warnings = summary
            .skipped
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count();
        if warnings > 0 {
            eprintln!("actorgraph: error: {warnings} input warnings with --strict (outputs written)");
            return Ok(ExitCode::FAILURE);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The progress bar of `build` and the document counter it shows: a bar with
/// ETA when the input size is known (plain files), a spinner otherwise
/// (standard input, `.gz`).
fn progress_bar(inputs: &[PathBuf]) -> (indicatif::ProgressBar, Arc<AtomicU64>) {
    use indicatif::{ProgressBar, ProgressState, ProgressStyle};
    let docs = Arc::new(AtomicU64::new(0));
    let counter = Arc::clone(&docs);
    let show_docs = move |_: &ProgressState, w: &mut dyn std::fmt::Write| {
        let _ = write!(w, "{}", counter.load(Ordering::Relaxed));
    };
    let (bar, template) = match pipeline::input_size(inputs) {
        Some(total) => (
            ProgressBar::new(total),
            "{wide_bar} {percent:>3}% {docs} docs, {decimal_bytes}/{decimal_total_bytes}, \
             {decimal_bytes_per_sec}, ETA {eta}",
        ),
        None => (
            ProgressBar::new_spinner(),
            "{spinner} {docs} docs, {decimal_bytes}, {decimal_bytes_per_sec}, {elapsed}",
        ),
    };
    let style = ProgressStyle::with_template(template)
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .with_key("docs", show_docs);
    bar.set_style(style);
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    (bar, docs)
}

fn merge(args: MergeArgs) -> anyhow::Result<ExitCode> {
    let opts = MergeOptions {
        dirs: args.dirs,
        out: args.out.clone(),
        formats: Format::parse_list(&args.format)?,
    };
    let summary = merge::merge(&opts).with_context(|| format!("merging into {}", args.out.display()))?;
    if !args.quiet {
        eprintln!(
            "actorgraph: merged {} folders: {} actors, {} edges, {:.2} s -> {}",
            summary.folders,
            summary.actors,
            summary.edges,
            summary.seconds,
            args.out.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

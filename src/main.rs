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

use actorgraph::analyze::{self, Stats};
use actorgraph::export::dot::{StyleOptions, DEFAULT_MAX_EDGES};
use actorgraph::export::Format;
use actorgraph::filter::{self, FilterOptions};
use actorgraph::graph::ActorGraph;
use actorgraph::ingest::{IngestOptions, InputFormat, Severity};
use actorgraph::merge::{self, MergeOptions};
use actorgraph::model::ActorKind;
use actorgraph::pipeline::{self, BuildOptions, Progress};
use actorgraph::render::{self, Engine, ImageFormat};
use actorgraph::vocab::Vocabulary;

mod allocator;

/// mimalloc: the per-document analysis makes many small, short-lived
/// allocations (words, names, records), which it serves faster than the
/// system allocator, from per-thread heaps. Built without transparent huge
/// pages (feature `no_thp`, see Cargo.toml).
#[global_allocator]
static ALLOCATOR: allocator::MiMalloc = allocator::MiMalloc;

/// Turn news text into a knowledge graph of actors and their relations.
#[derive(Parser, Debug)]
#[command(name = "actorgraph", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Read articles and write the actor graph (DOT, GraphML, CSV, ...) with its evidence.
    Build(BuildArgs),
    /// Combine the output folders of several `build` runs over consecutive
    /// parts of a corpus into what one run over the whole corpus writes.
    Merge(MergeArgs),
    /// Print statistics of the graph of some articles (or of `build` output
    /// folders): degree, PageRank, betweenness, communities, cooperative and
    /// conflictual pairs.
    Stats(StatsArgs),
    /// Draw a `build` output folder (its graph.state.jsonl, styled, with a
    /// legend) or a DOT file as SVG or PNG with Graphviz.
    Render(RenderArgs),
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum StdinFormat {
    Text,
    Jsonl,
    Csv,
}

/// How articles are read and analyzed (shared by `build` and `stats`).
#[derive(clap::Args, Debug)]
struct ReadArgs {
    /// How to read standard input (`-`).
    #[arg(long, value_enum, default_value = "text")]
    input_format: StdinFormat,
    /// Extra lexicon folder (actors.tsv, demonyms.tsv, ...; see data/lexicon/README.md). Repeatable.
    #[arg(long)]
    lexicon: Vec<PathBuf>,
    /// Worker threads (default: the number of cores). The output is the same for every value.
    #[arg(short, long, value_parser = clap::value_parser!(u32).range(1..))]
    jobs: Option<u32>,
}

impl ReadArgs {
    /// Build options reading `inputs` this way (everything else default).
    fn options(self, inputs: Vec<PathBuf>) -> BuildOptions {
        BuildOptions {
            inputs,
            ingest: IngestOptions {
                stdin_format: match self.input_format {
                    StdinFormat::Text => InputFormat::Text,
                    StdinFormat::Jsonl => InputFormat::Jsonl,
                    StdinFormat::Csv => InputFormat::Csv,
                },
            },
            lexicons: self.lexicon,
            jobs: self.jobs.map_or(0, |j| j as usize),
            ..BuildOptions::default()
        }
    }
}

#[derive(clap::Args, Debug)]
struct BuildArgs {
    /// Files (.txt, .md, .jsonl, .ndjson, .csv, optionally .gz), directories, or `-` for standard input.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Output folder (created if missing).
    #[arg(short, long, default_value = "exports")]
    out: PathBuf,
    /// Comma-separated writers: dot, graphml, csv, gexf, gexf-directed (for NetworkX), json, neo4j; svg and
    /// png render graph.svg / graph.png with Graphviz.
    #[arg(long, default_value = "dot,graphml,csv")]
    format: String,
    #[command(flatten)]
    read: ReadArgs,
    /// Print no progress bar and no summary line.
    #[arg(short, long)]
    quiet: bool,
    /// Fail (exit 1, after writing the outputs) if any input was skipped or
    /// repaired, i.e. on any warning; notes do not count.
    #[arg(long)]
    strict: bool,
    #[command(flatten)]
    filter: FilterArgs,
}

/// Filters on the graph (see src/filter.rs). For `build` they shape the
/// graph exports and images only: mentions.csv, relations.csv and
/// graph.state.jsonl always hold the whole graph.
#[derive(clap::Args, Debug, Default)]
#[command(next_help_heading = "Filters")]
struct FilterArgs {
    /// Keep edges with these relation keys (comma-separated: met_with,supports,...).
    #[arg(long, value_name = "LIST")]
    relations: Option<String>,
    /// Keep edges of these categories (comma-separated PLOVER categories or AFFILIATION).
    #[arg(long, value_name = "LIST")]
    categories: Option<String>,
    /// Keep actors of these kinds (comma-separated: person, country, organization, group, location).
    #[arg(long, value_name = "LIST")]
    kinds: Option<String>,
    /// Keep edges with at least N asserted mentions.
    #[arg(long, value_name = "N")]
    min_weight: Option<u64>,
    /// Keep edges seen on or after this date (YYYY-MM-DD); drops undated edges.
    #[arg(long, value_name = "DATE")]
    since: Option<String>,
    /// Keep edges seen on or before this date (YYYY-MM-DD); drops undated edges.
    #[arg(long, value_name = "DATE")]
    until: Option<String>,
    /// Keep one actor (id, name or alias) and its neighbours within --depth hops.
    #[arg(long, value_name = "ACTOR")]
    ego: Option<String>,
    /// Hops around --ego.
    #[arg(long, value_name = "N", default_value_t = 1, requires = "ego")]
    depth: usize,
    /// Drop affiliation edges (offices and memberships).
    #[arg(long)]
    no_affiliations: bool,
    /// One edge per pair of actors (parallel relations summed).
    #[arg(long)]
    collapse: bool,
}

#[derive(clap::Args, Debug)]
struct StatsArgs {
    /// Articles as for `build` (files, directories, `-`), or `build` output
    /// folders (with their graph.state.jsonl), not both.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Entries in each ranking.
    #[arg(long, value_name = "N", default_value_t = analyze::DEFAULT_TOP)]
    top: usize,
    /// Print one JSON object instead of the text report.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    read: ReadArgs,
    /// Print no progress bar and no summary line.
    #[arg(short, long)]
    quiet: bool,
    #[command(flatten)]
    filter: FilterArgs,
}

#[derive(clap::Args, Debug)]
struct RenderArgs {
    /// A `build` output folder (or its graph.state.jsonl), or a .dot file (rendered as it is).
    input: PathBuf,
    /// Image to write, .svg or .png (default: graph.svg in the folder, or the
    /// .dot file's name with .svg).
    #[arg(short, long, value_name = "OUT")]
    out: Option<PathBuf>,
    /// Graphviz layout program: dot, sfdp, neato, fdp, circo, twopi
    /// (default: dot, or sfdp above 200 nodes or 500 edges).
    #[arg(long, value_name = "ENGINE")]
    engine: Option<String>,
    /// Draw at most N edges, the strongest (not for .dot input).
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_EDGES)]
    max_edges: usize,
    /// Draw no legend (not for .dot input).
    #[arg(long)]
    no_legend: bool,
    /// Write no relation phrase on the edges (not for .dot input).
    #[arg(long)]
    no_edge_labels: bool,
    #[command(flatten)]
    filter: FilterArgs,
}

#[derive(clap::Args, Debug)]
struct MergeArgs {
    /// Output folders of `actorgraph build`, in corpus order (each needs its graph.state.jsonl).
    #[arg(required = true)]
    dirs: Vec<PathBuf>,
    /// Output folder (created if missing).
    #[arg(short, long, default_value = "exports")]
    out: PathBuf,
    /// Comma-separated writers: dot, graphml, csv (csv also concatenates
    /// mentions.csv and relations.csv), gexf, gexf-directed, json, neo4j; svg and png render
    /// graph.svg / graph.png with Graphviz.
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
        Command::Stats(args) => stats(args),
        Command::Render(args) => render_cmd(args),
    }
}

fn build(args: BuildArgs) -> anyhow::Result<ExitCode> {
    let (formats, images) = parse_formats(&args.format)?;
    let filter = args.filter.to_options()?;
    if !images.is_empty() {
        // Fail before a long run, not after it.
        check_graphviz()?;
    }
    let opts = BuildOptions {
        out: args.out.clone(),
        formats,
        filter,
        images,
        ..args.read.options(args.inputs)
    };
    // A progress bar only for a person watching: on a terminal, and not with --quiet.
    let display = ProgressDisplay::new(args.quiet, &opts.inputs);
    let result = pipeline::build_with_progress(
        &opts,
        |d| display.say(&format!("actorgraph: {}: {d}", d.severity)),
        |p: &Progress| display.update(p),
    );
    display.finish();
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

/// The progress bar of a reading command, shown only to a person watching (standard error is a
/// terminal, no `--quiet`), and the diagnostics printed above it.
struct ProgressDisplay {
    bar: Option<(indicatif::ProgressBar, Arc<AtomicU64>)>,
}

impl ProgressDisplay {
    fn new(quiet: bool, inputs: &[PathBuf]) -> Self {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| progress_bar(inputs));
        Self { bar }
    }

    /// Prints one diagnostic line on standard error, above the bar.
    fn say(&self, line: &str) {
        match &self.bar {
            Some((bar, _)) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    fn update(&self, p: &Progress) {
        if let Some((bar, docs)) = &self.bar {
            docs.store(p.documents, Ordering::Relaxed);
            bar.set_position(p.input_bytes.min(bar.length().unwrap_or(u64::MAX)));
        }
    }

    fn finish(&self) {
        if let Some((bar, _)) = &self.bar {
            bar.finish_and_clear();
        }
    }
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
    let (formats, images) = parse_formats(&args.format)?;
    if !images.is_empty() {
        check_graphviz()?;
    }
    let opts = MergeOptions {
        dirs: args.dirs,
        out: args.out.clone(),
        formats,
    };
    let summary = merge::merge(&opts).with_context(|| format!("merging into {}", args.out.display()))?;
    if !images.is_empty() {
        let graph = merge::read_state_dir(&args.out)?;
        render_images(&graph, &args.out, &images)?;
    }
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

/// Splits a `--format` list into the export writers and the images
/// (`svg`, `png`) rendered with Graphviz.
fn parse_formats(list: &str) -> anyhow::Result<(Vec<Format>, Vec<ImageFormat>)> {
    let (mut formats, mut images) = (Vec::new(), Vec::new());
    for part in list.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        if let Ok(image) = ImageFormat::from_name(part) {
            if !images.contains(&image) {
                images.push(image);
            }
        } else {
            let f = Format::from_name(part).map_err(|_| {
                actorgraph::Error::Usage(format!(
                    "unknown format {part:?} (known: dot, graphml, csv, gexf, gexf-directed, json, neo4j, svg, png)"
                ))
            })?;
            if !formats.contains(&f) {
                formats.push(f);
            }
        }
    }
    if formats.is_empty() && images.is_empty() {
        return Err(actorgraph::Error::UnknownFormat(list.to_string()).into());
    }
    Ok((formats, images))
}

/// Errors with [`actorgraph::Error::GraphvizNotFound`] when Graphviz's `dot` cannot be started.
fn check_graphviz() -> anyhow::Result<()> {
    match std::process::Command::new("dot")
        .arg("-V")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
    {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(actorgraph::Error::GraphvizNotFound {
            program: "dot".into(),
        }
        .into()),
        _ => Ok(()),
    }
}

/// Renders `graph` (styled, with a legend) as `graph.svg` / `graph.png` in `dir`.
fn render_images(graph: &ActorGraph, dir: &std::path::Path, images: &[ImageFormat]) -> anyhow::Result<()> {
    for &image in images {
        let path = dir.join(format!("graph.{}", image.name()));
        render::render_graph(graph, &StyleOptions::default(), &path, image, None)
            .with_context(|| format!("rendering {}", path.display()))?;
    }
    Ok(())
}

fn usage(message: String) -> anyhow::Error {
    actorgraph::Error::Usage(message).into()
}

/// A comma-separated option value, trimmed, empty parts dropped.
fn split_list(list: &str) -> Vec<String> {
    list.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

/// Checks every value of `--option` against `known` (case-insensitive).
fn check_known(option: &str, values: &[String], known: &[String]) -> anyhow::Result<()> {
    for v in values {
        if !known.iter().any(|k| k.eq_ignore_ascii_case(v)) {
            return Err(usage(format!(
                "--{option}: unknown value {v:?} (known: {})",
                known.join(", ")
            )));
        }
    }
    if values.is_empty() {
        return Err(usage(format!("--{option}: empty list")));
    }
    Ok(())
}

fn parse_date(option: &str, value: &str) -> anyhow::Result<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").map_err(|e| {
        usage(format!(
            "--{option}: bad date {value:?} ({e}); expected YYYY-MM-DD, e.g. 2024-03-01"
        ))
    })
}

impl FilterArgs {
    /// The filter options, every value checked (a bad one is a usage error, exit 2).
    fn to_options(&self) -> anyhow::Result<FilterOptions> {
        let vocab = Vocabulary::builtin();
        let relations = match &self.relations {
            Some(list) => {
                let values = split_list(list);
                let known: Vec<String> = vocab.iter().map(|r| r.key.clone()).collect();
                check_known("relations", &values, &known)?;
                Some(values)
            }
            None => None,
        };
        let categories = match &self.categories {
            Some(list) => {
                let values = split_list(list);
                let mut known: Vec<String> = Vec::new();
                for r in vocab.iter() {
                    if !known.contains(&r.category) {
                        known.push(r.category.clone());
                    }
                }
                check_known("categories", &values, &known)?;
                Some(values)
            }
            None => None,
        };
        let kinds = match &self.kinds {
            Some(list) => {
                let values = split_list(list);
                let known: Vec<String> = ActorKind::ALL.iter().map(|k| k.name().to_string()).collect();
                check_known("kinds", &values, &known)?;
                Some(
                    values
                        .iter()
                        .filter_map(|v| ActorKind::from_name(&v.to_ascii_lowercase()))
                        .collect(),
                )
            }
            None => None,
        };
        let since = self
            .since
            .as_deref()
            .map(|d| parse_date("since", d))
            .transpose()?;
        let until = self
            .until
            .as_deref()
            .map(|d| parse_date("until", d))
            .transpose()?;
        if let (Some(s), Some(u)) = (since, until) {
            if s > u {
                return Err(usage(format!("--since {s} is after --until {u}")));
            }
        }
        if self.ego.as_deref().is_some_and(|e| e.trim().is_empty()) {
            return Err(usage("--ego: empty actor name".into()));
        }
        Ok(FilterOptions {
            relations,
            categories,
            kinds,
            min_weight: self.min_weight,
            since,
            until,
            ego: self.ego.clone(),
            depth: self.depth,
            no_affiliations: self.no_affiliations,
            collapse: self.collapse,
        })
    }
}

/// True when `path` is a `build` output: a folder with a merge state file, or that file.
fn is_build_output(path: &std::path::Path) -> bool {
    (path.is_dir() && path.join(merge::STATE_FILE).is_file())
        || (path.is_file() && path.file_name().is_some_and(|n| n == merge::STATE_FILE))
}

/// Reads the graph of a `build` output folder or of its state file.
fn read_build_output(path: &std::path::Path) -> anyhow::Result<ActorGraph> {
    if path.is_dir() {
        return Ok(merge::read_state_dir(path)?);
    }
    let file = std::fs::File::open(path).map_err(|source| actorgraph::Error::Input {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(merge::read_state(std::io::BufReader::new(file), path)?)
}

fn stats(args: StatsArgs) -> anyhow::Result<ExitCode> {
    let filter = args.filter.to_options()?;
    let outputs = args.inputs.iter().filter(|p| is_build_output(p)).count();
    let graph = if outputs == args.inputs.len() {
        // Output folders of `build`: their graphs, combined as `merge` does.
        let mut graph = ActorGraph::new();
        for dir in &args.inputs {
            graph.merge(&read_build_output(dir)?);
        }
        graph
    } else if outputs > 0 {
        return Err(usage(
            "stats takes either articles or `build` output folders, not both".into(),
        ));
    } else {
        let opts = args.read.options(args.inputs);
        let display = ProgressDisplay::new(args.quiet, &opts.inputs);
        let result = pipeline::build_graph(
            &opts,
            |d| display.say(&format!("actorgraph: warning: {d}")),
            |p: &Progress| display.update(p),
        );
        display.finish();
        let (graph, summary) = result.context("reading the articles")?;
        if !args.quiet {
            eprintln!(
                "actorgraph: {} documents, {} skipped, {:.2} s",
                summary.documents,
                summary.skipped.len(),
                summary.seconds
            );
        }
        graph
    };
    let graph = if filter.is_identity() {
        graph
    } else {
        filter::apply(&graph, &filter)?
    };
    let stats = Stats::compute(&graph, args.top);
    let text = if args.json {
        let mut t = serde_json::to_string_pretty(&stats)?;
        t.push('\n');
        t
    } else {
        analyze::render_text(&stats)
    };
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn render_cmd(args: RenderArgs) -> anyhow::Result<ExitCode> {
    let filter = args.filter.to_options()?;
    let engine = args.engine.as_deref().map(Engine::from_name).transpose()?;
    let input = &args.input;
    let is_dot = input.is_file()
        && input
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("dot") || e.eq_ignore_ascii_case("gv"));
    if !is_dot && !is_build_output(input) {
        return Err(actorgraph::Error::Input {
            path: input.clone(),
            source: std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!(
                    "not a .dot file nor an output folder of `actorgraph build` (no {})",
                    merge::STATE_FILE
                ),
            ),
        }
        .into());
    }
    let out = match &args.out {
        Some(o) => o.clone(),
        None if is_dot => input.with_extension("svg"),
        None if input.is_dir() => input.join("graph.svg"),
        None => input.with_file_name("graph.svg"),
    };
    let format = ImageFormat::from_path(&out).ok_or_else(|| {
        usage(format!(
            "cannot tell the image format of {}: name it .svg or .png",
            out.display()
        ))
    })?;
    let used = if is_dot {
        if !filter.is_identity() {
            return Err(usage(
                "filters need a `build` output folder; a .dot file is rendered as it is".into(),
            ));
        }
        render::render(input, &out, format, engine)
            .with_context(|| format!("rendering {}", input.display()))?
    } else {
        let graph = read_build_output(input)?;
        let graph = if filter.is_identity() {
            graph
        } else {
            filter::apply(&graph, &filter)?
        };
        let style = StyleOptions {
            max_edges: args.max_edges,
            legend: !args.no_legend,
            edge_labels: !args.no_edge_labels,
        };
        render::render_graph(&graph, &style, &out, format, engine)
            .with_context(|| format!("rendering {}", input.display()))?
    };
    eprintln!("actorgraph: rendered with {} -> {}", used.name(), out.display());
    Ok(ExitCode::SUCCESS)
}

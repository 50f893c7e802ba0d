//! The pipeline: the pure per-document analysis ([`analyze`]) and the
//! `build` run ([`build`]) that streams documents through it into the graph
//! and the export files.
//!
//! # Streaming and parallelism
//!
//! `build` never holds the corpus. While the lexicon is built (on a thread of
//! its own), the calling thread already reads the first records, at most one
//! window of them. Then it reads records from the lazy [`ingest`] stream and
//! hands documents, in numbered batches of consecutive documents (a few
//! dozen, at most `BATCH_BYTES` of text), to [`BuildOptions::jobs`] worker
//! threads that run [`analyze`], add the result to a graph of their own and
//! serialize its evidence rows. The results come back in any order; the
//! calling thread puts them back in input order (a small reorder buffer) and
//! appends their rows to the [`EvidenceWriter`], which streams
//! `mentions.csv` and `relations.csv` to disk; at the end it sums the
//! workers' graphs, a sum that does not depend on which worker took which
//! batch. At most a bounded window of documents is in flight (read but not
//! yet merged): [`WINDOW_PER_JOB`] per worker and [`WINDOW_BYTES`] of text.
//! So memory is the graphs plus that window, whatever the corpus size, and
//! the output is byte-identical for every `jobs` value, the same as with
//! `jobs = 1` (which runs everything on the calling thread, with no worker).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{mpsc, Mutex};
use std::time::Instant;

use crate::error::{Error, Result};
use crate::export::{self, csv::EvidenceRows, csv::EvidenceWriter, Format};
use crate::extract::{entities, relations, DocumentWords};
use crate::filter::{self, FilterOptions};
use crate::graph::ActorGraph;
use crate::ingest::{self, Diagnostic, IngestOptions, Record};
use crate::lexicon::Lexicon;
use crate::merge;
use crate::model::{ActorRecord, DocAnalysis, Document, MentionRecord, RelationRecord};
use crate::render::{self, ImageFormat};
use crate::resolve;
use crate::text;
use crate::vocab::Vocabulary;

/// Mentions reserved per sentence before [`analyze`] collects a document's mentions.
const MENTIONS_PER_SENTENCE: usize = 4;
/// Relation mentions reserved per sentence before [`analyze`] collects them.
const RELATIONS_PER_SENTENCE: usize = 2;

/// Analyzes one document: text -> extract -> resolve -> relations.
/// Pure: no IO, no shared mutable state, deterministic. The document is
/// taken by value: its id and text move into the analysis.
pub fn analyze(doc: Document, lexicon: &Lexicon) -> DocAnalysis {
    let vocab = Vocabulary::builtin();
    let t = doc.text.as_str();
    let sentences = text::split_sentences(t);
    let index = lexicon.index_document(t, &sentences);
    let words = DocumentWords::new(&index);
    // Sized for a typical document (news text averages about three mentions and one
    // relation a sentence), so that the lists rarely grow and copy their items.
    let mut found = Vec::with_capacity(MENTIONS_PER_SENTENCE * sentences.len());
    let mut scratch = entities::Scratch::default();
    for ((s, m), w) in sentences.iter().zip(index.sentences()).zip(words.sentences()) {
        // Photo credits name photographers and agencies, not actors of the story.
        if text::is_credit_line(s.span.slice(t)) {
            continue;
        }
        entities::recognize_into(t, s, lexicon, &m, &w, &mut scratch, &mut found);
    }
    let res = resolve::resolve(t, &doc.id, &sentences, found, lexicon);
    let mut rels = Vec::with_capacity(RELATIONS_PER_SENTENCE * sentences.len());
    let mut scratch = relations::Scratch::default();
    for ((s, m), w) in sentences.iter().zip(index.sentences()).zip(words.sentences()) {
        relations::find_into(
            t,
            s,
            &m,
            &w,
            &res,
            lexicon,
            vocab,
            doc.date,
            &sentences,
            &mut scratch,
            &mut rels,
        );
    }
    // Records with ids.
    // One record per entity a mention refers to, one for a place: sized exactly.
    let records = res.refs.iter().map(|r| r.len().max(1)).sum();
    let mut mentions: Vec<MentionRecord> = Vec::with_capacity(records);
    for (m, r) in res.mentions.iter().zip(&res.refs) {
        if r.is_empty() {
            mentions.push(MentionRecord {
                span: m.span,
                sentence: m.sentence,
                entity: None,
                kind: m.kind,
                form: m.form,
            });
        }
        for &e in r {
            let ent = &res.entities[e];
            mentions.push(MentionRecord {
                span: m.span,
                sentence: m.sentence,
                entity: Some(ent.id.clone()),
                kind: ent.kind,
                form: m.form,
            });
        }
    }
    // The country of a place is an actor only when a relation uses it.
    let mut used = vec![false; res.entities.len()];
    for r in &rels {
        for e in [r.source, r.target] {
            if let Some(u) = used.get_mut(e) {
                *u = true;
            }
        }
    }
    let mut relations: Vec<RelationRecord> = Vec::with_capacity(rels.len());
    relations.extend(rels.into_iter().filter_map(|r| {
        let s = sentences.get(r.sentence)?;
        Some(RelationRecord {
            sentence: r.sentence,
            sentence_span: s.span,
            source: res.entities.get(r.source)?.id.clone(),
            target: res.entities.get(r.target)?.id.clone(),
            relation: r.relation,
            trigger: r.trigger,
            negated: r.negated,
            modality: r.modality,
            date: r.date,
            source_span: r.source_span,
            target_span: r.target_span,
        })
    }));
    // The entities are not needed any more: moved, not cloned.
    let actors = res
        .entities
        .into_iter()
        .zip(used)
        .filter(|(e, used)| !e.place_only || *used)
        .map(|(e, _)| ActorRecord {
            id: e.id,
            label: e.label,
            kind: e.kind,
            country: e.country,
            roles: e.roles,
            aliases: e.aliases,
            mentions: e.mentions,
        })
        .collect();
    DocAnalysis {
        doc_id: doc.id,
        date: doc.date,
        text: doc.text,
        actors,
        mentions,
        relations,
    }
}

/// Documents in flight per worker (read but not yet merged).
pub const WINDOW_PER_JOB: usize = 256;
/// Text bytes in flight, over all workers (one document may exceed it alone).
pub const WINDOW_BYTES: u64 = 64 << 20;
/// Documents handed to a worker at once, at most ...
const BATCH_DOCS: usize = 64;
/// ... and text bytes in a batch, at most (a batch holds at least one document).
const BATCH_BYTES: u64 = 256 << 10;

/// Options of a `build` run.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Input files, directories, or `-`.
    pub inputs: Vec<PathBuf>,
    /// Output folder.
    pub out: PathBuf,
    /// Writers to run.
    pub formats: Vec<Format>,
    /// Ingest options.
    pub ingest: IngestOptions,
    /// Extra lexicon folders.
    pub lexicons: Vec<PathBuf>,
    /// Worker threads for [`analyze`]; 0 means one per core
    /// ([`default_jobs`]), 1 runs everything on the calling thread. The
    /// output is the same for every value.
    pub jobs: usize,
    /// The part of the graph the graph exports (and images) show; the
    /// default keeps everything. The evidence files (`mentions.csv`,
    /// `relations.csv`) always stay complete, and so does the merge state
    /// ([`merge::STATE_FILE`]), so that `merge` stays exact.
    pub filter: FilterOptions,
    /// Images rendered with Graphviz after the exports (`graph.svg`,
    /// `graph.png`), from the filtered graph with the styled DOT
    /// ([`render::render_graph`]). Graphviz missing is
    /// [`Error::GraphvizNotFound`].
    pub images: Vec<ImageFormat>,
}

impl Default for BuildOptions {
    /// Standard input as text, into `exports`, with the default writers
    /// (dot, graphml, csv), the built-in lexicon, one worker per core, no
    /// filter and no image.
    fn default() -> Self {
        Self {
            inputs: vec![PathBuf::from("-")],
            out: PathBuf::from("exports"),
            formats: vec![Format::Dot, Format::GraphMl, Format::Csv],
            ingest: IngestOptions::default(),
            lexicons: Vec::new(),
            jobs: 0,
            filter: FilterOptions::default(),
            images: Vec::new(),
        }
    }
}

/// The default number of workers: the number of cores available.
pub fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// The number of workers for a `--jobs` value: itself, or [`default_jobs`] for 0.
fn workers(jobs: usize) -> usize {
    if jobs == 0 {
        default_jobs()
    } else {
        jobs
    }
}

/// What a run did.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// Documents processed.
    pub documents: usize,
    /// Records skipped, with the reason.
    pub skipped: Vec<Diagnostic>,
    /// Nodes in the graph.
    pub actors: usize,
    /// Edges in the graph.
    pub edges: usize,
    /// Relation mentions.
    pub relations: usize,
    /// Input bytes of document text.
    pub bytes: u64,
    /// Wall time in seconds.
    pub seconds: f64,
}

/// How far a run is, reported after each document (`--jobs 1`) or batch of
/// documents (several jobs) is merged.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Documents merged so far.
    pub documents: u64,
    /// Bytes of document text merged so far.
    pub text_bytes: u64,
    /// Estimated input bytes consumed so far: the text plus the record's
    /// metadata and a small per-record allowance for the JSON or CSV syntax,
    /// to compare with [`input_size`] (exact for `.txt` files).
    pub input_bytes: u64,
}

/// The total size in bytes of the files that `inputs` name (directories
/// walked recursively, hidden entries skipped as ingest does), or `None`
/// when it cannot be known up front: standard input or a `.gz` file (whose
/// uncompressed size is unknown).
pub fn input_size(inputs: &[PathBuf]) -> Option<u64> {
    fn walk(path: &Path, top: bool, depth: usize) -> Option<u64> {
        let meta = std::fs::metadata(path).ok()?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !top && name.starts_with('.') {
            return Some(0);
        }
        if meta.is_dir() {
            if depth > 64 {
                return Some(0);
            }
            let mut total = 0;
            for e in std::fs::read_dir(path).ok()?.flatten() {
                total += walk(&e.path(), false, depth + 1)?;
            }
            Some(total)
        } else if name.to_ascii_lowercase().ends_with(".gz") {
            None
        } else {
            Some(meta.len())
        }
    }
    let mut total = 0;
    for p in inputs {
        if p.as_os_str() == "-" {
            return None;
        }
        total += walk(p, true, 0)?;
    }
    Some(total)
}

/// Per-record allowance for keys, quotes and separators in [`Progress::input_bytes`].
const RECORD_SYNTAX_BYTES: u64 = 40;

fn estimated_record_bytes(doc: &Document) -> u64 {
    let meta = [&doc.title, &doc.url, &doc.source]
        .iter()
        .map(|f| f.as_ref().map_or(0, |s| s.len() as u64))
        .sum::<u64>();
    let date = if doc.date.is_some() { 10 } else { 0 };
    doc.text.len() as u64 + doc.id.len() as u64 + meta + date + RECORD_SYNTAX_BYTES
}

/// Runs `build`: ingest every input, analyze each document, aggregate the
/// graph, stream the evidence files, then write the graph exports.
/// `on_diagnostic` is called for every skipped record as it happens.
pub fn build(opts: &BuildOptions, on_diagnostic: impl FnMut(&Diagnostic)) -> Result<Summary> {
    build_with_progress(opts, on_diagnostic, |_| {})
}

/// [`build`], calling `on_progress` on the calling thread as documents are
/// merged (see [`Progress`]; for a progress bar).
///
/// The graph exports and images show the graph after
/// [`BuildOptions::filter`]; the evidence files and the merge state are
/// those of the whole graph.
pub fn build_with_progress(
    opts: &BuildOptions,
    on_diagnostic: impl FnMut(&Diagnostic),
    on_progress: impl FnMut(&Progress),
) -> Result<Summary> {
    let started = Instant::now();
    // Check the inputs first: a missing one is reported before the lexicon is built.
    let records = ingest::open(&opts.inputs, &opts.ingest)?;
    let jobs = workers(opts.jobs);
    let (lexicon, first) = read_while_building_lexicon(records, &opts.lexicons, jobs * WINDOW_PER_JOB);
    let lexicon = lexicon?;
    if opts.out.is_file() {
        return Err(Error::Output {
            path: opts.out.clone(),
            source: std::io::Error::new(std::io::ErrorKind::AlreadyExists, "the output path is a file"),
        });
    }
    std::fs::create_dir_all(&opts.out).map_err(|source| Error::Output {
        path: opts.out.clone(),
        source,
    })?;
    export::clean_stale_temporaries(&opts.out);
    let evidence = if opts.formats.contains(&Format::Csv) {
        Some(EvidenceWriter::create(&opts.out)?)
    } else {
        None
    };
    let lexicon = lexicon.as_ref().unwrap_or_else(|| Lexicon::builtin());
    let (graph, evidence, mut summary) = analyze_all(
        first.into_records(),
        lexicon,
        jobs,
        evidence,
        on_diagnostic,
        on_progress,
    )?;
    // Filtered first: an unknown ego actor stops the run before any file is written.
    let filtered = if opts.filter.is_identity() {
        None
    } else {
        Some(filter::apply(&graph, &opts.filter)?)
    };
    let shown = filtered.as_ref().unwrap_or(&graph);
    write_outputs(shown, &graph, evidence, opts)?;
    for &image in &opts.images {
        let path = opts.out.join(format!("graph.{}", image.name()));
        render::render_graph(shown, &Default::default(), &path, image, None)?;
    }
    summary.actors = shown.node_count();
    summary.edges = shown.edge_count();
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// Writes the graph exports of `shown`, the merge state of `graph` (the
/// whole graph, whatever the filter) and finishes the evidence files, each
/// file on its own thread: they are independent, and their formatting and
/// syncing to disk overlap. The first error in that order is returned.
fn write_outputs(
    shown: &ActorGraph,
    graph: &ActorGraph,
    evidence: Option<EvidenceWriter>,
    opts: &BuildOptions,
) -> Result<()> {
    let state = opts.out.join(merge::STATE_FILE);
    std::thread::scope(|scope| {
        let mut writers = Vec::new();
        for &f in &opts.formats {
            writers.push(spawn_writer(scope, f.name(), move || {
                export::write_graph(shown, f, &opts.out)
            }));
        }
        let state = &state;
        writers.push(spawn_writer(scope, "state", move || {
            export::write_atomic(state, |w| merge::write_state(graph, w))
        }));
        if let Some(ev) = evidence {
            writers.push(spawn_writer(scope, "evidence", move || ev.finish()));
        }
        let mut first_error = Ok(());
        for w in writers {
            let result = w.and_then(|w| w.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
            if first_error.is_ok() {
                first_error = result;
            }
        }
        first_error
    })
}

/// Runs one output writer of [`write_outputs`] on a named thread of `scope`.
fn spawn_writer<'scope>(
    scope: &'scope std::thread::Scope<'scope, '_>,
    name: &str,
    job: impl FnOnce() -> Result<()> + Send + 'scope,
) -> Result<std::thread::ScopedJoinHandle<'scope, Result<()>>> {
    std::thread::Builder::new()
        .name(format!("write-{name}"))
        .spawn_scoped(scope, job)
        .map_err(Error::Io)
}

/// Ingests and analyzes every input of `opts` into the whole (unfiltered)
/// graph, writing nothing: what `build` does before its exports, for
/// commands that only need the graph (`stats`). Uses
/// [`BuildOptions::inputs`], [`BuildOptions::ingest`],
/// [`BuildOptions::lexicons`] and [`BuildOptions::jobs`]; the output,
/// formats, filter and images are ignored. The summary counts the whole graph.
pub fn build_graph(
    opts: &BuildOptions,
    on_diagnostic: impl FnMut(&Diagnostic),
    on_progress: impl FnMut(&Progress),
) -> Result<(ActorGraph, Summary)> {
    let started = Instant::now();
    let records = ingest::open(&opts.inputs, &opts.ingest)?;
    let jobs = workers(opts.jobs);
    let (lexicon, first) = read_while_building_lexicon(records, &opts.lexicons, jobs * WINDOW_PER_JOB);
    let lexicon = lexicon?;
    let lexicon = lexicon.as_ref().unwrap_or_else(|| Lexicon::builtin());
    let (graph, _, mut summary) = analyze_all(
        first.into_records(),
        lexicon,
        jobs,
        None,
        on_diagnostic,
        on_progress,
    )?;
    summary.actors = graph.node_count();
    summary.edges = graph.edge_count();
    summary.seconds = started.elapsed().as_secs_f64();
    Ok((graph, summary))
}

/// The user lexicon folders loaded over the built-in lexicon, or `None` for
/// the built-in one alone.
fn load_lexicon(dirs: &[PathBuf]) -> Result<Option<Lexicon>> {
    if dirs.is_empty() {
        Ok(None)
    } else {
        Lexicon::with_user_dirs(dirs).map(Some)
    }
}

/// The records read ahead by [`read_while_building_lexicon`], then the rest.
struct ReadAhead {
    first: Vec<Record>,
    rest: Box<dyn Iterator<Item = Record>>,
}

impl ReadAhead {
    /// All the records, in input order.
    fn into_records(self) -> impl Iterator<Item = Record> {
        self.first.into_iter().chain(self.rest)
    }
}

/// Builds the lexicon ([`load_lexicon`], or the built-in one) on a thread of
/// its own while this thread reads and parses the first records: the
/// start-up and the reading overlap instead of running one after the other.
/// At most `max_docs` documents and [`WINDOW_BYTES`] of text are read ahead,
/// what the window of a run holds anyway, so memory stays as bounded as it was.
fn read_while_building_lexicon(
    mut records: Box<dyn Iterator<Item = Record>>,
    dirs: &[PathBuf],
    max_docs: usize,
) -> (Result<Option<Lexicon>>, ReadAhead) {
    std::thread::scope(|scope| {
        let build = || {
            let lexicon = load_lexicon(dirs)?;
            if lexicon.is_none() {
                // Built once per process: later calls return it at once.
                let _ = Lexicon::builtin();
            }
            Ok(lexicon)
        };
        let builder = std::thread::Builder::new()
            .name("lexicon".into())
            .spawn_scoped(scope, build);
        let Ok(builder) = builder else {
            // No thread to be had: build first, then read, as before.
            return (
                build(),
                ReadAhead {
                    first: Vec::new(),
                    rest: records,
                },
            );
        };
        let mut first = Vec::new();
        let (mut docs, mut bytes) = (0, 0u64);
        while !builder.is_finished() && docs < max_docs && bytes < WINDOW_BYTES {
            let Some(record) = records.next() else { break };
            if let Record::Document(doc) = &record {
                docs += 1;
                bytes += doc.text.len() as u64;
            }
            first.push(record);
        }
        let lexicon = builder
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (lexicon, ReadAhead { first, rest: records })
    })
}

/// Streams `records` through [`analyze`] on `jobs` workers ([`workers`]
/// made it at least one) into the graph and, when given, the evidence
/// writer, in input order.
fn analyze_all(
    records: impl Iterator<Item = Record>,
    lexicon: &Lexicon,
    jobs: usize,
    evidence: Option<EvidenceWriter>,
    mut on_diagnostic: impl FnMut(&Diagnostic),
    mut on_progress: impl FnMut(&Progress),
) -> Result<(ActorGraph, Option<EvidenceWriter>, Summary)> {
    let mut sink = Sink {
        graph: ActorGraph::new(),
        evidence,
        summary: Summary::default(),
        progress: Progress::default(),
    };
    // Diagnostics are reported as they are read, and kept aside for the summary.
    let mut skipped = Vec::new();
    let mut handle = |rec: Record| match rec {
        Record::Document(doc) => Some(doc),
        Record::Skipped(d) => {
            on_diagnostic(&d);
            skipped.push(d);
            None
        }
    };
    if jobs <= 1 {
        for doc in records.filter_map(&mut handle) {
            let estimate = estimated_record_bytes(&doc);
            let a = analyze(doc, lexicon);
            sink.add(a, estimate, &mut on_progress)?;
        }
    } else {
        run_parallel(
            records.filter_map(&mut handle),
            jobs,
            lexicon,
            &mut sink,
            &mut on_progress,
        )?;
    }
    let Sink {
        graph,
        evidence,
        mut summary,
        ..
    } = sink;
    summary.skipped = skipped;
    Ok((graph, evidence, summary))
}

/// Where analyzed documents go, in input order.
struct Sink {
    graph: ActorGraph,
    evidence: Option<EvidenceWriter>,
    summary: Summary,
    progress: Progress,
}

impl Sink {
    /// Merges one document analyzed on this thread.
    fn add(&mut self, a: DocAnalysis, estimate: u64, on_progress: &mut impl FnMut(&Progress)) -> Result<()> {
        let vocab = Vocabulary::builtin();
        self.graph.add_document(&a, vocab);
        if let Some(ev) = self.evidence.as_mut() {
            ev.add(&a, vocab)?;
        }
        self.count(1, a.relations.len(), a.text.len() as u64, estimate, on_progress);
        Ok(())
    }

    /// Appends the evidence rows of a batch whose documents a worker already
    /// added to its own graph.
    fn append(&mut self, rows: &EvidenceRows) -> Result<()> {
        match self.evidence.as_mut() {
            Some(ev) => ev.append(rows),
            None => Ok(()),
        }
    }

    /// Counts documents merged and reports the progress.
    fn count(
        &mut self,
        documents: usize,
        relations: usize,
        text_bytes: u64,
        input_bytes: u64,
        on_progress: &mut impl FnMut(&Progress),
    ) {
        self.summary.documents += documents;
        self.summary.relations += relations;
        self.summary.bytes += text_bytes;
        self.progress.documents += documents as u64;
        self.progress.text_bytes += text_bytes;
        self.progress.input_bytes += input_bytes;
        on_progress(&self.progress);
    }
}

/// A batch of consecutive documents, numbered in input order: the unit of
/// work a worker takes. Batches rather than single documents keep the
/// channel and thread wake-ups to a few per MB of text.
struct Batch {
    seq: u64,
    docs: Vec<Document>,
    /// Estimated input bytes of the documents ([`estimated_record_bytes`]).
    input_bytes: u64,
    text_bytes: u64,
}

impl Batch {
    fn new(seq: u64) -> Self {
        Self {
            seq,
            docs: Vec::new(),
            input_bytes: 0,
            text_bytes: 0,
        }
    }

    fn push(&mut self, doc: Document) {
        self.input_bytes += estimated_record_bytes(&doc);
        self.text_bytes += doc.text.len() as u64;
        self.docs.push(doc);
    }

    fn is_full(&self) -> bool {
        self.docs.len() >= BATCH_DOCS || self.text_bytes >= BATCH_BYTES
    }
}

/// What a worker made of a batch besides its graph part: the evidence rows
/// and the number of relation mentions.
struct BatchDone {
    rows: EvidenceRows,
    relations: usize,
}

/// A [`BatchDone`] with the batch's number and size, or the panic that interrupted it.
struct BatchOutcome {
    seq: u64,
    documents: usize,
    text_bytes: u64,
    input_bytes: u64,
    done: std::thread::Result<BatchDone>,
}

/// Analyzes `docs` into `graph` and, when `evidence`, their evidence rows
/// into `rows` (empty, from the pool of [`run_parallel`]).
fn analyze_batch(
    docs: Vec<Document>,
    lexicon: &Lexicon,
    evidence: bool,
    graph: &mut ActorGraph,
    rows: EvidenceRows,
) -> BatchDone {
    let vocab = Vocabulary::builtin();
    let mut done = BatchDone { rows, relations: 0 };
    for doc in docs {
        let a = analyze(doc, lexicon);
        if evidence {
            done.rows.push(&a, vocab);
        }
        graph.add_document(&a, vocab);
        done.relations += a.relations.len();
    }
    done
}

/// Analyzes `docs` on `jobs` worker threads and merges the results into
/// `sink` in input order, with a bounded window of documents in flight.
///
/// Each worker adds its documents to a graph of its own, so that a
/// document's analysis is made and freed on one thread; the merging thread
/// appends the evidence rows in input order and, at the end, sums the
/// workers' graphs (the sum does not depend on which worker took which
/// batch: see [`ActorGraph::merge`]).
fn run_parallel(
    docs: impl Iterator<Item = Document>,
    jobs: usize,
    lexicon: &Lexicon,
    sink: &mut Sink,
    on_progress: &mut impl FnMut(&Progress),
) -> Result<()> {
    let window = jobs * WINDOW_PER_JOB;
    let evidence = sink.evidence.is_some();
    let (work_tx, work_rx) = mpsc::channel::<Batch>();
    let work_rx = Mutex::new(work_rx);
    let (done_tx, done_rx) = mpsc::channel::<BatchOutcome>();
    // Evidence buffers go back from the merging thread to the workers: no
    // batch grows fresh ones, and each is freed on the thread that made it.
    let spare_rows: Mutex<Vec<EvidenceRows>> = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        let mut workers = Vec::with_capacity(jobs);
        for i in 0..jobs {
            let (work_rx, done_tx, spare_rows) = (&work_rx, done_tx.clone(), &spare_rows);
            let worker = move || {
                let mut graph = ActorGraph::new();
                loop {
                    // The lock is held only while taking one batch.
                    let next = work_rx
                        .lock()
                        .map_err(|_| ())
                        .and_then(|rx| rx.recv().map_err(|_| ()));
                    let Ok(batch) = next else { return graph };
                    let Batch {
                        seq,
                        docs,
                        input_bytes,
                        text_bytes,
                    } = batch;
                    let documents = docs.len();
                    let rows = spare_rows
                        .lock()
                        .ok()
                        .and_then(|mut s| s.pop())
                        .unwrap_or_default();
                    let done = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        analyze_batch(docs, lexicon, evidence, &mut graph, rows)
                    }));
                    let outcome = BatchOutcome {
                        seq,
                        documents,
                        text_bytes,
                        input_bytes,
                        done,
                    };
                    if done_tx.send(outcome).is_err() {
                        return graph;
                    }
                }
            };
            // Named for profilers and panic messages.
            let handle = std::thread::Builder::new()
                .name(format!("analyze-{i}"))
                .spawn_scoped(scope, worker)
                .map_err(Error::Io)?;
            workers.push(handle);
        }
        drop(done_tx);
        merge_in_order(docs, window, work_tx, &done_rx, &spare_rows, sink, on_progress)?;
        // `work_tx` is dropped by now: the workers return their graphs.
        for worker in workers {
            let graph = worker
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            if sink.graph.node_count() == 0 {
                sink.graph = graph;
            } else {
                sink.graph.merge(&graph);
            }
        }
        Ok(())
    })
}

/// The merging side of [`run_parallel`]: sends `docs` to the workers in
/// batches, at most `window` documents and [`WINDOW_BYTES`] in flight, and
/// takes their results into `sink` in input order.
fn merge_in_order(
    docs: impl Iterator<Item = Document>,
    window: usize,
    work_tx: mpsc::Sender<Batch>,
    done_rx: &mpsc::Receiver<BatchOutcome>,
    spare_rows: &Mutex<Vec<EvidenceRows>>,
    sink: &mut Sink,
    on_progress: &mut impl FnMut(&Progress),
) -> Result<()> {
    // Sent but not yet merged: documents and text bytes.
    let (mut in_flight, mut in_flight_bytes) = (0usize, 0u64);
    let (mut sent, mut next_merge) = (0u64, 0u64);
    let mut pending: BTreeMap<u64, BatchOutcome> = BTreeMap::new();
    let mut docs = docs.fuse();
    loop {
        // Fill the window, a batch at a time.
        while in_flight == 0 || (in_flight < window && in_flight_bytes < WINDOW_BYTES) {
            let mut batch = Batch::new(sent);
            while !batch.is_full() && in_flight + batch.docs.len() < window {
                let Some(doc) = docs.next() else { break };
                batch.push(doc);
            }
            if batch.docs.is_empty() {
                break;
            }
            in_flight += batch.docs.len();
            in_flight_bytes += batch.text_bytes;
            // The workers only stop when `work_tx` is dropped, so this cannot fail.
            let _ = work_tx.send(batch);
            sent += 1;
        }
        if in_flight == 0 {
            return Ok(());
        }
        // Wait for one result, then take whatever else is ready.
        let Ok(first) = done_rx.recv() else {
            return Err(Error::Io(std::io::Error::other("the worker threads stopped")));
        };
        let mut outcome = Some(first);
        while let Some(done) = outcome {
            pending.insert(done.seq, done);
            outcome = done_rx.try_recv().ok();
        }
        while let Some(outcome) = pending.remove(&next_merge) {
            next_merge += 1;
            in_flight -= outcome.documents;
            in_flight_bytes -= outcome.text_bytes;
            match outcome.done {
                Ok(mut done) => {
                    sink.append(&done.rows)?;
                    sink.count(
                        outcome.documents,
                        done.relations,
                        outcome.text_bytes,
                        outcome.input_bytes,
                        on_progress,
                    );
                    done.rows.clear();
                    if let Ok(mut spare) = spare_rows.lock() {
                        spare.push(done.rows);
                    }
                }
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(n: usize) -> Vec<Record> {
        (0..n)
            .map(|i| {
                if i % 5 == 3 {
                    Record::Skipped(Diagnostic::warning(
                        "in.jsonl",
                        Some(i + 1),
                        "not valid JSON; skipped",
                    ))
                } else {
                    Record::Document(Document {
                        id: format!("d{i}"),
                        text: format!("Document {i}."),
                        title: None,
                        date: None,
                        url: None,
                        source: None,
                    })
                }
            })
            .collect()
    }

    fn names(records: impl Iterator<Item = Record>) -> Vec<String> {
        records
            .map(|r| match r {
                Record::Document(d) => d.id,
                Record::Skipped(d) => format!("skipped at {:?}", d.line),
            })
            .collect()
    }

    #[test]
    fn reading_ahead_keeps_every_record_in_order() {
        for (n, max_docs) in [(0, 4), (3, 4), (40, 4), (40, 1000)] {
            let all = records(n);
            let want = names(records(n).into_iter());
            let (lexicon, ahead) = read_while_building_lexicon(Box::new(all.into_iter()), &[], max_docs);
            assert!(matches!(lexicon, Ok(None)), "the built-in lexicon is used");
            let docs_ahead = ahead
                .first
                .iter()
                .filter(|r| matches!(r, Record::Document(_)))
                .count();
            assert!(
                docs_ahead <= max_docs,
                "{docs_ahead} documents read ahead, at most {max_docs}"
            );
            assert_eq!(names(ahead.into_records()), want);
        }
    }

    #[test]
    fn a_bad_user_lexicon_is_an_error_and_the_records_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("actors.tsv"),
            "id\tkind\tlabel\nperson:x\tperson\n",
        )
        .unwrap();
        let (lexicon, ahead) = read_while_building_lexicon(
            Box::new(records(10).into_iter()),
            &[dir.path().to_path_buf()],
            512,
        );
        assert!(matches!(lexicon, Err(Error::Lexicon { .. })), "{lexicon:?}");
        assert_eq!(names(ahead.into_records()), names(records(10).into_iter()));
    }
}

//! The pipeline: the pure per-document analysis ([`analyze`]) and the
//! `build` run ([`build`]) that streams documents through it into the graph
//! and the export files.

use std::path::PathBuf;
use std::time::Instant;

use crate::error::{Error, Result};
use crate::export::{self, csv::EvidenceWriter, Format};
use crate::extract::{entities, relations};
use crate::graph::ActorGraph;
use crate::ingest::{self, Diagnostic, IngestOptions, Record};
use crate::lexicon::Lexicon;
use crate::model::{ActorRecord, DocAnalysis, Document, MentionRecord, RelationRecord};
use crate::resolve;
use crate::text;
use crate::vocab::Vocabulary;

/// Analyzes one document: text -> extract -> resolve -> relations.
/// Pure: no IO, no shared mutable state, deterministic.
pub fn analyze(doc: &Document, lexicon: &Lexicon) -> DocAnalysis {
    let vocab = Vocabulary::builtin();
    let t = doc.text.as_str();
    let sentences = text::split_sentences(t);
    let matches: Vec<_> = sentences.iter().map(|s| lexicon.find(t, &s.tokens)).collect();
    let mut found = Vec::new();
    for (s, m) in sentences.iter().zip(&matches) {
        // Photo credits name photographers and agencies, not actors of the story.
        if text::is_credit_line(s.span.slice(t)) {
            continue;
        }
        found.extend(entities::recognize_with(t, s, lexicon, m.clone()));
    }
    let res = resolve::resolve(t, &doc.id, &sentences, found, lexicon);
    let mut rels = Vec::new();
    for (s, m) in sentences.iter().zip(&matches) {
        rels.extend(relations::find(
            t, s, m, &res, lexicon, vocab, doc.date, &sentences,
        ));
    }
    // Records with ids.
    let mut mentions: Vec<MentionRecord> = Vec::new();
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
    let relations: Vec<RelationRecord> = rels
        .iter()
        .filter_map(|r| {
            let s = sentences.get(r.sentence)?;
            Some(RelationRecord {
                sentence: r.sentence,
                sentence_span: s.span,
                source: res.entities.get(r.source)?.id.clone(),
                target: res.entities.get(r.target)?.id.clone(),
                relation: r.relation.clone(),
                trigger: r.trigger,
                negated: r.negated,
                modality: r.modality,
                date: r.date,
                source_span: r.source_span,
                target_span: r.target_span,
            })
        })
        .collect();
    let actors = res
        .entities
        .iter()
        .map(|e| ActorRecord {
            id: e.id.clone(),
            label: e.label.clone(),
            kind: e.kind,
            country: e.country.clone(),
            roles: e.roles.clone(),
            aliases: e.aliases.clone(),
            mentions: e.mentions,
        })
        .collect();
    DocAnalysis {
        doc_id: doc.id.clone(),
        date: doc.date,
        text: doc.text.clone(),
        actors,
        mentions,
        relations,
    }
}

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

/// Runs `build`: ingest every input, analyze each document, aggregate the
/// graph, stream the evidence files, then write the graph exports.
/// `on_diagnostic` is called for every skipped record as it happens.
pub fn build(opts: &BuildOptions, mut on_diagnostic: impl FnMut(&Diagnostic)) -> Result<Summary> {
    let started = Instant::now();
    let lexicon_owned;
    let lexicon: &Lexicon = if opts.lexicons.is_empty() {
        Lexicon::builtin()
    } else {
        lexicon_owned = Lexicon::with_user_dirs(&opts.lexicons)?;
        &lexicon_owned
    };
    let vocab = Vocabulary::builtin();
    let records = ingest::open(&opts.inputs, &opts.ingest)?;
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
    let mut evidence = if opts.formats.contains(&Format::Csv) {
        Some(EvidenceWriter::create(&opts.out)?)
    } else {
        None
    };
    let mut graph = ActorGraph::new();
    let mut summary = Summary::default();
    for rec in records {
        match rec {
            Record::Document(doc) => {
                let a = analyze(&doc, lexicon);
                graph.add_document(&a, vocab);
                if let Some(ev) = evidence.as_mut() {
                    ev.add(&a, vocab)?;
                }
                summary.documents += 1;
                summary.relations += a.relations.len();
                summary.bytes += doc.text.len() as u64;
            }
            Record::Skipped(d) => {
                on_diagnostic(&d);
                summary.skipped.push(d);
            }
        }
    }
    for f in &opts.formats {
        export::write_graph(&graph, *f, &opts.out)?;
    }
    if let Some(ev) = evidence {
        ev.finish()?;
    }
    summary.actors = graph.node_count();
    summary.edges = graph.edge_count();
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

//! `cargo bench`: throughput of the hot stages on generated news articles
//! (`gen-corpus --docs 300 --seed 1`, about 0.5 MB):
//!
//! - `split_sentences`: tokenizer and sentence splitter;
//! - `lexicon_find`: dictionary matching of every sentence;
//! - `analyze`: the whole per-document pipeline;
//! - `graph_add_document`: aggregation into the graph;
//! - `write_nodes_csv`, `write_edges_csv`, `write_dot`, `write_graphml`: graph exports;
//! - `evidence_writer`: `mentions.csv` and `relations.csv` rows.
//!
//! A small harness without dependencies (`harness = false`): each bench runs
//! for about two seconds after a short warm-up and prints the mean time per
//! pass over the corpus and the throughput in MB of article text per second.
//! `cargo bench -- NAME` runs the benches whose name contains NAME.

use std::hint::black_box;
use std::process::Command;
use std::time::{Duration, Instant};

use actorgraph::export::{csv, dot, graphml};
use actorgraph::graph::ActorGraph;
use actorgraph::lexicon::Lexicon;
use actorgraph::model::{DocAnalysis, Document};
use actorgraph::pipeline::analyze;
use actorgraph::text;
use actorgraph::vocab::Vocabulary;

const WARM_UP: Duration = Duration::from_millis(300);
const MEASURE: Duration = Duration::from_secs(2);

fn corpus() -> Vec<Document> {
    let out = Command::new(env!("CARGO_BIN_EXE_gen-corpus"))
        .args(["--docs", "300", "--seed", "1"])
        .output()
        .expect("run gen-corpus");
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("json");
            Document {
                id: v["id"].as_str().unwrap_or_default().into(),
                text: v["text"].as_str().unwrap_or_default().into(),
                date: v["date"].as_str().and_then(actorgraph::ingest::parse_date),
                ..Default::default()
            }
        })
        .collect()
}

/// Runs `pass` (one pass over the corpus, `bytes` of text) repeatedly and prints the mean.
fn bench(filter: &[String], name: &str, bytes: usize, mut pass: impl FnMut()) {
    if !filter.is_empty() && !filter.iter().any(|f| name.contains(f.as_str())) {
        return;
    }
    let start = Instant::now();
    while start.elapsed() < WARM_UP {
        pass();
    }
    let (start, mut n) = (Instant::now(), 0u32);
    while start.elapsed() < MEASURE || n < 3 {
        pass();
        n += 1;
    }
    let per = start.elapsed() / n;
    let mbs = bytes as f64 / 1e6 / per.as_secs_f64();
    println!(
        "{name:<22} {:>10.3} ms/pass {mbs:>9.1} MB/s  ({n} passes)",
        per.as_secs_f64() * 1e3
    );
}

fn main() {
    // Cargo passes `--bench`; other arguments filter by name.
    let filter: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let docs = corpus();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let started = Instant::now();
    let lexicon = Lexicon::builtin();
    let vocab = Vocabulary::builtin();
    println!(
        "{} articles, {:.2} MB of text; built-in lexicon loaded in {:.2} s",
        docs.len(),
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );

    bench(&filter, "split_sentences", bytes, || {
        for d in &docs {
            black_box(text::split_sentences(black_box(&d.text)));
        }
    });
    let split: Vec<_> = docs.iter().map(|d| text::split_sentences(&d.text)).collect();
    bench(&filter, "lexicon_find", bytes, || {
        for (d, sentences) in docs.iter().zip(&split) {
            for s in sentences {
                black_box(lexicon.find(&d.text, &s.tokens));
            }
        }
    });
    bench(&filter, "analyze", bytes, || {
        for d in &docs {
            black_box(analyze(black_box(d).clone(), lexicon));
        }
    });
    let analyses: Vec<DocAnalysis> = docs.iter().map(|d| analyze(d.clone(), lexicon)).collect();
    bench(&filter, "graph_add_document", bytes, || {
        let mut g = ActorGraph::new();
        for a in &analyses {
            g.add_document(a, vocab);
        }
        black_box(g);
    });
    let mut graph = ActorGraph::new();
    for a in &analyses {
        graph.add_document(a, vocab);
    }
    let mut buf = Vec::with_capacity(1 << 20);
    for (name, write) in [
        (
            "write_nodes_csv",
            csv::write_nodes as fn(&ActorGraph, &mut dyn std::io::Write) -> _,
        ),
        ("write_edges_csv", csv::write_edges),
        ("write_dot", dot::write),
        ("write_graphml", graphml::write),
    ] {
        bench(&filter, name, bytes, || {
            buf.clear();
            write(&graph, &mut buf).expect("write");
            black_box(&buf);
        });
    }
    let dir = tempfile::tempdir().expect("tempdir");
    bench(&filter, "evidence_writer", bytes, || {
        let mut w = csv::EvidenceWriter::create(dir.path()).expect("create");
        for a in &analyses {
            w.add(a, vocab).expect("add");
        }
        drop(w); // not finished: no fsync in the measure
    });
}

//! Interoperability: the exports of a small graph with nasty labels are read
//! by the real consumers, not by a hand-written parser:
//! - Graphviz: `dot -Tsvg` renders `graph.dot`; `gc -n -e` parses it without
//!   complaint and counts as many nodes and edges as `nodes.csv`/`edges.csv`;
//! - NetworkX and python-igraph load `graph.graphml` and agree with the CSV
//!   tables (`tests/interop/check_graphml.py`).
//!
//! A missing tool makes a test print `SKIP: ...` and pass, unless
//! `ACTORGRAPH_REQUIRE_INTEROP=1` is set (as in CI), where it fails.

#[path = "interop/fixture.rs"]
mod fixture;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use actorgraph::export::{self, Format};
use actorgraph::graph::ActorGraph;
use actorgraph::model::{ActorId, ActorKind, ActorRecord, DocAnalysis, Modality, RelationRecord, Span};
use actorgraph::vocab::Vocabulary;

const INSTALL_GRAPHVIZ: &str = "install graphviz, e.g. apt-get install graphviz";
const INSTALL_PYTHON: &str = "pip install networkx igraph";

/// Runs `program args`; `None` when the program cannot be started.
fn run(program: &str, args: &[&Path]) -> Option<Output> {
    Command::new(program).args(args).output().ok()
}

/// Skips the calling test, or fails it when interop is required.
fn skip(what: &str, install: &str) {
    let msg = format!("SKIP: {what} ({install})");
    if std::env::var("ACTORGRAPH_REQUIRE_INTEROP").is_ok_and(|v| v == "1") {
        panic!("{msg}, but ACTORGRAPH_REQUIRE_INTEROP=1");
    }
    // Written to the real stderr so the notice shows even with captured output.
    let _ = writeln!(std::io::stderr(), "{msg}");
}

fn export_all(graph: &ActorGraph) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for f in Format::ALL {
        export::write_graph(graph, f, dir.path()).unwrap();
    }
    dir
}

fn csv_rows(path: &Path) -> usize {
    let rows: Result<Vec<csv::StringRecord>, _> = csv::Reader::from_path(path).unwrap().records().collect();
    rows.unwrap().len()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn check_dot_renders(dir: &Path) {
    let dot = dir.join("graph.dot");
    let Some(out) = run("dot", &[Path::new("-Tsvg"), &dot]) else {
        return skip("`dot` is not on PATH", INSTALL_GRAPHVIZ);
    };
    assert!(out.status.success(), "dot -Tsvg failed: {}", text(&out.stderr));
    assert!(text(&out.stdout).contains("<svg"), "no <svg in dot output");
}

#[test]
fn graphviz_renders_the_dot_export() {
    let dir = export_all(&fixture::graph());
    check_dot_renders(dir.path());
}

#[test]
fn graphviz_parses_the_dot_export_with_the_csv_counts() {
    let dir = export_all(&fixture::graph());
    let Some(out) = run(
        "gc",
        &[Path::new("-n"), Path::new("-e"), &dir.path().join("graph.dot")],
    ) else {
        return skip("`gc` is not on PATH", INSTALL_GRAPHVIZ);
    };
    // gc exits 0 even on a syntax error: its stderr tells.
    assert!(out.status.success(), "gc failed: {}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "", "gc complained");
    let stdout = text(&out.stdout);
    let counts: Vec<usize> = stdout
        .split_whitespace()
        .take(2)
        .map(|n| n.parse().unwrap())
        .collect();
    let expected = vec![
        csv_rows(&dir.path().join("nodes.csv")),
        csv_rows(&dir.path().join("edges.csv")),
    ];
    assert_eq!(counts, expected, "gc said {stdout:?}");
}

/// Labels far over Graphviz's 16,384-byte string limit are cut and still render.
#[test]
fn graphviz_renders_huge_labels() {
    let long = format!("{}\"{}", "\\😀".repeat(5_000), "é".repeat(20_000));
    let actor = |id: &str, label: &str| ActorRecord {
        id: ActorId(id.into()),
        label: label.into(),
        kind: ActorKind::Group,
        country: None,
        roles: vec![label.into()],
        aliases: vec![],
        mentions: 1,
    };
    let doc = DocAnalysis {
        actors: vec![actor("group:a", &long), actor("group:b", "graph")],
        relations: vec![RelationRecord {
            sentence: 0,
            sentence_span: Span::new(0, 0),
            source: ActorId("group:a".into()),
            target: ActorId("group:b".into()),
            relation: "fights".into(),
            trigger: Span::new(0, 0),
            negated: false,
            modality: Modality::Asserted,
            date: None,
            source_span: Span::new(0, 0),
            target_span: Span::new(0, 0),
        }],
        ..Default::default()
    };
    let mut g = ActorGraph::new();
    g.add_document(&doc, Vocabulary::builtin());
    let dir = export_all(&g);
    check_dot_renders(dir.path());
}

fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/interop/check_graphml.py")
}

#[test]
fn networkx_and_igraph_read_the_graphml_export() {
    let dir = export_all(&fixture::graph());
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
    let d = dir.path();
    let Some(out) = run(
        &python,
        &[
            &script(),
            &d.join("graph.graphml"),
            &d.join("nodes.csv"),
            &d.join("edges.csv"),
        ],
    ) else {
        return skip(&format!("`{python}` is not on PATH"), INSTALL_PYTHON);
    };
    if out.status.code() == Some(3) {
        return skip(
            &format!("{} ({python})", text(&out.stderr).trim()),
            INSTALL_PYTHON,
        );
    }
    assert!(
        out.status.success(),
        "check_graphml.py failed:\n{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    assert!(text(&out.stdout).starts_with("ok:"), "{}", text(&out.stdout));
}

//! Interoperability: the exports of a small graph with nasty labels are read
//! by the real consumers, not by a hand-written parser:
//! - Graphviz: `dot -Tsvg` renders `graph.dot`; `gc -n -e` parses it without
//!   complaint and counts as many nodes and edges as `nodes.csv`/`edges.csv`;
//! - NetworkX and python-igraph load `graph.graphml` and agree with the CSV
//!   tables (`tests/interop/check_graphml.py`);
//! - NetworkX loads `graph.gexf` (GEXF 1.3, networkx >= 3.6) and `graph.json`
//!   (`node_link_graph`) and agrees with the CSV tables
//!   (`tests/interop/check_formats.py`);
//! - graphology (Node.js) loads `graph.gexf` and `graph.graphml`
//!   (`tests/interop/graphology/check.mjs`, installed by `npm ci` there);
//! - `render::render` and `render::render_graph` produce SVG that Python's
//!   `xml.etree` parses, with `dot` and with `sfdp`.
//!
//! A missing tool makes a test print `SKIP: ...` and pass, unless
//! `ACTORGRAPH_REQUIRE_INTEROP=1` is set (as in CI), where it fails.

mod common;
#[path = "interop/fixture.rs"]
mod fixture;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use actorgraph::export::{self, dot, gexf, graphml, Format};
use actorgraph::graph::ActorGraph;
use actorgraph::model::{ActorId, ActorKind, ActorRecord, DocAnalysis, Modality};
use actorgraph::render::{self, Engine, ImageFormat};
use actorgraph::vocab::Vocabulary;

const INSTALL_GRAPHVIZ: &str = "install graphviz, e.g. apt-get install graphviz";
const INSTALL_PYTHON: &str = "pip install networkx igraph";
const INSTALL_NETWORKX: &str = "pip install 'networkx>=3.6'";
const INSTALL_GRAPHOLOGY: &str = "install Node.js, then run `npm ci` in tests/interop/graphology";

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
        relations: vec![fixture::rel(
            "group:a",
            "group:b",
            "fights",
            false,
            Modality::Asserted,
            None,
        )],
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

fn python() -> String {
    std::env::var("PYTHON").unwrap_or_else(|_| "python3".into())
}

/// Runs a checker script; `None` (after a skip) when its interpreter or
/// module is missing (exit status 3).
fn run_checker(program: &str, args: &[&Path], install: &str) -> Option<String> {
    let Some(out) = run(program, args) else {
        skip(&format!("`{program}` is not on PATH"), install);
        return None;
    };
    if out.status.code() == Some(3) {
        skip(&format!("{} ({program})", text(&out.stderr).trim()), install);
        return None;
    }
    assert!(
        out.status.success(),
        "{} failed:\n{}{}",
        args[0].display(),
        text(&out.stdout),
        text(&out.stderr)
    );
    let stdout = text(&out.stdout);
    assert!(stdout.starts_with("ok:"), "{stdout}");
    let _ = writeln!(std::io::stderr(), "{}", stdout.trim());
    Some(stdout)
}

#[test]
fn networkx_reads_the_gexf_and_json_exports() {
    let g = fixture::graph();
    let dir = export_all(&g);
    let d = dir.path();
    let directed = d.join("graph-directed.gexf");
    let mut f = std::fs::File::create(&directed).unwrap();
    gexf::write_with(&g, &gexf::GexfOptions { edge_types: false }, &mut f).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/interop/check_formats.py");
    run_checker(
        &python(),
        &[
            &script,
            &directed,
            &d.join("graph.gexf"),
            &d.join("graph.json"),
            &d.join("nodes.csv"),
            &d.join("edges.csv"),
        ],
        INSTALL_NETWORKX,
    );
}

#[test]
fn graphology_reads_the_gexf_and_graphml_exports() {
    let g = fixture::graph();
    let dir = export_all(&g);
    let d = dir.path();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/interop/graphology/check.mjs");
    let undirected = g.edges().iter().filter(|(_, _, e)| !e.directed).count();
    let labels: std::collections::BTreeMap<String, String> = g
        .nodes()
        .iter()
        .map(|n| {
            let stripped: String = n.label().chars().filter(|&c| graphml::is_xml_char(c)).collect();
            (n.id.to_string(), stripped)
        })
        .collect();
    let (nodes, edges) = (g.node_count().to_string(), g.edge_count().to_string());
    let undirected = undirected.to_string();
    let labels = serde_json::to_string(&labels).unwrap();
    run_checker(
        "node",
        &[
            &script,
            &d.join("graph.gexf"),
            &d.join("graph.graphml"),
            Path::new(&nodes),
            Path::new(&edges),
            Path::new(&undirected),
            Path::new(&labels),
        ],
        INSTALL_GRAPHOLOGY,
    );
}

/// Parses an SVG file with Python's xml.etree and prints its root tag.
fn check_svg_parses(svg: &Path) {
    let code = "import sys, xml.etree.ElementTree as ET; print('ok:', ET.parse(sys.argv[1]).getroot().tag)";
    let python = python();
    let Some(out) = Command::new(&python).args(["-c", code]).arg(svg).output().ok() else {
        return skip(&format!("`{python}` is not on PATH"), INSTALL_PYTHON);
    };
    assert!(
        out.status.success(),
        "xml.etree cannot parse {}: {}",
        svg.display(),
        text(&out.stderr)
    );
    assert_eq!(text(&out.stdout).trim(), "ok: {http://www.w3.org/2000/svg}svg");
}

fn graphviz_missing(err: &actorgraph::Error) -> bool {
    matches!(err, actorgraph::Error::GraphvizNotFound { .. })
}

#[test]
fn rendering_produces_valid_svg() {
    let g = fixture::graph();
    let dir = export_all(&g);
    let d = dir.path();
    let svg = d.join("plain.svg");
    match render::render(&d.join("graph.dot"), &svg, ImageFormat::Svg, None) {
        Err(e) if graphviz_missing(&e) => return skip(&e.to_string(), INSTALL_GRAPHVIZ),
        Err(e) => panic!("{e}"),
        Ok(engine) => assert_eq!(engine, Engine::Dot),
    }
    assert!(std::fs::read_to_string(&svg).unwrap().contains("<svg"));
    check_svg_parses(&svg);

    for engine in [Engine::Dot, Engine::Sfdp] {
        let styled = d.join(format!("styled-{}.svg", engine.name()));
        let used = render::render_graph(
            &g,
            &dot::StyleOptions::default(),
            &styled,
            ImageFormat::Svg,
            Some(engine),
        )
        .unwrap();
        assert_eq!(used, engine);
        let content = std::fs::read_to_string(&styled).unwrap();
        // sfdp draws the legend's nodes and edges but not its cluster box and title
        assert!(
            content.contains("<svg") && content.contains(">cooperative<"),
            "{engine:?}"
        );
        if engine == Engine::Dot {
            assert!(content.contains(">Legend<"));
        }
        check_svg_parses(&styled);
    }

    let png = d.join("styled.png");
    render::render_graph(&g, &dot::StyleOptions::default(), &png, ImageFormat::Png, None).unwrap();
    assert!(std::fs::read(&png).unwrap().starts_with(b"\x89PNG"));
}

/// A graph too big for `dot` is thinned to the strongest edges and laid out by `sfdp`.
#[test]
fn large_graphs_render_with_sfdp_after_thinning() {
    let mut docs = Vec::new();
    let actor = |i: usize| ActorRecord {
        id: ActorId(format!("group:g{i}").into()),
        label: format!("Group {i}"),
        kind: ActorKind::Group,
        country: None,
        roles: vec![],
        aliases: vec![],
        mentions: 1,
    };
    for i in 0..400 {
        let j = (i * 7 + 1) % 400;
        docs.push(DocAnalysis {
            actors: vec![actor(i), actor(j)],
            relations: vec![fixture::rel(
                &format!("group:g{i}"),
                &format!("group:g{j}"),
                if i % 2 == 0 { "fights" } else { "supports" },
                false,
                Modality::Asserted,
                None,
            )],
            ..Default::default()
        });
    }
    let mut g = ActorGraph::new();
    for d in &docs {
        g.add_document(d, Vocabulary::builtin());
    }
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("big.svg");
    let style = dot::StyleOptions {
        max_edges: 350,
        ..Default::default()
    };
    match render::render_graph(&g, &style, &svg, ImageFormat::Svg, None) {
        Err(e) if graphviz_missing(&e) => skip(&e.to_string(), INSTALL_GRAPHVIZ),
        Err(e) => panic!("{e}"),
        Ok(engine) => {
            assert_eq!(engine, Engine::Sfdp, "more than 200 nodes drawn");
            let content = std::fs::read_to_string(&svg).unwrap();
            assert!(content.contains("strongest 350 of 400 relations"));
            check_svg_parses(&svg);
        }
    }
}

/// Twenty random nasty labels (proptest-generated: arbitrary Unicode, quotes,
/// backslashes, `<>&`, control characters, line breaks, right-to-left text,
/// emoji, long runs) in one graph, read back by the real consumers: NetworkX
/// and igraph for GraphML (against the CSV tables), `gc` and `dot` for DOT.
#[test]
fn random_nasty_labels_survive_the_real_readers() {
    use proptest::strategy::{Strategy, ValueTree};
    use proptest::test_runner::TestRunner;

    let pieces = proptest::sample::select(common::NASTY_PIECES);
    let label = proptest::prop_oneof![
        2 => proptest::arbitrary::any::<String>(),
        3 => proptest::collection::vec(pieces, 0..30).prop_map(|v| v.concat()),
        1 => (proptest::sample::select(vec!["\"", "\\", "é", "😀", "\n"]), 100usize..2_000)
            .prop_map(|(s, n)| s.repeat(n)),
    ];
    let mut runner = TestRunner::deterministic();
    let labels: Vec<String> = (0..20)
        .map(|_| label.new_tree(&mut runner).unwrap().current())
        .collect();
    let actor = |i: usize| ActorRecord {
        id: ActorId(format!("group:random-{i}").into()),
        label: labels[i].clone(),
        kind: ActorKind::Group,
        country: None,
        roles: vec![labels[(i + 1) % labels.len()].clone()],
        aliases: vec![labels[i].clone(), labels[(i + 7) % labels.len()].clone()],
        mentions: 1,
    };
    let relation = |s: usize, t: usize| {
        fixture::rel(
            &format!("group:random-{s}"),
            &format!("group:random-{t}"),
            if s % 2 == 0 { "met_with" } else { "attacks" },
            false,
            Modality::Asserted,
            None,
        )
    };
    let doc = DocAnalysis {
        actors: (0..labels.len()).map(actor).collect(),
        relations: (0..labels.len())
            .map(|i| relation(i, (i + 1) % labels.len()))
            .collect(),
        ..Default::default()
    };
    let mut g = ActorGraph::new();
    g.add_document(&doc, Vocabulary::builtin());
    let dir = export_all(&g);
    let d = dir.path();
    check_dot_renders(d);
    if let Some(out) = run("gc", &[Path::new("-n"), Path::new("-e"), &d.join("graph.dot")]) {
        assert_eq!(text(&out.stderr), "", "gc complained");
        let counts: Vec<usize> = text(&out.stdout)
            .split_whitespace()
            .take(2)
            .map(|n| n.parse().unwrap())
            .collect();
        assert_eq!(
            counts,
            [csv_rows(&d.join("nodes.csv")), csv_rows(&d.join("edges.csv"))]
        );
    }
    run_checker(
        &python(),
        &[
            &script(),
            &d.join("graph.graphml"),
            &d.join("nodes.csv"),
            &d.join("edges.csv"),
        ],
        INSTALL_PYTHON,
    );
}

//! The analysis side of the command line, end to end through the built
//! binary on `data/samples`: the filters of `build` and `stats`, the extra
//! `--format` writers (gexf, json, neo4j) and images (svg, png), `stats`
//! (text and JSON) and `render`.
//!
//! The assertions are properties of the output (every kept edge is a
//! `met_with` edge, the ego network is the actor and its neighbours in the
//! whole graph, ...), not exact counts, so they hold while the extractor
//! improves. Without Graphviz the image tests print `SKIP: ...` and pass,
//! unless `ACTORGRAPH_REQUIRE_INTEROP=1` is set, where they fail.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write as _;
use std::path::Path;

use common::{actorgraph, csv_rows};
use predicates::prelude::*;

/// Builds `data/samples` into a fresh folder with `args` added.
fn build(args: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    actorgraph()
        .args(["build", "data/samples", "-q", "-o"])
        .arg(dir.path())
        .args(args)
        .assert()
        .success();
    dir
}

fn edges(dir: &Path) -> Vec<BTreeMap<String, String>> {
    csv_rows(&dir.join("edges.csv"))
}

fn nodes(dir: &Path) -> Vec<BTreeMap<String, String>> {
    csv_rows(&dir.join("nodes.csv"))
}

fn node_ids(dir: &Path) -> BTreeSet<String> {
    nodes(dir).into_iter().map(|n| n["Id"].clone()).collect()
}

/// Every edge's endpoints are nodes of the file.
fn assert_consistent(dir: &Path) {
    let ids = node_ids(dir);
    for e in edges(dir) {
        assert!(ids.contains(&e["Source"]) && ids.contains(&e["Target"]), "{e:?}");
    }
}

fn graphviz_installed() -> bool {
    std::process::Command::new("dot")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Skips the calling test, or fails it when interop is required.
fn skip(what: &str) {
    let msg = format!("SKIP: {what} (install graphviz, e.g. apt-get install graphviz)");
    if std::env::var("ACTORGRAPH_REQUIRE_INTEROP").is_ok_and(|v| v == "1") {
        panic!("{msg}, but ACTORGRAPH_REQUIRE_INTEROP=1");
    }
    let _ = writeln!(std::io::stderr(), "{msg}");
}

fn assert_svg(path: &Path) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains("<svg"), "{}", path.display());
    assert!(text.trim_end().ends_with("</svg>"), "{}", path.display());
}

#[test]
fn relations_filter_keeps_only_those_edges_and_the_evidence_whole() {
    let all = build(&[]);
    let dir = build(&["--relations", "met_with"]);
    let kept = edges(dir.path());
    assert!(!kept.is_empty());
    assert!(kept.iter().all(|e| e["relation"] == "met_with"), "{kept:?}");
    assert!(kept.len() < edges(all.path()).len());
    // Nodes left without an edge are dropped.
    let ends: BTreeSet<String> = kept
        .iter()
        .flat_map(|e| [e["Source"].clone(), e["Target"].clone()])
        .collect();
    assert_eq!(node_ids(dir.path()), ends);
    // The evidence and the merge state are those of the whole graph.
    for f in ["mentions.csv", "relations.csv", "graph.state.jsonl"] {
        assert_eq!(
            std::fs::read(all.path().join(f)).unwrap(),
            std::fs::read(dir.path().join(f)).unwrap(),
            "{f}"
        );
    }
}

#[test]
fn categories_and_no_affiliations() {
    let dir = build(&["--categories", "consult,Support"]);
    let kept = edges(dir.path());
    assert!(!kept.is_empty());
    assert!(kept
        .iter()
        .all(|e| e["category"] == "CONSULT" || e["category"] == "SUPPORT"));

    let all = build(&[]);
    assert!(edges(all.path()).iter().any(|e| e["category"] == "AFFILIATION"));
    let dir = build(&["--no-affiliations"]);
    let kept = edges(dir.path());
    assert!(!kept.is_empty());
    assert!(kept.iter().all(|e| e["category"] != "AFFILIATION"));
    assert_consistent(dir.path());
}

#[test]
fn kinds_keep_only_those_nodes() {
    let dir = build(&["--kinds", "person"]);
    let kept = nodes(dir.path());
    assert!(!kept.is_empty());
    assert!(kept.iter().all(|n| n["kind"] == "person"), "{kept:?}");
    assert_consistent(dir.path());

    let dir = build(&["--kinds", "person,country"]);
    let kinds: BTreeSet<String> = nodes(dir.path()).into_iter().map(|n| n["kind"].clone()).collect();
    assert_eq!(
        kinds,
        BTreeSet::from(["country".to_string(), "person".to_string()])
    );
}

#[test]
fn min_weight() {
    let dir = build(&["--min-weight", "2"]);
    let kept = edges(dir.path());
    assert!(!kept.is_empty());
    assert!(
        kept.iter().all(|e| e["Weight"].parse::<u64>().unwrap() >= 2),
        "{kept:?}"
    );
    assert_consistent(dir.path());
}

#[test]
fn since_and_until() {
    let dir = build(&["--since", "2023-11-01"]);
    let kept = edges(dir.path());
    assert!(!kept.is_empty());
    for e in &kept {
        assert!(
            !e["last_date"].is_empty() && e["last_date"].as_str() >= "2023-11-01",
            "{e:?}"
        );
    }
    let dir = build(&["--until", "2023-03-05"]);
    let kept = edges(dir.path());
    assert!(!kept.is_empty());
    for e in &kept {
        assert!(
            !e["first_date"].is_empty() && e["first_date"].as_str() <= "2023-03-05",
            "{e:?}"
        );
    }
    let dir = build(&["--since", "2023-03-01", "--until", "2023-03-31"]);
    for e in edges(dir.path()) {
        assert!(e["first_date"].as_str() <= "2023-03-31" && e["last_date"].as_str() >= "2023-03-01");
    }
}

#[test]
fn bad_dates_are_usage_errors() {
    for args in [
        ["--since", "2023-13-01"],
        ["--until", "yesterday"],
        ["--since", "01/03/2023"],
    ] {
        let out = tempfile::tempdir().unwrap();
        actorgraph()
            .args(["build", "data/samples", "-o"])
            .arg(out.path())
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(args[0]).and(predicate::str::contains("YYYY-MM-DD")));
    }
    actorgraph()
        .args([
            "stats",
            "data/samples",
            "--since",
            "2023-12-01",
            "--until",
            "2023-01-01",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("after"));
}

#[test]
fn unknown_kinds_relations_and_categories_are_usage_errors() {
    for (option, value) in [
        ("--kinds", "persons"),
        ("--relations", "met"),
        ("--categories", "HUG"),
    ] {
        let out = tempfile::tempdir().unwrap();
        actorgraph()
            .args(["build", "data/samples", "-o"])
            .arg(out.path())
            .args([option, value])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(value).and(predicate::str::contains("known:")));
    }
}

#[test]
fn ego_keeps_the_actor_and_its_neighbours() {
    let all = build(&[]);
    let scholz = "person:olaf-scholz";
    let mut expected = BTreeSet::from([scholz.to_string()]);
    for e in edges(all.path()) {
        if e["Source"] == scholz {
            expected.insert(e["Target"].clone());
        }
        if e["Target"] == scholz {
            expected.insert(e["Source"].clone());
        }
    }
    assert!(expected.len() > 1, "Scholz has neighbours in the samples");
    let dir = build(&["--ego", "Olaf Scholz", "--depth", "1"]);
    assert_eq!(node_ids(dir.path()), expected);
    assert_consistent(dir.path());
    // The default depth is 1, and the id works as well as the name.
    let dir = build(&["--ego", scholz]);
    assert_eq!(node_ids(dir.path()), expected);
    // Depth 0 keeps the actor alone.
    let dir = build(&["--ego", "olaf scholz", "--depth", "0"]);
    assert_eq!(node_ids(dir.path()), BTreeSet::from([scholz.to_string()]));
    assert!(edges(dir.path()).is_empty());
}

#[test]
fn unknown_ego_is_a_usage_error() {
    let out = tempfile::tempdir().unwrap();
    actorgraph()
        .args(["build", "data/samples", "--ego", "Nobody Atall", "-o"])
        .arg(out.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown actor \"Nobody Atall\""));
    // Nothing is written.
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 0);
    actorgraph()
        .args(["stats", "data/samples", "--ego", "Nobody Atall"])
        .assert()
        .code(2);
    // --depth needs --ego.
    actorgraph()
        .args(["stats", "data/samples", "--depth", "2"])
        .assert()
        .code(2);
}

#[test]
fn collapse_writes_one_edge_per_pair() {
    let all = build(&[]);
    let pair = |e: &BTreeMap<String, String>| {
        let (a, b) = (e["Source"].clone(), e["Target"].clone());
        if a <= b {
            (a, b)
        } else {
            (b, a)
        }
    };
    let all_pairs: BTreeSet<_> = edges(all.path()).iter().map(pair).collect();
    let dir = build(&["--collapse"]);
    let kept = edges(dir.path());
    let pairs: BTreeSet<_> = kept.iter().map(pair).collect();
    assert_eq!(pairs.len(), kept.len(), "one edge per pair");
    assert_eq!(pairs, all_pairs);
}

#[test]
fn more_formats() {
    let dir = build(&["--format", "gexf,json,neo4j"]);
    for f in [
        "graph.gexf",
        "graph.json",
        "neo4j-nodes.csv",
        "neo4j-relationships.csv",
    ] {
        let p = dir.path().join(f);
        assert!(p.is_file() && std::fs::metadata(&p).unwrap().len() > 0, "{f}");
    }
    for f in ["graph.dot", "nodes.csv", "mentions.csv"] {
        assert!(!dir.path().join(f).exists(), "{f}");
    }
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("graph.json")).unwrap()).unwrap();
    assert!(json.is_object());
    let gexf = std::fs::read_to_string(dir.path().join("graph.gexf")).unwrap();
    assert!(gexf.contains("<gexf"));
    // The help lists every format.
    actorgraph().args(["build", "--help"]).assert().success().stdout(
        predicate::str::contains("gexf")
            .and(predicate::str::contains("json"))
            .and(predicate::str::contains("neo4j"))
            .and(predicate::str::contains("svg")),
    );
    let out = tempfile::tempdir().unwrap();
    actorgraph()
        .args(["build", "data/samples", "--format", "dot,pdf", "-o"])
        .arg(out.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("\"pdf\"").and(predicate::str::contains("svg, png")));
}

#[test]
fn format_svg_renders_with_graphviz() {
    if !graphviz_installed() {
        return skip("`build --format svg` needs Graphviz's dot");
    }
    let dir = build(&["--format", "csv,svg,png"]);
    assert_svg(&dir.path().join("graph.svg"));
    let png = std::fs::read(dir.path().join("graph.png")).unwrap();
    assert!(png.starts_with(b"\x89PNG"));
    assert!(dir.path().join("edges.csv").is_file());
    // The image shows the filtered graph.
    let dir = build(&["--format", "svg", "--ego", "Olaf Scholz"]);
    let svg = std::fs::read_to_string(dir.path().join("graph.svg")).unwrap();
    assert!(svg.contains("Olaf Scholz"));
    assert!(!svg.contains("Xi Jinping"));
}

#[test]
fn missing_graphviz_is_a_clear_error() {
    let out = tempfile::tempdir().unwrap();
    actorgraph()
        .env("PATH", "/nonexistent")
        .args(["build", "data/samples", "--format", "csv,svg", "-o"])
        .arg(out.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("Graphviz not found"));
    // Checked before the run: nothing is written.
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 0);
}

const SECTIONS: [&str; 9] = [
    "Actors by kind:",
    "Relations (edges, asserted mentions):",
    "Degree (distinct neighbours):",
    "Weighted degree",
    "PageRank",
    "Betweenness",
    "Communities (Louvain)",
    "Most cooperative pairs:",
    "Most conflictual pairs:",
];

/// The standard output of a successful `actorgraph ARGS...`.
fn stats_stdout(args: &[&str]) -> Vec<u8> {
    actorgraph()
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone()
}

/// The JSON object `actorgraph stats ... --json` prints.
fn stats_json(args: &[&str]) -> serde_json::Value {
    serde_json::from_slice(&stats_stdout(args)).unwrap()
}

#[test]
fn stats_prints_every_section() {
    let out = stats_stdout(&["stats", "data/samples", "--top", "5", "-q"]);
    let text = String::from_utf8(out).unwrap();
    for s in SECTIONS {
        assert!(text.contains(s), "{s} missing in:\n{text}");
    }
    assert!(
        text.contains("[person:olaf-scholz]") || text.contains("[country:"),
        "{text}"
    );
    // The same for every --jobs value.
    for jobs in ["1", "2"] {
        actorgraph()
            .args(["stats", "data/samples", "--top", "5", "-q", "--jobs", jobs])
            .assert()
            .success()
            .stdout(text.clone());
    }
}

#[test]
fn stats_json_is_one_object() {
    let v = stats_json(&["stats", "data/samples", "--json", "--top", "3", "-q"]);
    for key in [
        "nodes",
        "edges",
        "kinds",
        "relations",
        "degree",
        "page_rank",
        "betweenness",
        "communities",
        "modularity",
        "cooperative_pairs",
        "conflictual_pairs",
    ] {
        assert!(v.get(key).is_some(), "{key}");
    }
    assert!(v["nodes"].as_u64().unwrap() > 0);
    assert!(v["degree"].as_array().unwrap().len() <= 3);
}

#[test]
fn stats_applies_the_filters() {
    let v = stats_json(&["stats", "data/samples", "--json", "-q", "--kinds", "person"]);
    let kinds = v["kinds"].as_object().unwrap();
    assert!(kinds["person"].as_u64().unwrap() > 0);
    for (k, n) in kinds {
        if k != "person" {
            assert_eq!(n.as_u64(), Some(0), "{k}");
        }
    }
    let v = stats_json(&["stats", "data/samples", "--json", "-q", "--relations", "met_with"]);
    let relations: Vec<&String> = v["relations"].as_object().unwrap().keys().collect();
    assert_eq!(relations, ["met_with"]);
}

#[test]
fn stats_of_a_build_folder_equals_stats_of_the_articles() {
    let dir = build(&["--format", "csv"]);
    let of_articles = stats_stdout(&["stats", "data/samples", "-q"]);
    actorgraph()
        .arg("stats")
        .arg(dir.path())
        .assert()
        .success()
        .stdout(of_articles);
    // Articles and build folders do not mix.
    actorgraph()
        .args(["stats", "data/samples"])
        .arg(dir.path())
        .assert()
        .code(2);
}

#[test]
fn render_draws_a_build_folder() {
    if !graphviz_installed() {
        return skip("`render` needs Graphviz's dot");
    }
    let dir = build(&["--format", "dot"]);
    actorgraph().arg("render").arg(dir.path()).assert().success();
    assert_svg(&dir.path().join("graph.svg"));
    let svg = std::fs::read_to_string(dir.path().join("graph.svg")).unwrap();
    assert!(svg.contains("legend"), "the styled DOT has a legend");

    // -o with a filter, an engine and thinning.
    let out = dir.path().join("ego.svg");
    actorgraph()
        .arg("render")
        .arg(dir.path())
        .args([
            "--ego",
            "Olaf Scholz",
            "--engine",
            "sfdp",
            "--max-edges",
            "5",
            "-o",
        ])
        .arg(&out)
        .assert()
        .success();
    assert_svg(&out);

    // A DOT file is rendered as it is.
    let png = dir.path().join("plain.png");
    actorgraph()
        .arg("render")
        .arg(dir.path().join("graph.dot"))
        .arg("-o")
        .arg(&png)
        .assert()
        .success();
    assert!(std::fs::read(&png).unwrap().starts_with(b"\x89PNG"));
}

#[test]
fn render_usage_errors() {
    let dir = build(&["--format", "dot"]);
    // Unknown image type, unknown engine, filters on a DOT file.
    actorgraph()
        .arg("render")
        .arg(dir.path())
        .arg("-o")
        .arg(dir.path().join("g.pdf"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(".svg or .png"));
    actorgraph()
        .arg("render")
        .arg(dir.path())
        .args(["--engine", "gvpr"])
        .assert()
        .code(2);
    actorgraph()
        .arg("render")
        .arg(dir.path().join("graph.dot"))
        .args(["--kinds", "person"])
        .assert()
        .code(2);
    // A folder that is not a build output.
    let empty = tempfile::tempdir().unwrap();
    actorgraph()
        .arg("render")
        .arg(empty.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("graph.state.jsonl"));
}

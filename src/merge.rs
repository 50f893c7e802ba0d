//! Shard and merge: `actorgraph merge DIR... -o OUT` combines the output
//! folders of several `build` runs over consecutive parts of a corpus into
//! exactly what one run over the whole corpus writes.
//!
//! The graph exports alone are not enough for that: a node's label and
//! country are votes (counts per candidate, see [`Node::labels`]) that
//! `nodes.csv` shows only as the winner. So `build` also writes
//! [`STATE_FILE`], the graph without loss, and `merge` reads it back from
//! every folder, adds the graphs up with [`ActorGraph::merge`] (node ids are
//! stable, so merging is a sum over nodes and edges), and writes the exports
//! of the sum. Evidence files (`mentions.csv`, `relations.csv`) are
//! concatenated in the order the folders are given, header once.
//!
//! # `graph.state.jsonl`
//!
//! JSON Lines, written atomically like the exports, in a fixed order (so the
//! same graph gives the same bytes):
//!
//! - line 1: `{"actorgraph_state":1}` (the format version);
//! - one `{"node":{...}}` line per node, sorted by id: `id`, `kind`,
//!   `labels` and `countries` (candidate -> number of documents), `roles`,
//!   `aliases`, `mentions`, `documents`;
//! - one `{"edge":{...}}` line per edge, sorted like `edges.csv`: `source`,
//!   `target`, `relation`, `label`, `category`, `polarity`, `directed`,
//!   `weight`, `negated`, `documents`, `first_date`, `last_date`
//!   (`YYYY-MM-DD` or null).
//!
//! The folders must be given in corpus order: a node's `kind` is the one of
//! its first document, as in a single run.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::export::{self, Format};
use crate::graph::{ActorGraph, Edge, Node};
use crate::model::{ActorId, ActorKind};
use crate::vocab::Polarity;

/// The lossless graph file that `build` writes and `merge` reads.
pub const STATE_FILE: &str = "graph.state.jsonl";

/// The version written on the first line of [`STATE_FILE`].
pub const STATE_VERSION: u32 = 1;

/// The evidence files, concatenated by `merge`.
pub const EVIDENCE_FILES: [&str; 2] = ["mentions.csv", "relations.csv"];

/// One line after the header. The state is written from borrowed values
/// (`Cow::Borrowed`, no copy of the graph) and read back as owned ones.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
enum Line<'a> {
    Node(NodeState<'a>),
    Edge(EdgeState<'a>),
}

#[derive(Serialize, Deserialize)]
struct Header {
    actorgraph_state: u32,
}

#[derive(Serialize, Deserialize)]
struct NodeState<'a> {
    id: Cow<'a, str>,
    kind: Cow<'a, str>,
    labels: Cow<'a, BTreeMap<String, u64>>,
    countries: Cow<'a, BTreeMap<String, u64>>,
    roles: Cow<'a, BTreeSet<String>>,
    aliases: Cow<'a, BTreeSet<String>>,
    mentions: u64,
    documents: u64,
}

#[derive(Serialize, Deserialize)]
struct EdgeState<'a> {
    source: Cow<'a, str>,
    target: Cow<'a, str>,
    relation: Cow<'a, str>,
    label: Cow<'a, str>,
    category: Cow<'a, str>,
    polarity: Cow<'a, str>,
    directed: bool,
    weight: u64,
    negated: u64,
    documents: u64,
    first_date: Option<String>,
    last_date: Option<String>,
}

/// `YYYY-MM-DD` (chrono's `%Y-%m-%d`), `None` when unknown.
fn iso(d: Option<NaiveDate>) -> Option<String> {
    d.map(|d| export::iso_date(Some(d)))
}

fn parse_iso(s: Option<&str>) -> std::result::Result<Option<NaiveDate>, String> {
    s.map(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| format!("bad date {s:?}: {e}")))
        .transpose()
}

fn polarity_from_name(name: &str) -> Option<Polarity> {
    [Polarity::Cooperative, Polarity::Conflictual, Polarity::Neutral]
        .into_iter()
        .find(|p| p.name() == name)
}

/// Writes `graph` in the [`STATE_FILE`] format.
pub fn write_state(graph: &ActorGraph, w: &mut dyn Write) -> io::Result<()> {
    let mut buf = Vec::with_capacity(1024);
    let header = Header {
        actorgraph_state: STATE_VERSION,
    };
    write_json_line(&mut buf, w, &header)?;
    for n in graph.nodes() {
        write_json_line(
            &mut buf,
            w,
            &Line::Node(NodeState {
                id: Cow::Borrowed(n.id.as_str()),
                kind: Cow::Borrowed(n.kind.name()),
                labels: Cow::Borrowed(&n.labels),
                countries: Cow::Borrowed(&n.countries),
                roles: Cow::Borrowed(&n.roles),
                aliases: Cow::Borrowed(&n.aliases),
                mentions: n.mentions,
                documents: n.documents,
            }),
        )?;
    }
    for (s, t, e) in graph.edges() {
        write_json_line(
            &mut buf,
            w,
            &Line::Edge(EdgeState {
                source: Cow::Borrowed(s.id.as_str()),
                target: Cow::Borrowed(t.id.as_str()),
                relation: Cow::Borrowed(&e.relation),
                label: Cow::Borrowed(&e.label),
                category: Cow::Borrowed(&e.category),
                polarity: Cow::Borrowed(e.polarity.name()),
                directed: e.directed,
                weight: e.weight,
                negated: e.negated,
                documents: e.documents,
                first_date: iso(e.first_date),
                last_date: iso(e.last_date),
            }),
        )?;
    }
    Ok(())
}

/// Writes `value` as one JSON line. It is serialized into `buf` (cleared
/// first) and written at once: serde_json makes many small writes, cheaper
/// on a `Vec` than through `dyn Write`.
fn write_json_line(buf: &mut Vec<u8>, w: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    buf.clear();
    serde_json::to_writer(&mut *buf, value)?;
    buf.push(b'\n');
    w.write_all(buf)
}

/// Reads a graph written by [`write_state`]. `path` names the file in errors.
pub fn read_state(reader: impl BufRead, path: &Path) -> Result<ActorGraph> {
    let bad = |line: usize, msg: String| Error::Input {
        path: path.to_path_buf(),
        source: io::Error::new(io::ErrorKind::InvalidData, format!("line {line}: {msg}")),
    };
    let mut graph = ActorGraph::new();
    let mut lines = reader.lines();
    let first = lines
        .next()
        .transpose()
        .map_err(|source| Error::Input {
            path: path.to_path_buf(),
            source,
        })?
        .ok_or_else(|| bad(1, "empty file, expected the state header".into()))?;
    let header: Header =
        serde_json::from_str(&first).map_err(|e| bad(1, format!("not an actorgraph state header: {e}")))?;
    if header.actorgraph_state != STATE_VERSION {
        return Err(bad(
            1,
            format!(
                "state format version {} (this actorgraph reads version {STATE_VERSION})",
                header.actorgraph_state
            ),
        ));
    }
    for (i, line) in lines.enumerate() {
        let no = i + 2;
        let line = line.map_err(|source| Error::Input {
            path: path.to_path_buf(),
            source,
        })?;
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Line>(&line).map_err(|e| bad(no, e.to_string()))? {
            Line::Node(n) => graph.add_node(Node {
                kind: ActorKind::from_name(&n.kind)
                    .ok_or_else(|| bad(no, format!("unknown kind {:?}", n.kind)))?,
                id: ActorId(n.id.into()),
                labels: n.labels.into_owned(),
                countries: n.countries.into_owned(),
                roles: n.roles.into_owned(),
                aliases: n.aliases.into_owned(),
                mentions: n.mentions,
                documents: n.documents,
            }),
            Line::Edge(e) => {
                let first_date = parse_iso(e.first_date.as_deref()).map_err(|m| bad(no, m))?;
                let last_date = parse_iso(e.last_date.as_deref()).map_err(|m| bad(no, m))?;
                graph.add_edge(
                    &ActorId(e.source.into()),
                    &ActorId(e.target.into()),
                    Edge {
                        polarity: polarity_from_name(&e.polarity)
                            .ok_or_else(|| bad(no, format!("unknown polarity {:?}", e.polarity)))?,
                        relation: e.relation.into_owned(),
                        label: e.label.into_owned(),
                        category: e.category.into_owned(),
                        directed: e.directed,
                        weight: e.weight,
                        negated: e.negated,
                        documents: e.documents,
                        first_date,
                        last_date,
                    },
                )
            }
        }
    }
    Ok(graph)
}

/// Reads the [`STATE_FILE`] of a `build` output folder.
/// A folder without one is an error that says so.
pub fn read_state_dir(dir: &Path) -> Result<ActorGraph> {
    let path = dir.join(STATE_FILE);
    let file = File::open(&path).map_err(|e| Error::Input {
        path: dir.to_path_buf(),
        source: if e.kind() == io::ErrorKind::NotFound {
            io::Error::new(
                io::ErrorKind::NotFound,
                format!("no {STATE_FILE} (not an output folder of `actorgraph build`)"),
            )
        } else {
            e
        },
    })?;
    read_state(BufReader::new(file), &path)
}

/// Options of a `merge` run.
#[derive(Debug, Clone)]
pub struct MergeOptions {
    /// The `build` output folders, in corpus order.
    pub dirs: Vec<PathBuf>,
    /// Output folder.
    pub out: PathBuf,
    /// Writers to run (with `csv`, the evidence files are concatenated too).
    pub formats: Vec<Format>,
}

/// What a merge did.
#[derive(Debug, Clone, Default)]
pub struct MergeSummary {
    /// Folders merged.
    pub folders: usize,
    /// Nodes in the merged graph.
    pub actors: usize,
    /// Edges in the merged graph.
    pub edges: usize,
    /// Wall time in seconds.
    pub seconds: f64,
}

/// Runs `merge`: reads every folder's state (all of them before writing
/// anything), sums the graphs in order, writes the exports, the state file,
/// and (with `csv`) the concatenated evidence files into `opts.out`.
pub fn merge(opts: &MergeOptions) -> Result<MergeSummary> {
    let started = Instant::now();
    if opts.dirs.is_empty() {
        return Err(Error::Usage("merge needs at least one folder".into()));
    }
    let with_evidence = opts.formats.contains(&Format::Csv);
    // Check everything first, so a bad folder leaves the output untouched.
    let mut graph = ActorGraph::new();
    for dir in &opts.dirs {
        let part = read_state_dir(dir)?;
        graph.merge(&part);
        if with_evidence {
            for name in EVIDENCE_FILES {
                let path = dir.join(name);
                if !path.is_file() {
                    return Err(Error::Input {
                        path,
                        source: io::Error::new(
                            io::ErrorKind::NotFound,
                            "missing: build with the csv format, or merge with --format without csv",
                        ),
                    });
                }
            }
        }
    }
    if opts.out.is_file() {
        return Err(Error::Output {
            path: opts.out.clone(),
            source: io::Error::new(io::ErrorKind::AlreadyExists, "the output path is a file"),
        });
    }
    std::fs::create_dir_all(&opts.out).map_err(|source| Error::Output {
        path: opts.out.clone(),
        source,
    })?;
    export::clean_stale_temporaries(&opts.out);
    if with_evidence {
        for name in EVIDENCE_FILES {
            let parts: Vec<PathBuf> = opts.dirs.iter().map(|d| d.join(name)).collect();
            concat_tables(&parts, &opts.out.join(name))?;
        }
    }
    for f in &opts.formats {
        export::write_graph(&graph, *f, &opts.out)?;
    }
    export::write_atomic(&opts.out.join(STATE_FILE), |w| write_state(&graph, w))?;
    Ok(MergeSummary {
        folders: opts.dirs.len(),
        actors: graph.node_count(),
        edges: graph.edge_count(),
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// Concatenates CSV tables with the same header line into `out`: the first
/// file whole, then every other one without its header line.
fn concat_tables(parts: &[PathBuf], out: &Path) -> Result<()> {
    let input_err = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Input { path, source }
    };
    let mut readers = Vec::with_capacity(parts.len());
    let mut header: Option<Vec<u8>> = None;
    for p in parts {
        let mut r = BufReader::new(File::open(p).map_err(input_err(p))?);
        let mut line = Vec::new();
        r.read_until(b'\n', &mut line).map_err(input_err(p))?;
        match &header {
            None => header = Some(line),
            Some(h) if *h != line => {
                return Err(Error::Input {
                    path: p.clone(),
                    source: io::Error::new(
                        io::ErrorKind::InvalidData,
                        format!("its header differs from the one in {}", parts[0].display()),
                    ),
                })
            }
            Some(_) => {}
        }
        readers.push(r);
    }
    // Read errors surface as write errors of `out`: the message names the output file.
    export::write_atomic(out, |w| {
        w.write_all(header.as_deref().unwrap_or_default())?;
        for r in &mut readers {
            io::copy(r, w)?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorRecord, DocAnalysis, Modality, RelationRecord, Span};
    use crate::vocab::Vocabulary;

    fn doc(label: &str, country: Option<&str>, rel: &str, date: u32) -> DocAnalysis {
        let actor = |id: &str, kind, label: &str| ActorRecord {
            id: ActorId(id.into()),
            label: label.into(),
            kind,
            country: country.map(String::from),
            roles: vec!["President".into()],
            aliases: vec![label.into()],
            mentions: 2,
        };
        DocAnalysis {
            doc_id: "d".into(),
            actors: vec![
                actor("person:a", ActorKind::Person, label),
                actor("country:FRA", ActorKind::Country, "France"),
            ],
            relations: vec![RelationRecord {
                sentence: 0,
                sentence_span: Span::new(0, 1),
                source: ActorId("person:a".into()),
                target: ActorId("country:FRA".into()),
                relation: rel.into(),
                trigger: Span::new(0, 1),
                negated: false,
                modality: Modality::Asserted,
                date: NaiveDate::from_ymd_opt(2020, 1, date),
                source_span: Span::new(0, 1),
                target_span: Span::new(0, 1),
            }],
            ..Default::default()
        }
    }

    fn exports(g: &ActorGraph) -> Vec<u8> {
        let mut out = Vec::new();
        write_state(g, &mut out).unwrap();
        crate::export::csv::write_nodes(g, &mut out).unwrap();
        crate::export::csv::write_edges(g, &mut out).unwrap();
        out
    }

    #[test]
    fn state_round_trips() {
        let v = Vocabulary::builtin();
        let mut g = ActorGraph::new();
        g.add_document(&doc("A \"quoted\"\nname", Some("FRA"), "met_with", 3), v);
        g.add_document(&doc("Ä", None, "attacks", 1), v);
        let mut bytes = Vec::new();
        write_state(&g, &mut bytes).unwrap();
        let back = read_state(&bytes[..], Path::new("x")).unwrap();
        assert_eq!(exports(&g), exports(&back));
        assert_eq!(g.nodes(), back.nodes());
    }

    #[test]
    fn merged_states_keep_the_votes() {
        // The label wins by votes summed over both halves, which nodes.csv cannot tell.
        let v = Vocabulary::builtin();
        let docs = [
            doc("Putin", None, "met_with", 1),
            doc("Vladimir Putin", Some("RUS"), "met_with", 2),
            doc("Putin", Some("RUS"), "attacks", 3),
            doc("Putin", None, "met_with", 4),
        ];
        let mut whole = ActorGraph::new();
        docs.iter().for_each(|d| whole.add_document(d, v));
        let (mut left, mut right) = (ActorGraph::new(), ActorGraph::new());
        docs[..2].iter().for_each(|d| left.add_document(d, v));
        docs[2..].iter().for_each(|d| right.add_document(d, v));
        let round = |g: &ActorGraph| {
            let mut b = Vec::new();
            write_state(g, &mut b).unwrap();
            read_state(&b[..], Path::new("x")).unwrap()
        };
        let mut merged = ActorGraph::new();
        merged.merge(&round(&left));
        merged.merge(&round(&right));
        assert_eq!(exports(&whole), exports(&merged));
    }

    /// The error with its causes, as the binary prints it.
    fn chain(e: &Error) -> String {
        let mut s = e.to_string();
        let mut cause = std::error::Error::source(e);
        while let Some(c) = cause {
            s = format!("{s}: {c}");
            cause = c.source();
        }
        s
    }

    #[test]
    fn bad_state_files_are_errors() {
        for (text, needle) in [
            ("", "empty file"),
            ("{\"actorgraph_state\":2}\n", "version 2"),
            ("{\"nodes\":1}\n", "header"),
            ("{\"actorgraph_state\":1}\n{\"node\":{\"id\":1}}\n", "line 2"),
        ] {
            let err = read_state(text.as_bytes(), Path::new("s.jsonl"))
                .err()
                .map(|e| chain(&e));
            assert!(
                err.as_deref().is_some_and(|e| e.contains(needle)),
                "{text:?}: {err:?}"
            );
        }
    }

    #[test]
    fn folder_without_state_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let err = read_state_dir(dir.path())
            .err()
            .map(|e| chain(&e))
            .unwrap_or_default();
        assert!(err.contains(STATE_FILE), "{err}");
    }
}

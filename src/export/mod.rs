//! Export: one module per file format behind the closed [`Format`] enum.
//!
//! Every writer is deterministic (the same graph gives the same bytes) and
//! every file is written to a temporary name in the output folder, then
//! renamed into place, so an export is either complete or absent.

pub mod csv;
pub mod dot;
pub mod gexf;
pub mod graphml;
pub mod json;
pub mod neo4j;

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::graph::ActorGraph;

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    /// Graphviz DOT (`graph.dot`).
    Dot,
    /// GraphML 1.0 (`graph.graphml`).
    GraphMl,
    /// Gephi/pandas CSV (`nodes.csv`, `edges.csv`; the evidence files
    /// `mentions.csv` and `relations.csv` are written alongside).
    Csv,
    /// GEXF 1.3 for Gephi (`graph.gexf`), dynamic when edges have dates.
    Gexf,
    /// The same GEXF as a purely directed graph (`graph.directed.gexf`), the
    /// variant NetworkX's `read_gexf` accepts (it refuses undirected edges in
    /// a directed graph); symmetric relations keep `directed=false` as an attribute.
    GexfDirected,
    /// Node-link JSON for NetworkX and D3 (`graph.json`).
    Json,
    /// Neo4j bulk-import CSV (`neo4j-nodes.csv`, `neo4j-relationships.csv`).
    Neo4j,
}

impl Format {
    /// All formats.
    pub const ALL: [Format; 7] = [
        Format::Dot,
        Format::GraphMl,
        Format::Csv,
        Format::Gexf,
        Format::GexfDirected,
        Format::Json,
        Format::Neo4j,
    ];

    /// The `--format` name.
    pub const fn name(self) -> &'static str {
        match self {
            Format::Dot => "dot",
            Format::GraphMl => "graphml",
            Format::Csv => "csv",
            Format::Gexf => "gexf",
            Format::GexfDirected => "gexf-directed",
            Format::Json => "json",
            Format::Neo4j => "neo4j",
        }
    }

    /// Parses a `--format` name (case-insensitive).
    pub fn from_name(name: &str) -> Result<Self> {
        let lower = name.trim().to_ascii_lowercase();
        Self::ALL
            .into_iter()
            .find(|f| f.name() == lower)
            .ok_or_else(|| Error::UnknownFormat(name.to_string()))
    }

    /// Parses a comma-separated list (`dot,graphml,csv`), without duplicates, in the given order.
    pub fn parse_list(list: &str) -> Result<Vec<Self>> {
        let mut out = Vec::new();
        for part in list.split(',').filter(|p| !p.trim().is_empty()) {
            let f = Self::from_name(part)?;
            if !out.contains(&f) {
                out.push(f);
            }
        }
        if out.is_empty() {
            return Err(Error::UnknownFormat(list.to_string()));
        }
        Ok(out)
    }

    /// The graph files this format writes (CSV writes `nodes.csv` and `edges.csv`,
    /// Neo4j `neo4j-nodes.csv` and `neo4j-relationships.csv`).
    pub const fn file_names(self) -> &'static [&'static str] {
        match self {
            Format::Dot => &["graph.dot"],
            Format::GraphMl => &["graph.graphml"],
            Format::Csv => &["nodes.csv", "edges.csv"],
            Format::Gexf => &["graph.gexf"],
            Format::GexfDirected => &["graph.directed.gexf"],
            Format::Json => &["graph.json"],
            Format::Neo4j => &["neo4j-nodes.csv", "neo4j-relationships.csv"],
        }
    }
}

/// A date as every export writes it: ISO `YYYY-MM-DD`, empty when unknown.
pub(crate) fn iso_date(date: Option<chrono::NaiveDate>) -> String {
    let mut out = String::with_capacity(if date.is_some() { 10 } else { 0 });
    push_iso_date(&mut out, date);
    out
}

/// [`iso_date`] appended to `out` (nothing when unknown).
pub(crate) fn push_iso_date(out: &mut String, date: Option<chrono::NaiveDate>) {
    use chrono::Datelike;
    let Some(d) = date else {
        return;
    };
    let (y, m, day) = (d.year(), d.month(), d.day());
    if !(0..=9999).contains(&y) {
        // chrono's own form for years of more than four digits or before year 0.
        use std::fmt::Write;
        let _ = write!(out, "{}", d.format("%Y-%m-%d"));
        return;
    }
    // The digits by hand: this runs for every relation row of the evidence.
    let digit = |n: u32| char::from(b'0' + (n % 10) as u8);
    let y = y as u32;
    for c in [
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        '-',
        digit(m / 10),
        digit(m),
        '-',
        digit(day / 10),
        digit(day),
    ] {
        out.push(c);
    }
}

/// A weight as the graph formats write it, `{:.1}` of the `f64` value
/// (`3.0`), appended to `out`; integers up to 2^53 are exact in an `f64`, so
/// their text is the integer's digits and `.0`, written without `fmt`.
pub(crate) fn push_weight(out: &mut String, weight: u64) {
    if weight <= 1 << f64::MANTISSA_DIGITS {
        out.push_str(itoa::Buffer::new().format(weight));
        out.push_str(".0");
    } else {
        use std::fmt::Write;
        let _ = write!(out, "{:.1}", weight as f64);
    }
}

/// The attribute columns of a node that every graph format writes, in
/// `nodes.csv` order after `Id,Label`: kind, country, roles (`|`-joined),
/// aliases other than the label (`|`-joined), mentions, documents.
pub(crate) fn node_attributes(node: &crate::graph::Node) -> [String; 6] {
    [
        node.kind.name().to_string(),
        node.country().unwrap_or("").to_string(),
        node.roles
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join("|"),
        node.other_aliases().collect::<Vec<_>>().join("|"),
        node.mentions.to_string(),
        node.documents.to_string(),
    ]
}

/// Writes `graph` in `format` into `dir` (atomically, file by file).
pub fn write_graph(graph: &ActorGraph, format: Format, dir: &Path) -> Result<()> {
    match format {
        Format::Dot => write_atomic(&dir.join("graph.dot"), |w| dot::write(graph, w)),
        Format::GraphMl => write_atomic(&dir.join("graph.graphml"), |w| graphml::write(graph, w)),
        Format::Csv => {
            write_atomic(&dir.join("nodes.csv"), |w| csv::write_nodes(graph, w))?;
            write_atomic(&dir.join("edges.csv"), |w| csv::write_edges(graph, w))
        }
        Format::Gexf => write_atomic(&dir.join("graph.gexf"), |w| gexf::write(graph, w)),
        Format::GexfDirected => write_atomic(&dir.join("graph.directed.gexf"), |w| {
            gexf::write_with(graph, &gexf::GexfOptions { edge_types: false }, w)
        }),
        Format::Json => write_atomic(&dir.join("graph.json"), |w| json::write(graph, w)),
        Format::Neo4j => {
            write_atomic(&dir.join("neo4j-nodes.csv"), |w| neo4j::write_nodes(graph, w))?;
            write_atomic(&dir.join("neo4j-relationships.csv"), |w| {
                neo4j::write_relationships(graph, w)
            })
        }
    }
}

/// Prefix of the temporary files; stale ones are removed by [`clean_stale_temporaries`].
pub const TEMP_PREFIX: &str = ".actorgraph-tmp-";

/// Writes a file by calling `fill` on a buffered temporary file in the same
/// folder, flushing and syncing it, then renaming it over `path`.
/// On any error the temporary file is removed and `path` is untouched.
pub fn write_atomic<F>(path: &Path, fill: F) -> Result<()>
where
    F: FnOnce(&mut dyn Write) -> std::io::Result<()>,
{
    let out_err = |source| Error::Output {
        path: path.to_path_buf(),
        source,
    };
    let tmp = temp_file(path)?;
    {
        let mut w = std::io::BufWriter::new(tmp.as_file());
        fill(&mut w).map_err(out_err)?;
        w.flush().map_err(out_err)?;
    }
    persist(tmp, path)
}

/// A temporary file next to `path` (same folder, so the final rename is atomic).
/// It is deleted when dropped unless [`persist`]ed.
pub(crate) fn temp_file(path: &Path) -> Result<tempfile::NamedTempFile> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .tempfile_in(dir)
        .map_err(|source| Error::Output {
            path: path.to_path_buf(),
            source,
        })
}

/// Syncs a finished temporary file, gives it ordinary permissions and renames it over `path`.
pub(crate) fn persist(tmp: tempfile::NamedTempFile, path: &Path) -> Result<()> {
    let out_err = |source| Error::Output {
        path: path.to_path_buf(),
        source,
    };
    tmp.as_file().sync_all().map_err(out_err)?;
    // tempfile creates files readable by the owner only; exports are ordinary files.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))
            .map_err(out_err)?;
    }
    tmp.persist(path).map_err(|e| out_err(e.error))?;
    Ok(())
}

/// Removes temporary files left in `dir` by a run that was killed.
/// Returns the removed paths.
pub fn clean_stale_temporaries(dir: &Path) -> Vec<PathBuf> {
    let mut removed = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let name = e.file_name();
            if name.to_string_lossy().starts_with(TEMP_PREFIX) && std::fs::remove_file(e.path()).is_ok() {
                removed.push(e.path());
            }
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_date_is_chronos_form() {
        assert_eq!(iso_date(None), "");
        for (y, m, d) in [
            (2024, 2, 29),
            (1, 1, 1),
            (0, 12, 31),
            (999, 10, 9),
            (9999, 12, 31),
            (10000, 1, 1),
            (-5, 3, 4),
        ] {
            let date = chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(iso_date(Some(date)), date.format("%Y-%m-%d").to_string());
        }
    }

    #[test]
    fn push_weight_is_the_float_form() {
        for w in [0, 1, 7, 12_345, (1 << 53) - 1, 1 << 53, (1 << 53) + 1, u64::MAX] {
            let mut out = String::new();
            push_weight(&mut out, w);
            assert_eq!(out, format!("{:.1}", w as f64), "{w}");
        }
    }

    #[test]
    fn format_names_round_trip() {
        for f in Format::ALL {
            assert_eq!(Format::from_name(f.name()).ok(), Some(f));
        }
        assert_eq!(
            Format::parse_list("dot, CSV,dot").ok(),
            Some(vec![Format::Dot, Format::Csv])
        );
        assert!(Format::parse_list("dot,pdf").is_err());
        assert!(Format::parse_list("").is_err());
    }

    #[test]
    fn failed_write_leaves_previous_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.txt");
        write_atomic(&path, |w| w.write_all(b"old")).unwrap();
        let err = write_atomic(&path, |w| {
            w.write_all(b"partial")?;
            Err(std::io::Error::other("boom"))
        });
        assert!(err.is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names.len(), 1, "temporary file left behind: {names:?}");
    }
}

//! Node-link JSON writer (`graph.json`), with serde_json.
//!
//! The shape is the one NetworkX writes and reads
//! (`nx.node_link_graph(data, edges="links")`) and D3's force layout uses:
//!
//! ```json
//! {"directed": true, "multigraph": true, "graph": {"name": "actorgraph"},
//!  "nodes": [{"id": "country:DEU", "label": "Germany", "kind": "country", ...}],
//!  "links": [{"source": "country:DEU", "target": "country:FRA", "key": "supports", ...}]}
//! ```
//!
//! Nodes come in [`ActorGraph::nodes`] order with every column of
//! `nodes.csv` (`roles` and `aliases` as arrays, `country` `null` when
//! unknown); links in [`ActorGraph::edges`] order with every column of
//! `edges.csv` (`directed` a boolean standing for `Type`, `weight` a number,
//! dates `YYYY-MM-DD` or `null`). `key` is the relation, unique per
//! (source, target) pair, so NetworkX's multigraph keys are stable.
//! Output is pretty-printed with a final newline; key order is fixed.

use std::io::{self, Write};

use serde::Serialize;

use crate::graph::{ActorGraph, Edge, Node};

/// The whole document.
#[derive(Debug, Serialize)]
pub struct NodeLink<'a> {
    /// Always true: edges have a direction (symmetric ones say `directed: false`).
    pub directed: bool,
    /// Always true: one pair can have several relations.
    pub multigraph: bool,
    /// Graph attributes.
    pub graph: GraphAttributes,
    /// Nodes.
    pub nodes: Vec<JsonNode<'a>>,
    /// Edges.
    pub links: Vec<JsonLink<'a>>,
}

/// Graph-level attributes.
#[derive(Debug, Serialize)]
pub struct GraphAttributes {
    /// `actorgraph`.
    pub name: &'static str,
}

/// One node: the columns of `nodes.csv`.
#[derive(Debug, Serialize)]
pub struct JsonNode<'a> {
    /// Actor id (`Id`).
    pub id: &'a str,
    /// Display name (`Label`).
    pub label: &'a str,
    /// Actor kind.
    pub kind: &'static str,
    /// ISO 3166-1 alpha-3 code, or null.
    pub country: Option<&'a str>,
    /// Roles, sorted.
    pub roles: Vec<&'a str>,
    /// Aliases other than the label, sorted.
    pub aliases: Vec<&'a str>,
    /// Number of mentions.
    pub mentions: u64,
    /// Number of documents.
    pub documents: u64,
}

/// One link: the columns of `edges.csv`.
#[derive(Debug, Serialize)]
pub struct JsonLink<'a> {
    /// Source actor id.
    pub source: &'a str,
    /// Target actor id.
    pub target: &'a str,
    /// Multigraph key: the relation.
    pub key: &'a str,
    /// Human phrase.
    pub label: &'a str,
    /// Asserted mentions.
    pub weight: u64,
    /// Relation key.
    pub relation: &'a str,
    /// PLOVER category or `AFFILIATION`.
    pub category: &'a str,
    /// `cooperative`, `conflictual` or `neutral`.
    pub polarity: &'static str,
    /// False for symmetric relations.
    pub directed: bool,
    /// Negated or failed mentions.
    pub negated: u64,
    /// Documents.
    pub documents: u64,
    /// First date, or null.
    pub first_date: Option<String>,
    /// Last date, or null.
    pub last_date: Option<String>,
}

/// The node-link document of `graph`.
pub fn node_link(graph: &ActorGraph) -> NodeLink<'_> {
    NodeLink {
        directed: true,
        multigraph: true,
        graph: GraphAttributes { name: "actorgraph" },
        nodes: graph.nodes().into_iter().map(json_node).collect(),
        links: graph
            .edges()
            .into_iter()
            .map(|(s, t, e)| json_link(s, t, e))
            .collect(),
    }
}

/// Writes `graph` as node-link JSON.
pub fn write(graph: &ActorGraph, w: &mut dyn Write) -> io::Result<()> {
    // serde_json makes many small writes: a buffer of a concrete type takes
    // them inline, and only whole blocks go through `dyn Write`.
    let mut w = io::BufWriter::new(w);
    serde_json::to_writer_pretty(&mut w, &node_link(graph))?;
    w.write_all(b"\n")?;
    w.flush()
}

fn json_node(node: &Node) -> JsonNode<'_> {
    JsonNode {
        id: node.id.as_str(),
        label: node.label(),
        kind: node.kind.name(),
        country: node.country(),
        roles: node.roles.iter().map(String::as_str).collect(),
        aliases: node.other_aliases().collect(),
        mentions: node.mentions,
        documents: node.documents,
    }
}

fn json_link<'a>(source: &'a Node, target: &'a Node, edge: &'a Edge) -> JsonLink<'a> {
    // `YYYY-MM-DD` (chrono's `%Y-%m-%d`, by hand) or null.
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| super::iso_date(Some(d)));
    JsonLink {
        source: source.id.as_str(),
        target: target.id.as_str(),
        key: &edge.relation,
        label: &edge.label,
        weight: edge.weight,
        relation: &edge.relation,
        category: &edge.category,
        polarity: edge.polarity.name(),
        directed: edge.directed,
        negated: edge.negated,
        documents: edge.documents,
        first_date: date(edge.first_date),
        last_date: date(edge.last_date),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_graph_is_an_empty_node_link_document() {
        let mut out = Vec::new();
        write(&ActorGraph::new(), &mut out).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"directed": true, "multigraph": true, "graph": {"name": "actorgraph"},
                "nodes": [], "links": []})
        );
        assert!(out.ends_with(b"}\n"));
    }
}

//! Neo4j bulk-import CSV writer (`neo4j-nodes.csv`, `neo4j-relationships.csv`)
//! for `neo4j-admin database import full`.
//!
//! The same rows as `nodes.csv`/`edges.csv` under Neo4j's typed headers
//! ([`NODE_HEADER`], [`RELATIONSHIP_HEADER`]):
//! - nodes: `id:ID` (the actor id, also stored as property `id`), `:LABEL`
//!   (the kind capitalized: `Person`, `Country`, `Organization`, `Group`,
//!   `Location`), `roles:string[]` and `aliases:string[]` as `;`-separated
//!   arrays (Neo4j's default `--array-delimiter`), counts as `int`;
//! - relationships: `:START_ID`, `:END_ID`, `:TYPE` (the relation key in
//!   upper snake case, `MET_WITH`), `weight:double`, `directed:boolean`
//!   (`false` for symmetric relations: Neo4j relationships always have a
//!   direction), dates as `YYYY-MM-DD` strings, empty when unknown.
//!
//! So that the files import with the default options (no
//! `--multiline-fields`, default quoting), control characters (newlines
//! included) in text become spaces, and a `;` inside an array element
//! becomes `,` (Neo4j has no escape for the array delimiter).
//!
//! Import (Neo4j 5, database stopped, files in the `import` folder):
//!
//! ```text
//! neo4j-admin database import full neo4j --overwrite-destination \
//!     --nodes=import/neo4j-nodes.csv --relationships=import/neo4j-relationships.csv
//! ```

use std::io::{self, Write};

use crate::graph::ActorGraph;
use crate::model::ActorKind;

/// Header of `neo4j-nodes.csv`.
pub const NODE_HEADER: [&str; 8] = [
    "id:ID",
    ":LABEL",
    "label",
    "country",
    "roles:string[]",
    "aliases:string[]",
    "mentions:int",
    "documents:int",
];

/// Header of `neo4j-relationships.csv`.
pub const RELATIONSHIP_HEADER: [&str; 12] = [
    ":START_ID",
    ":END_ID",
    ":TYPE",
    "weight:double",
    "negated:int",
    "documents:int",
    "category",
    "polarity",
    "directed:boolean",
    "first_date",
    "last_date",
    "label",
];

/// Separator of array values (Neo4j's default `--array-delimiter`).
pub const ARRAY_DELIMITER: char = ';';

/// The node label of a kind (`Person`).
pub const fn node_label(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Person => "Person",
        ActorKind::Country => "Country",
        ActorKind::Organization => "Organization",
        ActorKind::Group => "Group",
        ActorKind::Location => "Location",
    }
}

/// The relationship type of a relation key: upper snake case, every
/// character other than ASCII letters and digits as `_` (`met_with` ->
/// `MET_WITH`); `RELATED` for an empty key.
pub fn relationship_type(relation: &str) -> String {
    let t: String = relation
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect();
    if t.is_empty() {
        "RELATED".to_string()
    } else {
        t
    }
}

/// Text for one field: control characters (line breaks included) become spaces.
pub fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// An array field: [`clean`]ed elements with `;` replaced by `,`, joined by `;`.
pub fn array<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    items
        .into_iter()
        .map(|s| clean(s).replace(ARRAY_DELIMITER, ","))
        .collect::<Vec<_>>()
        .join(&ARRAY_DELIMITER.to_string())
}

/// Writes `neo4j-nodes.csv`: one row per node in [`ActorGraph::nodes`] order.
pub fn write_nodes(graph: &ActorGraph, w: &mut dyn Write) -> io::Result<()> {
    let mut out = csv::Writer::from_writer(w);
    out.write_record(NODE_HEADER)?;
    for node in graph.nodes() {
        out.write_record([
            clean(node.id.as_str()).as_str(),
            node_label(node.kind),
            &clean(node.label()),
            &clean(node.country().unwrap_or("")),
            &array(node.roles.iter().map(String::as_str)),
            &array(node.other_aliases()),
            &node.mentions.to_string(),
            &node.documents.to_string(),
        ])?;
    }
    out.flush()
}

/// Writes `neo4j-relationships.csv`: one row per edge in [`ActorGraph::edges`] order.
pub fn write_relationships(graph: &ActorGraph, w: &mut dyn Write) -> io::Result<()> {
    let date = super::iso_date;
    let mut out = csv::Writer::from_writer(w);
    out.write_record(RELATIONSHIP_HEADER)?;
    let mut weight = String::new();
    for (source, target, edge) in graph.edges() {
        weight.clear();
        super::push_weight(&mut weight, edge.weight);
        out.write_record([
            clean(source.id.as_str()).as_str(),
            &clean(target.id.as_str()),
            &relationship_type(&edge.relation),
            &weight,
            &edge.negated.to_string(),
            &edge.documents.to_string(),
            &clean(&edge.category),
            edge.polarity.name(),
            if edge.directed { "true" } else { "false" },
            &date(edge.first_date),
            &date(edge.last_date),
            &clean(&edge.label),
        ])?;
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relationship_types_are_upper_snake_case() {
        assert_eq!(relationship_type("met_with"), "MET_WITH");
        assert_eq!(relationship_type("mobilizes-against x"), "MOBILIZES_AGAINST_X");
        assert_eq!(relationship_type(""), "RELATED");
    }

    #[test]
    fn arrays_never_split_inside_an_element() {
        assert_eq!(array(["a;b", "c\nd"]), "a,b;c d");
        assert_eq!(array([]), "");
    }

    /// The header rules of neo4j-admin import: exactly one `:ID` (nodes),
    /// one `:START_ID`, `:END_ID`, `:TYPE` (relationships), a known type
    /// after `:` for properties, no duplicate property names.
    #[test]
    fn headers_follow_the_import_rules() {
        let types = [
            "int", "long", "float", "double", "boolean", "byte", "short", "char", "string", "date",
        ];
        for (header, required) in [
            (&NODE_HEADER[..], &[":ID"][..]),
            (&RELATIONSHIP_HEADER[..], &[":START_ID", ":END_ID", ":TYPE"][..]),
        ] {
            let mut names = Vec::new();
            for field in header {
                let (name, ty) = field.split_once(':').unwrap_or((field, "string"));
                let ty = ty.strip_suffix("[]").unwrap_or(ty);
                let special = ["ID", "LABEL", "START_ID", "END_ID", "TYPE"].contains(&ty);
                assert!(special || types.contains(&ty), "{field}: unknown type {ty}");
                if !name.is_empty() {
                    assert!(!names.contains(&name), "duplicate property {name}");
                    names.push(name);
                }
            }
            for r in required {
                assert_eq!(header.iter().filter(|f| f.ends_with(r)).count(), 1, "{r}");
            }
        }
    }
}

//! GEXF 1.3 writer (Gephi's own format), built on quick-xml's [`Writer`].
//!
//! Layout of the file:
//! - `<gexf xmlns="http://gexf.net/1.3" version="1.3">`, a `<meta>` without a
//!   date (the bytes depend on the graph only);
//! - `<graph defaultedgetype="directed">`, with `mode="dynamic"
//!   timeformat="date"` when at least one edge has a date (`mode="static"`
//!   otherwise);
//! - typed attribute declarations for every column of `nodes.csv` and
//!   `edges.csv` ([`NODE_ATTRIBUTES`], [`EDGE_ATTRIBUTES`]); the node `Id`,
//!   `Label` and the edge `Label`, `Weight` and `Type` are GEXF's own XML
//!   attributes (`id`, `label`, `weight`, `type`) instead;
//! - nodes in [`ActorGraph::nodes`] order with the actor id as GEXF id;
//! - edges `e0, e1, ...` in [`ActorGraph::edges`] order, each with
//!   `kind` = relation key (Gephi keeps parallel edges of different kinds
//!   apart), `type="undirected"` for symmetric relations (unless
//!   [`GexfOptions::edge_types`] is off), and a `<spells>` element with one
//!   spell from the first to the last date when the edge is dated.
//!
//! Multi-valued fields (`roles`, `aliases`) are `|`-joined strings, as in
//! the CSV; dates are `YYYY-MM-DD` strings; unknown values are empty strings.
//!
//! Characters that XML 1.0 forbids are stripped (the GraphML rule,
//! [`super::graphml::is_xml_char`]); in attribute values tab, newline and carriage
//! return are written as character references so that XML attribute-value
//! normalization does not turn them into spaces.
//!
//! NetworkX (`nx.read_gexf`) does not read mixed graphs: an edge with
//! `type="undirected"` in a directed graph is an error there. Write with
//! `GexfOptions { edge_types: false }` for it; the `directed` edge attribute
//! still tells the symmetric relations apart.

use std::collections::HashSet;
use std::io::{self, Write};

use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;

use super::graphml::{escape_text, is_xml_char};
use crate::graph::{ActorGraph, Edge, Node};
use crate::model::ActorId;

/// The GEXF 1.3 namespace.
pub const NAMESPACE: &str = "http://gexf.net/1.3";

/// Options of the GEXF writer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GexfOptions {
    /// Write `type="undirected"` on the edges of symmetric relations (Gephi
    /// then draws them without arrows). NetworkX refuses such mixed graphs:
    /// turn this off to write a purely directed graph it can read.
    pub edge_types: bool,
}

impl Default for GexfOptions {
    fn default() -> Self {
        Self { edge_types: true }
    }
}

/// A declared attribute: id (also its title) and GEXF type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attr {
    /// Attribute id and title.
    pub id: &'static str,
    /// GEXF type (`string`, `integer`, `boolean`).
    pub ty: &'static str,
}

const fn attr(id: &'static str, ty: &'static str) -> Attr {
    Attr { id, ty }
}

/// Node attributes, in the order the values are written (the columns of
/// `nodes.csv` other than `Id` and `Label`).
pub const NODE_ATTRIBUTES: [Attr; 6] = [
    attr("kind", "string"),
    attr("country", "string"),
    attr("roles", "string"),
    attr("aliases", "string"),
    attr("mentions", "integer"),
    attr("documents", "integer"),
];

/// Edge attributes, in the order the values are written (the columns of
/// `edges.csv` other than `Source`, `Target`, `Label` and `Weight`;
/// `directed` stands for its `Type`).
pub const EDGE_ATTRIBUTES: [Attr; 8] = [
    attr("relation", "string"),
    attr("category", "string"),
    attr("polarity", "string"),
    attr("directed", "boolean"),
    attr("negated", "integer"),
    attr("documents", "integer"),
    attr("first_date", "string"),
    attr("last_date", "string"),
];

/// Writes `graph` as GEXF 1.3 with the default [`GexfOptions`].
pub fn write(graph: &ActorGraph, w: &mut dyn Write) -> io::Result<()> {
    write_with(graph, &GexfOptions::default(), w)
}

/// Writes `graph` as GEXF 1.3.
pub fn write_with(graph: &ActorGraph, options: &GexfOptions, w: &mut dyn Write) -> io::Result<()> {
    let mut xml = Writer::new_with_indent(w, b' ', 2);
    xml.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    xml.write_event(Event::Start(BytesStart::new("gexf").with_attributes([
        ("xmlns", NAMESPACE),
        ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        (
            "xsi:schemaLocation",
            "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
        ),
        ("version", "1.3"),
    ])))?;
    xml.write_event(Event::Start(BytesStart::new("meta")))?;
    xml.create_element("creator")
        .write_text_content(BytesText::new("actorgraph"))?;
    xml.create_element("description")
        .write_text_content(BytesText::new("actors and their relations"))?;
    xml.write_event(Event::End(BytesEnd::new("meta")))?;

    let edges = graph.edges();
    let dynamic = edges
        .iter()
        .any(|(_, _, e)| e.first_date.is_some() || e.last_date.is_some());
    let mut g = BytesStart::new("graph");
    g.push_attribute(("defaultedgetype", "directed"));
    if dynamic {
        g.push_attribute(("mode", "dynamic"));
        g.push_attribute(("timeformat", "date"));
    } else {
        g.push_attribute(("mode", "static"));
    }
    xml.write_event(Event::Start(g))?;
    write_declarations(&mut xml, "node", &NODE_ATTRIBUTES)?;
    write_declarations(&mut xml, "edge", &EDGE_ATTRIBUTES)?;

    let nodes = graph.nodes();
    let mut known: HashSet<&ActorId> = HashSet::with_capacity(nodes.len());
    xml.write_event(Event::Start(BytesStart::new("nodes")))?;
    for node in &nodes {
        known.insert(&node.id);
        let mut start = BytesStart::new("node");
        push_attr(&mut start, "id", node.id.as_str());
        push_attr(&mut start, "label", node.label());
        xml.write_event(Event::Start(start))?;
        write_values(&mut xml, &NODE_ATTRIBUTES, &node_values(node))?;
        xml.write_event(Event::End(BytesEnd::new("node")))?;
    }
    xml.write_event(Event::End(BytesEnd::new("nodes")))?;

    xml.write_event(Event::Start(BytesStart::new("edges")))?;
    let mut weight = String::new();
    for (i, (source, target, edge)) in edges.iter().enumerate() {
        if !known.contains(&source.id) || !known.contains(&target.id) {
            return Err(io::Error::other(format!(
                "edge {} -> {} refers to a node that is not in the graph",
                source.id, target.id
            )));
        }
        let mut start = BytesStart::new("edge");
        push_attr(&mut start, "id", &format!("e{i}"));
        push_attr(&mut start, "source", source.id.as_str());
        push_attr(&mut start, "target", target.id.as_str());
        if options.edge_types && !edge.directed {
            push_attr(&mut start, "type", "undirected");
        }
        push_attr(&mut start, "kind", &edge.relation);
        push_attr(&mut start, "label", &edge.label);
        weight.clear();
        super::push_weight(&mut weight, edge.weight);
        push_attr(&mut start, "weight", &weight);
        xml.write_event(Event::Start(start))?;
        write_values(&mut xml, &EDGE_ATTRIBUTES, &edge_values(edge))?;
        if let Some((first, last)) = spell(edge) {
            xml.write_event(Event::Start(BytesStart::new("spells")))?;
            let mut s = BytesStart::new("spell");
            push_attr(&mut s, "start", &first);
            push_attr(&mut s, "end", &last);
            xml.write_event(Event::Empty(s))?;
            xml.write_event(Event::End(BytesEnd::new("spells")))?;
        }
        xml.write_event(Event::End(BytesEnd::new("edge")))?;
    }
    xml.write_event(Event::End(BytesEnd::new("edges")))?;

    xml.write_event(Event::End(BytesEnd::new("graph")))?;
    xml.write_event(Event::End(BytesEnd::new("gexf")))?;
    xml.get_mut().write_all(b"\n")
}

fn write_declarations<W: Write>(xml: &mut Writer<W>, class: &str, attrs: &[Attr]) -> io::Result<()> {
    xml.write_event(Event::Start(
        BytesStart::new("attributes").with_attributes([("class", class), ("mode", "static")]),
    ))?;
    for a in attrs {
        xml.create_element("attribute")
            .with_attributes([("id", a.id), ("title", a.id), ("type", a.ty)])
            .write_empty()?;
    }
    xml.write_event(Event::End(BytesEnd::new("attributes")))?;
    Ok(())
}

fn write_values<W: Write>(xml: &mut Writer<W>, attrs: &[Attr], values: &[String]) -> io::Result<()> {
    xml.write_event(Event::Start(BytesStart::new("attvalues")))?;
    for (a, v) in attrs.iter().zip(values) {
        let mut e = BytesStart::new("attvalue");
        push_attr(&mut e, "for", a.id);
        push_attr(&mut e, "value", v);
        xml.write_event(Event::Empty(e))?;
    }
    xml.write_event(Event::End(BytesEnd::new("attvalues")))?;
    Ok(())
}

/// Adds an attribute whose value is escaped by [`escape_attribute`].
fn push_attr(start: &mut BytesStart<'_>, name: &str, value: &str) {
    let escaped = escape_attribute(value);
    start.push_attribute(Attribute::from((name.as_bytes(), escaped.as_bytes())));
}

/// The first and last date of a dated edge (a single known date gives a one-day spell).
fn spell(edge: &Edge) -> Option<(String, String)> {
    let (first, last) = match (edge.first_date, edge.last_date) {
        (Some(f), Some(l)) => (f, l),
        (Some(d), None) | (None, Some(d)) => (d, d),
        (None, None) => return None,
    };
    Some((super::iso_date(Some(first)), super::iso_date(Some(last))))
}

fn node_values(node: &Node) -> Vec<String> {
    super::node_attributes(node).to_vec()
}

fn edge_values(edge: &Edge) -> Vec<String> {
    vec![
        edge.relation.clone(),
        edge.category.clone(),
        edge.polarity.name().to_string(),
        edge.directed.to_string(),
        edge.negated.to_string(),
        edge.documents.to_string(),
        super::iso_date(edge.first_date),
        super::iso_date(edge.last_date),
    ]
}

/// An attribute value escaped for XML: [`escape_text`] (forbidden characters
/// removed, `&<>` as entities, carriage return as `&#13;`), plus `"` and `'`
/// as entities and tab and newline as `&#9;` and `&#10;` (a parser turns
/// literal whitespace in attribute values into spaces).
pub fn escape_attribute(text: &str) -> String {
    // Most values need nothing: no markup character, no quote, no control
    // character and no U+FFFE or U+FFFF (behind the 0xEF lead byte, excluded
    // with the other characters it leads).
    if text
        .bytes()
        .all(|b| b >= 0x20 && !matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'' | 0xef))
    {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            c if is_xml_char(c) => {
                let mut buf = [0u8; 4];
                out.push_str(&escape_text(c.encode_utf8(&mut buf)));
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_attribute_keeps_whitespace_and_quotes() {
        assert_eq!(
            escape_attribute("a\"b'c<d>&e\tf\ng\rh\u{1}i\u{FFFF}"),
            "a&quot;b&apos;c&lt;d&gt;&amp;e&#9;f&#10;g&#13;hi"
        );
        assert_eq!(
            escape_attribute("plain café \u{7f}\u{85}"),
            "plain café \u{7f}\u{85}"
        );
        assert_eq!(escape_attribute("\u{FFFD}\u{FFFE}"), "\u{FFFD}");
    }

    #[test]
    fn empty_graph_is_static_and_declares_attributes() {
        let mut out = Vec::new();
        write(&ActorGraph::new(), &mut out).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(s.contains("<gexf xmlns=\"http://gexf.net/1.3\""));
        assert!(s.contains("version=\"1.3\""));
        assert!(s.contains("<graph defaultedgetype=\"directed\" mode=\"static\">"));
        assert!(s.contains("<attribute id=\"mentions\" title=\"mentions\" type=\"integer\"/>"));
        assert!(s.contains("<attribute id=\"directed\" title=\"directed\" type=\"boolean\"/>"));
        assert!(s.trim_end().ends_with("</gexf>"));
    }

    #[test]
    fn attribute_ids_are_unique_and_not_weight() {
        for attrs in [&NODE_ATTRIBUTES[..], &EDGE_ATTRIBUTES[..]] {
            let mut ids: Vec<&str> = attrs.iter().map(|a| a.id).collect();
            assert!(!ids.contains(&"weight") && !ids.contains(&"label") && !ids.contains(&"id"));
            ids.sort_unstable();
            ids.dedup();
            assert_eq!(ids.len(), attrs.len());
        }
    }
}

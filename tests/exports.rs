//! Exporter tests through the public API: insta snapshots of every format on
//! a small fixed graph, and property tests for escaping and round trips
//! (CSV read back with the csv crate, GraphML parsed with quick-xml, DOT
//! quoting).

mod common;
#[path = "interop/fixture.rs"]
mod fixture;

use actorgraph::export::{self, csv as csv_export, dot, gexf, graphml, json, neo4j, Format};
use actorgraph::graph::ActorGraph;
use actorgraph::model::{ActorId, ActorKind, ActorRecord, DocAnalysis, MentionForm, MentionRecord, Span};
use actorgraph::vocab::Vocabulary;
use proptest::prelude::*;
use quick_xml::events::Event;

fn render(f: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>) -> String {
    let mut out = Vec::new();
    f(&mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn dot_snapshot() {
    let g = fixture::graph();
    insta::assert_snapshot!("graph.dot", render(|w| dot::write(&g, w)));
}

#[test]
fn graphml_snapshot() {
    let g = fixture::graph();
    insta::assert_snapshot!("graph.graphml", render(|w| graphml::write(&g, w)));
}

#[test]
fn nodes_csv_snapshot() {
    let g = fixture::graph();
    insta::assert_snapshot!("nodes.csv", render(|w| csv_export::write_nodes(&g, w)));
}

#[test]
fn edges_csv_snapshot() {
    let g = fixture::graph();
    insta::assert_snapshot!("edges.csv", render(|w| csv_export::write_edges(&g, w)));
}

#[test]
fn gexf_snapshot() {
    let g = fixture::graph();
    insta::assert_snapshot!("graph.gexf", render(|w| gexf::write(&g, w)));
}

#[test]
fn json_snapshot() {
    let g = fixture::graph();
    insta::assert_snapshot!("graph.json", render(|w| json::write(&g, w)));
}

#[test]
fn neo4j_snapshot() {
    let g = fixture::graph();
    insta::assert_snapshot!("neo4j-nodes.csv", render(|w| neo4j::write_nodes(&g, w)));
    insta::assert_snapshot!(
        "neo4j-relationships.csv",
        render(|w| neo4j::write_relationships(&g, w))
    );
}

#[test]
fn evidence_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = csv_export::EvidenceWriter::create(dir.path()).unwrap();
    for d in fixture::documents() {
        w.add(&d, Vocabulary::builtin()).unwrap();
    }
    w.add(&fixture::evidence_document(), Vocabulary::builtin())
        .unwrap();
    w.finish().unwrap();
    let read = |name: &str| std::fs::read_to_string(dir.path().join(name)).unwrap();
    insta::assert_snapshot!("mentions.csv", read("mentions.csv"));
    insta::assert_snapshot!("relations.csv", read("relations.csv"));
}

#[test]
fn exports_are_deterministic_and_atomic() {
    let g = fixture::graph();
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    for f in Format::ALL {
        export::write_graph(&g, f, a.path()).unwrap();
        export::write_graph(&fixture::graph(), f, b.path()).unwrap();
    }
    let mut names: Vec<String> = std::fs::read_dir(a.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "edges.csv",
            "graph.directed.gexf",
            "graph.dot",
            "graph.gexf",
            "graph.graphml",
            "graph.json",
            "neo4j-nodes.csv",
            "neo4j-relationships.csv",
            "nodes.csv"
        ]
    );
    for n in names {
        assert_eq!(
            std::fs::read(a.path().join(&n)).unwrap(),
            std::fs::read(b.path().join(&n)).unwrap(),
            "{n} differs between runs"
        );
    }
}

#[test]
fn node_numbering_is_shared_by_dot_and_graphml() {
    let g = fixture::graph();
    let dot = render(|w| dot::write(&g, w));
    let xml = render(|w| graphml::write(&g, w));
    for (i, node) in g.nodes().iter().enumerate() {
        let escaped = dot::escape(node.label());
        assert!(
            dot.contains(&format!("  n{i} [label=\"{escaped}\"")),
            "n{i} in DOT"
        );
        assert!(xml.contains(&format!("<node id=\"n{i}\">")), "n{i} in GraphML");
        let actor = format!("<data key=\"n_actor\">{}</data>", node.id);
        let at = xml.find(&format!("<node id=\"n{i}\">")).unwrap();
        let end = at + xml[at..].find("</node>").unwrap();
        assert!(xml[at..end].contains(&actor), "n{i} is {}", node.id);
    }
    assert_eq!(dot.matches(" -> ").count(), g.edge_count());
    assert_eq!(xml.matches("<edge ").count(), g.edge_count());
}

/// A graph with one organization whose label, role and alias are `label`.
fn one_node_graph(label: &str) -> ActorGraph {
    let mut g = ActorGraph::new();
    let doc = DocAnalysis {
        actors: vec![ActorRecord {
            id: ActorId("organization:x".into()),
            label: label.into(),
            kind: ActorKind::Organization,
            country: Some(label.into()),
            roles: vec![label.into()],
            aliases: vec![label.into(), format!("{label}!")],
            mentions: 1,
        }],
        ..Default::default()
    };
    g.add_document(&doc, Vocabulary::builtin());
    g
}

/// Arbitrary Unicode, and strings made of the characters that break formats.
fn nasty_string() -> impl Strategy<Value = String> {
    let nasty = prop::sample::select(common::NASTY_PIECES);
    prop_oneof![
        4 => any::<String>(),
        4 => prop::collection::vec(nasty, 0..40).prop_map(|v| v.concat()),
        1 => (prop::sample::select(vec!["\"", "\\", "é", "😀", "a", "\n"]), 3_000usize..9_000)
            .prop_map(|(s, n)| s.repeat(n)),
    ]
}

/// The text of every `<data key="{key}">` element, decoded like an XML 1.0
/// parser would (line-end normalization, entity and character references).
fn graphml_values(xml: &str, key: &str) -> Vec<String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut values = Vec::new();
    let mut current: Option<String> = None;
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) if e.name().as_ref() == b"data" => {
                let k = e.try_get_attribute("key").unwrap().unwrap();
                if k.value.as_ref() == key.as_bytes() {
                    current = Some(String::new());
                }
            }
            Event::Text(t) => {
                if let Some(c) = current.as_mut() {
                    c.push_str(&t.xml10_content().unwrap());
                }
            }
            Event::GeneralRef(r) => {
                if let Some(c) = current.as_mut() {
                    if let Some(ch) = r.resolve_char_ref().unwrap() {
                        c.push(ch);
                    } else {
                        let name = r.decode().unwrap();
                        c.push_str(quick_xml::escape::resolve_xml_entity(&name).unwrap());
                    }
                }
            }
            Event::End(e) if e.name().as_ref() == b"data" => {
                if let Some(c) = current.take() {
                    values.push(c);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    values
}

/// The attribute `name` of every `<tag>` element, unescaped like an XML
/// parser would (entity and character references).
fn xml_attribute_values(xml: &str, tag: &str, name: &str) -> Vec<String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut values = Vec::new();
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == tag.as_bytes() => {
                if let Some(a) = e.try_get_attribute(name).unwrap() {
                    values.push(a.unescape_value().unwrap().into_owned());
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    values
}

/// Undoes [`dot::escape`] and checks that no quote would end the string early.
fn dot_unescape(quoted: &str) -> String {
    let mut out = String::new();
    let mut chars = quoted.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push(chars.next().expect("escaped string ends with a lone backslash")),
            '"' => panic!("unescaped quote in {quoted:?}"),
            c => out.push(c),
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn csv_nodes_round_trip(label in nasty_string()) {
        let g = one_node_graph(&label);
        let text = render(|w| csv_export::write_nodes(&g, w));
        let mut rdr = csv::Reader::from_reader(text.as_bytes());
        let rows: Vec<csv::StringRecord> = rdr.records().collect::<Result<_, _>>().unwrap();
        prop_assert_eq!(rows.len(), 1);
        prop_assert_eq!(&rows[0][1], label.as_str());
        prop_assert_eq!(&rows[0][3], label.as_str());
        prop_assert_eq!(&rows[0][4], label.as_str());
        prop_assert_eq!(&rows[0][5], format!("{label}!"));
    }

    #[test]
    fn csv_evidence_round_trip(text in nasty_string()) {
        let doc = DocAnalysis {
            doc_id: text.clone(),
            mentions: vec![MentionRecord {
                span: Span::new(0, text.len()),
                sentence: 0,
                entity: None,
                kind: ActorKind::Location,
                form: MentionForm::Name,
            }],
            text: text.clone(),
            ..Default::default()
        };
        let dir = tempfile::tempdir().unwrap();
        let mut w = csv_export::EvidenceWriter::create(dir.path()).unwrap();
        w.add(&doc, Vocabulary::builtin()).unwrap();
        w.finish().unwrap();
        let mut rdr = csv::Reader::from_path(dir.path().join("mentions.csv")).unwrap();
        let rows: Vec<csv::StringRecord> = rdr.records().collect::<Result<_, _>>().unwrap();
        prop_assert_eq!(rows.len(), 1);
        prop_assert_eq!(&rows[0][0], text.as_str());
        prop_assert_eq!(&rows[0][3], text.as_str());
    }

    #[test]
    fn graphml_is_well_formed_and_keeps_labels(label in nasty_string()) {
        let g = one_node_graph(&label);
        let xml = render(|w| graphml::write(&g, w));
        let expected: String = label.chars().filter(|&c| graphml::is_xml_char(c)).collect();
        prop_assert_eq!(graphml_values(&xml, "n_label"), vec![expected.clone()]);
        prop_assert_eq!(graphml_values(&xml, "n_roles"), vec![expected]);
        prop_assert!(!xml.chars().any(|c| !graphml::is_xml_char(c)));
    }

    #[test]
    fn dot_labels_never_end_early(label in nasty_string()) {
        let escaped = dot::escape(&label);
        prop_assert!(escaped.len() <= dot::MAX_QUOTED_BYTES);
        prop_assert!(!escaped.chars().any(char::is_control));
        let back = dot_unescape(&escaped);
        let spaced: String = label.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        if back.len() == spaced.len() {
            prop_assert_eq!(back, spaced);
        } else {
            let kept = back.strip_suffix('…').unwrap();
            prop_assert!(spaced.starts_with(kept));
        }
        let g = one_node_graph(&label);
        let out = render(|w| dot::write(&g, w));
        let expected = format!("  n0 [label=\"{escaped}\", shape=hexagon,");
        prop_assert!(out.contains(&expected));
    }
    #[test]
    fn gexf_is_well_formed_and_keeps_labels(label in nasty_string()) {
        let g = one_node_graph(&label);
        let xml = render(|w| gexf::write(&g, w));
        let expected: String = label.chars().filter(|&c| graphml::is_xml_char(c)).collect();
        prop_assert_eq!(xml_attribute_values(&xml, "node", "label"), vec![expected.clone()]);
        // attvalues in declaration order: kind, country, roles, aliases, ...
        let values = xml_attribute_values(&xml, "attvalue", "value");
        prop_assert_eq!(&values[1], &expected);
        prop_assert_eq!(&values[2], &expected);
        prop_assert!(!xml.chars().any(|c| !graphml::is_xml_char(c)));
    }

    #[test]
    fn json_round_trips_labels_exactly(label in nasty_string()) {
        let g = one_node_graph(&label);
        let text = render(|w| json::write(&g, w));
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(v["nodes"][0]["label"].as_str(), Some(label.as_str()));
        prop_assert_eq!(v["nodes"][0]["country"].as_str(), Some(label.as_str()));
        prop_assert_eq!(&v["nodes"][0]["roles"], &serde_json::json!([label]));
        prop_assert_eq!(&v["nodes"][0]["aliases"], &serde_json::json!([format!("{label}!")]));
    }

    #[test]
    fn neo4j_rows_stay_on_one_line_and_parse(label in nasty_string()) {
        let g = one_node_graph(&label);
        let text = render(|w| neo4j::write_nodes(&g, w));
        prop_assert_eq!(text.matches('\n').count(), 2, "a field spans lines");
        prop_assert!(!text.contains('\r'));
        let mut rdr = csv::Reader::from_reader(text.as_bytes());
        let rows: Vec<csv::StringRecord> = rdr.records().collect::<Result<_, _>>().unwrap();
        prop_assert_eq!(rows.len(), 1);
        let cleaned = neo4j::clean(&label);
        prop_assert_eq!(&rows[0][2], cleaned.as_str());
        let roles: Vec<&str> = rows[0][4].split(neo4j::ARRAY_DELIMITER).collect();
        let expected_role = cleaned.replace(neo4j::ARRAY_DELIMITER, ",");
        prop_assert_eq!(roles, vec![expected_role.as_str()]);
    }
}

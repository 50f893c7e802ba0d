//! The actor graph: one node per actor (keyed by its stable [`ActorId`]),
//! one edge per (source, target, relation) with counts aggregated over every
//! relation mention of every document.
//!
//! The graph does no IO and knows nothing about export formats. Its iteration
//! order ([`ActorGraph::nodes`], [`ActorGraph::edges`]) is sorted by key, so
//! every export is deterministic and two partial graphs merged give the same
//! output as one graph built from the whole corpus.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};

use crate::lexicon::FastMap;
use crate::model::{ActorId, ActorKind, DocAnalysis};
use crate::vocab::{Polarity, Vocabulary};

/// A node: one actor with what the corpus says about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// Stable key.
    pub id: ActorId,
    /// Kind of actor.
    pub kind: ActorKind,
    /// Label candidates with how many documents used each: the label is the
    /// most used, ties broken by length then text.
    pub labels: BTreeMap<String, u64>,
    /// Country codes with how many documents gave each.
    pub countries: BTreeMap<String, u64>,
    /// Roles from titles.
    pub roles: BTreeSet<String>,
    /// Every name form seen.
    pub aliases: BTreeSet<String>,
    /// Number of mentions.
    pub mentions: u64,
    /// Number of documents that mention it.
    pub documents: u64,
}

impl Node {
    /// Display name.
    pub fn label(&self) -> &str {
        self.labels
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(a.0.len().cmp(&b.0.len())).then(b.0.cmp(a.0)))
            .map(|(l, _)| l.as_str())
            .unwrap_or_else(|| self.id.as_str())
    }

    /// The country most documents gave, if any.
    pub fn country(&self) -> Option<&str> {
        self.countries
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(c, _)| c.as_str())
    }

    /// Aliases other than the label, sorted.
    pub fn other_aliases(&self) -> impl Iterator<Item = &str> {
        let label = self.label();
        self.aliases
            .iter()
            .map(String::as_str)
            .filter(move |a| *a != label)
    }
}

/// An edge: every mention of one relation between one ordered pair
/// (unordered for symmetric relations, stored with `source < target`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    /// Relation key (`met_with`).
    pub relation: String,
    /// Human phrase (`met with`).
    pub label: String,
    /// PLOVER category or `AFFILIATION`.
    pub category: String,
    /// Cooperative, conflictual or neutral.
    pub polarity: Polarity,
    /// False for symmetric relations.
    pub directed: bool,
    /// Asserted mentions.
    pub weight: u64,
    /// Negated, failed, possible or future mentions.
    pub negated: u64,
    /// Documents with at least one mention.
    pub documents: u64,
    /// Earliest date of a mention.
    pub first_date: Option<NaiveDate>,
    /// Latest date of a mention.
    pub last_date: Option<NaiveDate>,
}

/// The aggregated graph.
#[derive(Debug, Clone, Default)]
pub struct ActorGraph {
    graph: DiGraph<Node, Edge>,
    nodes: FastMap<ActorId, NodeIndex>,
    /// The edge of each (source, target, relation), the relation by its
    /// number in `relations`: one probe of a small key, no string compared.
    edges: FastMap<(NodeIndex, NodeIndex, u32), EdgeIndex>,
    /// A number for each relation key of the graph's edges.
    relations: FastMap<String, u32>,
}

impl ActorGraph {
    /// An empty graph.
    pub fn new() -> Self {
        Self::default()
    }

    /// The underlying petgraph graph (for analysis).
    pub fn petgraph(&self) -> &DiGraph<Node, Edge> {
        &self.graph
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of edges.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Looks a node up by id.
    pub fn node(&self, id: &ActorId) -> Option<&Node> {
        self.nodes.get(id).map(|&i| &self.graph[i])
    }

    /// Nodes sorted by id.
    pub fn nodes(&self) -> Vec<&Node> {
        self.nodes_by_id().into_iter().map(|i| &self.graph[i]).collect()
    }

    /// The node indexes, sorted by node id.
    fn nodes_by_id(&self) -> Vec<NodeIndex> {
        let mut v: Vec<NodeIndex> = self.graph.node_indices().collect();
        v.sort_unstable_by(|&a, &b| self.graph[a].id.cmp(&self.graph[b].id));
        v
    }

    /// Edges as `(source, target, edge)` sorted by source id, target id, relation.
    ///
    /// The ids and relation keys are compared once, to rank them; the edges
    /// are then sorted by their three ranks, small integers, where comparing
    /// the strings of each pair of edges cost most of the exports' time.
    pub fn edges(&self) -> Vec<(&Node, &Node, &Edge)> {
        let mut node_rank = vec![0u32; self.graph.node_count()];
        for (rank, i) in self.nodes_by_id().into_iter().enumerate() {
            node_rank[i.index()] = rank as u32;
        }
        let mut keys: Vec<(&str, u32)> = self.relations.iter().map(|(k, &n)| (k.as_str(), n)).collect();
        keys.sort_unstable();
        let mut relation_rank = vec![0u32; keys.len()];
        for (rank, &(_, n)) in keys.iter().enumerate() {
            relation_rank[n as usize] = rank as u32;
        }
        // Every edge's (source, target, relation) is unique: an unstable sort
        // gives the one order.
        let mut v: Vec<((u32, u32, u32), EdgeIndex)> = self
            .edges
            .iter()
            .map(|(&(s, t, r), &e)| {
                let key = (
                    node_rank[s.index()],
                    node_rank[t.index()],
                    relation_rank[r as usize],
                );
                (key, e)
            })
            .collect();
        v.sort_unstable_by_key(|&(key, _)| key);
        v.into_iter()
            .filter_map(|(_, e)| {
                let (s, t) = self.graph.edge_endpoints(e)?;
                Some((&self.graph[s], &self.graph[t], &self.graph[e]))
            })
            .collect()
    }

    /// The number of a relation key in [`ActorGraph::edges`]' keys, given to it
    /// when first seen.
    fn relation_number(&mut self, relation: &str) -> u32 {
        if let Some(&n) = self.relations.get(relation) {
            return n;
        }
        let n = self.relations.len() as u32;
        self.relations.insert(relation.to_string(), n);
        n
    }

    /// The edge `si -> ti` of this relation, if any.
    fn find_edge(&self, si: NodeIndex, ti: NodeIndex, relation: &str) -> Option<EdgeIndex> {
        let r = *self.relations.get(relation)?;
        self.edges.get(&(si, ti, r)).copied()
    }

    /// The edge `si -> ti` of this relation, made with `edge()` when there is none.
    fn edge_or_insert(
        &mut self,
        si: NodeIndex,
        ti: NodeIndex,
        relation: &str,
        edge: impl FnOnce() -> Edge,
    ) -> EdgeIndex {
        match self.find_edge(si, ti, relation) {
            Some(e) => e,
            None => self.push_edge(si, ti, edge()),
        }
    }

    /// Adds a new edge (no edge `si -> ti` of its relation exists).
    fn push_edge(&mut self, si: NodeIndex, ti: NodeIndex, edge: Edge) -> EdgeIndex {
        let r = self.relation_number(&edge.relation);
        let e = self.graph.add_edge(si, ti, edge);
        self.edges.insert((si, ti, r), e);
        e
    }

    /// The node of `id`, added with the kind `kind()` when new.
    fn node_index(&mut self, id: &ActorId, kind: impl FnOnce() -> ActorKind) -> NodeIndex {
        if let Some(&i) = self.nodes.get(id) {
            return i;
        }
        let i = self.graph.add_node(Node {
            id: id.clone(),
            kind: kind(),
            labels: BTreeMap::new(),
            countries: BTreeMap::new(),
            roles: BTreeSet::new(),
            aliases: BTreeSet::new(),
            mentions: 0,
            documents: 0,
        });
        self.nodes.insert(id.clone(), i);
        i
    }

    /// Adds one document's actors and relations.
    ///
    /// Actors count once per document; relation mentions aggregate into edges
    /// keyed by (source, target, relation). A relation mention whose actor is
    /// not among the document's actors still creates the node (with its id as
    /// label), so no evidence is dropped.
    pub fn add_document(&mut self, doc: &DocAnalysis, vocab: &Vocabulary) {
        for actor in &doc.actors {
            let i = self.node_index(&actor.id, || actor.kind);
            let node = &mut self.graph[i];
            // Keys are cloned only when new.
            count_vote(&mut node.labels, &actor.label, 1);
            if let Some(c) = &actor.country {
                count_vote(&mut node.countries, c, 1);
            }
            add_all(&mut node.roles, &actor.roles);
            add_all(&mut node.aliases, &actor.aliases);
            node.mentions += actor.mentions as u64;
            node.documents += 1;
        }
        // The edges of the document's relations, with repeats, to count each document once.
        let mut in_doc: Vec<EdgeIndex> = Vec::with_capacity(doc.relations.len());
        for rel in &doc.relations {
            let Some(info) = vocab.get(&rel.relation) else {
                continue;
            };
            let kind_of = |id: &ActorId| {
                doc.actors
                    .iter()
                    .find(|a| &a.id == id)
                    .map(|a| a.kind)
                    .unwrap_or(ActorKind::Group)
            };
            let (mut s, mut t) = (&rel.source, &rel.target);
            if info.symmetric && t < s {
                std::mem::swap(&mut s, &mut t);
            }
            let si = self.node_index(s, || kind_of(s));
            let ti = self.node_index(t, || kind_of(t));
            let ei = self.edge_or_insert(si, ti, &info.key, || Edge {
                relation: info.key.clone(),
                label: info.phrase.clone(),
                category: info.category.clone(),
                polarity: info.polarity,
                directed: !info.symmetric,
                weight: 0,
                negated: 0,
                documents: 0,
                first_date: None,
                last_date: None,
            });
            let edge = &mut self.graph[ei];
            if rel.is_asserted() {
                edge.weight += 1;
            } else {
                edge.negated += 1;
            }
            if let Some(d) = rel.date {
                edge.first_date = Some(edge.first_date.map_or(d, |f| f.min(d)));
                edge.last_date = Some(edge.last_date.map_or(d, |l| l.max(d)));
            }
            in_doc.push(ei);
        }
        in_doc.sort_unstable();
        in_doc.dedup();
        for ei in in_doc {
            self.graph[ei].documents += 1;
        }
    }

    /// Adds a whole node as read back from a saved graph (see `merge`): a new
    /// id is inserted as is; an existing one adds up as in [`merge`](Self::merge).
    pub fn add_node(&mut self, n: Node) {
        if !self.nodes.contains_key(&n.id) {
            let id = n.id.clone();
            let i = self.graph.add_node(n);
            self.nodes.insert(id, i);
            return;
        }
        let i = self.node_index(&n.id, || n.kind);
        let node = &mut self.graph[i];
        for (l, c) in n.labels {
            *node.labels.entry(l).or_default() += c;
        }
        for (l, c) in n.countries {
            *node.countries.entry(l).or_default() += c;
        }
        node.roles.extend(n.roles);
        node.aliases.extend(n.aliases);
        node.mentions += n.mentions;
        node.documents += n.documents;
    }

    /// Adds a whole edge as read back from a saved graph (see `merge`),
    /// between nodes added before (a missing one is created as a group, as in
    /// [`add_document`](Self::add_document)); an existing edge adds up as in
    /// [`merge`](Self::merge).
    pub fn add_edge(&mut self, source: &ActorId, target: &ActorId, e: Edge) {
        let si = self.node_index(source, || ActorKind::Group);
        let ti = self.node_index(target, || ActorKind::Group);
        match self.find_edge(si, ti, &e.relation) {
            Some(ei) => {
                let edge = &mut self.graph[ei];
                edge.weight += e.weight;
                edge.negated += e.negated;
                edge.documents += e.documents;
                edge.first_date = min_opt(edge.first_date, e.first_date);
                edge.last_date = max_opt(edge.last_date, e.last_date);
            }
            None => {
                self.push_edge(si, ti, e);
            }
        }
    }

    /// Adds every node and edge of `other` (used by `merge`): counts add up,
    /// label and country votes add up, sets unite, date ranges widen.
    pub fn merge(&mut self, other: &ActorGraph) {
        for n in other.graph.node_weights() {
            let i = self.node_index(&n.id, || n.kind);
            let node = &mut self.graph[i];
            for (l, c) in &n.labels {
                *node.labels.entry(l.clone()).or_default() += c;
            }
            for (l, c) in &n.countries {
                *node.countries.entry(l.clone()).or_default() += c;
            }
            node.roles.extend(n.roles.iter().cloned());
            node.aliases.extend(n.aliases.iter().cloned());
            node.mentions += n.mentions;
            node.documents += n.documents;
        }
        for (s, t, e) in other.edges() {
            // Both ends exist by now, with their kinds.
            self.add_edge(&s.id, &t.id, e.clone());
        }
    }
}

/// Building a graph from ready-made nodes and edges (used by [`crate::filter`]).
impl ActorGraph {
    /// Adds `node`, replacing the node with the same id if there is one
    /// (its edges are kept).
    pub fn insert_node(&mut self, node: Node) {
        match self.nodes.get(&node.id) {
            Some(&i) => self.graph[i] = node,
            None => {
                let id = node.id.clone();
                let i = self.graph.add_node(node);
                self.nodes.insert(id, i);
            }
        }
    }

    /// Adds `edge` from `source` to `target`, replacing the edge with the same
    /// (source, target, relation) if there is one. Returns `false`, and adds
    /// nothing, when an endpoint is not in the graph.
    pub fn insert_edge(&mut self, source: &ActorId, target: &ActorId, edge: Edge) -> bool {
        let (Some(&si), Some(&ti)) = (self.nodes.get(source), self.nodes.get(target)) else {
            return false;
        };
        match self.find_edge(si, ti, &edge.relation) {
            Some(ei) => self.graph[ei] = edge,
            None => {
                self.push_edge(si, ti, edge);
            }
        }
        true
    }
}

/// Adds `n` votes for `key`, cloning it only when it is new.
// Inlined, as `add_all`: twice per actor of every document, mostly a lookup.
#[inline(always)]
fn count_vote(votes: &mut BTreeMap<String, u64>, key: &str, n: u64) {
    match votes.get_mut(key) {
        Some(c) => *c += n,
        None => {
            votes.insert(key.to_string(), n);
        }
    }
}

/// Adds the missing `items` to `set`, cloning only those.
#[inline(always)]
fn add_all(set: &mut BTreeSet<String>, items: &[String]) {
    for x in items {
        if !set.contains(x) {
            set.insert(x.clone());
        }
    }
}

fn min_opt(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, None) => x,
        (None, y) => y,
    }
}

fn max_opt(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.max(y)),
        (x, None) => x,
        (None, y) => y,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorRecord, Modality, RelationRecord, Span};

    fn actor(id: &str, kind: ActorKind, label: &str) -> ActorRecord {
        ActorRecord {
            id: ActorId(id.into()),
            label: label.into(),
            kind,
            country: None,
            roles: vec![],
            aliases: vec![label.into()],
            mentions: 1,
        }
    }

    fn rel(s: &str, t: &str, r: &str, negated: bool, date: Option<NaiveDate>) -> RelationRecord {
        RelationRecord {
            sentence: 0,
            sentence_span: Span::new(0, 1),
            source: ActorId(s.into()),
            target: ActorId(t.into()),
            relation: r.into(),
            trigger: Span::new(0, 1),
            negated,
            modality: Modality::Asserted,
            date,
            source_span: Span::new(0, 1),
            target_span: Span::new(0, 1),
        }
    }

    fn doc(rels: Vec<RelationRecord>) -> DocAnalysis {
        DocAnalysis {
            doc_id: "d".into(),
            actors: vec![
                actor("person:a", ActorKind::Person, "A"),
                actor("person:b", ActorKind::Person, "B"),
            ],
            relations: rels,
            ..Default::default()
        }
    }

    #[test]
    fn symmetric_relations_aggregate_regardless_of_direction() {
        let v = Vocabulary::builtin();
        let d1 = NaiveDate::from_ymd_opt(2016, 9, 5);
        let d2 = NaiveDate::from_ymd_opt(2016, 9, 9);
        let mut g = ActorGraph::new();
        g.add_document(
            &doc(vec![
                rel("person:b", "person:a", "met_with", false, d2),
                rel("person:a", "person:b", "met_with", true, d1),
                rel("person:b", "person:a", "supports", false, None),
            ]),
            v,
        );
        let edges = g.edges();
        assert_eq!(edges.len(), 2);
        let (s, t, e) = edges[0];
        assert_eq!(
            (s.id.as_str(), t.id.as_str(), e.relation.as_str()),
            ("person:a", "person:b", "met_with")
        );
        assert_eq!((e.weight, e.negated, e.documents), (1, 1, 1));
        assert!(!e.directed);
        assert_eq!((e.first_date, e.last_date), (d1, d2));
        let (s, _, e) = edges[1];
        assert_eq!(
            (s.id.as_str(), e.relation.as_str(), e.directed),
            ("person:b", "supports", true)
        );
    }

    #[test]
    fn merging_halves_equals_one_graph() {
        let v = Vocabulary::builtin();
        let a = doc(vec![rel("person:a", "person:b", "met_with", false, None)]);
        let b = doc(vec![rel("person:b", "person:a", "met_with", false, None)]);
        let mut whole = ActorGraph::new();
        whole.add_document(&a, v);
        whole.add_document(&b, v);
        let (mut left, mut right) = (ActorGraph::new(), ActorGraph::new());
        left.add_document(&a, v);
        right.add_document(&b, v);
        left.merge(&right);
        assert_eq!(whole.nodes(), left.nodes());
        let strip = |g: &ActorGraph| {
            g.edges()
                .into_iter()
                .map(|(s, t, e)| (s.id.clone(), t.id.clone(), e.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(strip(&whole), strip(&left));
        assert_eq!(
            whole.node(&ActorId("person:a".into())).map(|n| n.documents),
            Some(2)
        );
    }

    proptest::proptest! {
        /// Ranking ids and relations once sorts the edges exactly as comparing
        /// their strings would, whatever order they were added in.
        #[test]
        fn edges_are_sorted_by_source_target_relation(
            rels in proptest::collection::vec((0usize..6, 0usize..6, 0usize..4), 0..40)
        ) {
            let v = Vocabulary::builtin();
            // Ids of different lengths and shared prefixes: `person:a` < `person:a1` < `person:b`.
            let ids = ["person:b", "person:a1", "country:x", "person:a", "group:z", "person:aa"];
            let relations = ["met_with", "supports", "criticizes", "negotiated_with"];
            let mut g = ActorGraph::new();
            for (s, t, r) in rels {
                g.add_document(&doc(vec![rel(ids[s], ids[t], relations[r], false, None)]), v);
            }
            let got: Vec<_> = g
                .edges()
                .into_iter()
                .map(|(s, t, e)| (s.id.as_str(), t.id.as_str(), e.relation.as_str()))
                .collect();
            let mut want = got.clone();
            want.sort();
            proptest::prop_assert_eq!(got.len(), g.edge_count());
            proptest::prop_assert_eq!(got, want);
            let nodes: Vec<_> = g.nodes().into_iter().map(|n| n.id.as_str()).collect();
            let mut sorted = nodes.clone();
            sorted.sort();
            proptest::prop_assert_eq!(nodes, sorted);
        }
    }

    #[test]
    fn label_is_the_most_used_then_longest() {
        let mut n = actor("person:a", ActorKind::Person, "x");
        let v = Vocabulary::builtin();
        let mut g = ActorGraph::new();
        n.label = "Putin".into();
        g.add_document(
            &DocAnalysis {
                actors: vec![n.clone()],
                ..Default::default()
            },
            v,
        );
        n.label = "Vladimir Putin".into();
        g.add_document(
            &DocAnalysis {
                actors: vec![n.clone()],
                ..Default::default()
            },
            v,
        );
        assert_eq!(g.nodes()[0].label(), "Vladimir Putin");
    }
}

//! Graph filters: a new [`ActorGraph`] with the edges and nodes that pass
//! [`FilterOptions`], for exports and statistics of a part of the graph.
//!
//! [`apply`] runs the steps in this order:
//! 1. **edge filters**, each edge must pass all that are given:
//!    `relations` (relation keys), `categories` (PLOVER categories or
//!    `AFFILIATION`), both case-insensitive; `min_weight` (asserted mentions
//!    `>=`); `since`/`until` (the edge's `[first_date, last_date]` range
//!    intersects `[since, until]`; an undated edge is dropped when a date
//!    filter is given; an edge with one known date has a one-day range);
//!    `no_affiliations` (drops `AFFILIATION` edges);
//! 2. **kinds**: nodes of other kinds are dropped with their edges;
//! 3. **ego**: only the actor (found by id, then label, then alias,
//!    case-insensitively, in the whole graph) and the actors within `depth`
//!    hops of it, following the remaining edges in either direction; edges
//!    between kept actors are kept (the induced subgraph);
//! 4. **isolated nodes**: when an edge filter was given (step 1), nodes
//!    left without any edge are dropped, except the ego actor; with node
//!    filters only (`kinds`, `ego`) every kept node stays;
//! 5. **collapse**: parallel edges between one pair of actors (in either
//!    direction) become one edge, see [`collapse`].
//!
//! Node attributes (mentions, documents, labels) are those of the whole
//! corpus; they are not recounted for the kept edges.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::graph::{ActorGraph, Edge, Node};
use crate::model::{ActorId, ActorKind};
use crate::vocab::Polarity;

/// The relation key and category of a collapsed edge that stands for several relations.
pub const MIXED: &str = "mixed";

/// Which part of the graph to keep. The default keeps everything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilterOptions {
    /// Keep edges with one of these relation keys (case-insensitive).
    pub relations: Option<Vec<String>>,
    /// Keep edges with one of these categories (case-insensitive).
    pub categories: Option<Vec<String>>,
    /// Keep nodes of these kinds (and edges between them).
    pub kinds: Option<Vec<ActorKind>>,
    /// Keep edges with at least this many asserted mentions.
    pub min_weight: Option<u64>,
    /// Keep edges whose date range ends on or after this date.
    pub since: Option<NaiveDate>,
    /// Keep edges whose date range starts on or before this date.
    pub until: Option<NaiveDate>,
    /// Keep one actor (id, label or alias, case-insensitive) and its neighbourhood.
    pub ego: Option<String>,
    /// Hops around `ego` (default 1; 0 keeps the actor alone).
    pub depth: usize,
    /// Drop `AFFILIATION` edges (offices and memberships).
    pub no_affiliations: bool,
    /// One edge per pair of actors, see [`collapse`].
    pub collapse: bool,
}

impl Default for FilterOptions {
    fn default() -> Self {
        Self {
            relations: None,
            categories: None,
            kinds: None,
            min_weight: None,
            since: None,
            until: None,
            ego: None,
            depth: 1,
            no_affiliations: false,
            collapse: false,
        }
    }
}

impl FilterOptions {
    /// True when an edge filter (relations, categories, weight, dates,
    /// affiliations) is given: then nodes left without edges are dropped.
    pub fn has_edge_filter(&self) -> bool {
        self.relations.is_some()
            || self.categories.is_some()
            || self.min_weight.is_some()
            || self.since.is_some()
            || self.until.is_some()
            || self.no_affiliations
    }

    /// True when the options keep the graph as it is.
    pub fn is_identity(&self) -> bool {
        !self.has_edge_filter() && self.kinds.is_none() && self.ego.is_none() && !self.collapse
    }

    fn keeps_edge(&self, edge: &Edge) -> bool {
        let among = |list: &Option<Vec<String>>, value: &str| {
            list.as_ref()
                .is_none_or(|l| l.iter().any(|x| x.trim().eq_ignore_ascii_case(value)))
        };
        if !among(&self.relations, &edge.relation) || !among(&self.categories, &edge.category) {
            return false;
        }
        if self.no_affiliations && edge.category.eq_ignore_ascii_case("AFFILIATION") {
            return false;
        }
        if self.min_weight.is_some_and(|m| edge.weight < m) {
            return false;
        }
        if self.since.is_some() || self.until.is_some() {
            let (first, last) = match (edge.first_date, edge.last_date) {
                (Some(f), Some(l)) => (f, l),
                (Some(d), None) | (None, Some(d)) => (d, d),
                (None, None) => return false,
            };
            if self.since.is_some_and(|s| last < s) || self.until.is_some_and(|u| first > u) {
                return false;
            }
        }
        true
    }
}

/// Finds an actor by id, then by label, then by alias (case-insensitive).
///
/// Errors with [`Error::Usage`] when nothing matches or when several
/// actors share the matching label or alias.
pub fn find_actor<'g>(graph: &'g ActorGraph, name: &str) -> Result<&'g Node> {
    let wanted = name.trim().to_lowercase();
    let nodes = graph.nodes();
    let levels: [&dyn Fn(&Node) -> bool; 3] = [
        &|n| n.id.as_str().to_lowercase() == wanted,
        &|n| n.label().to_lowercase() == wanted,
        &|n| n.aliases.iter().any(|a| a.to_lowercase() == wanted),
    ];
    for matches in levels {
        let found: Vec<&Node> = nodes.iter().copied().filter(|n| matches(n)).collect();
        match found.as_slice() {
            [] => continue,
            [one] => return Ok(one),
            many => {
                let ids: Vec<&str> = many.iter().map(|n| n.id.as_str()).collect();
                return Err(Error::Usage(format!(
                    "actor {name:?} is ambiguous: it names {}; give one of these ids",
                    ids.join(", ")
                )));
            }
        }
    }
    Err(Error::Usage(format!(
        "unknown actor {name:?}: no actor has this id, label or alias"
    )))
}

/// The filtered graph (see the module documentation for the steps).
pub fn apply(graph: &ActorGraph, opts: &FilterOptions) -> Result<ActorGraph> {
    let ego = opts.ego.as_deref().map(|e| find_actor(graph, e)).transpose()?;

    // 1-2: edge filters and kinds.
    let kind_ok = |n: &Node| opts.kinds.as_ref().is_none_or(|k| k.contains(&n.kind));
    let mut nodes: BTreeSet<&ActorId> = graph
        .nodes()
        .into_iter()
        .filter(|n| kind_ok(n))
        .map(|n| &n.id)
        .collect();
    let mut edges: Vec<(&Node, &Node, &Edge)> = graph
        .edges()
        .into_iter()
        .filter(|(s, t, e)| nodes.contains(&s.id) && nodes.contains(&t.id) && opts.keeps_edge(e))
        .collect();

    // 3: ego network.
    if let Some(ego) = ego {
        if !nodes.contains(&ego.id) {
            return Err(Error::Usage(format!(
                "actor {} ({}) is a {}, which the kind filter removes",
                ego.id,
                ego.label(),
                ego.kind
            )));
        }
        let mut neighbours: BTreeMap<&ActorId, BTreeSet<&ActorId>> = BTreeMap::new();
        for (s, t, _) in &edges {
            neighbours.entry(&s.id).or_default().insert(&t.id);
            neighbours.entry(&t.id).or_default().insert(&s.id);
        }
        let mut seen: BTreeSet<&ActorId> = BTreeSet::from([&ego.id]);
        let mut queue = VecDeque::from([(&ego.id, 0usize)]);
        while let Some((id, d)) = queue.pop_front() {
            if d == opts.depth {
                continue;
            }
            for &n in neighbours.get(id).into_iter().flatten() {
                if seen.insert(n) {
                    queue.push_back((n, d + 1));
                }
            }
        }
        nodes = seen;
        edges.retain(|(s, t, _)| nodes.contains(&s.id) && nodes.contains(&t.id));
    }

    // 4: isolated nodes.
    if opts.has_edge_filter() {
        let mut linked: BTreeSet<&ActorId> = edges.iter().flat_map(|(s, t, _)| [&s.id, &t.id]).collect();
        if let Some(ego) = ego {
            linked.insert(&ego.id);
        }
        nodes.retain(|id| linked.contains(id));
    }

    let mut out = ActorGraph::new();
    for id in &nodes {
        if let Some(n) = graph.node(id) {
            out.insert_node(n.clone());
        }
    }
    if opts.collapse {
        for (s, t, e) in collapse(&edges) {
            out.insert_edge(&s, &t, e);
        }
    } else {
        for (s, t, e) in edges {
            out.insert_edge(&s.id, &t.id, e.clone());
        }
    }
    Ok(out)
}

/// Merges parallel edges: one edge per unordered pair of actors.
///
/// - `weight`, `negated` add up; `documents` is the largest of the merged
///   edges (a lower bound: a document can mention several relations);
///   dates widen to the earliest first and latest last date;
/// - a pair with one relation keeps it; several relations give relation and
///   category `mixed` (category kept when all agree) and the label lists
///   the relations by decreasing weight (`met with ×3, supports ×1`);
/// - polarity: the side (cooperative or conflictual) with the larger summed
///   weight, `neutral` on a tie or when neither has weight;
/// - direction: directed only when every merged edge is directed the same
///   way, otherwise undirected, stored with `source < target`.
pub fn collapse(edges: &[(&Node, &Node, &Edge)]) -> Vec<(ActorId, ActorId, Edge)> {
    let mut pairs: BTreeMap<(&ActorId, &ActorId), Vec<(&ActorId, &Edge)>> = BTreeMap::new();
    for (s, t, e) in edges {
        let key = if s.id <= t.id {
            (&s.id, &t.id)
        } else {
            (&t.id, &s.id)
        };
        pairs.entry(key).or_default().push((&s.id, e));
    }
    let mut out = Vec::with_capacity(pairs.len());
    for ((a, b), group) in pairs {
        let first = group[0].1;
        let one_way = group.iter().all(|(src, e)| e.directed && *src == group[0].0);
        let (source, target) = if one_way && group[0].0 != a {
            (b, a)
        } else {
            (a, b)
        };
        let mut merged = Edge {
            directed: one_way,
            weight: 0,
            negated: 0,
            documents: 0,
            first_date: None,
            last_date: None,
            ..first.clone()
        };
        let (mut cooperative, mut conflictual) = (0u64, 0u64);
        for (_, e) in &group {
            merged.weight += e.weight;
            merged.negated += e.negated;
            merged.documents = merged.documents.max(e.documents);
            merged.first_date = [merged.first_date, e.first_date].into_iter().flatten().min();
            merged.last_date = [merged.last_date, e.last_date].into_iter().flatten().max();
            match e.polarity {
                Polarity::Cooperative => cooperative += e.weight,
                Polarity::Conflictual => conflictual += e.weight,
                Polarity::Neutral => {}
            }
        }
        if group.len() > 1 {
            merged.relation = MIXED.to_string();
            if group.iter().any(|(_, e)| e.category != first.category) {
                merged.category = MIXED.to_string();
            }
            let mut parts: Vec<&Edge> = group.iter().map(|(_, e)| *e).collect();
            parts.sort_by(|x, y| y.weight.cmp(&x.weight).then_with(|| x.relation.cmp(&y.relation)));
            merged.label = parts
                .iter()
                .map(|e| format!("{} ×{}", e.label, e.weight))
                .collect::<Vec<_>>()
                .join(", ");
            merged.polarity = match cooperative.cmp(&conflictual) {
                std::cmp::Ordering::Greater => Polarity::Cooperative,
                std::cmp::Ordering::Less => Polarity::Conflictual,
                std::cmp::Ordering::Equal => Polarity::Neutral,
            };
        }
        out.push((source.clone(), target.clone(), merged));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap as Map;

    pub(crate) fn node(id: &str, kind: ActorKind, label: &str) -> Node {
        Node {
            id: ActorId(id.into()),
            kind,
            labels: Map::from([(label.to_string(), 1)]),
            countries: Map::new(),
            roles: BTreeSet::new(),
            aliases: BTreeSet::from([label.to_string(), format!("{label} alias")]),
            mentions: 1,
            documents: 1,
        }
    }

    fn edge(
        relation: &str,
        category: &str,
        polarity: Polarity,
        weight: u64,
        dates: Option<(u32, u32)>,
    ) -> Edge {
        let d = |day| NaiveDate::from_ymd_opt(2024, 3, day);
        Edge {
            relation: relation.into(),
            label: relation.replace('_', " "),
            category: category.into(),
            polarity,
            directed: relation != "met_with",
            weight,
            negated: 0,
            documents: 1,
            first_date: dates.and_then(|(f, _)| d(f)),
            last_date: dates.and_then(|(_, l)| d(l)),
        }
    }

    /// Putin -meets- Xi; Putin -attacks-> Ukraine; Zelensky -affiliated-> Ukraine;
    /// Xi -supports-> Russia; plus an isolated Macron.
    fn graph() -> ActorGraph {
        let mut g = ActorGraph::new();
        for (id, kind, label) in [
            ("person:vladimir-putin", ActorKind::Person, "Vladimir Putin"),
            ("person:xi-jinping", ActorKind::Person, "Xi Jinping"),
            (
                "person:volodymyr-zelensky",
                ActorKind::Person,
                "Volodymyr Zelensky",
            ),
            ("person:emmanuel-macron", ActorKind::Person, "Emmanuel Macron"),
            ("country:UKR", ActorKind::Country, "Ukraine"),
            ("country:RUS", ActorKind::Country, "Russia"),
        ] {
            g.insert_node(node(id, kind, label));
        }
        let coop = Polarity::Cooperative;
        let add = |g: &mut ActorGraph, s: &str, t: &str, e: Edge| {
            assert!(g.insert_edge(&ActorId(s.into()), &ActorId(t.into()), e));
        };
        add(
            &mut g,
            "person:vladimir-putin",
            "person:xi-jinping",
            edge("met_with", "CONSULT", coop, 3, Some((1, 5))),
        );
        add(
            &mut g,
            "person:vladimir-putin",
            "person:xi-jinping",
            edge("supports", "SUPPORT", coop, 1, None),
        );
        add(
            &mut g,
            "person:vladimir-putin",
            "country:UKR",
            edge("attacks", "ASSAULT", Polarity::Conflictual, 5, Some((10, 20))),
        );
        add(
            &mut g,
            "person:volodymyr-zelensky",
            "country:UKR",
            edge("affiliated_with", "AFFILIATION", Polarity::Neutral, 2, None),
        );
        add(
            &mut g,
            "person:xi-jinping",
            "country:RUS",
            edge("supports", "SUPPORT", coop, 1, Some((7, 7))),
        );
        g
    }

    fn ids(g: &ActorGraph) -> Vec<String> {
        g.nodes().iter().map(|n| n.id.to_string()).collect()
    }

    fn edge_keys(g: &ActorGraph) -> Vec<String> {
        g.edges()
            .iter()
            .map(|(s, t, e)| format!("{} {} {}", s.id, e.relation, t.id))
            .collect()
    }

    #[test]
    fn default_options_keep_everything() {
        let g = graph();
        let f = apply(&g, &FilterOptions::default()).unwrap();
        assert!(FilterOptions::default().is_identity());
        assert_eq!(ids(&f), ids(&g));
        assert_eq!(edge_keys(&f), edge_keys(&g));
    }

    #[test]
    fn relation_filter_drops_isolated_nodes() {
        let opts = FilterOptions {
            relations: Some(vec!["SUPPORTS".into()]),
            ..Default::default()
        };
        let f = apply(&graph(), &opts).unwrap();
        assert_eq!(
            edge_keys(&f),
            [
                "person:vladimir-putin supports person:xi-jinping",
                "person:xi-jinping supports country:RUS"
            ]
        );
        assert_eq!(
            ids(&f),
            ["country:RUS", "person:vladimir-putin", "person:xi-jinping"]
        );
    }

    #[test]
    fn kind_filter_alone_keeps_isolated_nodes() {
        let opts = FilterOptions {
            kinds: Some(vec![ActorKind::Person]),
            ..Default::default()
        };
        let f = apply(&graph(), &opts).unwrap();
        assert_eq!(f.node_count(), 4);
        assert_eq!(f.edge_count(), 2);
    }

    #[test]
    fn date_filters_keep_intersecting_ranges() {
        let d = |day| NaiveDate::from_ymd_opt(2024, 3, day);
        let opts = FilterOptions {
            since: d(5),
            until: d(9),
            ..Default::default()
        };
        let f = apply(&graph(), &opts).unwrap();
        assert_eq!(
            edge_keys(&f),
            [
                "person:vladimir-putin met_with person:xi-jinping",
                "person:xi-jinping supports country:RUS"
            ]
        );
        let opts = FilterOptions {
            since: d(21),
            ..Default::default()
        };
        assert_eq!(apply(&graph(), &opts).unwrap().node_count(), 0);
    }

    #[test]
    fn weight_category_and_affiliation_filters() {
        let opts = FilterOptions {
            min_weight: Some(2),
            no_affiliations: true,
            ..Default::default()
        };
        let f = apply(&graph(), &opts).unwrap();
        assert_eq!(f.edge_count(), 2);
        let opts = FilterOptions {
            categories: Some(vec!["affiliation".into()]),
            ..Default::default()
        };
        assert_eq!(
            edge_keys(&apply(&graph(), &opts).unwrap()),
            ["person:volodymyr-zelensky affiliated_with country:UKR"]
        );
    }

    #[test]
    fn ego_network_by_label_alias_or_id() {
        let opts = FilterOptions {
            ego: Some("xi jinping".into()),
            ..Default::default()
        };
        let f = apply(&graph(), &opts).unwrap();
        assert_eq!(
            ids(&f),
            ["country:RUS", "person:vladimir-putin", "person:xi-jinping"]
        );
        assert_eq!(f.edge_count(), 3);
        let opts = FilterOptions {
            ego: Some("Xi Jinping alias".into()),
            depth: 2,
            ..Default::default()
        };
        assert_eq!(apply(&graph(), &opts).unwrap().node_count(), 4);
        let opts = FilterOptions {
            ego: Some("COUNTRY:ukr".into()),
            depth: 0,
            ..Default::default()
        };
        assert_eq!(ids(&apply(&graph(), &opts).unwrap()), ["country:UKR"]);
    }

    #[test]
    fn unknown_ego_is_a_usage_error() {
        let opts = FilterOptions {
            ego: Some("Olaf Scholz".into()),
            ..Default::default()
        };
        match apply(&graph(), &opts) {
            Err(Error::Usage(m)) => assert!(m.contains("unknown actor \"Olaf Scholz\""), "{m}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn collapse_merges_parallel_edges() {
        let opts = FilterOptions {
            collapse: true,
            ..Default::default()
        };
        let f = apply(&graph(), &opts).unwrap();
        assert_eq!(f.edge_count(), 4);
        let (_, _, e) = f
            .edges()
            .into_iter()
            .find(|(_, t, _)| t.id.as_str() == "person:xi-jinping")
            .unwrap();
        assert_eq!(e.relation, MIXED);
        assert_eq!(e.category, MIXED);
        assert_eq!(e.label, "met with ×3, supports ×1");
        assert_eq!(
            (e.weight, e.polarity, e.directed),
            (4, Polarity::Cooperative, false)
        );
        assert_eq!(e.first_date, NaiveDate::from_ymd_opt(2024, 3, 1));
        let (s, _, e) = f
            .edges()
            .into_iter()
            .find(|(_, t, _)| t.id.as_str() == "country:UKR")
            .unwrap();
        assert_eq!(
            (s.id.as_str(), e.relation.as_str(), e.directed),
            ("person:vladimir-putin", "attacks", true)
        );
    }
}

//! Graph statistics: counts, centralities, communities and the most
//! cooperative and conflictual pairs, as one [`Stats`] value with a text
//! report ([`render_text`]) and a serde form (one JSON object).
//!
//! Every measure is deterministic: nodes are numbered in
//! [`ActorGraph::nodes`] order (sorted by id), no randomness is used, and
//! rankings break ties by actor id. The measures and the projections of the
//! multigraph they run on:
//! - **degree**: number of distinct neighbours, in either direction (the
//!   undirected simple projection, self-loops ignored);
//! - **weighted degree**: sum of the asserted weights of the incident edges;
//! - **PageRank** ([`centrality::page_rank`]): directed, weighted by asserted
//!   mentions; a symmetric relation counts in both directions; damping 0.85;
//!   edges with only negated mentions carry no weight;
//! - **betweenness** ([`centrality::betweenness`], Brandes): on the
//!   undirected simple projection, weights ignored (every tie is one hop),
//!   not normalized;
//! - **communities** ([`community::louvain`]): on the undirected weighted
//!   projection where a pair's weight is the sum over its edges of
//!   `max(1, weight + negated)`: every reported interaction, asserted or
//!   not, friendly or hostile, ties the actors together;
//! - **cooperative / conflictual pairs**: per unordered pair, the summed
//!   asserted weight of its cooperative (conflictual) relations.

pub mod centrality;
pub mod community;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;

use serde::Serialize;

use crate::graph::{ActorGraph, Node};
use crate::model::ActorId;
use crate::vocab::Polarity;

/// Default number of entries in each ranking (`--top`).
pub const DEFAULT_TOP: usize = 10;

/// Statistics of one graph.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    /// Number of actors.
    pub nodes: usize,
    /// Number of edges (one per source, target, relation).
    pub edges: usize,
    /// Actors by kind (every kind, zeros included).
    pub kinds: BTreeMap<String, usize>,
    /// Edges and asserted mentions by relation key.
    pub relations: BTreeMap<String, RelationCount>,
    /// Top actors by number of distinct neighbours.
    pub degree: Vec<Ranked>,
    /// Top actors by summed asserted weight of their edges.
    pub weighted_degree: Vec<Ranked>,
    /// Top actors by weighted PageRank.
    pub page_rank: Vec<Ranked>,
    /// Top actors by betweenness.
    pub betweenness: Vec<Ranked>,
    /// Number of communities found (singletons included).
    pub community_count: usize,
    /// Modularity of the partition.
    pub modularity: f64,
    /// Largest communities, each with its top members.
    pub communities: Vec<Community>,
    /// Pairs with the most cooperative mentions.
    pub cooperative_pairs: Vec<Pair>,
    /// Pairs with the most conflictual mentions.
    pub conflictual_pairs: Vec<Pair>,
}

/// Edge and mention counts of one relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RelationCount {
    /// Number of edges.
    pub edges: usize,
    /// Summed asserted weight.
    pub weight: u64,
}

/// An actor with a score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ranked {
    /// Actor id.
    pub id: String,
    /// Display name.
    pub label: String,
    /// The measure.
    pub score: f64,
}

/// One community.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Community {
    /// Rank by size, from 1.
    pub rank: usize,
    /// Number of actors.
    pub size: usize,
    /// Its actors with the highest weighted degree (at most `top`).
    pub members: Vec<Ranked>,
}

/// An unordered pair of actors with a summed weight.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair {
    /// First actor id (the smaller).
    pub a: String,
    /// Its label.
    pub a_label: String,
    /// Second actor id.
    pub b: String,
    /// Its label.
    pub b_label: String,
    /// Summed asserted weight of the pair's relations of that polarity.
    pub weight: u64,
    /// Those relations, sorted.
    pub relations: Vec<String>,
}

/// The graph as index-based adjacency, nodes in [`ActorGraph::nodes`] order.
struct Projection<'g> {
    nodes: Vec<&'g Node>,
    /// Directed weighted successors (symmetric relations both ways).
    out: Vec<BTreeMap<usize, f64>>,
    /// Undirected simple neighbours, no self-loops.
    neighbours: Vec<BTreeSet<usize>>,
    /// Undirected interaction weights for Louvain.
    interaction: Vec<BTreeMap<usize, f64>>,
    /// Summed asserted weight of incident edges.
    strength: Vec<f64>,
}

impl<'g> Projection<'g> {
    fn new(graph: &'g ActorGraph) -> Self {
        let nodes = graph.nodes();
        let n = nodes.len();
        let index: HashMap<&ActorId, usize> = nodes.iter().enumerate().map(|(i, n)| (&n.id, i)).collect();
        let mut p = Projection {
            nodes,
            out: vec![BTreeMap::new(); n],
            neighbours: vec![BTreeSet::new(); n],
            interaction: vec![BTreeMap::new(); n],
            strength: vec![0.0; n],
        };
        for (s, t, e) in graph.edges() {
            let (Some(&a), Some(&b)) = (index.get(&s.id), index.get(&t.id)) else {
                continue;
            };
            let w = e.weight as f64;
            if e.weight > 0 {
                *p.out[a].entry(b).or_insert(0.0) += w;
                if !e.directed && a != b {
                    *p.out[b].entry(a).or_insert(0.0) += w;
                }
            }
            p.strength[a] += w;
            if a != b {
                p.strength[b] += w;
                p.neighbours[a].insert(b);
                p.neighbours[b].insert(a);
            }
            let iw = (e.weight + e.negated).max(1) as f64;
            *p.interaction[a].entry(b).or_insert(0.0) += iw;
            if a != b {
                *p.interaction[b].entry(a).or_insert(0.0) += iw;
            }
        }
        p
    }

    /// The `top` highest positive scores, ties by actor id.
    fn ranked(&self, scores: &[f64], top: usize) -> Vec<Ranked> {
        let mut order: Vec<usize> = (0..scores.len()).filter(|&i| scores[i] > 0.0).collect();
        order.sort_by(|&x, &y| scores[y].total_cmp(&scores[x]).then(x.cmp(&y)));
        order
            .into_iter()
            .take(top)
            .map(|i| self.rank_entry(i, scores[i]))
            .collect()
    }

    fn rank_entry(&self, i: usize, score: f64) -> Ranked {
        Ranked {
            id: self.nodes[i].id.to_string(),
            label: self.nodes[i].label().to_string(),
            score,
        }
    }
}

/// Weighted PageRank of every actor (see the module documentation).
pub fn page_rank(graph: &ActorGraph) -> BTreeMap<ActorId, f64> {
    let p = Projection::new(graph);
    by_id(&p, &centrality::page_rank(&p.out))
}

/// Betweenness of every actor (see the module documentation).
pub fn betweenness(graph: &ActorGraph) -> BTreeMap<ActorId, f64> {
    let p = Projection::new(graph);
    by_id(&p, &centrality::betweenness(&p.neighbours))
}

/// Louvain communities: lists of actor ids, largest first (ties by first id),
/// each sorted by id; and the partition's modularity.
pub fn communities(graph: &ActorGraph) -> (Vec<Vec<ActorId>>, f64) {
    let p = Projection::new(graph);
    let (groups, q) = groups(&p);
    let ids = groups
        .into_iter()
        .map(|g| g.into_iter().map(|i| p.nodes[i].id.clone()).collect())
        .collect();
    (ids, q)
}

fn by_id(p: &Projection<'_>, scores: &[f64]) -> BTreeMap<ActorId, f64> {
    p.nodes
        .iter()
        .zip(scores)
        .map(|(n, &s)| (n.id.clone(), s))
        .collect()
}

/// Node indices per community, largest first, ties by lowest index.
fn groups(p: &Projection<'_>) -> (Vec<Vec<usize>>, f64) {
    let (membership, q) = community::louvain(&p.interaction);
    let count = membership.iter().copied().max().map_or(0, |m| m + 1);
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); count];
    for (i, &c) in membership.iter().enumerate() {
        groups[c].push(i);
    }
    groups.sort_by(|a, b| b.len().cmp(&a.len()).then(a.first().cmp(&b.first())));
    (groups, q)
}

impl Stats {
    /// Computes every statistic of `graph`, each ranking cut to `top` entries.
    pub fn compute(graph: &ActorGraph, top: usize) -> Stats {
        let p = Projection::new(graph);
        let mut kinds: BTreeMap<String, usize> = crate::model::ActorKind::ALL
            .iter()
            .map(|k| (k.name().to_string(), 0))
            .collect();
        for n in &p.nodes {
            *kinds.entry(n.kind.name().to_string()).or_default() += 1;
        }
        let mut relations: BTreeMap<String, RelationCount> = BTreeMap::new();
        for (_, _, e) in graph.edges() {
            let r = relations
                .entry(e.relation.clone())
                .or_insert(RelationCount { edges: 0, weight: 0 });
            r.edges += 1;
            r.weight += e.weight;
        }
        let degree: Vec<f64> = p.neighbours.iter().map(|s| s.len() as f64).collect();
        let rank = centrality::page_rank(&p.out);
        let between = centrality::betweenness(&p.neighbours);
        let (groups, modularity) = groups(&p);
        let communities = groups
            .iter()
            .filter(|g| g.len() > 1)
            .take(top)
            .enumerate()
            .map(|(k, g)| {
                let mut members = g.clone();
                members.sort_by(|&x, &y| p.strength[y].total_cmp(&p.strength[x]).then(x.cmp(&y)));
                Community {
                    rank: k + 1,
                    size: g.len(),
                    members: members
                        .into_iter()
                        .take(top)
                        .map(|i| p.rank_entry(i, p.strength[i]))
                        .collect(),
                }
            })
            .collect();
        Stats {
            nodes: graph.node_count(),
            edges: graph.edge_count(),
            kinds,
            relations,
            degree: p.ranked(&degree, top),
            weighted_degree: p.ranked(&p.strength, top),
            page_rank: p.ranked(&rank, top),
            betweenness: p.ranked(&between, top),
            community_count: groups.len(),
            modularity,
            communities,
            cooperative_pairs: pairs(graph, Polarity::Cooperative, top),
            conflictual_pairs: pairs(graph, Polarity::Conflictual, top),
        }
    }
}

/// The `top` unordered pairs with the largest summed asserted weight of
/// relations of `polarity` (pairs with zero weight left out).
fn pairs(graph: &ActorGraph, polarity: Polarity, top: usize) -> Vec<Pair> {
    type Sum<'g> = (&'g Node, &'g Node, u64, BTreeSet<&'g str>);
    let mut sums: BTreeMap<(&ActorId, &ActorId), Sum<'_>> = BTreeMap::new();
    for (s, t, e) in graph.edges() {
        if e.polarity != polarity || e.weight == 0 {
            continue;
        }
        let (a, b) = if s.id <= t.id { (s, t) } else { (t, s) };
        let entry = sums
            .entry((&a.id, &b.id))
            .or_insert_with(|| (a, b, 0, BTreeSet::new()));
        entry.2 += e.weight;
        entry.3.insert(&e.relation);
    }
    let mut v: Vec<Sum<'_>> = sums.into_values().collect();
    v.sort_by_key(|x| std::cmp::Reverse(x.2));
    v.into_iter()
        .take(top)
        .map(|(a, b, weight, relations)| Pair {
            a: a.id.to_string(),
            a_label: a.label().to_string(),
            b: b.id.to_string(),
            b_label: b.label().to_string(),
            weight,
            relations: relations.into_iter().map(str::to_string).collect(),
        })
        .collect()
}

/// A readable multi-line report of `stats`.
pub fn render_text(stats: &Stats) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{} actors, {} edges", stats.nodes, stats.edges);
    let _ = writeln!(s, "\nActors by kind:");
    for (k, n) in &stats.kinds {
        let _ = writeln!(s, "  {k:<14} {n:>6}");
    }
    let _ = writeln!(s, "\nRelations (edges, asserted mentions):");
    for (r, c) in &stats.relations {
        let _ = writeln!(s, "  {r:<24} {:>6} {:>8}", c.edges, c.weight);
    }
    let sections: [(&str, &[Ranked], usize); 4] = [
        ("Degree (distinct neighbours)", &stats.degree, 0),
        ("Weighted degree (asserted mentions)", &stats.weighted_degree, 0),
        ("PageRank (weighted, damping 0.85)", &stats.page_rank, 4),
        ("Betweenness (undirected, unweighted)", &stats.betweenness, 2),
    ];
    for (title, list, decimals) in sections {
        let _ = writeln!(s, "\n{title}:");
        ranking(&mut s, list, decimals);
    }
    let _ = writeln!(
        s,
        "\nCommunities (Louvain): {}, modularity {:.4}",
        stats.community_count, stats.modularity
    );
    for c in &stats.communities {
        let names: Vec<&str> = c.members.iter().map(|m| m.label.as_str()).collect();
        let more = if c.size > names.len() { ", ..." } else { "" };
        let _ = writeln!(s, "  #{} ({} actors): {}{more}", c.rank, c.size, names.join(", "));
    }
    for (title, list) in [
        ("Most cooperative pairs", &stats.cooperative_pairs),
        ("Most conflictual pairs", &stats.conflictual_pairs),
    ] {
        let _ = writeln!(s, "\n{title}:");
        if list.is_empty() {
            let _ = writeln!(s, "  (none)");
        }
        for p in list {
            let _ = writeln!(
                s,
                "  {:>6}  {} — {} ({})",
                p.weight,
                p.a_label,
                p.b_label,
                p.relations.join(", ")
            );
        }
    }
    s
}

fn ranking(s: &mut String, list: &[Ranked], decimals: usize) {
    if list.is_empty() {
        let _ = writeln!(s, "  (none)");
    }
    for (i, r) in list.iter().enumerate() {
        let _ = writeln!(
            s,
            "  {:>3}. {:>10.decimals$}  {} [{}]",
            i + 1,
            r.score,
            r.label,
            r.id
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Edge;
    use crate::model::ActorKind;

    fn node(id: &str) -> Node {
        Node {
            id: ActorId(id.into()),
            kind: if id.starts_with("country:") {
                ActorKind::Country
            } else {
                ActorKind::Person
            },
            labels: BTreeMap::from([(id.to_uppercase(), 1)]),
            countries: BTreeMap::new(),
            roles: BTreeSet::new(),
            aliases: BTreeSet::new(),
            mentions: 1,
            documents: 1,
        }
    }

    fn edge(relation: &str, polarity: Polarity, directed: bool, weight: u64) -> Edge {
        Edge {
            relation: relation.into(),
            label: relation.into(),
            category: "X".into(),
            polarity,
            directed,
            weight,
            negated: 0,
            documents: 1,
            first_date: None,
            last_date: None,
        }
    }

    fn graph(edges: &[(&str, &str, Edge)]) -> ActorGraph {
        let mut g = ActorGraph::new();
        for (s, t, _) in edges {
            g.insert_node(node(s));
            g.insert_node(node(t));
        }
        for (s, t, e) in edges {
            assert!(g.insert_edge(&ActorId((*s).into()), &ActorId((*t).into()), e.clone()));
        }
        g
    }

    fn coop(w: u64) -> Edge {
        edge("supports", Polarity::Cooperative, true, w)
    }

    #[test]
    fn page_rank_of_a_directed_cycle() {
        let g = graph(&[
            ("country:a", "country:b", coop(1)),
            ("country:b", "country:c", coop(1)),
            ("country:c", "country:a", coop(1)),
        ]);
        for (_, r) in page_rank(&g) {
            assert!((r - 1.0 / 3.0).abs() < 1e-9);
        }
    }

    #[test]
    fn symmetric_edges_count_both_ways() {
        let g = graph(&[(
            "country:a",
            "country:b",
            edge("met_with", Polarity::Cooperative, false, 2),
        )]);
        let r = page_rank(&g);
        let v: Vec<f64> = r.values().copied().collect();
        assert!((v[0] - 0.5).abs() < 1e-9 && (v[1] - 0.5).abs() < 1e-9);
    }

    #[test]
    fn betweenness_of_a_path_middle() {
        let g = graph(&[
            ("country:a", "country:b", coop(1)),
            ("country:c", "country:b", coop(5)),
        ]);
        let b = betweenness(&g);
        assert_eq!(b[&ActorId("country:b".into())], 1.0);
        assert_eq!(b[&ActorId("country:a".into())], 0.0);
    }

    #[test]
    fn two_cliques_joined_by_one_edge() {
        let mut edges = Vec::new();
        for group in [
            ["person:a", "person:b", "person:c"],
            ["person:x", "person:y", "person:z"],
        ] {
            for i in 0..3 {
                for j in i + 1..3 {
                    edges.push((group[i], group[j], coop(2)));
                }
            }
        }
        edges.push((
            "person:c",
            "person:x",
            edge("attacks", Polarity::Conflictual, true, 1),
        ));
        let g = graph(&edges);
        let (groups, q) = communities(&g);
        let names = |v: &Vec<ActorId>| v.iter().map(|i| i.to_string()).collect::<Vec<_>>();
        assert_eq!(groups.len(), 2);
        assert_eq!(names(&groups[0]), ["person:a", "person:b", "person:c"]);
        assert_eq!(names(&groups[1]), ["person:x", "person:y", "person:z"]);
        assert!(q > 0.3);
        let stats = Stats::compute(&g, 2);
        assert_eq!(stats.community_count, 2);
        assert_eq!(stats.communities[0].members.len(), 2);
        assert_eq!(stats.conflictual_pairs.len(), 1);
        assert_eq!(stats.conflictual_pairs[0].a, "person:c");
        assert_eq!(stats.cooperative_pairs.len(), 2);
        assert_eq!(stats.degree[0].id, "person:c");
        assert_eq!(stats.degree[0].score, 3.0);
        assert_eq!(stats.betweenness[0].id, "person:c");
    }

    #[test]
    fn stats_counts_and_pairs() {
        let g = graph(&[
            (
                "country:RUS",
                "country:UKR",
                edge("attacks", Polarity::Conflictual, true, 7),
            ),
            (
                "country:UKR",
                "country:RUS",
                edge("accuses", Polarity::Conflictual, true, 2),
            ),
            ("country:FRA", "country:UKR", coop(3)),
            (
                "country:DEU",
                "country:FRA",
                edge("met_with", Polarity::Cooperative, false, 1),
            ),
        ]);
        let s = Stats::compute(&g, 10);
        assert_eq!((s.nodes, s.edges), (4, 4));
        assert_eq!(s.kinds["country"], 4);
        assert_eq!(s.kinds["person"], 0);
        assert_eq!(s.relations["attacks"], RelationCount { edges: 1, weight: 7 });
        assert_eq!(s.conflictual_pairs[0].weight, 9);
        assert_eq!(s.conflictual_pairs[0].relations, ["accuses", "attacks"]);
        assert_eq!(s.cooperative_pairs[0].b, "country:UKR");
        assert_eq!(s.weighted_degree[0].id, "country:UKR");
        assert_eq!(s.weighted_degree[0].score, 12.0);
        let text = render_text(&s);
        assert!(text.starts_with("4 actors, 4 edges\n"), "{text}");
        assert!(
            text.contains("COUNTRY:RUS — COUNTRY:UKR (accuses, attacks)"),
            "{text}"
        );
        let json = serde_json::to_value(&s).unwrap();
        assert_eq!(json["conflictual_pairs"][0]["weight"], 9);
        assert_eq!(json["kinds"]["country"], 4);
    }

    #[test]
    fn empty_graph_has_empty_stats() {
        let s = Stats::compute(&ActorGraph::new(), 5);
        assert_eq!((s.nodes, s.edges, s.community_count), (0, 0, 0));
        assert!(s.page_rank.is_empty());
        assert!(render_text(&s).contains("(none)"));
    }
}

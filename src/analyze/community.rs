//! Louvain community detection (Blondel et al. 2008), deterministic.
//!
//! Input: an undirected weighted graph as symmetric adjacency maps
//! (`adj[i][j] == adj[j][i]`; `adj[i][i]` is a self-loop counted once).
//! Nodes are visited in index order, a node moves only to a neighbouring
//! community with a strictly larger modularity gain (ties: the lowest
//! community number), and communities are renumbered in order of their
//! lowest node, so the same graph always gives the same partition.

use std::collections::BTreeMap;

/// Smallest modularity gain that counts as an improvement.
const EPSILON: f64 = 1e-12;

/// One level's graph: off-diagonal weights plus each node's internal weight.
struct Level {
    adj: Vec<BTreeMap<usize, f64>>,
    internal: Vec<f64>,
}

impl Level {
    fn degree(&self, i: usize) -> f64 {
        self.adj[i].values().sum::<f64>() + 2.0 * self.internal[i]
    }
}

/// The community number of every node (numbered from 0 in order of their
/// lowest node) and the modularity of that partition.
pub fn louvain(adj: &[BTreeMap<usize, f64>]) -> (Vec<usize>, f64) {
    let n = adj.len();
    let mut level = Level {
        adj: adj
            .iter()
            .enumerate()
            .map(|(i, m)| m.iter().filter(|(&j, _)| j != i).map(|(&j, &w)| (j, w)).collect())
            .collect(),
        internal: adj
            .iter()
            .enumerate()
            .map(|(i, m)| m.get(&i).copied().unwrap_or(0.0))
            .collect(),
    };
    let mut membership: Vec<usize> = (0..n).collect();
    let two_m: f64 = (0..n).map(|i| level.degree(i)).sum();
    if two_m <= 0.0 {
        return (membership, 0.0);
    }
    loop {
        let (moved, comm) = local_moving(&level, two_m);
        if !moved {
            break;
        }
        let (renumbered, count) = renumber(&comm);
        for m in membership.iter_mut() {
            *m = renumbered[*m];
        }
        level = aggregate(&level, &renumbered, count);
    }
    let (renumbered, _) = renumber(&membership);
    let q = modularity(adj, &renumbered);
    (renumbered, q)
}

/// Phase 1: moves nodes between communities until no move improves modularity.
fn local_moving(level: &Level, two_m: f64) -> (bool, Vec<usize>) {
    let n = level.adj.len();
    let degree: Vec<f64> = (0..n).map(|i| level.degree(i)).collect();
    let mut comm: Vec<usize> = (0..n).collect();
    let mut tot = degree.clone();
    let mut moved_any = false;
    loop {
        let mut moved = false;
        for i in 0..n {
            let own = comm[i];
            tot[own] -= degree[i];
            let mut links: BTreeMap<usize, f64> = BTreeMap::new();
            links.insert(own, 0.0);
            for (&j, &w) in &level.adj[i] {
                *links.entry(comm[j]).or_insert(0.0) += w;
            }
            let gain = |c: usize, k_in: f64| k_in - tot[c] * degree[i] / two_m;
            let mut best = own;
            let mut best_gain = gain(own, links[&own]);
            for (&c, &k_in) in &links {
                let g = gain(c, k_in);
                if g > best_gain + EPSILON {
                    best = c;
                    best_gain = g;
                }
            }
            tot[best] += degree[i];
            if best != own {
                comm[i] = best;
                moved = true;
                moved_any = true;
            }
        }
        if !moved {
            break;
        }
    }
    (moved_any, comm)
}

/// For each position `i`, the number of community `comm[i]` when
/// communities are numbered `0..count` in order of first appearance.
fn renumber(comm: &[usize]) -> (Vec<usize>, usize) {
    let mut map: BTreeMap<usize, usize> = BTreeMap::new();
    let mut out = Vec::with_capacity(comm.len());
    for &c in comm {
        let next = map.len();
        out.push(*map.entry(c).or_insert(next));
    }
    (out, map.len())
}

/// Phase 2: one node per community (`renumbered[i]` is node `i`'s community).
fn aggregate(level: &Level, renumbered: &[usize], count: usize) -> Level {
    let mut adj = vec![BTreeMap::new(); count];
    let mut internal = vec![0.0; count];
    let comm_of = |i: usize| renumbered[i];
    for (i, nbrs) in level.adj.iter().enumerate() {
        let ci = comm_of(i);
        internal[ci] += level.internal[i];
        for (&j, &w) in nbrs {
            let cj = comm_of(j);
            if ci == cj {
                if i < j {
                    internal[ci] += w;
                }
            } else {
                *adj[ci].entry(cj).or_insert(0.0) += w;
            }
        }
    }
    Level { adj, internal }
}

/// Newman modularity of a partition of the graph `adj`.
pub fn modularity(adj: &[BTreeMap<usize, f64>], comm: &[usize]) -> f64 {
    let count = comm.iter().copied().max().map_or(0, |m| m + 1);
    let mut inside = vec![0.0; count];
    let mut tot = vec![0.0; count];
    let mut two_m = 0.0;
    for (i, nbrs) in adj.iter().enumerate() {
        for (&j, &w) in nbrs {
            let w2 = if i == j { 2.0 * w } else { w };
            tot[comm[i]] += w2;
            two_m += w2;
            if comm[i] == comm[j] {
                inside[comm[i]] += w2;
            }
        }
    }
    if two_m <= 0.0 {
        return 0.0;
    }
    (0..count)
        .map(|c| inside[c] / two_m - (tot[c] / two_m).powi(2))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(edges: &[(usize, usize, f64)], n: usize) -> Vec<BTreeMap<usize, f64>> {
        let mut adj = vec![BTreeMap::new(); n];
        for &(a, b, w) in edges {
            *adj[a].entry(b).or_insert(0.0) += w;
            if a != b {
                *adj[b].entry(a).or_insert(0.0) += w;
            }
        }
        adj
    }

    fn clique(nodes: &[usize]) -> Vec<(usize, usize, f64)> {
        let mut e = Vec::new();
        for (k, &a) in nodes.iter().enumerate() {
            for &b in &nodes[k + 1..] {
                e.push((a, b, 1.0));
            }
        }
        e
    }

    #[test]
    fn two_cliques_joined_by_one_edge_are_two_communities() {
        let mut edges = clique(&[0, 1, 2, 3]);
        edges.extend(clique(&[4, 5, 6, 7]));
        edges.push((3, 4, 1.0));
        let (comm, q) = louvain(&graph(&edges, 8));
        assert_eq!(comm, vec![0, 0, 0, 0, 1, 1, 1, 1]);
        // 2 * (6/13 - (13/26)^2)
        assert!((q - (12.0 / 13.0 - 0.5)).abs() < 1e-9, "{q}");
    }

    #[test]
    fn interleaved_numbering_still_finds_the_cliques() {
        let mut edges = clique(&[0, 2, 4, 6]);
        edges.extend(clique(&[1, 3, 5, 7]));
        edges.push((6, 1, 1.0));
        let (comm, _) = louvain(&graph(&edges, 8));
        assert_eq!(comm, vec![0, 1, 0, 1, 0, 1, 0, 1]);
    }

    #[test]
    fn ring_of_cliques_merges_each_clique() {
        let mut edges = Vec::new();
        for c in 0..6 {
            let base = c * 4;
            edges.extend(clique(&[base, base + 1, base + 2, base + 3]));
            edges.push((base + 3, (base + 4) % 24, 1.0));
        }
        let (comm, q) = louvain(&graph(&edges, 24));
        for c in 0..6 {
            let base = c * 4;
            assert!(comm[base..base + 4].iter().all(|&x| x == comm[base]), "{comm:?}");
        }
        assert!(q > 0.6, "{q}");
    }

    #[test]
    fn edgeless_graph_is_all_singletons() {
        let (comm, q) = louvain(&graph(&[], 3));
        assert_eq!((comm, q), (vec![0, 1, 2], 0.0));
    }

    #[test]
    fn modularity_of_one_community_is_zero() {
        let adj = graph(&clique(&[0, 1, 2]), 3);
        assert!(modularity(&adj, &[0, 0, 0]).abs() < 1e-12);
    }
}

//! Centralities on index-based adjacency lists: weighted PageRank and
//! Brandes betweenness. Deterministic: nodes are visited in index order and
//! neighbours in ascending index order.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

/// Damping factor of [`page_rank`].
pub const DAMPING: f64 = 0.85;

/// Power iteration stops when the L1 change is below this...
pub const TOLERANCE: f64 = 1e-12;

/// ...or after this many iterations.
pub const MAX_ITERATIONS: usize = 1000;

/// Weighted PageRank by power iteration (damping [`DAMPING`], uniform
/// teleport, the rank of nodes without out-weight spread evenly over all
/// nodes). `out[i]` maps each successor of `i` to the weight of `i -> j`;
/// non-positive weights are ignored. The ranks sum to 1.
pub fn page_rank(out: &[BTreeMap<usize, f64>]) -> Vec<f64> {
    let n = out.len();
    if n == 0 {
        return Vec::new();
    }
    let uniform = 1.0 / n as f64;
    let totals: Vec<f64> = out
        .iter()
        .map(|succ| succ.values().filter(|w| **w > 0.0).sum())
        .collect();
    let mut rank = vec![uniform; n];
    for _ in 0..MAX_ITERATIONS {
        let dangling: f64 = (0..n).filter(|&i| totals[i] <= 0.0).map(|i| rank[i]).sum();
        let base = (1.0 - DAMPING) * uniform + DAMPING * dangling * uniform;
        let mut next = vec![base; n];
        for (i, succ) in out.iter().enumerate() {
            if totals[i] <= 0.0 {
                continue;
            }
            for (&j, &w) in succ {
                if w > 0.0 {
                    next[j] += DAMPING * rank[i] * w / totals[i];
                }
            }
        }
        let change: f64 = next.iter().zip(&rank).map(|(a, b)| (a - b).abs()).sum();
        rank = next;
        if change < TOLERANCE {
            break;
        }
    }
    rank
}

/// Betweenness centrality (Brandes 2001) of an undirected, unweighted graph
/// given as neighbour sets (`neighbours[i]` must not contain `i`): for each
/// node, the sum over unordered pairs `{s, t}` of other nodes of the share
/// of shortest `s`–`t` paths through it. Not normalized: the middle of a
/// three-node path scores 1.
pub fn betweenness(neighbours: &[BTreeSet<usize>]) -> Vec<f64> {
    let n = neighbours.len();
    let mut centrality = vec![0.0; n];
    let mut stack = Vec::with_capacity(n);
    let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut sigma = vec![0.0f64; n];
    let mut dist = vec![usize::MAX; n];
    let mut delta = vec![0.0f64; n];
    let mut queue = VecDeque::with_capacity(n);
    for s in 0..n {
        stack.clear();
        for i in 0..n {
            preds[i].clear();
            sigma[i] = 0.0;
            dist[i] = usize::MAX;
            delta[i] = 0.0;
        }
        sigma[s] = 1.0;
        dist[s] = 0;
        queue.push_back(s);
        while let Some(v) = queue.pop_front() {
            stack.push(v);
            for &w in &neighbours[v] {
                if dist[w] == usize::MAX {
                    dist[w] = dist[v] + 1;
                    queue.push_back(w);
                }
                if dist[w] == dist[v] + 1 {
                    sigma[w] += sigma[v];
                    preds[w].push(v);
                }
            }
        }
        while let Some(w) = stack.pop() {
            for &v in &preds[w] {
                delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
            }
            if w != s {
                centrality[w] += delta[w];
            }
        }
    }
    // every unordered pair was counted from both ends
    centrality.iter_mut().for_each(|c| *c /= 2.0);
    centrality
}

#[cfg(test)]
mod tests {
    use super::*;

    fn directed(edges: &[(usize, usize)], n: usize) -> Vec<BTreeMap<usize, f64>> {
        let mut out = vec![BTreeMap::new(); n];
        for &(a, b) in edges {
            *out[a].entry(b).or_insert(0.0) += 1.0;
        }
        out
    }

    fn undirected(edges: &[(usize, usize)], n: usize) -> Vec<BTreeSet<usize>> {
        let mut nb = vec![BTreeSet::new(); n];
        for &(a, b) in edges {
            nb[a].insert(b);
            nb[b].insert(a);
        }
        nb
    }

    #[test]
    fn page_rank_of_a_cycle_is_uniform() {
        let r = page_rank(&directed(&[(0, 1), (1, 2), (2, 0)], 3));
        for x in r {
            assert!((x - 1.0 / 3.0).abs() < 1e-9, "{x}");
        }
    }

    #[test]
    fn page_rank_of_a_star_favours_the_centre_and_sums_to_one() {
        let r = page_rank(&directed(&[(1, 0), (2, 0), (3, 0)], 4));
        assert!((r.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        assert!(r[0] > r[1] && (r[1] - r[2]).abs() < 1e-12);
        // known value: leaves get (1-d)/n + d*r0/n, centre (1-d)/n + d*(3 leaves + r0/n)
        let leaf = (1.0 - DAMPING) / 4.0 + DAMPING * r[0] / 4.0;
        assert!((r[1] - leaf).abs() < 1e-9);
    }

    #[test]
    fn page_rank_follows_weights() {
        let mut out = directed(&[(0, 1), (0, 2), (1, 0), (2, 0)], 3);
        out[0].insert(1, 9.0);
        let r = page_rank(&out);
        assert!(r[1] > r[2]);
    }

    #[test]
    fn betweenness_of_a_path() {
        let b = betweenness(&undirected(&[(0, 1), (1, 2)], 3));
        assert_eq!(b, vec![0.0, 1.0, 0.0]);
        let b = betweenness(&undirected(&[(0, 1), (1, 2), (2, 3), (3, 4)], 5));
        assert_eq!(b, vec![0.0, 3.0, 4.0, 3.0, 0.0]);
    }

    #[test]
    fn betweenness_splits_between_equal_paths() {
        // a square 0-1-2-3-0: each node is halfway on the one opposite pair
        let b = betweenness(&undirected(&[(0, 1), (1, 2), (2, 3), (3, 0)], 4));
        assert_eq!(b, vec![0.5; 4]);
    }
}

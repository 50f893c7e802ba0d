#!/usr/bin/env python3
"""Loads actorgraph's graph.graphml with the real readers (NetworkX and
python-igraph) and checks it against nodes.csv and edges.csv.

Usage: check_graphml.py GRAPHML NODES_CSV EDGES_CSV

Checks: node and edge counts; every node's label, kind, country, roles,
aliases and counts (ints) keyed by actor id; every edge's endpoints,
relation, label, category, polarity, direction, weight (a float) and counts
(ints), dates. GraphML text has the XML 1.0-forbidden control characters
stripped, so CSV values are compared after the same stripping.
Exit status 0 when everything matches, 1 with a list of differences
otherwise, 3 when a reader module is not importable.
"""

import csv
import re
import sys

try:
    import igraph
    import networkx as nx
except ImportError as e:  # reported as a skip by tests/interop.rs
    print(f"missing module: {e.name}", file=sys.stderr)
    sys.exit(3)

FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

NODE_TEXT = ["Label", "kind", "country", "roles", "aliases"]
NODE_INTS = ["mentions", "documents"]
EDGE_TEXT = ["Label", "category", "polarity", "first_date", "last_date"]
EDGE_INTS = ["negated", "documents"]

errors = []


def fail(msg):
    errors.append(msg)


def xml_text(s):
    return FORBIDDEN.sub("", s)


def attr(name):
    """GraphML attribute name of a CSV column (Label -> label)."""
    return "label" if name == "Label" else name


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def check_node(reader, actor, row, data):
    for col in NODE_TEXT:
        got = data.get(attr(col))
        got = "" if got is None else got
        if got != xml_text(row[col]):
            fail(f"{reader}: node {actor} {col}: {got!r} != {xml_text(row[col])!r}")
    for col in NODE_INTS:
        check_int(reader, f"node {actor}", col, data.get(col), row[col])


def check_int(reader, what, col, got, expected):
    # igraph has one numeric type (float); NetworkX keeps GraphML's int
    ok_type = isinstance(got, int) if reader == "networkx" else isinstance(got, (int, float))
    if isinstance(got, bool) or not ok_type or got != int(expected):
        fail(f"{reader}: {what} {col}: {got!r} ({type(got).__name__}) != int {expected}")


def check_edge(reader, key, row, data):
    for col in EDGE_TEXT:
        got = data.get(attr(col))
        got = "" if got is None else got
        if got != xml_text(row[col]):
            fail(f"{reader}: edge {key} {col}: {got!r} != {row[col]!r}")
    weight = data.get("weight")
    if not isinstance(weight, float) or weight != float(row["Weight"]):
        fail(f"{reader}: edge {key} weight: {weight!r} ({type(weight).__name__}) != float {row['Weight']}")
    for col in EDGE_INTS:
        check_int(reader, f"edge {key}", col, data.get(col), row[col])
    directed = data.get("directed")
    if not isinstance(directed, bool) or directed != (row["Type"] == "Directed"):
        fail(f"{reader}: edge {key} directed: {directed!r} but Type is {row['Type']}")


def check_networkx(path, nodes, edges):
    g = nx.read_graphml(path)
    if not g.is_directed():
        fail("networkx: graph is not directed")
    if g.number_of_nodes() != len(nodes):
        fail(f"networkx: {g.number_of_nodes()} nodes, nodes.csv has {len(nodes)}")
    if g.number_of_edges() != len(edges):
        fail(f"networkx: {g.number_of_edges()} edges, edges.csv has {len(edges)}")
    actor = {n: d.get("actor_id") for n, d in g.nodes(data=True)}
    for n, d in g.nodes(data=True):
        row = nodes.get(actor[n])
        if row is None:
            fail(f"networkx: node {n} has unknown actor_id {actor[n]!r}")
        else:
            check_node("networkx", actor[n], row, d)
    multi = g.is_multigraph()
    seen = set()
    for e in g.edges(data=True, keys=True) if multi else g.edges(data=True):
        u, v, d = e[0], e[1], e[-1]
        key = (actor[u], actor[v], d.get("relation"))
        seen.add(key)
        row = edges.get(key)
        if row is None:
            fail(f"networkx: edge {key} is not in edges.csv")
        else:
            check_edge("networkx", key, row, d)
    if seen != set(edges):
        fail(f"networkx: edges missing: {sorted(set(edges) - seen)}")


def check_igraph(path, nodes, edges):
    g = igraph.Graph.Read_GraphML(path)
    if not g.is_directed():
        fail("igraph: graph is not directed")
    if g.vcount() != len(nodes):
        fail(f"igraph: {g.vcount()} nodes, nodes.csv has {len(nodes)}")
    if g.ecount() != len(edges):
        fail(f"igraph: {g.ecount()} edges, edges.csv has {len(edges)}")
    if "id" not in g.vs.attributes() or not all(i.startswith("n") for i in g.vs["id"]):
        fail(f"igraph: node ids lost: {g.vs.attributes()}")
    for v in g.vs:
        a = v["actor_id"]
        row = nodes.get(a)
        if row is None:
            fail(f"igraph: node {v.index} has unknown actor_id {a!r}")
        else:
            check_node("igraph", a, row, v.attributes())
    seen = set()
    for e in g.es:
        d = e.attributes()
        key = (g.vs[e.source]["actor_id"], g.vs[e.target]["actor_id"], d.get("relation"))
        seen.add(key)
        row = edges.get(key)
        if row is None:
            fail(f"igraph: edge {key} is not in edges.csv")
        else:
            check_edge("igraph", key, row, d)
    if seen != set(edges):
        fail(f"igraph: edges missing: {sorted(set(edges) - seen)}")


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    path, nodes_csv, edges_csv = sys.argv[1:]
    node_rows = read_csv(nodes_csv)
    edge_rows = read_csv(edges_csv)
    nodes = {r["Id"]: r for r in node_rows}
    edges = {(r["Source"], r["Target"], r["relation"]): r for r in edge_rows}
    if len(nodes) != len(node_rows) or len(edges) != len(edge_rows):
        fail("duplicate keys in nodes.csv or edges.csv")
    check_networkx(path, nodes, edges)
    check_igraph(path, nodes, edges)
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    print(
        f"ok: networkx {nx.__version__} and igraph {igraph.__version__} read "
        f"{len(nodes)} nodes and {len(edges)} edges"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

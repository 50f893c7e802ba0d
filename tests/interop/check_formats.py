#!/usr/bin/env python3
"""Loads actorgraph's GEXF and node-link JSON exports with NetworkX and checks
them against nodes.csv and edges.csv.

Usage: check_formats.py GEXF_DIRECTED GEXF_MIXED JSON NODES_CSV EDGES_CSV

- GEXF_DIRECTED (written with `edge_types: false`) is read with
  `nx.read_gexf`: GEXF 1.3 needs networkx >= 3.6. Checks node and edge
  counts, every node's label and typed attributes keyed by actor id, every
  edge's weight (float), label, relation, category, polarity, direction
  (bool), counts (int), dates and its spell (first, last date).
- GEXF_MIXED (the default export, `type="undirected"` on symmetric edges) is
  a mixed graph, which NetworkX's reader refuses by design: the check only
  confirms that it raises its documented error (a future NetworkX that reads
  it is reported, not failed).
- JSON is read with `nx.node_link_graph(data, edges="links")`: same checks,
  values exact (JSON keeps every character), `roles`/`aliases` as lists.

Exit status 0 when everything matches, 1 with a list of differences
otherwise, 3 when NetworkX is missing or too old.
"""

import csv
import json
import re
import sys

try:
    import networkx as nx
except ImportError as e:  # reported as a skip by tests/interop.rs
    print(f"missing module: {e.name}", file=sys.stderr)
    sys.exit(3)

version = tuple(int(x) for x in re.findall(r"\d+", nx.__version__)[:2])
if version < (3, 6):
    print(f"networkx {nx.__version__} is older than 3.6 (no GEXF 1.3)", file=sys.stderr)
    sys.exit(3)

FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

errors = []


def fail(msg):
    errors.append(msg)


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def same(what, got, expected):
    if got != expected or type(got) is not type(expected):
        fail(f"{what}: {got!r} ({type(got).__name__}) != {expected!r} ({type(expected).__name__})")


def split(value):
    return value.split("|") if value else []


def check_gexf(path, nodes, edges):
    g = nx.read_gexf(path, version="1.3")
    what = "networkx gexf"
    if not g.is_directed():
        fail(f"{what}: graph is not directed")
    if g.graph.get("mode") != "dynamic":
        fail(f"{what}: mode is {g.graph.get('mode')!r}, expected dynamic (the fixture has dates)")
    same(f"{what}: nodes", g.number_of_nodes(), len(nodes))
    same(f"{what}: edges", g.number_of_edges(), len(edges))
    for n, d in g.nodes(data=True):
        row = nodes.get(n)
        if row is None:
            fail(f"{what}: unknown node {n!r}")
            continue
        x = lambda c: FORBIDDEN.sub("", row[c])  # noqa: E731
        for attr, col in [("label", "Label"), ("kind", "kind"), ("country", "country"),
                          ("roles", "roles"), ("aliases", "aliases")]:
            same(f"{what}: node {n} {attr}", d.get(attr), x(col))
        for col in ["mentions", "documents"]:
            same(f"{what}: node {n} {col}", d.get(col), int(row[col]))
    seen = set()
    for u, v, k, d in g.edges(keys=True, data=True):
        key = (u, v, d.get("relation"))
        seen.add(key)
        row = edges.get(key)
        if row is None:
            fail(f"{what}: edge {key} is not in edges.csv")
            continue
        same(f"{what}: edge {key} weight", d.get("weight"), float(row["Weight"]))
        for attr, col in [("label", "Label"), ("category", "category"), ("polarity", "polarity"),
                          ("first_date", "first_date"), ("last_date", "last_date")]:
            same(f"{what}: edge {key} {attr}", d.get(attr), FORBIDDEN.sub("", row[col]))
        for col in ["negated", "documents"]:
            same(f"{what}: edge {key} {col}", d.get(col), int(row[col]))
        same(f"{what}: edge {key} directed", d.get("directed"), row["Type"] == "Directed")
        first, last = row["first_date"], row["last_date"]
        spells = [(first or last, last or first)] if (first or last) else None
        same(f"{what}: edge {key} spells", d.get("spells"), spells)
    if seen != set(edges):
        fail(f"{what}: edges missing: {sorted(set(edges) - seen)}")


def check_gexf_mixed(path):
    try:
        nx.read_gexf(path, version="1.3")
    except nx.NetworkXError as e:
        if "Undirected edge found in directed graph" not in str(e):
            fail(f"networkx mixed gexf: unexpected error {e}")
        return "refused as documented (mixed graph)"
    return "read (this NetworkX reads mixed graphs now)"


def check_json(path, nodes, edges):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    g = nx.node_link_graph(data, edges="links")
    what = "networkx json"
    if not (g.is_directed() and g.is_multigraph()):
        fail(f"{what}: not a directed multigraph")
    same(f"{what}: nodes", g.number_of_nodes(), len(nodes))
    same(f"{what}: edges", g.number_of_edges(), len(edges))
    for n, d in g.nodes(data=True):
        row = nodes.get(n)
        if row is None:
            fail(f"{what}: unknown node {n!r}")
            continue
        same(f"{what}: node {n} label", d.get("label"), row["Label"])
        same(f"{what}: node {n} kind", d.get("kind"), row["kind"])
        same(f"{what}: node {n} country", d.get("country"), row["country"] or None)
        same(f"{what}: node {n} roles", d.get("roles"), split(row["roles"]))
        same(f"{what}: node {n} aliases", d.get("aliases"), split(row["aliases"]))
        for col in ["mentions", "documents"]:
            same(f"{what}: node {n} {col}", d.get(col), int(row[col]))
    seen = set()
    for u, v, k, d in g.edges(keys=True, data=True):
        key = (u, v, d.get("relation"))
        seen.add(key)
        row = edges.get(key)
        if row is None:
            fail(f"{what}: edge {key} is not in edges.csv")
            continue
        same(f"{what}: edge {key} key", k, row["relation"])
        same(f"{what}: edge {key} weight", d.get("weight"), int(row["Weight"]))
        for attr, col in [("label", "Label"), ("category", "category"), ("polarity", "polarity")]:
            same(f"{what}: edge {key} {attr}", d.get(attr), row[col])
        for attr in ["first_date", "last_date"]:
            same(f"{what}: edge {key} {attr}", d.get(attr), row[attr] or None)
        for col in ["negated", "documents"]:
            same(f"{what}: edge {key} {col}", d.get(col), int(row[col]))
        same(f"{what}: edge {key} directed", d.get("directed"), row["Type"] == "Directed")
    if seen != set(edges):
        fail(f"{what}: edges missing: {sorted(set(edges) - seen)}")


def main():
    if len(sys.argv) != 6:
        print(__doc__, file=sys.stderr)
        return 2
    gexf_directed, gexf_mixed, json_path, nodes_csv, edges_csv = sys.argv[1:]
    nodes = {r["Id"]: r for r in read_csv(nodes_csv)}
    edges = {(r["Source"], r["Target"], r["relation"]): r for r in read_csv(edges_csv)}
    check_gexf(gexf_directed, nodes, edges)
    mixed = check_gexf_mixed(gexf_mixed)
    check_json(json_path, nodes, edges)
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    print(
        f"ok: networkx {nx.__version__} read {len(nodes)} nodes and {len(edges)} edges "
        f"from the GEXF and the JSON; mixed GEXF {mixed}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

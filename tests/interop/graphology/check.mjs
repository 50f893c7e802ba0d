// Reads actorgraph's graph.gexf and graph.graphml with graphology
// (graphology-gexf, graphology-graphml) and checks what it got.
//
// Usage: node check.mjs GEXF GRAPHML NODES EDGES UNDIRECTED LABELS_JSON
//   NODES, EDGES: expected counts; UNDIRECTED: expected number of symmetric
//   edges; LABELS_JSON: a JSON object {actor id: label with the XML-forbidden
//   characters stripped}.
// Checks, for the GEXF: node and edge counts, a multi graph, mixed when
// UNDIRECTED > 0 with that many undirected edges, every edge with a `kind`
// equal to its `relation`, every node's label, typed attributes (numbers for
// mentions/documents, a boolean `directed`). For the GraphML: counts, a
// directed multi graph, every node's label through its `actor_id`.
// Exit status 0 when everything matches, 1 on a difference, 3 when
// graphology is not installed (run `npm ci` in this folder).

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let Graph, gexf, graphml;
try {
  Graph = require('graphology');
  gexf = require('graphology-gexf');
  graphml = require('graphology-graphml');
} catch (e) {
  console.error(`missing module: ${e.message.split('\n')[0]}`);
  process.exit(3);
}

const [gexfPath, graphmlPath, nodes, edges, undirected, labelsJson] = process.argv.slice(2);
const expected = { nodes: +nodes, edges: +edges, undirected: +undirected };
const labels = JSON.parse(labelsJson);
const errors = [];
const check = (what, got, want) => {
  if (got !== want) errors.push(`${what}: ${JSON.stringify(got)} !== ${JSON.stringify(want)}`);
};

const g = gexf.parse(Graph, readFileSync(gexfPath, 'utf8'));
check('gexf order', g.order, expected.nodes);
check('gexf size', g.size, expected.edges);
check('gexf multi', g.multi, true);
check('gexf type', g.type, expected.undirected > 0 ? 'mixed' : 'directed');
check('gexf undirected size', g.undirectedSize, expected.undirected);
g.forEachNode((id, a) => {
  check(`gexf node ${id} label`, a.label, labels[id]);
  check(`gexf node ${id} mentions type`, typeof a.mentions, 'number');
  check(`gexf node ${id} kind`, typeof a.kind, 'string');
});
g.forEachEdge((e, a, s, t, sa, ta, isUndirected) => {
  check(`gexf edge ${e} kind`, a.kind, a.relation);
  check(`gexf edge ${e} directed`, a.directed, !isUndirected);
  check(`gexf edge ${e} weight type`, typeof a.weight, 'number');
});

const h = graphml.parse(Graph, readFileSync(graphmlPath, 'utf8'));
check('graphml order', h.order, expected.nodes);
check('graphml size', h.size, expected.edges);
check('graphml multi', h.multi, true);
check('graphml type', h.type, 'directed');
h.forEachNode((id, a) => check(`graphml node ${id} label`, a.label, labels[a.actor_id]));

if (errors.length) {
  console.error(errors.join('\n'));
  process.exit(1);
}
const version = JSON.parse(
  readFileSync(new URL('./node_modules/graphology/package.json', import.meta.url), 'utf8'),
).version;
console.log(
  `ok: graphology ${version} read ${g.order} nodes and ${g.size} edges (${g.undirectedSize} undirected) ` +
    `from the GEXF and ${h.order} nodes and ${h.size} edges from the GraphML`,
);

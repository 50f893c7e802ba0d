#!/usr/bin/env bash
# Runs scripts/spark/actorgraph_spark.py in Spark local mode (local[2]) on a
# generated corpus and checks that the merged output is byte-identical to one
# `actorgraph build` over the same corpus.
#
# Needs pyspark (pip install pyspark) and Java 17. Binaries: $ACTORGRAPH_BIN
# and $GEN_CORPUS_BIN, default the release builds in target/.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin="${ACTORGRAPH_BIN:-$root/target/release/actorgraph}"
gen="${GEN_CORPUS_BIN:-$root/target/release/gen-corpus}"
python="${PYTHON:-python3}"
docs="${DOCS:-400}"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# A generated corpus; every seventh record loses its id, to check that the
# job gives it the same FILE:LINE id as a single build.
"$gen" --docs "$docs" --seed 2 | "$python" -c '
import json, sys
for i, line in enumerate(sys.stdin):
    rec = json.loads(line)
    if i % 7 == 3:
        del rec["id"]
    print(json.dumps(rec, ensure_ascii=False))
' > "$tmp/corpus.jsonl"

"$bin" build "$tmp/corpus.jsonl" -o "$tmp/single" --quiet

export PYSPARK_PYTHON="$python" SPARK_LOCAL_IP=127.0.0.1
# The spark-submit of the pyspark that $python imports (not whichever is first on PATH).
submit="$("$python" -c 'import os, pyspark; print(os.path.join(os.path.dirname(pyspark.__file__), "bin", "spark-submit"))')"
if [ -x "$submit" ]; then
    "$submit" --master 'local[2]' --conf spark.ui.enabled=false --conf spark.log.level=WARN \
        "$here/actorgraph_spark.py" "$tmp/corpus.jsonl" "$tmp/spark" \
        --binary "$bin" --partitions 4 --work "$tmp/work"
else
    "$python" "$here/actorgraph_spark.py" "$tmp/corpus.jsonl" "$tmp/spark" \
        --master 'local[2]' --binary "$bin" --partitions 4 --work "$tmp/work"
fi

parts=$(find "$tmp/work" -mindepth 1 -maxdepth 1 -type d | wc -l)
if [ "$parts" -lt 2 ]; then
    echo "test_spark: expected several partitions, got $parts" >&2
    exit 1
fi
for f in nodes.csv edges.csv graph.dot graph.graphml mentions.csv relations.csv graph.state.jsonl; do
    if ! cmp -s "$tmp/single/$f" "$tmp/spark/$f"; then
        echo "test_spark: $f differs between one build and the Spark job" >&2
        diff "$tmp/single/$f" "$tmp/spark/$f" | head -20 >&2 || true
        exit 1
    fi
done
echo "test_spark: $parts partitions merged by Spark equal one build ($(($(wc -l < "$tmp/single/nodes.csv") - 1)) nodes, $(($(wc -l < "$tmp/single/edges.csv") - 1)) edges)"

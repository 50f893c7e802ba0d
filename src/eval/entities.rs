//! Entity evaluation on UNER-style IOB2 files.
//!
//! Gold: every sentence's `# text =` line plus its IOB2 tokens; tokens are
//! aligned to byte offsets in the text by sequential search, and B/I runs
//! become byte spans labelled `PER`, `ORG` or `LOC`.
//!
//! Predicted: either actorgraph's own name mentions (`person` -> PER,
//! `organization`/`group` -> ORG, `country`/`location` -> LOC), or an external
//! JSONL file (`{"sent_id": .., "spans": [{"start": .., "end": .., "label": "PER"}]}`,
//! byte offsets into the `# text`), so other systems are scored by exactly the
//! same code.
//!
//! Scoring is exact span + label match, per type and micro-averaged over
//! PER/ORG/LOC. An extra `COUNTRY` row scores country names only: gold = LOC
//! spans whose text is a country label or alias of the lexicon; predicted =
//! actorgraph name mentions of kind `country` whose text is such a name (a
//! capital standing for its government, `Moscow said`, is of kind `country`
//! but is no country name); for external predictions: spans labelled
//! `COUNTRY`, or LOC spans whose text is a country name.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::eval::score::{fmt3, markdown_table, Counts};
use crate::lexicon::Lexicon;
use crate::model::{ActorKind, DocAnalysis, Document, MentionForm, Span};
use crate::pipeline;

/// An entity type of the evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum EntityLabel {
    /// Persons.
    #[serde(rename = "PER")]
    Per,
    /// Organizations and groups.
    #[serde(rename = "ORG")]
    Org,
    /// Countries and other locations.
    #[serde(rename = "LOC")]
    Loc,
}

impl EntityLabel {
    /// The three labels in table order.
    pub const ALL: [EntityLabel; 3] = [EntityLabel::Per, EntityLabel::Org, EntityLabel::Loc];

    /// `PER`, `ORG` or `LOC`.
    pub const fn name(self) -> &'static str {
        match self {
            EntityLabel::Per => "PER",
            EntityLabel::Org => "ORG",
            EntityLabel::Loc => "LOC",
        }
    }

    /// Parses `PER`, `ORG`, `LOC` (also spaCy's `PERSON`, `GPE`, `FAC`; case-insensitive).
    pub fn parse(label: &str) -> Option<Self> {
        match label.to_ascii_uppercase().as_str() {
            "PER" | "PERSON" => Some(EntityLabel::Per),
            "ORG" | "ORGANIZATION" => Some(EntityLabel::Org),
            "LOC" | "GPE" | "FAC" | "LOCATION" => Some(EntityLabel::Loc),
            _ => None,
        }
    }

    /// The evaluation label of an actor kind.
    pub const fn of_kind(kind: ActorKind) -> Self {
        match kind {
            ActorKind::Person => EntityLabel::Per,
            ActorKind::Organization | ActorKind::Group => EntityLabel::Org,
            ActorKind::Country | ActorKind::Location => EntityLabel::Loc,
        }
    }
}

/// One token of an IOB2 sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IobToken {
    /// Surface form.
    pub form: String,
    /// IOB2 tag (`O`, `B-PER`, `I-LOC`, ...).
    pub tag: String,
}

/// One sentence of an IOB2 file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IobSentence {
    /// `# sent_id =` value (or `sent-N` when absent).
    pub sent_id: String,
    /// `# text =` value (or the tokens joined by spaces when absent).
    pub text: String,
    /// Tokens in order.
    pub tokens: Vec<IobToken>,
}

/// A labelled byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct LabeledSpan {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Entity type.
    pub label: EntityLabel,
}

/// Parses an IOB2 file in the UNER/CoNLL-U-like layout: `#` comment lines
/// (`# sent_id = ..`, `# text = ..`), then one tab-separated token per line
/// (`index form tag ...`), sentences separated by blank lines. Lines that have
/// fewer than three columns are ignored.
pub fn parse_iob2(input: &str) -> Vec<IobSentence> {
    let mut out = Vec::new();
    let mut cur = IobSentence::default();
    let mut has_text = false;
    let flush = |cur: &mut IobSentence, has_text: &mut bool, out: &mut Vec<IobSentence>| {
        if !cur.tokens.is_empty() {
            let mut s = std::mem::take(cur);
            if !*has_text {
                s.text = s
                    .tokens
                    .iter()
                    .map(|t| t.form.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
            }
            if s.sent_id.is_empty() {
                s.sent_id = format!("sent-{}", out.len() + 1);
            }
            out.push(s);
        }
        *cur = IobSentence::default();
        *has_text = false;
    };
    for line in input.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            flush(&mut cur, &mut has_text, &mut out);
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            let comment = comment.trim_start();
            if let Some(v) = comment.strip_prefix("sent_id =") {
                cur.sent_id = v.trim().to_string();
            } else if let Some(v) = comment.strip_prefix("text =") {
                cur.text = v.strip_prefix(' ').unwrap_or(v).to_string();
                has_text = true;
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 {
            continue;
        }
        cur.tokens.push(IobToken {
            form: cols[1].to_string(),
            tag: cols[2].trim().to_string(),
        });
    }
    flush(&mut cur, &mut has_text, &mut out);
    out
}

/// Aligns tokens to byte spans of `text` by sequential search: each token is
/// looked for from the end of the previous aligned token. A token that cannot
/// be found gets `None` and does not move the cursor.
pub fn align_tokens(text: &str, tokens: &[IobToken]) -> Vec<Option<Span>> {
    let mut cursor = 0;
    tokens
        .iter()
        .map(|t| {
            if t.form.is_empty() {
                return None;
            }
            let rest = text.get(cursor..)?;
            let pos = rest.find(t.form.as_str())?;
            let start = cursor + pos;
            let end = start + t.form.len();
            cursor = end;
            Some(Span::new(start, end))
        })
        .collect()
}

/// Gold spans of a sentence: B/I runs of the same type (an `I-` after `O` or
/// after another type starts a new span). Entities with an unaligned token or
/// an unknown type are skipped; the second value counts those skipped.
pub fn gold_spans(sentence: &IobSentence) -> (Vec<LabeledSpan>, usize) {
    let aligned = align_tokens(&sentence.text, &sentence.tokens);
    // (label, first token, last token)
    let mut runs: Vec<(String, usize, usize)> = Vec::new();
    let mut open = false;
    for (i, tok) in sentence.tokens.iter().enumerate() {
        let (prefix, label) = match tok.tag.split_once('-') {
            Some((p, l)) => (p, l),
            None => {
                open = false;
                continue;
            }
        };
        match (prefix, runs.last_mut()) {
            ("I", Some(last)) if open && last.0 == label => last.2 = i,
            ("B" | "I", _) => {
                runs.push((label.to_string(), i, i));
                open = true;
            }
            _ => open = false,
        }
    }
    let mut spans = Vec::new();
    let mut skipped = 0;
    for (label, first, last) in runs {
        let (Some(label), Some(Some(a)), Some(Some(b))) =
            (EntityLabel::parse(&label), aligned.get(first), aligned.get(last))
        else {
            skipped += 1;
            continue;
        };
        spans.push(LabeledSpan {
            start: a.start,
            end: b.end,
            label,
        });
    }
    (spans, skipped)
}

/// actorgraph's predictions for one sentence: the name mentions, labelled by
/// kind. The second list holds the spans of name mentions of kind `country`.
pub fn predicted_spans(analysis: &DocAnalysis) -> (Vec<LabeledSpan>, Vec<Span>) {
    let mut spans: Vec<LabeledSpan> = Vec::new();
    let mut countries: Vec<Span> = Vec::new();
    for m in analysis.mentions.iter().filter(|m| m.form == MentionForm::Name) {
        spans.push(LabeledSpan {
            start: m.span.start,
            end: m.span.end,
            label: EntityLabel::of_kind(m.kind),
        });
        if m.kind == ActorKind::Country {
            countries.push(m.span);
        }
    }
    spans.sort();
    spans.dedup();
    countries.sort();
    countries.dedup();
    (spans, countries)
}

/// Predictions for one sentence from an external system.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ExternalSentence {
    /// Spans labelled PER, ORG or LOC.
    pub spans: Vec<LabeledSpan>,
    /// Spans explicitly labelled `COUNTRY` (also counted as LOC).
    pub countries: Vec<Span>,
}

/// Parses external predictions: one JSON object per line,
/// `{"sent_id": "..", "spans": [{"start": 0, "end": 6, "label": "PER"}]}`.
/// Labels other than PER/ORG/LOC/COUNTRY (and their spaCy synonyms) are
/// ignored. Errors name the 1-based line.
pub fn parse_external_predictions(jsonl: &str) -> Result<HashMap<String, ExternalSentence>, String> {
    #[derive(Deserialize)]
    struct RawSpan {
        start: usize,
        end: usize,
        label: String,
    }
    #[derive(Deserialize)]
    struct RawLine {
        sent_id: String,
        #[serde(default)]
        spans: Vec<RawSpan>,
    }
    let mut out: HashMap<String, ExternalSentence> = HashMap::new();
    for (n, line) in jsonl.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let raw: RawLine = serde_json::from_str(line).map_err(|e| format!("line {}: {e}", n + 1))?;
        let entry = out.entry(raw.sent_id).or_default();
        for s in raw.spans {
            if s.label.eq_ignore_ascii_case("COUNTRY") {
                entry.countries.push(Span::new(s.start, s.end));
                entry.spans.push(LabeledSpan {
                    start: s.start,
                    end: s.end,
                    label: EntityLabel::Loc,
                });
            } else if let Some(label) = EntityLabel::parse(&s.label) {
                entry.spans.push(LabeledSpan {
                    start: s.start,
                    end: s.end,
                    label,
                });
            }
        }
    }
    Ok(out)
}

/// Country names (labels and aliases), compared case-insensitively.
#[derive(Debug, Clone, Default)]
pub struct CountryNames {
    names: HashSet<String>,
}

impl CountryNames {
    /// Reads the `country` rows of a lexicon `actors.tsv`
    /// (`id kind label country roles aliases`, `#` comments, header line):
    /// their labels and `|`-separated aliases. Malformed rows are skipped.
    pub fn from_actors_tsv(tsv: &str) -> Self {
        let mut names = HashSet::new();
        let mut header_seen = false;
        for line in tsv.lines() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            if !header_seen {
                header_seen = true;
                if line.starts_with("id\t") {
                    continue;
                }
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 3 || cols[1] != "country" {
                continue;
            }
            names.insert(normalize_name(cols[2]));
            if let Some(aliases) = cols.get(5) {
                for a in aliases.split('|').filter(|a| !a.trim().is_empty()) {
                    names.insert(normalize_name(a));
                }
            }
        }
        names.remove("");
        Self { names }
    }

    /// True when `text` is a known country name.
    pub fn contains(&self, text: &str) -> bool {
        self.names.contains(&normalize_name(text))
    }

    /// True when no name is known (the lexicon file was missing).
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// Number of names.
    pub fn len(&self) -> usize {
        self.names.len()
    }
}

/// Lowercases and collapses whitespace.
fn normalize_name(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Where predictions come from.
pub enum EntitySource<'a> {
    /// Run actorgraph's pipeline on each sentence with this lexicon.
    Actorgraph(&'a Lexicon),
    /// Predictions read from a JSONL file (keyed by `sent_id`).
    External(&'a HashMap<String, ExternalSentence>),
}

/// The result of an entity evaluation.
#[derive(Debug, Clone, Default, Serialize)]
pub struct EntityReport {
    /// Which system was scored.
    pub system: String,
    /// Sentences scored.
    pub sentences: usize,
    /// Gold entities skipped because a token could not be aligned or the type is unknown.
    pub skipped_gold: usize,
    /// Sentences absent from the external predictions (scored as predicting nothing).
    pub missing_sentences: usize,
    /// Counts per type (PER, ORG, LOC).
    pub by_type: BTreeMap<String, Counts>,
    /// Country-name counts, `None` when no country list was available.
    pub country: Option<Counts>,
    /// Micro-average over PER, ORG and LOC.
    pub overall: Counts,
}

impl EntityReport {
    /// Markdown table: one row per type, COUNTRY, and the micro average.
    pub fn markdown(&self) -> String {
        let row = |name: &str, c: &Counts| {
            vec![
                name.to_string(),
                c.gold().to_string(),
                c.predicted().to_string(),
                c.tp.to_string(),
                fmt3(c.precision()),
                fmt3(c.recall()),
                fmt3(c.f1()),
            ]
        };
        let mut rows = Vec::new();
        for label in EntityLabel::ALL {
            let c = self.by_type.get(label.name()).copied().unwrap_or_default();
            rows.push(row(label.name(), &c));
        }
        match &self.country {
            Some(c) => rows.push(row("COUNTRY", c)),
            None => rows.push(vec![
                "COUNTRY".into(),
                "n/a (no data/lexicon/actors.tsv)".into(),
                "".into(),
                "".into(),
                "".into(),
                "".into(),
                "".into(),
            ]),
        }
        rows.push(row("micro (PER+ORG+LOC)", &self.overall));
        let mut out = format!(
            "Entities: {} ({} sentences, {} gold entities skipped by alignment, {} sentences without predictions)\n\n",
            self.system, self.sentences, self.skipped_gold, self.missing_sentences
        );
        out.push_str(&markdown_table(
            &["type", "gold", "pred", "tp", "P", "R", "F1"],
            &rows,
        ));
        out
    }
}

/// Scores one sentence's predictions against its gold spans (exact span and label).
pub fn score_spans(gold: &[LabeledSpan], predicted: &[LabeledSpan]) -> BTreeMap<EntityLabel, Counts> {
    let gold_set: HashSet<&LabeledSpan> = gold.iter().collect();
    let pred_set: HashSet<&LabeledSpan> = predicted.iter().collect();
    let mut out: BTreeMap<EntityLabel, Counts> = BTreeMap::new();
    for p in &pred_set {
        let c = out.entry(p.label).or_default();
        if gold_set.contains(p) {
            c.tp += 1;
        } else {
            c.fp += 1;
        }
    }
    for g in &gold_set {
        if !pred_set.contains(g) {
            out.entry(g.label).or_default().fn_ += 1;
        }
    }
    out
}

/// Scores span sets without labels (used for the COUNTRY row).
pub fn score_unlabeled(gold: &[Span], predicted: &[Span]) -> Counts {
    let gold_set: HashSet<&Span> = gold.iter().collect();
    let pred_set: HashSet<&Span> = predicted.iter().collect();
    let tp = pred_set.iter().filter(|p| gold_set.contains(*p)).count();
    Counts {
        tp,
        fp: pred_set.len() - tp,
        fn_: gold_set.len() - tp,
    }
}

/// Evaluates `source` on the sentences. `countries` decides the COUNTRY row
/// (skipped when empty).
pub fn evaluate_entities(
    sentences: &[IobSentence],
    source: &EntitySource<'_>,
    countries: &CountryNames,
    system: &str,
) -> EntityReport {
    let mut report = EntityReport {
        system: system.to_string(),
        ..Default::default()
    };
    let mut country_counts = Counts::default();
    for sentence in sentences {
        report.sentences += 1;
        let (gold, skipped) = gold_spans(sentence);
        report.skipped_gold += skipped;
        let (pred, pred_countries) = match source {
            EntitySource::Actorgraph(lexicon) => {
                let doc = Document {
                    id: sentence.sent_id.clone(),
                    text: sentence.text.clone(),
                    ..Default::default()
                };
                let (spans, mut names) = predicted_spans(&pipeline::analyze(doc, lexicon));
                // The row scores country names, as for external systems: a capital standing
                // for its government ("Moscow said") is a country mention but not a country
                // name, and the gold side keeps only country names.
                names.retain(|s| countries.is_empty() || countries.contains(s.slice(&sentence.text)));
                (spans, names)
            }
            EntitySource::External(map) => match map.get(&sentence.sent_id) {
                Some(ext) => {
                    let mut c = ext.countries.clone();
                    c.extend(
                        ext.spans
                            .iter()
                            .filter(|s| s.label == EntityLabel::Loc)
                            .map(|s| Span::new(s.start, s.end))
                            .filter(|s| countries.contains(s.slice(&sentence.text))),
                    );
                    c.sort();
                    c.dedup();
                    (ext.spans.clone(), c)
                }
                None => {
                    report.missing_sentences += 1;
                    (Vec::new(), Vec::new())
                }
            },
        };
        for (label, c) in score_spans(&gold, &pred) {
            report.by_type.entry(label.name().to_string()).or_default().add(c);
            report.overall.add(c);
        }
        let gold_countries: Vec<Span> = gold
            .iter()
            .filter(|g| g.label == EntityLabel::Loc)
            .map(|g| Span::new(g.start, g.end))
            .filter(|s| countries.contains(s.slice(&sentence.text)))
            .collect();
        country_counts.add(score_unlabeled(&gold_countries, &pred_countries));
    }
    if !countries.is_empty() {
        report.country = Some(country_counts);
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# sent_id = s1\n\
# text = Angela Merkel visited Paris.\n\
1\tAngela\tB-PER\t-\t-\n\
2\tMerkel\tI-PER\t-\t-\n\
3\tvisited\tO\t-\t-\n\
4\tParis\tB-LOC\t-\t-\n\
5\t.\tO\t-\t-\n\
\n\
# sent_id = s2\n\
# text = The United Nations praised Canada's plan.\n\
1\tThe\tO\t-\t-\n\
2\tUnited\tB-ORG\t-\t-\n\
3\tNations\tI-ORG\t-\t-\n\
4\tpraised\tO\t-\t-\n\
5\tCanada\tB-LOC\t-\t-\n\
6\t's\tO\t-\t-\n\
7\tplan\tO\t-\t-\n\
8\t.\tO\t-\t-\n";

    #[test]
    fn parses_two_sentences() {
        let s = parse_iob2(SAMPLE);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].sent_id, "s1");
        assert_eq!(s[0].text, "Angela Merkel visited Paris.");
        assert_eq!(s[0].tokens.len(), 5);
        assert_eq!(s[1].tokens[2].tag, "I-ORG");
    }

    #[test]
    fn aligns_tokens_and_builds_byte_spans() {
        let s = parse_iob2(SAMPLE);
        let al = align_tokens(&s[1].text, &s[1].tokens);
        assert_eq!(al[4], Some(Span::new(27, 33))); // Canada
        assert_eq!(al[5], Some(Span::new(33, 35))); // 's
        let (gold, skipped) = gold_spans(&s[0]);
        assert_eq!(skipped, 0);
        assert_eq!(
            gold,
            vec![
                LabeledSpan {
                    start: 0,
                    end: 13,
                    label: EntityLabel::Per
                },
                LabeledSpan {
                    start: 22,
                    end: 27,
                    label: EntityLabel::Loc
                },
            ]
        );
        assert_eq!(Span::new(0, 13).slice(&s[0].text), "Angela Merkel");
    }

    #[test]
    fn unalignable_tokens_are_skipped_and_non_ascii_offsets_are_bytes() {
        let s = IobSentence {
            sent_id: "x".into(),
            text: "Zoë met Putin".into(),
            tokens: vec![
                IobToken {
                    form: "Zoë".into(),
                    tag: "B-PER".into(),
                },
                IobToken {
                    form: "greeted".into(),
                    tag: "O".into(),
                },
                IobToken {
                    form: "Putin".into(),
                    tag: "B-PER".into(),
                },
            ],
        };
        let al = align_tokens(&s.text, &s.tokens);
        assert_eq!(al, vec![Some(Span::new(0, 4)), None, Some(Span::new(9, 14))]);
        let (gold, _) = gold_spans(&s);
        assert_eq!(gold.len(), 2);
        assert_eq!(Span::new(gold[1].start, gold[1].end).slice(&s.text), "Putin");
    }

    #[test]
    fn i_after_other_type_starts_new_span() {
        let s = IobSentence {
            sent_id: "x".into(),
            text: "a b c".into(),
            tokens: vec![
                IobToken {
                    form: "a".into(),
                    tag: "B-PER".into(),
                },
                IobToken {
                    form: "b".into(),
                    tag: "I-ORG".into(),
                },
                IobToken {
                    form: "c".into(),
                    tag: "I-ORG".into(),
                },
            ],
        };
        let (gold, _) = gold_spans(&s);
        assert_eq!(gold.len(), 2);
        assert_eq!(
            (gold[1].start, gold[1].end, gold[1].label),
            (2, 5, EntityLabel::Org)
        );
    }

    #[test]
    fn external_predictions_scored_by_hand() {
        let sentences = parse_iob2(SAMPLE);
        // s1: PER right, LOC wrong span (Paris + '.'). s2: ORG right, Canada as COUNTRY, one spurious PER.
        let jsonl = r#"{"sent_id":"s1","spans":[{"start":0,"end":13,"label":"PER"},{"start":22,"end":28,"label":"LOC"}]}
{"sent_id":"s2","spans":[{"start":4,"end":18,"label":"ORG"},{"start":27,"end":33,"label":"COUNTRY"},{"start":0,"end":3,"label":"PERSON"},{"start":0,"end":3,"label":"NORP"}]}
"#;
        let ext = parse_external_predictions(jsonl).unwrap_or_default();
        let countries = CountryNames::from_actors_tsv(
            "id\tkind\tlabel\tcountry\troles\taliases\ncountry:CAN\tcountry\tCanada\tCAN\t\t\n",
        );
        let r = evaluate_entities(&sentences, &EntitySource::External(&ext), &countries, "test");
        let per = r.by_type["PER"];
        assert_eq!((per.tp, per.fp, per.fn_), (1, 1, 0));
        let loc = r.by_type["LOC"];
        assert_eq!((loc.tp, loc.fp, loc.fn_), (1, 1, 1));
        let org = r.by_type["ORG"];
        assert_eq!((org.tp, org.fp, org.fn_), (1, 0, 0));
        // micro: tp 3, fp 2, fn 1 -> P 0.6, R 0.75, F1 = 2*0.45/1.35 = 2/3
        assert!((r.overall.precision() - 0.6).abs() < 1e-12);
        assert!((r.overall.recall() - 0.75).abs() < 1e-12);
        assert!((r.overall.f1() - 2.0 / 3.0).abs() < 1e-12);
        let c = r.country.unwrap_or_default();
        assert_eq!((c.tp, c.fp, c.fn_), (1, 0, 0));
        assert!(r
            .markdown()
            .contains("| COUNTRY | 1 | 1 | 1 | 1.000 | 1.000 | 1.000 |"));
    }

    #[test]
    fn bad_jsonl_names_the_line() {
        let err = parse_external_predictions("{\"sent_id\":\"a\"}\nnot json\n").err();
        assert!(err.is_some_and(|e| e.starts_with("line 2")));
    }

    #[test]
    fn actorgraph_source_runs_the_pipeline() {
        let sentences = parse_iob2(SAMPLE);
        let lex = Lexicon::builtin();
        let r = evaluate_entities(
            &sentences,
            &EntitySource::Actorgraph(lex),
            &CountryNames::default(),
            "actorgraph",
        );
        assert_eq!(r.sentences, 2);
        assert_eq!(r.overall.gold(), 4);
        assert!(r.country.is_none());
    }

    #[test]
    fn a_capital_for_its_government_is_no_country_name() {
        // "Moscow" acts, so actorgraph reads the Russian government (kind country), but
        // the COUNTRY row scores country names: only "Canada" counts, on both sides.
        let iob = "# sent_id = c1\n\
# text = Moscow warned Canada.\n\
1\tMoscow\tB-LOC\t-\t-\n\
2\twarned\tO\t-\t-\n\
3\tCanada\tB-LOC\t-\t-\n\
4\t.\tO\t-\t-\n";
        let countries = CountryNames::from_actors_tsv(
            "id\tkind\tlabel\tcountry\troles\taliases\n\
             country:CAN\tcountry\tCanada\tCAN\t\t\n\
             country:RUS\tcountry\tRussia\tRUS\t\t\n",
        );
        let r = evaluate_entities(
            &parse_iob2(iob),
            &EntitySource::Actorgraph(Lexicon::builtin()),
            &countries,
            "actorgraph",
        );
        let c = r.country.unwrap_or_default();
        assert_eq!((c.tp, c.fp, c.fn_), (1, 0, 0), "{r:?}");
        assert_eq!(r.by_type.get("LOC").map(|c| c.tp), Some(2), "{r:?}");
    }
}

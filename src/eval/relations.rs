//! Relation evaluation on PETRARCH validation records (the GSR sentences and
//! the unit-test records).
//!
//! Each record's expected `<EventCoding>`s give gold (source code, target
//! code, PLOVER category) triples; the category comes from the CAMEO code via
//! CAMEO2PLOVER (longest prefix, see [`CameoToPlover::category`]).
//! Predictions are actorgraph's relation records (or an external JSONL file),
//! each with its two actors seen as an [`ActorView`]: a country code, a kind
//! and the texts it goes by.
//!
//! ## Matching an actor to a gold code ([`CodeMatcher::matches`])
//!
//! - `"QUOTED NAME"` (PETRARCH's new-actor output): one of the actor's texts
//!   equals the name, or one contains the other, case-insensitively.
//! - A code whose first three letters are a country (`USA`, `USAGOV`,
//!   `PSEREBHMS`): the actor's country equals that prefix. The rest of the
//!   code (GOV, MIL, REB, ...) is not checked.
//! - `---` and `---ROLE` (unknown country): the actor has no country, and for
//!   a known role (REB, MIL, LEG, GOV, CVL, OPP, ...) one of its texts
//!   contains a word of that role (`rebel`, `troops`, `lawmakers`, ...).
//! - International and non-state codes (`IGO...`, `NGO...`, `IMG...`): one of
//!   the actor's texts contains a name registered for the longest registered
//!   prefix of the code (a built-in table: `IGOUNO` -> United Nations, U.N.,
//!   UN, ...; for unit records also the names of the test dictionary). When
//!   no prefix is registered, any organization or group without a country
//!   matches.
//!
//! ## Metrics
//!
//! - **Pair recall**: share of gold events whose (source, target) pair is
//!   matched by some prediction in the right direction; a prediction of a
//!   symmetric relation counts for either direction.
//! - **Category accuracy**: among found gold events with a PLOVER category,
//!   share for which a pair-matching prediction has the same category (FIGHT
//!   is folded into ASSAULT, see [`scoring_category`]). Gold events from CAMEO
//!   01/02 (dropped by PLOVER) count for pair recall only.
//! - **Precision**: share of predictions, in records that have gold events,
//!   that match some gold pair of their record.
//! - **No-event pass rate**: records marked `noevents="True"` pass when
//!   nothing asserted (not negated, not modal) is predicted. Their
//!   predictions are not counted as false positives in the precision: in the
//!   GSR many such records are PETRARCH discard-rule artefacts ("Discard event
//!   on 1994") that do describe real interactions.
//!
//! ## Details
//!
//! [`RelationReport::details`] lists, per record, each gold event as found,
//! found with a wrong category or missed, and each prediction that matches no
//! gold pair ([`record_details`]); `eval relations gsr --details` prints them
//! before the tables ([`RelationReport::details_text`]).
//!
//! Negated predictions and `affiliated_with` (AFFILIATION, not an event) are
//! ignored; possible/future/failed predictions count like asserted ones,
//! since PETRARCH codes intents (`is about to restore ties` -> 064). Records
//! with `evaluate="false"` or an `error` expectation, and records with no
//! expectation at all, are skipped.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::eval::petrarch::{code_country, scoring_category, ActorRow, CameoToPlover, PetrRecord};
use crate::eval::score::{markdown_table, Tally};
use crate::lexicon::Lexicon;
use crate::model::{ActorKind, DocAnalysis, Document};
use crate::pipeline;
use crate::vocab::{Vocabulary, AFFILIATED_WITH};

/// What the scorer knows of a predicted actor.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ActorView {
    /// Three-letter country code, when it has one.
    pub country: Option<String>,
    /// Kind, when known.
    pub kind: Option<ActorKind>,
    /// Label, aliases and the mention text.
    pub texts: Vec<String>,
}

/// One predicted relation, as scored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PredRelation {
    /// Source actor.
    pub source: ActorView,
    /// Target actor.
    pub target: ActorView,
    /// Category in the vocabulary's names, `None` for a bare co-occurrence.
    pub category: Option<String>,
    /// True when the relation holds in both directions.
    pub symmetric: bool,
    /// True when asserted (not modal).
    pub asserted: bool,
    /// Relation key (`met_with`), when known; only shown in the details.
    pub relation: Option<String>,
}

/// The view of actor `id` in `analysis`, with the text of its mention at `span`.
fn actor_view(analysis: &DocAnalysis, id: &crate::model::ActorId, span: crate::model::Span) -> ActorView {
    let mut view = ActorView::default();
    let id_country = id
        .as_str()
        .strip_prefix("country:")
        .map(|c| c.to_ascii_uppercase());
    if let Some(rec) = analysis.actors.iter().find(|a| &a.id == id) {
        view.country = rec.country.clone().map(|c| c.to_ascii_uppercase()).or(id_country);
        view.kind = Some(rec.kind);
        view.texts.push(rec.label.clone());
        view.texts.extend(rec.aliases.iter().cloned());
    } else {
        view.country = id_country;
        let (kind, name) = id.as_str().split_once(':').unwrap_or(("", id.as_str()));
        view.kind = ActorKind::from_name(kind);
        view.texts.push(name.replace('-', " "));
    }
    let mention = span.slice(&analysis.text);
    if !mention.is_empty() {
        view.texts.push(mention.to_string());
    }
    view
}

/// The scored predictions of an analysis: every relation that is not negated
/// and not an affiliation.
pub fn predictions_from_analysis(analysis: &DocAnalysis, vocab: &Vocabulary) -> Vec<PredRelation> {
    analysis
        .relations
        .iter()
        .filter(|r| !r.negated && r.relation != AFFILIATED_WITH)
        .map(|r| {
            let rel = vocab.get(&r.relation);
            PredRelation {
                source: actor_view(analysis, &r.source, r.source_span),
                target: actor_view(analysis, &r.target, r.target_span),
                category: rel.map(|v| v.category.clone()),
                symmetric: rel.is_some_and(|v| v.symmetric),
                asserted: r.is_asserted(),
                relation: Some(r.relation.clone()),
            }
        })
        .filter(|p| p.category.as_deref() != Some("AFFILIATION"))
        .collect()
}

/// Parses external relation predictions: one JSON object per line,
/// `{"id": "REC", "relations": [{"source": {"code": "USA", "text": "US"},
/// "target": {"code": null, "text": "the United Nations", "kind": "organization"},
/// "category": null, "symmetric": false}]}`. `code` may be a full actor code
/// (`USAGOV`: its country prefix is used); `category` uses the vocabulary's
/// names (DEMAND, DISAPPROVE, ...); `asserted` defaults to true.
pub fn parse_external_relations(jsonl: &str) -> Result<HashMap<String, Vec<PredRelation>>, String> {
    #[derive(Deserialize)]
    struct RawActor {
        #[serde(default)]
        code: Option<String>,
        #[serde(default)]
        text: Option<String>,
        #[serde(default)]
        kind: Option<String>,
    }
    #[derive(Deserialize)]
    struct RawRel {
        source: RawActor,
        target: RawActor,
        #[serde(default)]
        category: Option<String>,
        #[serde(default)]
        symmetric: bool,
        #[serde(default)]
        asserted: Option<bool>,
    }
    #[derive(Deserialize)]
    struct RawLine {
        id: String,
        #[serde(default)]
        relations: Vec<RawRel>,
    }
    let view = |a: RawActor| ActorView {
        country: a.code.as_deref().and_then(code_country),
        kind: a.kind.as_deref().and_then(ActorKind::from_name),
        texts: a.text.into_iter().collect(),
    };
    let mut out: HashMap<String, Vec<PredRelation>> = HashMap::new();
    for (n, line) in jsonl.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let raw: RawLine = serde_json::from_str(line).map_err(|e| format!("line {}: {e}", n + 1))?;
        let entry = out.entry(raw.id).or_default();
        for r in raw.relations {
            entry.push(PredRelation {
                source: view(r.source),
                target: view(r.target),
                category: r.category.filter(|c| !c.trim().is_empty()),
                symmetric: r.symmetric,
                asserted: r.asserted.unwrap_or(true),
                relation: None,
            });
        }
    }
    Ok(out)
}

/// Names of international and non-state actor codes (longest prefix wins).
const BUILTIN_CODE_NAMES: &[(&str, &[&str])] = &[
    (
        "IGOUNO",
        &["united nations", "u.n.", "un", "security council", "unsc"],
    ),
    ("IGOEU", &["european union", "eu", "european commission", "e.u."]),
    (
        "IGOEUREEC",
        &["european union", "eu", "european commission", "e.u."],
    ),
    ("IGOWSTNAT", &["nato", "north atlantic treaty organization"]),
    ("IGOCOPITP", &["interpol"]),
    ("IGOAFRAU", &["african union", "au"]),
    ("IGOARBLEG", &["arab league"]),
    ("IGOMEA", &["arab league"]),
    ("IGOWTO", &["world trade organization", "wto"]),
    ("IGOIMF", &["international monetary fund", "imf"]),
    ("IGOWBK", &["world bank"]),
    ("IMGMUSISI", &["islamic state", "isis", "isil", "daesh"]),
    ("IMGMUSALQ", &["al-qaeda", "al qaeda", "al-qaida", "al qaida"]),
    ("IMGMOSALQ", &["al-qaeda", "al qaeda", "al-qaida", "al qaida"]),
    ("IMGMUSTAL", &["taliban"]),
    ("NGOHRIAMN", &["amnesty international", "amnesty"]),
    ("NGOHRIHRW", &["human rights watch"]),
];

/// Words of the role part of `---ROLE` codes (matched at word starts).
const ROLE_WORDS: &[(&str, &[&str])] = &[
    (
        "REB",
        &[
            "rebel",
            "insurgent",
            "militant",
            "fighter",
            "guerrilla",
            "jihadi",
            "separatist",
        ],
    ),
    (
        "MIL",
        &[
            "troop",
            "soldier",
            "army",
            "armies",
            "military",
            "forces",
            "navy",
            "air force",
        ],
    ),
    (
        "LEG",
        &[
            "lawmaker",
            "parliament",
            "congress",
            "legislat",
            "senat",
            "mp",
            "deput",
        ],
    ),
    (
        "GOV",
        &[
            "government",
            "official",
            "minister",
            "president",
            "authorit",
            "ministry",
        ],
    ),
    (
        "CVL",
        &[
            "civilian", "resident", "villager", "people", "children", "women", "citizen",
        ],
    ),
    (
        "OPP",
        &["opposition", "protester", "demonstrator", "activist", "dissident"],
    ),
    ("COP", &["police", "policem"]),
    ("JUD", &["court", "judge", "prosecutor", "judiciary"]),
    ("MED", &["media", "journalist", "newspaper", "reporter", "press"]),
    ("BUS", &["company", "companies", "firm", "business"]),
    ("EDU", &["school", "universit", "student", "teacher"]),
    ("UAF", &["gunmen", "gunman", "militia", "armed men"]),
    ("REF", &["refugee"]),
    ("LAB", &["union", "worker"]),
    ("MUS", &["muslim", "islamist"]),
];

/// True when `needle` occurs in `hay` starting at a word boundary and, when
/// `whole` is set, ending at one too. Both are expected lowercase.
fn contains_word(hay: &str, needle: &str, whole: bool) -> bool {
    if needle.is_empty() {
        return false;
    }
    let is_word = |c: char| c.is_alphanumeric();
    let mut from = 0;
    while let Some(rel) = hay.get(from..).and_then(|h| h.find(needle)) {
        let start = from + rel;
        let end = start + needle.len();
        let left_ok = hay[..start].chars().next_back().is_none_or(|c| !is_word(c));
        let right_ok = !whole || hay[end..].chars().next().is_none_or(|c| !is_word(c));
        if left_ok && right_ok {
            return true;
        }
        from = start + hay[start..].chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// Matches predicted actors to gold actor codes (rules in the module doc).
#[derive(Debug, Clone, Default)]
pub struct CodeMatcher {
    /// Code prefix -> lowercase names.
    names: BTreeMap<String, Vec<String>>,
}

impl CodeMatcher {
    /// The built-in table of international and non-state codes.
    pub fn builtin() -> Self {
        let mut m = Self::default();
        for (code, names) in BUILTIN_CODE_NAMES {
            m.add(code, names.iter().copied());
        }
        m
    }

    /// Registers names for a code.
    pub fn add<'a>(&mut self, code: &str, names: impl IntoIterator<Item = &'a str>) {
        let entry = self.names.entry(code.to_ascii_uppercase()).or_default();
        for n in names {
            let n = n.trim().to_lowercase();
            if !n.is_empty() && !entry.contains(&n) {
                entry.push(n);
            }
        }
    }

    /// Adds the labels and aliases of dictionary rows whose code is not a
    /// country code (international bodies and the like).
    pub fn add_rows(&mut self, rows: &[ActorRow]) {
        for r in rows.iter().filter(|r| code_country(&r.code).is_none()) {
            let names: Vec<&str> = std::iter::once(r.label.as_str())
                .chain(r.aliases.iter().map(String::as_str))
                .collect();
            self.add(&r.code, names);
        }
    }

    /// True when `actor` can be the actor coded `gold`.
    pub fn matches(&self, gold: &str, actor: &ActorView) -> bool {
        let gold = gold.trim();
        let texts: Vec<String> = actor.texts.iter().map(|t| t.trim().to_lowercase()).collect();
        if gold.starts_with('"') {
            let name = gold.trim_matches('"').trim().to_lowercase();
            return !name.is_empty()
                && texts
                    .iter()
                    .filter(|t| t.len() >= 3)
                    .any(|t| *t == name || name.contains(t.as_str()) || t.contains(&name));
        }
        let gold = gold.to_ascii_uppercase();
        if let Some(country) = code_country(&gold) {
            return actor.country.as_deref() == Some(country.as_str());
        }
        if gold.starts_with("---") || gold.len() < 3 {
            if actor.country.is_some() {
                return false;
            }
            let role = gold.get(3..).unwrap_or("");
            let words = ROLE_WORDS
                .iter()
                .find(|(r, _)| role.starts_with(r))
                .map(|(_, w)| *w);
            return match words {
                Some(words) => texts
                    .iter()
                    .any(|t| words.iter().any(|w| contains_word(t, w, false))),
                None => true,
            };
        }
        let best = (3..=gold.len())
            .rev()
            .filter_map(|n| gold.get(..n))
            .find_map(|p| self.names.get(p));
        match best {
            Some(names) => texts
                .iter()
                .any(|t| names.iter().any(|n| contains_word(t, n, true))),
            None => {
                actor.country.is_none()
                    && matches!(
                        actor.kind,
                        None | Some(ActorKind::Organization) | Some(ActorKind::Group)
                    )
            }
        }
    }
}

/// A gold event with its category.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldEvent {
    /// Source code.
    pub source: String,
    /// Target code.
    pub target: String,
    /// CAMEO code.
    pub cameo: String,
    /// Category in the vocabulary's names, `None` for CAMEO 01/02.
    pub category: Option<String>,
}

/// Counters of one slice of records.
#[derive(Debug, Clone, Default, Serialize)]
pub struct GroupStats {
    /// Records scored.
    pub records: usize,
    /// Gold events found (pair recall).
    pub pair_recall: Tally,
    /// Found gold events with the right category.
    pub category_accuracy: Tally,
    /// Predictions that match a gold pair (records with gold events only).
    pub precision: Tally,
    /// No-event records with nothing asserted predicted.
    pub no_event_pass: Tally,
    /// Predictions made on no-event records.
    pub no_event_predictions: usize,
}

impl GroupStats {
    fn add(&mut self, o: &GroupStats) {
        self.records += o.records;
        self.pair_recall.add(o.pair_recall);
        self.category_accuracy.add(o.category_accuracy);
        self.precision.add(o.precision);
        self.no_event_pass.add(o.no_event_pass);
        self.no_event_predictions += o.no_event_predictions;
    }

    fn row(&self, name: &str) -> Vec<String> {
        vec![
            name.to_string(),
            self.records.to_string(),
            self.pair_recall.total.to_string(),
            self.pair_recall.cell(),
            self.category_accuracy.cell(),
            self.precision.cell(),
            self.no_event_pass.cell(),
        ]
    }
}

/// Counters of one PLOVER category.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CategoryStats {
    /// Gold events of the category that were found.
    pub pair_recall: Tally,
    /// Found ones predicted with this category.
    pub category_accuracy: Tally,
    /// Predictions of this category that match a gold pair.
    pub precision: Tally,
}

/// The result of a relation evaluation.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RelationReport {
    /// Which data set.
    pub dataset: String,
    /// Which system.
    pub system: String,
    /// Records skipped (evaluate=false, error tests, no expectation).
    pub skipped: usize,
    /// Scored records with no external prediction line.
    pub missing_records: usize,
    /// All scored records.
    pub overall: GroupStats,
    /// Per record category (`category` attribute).
    pub by_record_category: BTreeMap<String, GroupStats>,
    /// Per PLOVER category (gold category for recall/accuracy, predicted for precision).
    pub by_plover_category: BTreeMap<String, CategoryStats>,
    /// Per scored record: what was found, missed and predicted in excess.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<RecordDetails>,
}

/// What happened to one gold event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GoldStatus {
    /// A prediction links the pair with the gold category (or the gold event has none).
    Found,
    /// Predictions link the pair, none with the gold category.
    WrongCategory,
    /// No prediction links the pair.
    Missed,
}

impl GoldStatus {
    fn label(self) -> &'static str {
        match self {
            GoldStatus::Found => "found",
            GoldStatus::WrongCategory => "found-wrong-category",
            GoldStatus::Missed => "missed",
        }
    }
}

/// One gold event of a record, with its outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GoldDetail {
    /// Source code.
    pub source: String,
    /// Target code.
    pub target: String,
    /// CAMEO code.
    pub cameo: String,
    /// Gold category, `None` for CAMEO 01/02.
    pub category: Option<String>,
    /// Outcome.
    pub status: GoldStatus,
    /// Categories of the pair-matching predictions (for a wrong category).
    pub predicted: Vec<String>,
}

/// The outcome of one record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordDetails {
    /// Record id.
    pub id: String,
    /// Record category (`AFP`, `PASSIVE`, ...).
    pub category: String,
    /// Sentence text.
    pub text: String,
    /// True for a no-event record.
    pub no_events: bool,
    /// Gold events and what became of them.
    pub gold: Vec<GoldDetail>,
    /// Predictions matching no gold pair (all predictions of a no-event record).
    pub unmatched: Vec<String>,
}

/// `mention (label) [COUNTRY]` of a predicted actor.
fn describe_actor(a: &ActorView) -> String {
    let mut out = a.texts.last().cloned().unwrap_or_default();
    if let Some(label) = a.texts.first().filter(|l| **l != out) {
        out.push_str(&format!(" ({label})"));
    }
    if let Some(c) = &a.country {
        out.push_str(&format!(" [{c}]"));
    }
    out
}

/// One line for a prediction: `source -relation/CATEGORY-> target`.
pub fn describe_prediction(p: &PredRelation) -> String {
    let rel = match (&p.relation, &p.category) {
        (Some(r), Some(c)) => format!("{r}/{c}"),
        (Some(r), None) => r.clone(),
        (None, Some(c)) => c.clone(),
        (None, None) => "related".to_string(),
    };
    let mut flags = String::new();
    if p.symmetric {
        flags.push_str(" (symmetric)");
    }
    if !p.asserted {
        flags.push_str(" (modal)");
    }
    format!(
        "{} -{rel}-> {}{flags}",
        describe_actor(&p.source),
        describe_actor(&p.target)
    )
}

/// The outcome of each gold event of a record and its unmatched predictions.
pub fn record_details(
    rec: &PetrRecord,
    gold: &[GoldEvent],
    preds: &[PredRelation],
    matcher: &CodeMatcher,
) -> RecordDetails {
    let gold_details = gold
        .iter()
        .map(|g| {
            let matching: Vec<&PredRelation> = preds.iter().filter(|p| pair_matches(matcher, g, p)).collect();
            let predicted: Vec<String> = matching
                .iter()
                .map(|p| {
                    p.category
                        .as_deref()
                        .map_or("(none)".to_string(), scoring_category)
                })
                .collect();
            let status = match &g.category {
                _ if matching.is_empty() => GoldStatus::Missed,
                Some(gc) if !predicted.contains(&scoring_category(gc)) => GoldStatus::WrongCategory,
                _ => GoldStatus::Found,
            };
            GoldDetail {
                source: g.source.clone(),
                target: g.target.clone(),
                cameo: g.cameo.clone(),
                category: g.category.clone(),
                status,
                predicted,
            }
        })
        .collect();
    let unmatched = preds
        .iter()
        .filter(|p| !gold.iter().any(|g| pair_matches(matcher, g, p)))
        .map(describe_prediction)
        .collect();
    RecordDetails {
        id: rec.id.clone(),
        category: rec.category.clone(),
        text: rec.text.trim().to_string(),
        no_events: gold.is_empty(),
        gold: gold_details,
        unmatched,
    }
}

impl RelationReport {
    /// The details of every record as text: its id and sentence, one line per
    /// gold event (`found`, `found-wrong-category`, `missed`) and one per
    /// unmatched prediction.
    pub fn details_text(&self) -> String {
        let mut out = String::new();
        for d in &self.details {
            let kind = if d.no_events { ", no events" } else { "" };
            out.push_str(&format!("### {} ({}{kind})\n{}\n", d.id, d.category, d.text));
            for g in &d.gold {
                let cat = g.category.as_deref().unwrap_or("unmapped");
                out.push_str(&format!(
                    "  {:<20} {} -> {} {} {cat}",
                    g.status.label(),
                    g.source,
                    g.target,
                    g.cameo
                ));
                if g.status == GoldStatus::WrongCategory {
                    out.push_str(&format!(" (predicted {})", g.predicted.join(", ")));
                }
                out.push('\n');
            }
            for p in &d.unmatched {
                out.push_str(&format!("  {:<20} {p}\n", "unmatched"));
            }
            out.push('\n');
        }
        out
    }

    /// Markdown: a table per record category and a table per PLOVER category.
    pub fn markdown(&self) -> String {
        let mut out = format!(
            "Relations: {} on {} ({} records scored, {} skipped, {} without predictions)\n\n",
            self.system, self.dataset, self.overall.records, self.skipped, self.missing_records
        );
        let mut rows: Vec<Vec<String>> = self.by_record_category.iter().map(|(k, g)| g.row(k)).collect();
        rows.push(self.overall.row("all"));
        out.push_str(&markdown_table(
            &[
                "record category",
                "records",
                "gold events",
                "pair recall",
                "category acc.",
                "precision",
                "no-event pass",
            ],
            &rows,
        ));
        out.push('\n');
        let rows: Vec<Vec<String>> = self
            .by_plover_category
            .iter()
            .map(|(k, c)| {
                vec![
                    k.clone(),
                    c.pair_recall.total.to_string(),
                    c.pair_recall.cell(),
                    c.category_accuracy.cell(),
                    c.precision.total.to_string(),
                    c.precision.cell(),
                ]
            })
            .collect();
        out.push_str(&markdown_table(
            &[
                "PLOVER category",
                "gold",
                "pair recall",
                "category acc.",
                "predicted",
                "precision",
            ],
            &rows,
        ));
        out
    }
}

/// Where relation predictions come from.
pub enum RelationSource<'a> {
    /// Run actorgraph's pipeline with this lexicon.
    Actorgraph(&'a Lexicon),
    /// Predictions read from a JSONL file, keyed by record id.
    External(&'a HashMap<String, Vec<PredRelation>>),
}

/// True when `p` links the gold pair in the right direction (either
/// direction for a symmetric prediction).
pub fn pair_matches(m: &CodeMatcher, g: &GoldEvent, p: &PredRelation) -> bool {
    (m.matches(&g.source, &p.source) && m.matches(&g.target, &p.target))
        || (p.symmetric && m.matches(&g.source, &p.target) && m.matches(&g.target, &p.source))
}

/// Scores one record's predictions: returns its stats and the per-category ones.
pub fn score_record(
    gold: &[GoldEvent],
    no_events: bool,
    preds: &[PredRelation],
    matcher: &CodeMatcher,
    cats: &mut BTreeMap<String, CategoryStats>,
) -> GroupStats {
    let mut s = GroupStats {
        records: 1,
        ..Default::default()
    };
    let cat_name = |c: &Option<String>, none: &str| c.as_deref().map_or(none.to_string(), scoring_category);
    if gold.is_empty() {
        if no_events {
            s.no_event_pass.record(!preds.iter().any(|p| p.asserted));
            s.no_event_predictions += preds.len();
        }
        return s;
    }
    for g in gold {
        let matching: Vec<&PredRelation> = preds.iter().filter(|p| pair_matches(matcher, g, p)).collect();
        let found = !matching.is_empty();
        s.pair_recall.record(found);
        let c = cats.entry(cat_name(&g.category, "(unmapped 01/02)")).or_default();
        c.pair_recall.record(found);
        if let (true, Some(gc)) = (found, &g.category) {
            let gc = scoring_category(gc);
            let ok = matching
                .iter()
                .any(|p| p.category.as_deref().map(scoring_category).as_deref() == Some(gc.as_str()));
            s.category_accuracy.record(ok);
            c.category_accuracy.record(ok);
        }
    }
    for p in preds {
        let ok = gold.iter().any(|g| pair_matches(matcher, g, p));
        s.precision.record(ok);
        cats.entry(cat_name(&p.category, "(none)"))
            .or_default()
            .precision
            .record(ok);
    }
    s
}

/// Evaluates `source` on the records.
pub fn evaluate_relations(
    records: &[PetrRecord],
    source: &RelationSource<'_>,
    cameo: &CameoToPlover,
    matcher: &CodeMatcher,
    dataset: &str,
    system: &str,
) -> RelationReport {
    let vocab = Vocabulary::builtin();
    let mut report = RelationReport {
        dataset: dataset.to_string(),
        system: system.to_string(),
        ..Default::default()
    };
    for rec in records {
        if !rec.is_scorable() {
            report.skipped += 1;
            continue;
        }
        let gold: Vec<GoldEvent> = rec
            .events
            .iter()
            .map(|e| GoldEvent {
                source: e.source.clone(),
                target: e.target.clone(),
                cameo: e.eventcode.clone(),
                category: cameo.category(&e.eventcode),
            })
            .collect();
        let preds = match source {
            RelationSource::Actorgraph(lexicon) => {
                let doc = Document {
                    id: rec.id.clone(),
                    text: rec.text.clone(),
                    date: chrono::NaiveDate::parse_from_str(&rec.date, "%Y%m%d").ok(),
                    ..Default::default()
                };
                predictions_from_analysis(&pipeline::analyze(doc, lexicon), vocab)
            }
            RelationSource::External(map) => match map.get(&rec.id) {
                Some(p) => p.clone(),
                None => {
                    report.missing_records += 1;
                    Vec::new()
                }
            },
        };
        report.details.push(record_details(rec, &gold, &preds, matcher));
        let stats = score_record(
            &gold,
            rec.no_events && gold.is_empty(),
            &preds,
            matcher,
            &mut report.by_plover_category,
        );
        let group = if rec.category.is_empty() {
            "(none)".to_string()
        } else {
            rec.category.clone()
        };
        report.by_record_category.entry(group).or_default().add(&stats);
        report.overall.add(&stats);
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::petrarch::parse_records;

    fn actor(country: Option<&str>, kind: ActorKind, text: &str) -> ActorView {
        ActorView {
            country: country.map(str::to_string),
            kind: Some(kind),
            texts: vec![text.to_string()],
        }
    }

    fn pred(s: ActorView, t: ActorView, cat: Option<&str>, symmetric: bool) -> PredRelation {
        PredRelation {
            source: s,
            target: t,
            category: cat.map(str::to_string),
            symmetric,
            asserted: true,
            relation: None,
        }
    }

    #[test]
    fn code_matching_rules() {
        let m = CodeMatcher::builtin();
        let usa = actor(Some("USA"), ActorKind::Country, "Washington");
        let un = actor(None, ActorKind::Organization, "the U.N.");
        let rebels = actor(None, ActorKind::Group, "rebels");
        assert!(m.matches("USAGOV", &usa));
        assert!(m.matches("USA", &usa));
        assert!(!m.matches("RUS", &usa));
        assert!(m.matches("IGOUNO", &un));
        assert!(m.matches("IGOUNOMIL", &un));
        assert!(!m.matches("IGOUNO", &rebels));
        assert!(!m.matches("IGOUNO", &actor(None, ActorKind::Organization, "Unicef")));
        assert!(m.matches("---REB", &rebels));
        assert!(!m.matches("---MIL", &rebels));
        assert!(m.matches("---", &rebels));
        assert!(!m.matches("---REB", &usa));
        // unregistered IGO: any organization without a country
        assert!(m.matches("IGOXYZ", &un));
        assert!(m.matches(
            "\"THE MINISTRY OF MAGIC\"",
            &actor(None, ActorKind::Organization, "Ministry of Magic")
        ));
        assert!(contains_word("the u.n. said", "u.n.", true));
        assert!(!contains_word("unless", "un", true));
        assert!(contains_word("lawmakers", "lawmaker", false));
    }

    #[test]
    fn record_scoring_by_hand() {
        let m = CodeMatcher::builtin();
        let usa = actor(Some("USA"), ActorKind::Country, "US");
        let chn = actor(Some("CHN"), ActorKind::Country, "China");
        let rus = actor(Some("RUS"), ActorKind::Country, "Russia");
        let gold = vec![
            GoldEvent {
                source: "USAGOV".into(),
                target: "CHN".into(),
                cameo: "042".into(),
                category: Some("CONSULT".into()),
            },
            GoldEvent {
                source: "CHN".into(),
                target: "RUS".into(),
                cameo: "112".into(),
                category: Some("DISAPPROVE".into()),
            },
            GoldEvent {
                source: "RUS".into(),
                target: "USA".into(),
                cameo: "013".into(),
                category: None,
            },
        ];
        let preds = vec![
            // symmetric met_with written China -> US: finds gold 1 with the right category
            pred(chn.clone(), usa.clone(), Some("CONSULT"), true),
            // right pair, wrong category
            pred(chn.clone(), rus.clone(), Some("THREATEN"), false),
            // wrong direction, not symmetric: spurious
            pred(usa.clone(), rus.clone(), Some("CRIME"), false),
        ];
        let mut cats = BTreeMap::new();
        let s = score_record(&gold, false, &preds, &m, &mut cats);
        // recall 2/3, category accuracy 1/2 (the 013 gold has no category), precision 2/3
        assert_eq!((s.pair_recall.hits, s.pair_recall.total), (2, 3));
        assert_eq!((s.category_accuracy.hits, s.category_accuracy.total), (1, 2));
        assert_eq!((s.precision.hits, s.precision.total), (2, 3));
        assert_eq!(cats["CONSULT"].category_accuracy.hits, 1);
        assert_eq!(cats["(unmapped 01/02)"].pair_recall.total, 1);
        assert_eq!(cats["CRIME"].precision.hits, 0);

        // no-event record: a modal prediction passes, an asserted one fails
        let mut modal = pred(usa.clone(), rus.clone(), Some("THREATEN"), false);
        modal.asserted = false;
        let s = score_record(&[], true, &[modal], &m, &mut cats);
        assert_eq!(s.no_event_pass.hits, 1);
        let s = score_record(&[], true, &[pred(usa, rus, None, false)], &m, &mut cats);
        assert_eq!((s.no_event_pass.hits, s.no_event_pass.total), (0, 1));
    }

    #[test]
    fn record_details_mark_found_wrong_category_and_missed() {
        let m = CodeMatcher::builtin();
        let usa = actor(Some("USA"), ActorKind::Country, "Washington");
        let chn = actor(Some("CHN"), ActorKind::Country, "Beijing");
        let rus = actor(Some("RUS"), ActorKind::Country, "Moscow");
        let fra = actor(Some("FRA"), ActorKind::Country, "Paris");
        let event = |s: &str, t: &str, cameo: &str, cat: Option<&str>| GoldEvent {
            source: s.into(),
            target: t.into(),
            cameo: cameo.into(),
            category: cat.map(str::to_string),
        };
        let gold = vec![
            event("USA", "CHN", "042", Some("CONSULT")),
            event("CHN", "RUS", "112", Some("DISAPPROVE")),
            event("RUS", "USA", "190", Some("ASSAULT")),
            event("USA", "RUS", "010", None),
        ];
        let mut threat = pred(chn.clone(), rus.clone(), Some("THREATEN"), false);
        threat.relation = Some("threatens".into());
        threat.asserted = false;
        let preds = vec![
            pred(usa.clone(), chn.clone(), Some("CONSULT"), false),
            threat,
            pred(usa.clone(), rus.clone(), None, false),
            pred(rus.clone(), fra.clone(), Some("AID"), true),
        ];
        let rec = PetrRecord {
            id: "R".into(),
            text: " Some text. ".into(),
            ..Default::default()
        };
        let d = record_details(&rec, &gold, &preds, &m);
        let statuses: Vec<GoldStatus> = d.gold.iter().map(|g| g.status).collect();
        assert_eq!(
            statuses,
            vec![
                GoldStatus::Found,
                GoldStatus::WrongCategory,
                GoldStatus::Missed,
                GoldStatus::Found
            ]
        );
        assert_eq!(d.gold[1].predicted, vec!["THREATEN"]);
        assert_eq!(d.text, "Some text.");
        // the symmetric RUS-FRA prediction matches no gold pair in either direction
        assert_eq!(d.unmatched, vec!["Moscow [RUS] -AID-> Paris [FRA] (symmetric)"]);
        let report = RelationReport {
            details: vec![d],
            ..Default::default()
        };
        let text = report.details_text();
        assert!(
            text.contains("  found-wrong-category CHN -> RUS 112 DISAPPROVE (predicted THREATEN)\n"),
            "{text}"
        );
        assert!(
            text.contains("  missed               RUS -> USA 190 ASSAULT\n"),
            "{text}"
        );
        assert!(
            text.contains("  found                USA -> RUS 010 unmapped\n"),
            "{text}"
        );
    }

    #[test]
    fn end_to_end_with_external_predictions() {
        let xml = r#"<Sentences>
<Sentence category="AFP" date="20080806" id="A" evaluate="true"/>
<EventCoding eventcode="042" sourcecode="USA" targetcode="CHN" />
<Text>
Barack Obama visited China.
</Text>
</Sentence>
<Sentence category="AFP" date="20080806" id="B" evaluate="true"/>
<EventCoding noevents="True" />
<Text>Nothing.</Text>
</Sentence>
<Sentence category="AFP" date="20080806" id="C" evaluate="false"/>
<EventCoding eventcode="042" sourcecode="USA" targetcode="CHN" />
<Text>Skipped.</Text>
</Sentence>
</Sentences>"#;
        let records = parse_records(xml);
        let cameo = CameoToPlover::parse("042: CONSULT, visit, # Make a visit\n");
        let ext = parse_external_relations(
            r#"{"id":"A","relations":[{"source":{"code":"USA","text":"Barack Obama"},"target":{"code":"CHN","text":"China"},"category":"CONSULT"},{"source":{"code":"CHN","text":"China"},"target":{"code":"USA","text":"Barack Obama"}}]}
{"id":"B","relations":[]}"#,
        )
        .unwrap_or_default();
        let r = evaluate_relations(
            &records,
            &RelationSource::External(&ext),
            &cameo,
            &CodeMatcher::builtin(),
            "test",
            "ext",
        );
        assert_eq!(r.skipped, 1);
        assert_eq!(r.overall.records, 2);
        assert_eq!((r.overall.pair_recall.hits, r.overall.pair_recall.total), (1, 1));
        assert_eq!(r.overall.category_accuracy.hits, 1);
        assert_eq!((r.overall.precision.hits, r.overall.precision.total), (1, 2));
        assert_eq!(
            (r.overall.no_event_pass.hits, r.overall.no_event_pass.total),
            (1, 1)
        );
        let md = r.markdown();
        assert!(md.contains("| all | 2 | 1 | 1.000 (1/1) | 1.000 (1/1) | 0.500 (1/2) | 1.000 (1/1) |"));

        // details: A's gold event found, the reversed prediction unmatched; B listed as no-event
        assert_eq!(r.details.len(), 2);
        assert_eq!(r.details[0].gold[0].status, GoldStatus::Found);
        assert_eq!(
            r.details[0].unmatched,
            vec!["China [CHN] -related-> Barack Obama [USA]"]
        );
        assert!(r.details[1].no_events && r.details[1].unmatched.is_empty());
        let text = r.details_text();
        assert!(
            text.contains("### A (AFP)\nBarack Obama visited China.\n"),
            "{text}"
        );
        assert!(
            text.contains("  found                USA -> CHN 042 CONSULT\n"),
            "{text}"
        );
        assert!(
            text.contains("  unmatched            China [CHN] -related-> Barack Obama [USA]\n"),
            "{text}"
        );
        assert!(text.contains("### B (AFP, no events)"), "{text}");

        let lex = Lexicon::builtin();
        let ours = evaluate_relations(
            &records,
            &RelationSource::Actorgraph(lex),
            &cameo,
            &CodeMatcher::builtin(),
            "test",
            "actorgraph",
        );
        assert_eq!(ours.overall.pair_recall.total, 1);
    }
}

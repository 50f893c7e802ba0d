//! A small fixed graph shared by the snapshot and interop tests, built from
//! synthetic [`DocAnalysis`] values through the library's public API.
//!
//! It has persons, countries, a group, an organization and a location;
//! symmetric and directed edges; an edge with only negated mentions; dates;
//! and labels with quotes, backslashes, `<>&`, accents, right-to-left text,
//! emoji, a newline, a carriage return and control characters.

#![allow(dead_code)]

use actorgraph::graph::ActorGraph;
use actorgraph::model::{
    ActorId, ActorKind, ActorRecord, DocAnalysis, MentionForm, MentionRecord, Modality, RelationRecord, Span,
};
use actorgraph::vocab::Vocabulary;
use chrono::NaiveDate;

/// The organization label with every character that needs care in some format.
pub const NASTY_LABEL: &str =
    "Société \"Générale\" <S.A.> & Co. \\N back\\slash\nsecond line\r\u{7}bell\u{1b} ☃ \u{5d0}\u{5d1}";

/// Another awkward label: right-to-left script, emoji, a tab and a trailing backslash.
pub const RTL_LABEL: &str = "حماس 🚀\tHamas \\";

fn actor(id: &str, kind: ActorKind, label: &str, country: Option<&str>, roles: &[&str]) -> ActorRecord {
    ActorRecord {
        id: ActorId(id.into()),
        label: label.into(),
        kind,
        country: country.map(str::to_string),
        roles: roles.iter().map(|r| r.to_string()).collect(),
        aliases: vec![label.into()],
        mentions: 1,
    }
}

/// A relation mention between two actor ids (placeholder spans).
pub fn rel(
    s: &str,
    t: &str,
    relation: &str,
    negated: bool,
    modality: Modality,
    date: Option<NaiveDate>,
) -> RelationRecord {
    RelationRecord {
        sentence: 0,
        sentence_span: Span::new(0, 1),
        source: ActorId(s.into()),
        target: ActorId(t.into()),
        relation: relation.into(),
        trigger: Span::new(0, 1),
        negated,
        modality,
        date,
        source_span: Span::new(0, 1),
        target_span: Span::new(0, 1),
    }
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

const MERKEL: &str = "person:angela-merkel";
const MACRON: &str = "person:emmanuel-macron";
const DEU: &str = "country:DEU";
const FRA: &str = "country:FRA";
const RUS: &str = "country:RUS";
const HAMAS: &str = "group:hamas";
const ORG: &str = "organization:societe-generale";
const GAZA: &str = "location:gaza-strip";

/// The documents the fixture graph is built from.
pub fn documents() -> Vec<DocAnalysis> {
    let asserted = Modality::Asserted;
    let mut merkel = actor(
        MERKEL,
        ActorKind::Person,
        "Angela Merkel",
        Some("DEU"),
        &["Chancellor"],
    );
    merkel.aliases.push("Merkel".into());
    merkel.mentions = 3;
    let macron = actor(
        MACRON,
        ActorKind::Person,
        "Emmanuel Macron",
        Some("FRA"),
        &["President"],
    );
    let mut hamas = actor(HAMAS, ActorKind::Group, RTL_LABEL, None, &[]);
    hamas.aliases.push("Hamas".into());
    let doc1 = DocAnalysis {
        doc_id: "news/2019-05-01.txt".into(),
        date: date(2019, 5, 1),
        actors: vec![
            merkel.clone(),
            macron.clone(),
            actor(DEU, ActorKind::Country, "Germany", Some("DEU"), &[]),
            actor(FRA, ActorKind::Country, "France", Some("FRA"), &[]),
            actor(RUS, ActorKind::Country, "Russia", Some("RUS"), &[]),
        ],
        relations: vec![
            rel(MERKEL, MACRON, "met_with", false, asserted, date(2019, 5, 1)),
            rel(MERKEL, DEU, "affiliated_with", false, asserted, date(2019, 5, 1)),
            rel(MACRON, FRA, "affiliated_with", false, asserted, date(2019, 5, 1)),
            rel(DEU, FRA, "supports", false, asserted, date(2019, 5, 1)),
            // only denied or failed: weight 0
            rel(RUS, DEU, "threatens", true, asserted, date(2019, 5, 1)),
            rel(RUS, DEU, "threatens", false, Modality::Failed, None),
        ],
        ..Default::default()
    };
    let doc2 = DocAnalysis {
        doc_id: "news/2019-06-10.txt".into(),
        date: date(2019, 6, 10),
        actors: vec![
            merkel,
            macron,
            hamas,
            actor(
                ORG,
                ActorKind::Organization,
                NASTY_LABEL,
                Some("FRA"),
                &["bank", "lender"],
            ),
            actor(GAZA, ActorKind::Location, "Gaza Strip", None, &[]),
        ],
        relations: vec![
            // reversed: aggregates with doc1's symmetric edge
            rel(MACRON, MERKEL, "met_with", false, asserted, date(2019, 6, 10)),
            rel(
                MACRON,
                MERKEL,
                "met_with",
                false,
                Modality::Future,
                date(2019, 6, 12),
            ),
            rel(HAMAS, ORG, "criticizes", false, asserted, None),
            rel(
                ORG,
                HAMAS,
                "investigates",
                false,
                Modality::Possible,
                date(2019, 6, 10),
            ),
            rel(
                HAMAS,
                GAZA,
                "mobilizes_against",
                false,
                asserted,
                date(2019, 6, 9),
            ),
            rel(FRA, DEU, "negotiated_with", false, asserted, date(2019, 6, 10)),
        ],
        ..Default::default()
    };
    vec![doc1, doc2]
}

/// The fixture graph.
pub fn graph() -> ActorGraph {
    let mut g = ActorGraph::new();
    for d in documents() {
        g.add_document(&d, Vocabulary::builtin());
    }
    g
}

/// A document with mentions and relations whose texts and sentence are awkward
/// (line breaks, quotes, separators), for the evidence tables.
pub fn evidence_document() -> DocAnalysis {
    let text = "Angela Merkel said: \"we met\nEmmanuel Macron, twice; \\o/\".\r\nNext, ok.".to_string();
    let find = |needle: &str| {
        let start = text.find(needle).unwrap_or(0);
        Span::new(start, start + needle.len())
    };
    let sentence = Span::new(0, find("\r\nNext").start);
    let merkel = find("Angela Merkel");
    let macron = find("Emmanuel Macron");
    DocAnalysis {
        doc_id: "news/evidence, \"quoted\".txt".into(),
        date: date(2019, 5, 1),
        mentions: vec![
            MentionRecord {
                span: merkel,
                sentence: 0,
                entity: Some(ActorId(MERKEL.into())),
                kind: ActorKind::Person,
                form: MentionForm::Name,
            },
            MentionRecord {
                span: macron,
                sentence: 0,
                entity: Some(ActorId(MACRON.into())),
                kind: ActorKind::Person,
                form: MentionForm::Name,
            },
        ],
        relations: vec![RelationRecord {
            sentence: 0,
            sentence_span: sentence,
            source: ActorId(MERKEL.into()),
            target: ActorId(MACRON.into()),
            relation: "met_with".into(),
            trigger: find("met"),
            negated: false,
            modality: Modality::Asserted,
            date: date(2019, 5, 1),
            source_span: merkel,
            target_span: macron,
        }],
        text,
        ..Default::default()
    }
}

//! The data that flows between the pipeline stages.
//!
//! Every stage adds information but never loses the byte span it came from: a
//! [`Span`] is a pair of UTF-8 byte offsets into the text of a [`Document`]
//! exactly as it was ingested, so every mention and every relation can be
//! traced back to its sentence.

use std::fmt;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (end exclusive).
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no byte.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The text under the span, or `""` when the span does not fit `text`
    /// on character boundaries (never panics).
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// True when `other` lies inside `self`.
    pub const fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub const fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// One input article.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Document {
    /// Document id: the record's `id`, the file's relative path, or `FILE:LINE`.
    pub id: String,
    /// The text, exactly as given (offsets refer to it).
    pub text: String,
    /// Optional title (kept as metadata; not part of `text`).
    pub title: Option<String>,
    /// Publication date, when known.
    pub date: Option<NaiveDate>,
    /// Optional URL.
    pub url: Option<String>,
    /// Optional source (publisher, feed).
    pub source: Option<String>,
}

/// What kind of actor a node or mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    /// A named individual.
    Person,
    /// A state (or its government).
    Country,
    /// A named organization: ministry, party, company, international body.
    Organization,
    /// A non-state collective, named or not (`Hamas`, `opposition fighters`).
    Group,
    /// A place that is not standing for a government.
    Location,
}

impl ActorKind {
    /// All kinds, in output order.
    pub const ALL: [ActorKind; 5] = [
        ActorKind::Person,
        ActorKind::Country,
        ActorKind::Organization,
        ActorKind::Group,
        ActorKind::Location,
    ];

    /// The contract's lowercase name.
    pub const fn name(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Country => "country",
            ActorKind::Organization => "organization",
            ActorKind::Group => "group",
            ActorKind::Location => "location",
        }
    }

    /// Parses the contract's lowercase name.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.name() == name)
    }
}

impl fmt::Display for ActorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How an actor is referred to in a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MentionForm {
    /// A proper name, full or partial (`Vladimir Putin`, `Putin`, `U.S.`).
    Name,
    /// An adjective of nationality (`Russian`): marks affiliation.
    Demonym,
    /// A title or role noun phrase (`the Russian president`).
    Title,
    /// A personal pronoun (`he`, `they`).
    Pronoun,
    /// A common noun phrase (`the two countries`, `opposition fighters`).
    Nominal,
}

impl MentionForm {
    /// The contract's lowercase name.
    pub const fn name(self) -> &'static str {
        match self {
            MentionForm::Name => "name",
            MentionForm::Demonym => "demonym",
            MentionForm::Title => "title",
            MentionForm::Pronoun => "pronoun",
            MentionForm::Nominal => "nominal",
        }
    }
}

impl fmt::Display for MentionForm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Whether a relation mention reports something that happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Modality {
    /// It happened (or is happening).
    #[default]
    Asserted,
    /// It may happen (`may`, `could`, `hopes to`, `is thought to be trying`).
    Possible,
    /// It is planned (`will`, `plans to`, `to meet next week`).
    Future,
    /// It was tried and did not happen (`were unable to`, `failed to`).
    Failed,
}

impl Modality {
    /// The contract's lowercase name.
    pub const fn name(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Possible => "possible",
            Modality::Future => "future",
            Modality::Failed => "failed",
        }
    }
}

impl fmt::Display for Modality {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A stable actor key, the same in every run and corpus
/// (`country:RUS`, `person:vladimir-putin`, `group:opposition-fighters`).
///
/// Shared text: a clone (one per mention and relation record of an actor)
/// counts a reference instead of copying the key. Build one from a `&str` or
/// a `String` with `.into()`: `ActorId("country:RUS".into())`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ActorId(pub Arc<str>);

impl ActorId {
    /// `kind:slug(name)`.
    pub fn from_name(kind: ActorKind, name: &str) -> Self {
        let mut id = String::with_capacity(kind.name().len() + 1 + name.len());
        push_actor_id(kind, name, &mut id);
        ActorId(id.into())
    }

    /// The key as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Lets maps keyed by [`ActorId`] be searched with a `&str` (no id built to look one up).
impl std::borrow::Borrow<str> for ActorId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ActorId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Lowercase ASCII-alphanumeric words joined by `-` (`Vladimir Putin` -> `vladimir-putin`).
/// Non-ASCII letters are kept (lowercased) so that non-Latin names stay distinct.
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    push_slug(name, &mut out);
    out
}

/// Appends the text of [`ActorId::from_name`]`(kind, name)` to `out`: a key to
/// look an id up by (maps keyed by [`ActorId`] take a `&str`) without making one.
pub fn push_actor_id(kind: ActorKind, name: &str, out: &mut String) {
    out.push_str(kind.name());
    out.push(':');
    push_slug(name, out);
}

/// Appends [`slug`]`(name)` to `out`.
pub fn push_slug(name: &str, out: &mut String) {
    let start = out.len();
    let mut pending_dash = false;
    if name.is_ascii() {
        // The same rules byte by byte: ASCII letters lowercase to one letter.
        for &b in name.as_bytes() {
            if b.is_ascii_alphanumeric() {
                if pending_dash && out.len() > start {
                    out.push('-');
                }
                pending_dash = false;
                out.push(char::from(b.to_ascii_lowercase()));
            } else if b != b'.' && b != b'\'' {
                pending_dash = true;
            }
        }
        return;
    }
    for c in name.chars() {
        if c.is_alphanumeric() {
            if pending_dash && out.len() > start {
                out.push('-');
            }
            pending_dash = false;
            out.extend(c.to_lowercase());
        } else if c == '.' || c == '\'' || c == '\u{2019}' {
            // "U.S." -> "us", "O'Brien" -> "obrien"
        } else {
            pending_dash = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slug_normalizes_names() {
        assert_eq!(slug("Vladimir Putin"), "vladimir-putin");
        assert_eq!(slug("  U.S.  Army "), "us-army");
        assert_eq!(slug("al-Qaeda"), "al-qaeda");
        assert_eq!(slug("O'Brien"), "obrien");
        assert_eq!(slug("Łukasz Nowak"), "łukasz-nowak");
        assert_eq!(slug(" -- A.B. 'x' 9 "), "ab-x-9");
        assert_eq!(
            ActorId::from_name(ActorKind::Group, "Café -Workers"),
            ActorId("group:café-workers".into())
        );
        assert_eq!(
            ActorId::from_name(ActorKind::Person, ".Ann  O'Neil"),
            ActorId("person:ann-oneil".into())
        );
    }

    #[test]
    fn span_slice_never_panics() {
        let text = "héllo";
        assert_eq!(Span::new(0, 1).slice(text), "h");
        assert_eq!(Span::new(1, 2).slice(text), "");
        assert_eq!(Span::new(4, 99).slice(text), "");
    }

    #[test]
    fn kind_names_round_trip() {
        for k in ActorKind::ALL {
            assert_eq!(ActorKind::from_name(k.name()), Some(k));
        }
    }
}

/// One entity mention as the resolve stage leaves it: where it is, what it is,
/// and which actor it resolved to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MentionRecord {
    /// Byte span in the document text.
    pub span: Span,
    /// 0-based index of the sentence that holds it.
    pub sentence: usize,
    /// The resolved actor, `None` for a place that is not a node.
    pub entity: Option<ActorId>,
    /// Kind of the mention (the actor's kind when resolved).
    pub kind: ActorKind,
    /// How the actor is referred to.
    pub form: MentionForm,
}

/// One actor of one document, with what the document says about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorRecord {
    /// Stable key.
    pub id: ActorId,
    /// Display name (lexicon label, else the fullest name used).
    pub label: String,
    /// Kind.
    pub kind: ActorKind,
    /// ISO 3166-1 alpha-3 code of the country it belongs to or represents.
    pub country: Option<String>,
    /// Roles from titles (`President`, `Secretary of State`), in first-seen order.
    pub roles: Vec<String>,
    /// Every name form it went by in the document.
    pub aliases: Vec<String>,
    /// Number of mentions in the document.
    pub mentions: usize,
}

/// One relation found in one sentence: the evidence behind an edge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelationRecord {
    /// 0-based sentence index.
    pub sentence: usize,
    /// Byte span of the sentence.
    pub sentence_span: Span,
    /// Source actor.
    pub source: ActorId,
    /// Target actor.
    pub target: ActorId,
    /// Relation key from the vocabulary (`met_with`).
    pub relation: String,
    /// Byte span of the trigger word(s).
    pub trigger: Span,
    /// True when denied or failed.
    pub negated: bool,
    /// Asserted, possible, future or failed.
    pub modality: Modality,
    /// The day it happened, when known.
    pub date: Option<NaiveDate>,
    /// Span of the source mention in this sentence.
    pub source_span: Span,
    /// Span of the target mention in this sentence.
    pub target_span: Span,
}

impl RelationRecord {
    /// True when the mention counts towards an edge's `Weight`
    /// (asserted and not negated); otherwise it counts as `negated`.
    pub fn is_asserted(&self) -> bool {
        !self.negated && self.modality == Modality::Asserted
    }
}

/// Everything extracted from one document: the unit that flows from the
/// per-document stages into the graph and the evidence files.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DocAnalysis {
    /// Document id.
    pub doc_id: String,
    /// Document date, when known.
    pub date: Option<NaiveDate>,
    /// The document text (mentions and relations slice it).
    pub text: String,
    /// Actors of the document, one per resolved entity.
    pub actors: Vec<ActorRecord>,
    /// Every mention, in text order.
    pub mentions: Vec<MentionRecord>,
    /// Every relation mention, in text order.
    pub relations: Vec<RelationRecord>,
}

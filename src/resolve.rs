//! Resolve stage: mentions to actors with stable ids.
//!
//! Within a document:
//! - lexicon names resolve to the lexicon actor (`person:vladimir-putin`, `country:RUS`);
//! - an unknown full name is its own actor (`person:theresa-may`); a single
//!   word that is the first or last word of a full name used in the document
//!   joins that actor (`May` -> Theresa May); a single word nobody else uses
//!   is kept only when it is a given name or follows `Mr.`, and then its id is
//!   scoped to the document, so a bare surname never merges across documents;
//! - titles (`the Russian president`) resolve to the latest person with that
//!   role and country, pronouns (`he`, `they`) to the subject of the nearest
//!   sentence (a coordination `X and Y` for `they`), `the two countries` to
//!   the last two countries named;
//! - demonyms and capitals resolve to their country;
//! - a place (`in Beijing`, `in Alaska`) refers to no actor; its country, when
//!   known, is kept in [`Resolution::places`] for the relations (an event
//!   there may be directed at it).
//!
//! Across documents, ids are the merge key: lexicon actors and unknown full
//! names merge by id (the normalized name).

use std::collections::hash_map::Entry as MapEntry;

use crate::lexicon::FastMap as HashMap;

use crate::extract::entities::{EntityMention, Gender};
use crate::lexicon::{LexActor, Lexicon};
use crate::model::{push_actor_id, push_slug, slug, ActorId, ActorKind, MentionForm};
use crate::text::Sentence;

/// One actor of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Stable id.
    pub id: ActorId,
    /// Kind.
    pub kind: ActorKind,
    /// Display label.
    pub label: String,
    /// Country code.
    pub country: Option<String>,
    /// Roles from titles.
    pub roles: Vec<String>,
    /// Name forms used.
    pub aliases: Vec<String>,
    /// Mentions resolved to it.
    pub mentions: usize,
    /// Only the country a place mention lies in (`in Nairobi`): an actor of the
    /// document only when a relation uses it.
    pub place_only: bool,
}

/// The entities one mention refers to (indices into [`Resolution::entities`]):
/// most mentions refer to one, pair nominals and coordinations to two, a few
/// coordinated modifiers to more. Up to two are held inline, so resolving a
/// mention allocates nothing; more go to the heap. Reads as a `&[usize]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntityRefs {
    /// At most two entities: the first `len` of `ids`.
    Inline {
        /// How many of `ids` are used.
        len: u8,
        /// The entities, then unused zeros.
        ids: [usize; 2],
    },
    /// Three entities or more.
    Heap(Vec<usize>),
}

impl EntityRefs {
    /// No entity (a place).
    pub const NONE: Self = Self::Inline { len: 0, ids: [0; 2] };

    /// One entity.
    pub const fn one(e: usize) -> Self {
        Self::Inline { len: 1, ids: [e, 0] }
    }

    /// The entities as a slice.
    pub fn as_slice(&self) -> &[usize] {
        match self {
            Self::Inline { len, ids } => &ids[..usize::from(*len)],
            Self::Heap(v) => v,
        }
    }
}

impl Default for EntityRefs {
    fn default() -> Self {
        Self::NONE
    }
}

impl std::ops::Deref for EntityRefs {
    type Target = [usize];

    fn deref(&self) -> &[usize] {
        self.as_slice()
    }
}

impl From<&[usize]> for EntityRefs {
    fn from(es: &[usize]) -> Self {
        match *es {
            [] => Self::NONE,
            [a] => Self::one(a),
            [a, b] => Self::Inline { len: 2, ids: [a, b] },
            _ => Self::Heap(es.to_vec()),
        }
    }
}

impl FromIterator<usize> for EntityRefs {
    fn from_iter<I: IntoIterator<Item = usize>>(iter: I) -> Self {
        let mut iter = iter.into_iter();
        let Some(a) = iter.next() else {
            return Self::NONE;
        };
        let Some(b) = iter.next() else {
            return Self::one(a);
        };
        match iter.next() {
            None => Self::Inline { len: 2, ids: [a, b] },
            Some(c) => Self::Heap([a, b, c].into_iter().chain(iter).collect()),
        }
    }
}

impl<'a> IntoIterator for &'a EntityRefs {
    type Item = &'a usize;
    type IntoIter = std::slice::Iter<'a, usize>;

    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

/// The result of resolving a document's mentions.
#[derive(Debug, Clone, Default)]
pub struct Resolution {
    /// The mentions kept (tentative single words that resolved to nothing are dropped).
    pub mentions: Vec<EntityMention>,
    /// For each mention, the entities it refers to (two for `the two countries`
    /// and for `they` standing for a coordination; none for a place).
    pub refs: Vec<EntityRefs>,
    /// The document's actors.
    pub entities: Vec<Entity>,
    /// For each mention of a place with a known country (`Beijing`, `Alaska`),
    /// the entity of that country (else `None`). The place itself stays without
    /// a node: this only lets a relation whose event happens there point at the country.
    pub places: Vec<Option<usize>>,
}

struct Builder<'a> {
    lex: &'a Lexicon,
    entities: Vec<Entity>,
    /// For each entity: true when its id is a lexicon actor's.
    known: Vec<bool>,
    by_id: HashMap<ActorId, usize>,
    /// The entity of each lexicon actor already met (index into `lex.actors`): a
    /// repeated name skips cloning and hashing its id.
    by_lex: HashMap<u32, usize>,
    /// Scratch for the id of an entity about to be looked up (`country:RUS`,
    /// `person:theresa-may`), written and read by [`Builder::country_is_new`] and
    /// [`Builder::keyed`] (cleared by each before writing): an id met before costs
    /// no allocation.
    key: String,
}

impl<'a> Builder<'a> {
    /// The entity with this id, created when new (`country` fills a missing country).
    fn entity(&mut self, id: ActorId, kind: ActorKind, label: &str, country: Option<&str>) -> usize {
        let lex = self.lex;
        self.get_or_insert(id, |id| lex.actor(id), kind, label, country)
    }

    /// The entity of lexicon actor `actor` (`None` for an index out of range).
    fn lex_entity(&mut self, actor: u32, country: Option<&str>) -> Option<usize> {
        if let Some(&i) = self.by_lex.get(&actor) {
            self.fill_country(i, country);
            return Some(i);
        }
        let a = self.lex.actors.get(actor as usize)?;
        // A copy of the key, not a share of the lexicon's: the records of the document
        // count references to it on this thread only, not on a counter all threads touch.
        let id = ActorId(a.id.as_str().into());
        let i = self.get_or_insert(id, |_| Some(a), a.kind, &a.label, country);
        self.by_lex.insert(actor, i);
        Some(i)
    }

    /// The entity with this id; a new one takes its kind, label, country and roles
    /// from the lexicon actor with this id (`lex_actor`, only called for a new id).
    fn get_or_insert(
        &mut self,
        id: ActorId,
        lex_actor: impl FnOnce(&ActorId) -> Option<&'a LexActor>,
        kind: ActorKind,
        label: &str,
        country: Option<&str>,
    ) -> usize {
        let next = self.entities.len();
        match self.by_id.entry(id) {
            MapEntry::Occupied(o) => {
                let i = *o.get();
                self.fill_country(i, country);
                i
            }
            MapEntry::Vacant(v) => {
                let a = lex_actor(v.key());
                self.known.push(a.is_some());
                self.entities.push(Entity {
                    id: v.key().clone(),
                    kind: a.map_or(kind, |a| a.kind),
                    label: a.map_or(label, |a| a.label.as_str()).to_string(),
                    country: a
                        .and_then(|a| a.country.as_deref())
                        .or(country)
                        .map(str::to_string),
                    // Most lexicon actors have no roles: nothing to clone.
                    roles: a
                        .filter(|a| !a.roles.is_empty())
                        .map(|a| a.roles.clone())
                        .unwrap_or_default(),
                    // Most actors of a document go by one name form (and most have
                    // one: sized here, not grown by the first push).
                    aliases: Vec::with_capacity(1),
                    mentions: 0,
                    place_only: false,
                });
                v.insert(next);
                next
            }
        }
    }

    /// Gives entity `i` the country `country` when it has none.
    fn fill_country(&mut self, i: usize, country: Option<&str>) {
        let e = &mut self.entities[i];
        if e.country.is_none() {
            e.country = country.map(str::to_string);
        }
    }

    /// The entity of country `code`, created when new.
    fn country(&mut self, code: &str) -> usize {
        self.country_is_new(code).0
    }

    /// The entity of country `code`, created when the document does not have it
    /// yet (named as a country or as its lexicon actor), and true when it was.
    fn country_is_new(&mut self, code: &str) -> (usize, bool) {
        self.key.clear();
        self.key.push_str("country:");
        self.key.push_str(code);
        if let Some(&i) = self.by_id.get(self.key.as_str()) {
            self.fill_country(i, Some(code));
            return (i, false);
        }
        let id = ActorId(self.key.as_str().into());
        let a = self.lex.actor(&id);
        let label = a.map_or(code, |a| a.label.as_str());
        let i = self.get_or_insert(id, |_| a, ActorKind::Country, label, Some(code));
        (i, true)
    }

    /// The entity whose id `write_id` appends to an empty string, created when new
    /// (as [`Builder::entity`]); the id is built in the scratch `key` and copied only
    /// for a new entity.
    fn keyed(
        &mut self,
        write_id: impl FnOnce(&mut String),
        kind: ActorKind,
        label: &str,
        country: Option<&str>,
    ) -> usize {
        self.key.clear();
        write_id(&mut self.key);
        if let Some(&i) = self.by_id.get(self.key.as_str()) {
            self.fill_country(i, country);
            return i;
        }
        let id = ActorId(self.key.as_str().into());
        self.entity(id, kind, label, country)
    }

    /// The entity of [`ActorId::from_name`]`(kind, name)`, labeled `name`, created when new.
    fn named(&mut self, kind: ActorKind, name: &str, country: Option<&str>) -> usize {
        self.keyed(|id| push_actor_id(kind, name, id), kind, name, country)
    }
}

/// The id of a person known only by one word in one document: scoped to the
/// document, so a bare surname never merges across documents (`person:kerry~doc-7`).
fn doc_person_id(word: &str, doc_id: &str) -> ActorId {
    ActorId(format!("person:{}~{}", slug(word), slug(doc_id)).into())
}

/// Words of a name, for surname / first-name linking.
fn name_words(name: &str) -> impl DoubleEndedIterator<Item = &str> {
    name.split(char::is_whitespace)
        .filter(|w| w.chars().any(char::is_alphabetic))
        .map(|w| w.trim_end_matches(['.', ',']))
}

/// True for the bytes of an ASCII name that [`name_words`] splits at: the ASCII
/// whitespace and the vertical tab (a `char` whitespace that is not ASCII whitespace).
fn is_ascii_space(b: u8) -> bool {
    b.is_ascii_whitespace() || b == b'\x0B'
}

/// True for a name of at least two words.
fn is_full_name(name: &str) -> bool {
    if !name.is_ascii() {
        return name_words(name).nth(1).is_some();
    }
    // ASCII names: one pass over the bytes, a word counted at its first letter.
    let mut words = 0;
    let mut counted = false;
    for &b in name.as_bytes() {
        if is_ascii_space(b) {
            counted = false;
        } else if !counted && b.is_ascii_alphabetic() {
            counted = true;
            words += 1;
            if words == 2 {
                return true;
            }
        }
    }
    false
}

/// The first and the last of a name's words ([`name_words`]): `(None, None)` for a
/// name without a word, `(Some(w), None)` for a name of one word.
fn first_and_last_words(name: &str) -> (Option<&str>, Option<&str>) {
    if name.is_ascii() && !name.as_bytes().contains(&b'\x0B') {
        // Split by bytes into the same words, without decoding characters.
        let mut words = name
            .split_ascii_whitespace()
            .filter(|w| w.bytes().any(|b| b.is_ascii_alphabetic()))
            .map(|w| w.trim_end_matches(['.', ',']));
        return (words.next(), words.next_back());
    }
    let mut words = name_words(name);
    (words.next(), words.next_back())
}

/// True when `a` and `b` are the same role but for case (no allocation for ASCII roles).
fn same_role(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        a.to_lowercase() == b.to_lowercase()
    }
}

/// Resolves the mentions of one document.
pub fn resolve(
    doc: &str,
    doc_id: &str,
    sentences: &[Sentence],
    mut mentions: Vec<EntityMention>,
    lex: &Lexicon,
) -> Resolution {
    // Sized for one entity per mention: rarely regrown.
    let mut b = Builder {
        lex,
        entities: Vec::with_capacity(mentions.len()),
        known: Vec::with_capacity(mentions.len()),
        by_id: HashMap::with_capacity_and_hasher(mentions.len(), Default::default()),
        by_lex: HashMap::with_capacity_and_hasher(mentions.len(), Default::default()),
        key: String::new(),
    };
    // For each mention, true for a person's name of at least two words.
    let full: Vec<bool> = mentions
        .iter()
        .map(|m| m.kind == ActorKind::Person && m.form == MentionForm::Name && is_full_name(&m.name))
        .collect();
    // Full person names of the document (known and unknown), for single-word linking:
    // their lexicon actor and their place in `full_text`, which holds them all (one
    // copy for the document, as the mentions change in the loop below).
    let linkable = |(m, &full): &(&EntityMention, &bool)| full && m.arity != 0;
    let mut full_text = String::with_capacity(
        mentions
            .iter()
            .zip(&full)
            .filter(linkable)
            .map(|(m, _)| m.name.len())
            .sum(),
    );
    let full_names: Vec<(Option<u32>, std::ops::Range<usize>)> = mentions
        .iter()
        .zip(&full)
        .filter(linkable)
        .map(|(m, _)| {
            let start = full_text.len();
            full_text.push_str(&m.name);
            (m.lex, start..full_text.len())
        })
        .collect();
    let full_name = |k: usize| {
        full_names
            .get(k)
            .and_then(|(a, r)| Some((*a, full_text.get(r.clone())?)))
    };
    // First and last words of the full names -> the first full name with that word.
    let mut name_index: HashMap<&str, usize> =
        HashMap::with_capacity_and_hasher(2 * full_names.len(), Default::default());
    for k in 0..full_names.len() {
        let Some((_, name)) = full_name(k) else { continue };
        let (first, last) = first_and_last_words(name);
        for w in [first, last].into_iter().flatten() {
            name_index.entry(w).or_insert(k);
        }
    }
    // Acronyms defined in the document ("... Cooperation (APEC)"): surface -> long name.
    let acronyms: HashMap<String, String> = mentions
        .iter()
        .filter(|m| m.kind == ActorKind::Organization && m.span.slice(doc) != m.name)
        .map(|m| (m.span.slice(doc).to_string(), m.name.clone()))
        .collect();
    // The mentions kept move to the front as the loop goes: `mentions[..refs.len()]`
    // are those resolved so far, in order, and `mentions[i]` is the current one; the
    // dropped ones are cut off at the end. A mention moves only to close a gap.
    let mut refs: Vec<EntityRefs> = Vec::with_capacity(mentions.len());
    for (i, &full) in full.iter().enumerate() {
        let (before, rest) = mentions.split_at_mut(i);
        let kept = &before[..refs.len()];
        let Some(m) = rest.first_mut() else { break };
        let r: EntityRefs = match (m.form, m.kind) {
            (MentionForm::Nominal, ActorKind::Group) if !m.labels.is_empty() => {
                // "US and British activists": the activists of each country.
                m.countries
                    .iter()
                    .zip(&m.labels)
                    .map(|(c, label)| b.keyed(|id| push_group_id(c, m, id), ActorKind::Group, label, Some(c)))
                    .collect()
            }
            _ if !m.countries.is_empty() => {
                // "Russian and Ukrainian negotiators": every country named.
                m.countries.iter().map(|c| b.country(c)).collect()
            }
            _ if m.kind == ActorKind::Person && m.form == MentionForm::Name && m.lex.is_none() && !full => {
                // A single capitalized word: a full name's first or last word, a known
                // surname, a given name; kept as a person of this document only when the
                // text says so ("Mr. X", "X said"), otherwise dropped (`arity == 0`).
                let w = m.name.as_str();
                if let Some(long) = acronyms.get(w) {
                    // Acronyms defined in text: the acronym mention directly follows its long form.
                    let e = b.named(ActorKind::Organization, long, None);
                    b.entities[e].mentions += 1;
                    if !b.entities[e].aliases.iter().any(|a| a == w) {
                        b.entities[e].aliases.push(w.to_string());
                    }
                    m.kind = ActorKind::Organization;
                    refs.push(EntityRefs::one(e));
                    keep(&mut mentions, refs.len(), i);
                    continue;
                }
                let linked = name_index.get(w).and_then(|&k| full_name(k));
                match linked {
                    Some((lex_actor, full)) => {
                        let known = lex_actor.and_then(|a| b.lex_entity(a, None));
                        EntityRefs::one(known.unwrap_or_else(|| b.named(ActorKind::Person, full, None)))
                    }
                    None => match lex.surnames.get(w) {
                        // The surname of exactly one lexicon person.
                        Some(&Some(a)) => {
                            let country = lex.actors.get(a as usize).and_then(|a| a.country.as_deref());
                            match b.lex_entity(a, country) {
                                Some(e) => EntityRefs::one(e),
                                None => continue,
                            }
                        }
                        // A given name, or a surname several known persons share: a person of this document.
                        Some(None) => {
                            let id = doc_person_id(w, doc_id);
                            EntityRefs::one(b.entity(id, ActorKind::Person, w, None))
                        }
                        None if lex.first_names.contains(w) || m.arity != 0 => {
                            let id = doc_person_id(w, doc_id);
                            EntityRefs::one(b.entity(id, ActorKind::Person, w, None))
                        }
                        None => continue,
                    },
                }
            }
            (MentionForm::Name, _) if m.lex.is_some() => {
                let Some(a) = m.lex.and_then(|a| lex.actors.get(a as usize)) else {
                    continue;
                };
                if a.kind == ActorKind::Location {
                    // A place: a mention without a node.
                    EntityRefs::NONE
                } else {
                    let Some(e) = m.lex.and_then(|a| b.lex_entity(a, m.country.as_deref())) else {
                        continue;
                    };
                    EntityRefs::one(e)
                }
            }
            (MentionForm::Name, ActorKind::Country)
            | (MentionForm::Demonym, _)
            | (MentionForm::Nominal, ActorKind::Country)
                if m.arity == 1 =>
            {
                match &m.country {
                    Some(code) => EntityRefs::one(b.country(code)),
                    None => continue,
                }
            }
            (MentionForm::Name, ActorKind::Location) => EntityRefs::NONE,
            (MentionForm::Name, kind) => {
                let country = m.country.as_deref();
                // An acronym defined in text carries its long form as `name`, so both share the id.
                EntityRefs::one(if kind == ActorKind::Person && !full {
                    b.entity(doc_person_id(&m.name, doc_id), kind, &m.name, country)
                } else {
                    b.named(kind, &m.name, country)
                })
            }
            (MentionForm::Nominal, ActorKind::Group) => {
                let country = m.country.as_deref();
                EntityRefs::one(match country {
                    Some(c) => b.keyed(|id| push_group_id(c, m, id), ActorKind::Group, &m.name, country),
                    None => b.named(ActorKind::Group, &m.name, None),
                })
            }
            (MentionForm::Nominal, _) => {
                // "the two countries": the latest coordination of two actors of the kind,
                // else the last two distinct actors of the kind.
                let want = m.kind;
                let coord = recent_coordination(doc, sentences, m, kept, &refs, &b.entities, want);
                let mut found: Vec<usize> = Vec::new();
                if coord.len() >= usize::from(m.arity) {
                    found = coord.into_iter().rev().take(usize::from(m.arity)).collect();
                }
                for (km, kr) in kept.iter().zip(&refs).rev().take(LOOKBACK) {
                    if found.len() >= usize::from(m.arity) {
                        break;
                    }
                    if km.modifier && want == ActorKind::Country && km.form == MentionForm::Demonym {
                        continue;
                    }
                    for &e in kr.iter().rev() {
                        if b.entities[e].kind == want && !found.contains(&e) {
                            found.push(e);
                        }
                    }
                    if found.len() >= usize::from(m.arity) {
                        break;
                    }
                }
                if found.len() < 2 {
                    continue;
                }
                found.truncate(usize::from(m.arity));
                found.reverse();
                EntityRefs::from(found.as_slice())
            }
            (MentionForm::Title, _) => {
                let role = m.roles.first().map_or("", String::as_str);
                // The mention's kind is tested before its entity is looked at: most are not persons.
                let hit = kept.iter().zip(&refs).rev().take(LOOKBACK).find_map(|(km, kr)| {
                    if km.kind != ActorKind::Person {
                        return None;
                    }
                    let &e = kr.first()?;
                    let ent = &b.entities[e];
                    (ent.kind == ActorKind::Person
                        && ent.roles.iter().any(|r| same_role(r, role))
                        && (m.country.is_none() || ent.country == m.country))
                        .then_some(e)
                });
                // "Putin arrived ... The Russian president said": a person of that country
                // whose known roles do not contradict the title.
                let hit = hit.or_else(|| {
                    m.country.as_ref()?;
                    kept.iter().zip(&refs).rev().take(LOOKBACK).find_map(|(km, kr)| {
                        if km.kind != ActorKind::Person {
                            return None;
                        }
                        let &e = kr.first()?;
                        let ent = &b.entities[e];
                        (ent.kind == ActorKind::Person
                            && ent.country == m.country
                            && (ent.roles.is_empty() || ent.roles.iter().any(|r| same_role(r, role))))
                        .then_some(e)
                    })
                });
                // Unresolved: an official of an organization or a country stands for it
                // ("the US leader" acts for the United States).
                let org = m.org.filter(|&o| (o as usize) < lex.actors.len());
                match (hit, org, &m.country) {
                    (Some(e), _, _) => EntityRefs::one(e),
                    (None, Some(o), _) => {
                        let country = lex.actors.get(o as usize).and_then(|a| a.country.as_deref());
                        match b.lex_entity(o, country) {
                            Some(e) => EntityRefs::one(e),
                            None => continue,
                        }
                    }
                    (None, None, Some(code)) => EntityRefs::one(b.country(code)),
                    (None, None, None) => continue,
                }
            }
            (MentionForm::Pronoun, _) => {
                let r = antecedent(doc, sentences, m, kept, &refs, &b.entities);
                if r.is_empty() {
                    continue;
                }
                r
            }
            _ => continue,
        };
        // Attributes the mention gives its actor.
        for &e in &r {
            let ent = &mut b.entities[e];
            if m.refers_directly() {
                ent.mentions += 1;
            }
            if r.len() == 1 {
                for role in &m.roles {
                    if ent.kind == ActorKind::Person && !ent.roles.contains(role) {
                        ent.roles.push(role.clone());
                    }
                }
                if ent.country.is_none() && ent.kind != ActorKind::Location {
                    ent.country = m.country.clone();
                }
                if m.form == MentionForm::Name {
                    let surface = m.span.slice(doc);
                    if !ent.aliases.iter().any(|a| a == surface) {
                        ent.aliases.push(surface.to_string());
                    }
                }
            }
        }
        refs.push(r);
        keep(&mut mentions, refs.len(), i);
    }
    mentions.truncate(refs.len());
    // Unknown persons: the label is the longest name used.
    for (e, &known) in b.entities.iter_mut().zip(&b.known) {
        if e.kind == ActorKind::Person && !known {
            if let Some(longest) = e.aliases.iter().max_by_key(|a| a.len()) {
                if longest.len() > e.label.len() {
                    e.label = longest.clone();
                }
            }
        }
    }
    // Places with a country: the country as an entity the relations may use. A country no
    // mention names is created here, marked as only a place's country.
    let places = mentions
        .iter()
        .zip(&refs)
        .map(|(m, r)| {
            let code = m
                .country
                .as_deref()
                .filter(|_| m.kind == ActorKind::Location && r.is_empty())?;
            let (e, new) = b.country_is_new(code);
            if new {
                b.entities[e].place_only = true;
            }
            Some(e)
        })
        .collect();
    Resolution {
        mentions,
        refs,
        entities: b.entities,
        places,
    }
}

/// Moves mention `i` to the end of the `kept` mentions kept so far, at `kept - 1`
/// (the mention that was there, a dropped one, goes to `i`).
fn keep(mentions: &mut [EntityMention], kept: usize, i: usize) {
    if kept - 1 != i {
        mentions.swap(kept - 1, i);
    }
}

impl EntityMention {
    /// True when the mention names or describes the actor (not a pronoun).
    pub fn refers_directly(&self) -> bool {
        self.form != MentionForm::Pronoun
    }
}

/// How many mentions back titles and pair nominals look for their antecedent
/// (bounds the work on very long documents).
const LOOKBACK: usize = 400;

/// The indices of `kept` (sorted by sentence) that lie in sentence `si`.
pub fn sentence_range(kept: &[EntityMention], si: usize) -> std::ops::Range<usize> {
    let lo = kept.partition_point(|m| m.sentence < si);
    // A sentence has few mentions: counted from `lo` rather than searched for.
    let n = kept
        .get(lo..)
        .map_or(0, |rest| rest.iter().take_while(|m| m.sentence == si).count());
    lo..lo + n
}

/// Mentions joined by `and` / `,` right before token `before` in sentence `s` form a coordination.
pub fn coordination_before(
    doc: &str,
    sentences: &[Sentence],
    kept: &[EntityMention],
    refs: &[EntityRefs],
    sentence: usize,
    before: usize,
) -> Vec<usize> {
    let Some(s) = sentences.get(sentence) else {
        return Vec::new();
    };
    let candidate = |k: &usize| {
        let m = &kept[*k];
        m.sentence == sentence && m.tokens.1 <= before && !m.modifier && !refs[*k].is_empty()
    };
    let range = sentence_range(kept, sentence);
    // The last candidate and the run of candidates joined to it, walking back.
    let mut back = range.clone().rev().filter(candidate);
    let Some(last) = back.next() else {
        return Vec::new();
    };
    let mut first = last;
    for k in back {
        if !joined(doc, s, &kept[k], &kept[first]) {
            break;
        }
        first = k;
    }
    if first == last {
        return Vec::new();
    }
    let mut out = Vec::new();
    for g in (first..=last).filter(candidate) {
        for &e in &refs[g] {
            if !out.contains(&e) {
                out.push(e);
            }
        }
    }
    out
}

/// True when only `and`, `,`, `&` or `the` stand between mention `a` and mention `b`
/// (looking past `b`'s title: `Kerry and Russian Foreign Minister Sergei Lavrov`).
pub fn joined(doc: &str, s: &Sentence, a: &EntityMention, b: &EntityMention) -> bool {
    let (from, to) = (a.tokens.1, b.tokens.0.saturating_sub(b.lead));
    if from >= to || to > s.tokens.len() {
        return false;
    }
    // One pass: every word between is a link or an article, and one at least a link.
    let mut linked = false;
    for t in &s.tokens[from..to] {
        match t.text(doc) {
            "and" | "," | "&" => linked = true,
            "the" | "The" => {}
            _ => return false,
        }
    }
    linked
}

/// The most recent coordination (two or more actors of `kind`) before mention `m`,
/// in its sentence or up to three sentences back.
fn recent_coordination(
    doc: &str,
    sentences: &[Sentence],
    m: &EntityMention,
    kept: &[EntityMention],
    refs: &[EntityRefs],
    entities: &[Entity],
    kind: ActorKind,
) -> Vec<usize> {
    for back in 0..=3usize {
        let Some(si) = m.sentence.checked_sub(back) else {
            break;
        };
        let ends = sentence_range(kept, si)
            .filter(|&k| kept[k].sentence == si && (back > 0 || kept[k].tokens.1 <= m.tokens.0))
            .map(|k| kept[k].tokens.1);
        for end in ends.rev() {
            let c: Vec<usize> = coordination_before(doc, sentences, kept, refs, si, end)
                .into_iter()
                .filter(|&e| entities[e].kind == kind)
                .collect();
            if c.len() >= 2 {
                return c;
            }
        }
    }
    Vec::new()
}

/// Antecedent of a pronoun.
fn antecedent(
    doc: &str,
    sentences: &[Sentence],
    m: &EntityMention,
    kept: &[EntityMention],
    refs: &[EntityRefs],
    entities: &[Entity],
) -> EntityRefs {
    let plural = m.plural;
    let fits = |k: usize| -> bool {
        let km = &kept[k];
        if km.modifier || refs[k].is_empty() || km.form == MentionForm::Pronoun && !plural {
            return false;
        }
        let e = &entities[refs[k][0]];
        if plural {
            km.plural || refs[k].len() > 1
        } else {
            e.kind == ActorKind::Person
                && (m.gender == Gender::Unknown || km.gender == Gender::Unknown || km.gender == m.gender)
        }
    };
    // Same sentence, before the pronoun, then previous sentences (up to three back).
    for back in 0..=3usize {
        let Some(si) = m.sentence.checked_sub(back) else {
            break;
        };
        let mut in_sentence = sentence_range(kept, si)
            .filter(|&k| kept[k].sentence == si && (back > 0 || kept[k].tokens.1 <= m.tokens.0));
        if in_sentence.clone().next().is_none() {
            continue;
        }
        if plural {
            let before = if back == 0 {
                m.tokens.0
            } else {
                sentences.get(si).map_or(0, |s| s.tokens.len())
            };
            // Prefer a coordination; else the nearest plural actor.
            let coord = coordination_before(doc, sentences, kept, refs, si, before);
            let first_coord = first_coordination(doc, sentences, kept, refs, si, before);
            if !first_coord.is_empty() {
                return EntityRefs::from(first_coord.as_slice());
            }
            if !coord.is_empty() {
                return EntityRefs::from(coord.as_slice());
            }
            if let Some(k) = in_sentence.rfind(|&k| fits(k)) {
                return refs[k].clone();
            }
        } else if let Some(k) = in_sentence.find(|&k| fits(k)) {
            // The first person of the sentence: the likely subject.
            return refs[k].clone();
        }
    }
    EntityRefs::NONE
}

/// The first coordination of a sentence (its likely subject), if any, before token `before`.
fn first_coordination(
    doc: &str,
    sentences: &[Sentence],
    kept: &[EntityMention],
    refs: &[EntityRefs],
    si: usize,
    before: usize,
) -> Vec<usize> {
    let candidates = sentence_range(kept, si).filter(|&k| {
        kept[k].sentence == si && kept[k].tokens.1 <= before && !kept[k].modifier && !refs[k].is_empty()
    });
    // Every candidate but the first ends a coordination of two or more.
    for k in candidates.skip(1) {
        let end_tok = kept[k].tokens.1;
        let c = coordination_before(doc, sentences, kept, refs, si, end_tok);
        if c.len() >= 2 {
            return c;
        }
    }
    Vec::new()
}

/// Appends the id of the group nominal `m` of country `code` to `out`: `group:syr-rebels`.
fn push_group_id(code: &str, m: &EntityMention, out: &mut String) {
    out.push_str("group:");
    if code.is_ascii() {
        out.extend(code.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        out.push_str(&code.to_lowercase());
    }
    out.push('-');
    push_slug(m.roles.first().unwrap_or(&m.name), out);
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The byte paths for ASCII names find the words `name_words` finds.
        #[test]
        fn ascii_names_split_as_characters_do(name in "[ -~\t\n\r\x0B\x0C]{0,30}") {
            let words: Vec<&str> = name_words(&name).collect();
            proptest::prop_assert_eq!(is_full_name(&name), words.len() >= 2);
            let last = words.len().checked_sub(2).map(|_| words[words.len() - 1]);
            proptest::prop_assert_eq!(first_and_last_words(&name), (words.first().copied(), last));
        }
    }
}

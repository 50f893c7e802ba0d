//! The lexicon: known actors and their aliases, demonyms, capitals, role
//! nouns, first names and relation triggers.
//!
//! The built-in tables are the files of `data/lexicon/` (derived from the
//! Phoenix/CAMEO dictionaries, the countries list, the census first names and
//! the CAMEO verb patterns by `build-lexicon`), embedded in the binary. A user
//! adds rows with `--lexicon DIR` in the same formats.
//!
//! Every phrase is matched on token sequences, not raw text: a phrase is
//! tokenized with [`crate::text`], lowercased (diacritics folded) and joined
//! by single spaces. Matching looks up, at each token, the phrases that begin
//! with that word (an index from first word to the phrase lengths it starts)
//! and then the exact word sequence: matches are aligned to token boundaries
//! by construction, so `US` never matches inside `USB` and `al-Qaeda` matches
//! `al - Qaeda` however it was typed. For ~80,000 phrases this builds in a few
//! milliseconds and costs one or two hash lookups per token, several times
//! faster than an overlapping automaton search over the sentence.

use std::borrow::Cow;
use std::collections::{hash_map, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::error::{Error, Result};
use crate::model::{ActorId, ActorKind};
use crate::text::{self, Sentence, Token};

/// A named actor of the lexicon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexActor {
    /// Stable id.
    pub id: ActorId,
    /// Kind.
    pub kind: ActorKind,
    /// Display label.
    pub label: String,
    /// ISO alpha-3 country, when known.
    pub country: Option<String>,
    /// Roles (rarely known from the lexicon).
    pub roles: Vec<String>,
}

/// A role noun (`president`, `rebels`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agent {
    /// True for the plural form.
    pub plural: bool,
    /// [`ActorKind::Person`] for an office a person holds, [`ActorKind::Group`] for a collective.
    pub kind: ActorKind,
    /// Canonical role label (`Foreign Minister`).
    pub role: String,
}

/// The inflection of a trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TriggerForm {
    /// Base form (`meet`).
    Inf,
    /// Third person singular (`meets`).
    ThirdSg,
    /// Past tense (`met`).
    Past,
    /// Past participle (`met`, `backed`).
    PastPart,
    /// Gerund (`meeting`).
    Gerund,
    /// Event noun (`talks`, `attack`).
    Noun,
}

impl TriggerForm {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "inf" => Self::Inf,
            "3sg" => Self::ThirdSg,
            "past" => Self::Past,
            "pastpart" => Self::PastPart,
            "ger" => Self::Gerund,
            "noun" => Self::Noun,
            _ => return None,
        })
    }
}

/// A relation trigger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trigger {
    /// Relation key.
    pub relation: String,
    /// Inflection.
    pub form: TriggerForm,
    /// Number of words in the phrase.
    pub words: usize,
}

/// What a matched phrase is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// A name of `actors[i]`; `caps` has bit `k` set when word `k` of the
    /// alias is capitalized, `acronym` when the alias is a short all-caps word.
    Actor {
        /// Index into [`Lexicon::actors`].
        actor: u32,
        /// Capitalized words of the alias.
        caps: u64,
        /// All-caps alias of at most five letters (`US`, `NATO`): the text must be all caps too.
        acronym: bool,
    },
    /// A demonym of the country `countries[i]`.
    Demonym(u32),
    /// A capital of the country `countries[i]`.
    Capital(u32),
    /// `agents[i]`.
    Agent(u32),
    /// `triggers[i]`.
    Trigger(u32),
}

/// One phrase found in a sentence: tokens `[start, end)` of the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseMatch {
    /// First token (index into the sentence's tokens).
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// What it is.
    pub entry: Entry,
}

/// The lexicon.
#[derive(Debug)]
pub struct Lexicon {
    /// Named actors.
    pub actors: Vec<LexActor>,
    /// Country codes referenced by demonyms and capitals.
    pub countries: Vec<String>,
    /// Role nouns.
    pub agents: Vec<Agent>,
    /// Relation triggers.
    pub triggers: Vec<Trigger>,
    /// Given names (as written, title case).
    pub first_names: FastSet<Field>,
    /// Ordinary lowercase English words (lemmas): a capitalized run made only
    /// of them is rarely a person's name.
    pub common_words: FastSet<Field>,
    /// Last words of the lexicon's persons (`Putin`): the person when only one
    /// has it, `None` when several share it.
    pub surnames: FastMap<String, Option<u32>>,
    actor_index: FastMap<ActorId, usize>,
    phrases: PhraseTable,
}

/// The normalized phrases and their entries, looked up by the hash of their
/// text ([`PhraseHashes`]): the keys are `u64`s in a small table, and the text
/// is compared once, on a hit. Built by a [`PhraseTableBuilder`].
#[derive(Debug, Default)]
struct PhraseTable {
    /// Phrase hash -> last phrase with that hash, and first-word hash ->
    /// lengths of the phrases it starts.
    keys: HashSlots,
    /// Next phrase with the same hash ([`NO_PHRASE`] at the end).
    next: Vec<u32>,
    /// Text of phrase `i`: `text[spans[i].0..spans[i].1]`.
    spans: Vec<(u32, u32)>,
    text: String,
    /// What phrase `i` is: `entries[i]`.
    entries: PhraseEntries,
    /// The hash of every phrase and of each of its prefixes.
    filter: PhraseFilter,
}

/// The keys of a [`PhraseTable`]: the hashes of its phrases and of their
/// first words, one slot per hash in an open-addressing table (linear
/// probing, a power of two of slots, at most three quarters used). A hit reads
/// one slot, which holds both what a first word starts and the phrase with
/// that hash with its text's place, where a hash map reads control bytes and
/// then a bucket, and a second map for the first words.
#[derive(Debug, Default)]
struct HashSlots {
    slots: Vec<Slot>,
    /// Slots in use.
    used: usize,
    /// `64 - log2(slots.len())`: a hash's first slot is its top bits after a multiply.
    shift: u32,
}

/// A slot of [`HashSlots`], free while `lengths` is 0 and `phrase` is [`NO_PHRASE`].
#[derive(Debug, Clone, Copy)]
struct Slot {
    hash: u64,
    /// Bit `n-1` set when a phrase of `n` words starts with a word of this
    /// hash (a superset on hash collisions, which the exact phrase lookup
    /// then rules out).
    lengths: u64,
    /// The last phrase added with this hash ([`NO_PHRASE`] for none), the
    /// others before it by [`PhraseTable::next`].
    phrase: u32,
    /// The text of `phrase`: `text[start..end]`.
    start: u32,
    end: u32,
}

impl Slot {
    const FREE: Slot = Slot {
        hash: 0,
        lengths: 0,
        phrase: NO_PHRASE,
        start: 0,
        end: 0,
    };

    fn is_free(&self) -> bool {
        self.lengths == 0 && self.phrase == NO_PHRASE
    }
}

impl HashSlots {
    /// The first slot to try for `hash` (the table not empty).
    fn home(&self, hash: u64) -> usize {
        (hash.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
    }

    /// The slot of `hash`, if any. (A free slot may come back for the hash 0:
    /// it holds no phrase and starts none, as no slot would.)
    fn get(&self, hash: u64) -> Option<&Slot> {
        let mask = self.slots.len().checked_sub(1)?;
        let mut i = self.home(hash);
        loop {
            let slot = self.slots.get(i)?;
            if slot.hash == hash {
                return Some(slot);
            }
            if slot.is_free() {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// The slot of `hash`, taken when new: the caller then sets its `lengths`
    /// or its `phrase`, which marks it used.
    fn get_or_add(&mut self, hash: u64) -> &mut Slot {
        self.reserve(1);
        let mask = self.slots.len() - 1;
        let mut i = self.home(hash);
        while !self.slots[i].is_free() && self.slots[i].hash != hash {
            i = (i + 1) & mask;
        }
        if self.slots[i].is_free() {
            self.used += 1;
        }
        let slot = &mut self.slots[i];
        slot.hash = hash;
        slot
    }

    /// Room for `more` more hashes without growing.
    #[inline]
    fn reserve(&mut self, more: usize) {
        let need = self.used + more;
        if need * 4 > self.slots.len() * 3 {
            self.grow(need);
        }
    }

    /// Moves the hashes to a table with room for `need` of them.
    #[cold]
    fn grow(&mut self, need: usize) {
        let mut len = self.slots.len().max(16);
        while need * 4 > len * 3 {
            len *= 2;
        }
        let old = std::mem::replace(&mut self.slots, vec![Slot::FREE; len]);
        self.shift = 64 - len.trailing_zeros();
        for slot in old.into_iter().filter(|s| !s.is_free()) {
            let mut i = self.home(slot.hash);
            while !self.slots[i].is_free() {
                i = (i + 1) & (len - 1);
            }
            self.slots[i] = slot;
        }
    }
}

/// One bit per phrase hash (its top [`FILTER_BITS`] bits), set for the hash
/// of every phrase and of each of its prefixes (its first word, its first two
/// words ...): most words and word sequences tried while matching start no
/// phrase, and this small bitset (256 KiB, cache-resident) rules them out
/// without probing the tables, and stops extending a match as soon as no
/// phrase continues it. Empty (no bit set) until the first [`PhraseFilter::mark`].
#[derive(Debug, Default)]
struct PhraseFilter(Vec<u64>);

/// Bits of a phrase hash that index a [`PhraseFilter`].
const FILTER_BITS: u32 = 21;

impl PhraseFilter {
    /// False when no hash marked has the same top bits as `hash`.
    fn may_have(&self, hash: u64) -> bool {
        let bit = hash >> (64 - FILTER_BITS);
        self.0
            .get((bit / 64) as usize)
            .is_some_and(|w| w & (1 << (bit % 64)) != 0)
    }

    /// Sets the bit of this hash.
    fn mark(&mut self, hash: u64) {
        if self.0.is_empty() {
            self.0 = vec![0; 1 << (FILTER_BITS - 6)];
        }
        let bit = hash >> (64 - FILTER_BITS);
        if let Some(w) = self.0.get_mut((bit / 64) as usize) {
            *w |= 1 << (bit % 64);
        }
    }

    /// Sets every bit set in `other`.
    fn union(&mut self, other: &PhraseFilter) {
        if self.0.is_empty() {
            self.0.clone_from(&other.0);
            return;
        }
        for (w, o) in self.0.iter_mut().zip(&other.0) {
            *w |= o;
        }
    }
}

/// The entries of every phrase of a [`PhraseTable`] in one list, phrase by
/// phrase: `entries[i]` is the slice of phrase `i` (empty past the end), as
/// with a `Vec<Vec<Entry>>` but without an allocation per phrase, and the
/// entries of a phrase next to those of the phrases added just before and after it.
#[derive(Debug, Default, PartialEq, Eq)]
struct PhraseEntries {
    /// The entries of phrase `i` are `list[starts[i]..starts[i + 1]]`.
    starts: Vec<u32>,
    list: Vec<Entry>,
}

impl PhraseEntries {
    /// Groups `added`, the `(phrase, entry)` pairs in the order they were
    /// added, by phrase (`phrases` of them), each phrase's entries in that
    /// order without repeats.
    fn group(phrases: usize, added: &[(u32, Entry)]) -> Self {
        // Each phrase given room for all its pairs (`room[i]..room[i + 1]`),
        // filled in order while skipping repeats (`filled[i]` used).
        let mut room = vec![0u32; phrases + 1];
        for &(p, _) in added {
            if let Some(n) = room.get_mut(p as usize + 1) {
                *n += 1;
            }
        }
        for i in 1..room.len() {
            room[i] += room[i - 1];
        }
        let mut list = vec![Entry::Agent(0); added.len()];
        let mut filled = room.clone();
        let mut repeats = false;
        for &(p, entry) in added {
            let p = p as usize;
            let (Some(&start), Some(&end)) = (room.get(p), filled.get(p)) else {
                continue;
            };
            let (start, end) = (start as usize, end as usize);
            if list[start..end].contains(&entry) {
                repeats = true;
            } else {
                list[end] = entry;
                filled[p] += 1;
            }
        }
        if !repeats {
            return PhraseEntries { starts: room, list };
        }
        // Each phrase's entries moved down over the room left by the repeats before them.
        let mut starts = Vec::with_capacity(phrases + 1);
        starts.push(0);
        let mut len = 0;
        for (&start, &end) in room.iter().zip(&filled).take(phrases) {
            list.copy_within(start as usize..end as usize, len);
            len += (end - start) as usize;
            starts.push(len as u32);
        }
        list.truncate(len);
        PhraseEntries { starts, list }
    }
}

impl std::ops::Index<usize> for PhraseEntries {
    type Output = [Entry];

    fn index(&self, phrase: usize) -> &[Entry] {
        match (self.starts.get(phrase), self.starts.get(phrase + 1)) {
            (Some(&a), Some(&b)) => self.list.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }
}

const NO_PHRASE: u32 = u32::MAX;

/// FNV-1a hash of one normalized word.
fn word_hash(word: &[u8]) -> u64 {
    word.iter().fold(FNV_START, |h, &b| fnv_step(h, b))
}

/// The FNV-1a offset basis: the hash of no bytes.
const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// One byte of FNV-1a.
#[inline]
fn fnv_step(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
}

/// Appends the normalized form of token `tok` of `doc` to `norm` and returns
/// its [`word_hash`]. An ASCII token (most are) is copied, then lowercased and
/// hashed in one pass over its bytes; any other goes through [`normalize_token`]
/// (by way of `scratch`).
fn push_word(norm: &mut Vec<u8>, doc: &str, tok: &Token, scratch: &mut String) -> u64 {
    if let Some(hash) = push_short_ascii_word(norm, doc, tok) {
        return hash;
    }
    let start = norm.len();
    let bytes = doc.as_bytes().get(tok.span.start..tok.span.end);
    norm.extend_from_slice(bytes.unwrap_or_default());
    let mut hash = FNV_START;
    let mut high = 0;
    for b in norm.get_mut(start..).unwrap_or_default() {
        high |= *b;
        *b = b.to_ascii_lowercase();
        hash = fnv_step(hash, *b);
    }
    if high.is_ascii() {
        return hash;
    }
    norm.truncate(start);
    scratch.clear();
    normalize_token(tok.text(doc), scratch);
    norm.extend_from_slice(scratch.as_bytes());
    word_hash(scratch.as_bytes())
}

/// [`push_word`] of an ASCII token of one to eight bytes (most tokens) with eight
/// bytes of `doc` from its start (all but the last few tokens): its bytes read,
/// lowercased and appended as one `u64` rather than byte by byte. `None`, and
/// nothing appended, for any other token.
fn push_short_ascii_word(norm: &mut Vec<u8>, doc: &str, tok: &Token) -> Option<u64> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let len = tok.span.len();
    if !(1..=8).contains(&len) {
        return None;
    }
    let chunk = doc.as_bytes().get(tok.span.start..)?.first_chunk::<8>()?;
    // The token's bytes, the bytes after it zeroed.
    let word = u64::from_le_bytes(*chunk) & (u64::MAX >> (64 - 8 * len));
    if word & HIGH != 0 {
        return None;
    }
    // Each byte is below 0x80, so adding to it carries into its own top bit
    // only: that bit is set for the bytes from `A` and for those past `Z`.
    let from_a = word + 0x3f3f_3f3f_3f3f_3f3f;
    let past_z = word + 0x2525_2525_2525_2525;
    let lower = word | (from_a & !past_z & HIGH) >> 2;
    // All eight bytes appended at once, then the zeros after the word dropped.
    let bytes = lower.to_le_bytes();
    let start = norm.len();
    norm.extend_from_slice(&bytes);
    norm.truncate(start + len);
    Some(word_hash(bytes.get(..len).unwrap_or_default()))
}

/// The hash of the phrase `phrase` extended by a word of hash `word`: a phrase's
/// hash is the [`word_hash`] of its first word extended by each following word,
/// so matching hashes every token once and extends a phrase by one multiply per word.
fn extend_hash(phrase: u64, word: u64) -> u64 {
    (phrase.rotate_left(23) ^ word).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// The hashes of a normalized phrase (words joined by single spaces).
#[derive(Debug, Clone, Copy)]
struct PhraseHashes {
    /// [`word_hash`] of the first word.
    first: u64,
    /// Hash of the whole phrase.
    hash: u64,
    /// Number of words.
    words: usize,
}

impl PhraseHashes {
    fn of(phrase: &str) -> Self {
        Self::with_prefixes(phrase, |_| {})
    }

    /// [`PhraseHashes::of`], calling `prefix` with the hash of each start of the
    /// phrase (the first word, the first two words ..., the whole phrase).
    fn with_prefixes(phrase: &str, mut prefix: impl FnMut(u64)) -> Self {
        // One pass over the bytes: each space ends a word, and so does the end
        // (the words of `split(' ')`).
        let mut hashes = PhraseHashes {
            first: 0,
            hash: 0,
            words: 0,
        };
        let mut end_word = |h: &mut PhraseHashes, word: u64| {
            h.hash = if h.words == 0 {
                h.first = word;
                word
            } else {
                extend_hash(h.hash, word)
            };
            h.words += 1;
            prefix(h.hash);
        };
        let mut word = FNV_START;
        for &b in phrase.as_bytes() {
            if b == b' ' {
                end_word(&mut hashes, word);
                word = FNV_START;
            } else {
                word = fnv_step(word, b);
            }
        }
        end_word(&mut hashes, word);
        hashes
    }
}

impl PhraseTable {
    /// False when no phrase and no start of a phrase has this hash ([`PhraseTable::filter`]).
    fn may_have(&self, hash: u64) -> bool {
        self.filter.may_have(hash)
    }

    /// The lengths of the phrases that start with a word of this hash: bit `n-1`
    /// for `n` words ([`Slot::lengths`]), 0 for none.
    fn lengths(&self, first_word: u64) -> u64 {
        if !self.may_have(first_word) {
            return 0;
        }
        self.keys.get(first_word).map_or(0, |slot| slot.lengths)
    }

    /// The phrase with this text (and hash), if any.
    fn get(&self, hash: u64, phrase: &[u8]) -> Option<usize> {
        if !self.may_have(hash) {
            return None;
        }
        let slot = self.keys.get(hash)?;
        let (mut i, mut span) = (slot.phrase, (slot.start, slot.end));
        while i != NO_PHRASE {
            if self.text.as_bytes().get(span.0 as usize..span.1 as usize) == Some(phrase) {
                return Some(i as usize);
            }
            i = self.next[i as usize];
            span = self.spans.get(i as usize).copied().unwrap_or_default();
        }
        None
    }

    /// The phrase with this text and these hashes, added when new (`None`
    /// when it has more than 64 words). The filter bits of the phrase and its
    /// prefixes must be set already.
    fn get_or_insert(&mut self, phrase: &str, hashes: &PhraseHashes) -> Option<u32> {
        let &PhraseHashes { first, hash, words } = hashes;
        if let Some(i) = self.get(hash, phrase.as_bytes()) {
            return Some(i as u32);
        }
        if words > 64 {
            return None;
        }
        self.keys.get_or_add(first).lengths |= 1u64 << (words - 1);
        let i = self.spans.len() as u32;
        let start = self.text.len() as u32;
        self.text.push_str(phrase);
        let end = self.text.len() as u32;
        self.spans.push((start, end));
        let slot = self.keys.get_or_add(hash);
        self.next.push(slot.phrase);
        *slot = Slot {
            phrase: i,
            start,
            end,
            ..*slot
        };
        Some(i)
    }
}

/// A [`PhraseTable`] being filled with [`Patterns`]: phrase `i` is the `i`-th
/// distinct phrase added, and each phrase keeps its entries in the order
/// they were added, once each, whichever thread normalized them.
#[derive(Debug)]
struct PhraseTableBuilder {
    /// The table so far, without its entries.
    table: PhraseTable,
    /// `(phrase, entry)` pairs in the order they were added (repeats
    /// included), grouped by phrase when the table is finished.
    added: Vec<(u32, Entry)>,
}

impl PhraseTableBuilder {
    /// An empty table with room for about `phrases` phrases (and their first
    /// words) without growing its [`HashSlots`].
    fn with_capacity(phrases: usize) -> Self {
        let mut table = PhraseTable::default();
        table.keys.reserve(phrases + phrases / 2);
        PhraseTableBuilder {
            table,
            added: Vec::with_capacity(phrases),
        }
    }

    /// Adds the phrases of `patterns`, in order.
    fn add(&mut self, patterns: &Patterns) {
        let t = &mut self.table;
        t.filter.union(&patterns.filter);
        let n = patterns.list.len();
        // A phrase and its first word: at most two keys, usually fewer.
        t.keys.reserve(n + n / 2);
        t.next.reserve(n);
        t.spans.reserve(n);
        t.text.reserve(patterns.text.len());
        self.added.reserve(n);
        let mut start = 0;
        for p in &patterns.list {
            let phrase = patterns.text.get(start..p.end as usize).unwrap_or("");
            start = p.end as usize;
            if let Some(i) = t.get_or_insert(phrase, &p.hashes) {
                self.added.push((i, p.entry));
            }
        }
    }

    /// The table, each phrase with its entries.
    fn finish(self) -> PhraseTable {
        let mut table = self.table;
        table.entries = PhraseEntries::group(table.spans.len(), &self.added);
        table
    }
}

/// Normalized phrases and what they are, in the order they were added, ready
/// to go into a [`PhraseTable`] ([`PhraseTableBuilder::add`]): the phrases of
/// the actor rows and those of the other rows are normalized and hashed on
/// two threads, then added to one table in the order of the rows.
#[derive(Debug, Default)]
struct Patterns {
    /// The normalized phrases back to back: phrase `i` ends at `list[i].end`,
    /// where phrase `i + 1` starts.
    text: String,
    list: Vec<Pattern>,
    /// The hashes of the phrases and of their prefixes.
    filter: PhraseFilter,
}

/// A phrase of [`Patterns`].
#[derive(Debug)]
struct Pattern {
    /// End of its text in [`Patterns::text`].
    end: u32,
    hashes: PhraseHashes,
    entry: Entry,
}

impl Patterns {
    /// Room for about `phrases` phrases.
    fn with_capacity(phrases: usize) -> Self {
        Patterns {
            text: String::with_capacity(phrases * 16),
            list: Vec::with_capacity(phrases),
            filter: PhraseFilter::default(),
        }
    }

    /// Normalizes `phrase` and adds it with the entry that `entry` makes of its
    /// capitalization mask and number of words. `entry` is called even for a
    /// phrase with no word, which is not added.
    fn add(&mut self, phrase: &str, entry: impl FnOnce(u64, usize) -> Entry) {
        let start = self.text.len();
        let (caps, words) = normalize_phrase_into(phrase, &mut self.text);
        let entry = entry(caps, words);
        let norm = self.text.get(start..).unwrap_or_default();
        if norm.is_empty() {
            return;
        }
        let filter = &mut self.filter;
        let hashes = PhraseHashes::with_prefixes(norm, |h| filter.mark(h));
        self.list.push(Pattern {
            end: self.text.len() as u32,
            hashes,
            entry,
        });
    }
}

/// A `HashSet` with a fast, deterministic hasher (foldhash with its fixed
/// seed: the same hashes in every run, so nothing depends on a random state).
pub type FastSet<K> = HashSet<K, foldhash::fast::FixedState>;

/// A `HashMap` with the hasher of [`FastSet`].
pub type FastMap<K, V> = HashMap<K, V, foldhash::fast::FixedState>;

/// A field of [`Tables`]: borrowed from the embedded tables, owned when read from a user file.
pub type Field = Cow<'static, str>;

/// Raw tables, as read from TSV files, before the matcher is built.
#[derive(Debug, Default, Clone)]
pub struct Tables {
    /// `(id, kind, label, country, roles, aliases)`.
    pub actors: Vec<ActorRow>,
    /// `(form, country)`.
    pub demonyms: Vec<(Field, Field)>,
    /// `(capital, country)`.
    pub capitals: Vec<(Field, Field)>,
    /// `(phrase, number, kind, role)`.
    pub agents: Vec<(Field, Field, Field, Field)>,
    /// Names.
    pub first_names: Vec<Field>,
    /// Ordinary English words.
    pub common_words: Vec<Field>,
    /// `(phrase, relation, form)`.
    pub triggers: Vec<(Field, Field, Field)>,
}

/// The table files of a lexicon folder (see `data/lexicon/README.md`), told
/// apart by name once per file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TableFile {
    Actors,
    Demonyms,
    Capitals,
    Agents,
    FirstNames,
    CommonWords,
    Triggers,
}

impl TableFile {
    /// Every table file, in the order [`Tables::add_dir`] reads them.
    const ALL: [TableFile; 7] = [
        Self::Actors,
        Self::Demonyms,
        Self::Capitals,
        Self::Agents,
        Self::FirstNames,
        Self::Triggers,
        Self::CommonWords,
    ];

    /// The file's name in a lexicon folder.
    fn name(self) -> &'static str {
        match self {
            Self::Actors => "actors.tsv",
            Self::Demonyms => "demonyms.tsv",
            Self::Capitals => "capitals.tsv",
            Self::Agents => "agents.tsv",
            Self::FirstNames => "first_names.txt",
            Self::CommonWords => "common_words.txt",
            Self::Triggers => "triggers.tsv",
        }
    }

    /// The table of the file called `name`, if it is one of [`TableFile::ALL`].
    fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.name() == name)
    }
}

/// The embedded actor table, as `(file name, content)`: read on one thread
/// while [`BUILTIN_OTHERS`] are on another ([`Lexicon::builtin`]).
const BUILTIN_ACTORS: [(&str, &str); 1] = [("actors.tsv", include_str!("../data/lexicon/actors.tsv"))];

/// The other embedded tables: phrases, then word lists.
const BUILTIN_OTHERS: [(&str, &str); 6] = [
    ("demonyms.tsv", include_str!("../data/lexicon/demonyms.tsv")),
    ("capitals.tsv", include_str!("../data/lexicon/capitals.tsv")),
    ("agents.tsv", include_str!("../data/lexicon/agents.tsv")),
    ("triggers.tsv", include_str!("../data/lexicon/triggers.tsv")),
    ("first_names.txt", include_str!("../data/lexicon/first_names.txt")),
    (
        "common_words.txt",
        include_str!("../data/lexicon/common_words.txt"),
    ),
];

impl Tables {
    /// The tables embedded in the binary.
    pub fn builtin() -> Result<Self> {
        let mut t = Tables::default();
        for (name, content) in BUILTIN_ACTORS.into_iter().chain(BUILTIN_OTHERS) {
            t.add_static_file(Path::new(name), content)?;
        }
        Ok(t)
    }

    /// The embedded tables of `files`.
    fn builtin_files(files: &[(&str, &'static str)]) -> Result<Self> {
        let mut t = Tables::default();
        for (name, content) in files {
            t.add_static_file(Path::new(name), content)?;
        }
        Ok(t)
    }

    /// Adds the rows of one file, recognised by its name (see `data/lexicon/README.md`).
    pub fn add_file(&mut self, path: &Path, content: &str) -> Result<()> {
        self.add_rows(path, content, |f| Cow::Owned(f.to_string()))
    }

    /// [`add_file`](Self::add_file) for text that lives as long as the program
    /// (the embedded tables): the fields borrow it instead of being copied.
    pub fn add_static_file(&mut self, path: &Path, content: &'static str) -> Result<()> {
        self.add_rows(path, content, Cow::Borrowed)
    }

    /// Adds the rows of `content`, each field made a [`Field`] by `field`.
    fn add_rows<'c>(
        &mut self,
        path: &Path,
        content: &'c str,
        field: impl Fn(&'c str) -> Field,
    ) -> Result<()> {
        // A file of another name has no table: nothing to read.
        let Some(file) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(TableFile::from_name)
        else {
            return Ok(());
        };
        let bad = |line: usize, message: String| Error::Lexicon {
            path: path.to_path_buf(),
            line,
            message,
        };
        // Room for every line: the tables are large, and growing them copies them.
        self.reserve(file, memchr::memchr_iter(b'\n', content.as_bytes()).count() + 1);
        let mut rows = lines(content)
            .enumerate()
            .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
            .filter(|(_, l)| !trim(l).is_empty() && !l.starts_with('#'));
        // The first non-comment line is the header.
        let _header = rows.next();
        for (n, line) in rows {
            // The first columns (no row uses more) and how many there are.
            let mut cols = [""; 6];
            let mut len = 0;
            let mut rest = Some(line);
            while let Some(r) = rest {
                // `split('\t')` sets up a char searcher per field, and memchr
                // costs more to set up than the search on these short fields.
                let (field, next) = match find_tab(r.as_bytes()) {
                    Some(tab) => (r.get(..tab).unwrap_or(""), r.get(tab + 1..)),
                    None => (r, None),
                };
                if let Some(c) = cols.get_mut(len) {
                    *c = trim(field);
                }
                len += 1;
                rest = next;
            }
            let c = &cols[..len.min(cols.len())];
            let col = |i: usize| field(c.get(i).copied().unwrap_or(""));
            let need = |k: usize| -> Result<()> {
                if c.len() < k || c[..k].iter().any(|s| s.is_empty()) {
                    Err(bad(
                        n,
                        format!("expected at least {k} non-empty tab-separated columns"),
                    ))
                } else {
                    Ok(())
                }
            };
            match file {
                TableFile::Actors => {
                    need(3)?;
                    if ActorKind::from_name(c[1]).is_none() {
                        return Err(bad(n, format!("unknown kind {:?}", c[1])));
                    }
                    self.actors.push((col(0), col(1), col(2), col(3), col(4), col(5)));
                }
                TableFile::Demonyms => {
                    need(2)?;
                    self.demonyms.push((col(0), col(1)));
                }
                TableFile::Capitals => {
                    need(2)?;
                    self.capitals.push((col(0), col(1)));
                }
                TableFile::Agents => {
                    need(4)?;
                    self.agents.push((col(0), col(1), col(2), col(3)));
                }
                TableFile::FirstNames => self.first_names.push(col(0)),
                TableFile::CommonWords => self.common_words.push(col(0)),
                TableFile::Triggers => {
                    need(3)?;
                    if TriggerForm::parse(c[2]).is_none() {
                        return Err(bad(n, format!("unknown trigger form {:?}", c[2])));
                    }
                    self.triggers.push((col(0), col(1), col(2)));
                }
            }
        }
        Ok(())
    }

    /// Reserves room for `rows` more rows in the table of `file`.
    fn reserve(&mut self, file: TableFile, rows: usize) {
        match file {
            TableFile::Actors => self.actors.reserve(rows),
            TableFile::Demonyms => self.demonyms.reserve(rows),
            TableFile::Capitals => self.capitals.reserve(rows),
            TableFile::Agents => self.agents.reserve(rows),
            TableFile::FirstNames => self.first_names.reserve(rows),
            TableFile::CommonWords => self.common_words.reserve(rows),
            TableFile::Triggers => self.triggers.reserve(rows),
        }
    }

    /// Adds every known file present in `dir`.
    pub fn add_dir(&mut self, dir: &Path) -> Result<()> {
        if !dir.is_dir() {
            return Err(Error::Input {
                path: dir.to_path_buf(),
                source: std::io::Error::new(std::io::ErrorKind::NotFound, "lexicon folder not found"),
            });
        }
        for f in TableFile::ALL {
            let p = dir.join(f.name());
            if p.exists() {
                let content = std::fs::read_to_string(&p).map_err(|source| Error::Input {
                    path: p.clone(),
                    source,
                })?;
                self.add_file(&p, &content)?;
            }
        }
        Ok(())
    }
}

/// The lines of `content`, as [`str::lines`] makes them (without the `\n` or
/// `\r\n` that ends them; no empty last line after a final line break), found
/// by memchr's vectorized search: `str::lines` sets up a character search per
/// line, which costs more than the search itself on the short lines of the tables.
fn lines(content: &str) -> impl Iterator<Item = &str> {
    let bytes = content.as_bytes();
    let mut start = 0;
    let mut ends = memchr::memchr_iter(b'\n', bytes);
    std::iter::from_fn(move || {
        let line = match ends.next() {
            Some(end) => {
                let line = content.get(start..end)?;
                start = end + 1;
                line.strip_suffix('\r').unwrap_or(line)
            }
            None if start < bytes.len() => {
                let line = content.get(start..)?;
                start = bytes.len();
                line
            }
            None => return None,
        };
        Some(line)
    })
}

/// The position of the first tab in `bytes`, found eight bytes at a time.
fn find_tab(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let w = u64::from_le_bytes(chunk.try_into().unwrap_or_default()) ^ (ONES * u64::from(b'\t'));
        // The high bit of each zero byte of `w` (a tab), and maybe of bytes
        // after one: the lowest is the first tab.
        let tabs = w.wrapping_sub(ONES) & !w & (ONES << 7);
        if tabs != 0 {
            return Some(at + (tabs.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| b == b'\t')
        .map(|i| at + i)
}

/// `text.trim()`, at once for the usual field that starts and ends with a
/// visible ASCII character.
fn trim(text: &str) -> &str {
    match (text.as_bytes().first(), text.as_bytes().last()) {
        (Some(a), Some(b)) if a.is_ascii_graphic() && b.is_ascii_graphic() => text,
        _ => text.trim(),
    }
}

/// True when `w` is in `list`, a list sorted in byte order (`&str` order).
///
/// A binary search with the byte comparison inlined: the word lists are short
/// words, for which calling `memcmp` at every probe costs more than the compare.
pub fn in_sorted(list: &[&str], w: &str) -> bool {
    let w = w.as_bytes();
    list.binary_search_by(|x| cmp_bytes(x.as_bytes(), w)).is_ok()
}

/// Byte-wise order of two byte strings (the order of `&[u8]` and `&str`).
#[inline]
fn cmp_bytes(a: &[u8], b: &[u8]) -> std::cmp::Ordering {
    for (x, y) in a.iter().zip(b) {
        if x != y {
            return x.cmp(y);
        }
    }
    a.len().cmp(&b.len())
}

/// Lowercases a token for matching (and folds the typographic apostrophe).
pub fn normalize_token(tok: &str, out: &mut String) {
    // The ASCII prefix (usually the whole token) copied and lowercased in place,
    // the rest, from the first non-ASCII character, by characters.
    let ascii = tok.bytes().position(|b| !b.is_ascii()).unwrap_or(tok.len());
    let (head, rest) = tok.split_at_checked(ascii).unwrap_or((tok, ""));
    let start = out.len();
    out.push_str(head);
    if let Some(added) = out.get_mut(start..) {
        added.make_ascii_lowercase();
    }
    for ch in rest.chars() {
        match ch {
            '\u{2019}' | '\u{2018}' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => match fold_diacritic(c) {
                Some(base) => out.push(base),
                None => out.extend(c.to_lowercase()),
            },
        }
    }
}

/// The base letter of a Latin letter with a diacritic (`é` -> `e`, `Ö` -> `o`),
/// so `António Guterres` matches `Antonio Guterres`.
fn fold_diacritic(c: char) -> Option<char> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => {
            'a'
        }
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => 'c',
        'ď' | 'đ' | 'Ď' | 'Đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ě' => {
            'e'
        }
        'ğ' | 'Ğ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' | 'İ' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' => 'i',
        'ł' | 'ľ' | 'Ł' | 'Ľ' => 'l',
        'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' | 'Ő' => {
            'o'
        }
        'ř' | 'Ř' => 'r',
        'ś' | 'š' | 'ş' | 'ș' | 'Ś' | 'Š' | 'Ş' | 'Ș' => 's',
        'ť' | 'ţ' | 'ț' | 'Ť' | 'Ţ' | 'Ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' => {
            'u'
        }
        'ý' | 'ÿ' | 'Ý' => 'y',
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => 'z',
        _ => return None,
    })
}

/// Tokens of a phrase, normalized and joined by spaces, with the capitalization
/// mask and the number of tokens.
fn normalize_phrase(phrase: &str) -> (String, u64, usize) {
    let mut out = String::with_capacity(phrase.len() + 4);
    let (caps, n) = normalize_phrase_into(phrase, &mut out);
    (out, caps, n)
}

/// Classes of bytes for [`normalize_phrase_into`]'s first pass, one table
/// lookup per byte: [`WORD`] for an ASCII letter or digit (with [`UPPER`] for a
/// capital), [`SPACE`], [`HYPHEN`], 0 for any other byte.
static PHRASE_BYTES: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = if c.is_ascii_uppercase() {
            WORD | UPPER
        } else if c.is_ascii_alphanumeric() {
            WORD
        } else if c == b' ' {
            SPACE
        } else if c == b'-' {
            HYPHEN
        } else {
            0
        };
        b += 1;
    }
    table
};

/// [`PHRASE_BYTES`] class of the bytes of words.
const WORD: u8 = 1;
/// [`PHRASE_BYTES`] class of capitals (with [`WORD`]).
const UPPER: u8 = 2;
/// [`PHRASE_BYTES`] class of the space.
const SPACE: u8 = 4;
/// [`PHRASE_BYTES`] class of the hyphen.
const HYPHEN: u8 = 8;

/// [`normalize_phrase`] appended to `out`, returning the capitalization mask
/// and the number of tokens: building the lexicon writes its fifty thousand
/// phrases back to back into one string instead of allocating a string each.
fn normalize_phrase_into(phrase: &str, out: &mut String) -> (u64, usize) {
    // Most lexicon phrases are ASCII letters, digits, spaces and hyphens: their
    // tokens are the runs of letters and digits and each hyphen (no period,
    // apostrophe or other mark that the tokenizer would split or keep),
    // lowercased. One pass finds them, and hands any other phrase to the
    // tokenizer at its first other character.
    let start = out.len();
    let mut caps = 0u64;
    let mut n = 0;
    let mut in_word = false;
    // No hyphen, and each space between two words: the phrase is its tokens
    // joined by single spaces already, and only needs lowercasing.
    let mut plain = true;
    for &c in phrase.as_bytes() {
        let class = PHRASE_BYTES[usize::from(c)];
        if class & WORD != 0 {
            if !in_word {
                if n < 64 && class & UPPER != 0 {
                    caps |= 1 << n;
                }
                n += 1;
                in_word = true;
            }
        } else if class == SPACE {
            plain &= in_word;
            in_word = false;
        } else if class == HYPHEN {
            plain = false;
            n += 1;
            in_word = false;
        } else {
            return normalize_tokens(phrase, out);
        }
    }
    if plain && (in_word || phrase.is_empty()) {
        out.push_str(phrase);
        if let Some(added) = out.get_mut(start..) {
            added.make_ascii_lowercase();
        }
        return (caps, n);
    }
    // Spaces to drop or hyphens to set apart: written token by token.
    let mut words = 0;
    let mut in_word = false;
    for &c in phrase.as_bytes() {
        if c.is_ascii_alphanumeric() {
            if !in_word {
                if words > 0 {
                    out.push(' ');
                }
                words += 1;
                in_word = true;
            }
            out.push(char::from(c.to_ascii_lowercase()));
        } else if c == b'-' {
            if words > 0 {
                out.push(' ');
            }
            out.push('-');
            words += 1;
            in_word = false;
        } else {
            in_word = false;
        }
    }
    (caps, n)
}

/// [`normalize_phrase_into`] through the tokenizer (any text), appended to `out`.
fn normalize_tokens(phrase: &str, out: &mut String) -> (u64, usize) {
    let mut caps = 0u64;
    let mut n = 0;
    for s in text::split_sentences(phrase) {
        for t in s.tokens {
            let w = t.text(phrase);
            if n > 0 {
                out.push(' ');
            }
            if n < 64 && w.chars().next().is_some_and(char::is_uppercase) {
                caps |= 1 << n;
            }
            normalize_token(w, out);
            n += 1;
        }
    }
    (caps, n)
}

/// The first names and common words of tables, as sets.
#[derive(Debug, Default)]
struct WordSets {
    first_names: FastSet<Field>,
    common_words: FastSet<Field>,
}

impl WordSets {
    fn new(t: &Tables) -> Self {
        // Sized up front: a filtered iterator gives no size hint, and the sets
        // would otherwise be rehashed a dozen times as they grow.
        let set = |words: &[Field]| {
            let mut set = FastSet::with_capacity_and_hasher(words.len(), Default::default());
            set.extend(words.iter().filter(|n| !n.is_empty()).cloned());
            set
        };
        Self {
            first_names: set(&t.first_names),
            common_words: set(&t.common_words),
        }
    }
}

/// True for an alias of one to five letters, all capitals (`US`, `NATO`, `U.N.`).
fn is_acronym(alias: &str) -> bool {
    let mut letters = 0;
    for c in alias.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        if letters > 5 || !c.is_uppercase() {
            return false;
        }
    }
    letters > 0
}

impl Lexicon {
    /// The built-in lexicon (built once per process).
    pub fn builtin() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| {
            // The embedded tables are checked by a unit test; an error here can only
            // come from a broken build, so fall back to an empty lexicon rather than panic.
            // The same lexicon as `from_tables(&Tables::builtin())`, sooner: the
            // actor rows are read and compiled on this thread while the other
            // rows and the word lists are on a second one (and the names of the
            // second half of the actor rows, with the surnames, on a third).
            let others = || {
                let t = Tables::builtin_files(&BUILTIN_OTHERS).unwrap_or_default();
                (OtherRows::new(&t), WordSets::new(&t))
            };
            std::thread::scope(|scope| {
                let others_thread = std::thread::Builder::new()
                    .name("lexicon-others".into())
                    .spawn_scoped(scope, others);
                let t = Tables::builtin_files(&BUILTIN_ACTORS).unwrap_or_default();
                let actors = ActorRows::new(&t);
                let (rows, row_actors) = (&t.actors, &actors.row_actors);
                let half = rows.len() / 2;
                // About a name per actor row, and fewer other phrases than names.
                let mut phrases = PhraseTableBuilder::with_capacity(rows.len() * 2);
                // The names of the second half of the actor rows and the surnames on a third thread.
                let surnames = std::thread::scope(|scope| {
                    let names = || {
                        let second = actor_patterns(&rows[half..], &row_actors[half..]);
                        (second, surnames(&actors.actors))
                    };
                    let names_thread = std::thread::Builder::new()
                        .name("lexicon-names".into())
                        .spawn_scoped(scope, names);
                    phrases.add(&actor_patterns(&rows[..half], &row_actors[..half]));
                    let (second, surnames) = match names_thread {
                        Ok(handle) => handle.join().unwrap_or_else(|p| std::panic::resume_unwind(p)),
                        Err(_) => names(),
                    };
                    phrases.add(&second);
                    surnames
                });
                let (others, words) = match others_thread {
                    Ok(handle) => handle.join().unwrap_or_else(|p| std::panic::resume_unwind(p)),
                    Err(_) => others(),
                };
                phrases.add(&others.patterns);
                Lexicon::assemble(actors, surnames, others, words, phrases.finish())
            })
        })
    }

    /// The built-in lexicon plus the files in each user folder
    /// (same formats as `data/lexicon/`, see its README).
    pub fn with_user_dirs(dirs: &[PathBuf]) -> Result<Self> {
        let mut t = Tables::builtin()?;
        for d in dirs {
            t.add_dir(d)?;
        }
        Ok(Self::from_tables(&t))
    }

    /// Builds the lexicon and its matcher from tables. Later actor rows with
    /// an id already seen add aliases and fill empty fields.
    pub fn from_tables(t: &Tables) -> Self {
        let (actors, others) = (ActorRows::new(t), OtherRows::new(t));
        let rows = t.actors.len() + t.demonyms.len() + t.capitals.len() + t.agents.len() + t.triggers.len();
        let mut phrases = PhraseTableBuilder::with_capacity(rows);
        phrases.add(&actor_patterns(&t.actors, &actors.row_actors));
        phrases.add(&others.patterns);
        let surnames = surnames(&actors.actors);
        Self::assemble(actors, surnames, others, WordSets::new(t), phrases.finish())
    }

    /// The lexicon of its parts, the phrases of `actors` first then those of
    /// `others` in `phrases`.
    fn assemble(
        actors: ActorRows,
        surnames: FastMap<String, Option<u32>>,
        others: OtherRows,
        words: WordSets,
        phrases: PhraseTable,
    ) -> Self {
        Lexicon {
            actors: actors.actors,
            countries: others.countries,
            agents: others.agents,
            triggers: others.triggers,
            first_names: words.first_names,
            common_words: words.common_words,
            surnames,
            actor_index: actors.actor_index,
            phrases,
        }
    }
}

/// The part of a [`Lexicon`] made of the actor rows of [`Tables`]: the
/// actors. Their names are the [`actor_patterns`] of the rows, their surnames
/// the [`surnames`] of the actors.
struct ActorRows {
    actors: Vec<LexActor>,
    actor_index: FastMap<ActorId, usize>,
    /// The actor of each row (index into `actors`), [`NO_ACTOR`] for a row of unknown kind.
    row_actors: Vec<u32>,
}

/// [`ActorRows::row_actors`] of a row that makes no actor.
const NO_ACTOR: u32 = u32::MAX;

/// A row of [`Tables::actors`]: `(id, kind, label, country, roles, aliases)`.
pub type ActorRow = (Field, Field, Field, Field, Field, Field);

impl ActorRows {
    fn new(t: &Tables) -> Self {
        let mut rows = ActorRows {
            actors: Vec::with_capacity(t.actors.len()),
            actor_index: FastMap::with_capacity_and_hasher(t.actors.len(), Default::default()),
            row_actors: Vec::with_capacity(t.actors.len()),
        };
        for (id, kind, label, ctry, roles, _) in &t.actors {
            let Some(kind) = ActorKind::from_name(kind) else {
                rows.row_actors.push(NO_ACTOR);
                continue;
            };
            // One lookup of the id, which adds it when new.
            let i = match rows.actor_index.entry(ActorId(id.as_ref().into())) {
                hash_map::Entry::Occupied(known) => {
                    let i = *known.get();
                    let a = &mut rows.actors[i];
                    if a.country.is_none() && !ctry.is_empty() {
                        a.country = Some(ctry.to_string());
                    }
                    i
                }
                hash_map::Entry::Vacant(new) => {
                    rows.actors.push(LexActor {
                        id: new.key().clone(),
                        kind,
                        label: label.to_string(),
                        country: (!ctry.is_empty()).then(|| ctry.to_string()),
                        roles: roles
                            .split('|')
                            .filter(|r| !r.is_empty())
                            .map(String::from)
                            .collect(),
                    });
                    *new.insert(rows.actors.len() - 1)
                }
            };
            rows.row_actors.push(i as u32);
        }
        rows
    }
}

/// The last words of the persons' labels ([`Lexicon::surnames`]).
fn surnames(actors: &[LexActor]) -> FastMap<String, Option<u32>> {
    let mut surnames = FastMap::with_capacity_and_hasher(actors.len(), Default::default());
    for (i, a) in actors.iter().enumerate() {
        if a.kind != ActorKind::Person {
            continue;
        }
        // The last word of a name of at least two words.
        let mut words = a.label.split_whitespace();
        let last = words.next_back();
        if words.next().is_none() {
            continue;
        }
        let Some(last) = last.filter(|w| w.chars().count() >= 3 && w.chars().all(char::is_alphabetic)) else {
            continue;
        };
        surnames
            .entry(last.to_string())
            .and_modify(|v| {
                if *v != Some(i as u32) {
                    *v = None;
                }
            })
            .or_insert(Some(i as u32));
    }
    surnames
}

/// The labels and aliases of the actor rows `rows`, in row order, as names of
/// their actors `row_actors` (the [`ActorRows::row_actors`] of the same rows):
/// each half of the rows can be done on a thread of its own.
fn actor_patterns(rows: &[ActorRow], row_actors: &[u32]) -> Patterns {
    // About one name per row, a few for some: rarely regrown.
    let mut patterns = Patterns::with_capacity(rows.len() * 3 / 2);
    for ((_, _, label, _, _, aliases), &actor) in rows.iter().zip(row_actors) {
        if actor == NO_ACTOR {
            continue;
        }
        for alias in std::iter::once(label.as_ref()).chain(aliases.split('|')) {
            let alias = alias.trim();
            if alias.is_empty() {
                continue;
            }
            patterns.add(alias, |caps, _| Entry::Actor {
                actor,
                caps,
                acronym: is_acronym(alias),
            });
        }
    }
    patterns
}

/// The part of a [`Lexicon`] made of the demonym, capital, agent and trigger
/// rows of [`Tables`], and their phrases.
struct OtherRows {
    countries: Vec<String>,
    agents: Vec<Agent>,
    triggers: Vec<Trigger>,
    /// The demonyms, capitals, agents and triggers, in this order and in row order.
    patterns: Patterns,
}

impl OtherRows {
    fn new(t: &Tables) -> Self {
        let mut rows = OtherRows {
            countries: Vec::new(),
            agents: Vec::with_capacity(t.agents.len()),
            triggers: Vec::with_capacity(t.triggers.len()),
            patterns: Patterns::with_capacity(
                t.demonyms.len() + t.capitals.len() + t.agents.len() + t.triggers.len(),
            ),
        };
        let mut country_index: HashMap<String, u32> = HashMap::new();
        let mut country = |countries: &mut Vec<String>, code: &str| -> u32 {
            *country_index.entry(code.to_string()).or_insert_with(|| {
                countries.push(code.to_string());
                (countries.len() - 1) as u32
            })
        };
        for (form, code) in &t.demonyms {
            let c = country(&mut rows.countries, code);
            rows.patterns.add(form, |_, _| Entry::Demonym(c));
        }
        for (cap, code) in &t.capitals {
            let c = country(&mut rows.countries, code);
            rows.patterns.add(cap, |_, _| Entry::Capital(c));
        }
        for (phrase, number, kind, role) in &t.agents {
            let kind = if kind == "group" {
                ActorKind::Group
            } else {
                ActorKind::Person
            };
            rows.agents.push(Agent {
                plural: number == "pl",
                kind,
                role: role.to_string(),
            });
            let i = (rows.agents.len() - 1) as u32;
            rows.patterns.add(phrase, |_, _| Entry::Agent(i));
        }
        for (phrase, relation, form) in &t.triggers {
            let Some(form) = TriggerForm::parse(form) else {
                continue;
            };
            let triggers = &mut rows.triggers;
            rows.patterns.add(phrase, |_, words| {
                triggers.push(Trigger {
                    relation: relation.to_string(),
                    form,
                    words,
                });
                Entry::Trigger((triggers.len() - 1) as u32)
            });
        }
        rows
    }
}

impl Lexicon {
    /// Looks an actor up by id.
    pub fn actor(&self, id: &ActorId) -> Option<&LexActor> {
        self.actor_index.get(id).map(|&i| &self.actors[i])
    }

    /// The entries of an exact phrase (normalized as the matcher does).
    pub fn lookup(&self, phrase: &str) -> &[Entry] {
        let (norm, _, _) = normalize_phrase(phrase);
        self.phrases
            .get(PhraseHashes::of(&norm).hash, norm.as_bytes())
            .map(|i| &self.phrases.entries[i])
            .unwrap_or(&[])
    }

    /// Every phrase of the lexicon in a sentence, as token ranges. Matches of
    /// actor names are kept only when their capitalization fits (see [`Entry::Actor`]).
    /// Overlapping matches are all returned, sorted by start then by length (longest first).
    pub fn find(&self, doc: &str, tokens: &[Token]) -> Vec<PhraseMatch> {
        self.index(doc, tokens).matches
    }

    /// The index of one sentence of `doc` whose tokens are `tokens`: a
    /// [`DocumentIndex`] of that sentence alone.
    pub fn index(&self, doc: &str, tokens: &[Token]) -> DocumentIndex {
        self.index_sentences(doc, [tokens])
    }

    /// The normalized words of the sentences of `doc` and every lexicon phrase in
    /// them: what the extract stages read instead of re-lowercasing.
    pub fn index_document(&self, doc: &str, sentences: &[Sentence]) -> DocumentIndex {
        self.index_sentences(doc, sentences.iter().map(|s| s.tokens.as_slice()))
    }

    /// [`Lexicon::index_document`] of the sentences whose tokens are `sentences`.
    fn index_sentences<'t>(
        &self,
        doc: &str,
        sentences: impl IntoIterator<Item = &'t [Token]> + Clone,
    ) -> DocumentIndex {
        let (mut tokens, mut count) = (0, 0);
        for s in sentences.clone() {
            tokens += s.len();
            count += 1;
        }
        // The words are at most the document's bytes (but for the rare folded
        // character that lowercases to more bytes) and a space each; about one
        // match per four tokens in news text: rarely regrown.
        let mut norm = Vec::with_capacity(doc.len() + tokens);
        let mut index = DocumentIndex {
            norm: String::new(),
            words: Vec::with_capacity(tokens),
            matches: Vec::with_capacity(tokens / 4 + count),
            by_start: Vec::with_capacity(tokens + 1),
            bounds: Vec::with_capacity(count + 1),
        };
        index.by_start.push(0);
        index.bounds.push((0, 0));
        // The `word_hash` of each word of the sentence being indexed, reused by each sentence.
        let mut hashes = Vec::new();
        for s in sentences {
            self.index_sentence(doc, s, &mut norm, &mut hashes, &mut index);
        }
        // Valid UTF-8 by construction (whole characters, ASCII lowercased): one
        // check per document.
        index.norm =
            String::from_utf8(norm).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        index
    }

    /// Appends the sentence of `doc` whose tokens are `tokens` to `index`, its
    /// normalized words to `norm` (each after a space; [`DocumentIndex::norm`]
    /// once all sentences are in) and their [`word_hash`]es to `hashes` (cleared
    /// first), then the phrases at each of its tokens in turn.
    fn index_sentence(
        &self,
        doc: &str,
        tokens: &[Token],
        norm: &mut Vec<u8>,
        hashes: &mut Vec<u64>,
        index: &mut DocumentIndex,
    ) {
        let DocumentIndex {
            words,
            matches,
            by_start,
            bounds,
            ..
        } = index;
        let first = words.len();
        hashes.clear();
        let mut scratch = String::new();
        for t in tokens {
            norm.push(b' ');
            let start = norm.len();
            hashes.push(push_word(norm, doc, t, &mut scratch));
            words.push((start as u32, norm.len() as u32));
        }
        // The words of this sentence, joined by single spaces in `text`.
        let words = words.get(first..).unwrap_or_default();
        let text = norm.as_slice();
        // Hash of the phrase of words `s..s + n` at `prefixes[n - 1]`.
        let mut prefixes = [0u64; 64];
        for (s, &first_word) in hashes.iter().enumerate() {
            let lengths = self.phrases.lengths(first_word);
            if lengths != 0 {
                let longest = (64 - lengths.leading_zeros() as usize).min(words.len() - s);
                // Extended while some phrase starts with the words so far.
                prefixes[0] = first_word;
                let mut reach = 1;
                while reach < longest {
                    let h = extend_hash(prefixes[reach - 1], hashes[s + reach]);
                    if !self.phrases.may_have(h) {
                        break;
                    }
                    prefixes[reach] = h;
                    reach += 1;
                }
                // The phrase lengths that fit, longest first.
                let mut fitting = lengths & (u64::MAX >> (64 - reach));
                while fitting != 0 {
                    let n = 64 - fitting.leading_zeros() as usize;
                    fitting &= !(1u64 << (n - 1));
                    let e = s + n;
                    let phrase = text.get(words[s].0 as usize..words[e - 1].1 as usize);
                    let Some(pid) = phrase.and_then(|p| self.phrases.get(prefixes[n - 1], p)) else {
                        continue;
                    };
                    for &entry in &self.phrases.entries[pid] {
                        if self.entry_fits(doc, &tokens[s..e], entry) {
                            matches.push(PhraseMatch {
                                start: s,
                                end: e,
                                entry,
                            });
                        }
                    }
                }
            }
            // Matches are found in start order: token `s` of the document's
            // tokens ends where the next one starts.
            by_start.push(matches.len() as u32);
        }
        bounds.push((words.len() + first, matches.len()));
    }

    /// True when a phrase of entry `entry` matched on the tokens `tokens` of `doc`
    /// is written as that entry must be.
    fn entry_fits(&self, doc: &str, tokens: &[Token], entry: Entry) -> bool {
        match entry {
            Entry::Actor { actor, caps, acronym } => {
                case_fits(doc, tokens, caps, acronym)
                    || self.lowercase_place(doc, tokens, actor)
                    || (!acronym && self.odd_case(doc, tokens, actor, caps))
            }
            // Capitals and demonyms are proper words: "Malé" is a capital, "male" is not.
            Entry::Capital(_) | Entry::Demonym(_) => tokens
                .first()
                .and_then(|t| t.text(doc).chars().next())
                .is_some_and(|c| c.is_uppercase()),
            Entry::Agent(_) | Entry::Trigger(_) => true,
        }
    }
}

impl Lexicon {
    /// A country or place name written all in lowercase (`i am from mexico`,
    /// `a trip to san francisco`, common in web text): a name of at least four
    /// letters none of whose words is an ordinary English word (`turkey`,
    /// `nice`) or a given name (`jordan`, `georgia`), so that `us` never matches.
    fn lowercase_place(&self, doc: &str, tokens: &[Token], actor: u32) -> bool {
        let Some(a) = self.actors.get(actor as usize) else {
            return false;
        };
        if !matches!(a.kind, ActorKind::Country | ActorKind::Location) {
            return false;
        }
        let letters: usize = tokens.iter().map(|t| t.text(doc).chars().count()).sum();
        if letters < 4 {
            return false;
        }
        tokens.iter().all(|t| {
            let w = t.text(doc);
            // ASCII lowercase first: the title-cased copy below slices the first byte.
            !w.is_empty()
                && w.bytes().all(|b| b.is_ascii_lowercase())
                && !self.common_words.contains(w)
                && !self.first_names.contains(ascii_title_case(w).as_str())
        })
    }
}

/// `w` with its first byte in ASCII upper case (`obama` -> `Obama`), for the name
/// tables keyed by capitalized words; a first character that is not ASCII is left as is.
pub(crate) fn ascii_title_case(w: &str) -> String {
    let mut title = w.to_string();
    if let Some(first) = title.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    title
}

/// Head nouns of organization names that are often written lowercase after
/// the capitalized words of the name (`the US State department`).
const LOWERCASE_ORG_HEADS: &[&str] = &[
    "agency",
    "bureau",
    "commission",
    "committee",
    "council",
    "department",
    "ministry",
    "office",
    "party",
];

impl Lexicon {
    /// A name whose case is a typo where the alias is capitalized: a word with
    /// a lowercase first letter but a capital inside it (`iSrael`, `rUSSIA`),
    /// or the head noun of an organization written lowercase after the
    /// capitalized words of its name (`the US State department`). An ordinary
    /// lowercase word never fits: the word must hold a capital, or follow the
    /// capitalized start of an organization's name.
    fn odd_case(&self, doc: &str, tokens: &[Token], actor: u32, caps: u64) -> bool {
        let Some(a) = self.actors.get(actor as usize) else {
            return false;
        };
        let last = tokens.len().saturating_sub(1);
        tokens.iter().enumerate().all(|(k, t)| {
            let w = t.text(doc);
            if k >= 64 || caps & (1 << k) == 0 || NAME_PARTICLES.contains(&w) {
                return true;
            }
            let mut chars = w.chars();
            if chars
                .next()
                .is_none_or(|c| c.is_uppercase() || !c.is_alphabetic())
            {
                return true;
            }
            let inner_capital = w.chars().count() >= 4 && chars.any(char::is_uppercase);
            inner_capital
                || (k == last
                    && k >= 1
                    && a.kind == ActorKind::Organization
                    && in_sorted(LOWERCASE_ORG_HEADS, w))
        })
    }
}

/// The sentences of a document as the extract stages read them
/// ([`Lexicon::index_document`]): every token's normalized (lowercase, folded)
/// word and the lexicon phrases found, in lists shared by all the sentences (one
/// allocation each per document rather than several per sentence), each
/// sentence a [`SentenceIndex`] view of its part of them.
#[derive(Debug, Clone)]
pub struct DocumentIndex {
    /// The normalized words of all tokens, sentence after sentence, each after
    /// a space.
    norm: String,
    /// Per token of each sentence in turn: its word, `norm[a..b]`.
    words: Vec<(u32, u32)>,
    /// Every phrase found, sentence after sentence; within a sentence, sorted by
    /// start token, longest first. Token indexes are within the sentence.
    matches: Vec<PhraseMatch>,
    /// Per token of each sentence in turn, plus one: the phrases that start at
    /// token `i` of the document are `matches[by_start[i]..by_start[i + 1]]`.
    by_start: Vec<u32>,
    /// Per sentence, and one more: the start of its tokens in `words` and of its
    /// phrases in `matches` (the next entry: their ends).
    bounds: Vec<(usize, usize)>,
}

impl DocumentIndex {
    /// The index of each sentence, in order.
    pub fn sentences(&self) -> impl Iterator<Item = SentenceIndex<'_>> {
        self.bounds.windows(2).map(|w| {
            let ((t0, m0), (t1, m1)) = (w[0], w[1]);
            SentenceIndex {
                norm: &self.norm,
                words: self.words.get(t0..t1).unwrap_or_default(),
                matches: self.matches.get(m0..m1).unwrap_or_default(),
                document_matches: &self.matches,
                by_start: self.by_start.get(t0..=t1).unwrap_or_default(),
            }
        })
    }

    /// The normalized word of every token, sentence after sentence.
    pub fn words(&self) -> impl ExactSizeIterator<Item = &str> {
        self.words
            .iter()
            .map(|&(a, b)| self.norm.get(a as usize..b as usize).unwrap_or(""))
    }
}

/// A sentence as the extract stage reads it: normalized (lowercase, folded)
/// words and the lexicon phrases found in it, its part of a [`DocumentIndex`].
#[derive(Debug, Clone, Copy)]
pub struct SentenceIndex<'a> {
    /// The words of the whole document ([`DocumentIndex::norm`]).
    norm: &'a str,
    /// Per token of the sentence: its word, `norm[a..b]`.
    words: &'a [(u32, u32)],
    /// Every phrase found, sorted by start token, longest first.
    pub matches: &'a [PhraseMatch],
    /// Every phrase of the whole document ([`DocumentIndex::matches`]).
    document_matches: &'a [PhraseMatch],
    /// Per token of the sentence, plus one: the phrases that start at token `i`
    /// are `document_matches[by_start[i]..by_start[i + 1]]`.
    by_start: &'a [u32],
}

impl<'a> SentenceIndex<'a> {
    /// The normalized word of token `i` (`""` past the end).
    pub fn word(&self, i: usize) -> &'a str {
        self.words
            .get(i)
            .and_then(|&(a, b)| self.norm.get(a as usize..b as usize))
            .unwrap_or("")
    }

    /// The phrases that start at token `i`, longest first.
    pub fn at(&self, i: usize) -> &'a [PhraseMatch] {
        match (self.by_start.get(i), self.by_start.get(i + 1)) {
            (Some(&a), Some(&b)) => self.document_matches.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True for an empty sentence.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// Particles inside names whose case varies.
const NAME_PARTICLES: &[&str] = &[
    "al", "el", "ad", "bin", "ibn", "de", "da", "di", "du", "van", "von", "der", "le", "la",
];

/// True when the words of the text are capitalized where the alias is, and
/// all in capitals when the alias is an acronym.
fn case_fits(doc: &str, tokens: &[Token], caps: u64, acronym: bool) -> bool {
    tokens.iter().enumerate().all(|(k, t)| {
        let w = t.text(doc);
        let fits = if acronym {
            w.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
        } else {
            k >= 64
                || caps & (1 << k) == 0
                || w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
        };
        // Name particles are written either way ("al-Qaeda", "Al-Qaeda", "bin Laden"):
        // looked up only for a word whose case does not fit.
        fits || NAME_PARTICLES.contains(&w)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn tiny() -> Lexicon {
        let mut t = Tables::default();
        t.add_file(
            Path::new("actors.tsv"),
            "id\tkind\tlabel\tcountry\troles\taliases\n\
             country:USA\tcountry\tUnited States\tUSA\t\tU.S.|US|America\n\
             country:RUS\tcountry\tRussia\tRUS\t\tRussian Federation\n\
             group:al-qaeda\tgroup\tal-Qaeda\t\t\tal Qaeda\n",
        )
        .unwrap();
        t.add_file(
            Path::new("demonyms.tsv"),
            "form\tcountry\nRussian\tRUS\nRussians\tRUS\n",
        )
        .unwrap();
        t.add_file(
            Path::new("agents.tsv"),
            "phrase\tnumber\tkind\trole\npresident\tsg\tperson\tPresident\n",
        )
        .unwrap();
        t.add_file(
            Path::new("triggers.tsv"),
            "phrase\trelation\tform\tcameo\nmet with\tmet_with\tpast\t040\n",
        )
        .unwrap();
        Lexicon::from_tables(&t)
    }

    fn found(lex: &Lexicon, s: &str) -> Vec<(String, Entry)> {
        let sent = &text::split_sentences(s)[0];
        lex.find(s, &sent.tokens)
            .into_iter()
            .map(|m| {
                let span =
                    crate::model::Span::new(sent.tokens[m.start].span.start, sent.tokens[m.end - 1].span.end);
                (span.slice(s).to_string(), m.entry)
            })
            .collect()
    }

    #[test]
    fn matches_on_token_boundaries_with_case_rules() {
        let lex = tiny();
        let f = found(&lex, "The US and us met with Russian USB makers in America");
        let texts: Vec<&str> = f.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, vec!["US", "met with", "Russian", "America"]);
    }

    #[test]
    fn hyphenated_and_lowercase_aliases_match() {
        let lex = tiny();
        let f = found(&lex, "They fought al-Qaeda and al Qaeda.");
        assert_eq!(
            f.iter().filter(|(_, e)| matches!(e, Entry::Actor { .. })).count(),
            2
        );
    }

    #[test]
    fn user_rows_extend_existing_actors() {
        let mut t = Tables::default();
        t.add_file(
            Path::new("actors.tsv"),
            "h\ncountry:USA\tcountry\tUnited States\tUSA\t\t\n",
        )
        .unwrap();
        t.add_file(
            Path::new("actors.tsv"),
            "h\ncountry:USA\tcountry\tUnited States\t\t\tUncle Sam\n",
        )
        .unwrap();
        let lex = Lexicon::from_tables(&t);
        assert_eq!(lex.actors.len(), 1);
        assert!(!lex.lookup("Uncle Sam").is_empty());
    }

    #[test]
    fn bad_rows_name_file_and_line() {
        let mut t = Tables::default();
        let err = t
            .add_file(Path::new("x/actors.tsv"), "h\n# c\nperson:a\tpeople\tA\n")
            .unwrap_err();
        assert_eq!(err.to_string(), "x/actors.tsv:3: unknown kind \"people\"");
    }

    #[test]
    fn tokens_normalize_to_lowercase_folded_words() {
        let norm = |t: &str| {
            let mut out = String::from("x ");
            normalize_token(t, &mut out);
            out
        };
        assert_eq!(norm("Putin"), "x putin");
        assert_eq!(norm("U.S."), "x u.s.");
        assert_eq!(norm("’s"), "x 's");
        assert_eq!(norm("O’Brien"), "x o'brien");
        assert_eq!(norm("António"), "x antonio");
        assert_eq!(norm("ÖSTERREICH"), "x osterreich");
        assert_eq!(norm("Straße"), "x straße");
        assert_eq!(norm("ΑΘΗΝΑ"), "x αθηνα");
        assert_eq!(norm(""), "x ");
    }

    #[test]
    fn pushed_words_are_normalized_tokens_and_their_hashes() {
        // Every ASCII byte (the letters' neighbours `@ [ ` {` included) in words of
        // one to ten bytes, at the end of the text and followed by more of it.
        let ascii: String = (1..128u8).map(char::from).collect();
        let mut texts: Vec<String> = ascii
            .as_bytes()
            .chunks(7)
            .flat_map(|c| (1..=c.len()).map(move |n| String::from_utf8_lossy(&c[..n]).into_owned()))
            .collect();
        texts.extend(["@AZ[`az{", "McCAIN", "Thessaloniki", "António", "’s", "ÖL"].map(String::from));
        let mut scratch = String::new();
        for text in &texts {
            for doc in [text.clone(), format!("{text} and more text")] {
                let tok = Token {
                    span: crate::model::Span::new(0, text.len()),
                    kind: text::TokenKind::Word,
                };
                let mut norm = b"x ".to_vec();
                let hash = push_word(&mut norm, &doc, &tok, &mut scratch);
                let mut expected = String::from("x ");
                normalize_token(text, &mut expected);
                assert_eq!(String::from_utf8_lossy(&norm), expected, "{text:?}");
                assert_eq!(hash, word_hash(&expected.as_bytes()[2..]), "{text:?}");
            }
        }
    }

    #[test]
    fn phrase_fast_path_normalizes_as_the_tokenizer() {
        let t = Tables::builtin().unwrap();
        let phrases = t
            .actors
            .iter()
            .flat_map(|a| std::iter::once(a.2.as_ref()).chain(a.5.split('|')))
            .chain(t.demonyms.iter().map(|d| d.0.as_ref()))
            .chain(t.capitals.iter().map(|c| c.0.as_ref()))
            .chain(t.agents.iter().map(|a| a.0.as_ref()))
            .chain(t.triggers.iter().map(|a| a.0.as_ref()))
            .chain([
                "",
                " ",
                "  Two  spaces ",
                "5th Fleet",
                "1990s",
                "2016 Summit",
                "UN",
                "al-Qaeda",
                "Hewlett-Packard Co",
                "--x- -y-",
                "-",
                "a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k l m N",
            ]);
        for p in phrases {
            let mut tokenized = String::new();
            let (caps, n) = normalize_tokens(p, &mut tokenized);
            assert_eq!(normalize_phrase(p), (tokenized, caps, n), "{p:?}");
        }
    }

    #[test]
    fn lines_are_str_lines() {
        for t in [
            "",
            "\n",
            "a",
            "a\n",
            "a\nb",
            "a\r\nb\r\n",
            "\n\na\n\n",
            "a\r\r\n\rb\r",
            "é\nü\r\n",
        ] {
            assert_eq!(
                lines(t).collect::<Vec<_>>(),
                t.lines().collect::<Vec<_>>(),
                "{t:?}"
            );
        }
        for (_, content) in BUILTIN_ACTORS.into_iter().chain(BUILTIN_OTHERS) {
            assert!(lines(content).eq(content.lines()));
        }
    }

    #[test]
    fn find_tab_finds_the_first_tab() {
        for t in [
            "",
            "\t",
            "abc",
            "abcdefgh\t",
            "abcdefghijklmnop",
            "a\tb\tc",
            "\u{1}\t\u{1}\t",
            "\u{0}\u{8}\u{9}",
            "ééééé\téé",
            "abcdefghijklmnopq\t",
        ] {
            assert_eq!(find_tab(t.as_bytes()), t.find('\t'), "{t:?}");
        }
    }

    #[test]
    fn fields_trim_as_str_trim() {
        for t in [
            "",
            " ",
            "a",
            " a",
            "a ",
            "\ta b\u{a0}",
            "\u{3000}x",
            "x\u{85}",
            "é",
            "a\r",
        ] {
            assert_eq!(trim(t), t.trim(), "{t:?}");
        }
    }

    #[test]
    fn acronyms_are_short_all_capital_aliases() {
        for a in ["US", "U.S.", "NATO", "U.N.", "ÉU", "ABCDE"] {
            assert!(is_acronym(a), "{a}");
        }
        for a in ["", "1990", "Nato", "ABCDEF", "A.B.C.D.E.F.", "us"] {
            assert!(!is_acronym(a), "{a}");
        }
    }

    #[test]
    fn embedded_tables_parse() {
        Tables::builtin().unwrap();
    }

    #[test]
    fn builtin_is_the_lexicon_of_the_embedded_tables() {
        let (a, b) = (
            Lexicon::builtin(),
            Lexicon::from_tables(&Tables::builtin().unwrap()),
        );
        assert_eq!(a.actors, b.actors);
        assert_eq!(
            (&a.countries, &a.agents, &a.triggers),
            (&b.countries, &b.agents, &b.triggers)
        );
        assert_eq!(
            (&a.first_names, &a.common_words),
            (&b.first_names, &b.common_words)
        );
        assert_eq!(a.surnames, b.surnames);
        assert_eq!(
            (&a.phrases.text, &a.phrases.spans),
            (&b.phrases.text, &b.phrases.spans)
        );
        assert_eq!(a.phrases.entries, b.phrases.entries);
        assert!(a.common_words.len() > 1000 && a.phrases.spans.len() > 1000);
    }
}

//! Entity recognition: lexicon matches plus rules for names no lexicon knows.
//!
//! Per sentence, the lexicon's phrase matches (actor names, demonyms,
//! capitals, role nouns) are combined with capitalized token runs into
//! mentions:
//!
//! - `U.S. Secretary of State John Kerry`, `Russian President Vladimir Putin`:
//!   a modifier (country name or demonym), one or more role nouns, then a
//!   name. The person gets the role and the country; the modifier is a
//!   mention of the country that is not a relation argument.
//! - `the Russian president`, `the official`: a title mention, resolved later.
//! - `opposition fighters`, `Syrian rebels`: a group nominal with a country.
//! - `the Russians`: a plural demonym standing for the country.
//! - `Moscow said`: a capital standing for its government; `in Hangzhou`: a place.
//! - `he`, `they`, `the two countries`: pronouns and pair nominals.
//! - unknown capitalized runs, classified by first names, titles,
//!   organization words (`Ministry`, `Party`, `Front` ...), legal forms
//!   (`Acme Corp.`, `Acme, Inc.`), camel-case brands, acronyms defined in text
//!   (`Asia-Pacific Economic Cooperation (APEC)`), place-name prefixes
//!   (`Fort Worth`) and prepositions; `University of Texas` goes on over the
//!   place after `of`, `Georgia Tech` joins a place and one organization word.
//! - no names inside web addresses, e-mail addresses and file names; greetings
//!   (`Good Morning`), evaluative review titles (`Great Service`), the pronoun
//!   `I`, religious words and celestial bodies are no names.

use std::cell::Cell;

use crate::extract::{DocumentWords, SentenceWords, ENTITY_LIST_BITS};
use crate::lexicon::{Entry, Lexicon, PhraseMatch, SentenceIndex, TriggerForm};
use crate::model::{ActorKind, MentionForm, Span};
use crate::text::{Sentence, Token, TokenKind};

/// Grammatical number/gender hints for pronoun resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Gender {
    /// Unknown.
    #[default]
    Unknown,
    /// `he`.
    Male,
    /// `she`.
    Female,
}

/// A mention found in a sentence, before resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityMention {
    /// Byte span in the document.
    pub span: Span,
    /// Sentence index.
    pub sentence: usize,
    /// Token range `[first, last)` in the sentence.
    pub tokens: (usize, usize),
    /// Kind.
    pub kind: ActorKind,
    /// Form.
    pub form: MentionForm,
    /// Lexicon actor, when the name is known.
    pub lex: Option<u32>,
    /// The name as written (names), or a canonical label (group nominals, titles).
    pub name: String,
    /// Country from the lexicon, a demonym or a title.
    pub country: Option<String>,
    /// Roles from a title.
    pub roles: Vec<String>,
    /// Span of the title words before a name (`Russian President`), the evidence of affiliation.
    pub title: Option<Span>,
    /// True when the mention only modifies another (`Russian` in `Russian President`,
    /// `U.S.` in `U.S. officials`): it is not a relation argument.
    pub modifier: bool,
    /// True for mentions that can be the antecedent of `they`.
    pub plural: bool,
    /// Gender hint (pronouns, first names).
    pub gender: Gender,
    /// For pair nominals (`the two countries`): how many actors it stands for.
    pub arity: u8,
    /// The organization of a title (`UN` in `UN Secretary-General Ban Ki-moon`).
    pub org: Option<u32>,
    /// Countries of a coordinated modifier (`Russian and Ukrainian negotiators`):
    /// the mention stands for all of them.
    pub countries: Vec<String>,
    /// For a group nominal with coordinated modifiers (`US and British activists`): the label
    /// of the group of each country in `countries` (`US activists`, `British activists`), each
    /// its own actor.
    pub labels: Vec<String>,
    /// Tokens right before `tokens.0` that belong to it as modifier or title
    /// (`U.S. Secretary of State` before `John Kerry`): coordination looks past them.
    pub lead: usize,
}

impl EntityMention {
    /// The mention of tokens `first..last` of `s`, named as written.
    fn new(doc: &str, s: &Sentence, first: usize, last: usize, kind: ActorKind, form: MentionForm) -> Self {
        let mut em = Self::with_name(s, first, last, kind, form, String::new());
        em.name = em.span.slice(doc).to_string();
        em
    }

    /// The mention of tokens `first..last` of `s` with the label `name` (a title's roles, a
    /// group nominal's label) instead of its text.
    fn with_name(
        s: &Sentence,
        first: usize,
        last: usize,
        kind: ActorKind,
        form: MentionForm,
        name: String,
    ) -> Self {
        let span = Span::new(s.tokens[first].span.start, s.tokens[last - 1].span.end);
        Self {
            span,
            sentence: s.index,
            tokens: (first, last),
            kind,
            form,
            lex: None,
            name,
            country: None,
            roles: Vec::new(),
            title: None,
            modifier: false,
            plural: false,
            gender: Gender::Unknown,
            arity: 1,
            org: None,
            countries: Vec::new(),
            labels: Vec::new(),
            lead: 0,
        }
    }
}

/// Words that end an organization name (`Ministry of Defence`, `Liberation Front`).
const ORG_WORDS: &[&str] = &[
    "administration",
    "agency",
    "airlines",
    "airways",
    "alliance",
    "army",
    "assembly",
    "associates",
    "association",
    "authority",
    "bank",
    "battalion",
    "board",
    "books",
    "brigade",
    "brigades",
    "bureau",
    "cabinet",
    "caucus",
    "center",
    "centre",
    "church",
    "club",
    "coalition",
    "college",
    "commission",
    "committee",
    "communications",
    "company",
    "congress",
    "corp",
    "corporation",
    "council",
    "court",
    "daily",
    "department",
    "energy",
    "enterprises",
    "federation",
    "forces",
    "foundation",
    "front",
    "fund",
    "futures",
    "government",
    "group",
    "guard",
    "guards",
    "herald",
    "holdings",
    "hospital",
    "inc",
    "industries",
    "institute",
    "insurance",
    "journal",
    "laboratories",
    "labs",
    "league",
    "ltd",
    "media",
    "militia",
    "ministry",
    "monthly",
    "motors",
    "motorsports",
    "movement",
    "navy",
    "network",
    "news",
    "office",
    "orchestra",
    "organisation",
    "organization",
    "parliament",
    "partners",
    "party",
    "pharmaceuticals",
    "police",
    "post",
    "press",
    "program",
    "programme",
    "publishing",
    "regime",
    "school",
    "secretariat",
    "senate",
    "service",
    "services",
    "society",
    "solutions",
    "studios",
    "systems",
    "tech",
    "technologies",
    "times",
    "transport",
    "tribunal",
    "tribune",
    "trust",
    "union",
    "university",
    "weekly",
];

/// Words that start an organization name (`Ministry of ...`, `University of ...`).
const ORG_HEADS: &[&str] = &[
    "bank",
    "council",
    "court",
    "department",
    "house",
    "institute",
    "ministry",
    "office",
    "university",
];

/// Words that end an event or thing name, not an actor (`G20 Summit`, `Olympic Games`).
const NON_ACTOR_WORDS: &[&str] = &[
    "accord",
    "act",
    "agreement",
    "award",
    "conference",
    "crisis",
    "cup",
    "day",
    "festival",
    "friday",
    "games",
    "law",
    "monday",
    "olympics",
    "prize",
    "saturday",
    "summit",
    "sunday",
    "thursday",
    "treaty",
    "tuesday",
    "war",
    "wednesday",
];

/// Prepositions after which a capital is a place, not its government.
const LOCATIVE: &[&str] = &[
    "across",
    "around",
    "arrived",
    "at",
    "in",
    "inside",
    "into",
    "near",
    "of",
    "outside",
    "reached",
    "through",
    "throughout",
    "to",
    "toward",
    "towards",
    "via",
    "visit",
    "visited",
    "visiting",
    "visits",
    "within",
];

/// Words that begin a place name after which a capitalized run is a location (`in Hangzhou`).
const PLACE_PREPS: &[&str] = &[
    "across", "around", "at", "from", "in", "into", "near", "outside", "to",
];

/// Capitalized words that are not names when they begin a sentence (or stand alone).
const FUNCTION_WORDS: &[&str] = &[
    "a",
    "about",
    "according",
    "after",
    "afternoon",
    "all",
    "also",
    "although",
    "am",
    "an",
    "and",
    "another",
    "any",
    "anyone",
    "april",
    "are",
    "as",
    "at",
    "august",
    "be",
    "because",
    "before",
    "best",
    "both",
    "breaking",
    "but",
    "by",
    "can",
    "congrats",
    "congratulations",
    "could",
    "dear",
    "december",
    "despite",
    "did",
    "do",
    "does",
    "dr",
    "during",
    "each",
    "earlier",
    "even",
    "evening",
    "every",
    "everyone",
    "february",
    "first",
    "for",
    "friday",
    "from",
    "fw",
    "fwd",
    "get",
    "go",
    "good",
    "great",
    "had",
    "has",
    "have",
    "he",
    "hello",
    "her",
    "here",
    "hey",
    "hi",
    "him",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "is",
    "it",
    "its",
    "january",
    "july",
    "june",
    "just",
    "last",
    "later",
    "let",
    "like",
    "many",
    "march",
    "may",
    "me",
    "meanwhile",
    "might",
    "monday",
    "more",
    "morning",
    "most",
    "mr",
    "mrs",
    "ms",
    "must",
    "my",
    "new",
    "next",
    "no",
    "none",
    "not",
    "note",
    "nothing",
    "november",
    "now",
    "october",
    "of",
    "official",
    "officials",
    "oh",
    "ok",
    "okay",
    "on",
    "one",
    "only",
    "or",
    "other",
    "our",
    "over",
    "p.s.",
    "photo",
    "please",
    "pm",
    "ps",
    "q",
    "re",
    "read",
    "said",
    "saturday",
    "says",
    "see",
    "september",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "subject",
    "such",
    "sunday",
    "than",
    "thank",
    "thanks",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "three",
    "thursday",
    "to",
    "today",
    "tomorrow",
    "try",
    "tuesday",
    "two",
    "under",
    "until",
    "update",
    "us",
    "very",
    "video",
    "was",
    "we",
    "wednesday",
    "welcome",
    "well",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "why",
    "will",
    "with",
    "would",
    "yes",
    "yesterday",
    "yet",
    "you",
    "your",
];

/// Honorifics and titles that mark a following name as a person.
const HONORIFICS: &[&str] = &[
    "aunt",
    "auntie",
    "ayatollah",
    "capt.",
    "chancellor",
    "col.",
    "dame",
    "dr",
    "dr.",
    "gen.",
    "general",
    "gov.",
    "governor",
    "grandma",
    "grandpa",
    "judge",
    "king",
    "lady",
    "lord",
    "lt.",
    "mayor",
    "minister",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "pope",
    "president",
    "prince",
    "princess",
    "prof.",
    "queen",
    "rep.",
    "rev.",
    "sen.",
    "senator",
    "sgt.",
    "sheikh",
    "sir",
    "uncle",
];

/// Regions: places, never persons (`Middle East allies`).
const REGIONS: &[&str] = &[
    "africa",
    "antarctica",
    "arctic",
    "asia",
    "balkans",
    "caribbean",
    "caucasus",
    "central asia",
    "crimea",
    "darfur",
    "east africa",
    "east asia",
    "europe",
    "gaza strip",
    "gulf",
    "horn of africa",
    "kurdistan",
    "latin america",
    "levant",
    "mediterranean",
    "middle east",
    "north africa",
    "north america",
    "pacific",
    "persian gulf",
    "sahel",
    "scandinavia",
    "south america",
    "south asia",
    "southeast asia",
    "the gulf",
    "west africa",
    "west bank",
];

/// Role nouns of the press: they report, they are not parties to what they report.
const MEDIA_ROLES: &[&str] = &[
    "analysts",
    "correspondent",
    "correspondents",
    "editors",
    "experts",
    "journalist",
    "journalists",
    "media",
    "newsmen",
    "observers",
    "photographers",
    "press",
    "reporter",
    "reporters",
    "sources",
    "witnesses",
];

/// Modifiers that may precede a plural group noun (`Islamist militants`).
const GROUP_MODIFIERS: &[&str] = &[
    "anti-government",
    "armed",
    "buddhist",
    "christian",
    "communist",
    "dissident",
    "extremist",
    "foreign",
    "government",
    "hardline",
    "hindu",
    "insurgent",
    "islamic",
    "islamist",
    "jihadist",
    "kurdish",
    "local",
    "maoist",
    "masked",
    "militant",
    "moderate",
    "muslim",
    "opposition",
    "palestinian",
    "pro-government",
    "radical",
    "rebel",
    "security",
    "separatist",
    "shia",
    "shiite",
    "student",
    "sunni",
    "tribal",
    "unidentified",
];

/// Roles of agents that stand for the state when they have a country (`Israeli troops`).
const PAIR_NOUNS: &[&str] = &[
    "countries",
    "governments",
    "leaders",
    "men",
    "nations",
    "parties",
    "sides",
    "states",
];

/// Bits of the per-token bitmask of [`Readings`]: the word lists of this module the
/// token's normalized word is in, and facts about the token and the lexicon phrases
/// that start at it. A token's bits are computed once per sentence ([`token_bits`]),
/// so a rule asks "is this a function word?" or "does an actor's name start here?"
/// with one `AND` instead of a search of a word list or of the token's matches.
mod class {
    // The word lists (see [`super::WORD_LISTS`]).
    pub(super) const FUNCTION: u64 = 1 << 0;
    pub(super) const HONORIFIC: u64 = 1 << 1;
    pub(super) const GROUP_MODIFIER: u64 = 1 << 2;
    pub(super) const ORG_WORD: u64 = 1 << 3;
    pub(super) const ORG_HEAD: u64 = 1 << 4;
    pub(super) const NON_ACTOR: u64 = 1 << 5;
    pub(super) const LOCATIVE: u64 = 1 << 6;
    pub(super) const PLACE_PREP: u64 = 1 << 7;
    pub(super) const REGION: u64 = 1 << 8;
    pub(super) const MEDIA_ROLE: u64 = 1 << 9;
    pub(super) const PAIR_NOUN: u64 = 1 << 10;
    pub(super) const STATE_ROLE: u64 = 1 << 11;
    pub(super) const NOT_ORG_ACRONYM: u64 = 1 << 12;
    pub(super) const PLACE_WORD: u64 = 1 << 13;
    pub(super) const PLACE_PREFIX: u64 = 1 << 14;
    pub(super) const NOT_NAME: u64 = 1 << 15;
    pub(super) const LEGAL_FORM: u64 = 1 << 16;
    pub(super) const AFFILIATION: u64 = 1 << 17;
    pub(super) const QUANTITY: u64 = 1 << 18;
    pub(super) const EVALUATIVE: u64 = 1 << 19;
    pub(super) const LOCAL_HEAD: u64 = 1 << 20;
    pub(super) const COLLECTIVE_HEAD: u64 = 1 << 21;
    pub(super) const OPENER: u64 = 1 << 22;

    /// A word token that starts with a capital letter.
    pub(super) const CAP: u64 = 1 << 32;
    /// Part of a web address, e-mail address or file name ([`super::mark_web_tokens`]).
    pub(super) const WEB: u64 = 1 << 33;
    /// A lexicon actor's name starts at the token.
    pub(super) const ACTOR: u64 = 1 << 34;
    /// A demonym starts at the token.
    pub(super) const DEMONYM: u64 = 1 << 35;
    /// A capital's name starts at the token.
    pub(super) const CAPITAL: u64 = 1 << 36;
    /// A role noun starts at the token.
    pub(super) const AGENT: u64 = 1 << 37;
    /// A relation trigger starts at the token.
    pub(super) const TRIGGER: u64 = 1 << 38;
    /// A verb trigger (not only an event noun) starts at the token.
    pub(super) const VERB_TRIGGER: u64 = 1 << 39;

    /// The tokens at which a mention may start (see [`super::recognize_into`]): a
    /// capitalized word, the start of a name, demonym, capital or role noun, or a word
    /// that opens a construction (an article, a pronoun, an honorific, a group modifier).
    pub(super) const MAY_OPEN: u64 =
        CAP | ACTOR | DEMONYM | CAPITAL | AGENT | OPENER | HONORIFIC | GROUP_MODIFIER;
}

/// Every word list of this module with its bit in [`class`] (within
/// [`ENTITY_LIST_BITS`]).
pub(super) const WORD_LISTS: &[(&[&str], u64)] = &[
    (FUNCTION_WORDS, class::FUNCTION),
    (HONORIFICS, class::HONORIFIC),
    (GROUP_MODIFIERS, class::GROUP_MODIFIER),
    (ORG_WORDS, class::ORG_WORD),
    (ORG_HEADS, class::ORG_HEAD),
    (NON_ACTOR_WORDS, class::NON_ACTOR),
    (LOCATIVE, class::LOCATIVE),
    (PLACE_PREPS, class::PLACE_PREP),
    (REGIONS, class::REGION),
    (MEDIA_ROLES, class::MEDIA_ROLE),
    (PAIR_NOUNS, class::PAIR_NOUN),
    (STATE_ROLES, class::STATE_ROLE),
    (NOT_ORG_ACRONYMS, class::NOT_ORG_ACRONYM),
    (PLACE_WORDS, class::PLACE_WORD),
    (PLACE_PREFIXES, class::PLACE_PREFIX),
    (NOT_NAMES, class::NOT_NAME),
    (LEGAL_FORMS, class::LEGAL_FORM),
    (AFFILIATION_WORDS, class::AFFILIATION),
    (QUANTITIES, class::QUANTITY),
    (EVALUATIVE, class::EVALUATIVE),
    (LOCAL_HEADS, class::LOCAL_HEAD),
    (COLLECTIVE_HEADS, class::COLLECTIVE_HEAD),
    (OPENERS, class::OPENER),
];

/// Lowercase words at which a rule of [`recognize_into`] may start a mention although
/// they are not capitalized and begin no lexicon phrase: the article before a title or a
/// group (`the Russian president`), pronouns, pair nominals (`two countries`), `al-`/`el-`
/// before a name and `pro-`/`anti-` before a group. Honorifics and group modifiers have
/// their own lists. Every such word the main loop tests must be here, or it is skipped.
const OPENERS: &[&str] = &[
    "al", "anti", "both", "el", "he", "her", "him", "pro", "she", "the", "them", "they", "two",
];

/// The [`class`] bits of the lists `w` (lowercase) is in.
fn classes(w: &str) -> u64 {
    super::word_class(w) & ENTITY_LIST_BITS
}

/// Bytes of the longest word of the word lists (checked by a test).
const LONGEST_LISTED: usize = 24;

/// [`classes`] of `w.to_lowercase()`, without the copy for an ASCII word.
fn lowercase_classes(w: &str) -> u64 {
    if !w.is_ascii() {
        return classes(&w.to_lowercase());
    }
    let mut buf = [0u8; LONGEST_LISTED];
    // A longer ASCII word is in no list.
    let Some(lower) = buf.get_mut(..w.len()) else {
        return 0;
    };
    lower.copy_from_slice(w.as_bytes());
    lower.make_ascii_lowercase();
    super::word_class_of_bytes(lower) & ENTITY_LIST_BITS
}

/// True when `w` (lowercase) is in the word list of `bit`.
fn is_in(bit: u64, w: &str) -> bool {
    classes(w) & bit != 0
}

#[inline(always)]
fn is_cap_word(doc: &str, t: &Token) -> bool {
    // The first byte decides for an ASCII letter (spans start on character boundaries).
    t.kind == TokenKind::Word
        && match doc.as_bytes().get(t.span.start) {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => t.text(doc).chars().next().is_some_and(char::is_uppercase),
        }
}

fn is_all_caps(w: &str) -> bool {
    let mut letters = 0;
    for c in w.chars() {
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        }
    }
    letters >= 2
}

/// The lexicon's readings of a sentence's tokens, and their [`class`] bits.
struct Readings<'a> {
    idx: &'a SentenceIndex<'a>,
    lex: &'a Lexicon,
    /// Per token: its normalized word ([`SentenceWords::words`]).
    words: &'a [&'a str],
    /// Per token: its [`class`] bits ([`token_bits`], in [`Scratch::bits`]).
    bits: &'a [u64],
    /// The last [`modifier_at`] read: its token and the modifier there, if any.
    modifier: Cell<Option<(usize, Option<Modifier>)>>,
}

impl<'a> Readings<'a> {
    /// The readings of the tokens `toks` of a sentence, whose [`class`] bits are
    /// computed into `bits` (its previous contents are dropped).
    fn new(
        doc: &str,
        toks: &[Token],
        idx: &'a SentenceIndex,
        lex: &'a Lexicon,
        words: &'a SentenceWords,
        bits: &'a mut Vec<u64>,
    ) -> Self {
        token_bits(doc, toks, words.classes(), idx, lex, bits);
        Readings {
            idx,
            lex,
            words: words.words(),
            bits,
            modifier: Cell::new(None),
        }
    }

    /// The [`class`] bits of token `i` (none past the end).
    fn bits(&self, i: usize) -> u64 {
        self.bits.get(i).copied().unwrap_or(0)
    }

    /// True when token `i` has one of the [`class`] bits `bits`.
    fn is(&self, i: usize, bits: u64) -> bool {
        self.bits(i) & bits != 0
    }

    /// The word list bits of the word of token `i` without its final periods (`Corp.`).
    fn trimmed_bits(&self, i: usize) -> u64 {
        let w = self.w(i);
        match w.trim_end_matches('.') {
            t if t.len() == w.len() => self.bits(i),
            t => classes(t),
        }
    }

    /// Token `i` is a capitalized word.
    fn cap(&self, i: usize) -> bool {
        self.is(i, class::CAP)
    }

    /// Longest match starting at `i` satisfying `pred` (matches are sorted longest first),
    /// when a match of the kind `bit` starts there.
    fn at(&self, i: usize, bit: u64, pred: impl Fn(&Entry) -> bool) -> Option<PhraseMatch> {
        if !self.is(i, bit) {
            return None;
        }
        self.idx.at(i).iter().find(|m| pred(&m.entry)).copied()
    }

    /// The normalized (lowercase) word of token `i`, `""` past the end.
    fn w(&self, i: usize) -> &'a str {
        self.words.get(i).copied().unwrap_or("")
    }

    fn actor(&self, i: usize) -> Option<PhraseMatch> {
        self.at(i, class::ACTOR, |e| matches!(e, Entry::Actor { .. }))
    }

    fn demonym(&self, i: usize) -> Option<PhraseMatch> {
        self.at(i, class::DEMONYM, |e| matches!(e, Entry::Demonym(_)))
    }

    fn agent(&self, i: usize, pred: impl Fn(&crate::lexicon::Agent) -> bool) -> Option<PhraseMatch> {
        self.at(i, class::AGENT, |e| match e {
            Entry::Agent(a) => self.lex.agents.get(*a as usize).is_some_and(&pred),
            _ => false,
        })
    }

    fn capital(&self, i: usize) -> Option<PhraseMatch> {
        self.at(i, class::CAPITAL, |e| matches!(e, Entry::Capital(_)))
    }

    fn trigger_at(&self, i: usize) -> bool {
        self.is(i, class::TRIGGER)
    }

    /// A verb trigger (not only an event noun) begins at `i`.
    fn verb_trigger_at(&self, i: usize) -> bool {
        self.is(i, class::VERB_TRIGGER)
    }
}

/// The [`class`] bits of every token of a sentence, into `bits` (cleared first): the entity
/// bits of its word's class (`classes`: [`SentenceWords::classes`]) and one look at the
/// lexicon matches starting at the token.
fn token_bits(
    doc: &str,
    toks: &[Token],
    classes: &[u64],
    idx: &SentenceIndex,
    lex: &Lexicon,
    bits: &mut Vec<u64>,
) {
    bits.clear();
    bits.extend(toks.iter().enumerate().map(|(i, t)| {
        // Number and punctuation tokens (digits, a symbol, a clitic such as `'s` or
        // `n't`) are in no list: only words are looked up.
        let mut b = 0;
        if t.kind == TokenKind::Word {
            b = classes.get(i).map_or(0, |c| c & ENTITY_LIST_BITS);
            if is_cap_word(doc, t) {
                b |= class::CAP;
            }
        }
        for m in idx.at(i) {
            b |= match m.entry {
                Entry::Actor { .. } => class::ACTOR,
                Entry::Demonym(_) => class::DEMONYM,
                Entry::Capital(_) => class::CAPITAL,
                Entry::Agent(_) => class::AGENT,
                Entry::Trigger(t) => {
                    let verb = lex
                        .triggers
                        .get(t as usize)
                        .is_some_and(|t| t.form != TriggerForm::Noun);
                    if verb {
                        class::TRIGGER | class::VERB_TRIGGER
                    } else {
                        class::TRIGGER
                    }
                }
            };
        }
        b
    }));
    mark_web_tokens(doc, toks, bits);
}

/// Country code of a lexicon match (country actor, demonym or capital).
fn country_of(lex: &Lexicon, m: &PhraseMatch) -> Option<String> {
    match m.entry {
        Entry::Actor { actor, .. } => {
            let a = lex.actors.get(actor as usize)?;
            if a.kind == ActorKind::Country {
                a.country
                    .clone()
                    .or_else(|| a.id.as_str().strip_prefix("country:").map(String::from))
            } else {
                None
            }
        }
        Entry::Demonym(c) | Entry::Capital(c) => lex.countries.get(c as usize).cloned(),
        _ => None,
    }
}

/// Country of a lexicon place (`Texas` in `Texas Instruments`).
fn place_of(lex: &Lexicon, m: &PhraseMatch) -> Option<String> {
    match m.entry {
        Entry::Actor { actor, .. } => lex
            .actors
            .get(actor as usize)
            .filter(|a| a.kind == ActorKind::Location)?
            .country
            .clone(),
        _ => None,
    }
}

/// Words after a capital that show it acts (`Moscow said`, `Washington rejected`).
fn acts(doc: &str, s: &Sentence, r: &Readings, i: usize) -> bool {
    if i >= s.tokens.len() || doc.is_empty() {
        return false;
    }
    let w = r.w(i);
    r.trigger_at(i)
        || matches!(
            w,
            "said"
                | "says"
                | "has"
                | "have"
                | "had"
                | "will"
                | "would"
                | "is"
                | "was"
                | "warned"
                | "announced"
                | "insisted"
                | "denied"
                | "refused"
                | "wants"
                | "wanted"
                | "believes"
                | "called"
                | "urged"
                | "rejected"
                | "accused"
                | "'s"
        )
}

/// Marks (with [`class::WEB`]) the tokens of web addresses, e-mail addresses and file names: runs
/// of tokens with no space between them (`www.example.com/en-US`,
/// `name@example.com`, `Lisa_cv.doc`) that contain `://`, `www.`, `@`, `_`,
/// `=` or a dotted suffix such as `.com` or `.doc`.
fn mark_web_tokens(doc: &str, toks: &[Token], bits: &mut [u64]) {
    let (Some(first), Some(last)) = (toks.first(), toks.last()) else {
        return;
    };
    if !may_hold_web_chunk(Span::new(first.span.start, last.span.end).slice(doc).as_bytes()) {
        return;
    }
    let mut a = 0;
    while a < toks.len() {
        let mut b = a + 1;
        while b < toks.len()
            && toks[b].span.start == toks[b - 1].span.end
            && !is_bracket(doc, &toks[b])
            && !is_bracket(doc, &toks[b - 1])
        {
            b += 1;
        }
        if b - a > 1
            && is_web_chunk(
                Span::new(toks[a].span.start, toks[b - 1].span.end)
                    .slice(doc)
                    .as_bytes(),
            )
        {
            bits[a..b].iter_mut().for_each(|w| *w |= class::WEB);
        }
        a = b;
    }
}

/// False when no part of `text` can be a web chunk ([`is_web_chunk`]): it has none of
/// `@ _ = :`, and no `.` after a `w` or before a letter. A quick vectorized test that
/// lets [`mark_web_tokens`] skip most sentences.
fn may_hold_web_chunk(text: &[u8]) -> bool {
    memchr::memchr3(b'@', b'_', b'=', text).is_some()
        || memchr::memchr(b':', text).is_some()
        || memchr::memchr_iter(b'.', text).any(|k| {
            text.get(k + 1).is_some_and(u8::is_ascii_alphabetic)
                || k.checked_sub(1)
                    .and_then(|p| text.get(p))
                    .is_some_and(|c| c.eq_ignore_ascii_case(&b'w'))
        })
}

/// True when `chunk` contains one of the marks of a web address, e-mail address or file
/// name (see [`mark_web_tokens`]), compared ASCII case-insensitively. Every mark holds one
/// of `: @ _ = .`, so only the bytes after (or before) those are compared.
fn is_web_chunk(chunk: &[u8]) -> bool {
    const SUFFIXES: &[&str] = &[
        ".com", ".doc", ".gov", ".htm", ".html", ".net", ".org", ".pdf", ".php", ".txt", ".xls",
    ];
    let starts_with = |k: usize, mark: &str| {
        chunk
            .get(k..k + mark.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(mark.as_bytes()))
    };
    chunk.iter().enumerate().any(|(k, c)| match c {
        b'@' | b'_' | b'=' => true,
        b':' => starts_with(k, "://"),
        b'.' => (k >= 3 && starts_with(k - 3, "www.")) || SUFFIXES.iter().any(|x| starts_with(k, x)),
        _ => false,
    })
}

/// Quotes and brackets delimit a web address like spaces (`"Ann Lee"<ann@example.com>`).
fn is_bracket(doc: &str, t: &Token) -> bool {
    t.kind == TokenKind::Punct
        && matches!(
            t.text(doc),
            "\"" | "'" | "<" | ">" | "(" | ")" | "[" | "]" | "\u{201c}" | "\u{201d}"
        )
}

/// Finds the mentions of one sentence.
pub fn recognize(doc: &str, s: &Sentence, lex: &Lexicon) -> Vec<EntityMention> {
    let index = lex.index(doc, &s.tokens);
    let words = DocumentWords::new(&index);
    let mut out = Vec::new();
    for (idx, w) in index.sentences().zip(words.sentences()) {
        recognize_into(doc, s, lex, &idx, &w, &mut Scratch::default(), &mut out);
    }
    out
}

/// The buffers of [`recognize_into`], reused from sentence to sentence so that a
/// document's sentences do not allocate their own. Owned by the caller (one per
/// document or per thread); each call overwrites their contents.
#[derive(Debug, Default)]
pub struct Scratch {
    /// The [`class`] bits of the current sentence's tokens ([`Readings::bits`]).
    bits: Vec<u64>,
}

/// [`recognize`] with the sentence's lexicon index and words already computed: appends
/// the sentence's mentions to `out` (the mentions already there, of earlier sentences,
/// are left as they are), with the buffers of `scratch`.
pub fn recognize_into(
    doc: &str,
    s: &Sentence,
    lex: &Lexicon,
    idx: &SentenceIndex,
    words: &SentenceWords,
    scratch: &mut Scratch,
    out: &mut Vec<EntityMention>,
) {
    let toks = &s.tokens;
    let r = Readings::new(doc, toks, idx, lex, words, &mut scratch.bits);
    // The sentence's mentions are `out[first..]`.
    let first = out.len();
    let n = toks.len();
    let word = |i: usize| r.w(i);
    let mut i = 0;
    while i < n {
        // Web addresses, e-mail addresses and file names hold no names ("en-US", "Lisa_cv.doc"),
        // and most tokens open none of the constructions below: on to the next that may.
        let opens = |&b: &u64| b & class::MAY_OPEN != 0 && b & class::WEB == 0;
        let Some(skipped) = r.bits.get(i..).and_then(|rest| rest.iter().position(opens)) else {
            break;
        };
        i += skipped;
        // 0. Names that begin with a demonym or a country: "Syrian Democratic Forces",
        // "Palestine Contemporary Art Museum".
        if let Some(consumed) = prefixed_name(doc, s, &r, i, out) {
            i += consumed;
            continue;
        }
        // 1. Modifier + titles + name: "U.S. Secretary of State John Kerry".
        if let Some(consumed) = titled_name(doc, s, &r, i, out) {
            i += consumed;
            continue;
        }
        // 2. Group nominals: "(the) (Syrian|opposition) fighters".
        if let Some(consumed) = group_nominal(doc, s, &r, i, out) {
            i += consumed;
            continue;
        }
        // "South Vietnam", "West Germany": a compass word before a country it is not part of
        // names a region or a former state, a place.
        if matches!(word(i), "north" | "south" | "east" | "west") && r.cap(i) && r.actor(i).is_none() {
            let country = r.actor(i + 1).filter(|m| {
                matches!(m.entry, Entry::Actor { actor, .. }
                    if lex.actors.get(actor as usize).is_some_and(|a| a.kind == ActorKind::Country))
            });
            if let Some(m) = country {
                out.push(EntityMention::new(
                    doc,
                    s,
                    i,
                    m.end,
                    ActorKind::Location,
                    MentionForm::Name,
                ));
                i = m.end;
                continue;
            }
        }
        // 3. Known actor names. A one-word person name before an unknown capitalized word
        // is a given name ("Hassan Nasrallah"): the whole name is read as an unknown one.
        if let Some(m) = r.actor(i).filter(|m| !given_name(doc, s, &r, m)) {
            if let Entry::Actor { actor, .. } = m.entry {
                if let Some(a) = lex.actors.get(actor as usize) {
                    let mut em = EntityMention::new(doc, s, m.start, m.end, a.kind, MentionForm::Name);
                    em.lex = Some(actor);
                    em.country = a.country.clone();
                    em.plural = matches!(
                        a.kind,
                        ActorKind::Country | ActorKind::Group | ActorKind::Organization
                    );
                    // A country name right before a capitalized name or a role noun modifies it.
                    if a.kind == ActorKind::Country && modifies_next(doc, s, &r, m.end) {
                        em.modifier = true;
                    }
                    let mut end = m.end;
                    // "Google, Inc.": the legal form belongs to the company's name.
                    if a.kind == ActorKind::Organization {
                        if let Some(e) = legal_form_end(doc, s, &r, m.end) {
                            end = e;
                            em.span = Span::new(toks[m.start].span.start, toks[e - 1].span.end);
                            em.tokens = (m.start, e);
                        }
                    }
                    // "Islamic State fighters", "Hamas militants": the members stand for the group.
                    if end == m.end && matches!(a.kind, ActorKind::Group | ActorKind::Organization) {
                        if let Some(g) = r.agent(m.end, |g| g.plural && g.kind == ActorKind::Group) {
                            end = g.end;
                            em.span = Span::new(toks[m.start].span.start, toks[g.end - 1].span.end);
                            em.tokens = (m.start, g.end);
                        }
                    }
                    out.push(em);
                    i = end;
                    continue;
                }
            }
        }
        // 4. Capitals: the government ("Moscow said", "support from Moscow"),
        // except after a preposition of place ("in Moscow", "heads to Beijing").
        if let Some(m) = r.capital(i) {
            let code = country_of(lex, &m);
            let prev = if m.start > 0 { word(m.start - 1) } else { "" };
            // "the Baghdad courtroom", "the Washington area": between an article and a noun
            // the capital modifies the noun; "TEHRAN (AFP) -": a dateline.
            let dateline = m.start == 0
                && is_all_caps(m_text(doc, s, &m))
                && toks
                    .get(m.end)
                    .is_some_and(|t| matches!(t.text(doc), "(" | "," | "-"));
            let noun_modifier = matches!(prev, "the" | "a" | "an")
                && toks.get(m.end).is_some_and(|t| {
                    t.kind == TokenKind::Word && t.text(doc).starts_with(|c: char| c.is_lowercase())
                })
                && !r.trigger_at(m.end);
            let place = is_in(class::LOCATIVE, prev)
                || noun_modifier
                || dateline
                || toks.get(m.end).is_some_and(|t| t.text(doc) == "-")
                || (m.start > 0 && toks[m.start - 1].kind == TokenKind::Word && r.cap(m.start - 1));
            if acts(doc, s, &r, m.end) || !place {
                let mut em =
                    EntityMention::new(doc, s, m.start, m.end, ActorKind::Country, MentionForm::Name);
                em.country = code;
                em.plural = true;
                out.push(em);
            } else {
                // A place that knows its country ("in Nairobi"), no node of its own.
                let mut em =
                    EntityMention::new(doc, s, m.start, m.end, ActorKind::Location, MentionForm::Name);
                em.country = code;
                out.push(em);
            }
            i = m.end;
            continue;
        }
        // 5. Demonyms: plural nouns ("the Russians") stand for the country; adjectives mark affiliation.
        if let Some(m) = r.demonym(i) {
            let code = country_of(lex, &m);
            let text = m_text(doc, s, &m);
            let plural_noun = text.ends_with('s')
                && !toks
                    .get(m.end)
                    .is_some_and(|t| t.kind == TokenKind::Word && !r.trigger_at(m.end));
            let mut em = EntityMention::new(doc, s, m.start, m.end, ActorKind::Country, MentionForm::Demonym);
            em.country = code;
            if plural_noun {
                em.form = MentionForm::Nominal;
                em.plural = true;
            } else {
                em.modifier = true;
            }
            out.push(em);
            i = m.end;
            continue;
        }
        let w = word(i);
        // 7. Pronouns.
        let gender = match w {
            "he" | "him" => Some(Gender::Male),
            "she" | "her" => Some(Gender::Female),
            "they" | "them" => Some(Gender::Unknown),
            _ => None,
        };
        if let Some(g) = gender {
            // "her" before a noun is a possessive determiner.
            let possessive = w == "her" && toks.get(i + 1).is_some_and(|t| t.kind == TokenKind::Word);
            if !possessive {
                let mut em = EntityMention::new(doc, s, i, i + 1, ActorKind::Person, MentionForm::Pronoun);
                em.gender = g;
                if w == "they" || w == "them" {
                    em.plural = true;
                    em.kind = ActorKind::Group;
                }
                out.push(em);
            }
            i += 1;
            continue;
        }
        // 8. Pair nominals: "the two countries", "both sides".
        if (w == "two" || w == "both") && toks.get(i + 1).is_some() {
            let noun = word(i + 1);
            if r.is(i + 1, class::PAIR_NOUN) {
                let start = if i > 0 && word(i - 1) == "the" { i - 1 } else { i };
                let kind = if noun == "leaders" || noun == "men" {
                    ActorKind::Person
                } else {
                    ActorKind::Country
                };
                let mut em = EntityMention::new(doc, s, start, i + 2, kind, MentionForm::Nominal);
                em.arity = 2;
                em.plural = true;
                out.push(em);
                i += 2;
                continue;
            }
        }
        // 9. Unknown capitalized runs (and "al-Sadr", which starts lowercase).
        let al_name = matches!(w, "al" | "el")
            && toks
                .get(i + 1)
                .is_some_and(|n| n.text(doc) == "-" && n.span.start == toks[i].span.end)
            && r.cap(i + 2);
        if r.cap(i) || al_name {
            if let Some(consumed) = unknown_name(doc, s, &r, i, out) {
                i += consumed.max(1);
                continue;
            }
        }
        i += 1;
    }
    attach_appositions(doc, s, out, first);
    attach_leading_appositions(doc, s, out, first);
}

/// A one-word person name of the lexicon right before an unknown capitalized
/// word is a given name (`Hassan Nasrallah`): the full name is an unknown one.
fn given_name(doc: &str, s: &Sentence, r: &Readings, m: &PhraseMatch) -> bool {
    matches!(m.entry, Entry::Actor { actor, .. }
        if r.lex.actors.get(actor as usize).is_some_and(|a| a.kind == ActorKind::Person))
        && m.end == m.start + 1
        && r.cap(m.end)
        && !r.is(m.end, class::WEB | class::ACTOR | class::DEMONYM | class::AGENT | class::FUNCTION)
        // "PRESIDENT OBAMA SIGNS THE BILL": in capitals an ordinary word is no surname.
        && !(is_all_caps(s.tokens[m.end].text(doc)) && r.lex.common_words.contains(r.w(m.end)))
}

fn m_text<'a>(doc: &'a str, s: &Sentence, m: &PhraseMatch) -> &'a str {
    Span::new(s.tokens[m.start].span.start, s.tokens[m.end - 1].span.end).slice(doc)
}

/// True when the token at `i` begins a role noun or a capitalized name (so what precedes modifies it).
fn modifies_next(doc: &str, s: &Sentence, r: &Readings, i: usize) -> bool {
    let Some(t) = s.tokens.get(i) else { return false };
    if r.agent(i, |_| true).is_some() {
        return true;
    }
    // "U.S.-backed": the hyphen glues a participle, the country is still an argument.
    if t.text(doc) == "-" {
        return false;
    }
    // "Russia's" is a possessive: the country is the owner, keep it as an argument.
    r.cap(i) && !r.is(i, class::ACTOR | class::FUNCTION)
}

/// A modifier before a role noun or a name: a demonym (`Russian`), a country
/// name (`U.S.`, `Russia's`) or an organization (`UN`, `NATO`).
#[derive(Debug, Clone, Copy)]
struct Modifier {
    /// The demonym or name.
    m: PhraseMatch,
    /// The kind of the modifier's mention: a country or an organization.
    kind: ActorKind,
    /// The index after the modifier (past a possessive `'s`).
    end: usize,
}

impl Modifier {
    /// The modifier's mention: it is not a relation argument.
    fn mention(&self, doc: &str, s: &Sentence, lex: &Lexicon) -> EntityMention {
        let m = &self.m;
        let mut em = match m.entry {
            Entry::Actor { actor, .. } => {
                let mut em = EntityMention::new(doc, s, m.start, m.end, self.kind, MentionForm::Name);
                em.lex = Some(actor);
                em.country = lex.actors.get(actor as usize).and_then(|a| a.country.clone());
                em
            }
            _ => {
                let mut em =
                    EntityMention::new(doc, s, m.start, m.end, ActorKind::Country, MentionForm::Demonym);
                em.country = country_of(lex, m);
                em
            }
        };
        em.modifier = true;
        em
    }
}

/// The [`Modifier`] at `j`, if any. Only its match is looked up: the callers make
/// its mention once the construction it modifies is found. The rules tried in turn at
/// a token ask for the same one: it is read once ([`Readings::modifier`]).
fn modifier_at(doc: &str, s: &Sentence, r: &Readings, j: usize) -> Option<Modifier> {
    // Most tokens start no demonym and no actor name.
    if !r.is(j, class::DEMONYM | class::ACTOR) {
        return None;
    }
    match r.modifier.get() {
        Some((k, modifier)) if k == j => modifier,
        _ => {
            let modifier = read_modifier(doc, s, r, j);
            r.modifier.set(Some((j, modifier)));
            modifier
        }
    }
}

/// [`modifier_at`] looked up.
fn read_modifier(doc: &str, s: &Sentence, r: &Readings, j: usize) -> Option<Modifier> {
    let (m, kind) = match r.demonym(j) {
        Some(m) => (m, ActorKind::Country),
        None => r.actor(j).and_then(|m| match m.entry {
            Entry::Actor { actor, .. } => r
                .lex
                .actors
                .get(actor as usize)
                .filter(|a| matches!(a.kind, ActorKind::Country | ActorKind::Organization))
                .map(|a| (m, a.kind)),
            _ => None,
        })?,
    };
    let mut end = m.end;
    if s.tokens
        .get(end)
        .is_some_and(|t| matches!(t.text(doc), "'s" | "’s"))
    {
        end += 1;
    }
    Some(Modifier { m, kind, end })
}

/// The country of the place named at `j` (`Aleppo`, `the northern West Bank city of
/// Hebron`): the first lexicon name within a few words, when it is a place with a
/// known country or a capital. Another name, a clause break or a verb first: none.
fn place_country(s: &Sentence, r: &Readings, j: usize) -> Option<String> {
    for k in j..(j + 5).min(s.tokens.len()) {
        if let Some(m) = r.actor(k) {
            return place_of(r.lex, &m);
        }
        if let Some(m) = r.capital(k) {
            return country_of(r.lex, &m);
        }
        let t = &s.tokens[k];
        if t.kind != TokenKind::Word || r.trigger_at(k) || r.is(k, class::FUNCTION) && r.w(k) != "the" {
            return None;
        }
    }
    None
}

/// Nouns of a collective that a role word can modify (`militant group`, `rebel movement`).
const COLLECTIVE_HEADS: &[&str] = &[
    "faction",
    "group",
    "movement",
    "network",
    "organisation",
    "organization",
    "outfit",
];

/// A known person's name written all in lowercase right after a title
/// (`President obama`, `Chancellor angela merkel`): a slip of case, read as
/// the name when the lexicon knows it (as an alias, or as the surname of one
/// person) and no word of it is an ordinary English word (`the president may`).
/// Returns the end of the name and the person.
fn lowercase_person(doc: &str, s: &Sentence, r: &Readings, j: usize) -> Option<(usize, u32)> {
    let toks = &s.tokens;
    for n in [2, 1] {
        let Some(words) = toks.get(j..j + n) else {
            continue;
        };
        let plain = words.iter().all(|t| {
            let w = t.text(doc);
            t.kind == TokenKind::Word
                && w.len() >= 3
                && w.bytes().all(|b| b.is_ascii_lowercase())
                && !r.lex.common_words.contains(w)
                && !is_in(class::FUNCTION, w)
        });
        if !plain {
            continue;
        }
        let person = |a: u32| {
            r.lex
                .actors
                .get(a as usize)
                .is_some_and(|x| x.kind == ActorKind::Person)
        };
        let phrase = Span::new(words[0].span.start, words[n - 1].span.end).slice(doc);
        let known = r.lex.lookup(phrase).iter().find_map(|e| match *e {
            Entry::Actor { actor, .. } if person(actor) => Some(actor),
            _ => None,
        });
        let surname = || {
            let title = crate::lexicon::ascii_title_case(words[0].text(doc));
            r.lex.surnames.get(&title).copied().flatten()
        };
        if let Some(a) = known.or_else(|| if n == 1 { surname() } else { None }) {
            return Some((j + n, a));
        }
    }
    None
}

/// `(the) (modifier) role... (Name)`: "U.S. Secretary of State John Kerry",
/// "Russian President Vladimir Putin", "President Obama", "Mr. Lavrov" give a
/// person with roles and country; without a name ("the US leader", "the
/// Russian president") a title mention, resolved later.
/// Like the other rules of [`recognize_into`], it pushes its mentions to `out` and returns the
/// number of tokens it read (`None`, with nothing pushed, when it does not apply).
fn titled_name(
    doc: &str,
    s: &Sentence,
    r: &Readings,
    i: usize,
    out: &mut Vec<EntityMention>,
) -> Option<usize> {
    let toks = &s.tokens;
    let mut j = i;
    let the = r.w(i) == "the";
    if the {
        j += 1;
    }
    // Most tokens begin no modifier, role noun or honorific.
    if !r.is(j, class::DEMONYM | class::ACTOR | class::AGENT | class::HONORIFIC) {
        return None;
    }
    let modifier = modifier_at(doc, s, r, j);
    if let Some(m) = modifier {
        j = m.end;
    }
    let title_start = j;
    let mut roles = Vec::new();
    while let Some(m) = r.agent(j, |a| a.kind == ActorKind::Person && !a.plural) {
        if let Entry::Agent(a) = m.entry {
            if let Some(agent) = r.lex.agents.get(a as usize) {
                roles.push(agent.role.clone());
            }
        }
        j = m.end;
    }
    // "the Somali militant group al-Shabab": a role word before a collective noun describes
    // the collective; it is no title.
    if !roles.is_empty() && r.is(j, class::COLLECTIVE_HEAD) {
        return None;
    }
    // Honorifics ("Mr.", "Gen.") also introduce names.
    if roles.is_empty() && modifier.is_none() && r.is(j, class::HONORIFIC) && r.cap(j + 1) {
        j += 1;
    }
    if j == title_start {
        return None;
    }
    let title_end = j;
    // The modifier's mention, pushed before the person's or the title's.
    let modifier = modifier.map(|m| m.mention(doc, s, r.lex));
    let (mut country, mut org) = (None, None);
    if let Some(m) = &modifier {
        if m.kind == ActorKind::Organization {
            org = m.lex;
        }
        country = m.country.clone();
    }
    // The name: a known person, or a capitalized run.
    let name = if let Some(m) = r.actor(j).filter(|m| !given_name(doc, s, r, m)) {
        match m.entry {
            Entry::Actor { actor, .. }
                if r.lex
                    .actors
                    .get(actor as usize)
                    .is_some_and(|a| a.kind == ActorKind::Person) =>
            {
                Some((m.start, m.end, Some(actor)))
            }
            _ => None,
        }
    } else if let Some((end, actor)) = lowercase_person(doc, s, r, j) {
        Some((j, end, Some(actor)))
    } else {
        let mut e = j;
        let mut end = j;
        while e < toks.len() {
            let w = r.w(e);
            // "the militant Lebanese Shiite group": nationality and religion words name no one.
            let name_word = (r.cap(e) || is_initial(doc, &toks[e]))
                && !r.is(
                    e,
                    class::AGENT | class::DEMONYM | class::AFFILIATION | class::FUNCTION,
                );
            // Particles inside a name: "Mohammed bin Abdulrahman Al Thani", "Ursula von der Leyen".
            let particle = e > j
                && matches!(
                    w,
                    "bin" | "ibn" | "al" | "el" | "de" | "da" | "van" | "von" | "der" | "la" | "le" | "-"
                )
                && toks.get(e + 1).is_some_and(|n| {
                    r.cap(e + 1)
                        || r.w(e + 1) == "der"
                        // "Muqtada al-Sadr"
                        || (n.text(doc) == "-" && r.cap(e + 2))
                });
            if name_word {
                e += 1;
                end = e;
            } else if particle {
                e += 1;
            } else {
                break;
            }
        }
        (end > j).then_some((j, end, None))
    };
    let first = if the { i + 1 } else { i };
    let Some((name_start, name_end, lex_actor)) = name else {
        // No name: a title mention ("the US leader", "the Russian president").
        if roles.is_empty() {
            return None;
        }
        let mut em = EntityMention::with_name(
            s,
            title_start,
            title_end,
            ActorKind::Person,
            MentionForm::Title,
            roles.join(" "),
        );
        // "the mayor of the West Bank city of Hebron": an official of a place serves its country.
        em.country = country.or_else(|| {
            (r.w(title_end) == "of")
                .then(|| place_country(s, r, title_end + 1))
                .flatten()
        });
        em.org = org;
        em.roles = roles;
        em.lead = title_start - first;
        out.extend(modifier);
        out.push(em);
        return Some(title_end - i);
    };
    let mut em = EntityMention::new(doc, s, name_start, name_end, ActorKind::Person, MentionForm::Name);
    em.lex = lex_actor;
    em.roles = roles;
    em.org = org;
    em.country = country.or_else(|| lex_actor.and_then(|a| r.lex.actors.get(a as usize)?.country.clone()));
    em.title = Some(Span::new(toks[first].span.start, toks[title_end - 1].span.end));
    em.lead = name_start - first;
    out.extend(modifier);
    out.push(em);
    Some(name_end - i)
}

fn is_initial(doc: &str, t: &Token) -> bool {
    let w = t.text(doc);
    w.len() == 2 && w.ends_with('.') && w.starts_with(|c: char| c.is_ascii_uppercase())
}

/// Roles of collectives that stand for their state when a country is given
/// (`the Canadian government`, `Israeli troops`, `French officials`).
const STATE_ROLES: &[&str] = &[
    "administration",
    "air force",
    "armed forces",
    "army",
    "authorities",
    "border guards",
    "cabinet",
    "coast guard",
    "diplomats",
    "embassy",
    "envoys",
    "forces",
    "government",
    "government officials",
    "governments",
    "intelligence",
    "lawmakers",
    "leaders",
    "leadership",
    "legislators",
    "military",
    "military officials",
    "ministers",
    "ministry",
    "navy",
    "negotiators",
    "official",
    "officials",
    "parliament",
    "police",
    "prosecutors",
    "regime",
    "security forces",
    "security officials",
    "soldiers",
    "state media",
    "troops",
];

/// "(the) (Syrian) (opposition) fighters", "the Canadian government" -> a
/// group nominal with a country, or the country itself for state organs.
/// Like the other rules of [`recognize_into`], it pushes its mentions to `out` and returns the
/// number of tokens it read (`None`, with nothing pushed, when it does not apply).
fn group_nominal(
    doc: &str,
    s: &Sentence,
    r: &Readings,
    i: usize,
    out: &mut Vec<EntityMention>,
) -> Option<usize> {
    let toks = &s.tokens;
    let mut j = i;
    if r.w(i) == "the" {
        j += 1;
    }
    // Most tokens begin no modifier, role noun or group modifier.
    if !r.is(
        j,
        class::DEMONYM | class::ACTOR | class::AGENT | class::GROUP_MODIFIER,
    ) && !matches!(r.w(j), "pro" | "anti")
    {
        return None;
    }
    let first = modifier_at(doc, s, r, j);
    if first.is_some_and(|m| m.kind == ActorKind::Organization) {
        return None;
    }
    // "Russian and Ukrainian negotiators": coordinated modifiers (read again below when
    // the group is found, rather than collected for the many modifiers that head none).
    let modifiers = std::iter::successors(first, |m| {
        toks.get(m.end)
            .filter(|t| matches!(t.text(doc), "and" | ","))
            .and_then(|_| modifier_at(doc, s, r, m.end + 1))
            .filter(|m2| m2.kind != ActorKind::Organization)
    });
    if let Some(last) = modifiers.clone().last() {
        j = last.end;
    }
    let head_start = j;
    loop {
        let w = r.w(j);
        if r.agent(j, |a| a.plural || a.kind == ActorKind::Group).is_some() {
            break;
        }
        if r.is(j, class::GROUP_MODIFIER) {
            j += 1;
        } else if matches!(w, "pro" | "anti") && toks.get(j + 1).is_some_and(|t| t.text(doc) == "-") {
            // "pro-government militias", "anti-government protesters"
            j += 3;
        } else {
            break;
        }
    }
    let m = r.agent(j, |a| a.plural || a.kind == ActorKind::Group)?;
    let Entry::Agent(a) = m.entry else { return None };
    // "Ministry of Defence", "Army of Islam": a capitalized role noun that heads a name.
    let named = (m.start..m.end).any(|k| matches!(toks[k].text(doc), "of" | "for"))
        || (toks
            .get(m.end)
            .is_some_and(|t| matches!(t.text(doc), "of" | "for"))
            && r.cap(m.end + 1));
    if r.cap(m.start) && named {
        return None;
    }
    let agent = r.lex.agents.get(a as usize)?;
    let head = Span::new(toks[head_start].span.start, toks[m.end - 1].span.end)
        .slice(doc)
        .to_lowercase();
    let role = lowercase_classes(&agent.role);
    if role & class::MEDIA_ROLE != 0 || r.is(m.end - 1, class::MEDIA_ROLE) {
        return Some(m.end - i);
    }
    // The modifiers' mentions go before the group's (taken back below when there is none).
    let base = out.len();
    out.extend(modifiers.map(|m| m.mention(doc, s, r.lex)));
    let country = out.get(base).and_then(|m| m.country.clone());
    // The countries of coordinated modifiers, with each modifier's text (none for one modifier).
    let countries: Vec<(String, Span)> = if out.len() - base > 1 {
        out[base..]
            .iter()
            .filter_map(|m| m.country.clone().map(|c| (c, m.span)))
            .collect()
    } else {
        Vec::new()
    };
    // (named below, once the label is known)
    let mut em = EntityMention::with_name(
        s,
        head_start,
        m.end,
        ActorKind::Group,
        MentionForm::Nominal,
        String::new(),
    );
    em.country = country;
    em.plural = true;
    em.lead = head_start - i;
    em.roles = vec![agent.role.clone()];
    // "the government of Egypt", "dissidents from Myanmar", "a court in Guyana": a country
    // after the head gives the group its country (the country name only modifies it).
    let mut end = m.end;
    let mut post = None;
    if em.country.is_none() {
        if let Some((pm, pend)) = country_after(doc, s, r, m.end, r.w(m.end - 1)) {
            em.country = pm.country.clone();
            post = Some(pm);
            end = pend;
        }
    }
    let state = is_in(class::STATE_ROLE, head.as_str())
        || role & class::STATE_ROLE != 0
        || r.is(m.end - 1, class::STATE_ROLE);
    if state && em.country.is_none() {
        // "officials", "the government", "troops" of no named state: not an identifiable actor
        // (a node "officials" would join every document's officials into one hub).
        out.truncate(base);
        return Some(m.end - i);
    }
    if em.country.is_some() && state {
        // A state organ with its country: the country acts.
        em.kind = ActorKind::Country;
    }
    if countries.len() > 1 {
        // "Russian and Ukrainian negotiators" stand for both countries; "US and British
        // activists" for the activists of each.
        if !state {
            em.labels = countries
                .iter()
                .map(|(_, span)| format!("{} {}", span.slice(doc), head))
                .collect();
        }
        em.countries = countries.into_iter().map(|(c, _)| c).collect();
    }
    // The label is the phrase with its modifier, lowercased ("Syrian rebels", "opposition fighters").
    em.name = match (out.get(base), &post) {
        (Some(modifier), _) => format!("{} {}", modifier.span.slice(doc), head),
        (None, Some(pm)) => format!("{} {}", pm.span.slice(doc), head),
        (None, None) => head,
    };
    out.push(em);
    out.extend(post);
    Some(end - i)
}

/// Heads that belong to the country they are "in" ("a court in Guyana", "protesters in
/// Cairo" are local; "troops in Iraq" are often foreign, so they are not listed).
const LOCAL_HEADS: &[&str] = &[
    "authorities",
    "court",
    "courts",
    "demonstrators",
    "dissidents",
    "government",
    "judge",
    "judges",
    "lawmakers",
    "opposition",
    "parliament",
    "police",
    "prosecutor",
    "prosecutors",
    "protesters",
    "rebels",
    "tribunal",
];

/// A country named right after a group's head word `head` at token `j`: "of Egypt",
/// "from (military-ruled) Myanmar", "in Guyana" (only for [`LOCAL_HEADS`]). Returns the
/// country as a modifier mention and the token after it.
fn country_after(
    doc: &str,
    s: &Sentence,
    r: &Readings,
    j: usize,
    head: &str,
) -> Option<(EntityMention, usize)> {
    let prep = r.w(j);
    if !(matches!(prep, "of" | "from") || (prep == "in" && is_in(class::LOCAL_HEAD, head))) {
        return None;
    }
    let mut k = j + 1;
    if r.w(k) == "the" {
        k += 1;
    }
    // "from military-ruled Myanmar": a lowercase hyphenated modifier before the country.
    while k < j + 6
        && s.tokens
            .get(k)
            .is_some_and(|t| t.kind == TokenKind::Word && t.text(doc).starts_with(|c: char| c.is_lowercase()))
        && s.tokens.get(k + 1).is_some_and(|t| t.text(doc) == "-")
    {
        k += 3;
    }
    let m = r.actor(k)?;
    let Entry::Actor { actor, .. } = m.entry else {
        return None;
    };
    let a = r.lex.actors.get(actor as usize)?;
    if a.kind != ActorKind::Country {
        return None;
    }
    // "the government of Egypt's ...": the country owns what follows, it is its own argument.
    if s.tokens
        .get(m.end)
        .is_some_and(|t| matches!(t.text(doc), "'s" | "’s"))
    {
        return None;
    }
    let mut em = EntityMention::new(doc, s, m.start, m.end, ActorKind::Country, MentionForm::Name);
    em.lex = Some(actor);
    em.country = country_of(r.lex, &m);
    em.modifier = true;
    Some((em, m.end))
}

/// "Olaf Scholz, the German chancellor, ...": a title right after a person's
/// name and a comma describes that person. Its roles and country go to the
/// name (whose `title` becomes the apposition, the evidence of affiliation)
/// and the title mention is dropped. The sentence's mentions are `out[first..]`.
fn attach_appositions(doc: &str, s: &Sentence, out: &mut Vec<EntityMention>, first: usize) {
    let mut k = first;
    while k < out.len() {
        if out[k].form != MentionForm::Title {
            k += 1;
            continue;
        }
        let title_first = out[k].tokens.0.saturating_sub(out[k].lead);
        // The person: the last non-modifier mention before the title.
        let Some(p) = (first..k).rev().find(|&x| !out[x].modifier) else {
            k += 1;
            continue;
        };
        let person_ok = out[p].kind == ActorKind::Person && out[p].form == MentionForm::Name;
        let gap: Vec<&str> = s
            .tokens
            .get(out[p].tokens.1..title_first)
            .unwrap_or(&[])
            .iter()
            .map(|t| t.text(doc))
            .collect();
        if !person_ok || !(gap == [","] || gap == [",", "the"] || gap == [",", "a"] || gap == [",", "an"]) {
            k += 1;
            continue;
        }
        let t = out.remove(k);
        let person = &mut out[p];
        for role in t.roles {
            if !person.roles.contains(&role) {
                person.roles.push(role);
            }
        }
        if t.country.is_some() {
            person.country = t.country;
        }
        if t.org.is_some() {
            person.org = t.org;
        }
        if let (Some(first), Some(last)) = (
            s.tokens.get(title_first),
            s.tokens.get(t.tokens.1.saturating_sub(1)),
        ) {
            person.title = Some(Span::new(first.span.start, last.span.end));
        }
    }
}

/// "The US commander in Iraq, General David Petraeus, ...": a title with a country
/// (or organization) right before a comma and a person's name describes that person.
/// Its roles and country go to the name and the title mention is dropped. A short
/// prepositional phrase may follow the title ("in Iraq"): the place of the post, not
/// the person's country. The sentence's mentions are `out[first..]`.
fn attach_leading_appositions(doc: &str, s: &Sentence, out: &mut Vec<EntityMention>, first: usize) {
    let mut k = first;
    while k < out.len() {
        let t = &out[k];
        if t.form != MentionForm::Title || t.modifier || (t.country.is_none() && t.org.is_none()) {
            k += 1;
            continue;
        }
        // The person: the next mention that is not a place inside the gap.
        let Some(p) = (k + 1..out.len()).find(|&x| out[x].kind == ActorKind::Person) else {
            k += 1;
            continue;
        };
        let person = &out[p];
        let name_first = person.tokens.0.saturating_sub(person.lead);
        let gap: Vec<&str> = s
            .tokens
            .get(t.tokens.1..name_first)
            .unwrap_or(&[])
            .iter()
            .map(|t| t.text(doc))
            .collect();
        let pp_ok = gap.len() >= 3
            && gap.len() <= 5
            && matches!(gap[0], "in" | "of" | "for" | "at" | "to")
            && !gap[..gap.len() - 1].contains(&",");
        let closed = s
            .tokens
            .get(person.tokens.1)
            .is_none_or(|t| matches!(t.text(doc), "," | "." | ";"));
        let ok = person.form == MentionForm::Name
            && person.country.is_none()
            && person.org.is_none()
            && gap.last() == Some(&",")
            && (gap.len() == 1 || pp_ok)
            && closed;
        if !ok {
            k += 1;
            continue;
        }
        let t = out.remove(k);
        let person = &mut out[p - 1];
        for role in t.roles {
            if !person.roles.contains(&role) {
                person.roles.push(role);
            }
        }
        person.country = t.country;
        person.org = t.org;
    }
}

/// A demonym or country name followed by an unknown capitalized run that is an
/// organization or a place: the whole is one name ("Syrian Democratic Forces").
/// Like the other rules of [`recognize_into`], it pushes its mentions to `out` and returns the
/// number of tokens it read (`None`, with nothing pushed, when it does not apply).
fn prefixed_name(
    doc: &str,
    s: &Sentence,
    r: &Readings,
    i: usize,
    out: &mut Vec<EntityMention>,
) -> Option<usize> {
    let toks = &s.tokens;
    let m = r
        .demonym(i)
        .or_else(|| {
            r.actor(i).filter(|m| match m.entry {
                Entry::Actor { actor, .. } => r
                    .lex
                    .actors
                    .get(actor as usize)
                    .is_some_and(|a| matches!(a.kind, ActorKind::Country | ActorKind::Location)),
                _ => false,
            })
        })
        .or_else(|| r.capital(i))?;
    // "Asia-Pacific ...": the name goes on after a hyphen.
    let mut start = m.end;
    if toks
        .get(start)
        .is_some_and(|t| t.text(doc) == "-" && t.span.start == toks[start - 1].span.end)
        && toks
            .get(start + 1)
            .is_some_and(|n| n.span.start == toks[start].span.end)
        && r.cap(start + 1)
    {
        start += 1;
    }
    if !r.cap(start)
        || r.is(
            start,
            class::FUNCTION | class::ACTOR | class::DEMONYM | class::AGENT,
        )
    {
        return None;
    }
    // "Georgia Tech", "Jerusalem Post": a place and one organization word (a known name may
    // follow: "the Malaysia Airlines Boeing").
    if r.is(start, class::ORG_WORD)
        && !toks
            .get(start + 1)
            .is_some_and(|n| is_cap_word(doc, n) && r.actor(start + 1).is_none())
        && !matches!(r.w(start + 1), "of" | "for" | "&")
    {
        let mut em = EntityMention::new(doc, s, i, start + 1, ActorKind::Organization, MentionForm::Name);
        em.plural = true;
        em.country = country_of(r.lex, &m).or_else(|| place_of(r.lex, &m));
        // "the Malaysia Airlines flight": before a noun the name only modifies it.
        em.modifier = toks.get(start + 1).is_some_and(|t| {
            t.kind == TokenKind::Word
                && t.text(doc).starts_with(|c: char| c.is_lowercase())
                && !r.verb_trigger_at(start + 1)
                && !r.is(start + 1, class::FUNCTION)
        });
        out.push(em);
        return Some(start + 1 - i);
    }
    // The run after the modifier, read as an unknown name: its mentions are replaced (or
    // taken back) below.
    let base = out.len();
    let read = unknown_name(doc, s, r, start, out);
    let (Some(consumed), Some(rest)) = (read, out.get(base)) else {
        out.truncate(base);
        return None;
    };
    let (kind, rest_start, rest_end) = (rest.kind, rest.tokens.0, rest.tokens.1);
    if !matches!(kind, ActorKind::Organization | ActorKind::Location) || rest_start != start {
        out.truncate(base);
        return None;
    }
    let mut em = EntityMention::new(doc, s, i, rest_end, kind, MentionForm::Name);
    em.plural = kind == ActorKind::Organization;
    em.country = country_of(r.lex, &m).or_else(|| place_of(r.lex, &m));
    // An acronym defined right after the name ("(APEC)") is an alias of the whole name.
    if let Some(acr) = out.get_mut(base + 1) {
        acr.name = em.name.clone();
    }
    out[base] = em;
    Some(start - i + consumed)
}

/// Legal forms of companies (`Inc.`, `Corp`, `Ltd.`), compared without their period.
const LEGAL_FORMS: &[&str] = &[
    "ag",
    "co",
    "corp",
    "gmbh",
    "inc",
    "incorporated",
    "llc",
    "llp",
    "lp",
    "ltd",
    "plc",
    "pvt",
];

/// True when token `k` is a legal form (`Inc.`, `Corp`).
fn is_legal_form(r: &Readings, k: usize) -> bool {
    r.trimmed_bits(k) & class::LEGAL_FORM != 0
}

/// The end of a company name after its legal form: `Enron Corp.`, `Google, Inc.`,
/// `Acme Pvt. Ltd.` (a comma may come before the form). `None` when none follows `end`.
fn legal_form_end(doc: &str, s: &Sentence, r: &Readings, end: usize) -> Option<usize> {
    let toks = &s.tokens;
    let mut e = end;
    if toks.get(e).is_some_and(|t| t.text(doc) == ",") {
        e += 1;
    }
    let mut found = None;
    while r.cap(e) && !r.is(e, class::WEB) && is_legal_form(r, e) {
        e += 1;
        found = Some(e);
    }
    found
}

/// Acronyms that are not organizations.
const NOT_ORG_ACRONYMS: &[&str] = &[
    "ad", "aids", "aka", "am", "api", "asap", "bc", "btw", "cd", "ceo", "cfo", "cm", "coo", "cto", "diy",
    "dna", "dr", "dvd", "eg", "est", "eta", "etc", "evp", "faq", "ft", "fyi", "gdp", "gmt", "gps", "hiv",
    "hq", "hr", "id", "ie", "ii", "iii", "imho", "imo", "ipo", "it", "iv", "ix", "jr", "kg", "km", "lb",
    "lbs", "lmao", "lng", "lol", "mm", "mph", "mr", "mrs", "ok", "omg", "oz", "pc", "pdf", "pm", "pr", "ps",
    "pst", "rsvp", "sms", "sr", "svp", "tba", "tbd", "tv", "uk", "usb", "utc", "vhs", "vi", "vii", "viii",
    "vp", "vs", "xi", "xii",
];

/// Last words of place names (`Hayes Street`, `Ashtamudi Lake`, `City Hall`).
const PLACE_WORDS: &[&str] = &[
    "airport",
    "arena",
    "ave",
    "avenue",
    "bar",
    "bay",
    "beach",
    "blvd",
    "boulevard",
    "bridge",
    "cafe",
    "canyon",
    "cathedral",
    "city",
    "coast",
    "county",
    "desert",
    "district",
    "drive",
    "falls",
    "garage",
    "garden",
    "gardens",
    "grill",
    "gulf",
    "hall",
    "harbor",
    "harbour",
    "heights",
    "hills",
    "hotel",
    "inn",
    "island",
    "islands",
    "lake",
    "lane",
    "mall",
    "mosque",
    "mount",
    "mountain",
    "mountains",
    "museum",
    "ocean",
    "palace",
    "park",
    "peninsula",
    "plaza",
    "port",
    "province",
    "pub",
    "rd",
    "region",
    "restaurant",
    "river",
    "road",
    "sea",
    "square",
    "st",
    "stadium",
    "station",
    "strait",
    "street",
    "temple",
    "tower",
    "towers",
    "valley",
    "zoo",
];

/// First words of place names (`St. Louis`, `Fort Worth`, `Santa Fe`, `Greater Manchester`).
const PLACE_PREFIXES: &[&str] = &[
    "fort", "ft.", "greater", "lake", "mount", "mt.", "port", "saint", "san", "santa", "st", "st.",
];

/// Single capitalized words that are never a person or an organization: celestial
/// bodies, abbreviated weekdays and Santa (`Venus`, `the Moon`, `on Fri, Sat, or Sun`).
const NOT_NAMES: &[&str] = &[
    "fri", "jupiter", "mars", "mercury", "mon", "moon", "neptune", "pluto", "santa", "sat", "saturn", "sun",
    "thu", "thur", "thurs", "tue", "tues", "uranus", "venus", "wed",
];

/// True for a word with a capital after a lowercase letter (`NiMo`, `WashPost`), not
/// counting surname prefixes (`McCain`, `MacArthur`, `DeLay`, `DiMaggio`, `LaGuardia`).
fn is_camel_case(w: &str) -> bool {
    const PREFIXES: &[&str] = &["Da", "De", "Di", "Du", "La", "Le", "Mac", "Mc", "O'", "St", "Van"];
    if !w.chars().all(char::is_alphabetic) || PREFIXES.iter().any(|p| w.starts_with(p)) {
        return false;
    }
    w.chars()
        .zip(w.chars().skip(1))
        .any(|(a, b)| a.is_lowercase() && b.is_uppercase())
}

/// True when most words of the sentence are in capitals (a shouted headline or
/// sentence, where capitals mark nothing).
fn shouting_sentence(doc: &str, s: &Sentence) -> bool {
    let words: Vec<&str> = s
        .tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.text(doc))
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .collect();
    words.len() >= 3 && words.iter().filter(|w| is_all_caps(w)).count() * 2 > words.len()
}

/// True when the word of token `k` is an ordinary English word.
fn common(r: &Readings, k: usize) -> bool {
    r.is(k, class::FUNCTION) || r.lex.common_words.contains(r.w(k))
}

/// A capitalized run the lexicon does not know.
/// Like the other rules of [`recognize_into`], it pushes its mentions to `out` and returns the
/// number of tokens it read (`None`, with nothing pushed, when it does not apply).
fn unknown_name(
    doc: &str,
    s: &Sentence,
    r: &Readings,
    i: usize,
    out: &mut Vec<EntityMention>,
) -> Option<usize> {
    let toks = &s.tokens;
    let first_word = r.w(i);
    let first = r.bits(i);
    // A sentence-initial function word or quantity is not a name; look at the rest of the run.
    if first & (class::FUNCTION | class::QUANTITY | class::EVALUATIVE) != 0 {
        return Some(1);
    }
    // "Shares of Acme Corp.": a sentence-initial ordinary noun before "of" is not in the name.
    let at_start = i == 0 || toks[..i].iter().all(|t| t.kind == TokenKind::Punct);
    if at_start
        && r.w(i + 1) == "of"
        && first & (class::ORG_HEAD | class::ORG_WORD | class::PLACE_WORD) == 0
        && common(r, i)
    {
        return Some(2);
    }
    // Storms are named like people: "Hurricane Katrina" names no actor.
    if matches!(
        first_word,
        "hurricane" | "storm" | "typhoon" | "cyclone" | "tropical"
    ) {
        let mut e = i + 1;
        while r.cap(e) {
            e += 1;
        }
        return Some(e - i);
    }
    // Religious and ethnic adjectives ("Sunni", "Shiite Arab") name no one, except at the
    // head of an organization's name ("Islamic Jihad", "Muslim Brotherhood").
    if first & class::AFFILIATION != 0 {
        let named = r.cap(i + 1)
            && !r.is(
                i + 1,
                class::AFFILIATION | class::ACTOR | class::DEMONYM | class::AGENT,
            );
        if !named {
            return Some(1);
        }
        let mut e = i + 1;
        while r.cap(e) && !r.is(e, class::ACTOR) {
            e += 1;
        }
        let mut em = EntityMention::new(doc, s, i, e, ActorKind::Organization, MentionForm::Name);
        em.plural = true;
        out.push(em);
        return Some(e - i);
    }
    // Extend over capitalized words, initials, inner connectors ("of", "al", "bin") and hyphens;
    // stop where a known actor, demonym or role noun begins.
    let mut e = i;
    let mut last_cap = i;
    while e < toks.len() {
        let t = &toks[e];
        let w = r.w(e);
        // The pronoun "I" ends a name ("Dan I for one ..."), and so does a web address.
        if e > i && (r.is(e, class::WEB) || t.text(doc) == "I") {
            break;
        }
        // "University of Texas", "Housing Authority of New Orleans": an organization's
        // name goes on over the place after its "of".
        if e > i + 1 && toks[e - 1].text(doc) == "of" {
            let org_head = r.is(i, class::ORG_HEAD) || (i..e - 1).any(|k| r.is(k, class::ORG_WORD));
            let place = r.actor(e).filter(|m| {
                matches!(m.entry, Entry::Actor { actor, .. } if r.lex.actors.get(actor as usize)
                    .is_some_and(|a| a.kind != ActorKind::Person))
            });
            if let Some(m) = place.filter(|_| org_head) {
                last_cap = m.end - 1;
                e = m.end;
                continue;
            }
        }
        // "Housing Authority": a collective's role noun that is an organization word goes on
        // the name (a person's role noun, "Acme Chief Executive", ends it).
        let org_role =
            r.cap(e) && r.is(e, class::ORG_WORD) && r.agent(e, |a| a.kind == ActorKind::Person).is_none();
        if e > i
            && (r.actor(e).is_some()
                || r.demonym(e).is_some()
                || (r.agent(e, |_| true).is_some() && !org_role))
        {
            break;
        }
        if r.cap(e) || is_initial(doc, t) || (t.kind == TokenKind::Number && e > i) {
            last_cap = e;
            e += 1;
            continue;
        }
        let glued = e > i && toks[e - 1].span.end == t.span.start;
        // "and" joins inside an organization name that already has "of"/"for":
        // "Department of Housing and Urban Development".
        let org_and = w == "and" && (i..e).any(|k| matches!(toks[k].text(doc), "of" | "for")) && r.cap(e + 1);
        let connector = (matches!(
            w,
            "of" | "for" | "al" | "bin" | "de" | "van" | "von" | "da" | "la" | "&"
        ) && r.cap(e + 1))
            || org_and
            // "Muqtada al-Sadr"
            || (matches!(w, "al" | "el" | "ad" | "as" | "ash" | "an" | "ibn")
                && toks.get(e + 1).is_some_and(|n| n.text(doc) == "-" && n.span.start == t.span.end)
                && r.cap(e + 2));
        let hyphen =
            w == "-" && glued && toks.get(e + 1).is_some_and(|n| n.span.start == t.span.end) && r.cap(e + 1);
        if connector || hyphen {
            e += 1;
            continue;
        }
        break;
    }
    let mut end = last_cap + 1;
    // "Enron Corp.", "Acme, Inc.": a legal form makes a company.
    let legal = legal_form_end(doc, s, r, end);
    let legal_inside = end - i > 1 && is_legal_form(r, end - 1);
    if let Some(e) = legal {
        end = e;
    }
    // "Acme Corporation Guaranty": a company word followed only by ordinary nouns ends
    // the company's name.
    let org_word_at = |k: usize| matches!(r.w(k), "corporation" | "company") || is_legal_form(r, k);
    if legal.is_none()
        && end - i >= 3
        && !org_word_at(end - 1)
        && r.trimmed_bits(end - 1) & class::PLACE_WORD == 0
    {
        if let Some(k) = (i + 1..end - 1).rev().find(|&k| org_word_at(k)) {
            if (k + 1..end).all(|q| !r.is(q, class::FUNCTION) && common(r, q)) {
                end = k + 1;
            }
        }
    }
    // The words of the name that hold a letter.
    let alpha = (i..end).filter(|&k| r.w(k).chars().any(char::is_alphabetic));
    let n_words = alpha.clone().count();
    if n_words == 0 {
        return None;
    }
    let prev = if i > 0 { r.w(i - 1) } else { "" };
    let next = r.w(end);
    // The lists of the last word, without its final periods.
    let last = r.trimmed_bits(end - 1);
    let raw = Span::new(toks[i].span.start, toks[end - 1].span.end).slice(doc);
    if last & class::NON_ACTOR != 0 && n_words > 1 {
        return Some(end - i);
    }
    let has_connector = (i..end).any(|k| matches!(r.w(k), "of" | "for" | "&"));
    // "Asia-Pacific Economic Cooperation (APEC)": a name that defines an acronym is an organization.
    let defines_acronym = toks.get(end).is_some_and(|t| t.text(doc) == "(")
        && toks.get(end + 2).is_some_and(|t| t.text(doc) == ")")
        && toks.get(end + 1).is_some_and(|t| is_all_caps(t.text(doc)));
    let is_org = defines_acronym
        || legal.is_some()
        || legal_inside
        || (last & class::ORG_WORD != 0 && n_words > 1)
        || (first & class::ORG_HEAD != 0 && n_words > 1)
        || (has_connector && last & class::PLACE_WORD == 0);
    let is_place = || {
        (last & class::PLACE_WORD != 0 || first & class::PLACE_PREFIX != 0) && n_words > 1
            || lowercase_classes(raw) & class::REGION != 0
    };
    let first_name = || r.lex.first_names.contains(toks[i].text(doc));
    let letters = || raw.chars().filter(|c| c.is_alphabetic()).count();
    // An unknown acronym is an organization when the text treats it as an actor:
    // "the SDF", "IAEA said" (elsewhere it is as often a product, a form or a unit).
    let acronym = n_words == 1
        && is_all_caps(raw)
        && letters() <= 6
        && !common(r, i)
        && !is_in(class::NOT_ORG_ACRONYM, &first_word.replace('.', ""))
        && !raw.chars().any(|c| c.is_ascii_digit())
        && !shouting_sentence(doc, s)
        && (prev == "the" || acts(doc, s, r, end));
    // "NiMo", "WashPost": a capital inside a single word marks a brand or a company
    // (but "McCain", "DeLay", "LaGuardia" are surnames).
    let camel = n_words == 1 && letters() >= 4 && is_camel_case(raw);
    let after_mr = n_words == 1 && !at_start && matches!(prev, "mr." | "mr" | "ms." | "mrs." | "mrs" | "ms");
    let speaker = matches!(next, "said" | "says" | "told" | "added" | "wrote" | "asked");
    // Every word an ordinary English word ("Hidden Nook", "Total Privacy"): not a person.
    let all_common = || alpha.clone().all(|k| common(r, k));
    // "Radical Shiite", "Sunni Arab": a religious or ethnic word is in no person's name.
    let affiliation = alpha.clone().any(|k| r.is(k, class::AFFILIATION));
    let shouting = is_all_caps(raw) && n_words > 1;
    // "the Coalition", "the Commission": one capitalized organization word inside a sentence.
    let org_word = n_words == 1 && !at_start && prev == "the" && last & class::ORG_WORD != 0;
    let kind = if is_org || acronym || camel || org_word {
        ActorKind::Organization
    } else if is_place() {
        ActorKind::Location
    } else if shouting || affiliation {
        return Some(end - i);
    } else if (2..=4).contains(&n_words) && first_name() {
        ActorKind::Person
    } else if i > 0 && r.is(i - 1, class::PLACE_PREP) && n_words <= 3 {
        ActorKind::Location
    } else if (2..=4).contains(&n_words) && !all_common()
        || after_mr
        || (n_words == 1 && speaker && !at_start)
    {
        ActorKind::Person
    } else if n_words >= 2 {
        return Some(end - i);
    } else {
        // A single unknown capitalized word: resolved later against the document's full names.
        // A known person's surname that is also an ordinary word ("Bush nominated") still
        // names the person when it opens a sentence as the subject of a verb.
        let known_subject = || (r.verb_trigger_at(end) || speaker) && r.lex.surnames.contains_key(raw);
        if at_start && common(r, i) && !known_subject() || first & class::NOT_NAME != 0 {
            return Some(1);
        }
        let mut em = EntityMention::new(doc, s, i, end, ActorKind::Person, MentionForm::Name);
        // Kept for sure when it does or undergoes what a relation says ("Okonkwo criticized",
        // "criticized by Okonkwo"); otherwise tentative, resolved against the document's names.
        let agent_of_trigger = r.verb_trigger_at(end) || (prev == "by" && i >= 2 && r.verb_trigger_at(i - 2));
        let wordlike = raw.chars().all(char::is_alphabetic);
        em.arity = if wordlike && (agent_of_trigger || speaker) && !common(r, i) {
            1
        } else {
            0
        };
        out.push(em);
        return Some(end - i);
    };
    // A person's name ends before ordinary words glued after it in lists and signatures
    // ("John Staikos Direct Dial", "Sungjoo Lee Stochastic Processes").
    if kind == ActorKind::Person && n_words >= 3 {
        if let Some(k) = (i + 2..end).find(|&k| common(r, k) && !is_initial(doc, &toks[k])) {
            end = k;
        }
    }
    let mut em = EntityMention::new(doc, s, i, end, kind, MentionForm::Name);
    em.plural = kind != ActorKind::Person;
    // "Asia-Pacific Economic Cooperation (APEC)": the acronym is an alias of the name.
    if kind == ActorKind::Organization
        && toks.get(end).is_some_and(|t| t.text(doc) == "(")
        && toks.get(end + 2).is_some_and(|t| t.text(doc) == ")")
    {
        let inner = &toks[end + 1];
        if is_all_caps(inner.text(doc)) {
            let mut acr = EntityMention::new(doc, s, end + 1, end + 2, kind, MentionForm::Name);
            acr.name = em.name.clone();
            acr.plural = true;
            let n = end + 3 - i;
            out.push(em);
            out.push(acr);
            return Some(n);
        }
    }
    out.push(em);
    Some(end - i)
}

/// Religious, ethnic and political adjectives: not names on their own.
const AFFILIATION_WORDS: &[&str] = &[
    "alawite",
    "arab",
    "arabs",
    "baathist",
    "buddhist",
    "catholic",
    "christian",
    "christians",
    "communist",
    "conservative",
    "conservatives",
    "democrat",
    "democrats",
    "druze",
    "eastern",
    "evangelical",
    "hindu",
    "hurricane",
    "islamic",
    "islamist",
    "jewish",
    "jews",
    "kurdish",
    "kurds",
    "liberal",
    "liberals",
    "muslim",
    "muslims",
    "northern",
    "orthodox",
    "protestant",
    "republican",
    "republicans",
    "salafi",
    "shi'ite",
    "shia",
    "shiite",
    "sikh",
    "socialist",
    "southern",
    "sunni",
    "wahhabi",
    "western",
    "zionist",
];

/// Evaluative adjectives that begin capitalized titles of reviews and ads without
/// naming anything (`Great Service`, `Poor Service`, `Fantastic Lake Cottage`).
const EVALUATIVE: &[&str] = &[
    "amazing",
    "awesome",
    "awful",
    "bad",
    "best",
    "excellent",
    "fantastic",
    "favorite",
    "favourite",
    "friendly",
    "great",
    "horrible",
    "nice",
    "poor",
    "terrible",
    "wonderful",
    "worst",
];

/// Quantity words that begin capitalized runs without naming anything (`Hundreds of UN troops`).
const QUANTITIES: &[&str] = &[
    "dozens",
    "few",
    "hundreds",
    "many",
    "millions",
    "most",
    "scores",
    "several",
    "some",
    "tens",
    "thousands",
];

#[cfg(test)]
mod list_tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted_and_each_has_its_own_bit() {
        let mut seen = 0;
        for &(list, bit) in WORD_LISTS {
            assert_eq!(bit.count_ones(), 1);
            assert!(bit & seen == 0, "two lists share the bit {bit:#x}");
            seen |= bit;
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?} is not sorted");
            for w in list {
                // `token_bits` looks up only word tokens.
                assert!(
                    w.starts_with(|c: char| c.is_ascii_lowercase()) && *w != "n't",
                    "{w}"
                );
                assert!(w.len() <= LONGEST_LISTED, "{w}");
                assert!(is_in(bit, w), "{w} has not the bit of its list");
                assert_eq!(lowercase_classes(&w.to_uppercase()), classes(w), "{w}");
            }
        }
        assert!(seen < class::CAP, "a list bit overlaps the token facts");
        assert!(is_web_chunk(b"WWW.Example") && is_web_chunk(b"cv.PDF") && is_web_chunk(b"a_b"));
        assert!(is_web_chunk(b"http://x") && !is_web_chunk(b"said.") && !is_web_chunk(b"U.S.-backed"));
        for text in [
            "a www. b",
            "x@y",
            "a_b",
            "see cv.PDF",
            "http://x",
            "WWW.Example",
            "p=1",
        ] {
            assert!(may_hold_web_chunk(text.as_bytes()), "{text}");
        }
        assert!(!may_hold_web_chunk(b"Putin met Xi in Beijing on Monday.") && !may_hold_web_chunk(b""));
        assert!(!is_in(class::FUNCTION, "minister"));
    }
}

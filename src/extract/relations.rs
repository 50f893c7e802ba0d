//! Relation patterns: who did what to whom, with negation and modality.
//!
//! For each trigger (a verb or event noun of the trigger lexicon, or a
//! support verb with an agreement noun: `strike a deal`) the patterns look
//! for the source and target among the sentence's resolved mentions:
//!
//! - passive: `Y was attacked by X`, `fighters, backed by X and Z`, `X-backed Y`;
//! - nouns: `talks between X and Y`, `X's meeting with Y`, `a meeting with Y`
//!   (source: the clause subject), `X and Y ... in a meeting`, `In talks, X and Y ...`;
//! - active verbs: subject = the nearest actor to the left (a coordination
//!   counts as a whole; a relative pronoun `who` points back to the actor
//!   before it; a verb joined by `and`/`but` shares the subject of the verb
//!   before it), object = the first actor after the verb (after its preposition).
//!   Symmetric relations with a coordinated subject and no object relate the
//!   conjuncts pairwise (`Kerry and Lavrov met`);
//! - objects after a noun phrase: `bombarded a rebel-held part of Y`, `fired
//!   missiles at Y`, `donated 5 million euros to Y`, `attended a summit in Y`,
//!   `condemned an attack by Y`, `engaged Y in a firefight`;
//! - subjects: an apposition is one actor (`the US envoy, John Smith, met`), a
//!   place after `in` only locates the actor before it (`the envoy in Egypt`),
//!   a participle after a comma shares the main subject (`X met Y, offering aid
//!   to Z`), a relative clause on a noun that is no actor has none;
//! - requests and charges: `asked X to`, `pressure from Y`, `claimed that X attacked`,
//!   `alleged that X ...`; the infinitive after a demand is the demanded one's (`X faces
//!   pressure from Y to help Z`: X helps Z);
//! - the attack a passive victim was hit in gives the agent: `killed in Israeli air strikes`,
//!   and so does the user of the weapon: `shot down by a missile fired by X`;
//! - `ties with Y` is cooperation, `cut ties with Y` a sanction;
//! - receipts: `X received weapons/assurances/ministers from Y` is Y's aid,
//!   agreement or visit to X (the received noun names the relation);
//! - passives of event nouns and with time words: `sanctions on Y were imposed
//!   by X`, `Y were released yesterday by X`;
//! - attack nouns after a light verb or a claim: `launched attacks in Y`,
//!   `claimed responsibility for an attack targeting Y`;
//! - an attack, protest, mobilization, coercion or inspection with no named
//!   target that happens at a place of a known country is directed at that
//!   country (`staged a protest in Beijing`, `attacked a mall in Kenya's
//!   capital`); a meeting in a city is not.
//! - refusals: a cooperative act refused by its source (`refused to meet Y`, `would
//!   not provide aid to Y`) is also the source's rejection of Y, asserted.
//!
//! Participles right after an article, a number, a preposition or another verb
//! modify a noun (`the exiled leaders`) and trigger nothing. A demonym that
//! modifies no actor mention (`Filipino peacekeepers`) stands for its country.
//!
//! Reported speech needs no rule: in `Obama said Russia attacked rebels`
//! the actor nearest to `attacked` is Russia.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::extract::entities::EntityMention;
use crate::extract::{SentenceWords, ENTITY_LIST_BITS};
use crate::lexicon::{Entry, Lexicon, SentenceIndex, TriggerForm};
use crate::model::{Modality, Span};
use crate::resolve::{coordination_before, joined, Resolution};
use crate::text::Sentence;
use crate::vocab::{Vocabulary, AFFILIATED_WITH};

/// A relation between two resolved entities (indices into [`Resolution::entities`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelationMention {
    /// Sentence index.
    pub sentence: usize,
    /// Source entity.
    pub source: usize,
    /// Target entity.
    pub target: usize,
    /// Relation key.
    pub relation: String,
    /// Trigger span.
    pub trigger: Span,
    /// Explicitly negated.
    pub negated: bool,
    /// Modality.
    pub modality: Modality,
    /// Date, when known.
    pub date: Option<NaiveDate>,
    /// Source mention span.
    pub source_span: Span,
    /// Target mention span.
    pub target_span: Span,
}

/// True when `w` is in `list` (the word lists are sorted, checked by a test).
fn is_in(list: &[&str], w: &str) -> bool {
    crate::lexicon::in_sorted(list, w)
}

/// Word classes: one bit per word list of this module, above the bits of the entity
/// stage's lists ([`ENTITY_LIST_BITS`]). A sentence's words are classified once
/// ([`SentenceWords::classes`], one hash lookup per token) and every list test after that
/// is a bit test on the token's class instead of a search.
mod class {
    pub const SUPPORT_VERB: u64 = 1 << 32;
    pub const AGREEMENT_NOUN: u64 = 1 << 33;
    pub const REQUEST_VERB: u64 = 1 << 34;
    pub const PROJECTILE_VERB: u64 = 1 << 35;
    pub const CHARGING_VERB: u64 = 1 << 36;
    pub const RECEIPT_VERB: u64 = 1 << 37;
    pub const LIGHT_VERB: u64 = 1 << 38;
    pub const SEVERING_VERB: u64 = 1 << 39;
    pub const NEEDS_WITH: u64 = 1 << 40;
    pub const NOUN_DETERMINER: u64 = 1 << 41;
    pub const NOUN_CONTEXT: u64 = 1 << 42;
    pub const NOUN_SLOT: u64 = 1 << 43;
    pub const PARTICIPLE_PREP: u64 = 1 << 44;
    pub const NP_BREAK: u64 = 1 << 45;
    pub const AUXILIARY: u64 = 1 << 46;
    pub const DATE_WORD: u64 = 1 << 47;
    // The markers of [`super::modality_before`].
    pub const INABILITY: u64 = 1 << 48;
    pub const ABILITY: u64 = 1 << 49;
    pub const NOT: u64 = 1 << 50;
    pub const NEGATION: u64 = 1 << 51;
    pub const EFFORT: u64 = 1 << 52;
    pub const HEDGE: u64 = 1 << 53;
    pub const PLAN: u64 = 1 << 54;
    pub const PLAN_REFUSAL: u64 = 1 << 55;
    pub const TO: u64 = 1 << 56;
    pub const PASSIVE_ADJUNCT: u64 = 1 << 57;
    pub const PLACE_PREP: u64 = 1 << 58;
    pub const PLACE_BREAK: u64 = 1 << 59;
    pub const COMPASS_ADJECTIVE: u64 = 1 << 60;
    /// The coordinators of a coordinated subject ([`super::subject_of`]).
    pub const COORDINATOR: u64 = 1 << 61;
    /// The relative pronouns of a relative clause on an actor ([`super::subject_of`]).
    pub const RELATIVE: u64 = 1 << 62;
}

/// The word list behind each [`class`] bit.
pub(super) const CLASS_LISTS: &[(&[&str], u64)] = &[
    (SUPPORT_VERBS, class::SUPPORT_VERB),
    (AGREEMENT_NOUNS, class::AGREEMENT_NOUN),
    (REQUEST_VERBS, class::REQUEST_VERB),
    (PROJECTILE_VERBS, class::PROJECTILE_VERB),
    (CHARGING_VERBS, class::CHARGING_VERB),
    (RECEIPT_VERBS, class::RECEIPT_VERB),
    (LIGHT_VERBS, class::LIGHT_VERB),
    (SEVERING_VERBS, class::SEVERING_VERB),
    (NEEDS_WITH, class::NEEDS_WITH),
    (NOUN_DETERMINERS, class::NOUN_DETERMINER),
    (NOUN_CONTEXT, class::NOUN_CONTEXT),
    (NOUN_SLOT, class::NOUN_SLOT),
    (PARTICIPLE_PREPS, class::PARTICIPLE_PREP),
    (NP_BREAK, class::NP_BREAK),
    (AUXILIARIES, class::AUXILIARY),
    (DAY_WORDS, class::DATE_WORD),
    (WEEKDAYS, class::DATE_WORD | class::PASSIVE_ADJUNCT),
    (PASSIVE_ADJUNCTS, class::PASSIVE_ADJUNCT),
    (PLACE_PREPS, class::PLACE_PREP),
    (PLACE_BREAKS, class::PLACE_BREAK),
    (COMPASS_ADJECTIVES, class::COMPASS_ADJECTIVE),
    (INABILITY_WORDS, class::INABILITY),
    (ABILITY_WORDS, class::ABILITY),
    (&["n't", "not"], class::NOT),
    (NEGATION_WORDS, class::NEGATION),
    (EFFORT_WORDS, class::EFFORT),
    (HEDGE_WORDS, class::HEDGE),
    (PLAN_WORDS, class::PLAN),
    (PLAN_REFUSALS, class::PLAN_REFUSAL),
    (&["to"], class::TO),
    (&["&", "and", "or"], class::COORDINATOR),
    (&["which", "who"], class::RELATIVE),
];

/// The [`class`] bits of a normalized word (0 for a word in no list).
fn word_class(w: &str) -> u64 {
    super::word_class(w) & !ENTITY_LIST_BITS
}

/// True when the normalized word `w` is in the word list of [`class`] `bit` (where the classes
/// of the sentence's tokens are not at hand).
fn in_class(w: &str, bit: u64) -> bool {
    word_class(w) & bit != 0
}

/// The words that date a sentence ([`sentence_date`], [`future_date`]), with the [`WEEKDAYS`].
const DAY_WORDS: &[&str] = &["today", "tomorrow", "yesterday"];
/// The names of the days of the week ([`weekday`]).
const WEEKDAYS: &[&str] = &[
    "friday",
    "monday",
    "saturday",
    "sunday",
    "thursday",
    "tuesday",
    "wednesday",
];

/// Verbs that take an agreement noun (`reach an agreement`, `strike a deal`).
const SUPPORT_VERBS: &[&str] = &[
    "broker",
    "brokered",
    "clinch",
    "clinched",
    "conclude",
    "concluded",
    "concludes",
    "concluding",
    "finalise",
    "finalised",
    "finalize",
    "finalized",
    "finalizes",
    "finalizing",
    "hammer",
    "hammered",
    "reach",
    "reached",
    "reaches",
    "reaching",
    "seal",
    "sealed",
    "sealing",
    "seals",
    "sign",
    "signed",
    "signing",
    "signs",
    "strike",
    "strikes",
    "striking",
    "struck",
];
/// Verbs whose subject is the agent of the event noun they take (`launched attacks`).
const LIGHT_VERBS: &[&str] = &[
    "began",
    "begin",
    "carried",
    "carries",
    "carry",
    "carrying",
    "conducted",
    "conducting",
    "conducts",
    "escalated",
    "expressed",
    "filed",
    "gave",
    "give",
    "gives",
    "giving",
    "imposed",
    "imposes",
    "imposing",
    "intensified",
    "issued",
    "issues",
    "launch",
    "launched",
    "launches",
    "launching",
    "led",
    "leveled",
    "levelled",
    "lodged",
    "made",
    "make",
    "makes",
    "making",
    "mount",
    "mounted",
    "mounting",
    "offer",
    "offered",
    "offering",
    "offers",
    "open",
    "opened",
    "opening",
    "opens",
    "ordered",
    "presented",
    "provide",
    "provided",
    "provides",
    "providing",
    "put",
    "puts",
    "putting",
    "sent",
    "staged",
    "staging",
    "started",
    "step",
    "stepped",
    "voiced",
    "wage",
    "waged",
    "waging",
];

/// Verbs of firing a weapon: with `at` they attack the actor after it.
const PROJECTILE_VERBS: &[&str] = &[
    "fire",
    "fired",
    "fires",
    "firing",
    "hurled",
    "launch",
    "launched",
    "launches",
    "launching",
    "lob",
    "lobbed",
    "lobbing",
    "shot",
    "threw",
    "throw",
    "throwing",
];
/// Verbs of asking someone to act (`asked X to`, `wants X to`): a demand on X.
const REQUEST_VERBS: &[&str] = &[
    "ask", "asked", "asking", "asks", "begged", "implored", "told", "want", "wanted", "wanting", "wants",
];
/// Verbs whose `that` clause charges its subject with a hostile act (`claimed that X attacked Y`).
const CHARGING_VERBS: &[&str] = &[
    "alleged", "alleges", "alleging", "charged", "claimed", "claiming", "claims",
];

/// Verbs that end a relationship (`cut ties with`).
const SEVERING_VERBS: &[&str] = &[
    "abandon",
    "abandoned",
    "abandoning",
    "abandons",
    "break",
    "breaking",
    "breaks",
    "broke",
    "broken",
    "cut",
    "cuts",
    "cutting",
    "downgrade",
    "downgraded",
    "downgrades",
    "downgrading",
    "end",
    "ended",
    "ending",
    "ends",
    "freeze",
    "freezes",
    "freezing",
    "froze",
    "frozen",
    "sever",
    "severed",
    "severing",
    "severs",
    "suspend",
    "suspended",
    "suspending",
    "suspends",
];
/// Verbs of receiving (`X received weapons from Y`): the giver after `from` is the source.
const RECEIPT_VERBS: &[&str] = &[
    "accept",
    "accepted",
    "accepting",
    "accepts",
    "get",
    "gets",
    "getting",
    "got",
    "obtained",
    "receive",
    "received",
    "receives",
    "receiving",
];
/// What is received, and the relation of the giver to the receiver: material help is aid,
/// assurances an agreement, visitors a visit, threats and criticism their hostile acts.
const RECEIVED_THINGS: &[(&str, &str)] = &[
    ("aid", "aids"),
    ("ambassador", "consulted"),
    ("ammunition", "aids"),
    ("arms", "aids"),
    ("assistance", "aids"),
    ("assurance", "agreed_with"),
    ("assurances", "agreed_with"),
    ("backing", "supports"),
    ("criticism", "criticizes"),
    ("delegation", "consulted"),
    ("delegations", "consulted"),
    ("donations", "aids"),
    ("envoy", "consulted"),
    ("envoys", "consulted"),
    ("equipment", "aids"),
    ("funding", "aids"),
    ("funds", "aids"),
    ("guarantee", "agreed_with"),
    ("guarantees", "agreed_with"),
    ("help", "aids"),
    ("loan", "aids"),
    ("loans", "aids"),
    ("minister", "consulted"),
    ("ministers", "consulted"),
    ("money", "aids"),
    ("pledge", "agreed_with"),
    ("pledges", "agreed_with"),
    ("supplies", "aids"),
    ("support", "supports"),
    ("threats", "threatens"),
    ("visit", "consulted"),
    ("visitors", "consulted"),
    ("weapons", "aids"),
];
/// Participles of the passive of a light-verb nominal (`sanctions on Y were imposed by X`).
const NOMINAL_PASSIVE_VERBS: &[&str] = &[
    "brought",
    "carried",
    "filed",
    "imposed",
    "issued",
    "launched",
    "leveled",
    "levelled",
    "lodged",
    "made",
    "mounted",
    "presented",
    "staged",
];
/// Time adjuncts allowed between a passive participle and `by` (`released yesterday by X`),
/// besides the [`WEEKDAYS`].
const PASSIVE_ADJUNCTS: &[&str] = &[
    "earlier",
    "last",
    "later",
    "month",
    "night",
    "on",
    "today",
    "week",
    "year",
    "yesterday",
];
/// Words before an event noun, also with one modifier between (`a visit`,
/// `a surprise visit`, `further military support`).
const NOUN_DETERMINERS: &[&str] = &[
    "'s", "a", "an", "fresh", "further", "her", "his", "its", "more", "new", "the", "their",
];
/// Prepositions and adjectives right before a word that make it an event noun
/// (`talks with`, `in support of`, `constructive talks`).
const NOUN_CONTEXT: &[&str] = &[
    "about",
    "after",
    "against",
    "before",
    "by",
    "constructive",
    "direct",
    "during",
    "for",
    "from",
    "in",
    "indirect",
    "of",
    "on",
    "over",
    "with",
];
/// Words after which a verb form is a noun modifier (`the exiled leaders`).
const NOUN_SLOT: &[&str] = &[
    "a", "an", "another", "dozens", "eight", "every", "five", "four", "her", "his", "hundreds", "its",
    "many", "my", "nine", "our", "seven", "several", "six", "some", "ten", "the", "their", "these", "this",
    "those", "three", "two", "your",
];
/// Prepositions after which a participle modifies a noun (`talks with exiled leaders`).
const PARTICIPLE_PREPS: &[&str] = &[
    "about", "against", "among", "for", "from", "into", "of", "on", "toward", "towards", "with",
];

/// Agreement nouns.
const AGREEMENT_NOUNS: &[&str] = &[
    "accord",
    "agreement",
    "cease-fire",
    "ceasefire",
    "deal",
    "pact",
    "settlement",
    "treaty",
    "truce",
    "understanding",
];
/// Triggers whose participants need `with` (`discussed Syria` is about Syria, not with it).
const NEEDS_WITH: &[&str] = &[
    "consult",
    "consultations",
    "consulted",
    "consults",
    "cooperation",
    "discuss",
    "discussed",
    "discusses",
    "discussing",
    "discussions",
    "negotiate",
    "negotiated",
    "negotiates",
    "negotiating",
    "negotiations",
    "talk",
    "talked",
    "talking",
    "talks",
];

/// A trigger: tokens `start..end` of the sentence, read as `relation`.
struct Trig<'a> {
    start: usize,
    end: usize,
    relation: &'a str,
    noun: bool,
    passive_ok: bool,
}

/// The mentions (indices into [`Resolution::mentions`]) of a subject: most often one, kept
/// without an allocation, or a coordination.
#[derive(Debug, Clone)]
enum Group {
    One(usize),
    Many(Vec<usize>),
}

impl std::ops::Deref for Group {
    type Target = [usize];

    fn deref(&self) -> &[usize] {
        match self {
            Group::One(k) => std::slice::from_ref(k),
            Group::Many(ks) => ks,
        }
    }
}

/// The inflections a trigger phrase is read as: bit `f as u8` for each [`TriggerForm`] `f`.
#[derive(Debug, Clone, Copy, Default)]
struct Forms(u8);

impl Forms {
    fn with(self, f: TriggerForm) -> Self {
        Forms(self.0 | 1 << f as u8)
    }

    fn contains(self, f: TriggerForm) -> bool {
        self.0 & 1 << f as u8 != 0
    }

    /// True when every form is one of `allowed` (also when there is none).
    fn only(self, allowed: &[TriggerForm]) -> bool {
        let allowed = allowed.iter().fold(Forms::default(), |a, &f| a.with(f));
        self.0 & !allowed.0 == 0
    }
}

/// The positions of the tokens of class `bit`, given the [`class`] bits of each token and their
/// union `present`: a sentence without the class is not looked at token by token.
fn positions(classes: &[u64], present: u64, bit: u64) -> impl Iterator<Item = usize> + '_ {
    let len = if present & bit != 0 { classes.len() } else { 0 };
    (0..len).filter(move |&i| classes[i] & bit != 0)
}

/// Candidate triggers of a sentence: the longest non-overlapping lexicon triggers plus support-verb + agreement-noun pairs.
/// `classes[i]`: the [`class`] bits of token `i`; `present`: their union. The triggers are
/// written to `out`, sorted by their first token; `cands` is a buffer for the lexicon's
/// trigger matches (both are cleared first).
#[allow(clippy::too_many_arguments)]
fn triggers<'a>(
    s: &Sentence,
    idx: &SentenceIndex,
    words: &[&str],
    classes: &[u64],
    present: u64,
    lex: &'a Lexicon,
    mentions: &[EntityMention],
    out: &mut Vec<Trig<'a>>,
    cands: &mut Vec<(usize, usize, u32)>,
) {
    // The token spans of the sentence's mentions.
    let res_spans = || mentions.iter().map(|m| m.tokens);
    let toks = &s.tokens;
    let matches = idx.matches;
    out.clear();
    // Support verb + agreement noun within four tokens.
    for i in positions(classes, present, class::SUPPORT_VERB) {
        for (j, c) in classes.iter().enumerate().take(i + 7).skip(i + 1) {
            if c & class::AGREEMENT_NOUN != 0 {
                out.push(Trig {
                    start: i,
                    end: j + 1,
                    relation: "agreed_with",
                    noun: false,
                    passive_ok: false,
                });
                break;
            }
            if res_spans().any(|(a, _)| a == j) {
                break;
            }
        }
    }
    let starts_trigger = |i: usize| idx.at(i).iter().any(|m| matches!(m.entry, Entry::Trigger(_)));
    // A request: "asked X to ...", "wants X to ...".
    for i in positions(classes, present, class::REQUEST_VERB) {
        if starts_trigger(i) {
            continue;
        }
        let object_then_to = res_spans()
            .any(|(a, b)| (a == i + 1 || a == i + 2 && words[i + 1] == "the") && words.get(b) == Some(&"to"));
        if object_then_to {
            out.push(Trig {
                start: i,
                end: i + 1,
                relation: "demands",
                noun: false,
                passive_ok: false,
            });
        }
    }
    // A weapon verb, its object and `at`: "fired rockets at Y", "launched missiles at Y".
    for i in positions(classes, present, class::PROJECTILE_VERB) {
        if starts_trigger(i) {
            continue;
        }
        let Some(j) = (i + 2..(i + 7).min(toks.len())).find(|&j| words[j] == "at") else {
            continue;
        };
        // a weapon noun read as an attack verb ("shells", "bombs") is part of the object, and a
        // mention before the head noun modifies it ("fired artillery shells at")
        let other_trigger = matches.iter().any(|m| {
            m.start > i
                && m.start < j
                && matches!(m.entry, Entry::Trigger(x) if lex.triggers.get(x as usize).is_some_and(|t| t.relation != "attacks"))
        });
        let clear = np_gap_ok(&words[i + 1..j])
            && !other_trigger
            && !res_spans().any(|(a, b)| a < j && b > i && (a <= i || b >= j));
        if clear {
            out.push(Trig {
                start: i,
                end: j + 1,
                relation: "attacks",
                noun: false,
                passive_ok: false,
            });
        }
    }
    cands.clear();
    cands.extend(matches.iter().filter_map(|m| match m.entry {
        Entry::Trigger(t) => Some((m.start, m.end, t)),
        _ => None,
    }));
    cands.sort_by(|a, b| (b.1 - b.0).cmp(&(a.1 - a.0)).then(a.0.cmp(&b.0)));
    let cands: &[(usize, usize, u32)] = cands;
    for &(st, en, t) in cands {
        let overlaps =
            out.iter().any(|o| st < o.end && o.start < en) || res_spans().any(|(a, b)| st < b && a < en);
        if overlaps {
            continue;
        }
        // "denied meeting", "refused talks": the denial is a negation of the event, not an event.
        let denial = matches!(
            words[st],
            "deny" | "denies" | "denied" | "denying" | "refuse" | "refused" | "refuses" | "refusing"
        );
        if denial && en - st >= 2 && cands.iter().any(|&(s2, _, _)| s2 == st + 1) {
            continue;
        }
        let Some(tr) = lex.triggers.get(t as usize) else {
            continue;
        };
        // The forms the phrase is read as, and whether its first word alone is an event noun
        // ("talks" of "talks between").
        let (mut forms, mut head_noun) = (Forms::default(), false);
        for m in idx.at(st) {
            let Entry::Trigger(x) = m.entry else { continue };
            let Some(form) = lex.triggers.get(x as usize).map(|t| t.form) else {
                continue;
            };
            if m.end == en {
                forms = forms.with(form);
            }
            head_noun |= m.end == st + 1 && form == TriggerForm::Noun;
        }
        // A bare word that is both an event noun and a verb ("attack", "support") is a noun after a determiner.
        let prev = st.checked_sub(1).map(|p| words[p]).unwrap_or("");
        let prev_class = st.checked_sub(1).map_or(0, |p| classes[p]);
        // ... also with one modifier between: "a surprise visit", "further military support".
        let modifier_between = st >= 2
            && classes[st - 2] & class::NOUN_DETERMINER != 0
            && prev.chars().all(char::is_alphabetic)
            && prev_class & class::NP_BREAK == 0
            && !res_spans().any(|(a, b)| a < st && st - 1 < b)
            && !cands.iter().any(|&(s2, _, _)| s2 == st - 1);
        let determiner = prev_class & (class::NOUN_DETERMINER | class::NOUN_CONTEXT) != 0 || modifier_between;
        let noun = forms.only(&[TriggerForm::Noun])
            || ((forms.contains(TriggerForm::Noun) || head_noun) && determiner)
            || (head_noun && words[en - 1] == "between")
            // "faces pressure from Y", "support from Y": no verb takes `from` this way
            || (forms.contains(TriggerForm::Noun) && words.get(en) == Some(&"from"))
            // a sentence-initial event noun has no subject before it: "Sanctions on Y were imposed by X"
            || (st == 0 && forms.contains(TriggerForm::Noun))
            // the object of a light verb: "launched deadly attacks", "carried out new strikes"
            || (forms.contains(TriggerForm::Noun)
                && (st.saturating_sub(3)..st).any(|k| {
                    classes[k] & class::LIGHT_VERB != 0
                        && words[k + 1..st]
                            .iter()
                            .all(|w| np_word(w))
                }));
        // The noun's own relation when the phrase is read as a noun ("pressure": demands, not coerces).
        let relation = if noun {
            idx.at(st)
                .iter()
                .filter(|m| m.end == en)
                .find_map(|m| match m.entry {
                    Entry::Trigger(x) => lex
                        .triggers
                        .get(x as usize)
                        .filter(|t| t.form == TriggerForm::Noun)
                        .map(|t| t.relation.as_str()),
                    _ => None,
                })
                .unwrap_or(&tr.relation)
        } else {
            &tr.relation
        };
        // A participle right after an article, a number or a preposition modifies a noun ("the two
        // exiled leaders", "a freed hostage", "met with exiled dissidents"): it is no clause verb.
        let participle_only = forms.only(&[TriggerForm::Past, TriggerForm::PastPart]);
        // Right after another verb a participle modifies the object ("expel exiled leaders").
        let after_verb = cands.iter().any(|&(_, e2, _)| e2 == st);
        let numeral = !prev.is_empty() && prev.bytes().all(|b| b.is_ascii_digit());
        if !noun
            && participle_only
            && (prev_class & (class::NOUN_SLOT | class::PARTICIPLE_PREP) != 0 || numeral || after_verb)
        {
            continue;
        }
        // "the brutal slaying of X": a gerund with `of` names the event, its object is no patient
        // of the clause subject.
        if !noun && forms.only(&[TriggerForm::Gerund]) && words.get(en) == Some(&"of") {
            continue;
        }
        out.push(Trig {
            start: st,
            end: en,
            relation,
            noun,
            passive_ok: forms.contains(TriggerForm::PastPart),
        });
    }
    out.sort_by_key(|t| t.start);
}

/// Finds the relation mentions of one sentence.
#[allow(clippy::too_many_arguments)]
pub fn find(
    doc: &str,
    s: &Sentence,
    idx: &SentenceIndex,
    words: &SentenceWords,
    res: &Resolution,
    lex: &Lexicon,
    vocab: &Vocabulary,
    doc_date: Option<NaiveDate>,
    sentences: &[Sentence],
) -> Vec<RelationMention> {
    let mut out = Vec::new();
    let mut scratch = Scratch::default();
    find_into(
        doc,
        s,
        idx,
        words,
        res,
        lex,
        vocab,
        doc_date,
        sentences,
        &mut scratch,
        &mut out,
    );
    out
}

/// The buffers of [`find_into`], reused from sentence to sentence so that a document's
/// sentences do not allocate their own lists. Owned by the caller (one per document or
/// per thread, living no longer than the lexicon `'a` the triggers borrow their relation
/// keys from); each call clears them before use and leaves its last sentence's contents.
#[derive(Default)]
pub struct Scratch<'a> {
    /// The argument mentions of the sentence (indices into [`Resolution::mentions`]).
    args: Vec<usize>,
    /// The sentence's triggers ([`triggers`]).
    trigs: Vec<Trig<'a>>,
    /// The lexicon's trigger matches of the sentence ([`triggers`]).
    cands: Vec<(usize, usize, u32)>,
    /// The argument mentions before and after the trigger at hand.
    left: Vec<usize>,
    right: Vec<usize>,
    /// The sentence's relation mentions, moved to the caller's list at the end.
    out: Vec<RelationMention>,
}

/// [`find`] that appends the sentence's relation mentions to `rels` (those already there,
/// of earlier sentences, are left as they are), with the buffers of `scratch`.
#[allow(clippy::too_many_arguments)]
pub fn find_into<'a>(
    doc: &str,
    s: &Sentence,
    idx: &SentenceIndex,
    words: &SentenceWords,
    res: &Resolution,
    lex: &'a Lexicon,
    vocab: &Vocabulary,
    doc_date: Option<NaiveDate>,
    sentences: &[Sentence],
    scratch: &mut Scratch<'a>,
    rels: &mut Vec<RelationMention>,
) {
    let toks = &s.tokens;
    let Scratch {
        args,
        trigs,
        cands,
        left,
        right,
        out,
    } = scratch;
    // Argument mentions of this sentence (index into res.mentions).
    let here = crate::resolve::sentence_range(&res.mentions, s.index);
    args.clear();
    args.extend(here.clone().filter(|&k| {
        let m = &res.mentions[k];
        m.sentence == s.index
            && !res.refs[k].is_empty()
            && (!m.modifier || orphan_modifier(doc, s, res, here.clone(), idx, k))
    }));
    let args: &[usize] = args;
    // Every relation has an argument mention of the sentence (its source, or the subject or
    // object it is found from): a sentence without one has none, and is not read further.
    if args.is_empty() {
        return;
    }
    let sw = *words;
    let (words, classes) = (sw.words(), sw.classes());
    // The classes of the sentence's words together: a pass for a class absent from it is skipped.
    let present = classes.iter().fold(0, |all, c| all | c);
    triggers(
        s,
        idx,
        words,
        classes,
        present,
        lex,
        &res.mentions[here.clone()],
        trigs,
        cands,
    );
    let trigs: &[Trig] = trigs;
    let capitalized = |i: usize| {
        toks.get(i)
            .is_some_and(|t| t.text(doc).starts_with(|c: char| c.is_uppercase()))
    };
    // Most sentences name no day: they are dated by the document.
    let date_words = || positions(classes, present, class::DATE_WORD).map(|i| words[i]);
    let date = sentence_date(date_words(), doc_date);
    let planned_date = if present & class::DATE_WORD != 0 {
        future_date(date_words(), doc_date).or(date)
    } else {
        date
    };
    out.clear();
    let mut prev_subject: Option<(usize, Group)> = None; // (trigger end, subject mentions)
    let mut emit = |out: &mut Vec<RelationMention>,
                    src: usize,
                    tgt: usize,
                    rel: &str,
                    t: &Trig,
                    neg: bool,
                    modal: Modality| {
        let (sm, tm) = (&res.mentions[src], &res.mentions[tgt]);
        for &a in &res.refs[src] {
            for &b in &res.refs[tgt] {
                if a == b {
                    continue;
                }
                let dup = out.iter().any(|r| {
                    ((r.source == a && r.target == b) || (r.source == b && r.target == a))
                        && r.relation == rel
                });
                if dup {
                    continue;
                }
                out.push(RelationMention {
                    sentence: s.index,
                    source: a,
                    target: b,
                    relation: rel.to_string(),
                    trigger: Span::new(toks[t.start].span.start, toks[t.end - 1].span.end),
                    negated: neg,
                    modality: modal,
                    date: if modal == Modality::Future {
                        planned_date
                    } else {
                        date
                    },
                    source_span: sm.span,
                    target_span: tm.span,
                });
            }
        }
    };
    let event_date = |modality: Modality| {
        if modality == Modality::Future {
            planned_date
        } else {
            date
        }
    };
    // "X staged a protest in Beijing", "X attacked a mall in Kenya's capital": an event with no
    // named target at a place of a known country is directed at the country. True when it is.
    let at_place = |out: &mut Vec<RelationMention>,
                    subjects: &[usize],
                    t: &Trig,
                    relation: &str,
                    negated: bool,
                    modality: Modality| {
        let Some((pm, country)) = event_place(res, here.clone(), words, classes, t, trigs, relation) else {
            return false;
        };
        for &sm in subjects {
            let date = event_date(modality);
            emit_to_entity(
                out, res, sm, pm, country, relation, t, toks, negated, modality, date,
            );
        }
        true
    };
    let conditional = conditional(words);
    for t in trigs {
        let Some(info) = vocab.get(t.relation) else {
            continue;
        };
        // "X received ministers from Y": the receipt pass below relates the giver to X.
        if classes[t.start] & class::RECEIPT_VERB != 0 && receipt_at(words, t.start).is_some() {
            continue;
        }
        let t_words = &words[t.start..t.end];
        left.clear();
        right.clear();
        for &k in args {
            let (start, end) = res.mentions[k].tokens;
            if end <= t.start {
                left.push(k);
            }
            if start >= t.end {
                right.push(k);
            }
        }
        let next_word = words.get(t.end).copied().unwrap_or("");
        let needs_with = classes[t.start..t.end].iter().any(|c| c & class::NEEDS_WITH != 0);
        let glued_hyphen = t.start >= 2
            && words[t.start - 1] == "-"
            && toks[t.start - 1].span.end == toks[t.start].span.start
            && toks[t.start - 2].span.end == toks[t.start - 1].span.start;
        // --- Hyphenated participle: "U.S.-backed rebels".
        if glued_hyphen && t.passive_ok {
            let src = left
                .iter()
                .copied()
                .find(|&k| res.mentions[k].tokens.1 == t.start - 1)
                .or_else(|| {
                    // the modifier itself ("U.S." marked as modifier) is an argument here
                    here.clone().find(|&k| {
                        res.mentions[k].sentence == s.index
                            && res.mentions[k].tokens.1 == t.start - 1
                            && !res.refs[k].is_empty()
                    })
                });
            if let (Some(src), Some(&tgt)) = (src, right.first()) {
                if res.mentions[tgt].tokens.0 <= t.end + 2 {
                    emit(out, src, tgt, t.relation, t, false, Modality::Asserted);
                }
            }
            continue;
        }
        let (negated, mut modality, trying) = modality_before(words, classes, capitalized, t, left, res);
        let mut relation = t.relation;
        if relation == "agreed_with" && trying {
            // Trying to reach a deal is negotiating: "are working to finalize a ceasefire".
            relation = "negotiated_with";
            if modality == Modality::Possible && !hedged(words, t.start) {
                modality = if infinitive_effort(words, t.start) {
                    Modality::Future
                } else {
                    Modality::Asserted
                };
            }
        }
        // "cut ties with", "severed diplomatic relations with": breaking a relationship.
        if relation == "cooperates_with"
            && t_words.iter().any(|w| matches!(*w, "ties" | "relations"))
            && classes[t.start.saturating_sub(4)..t.start]
                .iter()
                .any(|c| c & class::SEVERING_VERB != 0)
        {
            relation = "sanctions";
        }
        // A conditional sentence ("If they meet, ...") reports nothing as fact.
        if conditional && matches!(modality, Modality::Asserted | Modality::Future) {
            modality = Modality::Possible;
        }
        // --- Passive: "... backed by X", "Y was attacked by X".
        // "... attacked by X", "... released yesterday by X", "killed in Israeli air strikes"
        let attack_agent;
        let agents: Option<&[usize]> = match passive_by(words, classes, t.end) {
            Some(by) => Some(
                // "shot down by a missile fired by X": the weapon's user
                Some(group_from(doc, res, right, by + 1, sentences))
                    .filter(|g| !g.is_empty())
                    .or_else(|| {
                        weapon_user_by(words, by).map(|by2| group_from(doc, res, right, by2 + 1, sentences))
                    })
                    .unwrap_or_default(),
            ),
            None => {
                attack_agent = attack_agent_in(res, right, words, t, trigs, info);
                attack_agent.as_ref().map(std::slice::from_ref)
            }
        };
        if let (true, false, Some(agents)) = (t.passive_ok, t.noun, agents) {
            if agents.is_empty() {
                continue;
            }
            let cands = || {
                here.clone().filter(|&k| {
                    let m = &res.mentions[k];
                    m.sentence == s.index && m.tokens.1 <= t.start && !res.refs[k].is_empty()
                })
            };
            let latest = |k: usize| (res.mentions[k].tokens.1, !res.mentions[k].modifier);
            // "The prisoners held for protests against Moscow were released by X": not Moscow.
            let patient = cands()
                .filter(|&k| !after_preposition(words, &res.mentions[k]))
                .max_by_key(|&k| latest(k))
                .or_else(|| cands().max_by_key(|&k| latest(k)));
            if let Some(p) = patient {
                for &a in agents {
                    emit(out, a, p, relation, t, negated, modality);
                }
            }
            continue;
        }
        if t.noun {
            // "talks between X and Y"
            let ends_between = t_words.last() == Some(&"between");
            if next_word == "between" || ends_between {
                let from = if ends_between { t.end } else { t.end + 1 };
                let parts = group_from(doc, res, right, from, sentences);
                pairwise(
                    out,
                    &mut emit,
                    parts,
                    relation,
                    t,
                    negated,
                    modality,
                    info.symmetric,
                );
                continue;
            }
            // The preposition must fit the relation: partners come "with", targets "on"/"against"/"to".
            let prep = match t_words.last().copied() {
                Some(w @ ("with" | "on" | "against" | "to" | "of" | "for" | "from" | "into"))
                    if t_words.len() > 1 =>
                {
                    w
                }
                _ => next_word,
            };
            let prep_ok = if info.symmetric {
                prep == "with"
            } else {
                matches!(
                    prep,
                    "with" | "on" | "against" | "to" | "of" | "for" | "from" | "into"
                )
            };
            let obj = if prep_ok {
                right.first().copied().filter(|&k| {
                    let st = res.mentions[k].tokens.0.saturating_sub(res.mentions[k].lead);
                    st <= t.end + 3 && object_gap_ok(&words[t.end..st])
                })
            } else {
                None
            };
            // "launched attacks in Y", "an attack targeting Y"
            let obj = obj.or_else(|| assault_object(res, right, words, t, info));
            // "X's meeting with Y"
            let owner = left.last().copied().filter(|&k| {
                res.mentions[k].tokens.1 + 1 == t.start
                    || (res.mentions[k].tokens.1 + 2 == t.start && matches!(words[t.start - 1], "'s"))
            });
            // The clause subject is the agent of a one-sided event noun only through a light
            // verb ("X launched attacks on Y", "X imposed sanctions on Y"); in "X accused Y of
            // attacks on Z" the attacks are not X's. Meetings and talks take the clause subject.
            let light_at = (t.start.saturating_sub(4)..t.start)
                .find(|&k| classes[k] & class::LIGHT_VERB != 0)
                .or_else(|| claimed_responsibility(words, t.start));
            let light = light_at.is_some();
            // "..., offering support to Y": the participle's subject is the main clause's.
            let shared = match (&prev_subject, light_at) {
                (Some((pend, subj)), Some(k)) if *pend <= k && participle_clause(words, k) => {
                    Some(subj.clone())
                }
                _ => None,
            };
            // "X came under pressure from Y": Y demands of X.
            if next_word == "from" && relation == "demands" {
                let agents = group_from(doc, res, right, t.end + 1, sentences);
                if let Some(subj) = subject_of(doc, res, left, sw, t.start, sentences, s.index) {
                    for &a in agents {
                        for &p in subj.iter() {
                            emit(out, a, p, relation, t, negated, modality);
                        }
                    }
                }
                continue;
            }
            // "X engaged Y in a firefight": the engaging actor against the one engaged.
            if let Some((subj, obj)) = engaged_in(doc, res, left, sw, t.start, sentences, s.index) {
                for &sm in subj.iter() {
                    emit(out, sm, obj, relation, t, negated, modality);
                }
                continue;
            }
            let subject = owner.map(Group::One).or(shared).or_else(|| {
                if info.symmetric || light {
                    subject_of(doc, res, left, sw, t.start, sentences, s.index)
                } else {
                    None
                }
            });
            // "Sanctions on Y were imposed by X", "evidence against Y was presented by X"
            if let Some(o) = obj {
                let agents = nominal_passive_by(words, classes, res.mentions[o].tokens.1)
                    .map(|by| group_from(doc, res, right, by + 1, sentences))
                    .unwrap_or_default();
                if !agents.is_empty() {
                    for &a in agents {
                        emit(out, a, o, relation, t, negated, modality);
                    }
                    continue;
                }
            }
            if let Some(o) = obj {
                if let Some(subj) = subject {
                    for &sm in subj.iter() {
                        emit(out, sm, o, relation, t, negated, modality);
                    }
                }
                continue;
            }
            // (a claim of responsibility is a light verb: `subject` is the claimant)
            let subjects = subject.as_deref().unwrap_or_default();
            if at_place(out, subjects, t, relation, negated, modality) {
                continue;
            }
            // "the details of a deal": a topic, not an event of the subject (meetings excepted:
            // "the first round of talks").
            let topic = !matches!(relation, "met_with" | "negotiated_with") && {
                let mut k = t.start;
                while k > 0
                    && matches!(
                        words[k - 1],
                        "a" | "an" | "the" | "any" | "possible" | "potential"
                    )
                {
                    k -= 1;
                }
                k > 0 && matches!(words[k - 1], "of" | "about" | "on" | "over")
            };
            if info.symmetric && !topic {
                // "X and Y ... in a meeting", "In talks, X and Y ...", "X and Y seek a partnership"
                let mut parts = subject.as_deref().unwrap_or_default();
                if parts.len() < 2 && t.start <= 2 {
                    parts = group_from(
                        doc,
                        res,
                        right,
                        right.first().map_or(0, |&k| {
                            res.mentions[k].tokens.0.saturating_sub(res.mentions[k].lead)
                        }),
                        sentences,
                    );
                }
                if parts.len() >= 2 && info.symmetric {
                    pairwise(out, &mut emit, parts, relation, t, negated, modality, true);
                }
            }
            continue;
        }
        // --- Active verb.
        let shared = prev_subject.as_ref().is_some_and(|&(pend, _)| {
            shares_subject(res, left, words, pend, t.start)
                || pend <= t.start && participle_clause(words, t.start)
        });
        // (a shared subject is taken out of `prev_subject`, and put back below with this verb's end)
        let subject = if shared {
            prev_subject.take().map(|(_, subj)| subj)
        } else {
            subject_of(doc, res, left, sw, t.start, sentences, s.index)
        };
        // "X faces pressure from Y to help Z", "X was urged by Y to help Z": X helps Z.
        let subject =
            subject.map(|subj| controller(doc, res, left, sw, t.start, sentences, s.index).unwrap_or(subj));
        let Some(subject) = subject else { continue };
        let subject: &[usize] = &prev_subject.insert((t.end, subject)).1;
        let ends_with_prep = t_words
            .last()
            .is_some_and(|w| matches!(*w, "with" | "on" | "against" | "to" | "for"));
        // Agreements and talks take their partner with "with": "reach a deal with Y";
        // "discussed Syria" and "a deal on Syria" name a topic, not a partner.
        let needs_with = needs_with || matches!(relation, "agreed_with" | "negotiated_with");
        let obj_start = if !needs_with || (ends_with_prep && t_words.last() == Some(&"with")) {
            t.end
        } else if next_word == "with" {
            t.end + 1
        } else {
            usize::MAX
        };
        // The first actor after the trigger is its object when it follows the trigger closely
        // enough (or fits one of the constructions below).
        let is_object = |k: usize| {
            let st = res.mentions[k].tokens.0.saturating_sub(res.mentions[k].lead);
            st >= obj_start
                && (st <= obj_start + 3 && object_gap_ok(&words[t.end..st])
                    // "bombarded a rebel-held part of Y", "pledged to expel exiled leaders of Y"
                    || !needs_with
                        && st <= obj_start + MAX_NP_GAP
                        && np_gap_ok(&words[t.end..st])
                        && !trigs.iter().any(|o| o.start >= t.end && o.start < st)
                    // "gave $5 million to Y", "offered military support to Y": the receiver
                    || matches!(info.category.as_str(), "AID" | "SUPPORT")
                        && receiver_after(words, t.end, st, "to")
                    // "attended a summit in Y", "visited troops in Y": a visit to Y
                    || relation == "consulted" && receiver_after(words, t.end, st, "in")
                    // "want to inspect nuclear sites in Y": the inspected place's owner
                    || relation == "investigates" && receiver_after(words, t.end, st, "in")
                    // "condemned an attack by Y": the criticism is of Y
                    || st >= 2
                        && words[st - 1] == "by"
                        && matches!(info.category.as_str(), "DISAPPROVE" | "REJECT" | "PROTEST")
                        && trigs.iter().any(|o| {
                            o.start >= t.end
                                && o.end + 1 == st
                                && (o.start == t.end || np_gap_ok(&words[t.end..o.start]))
                        }))
        };
        let object: &[usize] = match right.first() {
            Some(&k) if obj_start != usize::MAX && is_object(k) => {
                let m = &res.mentions[k];
                let g = group_from(doc, res, right, m.tokens.0.saturating_sub(m.lead), sentences);
                // the group must start at the object itself, not at a later actor
                if g.first() == Some(&k) {
                    g
                } else {
                    &right[..1]
                }
            }
            _ => &[],
        };
        if object.is_empty() {
            if at_place(out, subject, t, relation, negated, modality) {
                continue;
            }
            if info.symmetric && subject.len() >= 2 {
                pairwise(out, &mut emit, subject, relation, t, negated, modality, true);
            } else if info.symmetric && subject.len() == 1 && res.refs[subject[0]].len() >= 2 {
                // "they met" where they = X and Y
                let k = subject[0];
                pairwise_refs(out, res, k, relation, toks, t, negated, modality, date, s.index);
            }
            continue;
        }
        for &sm in subject {
            for &o in object {
                emit(out, sm, o, relation, t, negated, modality);
            }
        }
    }
    // --- "X claimed that Y attacked Z": X accuses Y.
    for i in positions(classes, present, class::CHARGING_VERB) {
        let from = if words.get(i + 1) == Some(&"that") {
            i + 2
        } else {
            i + 1
        };
        let Some(&charged) = args.iter().find(|&&k| res.mentions[k].tokens.0 == from) else {
            continue;
        };
        let end = res.mentions[charged].tokens.1;
        let hostile = trigs.iter().any(|t| {
            t.start >= end
                && t.start <= end + 4
                && vocab
                    .get(t.relation)
                    .is_some_and(|r| r.polarity == crate::vocab::Polarity::Conflictual)
        })
            // "X alleged that Y ...": an allegation charges Y whatever the act
            || words[i].starts_with("alleg") && from == i + 2;
        left.clear();
        left.extend(args.iter().copied().filter(|&k| res.mentions[k].tokens.1 <= i));
        let Some(speaker) = subject_of(doc, res, left, sw, i, sentences, s.index) else {
            continue;
        };
        if !hostile {
            continue;
        }
        let t = Trig {
            start: i,
            end: i + 1,
            relation: "accuses",
            noun: false,
            passive_ok: false,
        };
        let (negated, modality, _) = modality_before(words, classes, capitalized, &t, left, res);
        for &sp in speaker.iter() {
            emit(out, sp, charged, "accuses", &t, negated, modality);
        }
    }
    // --- "X received weapons from Y": the giver Y acts on X.
    for i in positions(classes, present, class::RECEIPT_VERB) {
        let Some((from, relation)) = receipt_at(words, i) else {
            continue;
        };
        right.clear();
        right.extend(args.iter().copied().filter(|&k| res.mentions[k].tokens.0 > from));
        let givers = group_from(doc, res, right, from + 1, sentences);
        left.clear();
        left.extend(args.iter().copied().filter(|&k| res.mentions[k].tokens.1 <= i));
        let Some(receivers) = subject_of(doc, res, left, sw, i, sentences, s.index) else {
            continue;
        };
        let t = Trig {
            start: i,
            end: from,
            relation,
            noun: false,
            passive_ok: false,
        };
        let (negated, modality, _) = modality_before(words, classes, capitalized, &t, left, res);
        for &g in givers {
            for &r in receivers.iter() {
                emit(out, g, r, relation, &t, negated, modality);
            }
        }
    }
    // --- Refusals: "X refused to support Y", "X would not give permission to Y": a refused
    // cooperative act is X's rejection of Y (CAMEO 12), stated whatever became of the act.
    let refusals: Vec<RelationMention> = out
        .iter()
        .filter(|r| {
            r.negated
                && vocab
                    .get(&r.relation)
                    .is_some_and(|v| v.polarity == crate::vocab::Polarity::Cooperative)
                && refused(words, toks, r)
        })
        .map(|r| RelationMention {
            relation: "rejects".into(),
            negated: false,
            modality: Modality::Asserted,
            ..r.clone()
        })
        .collect();
    for r in refusals {
        if !out
            .iter()
            .any(|o| o.relation == r.relation && o.source == r.source && o.target == r.target)
        {
            out.push(r);
        }
    }
    // --- Affiliation: a title with a country or organization before a person's name
    // ("Russian Foreign Minister Sergei Lavrov", "NATO Secretary General Jens Stoltenberg").
    for &k in args {
        let m = &res.mentions[k];
        let Some(title) = m.title else { continue };
        let Some(&p) = res.refs[k].first() else { continue };
        let Some(modifier) = here.clone().find(|&x| {
            let mm = &res.mentions[x];
            mm.sentence == s.index && mm.modifier && title.contains(&mm.span) && !res.refs[x].is_empty()
        }) else {
            continue;
        };
        let target = res.refs[modifier][0];
        if p == target {
            continue;
        }
        out.push(RelationMention {
            sentence: s.index,
            source: p,
            target,
            relation: AFFILIATED_WITH.into(),
            trigger: title,
            negated: false,
            modality: Modality::Asserted,
            date,
            source_span: m.span,
            target_span: res.mentions[modifier].span,
        });
    }
    rels.append(out);
}

/// Words that refuse the act after them (`refused to`, `declined to`); `would not`, `will not`
/// and `won't` are refusals too, unlike `did not` (no event) or `could not` (a failure).
const REFUSAL_WORDS: &[&str] = &[
    "decline",
    "declined",
    "declines",
    "declining",
    "refuse",
    "refused",
    "refuses",
    "refusing",
];

/// True when the negation of `r` is a refusal by its source: a refusal word, or `would`/`will`
/// + `not`, between the source mention and the trigger.
fn refused(words: &[&str], toks: &[crate::text::Token], r: &RelationMention) -> bool {
    let Some(t) = toks.iter().position(|k| k.span.start == r.trigger.start) else {
        return false;
    };
    let from = toks
        .iter()
        .position(|k| k.span.start >= r.source_span.end)
        .unwrap_or(t)
        .max(t.saturating_sub(8));
    let scope = &words[from.min(t)..t];
    scope.iter().any(|w| is_in(REFUSAL_WORDS, w))
        || scope
            .windows(2)
            .any(|p| matches!(p[0], "would" | "will" | "wo") && matches!(p[1], "not" | "n't"))
}

/// Relations whose event, when it has no named target, is directed at the
/// country where it happens: a protest in Beijing is against China, an attack
/// at a mall in Kenya's capital targets Kenya, military exercises in Alaska
/// concern the United States. Meetings and visits are not: a meeting in
/// Zurich is no relation with Switzerland.
const PLACE_TARGETED: &[&str] = &[
    "attacks",
    "coerces",
    "crime_against",
    "fights",
    "investigates",
    "mobilizes_against",
    "protests_against",
];

/// Prepositions that locate an event at a place (or aim it at one: `strikes on Gaza`).
const PLACE_PREPS: &[&str] = &[
    "across",
    "against",
    "at",
    "in",
    "inside",
    "into",
    "near",
    "on",
    "outside",
    "throughout",
];

/// Words that end the phrase of an event before a place could belong to it.
const PLACE_BREAKS: &[&str] = &[
    ",", ";", "after", "and", "because", "before", "but", "said", "says", "since", "when", "where", "which",
    "while", "who",
];

/// The place where the event of `t` happens, when the relation is one of
/// [`PLACE_TARGETED`]: the first mention after the trigger, within a short
/// phrase, after a locating preposition (`in Beijing`, `at a mall in
/// Kenya's capital`), that is a place with a known country or a country
/// followed by `'s capital`. Returns the place mention and the country entity.
fn event_place(
    res: &Resolution,
    here: std::ops::Range<usize>,
    words: &[&str],
    classes: &[u64],
    t: &Trig,
    trigs: &[Trig],
    relation: &str,
) -> Option<(usize, usize)> {
    if !PLACE_TARGETED.contains(&relation) {
        return None;
    }
    let k = here.clone().find(|&k| res.mentions[k].tokens.0 >= t.end)?;
    let m = &res.mentions[k];
    let st = m.tokens.0;
    let gap = classes.get(t.end..st)?;
    if gap.len() > 9
        || gap.iter().any(|c| c & class::PLACE_BREAK != 0)
        || trigs.iter().any(|o| o.start >= t.end && o.start < st)
    {
        return None;
    }
    // "in the northern West Bank", "in northeastern Nigeria".
    let mut before = st;
    while before > t.end
        && (words[before - 1] == "the" || classes[before - 1] & class::COMPASS_ADJECTIVE != 0)
    {
        before -= 1;
    }
    if before <= t.end || classes[before - 1] & class::PLACE_PREP == 0 {
        return None;
    }
    // "strikes on Gaza", "an incursion into Gaza": a preposition of direction only right
    // after the trigger ("acting against Moscow" aims another verb).
    if matches!(words[before - 1], "against" | "into" | "on") && before - 1 != t.end {
        return None;
    }
    if let Some(&Some(country)) = res.places.get(k) {
        return Some((k, country));
    }
    // "in Kenya's capital", "in the Syrian capital": the capital of a country named right there.
    let capital = matches!(words.get(m.tokens.1), Some(&"'s"))
        && matches!(words.get(m.tokens.1 + 1), Some(&"capital"))
        || m.form == crate::model::MentionForm::Demonym && matches!(words.get(m.tokens.1), Some(&"capital"));
    // "attacked a hotel in Mali", "air strikes in Syria": the country itself is the place of the
    // event noun, or of the thing acted on (military moves in a country need not be against it).
    let thing_between = words[t.end..before - 1]
        .iter()
        .any(|w| !matches!(*w, "a" | "an" | "the"));
    let country_place = m.form == crate::model::MentionForm::Name
        && relation != "mobilizes_against"
        && (t.noun || thing_between);
    match res.refs[k].as_slice() {
        &[country] if (capital || country_place) && m.kind == crate::model::ActorKind::Country => {
            Some((k, country))
        }
        _ => None,
    }
}

/// Adjectives of direction before a place (`northern Syria`).
const COMPASS_ADJECTIVES: &[&str] = &[
    "central",
    "eastern",
    "north",
    "northeastern",
    "northern",
    "northwestern",
    "south",
    "southeastern",
    "southern",
    "southwestern",
    "western",
];

/// Emits `src`'s entities `relation` the entity `target` (the country of the
/// place mention `place`), as `emit` does for two mentions.
#[allow(clippy::too_many_arguments)]
fn emit_to_entity(
    out: &mut Vec<RelationMention>,
    res: &Resolution,
    src: usize,
    place: usize,
    target: usize,
    relation: &str,
    t: &Trig,
    toks: &[crate::text::Token],
    negated: bool,
    modality: Modality,
    date: Option<NaiveDate>,
) {
    for &a in &res.refs[src] {
        let dup = out
            .iter()
            .any(|r| r.relation == relation && r.source == a && r.target == target);
        if a == target || dup {
            continue;
        }
        out.push(RelationMention {
            sentence: res.mentions[src].sentence,
            source: a,
            target,
            relation: relation.to_string(),
            trigger: Span::new(toks[t.start].span.start, toks[t.end - 1].span.end),
            negated,
            modality,
            date,
            source_span: res.mentions[src].span,
            target_span: res.mentions[place].span,
        });
    }
}

#[allow(clippy::too_many_arguments)]
fn pairwise_refs(
    out: &mut Vec<RelationMention>,
    res: &Resolution,
    k: usize,
    relation: &str,
    toks: &[crate::text::Token],
    t: &Trig,
    negated: bool,
    modality: Modality,
    date: Option<NaiveDate>,
    sentence: usize,
) {
    let r = &res.refs[k];
    for i in 0..r.len() {
        for j in i + 1..r.len() {
            out.push(RelationMention {
                sentence,
                source: r[i],
                target: r[j],
                relation: relation.to_string(),
                trigger: Span::new(toks[t.start].span.start, toks[t.end - 1].span.end),
                negated,
                modality,
                date,
                source_span: res.mentions[k].span,
                target_span: res.mentions[k].span,
            });
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn pairwise<F>(
    out: &mut Vec<RelationMention>,
    emit: &mut F,
    parts: &[usize],
    relation: &str,
    t: &Trig,
    negated: bool,
    modality: Modality,
    symmetric: bool,
) where
    F: FnMut(&mut Vec<RelationMention>, usize, usize, &str, &Trig, bool, Modality),
{
    if symmetric {
        for i in 0..parts.len() {
            for j in i + 1..parts.len() {
                emit(out, parts[i], parts[j], relation, t, negated, modality);
            }
        }
    } else if parts.len() == 2 {
        emit(out, parts[0], parts[1], relation, t, negated, modality);
    }
}

/// Mentions coordinated with the one starting at (or up to two tokens after) token `start`
/// (`X`, `X and Y`, `X, Y and Z`, looking past titles): consecutive mentions of `right`, so
/// the part of `right` they are.
fn group_from<'r>(
    doc: &str,
    res: &Resolution,
    right: &'r [usize],
    start: usize,
    sentences: &[Sentence],
) -> &'r [usize] {
    let Some(pos) = right.iter().position(|&k| {
        let m = &res.mentions[k];
        let from = m.tokens.0.saturating_sub(m.lead);
        from >= start && from <= start + 2
    }) else {
        return &[];
    };
    let Some(s) = sentences.get(res.mentions[right[pos]].sentence) else {
        return &[];
    };
    let rest = &right[pos..];
    let mut len = 1 + rest
        .windows(2)
        .take_while(|p| joined(doc, s, &res.mentions[p[0]], &res.mentions[p[1]]))
        .count();
    // A list ends with `and`: in "killing civilians, Ukrainian officials said" the comma closes
    // the object, it does not add one.
    while len >= 2 {
        let (a, b) = (&res.mentions[rest[len - 2]], &res.mentions[rest[len - 1]]);
        let from = a.tokens.1;
        let to = b.tokens.0.saturating_sub(b.lead).max(from);
        let linked = s.tokens[from..to.min(s.tokens.len())]
            .iter()
            .any(|t| matches!(t.text(doc), "and" | "&" | "or"));
        if linked {
            break;
        }
        len -= 1;
    }
    &rest[..len]
}

/// Words allowed between a verb and its object (`met with the`, `imposed sanctions on`).
fn object_gap_ok(words: &[&str]) -> bool {
    words.iter().all(|w| {
        matches!(
            *w,
            "the"
                | "a"
                | "an"
                | "with"
                | "to"
                | "against"
                | "on"
                | "upon"
                | "for"
                | "of"
                | "into"
                | "toward"
                | "towards"
                | "between"
                | "also"
                | "both"
                | "its"
                | "their"
                | "his"
                | "her"
                // "arrest warrants for two men", "killed 12 soldiers"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "several"
                | "dozens"
                | "hundreds"
                | "thousands"
        ) || (!w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()))
    })
}

/// Auxiliaries and adverbs between a relative pronoun and its verb (`that has already seized`).
const AUXILIARIES: &[&str] = &[
    "already",
    "also",
    "are",
    "been",
    "being",
    "had",
    "has",
    "have",
    "is",
    "reportedly",
    "was",
    "were",
];

/// Longest run of noun-phrase words between a verb and its object.
const MAX_NP_GAP: usize = 7;

/// Words that end a noun phrase (clause links, prepositions other than `of`, auxiliaries, pronouns).
const NP_BREAK: &[&str] = &[
    "after", "against", "also", "am", "and", "are", "as", "at", "be", "because", "been", "before", "being",
    "but", "by", "can", "could", "did", "do", "does", "during", "for", "from", "had", "has", "have", "he",
    "her", "him", "if", "in", "into", "is", "it", "may", "might", "must", "n't", "near", "nor", "not", "on",
    "or", "over", "said", "says", "she", "should", "since", "than", "that", "them", "they", "though",
    "through", "to", "under", "until", "was", "we", "were", "when", "where", "whether", "which", "while",
    "who", "whom", "whose", "will", "with", "would", "you",
];

/// True when `words` can be the start of a noun phrase whose head is followed by `of`/`'s` and the
/// object actor (`a government-held part of`, `exiled leaders of`, `the capital of`), or a run of
/// modifiers before it (`the two`): plain words, numbers, hyphens, `of` and `'s`, ending in `of`, `'s`
/// or a modifier of the actor's name.
fn np_gap_ok(words: &[&str]) -> bool {
    if words.is_empty() {
        return false;
    }
    let plain = words.iter().enumerate().all(|(i, w)| {
        // "over 150 prisoners", "about 20 soldiers"
        let approx = matches!(*w, "over" | "about" | "around" | "nearly" | "almost")
            && words
                .get(i + 1)
                .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()));
        approx
            || *w == "-"
            || *w == "'s"
            || w.bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
            || np_word(w)
    });
    let last = words[words.len() - 1];
    let length = words.iter().filter(|w| **w != "-").count();
    // "the mayor of the northern West Bank city": a compass word before the name
    let compass = words.len() >= 3
        && words[words.len() - 3..words.len() - 1] == ["of", "the"]
        && in_class(last, class::COMPASS_ADJECTIVE);
    plain && (matches!(last, "of" | "'s") || length <= 3 || compass)
}

/// True when the actor starting at `st` follows the noun phrase from `from` and `prep`: the receiver
/// of a gift (`a million dollars to`, `weapons to the`) or the place of a visit (`a summit in`).
fn receiver_after(words: &[&str], from: usize, st: usize, prep: &str) -> bool {
    let mut p = st;
    if p > from && matches!(words[p - 1], "the" | "a" | "an") {
        p -= 1;
    }
    p > from + 1 && words[p - 1] == prep && p - 1 - from <= MAX_NP_GAP && np_gap_ok(&words[from..p - 1])
}

/// The subject of a verb at token `at` of the sentence of words `sw`: the nearest actor (or
/// coordination) to the left.
fn subject_of(
    doc: &str,
    res: &Resolution,
    left: &[usize],
    sw: SentenceWords,
    at: usize,
    sentences: &[Sentence],
    si: usize,
) -> Option<Group> {
    let (words, classes) = (sw.words(), sw.classes());
    let &last = left.last()?;
    // Relative clause: "Obama, who met Putin": the actor before the comma.
    let lm = &res.mentions[last];
    // "the militant group that has seized ...": a relative clause on a noun that is no actor.
    let mut v = at;
    while v > lm.tokens.1 && classes[v - 1] & class::AUXILIARY != 0 {
        v -= 1;
    }
    if v > lm.tokens.1 && matches!(words[v - 1], "that" | "which" | "who") {
        let antecedent = v - 1 == lm.tokens.1 || (v - 2 == lm.tokens.1 && words[v - 2] == ",");
        if !antecedent {
            return None;
        }
    }
    // ("who" or "which" between the actor and the verb)
    if classes[lm.tokens.1..at].iter().any(|c| c & class::RELATIVE != 0) {
        return Some(Group::One(last));
    }
    // "The US commander in Iraq held talks": the actor after `in` only places the one before it.
    let from = lm.tokens.0.saturating_sub(lm.lead);
    if from >= 1 && matches!(words[from - 1], "in" | "at" | "from" | "inside") {
        if let Some(&head) = left.iter().rev().find(|&&k| res.mentions[k].tokens.1 + 1 == from) {
            return Some(Group::One(head));
        }
    }
    // A coordinated subject is two actors of `left` with `and`/`or`/`&` before this one: without
    // them, the coordination (looked up in the resolved sentence) cannot be the subject.
    if left.len() < 2 || !classes[..from].iter().any(|c| c & class::COORDINATOR != 0) {
        return Some(Group::One(last));
    }
    let coord = coordination_before(doc, sentences, &res.mentions, &res.refs, si, lm.tokens.1);
    if coord.len() >= 2 {
        // coordination_before returns entities; map back to the mentions that carry them
        let ks: Vec<usize> = left
            .iter()
            .copied()
            .filter(|&k| {
                res.refs[k].iter().any(|e| coord.contains(e)) && res.mentions[k].tokens.1 <= lm.tokens.1
            })
            .collect();
        let tail: Vec<usize> = ks.iter().rev().take(coord.len()).rev().copied().collect();
        // Without `and`/`or` a comma pair is an apposition ("the US commander, General X,"): one actor.
        let listed = tail.first().is_some_and(|&f| {
            words
                .get(res.mentions[f].tokens.1..from)
                .unwrap_or(&[])
                .iter()
                .any(|w| matches!(*w, "and" | "or" | "&"))
        });
        if tail.len() >= 2 && listed {
            return Some(Group::Many(tail));
        }
    }
    Some(Group::One(last))
}

/// `X engaged Y in <event noun at `at`>`: the subject of `engage` and the actor right after it.
fn engaged_in(
    doc: &str,
    res: &Resolution,
    left: &[usize],
    sw: SentenceWords,
    at: usize,
    sentences: &[Sentence],
    si: usize,
) -> Option<(Group, usize)> {
    let words = sw.words();
    let mut k = at.checked_sub(1)?;
    while k > 0
        && matches!(
            words[k],
            "a" | "an" | "the" | "fierce" | "heavy" | "brief" | "deadly"
        )
    {
        k -= 1;
    }
    if words[k] != "in" {
        return None;
    }
    let &obj = left.last()?;
    let om = &res.mentions[obj];
    // the engaged actor, or a demonym with its head noun ("Filipino peacekeepers")
    if om.tokens.1 > k || om.tokens.1 + 2 < k || !np_gap_ok(&words[om.tokens.1..k]) && om.tokens.1 != k {
        return None;
    }
    let v = om.tokens.0.saturating_sub(om.lead).checked_sub(1)?;
    if !matches!(words[v], "engage" | "engaged" | "engages" | "engaging") {
        return None;
    }
    let before: Vec<usize> = left
        .iter()
        .copied()
        .filter(|&m| res.mentions[m].tokens.1 <= v)
        .collect();
    let subj = subject_of(doc, res, &before, sw, v, sentences, si)?;
    Some((subj, obj))
}

/// True when modifier mention `k` modifies no actor mention (`Filipino peacekeepers`,
/// `Palestinian prisoners`, `withdrew from the Syrian side`): it then stands for its country.
/// Titles (`Russian President Putin`) and hyphenated compounds (`U.S.-backed`) are not orphans.
fn orphan_modifier(
    doc: &str,
    s: &Sentence,
    res: &Resolution,
    here: std::ops::Range<usize>,
    idx: &SentenceIndex,
    k: usize,
) -> bool {
    let m = &res.mentions[k];
    let next = m.tokens.1;
    if matches!(idx.word(next), "-" | "'s") {
        return false;
    }
    // "Malaysia Airlines", "U.S. Central Command": part of a name the recognizer does not know.
    if s.tokens
        .get(next)
        .is_some_and(|t| t.text(doc).starts_with(|c: char| c.is_uppercase()))
    {
        return false;
    }
    !here.into_iter().any(|x| {
        let o = &res.mentions[x];
        x != k && o.sentence == m.sentence && {
            let from = o.tokens.0.saturating_sub(o.lead);
            (from <= m.tokens.0 && m.tokens.0 < o.tokens.1 && o.tokens.0 != m.tokens.0)
                || o.tokens.0 == next
                || from == next
        }
    })
}

/// True when mention `m` is the object of a preposition (`against Moscow`, `in the United States`).
fn after_preposition(words: &[&str], m: &EntityMention) -> bool {
    let from = m.tokens.0.saturating_sub(m.lead);
    let mut k = from;
    if k >= 1 && matches!(words[k - 1], "the" | "a" | "an") {
        k -= 1;
    }
    k >= 1
        && matches!(
            words[k - 1],
            "against"
                | "at"
                | "for"
                | "from"
                | "in"
                | "inside"
                | "into"
                | "near"
                | "of"
                | "on"
                | "over"
                | "to"
                | "toward"
                | "towards"
                | "with"
        )
}

/// True when the word at `at` is a present participle opening a clause after a comma
/// (`X attacked Y, killing ...`, `X met Y, offering support to Z`): its subject is the main clause's.
fn comma_participle(words: &[&str], at: usize) -> bool {
    at >= 1 && words[at - 1] == "," && words[at].len() > 4 && words[at].ends_with("ing")
}

/// True when the trigger at `at` is, or is the object of, a participle opening a clause after a
/// comma (`, killing`, `, offering military aid`).
fn participle_clause(words: &[&str], at: usize) -> bool {
    (at.saturating_sub(3)..=at)
        .any(|p| comma_participle(words, p) && (p == at || np_gap_ok(&words[p + 1..at])))
}

/// True when a verb at `at` is joined by `and`/`but` to the previous verb (ending at `pend`)
/// so that it shares its subject: "X met Y and criticized Z", "X met ... but were unable to".
fn shares_subject(res: &Resolution, left: &[usize], words: &[&str], pend: usize, at: usize) -> bool {
    if pend > at {
        return false;
    }
    // the conjunction must come after the last actor before `at`
    let last_arg_end = left.last().map_or(0, |&k| res.mentions[k].tokens.1);
    if last_arg_end <= pend {
        return false; // no actor since the previous verb: the nearest actor is the shared subject anyway
    }
    words[last_arg_end..at]
        .iter()
        .any(|w| matches!(*w, "and" | "but"))
}

/// A word that can stand inside a noun phrase: letters only, and no clause or phrase break
/// ([`NP_BREAK`]).
fn np_word(w: &str) -> bool {
    w.chars().all(char::is_alphabetic) && !in_class(w, class::NP_BREAK)
}

/// `X received <thing> from Y` with a receipt verb at `i`: the index of `from` and the relation
/// of the giver to the receiver, named by the head of what is received (`weapons`: aid,
/// `assurances`: agreement, `a delegation`: a visit).
fn receipt_at(words: &[&str], i: usize) -> Option<(usize, &'static str)> {
    if !in_class(words.get(i)?, class::RECEIPT_VERB) {
        return None;
    }
    let from = (i + 2..(i + 8).min(words.len())).find(|&j| words[j] == "from")?;
    let gap = &words[i + 1..from];
    let plain = gap.iter().all(|w| {
        *w == "-"
            || *w == "of"
            || w.bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
            || np_word(w)
    });
    if !plain {
        return None;
    }
    let head = gap.last()?;
    let k = RECEIVED_THINGS.binary_search_by(|(w, _)| w.cmp(head)).ok()?;
    Some((from, RECEIVED_THINGS[k].1))
}

/// The index of `by` after a passive participle ending at `from`, with at most three time words
/// between (`released by`, `released yesterday by`, `released on Monday by`).
fn passive_by(words: &[&str], classes: &[u64], from: usize) -> Option<usize> {
    let mut k = from;
    while k < from + 3 && classes.get(k).is_some_and(|c| c & class::PASSIVE_ADJUNCT != 0) {
        k += 1;
    }
    (words.get(k) == Some(&"by")).then_some(k)
}

/// `by <a weapon> fired by X` after the `by` at `by`: the index of the second `by` (`shot down by
/// a missile fired by X`, `hit by a rocket believed to have been launched by X`).
fn weapon_user_by(words: &[&str], by: usize) -> Option<usize> {
    let end = (by + 14).min(words.len());
    let second = (by + 2..end).find(|&k| words[k] == "by")?;
    let fired = matches!(
        words[second - 1],
        "fired" | "launched" | "shot" | "thrown" | "dropped" | "planted"
    );
    let np = words[by + 1..second - 1].iter().all(|w| {
        *w == "-"
            || w.chars().all(char::is_alphabetic)
                && !matches!(*w, "and" | "or" | "but" | "by" | "who" | "which" | "that")
    });
    (fired && np).then_some(second)
}

/// The index of `by` in `were imposed by` right after the object of an event noun ending at
/// `from` (`sanctions on Y were imposed by X`).
fn nominal_passive_by(words: &[&str], classes: &[u64], from: usize) -> Option<usize> {
    let mut k = from;
    while words.get(k).is_some_and(|w| {
        matches!(
            *w,
            "was" | "were" | "is" | "are" | "has" | "have" | "had" | "been" | "be" | "being"
        )
    }) {
        k += 1;
    }
    if k == from || !words.get(k).is_some_and(|w| is_in(NOMINAL_PASSIVE_VERBS, w)) {
        return None;
    }
    passive_by(words, classes, k + 1)
}

/// `X claimed responsibility for <event noun at `at`>`: the index of the claiming verb, whose
/// subject is the event's agent.
fn claimed_responsibility(words: &[&str], at: usize) -> Option<usize> {
    let r = (at.saturating_sub(5)..at)
        .find(|&k| words[k] == "responsibility" && k + 2 <= at && words[k + 1] == "for")?;
    let gap = &words[r + 2..at];
    let verb = r.checked_sub(1)?;
    let claims = matches!(
        words[verb],
        "claim" | "claimed" | "claiming" | "claims" | "took" | "take" | "takes" | "taking"
    );
    (claims && gap.len() <= 2 && gap.iter().all(|w| np_word(w))).then_some(verb)
}

/// The target of an attack noun after `in` or `targeting` (`launched attacks in Y`, `an attack
/// targeting Y`), when a light verb or a claim of responsibility gives the noun its agent.
fn assault_object(
    res: &Resolution,
    right: &[usize],
    words: &[&str],
    t: &Trig,
    info: &crate::vocab::Relation,
) -> Option<usize> {
    if info.category != "ASSAULT" || !matches!(words.get(t.end), Some(&"in") | Some(&"targeting")) {
        return None;
    }
    let light = (t.start.saturating_sub(4)..t.start).any(|k| in_class(words[k], class::LIGHT_VERB))
        || claimed_responsibility(words, t.start).is_some();
    if !light {
        return None;
    }
    let &k = right.first()?;
    let st = res.mentions[k].tokens.0.saturating_sub(res.mentions[k].lead);
    (st > t.end && st <= t.end + 3 && object_gap_ok(&words[t.end + 1..st])).then_some(k)
}

/// The agent of a passive attack verb given by the attack it happened in: `killed in Israeli air
/// strikes`, `wounded in a Russian attack`, `injured in Syria's shelling` (the actor before the
/// attack noun, at most two words before it).
fn attack_agent_in(
    res: &Resolution,
    right: &[usize],
    words: &[&str],
    t: &Trig,
    trigs: &[Trig],
    info: &crate::vocab::Relation,
) -> Option<usize> {
    if info.category != "ASSAULT" || words.get(t.end) != Some(&"in") {
        return None;
    }
    let mut k = t.end + 1;
    if words.get(k).is_some_and(|w| matches!(*w, "a" | "an" | "the")) {
        k += 1;
    }
    let &m = right.first()?;
    let (st, mut end) = res.mentions[m].tokens;
    if st.saturating_sub(res.mentions[m].lead) != k {
        return None;
    }
    if words.get(end) == Some(&"'s") {
        end += 1;
    }
    let noun = trigs.iter().find(|o| o.start >= end && o.start <= end + 2)?;
    let attack = noun.relation == "attacks" && words[end..noun.start].iter().all(|w| np_word(w));
    attack.then_some(m)
}

/// The controller of an infinitive at `at` whose nearest actor is the agent of a demand
/// (`X faces pressure from Y to help Z`, `X was urged by Y to help Z`): the actor before that
/// agent's `from`/`by`, who is to act.
fn controller(
    doc: &str,
    res: &Resolution,
    left: &[usize],
    sw: SentenceWords,
    at: usize,
    sentences: &[Sentence],
    si: usize,
) -> Option<Group> {
    let words = sw.words();
    if at < 1 || words[at - 1] != "to" {
        return None;
    }
    let &agent = left.last()?;
    let am = &res.mentions[agent];
    if am.tokens.1 + 1 != at {
        return None;
    }
    let mut p = am.tokens.0.saturating_sub(am.lead);
    if p >= 1 && matches!(words[p - 1], "the" | "a" | "an") {
        p -= 1;
    }
    let prep = p.checked_sub(1)?;
    if !matches!(words[prep], "by" | "from") {
        return None;
    }
    let before: Vec<usize> = left
        .iter()
        .copied()
        .filter(|&k| res.mentions[k].tokens.1 <= prep)
        .collect();
    subject_of(doc, res, &before, sw, prep, sentences, si)
}

/// Words that say the act failed on their own (`unable`, `cannot`).
const INABILITY_WORDS: &[&str] = &["cannot", "unable"];
/// First words of the failure pairs of [`modality_before`] (`failed to`, `could not`,
/// `able to` ... `not`, `ca n't`).
const ABILITY_WORDS: &[&str] = &["able", "ca", "can", "could", "fail", "failed", "fails"];
/// Negations (the refusals and denials among them negate the act too).
const NEGATION_WORDS: &[&str] = &[
    "declined", "denied", "denies", "n't", "never", "no", "not", "refused", "refuses", "rejected",
];
/// Words of trying: the act is only attempted (`working to finalize a ceasefire`).
const EFFORT_WORDS: &[&str] = &[
    "effort", "efforts", "seek", "seeking", "seeks", "tried", "tries", "try", "trying", "work", "working",
    "works",
];
/// Hedges: the act is only possible.
const HEDGE_WORDS: &[&str] = &[
    "can", "could", "hope", "hoped", "hopes", "hoping", "if", "likely", "may", "might", "possible",
    "thought", "would",
];
/// Words of plans: the act is in the future.
const PLAN_WORDS: &[&str] = &[
    "'ll",
    "expected",
    "going",
    "plan",
    "planned",
    "planning",
    "plans",
    "scheduled",
    "shall",
    "will",
];
/// Refusals that make a planned act no plan (`refused to meet`).
const PLAN_REFUSALS: &[&str] = &["declined", "declines", "refused", "refuses"];

/// Negation, modality and "trying" markers in the words before a trigger.
/// `classes[i]`: the [`class`] bits of token `i`; `capitalized(i)`: token `i` is capitalized
/// (`a visit to Beirut`: `to` before a name is no infinitive).
fn modality_before(
    words: &[&str],
    classes: &[u64],
    capitalized: impl Fn(usize) -> bool,
    t: &Trig,
    left: &[usize],
    res: &Resolution,
) -> (bool, Modality, bool) {
    let from = left
        .last()
        .map_or(0, |&k| res.mentions[k].tokens.1)
        .max(t.start.saturating_sub(8));
    let scope = &words[from..t.start];
    // The classes of the scope's words: a marker word is there when its class bit is.
    let present = classes[from..t.start].iter().fold(0, |m, c| m | c);
    let has = |class: u64| present & class != 0;
    let seq = |a: &str, b: &str| scope.windows(2).any(|p| p[0] == a && p[1] == b);
    let failed = has(class::INABILITY)
        || has(class::ABILITY)
            && (seq("failed", "to")
                || seq("fail", "to")
                || seq("fails", "to")
                || seq("could", "not")
                || seq("could", "n't")
                || seq("can", "not")
                || seq("can", "n't")
                || seq("able", "to") && has(class::NOT)
                || seq("ca", "n't"));
    let negated = !failed && has(class::NEGATION);
    let trying = has(class::EFFORT);
    // "a meeting about cooperating on ...": a topic, not an event.
    let arg_end = left.last().map_or(0, |&k| res.mentions[k].tokens.1).min(t.start);
    let topic = words[arg_end..t.start]
        .windows(2)
        .any(|p| p[0] == "about" && p[1] != "to" && !p[1].starts_with(|c: char| c.is_ascii_digit()));
    let possible = topic || has(class::HEDGE) || trying;
    // An event noun governed by an infinitive: "to intensify the fight against".
    let infinitive = |i: usize, excluded: &[&str]| {
        words[i] == "to" && !excluded.contains(&words[i + 1]) && !capitalized(i + 1)
    };
    let to = has(class::TO);
    let noun_infinitive =
        to && t.noun && (from..t.start.saturating_sub(1)).any(|i| infinitive(i, &["the", "a", "an"]));
    let future = noun_infinitive
        || to && (from..t.start.saturating_sub(1)).any(|i| infinitive(i, &["the", "a", "an", "be"]))
        || has(class::PLAN)
        || to && seq("about", "to")
        || (t.start > 0 && words[t.start - 1] == "to" && !trying);
    // "refused to meet": a refusal, not a plan.
    let future = future && !has(class::PLAN_REFUSAL);
    let modality = if failed {
        Modality::Failed
    } else if possible {
        Modality::Possible
    } else if future {
        Modality::Future
    } else {
        Modality::Asserted
    };
    (negated, modality, trying)
}

/// True when the effort itself is only planned: "to keep working on", "to try to".
fn infinitive_effort(words: &[&str], at: usize) -> bool {
    let scope = &words[at.saturating_sub(8)..at];
    scope.iter().enumerate().any(|(i, w)| {
        matches!(*w, "try" | "working" | "work" | "seek" | "keep")
            && i > 0
            && scope[i - 1] == "to"
            && !(i > 1
                && matches!(
                    scope[i - 2],
                    "working" | "trying" | "seeking" | "continue" | "continued"
                ))
    })
}

/// True when the sentence opens with a condition ("If", "Unless").
fn conditional(words: &[&str]) -> bool {
    words
        .iter()
        .find(|w| w.chars().any(char::is_alphanumeric))
        .is_some_and(|w| matches!(*w, "if" | "unless"))
}

/// True when the words before `at` hedge (may, could, thought ...) beyond mere trying.
fn hedged(words: &[&str], at: usize) -> bool {
    words[at.saturating_sub(8)..at].iter().any(|w| {
        matches!(
            *w,
            "may" | "might" | "could" | "would" | "thought" | "hope" | "hopes" | "hoping" | "if"
        )
    })
}

fn weekday(w: &str) -> Option<Weekday> {
    Some(match w {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    })
}

/// The date a sentence speaks of: `yesterday`, `today`, or a weekday (the latest one on or before
/// the document date). `words`: the sentence's words (or only its day words and weekdays).
pub fn sentence_date<'w>(
    words: impl IntoIterator<Item = &'w str>,
    doc: Option<NaiveDate>,
) -> Option<NaiveDate> {
    let d = doc?;
    for w in words {
        match w {
            "yesterday" => return d.checked_sub_signed(Duration::days(1)),
            "today" => return Some(d),
            _ => {
                if let Some(wd) = weekday(w) {
                    let back = (7 + d.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
                    return d.checked_sub_signed(Duration::days(i64::from(back)));
                }
            }
        }
    }
    Some(d)
}

/// For planned events: `tomorrow`, or the next weekday after the document date (`words` as for
/// [`sentence_date`]).
fn future_date<'w>(words: impl IntoIterator<Item = &'w str>, doc: Option<NaiveDate>) -> Option<NaiveDate> {
    let d = doc?;
    for w in words {
        if w == "tomorrow" {
            return d.checked_add_signed(Duration::days(1));
        }
        if let Some(wd) = weekday(w) {
            let fwd = (7 + wd.num_days_from_monday() - d.weekday().num_days_from_monday()) % 7;
            return d.checked_add_signed(Duration::days(i64::from(fwd)));
        }
    }
    None
}

#[cfg(test)]
mod list_tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        for list in [
            SUPPORT_VERBS,
            AGREEMENT_NOUNS,
            NEEDS_WITH,
            LIGHT_VERBS,
            PROJECTILE_VERBS,
            NOUN_SLOT,
            PARTICIPLE_PREPS,
            NP_BREAK,
            AUXILIARIES,
            REQUEST_VERBS,
            CHARGING_VERBS,
            SEVERING_VERBS,
            NOUN_DETERMINERS,
            NOUN_CONTEXT,
            RECEIPT_VERBS,
            NOMINAL_PASSIVE_VERBS,
            PASSIVE_ADJUNCTS,
            REFUSAL_WORDS,
            PLACE_TARGETED,
            PLACE_PREPS,
            PLACE_BREAKS,
            COMPASS_ADJECTIVES,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]));
        }
        assert!(RECEIVED_THINGS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(WEEKDAYS.iter().all(|w| weekday(w).is_some()));
    }

    #[test]
    fn word_classes_cover_their_lists() {
        for &(list, bits) in CLASS_LISTS {
            for w in list {
                assert_eq!(word_class(w) & bits, bits, "{w}");
            }
        }
        assert_eq!(word_class("embassy"), 0);
        assert_eq!(word_class(""), 0);
        // an unlisted word longer than any packed one, and one that only differs from a
        // listed word by a NUL byte
        assert_eq!(word_class("counterinsurgency"), 0);
        assert_eq!(word_class("the\0"), 0);
        let the = word_class("the");
        assert_ne!(the & class::NOUN_SLOT, 0);
        assert_eq!(the & class::NP_BREAK, 0);
    }

    #[test]
    fn trigger_form_sets() {
        let forms = Forms::default()
            .with(TriggerForm::Past)
            .with(TriggerForm::PastPart);
        assert!(forms.contains(TriggerForm::PastPart));
        assert!(!forms.contains(TriggerForm::Noun));
        assert!(forms.only(&[TriggerForm::Past, TriggerForm::PastPart]));
        assert!(!forms.only(&[TriggerForm::Past]));
        assert!(Forms::default().only(&[TriggerForm::Noun]));
    }

    #[test]
    fn word_pattern_helpers() {
        // the words are normalized (lowercase) in the pipeline
        let w = |s: &'static str| s.split(' ').collect::<Vec<&str>>();
        let s = w("X claimed responsibility for the attack");
        assert_eq!(claimed_responsibility(&s, 5), Some(1));
        // "for" at the trigger itself: no pattern, no out-of-range slice
        assert_eq!(
            claimed_responsibility(&w("X claimed responsibility for"), 3),
            None
        );
        assert_eq!(
            receipt_at(&w("X received new weapons from Y"), 1),
            Some((4, "aids"))
        );
        assert_eq!(receipt_at(&w("X received a letter from Y"), 1), None);
        assert_eq!(receipt_at(&w("X received"), 1), None);
        let passive = |s: &'static str, from: usize| {
            let words = w(s);
            let classes: Vec<u64> = words.iter().map(|w| word_class(w)).collect();
            (
                passive_by(&words, &classes, from),
                nominal_passive_by(&words, &classes, from),
            )
        };
        assert_eq!(passive("released on monday by y", 1).0, Some(3));
        assert_eq!(passive("released in Gaza by Y", 1).0, None);
        assert_eq!(passive("sanctions on Y were imposed by X", 3).1, Some(5));
        assert_eq!(passive("sanctions on Y imposed by X", 3).1, None);
    }
}

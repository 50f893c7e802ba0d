//! Derives the lexicon files in `data/lexicon/` from the lexicon sources.
//!
//! Sources (see `data/NOTICE`): mledoze/countries (`countries.json`), the
//! Phoenix/CAMEO dictionaries (actors, agents, verbs), the CAMEO-to-PLOVER
//! table, the lemminflect inflection table and the 1990 US Census first-name
//! lists. Every `*_tsv` function here is pure: it takes source texts and
//! returns the content of one derived file, sorted, so the output does not
//! depend on hash order. [`build`] does the IO.
//!
//! Filters applied (and why):
//! * Country aliases from Phoenix are kept only when they are name-like: every
//!   word occurs in the country's English common or official name, or the
//!   alias is an initialism of it (`US`, `U.S.`, `UK`). This drops the cities,
//!   typos and foreign-language names Phoenix lists under a country.
//! * Person aliases starting with a title, role word, demonym or country name
//!   (`PRESIDENT_VLADIMIR_PUTIN_`) are dropped: the recognizer handles titles.
//!   Single-word person aliases that are ordinary English words (lowercase
//!   lemmas of the inflection table: `May`, `Bush`) are dropped.
//! * An alias maps to one actor: collisions are resolved by kind priority
//!   (overrides > countries > organizations > groups > persons); an alias equal
//!   to an actor's label goes to that actor; remaining ties are dropped.
//!   Actors whose label is an alias or label of a higher-ranked actor are
//!   dropped (e.g. Phoenix's ISIL entry when the overrides define ISIS).
//! * Agents are kept only when their head noun denotes a person or a
//!   collective (weapons, buildings and places are dropped).
//! * Single-word verb triggers whose lemma is a very common, ambiguous verb
//!   (`say`, `make`, `take`, ...) or a noisy CAMEO entry (`face`, `brave`,
//!   `encounter`, `match`) are dropped; CAMEO patterns with `$ + % ^ |` or
//!   nested synsets are skipped; pattern codes written `[:CODE]` (passive or
//!   role-reversing readings) and `[---]` are skipped.
//! * Places (the `location` rows of the overrides) take the country whose
//!   Phoenix block lists them (`+ALASKA_` under the United States) or whose
//!   capital they are; a place listed under several countries gets none. The
//!   place stays its own actor, never an alias of the country. The other
//!   places a country block lists become `location` rows of that country,
//!   except names of other actors, capitals (read by `capitals.tsv`),
//!   respellings of the country's name, demonyms, names listed under two
//!   countries and one-word names that are ordinary words, given names or
//!   surnames of known persons.
//! * First names: census names up to a cumulative frequency of 90% per sex,
//!   minus a small stoplist of names that are common English words.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::model::{slug, ActorKind};
use crate::{Error, Result};

// ---------------------------------------------------------------- helpers

fn lex_err(file: &str, line: usize, message: impl Into<String>) -> Error {
    Error::Lexicon {
        path: PathBuf::from(file),
        line,
        message: message.into(),
    }
}

/// Removes a `#` comment and surrounding whitespace.
fn strip_comment(line: &str) -> &str {
    match line.find('#') {
        Some(i) => line[..i].trim(),
        None => line.trim(),
    }
}

/// Phoenix `WORD_WORD_` (underscores = spaces, trailing `_` = word end) to words.
fn phoenix_words(name: &str) -> Vec<String> {
    name.split(['_', ' '])
        .filter(|w| !w.is_empty())
        .map(|w| w.to_string())
        .collect()
}

/// Small words kept lowercase inside names.
const LOWER_PARTICLES: &[&str] = &[
    "of", "the", "and", "for", "in", "on", "at", "to", "de", "du", "la", "le", "von", "van", "der", "den",
    "da", "dos", "del", "y", "bin", "ibn", "al", "el", "a", "an", "des", "di", "fi", "wa", "with", "from",
    "by", "into", "over", "under", "against", "among", "between", "upon", "within", "without", "non", "per",
    "via",
];

/// Well-known acronyms kept upper case.
const ACRONYMS: &[&str] = &[
    "UN", "US", "USA", "UK", "UAE", "EU", "NATO", "UNSC", "UNHCR", "UNICEF", "UNESCO", "UNDP", "IAEA", "ICJ",
    "ICC", "IMF", "WTO", "OSCE", "OPEC", "ASEAN", "IPCC", "IRA", "ETA", "PKK", "FARC", "ISIS", "ISIL", "AQI",
    "AQIM", "AQAP", "ANC", "PLO", "OAS", "OAU", "AU", "ECOWAS", "SADC", "NGO", "OHCHR", "UNMIN", "MONUC",
    "WFP", "WHO", "FAO", "ILO", "UNRWA", "UNIFIL", "OIC", "GCC", "OECD", "ICRC", "IFRC", "MSF", "SCO",
    "BRICS", "CIA", "FBI", "NSA", "KGB", "FSB", "SPLA", "SPLM", "LTTE", "PFLP", "NPA", "ELN", "FLN", "MILF",
    "MNLF", "ULFA", "YPG", "PYD", "SDF", "FSA", "KDP", "PUK", "RSF", "TTP", "DRC", "USSR", "ECB", "APEC",
    "NAFTA", "SAARC", "OPCW", "WADA", "IOC", "FIFA", "UNAIDS", "UNFPA", "UNEP", "UNIDO", "UNCTAD", "UNAMA",
    "UNAMI", "UNMIS", "UNMISS", "MINUSMA", "AMISOM", "EULEX", "IGAD", "CARICOM", "MERCOSUR",
];

fn is_vowel(c: char) -> bool {
    matches!(c.to_ascii_uppercase(), 'A' | 'E' | 'I' | 'O' | 'U' | 'Y')
}

/// Capitalizes one word part: `PUTIN` -> `Putin`, `MCGRATH` -> `McGrath`,
/// `O'BRIEN` -> `O'Brien`.
fn cap_part(part: &str) -> String {
    let lower = part.to_lowercase();
    let mut out = String::with_capacity(lower.len());
    let mut at_start = true;
    for c in lower.chars() {
        if at_start && c.is_alphabetic() {
            out.extend(c.to_uppercase());
            at_start = false;
        } else {
            out.push(c);
            if c == '\'' && out.chars().count() == 2 {
                // O'Brien, D'Alema
                at_start = true;
            }
        }
    }
    if out.len() > 3 && out.starts_with("Mc") {
        let (head, tail) = out.split_at(2);
        let mut t = tail.chars();
        if let Some(f) = t.next() {
            return format!("{head}{}{}", f.to_uppercase(), t.as_str());
        }
    }
    out
}

/// Converts Phoenix upper-case words to natural case.
///
/// Dotted initials (`U.N.`) and known acronyms stay upper case; with
/// `acronyms` (organizations and groups) short words with at most one vowel
/// and no lowercase lemma (`UNDP`) stay upper case too.
fn title_case(words: &[String], acronyms: bool, common: &BTreeSet<String>) -> String {
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        let lower = w.to_lowercase();
        let letters: String = w.chars().filter(|c| c.is_alphabetic()).collect();
        let dotted = w.contains('.')
            && w.split('.')
                .all(|p| p.chars().filter(|c| c.is_alphabetic()).count() <= 1);
        let vowels = letters.chars().filter(|&c| is_vowel(c)).count();
        let known_acronym = acronyms && ACRONYMS.contains(&w.to_uppercase().as_str());
        let looks_acronym = acronyms
            && (2..=5).contains(&letters.len())
            && letters.len() == w.len()
            && (vowels == 0 || (words.len() == 1 && letters.len() <= 4 && vowels <= 1))
            && !common.contains(&lower)
            && !LOWER_PARTICLES.contains(&lower.as_str());
        let word = if dotted || known_acronym || looks_acronym {
            w.to_uppercase()
        } else if i > 0 && LOWER_PARTICLES.contains(&lower.as_str()) {
            lower
        } else {
            w.split('-').map(cap_part).collect::<Vec<_>>().join("-")
        };
        out.push(word);
    }
    // "Al-Qaeda" style: lower-case particle glued with a hyphen stays as is.
    out.join(" ")
}

/// Lowercase comparison key of a surface form.
fn key(s: &str) -> String {
    s.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ")
}

// ---------------------------------------------------------------- inflections

/// Verb forms of one lemma.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VerbForms {
    /// Third person singular present (`meets`).
    pub s3: String,
    /// Past tense (`met`).
    pub past: String,
    /// Past participle (`met`).
    pub pastpart: String,
    /// Gerund (`meeting`).
    pub ger: String,
}

/// The lemminflect table, reduced to what the builder needs.
#[derive(Debug, Clone, Default)]
pub struct Inflections {
    /// Verb lemma -> forms.
    pub verbs: BTreeMap<String, VerbForms>,
    /// Noun lemma -> preferred plural.
    pub noun_plural: BTreeMap<String, String>,
    /// Plural noun form -> lemma (only where they differ).
    pub plural_lemma: BTreeMap<String, String>,
    /// Lowercase lemmas: the "ordinary English word" list.
    pub common: BTreeSet<String>,
    /// Every known lowercase word form (lemmas and inflections).
    pub known: BTreeSet<String>,
}

/// Parses the lemminflect table (`lemma,pos,forms...`; verbs:
/// `lemma,verb,past,pastpart,ger,3sg` with an empty pastpart meaning "same as
/// past"; nouns: `lemma,noun,plural1/plural2`). Blank and `#` lines are skipped.
pub fn parse_inflections(csv: &str) -> Result<Inflections> {
    let file = "lemminflect_infl_lu.csv";
    let mut inf = Inflections::default();
    for (n, line) in csv.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split(',').collect();
        if cols.len() < 2 {
            return Err(lex_err(file, n + 1, "expected lemma,pos,..."));
        }
        let lemma = cols[0];
        let is_lower = lemma.chars().all(|c| !c.is_uppercase());
        if is_lower {
            inf.common.insert(lemma.to_string());
            inf.known.insert(lemma.to_string());
        }
        match cols[1] {
            "verb" if is_lower => {
                if cols.len() < 6 {
                    return Err(lex_err(file, n + 1, "verb row needs 6 columns"));
                }
                let past = cols[2].to_string();
                let pastpart = if cols[3].is_empty() {
                    past.clone()
                } else {
                    cols[3].to_string()
                };
                let forms = VerbForms {
                    s3: cols[5].to_string(),
                    past,
                    pastpart,
                    ger: cols[4].to_string(),
                };
                for f in [&forms.s3, &forms.past, &forms.pastpart, &forms.ger] {
                    inf.known.insert(f.clone());
                }
                inf.verbs.insert(lemma.to_string(), forms);
            }
            "noun" if is_lower => {
                let plurals = cols.get(2).copied().unwrap_or("");
                if let Some(first) = plurals.split('/').find(|p| !p.is_empty()) {
                    inf.noun_plural.insert(lemma.to_string(), first.to_string());
                }
                for p in plurals.split('/').filter(|p| !p.is_empty()) {
                    inf.known.insert(p.to_string());
                    if p != lemma {
                        inf.plural_lemma.insert(p.to_string(), lemma.to_string());
                    }
                }
            }
            _ => {}
        }
    }
    Ok(inf)
}

impl Inflections {
    /// Verb forms of `lemma`, from the table or by regular rules.
    pub fn verb(&self, lemma: &str) -> VerbForms {
        if let Some(f) = self.verbs.get(lemma) {
            return f.clone();
        }
        let stem_e = lemma.strip_suffix('e').unwrap_or(lemma);
        let s3 = if lemma.ends_with(['s', 'x', 'z']) || lemma.ends_with("ch") || lemma.ends_with("sh") {
            format!("{lemma}es")
        } else if lemma.ends_with('y') && !lemma.ends_with("ay") && !lemma.ends_with("ey") {
            format!("{}ies", &lemma[..lemma.len() - 1])
        } else {
            format!("{lemma}s")
        };
        let past = if lemma.ends_with('e') {
            format!("{lemma}d")
        } else if lemma.ends_with('y') && !lemma.ends_with("ay") && !lemma.ends_with("ey") {
            format!("{}ied", &lemma[..lemma.len() - 1])
        } else {
            format!("{lemma}ed")
        };
        VerbForms {
            s3,
            pastpart: past.clone(),
            past,
            ger: format!("{stem_e}ing"),
        }
    }

    /// Plural of a noun, from the table or by regular rules.
    pub fn plural(&self, noun: &str) -> String {
        if let Some(p) = self.noun_plural.get(noun) {
            return p.clone();
        }
        if noun.ends_with(['s', 'x', 'z']) || noun.ends_with("ch") || noun.ends_with("sh") {
            format!("{noun}es")
        } else if noun.ends_with('y') && !noun.ends_with("ay") && !noun.ends_with("ey") {
            format!("{}ies", &noun[..noun.len() - 1])
        } else if let Some(stem) = noun.strip_suffix("man") {
            format!("{stem}men")
        } else {
            format!("{noun}s")
        }
    }
}

// ---------------------------------------------------------------- countries

/// One country of `countries.json`.
#[derive(Debug, Clone, Default)]
pub struct Country {
    /// ISO alpha-3.
    pub cca3: String,
    /// Common English name.
    pub common: String,
    /// Official English name.
    pub official: String,
    /// Alternative spellings (raw).
    pub alt: Vec<String>,
    /// Capitals.
    pub capitals: Vec<String>,
    /// English demonyms (m, f).
    pub demonyms: Vec<String>,
    /// Independent and UN member: preferred in collisions.
    pub major: bool,
}

/// Parses `countries.json` (mledoze/countries), sorted by cca3.
pub fn parse_countries(json: &str) -> Result<Vec<Country>> {
    let file = "countries.json";
    let v: serde_json::Value =
        serde_json::from_str(json).map_err(|e| lex_err(file, e.line(), format!("bad JSON: {e}")))?;
    let arr = v
        .as_array()
        .ok_or_else(|| lex_err(file, 1, "expected a JSON array"))?;
    let s = |x: &serde_json::Value| x.as_str().unwrap_or("").to_string();
    let list = |x: &serde_json::Value| -> Vec<String> {
        x.as_array()
            .map(|a| a.iter().filter_map(|e| e.as_str()).map(String::from).collect())
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    for (i, c) in arr.iter().enumerate() {
        let cca3 = s(&c["cca3"]);
        if cca3.len() != 3 {
            return Err(lex_err(file, 1, format!("country #{i} has no cca3")));
        }
        let mut demonyms = Vec::new();
        for g in ["m", "f"] {
            let d = s(&c["demonyms"]["eng"][g]);
            if !d.is_empty() && !demonyms.contains(&d) {
                demonyms.push(d);
            }
        }
        out.push(Country {
            cca3,
            common: s(&c["name"]["common"]),
            official: s(&c["name"]["official"]),
            alt: list(&c["altSpellings"]),
            capitals: list(&c["capital"]),
            demonyms,
            major: c["independent"].as_bool().unwrap_or(false) && c["unMember"].as_bool().unwrap_or(false),
        });
    }
    out.sort_by(|a, b| a.cca3.cmp(&b.cca3));
    Ok(out)
}

/// Initialisms of a name: `United States` -> `US`, `U.S.`.
fn initialisms(name: &str) -> Vec<String> {
    let sig: Vec<char> = name
        .replace('-', " ")
        .split(' ')
        .filter(|w| !w.is_empty() && !LOWER_PARTICLES.contains(&w.to_lowercase().as_str()))
        .filter_map(|w| w.chars().next())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if sig.len() < 2 {
        return vec![];
    }
    let plain: String = sig.iter().collect();
    let dotted: String = sig.iter().map(|c| format!("{c}.")).collect();
    vec![plain, dotted]
}

fn plain_letters(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(|c| c.to_uppercase())
        .collect()
}

/// Two-letter or three-letter codes accepted as country aliases.
const SHORT_CODES: &[&str] = &["US", "UK", "UAE", "USA", "DRC", "PRC", "ROK", "DPRK"];

/// Demonym plurals that are not regular.
fn demonym_plurals(d: &str) -> Vec<String> {
    if d.ends_with("ese")
        || d.ends_with("sh")
        || d.ends_with("ch")
        || d.ends_with(['s', 'x', 'z'])
        || d.contains(' ')
    {
        vec![]
    } else if let Some(stem) = d.strip_suffix("man") {
        vec![format!("{stem}men")]
    } else {
        vec![format!("{d}s")]
    }
}

/// `demonyms.tsv`: countries.json English demonyms plus plurals, and the rows
/// of the overrides (`form country`). Ambiguous forms go to the independent UN
/// member when exactly one is; otherwise they are dropped.
pub fn demonyms_tsv(countries: &[Country], overrides: &str) -> Result<String> {
    let mut cands: BTreeMap<String, BTreeSet<(bool, String)>> = BTreeMap::new();
    for c in countries {
        for d in &c.demonyms {
            if !d.is_ascii() || d.is_empty() {
                continue;
            }
            for f in std::iter::once(d.clone()).chain(demonym_plurals(d)) {
                cands.entry(f).or_default().insert((!c.major, c.cca3.clone()));
            }
        }
    }
    let mut rows: BTreeMap<String, String> = BTreeMap::new();
    for (form, cs) in cands {
        if let Some(best) = pick_unique(&cs) {
            rows.insert(form, best);
        }
    }
    for (n, line) in data_lines(overrides) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 2 || cols[1].len() != 3 {
            return Err(lex_err(
                "lexicon-overrides/demonyms.tsv",
                n,
                "expected: form<TAB>CCA3",
            ));
        }
        rows.insert(cols[0].to_string(), cols[1].to_string());
    }
    let mut out = String::from("form\tcountry\n");
    for (f, c) in rows {
        out.push_str(&format!("{f}\t{c}\n"));
    }
    Ok(out)
}

/// The best candidate of a set ordered by (not preferred, code): the only
/// preferred one, or the only one.
fn pick_unique(cs: &BTreeSet<(bool, String)>) -> Option<String> {
    let preferred: Vec<&(bool, String)> = cs.iter().filter(|(p, _)| !p).collect();
    if preferred.len() == 1 {
        return Some(preferred[0].1.clone());
    }
    if cs.len() == 1 {
        return cs.iter().next().map(|c| c.1.clone());
    }
    None
}

/// Non-comment, non-blank lines after the header, with 1-based line numbers.
fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut header_seen = false;
    text.lines().enumerate().filter_map(move |(i, l)| {
        let t = l.trim_end_matches(['\r', '\n']);
        if t.trim().is_empty() || t.trim_start().starts_with('#') {
            return None;
        }
        if !header_seen {
            header_seen = true;
            return None;
        }
        Some((i + 1, t))
    })
}

/// `capitals.tsv`: countries.json capitals, skipping capitals named like a
/// country (`Singapore`, `Kuwait`) and ambiguous names.
pub fn capitals_tsv(countries: &[Country]) -> String {
    let names: BTreeSet<String> = countries
        .iter()
        .flat_map(|c| [key(&c.common), key(&c.official)])
        .collect();
    let mut cands: BTreeMap<String, BTreeSet<(bool, String)>> = BTreeMap::new();
    for c in countries {
        for cap in &c.capitals {
            if cap.is_empty() || names.contains(&key(cap)) || key(cap).contains(&key(&c.common)) {
                continue;
            }
            cands
                .entry(cap.clone())
                .or_default()
                .insert((!c.major, c.cca3.clone()));
            // "Washington D.C." is written "Washington" in news copy.
            if let Some(short) = cap.strip_suffix(" D.C.").or_else(|| cap.strip_suffix(", D.C.")) {
                cands
                    .entry(short.to_string())
                    .or_default()
                    .insert((!c.major, c.cca3.clone()));
            }
        }
    }
    let mut out = String::from("capital\tcountry\n");
    for (cap, cs) in cands {
        if let Some(c) = pick_unique(&cs) {
            out.push_str(&format!("{cap}\t{c}\n"));
        }
    }
    out
}

// ---------------------------------------------------------------- phoenix actors

/// A dated or undated CAMEO actor code (`[RUSGOV 991231-080507]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedCode {
    /// The code (`RUSGOV`).
    pub code: String,
    /// Start date as yyyymmdd (0 when open or undated).
    pub start: u32,
    /// End date as yyyymmdd (`u32::MAX` when open or undated).
    pub end: u32,
    /// True when a date restriction was given.
    pub dated: bool,
}

/// One entry of a Phoenix actor dictionary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PhoenixEntry {
    /// Head name, Phoenix style (`VLADIMIR_PUTIN_`).
    pub name: String,
    /// 1-based line of the head.
    pub line: usize,
    /// Codes given on the head line.
    pub head_codes: Vec<DatedCode>,
    /// `+` alias lines (Phoenix style).
    pub aliases: Vec<String>,
    /// Codes on tab-indented lines.
    pub codes: Vec<DatedCode>,
}

fn parse_date(s: &str) -> Option<u32> {
    let s = s.trim();
    if !s.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let n: u32 = s.parse().ok()?;
    match s.len() {
        6 => {
            let yy = n / 10000;
            Some(if yy >= 30 { 19_000_000 + n } else { 20_000_000 + n })
        }
        7 | 8 => Some(n),
        _ => None,
    }
}

/// Parses the `[...]` groups of a line.
fn parse_codes(s: &str) -> Vec<DatedCode> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']') else {
            break;
        };
        let inner = rest[open + 1..open + close].trim();
        rest = &rest[open + close + 1..];
        let mut parts = inner.splitn(2, char::is_whitespace);
        let code = parts.next().unwrap_or("").trim().trim_start_matches('~');
        if code.is_empty() || code.starts_with('-') {
            continue;
        }
        let date = parts.next().unwrap_or("").replace(' ', "");
        let (mut start, mut end, mut dated) = (0, u32::MAX, false);
        if let Some(d) = date.strip_prefix('>') {
            if let Some(d) = parse_date(d) {
                start = d;
                dated = true;
            }
        } else if let Some(d) = date.strip_prefix('<') {
            if let Some(d) = parse_date(d) {
                end = d;
                dated = true;
            }
        } else if let Some((a, b)) = date.split_once('-') {
            if let (Some(a), Some(b)) = (parse_date(a), parse_date(b)) {
                start = a;
                end = b;
                dated = true;
            }
        }
        out.push(DatedCode {
            code: code.to_string(),
            start,
            end,
            dated,
        });
    }
    out
}

/// Parses a Phoenix actor dictionary: `#` comments, blank lines, head lines
/// `NAME_ [CODE]`, `+ALIAS` lines, tab-indented `[CODE DATES]` lines.
pub fn parse_phoenix_actors(text: &str) -> Vec<PhoenixEntry> {
    let mut out: Vec<PhoenixEntry> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = strip_comment(raw);
        if line.is_empty() {
            continue;
        }
        if let Some(alias) = line.strip_prefix('+') {
            let alias = alias.split('[').next().unwrap_or("").trim();
            if let Some(e) = out.last_mut() {
                if !alias.is_empty() {
                    e.aliases.push(alias.to_string());
                }
            }
            continue;
        }
        if raw.starts_with([' ', '\t']) || line.starts_with('[') {
            if let Some(e) = out.last_mut() {
                e.codes.extend(parse_codes(line));
            }
            continue;
        }
        let (name, codes) = match line.find('[') {
            Some(p) => (line[..p].trim(), parse_codes(&line[p..])),
            None => (line, vec![]),
        };
        // "OSMAN_OLCAY\t_TURKEY_": keep the first field only.
        let name = name.split('\t').next().unwrap_or("").trim();
        if name.is_empty() {
            continue;
        }
        out.push(PhoenixEntry {
            name: name.replace(' ', "_"),
            line: i + 1,
            head_codes: codes,
            aliases: vec![],
            codes: vec![],
        });
    }
    out
}

// ---------------------------------------------------------------- actors

/// One row of `actors.tsv`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActorRow {
    /// `kind:slug`.
    pub id: String,
    /// Kind name.
    pub kind: String,
    /// Display label.
    pub label: String,
    /// ISO alpha-3 or empty.
    pub country: String,
    /// Roles.
    pub roles: Vec<String>,
    /// Aliases (natural case), label excluded.
    pub aliases: BTreeSet<String>,
    /// Collision rank (0 = overrides, 1 country, 2 organization, 3 group, 4 person).
    pub rank: u8,
}

/// Words that start an alias which is a title + name (`PRESIDENT_PUTIN_`).
const TITLE_WORDS: &[&str] = &[
    "president",
    "presidents",
    "vice",
    "prime",
    "minister",
    "premier",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "sheik",
    "shaikh",
    "emir",
    "amir",
    "sultan",
    "general",
    "gen",
    "gen.",
    "lt",
    "lt.",
    "col",
    "col.",
    "colonel",
    "major",
    "maj.",
    "captain",
    "capt.",
    "admiral",
    "marshal",
    "field",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "dr",
    "dr.",
    "sir",
    "lord",
    "lady",
    "baroness",
    "baron",
    "secretary",
    "foreign",
    "defense",
    "defence",
    "interior",
    "finance",
    "former",
    "ex",
    "ex-",
    "late",
    "acting",
    "interim",
    "deputy",
    "senator",
    "sen.",
    "sen",
    "rep.",
    "representative",
    "congressman",
    "congresswoman",
    "governor",
    "gov.",
    "mayor",
    "chief",
    "chairman",
    "chairwoman",
    "speaker",
    "leader",
    "opposition",
    "ambassador",
    "envoy",
    "judge",
    "justice",
    "ayatollah",
    "grand",
    "imam",
    "cardinal",
    "pope",
    "bishop",
    "archbishop",
    "rabbi",
    "rev.",
    "reverend",
    "father",
    "brother",
    "sister",
    "mullah",
    "commander",
    "supreme",
    "head",
    "spokesman",
    "spokeswoman",
    "un",
    "u.n.",
    "united",
    "us",
    "u.s.",
    "the",
    "new",
    "party",
    "rebel",
    "militant",
    "terrorist",
    "extremist",
    "president-elect",
    "state",
    "army",
    "military",
    "minister-president",
    "first",
    "crown",
    "his",
    "her",
    "dictator",
    "strongman",
    "former_",
    "secretary-general",
    "director",
    "official",
    "officials",
    "security",
    "national",
    "egyptian",
];

/// Builds the person/organization/group rows from the three Phoenix files,
/// the country rows from countries.json plus Phoenix country aliases, then
/// merges the overrides and resolves alias collisions. Returns `actors.tsv`.
pub fn actors_tsv(
    countries: &[Country],
    phoenix_countries: &str,
    phoenix_international: &str,
    phoenix_milnonstate: &str,
    overrides: &str,
    infl: &Inflections,
    first_names: &BTreeSet<String>,
) -> Result<String> {
    let common = &infl.common;
    let cca3: BTreeSet<&str> = countries.iter().map(|c| c.cca3.as_str()).collect();
    let mut demonym_words: BTreeSet<String> = BTreeSet::new();
    let mut country_words: BTreeSet<String> = BTreeSet::new();
    for c in countries {
        for d in &c.demonyms {
            demonym_words.insert(d.to_lowercase());
            for p in demonym_plurals(d) {
                demonym_words.insert(p.to_lowercase());
            }
        }
        if let Some(first) = c.common.split_whitespace().next() {
            country_words.insert(first.to_lowercase());
        }
    }
    let is_title_start = |words: &[String]| -> bool {
        let Some(first) = words.first() else {
            return true;
        };
        let f = first.to_lowercase();
        let f = f.trim_end_matches(['\'', 's']).to_string();
        TITLE_WORDS.contains(&first.to_lowercase().as_str())
            || TITLE_WORDS.contains(&f.as_str())
            || demonym_words.contains(&first.to_lowercase())
            || country_words.contains(&first.to_lowercase())
            || first.to_lowercase().ends_with("'s")
    };

    let mut actors: BTreeMap<String, ActorRow> = BTreeMap::new();

    // Countries.
    let phoenix_c = parse_phoenix_actors(phoenix_countries);
    let mut phoenix_country_aliases: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for e in &phoenix_c {
        if let Some(code) = e.head_codes.first() {
            if code.code.len() == 3 && cca3.contains(code.code.as_str()) {
                let list = phoenix_country_aliases.entry(code.code.clone()).or_default();
                list.push(e.name.clone());
                list.extend(e.aliases.iter().cloned());
            }
        }
    }
    for c in countries {
        let mut aliases = BTreeSet::new();
        let name_words: BTreeSet<String> = format!("{} {}", c.common, c.official)
            .split_whitespace()
            .map(|w| w.to_lowercase())
            .collect();
        let mut inits: BTreeSet<String> = BTreeSet::new();
        for n in [&c.common, &c.official] {
            inits.extend(initialisms(n));
        }
        if c.official != c.common {
            aliases.insert(c.official.clone());
        }
        for a in &c.alt {
            if !a.is_ascii() || a.is_empty() {
                continue;
            }
            let short = a.len() <= 3 && a.chars().all(|ch| ch.is_ascii_uppercase());
            if short && !SHORT_CODES.contains(&a.as_str()) {
                continue;
            }
            // Native-language spellings ("Mann", "Prathet") and demonyms ("Thai") would match
            // ordinary names and adjectives: keep only spellings built from the English names.
            let words: Vec<String> = a.split_whitespace().map(str::to_lowercase).collect();
            let from_name = words.iter().any(|w| name_words.contains(w) && w.len() > 3);
            if !short && !from_name {
                continue;
            }
            if words.len() == 1 && demonym_words.contains(&words[0]) {
                continue;
            }
            aliases.insert(a.clone());
        }
        for raw in phoenix_country_aliases.get(&c.cca3).into_iter().flatten() {
            let mut words = phoenix_words(raw);
            if words.first().map(|w| w == "THE").unwrap_or(false) {
                words.remove(0);
            }
            if words.is_empty() || raw.contains(['(', ',']) {
                continue;
            }
            let joined = words.join(" ");
            let is_init = inits.contains(&joined) || inits.contains(&joined.replace(' ', ""));
            let is_code = SHORT_CODES.contains(&joined.as_str());
            let all_in_name = words.iter().all(|w| name_words.contains(&w.to_lowercase()));
            let is_demonym = words.len() == 1 && demonym_words.contains(&words[0].to_lowercase());
            if (is_init && plain_letters(&joined).len() <= 3) || is_code {
                aliases.insert(joined.replace(' ', ""));
            } else if all_in_name && !is_demonym {
                let tc = title_case(&words, false, common);
                let lw: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
                // A single particle or a bare "States" is not a name.
                if lw.len() == 1 && (LOWER_PARTICLES.contains(&lw[0].as_str()) || common.contains(&lw[0])) {
                    continue;
                }
                aliases.insert(tc);
            }
        }
        aliases.remove(&c.common);
        let id = format!("country:{}", c.cca3);
        actors.insert(
            id.clone(),
            ActorRow {
                id,
                kind: "country".into(),
                label: c.common.clone(),
                country: c.cca3.clone(),
                roles: vec![],
                aliases,
                rank: 1,
            },
        );
    }

    // Named entries of the three Phoenix actor files.
    let push = |actors: &mut BTreeMap<String, ActorRow>, row: ActorRow| {
        if row.label.is_empty() || slug(&row.label).is_empty() {
            return;
        }
        match actors.get_mut(&row.id) {
            Some(old) => {
                old.aliases.extend(row.aliases);
                if old.country.is_empty() {
                    old.country = row.country;
                }
            }
            None => {
                actors.insert(row.id.clone(), row);
            }
        }
    };
    let add_entries = |actors: &mut BTreeMap<String, ActorRow>,
                       entries: &[PhoenixEntry],
                       default_kind: ActorKind,
                       skip_head_coded: bool| {
        for e in entries {
            let all_codes: Vec<&DatedCode> = e.head_codes.iter().chain(e.codes.iter()).collect();
            if all_codes.is_empty() {
                continue;
            }
            // Country head entries are handled above; other head-coded
            // entries of the country file (territories) are skipped.
            if skip_head_coded && !e.head_codes.is_empty() {
                continue;
            }
            let mut words = phoenix_words(&e.name);
            if words.first().map(|w| w == "THE").unwrap_or(false) {
                words.remove(0);
            }
            // "ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_": label without, acronym as alias.
            let mut extra_aliases = Vec::new();
            words.retain(|w| {
                if w.starts_with('(') && w.ends_with(')') {
                    let inner = w.trim_matches(['(', ')']);
                    if !inner.is_empty() && inner.chars().all(|c| c.is_ascii_uppercase()) {
                        extra_aliases.push(inner.to_string());
                    }
                    false
                } else {
                    true
                }
            });
            if words.is_empty() || words.iter().any(|w| w.contains(['(', ')', '/', ':', '$', '&'])) {
                continue;
            }
            let dated = all_codes.iter().any(|c| c.dated);
            let first_lower = words[0].to_lowercase();
            // Leaders listed with a code on the head line ("BASHAR_AL-ASSAD_ [SYRGOV]") are persons
            // when an alias addresses them as one ("MR_ASSAD").
            let addressed = e.aliases.iter().any(|a| {
                phoenix_words(a).first().is_some_and(|w| {
                    matches!(
                        w.trim_end_matches('.'),
                        "MR" | "MRS" | "MS" | "DR" | "SHEIKH" | "AYATOLLAH"
                    )
                })
            });
            let person = dated || addressed || (words.len() >= 2 && first_names.contains(&first_lower));
            if is_title_start(&words) {
                continue;
            }
            // Most recent code: latest start (open `>date` counts by its start).
            let best = all_codes
                .iter()
                .filter(|c| c.dated)
                .max_by_key(|c| (c.start, c.end))
                .or_else(|| all_codes.first())
                .map(|c| c.code.clone())
                .unwrap_or_default();
            let country = if best.len() >= 3 && cca3.contains(&best[..3]) {
                best[..3].to_string()
            } else {
                String::new()
            };
            let kind = if person {
                ActorKind::Person
            } else if default_kind == ActorKind::Organization
                && ["REB", "INS", "UAF", "OPP"]
                    .iter()
                    .any(|s| best.get(3..).map(|r| r.starts_with(s)).unwrap_or(false))
            {
                ActorKind::Group
            } else {
                default_kind
            };
            // Drop generic descriptions: "UN_ENVOY_", "INDIAN_UN_PEACEKEEPER_".
            if !person {
                let last = words.last().map(|w| w.to_lowercase()).unwrap_or_default();
                let last_sg = infl.plural_lemma.get(&last).cloned().unwrap_or(last.clone());
                if GENERIC_HEADS.contains(&last_sg.as_str()) {
                    continue;
                }
            }
            let acr = kind != ActorKind::Person;
            let label = title_case(&words, acr, common);
            let mut aliases: BTreeSet<String> = extra_aliases.into_iter().collect();
            for a in &e.aliases {
                let mut aw = phoenix_words(a);
                if aw.first().map(|w| w == "THE").unwrap_or(false) {
                    aw.remove(0);
                }
                if aw.is_empty() || aw.iter().any(|w| w.contains(['(', ')', '/', ':', '$', '&', '+'])) {
                    continue;
                }
                if kind == ActorKind::Person {
                    if is_title_start(&aw) {
                        continue;
                    }
                    if aw.len() == 1 && common.contains(&aw[0].to_lowercase()) {
                        continue;
                    }
                    if aw.len() == 1 && aw[0].chars().filter(|c| c.is_alphabetic()).count() < 3 {
                        continue;
                    }
                } else if aw.len() == 1 && common.contains(&aw[0].to_lowercase()) {
                    continue;
                }
                let inits = initialisms(&label);
                if aw.len() == 1
                    && inits
                        .first()
                        .map(|i| *i == plain_letters(&aw[0]))
                        .unwrap_or(false)
                {
                    aliases.insert(aw[0].to_uppercase());
                } else {
                    aliases.insert(title_case(&aw, acr, common));
                }
            }
            aliases.remove(&label);
            let row = ActorRow {
                id: format!("{}:{}", kind.name(), slug(&label)),
                kind: kind.name().into(),
                label,
                country,
                roles: vec![],
                aliases,
                rank: match kind {
                    ActorKind::Country => 1,
                    ActorKind::Organization => 2,
                    ActorKind::Group => 3,
                    _ => 4,
                },
            };
            push(actors, row);
        }
    };
    add_entries(&mut actors, &phoenix_c, ActorKind::Organization, true);
    let intl = parse_phoenix_actors(phoenix_international);
    add_entries(&mut actors, &intl, ActorKind::Organization, false);
    let mil = parse_phoenix_actors(phoenix_milnonstate);
    add_entries(&mut actors, &mil, ActorKind::Group, false);

    // UN / U.N. / United Nations: merge acronym entries into their full names.
    merge_acronyms(&mut actors);

    // Places the country blocks list: cities, provinces, regions.
    phoenix_places(
        &mut actors,
        countries,
        &phoenix_country_aliases,
        &demonym_words,
        infl,
        first_names,
    );

    // Overrides: rank 0, merged by id.
    let file = "lexicon-overrides/actors.tsv";
    for (n, line) in data_lines(overrides) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 6 {
            return Err(lex_err(file, n, "expected 6 tab-separated columns"));
        }
        let kind = ActorKind::from_name(cols[1])
            .ok_or_else(|| lex_err(file, n, format!("unknown kind {:?}", cols[1])))?;
        let id = cols[0].to_string();
        if !id.starts_with(&format!("{}:", kind.name())) {
            return Err(lex_err(file, n, "id must start with its kind"));
        }
        let aliases: BTreeSet<String> = cols[5]
            .split('|')
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(String::from)
            .collect();
        let roles: Vec<String> = cols[4]
            .split('|')
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(String::from)
            .collect();
        let row = actors.entry(id.clone()).or_insert_with(|| ActorRow {
            id: id.clone(),
            kind: kind.name().into(),
            ..Default::default()
        });
        row.rank = 0;
        if !cols[2].is_empty() {
            let old = std::mem::replace(&mut row.label, cols[2].to_string());
            if !old.is_empty() && old != row.label {
                row.aliases.insert(old);
            }
        }
        if !cols[3].is_empty() {
            row.country = cols[3].to_string();
        }
        if !roles.is_empty() {
            row.roles = roles;
        }
        row.aliases.extend(aliases);
        let label = row.label.clone();
        row.aliases.remove(&label);
    }

    place_countries(&mut actors, countries, &phoenix_country_aliases);
    resolve_collisions(&mut actors);

    let mut out = String::from("id\tkind\tlabel\tcountry\troles\taliases\n");
    for a in actors.values() {
        let clean = |s: &str| s.replace(['\t', '|', '\n'], " ");
        let aliases: Vec<String> = a.aliases.iter().map(|s| clean(s)).collect();
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\n",
            a.id,
            a.kind,
            clean(&a.label),
            a.country,
            a.roles.join("|"),
            aliases.join("|")
        ));
    }
    Ok(out)
}

/// Adds the places that the Phoenix country blocks list under one country
/// (`+SHENZHEN_` under China) as `location` rows with that country, ranked
/// below every other actor. Skipped: names that are already a name of an
/// actor, names starting with `the`, demonyms, respellings of the country's
/// own name (`+ARGJENTINA_`: same first four letters), names listed under
/// several countries, and one-word names that are ordinary words, given
/// names or surnames of known persons (`+SAVA_`, `+AUSTIN_`, `+LINCOLN_`).
/// Capitals are left to `capitals.tsv`, which reads them as governments when they act.
fn phoenix_places(
    actors: &mut BTreeMap<String, ActorRow>,
    countries: &[Country],
    phoenix_country_aliases: &BTreeMap<String, Vec<String>>,
    demonym_words: &BTreeSet<String>,
    infl: &Inflections,
    first_names: &BTreeSet<String>,
) {
    let mut taken: BTreeSet<String> = BTreeSet::new();
    let mut surnames: BTreeSet<String> = BTreeSet::new();
    for a in actors.values() {
        taken.insert(key(&a.label));
        taken.extend(a.aliases.iter().map(|al| key(al)));
        if a.kind == ActorKind::Person.name() {
            surnames.extend(a.label.split_whitespace().last().map(str::to_lowercase));
        }
    }
    // Capitals stay in `capitals.tsv`: "Moscow said" is the government, not a place.
    for c in countries {
        for cap in &c.capitals {
            taken.insert(key(cap));
            taken.insert(key(cap.trim_end_matches(" D.C.").trim_end_matches(", D.C.")));
        }
    }
    let own_name: BTreeMap<&str, String> = countries
        .iter()
        .map(|c| (c.cca3.as_str(), c.common.to_lowercase().chars().take(4).collect()))
        .collect();
    let mut places: BTreeMap<String, (Vec<String>, BTreeSet<String>)> = BTreeMap::new();
    for (code, raws) in phoenix_country_aliases {
        for raw in raws {
            let words = phoenix_words(raw);
            let k = key(&words.join(" "));
            let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
            let plain = words.iter().all(|w| {
                w.chars()
                    .all(|c| c.is_ascii_alphabetic() || matches!(c, '-' | '\'' | '.'))
                    && w.chars().any(|c| c.is_ascii_alphabetic())
            });
            let one_word_common = lower.len() == 1
                && (infl.known.contains(&lower[0])
                    || first_names.contains(&lower[0])
                    || surnames.contains(&lower[0])
                    || lower[0].len() < 4);
            let respelling = own_name
                .get(code.as_str())
                .is_some_and(|n| k.starts_with(n.as_str()));
            if words.is_empty()
                || words.len() > 4
                || !plain
                || raw.contains(['(', ','])
                || lower[0] == "the"
                || taken.contains(&k)
                || (lower.len() == 1 && demonym_words.contains(&lower[0]))
                || one_word_common
                || respelling
                || lower
                    .iter()
                    .all(|w| infl.known.contains(w) || LOWER_PARTICLES.contains(&w.as_str()))
            {
                continue;
            }
            let e = places
                .entry(k)
                .or_insert_with(|| (words.clone(), BTreeSet::new()));
            e.1.insert(code.clone());
        }
    }
    for (words, codes) in places.into_values() {
        let Ok([code]) = <[String; 1]>::try_from(codes.into_iter().collect::<Vec<_>>()) else {
            continue;
        };
        let label = title_case(&words, false, &infl.common);
        let id = format!("location:{}", slug(&label));
        if slug(&label).is_empty() || actors.contains_key(&id) {
            continue;
        }
        actors.insert(
            id.clone(),
            ActorRow {
                id,
                kind: ActorKind::Location.name().into(),
                label,
                country: code,
                roles: vec![],
                aliases: BTreeSet::new(),
                rank: 5,
            },
        );
    }
}

/// Gives a location without a country the country it lies in: the country
/// block of the Phoenix dictionary that lists it (`+ALASKA_` under the United
/// States, `+BEIJING_` under China) or the country it is the capital of. A
/// name listed under several countries stays without one.
fn place_countries(
    actors: &mut BTreeMap<String, ActorRow>,
    countries: &[Country],
    phoenix_country_aliases: &BTreeMap<String, Vec<String>>,
) {
    let mut within: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (code, raws) in phoenix_country_aliases {
        for raw in raws {
            let words = phoenix_words(raw);
            if words.is_empty() || raw.contains(['(', ',']) {
                continue;
            }
            within
                .entry(key(&words.join(" ")))
                .or_default()
                .insert(code.clone());
        }
    }
    for c in countries {
        for cap in &c.capitals {
            within.entry(key(cap)).or_default().insert(c.cca3.clone());
        }
    }
    for a in actors.values_mut() {
        if a.kind != ActorKind::Location.name() || !a.country.is_empty() {
            continue;
        }
        let codes: BTreeSet<&String> = std::iter::once(&a.label)
            .chain(&a.aliases)
            .filter_map(|n| within.get(&key(n)))
            .flatten()
            .collect();
        if let [code] = codes.into_iter().collect::<Vec<_>>()[..] {
            a.country = code.clone();
        }
    }
}

/// Last words that make an entry a generic description, not a name.
const GENERIC_HEADS: &[&str] = &[
    "envoy",
    "peacekeeper",
    "monitor",
    "resident",
    "official",
    "spokesman",
    "spokeswoman",
    "representative",
    "minister",
    "secretary",
    "president",
    "chief",
    "head",
    "leader",
    "member",
    "delegate",
    "delegation",
    "staff",
    "worker",
    "body",
    "observer",
    "inspector",
    "expert",
    "personnel",
    "troop",
    "soldier",
    "source",
    "mission",
    "aide",
    "adviser",
    "advisor",
    "general",
    "commander",
    "director",
    "ambassador",
    "diplomat",
    "militant",
    "rebel",
    "fighter",
    "gunman",
    "operative",
    "affiliated",
    "offshoot",
    "linked",
    "supporter",
    "sympathizer",
    "cell",
    "think",
    "tank",
    "officer",
    "agent",
];

/// Merges organizations whose label (or an alias) is the initialism of
/// another organization with the same CAMEO-derived key, e.g. `UN` and `U.N.`
/// into `United Nations`.
fn merge_acronyms(actors: &mut BTreeMap<String, ActorRow>) {
    let full: BTreeMap<String, String> = actors
        .values()
        .filter(|a| a.kind == "organization" || a.kind == "group")
        .filter(|a| a.label.split_whitespace().count() >= 2)
        .flat_map(|a| {
            initialisms(&a.label)
                .into_iter()
                .take(1)
                .map(move |i| (i, a.id.clone()))
        })
        .fold(
            BTreeMap::new(),
            |mut m: BTreeMap<String, Vec<String>>, (i, id)| {
                m.entry(i).or_default().push(id);
                m
            },
        )
        .into_iter()
        .filter(|(_, ids)| ids.len() == 1)
        .map(|(i, ids)| (i, ids[0].clone()))
        .collect();
    let short: Vec<(String, String)> = actors
        .values()
        .filter(|a| a.kind == "organization" || a.kind == "group")
        .filter(|a| !a.label.contains(' '))
        .filter_map(|a| {
            let p = plain_letters(&a.label);
            full.get(&p)
                .filter(|target| **target != a.id)
                .map(|t| (a.id.clone(), t.clone()))
        })
        .collect();
    for (from, to) in short {
        if let Some(src) = actors.remove(&from) {
            if let Some(dst) = actors.get_mut(&to) {
                dst.aliases.insert(src.label);
                dst.aliases.extend(src.aliases);
                let l = dst.label.clone();
                dst.aliases.remove(&l);
            }
        }
    }
}

/// Gives each alias to one actor (see the module doc) and drops actors whose
/// label belongs to a higher-ranked actor.
fn resolve_collisions(actors: &mut BTreeMap<String, ActorRow>) {
    // Labels of higher-ranked actors win over lower-ranked duplicates.
    let mut label_owner: BTreeMap<String, (u8, String)> = BTreeMap::new();
    for a in actors.values() {
        let k = key(&a.label);
        let cand = (a.rank, a.id.clone());
        let e = label_owner.entry(k).or_insert(cand.clone());
        if cand < *e {
            *e = cand;
        }
    }
    let mut drop_ids = BTreeSet::new();
    for a in actors.values() {
        if let Some((rank, owner)) = label_owner.get(&key(&a.label)) {
            if *owner != a.id && *rank < a.rank {
                drop_ids.insert(a.id.clone());
            }
        }
        // A label equal to a rank-0/1 alias of someone else: drop (ISIL).
    }
    let mut alias_cands: BTreeMap<String, Vec<(u8, String)>> = BTreeMap::new();
    for a in actors.values() {
        for al in &a.aliases {
            alias_cands
                .entry(key(al))
                .or_default()
                .push((a.rank, a.id.clone()));
        }
    }
    for a in actors.values() {
        if a.rank >= 2 {
            if let Some(c) = alias_cands.get(&key(&a.label)) {
                if c.iter().any(|(r, id)| *r < 2 && *r < a.rank && *id != a.id) {
                    drop_ids.insert(a.id.clone());
                }
            }
        }
    }
    for id in &drop_ids {
        actors.remove(id);
    }
    // Alias winners.
    let mut winner: BTreeMap<String, Option<String>> = BTreeMap::new();
    for (k, cands) in alias_cands {
        let cands: Vec<(u8, String)> = cands
            .into_iter()
            .filter(|(_, id)| !drop_ids.contains(id))
            .collect();
        if let Some((_, owner)) = label_owner.get(&k) {
            if actors.contains_key(owner) {
                winner.insert(k, Some(owner.clone()));
                continue;
            }
        }
        let best = cands.iter().map(|c| c.0).min();
        let top: BTreeSet<&String> = cands.iter().filter(|c| Some(c.0) == best).map(|c| &c.1).collect();
        winner.insert(
            k,
            if top.len() == 1 {
                top.into_iter().next().cloned()
            } else {
                None
            },
        );
    }
    for a in actors.values_mut() {
        let id = a.id.clone();
        a.aliases.retain(|al| {
            winner
                .get(&key(al))
                .map(|w| w.as_deref() == Some(&id))
                .unwrap_or(false)
        });
    }
}

// ---------------------------------------------------------------- agents

/// Head nouns of collectives: `group` even in the singular.
const COLLECTIVE: &[&str] = &[
    "police",
    "army",
    "government",
    "military",
    "opposition",
    "militia",
    "ministry",
    "cabinet",
    "parliament",
    "council",
    "committee",
    "administration",
    "regime",
    "party",
    "movement",
    "front",
    "group",
    "organization",
    "organisation",
    "union",
    "navy",
    "guard",
    "brigade",
    "battalion",
    "junta",
    "legislature",
    "congress",
    "senate",
    "assembly",
    "authority",
    "authorities",
    "agency",
    "command",
    "alliance",
    "coalition",
    "community",
    "media",
    "press",
    "clergy",
    "personnel",
    "faction",
    "network",
    "tribe",
    "clan",
    "population",
    "youth",
    "force",
    "forces",
    "troops",
    "public",
    "people",
    "opposition",
    "leadership",
    "junta",
    "crowd",
    "mob",
    "gang",
    "cartel",
    "insurgency",
    "resistance",
    "diaspora",
    "delegation",
    "court",
    "judiciary",
    "establishment",
    "department",
    "office",
    "service",
    "services",
    "commission",
    "team",
    "unit",
    "corps",
    "infantry",
    "artillery",
    "squad",
    "contingent",
    "garrison",
    "regiment",
    "division",
    "intelligence",
    "staff",
    "workforce",
    "electorate",
    "citizenry",
    "peasantry",
    "militia",
];

/// Head nouns (singular) denoting a person, beyond the suffix rules.
const PERSON_HEADS: &[&str] = &[
    "chief",
    "general",
    "king",
    "queen",
    "prince",
    "princess",
    "official",
    "envoy",
    "head",
    "monk",
    "priest",
    "imam",
    "judge",
    "colonel",
    "captain",
    "major",
    "marshal",
    "admiral",
    "sheikh",
    "emir",
    "sultan",
    "deputy",
    "delegate",
    "aide",
    "ally",
    "bishop",
    "pope",
    "cardinal",
    "rabbi",
    "mullah",
    "ayatollah",
    "cleric",
    "guerrilla",
    "rebel",
    "criminal",
    "thief",
    "spy",
    "chef",
    "child",
    "boy",
    "girl",
    "youth",
    "nun",
    "monarch",
    "tyrant",
    "dictator",
    "despot",
    "lieutenant",
    "sergeant",
    "corporal",
    "private",
    "cadet",
    "veteran",
    "hostage",
    "victim",
    "refugee",
    "migrant",
    "immigrant",
    "emigrant",
    "exile",
    "dissident",
    "separatist",
    "extremist",
    "fundamentalist",
    "radical",
    "militant",
    "civilian",
    "native",
    "citizen",
    "national",
    "adult",
    "elder",
    "chieftain",
    "warlord",
    "kingpin",
    "boss",
    "pirate",
    "bandit",
    "thug",
    "assassin",
    "sniper",
    "marine",
    "pilot",
    "guard",
    "clerk",
    "aide-de-camp",
    "staffer",
    "apparatchik",
    "bureaucrat",
    "technocrat",
    "diplomat",
    "democrat",
    "republican",
    "liberal",
    "conservative",
    "socialist",
    "communist",
    "nationalist",
    "islamist",
    "jihadist",
    "salafi",
    "mujahid",
    "mujahideen",
    "taliban",
    "cadre",
    "recruit",
    "conscript",
    "mercenary",
    "jurist",
    "attorney",
    "lawyer",
    "counsel",
    "nominee",
    "appointee",
    "incumbent",
    "heir",
    "successor",
    "predecessor",
    "candidate",
    "hopeful",
    "activist",
    "student",
    "doctor",
    "nurse",
    "surgeon",
    "physician",
    "academic",
    "scholar",
    "expert",
    "analyst",
    "economist",
    "scientist",
    "journalist",
    "reporter",
    "editor",
    "correspondent",
    "blogger",
    "poet",
    "writer",
    "artist",
    "athlete",
    "coach",
    "president",
    "minister",
    "secretary",
    "premier",
    "chancellor",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "ambassador",
    "representative",
    "governor",
    "mayor",
    "senator",
    "lawmaker",
    "legislator",
    "politician",
    "leader",
    "commander",
    "officer",
    "soldier",
    "trooper",
    "fighter",
    "insurgent",
    "terrorist",
    "gunman",
    "protester",
    "protestor",
    "demonstrator",
    "rioter",
    "striker",
    "worker",
    "employee",
    "farmer",
    "peasant",
    "businessman",
    "executive",
    "investor",
    "trader",
    "merchant",
    "banker",
    "entrepreneur",
    "tycoon",
    "magnate",
    "agent",
    "operative",
    "informant",
    "detective",
    "inspector",
    "investigator",
    "prosecutor",
    "magistrate",
    "sheriff",
    "constable",
    "policeman",
    "policewoman",
    "patrolman",
    "ranger",
    "warden",
    "jailer",
    "prisoner",
    "detainee",
    "inmate",
    "convict",
    "suspect",
    "defendant",
    "accused",
    "plaintiff",
    "witness",
    "settler",
    "villager",
    "resident",
    "inhabitant",
    "tribesman",
    "nomad",
    "herder",
    "fisherman",
    "believer",
    "worshipper",
    "pilgrim",
    "missionary",
    "preacher",
    "pastor",
    "minister",
    "deacon",
    "hajji",
    "ulema",
    "mufti",
    "sheik",
    "khan",
    "emissary",
    "negotiator",
    "mediator",
    "observer",
    "monitor",
    "peacekeeper",
    "volunteer",
    "member",
    "supporter",
    "sympathizer",
    "loyalist",
    "partisan",
    "follower",
    "adherent",
    "backer",
    "opponent",
    "critic",
    "rival",
    "dissenter",
    "adviser",
    "advisor",
    "counselor",
    "consultant",
    "strategist",
    "planner",
    "director",
    "manager",
    "administrator",
    "chairman",
    "chairwoman",
    "chairperson",
    "chair",
    "founder",
    "commissioner",
    "auditor",
    "regulator",
    "overseer",
    "superintendent",
    "steward",
    "vizier",
];

/// Head nouns that are never people or collectives (weapons, places).
const NOT_AGENT_HEADS: &[&str] = &[
    "missile",
    "warplane",
    "plane",
    "aircraft",
    "helicopter",
    "tank",
    "tanker",
    "carrier",
    "reactor",
    "sector",
    "center",
    "centre",
    "border",
    "tower",
    "plant",
    "restaurant",
    "hospital",
    "building",
    "embassy",
    "palace",
    "post",
    "district",
    "station",
    "headquarter",
    "headquarters",
    "school",
    "university",
    "college",
    "firm",
    "company",
    "corporation",
    "bank",
    "computer",
    "weapon",
    "bomb",
    "rocket",
    "launcher",
    "ship",
    "vessel",
    "submarine",
    "frigate",
    "destroyer",
    "cruiser",
    "jet",
    "fighter-bomber",
    "bomber",
    "drone",
    "vehicle",
    "truck",
    "car",
    "gun",
    "rifle",
    "law",
    "treaty",
    "letter",
    "paper",
    "newspaper",
    "water",
    "power",
    "order",
    "chamber",
    "number",
    "liner",
    "transporter",
    "trailer",
    "container",
    "cutter",
    "scanner",
    "counter",
    "radar",
    "shelter",
    "theater",
    "theatre",
    "cluster",
    "meter",
    "register",
    "quarter",
    "matter",
];

fn is_person_noun(head: &str) -> bool {
    if NOT_AGENT_HEADS.contains(&head) {
        return false;
    }
    if PERSON_HEADS.contains(&head) {
        return true;
    }
    [
        "man", "woman", "person", "ist", "ian", "ant", "ee", "eer", "ier", "ary", "crat", "naut", "ter",
        "der", "ker", "ler", "ner", "ser", "ver", "ger", "per", "rer", "tor", "sor", "nor",
    ]
    .iter()
    .any(|s| head.ends_with(s) && head.len() > s.len() + 2)
}

/// Prepositions that end the head part of a role phrase (`minister of X`).
const PREPS: &[&str] = &["of", "for", "in", "on", "at", "to", "from", "with"];

/// `agents.tsv` from Phoenix.agents.txt plus the overrides: singular and
/// plural rows for each role noun whose head denotes a person or collective.
pub fn agents_tsv(agents: &str, overrides: &str, infl: &Inflections) -> Result<String> {
    let file = "Phoenix.agents.txt";
    let mut subs: BTreeMap<String, Vec<String>> = BTreeMap::new();
    // (phrase, number) -> (kind, role)
    let mut rows: BTreeMap<(String, String), (String, String)> = BTreeMap::new();
    let mut seen_order: Vec<(String, String)> = Vec::new();
    for (n, raw) in agents.lines().enumerate() {
        let line = strip_comment(raw);
        if line.is_empty() {
            continue;
        }
        if line.starts_with('!') && line.contains('=') && !line.contains('[') {
            let (name, vals) = line
                .split_once('=')
                .ok_or_else(|| lex_err(file, n + 1, "bad substitution set"))?;
            subs.insert(
                name.trim().to_string(),
                vals.split(',').map(|v| v.trim().to_string()).collect(),
            );
            continue;
        }
        let Some(open) = line.find('[') else {
            continue;
        };
        let mut body = line[..open].trim().to_string();
        let mut explicit_pl: Option<Vec<String>> = None;
        if let (Some(b0), Some(b1)) = (body.find('{'), body.find('}')) {
            if b0 < b1 {
                explicit_pl = Some(
                    body[b0 + 1..b1]
                        .split_whitespace()
                        .map(|w| phoenix_words(w).join(" ").to_lowercase())
                        .collect(),
                );
                body = format!("{}{}", &body[..b0], &body[b1 + 1..]).trim().to_string();
            }
        }
        // Expand substitution sets (only at word ends: AD!MINIST!RATIVE is junk).
        let mut variants = vec![body.clone()];
        for (name, vals) in &subs {
            let mut next = Vec::new();
            for v in &variants {
                if let Some(p) = v.find(name.as_str()) {
                    let after = &v[p + name.len()..];
                    if after.chars().next().map(|c| c.is_alphabetic()).unwrap_or(false) {
                        continue;
                    }
                    for val in vals {
                        next.push(format!("{}{}{}", &v[..p], val, after));
                    }
                } else {
                    next.push(v.clone());
                }
            }
            variants = next;
        }
        for v in variants {
            if v.contains(['!', '$', '%', '^', '&', '(', ',', '.']) || v.chars().any(|c| c.is_ascii_digit()) {
                continue;
            }
            if !v.is_ascii() {
                continue;
            }
            let words: Vec<String> = phoenix_words(&v).iter().map(|w| w.to_lowercase()).collect();
            if words.is_empty() || words.len() > 4 {
                continue;
            }
            let hpos = words
                .iter()
                .position(|w| PREPS.contains(&w.as_str()))
                .unwrap_or(words.len());
            if hpos == 0 {
                continue;
            }
            let head = &words[hpos - 1];
            if !infl.known.contains(head) {
                continue; // stems like MINIST
            }
            let (head_sg, is_pl) = match infl.plural_lemma.get(head) {
                Some(l) => (l.clone(), true),
                None => (head.clone(), false),
            };
            let collective = COLLECTIVE.contains(&head_sg.as_str()) || COLLECTIVE.contains(&head.as_str());
            let person = is_person_noun(&head_sg);
            if !collective && !person {
                continue;
            }
            let phrase = words.join(" ");
            let role_of = |p: &str| title_case(&phoenix_words(&p.replace(' ', "_")), false, &infl.common);
            let mut add = |phrase: String, number: &str, kind: &str| {
                let k = (phrase.clone(), number.to_string());
                if !rows.contains_key(&k) {
                    rows.insert(k.clone(), (kind.to_string(), role_of(&phrase)));
                    seen_order.push(k);
                }
            };
            if is_pl {
                add(phrase, "pl", "group");
                continue;
            }
            let kind_sg = if collective { "group" } else { "person" };
            add(phrase.clone(), "sg", kind_sg);
            let plurals: Vec<String> = match &explicit_pl {
                Some(p) => p.clone(),
                None => {
                    let pl = infl.plural(head);
                    let mut w = words.clone();
                    w[hpos - 1] = pl;
                    vec![w.join(" ")]
                }
            };
            for p in plurals {
                if p != phrase && !p.is_empty() {
                    add(p, "pl", "group");
                }
            }
        }
    }
    let ofile = "lexicon-overrides/agents.tsv";
    for (n, line) in data_lines(overrides) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 4 || !["sg", "pl"].contains(&cols[1]) || !["person", "group"].contains(&cols[2]) {
            return Err(lex_err(
                ofile,
                n,
                "expected: phrase<TAB>sg|pl<TAB>person|group<TAB>role",
            ));
        }
        rows.insert(
            (cols[0].to_lowercase(), cols[1].to_string()),
            (cols[2].to_string(), cols[3].to_string()),
        );
    }
    let mut out = String::from("phrase\tnumber\tkind\trole\n");
    for ((p, num), (kind, role)) in rows {
        out.push_str(&format!("{p}\t{num}\t{kind}\t{role}\n"));
    }
    Ok(out)
}

// ---------------------------------------------------------------- first names

/// Given names that are ordinary English words and would fire on prose.
const NAME_STOPLIST: &[&str] = &[
    "will",
    "may",
    "june",
    "april",
    "august",
    "art",
    "bill",
    "guy",
    "joy",
    "hope",
    "faith",
    "grace",
    "long",
    "young",
    "case",
    "major",
    "sunny",
    "summer",
    "chance",
    "price",
    "king",
    "royal",
    "lane",
    "else",
    "page",
    "miles",
    "don",
    "sale",
    "rich",
    "see",
    "an",
    "in",
    "ok",
    "love",
    "gay",
    "pat",
    "rob",
    "sue",
    "dean",
    "chase",
    "ray",
    "jack",
    "penny",
    "gene",
    "frank",
    "earl",
    "lord",
    "major",
    "marshal",
    "sterling",
    "mercy",
    "rusty",
    "cash",
    "dusty",
    "merry",
    "honey",
    "precious",
    "star",
    "ruby",
    "crystal",
    "amber",
    "ivory",
    "violet",
    "iris",
    "christian",
    "general",
    "junior",
    "deputy",
    "doctor",
    "pastor",
    "judge",
];

/// `first_names.txt`: census names up to a cumulative 90% per sex, Title Case,
/// minus the stoplist. Census lines are `NAME freq cumfreq rank`.
pub fn first_names_txt(male: &str, female: &str) -> Result<String> {
    let mut names = BTreeSet::new();
    for (file, text) in [("dist.male.first", male), ("dist.female.first", female)] {
        for (n, line) in text.lines().enumerate() {
            let line = strip_comment(line);
            if line.is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split_whitespace().collect();
            if cols.len() != 4 {
                return Err(lex_err(file, n + 1, "expected: NAME freq cumfreq rank"));
            }
            let cum: f64 = cols[2]
                .parse()
                .map_err(|_| lex_err(file, n + 1, "bad cumulative frequency"))?;
            if cum > 90.0 {
                break;
            }
            let lower = cols[0].to_lowercase();
            if NAME_STOPLIST.contains(&lower.as_str()) || lower.len() < 2 {
                continue;
            }
            names.insert(cap_part(cols[0]));
        }
    }
    let mut out = String::from("name\n");
    for n in names {
        out.push_str(&n);
        out.push('\n');
    }
    Ok(out)
}

// ---------------------------------------------------------------- triggers

/// The CAMEO-to-PLOVER table: code -> (category, mode).
pub fn parse_cameo2plover(text: &str) -> Result<BTreeMap<String, (String, String)>> {
    let mut out = BTreeMap::new();
    for (n, raw) in text.lines().enumerate() {
        let line = strip_comment(raw);
        if line.is_empty() || line.starts_with('~') {
            continue;
        }
        let Some((code, rest)) = line.split_once(':') else {
            return Err(lex_err(
                "CAMEO2PLOVER",
                n + 1,
                "expected CODE: CATEGORY, mode, context",
            ));
        };
        let code = code.trim();
        if !code.chars().all(|c| c.is_ascii_digit()) {
            return Err(lex_err("CAMEO2PLOVER", n + 1, "code must be digits"));
        }
        let mut parts = rest.split(',');
        let cat = parts.next().unwrap_or("").trim().to_string();
        let mode = parts.next().unwrap_or("").trim().to_string();
        if cat.is_empty() {
            continue;
        }
        out.entry(code.to_string()).or_insert((cat, mode));
    }
    Ok(out)
}

/// The relation key for a CAMEO code, via the PLOVER table (longest prefix).
pub fn relation_for(code: &str, table: &BTreeMap<String, (String, String)>) -> Option<&'static str> {
    let (cat, _) = (1..=code.len()).rev().find_map(|l| table.get(&code[..l]))?;
    Some(match cat.as_str() {
        "AGREE" => "agreed_with",
        "CONSULT" if code.starts_with("046") => "negotiated_with",
        "CONSULT" if code.starts_with("042") || code.starts_with("043") => "consulted",
        "CONSULT" => "met_with",
        "SUPPORT" => "supports",
        "COOPERATE" => "cooperates_with",
        "AID" => "aids",
        "CONCEDE" => "concedes_to",
        "RETREAT" => "retreats_from",
        "ACCUSE" | "INVESTIGATE" | "DISAPPROVE" if code.starts_with("09") => "investigates",
        "ACCUSE" | "DISAPPROVE" if code.starts_with("112") => "accuses",
        "ACCUSE" | "DISAPPROVE" => "criticizes",
        "REQUEST" | "DEMAND" => "demands",
        "REJECT" => "rejects",
        "THREATEN" => "threatens",
        "PROTEST" => "protests_against",
        "CRIME" => "crime_against",
        "SANCTION" => "sanctions",
        "MOBILIZE" => "mobilizes_against",
        "COERCE" => "coerces",
        "ASSAULT" => "attacks",
        "FIGHT" => "fights",
        _ => return None,
    })
}

/// Common, ambiguous verbs never used as single-word triggers, plus CAMEO
/// entries that are poor triggers in news prose.
const STOP_VERBS: &[&str] = &[
    "be",
    "have",
    "do",
    "say",
    "go",
    "get",
    "make",
    "know",
    "think",
    "take",
    "see",
    "come",
    "want",
    "look",
    "use",
    "find",
    "give",
    "tell",
    "work",
    "call",
    "try",
    "ask",
    "need",
    "feel",
    "become",
    "leave",
    "put",
    "mean",
    "keep",
    "let",
    "begin",
    "seem",
    "talk",
    "turn",
    "start",
    "show",
    "hear",
    "play",
    "run",
    "move",
    "like",
    "live",
    "believe",
    "hold",
    "bring",
    "happen",
    "write",
    "provide",
    "sit",
    "stand",
    "lose",
    "pay",
    "include",
    "continue",
    "set",
    "learn",
    "change",
    "lead",
    "understand",
    "watch",
    "follow",
    "stop",
    "create",
    "speak",
    "read",
    "allow",
    "add",
    "spend",
    "grow",
    "open",
    "walk",
    "win",
    "offer",
    "remember",
    "love",
    "consider",
    "appear",
    "buy",
    "wait",
    "serve",
    "die",
    "send",
    "expect",
    "build",
    "stay",
    "fall",
    "cut",
    "reach",
    "remain",
    "suggest",
    "raise",
    "pass",
    "sell",
    "require",
    "report",
    "decide",
    "pull",
    "return",
    "explain",
    "hope",
    "develop",
    "carry",
    "break",
    "receive",
    "agree",
    "face",
    "brave",
    "encounter",
    "match",
    "pit",
    "kick",
    "hammer",
    "interact",
    "confront",
    "press",
    "push",
    "touch",
    "drop",
    "close",
    "end",
    "cover",
    "note",
    "point",
    "mark",
    "lift",
    "place",
    "post",
    "fire",
    "shoot",
    "hit",
    "strike",
    "address",
    "express",
    "state",
    "issue",
    "announce",
    "claim",
    "answer",
    "act",
    "deal",
    "stage",
    "host",
    "draw",
    "pick",
    "form",
    "fix",
    "treat",
    "handle",
    "manage",
    "check",
    "test",
    "view",
    "plan",
    "prepare",
    "join",
    "share",
    "voice",
    "cite",
    "release",
    "free",
    "seek",
    "demand",
    "request",
    "urge",
    "appeal",
    "signal",
    "promise",
    "pledge",
    "vow",
    "warn",
    "declare",
    "insist",
    "maintain",
    "admit",
    "accept",
    "approve",
    "welcome",
    "praise",
    "thank",
    "advertise",
    "advertize",
    "promote",
    "contact",
    "engage",
    "quarrel",
    "duel",
    "grapple",
    "clobber",
    "pummel",
    "altercate",
    "siege",
    "combat",
    "conflict",
    "battle",
    "clash",
    "fight",
    "square",
    "wage",
    "blitz",
    "bludgeon",
];

/// Trailing words that make a multi-word phrase incomplete.
const BAD_TAIL: &[&str] = &["and", "or", "the", "a", "an", "but", "that", "of"];

/// One parsed CAMEO verb with its code and inline irregular forms.
#[derive(Debug, Clone)]
struct CameoVerb {
    words: Vec<String>,
    forms: Vec<Vec<String>>,
    code: String,
}

fn cameo_code(s: &str) -> Option<String> {
    let open = s.find('[')?;
    let close = s[open..].find(']')? + open;
    let inner = s[open + 1..close].trim();
    let first = inner.split(':').next().unwrap_or("").trim();
    if first.is_empty() || first.starts_with('-') || !first.chars().all(|c| c.is_ascii_digit()) {
        None
    } else {
        Some(first.to_string())
    }
}

fn lower_words(s: &str) -> Vec<String> {
    phoenix_words(s.trim_start_matches('+'))
        .into_iter()
        .map(|w| w.to_lowercase())
        .collect()
}

/// `triggers.tsv` from the CAMEO verb dictionary, mapped to relation keys
/// through the CAMEO-to-PLOVER table, plus the hand-written overrides (which
/// win for the same phrase).
pub fn triggers_tsv(
    cameo: &str,
    plover: &BTreeMap<String, (String, String)>,
    overrides: &str,
    stoplist: &str,
    infl: &Inflections,
) -> Result<String> {
    // Hand-curated lemmas that are never single-word triggers (whitespace-separated, `#` comments).
    let stop: BTreeSet<&str> = stoplist
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .flat_map(str::split_whitespace)
        .collect();
    let file = "CAMEO.2.0.txt";
    let mut synsets: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut cur_syn: Option<String> = None;
    let mut block_code: Option<String> = None;
    let mut in_block = false;
    let mut verbs: Vec<CameoVerb> = Vec::new();
    let mut block_verbs: Vec<usize> = Vec::new();
    // (phrase, relation, form, code)
    let mut rows: BTreeMap<String, BTreeSet<(String, String, String)>> = BTreeMap::new();
    let mut patterns: Vec<(usize, String, String)> = Vec::new(); // (verb idx, pattern, code)
    for (n, raw) in cameo.lines().enumerate() {
        let comment = raw.split_once('#').map(|(_, c)| c.trim()).unwrap_or("");
        let line = strip_comment(raw);
        if line.is_empty() {
            cur_syn = None;
            continue;
        }
        if line.starts_with('~') {
            // Transformation rules: not used.
            continue;
        }
        if line.starts_with("---") {
            let code = cameo_code(line);
            block_code = code;
            in_block = true;
            block_verbs.clear();
            cur_syn = None;
            continue;
        }
        if let Some(name) = line.strip_prefix('&') {
            if !in_block {
                cur_syn = Some(name.trim().trim_end_matches('_').to_string());
                continue;
            }
        }
        if !in_block {
            if let (Some(s), Some(w)) = (&cur_syn, line.strip_prefix('+')) {
                synsets.entry(s.clone()).or_default().push(w.trim().to_string());
            }
            continue;
        }
        if let Some(pat) = line.strip_prefix('-') {
            let Some(code) = cameo_code(pat) else {
                continue;
            };
            let verb = comment
                .split([',', ' '])
                .next()
                .unwrap_or("")
                .trim()
                .to_lowercase();
            let body = pat.split('[').next().unwrap_or("").trim().to_string();
            if let Some(&vi) = block_verbs
                .iter()
                .find(|&&vi| verbs[vi].words.join("_") == verb.replace(' ', "_"))
            {
                patterns.push((vi, body, code));
            }
            continue;
        }
        // A verb line.
        let (head, rest) = match line.find(['{', '[']) {
            Some(p) => (line[..p].trim(), &line[p..]),
            None => (line, ""),
        };
        if head.is_empty() || head.contains(char::is_whitespace) && !head.starts_with('+') {
            return Err(lex_err(file, n + 1, format!("unexpected verb line {line:?}")));
        }
        let forms: Vec<Vec<String>> = match (rest.find('{'), rest.find('}')) {
            (Some(a), Some(b)) if a < b => rest[a + 1..b].split_whitespace().map(lower_words).collect(),
            _ => vec![],
        };
        let explicit_empty = rest.contains("{}") || rest.contains("{ }");
        let code = cameo_code(rest).or_else(|| block_code.clone());
        let words = lower_words(head);
        if words.is_empty() {
            continue;
        }
        verbs.push(CameoVerb {
            words,
            forms: if explicit_empty { vec![vec![]] } else { forms },
            code: code.unwrap_or_default(),
        });
        block_verbs.push(verbs.len() - 1);
    }

    let form_rows = |v: &CameoVerb| -> Vec<(String, &'static str)> {
        let first = &v.words[0];
        let tail = v.words[1..].join(" ");
        let join = |w: &str| {
            if tail.is_empty() {
                w.to_string()
            } else {
                format!("{w} {tail}")
            }
        };
        if v.forms.len() == 1 && v.forms[0].is_empty() {
            // `{}`: the phrase is used as written only.
            let form = if infl.verbs.contains_key(first) {
                "inf"
            } else if first.ends_with("ed") {
                "past"
            } else {
                "inf"
            };
            return vec![(v.words.join(" "), form)];
        }
        let f = if infl.verbs.contains_key(first) || v.forms.is_empty() {
            infl.verb(first)
        } else {
            // Classify the explicit forms.
            let mut f = infl.verb(first);
            for form in &v.forms {
                if let Some(w) = form.first() {
                    if w.ends_with("ing") {
                        f.ger = w.clone();
                    } else if w.ends_with('s') && w.starts_with(&first[..first.len().min(3)]) {
                        f.s3 = w.clone();
                    } else {
                        f.past = w.clone();
                        f.pastpart = w.clone();
                    }
                }
            }
            f
        };
        vec![
            (join(first), "inf"),
            (join(&f.s3), "3sg"),
            (join(&f.past), "past"),
            (join(&f.pastpart), "pastpart"),
            (join(&f.ger), "ger"),
        ]
    };

    let add = |rows: &mut BTreeMap<String, BTreeSet<(String, String, String)>>,
               phrase: String,
               rel: &str,
               form: &str,
               code: &str| {
        let words: Vec<&str> = phrase.split_whitespace().collect();
        if words.is_empty()
            || words.last().map(|w| BAD_TAIL.contains(w)).unwrap_or(true)
            || phrase
                .chars()
                .any(|c| !(c.is_ascii_lowercase() || c == ' ' || c == '-' || c == '\''))
        {
            return;
        }
        rows.entry(words.join(" ")).or_default().insert((
            rel.to_string(),
            form.to_string(),
            code.to_string(),
        ));
    };

    for v in &verbs {
        let Some(rel) = relation_for(&v.code, plover) else {
            continue;
        };
        if v.words.len() == 1
            && (STOP_VERBS.contains(&v.words[0].as_str()) || stop.contains(v.words[0].as_str()))
        {
            continue;
        }
        for (p, form) in form_rows(v) {
            add(&mut rows, p, rel, form, &v.code);
        }
    }
    for (vi, body, code) in &patterns {
        let v = &verbs[*vi];
        let Some(rel) = relation_for(code, plover) else {
            continue;
        };
        if body.contains(['$', '+', '%', '^', '|', '/', '<', '>']) {
            continue;
        }
        let toks: Vec<&str> = body.split_whitespace().collect();
        let Some(star) = toks.iter().position(|t| *t == "*") else {
            continue;
        };
        // Expand one plain `&SYNSET`.
        let mut expansions: Vec<Vec<String>> = vec![vec![]];
        let mut ok = true;
        for (i, t) in toks.iter().enumerate() {
            if i == star {
                for e in &mut expansions {
                    e.push("*".into());
                }
                continue;
            }
            let t = t.trim_matches(['(', ')', '{', '}']);
            if t.is_empty() {
                continue;
            }
            if let Some(s) = t.strip_prefix('&') {
                let Some(vals) = synsets.get(s.trim_end_matches('_')) else {
                    ok = false;
                    break;
                };
                // Only small plain lists: the weapon/currency lists explode.
                if expansions.len() > 1 || vals.len() > 5 || vals.iter().any(|v| v.contains(['&', '$', '+']))
                {
                    ok = false;
                    break;
                }
                let base = expansions.pop().unwrap_or_default();
                for val in vals {
                    let mut e = base.clone();
                    e.extend(lower_words(val));
                    expansions.push(e);
                }
                continue;
            }
            if t.contains(['&', '*', '(', ')', '{', '}']) {
                ok = false;
                break;
            }
            for e in &mut expansions {
                e.extend(lower_words(t));
            }
        }
        if !ok {
            continue;
        }
        for e in expansions {
            let Some(sp) = e.iter().position(|w| w == "*") else {
                continue;
            };
            // Short patterns only: at most three words around the verb.
            if e.len() < 2 || e.len() > 4 {
                continue;
            }
            let pre = e[..sp].join(" ");
            let post = e[sp + 1..].join(" ");
            for (vp, form) in form_rows(v) {
                let phrase = [pre.as_str(), vp.as_str(), post.as_str()]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" ");
                add(&mut rows, phrase, rel, form, code);
            }
        }
    }

    // One relation per phrase: the one with the most rows, ties -> smallest code.
    let mut out_rows: BTreeMap<(String, String), (String, String)> = BTreeMap::new();
    for (phrase, set) in &rows {
        let mut count: BTreeMap<(&str, &str), usize> = BTreeMap::new();
        for (rel, _, code) in set {
            *count.entry((rel.as_str(), code.as_str())).or_default() += 1;
        }
        let mut by_rel: BTreeMap<&str, (usize, &str)> = BTreeMap::new();
        for ((rel, code), c) in count {
            let e = by_rel.entry(rel).or_insert((0, code));
            e.0 += c;
            if code < e.1 {
                e.1 = code;
            }
        }
        let Some((rel, (_, _))) = by_rel
            .iter()
            .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(a.1 .1)))
        else {
            continue;
        };
        for (r, form, code) in set {
            if r == rel {
                out_rows
                    .entry((phrase.clone(), form.clone()))
                    .or_insert((rel.to_string(), code.clone()));
            }
        }
    }
    let ofile = "lexicon-overrides/triggers.tsv";
    let mut overridden: BTreeMap<(String, String), (String, String)> = BTreeMap::new();
    for (n, line) in data_lines(overrides) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 4 {
            return Err(lex_err(
                ofile,
                n,
                "expected: phrase<TAB>relation<TAB>form<TAB>cameo",
            ));
        }
        if !["inf", "3sg", "past", "pastpart", "ger", "noun"].contains(&cols[2]) {
            return Err(lex_err(ofile, n, format!("unknown form {:?}", cols[2])));
        }
        overridden.insert(
            (key(cols[0]), cols[2].to_string()),
            (cols[1].to_string(), cols[3].to_string()),
        );
    }
    let override_phrases: BTreeSet<&String> = overridden.keys().map(|(p, _)| p).collect();
    out_rows.retain(|(p, _), _| !override_phrases.contains(p));
    out_rows.extend(overridden);
    let mut out = String::from("phrase\trelation\tform\tcameo\n");
    for ((phrase, form), (rel, code)) in out_rows {
        out.push_str(&format!("{phrase}\t{rel}\t{form}\t{code}\n"));
    }
    Ok(out)
}

// ---------------------------------------------------------------- IO

/// Where the builder reads from.
#[derive(Debug, Clone)]
pub struct BuildPaths {
    /// `shared/lexicon-sources`.
    pub sources: PathBuf,
    /// The CAMEO2PLOVER table.
    pub plover: PathBuf,
    /// `data/lexicon-overrides` (missing files are empty).
    pub overrides: PathBuf,
    /// `data/lexicon`.
    pub out: PathBuf,
}

fn read(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|source| Error::Input {
        path: path.to_path_buf(),
        source,
    })?;
    if path.extension().map(|e| e == "gz").unwrap_or(false) {
        let mut s = String::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_string(&mut s)
            .map_err(|source| Error::Input {
                path: path.to_path_buf(),
                source,
            })?;
        return Ok(s);
    }
    // Phoenix files are mostly ASCII with a few Latin-1/UTF-8 names.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn read_optional(path: &Path) -> Result<String> {
    if path.exists() {
        read(path)
    } else {
        Ok(String::new())
    }
}

/// Attaches the real path to a parse error raised with a short file name.
fn with_path(e: Error, dir: &Path) -> Error {
    match e {
        Error::Lexicon { path, line, message } => Error::Lexicon {
            path: dir.join(path),
            line,
            message,
        },
        other => other,
    }
}

/// Builds every file with explicit paths.
pub fn build_with(p: &BuildPaths) -> Result<()> {
    let src = |rel: &str| p.sources.join(rel);
    let ph = src("phoenix");
    let infl = parse_inflections(&read(&src("inflections/lemminflect_infl_lu.csv.gz"))?)
        .map_err(|e| with_path(e, &src("inflections")))?;
    let countries = parse_countries(&read(&src("countries/countries.json"))?)
        .map_err(|e| with_path(e, &src("countries")))?;
    let ov = |f: &str| read_optional(&p.overrides.join(f));
    let ov_dir = p.overrides.parent().unwrap_or(Path::new("."));
    let names = first_names_txt(
        &read(&src("census-names/dist.male.first"))?,
        &read(&src("census-names/dist.female.first"))?,
    )
    .map_err(|e| with_path(e, &src("census-names")))?;
    let first_set: BTreeSet<String> = names.lines().skip(1).map(str::to_lowercase).collect();
    let actors = actors_tsv(
        &countries,
        &read(&ph.join("Phoenix.Countries.actors.txt"))?,
        &read(&ph.join("Phoenix.International.actors.txt"))?,
        &read(&ph.join("Phoenix.MilNonState.actors.txt"))?,
        &ov("actors.tsv")?,
        &infl,
        &first_set,
    )
    .map_err(|e| with_path(e, ov_dir))?;
    let demonyms = demonyms_tsv(&countries, &ov("demonyms.tsv")?).map_err(|e| with_path(e, ov_dir))?;
    let capitals = capitals_tsv(&countries);
    let agents = agents_tsv(&read(&ph.join("Phoenix.agents.txt"))?, &ov("agents.tsv")?, &infl)
        .map_err(|e| with_path(e, &ph))?;
    let plover_dir = p.plover.parent().unwrap_or(Path::new("."));
    let plover = parse_cameo2plover(&read(&p.plover)?).map_err(|e| with_path(e, plover_dir))?;
    let triggers = triggers_tsv(
        &read(&ph.join("CAMEO.2.0.txt"))?,
        &plover,
        &ov("triggers.tsv")?,
        &ov("trigger-stoplist.txt")?,
        &infl,
    )
    .map_err(|e| with_path(e, &ph))?;
    std::fs::create_dir_all(&p.out).map_err(|source| Error::Output {
        path: p.out.clone(),
        source,
    })?;
    for (name, content) in [
        ("actors.tsv", actors),
        ("demonyms.tsv", demonyms),
        ("capitals.tsv", capitals),
        ("agents.tsv", agents),
        ("first_names.txt", names),
        ("triggers.tsv", triggers),
        ("common_words.txt", common_words_txt(&infl)),
    ] {
        crate::export::write_atomic(&p.out.join(name), |w| w.write_all(content.as_bytes()))?;
    }
    Ok(())
}

/// `common_words.txt`: every lowercase English word of the inflection table (lemmas and forms),
/// one per line. The recognizer uses it to tell a capitalized ordinary word
/// ("Hidden Nook", "FREE") from a name.
pub fn common_words_txt(infl: &Inflections) -> String {
    let mut out = String::from("word\n");
    // Lemmas and their inflections ("hidden", "talks"), lowercase ASCII words only.
    let words: BTreeSet<&String> = infl.common.iter().chain(infl.known.iter()).collect();
    for w in words {
        if w.chars().all(|c| c.is_ascii_lowercase()) && w.len() > 1 {
            out.push_str(w);
            out.push('\n');
        }
    }
    out
}

/// Reads the sources in `sources_dir` and writes the lexicon files to
/// `out_dir`. The PLOVER table is taken from
/// `sources_dir/../devsets/plover-ontology/CAMEO2PLOVER-2021.txt`, the
/// overrides from `out_dir/../lexicon-overrides/`.
pub fn build(sources_dir: &Path, out_dir: &Path) -> Result<()> {
    let parent = |p: &Path| p.parent().map(Path::to_path_buf).unwrap_or_default();
    build_with(&BuildPaths {
        sources: sources_dir.to_path_buf(),
        plover: parent(sources_dir).join("devsets/plover-ontology/CAMEO2PLOVER-2021.txt"),
        overrides: parent(out_dir).join("lexicon-overrides"),
        out: out_dir.to_path_buf(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const INFL: &str = "# comment\n\nmeet,verb,met,met,meeting,meets\nattack,verb,attacked,,attacking,attacks\nattack,noun,attacks\nrebel,noun,rebels\nminister,noun,ministers\nmay,verb,might,,maying,mays\nbush,noun,bushes\npolice,noun,police\n";

    const COUNTRIES: &str = r#"[
      {"cca3":"RUS","name":{"common":"Russia","official":"Russian Federation"},
       "altSpellings":["RU","Russian Federation"],"capital":["Moscow"],
       "demonyms":{"eng":{"m":"Russian","f":"Russian"}},"independent":true,"unMember":true},
      {"cca3":"SGP","name":{"common":"Singapore","official":"Republic of Singapore"},
       "altSpellings":["SG"],"capital":["Singapore"],
       "demonyms":{"eng":{"m":"Singaporean","f":"Singaporean"}},"independent":true,"unMember":true}
    ]"#;

    const PH_COUNTRIES: &str = "# header comment\n\nRUSSIAN_FEDERATION_  [RUS]\n+RUSSIA_\n+MOSCOW_\n+RUSSIAN\nVLADIMIR_PUTIN_  # note\n+PUTIN_\n+PRESIDENT_VLADIMIR_PUTIN_\n+MAY_\n\t[RUSELI 700101-990809]\n\t[RUSGOV >080508]\n";

    fn infl() -> Inflections {
        parse_inflections(INFL).unwrap()
    }

    fn actors(overrides: &str, ph: &str) -> String {
        let c = parse_countries(COUNTRIES).unwrap();
        actors_tsv(&c, ph, "", "", overrides, &infl(), &BTreeSet::new()).unwrap()
    }

    #[test]
    fn inflections_parse_and_skip_comments() {
        let i = infl();
        assert_eq!(i.verb("meet").past, "met");
        assert_eq!(i.verb("attack").pastpart, "attacked");
        assert_eq!(i.verb("condemn").s3, "condemns");
        assert_eq!(i.plural("rebel"), "rebels");
        assert!(i.common.contains("bush"));
    }

    #[test]
    fn actors_have_countries_persons_and_filtered_aliases() {
        let out = actors("", PH_COUNTRIES);
        assert!(out.starts_with("id\tkind\tlabel\tcountry\troles\taliases\n"));
        assert!(
            out.contains("country:RUS\tcountry\tRussia\tRUS\t\tRussian Federation\n"),
            "{out}"
        );
        assert!(
            out.contains("person:vladimir-putin\tperson\tVladimir Putin\tRUS\t\tPutin\n"),
            "{out}"
        );
        assert!(!out.contains("Moscow"));
        assert!(!out.contains("President"));
    }

    #[test]
    fn places_take_the_country_that_lists_them_or_whose_capital_they_are() {
        let ph =
            format!("{PH_COUNTRIES}\nSINGAPORE_  [SGP]\n+JURONG_\n+KAZAN_\n\nTATARSTAN_ [RUS]\n+KAZAN_\n");
        let ov = "id\tkind\tlabel\tcountry\troles\taliases\n\
                  location:jurong\tlocation\tJurong\t\t\t\n\
                  location:moscow\tlocation\tMoscow\t\t\t\n\
                  location:kazan\tlocation\tKazan\t\t\t\n\
                  location:atlantis\tlocation\tAtlantis\t\t\t\n\
                  location:tatooine\tlocation\tTatooine\tSGP\t\t\n";
        let out = actors(ov, &ph);
        // Listed in a country block; a capital; listed under two countries; unknown; given by hand.
        assert!(out.contains("location:jurong\tlocation\tJurong\tSGP\t"), "{out}");
        assert!(out.contains("location:moscow\tlocation\tMoscow\tRUS\t"), "{out}");
        assert!(out.contains("location:kazan\tlocation\tKazan\t\t"), "{out}");
        assert!(out.contains("location:atlantis\tlocation\tAtlantis\t\t"), "{out}");
        assert!(
            out.contains("location:tatooine\tlocation\tTatooine\tSGP\t"),
            "{out}"
        );
        // The place keeps its own row: it is not made an alias of the country.
        assert!(out.contains("country:SGP\tcountry\tSingapore\tSGP\t"), "{out}");
        assert!(!out.contains("Republic of Singapore|Jurong"), "{out}");
    }

    #[test]
    fn places_of_a_country_block_become_locations() {
        let ph = format!(
            "{PH_COUNTRIES}\nSINGAPORE_  [SGP]\n+CHANGI_\n+SINGAPOUR_\n+SINGAPOREAN_\n+MEET_\n+TANJONG_PAGAR_\n+KAZAN_\n\nTATARSTAN_ [RUS]\n+KAZAN_\n"
        );
        let out = actors("", &ph);
        assert!(out.contains("location:changi\tlocation\tChangi\tSGP\t"), "{out}");
        assert!(
            out.contains("location:tanjong-pagar\tlocation\tTanjong Pagar\tSGP\t"),
            "{out}"
        );
        // A respelling of the country, a demonym, an ordinary word, a name of two countries,
        // a capital: no place.
        for absent in [
            "Singapour",
            "location:singaporean",
            "location:meet",
            "Kazan",
            "location:moscow",
        ] {
            assert!(!out.contains(absent), "{absent}: {out}");
        }
    }

    #[test]
    fn output_is_deterministic() {
        let a = actors("", PH_COUNTRIES);
        let b = actors("", PH_COUNTRIES);
        assert_eq!(a, b);
        let p = parse_cameo2plover("04: CONSULT\n040: CONSULT, ,\n").unwrap();
        let cameo = "---  MEET   [040]  ---\nMEET {MEETS MET MEETING}\n";
        assert_eq!(
            triggers_tsv(cameo, &p, "", "", &infl()).unwrap(),
            triggers_tsv(cameo, &p, "", "", &infl()).unwrap()
        );
    }

    #[test]
    fn source_changes_change_output() {
        let base = actors("", PH_COUNTRIES);
        let more = actors(
            "",
            &PH_COUNTRIES.replace("+PUTIN_\n", "+PUTIN_\n+VLADIMIR_V._PUTIN\n"),
        );
        assert_ne!(base, more);
        assert!(more.contains("Putin|Vladimir V. Putin"), "{more}");
        let ov = "id\tkind\tlabel\tcountry\troles\taliases\n# c\n\ngroup:hamas\tgroup\tHamas\tPSE\t\tIslamic Resistance Movement\n";
        assert!(actors(ov, PH_COUNTRIES)
            .contains("group:hamas\tgroup\tHamas\tPSE\t\tIslamic Resistance Movement\n"));
    }

    #[test]
    fn alias_collisions_prefer_higher_rank_and_drop_person_ties() {
        let ph =
            "ANNA_SMITHSON_\n+SMITHSON_\n\t[RUSGOV >080508]\nBOB_SMITHSON_\n+SMITHSON_\n\t[RUSGOV >080508]\n";
        let out = actors("", ph);
        assert!(
            out.contains("person:anna-smithson\tperson\tAnna Smithson\tRUS\t\t\n"),
            "{out}"
        );
        let ov = "header\ncountry:RUS\tcountry\t\t\t\tSmithson\n";
        let out = actors(ov, ph);
        assert!(
            out.contains("country:RUS\tcountry\tRussia\tRUS\t\tRussian Federation|Smithson\n"),
            "{out}"
        );
    }

    #[test]
    fn demonyms_and_capitals() {
        let c = parse_countries(COUNTRIES).unwrap();
        let d = demonyms_tsv(&c, "form\tcountry\n# c\n\nRusskies\tRUS\n").unwrap();
        assert!(d.contains("Russian\tRUS\nRussians\tRUS\nRusskies\tRUS\n"), "{d}");
        let caps = capitals_tsv(&c);
        assert_eq!(caps, "capital\tcountry\nMoscow\tRUS\n");
    }

    #[test]
    fn agents_generate_plurals_and_kinds() {
        let src = "# comment\n\n!MINIST! = MINISTER, MINISTERS\nREBEL [~REB]\nFOREIGN_!MINIST! [~GOV]\nPOLICE {} [~COP]\nWARPLANE [~MIL]\n";
        let out = agents_tsv(src, "", &infl()).unwrap();
        assert!(out.contains("rebel\tsg\tperson\tRebel\n"), "{out}");
        assert!(out.contains("rebels\tpl\tgroup\tRebels\n"), "{out}");
        assert!(
            out.contains("foreign minister\tsg\tperson\tForeign Minister\n"),
            "{out}"
        );
        assert!(
            out.contains("foreign ministers\tpl\tgroup\tForeign Ministers\n"),
            "{out}"
        );
        assert!(out.contains("police\tsg\tgroup\tPolice\n"), "{out}");
        assert!(!out.contains("warplane"));
    }

    #[test]
    fn first_names_cutoff_and_stoplist() {
        let m = "JOHN 3.0 3.0 1\n\nWILL 1.0 4.0 2\nZEB 0.1 95.0 3\n";
        let out = first_names_txt(m, "MARY 2.0 2.0 1\n").unwrap();
        assert_eq!(out, "name\nJohn\nMary\n");
        assert!(first_names_txt("BAD LINE\n", "").is_err());
    }

    #[test]
    fn triggers_map_codes_and_filter_verbs() {
        let p = parse_cameo2plover(
            "# c\n\n04: CONSULT\n040: CONSULT, ,  # x\n046: CONSULT, , diplomatic\n19: ASSAULT\n",
        )
        .unwrap();
        let cameo = "# top\n&TALK\n+TALKS\n\n---  MEET   [040]  ---\nMEET {MEETS MET MEETING}\nFACE\n+MEET_WITH {+MET_WITH +MEETS_WITH +MEETING_WITH}\n- * &TALK [046] # MEET\n- * CRITICISM [:111] # MEET\n---  ATTACK  [190]  ---\nATTACK # comment\n";
        let out = triggers_tsv(
            cameo,
            &p,
            "phrase\trelation\tform\tcameo\nattack\tattacks\tnoun\t\n",
            "# no\nface\n",
            &infl(),
        )
        .unwrap();
        assert!(out.contains("met\tmet_with\tpast\t040\n"), "{out}");
        assert!(out.contains("met with\tmet_with\tpastpart\t040\n"), "{out}");
        assert!(out.contains("met talks\tnegotiated_with\tpast\t046\n"), "{out}");
        assert!(out.contains("attacked\tattacks\tpast\t190\n"), "{out}");
        assert!(out.contains("attack\tattacks\tnoun\t\n"), "{out}");
        assert!(!out.contains("face"));
        assert!(!out.contains("criticism"));
    }

    #[test]
    fn title_case_keeps_acronyms_and_particles() {
        let c = BTreeSet::new();
        let w = |s: &str| phoenix_words(s);
        assert_eq!(
            title_case(&w("VLADIMIR_V._PUTIN"), false, &c),
            "Vladimir V. Putin"
        );
        assert_eq!(
            title_case(&w("U.N._SECURITY_COUNCIL"), true, &c),
            "U.N. Security Council"
        );
        assert_eq!(title_case(&w("AL-QAEDA_IN_IRAQ"), true, &c), "Al-Qaeda in Iraq");
        assert_eq!(title_case(&w("NATO_"), true, &c), "NATO");
    }

    #[test]
    fn parse_errors_carry_line_numbers() {
        match parse_inflections("ok,verb,a,b,c,d\nbad\n") {
            Err(Error::Lexicon { line, .. }) => assert_eq!(line, 2),
            other => panic!("{other:?}"),
        }
    }
}

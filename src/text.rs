//! Text stage: sentence splitting and tokenization with exact byte offsets.
//!
//! [`split_sentences`] runs one linear pass over the text: a tokenizer
//! ([`tokenize`]) produces [`Token`]s whose spans are UTF-8 byte offsets into
//! the text exactly as given, and a splitter groups them into [`Sentence`]s
//! with one token of look-ahead. Tokens partition the non-whitespace content of
//! the text: every non-whitespace character lies in exactly one token, no token
//! contains whitespace.
//!
//! # Tokens
//!
//! - **Words**: runs of letters and digits (`char::is_alphanumeric`, plus
//!   combining marks inside a word). Inner apostrophes stay inside (`O'Brien`,
//!   `D'Alema`), but English clitics are tokens of their own (kind
//!   [`TokenKind::Punct`], see [`Token::is_clitic`]): `Putin's` → `Putin` `'s`,
//!   `Russia’s` → `Russia` `’s`, `didn't` → `did` `n't`, `they're` → `they`
//!   `'re` (also `'ve`, `'ll`, `'d`, `'m`). A bare apostrophe after a plural
//!   (`ministers'`) is a one-character Punct token.
//! - **Abbreviations** keep their periods: letter-period sequences (`U.S.`,
//!   `U.N.`, `a.m.`, `e.g.`, `D.C.`), initials (a capital letter and a period:
//!   `W.`), and a small case-sensitive list of titles, months and suffixes
//!   (`Mr.`, `Gen.`, `Sept.`, `Inc.`, `Calif.` …; `No.` only before a number).
//! - **Numbers**: ASCII digits with inner `,` or `.` between digits (`1,000`,
//!   `3.5`, `2016`). A digit run glued to letters (`5th`, `1990s`) is a Word.
//! - **Punct**: any other non-whitespace character, one per token, except a run
//!   of three or more periods (`...`), which is one token (as is `…`).
//! - Hyphens always split: `al-Qaeda` → `al` `-` `Qaeda`, `U.S.-backed` →
//!   `U.S.` `-` `backed`. Tokens glued without whitespace have touching spans
//!   ([`Token::touches`], [`joined_by_hyphen`]).
//!
//! # Sentences
//!
//! - A sentence ends after `.`, `!`, `?`, `…` or `...` (plus any closing quotes
//!   or brackets glued to it, which belong to the sentence: `… he said.”`) when
//!   whitespace follows and then an uppercase (or caseless) letter, a digit or
//!   an opening quote/bracket, or when the text ends.
//! - After an abbreviation (`U.S.`, `Mr.`, `Sept.`, an initial `W.` …) the
//!   sentence ends only when the next word is a typical sentence starter
//!   (`The`, `He`, `But`, `In` …): `U.S. President Obama`, `Mr. Lavrov`,
//!   `George W. Bush` and `Sept. 5` stay inside the sentence, `… the U.S. The
//!   next day …` splits.
//! - A blank line (a newline, optional whitespace, a newline) always ends a
//!   sentence (headlines, captions, paragraphs); a single newline never does.
//! - Sentence spans start at their first token and end at their last.
//!
//! The splitter never panics and is linear in the input. ASCII takes byte-level
//! fast paths; other characters are decoded once where they are met.
//!
//! Rough throughput (benchmark note, not a test): about 150 MB/s for
//! `split_sentences` on generated news-like text (`cargo bench --bench stages
//! split`), one core of the shared development VM, optimized build.

use crate::model::Span;

/// Coarse token class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (possibly with inner periods or apostrophes: `U.S.`, `O'Brien`).
    Word,
    /// Digits (possibly with `,` `.` inside: `1,000`, `3.5`).
    Number,
    /// Anything else, one character per token (`,` `-` `“`), or a clitic such as `'s`.
    Punct,
}

/// A token: a byte span and its class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Token {
    /// Byte span in the document text.
    pub span: Span,
    /// Class.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text.
    pub fn text<'a>(&self, doc: &'a str) -> &'a str {
        self.span.slice(doc)
    }

    /// True when `next` starts exactly where `self` ends (no whitespace between).
    pub const fn touches(&self, next: &Token) -> bool {
        self.span.end == next.span.start
    }

    /// True for an English clitic split off a word: `'s`, `’s`, `n't`, `'re`,
    /// `'ve`, `'ll`, `'d`, `'m` (either apostrophe, any case).
    pub fn is_clitic(&self, doc: &str) -> bool {
        let t = self.text(doc).as_bytes();
        self.kind == TokenKind::Punct && t.len() > 1 && clitic_len(t, 0) == t.len()
    }

    /// True for a word that ends with a period: an abbreviation or initial
    /// (`U.S.`, `Mr.`, `Sept.`, `W.`).
    pub fn is_abbreviation(&self, doc: &str) -> bool {
        // The last byte decides: `.` is ASCII (and tokens are never empty).
        self.kind == TokenKind::Word
            && self.span.start < self.span.end
            && doc.as_bytes().get(self.span.end - 1) == Some(&b'.')
    }
}

/// A sentence: its index, span and tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// 0-based index in the document.
    pub index: usize,
    /// Byte span (trimmed of surrounding whitespace).
    pub span: Span,
    /// Tokens in order.
    pub tokens: Vec<Token>,
}

impl Sentence {
    /// The sentence's text.
    pub fn text<'a>(&self, doc: &'a str) -> &'a str {
        self.span.slice(doc)
    }
}

/// True when `tokens[i]` is a hyphen (`-`, `‐`, `‑`) glued without whitespace
/// to both its neighbours, as in `al-Qaeda` or `U.S.-backed`.
pub fn joined_by_hyphen(doc: &str, tokens: &[Token], i: usize) -> bool {
    let (Some(prev), Some(tok), Some(next)) = (
        i.checked_sub(1).and_then(|p| tokens.get(p)),
        tokens.get(i),
        tokens.get(i + 1),
    ) else {
        return false;
    };
    matches!(tok.text(doc), "-" | "\u{2010}" | "\u{2011}") && prev.touches(tok) && tok.touches(next)
}

/// Multi-letter abbreviations that keep their period (case-sensitive, without
/// the period). `No` is handled separately (only before a number).
const ABBREVIATIONS: &[&str] = &[
    // Titles and ranks.
    "Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Gen", "Gens", "Lt", "Col", "Maj", "Capt", "Cmdr", "Adm",
    "Sgt", "Cpl", "Pvt", "Brig", "Gov", "Govs", "Sen", "Sens", "Rep", "Reps", "Rev", "Fr", "Hon", "Pres",
    "Amb", "Supt", "Det", "Insp", "St", "Mt", "Ft", "Jr", "Sr", // Companies and misc.
    "Inc", "Corp", "Ltd", "Co", "Bros", "Dept", "Univ", "Assn", "Ave", "Blvd", "vs", "approx",
    // Months.
    "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
    // U.S. states (AP style).
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky", "La", "Md",
    "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Va", "Vt",
    "Wash", "Wis", "Wyo",
];

/// True for a word of [`ABBREVIATIONS`]. Every entry starts with a capital, `v`
/// or `a` (checked by a test): most words before a period (`said.`) are ruled
/// out by their first letter without scanning the list.
fn is_listed_abbreviation(word: &str) -> bool {
    word.as_bytes()
        .first()
        .is_some_and(|&c| c.is_ascii_uppercase() || c == b'v' || c == b'a')
        && ABBREVIATIONS.contains(&word)
}

/// Capitalized function words that typically start a sentence: after an
/// abbreviation, the sentence ends only before one of these.
#[rustfmt::skip]
const SENTENCE_STARTERS: &[&str] = &[
    "A", "About", "According", "After", "Also", "Although", "Among", "An", "And", "Are", "As", "At",
    "Because", "Before", "Both", "But", "By", "Despite", "During", "Each", "Earlier", "Even", "For", "From",
    "He", "Her", "Here", "His", "How", "However", "I", "If", "In", "Instead", "It", "Its", "Last", "Later",
    "Many", "Meanwhile", "More", "Most", "My", "No", "Not", "Now", "On", "One", "Only", "Other", "Our",
    "Over", "She", "Since", "So", "Some", "Still", "Such", "That", "The", "Their", "Then", "There", "These",
    "They", "This", "Those", "Though", "Thus", "To", "Under", "Until", "We", "What", "When", "Where",
    "While", "Who", "Why", "With", "Yet", "You",
];

/// Iterator over the tokens of a text; see [`tokenize`].
#[derive(Debug, Clone)]
pub struct Tokens<'a> {
    text: &'a str,
    pos: usize,
    /// End of the previous token when it was a Word or Number (for clitics).
    prev_word_end: Option<usize>,
}

/// Tokenizes `text` (without sentence splitting): see the module docs.
pub fn tokenize(text: &str) -> Tokens<'_> {
    Tokens {
        text,
        pos: 0,
        prev_word_end: None,
    }
}

/// Bit 0x40 of a byte: set in every ASCII letter (and every lead byte of a
/// multi-byte character), clear in ASCII digits, `,` and `.`.
const LETTER_BIT: u8 = 0x40;

/// [`BYTE_CLASS`] bit of ASCII whitespace (the ASCII characters for which
/// `char::is_whitespace` holds: tab, line feed, vertical tab, form feed,
/// carriage return, space).
const SPACE: u8 = 1;
/// [`BYTE_CLASS`] bit of ASCII letters and digits.
const ALNUM: u8 = 2;

/// The class bits of each byte value ([`SPACE`], [`ALNUM`]; none for other
/// bytes, non-ASCII ones included): one load per byte in the tokenizer's loops.
static BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        t[i] = if c.is_ascii_alphanumeric() {
            ALNUM
        } else if matches!(c, b'\t'..=b'\r' | b' ') {
            SPACE
        } else {
            0
        };
        i += 1;
    }
    t
};

/// True for an ASCII letter or digit.
#[inline]
fn is_ascii_alnum(b: u8) -> bool {
    BYTE_CLASS[usize::from(b)] & ALNUM != 0
}

/// The kind of a scanned word: a Number when it is only ASCII digits and the
/// `,` `.` between them, a Word otherwise.
fn word_kind(word: &[u8]) -> TokenKind {
    if word.iter().all(|&c| c.is_ascii_digit() || c == b',' || c == b'.') {
        TokenKind::Number
    } else {
        TokenKind::Word
    }
}

/// The character at byte `i` and its length, or `None` at the end (or off a
/// character boundary, which the tokenizer never produces).
#[inline]
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    let c = text.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// True when the character at byte `i` is alphanumeric (false at the end).
#[inline]
fn alnum_at(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        None => false,
        Some(b) if *b < 0x80 => b.is_ascii_alphanumeric(),
        Some(_) => char_at(text, i).is_some_and(|(c, _)| c.is_alphanumeric()),
    }
}

/// Characters that continue (but do not start) a word: combining marks of the
/// common scripts and the zero-width (non-)joiners.
fn is_word_continue(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(c as u32,
            0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x05BF | 0x05C1..=0x05C2 | 0x05C4..=0x05C5
            | 0x05C7 | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06DC | 0x06DF..=0x06E4
            | 0x0900..=0x0963 | 0x0966..=0x096F | 0x0971..=0x0DFF | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF
            | 0x200C..=0x200D | 0x20D0..=0x20FF | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F)
}

/// Length of the apostrophe at `b[i]` (`'` or `’`), or 0.
#[inline]
fn apostrophe_len(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(b'\'') => 1,
        Some(0xE2) if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x99) => 3,
        _ => 0,
    }
}

/// True when no alphanumeric ASCII letter or non-ASCII byte follows at `i`
/// (cheap word-boundary test used after clitics; a following non-ASCII
/// character counts as a letter, conservatively).
#[inline]
fn boundary_at(b: &[u8], i: usize) -> bool {
    match b.get(i) {
        None => true,
        Some(c) => *c < 0x80 && !c.is_ascii_alphanumeric(),
    }
}

/// Length in bytes of a clitic (`'s`, `n't`, `'re`, `'ve`, `'ll`, `'d`, `'m`,
/// with `'` or `’`, any case) starting at `b[i]` and followed by a word
/// boundary, or 0.
fn clitic_len(b: &[u8], i: usize) -> usize {
    let (n, a) = match b.get(i) {
        Some(b'n' | b'N') => (1, apostrophe_len(b, i + 1)),
        _ => (0, apostrophe_len(b, i)),
    };
    if a == 0 {
        return 0;
    }
    let j = i + n + a;
    let lower = |k: usize| b.get(k).map(u8::to_ascii_lowercase);
    let rest = if n == 1 {
        usize::from(lower(j) == Some(b't'))
    } else {
        match (lower(j), lower(j + 1)) {
            (Some(b's' | b'd' | b'm'), _) => 1,
            (Some(b'r'), Some(b'e')) | (Some(b'v'), Some(b'e')) | (Some(b'l'), Some(b'l')) => 2,
            _ => 0,
        }
    };
    if rest == 0 || !boundary_at(b, j + rest) {
        return 0;
    }
    j + rest - i
}

impl Tokens<'_> {
    /// Length of a letter-period abbreviation at `start` (`U.S.`, `a.m.`,
    /// `J.`, also `U.S` without the last period), or 0.
    fn acronym_len(&self, start: usize) -> usize {
        let b = self.text.as_bytes();
        let mut i = start;
        let mut groups = 0;
        let mut first_upper = false;
        while let Some((c, len)) = char_at(self.text, i) {
            if !c.is_alphabetic() || alnum_at(self.text, i + len) {
                break;
            }
            if groups == 0 {
                first_upper = c.is_uppercase();
            }
            if b.get(i + len) != Some(&b'.') {
                // `U.S` without its last period: a lone letter after a group.
                if groups >= 1 && !is_word_continue_at(self.text, i + len) {
                    return i + len - start;
                }
                break;
            }
            groups += 1;
            i += len + 1;
        }
        if groups == 0 || (groups == 1 && !first_upper) {
            return 0;
        }
        if b.get(i) == Some(&b'.') {
            // An ellipsis follows: keep the last period out (`U.S...` -> `U.S` `...`).
            return if groups >= 2 { i - 1 - start } else { 0 };
        }
        i - start
    }

    /// Scans a word or number starting at `start` (an alphanumeric character).
    #[inline]
    fn scan_word(&self, start: usize) -> (usize, TokenKind) {
        let text = self.text;
        let b = text.as_bytes();
        let mut i = start;
        // The bytes of the word so far, or-ed together, with [`LETTER_BIT`] also set
        // for an apostrophe: the word is all digits (and `,` `.` between them)
        // while that bit is clear.
        let mut seen = 0u8;
        loop {
            // The usual bytes first: a run of ASCII letters and digits.
            for &byte in b.get(i..).unwrap_or_default() {
                if !is_ascii_alnum(byte) {
                    break;
                }
                seen |= byte;
                i += 1;
            }
            let Some(&byte) = b.get(i) else {
                break;
            };
            if byte == b',' || byte == b'.' {
                // A separator between digits (`1,000`, `3.5`) stays inside a number.
                if seen & LETTER_BIT == 0 && i > start && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
                    i += 2;
                    continue;
                }
                break;
            }
            let a = apostrophe_len(b, i);
            if a > 0 {
                // `n't` ends the word before its `n` (`didn't` -> `did` `n't`).
                if i > start + 1 && matches!(b.get(i - 1), Some(b'n' | b'N')) && clitic_len(b, i - 1) > 0 {
                    return (i - 1, word_kind(b.get(start..i - 1).unwrap_or_default()));
                }
                if self.inner_apostrophe(i) {
                    seen |= LETTER_BIT;
                    i += a;
                    continue;
                }
                break;
            }
            if byte < 0x80 {
                break;
            }
            match char_at(text, i) {
                Some((c, len)) if is_word_continue(c) => {
                    seen |= LETTER_BIT;
                    i += len;
                }
                _ => break,
            }
        }
        let digits_only = seen & LETTER_BIT == 0;
        // Multi-letter abbreviation with its period.
        if !digits_only && b.get(i) == Some(&b'.') && b.get(i + 1) != Some(&b'.') {
            let word = text.get(start..i).unwrap_or("");
            if is_listed_abbreviation(word) || (word == "No" && digit_after_spaces(b, i + 1)) {
                return (i + 1, TokenKind::Word);
            }
        }
        (
            i,
            if digits_only {
                TokenKind::Number
            } else {
                TokenKind::Word
            },
        )
    }

    /// True when the apostrophe at `i` is inside a word (`O'Brien`): a letter
    /// follows and it does not start a clitic.
    fn inner_apostrophe(&self, i: usize) -> bool {
        let b = self.text.as_bytes();
        let a = apostrophe_len(b, i);
        a > 0 && clitic_len(b, i) == 0 && char_at(self.text, i + a).is_some_and(|(c, _)| c.is_alphabetic())
    }
}

/// True when a word-continuing character (letter, digit, mark) is at `i`.
fn is_word_continue_at(text: &str, i: usize) -> bool {
    char_at(text, i).is_some_and(|(c, _)| is_word_continue(c))
}

/// True when, after optional spaces/tabs, an ASCII digit follows at `i`.
fn digit_after_spaces(b: &[u8], mut i: usize) -> bool {
    while matches!(b.get(i), Some(b' ' | b'\t')) {
        i += 1;
    }
    b.get(i).is_some_and(u8::is_ascii_digit)
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    // Inlined into the loop of `split_sentences`, its one caller in the pipeline.
    #[inline]
    fn next(&mut self) -> Option<Token> {
        let text = self.text;
        let b = text.as_bytes();
        // Skip whitespace (ASCII whitespace, the usual, by its byte class).
        let (c, len) = loop {
            let byte = *b.get(self.pos)?;
            if BYTE_CLASS[usize::from(byte)] & SPACE != 0 {
                self.pos += 1;
            } else if byte < 0x80 {
                break (char::from(byte), 1);
            } else {
                let (c, len) = char_at(text, self.pos)?;
                if !c.is_whitespace() {
                    break (c, len);
                }
                self.pos += len;
            }
        };
        let start = self.pos;
        let alnum = if len == 1 {
            is_ascii_alnum(c as u8)
        } else {
            c.is_alphanumeric()
        };
        let (end, kind) = if alnum {
            // A clitic that starts with a letter starts with `n` (`n't`).
            let n = if matches!(c, 'n' | 'N') {
                clitic_len(b, start)
            } else {
                0
            };
            if n > 0 {
                (start + n, TokenKind::Punct)
            } else if b.get(start + len) != Some(&b'.') {
                // No period after the first character: no letter-period abbreviation.
                self.scan_word(start)
            } else {
                match self.acronym_len(start) {
                    0 => self.scan_word(start),
                    n => (start + n, TokenKind::Word),
                }
            }
        } else if c == '.' && b.get(start + 1) == Some(&b'.') && b.get(start + 2) == Some(&b'.') {
            let mut e = start + 3;
            while b.get(e) == Some(&b'.') {
                e += 1;
            }
            (e, TokenKind::Punct)
        } else {
            let n = if self.prev_word_end == Some(start) {
                clitic_len(b, start)
            } else {
                0
            };
            (start + n.max(len), TokenKind::Punct)
        };
        self.pos = end;
        self.prev_word_end = (kind != TokenKind::Punct).then_some(end);
        Some(Token {
            span: Span::new(start, end),
            kind,
        })
    }
}

/// True for a sentence-final punctuation token.
fn is_terminator(t: &str) -> bool {
    // The first byte rules out most punctuation (`…` and `‽` start with 0xE2).
    if !matches!(t.as_bytes().first(), Some(b'.' | b'!' | b'?' | 0xE2)) {
        return false;
    }
    matches!(t, "." | "!" | "?" | "…" | "‽") || (t.len() >= 3 && t.bytes().all(|c| c == b'.'))
}

/// True for a closing quote or bracket (kept with the sentence it closes).
fn is_closer(t: &str) -> bool {
    matches!(t, "\"" | "'" | "”" | "’" | "»" | "›" | ")" | "]" | "}")
}

/// True for an opening quote or bracket (may start a sentence).
fn is_opener(t: &str) -> bool {
    matches!(
        t,
        "\"" | "'" | "“" | "‘" | "„" | "‚" | "«" | "‹" | "(" | "[" | "¿" | "¡"
    )
}

/// True when the whitespace `gap` contains a blank line (two line breaks).
fn has_blank_line(gap: &str) -> bool {
    if gap.len() < 2 {
        return false;
    }
    let mut breaks = 0;
    let mut prev_cr = false;
    for c in gap.chars() {
        match c {
            '\n' if prev_cr => {}
            '\n' | '\r' | '\u{85}' | '\u{2028}' => breaks += 1,
            '\u{2029}' => breaks += 2,
            _ => {}
        }
        prev_cr = c == '\r';
        if breaks >= 2 {
            return true;
        }
    }
    false
}

/// True when the token `next`, after whitespace, can start a new sentence.
fn starts_sentence(text: &str, next: &Token, after_abbreviation: bool) -> bool {
    let t = next.text(text);
    if after_abbreviation {
        return next.kind == TokenKind::Word && SENTENCE_STARTERS.contains(&t);
    }
    match next.kind {
        TokenKind::Number => true,
        TokenKind::Word => t.chars().next().is_some_and(|c| !c.is_lowercase()),
        TokenKind::Punct => is_opener(t),
    }
}

/// The line of `text` that holds byte `pos`.
fn line_at(text: &str, pos: usize) -> &str {
    let pos = pos.min(text.len());
    let start = text.get(..pos).and_then(|t| t.rfind('\n')).map_or(0, |i| i + 1);
    let end = text
        .get(pos..)
        .and_then(|t| t.find('\n'))
        .map_or(text.len(), |i| pos + i);
    text.get(start..end).unwrap_or("")
}

/// Starts of photo credit lines (lowercase; compared ASCII case-insensitively).
const CREDIT_PREFIXES: [&str; 10] = [
    "photo:",
    "photo by",
    "photos:",
    "photograph:",
    "picture:",
    "image:",
    "credit:",
    "file photo",
    "ap photo",
    "afp photo",
];

/// Bit `c & 31` set for the first letter `c` of each of [`CREDIT_PREFIXES`]:
/// a line whose first letter has no bit set starts with none of them.
const CREDIT_PREFIX_FIRSTS: u32 = {
    let mut bits = 0;
    let mut i = 0;
    while i < CREDIT_PREFIXES.len() {
        bits |= 1 << (CREDIT_PREFIXES[i].as_bytes()[0] & 31);
        i += 1;
    }
    bits
};

/// True for a photo credit or picture caption credit ("Photo: Agency/Name",
/// "Sputnik/Kremlin/Name/via REUTERS", "(AP Photo/Name)"): names in it are
/// the photographer's and the agency's, not actors of the story.
pub fn is_credit_line(line: &str) -> bool {
    let l = line
        .trim()
        .trim_start_matches(['(', '['])
        .trim_end_matches([')', ']', '.']);
    if l.is_empty() || l.len() > 200 {
        return false;
    }
    // ASCII case-insensitive prefix and suffix tests: the same answers as on
    // the lowercased line, without making it for every sentence.
    let starts = |p: &&str| l.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    let ends = |p: &str| {
        l.len() >= p.len()
            && l.get(l.len() - p.len()..)
                .is_some_and(|t| t.eq_ignore_ascii_case(p))
    };
    // The first letter rules out most lines before comparing prefixes.
    let first = l.as_bytes().first().map(u8::to_ascii_lowercase);
    if first.is_some_and(|c| CREDIT_PREFIX_FIRSTS & (1 << (c & 31)) != 0)
        && CREDIT_PREFIXES
            .iter()
            .any(|p| p.as_bytes().first() == first.as_ref() && starts(p))
    {
        return true;
    }
    // Without a slash (most lines), only an agency credit at the end is left.
    if memchr::memchr(b'/', l.as_bytes()).is_none() {
        return ends("via reuters") || ends("via ap");
    }
    let lower = l.to_ascii_lowercase();
    let slashes = l.bytes().filter(|&b| b == b'/').count();
    let via_agency = lower.contains("/via ") || lower.ends_with("via reuters") || lower.ends_with("via ap");
    let no_verbs = l
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .all(|w| {
            matches!(
                w,
                "via" | "by" | "for" | "and" | "of" | "the" | "photo" | "pool" | "images" | "file"
            )
        });
    via_agency || (slashes >= 2 && no_verbs && l.split_whitespace().count() <= 12)
}

/// A possible sentence end met by [`split_sentences`]: a terminator or an
/// abbreviation, with the closing quotes and brackets glued to it so far. The
/// next token that is not such a closer decides whether the sentence ends.
#[derive(Clone, Copy)]
struct PendingEnd {
    /// The terminator, or the last closer after it.
    last: Token,
    /// The terminator is an abbreviation (`U.S.`, `Mr.`).
    abbreviation: bool,
    /// A closer follows the terminator.
    closed: bool,
}

/// Splits `text` into sentences of tokens (see the module docs for the rules).
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    let b = text.as_bytes();
    // Sized for news text (a sentence every 100 bytes or so) so that the list
    // rarely grows and moves its sentences.
    let mut out = Vec::with_capacity(text.len() / 96 + 1);
    // Scratch buffer reused for every sentence: each sentence gets one exact-size
    // copy of its tokens instead of a vector grown token by token.
    let mut cur: Vec<Token> = Vec::with_capacity(64);
    let flush = |out: &mut Vec<Sentence>, cur: &mut Vec<Token>| {
        if let (Some(first), Some(last)) = (cur.first(), cur.last()) {
            let span = Span::new(first.span.start, last.span.end);
            out.push(Sentence {
                index: out.len(),
                span,
                tokens: cur.as_slice().to_vec(),
            });
        }
        cur.clear();
    };
    // One token of look-ahead: a possible end is decided by the token after it.
    let mut pending: Option<PendingEnd> = None;
    for tok in tokenize(text) {
        if let Some(end) = pending.take() {
            // Closing quotes and brackets glued to the terminator belong to it.
            if tok.kind == TokenKind::Punct && end.last.touches(&tok) && is_closer(tok.text(text)) {
                cur.push(tok);
                pending = Some(PendingEnd {
                    last: tok,
                    closed: true,
                    ..end
                });
                continue;
            }
            if !end.last.touches(&tok) && starts_sentence(text, &tok, end.abbreviation && !end.closed) {
                flush(&mut out, &mut cur);
            }
        }
        if let Some(last) = cur.last() {
            // No space or one (the usual) holds no line break.
            let gap_len = tok.span.start - last.span.end;
            if gap_len > 1 || (gap_len == 1 && b.get(last.span.end) != Some(&b' ')) {
                let gap = text.get(last.span.end..tok.span.start).unwrap_or("");
                // A photo credit or byline on its own line is its own sentence
                // (looked for only when no blank line ends the sentence anyway).
                let credit_break = || {
                    gap.contains('\n')
                        && (is_credit_line(line_at(text, last.span.start))
                            || is_credit_line(line_at(text, tok.span.start)))
                };
                if has_blank_line(gap) || credit_break() {
                    flush(&mut out, &mut cur);
                }
            }
        }
        cur.push(tok);
        let abbreviation = tok.is_abbreviation(text);
        if abbreviation || (tok.kind == TokenKind::Punct && is_terminator(tok.text(text))) {
            pending = Some(PendingEnd {
                last: tok,
                abbreviation,
                closed: false,
            });
        }
    }
    // The text ends: so does its last sentence.
    flush(&mut out, &mut cur);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn credit_lines_are_recognized_and_split() {
        assert!(is_credit_line("Photo: Kremlin pool/Ivan Petrov/via REUTERS"));
        assert!(is_credit_line("Sputnik/Kremlin/Photographer Name/via REUTERS"));
        assert!(is_credit_line("(AP Photo/Evan Vucci)"));
        assert!(!is_credit_line(
            "The talks in Geneva/Lausanne went on for days, officials said."
        ));
        assert!(!is_credit_line("Obama met Putin on Monday."));
        // Case-insensitive prefixes and agency endings, with or without slashes.
        assert!(is_credit_line("PHOTO BY a staff photographer"));
        assert!(is_credit_line("Pool photo via Reuters."));
        assert!(is_credit_line("File image via AP"));
        assert!(!is_credit_line("Officials said the convoy left via Rafah."));
        assert!(!is_credit_line("Été photo: café"));
        let text = "Putin met Erdogan in Sochi\nPhoto: Kremlin pool/Ivan Petrov/via REUTERS\nThe two leaders talked.";
        let sents = split_sentences(text);
        assert_eq!(sents.len(), 3, "{sents:?}");
        assert_eq!(
            sents[1].span.slice(text),
            "Photo: Kremlin pool/Ivan Petrov/via REUTERS"
        );
    }

    /// Checks every structural invariant of `split_sentences(text)` and returns it.
    fn check(text: &str) -> Vec<Sentence> {
        let sents = split_sentences(text);
        let mut prev_end = 0;
        for (k, s) in sents.iter().enumerate() {
            assert_eq!(s.index, k, "index in {text:?}");
            assert!(!s.tokens.is_empty(), "empty sentence in {text:?}");
            assert_eq!(s.span.start, s.tokens[0].span.start);
            assert_eq!(s.span.end, s.tokens[s.tokens.len() - 1].span.end);
            assert!(
                text.get(s.span.start..s.span.end).is_some(),
                "sentence off boundary in {text:?}"
            );
            for t in &s.tokens {
                assert!(t.span.start < t.span.end, "empty token in {text:?}");
                assert!(t.span.start >= prev_end, "overlap/unordered token in {text:?}");
                assert!(s.span.contains(&t.span));
                let Some(tt) = text.get(t.span.start..t.span.end) else {
                    panic!("token off char boundary in {text:?}: {t:?}");
                };
                assert!(!tt.chars().any(char::is_whitespace), "whitespace in token {tt:?}");
                let gap = text.get(prev_end..t.span.start).unwrap_or("x");
                assert!(
                    gap.chars().all(char::is_whitespace),
                    "dropped {gap:?} in {text:?}"
                );
                prev_end = t.span.end;
            }
        }
        let tail = text.get(prev_end..).unwrap_or("x");
        assert!(
            tail.chars().all(char::is_whitespace),
            "dropped tail {tail:?} in {text:?}"
        );
        sents
    }

    fn sentences(text: &str) -> Vec<&str> {
        check(text).iter().map(|s| s.text(text)).collect()
    }

    fn toks(text: &str) -> Vec<&str> {
        let from_iter: Vec<&str> = tokenize(text).map(|t| t.text(text)).collect();
        let from_sents: Vec<&str> = check(text)
            .iter()
            .flat_map(|s| s.tokens.iter().map(|t| t.text(text)))
            .collect();
        assert_eq!(from_iter, from_sents);
        from_iter
    }

    fn kinds(text: &str) -> Vec<(&str, TokenKind)> {
        tokenize(text).map(|t| (t.text(text), t.kind)).collect()
    }

    #[test]
    fn every_abbreviation_passes_the_first_letter_guard() {
        for a in ABBREVIATIONS {
            assert!(is_listed_abbreviation(a), "{a}");
        }
        assert!(!is_listed_abbreviation("said"));
        assert!(!is_listed_abbreviation(""));
    }

    #[test]
    fn empty_and_blank() {
        assert!(check("").is_empty());
        assert!(check("  \n\n\t ").is_empty());
        assert_eq!(sentences("."), vec!["."]);
        assert_eq!(sentences("?!"), vec!["?!"]);
    }

    #[test]
    fn basic_terminators() {
        let t = "Angela Merkel arrived in Paris. She met Emmanuel Macron! Did they agree? Nobody knows.";
        assert_eq!(
            sentences(t),
            vec![
                "Angela Merkel arrived in Paris.",
                "She met Emmanuel Macron!",
                "Did they agree?",
                "Nobody knows."
            ]
        );
        // Lowercase after a period does not split; digits do.
        assert_eq!(
            sentences("It ended at 5 p.m. sharp."),
            vec!["It ended at 5 p.m. sharp."]
        );
        assert_eq!(
            sentences("He counted to ten. 20 more came."),
            vec!["He counted to ten.", "20 more came."]
        );
        // No whitespace: no split.
        assert_eq!(sentences("See example.com now."), vec!["See example.com now."]);
    }

    #[test]
    fn us_abbreviation() {
        assert_eq!(
            sentences("U.S. President Barack Obama met U.N. officials in the U.K. on Monday."),
            vec!["U.S. President Barack Obama met U.N. officials in the U.K. on Monday."]
        );
        assert_eq!(
            sentences("Moscow blamed the U.S. The Pentagon denied it."),
            vec!["Moscow blamed the U.S.", "The Pentagon denied it."]
        );
        assert_eq!(
            sentences("Sanctions hit the U.S. economy."),
            vec!["Sanctions hit the U.S. economy."]
        );
        assert_eq!(toks("the U.S. economy"), vec!["the", "U.S.", "economy"]);
        assert_eq!(
            toks("in Washington, D.C., today"),
            vec!["in", "Washington", ",", "D.C.", ",", "today"]
        );
        assert_eq!(
            toks("e.g. this, i.e. that"),
            vec!["e.g.", "this", ",", "i.e.", "that"]
        );
        assert_eq!(toks("the U.S, then"), vec!["the", "U.S", ",", "then"]);
    }

    #[test]
    fn titles_and_months() {
        assert_eq!(
            sentences("Mr. Lavrov spoke to Gen. Mark Milley on Sept. 5 in Geneva. Dr. Fauci was absent."),
            vec![
                "Mr. Lavrov spoke to Gen. Mark Milley on Sept. 5 in Geneva.",
                "Dr. Fauci was absent."
            ]
        );
        assert_eq!(toks("Mr. Lavrov"), vec!["Mr.", "Lavrov"]);
        assert_eq!(toks("Sept. 5"), vec!["Sept.", "5"]);
        assert_eq!(
            sentences("Lt. Gen. Michael Flynn resigned on Feb. 13. He had misled Vice President Mike Pence."),
            vec![
                "Lt. Gen. Michael Flynn resigned on Feb. 13.",
                "He had misled Vice President Mike Pence."
            ]
        );
        // `No.` only before a number.
        assert_eq!(
            toks("No. 10 Downing Street"),
            vec!["No.", "10", "Downing", "Street"]
        );
        assert_eq!(
            sentences("He said No. Then he left."),
            vec!["He said No.", "Then he left."]
        );
        assert_eq!(toks("He said No. Then"), vec!["He", "said", "No", ".", "Then"]);
        // Company suffix followed by a title stays; followed by a starter splits.
        assert_eq!(
            sentences("Apple Inc. Chief Executive Tim Cook visited. Apple Inc. The company grew."),
            vec![
                "Apple Inc. Chief Executive Tim Cook visited.",
                "Apple Inc.",
                "The company grew."
            ]
        );
    }

    #[test]
    fn initials() {
        assert_eq!(
            sentences("George W. Bush met John F. Kennedy Jr. in a dream. It was odd."),
            vec![
                "George W. Bush met John F. Kennedy Jr. in a dream.",
                "It was odd."
            ]
        );
        assert_eq!(toks("George W. Bush"), vec!["George", "W.", "Bush"]);
        assert_eq!(toks("J.R.R. Tolkien"), vec!["J.R.R.", "Tolkien"]);
        // A lowercase single letter is not an initial.
        assert_eq!(toks("option a. Then"), vec!["option", "a", ".", "Then"]);
    }

    #[test]
    fn quotes() {
        let t = "“We are not there yet,” he said. The next round starts Monday.";
        assert_eq!(
            sentences(t),
            vec![
                "“We are not there yet,” he said.",
                "The next round starts Monday."
            ]
        );
        let t = "He said: “It is over.” Sergei Lavrov agreed.";
        assert_eq!(
            sentences(t),
            vec!["He said: “It is over.”", "Sergei Lavrov agreed."]
        );
        let t = "“Is it over?” he asked. \"Yes.\" \"No!\" (Reuters) Fine.";
        assert_eq!(
            sentences(t),
            vec![
                "“Is it over?” he asked.",
                "\"Yes.\"",
                "\"No!\"",
                "(Reuters) Fine."
            ]
        );
        let t = "She left (for good.) Then silence.";
        assert_eq!(sentences(t), vec!["She left (for good.)", "Then silence."]);
        // Opening quote starts a sentence.
        assert_eq!(
            sentences("He paused. “Never,” he said."),
            vec!["He paused.", "“Never,” he said."]
        );
        // A quote after an abbreviation.
        assert_eq!(
            sentences("“We will leave the U.S.” Xi Jinping said nothing."),
            vec!["“We will leave the U.S.”", "Xi Jinping said nothing."]
        );
    }

    #[test]
    fn decimals_and_numbers() {
        assert_eq!(
            kinds("Growth was 3.5 percent, or $1,000,000 in 2016."),
            vec![
                ("Growth", TokenKind::Word),
                ("was", TokenKind::Word),
                ("3.5", TokenKind::Number),
                ("percent", TokenKind::Word),
                (",", TokenKind::Punct),
                ("or", TokenKind::Word),
                ("$", TokenKind::Punct),
                ("1,000,000", TokenKind::Number),
                ("in", TokenKind::Word),
                ("2016", TokenKind::Number),
                (".", TokenKind::Punct),
            ]
        );
        assert_eq!(
            sentences("Inflation hit 7.5 percent. Prices rose."),
            vec!["Inflation hit 7.5 percent.", "Prices rose."]
        );
        assert_eq!(toks("a 90-minute call"), vec!["a", "90", "-", "minute", "call"]);
        assert_eq!(toks("1, 2."), vec!["1", ",", "2", "."]);
        assert_eq!(
            kinds("the 1990s"),
            vec![("the", TokenKind::Word), ("1990s", TokenKind::Word)]
        );
    }

    #[test]
    fn ellipsis() {
        assert_eq!(toks("Well... maybe…"), vec!["Well", "...", "maybe", "…"]);
        assert_eq!(
            sentences("Wait... Then it came."),
            vec!["Wait...", "Then it came."]
        );
        assert_eq!(sentences("Wait… Then it came."), vec!["Wait…", "Then it came."]);
        assert_eq!(toks("the U.S..."), vec!["the", "U.S", "..."]);
        assert_eq!(toks("A..."), vec!["A", "..."]);
    }

    #[test]
    fn blank_lines() {
        let t = "Putin meets Xi in Beijing\n\nVladimir Putin arrived on Monday.\nHe met\nXi Jinping.\r\n\r\nPhoto: Reuters";
        assert_eq!(
            sentences(t),
            vec![
                "Putin meets Xi in Beijing",
                "Vladimir Putin arrived on Monday.",
                "He met\nXi Jinping.",
                "Photo: Reuters"
            ]
        );
        // Blank line with spaces on it, and after an abbreviation.
        assert_eq!(
            sentences("Meeting with Mr.\n  \nLavrov"),
            vec!["Meeting with Mr.", "Lavrov"]
        );
    }

    #[test]
    fn clitics() {
        assert_eq!(toks("Putin's army"), vec!["Putin", "'s", "army"]);
        assert_eq!(toks("Russia’s army"), vec!["Russia", "’s", "army"]);
        assert_eq!(toks("He didn't go"), vec!["He", "did", "n't", "go"]);
        assert_eq!(toks("He didn’t go"), vec!["He", "did", "n’t", "go"]);
        assert_eq!(
            toks("they're here, I'd say"),
            vec!["they", "'re", "here", ",", "I", "'d", "say"]
        );
        assert_eq!(
            toks("the ministers' meeting"),
            vec!["the", "ministers", "'", "meeting"]
        );
        assert_eq!(
            toks("Sean O'Brien and Massimo D'Alema"),
            vec!["Sean", "O'Brien", "and", "Massimo", "D'Alema"]
        );
        assert_eq!(
            toks("O'Donnell and N'Djamena"),
            vec!["O'Donnell", "and", "N'Djamena"]
        );
        assert_eq!(toks("the U.S.'s role"), vec!["the", "U.S.", "'s", "role"]);
        let t = "Putin's didn't 's";
        let c: Vec<bool> = tokenize(t).map(|tok| tok.is_clitic(t)).collect();
        assert_eq!(c, vec![false, true, false, true, false, false]);
        assert_eq!(kinds("Putin's")[1], ("'s", TokenKind::Punct));
    }

    #[test]
    fn hyphens() {
        let t = "the U.S.-backed forces fought al-Qaeda";
        assert_eq!(
            toks(t),
            vec!["the", "U.S.", "-", "backed", "forces", "fought", "al", "-", "Qaeda"]
        );
        let v: Vec<Token> = tokenize(t).collect();
        assert!(joined_by_hyphen(t, &v, 2));
        assert!(joined_by_hyphen(t, &v, 7));
        assert!(!joined_by_hyphen(t, &v, 0));
        assert!(!joined_by_hyphen(t, &v, 8));
        assert!(!joined_by_hyphen(t, &v, 99));
        let t = "war - peace";
        let v: Vec<Token> = tokenize(t).collect();
        assert!(!joined_by_hyphen(t, &v, 1));
        assert!(!v[0].touches(&v[1]));
    }

    #[test]
    fn unicode_words() {
        assert_eq!(
            toks("Zelensky (Зеленський) met Erdoğan."),
            vec!["Zelensky", "(", "Зеленський", ")", "met", "Erdoğan", "."]
        );
        // Combining accent stays inside the word.
        assert_eq!(toks("Jose\u{301} said"), vec!["Jose\u{301}", "said"]);
        assert_eq!(toks("नरेन्द्र मोदी"), vec!["नरेन्द्र", "मोदी"]);
        // Caseless scripts can start a sentence.
        assert_eq!(
            sentences("He spoke. 习近平 replied."),
            vec!["He spoke.", "习近平 replied."]
        );
        check("\u{0}\u{1}.\u{2029}\u{85}x\u{200d}\u{fe0f}👨‍👩‍👧. ́a");
    }

    proptest! {
        #[test]
        fn arbitrary_strings_keep_invariants(s in any::<String>()) {
            check(&s);
        }

        #[test]
        fn tricky_pieces_keep_invariants(parts in prop::collection::vec(prop::sample::select(vec![
            "U.S.", "U.S", "Mr.", "No.", "No", ".", "..", "...", "…", "!", "?", "’", "'", "'s", "’s", "n't", "n",
            "t", "\n", "\n\n", "\r\n", " ", "\t", "3", ",", "5.", "A", "a", "é", "\u{301}", "-", "“", "”", "\"",
            "(", ")", "The", "Lavrov", "\u{2029}", "\u{200d}", "Зе", "习",
        ]), 0..40)) {
            let s = parts.concat();
            let sents = check(&s);
            let n: usize = sents.iter().map(|x| x.tokens.len()).sum();
            prop_assert_eq!(n, tokenize(&s).count());
        }
    }
}

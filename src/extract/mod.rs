//! Extract stage: entity mentions ([`entities`]) and relation mentions
//! ([`relations`]) in sentences.

pub mod entities;
pub mod relations;

use std::sync::OnceLock;

use crate::lexicon::{DocumentIndex, FastMap};

/// The bits of a word class ([`word_class`]) that belong to the word lists of
/// [`entities`]; those of [`relations`] are the bits above them.
pub(crate) const ENTITY_LIST_BITS: u64 = 0xffff_ffff;

/// The word lists of both stages as one table, built once: a word's bits are
/// those of the entity lists it is in (within [`ENTITY_LIST_BITS`]) and those
/// of the relation lists it is in (above them).
fn word_classes() -> &'static WordClasses {
    static TABLE: OnceLock<WordClasses> = OnceLock::new();
    TABLE.get_or_init(|| WordClasses::new(&[entities::WORD_LISTS, relations::CLASS_LISTS].concat()))
}

/// The bits of the word lists of both stages that the normalized word `w` is in
/// (0 for none).
pub(crate) fn word_class(w: &str) -> u64 {
    word_classes().get(w)
}

/// [`word_class`] of the word of bytes `w` (0 for bytes that are not UTF-8).
pub(crate) fn word_class_of_bytes(w: &[u8]) -> u64 {
    word_classes().get_bytes(w)
}

/// The normalized words of the sentences of a document and their word classes (the bits
/// of the word lists of both stages each word is in), taken out of the document's
/// [`DocumentIndex`] and looked up once, and read by both stages
/// ([`entities::recognize_into`] before resolution, [`relations::find_into`] after it)
/// through each sentence's [`SentenceWords`]. All sentences share two lists, so a
/// document allocates them once rather than twice per sentence.
pub struct DocumentWords<'a> {
    /// Per token of each sentence in turn: its normalized word ([`DocumentIndex::words`]).
    words: Vec<&'a str>,
    /// Per token of each sentence in turn: the [`word_class`] of its word (number and
    /// punctuation tokens included).
    classes: Vec<u64>,
    /// Per sentence, and one more: the start of its tokens in `words` and `classes`
    /// (the next entry: their end).
    bounds: Vec<usize>,
}

impl<'a> DocumentWords<'a> {
    /// The words of the sentences of `index`.
    pub fn new(index: &'a DocumentIndex) -> Self {
        let table = word_classes();
        let tokens = index.words().len();
        let (mut words, mut classes) = (Vec::with_capacity(tokens), Vec::with_capacity(tokens));
        for w in index.words() {
            words.push(w);
            classes.push(table.get(w));
        }
        let mut bounds = vec![0];
        bounds.extend(index.sentences().scan(0, |end, s| {
            *end += s.len();
            Some(*end)
        }));
        DocumentWords {
            words,
            classes,
            bounds,
        }
    }

    /// The words of each sentence, in order.
    pub fn sentences(&self) -> impl Iterator<Item = SentenceWords<'_>> {
        self.bounds.windows(2).map(|w| SentenceWords {
            words: &self.words[w[0]..w[1]],
            classes: &self.classes[w[0]..w[1]],
        })
    }
}

/// The normalized words of a sentence's tokens and their word classes: its part of
/// a [`DocumentWords`].
#[derive(Debug, Clone, Copy)]
pub struct SentenceWords<'a> {
    /// Per token: its normalized word ([`crate::lexicon::SentenceIndex::word`]).
    words: &'a [&'a str],
    /// Per token: the [`word_class`] of its word.
    classes: &'a [u64],
}

impl<'a> SentenceWords<'a> {
    /// Per token: its normalized word.
    pub(crate) fn words(&self) -> &'a [&'a str] {
        self.words
    }

    /// Per token: the [`word_class`] of its word.
    pub(crate) fn classes(&self) -> &'a [u64] {
        self.classes
    }
}

/// The word lists of a stage as one table from each listed word to the union
/// of the bits of the lists it is in: how both stages classify a token's word
/// with one lookup instead of searching each list.
///
/// A word of up to 15 bytes (all but a few listed phrases) is keyed by its
/// [`packed`] integer in an open-addressing table: a lookup is one multiply
/// and (nearly always) one probe, with no string hashed or compared. Most
/// words in no list are turned away before that by `filter`.
pub(crate) struct WordClasses {
    /// Packed words (0: an empty slot); a power of two of slots, over twice
    /// as many as there are words, so a probe always ends.
    keys: Box<[u128]>,
    /// The bits of the word in the same slot of `keys`.
    bits: Box<[u64]>,
    /// Words longer than 15 bytes, by their text.
    long: FastMap<&'static str, u64>,
    /// `filter[len][first & 31]` has bit `last & 31` set when a listed word
    /// of `len` bytes (15 for longer ones) starts with byte `first` and ends
    /// with byte `last` (or bytes equal to them modulo 32).
    filter: [[u32; 32]; 16],
}

impl WordClasses {
    /// The table of `lists`, each with its bit.
    pub(crate) fn new(lists: &[(&[&'static str], u64)]) -> Self {
        let words: usize = lists.iter().map(|(l, _)| l.len()).sum();
        let slots = (2 * words + 2).next_power_of_two();
        let mut c = WordClasses {
            keys: vec![0; slots].into_boxed_slice(),
            bits: vec![0; slots].into_boxed_slice(),
            long: FastMap::default(),
            filter: [[0; 32]; 16],
        };
        for &(list, bit) in lists {
            for &w in list {
                let b = w.as_bytes();
                let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
                    continue;
                };
                c.filter[b.len().min(15)][usize::from(first & 31)] |= 1 << (last & 31);
                let Some(key) = packed(b) else {
                    *c.long.entry(w).or_insert(0) |= bit;
                    continue;
                };
                let mut i = c.slot(key);
                while c.keys[i] != 0 && c.keys[i] != key {
                    i = (i + 1) & (slots - 1);
                }
                c.keys[i] = key;
                c.bits[i] |= bit;
            }
        }
        c
    }

    /// The first slot probed for `key` (Fibonacci hashing of its two halves).
    fn slot(&self, key: u128) -> usize {
        let folded = (key as u64) ^ ((key >> 64) as u64);
        let shift = 64 - self.keys.len().trailing_zeros();
        (folded.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> shift) as usize
    }

    /// The bits of the lists `w` is in (0 for none).
    #[inline(always)]
    pub(crate) fn get(&self, w: &str) -> u64 {
        self.get_bytes(w.as_bytes())
    }

    /// The bits of the lists the word of bytes `b` is in (0 for none, and for bytes
    /// that are not UTF-8).
    #[inline(always)]
    pub(crate) fn get_bytes(&self, b: &[u8]) -> u64 {
        let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
            return 0;
        };
        if self.filter[b.len().min(15)][usize::from(first & 31)] & 1 << (last & 31) == 0 {
            return 0;
        }
        let Some(key) = packed(b) else {
            let long = std::str::from_utf8(b).ok().and_then(|w| self.long.get(w));
            return long.copied().unwrap_or(0);
        };
        let mask = self.keys.len() - 1;
        let mut i = self.slot(key);
        loop {
            match self.keys[i] {
                k if k == key => return self.bits[i],
                0 => return 0,
                _ => i = (i + 1) & mask,
            }
        }
    }
}

/// The word of bytes `b` as one integer: its bytes, then zeros, and its
/// length in the last byte (`None` for a word of more than 15 bytes). Two
/// words of up to 15 bytes are equal exactly when their integers are.
fn packed(b: &[u8]) -> Option<u128> {
    if b.len() > 15 {
        return None;
    }
    let (low, high) = b.split_at_checked(8).unwrap_or((b, &[]));
    Some(u128::from(load(low)) | u128::from(load(high)) << 64 | (b.len() as u128) << 120)
}

/// The bytes of `b` (at most eight) in the low bytes of a `u64`, the others
/// zero: two overlapping four-byte loads rather than a copy byte by byte.
fn load(b: &[u8]) -> u64 {
    match (b.first_chunk::<4>(), b.last_chunk::<4>()) {
        (Some(first), Some(last)) => {
            let (first, last) = (u32::from_le_bytes(*first), u32::from_le_bytes(*last));
            // `last` repeats the bytes of `first` beyond `b[..4]`: shifted out.
            u64::from(first) | u64::from(last) >> (8 * (8 - b.len())) << 32
        }
        _ => b
            .iter()
            .rev()
            .fold(0, |packed, &byte| packed << 8 | u64::from(byte)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_words_are_equal_exactly_when_the_words_are() {
        assert_eq!(packed(b"the"), packed(b"the"));
        assert_ne!(packed(b"the"), packed(b"the\0"));
        assert_ne!(packed(b"ab"), packed(b"ba"));
        assert!(packed(b"fifteen-letters").is_some());
        assert!(packed(b"sixteen--letters").is_none());
        // The bytes in order, then zeros, and the length in the last byte.
        let text = "abcdefghijklmno";
        for len in 0..=text.len() {
            let key = packed(&text.as_bytes()[..len]).unwrap_or_default().to_le_bytes();
            assert_eq!(key[..len], text.as_bytes()[..len], "{len}");
            assert!(key[len..15].iter().all(|&b| b == 0), "{len}");
            assert_eq!(usize::from(key[15]), len);
        }
    }

    #[test]
    fn document_words_are_each_sentences_words_in_turn() {
        let lex = crate::lexicon::Lexicon::builtin();
        let doc = "Russia said no. The talks in Geneva ended, and they left.";
        let sentences = crate::text::split_sentences(doc);
        let index = lex.index_document(doc, &sentences);
        let words = DocumentWords::new(&index);
        let mut n = 0;
        for ((s, idx), w) in sentences.iter().zip(index.sentences()).zip(words.sentences()) {
            let expected: Vec<&str> = (0..s.tokens.len()).map(|i| idx.word(i)).collect();
            assert_eq!(w.words(), expected.as_slice());
            let classes: Vec<u64> = expected.iter().map(|w| word_class(w)).collect();
            assert_eq!(w.classes(), classes.as_slice());
            n += 1;
        }
        assert_eq!(n, 2);
        assert_eq!(
            words.sentences().next().map(|w| w.words().to_vec()),
            Some(vec!["russia", "said", "no", "."])
        );
    }

    #[test]
    fn the_word_lists_of_the_two_stages_have_bits_apart() {
        for &(_, bit) in entities::WORD_LISTS {
            assert_eq!(bit & !ENTITY_LIST_BITS, 0, "{bit:#x}");
        }
        for &(_, bit) in relations::CLASS_LISTS {
            assert_eq!(bit & ENTITY_LIST_BITS, 0, "{bit:#x}");
        }
    }

    #[test]
    fn a_word_has_the_bits_of_every_list_it_is_in() {
        const A: &[&str] = &["said", "met", "a-very-long-listed-phrase"];
        const B: &[&str] = &["met", "talks"];
        let c = WordClasses::new(&[(A, 1), (B, 2)]);
        assert_eq!(c.get("said"), 1);
        assert_eq!(c.get("met"), 3);
        assert_eq!(c.get("talks"), 2);
        assert_eq!(c.get("a-very-long-listed-phrase"), 1);
        assert_eq!(c.get("a-very-long-listed-phrasE"), 0);
        assert_eq!(c.get("mat"), 0);
        assert_eq!(c.get(""), 0);
        assert_eq!(c.get("se"), 0);
    }
}

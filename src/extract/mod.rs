//! Extract stage: entity mentions ([`entities`]) and relation mentions
//! ([`relations`]) in sentences.

pub mod entities;
pub mod relations;

use crate::lexicon::FastMap;

/// A map from each word of `lists` to the union of the bits of the lists it
/// is in.
pub(crate) fn word_class_table(lists: &[(&[&'static str], u64)]) -> FastMap<&'static str, u64> {
    let mut map = FastMap::default();
    for &(list, bit) in lists {
        for &w in list {
            *map.entry(w).or_insert(0) |= bit;
        }
    }
    map
}

/// The word lists of a stage as one table from each listed word to the union
/// of the bits of the lists it is in: how both stages classify a token's word
/// with one lookup instead of searching each list.
///
/// A word of up to 15 bytes (all but a few listed phrases) is keyed by its
/// [`packed`] integer, so a lookup hashes and compares one integer, not a
/// string; most words in no list are turned away before that by `filter`.
#[allow(dead_code)] // used by both stages once they switch over
pub(crate) struct WordClasses {
    /// Words of up to 15 bytes, by their packed integer.
    short: FastMap<u128, u64>,
    /// Longer words, by their text.
    long: FastMap<&'static str, u64>,
    /// `filter[len][first & 31]` has bit `last & 31` set when a listed word
    /// of `len` bytes (15 for longer ones) starts with byte `first` and ends
    /// with byte `last` (or bytes equal to them modulo 32).
    filter: [[u32; 32]; 16],
}

#[allow(dead_code)]
impl WordClasses {
    /// The table of `lists`, each with its bit.
    pub(crate) fn new(lists: &[(&[&'static str], u64)]) -> Self {
        let mut c = WordClasses {
            short: FastMap::default(),
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
                match packed(w) {
                    Some(key) => *c.short.entry(key).or_insert(0) |= bit,
                    None => *c.long.entry(w).or_insert(0) |= bit,
                }
            }
        }
        c
    }

    /// The bits of the lists `w` is in (0 for none).
    pub(crate) fn get(&self, w: &str) -> u64 {
        let b = w.as_bytes();
        let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
            return 0;
        };
        if self.filter[b.len().min(15)][usize::from(first & 31)] & 1 << (last & 31) == 0 {
            return 0;
        }
        match packed(w) {
            Some(key) => self.short.get(&key),
            None => self.long.get(w),
        }
        .copied()
        .unwrap_or(0)
    }
}

/// `w` as one integer: its bytes, then zeros, and its length in the last
/// byte (`None` for a word of more than 15 bytes). Two words of up to 15
/// bytes are equal exactly when their integers are.
fn packed(w: &str) -> Option<u128> {
    let b = w.as_bytes();
    let mut buf = [0u8; 16];
    buf.get_mut(..b.len())?.copy_from_slice(b);
    buf[15] = b.len() as u8;
    (b.len() <= 15).then(|| u128::from_le_bytes(buf))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_words_are_equal_exactly_when_the_words_are() {
        assert_eq!(packed("the"), packed("the"));
        assert_ne!(packed("the"), packed("the\0"));
        assert_ne!(packed("ab"), packed("ba"));
        assert!(packed("fifteen-letters").is_some());
        assert!(packed("sixteen--letters").is_none());
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

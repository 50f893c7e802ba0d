//! Extract stage: entity mentions ([`entities`]) and relation mentions
//! ([`relations`]) in sentences.

pub mod entities;
pub mod relations;

use crate::lexicon::FastMap;

/// A map from each word of `lists` to the union of the bits of the lists it
/// is in: how both stages classify a token's word with one hash lookup
/// instead of searching each list.
pub(crate) fn word_class_table(lists: &[(&[&'static str], u64)]) -> FastMap<&'static str, u64> {
    let mut map = FastMap::default();
    for &(list, bit) in lists {
        for &w in list {
            *map.entry(w).or_insert(0) |= bit;
        }
    }
    map
}

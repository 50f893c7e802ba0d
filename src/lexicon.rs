//! The lexicon: known actors and their aliases, demonyms, capitals, role
//! nouns, first names and relation triggers, embedded from `data/lexicon/`.
//! (Placeholder.)

/// The lexicon.
#[derive(Debug, Default)]
pub struct Lexicon {}

impl Lexicon {
    /// The built-in lexicon.
    pub fn builtin() -> Self {
        Self::default()
    }
}

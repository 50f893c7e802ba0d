//! The lexicon: known actors and their aliases, demonyms, capitals, role
//! nouns, first names and relation triggers, embedded from `data/lexicon/`.
//! (Placeholder.)

use std::path::PathBuf;

use crate::error::Result;

/// The lexicon.
#[derive(Debug, Default)]
pub struct Lexicon {}

impl Lexicon {
    /// The built-in lexicon.
    pub fn builtin() -> Self {
        Self::default()
    }

    /// The built-in lexicon plus the files in each user folder
    /// (same formats as `data/lexicon/`, see its README).
    pub fn with_user_dirs(_dirs: &[PathBuf]) -> Result<Self> {
        Ok(Self::default())
    }
}

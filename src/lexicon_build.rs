//! Derives the lexicon files in `data/lexicon/` from the lexicon sources. (Placeholder.)

//! Extract stage: entity mentions and relation mentions in sentences.
//! (Placeholder.)

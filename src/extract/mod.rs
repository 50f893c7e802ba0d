//! Extract stage: entity mentions ([`entities`]) and relation mentions
//! ([`relations`]) in sentences.

pub mod entities;
pub mod relations;

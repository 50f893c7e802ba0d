//! actorgraph turns news text into a knowledge graph of actors and their relations.
//!
//! The pipeline is a chain of typed stages, each a module of plain functions:
//!
//! ```text
//! ingest -> text -> extract -> resolve -> graph -> export
//! (Document) (Sentence, Token) (mentions, relation mentions) (DocAnalysis) (ActorGraph) (files)
//! ```
//!
//! Byte spans ([`model::Span`]) flow from the text to every mention and
//! relation. The per-document stages ([`pipeline::analyze`]) are pure, so
//! documents can be processed in parallel and merged in input order.
//! Only [`ingest`] and [`export`] do IO. See `ARCHITECTURE.md`.

#![warn(missing_docs)]
// No panics on input: library code returns errors or diagnostics instead of
// unwrapping (CI turns these warnings into errors). Tests may unwrap.
#![warn(clippy::unwrap_used, clippy::expect_used)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod analyze;
pub mod error;
pub mod eval;
pub mod export;
pub mod extract;
pub mod filter;
pub mod graph;
pub mod ingest;
pub mod lexicon;
pub mod lexicon_build;
pub mod merge;
pub mod model;
pub mod pipeline;
pub mod render;
pub mod resolve;
pub mod text;
pub mod vocab;

pub use error::{Error, Result};

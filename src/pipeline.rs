//! The pipeline: per-document analysis and the `build` run.

use crate::lexicon::Lexicon;
use crate::model::{DocAnalysis, Document};

/// Analyzes one document (pure: no IO, no shared state).
pub fn analyze(doc: &Document, _lexicon: &Lexicon) -> DocAnalysis {
    DocAnalysis {
        doc_id: doc.id.clone(),
        date: doc.date,
        text: doc.text.clone(),
        ..Default::default()
    }
}

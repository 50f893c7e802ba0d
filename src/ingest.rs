//! Ingest: turns input paths into a stream of [`Document`]s and
//! [`Diagnostic`]s. (Placeholder: replaced by the full implementation.)

use std::fmt;
use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::model::Document;

/// A soft failure: a record or file that was skipped, with where it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file (as given or found in a directory), or `-` for standard input.
    pub file: String,
    /// 1-based line (or record) number, when there is one.
    pub line: Option<usize>,
    /// What was wrong.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: {}", self.file, l, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// One item of the input stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Record {
    /// A document to process.
    Document(Document),
    /// Something skipped (or repaired), with a message for standard error.
    Skipped(Diagnostic),
}

/// How to read standard input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputFormat {
    /// One article of plain text.
    #[default]
    Text,
    /// One JSON object per line.
    Jsonl,
    /// CSV with a `text` column.
    Csv,
}

/// Ingest options.
#[derive(Debug, Clone, Default)]
pub struct IngestOptions {
    /// Format of standard input (`-`).
    pub stdin_format: InputFormat,
}

/// Opens every input (files, directories, `-`) and returns the record stream.
/// Fails only when an input given on the command line does not exist.
pub fn open(inputs: &[PathBuf], _opts: &IngestOptions) -> Result<Box<dyn Iterator<Item = Record>>> {
    let mut docs = Vec::new();
    for p in inputs {
        let text = std::fs::read_to_string(p).map_err(|source| Error::Input {
            path: p.clone(),
            source,
        })?;
        let id = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        docs.push(Record::Document(Document {
            id,
            text,
            ..Default::default()
        }));
    }
    Ok(Box::new(docs.into_iter()))
}

//! The library's one error type.
//!
//! Soft failures (a bad record, an unreadable file inside a directory) are not
//! errors: they are [`crate::ingest::Diagnostic`]s and the run goes on. An
//! [`Error`] is something the run cannot continue past.
//!
//! An error's message does not repeat its cause: the IO error of
//! [`Error::Input`] and [`Error::Output`] is their [`std::error::Error::source`],
//! so print the whole chain (`{:#}` with anyhow, as the binary does) to see it.

use std::path::PathBuf;

/// Everything that can stop a run.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An input path that does not exist or cannot be opened at all.
    #[error("cannot read {path}")]
    Input {
        /// The path as given.
        path: PathBuf,
        /// The IO error (the [`std::error::Error::source`], not in the message).
        source: std::io::Error,
    },
    /// Writing an output file failed.
    #[error("cannot write {path}")]
    Output {
        /// The file or folder being written.
        path: PathBuf,
        /// The IO error (the [`std::error::Error::source`], not in the message).
        source: std::io::Error,
    },
    /// A lexicon file given by the user is malformed.
    #[error("{path}:{line}: {message}")]
    Lexicon {
        /// The lexicon file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// An unknown export format name.
    #[error("unknown format {0:?} (known: dot, graphml, csv, gexf, gexf-directed, json, neo4j)")]
    UnknownFormat(String),
    /// A bad option value (for example an unparsable date).
    #[error("{0}")]
    Usage(String),
    /// Graphviz (`dot`, `sfdp`, ...) is not installed.
    #[error("Graphviz not found: install it (apt-get install graphviz); `{program}` is not on PATH")]
    GraphvizNotFound {
        /// The layout program that could not be started.
        program: String,
    },
    /// Graphviz ran but failed.
    #[error("{program} failed ({status}): {stderr}")]
    Render {
        /// The layout program.
        program: String,
        /// Its exit status.
        status: String,
        /// What it wrote on standard error.
        stderr: String,
    },
    /// Any other IO error.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Shorthand for results with the library's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    /// The binary prints the chain with anyhow's `{:#}`: the IO error must appear once.
    #[test]
    fn io_cause_is_printed_once_in_the_chain() {
        for err in [
            Error::Input {
                path: "in.jsonl".into(),
                source: std::io::Error::from(std::io::ErrorKind::NotFound),
            },
            Error::Output {
                path: "out".into(),
                source: std::io::Error::from(std::io::ErrorKind::NotFound),
            },
        ] {
            let cause = std::io::Error::from(std::io::ErrorKind::NotFound).to_string();
            let line = format!("{:#}", anyhow::Error::new(err));
            assert_eq!(line.matches(&cause).count(), 1, "{line}");
        }
    }
}

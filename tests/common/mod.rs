//! Helpers shared by the integration tests (`mod common;` in each test crate).
//! Not every crate uses every helper.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// One CSV row as a map from column name to value.
pub type Row = BTreeMap<String, String>;

/// The `actorgraph` binary, run from the package root.
pub fn actorgraph() -> Command {
    let mut c = Command::cargo_bin("actorgraph").unwrap();
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

/// `actorgraph build INPUTS... -o OUT EXTRA...`, ready to run.
pub fn build_command(inputs: &[&Path], out: &Path, extra: &[&str]) -> Command {
    let mut c = actorgraph();
    c.arg("build").args(inputs).arg("-o").arg(out).args(extra);
    c
}

/// A path inside the package, e.g. `manifest_path("data/samples")`.
pub fn manifest_path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// The rows of a CSV file with a header line; panics naming the file on error.
pub fn csv_rows(path: &Path) -> Vec<Row> {
    let mut r = csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let headers = r
        .headers()
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .clone();
    r.records()
        .map(|rec| {
            let rec = rec.unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            headers
                .iter()
                .map(String::from)
                .zip(rec.iter().map(String::from))
                .collect()
        })
        .collect()
}

/// The pieces that break export formats: quotes, backslashes, markup,
/// separators, line breaks, control characters, Unicode line and paragraph
/// separators, byte-order marks, non-characters and bidirectional overrides.
/// Property tests glue them into labels.
pub const NASTY_PIECES: &[&str] = &[
    "\"",
    "\\",
    "<",
    ">",
    "&",
    "'",
    ",",
    "|",
    ";",
    "{",
    "}",
    "->",
    "--",
    "\n",
    "\r",
    "\r\n",
    "\t",
    "\u{0}",
    "\u{7}",
    "\u{1b}",
    "\u{7f}",
    "\u{85}",
    "\u{2028}",
    "\u{feff}",
    "\u{fffe}",
    "\u{ffff}",
    "\u{202e}",
    "שלום",
    "مرحبا",
    "é",
    "e\u{301}",
    "😀",
    "👩‍👩‍👧",
    "\\N",
    "\\n",
    "]]>",
    "<!--",
    "&amp;",
    "&#0;",
    " ",
    "x",
    "Macron",
];

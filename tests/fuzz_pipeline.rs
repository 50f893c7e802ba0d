//! No panics on input: random bytes and near-valid JSONL (good records mixed
//! with truncated, garbled, NUL-holding and invalid UTF-8 lines) go through
//! the whole library pipeline (`ingest::open` on a temporary file, then
//! `pipeline::analyze` on every document, or `pipeline::build` with every
//! writer). Nothing may panic, every span must slice its text on character
//! boundaries, and every non-blank JSONL line must give a document or a
//! diagnostic naming its line.

use std::collections::BTreeSet;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use actorgraph::export::Format;
use actorgraph::ingest::{self, IngestOptions, Record};
use actorgraph::lexicon::Lexicon;
use actorgraph::model::Span;
use actorgraph::pipeline::{self, BuildOptions};
use proptest::prelude::*;

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

fn read(path: PathBuf) -> Vec<Record> {
    ingest::open(&[path], &IngestOptions::default())
        .unwrap()
        .collect()
}

fn assert_slices(text: &str, span: Span, what: &str) {
    assert!(
        text.get(span.start..span.end).is_some(),
        "{what} span {span:?} does not slice a text of {} bytes on char boundaries",
        text.len()
    );
}

/// Analyzes every document of `records`, checking the spans of what is found.
fn analyze_all(records: &[Record]) {
    let lexicon = Lexicon::builtin();
    for r in records {
        if let Record::Document(doc) = r {
            let a = pipeline::analyze(doc.clone(), lexicon);
            for m in &a.mentions {
                assert_slices(&doc.text, m.span, "mention");
            }
            for rel in &a.relations {
                for span in [rel.sentence_span, rel.trigger, rel.source_span, rel.target_span] {
                    assert_slices(&doc.text, span, "relation");
                }
            }
        }
    }
}

/// Article-like text with the characters that trip tokenizers: names,
/// punctuation, quotes, accents, right-to-left script, emoji, control characters.
fn text_strategy() -> impl Strategy<Value = String> + Clone {
    let pieces = prop::sample::select(vec![
        "Angela Merkel",
        "Emmanuel Macron",
        "President Joe Biden",
        "Russia",
        "the Kremlin",
        " met ",
        " attacked ",
        " did not meet ",
        " said. ",
        "He",
        " in Paris",
        " on Monday",
        ". ",
        "? ",
        "\"",
        "'",
        "(",
        ")",
        "U.S.",
        "Mr.",
        "—",
        "-",
        "\n\n",
        "\r\n",
        "\t",
        "é",
        "e\u{301}",
        "\u{200b}",
        "\u{feff}",
        "\u{fffd}",
        "حماس",
        "שלום",
        "😀",
        "👩‍👩‍👧",
        "\u{7}",
        "Photo: Reuters/",
        "  ",
        "1,000",
        "2021-06-10",
    ]);
    prop_oneof![
        3 => prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat()),
        1 => any::<String>(),
    ]
}

/// One JSONL line: a good record, or one broken in some way.
fn line_strategy() -> impl Strategy<Value = Vec<u8>> {
    let record = text_strategy().prop_map(|t| serde_json::json!({ "text": t }).to_string().into_bytes());
    let record = record.boxed();
    prop_oneof![
        4 => record.clone(),
        // Truncated.
        1 => (record.clone(), any::<prop::sample::Index>()).prop_map(|(r, i)| r[..i.index(r.len() + 1)].to_vec()),
        // A byte overwritten with anything (invalid UTF-8, NUL, quote, newline...).
        2 => (record.clone(), any::<prop::sample::Index>(), any::<u8>()).prop_map(|(mut r, i, b)| {
            let at = i.index(r.len());
            r[at] = b;
            r
        }),
        // Wrong shapes.
        1 => prop::sample::select(vec![
            b"{}".to_vec(),
            b"[]".to_vec(),
            b"null".to_vec(),
            b"{\"text\":42}".to_vec(),
            b"{\"text\":\"\"}".to_vec(),
            b"{\"text\":\"ok\",\"date\":\"tomorrow\",\"id\":[1]}".to_vec(),
            b"{\"text\":\"ok\",\"title\":{}}".to_vec(),
            b"\xff\xfe{\"text\":\"x\"}".to_vec(),
            b"   ".to_vec(),
            Vec::new(),
        ]),
        // Raw bytes.
        1 => prop::collection::vec(any::<u8>(), 0..64),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Random bytes, read as each kind of file (plain and gzipped, or bytes
    /// claiming to be gzip), never panic in ingest or analysis.
    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048), kind in 0usize..7) {
        let tmp = tempfile::tempdir().unwrap();
        let (name, content) = match kind {
            0 => ("x.txt", bytes),
            1 => ("x.jsonl", bytes),
            2 => ("x.csv", bytes),
            3 => ("x.txt.gz", gzip(&bytes)),
            4 => ("x.jsonl.gz", gzip(&bytes)),
            5 => ("x.csv.gz", gzip(&bytes)),
            _ => ("x.jsonl.gz", bytes),
        };
        let records = read(write(tmp.path(), name, &content));
        analyze_all(&records);
    }

    /// Near-valid JSONL: every non-blank line gives a document or a diagnostic
    /// naming that line, and the documents analyze without panicking.
    #[test]
    fn near_valid_jsonl_never_panics(lines in prop::collection::vec(line_strategy(), 0..24), crlf in any::<bool>()) {
        let tmp = tempfile::tempdir().unwrap();
        let sep: &[u8] = if crlf { b"\r\n" } else { b"\n" };
        let content = lines.join(sep);
        let records = read(write(tmp.path(), "feed.jsonl", &content));
        // A NUL in the first 8 KiB makes it a binary file: one diagnostic, no line.
        if content.iter().take(8192).any(|&b| b == 0) {
            prop_assert!(matches!(records.as_slice(), [Record::Skipped(d)] if d.message.contains("binary")));
            return Ok(());
        }
        let mut covered = BTreeSet::new();
        let mut other_ids = 0;
        for r in &records {
            match r {
                Record::Skipped(d) => {
                    prop_assert!(d.file.ends_with("feed.jsonl"), "{d}");
                    covered.extend(d.line);
                }
                Record::Document(doc) => match doc.id.strip_prefix("feed.jsonl:").and_then(|n| n.parse().ok()) {
                    Some(n) => {
                        covered.insert(n);
                    }
                    None => other_ids += 1,
                },
            }
        }
        // Line numbers as the reader counts them (split on `\n`).
        let non_blank: BTreeSet<usize> = content
            .split(|&b| b == b'\n')
            .enumerate()
            .filter(|(_, l)| !l.iter().all(u8::is_ascii_whitespace))
            .map(|(i, _)| i + 1)
            .collect();
        let missing = non_blank.difference(&covered).count();
        prop_assert!(missing <= other_ids, "lines without a document or diagnostic: {:?}",
            non_blank.difference(&covered).collect::<Vec<_>>());
        analyze_all(&records);
    }

    /// The whole `build` (graph, evidence tables, every writer) on near-valid
    /// JSONL returns normally and reports the bad lines as skipped.
    #[test]
    fn build_on_near_valid_jsonl_never_panics(lines in prop::collection::vec(line_strategy(), 1..12)) {
        let tmp = tempfile::tempdir().unwrap();
        let input = write(tmp.path(), "feed.jsonl", &lines.join(&b'\n'));
        let opts = BuildOptions {
            inputs: vec![input],
            out: tmp.path().join("out"),
            formats: Format::ALL.to_vec(),
            jobs: 1,
            ..BuildOptions::default()
        };
        let summary = pipeline::build(&opts, |_| {});
        prop_assert!(summary.is_ok(), "{:?}", summary.err());
    }
}

//! CSV writers (with the `csv` crate, which quotes any field that needs it).
//!
//! Two flavours, both with a header row even when there is no data:
//! - the graph tables `nodes.csv` and `edges.csv`, in Gephi's spreadsheet
//!   column names ([`NODE_HEADER`], [`EDGE_HEADER`]);
//! - the evidence tables `mentions.csv` and `relations.csv`
//!   ([`MENTION_HEADER`], [`RELATION_HEADER`]), streamed document by document
//!   by an [`EvidenceWriter`] into temporary files that are renamed into
//!   place only by [`EvidenceWriter::finish`].
//!
//! Multi-valued fields (`roles`, `aliases`) are `|`-joined; dates are ISO
//! `YYYY-MM-DD` or empty; booleans are `true`/`false`.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::iso_date;
use tempfile::NamedTempFile;

use crate::error::{Error, Result};
use crate::graph::ActorGraph;
use crate::model::{DocAnalysis, Span};
use crate::vocab::Vocabulary;

/// Header of `nodes.csv`.
pub const NODE_HEADER: [&str; 8] = [
    "Id",
    "Label",
    "kind",
    "country",
    "roles",
    "aliases",
    "mentions",
    "documents",
];

/// Header of `edges.csv`.
pub const EDGE_HEADER: [&str; 12] = [
    "Source",
    "Target",
    "Type",
    "Label",
    "Weight",
    "relation",
    "category",
    "polarity",
    "negated",
    "documents",
    "first_date",
    "last_date",
];

/// Header of `mentions.csv`.
pub const MENTION_HEADER: [&str; 7] = ["doc_id", "start", "end", "text", "entity", "kind", "form"];

/// Header of `relations.csv`.
pub const RELATION_HEADER: [&str; 15] = [
    "doc_id",
    "sentence",
    "start",
    "end",
    "source",
    "target",
    "relation",
    "category",
    "trigger",
    "negated",
    "modality",
    "date",
    "source_text",
    "target_text",
    "evidence",
];

/// Writes `nodes.csv`: one row per node in [`ActorGraph::nodes`] order.
pub fn write_nodes(graph: &ActorGraph, w: &mut dyn Write) -> io::Result<()> {
    let mut out = csv::Writer::from_writer(w);
    out.write_record(NODE_HEADER)?;
    for node in graph.nodes() {
        let [kind, country, roles, aliases, mentions, documents] = super::node_attributes(node);
        out.write_record([
            node.id.as_str(),
            node.label(),
            &kind,
            &country,
            &roles,
            &aliases,
            &mentions,
            &documents,
        ])?;
    }
    out.flush()
}

/// Writes `edges.csv`: one row per edge in [`ActorGraph::edges`] order.
pub fn write_edges(graph: &ActorGraph, w: &mut dyn Write) -> io::Result<()> {
    let mut out = csv::Writer::from_writer(w);
    out.write_record(EDGE_HEADER)?;
    for (source, target, edge) in graph.edges() {
        out.write_record([
            source.id.as_str(),
            target.id.as_str(),
            if edge.directed { "Directed" } else { "Undirected" },
            &edge.label,
            &edge.weight.to_string(),
            &edge.relation,
            &edge.category,
            edge.polarity.name(),
            &edge.negated.to_string(),
            &edge.documents.to_string(),
            &iso_date(edge.first_date),
            &iso_date(edge.last_date),
        ])?;
    }
    out.flush()
}

/// Buffer of each evidence file: large writes, few system calls.
const EVIDENCE_BUFFER: usize = 1 << 20;

/// Appended bytes after which an evidence table starts writing what it has
/// to the disk in the background: the sync at the end of a run, which the
/// run waits for, then has at most this much left to write instead of the
/// whole table (hundreds of MB on a large corpus: the kernel would otherwise
/// keep it all in memory until then).
const SYNC_EVERY: u64 = 64 << 20;

/// One evidence table being written to a temporary file next to its final path.
#[derive(Debug)]
struct PendingTable {
    path: PathBuf,
    out: io::BufWriter<NamedTempFile>,
    /// Bytes appended since the last background sync started.
    unsynced: u64,
    /// [`SYNC_EVERY`] (smaller in tests).
    sync_every: u64,
    /// The background sync (`fdatasync` on its own thread) in progress, if any.
    syncing: Option<std::thread::JoinHandle<io::Result<()>>>,
}

impl PendingTable {
    fn create(path: PathBuf, header: &[&str]) -> Result<Self> {
        let tmp = super::temp_file(&path)?;
        let mut table = Self {
            path,
            out: io::BufWriter::with_capacity(EVIDENCE_BUFFER, tmp),
            unsynced: 0,
            sync_every: SYNC_EVERY,
            syncing: None,
        };
        let mut head = csv::Writer::from_writer(Vec::new());
        head.write_record(header).map_err(|e| table.err(e.into()))?;
        let head = head.into_inner().map_err(|e| table.err(e.into_error()))?;
        table.append(&head)?;
        Ok(table)
    }

    fn err(&self, source: io::Error) -> Error {
        Error::Output {
            path: self.path.clone(),
            source,
        }
    }

    /// Appends rows already serialized as CSV; every [`SYNC_EVERY`] bytes,
    /// once the previous background sync is done, starts another.
    fn append(&mut self, bytes: &[u8]) -> Result<()> {
        self.out.write_all(bytes).map_err(|e| self.err(e))?;
        self.unsynced += bytes.len() as u64;
        if self.unsynced >= self.sync_every && self.syncing.as_ref().is_none_or(|s| s.is_finished()) {
            self.sync_in_background().map_err(|e| self.err(e))?;
        }
        Ok(())
    }

    /// Hands what was appended so far to the kernel and has it written to
    /// the disk on a thread of its own. Without a thread to be had, nothing
    /// starts: the sync at the end writes it all.
    fn sync_in_background(&mut self) -> io::Result<()> {
        self.wait_for_sync()?;
        self.out.flush()?;
        let file = self.out.get_ref().as_file().try_clone()?;
        self.syncing = std::thread::Builder::new()
            .name("sync-evidence".into())
            .spawn(move || file.sync_data())
            .ok();
        self.unsynced = 0;
        Ok(())
    }

    /// Waits for the background sync, if one is running, and returns its result.
    fn wait_for_sync(&mut self) -> io::Result<()> {
        match self.syncing.take() {
            Some(sync) => sync
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            None => Ok(()),
        }
    }

    fn finish(mut self) -> Result<()> {
        self.wait_for_sync().map_err(|e| self.err(e))?;
        let path = self.path;
        let out_err = |source| Error::Output {
            path: path.clone(),
            source,
        };
        let tmp = self.out.into_inner().map_err(|e| out_err(e.into_error()))?;
        super::persist(tmp, &path)
    }
}

/// The evidence rows of one document, serialized as CSV (no header): what
/// [`EvidenceWriter::append`] writes. Made apart from the writer so that the
/// worker threads of a build serialize in parallel and the merging thread
/// only appends bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EvidenceRows {
    mentions: Vec<u8>,
    relations: Vec<u8>,
}

impl EvidenceRows {
    /// One row per mention and one row per relation mention of `doc`.
    ///
    /// Texts are sliced from `doc.text` with the records' spans (empty when a
    /// span does not fit the text); the `evidence` column is the sentence
    /// exactly as it appears in the text, line breaks included.
    pub fn new(doc: &DocAnalysis, vocab: &Vocabulary) -> Self {
        let mut rows = Self::default();
        rows.push(doc, vocab);
        rows
    }

    /// Empties the rows, keeping the buffers for reuse.
    pub fn clear(&mut self) {
        self.mentions.clear();
        self.relations.clear();
    }

    /// Appends the rows of `doc` (see [`new`](Self::new)): a batch of
    /// documents shares one buffer per file.
    pub fn push(&mut self, doc: &DocAnalysis, vocab: &Vocabulary) {
        let text = doc.text.as_str();
        // The document id opens every row: quoted once.
        let mut id = Vec::with_capacity(doc.doc_id.len() + 2);
        Row::new(&mut id).field(doc.doc_id.as_bytes());
        // Room for the rows up front (the sizes are estimates): no regrowing.
        let mentions = &mut self.mentions;
        mentions.reserve(doc.mentions.len() * (id.len() + 80));
        for m in &doc.mentions {
            let mut row = Row::new(mentions);
            row.plain(&id);
            row.number(m.span.start);
            row.number(m.span.end);
            row.field(m.span.slice(text).as_bytes());
            row.field(m.entity.as_ref().map_or("", |e| e.as_str()).as_bytes());
            row.plain(m.kind.name().as_bytes());
            row.plain(m.form.name().as_bytes());
            row.end();
        }
        let relations = &mut self.relations;
        relations.reserve(
            doc.relations
                .iter()
                .map(|r| id.len() + 160 + r.sentence_span.len() + r.source_span.len() + r.target_span.len())
                .sum(),
        );
        // A document's relations have few dates (its own, a few named in the text):
        // each formatted once, found again by a short linear search.
        let mut dates: Vec<(Option<chrono::NaiveDate>, String)> = Vec::new();
        // The sentence of the previous row: consecutive relations often share one.
        let mut sentence = SentenceQuotes::default();
        for r in &doc.relations {
            let category = vocab.get(&r.relation).map_or("", |v| v.category.as_str());
            let iso = match dates.iter().position(|(d, _)| *d == r.date) {
                Some(k) => &dates[k].1,
                None => {
                    dates.push((r.date, iso_date(r.date)));
                    &dates[dates.len() - 1].1
                }
            };
            sentence.check(text, r.sentence_span);
            let mut row = Row::new(relations);
            row.plain(&id);
            row.number(r.sentence);
            row.number(r.sentence_span.start);
            row.number(r.sentence_span.end);
            row.field(r.source.as_str().as_bytes());
            row.field(r.target.as_str().as_bytes());
            row.field(r.relation.as_bytes());
            row.field(category.as_bytes());
            sentence.field(&mut row, text, r.trigger);
            row.plain(if r.negated { b"true" } else { b"false" });
            row.plain(r.modality.name().as_bytes());
            row.plain(iso.as_bytes());
            sentence.field(&mut row, text, r.source_span);
            sentence.field(&mut row, text, r.target_span);
            sentence.field(&mut row, text, r.sentence_span);
            row.end();
        }
    }
}

/// Whether the sentence of a relation row needs quotes, remembered for the
/// rows that follow in the same sentence: the sentence is scanned once, and the
/// texts inside a sentence that needs no quotes (trigger, source, target) need
/// none either, so they are not scanned at all. Lives for one
/// [`EvidenceRows::push`]; [`check`](Self::check) is called for each row.
#[derive(Default)]
struct SentenceQuotes {
    /// The sentence last checked, when it fits the text (else `None`).
    span: Option<Span>,
    /// True when that sentence holds a byte of [`NEEDS_QUOTES`].
    quoted: bool,
}

impl SentenceQuotes {
    /// Makes `span` the sentence of the row, scanning it unless it was the
    /// previous row's.
    fn check(&mut self, text: &str, span: Span) {
        if self.span == Some(span) {
            return;
        }
        let sentence = text.get(span.start..span.end);
        self.span = sentence.map(|_| span);
        self.quoted = sentence.is_some_and(|s| needs_quotes(s.as_bytes()));
    }

    /// Appends the text under `span` as a field of `row`: plain when it lies
    /// in the checked sentence and that needs no quotes, else checked alone.
    fn field(&self, row: &mut Row<'_>, text: &str, span: Span) {
        let bytes = span.slice(text).as_bytes();
        match self.span {
            Some(sentence) if sentence == span && self.quoted => row.quoted(bytes),
            Some(sentence) if !self.quoted && sentence.contains(&span) => row.plain(bytes),
            _ => row.field(bytes),
        }
    }
}

/// The bytes that make a CSV field quoted: `,`, `"`, `\r` and `\n`.
const NEEDS_QUOTES: [bool; 256] = {
    let mut t = [false; 256];
    t[b',' as usize] = true;
    t[b'"' as usize] = true;
    t[b'\r' as usize] = true;
    t[b'\n' as usize] = true;
    t
};

/// Fields at least this long are scanned with memchr (vectorized); shorter
/// ones eight bytes at a time ([`word_needs_quotes`]), and those under eight
/// bytes byte by byte through [`NEEDS_QUOTES`].
const LONG_FIELD: usize = 64;

/// True when `field` holds a byte of [`NEEDS_QUOTES`].
fn needs_quotes(field: &[u8]) -> bool {
    if field.len() >= LONG_FIELD {
        // Long fields (the evidence sentence) are scanned by memchr's
        // vectorized searches.
        return memchr::memchr3(b',', b'"', b'\n', field).is_some() || memchr::memchr(b'\r', field).is_some();
    }
    let word = |bytes: &[u8]| {
        bytes
            .try_into()
            .is_ok_and(|w| word_needs_quotes(u64::from_le_bytes(w)))
    };
    let words = field.chunks_exact(8);
    if words.remainder().is_empty() {
        return words.into_iter().any(word);
    }
    match field.len().checked_sub(8) {
        // The whole words, then the last eight bytes (they overlap the last word).
        Some(last) => words.into_iter().any(word) || word(&field[last..]),
        None => field.iter().any(|&b| NEEDS_QUOTES[usize::from(b)]),
    }
}

/// True when one of the eight bytes of `word` is `,`, `"`, `\r` or `\n`: a
/// byte equal to `b` is a zero byte of `word ^ [b; 8]`, and
/// `(x - 0x01..01) & !x & 0x80..80` is not zero exactly when `x` has a zero byte.
fn word_needs_quotes(word: u64) -> bool {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);
    // The four bytes are all below `-`: a word without such a byte (as most
    // words of ids, keys and single names) is clear without the exact test.
    // `(x - 0x2D..2D) & !x & 0x80..80` is not zero exactly when `x` has a byte below 0x2D.
    const BELOW: u64 = ONES * 0x2D;
    if word.wrapping_sub(BELOW) & !word & HIGHS == 0 {
        return false;
    }
    let zero_byte = |b: u8| {
        let x = word ^ (ONES * u64::from(b));
        x.wrapping_sub(ONES) & !x
    };
    (zero_byte(b',') | zero_byte(b'"') | zero_byte(b'\r') | zero_byte(b'\n')) & HIGHS != 0
}

/// One CSV record being appended to a buffer, byte for byte as the `csv`
/// crate's default writer makes it (the evidence files are the hot path of
/// a build): fields separated by `,`, a field quoted (its quotes doubled)
/// when it holds a `,`, a `"`, `\r` or `\n`, and `\n` after the record.
/// The evidence records have several fields, so the `csv` crate's special
/// case of a record of one empty field never arises.
struct Row<'a> {
    out: &'a mut Vec<u8>,
    first: bool,
}

impl<'a> Row<'a> {
    fn new(out: &'a mut Vec<u8>) -> Self {
        Self { out, first: true }
    }

    // Inlined: a call per field cost more than the check of a short field.
    #[inline(always)]
    fn field(&mut self, field: &[u8]) {
        if needs_quotes(field) {
            self.quoted(field);
        } else {
            self.plain(field);
        }
    }

    /// A field known to need quotes: quoted, its quotes doubled.
    fn quoted(&mut self, field: &[u8]) {
        self.separator();
        self.out.reserve(field.len() + 2);
        self.out.push(b'"');
        // The runs up to each quote copied whole, each quote doubled.
        let mut rest = field;
        while let Some((run, after)) = memchr::memchr(b'"', rest).and_then(|q| rest.split_at_checked(q + 1)) {
            self.out.extend_from_slice(run);
            self.out.push(b'"');
            rest = after;
        }
        self.out.extend_from_slice(rest);
        self.out.push(b'"');
    }

    /// A field known to hold none of the bytes that need quotes (a name of
    /// the contract, digits, a date), or one already quoted.
    fn plain(&mut self, field: &[u8]) {
        self.separator();
        self.out.extend_from_slice(field);
    }

    /// The `,` before every field but the first.
    fn separator(&mut self) {
        if !self.first {
            self.out.push(b',');
        }
        self.first = false;
    }

    fn number(&mut self, n: usize) {
        self.plain(itoa::Buffer::new().format(n).as_bytes());
    }

    fn end(self) {
        self.out.push(b'\n');
    }
}

/// Streams `mentions.csv` and `relations.csv`, one document at a time.
///
/// Both files are written under temporary names in the output folder and
/// renamed into place by [`finish`](Self::finish); dropping the writer
/// without finishing removes them, so a failed run leaves no partial file.
#[derive(Debug)]
pub struct EvidenceWriter {
    mentions: PendingTable,
    relations: PendingTable,
}

impl EvidenceWriter {
    /// Opens the two temporary files in `dir` and writes their headers.
    pub fn create(dir: &Path) -> Result<Self> {
        Ok(Self {
            mentions: PendingTable::create(dir.join("mentions.csv"), &MENTION_HEADER)?,
            relations: PendingTable::create(dir.join("relations.csv"), &RELATION_HEADER)?,
        })
    }

    /// Appends one row per mention and one row per relation mention of `doc`
    /// (see [`EvidenceRows::new`]).
    pub fn add(&mut self, doc: &DocAnalysis, vocab: &Vocabulary) -> Result<()> {
        self.append(&EvidenceRows::new(doc, vocab))
    }

    /// Appends the rows of one document serialized beforehand.
    pub fn append(&mut self, rows: &EvidenceRows) -> Result<()> {
        self.mentions.append(&rows.mentions)?;
        self.relations.append(&rows.relations)
    }

    /// Flushes and syncs both files and renames them to `mentions.csv` and
    /// `relations.csv`. The two are written to the disk at once, each by a
    /// background sync; the syncs that follow, before the renames, find
    /// little left to do.
    pub fn finish(mut self) -> Result<()> {
        for table in [&mut self.mentions, &mut self.relations] {
            table.sync_in_background().map_err(|e| table.err(e))?;
        }
        self.mentions.finish()?;
        self.relations.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_written_as_the_csv_crate_writes_them() {
        let fields: [&[u8]; 15] = [
            b"\"\"",
            b"ends with a quote\"",
            b"\"a\"\"b\", c",
            b"",
            b"plain",
            b"a,b",
            b"say \"hi\"",
            b"\"",
            b"line\nbreak",
            b"cr\rlf\r\n",
            b" spaced ",
            "caf\u{e9} \u{2019}s".as_bytes(),
            b"#hash",
            b"back\\slash",
            b"'single'",
        ];
        let mut ours = Vec::new();
        let mut theirs = csv::Writer::from_writer(Vec::new());
        for (i, f) in fields.iter().enumerate() {
            let mut row = Row::new(&mut ours);
            row.field(f);
            row.number(i * 1_000_003);
            row.field(b"");
            row.end();
            theirs
                .write_record([*f, (i * 1_000_003).to_string().as_bytes(), b""])
                .unwrap();
        }
        assert_eq!(
            String::from_utf8_lossy(&ours),
            String::from_utf8_lossy(&theirs.into_inner().unwrap())
        );
    }

    /// Every byte at every place of fields of every length up to a long one,
    /// among bytes that never need quotes (low, high and next to the special ones).
    #[test]
    fn needs_quotes_finds_every_special_byte() {
        for fill in [b'a', 0, 0xff, b'+', b'-', b'!', b'#', b'\t', 0x0b, 0x0c, 0x0e] {
            for len in 0..LONG_FIELD + 9 {
                let plain = vec![fill; len];
                assert!(!needs_quotes(&plain), "{fill} x {len}");
                for at in 0..len {
                    for b in 0..=255u8 {
                        let mut field = plain.clone();
                        field[at] = b;
                        assert_eq!(
                            needs_quotes(&field),
                            NEEDS_QUOTES[usize::from(b)],
                            "{b} at {at} of {len}"
                        );
                    }
                }
            }
        }
    }

    /// A field of ordinary bytes (ASCII and UTF-8) with up to two of the
    /// bytes that need quotes put anywhere, short or long.
    fn any_field() -> impl proptest::strategy::Strategy<Value = Vec<u8>> {
        use proptest::prelude::*;
        let ordinary = proptest::sample::select(b"ab Z9'#\\\xc3\xa9".to_vec());
        let special = proptest::sample::select(b",\"\r\n".to_vec());
        (
            proptest::collection::vec(ordinary, 0..(2 * LONG_FIELD)),
            proptest::collection::vec((any::<usize>(), special), 0..3),
        )
            .prop_map(|(mut field, specials)| {
                for (at, b) in specials {
                    field.insert(at % (field.len() + 1), b);
                }
                field
            })
    }

    proptest::proptest! {
        /// Any fields, short (scanned byte by byte) or long (scanned whole).
        #[test]
        fn any_row_is_written_as_the_csv_crate_writes_it(
            fields in proptest::collection::vec(any_field(), 2..6),
            number in 0usize..usize::MAX,
        ) {
            let mut ours = Vec::new();
            let mut row = Row::new(&mut ours);
            for f in &fields {
                row.field(f);
            }
            row.number(number);
            row.end();
            let mut theirs = csv::Writer::from_writer(Vec::new());
            let number = number.to_string();
            let record = fields.iter().map(Vec::as_slice).chain([number.as_bytes()]);
            theirs.write_record(record).unwrap();
            proptest::prop_assert_eq!(ours, theirs.into_inner().unwrap());
        }
    }

    use crate::model::{ActorId, ActorKind, MentionForm, MentionRecord, Modality, RelationRecord, Span};
    use chrono::NaiveDate;

    proptest::proptest! {
        /// Relation rows are the `csv` crate's records of the same fields, whatever
        /// the sentences (sharing rows, needing quotes or not) and wherever the
        /// trigger, source and target spans lie (in the sentence, out of it, off the text).
        #[test]
        fn relation_rows_are_those_of_the_csv_crate(
            text in "[a-z ,\"\n\ré]{0,40}",
            spans in proptest::collection::vec(proptest::array::uniform8(0usize..44), 1..6),
        ) {
            let span = |a: usize, b: usize| Span::new(a.min(b), a.max(b));
            let relations: Vec<RelationRecord> = spans
                .iter()
                .enumerate()
                .map(|(i, s)| RelationRecord {
                    // Half the rows share the sentence of the row before.
                    sentence: i / 2,
                    sentence_span: span(spans[i / 2 * 2][0], spans[i / 2 * 2][1]),
                    source: ActorId("person:a".into()),
                    target: ActorId("group:b,c".into()),
                    relation: "met_with".into(),
                    trigger: span(s[2], s[3]),
                    negated: false,
                    modality: Modality::Asserted,
                    date: None,
                    source_span: span(s[4], s[5]),
                    target_span: span(s[6], s[7]),
                })
                .collect();
            let doc = DocAnalysis {
                doc_id: "d".into(),
                text,
                relations,
                ..Default::default()
            };
            let rows = EvidenceRows::new(&doc, Vocabulary::builtin());
            let mut theirs = csv::Writer::from_writer(Vec::new());
            for r in &doc.relations {
                let t = |s: Span| s.slice(&doc.text);
                theirs
                    .write_record([
                        "d",
                        &r.sentence.to_string(),
                        &r.sentence_span.start.to_string(),
                        &r.sentence_span.end.to_string(),
                        r.source.as_str(),
                        r.target.as_str(),
                        "met_with",
                        "CONSULT",
                        t(r.trigger),
                        "false",
                        "asserted",
                        "",
                        t(r.source_span),
                        t(r.target_span),
                        t(r.sentence_span),
                    ])
                    .unwrap();
            }
            proptest::prop_assert_eq!(rows.relations, theirs.into_inner().unwrap());
        }
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    fn doc() -> DocAnalysis {
        let text = "Angela Merkel met\nEmmanuel Macron, \"twice\".".to_string();
        DocAnalysis {
            doc_id: "a/b.txt".into(),
            text,
            mentions: vec![MentionRecord {
                span: Span::new(0, 13),
                sentence: 0,
                entity: Some(ActorId("person:angela-merkel".into())),
                kind: ActorKind::Person,
                form: MentionForm::Name,
            }],
            relations: vec![RelationRecord {
                sentence: 0,
                sentence_span: Span::new(0, 43),
                source: ActorId("person:angela-merkel".into()),
                target: ActorId("person:emmanuel-macron".into()),
                relation: "met_with".into(),
                trigger: Span::new(14, 17),
                negated: false,
                modality: Modality::Asserted,
                date: NaiveDate::from_ymd_opt(2019, 5, 1),
                source_span: Span::new(0, 13),
                target_span: Span::new(18, 33),
            }],
            ..Default::default()
        }
    }

    #[test]
    fn empty_graph_writes_headers() {
        let g = ActorGraph::new();
        let mut out = Vec::new();
        write_nodes(&g, &mut out).unwrap();
        assert_eq!(out, b"Id,Label,kind,country,roles,aliases,mentions,documents\n");
        out.clear();
        write_edges(&g, &mut out).unwrap();
        assert_eq!(
            out,
            b"Source,Target,Type,Label,Weight,relation,category,polarity,negated,documents,first_date,last_date\n"
        );
    }

    #[test]
    fn evidence_is_renamed_on_finish_only() {
        let dir = tempfile::tempdir().unwrap();
        let mut w = EvidenceWriter::create(dir.path()).unwrap();
        w.add(&doc(), Vocabulary::builtin()).unwrap();
        assert!(names(dir.path())
            .iter()
            .all(|n| n.starts_with(super::super::TEMP_PREFIX)));
        w.finish().unwrap();
        assert_eq!(names(dir.path()), ["mentions.csv", "relations.csv"]);
        let mentions = std::fs::read_to_string(dir.path().join("mentions.csv")).unwrap();
        assert_eq!(
            mentions,
            "doc_id,start,end,text,entity,kind,form\na/b.txt,0,13,Angela Merkel,person:angela-merkel,person,name\n"
        );
        let mut rdr = csv::Reader::from_path(dir.path().join("relations.csv")).unwrap();
        assert_eq!(rdr.headers().unwrap(), RELATION_HEADER.as_slice());
        let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
        assert_eq!(rows.len(), 1);
        let row: Vec<&str> = rows[0].iter().collect();
        assert_eq!(
            row,
            [
                "a/b.txt",
                "0",
                "0",
                "43",
                "person:angela-merkel",
                "person:emmanuel-macron",
                "met_with",
                "CONSULT",
                "met",
                "false",
                "asserted",
                "2019-05-01",
                "Angela Merkel",
                "Emmanuel Macron",
                "Angela Merkel met\nEmmanuel Macron, \"twice\".",
            ]
        );
    }

    #[test]
    fn background_syncs_lose_no_row() {
        let dir = tempfile::tempdir().unwrap();
        let mut w = EvidenceWriter::create(dir.path()).unwrap();
        // A background sync every few rows, most while the previous one still runs.
        w.mentions.sync_every = 100;
        w.relations.sync_every = 100;
        let rows = EvidenceRows::new(&doc(), Vocabulary::builtin());
        let mut started = 0;
        for _ in 0..500 {
            w.append(&rows).unwrap();
            started += usize::from(w.mentions.unsynced == 0);
        }
        assert!(started > 0, "no background sync started");
        w.finish().unwrap();
        assert_eq!(names(dir.path()), ["mentions.csv", "relations.csv"]);
        for (file, single) in [
            ("mentions.csv", &rows.mentions),
            ("relations.csv", &rows.relations),
        ] {
            let written = std::fs::read(dir.path().join(file)).unwrap();
            let body = &written[written.iter().position(|&b| b == b'\n').unwrap() + 1..];
            assert_eq!(body, single.repeat(500), "{file}");
        }
    }

    #[test]
    fn dropped_writer_leaves_no_file() {
        let dir = tempfile::tempdir().unwrap();
        {
            let mut w = EvidenceWriter::create(dir.path()).unwrap();
            w.add(&doc(), Vocabulary::builtin()).unwrap();
        }
        assert!(names(dir.path()).is_empty());
    }

    #[test]
    fn empty_evidence_has_headers() {
        let dir = tempfile::tempdir().unwrap();
        EvidenceWriter::create(dir.path()).unwrap().finish().unwrap();
        let m = std::fs::read_to_string(dir.path().join("mentions.csv")).unwrap();
        assert_eq!(m, "doc_id,start,end,text,entity,kind,form\n");
        let r = std::fs::read_to_string(dir.path().join("relations.csv")).unwrap();
        assert_eq!(r.lines().count(), 1);
        assert!(r.starts_with("doc_id,sentence,start,end,"));
    }

    #[test]
    fn bad_spans_give_empty_text() {
        let mut d = doc();
        d.mentions[0].span = Span::new(40, 400);
        let dir = tempfile::tempdir().unwrap();
        let mut w = EvidenceWriter::create(dir.path()).unwrap();
        w.add(&d, Vocabulary::builtin()).unwrap();
        w.finish().unwrap();
        let m = std::fs::read_to_string(dir.path().join("mentions.csv")).unwrap();
        assert!(m.ends_with("a/b.txt,40,400,,person:angela-merkel,person,name\n"));
    }
}

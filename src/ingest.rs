//! Ingest: turns the inputs of `actorgraph build` (files, directories, `-`)
//! into a lazy stream of [`Record`]s: [`Document`]s to process, and
//! [`Diagnostic`]s about what was skipped or repaired on the way.
//!
//! # Inputs
//!
//! - A directory is walked recursively with `std::fs`, one directory listing
//!   at a time, in the byte order of the entries' paths (`a-b.txt` before
//!   `a/x.txt`, as `sort` would list them). Hidden entries (names starting
//!   with `.`) are skipped silently; files with an unknown extension are
//!   skipped with a note.
//! - The type of a file comes from its extension, case-insensitively:
//!   `.txt` and `.md` hold one article each, `.jsonl`/`.ndjson` one JSON object
//!   per line, `.csv` a header row with a `text` column and one article per
//!   row. A trailing `.gz` (gzip, possibly multi-member) is decompressed on
//!   the fly and the type is taken from the extension before it. A file with
//!   an unknown extension named directly on the command line is read as plain
//!   text, with a note.
//! - `-` is standard input: one article of plain text with id `stdin`, or
//!   JSONL/CSV when [`IngestOptions::stdin_format`] says so.
//!
//! Document ids: the record's `id` when it has one; else, for a whole-file
//! article, the path relative to the directory given (with `/` separators) or
//! the file name for a file given directly; for a JSONL/CSV record without an
//! id, `FILE:LINE` with `FILE` named the same way and `LINE` the 1-based line
//! the record starts on.
//!
//! # Streaming
//!
//! [`open`] only checks that the inputs exist; all reading happens as the
//! iterator is advanced, with at most one file open at a time. JSONL and CSV
//! are read record by record through a reused buffer, so a huge file (or a
//! 100 MB article on one line) costs memory for one record only and time
//! linear in its size. A `.txt` file is read whole, since it is one document.
//!
//! # Bad input
//!
//! Only an input named on the command line that does not exist stops the run:
//! [`open`] returns [`Error::Input`] before anything is read. Everything else
//! is a [`Diagnostic`] in the stream (a [`Severity::Warning`] when data is
//! lost or repaired, a [`Severity::Note`] for files that were never meant as
//! input), and the stream goes on:
//!
//! - **Invalid UTF-8** is decoded lossily: every invalid sequence becomes
//!   U+FFFD and the document is kept, with a warning before it. One mangled
//!   byte should not cost a whole article, and every later stage sees (and
//!   measures offsets in) the decoded text, so offsets stay consistent. A
//!   JSONL line is decoded before JSON parsing, CSV fields one by one.
//! - **Binary files** (a NUL byte in the first 8 KiB) are skipped; so is a
//!   JSONL line or CSV record holding a NUL byte.
//! - A **UTF-8 byte-order mark** at the start of a file is stripped silently.
//! - **CRLF** line ends are accepted in JSONL and CSV; a `.txt` article keeps
//!   its text exactly as given.
//! - **Empty files** (no bytes, only whitespace, or only blank JSONL lines) are
//!   skipped with "empty file". A CSV file with a header and no rows gets a note.
//! - A JSONL line that is not JSON, not an object, or lacks a string `text`,
//!   a CSV row whose field count differs from the header, and any record with
//!   an empty `text` are skipped, naming the file and line. An unparsable
//!   `date` (or a field of the wrong JSON type) is a warning and the record is
//!   kept without it. A CSV file without a `text` column is skipped as a whole.
//! - A **corrupt gzip** stream ends its file with a warning (naming the line
//!   reached for JSONL); the records read before it are kept.
//! - **Unreadable files** and directories (permission denied) are skipped with
//!   a warning. **Symlinks** are followed, except to a directory that is
//!   already being walked (a loop), which gets a note; a **dangling symlink**
//!   gets a warning.

use std::borrow::Cow;
use std::collections::VecDeque;
use std::ffi::OsString;
use std::fmt;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use flate2::read::MultiGzDecoder;
use serde_json::Value;

use crate::error::{Error, Result};
use crate::model::Document;

/// How many leading bytes are checked for NUL to tell binary files apart.
const SNIFF_LEN: u64 = 8 * 1024;
/// The UTF-8 byte-order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";
/// A line buffer that grew beyond this is released after use.
const LINE_BUF_KEEP: usize = 16 << 20;
/// Buffer size for reading JSONL.
const READ_BUF: usize = 64 * 1024;

/// How serious a [`Diagnostic`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Severity {
    /// Informational: a file that was not meant as input (unknown extension,
    /// symlink loop), or a file read in a way the user may not expect.
    Note,
    /// Input was lost or repaired: a record or file skipped, bytes replaced,
    /// a field dropped.
    #[default]
    Warning,
}

impl Severity {
    /// Lowercase name (`note`, `warning`), as printed before a message.
    pub const fn name(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A soft failure: a record or file that was skipped or repaired, with where it was.
///
/// Displays as `FILE:LINE: message` or `FILE: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file (as given or found in a directory), or `-` for standard input.
    pub file: String,
    /// 1-based line (or record) number, when there is one.
    pub line: Option<usize>,
    /// What was wrong.
    pub message: String,
    /// Warning (input lost or repaired) or note.
    pub severity: Severity,
}

impl Diagnostic {
    /// A warning: input was lost or repaired.
    pub fn warning(file: impl Into<String>, line: Option<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.into(),
            line,
            message: message.into(),
            severity: Severity::Warning,
        }
    }

    /// A note: something not meant as input was passed over.
    pub fn note(file: impl Into<String>, line: Option<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.into(),
            line,
            message: message.into(),
            severity: Severity::Note,
        }
    }
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
    /// A diagnostic about a document that was kept (lossy UTF-8, a bad date)
    /// comes right before that document.
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

/// Opens every input (files, directories, `-`) and returns the lazy record stream.
///
/// Fails only when an input given on the command line does not exist (or
/// cannot be examined at all); nothing is read before every input is checked.
pub fn open(inputs: &[PathBuf], opts: &IngestOptions) -> Result<Box<dyn Iterator<Item = Record>>> {
    let mut queue = VecDeque::with_capacity(inputs.len());
    for path in inputs {
        if path.as_os_str() == "-" {
            queue.push_back(Input::Stream {
                reader: Box::new(io::stdin()),
                format: opts.stdin_format,
            });
            continue;
        }
        let meta = fs::metadata(path).map_err(|source| Error::Input {
            path: path.clone(),
            source,
        })?;
        queue.push_back(if meta.is_dir() {
            Input::Dir(path.clone())
        } else {
            Input::File(path.clone())
        });
    }
    Ok(Box::new(Ingest::new(queue)))
}

/// Parses an ISO 8601 date or date-time and keeps the date part.
///
/// Accepts `2016-09-05`, `2016-09-05T10:00:00Z` (any time and offset after `T`
/// or a space, such as `2016-09-05 10:00`), and the basic form `20160905`
/// (optionally followed by `T` and a time). Surrounding whitespace is ignored.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let b = s.as_bytes();
    let (date, rest) = if b.len() >= 10 && b[4] == b'-' && b[7] == b'-' {
        let date = ymd(&b[0..4], &b[5..7], &b[8..10])?;
        (date, &b[10..])
    } else if b.len() >= 8 {
        (ymd(&b[0..4], &b[4..6], &b[6..8])?, &b[8..])
    } else {
        return None;
    };
    match rest {
        [] => Some(date),
        [b'T' | b't' | b' ', first, ..] if first.is_ascii_digit() => Some(date),
        _ => None,
    }
}

/// A date from ASCII digit fields, or `None`.
fn ymd(y: &[u8], m: &[u8], d: &[u8]) -> Option<NaiveDate> {
    fn num(digits: &[u8]) -> Option<u32> {
        digits.iter().try_fold(0u32, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    }
    let year = i32::try_from(num(y)?).ok()?;
    NaiveDate::from_ymd_opt(year, num(m)?, num(d)?)
}

/// One input named on the command line.
enum Input {
    /// A stream (standard input) in the given format.
    Stream {
        reader: Box<dyn Read>,
        format: InputFormat,
    },
    /// A file given directly.
    File(PathBuf),
    /// A directory to walk.
    Dir(PathBuf),
}

/// What a file holds, from its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Jsonl,
    Csv,
}

impl From<InputFormat> for Kind {
    fn from(f: InputFormat) -> Self {
        match f {
            InputFormat::Text => Kind::Text,
            InputFormat::Jsonl => Kind::Jsonl,
            InputFormat::Csv => Kind::Csv,
        }
    }
}

/// The kind of a file from its name (`None` when unknown), and whether it is gzipped.
fn classify(name: &str) -> (Option<Kind>, bool) {
    let lower = name.to_ascii_lowercase();
    let (base, gz) = match lower.strip_suffix(".gz") {
        Some(base) => (base, true),
        None => (lower.as_str(), false),
    };
    let kind = match base.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => match ext {
            "txt" | "md" => Some(Kind::Text),
            "jsonl" | "ndjson" => Some(Kind::Jsonl),
            "csv" => Some(Kind::Csv),
            _ => None,
        },
        _ => None,
    };
    (kind, gz)
}

/// Where records come from: how to name the file in diagnostics and in ids.
struct Source {
    /// The file as given or found (`-` for standard input), for diagnostics.
    display: String,
    /// The file as named in document ids (relative path, file name, `stdin`).
    id: String,
    /// Whether the bytes come through a gzip decoder.
    gz: bool,
}

impl Source {
    fn warning(&self, line: Option<usize>, message: impl Into<String>) -> Record {
        Record::Skipped(Diagnostic::warning(self.display.clone(), line, message))
    }

    fn note(&self, line: Option<usize>, message: impl Into<String>) -> Record {
        Record::Skipped(Diagnostic::note(self.display.clone(), line, message))
    }

    /// A read error, explained as corrupt gzip data when it probably is.
    fn read_error(&self, line: Option<usize>, e: &io::Error) -> Record {
        let corrupt = matches!(
            e.kind(),
            io::ErrorKind::InvalidInput | io::ErrorKind::InvalidData | io::ErrorKind::UnexpectedEof
        );
        if self.gz && corrupt {
            self.warning(line, format!("corrupt gzip data ({e}); rest of file skipped"))
        } else {
            self.warning(line, format!("read error ({e}); rest of file skipped"))
        }
    }

    /// The id of a record without one.
    fn line_id(&self, line: usize) -> String {
        format!("{}:{line}", self.id)
    }
}

/// One directory being walked.
struct DirFrame {
    /// Canonical path, to detect symlink loops.
    canonical: PathBuf,
    /// The path as given or found.
    path: PathBuf,
    /// Id prefix of its entries: `""` or `sub/dir/`.
    rel: String,
    /// Entries left to visit, in walk order.
    entries: std::vec::IntoIter<OsString>,
}

/// The record stream behind [`open`].
struct Ingest {
    inputs: VecDeque<Input>,
    walk: Vec<DirFrame>,
    reader: Option<RecordReader>,
    pending: VecDeque<Record>,
}

impl Iterator for Ingest {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        loop {
            if let Some(record) = self.pending.pop_front() {
                return Some(record);
            }
            if let Some(reader) = &mut self.reader {
                if !reader.step(&mut self.pending) {
                    self.reader = None;
                }
                continue;
            }
            if let Some(frame) = self.walk.last_mut() {
                match frame.entries.next() {
                    Some(name) => {
                        let path = frame.path.join(&name);
                        let rel = format!("{}{}", frame.rel, name.to_string_lossy());
                        self.visit_entry(path, rel);
                    }
                    None => {
                        self.walk.pop();
                    }
                }
                continue;
            }
            match self.inputs.pop_front()? {
                Input::Stream { reader, format } => {
                    let src = Source {
                        display: "-".into(),
                        id: "stdin".into(),
                        gz: false,
                    };
                    self.start_stream(src, Kind::from(format), reader);
                }
                Input::File(path) => {
                    let display = path.to_string_lossy().into_owned();
                    let id = match path.file_name() {
                        Some(name) => name.to_string_lossy().into_owned(),
                        None => display.clone(),
                    };
                    let (kind, gz) = classify(&id);
                    let src = Source { display, id, gz };
                    let kind = kind.unwrap_or_else(|| {
                        self.pending
                            .push_back(src.note(None, "unknown extension; read as plain text"));
                        Kind::Text
                    });
                    self.start_file(&path, src, kind);
                }
                Input::Dir(path) => {
                    let display = path.to_string_lossy().into_owned();
                    self.enter_dir(path, display, String::new());
                }
            }
        }
    }
}

impl Ingest {
    fn new(inputs: VecDeque<Input>) -> Self {
        Ingest {
            inputs,
            walk: Vec::new(),
            reader: None,
            pending: VecDeque::new(),
        }
    }

    fn warn(&mut self, file: &Path, message: impl Into<String>) {
        let d = Diagnostic::warning(file.to_string_lossy(), None, message);
        self.pending.push_back(Record::Skipped(d));
    }

    /// Visits one (non-hidden) entry of the directory being walked.
    fn visit_entry(&mut self, path: PathBuf, rel: String) {
        let link = match fs::symlink_metadata(&path) {
            Ok(m) => m,
            Err(e) => return self.warn(&path, format!("cannot read ({e}); skipped")),
        };
        let meta = if link.file_type().is_symlink() {
            match fs::metadata(&path) {
                Ok(m) => m,
                Err(e) if e.kind() == io::ErrorKind::NotFound => {
                    return self.warn(&path, "dangling symlink; skipped");
                }
                Err(e) => return self.warn(&path, format!("cannot follow symlink ({e}); skipped")),
            }
        } else {
            link
        };
        let display = path.to_string_lossy().into_owned();
        if meta.is_dir() {
            self.enter_dir(path, display, format!("{rel}/"));
        } else if meta.is_file() {
            let (kind, gz) = classify(&rel);
            let src = Source { display, id: rel, gz };
            match kind {
                Some(kind) => self.start_file(&path, src, kind),
                None => self
                    .pending
                    .push_back(src.note(None, "unknown extension; skipped")),
            }
        } else {
            self.pending.push_back(Record::Skipped(Diagnostic::note(
                display,
                None,
                "not a regular file; skipped",
            )));
        }
    }

    /// Lists a directory and pushes it on the walk, unless it is already on the walk.
    fn enter_dir(&mut self, path: PathBuf, display: String, rel: String) {
        let canonical = match fs::canonicalize(&path) {
            Ok(c) => c,
            Err(e) => return self.warn(&path, format!("cannot resolve directory ({e}); skipped")),
        };
        if self.walk.iter().any(|f| f.canonical == canonical) {
            self.pending.push_back(Record::Skipped(Diagnostic::note(
                display,
                None,
                "symlink loop (directory already being read); skipped",
            )));
            return;
        }
        let listing = match fs::read_dir(&path) {
            Ok(l) => l,
            Err(e) => return self.warn(&path, format!("cannot read directory ({e}); skipped")),
        };
        // Sort keys: the name, plus `/` for a directory, so that the walk visits
        // files in the byte order of their full paths.
        let mut entries: Vec<(Vec<u8>, OsString)> = Vec::new();
        for entry in listing {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    self.warn(&path, format!("cannot list an entry ({e})"));
                    continue;
                }
            };
            let name = entry.file_name();
            if name.as_encoded_bytes().first() == Some(&b'.') {
                continue;
            }
            let is_dir = match entry.file_type() {
                Ok(t) if t.is_symlink() => fs::metadata(entry.path()).is_ok_and(|m| m.is_dir()),
                Ok(t) => t.is_dir(),
                Err(_) => false,
            };
            let mut key = name.as_encoded_bytes().to_vec();
            if is_dir {
                key.push(b'/');
            }
            entries.push((key, name));
        }
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let names: Vec<OsString> = entries.into_iter().map(|(_, name)| name).collect();
        self.walk.push(DirFrame {
            canonical,
            path,
            rel,
            entries: names.into_iter(),
        });
    }

    /// Opens a file and starts reading it.
    fn start_file(&mut self, path: &Path, src: Source, kind: Kind) {
        let file = match File::open(path) {
            Ok(f) => f,
            Err(e) => {
                self.pending
                    .push_back(src.warning(None, format!("cannot open ({e}); skipped")));
                return;
            }
        };
        let raw: Box<dyn Read> = if src.gz {
            Box::new(MultiGzDecoder::new(file))
        } else {
            Box::new(file)
        };
        self.start_stream(src, kind, raw);
    }

    /// Sniffs the start of a stream (BOM, binary, empty) and reads it as `kind`.
    fn start_stream(&mut self, src: Source, kind: Kind, mut raw: Box<dyn Read>) {
        let mut head = Vec::new();
        if let Err(e) = (&mut raw).take(SNIFF_LEN).read_to_end(&mut head) {
            self.pending.push_back(src.read_error(None, &e));
            return;
        }
        if head.contains(&0) {
            let message = "binary file (NUL byte in the first 8 KiB); skipped";
            self.pending.push_back(src.warning(None, message));
            return;
        }
        if head.starts_with(BOM) {
            head.drain(..BOM.len());
        }
        if (head.len() as u64) < SNIFF_LEN && head.iter().all(u8::is_ascii_whitespace) {
            self.pending.push_back(src.warning(None, "empty file; skipped"));
            return;
        }
        match kind {
            Kind::Text => read_text(src, head, raw, &mut self.pending),
            Kind::Jsonl => {
                let input = BufReader::with_capacity(READ_BUF, Cursor::new(head).chain(raw));
                self.reader = Some(RecordReader::Jsonl(JsonlReader {
                    src,
                    input,
                    buf: Vec::new(),
                    line: 0,
                    non_blank: 0,
                }));
            }
            Kind::Csv => {
                let input: Box<dyn Read> = Box::new(Cursor::new(head).chain(raw));
                if let Some(reader) = CsvReader::start(src, input, &mut self.pending) {
                    self.reader = Some(RecordReader::Csv(reader));
                }
            }
        }
    }
}

/// Reads the rest of a one-article file and queues its document.
fn read_text(src: Source, mut bytes: Vec<u8>, mut raw: Box<dyn Read>, out: &mut VecDeque<Record>) {
    if let Err(e) = raw.read_to_end(&mut bytes) {
        out.push_back(src.read_error(None, &e));
        return;
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            out.push_back(src.warning(None, "invalid UTF-8 replaced with U+FFFD"));
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    if text.trim().is_empty() {
        out.push_back(src.warning(None, "empty file; skipped"));
        return;
    }
    out.push_back(Record::Document(Document {
        id: src.id,
        text,
        ..Default::default()
    }));
}

/// A stream whose first bytes were read ahead to sniff it, then put back.
type Sniffed = io::Chain<Cursor<Vec<u8>>, Box<dyn Read>>;

/// A file being read record by record.
enum RecordReader {
    Jsonl(JsonlReader),
    Csv(CsvReader),
}

impl RecordReader {
    /// Reads one line or record, queueing what it yields. False at the end.
    fn step(&mut self, out: &mut VecDeque<Record>) -> bool {
        match self {
            RecordReader::Jsonl(r) => r.step(out),
            RecordReader::Csv(r) => r.step(out),
        }
    }
}

/// Reads JSONL line by line through one reused buffer.
struct JsonlReader {
    src: Source,
    input: BufReader<Sniffed>,
    buf: Vec<u8>,
    /// Lines read so far (the 1-based number of the current line).
    line: usize,
    non_blank: usize,
}

impl JsonlReader {
    fn step(&mut self, out: &mut VecDeque<Record>) -> bool {
        if self.buf.capacity() > LINE_BUF_KEEP {
            self.buf = Vec::new();
        }
        self.buf.clear();
        match read_line(&mut self.input, &mut self.buf) {
            Ok(0) => {
                if self.non_blank == 0 {
                    out.push_back(self.src.warning(None, "empty file; skipped"));
                }
                return false;
            }
            Ok(_) => self.line += 1,
            Err(e) => {
                out.push_back(self.src.read_error(Some(self.line + 1), &e));
                return false;
            }
        }
        let mut bytes = self.buf.as_slice();
        bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
        bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return true;
        }
        self.non_blank += 1;
        parse_json_line(&self.src, self.line, bytes, out);
        true
    }
}

/// Appends the bytes of `input` up to and including the next `\n` (or to the end)
/// to `buf` and returns their number, 0 at the end: `BufRead::read_until`, with
/// memchr's vectorized search for the line end (the standard library's is not).
fn read_line(input: &mut impl BufRead, buf: &mut Vec<u8>) -> io::Result<usize> {
    let mut read = 0;
    loop {
        let available = match input.fill_buf() {
            Ok(available) => available,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let (done, used) = match memchr::memchr(b'\n', available) {
            Some(i) => (true, i + 1),
            None => (available.is_empty(), available.len()),
        };
        buf.extend_from_slice(&available[..used]);
        input.consume(used);
        read += used;
        if done {
            return Ok(read);
        }
    }
}

/// The JSON type of a value, for messages.
fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Parses one non-blank JSONL line and queues its diagnostics and document.
fn parse_json_line(src: &Source, line: usize, bytes: &[u8], out: &mut VecDeque<Record>) {
    let at = Some(line);
    // memchr's search is vectorized (a slice's `contains` is not): every line is scanned.
    if memchr::memchr(0, bytes).is_some() {
        out.push_back(src.warning(at, "binary data (NUL byte); skipped"));
        return;
    }
    let json = match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => {
            out.push_back(src.warning(at, "invalid UTF-8 replaced with U+FFFD"));
            String::from_utf8_lossy(bytes)
        }
    };
    let value: Value = match serde_json::from_str(&json) {
        Ok(v) => v,
        Err(e) => {
            out.push_back(src.warning(at, format!("not valid JSON ({e}); skipped")));
            return;
        }
    };
    drop(json);
    let Value::Object(mut map) = value else {
        let message = format!("not a JSON object but {}; skipped", json_type(&value));
        out.push_back(src.warning(at, message));
        return;
    };
    let text = match map.remove("text") {
        Some(Value::String(s)) => s,
        Some(other) => {
            let message = format!("`text` is {}, not a string; skipped", json_type(&other));
            out.push_back(src.warning(at, message));
            return;
        }
        None => {
            out.push_back(src.warning(at, "no `text` field; skipped"));
            return;
        }
    };
    if text.trim().is_empty() {
        out.push_back(src.warning(at, "empty `text`; skipped"));
        return;
    }
    let mut diags = Vec::new();
    let id = match map.remove("id") {
        Some(Value::String(s)) if !s.trim().is_empty() => s,
        Some(Value::Number(n)) => n.to_string(),
        None | Some(Value::Null | Value::String(_)) => src.line_id(line),
        Some(other) => {
            let id = src.line_id(line);
            diags.push(format!("`id` is {}; using {id}", json_type(&other)));
            id
        }
    };
    let mut field = |name: &str| match map.remove(name) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s),
        None | Some(Value::Null | Value::String(_)) => None,
        Some(other) => {
            diags.push(format!(
                "`{name}` is {}, not a string; ignored",
                json_type(&other)
            ));
            None
        }
    };
    let title = field("title");
    let url = field("url");
    let source = field("source");
    let date = field("date").and_then(|d| {
        let date = parse_date(&d);
        if date.is_none() {
            diags.push(format!("unparsable date {d:?}; date left empty"));
        }
        date
    });
    out.extend(diags.into_iter().map(|m| src.warning(at, m)));
    out.push_back(Record::Document(Document {
        id,
        text,
        title,
        date,
        url,
        source,
    }));
}

/// Column positions of a CSV header.
struct Columns {
    text: usize,
    id: Option<usize>,
    title: Option<usize>,
    date: Option<usize>,
    url: Option<usize>,
    source: Option<usize>,
}

/// Passes bytes through and remembers where the newlines are, so that a CSV
/// record can be given the line it starts on (the csv crate's own positions
/// do not count skipped blank lines, nor the `\n` of a CRLF until the next record).
struct LineIndex {
    inner: Box<dyn Read>,
    /// Bytes passed through so far.
    offset: u64,
    /// Offsets of the newlines not yet pruned, ascending.
    newlines: VecDeque<u64>,
    /// Newlines pruned (all before the first one kept).
    pruned: usize,
}

impl Read for LineIndex {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let start = self.offset;
        let found = buf[..n].iter().enumerate().filter(|(_, &b)| b == b'\n');
        self.newlines.extend(found.map(|(i, _)| start + i as u64));
        self.offset += n as u64;
        Ok(n)
    }
}

impl LineIndex {
    /// The 1-based line of the byte at `offset` (not pruned yet).
    fn line_of(&self, offset: u64) -> usize {
        self.pruned + self.newlines.partition_point(|&o| o < offset) + 1
    }

    /// Forgets the newlines before `offset`.
    fn prune_before(&mut self, offset: u64) {
        while self.newlines.front().is_some_and(|&o| o < offset) {
            self.newlines.pop_front();
            self.pruned += 1;
        }
    }

    /// The 1-based line a record starts on, given where it ends (exclusive,
    /// terminator included) and how many newlines its fields hold.
    fn record_start(&mut self, end: u64, embedded: usize) -> usize {
        let mut last = end;
        if last > 0 && self.newlines.binary_search(&(last - 1)).is_ok() {
            last -= 1;
        }
        let line = self.line_of(last).saturating_sub(embedded);
        self.prune_before(end);
        line
    }
}

/// Reads CSV record by record.
struct CsvReader {
    src: Source,
    reader: csv::Reader<LineIndex>,
    columns: Columns,
    width: usize,
    record: csv::ByteRecord,
    records: usize,
}

/// The 1-based line a CSV position points at.
fn csv_line(pos: Option<&csv::Position>) -> Option<usize> {
    pos.and_then(|p| usize::try_from(p.line()).ok())
}

impl CsvReader {
    /// Reads the header; `None` (with a diagnostic) when the file cannot be used.
    fn start(src: Source, input: Box<dyn Read>, out: &mut VecDeque<Record>) -> Option<Self> {
        let input = LineIndex {
            inner: input,
            offset: 0,
            newlines: VecDeque::new(),
            pruned: 0,
        };
        let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(input);
        let header = match reader.byte_headers() {
            Ok(h) => h.clone(),
            Err(e) => {
                out.push_back(csv_error(&src, e));
                return None;
            }
        };
        let find = |name: &str| {
            header
                .iter()
                .position(|h| String::from_utf8_lossy(h).trim().eq_ignore_ascii_case(name))
        };
        let Some(text) = find("text") else {
            out.push_back(src.warning(Some(1), "no `text` column in the header; file skipped"));
            return None;
        };
        let columns = Columns {
            text,
            id: find("id"),
            title: find("title"),
            date: find("date"),
            url: find("url"),
            source: find("source"),
        };
        Some(CsvReader {
            src,
            reader,
            columns,
            width: header.len(),
            record: csv::ByteRecord::new(),
            records: 0,
        })
    }

    fn step(&mut self, out: &mut VecDeque<Record>) -> bool {
        match self.reader.read_byte_record(&mut self.record) {
            Ok(true) => {}
            Ok(false) => {
                if self.records == 0 {
                    out.push_back(self.src.note(None, "no records after the header"));
                }
                return false;
            }
            Err(e) => {
                out.push_back(csv_error(&self.src, e));
                return false;
            }
        }
        self.records += 1;
        let embedded = self.record.as_slice().iter().filter(|&&b| b == b'\n').count();
        let end = self.reader.position().byte();
        let line = self.reader.get_mut().record_start(end, embedded);
        let at = Some(line);
        let src = &self.src;
        if self.record.len() != self.width {
            let message = format!(
                "row has {} fields, the header has {}; skipped",
                self.record.len(),
                self.width
            );
            out.push_back(src.warning(at, message));
            return true;
        }
        if memchr::memchr(0, self.record.as_slice()).is_some() {
            out.push_back(src.warning(at, "binary data (NUL byte); skipped"));
            return true;
        }
        let mut lossy = false;
        let mut field = |col: Option<usize>| -> Option<String> {
            let bytes = self.record.get(col?)?;
            let s = match std::str::from_utf8(bytes) {
                Ok(s) => s.to_owned(),
                Err(_) => {
                    lossy = true;
                    String::from_utf8_lossy(bytes).into_owned()
                }
            };
            (!s.trim().is_empty()).then_some(s)
        };
        let text = field(Some(self.columns.text));
        let id = field(self.columns.id);
        let title = field(self.columns.title);
        let date_text = field(self.columns.date);
        let url = field(self.columns.url);
        let source = field(self.columns.source);
        if lossy {
            out.push_back(src.warning(at, "invalid UTF-8 replaced with U+FFFD"));
        }
        let Some(text) = text else {
            out.push_back(src.warning(at, "empty `text`; skipped"));
            return true;
        };
        let date = date_text.and_then(|d| {
            let date = parse_date(&d);
            if date.is_none() {
                out.push_back(src.warning(at, format!("unparsable date {d:?}; date left empty")));
            }
            date
        });
        out.push_back(Record::Document(Document {
            id: id.unwrap_or_else(|| src.line_id(line)),
            text,
            title,
            date,
            url,
            source,
        }));
        true
    }
}

/// A CSV reading error as a diagnostic; the rest of the file is skipped.
fn csv_error(src: &Source, e: csv::Error) -> Record {
    let line = csv_line(e.position());
    match e.kind() {
        csv::ErrorKind::Io(io) => src.read_error(line, io),
        _ => src.warning(line, format!("{e}; rest of file skipped")),
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use flate2::write::GzEncoder;
    use flate2::Compression;

    use super::*;

    fn read(inputs: &[PathBuf]) -> Vec<Record> {
        open(inputs, &IngestOptions::default()).unwrap().collect()
    }

    fn read_stream(bytes: &[u8], format: InputFormat) -> Vec<Record> {
        let input = Input::Stream {
            reader: Box::new(Cursor::new(bytes.to_vec())),
            format,
        };
        Ingest::new(VecDeque::from([input])).collect()
    }

    #[test]
    fn read_line_reads_as_read_until_does() {
        let text = b"first\n\nsecond line, longer than the buffer\r\nlast without end";
        for capacity in [1, 4, 64] {
            let mut ours = BufReader::with_capacity(capacity, &text[..]);
            let mut std = BufReader::with_capacity(capacity, &text[..]);
            loop {
                let (mut a, mut b) = (b"kept".to_vec(), b"kept".to_vec());
                let n = read_line(&mut ours, &mut a).unwrap();
                assert_eq!(n, std.read_until(b'\n', &mut b).unwrap());
                assert_eq!(a, b);
                if n == 0 {
                    break;
                }
            }
        }
    }

    fn docs(records: &[Record]) -> Vec<&Document> {
        records
            .iter()
            .filter_map(|r| match r {
                Record::Document(d) => Some(d),
                Record::Skipped(_) => None,
            })
            .collect()
    }

    fn ids(records: &[Record]) -> Vec<&str> {
        docs(records).iter().map(|d| d.id.as_str()).collect()
    }

    fn diagnostics(records: &[Record]) -> Vec<&Diagnostic> {
        records
            .iter()
            .filter_map(|r| match r {
                Record::Skipped(d) => Some(d),
                Record::Document(_) => None,
            })
            .collect()
    }

    /// Writes `bytes` to `dir/rel`, creating parent folders.
    fn write(dir: &Path, rel: &str, bytes: &[u8]) -> PathBuf {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).unwrap();
        }
        fs::write(&path, bytes).unwrap();
        path
    }

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut enc = GzEncoder::new(Vec::new(), Compression::default());
        enc.write_all(bytes).unwrap();
        enc.finish().unwrap()
    }

    #[test]
    fn parse_date_accepts_iso_forms() {
        let d = NaiveDate::from_ymd_opt(2016, 9, 5);
        for s in [
            "2016-09-05",
            "2016-09-05T10:00:00Z",
            "2016-09-05 10:00",
            "20160905",
            "2016-09-05T23:30:00+02:00",
            "20160905T1000Z",
            "  2016-09-05\n",
        ] {
            assert_eq!(parse_date(s), d, "{s:?}");
        }
        for s in [
            "",
            "2016-13-01",
            "2016-02-30",
            "05/09/2016",
            "2016-09-05x",
            "2016-9-5",
            "yesterday",
        ] {
            assert_eq!(parse_date(s), None, "{s:?}");
        }
    }

    #[test]
    fn diagnostic_display() {
        let d = Diagnostic::warning("feed.jsonl", Some(3), "not valid JSON");
        assert_eq!(d.to_string(), "feed.jsonl:3: not valid JSON");
        assert_eq!(d.severity, Severity::Warning);
        let n = Diagnostic::note("corpus/a.docx", None, "unknown extension; skipped");
        assert_eq!(n.to_string(), "corpus/a.docx: unknown extension; skipped");
        assert_eq!(n.severity.to_string(), "note");
    }

    #[test]
    fn missing_input_is_fatal_before_reading() {
        let tmp = tempfile::tempdir().unwrap();
        write(tmp.path(), "a.txt", b"The talks resumed in Vienna.");
        let missing = tmp.path().join("missing.jsonl");
        let err = open(
            &[tmp.path().to_path_buf(), missing.clone()],
            &IngestOptions::default(),
        )
        .err()
        .unwrap();
        assert!(
            matches!(&err, Error::Input { path, .. } if *path == missing),
            "{err}"
        );
    }

    #[test]
    fn stream_is_lazy() {
        let tmp = tempfile::tempdir().unwrap();
        let stream = open(&[tmp.path().to_path_buf()], &IngestOptions::default()).unwrap();
        write(
            tmp.path(),
            "late.txt",
            b"A file written after open is still read.",
        );
        let records: Vec<Record> = stream.collect();
        assert_eq!(ids(&records), ["late.txt"]);
    }

    #[test]
    fn directory_walk_ids_order_hidden_and_unknown() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        write(dir, "b.txt", b"Parliament approved the budget.");
        write(dir, "a/x.md", b"# Summit\n\nLeaders met in Brussels.");
        write(dir, "a-b.txt", b"The ceasefire held overnight.");
        write(dir, "a/c/y.TXT", b"Talks resumed on Friday.");
        write(dir, ".hidden.txt", b"Never read.");
        write(dir, ".git/z.txt", b"Never read either.");
        write(dir, "notes.docx", b"Not an article.");
        write(dir, "a/readme", b"No extension.");
        let records = read(&[dir.to_path_buf()]);
        // Byte order of the full paths: '-' (0x2d) sorts before '/' (0x2f).
        assert_eq!(ids(&records), ["a-b.txt", "a/c/y.TXT", "a/x.md", "b.txt"]);
        assert_eq!(docs(&records)[2].text, "# Summit\n\nLeaders met in Brussels.");
        let diags = diagnostics(&records);
        assert_eq!(diags.len(), 2, "{diags:?}");
        assert!(diags.iter().all(|d| d.severity == Severity::Note));
        assert!(diags[0].file.ends_with("a/readme"), "{}", diags[0]);
        assert!(diags[1].file.ends_with("notes.docx"), "{}", diags[1]);
        assert!(diags.iter().all(|d| d.message.contains("unknown extension")));
    }

    #[test]
    fn file_given_directly_is_named_by_its_file_name() {
        let tmp = tempfile::tempdir().unwrap();
        let a = write(tmp.path(), "deep/dir/report.txt", b"Exports rose in March.");
        let b = write(tmp.path(), "article.text", b"The central bank held rates.");
        let records = read(&[a, b.clone()]);
        assert_eq!(ids(&records), ["report.txt", "article.text"]);
        let diags = diagnostics(&records);
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].severity, Severity::Note);
        assert_eq!(diags[0].file, b.to_string_lossy());
        assert!(diags[0].message.contains("plain text"));
    }

    const FEED: &str = concat!(
        r#"{"id":"n1","text":"The foreign ministers met in Geneva on Monday.","title":"Talks","#,
        r#""date":"2016-09-05T10:00:00Z","url":"https://example.org/1","source":"Wire"}"#,
        "\n",
        "\n",
        r#"{"id":42,"text":"Barack Obama spoke with Angela Merkel by phone."}"#,
        "\n",
        r#"{"text":"Troops withdrew from the border town.","date":"last Tuesday"}"#,
        "\n",
        "this is not json\n",
        "[1, 2]\n",
        r#"{"title":"No text here"}"#,
        "\n",
        r#"{"text":5}"#,
        "\n",
        r#"{"text":"Aid convoys reached the city.","title":7}"#,
        "\n",
    );

    #[test]
    fn jsonl_records_and_bad_lines() {
        let tmp = tempfile::tempdir().unwrap();
        let path = write(tmp.path(), "feed.jsonl", FEED.as_bytes());
        let records = read(std::slice::from_ref(&path));
        assert_eq!(ids(&records), ["n1", "42", "feed.jsonl:4", "feed.jsonl:9"]);
        let first = docs(&records)[0];
        assert_eq!(first.title.as_deref(), Some("Talks"));
        assert_eq!(first.date, NaiveDate::from_ymd_opt(2016, 9, 5));
        assert_eq!(first.url.as_deref(), Some("https://example.org/1"));
        assert_eq!(first.source.as_deref(), Some("Wire"));
        let third = docs(&records)[2];
        assert_eq!(third.date, None);
        assert_eq!(docs(&records)[3].title, None);

        let diags = diagnostics(&records);
        let lines: Vec<Option<usize>> = diags.iter().map(|d| d.line).collect();
        assert_eq!(lines, [Some(4), Some(5), Some(6), Some(7), Some(8), Some(9)]);
        assert!(diags.iter().all(|d| d.file == path.to_string_lossy()));
        assert!(diags.iter().all(|d| d.severity == Severity::Warning));
        assert!(diags[0].message.contains("unparsable date"), "{}", diags[0]);
        assert!(diags[1].message.contains("not valid JSON"), "{}", diags[1]);
        assert!(diags[2].message.contains("not a JSON object"), "{}", diags[2]);
        assert!(diags[3].message.contains("no `text`"), "{}", diags[3]);
        assert!(diags[4].message.contains("not a string"), "{}", diags[4]);
        assert!(diags[5].message.contains("`title`"), "{}", diags[5]);
        // A warning about a kept record comes right before it.
        let pos = records
            .iter()
            .position(|r| matches!(r, Record::Skipped(d) if d.line == Some(4)));
        assert!(matches!(&records[pos.unwrap() + 1], Record::Document(d) if d.id == "feed.jsonl:4"));
    }

    #[test]
    fn jsonl_in_directory_uses_relative_path_for_missing_ids() {
        let tmp = tempfile::tempdir().unwrap();
        write(tmp.path(), "2016/sep/feed.ndjson", FEED.as_bytes());
        let records = read(&[tmp.path().to_path_buf()]);
        assert_eq!(ids(&records)[2], "2016/sep/feed.ndjson:4");
    }

    #[test]
    fn csv_records_ragged_rows_and_crlf() {
        let tmp = tempfile::tempdir().unwrap();
        let csv = concat!(
            "Id,TEXT,date,Title\r\n",
            "c1,\"Ministers met, then spoke to reporters.\",2016-09-05,Summit\r\n",
            ",Talks continued on Tuesday.,,\r\n",
            "c3,too,many,fields,here\r\n",
            "c4,\"A quoted\r\nmultiline article.\",20160906,\r\n",
            "\r\n",
            ",The last article.,someday,\r\n",
        );
        let path = write(tmp.path(), "news.csv", csv.as_bytes());
        let records = read(&[path]);
        assert_eq!(ids(&records), ["c1", "news.csv:3", "c4", "news.csv:8"]);
        let docs = docs(&records);
        assert_eq!(docs[0].text, "Ministers met, then spoke to reporters.");
        assert_eq!(docs[0].title.as_deref(), Some("Summit"));
        assert_eq!(docs[1].date, None);
        assert_eq!(docs[2].text, "A quoted\r\nmultiline article.");
        assert_eq!(docs[2].date, NaiveDate::from_ymd_opt(2016, 9, 6));
        let diags = diagnostics(&records);
        assert_eq!(diags.len(), 2, "{diags:?}");
        assert_eq!(diags[0].line, Some(4));
        assert!(diags[0].message.contains("5 fields"), "{}", diags[0]);
        assert_eq!(diags[1].line, Some(8));
        assert!(diags[1].message.contains("unparsable date"), "{}", diags[1]);
    }

    #[test]
    fn csv_line_numbers_are_exact() {
        // LF ends, blank lines, a quoted field spanning lines, no final newline.
        let csv = "\ntext,id\n\n\nA,\n\"Two\nline\nfield\n\",\n\nC,\n\"D\"\"x\",";
        let records = read_stream(csv.as_bytes(), InputFormat::Csv);
        assert_eq!(ids(&records), ["stdin:5", "stdin:6", "stdin:11", "stdin:12"]);
        assert_eq!(docs(&records)[1].text, "Two\nline\nfield\n");
        assert_eq!(docs(&records)[3].text, "D\"x");
    }

    #[test]
    fn csv_without_text_column_is_one_diagnostic() {
        let tmp = tempfile::tempdir().unwrap();
        let path = write(
            tmp.path(),
            "bad.csv",
            b"id,body\n1,Talks began.\n2,Talks ended.\n",
        );
        let records = read(&[path]);
        assert!(docs(&records).is_empty());
        let diags = diagnostics(&records);
        assert_eq!(diags.len(), 1);
        assert!(diags[0].message.contains("no `text` column"));
    }

    #[test]
    fn gzip_inputs_by_inner_extension() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        write(dir, "a.txt.gz", &gzip(b"Rebels shelled the airport."));
        write(
            dir,
            "b.jsonl.gz",
            &gzip(b"{\"text\":\"The envoy arrived.\"}\n{\"text\":\"He left.\"}\n"),
        );
        write(dir, "c.csv.gz", &gzip(b"text\nThe border reopened.\n"));
        write(dir, "d.tar.gz", &gzip(b"not an article"));
        // Two gzip members in one file are read as one stream.
        let mut multi = gzip(b"{\"text\":\"First member.\"}\n");
        multi.extend(gzip(b"{\"text\":\"Second member.\"}\n"));
        write(dir, "e.ndjson.GZ", &multi);
        let records = read(&[dir.to_path_buf()]);
        assert_eq!(
            ids(&records),
            [
                "a.txt.gz",
                "b.jsonl.gz:1",
                "b.jsonl.gz:2",
                "c.csv.gz:2",
                "e.ndjson.GZ:1",
                "e.ndjson.GZ:2"
            ]
        );
        assert_eq!(docs(&records)[0].text, "Rebels shelled the airport.");
        let diags = diagnostics(&records);
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].severity, Severity::Note);
    }

    #[test]
    fn corrupt_gzip_is_skipped_and_earlier_records_kept() {
        let tmp = tempfile::tempdir().unwrap();
        let garbage = write(tmp.path(), "garbage.jsonl.gz", b"this is not gzip at all");
        let records = read(std::slice::from_ref(&garbage));
        assert!(docs(&records).is_empty());
        let diags = diagnostics(&records);
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].file, garbage.to_string_lossy());
        assert!(diags[0].message.contains("gzip"), "{}", diags[0]);

        let mut feed = String::new();
        for i in 0..5000 {
            feed.push_str(&format!(
                "{{\"text\":\"Report number {i} on the negotiations.\"}}\n"
            ));
        }
        let full = gzip(feed.as_bytes());
        let truncated = write(tmp.path(), "cut.jsonl.gz", &full[..full.len() / 2]);
        let records = read(&[truncated]);
        let n = docs(&records).len();
        assert!(n > 0 && n < 5000, "{n}");
        let diags = diagnostics(&records);
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].line, Some(n + 1));
        assert!(diags[0].message.contains("corrupt gzip"), "{}", diags[0]);
        assert!(matches!(records.last(), Some(Record::Skipped(_))));

        let txt = write(tmp.path(), "cut.txt.gz", &full[..full.len() / 2]);
        let records = read(&[txt]);
        assert!(docs(&records).is_empty());
        assert_eq!(diagnostics(&records).len(), 1);
    }

    #[test]
    fn invalid_utf8_is_decoded_lossily_with_a_warning() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        write(dir, "a.txt", b"Talks in Gen\xffva ended.");
        write(
            dir,
            "b.jsonl",
            b"{\"text\":\"Sanctions on Caf\xe9 owners.\"}\n{\"text\":\"Clean line.\"}\n",
        );
        write(dir, "c.csv", b"text,title\nThe mayor of Z\xfcrich resigned.,ok\n");
        let records = read(&[dir.to_path_buf()]);
        let texts: Vec<&str> = docs(&records).iter().map(|d| d.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Talks in Gen\u{FFFD}va ended.",
                "Sanctions on Caf\u{FFFD} owners.",
                "Clean line.",
                "The mayor of Z\u{FFFD}rich resigned."
            ]
        );
        let diags = diagnostics(&records);
        let lines: Vec<Option<usize>> = diags.iter().map(|d| d.line).collect();
        assert_eq!(lines, [None, Some(1), Some(2)]);
        assert!(diags.iter().all(|d| d.message.contains("U+FFFD")));
    }

    #[test]
    fn binary_files_and_lines_are_skipped() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        write(dir, "photo.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
        write(dir, "dump.jsonl", b"{\"text\":\"ok\"}\n\0\0\0\0");
        let mut feed = Vec::new();
        for i in 0..200 {
            feed.extend(format!("{{\"text\":\"Dispatch {i} from the front line.\"}}\n").bytes());
        }
        assert!(feed.len() as u64 > SNIFF_LEN);
        feed.extend(b"{\"text\":\"bad\0byte\"}\n{\"text\":\"After the binary line.\"}\n");
        write(dir, "late.jsonl", &feed);
        let records = read(&[dir.to_path_buf()]);
        assert_eq!(docs(&records).len(), 201);
        assert_eq!(ids(&records).last(), Some(&"late.jsonl:202"));
        let diags = diagnostics(&records);
        assert_eq!(diags.len(), 3, "{diags:?}");
        assert!(diags[0].file.ends_with("dump.jsonl") && diags[0].message.contains("binary file"));
        assert!(diags[1].file.ends_with("late.jsonl") && diags[1].line == Some(201));
        assert!(diags[1].message.contains("NUL"));
        assert!(diags[2].file.ends_with("photo.txt") && diags[2].message.contains("binary file"));
    }

    #[test]
    fn byte_order_mark_is_stripped_silently() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        write(dir, "a.txt", b"\xEF\xBB\xBFThe summit opened.");
        write(dir, "b.jsonl", b"\xEF\xBB\xBF{\"text\":\"The summit closed.\"}\n");
        write(dir, "c.csv", b"\xEF\xBB\xBFtext\nThe summit was postponed.\n");
        let records = read(&[dir.to_path_buf()]);
        assert!(diagnostics(&records).is_empty(), "{:?}", diagnostics(&records));
        let texts: Vec<&str> = docs(&records).iter().map(|d| d.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "The summit opened.",
                "The summit closed.",
                "The summit was postponed."
            ]
        );
    }

    #[test]
    fn crlf_line_ends() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        write(dir, "a.txt", b"First line.\r\nSecond line.\r\n");
        write(
            dir,
            "b.jsonl",
            b"{\"id\":\"x\",\"text\":\"One.\"}\r\n\r\n{\"text\":\"Two.\"}\r\n",
        );
        let records = read(&[dir.to_path_buf()]);
        assert!(diagnostics(&records).is_empty());
        assert_eq!(ids(&records), ["a.txt", "x", "b.jsonl:3"]);
        assert_eq!(docs(&records)[0].text, "First line.\r\nSecond line.\r\n");
        assert_eq!(docs(&records)[2].text, "Two.");
    }

    #[test]
    fn empty_files_are_skipped() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        write(dir, "a.txt", b"");
        write(dir, "b.md", b"  \n\t\r\n");
        write(dir, "c.jsonl", b"");
        write(dir, "d.jsonl", b"\n\r\n\n");
        write(dir, "e.csv", b"");
        write(dir, "f.txt", b"\xEF\xBB\xBF");
        write(dir, "g.txt", "\u{3000}\u{a0}".as_bytes());
        write(dir, "h.txt.gz", &gzip(b""));
        let records = read(&[dir.to_path_buf()]);
        assert!(docs(&records).is_empty());
        let diags = diagnostics(&records);
        assert_eq!(diags.len(), 8, "{diags:?}");
        assert!(
            diags.iter().all(|d| d.message.starts_with("empty file")),
            "{diags:?}"
        );

        let header_only = write(dir, "sub/h.csv", b"id,text\n");
        let records = read(&[header_only]);
        let diags = diagnostics(&records);
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].severity, Severity::Note);
    }

    #[cfg(unix)]
    #[test]
    fn unreadable_files_are_skipped() {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        write(dir, "a.txt", b"Readable article.");
        let secret = write(dir, "secret.txt", b"Locked article.");
        fs::set_permissions(&secret, fs::Permissions::from_mode(0o000)).unwrap();
        if File::open(&secret).is_ok() {
            eprintln!("note: running with privileges that ignore file permissions; assertion skipped");
            return;
        }
        for inputs in [vec![dir.to_path_buf()], vec![secret.clone()]] {
            let records = read(&inputs);
            let diags = diagnostics(&records);
            assert_eq!(diags.len(), 1);
            assert_eq!(diags[0].file, secret.to_string_lossy());
            assert!(diags[0].message.contains("cannot open"), "{}", diags[0]);
        }
        let locked = dir.join("locked");
        write(&locked, "inner.txt", b"Behind a locked folder.");
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
        let records = read(&[dir.to_path_buf()]);
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
        assert_eq!(ids(&records), ["a.txt"]);
        let diags = diagnostics(&records);
        assert_eq!(diags.len(), 2, "{diags:?}");
        assert!(diags[0].file.ends_with("locked") && diags[0].message.contains("cannot read directory"));
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_and_dangling_links() {
        use std::os::unix::fs::symlink;
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("corpus");
        write(&root, "sub/a.txt", b"Negotiators met again.");
        let outside = write(tmp.path(), "outside.txt", b"An article outside the corpus.");
        symlink(&root, root.join("sub/loop")).unwrap();
        symlink(root.join("nowhere.txt"), root.join("dangling.txt")).unwrap();
        symlink(&outside, root.join("link.txt")).unwrap();
        let records = read(std::slice::from_ref(&root));
        assert_eq!(ids(&records), ["link.txt", "sub/a.txt"]);
        let diags = diagnostics(&records);
        assert_eq!(diags.len(), 2, "{diags:?}");
        assert!(diags[0].file.ends_with("dangling.txt") && diags[0].message.contains("dangling"));
        assert_eq!(diags[0].severity, Severity::Warning);
        assert!(diags[1].file.ends_with("sub/loop") && diags[1].message.contains("loop"));
        assert_eq!(diags[1].severity, Severity::Note);
    }

    #[test]
    fn standard_input_formats() {
        let records = read_stream(b"Protesters gathered in the square.\n", InputFormat::Text);
        assert_eq!(ids(&records), ["stdin"]);
        let records = read_stream(b"{\"text\":\"One.\"}\nnope\n", InputFormat::Jsonl);
        assert_eq!(ids(&records), ["stdin:1"]);
        assert_eq!(
            diagnostics(&records)[0]
                .to_string()
                .split(':')
                .take(2)
                .collect::<Vec<_>>(),
            ["-", "2"]
        );
        let records = read_stream(b"id,text\ns1,Two.\n", InputFormat::Csv);
        assert_eq!(ids(&records), ["s1"]);
        let records = read_stream(b"", InputFormat::Text);
        assert_eq!(diagnostics(&records)[0].to_string(), "-: empty file; skipped");
    }

    #[test]
    fn hundred_megabyte_line() {
        let tmp = tempfile::tempdir().unwrap();
        let sentence = "The delegations met again and agreed to continue the talks. ";
        let repeat = 100_000_000 / sentence.len() + 1;
        let mut feed = Vec::with_capacity(repeat * sentence.len() + 100);
        feed.extend(b"{\"id\":\"big\",\"text\":\"");
        for _ in 0..repeat {
            feed.extend(sentence.as_bytes());
        }
        feed.extend(b"\"}\n{\"text\":\"A short one.\"}\n");
        let path = write(tmp.path(), "big.jsonl", &feed);
        drop(feed);
        let mut stream = open(&[path], &IngestOptions::default()).unwrap();
        match stream.next() {
            Some(Record::Document(d)) => {
                assert_eq!(d.id, "big");
                assert_eq!(d.text.len(), repeat * sentence.len());
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(stream.next(), Some(Record::Document(d)) if d.id == "big.jsonl:2"));
        assert!(stream.next().is_none());
    }
}

//! The command-line contract (`docs/contract.md`), end to end through the
//! built binary: files written and their headers, `--format`, exit codes and
//! messages, standard input, directory order and document ids, diagnostics
//! for bad records, byte offsets, determinism and atomic writes.

mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use common::{actorgraph, build_command, csv_rows, manifest_path};
use predicates::prelude::*;

/// The files of a default run, with their exact header rows (`None`: not CSV).
const FILES: [(&str, Option<&str>); 6] = [
    ("graph.dot", None),
    ("graph.graphml", None),
    ("nodes.csv", Some("Id,Label,kind,country,roles,aliases,mentions,documents")),
    (
        "edges.csv",
        Some("Source,Target,Type,Label,Weight,relation,category,polarity,negated,documents,first_date,last_date"),
    ),
    ("mentions.csv", Some("doc_id,start,end,text,entity,kind,form")),
    (
        "relations.csv",
        Some(
            "doc_id,sentence,start,end,source,target,relation,category,trigger,negated,modality,date,\
             source_text,target_text,evidence",
        ),
    ),
];

/// `actorgraph build INPUTS... -o OUT --quiet`, expected to succeed.
fn build(inputs: &[&Path], out: &Path) {
    build_command(inputs, out, &["--quiet"]).assert().success();
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Document ids in order of first appearance in `mentions.csv`.
fn doc_order(dir: &Path) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for row in csv_rows(&dir.join("mentions.csv")) {
        if ids.last() != Some(&row["doc_id"]) {
            assert!(
                !ids.contains(&row["doc_id"]),
                "{} appears in two runs of rows",
                row["doc_id"]
            );
            ids.push(row["doc_id"].clone());
        }
    }
    ids
}

fn write(dir: &Path, rel: &str, content: &str) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, content).unwrap();
}

#[test]
fn build_writes_every_file_with_contract_headers() {
    let out = tempfile::tempdir().unwrap();
    actorgraph()
        .args(["build", "data/samples", "-o"])
        .arg(out.path())
        .assert()
        .success();
    // The contract's six files, plus the merge state (docs/scale.md).
    let mut expected: Vec<String> = FILES.iter().map(|(f, _)| f.to_string()).collect();
    expected.push("graph.state.jsonl".into());
    expected.sort();
    assert_eq!(listing(out.path()), expected);
    for (file, header) in FILES {
        let content = std::fs::read_to_string(out.path().join(file)).unwrap();
        assert!(!content.is_empty(), "{file} is empty");
        if let Some(header) = header {
            assert_eq!(content.lines().next(), Some(header), "header of {file}");
            assert!(content.lines().count() > 1, "{file} has no rows");
        }
    }
    let dot = std::fs::read_to_string(out.path().join("graph.dot")).unwrap();
    assert!(dot.contains("graph"), "{dot}");
    let graphml = std::fs::read_to_string(out.path().join("graph.graphml")).unwrap();
    assert!(graphml.contains("<graphml"), "{graphml}");
}

#[test]
fn format_dot_writes_only_dot() {
    let out = tempfile::tempdir().unwrap();
    actorgraph()
        .args(["build", "data/samples", "--quiet", "--format", "dot", "-o"])
        .arg(out.path())
        .assert()
        .success();
    assert_eq!(listing(out.path()), ["graph.dot", "graph.state.jsonl"]);
}

#[test]
fn unknown_format_is_a_usage_error() {
    let out = tempfile::tempdir().unwrap();
    actorgraph()
        .args(["build", "data/samples", "--format", "pdf", "-o"])
        .arg(out.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("pdf"));
    assert!(listing(out.path()).is_empty(), "{:?}", listing(out.path()));
}

#[test]
fn missing_input_is_a_fatal_error_naming_it() {
    let out = tempfile::tempdir().unwrap();
    actorgraph()
        .args(["build", "data/no-such-corpus.jsonl", "-o"])
        .arg(out.path().join("out"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no-such-corpus.jsonl"));
}

#[test]
fn output_path_that_is_a_file_is_a_fatal_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-dir");
    std::fs::write(&file, "keep me").unwrap();
    actorgraph()
        .args(["build", "data/samples", "-o"])
        .arg(&file)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("not-a-dir"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "keep me");
}

#[test]
fn stdin_plain_text() {
    let out = tempfile::tempdir().unwrap();
    actorgraph()
        .args(["build", "-", "--quiet", "-o"])
        .arg(out.path())
        .write_stdin("German Chancellor Angela Merkel met French President Emmanuel Macron in Paris.\n")
        .assert()
        .success();
    let mentions = csv_rows(&out.path().join("mentions.csv"));
    assert!(mentions.iter().all(|m| m["doc_id"] == "stdin"), "{mentions:#?}");
    assert!(
        mentions.iter().any(|m| m["entity"] == "person:angela-merkel"),
        "{mentions:#?}"
    );
    let relations = csv_rows(&out.path().join("relations.csv"));
    assert!(
        relations.iter().any(|r| r["relation"] == "met_with"),
        "{relations:#?}"
    );
}

#[test]
fn stdin_jsonl() {
    let out = tempfile::tempdir().unwrap();
    let input = concat!(
        r#"{"id":"one","date":"2021-06-10","text":"Joe Biden met Boris Johnson in Cornwall on Thursday."}"#,
        "\n",
        r#"{"id":"two","text":"Recep Tayyip Erdogan held talks with Vladimir Putin in Sochi."}"#,
        "\n",
    );
    actorgraph()
        .args(["build", "-", "--input-format", "jsonl", "--quiet", "-o"])
        .arg(out.path())
        .write_stdin(input)
        .assert()
        .success();
    assert_eq!(doc_order(out.path()), ["one", "two"]);
    let relations = csv_rows(&out.path().join("relations.csv"));
    assert!(
        relations
            .iter()
            .any(|r| r["doc_id"] == "one" && r["date"] == "2021-06-10"),
        "{relations:#?}"
    );
}

#[test]
fn directory_is_read_recursively_in_sorted_order() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    // Byte order of the paths: `b.jsonl` < `b/c.txt` ('.' < '/') < `c.csv`.
    write(
        &corpus,
        "c.csv",
        "text\nNarendra Modi met Joe Biden in Washington.\n",
    );
    write(&corpus, "b/c.txt", "Olaf Scholz met Justin Trudeau in Berlin.\n");
    write(
        &corpus,
        "b.jsonl",
        "{\"text\":\"Xi Jinping met Vladimir Putin in Moscow.\"}\n",
    );
    write(&corpus, "a.txt", "Angela Merkel met Emmanuel Macron in Paris.\n");
    let out = dir.path().join("out");
    build(&[&corpus], &out);
    assert_eq!(doc_order(&out), ["a.txt", "b.jsonl:1", "b/c.txt", "c.csv:2"]);
    let relations = csv_rows(&out.join("relations.csv"));
    let order: Vec<&str> = relations.iter().map(|r| r["doc_id"].as_str()).collect();
    let mut sorted = order.clone();
    sorted.dedup();
    assert_eq!(
        sorted,
        ["a.txt", "b.jsonl:1", "b/c.txt", "c.csv:2"],
        "relations.csv order"
    );
}

#[test]
fn bad_jsonl_line_is_a_warning_and_the_rest_is_processed() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("feed.jsonl");
    std::fs::write(
        &input,
        concat!(
            r#"{"id":"first","text":"Angela Merkel met Emmanuel Macron in Paris."}"#,
            "\n",
            r#"{"id":"broken","text":"Xi Jinping met"#,
            "\n",
            r#"{"id":"third","text":"Joe Biden met Boris Johnson in Cornwall."}"#,
            "\n",
        ),
    )
    .unwrap();
    let out = dir.path().join("out");
    actorgraph()
        .arg("build")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .assert()
        .success()
        .stderr(predicate::str::contains("feed.jsonl:2"));
    assert_eq!(doc_order(&out), ["first", "third"]);
}

/// Document texts of `data/samples` and the ceasefire-like story, by document id
/// as `build data/samples tests/data/ceasefire-like.txt` names them.
fn sample_texts() -> HashMap<String, String> {
    let mut texts = HashMap::new();
    let samples = manifest_path("data/samples");
    for entry in std::fs::read_dir(&samples).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        match path.extension().and_then(|e| e.to_str()) {
            Some("txt") => {
                texts.insert(name, std::fs::read_to_string(&path).unwrap());
            }
            Some("jsonl") => {
                for line in std::fs::read_to_string(&path).unwrap().lines() {
                    let v: serde_json::Value = serde_json::from_str(line).unwrap();
                    texts.insert(
                        v["id"].as_str().unwrap().into(),
                        v["text"].as_str().unwrap().into(),
                    );
                }
            }
            Some("csv") => {
                for row in csv_rows(&path) {
                    texts.insert(row["id"].clone(), row["text"].clone());
                }
            }
            _ => {}
        }
    }
    let story = manifest_path("tests/data/ceasefire-like.txt");
    texts.insert(
        "ceasefire-like.txt".into(),
        std::fs::read_to_string(story).unwrap(),
    );
    texts
}

#[test]
fn offsets_slice_the_document_text_exactly() {
    let out = tempfile::tempdir().unwrap();
    build(
        &[
            &manifest_path("data/samples"),
            &manifest_path("tests/data/ceasefire-like.txt"),
        ],
        out.path(),
    );
    let texts = sample_texts();
    let slice = |doc: &str, start: &str, end: &str| -> String {
        let text = texts.get(doc).unwrap_or_else(|| panic!("unknown doc_id {doc:?}"));
        let (s, e): (usize, usize) = (start.parse().unwrap(), end.parse().unwrap());
        text.get(s..e)
            .unwrap_or_else(|| panic!("{doc}: {s}..{e} is not a slice"))
            .to_string()
    };
    let mentions = csv_rows(&out.path().join("mentions.csv"));
    assert!(mentions.len() > 50, "{}", mentions.len());
    for m in &mentions {
        assert_eq!(slice(&m["doc_id"], &m["start"], &m["end"]), m["text"], "{m:#?}");
    }
    let relations = csv_rows(&out.path().join("relations.csv"));
    assert!(relations.len() > 20, "{}", relations.len());
    for r in &relations {
        let sentence = slice(&r["doc_id"], &r["start"], &r["end"]);
        assert_eq!(sentence, r["evidence"], "{r:#?}");
        for field in ["trigger", "source_text", "target_text"] {
            assert!(
                sentence.contains(r[field].as_str()),
                "{field} not in its sentence: {r:#?}"
            );
        }
    }
    let docs: std::collections::BTreeSet<&str> = mentions.iter().map(|m| m["doc_id"].as_str()).collect();
    assert_eq!(docs.len(), texts.len(), "documents with mentions: {docs:?}");
}

#[test]
fn same_input_gives_byte_identical_outputs() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let inputs = [
        manifest_path("data/samples"),
        manifest_path("tests/data/ceasefire-like.txt"),
    ];
    let inputs: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
    build(&inputs, a.path());
    build(&inputs, b.path());
    for (file, _) in FILES {
        let (x, y) = (
            std::fs::read(a.path().join(file)).unwrap(),
            std::fs::read(b.path().join(file)).unwrap(),
        );
        assert!(x == y, "{file} differs between two runs on the same input");
    }
}

#[test]
fn no_temporary_files_are_left_behind() {
    let out = tempfile::tempdir().unwrap();
    build(&[&manifest_path("data/samples")], out.path());
    // A second run over existing outputs replaces them, again without leftovers.
    build(&[&manifest_path("tests/data/ceasefire-like.txt")], out.path());
    let names = listing(out.path());
    assert!(
        names.iter().all(|n| !n.starts_with(".actorgraph-tmp-")),
        "{names:?}"
    );
    assert_eq!(names.len(), FILES.len() + 1, "{names:?}");
    let mentions = csv_rows(&out.path().join("mentions.csv"));
    assert!(
        mentions.iter().all(|m| m["doc_id"] == "ceasefire-like.txt"),
        "stale rows from the first run"
    );
}

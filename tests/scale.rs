//! Scale: parallel builds give the same bytes as `--jobs 1`, `merge` of
//! shards gives the same bytes as one build over the whole corpus, and the
//! progress bar stays off when standard error is not a terminal (as in these
//! tests, whose output is captured).
//!
//! Corpora: `tests/data/scale-corpus.jsonl` (ten invented news-like
//! paragraphs) and articles from the `gen-corpus` binary.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use assert_cmd::prelude::*;
use common::{actorgraph, build_command};
use predicates::prelude::*;

/// Every file `build` writes with the default formats.
const FILES: [&str; 7] = [
    "nodes.csv",
    "edges.csv",
    "graph.dot",
    "graph.graphml",
    "mentions.csv",
    "relations.csv",
    "graph.state.jsonl",
];

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/scale-corpus.jsonl")
}

/// `gen-corpus --docs N --seed S`, as lines.
fn generated(docs: usize, seed: u64) -> Vec<String> {
    let out = Command::cargo_bin("gen-corpus")
        .unwrap()
        .args(["--docs", &docs.to_string(), "--seed", &seed.to_string()])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), docs);
    text.lines().map(String::from).collect()
}

fn write_lines(path: &Path, lines: &[String]) {
    let mut text = lines.join("\n");
    text.push('\n');
    std::fs::write(path, text).unwrap();
}

fn build(inputs: &[&Path], out: &Path, extra: &[&str]) {
    build_command(inputs, out, extra).assert().success();
}

fn assert_same_files(a: &Path, b: &Path, files: &[&str]) {
    for f in files {
        let (x, y) = (
            std::fs::read(a.join(f)).unwrap(),
            std::fs::read(b.join(f)).unwrap(),
        );
        assert!(x == y, "{f} differs between {} and {}", a.display(), b.display());
    }
}

#[test]
fn jobs_do_not_change_a_byte() {
    let tmp = tempfile::tempdir().unwrap();
    let gen = tmp.path().join("gen.jsonl");
    // Enough documents for several batches per worker: each worker sums its
    // batches into a graph of its own, and which worker takes which batch
    // varies from run to run.
    write_lines(&gen, &generated(600, 11));
    let inputs = [corpus(), gen];
    let inputs: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
    let one = tmp.path().join("j1");
    build(&inputs, &one, &["--jobs", "1", "-q"]);
    for jobs in ["2", "3"] {
        let many = tmp.path().join(format!("j{jobs}"));
        build(&inputs, &many, &["--jobs", jobs, "-q"]);
        assert_same_files(&one, &many, &FILES);
    }
    let relations = std::fs::read_to_string(one.join("relations.csv")).unwrap();
    assert!(
        relations.lines().count() > 500,
        "the generated corpus yields relations"
    );
}

#[test]
fn jobs_zero_is_a_usage_error() {
    actorgraph()
        .args(["build", "--jobs", "0"])
        .arg(corpus())
        .assert()
        .code(2);
}

/// Builds `parts` one by one, merges them, and compares with one build of the whole.
fn check_merge(parts: &[Vec<String>], tmp: &Path) {
    let whole: Vec<String> = parts.concat();
    let whole_file = tmp.join("whole.jsonl");
    write_lines(&whole_file, &whole);
    build(&[&whole_file], &tmp.join("whole"), &["-q"]);
    let mut dirs = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        let file = tmp.join(format!("part{i}.jsonl"));
        write_lines(&file, part);
        let dir = tmp.join(format!("part{i}"));
        build(&[&file], &dir, &["-q", "--jobs", "2"]);
        dirs.push(dir);
    }
    let merged = tmp.join("merged");
    actorgraph()
        .arg("merge")
        .args(&dirs)
        .arg("-o")
        .arg(&merged)
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "merged {} folders",
            parts.len()
        )));
    assert_same_files(&tmp.join("whole"), &merged, &FILES);
}

#[test]
fn merge_of_halves_equals_one_build() {
    let text = std::fs::read_to_string(corpus()).unwrap();
    let lines: Vec<String> = text.lines().map(String::from).collect();
    let (a, b) = lines.split_at(lines.len() / 2);
    let tmp = tempfile::tempdir().unwrap();
    check_merge(&[a.to_vec(), b.to_vec()], tmp.path());
}

#[test]
fn merge_of_three_generated_shards_equals_one_build() {
    let lines = generated(90, 5);
    let parts: Vec<Vec<String>> = lines.chunks(30).map(<[String]>::to_vec).collect();
    let tmp = tempfile::tempdir().unwrap();
    check_merge(&parts, tmp.path());
}

#[test]
fn merge_of_merges_equals_one_merge() {
    let lines = generated(40, 9);
    let tmp = tempfile::tempdir().unwrap();
    let mut dirs = Vec::new();
    for (i, part) in lines.chunks(10).enumerate() {
        let file = tmp.path().join(format!("p{i}.jsonl"));
        write_lines(&file, part);
        let dir = tmp.path().join(format!("p{i}"));
        build(&[&file], &dir, &["-q"]);
        dirs.push(dir);
    }
    let merge = |dirs: &[PathBuf], out: &Path| {
        actorgraph()
            .arg("merge")
            .args(dirs)
            .arg("-o")
            .arg(out)
            .arg("-q")
            .assert()
            .success();
    };
    let all = tmp.path().join("all");
    merge(&dirs, &all);
    let (left, right) = (tmp.path().join("left"), tmp.path().join("right"));
    merge(&dirs[..2], &left);
    merge(&dirs[2..], &right);
    let nested = tmp.path().join("nested");
    merge(&[left, right], &nested);
    assert_same_files(&all, &nested, &FILES);
}

#[test]
fn merge_refuses_a_folder_without_state() {
    let tmp = tempfile::tempdir().unwrap();
    let good = tmp.path().join("good");
    build(&[&corpus()], &good, &["-q"]);
    let bare = tmp.path().join("bare");
    std::fs::create_dir(&bare).unwrap();
    std::fs::copy(good.join("nodes.csv"), bare.join("nodes.csv")).unwrap();
    let out = tmp.path().join("out");
    actorgraph()
        .arg("merge")
        .arg(&good)
        .arg(&bare)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("graph.state.jsonl"));
    assert!(!out.exists(), "nothing is written when a folder is refused");
}

#[test]
fn merge_without_csv_evidence_needs_a_format_without_csv() {
    let tmp = tempfile::tempdir().unwrap();
    let dot_only = tmp.path().join("dot");
    build(&[&corpus()], &dot_only, &["-q", "--format", "dot"]);
    assert!(dot_only.join("graph.state.jsonl").is_file());
    let out = tmp.path().join("out");
    actorgraph()
        .arg("merge")
        .arg(&dot_only)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("mentions.csv"));
    actorgraph()
        .arg("merge")
        .arg(&dot_only)
        .arg("-o")
        .arg(&out)
        .args(["--format", "dot,graphml"])
        .assert()
        .success();
    assert!(out.join("graph.graphml").is_file() && !out.join("nodes.csv").exists());
}

#[test]
fn no_progress_bar_when_stderr_is_not_a_terminal() {
    let tmp = tempfile::tempdir().unwrap();
    let out = actorgraph()
        .arg("build")
        .arg(corpus())
        .arg("-o")
        .arg(tmp.path().join("a"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        !stderr.contains('\r') && !stderr.contains('\x1b'),
        "terminal codes: {stderr:?}"
    );
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "only the summary line: {stderr:?}");
    assert!(lines[0].starts_with("actorgraph: 10 documents ("), "{stderr:?}");
    // --quiet: nothing at all.
    actorgraph()
        .arg("build")
        .arg(corpus())
        .arg("-o")
        .arg(tmp.path().join("b"))
        .arg("--quiet")
        .assert()
        .success()
        .stderr(predicate::str::is_empty());
}

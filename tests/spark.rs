//! Spark: `scripts/spark/test_spark.sh` runs the PySpark job in local mode
//! (`local[2]`) over a generated corpus and checks that the merged output
//! equals one `actorgraph build` byte for byte.
//!
//! Without pyspark or Java the test prints `SKIP: ...` and passes, unless
//! `ACTORGRAPH_REQUIRE_INTEROP=1` is set (as in CI), where it fails.

use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};

fn skip(what: &str) {
    let msg =
        format!("SKIP: {what} (pip install pyspark; Java 17, e.g. apt-get install openjdk-17-jre-headless)");
    if std::env::var("ACTORGRAPH_REQUIRE_INTEROP").is_ok_and(|v| v == "1") {
        panic!("{msg}, but ACTORGRAPH_REQUIRE_INTEROP=1");
    }
    let _ = writeln!(std::io::stderr(), "{msg}");
}

fn works(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn spark_job_equals_one_build() {
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
    if !works(&python, &["-c", "import pyspark"]) {
        return skip(&format!("`{python} -c \"import pyspark\"` fails"));
    }
    if !works("java", &["-version"]) {
        return skip("`java -version` fails");
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/spark/test_spark.sh");
    let out = Command::new("bash")
        .arg(&script)
        .env("ACTORGRAPH_BIN", env!("CARGO_BIN_EXE_actorgraph"))
        .env("GEN_CORPUS_BIN", env!("CARGO_BIN_EXE_gen-corpus"))
        .env("PYTHON", &python)
        .env("DOCS", "300")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "test_spark.sh failed\n--- stdout\n{stdout}\n--- stderr\n{stderr}"
    );
    assert!(stdout.contains("equal one build"), "{stdout}");
}

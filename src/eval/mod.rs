//! Evaluation harness against labelled dev sets.
//!
//! - [`entities`]: named-entity spans on UNER English-EWT (IOB2), per type
//!   PER/ORG/LOC plus a COUNTRY row, for actorgraph or external predictions.
//! - [`relations`]: directed actor pairs and PLOVER categories on PETRARCH
//!   validation records (the GSR sentences and the unit-test records).
//! - [`petrarch`]: parsers for the PETRARCH record files, CAMEO2PLOVER and
//!   TABARI actor dictionaries.
//! - [`score`]: counters, P/R/F1 and markdown tables.
//!
//! [`run_eval`] runs one [`EvalCommand`] and returns its report as markdown
//! and JSON; `src/bin/eval.rs` is its command line.

pub mod entities;
pub mod petrarch;
pub mod relations;
pub mod score;

use std::path::{Path, PathBuf};

use crate::lexicon::Lexicon;

use entities::{CountryNames, EntitySource};
use petrarch::{parse_records, parse_tabari_actors, rows_to_actors_tsv, tabari_to_rows, CameoToPlover};
use relations::{CodeMatcher, RelationSource};

/// File names inside the dev-set folders.
pub const UNER_FILE: &str = "uner-ewt-dev/en_ewt-ud-dev.iob2";
/// GSR records, relative to the dev-set root.
pub const GSR_FILE: &str = "petrarch-gsr/PETR2_GSR_validation.xml";
/// Unit-test folder, relative to the dev-set root.
pub const UNIT_DIR: &str = "petrarch-unit";
/// Unit-test records inside [`UNIT_DIR`].
pub const UNIT_RECORDS: &str = "PETR.UnitTest.records.xml";
/// Unit-test actor dictionary inside [`UNIT_DIR`].
pub const UNIT_ACTORS: &str = "PETR.Validate.actors.txt";
/// CAMEO to PLOVER table, relative to the dev-set root.
pub const CAMEO2PLOVER_FILE: &str = "plover-ontology/CAMEO2PLOVER-2021.txt";

/// The dev-set root: `$ACTORGRAPH_DEVSETS`, else `../shared/devsets` relative
/// to the repository root.
pub fn default_devsets_dir() -> PathBuf {
    match std::env::var_os("ACTORGRAPH_DEVSETS") {
        Some(p) if !p.is_empty() => PathBuf::from(p),
        _ => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/devsets"),
    }
}

/// The repository's `data/lexicon/actors.tsv` (may not exist).
pub fn default_actors_tsv() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/lexicon/actors.tsv")
}

/// Which relation data set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelationDataset {
    /// `PETR2_GSR_validation.xml` with the built-in lexicon.
    Gsr,
    /// `PETR.UnitTest.records.xml` with its fictional actor dictionary as a user lexicon.
    Unit,
}

/// Which data set to dump as JSONL for other tools.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DumpDataset {
    /// UNER sentences: `{"sent_id", "text"}`.
    Uner,
    /// GSR records: `{"id", "category", "text"}` (scored records only).
    Gsr,
    /// Unit records: same fields.
    Unit,
}

/// One evaluation run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EvalCommand {
    /// Entity spans on UNER.
    Entities {
        /// IOB2 file.
        devset: PathBuf,
        /// External predictions (JSONL); actorgraph when absent.
        predictions: Option<PathBuf>,
        /// `actors.tsv` whose country rows define the COUNTRY row.
        countries: PathBuf,
    },
    /// Relations on PETRARCH records.
    Relations {
        /// Which records.
        dataset: RelationDataset,
        /// The GSR file, or the unit-test folder.
        devset: PathBuf,
        /// External predictions (JSONL); actorgraph when absent.
        predictions: Option<PathBuf>,
        /// CAMEO2PLOVER table.
        cameo2plover: PathBuf,
        /// Also report, per record, each gold event as found, found with a
        /// wrong category or missed, and each unmatched prediction.
        details: bool,
    },
    /// Prints a data set's sentences as JSONL.
    Dump {
        /// Which data set.
        dataset: DumpDataset,
        /// Its file (for `Unit`, the folder).
        devset: PathBuf,
    },
    /// Writes the unit-test actor dictionary as a lexicon folder (`actors.tsv`).
    UnitLexicon {
        /// The unit-test folder.
        devset: PathBuf,
        /// Output folder (created).
        out: PathBuf,
    },
}

/// What a run produced.
#[derive(Debug, Clone, PartialEq)]
pub struct EvalOutput {
    /// Human-readable output (markdown tables, or JSONL for dumps).
    pub text: String,
    /// Machine-readable report, when the command has one.
    pub json: Option<serde_json::Value>,
}

/// Why a run failed.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A dev set or predictions file that does not exist.
    #[error("{what} not found: {}{}", path.display(), missing_hint(what))]
    Missing {
        /// What was looked for.
        what: &'static str,
        /// Where.
        path: PathBuf,
    },
    /// A file that exists but cannot be read.
    #[error("cannot read {}: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The IO error.
        source: std::io::Error,
    },
    /// A malformed input file.
    #[error("{}: {message}", path.display())]
    Parse {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// Loading the lexicon failed.
    #[error(transparent)]
    Lexicon(#[from] crate::Error),
}

/// How to point the harness at the dev sets (not said for predictions files).
fn missing_hint(what: &str) -> &'static str {
    if what.contains("predictions") {
        ""
    } else {
        " (pass --devset PATH, or set ACTORGRAPH_DEVSETS to the devsets folder)"
    }
}

impl EvalError {
    /// Process exit code: 2 for a missing input, 1 otherwise.
    pub fn exit_code(&self) -> i32 {
        match self {
            EvalError::Missing { .. } => 2,
            _ => 1,
        }
    }
}

fn read(path: &Path, what: &'static str) -> Result<String, EvalError> {
    if !path.exists() {
        return Err(EvalError::Missing {
            what,
            path: path.to_path_buf(),
        });
    }
    std::fs::read_to_string(path).map_err(|source| EvalError::Read {
        path: path.to_path_buf(),
        source,
    })
}

fn to_json<T: serde::Serialize>(v: &T) -> Option<serde_json::Value> {
    serde_json::to_value(v).ok()
}

/// The unit-test dictionary converted to lexicon rows.
fn unit_rows(devset: &Path) -> Result<Vec<petrarch::ActorRow>, EvalError> {
    let text = read(&devset.join(UNIT_ACTORS), "unit-test actor dictionary")?;
    Ok(tabari_to_rows(&parse_tabari_actors(&text)))
}

/// Runs one evaluation command.
pub fn run_eval(cmd: &EvalCommand) -> Result<EvalOutput, EvalError> {
    match cmd {
        EvalCommand::Entities {
            devset,
            predictions,
            countries,
        } => {
            let sentences = entities::parse_iob2(&read(devset, "UNER dev set")?);
            // The country list is optional: without it the COUNTRY row is n/a.
            let countries = std::fs::read_to_string(countries)
                .map(|t| CountryNames::from_actors_tsv(&t))
                .unwrap_or_default();
            let report = match predictions {
                Some(p) => {
                    let ext = entities::parse_external_predictions(&read(p, "predictions file")?).map_err(
                        |message| EvalError::Parse {
                            path: p.clone(),
                            message,
                        },
                    )?;
                    let name = p
                        .file_name()
                        .map_or("external".into(), |n| n.to_string_lossy().into_owned());
                    entities::evaluate_entities(&sentences, &EntitySource::External(&ext), &countries, &name)
                }
                None => {
                    let lex = Lexicon::builtin();
                    entities::evaluate_entities(
                        &sentences,
                        &EntitySource::Actorgraph(lex),
                        &countries,
                        "actorgraph",
                    )
                }
            };
            Ok(EvalOutput {
                text: report.markdown(),
                json: to_json(&report),
            })
        }
        EvalCommand::Relations {
            dataset,
            devset,
            predictions,
            cameo2plover,
            details,
        } => {
            let cameo = CameoToPlover::parse(&read(cameo2plover, "CAMEO2PLOVER table")?);
            let mut matcher = CodeMatcher::builtin();
            let (records_path, name) = match dataset {
                RelationDataset::Gsr => (devset.clone(), "PETRARCH GSR"),
                RelationDataset::Unit => (devset.join(UNIT_RECORDS), "PETRARCH unit records"),
            };
            if !devset.exists() {
                return Err(EvalError::Missing {
                    what: "dev set",
                    path: devset.clone(),
                });
            }
            let records = parse_records(&read(&records_path, "PETRARCH records")?);
            let ext = match predictions {
                Some(p) => Some(
                    relations::parse_external_relations(&read(p, "predictions file")?).map_err(
                        |message| EvalError::Parse {
                            path: p.clone(),
                            message,
                        },
                    )?,
                ),
                None => None,
            };
            let system = predictions
                .as_ref()
                .and_then(|p| p.file_name())
                .map_or("actorgraph".to_string(), |n| n.to_string_lossy().into_owned());
            let mut report = match (dataset, &ext) {
                (_, Some(ext)) => {
                    if *dataset == RelationDataset::Unit {
                        matcher.add_rows(&unit_rows(devset)?);
                    }
                    relations::evaluate_relations(
                        &records,
                        &RelationSource::External(ext),
                        &cameo,
                        &matcher,
                        name,
                        &system,
                    )
                }
                (RelationDataset::Gsr, None) => {
                    let lex = Lexicon::builtin();
                    relations::evaluate_relations(
                        &records,
                        &RelationSource::Actorgraph(lex),
                        &cameo,
                        &matcher,
                        name,
                        &system,
                    )
                }
                (RelationDataset::Unit, None) => {
                    let rows = unit_rows(devset)?;
                    matcher.add_rows(&rows);
                    let dir = tempfile::tempdir().map_err(|source| EvalError::Read {
                        path: std::env::temp_dir(),
                        source,
                    })?;
                    let file = dir.path().join("actors.tsv");
                    std::fs::write(&file, rows_to_actors_tsv(&rows))
                        .map_err(|source| EvalError::Read { path: file, source })?;
                    let lex = Lexicon::with_user_dirs(&[dir.path().to_path_buf()])?;
                    relations::evaluate_relations(
                        &records,
                        &RelationSource::Actorgraph(&lex),
                        &cameo,
                        &matcher,
                        name,
                        &system,
                    )
                }
            };
            let text = if *details {
                report.details_text() + &report.markdown()
            } else {
                report.details.clear();
                report.markdown()
            };
            Ok(EvalOutput {
                text,
                json: to_json(&report),
            })
        }
        EvalCommand::Dump { dataset, devset } => {
            let mut out = String::new();
            match dataset {
                DumpDataset::Uner => {
                    for s in entities::parse_iob2(&read(devset, "UNER dev set")?) {
                        let line = serde_json::json!({"sent_id": s.sent_id, "text": s.text});
                        out.push_str(&line.to_string());
                        out.push('\n');
                    }
                }
                DumpDataset::Gsr | DumpDataset::Unit => {
                    let path = if *dataset == DumpDataset::Unit {
                        devset.join(UNIT_RECORDS)
                    } else {
                        devset.clone()
                    };
                    for r in parse_records(&read(&path, "PETRARCH records")?)
                        .into_iter()
                        .filter(|r| r.is_scorable())
                    {
                        let line = serde_json::json!({"id": r.id, "category": r.category, "text": r.text});
                        out.push_str(&line.to_string());
                        out.push('\n');
                    }
                }
            }
            Ok(EvalOutput {
                text: out,
                json: None,
            })
        }
        EvalCommand::UnitLexicon { devset, out } => {
            let rows = unit_rows(devset)?;
            std::fs::create_dir_all(out).map_err(|source| EvalError::Read {
                path: out.clone(),
                source,
            })?;
            let file = out.join("actors.tsv");
            std::fs::write(&file, rows_to_actors_tsv(&rows)).map_err(|source| EvalError::Read {
                path: file.clone(),
                source,
            })?;
            Ok(EvalOutput {
                text: format!("wrote {} actors to {}\n", rows.len(), file.display()),
                json: None,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_devset_is_exit_code_2() {
        let err = run_eval(&EvalCommand::Entities {
            devset: PathBuf::from("/nonexistent/uner.iob2"),
            predictions: None,
            countries: PathBuf::from("/nonexistent/actors.tsv"),
        })
        .err();
        assert!(err.as_ref().is_some_and(|e| e.exit_code() == 2));
        assert!(err.is_some_and(|e| e.to_string().contains("/nonexistent/uner.iob2")));
    }

    #[test]
    fn entities_run_on_a_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("x.iob2");
        std::fs::write(
            &f,
            "# sent_id = a\n# text = Joe Biden spoke.\n1\tJoe\tB-PER\n2\tBiden\tI-PER\n3\tspoke.\tO\n",
        )
        .unwrap();
        let out = run_eval(&EvalCommand::Entities {
            devset: f,
            predictions: None,
            countries: dir.path().join("none.tsv"),
        })
        .unwrap();
        // One gold person; the extractor finds the full name exactly.
        assert!(out.text.contains("| PER | 1 | 1 |"), "{}", out.text);
        assert!(out.json.is_some());
    }
}

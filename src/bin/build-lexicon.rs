//! Derives the lexicon files (`data/lexicon/*`) from the lexicon sources.
//!
//! Usage: `build-lexicon [SOURCES_DIR] [OUT_DIR] [--plover FILE] [--overrides DIR]`
//! (defaults: `../shared/lexicon-sources`, `data/lexicon`,
//! `../shared/devsets/plover-ontology/CAMEO2PLOVER-2021.txt`,
//! `data/lexicon-overrides`).

use std::path::PathBuf;

use actorgraph::lexicon_build::{build_with, BuildPaths};
use anyhow::{bail, Context};

fn main() -> anyhow::Result<()> {
    let mut positional: Vec<PathBuf> = Vec::new();
    let mut plover = PathBuf::from("../shared/devsets/plover-ontology/CAMEO2PLOVER-2021.txt");
    let mut overrides = PathBuf::from("data/lexicon-overrides");
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--plover" => plover = args.next().context("--plover needs a FILE")?.into(),
            "--overrides" => overrides = args.next().context("--overrides needs a DIR")?.into(),
            "-h" | "--help" => {
                println!("usage: build-lexicon [SOURCES_DIR] [OUT_DIR] [--plover FILE] [--overrides DIR]");
                return Ok(());
            }
            s if s.starts_with('-') => bail!("unknown option {s}"),
            _ => positional.push(a.into()),
        }
    }
    if positional.len() > 2 {
        bail!("expected at most SOURCES_DIR and OUT_DIR");
    }
    let mut it = positional.into_iter();
    let sources = it.next().unwrap_or_else(|| "../shared/lexicon-sources".into());
    let out = it.next().unwrap_or_else(|| "data/lexicon".into());
    let paths = BuildPaths {
        sources,
        plover,
        overrides,
        out,
    };
    build_with(&paths).with_context(|| format!("building the lexicon into {}", paths.out.display()))?;
    eprintln!("wrote lexicon files to {}", paths.out.display());
    Ok(())
}

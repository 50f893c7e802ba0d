//! CSV writers.
use crate::graph::ActorGraph;
use std::io::Write;

/// Writes `nodes.csv`.
pub fn write_nodes(_graph: &ActorGraph, _w: &mut dyn Write) -> std::io::Result<()> {
    Ok(())
}

/// Writes `edges.csv`.
pub fn write_edges(_graph: &ActorGraph, _w: &mut dyn Write) -> std::io::Result<()> {
    Ok(())
}

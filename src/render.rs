//! Rendering a DOT file to SVG or PNG with Graphviz, run as a subprocess.
//!
//! The layout program is the one given, or chosen by size
//! ([`choose_engine`]): `dot` (layered, readable, but slow on big graphs)
//! up to [`SFDP_NODES`] nodes and [`SFDP_EDGES`] edges, `sfdp` (force
//! directed, about a second for thousands of edges) above. The image is
//! written to a temporary file next to `out_path` and renamed into place, so
//! it is complete or absent. A missing Graphviz is
//! [`Error::GraphvizNotFound`]; a failing one is [`Error::Render`] with its
//! standard error.
//!
//! [`render_graph`] writes the styled DOT ([`dot::write_styled`]: legend,
//! colours, thinning to the strongest edges) to a temporary file and renders it.

use std::io::{BufWriter, Write as _};
use std::path::Path;
use std::process::{Command, Stdio};

use crate::error::{Error, Result};
use crate::export::dot::{self, StyleOptions};
use crate::export::{persist, temp_file};
use crate::graph::ActorGraph;

/// Above this many nodes the default engine is `sfdp`.
pub const SFDP_NODES: usize = 200;

/// Above this many edges the default engine is `sfdp`.
pub const SFDP_EDGES: usize = 500;

/// Longest part of Graphviz's standard error kept in an [`Error::Render`].
const MAX_STDERR: usize = 2_000;

/// An image format Graphviz writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ImageFormat {
    /// Scalable vector graphics (`-Tsvg`).
    Svg,
    /// Portable network graphics (`-Tpng`).
    Png,
}

impl ImageFormat {
    /// The name (`svg`), also Graphviz's `-T` value and the file extension.
    pub const fn name(self) -> &'static str {
        match self {
            ImageFormat::Svg => "svg",
            ImageFormat::Png => "png",
        }
    }

    /// Parses a name (case-insensitive).
    pub fn from_name(name: &str) -> Result<Self> {
        match name.trim().to_ascii_lowercase().as_str() {
            "svg" => Ok(ImageFormat::Svg),
            "png" => Ok(ImageFormat::Png),
            _ => Err(Error::Usage(format!(
                "unknown image format {name:?} (known: svg, png)"
            ))),
        }
    }

    /// The format of a path's extension (`graph.svg`), if known.
    pub fn from_path(path: &Path) -> Option<Self> {
        path.extension()
            .and_then(|e| e.to_str())
            .and_then(|e| Self::from_name(e).ok())
    }
}

/// A Graphviz layout program.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Engine {
    /// Layered drawing of directed graphs.
    Dot,
    /// Scalable force-directed placement, for large graphs.
    Sfdp,
    /// Spring model.
    Neato,
    /// Force-directed.
    Fdp,
    /// Circular layout.
    Circo,
    /// Radial layout.
    Twopi,
}

impl Engine {
    /// All engines.
    pub const ALL: [Engine; 6] = [
        Engine::Dot,
        Engine::Sfdp,
        Engine::Neato,
        Engine::Fdp,
        Engine::Circo,
        Engine::Twopi,
    ];

    /// The program name.
    pub const fn name(self) -> &'static str {
        match self {
            Engine::Dot => "dot",
            Engine::Sfdp => "sfdp",
            Engine::Neato => "neato",
            Engine::Fdp => "fdp",
            Engine::Circo => "circo",
            Engine::Twopi => "twopi",
        }
    }

    /// Parses a program name (case-insensitive).
    pub fn from_name(name: &str) -> Result<Self> {
        let lower = name.trim().to_ascii_lowercase();
        Self::ALL.into_iter().find(|e| e.name() == lower).ok_or_else(|| {
            Error::Usage(format!(
                "unknown Graphviz engine {name:?} (known: dot, sfdp, neato, fdp, circo, twopi)"
            ))
        })
    }
}

/// `sfdp` for more than [`SFDP_NODES`] nodes or [`SFDP_EDGES`] edges, `dot` otherwise.
pub const fn choose_engine(nodes: usize, edges: usize) -> Engine {
    if nodes > SFDP_NODES || edges > SFDP_EDGES {
        Engine::Sfdp
    } else {
        Engine::Dot
    }
}

/// Counts the node and edge statements of a DOT file written by actorgraph
/// (node lines `nN [...]`, edge lines with ` -> `; legend nodes are not counted).
pub fn count_statements(dot_text: &str) -> (usize, usize) {
    let (mut nodes, mut edges) = (0, 0);
    for line in dot_text.lines().map(str::trim_start) {
        if line.contains(" -> ") {
            if !line.starts_with("legend_") {
                edges += 1;
            }
        } else if let Some(rest) = line.strip_prefix('n') {
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            if digits > 0 && rest[digits..].starts_with(" [") {
                nodes += 1;
            }
        }
    }
    (nodes, edges)
}

/// Renders the DOT file `dot_path` to `out_path` as `format` with `engine`,
/// or with [`choose_engine`] on the file's [`count_statements`] when `None`.
/// Returns the engine used.
pub fn render(
    dot_path: &Path,
    out_path: &Path,
    format: ImageFormat,
    engine: Option<Engine>,
) -> Result<Engine> {
    let engine = match engine {
        Some(e) => e,
        None => {
            let text = std::fs::read_to_string(dot_path).map_err(|source| Error::Input {
                path: dot_path.to_path_buf(),
                source,
            })?;
            let (nodes, edges) = count_statements(&text);
            choose_engine(nodes, edges)
        }
    };
    run_graphviz(engine.name(), dot_path, out_path, format)?;
    Ok(engine)
}

/// Writes `graph` as styled DOT ([`dot::write_styled`]) to a temporary file
/// and renders it to `out_path`; the engine is chosen on the nodes and edges
/// actually drawn when `engine` is `None`. Returns the engine used.
pub fn render_graph(
    graph: &ActorGraph,
    style: &StyleOptions,
    out_path: &Path,
    format: ImageFormat,
    engine: Option<Engine>,
) -> Result<Engine> {
    let tmp = tempfile::Builder::new()
        .prefix(crate::export::TEMP_PREFIX)
        .suffix(".dot")
        .tempfile()?;
    {
        let mut w = BufWriter::new(tmp.as_file());
        dot::write_styled(graph, style, &mut w)?;
        w.flush()?;
    }
    render(tmp.path(), out_path, format, engine)
}

fn run_graphviz(program: &str, dot_path: &Path, out_path: &Path, format: ImageFormat) -> Result<()> {
    let tmp = temp_file(out_path)?;
    let output = Command::new(program)
        .arg(format!("-T{}", format.name()))
        .arg("-o")
        .arg(tmp.path())
        .arg(dot_path)
        .stdin(Stdio::null())
        .output();
    let output = match output {
        Ok(o) => o,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Error::GraphvizNotFound {
                program: program.to_string(),
            })
        }
        Err(e) => return Err(e.into()),
    };
    if !output.status.success() {
        let mut stderr = String::from_utf8_lossy(&output.stderr).trim().to_string();
        if stderr.len() > MAX_STDERR {
            let mut cut = MAX_STDERR;
            while !stderr.is_char_boundary(cut) {
                cut -= 1;
            }
            stderr.truncate(cut);
            stderr.push('…');
        }
        return Err(Error::Render {
            program: program.to_string(),
            status: output.status.to_string(),
            stderr,
        });
    }
    persist(tmp, out_path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn engine_by_size() {
        assert_eq!(choose_engine(200, 500), Engine::Dot);
        assert_eq!(choose_engine(201, 10), Engine::Sfdp);
        assert_eq!(choose_engine(10, 501), Engine::Sfdp);
    }

    #[test]
    fn names_parse() {
        for e in Engine::ALL {
            assert_eq!(Engine::from_name(e.name()).ok(), Some(e));
        }
        assert!(Engine::from_name("gvpr").is_err());
        assert_eq!(ImageFormat::from_name("SVG").ok(), Some(ImageFormat::Svg));
        assert!(ImageFormat::from_name("pdf").is_err());
        assert_eq!(
            ImageFormat::from_path(Path::new("a/graph.png")),
            Some(ImageFormat::Png)
        );
    }

    #[test]
    fn counts_statements_of_the_styled_dot() {
        let text =
            "digraph x {\n  node [a=1];\n  legend_k0 [label=\"x\"];\n  legend_p0a -> legend_p0b [x];\n  \
                    n0 [label=\"a\"];\n  n1 [label=\"b\"];\n  n0 -> n1 [label=\"c\"];\n}\n";
        assert_eq!(count_statements(text), (2, 1));
    }

    #[test]
    fn missing_graphviz_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let dot_path = dir.path().join("g.dot");
        std::fs::write(&dot_path, "digraph { }").unwrap();
        let out = dir.path().join("g.svg");
        let err = run_graphviz("actorgraph-no-such-graphviz", &dot_path, &out, ImageFormat::Svg).unwrap_err();
        assert!(matches!(err, Error::GraphvizNotFound { .. }));
        assert!(err
            .to_string()
            .starts_with("Graphviz not found: install it (apt-get install graphviz)"));
        assert!(!out.exists());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}

//! Prints what the pipeline sees in a text file: sentences, tokens, lexicon
//! matches (triggers and names) and the resulting relations.
//! `cargo run --release --example explain -- FILE`
use actorgraph::lexicon::{Entry, Lexicon};
use actorgraph::model::Document;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: explain FILE");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let lex = Lexicon::builtin();
    for s in actorgraph::text::split_sentences(&text) {
        let toks: Vec<&str> = s.tokens.iter().map(|t| t.text(&text)).collect();
        println!("S{}: {}", s.index, toks.join(" "));
        for m in lex.find(&text, &s.tokens) {
            let what = match m.entry {
                Entry::Actor { actor, .. } => format!("actor {}", lex.actors[actor as usize].id),
                Entry::Trigger(t) => format!("trigger {:?}", lex.triggers[t as usize]),
                Entry::Agent(a) => format!("agent {:?}", lex.agents[a as usize]),
                other => format!("{other:?}"),
            };
            println!(
                "   [{}..{}] {:?} {}",
                m.start,
                m.end,
                toks[m.start..m.end].join(" "),
                what
            );
        }
    }
    let doc = Document {
        id: path,
        text: text.clone(),
        ..Default::default()
    };
    let a = actorgraph::pipeline::analyze(doc, lex);
    for m in &a.mentions {
        println!(
            "mention {:?} {:?} {:?} {}",
            m.span.slice(&text),
            m.entity,
            m.kind,
            m.form
        );
    }
    for r in &a.relations {
        println!(
            "relation {} -{}-> {} [{}] negated={} {}",
            r.source,
            r.relation,
            r.target,
            r.trigger.slice(&text),
            r.negated,
            r.modality
        );
    }
}

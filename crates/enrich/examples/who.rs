//! Prints the quotes and entities of text files: `cargo run -p parallax-enrich --example who -- FILE...`
#![allow(clippy::print_stdout, clippy::print_stderr)]

use parallax_enrich::{Enricher, lexicon::Lexicon};
use parallax_text::Analyzer;

fn main() {
    let analyzer = Analyzer::new();
    let enricher = Enricher::new(Lexicon::empty());
    for path in std::env::args().skip(1) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("cannot read {path}");
            continue;
        };
        let a = analyzer.analyze(&text, None);
        let x = enricher.enrich(&text, &a, None);
        println!("== {path}");
        for e in &x.entities {
            println!(
                "ENT {:?} {:?} roles={:?} aliases={:?} n={}",
                e.name,
                e.kind,
                e.roles,
                e.aliases,
                e.mentions.len()
            );
        }
        for q in &x.quotes {
            let body: Vec<&str> = q.parts.iter().filter_map(|s| s.slice(&text)).collect();
            let sp = q.speaker.as_ref().map(|s| {
                let ent = s.entity.and_then(|i| x.entities.get(i)).map(|e| e.name.as_str());
                format!("{} -> {:?} ({:?})", s.text, ent, s.resolution)
            });
            let cue = q.cue.and_then(|c| c.slice(&text));
            println!("Q {:?} cue={cue:?} speaker={sp:?}\n   {}", q.kind, body.join(" | "));
        }
    }
}

//! Prints the gold quotes parallax misses and the quotes it finds that no gold
//! quote overlaps, for error analysis:
//! `cargo run --release -p parallax-eval --example quotes_errors -- PATH [SPLIT] [N]`
#![allow(clippy::print_stdout, clippy::print_stderr)]

use parallax_enrich::{Enricher, lexicon::Lexicon};
use parallax_eval::quotes::{load, predict};
use parallax_text::Analyzer;

fn overlap(a: &[(usize, usize)], b: &[(usize, usize)]) -> f64 {
    let len = |s: &[(usize, usize)]| s.iter().map(|(x, y)| y.saturating_sub(*x)).sum::<usize>();
    let mut inter = 0;
    for &(a0, a1) in a {
        for &(b0, b1) in b {
            inter += a1.min(b1).saturating_sub(a0.max(b0));
        }
    }
    inter as f64 / len(a).max(len(b)).max(1) as f64
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args.get(1).map_or("../shared/data/quotes-polnear", String::as_str);
    let split = args.get(2).map_or("dev", String::as_str);
    let n: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(40);
    // What to show: all, direct (direct false positives and misses), speech
    // (missed speech quotes), speaker (wrong speakers on matched quotes).
    let what = args.get(4).map_or("all", String::as_str);
    let docs = match load(std::path::Path::new(path), Some(split)) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{e}");
            return;
        }
    };
    let lex = Lexicon::discover(None).ok().flatten().unwrap_or_else(Lexicon::empty);
    let enricher = Enricher::new(lex);
    let analyzer = Analyzer::new();
    let (mut missed, mut spurious) = (Vec::new(), Vec::new());
    for d in &docs {
        let preds = predict(&analyzer, &enricher, d);
        for g in &d.quotes {
            if g.content.is_empty() {
                continue;
            }
            let best = preds
                .iter()
                .max_by(|a, b| {
                    overlap(&a.content, &g.content).total_cmp(&overlap(&b.content, &g.content))
                })
                .filter(|p| overlap(&p.content, &g.content) >= 0.3);
            if let Some(p) = best {
                if what == "speaker" && !g.speaker.is_empty() {
                    let ok = p
                        .speaker
                        .is_some_and(|s| g.speaker.iter().any(|&(a, b)| s.0 < b && a < s.1));
                    // "lenient" also accepts a shared capitalised word of
                    // three letters or more (as the evaluation's lenient score).
                    let caps = |t: &str| -> Vec<String> {
                        t.split(|c: char| !c.is_alphanumeric())
                            .filter(|w| {
                                w.chars().count() >= 3
                                    && w.chars().next().is_some_and(char::is_uppercase)
                            })
                            .map(str::to_lowercase)
                            .collect()
                    };
                    let gold_caps = caps(&g.speaker_text);
                    let shares_word = [&p.speaker_name, &p.speaker_text]
                        .into_iter()
                        .flatten()
                        .any(|t| caps(t).iter().any(|w| gold_caps.contains(w)));
                    let lenient = args.get(5).is_some_and(|a| a == "lenient");
                    let credited = ok || (lenient && shares_word);
                    if !credited {
                        // The text from the first speaker to the content's start,
                        // gold speaker in [[ ]], predicted in {{ }}.
                        let cs = g.content.iter().map(|s| s.0).min().unwrap_or(0);
                        let mut marks: Vec<(usize, &str)> = Vec::new();
                        for &(a, b) in &g.speaker {
                            marks.extend([(a, "[["), (b, "]]")]);
                        }
                        if let Some((a, b)) = p.speaker {
                            marks.extend([(a, "{{"), (b, "}}")]);
                        }
                        let lo = marks
                            .iter()
                            .map(|m| m.0)
                            .min()
                            .unwrap_or(cs)
                            .min(cs)
                            .saturating_sub(60);
                        let hi = marks.iter().map(|m| m.0).max().unwrap_or(cs).max(cs) + 60;
                        let mut ctx = String::new();
                        for (i, c) in
                            d.text.chars().enumerate().skip(lo).take(hi.min(lo + 600) - lo)
                        {
                            for m in marks.iter().filter(|m| m.0 == i) {
                                ctx.push_str(m.1);
                            }
                            ctx.push(if c == '\n' { ' ' } else { c });
                        }
                        missed.push(format!(
                            "SPEAKER gold={:?} pred={:?} -> {:?}\n     {}\n     CTX {}",
                            g.speaker_text,
                            p.speaker_text,
                            p.speaker_name,
                            d.span_text(&g.content).chars().take(160).collect::<String>(),
                            ctx
                        ));
                    }
                }
                continue;
            }
            if what == "speaker"
                || (what == "direct" && g.kind != parallax_eval::quotes::GoldKind::Direct)
                || (what == "speech" && !g.speech)
            {
                continue;
            }
            {
                // The text around the quote, to see why it was missed.
                let lo = g.content.iter().map(|s| s.0).min().unwrap_or(0).saturating_sub(160);
                let hi = g.content.iter().map(|s| s.1).max().unwrap_or(0) + 40;
                let ctx: String = d.text.chars().skip(lo).take(hi - lo).collect();
                let near: Vec<String> = preds
                    .iter()
                    .filter(|p| p.content.iter().any(|&(a, b)| a < hi && lo < b))
                    .map(|p| {
                        format!(
                            "{:.2} {:?} {:?}",
                            overlap(&p.content, &g.content),
                            p.kind,
                            d.span_text(&p.content)
                        )
                    })
                    .collect();
                missed.push(format!(
                    "MISS [{:?}] src={:?} cue={:?}\n     {}\n  CTX {}\n  NEAR {:?}",
                    g.kind,
                    g.speaker_text,
                    g.cue_text,
                    d.span_text(&g.content),
                    ctx.replace('\n', " "),
                    near
                ));
            }
        }
        for p in &preds {
            if what == "speaker"
                || what == "speech"
                || (what == "direct" && p.kind != parallax_eval::quotes::PredKind::Direct)
            {
                continue;
            }
            if what == "direct" {
                let best = d
                    .quotes
                    .iter()
                    .map(|g| (overlap(&p.content, &g.content), g))
                    .filter(|(o, _)| *o >= 0.3)
                    .max_by(|a, b| a.0.total_cmp(&b.0))
                    .map(|(_, g)| g);
                if let Some(g) = best.filter(|g| g.kind != parallax_eval::quotes::GoldKind::Direct)
                {
                    let lo = g.content.iter().map(|s| s.0).min().unwrap_or(0).saturating_sub(120);
                    let hi = g.content.iter().map(|s| s.1).max().unwrap_or(0) + 40;
                    let ctx: String = d.text.chars().skip(lo).take(hi - lo).collect();
                    spurious.push(format!(
                        "FP-KIND gold=[{:?}] src={:?}\n     gold: {}\n     pred: {}\n  CTX {}",
                        g.kind,
                        g.speaker_text,
                        d.span_text(&g.content).chars().take(200).collect::<String>(),
                        d.span_text(&p.content).chars().take(200).collect::<String>(),
                        ctx.replace('\n', " ")
                    ));
                    continue;
                }
            }
            if !d.quotes.iter().any(|g| overlap(&p.content, &g.content) >= 0.3) {
                spurious.push(format!(
                    "FP [{:?}] src={:?}\n     {}",
                    p.kind,
                    p.speaker_text,
                    d.span_text(&p.content)
                ));
            }
        }
    }
    println!("{} missed, {} spurious", missed.len(), spurious.len());
    let step = |v: &Vec<String>| (v.len() / n.max(1)).max(1);
    for m in missed.iter().step_by(step(&missed)).take(n) {
        println!("{m}");
    }
    for s in spurious.iter().step_by(step(&spurious)).take(n) {
        println!("{s}");
    }
}

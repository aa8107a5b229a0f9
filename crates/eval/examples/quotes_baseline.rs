//! Quote-attribution baseline: quotation marks only.
//!
//! `cargo run --release -p parallax-eval --example quotes_baseline -- [SPLIT] [--json]`
//!
//! Every span between matching quotation marks with at least four words is
//! predicted as a Direct quote without a speaker
//! ([`parallax_eval::quotes::quote_mark_baseline`]), on PolNeAR and German
//! WikiNews (`SPLIT`, default `dev`) from `../shared/data` beside the repo.
//! Prints one report per data set (as JSON with `--json`).
#![allow(clippy::print_stdout)]

use parallax_eval::quotes;
use parallax_eval::stories::default_data_dir;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut split = "dev".to_string();
    let mut json = false;
    for a in std::env::args().skip(1) {
        if a == "--json" {
            json = true;
        } else {
            split = a;
        }
    }
    let dir = default_data_dir();
    for (name, sub) in
        [("PolNeAR", "quotes-polnear"), ("German WikiNews", "quotes-german-wikinews")]
    {
        let docs = quotes::load(&dir.join(sub), Some(&split))?;
        let report = quotes::evaluate(&docs, quotes::quote_mark_baseline);
        if json {
            println!("{}", serde_json::json!({"dataset": name, "split": split, "report": report}));
        } else {
            println!("== {name} {split}: quote-mark baseline\n{report}");
        }
    }
    Ok(())
}

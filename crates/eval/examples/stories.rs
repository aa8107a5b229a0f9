//! Story clustering quality and speed on ECB+ and GoogleNews-TS.
//!
//! `cargo run --release -p parallax-eval --example stories -- [ecb-dev|ecb-train|googlenews|googlenews-even|googlenews-odd] [--shuffle SEED] [--config JSON]`
//!
//! Data is read from `../shared/data` beside the repo. `--config` takes a JSON
//! object of `ClusterConfig` fields that override the defaults (for sweeps:
//! `--config '{"join_threshold": 0.3}'`). Prints the report as JSON.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use parallax_cluster::ClusterConfig;
use parallax_eval::stories::{self, GoogleNewsPart, Order};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut which = "ecb-dev".to_string();
    let mut order = Order::FileOrder;
    let mut overrides = serde_json::Map::new();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--shuffle" => {
                let seed = args.next().ok_or("--shuffle needs a seed")?.parse()?;
                order = Order::Shuffled(seed);
            }
            "--config" => {
                let v: serde_json::Value =
                    serde_json::from_str(&args.next().ok_or("--config needs JSON")?)?;
                if let serde_json::Value::Object(m) = v {
                    overrides.extend(m);
                }
            }
            _ => which = a,
        }
    }
    let mut cfg = serde_json::to_value(ClusterConfig::default())?;
    if let serde_json::Value::Object(m) = &mut cfg {
        m.extend(overrides);
    }
    let cfg: ClusterConfig = serde_json::from_value(cfg)?;
    let data = stories::default_data_dir();
    let report = match which.as_str() {
        "ecb-dev" => stories::evaluate_ecb(&data, "dev", order, &cfg)?,
        "ecb-train" => stories::evaluate_ecb(&data, "train", order, &cfg)?,
        "googlenews" => stories::evaluate_googlenews(&data, GoogleNewsPart::All, &cfg)?,
        "googlenews-even" => {
            stories::evaluate_googlenews(&data, GoogleNewsPart::EvenStories, &cfg)?
        }
        "googlenews-odd" => stories::evaluate_googlenews(&data, GoogleNewsPart::OddStories, &cfg)?,
        other => return Err(format!("unknown data set {other:?}").into()),
    };
    println!("{}", serde_json::to_string(&report)?);
    Ok(())
}

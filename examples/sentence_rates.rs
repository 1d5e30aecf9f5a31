//! Print how many planted discrepancies the sentence checks catch on the
//! held-out corpus, and which look-alikes they flag:
//!
//! ```sh
//! cargo run --example sentence_rates
//! ```

// A developer's tool: a closed pipe may panic here.
#![allow(clippy::disallowed_macros)]

#[path = "../tests/sentence_corpus/score.rs"]
mod score;

fn main() {
    let scores = score::score(std::path::Path::new(env!("CARGO_MANIFEST_DIR")));
    print!("{}", score::report(&scores));
}

//! Print how many planted discrepancies the sentence checks catch on the
//! held-out corpus, and which look-alikes they flag:
//!
//! ```sh
//! cargo run --example sentence_rates
//! cargo run --example sentence_rates -- /tmp/other   # its tests/fixtures/sentences/expected.txt
//! ```

// A developer's tool: a closed pipe may panic here.
#![allow(clippy::disallowed_macros)]

#[path = "../tests/sentence_corpus/score.rs"]
mod score;

fn main() {
    let root = std::env::args().nth(1).unwrap_or_else(|| env!("CARGO_MANIFEST_DIR").to_owned());
    let scores = score::score(std::path::Path::new(&root));
    print!("{}", score::report(&scores));
}

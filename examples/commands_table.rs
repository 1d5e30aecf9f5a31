//! Print the `:` command table as README.md shows it, from the one table in
//! `src/app/typed.rs` (a test checks that README.md has exactly this):
//!
//! ```sh
//! cargo run --example commands_table
//! ```

// A developer's tool: a closed pipe may panic here.
#![allow(clippy::disallowed_macros)]
fn main() {
    print!("{}", jgrid::app::commands::markdown_table());
}

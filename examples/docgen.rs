//! Write the manual's generated reference tables into `docs/src/generated/`
//! from the tables in the code (see `src/manual.rs`); a test fails when
//! they are stale:
//!
//! ```sh
//! cargo run --example docgen
//! ```

// A developer's tool: a closed pipe may panic here.
#![allow(clippy::disallowed_macros)]

use std::path::Path;

fn main() -> std::io::Result<()> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/src/generated");
    std::fs::create_dir_all(&dir)?;
    for (name, text) in jgrid::manual::pages() {
        let path = dir.join(&name);
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            std::fs::write(&path, text)?;
            println!("wrote {}", path.display());
        }
    }
    Ok(())
}

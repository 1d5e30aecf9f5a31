//! Links the functions jgrid runs at start-up and in everyday use next to
//! each other (the list is `build/startup-order.txt`, made by
//! `bench/startup_order.py`). The kernel maps a program's code 64 KB at a
//! time around each page it touches; with those functions scattered over
//! the 2.7 MB of code, nearly all of it became resident at start-up.
//!
//! Only where rustc links with LLD by default (x86_64 Linux); a name the
//! list has and the program does not is skipped, so an old list costs
//! nothing but the gain. `JGRID_NO_ORDER=1` turns it off (a different linker).

// Cargo reads a build script's instructions from its standard output.
#![allow(clippy::disallowed_macros)]

fn main() {
    println!("cargo:rerun-if-changed=build/startup-order.txt");
    println!("cargo:rerun-if-env-changed=JGRID_NO_ORDER");
    let target = std::env::var("TARGET").unwrap_or_default();
    let off = std::env::var_os("JGRID_NO_ORDER").is_some_and(|v| v != "0");
    if target != "x86_64-unknown-linux-gnu" || off {
        return;
    }
    let dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let list = std::path::Path::new(&dir).join("build/startup-order.txt");
    // `-Xlinker`, one argument each: `-Wl,` would split a folder name at its commas.
    for arg in [format!("--symbol-ordering-file={}", list.display()), "--no-warn-symbol-ordering".into()] {
        println!("cargo:rustc-link-arg-bins=-Xlinker");
        println!("cargo:rustc-link-arg-bins={arg}");
    }
}

//! Command-line interface.

use std::path::PathBuf;

use clap::Parser;

/// jgrid: a fast, keyboard-driven terminal editor for Customer Journey Grids.
///
/// Opens FILE (a journey in TOML format 1) in the terminal. A FILE that does
/// not exist starts a new journey that is written on the first save; with no
/// FILE, jgrid starts an untitled journey and asks for a path when saving.
/// Press ? inside jgrid for every key.
#[derive(Debug, Parser)]
#[command(name = "jgrid", version, about, long_about)]
pub struct Cli {
    /// The journey file to open or create
    pub file: Option<PathBuf>,

    /// List recovery files (unsaved changes kept after a crash, hang-up or kill) and exit
    #[arg(long)]
    pub recover_list: bool,
}

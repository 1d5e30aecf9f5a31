//! jgrid: a terminal editor for Customer Journey Grids.
//!
//! The pure core (`journey`, `format`) knows no terminal; `app` holds the
//! state and its `update`; `ui` draws it; `term` and `main` are the shell.

pub mod app;
pub mod checks;
pub mod cli;
pub mod config;
pub mod diff;
pub mod export;
pub mod external;
pub mod format;
pub mod insights;
pub mod journey;
pub mod manual;
pub mod merge;
pub mod paint;
pub mod plan;
pub mod portfolio;
pub mod portfolio_shell;
pub mod recovery;
pub mod report;
pub mod shell;
pub mod startup;
pub mod stdout;
pub mod store;
pub mod subcommands;
pub mod term;
pub mod terminfo;
pub mod text;
pub mod ui;
pub mod unmerged;

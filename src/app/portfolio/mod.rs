//! The portfolio screen (`jgrid DIR`): every journey of a folder in a list
//! with what matters at a glance, the findings across journeys and the
//! blueprint in panels; Enter opens a journey in the editor.
//!
//! It is a state machine of its own beside [`crate::app::App`], not a mode
//! of it: `App` is one journey being edited (its history, recovery file,
//! session lock and checks), and the list is what is there before and after
//! a journey is open. The shell (`crate::portfolio_shell`) runs the list,
//! opens the chosen journey as an `App` in the same terminal with the
//! editor's own loop and save guard, and comes back to the list when the
//! editor quits; the journey is then read again.
//!
//! - `state`: the screen's state (rows, selection, sort, filter, panel);
//! - `keys`: the key table (data: dispatch, hints and help read it);
//! - `rows`: filtering and sorting;
//! - `panels`: the text of the blueprint, findings and help panels;
//! - `update`: the only place the state changes; effects for the shell.

pub mod keys;
pub mod panels;
mod rows;
mod state;
mod update;

pub use state::{Panel, PortfolioView, Row, SortBy};
pub use update::{PortfolioEffect, PortfolioMsg, update};

/// Lines of the screen that are not the list: title, header, two lines of
/// details, status and hints.
pub const CHROME: usize = 6;

#[cfg(test)]
pub(crate) mod tests;

//! The journey model: a pure grid of phases (columns) by rows (aspects), and the
//! changes that edit it. Knows nothing of terminals or files.

mod change;
mod model;

pub use change::{Change, ChangeError};
pub use model::{CellRef, DEFAULT_PHASES, DEFAULT_ROWS, Journey, Phase, Role};

#[cfg(test)]
pub(crate) use change::tests::{arb_change as change_strategy, sample as change_sample};

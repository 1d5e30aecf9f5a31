//! Lists over the grid: the insights, the findings to accept at the cursor
//! and the accepted findings; what their keys do (`actions`) and the items
//! they hold (`items`).

mod actions;
pub mod items;
pub mod log;

pub use actions::*;
pub use items::{ListKind, ListView};

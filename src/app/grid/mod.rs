//! The grid (normal mode): what each action does (`normal`), where the
//! cursor moves (`moves`), shaping phases and rows (`structure`), search
//! (`search`) and merge conflicts (`conflicts`).

pub mod conflicts;
pub mod moves;
pub mod normal;
pub mod search;
pub mod structure;

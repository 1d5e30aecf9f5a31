//! The app state and its one `update` function. Knows the journey, the
//! cursor, the viewport, modes and history; draws nothing and does no I/O:
//! side effects are returned as `Effect`s for the shell to run.

mod action;
mod edit;
mod files;
mod history;
pub mod keymap;
pub mod layout;
mod normal;
pub mod search;
mod state;
pub mod structure;
mod update;

pub use action::{Action, Command, Effect};
pub use edit::{Editor, LineInput, LineKind};
pub use files::recovery_summary;
pub use history::History;
pub use keymap::{Key, KeyMode, Keymap};
pub use state::{App, Mode, Settings, Status};
pub use update::{resolve_key, update};

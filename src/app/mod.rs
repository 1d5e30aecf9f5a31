//! The app state and its one `update` function. Knows the journey, the
//! cursor, the viewport, modes and history; draws nothing and does no I/O:
//! side effects are returned as `Effect`s for the shell to run, whose
//! outcomes come back as `Msg`s.
//!
//! Who calls whom (no cycles): `update` hands each message to `normal`
//! (the grid), `answers` (a question), `typed` (the `:` commands) or
//! `files`; those share the operations in `ops` and the pure `structure`,
//! `search`, `layout` and `history`; `question`, `action` and `keymap` are data.

mod action;
mod answers;
pub mod banner;
mod capture;
pub mod caret;
mod conflicts;
mod edit;
mod editor;
mod files;
mod history;
mod inbox;
mod key;
pub mod keymap;
pub mod layout;
pub mod list_view;
pub mod lists;
mod mouse;
mod moves;
mod msg;
mod normal;
mod ops;
pub mod panel;
pub mod present;
pub mod question;
mod scroll;
pub mod search;
mod state;
pub mod structure;
mod touched;
pub mod typed;
mod typing;
mod update;
pub mod view;
mod viewing;

pub use action::Action;
pub use edit::{LINE_KEYS, LineInput, LineKind};
pub use editor::Editor;
pub use history::History;
pub use keymap::{Key, KeyMode, Keymap};
pub use msg::{EditorFailure, EditorText, Effect, Msg, ReloadFailure, SaveFailure};
pub use question::{About, Found, Question, QuestionKind, Shown};
pub use state::{App, Mode, OnDisk, Opening, Settings, Status};
pub use update::{resolve_key, update};

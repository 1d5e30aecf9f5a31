//! The app state and its one `update` function. Knows the journey, the
//! cursor, the viewport, modes and history; draws nothing and does no I/O:
//! side effects are returned as `Effect`s for the shell to run, whose
//! outcomes come back as `Msg`s.
//!
//! The root holds the state (`state`), the messages and effects (`msg`),
//! `update`, undo (`history`), what the view reads (`read`) and the operations
//! every room shares (`ops`, `files`, `recovered`). The rooms, one feature each:
//! - `derived/`: what is derived from the journey, refreshed in one place;
//! - `input/`: actions, keys, the keymap and the mouse;
//! - `commands/`: the `:` command table;
//! - `questions/`: the question table and what each answer does;
//! - `text/`: the one-line prompt, the cell editor, the caret, what is unsaved;
//! - `grid/`: the grid's actions, moves, structure, search and merge conflicts;
//! - `interview/`: capture and the inbox;
//! - `lists/`: the insights, findings to accept and accepted findings;
//! - `plan/`: opportunities (`O`), their form, and the plan view (`P`);
//! - `present/`: present mode;
//! - `viewport/`: layout, columns, scrolling and what is revealed;
//! - `portfolio/`: the portfolio screen, a state machine of its own beside
//!   `App` (a folder's list of journeys; see its module documentation).
//!
//! Who calls whom (no cycles): `update` hands each message to a room's
//! handler; the rooms share `ops` and never import each other's handlers;
//! the tables (`input::action`, `questions`, `commands`) are data.

pub mod commands;
mod derived;
mod files;
pub mod grid;
mod history;
pub mod input;
mod interview;
pub mod lists;
mod msg;
mod ops;
pub mod plan;
pub mod portfolio;
pub mod present;
pub mod questions;
mod read;
mod recovered;
mod state;
pub mod text;
mod update;
pub mod viewport;

pub use commands::COMMANDS;
pub use history::History;
pub use input::action::Action;
pub use input::keymap::{Key, KeyMode, Keymap};
pub use interview::capture::preview as capture_preview;
pub use msg::{EditorFailure, EditorText, Effect, Msg, ReloadFailure, SaveFailure};
pub use questions::{About, Discovered, Found, Question, QuestionKind, Shown};
pub use state::{App, Mode, OnDisk, Opening, Settings, Status};
pub use text::cell_editor::{CELL_KEYS, Editor};
pub use text::line_input::{LINE_KEYS, LineInput, LineKind};
pub use update::{resolve_key, update};

//! Text being typed: a one-line prompt (`line_input`), a cell edited in
//! place (`cell_editor`), where its caret is on the screen (`caret`), and
//! what is typed but not in the journey yet (`unsaved`).

pub mod caret;
pub mod cell_editor;
pub mod line_input;
mod unsaved;

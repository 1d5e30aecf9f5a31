//! Text being typed on a one-line prompt, in a `ratatui_textarea::TextArea`
//! (a cell in edit mode is `super::editor`).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{CursorMove, TextArea};
use std::path::PathBuf;

use crate::journey::CellRef;
use crate::text;

/// `\r\n` and lone `\r` (which terminals send for Enter inside a paste) become `\n`.
pub fn normalize_newlines(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// What a one-line prompt is for. It is written into the recovery file with
/// the text typed (`App::prompt`), so every prompt, and every prompt added
/// later, keeps its half-typed text over a dropped link: a new kind needs
/// no more than fields that serde can write (and that have a `Default`,
/// for the test that walks every kind).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
#[cfg_attr(test, derive(strum::EnumIter))]
pub enum LineKind {
    /// The `:` command line.
    Command,
    /// Asking for a path to save to.
    SaveAs { then_quit: bool },
    /// Searching as you type; Esc returns the cursor to `origin`.
    Search { origin: CellRef },
    /// Capturing interview notes into the inbox, said by `source`.
    Capture {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        source: Option<String>,
    },
    /// Editing the inbox note at this index.
    EditNote { index: usize },
    /// Why a finding is accepted.
    Reason { acceptance: Box<crate::journey::Acceptance> },
    /// The portfolio screen's filter (`crate::app::portfolio`).
    Filter,
    /// The title of the opportunity `O` makes from `why` (an existing
    /// title links `why` to that one instead); see `crate::app::plan`.
    Opportunity {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        why: Option<crate::journey::Why>,
    },
    /// One field of the opportunity titled `title`, in the plan's form
    /// (`field`: `title` or a `PlanField` id); Enter goes on to the next.
    PlanField { title: String, field: String },
}

/// A one-line prompt at the bottom of the screen.
#[derive(Debug, Clone)]
pub struct LineInput {
    pub kind: LineKind,
    pub area: TextArea<'static>,
}

impl LineInput {
    pub fn new(kind: LineKind, initial: &str) -> Self {
        let mut area = TextArea::new(vec![initial.to_owned()]);
        area.move_cursor(CursorMove::End);
        area.set_cursor_line_style(ratatui::style::Style::new());
        if let LineKind::SaveAs { .. } = kind {
            area.set_placeholder_text(format!("{} (Enter to use it)", default_save_path().display()));
        }
        Self { kind, area }
    }

    pub fn text(&self) -> String {
        self.area.lines().join(" ")
    }

    pub fn prompt(&self) -> std::borrow::Cow<'static, str> {
        match &self.kind {
            LineKind::Command => ":".into(),
            LineKind::SaveAs { .. } => "Save as: ".into(),
            LineKind::Search { .. } => "/".into(),
            LineKind::Capture { source: Some(s) } => format!("capture @{} › ", text::sanitize(s)).into(),
            LineKind::Capture { source: None } => "capture › ".into(),
            LineKind::EditNote { .. } => "note: ".into(),
            LineKind::Reason { .. } => "accepted because: ".into(),
            LineKind::Filter => "filter: ".into(),
            LineKind::Opportunity { .. } => "opportunity (Tab: existing ones): ".into(),
            LineKind::PlanField { field, .. } => crate::app::plan::prompt(field).into(),
        }
    }

    pub fn paste(&mut self, text: &str) {
        self.area.insert_str(text::sanitize(&normalize_newlines(text).replace('\n', " ")));
    }

    /// A key that edits the line: the shell's line-editing keys (`LINE_KEYS`),
    /// else whatever the text editor does with it.
    pub fn input(&mut self, key: KeyEvent) {
        let ctrl = key.modifiers == KeyModifiers::CONTROL;
        let alt = key.modifiers == KeyModifiers::ALT;
        match key.code {
            KeyCode::Char('a') if ctrl => self.area.move_cursor(CursorMove::Head),
            KeyCode::Char('e') if ctrl => self.area.move_cursor(CursorMove::End),
            KeyCode::Char('b') | KeyCode::Left if alt => self.jump(word_start),
            KeyCode::Char('f') | KeyCode::Right if alt => self.jump(word_end),
            KeyCode::Char('u') if ctrl => {
                self.area.delete_line_by_head();
            }
            KeyCode::Char('k') if ctrl => {
                self.area.delete_line_by_end();
            }
            KeyCode::Char('w') if ctrl => {
                self.area.delete_word();
            }
            _ => {
                self.area.input(key);
            }
        }
    }
}

impl LineInput {
    /// Move the cursor to where `to` says, from the cursor, on its line.
    fn jump(&mut self, to: fn(&[char], usize) -> usize) {
        let (row, col) = (self.area.cursor().0, self.area.cursor().1);
        let chars: Vec<char> = self.area.lines().get(row).map_or_else(Vec::new, |l| l.chars().collect());
        let col = to(&chars, col);
        let at = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
        self.area.move_cursor(CursorMove::Jump(at(row), at(col)));
    }
}

/// Where Alt-b goes, as in a shell: back over spaces, then over a word.
fn word_start(line: &[char], col: usize) -> usize {
    let mut i = col.min(line.len());
    while i > 0 && !line[i - 1].is_alphanumeric() {
        i -= 1;
    }
    while i > 0 && line[i - 1].is_alphanumeric() {
        i -= 1;
    }
    i
}

/// Where Alt-f goes, as in a shell: over spaces, then to the end of a word.
fn word_end(line: &[char], col: usize) -> usize {
    let mut i = col.min(line.len());
    while i < line.len() && !line[i].is_alphanumeric() {
        i += 1;
    }
    while i < line.len() && line[i].is_alphanumeric() {
        i += 1;
    }
    i
}

/// The line-editing keys of the command line and the prompts, as in a shell.
pub const LINE_KEYS: &[(&str, &str)] = &[
    ("Ctrl-a / Ctrl-e", "start / end of the line"),
    ("Alt-b / Alt-f", "word left / right"),
    ("Ctrl-u", "delete to the start of the line"),
    ("Ctrl-k", "delete to the end of the line"),
    ("Ctrl-w", "delete the word before the cursor"),
];

/// The default file name offered when an untitled journey is saved.
pub fn default_save_path() -> PathBuf {
    PathBuf::from("journey.toml")
}

//! Text being typed: a cell in edit mode, or a one-line prompt. Both wrap a
//! `ratatui_textarea::TextArea`.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};
use std::path::PathBuf;

use crate::journey::CellRef;
use crate::text;

/// A cell being edited in place.
#[derive(Debug, Clone)]
pub struct Editor {
    pub at: CellRef,
    pub area: TextArea<'static>,
    /// The cell's text when editing started.
    pub original: String,
    /// The first screen line shown, when the text is taller than its cell.
    pub scroll: usize,
}

impl Editor {
    /// Start editing `text`; the cursor goes to its end. Control characters
    /// are shown (and kept, if the edit is kept) as visible placeholders.
    pub fn new(at: CellRef, original: &str, text: &str) -> Self {
        let lines: Vec<String> = text::sanitize(text).split('\n').map(str::to_owned).collect();
        let mut area = TextArea::new(lines);
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        area.set_max_histories(1000);
        area.set_cursor_line_style(ratatui::style::Style::new());
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        Self { at, area, original: original.to_owned(), scroll: 0 }
    }

    /// The text as typed, without trailing empty lines.
    pub fn text(&self) -> String {
        let joined = self.area.lines().join("\n");
        joined.trim_end_matches(['\n', ' ', '\t']).to_owned()
    }

    /// True when the text differs from the cell as it was (placeholders for
    /// control characters alone do not count as a change).
    pub fn is_changed(&self) -> bool {
        self.text() != self.original
            && self.text() != text::sanitize(&self.original).trim_end_matches(['\n', ' ', '\t'])
    }

    /// Insert pasted text at the cursor, with any line ending turned into `\n`
    /// and control characters made visible.
    pub fn paste(&mut self, text: &str) {
        self.area.insert_str(text::sanitize(&normalize_newlines(text)));
    }
}

/// `\r\n` and lone `\r` (which terminals send for Enter inside a paste) become `\n`.
pub fn normalize_newlines(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// What a one-line prompt is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineKind {
    /// The `:` command line.
    Command,
    /// Asking for a path to save to.
    SaveAs { then_quit: bool },
    /// Searching as you type; Esc returns the cursor to `origin`.
    Search { origin: CellRef },
    /// Capturing interview notes into the inbox, said by `source`.
    Capture { source: Option<String> },
    /// Editing the inbox note at this index.
    EditNote { index: usize },
    /// Why a finding is accepted.
    Reason { acceptance: Box<crate::journey::Acceptance> },
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
pub const LINE_KEYS: [(&str, &str); 5] = [
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

//! Text being typed: a cell in edit mode, or a one-line prompt. Both wrap a
//! `ratatui_textarea::TextArea`.

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
        Self { at, area, original: original.to_owned() }
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
        }
    }

    pub fn paste(&mut self, text: &str) {
        self.area.insert_str(text::sanitize(&normalize_newlines(text).replace('\n', " ")));
    }
}

/// The default file name offered when an untitled journey is saved.
pub fn default_save_path() -> PathBuf {
    PathBuf::from("journey.toml")
}

//! A cell being edited in place, in a `ratatui_textarea::TextArea`.
//!
//! The text editor works over all its lines after every edit, so a long
//! text (more than [`WINDOW`] lines) is edited through a window of lines
//! around the text cursor; the lines above and below it wait outside. When
//! the cursor comes near an edge of the window, the window moves (the
//! text editor then starts a new undo history). Whether the text differs
//! from the cell is worked out after each edit from the window alone where
//! it can be: a keystroke costs what is near the cursor, not the cell's size.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use std::cell::RefCell;
use std::rc::Rc;

use crate::app::text::caret::{Lines, Row, Wrapped};
use crate::app::text::line_input::normalize_newlines;
use crate::journey::CellRef;
use crate::text;

/// Lines in the text editor at once.
const WINDOW: usize = 800;
/// How close to an edge of the window the text cursor may come before the
/// window moves (more than any screen is tall).
const MARGIN: usize = 250;

/// A cell being edited in place.
#[derive(Debug, Clone)]
pub struct Editor {
    pub at: CellRef,
    /// The cell's text when editing started.
    pub original: String,
    /// The first screen line shown, when the text is taller than its cell.
    pub scroll: Row,
    /// The window: the lines from `above.len()` on.
    area: TextArea<'static>,
    /// The lines before the window, in order.
    above: Vec<String>,
    /// The lines after the window, the last one first.
    below: Vec<String>,
    /// The cell's text when editing started, as lines with control
    /// characters shown as placeholders (as the text editor has them).
    was: Vec<String>,
    /// Whether the lines outside the window are those of `was` (above: its
    /// first lines; below: its last lines).
    outside_as_was: (bool, bool),
    changed: bool,
    /// [`WINDOW`] and [`MARGIN`] (smaller in tests).
    window: (usize, usize),
    /// How often the window moved: each move starts a new undo history.
    moves: usize,
    /// The last line wrapped for the screen (line, width, screen lines),
    /// kept until the text changes: each screen that looks at the cursor's
    /// line (drawing, scrolling, following the cursor) reuses it, so a huge
    /// line is wrapped once per edit, not once per look.
    wrapped: RefCell<Option<(usize, usize, Wrapped)>>,
}

impl Editor {
    /// Start editing `text`; the cursor goes to its end. Control characters
    /// are shown (and kept, if the edit is kept) as visible placeholders.
    pub fn new(at: CellRef, original: &str, text: &str) -> Self {
        Self::with_window(at, original, text, (WINDOW, MARGIN))
    }

    fn with_window(at: CellRef, original: &str, text: &str, window: (usize, usize)) -> Self {
        let lines = split(text);
        let end = (lines.len() - 1, lines[lines.len() - 1].chars().count());
        // Editing starts with the cell's text, or with a new line after it.
        let was = match text.strip_prefix(original) {
            Some("") => lines.clone(),
            Some("\n") => lines[..lines.len() - 1].to_vec(),
            _ => split(original),
        };
        let mut editor = Self {
            at,
            original: original.to_owned(),
            scroll: Row::default(),
            area: TextArea::default(),
            above: Vec::new(),
            below: Vec::new(),
            was,
            outside_as_was: (true, true),
            changed: false,
            window,
            moves: 0,
            wrapped: RefCell::new(None),
        };
        editor.load(lines, end.0, end);
        editor.changed = editor.differs();
        editor
    }

    /// Put the lines into the text editor, a window of them around the line
    /// `around` when they are many, with the cursor at (line, character) or
    /// as near as the window allows.
    fn load(&mut self, mut lines: Vec<String>, around: usize, (line, ch): (usize, usize)) {
        *self.wrapped.get_mut() = None;
        let (n, size) = (lines.len(), self.window.0);
        let start = if n <= size { 0 } else { around.saturating_sub(size / 2).min(n - size) };
        let end = n.min(start + size);
        self.below = lines.split_off(end);
        self.below.reverse();
        let window = lines.split_off(start);
        self.above = lines;
        let was = &self.was;
        let above_as_was = self.above.len() <= was.len() && self.above.iter().zip(was).all(|(a, b)| a == b);
        let below_as_was =
            self.below.len() <= was.len() && self.below.iter().zip(was.iter().rev()).all(|(a, b)| a == b);
        self.outside_as_was = (above_as_was, below_as_was);
        let mut area = TextArea::new(window);
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        area.set_max_histories(1000);
        area.set_cursor_line_style(ratatui::style::Style::new());
        place(&mut area, line.clamp(start, end - 1) - start, ch);
        self.area = area;
    }

    /// Move the window so that the cursor, or the line `to`, is at least
    /// `margin` lines from its edges (where there are lines beyond them).
    fn reach(&mut self, to: usize, margin: usize) {
        let (start, end) = (self.above.len(), self.above.len() + self.area.lines().len());
        let near_top = start > 0 && to < start + margin;
        let near_bottom = !self.below.is_empty() && to + margin >= end;
        if near_top || near_bottom {
            let cursor = self.cursor();
            let mut lines = std::mem::take(&mut self.above);
            lines.extend(std::mem::take(&mut self.area).into_lines());
            lines.extend(std::mem::take(&mut self.below).into_iter().rev());
            self.load(lines, to, cursor);
            self.moves += 1;
        }
    }

    /// The text cursor: line and character.
    pub fn cursor(&self) -> (usize, usize) {
        let cursor = self.area.cursor();
        (self.above.len() + cursor.0, cursor.1)
    }

    /// Put the text cursor at a line and character.
    pub fn jump(&mut self, line: usize, ch: usize) {
        self.reach(line, self.window.1);
        place(&mut self.area, line.saturating_sub(self.above.len()), ch);
    }

    /// A key for the text editor. In a window, Ctrl-Up and Ctrl-Down (to
    /// the paragraph before or after) look beyond it.
    pub fn input(&mut self, key: KeyEvent) {
        *self.wrapped.get_mut() = None;
        let windowed = !self.above.is_empty() || !self.below.is_empty();
        match (key.code, key.modifiers) {
            (KeyCode::Up | KeyCode::Down, KeyModifiers::CONTROL) if windowed => {
                let (line, ch) = self.cursor();
                if let Some((line, ch)) = paragraph(self, line, ch, key.code == KeyCode::Down) {
                    self.jump(line, ch);
                }
            }
            _ => {
                self.reach(self.cursor().0, self.window.1);
                self.area.input(key);
            }
        }
        self.changed = self.differs();
    }

    /// Insert pasted text at the cursor, with any line ending turned into `\n`
    /// and control characters made visible.
    pub fn paste(&mut self, text: &str) {
        *self.wrapped.get_mut() = None;
        self.reach(self.cursor().0, self.window.1);
        self.area.insert_str(text::sanitize(&normalize_newlines(text)));
        self.changed = self.differs();
    }

    /// The text as typed, without trailing empty lines.
    pub fn text(&self) -> String {
        let mut joined = String::new();
        for i in 0..self.count() {
            if i > 0 {
                joined.push('\n');
            }
            joined.push_str(self.line(i));
        }
        joined.trim_end_matches(['\n', ' ', '\t']).to_owned()
    }

    /// True when the text differs from the cell as it was (placeholders for
    /// control characters alone do not count as a change).
    pub fn is_changed(&self) -> bool {
        self.changed
    }

    /// Compare the text with the cell as it was: the window alone when the
    /// lines outside it are as they were, else everything.
    fn differs(&self) -> bool {
        let window = self.area.lines();
        let (above, below) = (self.above.len(), self.below.len());
        let (above_as_was, below_as_was) = self.outside_as_was;
        // Text below the window that is not blank ends both texts the same way.
        let ends_below = below_as_was && self.below.iter().any(|l| !is_blank(l));
        if above_as_was && ends_below && above + below <= self.was.len() {
            return window[..] != self.was[above..self.was.len() - below];
        }
        if above_as_was && below == 0 && above <= self.was.len() {
            return trimmed(window) != trimmed(&self.was[above..]);
        }
        let all: Vec<&str> = (0..self.count()).map(|i| self.line(i)).collect();
        let was: Vec<&str> = self.was.iter().map(String::as_str).collect();
        trimmed(&all) != trimmed(&was)
    }
}

impl Lines for Editor {
    fn count(&self) -> usize {
        self.above.len() + self.area.lines().len() + self.below.len()
    }

    fn line(&self, i: usize) -> &str {
        let window = self.area.lines();
        if let Some(line) = self.above.get(i) {
            return line;
        }
        let i = i - self.above.len();
        if let Some(line) = window.get(i) {
            return line;
        }
        let from_end = i - window.len();
        self.below.len().checked_sub(from_end + 1).map_or("", |j| &self.below[j])
    }

    fn kept_wrap(&self, line: usize, width: usize) -> Option<Wrapped> {
        match &*self.wrapped.borrow() {
            Some((l, w, ranges)) if *l == line && *w == width => Some(Rc::clone(ranges)),
            _ => None,
        }
    }

    fn keep_wrap(&self, line: usize, width: usize, ranges: &Wrapped) {
        *self.wrapped.borrow_mut() = Some((line, width, Rc::clone(ranges)));
    }
}

/// Keys handled by the text editor inside a cell (not rebindable).
pub const CELL_KEYS: &[(&str, &str)] = &[
    ("typing", "edits the cell in place; long lines wrap"),
    ("Enter", "starts a new line"),
    ("← → ↑ ↓", "move the text cursor"),
    ("Ctrl-← / Ctrl-→", "word left / right"),
    ("Home / End", "start / end of the line"),
    ("Backspace / Delete", "delete a character"),
    ("Ctrl-u / Ctrl-r", "undo / redo typing in the cell"),
    ("paste", "a pasted paragraph goes into the cell as text"),
];

/// Where Ctrl-Down (`down`) or Ctrl-Up takes the cursor, as the text editor
/// has it: to the first line of the next paragraph (after an empty line),
/// or of this or the one before; the column kept where the line allows.
fn paragraph(lines: &impl Lines, line: usize, ch: usize, down: bool) -> Option<(usize, usize)> {
    let n = lines.count();
    let empty = |l: usize| lines.line(l).is_empty();
    let target = if down {
        (line + 1..n).find(|&l| !empty(l) && empty(l - 1)).unwrap_or(n - 1)
    } else {
        let above = line.checked_sub(1)?;
        (0..above).rev().find(|&l| empty(l) && !empty(l + 1)).map_or(0, |l| l + 1)
    };
    Some((target, ch.min(lines.line(target).chars().count())))
}

/// Put the text editor's cursor on a line of its window at a character.
/// It takes positions up to 65535; further into a longer line, only its end
/// is reached exactly.
fn place(area: &mut TextArea, line: usize, ch: usize) {
    let at = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
    area.move_cursor(CursorMove::Jump(at(line), at(ch)));
    if ch > usize::from(u16::MAX) && area.lines().get(line).is_some_and(|l| ch >= l.chars().count()) {
        area.move_cursor(CursorMove::End);
    }
}

/// A text as the text editor's lines: control characters as placeholders.
fn split(text: &str) -> Vec<String> {
    text::sanitize(text).split('\n').map(str::to_owned).collect()
}

fn is_blank(line: &str) -> bool {
    line.chars().all(|c| matches!(c, ' ' | '\t'))
}

/// Lines as the text they make with trailing spaces, tabs and empty lines
/// left out: the lines up to the last one with more, that one trimmed.
fn trimmed<S: AsRef<str>>(lines: &[S]) -> (&[S], &str) {
    match lines.iter().rposition(|l| !is_blank(l.as_ref())) {
        Some(last) => (&lines[..last], lines[last].as_ref().trim_end_matches([' ', '\t'])),
        None => (&[], ""),
    }
}

#[cfg(test)]
#[path = "cell_editor_tests.rs"]
mod tests;

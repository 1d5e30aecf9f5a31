//! The cells to send for a frame, in screen order: those that differ between
//! the old screen and the new one, and with them the rest of any wide
//! character of the old screen that a new character covers part of (the
//! terminal would leave that rest to its own taste). One pass over the two
//! screens, with no list of every changed cell.

use std::iter::Peekable;

use ratatui::buffer::{Buffer, BufferDiff, Cell};
use unicode_width::UnicodeWidthStr;

pub struct Updates<'a> {
    old: &'a Buffer,
    new: &'a Buffer,
    diff: Peekable<BufferDiff<'a, 'a>>,
    /// Covered cells still to send, `(x, y)` in screen order (a few at most).
    covered: Vec<(u16, u16)>,
}

/// The cells to send to turn `old` into `new`.
pub fn updates<'a>(old: &'a Buffer, new: &'a Buffer) -> Updates<'a> {
    Updates { old, new, diff: old.diff_iter(new).peekable(), covered: Vec::new() }
}

const fn screen_order((x, y): (u16, u16)) -> (u16, u16) {
    (y, x)
}

impl Updates<'_> {
    /// Note the columns of old wide characters that the new cell at `(x, y)`
    /// covers part of and that the new screen does not cover itself.
    fn cover(&mut self, x: u16, y: u16, cell: &Cell) {
        let right = x.saturating_add((cell.symbol().width() as u16).max(1)).min(self.new.area.right());
        let end = (x..right).map(|p| p.saturating_add(self.old[(p, y)].symbol().width() as u16)).max();
        for tx in right..end.unwrap_or(right).min(self.new.area.right()) {
            // (Not the right half of a new wide character.)
            if self.new[(tx - 1, y)].symbol().width() < 2 {
                let at = (tx, y);
                if let Err(i) = self.covered.binary_search_by_key(&screen_order(at), |&c| screen_order(c)) {
                    self.covered.insert(i, at);
                }
            }
        }
    }
}

impl<'a> Iterator for Updates<'a> {
    type Item = (u16, u16, &'a Cell);

    fn next(&mut self) -> Option<Self::Item> {
        let changed = self.diff.peek().map(|&(x, y, _)| (x, y));
        if let Some(&at) = self.covered.first()
            && changed.is_none_or(|c| screen_order(at) < screen_order(c))
        {
            self.covered.remove(0);
            return Some((at.0, at.1, &self.new[at]));
        }
        let (x, y, cell) = self.diff.next()?;
        if self.covered.first() == Some(&(x, y)) {
            self.covered.remove(0);
        }
        self.cover(x, y, cell);
        Some((x, y, cell))
    }
}

//! The one drawing layer: a ratatui backend that paints the short form of a
//! frame directly. It keeps a copy of what the terminal shows (the shadow),
//! so that it can
//! - move lines that moved (a scroll region and insert/delete line, see
//!   `moves`) instead of resending them,
//! - write each change of style as one short escape (see `style`),
//! - skip a short gap by rewriting its cells when that is shorter than a
//!   cursor move, and
//! - send nothing for a cursor that is already where it should be, shown or
//!   hidden as it should be.
//!
//! The screen it paints is the buffer ratatui gives it: the property tests
//! feed random frames through it into a vt100 parser and compare.

pub mod moves;
pub mod style;

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Buffer, Cell, CellDiffOption};
use ratatui::layout::{Position, Rect, Size};
use unicode_width::UnicodeWidthStr;

use style::{Pen, number};

/// Paints frames as ANSI escapes to `W` (for jgrid, a `FrameWriter`).
#[derive(Debug)]
pub struct Painter<W: Write> {
    writer: W,
    /// What the terminal shows in the area jgrid draws on.
    shadow: Buffer,
    /// Where the terminal's cursor is, when known.
    at: Option<Position>,
    /// Whether the cursor is shown, when known.
    visible: Option<bool>,
    /// The style the terminal writes with now (None: not known yet): kept
    /// from frame to frame, so that typing in a cell does not set its style
    /// again for every key.
    pen: Option<Pen>,
    out: Vec<u8>,
}

impl<W: Write> Painter<W> {
    /// A painter for a terminal whose `area` is blank.
    pub fn new(writer: W, area: Rect) -> Self {
        Self { writer, shadow: Buffer::empty(area), at: None, visible: None, pen: None, out: Vec::new() }
    }

    pub const fn writer_mut(&mut self) -> &mut W {
        &mut self.writer
    }

    /// The pen as it is, set to a known one first if it is not known.
    fn known_pen(&mut self, out: &mut Vec<u8>) -> Pen {
        *self.pen.get_or_insert_with(|| {
            out.extend_from_slice(b"\x1b[m");
            Pen::default()
        })
    }

    /// Set the terminal's style to the default (before clearing or
    /// inserting lines, which take the pen's background on many terminals).
    fn plain_pen(&mut self, out: &mut Vec<u8>) {
        let pen = self.known_pen(out);
        style::switch(out, pen, Pen::default());
        self.pen = Some(Pen::default());
    }

    /// The terminal was resized to `area` (and is cleared before the next frame).
    pub fn set_area(&mut self, area: Rect) {
        self.shadow = Buffer::empty(area);
        self.at = None;
    }

    /// Make room in the shadow for cells outside it.
    fn fit(&mut self, cells: &[(u16, u16, &Cell)]) {
        let mut area = self.shadow.area;
        for &(x, y, _) in cells {
            area = area.union(Rect::new(x, y, 1, 1));
        }
        if area != self.shadow.area {
            let mut grown = Buffer::empty(area);
            grown.merge(&self.shadow);
            self.shadow = grown;
        }
    }
}

/// Append to `out` the cheapest way to move the cursor from `at` (where it
/// is, if known) to `(x, y)` on `screen`: a cursor address, a move right or
/// back, a carriage return, or, when the pen is known and the cells between
/// are in its style, those cells written again.
fn go(out: &mut Vec<u8>, at: Option<Position>, screen: &Buffer, x: u16, y: u16, pen: Option<Pen>) {
    let cup_len = cup_len(x, y);
    if let Some(at) = at.filter(|at| at.y == y && at.x > x) {
        // Back a few columns: backspaces, or a carriage return to the first.
        let back = usize::from(at.x - x);
        if x == 0 && cup_len > 1 {
            out.push(b'\r');
        } else if back < cup_len {
            out.extend(std::iter::repeat_n(b'\x08', back));
        } else {
            cup(out, x, y);
        }
        return;
    }
    if let Some(at) = at.filter(|at| at.y == y && at.x <= x) {
        if at.x == x {
            return;
        }
        let gap = (at.x..x).map(|gx| &screen[(gx, y)]);
        let mut len = 0;
        // (Not the right half of a wide character: the cursor may have been put there.)
        let after_wide = at.x > screen.area.x && screen[(at.x - 1, y)].symbol().width() > 1;
        let fillable = !after_wide
            && gap.clone().all(|c| {
                len += c.symbol().len();
                c.diff_option == CellDiffOption::None && Some(Pen::of(c)) == pen && c.symbol().width() == 1
            });
        let cuf_len = if x - at.x == 1 { 3 } else { 3 + digits(x - at.x) };
        if fillable && len <= cuf_len.min(cup_len) {
            for c in gap {
                out.extend_from_slice(c.symbol().as_bytes());
            }
            return;
        }
        if cuf_len < cup_len {
            out.extend_from_slice(b"\x1b[");
            if x - at.x > 1 {
                number(out, (x - at.x).into());
            }
            out.push(b'C');
            return;
        }
    }
    cup(out, x, y);
}

fn digits(n: u16) -> usize {
    n.checked_ilog10().map_or(1, |d| d as usize + 1)
}

fn cup_len(x: u16, y: u16) -> usize {
    match (x, y) {
        (0, 0) => 3,
        (0, _) => 3 + digits(y + 1),
        _ => 4 + digits(y + 1) + digits(x + 1),
    }
}

/// `ESC[row;colH`, with the parts that are 1 left out.
fn cup(out: &mut Vec<u8>, x: u16, y: u16) {
    out.extend_from_slice(b"\x1b[");
    if (x, y) != (0, 0) {
        number(out, u32::from(y) + 1);
    }
    if x != 0 {
        out.push(b';');
        number(out, u32::from(x) + 1);
    }
    out.push(b'H');
}

/// The cells that differ between `old` and `new`, in order, and with them the
/// rest of any wide character of `old` that a new character covers part
/// of: the terminal would leave that rest to its own taste.
fn with_covered<'a>(old: &Buffer, new: &'a Buffer) -> Vec<(u16, u16, &'a Cell)> {
    let mut updates = old.diff(new);
    let mut covered = Vec::new();
    for &(x, y, cell) in &updates {
        let right = x.saturating_add((cell.symbol().width() as u16).max(1)).min(new.area.right());
        let end = (x..right).map(|p| p.saturating_add(old[(p, y)].symbol().width() as u16)).max();
        for tx in right..end.unwrap_or(right).min(new.area.right()) {
            // (Not the right half of a new wide character.)
            if new[(tx - 1, y)].symbol().width() < 2 {
                covered.push((tx, y, &new[(tx, y)]));
            }
        }
    }
    if !covered.is_empty() {
        updates.extend(covered);
        updates.sort_by_key(|&(x, y, _)| (y, x));
        updates.dedup_by_key(|&mut (x, y, _)| (x, y));
    }
    updates
}

impl<W: Write> Backend for Painter<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let cells: Vec<(u16, u16, &Cell)> = content.collect();
        if cells.is_empty() {
            return Ok(());
        }
        self.fit(&cells);
        let mut new = self.shadow.clone();
        for &(x, y, cell) in &cells {
            new[(x, y)] = cell.clone();
            // The columns a wide character covers are blank in ratatui's
            // buffer (its diff does not send them).
            let width = cell.symbol().width() as u16;
            for tx in x + 1..x.saturating_add(width).min(new.area.right()) {
                new[(tx, y)] = Cell::default();
            }
        }
        self.out.clear();
        let moved = moves::find(&self.shadow, &new);
        let mut out = std::mem::take(&mut self.out);
        if !moved.is_empty() {
            self.plain_pen(&mut out);
        }
        self.out = out;
        for &m in &moved {
            moves::write(&mut self.out, m, new.area.y);
            moves::apply(&mut self.shadow, m);
        }
        if !moved.is_empty() {
            self.out.extend_from_slice(b"\x1b[r");
            self.at = None;
        }
        let updates = with_covered(&self.shadow, &new);
        let mut out = std::mem::take(&mut self.out);
        let mut pen = self.known_pen(&mut out);
        self.out = out;
        for (x, y, cell) in updates {
            go(&mut self.out, self.at, &new, x, y, Some(pen));
            let next = Pen::of(cell);
            style::switch(&mut self.out, pen, next);
            pen = next;
            let symbol = cell.symbol();
            self.out.extend_from_slice(symbol.as_bytes());
            let right = x.saturating_add(1);
            self.at = (symbol.width() == 1 && right < new.area.right()).then_some(Position { x: right, y });
        }
        self.pen = Some(pen);
        self.shadow = new;
        self.writer.write_all(&self.out)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.visible != Some(false) {
            self.writer.write_all(b"\x1b[?25l")?;
            self.visible = Some(false);
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        if self.visible != Some(true) {
            self.writer.write_all(b"\x1b[?25h")?;
            self.visible = Some(true);
        }
        Ok(())
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        ratatui::crossterm::cursor::position().map(|(x, y)| Position { x, y })
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let p = position.into();
        if self.at != Some(p) {
            let mut out = Vec::new();
            if self.shadow.area.contains(p) {
                go(&mut out, self.at, &self.shadow, p.x, p.y, self.pen);
            } else {
                cup(&mut out, p.x, p.y);
            }
            self.writer.write_all(&out)?;
            self.at = Some(p);
        }
        Ok(())
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        let at = self.at.unwrap_or_default();
        let area = self.shadow.area;
        let index = |p: Position| {
            if area.contains(p) {
                self.shadow.index_of(p.x, p.y)
            } else if p.y < area.y || (p.y < area.bottom() && p.x < area.x) {
                self.shadow.index_of(area.x, p.y.max(area.y))
            } else {
                self.shadow.content.len()
            }
        };
        let line_start = Position { x: 0, y: at.y };
        let line_end = Position { x: u16::MAX, y: at.y };
        let next_line = Position { x: 0, y: at.y.saturating_add(1) };
        let (bytes, from, to): (&[u8], usize, usize) = match clear_type {
            ClearType::All => (b"\x1b[2J", 0, self.shadow.content.len()),
            ClearType::AfterCursor => (b"\x1b[J", index(at), self.shadow.content.len()),
            ClearType::BeforeCursor => (b"\x1b[1J", 0, index(at) + 1),
            ClearType::CurrentLine => (b"\x1b[2K", index(line_start), index(next_line).min(index(line_end))),
            ClearType::UntilNewLine => (b"\x1b[K", index(at), index(next_line).min(index(line_end))),
        };
        let (from, to) = (from.min(self.shadow.content.len()), to.min(self.shadow.content.len()));
        if from < to {
            self.shadow.content[from..to].fill(Cell::default());
        }
        // Cleared cells take the pen's background on many terminals.
        let mut out = Vec::new();
        self.plain_pen(&mut out);
        out.extend_from_slice(bytes);
        self.writer.write_all(&out)
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        for _ in 0..n {
            self.writer.write_all(b"\n")?;
        }
        self.at = None;
        Ok(())
    }

    fn size(&self) -> io::Result<Size> {
        let (width, height) = ratatui::crossterm::terminal::size()?;
        Ok(Size { width, height })
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let ratatui::crossterm::terminal::WindowSize { columns, rows, width, height } =
            ratatui::crossterm::terminal::window_size()?;
        Ok(WindowSize { columns_rows: Size { width: columns, height: rows }, pixels: Size { width, height } })
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
    }
}

#[cfg(test)]
mod tests;

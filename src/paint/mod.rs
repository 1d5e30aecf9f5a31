//! The one drawing layer: jgrid's terminal. It keeps what the terminal shows
//! and the frame being drawn (ratatui's widgets draw into it), and paints the
//! short form of the difference directly:
//! - lines that moved are moved (a scroll region and insert/delete line, see
//!   `moves`) instead of resent,
//! - each change of style is one short escape (see `style`),
//! - a short gap is skipped by rewriting its cells when that is shorter than
//!   a cursor move, and
//! - nothing is sent for a cursor that is already where it should be, shown
//!   or hidden as it should be.
//!
//! The property tests feed random frames through it into a vt100 parser and
//! compare the screen with the frame.

pub mod moves;
pub mod style;
mod updates;

use std::io::{self, Write};

use ratatui::buffer::{Buffer, Cell, CellDiffOption};
use ratatui::layout::{Position, Rect};
use unicode_width::UnicodeWidthStr;

use style::{Pen, number};

/// Paints frames as ANSI escapes to `W` (for jgrid, a `FrameWriter`).
///
/// It holds the only two copies of the screen jgrid keeps: what the terminal
/// shows, and the frame being drawn.
#[derive(Debug)]
pub struct Painter<W: Write> {
    writer: W,
    /// What the terminal shows in the area jgrid draws on.
    shown: Buffer,
    /// The frame being drawn; blank between frames.
    next: Buffer,
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
        Self {
            writer,
            shown: Buffer::empty(area),
            next: Buffer::empty(area),
            at: None,
            visible: None,
            pen: None,
            out: Vec::new(),
        }
    }

    /// A painter that clears the terminal first, so that its first frame is
    /// complete whatever the terminal showed before.
    pub fn cleared(writer: W, area: Rect) -> io::Result<Self> {
        let mut painter = Self::new(writer, area);
        painter.clear()?;
        Ok(painter)
    }

    /// The area it draws on.
    pub const fn area(&self) -> Rect {
        self.shown.area
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

    /// The terminal was resized to `area`: clear it, so that the next frame
    /// is drawn whole.
    pub fn resize(&mut self, area: Rect) -> io::Result<()> {
        self.shown = Buffer::empty(area);
        self.next = Buffer::empty(area);
        self.at = None;
        self.clear()
    }

    /// Clear the terminal; the next frame is drawn whole. (The cursor stays
    /// where it is.)
    pub fn clear(&mut self) -> io::Result<()> {
        self.shown.reset();
        // Cleared cells take the pen's background on many terminals.
        let mut out = Vec::new();
        self.plain_pen(&mut out);
        out.extend_from_slice(b"\x1b[2J");
        self.writer.write_all(&out)
    }

    /// Draw a frame: `render` draws it into a blank buffer of the area and
    /// says where the terminal's cursor goes (None: hidden). What differs
    /// from what the terminal shows is sent.
    pub fn draw(&mut self, render: impl FnOnce(&mut Buffer) -> Option<Position>) -> io::Result<()> {
        let cursor = render(&mut self.next);
        blank_covered(&mut self.next);
        let painted = if self.next == self.shown { Ok(()) } else { self.paint() };
        // (Even when writing failed: the next frame is drawn into a blank buffer.)
        std::mem::swap(&mut self.shown, &mut self.next);
        self.next.reset();
        painted?;
        match cursor {
            None => self.hide_cursor(),
            Some(p) => {
                self.show_cursor()?;
                self.set_cursor_position(p)
            }
        }
    }
}

/// Blank the columns a wide character covers: the terminal shows the
/// character there, whatever a widget left in them.
fn blank_covered(buf: &mut Buffer) {
    let area = buf.area;
    for y in area.top()..area.bottom() {
        let mut x = area.left();
        while x < area.right() {
            let symbol = buf[(x, y)].symbol();
            // (One byte is one column: no lookup for ASCII.)
            let width = if symbol.len() == 1 { 1 } else { (symbol.width() as u16).max(1) };
            for tx in x + 1..x.saturating_add(width).min(area.right()) {
                buf[(tx, y)] = Cell::default();
            }
            x = x.saturating_add(width);
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

impl<W: Write> Painter<W> {
    /// Send what differs between `shown` and `next`: lines that moved are
    /// moved, then the cells that still differ are written.
    fn paint(&mut self) -> io::Result<()> {
        let moved = moves::find(&self.shown, &self.next);
        let mut out = std::mem::take(&mut self.out);
        out.clear();
        if !moved.is_empty() {
            self.plain_pen(&mut out);
        }
        for &m in &moved {
            moves::write(&mut out, m, self.next.area.y);
            moves::apply(&mut self.shown, m);
        }
        if !moved.is_empty() {
            out.extend_from_slice(b"\x1b[r");
            self.at = None;
        }
        let mut pen = self.known_pen(&mut out);
        for (x, y, cell) in updates::updates(&self.shown, &self.next) {
            go(&mut out, self.at, &self.next, x, y, Some(pen));
            let next = Pen::of(cell);
            style::switch(&mut out, pen, next);
            pen = next;
            let symbol = cell.symbol();
            out.extend_from_slice(symbol.as_bytes());
            let right = x.saturating_add(1);
            self.at = (symbol.width() == 1 && right < self.next.area.right()).then_some(Position { x: right, y });
        }
        self.pen = Some(pen);
        let written = self.writer.write_all(&out);
        self.out = out;
        written
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

    fn set_cursor_position(&mut self, p: Position) -> io::Result<()> {
        if self.at != Some(p) {
            let mut out = Vec::new();
            if self.shown.area.contains(p) {
                go(&mut out, self.at, &self.shown, p.x, p.y, self.pen);
            } else {
                cup(&mut out, p.x, p.y);
            }
            self.writer.write_all(&out)?;
            self.at = Some(p);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;

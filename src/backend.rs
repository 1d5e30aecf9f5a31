//! The ratatui backend jgrid draws through: the same bytes as ratatui's
//! `CrosstermBackend` (with colour output forced on, as jgrid runs it), but
//! each escape is written straight into the frame, numbers by hand, instead
//! of through crossterm's commands and `core::fmt`. Drawing the first frame
//! spent more time formatting escapes than anything else.

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};

/// Writes frames as ANSI escapes to `W` (for jgrid, a `FrameWriter`).
#[derive(Debug, Default)]
pub struct AnsiBackend<W: Write> {
    writer: W,
}

impl<W: Write> AnsiBackend<W> {
    pub const fn new(writer: W) -> Self {
        Self { writer }
    }

    pub const fn writer_mut(&mut self) -> &mut W {
        &mut self.writer
    }
}

/// A small escape being put together before it is written in one piece.
struct Escape {
    bytes: [u8; 64],
    len: usize,
}

impl Escape {
    fn csi() -> Self {
        let mut e = Self { bytes: [0; 64], len: 0 };
        e.push(b"\x1b[");
        e
    }

    fn push(&mut self, s: &[u8]) {
        self.bytes[self.len..self.len + s.len()].copy_from_slice(s);
        self.len += s.len();
    }

    fn byte(&mut self, b: u8) {
        self.bytes[self.len] = b;
        self.len += 1;
    }

    /// `n` in decimal, as `format!("{n}")` writes it.
    fn number(&mut self, n: u32) {
        let mut digits = [0u8; 10];
        let mut i = digits.len();
        let mut n = n;
        loop {
            i -= 1;
            digits[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.push(&digits[i..]);
    }

    /// The parameters of a colour after `38;`, `48;` or `58;`, as crossterm's `Colored` writes them.
    fn colour(&mut self, kind: &[u8; 2], reset: &[u8; 2], color: Color) {
        let index = match color {
            Color::Reset => return self.push(reset),
            Color::Rgb(r, g, b) => {
                self.push(kind);
                self.push(b";2;");
                self.number(r.into());
                self.byte(b';');
                self.number(g.into());
                self.byte(b';');
                return self.number(b.into());
            }
            Color::Black => 0,
            Color::Red => 1,
            Color::Green => 2,
            Color::Yellow => 3,
            Color::Blue => 4,
            Color::Magenta => 5,
            Color::Cyan => 6,
            Color::Gray => 7,
            Color::DarkGray => 8,
            Color::LightRed => 9,
            Color::LightGreen => 10,
            Color::LightYellow => 11,
            Color::LightBlue => 12,
            Color::LightMagenta => 13,
            Color::LightCyan => 14,
            Color::White => 15,
            Color::Indexed(i) => i,
        };
        self.push(kind);
        self.push(b";5;");
        self.number(index.into());
    }

    fn write_to(&self, w: &mut impl Write) -> io::Result<()> {
        w.write_all(&self.bytes[..self.len])
    }
}

fn sgr(w: &mut impl Write, code: &[u8]) -> io::Result<()> {
    let mut e = Escape::csi();
    e.push(code);
    e.byte(b'm');
    e.write_to(w)
}

fn move_to(w: &mut impl Write, x: u16, y: u16) -> io::Result<()> {
    let mut e = Escape::csi();
    e.number(u32::from(y) + 1);
    e.byte(b';');
    e.number(u32::from(x) + 1);
    e.byte(b'H');
    e.write_to(w)
}

/// The attribute escapes from one set of modifiers to another, in the order
/// ratatui's `CrosstermBackend` writes them.
fn modifier_diff(w: &mut impl Write, from: Modifier, to: Modifier) -> io::Result<()> {
    let removed = from - to;
    if removed.contains(Modifier::REVERSED) {
        sgr(w, b"27")?;
    }
    let reset_intensity = removed.intersects(Modifier::BOLD | Modifier::DIM);
    if reset_intensity {
        sgr(w, b"22")?;
        if to.contains(Modifier::DIM) {
            sgr(w, b"2")?;
        }
        if to.contains(Modifier::BOLD) {
            sgr(w, b"1")?;
        }
    }
    let off: [(Modifier, &[u8]); 4] = [
        (Modifier::ITALIC, b"23"),
        (Modifier::UNDERLINED, b"24"),
        (Modifier::CROSSED_OUT, b"29"),
        (Modifier::HIDDEN, b"28"),
    ];
    for (m, code) in off {
        if removed.contains(m) {
            sgr(w, code)?;
        }
    }
    if removed.intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK) {
        sgr(w, b"25")?;
    }
    let added = to - from;
    let on: [(Modifier, &[u8], bool); 9] = [
        (Modifier::REVERSED, b"7", true),
        (Modifier::BOLD, b"1", !reset_intensity),
        (Modifier::ITALIC, b"3", true),
        (Modifier::UNDERLINED, b"4", true),
        (Modifier::DIM, b"2", !reset_intensity),
        (Modifier::CROSSED_OUT, b"9", true),
        (Modifier::HIDDEN, b"8", true),
        (Modifier::SLOW_BLINK, b"5", true),
        (Modifier::RAPID_BLINK, b"6", true),
    ];
    for (m, code, wanted) in on {
        if wanted && added.contains(m) {
            sgr(w, code)?;
        }
    }
    Ok(())
}

impl<W: Write> Backend for AnsiBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let w = &mut self.writer;
        let mut fg = Color::Reset;
        let mut bg = Color::Reset;
        let mut underline_color = Color::Reset;
        let mut modifier = Modifier::empty();
        let mut last_pos: Option<Position> = None;
        for (x, y, cell) in content {
            if !matches!(last_pos, Some(p) if x == p.x + 1 && y == p.y) {
                move_to(w, x, y)?;
            }
            last_pos = Some(Position { x, y });
            if cell.modifier != modifier {
                modifier_diff(w, modifier, cell.modifier)?;
                modifier = cell.modifier;
            }
            if cell.fg != fg || cell.bg != bg {
                let mut e = Escape::csi();
                e.colour(b"38", b"39", cell.fg);
                e.byte(b';');
                e.colour(b"48", b"49", cell.bg);
                e.byte(b'm');
                e.write_to(w)?;
                fg = cell.fg;
                bg = cell.bg;
            }
            if cell.underline_color != underline_color {
                let mut e = Escape::csi();
                e.colour(b"58", b"59", cell.underline_color);
                e.byte(b'm');
                e.write_to(w)?;
                underline_color = cell.underline_color;
            }
            w.write_all(cell.symbol().as_bytes())?;
        }
        w.write_all(b"\x1b[39m\x1b[49m\x1b[59m\x1b[0m")
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.writer.write_all(b"\x1b[?25l")?;
        self.writer.flush()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.writer.write_all(b"\x1b[?25h")?;
        self.writer.flush()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        ratatui::crossterm::cursor::position().map(|(x, y)| Position { x, y })
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let Position { x, y } = position.into();
        move_to(&mut self.writer, x, y)?;
        self.writer.flush()
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.writer.write_all(match clear_type {
            ClearType::All => b"\x1b[2J",
            ClearType::AfterCursor => b"\x1b[J",
            ClearType::BeforeCursor => b"\x1b[1J",
            ClearType::CurrentLine => b"\x1b[2K",
            ClearType::UntilNewLine => b"\x1b[K",
        })?;
        self.writer.flush()
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        for _ in 0..n {
            self.writer.write_all(b"\n")?;
        }
        self.writer.flush()
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
#[path = "backend_tests.rs"]
mod tests;

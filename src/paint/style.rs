//! The pen: the style the terminal draws with, and the shortest escape (SGR)
//! from one style to another. The 16 ANSI colours use their own short codes
//! (`34`, `104`), and a change of style is one escape with all its parts,
//! or a reset and the new style, whichever is shorter.

use ratatui::buffer::Cell;
use ratatui::style::{Color, Modifier};

/// The parts of a cell's style that escapes set.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pen {
    pub fg: Color,
    pub bg: Color,
    pub underline: Color,
    pub modifier: Modifier,
}

impl Pen {
    pub fn of(cell: &Cell) -> Self {
        Self { fg: cell.fg, bg: cell.bg, underline: cell.underline_color, modifier: cell.modifier }
    }

    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

/// Attribute codes: what sets a modifier.
const ON: [(Modifier, u8); 9] = [
    (Modifier::BOLD, 1),
    (Modifier::DIM, 2),
    (Modifier::ITALIC, 3),
    (Modifier::UNDERLINED, 4),
    (Modifier::SLOW_BLINK, 5),
    (Modifier::RAPID_BLINK, 6),
    (Modifier::REVERSED, 7),
    (Modifier::HIDDEN, 8),
    (Modifier::CROSSED_OUT, 9),
];

/// Append `n` in decimal.
pub fn number(out: &mut Vec<u8>, n: u32) {
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
    out.extend_from_slice(&digits[i..]);
}

/// The palette index of a named colour.
const fn index(color: Color) -> Option<u8> {
    Some(match color {
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
        Color::Reset | Color::Rgb(..) => return None,
    })
}

/// One colour's parameters: `base` is 30 (foreground), 40 (background) or
/// 50 (underline, which has no short codes).
fn colour(out: &mut Vec<u8>, base: u32, color: Color) {
    match (color, index(color)) {
        (Color::Rgb(r, g, b), _) => {
            number(out, base + 8);
            out.extend_from_slice(b";2;");
            for (i, c) in [r, g, b].into_iter().enumerate() {
                if i > 0 {
                    out.push(b';');
                }
                number(out, c.into());
            }
        }
        (_, Some(i)) if base < 50 && i < 8 => number(out, base + u32::from(i)),
        (_, Some(i)) if base < 50 && i < 16 => number(out, base + 60 + u32::from(i) - 8),
        (_, Some(i)) => {
            number(out, base + 8);
            out.extend_from_slice(b";5;");
            number(out, i.into());
        }
        (_, None) => number(out, base + 9),
    }
}

/// The parameters that change the pen `from` into `to` without a reset.
fn changes(out: &mut Vec<u8>, from: Pen, to: Pen) {
    let sep = |out: &mut Vec<u8>| {
        if !out.is_empty() {
            out.push(b';');
        }
    };
    let removed = from.modifier - to.modifier;
    let intensity = Modifier::BOLD | Modifier::DIM;
    let reset_intensity = removed.intersects(intensity);
    let off: [(Modifier, u32); 6] = [
        (intensity, 22),
        (Modifier::ITALIC, 23),
        (Modifier::UNDERLINED, 24),
        (Modifier::SLOW_BLINK | Modifier::RAPID_BLINK, 25),
        (Modifier::REVERSED, 27),
        (Modifier::HIDDEN, 28),
    ];
    for (m, code) in off {
        if removed.intersects(m) {
            sep(out);
            number(out, code);
        }
    }
    if removed.contains(Modifier::CROSSED_OUT) {
        sep(out);
        number(out, 29);
    }
    let added = to.modifier - from.modifier;
    for (m, code) in ON {
        let again = reset_intensity && intensity.contains(m) && to.modifier.contains(m);
        if added.contains(m) || again {
            sep(out);
            number(out, code.into());
        }
    }
    for (base, a, b) in [(30, from.fg, to.fg), (40, from.bg, to.bg)] {
        if a != b {
            sep(out);
            colour(out, base, b);
        }
    }
}

/// Append the escape(s) that change the pen `from` into `to` (nothing when
/// they are the same): the changes, or a reset and the new style, whichever
/// is shorter. The underline colour has an escape of its own, so a terminal
/// that does not know it cannot read its numbers as attributes.
pub fn switch(out: &mut Vec<u8>, from: Pen, to: Pen) {
    let (base_from, base_to) = (Pen { underline: Color::Reset, ..from }, Pen { underline: Color::Reset, ..to });
    let mut underline_now = from.underline;
    if base_from != base_to {
        let mut plain = Vec::new();
        changes(&mut plain, base_from, base_to);
        let mut reset = Vec::new();
        changes(&mut reset, Pen::default(), base_to);
        let reset_len = if reset.is_empty() { 0 } else { reset.len() + 2 };
        out.extend_from_slice(b"\x1b[");
        if reset_len < plain.len() {
            if !reset.is_empty() {
                out.extend_from_slice(b"0;");
                out.extend_from_slice(&reset);
            }
            underline_now = Color::Reset;
        } else {
            out.extend_from_slice(&plain);
        }
        out.push(b'm');
    }
    if underline_now != to.underline {
        underline(out, to.underline);
    }
}

fn underline(out: &mut Vec<u8>, color: Color) {
    out.extend_from_slice(b"\x1b[");
    colour(out, 50, color);
    out.push(b'm');
}

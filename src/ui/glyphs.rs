//! The glyph set, chosen once at start from the locale: Unicode (box
//! drawing, marks, arrows) in a UTF-8 locale, ASCII in any other (`LANG=C`).
//! In ASCII, a finished frame is folded cell by cell through one table: box
//! drawing becomes `- | +`, marks and arrows their ASCII look-alikes, and any
//! other character outside ASCII (text typed in a cell, a name) becomes one
//! `?` per column it takes, so the layout stays exactly as drawn and nothing
//! reaches a terminal that would garble it.

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr as _;

/// Which characters the screen is drawn with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Glyphs {
    #[default]
    Unicode,
    /// ASCII only: the locale is not UTF-8.
    Ascii,
}

impl Glyphs {
    /// From the environment: Unicode when the locale's character set is UTF-8.
    pub fn from_env() -> Self {
        let var = |name| std::env::var(name).ok();
        Self::for_locale(var("LC_ALL"), var("LC_CTYPE"), var("LANG"))
    }

    /// The first of `LC_ALL`, `LC_CTYPE`, `LANG` that is set and not empty
    /// decides (POSIX's order); none set is the "C" locale, ASCII.
    pub fn for_locale(lc_all: Option<String>, lc_ctype: Option<String>, lang: Option<String>) -> Self {
        let locale = [lc_all, lc_ctype, lang].into_iter().flatten().find(|v| !v.is_empty()).unwrap_or_default();
        let upper = locale.to_ascii_uppercase();
        if upper.contains("UTF-8") || upper.contains("UTF8") { Glyphs::Unicode } else { Glyphs::Ascii }
    }

    /// Make a finished frame fit this glyph set (ASCII: fold every cell).
    pub fn apply(self, buf: &mut Buffer, area: Rect) {
        if self == Glyphs::Unicode {
            return;
        }
        let area = area.intersection(buf.area);
        for y in area.top()..area.bottom() {
            for x in area.left()..area.right() {
                let cell = &mut buf[(x, y)];
                if let Cow::Owned(folded) = ascii(cell.symbol()) {
                    cell.set_symbol(&folded);
                }
            }
        }
    }
}

/// A cell's symbol in ASCII, as wide as it was.
pub fn ascii(symbol: &str) -> Cow<'_, str> {
    if symbol.is_ascii() {
        return Cow::Borrowed(symbol);
    }
    let mut chars = symbol.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && let Some(a) = look_alike(c)
    {
        return Cow::Owned(a.to_string());
    }
    Cow::Owned("?".repeat(symbol.width().max(1)))
}

/// The ASCII look-alike of a character jgrid draws with, if it has one.
fn look_alike(c: char) -> Option<char> {
    Some(match c {
        // Box drawing: the cursor's heavy bar points at its cell.
        '┃' | '┇' | '┋' | '╏' => '>',
        '─' | '━' | '═' | '┄' | '┅' | '┈' | '┉' | '╌' | '╍' | '╴' | '╶' | '╸' | '╺' => '-',
        '│' | '║' | '┆' | '┊' | '╎' | '╵' | '╷' | '╹' | '╻' => '|',
        '\u{2500}'..='\u{257f}' => '+',
        // Blocks: large letters and the mood curve.
        '█' | '▓' | '▒' => '#',
        '▀' | '▔' => '"',
        '▁' | '▂' | '▃' => '_',
        '▄' | '▅' => '=',
        '▆' | '▇' | '▌' | '▐' | '░' => '#',
        // Marks and arrows.
        '●' | '•' | '◆' => '*',
        '○' | '◇' => 'o',
        '▲' | '↑' | '△' => '^',
        '▼' | '↓' | '▽' => 'v',
        '▶' | '→' | '›' | '»' | '⇒' => '>',
        '◀' | '←' | '‹' | '«' => '<',
        '☺' => '+',
        '☹' => '-',
        '✓' | '✔' => '+',
        '✗' | '✘' => 'x',
        '·' | '−' | '–' | '—' => '-',
        '…' => '~',
        '’' | '‘' => '\'',
        '“' | '”' => '"',
        '∅' => '0',
        '⏎' | '↵' => '/',
        // Placeholders for control characters (␛, ␇, ␡...).
        '\u{2400}'..='\u{2426}' => '^',
        '\u{fffd}' => '?',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_utf8_locale_gets_unicode_and_lc_all_decides_first() {
        let s = |v: &str| Some(v.to_owned());
        assert_eq!(Glyphs::for_locale(None, None, s("en_GB.UTF-8")), Glyphs::Unicode);
        assert_eq!(Glyphs::for_locale(None, None, s("C.utf8")), Glyphs::Unicode);
        assert_eq!(Glyphs::for_locale(None, None, s("C")), Glyphs::Ascii);
        assert_eq!(Glyphs::for_locale(None, None, None), Glyphs::Ascii);
        assert_eq!(Glyphs::for_locale(s("C"), None, s("en_US.UTF-8")), Glyphs::Ascii);
        assert_eq!(Glyphs::for_locale(s(""), s("de_DE.UTF-8"), s("C")), Glyphs::Unicode);
        assert_eq!(Glyphs::for_locale(None, s("POSIX"), s("en_US.UTF-8")), Glyphs::Ascii);
        assert_eq!(Glyphs::for_locale(None, None, s("de_DE.ISO-8859-1")), Glyphs::Ascii);
    }

    #[test]
    fn every_cell_becomes_ascii_as_wide_as_it_was() {
        for (drawn, shown) in [("│", "|"), ("┼", "+"), ("┃", ">"), ("☺", "+"), ("…", "~"), ("é", "?"), ("漢", "??")]
        {
            assert_eq!(ascii(drawn), shown, "{drawn}");
            assert_eq!(ascii(drawn).width(), drawn.width().max(1), "{drawn}");
        }
        assert_eq!(ascii("e\u{301}"), "?", "a combined grapheme is one placeholder");
        assert!(matches!(ascii("plain"), Cow::Borrowed("plain")));
        let mut buf = Buffer::empty(Rect::new(0, 0, 8, 1));
        buf.set_string(0, 0, "│漢é·x", ratatui::style::Style::default());
        let area = buf.area;
        Glyphs::Ascii.apply(&mut buf, area);
        let row: String = (0..8).map(|x| buf[(x, 0)].symbol().to_owned()).collect();
        assert_eq!(row, "|?? ?-x  ", "{row:?}");
        assert!(row.is_ascii());
    }
}

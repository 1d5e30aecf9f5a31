//! Writing text into the buffer: `Buffer::set_stringn`, but quicker for
//! what the grid draws most, printable ASCII text and rules of box-drawing
//! symbols. `set_stringn` splits every string into graphemes and measures
//! each; the cells end up the same either way.

use ratatui::buffer::Buffer;
use ratatui::style::Style;

/// Exactly `buf.set_stringn(x, y, s, max_width, style)`.
pub fn put(buf: &mut Buffer, x: u16, y: u16, s: &str, max_width: usize, style: Style) -> (u16, u16) {
    // In printable ASCII every byte is a grapheme one column wide.
    if !s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return buf.set_stringn(x, y, s, max_width, style);
    }
    let n = usize::from(buf.area.right().saturating_sub(x)).min(max_width).min(s.len());
    for (i, b) in s.bytes().take(n).enumerate() {
        buf[(x + i as u16, y)].set_char(char::from(b)).set_style(style);
    }
    (x + n as u16, y)
}

/// A symbol one column wide (a box-drawing one: a grapheme of its own, no
/// control character), `n` times from (x, y): exactly
/// `buf.set_stringn(x, y, symbol.repeat(n), n, style)`.
pub fn fill(buf: &mut Buffer, x: u16, y: u16, symbol: &'static str, n: usize, style: Style) {
    debug_assert!(
        matches!(symbol, "─" | "│" | "║" | "┃" | "┼" | "╫" | "├" | "╟"),
        "{symbol:?} is not known to be one column"
    );
    let n = usize::from(buf.area.right().saturating_sub(x)).min(n);
    for i in 0..n {
        buf[(x + i as u16, y)].set_symbol(symbol).set_style(style);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Modifier};

    fn style() -> impl Strategy<Value = Style> {
        (proptest::option::of(0u8..=255), proptest::option::of(0u8..=255), any::<u16>(), any::<u16>()).prop_map(
            |(fg, bg, add, sub)| {
                let mut s = Style::new();
                s.fg = fg.map(Color::Indexed);
                s.bg = bg.map(Color::Indexed);
                s.add_modifier(Modifier::from_bits_truncate(add)).remove_modifier(Modifier::from_bits_truncate(sub))
            },
        )
    }

    /// A buffer that is not blank, so that what is left alone shows.
    fn buffer(area: Rect) -> Buffer {
        let mut buf = Buffer::empty(area);
        for (i, cell) in buf.content.iter_mut().enumerate() {
            cell.set_char(char::from(b'a' + (i % 26) as u8)).set_fg(Color::Indexed(i as u8)).set_bg(Color::Red);
        }
        buf
    }

    proptest! {
        #[test]
        fn put_is_set_stringn(
            s in "[ -~]{0,30}|(.|[ -~]){0,12}",
            (ax, w, dx, y) in (0u16..4, 1u16..25, 0u16..30, 0u16..3),
            max_width in 0usize..40,
            style in style(),
        ) {
            let area = Rect::new(ax, 2, w, 3);
            let x = (ax + dx).min(area.right() - 1);
            let (mut a, mut b) = (buffer(area), buffer(area));
            let ends = (a.set_stringn(x, 2 + y, &s, max_width, style), put(&mut b, x, 2 + y, &s, max_width, style));
            prop_assert_eq!(ends.0, ends.1);
            // Debug tells a blank symbol from a space, which `==` does not.
            prop_assert_eq!(format!("{:?}", a.content), format!("{:?}", b.content));
        }

        #[test]
        fn fill_is_set_stringn(
            symbol in proptest::sample::select(vec!["─", "│", "║", "┃", "┼", "╫"]),
            (w, dx, n) in (1u16..25, 0u16..30, 0usize..40),
            style in style(),
        ) {
            let area = Rect::new(1, 0, w, 1);
            let x = (1 + dx).min(area.right() - 1);
            let (mut a, mut b) = (buffer(area), buffer(area));
            a.set_stringn(x, 0, symbol.repeat(n), n, style);
            fill(&mut b, x, 0, symbol, n, style);
            prop_assert_eq!(format!("{:?}", a.content), format!("{:?}", b.content));
        }
    }
}

//! `AnsiBackend` writes byte for byte what ratatui's `CrosstermBackend` writes.

use proptest::prelude::*;
use ratatui::backend::{Backend, ClearType, CrosstermBackend};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Modifier};
use ratatui::{Terminal, TerminalOptions, Viewport};

use super::AnsiBackend;

const NAMED: [Color; 17] = [
    Color::Reset,
    Color::Black,
    Color::Red,
    Color::Green,
    Color::Yellow,
    Color::Blue,
    Color::Magenta,
    Color::Cyan,
    Color::Gray,
    Color::DarkGray,
    Color::LightRed,
    Color::LightGreen,
    Color::LightYellow,
    Color::LightBlue,
    Color::LightMagenta,
    Color::LightCyan,
    Color::White,
];

const SYMBOLS: [&str; 10] = [" ", "a", "Z", "é", "漢", "👍", "│", "e\u{301}", "─", "ｱ"];

fn color() -> impl Strategy<Value = Color> {
    prop_oneof![
        (0..NAMED.len()).prop_map(|i| NAMED[i]),
        any::<u8>().prop_map(Color::Indexed),
        any::<(u8, u8, u8)>().prop_map(|(r, g, b)| Color::Rgb(r, g, b)),
    ]
}

fn cell() -> impl Strategy<Value = Cell> {
    (0..SYMBOLS.len(), color(), color(), color(), any::<u16>(), any::<bool>()).prop_map(
        |(s, fg, bg, underline, modifier, plain)| {
            let mut cell = Cell::new(SYMBOLS[s]);
            // Often the default style, so that runs of equal styles occur.
            if !plain {
                cell.fg = fg;
                cell.bg = bg;
                cell.underline_color = underline;
                cell.modifier = Modifier::from_bits_truncate(modifier);
            }
            cell
        },
    )
}

/// Cells at positions that sometimes follow each other and sometimes jump.
fn content() -> impl Strategy<Value = Vec<(u16, u16, Cell)>> {
    proptest::collection::vec((any::<bool>(), 0u16..1100, 0u16..600, cell()), 0..60).prop_map(|cells| {
        let mut x = 0;
        let mut y = 0;
        cells
            .into_iter()
            .map(|(next, cx, cy, cell)| {
                (x, y) = if next { (x + 1, y) } else { (cx, cy) };
                (x, y, cell)
            })
            .collect()
    })
}

fn backends() -> (CrosstermBackend<Vec<u8>>, AnsiBackend<Vec<u8>>) {
    // jgrid forces colour output on; so does the reference.
    ratatui::crossterm::style::force_color_output(true);
    (CrosstermBackend::new(Vec::new()), AnsiBackend::new(Vec::new()))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn cursor_and_clear_calls_write_the_same() {
    let (mut a, mut b) = backends();
    for (x, y) in [(0, 0), (9, 99), (1023, 511), (65534, 65534)] {
        a.set_cursor_position(Position { x, y }).unwrap();
        b.set_cursor_position(Position { x, y }).unwrap();
    }
    for clear in [ClearType::All, ClearType::AfterCursor, ClearType::BeforeCursor, ClearType::CurrentLine] {
        a.clear_region(clear).unwrap();
        b.clear_region(clear).unwrap();
    }
    a.clear_region(ClearType::UntilNewLine).unwrap();
    b.clear_region(ClearType::UntilNewLine).unwrap();
    a.clear().unwrap();
    b.clear().unwrap();
    a.hide_cursor().unwrap();
    b.hide_cursor().unwrap();
    a.show_cursor().unwrap();
    b.show_cursor().unwrap();
    a.append_lines(3).unwrap();
    b.append_lines(3).unwrap();
    assert_eq!(text(b.writer_mut()), text(a.writer_mut()));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Any cells, anywhere, in any style: the same bytes.
    #[test]
    fn draw_writes_the_same(cells in content()) {
        let (mut a, mut b) = backends();
        a.draw(cells.iter().map(|(x, y, c)| (*x, *y, c))).unwrap();
        b.draw(cells.iter().map(|(x, y, c)| (*x, *y, c))).unwrap();
        prop_assert_eq!(text(b.writer_mut()), text(a.writer_mut()));
    }

    /// Whole frames through a `Terminal`, one after another (so only changed
    /// cells are sent), with the cursor shown somewhere or hidden.
    #[test]
    fn terminal_frames_write_the_same(
        (w, h) in (1u16..12, 1u16..6),
        frames in proptest::collection::vec(
            (proptest::collection::vec(cell(), 72), proptest::option::of((0u16..12, 0u16..6))),
            1..4,
        ),
    ) {
        let (a, b) = backends();
        let options = || TerminalOptions { viewport: Viewport::Fixed(Rect::new(0, 0, w, h)) };
        let mut ta = Terminal::with_options(a, options()).unwrap();
        let mut tb = Terminal::with_options(b, options()).unwrap();
        for (cells, cursor) in &frames {
            let render = |frame: &mut ratatui::Frame| {
                let area = frame.area();
                let buf = frame.buffer_mut();
                for (i, cell) in cells.iter().enumerate().take(usize::from(area.width * area.height)) {
                    let (x, y) = (i as u16 % area.width, i as u16 / area.width);
                    // Widgets never put a wide character in the last column.
                    if x + 1 < area.width || unicode_width::UnicodeWidthStr::width(cell.symbol()) < 2 {
                        buf[(x, y)] = cell.clone();
                    }
                }
                if let Some(p) = cursor {
                    frame.set_cursor_position(*p);
                }
            };
            ta.draw(render).unwrap();
            tb.draw(render).unwrap();
        }
        prop_assert_eq!(text(tb.backend_mut().writer_mut()), text(ta.backend_mut().writer_mut()));
    }
}

//! The painter paints the buffer: random frame sequences (rows that move up
//! and down, styles, wide characters, a cursor) painted into a vt100 parser
//! show exactly the buffer ratatui rendered.

use proptest::prelude::*;
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};

use super::Painter;

const W: u16 = 12;
const H: u16 = 8;
const SYMBOLS: [&str; 8] = [" ", "a", "Z", "é", "漢", "│", "─", "x"];
const COLOURS: [Color; 8] = [
    Color::Reset,
    Color::Blue,
    Color::LightCyan,
    Color::DarkGray,
    Color::Indexed(200),
    Color::Rgb(1, 2, 3),
    Color::White,
    Color::Black,
];
const MODIFIERS: [Modifier; 6] =
    [Modifier::empty(), Modifier::BOLD, Modifier::DIM, Modifier::REVERSED, Modifier::ITALIC, Modifier::UNDERLINED];

fn cell() -> impl Strategy<Value = Cell> {
    (0..SYMBOLS.len(), 0..COLOURS.len(), 0..COLOURS.len(), 0..MODIFIERS.len(), 0..MODIFIERS.len(), 0..3u8).prop_map(
        |(s, fg, bg, m1, m2, plain)| {
            let mut cell = Cell::new(SYMBOLS[s]);
            // Often the default style, so that runs of equal styles occur.
            if plain > 0 {
                cell.fg = COLOURS[fg];
                cell.bg = COLOURS[bg];
                cell.modifier = MODIFIERS[m1] | MODIFIERS[m2];
                // vt100 keeps one intensity: bold or dim.
                if cell.modifier.contains(Modifier::BOLD) {
                    cell.modifier.remove(Modifier::DIM);
                }
            }
            cell
        },
    )
}

/// One row of cells, or a blank one.
fn row() -> impl Strategy<Value = Vec<Cell>> {
    prop_oneof![
        1 => Just(vec![Cell::default(); usize::from(W)]),
        4 => proptest::collection::vec(cell(), usize::from(W)),
    ]
}

/// How one frame's rows come from the last one's.
#[derive(Clone, Debug)]
enum Change {
    Insert(usize, Vec<Cell>),
    Delete(usize),
    Replace(usize, Vec<Cell>),
    Poke(usize, usize, Cell),
}

fn change() -> impl Strategy<Value = Change> {
    let r = 0..usize::from(H);
    prop_oneof![
        (r.clone(), row()).prop_map(|(i, row)| Change::Insert(i, row)),
        r.clone().prop_map(Change::Delete),
        (r.clone(), row()).prop_map(|(i, row)| Change::Replace(i, row)),
        (r, 0..usize::from(W), cell()).prop_map(|(i, x, c)| Change::Poke(i, x, c)),
    ]
}

fn apply(rows: &mut Vec<Vec<Cell>>, change: &Change) {
    match change.clone() {
        Change::Insert(i, row) => rows.insert(i, row),
        Change::Delete(i) => {
            rows.remove(i);
            rows.push(vec![Cell::default(); usize::from(W)]);
        }
        Change::Replace(i, row) => rows[i] = row,
        Change::Poke(i, x, c) => rows[i][x] = c,
    }
    rows.truncate(usize::from(H));
}

fn vt_colour(c: Color) -> vt100::Color {
    match c {
        Color::Reset => vt100::Color::Default,
        Color::Rgb(r, g, b) => vt100::Color::Rgb(r, g, b),
        Color::Indexed(i) => vt100::Color::Idx(i),
        Color::Blue => vt100::Color::Idx(4),
        Color::LightCyan => vt100::Color::Idx(14),
        Color::DarkGray => vt100::Color::Idx(8),
        Color::White => vt100::Color::Idx(15),
        Color::Black => vt100::Color::Idx(0),
        other => panic!("no colour {other:?} in the test"),
    }
}

/// Where the vt100 screen differs from the buffer, if anywhere.
fn difference(screen: &vt100::Screen, buf: &Buffer) -> Option<String> {
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let (want, got) = (&buf[(x, y)], screen.cell(y, x).unwrap());
            if got.is_wide_continuation() {
                continue;
            }
            let contents = if got.contents().is_empty() { " " } else { got.contents() };
            let same = contents == want.symbol()
                && got.fgcolor() == vt_colour(want.fg)
                && got.bgcolor() == vt_colour(want.bg)
                && got.bold() == want.modifier.contains(Modifier::BOLD)
                && got.dim() == want.modifier.contains(Modifier::DIM)
                && got.italic() == want.modifier.contains(Modifier::ITALIC)
                && got.underline() == want.modifier.contains(Modifier::UNDERLINED)
                && got.inverse() == want.modifier.contains(Modifier::REVERSED);
            if !same {
                return Some(format!("at ({x}, {y}): want {want:?}, got {got:?} {:?}", screen.contents()));
            }
        }
    }
    None
}

fn terminal() -> Painter<Vec<u8>> {
    Painter::new(Vec::new(), Rect::new(0, 0, W, H))
}

/// The buffer a widget would render for `rows`.
fn render(rows: &[Vec<Cell>]) -> Buffer {
    let mut buf = Buffer::empty(Rect::new(0, 0, W, H));
    for (y, row) in rows.iter().enumerate() {
        let mut x = 0;
        while x < row.len() {
            let cell = &row[x];
            let wide = unicode_width::UnicodeWidthStr::width(cell.symbol()) > 1;
            // Widgets never put a wide character in the last column.
            if wide && x + 1 >= row.len() {
                break;
            }
            buf[(x as u16, y as u16)] = cell.clone();
            if wide {
                // What a widget drew there later stays in the buffer (the
                // terminal shows the wide character).
                buf[(x as u16 + 1, y as u16)] = row[x + 1].clone();
                x += 1;
            }
            x += 1;
        }
    }
    buf
}

/// Draw `rows` (with the cursor at `cursor`) and return the bytes written.
fn paint(t: &mut Painter<Vec<u8>>, rows: &[Vec<Cell>], cursor: Option<(u16, u16)>) -> Vec<u8> {
    let frame = render(rows);
    t.draw(|buf| {
        buf.clone_from(&frame);
        cursor.map(Into::into)
    })
    .unwrap();
    std::mem::take(t.writer_mut())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Frame after frame, the terminal shows the buffer, and the cursor is
    /// where it was put.
    #[test]
    fn the_terminal_shows_the_buffer(
        first in proptest::collection::vec(row(), usize::from(H)),
        changes in proptest::collection::vec(
            (proptest::collection::vec(change(), 0..4), proptest::option::of((0..W, 0..H))),
            1..8,
        ),
    ) {
        let mut t = terminal();
        let mut parser = vt100::Parser::new(std::num::NonZeroU16::new(H).unwrap(), std::num::NonZeroU16::new(W).unwrap(), 0);
        let mut rows = first;
        let mut log = paint(&mut t, &rows, None);
        parser.process(&log);
        for (frame, cursor) in &changes {
            for c in frame {
                apply(&mut rows, c);
            }
            let bytes = paint(&mut t, &rows, *cursor);
            parser.process(&bytes);
            log.extend_from_slice(b"\n--frame--\n");
            log.extend_from_slice(&bytes);
            if let Some(d) = difference(parser.screen(), &render(&rows)) {
                prop_assert!(false, "{}\n{:?}", d, String::from_utf8_lossy(&log));
            }
            prop_assert_eq!(parser.screen().hide_cursor(), cursor.is_none());
            if let Some((x, y)) = cursor {
                prop_assert_eq!(parser.screen().cursor_position(), (*y, *x));
            }
        }
    }
}

#[test]
fn a_frame_that_changes_nothing_writes_nothing() {
    let mut t = terminal();
    let rows = vec![vec![Cell::new("a"); usize::from(W)]; usize::from(H)];
    assert!(!paint(&mut t, &rows, Some((3, 2))).is_empty());
    assert_eq!(paint(&mut t, &rows, Some((3, 2))), b"");
    assert!(!paint(&mut t, &rows, None).is_empty());
    assert_eq!(paint(&mut t, &rows, None), b"");
}

/// A row of plain text.
fn text(s: &str) -> Vec<Cell> {
    let mut row: Vec<Cell> = s
        .chars()
        .map(|c| {
            let mut cell = Cell::default();
            cell.set_char(c);
            cell
        })
        .collect();
    row.resize(usize::from(W), Cell::default());
    row
}

#[test]
fn a_line_pushed_down_is_moved_not_resent() {
    let mut t = terminal();
    let mut rows: Vec<Vec<Cell>> = (0..H).map(|i| text(&char::from(b'a' + i as u8).to_string().repeat(10))).collect();
    paint(&mut t, &rows, None);
    rows.insert(2, text("new"));
    rows.truncate(usize::from(H));
    let bytes = paint(&mut t, &rows, None);
    // Insert a line at row 3 (in a region down to the last row) and write "new" and the rest of its row.
    assert_eq!(String::from_utf8_lossy(&bytes), "\x1b[3;8r\x1b[3H\x1b[L\x1b[r\x1b[3Hnew");
}

#[test]
fn a_line_that_moved_and_changed_a_little_moves_with_its_neighbours() {
    let mut t = terminal();
    let mut rows: Vec<Vec<Cell>> = (0..H).map(|i| text(&char::from(b'a' + i as u8).to_string().repeat(10))).collect();
    paint(&mut t, &rows, None);
    // A line pushed in at the top; the line of d's gets a mark at its start
    // (as a cell's first line does in highlight mode).
    rows.insert(0, text("new"));
    rows.truncate(usize::from(H));
    rows[4][0].set_char('!');
    let bytes = paint(&mut t, &rows, None);
    // One move for all the lines below the new one, then "new" and the mark.
    assert_eq!(String::from_utf8_lossy(&bytes), "\x1b[1;8r\x1b[1H\x1b[L\x1b[r\x1b[Hnew\x1b[5H!");
}

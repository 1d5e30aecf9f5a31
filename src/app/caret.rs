//! A cell being edited, on the screen, pure: its lines wrapped by the grid's
//! own rule (`text::wrap_ranges`), so no line moves when editing starts or
//! ends; where the text cursor is on those screen lines, and where it goes
//! when it moves up or down them.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use crate::text;

/// The screen lines of a text being edited at a width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wrapped<'a> {
    lines: &'a [String],
    /// Each screen line: the text line it belongs to and its byte range there.
    rows: Vec<(usize, Range<usize>)>,
}

impl<'a> Wrapped<'a> {
    /// Wrap the lines (already free of control characters) to `width` columns.
    pub fn new(lines: &'a [String], width: usize) -> Self {
        let rows = lines
            .iter()
            .enumerate()
            .flat_map(|(i, line)| text::wrap_ranges(line, width).into_iter().map(move |r| (i, r)))
            .collect();
        Self { lines, rows }
    }

    /// How many screen lines there are (at least one).
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The text of a screen line.
    pub fn row(&self, i: usize) -> &str {
        self.rows.get(i).map_or("", |(line, r)| &self.lines[*line][r.clone()])
    }

    /// The screen line and column of a text cursor (line, character index).
    /// A cursor on a space dropped at a line break stays at the end of the line above.
    pub fn locate(&self, line: usize, ch: usize) -> (usize, usize) {
        let Some(text) = self.lines.get(line) else { return (0, 0) };
        let byte = text.char_indices().nth(ch).map_or(text.len(), |(b, _)| b);
        let row = self.rows.iter().rposition(|(l, r)| *l == line && r.start <= byte).unwrap_or(0);
        let range = &self.rows[row].1;
        (row, text::width(&text[range.start..byte.min(range.end)]))
    }

    /// The text cursor (line, character index) nearest to a screen line and column.
    pub fn at(&self, row: usize, x: usize) -> (usize, usize) {
        let Some((line, range)) = self.rows.get(row) else { return (0, 0) };
        let text = &self.lines[*line];
        let piece = &text[range.clone()];
        let mut w = 0;
        let mut byte = range.end;
        for (i, g) in piece.grapheme_indices(true) {
            if w + text::width(g) > x {
                byte = range.start + i;
                break;
            }
            w += text::width(g);
        }
        // The end of a word broken across lines is the start of the next line:
        // stay on this one, before its last character.
        let next_starts_here = self.rows.get(row + 1).is_some_and(|(l, r)| l == line && r.start == byte);
        if next_starts_here && byte > range.start {
            byte = piece.grapheme_indices(true).next_back().map_or(range.start, |(i, _)| range.start + i);
        }
        (*line, text[..byte].chars().count())
    }

    /// Where the text cursor goes when it moves `by` screen lines (negative: up).
    pub fn moved(&self, line: usize, ch: usize, by: isize) -> (usize, usize) {
        let (row, x) = self.locate(line, ch);
        let target = row.saturating_add_signed(by).min(self.len().saturating_sub(1));
        if target == row {
            return (line, ch);
        }
        self.at(target, x)
    }
}

/// The first screen line to show so that `row` is on a screen `height`
/// lines tall, scrolling as little as possible from `scroll`.
pub fn scroll_to(row: usize, height: usize, scroll: usize) -> usize {
    let height = height.max(1);
    if row < scroll {
        row
    } else if row >= scroll + height {
        row + 1 - height
    } else {
        scroll
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn lines(text: &str) -> Vec<String> {
        text.split('\n').map(str::to_owned).collect()
    }

    #[test]
    fn wraps_like_the_grid_with_no_line_starting_with_a_space() {
        let l = lines("Marketing owns #website\nok");
        let w = Wrapped::new(&l, 18);
        assert_eq!((0..w.len()).map(|i| w.row(i)).collect::<Vec<_>>(), ["Marketing owns", "#website", "ok"]);
        assert_eq!(text::wrap("Marketing owns #website\nok", 18), ["Marketing owns", "#website", "ok"]);
    }

    #[test]
    fn the_cursor_is_found_on_its_screen_line() {
        let l = lines("Marketing owns #website\nok");
        let w = Wrapped::new(&l, 18);
        assert_eq!(w.locate(0, 0), (0, 0));
        assert_eq!(w.locate(0, 14), (0, 14), "on the dropped space: end of the line above");
        assert_eq!(w.locate(0, 15), (1, 0));
        assert_eq!(w.locate(0, 23), (1, 8), "at the end of the text line");
        assert_eq!(w.locate(1, 2), (2, 2));
    }

    #[test]
    fn up_and_down_move_by_screen_lines() {
        let l = lines("Marketing owns #website\nok");
        let w = Wrapped::new(&l, 18);
        assert_eq!(w.moved(0, 3, 1), (0, 18), "down to #website, same column");
        assert_eq!(w.moved(0, 18, 1), (1, 2), "down to ok, clamped to its end");
        assert_eq!(w.moved(1, 1, -1), (0, 16));
        assert_eq!(w.moved(0, 3, -1), (0, 3), "the top stays");
        let broken = lines("abcdefghij");
        let w = Wrapped::new(&broken, 4);
        assert_eq!(w.moved(0, 9, -1), (0, 5));
        assert_eq!(w.moved(0, 1, 1), (0, 5));
        assert_eq!(w.locate(0, 3), (0, 3));
        let two = lines("abcdefgh\nwxyz");
        let w = Wrapped::new(&two, 4);
        assert_eq!(w.moved(1, 4, -2), (0, 3), "at the end of a broken word: before its last letter");
    }

    #[test]
    fn wide_characters_count_two_columns() {
        let l = lines("漢字漢字");
        let w = Wrapped::new(&l, 5);
        assert_eq!(w.locate(0, 3), (1, 2));
        assert_eq!(w.moved(0, 3, -1), (0, 1));
    }

    #[test]
    fn scrolling_keeps_the_row_on_screen() {
        assert_eq!(scroll_to(0, 5, 3), 0);
        assert_eq!(scroll_to(9, 5, 0), 5);
        assert_eq!(scroll_to(4, 5, 2), 2);
    }

    proptest! {
        #[test]
        fn every_cursor_is_on_screen_and_comes_back(text in "[a-z漢 ]{0,40}(\n[a-z ]{0,20}){0,2}", width in 2usize..12) {
            let l = lines(&text);
            let w = Wrapped::new(&l, width);
            for (line, t) in l.iter().enumerate() {
                for ch in 0..=t.chars().count() {
                    let (row, x) = w.locate(line, ch);
                    prop_assert!(row < w.len());
                    prop_assert!(x <= width);
                    let (back_line, back) = w.at(row, x);
                    prop_assert_eq!(back_line, line);
                    prop_assert_eq!(w.locate(back_line, back).0, row);
                }
            }
        }
    }
}

//! A cell being edited, on the screen, pure: its lines wrapped by the grid's
//! own rule (`text::wrap_ranges`), so no line moves when editing starts or
//! ends; where the text cursor is on those screen lines, and where it goes
//! when it moves up or down them.
//!
//! Everything here works line by line from a known screen line, so a huge
//! text costs only the lines near the screen, never the whole text.

use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

use unicode_segmentation::UnicodeSegmentation;

use crate::text;

/// The lines of a text, by index (a long text being edited is not kept in
/// one slice). Lines hold no control characters and no `\n`.
pub trait Lines {
    fn count(&self) -> usize;
    fn line(&self, i: usize) -> &str;

    /// Screen lines of a text line at a width, kept from an earlier `Screen`
    /// while the text has not changed (a huge line is then wrapped once per
    /// edit, not once per screen that looks at it).
    fn kept_wrap(&self, _line: usize, _width: usize) -> Option<Wrapped> {
        None
    }

    /// Keep a text line's screen lines for `kept_wrap`.
    fn keep_wrap(&self, _line: usize, _width: usize, _ranges: &Wrapped) {}
}

impl Lines for [String] {
    fn count(&self) -> usize {
        self.len()
    }

    fn line(&self, i: usize) -> &str {
        self.get(i).map_or("", String::as_str)
    }
}

/// A screen line: the text line it shows, and which of that line's screen
/// lines it is. Ordered as on the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Row {
    pub line: usize,
    pub row: usize,
}

/// A text's screen lines at a width. The last line wrapped is kept: the
/// text cursor's line is looked at several times, and may be long.
pub struct Screen<'a, L: Lines + ?Sized> {
    lines: &'a L,
    width: usize,
    last: RefCell<Option<(usize, Wrapped)>>,
}

/// A text line's screen lines, as byte ranges into it.
pub type Wrapped = Rc<[Range<usize>]>;

impl<'a, L: Lines + ?Sized> Screen<'a, L> {
    pub fn new(lines: &'a L, width: usize) -> Self {
        Self { lines, width: width.max(1), last: RefCell::new(None) }
    }

    /// A text line's screen lines, as byte ranges into it (at least one).
    pub fn ranges(&self, line: usize) -> Wrapped {
        if let Some((known, ranges)) = &*self.last.borrow()
            && *known == line
        {
            return Rc::clone(ranges);
        }
        let ranges: Wrapped = match self.lines.kept_wrap(line, self.width) {
            Some(kept) => kept,
            None => {
                let ranges: Wrapped = text::wrap_ranges(self.lines.line(line), self.width).into();
                self.lines.keep_wrap(line, self.width, &ranges);
                ranges
            }
        };
        *self.last.borrow_mut() = Some((line, Rc::clone(&ranges)));
        ranges
    }

    /// The first `limit` screen lines of a text line (all of them when it was wrapped last).
    fn ranges_up_to(&self, line: usize, limit: usize) -> Vec<Range<usize>> {
        match &*self.last.borrow() {
            Some((known, ranges)) if *known == line => ranges.iter().take(limit).cloned().collect(),
            _ => text::wrap_ranges_up_to(self.lines.line(line), self.width, limit),
        }
    }

    fn rows_of(&self, line: usize) -> usize {
        self.ranges(line).len()
    }

    /// The screen line itself, or the nearest one the text has (after the
    /// text or the width changed).
    pub fn clamp(&self, at: Row) -> Row {
        let line = at.line.min(self.lines.count().saturating_sub(1));
        let row = if line < at.line { usize::MAX } else { at.row };
        Row { line, row: row.min(self.rows_of(line) - 1) }
    }

    /// The last screen line of the text.
    pub fn last(&self) -> Row {
        let line = self.lines.count().saturating_sub(1);
        Row { line, row: self.rows_of(line) - 1 }
    }

    /// The screen line `by` lines from `from` (negative: up), stopping at
    /// the first and last screen lines of the text.
    pub fn step(&self, from: Row, by: isize) -> Row {
        let mut at = from;
        let mut left = by.unsigned_abs();
        if by < 0 {
            while left > 0 {
                if at.row >= left {
                    return Row { row: at.row - left, ..at };
                }
                if at.line == 0 {
                    return Row::default();
                }
                left -= at.row + 1;
                at = Row { line: at.line - 1, row: self.rows_of(at.line - 1) - 1 };
            }
            return at;
        }
        let count = self.lines.count();
        while left > 0 {
            let rows = self.rows_of(at.line);
            if at.row + left < rows {
                return Row { row: at.row + left, ..at };
            }
            if at.line + 1 >= count {
                return Row { row: rows - 1, ..at };
            }
            left -= rows - at.row;
            at = Row { line: at.line + 1, row: 0 };
        }
        at
    }

    /// How many screen lines from `from` to `to` (0 when `to` is not after it).
    pub fn between(&self, from: Row, to: Row) -> usize {
        if to <= from {
            return 0;
        }
        let whole: usize = (from.line..to.line).map(|l| self.rows_of(l)).sum();
        (whole + to.row).saturating_sub(from.row)
    }

    /// How many screen lines from `from` to the end of the text, counted up to `limit`.
    pub fn rows_from(&self, from: Row, limit: usize) -> usize {
        let mut rows = 0;
        for line in from.line..self.lines.count() {
            let skip = if line == from.line { from.row } else { 0 };
            rows += self.ranges_up_to(line, limit - rows + skip).len().saturating_sub(skip);
            if rows >= limit {
                return limit;
            }
        }
        rows
    }

    /// The screen line and column of a text cursor (line, character index).
    /// A cursor on a space dropped at a line break stays at the end of the line above.
    pub fn locate(&self, line: usize, ch: usize) -> (Row, usize) {
        if line >= self.lines.count() {
            return (Row::default(), 0);
        }
        let text = self.lines.line(line);
        let byte = text.char_indices().nth(ch).map_or(text.len(), |(b, _)| b);
        let ranges = self.ranges(line);
        let row = ranges.iter().rposition(|r| r.start <= byte).unwrap_or(0);
        let range = &ranges[row];
        (Row { line, row }, text::width(&text[range.start..byte.min(range.end)]))
    }

    /// The text cursor (line, character index) nearest to a screen line and column.
    pub fn at(&self, at: Row, x: usize) -> (usize, usize) {
        let ranges = self.ranges(at.line);
        let Some(range) = ranges.get(at.row) else { return (0, 0) };
        let text = self.lines.line(at.line);
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
        let next_starts_here = ranges.get(at.row + 1).is_some_and(|r| r.start == byte);
        if next_starts_here && byte > range.start {
            byte = piece.grapheme_indices(true).next_back().map_or(range.start, |(i, _)| range.start + i);
        }
        (at.line, text[..byte].chars().count())
    }

    /// Where the text cursor goes when it moves `by` screen lines (negative: up).
    pub fn moved(&self, line: usize, ch: usize, by: isize) -> (usize, usize) {
        let (row, x) = self.locate(line, ch);
        let target = self.step(row, by);
        if target == row {
            return (line, ch);
        }
        self.at(target, x)
    }

    /// The first screen line to show so that the text cursor is on a
    /// screen `height` lines tall, scrolling as little as possible from
    /// `scroll`, and showing no empty lines below the text when the text
    /// fills the screen.
    pub fn follow(&self, scroll: Row, height: usize, (line, ch): (usize, usize)) -> Row {
        let height = height.max(1);
        let (cursor, _) = self.locate(line, ch);
        let mut first = self.clamp(scroll);
        if cursor < first {
            first = cursor;
        } else if self.between(first, cursor) >= height {
            first = self.step(cursor, 1 - height as isize);
        }
        let shown = self.rows_from(first, height);
        if shown < height { self.step(first, shown as isize - height as isize) } else { first }
    }

    /// The screen lines from `first` on, at most `height` of them, each as
    /// its text line and byte range; and whether more follow.
    pub fn shown(&self, first: Row, height: usize) -> (Vec<(usize, Range<usize>)>, bool) {
        let mut out = Vec::with_capacity(height);
        for line in first.line..self.lines.count() {
            let skip = if line == first.line { first.row } else { 0 };
            let wanted = height + 1 - out.len();
            for range in self.ranges_up_to(line, skip + wanted).into_iter().skip(skip) {
                if out.len() == height {
                    return (out, true);
                }
                out.push((line, range));
            }
        }
        (out, false)
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
#[path = "caret_tests.rs"]
mod tests;

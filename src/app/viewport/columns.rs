//! How the grid is shown, pure: the full grid or the overview (every phase
//! on one screen, one line per cell), and a frozen phase that stays at the
//! left while the others scroll. Decides which phase columns are visible,
//! how wide they are and how the columns scroll with the cursor.

use crate::app::viewport::layout::{self, Col, Geometry, GridLayout, MIN_COL};
use crate::journey::{CellRef, Journey};

/// Narrowest phase column of the overview (text columns, without the separator).
pub const OVERVIEW_MIN_COL: u16 = 8;

/// The way the grid is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct View {
    /// Every phase fits the width; each cell shows one line.
    pub overview: bool,
    /// This phase stays at the left while the others scroll.
    pub frozen: Option<usize>,
}

impl View {
    /// The narrowest column this view gives a phase.
    fn min_col(self) -> u16 {
        if self.overview { OVERVIEW_MIN_COL } else { MIN_COL }
    }

    /// How many columns fit beside the row names.
    fn fit(self, journey: &Journey, width: u16) -> usize {
        let avail = width.saturating_sub(layout::names_width(journey, width) + 1);
        usize::from(avail / (self.min_col() + 1)).max(1)
    }

    /// The frozen phase, when it exists and there is room for it and one more column.
    pub fn frozen_phase(self, journey: &Journey, width: u16) -> Option<usize> {
        self.frozen.filter(|&f| f < journey.phase_count() && self.fit(journey, width) >= 2)
    }

    /// The phases that scroll, in order (all but the frozen one).
    fn scrolling(self, journey: &Journey, width: u16) -> Vec<usize> {
        let frozen = self.frozen_phase(journey, width);
        (0..journey.phase_count()).filter(|&p| Some(p) != frozen).collect()
    }

    /// How many scrolling phases are shown at once.
    pub fn per_screen(self, journey: &Journey, width: u16) -> usize {
        let fit = self.fit(journey, width);
        let frozen = usize::from(self.frozen_phase(journey, width).is_some());
        (fit - frozen).max(1)
    }

    /// The visible phase columns: the frozen phase first, then the scrolling
    /// phases from the `first`-th on (counted among the scrolling phases).
    pub fn columns(self, journey: &Journey, width: u16, first: usize) -> Vec<Col> {
        let names = layout::names_width(journey, width);
        let avail = width.saturating_sub(names + 1);
        let scrolling = self.scrolling(journey, width);
        let mut shown: Vec<usize> = self.frozen_phase(journey, width).into_iter().collect();
        let first = first.min(scrolling.len());
        shown.extend(scrolling[first..].iter().take(self.per_screen(journey, width)));
        if avail < 2 || shown.is_empty() {
            return Vec::new();
        }
        place(names, avail, &shown)
    }

    /// The first scrolling phase to show so the cursor's phase is visible.
    /// The grid scrolls a screen at a time (the phase leaving on the right
    /// becomes the leftmost), so a move resends the grid once per screen;
    /// the overview, whose columns are narrow, scrolls one phase at a time.
    pub fn first_for(self, journey: &Journey, width: u16, first: usize, cursor_phase: usize) -> usize {
        let scrolling = self.scrolling(journey, width);
        let per_screen = self.per_screen(journey, width);
        let mut first = first;
        if let Some(at) = scrolling.iter().position(|&p| p == cursor_phase) {
            if at < first {
                first = if self.overview { at } else { (at + 1).saturating_sub(per_screen) };
            } else if at >= first + per_screen {
                first = if self.overview { at + 1 - per_screen } else { at };
            }
        }
        // Do not leave empty columns on the right when the phases could fill them.
        first.min(scrolling.len().saturating_sub(per_screen))
    }

    /// The lines each row needs: the tallest of its visible cells in the
    /// grid; one line in the overview.
    pub fn natural_heights(self, journey: &Journey, cols: &[Col], rows: std::ops::Range<usize>) -> Vec<usize> {
        if self.overview { vec![1; rows.len()] } else { layout::natural_heights(journey, cols, rows) }
    }

    /// Lay out the grid for one frame.
    pub fn grid(self, journey: &Journey, f: Geometry) -> GridLayout {
        let cols = self.columns(journey, f.width, f.first_phase);
        // Each row takes at least a line and a rule, so no more rows than this can show.
        let most = usize::from(f.height / 2) + 1;
        let last = journey.row_count().min(f.first_row + most);
        let natural = self.natural_heights(journey, &cols, f.first_row..last);
        layout::grid_with(journey, f, cols, &natural)
    }

    /// True when a cell is drawn on one line, cut with `…`: every cell of the
    /// overview but the cursor's when its row is taller (it is being edited).
    pub fn one_line(self, at: CellRef, cursor: CellRef, row_height: u16) -> bool {
        self.overview && !(at == cursor && row_height > 1)
    }
}

/// Share `avail` columns among these phases, left to right, the first ones
/// one column wider when it does not divide evenly.
fn place(names: u16, avail: u16, phases: &[usize]) -> Vec<Col> {
    let k = phases.len() as u16;
    let slot = avail / k;
    let extra = avail % k;
    let mut x = names + 1;
    phases
        .iter()
        .enumerate()
        .map(|(i, &phase)| {
            let w = slot + u16::from((i as u16) < extra);
            let col = Col { phase, x, width: w.saturating_sub(1) };
            x += w;
            col
        })
        .collect()
}

/// The first line of a cell for the overview, cut with `…` to `width`
/// columns; the `…` also says when more lines follow. With `show`, a byte
/// range of the sanitized text (a search match), the line holding it is
/// shown instead, starting with `…` when the match would be cut off.
pub fn one_line(text: &str, width: usize, show: Option<std::ops::Range<usize>>) -> String {
    use crate::text;
    use unicode_segmentation::UnicodeSegmentation;
    let shown = text::sanitize(text);
    let at = show.as_ref().map_or(0, |r| r.start.min(shown.len()));
    let start = shown[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = shown[at..].find('\n').map_or(shown.len(), |i| at + i);
    let line = &shown[start..end];
    let more = end < shown.len();
    let match_end = show.map_or(0, |r| text::width(&shown[start..r.end.clamp(start, end)]));
    if match_end + 1 > width && width > 2 {
        // Start a little before the match so that it ends inside the column.
        let skip = match_end + 2 - width;
        let mut w = 0;
        let cut = line
            .grapheme_indices(true)
            .find(|(_, g)| {
                let reached = w >= skip;
                w += text::width(g);
                reached
            })
            .map_or(line.len(), |(i, _)| i);
        return tail(&format!("…{}", &line[cut..]), width, more);
    }
    tail(line, width, more)
}

/// Cut a line to `width` columns, ending with `…` when cut (no space before it).
pub fn cut(line: &str, width: usize) -> String {
    tail(line, width, false)
}

/// Cut a line to `width` columns, ending with `…` when cut or when more
/// lines follow (no space before the `…`).
fn tail(line: &str, width: usize, more: bool) -> String {
    use crate::text;
    use unicode_segmentation::UnicodeSegmentation;
    if !more && text::width(line) <= width {
        return line.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    let (mut kept, mut w) = (String::new(), 0);
    for g in line.graphemes(true) {
        w += text::width(g);
        if w > width - 1 {
            break;
        }
        kept.push_str(g);
    }
    format!("{}…", kept.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn six_phases() -> Journey {
        Journey::new(
            "T",
            "P",
            ["Need", "Touchpoints", "Message", "Organization", "Systems"],
            ["Orientation", "Order move", "Confirmation", "Moving day", "First invoice", "Cancel old"],
        )
    }

    #[test]
    fn the_overview_fits_six_phases_in_80_columns() {
        let j = six_phases();
        let view = View { overview: true, frozen: None };
        let cols = view.columns(&j, 80, 0);
        assert_eq!(cols.iter().map(|c| c.phase).collect::<Vec<_>>(), [0, 1, 2, 3, 4, 5]);
        let last = cols[5];
        assert_eq!(last.x + last.width + 1, 80, "the columns fill the width");
        assert!(cols.iter().all(|c| c.width >= OVERVIEW_MIN_COL));
        assert_eq!(View::default().columns(&j, 80, 0).len(), 3, "the grid shows three");
    }

    #[test]
    fn the_overview_scrolls_one_phase_at_a_time_when_they_do_not_fit() {
        let j = six_phases();
        let view = View { overview: true, frozen: None };
        assert_eq!(view.per_screen(&j, 44), 3);
        assert_eq!(view.first_for(&j, 44, 0, 3), 1, "one phase on");
        assert_eq!(view.first_for(&j, 44, 1, 4), 2);
        assert_eq!(view.first_for(&j, 44, 2, 1), 1, "one phase back");
        let grid = View::default();
        assert_eq!(grid.first_for(&j, 80, 0, 3), 3, "the grid turns a screen");
    }

    #[test]
    fn a_frozen_phase_stays_at_the_left() {
        let j = six_phases();
        let view = View { overview: false, frozen: Some(0) };
        let first = view.first_for(&j, 80, 0, 5);
        let cols = view.columns(&j, 80, first);
        assert_eq!(cols.iter().map(|c| c.phase).collect::<Vec<_>>(), [0, 4, 5]);
        assert!(cols.windows(2).all(|w| w[0].x < w[1].x));
        let cols = view.columns(&j, 80, view.first_for(&j, 80, first, 2));
        assert_eq!(cols.iter().map(|c| c.phase).collect::<Vec<_>>(), [0, 1, 2]);
        // Too narrow for two columns: the freeze waits.
        assert_eq!(view.columns(&j, 30, 0).len(), 1);
        assert_eq!(view.frozen_phase(&j, 30), None);
    }

    #[test]
    fn one_line_cuts_and_says_more_follows() {
        assert_eq!(one_line("Sign up online", 20, None), "Sign up online");
        assert_eq!(one_line("Sign up online", 8, None), "Sign up…");
        assert_eq!(one_line("Sign up\npaper came", 20, None), "Sign up…");
        assert_eq!(one_line("", 5, None), "");
        assert_eq!(one_line("bell\u{7}", 10, None), "bell␇");
    }

    #[test]
    fn one_line_shows_the_line_with_the_match() {
        let text = "Sign up\nthe customer chose e-invoice";
        let at = text.find("e-invoice").unwrap();
        let line = one_line(text, 12, Some(at..at + 9));
        assert!(line.starts_with('…') && line.contains("e-invoice"), "{line}");
        assert!(crate::text::width(&line) <= 12);
        let at = text.find("customer").unwrap();
        assert_eq!(one_line(text, 40, Some(at..at + 8)), "the customer chose e-invoice");
    }
}

//! Screen geometry, pure: where the title, grid and status bar go, which
//! phases and rows are visible and how tall each row is. `update` uses it to
//! keep the cursor visible; the view uses it to draw.

use crate::journey::Journey;
use crate::text;

/// Preferred number of text lines a row may take before it is cut.
pub const ROW_CAP: usize = 8;
/// Narrowest useful phase column (text columns, without the separator).
pub const MIN_COL: u16 = 18;
/// Lines a cell being edited at the bottom of the grid grows up by at once.
pub const OVERLAY_STEP: u16 = 4;
/// Smallest screen that shows a grid; smaller ones get a "too small" notice.
pub const MIN_WIDTH: u16 = 16;
pub const MIN_HEIGHT: u16 = 4;

/// The lines of the screen outside the grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chrome {
    pub title: bool,
    pub hints: bool,
}

impl Chrome {
    pub fn for_height(height: u16) -> Self {
        Self { title: height >= 6, hints: height >= 10 }
    }

    /// Lines taken above the grid.
    pub fn top(self) -> u16 {
        u16::from(self.title)
    }

    /// Lines taken below the grid: the status line, and the hints when shown.
    pub fn bottom(self) -> u16 {
        1 + u16::from(self.hints)
    }
}

/// A visible phase column: its phase index, x offset in the grid and text width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Col {
    pub phase: usize,
    pub x: u16,
    pub width: u16,
}

/// A visible row: its row index, y offset below the grid header and height in lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowBand {
    pub row: usize,
    pub y: u16,
    pub height: u16,
}

/// Where everything in the grid goes for one frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridLayout {
    /// Width of the row-name column (without its separator).
    pub names_width: u16,
    pub cols: Vec<Col>,
    pub rows: Vec<RowBand>,
    /// Height available for rows (below the two header lines).
    pub body_height: u16,
}

impl GridLayout {
    pub fn is_phase_visible(&self, phase: usize) -> bool {
        self.cols.iter().any(|c| c.phase == phase)
    }

    /// The box of a cell of this row that needs `lines` lines (a cell being
    /// edited): its first line and height. It starts where the row starts and
    /// grows down over the rows below; when the grid ends first it starts
    /// higher, over the rows above, `OVERLAY_STEP` lines at a time (each
    /// step moves the text, so it is redrawn), down to the grid's bottom.
    /// At most the grid's height.
    pub fn overlay(&self, row: usize, lines: usize) -> Option<(u16, u16)> {
        let band = self.rows.iter().find(|r| r.row == row)?;
        let lines = u16::try_from(lines).unwrap_or(u16::MAX);
        let height = lines.max(band.height).min(self.body_height);
        let below = self.body_height - band.y;
        if height <= below {
            return Some((band.y, height));
        }
        let up = (height - below).div_ceil(OVERLAY_STEP) * OVERLAY_STEP;
        let top = band.y.saturating_sub(up);
        Some((top, self.body_height - top))
    }

    /// True when the row is visible in full.
    pub fn is_row_visible(&self, row: usize) -> bool {
        self.rows.iter().any(|r| r.row == row && r.y + r.height <= self.body_height)
    }
}

/// Inputs to the layout that come from the app state: the screen size, the
/// scroll position and the cursor row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Geometry {
    pub width: u16,
    pub height: u16,
    /// Lines below the grid for the findings panel.
    pub panel: u16,
    pub first_phase: usize,
    pub first_row: usize,
    /// The cursor's row, which keeps its full height where possible.
    pub focus_row: usize,
    /// Lines the focus row needs at least (for a cell being edited).
    pub focus_min: usize,
}

/// Width of the row-name column for a journey.
pub fn names_width(journey: &Journey, width: u16) -> u16 {
    let longest = journey.rows().iter().map(|r| text::width(r)).max().unwrap_or(4);
    let w = (longest + 1).clamp(6, 16) as u16;
    w.min(width / 3).max(1)
}

/// How many phase columns fit, and the text width of each.
pub fn phase_columns(journey: &Journey, width: u16, first_phase: usize) -> Vec<Col> {
    let names = names_width(journey, width);
    let avail = width.saturating_sub(names + 1);
    let remaining = journey.phase_count().saturating_sub(first_phase);
    if avail < 2 || remaining == 0 {
        return Vec::new();
    }
    let fit = usize::from((avail / (MIN_COL + 1)).max(1));
    let k = fit.min(remaining);
    let slot = avail / k as u16;
    let extra = avail % k as u16;
    let mut x = names + 1;
    (0..k)
        .map(|i| {
            let w = slot + u16::from((i as u16) < extra);
            let col = Col { phase: first_phase + i, x, width: w.saturating_sub(1) };
            x += w;
            col
        })
        .collect()
}

/// Number of phase columns that fit on a screen this wide.
pub fn phases_per_screen(journey: &Journey, width: u16) -> usize {
    phase_columns(journey, width, 0).len().max(1)
}

/// Lines a cell's text takes at a column width (at least one).
pub fn cell_lines(text: &str, width: u16, limit: usize) -> usize {
    let width = usize::from(width.saturating_sub(1)).max(1);
    if text.is_empty() { 1 } else { text::wrapped_height(text, width, limit.max(1)) }
}

/// Lay out the grid for one frame.
pub fn grid(journey: &Journey, f: Geometry) -> GridLayout {
    let cols = phase_columns(journey, f.width, f.first_phase);
    // Each row takes at least a line and a rule, so no more rows than this can show.
    let most = usize::from(f.height / 2) + 1;
    let last = journey.row_count().min(f.first_row + most);
    let natural = natural_heights(journey, &cols, f.first_row..last);
    grid_with(journey, f, cols, &natural)
}

/// The lines each of these rows needs in the visible columns
/// (the tallest of its cells). Only visible cells are measured.
pub fn natural_heights(journey: &Journey, cols: &[Col], rows: std::ops::Range<usize>) -> Vec<usize> {
    rows.map(|r| {
        cols.iter()
            // No row is ever taller than ROW_CAP lines, so no more are counted.
            .map(|c| cell_lines(journey.cell(crate::journey::CellRef::new(c.phase, r)), c.width, ROW_CAP))
            .max()
            .unwrap_or(1)
    })
    .collect()
}

/// Lay out the grid with the columns and the rows' natural heights (from
/// `f.first_row` on) already measured.
pub fn grid_with(journey: &Journey, f: Geometry, cols: Vec<Col>, natural: &[usize]) -> GridLayout {
    let chrome = Chrome::for_height(f.height);
    let grid_height = f.height.saturating_sub(chrome.top() + chrome.bottom() + f.panel);
    let body_height = grid_height.saturating_sub(2);
    // Only a cell being edited takes extra room: row heights that do not
    // depend on the cursor keep a cursor move down to a few redrawn cells.
    let focus = f.focus_row.checked_sub(f.first_row).filter(|&i| i < natural.len() && f.focus_min > 0);
    let heights = fit_rows(natural, focus, f.focus_min, usize::from(body_height));
    let mut y = 0u16;
    let mut rows = Vec::new();
    for (i, h) in heights.into_iter().enumerate() {
        if y >= body_height {
            break;
        }
        let height = (h as u16).min(body_height - y);
        rows.push(RowBand { row: f.first_row + i, y, height });
        y += height + 1;
    }
    GridLayout { names_width: names_width(journey, f.width), cols, rows, body_height }
}

/// Row heights: each row its natural height up to a cap, the cap lowered
/// until the rows (with one rule line between them) fit; the focus row keeps
/// its height. Rows that do not fit even at one line run off the bottom.
fn fit_rows(natural: &[usize], focus: Option<usize>, focus_min: usize, avail: usize) -> Vec<usize> {
    let rules = natural.len().saturating_sub(1);
    // The focus row may take a few lines more than the others, and all it needs while edited.
    let focus_height = |cap: usize, n: usize| n.min((cap + 3).min(ROW_CAP)).max(focus_min).min(avail.max(1));
    let heights_at = |cap: usize| -> Vec<usize> {
        natural
            .iter()
            .enumerate()
            .map(|(i, &n)| if Some(i) == focus { focus_height(cap, n) } else { n.min(cap) })
            .collect()
    };
    for cap in (1..=ROW_CAP).rev() {
        let heights = heights_at(cap);
        let used = heights.iter().sum::<usize>() + rules;
        if used <= avail {
            return share_spare_lines(heights, natural, focus, avail - used);
        }
    }
    heights_at(1)
}

/// Give lines left over to rows that are cut: the focus row first, then
/// one line each in turn.
fn share_spare_lines(mut heights: Vec<usize>, natural: &[usize], focus: Option<usize>, mut spare: usize) -> Vec<usize> {
    if let Some(f) = focus {
        let more = natural[f].min(ROW_CAP).saturating_sub(heights[f]).min(spare);
        heights[f] += more;
        spare -= more;
    }
    while spare > 0 {
        let mut gave = false;
        for (h, &n) in heights.iter_mut().zip(natural) {
            if spare > 0 && *h < n.min(ROW_CAP) {
                *h += 1;
                spare -= 1;
                gave = true;
            }
        }
        if !gave {
            break;
        }
    }
    heights
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::{CellRef, Change};

    fn geometry(width: u16, height: u16) -> Geometry {
        Geometry { width, height, panel: 0, first_phase: 0, first_row: 0, focus_row: 0, focus_min: 0 }
    }

    #[test]
    fn columns_fill_the_width_and_start_after_the_names() {
        let j = Journey::default();
        let cols = phase_columns(&j, 80, 0);
        assert_eq!(cols.len(), 3);
        assert_eq!(cols[0].x, names_width(&j, 80) + 1);
        let last = cols[cols.len() - 1];
        assert_eq!(last.x + last.width + 1, 80);
        assert_eq!(phase_columns(&j, 200, 0).len(), 5);
        assert_eq!(phase_columns(&j, 80, 4).len(), 1);
    }

    #[test]
    fn rows_share_the_height_and_the_cursor_does_not_change_it() {
        let mut j = Journey::default();
        let long = "one\ntwo\nthree\nfour\nfive\nsix";
        for r in 0..5 {
            Change::SetCell { at: CellRef::new(0, r), text: long.into() }.apply(&mut j).unwrap();
        }
        // 24 lines: title, header, rule, 2 status lines: 19 for 5 rows and 4 rules.
        let g = grid(&j, Geometry { focus_row: 2, ..geometry(80, 24) });
        let heights: Vec<u16> = g.rows.iter().map(|r| r.height).collect();
        assert_eq!(heights, [3, 3, 3, 3, 3]);
        let elsewhere = grid(&j, Geometry { focus_row: 4, ..geometry(80, 24) });
        assert_eq!(elsewhere.rows, g.rows, "moving the cursor does not reflow the rows");
        assert!(g.rows.iter().all(|r| g.is_row_visible(r.row)));
    }

    #[test]
    fn a_cell_being_edited_grows() {
        let j = Journey::default();
        let g = grid(&j, Geometry { focus_row: 1, focus_min: 4, ..geometry(80, 24) });
        assert_eq!(g.rows[1].height, 4);
    }

    #[test]
    fn an_edited_cell_grows_over_the_rows_below_then_above() {
        let j = Journey::default();
        let g = grid(&j, geometry(80, 24));
        let (second, last) = (g.rows[1], g.rows[g.rows.len() - 1]);
        assert_eq!(g.overlay(1, 1), Some((second.y, second.height)), "never smaller than its row");
        assert_eq!(g.overlay(1, 6), Some((second.y, 6)), "down over the rows below");
        let below = g.body_height - last.y;
        let up = |lines: u16| g.overlay(last.row, usize::from(lines));
        assert_eq!(up(below + 1), Some((last.y - 4, below + 4)), "up at the bottom, four lines at once");
        assert_eq!(up(below + 4), up(below + 1), "the text fills the lines below without moving");
        assert_eq!(up(below + 5), Some((last.y - 8, below + 8)));
        assert_eq!(g.overlay(1, 500), Some((0, g.body_height)), "at most the grid");
        assert_eq!(g.overlay(99, 3), None);
    }

    #[test]
    fn tiny_screens_lay_out_without_panicking() {
        let j = Journey::default();
        for w in 0..30 {
            for h in 0..12 {
                let g = grid(&j, geometry(w, h));
                assert!(g.rows.iter().all(|r| r.y + r.height <= g.body_height));
                assert!(g.cols.iter().all(|c| c.x + c.width <= w));
            }
        }
    }
}

//! Lines that moved: when a cell grows by a line or the layout shifts, most
//! of the screen is the old screen a few lines up or down. Rather than
//! resend those lines, the painter moves them with a scroll region and
//! insert/delete line, as ncurses' scroll optimisation does, and then draws
//! only what still differs.

use std::hash::{Hash, Hasher};

use ratatui::buffer::{Buffer, Cell};

use super::style::number;

/// Rows of the old screen that reappear, whole, `offset` rows away:
/// new rows `start..start + len` were old rows `start - offset ..`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Move {
    pub start: u16,
    pub len: u16,
    pub offset: i32,
}

/// Fewer changed cells than this in a run of moved rows are cheaper to draw
/// than to move (a move is about 20 bytes of escapes).
const WORTH_MOVING: usize = 24;

fn row_hashes(buf: &Buffer) -> Vec<Option<u64>> {
    let width = usize::from(buf.area.width);
    if width == 0 {
        return Vec::new();
    }
    let blank = Cell::default();
    buf.content()
        .chunks(width)
        .map(|row| {
            if row.iter().all(|c| *c == blank) {
                // Blank rows match anything blank: not worth moving.
                return None;
            }
            // (FNV: these hashes only find equal rows, and a frame hashes two screens.)
            let mut h = fnv::FnvHasher::default();
            row.hash(&mut h);
            Some(h.finish())
        })
        .collect()
}

/// The moves that turn `old` into (most of) `new`, in the order to apply them.
pub fn find(old: &Buffer, new: &Buffer) -> Vec<Move> {
    if old.area != new.area {
        return Vec::new();
    }
    let a = row_hashes(old);
    if a.iter().all(Option::is_none) {
        // A blank screen (the first frame): nothing to move.
        return Vec::new();
    }
    let b = row_hashes(new);
    let n = a.len();
    // Longest common subsequence of rows, keeping a row in place when it can:
    // score[i][j] over old[i..], new[j..].
    let idx = |i: usize, j: usize| i * (n + 1) + j;
    let mut score = vec![0u32; (n + 1) * (n + 1)];
    for i in (0..n).rev() {
        for j in (0..n).rev() {
            let skip = score[idx(i + 1, j)].max(score[idx(i, j + 1)]);
            let take = match (a[i], b[j]) {
                (Some(x), Some(y)) if x == y => score[idx(i + 1, j + 1)] + if i == j { 4 } else { 3 },
                _ => 0,
            };
            score[idx(i, j)] = skip.max(take);
        }
    }
    // src[j]: the old row that new row j was.
    let mut src: Vec<Option<usize>> = vec![None; n];
    let (mut i, mut j) = (0, 0);
    while i < n && j < n {
        let matched = matches!((a[i], b[j]), (Some(x), Some(y)) if x == y);
        let w = if i == j { 4 } else { 3 };
        if matched && score[idx(i, j)] == score[idx(i + 1, j + 1)] + w {
            src[j] = Some(i);
            i += 1;
            j += 1;
        } else if score[idx(i + 1, j)] >= score[idx(i, j + 1)] {
            i += 1;
        } else {
            j += 1;
        }
    }
    let width = usize::from(new.area.width);
    // Cells that differ between old row `i` and new row `j`.
    let differ = |i: usize, j: usize| {
        let (a, b) = (&old.content()[i * width..(i + 1) * width], &new.content()[j * width..(j + 1) * width]);
        a.iter().zip(b).filter(|(p, q)| p != q).count()
    };
    extend_runs(&mut src, differ);
    let changed = |row: usize| differ(row, row);
    let mut runs = Vec::new();
    let mut j = 0;
    while j < n {
        let Some(s) = src[j] else {
            j += 1;
            continue;
        };
        let start = j;
        while j + 1 < n && src[j + 1] == Some(s + (j + 1 - start)) {
            j += 1;
        }
        j += 1;
        let offset = start as i32 - s as i32;
        if offset != 0 && (start..j).map(changed).sum::<usize>() >= WORTH_MOVING {
            runs.push(Move { start: start as u16, len: (j - start) as u16, offset });
        }
    }
    // Up moves top to bottom, then down moves bottom to top: no move
    // overwrites rows another one still has to take.
    let (mut ups, downs): (Vec<Move>, Vec<Move>) = runs.into_iter().partition(|m| m.offset < 0);
    ups.extend(downs.into_iter().rev());
    ups
}

/// Let runs of moved rows take along the rows next to them that are closer
/// to the old row at the run's offset than to the row in their place: a row
/// that changed a little as it moved (a mark at the start of a cell's first
/// line) is then moved with its neighbours and patched, not drawn again.
/// `src` stays increasing, and no old row is taken twice.
fn extend_runs(src: &mut [Option<usize>], differ: impl Fn(usize, usize) -> usize) {
    let n = src.len();
    let mut used = vec![false; n];
    for &s in src.iter().flatten() {
        used[s] = true;
    }
    let mut take = |src: &mut [Option<usize>], j: usize, from: Option<usize>| {
        let Some(i) = from.filter(|&i| i < n && i != j && !used[i]) else { return };
        if src[j].is_none() && differ(i, j) < differ(j, j) {
            src[j] = Some(i);
            used[i] = true;
        }
    };
    // Down the rows, then up: each extends a run by as many rows as fit.
    for j in 1..n {
        let from = src[j - 1].map(|s| s + 1);
        take(src, j, from);
    }
    for j in (0..n.saturating_sub(1)).rev() {
        let from = src[j + 1].and_then(|s| s.checked_sub(1));
        take(src, j, from);
    }
}

/// Where a move's scroll region is and how it scrolls: the region's top and
/// bottom rows, and lines to delete (up) or insert (down) at its top.
pub const fn region(m: Move) -> (u16, u16, i32) {
    if m.offset < 0 {
        // New rows start.. were old rows start+k..: delete k lines at start.
        let k = -m.offset;
        (m.start, m.start + m.len - 1 + k as u16, m.offset)
    } else {
        // Old rows start-k.. go to start..: insert k lines at start-k.
        let k = m.offset as u16;
        (m.start - k, m.start + m.len - 1, m.offset)
    }
}

/// Append the escapes for the move: its scroll region (rows counted from
/// `top`, the area's first row on the screen), the cursor to the region's
/// first row, and the lines deleted or inserted there. The caller sets the
/// region back to the whole screen (`ESC[r`) after the last move.
pub fn write(out: &mut Vec<u8>, m: Move, top: u16) {
    let (first, last, offset) = region(m);
    out.extend_from_slice(b"\x1b[");
    number(out, u32::from(first + top) + 1);
    out.push(b';');
    number(out, u32::from(last + top) + 1);
    out.extend_from_slice(b"r\x1b[");
    number(out, u32::from(first + top) + 1);
    out.extend_from_slice(b"H\x1b[");
    if offset.unsigned_abs() > 1 {
        number(out, offset.unsigned_abs());
    }
    out.push(if offset < 0 { b'M' } else { b'L' });
}

/// Do to `screen` what the terminal does for the move.
pub fn apply(screen: &mut Buffer, m: Move) {
    let width = usize::from(screen.area.width);
    let (top, bottom, offset) = region(m);
    let rows = &mut screen.content[usize::from(top) * width..(usize::from(bottom) + 1) * width];
    let k = offset.unsigned_abs() as usize * width;
    if offset < 0 {
        rows.rotate_left(k);
        let len = rows.len();
        rows[len - k..].fill(Cell::default());
    } else {
        rows.rotate_right(k);
        rows[..k].fill(Cell::default());
    }
}

//! Three-way merge of lines: the lines of one cell (or of a whole text file
//! that is not a journey).
//!
//! Each side's changes against the base are hunks (base lines `start..end`
//! replaced by new lines). Hunks of the two sides that touch the same base
//! lines form a group; a group changed by one side takes that side, one
//! changed the same way by both is taken once, and anything else is a
//! conflict. Edits of neighbouring lines do not touch (unlike git, which
//! stops there too), and lines both sides insert at the same place are kept,
//! ours first, when the caller says so (a cell is a set of notes; a text file
//! is not).

use std::ops::Range;

use similar::{Algorithm, DiffOp, DiffTag};

use super::markers::{marker_size, union};

/// Base lines `start..end` replaced by `lines` (an insertion when `start == end`).
#[derive(Debug, Clone, Copy)]
struct Hunk<'s, 'a> {
    ours: bool,
    start: usize,
    end: usize,
    lines: &'s [&'a str],
}

impl Hunk<'_, '_> {
    fn is_insertion(&self) -> bool {
        self.start == self.end
    }

    /// True when the two hunks change the same lines. In a cell only lines
    /// both change count; in a text file (as in git) lines next to each
    /// other count too.
    fn touches(&self, other: &Hunk, style: Style) -> bool {
        let strict = style == Style::Text;
        let inside = |p: usize, h: &Hunk| if strict { h.start <= p && p <= h.end } else { h.start < p && p < h.end };
        match (self.is_insertion(), other.is_insertion()) {
            (true, true) => self.start == other.start,
            (true, false) => inside(self.start, other),
            (false, true) => inside(other.start, self),
            (false, false) if strict => self.start <= other.end && other.start <= self.end,
            (false, false) => self.start < other.end && other.start < self.end,
        }
    }
}

/// The edit script from `old` to `new` (Myers), in order. similar's
/// `capture_diff_slices` also "compacts" the script, which can put its
/// operations out of order; the plain capture is used instead.
pub fn diff_ops<T: Eq + std::hash::Hash + Ord>(old: &[T], new: &[T]) -> Vec<DiffOp> {
    let mut capture = similar::algorithms::Capture::new();
    // Capturing cannot fail (its error type is Infallible).
    let _ = similar::algorithms::diff_slices(Algorithm::Myers, &mut capture, old, new);
    capture.into_ops()
}

/// The changes of one side against the base, in base order. Hunks of one
/// side never touch each other: unchanged lines lie between them.
fn hunks<'s, 'a>(base: &[&'a str], side: &'s [&'a str], ours: bool) -> Vec<Hunk<'s, 'a>> {
    let mut ranges: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    for op in diff_ops(base, side) {
        let (tag, old, new) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            continue;
        }
        match ranges.last_mut() {
            Some((o, n)) if o.end == old.start && n.end == new.start => {
                o.end = old.end;
                n.end = new.end;
            }
            _ => ranges.push((old, new)),
        }
    }
    ranges.into_iter().map(|(old, new)| Hunk { ours, start: old.start, end: old.end, lines: &side[new] }).collect()
}

/// What the lines are, which decides what counts as a conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// The notes of a cell: lines are independent. Edits of neighbouring
    /// lines merge, and lines both sides insert at one place are both kept,
    /// ours first.
    Notes,
    /// A text file, where order matters: as in git, changes of neighbouring
    /// lines, and different lines inserted at one place, conflict.
    Text,
}

/// A stretch of the merged lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    Clean(Vec<&'a str>),
    /// Both versions, and the base lines they replace (shown in git's diff3 style).
    Conflict {
        ours: Vec<&'a str>,
        base: Vec<&'a str>,
        theirs: Vec<&'a str>,
    },
}

/// The lines of `base[start..end]` with the given hunks (of one side) applied.
fn apply<'a>(base: &[&'a str], start: usize, end: usize, hunks: &[Hunk<'_, 'a>]) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut at = start;
    for h in hunks {
        out.extend_from_slice(&base[at..h.start]);
        out.extend_from_slice(h.lines);
        at = h.end;
    }
    out.extend_from_slice(&base[at..end]);
    out
}

fn push_clean<'a>(out: &mut Vec<Piece<'a>>, lines: &[&'a str]) {
    if lines.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(Piece::Clean(last)) => last.extend_from_slice(lines),
        _ => out.push(Piece::Clean(lines.to_vec())),
    }
}

/// Merge the changes `ours` and `theirs` made to `base`, line by line. In a
/// conflict, lines at its start or end that both versions share are moved
/// out of it, unless `trim` is false (git's diff3 style keeps them in).
pub fn merge3<'a>(base: &[&'a str], ours: &[&'a str], theirs: &[&'a str], style: Style, trim: bool) -> Vec<Piece<'a>> {
    let mut all = hunks(base, ours, true);
    all.extend(hunks(base, theirs, false));
    // Insertions before changes that start at the same line, ours before theirs.
    all.sort_by_key(|h| (h.start, !h.is_insertion(), !h.ours));
    let mut out = Vec::new();
    let mut done = vec![false; all.len()];
    let mut at = 0;
    for first in 0..all.len() {
        if done[first] {
            continue;
        }
        let mut group = vec![first];
        done[first] = true;
        let mut grew = true;
        while grew {
            grew = false;
            for next in first + 1..all.len() {
                if !done[next] && group.iter().any(|&g| all[g].touches(&all[next], style)) {
                    group.push(next);
                    done[next] = true;
                    grew = true;
                }
            }
        }
        group.sort_unstable();
        let start = group.iter().map(|&g| all[g].start).min().unwrap_or(at);
        let end = group.iter().map(|&g| all[g].end).max().unwrap_or(start);
        push_clean(&mut out, &base[at..start]);
        let side = |ours: bool| -> Vec<Hunk> { group.iter().map(|&g| all[g]).filter(|h| h.ours == ours).collect() };
        let (o, t) = (side(true), side(false));
        let (ours_v, theirs_v) = (apply(base, start, end, &o), apply(base, start, end, &t));
        if t.is_empty() || ours_v == theirs_v {
            push_clean(&mut out, &ours_v);
        } else if o.is_empty() {
            push_clean(&mut out, &theirs_v);
        } else if start == end && style == Style::Notes {
            push_clean(&mut out, &union(&ours_v, &theirs_v));
        } else {
            let same_start = if trim { ours_v.iter().zip(&theirs_v).take_while(|(a, b)| a == b).count() } else { 0 };
            let rest = ours_v.len().min(theirs_v.len()) - same_start;
            let same_end = if trim {
                ours_v.iter().rev().zip(theirs_v.iter().rev()).take(rest).take_while(|(a, b)| a == b).count()
            } else {
                0
            };
            push_clean(&mut out, &ours_v[..same_start]);
            out.push(Piece::Conflict {
                ours: ours_v[same_start..ours_v.len() - same_end].to_vec(),
                base: base[start..end].to_vec(),
                theirs: theirs_v[same_start..theirs_v.len() - same_end].to_vec(),
            });
            push_clean(&mut out, &ours_v[ours_v.len() - same_end..]);
        }
        at = end;
    }
    push_clean(&mut out, &base[at..]);
    out
}

/// How conflicts are written, as git's `merge.conflictStyle` says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ConflictStyle {
    /// Ours and theirs (git's default, `merge`).
    #[default]
    Merge,
    /// Ours, the base (after `|||||||`) and theirs.
    Diff3,
    /// As `Diff3`, with lines both versions share at the start or end of a
    /// conflict moved out of it.
    Zdiff3,
}

impl ConflictStyle {
    /// git's name for it (`merge.conflictStyle`), if it is one.
    pub fn from_git(name: &str) -> Option<ConflictStyle> {
        match name.trim().to_ascii_lowercase().as_str() {
            "merge" => Some(ConflictStyle::Merge),
            "diff3" => Some(ConflictStyle::Diff3),
            "zdiff3" => Some(ConflictStyle::Zdiff3),
            _ => None,
        }
    }
}

/// The labels written after the markers of a conflict, and its style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Labels {
    pub ours: String,
    pub theirs: String,
    /// After `|||||||` (diff3 and zdiff3 only).
    pub base: String,
    pub style: ConflictStyle,
}

impl Default for Labels {
    fn default() -> Self {
        Self { ours: "ours".into(), theirs: "theirs".into(), base: "base".into(), style: ConflictStyle::Merge }
    }
}

/// The merged lines as text, with each conflict as a marker block whose
/// markers are longer than any marker-like line of the three versions.
/// Returns the text and the number of conflict blocks.
pub fn render(pieces: &[Piece], versions: [&[&str]; 3], labels: &Labels) -> (String, usize) {
    let size = marker_size(versions.iter().flat_map(|v| v.iter().copied()));
    let mut lines: Vec<String> = Vec::new();
    let mut conflicts = 0;
    for piece in pieces {
        match piece {
            Piece::Clean(clean) => lines.extend(clean.iter().map(|l| (*l).to_owned())),
            Piece::Conflict { ours, base, theirs } => {
                conflicts += 1;
                lines.push(block_marker('<', size, &labels.ours));
                lines.extend(ours.iter().map(|l| (*l).to_owned()));
                if labels.style != ConflictStyle::Merge {
                    lines.push(block_marker('|', size, &labels.base));
                    lines.extend(base.iter().map(|l| (*l).to_owned()));
                }
                lines.push("=".repeat(size));
                lines.extend(theirs.iter().map(|l| (*l).to_owned()));
                lines.push(block_marker('>', size, &labels.theirs));
            }
        }
    }
    (lines.join("\n"), conflicts)
}

/// `<<<<<<< label` (or the bare marker for an empty label).
pub fn block_marker(c: char, size: usize, label: &str) -> String {
    let marker: String = std::iter::repeat_n(c, size).collect();
    if label.is_empty() { marker } else { format!("{marker} {label}") }
}

/// Merge three texts line by line; the text and the number of conflicts.
pub fn merge_text(base: &str, ours: &str, theirs: &str, style: Style, labels: &Labels) -> (String, usize) {
    let (b, o, t) = (super::markers::lines(base), super::markers::lines(ours), super::markers::lines(theirs));
    render(&merge3(&b, &o, &t, style, labels.style != ConflictStyle::Diff3), [&b, &o, &t], labels)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn merged(b: &str, o: &str, t: &str) -> (String, usize) {
        merge_text(b, o, t, Style::Notes, &Labels::default())
    }

    #[test]
    fn a_script_that_similar_would_compact_out_of_order_still_merges() {
        // capture_diff_slices gives Delete 0..3, Equal 3..4, Insert at 1 for these.
        let b = ["! slow", "! slow", "a", "c"];
        let o = ["c", "c", "a", "a", "! slow"];
        let ops = diff_ops(&b, &o);
        assert!(ops.windows(2).all(|w| w[0].old_range().end <= w[1].old_range().start));
        // Ours replaced the first three lines and added three at the end; theirs deleted all.
        let want = "<<<<<<< ours\nc\nc\n=======\n>>>>>>> theirs\na\na\n! slow";
        assert_eq!(merged(&b.join("\n"), &o.join("\n"), ""), (want.into(), 1));
    }

    #[test]
    fn neighbouring_lines_changed_on_each_side_merge() {
        assert_eq!(merged("a\nb\nc", "A\nb\nc", "a\nB\nc"), ("A\nB\nc".into(), 0));
        assert_eq!(merged("a\nb", "a\nb\nours", "x\nb"), ("x\nb\nours".into(), 0));
    }

    #[test]
    fn a_text_file_conflicts_where_git_would() {
        let text = |b, o, t| merge_text(b, o, t, Style::Text, &Labels::default());
        assert_eq!(text("a\nb\nc", "A\nb\nc", "a\nB\nc").1, 1, "neighbouring lines");
        assert_eq!(text("a\nb\nc\nd", "A\nb\nc\nd", "a\nb\nc\nD"), ("A\nb\nc\nD".into(), 0));
    }

    #[test]
    fn insertions_at_one_place_keep_both_in_cells_and_conflict_in_text() {
        assert_eq!(merged("a\nc", "a\nx\nc", "a\ny\nc"), ("a\nx\ny\nc".into(), 0));
        assert_eq!(merged("a", "a\nx", "a\nx\ny"), ("a\nx\ny".into(), 0), "a line both added comes once");
        let (text, n) = merge_text("a\nc", "a\nx\nc", "a\ny\nc", Style::Text, &Labels::default());
        assert_eq!((text.as_str(), n), ("a\n<<<<<<< ours\nx\n=======\ny\n>>>>>>> theirs\nc", 1));
    }

    #[test]
    fn diff3_shows_the_base_and_zdiff3_moves_shared_lines_out() {
        let diff3 = Labels { style: ConflictStyle::Diff3, base: "1a2b3c4".into(), ..Labels::default() };
        let (text, n) = merge_text("a\nb\nc", "a\nX\nY1\nc", "a\nX\nY2\nc", Style::Notes, &diff3);
        assert_eq!(n, 1);
        assert_eq!(text, "a\n<<<<<<< ours\nX\nY1\n||||||| 1a2b3c4\nb\n=======\nX\nY2\n>>>>>>> theirs\nc");
        let zdiff3 = Labels { style: ConflictStyle::Zdiff3, ..diff3 };
        let (text, _) = merge_text("a\nb\nc", "a\nX\nY1\nc", "a\nX\nY2\nc", Style::Notes, &zdiff3);
        assert_eq!(text, "a\nX\n<<<<<<< ours\nY1\n||||||| 1a2b3c4\nb\n=======\nY2\n>>>>>>> theirs\nc");
        assert_eq!(super::super::take(&text, super::super::Side::Theirs), "a\nX\nY2\nc");
        assert_eq!(ConflictStyle::from_git(" Diff3\n"), Some(ConflictStyle::Diff3));
        assert_eq!(ConflictStyle::from_git("union"), None);
    }

    #[test]
    fn a_conflict_keeps_only_the_lines_that_differ_between_the_markers() {
        let (text, n) = merged("a\nb\nc", "a\nB1\nc\nd", "a\nB2\nc\nd");
        assert_eq!((text.as_str(), n), ("a\n<<<<<<< ours\nB1\n=======\nB2\n>>>>>>> theirs\nc\nd", 1));
    }
}

//! Conflict markers: how a conflict is written into a journey so the file
//! still opens, how to find one, and how to resolve it by taking a side.
//!
//! In a cell (multi-line text) a conflict is a block of whole lines, as git
//! writes them:
//!
//! ```text
//! <<<<<<< ours
//! our version (zero or more lines)
//! =======
//! their version (zero or more lines)
//! >>>>>>> theirs
//! ```
//!
//! A `|||||||` section (git's `diff3` style) between the first two markers is
//! read and dropped. The three markers of one block have the same length, at
//! least 7: a merge picks a longer one when a cell's own text has lines that
//! look like markers of length 7, so the block stays unambiguous. A lone
//! `=======` line (a separator in someone's notes) is not a conflict.
//!
//! In a one-line value (a phase or row name, the title, the persona) a
//! conflict is written inline: `<<<<<<< Ordering ======= Buying >>>>>>>`,
//! ours first.

use std::ops::Range;

/// The shortest marker, as git writes it.
pub const MIN_MARKER: usize = 7;

/// Which version of a conflict to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::VariantArray)]
pub enum Side {
    Ours,
    Theirs,
    /// Ours, then the lines of theirs that ours does not have.
    Both,
}

impl Side {
    pub const ALL: &'static [Side] = <Side as strum::VariantArray>::VARIANTS;

    /// `ours`, `theirs`, `both`: the word `:take` takes.
    pub fn word(self) -> &'static str {
        match self {
            Side::Ours => "ours",
            Side::Theirs => "theirs",
            Side::Both => "both",
        }
    }

    pub fn from_word(word: &str) -> Option<Side> {
        Side::ALL.iter().copied().find(|s| s.word() == word.trim().to_lowercase())
    }
}

/// One conflict block in a text, as 0-based line numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The line of the opening `<<<<<<<` marker.
    pub start: usize,
    /// The line of the closing `>>>>>>>` marker.
    pub end: usize,
    /// The lines of our version.
    pub ours: Range<usize>,
    /// The lines of the base version, when the block has a `|||||||` section.
    pub base: Option<Range<usize>>,
    /// The lines of their version.
    pub theirs: Range<usize>,
    /// The length of the markers (7 or more).
    pub size: usize,
    /// What follows `<<<<<<< ` (usually `ours`).
    pub ours_label: String,
    /// What follows `>>>>>>> ` (usually `theirs`).
    pub theirs_label: String,
}

/// If the line is a marker made of `c`: its length and its label. A marker is
/// at least 7 `c`, then nothing, or (except `=`) a space and a label.
pub fn marker(line: &str, c: char) -> Option<(usize, &str)> {
    let size = line.chars().take_while(|&x| x == c).count();
    if size < MIN_MARKER {
        return None;
    }
    let rest = &line[size * c.len_utf8()..];
    if rest.trim().is_empty() {
        Some((size, ""))
    } else if c != '=' && rest.starts_with(' ') {
        Some((size, rest[1..].trim()))
    } else {
        None
    }
}

const KINDS: [char; 4] = ['<', '|', '=', '>'];

/// The length of markers that no line of these texts could be mistaken for:
/// 7, or longer when a line already looks like a marker of that length.
pub fn marker_size<'a>(lines: impl IntoIterator<Item = &'a str>) -> usize {
    let mut taken = std::collections::BTreeSet::new();
    for line in lines {
        taken.extend(KINDS.iter().filter_map(|&c| marker(line, c)).map(|(size, _)| size));
    }
    (MIN_MARKER..).find(|n| !taken.contains(n)).unwrap_or(MIN_MARKER)
}

/// The lines of a text: none for the empty text.
pub fn lines(text: &str) -> Vec<&str> {
    if text.is_empty() { Vec::new() } else { text.split('\n').collect() }
}

/// Every conflict block in a text, in order. Blocks do not nest: the lines
/// inside a block are its content, whatever they look like.
pub fn blocks(text: &str) -> Vec<Block> {
    let lines = lines(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        match block_at(&lines, i) {
            Some(block) => {
                i = block.end + 1;
                out.push(block);
            }
            None => i += 1,
        }
    }
    out
}

fn is(line: &str, c: char, size: usize) -> bool {
    marker(line, c).is_some_and(|(n, _)| n == size)
}

/// The block that opens at line `start`, if that line opens a complete one.
fn block_at(lines: &[&str], start: usize) -> Option<Block> {
    let (size, ours_label) = marker(lines[start], '<')?;
    let mut ours_end = None;
    let mut separator = None;
    for (i, line) in lines.iter().enumerate().skip(start + 1) {
        if separator.is_none() {
            if is(line, '<', size) {
                return None;
            }
            if ours_end.is_none() && is(line, '|', size) {
                ours_end = Some(i);
            } else if is(line, '=', size) {
                separator = Some(i);
            }
        } else if is(line, '>', size) {
            let sep = separator?;
            let theirs_label = marker(line, '>').map_or("", |(_, label)| label);
            return Some(Block {
                start,
                end: i,
                ours: start + 1..ours_end.unwrap_or(sep),
                base: ours_end.map(|b| b + 1..sep),
                theirs: sep + 1..i,
                size,
                ours_label: ours_label.to_owned(),
                theirs_label: theirs_label.to_owned(),
            });
        }
    }
    None
}

/// True when the text holds at least one conflict block.
pub fn has_conflict(text: &str) -> bool {
    !blocks(text).is_empty()
}

/// `ours` then the lines of `theirs` that `ours` does not have (as many times
/// as theirs has them more often).
pub fn union<'a>(ours: &[&'a str], theirs: &[&'a str]) -> Vec<&'a str> {
    let mut left: Vec<&str> = ours.to_vec();
    let mut out = ours.to_vec();
    for line in theirs {
        match left.iter().position(|l| l == line) {
            Some(i) => {
                left.remove(i);
            }
            None => out.push(line),
        }
    }
    out
}

/// The text with every conflict block replaced by the chosen side. Text
/// outside the blocks is kept as it is; a text without blocks is returned
/// unchanged.
///
/// ```
/// use jgrid::merge::{take, Side};
/// let cell = "keep\n<<<<<<< ours\nfast\n=======\nquick\n>>>>>>> theirs";
/// assert_eq!(take(cell, Side::Ours), "keep\nfast");
/// assert_eq!(take(cell, Side::Theirs), "keep\nquick");
/// assert_eq!(take(cell, Side::Both), "keep\nfast\nquick");
/// ```
pub fn take(text: &str, side: Side) -> String {
    let all = lines(text);
    let mut out: Vec<&str> = Vec::with_capacity(all.len());
    let mut i = 0;
    for block in blocks(text) {
        out.extend_from_slice(&all[i..block.start]);
        let (ours, theirs) = (&all[block.ours.clone()], &all[block.theirs.clone()]);
        match side {
            Side::Ours => out.extend_from_slice(ours),
            Side::Theirs => out.extend_from_slice(theirs),
            Side::Both => out.extend(union(ours, theirs)),
        }
        i = block.end + 1;
    }
    out.extend_from_slice(&all[i..]);
    out.join("\n")
}

fn longest_run(text: &str) -> usize {
    let mut best = 0;
    for c in ['<', '=', '>'] {
        let mut run = 0;
        for x in text.chars() {
            run = if x == c { run + 1 } else { 0 };
            best = best.max(run);
        }
    }
    best
}

/// A one-line value in conflict: `<<<<<<< OURS ======= THEIRS >>>>>>>`, with
/// markers longer than any run of `<`, `=` or `>` in either value.
pub fn inline(ours: &str, theirs: &str) -> String {
    let size = MIN_MARKER.max(longest_run(ours).max(longest_run(theirs)) + 1);
    let (open, sep, close) = ("<".repeat(size), "=".repeat(size), ">".repeat(size));
    format!("{open} {ours} {sep} {theirs} {close}")
}

/// The two versions of an inline conflict, ours first; `None` when the value
/// is not one.
pub fn parse_inline(value: &str) -> Option<(&str, &str)> {
    let size = value.chars().take_while(|&c| c == '<').count();
    if size < MIN_MARKER {
        return None;
    }
    let close = format!(" {}", ">".repeat(size));
    let inner = value[size..].strip_prefix(' ')?.strip_suffix(close.as_str())?;
    let sep = format!(" {} ", "=".repeat(size));
    let at = inner.find(&sep)?;
    Some((&inner[..at], &inner[at + sep.len()..]))
}

/// The value with its inline conflict resolved; `None` when it has none.
/// `Both` joins the two versions with ` / `.
pub fn take_inline(value: &str, side: Side) -> Option<String> {
    let (ours, theirs) = parse_inline(value)?;
    Some(match side {
        Side::Ours => ours.to_owned(),
        Side::Theirs => theirs.to_owned(),
        Side::Both if ours == theirs || theirs.is_empty() => ours.to_owned(),
        Side::Both if ours.is_empty() => theirs.to_owned(),
        Side::Both => format!("{ours} / {theirs}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_is_found_with_its_labels_and_a_diff3_base_section_is_dropped() {
        let text = "keep\n<<<<<<< HEAD\nmine\n||||||| base\nold\n=======\nyours\n>>>>>>> feature\nend";
        let found = blocks(text);
        assert_eq!(found.len(), 1);
        let b = &found[0];
        assert_eq!((b.start, b.end, b.ours.clone(), b.theirs.clone(), b.size), (1, 7, 2..3, 6..7, 7));
        assert_eq!(b.base, Some(4..5));
        assert_eq!((b.ours_label.as_str(), b.theirs_label.as_str()), ("HEAD", "feature"));
        assert_eq!(take(text, Side::Ours), "keep\nmine\nend");
        assert_eq!(take(text, Side::Theirs), "keep\nyours\nend");
    }

    #[test]
    fn marker_like_lines_that_make_no_block_are_plain_text() {
        for text in [
            "=======",
            "notes\n=======\nmore",
            "<<<<<<< ours\nno end\n=======",
            "<<<<<<< ours\na\n>>>>>>> theirs",
            "<<<<<<<< ours\na\n=======\nb\n>>>>>>> theirs",
            "<<<<<<<x\na\n=======\nb\n>>>>>>>",
        ] {
            assert!(!has_conflict(text), "{text:?}");
            assert_eq!(take(text, Side::Theirs), text);
        }
    }

    #[test]
    fn longer_markers_hold_marker_like_lines_as_content() {
        let text = "<<<<<<<< ours\n=======\na\n========\n>>>>>>> b\n>>>>>>>> theirs";
        let found = blocks(text);
        assert_eq!(found.len(), 1);
        assert_eq!(take(text, Side::Ours), "=======\na");
        assert_eq!(take(text, Side::Theirs), ">>>>>>> b");
        assert_eq!(marker_size(["=======", "<<<<<<<< x", "plain"]), 9);
        assert_eq!(marker_size(["plain", "==="]), 7);
    }

    #[test]
    fn taking_both_keeps_ours_then_the_lines_theirs_adds() {
        let text = "<<<<<<< ours\na\nb\n=======\nb\nc\n>>>>>>> theirs\n<<<<<<< ours\n=======\nd\n>>>>>>> theirs";
        assert_eq!(take(text, Side::Both), "a\nb\nc\nd");
    }

    #[test]
    fn inline_conflicts_read_back_whatever_the_values() {
        for (ours, theirs) in [("Buying", "Ordering"), ("", "x"), ("x", ""), ("a ======= b", ">>>>>>>>"), ("", "")] {
            let value = inline(ours, theirs);
            assert_eq!(parse_inline(&value), Some((ours, theirs)), "{value}");
        }
        assert_eq!(inline("Buying", "Ordering"), "<<<<<<< Buying ======= Ordering >>>>>>>");
        assert_eq!(take_inline(&inline("A", "B"), Side::Both).as_deref(), Some("A / B"));
        assert_eq!(parse_inline("<<<<<<< A ======= B >>>>>>>>"), None);
        assert_eq!(parse_inline("Buying"), None);
    }

    #[test]
    fn sides_are_named_by_the_words_take_takes() {
        assert_eq!(Side::from_word(" Theirs "), Some(Side::Theirs));
        assert_eq!(Side::ALL.iter().map(|s| s.word()).collect::<Vec<_>>(), ["ours", "theirs", "both"]);
        assert_eq!(Side::from_word("mine"), None);
    }
}

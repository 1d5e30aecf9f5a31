//! Wrapping, measuring and sanitizing, by example and by property.

use super::*;
use proptest::prelude::*;

#[test]
fn wraps_at_word_boundaries() {
    assert_eq!(wrap("working internet on moving day", 12), ["working", "internet on", "moving day"]);
    assert_eq!(wrap("Marketing owns #website", 18), ["Marketing owns", "#website"]);
}

#[test]
fn keeps_explicit_lines_and_empty_lines() {
    assert_eq!(wrap("a\n\nb", 10), ["a", "", "b"]);
    assert_eq!(wrap("", 10), [""]);
}

#[test]
fn breaks_long_words_between_graphemes() {
    assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
}

#[test]
fn wide_characters_count_two_columns() {
    assert_eq!(wrap("漢字漢字", 5), ["漢字", "漢字"]);
    assert_eq!(wrap("Å 漢字 🚲", 6), ["Å 漢字", "🚲"]);
    assert_eq!(width("Å 漢字 🚲"), 9);
}

#[test]
fn control_characters_become_visible() {
    let shown = sanitize("a\u{1b}]0;pwned\u{7}b\u{202e}c\u{9b}d");
    assert_eq!(shown, "a␛]0;pwned␇b�c�d");
    assert_eq!(wrap("x\u{1b}[31m", 20), ["x␛[31m"]);
}

#[test]
fn every_character_with_a_placeholder_is_replaced_even_alone() {
    let with_placeholder = (0..0x3000).filter_map(char::from_u32).filter(|&c| c != '\n' && placeholder(c).is_some());
    for c in with_placeholder {
        let p = placeholder(c).unwrap();
        assert_eq!(sanitize(&format!("x{c}y")), format!("x{p}y"), "U+{:04X}", c as u32);
    }
}

#[test]
fn truncate_marks_the_cut() {
    assert_eq!(truncate("Orientation", 6), "Orien…");
    assert_eq!(truncate("漢字漢字", 5), "漢字…");
    assert_eq!(truncate("short", 6), "short");
}

proptest! {
    #[test]
    fn height_counts_the_wrapped_lines(text in "(.|\n| ){0,80}", width in 1usize..30, max in 0usize..6) {
        let all = wrap(&text, width);
        prop_assert_eq!(wrapped_height(&text, width, usize::MAX), all.len());
        prop_assert_eq!(wrapped_height(&text, width, 3), all.len().min(3));
        let (head, total) = wrap_head(&text, width, max, usize::MAX);
        prop_assert_eq!(total, all.len());
        let head: Vec<String> = head.into_iter().map(|(line, _)| line).collect();
        prop_assert_eq!(&head[..], &all[..max.min(all.len())]);
    }

    #[test]
    fn ranges_are_the_wrapped_lines(text in "(.|\n| |\t){0,80}", width in 1usize..30) {
        let shown = sanitize(&text);
        let lines: Vec<&str> = wrap_ranges(&shown, width).into_iter().map(|r| &shown[r]).collect();
        prop_assert_eq!(lines, wrap(&text, width));
    }

    /// The quick look at the bytes never lets a character with a placeholder through.
    #[test]
    fn sanitize_replaces_every_character_with_a_placeholder(
        text in "([a-zé·…›\n\t\u{1b}\u{7f}\u{85}\u{9b}\u{a0}\u{200e}\u{202e}\u{2066}\u{61c}\u{2028}]|.){0,40}"
    ) {
        let replaced: String = text.chars().map(|c| if c == '\n' { c } else { placeholder(c).unwrap_or(c) }).collect();
        prop_assert_eq!(sanitize(&text), replaced);
    }

    #[test]
    fn printable_ascii_breaks_as_measured_in_full(line in "[ -~]{0,60}", width in 1usize..30) {
        let breaks = |ascii: bool| {
            let mut out = Vec::new();
            break_measured(&line, width, ascii, |r| {
                out.push(r);
                true
            });
            out
        };
        prop_assert_eq!(breaks(true), breaks(false));
        let slow = line.chars().any(|c| placeholder(c).is_some());
        prop_assert!(!slow && matches!(sanitize(&line), Cow::Borrowed(_)));
    }

    #[test]
    fn wrapping_loses_no_visible_character(text in "[a-z漢 ]{0,60}", width in 2usize..20) {
        let joined: String = wrap(&text, width).concat();
        let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        prop_assert_eq!(squeeze(&joined), squeeze(&text));
    }

    #[test]
    fn wrapped_lines_fit_and_contain_no_controls(text in "(.|\n|\t|\u{1b}){0,80}", width in 1usize..30) {
        for line in wrap(&text, width) {
            // A single grapheme wider than the width may stand alone.
            prop_assert!(self::width(&line) <= width.max(2), "{:?} at {}", line, width);
            prop_assert!(!line.chars().any(char::is_control), "{:?}", line);
        }
    }
}

proptest::proptest! {
    /// `head` keeps what the first lines need: they wrap the same as in the whole text.
    #[test]
    fn the_head_of_a_text_wraps_as_the_whole_text(
        text in "([a-z]{0,30}[ \n]?){0,40}",
        width in 1usize..30,
        lines in 0usize..12,
    ) {
        let head = head(&text, width, lines);
        proptest::prop_assert!(text.starts_with(head));
        proptest::prop_assert_eq!(wrap_ranges_up_to(head, width, lines), wrap_ranges_up_to(&text, width, lines));
    }
}

proptest::proptest! {
    /// The printable-ASCII fast path breaks lines exactly as the general one.
    #[test]
    fn ascii_lines_break_as_any_line(line in "[a-z .#-]{0,80}", width in 1usize..25) {
        let collect = |ascii: bool| {
            let mut out = Vec::new();
            break_measured(&line, width, ascii, |r| {
                out.push(r);
                true
            });
            out
        };
        proptest::prop_assert_eq!(collect(true), collect(false));
    }
}

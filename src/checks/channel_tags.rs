//! `#tags` in text: where they are, which distinct ones a cell names, and
//! how two compare (case-insensitively). The checks, the owner rule and the
//! exports all read channels this way.

use std::ops::Range;

fn is_tag_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '_'
}

/// Byte ranges of the `#tags` in a text, `#` included, in order.
///
/// A tag is `#` followed by letters, digits, `-` and `_`, with at least one
/// letter (`#3` is a number, not a channel). The `#` must start the text or
/// follow a character that is not part of a word, a URL path (`/`) or another
/// `#`; a `#` in a word containing `://` is a URL fragment, not a tag.
pub fn tag_spans(text: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut prev: Option<char> = None;
    let mut next_free = 0;
    for (i, c) in text.char_indices() {
        let starts = c == '#'
            && i >= next_free
            && prev.is_none_or(|p| !is_tag_char(p) && !matches!(p, '#' | '/' | '&'))
            && !text[..i].rsplit(char::is_whitespace).next().is_some_and(|w| w.contains("://"));
        prev = Some(c);
        if !starts {
            continue;
        }
        let body = &text[i + 1..];
        let len: usize = body.chars().take_while(|&c| is_tag_char(c)).map(char::len_utf8).sum();
        if body[..len].chars().any(char::is_alphabetic) {
            spans.push(i..i + 1 + len);
            next_free = i + 1 + len;
        }
    }
    spans
}

/// The distinct tags of a text (case-insensitive), as first written, in order.
pub(super) fn tags(text: &str) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for span in tag_spans(text) {
        let tag = &text[span];
        if !out.iter().any(|t| same(t, tag)) {
            out.push(tag);
        }
    }
    out
}

/// Case-insensitive equality without allocating (this runs for every pair of tags).
pub(super) fn same(a: &str, b: &str) -> bool {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    let mut i = 0;
    // One pass over the ASCII prefix, which is all of nearly every tag.
    while i < x.len() && i < y.len() && x[i].is_ascii() && y[i].is_ascii() {
        if !x[i].eq_ignore_ascii_case(&y[i]) {
            return false;
        }
        i += 1;
    }
    if i == x.len() && i == y.len() {
        return true;
    }
    // `i` is a character boundary in both: everything before it is ASCII.
    a[i..].chars().flat_map(char::to_lowercase).eq(b[i..].chars().flat_map(char::to_lowercase))
}

/// The tags of `these` that are not among `those`.
pub(super) fn missing<'t>(these: &[&'t str], those: &[&str]) -> Vec<&'t str> {
    these.iter().copied().filter(|t| !those.iter().any(|o| same(t, o))).collect()
}

#[cfg(test)]
mod tests {
    use super::same;

    #[test]
    fn tags_compare_ignoring_case_in_any_script() {
        assert!(same("#Web", "#wEB") && same("", ""));
        assert!(!same("#web", "#webs") && !same("#webs", "#web") && !same("#a", "#b"));
        assert!(same("#Café", "#cafÉ") && same("#ÅSA", "#åsa") && same("#søk", "#SØK"));
        assert!(!same("#café", "#cafe") && !same("#web", "#wéb"));
        // The Kelvin sign lowercases to an ASCII k.
        assert!(same("#\u{212a}m", "#km"));
    }
}

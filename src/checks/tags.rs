//! Channel links via `#tags`: touchpoints that Organization or Systems do not
//! mention, and tags in other rows that are not touchpoints of the phase.

use std::ops::Range;

use super::{Finding, Grid, list};

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
fn tags(text: &str) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for span in tag_spans(text) {
        let tag = &text[span];
        if !out.iter().any(|t| same(t, tag)) {
            out.push(tag);
        }
    }
    out
}

fn same(a: &str, b: &str) -> bool {
    a.to_lowercase() == b.to_lowercase()
}

/// The tags of `these` that are not among `those`.
fn missing<'t>(these: &[&'t str], those: &[&str]) -> Vec<&'t str> {
    these.iter().copied().filter(|t| !those.iter().any(|o| same(t, o))).collect()
}

pub(super) fn run(g: &Grid, out: &mut Vec<Finding>) {
    let Some(tp) = g.touchpoints else { return };
    for p in g.phases() {
        if !g.filled(p, tp) {
            continue;
        }
        let channels = tags(g.text(p, tp));
        let unclaimed = [
            ("channel-without-owner", g.organization, "no one owns", "channel", "channels"),
            ("channel-without-system", g.systems, "no system serves", "channel", "channels"),
        ];
        for (id, row, who, one, many) in unclaimed {
            let Some(row) = row.filter(|&r| g.filled(p, r)) else { continue };
            let lost = missing(&channels, &tags(g.text(p, row)));
            if lost.is_empty() {
                continue;
            }
            let (pronoun, what) =
                if lost.len() == 1 { ("it", format!("this {one}")) } else { ("them", format!("these {many}")) };
            let message = format!(
                "In {}, {} has {} but {} does not mention {pronoun}: {who} {what}.",
                g.quoted_phase(p),
                g.row_name(tp),
                list(&lost),
                g.row_name(row)
            );
            out.push(Finding::in_phase(id, p, vec![tp, row], message));
        }
        for row in [g.organization, g.systems, g.message].into_iter().flatten() {
            let stray = missing(&tags(g.text(p, row)), &channels);
            if stray.is_empty() {
                continue;
            }
            let verb = if stray.len() == 1 { "is" } else { "are" };
            let message = format!(
                "In {}, {} names {}, which {verb} not among the {} of this phase.",
                g.quoted_phase(p),
                g.row_name(row),
                list(&stray),
                g.row_name(tp)
            );
            out.push(Finding::in_phase("stray-channel", p, vec![row], message));
        }
    }
}

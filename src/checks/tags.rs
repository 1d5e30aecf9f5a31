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
    if a.eq_ignore_ascii_case(b) {
        return true;
    }
    if a.is_ascii() && b.is_ascii() {
        return false;
    }
    a.chars().flat_map(char::to_lowercase).eq(b.chars().flat_map(char::to_lowercase))
}

/// The tags of `these` that are not among `those`.
fn missing<'t>(these: &[&'t str], those: &[&str]) -> Vec<&'t str> {
    these.iter().copied().filter(|t| !those.iter().any(|o| same(t, o))).collect()
}

pub(super) fn run(g: &Grid, out: &mut Vec<Finding>) {
    let Some(tp) = g.touchpoints else { return };
    for p in g.phases() {
        if g.filled(p, tp) {
            phase(g, p, tp, out);
        }
    }
}

/// The tag checks of one phase whose Touchpoints cell has text.
fn phase(g: &Grid, p: usize, tp: usize, out: &mut Vec<Finding>) {
    let channels = &g.channels[p];
    // External channels need no owner and no system.
    let run_by_us: Vec<&str> = channels.iter().copied().filter(|t| !g.journey.is_external(t)).collect();
    // Each row's tags are found once per phase.
    let row_tags = |row: Option<usize>| row.map(|r| (r, tags(g.text(p, r))));
    let (org, sys, msg) = (row_tags(g.organization), row_tags(g.systems), row_tags(g.message));
    let unclaimed =
        [("channel-without-owner", &org, "no one owns"), ("channel-without-system", &sys, "no system serves")];
    for (id, row_and_tags, who) in unclaimed {
        let Some((row, row_tags)) = row_and_tags.as_ref().filter(|(r, _)| g.filled(p, *r)) else { continue };
        let rows = vec![tp, *row];
        for lost in by_acceptance(g, id, p, &rows, missing(&run_by_us, row_tags)) {
            let (pronoun, what) = if lost.len() == 1 { ("it", "this channel") } else { ("them", "these channels") };
            let message = format!(
                "In {}, {} has {} but {} does not mention {pronoun}: {who} {what}.",
                g.quoted_phase(p),
                g.row_name(tp),
                list(&lost),
                g.row_name(*row)
            );
            out.push(Finding::in_phase(id, p, rows.clone(), message).about(subjects(&lost)));
        }
    }
    for (row, row_tags) in [org, sys, msg].into_iter().flatten() {
        for stray in by_acceptance(g, "stray-channel", p, &[row], missing(&row_tags, channels)) {
            let verb = if stray.len() == 1 { "is" } else { "are" };
            let message = format!(
                "In {}, {} names {}, which {verb} not among the {} of this phase.",
                g.quoted_phase(p),
                g.row_name(row),
                list(&stray),
                g.row_name(tp)
            );
            out.push(Finding::in_phase("stray-channel", p, vec![row], message).about(subjects(&stray)));
        }
    }
}

/// The tags one finding is about, split so that each tag an acceptance names
/// gets a finding of its own: the other tags first (if any), then one list
/// per accepted tag. Without acceptances this is one list of all the tags.
fn by_acceptance<'t>(g: &Grid, id: &str, p: usize, rows: &[usize], tags: Vec<&'t str>) -> Vec<Vec<&'t str>> {
    let (alone, together): (Vec<&str>, Vec<&str>) =
        tags.into_iter().partition(|t| g.accepts(id, p, rows, t.trim_start_matches('#')));
    let mut out = Vec::new();
    if !together.is_empty() {
        out.push(together);
    }
    out.extend(alone.into_iter().map(|t| vec![t]));
    out
}

/// Tags as subjects: without `#`.
fn subjects(tags: &[&str]) -> Vec<String> {
    tags.iter().map(|t| t.trim_start_matches('#').to_owned()).collect()
}

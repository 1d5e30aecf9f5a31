//! Channel links via `#tags`: touchpoints that Organization or Systems do not
//! mention, and tags in other rows that are not touchpoints of the phase.

use super::channel_tags::{missing, same, tags};
use super::{Finding, Grid, list};

pub(super) fn run(g: &Grid, out: &mut Vec<Finding>) {
    for p in g.phases() {
        phase(g, p, out);
    }
}

/// The tag checks of one phase (none unless its Touchpoints cell has text).
pub(super) fn phase<'a>(g: &Grid<'a>, p: usize, out: &mut Vec<Finding>) {
    let Some(tp) = g.touchpoints.filter(|&tp| g.filled(p, tp)) else { return };
    let channels = g.channels(p);
    // External channels need no owner and no system.
    let run_by_us: Vec<&str> = channels.iter().copied().filter(|t| !g.journey.is_external(t)).collect();
    // Each row's tags are found once per phase.
    let row_tags = |row: Option<usize>| row.map(|r| (r, tags(g.text(p, r))));
    let (org, sys, msg) = (row_tags(g.organization), row_tags(g.systems), row_tags(g.message));
    // A tag one letter off a touchpoint's is a slip of the pen: one finding
    // that says so, instead of a stray tag and an unmentioned channel.
    let slips = |row_and_tags: &Option<(usize, Vec<&'a str>)>| -> Vec<(&'a str, &'a str)> {
        let Some((_, row_tags)) = row_and_tags else { return Vec::new() };
        missing(row_tags, channels).into_iter().filter_map(|t| slip_of(t, channels).map(|c| (t, c))).collect()
    };
    let slipped: Vec<(usize, Vec<(&str, &str)>)> =
        [&org, &sys, &msg].into_iter().filter_map(|rt| rt.as_ref().map(|(r, _)| (*r, slips(rt)))).collect();
    let slips_in = |row: usize| slipped.iter().find(|(r, _)| *r == row).map_or(&[][..], |(_, s)| s.as_slice());
    let unclaimed =
        [("channel-without-owner", &org, "no one owns"), ("channel-without-system", &sys, "no system serves")];
    for (id, row_and_tags, who) in unclaimed {
        let Some((row, row_tags)) = row_and_tags.as_ref().filter(|(r, _)| g.filled(p, *r)) else { continue };
        let rows = vec![tp, *row];
        let mut unmentioned = missing(&run_by_us, row_tags);
        unmentioned.retain(|t| !slips_in(*row).iter().any(|(_, c)| same(c, t)));
        for lost in by_acceptance(g, id, p, &rows, unmentioned) {
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
        let mut strays = missing(&row_tags, channels);
        strays.retain(|t| !slips_in(row).iter().any(|(s, _)| same(s, t)));
        for stray in by_acceptance(g, "stray-channel", p, &[row], strays) {
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
        for (slip, meant) in slips_in(row) {
            let message = format!(
                "In {}, {} names {slip}, which looks like a slip for {meant} in {}: correct the tag.",
                g.quoted_phase(p),
                g.row_name(row),
                g.row_name(tp)
            );
            out.push(Finding::in_phase("stray-channel", p, vec![row], message).about(subjects(&[slip])));
        }
    }
}

/// The touchpoint tag this tag is a slip for: one letter added, left out,
/// changed or two swapped (case aside), in tags of four letters or more.
fn slip_of<'a>(tag: &str, channels: &[&'a str]) -> Option<&'a str> {
    let a: Vec<char> = tag.trim_start_matches('#').chars().flat_map(char::to_lowercase).collect();
    channels.iter().copied().find(|c| {
        let b: Vec<char> = c.trim_start_matches('#').chars().flat_map(char::to_lowercase).collect();
        a.len().min(b.len()) >= 4 && one_edit(&a, &b)
    })
}

/// True when `a` and `b` differ by one edit (insert, delete, change, swap).
fn one_edit(a: &[char], b: &[char]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let start = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    if short.len() == long.len() {
        let (x, y) = (&short[start..], &long[start..]);
        return x.len() == 1 && x != y
            || x.len() >= 2 && x[0] == y[1] && x[1] == y[0] && x[2..] == y[2..]
            || x.len() >= 2 && x[1..] == y[1..] && x[0] != y[0];
    }
    long.len() == short.len() + 1 && short[start..] == long[start + 1..]
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

#[cfg(test)]
mod tests {
    use super::one_edit;

    fn slip(a: &str, b: &str) -> bool {
        one_edit(&a.chars().collect::<Vec<_>>(), &b.chars().collect::<Vec<_>>())
    }

    #[test]
    fn one_letter_off_is_a_slip() {
        assert!(slip("emial", "email") && slip("emai", "email") && slip("emails", "email") && slip("emaol", "email"));
        assert!(!slip("email", "email") && !slip("mail", "email!!") && !slip("phone", "shop") && !slip("ab", "ba!"));
    }
}

//! Channel links via `#tags`: touchpoints that Organization or Systems do not
//! mention, and tags in other rows that are not touchpoints of the phase.

use super::channel_tags::{missing, tags};
use super::{Finding, Grid, list};

pub(super) fn run(g: &Grid, out: &mut Vec<Finding>) {
    for p in g.phases() {
        phase(g, p, out);
    }
}

/// The tag checks of one phase (none unless its Touchpoints cell has text).
pub(super) fn phase(g: &Grid, p: usize, out: &mut Vec<Finding>) {
    let Some(tp) = g.touchpoints.filter(|&tp| g.filled(p, tp)) else { return };
    let channels = g.channels(p);
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

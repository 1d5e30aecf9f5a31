//! `dead-end`: a channel could not do the job and sent the customer to
//! another. A line needs a referral (`redirected to`, `sent me to`) or a
//! failure (`couldn't`) with a weaker redirect after it (`told me to`,
//! `had to`: in a letter's "call us if you have questions" no channel
//! failed), and the
//! channel it was sent to; the channel it came from is the first the line
//! names before the redirect, else the phase's first Touchpoints tag, else
//! what failed (`the results line couldn't tell me …`). Sent back to the
//! same channel is no dead end.

use super::read::{first_of, read};
use super::{Grid, experience_rows, quoted, states};
use crate::checks::{Finding, channel_tags};

pub(super) fn phase(g: &Grid, p: usize, out: &mut Vec<Finding>) {
    let cues = super::cues(g.lang);
    for r in experience_rows(g) {
        for line in g.text(p, r).lines().filter(|l| states(l)) {
            let said = read(line, cues, &g.stemmer);
            if said.own_choice(cues) {
                continue;
            }
            let failure = first_of(&said.toks, cues.failures);
            let redirect = match first_of(&said.toks, cues.strong_redirects) {
                Some(strong) => strong,
                None => match (&failure, first_of(&said.toks, cues.weak_redirects)) {
                    (Some(f), Some(w)) if w.1.start >= f.1.end => w,
                    _ => continue,
                },
            };
            let channels = said.channels(cues);
            // Sent to: the first channel from the redirect on, else one earlier in its clause, after
            // the failure (Dutch puts the verb last: `een formulier per post moest sturen`).
            let after_failure = failure.as_ref().map_or(0, |f| f.1.end);
            let in_clause = |i: usize| i >= after_failure && !said.break_between(i, redirect.1.start);
            let to = channels.iter().find(|(i, _)| *i >= redirect.1.start);
            let to = to.or_else(|| channels.iter().rev().find(|(i, _)| *i < redirect.1.start && in_clause(*i)));
            let Some((to_at, to)) = to else { continue };
            let from = match channels.iter().find(|(i, _)| *i < redirect.1.start && i != to_at) {
                // A compound that ends in the channel it was sent to names a channel of its own
                // (`het Omgevingsloket weigerde …, aan de balie`: the portal, not the desk).
                Some((i, c)) if c == to => said.word(*i).filter(|w| !cues.channels.iter().any(|(cue, _)| cue == w)),
                Some((_, c)) => Some(c.clone()),
                None => first_tag(g, p).or_else(|| failure.as_ref().and_then(|f| said.subject(f.1.start, cues))),
            };
            let Some(from) = from.filter(|f| !f.eq_ignore_ascii_case(to)) else { continue };
            let cue_words = match &failure {
                Some((f, _)) => format!("\"{f}\", \"{}\"", redirect.0),
                None => format!("\"{}\"", redirect.0),
            };
            let message = format!(
                "In {}, {} ({}) is a dead end: {from} could not do the job and sent the customer to {to} ({cue_words}).",
                g.quoted_phase(p),
                quoted(line),
                g.row_name(r),
            );
            out.push(Finding::in_phase("dead-end", p, vec![r], message).about(vec![format!("{from} to {to}")]));
        }
    }
}

/// The phase's first Touchpoints tag, without `#`.
fn first_tag(g: &Grid, p: usize) -> Option<String> {
    let tp = g.touchpoints?;
    channel_tags::tags(g.text(p, tp)).first().map(|t| t.to_lowercase())
}

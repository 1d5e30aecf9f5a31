//! `sources-disagree`: in one phase, lines from different sources about the
//! same thing disagree: one denies what the other states, or they give
//! different figures with the same unit.
//!
//! "About the same thing" is strict: the lines share at least two words
//! after stop words are left out and word endings removed (words of being
//! told count as one: `told` and `SMS`), or one line is about a single word
//! and the other shares it (`never got a confirmation email` against
//! `got the confirmation email at once`); and when both name a channel, the
//! first each names is the same. Agreeing figures are no finding.

use super::read::{Read, read};
use super::{Grid, quoted, states};
use crate::checks::Finding;
use crate::journey::sources;

struct Said<'a> {
    row: usize,
    line: &'a str,
    sources: Vec<String>,
    read: Read,
}

pub(super) fn phase(g: &Grid, p: usize, out: &mut Vec<Finding>) {
    let cues = super::cues(g.lang);
    let mut said: Vec<Said> = Vec::new();
    for r in 0..g.journey.rows().len() {
        for line in g.text(p, r).lines().filter(|l| l.contains('@') && states(l)) {
            let names = sources(line);
            let read_line = read(line, cues, &g.stemmer);
            // A dead end's denial is its failure's: no statement to disagree with.
            if !names.is_empty() && !read_line.own_choice(cues) && !read_line.sends_on(cues) {
                said.push(Said { row: r, line, sources: names, read: read_line });
            }
        }
    }
    // Every pair that disagrees, with how many words it shares.
    let mut pairs: Vec<(usize, usize, usize, Finding)> = Vec::new();
    for (i, a) in said.iter().enumerate() {
        for (j, b) in said.iter().enumerate().skip(i + 1) {
            if a.sources.iter().any(|s| b.sources.contains(s)) {
                continue;
            }
            // Lines at different channels (the first each names) speak of different things.
            let (ca, cb) = (a.read.channels(cues), b.read.channels(cues));
            if let (Some((_, x)), Some((_, y))) = (ca.first(), cb.first())
                && x != y
            {
                continue;
            }
            let shared = a.read.shared(&b.read);
            if !same_thing(&a.read, &b.read, shared.len()) && !same_figure(&a.read, &b.read) {
                continue;
            }
            let Some(why) = disagreement(g, a, b) else { continue };
            let who = |s: &Said| s.sources.iter().map(|n| format!("@{n}")).collect::<Vec<_>>().join(" ");
            let message = format!(
                "In {}, {} and {} disagree: {} ({}) vs {} ({}): {why}; both are about {}.",
                g.quoted_phase(p),
                who(a),
                who(b),
                quoted(a.line),
                g.row_name(a.row),
                quoted(b.line),
                g.row_name(b.row),
                shared.join(", ")
            );
            let subject = shared.join(" ");
            let finding = Finding::in_phase("sources-disagree", p, vec![a.row, b.row], message).about(vec![subject]);
            pairs.push((i, j, shared.len(), finding));
        }
    }
    // A line is found against each other source once: with the line it shares most with.
    let mut order: Vec<usize> = (0..pairs.len()).collect();
    order.sort_by_key(|&k| std::cmp::Reverse(pairs[k].2));
    let mut kept: Vec<usize> = Vec::new();
    let mut taken: Vec<(usize, &[String])> = Vec::new();
    for k in order {
        let (i, j) = (pairs[k].0, pairs[k].1);
        let (si, sj) = (said[i].sources.as_slice(), said[j].sources.as_slice());
        if taken.iter().any(|t| *t == (i, sj) || *t == (j, si)) {
            continue;
        }
        taken.extend([(i, sj), (j, si)]);
        kept.push(k);
    }
    kept.sort_unstable();
    out.extend(pairs.into_iter().enumerate().filter(|(k, _)| kept.contains(k)).map(|(_, (.., f))| f));
}

/// True when two lines that share `shared` words are about the same thing:
/// two words or more, or the one word a line is about, when that word is
/// no channel and no word of being told or paying (`I did not like the app`
/// and `the app showed my usage` need a second word).
fn same_thing(a: &Read, b: &Read, shared: usize) -> bool {
    shared >= 2 || (shared == 1 && [a, b].iter().any(|r| r.about.len() == 1 && !r.about[0].0.starts_with('~')))
}

/// Why two lines about the same thing disagree, if they do: figures with
/// the same unit decide when both give one; else one line denies.
fn disagreement(g: &Grid, a: &Said, b: &Said) -> Option<String> {
    let same_unit: Vec<_> = a
        .read
        .figures
        .iter()
        .flat_map(|x| b.read.figures.iter().filter(move |y| y.1 == x.1).map(move |y| (x, y)))
        .collect();
    if !same_unit.is_empty() {
        if same_unit.iter().any(|(x, y)| x.0 == y.0)
            || !(same_figure(&a.read, &b.read) || same_subject(&a.read, &b.read))
        {
            return None;
        }
        let (x, y) = same_unit[0];
        return Some(format!("different figures, {} vs {}", x.2, y.2));
    }
    let cues = super::cues(g.lang);
    if different_objects(&a.read, &b.read, cues.arrivals) {
        return None;
    }
    match (a.read.negation(cues), b.read.negation(cues)) {
        (Some((cue, _)), None) | (None, Some((cue, _))) => {
            Some(format!("one denies what the other states (\"{cue}\")"))
        }
        _ => None,
    }
}

/// True when both lines have words of their own in the clauses of the words
/// they share: they say something of different things (`didn't check the
/// garage` against `did check the roof`; `the parcel shop did not give me a
/// receipt` against `waited 5 minutes in line at the parcel shop`), so a
/// denial is no disagreement. A clause of its own (`, right on time`) and a
/// word of something happening (`when the switch happened`) do not count.
fn different_objects(a: &Read, b: &Read, arrivals: &[&str]) -> bool {
    let happening = |w: &str| arrivals.iter().any(|a| super::read::word_matches(a, w));
    let own_words = |x: &Read, y: &Read| {
        let shared: Vec<usize> = (0..x.about.len()).filter(|&k| x.shares(&x.about[k].0, y)).collect();
        (0..x.about.len()).any(|k| {
            !shared.contains(&k)
                && !x.about[k].0.starts_with('~')
                && !happening(&x.about[k].1)
                && shared.iter().any(|&s| !x.break_between(x.at[s], x.at[k]))
        })
    };
    own_words(a, b) && own_words(b, a)
}

/// True when both lines give a figure in the same unit after the same word
/// (`on hold for 25 minutes` and `on hold for 5 minutes`; stems that begin
/// alike count: `queued` and `queue`).
fn same_figure(a: &Read, b: &Read) -> bool {
    let alike = |x: &str, y: &str| {
        let (short, long) = if x.len() <= y.len() { (x, y) } else { (y, x) };
        short.chars().count() >= 4 && long.starts_with(short)
    };
    a.figures.iter().any(|x| {
        b.figures.iter().any(|y| x.1 == y.1 && x.3.as_deref().zip(y.3.as_deref()).is_some_and(|(p, q)| alike(p, q)))
    })
}

/// True when two lines with figures speak of the same subject: the first
/// word of each (no channel, telling or paying word) is one the other is about too, or one line says nothing the
/// other does not (`the plan costs 18 euros` against `the phone cost 240
/// euros on top of the plan` are about different things).
fn same_subject(a: &Read, b: &Read) -> bool {
    let first_shared =
        |x: &Read, y: &Read| x.about.iter().find(|(c, _)| !c.starts_with('~')).is_some_and(|(c, _)| x.shares(c, y));
    let all_shared = |x: &Read, y: &Read| x.about.iter().all(|(c, _)| x.shares(c, y));
    (first_shared(a, b) && first_shared(b, a)) || all_shared(a, b) || all_shared(b, a)
}

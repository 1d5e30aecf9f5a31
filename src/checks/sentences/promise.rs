//! `broken-promise`: a line of experience says the organisation did not do
//! what was promised or chosen. Either the line itself holds the promise
//! (`promised`, `chose` …) and a contrast (`but`, `even though`, `instead
//! of`) or a denial after it; or the line holds a strong contrast or a denial
//! and shares at least two words with a Message line of its phase or an
//! earlier one, which is then the promise.
//!
//! [`Promises`] keeps every line read (the Message lines, and the lines of
//! experience that may break one, with the promise each is linked to), so an
//! edit re-reads only the cell it changed: a Message edit in phase `m` can
//! only change the links of lines in `m` and later phases that share two
//! words with its old or new lines.

use std::collections::HashMap;

use super::read::{Read, first_of, read};
use super::{Grid, experience_rows, quoted, states};
use crate::checks::Finding;
use crate::journey::CellRef;

/// The Message lines of every phase and the lines of experience, read.
pub struct Promises {
    row: Option<usize>,
    /// The words of arriving in the journey's language.
    arrivals: &'static [&'static str],
    /// Each phase's stating Message lines, read, and whether each denies
    /// something (`no refuelling charge`).
    lines: Vec<Vec<(String, Read, bool)>>,
    /// The lines that speak of each concept, (phase, line) in grid order,
    /// so a line of experience is compared only with the lines it shares a word with.
    by_concept: HashMap<String, Vec<(usize, usize)>>,
    /// Each phase's lines of experience that matter here, by row (empty for
    /// the rows that tell no experience), in line order.
    said: Vec<Vec<Vec<Said>>>,
}

/// A line of experience that holds a broken promise itself, or may break
/// one made in a Message line.
enum Said {
    Own(Finding),
    Linked(Linked),
}

/// A line with a strong contrast or a denial (`why`, at tokens `why_at`),
/// and the Message line (phase, line) it breaks, if any.
struct Linked {
    line: String,
    said: Read,
    why: &'static str,
    why_at: std::ops::Range<usize>,
    /// Linked by a denial, not a contrast: a Message line that denies
    /// something too is no promise it breaks (`no fee` and `there was no fee` agree).
    by_denial: bool,
    to: Option<(usize, usize)>,
}

impl Promises {
    pub(in crate::checks) fn new(g: &Grid) -> Self {
        let rows = g.journey.rows().len();
        let mut promises = Self {
            row: g.message,
            arrivals: super::cues(g.lang).arrivals,
            lines: vec![Vec::new(); g.phases().len()],
            by_concept: HashMap::new(),
            said: g.phases().map(|_| (0..rows).map(|_| Vec::new()).collect()).collect(),
        };
        for p in g.phases() {
            promises.lines[p] = message_lines(g, p);
            promises.index(p);
        }
        for p in g.phases() {
            for r in experience_rows(g) {
                promises.read_cell(g, CellRef::new(p, r));
            }
        }
        promises
    }

    /// After phase `m`'s Message cell changed: read it again, and link again
    /// the lines of experience it can change. The phases whose links changed.
    pub(in crate::checks) fn message_changed(&mut self, g: &Grid, m: usize) -> Vec<usize> {
        let old = std::mem::replace(&mut self.lines[m], message_lines(g, m));
        for (_, read, _) in &old {
            for (concept, _) in &read.about {
                if let Some(at) = self.by_concept.get_mut(concept) {
                    at.retain(|(q, _)| *q != m);
                }
            }
        }
        self.index(m);
        let mut changed = Vec::new();
        for p in m..self.said.len() {
            let mut any = false;
            for i in 0..self.said[p].len() {
                for k in 0..self.said[p][i].len() {
                    let Said::Linked(l) = &self.said[p][i][k] else { continue };
                    // A nearer promise than `m` stays; else the first new line of `m` it breaks wins.
                    let to = match l.to {
                        Some((q, _)) if q > m => continue,
                        before => {
                            match self.lines[m].iter().position(|(_, r, denies)| breaks(r, *denies, l, self.arrivals)) {
                                Some(i) => Some((m, i)),
                                None if before.is_some_and(|(q, _)| q == m) => self.linked(p, l),
                                None => before,
                            }
                        }
                    };
                    if to != l.to || to.is_some_and(|(q, _)| q == m) {
                        any = true;
                    }
                    if let Said::Linked(l) = &mut self.said[p][i][k] {
                        l.to = to;
                    }
                }
            }
            if any {
                changed.push(p);
            }
        }
        changed
    }

    /// After a cell of experience changed: read it again (the Message
    /// lines are as they were). Any other cell holds no experience.
    pub(in crate::checks) fn cell_changed(&mut self, g: &Grid, at: CellRef) {
        if experience_rows(g).contains(&at.row) {
            self.read_cell(g, at);
        }
    }

    /// Index phase `p`'s Message lines by concept.
    fn index(&mut self, p: usize) {
        for (i, (_, read, _)) in self.lines[p].iter().enumerate() {
            for (concept, _) in &read.about {
                let at = self.by_concept.entry(concept.clone()).or_default();
                at.insert(at.partition_point(|x| *x < (p, i)), (p, i));
            }
        }
    }

    /// Read the lines of a cell of experience, and link them.
    fn read_cell(&mut self, g: &Grid, at: CellRef) {
        let cues = super::cues(g.lang);
        let (p, r) = (at.phase, at.row);
        let mut out = Vec::new();
        for line in g.text(p, r).lines().filter(|l| states(l)) {
            let said = read(line, cues, &g.stemmer);
            let promise = first_of(&said.toks, cues.promises);
            let strong = first_of(&said.toks, cues.strong_contrasts);
            let contrast = strong.clone().or_else(|| first_of(&said.toks, cues.weak_contrasts));
            let denial = said.negation(cues);
            let stops: Vec<_> = [&strong, &contrast, &denial].into_iter().flatten().map(|c| c.1.clone()).collect();
            if let Some((cue, at)) = promise.clone() {
                let denied_after = denial.as_ref().filter(|(_, d)| d.start >= at.end);
                // `chose WhatsApp instead of email`: a contrast in the clause of the choice is part of it.
                let in_choice = |c: &(&str, std::ops::Range<usize>)| {
                    c.1.start > at.start
                        && !said.break_between(at.start, c.1.start)
                        && cues.choice_contrasts.contains(&c.0)
                };
                let contrast = contrast.clone().filter(|c| !in_choice(c));
                if let Some((why, _)) = contrast.or(denied_after.cloned()) {
                    let message = format!(
                        "In {}, {} ({}) says a promise was broken: \"{}\" (\"{cue}\", then \"{why}\").",
                        g.quoted_phase(p),
                        quoted(line),
                        g.row_name(r),
                        said.clause(at.clone(), &stops),
                    );
                    let subject = said.clause(at, &stops);
                    out.push(Said::Own(Finding::in_phase("broken-promise", p, vec![r], message).about(vec![subject])));
                    continue;
                }
            }
            let by_denial = strong.is_none();
            let Some((why, why_at)) = strong.or(denial) else { continue };
            // A channel that failed and sent the customer on is a dead end, not a broken promise.
            if self.row.is_none() || said.sends_on(cues) || said.own_choice(cues) {
                continue;
            }
            let mut linked = Linked { line: line.to_owned(), said, why, why_at, by_denial, to: None };
            linked.to = self.linked(p, &linked);
            out.push(Said::Linked(linked));
        }
        self.said[p][r] = out;
    }

    /// The Message line a line of experience in phase `p` breaks: in `p` or
    /// the nearest earlier phase, the first it [`breaks`].
    fn linked(&self, p: usize, l: &Linked) -> Option<(usize, usize)> {
        let mut candidates: Vec<(usize, usize)> = Vec::new();
        for (concept, _) in &l.said.about {
            candidates.extend(self.by_concept.get(concept).into_iter().flatten().filter(|(q, _)| *q <= p));
        }
        // Nearest phase first, then the first line of that phase.
        candidates.sort_unstable_by_key(|&(q, i)| (p - q, i));
        candidates.dedup();
        candidates.into_iter().find(|&(q, i)| {
            let (_, read, denies) = &self.lines[q][i];
            breaks(read, *denies, l, self.arrivals)
        })
    }
}

/// Phase `p`'s stating Message lines, read, and whether each denies something.
fn message_lines(g: &Grid, p: usize) -> Vec<(String, Read, bool)> {
    let Some(row) = g.message else { return Vec::new() };
    let cues = super::cues(g.lang);
    g.text(p, row)
        .lines()
        .filter(|l| states(l))
        .map(|l| {
            let r = read(l, cues, &g.stemmer);
            let denies = r.negation(cues).is_some();
            (l.to_owned(), r, denies)
        })
        .collect()
}

/// True when a line of experience breaks this Message line: they share two
/// concepts or more, or the one word the clause of its denial or contrast is
/// about (`nooit een orderbevestiging gehad` against `#email
/// orderbevestiging: binnen 24 uur`); a line that denies breaks no Message
/// line that denies too.
fn breaks(message: &Read, denies: bool, l: &Linked, arrivals: &[&str]) -> bool {
    if denies && l.by_denial {
        return false;
    }
    let said = &l.said;
    let shared = |c: &String| said.shares(c, message);
    // What the denial or contrast is about, the word after it in its clause (else, or when
    // that word says something arrived, the one before it), must be one the Message line speaks
    // of: `never got a receipt at the shop` breaks no promise of an email sent from the shop.
    let in_clause = |k: &usize| !said.break_between(*k, l.why_at.start);
    let arrival = |w: &str| arrivals.iter().any(|a| super::read::word_matches(a, w));
    let after = (l.why_at.end..said.toks.len())
        .take_while(|k| in_clause(k))
        .find_map(|k| said.concept_at[k].map(|c| (&said.about[c], &said.at[c], k)))
        .filter(|(_, _, k)| said.word(*k).is_none_or(|w| !arrival(&w)))
        .map(|(c, at, _)| (c, at));
    let before = || said.about.iter().zip(&said.at).rev().find(|(_, k)| **k < l.why_at.start && in_clause(k));
    if after.or_else(before).is_some_and(|((c, _), _)| !shared(c)) {
        return false;
    }
    match said.about.iter().filter(|(c, _)| shared(c)).count() {
        0 => false,
        1 => {
            let mut in_clause = said
                .about
                .iter()
                .zip(&said.at)
                .filter(|((c, _), k)| !c.starts_with('~') && !said.break_between(**k, l.why_at.start));
            matches!((in_clause.next(), in_clause.next()), (Some(((c, _), _)), None) if shared(c))
        }
        _ => true,
    }
}

/// Phase `p`'s `broken-promise` findings, in row and line order.
pub(super) fn phase(g: &Grid, promises: &Promises, p: usize, out: &mut Vec<Finding>) {
    let Some(row) = promises.row else { return };
    for (r, lines) in promises.said[p].iter().enumerate() {
        for said in lines {
            let l = match said {
                Said::Own(f) => {
                    out.push(f.clone());
                    continue;
                }
                Said::Linked(l) => l,
            };
            let Some((q, i)) = l.to else { continue };
            let (kept, read, _) = &promises.lines[q][i];
            let message = format!(
                "In {}, {} ({}) says what {} promised in {} was not done (\"{}\"); both are about {}.",
                g.quoted_phase(p),
                quoted(&l.line),
                g.row_name(r),
                g.row_name(row),
                g.quoted_phase(q),
                l.why,
                read.shared(&l.said).join(", ")
            );
            let mut f = Finding::in_phase("broken-promise", p, vec![r, row], message)
                .about(vec![super::super::normal::content(kept).into_owned()]);
            f.cells = vec![CellRef::new(p, r), CellRef::new(q, row)];
            f.cells.sort_unstable_by_key(|c| (c.phase, c.row));
            f.cells.dedup();
            out.push(f);
        }
    }
}

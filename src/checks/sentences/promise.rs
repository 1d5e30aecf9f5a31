//! `broken-promise`: a line of experience says the organisation did not do
//! what was promised or chosen. Either the line itself holds the promise
//! (`promised`, `chose` …) and a contrast (`but`, `even though`, `instead
//! of`) or a denial after it; or the line holds a strong contrast or a denial
//! and shares at least two words with a Message line of its phase or an
//! earlier one, which is then the promise.

use std::collections::HashMap;

use super::read::{Read, first_of, read};
use super::{Grid, experience_rows, quoted, states};
use crate::checks::Finding;
use crate::journey::CellRef;

/// The Message lines of every phase, read: the promises a line may break.
pub struct Promises {
    row: Option<usize>,
    /// Each phase's stating Message lines that deny nothing.
    lines: Vec<Vec<(String, Read)>>,
    /// The lines that speak of each concept, (phase, line) in grid order,
    /// so a line of experience is compared only with the lines it shares a word with.
    by_concept: HashMap<String, Vec<(usize, usize)>>,
}

impl Promises {
    pub(in crate::checks) fn new(g: &Grid) -> Self {
        let row = g.message;
        let cues = super::cues(g.lang);
        let lines = g
            .phases()
            .map(|p| {
                let Some(row) = row else { return Vec::new() };
                g.text(p, row)
                    .lines()
                    .filter(|l| states(l))
                    .map(|l| (l.to_owned(), read(l, cues, &g.stemmer)))
                    .filter(|(_, r)| r.negation(cues).is_none())
                    .collect()
            })
            .collect::<Vec<Vec<(String, Read)>>>();
        let mut by_concept: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for (p, phase) in lines.iter().enumerate() {
            for (i, (_, read)) in phase.iter().enumerate() {
                for (concept, _) in &read.about {
                    by_concept.entry(concept.clone()).or_default().push((p, i));
                }
            }
        }
        Self { row, lines, by_concept }
    }
}

pub(super) fn phase(g: &Grid, promises: &Promises, p: usize, out: &mut Vec<Finding>) {
    let cues = super::cues(g.lang);
    for r in experience_rows(g) {
        for line in g.text(p, r).lines().filter(|l| states(l)) {
            let said = read(line, cues, &g.stemmer);
            let promise = first_of(&said.toks, cues.promises);
            let strong = first_of(&said.toks, cues.strong_contrasts);
            let contrast = strong.clone().or_else(|| first_of(&said.toks, cues.weak_contrasts));
            let denial = said.negation(cues);
            let stops: Vec<_> = [&strong, &contrast, &denial].into_iter().flatten().map(|c| c.1.clone()).collect();
            if let Some((cue, at)) = promise.clone() {
                let denied_after = denial.as_ref().filter(|(_, d)| d.start >= at.end);
                if let Some((why, _)) = contrast.clone().or(denied_after.cloned()) {
                    let message = format!(
                        "In {}, {} ({}) says a promise was broken: \"{}\" (\"{cue}\", then \"{why}\").",
                        g.quoted_phase(p),
                        quoted(line),
                        g.row_name(r),
                        said.clause(at.clone(), &stops),
                    );
                    let subject = said.clause(at, &stops);
                    out.push(Finding::in_phase("broken-promise", p, vec![r], message).about(vec![subject]));
                    continue;
                }
            }
            let Some((why, _)) = strong.or(denial) else { continue };
            let Some((q, kept, shared)) = linked(promises, p, &said) else { continue };
            let Some(row) = promises.row else { continue };
            let message = format!(
                "In {}, {} ({}) says what {} promised in {} was not done (\"{why}\"); both are about {}.",
                g.quoted_phase(p),
                quoted(line),
                g.row_name(r),
                g.row_name(row),
                g.quoted_phase(q),
                shared.join(", ")
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

/// The Message line the experience may break: in phase `p` or the nearest
/// earlier phase, the first that shares two words or more with it.
fn linked<'a>(promises: &'a Promises, p: usize, said: &Read) -> Option<(usize, &'a str, Vec<String>)> {
    let mut shares: HashMap<(usize, usize), usize> = HashMap::new();
    for (concept, _) in &said.about {
        for &at in promises.by_concept.get(concept).into_iter().flatten().filter(|(q, _)| *q <= p) {
            *shares.entry(at).or_default() += 1;
        }
    }
    // Nearest phase first, then the first line of that phase.
    let (q, i) = shares.into_iter().filter(|(_, n)| *n >= 2).map(|(at, _)| at).min_by_key(|&(q, i)| (p - q, i))?;
    let (line, read) = &promises.lines[q][i];
    Some((q, line, read.shared(said)))
}

//! The checks kept current change by change, for an editor that re-checks
//! after every keystroke: [`Checker`] gives exactly what [`super::review`]
//! and [`super::merge_conflicts`] give, but after a change to a few cells it
//! redoes only what those cells can change.
//!
//! What a cell in phase `p` can change: the presence, tag and merge-conflict
//! findings of `p`; the walls between `p - 1` and `p` and between `p` and
//! `p + 1`; in a Message cell, the topics of its old and new lines and the
//! `broken-promise` findings of the later phases that those lines can link
//! or unlink (the lines read stay read in [`Promises`]); and,
//! through the acceptances those findings use, which acceptances are stale.
//! Findings are sorted by phase first, so each phase's findings (a
//! "bucket") are replaced in place. Anything else (a new phase, a renamed
//! row, an acceptance, the first `@source` in the grid) checks everything.

use std::collections::{BTreeSet, HashMap};

use super::grid::Grid;
use super::index::Index;
use super::review::{stale, unsorted};
use super::sentences::{self, Promises};
use super::topics::Topics;
use super::waiting::Waiting;
use super::{Accepted, Finding, Review, conflicts, is_off, presence, tags, walls};
use crate::journey::{CellRef, Journey, Role};

/// The checks' results for a journey, and what it takes to keep them
/// current. It knows nothing until it has checked everything once.
#[derive(Default)]
pub struct Checker {
    known: Option<Known>,
}

impl std::fmt::Debug for Checker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Checker").field("known", &self.known.is_some()).finish()
    }
}

struct Known {
    /// Phases and rows when last checked.
    shape: (usize, usize),
    /// The merge conflicts of each phase (its name, then its cells).
    conflicts: Vec<Vec<Finding>>,
    /// The merge conflicts in the names of rows, the title and the persona.
    names: Vec<Finding>,
    /// Kept while a review is wanted (highlight mode).
    review: Option<Reviewed>,
}

/// What the review is made of, by phase.
struct Reviewed {
    index: Index,
    waiting: Waiting,
    topics: Topics,
    /// Each phase's presence and tag findings (those not switched off).
    cells: Vec<Vec<Finding>>,
    /// Each phase's wall findings with the next phase (not switched off).
    walls: Vec<Vec<Finding>>,
    /// The Message lines a line of experience may break.
    promises: Promises,
    /// Each phase's sentence findings that read only that phase (not switched off).
    sentences: Vec<Vec<Finding>>,
    /// Each phase's `broken-promise` findings (not switched off).
    promised: Vec<Vec<Finding>>,
    /// Each phase's findings' acceptances, once for every finding they name.
    used_by: Vec<Vec<usize>>,
    /// How many findings each acceptance names.
    uses: Vec<usize>,
    /// The acceptances whose `stale-acceptance` finding goes into each
    /// phase (`Finding::JOURNEY`: into none), in order.
    stale_in: HashMap<usize, Vec<usize>>,
}

impl Checker {
    pub fn new() -> Self {
        Self::default()
    }

    /// Check everything: the merge conflicts, and the review when one is wanted.
    pub fn recheck(&mut self, journey: &Journey, conflicts: &mut Vec<Finding>, review: Option<&mut Review>) {
        let none = Index::default();
        let g = Grid::around(journey, &none, &[], 0..0);
        let mut known = Known {
            shape: shape(journey),
            conflicts: g.phases().map(|p| found(|out| conflicts::phase(&g, p, out))).collect(),
            names: found(|out| conflicts::names(&g, out)),
            review: None,
        };
        if let Some(review) = review {
            let (reviewed, whole) = Reviewed::new(journey, &known);
            *review = whole;
            super::plan::refresh(journey, review);
            known.review = Some(reviewed);
        }
        *conflicts = known.all_conflicts();
        self.known = Some(known);
    }

    /// Bring the results up to date after changes that set the text of
    /// these cells and changed nothing else (else: use [`Checker::recheck`]).
    pub fn cells_changed(
        &mut self,
        journey: &Journey,
        cells: &[CellRef],
        conflicts: &mut Vec<Finding>,
        review: Option<&mut Review>,
    ) {
        let usable = self.known.as_ref().is_some_and(|k| {
            k.shape == shape(journey)
                && cells.iter().all(|&c| journey.contains(c))
                && (review.is_none() || k.review.is_some())
        });
        let Some(known) = self.known.as_mut().filter(|_| usable) else {
            return self.recheck(journey, conflicts, review);
        };
        let phases: BTreeSet<usize> = cells.iter().map(|c| c.phase).collect();
        let none = Index::default();
        let g = Grid::around(journey, &none, &[], 0..0);
        for &p in &phases {
            known.conflicts[p] = found(|out| conflicts::phase(&g, p, out));
        }
        *conflicts = known.all_conflicts();
        let Some(review) = review else {
            known.review = None;
            return;
        };
        let Some(mut reviewed) = known.review.take() else { return };
        if reviewed.waiting.note(journey, cells) {
            reviewed.update(journey, known, cells, &phases, review);
            known.review = Some(reviewed);
        } else {
            let (reviewed, whole) = Reviewed::new(journey, known);
            *review = whole;
            known.review = Some(reviewed);
        }
        super::plan::refresh(journey, review);
    }
}

fn shape(journey: &Journey) -> (usize, usize) {
    (journey.phase_count(), journey.row_count())
}

/// The findings a check pushes.
fn found(check: impl FnOnce(&mut Vec<Finding>)) -> Vec<Finding> {
    let mut out = Vec::new();
    check(&mut out);
    out
}

impl Known {
    /// The merge conflicts as [`super::merge_conflicts`] gives them.
    fn all_conflicts(&self) -> Vec<Finding> {
        self.conflicts.iter().flatten().chain(&self.names).cloned().collect()
    }
}

impl Reviewed {
    /// Check everything; the review as [`super::review`] gives it.
    fn new(journey: &Journey, known: &Known) -> (Self, Review) {
        let index = Index::new(journey, &journey.accepted);
        let waiting = Waiting::new(journey);
        let n = journey.phase_count();
        let g = Grid::around(journey, &index, &waiting.rows, 0..n);
        let on = |f: &Finding| !is_off(journey, f.id);
        let cells = (0..n)
            .map(|p| {
                let mut out = found(|out| presence::phase(&g, p, out));
                tags::phase(&g, p, &mut out);
                out.retain(on);
                out
            })
            .collect();
        // All walls at once: a clause that recurs is read once.
        let mut walls = vec![Vec::new(); n];
        for f in found(|out| walls::run(&g, out)).into_iter().filter(on) {
            walls[f.phase].push(f);
        }
        let promises = Promises::new(&g);
        let sentences = (0..n).map(|p| on_only(&g, found(|out| sentences::local(&g, p, out)))).collect();
        let promised = (0..n).map(|p| on_only(&g, found(|out| sentences::promised(&g, &promises, p, out)))).collect();
        let mut stale_in: HashMap<usize, Vec<usize>> = HashMap::new();
        for (i, a) in journey.accepted.iter().enumerate() {
            stale_in.entry(journey.phase_index(&a.phase).unwrap_or(Finding::JOURNEY)).or_default().push(i);
        }
        let mut reviewed = Self {
            topics: Topics::new(&g),
            index,
            waiting,
            cells,
            walls,
            promises,
            sentences,
            promised,
            used_by: vec![Vec::new(); n],
            uses: vec![0; journey.accepted.len()],
            stale_in,
        };
        let mut parts = Vec::with_capacity(n);
        for q in 0..n {
            let (open, accepted, used) = reviewed.split(journey, known, q);
            for &i in &used {
                reviewed.uses[i] += 1;
            }
            reviewed.used_by[q] = used;
            parts.push((open, accepted));
        }
        let mut review = Review { stale: reviewed.stale(journey), ..Review::default() };
        for (q, (open, accepted)) in parts.into_iter().enumerate() {
            review.open.extend(reviewed.with_stale(journey, open, q));
            review.accepted.extend(accepted);
        }
        review.open.extend(reviewed.with_stale(journey, Vec::new(), Finding::JOURNEY));
        (reviewed, review)
    }

    /// After the cells changed: redo what they can change, and replace the
    /// findings of the phases whose findings changed.
    fn update(
        &mut self,
        journey: &Journey,
        known: &Known,
        cells: &[CellRef],
        phases: &BTreeSet<usize>,
        review: &mut Review,
    ) {
        let n = journey.phase_count();
        let lo = phases.first().map_or(0, |p| p.saturating_sub(1));
        let hi = phases.last().map_or(0, |p| p + 2).min(n);
        let message = journey.row_with_role(Role::Message);
        let mut buckets: BTreeSet<usize> = BTreeSet::new();
        {
            let g = Grid::around(journey, &self.index, &self.waiting.rows, lo..hi);
            let on = |f: &Finding| !is_off(journey, f.id);
            for &p in phases {
                let mut out = found(|out| presence::phase(&g, p, out));
                tags::phase(&g, p, &mut out);
                out.retain(on);
                self.cells[p] = out;
                buckets.insert(p);
                if cells.iter().any(|c| c.phase == p && Some(c.row) == message) {
                    buckets.extend(self.topics.phase_changed(&g, p));
                }
            }
            // A Message line may be a promise broken in its phase or a later one:
            // the promises say which phases' links changed.
            let mut promised: BTreeSet<usize> = BTreeSet::new();
            for &c in cells.iter().filter(|c| Some(c.row) == message) {
                promised.extend(self.promises.message_changed(&g, c.phase));
            }
            for &c in cells {
                self.promises.cell_changed(&g, c);
            }
            for &p in phases {
                self.sentences[p] = on_only(&g, found(|out| sentences::local(&g, p, out)));
                promised.insert(p);
            }
            for p in promised {
                let now = on_only(&g, found(|out| sentences::promised(&g, &self.promises, p, out)));
                if now != self.promised[p] {
                    self.promised[p] = now;
                    buckets.insert(p);
                }
            }
            // The walls on either side of each phase whose channels, owners or systems changed.
            let walled = [Role::Touchpoints, Role::Organization, Role::Systems].map(|r| journey.row_with_role(r));
            let walls_of = cells.iter().filter(|c| walled.contains(&Some(c.row))).map(|c| c.phase);
            let froms: BTreeSet<usize> = walls_of.flat_map(|p| [p.checked_sub(1), Some(p)]).flatten().collect();
            let froms: Vec<usize> = froms.into_iter().filter(|&w| w + 1 < n).collect();
            for (&w, mut out) in froms.iter().zip(walls::pairs(&g, &froms)) {
                out.retain(on);
                self.walls[w] = out;
                buckets.insert(w);
            }
        }
        let was_stale = self.stale(journey);
        let mut parts = HashMap::new();
        for &q in &buckets {
            let (open, accepted, used) = self.split(journey, known, q);
            for &i in &self.used_by[q] {
                self.uses[i] -= 1;
            }
            for &i in &used {
                self.uses[i] += 1;
            }
            self.used_by[q] = used;
            parts.insert(q, (open, accepted));
        }
        let now_stale = self.stale(journey);
        // A phase whose acceptances became stale or used again shows other stale-acceptance findings.
        let flipped = was_stale.iter().chain(&now_stale).filter(|i| was_stale.contains(i) != now_stale.contains(i));
        let mut replaced = buckets.clone();
        replaced.extend(flipped.map(|&i| journey.phase_index(&journey.accepted[i].phase).unwrap_or(Finding::JOURNEY)));
        for q in replaced {
            let range = bucket(&review.open, |f| f.phase, q);
            let open = match parts.remove(&q) {
                Some((open, accepted)) => {
                    let at = bucket(&review.accepted, |a| a.finding.phase, q);
                    review.accepted.splice(at, accepted);
                    open
                }
                // Only its stale-acceptance findings change (those about the
                // journey as a whole come again with the unsorted notes).
                None => review.open[range.clone()]
                    .iter()
                    .filter(|f| !matches!(f.id, "stale-acceptance" | "unsorted-notes"))
                    .cloned()
                    .collect(),
            };
            review.open.splice(range, self.with_stale(journey, open, q));
        }
        review.stale = now_stale;
    }

    /// The findings of phase `q` in check order, split into open and
    /// accepted, and the acceptances they use.
    fn split(&self, journey: &Journey, known: &Known, q: usize) -> (Vec<Finding>, Vec<Accepted>, Vec<usize>) {
        let mut all = self.cells[q].clone();
        all.extend(self.topics.first_in(q));
        all.extend(self.walls[q].iter().cloned());
        all.extend(self.sentences[q].iter().cloned());
        all.extend(self.promised[q].iter().cloned());
        all.extend(known.conflicts[q].iter().cloned());
        if q == 0 {
            all.extend(known.names.iter().cloned());
        }
        all.sort_by_key(Finding::order);
        let (mut open, mut accepted, mut used) = (Vec::new(), Vec::new(), Vec::new());
        for finding in all {
            let naming = self.index.naming(journey, &finding);
            used.extend(&naming);
            match naming.first() {
                Some(&acceptance) => accepted.push(Accepted { finding, acceptance }),
                None => open.push(finding),
            }
        }
        (open, accepted, used)
    }

    /// The acceptances that name no finding (of a check that is on), in order.
    fn stale(&self, journey: &Journey) -> Vec<usize> {
        let a = &journey.accepted;
        (0..a.len()).filter(|&i| self.uses[i] == 0 && !is_off(journey, &a[i].check)).collect()
    }

    /// Phase `q`'s open findings with its stale-acceptance findings (and,
    /// for the journey as a whole, the unsorted notes), in check order.
    fn with_stale(&self, journey: &Journey, mut open: Vec<Finding>, q: usize) -> Vec<Finding> {
        if !is_off(journey, "stale-acceptance") {
            let g = Grid::around(journey, &self.index, &[], 0..0);
            let mine = self.stale_in.get(&q).into_iter().flatten();
            let stale = mine.filter(|&&i| self.uses[i] == 0 && !is_off(journey, &journey.accepted[i].check));
            open.extend(stale.map(|&i| self::stale(&g, &journey.accepted[i])));
        }
        if q == Finding::JOURNEY && !journey.inbox.is_empty() && !is_off(journey, "unsorted-notes") {
            open.push(unsorted(journey.inbox.len()));
        }
        open.sort_by_key(Finding::order);
        open
    }
}

/// The findings of checks that are on.
fn on_only(g: &Grid, mut found: Vec<Finding>) -> Vec<Finding> {
    found.retain(|f| !is_off(g.journey, f.id));
    found
}

/// Where the items of phase `q` are in a list sorted by phase.
fn bucket<T>(items: &[T], phase: impl Fn(&T) -> usize, q: usize) -> std::ops::Range<usize> {
    items.partition_point(|i| phase(i) < q)..items.partition_point(|i| phase(i) <= q)
}

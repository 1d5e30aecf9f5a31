//! Accepted findings (`[[accepted]]`): which findings the journey accepts,
//! which acceptances have gone stale, and the acceptances a user can make.
//!
//! An acceptance names its finding by the check id, the phase name, the row
//! names and the subject (tag or topic); never by position, so it survives
//! moving phases and rows. Names compare exactly (a renamed phase or row
//! makes the acceptance stale); row names compare as a set; a tag subject
//! compares without `#` and case (`#Search` is `search`), a topic by
//! [`normal::key`] (`Switching time` is `switch time`).

use std::collections::HashMap;

use super::tags::same;
use super::{Counts, Finding, Grid, JOURNEY_IDS, Severity, TAG_CHECKS, is_off, normal, run, sort, summary};
use crate::journey::{Acceptance, CellRef, Journey};

/// The checks as a user sees them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Review {
    /// The findings no acceptance names, with the findings about the journey
    /// as a whole (`stale-acceptance`, `unsorted-notes`), in check order.
    /// These are marked, counted and reported.
    pub open: Vec<Finding>,
    /// The findings an acceptance names, in check order.
    pub accepted: Vec<Accepted>,
    /// The indices (in `journey.accepted`) of the acceptances that name no
    /// finding; each has a `stale-acceptance` finding in `open` unless that
    /// check is switched off. Acceptances of a switched-off check are neither
    /// stale nor used.
    pub stale: Vec<usize>,
}

/// A finding and the acceptance that names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accepted {
    pub finding: Finding,
    /// Its index in `journey.accepted` (the first one that names it).
    pub acceptance: usize,
}

impl Review {
    /// The open findings by severity.
    pub fn counts(&self) -> Counts {
        summary(&self.open)
    }

    /// `1 gap · 3 warnings · 2 accepted`: the open findings in words, then
    /// how many findings are accepted (left out when none are).
    pub fn to_words(&self) -> String {
        let open = self.counts().to_words();
        match self.accepted.len() {
            0 => open,
            n => format!("{open} · {n} accepted"),
        }
    }
}

/// Run every check and sort the findings by the journey's acceptances.
pub fn review(journey: &Journey) -> Review {
    let grid = Grid::new(journey, &journey.accepted);
    let findings = run(&grid);
    let mut used = vec![false; journey.accepted.len()];
    let mut review = Review::default();
    for finding in findings {
        let naming = grid.acceptances.naming(&grid, &finding);
        for &i in &naming {
            used[i] = true;
        }
        match naming.first() {
            Some(&acceptance) => review.accepted.push(Accepted { finding, acceptance }),
            None => review.open.push(finding),
        }
    }
    for (i, a) in journey.accepted.iter().enumerate() {
        if !used[i] && !is_off(journey, &a.check) {
            review.stale.push(i);
            if !is_off(journey, "stale-acceptance") {
                review.open.push(stale(&grid, a));
            }
        }
    }
    if !journey.inbox.is_empty() && !is_off(journey, "unsorted-notes") {
        review.open.push(unsorted(journey.inbox.len()));
    }
    sort(&mut review.open);
    review
}

/// A journey's acceptances by check and phase name, so that thousands of
/// findings are matched against only the few acceptances that could name them.
pub(super) struct Index<'a> {
    all: &'a [Acceptance],
    by_place: HashMap<(&'a str, &'a str), Vec<usize>>,
}

impl<'a> Index<'a> {
    pub fn new(all: &'a [Acceptance]) -> Self {
        let mut by_place: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
        for (i, a) in all.iter().enumerate() {
            by_place.entry((a.check.as_str(), a.phase.as_str())).or_default().push(i);
        }
        Self { all, by_place }
    }

    /// The indices of the acceptances that name a finding of check `id`
    /// about one of `phases`, these rows and this subject, in file order.
    pub fn matching(&self, g: &Grid, id: &str, phases: &[usize], rows: &[usize], subject: Option<&str>) -> Vec<usize> {
        if self.all.is_empty() {
            return Vec::new();
        }
        let mut out: Vec<usize> = phases
            .iter()
            .filter_map(|&p| self.by_place.get(&(id, g.phase_name(p))))
            .flatten()
            .copied()
            .filter(|&i| names(g, &self.all[i], rows, subject))
            .collect();
        out.sort_unstable();
        out
    }

    /// The acceptances that name this finding (none for a finding about
    /// several subjects: those are accepted one subject at a time).
    fn naming(&self, g: &Grid, f: &Finding) -> Vec<usize> {
        let subject = match f.subjects.as_slice() {
            [] => None,
            [one] => Some(one.as_str()),
            _ => return Vec::new(),
        };
        self.matching(g, f.id, &f.phases(), &f.rows, subject)
    }
}

/// True when the acceptance (already known to name the finding's check and
/// phase) names these rows and this subject.
fn names(g: &Grid, a: &Acceptance, rows: &[usize], subject: Option<&str>) -> bool {
    if a.rows.len() != rows.len() {
        return false;
    }
    let mut wanted: Vec<&str> = a.rows.iter().map(String::as_str).collect();
    let mut found: Vec<&str> = rows.iter().map(|&r| g.row_name(r)).collect();
    wanted.sort_unstable();
    found.sort_unstable();
    if wanted != found {
        return false;
    }
    match (a.subject.as_deref().filter(|s| !s.trim().is_empty()), subject) {
        (None, None) => true,
        (Some(x), Some(y)) if TAG_CHECKS.contains(&a.check.as_str()) => {
            same(x.trim().trim_start_matches('#'), y.trim_start_matches('#'))
        }
        (Some(x), Some(y)) => normal::key(x, &g.stemmer) == normal::key(y, &g.stemmer),
        _ => false,
    }
}

/// The subject as people read it: `#search` for a tag, `"switch time"` for a topic.
fn subject_words(check: &str, subject: &str) -> String {
    if TAG_CHECKS.contains(&check) { format!("#{}", subject.trim_start_matches('#')) } else { format!("\"{subject}\"") }
}

/// `channel-without-owner #search in "Orientation" (Touchpoints, Organization)`:
/// an acceptance in words, without its reason.
pub fn describe(a: &Acceptance) -> String {
    let subject = a.subject.as_deref().filter(|s| !s.trim().is_empty());
    let subject = subject.map(|s| format!(" {}", subject_words(&a.check, s))).unwrap_or_default();
    let rows = if a.rows.is_empty() { String::new() } else { format!(" ({})", a.rows.join(", ")) };
    format!("{}{subject} in \"{}\"{rows}", a.check, a.phase)
}

fn stale(g: &Grid, a: &Acceptance) -> Finding {
    let phase = g.journey.phase_index(&a.phase);
    let mut rows: Vec<usize> = a.rows.iter().filter_map(|r| g.journey.row_index(r)).collect();
    rows.sort_unstable();
    rows.dedup();
    let cells = phase.map_or_else(Vec::new, |p| rows.iter().map(|&r| CellRef::new(p, r)).collect());
    let reason = if a.reason.trim().is_empty() { String::new() } else { format!(" (\"{}\")", a.reason.trim()) };
    let message = format!(
        "The accepted {}{reason} no longer occurs: remove the acceptance, or accept the finding again if a name changed.",
        describe(a)
    );
    Finding {
        id: "stale-acceptance",
        severity: Severity::Info,
        phase: phase.unwrap_or(Finding::JOURNEY),
        rows,
        cells,
        message,
        subjects: Vec::new(),
    }
}

fn unsorted(notes: usize) -> Finding {
    let message = match notes {
        1 => "The inbox holds 1 note that is not sorted into a cell yet.".to_owned(),
        n => format!("The inbox holds {n} notes that are not sorted into a cell yet."),
    };
    Finding {
        id: "unsorted-notes",
        severity: Severity::Info,
        phase: Finding::JOURNEY,
        rows: Vec::new(),
        cells: Vec::new(),
        message,
        subjects: Vec::new(),
    }
}

/// The acceptances that would accept this finding, reason empty: one per
/// subject (a finding about several tags is accepted tag by tag), or one
/// without a subject. None for the findings about the journey as a whole,
/// which are resolved, not accepted.
pub fn acceptances_for(journey: &Journey, finding: &Finding) -> Vec<Acceptance> {
    let Some(phase) = journey.phases().get(finding.phase) else { return Vec::new() };
    if JOURNEY_IDS.contains(&finding.id) {
        return Vec::new();
    }
    let rows: Vec<String> = finding.rows.iter().filter_map(|&r| journey.rows().get(r).cloned()).collect();
    let acceptance = |subject: Option<&String>| Acceptance {
        check: finding.id.to_owned(),
        phase: phase.name.clone(),
        rows: rows.clone(),
        subject: subject.cloned(),
        reason: String::new(),
    };
    if finding.subjects.is_empty() {
        return vec![acceptance(None)];
    }
    finding.subjects.iter().map(|s| acceptance(Some(s))).collect()
}

/// One choice for accepting a finding at a cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The acceptance to add (fill in `reason`).
    pub acceptance: Acceptance,
    /// Short, for a pick list: `channel-without-owner #search`.
    pub label: String,
    /// The finding's sentence.
    pub message: String,
}

/// The choices for accepting the findings that mark a cell, in finding
/// order. Pass the open findings ([`Review::open`]).
pub fn candidates(journey: &Journey, findings: &[Finding], at: CellRef) -> Vec<Candidate> {
    let mut out = Vec::new();
    for f in findings.iter().filter(|f| f.marks(at)) {
        for acceptance in acceptances_for(journey, f) {
            let subject = acceptance.subject.as_deref().map(|s| format!(" {}", subject_words(f.id, s)));
            let label = format!("{}{}", f.id, subject.unwrap_or_default());
            out.push(Candidate { acceptance, label, message: f.message.clone() });
        }
    }
    out
}

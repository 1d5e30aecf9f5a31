//! Accepted findings (`[[accepted]]`): which findings the journey accepts,
//! which acceptances have gone stale, and the acceptances a user can make.
//!
//! An acceptance names its finding by the check id, the phase name and the
//! subject (tag, topic or words); never by position, so it survives moving
//! phases and rows. Its row names are a hint (written for people reading
//! the file), except for `empty-cell`, whose row is what it is about. Names
//! compare exactly (a renamed phase makes the acceptance stale); row names
//! compare as a set; a tag subject
//! compares without `#` and case (`#Search` is `search`), a topic by
//! [`super::normal::key`] (`Switching time` is `switch time`); see [`super::index`].

use super::{Counts, Finding, Grid, JOURNEY_IDS, Severity, TAG_CHECKS, is_off, run, sort, summary};
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
        let naming = grid.acceptances.naming(journey, &finding);
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
    super::plan::refresh(journey, &mut review);
    review
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

pub(super) fn stale(g: &Grid, a: &Acceptance) -> Finding {
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

pub(super) fn unsorted(notes: usize) -> Finding {
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
/// which are resolved, not accepted, and for merge conflicts (`:take`).
pub fn acceptances_for(journey: &Journey, finding: &Finding) -> Vec<Acceptance> {
    let Some(phase) = journey.phases().get(finding.phase) else { return Vec::new() };
    if JOURNEY_IDS.contains(&finding.id) || finding.id == "merge-conflict" {
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

/// The reason of an earlier acceptance of the same finding (same check and
/// subject, the same phase first), to offer when it is accepted again.
pub fn old_reason(journey: &Journey, a: &Acceptance) -> Option<String> {
    let key =
        |s: &Option<String>| s.as_deref().map(|s| super::normal::key(s, &super::normal::stemmer(journey.language())));
    let same =
        |b: &&Acceptance| b.check == a.check && key(&b.subject) == key(&a.subject) && !b.reason.trim().is_empty();
    let mut earlier = journey.accepted.iter().rev();
    let in_phase = earlier.clone().filter(same).find(|b| b.phase == a.phase);
    in_phase.or_else(|| earlier.find(same)).map(|b| b.reason.clone())
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

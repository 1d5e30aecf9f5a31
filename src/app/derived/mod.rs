//! What is derived from the journey and kept current after every change, in
//! one place: the merge conflicts (always marked), highlight mode's review and
//! mark counts, and the evidence view. `note` records what each change
//! touched; `refresh` brings everything up to date, redoing only what the
//! touched cells can change when only cells' text changed.

mod touched;

use crate::checks::{self, Checker, Finding, Review};
use crate::insights::{Evidence, MarkCounts};
use crate::journey::{Change, Journey};
use touched::Touched;

#[derive(Debug)]
pub struct Derived {
    /// The merge conflicts in the journey: marked whether highlight mode is on or not.
    conflicts: Vec<Finding>,
    /// Highlight mode: `Some` with the checks' review of the journey (its
    /// open findings marked and explained, the accepted ones counted).
    review: Option<Review>,
    /// In highlight mode, how many lines carry each mark.
    marks: Option<MarkCounts>,
    /// The evidence view (`E`): the sources of every cell.
    evidence: Option<Evidence>,
    /// Keeps `conflicts` and `review` current, checking only what a cell
    /// edit can change; `touched` says what changed since it last ran.
    checker: Checker,
    touched: Touched,
}

impl Derived {
    /// Nothing on but the merge conflicts, found in `journey`.
    pub fn new(journey: &Journey) -> Self {
        Self {
            conflicts: checks::merge_conflicts(journey),
            review: None,
            marks: None,
            evidence: None,
            checker: Checker::new(),
            touched: Touched::Anything,
        }
    }

    pub fn conflicts(&self) -> &[Finding] {
        &self.conflicts
    }
    pub fn review(&self) -> &Option<Review> {
        &self.review
    }
    pub fn marks(&self) -> &Option<MarkCounts> {
        &self.marks
    }
    pub fn evidence(&self) -> &Option<Evidence> {
        &self.evidence
    }

    /// Note a change that is being applied (or undone, or redone).
    pub fn note(&mut self, change: &Change) {
        self.touched.note(change);
    }

    /// Highlight mode's switch: on (everything is checked at the next
    /// refresh) or off; says whether it was on.
    pub fn set_highlight(&mut self, on: bool) -> bool {
        let was = self.review.is_some();
        if on {
            self.review = Some(Review::default());
            self.marks = Some(MarkCounts::default());
            self.touched = Touched::Anything;
        } else {
            self.review = None;
            self.marks = None;
        }
        was
    }

    /// The evidence view's switch: on (computed now) or off.
    pub fn set_evidence(&mut self, journey: &Journey, on: bool) -> Option<&Evidence> {
        self.evidence = on.then(|| Evidence::of(journey));
        self.evidence.as_ref()
    }

    /// Check everything again at the next refresh (after the journey changed
    /// other than by a noted change).
    pub fn touch_all(&mut self) {
        self.touched = Touched::Anything;
    }

    /// Bring everything up to date with `journey`. Nothing to do when no
    /// change went through since the last refresh.
    pub fn refresh(&mut self, journey: &Journey) {
        match std::mem::take(&mut self.touched) {
            Touched::Nothing => {}
            Touched::Cells(cells) => {
                self.checker.cells_changed(journey, &cells, &mut self.conflicts, self.review.as_mut());
                if let Some(marks) = &mut self.marks {
                    marks.cells_changed(journey, &cells);
                }
                if let Some(evidence) = &mut self.evidence {
                    evidence.cells_changed(journey, &cells);
                }
            }
            Touched::Anything => {
                self.checker.recheck(journey, &mut self.conflicts, self.review.as_mut());
                if let Some(marks) = &mut self.marks {
                    *marks = MarkCounts::of(journey);
                }
                if let Some(evidence) = &mut self.evidence {
                    *evidence = Evidence::of(journey);
                }
            }
        }
    }
}

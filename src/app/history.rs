//! Undo and redo over `Change` values, without a depth limit, and the
//! "modified" flag: the journey is unmodified when the history stands where
//! it stood at the last save.

use crate::journey::{CellRef, Change, ChangeError, Journey};

#[derive(Debug, Clone, PartialEq, Eq)]
struct Step {
    id: u64,
    /// The change as applied (for redo).
    forward: Change,
    /// The change that undoes it.
    inverse: Change,
    /// An abandoned edit: undoing it brings back the text as typed.
    abandoned: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    next_id: u64,
    /// The step id at the top of the undo stack when last saved (0: none).
    saved_at: Option<u64>,
}

impl History {
    /// A history for a journey as it is on disk.
    pub fn saved() -> Self {
        Self { saved_at: Some(0), ..Self::default() }
    }

    /// A history for a journey that is not on disk yet.
    pub fn unsaved() -> Self {
        Self::default()
    }

    /// Identifies the journey's state: equal revisions mean equal journeys.
    pub fn revision(&self) -> u64 {
        self.position()
    }

    fn position(&self) -> u64 {
        self.undo.last().map_or(0, |s| s.id)
    }

    /// Apply a change and record it. Returns the changed position's focus hint via the change.
    pub fn apply(&mut self, journey: &mut Journey, change: Change) -> Result<(), ChangeError> {
        let inverse = change.clone().apply(journey)?;
        if inverse == change {
            // Nothing changed (for example the same text again): no undo step.
            return Ok(());
        }
        self.next_id += 1;
        self.undo.push(Step { id: self.next_id, forward: change, inverse, abandoned: false });
        self.redo.clear();
        Ok(())
    }

    /// Record an edit that was abandoned: the journey stays as it is, but one
    /// undo brings back the text as it was typed (and redo abandons it again).
    /// If the journey was unmodified, it stays unmodified.
    pub fn record_abandoned(&mut self, at: CellRef, original: String, typed: String) {
        let unmodified = !self.is_modified();
        self.next_id += 1;
        let forward = Change::SetCell { at, text: original };
        let inverse = Change::SetCell { at, text: typed };
        self.undo.push(Step { id: self.next_id, forward, inverse, abandoned: true });
        self.redo.clear();
        if unmodified {
            self.saved_at = Some(self.next_id);
        }
    }

    /// The edit abandoned last, while it is still the step `u` undoes: its
    /// cell and the text as typed.
    pub fn abandoned(&self) -> Option<(CellRef, &str)> {
        match self.undo.last()? {
            Step { abandoned: true, inverse: Change::SetCell { at, text }, .. } => Some((*at, text)),
            _ => None,
        }
    }

    /// Undo the last change; returns the change that was applied to undo it.
    pub fn undo(&mut self, journey: &mut Journey) -> Option<Change> {
        let step = self.undo.pop()?;
        // Inverses of applied changes always apply.
        let applied = step.inverse.clone();
        if applied.clone().apply(journey).is_err() {
            self.undo.push(step);
            return None;
        }
        self.redo.push(step);
        Some(applied)
    }

    /// Redo the last undone change; returns the change applied.
    pub fn redo(&mut self, journey: &mut Journey) -> Option<Change> {
        let step = self.redo.pop()?;
        let applied = step.forward.clone();
        if applied.clone().apply(journey).is_err() {
            self.redo.push(step);
            return None;
        }
        self.undo.push(step);
        Some(applied)
    }

    /// True while the step `id` is applied: it is on the undo stack.
    pub fn is_applied(&self, id: u64) -> bool {
        self.undo.iter().any(|s| s.id == id)
    }

    /// Put a change on the redo stack, as if it had been made and undone:
    /// `forward` is what redo applies, `inverse` what undoes it again. The
    /// journey is not touched. Returns the step's id.
    pub fn record_undone(&mut self, forward: Change, inverse: Change) -> u64 {
        self.next_id += 1;
        self.redo.push(Step { id: self.next_id, forward, inverse, abandoned: false });
        self.next_id
    }

    pub fn mark_saved(&mut self) {
        self.saved_at = Some(self.position());
    }

    /// True when the journey differs from what was last saved (or was never saved).
    pub fn is_modified(&self) -> bool {
        self.saved_at != Some(self.position())
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_abandoned_edit_is_one_undo_away_and_leaves_the_journey_unmodified() {
        let mut j = Journey::default();
        let mut h = History::saved();
        h.record_abandoned(CellRef::new(0, 0), String::new(), "a long note".into());
        assert_eq!(j, Journey::default());
        assert!(!h.is_modified());
        assert_eq!(h.abandoned(), Some((CellRef::new(0, 0), "a long note")));
        h.undo(&mut j);
        assert_eq!(j.cell(CellRef::new(0, 0)), "a long note");
        assert!(h.is_modified());
        h.redo(&mut j);
        assert_eq!(j, Journey::default());
        assert!(!h.is_modified());
    }

    fn set(p: usize, text: &str) -> Change {
        Change::SetCell { at: CellRef::new(p, 0), text: text.into() }
    }

    #[test]
    fn undo_back_to_the_saved_state_clears_modified() {
        let mut j = Journey::default();
        let mut h = History::saved();
        assert!(!h.is_modified());
        h.apply(&mut j, set(0, "a")).unwrap();
        h.apply(&mut j, set(1, "b")).unwrap();
        assert!(h.is_modified());
        h.undo(&mut j);
        h.undo(&mut j);
        assert!(!h.is_modified());
        assert_eq!(j, Journey::default());
        h.redo(&mut j);
        h.redo(&mut j);
        assert_eq!(j.cell(CellRef::new(1, 0)), "b");
    }

    #[test]
    fn a_new_change_after_undo_drops_the_redo_branch() {
        let mut j = Journey::default();
        let mut h = History::saved();
        h.apply(&mut j, set(0, "a")).unwrap();
        h.mark_saved();
        h.undo(&mut j);
        assert!(h.is_modified());
        h.apply(&mut j, set(0, "c")).unwrap();
        assert!(!h.can_redo());
        assert!(h.is_modified(), "a different branch is not the saved state");
    }

    #[test]
    fn a_change_that_changes_nothing_is_not_recorded() {
        let mut j = Journey::default();
        let mut h = History::saved();
        h.apply(&mut j, set(0, "")).unwrap();
        assert!(!h.can_undo());
        assert!(!h.is_modified());
    }

    proptest::proptest! {
        /// Any sequence of changes through the history, undone fully, gives
        /// the original journey back; redone fully, the final one.
        #[test]
        fn undo_all_then_redo_all(changes in proptest::collection::vec(crate::journey::change_strategy(), 0..40)) {
            let original = crate::journey::change_sample();
            let mut j = original.clone();
            let mut h = History::saved();
            for c in changes {
                let _ = h.apply(&mut j, c);
            }
            let last = j.clone();
            while h.undo(&mut j).is_some() {}
            proptest::prop_assert_eq!(&j, &original);
            proptest::prop_assert!(!h.is_modified());
            while h.redo(&mut j).is_some() {}
            proptest::prop_assert_eq!(&j, &last);
        }
    }
}

//! A read-only view of a journey for the checks: the rows of each role, the
//! language, external channels and acceptances, each looked up once.
//!
//! [`Grid::new`] looks at the whole journey; [`Grid::around`] is the view
//! [`super::Checker`] re-checks a few phases with, given what it keeps
//! between runs (the acceptances' index and the rows that wait).

use std::borrow::Cow;
use std::ops::Range;

use rust_stemmers::Stemmer;

use super::index::Index;
use super::{channel_tags, normal};
use crate::journey::{Acceptance, CellRef, Journey, Language, Role, source_spans};

pub(super) struct Grid<'a> {
    pub journey: &'a Journey,
    pub lang: Language,
    pub stemmer: Stemmer,
    pub need: Option<usize>,
    pub touchpoints: Option<usize>,
    pub message: Option<usize>,
    pub organization: Option<usize>,
    pub systems: Option<usize>,
    /// Acceptances whose tags a tag check reports on their own (none for
    /// [`super::check`], the journey's for [`super::review`]).
    pub acceptances: Cow<'a, Index>,
    /// The distinct tags of each phase's Touchpoints cell, as first written
    /// (empty without a Touchpoints row), for the phases `channels_from..`.
    channels: Vec<Vec<&'a str>>,
    channels_from: usize,
    /// The Organization and Systems rows that wait for the organisation's
    /// side (see [`Grid::waits`]).
    waiting: Vec<usize>,
}

impl<'a> Grid<'a> {
    pub fn new(journey: &'a Journey, accepted: &'a [Acceptance]) -> Self {
        let mut grid = Self::bare(journey, Cow::Owned(Index::new(journey, accepted)));
        grid.read_channels(grid.phases());
        grid.waiting = grid.find_waiting();
        grid
    }

    /// The grid for checking only the phases `phases` (their channels are
    /// read, no others), with an index and the waiting rows known already.
    pub fn around(journey: &'a Journey, acceptances: &'a Index, waiting: &[usize], phases: Range<usize>) -> Self {
        let mut grid = Self::bare(journey, Cow::Borrowed(acceptances));
        grid.read_channels(phases.start..phases.end.min(journey.phases().len()));
        grid.waiting = waiting.to_vec();
        grid
    }

    fn bare(journey: &'a Journey, acceptances: Cow<'a, Index>) -> Self {
        let lang = journey.language();
        Self {
            journey,
            lang,
            stemmer: normal::stemmer(lang),
            need: journey.row_with_role(Role::Need),
            touchpoints: journey.row_with_role(Role::Touchpoints),
            message: journey.row_with_role(Role::Message),
            organization: journey.row_with_role(Role::Organization),
            systems: journey.row_with_role(Role::Systems),
            acceptances,
            channels: Vec::new(),
            channels_from: 0,
            waiting: Vec::new(),
        }
    }

    fn read_channels(&mut self, phases: Range<usize>) {
        self.channels_from = phases.start;
        if let Some(tp) = self.touchpoints {
            self.channels = phases.map(|p| channel_tags::tags(self.text(p, tp))).collect();
        }
    }

    /// The Organization and Systems rows that wait for the organisation's side.
    fn find_waiting(&self) -> Vec<usize> {
        if !self.notes_from_interviews() {
            return Vec::new();
        }
        let inside = [self.organization, self.systems].into_iter().flatten();
        inside.filter(|&r| self.phases().all(|p| !self.filled(p, r))).collect()
    }

    /// The distinct tags of the phase's Touchpoints cell, as first written
    /// (none without a Touchpoints row, or for a phase this grid did not read).
    pub fn channels(&self, phase: usize) -> &[&'a str] {
        debug_assert!(
            self.touchpoints.is_none()
                || phase >= self.journey.phases().len()
                || (phase >= self.channels_from && phase - self.channels_from < self.channels.len()),
            "the channels of phase {phase} were not read"
        );
        phase.checked_sub(self.channels_from).and_then(|i| self.channels.get(i)).map_or(&[], Vec::as_slice)
    }

    pub fn phases(&self) -> std::ops::Range<usize> {
        0..self.journey.phases().len()
    }

    pub fn text(&self, phase: usize, row: usize) -> &'a str {
        self.journey.cell(CellRef::new(phase, row))
    }

    /// True when the cell holds more than white space.
    pub fn filled(&self, phase: usize, row: usize) -> bool {
        !self.text(phase, row).trim().is_empty()
    }

    /// The phase name in double quotes, for sentences.
    pub fn quoted_phase(&self, phase: usize) -> String {
        format!("\"{}\"", self.phase_name(phase))
    }

    pub fn phase_name(&self, phase: usize) -> &'a str {
        self.journey.phases().get(phase).map_or("", |p| p.name.as_str())
    }

    /// The row's name as written in the file.
    pub fn row_name(&self, row: usize) -> &'a str {
        self.journey.rows().get(row).map_or("", String::as_str)
    }

    /// True when the notes come from interviews: a line names a `@source`,
    /// or the inbox holds notes.
    fn notes_from_interviews(&self) -> bool {
        if !self.journey.inbox.is_empty() {
            return true;
        }
        let rows = 0..self.journey.rows().len();
        self.phases().any(|p| rows.clone().any(|r| names_a_source(self.text(p, r))))
    }

    /// True when this Organization or Systems row waits for the organisation's
    /// side: the notes come from interviews and the row has no text in any
    /// phase. A customer cannot know who runs what, so its empty cells are no
    /// gaps and touchpoints need no owner or system yet.
    pub fn waits(&self, row: usize) -> bool {
        self.waiting.contains(&row)
    }

    /// True when every touchpoint line of the phase names only channels the
    /// organisation does not run (`[checks] external`): no owner and no
    /// system is expected there. A line without a tag is not external.
    pub fn external_only(&self, phase: usize) -> bool {
        let Some(tp) = self.touchpoints.filter(|_| !self.journey.external.is_empty()) else { return false };
        let mut lines = self.text(phase, tp).lines().filter(|l| !l.trim().is_empty()).peekable();
        lines.peek().is_some()
            && lines.all(|line| {
                let spans = channel_tags::tag_spans(line);
                !spans.is_empty() && spans.into_iter().all(|s| self.journey.is_external(&line[s]))
            })
    }

    /// True when an acceptance names a finding of check `id` about `phase`,
    /// these rows and this subject (a tag check reports such a tag on its own).
    pub fn accepts(&self, id: &str, phase: usize, rows: &[usize], subject: &str) -> bool {
        !self.acceptances.matching(self.journey, id, &[phase], rows, Some(subject)).is_empty()
    }
}

/// True when a line of the text names a `@source` (notes from interviews).
pub(super) fn names_a_source(text: &str) -> bool {
    text.contains('@') && text.lines().any(|line| !source_spans(line).is_empty())
}

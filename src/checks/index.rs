//! The journey's acceptances, indexed for matching findings to them: by
//! check id and phase name, then by row names (as a set) and subject. A tag
//! subject compares without `#` and case; a topic by [`normal::key`].

use std::collections::HashMap;

use rust_stemmers::Stemmer;

use super::channel_tags::same;
use super::{Finding, TAG_CHECKS, normal};
use crate::journey::{Acceptance, Journey};

/// A journey's acceptances by check and phase name, so that thousands of
/// findings are matched against only the few acceptances that could name them.
pub(super) struct Index<'a> {
    journey: &'a Journey,
    stemmer: Stemmer,
    all: &'a [Acceptance],
    by_place: HashMap<(&'a str, &'a str), Vec<usize>>,
}

impl<'a> Index<'a> {
    pub fn new(journey: &'a Journey, all: &'a [Acceptance]) -> Self {
        let mut by_place: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
        for (i, a) in all.iter().enumerate() {
            by_place.entry((a.check.as_str(), a.phase.as_str())).or_default().push(i);
        }
        Self { journey, stemmer: normal::stemmer(journey.language()), all, by_place }
    }

    /// The indices of the acceptances that name a finding of check `id`
    /// about one of `phases`, these rows and this subject, in file order.
    pub fn matching(&self, id: &str, phases: &[usize], rows: &[usize], subject: Option<&str>) -> Vec<usize> {
        if self.all.is_empty() {
            return Vec::new();
        }
        let phase_name = |p: usize| self.journey.phases().get(p).map_or("", |ph| ph.name.as_str());
        let mut out: Vec<usize> = phases
            .iter()
            .filter_map(|&p| self.by_place.get(&(id, phase_name(p))))
            .flatten()
            .copied()
            .filter(|&i| self.names(&self.all[i], rows, subject))
            .collect();
        out.sort_unstable();
        out
    }

    /// The acceptances that name this finding (none for a finding about
    /// several subjects: those are accepted one subject at a time).
    pub fn naming(&self, f: &Finding) -> Vec<usize> {
        let subject = match f.subjects.as_slice() {
            [] => None,
            [one] => Some(one.as_str()),
            _ => return Vec::new(),
        };
        self.matching(f.id, &f.phases(), &f.rows, subject)
    }

    /// True when the acceptance (already known to name the finding's check
    /// and phase) names these rows and this subject.
    fn names(&self, a: &Acceptance, rows: &[usize], subject: Option<&str>) -> bool {
        if a.rows.len() != rows.len() {
            return false;
        }
        let mut wanted: Vec<&str> = a.rows.iter().map(String::as_str).collect();
        let mut found: Vec<&str> =
            rows.iter().map(|&r| self.journey.rows().get(r).map_or("", String::as_str)).collect();
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
            (Some(x), Some(y)) => normal::key(x, &self.stemmer) == normal::key(y, &self.stemmer),
            _ => false,
        }
    }
}

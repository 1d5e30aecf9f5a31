//! The journey's acceptances, indexed for matching findings to them: by
//! check id and phase name, then by subject (and, for `empty-cell` only, the
//! row names as a set: elsewhere rows are a hint). A tag
//! subject compares without `#` and case; a topic by [`normal::key`].
//!
//! The index owns what it needs (it outlives a single run of the checks in
//! [`super::Checker`]); it is built again whenever the acceptances, or the
//! names of phases and rows, change.

use std::collections::HashMap;

use super::channel_tags::same;
use super::{Finding, TAG_CHECKS, normal};
use crate::journey::{Acceptance, Journey, Language};

/// A journey's acceptances by check and phase name, so that thousands of
/// findings are matched against only the few acceptances that could name them.
#[derive(Debug, Clone, Default)]
pub(super) struct Index {
    lang: Option<Language>,
    /// Check id, then phase name: the acceptances naming them, in file order.
    by_place: HashMap<String, HashMap<String, Vec<usize>>>,
    entries: Vec<Entry>,
}

/// What an acceptance names besides its check and phase, ready to compare.
#[derive(Debug, Clone)]
struct Entry {
    /// Its row names, sorted.
    rows: Vec<String>,
    subject: Option<Subject>,
}

#[derive(Debug, Clone)]
enum Subject {
    /// A tag, without `#`, compared without case.
    Tag(String),
    /// A topic's [`normal::key`].
    Topic(String),
}

impl Index {
    pub fn new(journey: &Journey, all: &[Acceptance]) -> Self {
        if all.is_empty() {
            return Self::default();
        }
        let lang = journey.language();
        let stemmer = normal::stemmer(lang);
        let mut by_place: HashMap<String, HashMap<String, Vec<usize>>> = HashMap::new();
        let mut entries = Vec::with_capacity(all.len());
        for (i, a) in all.iter().enumerate() {
            by_place.entry(a.check.clone()).or_default().entry(a.phase.clone()).or_default().push(i);
            let mut rows = a.rows.clone();
            rows.sort_unstable();
            let subject = a.subject.as_deref().filter(|s| !s.trim().is_empty()).map(|s| {
                if TAG_CHECKS.contains(&a.check.as_str()) {
                    Subject::Tag(s.trim().trim_start_matches('#').to_owned())
                } else {
                    Subject::Topic(normal::key(s, &stemmer))
                }
            });
            entries.push(Entry { rows, subject });
        }
        Self { lang: Some(lang), by_place, entries }
    }

    /// The indices of the acceptances that name a finding of check `id`
    /// about one of `phases`, these rows and this subject, in file order.
    pub fn matching(
        &self,
        journey: &Journey,
        id: &str,
        phases: &[usize],
        rows: &[usize],
        subject: Option<&str>,
    ) -> Vec<usize> {
        let Some(by_phase) = self.by_place.get(id) else { return Vec::new() };
        let phase_name = |p: usize| journey.phases().get(p).map_or("", |ph| ph.name.as_str());
        let mut out: Vec<usize> = phases
            .iter()
            .filter_map(|&p| by_phase.get(phase_name(p)))
            .flatten()
            .copied()
            .filter(|&i| self.names(journey, id, &self.entries[i], rows, subject))
            .collect();
        out.sort_unstable();
        out
    }

    /// The acceptances that name this finding (none for a finding about
    /// several subjects: those are accepted one subject at a time).
    pub fn naming(&self, journey: &Journey, f: &Finding) -> Vec<usize> {
        if self.entries.is_empty() {
            return Vec::new();
        }
        let subject = match f.subjects.as_slice() {
            [] => None,
            [one] => Some(one.as_str()),
            _ => return Vec::new(),
        };
        self.matching(journey, f.id, &f.phases(), &f.rows, subject)
    }

    /// True when the acceptance (already known to name the finding's check
    /// and phase) names this subject. Rows are a hint, not part of what a
    /// finding is: adding a line to another row of the phase keeps it
    /// accepted. Only an `empty-cell`, whose row is what it is about, is named
    /// by its row too.
    fn names(&self, journey: &Journey, id: &str, a: &Entry, rows: &[usize], subject: Option<&str>) -> bool {
        if id == "empty-cell" {
            let mut found: Vec<&str> = rows.iter().map(|&r| journey.rows().get(r).map_or("", String::as_str)).collect();
            found.sort_unstable();
            if !a.rows.iter().map(String::as_str).eq(found) {
                return false;
            }
        }
        match (&a.subject, subject) {
            (None, None) => true,
            (Some(Subject::Tag(x)), Some(y)) => same(x, y.trim_start_matches('#')),
            (Some(Subject::Topic(x)), Some(y)) => {
                let lang = self.lang.unwrap_or_else(|| journey.language());
                *x == normal::key(y, &normal::stemmer(lang))
            }
            _ => false,
        }
    }
}

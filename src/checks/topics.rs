//! The `conflicting-message` findings kept topic by topic, for
//! [`super::Checker`]: what each phase's Message cell says, which phases
//! speak of each topic, and each topic's finding. A changed Message cell
//! only changes the topics of its old and new lines.

use std::collections::{BTreeSet, HashMap};

use super::messages::{Said, Topic, said_in};
use super::{Finding, Grid, is_off, normal};
use crate::journey::CellRef;

pub(super) struct Topics {
    /// The Message row (none: no topics at all).
    row: Option<usize>,
    /// What each phase's Message cell says, line by line.
    said: Vec<Vec<Said>>,
    /// The phases that speak of each topic (by key).
    phases: HashMap<String, BTreeSet<usize>>,
    /// Each topic's finding, if its answers differ (and the check is on).
    findings: HashMap<String, Finding>,
}

impl Topics {
    /// Every topic of the grid.
    pub fn new(g: &Grid) -> Self {
        let n = g.journey.phases().len();
        let mut topics =
            Self { row: g.message, said: vec![Vec::new(); n], phases: HashMap::new(), findings: HashMap::new() };
        let Some(row) = g.message else { return topics };
        let mut keys = normal::Keys::new(&g.stemmer);
        for p in 0..n {
            topics.said[p] = said_in(g, row, p, &mut keys);
            for s in &topics.said[p] {
                topics.phases.entry(s.key.clone()).or_default().insert(p);
            }
        }
        let all: Vec<String> = topics.phases.keys().cloned().collect();
        for key in all {
            topics.refresh(g, &key);
        }
        topics
    }

    /// Read phase `p`'s Message cell again; returns the phases whose
    /// findings changed (those where a topic whose lines in `p` changed
    /// first occurs, before and after).
    pub fn phase_changed(&mut self, g: &Grid, p: usize) -> BTreeSet<usize> {
        let mut touched = BTreeSet::new();
        let Some(row) = self.row else { return touched };
        let mut keys = normal::Keys::new(&g.stemmer);
        let new = said_in(g, row, p, &mut keys);
        let old = std::mem::replace(&mut self.said[p], new);
        let mut affected: Vec<String> = old.iter().map(|s| s.key.clone()).collect();
        affected.extend(self.said[p].iter().map(|s| s.key.clone()));
        affected.sort_unstable();
        affected.dedup();
        // A topic whose lines in this phase are as they were keeps its finding.
        let new = &self.said[p];
        affected.retain(|key| !old.iter().filter(|s| s.key == *key).eq(new.iter().filter(|s| s.key == *key)));
        for key in affected {
            touched.extend(self.first(&key));
            let speaks = self.said[p].iter().any(|s| s.key == key);
            let phases = self.phases.entry(key.clone()).or_default();
            if speaks {
                phases.insert(p);
            } else {
                phases.remove(&p);
            }
            if phases.is_empty() {
                self.phases.remove(&key);
            }
            touched.extend(self.first(&key));
            self.refresh(g, &key);
        }
        touched
    }

    /// The phase a topic first occurs in: its finding's phase.
    fn first(&self, key: &str) -> Option<usize> {
        self.phases.get(key).and_then(|p| p.first().copied())
    }

    /// Gather the topic again from every phase that speaks of it.
    fn refresh(&mut self, g: &Grid, key: &str) {
        self.findings.remove(key);
        let (Some(row), Some(phases)) = (self.row, self.phases.get(key)) else { return };
        if is_off(g.journey, "conflicting-message") {
            return;
        }
        let mut topic: Option<Topic> = None;
        for &p in phases {
            for s in self.said[p].iter().filter(|s| s.key == key) {
                topic.get_or_insert_with(|| Topic::new(s)).add(s, CellRef::new(p, row));
            }
        }
        let found = topic.and_then(|t| t.finding(g, row));
        if let Some(f) = found {
            self.findings.insert(key.to_owned(), f);
        }
    }

    /// The findings about the topics that first occur in phase `q`, in the
    /// order their first lines come there.
    pub fn first_in(&self, q: usize) -> Vec<Finding> {
        let mut seen: Vec<&str> = Vec::new();
        let mut out = Vec::new();
        for s in self.said.get(q).into_iter().flatten() {
            if seen.contains(&s.key.as_str()) {
                continue;
            }
            seen.push(&s.key);
            if self.first(&s.key) == Some(q)
                && let Some(f) = self.findings.get(&s.key)
            {
                out.push(f.clone());
            }
        }
        out
    }
}

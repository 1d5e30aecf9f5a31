//! Merging the plan: opportunities followed by title, field by field, and
//! the descriptions of the sources, key by key.
//!
//! A field changed on one side takes that side; changed the same way on
//! both, it is taken once. Changed two ways, ours stays and theirs is
//! recorded for a person (`Unresolved::Plan`, the file's `[[conflict]]`),
//! as is a description changed two ways (`Unresolved::Source`). An
//! opportunity deleted on one side is gone, unless the other side changed
//! it: then it stays, and the merge says so.

use std::collections::BTreeMap;

use super::fields::{Value, value3};
use super::{Place, Report};
use crate::journey::{Opportunity, PlanField, Unresolved};

fn find<'a>(list: &'a [Opportunity], title: &str) -> Option<&'a Opportunity> {
    list.iter().find(|o| o.title == title)
}

/// The merged opportunities, in ours' order then theirs' additions.
pub fn opportunities3(
    base: &[Opportunity],
    ours: &[Opportunity],
    theirs: &[Opportunity],
    unresolved: &mut Vec<Unresolved>,
    report: &mut Report,
) -> Vec<Opportunity> {
    let mut titles: Vec<&str> = ours.iter().map(|o| o.title.as_str()).collect();
    titles.extend(theirs.iter().map(|o| o.title.as_str()).filter(|t| find(ours, t).is_none()));
    let mut out = Vec::with_capacity(titles.len());
    for title in titles {
        let (b, o, t) = (find(base, title), find(ours, title), find(theirs, title));
        match (b, o, t) {
            (_, Some(o), Some(t)) => out.push(fields3(b, o, t, unresolved)),
            (Some(b), Some(kept), None) | (Some(b), None, Some(kept)) => {
                if kept != b {
                    report.conflict(
                        Place::Opportunity(title.to_owned()),
                        "deleted on one side and changed on the other: it is kept",
                    );
                    out.push(kept.clone());
                }
            }
            (None, Some(added), None) | (None, None, Some(added)) => out.push(added.clone()),
            (_, None, None) => {}
        }
    }
    out
}

fn fields3(
    base: Option<&Opportunity>,
    ours: &Opportunity,
    theirs: &Opportunity,
    unresolved: &mut Vec<Unresolved>,
) -> Opportunity {
    let mut merged = ours.clone();
    for &field in PlanField::ALL {
        let only = |o: &Opportunity| {
            let mut x = Opportunity::default();
            field.copy(o, &mut x);
            x
        };
        let b = base.map(only);
        match value3(b.as_ref(), Some(&only(ours)), Some(&only(theirs))) {
            Value::Clean(v) => field.copy(&v, &mut merged),
            Value::Conflict { theirs, .. } => {
                unresolved.push(Unresolved::Plan { title: ours.title.clone(), field, theirs: Box::new(theirs) });
            }
        }
    }
    merged
}

/// The merged descriptions of the sources.
pub fn sources3(
    base: &BTreeMap<String, String>,
    ours: &BTreeMap<String, String>,
    theirs: &BTreeMap<String, String>,
    unresolved: &mut Vec<Unresolved>,
) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for name in ours.keys().chain(theirs.keys()).chain(base.keys()) {
        if out.contains_key(name) {
            continue;
        }
        let get = |m: &BTreeMap<String, String>| m.get(name).cloned();
        match value3(Some(&get(base)), Some(&get(ours)), Some(&get(theirs))) {
            Value::Clean(Some(v)) => {
                out.insert(name.clone(), v);
            }
            Value::Clean(None) => {}
            Value::Conflict { ours, theirs } => {
                unresolved.push(Unresolved::Source { name: name.clone(), theirs: theirs.clone().unwrap_or_default() });
                if let Some(v) = ours.or(theirs) {
                    out.insert(name.clone(), v);
                }
            }
        }
    }
    out
}

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;

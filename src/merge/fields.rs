//! Merging the fields of a journey that are values or sets: the title, the
//! persona, the language, moods and roles (values), switched-off checks,
//! external channels and accepted findings (sets), and the inbox (a set kept
//! in time order).

use std::collections::{BTreeMap, BTreeSet};

use crate::journey::{Note, Unresolved, parse_rfc3339};

/// The merged value, or both sides' values when they changed it differently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value<T> {
    Clean(T),
    Conflict { ours: T, theirs: T },
}

/// Three-way merge of one value. `None` stands for a version that does not
/// have the item (a phase deleted there, or added by the other side only).
pub fn value3<T: PartialEq + Clone + Default>(base: Option<&T>, ours: Option<&T>, theirs: Option<&T>) -> Value<T> {
    match (base, ours, theirs) {
        (_, Some(o), Some(t)) if o == t => Value::Clean(o.clone()),
        (Some(b), Some(o), Some(t)) if o == b => Value::Clean(t.clone()),
        (Some(b), Some(o), Some(t)) if t == b => Value::Clean(o.clone()),
        (_, Some(o), Some(t)) => Value::Conflict { ours: o.clone(), theirs: t.clone() },
        (_, Some(o), None) => Value::Clean(o.clone()),
        (_, None, Some(t)) => Value::Clean(t.clone()),
        (b, None, None) => Value::Clean(b.cloned().unwrap_or_default()),
    }
}

/// Each source's mood in one phase, merged source by source: `moods[v]` is
/// version v's `[phase.moods]` (`None`: the phase is not in v). A mood changed
/// two ways keeps ours and records theirs for a person, as the phase's own mood does.
pub fn moods3(
    moods: [Option<&BTreeMap<String, i8>>; 3],
    phase: &str,
    unresolved: &mut Vec<Unresolved>,
) -> BTreeMap<String, i8> {
    let sources: BTreeSet<&String> = moods.iter().flatten().flat_map(|m| m.keys()).collect();
    let mut out = BTreeMap::new();
    for source in sources {
        let [base, ours, theirs] = moods.map(|m| m.map(|m| m.get(source).copied()));
        let mood = match value3(base.as_ref(), ours.as_ref(), theirs.as_ref()) {
            Value::Clean(mood) => mood,
            Value::Conflict { ours, theirs } => {
                let record = Unresolved::SourceMood { phase: phase.to_owned(), source: source.clone(), theirs };
                unresolved.push(record);
                ours
            }
        };
        if let Some(m) = mood {
            out.insert(source.clone(), m);
        }
    }
    out
}

/// Three-way merge of a set kept as a list: an item stays unless one side
/// removed it; an item either side added is added once. Ours' order, then
/// theirs' additions.
pub fn set3<T: PartialEq + Clone>(base: &[T], ours: &[T], theirs: &[T]) -> Vec<T> {
    if ours == theirs || theirs == base {
        return ours.to_vec();
    }
    if ours == base {
        return theirs.to_vec();
    }
    let mut out: Vec<T> = Vec::with_capacity(ours.len() + theirs.len());
    for item in ours {
        let removed_by_theirs = base.contains(item) && !theirs.contains(item);
        if !removed_by_theirs && !out.contains(item) {
            out.push(item.clone());
        }
    }
    for item in theirs {
        let removed_by_ours = base.contains(item) && !ours.contains(item);
        if !removed_by_ours && !out.contains(item) {
            out.push(item.clone());
        }
    }
    out
}

/// The inbox: notes from both sides, each (text, source, time) once, in time
/// order (notes at the same time: ours first). A note sorted into a cell (or
/// deleted) on one side is gone.
pub fn inbox3(base: &[Note], ours: &[Note], theirs: &[Note]) -> Vec<Note> {
    if ours == theirs || theirs == base || ours == base {
        return set3(base, ours, theirs);
    }
    let mut out = set3(base, ours, theirs);
    // Notes whose time is not RFC 3339 (the format refuses them) go last.
    out.sort_by_key(|n| parse_rfc3339(&n.at).map_or((1, 0, 0), |(s, ns)| (0, s, ns)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note(text: &str, at: &str) -> Note {
        Note { text: text.into(), source: Some("sara".into()), at: at.into() }
    }

    #[test]
    fn a_value_changed_on_one_side_takes_that_side_and_two_changes_conflict() {
        let v = |b: &str, o: &str, t: &str| value3(Some(&b.to_owned()), Some(&o.to_owned()), Some(&t.to_owned()));
        assert_eq!(v("a", "b", "a"), Value::Clean("b".into()));
        assert_eq!(v("a", "a", "c"), Value::Clean("c".into()));
        assert_eq!(v("a", "x", "x"), Value::Clean("x".into()));
        assert_eq!(v("a", "b", "c"), Value::Conflict { ours: "b".into(), theirs: "c".into() });
        assert_eq!(value3(None, Some(&1), None), Value::Clean(1));
    }

    #[test]
    fn sets_keep_additions_of_both_and_removals_of_either() {
        let s = |v: &[&str]| v.iter().map(|x| (*x).to_owned()).collect::<Vec<String>>();
        assert_eq!(set3(&s(&["a", "b"]), &s(&["a", "b", "c"]), &s(&["b", "d"])), s(&["b", "c", "d"]));
        assert_eq!(set3(&s(&[]), &s(&["x"]), &s(&["x"])), s(&["x"]));
    }

    #[test]
    fn inbox_notes_of_both_sides_come_once_each_in_time_order() {
        let base = vec![note("old", "2026-12-01T09:00:00Z")];
        let ours = vec![note("old", "2026-12-01T09:00:00Z"), note("b", "2026-12-01T11:00:00Z")];
        let theirs = vec![
            note("old", "2026-12-01T09:00:00Z"),
            note("a", "2026-12-01T10:00:00+00:00"),
            note("b", "2026-12-01T11:00:00Z"),
        ];
        let texts: Vec<String> = inbox3(&base, &ours, &theirs).into_iter().map(|n| n.text).collect();
        assert_eq!(texts, ["old", "a", "b"]);
        let sorted_away: Vec<Note> = Vec::new();
        let texts: Vec<String> = inbox3(&base, &sorted_away, &theirs).into_iter().map(|n| n.text).collect();
        assert_eq!(texts, ["a", "b"], "a note sorted into a cell on one side stays out of the inbox");
    }
}

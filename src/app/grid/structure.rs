//! Shaping the grid: phases, rows, the title and the persona, turned into
//! `Change`s or into a reason why not. Pure: each function reads the journey
//! and the cursor and says what should happen. The `:` command table and the
//! keys both call these.

use crate::journey::{Acceptance, Axis, CellRef, Change, Journey, Role, Unresolved};

/// What a structure operation asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Apply this change.
    Apply(Change),
    /// Deleting something with text in it: ask first, then apply.
    Confirm { question: String, change: Change },
    /// It cannot be done; tell the user why.
    Error(String),
}

/// Which way a phase or row moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Left for a phase, up for a row.
    Back,
    /// Right for a phase, down for a row.
    Forward,
}

fn need_name(kind: &str, verb: &str, name: &str) -> Option<Outcome> {
    name.is_empty().then(|| Outcome::Error(format!(":{kind} {verb} needs a name, e.g. :{kind} {verb} Onboarding")))
}

/// A new phase after the cursor's (`after`) or before it.
pub fn new_phase(cursor: CellRef, name: &str, after: bool) -> Outcome {
    let verb = if after { "add" } else { "insert" };
    if let Some(e) = need_name("phase", verb, name) {
        return e;
    }
    let at = cursor.phase + usize::from(after);
    Outcome::Apply(Change::InsertPhase { at, name: name.to_owned(), mood: None, cells: Vec::new() })
}

/// Rename the cursor's phase; accepted findings in it, choices a merge
/// recorded about it and the opportunities' links to its lines follow the new name (in the same undo step), so they do
/// not turn stale.
pub fn rename_phase(journey: &Journey, cursor: CellRef, name: &str) -> Outcome {
    if let Some(e) = need_name("phase", "rename", name) {
        return e;
    }
    let rename = Change::RenamePhase { at: cursor.phase, name: name.to_owned() };
    let Some(old) = journey.phases().get(cursor.phase).map(|p| p.name.as_str()) else {
        return Outcome::Apply(rename);
    };
    let outcome = with_acceptances(rename, journey, |a| {
        (a.phase == old).then(|| Acceptance { phase: name.to_owned(), ..a.clone() })
    });
    with_merge_choices(outcome, journey, Axis::Phase, old, name)
}

/// The outcome, with the choices a merge recorded about `old` following its
/// new name (in the same undo step).
fn with_merge_choices(outcome: Outcome, journey: &Journey, axis: Axis, old: &str, new: &str) -> Outcome {
    let rename = |n: &str| if n == old { new.to_owned() } else { n.to_owned() };
    let keep = |n: &str| n.to_owned();
    let renamed: Vec<Unresolved> = journey
        .unresolved
        .iter()
        .map(|u| if axis == Axis::Phase { u.renamed(rename, keep) } else { u.renamed(keep, rename) })
        .collect();
    let outcome = match outcome {
        Outcome::Apply(change) if renamed != journey.unresolved => {
            Outcome::Apply(Change::Batch(vec![change, Change::SetUnresolved(renamed)]))
        }
        other => other,
    };
    with_plan_links(outcome, journey, axis, old, new)
}

/// The outcome, with the opportunities' `why` lines in `old` following its
/// new name (in the same undo step), so they do not turn stale.
fn with_plan_links(outcome: Outcome, journey: &Journey, axis: Axis, old: &str, new: &str) -> Outcome {
    let mut plan = journey.opportunities.clone();
    for why in plan.iter_mut().flat_map(|o| o.why.iter_mut()) {
        if let crate::journey::Why::Line { phase, row, .. } = why {
            let name = if axis == Axis::Phase { phase } else { row };
            if name == old {
                *name = new.to_owned();
            }
        }
    }
    match outcome {
        Outcome::Apply(change) if plan != journey.opportunities => {
            Outcome::Apply(Change::Batch(vec![change, Change::SetOpportunities(plan)]))
        }
        other => other,
    }
}

/// `change` followed by every acceptance that `carry` rewrites, replaced in
/// place, as one step.
fn with_acceptances(change: Change, journey: &Journey, carry: impl Fn(&Acceptance) -> Option<Acceptance>) -> Outcome {
    let mut changes = vec![change];
    for (at, acceptance) in journey.accepted.iter().enumerate().filter_map(|(i, a)| carry(a).map(|a| (i, a))) {
        changes.push(Change::RemoveAcceptance { at });
        changes.push(Change::InsertAcceptance { at, acceptance });
    }
    Outcome::Apply(if changes.len() == 1 { changes.remove(0) } else { Change::Batch(changes) })
}

/// Delete the cursor's phase; asks first when it has text.
pub fn delete_phase(journey: &Journey, cursor: CellRef) -> Outcome {
    let at = cursor.phase;
    let Some(phase) = journey.phases().get(at) else { return Outcome::Error("There is no phase here".into()) };
    let filled = phase.cells().iter().filter(|c| !c.is_empty()).count();
    if journey.phase_count() == 1 {
        Outcome::Error("A journey needs at least one phase; this is the last one".into())
    } else if filled > 0 {
        Outcome::Confirm {
            question: format!("Delete phase \"{}\" and its {filled} filled cell(s)?", phase.name),
            change: Change::RemovePhase { at },
        }
    } else {
        Outcome::Apply(Change::RemovePhase { at })
    }
}

pub fn move_phase(journey: &Journey, cursor: CellRef, way: Direction) -> Outcome {
    let at = cursor.phase;
    let last = journey.phase_count().saturating_sub(1);
    match way {
        Direction::Back if at > 0 => Outcome::Apply(Change::MovePhase { from: at, to: at - 1 }),
        Direction::Forward if at < last => Outcome::Apply(Change::MovePhase { from: at, to: at + 1 }),
        Direction::Back => Outcome::Error("The phase is already the first one".into()),
        Direction::Forward => Outcome::Error("The phase is already the last one".into()),
    }
}

/// A new row below the cursor's (`after`) or above it.
pub fn new_row(cursor: CellRef, name: &str, after: bool) -> Outcome {
    let verb = if after { "add" } else { "insert" };
    if let Some(e) = need_name("row", verb, name) {
        return e;
    }
    let at = cursor.row + usize::from(after);
    Outcome::Apply(Change::InsertRow { at, name: name.to_owned(), cells: Vec::new(), role: None })
}

/// Rename the cursor's row so it keeps the role it plays: a role its old
/// name implied and its new name does not becomes explicit. Accepted
/// findings that name the row follow the new name.
pub fn rename_row(journey: &Journey, cursor: CellRef, name: &str) -> Outcome {
    if let Some(e) = need_name("row", "rename", name) {
        return e;
    }
    let at = cursor.row;
    let rename = Change::RenameRow { at, name: name.to_owned() };
    let rename = match journey.role_of(at) {
        Some(r) if journey.explicit_role(at).is_none() && Role::from_row_name(name) != Some(r) => {
            Change::Batch(vec![rename, Change::SetRole { row: at, role: Some(r) }])
        }
        _ => rename,
    };
    let Some(old) = journey.rows().get(at).map(String::as_str) else { return Outcome::Apply(rename) };
    let outcome = with_acceptances(rename, journey, |a| {
        a.rows.iter().any(|r| r == old).then(|| Acceptance {
            rows: a.rows.iter().map(|r| if r == old { name.to_owned() } else { r.clone() }).collect(),
            ..a.clone()
        })
    });
    with_merge_choices(outcome, journey, Axis::Row, old, name)
}

/// Delete the cursor's row; asks first when it has text.
pub fn delete_row(journey: &Journey, cursor: CellRef) -> Outcome {
    let at = cursor.row;
    let Some(row_name) = journey.rows().get(at) else { return Outcome::Error("There is no row here".into()) };
    let filled = journey.phases().iter().filter(|p| !p.cells()[at].is_empty()).count();
    if journey.row_count() == 1 {
        Outcome::Error("A journey needs at least one row; this is the last one".into())
    } else if filled > 0 {
        Outcome::Confirm {
            question: format!("Delete row \"{row_name}\" and its {filled} filled cell(s)?"),
            change: Change::RemoveRow { at },
        }
    } else {
        Outcome::Apply(Change::RemoveRow { at })
    }
}

pub fn move_row(journey: &Journey, cursor: CellRef, way: Direction) -> Outcome {
    let at = cursor.row;
    let last = journey.row_count().saturating_sub(1);
    match way {
        Direction::Back if at > 0 => Outcome::Apply(Change::MoveRow { from: at, to: at - 1 }),
        Direction::Forward if at < last => Outcome::Apply(Change::MoveRow { from: at, to: at + 1 }),
        Direction::Back => Outcome::Error("The row is already the first one".into()),
        Direction::Forward => Outcome::Error("The row is already the last one".into()),
    }
}

/// What a change did, for the status line.
pub fn describe(change: &Change) -> &'static str {
    match change {
        Change::InsertPhase { .. } => "Phase added",
        Change::RemovePhase { .. } => "Phase deleted",
        Change::RenamePhase { .. } => "Phase renamed",
        Change::MovePhase { .. } => "Phase moved",
        Change::InsertRow { .. } => "Row added",
        Change::RemoveRow { .. } => "Row deleted",
        Change::RenameRow { .. } => "Row renamed",
        Change::MoveRow { .. } => "Row moved",
        Change::SetTitle(_) => "Title changed",
        Change::SetPersona(_) => "Persona changed",
        Change::Batch(changes) => changes.first().map_or("Changed", describe),
        _ => "Changed",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mistakes_are_explained() {
        let j = Journey::default();
        let c = CellRef::new(0, 0);
        assert_eq!(
            rename_phase(&j, c, ""),
            Outcome::Error(":phase rename needs a name, e.g. :phase rename Onboarding".into())
        );
        assert!(matches!(move_phase(&j, c, Direction::Back), Outcome::Error(e) if e.contains("first")));
        assert!(
            matches!(move_row(&j, CellRef::new(0, 4), Direction::Forward), Outcome::Error(e) if e.contains("last"))
        );
    }

    #[test]
    fn a_renamed_phase_or_row_takes_the_merge_choices_about_it_along() {
        let mut j = Journey::default();
        let mood = |phase: &str| Unresolved::Mood { phase: phase.into(), theirs: Some(1) };
        let role = |row: &str| Unresolved::Role { row: row.into(), theirs: None };
        let sara = |phase: &str| Unresolved::SourceMood { phase: phase.into(), source: "sara".into(), theirs: None };
        j.unresolved = vec![mood("Purchase"), role("Need"), mood("Use"), sara("Purchase")];
        let Outcome::Apply(change) = rename_phase(&j, CellRef::new(1, 0), "Buying") else { panic!() };
        change.apply(&mut j).unwrap();
        assert_eq!(j.unresolved, [mood("Buying"), role("Need"), mood("Use"), sara("Buying")]);
        let Outcome::Apply(change) = rename_row(&j, CellRef::new(0, 0), "Wish") else { panic!() };
        change.apply(&mut j).unwrap();
        assert_eq!(j.unresolved, [mood("Buying"), role("Wish"), mood("Use"), sara("Buying")]);
    }

    #[test]
    fn a_renamed_phase_or_row_takes_the_opportunities_links_along() {
        use crate::journey::{Opportunity, Why};
        let mut j = Journey::default();
        let link = |p: &str, r: &str| Why::Line { phase: p.into(), row: r.into(), line: "x".into() };
        j.opportunities = vec![Opportunity::new("a", vec![link("Purchase", "Need"), link("Use", "Need")])];
        let Outcome::Apply(change) = rename_phase(&j, CellRef::new(1, 0), "Buying") else { panic!() };
        change.apply(&mut j).unwrap();
        let Outcome::Apply(change) = rename_row(&j, CellRef::new(0, 0), "Wish") else { panic!() };
        change.apply(&mut j).unwrap();
        assert_eq!(j.opportunities[0].why, [link("Buying", "Wish"), link("Use", "Wish")]);
    }

    #[test]
    fn deleting_text_asks_first() {
        let mut j = Journey::default();
        Change::SetCell { at: CellRef::new(1, 2), text: "x".into() }.apply(&mut j).unwrap();
        assert!(matches!(delete_phase(&j, CellRef::new(1, 0)), Outcome::Confirm { .. }));
        assert!(matches!(delete_phase(&j, CellRef::new(0, 0)), Outcome::Apply(_)));
        assert!(matches!(delete_row(&j, CellRef::new(0, 2)), Outcome::Confirm { .. }));
    }

    #[test]
    fn renaming_a_row_keeps_the_role_it_played() {
        let j = Journey::default();
        let Outcome::Apply(change) = rename_row(&j, CellRef::new(0, 2), "Key message") else { panic!() };
        let mut renamed = j.clone();
        change.apply(&mut renamed).unwrap();
        assert_eq!(renamed.role_of(2), Some(Role::Message));
    }

    #[test]
    fn accepted_findings_follow_a_renamed_phase_or_row_and_undo_takes_them_back() {
        let mut j = Journey::default();
        let phase = j.phases()[1].name.clone();
        let row = j.rows()[3].clone();
        let accepted = |phase: &str, rows: Vec<String>| Acceptance {
            check: "empty-cell".into(),
            phase: phase.into(),
            rows,
            subject: None,
            reason: "on purpose".into(),
        };
        j.accepted = vec![accepted(&phase, vec![row.clone()]), accepted("Elsewhere", vec!["Need".into()])];
        let before = j.clone();
        let Outcome::Apply(change) = rename_phase(&j, CellRef::new(1, 0), "Renamed") else { panic!() };
        let undo = change.apply(&mut j).unwrap();
        assert_eq!(j.accepted[0], accepted("Renamed", vec![row.clone()]));
        assert_eq!(j.accepted[1], before.accepted[1], "an acceptance elsewhere stays");
        let Outcome::Apply(change) = rename_row(&j, CellRef::new(0, 3), "Teams") else { panic!() };
        let undo_row = change.apply(&mut j).unwrap();
        assert_eq!(j.accepted[0].rows, vec!["Teams".to_owned()]);
        undo_row.apply(&mut j).unwrap();
        undo.apply(&mut j).unwrap();
        assert_eq!(j, before);
    }
}

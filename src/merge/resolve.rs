//! Resolving a conflict where the cursor is, as one undoable change: what the
//! editor's `M` and `:take ours|theirs|both` do.

use super::markers::{Side, has_conflict, parse_inline, take, take_inline};
use crate::journey::{Axis, CellRef, Change, Journey, Unresolved, Version};

/// What holds the conflict that `:take` at a cell resolves: the cell itself,
/// else the name of its phase, a choice recorded about its phase, the name of
/// its row, a choice about its row, the title, the persona, or a choice
/// shown at this cell (the language, an order).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictAt {
    Cell,
    PhaseName,
    RowName,
    Title,
    Persona,
    /// `journey.unresolved[index]`.
    Recorded(usize),
}

impl ConflictAt {
    /// What it is, for a message ("Took theirs in the mood of this phase").
    pub fn words(self, journey: &Journey) -> &'static str {
        match self {
            ConflictAt::Cell => "this cell",
            ConflictAt::PhaseName => "the phase name",
            ConflictAt::RowName => "the row name",
            ConflictAt::Title => "the title",
            ConflictAt::Persona => "the persona",
            ConflictAt::Recorded(i) => match journey.unresolved.get(i) {
                Some(Unresolved::Mood { .. }) => "the mood of this phase",
                Some(Unresolved::SourceMood { .. }) => "a source's mood in this phase",
                Some(Unresolved::Role { .. }) => "the role of this row",
                Some(Unresolved::Lang { .. }) => "the language",
                Some(Unresolved::Order { axis: Axis::Phase, .. }) => "the order of the phases",
                Some(Unresolved::Order { axis: Axis::Row, .. }) => "the order of the rows",
                Some(Unresolved::Deleted { axis: Axis::Phase, .. }) => "the deletion of this phase",
                Some(Unresolved::Deleted { axis: Axis::Row, .. }) => "the deletion of this row",
                Some(Unresolved::Plan { .. }) => "the opportunity",
                Some(Unresolved::Source { .. }) => "the source's description",
                None => "the merge choice",
            },
        }
    }
}

impl ConflictAt {
    /// The question `M` asks, short enough for the status line: a recorded
    /// choice names both values (`Mood: ours -2, theirs 2?`).
    pub fn question(self, journey: &Journey) -> String {
        let mood = |m: Option<i8>| m.map_or_else(|| "unknown".to_owned(), |m| m.to_string());
        let ConflictAt::Recorded(i) = self else {
            return format!("Merge conflict in {}: take which side?", self.words(journey));
        };
        match journey.unresolved.get(i) {
            Some(Unresolved::Mood { phase, theirs }) => {
                let ours = journey.phase_index(phase).and_then(|p| journey.phases()[p].mood);
                format!("Mood: ours {}, theirs {}?", mood(ours), mood(*theirs))
            }
            Some(Unresolved::SourceMood { phase, source, theirs }) => {
                let ours = journey.phase_index(phase).and_then(|p| journey.phases()[p].mood_of(source));
                format!("Mood of @{source}: ours {}, theirs {}?", mood(ours), mood(*theirs))
            }
            Some(Unresolved::Role { row, theirs }) => {
                let ours = journey.row_index(row).and_then(|r| journey.explicit_role(r));
                let role = |r: Option<crate::journey::Role>| r.map_or("by name", |r| r.id());
                format!("Role: ours {}, theirs {}?", role(ours), role(*theirs))
            }
            Some(Unresolved::Lang { theirs }) => {
                let lang = |l: Option<crate::journey::Language>| l.map_or("by rows", |l| l.code());
                format!("Language: ours {}, theirs {}?", lang(journey.lang), lang(*theirs))
            }
            Some(Unresolved::Order { axis, .. }) => format!("Order of the {}s: ours or theirs?", axis.word()),
            Some(Unresolved::Deleted { by, .. }) => {
                format!("Deleted on {}: {} deletes, {} keeps?", by.word(), by.word(), by.other().word())
            }
            Some(Unresolved::Plan { title, field, theirs }) => {
                let ours = journey.opportunities.iter().find(|o| &o.title == title).map(|o| field.show(o));
                format!("{}: ours {}, theirs {}?", field.id(), ours.unwrap_or_default(), field.show(theirs))
            }
            Some(Unresolved::Source { name, theirs }) => {
                let ours = journey.sources.get(name).map_or("", String::as_str);
                format!("@{name}: ours \"{ours}\", theirs \"{theirs}\"?")
            }
            None => "Merge choice: take which side?".to_owned(),
        }
    }
}

/// Where a recorded choice is shown: on its phase (first row), its row
/// (first phase), the first phase (row) an order moves, else the first cell.
pub fn unresolved_cell(journey: &Journey, u: &Unresolved) -> CellRef {
    let phase = u.phase().and_then(|p| journey.phase_index(p));
    let row = u.row().and_then(|r| journey.row_index(r));
    match (phase, row, u) {
        (Some(p), ..) => CellRef::new(p, 0),
        (_, Some(r), _) => CellRef::new(0, r),
        (_, _, Unresolved::Order { axis, theirs }) => {
            let order = target_order(&names(journey, *axis), theirs);
            let first = names(journey, *axis).iter().zip(&order).position(|(a, b)| a != b).unwrap_or(0);
            if *axis == Axis::Phase { CellRef::new(first, 0) } else { CellRef::new(0, first) }
        }
        _ => CellRef::new(0, 0),
    }
}

fn names(journey: &Journey, axis: Axis) -> Vec<String> {
    match axis {
        Axis::Phase => journey.phases().iter().map(|p| p.name.clone()).collect(),
        Axis::Row => journey.rows().to_vec(),
    }
}

/// The names in theirs' order: the places of the names `theirs` lists are
/// filled with them in theirs' order; other names stay where they are.
fn target_order(current: &[String], theirs: &[String]) -> Vec<String> {
    use std::collections::HashSet;
    let (here, listed): (HashSet<&String>, HashSet<&String>) = (current.iter().collect(), theirs.iter().collect());
    let mut seen = HashSet::new();
    // Each name once, in theirs' order, among the names the journey has.
    let mut next = theirs.iter().filter(|n| here.contains(n) && seen.insert(*n));
    current.iter().map(|n| if listed.contains(n) { next.next().unwrap_or(n).clone() } else { n.clone() }).collect()
}

/// The recorded choice shown at this cell, if any.
fn recorded_at(journey: &Journey, at: CellRef, phase_level: bool) -> Option<usize> {
    journey.unresolved.iter().position(|u| {
        let here = unresolved_cell(journey, u);
        match (u.phase().is_some(), u.row().is_some()) {
            (true, _) => phase_level && here.phase == at.phase,
            (_, true) => !phase_level && here.row == at.row,
            _ => !phase_level && here == at,
        }
    })
}

/// The conflict `:take` would resolve at this cell, if any.
pub fn conflict_at(journey: &Journey, at: CellRef) -> Option<ConflictAt> {
    if !journey.contains(at) {
        return None;
    }
    let inline = |v: &str| parse_inline(v).is_some();
    if has_conflict(journey.cell(at)) {
        Some(ConflictAt::Cell)
    } else if inline(&journey.phases()[at.phase].name) {
        Some(ConflictAt::PhaseName)
    } else if let Some(i) = recorded_at(journey, at, true) {
        Some(ConflictAt::Recorded(i))
    } else if inline(&journey.rows()[at.row]) {
        Some(ConflictAt::RowName)
    } else if inline(&journey.title) {
        Some(ConflictAt::Title)
    } else if inline(&journey.persona) {
        Some(ConflictAt::Persona)
    } else {
        recorded_at(journey, at, false).map(ConflictAt::Recorded)
    }
}

/// The change that resolves the conflict at this cell by taking a side
/// (see [`conflict_at`] for which conflict); `None` when there is none.
/// Apply it through the history so it is one undoable step. A resolved name
/// that another phase (or row) already has is refused by `Change::apply`.
///
/// For a recorded choice, ours is what the journey holds: taking ours drops
/// the record; taking theirs applies theirs' value (mood, role, language,
/// order) and drops it. Of a deleted phase (row), taking the side that
/// deleted it deletes it, and taking the other side keeps it. `Both` keeps
/// what is there (a value cannot be both; a kept phase is both sides' work).
///
/// ```
/// use jgrid::journey::{CellRef, Change, Journey};
/// use jgrid::merge::{Side, resolve_at};
/// let mut j = Journey::new("T", "P", ["Need"], ["Use"]);
/// let at = CellRef::new(0, 0);
/// Change::SetCell { at, text: "<<<<<<< ours\nfast\n=======\nquick\n>>>>>>> theirs".into() }.apply(&mut j).unwrap();
/// resolve_at(&j, at, Side::Theirs).unwrap().apply(&mut j).unwrap();
/// assert_eq!(j.cell(at), "quick");
/// assert_eq!(resolve_at(&j, at, Side::Theirs), None);
/// ```
pub fn resolve_at(journey: &Journey, at: CellRef, side: Side) -> Option<Change> {
    Some(match conflict_at(journey, at)? {
        ConflictAt::Cell => Change::SetCell { at, text: take(journey.cell(at), side) },
        ConflictAt::PhaseName => {
            Change::RenamePhase { at: at.phase, name: take_inline(&journey.phases()[at.phase].name, side)? }
        }
        ConflictAt::RowName => Change::RenameRow { at: at.row, name: take_inline(&journey.rows()[at.row], side)? },
        ConflictAt::Title => Change::SetTitle(take_inline(&journey.title, side)?),
        ConflictAt::Persona => Change::SetPersona(take_inline(&journey.persona, side)?),
        ConflictAt::Recorded(i) => resolve_recorded(journey, i, side),
    })
}

/// Resolve `journey.unresolved[i]` by taking a side.
fn resolve_recorded(journey: &Journey, i: usize, side: Side) -> Change {
    let mut rest = journey.unresolved.clone();
    let u = rest.remove(i);
    let drop = Change::SetUnresolved(rest);
    let taken = match side {
        Side::Ours => Some(Version::Ours),
        Side::Theirs => Some(Version::Theirs),
        Side::Both => None,
    };
    let mut changes = Vec::new();
    match (&u, taken) {
        (Unresolved::Mood { phase, theirs }, Some(Version::Theirs)) => {
            if let Some(p) = journey.phase_index(phase) {
                changes.push(Change::SetMood { phase: p, mood: *theirs });
            }
        }
        (Unresolved::SourceMood { phase, source, theirs }, Some(Version::Theirs)) => {
            if let Some(p) = journey.phase_index(phase) {
                changes.push(Change::SetSourceMood { phase: p, source: source.clone(), mood: *theirs });
            }
        }
        (Unresolved::Role { row, theirs }, Some(Version::Theirs)) => {
            if let Some(r) = journey.row_index(row) {
                changes.push(Change::SetRole { row: r, role: *theirs });
            }
        }
        (Unresolved::Lang { theirs }, Some(Version::Theirs)) => changes.push(Change::SetLang(*theirs)),
        (Unresolved::Order { axis, theirs }, Some(Version::Theirs)) => {
            let mut current = names(journey, *axis);
            let target = target_order(&current, theirs);
            for (k, wanted) in target.iter().enumerate() {
                if let Some(j) = current.iter().position(|n| n == wanted).filter(|&j| j != k) {
                    let name = current.remove(j);
                    current.insert(k, name);
                    changes.push(match axis {
                        Axis::Phase => Change::MovePhase { from: j, to: k },
                        Axis::Row => Change::MoveRow { from: j, to: k },
                    });
                }
            }
        }
        (Unresolved::Plan { title, field, theirs }, Some(Version::Theirs)) => {
            let mut list = journey.opportunities.clone();
            if let Some(o) = list.iter_mut().find(|o| &o.title == title) {
                field.copy(theirs, o);
                changes.push(Change::SetOpportunities(list));
            }
        }
        (Unresolved::Source { name, theirs }, Some(Version::Theirs)) => {
            let mut sources = journey.sources.clone();
            sources.insert(name.clone(), theirs.clone());
            changes.push(Change::SetSources(sources));
        }
        (Unresolved::Deleted { axis, name, by }, Some(v)) if v == *by => match axis {
            Axis::Phase => changes.extend(journey.phase_index(name).map(|at| Change::RemovePhase { at })),
            Axis::Row => changes.extend(journey.row_index(name).map(|at| Change::RemoveRow { at })),
        },
        _ => {}
    }
    // Drop the record first: a removed phase or row then leaves none behind.
    changes.insert(0, drop);
    Change::Batch(changes)
}

/// Resolve every conflict in the journey by taking `side` (what
/// `jgrid resolve --take SIDE` does, as `git merge -X ours|theirs` would if
/// git passed it to merge drivers). Returns how many conflicts were taken;
/// a conflict whose change is refused (a name another phase already has)
/// is left as it is.
pub fn take_everywhere(journey: &mut Journey, side: Side) -> usize {
    let mut taken = 0;
    let mut refused: Vec<Change> = Vec::new();
    'again: loop {
        for p in 0..journey.phase_count() {
            for r in 0..journey.row_count() {
                let at = CellRef::new(p, r);
                while let Some(change) = resolve_at(journey, at, side) {
                    let shape = (journey.phase_count(), journey.row_count());
                    if refused.contains(&change) || change.clone().apply(journey).is_err() {
                        refused.push(change);
                        break;
                    }
                    taken += 1;
                    if shape != (journey.phase_count(), journey.row_count()) {
                        continue 'again;
                    }
                }
            }
        }
        return taken;
    }
}

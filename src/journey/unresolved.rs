//! What a merge left for a person to decide where conflict markers cannot
//! go: both sides changed a value that holds no text (a mood, a role, the
//! language, the order of the phases or rows), or one side deleted a phase
//! (or row) that the other renamed or gave a mood (a role). The journey holds
//! ours' value; the record keeps theirs until someone takes a side. It is the
//! file's `[[conflict]]` list, and every record is a `merge-conflict` finding.

use super::model::{Journey, Language, Role};
use super::opportunity::{Opportunity, PlanField};

/// A phase or a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Axis {
    Phase,
    Row,
}

impl Axis {
    pub fn word(self) -> &'static str {
        match self {
            Axis::Phase => "phase",
            Axis::Row => "row",
        }
    }
}

/// One side of a merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Version {
    Ours,
    Theirs,
}

impl Version {
    /// `ours` or `theirs`, as the file writes it.
    pub fn word(self) -> &'static str {
        match self {
            Version::Ours => "ours",
            Version::Theirs => "theirs",
        }
    }

    pub fn from_word(word: &str) -> Option<Version> {
        [Version::Ours, Version::Theirs].into_iter().find(|v| v.word() == word)
    }

    pub fn other(self) -> Version {
        match self {
            Version::Ours => Version::Theirs,
            Version::Theirs => Version::Ours,
        }
    }
}

/// A choice a merge did not make. Names are the merged journey's.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Unresolved {
    /// Both sides changed the phase's mood; theirs is this (`None`: unknown).
    Mood { phase: String, theirs: Option<i8> },
    /// Both sides gave the row another role; theirs is this (`None`: by its name).
    Role { row: String, theirs: Option<Role> },
    /// Both sides changed the language; theirs is this (`None`: from the row names).
    Lang { theirs: Option<Language> },
    /// Both sides moved phases (rows) differently: theirs' order of them.
    Order { axis: Axis, theirs: Vec<String> },
    /// `by` deleted this phase (row); the other side renamed it or changed
    /// its mood (role), so it is kept until someone decides.
    Deleted { axis: Axis, name: String, by: Version },
    /// Both sides changed this field of the opportunity titled `title`
    /// differently; theirs holds theirs' value of it (its other fields are empty).
    Plan { title: String, field: PlanField, theirs: Box<Opportunity> },
    /// Both sides changed one source's mood in the phase (`[phase.moods]`);
    /// theirs is this (`None`: unknown). `source` is the key, without `@`.
    SourceMood { phase: String, source: String, theirs: Option<i8> },
    /// Both sides changed the description of this source (`[sources]`); theirs is this.
    Source { name: String, theirs: String },
}

fn mood(m: Option<i8>) -> String {
    m.map_or_else(|| "unknown".to_owned(), |m| m.to_string())
}

fn role(r: Option<Role>) -> &'static str {
    r.map_or("none (its name decides)", Role::id)
}

fn lang(l: Option<Language>) -> &'static str {
    l.map_or("none (the row names decide)", Language::code)
}

impl Unresolved {
    /// The `about` word the file writes.
    pub fn about(&self) -> &'static str {
        match self {
            Unresolved::Mood { .. } => "mood",
            Unresolved::Role { .. } => "role",
            Unresolved::Lang { .. } => "lang",
            Unresolved::Order { axis: Axis::Phase, .. } => "phase-order",
            Unresolved::Order { axis: Axis::Row, .. } => "row-order",
            Unresolved::Deleted { axis: Axis::Phase, .. } => "deleted-phase",
            Unresolved::Deleted { axis: Axis::Row, .. } => "deleted-row",
            Unresolved::Plan { .. } => "opportunity",
            Unresolved::Source { .. } => "source",
            Unresolved::SourceMood { .. } => "source-mood",
        }
    }

    /// The phase this record is about, if it is about one.
    pub fn phase(&self) -> Option<&str> {
        match self {
            Unresolved::Mood { phase, .. }
            | Unresolved::SourceMood { phase, .. }
            | Unresolved::Deleted { axis: Axis::Phase, name: phase, .. } => Some(phase),
            _ => None,
        }
    }

    /// The row this record is about, if it is about one.
    pub fn row(&self) -> Option<&str> {
        match self {
            Unresolved::Role { row, .. } | Unresolved::Deleted { axis: Axis::Row, name: row, .. } => Some(row),
            _ => None,
        }
    }

    /// The same record with phase and row names mapped (across a rename).
    pub fn renamed(&self, phase: impl Fn(&str) -> String, row: impl Fn(&str) -> String) -> Unresolved {
        match self.clone() {
            Unresolved::Mood { phase: p, theirs } => Unresolved::Mood { phase: phase(&p), theirs },
            Unresolved::SourceMood { phase: p, source, theirs } => {
                Unresolved::SourceMood { phase: phase(&p), source, theirs }
            }
            Unresolved::Role { row: r, theirs } => Unresolved::Role { row: row(&r), theirs },
            Unresolved::Order { axis, theirs } => {
                let map = |n: &String| if axis == Axis::Phase { phase(n) } else { row(n) };
                Unresolved::Order { axis, theirs: theirs.iter().map(map).collect() }
            }
            Unresolved::Deleted { axis, name, by } => {
                let name = if axis == Axis::Phase { phase(&name) } else { row(&name) };
                Unresolved::Deleted { axis, name, by }
            }
            other @ (Unresolved::Lang { .. } | Unresolved::Plan { .. } | Unresolved::Source { .. }) => other,
        }
    }

    /// What the two sides want, in words, with ours' value read from the journey.
    pub fn describe(&self, journey: &Journey) -> String {
        match self {
            Unresolved::Mood { phase, theirs } => {
                let ours = journey.phase_index(phase).and_then(|p| journey.phases()[p].mood);
                format!(
                    "the mood of \"{phase}\" changed on both sides: {} (ours, kept for now) or {} (theirs)",
                    mood(ours),
                    mood(*theirs)
                )
            }
            Unresolved::SourceMood { phase, source, theirs } => {
                let ours = journey.phase_index(phase).and_then(|p| journey.phases()[p].mood_of(source));
                format!(
                    "the mood of @{source} in \"{phase}\" changed on both sides: {} (ours, kept for now) or {} (theirs)",
                    mood(ours),
                    mood(*theirs)
                )
            }
            Unresolved::Role { row, theirs } => {
                let ours = journey.row_index(row).and_then(|r| journey.explicit_role(r));
                format!(
                    "the role of the row \"{row}\" changed on both sides: {} (ours, kept for now) or {} (theirs)",
                    role(ours),
                    role(*theirs)
                )
            }
            Unresolved::Lang { theirs } => format!(
                "the language changed on both sides: {} (ours, kept for now) or {} (theirs)",
                lang(journey.lang),
                lang(*theirs)
            ),
            Unresolved::Order { axis, theirs } => format!(
                "both sides moved {}s: ours' order is kept for now; theirs is {}",
                axis.word(),
                theirs.iter().map(|n| format!("\"{n}\"")).collect::<Vec<_>>().join(", ")
            ),
            Unresolved::Deleted { axis, name, by } => format!(
                "the {} \"{name}\" was deleted on {} and changed on {}: it is kept for now",
                axis.word(),
                by.word(),
                by.other().word()
            ),
            Unresolved::Plan { title, field, theirs } => {
                let ours = journey.opportunities.iter().find(|o| &o.title == title);
                format!(
                    "the {} of the opportunity \"{title}\" changed on both sides: \"{}\" (ours, kept for now) or \"{}\" (theirs)",
                    field.id(),
                    ours.map_or_else(String::new, |o| field.show(o)),
                    field.show(theirs)
                )
            }
            Unresolved::Source { name, theirs } => format!(
                "the description of the source \"{name}\" changed on both sides: \"{}\" (ours, kept for now) or \"{theirs}\" (theirs)",
                journey.sources.get(name).map_or("", String::as_str)
            ),
        }
    }
}

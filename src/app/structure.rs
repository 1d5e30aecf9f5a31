//! The structure commands of the command line: phases, rows, title and
//! persona, turned into `Change`s; and Tab completion for the command line.

use crate::journey::{CellRef, Change, Journey, Role};

/// What a structure command asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Apply this change.
    Apply(Change),
    /// Deleting something with text in it: ask first, then apply.
    Confirm { question: String, change: Change },
    /// The command is wrong; tell the user why.
    Error(String),
}

/// Every command the command line knows, for completion and help.
pub const COMMANDS: [&str; 21] = [
    "w",
    "w!",
    "wq",
    "x",
    "q",
    "q!",
    "help",
    "phase add",
    "phase insert",
    "phase rename",
    "phase delete",
    "phase move left",
    "phase move right",
    "row add",
    "row insert",
    "row rename",
    "row delete",
    "row move up",
    "row move down",
    "title",
    "persona",
];

/// Complete the command line: the longest unambiguous extension of what is
/// typed; with a single match, the whole command and a space.
pub fn complete(line: &str) -> String {
    let typed = line.trim_start();
    let candidates: Vec<&str> =
        COMMANDS.iter().copied().filter(|c| c.starts_with(typed) && c.len() > typed.len()).collect();
    match candidates.as_slice() {
        [] => line.to_owned(),
        [one] => format!("{one} "),
        many => {
            let first = many[0];
            let common = (typed.len()..=first.len())
                .rev()
                .find(|&n| first.is_char_boundary(n) && many.iter().all(|c| c.starts_with(&first[..n])))
                .unwrap_or(typed.len());
            first[..common].to_owned()
        }
    }
}

/// Run `phase …`, `row …`, `title …` or `persona …`; `None` for other commands.
pub fn command(journey: &Journey, cursor: CellRef, cmd: &str, rest: &str) -> Option<Outcome> {
    let (verb, arg) = match rest.split_once(char::is_whitespace) {
        Some((v, a)) => (v, a.trim()),
        None => (rest, ""),
    };
    Some(match cmd {
        "title" => Outcome::Apply(Change::SetTitle(rest.to_owned())),
        "persona" => Outcome::Apply(Change::SetPersona(rest.to_owned())),
        "phase" => phase(journey, cursor.phase, verb, arg),
        "row" => row(journey, cursor.row, verb, arg),
        _ => return None,
    })
}

fn need_name(kind: &str, verb: &str, name: &str) -> Option<Outcome> {
    name.is_empty().then(|| Outcome::Error(format!(":{kind} {verb} needs a name, e.g. :{kind} {verb} Onboarding")))
}

fn phase(journey: &Journey, at: usize, verb: &str, name: &str) -> Outcome {
    let last = journey.phase_count().saturating_sub(1);
    let name_owned = name.to_owned();
    match verb {
        "add" | "insert" | "rename" => {
            if let Some(e) = need_name("phase", verb, name) {
                return e;
            }
            Outcome::Apply(match verb {
                "add" => Change::InsertPhase { at: at + 1, name: name_owned, mood: None, cells: Vec::new() },
                "insert" => Change::InsertPhase { at, name: name_owned, mood: None, cells: Vec::new() },
                _ => Change::RenamePhase { at, name: name_owned },
            })
        }
        "delete" => {
            let phase = &journey.phases()[at];
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
        "move" => match name {
            "left" if at > 0 => Outcome::Apply(Change::MovePhase { from: at, to: at - 1 }),
            "right" if at < last => Outcome::Apply(Change::MovePhase { from: at, to: at + 1 }),
            "left" | "right" => Outcome::Error(format!(
                "The phase is already the {} one",
                if name == "left" { "first" } else { "last" }
            )),
            _ => Outcome::Error(":phase move needs left or right".into()),
        },
        "" => Outcome::Error(":phase needs add, insert, rename, delete or move".into()),
        other => Outcome::Error(format!("Unknown :phase {other} (use add, insert, rename, delete or move)")),
    }
}

/// Rename a row so it keeps the role it plays: a role its old name implied
/// and its new name does not becomes explicit.
fn rename_row(journey: &Journey, at: usize, name: String) -> Change {
    let role = journey.role_of(at);
    let rename = Change::RenameRow { at, name: name.clone() };
    match role {
        Some(r) if journey.explicit_role(at).is_none() && Role::from_row_name(&name) != Some(r) => {
            Change::Batch(vec![rename, Change::SetRole { row: at, role: Some(r) }])
        }
        _ => rename,
    }
}

fn row(journey: &Journey, at: usize, verb: &str, name: &str) -> Outcome {
    let last = journey.row_count().saturating_sub(1);
    let name_owned = name.to_owned();
    match verb {
        "add" | "insert" | "rename" => {
            if let Some(e) = need_name("row", verb, name) {
                return e;
            }
            Outcome::Apply(match verb {
                "add" => Change::InsertRow { at: at + 1, name: name_owned, cells: Vec::new(), role: None },
                "insert" => Change::InsertRow { at, name: name_owned, cells: Vec::new(), role: None },
                _ => rename_row(journey, at, name_owned),
            })
        }
        "delete" => {
            let filled = journey.phases().iter().filter(|p| !p.cells()[at].is_empty()).count();
            let row_name = &journey.rows()[at];
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
        "move" => match name {
            "up" if at > 0 => Outcome::Apply(Change::MoveRow { from: at, to: at - 1 }),
            "down" if at < last => Outcome::Apply(Change::MoveRow { from: at, to: at + 1 }),
            "up" | "down" => {
                Outcome::Error(format!("The row is already the {} one", if name == "up" { "first" } else { "last" }))
            }
            _ => Outcome::Error(":row move needs up or down".into()),
        },
        "" => Outcome::Error(":row needs add, insert, rename, delete or move".into()),
        other => Outcome::Error(format!("Unknown :row {other} (use add, insert, rename, delete or move)")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completion_extends_to_the_longest_common_prefix() {
        assert_eq!(complete("ph"), "phase ");
        assert_eq!(complete("phase r"), "phase rename ");
        assert_eq!(complete("phase m"), "phase move ");
        assert_eq!(complete("phase move l"), "phase move left ");
        assert_eq!(complete("row "), "row ");
        assert_eq!(complete("p"), "p");
        assert_eq!(complete("zzz"), "zzz");
    }

    #[test]
    fn mistakes_are_explained() {
        let j = Journey::default();
        let c = CellRef::new(0, 0);
        assert_eq!(
            command(&j, c, "phase", "rename"),
            Some(Outcome::Error(":phase rename needs a name, e.g. :phase rename Onboarding".into()))
        );
        assert!(matches!(command(&j, c, "phase", "move left"), Some(Outcome::Error(e)) if e.contains("first")));
        assert!(matches!(command(&j, c, "row", "frobnicate"), Some(Outcome::Error(e)) if e.contains("Unknown :row")));
        assert_eq!(command(&j, c, "w", ""), None);
    }

    #[test]
    fn deleting_text_asks_first() {
        let mut j = Journey::default();
        Change::SetCell { at: CellRef::new(1, 2), text: "x".into() }.apply(&mut j).unwrap();
        assert!(matches!(command(&j, CellRef::new(1, 0), "phase", "delete"), Some(Outcome::Confirm { .. })));
        assert!(matches!(command(&j, CellRef::new(0, 0), "phase", "delete"), Some(Outcome::Apply(_))));
        assert!(matches!(command(&j, CellRef::new(0, 2), "row", "delete"), Some(Outcome::Confirm { .. })));
    }
}

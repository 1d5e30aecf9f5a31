//! Questions as data: each question jgrid can ask is one row of `QUESTIONS`
//! (its id for the config file, its title, how it is shown, its answers with
//! their default keys and labels, and what any other key does). The keymap
//! binds the answers in the question's own key mode, so they can be remapped
//! like any other key; the hint line, the dialog and help read this table.

use std::path::PathBuf;

use ratatui::crossterm::event::KeyCode;

use crate::app::input::action::Action;
use crate::journey::{Change, Journey};
use crate::recovery::Recovery;

/// Which question is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuestionKind {
    /// Quitting with unsaved changes.
    Quit,
    /// At start: unsaved changes from an earlier session were found.
    Recover,
    /// Saving, but the file changed on disk (or another file is there).
    Conflict,
    /// Deleting a phase or row with text in it.
    Delete,
    /// At start: another jgrid has this journey open.
    Open,
    /// A merge conflict at the cursor: which side to take.
    Take,
    /// Quitting while text is in no file but the recovery file: recovered
    /// changes that were undone, an edit abandoned with Ctrl-c.
    Unsaved,
}

/// Where a question is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// On the status line, with the answers on the hint line.
    StatusLine,
    /// In a box over the grid, with the answers listed in it.
    Dialog,
}

/// One answer: the action it runs, its default keys, a short label for the
/// hint line and a longer one for the dialog. An answer with no keys is
/// what any other key does.
#[derive(Debug)]
pub struct AnswerSpec {
    pub action: Action,
    pub keys: &'static [KeyCode],
    pub short: &'static str,
    pub long: &'static str,
}

/// Everything about one kind of question that is not about this instance.
#[derive(Debug)]
pub struct QuestionSpec {
    pub kind: QuestionKind,
    /// Its name in the config file (`[keys.quit]`) and in help.
    pub id: &'static str,
    /// The mode shown on the status line while it is asked.
    pub mode: &'static str,
    /// The dialog's title (for `Shown::Dialog`).
    pub title: &'static str,
    pub shown: Shown,
    pub answers: &'static [AnswerSpec],
    /// What a key that answers nothing does; `None`: the question waits.
    pub otherwise: Option<Action>,
}

const fn answer(action: Action, keys: &'static [KeyCode], short: &'static str, long: &'static str) -> AnswerSpec {
    AnswerSpec { action, keys, short, long }
}

use KeyCode::{Char, Enter, Esc};

/// Every question jgrid asks.
pub const QUESTIONS: [QuestionSpec; 7] = [
    QuestionSpec {
        kind: QuestionKind::Quit,
        id: "quit",
        mode: "QUIT?",
        title: "",
        shown: Shown::StatusLine,
        answers: &[
            answer(
                Action::SaveAndQuit,
                &[Char('y'), Char('Y'), Char('s'), Char('S')],
                "save and quit",
                "save, then quit",
            ),
            answer(
                Action::QuitWithoutSaving,
                &[Char('n'), Char('N'), Char('d'), Char('D')],
                "quit without saving",
                "quit; the changes are lost",
            ),
            answer(Action::Cancel, &[Esc], "stay", "stay in jgrid"),
        ],
        otherwise: Some(Action::Cancel),
    },
    QuestionSpec {
        kind: QuestionKind::Recover,
        id: "recover",
        mode: "RECOVER?",
        title: " Unsaved changes found ",
        shown: Shown::Dialog,
        answers: &[
            answer(
                Action::Recover,
                &[Char('r'), Char('R'), Enter],
                "recover",
                "recover them (they open as unsaved changes)",
            ),
            answer(Action::Discard, &[Char('d'), Char('D')], "discard", "discard them"),
            answer(
                Action::KeepForLater,
                &[Char('q'), Char('Q')],
                "quit, keep for later",
                "quit and keep them for later",
            ),
        ],
        otherwise: None,
    },
    QuestionSpec {
        kind: QuestionKind::Conflict,
        id: "conflict",
        mode: "CHANGED ON DISK",
        title: " File changed on disk ",
        shown: Shown::Dialog,
        answers: &[
            answer(Action::Overwrite, &[Char('o'), Char('O')], "overwrite", "overwrite it with this journey"),
            answer(
                Action::Reload,
                &[Char('r'), Char('R')],
                "reload",
                "reload it from disk (your changes are kept in a recovery file)",
            ),
            answer(Action::SaveAs, &[Char('w'), Char('W')], "save as", "save under another name"),
            answer(Action::Cancel, &[Esc], "cancel", "cancel; nothing is saved, nothing is lost"),
        ],
        otherwise: Some(Action::Cancel),
    },
    QuestionSpec {
        kind: QuestionKind::Delete,
        id: "delete",
        mode: "DELETE?",
        title: "",
        shown: Shown::StatusLine,
        answers: &[
            answer(Action::ConfirmDelete, &[Char('y'), Char('Y')], "delete (u undoes)", "delete it (u undoes)"),
            answer(Action::KeepIt, &[], "keep it", "keep it; nothing is deleted"),
        ],
        otherwise: Some(Action::KeepIt),
    },
    QuestionSpec {
        kind: QuestionKind::Open,
        id: "open",
        mode: "ALREADY OPEN",
        title: " Already open in another jgrid ",
        shown: Shown::Dialog,
        answers: &[
            answer(
                Action::OpenAnyway,
                &[Char('o'), Char('O')],
                "open anyway",
                "open it anyway (each jgrid keeps its own recovery file; a save asks before it overwrites the other's)",
            ),
            answer(
                Action::OpenReadOnly,
                &[Char('r'), Char('R')],
                "read-only",
                "open it read-only (:w! still saves, :w FILE saves elsewhere)",
            ),
            answer(Action::Quit, &[Char('q'), Char('Q'), Esc], "quit", "quit"),
        ],
        otherwise: None,
    },
    QuestionSpec {
        kind: QuestionKind::Take,
        id: "take",
        mode: "CONFLICT",
        title: "",
        shown: Shown::StatusLine,
        answers: &[
            answer(Action::TakeOurs, &[Char('o'), Char('O')], "ours", "take ours"),
            answer(Action::TakeTheirs, &[Char('t'), Char('T')], "theirs", "take theirs"),
            answer(Action::TakeBoth, &[Char('b'), Char('B')], "both", "take both, ours first"),
            answer(Action::Cancel, &[Esc], "cancel", "leave the conflict as it is"),
        ],
        otherwise: Some(Action::Cancel),
    },
    QuestionSpec {
        kind: QuestionKind::Unsaved,
        id: "unsaved",
        mode: "UNSAVED TEXT",
        title: " Text in no file ",
        shown: Shown::Dialog,
        answers: &[
            answer(
                Action::KeepForLater,
                &[Char('k'), Char('K'), Char('q'), Char('Q')],
                "quit, keep it for later",
                "quit and keep it: the next start offers it again",
            ),
            answer(Action::QuitWithoutSaving, &[Char('d'), Char('D')], "quit, discard it", "quit and discard it"),
            answer(Action::Cancel, &[Esc], "stay", "stay in jgrid (Ctrl-r or u brings it back)"),
        ],
        otherwise: None,
    },
];

impl QuestionKind {
    pub const ALL: [QuestionKind; QUESTIONS.len()] = {
        let mut all = [QuestionKind::Quit; QUESTIONS.len()];
        let mut i = 0;
        while i < QUESTIONS.len() {
            all[i] = QUESTIONS[i].kind;
            i += 1;
        }
        all
    };

    pub fn spec(self) -> &'static QuestionSpec {
        QUESTIONS.iter().find(|q| q.kind == self).unwrap_or(&QUESTIONS[0])
    }
}

/// A recovery file found at start, read once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Where it is; it stays there until it is recovered, discarded or saved.
    pub file: PathBuf,
    pub recovery: Recovery,
    /// The journey it holds; `None` when that part is damaged.
    pub journey: Option<Journey>,
    /// Each part that cannot be used as it is, in words (`recovery::check`).
    pub problems: Vec<String>,
}

/// What an asked question is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum About {
    Nothing,
    /// The change to apply when the answer is yes.
    Change(Change),
    /// The save that found the file changed.
    Save {
        path: PathBuf,
        then_quit: bool,
        own_file: bool,
    },
    /// A recovery file, and the ones to ask about after it.
    Recovery {
        found: Box<Found>,
        more: Vec<Found>,
    },
    /// Another jgrid has the journey open; then ask about these recovery files.
    Open {
        then: Vec<Found>,
    },
}

/// A question being asked: its kind, its sentence and what it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub kind: QuestionKind,
    pub text: String,
    pub about: About,
}

impl Question {
    pub fn new(kind: QuestionKind, text: impl Into<String>, about: About) -> Self {
        Self { kind, text: text.into(), about }
    }

    pub fn spec(&self) -> &'static QuestionSpec {
        self.kind.spec()
    }

    /// The answers this instance offers (reloading needs the journey's own file).
    pub fn answers(&self) -> impl Iterator<Item = &'static AnswerSpec> + '_ {
        self.spec().answers.iter().filter(|a| self.offers(a.action))
    }

    pub fn offers(&self, action: Action) -> bool {
        match (&self.about, action) {
            (About::Save { own_file, .. }, Action::Reload) => *own_file,
            _ => self.spec().answers.iter().any(|a| a.action == action),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_question_has_its_row_and_a_way_to_answer() {
        for (i, spec) in QUESTIONS.iter().enumerate() {
            assert_eq!(QuestionKind::ALL[i], spec.kind);
            assert_eq!(spec.kind.spec().id, spec.id);
            assert!(spec.answers.iter().any(|a| !a.keys.is_empty()), "{} has keys", spec.id);
            if let Some(other) = spec.otherwise {
                assert!(spec.answers.iter().any(|a| a.action == other), "{}: otherwise is an answer", spec.id);
            }
        }
    }
}

//! Every question jgrid asks, one row each: its id for the config file, its
//! title, how it is shown, its answers with their default keys, labels and
//! what each does, and what any other key does. The keymap binds the
//! answers in the question's own key mode, so they can be remapped like any
//! other key; the hint line, the dialog, help and the manual read this table.
//! Adding a question is one `QuestionKind` and one row here.

use ratatui::crossterm::event::KeyCode;

use super::answers as run;
use super::question::{AnswerSpec, QuestionKind, QuestionSpec, Run, Shown};
use crate::app::input::action::{Action, Answer, Grid};

const fn answer(
    action: Action,
    keys: &'static [KeyCode],
    short: &'static str,
    long: &'static str,
    run: Run,
) -> AnswerSpec {
    AnswerSpec { action, keys, short, long, run }
}

use KeyCode::{Char, Enter, Esc};

impl QuestionKind {
    /// This question's row of the table.
    pub fn spec(self) -> &'static QuestionSpec {
        match self {
            QuestionKind::Quit => &QUIT,
            QuestionKind::Recover => &RECOVER,
            QuestionKind::Conflict => &CONFLICT,
            QuestionKind::Delete => &DELETE,
            QuestionKind::Open => &OPEN,
            QuestionKind::Take => &TAKE,
            QuestionKind::Unmerged => &UNMERGED,
            QuestionKind::Unsaved => &UNSAVED,
        }
    }
}

const QUIT: QuestionSpec = QuestionSpec {
    id: "quit",
    about: "quit with unsaved changes",
    mode: "QUIT?",
    title: "",
    shown: Shown::StatusLine,
    answers: &[
        answer(
            Action::Answer(Answer::SaveAndQuit),
            &[Char('y'), Char('Y'), Char('s'), Char('S')],
            "save and quit",
            "save, then quit",
            run::save_and_quit,
        ),
        answer(
            Action::Answer(Answer::QuitWithoutSaving),
            &[Char('n'), Char('N'), Char('d'), Char('D')],
            "quit without saving",
            "quit; the changes are lost",
            run::quit_without_saving,
        ),
        answer(Action::Cancel, &[Esc], "stay", "stay in jgrid", run::stay),
    ],
    otherwise: Some(Action::Cancel),
};

const RECOVER: QuestionSpec = QuestionSpec {
    id: "recover",
    about: "unsaved changes from an earlier session found (at start)",
    mode: "RECOVER?",
    title: " Unsaved changes found ",
    shown: Shown::Dialog,
    answers: &[
        answer(
            Action::Answer(Answer::Recover),
            &[Char('r'), Char('R'), Enter],
            "recover",
            "recover them (they open as unsaved changes)",
            run::recover,
        ),
        answer(Action::Answer(Answer::Discard), &[Char('d'), Char('D')], "discard", "discard them", run::discard),
        answer(
            Action::Answer(Answer::KeepForLater),
            &[Char('q'), Char('Q')],
            "quit, keep for later",
            "quit and keep them for later",
            run::quit_keeping_recovery,
        ),
    ],
    otherwise: None,
};

const CONFLICT: QuestionSpec = QuestionSpec {
    id: "conflict",
    about: "the file changed on disk since it was opened (on save)",
    mode: "CHANGED ON DISK",
    title: " File changed on disk ",
    shown: Shown::Dialog,
    answers: &[
        answer(
            Action::Answer(Answer::Overwrite),
            &[Char('o'), Char('O')],
            "overwrite",
            "overwrite it with this journey",
            run::overwrite,
        ),
        answer(
            Action::Answer(Answer::Reload),
            &[Char('r'), Char('R')],
            "reload",
            "reload it from disk (your changes are kept in a recovery file)",
            run::reload,
        ),
        answer(
            Action::Answer(Answer::SaveAs),
            &[Char('w'), Char('W')],
            "save as",
            "save under another name",
            run::save_as,
        ),
        answer(Action::Cancel, &[Esc], "cancel", "cancel; nothing is saved, nothing is lost", run::not_saved),
    ],
    otherwise: Some(Action::Cancel),
};

const DELETE: QuestionSpec = QuestionSpec {
    id: "delete",
    about: "delete a phase or row with text",
    mode: "DELETE?",
    title: "",
    shown: Shown::StatusLine,
    answers: &[
        answer(
            Action::Answer(Answer::ConfirmDelete),
            &[Char('y'), Char('Y')],
            "delete (u undoes)",
            "delete it (u undoes)",
            run::delete,
        ),
        answer(Action::Answer(Answer::KeepIt), &[], "keep it", "keep it; nothing is deleted", run::keep_it),
    ],
    otherwise: Some(Action::Answer(Answer::KeepIt)),
};

const OPEN: QuestionSpec = QuestionSpec {
    id: "open",
    about: "the journey is already open in another jgrid (at start)",
    mode: "ALREADY OPEN",
    title: " Already open in another jgrid ",
    shown: Shown::Dialog,
    answers: &[
        answer(
            Action::Answer(Answer::OpenAnyway),
            &[Char('o'), Char('O')],
            "open anyway",
            "open it anyway (each jgrid keeps its own recovery file; a save asks before it overwrites the other's)",
            run::open_anyway,
        ),
        answer(
            Action::Answer(Answer::OpenReadOnly),
            &[Char('r'), Char('R')],
            "read-only",
            "open it read-only (:w! still saves, :w FILE saves elsewhere)",
            run::open_read_only,
        ),
        answer(
            Action::Answer(Answer::TakeOver),
            &[Char('t'), Char('T')],
            "take over",
            "take over: it writes its unsaved changes (a half-typed note too) and quits, even with its terminal gone; they are offered here as after a crash",
            run::take_over,
        ),
        answer(Action::Grid(Grid::Quit), &[Char('q'), Char('Q'), Esc], "quit", "quit", run::quit_keeping_recovery),
    ],
    otherwise: None,
};

const TAKE: QuestionSpec = QuestionSpec {
    id: "take",
    about: "a merge conflict at the cursor (`M`)",
    mode: "CONFLICT",
    title: "",
    shown: Shown::StatusLine,
    answers: &[
        answer(Action::Answer(Answer::TakeOurs), &[Char('o'), Char('O')], "ours", "take ours", run::take_ours),
        answer(Action::Answer(Answer::TakeTheirs), &[Char('t'), Char('T')], "theirs", "take theirs", run::take_theirs),
        answer(
            Action::Answer(Answer::TakeBoth),
            &[Char('b'), Char('B')],
            "both",
            "take both, ours first",
            run::take_both,
        ),
        answer(Action::Cancel, &[Esc], "cancel", "leave the conflict as it is", run::leave_conflict),
    ],
    otherwise: Some(Action::Cancel),
};

const UNMERGED: QuestionSpec = QuestionSpec {
    id: "unmerged",
    about: "the file holds git's conflict markers and does not load (at start)",
    mode: "GIT CONFLICT",
    title: " Git's conflict markers ",
    shown: Shown::Dialog,
    answers: &[
        answer(
            Action::Answer(Answer::UseMerge),
            &[Char('m'), Char('M'), Enter],
            "use the merge",
            "use jgrid's cell-by-cell merge (unsaved until Ctrl-s)",
            run::use_merge,
        ),
        answer(
            Action::Answer(Answer::QuitWithoutSaving),
            &[Char('q'), Char('Q'), Esc],
            "quit",
            "quit; the file stays as git left it",
            run::quit_without_saving,
        ),
    ],
    otherwise: None,
};

const UNSAVED: QuestionSpec = QuestionSpec {
    id: "unsaved",
    about: "quit while text is in no file but the recovery file (recovered changes that were undone, an edit abandoned with `Ctrl-c`)",
    mode: "UNSAVED TEXT",
    title: " Text in no file ",
    shown: Shown::Dialog,
    answers: &[
        answer(
            Action::Answer(Answer::KeepForLater),
            &[Char('k'), Char('K'), Char('q'), Char('Q')],
            "quit, keep it for later",
            "quit and keep it: the next start offers it again",
            run::quit_keeping_recovery,
        ),
        answer(
            Action::Answer(Answer::QuitWithoutSaving),
            &[Char('d'), Char('D')],
            "quit, discard it",
            "quit and discard it",
            run::quit_without_saving,
        ),
        answer(Action::Cancel, &[Esc], "stay", "stay in jgrid (Ctrl-r or u brings it back)", run::stay),
    ],
    otherwise: None,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_question_has_a_unique_id_and_a_way_to_answer() {
        for &kind in QuestionKind::ALL {
            let spec = kind.spec();
            assert_eq!(QuestionKind::ALL.iter().filter(|k| k.spec().id == spec.id).count(), 1, "{}", spec.id);
            assert!(spec.answers.iter().any(|a| !a.keys.is_empty()), "{} has keys", spec.id);
            if let Some(other) = spec.otherwise {
                assert!(spec.answers.iter().any(|a| a.action == other), "{}: otherwise is an answer", spec.id);
            }
            for a in spec.answers {
                assert_eq!(spec.answers.iter().filter(|b| b.action == a.action).count(), 1, "{}", spec.id);
            }
        }
    }
}

//! A question as data: which kind it is, what it is about, and the shape of
//! the table row (`QuestionSpec`) that says how it is asked and answered.

use std::path::PathBuf;

use ratatui::crossterm::event::KeyCode;
use strum::VariantArray;

use crate::app::input::action::Action;
use crate::app::msg::Effect;
use crate::app::state::App;
use crate::journey::{Change, Journey};
use crate::recovery::Recovery;

/// Which question is asked; each has one row in the question table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, VariantArray)]
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
    /// At start: the file holds git's conflict markers; use jgrid's merge of it?
    Unmerged,
    /// Quitting while text is in no file but the recovery file: recovered
    /// changes that were undone, an edit abandoned with Ctrl-c.
    Unsaved,
}

impl QuestionKind {
    /// Every question, in the order help lists them.
    pub const ALL: &'static [QuestionKind] = QuestionKind::VARIANTS;

    /// Asked at start, before this jgrid holds anything of its own: another
    /// jgrid taking the journey over leaves a jgrid asking it be.
    pub fn at_start(self) -> bool {
        match self {
            QuestionKind::Open | QuestionKind::Recover | QuestionKind::Unmerged => true,
            QuestionKind::Quit
            | QuestionKind::Conflict
            | QuestionKind::Delete
            | QuestionKind::Take
            | QuestionKind::Unsaved => false,
        }
    }
}

/// Where a question is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// On the status line, with the answers on the hint line.
    StatusLine,
    /// In a box over the grid, with the answers listed in it.
    Dialog,
}

/// What an answer does: it gets the app and what the question was about.
pub type Run = fn(&mut App, About) -> Vec<Effect>;

/// One answer: the action its keys are bound to, its default keys, a short
/// label for the hint line, a longer one for the dialog, and what it does.
/// An answer with no keys is what any other key does.
pub struct AnswerSpec {
    pub action: Action,
    pub keys: &'static [KeyCode],
    pub short: &'static str,
    pub long: &'static str,
    pub run: Run,
}

impl std::fmt::Debug for AnswerSpec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AnswerSpec").field("action", &self.action).field("short", &self.short).finish()
    }
}

/// Everything about one kind of question that is not about this instance.
#[derive(Debug)]
pub struct QuestionSpec {
    /// Its name in the config file (`[keys.quit]`) and in help.
    pub id: &'static str,
    /// What it asks, for help and the manual.
    pub about: &'static str,
    /// The mode shown on the status line while it is asked.
    pub mode: &'static str,
    /// The dialog's title (for `Shown::Dialog`).
    pub title: &'static str,
    pub shown: Shown,
    pub answers: &'static [AnswerSpec],
    /// What a key that answers nothing does; `None`: the question waits.
    pub otherwise: Option<Action>,
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

/// What a jgrid finds when it opens a journey: other jgrids that have it
/// open, the recovery files no running jgrid owns, and the ones that cannot
/// be read (left alone).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Discovered {
    pub others: Vec<crate::recovery::Other>,
    pub found: Vec<Found>,
    pub unreadable: Vec<(PathBuf, String)>,
}

/// What an asked question is about; each kind of question has its own, so a
/// question cannot be about the wrong thing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum About {
    /// Quitting with unsaved changes.
    Quit,
    /// A recovery file, and the ones to ask about after it.
    Recovery { found: Box<Found>, more: Vec<Found> },
    /// The save that found the file changed.
    Save { path: PathBuf, then_quit: bool, own_file: bool },
    /// The deletion to apply when the answer is yes.
    Delete(Change),
    /// Other jgrids have the journey open; then ask about these recovery files.
    Open { others: Vec<crate::recovery::Other>, then: Vec<Found> },
    /// The merge conflict at the cursor.
    Take,
    /// The journey is jgrid's merge of a file git left with its conflict
    /// markers (`conflicts` left in it); then what `Msg::Opened` says.
    Unmerged {
        conflicts: usize,
        others: Vec<crate::recovery::Other>,
        found: Vec<Found>,
        unreadable: Vec<(PathBuf, String)>,
    },
    /// Quitting with text in no file but the recovery file.
    Unsaved,
}

impl About {
    pub fn kind(&self) -> QuestionKind {
        match self {
            About::Quit => QuestionKind::Quit,
            About::Recovery { .. } => QuestionKind::Recover,
            About::Save { .. } => QuestionKind::Conflict,
            About::Delete(_) => QuestionKind::Delete,
            About::Open { .. } => QuestionKind::Open,
            About::Take => QuestionKind::Take,
            About::Unmerged { .. } => QuestionKind::Unmerged,
            About::Unsaved => QuestionKind::Unsaved,
        }
    }
}

/// A question being asked: its sentence and what it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub text: String,
    pub about: About,
}

impl Question {
    pub fn new(text: impl Into<String>, about: About) -> Self {
        Self { text: text.into(), about }
    }

    pub fn kind(&self) -> QuestionKind {
        self.about.kind()
    }

    pub fn spec(&self) -> &'static QuestionSpec {
        self.kind().spec()
    }

    /// The answers this instance offers (reloading needs the journey's own file).
    pub fn answers(&self) -> impl Iterator<Item = &'static AnswerSpec> + '_ {
        self.spec().answers.iter().filter(|a| self.offers(a.action))
    }

    pub fn offers(&self, action: Action) -> bool {
        let listed = self.spec().answers.iter().any(|a| a.action == action);
        match (&self.about, action) {
            (About::Save { own_file, .. }, Action::Answer(crate::app::input::action::Answer::Reload)) => {
                listed && *own_file
            }
            _ => listed,
        }
    }
}

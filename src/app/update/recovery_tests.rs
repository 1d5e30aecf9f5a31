//! Issue 27: recovered text that was undone is still unsaved work; every
//! prompt's text is in the recovery file; a damaged recovery file is read
//! as strictly as a journey, its bad parts named and kept.

use strum::IntoEnumIterator as _;

use super::tests::{asking, found_at_start, keys, keys_all, sample};
use super::*;
use crate::app::questions::{About, Question, QuestionKind};
use crate::journey::{CellRef, Change, Journey, Note};
use crate::recovery::{Editing, Recovery, RecoveryTarget};

/// The sample app with a recovery target, and a recovery file holding MINE
/// in a cell offered at start.
fn offered_mine() -> App {
    let mut app = sample();
    app.workspace.recovery = Some(RecoveryTarget::new(std::path::Path::new("/r"), Some("j.toml".as_ref()), "me"));
    let mut mine = app.doc.journey.clone();
    Change::SetCell { at: CellRef::new(0, 0), text: "MINE".into() }.apply(&mut mine).unwrap();
    found_at_start(&mut app, Recovery::new("/x/j.toml", &mine, CellRef::new(0, 0), None));
    app
}

fn snapshot(app: &App) -> Recovery {
    app.recovery_snapshot().expect("a recovery target").1
}

/// Everything in a snapshot, as the recovery file has it.
fn file_text(app: &App) -> String {
    toml::to_string(&snapshot(app)).unwrap()
}

#[test]
fn undoing_recovered_changes_keeps_them_until_discarded_in_words() {
    // r, u, q: the question comes, and the recovery file keeps MINE meanwhile.
    let mut app = offered_mine();
    keys(&mut app, "ru");
    assert_eq!(app.doc.journey.cell(CellRef::new(0, 0)), "", "undone");
    assert!(!app.is_modified() && app.has_unsaved(), "undone recovered changes are unsaved work");
    assert!(file_text(&app).contains("MINE"), "the recovery file keeps the undone changes");
    assert!(keys(&mut app, "q").is_empty(), "q does not quit");
    assert!(asking(&app, QuestionKind::Unsaved));
    assert_eq!(keys(&mut app, "k"), [Effect::QuitKeepingRecovery]);
    // u :q, and d discards them in words.
    let mut app = offered_mine();
    keys(&mut app, "ru");
    assert!(keys(&mut app, ":q<Enter>").is_empty());
    assert!(asking(&app, QuestionKind::Unsaved));
    assert_eq!(keys(&mut app, "d"), [Effect::QuitDiscarding]);
    assert!(!app.has_unsaved());
    // u Ctrl-s q: saving the undone state does not save MINE; q still asks.
    let mut app = offered_mine();
    keys(&mut app, "ru");
    let save = keys(&mut app, "<C-s>");
    assert_eq!(save, [Effect::Save { path: "j.toml".into(), then_quit: false, force: false }]);
    update(&mut app, Msg::Saved { path: "j.toml".into(), result: Ok(1), then_quit: false, recovery: None });
    assert!(file_text(&app).contains("MINE"));
    assert!(keys(&mut app, "q").is_empty());
    assert!(asking(&app, QuestionKind::Unsaved));
    assert!(keys(&mut app, "<Esc>").is_empty(), "Esc stays");
    // u Ctrl-r u q: still undone, still asked; Ctrl-r then Ctrl-s saves it and q quits.
    keys(&mut app, "<C-r>u");
    assert!(keys(&mut app, "q").is_empty());
    assert!(asking(&app, QuestionKind::Unsaved));
    keys(&mut app, "<Esc><C-r>");
    assert_eq!(app.doc.journey.cell(CellRef::new(0, 0)), "MINE");
    update(&mut app, Msg::Saved { path: "j.toml".into(), result: Ok(2), then_quit: false, recovery: None });
    assert!(!app.has_unsaved(), "saved: MINE is in the journey file");
    assert_eq!(keys(&mut app, "q"), [Effect::Quit]);
}

#[test]
fn changes_recovered_then_undone_come_back_undone_at_the_next_start() {
    let mut app = offered_mine();
    keys(&mut app, "ru");
    // A new change drops the redo branch; MINE stays in the recovery file all the same.
    keys(&mut app, "jx");
    let left = snapshot(&app);
    assert_eq!(left.undone.len(), 1);
    assert!(left.undone[0].contains("MINE"));
    // The next start: the file is offered, and Ctrl-r brings MINE back.
    let mut next = sample();
    found_at_start(&mut next, left);
    keys(&mut next, "r");
    assert_ne!(next.doc.journey.cell(CellRef::new(0, 0)), "MINE");
    assert!(next.has_unsaved());
    keys(&mut next, "<C-r>");
    assert_eq!(next.doc.journey.cell(CellRef::new(0, 0)), "MINE");
}

#[test]
fn an_abandoned_edit_asks_before_quitting() {
    let mut app = sample();
    keys(&mut app, "ia reflex Ctrl-c<C-c>");
    assert!(keys(&mut app, "q").is_empty());
    assert!(asking(&app, QuestionKind::Unsaved));
    assert_eq!(keys(&mut app, "d"), [Effect::QuitDiscarding]);
}

/// Every prompt there is (every `LineKind`, with the defaults of its fields),
/// with text half typed: the text is in the recovery snapshot, the shell
/// counts it as typing (so it is written within a second), and recovering
/// the snapshot at the next start brings the text back: in its prompt, or in
/// the inbox when the prompt no longer fits the journey.
#[test]
fn every_prompt_keeps_its_text_in_the_recovery_file() {
    for kind in LineKind::iter() {
        let mut app = sample();
        app.doc.journey.inbox.push(Note { text: "a note".into(), source: None, at: "2026-12-01T14:03:12Z".into() });
        app.workspace.recovery = Some(RecoveryTarget::new(std::path::Path::new("/r"), Some("j.toml".as_ref()), "me"));
        app.mode = Mode::Line(Box::new(LineInput::new(kind.clone(), "")));
        let typed = format!("half-typed at {kind:?}");
        update(&mut app, Msg::Paste(typed.clone()));
        assert!(app.is_typing(), "{kind:?}: the shell writes typing within a second");
        assert!(app.has_unsaved(), "{kind:?}");
        let text = file_text(&app);
        let read: Recovery = toml::from_str(&text).expect("the recovery file reads back");
        assert_eq!(read.prompt.as_ref().map(|p| p.text.as_str()), Some(typed.as_str()), "{kind:?}");
        let mut next = sample();
        next.doc.journey.inbox.push(Note { text: "a note".into(), source: None, at: "2026-12-01T14:03:12Z".into() });
        found_at_start(&mut next, read);
        keys(&mut next, "r");
        let back_in_prompt = matches!(&next.mode, Mode::Line(l) if l.kind == kind && l.text() == typed);
        let in_inbox = next.doc.journey.inbox.iter().any(|n| n.text == typed);
        assert!(back_in_prompt || in_inbox, "{kind:?}: the half-typed text came back: {:?}", next.mode);
    }
}

/// At every question jgrid asks, the snapshot holds the changes made
/// before it (a signal there writes it).
#[test]
fn every_question_keeps_the_changes_in_the_recovery_file() {
    for &kind in QuestionKind::ALL {
        let mut app = sample();
        app.workspace.recovery = Some(RecoveryTarget::new(std::path::Path::new("/r"), Some("j.toml".as_ref()), "me"));
        keys(&mut app, "icommitted-word<Esc>");
        app.ask(Question::new("asked", about(kind)));
        assert_eq!(app.mode.question().map(|q| q.about.kind()), Some(kind));
        assert!(app.has_unsaved(), "{kind:?}");
        assert!(file_text(&app).contains("committed-word"), "{kind:?}");
    }
}

/// What a question of each kind is about, for a sample.
fn about(kind: QuestionKind) -> About {
    let found = || crate::app::questions::Found {
        file: "/r/x.toml".into(),
        recovery: Recovery::new("/x/j.toml", &Journey::default(), CellRef::default(), None),
        journey: Some(Journey::default()),
        problems: Vec::new(),
    };
    match kind {
        QuestionKind::Quit => About::Quit,
        QuestionKind::Recover => About::Recovery { found: Box::new(found()), more: Vec::new() },
        QuestionKind::Conflict => About::Save { path: "j.toml".into(), then_quit: false, own_file: true },
        QuestionKind::Delete => About::Delete(Change::SetTitle("x".into())),
        QuestionKind::Open => About::Open { others: Vec::new(), then: vec![found()] },
        QuestionKind::Take => About::Take,
        QuestionKind::Unsaved => About::Unsaved,
        QuestionKind::Unmerged => {
            About::Unmerged { conflicts: 1, others: Vec::new(), found: vec![found()], unreadable: Vec::new() }
        }
    }
}

#[test]
fn a_recovery_file_with_bad_parts_names_them_and_keeps_every_text() {
    let mut app = sample();
    let mut r = Recovery::new("/x/j.toml", &app.doc.journey, CellRef::new(0, 0), None);
    r.source = Some("bad name".into());
    r.editing = Some(Editing { phase: 999, row: 0, text: "typed in a phase that is gone".into() });
    found_at_start(&mut app, r);
    let question = app.mode.question().expect("offered").text.clone();
    assert!(question.contains("damaged"), "{question}");
    let effects = keys_all(&mut app, "r");
    assert!(effects.contains(&Effect::SetAsideRecovery { file: "/r/j-1.toml".into() }), "{effects:?}");
    assert_eq!(app.workspace.source, None, "a bad source name is not taken");
    let status = app.status.as_ref().unwrap().text.clone();
    assert!(status.contains("\"bad name\" is not a source name") && status.contains("+1 more"), "{status}");
    let note = app.doc.journey.inbox.last().expect("the text typed in a gone phase is in the inbox");
    assert_eq!(note.text, "typed in a phase that is gone");
    assert!(app.is_modified(), "so it is saved with the journey");
    assert!(crate::store::journey_text(&app.doc.journey).is_ok(), "and the journey can be written");
}

#[test]
fn a_recovery_file_whose_journey_is_damaged_is_left_alone_and_says_where() {
    let mut app = sample();
    let mut r = Recovery::new("/x/j.toml", &Journey::default(), CellRef::new(0, 0), None);
    r.journey = "format = 1\nrows = [\"Need\"]\n[[phase]]\nname = \"x\"\n[phase.cells]\nNede = \"y\"\n".into();
    found_at_start(&mut app, r);
    assert!(keys(&mut app, "r").is_empty());
    let status = app.status.as_ref().unwrap().text.clone();
    assert!(status.contains("its journey, at 6:1") && status.contains("left as it is"), "{status}");
}

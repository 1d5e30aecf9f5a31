//! Shaping the grid, undo and redo, copy and paste, search, zoom, the
//! external editor's result and the mouse, as key sequences.

use super::tests::{asking, keys, keys_all, sample};
use super::*;
use crate::app::grid::search::Target;
use crate::app::questions::QuestionKind;
use crate::app::{EditorFailure, EditorText, History};
use crate::journey::{CellRef, Journey};

fn phases(app: &App) -> Vec<&str> {
    app.doc.journey.phases().iter().map(|p| p.name.as_str()).collect()
}

#[test]
fn the_acceptance_walk_insert_move_rename_type_then_undo_and_redo_four_times() {
    let mut app = sample();
    let opened = app.doc.journey.clone();
    keys(&mut app, "oOnboarding<Enter>");
    assert_eq!(phases(&app), ["Orientation", "Onboarding", "Purchase", "Delivery", "Use", "Service"]);
    assert_eq!(app.cursor.phase, 1, "the cursor goes to the new phase");
    keys(&mut app, ">");
    assert_eq!(phases(&app), ["Orientation", "Purchase", "Onboarding", "Delivery", "Use", "Service"]);
    keys(&mut app, "jj:row rename Key message<Enter>");
    assert_eq!(app.doc.journey.rows()[2], "Key message");
    keys(&mut app, "iwelcome pack<Esc>");
    assert!(app.is_modified());
    let done = app.doc.journey.clone();
    keys(&mut app, "uuuu");
    assert_eq!(app.doc.journey, opened);
    assert!(!app.is_modified(), "back to the opened state: no modified marker");
    keys(&mut app, "<C-r><C-r><C-r><C-r>");
    assert_eq!(app.doc.journey, done);
    assert_eq!(keys(&mut app, "<C-s>"), [Effect::Save { path: "j.toml".into(), then_quit: false, force: false }]);
}

#[test]
fn every_structure_command_and_its_undo() {
    type Applied = fn(&Journey) -> bool;
    let cases: [(&str, Applied); 12] = [
        (":phase add New<Enter>", |j| j.phases()[1].name == "New"),
        (":phase insert New<Enter>", |j| j.phases()[0].name == "New"),
        (":phase rename Start<Enter>", |j| j.phases()[0].name == "Start"),
        (":phase delete<Enter>", |j| j.phase_count() == 4),
        (":phase move right<Enter>", |j| j.phases()[1].name == "Orientation"),
        (":row add Emotion<Enter>", |j| j.rows()[1] == "Emotion"),
        (":row insert Emotion<Enter>", |j| j.rows()[0] == "Emotion"),
        (":row rename Needs<Enter>", |j| j.rows()[0] == "Needs"),
        (":row delete<Enter>", |j| j.row_count() == 4),
        (":row move down<Enter>", |j| j.rows()[1] == "Need"),
        (":title Moving house<Enter>", |j| j.title == "Moving house"),
        (":persona Anna, 34<Enter>", |j| j.persona == "Anna, 34"),
    ];
    for (command, applied) in cases {
        let mut app = sample();
        let before = app.doc.journey.clone();
        keys(&mut app, command);
        assert!(applied(&app.doc.journey), "{command} did not apply: {:?}", app.status);
        keys(&mut app, "u");
        assert_eq!(app.doc.journey, before, "{command} was not undone");
        keys(&mut app, "<C-y>");
        assert!(applied(&app.doc.journey), "{command} was not redone");
    }
}

#[test]
fn renaming_a_row_keeps_its_cells_and_its_role() {
    let mut app = sample();
    let opened = app.doc.journey.clone();
    keys(&mut app, "j:row rename Kanalen<Enter>");
    assert_eq!(app.doc.journey.cell(CellRef::new(1, 1)), "#shop advice");
    assert_eq!(app.doc.journey.role_of(1), Some(crate::journey::Role::Touchpoints), "still the touchpoints");
    keys(&mut app, ":row rename Kanaal<Enter>");
    assert_eq!(app.doc.journey.role_of(1), Some(crate::journey::Role::Touchpoints));
    keys(&mut app, "uu");
    assert_eq!(app.doc.journey, opened);
}

#[test]
fn mistakes_are_reported_in_the_status_bar() {
    let mut app = sample();
    for (command, says) in [
        (":phase rename<Enter>", "needs a name"),
        (":phase add Purchase<Enter>", "already a phase named \"Purchase\""),
        (":row move up<Enter>", "already the first"),
        (":frob<Enter>", "Unknown command :frob"),
    ] {
        keys(&mut app, command);
        let status = app.status.clone().unwrap();
        assert!(status.error && status.text.contains(says), "{command}: {status:?}");
    }
    let mut one = App::new(Journey::new("", "", ["Need"], ["Only"]), None, History::saved());
    keys(&mut one, ":phase delete<Enter>");
    assert!(one.status.unwrap().text.contains("at least one phase"));
}

#[test]
fn deleting_a_phase_with_text_asks_first() {
    let mut app = sample();
    keys(&mut app, "lX");
    assert!(asking(&app, QuestionKind::Delete));
    keys(&mut app, "n");
    assert_eq!(app.doc.journey.phase_count(), 5);
    keys(&mut app, "Xy");
    assert_eq!(app.doc.journey.phase_count(), 4);
    keys(&mut app, "u");
    assert_eq!(app.doc.journey.cell(CellRef::new(1, 1)), "#shop advice");
    // An empty phase goes without a question.
    keys(&mut app, "$X");
    assert_eq!(app.doc.journey.phase_count(), 4);
}

#[test]
fn tab_completes_the_command_line() {
    let mut app = sample();
    keys(&mut app, ":ph<Tab>ren<Tab>Intro<Enter>");
    assert_eq!(app.doc.journey.phases()[0].name, "Intro");
}

#[test]
fn copy_paste_and_cut_are_undoable_and_reach_the_terminal_clipboard() {
    let mut app = sample();
    assert_eq!(keys(&mut app, "ljy"), [Effect::Clipboard("#shop advice".into())]);
    keys(&mut app, "lp");
    assert_eq!(app.doc.journey.cell(CellRef::new(2, 1)), "#shop advice");
    keys(&mut app, "u");
    assert_eq!(app.doc.journey.cell(CellRef::new(2, 1)), "");
    keys(&mut app, "hd");
    assert_eq!(app.doc.journey.cell(CellRef::new(1, 1)), "");
    keys(&mut app, "Gp");
    assert_eq!(app.doc.journey.cell(CellRef::new(1, 4)), "#shop advice");
    app.workspace.settings.osc52 = false;
    assert!(keys(&mut app, "y").is_empty(), "OSC 52 can be turned off");
}

#[test]
fn search_as_you_type_then_next_previous_with_wrap_and_esc_returns() {
    let mut app = sample();
    for (at, text) in [((3, 0), "portal login"), ((0, 3), "Portal team"), ((4, 4), "portal db")] {
        keys(&mut app, "");
        crate::journey::Change::SetCell { at: CellRef::new(at.0, at.1), text: text.into() }
            .apply(&mut app.doc.journey)
            .unwrap();
    }
    keys(&mut app, "lj/port");
    assert_eq!(app.cursor, CellRef::new(3, 0), "the first match after where the search began");
    keys(&mut app, "<Esc>");
    assert_eq!(app.cursor, CellRef::new(1, 1), "Esc returns to where you were");
    keys(&mut app, "/portal<Enter>");
    let order: Vec<CellRef> = (0..4)
        .map(|_| {
            keys(&mut app, "n");
            app.cursor
        })
        .collect();
    assert_eq!(order, [CellRef::new(4, 4), CellRef::new(0, 3), CellRef::new(3, 0), CellRef::new(4, 4)]);
    assert_eq!(app.status.as_ref().unwrap().text, "match 3 of 3");
    keys(&mut app, "N");
    assert_eq!(app.cursor, CellRef::new(3, 0));
    keys(&mut app, "/Portal<Enter>");
    assert_eq!(app.search.as_ref().unwrap().matches, [Target::Cell(CellRef::new(0, 3))], "a capital is exact");
    keys(&mut app, "<Esc>");
    assert!(app.search.is_none(), "Esc in the grid clears the search");
}

#[test]
fn zoom_shows_one_cell_and_esc_or_z_returns() {
    let mut app = sample();
    keys(&mut app, "ljz");
    assert!(app.viewport.zoom.is_some());
    keys(&mut app, "ilong note<Esc>");
    assert!(app.doc.journey.cell(CellRef::new(1, 1)).ends_with("long note"), "editing works zoomed");
    keys(&mut app, "<PgDn>");
    assert!(app.viewport.zoom.unwrap() > 0);
    keys(&mut app, "<Esc>");
    assert!(app.viewport.zoom.is_none());
    keys(&mut app, "zz");
    assert!(app.viewport.zoom.is_none());
}

#[test]
fn the_external_editor_result_is_one_undoable_change() {
    let mut app = sample();
    let effects = keys(&mut app, "lje");
    assert_eq!(effects, [Effect::ExternalEdit { at: CellRef::new(1, 1), text: "#shop advice".into() }]);
    let at = CellRef::new(1, 1);
    update(
        &mut app,
        Msg::ExternalEdited {
            at,
            result: Ok(EditorText { text: "#shop advice\nadded by the editor\n".into(), not_utf8: None }),
        },
    );
    assert_eq!(app.doc.journey.cell(at), "#shop advice\nadded by the editor");
    keys(&mut app, "u");
    assert_eq!(app.doc.journey.cell(at), "#shop advice");
    update(
        &mut app,
        Msg::ExternalEdited {
            at,
            result: Err(EditorFailure::Failed {
                editor: "false".into(),
                status: "exit 1".into(),
                kept: "/tmp/x".into(),
            }),
        },
    );
    assert!(app.status.as_ref().unwrap().error);
    assert_eq!(app.doc.journey.cell(at), "#shop advice", "a failed editor changes nothing");
}

#[test]
fn mouse_click_selects_double_click_edits_and_the_wheel_scrolls() {
    let mut app = sample();
    let layout = app.layout();
    let col = layout.cols[1];
    let band = layout.rows[2];
    // Title line, then the phase header and its rule, then the rows.
    let (x, y) = (col.x + 2, 1 + 2 + band.y);
    update(&mut app, Msg::Click { col: x, row: y, double: false });
    assert_eq!(app.cursor, CellRef::new(1, 2));
    update(&mut app, Msg::Click { col: x, row: y, double: true });
    assert!(matches!(app.mode, Mode::Edit(_)));
    keys(&mut app, "<Esc>");
    update(&mut app, Msg::Scroll { down: true });
    assert_eq!(app.cursor, CellRef::new(1, 3));
    update(&mut app, Msg::Click { col: 0, row: 0, double: false });
    assert_eq!(app.cursor, CellRef::new(1, 3), "a click outside the cells does nothing");
}

#[test]
fn autosave_saves_after_each_committed_change() {
    let mut app = sample();
    app.workspace.settings.autosave = true;
    let effects = keys_all(&mut app, "ihi<Esc>");
    assert!(effects.contains(&Effect::Save { path: "j.toml".into(), then_quit: false, force: false }));
    assert!(keys_all(&mut app, "j").is_empty(), "moving saves nothing");
}

#[test]
fn merge_conflicts_are_marked_visited_first_and_resolved_in_one_step() {
    let mut app = sample();
    let at = CellRef::new(3, 2);
    let conflict = "before\n<<<<<<< ours\nfast\n=======\nquick\n>>>>>>> theirs";
    crate::journey::Change::SetCell { at, text: conflict.into() }.apply(&mut app.doc.journey).unwrap();
    app.refresh_findings();
    assert!(!app.highlight());
    assert_eq!(app.marked().len(), 1, "marked with highlight mode off");
    keys(&mut app, "]");
    assert_eq!(app.cursor, at, "] goes to the conflict first");
    assert!(!app.highlight(), "and leaves highlight mode as it was");
    keys(&mut app, "Mt");
    assert_eq!(app.doc.journey.cell(at), "before\nquick");
    assert!(app.status.as_ref().unwrap().text.ends_with("no conflicts left"), "{:?}", app.status);
    assert!(app.marked().is_empty());
    keys(&mut app, "u");
    assert_eq!(app.doc.journey.cell(at), conflict, "one undoable step");
    keys(&mut app, ":take both<Enter>");
    assert_eq!(app.doc.journey.cell(at), "before\nfast\nquick");
    keys(&mut app, "u:take mine<Enter>");
    assert!(app.status.as_ref().unwrap().error);
    keys(&mut app, "M<Esc>");
    assert_eq!(app.doc.journey.cell(at), conflict, "Esc leaves it");
}

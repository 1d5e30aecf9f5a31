//! Key-sequence tests of `update`: keys in, state out.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::*;
use crate::app::questions::{Found, QuestionKind};
use crate::app::{History, SaveFailure};
use crate::journey::{CellRef, Change, Journey};

/// True while the question of this kind is asked.
pub(super) fn asking(app: &App, kind: QuestionKind) -> bool {
    app.mode.question().is_some_and(|q| q.kind() == kind)
}

/// At start, this recovery file was found.
pub(super) fn found_at_start(app: &mut App, recovery: crate::recovery::Recovery) {
    let checked = crate::recovery::check(&recovery);
    let found = Found { file: "/r/j-1.toml".into(), recovery, journey: checked.journey, problems: checked.problems };
    update(app, Msg::Opened { others: Vec::new(), found: vec![found], unreadable: Vec::new() });
}

/// Parse a compact key spec: plain characters, `<Esc>`, `<Enter>`, `<Tab>`,
/// `<S-Tab>`, `<Up>`..., `<Del>`, `<Home>`, `<End>`, `<PgDn>`, `<C-x>`, `<A-x>`.
fn parse(spec: &str) -> Vec<KeyEvent> {
    let mut out = Vec::new();
    let mut chars = spec.chars();
    while let Some(c) = chars.next() {
        if c != '<' {
            out.push(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
            continue;
        }
        let name: String = chars.by_ref().take_while(|&c| c != '>').collect();
        let (code, mods) = match name.as_str() {
            "Esc" => (KeyCode::Esc, KeyModifiers::NONE),
            "Enter" => (KeyCode::Enter, KeyModifiers::NONE),
            "Tab" => (KeyCode::Tab, KeyModifiers::NONE),
            "S-Tab" => (KeyCode::BackTab, KeyModifiers::SHIFT),
            "Up" => (KeyCode::Up, KeyModifiers::NONE),
            "Down" => (KeyCode::Down, KeyModifiers::NONE),
            "Left" => (KeyCode::Left, KeyModifiers::NONE),
            "Right" => (KeyCode::Right, KeyModifiers::NONE),
            "Home" => (KeyCode::Home, KeyModifiers::NONE),
            "End" => (KeyCode::End, KeyModifiers::NONE),
            "PgDn" => (KeyCode::PageDown, KeyModifiers::NONE),
            "PgUp" => (KeyCode::PageUp, KeyModifiers::NONE),
            "Del" => (KeyCode::Delete, KeyModifiers::NONE),
            "BS" => (KeyCode::Backspace, KeyModifiers::NONE),
            n if n.starts_with("A-C-") => {
                (KeyCode::Char(n.chars().nth(4).unwrap()), KeyModifiers::ALT | KeyModifiers::CONTROL)
            }
            n if n.starts_with("C-") => (KeyCode::Char(n.chars().nth(2).unwrap()), KeyModifiers::CONTROL),
            n if n.starts_with("A-") => (KeyCode::Char(n.chars().nth(2).unwrap()), KeyModifiers::ALT),
            n => panic!("unknown key <{n}>"),
        };
        out.push(KeyEvent::new(code, mods));
    }
    out
}

/// Feed keys; return the effects in order, all of them.
pub(super) fn keys_all(app: &mut App, spec: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for key in parse(spec) {
        for action in resolve_key(app, key) {
            effects.extend(update(app, action));
        }
    }
    effects
}

/// Feed keys; return the effects other than recovery-file updates.
pub(super) fn keys(app: &mut App, spec: &str) -> Vec<Effect> {
    keys_all(app, spec).into_iter().filter(|e| *e != Effect::WriteRecovery).collect()
}

pub(super) fn sample() -> App {
    let mut j = Journey::default();
    Change::SetCell { at: CellRef::new(1, 1), text: "#shop advice".into() }.apply(&mut j).unwrap();
    let mut app = App::new(j, Some("j.toml".into()), History::saved());
    update(&mut app, Msg::Resize(80, 24));
    app
}

#[test]
fn moving_stays_inside_the_grid() {
    let mut app = sample();
    keys(&mut app, "hhhkkk");
    assert_eq!(app.cursor, CellRef::new(0, 0));
    keys(&mut app, "lljj<Down><Right>");
    assert_eq!(app.cursor, CellRef::new(3, 3));
    keys(&mut app, "$G");
    assert_eq!(app.cursor, CellRef::new(4, 4));
    keys(&mut app, "lllljjjj");
    assert_eq!(app.cursor, CellRef::new(4, 4));
    keys(&mut app, "0g");
    assert_eq!(app.cursor, CellRef::new(0, 0));
    keys(&mut app, "<Tab><Tab><S-Tab><End>");
    assert_eq!(app.cursor.phase, 4);
    keys(&mut app, "<Home><PgDn>");
    assert_eq!(app.cursor, CellRef::new(0, 4));
}

#[test]
fn the_viewport_follows_the_cursor() {
    let mut app = sample();
    keys(&mut app, "$");
    assert!(app.layout().is_phase_visible(4));
    assert!(!app.layout().is_phase_visible(0));
    keys(&mut app, "0");
    assert!(app.layout().is_phase_visible(0));
}

#[test]
fn typing_two_lines_and_esc_keeps_them() {
    let mut app = sample();
    keys(&mut app, "lj<Enter>");
    assert!(matches!(app.mode, Mode::Edit(_)));
    keys(&mut app, "<Enter>Å 漢字 🚲<Esc>");
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(app.doc.journey.cell(CellRef::new(1, 1)), "#shop advice\nÅ 漢字 🚲");
    assert!(app.is_modified());
}

#[test]
fn ctrl_c_abandons_the_edit() {
    let mut app = sample();
    keys(&mut app, "ljiabc<C-c>");
    assert_eq!(app.doc.journey.cell(CellRef::new(1, 1)), "#shop advice");
    assert!(!app.is_modified());
}

#[test]
fn append_starts_a_new_line_at_the_end() {
    let mut app = sample();
    keys(&mut app, "ljaphone line<Esc>");
    assert_eq!(app.doc.journey.cell(CellRef::new(1, 1)), "#shop advice\nphone line");
    keys(&mut app, "a<Esc>");
    assert_eq!(app.doc.journey.cell(CellRef::new(1, 1)), "#shop advice\nphone line", "no empty line is left");
}

#[test]
fn alt_key_in_edit_mode_is_esc_then_key() {
    let mut app = sample();
    keys(&mut app, "ihello<A-j>");
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(app.doc.journey.cell(CellRef::new(0, 0)), "hello");
    assert_eq!(app.cursor, CellRef::new(0, 1));
    // Esc then Ctrl-s, arriving together as Alt-Ctrl-s: keep the edit, then save.
    keys(&mut app, "ibye");
    assert_eq!(keys(&mut app, "<A-C-s>"), [Effect::Save { path: "j.toml".into(), then_quit: false, force: false }]);
    assert_eq!(app.doc.journey.cell(CellRef::new(0, 1)), "bye");
}

#[test]
fn key_releases_are_ignored() {
    let app = sample();
    let mut release = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    assert!(resolve_key(&app, release).is_empty());
}

#[test]
fn clear_and_undo_redo() {
    let mut app = sample();
    keys(&mut app, "ljx");
    assert_eq!(app.doc.journey.cell(CellRef::new(1, 1)), "");
    keys(&mut app, "gg0u");
    assert_eq!(app.doc.journey.cell(CellRef::new(1, 1)), "#shop advice");
    assert_eq!(app.cursor, CellRef::new(1, 1), "undo goes to the changed cell");
    assert!(!app.is_modified());
    keys(&mut app, "<C-r>");
    assert_eq!(app.doc.journey.cell(CellRef::new(1, 1)), "");
}

#[test]
fn a_paste_lands_in_one_cell_with_its_newlines() {
    let mut app = sample();
    update(&mut app, Msg::Paste("first line\r\nsecond; q :q! x".into()));
    assert!(matches!(app.mode, Mode::Edit(_)), "a paste in the grid opens the cell");
    keys(&mut app, "<Esc>");
    assert_eq!(app.doc.journey.cell(CellRef::new(0, 0)), "first line\nsecond; q :q! x");
    assert!(matches!(app.mode, Mode::Normal));
}

#[test]
fn save_asks_the_shell_and_clears_modified_when_done() {
    let mut app = sample();
    keys(&mut app, "ix<Esc>");
    let effects = keys(&mut app, "<C-s>");
    assert_eq!(effects, [Effect::Save { path: "j.toml".into(), then_quit: false, force: false }]);
    assert!(app.is_modified());
    update(&mut app, Msg::Saved { path: "j.toml".into(), result: Ok(0), then_quit: false, recovery: None });
    assert!(!app.is_modified());
}

#[test]
fn a_failed_save_keeps_everything_and_says_why() {
    let mut app = sample();
    keys(&mut app, "ix<Esc><C-s>");
    update(
        &mut app,
        Msg::Saved {
            path: "j.toml".into(),
            result: Err(SaveFailure::Io("Permission denied".into())),
            then_quit: true,
            recovery: None,
        },
    );
    assert!(app.is_modified());
    assert_eq!(app.doc.journey.cell(CellRef::new(0, 0)), "x");
    let status = app.status.clone().unwrap();
    assert!(status.error && status.text.contains("Permission denied"), "{status:?}");
}

#[test]
fn quit_asks_first_when_modified() {
    let mut app = sample();
    assert_eq!(keys(&mut app, "q"), [Effect::Quit]);
    keys(&mut app, "ix<Esc>");
    assert!(keys(&mut app, "q").is_empty());
    assert!(asking(&app, QuestionKind::Quit));
    assert!(keys(&mut app, "<Esc>").is_empty());
    assert!(matches!(app.mode, Mode::Normal));
    keys(&mut app, "q");
    assert_eq!(keys(&mut app, "y"), [Effect::Save { path: "j.toml".into(), then_quit: true, force: false }]);
    keys(&mut app, "q");
    assert_eq!(keys(&mut app, "n"), [Effect::QuitDiscarding], "quitting without saving says so in words");
}

#[test]
fn command_line_writes_and_quits() {
    let mut app = sample();
    keys(&mut app, "ix<Esc>");
    assert!(keys(&mut app, ":q<Enter>").is_empty(), ":q with changes asks");
    keys(&mut app, "<Esc>");
    assert_eq!(keys(&mut app, ":q!<Enter>"), [Effect::QuitDiscarding]);
    assert_eq!(keys(&mut app, ":w<Enter>"), [Effect::Save { path: "j.toml".into(), then_quit: false, force: false }]);
    assert_eq!(keys(&mut app, ":wq<Enter>"), [Effect::Save { path: "j.toml".into(), then_quit: true, force: false }]);
    assert_eq!(
        keys(&mut app, ":w other.toml<Enter>"),
        [Effect::Save { path: "other.toml".into(), then_quit: false, force: false }]
    );
    keys(&mut app, ":frobnicate<Enter>");
    assert!(app.status.as_ref().unwrap().text.contains("Unknown command :frobnicate"));
}

#[test]
fn an_untitled_journey_asks_for_a_path() {
    let mut app = App::new(Journey::default(), None, History::unsaved());
    keys(&mut app, "<C-s>");
    assert!(matches!(&app.mode, Mode::Line(l) if l.kind == LineKind::SaveAs { then_quit: false }));
    let effects = keys(&mut app, "notes.toml<Enter>");
    assert_eq!(effects, [Effect::Save { path: "notes.toml".into(), then_quit: false, force: false }]);
    // Enter alone takes the offered name.
    keys(&mut app, "<C-s>");
    assert_eq!(
        keys(&mut app, "<Enter>"),
        [Effect::Save { path: "journey.toml".into(), then_quit: false, force: false }]
    );
}

#[test]
fn help_opens_and_any_key_closes() {
    let mut app = sample();
    keys(&mut app, "?");
    assert!(matches!(app.mode, Mode::Help { .. }));
    keys(&mut app, "jj");
    assert!(matches!(app.mode, Mode::Help { scroll: 2 }));
    keys(&mut app, "x");
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(app.doc.journey.cell(CellRef::new(0, 0)), "", "the key that closed help did nothing else");
}

#[test]
fn tiny_sizes_never_panic_and_keep_the_cursor_inside() {
    let mut app = sample();
    for (w, h) in [(1, 1), (0, 0), (20, 6), (5, 3), (200, 60), (80, 24)] {
        update(&mut app, Msg::Resize(w, h));
        keys(&mut app, "ljjlG$ihi<Esc>");
        assert!(app.doc.journey.contains(app.cursor));
    }
}

#[test]
fn every_committed_change_and_every_end_of_an_edit_updates_the_recovery_file() {
    let mut app = sample();
    assert!(keys_all(&mut app, "jl").is_empty(), "moving changes nothing");
    assert!(keys_all(&mut app, "ihalf").is_empty(), "typing is written by the shell's timer");
    assert!(app.has_unsaved() && !app.is_modified());
    assert_eq!(keys_all(&mut app, "<C-c>"), [Effect::WriteRecovery], "an abandoned edit leaves the recovery");
    assert_eq!(keys_all(&mut app, "x"), [Effect::WriteRecovery]);
    assert_eq!(keys_all(&mut app, "u"), [Effect::WriteRecovery]);
}

#[test]
fn recovering_restores_the_changes_and_the_half_typed_note() {
    use crate::recovery::{Editing, Recovery};
    let mut app = sample();
    let mut changed = app.doc.journey.clone();
    Change::SetCell { at: CellRef::new(2, 2), text: "kept".into() }.apply(&mut changed).unwrap();
    let editing = Some(Editing { phase: 3, row: 1, text: "half a no".into() });
    found_at_start(&mut app, Recovery::new("/x/j.toml", &changed, CellRef::new(2, 2), editing));
    keys(&mut app, "r");
    assert_eq!(app.doc.journey.cell(CellRef::new(2, 2)), "kept");
    assert!(app.is_modified(), "recovered changes are unsaved");
    assert_eq!(app.cursor, CellRef::new(3, 1));
    let editor = app.editor().expect("the note being typed is back in edit mode");
    assert_eq!(editor.text(), "half a no");
    keys(&mut app, "te<Esc>u");
    assert_eq!(app.doc.journey.cell(CellRef::new(3, 1)), "half a no", "the note typed before is part of the recovery");
    keys(&mut app, "u");
    assert_eq!(app.doc.journey.cell(CellRef::new(2, 2)), "", "even the recovery can be undone");
    assert_eq!(app.doc.journey.cell(CellRef::new(3, 1)), "");
    assert!(app.has_unsaved(), "undone recovered changes are still unsaved work");
}

#[test]
fn discarding_or_postponing_a_recovery() {
    use crate::recovery::Recovery;
    let mut app = sample();
    let found = Recovery::new("/x/j.toml", &Journey::default(), CellRef::new(0, 0), None);
    found_at_start(&mut app, found.clone());
    assert!(keys(&mut app, "j").is_empty(), "other keys wait for an answer");
    assert!(asking(&app, QuestionKind::Recover));
    assert_eq!(keys(&mut app, "d"), [Effect::DiscardRecovery { file: "/r/j-1.toml".into() }]);
    found_at_start(&mut app, found);
    assert_eq!(keys(&mut app, "q"), [Effect::QuitKeepingRecovery]);
}

#[test]
fn a_file_changed_on_disk_asks_before_overwriting() {
    let mut app = sample();
    keys(&mut app, "ix<Esc>");
    update(&mut app, Msg::SaveConflict { path: "j.toml".into(), then_quit: false });
    assert!(asking(&app, QuestionKind::Conflict));
    assert_eq!(keys(&mut app, "o"), [Effect::Save { path: "j.toml".into(), then_quit: false, force: true }]);
    update(&mut app, Msg::SaveConflict { path: "j.toml".into(), then_quit: false });
    assert_eq!(keys(&mut app, "r"), [Effect::Reload]);
    update(&mut app, Msg::SaveConflict { path: "j.toml".into(), then_quit: false });
    assert!(keys(&mut app, "<Esc>").is_empty());
    assert_eq!(app.doc.journey.cell(CellRef::new(0, 0)), "x", "cancelling loses nothing");
    update(&mut app, Msg::SaveConflict { path: "j.toml".into(), then_quit: false });
    assert_eq!(
        keys(&mut app, "wother.toml<Enter>"),
        [Effect::Save { path: "other.toml".into(), then_quit: false, force: false }]
    );
}

#[test]
fn control_characters_are_placeholders_in_the_editor_and_not_a_change() {
    let mut app = sample();
    Change::SetCell { at: CellRef::new(0, 0), text: "a\u{1b}]0;pwned\u{7}".into() }
        .apply(&mut app.doc.journey)
        .unwrap();
    keys(&mut app, "i");
    assert_eq!(app.editor().unwrap().text(), "a␛]0;pwned␇");
    keys(&mut app, "<Esc>");
    assert!(!app.is_modified());
    update(&mut app, Msg::Paste("x\u{1b}[31m".into()));
    keys(&mut app, "<Esc>");
    assert!(app.doc.journey.cell(CellRef::new(0, 0)).ends_with("x␛[31m"));
}

mod properties {
    use super::*;
    use crate::ui::{Screen, Theme};
    use proptest::prelude::*;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::widgets::Widget as _;

    fn arb_action() -> impl Strategy<Value = Msg> {
        let keys = prop_oneof![
            proptest::char::range(' ', '~').prop_map(KeyCode::Char),
            Just(KeyCode::Char('漢')),
            Just(KeyCode::Enter),
            Just(KeyCode::Esc),
            Just(KeyCode::Tab),
            Just(KeyCode::BackTab),
            Just(KeyCode::Backspace),
            Just(KeyCode::Delete),
            Just(KeyCode::Left),
            Just(KeyCode::Right),
            Just(KeyCode::Up),
            Just(KeyCode::Down),
            Just(KeyCode::Home),
            Just(KeyCode::End),
            Just(KeyCode::PageUp),
            Just(KeyCode::PageDown),
            Just(KeyCode::F(1)),
        ];
        let mods = prop_oneof![
            4 => Just(KeyModifiers::NONE),
            1 => Just(KeyModifiers::CONTROL),
            1 => Just(KeyModifiers::ALT),
            1 => Just(KeyModifiers::SHIFT),
        ];
        prop_oneof![
            8 => (keys, mods).prop_map(|(k, m)| Msg::Input(KeyEvent::new(k, m))),
            1 => "(.|\n|\r|\u{1b}){0,40}".prop_map(Msg::Paste),
            1 => (0u16..130, 0u16..50).prop_map(|(w, h)| Msg::Resize(w, h)),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        /// Random keys, pastes and resizes never panic, keep the cursor inside
        /// the grid, and every state can be drawn.
        #[test]
        fn random_input_never_panics_and_keeps_the_cursor_inside(actions in proptest::collection::vec(arb_action(), 1..80)) {
            let mut app = sample();
            for action in actions {
                let actions = match action {
                    Msg::Input(key) => resolve_key(&app, key),
                    other => vec![other],
                };
                for a in actions {
                    for effect in update(&mut app, a) {
                        if let Effect::Save { path, then_quit, .. } = effect {
                            update(&mut app, Msg::Saved { path, result: Ok(1), then_quit, recovery: None });
                        }
                    }
                }
                prop_assert!(app.doc.journey.contains(app.cursor), "cursor {:?} outside", app.cursor);
                let area = Rect::new(0, 0, app.viewport.width, app.viewport.height);
                let mut buf = Buffer::empty(area);
                (&Screen { app: &app, theme: &Theme::mono() }).render(area, &mut buf);
            }
        }
    }
}

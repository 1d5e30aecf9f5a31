use super::*;
use crate::app::text::caret::Screen;
use proptest::prelude::*;

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// The first definition of a change: the text as typed differs from the
/// cell, and from the cell with its control characters as placeholders.
fn changed(text: &str, original: &str) -> bool {
    text != original && text != text::sanitize(original).trim_end_matches(['\n', ' ', '\t'])
}

#[derive(Debug, Clone)]
enum Step {
    Key(KeyEvent),
    /// Up or down this many screen lines at this width, as the app moves.
    Move(isize, usize),
    Paste(String),
}

fn step() -> impl Strategy<Value = Step> {
    let plain = prop::sample::select(vec![
        KeyCode::Char('x'),
        KeyCode::Char(' '),
        KeyCode::Enter,
        KeyCode::Backspace,
        KeyCode::Delete,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Home,
        KeyCode::End,
    ]);
    let ctrl = prop::sample::select(vec![
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Char('u'),
        KeyCode::Char('r'),
    ]);
    prop_oneof![
        12 => plain.prop_map(|c| Step::Key(key(c))),
        2 => ctrl.prop_map(|c| Step::Key(KeyEvent::new(c, KeyModifiers::CONTROL))),
        2 => (-9isize..9, 3usize..12).prop_map(|(by, w)| Step::Move(by, w)),
        1 => "[a-z \\n\\t]{0,12}".prop_map(Step::Paste),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop_oneof![Just(String::new()), Just("  ".to_owned()), "[a-z \\t\\x1b]{1,15}"], 1..40)
        .prop_map(|lines| lines.join("\n"))
}

proptest! {
    /// An editor that works through a window of 6 lines types, moves,
    /// pastes, undoes and redoes (Ctrl-u, Ctrl-r) and tells a change
    /// exactly like one that holds all lines, but for undo reaching back
    /// only to where the window last moved.
    #[test]
    fn a_window_changes_nothing_a_user_can_see(
        original in text(),
        append in any::<bool>(),
        steps in prop::collection::vec(step(), 1..100),
    ) {
        let start = if append { format!("{original}\n") } else { original.clone() };
        let at = CellRef::new(0, 0);
        let mut windowed = Editor::with_window(at, &original, &start, (6, 2));
        let mut whole = Editor::with_window(at, &original, &start, (usize::MAX, 0));
        let apply = |e: &mut Editor, step: &Step| match step {
            Step::Key(k) => e.input(*k),
            Step::Move(by, width) => {
                let (line, ch) = e.cursor();
                let (line, ch) = Screen::new(&*e, *width).moved(line, ch, *by);
                e.jump(line, ch);
            }
            Step::Paste(p) => e.paste(p),
        };
        for step in steps {
            let moves = windowed.moves;
            apply(&mut windowed, &step);
            // As documented: when the window moves, undo (Ctrl-u) starts
            // from there; the whole editor forgets its history then too.
            if windowed.moves != moves {
                whole.area.set_max_histories(1000);
            }
            apply(&mut whole, &step);
            prop_assert_eq!(windowed.text(), whole.text());
            prop_assert_eq!(windowed.cursor(), whole.cursor(), "after {:?}", step);
            prop_assert_eq!(windowed.is_changed(), changed(&windowed.text(), &original));
            prop_assert_eq!(whole.is_changed(), changed(&whole.text(), &original));
        }
    }
}

#[test]
fn a_long_text_is_edited_through_a_window_that_follows_the_cursor() {
    let long: Vec<String> = (0..3000).map(|i| format!("line {i}")).collect();
    let mut e = Editor::new(CellRef::new(0, 0), &long.join("\n"), &long.join("\n"));
    assert!(e.area.lines().len() <= WINDOW, "not all 3000 lines are in the text editor");
    assert_eq!(e.cursor(), (2999, 9), "at the end");
    assert!(!e.is_changed());
    e.jump(0, 0);
    e.input(key(KeyCode::Char('x')));
    assert_eq!(e.line(0), "xline 0");
    assert!(e.is_changed());
    e.input(key(KeyCode::Backspace));
    assert!(!e.is_changed(), "typed and taken back");
    e.input(KeyEvent::new(KeyCode::Down, KeyModifiers::CONTROL));
    assert_eq!(e.cursor(), (2999, 0), "one paragraph: Ctrl-Down goes to the last line, beyond the window");
    e.input(key(KeyCode::Enter));
    assert_eq!(e.text().lines().count(), 3001);
    assert!(e.is_changed());
    let e = Editor::new(CellRef::new(0, 0), "", &"w".repeat(70_000));
    assert_eq!(e.cursor(), (0, 70_000), "at the end of a line longer than 65535 characters");
}

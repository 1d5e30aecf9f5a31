//! `:log` on screen at 80x24: two lines a note, where each went, hostile
//! text as placeholders, a huge note cut, and the selected note in view in
//! a long log.

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::tests::press;
use super::*;
use crate::app::{App, History, Msg, update};
use crate::journey::{Journey, LogEntry};

fn app(log: Vec<LogEntry>) -> App {
    let mut j = Journey::default();
    j.log = log;
    let mut app = App::new(j, Some("j.toml".into()), History::saved());
    update(&mut app, Msg::Resize(80, 24));
    app
}

fn screen(app: &App) -> String {
    let theme = Theme::mono();
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| f.render_widget(&Screen { app, theme: &theme }, f.area())).unwrap();
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..24 {
        for x in 0..80 {
            out.push_str(buffer[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

#[test]
fn the_log_reads_at_80x24_with_hostile_text_shown_as_placeholders() {
    let huge = "y".repeat(1_000_000);
    let mut app = app(vec![
        LogEntry::sample("waited 25 minutes on the phone", Some("sara"), Some(("Service", "Touchpoints"))),
        LogEntry::sample("esc \u{1b}[2J bidi \u{202e} c1 \u{9b}31m\ntwo lines", Some("omar"), None),
        LogEntry::sample(&huge, None, Some(("Gone", "Need"))),
    ]);
    press(&mut app, ":log\n");
    let s = screen(&app);
    assert!(s.contains("Interview log: 3 notes, oldest first"), "{s}");
    assert!(s.contains("12-01 14:03 @sara waited 25 minutes on the phone"), "{s}");
    assert!(s.contains("→ 5 Service › Touchpoints"), "{s}");
    assert!(s.contains("@omar esc ␛[2J bidi � c1 �31m ⏎ two lines"), "{s}");
    assert!(s.contains("→ inbox (not sorted yet)"), "{s}");
    assert!(s.contains("› 12-01 14:03 yyyy"), "the newest selected: {s}");
    assert!(s.contains("y…│"), "a huge note is cut at the border: {s}");
    assert!(s.contains("→ Gone › Need (no longer in the grid)"), "{s}");
    assert!(s.contains("LOG"), "{s}");
    assert!(!s.contains('\u{1b}') && !s.contains('\u{202e}') && !s.contains('\u{9b}'));
}

#[test]
fn a_long_log_keeps_the_selected_note_in_view() {
    let log = (0..500).map(|i| LogEntry::sample(&format!("note {i}"), Some("sara"), None)).collect();
    let mut app = app(log);
    press(&mut app, ":log\n");
    assert!(screen(&app).contains("› 12-01 14:03 @sara note 499"));
    press(&mut app, "\x1b:only @omar\n:log\n");
    assert!(screen(&app).contains("No note of @omar"));
    press(&mut app, ":only\n:log\ng");
    let s = screen(&app);
    assert!(s.contains("› 12-01 14:03 @sara note 0\n") || s.contains("› 12-01 14:03 @sara note 0 "), "{s}");
    assert!(!s.contains("note 499"), "{s}");
}

#[test]
fn one_note_is_a_note() {
    let mut app = app(vec![LogEntry::sample("only one", None, None)]);
    press(&mut app, ":log\n");
    assert!(screen(&app).contains("Interview log: 1 note, oldest first"));
}

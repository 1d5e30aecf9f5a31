//! Render tests: the screen drawn into ratatui's TestBackend, compared with
//! insta snapshots, plus style checks for the monochrome theme.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

use super::*;
use crate::app::{App, History, Msg, resolve_key, update};
use crate::format;

/// An older broadband journey, with what the view tests need: wide
/// characters, empty cells, a long phase name.
const FIXTURE: &str = include_str!("../../tests/fixtures/view-broadband.toml");

fn app(width: u16, height: u16) -> App {
    let journey = format::parse(FIXTURE.as_bytes()).unwrap();
    let mut app = App::new(journey, Some("journeys/broadband.toml".into()), History::saved());
    update(&mut app, Msg::Resize(width, height));
    app
}

/// Press keys: characters, `\n` Enter, `\x1b` Esc, `→` Right, `↑` Up.
pub(super) fn press(app: &mut App, keys: &str) {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    for c in keys.chars() {
        let code = match c {
            '\n' => KeyCode::Enter,
            '\x1b' => KeyCode::Esc,
            '→' => KeyCode::Right,
            '↑' => KeyCode::Up,
            c => KeyCode::Char(c),
        };
        for action in resolve_key(app, KeyEvent::new(code, KeyModifiers::NONE)) {
            update(app, action);
        }
    }
}

fn render(app: &App, theme: &Theme) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(app.width(), app.height())).unwrap();
    terminal.draw(|f| f.render_widget(&Screen { app, theme }, f.area())).unwrap();
    terminal
}

fn text_of(buffer: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut skip = 0;
        for x in 0..buffer.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            skip = crate::text::width(symbol).saturating_sub(1);
            out.push_str(symbol);
        }
        out.push('\n');
    }
    out
}

#[test]
fn grid_at_80x24() {
    let app = app(80, 24);
    insta::assert_snapshot!(render(&app, &Theme::color()).backend());
}

#[test]
fn grid_at_120x40_with_the_cursor_on_purchase_touchpoints() {
    let mut app = app(120, 40);
    press(&mut app, "lj");
    insta::assert_snapshot!(render(&app, &Theme::color()).backend());
}

#[test]
fn editing_a_cell_grows_it_and_shows_edit_keys() {
    let mut app = app(80, 24);
    press(&mut app, "ljjaSecond line\nThird");
    insta::assert_snapshot!(render(&app, &Theme::color()).backend());
}

#[test]
fn scrolled_to_the_last_phase() {
    let mut app = app(80, 24);
    press(&mut app, "$G");
    insta::assert_snapshot!(render(&app, &Theme::color()).backend());
}

#[test]
fn help_lists_every_key() {
    let mut app = app(80, 24);
    press(&mut app, "?");
    let screen = text_of(render(&app, &Theme::color()).backend().buffer());
    for needle in ["edit the cell", "Enter, i", "Ctrl-s", "save the journey", "h", "Shift-Tab"] {
        assert!(screen.contains(needle), "help lacks {needle:?}:\n{screen}");
    }
    insta::assert_snapshot!(render(&app, &Theme::color()).backend());
}

#[test]
fn wide_characters_keep_the_columns_aligned() {
    let app = app(120, 40);
    let screen = text_of(render(&app, &Theme::color()).backend().buffer());
    let bars: Vec<Vec<usize>> = screen
        .lines()
        .filter(|l| l.contains(['│', '┃']))
        .map(|l| {
            let mut cols = Vec::new();
            let mut w = 0;
            for ch in l.chars() {
                if ch == '│' || ch == '┃' {
                    cols.push(w);
                }
                w += crate::text::width(ch.encode_utf8(&mut [0; 4]));
            }
            cols
        })
        .collect();
    assert!(screen.contains("漢字"), "{screen}");
    assert!(bars.windows(2).all(|w| w[0] == w[1]), "separators move:\n{screen}");
}

#[test]
fn mono_theme_keeps_cursor_and_headers_distinct_without_colour() {
    let app = app(80, 24);
    let theme = Theme::mono();
    let terminal = render(&app, &theme);
    let buf = terminal.backend().buffer();
    // The cursor cell (Orientation / Need) has a heavy bar on its left; other cells a light one.
    let layout = app.layout();
    let col = layout.cols[0];
    let row_y = 1 + 2 + layout.rows[0].y;
    let left = &buf[(col.x - 1, row_y)];
    assert_eq!(left.symbol(), "┃");
    let other = layout.cols[1];
    assert_eq!(buf[(other.x - 1, row_y)].symbol(), "│");
    // The phase header and row name of the cursor are reversed.
    assert!(buf[(col.x + 1, 1)].modifier.contains(Modifier::REVERSED));
    assert!(buf[(0, row_y)].modifier.contains(Modifier::REVERSED));
    // Headers are bold, no colour is used anywhere.
    assert!(buf[(other.x + 1, 1)].modifier.contains(Modifier::BOLD));
    assert!(buf.content.iter().all(|c| c.fg == ratatui::style::Color::Reset && c.bg == ratatui::style::Color::Reset));
}

#[test]
fn every_size_from_1x1_renders_without_panicking() {
    let mut app = app(80, 24);
    press(&mut app, "ljiedit");
    for w in 0..40 {
        for h in 0..14 {
            update(&mut app, Msg::Resize(w, h));
            render(&app, &Theme::mono());
        }
    }
    update(&mut app, Msg::Resize(10, 3));
    let screen = text_of(render(&app, &Theme::mono()).backend().buffer());
    assert!(screen.contains("Terminal"), "{screen}");
}

#[test]
fn twenty_by_six_still_shows_the_grid() {
    let app = app(20, 6);
    let screen = text_of(render(&app, &Theme::mono()).backend().buffer());
    assert!(screen.contains("Need"), "{screen}");
    assert!(screen.contains("NORMAL"), "{screen}");
}

#[test]
fn control_characters_in_cells_are_shown_not_sent() {
    let text = FIXTURE.replace("CMS serves #website", "\\u001B]0;pwned\\u0007 \\u001B[31m red");
    let journey = format::parse(text.as_bytes()).unwrap();
    let mut app = App::new(journey, None, History::saved());
    update(&mut app, Msg::Resize(80, 24));
    press(&mut app, "G");
    let screen = text_of(render(&app, &Theme::color()).backend().buffer());
    assert!(screen.contains("␛]0;pwned␇"), "{screen}");
    assert!(!screen.contains('\u{1b}'));
}

#[test]
fn highlight_mode_marks_flagged_cells_and_explains_the_cursor_cell() {
    let mut app = app(100, 30);
    press(&mut app, "H");
    assert!(app.highlight());
    insta::assert_snapshot!(render(&app, &Theme::color()).backend());
}

#[test]
fn highlight_mode_without_colour_uses_symbols() {
    let mut app = app(80, 24);
    press(&mut app, "H]");
    let terminal = render(&app, &Theme::mono());
    let screen = text_of(terminal.backend().buffer());
    assert!(screen.contains("○(empty)"), "gaps are marked in words:\n{screen}");
    assert!(screen.contains("▲"), "warnings have a symbol:\n{screen}");
    let counts = crate::checks::summary(app.findings()).to_words();
    assert!(screen.contains(&counts), "the status bar counts them:\n{screen}");
    assert!(screen.contains("warning [") || screen.contains("gap ["), "the panel explains:\n{screen}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn the_row_name_keeps_its_place_on_the_status_line_while_the_cursor_moves_along_the_phases() {
    let mut app = app(100, 30);
    let status_line = |app: &App| {
        let screen = text_of(render(app, &Theme::color()).backend().buffer());
        screen.lines().nth(28).unwrap().to_owned()
    };
    let mut places = Vec::new();
    for _ in 0..app.journey().phase_count() {
        let line = status_line(&app);
        let (phase, _) = app.cursor_names();
        assert!(line.contains(&format!("{}/{} {phase} › Need", app.cursor().phase + 1, app.journey().phase_count())));
        places.push(line.chars().position(|c| c == '›').unwrap());
        press(&mut app, "l");
    }
    assert!(places.windows(2).all(|w| w[0] == w[1]), "the › moves: {places:?}");
}

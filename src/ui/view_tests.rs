//! Render tests for seeing the whole journey: the overview, a frozen phase
//! and present mode at 80x24 and 160x45, in colour and without (each
//! snapshot shows the text and, under each line, its styles), and the rough
//! edges of daily use as they show on screen.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};

use super::tests::press;
use super::*;
use crate::app::{App, History, Msg, update};
use crate::journey::{CellRef, Change};

/// The broadband sample (six phases), a mood on two of them and a pain and
/// an opportunity in the first, at this size.
fn sample(width: u16, height: u16) -> App {
    sample_with(width, height, Vec::new())
}

/// The sample with `changes` made to its journey before it is opened.
pub(super) fn sample_with(width: u16, height: u16, changes: Vec<Change>) -> App {
    let text = include_str!("../../journeys/broadband-moving-house.toml");
    let mut journey = crate::format::parse(text.as_bytes()).unwrap();
    Change::SetMood { phase: 0, mood: Some(-1) }.apply(&mut journey).unwrap();
    Change::SetMood { phase: 1, mood: Some(1) }.apply(&mut journey).unwrap();
    let need =
        "Working internet on moving day\n! no idea if fibre reaches the new flat\n+ check the address on the website";
    Change::SetCell { at: CellRef::new(0, 0), text: need.into() }.apply(&mut journey).unwrap();
    for change in changes {
        change.apply(&mut journey).unwrap();
    }
    let mut app = App::new(journey, Some("journeys/broadband-moving-house.toml".into()), History::saved());
    update(&mut app, Msg::Resize(width, height));
    app
}

pub(super) fn render(app: &App, theme: &Theme) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(app.width(), app.height())).unwrap();
    terminal.draw(|f| f.render_widget(&Screen { app, theme }, f.area())).unwrap();
    terminal.backend().buffer().clone()
}

/// The screen's text, line by line.
pub(super) fn text_of(buffer: &Buffer) -> String {
    let lines = styled(buffer);
    lines
        .lines()
        .step_by(2)
        .take(usize::from(buffer.area.height))
        .map(|l| format!("{}\n", &l[1..l.len() - 1]))
        .collect()
}

/// Each line of the screen between `|`, then under it a letter for the
/// style of each cell (`.` is the default), then what the letters mean.
pub(super) fn styled(buffer: &Buffer) -> String {
    let mut legend: Vec<Style> = Vec::new();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let (mut line, mut styles, mut skip) = (String::from("|"), String::from("|"), 0);
        for x in 0..buffer.area.width {
            let cell = &buffer[(x, y)];
            if skip == 0 {
                line.push_str(cell.symbol());
                skip = crate::text::width(cell.symbol()).max(1);
            }
            skip -= 1;
            let style = Style::default().fg(cell.fg).bg(cell.bg).add_modifier(cell.modifier);
            let plain = cell.fg == Color::Reset && cell.bg == Color::Reset && cell.modifier.is_empty();
            let code = if plain {
                '.'
            } else {
                let i = legend.iter().position(|s| *s == style).unwrap_or_else(|| {
                    legend.push(style);
                    legend.len() - 1
                });
                char::from_u32(u32::from(b'a') + i as u32).unwrap_or('?')
            };
            styles.push(code);
        }
        out.push_str(&format!("{line}|\n{styles}|\n"));
    }
    for (i, style) in legend.iter().enumerate() {
        let code = char::from_u32(u32::from(b'a') + i as u32).unwrap_or('?');
        out.push_str(&format!("{code}: fg {:?} bg {:?} {:?}\n", style.fg, style.bg, style.add_modifier));
    }
    out
}

/// Snapshot a screen in colour and without, at 80x24 and 160x45.
fn four_ways(name: &str, keys: &str) {
    for (width, height) in [(80, 24), (160, 45)] {
        let mut app = sample(width, height);
        press(&mut app, keys);
        for (theme, colour) in [(Theme::color(), "color"), (Theme::mono(), "mono")] {
            insta::assert_snapshot!(format!("{name}_{width}x{height}_{colour}"), styled(&render(&app, &theme)));
        }
    }
}

#[test]
fn overview_snapshots() {
    four_ways("overview", "vjl");
}

#[test]
fn freeze_snapshots() {
    four_ways("freeze", "F$");
}

#[test]
fn present_snapshots() {
    four_ways("present", ":present\n");
}

#[test]
fn v_shows_all_six_phases_with_marks_and_empty_cells() {
    let mut app = sample_with(80, 24, vec![Change::SetCell { at: CellRef::new(5, 2), text: String::new() }]);
    press(&mut app, "Hv");
    let screen = text_of(&render(&app, &Theme::mono()));
    let header = screen.lines().nth(1).unwrap();
    for name in [" 1 Orient", " 2 Order", " 3 Confi", " 4 Movin", " 5 First", " 6 Support"] {
        assert!(header.contains(name), "{name} missing:\n{screen}");
    }
    assert!(screen.contains("▲") || screen.contains("○"), "highlight marks kept:\n{screen}");
    assert!(screen.contains("Working…"), "first line cut with …:\n{screen}");
    press(&mut app, "H");
    let screen = text_of(&render(&app, &Theme::mono()));
    assert!(screen.contains("·"), "an empty cell shows:\n{screen}");
}

#[test]
fn f_then_dollar_shows_phase_one_beside_phase_six_marked_in_the_header() {
    let mut app = sample(80, 24);
    press(&mut app, "F$");
    let screen = text_of(&render(&app, &Theme::mono()));
    let header = screen.lines().nth(1).unwrap();
    assert!(header.contains("1 Orientation [F]"), "{header}");
    assert!(header.contains("║ 5 First bill") && header.contains("6 Support"), "{header}");
}

#[test]
fn present_shows_phase_one_alone_with_all_its_text_and_an_arrow_moves_on() {
    let mut app = sample(80, 24);
    press(&mut app, ":present\n");
    let screen = text_of(&render(&app, &Theme::mono()));
    let orientation = app.journey().phases()[0].cells().join("\n");
    // Every line is there in full (a long one wrapped to the screen).
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    for line in orientation.lines() {
        assert!(words(&screen).contains(&words(line)), "{line:?} missing:\n{screen}");
    }
    assert!(screen.contains("O R I E N T A T I O N") && screen.contains("mood −1 (unhappy)"), "{screen}");
    assert!(!screen.contains("Order move"), "one phase only:\n{screen}");
    press(&mut app, "→");
    let screen = text_of(&render(&app, &Theme::mono()));
    assert!(screen.contains("Phase 2 of 6") && screen.contains("mood +1 (happy)"), "{screen}");
}

#[test]
fn the_search_position_stays_on_the_status_line_after_enter() {
    let mut app = sample(80, 24);
    press(&mut app, "/fibre\n");
    let screen = text_of(&render(&app, &Theme::mono()));
    assert!(screen.contains("match 1 of "), "{screen}");
    press(&mut app, "j");
    assert!(!text_of(&render(&app, &Theme::mono())).contains("match 1 of "));
}

#[test]
fn a_match_hidden_below_the_cut_is_shown_in_the_cursor_cell_and_in_zoom() {
    let mut app = sample(80, 24);
    press(&mut app, "l/same plan\n");
    assert_eq!(app.cursor(), CellRef::new(1, 0));
    let buffer = render(&app, &Theme::mono());
    let screen = text_of(&buffer);
    assert!(screen.contains("same plan"), "{screen}");
    let highlighted = buffer.content.iter().filter(|c| c.modifier.contains(Modifier::UNDERLINED)).count();
    assert_eq!(highlighted, "same plan".len(), "the match is highlighted");
    press(&mut app, "z");
    let zoomed = render(&app, &Theme::mono());
    let highlighted = zoomed.content.iter().filter(|c| c.modifier.contains(Modifier::UNDERLINED)).count();
    assert_eq!(highlighted, "same plan".len(), "and in zoom");
}

#[test]
fn a_match_in_a_lower_line_shows_in_the_overview_cell() {
    let mut app = sample(80, 24);
    press(&mut app, "v/reaches\n");
    let screen = text_of(&render(&app, &Theme::mono()));
    assert!(screen.contains("reaches"), "{screen}");
}

#[test]
fn text_wraps_the_same_while_editing_and_after() {
    let mut app = sample(80, 24);
    press(&mut app, "gjjx");
    press(&mut app, "ia b c d e f g h i j k l m n o p q r s t");
    let editing = text_of(&render(&app, &Theme::mono()));
    press(&mut app, "\x1b");
    let kept = text_of(&render(&app, &Theme::mono()));
    // The cell's text: from the first column after the mark, 19 wide.
    let cell = |screen: &str| -> Vec<String> {
        let lines: Vec<String> = screen.lines().map(|l| l.chars().skip(15).take(19).collect()).collect();
        let start = lines.iter().position(|l| l.starts_with("a b c")).expect("the text is on screen");
        lines[start..start + 2].to_vec()
    };
    assert_eq!(cell(&editing), ["a b c d e f g h i j", "k l m n o p q r s t"], "editing:\n{editing}");
    assert_eq!(cell(&editing), cell(&kept), "kept:\n{kept}");
}

#[test]
fn the_modified_marker_shows_while_a_cell_is_being_changed() {
    let mut app = sample(80, 24);
    press(&mut app, "i");
    assert!(!text_of(&render(&app, &Theme::mono())).lines().next().unwrap().contains("[+]"));
    press(&mut app, "x");
    let title = text_of(&render(&app, &Theme::mono())).lines().next().unwrap().to_owned();
    assert!(title.contains("[+]"), "{title}");
    assert!(title.contains("Anna (34), moves to a new flat"), "the persona keeps its room: {title}");
}

#[test]
fn the_title_bar_gives_title_and_persona_the_room_and_the_file_name_comes_last() {
    let mut app = sample(140, 24);
    press(&mut app, "ix\x1b");
    let title = text_of(&render(&app, &Theme::mono())).lines().next().unwrap().to_owned();
    let persona = title.find("her partner").unwrap();
    let marker = title.find("[+] modified").unwrap();
    let file = title.find("broadband-moving-house.toml").unwrap();
    assert!(persona < marker && marker < file, "{title}");
}

#[test]
fn the_findings_panel_grows_in_zoom() {
    let mut app = sample_with(
        60,
        24,
        vec![Change::SetCell { at: CellRef::new(0, 1), text: "#fax #pigeon #telex #semaphore".into() }],
    );
    press(&mut app, "jH");
    let lines = crate::app::viewport::panel::lines(app.findings(), app.cursor(), 60).len();
    assert!(lines > 4, "{lines} lines of findings");
    let grid = text_of(&render(&app, &Theme::mono()));
    assert!(grid.contains("▼ +"), "the grid's panel says it is cut:\n{grid}");
    press(&mut app, "z");
    let zoomed = text_of(&render(&app, &Theme::mono()));
    for f in crate::checks::findings_at(app.findings(), app.cursor()) {
        assert!(zoomed.contains(&format!("[{}]", f.id)), "{} missing:\n{zoomed}", f.id);
    }
    assert!(!zoomed.contains("▼ +"), "nothing cut:\n{zoomed}");
}

#[test]
fn a_tall_cell_being_edited_marks_the_text_above() {
    let long: Vec<String> = (1..=30).map(|i| format!("line {i}")).collect();
    let mut app = sample_with(80, 24, vec![Change::SetCell { at: CellRef::new(0, 0), text: long.join("\n") }]);
    press(&mut app, "a");
    let screen = text_of(&render(&app, &Theme::mono()));
    let first = screen.lines().nth(3).unwrap();
    assert!(first.contains("▲"), "text continues above:\n{screen}");
    assert!(screen.contains("line 30"), "{screen}");
    press(&mut app, &"↑".repeat(40));
    let screen = text_of(&render(&app, &Theme::mono()));
    assert!(screen.contains("▼") && !screen.lines().nth(3).unwrap().contains("▲"), "{screen}");
}

#[test]
fn help_and_hints_list_the_command_line_keys() {
    let mut app = sample(80, 24);
    press(&mut app, ":");
    let screen = text_of(&render(&app, &Theme::mono()));
    assert!(screen.contains("Ctrl-u/k delete") && screen.contains("Alt-b/f word"), "{screen}");
    let help = help::Help { app: &app, theme: &Theme::mono(), scroll: 0 };
    let lines: Vec<String> = help.lines().iter().map(|l| l.to_string()).collect();
    for key in ["Ctrl-u", "Ctrl-k", "Ctrl-a / Ctrl-e", "Alt-b / Alt-f", "Ctrl-w"] {
        assert!(lines.iter().any(|l| l.contains(key)), "help lacks {key}");
    }
    for needed in ["v ", "F ", ":present", "Presenting"] {
        assert!(lines.iter().any(|l| l.contains(needed)), "help lacks {needed}");
    }
}

#[test]
fn every_size_renders_the_new_screens_without_panicking() {
    let long: Vec<String> = (1..=30).map(|i| format!("line {i} with some words")).collect();
    for keys in ["v", "F$", ":present\n", "Hjz", "v/fibre\n", "F$v", "ia"] {
        let mut app = sample_with(80, 24, vec![Change::SetCell { at: CellRef::new(0, 0), text: long.join("\n") }]);
        press(&mut app, keys);
        for w in 0..50 {
            for h in 0..16 {
                update(&mut app, Msg::Resize(w, h));
                render(&app, &Theme::mono());
            }
        }
        update(&mut app, Msg::Resize(12, 40));
        render(&app, &Theme::color());
    }
}

#[test]
fn highlight_modes_mark_counts_follow_an_edit() {
    let mut app = sample(160, 40);
    press(&mut app, "H");
    let pains = |app: &App| {
        let screen = text_of(&render(app, &Theme::mono()));
        let status = screen.lines().rev().nth(1).unwrap().to_owned();
        let token = status.split_whitespace().find(|w| w.starts_with('!')).map(str::to_owned);
        (token, status)
    };
    let (before, status) = pains(&app);
    assert_eq!(before.as_deref(), Some("!6"), "{status}");
    press(&mut app, "a! waited 25 minutes\x1b");
    let (after, status) = pains(&app);
    assert_eq!(after.as_deref(), Some("!7"), "{status}");
}

#[test]
fn an_edited_cell_grows_over_its_neighbours_and_the_rows_stay_put() {
    let theme = Theme::color();
    for (width, height) in [(80, 24), (100, 30), (40, 14)] {
        let mut app = sample(width, height);
        press(&mut app, "jjjj");
        let before = render(&app, &theme);
        press(&mut app, "\n");
        let entered = render(&app, &theme);
        let (col, top, _) = app.edit_area().unwrap();
        let outside = |b: &Buffer, y: u16| -> String {
            (0..width).filter(|&x| x + 1 < col.x || x > col.x + col.width).map(|x| b[(x, y)].symbol()).collect()
        };
        let body = 1 + 2;
        // Only the cell's column changes (the bar, the box), and the status lines.
        for y in 0..height - 2 {
            assert_eq!(outside(&entered, y), outside(&before, y), "{width}x{height}, line {y}");
        }
        press(&mut app, &" and the router that never arrived".repeat(3));
        let typed = render(&app, &theme);
        let (_, grown_top, grown) = app.edit_area().unwrap();
        assert!(grown_top <= top && grown > 3, "the box grew ({grown} lines)");
        // The title line says `[+] modified` now.
        for y in 1..height - 2 {
            assert_eq!(outside(&typed, y), outside(&before, y), "{width}x{height}, line {y}");
        }
        let shown = text_of(&typed);
        assert!(shown.contains("arrived"), "{shown}");
        if app.layout().cols.len() > 1 {
            assert!(shown.contains('├'), "the rules it covers end at the next bar: {shown}");
        }
        assert!(body + grown_top + grown <= height - 2);
        press(&mut app, "\x1b");
        let left = render(&app, &theme);
        for y in 1..height - 2 {
            assert_eq!(outside(&left, y), outside(&before, y), "{width}x{height}, line {y}");
        }
    }
}

/// The status line at 80 columns keeps the mode, the source, the cell and
/// the counts, in that order, and cuts the rest first.
#[test]
fn the_status_line_at_80_columns_keeps_mode_source_cell_and_counts() {
    let mut app = sample(80, 24);
    for keys in [":source sara-with-a-long-name\n", "H", "cnote one\ncnote two\x1b", "$"] {
        super::tests::press(&mut app, keys);
    }
    let buffer = render(&app, &Theme::color());
    let line: String = (0..80).map(|x| buffer[(x, 22)].symbol().to_owned()).collect();
    let at = |what: &str| line.find(what).unwrap_or_else(|| panic!("{what:?} is not on {line:?}"));
    let counts = app.review().as_ref().unwrap().to_words();
    let (phase, _) = app.cursor_names();
    assert!(at(" NORMAL ") < at("@sara-with-a-long-name"), "{line}");
    assert!(at("@sara-with-a-long-name") < at(&phase[..6]), "{line}");
    assert!(at(&phase[..6]) < at(&counts), "{line}");
}

/// `:only @omar` at 80x24: Omar's lines and the lines with no source show,
/// Sara's do not, and the status line says `only @omar` beside the source.
#[test]
fn only_one_source_shows_that_sources_lines_and_says_so_at_80_columns() {
    let cell = "! waited 25 minutes @sara\n! got an SMS on the day @omar\nask about solar";
    let mut app = sample_with(80, 24, vec![Change::SetCell { at: CellRef::new(0, 1), text: cell.into() }]);
    super::tests::press(&mut app, ":source sara-with-a-long-name\n:only @omar\n");
    let buffer = render(&app, &Theme::color());
    let screen = text_of(&buffer);
    assert!(screen.contains("got an SMS"), "{screen}");
    assert!(screen.contains("ask about solar"), "{screen}");
    assert!(!screen.contains("waited 25"), "{screen}");
    let status: String = (0..80).map(|x| buffer[(x, 22)].symbol().to_owned()).collect();
    assert!(status.contains("only @omar"), "{status}");
    assert!(status.find(" NORMAL ") < status.find("only @omar"), "{status}");
    super::tests::press(&mut app, ":only\n");
    assert!(text_of(&render(&app, &Theme::color())).contains("waited 25"));
}

//! In-process benchmarks of the work behind each user-visible operation, for
//! the three generated journey sizes (see `common/generator.rs`).
//!
//! ```sh
//! cargo bench --bench jgrid            # everything
//! cargo bench --bench jgrid -- render  # only benchmarks whose path contains "render"
//! ```
//!
//! Divan prints fastest, slowest, median and mean per benchmark; the budgets
//! in BENCHMARKS.md are medians.
//!
//! | benchmark         | measures                                                                  |
//! | ----------------- | ------------------------------------------------------------------------- |
//! | `load`            | `format::parse` of the journey's TOML bytes                               |
//! | `to_toml`         | `format::to_toml`: the canonical text, no I/O                             |
//! | `save`            | `format::to_toml` + `store::save_atomic` to a temp dir (fsync + rename)   |
//! | `checks`          | `checks::check` on the whole journey                                      |
//! | `review`          | `checks::review` (what highlight mode shows), every other finding accepted |
//! | `recheck`         | one keystroke kept in a Message (`message`) or Organization (`organization`) cell mid-grid (`SetCell`), then the incremental `checks::Checker` brings `review`'s result and the merge conflicts up to date |
//! | `render`          | drawing one 120x40 frame into a `Buffer`, cursor in the grid's middle     |
//! | `move_and_render` | one cursor move through `app::update`, then one frame as in `render`      |
//! | `type_in_1mb_cell` | one character typed (then, next iteration, deleted) in a cell of 1 MB being edited, at its `start` or `end`, through `app::update`, and the frame after it |
//! | `insights`        | `insights::Insights::of` on the journey with every 4th line marked and sourced |
//! | `evidence`        | `insights::Evidence::of` and its summary on that journey                  |
//!
//! `render` and `move_and_render` should cost the same for every size: what
//! is drawn is one screen, whatever the grid's size.

use jgrid::app::input::action::{Grid, Move};
use std::hint::black_box;
use std::path::PathBuf;
use std::sync::OnceLock;

use divan::Bencher;
use divan::counter::BytesCount;
use jgrid::app::{Action, App, History, Msg, update};
use jgrid::journey::{CellRef, Journey};
use jgrid::ui::{Screen, Theme};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::widgets::Widget as _;

#[path = "common/generator.rs"]
mod generator;

use generator::Size;

fn main() {
    divan::main();
}

/// The screen size of the render benchmarks.
const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;

/// A generated journey and its canonical TOML, built once per size.
struct Fixture {
    journey: Journey,
    toml: String,
}

fn fixture(size: Size) -> &'static Fixture {
    static FIXTURES: [OnceLock<Fixture>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let index = Size::ALL.iter().position(|s| *s == size).expect("every size is in Size::ALL");
    FIXTURES[index].get_or_init(|| {
        let journey = generator::journey(size);
        let toml = jgrid::format::to_toml(&journey);
        Fixture { journey, toml }
    })
}

#[divan::bench(args = Size::ALL)]
fn load(bencher: Bencher, size: Size) {
    let bytes = fixture(size).toml.as_bytes();
    bencher
        .counter(BytesCount::of_slice(bytes))
        .bench(|| jgrid::format::parse(black_box(bytes)).expect("generated journeys parse"));
}

#[divan::bench(args = Size::ALL)]
fn to_toml(bencher: Bencher, size: Size) {
    let f = fixture(size);
    bencher.counter(BytesCount::of_str(&f.toml)).bench(|| jgrid::format::to_toml(black_box(&f.journey)));
}

#[divan::bench(args = Size::ALL)]
fn save(bencher: Bencher, size: Size) {
    let f = fixture(size);
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join(format!("{size}.toml"));
    bencher.counter(BytesCount::of_str(&f.toml)).bench(|| {
        let text = jgrid::format::to_toml(black_box(&f.journey));
        jgrid::store::save_atomic(&path, &text).expect("save to a temp dir");
    });
}

#[divan::bench(args = Size::ALL)]
fn checks(bencher: Bencher, size: Size) {
    let journey = &fixture(size).journey;
    bencher.bench(|| jgrid::checks::check(black_box(journey)));
}

/// The journey with every other finding accepted, as a consultant who has
/// reviewed the grid might have it.
fn reviewed(size: Size) -> Journey {
    let mut journey = fixture(size).journey.clone();
    for f in jgrid::checks::check(&journey).iter().step_by(2) {
        let offered = jgrid::checks::acceptances_for(&journey, f);
        journey.accepted.extend(offered);
    }
    journey
}

#[divan::bench(args = Size::ALL)]
fn review(bencher: Bencher, size: Size) {
    let journey = reviewed(size);
    bencher.bench(|| jgrid::checks::review(black_box(&journey)));
}

/// Highlight mode after a keystroke: a character added to (then, on the
/// next iteration, taken from) the last line of a cell in the middle of the
/// grid, kept as one `SetCell`, then the checks brought up to date by the
/// incremental `checks::Checker`: in a Message cell its topics and the
/// phase's own checks, in an Organization cell the phase's own checks and
/// the walls to its neighbours.
mod recheck {
    use super::*;
    use jgrid::journey::Role;

    #[divan::bench(args = Size::ALL)]
    fn message(bencher: Bencher, size: Size) {
        keystroke(bencher, size, Role::Message);
    }

    #[divan::bench(args = Size::ALL)]
    fn organization(bencher: Bencher, size: Size) {
        keystroke(bencher, size, Role::Organization);
    }

    fn keystroke(bencher: Bencher, size: Size, role: Role) {
        let mut journey = reviewed(size);
        let row = journey.row_with_role(role).expect("generated journeys have every role");
        let at = CellRef::new(journey.phase_count() / 2, row);
        let texts = [journey.cell(at).to_owned(), format!("{}x", journey.cell(at))];
        let mut checker = jgrid::checks::Checker::new();
        let (mut conflicts, mut review) = (Vec::new(), jgrid::checks::Review::default());
        checker.recheck(&journey, &mut conflicts, Some(&mut review));
        let mut typed = false;
        bencher.bench_local(|| {
            typed = !typed;
            let text = texts[usize::from(typed)].clone();
            jgrid::journey::Change::SetCell { at, text }.apply(&mut journey).expect("in the grid");
            checker.cells_changed(black_box(&journey), &[at], &mut conflicts, Some(&mut review));
        });
        assert_eq!(review, jgrid::checks::review(&journey), "the incremental review is the review");
    }
}

/// The app as jgrid has it after start-up in a 120x40 terminal, with the
/// cursor moved to the middle of the grid.
fn app_in_the_middle(size: Size) -> App {
    let journey = fixture(size).journey.clone();
    let (phases, rows) = (journey.phase_count(), journey.row_count());
    let mut app = App::new(journey, Some(PathBuf::from(format!("{size}.toml"))), History::saved());
    update(&mut app, Msg::Resize(WIDTH, HEIGHT));
    for _ in 0..phases / 2 {
        update(&mut app, Msg::Run(Action::Move(Move::Right)));
    }
    for _ in 0..rows / 2 {
        update(&mut app, Msg::Run(Action::Move(Move::Down)));
    }
    app
}

const AREA: Rect = Rect::new(0, 0, WIDTH, HEIGHT);

#[divan::bench(args = Size::ALL)]
fn render(bencher: Bencher, size: Size) {
    let app = app_in_the_middle(size);
    let theme = Theme::color();
    let screen = Screen { app: &app, theme: &theme };
    bencher.with_inputs(|| Buffer::empty(AREA)).bench_local_refs(|buf| (&screen).render(AREA, black_box(buf)));
}

/// One cursor move (right, then back left on the next iteration, so the
/// cursor stays in the middle) and the frame after it: the in-process part
/// of what a key press costs. jgrid then diffs the frame against the last one
/// and writes the changes to the terminal, which this leaves out.
#[divan::bench(args = Size::ALL)]
fn move_and_render(bencher: Bencher, size: Size) {
    let mut app = app_in_the_middle(size);
    let theme = Theme::color();
    let mut right = true;
    bencher.with_inputs(|| Buffer::empty(AREA)).bench_local_refs(|buf| {
        let command = if right { Action::Move(Move::Right) } else { Action::Move(Move::Left) };
        right = !right;
        update(&mut app, Msg::Run(command));
        (&Screen { app: &app, theme: &theme }).render(AREA, black_box(buf));
    });
}

/// The app editing a cell holding 1 MB of interview notes (and one very
/// long line), in a 120x40 terminal, the text cursor at the cell's start or end.
fn editing_a_megabyte(at_start: bool) -> App {
    let mut journey = Journey::new("Big", "Anna", jgrid::journey::DEFAULT_ROWS, ["Interviews", "After"]);
    let mut big = String::with_capacity(1 << 20);
    let mut i = 0;
    while big.len() < (1 << 20) - 40_000 {
        big.push_str(&format!("interview line {i}: the customer waited {} minutes on the phone\n", i % 97));
        i += 1;
    }
    big.push_str(&"one very long line ".repeat(2_000));
    jgrid::journey::Change::SetCell { at: CellRef::new(0, 1), text: big }.apply(&mut journey).expect("in the grid");
    let mut app = App::new(journey, Some(PathBuf::from("big.toml")), History::saved());
    update(&mut app, Msg::Resize(WIDTH, HEIGHT));
    update(&mut app, Msg::Run(Action::Move(Move::Down)));
    update(&mut app, Msg::Run(Action::Grid(Grid::Edit)));
    if at_start {
        let ctrl_home = KeyEvent::new(KeyCode::Home, KeyModifiers::CONTROL);
        update(&mut app, Msg::Input(ctrl_home));
    }
    app
}

/// A keystroke in a 1 MB cell: a character typed, or (every other
/// iteration) deleted again, then the frame. What it costs should be what
/// is on the screen, not the size of the cell.
#[divan::bench(args = ["start", "end"])]
fn type_in_1mb_cell(bencher: Bencher, at: &str) {
    let mut app = editing_a_megabyte(at == "start");
    let theme = Theme::color();
    let keys =
        [KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE), KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE)];
    let mut typed = false;
    bencher.with_inputs(|| Buffer::empty(AREA)).bench_local_refs(|buf| {
        typed = !typed;
        update(&mut app, Msg::Input(keys[usize::from(!typed)]));
        (&Screen { app: &app, theme: &theme }).render(AREA, black_box(buf));
    });
    assert!(app.editor().is_some(), "still editing");
}

/// The journey with every fourth line of every cell marked (`!`, `+`, `?`,
/// `>` in turn) and named by one of seven sources, as after many interviews.
fn interviewed(size: Size) -> Journey {
    let mut journey = fixture(size).journey.clone();
    for p in 0..journey.phase_count() {
        for r in 0..journey.row_count() {
            let at = CellRef::new(p, r);
            let text: Vec<String> = (journey.cell(at).split('\n').enumerate())
                .map(|(i, line)| match i % 4 {
                    0 => format!("{} {line} @source{}", ['!', '+', '?', '>'][(p + r) % 4], (p + i) % 7),
                    _ => line.to_owned(),
                })
                .collect();
            jgrid::journey::Change::SetCell { at, text: text.join("\n") }.apply(&mut journey).expect("in the grid");
        }
    }
    journey
}

#[divan::bench(args = Size::ALL)]
fn insights(bencher: Bencher, size: Size) {
    let journey = interviewed(size);
    bencher.bench(|| jgrid::insights::Insights::of(black_box(&journey)));
}

#[divan::bench(args = Size::ALL)]
fn evidence(bencher: Bencher, size: Size) {
    let journey = interviewed(size);
    bencher.bench(|| jgrid::insights::Evidence::of(black_box(&journey)).summary());
}

//! The plan view and the way to it: `O` on a line of the `L` list, the
//! form typed through, `P`, at 80x24.

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::tests::press;
use super::*;
use crate::app::{App, History, Msg, update};
use crate::journey::Status;

fn energy(width: u16, height: u16) -> App {
    with_plan(width, height, Vec::new())
}

fn with_plan(width: u16, height: u16, plan: Vec<crate::journey::Opportunity>) -> App {
    let text = include_str!("../../journeys/energy-switch-interview.toml");
    let mut journey = crate::format::parse(text.as_bytes()).unwrap();
    journey.opportunities = plan;
    let mut app = App::new(journey, Some("journeys/energy-switch-interview.toml".into()), History::saved());
    update(&mut app, Msg::Resize(width, height));
    app
}

fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(app.width(), app.height())).unwrap();
    terminal.draw(|f| f.render_widget(&Screen { app, theme: &Theme::color() }, f.area())).unwrap();
    let buffer = terminal.backend().buffer().clone();
    (0..buffer.area.height)
        .map(|y| (0..buffer.area.width).map(|x| buffer[(x, y)].symbol()).collect::<String>() + "\n")
        .collect()
}

#[test]
fn o_on_a_plus_line_then_the_form_then_p_shows_it_as_low_hanging_fruit() {
    let mut app = energy(80, 24);
    // L: two pains first, then the opportunity.
    press(&mut app, "LjjO");
    press(&mut app, "\n3\n2\n1\ncustomer, Support\nSupport\nplanned\nSMS on the switch day; date in the app\n");
    let o = &app.journey().opportunities[0];
    assert_eq!(o.title, "show the switch date in the app");
    assert_eq!((o.customer_value, o.business_value, o.effort), (Some(3), Some(2), Some(1)));
    assert_eq!((o.gains.len(), o.owner.as_str(), o.status), (2, "Support", Status::Planned));
    assert_eq!(o.solutions, "SMS on the switch day\ndate in the app");
    let saved = crate::format::to_toml(app.journey());
    assert!(saved.contains("line = \"show the switch date in the app\" }"), "{saved}");
    let shown = screen(&app);
    assert!(shown.contains("Plan: 1 opportunity "), "{shown}");
    assert!(shown.contains("Low-hanging fruit · v2.5 · e1 · 1 source"), "{shown}");
    assert!(shown.contains("planned · gains: customer, Support"), "{shown}");
    insta::assert_snapshot!(shown);
    // Esc closes; u undoes the whole form field by field, back to no plan.
    press(&mut app, "\x1b");
    for _ in 0..8 {
        press(&mut app, "u");
    }
    assert!(app.journey().opportunities.is_empty());
}

#[test]
fn o_on_a_line_with_an_existing_title_links_instead_of_making_another() {
    let mut app = energy(80, 24);
    press(&mut app, "LjjO\n\x1b\x1b");
    assert_eq!(app.journey().opportunities.len(), 1);
    // The first pain, linked to the same opportunity by its title (Tab offers it).
    let tab = |app: &mut App| {
        use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
        for msg in crate::app::resolve_key(app, KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE)) {
            update(app, msg);
        }
    };
    press(&mut app, "LO");
    tab(&mut app);
    press(&mut app, "\n");
    assert_eq!(app.journey().opportunities.len(), 1);
    assert_eq!(app.journey().opportunities[0].why.len(), 2);
    let review = crate::checks::review(app.journey());
    assert!(review.open.iter().any(|f| f.id == "unjustified-change"), "no gains yet");
}

#[test]
fn the_plan_fits_small_and_large_screens_and_hostile_titles_show_as_placeholders() {
    let evil = crate::journey::Opportunity::new("evil \u{1b}[2J\u{9b}31m", Vec::new());
    let mut app = with_plan(80, 24, vec![evil]);
    for (w, h) in [(80, 24), (40, 12), (160, 45), (10, 4)] {
        update(&mut app, Msg::Resize(w, h));
        press(&mut app, "\x1bP");
        let shown = screen(&app);
        assert!(!shown.contains('\u{1b}') && !shown.contains('\u{9b}'), "{shown}");
        if w >= 40 {
            assert!(shown.contains("Plan: 1"), "{w}x{h}\n{shown}");
        }
    }
}

#[test]
fn o_on_a_flagged_cell_in_highlight_mode_links_the_finding() {
    let mut app = energy(80, 24);
    // Wait › Message is empty and flagged.
    press(&mut app, "H0lllljjO\n\x1b");
    let o = &app.journey().opportunities[0];
    assert!(matches!(&o.why[..], [crate::journey::Why::Finding { .. }]), "{o:?}");
    assert!(o.title.starts_with("Resolve "), "{}", o.title);
}

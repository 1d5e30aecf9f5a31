//! The portfolio screen drawn into ratatui's TestBackend at 80x24.

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::{PortfolioScreen, Theme};
use crate::app::portfolio::tests::{northwind, press};
use crate::app::portfolio::{PortfolioMsg, PortfolioView, update};

fn render(view: &PortfolioView) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(view.width, view.height)).unwrap();
    let theme = Theme::color();
    terminal.draw(|f| f.render_widget(&PortfolioScreen { view, theme: &theme }, f.area())).unwrap();
    terminal
}

#[test]
fn portfolio_at_80x24() {
    let mut view = northwind();
    press(&mut view, "jj");
    insta::assert_snapshot!(render(&view).backend());
}

#[test]
fn portfolio_findings_panel() {
    let mut view = northwind();
    press(&mut view, "fj");
    insta::assert_snapshot!(render(&view).backend());
}

#[test]
fn portfolio_blueprint_panel() {
    let mut view = northwind();
    press(&mut view, "b");
    insta::assert_snapshot!(render(&view).backend());
}

#[test]
fn portfolio_help_lists_every_key() {
    let mut view = northwind();
    update(&mut view, PortfolioMsg::Resize(100, 40));
    press(&mut view, "?");
    let screen = format!("{}", render(&view).backend());
    for b in crate::app::portfolio::keys::bindings() {
        assert!(screen.contains(b.help.split(';').next().unwrap()), "help lacks {}", b.help);
    }
}

#[test]
fn portfolio_while_reading_and_when_it_cannot_be_read() {
    let mut view = PortfolioView::new("team/journeys".into());
    update(&mut view, PortfolioMsg::Resize(80, 24));
    update(&mut view, PortfolioMsg::Progress(340));
    let screen = format!("{}", render(&view).backend());
    assert!(screen.contains("Reading journeys… 340"), "{screen}");
    update(&mut view, PortfolioMsg::Loaded(Err("team/jgrid.toml:2:10: \"hot line\" is not a channel tag".into())));
    let screen = format!("{}", render(&view).backend());
    assert!(screen.contains("jgrid.toml:2:10") && screen.contains("r reads the folder again"), "{screen}");
}

#[test]
fn portfolio_filter_being_typed() {
    let mut view = northwind();
    press(&mut view, "/moving");
    insta::assert_snapshot!(render(&view).backend());
}

#[test]
fn portfolio_on_a_tiny_terminal_says_so() {
    let mut view = northwind();
    update(&mut view, PortfolioMsg::Resize(20, 5));
    let screen = format!("{}", render(&view).backend());
    assert!(screen.contains("Terminal too"), "{screen}");
}

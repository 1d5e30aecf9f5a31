use std::path::{Path, PathBuf};

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::portfolio::load;

const NORTHWIND: &str = "tests/portfolio/northwind";

/// The screen of the Northwind folder, read, at 80x24.
pub(crate) fn northwind() -> PortfolioView {
    let mut view = PortfolioView::new(PathBuf::from(NORTHWIND));
    update(&mut view, PortfolioMsg::Resize(80, 24));
    let mut p = load(Path::new(NORTHWIND), |_, _| ()).unwrap();
    for e in &mut p.journeys {
        e.summary.modified = Some(1_796_000_000);
    }
    update(&mut view, PortfolioMsg::Loaded(Ok(Box::new(p))));
    view
}

/// Press keys: characters, `\n` Enter, `\x1b` Esc, `↓` Down.
pub(crate) fn press(view: &mut PortfolioView, keys: &str) -> Vec<PortfolioEffect> {
    let mut effects = Vec::new();
    for c in keys.chars() {
        let code = match c {
            '\n' => KeyCode::Enter,
            '\x1b' => KeyCode::Esc,
            '↓' => KeyCode::Down,
            c => KeyCode::Char(c),
        };
        effects.extend(update(view, PortfolioMsg::Key(KeyEvent::new(code, KeyModifiers::NONE))));
    }
    effects
}

fn titles(view: &PortfolioView) -> Vec<String> {
    let p = view.portfolio.as_deref().unwrap();
    view.rows
        .iter()
        .map(|r| match r {
            Row::Journey(j) => p.journeys[*j].summary.title.clone(),
            Row::Broken(i) => format!("broken {}", p.broken[*i].0),
            Row::Other(i) => format!("other {}", p.others[*i].0),
        })
        .collect()
}

#[test]
fn the_list_comes_in_file_order_with_the_findings_across_journeys() {
    let view = northwind();
    assert_eq!(
        titles(&view),
        ["Cancelling", "Complaint about a bill", "Moving house", "New contract", "Repair", "Travelling abroad"]
    );
    assert_eq!(view.across.len(), 3);
    assert_eq!(view.across_of(2).map(|f| f.id).collect::<Vec<_>>(), ["portfolio-conflict"]);
}

#[test]
fn enter_opens_the_selected_journey_and_q_quits() {
    let mut view = northwind();
    assert_eq!(press(&mut view, "jj\n"), [PortfolioEffect::Open(PathBuf::from(NORTHWIND).join("moving-house.toml"))]);
    assert_eq!(press(&mut view, "q"), [PortfolioEffect::Quit]);
}

#[test]
fn sorting_keeps_the_selected_journey_selected() {
    let mut view = northwind();
    press(&mut view, "jj");
    press(&mut view, "ss");
    assert_eq!(view.sort, SortBy::Open);
    // The two journeys with open findings first, then by file.
    assert_eq!(titles(&view)[..2], ["Complaint about a bill", "Moving house"]);
    assert_eq!(titles(&view)[view.selected], "Moving house");
    press(&mut view, "S");
    assert_eq!(titles(&view).last().unwrap(), "Complaint about a bill");
    assert_eq!(titles(&view)[view.selected], "Moving house");
    press(&mut view, "ssss");
    assert_eq!(view.sort, SortBy::Changed);
    press(&mut view, "s");
    assert_eq!(view.sort, SortBy::File);
}

#[test]
fn the_filter_follows_every_keystroke_and_needs_every_word() {
    let mut view = northwind();
    press(&mut view, "/move");
    // In the personas of Cancelling ("moves in") and Moving house ("moves with").
    assert_eq!(titles(&view), ["Cancelling", "Moving house"]);
    press(&mut view, " partner\n");
    assert_eq!(titles(&view), ["Moving house"]);
    assert!(view.typing.is_none());
    assert_eq!(view.filter, "move partner");
    // Esc clears a kept filter.
    press(&mut view, "\x1b");
    assert_eq!(titles(&view).len(), 6);
    press(&mut view, "/zzz");
    assert!(titles(&view).is_empty());
    press(&mut view, "\x1b");
    assert!(view.filter.is_empty() && view.typing.is_none());
}

#[test]
fn files_apart_come_last_and_say_why_on_enter() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(Path::new(NORTHWIND).join("repair.toml"), dir.path().join("repair.toml")).unwrap();
    std::fs::write(dir.path().join("Cargo.toml"), "[package]\n").unwrap();
    std::fs::write(dir.path().join("a-broken.toml"), "format = 1\nrows = [").unwrap();
    let mut view = PortfolioView::new(dir.path().to_path_buf());
    let p = load(dir.path(), |_, _| ()).unwrap();
    update(&mut view, PortfolioMsg::Loaded(Ok(Box::new(p))));
    assert_eq!(titles(&view), ["Repair", "broken a-broken.toml", "other Cargo.toml"]);
    assert!(press(&mut view, "j\n").is_empty());
    let status = view.status.clone().unwrap();
    assert!(status.error && status.text.contains("a-broken.toml:2:") && status.text.contains("; hint:"), "{status:?}");
    assert!(press(&mut view, "j\n").is_empty());
    assert!(view.status.as_ref().unwrap().text.contains("not a journey"));
}

#[test]
fn the_findings_panel_opens_the_journey_a_finding_names() {
    let mut view = northwind();
    press(&mut view, "f");
    assert_eq!(view.panel, Panel::Findings { selected: 0, top: 0 });
    assert_eq!(press(&mut view, "j\n"), [PortfolioEffect::Open(PathBuf::from(NORTHWIND).join("cancelling.toml"))]);
    // q and Esc close a panel; they do not quit.
    assert!(press(&mut view, "q").is_empty());
    assert_eq!(view.panel, Panel::None);
    press(&mut view, "b");
    assert!(matches!(view.panel, Panel::Blueprint { .. }));
    press(&mut view, "\x1b");
    assert_eq!(view.panel, Panel::None);
}

#[test]
fn a_quick_esc_then_key_is_the_two_keys() {
    let mut view = northwind();
    press(&mut view, "/x\n");
    update(&mut view, PortfolioMsg::Key(KeyEvent::new(KeyCode::Char('f'), KeyModifiers::ALT)));
    assert!(view.filter.is_empty());
    assert!(matches!(view.panel, Panel::Findings { .. }));
}

#[test]
fn a_journey_read_again_keeps_its_row_selected() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["complaint.toml", "repair.toml", "roaming.toml"] {
        std::fs::copy(Path::new(NORTHWIND).join(name), dir.path().join(name)).unwrap();
    }
    let mut view = PortfolioView::new(dir.path().to_path_buf());
    update(&mut view, PortfolioMsg::Loaded(Ok(Box::new(load(dir.path(), |_, _| ()).unwrap()))));
    press(&mut view, "j");
    let repair = dir.path().join("repair.toml");
    std::fs::write(&repair, std::fs::read_to_string(&repair).unwrap().replace("\"Repair\"", "\"Repair 2\"")).unwrap();
    let read = view.portfolio.as_ref().unwrap().reread(&repair);
    update(&mut view, PortfolioMsg::Reread { path: repair, read });
    assert_eq!(titles(&view)[view.selected], "Repair 2");
}

#[test]
fn the_selection_stays_on_screen_at_any_height() {
    let mut view = northwind();
    update(&mut view, PortfolioMsg::Resize(80, 9));
    assert_eq!(view.list_height(), 3);
    press(&mut view, "G");
    assert_eq!((view.selected, view.top), (5, 3));
    press(&mut view, "g");
    assert_eq!((view.selected, view.top), (0, 0));
}

#[test]
fn every_binding_has_help_and_no_key_is_bound_twice() {
    let mut seen = std::collections::HashSet::new();
    for b in keys::bindings() {
        assert!(!b.help.is_empty() && !b.keys.is_empty());
        for k in &b.keys {
            assert!(seen.insert(*k), "{} is bound twice", k.label());
        }
    }
}

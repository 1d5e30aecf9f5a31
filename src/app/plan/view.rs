//! The plan's keys: `P` opens it, j/k select, Enter jumps to the evidence,
//! `e` edits, `s` next status, `D` deletes; the list keeps the rank order,
//! brought up to date after every change.

use crate::app::input::action::{Action, List};
use crate::app::lists::{ListKind, ListView};
use crate::app::msg::Effect;
use crate::app::state::{App, Mode};
use crate::journey::{Change, Status, Why};
use crate::plan::rank;

fn ranked(app: &App) -> Vec<usize> {
    rank(&app.doc.journey).into_iter().map(|r| r.index).collect()
}

/// `P`: the plan.
pub fn open(app: &mut App) {
    if app.doc.journey.opportunities.is_empty() {
        return app.info("No opportunities yet: O on a marked line (or in the L list) makes one");
    }
    app.mode = Mode::List(Box::new(ListView { kind: ListKind::Plan(ranked(app)), selected: 0 }));
}

/// The plan, with the opportunity titled `title` selected.
pub fn open_on(app: &mut App, title: &str) {
    let order = ranked(app);
    let selected = order.iter().position(|&i| app.doc.journey.opportunities[i].title == title).unwrap_or(0);
    if !order.is_empty() {
        app.mode = Mode::List(Box::new(ListView { kind: ListKind::Plan(order), selected }));
    }
}

/// A key in the plan (j/k, Esc and the like are the list's own).
pub fn run(app: &mut App, action: Action, order: &[usize], selected: usize) -> Vec<Effect> {
    let Some(&index) = order.get(selected) else { return Vec::new() };
    let title = app.doc.journey.opportunities[index].title.clone();
    match action {
        Action::Submit => {
            app.mode = Mode::Normal;
            jump_to_evidence(app, index);
        }
        Action::List(List::EditOpportunity) => super::form::ask(app, &title, "title"),
        Action::List(List::NextStatus) => {
            let mut list = app.doc.journey.opportunities.clone();
            let o = &mut list[index];
            let at = Status::ALL.iter().position(|s| *s == o.status).unwrap_or(0);
            o.status = Status::ALL[(at + 1) % Status::ALL.len()];
            let now = o.status.id();
            app.change(Change::SetOpportunities(list));
            open_on(app, &title);
            app.info(format!("Status: {now} (s again: the next one; u undoes)"));
        }
        Action::List(List::DeleteOpportunity) => {
            let mut list = app.doc.journey.opportunities.clone();
            list.remove(index);
            app.change(Change::SetOpportunities(list));
            app.info(format!("Deleted \"{}\" (u undoes)", crate::text::one_line(&title)));
            let order = ranked(app);
            app.mode = if order.is_empty() {
                Mode::Normal
            } else {
                Mode::List(Box::new(ListView {
                    kind: ListKind::Plan(order.clone()),
                    selected: selected.min(order.len() - 1),
                }))
            };
        }
        _ => {}
    }
    Vec::new()
}

/// Enter: the cursor to the first line the opportunity links to, else the
/// first cell a linked finding marks.
fn jump_to_evidence(app: &mut App, index: usize) {
    let Some(r) = crate::plan::weigh(&app.doc.journey, index) else { return };
    if let Some(line) = r.lines.first() {
        app.cursor = line.at;
        return;
    }
    let o = &app.doc.journey.opportunities[index];
    let checks: Vec<&str> = o
        .why
        .iter()
        .filter_map(|w| if let Why::Finding { check, .. } = w { Some(check.as_str()) } else { None })
        .collect();
    let review = crate::checks::review(&app.doc.journey);
    let found = review.open.iter().chain(review.accepted.iter().map(|a| &a.finding));
    if let Some(cell) = found.filter(|f| checks.contains(&f.id)).find_map(|f| f.cells.first()) {
        app.cursor = *cell;
        return;
    }
    app.info("Nothing to jump to: it links to no line or finding that is there now (O on a line links one)");
}

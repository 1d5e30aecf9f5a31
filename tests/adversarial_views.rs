//! Adversarial end-to-end test: the screens that came with interviews,
//! insights, accepted findings and whole-journey views (the inbox, the
//! insights and acceptance lists, evidence badges, moods, the overview,
//! a frozen phase, present mode and the accept prompt) never send a control
//! character that came from the file to the terminal.

mod adversarial;
mod support;

use std::fs;

use adversarial::{Home, assert_tui_clean, hostile};
use jgrid::journey::{Acceptance, CellRef, Change, Journey, Note};
use support::TIMEOUT;

/// Hostile text in every field these screens show: phase and row names,
/// marked lines with sources, inbox notes, acceptances and their reasons.
fn journey() -> Journey {
    let rows = ["Need", "Touchpoints", "Message", "Organization", "Systems"];
    let phases = [hostile("phaseA"), "Plain".to_owned()];
    let mut j = Journey::new(&hostile("title"), &hostile("persona"), rows, phases);
    let cells = [
        (
            0,
            0,
            format!(
                "! {} @anna\n+ {} @ben\n? {}\n> \"{}\" @anna",
                hostile("pain"),
                hostile("idea"),
                hostile("q"),
                hostile("quote")
            ),
        ),
        (0, 1, format!("#web {}", hostile("touchpoint"))),
        // A dead end beside the unanswered need: a cell with two findings to pick from.
        (
            1,
            0,
            format!("! {} @ben\nthe app couldn't help, told me to call {} @ben", hostile("pain2"), hostile("deadend")),
        ),
        (1, 1, "#web portal".to_owned()),
    ];
    for (p, r, text) in cells {
        Change::SetCell { at: CellRef::new(p, r), text }.apply(&mut j).unwrap();
    }
    Change::SetMood { phase: 0, mood: Some(-2) }.apply(&mut j).unwrap();
    j.inbox.push(Note { text: hostile("inbox"), source: Some("anna".into()), at: "2026-12-01T14:03:12Z".into() });
    j.inbox.push(Note { text: hostile("inbox2"), source: None, at: "2026-12-01T14:04:00Z".into() });
    j.accepted.push(Acceptance {
        check: "empty-cell".into(),
        phase: "Plain".into(),
        rows: vec!["Systems".into()],
        subject: None,
        reason: hostile("reason"),
    });
    j
}

#[test]
fn the_interview_insight_and_view_screens_never_send_hostile_text() {
    let home = Home::new();
    let j = journey();
    let text = jgrid::format::to_toml(&j);
    assert_eq!(jgrid::format::parse(text.as_bytes()).as_ref(), Ok(&j), "the hostile journey is a valid file");
    fs::write(&home.file, text).unwrap();
    let mut pty = home.start_on(&[&home.file], 120, 40);
    pty.assert_screen_contains("NORMAL", TIMEOUT);
    pty.assert_screen_contains("PWN", TIMEOUT);
    let steps = [
        // Hostile text shows, as visible placeholders.
        ("I", "inbox␛]0;PWNinbox␇"),
        ("j", "INBOX"),
        ("<Esc>", "NORMAL"),
        ("L", "LIST"),
        ("jjj", "LIST"),
        ("<Enter>", "NORMAL"),
        (":accepted<Enter>", "reason␛]0;PWNreason␇"),
        ("<Esc>", "NORMAL"),
        ("E", "cells backed"),
        ("E", "NORMAL"),
        ("}", "NORMAL"),
        ("v", "Overview"),
        ("v", "NORMAL"),
        ("F", "NORMAL"),
        (":present<Enter>", "Phase 1 of 2"),
        ("<Right>", "Phase 2 of 2"),
        ("<Esc>", "NORMAL"),
        ("H", "Highlight on"),
        ("]", "Flagged cell"),
        // Up from "Plain"'s empty Message to its Need: an unanswered need and a dead end.
        ("kk", "Plain › Need"),
        ("A", "Accept which finding?"),
        ("<Enter>", "reason"),
        ("<Esc>", "NORMAL"),
        ("c", "capture ›"),
        ("<Esc>", "NORMAL"),
        ("?", "HELP"),
        ("q", "NORMAL"),
    ];
    pty.walk(&steps, TIMEOUT);
    pty.keys(":q!<Enter>");
    pty.assert_exit_code(0, TIMEOUT);
    assert_tui_clean("the interview, insight and view screens", &pty.raw_output());
}

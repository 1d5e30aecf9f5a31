//! End-to-end: each interviewee's mood per phase. With `:source sara`, `}`
//! twice makes Sara's mood in the phase +2, the header shows it as hers, and
//! the saved file holds it under `[phase.moods]`; without a source, `}` is
//! the phase's own mood as before.

mod support;

use std::fs;

use support::{Pty, TIMEOUT};

#[test]
fn a_source_set_two_braces_saved_as_phase_moods_and_shown_in_the_header() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("energy.toml");
    fs::copy("journeys/energy-switch-interview.toml", &path).unwrap();
    let mut pty = Pty::jgrid(&[path.to_str().unwrap()], 80, 24, &[]);
    pty.assert_screen_contains("NORMAL", TIMEOUT);
    // To Wait (the fifth phase), then Sara speaks.
    pty.keys("llll:source sara<Enter>");
    pty.assert_screen_contains("Source @sara", TIMEOUT);
    pty.keys("}");
    pty.assert_screen_contains("Mood of @sara in 5 Wait: +1 happy", TIMEOUT);
    pty.keys("}");
    pty.assert_screen_contains("Mood of @sara in 5 Wait: +2 very happy", TIMEOUT);
    let header = pty.row(1);
    assert!(header.contains("5 Wait") && header.contains("@sara☺+2"), "Sara's mood in the header: {header}");
    pty.keys("<C-s>");
    pty.assert_screen_contains("Saved", TIMEOUT);
    // Without a source the header shows the phase's own mood again, and `{` changes it.
    pty.keys(":source<Enter>{");
    pty.assert_screen_contains("Mood of 5 Wait:", TIMEOUT);
    pty.keys("u:q<Enter>");
    pty.assert_exit_code(0, TIMEOUT);
    let text = fs::read_to_string(&path).unwrap();
    let wait = &text[text.find("name = \"Wait\"").unwrap()..];
    let wait = &wait[..wait.find("[[phase]]").unwrap_or(wait.len())];
    assert!(wait.contains("\n[phase.moods]\nsara = 2\n\n[phase.cells]\n"), "{wait}");
    let reopened = jgrid::store::load(&path).unwrap();
    let p = reopened.phase_index("Wait").unwrap();
    assert_eq!(reopened.phases()[p].mood_of("sara"), Some(2));
}

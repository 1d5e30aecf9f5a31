//! `[phase.moods]`: each source's mood in a phase, canonical and checked.

use super::{parse, to_toml};
use crate::journey::{Change, Journey};

const MOODS: &str = r#"format = 1
title = "Switch"
persona = ""
rows = ["Need"]

[[phase]]
name = "Wait"
mood = -1

[phase.moods]
omar = 1
sara = -2

[phase.cells]
Need = "! nobody told me @sara"

[[phase]]
name = "Use"
"#;

#[test]
fn source_moods_read_and_write_back_byte_for_byte_sorted_by_name() {
    let j = parse(MOODS.as_bytes()).unwrap();
    assert_eq!(j.phases()[0].mood, Some(-1));
    assert_eq!(j.phases()[0].mood_of("sara"), Some(-2));
    assert_eq!(j.phases()[0].mood_of("@Omar"), Some(1));
    assert!(j.phases()[1].moods.is_empty());
    assert_eq!(to_toml(&j), MOODS, "a no-op save gives the same bytes");
    // Written in order of name, whatever order the file or the edits gave.
    let shuffled = MOODS.replace("omar = 1\nsara = -2\n", "Sara = -2\nomar = 1\n");
    assert_eq!(to_toml(&parse(shuffled.as_bytes()).unwrap()), MOODS);
}

#[test]
fn a_source_mood_on_a_phase_without_cells_is_written_before_nothing() {
    let mut j = Journey::new("T", "", ["Need"], ["Use"]);
    Change::SetSourceMood { phase: 0, source: "åsa".into(), mood: Some(2) }.apply(&mut j).unwrap();
    Change::SetSourceMood { phase: 0, source: "bo-2".into(), mood: Some(0) }.apply(&mut j).unwrap();
    let text = to_toml(&j);
    assert!(text.ends_with("name = \"Use\"\n\n[phase.moods]\nbo-2 = 0\n\"åsa\" = 2\n"), "{text}");
    assert_eq!(parse(text.as_bytes()).unwrap(), j);
}

#[test]
fn bad_source_moods_name_their_line_and_column_and_what_to_do() {
    for (line, message, at) in [
        ("sara = 7", "the mood of @sara is 7, out of range", (12, 8)),
        ("sara = \"x\"", "the mood of @sara is not a whole number", (12, 8)),
        ("sara = 1.5", "the mood of @sara is not a whole number", (12, 8)),
        ("\"sa ra\" = 1", "\"sa ra\" is not a source name", (12, 1)),
        ("\"\\u001B[2J\" = 1", "is not a source name", (12, 1)),
        ("Omar = 2", "the mood of @omar is given twice", (12, 1)),
    ] {
        let text = MOODS.replacen("omar = 1\n", &format!("omar = 1\n{line}\n"), 1).replacen("sara = -2\n", "", 1);
        let e = parse(text.as_bytes()).unwrap_err();
        assert!(e.message.contains(message), "{line}: {e}");
        assert!(!e.hint.is_empty(), "{line}: says what to do");
        assert!(!e.message.chars().any(char::is_control), "{line}: {e:?}");
        assert_eq!((e.line, e.column), at, "{line}: {e}");
    }
}

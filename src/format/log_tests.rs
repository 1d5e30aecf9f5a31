use crate::format::{parse, to_toml};
use crate::journey::{Journey, LogCell, LogEntry};

const HEAD: &str = "format = 1\nrows = [\"Need\"]\n\n[[phase]]\nname = \"Wait\"\n";

#[test]
fn the_log_is_written_last_and_round_trips_byte_for_byte() {
    let mut j = Journey::new("T", "P", ["Need"], ["Wait"]);
    j.inbox.push(crate::journey::Note { text: "open".into(), source: None, at: "2026-12-01T14:03:12Z".into() });
    j.log = vec![
        LogEntry::sample("waited \"25\" minutes\u{1b}[2J", Some("sara"), Some(("Wait", "Need"))),
        LogEntry::sample("two\nlines", None, None),
        LogEntry::sample("in a phase that is gone", Some("omar"), Some(("Deleted", "Need"))),
    ];
    let text = to_toml(&j);
    assert!(
        text.ends_with(
            "\n[[log]]\ntext = \"waited \\\"25\\\" minutes\\u001B[2J\"\nsource = \"sara\"\nat = \"2026-12-01T14:03:12Z\"\nphase = \"Wait\"\nrow = \"Need\"\n\n[[log]]\ntext = \"\"\"\ntwo\nlines\"\"\"\nat = \"2026-12-01T14:03:12Z\"\n\n[[log]]\ntext = \"in a phase that is gone\"\nsource = \"omar\"\nat = \"2026-12-01T14:03:12Z\"\nphase = \"Deleted\"\nrow = \"Need\"\n"
        ),
        "{text}"
    );
    assert!(text.find("[[inbox]]") < text.find("[[log]]"), "after the inbox");
    let read = parse(text.as_bytes()).unwrap();
    assert_eq!(read, j);
    assert_eq!(to_toml(&read), text, "a no-op save gives the same bytes");
}

#[test]
fn a_bad_log_entry_is_refused_at_its_line_and_column_with_what_to_do() {
    let cases = [
        ("[[log]]\ntext = \"x\"\nat = \"yesterday\"\n", (9, 6), "is not an RFC 3339 time"),
        ("[[log]]\ntext = \"x\"\n", (7, 1), "has no `at`"),
        ("[[log]]\nat = \"2026-12-01T14:03:12Z\"\n", (7, 1), "has no `text`"),
        (
            "[[log]]\ntext = \"x\"\nat = \"2026-12-01T14:03:12Z\"\nphase = \"Wait\"\n",
            (10, 9),
            "a `phase` without a `row`",
        ),
        (
            "[[log]]\ntext = \"x\"\nat = \"2026-12-01T14:03:12Z\"\nrow = \"Need\"\n",
            (10, 7),
            "a `row` without a `phase`",
        ),
        ("[[log]]\ntext = \"x\"\nsource = \"a b\"\nat = \"2026-12-01T14:03:12Z\"\n", (9, 10), "is not a source name"),
        ("[[log]]\ntext = \"x\"\nat = \"2026-12-01T14:03:12Z\"\ncell = \"Wait\"\n", (10, 1), "unknown field `cell`"),
    ];
    for (tail, (line, column), says) in cases {
        let text = format!("{HEAD}\n{tail}");
        let e = parse(text.as_bytes()).unwrap_err();
        assert_eq!((e.line, e.column), (line, column), "{tail}: {e}");
        assert!(e.message.contains(says), "{tail}: {e}");
        assert!(!e.hint.is_empty());
    }
}

#[test]
fn an_entry_naming_a_phase_or_row_not_in_the_grid_loads_and_keeps_the_name() {
    let text = format!(
        "{HEAD}\n[[log]]\ntext = \"x\"\nat = \"2026-12-01T14:03:12Z\"\nphase = \"Nowhere\"\nrow = \"Nothing\"\n"
    );
    let j = parse(text.as_bytes()).unwrap();
    assert_eq!(j.log[0].cell, Some(LogCell { phase: "Nowhere".into(), row: "Nothing".into() }));
    assert_eq!(j.log[0].cell_ref(&j), None);
    assert_eq!(
        to_toml(&j),
        format!(
            "format = 1\ntitle = \"\"\npersona = \"\"\nrows = [\"Need\"]\n\n[[phase]]\nname = \"Wait\"\n\n[[log]]\ntext = \"x\"\nat = \"2026-12-01T14:03:12Z\"\nphase = \"Nowhere\"\nrow = \"Nothing\"\n"
        )
    );
}

#[test]
fn a_log_conflict_round_trips_and_a_bad_one_is_refused_where_it_is() {
    use crate::journey::Unresolved;
    let mut j = Journey::new("T", "P", ["Need"], ["Wait"]);
    j.unresolved = vec![
        Unresolved::Log {
            at: "2026-12-01T14:03:12Z".into(),
            source: Some("sara".into()),
            text: "two\nlines \u{1b}".into(),
            theirs: Some(LogCell { phase: "Wait".into(), row: "Need".into() }),
        },
        Unresolved::Log { at: "2026-12-01T14:03:12Z".into(), source: None, text: "x".into(), theirs: None },
    ];
    let text = to_toml(&j);
    assert!(text.contains("about = \"log\"\ntext = \"x\"\nat = \"2026-12-01T14:03:12Z\"\n"), "{text}");
    assert_eq!(parse(text.as_bytes()).unwrap(), j);
    assert_eq!(to_toml(&parse(text.as_bytes()).unwrap()), text);
    for (table, says, at) in [
        (
            "about = \"log\"\ntext = \"x\"\nat = \"2026-12-01T14:03:12Z\"\ntheirs = 3",
            "`theirs` is not a cell",
            (11, 10),
        ),
        (
            "about = \"log\"\ntext = \"x\"\nat = \"2026-12-01T14:03:12Z\"\ntheirs = { phase = \"Wait\" }",
            "`theirs` is not a cell",
            (11, 10),
        ),
        ("about = \"log\"\ntext = \"x\"\nat = \"soon\"", "is not an RFC 3339 time", (10, 6)),
        ("about = \"log\"\nat = \"2026-12-01T14:03:12Z\"", "log conflict has no `text`", (7, 1)),
        ("about = \"mood\"\nphase = \"Wait\"\ntext = \"x\"", "a mood conflict has no `text`", (10, 8)),
    ] {
        let text = format!("{HEAD}\n[[conflict]]\n{table}\n");
        let e = parse(text.as_bytes()).unwrap_err();
        assert!(e.message.contains(says), "{table}: {e}");
        assert_eq!((e.line, e.column), at, "{table}: {e}");
    }
}

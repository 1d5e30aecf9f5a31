use proptest::prelude::*;

use super::*;
use crate::journey::{CellRef, Change, DEFAULT_ROWS};

const SAMPLE: &str = r#"format = 1
title = "Moving house with broadband"
persona = "Anna (34), moves to a new flat with her partner"
rows = ["Need", "Touchpoints", "Message", "Organization", "Systems"]

[[phase]]
name = "Orientation"

[phase.cells]
Need = "Working internet on moving day"
Touchpoints = """
#website plan comparison
#shop advice"""
Organization = "Marketing owns #website; Retail owns #shop"
Systems = "CMS serves #website"

[[phase]]
name = "Purchase"
"#;

fn error_of(text: &str) -> FormatError {
    parse(text.as_bytes()).expect_err("the file should be refused")
}

#[test]
fn the_product_brief_example_parses() {
    let j = parse(SAMPLE.as_bytes()).unwrap();
    assert_eq!(j.title, "Moving house with broadband");
    assert_eq!(j.rows(), DEFAULT_ROWS);
    assert_eq!(j.phase_count(), 2);
    assert_eq!(j.cell(CellRef::new(0, 1)), "#website plan comparison\n#shop advice");
    assert_eq!(j.cell(CellRef::new(0, 2)), "");
    assert!(j.phases()[1].is_empty());
}

#[test]
fn canonical_text_saves_to_identical_bytes() {
    let j = parse(SAMPLE.as_bytes()).unwrap();
    assert_eq!(to_toml(&j), SAMPLE);
}

#[test]
fn changing_one_cell_changes_only_its_lines() {
    let mut j = parse(SAMPLE.as_bytes()).unwrap();
    Change::SetCell { at: CellRef::new(0, 1), text: "#shop only".into() }.apply(&mut j).unwrap();
    let after = to_toml(&j);
    let removed: Vec<&str> = SAMPLE.lines().filter(|l| !after.lines().any(|a| a == *l)).collect();
    let added: Vec<&str> = after.lines().filter(|l| !SAMPLE.lines().any(|s| s == *l)).collect();
    assert_eq!(removed, ["Touchpoints = \"\"\"", "#website plan comparison", "#shop advice\"\"\""]);
    assert_eq!(added, ["Touchpoints = \"#shop only\""]);
}

#[test]
fn unknown_row_names_its_line_and_column() {
    let text = SAMPLE.replace("Systems = \"CMS", "Sytems = \"CMS");
    let e = error_of(&text);
    assert_eq!((e.line, e.column), (15, 1));
    assert!(e.message.contains("\"Sytems\" is not one of the rows"), "{}", e.message);
}

#[test]
fn duplicate_phase_and_row_names_are_refused() {
    let e = error_of(&SAMPLE.replace("name = \"Purchase\"", "name = \"Orientation\""));
    assert_eq!(e.line, 18);
    assert!(e.message.contains("appears twice"));
    let e = error_of(&SAMPLE.replace("\"Systems\"]", "\"Need\"]"));
    assert_eq!(e.line, 4);
    assert!(e.message.contains("listed twice"));
}

#[test]
fn unknown_keys_and_wrong_types_are_refused_with_position() {
    let e = error_of(&SAMPLE.replace("persona =", "colour = \"red\"\npersona ="));
    assert_eq!(e.line, 3);
    assert!(e.message.contains("colour"), "{}", e.message);
    let e = error_of(&SAMPLE.replace("title = \"Moving house with broadband\"", "title = 5"));
    assert_eq!(e.line, 2);
    let e = error_of(&SAMPLE.replace("[[phase]]\nname = \"Purchase\"", "[[phase]]\nname = \"Purchase\"\nowner = 1"));
    assert_eq!(e.line, 19);
}

#[test]
fn invalid_toml_is_refused_with_position() {
    let e = error_of("format = 1\ntitle = \"unterminated\n");
    assert_eq!(e.line, 2);
}

#[test]
fn newer_format_asks_for_an_update() {
    let e = error_of(&SAMPLE.replace("format = 1", "format = 2"));
    assert_eq!((e.line, e.column), (1, 10));
    assert!(e.message.contains("newer"));
    assert!(e.hint.contains("update jgrid"));
}

#[test]
fn non_utf8_points_at_the_first_bad_byte() {
    let mut bytes = b"format = 1\ntitle = \"caf".to_vec();
    bytes.push(0xE9);
    bytes.extend_from_slice(b"\"\n");
    let e = parse(&bytes).unwrap_err();
    assert_eq!((e.line, e.column), (2, 13));
    assert!(e.message.contains("UTF-8"));
}

#[test]
fn empty_and_structureless_files_are_refused() {
    assert!(error_of("").message.contains("empty"));
    assert!(error_of("format = 1\nrows = [\"Need\"]\n").message.contains("no phases"));
    assert!(error_of("rows = [\"Need\"]\n[[phase]]\nname = \"A\"\n").message.contains("format"));
    assert!(error_of("format = 1\nrows = []\n[[phase]]\nname = \"A\"\n").message.contains("empty"));
}

#[test]
fn render_names_file_line_column_and_a_hint() {
    let e = error_of(&SAMPLE.replace("format = 1", "format = 9"));
    let shown = e.render("journeys/x.toml");
    assert!(shown.starts_with("journeys/x.toml:1:10: format 9 is newer"), "{shown}");
    assert!(shown.contains("hint:"));
}

#[test]
fn awkward_text_survives_a_round_trip() {
    let mut j = Journey::default();
    let texts = [
        "ends with a quote \"",
        "two \"\" and three \"\"\" quotes\nsecond line\"",
        "back\\slash \\n not a newline\nline two",
        "\nstarts with a newline",
        "ends with a newline\n",
        "tab\there\r\nwindows line",
        "escape \u{1b}]0;pwned\u{7} and \u{1b}[31m red",
        "Å 漢字 🚲",
    ];
    for (i, t) in texts.iter().enumerate() {
        Change::SetCell { at: CellRef::new(i % 5, i % 5), text: (*t).into() }.apply(&mut j).unwrap();
        Change::SetCell { at: CellRef::new((i + 1) % 5, i % 5), text: (*t).into() }.apply(&mut j).unwrap();
    }
    let text = to_toml(&j);
    assert_eq!(parse(text.as_bytes()).unwrap(), j, "{text}");
}

#[test]
fn names_that_are_not_bare_keys_are_quoted() {
    let mut j = Journey::new("t", "p", ["Key message", "Behöfte", "a.b"], ["Fase 1"]);
    for r in 0..3 {
        Change::SetCell { at: CellRef::new(0, r), text: "x".into() }.apply(&mut j).unwrap();
    }
    let text = to_toml(&j);
    assert!(text.contains("\"Key message\" = \"x\""));
    assert!(text.contains("\"a.b\" = \"x\""));
    assert_eq!(parse(text.as_bytes()).unwrap(), j);
}

/// Moods, inbox notes, acceptances, external channels and a language, to put on a journey.
#[derive(Debug, Clone)]
struct Extras {
    moods: Vec<Option<i8>>,
    /// Each phase's sources' moods (`[phase.moods]`), names in any case and script.
    source_moods: Vec<Vec<(String, i8)>>,
    notes: Vec<crate::journey::Note>,
    accepted: Vec<crate::journey::Acceptance>,
    external: Vec<String>,
    lang: Option<crate::journey::Language>,
}

fn arb_extras() -> impl Strategy<Value = Extras> {
    let note = ("(.|\n){0,12}", proptest::option::of("[a-zA-Z][a-z0-9_-]{0,6}"), 0u64..4_000_000_000)
        .prop_map(|(text, source, secs)| crate::journey::Note { text, source, at: crate::journey::rfc3339(secs) });
    let acceptance = (
        proptest::sample::select(crate::journey::IDS.to_vec()),
        ".{1,8}",
        proptest::collection::vec(".{1,6}", 0..3),
        proptest::option::of(".{0,6}"),
        "(.|\n){0,10}",
    )
        .prop_map(|(check, phase, rows, subject, reason)| crate::journey::Acceptance {
            check: check.to_owned(),
            phase,
            rows,
            subject,
            reason,
        });
    (
        proptest::collection::vec(proptest::option::of(-2i8..=2), 0..6),
        proptest::collection::vec(proptest::collection::vec(("[a-zA-ZåÅ漢][a-zA-Z0-9_é-]{0,5}", -2i8..=2), 0..3), 0..6),
        proptest::collection::vec(note, 0..4),
        proptest::collection::vec(acceptance, 0..3),
        proptest::collection::btree_set("[a-z][a-z0-9-]{0,5}", 0..3),
        proptest::option::of(proptest::sample::select(crate::journey::Language::ALL.to_vec())),
    )
        .prop_map(|(moods, source_moods, notes, accepted, external, lang)| Extras {
            moods,
            source_moods,
            notes,
            accepted,
            external: external.into_iter().collect(),
            lang,
        })
}

fn arb_journey() -> impl Strategy<Value = Journey> {
    (arb_grid(), arb_extras()).prop_map(|(mut j, x)| {
        for (p, mood) in x.moods.into_iter().enumerate().take(j.phase_count()) {
            Change::SetMood { phase: p, mood }.apply(&mut j).unwrap();
        }
        for (p, moods) in x.source_moods.into_iter().enumerate().take(j.phase_count()) {
            for (source, mood) in moods {
                Change::SetSourceMood { phase: p, source, mood: Some(mood) }.apply(&mut j).unwrap();
            }
        }
        j.inbox = x.notes;
        j.accepted = x.accepted;
        j.external = x.external;
        j.lang = x.lang;
        j
    })
}

fn arb_grid() -> impl Strategy<Value = Journey> {
    let names = |n| proptest::collection::hash_set("[ -~À-ÿ漢🚲]{1,8}", 1..n);
    (names(5), names(6), ".{0,10}", ".{0,10}").prop_flat_map(|(rows, phases, title, persona)| {
        let rows: Vec<String> = rows.into_iter().filter(|r| !r.trim().is_empty()).collect();
        let phases: Vec<String> = phases.into_iter().filter(|p| !p.trim().is_empty()).collect();
        let cells = rows.len() * phases.len();
        let text = prop_oneof![Just(String::new()), "(.|\n){0,20}"];
        proptest::collection::vec(text, cells).prop_map(move |texts| {
            let mut rows = rows.clone();
            let mut phases = phases.clone();
            if rows.is_empty() {
                rows.push("Need".into());
            }
            if phases.is_empty() {
                phases.push("Use".into());
            }
            let mut j = Journey::new(&title, &persona, rows.clone(), phases.clone());
            for (i, t) in texts.into_iter().enumerate() {
                let at = CellRef::new(i / rows.len(), i % rows.len());
                let _ = Change::SetCell { at, text: t }.apply(&mut j);
            }
            j
        })
    })
}

proptest! {
    #[test]
    fn any_journey_survives_save_and_load(j in arb_journey()) {
        let text = to_toml(&j);
        let back = parse(text.as_bytes());
        prop_assert_eq!(back.as_ref(), Ok(&j), "{}", text);
        prop_assert_eq!(to_toml(&back.unwrap()), text);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = parse(&bytes);
    }

    #[test]
    fn mangled_journeys_never_panic(j in arb_journey(), cut in 0usize..2000, junk in ".{0,5}") {
        let mut text = to_toml(&j);
        let mut at = cut.min(text.len());
        while !text.is_char_boundary(at) { at -= 1; }
        text.insert_str(at, &junk);
        if let Err(e) = parse(text.as_bytes()) {
            prop_assert!(e.line >= 1 && e.column >= 1);
        }
    }
}

#[test]
fn roles_and_checks_tables_round_trip_in_canonical_form() {
    let text = "format = 1\ntitle = \"\"\npersona = \"\"\nrows = [\"Wants\", \"Kanalen\"]\n\n[roles]\nWants = \"need\"\nKanalen = \"touchpoints\"\n\n[checks]\noff = [\"inside-out\"]\n\n[[phase]]\nname = \"A\"\n";
    let j = parse(text.as_bytes()).unwrap();
    assert_eq!(j.role_of(0), Some(crate::journey::Role::Need));
    assert_eq!(j.checks_off, ["inside-out"]);
    assert_eq!(to_toml(&j), text);
    let e = error_of(&text.replace("\"need\"", "\"needs\""));
    assert!(e.message.contains("\"needs\" is not a role"), "{}", e.message);
    let e = error_of(&text.replace("\"inside-out\"", "\"inside_out\""));
    assert!(e.message.contains("not a check") && e.hint.contains("inside-out"), "{e:?}");
}

const FULL: &str = r##"format = 1
title = "Switching energy supplier"
persona = "Sara (41)"
lang = "en"
rows = ["Need", "Touchpoints", "Message", "Organization", "Systems"]

[checks]
off = ["inside-out"]
external = ["search", "compare-site"]

[[accepted]]
check = "channel-without-owner"
phase = "Orientation"
rows = ["Touchpoints", "Organization"]
subject = "search"
reason = "third-party comparison site"

[[phase]]
name = "Orientation"
mood = -1

[phase.cells]
Need = """
! nobody told me the price @sara
> it took ages @tom"""
Touchpoints = "#search for suppliers"

[[phase]]
name = "Sign up"
mood = 2

[[inbox]]
text = "chat bot could not change the address"
source = "sara"
at = "2026-12-01T14:03:12Z"

[[inbox]]
text = """
two lines
in one note"""
at = "2026-12-01T14:05:00+01:00"
"##;

#[test]
fn moods_inbox_acceptances_and_external_channels_round_trip_canonically() {
    let j = parse(FULL.as_bytes()).unwrap();
    assert_eq!(j.phases()[0].mood, Some(-1));
    assert_eq!(j.phases()[1].mood, Some(2));
    assert_eq!(j.external, ["search", "compare-site"]);
    assert_eq!(j.lang, Some(crate::journey::Language::English));
    assert_eq!(j.accepted.len(), 1);
    assert_eq!(j.accepted[0].subject.as_deref(), Some("search"));
    assert_eq!(j.inbox.len(), 2);
    assert_eq!(j.inbox[0].source.as_deref(), Some("sara"));
    assert_eq!(j.inbox[1].source, None);
    assert_eq!(to_toml(&j), FULL, "a no-op save gives the same bytes");
}

#[test]
fn a_new_inbox_note_adds_only_its_own_lines_at_the_end() {
    let mut j = parse(FULL.as_bytes()).unwrap();
    let note = crate::journey::Note { text: "third".into(), source: None, at: "2026-12-01T15:00:00Z".into() };
    Change::InsertNote { at: 2, note }.apply(&mut j).unwrap();
    let after = to_toml(&j);
    assert!(after.starts_with(FULL));
    assert_eq!(&after[FULL.len()..], "\n[[inbox]]\ntext = \"third\"\nat = \"2026-12-01T15:00:00Z\"\n");
}

#[test]
fn bad_new_values_name_their_line_and_column() {
    let cases = [
        ("mood = -1", "mood = 3", "mood 3 is out of range", (20, 8)),
        ("mood = -1", "mood = \"sad\"", "invalid type", (20, 8)),
        ("at = \"2026-12-01T14:03:12Z\"", "at = \"yesterday\"", "not an RFC 3339 time", (35, 6)),
        ("source = \"sara\"", "source = \"sa ra\"", "not a source name", (34, 10)),
        ("lang = \"en\"", "lang = \"fr\"", "not a language", (4, 8)),
        ("external = [\"search\"", "external = [\"#search!\"", "not a channel tag", (9, 13)),
        ("check = \"channel-without-owner\"", "check = \"owner\"", "is not a check", (12, 9)),
        ("subject = \"search\"", "subjekt = \"search\"", "unknown field", (15, 1)),
    ];
    for (from, to, message, (line, column)) in cases {
        let text = FULL.replacen(from, to, 1);
        assert_ne!(text, FULL, "{from}");
        let e = error_of(&text);
        assert!(e.message.contains(message), "{to}: {}", e.message);
        assert_eq!((e.line, e.column), (line, column), "{to}: {}", e.message);
    }
    let missing = FULL.replacen("at = \"2026-12-01T14:03:12Z\"\n", "", 1);
    let e = error_of(&missing);
    assert!(e.message.contains("missing `at`"), "{}", e.message);
    assert_eq!(e.line, 32, "the note's table is named");
}

#[test]
fn error_messages_never_carry_control_characters() {
    let text = "format = 1\nrows = [\"A\", \"A\\u001b]0;pwned\\u0007\", \"A\\u001b]0;pwned\\u0007\"]\n";
    let e = error_of(text);
    let shown = e.render("x\u{1b}[2J.toml");
    assert!(!shown.chars().any(|c| c.is_control() && c != '\n'), "{shown:?}");
    assert!(shown.contains("␛]0;pwned␇"), "{shown}");
}

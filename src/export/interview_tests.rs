//! The exports of what interviews add to a journey: moods, marked lines,
//! sources and the inbox of unsorted notes.

use proptest::prelude::*;
use serde_json::{Value, json};

use super::tests::unescaped_pipes;
use super::*;
use crate::journey::{Acceptance, CellRef, Change, Journey, Language, Note};

fn journey(cells: &[(usize, usize, &str)], moods: &[Option<i8>]) -> Journey {
    let mut j = Journey::new("T", "", ["Need", "Touchpoints"], ["Order", "Install", "Bill"]);
    for &(phase, row, text) in cells {
        Change::SetCell { at: CellRef::new(phase, row), text: text.to_owned() }.apply(&mut j).unwrap();
    }
    for (phase, &mood) in moods.iter().enumerate() {
        Change::SetMood { phase, mood }.apply(&mut j).unwrap();
    }
    j
}

fn note(text: &str, source: Option<&str>, at: &str) -> Note {
    Note { text: text.into(), source: source.map(Into::into), at: at.into() }
}

// ---------------------------------------------------------------- Markdown

#[test]
fn markdown_adds_a_mood_row_only_when_a_mood_is_known() {
    let plain = to_markdown(&journey(&[(0, 0, "x")], &[]));
    assert!(!plain.contains("| Mood |"));
    let md = to_markdown(&journey(&[(0, 0, "x")], &[Some(-1), None, Some(2)]));
    let table: Vec<&str> = md.lines().filter(|l| l.starts_with('|')).collect();
    assert_eq!(table[2], "| Mood | -1 unhappy |  | +2 very happy |", "right under the phase names");
    assert_eq!(table[3], "| Need | x |  |  |");
}

#[test]
fn markdown_lists_the_inbox_under_the_grid_with_source_and_time() {
    let mut j = journey(&[], &[]);
    j.inbox = vec![
        note("chat bot could not change the address", Some("sara"), "2026-12-01T14:03:12Z"),
        note("a|b <i>x</i>\nsecond line", None, "yesterday\u{1b}"),
    ];
    let md = to_markdown(&j);
    let after = &md[md.find("\n## Unsorted notes\n\n").expect("a section under the grid")..];
    let lines: Vec<&str> = after.lines().skip(3).collect();
    assert_eq!(
        lines,
        [
            "| Note | Source | Taken |",
            "| --- | --- | --- |",
            "| chat bot could not change the address | @sara | 2026-12-01 14:03 UTC |",
            "| a\\|b &lt;i>x&lt;/i><br>second line |  | yesterday␛ |",
        ]
    );
    assert!(md.find("| Need |").unwrap() < md.find("## Unsorted notes").unwrap());
    assert!(!to_markdown(&journey(&[], &[])).contains("Unsorted"), "no section for an empty inbox");
}

// ---------------------------------------------------------------- JSON

#[test]
fn json_carries_moods_the_inbox_and_the_other_journey_fields() {
    let mut j = journey(&[], &[Some(-2), None, Some(0)]);
    j.lang = Some(Language::Dutch);
    j.external = vec!["search".into()];
    j.accepted = vec![Acceptance {
        check: "channel-without-owner".into(),
        phase: "Order".into(),
        rows: vec!["Touchpoints".into()],
        subject: Some("search".into()),
        reason: "third party".into(),
    }];
    j.inbox = vec![note("crashed \u{9b}31m", Some("li"), "2026-12-01T14:03:12Z"), note("x", None, "t")];
    let text = to_json(&j, &[]);
    assert!(!text.contains('\u{9b}'), "C1 controls are written as escapes");
    let v: Value = serde_json::from_str(&text).unwrap();
    let moods: Vec<&Value> = v["phases"].as_array().unwrap().iter().map(|p| &p["mood"]).collect();
    assert_eq!(moods, [&json!(-2), &json!(null), &json!(0)]);
    assert_eq!(v["lang"], "nl");
    assert_eq!(v["external"], json!(["search"]));
    assert_eq!(
        v["accepted"],
        json!([{"check": "channel-without-owner", "phase": "Order", "rows": ["Touchpoints"],
                "subject": "search", "reason": "third party"}])
    );
    assert_eq!(
        v["inbox"],
        json!([{"text": "crashed \u{9b}31m", "source": "li", "at": "2026-12-01T14:03:12Z"},
               {"text": "x", "source": null, "at": "t"}])
    );
    assert_eq!(serde_json::from_str::<Value>(&to_json(&journey(&[], &[]), &[])).unwrap()["lang"], json!(null));
}

// ---------------------------------------------------------------- HTML

#[test]
fn html_draws_the_curve_only_when_a_mood_is_known() {
    let plain = to_html(&journey(&[(0, 0, "x")], &[]), &[]);
    assert!(!plain.contains("<svg") && !plain.contains("class=\"mood\""));
    let html = to_html(&journey(&[(0, 0, "x")], &[Some(-2), None, Some(1)]), &[]);
    let svg = &html[html.find("<svg").unwrap()..html.find("</svg>").unwrap()];
    assert_eq!(svg.matches("<circle").count(), 2);
    assert!(svg.contains("<circle class=\"point negative\" cx=\"16.667%\""), "above the middle of the first column");
    assert!(svg.contains(">-2</text>") && svg.contains(">+1</text>"), "points are labelled with their mood");
    assert!(svg.contains("<text class=\"unknown\" x=\"50%\""), "a ? for the unknown middle phase");
    assert!(svg.contains("<line class=\"link across\""), "the line over an unknown phase is dashed");
    assert!(svg.contains("<title>Mood per phase: Order -2 very unhappy, Install unknown, Bill +1 happy</title>"));
    assert!(html.contains("<td class=\"curve\" colspan=\"3\">"));
}

#[test]
fn html_sets_marked_lines_and_sources_apart_and_escapes_them() {
    let cell = "plain @sara\n  ! <b>crash</b> @tom\n+ idea\n? why\n> \"said\" @li\n!important";
    let html = to_html(&journey(&[(0, 0, cell)], &[]), &[]);
    let expected = [
        "plain <span class=\"source\">@sara</span>",
        "  <span class=\"pain\"><span class=\"glyph\">!</span> &lt;b&gt;crash&lt;/b&gt; <span class=\"source\">@tom</span></span>",
        "<span class=\"opportunity\"><span class=\"glyph\">+</span> idea</span>",
        "<span class=\"question\"><span class=\"glyph\">?</span> why</span>",
        "<span class=\"quote\"><span class=\"glyph\">&gt;</span> &quot;said&quot; <span class=\"source\">@li</span></span>",
        "!important",
    ]
    .join("<br>");
    assert!(html.contains(&format!("<td>{expected}</td>")), "{html}");
    assert!(html.contains("<p class=\"legend\">Lines: "), "a legend when a line is marked");
    assert!(!to_html(&journey(&[(0, 0, "plain")], &[]), &[]).contains("Lines: "));
}

#[test]
fn html_lists_the_inbox_under_the_grid_and_escapes_it() {
    let mut j = journey(&[(0, 0, "x")], &[]);
    j.inbox = vec![note("<script>alert(1)</script>", Some("sara"), "2026-12-01T14:03:12Z")];
    let html = to_html(&j, &crate::checks::check(&j));
    let grid_end = html.find("</table>").unwrap();
    let inbox = html.find("<h2>Unsorted notes</h2>").unwrap();
    assert!(grid_end < inbox && inbox < html.find("<h2>Findings</h2>").unwrap());
    assert!(html.contains(
        "<tr><td>&lt;script&gt;alert(1)&lt;/script&gt;</td><td class=\"who\">@sara</td>\
         <td class=\"when\">2026-12-01 14:03 UTC</td></tr>"
    ));
    assert!(!html.contains("<script"));
}

// ---------------------------------------------------------------- properties

fn hostile() -> impl Strategy<Value = String> {
    "[!+?> @a-z|<>&\"'`*_\\\\\u{1b}\u{9b}\u{202e}\n]{0,16}"
}

fn any_journey() -> impl Strategy<Value = Journey> {
    let moods = prop::collection::vec(proptest::option::of(-2i8..=2), 3);
    let cells = prop::collection::vec(hostile(), 6);
    let notes = prop::collection::vec((hostile(), proptest::option::of("[a-z]{1,5}"), hostile()), 0..3);
    (moods, cells, notes).prop_map(|(moods, cells, notes)| {
        let cells: Vec<(usize, usize, &str)> =
            cells.iter().enumerate().map(|(i, t)| (i / 2, i % 2, t.as_str())).collect();
        let mut j = journey(&cells, &moods);
        j.inbox = notes.into_iter().map(|(text, source, at)| Note { text, source, at }).collect();
        j
    })
}

proptest! {
    #[test]
    fn markdown_tables_stay_well_formed_with_moods_and_notes(j in any_journey()) {
        let md = to_markdown(&j);
        prop_assert!(!has_control(&md));
        for table in md.split("\n\n").filter(|b| b.starts_with('|')) {
            let lines: Vec<&str> = table.lines().collect();
            let columns = unescaped_pipes(lines[0]);
            for line in lines {
                prop_assert_eq!(unescaped_pipes(line), columns, "{}", line);
            }
        }
        let mood_rows = usize::from(j.phases().iter().any(|p| p.mood.is_some()));
        let grid = md.lines().skip_while(|l| !l.starts_with('|')).take_while(|l| l.starts_with('|')).count();
        prop_assert_eq!(grid, 2 + mood_rows + j.row_count());
    }

    #[test]
    fn html_and_json_never_let_markup_or_controls_through(j in any_journey()) {
        let html = to_html(&j, &crate::checks::check(&j));
        let body = &html[html.find("<body>").unwrap()..];
        prop_assert!(!body.contains("<script") && !body.contains('\''));
        prop_assert!(!has_control(&html));
        let json = to_json(&j, &[]);
        prop_assert!(!has_control(&json));
        let v: Value = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(v["inbox"].as_array().unwrap().len(), j.inbox.len());
    }
}

/// True when the text has a control character other than a newline, or a bidi override.
fn has_control(text: &str) -> bool {
    text.chars().any(|c| c != '\n' && (c.is_control() || c == '\u{202e}'))
}

use std::collections::HashSet;

use proptest::prelude::*;

use super::*;
use crate::journey::{CellRef, Change, Journey, Role};

fn journey(rows: &[&str], phases: &[&str], cells: &[(usize, usize, &str)]) -> Journey {
    let mut j = Journey::new("", "", rows.iter().copied(), phases.iter().copied());
    for &(phase, row, text) in cells {
        Change::SetCell { at: CellRef::new(phase, row), text: text.to_owned() }.apply(&mut j).unwrap();
    }
    j
}

/// The grid's rows, phase names and cells, for comparing a journey with its import.
fn grid(j: &Journey) -> (Vec<String>, Vec<(String, Vec<String>)>) {
    (j.rows().to_vec(), j.phases().iter().map(|p| (p.name.clone(), p.cells().to_vec())).collect())
}

/// [`grid`] with every name and cell as [`crate::text::sanitize`] shows it.
fn sanitized_grid(j: &Journey) -> (Vec<String>, Vec<(String, Vec<String>)>) {
    let safe = |s: &String| crate::text::sanitize(s).into_owned();
    let (rows, phases) = grid(j);
    (
        rows.iter().map(safe).collect(),
        phases.iter().map(|(n, cells)| (safe(n), cells.iter().map(safe).collect())).collect(),
    )
}

// ---------------------------------------------------------------- generators

/// Text without CR, often full of characters that need escaping somewhere.
fn text() -> impl Strategy<Value = String> {
    prop_oneof!["[^\r]{0,24}", "[ ,;\t\"\n|#:%<>&'\\\\a-z\u{1b}\u{feff}]{0,24}"]
}

fn names(max: usize) -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(text().prop_filter("a name has text", |s| !s.trim().is_empty()), 1..max).prop_map(|mut v| {
        let mut seen = HashSet::new();
        v.retain(|n| seen.insert(n.clone()));
        v
    })
}

fn any_journey() -> impl Strategy<Value = Journey> {
    (names(5), names(5), text(), text())
        .prop_flat_map(|(rows, phases, title, persona)| {
            let cells = prop::collection::vec(text(), rows.len() * phases.len());
            (Just(rows), Just(phases), Just(title), Just(persona), cells)
        })
        .prop_map(|(rows, phases, title, persona, cells)| {
            let mut j = Journey::new(&title, &persona, rows.clone(), phases.clone());
            for (i, text) in cells.into_iter().enumerate() {
                let at = CellRef::new(i / rows.len(), i % rows.len());
                Change::SetCell { at, text }.apply(&mut j).unwrap();
            }
            j
        })
}

// ---------------------------------------------------------------- CSV

proptest! {
    /// The same grid, with control characters shown as the grid shows them
    /// (the CSV never carries a control character from the file).
    #[test]
    fn csv_export_then_import_gives_the_same_grid(j in any_journey()) {
        let (rows, phases) = sanitized_grid(&j);
        prop_assume!(rows.iter().collect::<HashSet<_>>().len() == rows.len(), "rows that differ only in control characters");
        prop_assume!(phases.iter().map(|(name, _)| name).collect::<HashSet<_>>().len() == phases.len());
        let imported = import_csv(&to_csv(&j)).unwrap();
        prop_assert_eq!(grid(&imported), (rows, phases));
        prop_assert_eq!(imported.title, "");
        prop_assert_eq!(imported.persona, "");
    }

    /// Any text, however broken: a journey or an error on a line of the text.
    #[test]
    fn import_never_panics_and_errors_point_into_the_text(text in "[,;\t\"\r\n a-c]{0,40}") {
        if let Err(e) = import_csv(&text) {
            let lines = text.split_inclusive(['\n', '\r']).count().max(1);
            prop_assert!(e.line >= 1 && e.line <= lines + 1, "{:?}: {}", text, e);
        }
    }

    #[test]
    fn csv_export_carries_no_control_character_but_line_breaks(j in any_journey()) {
        let csv = to_csv(&j);
        let body = csv.replace("\r\n", "");
        prop_assert!(!body.chars().any(|c| c != '\n' && (c.is_control() || crate::text::sanitize(&c.to_string()) != c.to_string())), "{:?}", csv);
    }

    #[test]
    fn markdown_is_always_one_table_with_a_line_per_row(j in any_journey()) {
        let md = to_markdown(&j);
        let table: Vec<&str> = md.lines().skip_while(|l| !l.starts_with('|')).collect();
        prop_assert_eq!(table.len(), 2 + j.row_count());
        for line in table {
            prop_assert!(line.starts_with("| ") && line.ends_with(" |"), "{}", line);
            prop_assert_eq!(unescaped_pipes(line), j.phase_count() + 2, "{}", line);
        }
        prop_assert!(!md.contains(['\r', '\x1b']));
    }

    #[test]
    fn mermaid_lines_are_always_valid_statements(j in any_journey()) {
        let mmd = to_mermaid(&j);
        let mut lines = mmd.lines();
        prop_assert_eq!(lines.next(), Some("journey"));
        for line in lines {
            // U+FEFF is white space to Mermaid, so it could end a keyword.
            prop_assert!(!line.contains(['#', ';', '\r', '\x1b', '\u{feff}']) && !line.contains("%%"), "{}", line);
            if let Some(title) = line.strip_prefix("  title ") {
                prop_assert!(!title.trim().is_empty());
            } else if let Some(section) = line.strip_prefix("  section ") {
                prop_assert!(!section.contains(':') && !section.trim().is_empty(), "{}", line);
            } else {
                let task = line.strip_prefix("    ").unwrap();
                let parts: Vec<&str> = task.split(':').collect();
                prop_assert_eq!(parts.len(), 3, "{}", line);
                prop_assert!(!parts[0].trim().is_empty());
                prop_assert_eq!(parts[1], " 3");
                prop_assert!(parts[2].split(", ").all(|a| !a.trim().is_empty() && !a.contains(',')), "{}", line);
                let lower = parts[0].to_lowercase();
                prop_assert!(!lower.starts_with("journey") && !lower.starts_with("title ") && !lower.starts_with("section "));
                // A line that starts with % is a comment to Mermaid: the task would vanish.
                prop_assert!(!parts[0].starts_with('%'), "{}", line);
            }
        }
    }

    #[test]
    fn html_never_lets_markup_or_controls_through(j in any_journey()) {
        let html = to_html(&j, &crate::checks::check(&j));
        let body = &html[html.find("<body>").unwrap()..];
        prop_assert!(!body.contains("<script") && !body.contains('\x1b') && !body.contains('\''));
    }

    #[test]
    fn json_is_valid_and_keeps_every_cell(j in any_journey()) {
        let value: serde_json::Value = serde_json::from_str(&to_json(&j, &[])).unwrap();
        prop_assert_eq!(&value["title"], &serde_json::Value::from(j.title.clone()));
        for (p, phase) in j.phases().iter().enumerate() {
            prop_assert_eq!(&value["phases"][p]["name"], &serde_json::Value::from(phase.name.clone()));
            for (r, row) in j.rows().iter().enumerate() {
                prop_assert_eq!(value["phases"][p]["cells"][row].as_str(), Some(phase.cells()[r].as_str()));
            }
        }
    }
}

/// Number of `|` not escaped by a backslash (an even run of backslashes escapes nothing).
pub(crate) fn unescaped_pipes(line: &str) -> usize {
    let mut count = 0;
    let mut backslashes = 0;
    for c in line.chars() {
        match c {
            '\\' => backslashes += 1,
            '|' if backslashes % 2 == 0 => {
                count += 1;
                backslashes = 0;
            }
            _ => backslashes = 0,
        }
    }
    count
}

#[test]
fn csv_has_a_bom_a_header_and_crlf_records_with_multi_line_cells_quoted() {
    let j = journey(&["Need", "Touchpoints"], &["Orientation", "Buy, now"], &[(0, 0, "a\nb"), (1, 1, "say \"hi\"")]);
    assert_eq!(
        to_csv(&j),
        "\u{feff}row,Orientation,\"Buy, now\"\r\nNeed,\"a\nb\",\r\nTouchpoints,,\"say \"\"hi\"\"\"\r\n"
    );
}

#[test]
fn csv_shows_control_characters_as_placeholders_and_writes_line_breaks_as_lf() {
    let j = journey(&["Need\u{1b}[31m"], &["A;1", "B\u{202e}"], &[(0, 0, "a\r\nb\rc\u{7}\td"), (1, 0, "\u{9b}2J")]);
    assert_eq!(to_csv(&j), "\u{feff}row,\"A;1\",B\u{fffd}\r\nNeed\u{241b}[31m,\"a\nb\nc\u{2407} d\",\u{fffd}2J\r\n");
}

#[test]
fn import_drops_blanks_after_a_closing_quote_and_keeps_a_quote_inside_an_unquoted_cell() {
    let j = import_csv("row,\"A\" ,B\nNeed,\"x\"\t,a\"b\"c\n").unwrap();
    assert_eq!(grid(&j).1, [("A".into(), vec!["x".into()]), ("B".into(), vec!["a\"b\"c".into()])]);
}

#[test]
fn line_numbers_count_cr_line_ends_and_empty_lines() {
    let e = import_error("row,A\rNeed,x\rNeed,y\r");
    assert_eq!((e.line, e.column), (3, Some(1)), "{e}");
    let e = import_error("row,A\r\n\r\nNeed,x\r\n\r\n\r\nNeed,y\r\n");
    assert_eq!(
        e.to_string(),
        "line 6, column 1: there is already a row named \"Need\" (line 3); row names must be unique"
    );
    let e = import_error("sep=;\nrow;A\n\nNeed;\"open\n");
    assert_eq!((e.line, e.column), (4, Some(2)), "{e}");
}

#[test]
fn a_separator_line_with_a_character_that_cannot_separate_is_refused() {
    let e = import_error("sep=\u{e9}\nrow\u{e9}A\nNeed\u{e9}x\n");
    assert_eq!((e.line, e.column), (1, None), "{e}");
    assert!(e.message.contains("use `sep=,`"), "{e}");
}

#[test]
fn import_reads_a_semicolon_spreadsheet_with_a_bom_crlf_and_trailing_empty_columns_and_rows() {
    let text = "\u{feff}Rij;Oriëntatie;Aankoop;;\r\n\
                Behoefte;\"Snel internet\r\nGeen gedoe\";Goede prijs;;\r\n\
                Contactpunten;#website;\"a;b\";;\r\n\
                ;;;;\r\n\
                \r\n";
    let j = import_csv(text).unwrap();
    assert_eq!(j.rows(), ["Behoefte", "Contactpunten"]);
    let names: Vec<&str> = j.phases().iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Oriëntatie", "Aankoop"]);
    assert_eq!(j.cell(CellRef::new(0, 0)), "Snel internet\nGeen gedoe");
    assert_eq!(j.cell(CellRef::new(1, 0)), "Goede prijs");
    assert_eq!(j.cell(CellRef::new(1, 1)), "a;b");
    assert_eq!(j.row_with_role(Role::Touchpoints), Some(1), "Dutch row names play their role");
    assert_eq!((j.title.as_str(), j.persona.as_str()), ("", ""));
}

#[test]
fn import_reads_tabs_short_lines_an_empty_corner_and_a_sep_line() {
    let j = import_csv("\tA\tB\nNeed\tx\nSystems\t\ty\n").unwrap();
    assert_eq!(grid(&j).1, [("A".into(), vec!["x".into(), "".into()]), ("B".into(), vec!["".into(), "y".into()])]);
    let j = import_csv("sep=;\nPhase;A,1;B\nNeed;x;y\n").unwrap();
    assert_eq!(j.phases()[0].name, "A,1");
}

#[test]
fn import_sniffs_the_separator_outside_quotes() {
    let j = import_csv("row,\"A;1\",\"B;2\"\nNeed,x,y\n").unwrap();
    assert_eq!(j.phases()[1].name, "B;2");
}

fn import_error(text: &str) -> ImportError {
    import_csv(text).expect_err("the text should be refused")
}

#[test]
fn an_unterminated_quote_names_the_line_and_column_where_it_opens() {
    let e = import_error("row,A,B\nNeed,x,y\nSystems,ok,\"never closed\nstill open\n");
    assert_eq!((e.line, e.column), (3, Some(3)));
    assert!(e.to_string().starts_with("line 3, column 3: this quoted cell is never closed"), "{e}");
}

#[test]
fn text_after_a_closing_quote_is_refused() {
    let e = import_error("row,A\nNeed,\"x\"y\n");
    assert_eq!((e.line, e.column), (2, Some(2)));
}

#[test]
fn a_duplicate_row_names_both_lines() {
    let e = import_error("row,A\nNeed,x\nSystems,y\nNeed,z\n");
    assert_eq!(
        e.to_string(),
        "line 4, column 1: there is already a row named \"Need\" (line 2); row names must be unique"
    );
}

#[test]
fn line_numbers_count_the_lines_inside_quoted_cells() {
    let e = import_error("row,A\nNeed,\"x\ny\nz\"\nNeed,w\n");
    assert_eq!(e.line, 5);
}

#[test]
fn bad_headers_and_rows_are_refused_with_their_place() {
    let cases: [(&str, usize, Option<usize>, &str); 7] = [
        ("", 1, None, "empty"),
        ("\n ,  \n", 1, None, "empty"),
        ("row,A,A\nNeed,x,y\n", 1, Some(3), "already a phase named \"A\" (column 2)"),
        ("row,A,,B\nNeed,x,,y\n", 1, Some(3), "no phase name"),
        ("row\nNeed\n", 1, None, "names no phases"),
        ("row,A\n", 2, None, "no rows"),
        ("row,A\nNeed,x,,stray\n", 2, Some(4), "no phase name"),
    ];
    for (text, line, column, words) in cases {
        let e = import_error(text);
        assert_eq!((e.line, e.column), (line, column), "{text:?}: {e}");
        assert!(e.message.contains(words), "{text:?}: {e}");
    }
    let e = import_error("row,A\n,x\n");
    assert_eq!(e.to_string(), "line 2, column 1: this row has cells but no name; put its name in column 1");
}

// ---------------------------------------------------------------- Markdown

#[test]
fn markdown_escapes_pipes_backslashes_html_and_line_breaks() {
    let mut j = journey(&["Need", "A|B"], &["One", "Two"], &[(0, 0, "a|b\nc\\d\n\n"), (1, 1, "<b>&copy; R&D</b>")]);
    j.title = "Grid #1".into();
    j.persona = "Anna_B *34*".into();
    assert_eq!(
        to_markdown(&j),
        "# Grid \\#1\n\n\
         _Persona: Anna\\_B \\*34\\*_\n\n\
         |  | One | Two |\n\
         | --- | --- | --- |\n\
         | Need | a\\|b<br>c\\\\d |  |\n\
         | A\\|B |  | &lt;b>&amp;copy; R&D&lt;/b> |\n"
    );
}

#[test]
fn markdown_leaves_out_an_empty_title_and_persona_and_shows_controls() {
    let j = journey(&["Need"], &["One"], &[(0, 0, "bell\u{7}\tesc\u{1b}\r\nnext")]);
    assert_eq!(to_markdown(&j), "|  | One |\n| --- | --- |\n| Need | bell␇ esc␛<br>next |\n");
}

// ---------------------------------------------------------------- HTML

#[test]
fn html_escapes_script_and_attribute_breakouts_everywhere() {
    let attack = "<script>alert(1)</script>\"onload=\"alert(2)' x";
    let mut j = journey(&["Need", "Touchpoints"], &[attack, "Two"], &[(0, 0, attack), (1, 1, "esc\u{1b}[31m\u{202e}")]);
    j.title = attack.into();
    j.persona = attack.into();
    let html = to_html(&j, &crate::checks::check(&j));
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("\"onload="), "{html}");
    let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;&quot;onload=&quot;alert(2)&#39; x";
    for place in [
        format!("<title>{escaped}</title>"),
        format!("<h1>{escaped}</h1>"),
        format!("<strong>Persona:</strong> {escaped}</p>"),
        format!("<th scope=\"col\">{escaped}</th>"),
        format!("<th scope=\"row\">Need</th><td>{escaped}</td>"),
        format!("<code>empty-cell</code></td><td>{escaped}</td>"),
        "</div>esc␛[31m�</td>".to_owned(),
    ] {
        assert!(html.contains(&place), "{place} in {html}");
    }
    assert!(!html.contains('\u{1b}') && !html.contains('\u{202e}'));
}

#[test]
fn html_marks_cells_with_their_worst_severity_and_links_every_finding() {
    let j = journey(&["Need", "Touchpoints", "Message"], &["One"], &[(0, 0, "a need")]);
    let findings = crate::checks::check(&j);
    assert!(!findings.is_empty());
    let html = to_html(&j, &findings);
    for (i, f) in findings.iter().enumerate() {
        assert!(html.contains(&format!("<tr id=\"f{}\">", i + 1)));
        assert!(html.contains(&format!("href=\"#f{}\"", i + 1)), "finding {} is linked from a cell", f.id);
    }
    assert!(html.contains("class=\"legend\""));
    assert!(html.contains("@page { size: A4 landscape; margin: 10mm; }"));
    assert!(html.contains("table-layout: fixed"));
    let message_cell = html.split("<th scope=\"row\">Message</th>").nth(1).unwrap();
    assert!(message_cell.starts_with("<td class=\"warning\">"), "an empty Message under a need is a warning");
}

#[test]
fn html_without_findings_says_so_and_has_no_legend() {
    let j = journey(&["Notes"], &["One"], &[(0, 0, "x")]);
    let html = to_html(&j, &[]);
    assert!(html.contains("<p class=\"summary\">No findings.</p>"));
    assert!(!html.contains("class=\"legend\""));
    assert!(html.contains("<title>Journey grid</title>"));
    assert!(!html.contains("<h1>"));
}

// ---------------------------------------------------------------- Mermaid

#[test]
fn mermaid_maps_touchpoints_to_tasks_and_owners_to_actors() {
    let mut j = journey(
        &["Need", "Touchpoints", "Organization"],
        &["Ask: first; #now", "Wait"],
        &[
            (0, 1, "#web form: 10% off; see %%here\n\n#phone line\nTitle search at #desk"),
            (0, 2, "Web team owns #web; Sales owns #Phone\nCall centre, nights: #phone\n- Front desk staffs #desk"),
        ],
    );
    j.title = "Trip #1: go".into();
    assert_eq!(
        to_mermaid(&j),
        "journey\n\
         \x20 title Trip 1 - go\n\
         \x20 section Ask - first, now\n\
         \x20   web form - 10% off, see % %here: 3: Web team\n\
         \x20   phone line: 3: Sales, Call centre\n\
         \x20   - Title search at desk: 3: Front desk staffs\n\
         \x20 section Wait\n\
         \x20   (no touchpoints): 3: Customer\n"
    );
}

#[test]
fn mermaid_finds_touchpoints_by_role_and_falls_back_to_customer() {
    let mut j = journey(&["Kanalen", "Wie"], &["One"], &[(0, 0, "#app sign-up"), (0, 1, "Team owns #app")]);
    assert!(to_mermaid(&j).contains("(no touchpoints): 3: Customer"));
    j.set_explicit_role(j.row_index("Kanalen").unwrap(), Some(Role::Touchpoints));
    assert!(to_mermaid(&j).contains("    app sign-up: 3: Customer\n"));
    j.set_explicit_role(j.row_index("Wie").unwrap(), Some(Role::Organization));
    assert!(to_mermaid(&j).contains("    app sign-up: 3: Team\n"));
}

// ---------------------------------------------------------------- JSON

#[test]
fn json_has_the_documented_shape() {
    let mut j = journey(&["Wants", "Touchpoints", "Notes"], &["One"], &[(0, 0, "x\ny")]);
    j.title = "T".into();
    j.set_explicit_role(j.row_index("Wants").unwrap(), Some(Role::Need));
    j.checks_off = vec!["inside-out".into()];
    let findings = crate::checks::check(&j);
    let value: serde_json::Value = serde_json::from_str(&to_json(&j, &findings)).unwrap();
    let expected = serde_json::json!({
        "format": 1,
        "title": "T",
        "persona": "",
        "rows": ["Wants", "Touchpoints", "Notes"],
        "roles": {"Wants": "need", "Touchpoints": "touchpoints"},
        "checks_off": ["inside-out"],
        "phases": [{"name": "One", "mood": null, "cells": {"Wants": "x\ny", "Touchpoints": "", "Notes": ""}}],
    });
    for (key, want) in expected.as_object().unwrap() {
        assert_eq!(&value[key], want, "{key}");
    }
    let first = &value["findings"][0];
    let f = &findings[0];
    assert_eq!(first["id"], f.id);
    assert_eq!(first["severity"], f.severity.id());
    assert_eq!(first["phase"], "One");
    assert_eq!(first["message"], f.message.as_str());
    assert_eq!(first["cells"][0]["phase"], "One");
    assert_eq!(first["rows"].as_array().unwrap().len(), f.rows.len());
    let json = to_json(&j, &findings);
    assert!(json.ends_with("}\n") && json.starts_with("{\n  \"format\": 1,\n  \"title\": \"T\",\n  \"persona\""));
}

// ---------------------------------------------------------------- formats

#[test]
fn formats_have_names_extensions_and_export_dispatches() {
    for &f in ExportFormat::ALL {
        assert_eq!(ExportFormat::from_name(f.id()), Some(f));
        assert_eq!(ExportFormat::from_name(f.extension()), Some(f));
        assert_eq!(f.to_string().parse::<ExportFormat>(), Ok(f));
    }
    assert!("pdf".parse::<ExportFormat>().unwrap_err().contains("markdown, csv, html, mermaid or json"));
    let j = Journey::default();
    assert_eq!(export(&j, ExportFormat::Markdown), to_markdown(&j));
    assert_eq!(export(&j, ExportFormat::Json), to_json(&j, &crate::checks::check(&j)));
}

#[test]
fn lines_split_at_every_line_ending() {
    let got: Vec<&str> = lines("a\r\nb\rc\n\nd").collect();
    assert_eq!(got, ["a", "b", "c", "", "d"]);
    assert_eq!(lines("").collect::<Vec<_>>(), [""]);
}

#[test]
fn a_separator_inside_a_quoted_header_name_does_not_fool_the_sniffing() {
    let mut j = Journey::new("", "", [">"], [";", "a,b"]);
    crate::journey::Change::SetCell { at: crate::journey::CellRef::new(0, 0), text: ";&,p".into() }
        .apply(&mut j)
        .unwrap();
    let back = import_csv(&to_csv(&j)).unwrap();
    assert_eq!(back.phases()[0].name, ";");
    assert_eq!(back.phases()[1].name, "a,b");
    assert_eq!(back.cell(crate::journey::CellRef::new(0, 0)), ";&,p");
}

#[test]
fn point_8_markdown_escapes_markup_json_says_null_for_the_whole_journey_mermaid_keeps_both_percent_signs() {
    let mut j = Journey::new("T", "P", ["Need", "Touchpoints"], ["Use"]);
    Change::SetCell { at: CellRef::new(0, 0), text: "*bold* _it_ `code` [link](x) ~~gone~~".into() }
        .apply(&mut j)
        .unwrap();
    Change::SetCell { at: CellRef::new(0, 1), text: "#web %% not a comment".into() }.apply(&mut j).unwrap();
    let md = to_markdown(&j);
    assert!(md.contains("\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x) \\~\\~gone\\~\\~"), "{md}");
    assert!(to_mermaid(&j).contains("web % % not a comment"), "{}", to_mermaid(&j));
    j.inbox.push(crate::journey::Note { text: "n".into(), source: None, at: "2026-01-01T00:00:00Z".into() });
    let findings = crate::checks::review(&j).open;
    assert!(findings.iter().any(|f| f.id == "unsorted-notes"));
    for json in [to_json(&j, &findings), crate::report::to_json(&j, &findings)] {
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let whole = v["findings"].as_array().unwrap().iter().find(|f| f["id"] == "unsorted-notes").unwrap().clone();
        assert_eq!(whole["phase"], serde_json::Value::Null, "{json}");
    }
}

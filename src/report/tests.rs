use serde_json::{Value, json};

use super::*;
use crate::export::tests::unescaped_pipes;
use crate::journey::{CellRef, Change, Journey};

fn journey(title: &str, phases: &[&str], cells: &[(usize, usize, &str)]) -> Journey {
    let mut j = Journey::new(title, "Anna (34)", ["Need", "Touchpoints"], phases.iter().copied());
    for &(phase, row, text) in cells {
        Change::SetCell { at: CellRef::new(phase, row), text: text.to_owned() }.apply(&mut j).unwrap();
    }
    j
}

fn interviews() -> Journey {
    let mut j = journey(
        "Moving house",
        &["Order", "Install", "Bill"],
        &[
            (0, 0, "Move without a gap\n! nobody told me @sara\n? can it start early @tom"),
            (0, 1, "#phone line\n! waited 25 minutes @sara @tom"),
            (1, 0, "Know the date\n! waited 25 minutes @li\n> I took a day off @li"),
            (1, 1, "#sms reminder\n+ text the date @li"),
            (2, 0, "Understand the bill"),
        ],
    );
    for (phase, mood) in [(0, Some(-1)), (1, Some(-2))] {
        Change::SetMood { phase, mood }.apply(&mut j).unwrap();
    }
    j
}

/// The lines of a Markdown section, from its `## heading` to the next one.
fn section<'a>(md: &'a str, heading: &str) -> Vec<&'a str> {
    let start = md.find(&format!("## {heading}\n")).unwrap_or_else(|| panic!("no section {heading}:\n{md}"));
    md[start..].lines().skip(1).take_while(|l| !l.starts_with("## ")).filter(|l| !l.is_empty()).collect()
}

// ---------------------------------------------------------------- Markdown

#[test]
fn markdown_has_the_sections_in_the_order_a_client_reads_them() {
    let md = to_markdown(&interviews(), &[]);
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with('#')).collect();
    assert_eq!(
        headings,
        [
            "# Moving house",
            "## Mood per phase",
            "## Pains",
            "## Opportunities",
            "## Open questions",
            "## Quotes",
            "## What each interviewee said",
            "### Order",
            "### Install",
            "## Open findings",
            "## Cells no source backs"
        ]
    );
    assert!(md.contains("\n_Persona: Anna (34)_\n"));
    assert!(md.contains(
        "**Summary:** 3 phases · 2 pains · 1 opportunity · 1 open question · 1 quote · 0 open findings · \
         4 of 5 cells backed · 3 sources\n"
    ));
    assert!(md.ends_with("| Bill | Need |\n"), "{md}");
}

#[test]
fn markdown_ranks_pains_by_sources_and_names_every_place() {
    let md = to_markdown(&interviews(), &[]);
    let pains = section(&md, "Pains");
    assert_eq!(
        pains[1..],
        [
            "| # | Pain | Sources | Where |",
            "| ---: | --- | --- | --- |",
            "| 1 | waited 25 minutes | 3: @sara, @tom, @li | Order / Touchpoints<br>Install / Need |",
            "| 2 | nobody told me | 1: @sara | Order / Need |",
        ]
    );
    assert_eq!(section(&md, "Quotes")[2], "| 1 | I took a day off | 1: @li | Install / Need |");
    assert_eq!(section(&md, "Opportunities")[2], "| 1 | text the date | 1: @li | Install / Touchpoints |");
    assert_eq!(section(&md, "Open questions")[2], "| 1 | can it start early | 1: @tom | Order / Need |");
}

#[test]
fn markdown_shows_the_mood_curve_and_a_table_of_moods() {
    let md = to_markdown(&interviews(), &[]);
    let moods = section(&md, "Mood per phase");
    assert_eq!(moods[0], "```text");
    assert_eq!(moods[1..8], mood_curve(&[Some(-1), Some(-2), None]));
    assert_eq!(moods[8], "```");
    assert_eq!(
        moods[11..],
        ["| 1 | Order | -1 unhappy |", "| 2 | Install | -2 very unhappy |", "| 3 | Bill | unknown |"]
    );
}

fn mood_curve(moods: &[Option<i8>]) -> Vec<String> {
    crate::insights::mood::curve(moods)
}

#[test]
fn markdown_says_so_when_a_section_has_nothing() {
    let md = to_markdown(&journey("", &["A"], &[(0, 0, "plain @sara")]), &[]);
    assert!(md.starts_with("# Journey report\n"));
    assert_eq!(section(&md, "Mood per phase")[0], "No mood is recorded yet.");
    assert_eq!(section(&md, "Pains"), ["No line is marked `! ` yet."]);
    assert_eq!(section(&md, "Quotes"), ["No line is marked `> ` yet."]);
    assert_eq!(section(&md, "Open findings"), ["The checks find nothing open."]);
    assert_eq!(section(&md, "Cells no source backs"), ["Every cell with text names a source."]);
}

#[test]
fn markdown_lists_open_findings_and_unbacked_cells_by_phase() {
    let j = interviews();
    let findings = crate::checks::check(&j);
    assert!(!findings.is_empty());
    let md = to_markdown(&j, &findings);
    let listed = section(&md, "Open findings");
    assert_eq!(listed.len(), 2 + findings.len());
    assert!(listed[2].starts_with(&format!("| 1 | {} | `{}` |", findings[0].severity.id(), findings[0].id)));
    let unbacked = section(&md, "Cells no source backs");
    assert_eq!(unbacked[0], "1 of 5 cells with text name no source (`@name` on a line names who said it).");
    assert_eq!(unbacked[1..], ["| Phase | Rows |", "| --- | --- |", "| Bill | Need |"]);
}

#[test]
fn hostile_text_cannot_break_the_tables_or_reach_a_terminal() {
    let hostile = "a|b `c` *d* _e_ [f](g) <script>x</script> ~h~ &copy; \\\u{1b}[31m\u{9b}\u{202e}";
    let mut j = journey(hostile, &[hostile, "B"], &[(0, 0, &format!("! {hostile} @sara")), (1, 1, hostile)]);
    j.persona = format!("{hostile}\nline two");
    let md = to_markdown(&j, &crate::checks::check(&j));
    assert!(!md.chars().any(|c| c.is_control() && c != '\n'), "{md:?}");
    assert!(!md.contains(['\u{202e}', '\u{9b}']));
    assert!(!md.contains("<script") && !md.contains("&copy;"));
    let mut tables = 0;
    for table in md.split("\n\n").filter(|b| b.starts_with('|')) {
        tables += 1;
        let lines: Vec<&str> = table.lines().collect();
        let columns = unescaped_pipes(lines[0]);
        for line in &lines {
            assert_eq!(unescaped_pipes(line), columns, "{line}");
        }
    }
    assert_eq!(tables, 4, "moods, pains, findings, unbacked cells");
    let pain = section(&md, "Pains")[3];
    let escaped = r"a\|b \`c\` \*d\* \_e\_ \[f\](g) &lt;script&gt;x&lt;/script&gt; \~h\~ &amp;copy; \\␛\[31m";
    assert!(pain.starts_with(&format!("| 1 | {escaped}")), "{pain}");
    assert!(md.contains("_Persona: a\\|b"), "a persona on one line");
}

// ---------------------------------------------------------------- JSON

#[test]
fn json_parses_and_has_the_documented_keys_in_order() {
    let j = interviews();
    let text = to_json(&j, &crate::checks::check(&j));
    let v: Value = serde_json::from_str(&text).unwrap();
    let keys: [&str; 13] = [
        "report",
        "title",
        "persona",
        "moods",
        "pains",
        "opportunities",
        "questions",
        "quotes",
        "said",
        "findings",
        "evidence",
        "unbacked",
        "log",
    ];
    let mut sorted = keys;
    sorted.sort_unstable();
    assert_eq!(v.as_object().unwrap().keys().map(String::as_str).collect::<Vec<_>>(), sorted);
    let at: Vec<usize> = keys.iter().map(|k| text.find(&format!("\n  \"{k}\":")).unwrap()).collect();
    assert!(at.is_sorted(), "top-level keys in the documented order");
    assert!(text.ends_with("}\n"));
    assert_eq!(v["report"], json!(1));
    assert_eq!(
        v["moods"],
        json!([{"phase": "Order", "mood": -1}, {"phase": "Install", "mood": -2}, {"phase": "Bill", "mood": null}])
    );
    assert_eq!(
        v["pains"][0],
        json!({
            "text": "waited 25 minutes",
            "sources": ["sara", "tom", "li"],
            "places": [{"phase": "Order", "row": "Touchpoints", "line": 2}, {"phase": "Install", "row": "Need", "line": 2}]
        })
    );
    assert_eq!(v["pains"][1]["text"], "nobody told me");
    assert_eq!(v["quotes"][0]["places"][0]["line"], 3);
    assert_eq!(v["evidence"], json!({"filled": 5, "backed": 4, "sources": ["sara", "tom", "li"]}));
    assert_eq!(v["unbacked"], json!([{"phase": "Bill", "row": "Need"}]));
    let finding = &v["findings"][0];
    for key in ["id", "severity", "phase", "rows", "message"] {
        assert!(finding.get(key).is_some(), "no {key} in {finding}");
    }
}

#[test]
fn json_keeps_text_as_written_but_escapes_controls_for_terminals() {
    let j = journey("t\u{1b}]0;x\u{7}\u{9b}\u{202e}", &["A"], &[(0, 0, "> said \u{9b}31m @sara")]);
    let text = to_json(&j, &[]);
    assert!(!text.chars().any(|c| c != '\n' && (c.is_control() || c == '\u{202e}')), "{text:?}");
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["title"], "t\u{1b}]0;x\u{7}\u{9b}\u{202e}");
    assert_eq!(v["quotes"][0]["text"], "said \u{9b}31m");
}

#[test]
fn markdown_says_what_each_interviewee_said_and_lists_disagreements_apart() {
    let j = journey(
        "Switch",
        &["Switch"],
        &[(0, 0, "Nobody told me when the switch happened @sara\ngot an SMS on the day of the switch @omar\nplain")],
    );
    let md = to_markdown(&j, &crate::checks::check(&j));
    let said = section(&md, "What each interviewee said");
    assert_eq!(
        said,
        [
            "### Switch",
            "**@sara** (Need): Nobody told me when the switch happened",
            "**@omar** (Need): got an SMS on the day of the switch"
        ]
    );
    let disagree = section(&md, "Interviewees disagree");
    assert_eq!(disagree.len(), 1);
    assert!(disagree[0].starts_with("- In \"Switch\", @sara and @omar disagree"), "{}", disagree[0]);
    assert!(!section(&md, "Open findings").iter().any(|l| l.contains("sources-disagree")));
}

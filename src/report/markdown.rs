//! The report as Markdown that renders on GitHub and GitLab.

use std::fmt::Write as _;

use super::Report;
use crate::checks::Finding;
use crate::export::{one_line, starts_entity};
use crate::insights::{Insight, mood};
use crate::journey::{Journey, Mark};

/// The report as GitHub-flavoured Markdown (every line ends in LF):
///
/// ~~~text
/// # TITLE                              (`Journey report` when untitled)
///
/// _Persona: PERSONA_                   (left out when empty)
///
/// **Summary:** 6 phases · 2 pains · 1 opportunity · 1 open question · 2 quotes · 5 open findings · 14 of 25 cells backed · 3 sources
///
/// ## Mood per phase
/// ```text                              (the curve of insights::mood::curve,
/// …                                     left out when no mood is known)
/// ```
/// | # | Phase | Mood |                 (`+1 happy`, `unknown`)
///
/// ## Pains
/// | # | Pain | Sources | Where |        (most sources first; `2: @sara, @tom`;
///                                        `Phase / Row`, one per place)
/// ## Opportunities, ## Open questions, ## Quotes   (the same table, grid order)
/// ## What each interviewee said
/// ### PHASE                            (phases where a line names a source)
/// **@sara** (Need): line · line         (one paragraph per source and row)
/// ## Interviewees disagree             (the sources-disagree findings)
/// - In "Switch", @sara and @omar disagree: …
/// ## Open findings                     (the other open findings)
/// | # | Severity | Check | Phase | Finding |
/// ## Cells no source backs
/// | Phase | Rows |                      (one line per phase with such cells)
/// ~~~
///
/// A section with nothing to list says so in one sentence instead of an
/// empty table. Text from the file is made safe for Markdown: control and
/// bidi characters become visible placeholders, line breaks become spaces,
/// `\` `` ` `` `*` `_` `[` `]` `|` `~` are escaped with a backslash, `<` and
/// `>` become `&lt;` and `&gt;`, and an `&` that would start an entity
/// `&amp;`; so emphasis, code, links and HTML in a note are shown as
/// written.
pub fn to_markdown(journey: &Journey, findings: &[Finding]) -> String {
    let report = Report::new(journey, findings);
    let mut out = String::new();
    let title = one_line(&journey.title);
    let title = if title.trim().is_empty() { "Journey report" } else { title.trim() };
    let _ = writeln!(out, "# {}\n", inline(title));
    let persona = one_line(&journey.persona);
    if !persona.trim().is_empty() {
        let _ = writeln!(out, "_Persona: {}_\n", inline(persona.trim()));
    }
    let _ = writeln!(out, "**Summary:** {}\n", summary(&report));
    moods(&mut out, journey);
    for &kind in Mark::ALL {
        insights(&mut out, &report, kind);
    }
    said(&mut out, &report);
    disagreements(&mut out, &report);
    open_findings(&mut out, &report);
    unbacked(&mut out, &report);
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn summary(report: &Report) -> String {
    let count = |kind: Mark| report.insights.of_kind(kind).len();
    [
        plural(report.journey.phase_count(), "phase", "phases"),
        plural(count(Mark::Pain), "pain", "pains"),
        plural(count(Mark::Opportunity), "opportunity", "opportunities"),
        plural(count(Mark::Question), "open question", "open questions"),
        plural(count(Mark::Quote), "quote", "quotes"),
        plural(report.findings.len(), "open finding", "open findings"),
        report.evidence.summary(),
    ]
    .join(" · ")
}

fn moods(out: &mut String, journey: &Journey) {
    out.push_str("## Mood per phase\n\n");
    let all: Vec<Option<i8>> = journey.phases().iter().map(|p| p.mood).collect();
    let curves = mood::curves(journey);
    let sources = &curves[1..];
    if all.iter().all(Option::is_none) && sources.is_empty() {
        out.push_str("No mood is recorded yet.\n\n");
    } else if all.iter().any(Option::is_some) {
        out.push_str("```text\n");
        for line in mood::curve(&all) {
            let _ = writeln!(out, "{line}");
        }
        out.push_str("```\n\n");
    }
    if journey.phase_count() == 0 {
        return;
    }
    // One column per source with a mood (`[phase.moods]`), by name.
    let whose: String =
        sources.iter().map(|c| format!(" @{} |", inline(c.source.as_deref().unwrap_or_default()))).collect();
    let _ = writeln!(out, "| # | Phase | Mood |{whose}\n| ---: | --- | --- |{}", " --- |".repeat(sources.len()));
    for (i, phase) in journey.phases().iter().enumerate() {
        let name = one_line(&phase.name);
        let each: String = sources.iter().map(|c| format!(" {} |", mood::label(c.moods[i]))).collect();
        let _ = writeln!(out, "| {} | {} | {} |{each}", i + 1, inline(name.trim()), mood::label(phase.mood));
    }
    out.push('\n');
}

fn insights(out: &mut String, report: &Report, kind: Mark) {
    let list = report.insights.of_kind(kind);
    let _ = writeln!(out, "## {}\n", kind.heading());
    if list.is_empty() {
        let _ = writeln!(out, "No line is marked `{} ` yet.\n", kind.prefix());
        return;
    }
    if kind == Mark::Pain {
        out.push_str(
            "Ranked by how many distinct sources name them; the same pain noted in several places is one line.\n\n",
        );
    }
    let heading = match kind {
        Mark::Pain => "Pain",
        Mark::Opportunity => "Opportunity",
        Mark::Question => "Question",
        Mark::Quote => "Quote",
    };
    let _ = writeln!(out, "| # | {heading} | Sources | Where |\n| ---: | --- | --- | --- |");
    for (i, insight) in list.iter().enumerate() {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            i + 1,
            inline(&insight.text),
            sources(insight),
            places(report, insight)
        );
    }
    out.push('\n');
}

/// `2: @sara, @tom`, or `none`.
fn sources(insight: &Insight) -> String {
    if insight.sources.is_empty() {
        return "none".to_owned();
    }
    let names: Vec<String> = insight.sources.iter().map(|s| inline(&format!("@{s}"))).collect();
    format!("{}: {}", names.len(), names.join(", "))
}

/// `Phase / Row` for each place, one per line; a cell named twice is listed once.
fn places(report: &Report, insight: &Insight) -> String {
    let mut cells = Vec::new();
    for place in &insight.places {
        if !cells.contains(&place.at) {
            cells.push(place.at);
        }
    }
    cells.iter().map(|&at| inline(&report.place(at))).collect::<Vec<_>>().join("<br>")
}

fn said(out: &mut String, report: &Report) {
    out.push_str("## What each interviewee said\n\n");
    let said = crate::insights::by_source(report.journey);
    if said.is_empty() {
        out.push_str("No line names a source (`@name` on a line names who said it).\n\n");
        return;
    }
    for phase in said.chunk_by(|a, b| a.phase == b.phase) {
        let _ = writeln!(out, "### {}\n", inline(one_line(report.phase(phase[0].phase)).trim()));
        for s in phase {
            for row in s.lines.chunk_by(|a, b| a.row == b.row) {
                let lines: Vec<String> = row.iter().map(|l| inline(&one_line(&l.text))).collect();
                let row_name = inline(one_line(report.row(row[0].row)).trim());
                let _ = writeln!(out, "**@{}** ({row_name}): {}\n", inline(&s.source), lines.join(" · "));
            }
        }
    }
}

/// The `sources-disagree` findings under their own heading.
fn disagreements(out: &mut String, report: &Report) {
    let found: Vec<&Finding> = report.findings.iter().filter(|f| f.id == "sources-disagree").collect();
    if found.is_empty() {
        return;
    }
    out.push_str("## Interviewees disagree\n\n");
    for f in found {
        let _ = writeln!(out, "- {}", inline(&one_line(&f.message)));
    }
    out.push('\n');
}

fn open_findings(out: &mut String, report: &Report) {
    out.push_str("## Open findings\n\n");
    let rest: Vec<&Finding> = report.findings.iter().filter(|f| f.id != "sources-disagree").collect();
    if rest.is_empty() {
        let other = if report.findings.is_empty() { "" } else { " else" };
        let _ = writeln!(out, "The checks find nothing{other} open.\n");
        return;
    }
    out.push_str("| # | Severity | Check | Phase | Finding |\n| ---: | --- | --- | --- | --- |\n");
    for (i, f) in rest.into_iter().enumerate() {
        let phase = one_line(report.phase(f.phase));
        let _ = writeln!(
            out,
            "| {} | {} | `{}` | {} | {} |",
            i + 1,
            f.severity.id(),
            f.id,
            inline(phase.trim()),
            inline(&one_line(&f.message))
        );
    }
    out.push('\n');
}

fn unbacked(out: &mut String, report: &Report) {
    out.push_str("## Cells no source backs\n\n");
    let cells: Vec<_> = report.evidence.unbacked().collect();
    if cells.is_empty() {
        out.push_str("Every cell with text names a source.\n");
        return;
    }
    let _ = writeln!(
        out,
        "{} of {} cells with text name no source (`@name` on a line names who said it).\n",
        cells.len(),
        report.evidence.filled()
    );
    out.push_str("| Phase | Rows |\n| --- | --- |\n");
    for chunk in cells.chunk_by(|a, b| a.phase == b.phase) {
        let phase = one_line(report.phase(chunk[0].phase));
        let rows: Vec<String> = chunk.iter().map(|at| inline(one_line(report.row(at.row)).trim())).collect();
        let _ = writeln!(out, "| {} | {} |", inline(phase.trim()), rows.join(", "));
    }
}

/// One line of text made safe for a Markdown table cell or paragraph (see
/// [`to_markdown`]). The text must be one line already.
pub(crate) fn inline(text: &str) -> String {
    let text = crate::text::sanitize(text);
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' if starts_entity(&text[i + 1..]) => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

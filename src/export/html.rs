//! HTML: one self-contained page with the coloured grid and its findings.

pub(crate) mod curve;

use std::fmt::Write as _;

use super::{lines, one_line, taken};
use crate::checks::{Finding, Severity};
use crate::journey::{CellRef, Journey, Mark, Note, source_spans};
use crate::text::sanitize;

pub(crate) const STYLE: &str = "\
@page { size: A4 landscape; margin: 10mm; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 1.5rem; color: #1b1b1b; background: #fff;
  font: 14px/1.4 system-ui, -apple-system, \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, sans-serif; }
h1 { font-size: 1.6em; margin: 0 0 .2em; }
h2 { font-size: 1.2em; margin: 1.5em 0 .4em; }
.persona, .legend, .summary, .off { margin: 0 0 .8em; }
.persona { color: #444; }
.key { display: inline-block; padding: 0 .4em; border: 1px solid #bbb; border-radius: 3px; }
table { border-collapse: collapse; width: 100%; }
table.grid { table-layout: fixed; }
th, td { border: 1px solid #b8b8b8; padding: .35em .5em; text-align: left; vertical-align: top;
  overflow-wrap: anywhere; }
thead th { background: #ececec; }
tbody th { background: #f5f5f5; }
.grid .corner { width: 9em; }
.findings th, .findings td { overflow-wrap: break-word; }
.findings .number { width: 2.5em; }
.findings .severity { width: 7em; }
td.gap, .key.gap { background: #fde8e8; }
td.warning, .key.warning { background: #fff3cd; }
td.info, .key.info { background: #e3eefc; }
.mark { font-weight: bold; white-space: nowrap; text-decoration: none; }
.mark.gap { color: #b42318; }
.mark.warning { color: #8a5a00; }
.mark.info { color: #1d4ed8; }
.marks { margin-bottom: .2em; }
.glyph { font-weight: bold; display: inline-block; min-width: .8em; }
.pain { font-weight: bold; color: #b42318; }
.opportunity { color: #166534; }
.opportunity .glyph { color: #166534; }
.question { font-style: italic; color: #1e40af; }
.quote { font-style: italic; color: #4a4a4a; }
.quote .glyph { font-style: normal; }
.source { color: #555; font-size: .9em; font-weight: normal; font-style: normal; }
tr.mood td.curve { padding: 0; }
svg.curve { display: block; }
svg.curve .level { stroke: #e2e2e2; stroke-width: 1; }
svg.curve .level.zero { stroke: #9a9a9a; stroke-dasharray: 4 3; }
svg.curve .scale { font-size: 10px; fill: #777; }
svg.curve .link { stroke: #444; stroke-width: 2; fill: none; }
svg.curve .link.across { stroke-dasharray: 6 4; }
svg.curve .point { stroke: #1b1b1b; stroke-width: 1; }
svg.curve .point.negative { fill: #d92d20; }
svg.curve .point.neutral { fill: #9a9a9a; }
svg.curve .point.positive { fill: #16a34a; }
svg.curve .value { font-size: 12px; font-weight: bold; fill: #1b1b1b; text-anchor: middle; }
svg.curve .unknown { font-size: 14px; font-weight: bold; fill: #777; text-anchor: middle; }
svg .trail { stroke: #555; stroke-width: 1.5; fill: none; }
svg .marker { font-size: 11px; fill: #1b1b1b; text-anchor: middle; }
svg.curve .who { font-size: 10px; fill: #555; }
svg.sample { vertical-align: middle; }
svg.sample .link { stroke: #444; stroke-width: 2; }
svg.sample .point { stroke: #1b1b1b; stroke-width: 1; fill: #9a9a9a; }
.curve-legend { margin: .2em 0 .4em; font-size: .9em; }
.curve-legend span { margin-right: 1.2em; white-space: nowrap; }
.inbox .who, .inbox .when { white-space: nowrap; width: 10em; }
@media print {
  body { margin: 0; font-size: 8pt; }
  th, td { padding: 2pt 3pt; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
}
";

/// The journey as one self-contained HTML page: no scripts, no network
/// (a Content-Security-Policy forbids both), inline CSS, printable on A4
/// landscape.
///
/// Shape: `<h1>` title and a `Persona:` paragraph (each left out when
/// empty); a legend of the marks (when there are findings); a legend of the
/// line marks (when a line is marked); the grid as
/// `<table class="grid">` with a header row of phase names (`<th scope="col">`),
/// a `Mood` row with the mood curve (when any phase has a mood; see below)
/// and one `<tr>` per row starting with `<th scope="row">` row name; then,
/// when the inbox has notes, `<h2>Unsorted notes</h2>` and
/// `<table class="inbox">` (note, source, time taken, oldest first); then
/// `<h2>Findings</h2>`, a count (`7 gaps · 8 warnings · 1 info`) and
/// `<table class="findings">` with one row per finding, in the given order,
/// numbered from 1 (`<tr id="fN">`): number, severity, check id, phase name
/// and sentence; `No findings.` when there are none; and the checks the
/// journey switches off, if any.
///
/// A cell marked by findings gets the class of its worst severity (`gap`,
/// `warning` or `info`; warning outranks gap outranks info) and, above its
/// text, one link per finding to its row in the list: `○ 3` for a gap,
/// `▲ 3` for a warning, `● 3` for info, the symbol in the severity's
/// colour and the sentence as its tooltip (when it is long, its check and subject; at most 60 columns).
///
/// The mood curve is one inline `<svg>` spanning the phase columns, a point
/// above the middle of each phase's column labelled with its mood (`+1`,
/// `-2`), a `?` where the mood is unknown, so it reads without colour and
/// in print. In the cells, a marked line gets the class of its kind
/// (`pain`, `opportunity`, `question`, `quote`): its mark in bold, a pain
/// in bold, a question and a quote in italics, and each a colour; every
/// `@source` is set in small grey type (`class="source"`).
///
/// Every piece of text is escaped (`&` `<` `>` `"` `'`); control and bidi
/// characters become visible placeholders such as `␛`; a cell's lines are
/// joined with `<br>`, empty lines at its start and end dropped.
pub fn to_html(journey: &Journey, findings: &[Finding]) -> String {
    to_html_with(journey, findings, "")
}

/// [`to_html`] with `top` (HTML, e.g. a site's navigation) first in the body.
pub(crate) fn to_html_with(journey: &Journey, findings: &[Finding], top: &str) -> String {
    let title = one_line(&journey.title);
    let title = title.trim();
    let persona = one_line(&journey.persona);
    let persona = persona.trim();
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n",
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"jgrid\">\n");
    let page_title = if title.is_empty() { "Journey grid" } else { title };
    let _ = writeln!(out, "<title>{}</title>", escape(page_title));
    let _ = write!(out, "<style>\n{STYLE}</style>\n</head>\n<body>\n");
    out.push_str(top);
    if !title.is_empty() {
        let _ = writeln!(out, "<h1>{}</h1>", escape(title));
    }
    if !persona.is_empty() {
        let _ = writeln!(out, "<p class=\"persona\"><strong>Persona:</strong> {}</p>", escape(persona));
    }
    if !findings.is_empty() {
        out.push_str(LEGEND);
    }
    if has_marked_line(journey) {
        out.push_str(LINE_LEGEND);
    }
    grid(&mut out, journey, findings);
    inbox(&mut out, &journey.inbox);
    findings_list(&mut out, journey, findings);
    out.push_str("</body>\n</html>\n");
    out
}

/// The most columns of a finding's sentence a cell's mark repeats as its
/// tooltip, so the page stays a small multiple of the journey.
const TOOLTIP: usize = 60;

const LEGEND: &str = "<p class=\"legend\">\
<span class=\"key gap\"><span class=\"mark gap\">○</span> gap</span> an empty cell \
<span class=\"key warning\"><span class=\"mark warning\">▲</span> warning</span> rows that do not fit together \
<span class=\"key info\"><span class=\"mark info\">●</span> info</span> worth a look. \
A number after a mark is the number of the finding in the list under the grid.</p>\n";

const LINE_LEGEND: &str = "<p class=\"legend\">Lines: \
<span class=\"pain\"><span class=\"glyph\">!</span> pain</span> · \
<span class=\"opportunity\"><span class=\"glyph\">+</span> opportunity</span> · \
<span class=\"question\"><span class=\"glyph\">?</span> open question</span> · \
<span class=\"quote\"><span class=\"glyph\">&gt;</span> quote</span> · \
<span class=\"source\">@name</span> who said it.</p>\n";

fn has_marked_line(journey: &Journey) -> bool {
    journey.phases().iter().flat_map(|p| p.cells()).flat_map(|c| lines(c)).any(|l| Mark::of(l).is_some())
}

fn symbol(severity: Severity) -> &'static str {
    match severity {
        Severity::Gap => "○",
        Severity::Warning => "▲",
        Severity::Info => "●",
    }
}

fn grid(out: &mut String, journey: &Journey, findings: &[Finding]) {
    out.push_str("<table class=\"grid\">\n<thead>\n<tr><th class=\"corner\"></th>");
    for phase in journey.phases() {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(one_line(&phase.name).trim()));
    }
    out.push_str("</tr>\n</thead>\n<tbody>\n");
    if let Some(svg) = curve::svg(journey) {
        let _ = writeln!(
            out,
            "<tr class=\"mood\"><th scope=\"row\">Mood</th><td class=\"curve\" colspan=\"{}\">{svg}</td></tr>",
            journey.phase_count()
        );
    }
    // Each cell's findings, found in one pass over the findings.
    let rows = journey.row_count();
    let mut at_cell: Vec<Vec<usize>> = vec![Vec::new(); journey.phase_count() * rows];
    for (i, f) in findings.iter().enumerate() {
        for c in f.cells.iter().filter(|c| journey.contains(**c)) {
            let list = &mut at_cell[c.phase * rows + c.row];
            if list.last() != Some(&i) {
                list.push(i);
            }
        }
    }
    for (r, row) in journey.rows().iter().enumerate() {
        let _ = write!(out, "<tr><th scope=\"row\">{}</th>", escape(one_line(row).trim()));
        for p in 0..journey.phase_count() {
            let at = CellRef::new(p, r);
            let marks: Vec<(usize, &Finding)> = at_cell[p * rows + r].iter().map(|&i| (i + 1, &findings[i])).collect();
            match marks.iter().map(|(_, f)| f.severity).max_by_key(|s| s.rank()) {
                Some(worst) => {
                    let _ = write!(out, "<td class=\"{}\"><div class=\"marks\">", worst.id());
                    for (i, (n, f)) in marks.iter().enumerate() {
                        let sep = if i > 0 { " " } else { "" };
                        let (sev, sym, msg) = (f.severity.id(), symbol(f.severity), escape(&tooltip(f)));
                        let _ =
                            write!(out, "{sep}<a class=\"mark {sev}\" href=\"#f{n}\" title=\"{msg}\">{sym} {n}</a>");
                    }
                    out.push_str("</div>");
                }
                None => out.push_str("<td>"),
            }
            out.push_str(&cell(journey.cell(at)));
            out.push_str("</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn findings_list(out: &mut String, journey: &Journey, findings: &[Finding]) {
    out.push_str("<h2>Findings</h2>\n");
    if findings.is_empty() {
        out.push_str("<p class=\"summary\">No findings.</p>\n");
    } else {
        let _ = writeln!(out, "<p class=\"summary\">{}</p>", counts(findings));
        out.push_str("<table class=\"findings\">\n<thead>\n<tr><th class=\"number\">#</th>");
        out.push_str("<th class=\"severity\">Severity</th><th>Check</th><th>Phase</th><th>Finding</th></tr>\n");
        out.push_str("</thead>\n<tbody>\n");
        for (i, f) in findings.iter().enumerate() {
            let phase = journey.phases().get(f.phase).map_or(String::new(), |p| one_line(&p.name));
            let _ = writeln!(
                out,
                "<tr id=\"f{n}\"><td>{n}</td><td><span class=\"mark {sev}\">{sym}</span> {sev}</td>\
                 <td><code>{id}</code></td><td>{phase}</td><td>{msg}</td></tr>",
                n = i + 1,
                sev = f.severity.id(),
                sym = symbol(f.severity),
                id = escape(f.id),
                phase = escape(phase.trim()),
                msg = escape(&f.message),
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    if !journey.checks_off.is_empty() {
        let off: Vec<String> = journey.checks_off.iter().map(|id| format!("<code>{}</code>", escape(id))).collect();
        let _ = writeln!(out, "<p class=\"off\">Checks switched off for this journey: {}.</p>", off.join(", "));
    }
}

/// A cell mark's tooltip: the finding's sentence when it is short, else its
/// check and what it is about (`conflicting-message: price`), cut to
/// [`TOOLTIP`] columns. A finding over hundreds of cells would otherwise
/// repeat its whole sentence, which lists them all, in each of them; the
/// list under the grid has it in full.
fn tooltip(f: &Finding) -> String {
    if crate::text::width(&f.message) <= TOOLTIP {
        return f.message.clone();
    }
    let about = if f.subjects.is_empty() { f.message.clone() } else { format!("{}: {}", f.id, f.subjects.join(", ")) };
    crate::text::truncate(&about, TOOLTIP).into_owned()
}

/// `7 gaps · 8 warnings · 1 info`, leaving out severities with no findings.
fn counts(findings: &[Finding]) -> String {
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let parts = [
        plural(count(Severity::Gap), "gap", "gaps"),
        plural(count(Severity::Warning), "warning", "warnings"),
        format!("{} info", count(Severity::Info)),
    ];
    parts.into_iter().filter(|p| !p.starts_with("0 ")).collect::<Vec<_>>().join(" · ")
}

/// A cell's text: lines escaped and joined with `<br>`, empty lines at the
/// start and end dropped, marked lines and sources set apart.
fn cell(text: &str) -> String {
    let lines: Vec<&str> = lines(text).collect();
    let start = lines.iter().position(|l| !l.trim().is_empty()).unwrap_or(lines.len());
    let end = lines.iter().rposition(|l| !l.trim().is_empty()).map_or(start, |i| i + 1);
    lines[start..end].iter().map(|l| line(l)).collect::<Vec<_>>().join("<br>")
}

/// One line: escaped, each `@source` in a `source` span, and a marked line
/// wrapped in a span of its kind with its mark in a `glyph` span.
fn line(text: &str) -> String {
    let text = sanitize(text);
    let Some(kind) = Mark::of(&text) else { return with_sources(&text) };
    let indent = text.len() - text.trim_start().len();
    let rest = &text[indent + 1..];
    format!(
        "{}<span class=\"{}\"><span class=\"glyph\">{}</span>{}</span>",
        escape(&text[..indent]),
        kind.id(),
        escape(&kind.prefix().to_string()),
        with_sources(rest)
    )
}

/// Escaped text with each `@source` in a `source` span.
fn with_sources(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for span in source_spans(text) {
        out.push_str(&escape(&text[from..span.start]));
        let _ = write!(out, "<span class=\"source\">{}</span>", escape(&text[span.clone()]));
        from = span.end;
    }
    out.push_str(&escape(&text[from..]));
    out
}

/// The inbox under the grid; nothing when it is empty.
fn inbox(out: &mut String, notes: &[Note]) {
    if notes.is_empty() {
        return;
    }
    out.push_str("<h2>Unsorted notes</h2>\n<table class=\"inbox\">\n<thead>\n");
    out.push_str("<tr><th>Note</th><th class=\"who\">Source</th><th class=\"when\">Taken</th></tr>\n");
    out.push_str("</thead>\n<tbody>\n");
    for note in notes {
        let source = note.source.as_deref().map_or(String::new(), |s| format!("@{}", one_line(s).trim()));
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"who\">{}</td><td class=\"when\">{}</td></tr>",
            cell(&note.text),
            escape(&source),
            escape(&taken(&note.at))
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

/// Text escaped for HTML content and attribute values: control and bidi
/// characters become visible placeholders, a newline a space.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in sanitize(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

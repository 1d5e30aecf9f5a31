//! The client report as one printable HTML page: no scripts, no outside
//! resources, the value × effort matrix as inline SVG.

use std::fmt::Write as _;

use super::client::ClientReport;
use crate::checks::Finding;
use crate::export::{HTML_STYLE, SourceCurve, html_escape as esc, mood_curves_svg};
use crate::insights::mood;
use crate::journey::Journey;
use crate::plan::Quadrant;

/// The matrix: low effort at the left, high value on top; each quadrant
/// lists the numbers and titles of its opportunities (as the list below numbers them).
fn matrix(r: &ClientReport) -> String {
    let mut svg = String::from(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 640 420\" width=\"640\" height=\"420\" \
         role=\"img\" aria-label=\"value and effort matrix\" font-family=\"sans-serif\" font-size=\"13\">\n",
    );
    let boxes = [
        (Quadrant::LowHangingFruit, 40, 10, "#e3f4e1"),
        (Quadrant::HotIssue, 340, 10, "#fde8d7"),
        (Quadrant::FillIn, 40, 200, "#eef0f3"),
        (Quadrant::NotNow, 340, 200, "#f6eaea"),
    ];
    let mut n = 0;
    let mut numbers = std::collections::HashMap::new();
    for (q, lines) in &r.plan {
        for l in lines {
            n += 1;
            numbers.entry(*q).or_insert_with(Vec::new).push((n, l.title.clone()));
        }
    }
    for (q, x, y, fill) in boxes {
        let _ =
            writeln!(svg, "<rect x=\"{x}\" y=\"{y}\" width=\"290\" height=\"180\" fill=\"{fill}\" stroke=\"#888\"/>");
        let _ = writeln!(svg, "<text x=\"{}\" y=\"{}\" font-weight=\"bold\">{}</text>", x + 10, y + 22, q.heading());
        for (k, (num, title)) in numbers.get(&q).into_iter().flatten().take(7).enumerate() {
            let short: String = title.chars().take(38).collect();
            let more = if short.len() < title.len() { "…" } else { "" };
            let _ =
                writeln!(svg, "<text x=\"{}\" y=\"{}\">{num}. {}{more}</text>", x + 10, y + 44 + 19 * k, esc(&short));
        }
    }
    svg.push_str(
        "<text x=\"20\" y=\"100\" transform=\"rotate(-90 20 100)\" text-anchor=\"middle\">high value</text>\n\
         <text x=\"20\" y=\"290\" transform=\"rotate(-90 20 290)\" text-anchor=\"middle\">low value</text>\n\
         <text x=\"185\" y=\"405\" text-anchor=\"middle\">low effort</text>\n\
         <text x=\"485\" y=\"405\" text-anchor=\"middle\">high effort</text>\n</svg>\n",
    );
    svg
}

/// The client report as a printable HTML page.
pub fn to_html(journey: &Journey, findings: &[Finding]) -> String {
    let r = ClientReport::new(journey, findings);
    let title = if r.title.is_empty() { "Customer journey" } else { r.title.as_str() };
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n{HTML_STYLE}\n</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        esc(title),
        esc(title)
    );
    if !r.persona.is_empty() {
        let _ = writeln!(out, "<p><em>For: {}</em></p>", esc(&r.persona));
    }
    out.push_str("<h2>How the customer felt</h2>\n");
    let moods: Vec<Option<i8>> = r.moods.iter().map(|m| m.1).collect();
    if r.curves.is_empty() {
        if moods.iter().any(Option::is_some) {
            let _ = writeln!(out, "<pre>{}</pre>", esc(&mood::curve(&moods).join("\n")));
        }
    } else {
        // One curve per interviewee beside the overall one, told apart by dashes and markers.
        let phases: Vec<String> = r.moods.iter().map(|m| m.0.clone()).collect();
        let each: Vec<SourceCurve> =
            r.curves.iter().map(|(who, moods)| SourceCurve { label: who.clone(), moods: moods.clone() }).collect();
        if let Some(svg) = mood_curves_svg(&phases, &moods, &each) {
            let _ = writeln!(out, "<div class=\"curves\">{svg}</div>");
        }
    }
    out.push_str("<ol>\n");
    for (i, (phase, m)) in r.moods.iter().enumerate() {
        let _ = writeln!(out, "<li>{}: {}{}</li>", esc(phase), esc(&mood::label(*m)), esc(&r.each_mood(i)));
    }
    out.push_str("</ol>\n<h2>What each interviewee said</h2>\n");
    for s in &r.said {
        let _ = writeln!(out, "<h3>{}</h3>\n<ul>", esc(&s.who));
        for (phase, line) in &s.lines {
            let _ = writeln!(out, "<li>{}: {}</li>", esc(phase), esc(line));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("<h2>Pains, most often named first</h2>\n<ol>\n");
    for (pain, n) in &r.pains {
        let who = if *n == 1 { "1 interviewee".to_owned() } else { format!("{n} interviewees") };
        let _ = writeln!(out, "<li>{} ({who})</li>", esc(pain));
    }
    out.push_str("</ol>\n<h2>Where the customer was told different things</h2>\n<ul>\n");
    for (topic, said) in &r.disagreements {
        let said: Vec<String> = said.iter().map(|s| esc(s)).collect();
        let _ = writeln!(out, "<li><strong>{}</strong>: {}</li>", esc(topic), said.join("; "));
    }
    out.push_str("</ul>\n<h2>The plan</h2>\n");
    out.push_str(&matrix(&r));
    let mut n = 0;
    for (q, lines) in r.plan.iter().filter(|(_, l)| !l.is_empty()) {
        let _ = writeln!(out, "<h3>{} ({})</h3>\n<ol start=\"{}\">", q.heading(), q.meaning(), n + 1);
        for l in lines {
            n += 1;
            let gains = if l.gains.is_empty() { String::new() } else { format!(" Who gains: {}.", esc(&l.gains)) };
            let _ = write!(out, "<li><strong>{}</strong>.{gains}", esc(&l.title));
            if !l.solutions.is_empty() {
                out.push_str("<ul>");
                for s in &l.solutions {
                    let _ = write!(out, "<li>{}</li>", esc(s));
                }
                out.push_str("</ul>");
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

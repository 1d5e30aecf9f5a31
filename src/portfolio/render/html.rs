//! The blueprint as HTML: a page of its own (`jgrid blueprint --format
//! html`), and the pieces the site is made of. No scripts, no network (a
//! Content-Security-Policy forbids both), inline CSS, the journey export's look.

use std::fmt::Write as _;

use super::super::blueprint::{Behind, Blueprint, Seen, WallPair};
use super::super::{Entry, Portfolio};
use super::{counts, phases, step};
use crate::export::{HTML_STYLE, html_escape as escape, one_line};

/// What the portfolio pages add to the journey export's style.
const STYLE: &str = "\
.counts { color: #444; }
table.list td.number, table.list th.number { text-align: right; white-space: nowrap; }
table.list thead th { white-space: nowrap; }
.mood { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 1.3em; line-height: 1; white-space: nowrap; }
.spelling, .external { color: #555; font-size: .9em; }
.places { color: #333; }
td.severity.warning { background: #fff3cd; }
td.severity.info { background: #e3eefc; }
ul.places { margin: .2em 0 .2em 1.2em; padding: 0; }
";

/// A whole page: `title`, then `top` (navigation) and `body`, in the style
/// of the journey export plus the portfolio's.
pub(crate) fn page(title: &str, top: &str, body: &str) -> String {
    let mut out = String::with_capacity(body.len() + HTML_STYLE.len() + STYLE.len() + 512);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n",
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"jgrid\">\n");
    let _ = writeln!(out, "<title>{}</title>", escape(&one_line(title)));
    let _ = write!(out, "<style>\n{HTML_STYLE}{STYLE}</style>\n</head>\n<body>\n{top}{body}</body>\n</html>\n");
    out
}

/// The blueprint as one self-contained HTML page.
pub fn to_html<T>(p: &Portfolio<T>, b: &Blueprint) -> String {
    let name = p.name();
    let mut body = format!("<h1>Blueprint: {}</h1>\n", escape(&one_line(&name)));
    let _ = writeln!(body, "<p class=\"counts\">{}</p>", escape(&counts(p, b)));
    body.push_str(&channels(p, b, &|_| None));
    body.push_str(&walls(p, b, &|_| None));
    page(&format!("Blueprint: {name}"), "", &body)
}

/// A journey's name, linked to its page where `link` gives one.
fn journey(labels: &[String], j: usize, link: &dyn Fn(usize) -> Option<String>) -> String {
    let label = escape(&one_line(&labels[j]));
    match link(j) {
        Some(href) => format!("<a href=\"{}\">{label}</a>", escape(&href)),
        None => label,
    }
}

/// `Moving house (Order move, Installation)`.
fn place<T>(journeys: &[Entry<T>], labels: &[String], s: &Seen, link: &dyn Fn(usize) -> Option<String>) -> String {
    format!("{} ({})", journey(labels, s.journey, link), escape(&one_line(&phases(journeys, s).join(", "))))
}

/// `#phone <span>also #hotline</span>`.
fn channel_name(name: &str, spellings: &[String], external: bool) -> String {
    let mut out = format!("#{}", escape(&one_line(name)));
    if !spellings.is_empty() {
        let also: Vec<String> = spellings.iter().map(|s| format!("#{}", escape(&one_line(s)))).collect();
        let _ = write!(out, " <span class=\"spelling\">(also {})</span>", also.join(", "));
    }
    if external {
        out.push_str(" <span class=\"external\">(external)</span>");
    }
    out
}

fn behind<T>(
    journeys: &[Entry<T>],
    labels: &[String],
    list: &[Behind],
    link: &dyn Fn(usize) -> Option<String>,
) -> String {
    if list.is_empty() {
        return "<span class=\"spelling\">none named</span>".to_owned();
    }
    let mut out = String::from("<ul class=\"places\">");
    for b in list {
        let places: Vec<String> = b.seen.iter().map(|s| place(journeys, labels, s, link)).collect();
        let _ = write!(out, "<li><strong>{}</strong>: {}</li>", escape(&one_line(&b.name)), places.join("; "));
    }
    out.push_str("</ul>");
    out
}

/// `<h2>Channels</h2>` and a table: channel, where it appears, its teams
/// and its systems, each with the journeys and phases.
pub(crate) fn channels<T>(p: &Portfolio<T>, b: &Blueprint, link: &dyn Fn(usize) -> Option<String>) -> String {
    let labels = p.labels();
    let mut out = String::from("<h2 id=\"channels\">Channels</h2>\n");
    if b.channels.is_empty() {
        out.push_str("<p>No journey names a channel (<code>#tag</code>) yet.</p>\n");
        return out;
    }
    out.push_str(
        "<table class=\"list blueprint\">\n<thead><tr><th scope=\"col\">Channel</th><th scope=\"col\">Appears in</th>\
         <th scope=\"col\">Teams that own it</th><th scope=\"col\">Systems that serve it</th></tr></thead>\n<tbody>\n",
    );
    for c in &b.channels {
        let appears: Vec<String> = c.seen.iter().map(|s| place(&p.journeys, &labels, s, link)).collect();
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"places\">{}</td><td>{}</td><td>{}</td></tr>",
            channel_name(&c.name, &c.spellings, c.external),
            appears.join("; "),
            behind(&p.journeys, &labels, &c.teams, link),
            behind(&p.journeys, &labels, &c.systems, link),
        );
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

/// `<h2>Walls between teams</h2>` and `… systems`: pairs ranked by how
/// often a channel goes from one to the other, with where.
pub(crate) fn walls<T>(p: &Portfolio<T>, b: &Blueprint, link: &dyn Fn(usize) -> Option<String>) -> String {
    let labels = p.labels();
    let mut out = String::new();
    for (id, title, noun, list) in
        [("teams", "Teams", "Handoffs", &b.handoffs), ("systems", "Systems", "Seams", &b.seams)]
    {
        let _ = writeln!(out, "<h2 id=\"walls-{id}\">Walls between {id}</h2>");
        if list.is_empty() {
            let _ = writeln!(out, "<p>No channel changes {id} from one phase to the next.</p>");
            continue;
        }
        let _ = writeln!(
            out,
            "<table class=\"list walls\">\n<thead><tr><th scope=\"col\">{title}</th><th scope=\"col\" \
             class=\"number\">{noun}</th><th scope=\"col\">Where</th></tr></thead>\n<tbody>"
        );
        for w in list.iter() {
            let _ = writeln!(
                out,
                "<tr><th scope=\"row\">{} · {}</th><td class=\"number\">{}</td><td><ul class=\"places\">{}</ul></td></tr>",
                escape(&one_line(&w.pair.0)),
                escape(&one_line(&w.pair.1)),
                w.crossings.len(),
                crossings(&p.journeys, &labels, w, link)
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out
}

fn crossings<T>(
    journeys: &[Entry<T>],
    labels: &[String],
    w: &WallPair,
    link: &dyn Fn(usize) -> Option<String>,
) -> String {
    let mut out = String::new();
    for c in &w.crossings {
        let (from, to) = step(journeys, c.journey, c.from);
        let (a, b) = if c.forward { (&w.pair.0, &w.pair.1) } else { (&w.pair.1, &w.pair.0) };
        let _ = write!(
            out,
            "<li>{}: #{} {} → {} ({} → {})</li>",
            journey(labels, c.journey, link),
            escape(&one_line(&c.channel)),
            escape(&one_line(&from)),
            escape(&one_line(&to)),
            escape(&one_line(a)),
            escape(&one_line(b))
        );
    }
    out
}

//! The static site for stakeholders who will not open a terminal
//! (`jgrid site DIR -o OUT`): pure pages, written by the subcommand.
//!
//! ```text
//! OUT/index.html             the journeys, the findings across them, files left out
//! OUT/blueprint.html         every channel with its teams and systems
//! OUT/walls.html             team pairs and system pairs, most handoffs first
//! OUT/plan.html              every journey's opportunities by quadrant (`site_plan`)
//! OUT/journeys/SLUG.html     one page per journey: the HTML export, with the site's navigation
//! ```
//!
//! Links are relative, so the folder reads from `file://` and on any static
//! host; no page has a script or loads anything (the export's
//! Content-Security-Policy). A journey's page name is made from its path
//! under the folder: ASCII letters and digits, other characters `-`.

use std::fmt::Write as _;

use super::blueprint::Blueprint;
use super::cross::CrossFinding;
use super::render::html::{channels, page, walls};
use super::site_plan::{self, Planned};
use super::{Portfolio, mood_line};
use crate::export::{html_escape as escape, one_line};
use crate::journey::readable;

/// What the site keeps of each journey while the folder is read: its page
/// (with [`journey_nav`] at the top) and its opportunities.
#[derive(Debug, Clone, PartialEq)]
pub struct Kept {
    pub html: String,
    pub plan: Vec<Planned>,
}

/// One file of the site: its path under OUT (`/`-separated) and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub path: String,
    pub html: String,
}

/// The site's navigation, for a page `depth` folders below OUT (`current`:
/// the page it is on, marked for screen readers).
fn nav(depth: usize, current: &str) -> String {
    let up = "../".repeat(depth);
    // Styled inline: a journey's page has the export's style sheet only.
    let mut out = String::from(
        "<nav class=\"site\" aria-label=\"Site\" style=\"margin: 0 0 1em; padding: .4em .6em; \
         background: #f2f4f7; border-radius: 4px\">",
    );
    let links =
        [("index.html", "Journeys"), ("blueprint.html", "Blueprint"), ("walls.html", "Walls"), ("plan.html", "Plan")];
    for (i, (file, name)) in links.into_iter().enumerate() {
        if i > 0 {
            out.push_str(" · ");
        }
        let mark = if file == current { " aria-current=\"page\" style=\"font-weight: bold\"" } else { "" };
        let _ = write!(out, "<a href=\"{up}{file}\"{mark}>{name}</a>");
    }
    out.push_str("</nav>\n");
    out
}

/// The navigation at the top of every journey's page.
pub fn journey_nav() -> String {
    nav(1, "")
}

/// A page name for each journey from its path under the folder, all different.
pub fn slugs<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut taken = std::collections::HashSet::new();
    names
        .into_iter()
        .map(|name| {
            let name = name.strip_suffix(".toml").unwrap_or(name);
            let mut slug = String::new();
            for c in name.chars() {
                if c.is_ascii_alphanumeric() {
                    slug.push(c.to_ascii_lowercase());
                } else if !slug.ends_with('-') && !slug.is_empty() {
                    slug.push('-');
                }
            }
            let mut slug: String = slug.trim_end_matches('-').chars().take(60).collect();
            slug = slug.trim_end_matches('-').to_owned();
            if slug.is_empty() {
                slug = "journey".to_owned();
            }
            let mut unique = slug.clone();
            let mut n = 2;
            while !taken.insert(unique.clone()) {
                unique = format!("{slug}-{n}");
                n += 1;
            }
            unique
        })
        .collect()
}

/// Every page of the site, from what was kept of each journey.
pub fn pages(p: &Portfolio<Kept>, b: &Blueprint, across: &[CrossFinding]) -> Vec<Page> {
    let slugs = slugs(p.journeys.iter().map(|e| e.name.as_str()));
    let link = |j: usize| Some(format!("journeys/{}.html", slugs[j]));
    let name = p.name();
    let mut out = vec![
        Page { path: "index.html".into(), html: index(p, b, across, &slugs) },
        Page {
            path: "blueprint.html".into(),
            html: page(
                &format!("Blueprint: {name}"),
                &nav(0, "blueprint.html"),
                &format!("<h1>Blueprint: {}</h1>\n{}", escape(&one_line(&name)), channels(p, b, &link)),
            ),
        },
        Page {
            path: "walls.html".into(),
            html: page(
                &format!("Walls: {name}"),
                &nav(0, "walls.html"),
                &format!("<h1>Walls: {}</h1>\n{}", escape(&one_line(&name)), walls(p, b, &link)),
            ),
        },
    ];
    let labels = p.labels();
    let plans: Vec<(String, String, &[Planned])> = p
        .journeys
        .iter()
        .zip(&labels)
        .zip(&slugs)
        .map(|((e, label), slug)| (label.clone(), format!("journeys/{slug}.html"), e.kept.plan.as_slice()))
        .collect();
    let plan = site_plan::body(&name, &plans);
    out.push(Page { path: "plan.html".into(), html: page(&format!("Plan: {name}"), &nav(0, "plan.html"), &plan) });
    for (e, slug) in p.journeys.iter().zip(&slugs) {
        out.push(Page { path: format!("journeys/{slug}.html"), html: e.kept.html.clone() });
    }
    out
}

fn index(p: &Portfolio<Kept>, b: &Blueprint, across: &[CrossFinding], slugs: &[String]) -> String {
    let labels = p.labels();
    let name = p.name();
    let mut body = format!("<h1>{}</h1>\n", escape(&one_line(&name)));
    let _ = writeln!(
        body,
        "<p class=\"counts\">{} · {} across journeys · <a href=\"blueprint.html\">the blueprint</a> · \
         <a href=\"walls.html\">the walls</a> · <a href=\"plan.html\">the plan</a></p>",
        escape(&super::render::counts(p, b)),
        across.len()
    );
    body.push_str("<h2 id=\"journeys\">Journeys</h2>\n");
    if p.journeys.is_empty() {
        body.push_str("<p>No journeys in this folder.</p>\n");
    } else {
        body.push_str(
            "<table class=\"list\">\n<thead><tr><th scope=\"col\">Journey</th><th scope=\"col\">Persona</th>\
             <th scope=\"col\" class=\"number\">Phases</th><th scope=\"col\">Mood</th>\
             <th scope=\"col\" class=\"number\">Open findings</th><th scope=\"col\" class=\"number\">Unsorted notes</th>\
             <th scope=\"col\" class=\"number\">Backed cells</th><th scope=\"col\">Last change</th></tr></thead>\n<tbody>\n",
        );
        for ((e, slug), label) in p.journeys.iter().zip(slugs).zip(&labels) {
            let s = &e.summary;
            let moods: Vec<String> = s
                .phases
                .iter()
                .zip(&s.moods)
                .map(|(phase, m)| {
                    format!("{} {}", one_line(phase), m.map_or("?".to_owned(), crate::insights::mood::number))
                })
                .collect();
            let _ = writeln!(
                body,
                "<tr><th scope=\"row\"><a href=\"journeys/{slug}.html\">{}</a></th><td>{}</td><td class=\"number\">{}</td>\
                 <td class=\"mood\" title=\"{}\">{}</td><td class=\"number\">{}</td><td class=\"number\">{}</td>\
                 <td class=\"number\">{} of {}</td><td>{}</td></tr>",
                escape(&one_line(label)),
                escape(&one_line(&s.persona)),
                s.phases.len(),
                escape(&moods.join(", ")),
                escape(&mood_line(&s.moods)),
                s.open.total(),
                s.unsorted,
                s.backed,
                s.filled,
                s.modified.map_or_else(String::new, readable),
            );
        }
        body.push_str("</tbody>\n</table>\n");
    }
    across_list(&mut body, p, across, slugs, &labels);
    if !p.others.is_empty() || !p.broken.is_empty() {
        body.push_str("<h2 id=\"left-out\">Files left out</h2>\n<ul>\n");
        for (file, why) in &p.others {
            let _ = writeln!(body, "<li><code>{}</code>: {}</li>", escape(&one_line(file)), escape(&one_line(why)));
        }
        for (file, _) in &p.broken {
            let _ = writeln!(
                body,
                "<li><code>{}</code>: cannot be read (<code>jgrid check</code> says why)</li>",
                escape(&one_line(file))
            );
        }
        body.push_str("</ul>\n");
    }
    page(&name, &nav(0, "index.html"), &body)
}

fn across_list(body: &mut String, p: &Portfolio<Kept>, across: &[CrossFinding], slugs: &[String], labels: &[String]) {
    body.push_str("<h2 id=\"across\">Findings across journeys</h2>\n");
    if across.is_empty() {
        body.push_str("<p>None: where journeys name the same channel, they agree.</p>\n");
        return;
    }
    body.push_str(
        "<table class=\"list findings\">\n<thead><tr><th scope=\"col\" class=\"severity\">Severity</th>\
         <th scope=\"col\">Check</th><th scope=\"col\">Finding</th><th scope=\"col\">Where</th></tr></thead>\n<tbody>\n",
    );
    for f in across {
        let mut places: Vec<String> = Vec::new();
        for place in &f.places {
            let phase = p.journeys[place.journey].summary.phases.get(place.phase).cloned().unwrap_or_default();
            let item = format!(
                "<li><a href=\"journeys/{}.html\">{}</a>, {}: {}</li>",
                slugs[place.journey],
                escape(&one_line(&labels[place.journey])),
                escape(&one_line(&phase)),
                escape(&one_line(&place.says))
            );
            if !places.contains(&item) {
                places.push(item);
            }
        }
        let _ = writeln!(
            body,
            "<tr><td class=\"severity {0}\">{0}</td><td><code>{1}</code></td><td>{2}</td><td><ul class=\"places\">{3}</ul></td></tr>",
            f.severity.id(),
            f.id,
            escape(&one_line(&f.message)),
            places.concat()
        );
    }
    body.push_str("</tbody>\n</table>\n");
}

//! The site's plan page (`OUT/plan.html`): every journey's opportunities on
//! one page, by quadrant of the value × effort matrix (low-hanging fruit,
//! hot issues, fill-ins, not now, unscored), each with its journey, who
//! gains, value, effort, owner, status and evidence.

use std::fmt::Write as _;

use crate::export::{html_escape as escape, one_line};
use crate::journey::Journey;
use crate::plan::{self, Quadrant};

/// What the site keeps of one opportunity while the folder is read.
#[derive(Debug, Clone, PartialEq)]
pub struct Planned {
    pub title: String,
    pub quadrant: Quadrant,
    pub value: Option<f64>,
    pub effort: Option<u8>,
    pub gains: Vec<String>,
    pub owner: String,
    pub status: &'static str,
    /// Distinct sources behind its linked lines.
    pub evidence: usize,
}

/// A journey's opportunities, ranked as `jgrid plan` ranks them.
pub fn planned(journey: &Journey) -> Vec<Planned> {
    plan::rank(journey)
        .into_iter()
        .map(|r| {
            let o = &journey.opportunities[r.index];
            Planned {
                title: o.title.clone(),
                quadrant: r.quadrant,
                value: r.value,
                effort: o.effort,
                gains: o.gains.clone(),
                owner: o.owner.clone(),
                status: o.status.id(),
                evidence: r.evidence(),
            }
        })
        .collect()
}

/// The page's body: a section per quadrant that has opportunities, each a
/// table ranked by value, then evidence; `journeys` pairs each journey's
/// title and page link with its opportunities.
pub fn body(name: &str, journeys: &[(String, String, &[Planned])]) -> String {
    let mut out = format!("<h1>Plan: {}</h1>\n", escape(&one_line(name)));
    let total: usize = journeys.iter().map(|(_, _, p)| p.len()).sum();
    if total == 0 {
        out.push_str(
            "<p>No journey holds opportunities yet. In jgrid, <kbd>O</kbd> on a marked line or a \
             finding makes one; <code>jgrid plan FILE</code> ranks them.</p>\n",
        );
        return out;
    }
    let _ = writeln!(
        out,
        "<p class=\"counts\">{} in {}, by quadrant of value (the mean of customer and business value, \
         1 to 3) and effort (1 to 3; 2 and up is high).</p>",
        plural(total, "opportunity", "opportunities"),
        plural(journeys.iter().filter(|(_, _, p)| !p.is_empty()).count(), "journey", "journeys")
    );
    for &quadrant in Quadrant::ALL {
        let mut rows: Vec<(&str, &str, &Planned)> = journeys
            .iter()
            .flat_map(|(title, link, plans)| plans.iter().map(move |p| (title.as_str(), link.as_str(), p)))
            .filter(|(_, _, p)| p.quadrant == quadrant)
            .collect();
        if rows.is_empty() {
            continue;
        }
        rows.sort_by(|a, b| {
            b.2.value.partial_cmp(&a.2.value).unwrap_or(std::cmp::Ordering::Equal).then(b.2.evidence.cmp(&a.2.evidence))
        });
        let _ = write!(
            out,
            "<h2>{} ({}) <small>{}</small></h2>\n<table class=\"list plan\">\n<thead><tr>\
             <th scope=\"col\">Opportunity</th><th scope=\"col\">Journey</th><th scope=\"col\">Who gains</th>\
             <th scope=\"col\" class=\"number\">Value</th><th scope=\"col\" class=\"number\">Effort</th>\
             <th scope=\"col\">Owner</th><th scope=\"col\">Status</th><th scope=\"col\" class=\"number\">Evidence</th>\
             </tr></thead>\n<tbody>\n",
            quadrant.heading(),
            rows.len(),
            quadrant.meaning()
        );
        for (journey, link, p) in rows {
            let value = p.value.map_or_else(|| "–".to_owned(), |v| format!("{v:.1}"));
            let effort = p.effort.map_or_else(|| "–".to_owned(), |e| e.to_string());
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td><a href=\"{}\">{}</a></td><td>{}</td><td class=\"number\">{value}</td>\
                 <td class=\"number\">{effort}</td><td>{}</td><td>{}</td><td class=\"number\">{}</td></tr>",
                escape(&one_line(&p.title)),
                escape(link),
                escape(&one_line(journey)),
                escape(&one_line(&p.gains.join(", "))),
                escape(&one_line(&p.owner)),
                p.status,
                p.evidence
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out
}

/// `1 journey`, `2 journeys`.
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

//! The mood curve as inline SVG, for the HTML export.

use std::fmt::Write as _;

use super::escape;
use crate::export::one_line;
use crate::insights::mood;
use crate::journey::Journey;

/// Height of the drawing in pixels.
const HEIGHT: u32 = 122;

/// The y coordinate of a mood: +2 at the top, -2 at the bottom.
fn y(mood: i8) -> i32 {
    22 + (2 - i32::from(mood)) * 22
}

/// The x coordinate of the middle of phase `i` of `n`, as a percentage of
/// the width, so the points sit above the middles of the grid's columns.
fn x(i: usize, n: usize) -> String {
    let percent = (i as f64 + 0.5) * 100.0 / n as f64;
    let text = format!("{percent:.3}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    format!("{text}%")
}

fn class(mood: i8) -> &'static str {
    match mood {
        ..0 => "negative",
        0 => "neutral",
        _ => "positive",
    }
}

/// The moods of the phases as one `<svg>` as wide as its container, one
/// point per phase with a known mood, above the middle of the phase's
/// column, labelled with the mood (`+1`, `0`, `-2`) so it reads without
/// colour and in print; a `?` on the middle line where the mood is unknown.
/// Consecutive known points are joined by a line, dashed where it passes
/// over a phase whose mood is unknown. `None` when no phase has a mood.
pub(super) fn svg(journey: &Journey) -> Option<String> {
    let moods: Vec<Option<i8>> = journey.phases().iter().map(|p| p.mood).collect();
    if moods.iter().all(Option::is_none) {
        return None;
    }
    let n = moods.len();
    let mut out = format!("<svg class=\"curve\" width=\"100%\" height=\"{HEIGHT}\" role=\"img\">");
    let names: Vec<String> =
        (journey.phases().iter()).map(|p| format!("{} {}", one_line(&p.name).trim(), mood::label(p.mood))).collect();
    let _ = write!(out, "<title>{}</title>", escape(&format!("Mood per phase: {}", names.join(", "))));
    for level in [2, 1, 0, -1, -2] {
        let kind = if level == 0 { "level zero" } else { "level" };
        let _ = write!(out, "<line class=\"{kind}\" x1=\"0\" x2=\"100%\" y1=\"{0}\" y2=\"{0}\"/>", y(level));
        let _ = write!(out, "<text class=\"scale\" x=\"2\" y=\"{}\">{}</text>", y(level) + 4, mood::number(level));
    }
    let known: Vec<(usize, i8)> = moods.iter().enumerate().filter_map(|(i, m)| m.map(|m| (i, m))).collect();
    for pair in known.windows(2) {
        let ((a, ma), (b, mb)) = (pair[0], pair[1]);
        let kind = if b > a + 1 { "link across" } else { "link" };
        let _ = write!(
            out,
            "<line class=\"{kind}\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
            x(a, n),
            y(ma),
            x(b, n),
            y(mb)
        );
    }
    for (i, mood) in moods.iter().enumerate() {
        match mood {
            Some(m) => {
                let (cx, cy) = (x(i, n), y(*m));
                let _ = write!(out, "<circle class=\"point {}\" cx=\"{cx}\" cy=\"{cy}\" r=\"5\"/>", class(*m));
                let _ = write!(out, "<text class=\"value\" x=\"{cx}\" y=\"{}\">{}</text>", cy - 9, mood::number(*m));
            }
            None => {
                let _ = write!(out, "<text class=\"unknown\" x=\"{}\" y=\"{}\">?</text>", x(i, n), y(0) + 5);
            }
        }
    }
    out.push_str("</svg>");
    Some(out)
}

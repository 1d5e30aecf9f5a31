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

/// How the curve of the k-th source is drawn, so the curves tell apart
/// without colour and in print: a dash pattern and a marker glyph.
const STYLES: [(&str, &str); 6] =
    [("6 3", "■"), ("2 3", "▲"), ("9 3 2 3", "◆"), ("1 4", "▼"), ("12 4", "✚"), ("4 2 1 2", "★")];

/// One source's curve to draw: its label as the reader sees it (`@sara`,
/// `Interviewee 1`; escaped here) and its mood per phase.
pub(crate) struct SourceCurve {
    pub label: String,
    pub moods: Vec<Option<i8>>,
}

/// The moods of the phases as one `<svg>` as wide as its container, one
/// point per phase with a known mood, above the middle of the phase's
/// column, labelled with the mood (`+1`, `0`, `-2`) so it reads without
/// colour and in print; a `?` on the middle line where the mood is unknown.
/// Consecutive known points are joined by a line, dashed where it passes
/// over a phase whose mood is unknown. Beside it, one curve per source with
/// a mood (`[phase.moods]`), labelled `@name`. `None` when no phase has a mood.
pub(super) fn svg(journey: &Journey) -> Option<String> {
    let curves = mood::curves(journey);
    let phases: Vec<String> = journey.phases().iter().map(|p| one_line(&p.name).trim().to_owned()).collect();
    let sources: Vec<SourceCurve> = (curves[1..].iter())
        .map(|c| SourceCurve { label: format!("@{}", c.source.as_deref().unwrap_or_default()), moods: c.moods.clone() })
        .collect();
    svg_of(&phases, &curves[0].moods, &sources)
}

/// The curves of `phases` (names, one line each): the overall `moods` and
/// each source's, then a legend of how each is drawn (only when there are
/// sources' curves). `None` when no curve has a mood.
pub(crate) fn svg_of(phases: &[String], moods: &[Option<i8>], sources: &[SourceCurve]) -> Option<String> {
    let any = |m: &[Option<i8>]| m.iter().any(Option::is_some);
    if !any(moods) && !sources.iter().any(|s| any(&s.moods)) {
        return None;
    }
    let n = moods.len();
    // Room under -2 for the sources' labels.
    let height = if sources.is_empty() { HEIGHT } else { HEIGHT + 16 };
    let mut out = format!("<svg class=\"curve\" width=\"100%\" height=\"{height}\" role=\"img\">");
    let _ = write!(out, "<title>{}</title>", escape(&format!("Mood per phase: {}", named(phases, moods))));
    for level in [2, 1, 0, -1, -2] {
        let kind = if level == 0 { "level zero" } else { "level" };
        let _ = write!(out, "<line class=\"{kind}\" x1=\"0\" x2=\"100%\" y1=\"{0}\" y2=\"{0}\"/>", y(level));
        let _ = write!(out, "<text class=\"scale\" x=\"2\" y=\"{}\">{}</text>", y(level) + 4, mood::number(level));
    }
    for (k, source) in sources.iter().enumerate() {
        source_curve(&mut out, phases, k, source);
    }
    let known = known(moods);
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
    if !sources.is_empty() {
        legend(&mut out, sources);
    }
    Some(out)
}

/// The phases with a known mood, and the mood.
fn known(moods: &[Option<i8>]) -> Vec<(usize, i8)> {
    moods.iter().enumerate().filter_map(|(i, m)| m.map(|m| (i, m))).collect()
}

/// `Wait -1 unhappy, Use unknown`.
fn named(phases: &[String], moods: &[Option<i8>]) -> String {
    let named: Vec<String> = phases.iter().zip(moods).map(|(p, m)| format!("{p} {}", mood::label(*m))).collect();
    named.join(", ")
}

/// The k-th source's curve: a dashed line through its known moods, shifted
/// a few pixels aside so it does not hide the overall one, a marker at each
/// mood and its label beside its first one.
fn source_curve(out: &mut String, phases: &[String], k: usize, source: &SourceCurve) {
    let (dash, marker) = STYLES[k % STYLES.len()];
    let n = source.moods.len();
    let dx = (k / 2 + 1) as i32 * 4 * if k.is_multiple_of(2) { 1 } else { -1 };
    let label = escape(&source.label);
    let _ = write!(out, "<g class=\"source\" transform=\"translate({dx},0)\">");
    let title = format!("Mood of {} per phase: {}", source.label, named(phases, &source.moods));
    let _ = write!(out, "<title>{}</title>", escape(&title));
    let known = known(&source.moods);
    for pair in known.windows(2) {
        let ((a, ma), (b, mb)) = (pair[0], pair[1]);
        let _ = write!(
            out,
            "<line class=\"trail\" stroke-dasharray=\"{dash}\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
            x(a, n),
            y(ma),
            x(b, n),
            y(mb)
        );
    }
    for &(i, m) in &known {
        let _ = write!(out, "<text class=\"marker\" x=\"{}\" y=\"{}\">{marker}</text>", x(i, n), y(m) + 4);
    }
    if let Some(&(i, m)) = known.first() {
        let _ = write!(out, "<text class=\"who\" x=\"{}\" dx=\"8\" y=\"{}\">{label}</text>", x(i, n), y(m) + 14);
    }
    out.push_str("</g>");
}

/// Under the curves: how each is drawn and whose it is.
fn legend(out: &mut String, sources: &[SourceCurve]) {
    let sample = |line: &str, mark: &str| {
        format!("<svg class=\"sample\" width=\"40\" height=\"12\" aria-hidden=\"true\">{line}{mark}</svg>")
    };
    out.push_str("<p class=\"curve-legend\">");
    let overall = sample(
        "<line class=\"link\" x1=\"0\" y1=\"6\" x2=\"40\" y2=\"6\"/>",
        "<circle class=\"point neutral\" cx=\"20\" cy=\"6\" r=\"4\"/>",
    );
    let _ = write!(out, "<span>{overall} overall</span>");
    for (k, source) in sources.iter().enumerate() {
        let (dash, marker) = STYLES[k % STYLES.len()];
        let line = format!("<line class=\"trail\" stroke-dasharray=\"{dash}\" x1=\"0\" y1=\"6\" x2=\"40\" y2=\"6\"/>");
        let mark = format!("<text class=\"marker\" x=\"20\" y=\"10\">{marker}</text>");
        let _ = write!(out, " <span>{} {}</span>", sample(&line, &mark), escape(&source.label));
    }
    out.push_str("</p>");
}

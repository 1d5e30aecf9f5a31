//! What each interviewee said: every line that names a `@source`, phase by
//! phase and source by source, marked or not. The report's "What each
//! interviewee said" is made from it; so can any other view of the
//! interviews side by side.

use crate::journey::{Journey, sources, without_sources};

/// What one source said in one phase, in row order, then line order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    pub phase: usize,
    /// Lower case, without `@`.
    pub source: String,
    pub lines: Vec<SaidLine>,
}

/// One line a source said: its row, and its text without its `@sources`
/// (a mark is kept: `! waited 25 minutes`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaidLine {
    pub row: usize,
    pub text: String,
}

/// Every source's lines, phase by phase (phases in grid order; in a phase,
/// sources in the order they first speak). A line two sources said is
/// listed under each.
pub fn by_source(journey: &Journey) -> Vec<Said> {
    let mut out: Vec<Said> = Vec::new();
    for (p, phase) in journey.phases().iter().enumerate() {
        let first = out.len();
        for (r, text) in phase.cells().iter().enumerate() {
            for line in text.lines().filter(|l| l.contains('@')) {
                let names = sources(line);
                if names.is_empty() {
                    continue;
                }
                let said = SaidLine { row: r, text: without_sources(line) };
                for name in names {
                    match out[first..].iter_mut().find(|s| s.source == name) {
                        Some(s) => s.lines.push(said.clone()),
                        None => out.push(Said { phase: p, source: name, lines: vec![said.clone()] }),
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::{CellRef, Change};

    #[test]
    fn lines_are_grouped_by_phase_and_source_marked_or_not() {
        let mut j = Journey::new("T", "P", ["Need", "Touchpoints"], ["Ask", "Switch"]);
        let set = |j: &mut Journey, p, r, t: &str| {
            Change::SetCell { at: CellRef::new(p, r), text: t.into() }.apply(j).unwrap();
        };
        set(&mut j, 1, 0, "Nobody told me @sara\n! waited @omar @sara\nno source here");
        set(&mut j, 1, 1, "got an SMS @Omar");
        let said = by_source(&j);
        type Brief<'a> = (usize, &'a str, Vec<(usize, &'a str)>);
        let brief: Vec<Brief> = said
            .iter()
            .map(|s| (s.phase, s.source.as_str(), s.lines.iter().map(|l| (l.row, l.text.as_str())).collect()))
            .collect();
        assert_eq!(
            brief,
            [
                (1, "sara", vec![(0, "Nobody told me"), (0, "! waited")]),
                (1, "omar", vec![(0, "! waited"), (1, "got an SMS")]),
            ]
        );
    }
}

//! Search over all cells, the title and the persona: case-insensitive unless
//! the pattern has a capital letter.

use std::ops::Range;

use crate::journey::{CellRef, Journey};

/// Where a match is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Title,
    Persona,
    Cell(CellRef),
}

/// The current search and its matches in order: title, persona, then the
/// cells phase by phase.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Search {
    pub pattern: String,
    pub matches: Vec<Target>,
    /// Index into `matches` of the one the cursor is on.
    pub current: Option<usize>,
}

impl Search {
    pub fn new(journey: &Journey, pattern: &str) -> Self {
        let mut s = Self { pattern: pattern.to_owned(), ..Self::default() };
        s.refresh(journey);
        s
    }

    /// Find the matches again (after the journey changed).
    pub fn refresh(&mut self, journey: &Journey) {
        let p = &self.pattern;
        let mut matches = Vec::new();
        if p.is_empty() {
            self.matches = matches;
            self.current = None;
            return;
        }
        if !find(&journey.title, p).is_empty() {
            matches.push(Target::Title);
        }
        if !find(&journey.persona, p).is_empty() {
            matches.push(Target::Persona);
        }
        for phase in 0..journey.phase_count() {
            for row in 0..journey.row_count() {
                let at = CellRef::new(phase, row);
                if !find(journey.cell(at), p).is_empty() {
                    matches.push(Target::Cell(at));
                }
            }
        }
        self.matches = matches;
        self.current = self.current.filter(|&i| i < self.matches.len());
    }

    /// The first match at or after a cell (wrapping), for search as you type.
    pub fn first_from(&self, from: CellRef) -> Option<usize> {
        let key = |t: &Target| match t {
            Target::Cell(c) => Some((c.phase, c.row)),
            _ => None,
        };
        let here = (from.phase, from.row);
        self.matches
            .iter()
            .position(|t| key(t).is_some_and(|k| k >= here))
            .or_else(|| (!self.matches.is_empty()).then_some(0))
    }

    /// Step to the next (or previous) match, wrapping.
    pub fn step(&mut self, forward: bool) -> Option<Target> {
        let n = self.matches.len();
        if n == 0 {
            return None;
        }
        let i = match (self.current, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        };
        self.current = Some(i);
        Some(self.matches[i])
    }

    /// `match 3 of 7`, and where it is when it is not a cell.
    pub fn describe(&self) -> String {
        match self.current {
            _ if self.matches.is_empty() => format!("No match for \"{}\"", self.pattern),
            None => format!("{} matches for \"{}\"", self.matches.len(), self.pattern),
            Some(i) => {
                let place = match self.matches[i] {
                    Target::Title => " (in the title)",
                    Target::Persona => " (in the persona)",
                    Target::Cell(_) => "",
                };
                format!("match {} of {}{place}", i + 1, self.matches.len())
            }
        }
    }
}

/// True when the pattern asks for exact case (it has a capital letter).
fn case_sensitive(pattern: &str) -> bool {
    pattern.chars().any(char::is_uppercase)
}

fn same(a: char, b: char, exact: bool) -> bool {
    a == b || (!exact && a.to_lowercase().eq(b.to_lowercase()))
}

/// Byte ranges of every match of `pattern` in `hay` (not overlapping).
pub fn find(hay: &str, pattern: &str) -> Vec<Range<usize>> {
    let exact = case_sensitive(pattern);
    let p: Vec<char> = pattern.chars().collect();
    let mut out = Vec::new();
    if p.is_empty() {
        return out;
    }
    let chars: Vec<(usize, char)> = hay.char_indices().collect();
    let mut i = 0;
    while i + p.len() <= chars.len() {
        if (0..p.len()).all(|k| same(chars[i + k].1, p[k], exact)) {
            let start = chars[i].0;
            let end = chars.get(i + p.len()).map_or(hay.len(), |c| c.0);
            out.push(start..end);
            i += p.len();
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::Change;

    fn journey() -> Journey {
        let mut j = Journey::new("Portal project", "Anna", ["Need", "Touchpoints"], ["A", "B", "C"]);
        for (p, r, t) in [(0, 1, "#portal login"), (2, 0, "no Portal"), (1, 1, "phone")] {
            Change::SetCell { at: CellRef::new(p, r), text: t.into() }.apply(&mut j).unwrap();
        }
        j
    }

    #[test]
    fn smartcase() {
        assert_eq!(find("Portal and portal", "portal"), [0..6, 11..17]);
        assert_eq!(find("Portal and portal", "Portal"), vec![0..6]);
        assert_eq!(find("ÅSA åsa", "åsa"), [0..4, 5..9]);
    }

    #[test]
    fn matches_come_in_order_and_wrap() {
        let j = journey();
        let mut s = Search::new(&j, "portal");
        assert_eq!(s.matches, [Target::Title, Target::Cell(CellRef::new(0, 1)), Target::Cell(CellRef::new(2, 0))]);
        assert_eq!(s.step(true), Some(Target::Title));
        assert_eq!(s.step(true), Some(Target::Cell(CellRef::new(0, 1))));
        assert_eq!(s.describe(), "match 2 of 3");
        s.step(true);
        assert_eq!(s.step(true), Some(Target::Title), "wraps");
        assert_eq!(s.step(false), Some(Target::Cell(CellRef::new(2, 0))), "wraps back");
        assert_eq!(Search::new(&j, "Portal").matches.len(), 2, "a capital makes it exact");
    }

    #[test]
    fn first_match_from_the_cursor() {
        let s = Search::new(&journey(), "portal");
        assert_eq!(s.first_from(CellRef::new(1, 0)), Some(2));
        assert_eq!(s.first_from(CellRef::new(2, 1)), Some(0), "wraps to the start");
    }
}

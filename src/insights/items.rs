//! The marked lines of a journey, grouped by kind, with the same words said
//! in several places counted once.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use unicode_normalization::UnicodeNormalization as _;

use crate::journey::{CellRef, Journey, Mark, source_spans, without_mark};

/// One place an insight is said: a line of a cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The cell.
    pub at: CellRef,
    /// The line within the cell, 0-based (lines split at `\n`).
    pub line: usize,
    /// The distinct sources this line names, lower case, without `@`.
    pub sources: Vec<String>,
}

/// A pain, opportunity, open question or quote: one marked line, or several
/// marked lines of the same kind that say the same words (see [`same_words`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Insight {
    pub kind: Mark,
    /// The words of the first line that says it: without its mark and its
    /// `@sources`, runs of white space as one space. Raw text from the file:
    /// sanitise it before showing it.
    pub text: String,
    /// Every line that says it, in grid order (phase, then row, then line);
    /// never empty.
    pub places: Vec<Place>,
    /// The distinct sources of all those lines, lower case, without `@`, in
    /// the order first named.
    pub sources: Vec<String>,
}

impl Insight {
    /// The first cell that says it: where Enter in the insights list jumps.
    pub fn at(&self) -> CellRef {
        self.places[0].at
    }
}

/// Every insight of a journey, by kind.
///
/// Rules (what a consultant expects when counting what the interviews said):
/// - A marked line is a line whose first two characters (after leading
///   spaces) are a mark and a space ([`Mark::of`]). A marked line with no
///   words besides its mark and its sources (`! @sara`) says nothing and is
///   left out.
/// - Lines of the same kind with the same words ([`same_words`]: case,
///   spacing, trailing punctuation and `@sources` aside) anywhere in the
///   grid are one insight: "! waited 25 minutes @sara" in one cell and
///   "! Waited 25 minutes. @tom" in another are one pain named by two
///   sources, with two places.
/// - Pains are ranked by the number of distinct sources that name them,
///   most first; ties keep grid order (of the first place). Opportunities,
///   questions and quotes are in grid order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Insights {
    /// Indexed like [`Mark::ALL`]: pains, opportunities, questions, quotes.
    groups: [Vec<Insight>; 4],
}

impl Insights {
    /// Read every marked line of the journey.
    pub fn of(journey: &Journey) -> Insights {
        let mut groups: [Vec<Insight>; 4] = Default::default();
        let mut seen: HashMap<(Mark, String), usize> = HashMap::new();
        for (p, phase) in journey.phases().iter().enumerate() {
            for (r, text) in phase.cells().iter().enumerate() {
                for (line_index, line) in text.split('\n').enumerate() {
                    let Some(kind) = Mark::of(line) else { continue };
                    let text = words(line);
                    let key = normalise(&text);
                    if key.is_empty() {
                        continue;
                    }
                    let mut sources = Vec::new();
                    super::add_sources(&mut sources, line);
                    let place = Place { at: CellRef::new(p, r), line: line_index, sources };
                    let group = &mut groups[group_index(kind)];
                    match seen.entry((kind, key)) {
                        Entry::Occupied(i) => add_place(&mut group[*i.get()], place),
                        Entry::Vacant(slot) => {
                            slot.insert(group.len());
                            let sources = place.sources.clone();
                            group.push(Insight { kind, text, places: vec![place], sources });
                        }
                    }
                }
            }
        }
        groups[group_index(Mark::Pain)].sort_by_key(|i| std::cmp::Reverse(i.sources.len()));
        Insights { groups }
    }

    /// The insights of one kind, in the order described on [`Insights`].
    pub fn of_kind(&self, kind: Mark) -> &[Insight] {
        &self.groups[group_index(kind)]
    }

    /// All insights: pains (ranked), then opportunities, questions and
    /// quotes; the order of the insights list.
    pub fn iter(&self) -> impl Iterator<Item = &Insight> {
        self.groups.iter().flatten()
    }

    /// The number of insights (a line said in two places counts once).
    pub fn len(&self) -> usize {
        self.groups.iter().map(Vec::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn group_index(kind: Mark) -> usize {
    Mark::ALL.iter().position(|m| *m == kind).unwrap_or(0)
}

fn add_place(insight: &mut Insight, place: Place) {
    for name in &place.sources {
        if !insight.sources.contains(name) {
            insight.sources.push(name.clone());
        }
    }
    insight.places.push(place);
}

/// The words of a line: without its mark and its `@sources`, runs of white
/// space as one space, trimmed.
fn words(line: &str) -> String {
    let line = without_mark(line);
    let mut out = String::with_capacity(line.len());
    let mut push = |part: &str| {
        for word in part.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
    };
    let mut from = 0;
    if line.contains('@') {
        for span in source_spans(line) {
            push(&line[from..span.start]);
            from = span.end;
        }
    }
    push(&line[from..]);
    out
}

/// The words (as [`words`] gives them) compared: NFKC, lower case, without
/// the punctuation at the end.
fn normalise(words: &str) -> String {
    let folded =
        if words.is_ascii() { words.to_ascii_lowercase() } else { words.nfkc().collect::<String>().to_lowercase() };
    let end = folded.trim_end_matches(['.', '!', '?', ',', ';', ':', '…', ' ']).len();
    let mut folded = folded;
    folded.truncate(end);
    folded
}

/// What two lines must share to say the same thing: their words (without
/// the mark and the `@sources`), compatibility-normalised (NFKC), in lower
/// case, runs of white space as one space, and without the punctuation at
/// the end (`.`, `!`, `?`, `,`, `;`, `:`, `…`). An empty string for a line
/// with no words.
///
/// ```
/// use jgrid::insights::same_words;
/// assert_eq!(same_words("! Waited  25 minutes. @sara"), same_words("! waited 25 minutes @tom"));
/// assert_ne!(same_words("! waited 25 minutes"), same_words("! waited 14 minutes"));
/// ```
pub fn same_words(line: &str) -> String {
    normalise(&words(line))
}

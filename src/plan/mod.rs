//! The plan: opportunities placed on the value × effort matrix and ranked.
//! Pure: reads a journey, knows no terminal.
//!
//! - **value** is the mean of customer value and business value (1 .. 3);
//! - the **quadrant** splits both axes at their middle, 2, which counts as
//!   high: value 2 or more is high value, effort 2 or more is high effort.
//!   High value and low effort is *low-hanging fruit*, high value and high
//!   effort a *hot issue*, low value and low effort a *fill-in*, low value and
//!   high effort *not now*; an opportunity missing a score is *unscored*;
//! - **evidence** is the number of distinct sources (`@name`) on the lines
//!   its `why` links to: a plan is as strong as the interviews under it;
//! - the **ranking**: by quadrant (in that order), then by value (highest
//!   first), then by evidence (most first), then as the file lists them.

use crate::journey::{CellRef, Journey, Opportunity, Why, line_key, sources};

/// Where an opportunity lies on the value × effort matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, strum::VariantArray)]
pub enum Quadrant {
    LowHangingFruit,
    HotIssue,
    FillIn,
    NotNow,
    Unscored,
}

/// The middle of the 1 .. 3 scale: a value or effort this high or higher is high.
pub const HIGH: f64 = 2.0;

impl Quadrant {
    pub const ALL: &'static [Quadrant] = <Quadrant as strum::VariantArray>::VARIANTS;

    /// The id in JSON and CSV: `low-hanging-fruit`, `hot-issue`, `fill-in`, `not-now`, `unscored`.
    pub fn id(self) -> &'static str {
        match self {
            Quadrant::LowHangingFruit => "low-hanging-fruit",
            Quadrant::HotIssue => "hot-issue",
            Quadrant::FillIn => "fill-in",
            Quadrant::NotNow => "not-now",
            Quadrant::Unscored => "unscored",
        }
    }

    /// Its name as a heading: `Low-hanging fruit`, `Hot issues`, ….
    pub fn heading(self) -> &'static str {
        match self {
            Quadrant::LowHangingFruit => "Low-hanging fruit",
            Quadrant::HotIssue => "Hot issues",
            Quadrant::FillIn => "Fill-ins",
            Quadrant::NotNow => "Not now",
            Quadrant::Unscored => "Unscored",
        }
    }

    /// What it means, in a few words.
    pub fn meaning(self) -> &'static str {
        match self {
            Quadrant::LowHangingFruit => "high value, low effort",
            Quadrant::HotIssue => "high value, high effort",
            Quadrant::FillIn => "low value, low effort",
            Quadrant::NotNow => "low value, high effort",
            Quadrant::Unscored => "value or effort not scored yet",
        }
    }

    /// The quadrant of an opportunity.
    ///
    /// ```
    /// use jgrid::journey::Opportunity;
    /// use jgrid::plan::Quadrant;
    /// let o = Opportunity { customer_value: Some(3), business_value: Some(2), effort: Some(1), ..Default::default() };
    /// assert_eq!(Quadrant::of(&o), Quadrant::LowHangingFruit);
    /// ```
    pub fn of(o: &Opportunity) -> Quadrant {
        let (Some(value), Some(effort)) = (o.value(), o.effort) else { return Quadrant::Unscored };
        match (value >= HIGH, f64::from(effort) >= HIGH) {
            (true, false) => Quadrant::LowHangingFruit,
            (true, true) => Quadrant::HotIssue,
            (false, false) => Quadrant::FillIn,
            (false, true) => Quadrant::NotNow,
        }
    }
}

/// A line of a cell: the cell and the line's index in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LineAt {
    pub at: CellRef,
    pub line: usize,
}

/// The lines a `why` names: in the cell of its phase and row, those whose
/// [`line_key`] is the why's. Empty for a finding, or a line that is gone.
pub fn lines_of(journey: &Journey, why: &Why) -> Vec<LineAt> {
    let Why::Line { phase, row, line } = why else { return Vec::new() };
    let (Some(p), Some(r)) = (journey.phase_index(phase), journey.row_index(row)) else { return Vec::new() };
    let at = CellRef::new(p, r);
    let key = line_key(line);
    journey
        .cell(at)
        .split('\n')
        .enumerate()
        .filter(|(_, l)| line_key(l) == key)
        .map(|(i, _)| LineAt { at, line: i })
        .collect()
}

/// One opportunity placed and weighed.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    /// Its index in `journey.opportunities`.
    pub index: usize,
    pub quadrant: Quadrant,
    /// The mean of customer and business value, when both are scored.
    pub value: Option<f64>,
    /// The distinct sources on its linked lines, lower case, in order.
    pub sources: Vec<String>,
    /// The lines its `why` links to, in `why` order.
    pub lines: Vec<LineAt>,
}

impl Ranked {
    /// How many distinct sources stand behind it.
    pub fn evidence(&self) -> usize {
        self.sources.len()
    }
}

/// One opportunity weighed.
pub fn weigh(journey: &Journey, index: usize) -> Option<Ranked> {
    let o = journey.opportunities.get(index)?;
    let lines: Vec<LineAt> = o.why.iter().flat_map(|w| lines_of(journey, w)).collect();
    let mut names: Vec<String> = Vec::new();
    for l in &lines {
        let text = journey.cell(l.at).split('\n').nth(l.line).unwrap_or("");
        for s in sources(text) {
            if !names.contains(&s) {
                names.push(s);
            }
        }
    }
    Some(Ranked { index, quadrant: Quadrant::of(o), value: o.value(), sources: names, lines })
}

/// Every opportunity, ranked: by quadrant, then value (highest first), then
/// evidence (most first), then file order.
pub fn rank(journey: &Journey) -> Vec<Ranked> {
    let mut out: Vec<Ranked> = (0..journey.opportunities.len()).filter_map(|i| weigh(journey, i)).collect();
    out.sort_by(|a, b| {
        a.quadrant
            .cmp(&b.quadrant)
            .then(b.value.unwrap_or(0.0).total_cmp(&a.value.unwrap_or(0.0)))
            .then(b.evidence().cmp(&a.evidence()))
            .then(a.index.cmp(&b.index))
    });
    out
}

#[cfg(test)]
mod tests;

//! Opportunities: the changes a team plans from what the grid shows (the
//! file's `[[opportunity]]`). Each says why it is needed (links by name to
//! lines and findings, never by position), who gains, its value and effort
//! (1 low .. 3 high, absent while unscored), owner, status and solutions.

use super::lines::{without_mark, without_sources};

/// A planned change and what justifies it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Opportunity {
    /// Its name; the key the merge follows it by (unique in a journey).
    pub title: String,
    pub why: Vec<Why>,
    /// Who gains: `customer`, named teams.
    pub gains: Vec<String>,
    pub customer_value: Option<u8>,
    pub business_value: Option<u8>,
    pub effort: Option<u8>,
    pub owner: String,
    pub status: Status,
    pub solutions: String,
}

/// One reason for an opportunity: a line of a cell, or a finding.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(untagged)]
pub enum Why {
    /// A line of the cell at phase × row, compared by [`line_key`]: it may match several lines.
    Line { phase: String, row: String, line: String },
    /// A finding, named the way acceptances name findings.
    Finding { check: String, subject: Option<String> },
}

/// Where an opportunity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord, strum::VariantArray)]
pub enum Status {
    #[default]
    Idea,
    Planned,
    Doing,
    Done,
    Dropped,
}

impl Status {
    pub const ALL: &'static [Status] = <Status as strum::VariantArray>::VARIANTS;

    pub fn id(self) -> &'static str {
        match self {
            Status::Idea => "idea",
            Status::Planned => "planned",
            Status::Doing => "doing",
            Status::Done => "done",
            Status::Dropped => "dropped",
        }
    }

    pub fn from_id(id: &str) -> Option<Status> {
        Status::ALL.iter().copied().find(|s| s.id() == id.trim().to_lowercase())
    }
}

/// The lowest and highest score of customer value, business value and effort.
pub const SCORE_RANGE: std::ops::RangeInclusive<u8> = 1..=3;

/// A field of an opportunity other than its title (which is its key): what
/// a merge conflict is about, and what the editor's form edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::VariantArray)]
pub enum PlanField {
    Why,
    Gains,
    CustomerValue,
    BusinessValue,
    Effort,
    Owner,
    Status,
    Solutions,
}

impl PlanField {
    pub const ALL: &'static [PlanField] = <PlanField as strum::VariantArray>::VARIANTS;

    /// The key the file writes.
    pub fn id(self) -> &'static str {
        match self {
            PlanField::Why => "why",
            PlanField::Gains => "gains",
            PlanField::CustomerValue => "customer_value",
            PlanField::BusinessValue => "business_value",
            PlanField::Effort => "effort",
            PlanField::Owner => "owner",
            PlanField::Status => "status",
            PlanField::Solutions => "solutions",
        }
    }

    pub fn from_id(id: &str) -> Option<PlanField> {
        PlanField::ALL.iter().copied().find(|f| f.id() == id)
    }

    /// True when `a` and `b` hold the same value of this field.
    pub fn same(self, a: &Opportunity, b: &Opportunity) -> bool {
        let mut x = Opportunity::default();
        let mut y = Opportunity::default();
        self.copy(a, &mut x);
        self.copy(b, &mut y);
        x == y
    }

    /// Copy this field of `from` into `to`.
    pub fn copy(self, from: &Opportunity, to: &mut Opportunity) {
        match self {
            PlanField::Why => to.why = from.why.clone(),
            PlanField::Gains => to.gains = from.gains.clone(),
            PlanField::CustomerValue => to.customer_value = from.customer_value,
            PlanField::BusinessValue => to.business_value = from.business_value,
            PlanField::Effort => to.effort = from.effort,
            PlanField::Owner => to.owner = from.owner.clone(),
            PlanField::Status => to.status = from.status,
            PlanField::Solutions => to.solutions = from.solutions.clone(),
        }
    }

    /// The value of this field in words, for a question or a message.
    pub fn show(self, o: &Opportunity) -> String {
        let score = |s: Option<u8>| s.map_or_else(|| "unscored".to_owned(), |s| s.to_string());
        match self {
            PlanField::Why => format!("{} reason(s)", o.why.len()),
            PlanField::Gains => o.gains.join(", "),
            PlanField::CustomerValue => score(o.customer_value),
            PlanField::BusinessValue => score(o.business_value),
            PlanField::Effort => score(o.effort),
            PlanField::Owner => o.owner.clone(),
            PlanField::Status => o.status.id().to_owned(),
            PlanField::Solutions => o.solutions.replace('\n', " / "),
        }
    }
}

/// What a `why` line is compared by: the line without its mark and its
/// `@sources`, in lower case, with runs of white space as one space.
///
/// ```
/// use jgrid::journey::line_key;
/// assert_eq!(line_key("+ Heard  nothing @sara for two weeks"), line_key("heard nothing for two WEEKS"));
/// ```
pub fn line_key(line: &str) -> String {
    without_sources(without_mark(line)).to_lowercase()
}

impl Opportunity {
    /// A new idea with this title, linked to `why`.
    pub fn new(title: &str, why: Vec<Why>) -> Self {
        Self { title: title.to_owned(), why, ..Self::default() }
    }

    /// The mean of customer and business value, when both are scored.
    pub fn value(&self) -> Option<f64> {
        Some((f64::from(self.customer_value?) + f64::from(self.business_value?)) / 2.0)
    }
}

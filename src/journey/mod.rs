//! The journey model: a pure grid of phases (columns) by rows (aspects), and the
//! changes that edit it. Knows nothing of terminals or files.

mod change;
mod check_ids;
mod find;
mod line_ends;
mod lines;
mod model;
mod only;
mod opportunity;
mod shared;
mod stamp;
mod unresolved;

pub use change::{Change, ChangeError};
pub use check_ids::{IDS, JOURNEY_IDS};
pub use find::pick;
pub use line_ends::LineEnds;
pub use lines::{
    Mark, is_source_name, source_spans, sources, tag_new_lines, text_sources, with_source, without_mark, without_me,
    without_sources,
};
pub use model::{
    Acceptance, CellRef, DEFAULT_PHASES, DEFAULT_ROWS, Journey, Language, MOOD_RANGE, Note, Phase, Role, source_key,
};
pub use only::{only, only_text};
pub use opportunity::{Opportunity, PlanField, SCORE_RANGE, Status, Why, line_key};
pub use shared::{Alias, PortfolioRules, Shared};
pub use stamp::{LAST_READABLE, now_secs, parse_rfc3339, readable, rfc3339};
pub use unresolved::{Axis, Unresolved, Version};

#[cfg(test)]
pub(crate) use change::tests::{arb_change as change_strategy, sample as change_sample};

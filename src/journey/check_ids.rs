//! The names of the checks, as a journey file writes them (`[[accepted]]
//! check = "…"`) and a config lists them (`[checks] off`). The checks
//! themselves are `crate::checks`; their names live here, beside the model,
//! so the file format can validate them without depending on the checks.

/// Every check id, in the order checks run. The last five are about the
/// journey as a whole and come only from `checks::review` (see [`JOURNEY_IDS`]).
pub const IDS: &[&str] = &[
    "merge-conflict",
    "empty-cell",
    "unanswered-need",
    "unowned-touchpoint",
    "unsupported-touchpoint",
    "message-without-channel",
    "inside-out",
    "channel-without-owner",
    "channel-without-system",
    "stray-channel",
    "conflicting-message",
    "sources-disagree",
    "broken-promise",
    "dead-end",
    "handoff",
    "system-seam",
    "stale-acceptance",
    "unsorted-notes",
    "unjustified-change",
    "stale-link",
    "unscored",
];

/// The checks about the journey as a whole, which only `checks::review` runs:
/// their findings mark no cell (or a stale acceptance's cells) and cannot be accepted.
pub const JOURNEY_IDS: &[&str] =
    &["stale-acceptance", "unsorted-notes", "unjustified-change", "stale-link", "unscored"];

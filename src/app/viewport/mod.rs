//! What of the journey is on screen: the geometry (`layout`), the phase
//! columns with the overview and a frozen phase (`columns`), the findings
//! panel (`panel`), scrolling (`scroll`), and what is revealed: matches, the
//! caret, present mode's pages (`reveal`).

pub mod columns;
pub mod layout;
pub mod panel;
mod reveal;
mod scroll;

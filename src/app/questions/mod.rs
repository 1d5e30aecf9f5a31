//! Questions: the table of every question jgrid asks (`table`) and what
//! each answer does (`answers`).

pub mod answers;
mod table;

pub use table::*;

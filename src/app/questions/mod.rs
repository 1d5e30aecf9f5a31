//! Questions: what a question is (`question`), the table of every question
//! jgrid asks with its answers (`table`), and what each answer does
//! (`answers`).

pub mod answers;
mod question;
mod table;

pub use question::*;

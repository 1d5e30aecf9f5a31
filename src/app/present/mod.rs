//! Present mode: one phase per screen (`page`), its name in large letters
//! (`banner`).

pub mod banner;
pub mod page;

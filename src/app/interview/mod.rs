//! Interviews: the capture line and the current source (`capture`), and
//! sorting the inbox into cells (`inbox`), the mood per phase and the
//! evidence view (`mood`).

pub mod capture;
pub mod inbox;
pub mod mood;

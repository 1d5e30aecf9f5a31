//! Interviews: the capture line and the current source (`capture`), and
//! sorting the inbox into cells (`inbox`), the mood per phase and the
//! evidence view (`mood`), and one source's lines alone (`only`).

pub mod capture;
pub mod inbox;
pub mod mood;
pub mod only;

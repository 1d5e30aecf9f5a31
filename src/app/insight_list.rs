//! The insights list's state: the items as they were when it opened, and
//! the selected one. Data only, so the app state can hold it.

use crate::insights::Insight;

/// The insights list as it was when it opened, and the selected item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InsightList {
    pub items: Vec<Insight>,
    pub selected: usize,
}

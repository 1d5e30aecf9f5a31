//! What a journey takes from its portfolio: the `jgrid.toml` of the folder
//! it lies in (found by walking up from the journey's folder; see
//! `crate::portfolio::config`). Shared checks switched off, channels the
//! organisation does not run, and aliases: the same channel, team or system
//! spelled differently across journeys is one.
//!
//! These rules are not part of the journey's content: they are never saved
//! into the journey's file, and two journeys that differ only in them are
//! equal (a recovery file holds the same journey as its file on disk, even
//! though only the one loaded from the folder knows the folder's rules).

use std::collections::HashMap;
use std::sync::Arc;

/// The rules of a portfolio's `jgrid.toml`, as the checks read them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PortfolioRules {
    /// The portfolio's name (`name = "..."`); may be empty.
    pub name: String,
    /// Where the rules come from (the `jgrid.toml`), for messages.
    pub source: String,
    /// Check ids switched off in every journey (`[checks] off`).
    pub checks_off: Vec<String>,
    /// Channels the organisation does not run, in every journey
    /// (`[checks] external`): tags without `#`, as written.
    pub external: Vec<String>,
    /// `[aliases.channels]`: each channel's other spellings.
    pub channels: Vec<Alias>,
    /// `[aliases.teams]`.
    pub teams: Vec<Alias>,
    /// `[aliases.systems]`.
    pub systems: Vec<Alias>,
    /// Every channel alias (lower case, without `#`) to its channel's
    /// name as written, for [`PortfolioRules::channel`].
    channel_of: HashMap<String, String>,
}

/// One name and the other spellings that mean it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Alias {
    /// The name as written (a channel without `#`).
    pub name: String,
    pub aliases: Vec<String>,
}

impl PortfolioRules {
    /// Rules with these aliases; `channels` are tags without `#`.
    pub fn new(name: &str, source: &str, channels: Vec<Alias>, teams: Vec<Alias>, systems: Vec<Alias>) -> Self {
        let mut channel_of = HashMap::new();
        for alias in &channels {
            for spelling in std::iter::once(&alias.name).chain(&alias.aliases) {
                channel_of.insert(spelling.trim_start_matches('#').to_lowercase(), alias.name.clone());
            }
        }
        Self {
            name: name.to_owned(),
            source: source.to_owned(),
            checks_off: Vec::new(),
            external: Vec::new(),
            channels,
            teams,
            systems,
            channel_of,
        }
    }

    /// The channel a tag names (with or without `#`, any case): the name of
    /// the channel it is an alias of, else the tag itself, without `#`.
    pub fn channel<'a>(&'a self, tag: &'a str) -> &'a str {
        let tag = tag.trim_start_matches('#');
        if self.channel_of.is_empty() {
            return tag;
        }
        self.channel_of.get(&tag.to_lowercase()).map_or(tag, String::as_str)
    }
}

/// The portfolio rules a journey follows, if it lies in a portfolio.
/// Always equal to any other (see the module documentation).
#[derive(Debug, Clone, Default)]
pub struct Shared(Option<Arc<PortfolioRules>>);

impl Shared {
    pub fn new(rules: Arc<PortfolioRules>) -> Self {
        Self(Some(rules))
    }

    pub fn rules(&self) -> Option<&PortfolioRules> {
        self.0.as_deref()
    }
}

impl PartialEq for Shared {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Shared {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_channel_alias_names_its_channel_in_any_case() {
        let phone = Alias { name: "phone".into(), aliases: vec!["hotline".into(), "Call-Centre".into()] };
        let rules = PortfolioRules::new("", "", vec![phone], Vec::new(), Vec::new());
        assert_eq!(rules.channel("#Hotline"), "phone");
        assert_eq!(rules.channel("call-centre"), "phone");
        assert_eq!(rules.channel("#PHONE"), "phone");
        assert_eq!(rules.channel("#web"), "web");
    }

    #[test]
    fn journeys_that_differ_only_in_shared_rules_are_equal() {
        let mut a = crate::journey::Journey::default();
        let b = a.clone();
        a.shared = Shared::new(Arc::new(PortfolioRules::default()));
        assert_eq!(a, b);
    }
}

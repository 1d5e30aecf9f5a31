//! The user's settings, read from `config.toml`. A complete example:
//!
//! ```toml
//! # jgrid settings. Every setting is optional: leave out what you do not
//! # want to change. jgrid reads the file named by $JGRID_CONFIG, or else
//! # config.toml in the platform's config directory:
//! #   Linux    ~/.config/jgrid/config.toml  (or $XDG_CONFIG_HOME/jgrid/)
//! #   macOS    ~/Library/Application Support/jgrid/config.toml
//! #   Windows  %APPDATA%\jgrid\config\config.toml
//! # No file means the defaults. A mistake never stops jgrid: it reports
//! # FILE:LINE:COLUMN and uses the default for that one setting or key.
//!
//! # Colours: "auto" (colour unless NO_COLOR is set), "color" or "mono".
//! theme = "auto"
//!
//! # Use the mouse. false leaves the mouse to the terminal, so selecting
//! # text works as in any other program.
//! mouse = true
//!
//! # Copy to the terminal's clipboard with OSC 52 (works over SSH).
//! # Turn it off if your terminal does not support it.
//! osc52 = true
//!
//! # Save the journey file after each committed change.
//! autosave = false
//!
//! # What a new journey starts with.
//! [new]
//! rows = ["Need", "Touchpoints", "Message", "Organization", "Systems"]
//! phases = ["Orientation", "Purchase", "Delivery", "Use", "Service"]
//!
//! # Keys, per mode:
//! #   [keys.normal]  the grid
//! #   [keys.edit]    editing a cell
//! #   [keys.line]    the : command line and prompts
//! #   [keys.help]    the help screen
//! #   [keys.inbox]   the inbox panel (I)
//! #   [keys.place]   carrying an inbox note to its cell
//! #   [keys.list]    the insights list (L)
//! #   [keys.present] present mode (:present), one phase per screen
//! #   [keys.quit] [keys.recover] [keys.conflict] [keys.delete] [keys.open] [keys.take] [keys.unsaved]
//! #   [keys.unmerged]  the answers to jgrid's questions (see below)
//! # Each line is  "key" = "action"  and replaces what the key did in that
//! # mode; the action's other keys keep working. "none" takes a key away.
//! # One action per line: to give an action several keys, write several
//! # lines. The hints show an action's first key in this file.
//! #
//! # Keys: x  G  ?  $  :  space  enter  esc  tab  shift-tab  backspace
//! #   delete  insert  left  right  up  down  home  end  pageup  pagedown
//! #   f1 .. f12, with ctrl-, alt- and shift- in front (C-s, M-x and ctrl+s
//! #   work too). Names ignore case, single letters do not: "G" is shift-g.
//! # Actions:
//! #   normal: move-left move-right move-up move-down next-phase prev-phase
//! #           first-phase last-phase first-row last-row page-up page-down
//! #           edit append clear undo redo save quit help command-line
//! #           toggle-highlight next-finding prev-finding copy paste cut
//! #           search search-next search-prev zoom external-editor
//! #           add-phase insert-phase rename-phase delete-phase
//! #           move-phase-left move-phase-right add-row rename-row
//! #           move-row-up move-row-down edit-title edit-persona cancel
//! #           capture show-inbox raise-mood lower-mood show-insights
//! #           toggle-evidence resolve-conflict toggle-overview toggle-freeze
//! #           accept-finding new-opportunity show-plan
//! #   edit:   keep-edit abandon-edit keep-and-save
//! #   line:   complete submit cancel
//! #   help:   move-up move-down page-up page-down cancel
//! #   inbox:  move-up move-down first-row last-row pick-note delete-note
//! #           edit-note undo redo cancel
//! #   place:  the moving actions, drop-note cancel
//! #   list:   move-up move-down first-row last-row page-up page-down
//! #           submit unaccept opportunity edit-opportunity next-status
//! #           delete-opportunity cancel (the lists: insights, findings to
//! #           accept, accepted findings, the plan)
//! #   present: next-phase prev-phase page-down page-up first-phase
//! #           last-phase toggle-highlight cancel
//! #   quit:     save-and-quit quit-without-saving cancel
//! #   recover:  recover discard keep-for-later
//! #   conflict: overwrite reload save-as cancel
//! #   delete:   confirm-delete keep-it (keep-it is also any other key)
//! #   open:     open-anyway open-read-only take-over quit
//! #   take:     take-ours take-theirs take-both cancel
//! #   unmerged: use-merge quit-without-saving
//! # In edit and line mode a plain character always types itself, so bind
//! # named keys or keys with ctrl- or alt- there.
//!
//! [keys.normal]
//! "ctrl-w" = "save"
//! "F2" = "edit"
//! "x" = "none"          # x no longer clears a cell; Delete still does
//!
//! [keys.edit]
//! "ctrl-w" = "keep-and-save"
//! ```
//!
//! [`load`] never fails: every problem becomes a [`ConfigError`] with its
//! line and column, and that one entry keeps its default.

mod keys;
mod read;
#[cfg(test)]
mod tests;

use std::ffi::OsString;
use std::path::{Path, PathBuf};

pub use keys::{key_name, parse_key};

use crate::app::Action;
use crate::app::input::keymap::{Key, KeyMode, Keymap};
use crate::journey::{DEFAULT_PHASES, DEFAULT_ROWS};

/// The environment variable that names the config file.
pub const ENV: &str = "JGRID_CONFIG";

/// Every setting, with the defaults where the file says nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub theme: ThemeChoice,
    pub mouse: bool,
    /// Copy to the terminal clipboard with OSC 52.
    pub osc52: bool,
    /// Save the journey file after each committed change.
    pub autosave: bool,
    /// Rows of a new journey.
    pub new_rows: Vec<String>,
    /// Phases of a new journey.
    pub new_phases: Vec<String>,
    /// Key bindings in file order; `None` unbinds the key. For an action with
    /// several keys, the first one here is the one hints show.
    pub bindings: Vec<(KeyMode, Key, Option<Action>)>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            theme: ThemeChoice::Auto,
            mouse: true,
            osc52: true,
            autosave: false,
            new_rows: DEFAULT_ROWS.map(String::from).to_vec(),
            new_phases: DEFAULT_PHASES.map(String::from).to_vec(),
            bindings: Vec::new(),
        }
    }
}

impl Config {
    /// Add the bindings to a keymap. A key bound twice keeps its first
    /// binding, and an action's first key in the file comes first in
    /// `Keymap::keys_for`.
    pub fn apply(&self, keymap: &mut Keymap) {
        for &(mode, key, command) in self.bindings.iter().rev() {
            match command {
                Some(command) => keymap.bind(mode, key, command),
                None => keymap.unbind(mode, key),
            }
        }
    }

    /// The default keymap with this config's bindings applied.
    pub fn keymap(&self) -> Keymap {
        let mut keymap = Keymap::default();
        self.apply(&mut keymap);
        keymap
    }
}

/// The `theme` setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, strum::VariantArray)]
pub enum ThemeChoice {
    /// Colour, unless `NO_COLOR` is set.
    #[default]
    Auto,
    Color,
    Mono,
}

impl ThemeChoice {
    pub const ALL: &'static [ThemeChoice] = <ThemeChoice as strum::VariantArray>::VARIANTS;

    /// The name in the config file.
    pub fn name(self) -> &'static str {
        match self {
            ThemeChoice::Auto => "auto",
            ThemeChoice::Color => "color",
            ThemeChoice::Mono => "mono",
        }
    }

    /// Reads `auto`, `color` (or `colour`) and `mono`, in any case.
    pub fn from_name(name: &str) -> Option<Self> {
        match name.trim().to_ascii_lowercase().as_str() {
            "colour" => Some(ThemeChoice::Color),
            name => Self::ALL.iter().copied().find(|t| t.name() == name),
        }
    }
}

/// A problem in the config file, with its 1-based position. The entry it
/// concerns keeps its default.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{line}:{column}: {message}")]
pub struct ConfigError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl ConfigError {
    /// `PATH:LINE:COLUMN: message`, with control characters made visible.
    pub fn render(&self, path: &Path) -> String {
        crate::text::sanitize(&format!("{}:{self}", path.display())).into_owned()
    }
}

/// Where the config file is: `$JGRID_CONFIG` when set and not empty, else
/// `config.toml` in the platform's config directory (`None` when the
/// platform has no home directory).
pub fn path() -> Option<PathBuf> {
    path_from(std::env::var_os(ENV))
}

fn path_from(env: Option<OsString>) -> Option<PathBuf> {
    match env {
        Some(p) if !p.is_empty() => Some(PathBuf::from(p)),
        _ => directories::ProjectDirs::from("", "", "jgrid").map(|d| d.config_dir().join("config.toml")),
    }
}

/// Read the config file. Never fails: a missing file gives the defaults and
/// no errors; every problem is reported and only its entry keeps the
/// default (an unreadable or invalid file keeps all of them).
pub fn load(path: &Path) -> (Config, Vec<ConfigError>) {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (Config::default(), Vec::new()),
        Err(e) => {
            let message = format!("cannot read the config file ({e}); using the default settings");
            return (Config::default(), vec![ConfigError { line: 1, column: 1, message }]);
        }
    };
    match String::from_utf8(bytes) {
        Ok(text) => parse(&text),
        Err(e) => {
            let valid = String::from_utf8_lossy(&e.as_bytes()[..e.utf8_error().valid_up_to()]).into_owned();
            let (line, column) = crate::text::line_column(&valid, valid.len());
            let message = "the config file is not UTF-8 text; using the default settings".to_owned();
            (Config::default(), vec![ConfigError { line, column, message }])
        }
    }
}

/// Read config text; see [`load`].
pub fn parse(text: &str) -> (Config, Vec<ConfigError>) {
    read::parse(text)
}

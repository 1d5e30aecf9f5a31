//! The journey grid itself.

/// Rows a new journey starts with, in order.
pub const DEFAULT_ROWS: [&str; 5] = ["Need", "Touchpoints", "Message", "Organization", "Systems"];

/// Phases a new journey starts with, in order.
pub const DEFAULT_PHASES: [&str; 5] = ["Orientation", "Purchase", "Delivery", "Use", "Service"];

use super::shared::Shared;

/// One journey of one persona: phases are the columns, rows the aspects.
///
/// Invariant: every phase holds exactly one cell per row, in row order; an
/// empty string is an empty cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Journey {
    pub title: String,
    pub persona: String,
    rows: Vec<String>,
    /// The role given explicitly to each row (the file's `[roles]` table);
    /// a row without one plays its role by its name.
    row_roles: Vec<Option<Role>>,
    phases: Vec<Phase>,
    /// Check ids switched off for this journey (the file's `[checks] off`).
    pub checks_off: Vec<String>,
    /// Channels the organisation does not run (the file's `[checks] external`),
    /// as tags without `#`: they need no owner and no system.
    pub external: Vec<String>,
    /// The language of the journey's words (the file's `lang`); `None`: taken
    /// from the row names.
    pub lang: Option<Language>,
    /// Findings accepted on purpose, with a reason (the file's `[[accepted]]`).
    pub accepted: Vec<Acceptance>,
    /// Notes captured in an interview and not sorted into a cell yet (the
    /// file's `[[inbox]]`), in the order taken.
    pub inbox: Vec<Note>,
    /// Choices a merge left for a person (the file's `[[conflict]]`).
    pub unresolved: Vec<super::Unresolved>,
    /// The changes planned from the grid (the file's `[[opportunity]]`), titles all different.
    pub opportunities: Vec<super::Opportunity>,
    /// What a client may read instead of a source's name (the file's
    /// `[sources]`: `sara = "customer, 29, switched in March"`), by name without `@`.
    pub sources: std::collections::BTreeMap<String, String>,
    /// How the file ends its lines (kept when it is written back).
    pub line_ends: super::LineEnds,
    /// The rules of the portfolio the journey lies in (its folder's
    /// `jgrid.toml`): never saved with the journey, and not compared.
    pub shared: Shared,
}

/// The language a journey is written in: it picks the stemmer for topics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::VariantArray)]
pub enum Language {
    English,
    Dutch,
    Swedish,
}

impl Language {
    pub const ALL: &'static [Language] = <Language as strum::VariantArray>::VARIANTS;

    /// The code used in files: `en`, `nl`, `sv`.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Dutch => "nl",
            Language::Swedish => "sv",
        }
    }

    pub fn from_code(code: &str) -> Option<Language> {
        Language::ALL.iter().copied().find(|l| l.code() == code.trim().to_ascii_lowercase())
    }

    /// The language the row names are written in, if they say.
    pub fn of_row_name(name: &str) -> Option<Language> {
        Some(match name.trim().to_lowercase().as_str() {
            "need" | "needs" | "touchpoints" | "touchpoint" | "message" | "messages" | "organization" | "systems" => {
                Language::English
            }
            "behoefte" | "behoeften" | "contactpunten" | "contactpunt" | "boodschap" | "boodschappen"
            | "organisatie" | "systemen" | "systeem" => Language::Dutch,
            "behov" | "kontaktpunkter" | "kontaktpunkt" | "budskap" => Language::Swedish,
            _ => return None,
        })
    }
}

/// A finding accepted on purpose. It is matched by these fields, never by
/// position, so it survives reordering phases and rows.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default, serde::Serialize, serde::Deserialize)]
pub struct Acceptance {
    /// The check id, e.g. `channel-without-owner`.
    pub check: String,
    /// The phase name.
    pub phase: String,
    /// The row names, in row order.
    pub rows: Vec<String>,
    /// The tag or topic the finding is about, where the check has one.
    pub subject: Option<String>,
    /// Why it is accepted (may be empty).
    pub reason: String,
}

/// A note captured during an interview, waiting in the inbox to be sorted into a cell.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Note {
    pub text: String,
    /// Who said it: a source name without `@`.
    pub source: Option<String>,
    /// When it was taken, RFC 3339 (jgrid writes UTC, `2026-12-01T14:03:12Z`).
    pub at: String,
}

/// The part a row plays in the grid, which the checks reason about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, strum::VariantArray)]
pub enum Role {
    Need,
    Touchpoints,
    Message,
    Organization,
    Systems,
}

impl Role {
    pub const ALL: &'static [Role] = <Role as strum::VariantArray>::VARIANTS;

    /// The id used in files: `need`, `touchpoints`, `message`, `organization`, `systems`.
    pub fn id(self) -> &'static str {
        match self {
            Role::Need => "need",
            Role::Touchpoints => "touchpoints",
            Role::Message => "message",
            Role::Organization => "organization",
            Role::Systems => "systems",
        }
    }

    pub fn from_id(id: &str) -> Option<Role> {
        Role::ALL.iter().copied().find(|r| r.id() == id)
    }

    /// The role a row plays by its name, in English, Dutch or Swedish, ignoring case.
    pub fn from_row_name(name: &str) -> Option<Role> {
        let n = name.trim().to_lowercase();
        Some(match n.as_str() {
            "need" | "needs" | "behoefte" | "behoeften" | "behov" => Role::Need,
            "touchpoints" | "touchpoint" | "contactpunten" | "contactpunt" | "kontaktpunkter" | "kontaktpunkt" => {
                Role::Touchpoints
            }
            "message" | "messages" | "boodschap" | "boodschappen" | "budskap" => Role::Message,
            "organization" | "organisation" | "organisatie" => Role::Organization,
            "systems" | "system" | "systemen" | "systeem" => Role::Systems,
            _ => return None,
        })
    }
}

/// One column of the grid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phase {
    pub name: String,
    /// The customer's mood in this phase, -2..=2; `None` when unknown.
    pub mood: Option<i8>,
    /// Each interviewee's mood in this phase (the file's `[phase.moods]`),
    /// by source name in lower case without `@`, -2..=2 each.
    pub moods: std::collections::BTreeMap<String, i8>,
    cells: Vec<String>,
}

/// A source name as `[phase.moods]` keys it: lower case, without `@`.
pub fn source_key(source: &str) -> String {
    source.trim().trim_start_matches('@').to_lowercase()
}

/// The lowest and highest mood a phase can have.
pub const MOOD_RANGE: std::ops::RangeInclusive<i8> = -2..=2;

/// The position of one cell: phase (column) and row, both 0-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, serde::Serialize, serde::Deserialize)]
pub struct CellRef {
    pub phase: usize,
    pub row: usize,
}

impl CellRef {
    pub const fn new(phase: usize, row: usize) -> Self {
        Self { phase, row }
    }
}

impl Phase {
    /// The cells of this phase in row order.
    pub fn cells(&self) -> &[String] {
        &self.cells
    }

    /// The mood of `source` (any case, with or without `@`) in this phase.
    pub fn mood_of(&self, source: &str) -> Option<i8> {
        self.moods.get(&source_key(source)).copied()
    }

    /// True when no cell of this phase holds text.
    pub fn is_empty(&self) -> bool {
        self.cells.iter().all(String::is_empty)
    }
}

impl Default for Journey {
    fn default() -> Self {
        Self::new("", "", DEFAULT_ROWS, DEFAULT_PHASES)
    }
}

impl Journey {
    /// A journey with the given rows and phases and no text in any cell.
    /// Names are taken as given; the format layer rejects duplicates.
    pub fn new<R, P>(title: &str, persona: &str, rows: R, phases: P) -> Self
    where
        R: IntoIterator,
        R::Item: Into<String>,
        P: IntoIterator,
        P::Item: Into<String>,
    {
        let rows: Vec<String> = rows.into_iter().map(Into::into).collect();
        let phases = phases
            .into_iter()
            .map(|name| Phase {
                name: name.into(),
                mood: None,
                moods: Default::default(),
                cells: vec![String::new(); rows.len()],
            })
            .collect();
        Self {
            title: title.to_owned(),
            persona: persona.to_owned(),
            row_roles: vec![None; rows.len()],
            rows,
            phases,
            checks_off: Vec::new(),
            external: Vec::new(),
            lang: None,
            accepted: Vec::new(),
            inbox: Vec::new(),
            unresolved: Vec::new(),
            opportunities: Vec::new(),
            sources: std::collections::BTreeMap::new(),
            line_ends: super::LineEnds::Lf,
            shared: Shared::default(),
        }
    }

    pub fn rows(&self) -> &[String] {
        &self.rows
    }

    pub fn phases(&self) -> &[Phase] {
        &self.phases
    }

    pub fn row_count(&self) -> usize {
        self.rows.len()
    }

    pub fn phase_count(&self) -> usize {
        self.phases.len()
    }

    /// The text of a cell; "" for an empty cell or a position outside the grid.
    pub fn cell(&self, at: CellRef) -> &str {
        self.phases.get(at.phase).and_then(|p| p.cells.get(at.row)).map_or("", String::as_str)
    }

    pub fn contains(&self, at: CellRef) -> bool {
        at.phase < self.phases.len() && at.row < self.rows.len()
    }

    /// Index of the row with this exact name.
    pub fn row_index(&self, name: &str) -> Option<usize> {
        self.rows.iter().position(|r| r == name)
    }

    /// The role of a row: the one given explicitly, else the one its name implies.
    pub fn role_of(&self, row: usize) -> Option<Role> {
        let name = self.rows.get(row)?;
        self.explicit_role(row).or_else(|| Role::from_row_name(name))
    }

    /// The role given explicitly to a row (by `[roles]`), if any.
    pub fn explicit_role(&self, row: usize) -> Option<Role> {
        self.row_roles.get(row).copied().flatten()
    }

    /// Give a row a role explicitly (`None` removes it). For building a
    /// journey; edits that should be undoable use `Change::SetRole`.
    pub fn set_explicit_role(&mut self, row: usize, role: Option<Role>) {
        if let Some(slot) = self.row_roles.get_mut(row) {
            *slot = role;
        }
    }

    /// The first row playing this role.
    pub fn row_with_role(&self, role: Role) -> Option<usize> {
        (0..self.rows.len()).find(|&r| self.role_of(r) == Some(role))
    }

    /// Index of the phase with this exact name.
    pub fn phase_index(&self, name: &str) -> Option<usize> {
        self.phases.iter().position(|p| p.name == name)
    }

    /// Number of cells holding text.
    pub fn filled_cells(&self) -> usize {
        self.phases.iter().flat_map(|p| &p.cells).filter(|c| !c.is_empty()).count()
    }

    // Raw mutators used by `Change::apply`, which checks positions first.

    pub(super) fn cell_mut(&mut self, at: CellRef) -> &mut String {
        &mut self.phases[at.phase].cells[at.row]
    }

    pub(super) fn phases_mut(&mut self) -> &mut Vec<Phase> {
        &mut self.phases
    }

    pub(super) fn rows_mut(&mut self) -> &mut Vec<String> {
        &mut self.rows
    }

    pub(super) fn insert_row_raw(&mut self, at: usize, name: String, role: Option<Role>, cells: Vec<String>) {
        self.rows.insert(at, name);
        self.row_roles.insert(at, role);
        for (phase, text) in self.phases.iter_mut().zip(cells) {
            phase.cells.insert(at, text);
        }
    }

    pub(super) fn remove_row_raw(&mut self, at: usize) -> (String, Option<Role>, Vec<String>) {
        let name = self.rows.remove(at);
        let role = self.row_roles.remove(at);
        let cells = self.phases.iter_mut().map(|p| p.cells.remove(at)).collect();
        (name, role, cells)
    }

    pub(super) fn new_phase(&self, name: String, mood: Option<i8>, cells: Vec<String>) -> Phase {
        let mut cells = cells;
        cells.resize(self.rows.len(), String::new());
        Phase { name, mood, moods: Default::default(), cells }
    }

    /// The language of the journey: its `lang`, else the language most of
    /// its row names are in, else English.
    pub fn language(&self) -> Language {
        if let Some(lang) = self.lang {
            return lang;
        }
        let mut votes = [0usize; 3];
        for row in &self.rows {
            if let Some(l) = Language::of_row_name(row) {
                votes[Language::ALL.iter().position(|x| *x == l).unwrap_or(0)] += 1;
            }
        }
        let best = (0..3).max_by_key(|&i| (votes[i], std::cmp::Reverse(i))).unwrap_or(0);
        Language::ALL[best]
    }

    /// True when a tag (with or without `#`) names a channel the organisation
    /// does not run: the journey's own `[checks] external`, or its
    /// portfolio's (where an alias of an external channel is external too).
    pub fn is_external(&self, tag: &str) -> bool {
        let tag = tag.trim_start_matches('#');
        if self.external.iter().any(|e| e.trim_start_matches('#').to_lowercase() == tag.to_lowercase()) {
            return true;
        }
        let Some(rules) = self.shared.rules().filter(|r| !r.external.is_empty()) else { return false };
        let channel = rules.channel(tag).to_lowercase();
        rules.external.iter().any(|e| rules.channel(e).to_lowercase() == channel)
    }

    /// True when this check is switched off for the journey: by its own
    /// `[checks] off`, or by its portfolio's.
    pub fn is_off(&self, id: &str) -> bool {
        let shared = self.shared.rules().map_or(&[][..], |r| r.checks_off.as_slice());
        self.checks_off.iter().chain(shared).any(|off| off.trim() == id)
    }
}

//! Command-line interface: the editor, and subcommands for scripts and shells.

use std::path::PathBuf;

use clap::{Parser, ValueEnum};

use crate::export::ExportTarget;

/// jgrid: a fast, keyboard-driven terminal editor for Customer Journey Grids.
///
/// Opens FILE (a journey in TOML format 1) in the terminal. A FILE that does
/// not exist starts a new journey that is written on the first save; with no
/// FILE, jgrid starts an untitled journey and asks for a path when saving.
/// Press ? inside jgrid for every key.
#[derive(Debug, Parser)]
#[command(name = "jgrid", version, about, long_about, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// The journey file to open or create
    pub file: Option<PathBuf>,

    /// List recovery files (unsaved changes kept after a crash, hang-up or kill) and exit
    #[arg(long)]
    pub recover_list: bool,

    /// Print where jgrid reads its config file and exit
    #[arg(long)]
    pub print_config_path: bool,

    /// Who is speaking (an interview): new lines and captured notes get @NAME
    #[arg(long, value_name = "NAME")]
    pub source: Option<String>,

    #[command(subcommand)]
    pub subcommand: Option<Subcommand>,
}

/// What `jgrid SUBCOMMAND` does instead of opening the editor.
#[derive(Debug, clap::Subcommand)]
#[command(defer = true)]
pub enum Subcommand {
    /// Check journeys for gaps and discrepancies; a folder is a portfolio: every journey under it,
    /// and the checks across them (exit 0: none open, 1: findings, 2: a file cannot be read)
    Check {
        /// Journey files, or folders of journeys, to check
        #[arg(required_unless_present = "staged", value_name = "FILE|DIR")]
        files: Vec<PathBuf>,
        /// Output format
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
        /// Also list the accepted findings, marked as accepted with their reason
        #[arg(long)]
        all: bool,
        /// Only merge conflicts (jgrid's, and git's markers in a file that does not load): exit 0
        /// none, 1 some, 2 a file cannot be read. For CI and the pre-commit hook
        #[arg(long, conflicts_with = "all")]
        conflicts: bool,
        /// With --conflicts: the journeys staged for the next commit (git's index), not FILES
        #[arg(long, requires = "conflicts", conflicts_with = "files")]
        staged: bool,
    },
    /// Export a journey as Markdown, CSV, HTML, Mermaid or JSON (to stdout unless -o), or as an
    /// Excel workbook (xlsx, with -o): the grid, the findings and the plan on their own sheets
    Export {
        /// The journey file
        file: PathBuf,
        /// The format to write
        #[arg(long = "to", value_name = "markdown|csv|html|mermaid|json|xlsx")]
        to: ExportTarget,
        /// Write to this file instead of stdout
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Only this source's lines (and lines with no source), as `:only @NAME` shows them
        #[arg(long, value_name = "NAME")]
        only: Option<String>,
    },
    /// Read a grid from CSV (as exported, or from a spreadsheet) and write a journey file
    Import {
        /// The CSV file: a header of `row` plus phase names, then one line per row
        table: PathBuf,
        /// The journey file to write (must not exist)
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Write a fresh journey file (refuses to overwrite an existing one)
    New {
        /// The journey file to create
        file: PathBuf,
        #[arg(long, default_value = "")]
        title: String,
        #[arg(long, default_value = "")]
        persona: String,
        /// Comma-separated phase names, e.g. "Orientation,Purchase,Use"
        #[arg(long)]
        phases: Option<String>,
        /// Language of the row names
        #[arg(long, value_enum, default_value_t = Lang::En)]
        lang: Lang,
    },
    /// Append a line to a cell, for a quick note from a shell
    Add {
        /// The journey file
        file: PathBuf,
        /// Phase name (any case, a unique prefix is enough) or number (1 is the first)
        #[arg(long)]
        phase: String,
        /// Row name (any case, a unique prefix is enough) or number (1 is the first)
        #[arg(long)]
        row: String,
        /// Who said it: each added line that names no source gets @NAME
        #[arg(long, value_name = "NAME")]
        source: Option<String>,
        /// The note; `-` reads it from standard input
        #[arg(required = true)]
        text: Vec<String>,
    },
    /// Merge two versions of a journey with their common base, cell by cell: git's merge driver
    /// (`jgrid merge %O %A %B`). Exit 0: merged cleanly, 1: conflicts left in the result (marked
    /// in the cells), 2: an input cannot be read (OURS is then left as it was)
    Merge {
        /// The common ancestor (git's %O)
        base: PathBuf,
        /// Our version (git's %A); the result is written here unless -o is given
        ours: PathBuf,
        /// Their version (git's %B)
        theirs: PathBuf,
        /// Write the result to this file instead of OURS
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// The word after <<<<<<< in a conflict
        #[arg(long, default_value = "ours", value_name = "L")]
        label_ours: String,
        /// The word after >>>>>>> in a conflict
        #[arg(long, default_value = "theirs", value_name = "L")]
        label_theirs: String,
        /// The word after ||||||| in a conflict (diff3 style)
        #[arg(long, default_value = "base", value_name = "L")]
        label_base: String,
        /// merge: ours and theirs; diff3: the base too; zdiff3: as diff3, shared lines moved out
        /// (default: git's merge.conflictStyle)
        #[arg(long, value_enum, value_name = "STYLE")]
        conflict_style: Option<ConflictStyleArg>,
        /// The file's path in the repository, for messages (git's %P)
        #[arg(long, value_name = "PATH")]
        path: Option<String>,
    },
    /// Merge a journey that git merged line by line (it holds git's conflict markers and does not
    /// load) cell by cell, from git's index stages or its markers; --take resolves every conflict
    /// (exit 0: no conflict left, 1: conflicts left, marked in the file, 2: nothing written)
    Resolve {
        /// The conflicted journey file
        file: PathBuf,
        /// Take this side in every conflict left (also in a journey that loads)
        #[arg(long, value_enum, value_name = "SIDE")]
        take: Option<TakeSide>,
    },
    /// Show what changed between two journeys, cell by cell (exit 0: the same, 1: different, 2: a
    /// file cannot be read). Given git's seven arguments (nine for a rename or copy) it is git's
    /// external diff (always exit 0)
    Diff {
        /// OLD NEW, or git's PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE [NEW-PATH HEADER]
        #[arg(required = true, num_args = 2..=9, value_name = "OLD NEW")]
        files: Vec<PathBuf>,
        /// Output format
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
    },
    /// Make git in this repository merge and diff journeys with jgrid: writes the .gitattributes
    /// line and the repository's git config for both drivers, and with --hook a pre-commit hook
    /// (safe to run again)
    GitSetup {
        /// Which files are journeys, as a .gitattributes pattern (a * does not match /:
        /// "journeys/**/*.toml" covers subfolders)
        #[arg(default_value = "*.toml")]
        pattern: String,
        /// Also install a pre-commit hook that refuses to commit a journey with merge conflicts
        #[arg(long)]
        hook: bool,
        /// Name jgrid in git's config by its absolute path, even when jgrid is on PATH
        #[arg(long)]
        absolute_path: bool,
    },
    /// Write the report for the client: mood per phase, pains ranked by sources, opportunities,
    /// open questions, quotes, open findings and unbacked cells (to stdout unless -o)
    Report {
        /// The journey file
        file: PathBuf,
        /// Output format (html: only for the client)
        #[arg(long, value_enum, default_value_t = ReportFormat::Markdown)]
        format: ReportFormat,
        /// Who reads it: the team (findings, sources by name) or the client (no tool jargon,
        /// interviewees anonymised, the plan by quadrant)
        #[arg(long = "for", value_enum, default_value_t = Audience::Team)]
        audience: Audience,
        /// Write to this file instead of stdout
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Only this source's lines (and lines with no source), as `:only @NAME` shows them
        #[arg(long, value_name = "NAME")]
        only: Option<String>,
    },
    /// The plan: the opportunities of one or more journeys ranked by quadrant (low-hanging fruit,
    /// hot issues, fill-ins, not now, unscored), value and evidence (to stdout unless -o)
    Plan {
        /// The journey files
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Output format: markdown for people, csv for an issue tracker's import, json for scripts
        #[arg(long, value_enum, default_value_t = PlanFormat::Markdown)]
        format: PlanFormat,
        /// Write to this file instead of stdout
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// The organisation's blueprint from a folder of journeys: every channel with the teams that own
    /// it and the systems that serve it, and where; then the walls between teams and between
    /// systems, most frequent first (to stdout unless -o; exit 2 when a journey cannot be read)
    Blueprint {
        /// The folder of journeys (a portfolio; its jgrid.toml applies)
        dir: PathBuf,
        /// Output format
        #[arg(long, value_enum, default_value_t = BlueprintFormat::Markdown)]
        format: BlueprintFormat,
        /// Write to this file instead of stdout
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// A static website of a folder of journeys for stakeholders: the journeys, the findings
    /// across them, the blueprint, the walls and one page per journey (relative links, no scripts)
    Site {
        /// The folder of journeys (a portfolio; its jgrid.toml applies)
        dir: PathBuf,
        /// The folder to write the site to: new, empty, or an earlier jgrid site (replaced)
        #[arg(short, long, required = true)]
        output: PathBuf,
    },
    /// Print a shell completion script
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page jgrid(1) (roff), or write it and a page per subcommand (jgrid-check(1), …) into DIR
    Man {
        /// Write jgrid.1 and jgrid-SUBCOMMAND.1 into this folder instead of printing jgrid.1
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Text,
    Json,
}

/// Which side `jgrid resolve --take` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TakeSide {
    Ours,
    Theirs,
    /// Ours, then the lines theirs adds
    Both,
}

impl TakeSide {
    pub fn side(self) -> crate::merge::Side {
        match self {
            TakeSide::Ours => crate::merge::Side::Ours,
            TakeSide::Theirs => crate::merge::Side::Theirs,
            TakeSide::Both => crate::merge::Side::Both,
        }
    }
}

/// How `jgrid merge` writes conflicts (git's `merge.conflictStyle`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ConflictStyleArg {
    Merge,
    Diff3,
    Zdiff3,
}

impl ConflictStyleArg {
    pub fn style(self) -> crate::merge::ConflictStyle {
        match self {
            ConflictStyleArg::Merge => crate::merge::ConflictStyle::Merge,
            ConflictStyleArg::Diff3 => crate::merge::ConflictStyle::Diff3,
            ConflictStyleArg::Zdiff3 => crate::merge::ConflictStyle::Zdiff3,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BlueprintFormat {
    Markdown,
    Csv,
    Json,
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Markdown,
    Json,
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Audience {
    Team,
    Client,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PlanFormat {
    Markdown,
    Csv,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    En,
    Nl,
    Sv,
}

impl Lang {
    /// Row names and phase names of a new journey in this language.
    pub fn defaults(self) -> ([&'static str; 5], [&'static str; 5]) {
        match self {
            Lang::En => (crate::journey::DEFAULT_ROWS, crate::journey::DEFAULT_PHASES),
            Lang::Nl => (
                ["Behoefte", "Contactpunten", "Boodschap", "Organisatie", "Systemen"],
                ["Oriëntatie", "Aankoop", "Levering", "Gebruik", "Service"],
            ),
            Lang::Sv => (
                ["Behov", "Kontaktpunkter", "Budskap", "Organisation", "System"],
                ["Orientering", "Köp", "Leverans", "Användning", "Service"],
            ),
        }
    }
}

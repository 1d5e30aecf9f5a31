use std::io::IsTerminal as _;
use std::process::ExitCode;

use clap::Parser as _;

use jgrid::app::{App, Msg, Settings, update};
use jgrid::cli::Cli;
use jgrid::config::{self, Config};
use jgrid::journey::Journey;
use jgrid::shell::{self, Exit};
use jgrid::startup;
use jgrid::stdout::StdoutError;
use jgrid::subcommands::CliError;
use jgrid::text::sanitize;

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(subcommand) = cli.subcommand {
        return finished(jgrid::subcommands::run(subcommand));
    }
    if cli.recover_list {
        return finished(startup::recover_list().map(|()| ExitCode::SUCCESS));
    }
    let config_path = config::path();
    if cli.print_config_path {
        return finished(startup::print_config_path(config_path.as_deref()));
    }
    let (config, config_errors) = match &config_path {
        Some(p) => config::load(p),
        None => (Config::default(), Vec::new()),
    };
    if !std::io::stdin().is_terminal() || !stdout_is_terminal() {
        // Still read the file first, so a broken one is reported as such.
        if let Some(path) = cli.file.as_deref().filter(|p| !p.is_dir())
            && let Err(e) = jgrid::store::load(path)
            && !matches!(e, jgrid::store::LoadError::NotFound)
        {
            return fail(&startup::load_error(path, &e));
        }
        return fail("the editor needs a terminal (stdin and stdout must be a terminal)");
    }
    // Never a full-screen escape stream on a terminal that would print it as text.
    if let Some(why) = jgrid::terminfo::cannot_draw(std::env::var("TERM").ok().as_deref()) {
        return fail(&why);
    }
    let source = match cli.source.as_deref().map(|s| s.trim().trim_start_matches('@')) {
        Some(name) if !jgrid::journey::is_source_name(name) => {
            return fail(&format!(
                "--source needs a name of letters, digits, - and _ (for example --source sara), not \"{name}\""
            ));
        }
        other => other.map(str::to_owned),
    };
    let settings = Settings { mouse: config.mouse, osc52: config.osc52, autosave: config.autosave };
    if let Some(dir) = cli.file.clone().filter(|p| p.is_dir()) {
        // A folder is a portfolio: its list of journeys, each opened in the editor.
        let opener = jgrid::portfolio_shell::Opener { config: &config, settings, source };
        return match jgrid::portfolio_shell::run(dir, jgrid::ui::theme::Theme::chosen(config.theme), &opener) {
            Ok(Exit::HandedOver) => {
                eprintln!(
                    "jgrid: another jgrid took the journey over; what was unsaved here is in the recovery file it offers"
                );
                ExitCode::SUCCESS
            }
            Ok(exit) => exit_code(exit),
            Err(e) => fail(&format!("{e:#}")),
        };
    }
    let fresh = Journey::new("", "", config.new_rows.clone(), config.new_phases.clone());
    let started = match startup::open(cli.file.as_deref(), fresh, config.keymap(), settings, source) {
        Ok(started) => started,
        Err(message) => return fail(&message),
    };
    let mut app = App::open(started.opening);
    for notice in started.notices {
        update(&mut app, notice);
    }
    if let (Some(first), Some(path)) = (config_errors.first(), &config_path) {
        let more = match config_errors.len() {
            1 => String::new(),
            n => format!(" (+{} more; jgrid uses the defaults there)", n - 1),
        };
        update(&mut app, Msg::Notice { text: format!("Config: {}{more}", first.render(path)), error: true });
    }
    update(&mut app, started.opened);
    match shell::run(app, jgrid::ui::theme::Theme::chosen(config.theme), started.session) {
        Ok(exit) => exit_code(exit),
        Err(e) => fail(&format!("{e:#}")),
    }
}

fn exit_code(exit: Exit) -> ExitCode {
    match exit {
        Exit::Quit | Exit::HandedOver => ExitCode::SUCCESS,
        Exit::Signal(signal) => ExitCode::from(128u8.saturating_add(signal as u8)),
        Exit::Crashed => ExitCode::from(101),
    }
}

/// True when standard output is a terminal (the editor needs one). Only
/// asked, never written to: the editor writes through src/term.rs.
#[allow(clippy::disallowed_methods)]
fn stdout_is_terminal() -> bool {
    std::io::stdout().is_terminal()
}

/// The exit status of a command that prints: its own, or 2 with its error
/// said. A reader that closed the pipe (`| head -1`) ends it quietly, as
/// grep and ripgrep do.
fn finished(outcome: Result<ExitCode, CliError>) -> ExitCode {
    match outcome {
        Ok(code) => code,
        Err(CliError::Stdout(StdoutError::Closed)) => ExitCode::SUCCESS,
        Err(e) => fail(&e.to_string()),
    }
}

/// Print `jgrid: message` (control characters made visible) and return exit status 2.
fn fail(message: &str) -> ExitCode {
    eprintln!("jgrid: {}", sanitize(message));
    ExitCode::from(2)
}

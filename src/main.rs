use std::io::IsTerminal as _;
use std::process::ExitCode;

use clap::Parser as _;

use jgrid::app::{App, Msg, Settings, update};
use jgrid::cli::Cli;
use jgrid::config::{self, Config};
use jgrid::journey::Journey;
use jgrid::shell::{self, Exit};
use jgrid::startup;
use jgrid::text::sanitize;

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(subcommand) = cli.subcommand {
        return match jgrid::subcommands::run(subcommand) {
            Ok(code) => code,
            Err(e) => fail(&e.to_string()),
        };
    }
    if cli.recover_list {
        return match startup::recover_list() {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(&e),
        };
    }
    let config_path = config::path();
    if cli.print_config_path {
        match &config_path {
            Some(p) => println!("{}", p.display()),
            None => println!("(no config directory on this system; set JGRID_CONFIG)"),
        }
        return ExitCode::SUCCESS;
    }
    let (config, config_errors) = match &config_path {
        Some(p) => config::load(p),
        None => (Config::default(), Vec::new()),
    };
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        // Still read the file first, so a broken one is reported as such.
        if let Some(path) = cli.file.as_deref()
            && let Err(e) = jgrid::store::load(path)
            && !matches!(e, jgrid::store::LoadError::NotFound)
        {
            return fail(&e.render(path));
        }
        return fail("the editor needs a terminal (stdin and stdout must be a terminal)");
    }
    let source = match cli.source.as_deref().map(|s| s.trim().trim_start_matches('@')) {
        Some(name) if !jgrid::journey::is_source_name(name) => {
            return fail(&format!(
                "--source needs a name of letters, digits, - and _ (for example --source sara), not \"{name}\""
            ));
        }
        other => other.map(str::to_owned),
    };
    let fresh = Journey::new("", "", config.new_rows.clone(), config.new_phases.clone());
    let settings = Settings { mouse: config.mouse, osc52: config.osc52, autosave: config.autosave };
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
    match shell::run(app, config.theme(), started.session) {
        Ok(Exit::Quit) => ExitCode::SUCCESS,
        Ok(Exit::Signal(signal)) => ExitCode::from(128u8.saturating_add(signal as u8)),
        Ok(Exit::Crashed) => ExitCode::from(101),
        Err(e) => fail(&format!("{e:#}")),
    }
}

/// Print `jgrid: message` (control characters made visible) and return exit status 2.
fn fail(message: &str) -> ExitCode {
    eprintln!("jgrid: {}", sanitize(message));
    ExitCode::from(2)
}

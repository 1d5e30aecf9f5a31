use std::io::IsTerminal as _;
use std::path::Path;
use std::process::ExitCode;

use clap::Parser as _;

use jgrid::app::{App, History, Mode, Settings};
use jgrid::cli::Cli;
use jgrid::config::{self, Config};
use jgrid::journey::Journey;
use jgrid::recovery::{self, RecoveryTarget};
use jgrid::shell::{self, Exit};
use jgrid::store::{self, LoadError};

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(command) = cli.command {
        return jgrid::commands::run(command);
    }
    if cli.recover_list {
        return recover_list();
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
    let mut app = match open(cli.file.as_deref(), &config) {
        Ok(app) => app,
        Err(message) => {
            eprintln!("jgrid: {message}");
            return ExitCode::from(2);
        }
    };
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        eprintln!("jgrid: the editor needs a terminal (stdin and stdout must be a terminal)");
        return ExitCode::from(2);
    }
    app.keymap = config.keymap();
    app.settings = Settings { mouse: config.mouse, osc52: config.osc52, autosave: config.autosave };
    if let (Some(first), Some(path)) = (config_errors.first(), &config_path) {
        let more = match config_errors.len() {
            1 => String::new(),
            n => format!(" (+{} more; jgrid uses the defaults there)", n - 1),
        };
        app.error(format!("Config: {}{more}", first.render(path)));
    }
    offer_recovery(&mut app);
    match shell::run(app, config.theme()) {
        Ok(Exit::Quit) => ExitCode::SUCCESS,
        Ok(Exit::Signal(signal)) => ExitCode::from(128u8.saturating_add(signal as u8)),
        Ok(Exit::Crashed) => ExitCode::from(101),
        Err(e) => {
            eprintln!("jgrid: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// Load the journey (or start a new one) without touching the terminal.
fn open(path: Option<&Path>, config: &Config) -> Result<App, String> {
    let fresh = || Journey::new("", "", config.new_rows.clone(), config.new_phases.clone());
    let Some(path) = path else {
        let mut app = App::new(fresh(), None, History::unsaved());
        app.recovery = RecoveryTarget::for_path(None);
        return Ok(app);
    };
    let mut app = match store::load_with_hash(path) {
        Ok((journey, hash)) => {
            let mut app = App::new(journey, Some(path.to_path_buf()), History::saved());
            app.disk_hash = Some(hash);
            let size = std::fs::metadata(path).map_or(0, |m| m.len());
            if size > 5 << 20 {
                app.info(format!("This journey is large ({} MB); saving may take a moment", size >> 20));
            }
            app
        }
        Err(LoadError::NotFound) => {
            let mut app = App::new(fresh(), Some(path.to_path_buf()), History::saved());
            app.new_file = true;
            app.info(format!("New journey: {} is written on the first save (Ctrl-s)", path.display()));
            app
        }
        Err(e) => return Err(e.render(path)),
    };
    app.recovery = RecoveryTarget::for_path(Some(path));
    Ok(app)
}

/// When a recovery file holds changes this journey does not have, ask first.
fn offer_recovery(app: &mut App) {
    let Some(target) = &app.recovery else { return };
    if !target.file.exists() {
        return;
    }
    match recovery::read(&target.file) {
        Some(found) if found.editing.is_some() || found.journey().as_ref() != Some(&app.journey) => {
            app.mode = Mode::Recover(Box::new(found));
        }
        Some(_) => {
            // Nothing in it that the file does not have.
            let _ = recovery::remove(&target.file);
        }
        None => app.error(format!(
            "A recovery file for this journey could not be read; it was left at {}",
            target.file.display()
        )),
    }
}

fn recover_list() -> ExitCode {
    let Some(dir) = recovery::dir() else {
        eprintln!("jgrid: no data directory for recovery files on this system");
        return ExitCode::from(2);
    };
    let found = recovery::list(&dir);
    let kept = recovery::kept(&dir);
    if found.is_empty() && kept.is_empty() {
        println!("No recovery files in {}", dir.display());
        return ExitCode::SUCCESS;
    }
    if !found.is_empty() {
        println!("Unsaved changes (start jgrid on the journey to recover them):");
    }
    for (file, r) in found {
        let journey = if r.journey_path.is_empty() { "(untitled journey)" } else { r.journey_path.as_str() };
        let typing = if r.editing.is_some() { ", with a note being typed" } else { "" };
        println!("  {}  {journey}{typing}", recovery::format_time(r.written));
        println!("      {}", file.display());
    }
    if !kept.is_empty() {
        println!("Changes set aside when a journey was reloaded (open them with jgrid FILE):");
    }
    for file in kept {
        println!("  {}", file.display());
    }
    ExitCode::SUCCESS
}

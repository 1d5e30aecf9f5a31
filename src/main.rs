use std::io::IsTerminal as _;
use std::process::ExitCode;

use clap::Parser as _;

use jgrid::app::{App, History};
use jgrid::cli::Cli;
use jgrid::journey::Journey;
use jgrid::shell::{self, Exit};
use jgrid::store::{self, LoadError};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let app = match &cli.file {
        None => App::new(Journey::default(), None, History::unsaved()),
        Some(path) => match store::load(path) {
            Ok(journey) => App::new(journey, Some(path.clone()), History::saved()),
            Err(LoadError::NotFound) => {
                let mut app = App::new(Journey::default(), Some(path.clone()), History::saved());
                app.new_file = true;
                app.info(format!("New journey: {} is written on the first save (Ctrl-s)", path.display()));
                app
            }
            Err(e) => {
                eprintln!("jgrid: {}", e.render(path));
                return ExitCode::from(2);
            }
        },
    };
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        eprintln!("jgrid: the editor needs a terminal (stdin and stdout must be a terminal)");
        return ExitCode::from(2);
    }
    match shell::run(app) {
        Ok(Exit::Quit) => ExitCode::SUCCESS,
        Ok(Exit::Signal(signal)) => ExitCode::from(128 + signal as u8),
        Err(e) => {
            eprintln!("jgrid: {e:#}");
            ExitCode::FAILURE
        }
    }
}

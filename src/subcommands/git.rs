//! Running git for the subcommands that work in a repository.

use std::path::Path;
use std::process::Command;

/// Run git with these arguments in `dir`: its stdout, or what went wrong.
pub fn run(dir: &Path, args: &[&str]) -> Result<Vec<u8>, String> {
    let out = Command::new("git").arg("-C").arg(dir).args(args).output().map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => "git is not installed (or not on PATH)".to_owned(),
        _ => format!("cannot run git: {e}"),
    })?;
    if out.status.success() { Ok(out.stdout) } else { Err(String::from_utf8_lossy(&out.stderr).trim().to_owned()) }
}

/// Run git; its stdout as text without the last newline.
pub fn text(dir: &Path, args: &[&str]) -> Result<String, String> {
    run(dir, args).map(|out| String::from_utf8_lossy(&out).trim_end_matches('\n').to_owned())
}

/// The top of the working tree that holds `dir`.
pub fn top(dir: &Path) -> Result<std::path::PathBuf, String> {
    match text(dir, &["rev-parse", "--show-toplevel"]) {
        Ok(top) if !top.is_empty() => Ok(top.into()),
        Ok(_) => Err("this folder is not inside a git repository's working tree".into()),
        Err(e) => Err(format!("not inside a git repository ({e})")),
    }
}

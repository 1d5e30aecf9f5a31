//! `jgrid git-setup [PATTERN]`: make git in this repository merge and diff
//! journeys with jgrid.
//!
//! Writes `PATTERN merge=jgrid diff=jgrid` into the `.gitattributes` at the
//! top of the repository (kept as it is otherwise; the line is added once),
//! and sets `merge.jgrid.name`, `merge.jgrid.driver` and `diff.jgrid.command`
//! in the repository's own git config. Running it again changes nothing.
//!
//! The drivers name jgrid by the absolute path of the program running now,
//! not by `jgrid` on PATH: git runs drivers through `sh` with the PATH of
//! whatever started git (an editor, a GUI client, a hook), which often lacks
//! `~/.cargo/bin`, and a driver git cannot find makes every merge of a
//! journey a conflict. The repository's config belongs to this clone on this
//! machine, so an absolute path is exact; after moving jgrid, run
//! `jgrid git-setup` again and it updates the path.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use super::error::{CliError, Outcome};
use crate::stdout::Stdout;
use crate::store::describe_io_error;
use crate::text::sanitize;

/// Why nothing was set up (`main` prints it; exit status 2).
fn refuse(message: &str) -> CliError {
    CliError::Other(message.to_owned())
}

/// Say what was done, on stdout, with control characters made visible.
fn say(out: &mut Stdout, message: &str) -> Result<(), CliError> {
    Ok(out.line(sanitize(message))?)
}

/// Run git with these arguments in `dir`; its trimmed stdout, or why not.
fn git(dir: &Path, args: &[&str]) -> Result<String, String> {
    let out = Command::new("git").arg("-C").arg(dir).args(args).output().map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => "git is not installed (or not on PATH)".to_owned(),
        _ => format!("cannot run git: {e}"),
    })?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).trim_end_matches('\n').to_owned())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).trim().to_owned())
    }
}

/// The text quoted for `sh`: `'...'`, a `'` inside as `'\''`.
fn shell_quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', "'\\''"))
}

/// The command that runs this jgrid, for a driver line.
fn program() -> Result<String, String> {
    let exe = std::env::current_exe().map_err(|e| format!("cannot tell where jgrid is installed: {e}"))?;
    let exe = std::fs::canonicalize(&exe).unwrap_or(exe);
    let exe = exe.to_str().ok_or("the path of jgrid is not UTF-8; move it to a plain path and run this again")?;
    Ok(shell_quoted(exe))
}

/// The `.gitattributes` text with the line added, or `None` when it is there already.
fn with_attribute(existing: &str, line: &str) -> Option<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    if existing.lines().any(|l| l.split_whitespace().collect::<Vec<_>>() == words) {
        return None;
    }
    let mut text = existing.to_owned();
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(line);
    text.push('\n');
    Some(text)
}

/// Set up the repository that holds the current folder.
pub fn git_setup(pattern: &str) -> Outcome {
    let pattern = pattern.trim();
    if pattern.is_empty() || pattern.chars().any(|c| c.is_whitespace() || c.is_control()) || pattern.starts_with('#') {
        return Err(refuse(&format!(
            "\"{pattern}\" is not a pattern jgrid can write into .gitattributes\n  hint: give a pattern without spaces, for example \"*.toml\" or \"journeys/*.toml\""
        )));
    }
    let here = PathBuf::from(".");
    let top = match git(&here, &["rev-parse", "--show-toplevel"]) {
        Ok(top) if !top.is_empty() => PathBuf::from(top),
        Ok(_) => {
            return Err(refuse(
                "this folder is not inside a git repository's working tree\n  hint: cd into your repository (or run git init) and run jgrid git-setup again",
            ));
        }
        Err(e) => {
            return Err(refuse(&format!(
                "not inside a git repository ({e})\n  hint: cd into your repository (or run git init) and run jgrid git-setup again"
            )));
        }
    };
    let program = match program() {
        Ok(p) => p,
        Err(e) => return Err(refuse(&e)),
    };
    let attributes = top.join(".gitattributes");
    let line = format!("{pattern} merge=jgrid diff=jgrid");
    let existing = match std::fs::read_to_string(&attributes) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(refuse(&format!("{}: cannot read: {}", attributes.display(), describe_io_error(&e)))),
    };
    let mut out = Stdout::lock();
    match with_attribute(&existing, &line) {
        None => say(&mut out, &format!("{}: already has \"{line}\"", attributes.display()))?,
        Some(text) => {
            if let Err(e) = crate::store::save_atomic(&attributes, &text) {
                return Err(refuse(&format!("{}: cannot write: {}", attributes.display(), describe_io_error(&e))));
            }
            say(&mut out, &format!("{}: added \"{line}\"", attributes.display()))?;
        }
    }
    // `%` is git's placeholder sign in a merge driver line; `%%` is a literal one.
    let driver = format!("{} merge %O %A %B --path %P", program.replace('%', "%%"));
    let settings = [
        ("merge.jgrid.name", "jgrid: journeys merged cell by cell".to_owned()),
        ("merge.jgrid.driver", driver),
        ("diff.jgrid.command", format!("{program} diff")),
    ];
    for (key, value) in settings {
        if git(&top, &["config", "--local", "--get", key]).is_ok_and(|v| v == value) {
            say(&mut out, &format!("git config {key}: already \"{value}\""))?;
            continue;
        }
        if let Err(e) = git(&top, &["config", "--local", key, &value]) {
            return Err(refuse(&format!("git config {key} failed: {e}")));
        }
        say(&mut out, &format!("git config {key} = \"{value}\""))?;
    }
    say(
        &mut out,
        "Commit .gitattributes so the team shares it; git config stays in this clone, so everyone runs jgrid git-setup once.",
    )?;
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_attribute_line_is_added_once_and_other_lines_are_kept() {
        let line = "*.toml merge=jgrid diff=jgrid";
        assert_eq!(with_attribute("", line).as_deref(), Some("*.toml merge=jgrid diff=jgrid\n"));
        assert_eq!(
            with_attribute("*.png binary", line).as_deref(),
            Some("*.png binary\n*.toml merge=jgrid diff=jgrid\n")
        );
        assert_eq!(with_attribute("*.png binary\n*.toml   merge=jgrid diff=jgrid\n", line), None);
    }

    #[test]
    fn paths_are_quoted_for_the_shell() {
        assert_eq!(shell_quoted("/opt/my tools/jgrid"), "'/opt/my tools/jgrid'");
        assert_eq!(shell_quoted("/home/o'neil/jgrid"), "'/home/o'\\''neil/jgrid'");
    }
}

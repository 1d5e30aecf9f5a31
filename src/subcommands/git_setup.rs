//! `jgrid git-setup [PATTERN] [--hook] [--absolute-path]`: make git in this
//! repository merge and diff journeys with jgrid.
//!
//! Writes `PATTERN merge=jgrid diff=jgrid` into the `.gitattributes` at the
//! top of the repository (kept as it is otherwise; the line is added once),
//! and sets `merge.jgrid.name`, `merge.jgrid.driver` and `diff.jgrid.command`
//! in the repository's own git config. Running it again changes nothing.
//!
//! The drivers run `jgrid` as found on PATH when it is there, else (or with
//! `--absolute-path`) jgrid by the absolute path of the program running now.
//! git runs drivers through `sh` with the PATH of whatever started git (an
//! editor, a GUI client, a hook), which may lack `~/.cargo/bin`: so the merge
//! driver's line ends in a fallback. When jgrid cannot run (not found, or an
//! old jgrid that refuses the arguments), git's own `git merge-file` merges
//! the file line by line with markers and the driver exits non-zero: git
//! reports a conflict and both sides' text is in the file, never only ours.
//!
//! With `--hook` it also installs a pre-commit hook that refuses to commit a
//! journey holding merge conflicts (`jgrid check --conflicts --staged`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::error::{CliError, Outcome};
use super::git;
use crate::stdout::Stdout;
use crate::store::describe_io_error;
use crate::text::one_line;

/// Why nothing (more) was set up (`main` prints it; exit status 2).
fn refuse(message: &str) -> CliError {
    CliError::Other(message.to_owned())
}

/// Say what was done, on stdout, on one line with control characters made visible.
fn say(out: &mut Stdout, message: &str) -> Result<(), CliError> {
    Ok(out.line(one_line(message))?)
}

fn shown(path: &Path) -> String {
    one_line(&path.display().to_string()).into_owned()
}

/// The text quoted for `sh`: `'...'`, a `'` inside as `'\''`.
fn shell_quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', "'\\''"))
}

/// `jgrid` on PATH, as the shell would find it.
fn on_path() -> Option<PathBuf> {
    let name = format!("jgrid{}", std::env::consts::EXE_SUFFIX);
    std::env::split_paths(&std::env::var_os("PATH")?).map(|dir| dir.join(&name)).find(|p| is_executable(p))
}

fn is_executable(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    }
    #[cfg(not(unix))]
    path.is_file()
}

/// How the drivers run jgrid (`jgrid`, or a quoted absolute path), and a
/// sentence that says which jgrid that is.
fn program(absolute: bool) -> Result<(String, String), String> {
    let exe = std::env::current_exe().map_err(|e| format!("cannot tell where jgrid is installed: {e}"))?;
    let exe = std::fs::canonicalize(&exe).unwrap_or(exe);
    let found = on_path();
    if let (Some(found), false) = (&found, absolute) {
        let same = std::fs::canonicalize(found).is_ok_and(|f| f == exe);
        let note = if same {
            format!("The drivers run \"jgrid\", found on PATH ({}).", shown(found))
        } else {
            format!(
                "The drivers run \"jgrid\" found on PATH ({}), which is not this jgrid ({}); to use this one, run it with git-setup --absolute-path.",
                shown(found),
                shown(&exe)
            )
        };
        return Ok(("jgrid".to_owned(), note));
    }
    let text = exe.to_str().ok_or("the path of jgrid is not UTF-8; move it to a plain path and run this again")?;
    let why = if absolute { "as asked" } else { "jgrid is not on PATH" };
    let note = format!(
        "The drivers run jgrid by its absolute path ({why}); after moving or reinstalling it, run jgrid git-setup again."
    );
    Ok((shell_quoted(text), note))
}

/// The merge driver's command line: jgrid's merge, and git's own line merge
/// when jgrid could not run (exit 2 or more: nothing was written).
fn driver(program: &str) -> String {
    // `%` is git's placeholder sign in a merge driver line; `%%` is a literal one.
    // git quotes %P, %S, %X and %Y for the shell (git before 2.44 leaves %S, %X, %Y as they are).
    let program = program.replace('%', "%%");
    format!(
        "{program} merge %O %A %B --path %P --label-base %S --label-ours %X --label-theirs %Y; s=$?; \
         [ $s -le 1 ] && exit $s; \
         echo \"jgrid merge could not run (exit $s): git merged\" %P \"line by line; jgrid resolve merges it cell by cell\" >&2; \
         git merge-file --marker-size=%L -L %X -L %S -L %Y %A %O %B; exit 2"
    )
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
pub fn git_setup(pattern: &str, hook: bool, absolute: bool) -> Outcome {
    let pattern = pattern.trim();
    if pattern.is_empty() || pattern.chars().any(|c| c.is_whitespace() || c.is_control()) || pattern.starts_with('#') {
        return Err(refuse(&format!(
            "\"{}\" is not a pattern jgrid can write into .gitattributes\n  hint: give a pattern without spaces, for example \"*.toml\" or \"journeys/**/*.toml\"",
            one_line(pattern)
        )));
    }
    let top = git::top(Path::new(".")).map_err(|e| {
        refuse(&format!("{e}\n  hint: cd into your repository (or run git init) and run jgrid git-setup again"))
    })?;
    let (program, note) = program(absolute).map_err(|e| refuse(&e))?;
    let attributes = top.join(".gitattributes");
    let line = format!("{pattern} merge=jgrid diff=jgrid");
    let existing = match std::fs::read_to_string(&attributes) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(refuse(&format!("{}: cannot read: {}", shown(&attributes), describe_io_error(&e)))),
    };
    let mut out = Stdout::lock();
    match with_attribute(&existing, &line) {
        None => say(&mut out, &format!("{}: already has \"{line}\"", shown(&attributes)))?,
        Some(text) => {
            if let Err(e) = crate::store::save_atomic(&attributes, &text) {
                return Err(refuse(&format!("{}: cannot write: {}", shown(&attributes), describe_io_error(&e))));
            }
            say(&mut out, &format!("{}: added \"{line}\"", shown(&attributes)))?;
        }
    }
    let settings = [
        ("merge.jgrid.name", "jgrid: journeys merged cell by cell".to_owned()),
        ("merge.jgrid.driver", driver(&program)),
        ("diff.jgrid.command", format!("{program} diff")),
    ];
    for (key, value) in settings {
        if git::text(&top, &["config", "--local", "--get", key]).is_ok_and(|v| v == value) {
            say(&mut out, &format!("git config {key}: already \"{value}\""))?;
            continue;
        }
        if let Err(e) = git::text(&top, &["config", "--local", key, &value]) {
            return Err(refuse(&format!("git config {key} failed: {e}")));
        }
        say(&mut out, &format!("git config {key} = \"{value}\""))?;
    }
    say(&mut out, &note)?;
    if hook {
        let installed = super::git_coverage::install_hook(&top, &program);
        match installed {
            Ok(said) => say(&mut out, &said)?,
            Err(e) => {
                out.finish()?;
                return Err(refuse(&e));
            }
        }
    }
    say(
        &mut out,
        "Commit .gitattributes so the team shares it; git config stays in this clone, so everyone runs jgrid git-setup once.",
    )?;
    out.finish()?;
    super::git_coverage::warn_uncovered(&top);
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
    fn paths_are_quoted_for_the_shell_and_percent_signs_for_git() {
        assert_eq!(shell_quoted("/opt/my tools/jgrid"), "'/opt/my tools/jgrid'");
        assert_eq!(shell_quoted("/home/o'neil/jgrid"), "'/home/o'\\''neil/jgrid'");
        assert!(driver("'/opt/100%/jgrid'").starts_with("'/opt/100%%/jgrid' merge %O %A %B --path %P"));
    }
}

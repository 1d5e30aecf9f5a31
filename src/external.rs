//! Editing a cell's text in the user's own editor (`$VISUAL` or `$EDITOR`)
//! through a private temporary file.

use std::io::Write as _;
use std::process::Command;

/// The editor command from the environment, if any.
pub fn editor() -> Option<String> {
    ["VISUAL", "EDITOR"].iter().find_map(|v| std::env::var(v).ok().filter(|e| !e.trim().is_empty()))
}

/// Run the editor on `text` and return what it saved. The temporary file
/// is readable by its owner only and removed afterwards, unless the editor
/// failed, when it is kept and named in the error so nothing is lost.
pub fn edit(text: &str) -> Result<String, String> {
    let Some(editor) = editor() else {
        return Err("No editor set: export VISUAL or EDITOR (for example EDITOR=nano) to use e".into());
    };
    let mut file = tempfile::Builder::new()
        .prefix("jgrid-cell-")
        .suffix(".txt")
        .tempfile()
        .map_err(|e| format!("Cannot create a temporary file for the editor: {e}"))?;
    let mut content = text.to_owned();
    if !content.is_empty() {
        content.push('\n');
    }
    file.write_all(content.as_bytes())
        .and_then(|()| file.flush())
        .map_err(|e| format!("Cannot write the temporary file: {e}"))?;
    let path = file.path().to_path_buf();
    // Through the shell, so an EDITOR with arguments ("code -w") works.
    let status = Command::new("sh").arg("-c").arg(format!("{editor} \"$1\"")).arg("sh").arg(&path).status();
    match status {
        Ok(s) if s.success() => {
            std::fs::read_to_string(&path).map_err(|e| format!("Cannot read back the editor's file: {e}"))
        }
        Ok(s) => {
            let kept = file.keep().map(|(_, p)| p.display().to_string()).unwrap_or_default();
            Err(format!("The editor ({editor}) failed ({s}); the cell is unchanged. Its file: {kept}"))
        }
        Err(e) => Err(format!("Cannot start the editor ({editor}): {e}; the cell is unchanged")),
    }
}

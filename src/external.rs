//! Editing a cell's text in the user's own editor (`$VISUAL` or `$EDITOR`)
//! through a private temporary file.

use std::io::Write as _;
use std::process::Command;

use crate::app::{EditorFailure, EditorText};

/// The editor command from the environment, if any.
pub fn editor() -> Option<String> {
    ["VISUAL", "EDITOR"].iter().find_map(|v| std::env::var(v).ok().filter(|e| !e.trim().is_empty()))
}

/// Run the editor on `text` and return what it saved. The temporary file
/// is readable by its owner only and removed afterwards, unless the editor
/// failed or saved bytes that are not UTF-8: then it is kept and named, so
/// nothing is lost.
pub fn edit(text: &str) -> Result<EditorText, EditorFailure> {
    let Some(editor) = editor() else { return Err(EditorFailure::NoEditor) };
    let mut file = tempfile::Builder::new()
        .prefix("jgrid-cell-")
        .suffix(".txt")
        .tempfile()
        .map_err(|e| EditorFailure::TempFile(format!("Cannot create a temporary file for the editor: {e}")))?;
    let mut content = text.to_owned();
    if !content.is_empty() {
        content.push('\n');
    }
    file.write_all(content.as_bytes())
        .and_then(|()| file.flush())
        .map_err(|e| EditorFailure::TempFile(format!("Cannot write the temporary file: {e}")))?;
    let path = file.path().to_path_buf();
    // Through the shell, so an EDITOR with arguments ("code -w") works.
    let status = Command::new("sh").arg("-c").arg(format!("{editor} \"$1\"")).arg("sh").arg(&path).status();
    let keep = |file: tempfile::NamedTempFile| file.keep().map(|(_, p)| p).unwrap_or(path.clone());
    match status {
        Ok(s) if s.success() => {
            let bytes = std::fs::read(&path)
                .map_err(|e| EditorFailure::TempFile(format!("Cannot read back the editor's file: {e}")))?;
            match String::from_utf8(bytes) {
                Ok(text) => Ok(EditorText { text, not_utf8: None }),
                Err(e) => {
                    let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
                    Ok(EditorText { text, not_utf8: Some(keep(file)) })
                }
            }
        }
        Ok(s) => Err(EditorFailure::Failed { editor, status: s.to_string(), kept: keep(file).display().to_string() }),
        Err(e) => Err(EditorFailure::CannotStart { editor, reason: e.to_string() }),
    }
}

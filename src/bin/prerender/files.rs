//! The pre-render's file system: pages are replaced whole, never seen half written.

use std::io::Write as _;
use std::path::Path;

/// The name a page is written under before it takes the page's place: hidden, and beside the
/// page, since a rename is atomic only within one file system.
fn temp_path(path: &Path) -> Option<std::path::PathBuf> {
    let name = path.file_name()?.to_str()?;
    Some(path.with_file_name(format!(".{name}.prerender-tmp")))
}

pub fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// Writes `text` to a temporary file in the same directory, flushes it to disk, then renames
/// it over `path`: a reader (or nginx) gets the old page or the new one, never a part, and a
/// run stopped halfway leaves every page whole. On failure the temporary file is removed.
pub fn write(path: &Path, text: &str) -> Result<(), String> {
    let fail = |e: std::io::Error| format!("{}: {e}", path.display());
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let temp = temp_path(path).ok_or_else(|| format!("{} is not a file name", path.display()))?;
    let written = std::fs::File::create(&temp)
        .and_then(|mut file| {
            file.write_all(text.as_bytes())?;
            // Without it a crash soon after the rename can leave an empty page on some
            // file systems: the rename reaches the disk before the data.
            file.sync_all()
        })
        .and_then(|()| std::fs::rename(&temp, path));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&temp);
        return Err(fail(e));
    }
    Ok(())
}

/// Removes a page the pre-render wrote, then its directory if nothing else is in it (nothing
/// else is ever removed). A page already gone is not an error.
pub fn remove_page(path: &Path) -> Result<(), String> {
    match std::fs::remove_file(path) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(format!("{}: {e}", path.display())),
    }
    if let Some(dir) = path.parent() {
        // Fails, as it should, while the directory holds anything else.
        let _ = std::fs::remove_dir(dir);
    }
    Ok(())
}

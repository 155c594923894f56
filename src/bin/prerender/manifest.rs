//! What the last run wrote, kept in the built site (`.prerendered.json`): which pages are the
//! pre-render's own (the only files it ever removes), and from what each article's page was
//! made, so that a story unchanged since then is not fetched and rendered again. An article's
//! oEmbed document is the pre-render's own on the same terms as its page.

use super::files::{read, write};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const FILE: &str = ".prerendered.json";

#[derive(Serialize, Deserialize, Default)]
pub struct Manifest {
    /// What every page is made with besides its own document (the app shell, which a new build
    /// changes, the site's origin and the API): when it changes every page is made again.
    pub inputs: String,
    /// Each article page written, by story id (its page is `news/<id>/index.html`).
    pub articles: BTreeMap<String, Made>,
    /// The listing pages written besides `index.html`, relative to the site: the sections.
    pub listings: BTreeSet<String>,
    /// The stories whose oEmbed document (`oembed/<id>.json`) was written. A record from before
    /// there were any has none.
    #[serde(default)]
    pub oembed: BTreeSet<String>,
}

/// What an article's page was made from.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq)]
pub struct Made {
    /// The item's link to its document, as the feed has it (relative to the API, which
    /// `inputs` covers): the site serves this file, and it says nothing the feed does not.
    pub document: String,
    /// The feed item's `date_modified`, or its `date_published` when it was never modified:
    /// a story with neither is made every time.
    pub version: Option<String>,
}

impl Manifest {
    /// The last run's manifest; none on a first run (or in a site built since), when nothing
    /// is skipped and nothing removed. One that cannot be read counts as none, with a warning.
    pub fn load(dist: &Path) -> Manifest {
        let path = dist.join(FILE);
        if !path.exists() {
            return Manifest::default();
        }
        match read(&path)
            .and_then(|json| serde_json::from_str(&json).map_err(|e| format!("{FILE}: {e}")))
        {
            Ok(manifest) => manifest,
            Err(why) => {
                crate::warn(&format!(
                    "the last run's record is unreadable, so every page is made again and none \
                     is removed: {why}"
                ));
                Manifest::default()
            }
        }
    }

    pub fn save(&self, dist: &Path) -> Result<(), String> {
        let json = serde_json::to_string_pretty(self).map_err(|e| e.to_string())?;
        write(&dist.join(FILE), &json)
    }
}

/// A fingerprint of the inputs every page shares: FNV-1a, stable across builds and Rust
/// versions (unlike std's hasher), which is all a comparison with the last run needs.
pub fn fingerprint(parts: &[&str]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        // The length first, so that ("ab", "c") and ("a", "bc") differ.
        for byte in (part.len() as u64)
            .to_le_bytes()
            .iter()
            .chain(part.as_bytes())
        {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

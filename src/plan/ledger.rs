//! `.strata/`: what strata last wrote for each file (hash, template, and a copy as merge base),
//! and the migrations it wrote with the schema they reached.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::hash::sha256;
pub use crate::migrate::MigrationRecord;
use crate::migrate::schema::Schema;

/// The ledger's directory, relative to the app root.
pub const DIR: &str = ".strata";
/// The ledger file inside it.
pub const FILE: &str = ".strata/ledger.json";
/// Where merge bases are kept: `.strata/base/<path>`.
pub const BASE_DIR: &str = ".strata/base";

/// One generated file as strata last wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileRecord {
    pub template: String,
    /// SHA-256 of the content strata rendered (the merge base).
    pub sha256: String,
    /// strata wrote conflict markers into the file and they have not been seen resolved since.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub conflict: bool,
    /// The revision of the team's pack, when the file's template came from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pack: Option<String>,
    /// The key of the render before formatting (`format::source_key`): while it stays the same,
    /// the merge base is the formatted text and the formatter need not run again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// The whole ledger.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Ledger {
    pub version: u32,
    pub files: BTreeMap<String, FileRecord>,
    #[serde(default)]
    pub migrations: Vec<MigrationRecord>,
    /// The database schema the last migration reached.
    #[serde(default)]
    pub schema: Schema,
    /// A fingerprint of each resource's render inputs when its files were last rendered.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub renders: BTreeMap<String, String>,
    /// The version of strata that last rendered the app.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strata: Option<String>,
    /// The revision of the team's pack the app was last rendered with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pack: Option<String>,
    /// Each of the app's own template overrides (`.strata/templates/<name>`) and the SHA-256 of
    /// the text it was ejected or last merged from, kept under `.strata/base/` as its merge base.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub templates: BTreeMap<String, String>,
}

impl Ledger {
    /// Reads the ledger of the app at `root`; an app without one has an empty ledger.
    ///
    /// # Errors
    /// I/O errors, or [`Error::Ledger`] when the file does not parse.
    pub fn load(root: &Path) -> Result<Self> {
        let path = root.join(FILE);
        match std::fs::read_to_string(&path) {
            Ok(text) => serde_json::from_str(&text).map_err(|e| Error::Ledger {
                path,
                message: e.to_string(),
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Ledger {
                version: 1,
                ..Ledger::default()
            }),
            Err(e) => Err(Error::io("reading", path, e)),
        }
    }

    /// The ledger as the text of `.strata/ledger.json`.
    #[must_use]
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }

    /// The merge base of `path`: what strata last rendered, if it kept a copy that matches.
    ///
    /// # Errors
    /// I/O errors other than a missing copy.
    pub fn base(&self, root: &Path, path: &str) -> Result<Option<String>> {
        let Some(record) = self.files.get(path) else {
            return Ok(None);
        };
        let copy = base_path(root, path);
        match std::fs::read_to_string(&copy) {
            Ok(text) if sha256(&text) == record.sha256 => Ok(Some(text)),
            Ok(_) => Ok(None),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(Error::io("reading", copy, e)),
        }
    }
}

/// Where the merge base of `path` lives.
#[must_use]
pub fn base_path(root: &Path, path: &str) -> PathBuf {
    root.join(BASE_DIR).join(path)
}

//! strata.toml as written: its raw shape with source spans, and where to find it.

pub mod edit;
pub mod schema;
mod shape;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::error::{Error, Result};

/// The manifest's file name.
pub const FILE_NAME: &str = "strata.toml";

/// The manifest exactly as written, with the span of every value for error reports.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawManifest {
    pub app: Spanned<RawApp>,
    pub auth: Option<Spanned<RawAuth>>,
    #[serde(default)]
    pub resources: BTreeMap<Spanned<String>, Spanned<RawResource>>,
    pub layers: Option<Spanned<RawLayers>>,
    pub templates: Option<Spanned<RawTemplates>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTemplates {
    /// A team's template pack, relative to the app directory.
    pub pack: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawApp {
    pub name: Spanned<String>,
    pub database: Option<Spanned<String>>,
    pub api: Option<Spanned<String>>,
    /// The query client of the data layer: `drizzle` (default) or `prisma`.
    pub orm: Option<Spanned<String>>,
    /// The route group of every resource's route handlers (`src/app/api/(v1)/…`).
    pub route_group: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAuth {
    pub strategy: Option<Spanned<String>>,
    pub roles: Option<Spanned<Vec<Spanned<String>>>>,
    /// OAuth and OpenID providers to sign in with (`github`, `google`, `oidc`).
    pub providers: Option<Spanned<Vec<Spanned<String>>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawResource {
    #[serde(default)]
    pub fields: Vec<Spanned<String>>,
    pub owned: Option<Spanned<bool>>,
    pub access: Option<Spanned<BTreeMap<Spanned<String>, Spanned<RawRule>>>>,
    /// The resource's earlier name: its table and files are renamed, not replaced.
    pub renamed_from: Option<Spanned<String>>,
    /// The route group of this resource's route handlers, instead of the app's.
    pub route_group: Option<Spanned<String>>,
}

/// One access rule: a principal or a list of them.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum RawRule {
    One(String),
    Many(Vec<String>),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLayers {
    #[serde(default)]
    pub strict: bool,
}

/// A loaded manifest: where it lives, its text, and its parsed raw shape.
#[derive(Debug)]
pub struct Manifest {
    /// The app directory (the manifest's parent).
    pub root: PathBuf,
    /// The name used in error messages.
    pub display_name: String,
    pub source: String,
    pub raw: RawManifest,
}

impl Manifest {
    /// Parses manifest text; `display_name` is what error messages call the file.
    ///
    /// # Errors
    /// A diagnostic with the line and column of the first problem.
    pub fn parse(root: PathBuf, display_name: &str, source: String) -> Result<Self> {
        let raw = toml::from_str::<RawManifest>(&source).map_err(|error| {
            // serde stops at the first key or value of the wrong kind; the schema finds them all.
            if let Some(all) = Diagnostics::of(shape::problems(display_name, &source)) {
                return Error::from(all);
            }
            let span = error.span().unwrap_or(0..0);
            let message = error.message().trim_end().to_string();
            Error::from(
                Diagnostic::in_file(display_name, &source, span, message.clone())
                    .with_help(parse_help(&message)),
            )
        })?;
        Ok(Manifest {
            root,
            display_name: display_name.to_string(),
            source,
            raw,
        })
    }

    /// Reads and parses `root/strata.toml`.
    ///
    /// # Errors
    /// I/O errors, or a diagnostic for malformed TOML.
    pub fn load(root: &Path) -> Result<Self> {
        let path = root.join(FILE_NAME);
        let source = std::fs::read_to_string(&path).map_err(|e| Error::io("reading", &path, e))?;
        Self::parse(root.to_path_buf(), FILE_NAME, source)
    }

    /// A diagnostic pointing at `span` of this manifest.
    #[must_use]
    pub fn diagnostic(
        &self,
        span: std::ops::Range<usize>,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic::in_file(&self.display_name, &self.source, span, message)
    }
}

fn parse_help(message: &str) -> String {
    if message.contains("missing field `app`") {
        "start the file with an [app] table: [app]\\nname = \"my-app\"".replace("\\n", " ")
    } else if message.contains("unknown field") {
        "check the spelling against the manifest reference in README.md".to_string()
    } else if message.contains("invalid type") {
        "check the value's type against the manifest reference in README.md".to_string()
    } else {
        "fix the TOML syntax at this position".to_string()
    }
}

/// Finds the directory holding strata.toml: `start` or its nearest parent.
///
/// # Errors
/// [`Error::ManifestNotFound`] when no directory up to the root has one.
pub fn find_root(start: &Path) -> Result<PathBuf> {
    start
        .ancestors()
        .find(|dir| dir.join(FILE_NAME).is_file())
        .map(Path::to_path_buf)
        .ok_or_else(|| Error::ManifestNotFound {
            start: start.to_path_buf(),
        })
}

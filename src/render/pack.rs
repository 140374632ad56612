//! A team's template pack (`[templates] pack`): templates many apps share, in the layout of
//! `.strata/templates/` (each replaces strata's of the same path, or adds a file: see
//! [`super::added`]), and the defaults `strata new --pack` starts an app with.
//!
//! ```text
//! team-templates/
//!   strata-pack.toml   [defaults] database, orm, api, auth, roles (optional)
//!   templates/         src/services/__kebab__.service.ts, … (optional)
//! ```

use std::path::{Path, PathBuf};

use serde::Deserialize;
use sha2::{Digest, Sha256};
use toml::Spanned;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::error::{Error, Result};
use crate::manifest::Manifest;

/// The pack's own settings file.
pub const DEFAULTS_FILE: &str = "strata-pack.toml";
/// The pack's folder of templates.
pub const TEMPLATES_DIR: &str = "templates";

/// A loaded pack.
#[derive(Debug, Clone)]
pub struct Pack {
    /// Where it is, as the manifest or the command line wrote it.
    pub display: String,
    /// A content hash of every file in it: changes whenever the pack does.
    pub revision: String,
    /// Its templates: (template name, text).
    pub templates: Vec<(String, String)>,
    pub defaults: Defaults,
}

/// What a new app starts with when the command line does not say.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Defaults {
    pub database: Option<Spanned<String>>,
    pub orm: Option<Spanned<String>>,
    pub api: Option<Spanned<String>>,
    pub auth: Option<Spanned<String>>,
    pub roles: Option<Spanned<Vec<Spanned<String>>>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct PackFile {
    #[serde(default)]
    defaults: Defaults,
}

/// The values each default may take.
const CHOICES: &[(&str, &[&str])] = &[
    ("database", &["pglite", "postgres"]),
    ("orm", &["drizzle", "prisma"]),
    ("api", &["routes", "actions", "both"]),
    ("auth", &["jwt", "session", "none"]),
];

impl Pack {
    /// Reads the pack at `dir` (`display` is how messages name it).
    ///
    /// # Errors
    /// `Err(None)` when `dir` holds neither a `strata-pack.toml` nor a `templates/` folder (the
    /// caller says where it was named); `Err(Some(error))` for a settings file that does not
    /// read, or an I/O error.
    pub fn load(dir: &Path, display: &str) -> std::result::Result<Pack, Option<Error>> {
        let settings = dir.join(DEFAULTS_FILE);
        let templates_dir = dir.join(TEMPLATES_DIR);
        if !settings.is_file() && !templates_dir.is_dir() {
            return Err(None);
        }
        let mut files: Vec<(String, String)> = Vec::new();
        let defaults = if settings.is_file() {
            let text = std::fs::read_to_string(&settings)
                .map_err(|e| Some(Error::io("reading", &settings, e)))?;
            let name = format!("{}/{DEFAULTS_FILE}", display.trim_end_matches('/'));
            let defaults = parse_defaults(&name, &text).map_err(|e| Some(Error::from(e)))?;
            files.push((DEFAULTS_FILE.to_string(), text));
            defaults
        } else {
            Defaults::default()
        };
        let templates = read_tree(&templates_dir).map_err(Some)?;
        files.extend(
            templates
                .iter()
                .map(|(name, text)| (format!("{TEMPLATES_DIR}/{name}"), text.clone())),
        );
        Ok(Pack {
            display: display.to_string(),
            revision: revision(&files),
            templates,
            defaults,
        })
    }

    /// Where a template of the pack is, for messages.
    #[must_use]
    pub fn origin(&self, name: &str) -> String {
        format!(
            "{}/{TEMPLATES_DIR}/{name}",
            self.display.trim_end_matches('/')
        )
    }
}

/// The pack `[templates] pack` names, if the manifest names one.
///
/// # Errors
/// A pack that is not where the manifest says (located at the `pack` value), or one that does
/// not read.
pub fn of_manifest(manifest: &Manifest) -> Result<Option<Pack>> {
    let Some(path) = manifest
        .raw
        .templates
        .as_ref()
        .and_then(|t| t.get_ref().pack.as_ref())
    else {
        return Ok(None);
    };
    // Lexically, so that a pack beside a new app resolves before the app's folder exists.
    let dir = lexical(&manifest.root.join(path.get_ref()));
    match Pack::load(&dir, path.get_ref()) {
        Ok(pack) => Ok(Some(pack)),
        Err(Some(error)) => Err(error),
        Err(None) => Err(manifest
            .diagnostic(
                path.span(),
                format!(
                    "template pack {:?} not found: {} holds neither {DEFAULTS_FILE} nor {TEMPLATES_DIR}/",
                    path.get_ref(),
                    dir.display()
                ),
            )
            .with_help("the path is relative to the app directory; check out the team's pack there (a sibling clone or a git submodule)")
            .into()),
    }
}

/// `path` with its `.` and `..` folded away, without asking the file system.
#[must_use]
pub fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// The pack's defaults, every value checked against what `strata new` takes.
fn parse_defaults(file: &str, text: &str) -> std::result::Result<Defaults, Diagnostics> {
    let parsed: PackFile = toml::from_str(text).map_err(|error| {
        let span = error.span().unwrap_or(0..0);
        Diagnostics::from(
            Diagnostic::in_file(file, text, span, error.message().trim_end().to_string())
                .with_help("[defaults] takes database, orm, api, auth and roles"),
        )
    })?;
    let defaults = parsed.defaults;
    let mut problems = Vec::new();
    for (key, allowed) in CHOICES {
        let value = match *key {
            "database" => &defaults.database,
            "orm" => &defaults.orm,
            "api" => &defaults.api,
            _ => &defaults.auth,
        };
        if let Some(value) = value
            && !allowed.contains(&value.get_ref().as_str())
        {
            problems.push(
                Diagnostic::in_file(
                    file,
                    text,
                    value.span(),
                    format!("{key} = {:?} is not one strata knows", value.get_ref()),
                )
                .with_help(format!("use one of: {}", allowed.join(", "))),
            );
        }
    }
    if let Some(roles) = &defaults.roles {
        // strata.toml's rules for roles, said of the pack's list.
        let mut seen: Vec<String> = Vec::new();
        for role in roles.get_ref() {
            let name = role.get_ref();
            if let Some((message, help)) = crate::model::auth_build::role_problem(name, &seen) {
                problems
                    .push(Diagnostic::in_file(file, text, role.span(), message).with_help(help));
            }
            seen.push(name.clone());
        }
        if seen.is_empty() {
            problems.push(
                Diagnostic::in_file(file, text, roles.span(), "roles is empty")
                    .with_help("list at least one role; new users get the first"),
            );
        }
    }
    match Diagnostics::of(problems) {
        Some(all) => Err(all),
        None => Ok(defaults),
    }
}

/// Every file under `dir` as (`/`-separated relative path, text), sorted; none when absent.
///
/// # Errors
/// An I/O error, or a file that is not UTF-8.
pub fn read_tree(dir: &Path) -> Result<Vec<(String, String)>> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| Error::io("reading", dir, e.into()))?;
        if !entry.file_type().is_file() {
            continue;
        }
        let path: PathBuf = entry.path().to_path_buf();
        let relative = path
            .strip_prefix(dir)
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        let text = std::fs::read_to_string(&path).map_err(|e| Error::io("reading", &path, e))?;
        out.push((relative, text));
    }
    Ok(out)
}

/// The first 16 hex digits of a SHA-256 over every file's path and text.
fn revision(files: &[(String, String)]) -> String {
    let mut hash = Sha256::new();
    for (path, text) in files {
        for part in [path.as_bytes(), b"\0", text.as_bytes(), b"\0"] {
            hash.update(part);
        }
    }
    let mut hex = crate::hash::hex(&hash.finalize());
    hex.truncate(16);
    hex
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_checked_where_they_are_written() {
        let text = "[defaults]\ndatabase = \"mysql\"\napi = \"both\"\n";
        let problems = parse_defaults("team/strata-pack.toml", text).unwrap_err();
        let shown = problems.to_string();
        assert!(
            shown.contains("team/strata-pack.toml:2:12")
                && shown.contains("database = \"mysql\" is not one strata knows")
                && shown.contains("pglite, postgres"),
            "{shown}"
        );
        let roles = parse_defaults("p", "[defaults]\nroles = [\"Admin\"]\n").unwrap_err();
        assert!(
            roles
                .to_string()
                .contains("role \"Admin\" is not a lower-case word")
        );
        let good = parse_defaults("p", "[defaults]\nroles = [\"member\"]\n").unwrap();
        let roles: Vec<String> = good
            .roles
            .unwrap()
            .into_inner()
            .into_iter()
            .map(Spanned::into_inner)
            .collect();
        assert_eq!(roles, ["member"]);
    }

    #[test]
    fn the_revision_follows_every_file() {
        let one = [("templates/a".to_string(), "x".to_string())];
        let two = [("templates/a".to_string(), "y".to_string())];
        assert_ne!(revision(&one), revision(&two));
        assert_eq!(revision(&one).len(), 16);
    }
}

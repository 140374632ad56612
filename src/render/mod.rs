//! Renders the app's files with Tera 2 from templates embedded in the binary, replaced (or added
//! to) by a team's pack (`[templates] pack`) and then by the app's own under `.strata/templates/`.
//!
//! Templates use `[[ value ]]`, `[% block %]` and `[# comment #]`, which never occur in the
//! TypeScript, TSX, JSON or CSS we generate, so no `raw` blocks are needed. A line holding only
//! block tags leaves no trace in the output (like Jinja's `trim_blocks` + `lstrip_blocks`).

pub mod added;
pub mod catalog;
mod filters;
pub mod incremental;
mod lines;
pub mod openapi;
mod openapi_auth;
pub mod pack;

use std::collections::{BTreeMap, BTreeSet};

use include_dir::{Dir, include_dir};
use sha2::{Digest, Sha256};
use tera::{Context, Delimiters, Tera};

use crate::error::{Error, Result};
use pack::Pack;

/// The built-in templates, mirroring the generated app's tree.
pub static TEMPLATES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/templates");

/// Where a team keeps its own versions of templates, relative to the app root.
pub const OVERRIDE_DIR: &str = ".strata/templates";

fn delimiters() -> Delimiters {
    Delimiters {
        block_start: "[%".into(),
        block_end: "%]".into(),
        variable_start: "[[".into(),
        variable_end: "]]".into(),
        comment_start: "[#".into(),
        comment_end: "#]".into(),
    }
}

/// All templates, parsed once, ready to render.
pub struct Renderer {
    tera: Tera,
    /// Template name → the path to show in errors (`templates/…` or `.strata/templates/…`).
    origins: BTreeMap<String, String>,
    /// Identifies the templates and the code that renders them: strata's build and the
    /// overrides' names and text.
    fingerprint: String,
    /// The templates whose text comes from the team's pack.
    from_pack: BTreeSet<String>,
    /// The pack's and the app's templates that replace none of strata's, by name.
    added: Vec<added::Added>,
    /// strata's own templates without a tag: they render as written, and are written formatted.
    verbatim: BTreeSet<String>,
}

/// Whether a template's text holds no tag, so that it renders exactly as written.
#[must_use]
pub fn is_verbatim(text: &str) -> bool {
    !["[[", "[%", "[#"].iter().any(|tag| text.contains(tag))
}

/// Every built-in template as (relative path, text).
#[must_use]
pub fn builtin_templates() -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    collect(&TEMPLATES, &mut out);
    out.sort();
    out
}

fn collect(dir: &'static Dir<'static>, out: &mut Vec<(String, &'static str)>) {
    for file in dir.files() {
        let path = file.path().to_string_lossy().replace('\\', "/");
        out.push((path, file.contents_utf8().unwrap_or_default()));
    }
    for sub in dir.dirs() {
        collect(sub, out);
    }
}

impl Renderer {
    /// Parses the built-in templates, replaced by the pack's, then by `overrides` (the app's own:
    /// template name and text). A template of the pack or the app with a name strata's have not
    /// is added: its path says where it writes (see [`added`]).
    ///
    /// # Errors
    /// A template that does not parse, an added template whose path holds a placeholder strata
    /// does not know, or an app override still holding the conflict markers of a merge.
    pub fn from_layers(pack: Option<&Pack>, overrides: &[(String, String)]) -> Result<Self> {
        let mut sources: BTreeMap<String, (String, String)> = builtin_templates()
            .into_iter()
            .map(|(name, text)| {
                (
                    name.clone(),
                    (format!("templates/{name}"), text.to_string()),
                )
            })
            .collect();
        let pack_layer = pack.map(|p| {
            p.templates
                .iter()
                .map(|(name, text)| (name.clone(), p.origin(name), text.clone()))
                .collect::<Vec<_>>()
        });
        let app_layer = overrides
            .iter()
            .map(|(name, text)| (name.clone(), format!("{OVERRIDE_DIR}/{name}"), text.clone()));
        let mut from_pack = BTreeSet::new();
        let builtin: BTreeSet<String> = sources.keys().cloned().collect();
        for (name, origin, text) in pack_layer.into_iter().flatten().chain(app_layer) {
            // Overrides and packs written before the Drizzle templates moved name them as before.
            let name = catalog::moved_to_drizzle_dir(&name).unwrap_or(name);
            if crate::merge::has_markers(&text) {
                return Err(Error::Template {
                    template: origin,
                    message: "still holds the conflict markers of merging the templates below it; resolve them, then run `strata generate`".into(),
                });
            }
            if origin.starts_with(OVERRIDE_DIR) {
                from_pack.remove(&name);
            } else {
                from_pack.insert(name.clone());
            }
            sources.insert(name, (origin, text));
        }
        let added = sources
            .iter()
            .filter(|(name, _)| !builtin.contains(*name))
            .map(|(name, (origin, _))| added::Added::of(name, origin))
            .collect::<Result<Vec<_>>>()?;
        let mut origins = BTreeMap::new();
        // The built-in templates are part of the binary's identity; overrides are hashed here.
        let mut fingerprint = Sha256::new();
        fingerprint.update(env!("CARGO_PKG_VERSION"));
        fingerprint.update(env!("STRATA_SOURCE_ID"));
        let mut stripped = Vec::with_capacity(sources.len());
        let mut verbatim = BTreeSet::new();
        for (name, (origin, text)) in &sources {
            if origin.starts_with("templates/") && is_verbatim(text) {
                verbatim.insert(name.clone());
            }
            if !origin.starts_with("templates/") {
                for part in [name.as_bytes(), b"\0", text.as_bytes(), b"\0"] {
                    fingerprint.update(part);
                }
            }
            stripped.push((name.as_str(), lines::strip_block_lines(text)));
            origins.insert(name.clone(), origin.clone());
        }
        // Tera checks the whole set after each addition, so the templates go in as one batch;
        // only when the batch fails are they added one by one, to name the template at fault.
        let mut tera = empty_tera()?;
        if let Err(batch_error) = tera.add_raw_templates(stripped.iter().map(|(n, t)| (n, t))) {
            let mut single = empty_tera()?;
            for (name, text) in &stripped {
                single
                    .add_raw_template(name, text)
                    .map_err(|e| Error::Template {
                        template: origins[*name].clone(),
                        message: e.to_string(),
                    })?;
            }
            return Err(Error::Template {
                template: "(templates)".into(),
                message: batch_error.to_string(),
            });
        }
        Ok(Renderer {
            tera,
            origins,
            from_pack,
            added,
            verbatim,
            fingerprint: crate::hash::hex(&fingerprint.finalize()),
        })
    }

    /// Whether the text of `template` comes from the team's pack.
    #[must_use]
    pub fn is_from_pack(&self, template: &str) -> bool {
        self.from_pack.contains(template)
    }

    /// Whether `template` is one of strata's that renders as written, already formatted (a test
    /// keeps every such template a fixed point of the formatter): the format stage skips it.
    #[must_use]
    pub fn is_written_formatted(&self, template: &str) -> bool {
        self.verbatim.contains(template)
    }

    /// The templates of the pack and the app that replace none of strata's.
    #[must_use]
    pub fn added(&self) -> &[added::Added] {
        &self.added
    }

    /// `error` naming, when it is a format error, where its template is (`../team/templates/…`
    /// for a pack's, `.strata/templates/…` for the app's) rather than its name alone.
    #[must_use]
    pub fn locate(&self, error: Error) -> Error {
        match error {
            Error::Format {
                template,
                path,
                message,
            } => Error::Format {
                template: self
                    .origins
                    .get(&template)
                    .filter(|origin| !origin.starts_with("templates/"))
                    .cloned()
                    .unwrap_or(template),
                path,
                message,
            },
            other => other,
        }
    }

    /// Changes whenever any template, or strata itself, changes.
    #[must_use]
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// Renders one template; the output ends with exactly one newline.
    ///
    /// # Errors
    /// A render error naming the template.
    pub fn render(&self, template: &str, context: &Context) -> Result<String> {
        let mut text = self
            .tera
            .render(template, context)
            .map_err(|e| Error::Template {
                template: self
                    .origins
                    .get(template)
                    .cloned()
                    .unwrap_or_else(|| template.to_string()),
                message: error_chain(&e),
            })?;
        let trimmed = text.trim_end_matches('\n').len();
        text.truncate(trimmed);
        text.push('\n');
        Ok(text)
    }
}

fn empty_tera() -> Result<Tera> {
    let mut tera = Tera::new();
    tera.autoescape_on(Vec::<&str>::new());
    filters::register(&mut tera);
    tera.set_delimiters(delimiters())
        .map_err(|e| Error::Template {
            template: "(delimiters)".into(),
            message: e.to_string(),
        })?;
    Ok(tera)
}

fn error_chain(error: &tera::Error) -> String {
    let mut message = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        message.push_str(&format!("\n  caused by: {cause}"));
        source = cause.source();
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The format stage writes strata's templates without a tag as they are: each must already be
    /// what the formatter makes of it.
    #[test]
    fn every_template_without_a_tag_is_written_formatted() {
        let mut unformatted = Vec::new();
        for (name, text) in builtin_templates() {
            let path = catalog::output_path(&name, None, None);
            if !is_verbatim(text) || !crate::format::covers(&path) {
                continue;
            }
            let formatted = crate::format::format(&path, text.to_string())
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            if formatted != text {
                unformatted.push(name);
            }
        }
        assert!(
            unformatted.is_empty(),
            "not formatted as written: {unformatted:?}"
        );
    }
}

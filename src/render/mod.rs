//! Renders the app's files with Tera 2 from templates embedded in the binary, or a team's
//! overrides under `.strata/templates/`.
//!
//! Templates use `[[ value ]]`, `[% block %]` and `[# comment #]`, which never occur in the
//! TypeScript, TSX, JSON or CSS we generate, so no `raw` blocks are needed. A line holding only
//! block tags leaves no trace in the output (like Jinja's `trim_blocks` + `lstrip_blocks`).

pub mod catalog;
pub mod incremental;
mod lines;
pub mod openapi;
mod openapi_auth;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};
use sha2::{Digest, Sha256};
use tera::{Context, Delimiters, Tera};

use crate::error::{Error, Result};
use crate::model::{layout, statement_layout};

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
    /// Parses the built-in templates, replaced by any team override under `app_root`.
    ///
    /// # Errors
    /// A template that does not parse, or an override that replaces no built-in template.
    pub fn new(app_root: Option<&Path>) -> Result<Self> {
        let mut sources: BTreeMap<String, (String, String)> = builtin_templates()
            .into_iter()
            .map(|(name, text)| {
                (
                    name.clone(),
                    (format!("templates/{name}"), text.to_string()),
                )
            })
            .collect();
        if let Some(root) = app_root {
            for (name, path, text) in read_overrides(&root.join(OVERRIDE_DIR))? {
                if !sources.contains_key(&name) {
                    return Err(Error::Template {
                        template: format!("{OVERRIDE_DIR}/{name}"),
                        message: "this override replaces no built-in template".into(),
                    });
                }
                sources.insert(name, (path, text));
            }
        }
        let mut origins = BTreeMap::new();
        // The built-in templates are part of the binary's identity; overrides are hashed here.
        let mut fingerprint = Sha256::new();
        fingerprint.update(env!("CARGO_PKG_VERSION"));
        fingerprint.update(env!("STRATA_SOURCE_ID"));
        let mut stripped = Vec::with_capacity(sources.len());
        for (name, (origin, text)) in &sources {
            if origin.starts_with(OVERRIDE_DIR) {
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
            fingerprint: crate::plan::ledger::hex(&fingerprint.finalize()),
        })
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
    register_layout_functions(&mut tera);
    tera.set_delimiters(delimiters())
        .map_err(|e| Error::Template {
            template: "(delimiters)".into(),
            message: e.to_string(),
        })?;
    Ok(tera)
}

/// Prettier's line breaking for the templates, as [`crate::model::layout`] and
/// [`crate::model::column_layout`] implement it: `wrap(open, items, close, indent?, padded?)`
/// (lists), `chain(head, calls, indent?)` (method chains), `jsx(tag, attrs, indent?)` and
/// `jsx_text(tag, attrs?, text, indent?)` (JSX elements), `assign(lhs, head, args, suffix?,
/// indent?)` (assignments and properties of calls), `arrow_call(head, arrow?, body, indent?)`
/// (hugged arrow functions), `generic(lhs, head, argument)` (generic types), `property(key,
/// value, indent?)`, `declare(lhs, value | items and close)` and `declare_call(lhs, callee, first,
/// items)` (declarations), `hug(lead?, call, suffix?, indent?)` (a call whose last argument is an
/// object).
fn register_layout_functions(tera: &mut Tera) {
    fn indent_of(kwargs: &tera::Kwargs) -> tera::TeraResult<usize> {
        let indent = kwargs.get::<u64>("indent")?.unwrap_or(0);
        Ok(usize::try_from(indent).unwrap_or(0))
    }
    tera.register_function(
        "wrap",
        |kwargs: tera::Kwargs, _: &tera::State| -> tera::TeraResult<String> {
            // Empty items are left out, so a template can write `["x" if cond else "", "y"]`.
            let items: Vec<String> = kwargs
                .must_get::<Vec<String>>("items")?
                .into_iter()
                .filter(|i| !i.is_empty())
                .collect();
            let indent = indent_of(&kwargs)?;
            let padded = kwargs.get::<bool>("padded")?.unwrap_or(false);
            let open: String = kwargs.must_get("open")?;
            let close: String = kwargs.must_get("close")?;
            Ok(layout::wrap(&open, &items, &close, indent, padded))
        },
    );
    tera.register_function(
        "jsx",
        |kwargs: tera::Kwargs, _: &tera::State| -> tera::TeraResult<String> {
            let tag: String = kwargs.must_get("tag")?;
            // Empty attributes are left out, as `wrap` leaves out empty items.
            let attrs: Vec<String> = kwargs
                .must_get::<Vec<String>>("attrs")?
                .into_iter()
                .filter(|a| !a.is_empty())
                .collect();
            let indent = indent_of(&kwargs)?;
            Ok(layout::jsx(&tag, &attrs, indent))
        },
    );
    tera.register_function(
        "jsx_text",
        |kwargs: tera::Kwargs, _: &tera::State| -> tera::TeraResult<String> {
            let tag: String = kwargs.must_get("tag")?;
            let attrs: Vec<String> = kwargs.get("attrs")?.unwrap_or_default();
            let text: String = kwargs.must_get("text")?;
            let indent = indent_of(&kwargs)?;
            Ok(layout::jsx_element(&tag, &attrs, |_| text.clone(), indent))
        },
    );
    tera.register_function(
        "assign",
        |kwargs: tera::Kwargs, _: &tera::State| -> tera::TeraResult<String> {
            let lhs: String = kwargs.must_get("lhs")?;
            let head: String = kwargs.must_get("head")?;
            let args: Vec<String> = kwargs
                .must_get::<Vec<String>>("args")?
                .into_iter()
                .filter(|a| !a.is_empty())
                .collect();
            let suffix: String = kwargs.get("suffix")?.unwrap_or_default();
            let indent = indent_of(&kwargs)?;
            Ok(statement_layout::assign_call(
                &lhs, &head, &args, &suffix, indent,
            ))
        },
    );
    tera.register_function(
        "arrow_call",
        |kwargs: tera::Kwargs, _: &tera::State| -> tera::TeraResult<String> {
            let head: String = kwargs.must_get("head")?;
            let arrow: String = kwargs.get("arrow")?.unwrap_or_else(|| "() =>".to_string());
            let body: String = kwargs.must_get("body")?;
            let indent = indent_of(&kwargs)?;
            Ok(statement_layout::arrow_call(&head, &arrow, &body, indent))
        },
    );
    tera.register_function(
        "generic",
        |kwargs: tera::Kwargs, _: &tera::State| -> tera::TeraResult<String> {
            let lhs: String = kwargs.must_get("lhs")?;
            let head: String = kwargs.must_get("head")?;
            let argument: String = kwargs.must_get("argument")?;
            Ok(statement_layout::generic(&lhs, &head, &argument))
        },
    );
    tera.register_function(
        "property",
        |kwargs: tera::Kwargs, _: &tera::State| -> tera::TeraResult<String> {
            let key: String = kwargs.must_get("key")?;
            let value: String = kwargs.must_get("value")?;
            Ok(statement_layout::property(
                &key,
                &value,
                indent_of(&kwargs)?,
            ))
        },
    );
    tera.register_function(
        "declare",
        |kwargs: tera::Kwargs, _: &tera::State| -> tera::TeraResult<String> {
            let lhs: String = kwargs.must_get("lhs")?;
            Ok(match kwargs.get::<Vec<String>>("items")? {
                Some(items) => {
                    let close: String = kwargs.get("close")?.unwrap_or_default();
                    statement_layout::declare_array(&lhs, &items, &close)
                }
                None => statement_layout::declare(
                    &lhs,
                    &kwargs.must_get::<String>("value")?,
                    indent_of(&kwargs)?,
                ),
            })
        },
    );
    tera.register_function(
        "declare_call",
        |kwargs: tera::Kwargs, _: &tera::State| -> tera::TeraResult<String> {
            let lhs: String = kwargs.must_get("lhs")?;
            let callee: String = kwargs.must_get("callee")?;
            let first: String = kwargs.must_get("first")?;
            let items: Vec<String> = kwargs.must_get("items")?;
            Ok(crate::model::column_layout::declare_call_with_list(
                &lhs, &callee, &first, &items,
            ))
        },
    );
    tera.register_function(
        "hug",
        |kwargs: tera::Kwargs, _: &tera::State| -> tera::TeraResult<String> {
            let lead: String = kwargs.get("lead")?.unwrap_or_default();
            let call: String = kwargs.must_get("call")?;
            let suffix: String = kwargs.get("suffix")?.unwrap_or_default();
            Ok(crate::model::column_layout::hugged_call(
                &lead,
                &call,
                &suffix,
                indent_of(&kwargs)?,
            ))
        },
    );
    tera.register_function(
        "union",
        |kwargs: tera::Kwargs, _: &tera::State| -> tera::TeraResult<String> {
            let name: String = kwargs.must_get("name")?;
            let members: Vec<String> = kwargs.must_get("members")?;
            Ok(layout::union(&name, &members))
        },
    );
    tera.register_function(
        "chain",
        |kwargs: tera::Kwargs, _: &tera::State| -> tera::TeraResult<String> {
            let head: String = kwargs.must_get("head")?;
            let calls: Vec<String> = kwargs.must_get("calls")?;
            let indent = indent_of(&kwargs)?;
            Ok(layout::statement_chain(&head, &calls, indent))
        },
    );
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

fn read_overrides(dir: &Path) -> Result<Vec<(String, String, String)>> {
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
        out.push((relative.clone(), format!("{OVERRIDE_DIR}/{relative}"), text));
    }
    Ok(out)
}

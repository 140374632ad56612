//! Templates a team's pack or the app adds beside strata's own: the path of each says where its
//! output goes, once (`src/lib/audit.ts`) or once per resource (`src/services/__kebab__.audit.ts`),
//! with the placeholders of strata's own catalog.

use std::collections::BTreeMap;

use super::catalog::{CATALOG, DRIZZLE_DIR, PRISMA_DIR, Scope, output_path};
use crate::error::{Error, Result};
use crate::model::{App, Orm};

/// The placeholders a template's path may hold, each with what it stands for. A path holding one
/// is rendered once per resource; a path holding none, once.
pub const PLACEHOLDERS: &[(&str, &str)] = &[
    (
        "__kebab__",
        "the resource's name in kebab case, e.g. blog-post",
    ),
    ("__plural_kebab__", "its plural, e.g. blog-posts"),
];

/// Folders strata keeps for itself: no added template writes there.
const RESERVED_DIRS: &[(&str, &str)] = &[
    (".strata/", "strata's ledger and merge bases"),
    ("drizzle/", "the app's migrations"),
];

/// A template that replaces none of strata's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Added {
    /// Its name: its path under `templates/` (or `.strata/templates/`).
    pub template: String,
    /// Where it is, for messages (`../team/templates/src/lib/audit.ts`).
    pub origin: String,
    pub scope: Scope,
    /// Under `_prisma/` or `_drizzle/`: only in apps whose data layer is that one.
    pub orm: Option<Orm>,
}

impl Added {
    /// Reads where `template` (found at `origin`) writes from its path.
    ///
    /// # Errors
    /// A placeholder strata does not know, or a path in a folder strata keeps for itself.
    pub fn of(template: &str, origin: &str) -> Result<Added> {
        let problem = |message: String| Error::Template {
            template: origin.to_string(),
            message,
        };
        let mut per_resource = false;
        for placeholder in placeholders(template) {
            if PLACEHOLDERS.iter().all(|(known, _)| *known != placeholder) {
                let known: Vec<String> = PLACEHOLDERS
                    .iter()
                    .map(|(name, meaning)| format!("{name} ({meaning})"))
                    .collect();
                return Err(problem(format!(
                    "its path holds the placeholder {placeholder}, which strata does not know; the placeholders are {}",
                    known.join(", ")
                )));
            }
            per_resource = true;
        }
        let output = output_path(template, None, None);
        for (dir, what) in RESERVED_DIRS {
            if output.starts_with(dir) {
                return Err(problem(format!(
                    "it would write {output}, but {dir} holds {what}; choose another path"
                )));
            }
        }
        Ok(Added {
            template: template.to_string(),
            origin: origin.to_string(),
            scope: if per_resource {
                Scope::Resource
            } else {
                Scope::App
            },
            orm: if template.starts_with(PRISMA_DIR) {
                Some(Orm::Prisma)
            } else if template.starts_with(DRIZZLE_DIR) {
                Some(Orm::Drizzle)
            } else {
                None
            },
        })
    }

    /// Whether `app` has this file.
    #[must_use]
    pub fn applies(&self, app: &App) -> bool {
        self.orm.is_none_or(|orm| orm == app.orm)
    }
}

/// Every `__word__` in `path`.
fn placeholders(path: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = path;
    while let Some(open) = rest.find("__") {
        let after = &rest[open + 2..];
        let Some(close) = after.find("__") else {
            break;
        };
        let word = &after[..close];
        if !word.is_empty() && word.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            found.push(&rest[open..open + close + 4]);
            rest = &after[close + 2..];
        } else {
            rest = after;
        }
    }
    found
}

/// Refuses an added template whose output in `app` is a file strata writes itself, or the
/// output of another added template.
///
/// # Errors
/// The first collision, naming the added template where it is and the file's other writer.
pub fn check_outputs(app: &App, added: &[Added]) -> Result<()> {
    if added.is_empty() {
        return Ok(());
    }
    let mut taken: BTreeMap<String, String> = BTreeMap::new();
    for (path, what) in [
        (crate::manifest::FILE_NAME, "strata (the manifest)"),
        (super::openapi::PATH, "strata (the OpenAPI document)"),
        (
            crate::format::CONFIG_PATH,
            "strata (the formatter's settings)",
        ),
    ] {
        taken.insert(path.to_string(), what.to_string());
    }
    // Every data layer's and every configuration's files: an app may change either later.
    for entry in CATALOG {
        match entry.scope {
            Scope::App => {
                taken.insert(
                    output_path(entry.template, None, None),
                    format!("strata's template {}", entry.template),
                );
            }
            Scope::Resource => {
                for resource in &app.resources {
                    taken.insert(
                        output_path(
                            entry.template,
                            Some(&resource.names),
                            resource.route_group.as_deref(),
                        ),
                        format!(
                            "strata's template {} for resource {:?}",
                            entry.template, resource.names.snake
                        ),
                    );
                }
            }
        }
    }
    for one in added.iter().filter(|a| a.applies(app)) {
        let outputs: Vec<(String, String)> = match one.scope {
            Scope::App => vec![(output_path(&one.template, None, None), String::new())],
            Scope::Resource => app
                .resources
                .iter()
                .map(|r| {
                    (
                        output_path(&one.template, Some(&r.names), r.route_group.as_deref()),
                        format!(" for resource {:?}", r.names.snake),
                    )
                })
                .collect(),
        };
        for (path, resource) in outputs {
            if let Some(other) = taken.get(&path) {
                return Err(Error::Template {
                    template: one.origin.clone(),
                    message: format!(
                        "it would write {path}{resource}, which {other} writes too; an added template needs a path of its own (to replace strata's template, give yours the same path as it)"
                    ),
                });
            }
            taken.insert(path, format!("the template {}{resource}", one.origin));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_path_says_once_or_per_resource() {
        let once = Added::of("src/lib/audit.ts", "team/templates/src/lib/audit.ts").unwrap();
        assert_eq!(once.scope, Scope::App);
        let each = Added::of("src/services/__kebab__.audit.ts", "o").unwrap();
        assert_eq!(each.scope, Scope::Resource);
        assert_eq!(each.orm, None);
        let prisma = Added::of("_prisma/src/dal/__plural_kebab__/x.ts", "o").unwrap();
        assert_eq!(
            (prisma.scope, prisma.orm),
            (Scope::Resource, Some(Orm::Prisma))
        );
    }

    #[test]
    fn an_unknown_placeholder_is_named_with_the_known_ones() {
        let error = Added::of("src/__snake__.ts", "team/templates/src/__snake__.ts")
            .unwrap_err()
            .to_string();
        assert!(
            error.starts_with("template team/templates/src/__snake__.ts: ")
                && error.contains("placeholder __snake__")
                && error.contains("__kebab__ (")
                && error.contains("__plural_kebab__ ("),
            "{error}"
        );
        let reserved = Added::of(".strata/x.json", "o").unwrap_err().to_string();
        assert!(reserved.contains("strata's ledger"), "{reserved}");
    }

    #[test]
    fn placeholders_are_words_between_double_underscores() {
        assert_eq!(
            placeholders("src/app/api/__plural_kebab__/__kebab__.x.ts"),
            ["__plural_kebab__", "__kebab__"]
        );
        assert!(placeholders("src/lib/a__b.ts").is_empty());
        assert_eq!(placeholders("a/__x-y__/__z__.ts"), ["__z__"]);
    }
}

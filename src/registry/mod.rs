//! One registry of the names the generated app defines, strata's own and each resource's, by the
//! namespace they live in. A resource or field whose names would meet a name already taken is
//! refused, every collision in one run, before anything is rendered. (SQL names past
//! PostgreSQL's 63 bytes are shortened where they are made, in `model::names`.)

pub mod builtin;
mod derived;

use std::collections::BTreeMap;

use crate::diagnostic::Diagnostics;
use crate::manifest::Manifest;
use crate::model::{App, Resource, ResourceNames};
use crate::render::catalog::{CATALOG, Scope, When, output_path};
use builtin::Part;
pub use derived::{Derived, names_of};

/// Where a name lives: two names meet only in the same space.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Space {
    /// A module-level TypeScript name: modules import each other's side by side.
    Export,
    /// A name the per-resource templates declare themselves.
    Local,
    /// A schema of the OpenAPI document's components.
    Component,
    /// The first segment of a route under `/api`.
    ApiRoute,
    /// The first segment of a page's URL.
    PageRoute,
    /// A file strata writes.
    File,
    /// A table or type in the database.
    Sql,
}

impl Space {
    fn describe(self, name: &str) -> String {
        match self {
            Space::Export => format!("the TypeScript name `{name}`"),
            Space::Local => format!("`{name}`, a name the generated code declares beside it"),
            Space::Component => format!("the OpenAPI component `{name}`"),
            Space::ApiRoute => format!("the route /api/{name}"),
            Space::PageRoute => format!("the page /{name}"),
            Space::File => format!("the file {name}"),
            Space::Sql => format!("the database name \"{name}\""),
        }
    }
}

/// Every name strata itself defines in `app`, with where it is defined.
#[must_use]
pub fn built_in(app: &App) -> BTreeMap<(Space, String), String> {
    let applies = |part: Part| part == Part::Core || app.auth.enabled;
    let mut taken = BTreeMap::new();
    for (module, part, names) in builtin::EXPORTS {
        if applies(*part) {
            for name in *names {
                taken.insert(
                    (Space::Export, (*name).to_string()),
                    format!("strata's {module}"),
                );
            }
        }
    }
    for name in builtin::TEMPLATE_LOCALS {
        taken.insert(
            (Space::Local, (*name).to_string()),
            "the per-resource templates".to_string(),
        );
    }
    for (name, part) in builtin::COMPONENTS {
        if applies(*part) {
            taken.insert(
                (Space::Component, (*name).to_string()),
                "strata's OpenAPI document".to_string(),
            );
        }
    }
    let auth_only = |when: When| {
        matches!(
            when,
            When::Auth | When::Jwt | When::OAuth | When::Provider(_)
        )
    };
    for entry in CATALOG
        .iter()
        .filter(|e| e.scope == Scope::App && (app.auth.enabled || !auth_only(e.when)))
    {
        let path = output_path(entry.template, None, None);
        for (space, segment) in route_segments(&path) {
            taken.insert((space, segment), format!("strata's {path}"));
        }
        taken.insert((Space::File, path), "strata".to_string());
    }
    // The auth tables: the schema of the app without its resources (which are not cloned).
    let without_resources = App {
        name: app.name.clone(),
        title: app.title.clone(),
        database: app.database,
        orm: app.orm,
        api: app.api,
        auth: app.auth.clone(),
        resources: Vec::new(),
        strict_layers: app.strict_layers,
    };
    let schema = crate::migrate::schema_of(&without_resources);
    for name in schema.tables.keys().chain(schema.enums.keys()) {
        taken.insert(
            (Space::Sql, name.clone()),
            "strata's auth tables".to_string(),
        );
    }
    taken
}

/// The routes a file under `src/app` serves: the first segment of its URL (route groups, in
/// parentheses, add none), and under `/api` the first segment after it.
fn route_segments(path: &str) -> Vec<(Space, String)> {
    let Some(rest) = path.strip_prefix("src/app/") else {
        return Vec::new();
    };
    let mut dirs: Vec<&str> = rest.split('/').collect();
    dirs.pop();
    let dirs: Vec<&str> = dirs.into_iter().filter(|d| !d.starts_with('(')).collect();
    match dirs.as_slice() {
        [] => Vec::new(),
        ["api", segment, ..] => vec![
            (Space::PageRoute, "api".to_string()),
            (Space::ApiRoute, (*segment).to_string()),
        ],
        [segment, ..] => vec![(Space::PageRoute, (*segment).to_string())],
    }
}

/// Who already holds the name `derived` would bring: the same name in its space, or, for an
/// export, a name the templates declare beside the imports.
fn holder<'a>(
    taken: &'a BTreeMap<(Space, String), String>,
    derived: &Derived,
) -> Option<&'a String> {
    taken
        .get(&(derived.space, derived.name.clone()))
        .or_else(|| {
            (derived.space == Space::Export)
                .then(|| taken.get(&(Space::Local, derived.name.clone())))
                .flatten()
        })
}

/// The names `resource` brings that are taken, each with who took it; `taken` gains the rest.
fn collisions(
    resource: &Resource,
    taken: &mut BTreeMap<(Space, String), String>,
) -> Vec<(Derived, String)> {
    let mut found = Vec::new();
    let owner = format!("resource {:?}", resource.names.snake);
    for derived in names_of(resource) {
        match holder(taken, &derived).cloned() {
            Some(other) if other != owner => found.push((derived, other)),
            Some(_) => {}
            None => {
                let by = match &derived.field {
                    Some(field) => format!("{owner} (field {field:?})"),
                    None => owner.clone(),
                };
                taken.insert((derived.space, derived.name.clone()), by);
            }
        }
    }
    found
}

/// A name close to `names` that brings nothing already taken.
fn suggestion(app: &App, resource: &Resource, taken: &BTreeMap<(Space, String), String>) -> String {
    for suffix in ["entry", "item", "record"] {
        let candidate = format!("{}_{suffix}", resource.names.snake);
        let mut renamed = resource.clone();
        renamed.names = ResourceNames::new(&candidate);
        renamed.fields.clear();
        let clash = names_of(&renamed)
            .iter()
            .any(|d| holder(taken, d).is_some());
        if !clash && !app.resources.iter().any(|r| r.names.snake == candidate) {
            return candidate;
        }
    }
    format!("{}_entry", resource.names.snake)
}

/// The app `manifest` describes, once no name it brings collides.
///
/// # Errors
/// The model's problems, or else every collision.
pub fn validated(manifest: &Manifest) -> Result<App, Diagnostics> {
    let app = crate::model::build(manifest)?;
    check(manifest, &app)?;
    Ok(app)
}

/// Refuses every resource and field of `app` whose names meet a name strata or an earlier
/// resource defines.
///
/// # Errors
/// One diagnostic per colliding resource or field, at its place in the manifest.
pub fn check(manifest: &Manifest, app: &App) -> Result<(), Diagnostics> {
    let mut taken = built_in(app);
    let builtins = taken.clone();
    let mut problems = Vec::new();
    for (key, raw) in &manifest.raw.resources {
        let snake = ResourceNames::new(key.get_ref()).snake;
        let Some(resource) = app.resources.iter().find(|r| r.names.snake == snake) else {
            continue;
        };
        let found = collisions(resource, &mut taken);
        let mut by_field: BTreeMap<Option<String>, Vec<String>> = BTreeMap::new();
        for (derived, other) in found {
            let clash = format!("{} ({other})", derived.space.describe(&derived.name));
            let clashes = by_field.entry(derived.field.clone()).or_default();
            if !clashes.contains(&clash) {
                clashes.push(clash);
            }
        }
        for (field, clashes) in by_field {
            let list = clashes.join("; ");
            problems.push(match field {
                None => manifest
                    .diagnostic(
                        key.span(),
                        format!("resource name {:?} collides with names the app already defines: {list}", key.get_ref()),
                    )
                    .with_help(format!(
                        "choose another name, e.g. {}",
                        suggestion(app, resource, &builtins)
                    )),
                Some(field) => {
                    let span = raw
                        .get_ref()
                        .fields
                        .iter()
                        .find(|spec| names_field(spec.get_ref(), &field))
                        .map_or(key.span(), toml::Spanned::span);
                    manifest
                        .diagnostic(span, format!("field {field:?} of resource {:?} collides with names the app already defines: {list}", key.get_ref()))
                        .with_help("rename the field or the other resource")
                }
            });
        }
    }
    Diagnostics::of(problems).map_or(Ok(()), Err)
}

/// Whether a field spec as written declares the field `snake`.
fn names_field(spec: &str, snake: &str) -> bool {
    spec.split(':')
        .next()
        .is_some_and(|name| heck::ToSnakeCase::to_snake_case(name.trim_end_matches('?')) == snake)
}

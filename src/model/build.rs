//! Turns the raw manifest into the validated [`App`], refusing bad input with a located message.

use heck::ToPascalCase;
use toml::Spanned;

use super::auth_build;
use super::names::is_identifier;
use super::resources::{build_resource, parse_resources};
use super::route_group;
use super::{Api, App, ChoiceSource, Database, FieldSpec, FieldType, Orm, Resource, parse_field};
use crate::diagnostic::{Diagnostic, Diagnostics, did_you_mean};
use crate::manifest::Manifest;

pub(super) type Build<T> = Result<T, Diagnostic>;

/// Validates a loaded manifest into the app model.
///
/// # Errors
/// Every problem found, each naming `strata.toml:line:column` and how to fix it. Sections are
/// checked independently; resources are built only once every field spec parses (a broken one
/// would otherwise make refs to it look wrong too).
pub fn build(manifest: &Manifest) -> Result<App, Diagnostics> {
    let mut problems: Vec<Diagnostic> = Vec::new();
    let raw = &manifest.raw;
    let app = raw.app.get_ref();
    let name = app.name.get_ref();
    if !is_identifier(name) {
        problems.push(
            manifest
                .diagnostic(
                    app.name.span(),
                    format!("app name {name:?} is not a valid package name"),
                )
                .with_help(
                    "use lower-case letters, digits, - and _, starting with a letter (e.g. \"blog\")",
                ),
        );
    }
    let database = or_default(
        choose(
            manifest,
            app.database.as_ref(),
            &[
                ("pglite", Database::Pglite),
                ("postgres", Database::Postgres),
            ],
            Database::Pglite,
            "database",
        ),
        Database::Pglite,
        &mut problems,
    );
    let orm = choose(
        manifest,
        app.orm.as_ref(),
        &[("drizzle", Orm::Drizzle), ("prisma", Orm::Prisma)],
        Orm::Drizzle,
        "orm",
    );
    let api = choose(
        manifest,
        app.api.as_ref(),
        &[
            ("routes", Api::Routes),
            ("actions", Api::Actions),
            ("both", Api::Both),
        ],
        Api::Routes,
        "api",
    );
    let orm = or_default(orm, Orm::Drizzle, &mut problems);
    let api = or_default(api, Api::Routes, &mut problems);
    let auth = auth_build::build_auth(manifest);
    let specs = match parse_resources(manifest) {
        Ok(specs) => Some(specs),
        Err(found) => {
            problems.extend(found);
            None
        }
    };
    let auth = match auth {
        Ok(auth) => Some(auth),
        Err(problem) => {
            problems.push(problem);
            None
        }
    };
    let (Some(specs), Some(auth)) = (specs, auth) else {
        return Err(Diagnostics::of(problems).expect("a problem was found"));
    };
    if orm == Orm::Prisma {
        problems.extend(refuse_optional_arrays(manifest, &specs));
    }
    let app_group = app
        .route_group
        .as_ref()
        .map(|group| route_group::parse(manifest, group))
        .transpose()
        .unwrap_or_else(|problem| {
            problems.push(problem);
            None
        });
    let mut resources = Vec::with_capacity(specs.len());
    for (key, raw_resource, fields) in &specs {
        let group = match &raw_resource.route_group {
            Some(own) => route_group::parse(manifest, own).map(Some),
            None => Ok(app_group.clone()),
        };
        match (
            build_resource(manifest, key, raw_resource, fields, &specs, &auth),
            group,
        ) {
            (Ok(mut resource), Ok(group)) => {
                let dir = route_group::api_dir(group.as_deref(), &resource.names.plural_kebab);
                resource.route_import = format!("@/{dir}");
                resource.route_group = group;
                resources.push(resource);
            }
            (built, group) => {
                problems.extend(built.err().unwrap_or_default());
                problems.extend(group.err());
            }
        }
    }
    if api != Api::Routes {
        offer_choices(&mut resources);
    }
    if let Some(diagnostics) = Diagnostics::of(problems) {
        return Err(diagnostics);
    }
    super::test_plan::finish_tests(&mut resources, &auth.default_role);
    Ok(App {
        name: name.to_lowercase(),
        title: name.to_pascal_case(),
        database,
        orm,
        api,
        auth,
        resources,
        strict_layers: raw
            .layers
            .as_ref()
            .is_some_and(|layers| layers.get_ref().strict),
    })
}

/// The value, or `default` with the problem kept for the report.
fn or_default<T>(result: Build<T>, default: T, problems: &mut Vec<Diagnostic>) -> T {
    result.unwrap_or_else(|problem| {
        problems.push(problem);
        default
    })
}

pub(super) fn choose<T: Copy>(
    manifest: &Manifest,
    value: Option<&Spanned<String>>,
    options: &[(&str, T)],
    default: T,
    key: &str,
) -> Build<T> {
    let Some(value) = value else {
        return Ok(default);
    };
    if let Some((_, choice)) = options.iter().find(|(name, _)| name == value.get_ref()) {
        return Ok(*choice);
    }
    let names: Vec<&str> = options.iter().map(|(name, _)| *name).collect();
    let help = match did_you_mean(value.get_ref(), names.iter().copied()) {
        Some(candidate) => format!("did you mean {candidate:?}?"),
        None => format!("use one of: {}", names.join(", ")),
    };
    Err(manifest
        .diagnostic(
            value.span(),
            format!(
                "unknown {key} {:?}; expected one of {}",
                value.get_ref(),
                names.join(", ")
            ),
        )
        .with_help(help))
}

/// Prisma reads a NULL list as `[]` and cannot write one, so an optional array would not round
/// trip as it does with Drizzle.
fn refuse_optional_arrays(
    manifest: &Manifest,
    specs: &[super::resources::ParsedResource<'_>],
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for (_, _, fields) in specs {
        for (field, span) in fields
            .iter()
            .filter(|(f, _)| f.optional && matches!(f.ty, FieldType::Array { .. }))
        {
            problems.push(manifest
                .diagnostic(
                    span.clone(),
                    format!(
                        "{:?} is an optional array, which orm = \"prisma\" cannot store: Prisma \
                         reads a NULL list as [] and cannot write NULL into one",
                        field.name
                    ),
                )
                .with_help(
                    "make the array required (an empty list means none), or use orm = \"drizzle\"",
                ));
        }
    }
    problems
}

/// Parses a field spec given on the command line, naming the argument in errors.
///
/// # Errors
/// A diagnostic naming the argument.
pub fn parse_cli_field(spec: &str) -> Build<FieldSpec> {
    parse_field(spec).map_err(|e| Diagnostic::in_argument(spec, e.message).with_help(e.help))
}

/// Gives each resource a `ref` points to the choices its select offers: labelled by the first
/// required text field, which is sortable, or else by id, newest first.
fn offer_choices(resources: &mut [Resource]) {
    let targets: Vec<String> = resources
        .iter()
        .flat_map(|r| r.fields.iter().filter_map(|f| f.target.as_ref()))
        .filter(|t| !t.is_user)
        .map(|t| t.names.snake.clone())
        .collect();
    for resource in resources.iter_mut() {
        if !targets.contains(&resource.names.snake) {
            continue;
        }
        let label = resource.fields.iter().find(|f| {
            !f.spec.private
                && !f.spec.optional
                && matches!(f.spec.ty, FieldType::String { .. } | FieldType::Email)
        });
        resource.choices = Some(match label {
            Some(field) => ChoiceSource {
                label: field.names.camel.clone(),
                sort: field.names.camel.clone(),
            },
            None => ChoiceSource {
                label: "id".to_string(),
                sort: "-createdAt".to_string(),
            },
        });
    }
}

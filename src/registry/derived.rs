//! The names one resource brings into the app: its exports, OpenAPI components, routes, files and
//! SQL names, each in the namespace where it could meet another.

use super::Space;
use crate::model::{Resource, ResourceNames};
use crate::render::catalog::{CATALOG, Scope, output_path};

/// Which of a resource's names a pattern starts from.
#[derive(Clone, Copy)]
enum Form {
    /// `BlogPost`
    Pascal,
    /// `BlogPosts`
    PluralPascal,
    /// `blogPost`
    Camel,
    /// `blogPosts`
    PluralCamel,
}

/// Every module-level name a resource's files declare, as prefix, form and suffix.
#[rustfmt::skip]
const EXPORTS: &[(&str, Form, &str)] = &[
    ("", Form::Pascal, ""), ("", Form::Pascal, "Changes"), ("", Form::Pascal, "Form"),
    ("", Form::Pascal, "ListOptions"), ("", Form::Pascal, "ListQuery"), ("", Form::Pascal, "SortField"),
    ("New", Form::Pascal, ""), ("Create", Form::Pascal, "Input"), ("Update", Form::Pascal, "Input"),
    ("count", Form::PluralPascal, ""), ("find", Form::PluralPascal, ""), ("list", Form::PluralPascal, ""),
    ("create", Form::Pascal, ""), ("create", Form::Pascal, "Action"), ("create", Form::Pascal, "Row"),
    ("create", Form::Pascal, "Schema"), ("delete", Form::Pascal, ""), ("delete", Form::Pascal, "Action"),
    ("delete", Form::Pascal, "ById"), ("find", Form::Pascal, "ById"), ("get", Form::Pascal, ""),
    ("get", Form::Pascal, "Count"), ("insert", Form::Pascal, ""), ("list", Form::Pascal, "Choices"),
    ("update", Form::Pascal, ""), ("update", Form::Pascal, "Action"), ("update", Form::Pascal, "ById"),
    ("update", Form::Pascal, "Schema"),
    ("", Form::Camel, "Access"), ("", Form::Camel, "Body"), ("", Form::Camel, "Exists"),
    ("", Form::Camel, "ListQuerySchema"), ("", Form::Camel, "SortValues"), ("", Form::Camel, "Columns"),
    ("", Form::Camel, "SortColumns"), ("", Form::Camel, "Select"),
    ("", Form::PluralCamel, ""),
];

/// The OpenAPI components of a resource's routes.
const COMPONENTS: &[(&str, &str)] = &[("", ""), ("Create", ""), ("Update", ""), ("", "Page")];

/// One name a resource brings, and the field it comes from, if any.
pub struct Derived {
    pub space: Space,
    pub name: String,
    pub field: Option<String>,
}

fn of(space: Space, name: String) -> Derived {
    Derived {
        space,
        name,
        field: None,
    }
}

fn form(names: &ResourceNames, form: Form) -> &str {
    match form {
        Form::Pascal => &names.pascal,
        Form::PluralPascal => &names.plural_pascal,
        Form::Camel => &names.camel,
        Form::PluralCamel => &names.plural_camel,
    }
}

/// Every name `resource` brings into the app.
pub fn names_of(resource: &Resource) -> Vec<Derived> {
    let names = &resource.names;
    let mut derived: Vec<Derived> = EXPORTS
        .iter()
        .map(|(prefix, f, suffix)| {
            of(
                Space::Export,
                format!("{prefix}{}{suffix}", form(names, *f)),
            )
        })
        .collect();
    derived.extend(COMPONENTS.iter().map(|(prefix, suffix)| {
        of(
            Space::Component,
            format!("{prefix}{}{suffix}", names.pascal),
        )
    }));
    derived.push(of(Space::ApiRoute, names.plural_kebab.clone()));
    derived.push(of(Space::PageRoute, names.plural_kebab.clone()));
    derived.push(of(Space::Sql, names.table.clone()));
    derived.extend(files_of(names, resource.route_group.as_deref()).map(|f| of(Space::File, f)));
    for field in &resource.fields {
        if let Some(enumeration) = &field.enumeration {
            let from = |space, name: &str| Derived {
                space,
                name: name.to_string(),
                field: Some(field.names.snake.clone()),
            };
            derived.push(from(Space::Export, &enumeration.ts_type));
            derived.push(from(Space::Export, &enumeration.pg));
            derived.push(from(Space::Export, &enumeration.values_const));
            derived.push(from(Space::Sql, &enumeration.sql));
        }
    }
    derived
}

/// The files of a resource, with either data layer.
fn files_of<'a>(
    names: &'a ResourceNames,
    group: Option<&'a str>,
) -> impl Iterator<Item = String> + 'a {
    CATALOG
        .iter()
        .filter(|entry| entry.scope == Scope::Resource)
        .map(move |entry| output_path(entry.template, Some(names), group))
}

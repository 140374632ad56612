//! The resources of the manifest: names, fields (with their references resolved), access rules.

use std::collections::BTreeMap;

use toml::Spanned;

use super::access::{ACTIONS, Access, Principal, Rule, check_rule};
use super::build::Build;
use super::names::{FieldNames, ResourceNames, is_identifier};
use super::reserved::{field_conflict, resource_conflict};
use super::test_plan::test_plan;
use super::{Auth, Field, FieldSpec, FieldType, RefTarget, Resource, parse_field};
use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::manifest::{Manifest, RawResource, RawRule};

pub(super) type ParsedResource<'a> = (
    &'a Spanned<String>,
    &'a RawResource,
    Vec<(FieldSpec, std::ops::Range<usize>)>,
);

/// Every resource key and field spec, parsed; the problems of all of them when any is wrong.
pub(super) fn parse_resources(
    manifest: &Manifest,
) -> Result<Vec<ParsedResource<'_>>, Vec<Diagnostic>> {
    let mut seen: BTreeMap<String, &Spanned<String>> = BTreeMap::new();
    let mut parsed = Vec::new();
    let mut problems = Vec::new();
    for (key, raw_resource) in &manifest.raw.resources {
        if let Err(problem) = check_key(manifest, key, &mut seen) {
            problems.push(problem);
        }
        let mut fields = Vec::new();
        for spec in &raw_resource.get_ref().fields {
            let literal = spec.span();
            match parse_field(spec.get_ref()) {
                Ok(field) => fields.push((field, literal)),
                Err(e) => {
                    let start = (literal.start + 1 + e.span.start).min(literal.end);
                    let end = (literal.start + 1 + e.span.end).min(literal.end);
                    problems.push(manifest.diagnostic(start..end, e.message).with_help(e.help));
                }
            }
        }
        parsed.push((key, raw_resource.get_ref(), fields));
    }
    if problems.is_empty() {
        Ok(parsed)
    } else {
        Err(problems)
    }
}

/// A resource name: an identifier, not reserved, not another resource's in other casing.
fn check_key<'m>(
    manifest: &Manifest,
    key: &'m Spanned<String>,
    seen: &mut BTreeMap<String, &'m Spanned<String>>,
) -> Build<()> {
    let text = key.get_ref();
    if !is_identifier(text) {
        return Err(manifest.diagnostic(key.span(), format!("resource name {text:?} is not an identifier")).with_help("use letters, digits and _, starting with a letter, in the singular (e.g. blog_post)"));
    }
    let names = ResourceNames::new(text);
    if let Some(reason) = resource_conflict(&names.snake, &names.camel) {
        return Err(manifest
            .diagnostic(
                key.span(),
                format!("resource name {text:?} is reserved: {reason}"),
            )
            .with_help(format!("choose another name, e.g. {}_entry", names.snake)));
    }
    if let Some(first) = seen.insert(names.snake.clone(), key) {
        return Err(manifest
            .diagnostic(
                key.span(),
                format!(
                    "resource {text:?} is the same as {:?} (names ignore case and separators)",
                    first.get_ref()
                ),
            )
            .with_help("keep one of them"));
    }
    Ok(())
}

pub(super) fn build_resource(
    manifest: &Manifest,
    key: &Spanned<String>,
    raw: &RawResource,
    specs: &[(FieldSpec, std::ops::Range<usize>)],
    all: &[ParsedResource<'_>],
    auth: &Auth,
) -> Result<Resource, Vec<Diagnostic>> {
    let names = ResourceNames::new(key.get_ref());
    let owned = raw.owned.as_ref().is_some_and(|o| *o.get_ref());
    let mut problems = Vec::new();
    if owned && !auth.enabled {
        let span = raw.owned.as_ref().map_or(key.span(), Spanned::span);
        problems.push(
            manifest
                .diagnostic(
                    span,
                    "owned = true needs auth, but [auth] strategy is \"none\"",
                )
                .with_help("remove owned, or turn auth on with strategy = \"jwt\""),
        );
    }
    let mut fields: Vec<Field> = Vec::with_capacity(specs.len());
    for (spec, span) in specs {
        let field = match resolve_field(spec, &names, owned, all, auth) {
            Ok(field) => field,
            Err((message, help)) => {
                problems.push(manifest.diagnostic(span.clone(), message).with_help(help));
                continue;
            }
        };
        if let Some(other) = fields
            .iter()
            .find(|f| f.names.camel == field.names.camel || f.names.column == field.names.column)
        {
            problems.push(
                manifest
                    .diagnostic(
                        span.clone(),
                        format!(
                            "field {:?} collides with field {:?} (both become {:?})",
                            spec.name, other.spec.name, field.names.camel
                        ),
                    )
                    .with_help("rename one of them"),
            );
            continue;
        }
        fields.push(field);
    }
    let access = build_access(manifest, raw, owned, auth).map_err(|p| problems.push(p));
    let renamed = renamed_from(manifest, raw, &names, all).map_err(|p| problems.push(p));
    match (access, renamed) {
        (Ok(access), Ok(renamed)) if problems.is_empty() => {
            let mut resource = finish_resource(names, fields, owned, access, auth);
            resource.renamed_from = renamed;
            Ok(resource)
        }
        _ => Err(problems),
    }
}

/// Resolves references and names of a parsed field; errors are (message, help).
pub(crate) fn resolve_field(
    spec: &FieldSpec,
    resource: &ResourceNames,
    owned: bool,
    all: &[ParsedResource<'_>],
    auth: &Auth,
) -> Result<Field, (String, String)> {
    let target = match &spec.ty {
        FieldType::Ref { resource: target } => Some(resolve_target(target, all, auth)?),
        _ => None,
    };
    if let Some(target) = target
        .as_ref()
        .filter(|t| !t.is_user && t.names.snake == resource.snake && !spec.optional)
    {
        return Err((
            format!(
                "{} refers to its own resource, so the first {} could never be created",
                spec.name, target.names.human
            ),
            format!(
                "make it optional: {}:ref:{}?",
                spec.name, target.names.snake
            ),
        ));
    }
    let names = FieldNames::new(&spec.name, target.is_some());
    if let Some(reason) = field_conflict(&names.column, &names.camel, owned) {
        return Err((
            format!("field name {:?} is reserved: {reason}", spec.name),
            format!("choose another name, e.g. {}_value", names.snake),
        ));
    }
    let enumeration = matches!(spec.ty, FieldType::Enum { .. })
        .then(|| super::EnumNames::new(&resource.snake, &names));
    let renamed_from_column = spec
        .renamed_from
        .as_ref()
        .map(|old| FieldNames::new(old, target.is_some()).column);
    Ok(Field {
        form: super::form::form_field(&names, spec, target.as_ref()),
        names,
        spec: spec.clone(),
        target,
        enumeration,
        renamed_from_column,
    })
}

fn resolve_target(
    target: &str,
    all: &[ParsedResource<'_>],
    auth: &Auth,
) -> Result<RefTarget, (String, String)> {
    let names = ResourceNames::new(target);
    if names.snake == "user" && auth.enabled {
        return Ok(RefTarget {
            names,
            is_user: true,
            owned: false,
        });
    }
    if let Some((_, raw, _)) = all
        .iter()
        .find(|(key, _, _)| ResourceNames::new(key.get_ref()).snake == names.snake)
    {
        return Ok(RefTarget {
            names,
            is_user: false,
            owned: raw.owned.as_ref().is_some_and(|o| *o.get_ref()),
        });
    }
    let mut known: Vec<String> = all
        .iter()
        .map(|(key, _, _)| key.get_ref().clone())
        .collect();
    if auth.enabled {
        known.push("user".to_string());
    }
    let help = match did_you_mean(target, known.iter().map(String::as_str)) {
        Some(candidate) => format!("did you mean {candidate:?}?"),
        None if known.is_empty() => {
            "add the resource first (strata add resource <Name>)".to_string()
        }
        None => format!("the resources are: {}", known.join(", ")),
    };
    Err((
        format!("ref:{target} points to no resource of this manifest"),
        help,
    ))
}

fn build_access(manifest: &Manifest, raw: &RawResource, owned: bool, auth: &Auth) -> Build<Access> {
    let mut access = Access::defaults(auth.enabled, owned);
    let Some(rules) = &raw.access else {
        return Ok(access);
    };
    for (action, rule) in rules.get_ref() {
        let principals: Vec<Principal> = match rule.get_ref() {
            RawRule::One(one) => vec![Principal::parse(one)],
            RawRule::Many(many) => many.iter().map(|p| Principal::parse(p)).collect(),
        };
        let Some(slot) = access.rule_mut(action.get_ref()) else {
            let help = did_you_mean(action.get_ref(), ACTIONS).map_or_else(
                || format!("the actions are: {}", ACTIONS.join(", ")),
                |c| format!("did you mean {c:?}?"),
            );
            return Err(manifest
                .diagnostic(
                    action.span(),
                    format!("unknown action {:?}", action.get_ref()),
                )
                .with_help(help));
        };
        check_rule(
            action.get_ref(),
            &principals,
            auth.enabled,
            owned,
            &auth.roles,
        )
        .map_err(|(message, help)| manifest.diagnostic(rule.span(), message).with_help(help))?;
        *slot = Rule::new(principals);
    }
    Ok(access)
}

pub(crate) fn finish_resource(
    names: ResourceNames,
    fields: Vec<Field>,
    owned: bool,
    access: Access,
    auth: &Auth,
) -> Resource {
    let public = |f: &&Field| !f.spec.private;
    let mut sortable = vec!["createdAt".to_string(), "updatedAt".to_string()];
    sortable.extend(
        fields
            .iter()
            .filter(public)
            .filter(|f| f.spec.ty.is_sortable() && !f.spec.optional)
            .map(|f| f.names.camel.clone()),
    );
    let filterable = fields
        .iter()
        .filter(public)
        .filter(|f| f.spec.ty.is_filterable())
        .map(|f| f.names.camel.clone())
        .collect();
    let mut references: Vec<ResourceNames> = Vec::new();
    for target in fields
        .iter()
        .filter_map(|f| f.target.as_ref())
        .filter(|t| !t.is_user && t.names != names)
    {
        if !references.iter().any(|r| r.snake == target.names.snake) {
            references.push(target.names.clone());
        }
    }
    let tests = test_plan(&fields, owned, &access, auth);
    let form = super::resource_form::resource_form(&fields, &names.kebab);
    let pages = super::pages::resource_pages(&fields, &sortable);
    let route_import = format!(
        "@/{}",
        super::route_group::api_dir(None, &names.plural_kebab)
    );
    Resource {
        form,
        pages,
        choices: None,
        has_private: fields.iter().any(|f| f.spec.private),
        names,
        fields,
        owned,
        access,
        sortable,
        filterable,
        references,
        tests,
        renamed_from: None,
        route_import,
        route_group: None,
    }
}

fn renamed_from(
    manifest: &Manifest,
    raw: &RawResource,
    names: &ResourceNames,
    all: &[ParsedResource<'_>],
) -> Build<Option<ResourceNames>> {
    let Some(old) = &raw.renamed_from else {
        return Ok(None);
    };
    if !is_identifier(old.get_ref()) {
        return Err(manifest
            .diagnostic(
                old.span(),
                format!("renamed_from = {:?} is not a resource name", old.get_ref()),
            )
            .with_help("name the resource as it was called before, e.g. renamed_from = \"post\""));
    }
    let old_names = ResourceNames::new(old.get_ref());
    if old_names.snake == names.snake
        || all
            .iter()
            .any(|(key, _, _)| ResourceNames::new(key.get_ref()).snake == old_names.snake)
    {
        return Err(manifest
            .diagnostic(
                old.span(),
                format!(
                    "renamed_from = {:?} names a resource that still exists",
                    old.get_ref()
                ),
            )
            .with_help("a rename moves one resource to a new name: remove the old entry"));
    }
    Ok(Some(old_names))
}

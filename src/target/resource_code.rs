//! TypeScript that depends on a resource's whole field list: the service's imports, enums, sort
//! values, reference checks, and the values its tests send.

use std::collections::BTreeMap;

use serde::Serialize;

use super::typescript::{EnumCode, FieldCode};
use crate::model::{Field, Resource, ResourceNames};

/// Resource-wide code fragments for the templates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResourceCode {
    pub enums: Vec<EnumCode>,
    /// Existence checks the service runs before writing a reference.
    pub ref_checks: Vec<RefCheck>,
    /// What the Zod schema file imports from `./common`: `cursorSchema`…
    pub common_schemas: Vec<String>,
    /// `'createdAt'`, `'-createdAt'`…: every `?sort=` value, quoted.
    pub sort_values: Vec<String>,
    /// The sortable fields' keys, quoted.
    pub sort_fields_quoted: Vec<String>,
    /// What the service imports from `@/dal`, sorted, the type last.
    pub service_dal_imports: Vec<String>,
    /// What the service imports from `@/lib/errors`, sorted.
    pub service_error_imports: Vec<String>,
    /// What the service imports from `./access` (with auth), sorted.
    pub service_access_imports: Vec<String>,
    /// `import { categoryAccess } from './category.service'`: the rules of referenced resources.
    pub service_rule_imports: Vec<String>,
    /// Each field's example value in the tests, by key: an expression of the row number `n`.
    pub examples: BTreeMap<String, String>,
    /// The value of the wrong shape the tests send the model's `tests.invalid` field.
    pub invalid: Option<String>,
    /// A field and text its form control could hold but its schema refuses.
    pub form_invalid: Option<Probe>,
}

/// A field and a value the tests send it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Probe {
    pub key: String,
    pub value: String,
}

/// A `ref` field whose target the service checks exists (a 422 otherwise).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RefCheck {
    /// `categoryId`
    pub field: String,
    /// `categoryExists`
    pub exists: String,
    /// `assertCategoryExists`
    pub assert: String,
    /// `Category`: the target's type name.
    pub target_pascal: String,
    /// `category`
    pub target_human: String,
    /// `categoryAccess`: the target's access rules, when auth is on and the target is a resource
    /// (not the users table). The actor may point only at rows they may read.
    pub target_access: Option<String>,
    /// `./category.service`: where those rules live, unless it is this resource's own service.
    pub target_service: Option<String>,
    /// The target is owned: its existence check takes the owner to scope to.
    pub scoped: bool,
}

/// The resource-wide TypeScript of `resource`, given its fields' code (in field order).
#[must_use]
pub fn resource_code(
    resource: &Resource,
    field_codes: &[FieldCode],
    auth_enabled: bool,
) -> ResourceCode {
    let (names, fields, owned) = (&resource.names, &resource.fields, resource.owned);
    let mut ref_checks: Vec<RefCheck> = Vec::new();
    for field in fields {
        if let Some(target) = &field.target {
            if !ref_checks.iter().any(|c| c.field == field.names.camel) {
                ref_checks.push(RefCheck {
                    field: field.names.camel.clone(),
                    exists: format!("{}Exists", target.names.camel),
                    assert: format!("assert{}Exists", heck::AsPascalCase(&field.names.snake)),
                    target_pascal: target.names.pascal.clone(),
                    target_human: target.names.human.clone(),
                    target_access: (auth_enabled && !target.is_user)
                        .then(|| format!("{}Access", target.names.camel)),
                    target_service: (auth_enabled && !target.is_user && target.names != *names)
                        .then(|| format!("./{}.service", target.names.kebab)),
                    scoped: auth_enabled && target.owned,
                });
            }
        }
    }
    let helpers = common_schemas(fields);
    let mut sort_values = Vec::new();
    let mut sort_fields = Vec::new();
    for key in &resource.sortable {
        sort_values.push(format!("'{key}'"));
        sort_values.push(format!("'-{key}'"));
        sort_fields.push(format!("'{key}'"));
    }
    ResourceCode {
        common_schemas: helpers,
        sort_values,
        sort_fields_quoted: sort_fields,
        service_dal_imports: service_dal_imports(names, &ref_checks),
        service_access_imports: service_access_imports(
            owned,
            &ref_checks,
            // Its choices list only the rows the caller may read.
            auth_enabled && resource.choices.is_some(),
        ),
        service_rule_imports: service_rule_imports(&ref_checks),
        service_error_imports: if ref_checks.is_empty() {
            vec!["NotFoundError".into(), "translateDatabaseError".into()]
        } else {
            vec![
                "NotFoundError".into(),
                "referenceNotFound".into(),
                "translateDatabaseError".into(),
            ]
        },
        enums: field_codes
            .iter()
            .filter_map(|code| code.enumeration.clone())
            .collect(),
        examples: fields
            .iter()
            .zip(field_codes)
            .filter(|(f, _)| f.target.is_none())
            .map(|(f, code)| (f.names.camel.clone(), code.example.clone()))
            .collect(),
        invalid: resource
            .tests
            .invalid
            .as_ref()
            .and_then(|key| fields.iter().find(|f| &f.names.camel == key))
            .and_then(|f| super::examples::invalid(&f.spec.ty)),
        form_invalid: fields.iter().find_map(|f| {
            let value = super::examples::form_invalid(&f.spec.ty)?;
            Some(Probe {
                key: f.names.camel.clone(),
                value,
            })
        }),
        ref_checks,
    }
}

fn service_access_imports(owned: bool, checks: &[RefCheck], scoped_choices: bool) -> Vec<String> {
    let mut values = vec!["authorize".to_string()];
    if owned {
        values.push("requireCaller".into());
    }
    if scoped_choices || checks.iter().any(|c| c.target_access.is_some()) {
        values.push("scopeOf".into());
    }
    values
}

fn service_rule_imports(checks: &[RefCheck]) -> Vec<String> {
    let mut lines: Vec<String> = checks
        .iter()
        .filter_map(|c| {
            let (access, module) = (c.target_access.as_ref()?, c.target_service.as_ref()?);
            Some(format!("import {{ {access} }} from '{module}'"))
        })
        .collect();
    lines.sort();
    lines.dedup();
    lines
}

fn service_dal_imports(names: &ResourceNames, checks: &[RefCheck]) -> Vec<String> {
    let (pascal, plural) = (&names.pascal, &names.plural_pascal);
    let mut values = vec![
        format!("count{plural}"),
        format!("delete{pascal}ById"),
        format!("find{pascal}ById"),
        format!("find{plural}"),
        format!("insert{pascal}"),
        format!("update{pascal}ById"),
    ];
    values.extend(checks.iter().map(|c| c.exists.clone()));
    values.sort_by_key(|v| v.to_lowercase());
    values.dedup();
    values.push(format!("type {pascal}"));
    values
}

/// What the resource's schema file imports from `./common`: the page schemas, and the schemas
/// its fields and their list filters are parsed with.
fn common_schemas(fields: &[Field]) -> Vec<String> {
    let mut helpers = vec!["cursorSchema", "limitSchema"];
    for field in fields {
        helpers.extend(super::typescript::common_schema(&field.spec.ty));
        if field.spec.ty.is_filterable() && !field.spec.private {
            helpers.extend(super::typescript::common_filter(&field.spec.ty));
        }
    }
    helpers.sort_unstable();
    helpers.dedup();
    helpers.into_iter().map(String::from).collect()
}

//! Code that depends on a resource's whole field list: import lines, enums, indexes, ref checks.

use serde::Serialize;

use super::layout;
use super::typescript::EnumCode;
use super::{Field, FieldType, ResourceNames};

/// Resource-wide code fragments for the templates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResourceCode {
    /// `import { boolean, index, … } from 'drizzle-orm/pg-core'`, laid out.
    pub drizzle_import: String,
    /// `import { users } from './user'` for every table the resource references.
    pub schema_imports: Vec<String>,
    pub enums: Vec<EnumCode>,
    /// `index('posts_user_id_idx').on(table.userId),`
    pub indexes: Vec<String>,
    /// Existence checks the service runs before writing a reference.
    pub ref_checks: Vec<RefCheck>,
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
}

/// Computes the resource-wide code of `names` with `fields` (`owned` adds `userId`).
#[must_use]
pub fn resource_code(names: &ResourceNames, fields: &[Field], owned: bool) -> ResourceCode {
    let mut builders: Vec<String> = vec![
        "index".into(),
        "pgTable".into(),
        "timestamp".into(),
        "uuid".into(),
    ];
    let mut imports: Vec<(String, String)> = Vec::new();
    if owned {
        imports.push(("users".into(), "./user".into()));
    }
    let mut indexes = Vec::new();
    if owned {
        indexes.push(index_line(&names.table, "user_id", "userId"));
    }
    let mut ref_checks: Vec<RefCheck> = Vec::new();
    for field in fields {
        builders.extend(field.code.drizzle_imports.iter().cloned());
        if let Some(target) = &field.target {
            let (table, module) = if target.is_user {
                ("users".to_string(), "./user".to_string())
            } else {
                (
                    target.names.plural_camel.clone(),
                    format!("./{}", target.names.kebab),
                )
            };
            if table != names.plural_camel && !imports.iter().any(|(t, _)| *t == table) {
                imports.push((table, module));
            }
            if !ref_checks.iter().any(|c| c.field == field.names.camel) {
                ref_checks.push(RefCheck {
                    field: field.names.camel.clone(),
                    exists: format!("{}Exists", target.names.camel),
                    assert: format!("assert{}Exists", heck::AsPascalCase(&field.names.snake)),
                    target_pascal: target.names.pascal.clone(),
                    target_human: target.names.human.clone(),
                });
            }
        }
        if field.code.indexed {
            indexes.push(index_line(
                &names.table,
                &field.names.column,
                &field.names.camel,
            ));
        }
    }
    indexes.push(index_line(&names.table, "created_at", "createdAt"));
    builders.sort_by_key(|b| b.trim_start_matches("type ").to_lowercase());
    builders.dedup();
    let drizzle_import = layout::wrap(
        "import {",
        &builders,
        "} from 'drizzle-orm/pg-core'",
        0,
        true,
    );
    imports.sort();
    ResourceCode {
        drizzle_import,
        schema_imports: imports
            .iter()
            .map(|(table, module)| format!("import {{ {table} }} from '{module}'"))
            .collect(),
        enums: fields
            .iter()
            .filter_map(|f| f.code.enumeration.clone())
            .collect(),
        indexes,
        ref_checks,
    }
}

fn index_line(table: &str, column: &str, key: &str) -> String {
    format!("index('{table}_{column}_idx').on(table.{key}),")
}

/// Whether a field type can sit in `ORDER BY` for keyset pagination.
#[must_use]
pub fn is_sortable(ty: &FieldType) -> bool {
    !matches!(
        ty,
        FieldType::Text
            | FieldType::Json
            | FieldType::Array { .. }
            | FieldType::Uuid
            | FieldType::Ref { .. }
    )
}

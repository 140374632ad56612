//! The data model as a Mermaid `erDiagram`, for the generated README: each resource (and the
//! users table, with auth) with its columns, and a line for each reference and each owner.

use super::field_type::FieldType;
use super::{App, Resource};

/// The diagram's text, without the code fence.
#[must_use]
pub fn er_diagram(app: &App) -> String {
    let mut lines = vec!["erDiagram".to_string()];
    for resource in &app.resources {
        let entity = &resource.names.pascal;
        if resource.owned {
            lines.push(format!("    User ||--o{{ {entity} : \"owns\""));
        }
        for field in &resource.fields {
            if let Some(target) = &field.target {
                let one = if field.spec.optional { "|o" } else { "||" };
                let target = if target.is_user {
                    "User"
                } else {
                    target.names.pascal.as_str()
                };
                lines.push(format!(
                    "    {target} {one}--o{{ {entity} : \"{}\"",
                    field.names.snake
                ));
            }
        }
    }
    if app.auth.enabled {
        lines.push("    User {".into());
        lines.push("        uuid id PK".into());
        lines.push("        string email UK".into());
        lines.push("        enum role".into());
        lines.push("    }".into());
    }
    for resource in &app.resources {
        lines.extend(entity(resource));
    }
    lines.join("\n")
}

fn entity(resource: &Resource) -> Vec<String> {
    let mut lines = vec![
        format!("    {} {{", resource.names.pascal),
        "        uuid id PK".to_string(),
    ];
    for field in &resource.fields {
        let mut line = format!(
            "        {} {}",
            type_name(&field.spec.ty),
            field.names.column
        );
        let mut keys = Vec::new();
        if field.target.is_some() {
            keys.push("FK");
        }
        if field.spec.unique {
            keys.push("UK");
        }
        if !keys.is_empty() {
            line.push(' ');
            line.push_str(&keys.join(", "));
        }
        let mut notes = Vec::new();
        if field.spec.optional {
            notes.push("optional");
        }
        if field.spec.private {
            notes.push("private");
        }
        if !notes.is_empty() {
            line.push_str(&format!(" \"{}\"", notes.join(", ")));
        }
        lines.push(line);
    }
    if resource.owned {
        lines.push("        uuid user_id FK".to_string());
    }
    lines.push("        datetime created_at".to_string());
    lines.push("        datetime updated_at".to_string());
    lines.push("    }".to_string());
    lines
}

/// The field's type as the manifest names it (`string`, `decimal`, `string[]`, `uuid` for a
/// reference): Mermaid takes letters, digits and brackets.
fn type_name(ty: &FieldType) -> String {
    match ty {
        FieldType::Array { of } => format!("{}[]", type_name(of)),
        FieldType::Ref { .. } => "uuid".to_string(),
        other => other.keyword().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use crate::manifest::Manifest;

    fn app(toml: &str) -> crate::model::App {
        let manifest =
            Manifest::parse(".".into(), "strata.toml", toml.to_string()).expect("a valid manifest");
        crate::model::build(&manifest).expect("a valid model")
    }

    #[test]
    fn references_owners_and_columns_are_drawn() {
        let app = app(r#"
[app]
name = "shelf"
[auth]
strategy = "jwt"
[resources.shelf]
fields = ["label:string:unique"]
[resources.book]
fields = ["title:string", "tags:array:string?", "shelf:ref:shelf?", "note:text:private:optional"]
owned = true
"#);
        let diagram = super::er_diagram(&app);
        assert_eq!(
            diagram,
            r#"erDiagram
    User ||--o{ Book : "owns"
    Shelf |o--o{ Book : "shelf"
    User {
        uuid id PK
        string email UK
        enum role
    }
    Book {
        uuid id PK
        string title
        string[] tags "optional"
        uuid shelf_id FK "optional"
        text note "optional, private"
        uuid user_id FK
        datetime created_at
        datetime updated_at
    }
    Shelf {
        uuid id PK
        string label UK
        datetime created_at
        datetime updated_at
    }"#
        );
    }
}

//! `public/openapi.json`: an OpenAPI 3.1 description of every route handler, built from the model.

use serde_json::{Map, Value, json};

use crate::model::{App, Field, FieldType, Resource, Rule, Strategy};

/// Where the document is written.
pub const PATH: &str = "public/openapi.json";
/// The name the plan shows as its template.
pub const TEMPLATE: &str = "(openapi from the manifest)";

/// The document as pretty-printed JSON.
#[must_use]
pub fn document(app: &App) -> String {
    let mut paths = Map::new();
    let mut schemas = Map::new();
    schemas.insert("Problem".into(), problem_schema());
    if app.auth.enabled {
        super::openapi_auth::add(&mut paths, &mut schemas, &app.auth);
    }
    // With `api = "actions"` the resources have pages and server actions, but no HTTP API.
    if app.api.routes() {
        for (resource_paths, resource_schemas) in resource_parts(&app.resources) {
            paths.extend(resource_paths);
            schemas.extend(resource_schemas);
        }
    }
    let responses: Map<String, Value> = SHARED_RESPONSES
        .iter()
        .map(|(name, description)| ((*name).to_string(), problem(description)))
        .collect();
    let parameters = json!({
        "limit": { "name": "limit", "in": "query", "description": "Page size", "schema": { "type": "integer", "minimum": 1, "maximum": 100, "default": 20 } },
        "cursor": { "name": "cursor", "in": "query", "description": "The previous page's nextCursor", "schema": { "type": "string" } },
        "id": { "name": "id", "in": "path", "required": true, "schema": { "type": "string", "format": "uuid" } }
    });
    let mut components =
        json!({ "schemas": schemas, "responses": responses, "parameters": parameters });
    if app.auth.enabled {
        let (cookie, bearer) = match app.auth.strategy {
            Strategy::Jwt => (
                "access_token",
                json!({ "type": "http", "scheme": "bearer", "bearerFormat": "JWT" }),
            ),
            _ => ("session", json!({ "type": "http", "scheme": "bearer" })),
        };
        components["securitySchemes"] = json!({
            "bearer": bearer,
            "cookie": { "type": "apiKey", "in": "cookie", "name": format!("__Host-{cookie}"), "description": format!("Set by login; named {cookie} outside production") }
        });
    }
    let document = json!({
        "openapi": "3.1.0",
        "info": { "title": app.title, "version": "0.1.0" },
        "paths": paths,
        "components": components,
    });
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}

/// Each resource's paths and schemas, built on all cores for a large app (resources are
/// independent), in order.
fn resource_parts(resources: &[Resource]) -> Vec<(Map<String, Value>, Map<String, Value>)> {
    let build = |resource: &Resource| {
        let mut paths = Map::new();
        let mut schemas = Map::new();
        add_resource(&mut paths, &mut schemas, resource);
        (paths, schemas)
    };
    crate::parallel::map_in_order(resources, 32, build)
}

fn problem_schema() -> Value {
    json!({
        "type": "object",
        "description": "RFC 9457 problem details",
        "properties": {
            "type": { "type": "string" },
            "title": { "type": "string" },
            "status": { "type": "integer" },
            "detail": { "type": "string" },
            "issues": { "type": "array", "items": { "type": "object" } }
        },
        "required": ["type", "title", "status"]
    })
}

/// The error responses every resource shares, by component name, with their descriptions.
const SHARED_RESPONSES: &[(&str, &str)] = &[
    ("BadRequest", "Malformed JSON"),
    ("Unauthorized", "Not signed in"),
    ("Forbidden", "Signed in without the required role"),
    ("NotFound", "No such row"),
    ("Conflict", "Conflicts with an existing row"),
    ("Unprocessable", "Validation failed"),
];

/// A reference to one of [`SHARED_RESPONSES`].
fn shared(name: &str) -> Value {
    json!({ "$ref": format!("#/components/responses/{name}") })
}

pub(super) fn problem(description: &str) -> Value {
    json!({ "description": description, "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } } })
}

pub(super) fn json_body(schema: &str) -> Value {
    json!({ "application/json": { "schema": { "$ref": format!("#/components/schemas/{schema}") } } })
}

fn security(rule: &Rule) -> Option<Value> {
    (!rule.public).then(|| json!([{ "bearer": [] }, { "cookie": [] }]))
}

fn operation(summary: String, rule: &Rule, mut responses: Map<String, Value>) -> Value {
    let mut op = json!({ "summary": summary });
    if let Some(security) = security(rule) {
        op["security"] = security;
        responses.insert("401".into(), shared("Unauthorized"));
        responses.insert("403".into(), shared("Forbidden"));
    }
    op["responses"] = Value::Object(responses);
    op
}

fn field_schema(field: &Field) -> Value {
    let mut schema = type_schema(&field.spec.ty);
    if let (Some(min), Some(object)) = (&field.spec.min, schema.as_object_mut()) {
        let key = if field.spec.ty.is_textual() {
            "minLength"
        } else if field.spec.ty.is_numeric() {
            "minimum"
        } else {
            "minItems"
        };
        object.insert(key.into(), json!(min.parse::<f64>().unwrap_or(0.0)));
    }
    if let (Some(max), Some(object)) = (&field.spec.max, schema.as_object_mut()) {
        let key = if field.spec.ty.is_textual() {
            "maxLength"
        } else if field.spec.ty.is_numeric() {
            "maximum"
        } else {
            "maxItems"
        };
        object.insert(key.into(), json!(max.parse::<f64>().unwrap_or(0.0)));
    }
    if field.spec.optional {
        schema = json!({ "oneOf": [schema, { "type": "null" }] });
    }
    schema
}

fn type_schema(ty: &FieldType) -> Value {
    match ty {
        FieldType::String { max } => json!({ "type": "string", "maxLength": max }),
        FieldType::Text => json!({ "type": "string" }),
        FieldType::Email => json!({ "type": "string", "format": "email" }),
        FieldType::Url => json!({ "type": "string", "format": "uri" }),
        FieldType::Integer | FieldType::Bigint => json!({ "type": "integer" }),
        FieldType::Float => json!({ "type": "number" }),
        FieldType::Decimal { .. } => json!({ "type": "string", "pattern": "^-?\\d+(\\.\\d+)?$" }),
        FieldType::Boolean => json!({ "type": "boolean" }),
        FieldType::Date => json!({ "type": "string", "format": "date" }),
        FieldType::Datetime => json!({ "type": "string", "format": "date-time" }),
        FieldType::Uuid | FieldType::Ref { .. } => json!({ "type": "string", "format": "uuid" }),
        FieldType::Json => json!({}),
        FieldType::Enum { values } => json!({ "type": "string", "enum": values }),
        FieldType::Array { of } => json!({ "type": "array", "items": type_schema(of) }),
    }
}

fn add_resource(
    paths: &mut Map<String, Value>,
    schemas: &mut Map<String, Value>,
    resource: &Resource,
) {
    let names = &resource.names;
    let mut properties = Map::new();
    properties.insert("id".into(), json!({ "type": "string", "format": "uuid" }));
    let mut input = Map::new();
    let mut required_input = Vec::new();
    for field in resource.fields.iter() {
        input.insert(field.names.camel.clone(), field_schema(field));
        if !field.spec.optional && field.spec.default.is_none() {
            required_input.push(field.names.camel.clone());
        }
        if !field.spec.private {
            properties.insert(field.names.camel.clone(), field_schema(field));
        }
    }
    if resource.owned {
        properties.insert(
            "userId".into(),
            json!({ "type": "string", "format": "uuid" }),
        );
    }
    properties.insert(
        "createdAt".into(),
        json!({ "type": "string", "format": "date-time" }),
    );
    properties.insert(
        "updatedAt".into(),
        json!({ "type": "string", "format": "date-time" }),
    );
    let required: Vec<&String> = properties.keys().collect();
    let pascal = &names.pascal;
    schemas.insert(
        pascal.clone(),
        json!({ "type": "object", "properties": properties, "required": required }),
    );
    schemas.insert(format!("Create{pascal}"), json!({ "type": "object", "properties": input, "required": required_input, "additionalProperties": false }));
    schemas.insert(
        format!("Update{pascal}"),
        json!({ "type": "object", "properties": input, "additionalProperties": false }),
    );
    schemas.insert(format!("{pascal}Page"), json!({
        "type": "object",
        "properties": { "data": { "type": "array", "items": { "$ref": format!("#/components/schemas/{pascal}") } }, "nextCursor": { "type": ["string", "null"] } },
        "required": ["data", "nextCursor"]
    }));

    let mut parameters = vec![
        json!({ "$ref": "#/components/parameters/limit" }),
        json!({ "$ref": "#/components/parameters/cursor" }),
        json!({ "name": "sort", "in": "query", "schema": { "type": "string", "enum": resource.sortable.iter().flat_map(|s| [s.clone(), format!("-{s}")]).collect::<Vec<_>>() } }),
    ];
    for key in &resource.filterable {
        parameters.push(json!({ "name": key, "in": "query", "schema": { "type": "string" } }));
    }
    let ok = |description: &str, schema: &str| json!({ "description": description, "content": json_body(schema) });
    let mut list = operation(
        format!("List {}", names.plural_human),
        &resource.access.list,
        Map::from_iter([
            (
                "200".into(),
                ok("A page of results", &format!("{pascal}Page")),
            ),
            ("422".into(), shared("Unprocessable")),
        ]),
    );
    list["parameters"] = Value::Array(parameters);
    let mut create = operation(
        format!("Create a {}", names.human),
        &resource.access.create,
        Map::from_iter([
            ("201".into(), ok("Created", pascal)),
            ("400".into(), shared("BadRequest")),
            ("409".into(), shared("Conflict")),
            ("422".into(), shared("Unprocessable")),
        ]),
    );
    create["requestBody"] =
        json!({ "required": true, "content": json_body(&format!("Create{pascal}")) });
    paths.insert(
        format!("/api/{}", names.plural_kebab),
        json!({ "get": list, "post": create }),
    );

    let not_found = || ("404".to_string(), shared("NotFound"));
    let read = operation(
        format!("Read a {}", names.human),
        &resource.access.read,
        Map::from_iter([("200".into(), ok("The row", pascal)), not_found()]),
    );
    let mut update = operation(
        format!("Update a {}", names.human),
        &resource.access.update,
        Map::from_iter([
            ("200".into(), ok("Updated", pascal)),
            not_found(),
            ("400".into(), shared("BadRequest")),
            ("409".into(), shared("Conflict")),
            ("422".into(), shared("Unprocessable")),
        ]),
    );
    update["requestBody"] =
        json!({ "required": true, "content": json_body(&format!("Update{pascal}")) });
    let delete = operation(
        format!("Delete a {}", names.human),
        &resource.access.delete,
        Map::from_iter([
            ("204".into(), json!({ "description": "Deleted" })),
            not_found(),
        ]),
    );
    let id = json!([{ "$ref": "#/components/parameters/id" }]);
    paths.insert(
        format!("/api/{}/{{id}}", names.plural_kebab),
        json!({ "parameters": id, "get": read, "patch": update, "delete": delete }),
    );
}

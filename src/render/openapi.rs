//! `public/openapi.json`: an OpenAPI 3.1 description of every route handler, built from the model.

use serde::Serialize;
use serde_json::{Map, Value, json};

use crate::model::{App, FieldType, Resource, Rule, Strategy, contract};

/// Where the document is written.
pub const PATH: &str = "public/openapi.json";
/// The name the plan shows as its template.
pub const TEMPLATE: &str = "(openapi from the manifest)";

/// The document as pretty-printed JSON.
#[must_use]
pub fn document(app: &App) -> String {
    let (paths, mut schemas) = paths_and_schemas(app);
    schemas.insert("Problem".into(), problem_schema());
    if app.api.routes() && app.resources.iter().any(uses_json) {
        schemas.insert("JsonValue".into(), contract::json_value_schema());
        schemas.insert(
            "PresentJsonValue".into(),
            contract::present_json_value_schema(),
        );
    }
    let responses: Map<String, Value> = SHARED_RESPONSES
        .iter()
        .map(|shared| (shared.name.to_string(), shared_response(shared)))
        .collect();
    let limits = &contract::LIMITS;
    let parameters = json!({
        "limit": { "name": "limit", "in": "query", "description": "Page size", "schema": { "default": limits.default, "type": "integer", "minimum": 1, "maximum": limits.max } },
        "cursor": { "name": "cursor", "in": "query", "description": "The previous page's nextCursor", "schema": { "type": "string", "maxLength": limits.cursor_max_length, "pattern": contract::PATTERNS.cursor } },
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

/// Every path of the API with its operations, and the schemas they name.
fn paths_and_schemas(app: &App) -> (Map<String, Value>, Map<String, Value>) {
    let mut paths = Map::new();
    let mut schemas = Map::new();
    add_health(&mut paths, &mut schemas);
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
    (paths, schemas)
}

/// A route handler under `/api` and the methods it answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApiRoute {
    /// The path as Next.js' `headers()` matches it: `/api/posts/:id`.
    pub source: String,
    /// The `Allow` header: the documented methods, HEAD with GET, and OPTIONS (which Next.js
    /// answers for every route handler), in alphabetical order.
    pub allow: String,
}

/// The document's paths as routes, in the document's order.
#[must_use]
pub fn routes(app: &App) -> Vec<ApiRoute> {
    let (paths, _) = paths_and_schemas(app);
    paths
        .iter()
        .map(|(path, item)| {
            let mut methods: Vec<String> = item
                .as_object()
                .into_iter()
                .flat_map(|operations| operations.keys())
                .filter(|key| *key != "parameters")
                .map(|method| method.to_uppercase())
                .collect();
            if methods.iter().any(|m| m == "GET") {
                methods.push("HEAD".into());
            }
            methods.push("OPTIONS".into());
            methods.sort();
            let source = path
                .split('/')
                .map(
                    |segment| match segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                        Some(parameter) => format!(":{parameter}"),
                        None => segment.to_string(),
                    },
                )
                .collect::<Vec<_>>()
                .join("/");
            ApiRoute {
                source,
                allow: methods.join(", "),
            }
        })
        .collect()
}

fn uses_json(resource: &Resource) -> bool {
    fn json(ty: &FieldType) -> bool {
        match ty {
            FieldType::Json => true,
            FieldType::Array { of } => json(of),
            _ => false,
        }
    }
    resource.fields.iter().any(|f| json(&f.spec.ty))
}

/// `GET /api/health` (the process answers) and `GET /api/health/ready` (the database does too).
fn add_health(paths: &mut Map<String, Value>, schemas: &mut Map<String, Value>) {
    schemas.insert(
        "Health".into(),
        json!({
            "type": "object",
            "properties": { "status": { "type": "string", "enum": ["ok"] } },
            "required": ["status"]
        }),
    );
    let ok = json!({ "description": "Up", "content": json_body("Health") });
    paths.insert(
        "/api/health".into(),
        json!({ "get": { "summary": "Liveness: the server process answers", "responses": { "200": ok } } }),
    );
    paths.insert(
        "/api/health/ready".into(),
        json!({ "get": {
            "summary": "Readiness: the database answers a query",
            "responses": { "200": ok, "503": shared("ServiceUnavailable") }
        } }),
    );
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

/// An error response every operation may share.
struct SharedResponse {
    name: &'static str,
    description: &'static str,
    /// It carries `Retry-After`, in seconds.
    retry_after: bool,
}

const fn response(name: &'static str, description: &'static str) -> SharedResponse {
    SharedResponse {
        name,
        description,
        retry_after: false,
    }
}

const SHARED_RESPONSES: &[SharedResponse] = &[
    response("BadRequest", "The body is not valid JSON"),
    response("Unauthorized", "Not signed in"),
    response("Forbidden", "Signed in without the required role"),
    response("NotFound", "No such row"),
    response("Conflict", "Conflicts with an existing row"),
    response("PayloadTooLarge", "The body is larger than 100 kB"),
    response("UnsupportedMediaType", "The body is not application/json"),
    response("Unprocessable", "Validation failed"),
    SharedResponse {
        name: "TooManyRequests",
        description: "Too many attempts",
        retry_after: true,
    },
    SharedResponse {
        name: "ServiceUnavailable",
        description: "The database is unavailable",
        retry_after: true,
    },
];

fn shared_response(shared: &SharedResponse) -> Value {
    let mut response = problem(shared.description);
    if shared.retry_after {
        response["headers"] = json!({ "Retry-After": {
            "description": "Seconds to wait before trying again",
            "schema": { "type": "integer", "minimum": 0 }
        } });
    }
    response
}

/// A reference to one of [`SHARED_RESPONSES`].
pub(super) fn shared(name: &str) -> Value {
    json!({ "$ref": format!("#/components/responses/{name}") })
}

pub(super) fn problem(description: &str) -> Value {
    json!({ "description": description, "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } } })
}

pub(super) fn json_body(schema: &str) -> Value {
    json!({ "application/json": { "schema": { "$ref": format!("#/components/schemas/{schema}") } } })
}

/// Who may call an operation: anyone, anyone (a session is used when there is one), or only a
/// signed-in user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Security {
    None,
    Optional,
    Required,
}

/// An operation: its summary, who may call it, the JSON body it reads (a component name) and
/// its own responses; the responses every such operation shares are added here.
pub(super) fn operation(
    summary: &str,
    security: Security,
    body: Option<&str>,
    mut responses: Map<String, Value>,
) -> Value {
    let mut op = json!({ "summary": summary });
    let schemes = [json!({ "bearer": [] }), json!({ "cookie": [] })];
    match security {
        Security::None => {}
        Security::Optional => {
            op["security"] = Value::Array(std::iter::once(json!({})).chain(schemes).collect());
        }
        Security::Required => {
            op["security"] = Value::Array(schemes.to_vec());
            responses.insert("401".into(), shared("Unauthorized"));
            responses.insert("403".into(), shared("Forbidden"));
        }
    }
    if let Some(body) = body {
        op["requestBody"] = json!({ "required": true, "content": json_body(body) });
        for (status, name) in [
            ("400", "BadRequest"),
            ("413", "PayloadTooLarge"),
            ("415", "UnsupportedMediaType"),
            ("422", "Unprocessable"),
        ] {
            responses.insert(status.into(), shared(name));
        }
    }
    responses.insert("503".into(), shared("ServiceUnavailable"));
    op["responses"] = Value::Object(responses);
    op
}

fn security(rule: &Rule) -> Security {
    if rule.public {
        Security::None
    } else {
        Security::Required
    }
}

fn add_resource(
    paths: &mut Map<String, Value>,
    schemas: &mut Map<String, Value>,
    resource: &Resource,
) {
    let names = &resource.names;
    let uuid = json!({ "type": "string", "format": "uuid" });
    let date_time = json!({ "type": "string", "format": "date-time" });
    let mut properties = Map::new();
    properties.insert("id".into(), uuid.clone());
    let mut input = Map::new();
    let mut required_input = Vec::new();
    for field in resource.fields.iter() {
        input.insert(
            field.names.camel.clone(),
            contract::input_schema(&field.spec),
        );
        if !field.spec.optional && field.spec.default.is_none() {
            required_input.push(field.names.camel.clone());
        }
        if !field.spec.private {
            properties.insert(
                field.names.camel.clone(),
                contract::output_schema(&field.spec),
            );
        }
    }
    if resource.owned {
        properties.insert("userId".into(), uuid);
    }
    properties.insert("createdAt".into(), date_time.clone());
    properties.insert("updatedAt".into(), date_time);
    let required: Vec<&String> = properties.keys().collect();
    let pascal = &names.pascal;
    schemas.insert(
        pascal.clone(),
        json!({ "type": "object", "properties": properties, "required": required }),
    );
    let mut create = json!({ "type": "object", "properties": input });
    // Zod's JSON Schema leaves `required` out when no field is required, and the contract test
    // compares the two: so does the document.
    if !required_input.is_empty() {
        create["required"] = json!(required_input);
    }
    create["additionalProperties"] = json!(false);
    schemas.insert(format!("Create{pascal}"), create);
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
        json!({ "name": "sort", "in": "query", "schema": { "default": "-createdAt", "type": "string", "enum": resource.sortable.iter().flat_map(|s| [s.clone(), format!("-{s}")]).collect::<Vec<_>>() } }),
    ];
    for field in resource.fields.iter() {
        if resource.filterable.contains(&field.names.camel) {
            parameters.push(json!({ "name": field.names.camel, "in": "query", "schema": contract::value_schema(&field.spec.ty) }));
        }
    }
    let ok = |description: &str, schema: &str| json!({ "description": description, "content": json_body(schema) });
    let collection =
        |status: &str, response: Value| Map::from_iter([(status.to_string(), response)]);
    let mut list_responses = collection("200", ok("A page of results", &format!("{pascal}Page")));
    list_responses.insert("422".into(), shared("Unprocessable"));
    let mut list = operation(
        &format!("List {}", names.plural_human),
        security(&resource.access.list),
        None,
        list_responses,
    );
    list["parameters"] = Value::Array(parameters);
    let mut create_responses = collection("201", ok("Created", pascal));
    create_responses.insert("409".into(), shared("Conflict"));
    let create = operation(
        &format!("Create a {}", names.human),
        security(&resource.access.create),
        Some(&format!("Create{pascal}")),
        create_responses,
    );
    paths.insert(
        format!("/api/{}", names.plural_kebab),
        json!({ "get": list, "post": create }),
    );

    let not_found = || ("404".to_string(), shared("NotFound"));
    let read = operation(
        &format!("Read a {}", names.human),
        security(&resource.access.read),
        None,
        Map::from_iter([("200".into(), ok("The row", pascal)), not_found()]),
    );
    let update = operation(
        &format!("Update a {}", names.human),
        security(&resource.access.update),
        Some(&format!("Update{pascal}")),
        Map::from_iter([
            ("200".into(), ok("Updated", pascal)),
            not_found(),
            ("409".into(), shared("Conflict")),
        ]),
    );
    let delete = operation(
        &format!("Delete a {}", names.human),
        security(&resource.access.delete),
        None,
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

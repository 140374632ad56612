//! The names registry against what strata really writes: every name a rendered app declares is
//! in the registry (strata's own, or derived from a resource), and every name in the registry,
//! used as a resource name, is either refused with a located message or renders an app whose
//! names and OpenAPI components are all distinct.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use heck::ToSnakeCase;
use strata::pipeline::Options;
use strata::pipeline::{Prepared, Rendering, prepare};
use strata::registry::{self, Space, builtin};

const FIXTURES: &[&str] = &[
    "minimal",
    "blog",
    "tasks",
    "journal",
    "kitchen_sink",
    "lending",
    "vet_clinic",
    "field_survey",
    "library",
];

/// Names a Next.js route or page file exports by convention, once per file.
const NEXT_CONVENTIONS: &[&str] = &["GET", "POST", "PUT", "PATCH", "DELETE", "metadata"];

fn render(manifest: &str) -> Result<Prepared, strata::Error> {
    prepare(
        Path::new("/nonexistent/strata-registry"),
        manifest,
        &Options::default(),
        Rendering::Everything,
    )
}

/// The OpenAPI document a render writes, if it writes one.
fn openapi_of(prepared: &Prepared) -> Option<serde_json::Value> {
    prepared
        .plan
        .changes
        .iter()
        .find(|c| c.path == "public/openapi.json")
        .and_then(|c| c.write.as_deref())
        .map(|text| serde_json::from_str(text).unwrap())
}

/// How many schemas a document's components hold.
fn component_count(document: &serde_json::Value) -> usize {
    document["components"]["schemas"].as_object().unwrap().len()
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}.toml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// Every fixture, on both data layers, and one with every auth part (sign-in providers).
fn configurations() -> Vec<(String, String)> {
    let mut all = Vec::new();
    for name in FIXTURES {
        let text = fixture(name);
        let prisma = text.replacen("[app]\n", "[app]\norm = \"prisma\"\n", 1);
        if !text.contains("orm = ") && !text.contains("array:") {
            all.push((format!("{name} (prisma)"), prisma));
        }
        all.push(((*name).to_string(), text));
    }
    all
}

fn identifier_at(text: &str) -> Option<&str> {
    let end = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '$'))
        .unwrap_or(text.len());
    (end > 0 && !text.starts_with(|c: char| c.is_ascii_digit())).then(|| &text[..end])
}

/// The names a module exports (default exports aside: they have no name outside).
fn exports(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    for line in text.lines() {
        let Some(rest) = line.strip_prefix("export ") else {
            continue;
        };
        let rest = rest
            .strip_prefix("type ")
            .filter(|r| r.starts_with('{'))
            .unwrap_or(rest);
        if let Some(list) = rest.strip_prefix('{') {
            // A re-export defines nothing new.
            if !list.contains(" from ") {
                let list = list.split('}').next().unwrap_or_default();
                names.extend(
                    list.split(',')
                        .filter_map(|n| identifier_at(n.trim().trim_start_matches("type ")))
                        .map(str::to_string),
                );
            }
            continue;
        }
        if rest.starts_with("default ") {
            continue;
        }
        let rest = rest.strip_prefix("async ").unwrap_or(rest);
        for keyword in [
            "function ",
            "const ",
            "let ",
            "type ",
            "interface ",
            "class ",
            "enum ",
        ] {
            if let Some(name) = rest.strip_prefix(keyword).and_then(identifier_at) {
                names.push(name.to_string());
            }
        }
    }
    names
}

/// The names a file declares anywhere: variables, functions, types, and function parameters.
fn declarations(text: &str) -> BTreeSet<String> {
    let text = &without_imports(text);
    let mut names = BTreeSet::new();
    let bytes = text.as_bytes();
    for keyword in ["const ", "let ", "function ", "type ", "interface "] {
        for (at, _) in text.match_indices(keyword) {
            if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
                continue;
            }
            let rest = text[at + keyword.len()..].trim_start();
            if let Some(pattern) = rest.strip_prefix('[').or_else(|| rest.strip_prefix('{')) {
                let inner = pattern.split([']', '}']).next().unwrap_or_default();
                names.extend(
                    inner
                        .split(',')
                        .filter_map(|n| identifier_at(n.trim().trim_start_matches("...")))
                        .map(str::to_string),
                );
                continue;
            }
            let Some(name) = identifier_at(rest) else {
                continue;
            };
            names.insert(name.to_string());
            if keyword == "function " {
                let after = &rest[name.len()..];
                if let Some(params) = after.strip_prefix('(') {
                    names.extend(parameters(params));
                }
            }
        }
    }
    names
}

/// The text without its import statements, which declare nothing of the file's own.
fn without_imports(text: &str) -> String {
    let mut kept = String::new();
    let mut in_import = false;
    for line in text.lines() {
        if line.starts_with("import ") {
            in_import = !(line.contains(" from ") || line.ends_with('\''));
            continue;
        }
        if in_import {
            in_import = !line.starts_with('}');
            continue;
        }
        kept.push_str(line);
        kept.push('\n');
    }
    kept
}

/// The names of a parameter list (the text after its opening parenthesis).
fn parameters(text: &str) -> Vec<String> {
    let mut depth = 0usize;
    let mut start = 0;
    let mut names = Vec::new();
    let mut take = |piece: &str| {
        if let Some(name) = identifier_at(piece.trim()) {
            names.push(name.to_string());
        }
    };
    for (i, c) in text.char_indices() {
        match c {
            '(' | '{' | '[' | '<' => depth += 1,
            '>' if text[..i].ends_with('=') => {}
            ')' | '}' | ']' | '>' if depth > 0 => depth -= 1,
            ')' => {
                take(&text[start..i]);
                break;
            }
            ',' if depth == 0 => {
                take(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    names
}

/// The module a built-in export is listed under.
fn module_of(path: &str) -> &str {
    if path.starts_with("src/components/ui/") {
        "src/components/ui"
    } else {
        path
    }
}

fn is_per_resource(template: Option<&str>) -> bool {
    template.is_some_and(|t| t.contains("__kebab__") || t.contains("__plural_kebab__"))
}

#[test]
fn every_name_an_app_declares_is_in_the_registry() {
    let listed: BTreeMap<&str, BTreeSet<&str>> = builtin::EXPORTS
        .iter()
        .map(|(module, _, names)| (*module, names.iter().copied().collect()))
        .collect();
    let locals: BTreeSet<&str> = builtin::TEMPLATE_LOCALS.iter().copied().collect();
    let mut seen: BTreeSet<(String, String)> = BTreeSet::new();
    let mut unlisted = Vec::new();
    for (label, manifest) in configurations() {
        let prepared = render(&manifest).unwrap_or_else(|e| panic!("{label}: {e}"));
        let app = &prepared.app;
        let derived: Vec<registry::Derived> =
            app.resources.iter().flat_map(registry::names_of).collect();
        let derived_in = |space: Space| -> BTreeSet<&str> {
            derived
                .iter()
                .filter(|d| d.space == space)
                .map(|d| d.name.as_str())
                .collect()
        };
        let resource_exports = derived_in(Space::Export);
        let resource_words: Vec<String> = app
            .resources
            .iter()
            .flat_map(|r| {
                let n = &r.names;
                let fields = r.fields.iter().flat_map(|f| {
                    let pascal = heck::ToPascalCase::to_pascal_case(f.names.snake.as_str());
                    [f.names.camel.clone(), pascal]
                });
                [
                    n.camel.clone(),
                    n.pascal.clone(),
                    n.plural_camel.clone(),
                    n.plural_pascal.clone(),
                ]
                .into_iter()
                .chain(fields)
                .collect::<Vec<_>>()
            })
            .collect();
        for change in &prepared.plan.changes {
            let Some(text) = change.write.as_deref() else {
                continue;
            };
            if !(change.path.ends_with(".ts") || change.path.ends_with(".tsx")) {
                continue;
            }
            let per_resource = is_per_resource(change.template.as_deref());
            for name in exports(text) {
                if NEXT_CONVENTIONS.contains(&name.as_str()) {
                    continue;
                }
                let module = module_of(&change.path);
                let known = if per_resource {
                    resource_exports.contains(name.as_str())
                } else {
                    listed
                        .get(module)
                        .is_some_and(|n| n.contains(name.as_str()))
                };
                if !known {
                    unlisted.push(format!("{label}: {} exports `{name}`", change.path));
                }
                seen.insert((module.to_string(), name));
            }
            if per_resource {
                for name in declarations(text) {
                    if NEXT_CONVENTIONS.contains(&name.as_str()) {
                        continue;
                    }
                    let derived = resource_words.iter().any(|w| name.contains(w.as_str()))
                        || resource_exports.contains(name.as_str());
                    if !derived
                        && !locals.contains(name.as_str())
                        && !listed.values().any(|n| n.contains(name.as_str()))
                    {
                        unlisted.push(format!("{label}: {} declares `{name}`", change.path));
                    }
                }
            }
        }
        if let Some(document) = openapi_of(&prepared) {
            let resource_components = derived_in(Space::Component);
            for name in document["components"]["schemas"]
                .as_object()
                .unwrap()
                .keys()
            {
                let built_in = builtin::COMPONENTS.iter().any(|(n, _)| n == name);
                if !built_in && !resource_components.contains(name.as_str()) {
                    unlisted.push(format!("{label}: OpenAPI component `{name}`"));
                }
            }
        }
    }
    unlisted.sort();
    unlisted.dedup();
    assert!(
        unlisted.is_empty(),
        "names the registry does not know:\n{}",
        unlisted.join("\n")
    );
    let stale: Vec<String> = listed
        .iter()
        .flat_map(|(module, names)| {
            names
                .iter()
                .filter(|n| !seen.contains(&((*module).to_string(), (**n).to_string())))
                .map(move |n| format!("{module}: {n}"))
        })
        .collect();
    assert!(
        stale.is_empty(),
        "the registry lists names no app exports:\n{}",
        stale.join("\n")
    );
}

/// Every name in the registry, as a resource name would be written.
fn candidates(app: &strata::model::App) -> BTreeSet<String> {
    registry::built_in(app)
        .into_keys()
        .map(|(space, name)| match space {
            Space::File => {
                let file = name.rsplit('/').next().unwrap_or_default();
                file.split('.').next().unwrap_or_default().to_snake_case()
            }
            _ => name.to_snake_case(),
        })
        .filter(|name| name.starts_with(|c: char| c.is_ascii_alphabetic()))
        .collect()
}

/// The model and the registry's verdict on a manifest, without rendering it.
fn validate(text: &str) -> Result<(), String> {
    let manifest = strata::manifest::Manifest::parse(
        Path::new("/nonexistent/strata-registry").to_path_buf(),
        "strata.toml",
        text.to_string(),
    )
    .map_err(|e| e.to_string())?;
    registry::validated(&manifest)
        .map(|_| ())
        .map_err(|d| d.to_string())
}

fn manifest_with(auth: &str, resources: &[&str]) -> String {
    let mut text =
        format!("[app]\nname = \"names\"\napi = \"both\"\n\n[auth]\nstrategy = \"{auth}\"\n");
    for name in resources {
        text.push_str(&format!(
            "\n[resources.{name}]\nfields = [\"title:string\"]\n"
        ));
    }
    text
}

/// The candidates each configuration refuses; the rest are rendered in apps of many resources,
/// whose components and exports must all be distinct.
fn refused_names(auth: &str) -> BTreeSet<String> {
    let base = render(&manifest_with(auth, &[])).unwrap().app;
    let mut refused = BTreeSet::new();
    let mut accepted: Vec<String> = Vec::new();
    for name in candidates(&base) {
        match validate(&manifest_with(auth, &[&name])) {
            Ok(()) => accepted.push(name),
            Err(text) => {
                assert!(
                    text.contains("strata.toml:") && text.contains("help:"),
                    "{name}: the refusal names no place or fix:\n{text}"
                );
                refused.insert(name);
            }
        }
    }
    // Accepted names in apps of up to 40 resources, each joining an app whose names it does not meet.
    let mut apps: Vec<Vec<&str>> = Vec::new();
    for name in &accepted {
        let home = apps.iter_mut().find(|app| {
            app.len() < 40 && {
                let mut with: Vec<&str> = (*app).clone();
                with.push(name);
                validate(&manifest_with(auth, &with)).is_ok()
            }
        });
        match home {
            Some(app) => app.push(name),
            None => apps.push(vec![name]),
        }
    }
    for names in apps {
        let prepared = render(&manifest_with(auth, &names)).unwrap();
        let mut exported: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for change in &prepared.plan.changes {
            if let Some(text) = change.write.as_deref() {
                for name in exports(text) {
                    exported.entry(name).or_default().push(change.path.clone());
                }
            }
        }
        for resource in &prepared.app.resources {
            for derived in registry::names_of(resource) {
                if derived.space == Space::Export {
                    let modules = exported.get(&derived.name).cloned().unwrap_or_default();
                    assert!(
                        modules.len() <= 1,
                        "`{}` is exported by {modules:?}",
                        derived.name
                    );
                }
            }
        }
        let paths: BTreeSet<&str> = prepared
            .plan
            .changes
            .iter()
            .map(|c| c.path.as_str())
            .collect();
        assert_eq!(
            paths.len(),
            prepared.plan.changes.len(),
            "two files share a path"
        );
        let components = component_count(&openapi_of(&prepared).unwrap());
        let own =
            component_count(&openapi_of(&render(&manifest_with(auth, &[])).unwrap()).unwrap());
        assert_eq!(components, own + 4 * names.len(), "components of {names:?}");
    }
    refused
}

/// The JSON Schema's list of refused resource names, at `pointer`.
fn schema_list(pointer: &str) -> BTreeSet<String> {
    let schema: serde_json::Value = serde_json::from_str(strata::manifest::schema::TEXT).unwrap();
    schema
        .pointer(pointer)
        .and_then(serde_json::Value::as_array)
        .unwrap_or_else(|| panic!("no list at {pointer}"))
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn every_registry_name_as_a_resource_is_refused_or_renders_whole() {
    let always = refused_names("none");
    let with_auth = refused_names("jwt");
    assert!(always.is_subset(&with_auth));
    assert_eq!(
        schema_list("/properties/resources/propertyNames/not/enum"),
        always,
        "schema/strata.schema.json lists other names than strata refuses in every app"
    );
    let auth_only: BTreeSet<String> = with_auth.difference(&always).cloned().collect();
    assert_eq!(
        schema_list("/allOf/0/else/properties/resources/propertyNames/not/enum"),
        auth_only,
        "schema/strata.schema.json lists other names than strata refuses with auth on"
    );
}

#[test]
fn names_that_meet_through_a_field_or_a_plural_are_refused() {
    let cases = [
        // A resource's enum type and another resource's type.
        "[resources.post]\nfields = [\"status:enum:a,b\"]\n\n[resources.post_status]\nfields = [\"title:string\"]\n",
        // A resource named as another's form component.
        "[resources.post]\nfields = [\"title:string\"]\n\n[resources.post_form]\nfields = [\"title:string\"]\n",
    ];
    for resources in cases {
        let manifest = format!("[app]\nname = \"meet\"\n\n{resources}");
        let Err(strata::Error::Manifest(diagnostics)) = render(&manifest) else {
            panic!("accepted:\n{resources}");
        };
        assert!(
            diagnostics.to_string().contains("collides"),
            "{diagnostics}"
        );
    }
}

#[test]
fn sql_names_past_postgresql_limit_are_shortened_and_stay_apart() {
    let start = "a".repeat(70);
    let manifest = format!(
        "[app]\nname = \"long\"\n\n[resources.{start}_one]\nfields = [\"{start}_x:string\", \"{start}_y:enum:a,b\"]\n\n[resources.{start}_two]\nfields = [\"title:string\"]\n"
    );
    let app = render(&manifest).unwrap().app;
    let tables: BTreeSet<&str> = app
        .resources
        .iter()
        .map(|r| r.names.table.as_str())
        .collect();
    assert_eq!(tables.len(), 2, "{tables:?}");
    let columns: Vec<&str> = app.resources[0]
        .fields
        .iter()
        .map(|f| f.names.column.as_str())
        .collect();
    assert_ne!(columns[0], columns[1]);
    let enum_type = app.resources[0].fields[1].enumeration.as_ref().unwrap();
    for name in tables
        .iter()
        .chain(&columns)
        .chain([&enum_type.sql.as_str()])
    {
        assert!(name.len() <= 63, "{name} is {} bytes", name.len());
    }
}

#[test]
fn a_create_body_with_no_required_field_lists_none() {
    // Zod's JSON Schema leaves `required` out then, and the app's contract test compares the two.
    let prepared =
        render("[app]\nname = \"notes\"\n\n[resources.note]\nfields = [\"body:text?\"]\n").unwrap();
    let document = openapi_of(&prepared).unwrap();
    let create = &document["components"]["schemas"]["CreateNote"];
    assert!(create.get("required").is_none(), "{create}");
    assert_eq!(create["additionalProperties"], false);
}

//! The JSON Schema of strata.toml: `strata schema` prints the file the repository ships, every
//! fixture manifest validates against it, and on the shapes it can describe it accepts exactly
//! what strata's parser accepts.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;
use strata::manifest::Manifest;
use strata::manifest::schema::TEXT;

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(TEXT).unwrap();
    jsonschema::validator_for(&schema).expect("a valid draft-07 schema")
}

fn as_json(toml_text: &str) -> Value {
    let value: toml::Value = toml::from_str(toml_text).expect("TOML");
    serde_json::to_value(value).unwrap()
}

/// Whether strata takes the manifest: it parses, and the model builds from it.
fn parser_accepts(text: &str) -> bool {
    Manifest::parse(
        Path::new("/nonexistent").into(),
        "strata.toml",
        text.to_string(),
    )
    .ok()
    .is_some_and(|manifest| strata::model::build(&manifest).is_ok())
}

#[test]
fn strata_schema_prints_the_shipped_schema() {
    let output = Command::cargo_bin("strata")
        .unwrap()
        .arg("schema")
        .output()
        .unwrap();
    assert!(output.status.success());
    let shipped = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/strata.schema.json"),
    )
    .unwrap();
    assert_eq!(String::from_utf8(output.stdout).unwrap(), shipped);
}

#[test]
fn every_key_has_a_description_and_every_leaf_an_example() {
    fn walk(path: &str, schema: &Value) {
        let Some(properties) = schema.get("properties").and_then(Value::as_object) else {
            return;
        };
        for (key, property) in properties {
            let here = format!("{path}.{key}");
            if property.get("$ref").is_some() {
                continue;
            }
            assert!(
                property.get("description").is_some(),
                "{here}: no description"
            );
            let leaf = property.get("properties").is_none();
            let items_examples = property.pointer("/items/examples").is_some();
            assert!(
                !leaf || property.get("examples").is_some() || items_examples,
                "{here}: no examples"
            );
            walk(&here, property);
        }
    }
    let schema: Value = serde_json::from_str(TEXT).unwrap();
    walk("", &schema);
    walk("resource", &schema["definitions"]["resource"]);
}

#[test]
fn every_fixture_validates() {
    let validator = validator();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut count = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&as_json(&text))
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
        count += 1;
    }
    assert!(count >= 9);
}

#[test]
fn the_schema_and_the_parser_agree() {
    let validator = validator();
    let base = "[app]\nname = \"blog\"\n";
    let cases: &[(&str, bool)] = &[
        ("", true),
        (
            "database = \"postgres\"\norm = \"prisma\"\napi = \"both\"\n",
            true,
        ),
        ("database = \"mysql\"\n", false),
        ("orm = \"sequelize\"\n", false),
        ("api = \"graphql\"\n", false),
        ("colour = \"blue\"\n", false),
        (
            "[auth]\nstrategy = \"session\"\nroles = [\"member\", \"editor\"]\n",
            true,
        ),
        ("[auth]\nstrategy = \"oauth\"\n", false),
        ("[auth]\nroles = []\n", false),
        ("[auth]\nroles = [\"Admin\"]\n", false),
        ("[auth]\nroles = [\"user\", \"user\"]\n", false),
        ("[auth]\nroles = [\"owner\"]\n", false),
        ("[auth]\nroles = \"user\"\n", false),
        ("[auth]\nproviders = [\"github\", \"oidc\"]\n", true),
        ("[auth]\nproviders = [\"gitlab\"]\n", false),
        ("[auth]\nsecret = \"x\"\n", false),
        (
            "[resources.post]\nfields = [\"title:string\", \"body:text?\"]\n",
            true,
        ),
        ("[resources.post]\nfields = \"title:string\"\n", false),
        ("[resources.post]\nfields = [42]\n", false),
        ("[resources.post]\nfields = [\"title\"]\n", false),
        (
            "[resources.post]\nfields = [\"title:string\"]\ncolour = \"red\"\n",
            false,
        ),
        (
            "[resources.post]\nfields = [\"title:string\"]\nowned = \"yes\"\n",
            false,
        ),
        (
            "[resources.post]\nfields = [\"title:string\"]\nowned = true\naccess = { update = [\"owner\", \"admin\"], delete = \"admin\" }\n",
            true,
        ),
        (
            "[resources.post]\nfields = [\"title:string\"]\naccess = { publish = \"admin\" }\n",
            false,
        ),
        (
            "[resources.post]\nfields = [\"title:string\"]\naccess = { read = 1 }\n",
            false,
        ),
        (
            "[resources.\"2post\"]\nfields = [\"title:string\"]\n",
            false,
        ),
        ("route_group = \"v1\"\n", true),
        ("route_group = \"(v1)\"\n", false),
        ("route_group = \"V1\"\n", false),
        ("route_group = \"api/v1\"\n", false),
        ("route_group = 1\n", false),
        (
            "route_group = \"v1\"\n[resources.post]\nfields = [\"title:string\"]\nroute_group = \"admin-tools\"\n",
            true,
        ),
        (
            "[resources.post]\nfields = [\"title:string\"]\nroute_group = \"-admin\"\n",
            false,
        ),
        ("[templates]\npack = \"../team-templates\"\n", true),
        ("[templates]\npack = 1\n", false),
        ("[templates]\npath = \"../team\"\n", false),
        ("[layers]\nstrict = true\n", true),
        ("[layers]\nstrict = \"yes\"\n", false),
    ];
    assert!(
        !validator.is_valid(&as_json("[auth]\nstrategy = \"jwt\"\n")),
        "no [app]"
    );
    assert!(!parser_accepts("[auth]\nstrategy = \"jwt\"\n"), "no [app]");
    for (extra, expected) in cases {
        // Keys without a table of their own land in [app], right after its name.
        let text = format!("{base}{extra}");
        let schema_says = validator.is_valid(&as_json(&text));
        let parser_says = parser_accepts(&text);
        assert_eq!(schema_says, *expected, "the schema on:\n{text}");
        assert_eq!(parser_says, *expected, "the parser on:\n{text}");
    }
}

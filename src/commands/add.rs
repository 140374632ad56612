//! `strata add resource`, `add field` and `remove resource`: the manifest edited with toml_edit,
//! then every layer and a migration.

use super::{app_to_write, output};
use crate::cli::Common;
use crate::diagnostic::Diagnostic;
use crate::error::{Error, Result};
use crate::manifest::Manifest;
use crate::manifest::edit::ManifestEditor;
use crate::model::names::{ResourceNames, is_identifier};
use crate::model::{self, parse_cli_field};
use crate::pipeline;

pub fn resource(name: &str, fields: &[String], common: &Common) -> Result<u8> {
    edit_and_run("add resource", name, fields, common, |_, editor| {
        editor
            .add_resource(&ResourceNames::new(name).snake, fields)
            .map_err(|e| {
                Error::argument(
                    name,
                    e.to_string(),
                    "choose another name, or add fields with `strata add field`",
                )
            })
    })
}

/// `strata add field`: fields appended to a resource's entry, then every layer and a migration.
pub fn field(name: &str, fields: &[String], common: &Common) -> Result<u8> {
    edit_and_run("add field", name, fields, common, |manifest, editor| {
        let key = existing_key(manifest, name)?;
        editor
            .add_fields(key, fields)
            .map_err(|e| Error::argument(name, e.to_string(), "fix strata.toml first"))
    })
}

/// `strata remove resource`: the entry goes; unedited files are deleted, edited ones reported.
pub fn remove_resource(name: &str, common: &Common) -> Result<u8> {
    edit_and_run("remove resource", name, &[], common, |manifest, editor| {
        let key = existing_key(manifest, name)?;
        refuse_if_referenced(manifest, name, key)?;
        editor
            .remove_resource(key)
            .map_err(|e| Error::argument(name, e.to_string(), "fix strata.toml first"))
    })
}

/// A resource other resources refer to can't go first: name the fields that refer to it.
fn refuse_if_referenced(manifest: &Manifest, name: &str, key: &str) -> Result<()> {
    let app = model::build(manifest)?;
    let removed = ResourceNames::new(key).snake;
    let referrers: Vec<String> = app
        .resources
        .iter()
        .filter(|resource| resource.names.snake != removed)
        .flat_map(|resource| {
            resource.fields.iter().filter_map(|field| {
                let target = field.target.as_ref().filter(|t| !t.is_user)?;
                (target.names.snake == removed)
                    .then(|| format!("{}.{}", resource.names.snake, field.names.snake))
            })
        })
        .collect();
    if referrers.is_empty() {
        return Ok(());
    }
    let (verb, subject) = if referrers.len() == 1 {
        ("refers", "that field")
    } else {
        ("refer", "those fields")
    };
    Err(Error::argument(
        name,
        format!("{} {verb} to it", referrers.join(", ")),
        format!("remove {subject} from strata.toml (or change its type) first, then remove {key}"),
    ))
}

/// Checks the arguments, edits the manifest, and runs the pipeline on the edited text. The
/// manifest was valid before the edit, so new manifest errors are reported against the arguments.
fn edit_and_run(
    command: &str,
    name: &str,
    fields: &[String],
    common: &Common,
    edit: impl FnOnce(&Manifest, &mut ManifestEditor) -> Result<()>,
) -> Result<u8> {
    let root = app_to_write(common)?;
    let manifest = Manifest::load(&root)?;
    check_resource_name(name)?;
    for field in fields {
        parse_cli_field(field)?;
    }
    let mut editor = ManifestEditor::parse(&manifest.source)
        .map_err(|e| Error::argument(name, e.to_string(), "fix strata.toml first"))?;
    edit(&manifest, &mut editor)?;
    let prepared = match pipeline::prepare(
        &root,
        &editor.to_text(),
        &common.run_options(),
        pipeline::Rendering::Incremental,
    ) {
        Ok(prepared) => prepared,
        // A manifest that was already wrong is reported as it is; otherwise the edit broke it.
        Err(error @ Error::Manifest(_)) => {
            crate::registry::validated(&manifest)?;
            return Err(blame_arguments(error, name, fields));
        }
        Err(error) => return Err(error),
    };
    pipeline::execute(&root, &prepared, &common.run_options())?;
    output::finish(command, &prepared, common)
}

/// The manifest's own spelling of the resource `name` (given in any case).
fn existing_key<'m>(manifest: &'m Manifest, name: &str) -> Result<&'m str> {
    let snake = ResourceNames::new(name).snake;
    let keys = || manifest.raw.resources.keys().map(|k| k.get_ref().as_str());
    keys()
        .find(|k| ResourceNames::new(k).snake == snake)
        .ok_or_else(|| {
            let known: Vec<&str> = keys().collect();
            let help = if known.is_empty() {
                "add it first: strata add resource <Name>".to_string()
            } else {
                format!("the resources are: {}", known.join(", "))
            };
            Error::argument(name, "is not a resource of strata.toml", help)
        })
}

/// Resource names on the command line: identifiers, nothing that could name a path.
pub(super) fn check_resource_name(name: &str) -> Result<()> {
    if is_identifier(name) {
        return Ok(());
    }
    let help = if name.contains('/') || name.contains('\\') || name.contains("..") {
        "a resource name is a single word, not a path: e.g. Post or blog_post"
    } else {
        "use letters, digits and _, starting with a letter, in the singular (e.g. BlogPost)"
    };
    Err(
        Diagnostic::in_argument(name, format!("resource name {name:?} is not an identifier"))
            .with_help(help)
            .into(),
    )
}

/// The manifest was valid before the edit, so a new manifest error is about the arguments.
fn blame_arguments(error: Error, name: &str, fields: &[String]) -> Error {
    match error {
        Error::Manifest(diagnostics) => {
            let spec = std::iter::once(name.to_string())
                .chain(fields.iter().cloned())
                .collect::<Vec<_>>()
                .join(" ");
            diagnostics
                .map(|diagnostic| {
                    let mut moved = Diagnostic::in_argument(spec.clone(), diagnostic.message);
                    moved.help = diagnostic.help;
                    moved
                })
                .into()
        }
        other => other,
    }
}

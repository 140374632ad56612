//! `strata new <dir>`: write strata.toml and render the whole app into an empty directory.

use std::path::Path;
use std::process::Command;

use super::add::check_resource_name;
use super::prompt::{self, Choices};
use super::{output, pipeline, start_dir};
use crate::cli::{ApiArg, AuthArg, Common, DatabaseArg, NewArgs, OrmArg};
use crate::error::{Error, Result};
use crate::manifest::Manifest;
use crate::manifest::edit::ManifestEditor;
use crate::model::names::{ResourceNames, is_identifier};
use crate::model::parse_cli_field;

pub fn run(args: &NewArgs, common: &Common) -> Result<u8> {
    let root = start_dir(common)?.join(&args.dir);
    check_target(&root, common.force)?;
    let text = match &args.manifest {
        Some(path) => std::fs::read_to_string(path).map_err(|e| {
            Error::argument(
                format!("--manifest {}", path.display()),
                format!("cannot read it: {e}"),
                "pass the path of an existing strata.toml",
            )
        })?,
        None => manifest_from_options(&root, args, common)?,
    };
    // Checked as given, so that errors name the lines of the file the user wrote; then written
    // with the directive that points editors at the schema.
    crate::model::build(&Manifest::parse(root.clone(), "strata.toml", text.clone())?)?;
    let text = crate::manifest::schema::with_directive(&text);
    let prepared = pipeline::prepare(&root, &text, common, pipeline::Rendering::Incremental)?;
    pipeline::execute(&root, &prepared, common)?;
    let code = output::finish("new", &prepared, common)?;
    if !common.dry_run {
        if !args.no_git && !root.join(".git").exists() {
            run_quietly(&root, "git", &["init", "--quiet"]);
        }
        if args.install {
            npm_install(&root)?;
        }
    }
    Ok(code)
}

/// `new` writes only into a missing or empty directory (a bare `.git` is fine), unless forced.
fn check_target(root: &Path, force: bool) -> Result<()> {
    if root.is_file() {
        return Err(Error::argument(
            root.display().to_string(),
            "is a file",
            "choose a directory name",
        ));
    }
    let Ok(entries) = std::fs::read_dir(root) else {
        return Ok(());
    };
    let occupied = entries.flatten().any(|entry| entry.file_name() != ".git");
    if occupied && !force {
        return Err(Error::DirectoryNotEmpty {
            path: root.to_path_buf(),
        });
    }
    Ok(())
}

fn manifest_from_options(root: &Path, args: &NewArgs, common: &Common) -> Result<String> {
    let dir_name = root
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if !is_identifier(&dir_name) {
        return Err(Error::argument(
            args.dir.display().to_string(),
            format!("{dir_name:?} cannot be the app's package name"),
            "name the directory with letters, digits, - and _, starting with a letter",
        ));
    }
    let mut choices = Choices {
        database: args.database.unwrap_or(DatabaseArg::Pglite),
        orm: args.orm.unwrap_or(OrmArg::Drizzle),
        auth: args.auth.unwrap_or(AuthArg::Jwt),
        api: args.api.unwrap_or(ApiArg::Routes),
        resources: args.resource.clone(),
    };
    let untouched = args.database.is_none()
        && args.orm.is_none()
        && args.auth.is_none()
        && args.api.is_none()
        && args.resource.is_empty();
    if untouched && !common.yes && !common.json && prompt::interactive() {
        // A resource the manifest refuses is asked again, with the reason; the answers before
        // it stay, and nothing is written until every answer is in.
        let valid = |answers: &Choices| {
            manifest_of(root, &dir_name, answers)
                .map(|_| ())
                .map_err(|error| match error {
                    // The manifest is not written yet: what is wrong and the fix, on one line.
                    Error::Manifest(diagnostics) => {
                        let first = diagnostics.first();
                        match &first.help {
                            Some(help) => format!("{} ({help})", first.message),
                            None => first.message.clone(),
                        }
                    }
                    other => other.to_string(),
                })
        };
        choices = prompt::ask(choices, &valid)?;
    }
    manifest_of(root, &dir_name, &choices)
}

/// The manifest the choices describe, checked as `generate` would check it.
fn manifest_of(root: &Path, dir_name: &str, choices: &Choices) -> Result<String> {
    let database = match choices.database {
        DatabaseArg::Pglite => "pglite",
        DatabaseArg::Postgres => "postgres",
    };
    let orm = match choices.orm {
        OrmArg::Drizzle => "drizzle",
        OrmArg::Prisma => "prisma",
    };
    let api = match choices.api {
        ApiArg::Routes => "routes",
        ApiArg::Actions => "actions",
        ApiArg::Both => "both",
    };
    let auth = match choices.auth {
        AuthArg::Jwt => "jwt",
        AuthArg::Session => "session",
        AuthArg::None => "none",
    };
    let mut editor = ManifestEditor::create(
        dir_name,
        database,
        orm,
        api,
        auth,
        &["user".to_string(), "admin".to_string()],
    );
    for spec in &choices.resources {
        let mut words = spec.split_whitespace();
        let Some(name) = words.next() else {
            return Err(Error::argument(
                "--resource",
                "is empty",
                "write --resource \"Post title:string body:text?\"",
            ));
        };
        check_resource_name(name)?;
        let fields: Vec<String> = words.map(str::to_string).collect();
        for field in &fields {
            parse_cli_field(field)?;
        }
        editor
            .add_resource(&ResourceNames::new(name).snake, &fields)
            .map_err(|e| {
                Error::argument(
                    format!("--resource {spec:?}"),
                    e.to_string(),
                    "give each resource once",
                )
            })?;
    }
    let text = editor.to_text();
    let manifest = Manifest::parse(root.to_path_buf(), "strata.toml", text.clone())?;
    crate::model::build(&manifest)?;
    Ok(text)
}

fn run_quietly(dir: &Path, program: &str, args: &[&str]) {
    let _ = Command::new(program)
        .args(args)
        .current_dir(dir)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status();
}

fn npm_install(dir: &Path) -> Result<()> {
    eprintln!("running npm install in {}", dir.display());
    let status = Command::new("npm")
        .arg("install")
        .current_dir(dir)
        .status()
        .map_err(|e| Error::io("running npm install in", dir, e))?;
    if status.success() {
        Ok(())
    } else {
        Err(Error::io(
            "running npm install in",
            dir,
            std::io::Error::other(format!("npm exited with {status}")),
        ))
    }
}

//! `strata new <dir>`: write strata.toml and render the whole app into an empty directory.

use std::path::{Component, Path};

use clap::ValueEnum;
use std::process::Command;
use toml::Spanned;

use super::add::check_resource_name;
use super::prompt::{self, Choices};
use super::{output, start_dir};
use crate::cli::{ApiArg, AuthArg, Common, DatabaseArg, NewArgs, OrmArg};
use crate::error::{Error, Result};
use crate::manifest::Manifest;
use crate::manifest::edit::ManifestEditor;
use crate::model::names::{ResourceNames, is_identifier};
use crate::model::parse_cli_field;
use crate::pipeline;
use crate::render::pack::{DEFAULTS_FILE, Defaults, Pack, TEMPLATES_DIR, lexical};

pub fn run(args: &NewArgs, common: &Common) -> Result<u8> {
    let start = start_dir(common)?;
    let root = start.join(&args.dir);
    if !common.dry_run {
        crate::apply::leftovers::recover(&root);
    }
    check_target(&root, common.force)?;
    let pack = match &args.pack {
        Some(dir) => Some(load_pack(&start, &root, dir)?),
        None => None,
    };
    let defaults = pack.as_ref().map(|(pack, _)| &pack.defaults);
    let text = match &args.manifest {
        Some(path) => std::fs::read_to_string(path).map_err(|e| {
            Error::argument(
                format!("--manifest {}", path.display()),
                format!("cannot read it: {e}"),
                "pass the path of an existing strata.toml",
            )
        })?,
        None => manifest_from_options(&root, args, defaults, common)?,
    };
    // Checked as given, so that errors name the lines of the file the user wrote; then written
    // with the pack it uses and the directive that points editors at the schema.
    crate::registry::validated(&Manifest::parse(root.clone(), "strata.toml", text.clone())?)?;
    let text = match &pack {
        Some((_, relative)) => with_pack(&text, relative)?,
        None => text,
    };
    let text = crate::manifest::schema::with_directive(&text);
    let prepared = pipeline::prepare(
        &root,
        &text,
        &common.run_options(),
        pipeline::Rendering::Incremental,
    )?;
    pipeline::execute(&root, &prepared, &common.run_options())?;
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

/// The pack `--pack` names, and its path as the app's manifest writes it (relative to the app).
fn load_pack(start: &Path, root: &Path, dir: &Path) -> Result<(Pack, String)> {
    let shown = format!("--pack {}", dir.display());
    let absolute = start.join(dir);
    let relative = relative_path(root, &absolute);
    match Pack::load(&absolute, &relative) {
        Ok(pack) => Ok((pack, relative)),
        Err(Some(error)) => Err(error),
        Err(None) => Err(Error::argument(
            shown,
            format!("holds neither {DEFAULTS_FILE} nor {TEMPLATES_DIR}/"),
            "pass the directory of the team's template pack (a clone of its repository)",
        )),
    }
}

/// `target` as a path from `from`, both absolute (`../team-pack`).
fn relative_path(from: &Path, target: &Path) -> String {
    fn normal(path: &Path) -> Vec<String> {
        lexical(path)
            .components()
            .filter_map(|c| match c {
                Component::Normal(part) => Some(part.to_string_lossy().into_owned()),
                _ => None,
            })
            .collect()
    }
    let (from, target) = (normal(from), normal(target));
    let shared = from.iter().zip(&target).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".to_string(); from.len() - shared];
    parts.extend(target[shared..].iter().cloned());
    if parts.is_empty() {
        ".".to_string()
    } else {
        parts.join("/")
    }
}

/// The manifest with `[templates] pack` set (kept when a shared manifest already sets it).
fn with_pack(text: &str, relative: &str) -> Result<String> {
    let mut editor = ManifestEditor::parse(text).map_err(|e| {
        Error::argument(
            "--manifest",
            e.to_string(),
            "pass a strata.toml that parses",
        )
    })?;
    editor
        .set_pack(relative)
        .map_err(|e| Error::argument("--pack", e.to_string(), "make [templates] a table"))?;
    Ok(editor.to_text())
}

/// The command line's choice, else the pack's default, else strata's.
fn choice<T: ValueEnum>(given: Option<T>, pack: Option<&Spanned<String>>, fallback: T) -> T {
    given
        .or_else(|| pack.and_then(|value| T::from_str(value.get_ref(), true).ok()))
        .unwrap_or(fallback)
}

fn manifest_from_options(
    root: &Path,
    args: &NewArgs,
    defaults: Option<&Defaults>,
    common: &Common,
) -> Result<String> {
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
    let pack = defaults.cloned().unwrap_or_default();
    let mut choices = Choices {
        database: choice(args.database, pack.database.as_ref(), DatabaseArg::Pglite),
        orm: choice(args.orm, pack.orm.as_ref(), OrmArg::Drizzle),
        auth: choice(args.auth, pack.auth.as_ref(), AuthArg::Jwt),
        api: choice(args.api, pack.api.as_ref(), ApiArg::Routes),
        resources: args.resource.clone(),
        roles: pack.roles.map_or_else(
            || vec!["user".to_string(), "admin".to_string()],
            |roles| {
                roles
                    .into_inner()
                    .into_iter()
                    .map(Spanned::into_inner)
                    .collect()
            },
        ),
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
    let mut editor = ManifestEditor::create(dir_name, database, orm, api, auth, &choices.roles);
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
    crate::registry::validated(&manifest)?;
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

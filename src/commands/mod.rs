//! One module per command; each returns the process exit code.

mod add;
mod eject;
mod generate;
mod new;
mod output;
mod prompt;

use std::path::PathBuf;

use clap::CommandFactory;

use crate::cli::{AddCommand, Cli, Command, Common, RemoveCommand, TemplatesCommand};
use crate::error::{Error, Result};

/// Runs a parsed command line and returns the exit code (0 done, 1 conflicts).
///
/// # Errors
/// Bad input (exit 2) or I/O failure (exit 3).
pub fn run(cli: Cli) -> Result<u8> {
    let common = &cli.common;
    match cli.command {
        Command::New(args) => new::run(&args, common),
        Command::Add(AddCommand::Resource { name, fields }) => {
            add::resource(&name, &fields, common)
        }
        Command::Add(AddCommand::Field { name, fields }) => add::field(&name, &fields, common),
        Command::Remove(RemoveCommand::Resource { name }) => add::remove_resource(&name, common),
        Command::Generate => generate::run(common),
        Command::Check { all } if !all.is_empty() => {
            // Named as given, so that each line shows the path the user wrote.
            let dirs: Vec<PathBuf> = all
                .iter()
                .map(|dir| match &common.directory {
                    Some(start) => start.join(dir),
                    None => dir.clone(),
                })
                .collect();
            crate::check::all::run(&dirs, common.json)
        }
        Command::Check { .. } => {
            let root = crate::manifest::find_root(&start_dir(common)?)?;
            crate::check::run(&root, common.json)
        }
        Command::Templates(TemplatesCommand::Eject { paths }) => eject::run(&paths, common),
        Command::Schema => {
            use std::io::Write;
            std::io::stdout()
                .write_all(crate::manifest::schema::TEXT.as_bytes())
                .map_err(|e| Error::io("writing", "stdout", e))?;
            Ok(0)
        }
        Command::Completions { shell } => {
            let mut command = Cli::command();
            clap_complete::generate(shell, &mut command, "strata", &mut std::io::stdout());
            Ok(0)
        }
    }
}

/// The app a writing command works on. What a killed run left there is finished or removed
/// first, so the command reads the app whole (a dry run writes nothing, that included).
fn app_to_write(common: &Common) -> Result<PathBuf> {
    let root = crate::manifest::find_root(&start_dir(common)?)?;
    if !common.dry_run {
        crate::apply::leftovers::recover(&root);
    }
    Ok(root)
}

/// The directory a command starts in: `-C <dir>` or the current directory.
fn start_dir(common: &Common) -> Result<PathBuf> {
    let current = std::env::current_dir().map_err(|e| Error::io("reading", ".", e))?;
    Ok(match &common.directory {
        Some(dir) => current.join(dir),
        None => current,
    })
}

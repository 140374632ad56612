//! The questions `strata new` asks on a terminal when given no options, like create-next-app.

use std::io::IsTerminal;

use dialoguer::{Input, Select};

use crate::cli::{ApiArg, AuthArg, DatabaseArg, OrmArg};
use crate::error::{Error, Result};

/// The answers, pre-filled with the defaults.
#[derive(Clone)]
pub struct Choices {
    pub database: DatabaseArg,
    pub orm: OrmArg,
    pub auth: AuthArg,
    pub api: ApiArg,
    pub resources: Vec<String>,
    /// The roles of `[auth]` (a team's pack may set them).
    pub roles: Vec<String>,
}

/// Whether both ends are a terminal, so asking makes sense.
pub fn interactive() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}

fn failed(error: dialoguer::Error) -> Error {
    let dialoguer::Error::IO(io) = &error;
    if io.kind() == std::io::ErrorKind::Interrupted {
        // A menu read Ctrl-C as a key: the same end as the signal below.
        let _ = console::Term::stderr().show_cursor();
        return Error::Cancelled;
    }
    Error::Prompt(error.to_string())
}

/// Ctrl-C while a question is open ends the run with nothing written (nothing is, until every
/// answer is in) and the terminal as it was: the menus hide the cursor while they are shown.
fn restore_cursor_on_interrupt() {
    let _ = ctrlc::set_handler(|| {
        let _ = console::Term::stderr().show_cursor();
        eprintln!("\ncancelled; nothing was written");
        std::process::exit(130);
    });
}

/// Where `choice` is among `all`, for a menu's default.
fn position<T: PartialEq>(all: &[T], choice: T) -> usize {
    all.iter().position(|c| *c == choice).unwrap_or(0)
}

/// Asks each question with the current choice as the default; a first resource that `valid`
/// refuses (with the choices so far) is asked again, its reason shown.
pub fn ask(defaults: Choices, valid: &dyn Fn(&Choices) -> Result<(), String>) -> Result<Choices> {
    restore_cursor_on_interrupt();
    let database = Select::new()
        .with_prompt("Database")
        .items([
            "PGlite (embedded Postgres, no server)",
            "PostgreSQL (DATABASE_URL)",
        ])
        .default(position(
            &[DatabaseArg::Pglite, DatabaseArg::Postgres],
            defaults.database,
        ))
        .interact()
        .map_err(failed)?;
    let orm = Select::new()
        .with_prompt("Data layer")
        .items([
            "Drizzle ORM",
            "Prisma 7 (as the query client; strata still writes the migrations)",
        ])
        .default(position(&[OrmArg::Drizzle, OrmArg::Prisma], defaults.orm))
        .interact()
        .map_err(failed)?;
    let auth = Select::new()
        .with_prompt("Auth")
        .items([
            "JWT: short-lived access tokens and rotating refresh tokens",
            "sessions: opaque tokens in the database",
            "none",
        ])
        .default(position(
            &[AuthArg::Jwt, AuthArg::Session, AuthArg::None],
            defaults.auth,
        ))
        .interact()
        .map_err(failed)?;
    let api = Select::new()
        .with_prompt("API")
        .items([
            "route handlers: an HTTP API",
            "pages with forms and server actions",
            "both",
        ])
        .default(position(
            &[ApiArg::Routes, ApiArg::Actions, ApiArg::Both],
            defaults.api,
        ))
        .interact()
        .map_err(failed)?;
    let choices = Choices {
        database: [DatabaseArg::Pglite, DatabaseArg::Postgres][database],
        orm: [OrmArg::Drizzle, OrmArg::Prisma][orm],
        auth: [AuthArg::Jwt, AuthArg::Session, AuthArg::None][auth],
        api: [ApiArg::Routes, ApiArg::Actions, ApiArg::Both][api],
        resources: defaults.resources.clone(),
        roles: defaults.roles.clone(),
    };
    let with = |resource: &str| {
        let mut resources = choices.resources.clone();
        if !resource.trim().is_empty() {
            resources.push(resource.to_string());
        }
        Choices {
            resources,
            ..choices.clone()
        }
    };
    let resource: String = Input::new()
        .with_prompt("A first resource (e.g. \"Post title:string body:text?\"), or empty")
        .allow_empty(true)
        .validate_with(|answer: &String| valid(&with(answer)))
        .interact_text()
        .map_err(failed)?;
    Ok(with(&resource))
}

//! The command line, as clap derive definitions; the commands read them.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Scaffold and keep up to date a layered Next.js App Router application from strata.toml.
#[derive(Debug, Parser)]
#[command(name = "strata", version, about, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub common: Common,
    #[command(subcommand)]
    pub command: Command,
}

impl Common {
    /// What the pipeline needs of these flags.
    #[must_use]
    pub fn run_options(&self) -> crate::pipeline::Options {
        crate::pipeline::Options {
            dry_run: self.dry_run,
            force: self.force,
            allow_destructive: self.allow_destructive,
        }
    }
}

/// Options every writing command takes.
#[derive(Debug, Clone, Default, Args)]
pub struct Common {
    /// Print the plan and write nothing.
    #[arg(long, global = true)]
    pub dry_run: bool,
    /// With --dry-run: show unified diffs of every change.
    #[arg(long, global = true)]
    pub diff: bool,
    /// Print one machine-readable JSON document (plan and result) on stdout.
    #[arg(long, global = true)]
    pub json: bool,
    /// Overwrite edited files instead of merging them (and restore deleted ones).
    #[arg(long, global = true)]
    pub force: bool,
    /// Never ask; take the defaults.
    #[arg(long, short = 'y', global = true)]
    pub yes: bool,
    /// Allow migrations that drop tables or columns or change types.
    #[arg(long, global = true)]
    pub allow_destructive: bool,
    /// Run as if started in this directory.
    #[arg(short = 'C', value_name = "DIR", global = true)]
    pub directory: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start an app: write strata.toml and render everything.
    New(NewArgs),
    /// Add something to the manifest and every layer.
    #[command(subcommand)]
    Add(AddCommand),
    /// Remove something from the manifest and every layer.
    #[command(subcommand)]
    Remove(RemoveCommand),
    /// Render everything from strata.toml (idempotent).
    Generate,
    /// Exit 1 if code, migrations or layering drift from the manifest, or the app is behind
    /// its template pack or strata.
    Check {
        /// Check many apps (each directory, or the apps in its folders), one line each.
        #[arg(long, value_name = "DIR", num_args = 1..)]
        all: Vec<PathBuf>,
    },
    /// Manage the templates a team can own.
    #[command(subcommand)]
    Templates(TemplatesCommand),
    /// Print the JSON Schema of strata.toml (for editors).
    Schema,
    /// Print a shell completion script.
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The directory to create the app in.
    pub dir: PathBuf,
    /// Start from a team's shared manifest.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["database", "orm", "auth", "api", "resource"])]
    pub manifest: Option<PathBuf>,
    /// Use a team's template pack: its templates, and its defaults for what the command line
    /// does not say (written to strata.toml as `[templates] pack`).
    #[arg(long, value_name = "DIR")]
    pub pack: Option<PathBuf>,
    /// The database: embedded PGlite, or PostgreSQL through DATABASE_URL.
    #[arg(long, value_enum)]
    pub database: Option<DatabaseArg>,
    /// The query client of the data layer (strata writes the migrations for both).
    #[arg(long, value_enum)]
    pub orm: Option<OrmArg>,
    /// The auth strategy.
    #[arg(long, value_enum)]
    pub auth: Option<AuthArg>,
    /// Route handlers, server actions, or both.
    #[arg(long, value_enum)]
    pub api: Option<ApiArg>,
    /// A resource and its fields, e.g. --resource "Post title:string body:text?" (repeatable).
    #[arg(long, value_name = "SPEC")]
    pub resource: Vec<String>,
    /// Run `npm install` afterwards.
    #[arg(long)]
    pub install: bool,
    /// Do not run `git init`.
    #[arg(long)]
    pub no_git: bool,
}

#[derive(Debug, Subcommand)]
pub enum AddCommand {
    /// Add fields to a resource: manifest entry, every layer, and an ALTER migration.
    Field {
        /// The resource, in any case (Post, blog_post, BlogPost).
        name: String,
        /// Fields as name:type[:modifier…], e.g. views:integer:default=0
        #[arg(required = true)]
        fields: Vec<String>,
    },
    /// Add an entity: manifest entry, every layer, and a migration.
    Resource {
        /// The resource name, singular, in any case (Post, blog_post, BlogPost).
        name: String,
        /// Fields as name:type[:modifier…], e.g. title:string:max=200 body:text?
        fields: Vec<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum RemoveCommand {
    /// Remove an entity: unedited files go, edited ones stay and are reported; its table is
    /// dropped only with --allow-destructive.
    Resource {
        /// The resource, in any case.
        name: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum TemplatesCommand {
    /// Copy built-in templates into .strata/templates for the team to own.
    Eject {
        /// Template paths or folders to eject (all when none are given).
        paths: Vec<String>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DatabaseArg {
    Pglite,
    Postgres,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OrmArg {
    Drizzle,
    Prisma,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AuthArg {
    Jwt,
    Session,
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ApiArg {
    Routes,
    Actions,
    Both,
}

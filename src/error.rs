//! The one error type of strata, and the exit code each kind of failure maps to.

use std::path::PathBuf;

use crate::diagnostic::{Diagnostic, Diagnostics};

/// Result alias used across the crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can stop a strata run.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The manifest (or a field spec inside it) is not what strata expects: every problem found.
    #[error("{0}")]
    Manifest(Box<Diagnostics>),

    /// A command-line argument is not what strata expects.
    #[error("invalid argument {argument}: {message}\n  help: {help}")]
    Argument {
        argument: String,
        message: String,
        help: String,
    },

    /// No `strata.toml` in the directory or any parent.
    #[error(
        "no strata.toml found in {} or any parent directory\n  help: run `strata new <dir>` to start an app, or pass `-C <dir>` to point at one",
        .start.display()
    )]
    ManifestNotFound { start: PathBuf },

    /// `strata new` into a directory that already holds files.
    #[error(
        "{} is not empty\n  help: choose a new directory, or pass --force to write into it anyway",
        .path.display()
    )]
    DirectoryNotEmpty { path: PathBuf },

    /// A generated path would leave the app directory.
    #[error("refusing to write {path:?}: it would land outside the app directory\n  help: {help}")]
    PathEscape { path: String, help: String },

    /// A built-in or team template failed to parse or render.
    #[error("template {template}: {message}")]
    Template { template: String, message: String },

    /// A template rendered a file the formatter cannot parse.
    #[error("template {template} wrote {path}, which is not valid TypeScript: {message}")]
    Format {
        template: String,
        path: String,
        message: String,
    },

    /// A schema change that would lose data without consent.
    #[error("{message}\n  help: {help}")]
    Destructive { message: String, help: String },

    /// Reading or writing the disk failed.
    #[error("{action} {}: {source}", .path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// The `.strata/` ledger could not be read.
    #[error("{}: the ledger is corrupt ({message})\n  help: restore .strata/ from version control, or delete it and run `strata generate --force`", .path.display())]
    Ledger { path: PathBuf, message: String },

    /// An interactive prompt failed.
    #[error("prompt failed: {0}")]
    Prompt(String),

    /// Ctrl-C while `strata new` was asking: nothing is written before the last answer.
    #[error("cancelled; nothing was written")]
    Cancelled,
}

impl Error {
    /// The process exit code for this error (2 bad input, 3 I/O; 130, the shell's
    /// code for an interrupt, when the user cancelled).
    #[must_use]
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Io { .. } | Error::Ledger { .. } | Error::Prompt(_) => 3,
            Error::Cancelled => 130,
            _ => 2,
        }
    }

    pub(crate) fn io(
        action: &'static str,
        path: impl Into<PathBuf>,
        source: std::io::Error,
    ) -> Self {
        Error::Io {
            action,
            path: path.into(),
            source,
        }
    }

    pub(crate) fn argument(
        argument: impl Into<String>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Self {
        Error::Argument {
            argument: argument.into(),
            message: message.into(),
            help: help.into(),
        }
    }
}

impl From<Diagnostics> for Error {
    fn from(diagnostics: Diagnostics) -> Self {
        Error::Manifest(Box::new(diagnostics))
    }
}

impl From<Diagnostic> for Error {
    fn from(diagnostic: Diagnostic) -> Self {
        Error::Manifest(Box::new(diagnostic.into()))
    }
}

//! strata: scaffold and keep up to date a layered Next.js App Router application from
//! `strata.toml`.
//!
//! Data flows one way: [`manifest`] (the file as written) → [`model`] (what it means, with
//! [`registry`] refusing names that collide) → [`target`] (what one data layer's templates need)
//! → [`render`] → [`format`] → [`plan`] (what each file should become, computed without
//! writing) → [`apply`] (atomic writes and the ledger).

pub mod diagnostic;
pub mod error;
pub mod format;
pub mod hash;
#[cfg(test)]
mod layering;
pub mod manifest;
pub mod merge;
pub mod model;

pub use error::{Error, Result};
pub mod apply;
pub mod check;
pub mod cli;
pub mod commands;
pub mod migrate;
mod parallel;
pub mod pipeline;
pub mod plan;
pub mod registry;
pub mod render;
pub mod report;
pub mod target;

//! strata: scaffold and keep up to date a layered Next.js App Router application from
//! `strata.toml`.
//!
//! Data flows one way: [`manifest`] (the file as written) → [`model`] (what it means) →
//! [`registry`] (every name the app defines; a collision is refused) → [`render`] (the templates,
//! with the schema [`migrate`] derives and the TypeScript and data layer code of [`target`])
//! → [`format`] (every TypeScript file
//! laid out by the pinned formatter) → [`plan`] (what each file should become, with the ledger
//! and the three-way [`merge`], computed without writing) → [`apply`] (atomic writes, the ledger,
//! and the cleanup of a killed run). [`pipeline`] runs these stages for every writing command
//! and for [`check`]; [`commands`] reads the [`cli`]'s flags. [`hash`], [`merge`], [`error`] and
//! [`diagnostic`] are leaves any stage uses. A test pins this order (`src/layering.rs`).

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

//! The real binary in temporary directories: new, add, generate, check, packs and upgrades as a
//! user runs them.

mod added_templates;
mod check;
mod errors;
mod killed;
mod orm;
mod packs;
mod renames;
mod route_groups;
mod support;
mod upgrade;
mod workflows;

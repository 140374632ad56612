//! The real binary in temporary directories: the workflows of DESIGN §2–§4.

mod added_templates;
mod check;
mod errors;
mod orm;
mod packs;
mod renames;
mod route_groups;
mod support;
mod upgrade;
mod workflows;

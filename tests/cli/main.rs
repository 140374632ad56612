//! The real binary in temporary directories: the workflows of DESIGN §2–§4.

mod check;
mod errors;
mod orm;
mod renames;
mod support;
mod workflows;

//! `strata generate`: render everything from strata.toml (idempotent).

use super::{output, pipeline, start_dir};
use crate::cli::Common;
use crate::error::{Error, Result};
use crate::manifest::{FILE_NAME, find_root};

pub fn run(common: &Common) -> Result<u8> {
    let root = find_root(&start_dir(common)?)?;
    let path = root.join(FILE_NAME);
    let text = std::fs::read_to_string(&path).map_err(|e| Error::io("reading", &path, e))?;
    let prepared = pipeline::prepare(&root, &text, common, pipeline::Rendering::Incremental)?;
    pipeline::execute(&root, &prepared, common)?;
    output::finish("generate", &prepared, common)
}

//! `strata generate`: render everything from strata.toml (idempotent).

use super::{app_to_write, output};
use crate::cli::Common;
use crate::error::{Error, Result};
use crate::manifest::FILE_NAME;
use crate::pipeline;

pub fn run(common: &Common) -> Result<u8> {
    let root = app_to_write(common)?;
    let path = root.join(FILE_NAME);
    let text = std::fs::read_to_string(&path).map_err(|e| Error::io("reading", &path, e))?;
    let prepared = pipeline::prepare(
        &root,
        &text,
        &common.run_options(),
        pipeline::Rendering::Incremental,
    )?;
    pipeline::execute(&root, &prepared, &common.run_options())?;
    output::finish("generate", &prepared, common)
}

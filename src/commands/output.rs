//! Prints a prepared run as text or JSON and turns it into an exit code.

use std::io::Write;

use crate::cli::Common;
use crate::error::{Error, Result};
use crate::pipeline::Prepared;
use crate::report;

/// Prints the plan (and result) and returns the exit code: 1 when conflicts remain.
///
/// # Errors
/// Errors writing to stdout.
pub fn finish(command: &str, prepared: &Prepared, common: &Common) -> Result<u8> {
    let code = u8::from(prepared.plan.has_conflicts());
    let mut stdout = anstream::stdout();
    let result = if common.json {
        let document = report::json_plan(
            command,
            &prepared.plan,
            prepared.migration.as_ref(),
            &prepared.deferred,
            common.dry_run,
            common.diff,
            code,
        );
        writeln!(
            stdout,
            "{}",
            serde_json::to_string_pretty(&document).unwrap_or_default()
        )
    } else {
        report::print_plan(
            &mut stdout,
            &prepared.plan,
            prepared.migration.as_ref(),
            &prepared.deferred,
            common.dry_run,
            common.diff,
        )
    };
    result.map_err(|e| Error::io("writing", "stdout", e))?;
    Ok(code)
}

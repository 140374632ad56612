//! The `strata` binary: parse the command line, run, print the error chain, exit with its code.

use std::process::ExitCode;

use clap::Parser;

// A generation run is thousands of short-lived strings and JSON nodes; mimalloc halves the time
// the system allocator spends on them (see BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = strata::cli::Cli::parse();
    let json = cli.common.json;
    match strata::commands::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            eprintln!("error: {error}");
            if json {
                // A machine reader still gets one document on stdout.
                println!("{}", strata::report::json_error(&error));
            }
            ExitCode::from(error.exit_code())
        }
    }
}

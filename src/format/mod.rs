//! The format stage: every TypeScript and JavaScript file strata renders is laid out by dprint's
//! TypeScript plugin, pinned with strata at the version the app's own `npm run format` runs, so
//! that every file strata writes is a fixed point of the app's format check. Templates hold the
//! code; line breaking is the formatter's alone.

use std::path::Path;
use std::sync::OnceLock;

use sha2::{Digest, Sha256};

use crate::hash::hex;
use dprint_core::configuration::{ConfigKeyMap, GlobalConfiguration};
use dprint_plugin_typescript::configuration::{Configuration, resolve_config};
use dprint_plugin_typescript::{FormatTextOptions, format_text};

/// The npm packages the app formats itself with, at the versions of the crates in strata.
pub const DPRINT_VERSION: &str = "0.54.0";
pub const TYPESCRIPT_PLUGIN_VERSION: &str = "0.96.1";

/// The house style, in dprint's TypeScript plugin's own terms: written as the `typescript` section
/// of the app's `dprint.json` and used here, so both sides format alike. Imports keep the order
/// the templates give them.
pub const TYPESCRIPT_SETTINGS: &str = r#"{
    "lineWidth": 100,
    "indentWidth": 2,
    "semiColons": "asi",
    "quoteStyle": "preferSingle",
    "jsx.quoteStyle": "preferDouble",
    "binaryExpression.operatorPosition": "sameLine",
    "conditionalExpression.operatorPosition": "maintain",
    "conditionalExpression.linePerExpression": false,
    "trailingCommas": "onlyMultiLine",
    "module.sortImportDeclarations": "maintain",
    "module.sortExportDeclarations": "maintain",
    "importDeclaration.sortNamedImports": "maintain",
    "exportDeclaration.sortNamedExports": "maintain"
  }"#;

/// Where the app keeps its formatter settings, and the plan's name for their source.
pub const CONFIG_PATH: &str = "dprint.json";
pub const CONFIG_TEMPLATE: &str = "(formatter settings)";

/// The app's `dprint.json`: the same settings, over the files strata formats, with the plugin
/// from `node_modules` (so `npm run format` needs nothing beyond npm).
#[must_use]
pub fn app_config() -> String {
    let settings: serde_json::Value =
        serde_json::from_str(TYPESCRIPT_SETTINGS).expect("the settings are JSON");
    let config = serde_json::json!({
        "typescript": settings,
        "includes": [format!("**/*.{{{}}}", EXTENSIONS.join(","))],
        "excludes": ["**/node_modules", ".next", ".data", ".strata", "src/generated", "next-env.d.ts"],
        "plugins": ["./node_modules/@dprint/typescript/plugin.wasm"],
    });
    let mut text = serde_json::to_string_pretty(&config).expect("JSON prints");
    text.push('\n');
    text
}

/// The extensions the app's format check covers.
const EXTENSIONS: &[&str] = &["ts", "tsx", "js", "jsx", "mjs", "cjs", "mts", "cts"];

/// A rendered file the formatter could not parse: a template wrote something that is not
/// TypeScript.
#[derive(Debug, thiserror::Error)]
#[error("{path}: not valid TypeScript: {message}")]
pub struct FormatError {
    pub path: String,
    pub message: String,
}

fn configuration() -> &'static Configuration {
    static CONFIGURATION: OnceLock<Configuration> = OnceLock::new();
    CONFIGURATION.get_or_init(|| {
        let settings: ConfigKeyMap =
            serde_json::from_str(TYPESCRIPT_SETTINGS).expect("the settings are JSON");
        let resolved = resolve_config(settings, &GlobalConfiguration::default());
        assert!(
            resolved.diagnostics.is_empty(),
            "dprint refused strata's settings: {:?}",
            resolved.diagnostics
        );
        resolved.config
    })
}

/// What a render is formatted from, as a key: its text and the formatter's version and settings,
/// hashed. The same key always formats to the same text.
#[must_use]
pub fn source_key(text: &str) -> String {
    let mut hasher = Sha256::new();
    for part in [TYPESCRIPT_PLUGIN_VERSION, TYPESCRIPT_SETTINGS, text] {
        hasher.update(part.as_bytes());
        hasher.update([0]);
    }
    hex(&hasher.finalize())
}

/// Whether the app's format check covers the file at `path`.
#[must_use]
pub fn covers(path: &str) -> bool {
    Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e))
}

/// `text`, the file at `path`, laid out as the app's `npm run format` would; other files as they
/// are.
///
/// # Errors
/// When the text does not parse, with the line and column the parser names.
pub fn format(path: &str, text: String) -> Result<String, FormatError> {
    if !covers(path) {
        return Ok(text);
    }
    // A pass can leave text a second pass would change (an indexed array literal as the value
    // of a long key): formatted until stable, so that the app's `format:check`, one pass over
    // it, finds nothing.
    let mut text = text;
    for _ in 0..MAX_PASSES {
        match format_once(path, &text)? {
            Some(formatted) => text = formatted,
            None => return Ok(text),
        }
    }
    Ok(text)
}

/// Passes before the text is taken as it is: two have always sufficed.
const MAX_PASSES: usize = 4;

/// One pass: the new text, or `None` when the pass changes nothing.
fn format_once(path: &str, text: &str) -> Result<Option<String>, FormatError> {
    let formatted = format_text(FormatTextOptions {
        path: Path::new(path),
        extension: None,
        text: text.to_string(),
        config: configuration(),
        external_formatter: None,
    })
    .map_err(|error| FormatError {
        path: path.to_string(),
        message: error.to_string(),
    })?;
    Ok(formatted.filter(|formatted| formatted != text))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One pass over this leaves the array a second pass moves (found by the varied batch, in a
    /// factory with long names): what `format` returns is what the app's check finds.
    #[test]
    fn formats_until_a_second_pass_changes_nothing() {
        let text = "export function body(n: number) {\n  return {\n    refrigerationUnitManufacturerClassification: ['industrial_blast_chiller_unit', 'walk_in_cold_room_assembly', 'reach_in_display_refrigerator'][n % 3],\n  }\n}\n";
        let formatted = format("tests/factories/a.ts", text.to_string()).unwrap();
        assert_eq!(
            format("tests/factories/a.ts", formatted.clone()).unwrap(),
            formatted
        );
        assert_eq!(
            format_once("tests/factories/a.ts", &formatted).unwrap(),
            None
        );
    }

    #[test]
    fn lays_out_in_the_house_style() {
        let text = "import {b, a} from \"x\";\nconst value = {a: 1, b: \"two\"};\n";
        assert_eq!(
            format("src/a.ts", text.to_string()).unwrap(),
            "import { b, a } from 'x'\nconst value = { a: 1, b: 'two' }\n"
        );
    }

    #[test]
    fn breaks_what_passes_the_line_width() {
        let long = format!("export const x = call({})\n", ["argument"; 12].join(", "));
        let formatted = format("src/a.ts", long).unwrap();
        assert!(
            formatted.lines().all(|line| line.len() <= 100),
            "{formatted}"
        );
        assert_eq!(format("src/a.ts", formatted.clone()).unwrap(), formatted);
    }

    #[test]
    fn text_that_is_not_typescript_names_the_file() {
        let error = format("src/broken.tsx", "const = 1\n".to_string()).unwrap_err();
        assert_eq!(error.path, "src/broken.tsx");
        assert!(
            error
                .to_string()
                .starts_with("src/broken.tsx: not valid TypeScript")
        );
    }

    #[test]
    fn other_files_pass_through() {
        assert_eq!(format("README.md", "# x\n".into()).unwrap(), "# x\n");
        assert!(covers("scripts/migrate.mjs") && !covers("package.json"));
    }
}

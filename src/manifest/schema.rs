//! The JSON Schema of strata.toml, for editors: `strata schema` prints it, every app carries a
//! copy in `.strata/`, and the manifests strata writes point taplo-based editors at that copy.

/// The schema, as shipped in the repository (`schema/strata.schema.json`).
pub const TEXT: &str = include_str!("../../schema/strata.schema.json");

/// Where an app keeps its copy, beside strata's other state.
pub const PATH: &str = ".strata/strata.schema.json";

/// The plan's name for that copy's source.
pub const TEMPLATE: &str = "(manifest schema)";

/// taplo's directive (Even Better TOML and other taplo-based editors) naming the app's copy.
pub const DIRECTIVE: &str = "#:schema ./.strata/strata.schema.json";

/// The manifest text with the directive as its first line, unless it already names a schema.
#[must_use]
pub fn with_directive(text: &str) -> String {
    if text
        .lines()
        .any(|line| line.trim_start().starts_with("#:schema"))
    {
        text.to_string()
    } else {
        format!("{DIRECTIVE}\n{text}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_directive_goes_first_once() {
        let text = with_directive("[app]\nname = \"blog\"\n");
        assert!(text.starts_with("#:schema ./.strata/strata.schema.json\n[app]"));
        assert_eq!(with_directive(&text), text);
    }

    #[test]
    fn the_schema_is_json() {
        let schema: serde_json::Value = serde_json::from_str(TEXT).unwrap();
        assert_eq!(schema["title"], "strata.toml");
    }
}

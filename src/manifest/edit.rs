//! Edits strata.toml in place with toml_edit, keeping the user's comments and formatting.

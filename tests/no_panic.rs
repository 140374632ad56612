//! Arbitrary input never panics: the field DSL parser and the manifest loader only return errors.

use std::path::PathBuf;

use proptest::prelude::*;
use strata::manifest::Manifest;
use strata::model;

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn field_specs_never_panic(spec in "\\PC{0,40}") {
        let _ = model::parse_field(&spec);
    }

    #[test]
    fn dsl_shaped_specs_never_panic(spec in "[a-z_?]{0,8}(:[a-z0-9=,.?_-]{0,10}){0,5}") {
        let _ = model::parse_field(&spec);
    }

    #[test]
    fn manifest_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        if let Ok(manifest) = Manifest::parse(PathBuf::from("/nonexistent"), "strata.toml", text) {
            let _ = model::build(&manifest);
        }
    }

    #[test]
    fn manifest_shaped_text_never_panics(
        name in "[a-z]{1,8}",
        resource in "[A-Za-z_]{1,10}",
        fields in proptest::collection::vec("[a-z]{1,6}:[a-z]{1,8}(:[a-z=0-9,]{0,8})?", 0..4),
        auth in prop_oneof!["jwt", "none", "session", "bogus"],
    ) {
        let list = fields.iter().map(|f| format!("{f:?}")).collect::<Vec<_>>().join(", ");
        let text = format!("[app]\nname = \"{name}\"\n[auth]\nstrategy = \"{auth}\"\n[resources.{resource}]\nfields = [{list}]\n");
        if let Ok(manifest) = Manifest::parse(PathBuf::from("/nonexistent"), "strata.toml", text) {
            let _ = model::build(&manifest);
        }
    }
}

//! strata's own module layering, pinned the way `check/layers.rs` pins a generated app's: each
//! module of `src/` may use the modules of its own layer and the layers below it, read from
//! every `crate::<module>` path in the source, and nothing above.

use std::path::Path;

/// The layers, lowest first, in the order data flows through a run: the manifest as written,
/// what it means, the schema it implies, the names and data layer it needs, the rendered text,
/// formatted, planned, applied; then what runs the stages (`pipeline`), reports on them, checks
/// an app, the command line's flags and the commands that read them. The leaves serve everyone.
const LAYERS: &[&[&str]] = &[
    &["diagnostic", "error", "hash", "merge", "parallel"],
    &["manifest"],
    &["model"],
    &["migrate"],
    &["registry", "target"],
    &["render"],
    &["format"],
    &["plan"],
    &["apply"],
    &["pipeline", "report"],
    &["check"],
    &["cli"],
    &["commands"],
];

/// Uses of a later layer that stay, each with why.
const EXCEPTIONS: &[(&str, &str, &str)] = &[
    (
        "registry",
        "render",
        "the registry reads the template catalog (render::catalog), static data saying which \
         files each template writes, to know the names those files declare",
    ),
    (
        "render",
        "format",
        "the catalog writes the formatter's pinned versions (format::DPRINT_VERSION and \
         TYPESCRIPT_PLUGIN_VERSION) into the app's package.json, so the app formats as strata",
    ),
];

/// Items `lib.rs` re-exports at the crate's root, with the module they come from.
const ROOT_ITEMS: [(&str, &str); 2] = [("Error", "error"), ("Result", "error")];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

/// The modules a line names as `crate::<module>`, including `crate::{a, b::c}` groups on one line.
fn used_modules(line: &str) -> Vec<String> {
    let mut used = Vec::new();
    let mut rest = line;
    while let Some(at) = rest.find("crate::") {
        let after = &rest[at + "crate::".len()..];
        let preceded_by_ident = rest[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_');
        if !preceded_by_ident {
            if let Some(group) = after.strip_prefix('{') {
                let inner = group.split('}').next().unwrap_or_default();
                used.extend(inner.split(',').filter_map(|item| first_ident(item.trim())));
            } else if let Some(name) = first_ident(after) {
                used.push(name);
            }
        }
        rest = after;
    }
    used
}

fn first_ident(text: &str) -> Option<String> {
    let name: String = text
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    let name = ROOT_ITEMS
        .iter()
        .find(|(item, _)| *item == name)
        .map_or(name, |(_, module)| (*module).to_string());
    (!name.is_empty() && name != "self").then_some(name)
}

/// Every `crate::` use of a later layer, as `file:line: …`, and every exception no use needs.
fn violations(src: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut used_exceptions = vec![false; EXCEPTIONS.len()];
    for entry in walkdir::WalkDir::new(src).sort_by_file_name() {
        let entry = entry.expect("src/ is readable");
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let relative = path.strip_prefix(src).expect("under src/");
        let module = relative
            .components()
            .next()
            .map(|c| {
                c.as_os_str()
                    .to_string_lossy()
                    .trim_end_matches(".rs")
                    .to_string()
            })
            .unwrap_or_default();
        // The crate's root, the binary, and this test.
        if ["lib", "main", "layering"].contains(&module.as_str()) {
            continue;
        }
        let Some(own_layer) = layer_of(&module) else {
            found.push(format!(
                "src/{}: module `{module}` is in no layer of LAYERS",
                relative.display()
            ));
            continue;
        };
        let text = std::fs::read_to_string(path).expect("a source file");
        for (number, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for used in used_modules(line) {
                if used == module {
                    continue;
                }
                let Some(used_layer) = layer_of(&used) else {
                    found.push(format!(
                        "src/{}:{}: `crate::{used}` is in no layer of LAYERS",
                        relative.display(),
                        number + 1
                    ));
                    continue;
                };
                if used_layer <= own_layer {
                    continue;
                }
                if let Some(index) = EXCEPTIONS
                    .iter()
                    .position(|(from, to, _)| *from == module && *to == used)
                {
                    used_exceptions[index] = true;
                    continue;
                }
                found.push(format!(
                    "src/{}:{}: `{module}` uses `crate::{used}`, a later layer",
                    relative.display(),
                    number + 1
                ));
            }
        }
    }
    for ((from, to, _), used) in EXCEPTIONS.iter().zip(used_exceptions) {
        if !used {
            found.push(format!(
                "the exception `{from}` → `{to}` is no longer needed: remove it"
            ));
        }
    }
    found
}

#[test]
fn strata_modules_use_only_their_layer_and_those_below() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let found = violations(&src);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn reads_crate_paths_and_groups() {
    assert_eq!(used_modules("use crate::plan::ledger::Ledger;"), ["plan"]);
    assert_eq!(
        used_modules("use crate::{error::Result, hash};"),
        ["error", "hash"]
    );
    assert_eq!(
        used_modules("let x = crate::merge::three_way(a, b, c) + crate::hash::sha256(t);"),
        ["merge", "hash"]
    );
    assert_eq!(used_modules("fn f() -> crate::Result<()> {"), ["error"]);
    assert!(used_modules("let mycrate::x = 1;").is_empty());
}

#[test]
fn a_use_of_a_later_layer_is_reported_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path();
    std::fs::create_dir_all(src.join("model")).unwrap();
    std::fs::write(
        src.join("model/mod.rs"),
        "//! A model.\n\nuse crate::manifest::Manifest;\nuse crate::apply::apply;\n",
    )
    .unwrap();
    let found = violations(src);
    assert!(
        found.contains(&"src/model/mod.rs:4: `model` uses `crate::apply`, a later layer".into()),
        "{found:?}"
    );
    assert!(!found.iter().any(|f| f.contains(":3:")), "{found:?}");
}

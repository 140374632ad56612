//! The generated app's layering rules, checked on its own source: imports only go down.

use std::path::{Component, Path, PathBuf};

use serde::Serialize;

/// Where a source file sits in the layered pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Layer {
    /// `src/app/**/route.ts`
    RouteHandler,
    /// A `'use server'` module under `src/app`.
    ServerAction,
    /// Pages and layouts under `src/app`.
    Page,
    /// A `'use client'` module anywhere.
    ClientComponent,
    Service,
    Dal,
    /// `src/lib/db.ts`, `src/db/` (the Drizzle tables, the migrator) and the generated Prisma
    /// client (`src/generated/`).
    Database,
    Other,
}

/// One import that goes the wrong way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Violation {
    /// The importing file, relative to the app root.
    pub file: String,
    pub line: usize,
    /// What it imports, as written.
    pub import: String,
    pub rule: String,
}

fn layer_of_path(path: &str) -> Layer {
    if path.starts_with("src/services/") {
        Layer::Service
    } else if path.starts_with("src/dal/") {
        Layer::Dal
    } else if path == "src/lib/db.ts"
        || path.starts_with("src/db/")
        || path.starts_with("src/generated/")
    {
        Layer::Database
    } else if path.starts_with("src/app/")
        && (path.ends_with("/route.ts") || path.ends_with("/route.tsx"))
    {
        Layer::RouteHandler
    } else if path.starts_with("src/app/")
        && (path.ends_with("/page.tsx") || path.ends_with("/layout.tsx"))
    {
        Layer::Page
    } else {
        Layer::Other
    }
}

/// The layer of a file from its path and its first statement.
#[must_use]
pub fn layer_of(path: &str, text: &str) -> Layer {
    let first = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with("//"))
        .unwrap_or("");
    let directive =
        |d: &str| first.starts_with(&format!("'{d}'")) || first.starts_with(&format!("\"{d}\""));
    if directive("use client") {
        Layer::ClientComponent
    } else if directive("use server") && path.starts_with("src/app/") {
        Layer::ServerAction
    } else {
        layer_of_path(path)
    }
}

/// Every module specifier a file imports or re-exports, with the line it is named on.
#[must_use]
pub fn imports(text: &str) -> Vec<(usize, String)> {
    const OPENERS: [&str; 6] = [
        " from '",
        " from \"",
        "import '",
        "import \"",
        "import('",
        "import(\"",
    ];
    let mut out = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let code = line.trim_start();
        if code.starts_with("//") || code.starts_with('*') {
            continue;
        }
        for opener in OPENERS {
            if let Some(at) = line.find(opener) {
                let rest = &line[at + opener.len()..];
                let quote = opener.chars().last().unwrap_or('\'');
                if let Some(end) = rest.find(quote) {
                    out.push((index + 1, rest[..end].to_string()));
                }
            }
        }
    }
    out
}

/// The app-relative path an import specifier names, if it is the app's own code.
fn resolve(file: &str, specifier: &str) -> Option<String> {
    let target = if let Some(rest) = specifier.strip_prefix("@/") {
        PathBuf::from("src").join(rest)
    } else if specifier.starts_with('.') {
        Path::new(file).parent()?.join(specifier)
    } else {
        return None;
    };
    let mut parts: Vec<String> = Vec::new();
    for component in target.components() {
        match component {
            Component::ParentDir => {
                parts.pop();
            }
            Component::Normal(part) => parts.push(part.to_string_lossy().into_owned()),
            _ => {}
        }
    }
    Some(parts.join("/"))
}

/// The layer an import lands in (`src/dal` → DAL, `src/app/**` → an entry point…).
fn target_layer(resolved: &str) -> Layer {
    let candidates = [
        format!("{resolved}.ts"),
        format!("{resolved}.tsx"),
        format!("{resolved}/index.ts"),
    ];
    if resolved == "src/dal" || resolved.starts_with("src/dal/") {
        return Layer::Dal;
    }
    if resolved == "src/services" || resolved.starts_with("src/services/") {
        return Layer::Service;
    }
    if resolved == "src/lib/db"
        || resolved == "src/db"
        || resolved.starts_with("src/db/")
        || resolved.starts_with("src/generated/")
    {
        return Layer::Database;
    }
    if resolved.starts_with("src/app/") {
        return candidates
            .iter()
            .map(|c| layer_of_path(c))
            .find(|l| *l != Layer::Other)
            .unwrap_or(Layer::Page);
    }
    Layer::Other
}

/// The rule an import breaks, if it breaks one.
#[must_use]
pub fn broken_rule(file: &str, layer: Layer, specifier: &str, strict: bool) -> Option<String> {
    let next = specifier == "next" || specifier.starts_with("next/");
    let target = resolve(file, specifier).map_or(Layer::Other, |r| target_layer(&r));
    let entry = matches!(
        target,
        Layer::RouteHandler | Layer::ServerAction | Layer::Page
    );
    match layer {
        Layer::Dal if target == Layer::Service || entry => {
            Some("the DAL may not import services or the app's entry points".into())
        }
        Layer::Dal if next => Some("the DAL knows nothing of HTTP: no next/* imports".into()),
        Layer::Service if entry => {
            Some("a service may not import a route handler, an action or a page".into())
        }
        Layer::Service if next => Some("a service knows nothing of HTTP: no next/* imports".into()),
        Layer::ClientComponent
            if matches!(target, Layer::Dal | Layer::Service | Layer::Database) =>
        {
            Some(
                "a client component may not import server-only code (the DAL, a service, lib/db)"
                    .into(),
            )
        }
        Layer::RouteHandler | Layer::ServerAction | Layer::Page
            if strict && matches!(target, Layer::Dal | Layer::Database) =>
        {
            Some("[layers] strict = true: entry points call services, not the DAL".into())
        }
        _ => None,
    }
}

/// Checks every `.ts`/`.tsx` file under `root/src`.
///
/// # Errors
/// An I/O error reading the tree.
pub fn check(root: &Path, strict: bool) -> crate::Result<Vec<Violation>> {
    let mut violations = Vec::new();
    let src = root.join("src");
    // The Prisma client is generated (and git-ignored): not the app's own source.
    let generated = src.join("generated");
    for entry in walkdir::WalkDir::new(&src)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.path() != generated)
        .filter_map(Result::ok)
    {
        let path = entry.path();
        if !entry.file_type().is_file()
            || !path.extension().is_some_and(|e| e == "ts" || e == "tsx")
        {
            continue;
        }
        let relative = path
            .strip_prefix(root)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/");
        let text =
            std::fs::read_to_string(path).map_err(|e| crate::Error::io("reading", path, e))?;
        let layer = layer_of(&relative, &text);
        for (line, specifier) in imports(&text) {
            if let Some(rule) = broken_rule(&relative, layer, &specifier, strict) {
                violations.push(Violation {
                    file: relative.clone(),
                    line,
                    import: specifier,
                    rule,
                });
            }
        }
    }
    Ok(violations)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_imports_on_one_line_and_across_lines() {
        let text = "import 'server-only'\nimport {\n  a,\n  b,\n} from '@/dal'\nexport * from './x'\nconst y = 1\nimport type { T } from \"@/types\"\n";
        assert_eq!(
            imports(text),
            vec![
                (1, "server-only".into()),
                (5, "@/dal".into()),
                (6, "./x".into()),
                (8, "@/types".into())
            ]
        );
    }

    #[test]
    fn knows_the_layers() {
        assert_eq!(
            layer_of("src/dal/posts/post.dal.ts", "import 'server-only'"),
            Layer::Dal
        );
        assert_eq!(
            layer_of("src/app/api/posts/route.ts", ""),
            Layer::RouteHandler
        );
        assert_eq!(
            layer_of("src/app/api/(v1)/posts/[id]/route.ts", ""),
            Layer::RouteHandler
        );
        assert_eq!(
            layer_of("src/app/(auth)/login/actions.ts", "'use server'\n"),
            Layer::ServerAction
        );
        assert_eq!(
            layer_of("src/components/features/form.tsx", "'use client'\n"),
            Layer::ClientComponent
        );
        assert_eq!(
            layer_of("src/generated/prisma/client.ts", "/* eslint-disable */"),
            Layer::Database
        );
    }

    #[test]
    fn upward_imports_break_rules() {
        let cases = [
            (
                "src/dal/posts/post.dal.ts",
                Layer::Dal,
                "@/services/post.service",
                false,
                true,
            ),
            (
                "src/dal/posts/post.dal.ts",
                Layer::Dal,
                "next/server",
                false,
                true,
            ),
            (
                "src/dal/posts/post.dal.ts",
                Layer::Dal,
                "../../app/api/posts/route",
                false,
                true,
            ),
            (
                "src/services/post.service.ts",
                Layer::Service,
                "@/app/(auth)/login/actions",
                false,
                true,
            ),
            (
                "src/components/x.tsx",
                Layer::ClientComponent,
                "@/lib/db",
                false,
                true,
            ),
            (
                "src/components/x.tsx",
                Layer::ClientComponent,
                "@/generated/prisma/client",
                false,
                true,
            ),
            (
                "src/app/api/posts/route.ts",
                Layer::RouteHandler,
                "@/generated/prisma/client",
                true,
                true,
            ),
            (
                "src/app/api/posts/route.ts",
                Layer::RouteHandler,
                "@/dal",
                false,
                false,
            ),
            (
                "src/app/api/posts/route.ts",
                Layer::RouteHandler,
                "@/dal",
                true,
                true,
            ),
            (
                "src/services/post.service.ts",
                Layer::Service,
                "@/dal",
                true,
                false,
            ),
            (
                "src/dal/posts/post.dal.ts",
                Layer::Dal,
                "@/lib/db",
                true,
                false,
            ),
        ];
        for (file, layer, import, strict, broken) in cases {
            assert_eq!(
                broken_rule(file, layer, import, strict).is_some(),
                broken,
                "{file} importing {import}"
            );
        }
    }
}

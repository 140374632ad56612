//! Route groups (`src/app/api/(v1)/posts/route.ts`): folders that sort route handlers without
//! changing their URLs, set for the app (`[app] route_group`) or one resource.

use toml::Spanned;

use super::build::Build;
use crate::manifest::Manifest;

/// The folder of the API's route handlers, relative to `src/`.
pub const API_DIR: &str = "app/api";

/// A group's name as written, checked: lower-case letters, digits and `-`, so that the folder
/// `(name)` is the same on every file system and in every import.
pub(super) fn parse(manifest: &Manifest, value: &Spanned<String>) -> Build<String> {
    let name = value.get_ref();
    let valid = name.len() <= 40
        && name.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if valid {
        return Ok(name.clone());
    }
    Err(manifest
        .diagnostic(
            value.span(),
            format!("route_group = {name:?} is not a route group name"),
        )
        .with_help(
            "use up to 40 lower-case letters, digits and -, without the parentheses (e.g. \"v1\")",
        ))
}

/// `app/api/(v1)/posts`: where a resource's route handlers live, relative to `src/`.
#[must_use]
pub fn api_dir(group: Option<&str>, plural_kebab: &str) -> String {
    match group {
        Some(group) => format!("{API_DIR}/({group})/{plural_kebab}"),
        None => format!("{API_DIR}/{plural_kebab}"),
    }
}

/// `path` with any route group after `src/app/api/` left out: the same for a file whichever
/// group it is in, so that a file that changes group is found where it was.
#[must_use]
pub fn without_route_group(path: &str) -> String {
    let prefix = format!("src/{API_DIR}/");
    let Some(rest) = path.strip_prefix(&prefix) else {
        return path.to_string();
    };
    let mut rest = rest;
    while let Some(after) = rest
        .strip_prefix('(')
        .and_then(|r| r.split_once(")/"))
        .map(|(_, after)| after)
    {
        rest = after;
    }
    format!("{prefix}{rest}")
}

/// The files that changed group, as (where they were, where they go): a path of `tracked` that
/// is no longer rendered, and a rendered path not yet tracked, that differ only in their group.
/// `moves` (a renamed resource's files) are followed to the group they were in, too.
#[must_use]
pub fn regroup_moves(
    moves: &[(String, String)],
    rendered: &std::collections::BTreeSet<&str>,
    tracked: &std::collections::BTreeSet<&str>,
) -> Vec<(String, String)> {
    let gone: std::collections::BTreeMap<String, &str> = tracked
        .iter()
        .filter(|path| !rendered.contains(*path))
        .map(|path| (without_route_group(path), *path))
        .collect();
    let mut out: Vec<(String, String)> = moves
        .iter()
        .map(|(old, new)| {
            let was = gone
                .get(&without_route_group(old))
                .map_or(old.as_str(), |p| p);
            (was.to_string(), new.clone())
        })
        .collect();
    for path in rendered.iter().filter(|path| !tracked.contains(*path)) {
        let already = out.iter().any(|(_, new)| new == path);
        if let Some(was) = gone.get(&without_route_group(path))
            && !already
            && was != path
        {
            out.push(((*was).to_string(), (*path).to_string()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_is_a_folder_in_parentheses() {
        assert_eq!(api_dir(Some("v1"), "posts"), "app/api/(v1)/posts");
        assert_eq!(api_dir(None, "posts"), "app/api/posts");
    }

    #[test]
    fn paths_compare_without_their_group() {
        assert_eq!(
            without_route_group("src/app/api/(v1)/posts/[id]/route.ts"),
            "src/app/api/posts/[id]/route.ts"
        );
        assert_eq!(
            without_route_group("src/app/api/posts/route.ts"),
            "src/app/api/posts/route.ts"
        );
        assert_eq!(
            without_route_group("src/app/(marketing)/page.tsx"),
            "src/app/(marketing)/page.tsx"
        );
    }

    #[test]
    fn a_file_that_changes_group_moves() {
        let rendered = [
            "src/app/api/(v2)/posts/route.ts",
            "src/app/api/(v2)/notes/route.ts",
        ];
        let tracked = [
            "src/app/api/(v1)/posts/route.ts",
            "src/app/api/memos/route.ts",
        ];
        // `notes` was `memos` (renamed_from), outside any group.
        let renamed = [(
            "src/app/api/(v2)/memos/route.ts".to_string(),
            "src/app/api/(v2)/notes/route.ts".to_string(),
        )];
        let moves = regroup_moves(&renamed, &rendered.into(), &tracked.into());
        assert_eq!(
            moves,
            [
                (tracked[1].to_string(), rendered[1].to_string()),
                (tracked[0].to_string(), rendered[0].to_string()),
            ]
        );
    }
}

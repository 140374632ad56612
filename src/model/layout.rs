//! Lays out generated TypeScript the way prettier would (`printWidth` 100), so the app is
//! prettier-clean as generated: a list fits on one line or takes one item per line, and a method
//! chain with an arrow-function argument and more than two calls is always broken.

/// The `printWidth` of the generated `.prettierrc.json`.
pub const WIDTH: usize = 100;

/// `open items close` on one line if it fits at `indent`, else one item per line with trailing
/// commas. `padded` puts spaces inside the brackets on one line (`{ a, b }`, not `(a, b)`).
/// An import of a single name stays on one line however long, as prettier keeps it.
#[must_use]
pub fn wrap(open: &str, items: &[String], close: &str, indent: usize, padded: bool) -> String {
    let pad = if padded && !items.is_empty() { " " } else { "" };
    let line = format!("{open}{pad}{}{pad}{close}", items.join(", "));
    let lone_import = open.starts_with("import") && items.len() == 1;
    if indent + line.len() <= WIDTH || items.is_empty() || lone_import {
        return line;
    }
    let inner = " ".repeat(indent + 2);
    let mut out = format!("{open}\n");
    for item in items {
        // An item too long for its line that is a call has its own arguments broken.
        let item = if indent + 2 + item.len() + 1 > WIDTH && is_call(item) {
            super::column_layout::hugged_call("", item, ",", indent + 2)
        } else {
            format!("{item},")
        };
        out.push_str(&format!("{inner}{item}\n"));
    }
    out.push_str(&" ".repeat(indent));
    out.push_str(close);
    out
}

/// `name(…)`: a call, with no line breaks yet.
fn is_call(text: &str) -> bool {
    text.ends_with(')')
        && !text.contains('\n')
        && text.split('(').next().is_some_and(|callee| {
            !callee.is_empty()
                && callee
                    .chars()
                    .all(|c| c.is_alphanumeric() || "_.$".contains(c))
        })
}

/// `key: head.call().call()` followed by `suffix`, at `indent`: on one line when it fits and
/// prettier would not force it apart, else each call after the head on its own line (or, for a
/// single call ending in an object, that object opened).
#[must_use]
pub fn chain(key: &str, head: &str, calls: &[String], suffix: &str, indent: usize) -> String {
    let has_arrow = calls.iter().any(|c| c.contains("=>"));
    let line = format!("{key}: {head}{}{suffix}", calls.concat());
    let forced = calls.len() + 1 > 2 && has_arrow;
    if !forced && indent + line.len() <= WIDTH {
        return line;
    }
    let inner = " ".repeat(indent + 2);
    // A head and one call is too short a chain to break: prettier opens the call's last
    // argument instead, when it is an object.
    if let [call] = calls
        && let Some((before, props)) = call.strip_suffix(" })").and_then(|c| c.rsplit_once(", { "))
    {
        let first = format!("{key}: {head}{before}, {{");
        if indent + first.len() <= WIDTH {
            let mut out = first;
            for prop in props.split(", ") {
                out.push_str(&format!("\n{inner}{prop},"));
            }
            out.push_str(&format!("\n{}}}){suffix}", " ".repeat(indent)));
            return out;
        }
    }
    let mut out = format!("{key}: {head}");
    for call in calls {
        out.push('\n');
        out.push_str(&inner);
        out.push_str(call);
    }
    out.push_str(suffix);
    out
}

/// A self-closing JSX element at `indent`, as prettier lays it out: on one line when it fits,
/// else one attribute per line.
#[must_use]
pub fn jsx(tag: &str, attrs: &[String], indent: usize) -> String {
    let line = format!("<{tag} {} />", attrs.join(" "));
    if indent + line.len() <= WIDTH {
        return line;
    }
    format!("{}/>", jsx_attributes(tag, attrs, indent))
}

/// A JSX element with one child at `indent`, as prettier lays it out: `<dd>{row.title}</dd>` on
/// one line when it fits, else the child on its own line between the tags (and the opening tag
/// broken like [`jsx_open`] when it does not fit either). Prettier always breaks an element with
/// two or more attributes, or whose child is an element. `child` lays the child out at the
/// indent it is given.
#[must_use]
pub fn jsx_element(
    tag: &str,
    attrs: &[String],
    child: impl Fn(usize) -> String,
    indent: usize,
) -> String {
    let open = if attrs.is_empty() {
        format!("<{tag}>")
    } else {
        format!("<{tag} {}>", attrs.join(" "))
    };
    let inline = child(indent);
    let line = format!("{open}{inline}</{tag}>");
    let forced = attrs.len() > 1 || inline.starts_with('<');
    if !forced && !inline.contains('\n') && indent + line.len() <= WIDTH {
        return line;
    }
    let open = if attrs.is_empty() {
        open
    } else {
        jsx_open(tag, attrs, indent)
    };
    let inner = " ".repeat(indent + 2);
    format!(
        "{open}\n{inner}{}\n{}</{tag}>",
        child(indent + 2),
        " ".repeat(indent)
    )
}

/// The opening tag of a JSX element with children, laid out like [`jsx`]; a broken tag closes
/// with `>` on its own line.
#[must_use]
pub fn jsx_open(tag: &str, attrs: &[String], indent: usize) -> String {
    let line = format!("<{tag} {}>", attrs.join(" "));
    if indent + line.len() <= WIDTH {
        return line;
    }
    format!("{}>", jsx_attributes(tag, attrs, indent))
}

fn jsx_attributes(tag: &str, attrs: &[String], indent: usize) -> String {
    let inner = " ".repeat(indent + 2);
    let mut out = format!("<{tag}\n");
    for attr in attrs {
        out.push_str(&format!("{inner}{attr}\n"));
    }
    out.push_str(&" ".repeat(indent));
    out
}

/// `name = 'a' | 'b'` as prettier lays out a union type alias.
#[must_use]
pub fn union(name: &str, members: &[String]) -> String {
    let joined = members.join(" | ");
    let line = format!("{name} = {joined}");
    if line.len() <= WIDTH {
        return line;
    }
    if 2 + joined.len() <= WIDTH {
        return format!("{name} =\n  {joined}");
    }
    let mut out = format!("{name} =");
    for member in members {
        out.push_str(&format!("\n  | {member}"));
    }
    out
}

/// `head.call().call()` as a statement at `indent`: one line when it fits, else one call per line.
#[must_use]
pub fn statement_chain(head: &str, calls: &[String], indent: usize) -> String {
    let line = format!("{head}{}", calls.concat());
    if indent + line.len() <= WIDTH {
        return line;
    }
    let inner = " ".repeat(indent + 2);
    let mut out = head.to_string();
    for call in calls {
        out.push('\n');
        out.push_str(&inner);
        out.push_str(call);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_fit_or_break_one_per_line() {
        let items = vec!["a".to_string(), "b".to_string()];
        assert_eq!(
            wrap("import {", &items, "} from 'x'", 0, true),
            "import { a, b } from 'x'"
        );
        let long: Vec<String> = (0..30).map(|i| format!("name{i}")).collect();
        let out = wrap("f(", &long, ")", 2, false);
        assert!(out.starts_with("f(\n    name0,\n    name1,\n"));
        assert!(out.ends_with("    name29,\n  )"));
    }

    #[test]
    fn chains_with_arrow_functions_and_three_calls_break() {
        let calls = vec![
            ".notNull()".to_string(),
            ".references(() => users.id, { onDelete: 'cascade' })".to_string(),
        ];
        assert_eq!(
            chain("userId", "uuid('user_id')", &calls, ",", 4),
            "userId: uuid('user_id')\n      .notNull()\n      .references(() => users.id, { onDelete: 'cascade' }),"
        );
        let calls = vec![".references(() => categories.id, { onDelete: 'set null' })".to_string()];
        assert_eq!(
            chain("categoryId", "uuid('category_id')", &calls, ",", 4),
            "categoryId: uuid('category_id').references(() => categories.id, { onDelete: 'set null' }),"
        );
        let calls = vec![".notNull()".to_string(), ".default(false)".to_string()];
        assert_eq!(
            chain("published", "boolean('published')", &calls, ",", 4),
            "published: boolean('published').notNull().default(false),"
        );
    }

    #[test]
    fn one_call_too_long_opens_its_last_object_argument() {
        let calls = vec![".references(() => users.id, { onDelete: 'set null' })".to_string()];
        assert_eq!(
            chain(
                "approvedByManagerId",
                "uuid('approved_by_manager_id')",
                &calls,
                ",",
                4
            ),
            "approvedByManagerId: uuid('approved_by_manager_id').references(() => users.id, {\n      onDelete: 'set null',\n    }),"
        );
    }
}

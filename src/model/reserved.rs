//! Words a resource or a field may not take, because TypeScript or SQL reserves them.

/// TypeScript and JavaScript reserved words and strict-mode names.
const TYPESCRIPT: &[&str] = &[
    "break",
    "case",
    "catch",
    "class",
    "const",
    "continue",
    "debugger",
    "default",
    "delete",
    "do",
    "else",
    "enum",
    "export",
    "extends",
    "false",
    "finally",
    "for",
    "function",
    "if",
    "import",
    "in",
    "instanceof",
    "new",
    "null",
    "return",
    "super",
    "switch",
    "this",
    "throw",
    "true",
    "try",
    "typeof",
    "var",
    "void",
    "while",
    "with",
    "as",
    "implements",
    "interface",
    "let",
    "package",
    "private",
    "protected",
    "public",
    "static",
    "yield",
    "any",
    "boolean",
    "number",
    "string",
    "symbol",
    "type",
    "undefined",
    "never",
    "unknown",
    "object",
    "await",
    "async",
    "arguments",
    "eval",
    "constructor",
    "prototype",
];

/// SQL words PostgreSQL reserves (they need quoting everywhere, so strata refuses them).
const SQL: &[&str] = &[
    "all",
    "analyse",
    "analyze",
    "and",
    "any",
    "array",
    "asc",
    "asymmetric",
    "both",
    "case",
    "cast",
    "check",
    "collate",
    "column",
    "constraint",
    "create",
    "current_date",
    "current_role",
    "current_time",
    "current_timestamp",
    "current_user",
    "default",
    "deferrable",
    "desc",
    "distinct",
    "do",
    "else",
    "end",
    "except",
    "fetch",
    "for",
    "foreign",
    "from",
    "grant",
    "group",
    "having",
    "in",
    "initially",
    "intersect",
    "into",
    "lateral",
    "leading",
    "limit",
    "localtime",
    "localtimestamp",
    "not",
    "null",
    "offset",
    "on",
    "only",
    "or",
    "order",
    "placing",
    "primary",
    "references",
    "returning",
    "select",
    "session_user",
    "some",
    "symmetric",
    "table",
    "then",
    "to",
    "trailing",
    "union",
    "unique",
    "user",
    "using",
    "variadic",
    "when",
    "where",
    "window",
    "with",
];

/// Field keys the generated code already uses on every resource or in list queries.
const FIELD_KEYS: &[&str] = &["id", "createdAt", "updatedAt", "cursor", "limit", "sort"];

/// Why a resource name is refused, if it is. Names that would meet the app's own are refused
/// by the registry (`crate::registry`), which knows what the app defines.
pub(super) fn resource_conflict(snake: &str, camel: &str) -> Option<String> {
    if TYPESCRIPT.contains(&camel) {
        return Some(format!("{camel:?} is a TypeScript reserved word"));
    }
    if SQL.contains(&snake) {
        return Some(format!("{snake:?} is an SQL reserved word"));
    }
    None
}

/// Why a field name is refused, if it is.
pub(super) fn field_conflict(column: &str, camel: &str, owned: bool) -> Option<String> {
    if FIELD_KEYS.contains(&camel) {
        return Some(format!(
            "{camel:?} is a key the generated code already uses on every resource"
        ));
    }
    if owned && camel == "userId" {
        return Some("\"userId\" is the owner column of an owned resource".to_string());
    }
    if TYPESCRIPT.contains(&camel) {
        return Some(format!("{camel:?} is a TypeScript reserved word"));
    }
    if SQL.contains(&column) {
        return Some(format!("{column:?} is an SQL reserved word"));
    }
    None
}

//! Statements and properties laid out as prettier lays them out: assignments and properties of
//! calls, hugged arrow functions, declarations and nested calls.

use super::layout::{WIDTH, wrap};

/// `head(args)` at `indent`: on one line when it fits, else one argument per line.
#[must_use]
pub fn call(head: &str, args: &[String], indent: usize) -> String {
    wrap(&format!("{head}("), args, ")", indent, false)
}

/// `lhs head(args)suffix` at `indent`, where `lhs` ends in its operator (`const name =`,
/// `key:`), as prettier lays out an assignment or property of a call: on one line when it fits;
/// the call's arguments one per line when `lhs head(` still fits; else broken after the
/// operator, with the call on the next line.
#[must_use]
pub fn assign_call(lhs: &str, head: &str, args: &[String], suffix: &str, indent: usize) -> String {
    let line = format!("{lhs} {head}({}){suffix}", args.join(", "));
    if indent + line.len() <= WIDTH {
        return line;
    }
    if indent + lhs.len() + head.len() + 2 <= WIDTH {
        let inner = " ".repeat(indent + 2);
        let mut out = format!("{lhs} {head}(\n");
        for arg in args {
            out.push_str(&format!("{inner}{arg},\n"));
        }
        out.push_str(&format!("{}){suffix}", " ".repeat(indent)));
        return out;
    }
    let inner = indent + 2;
    format!(
        "{lhs}\n{}{}{suffix}",
        " ".repeat(inner),
        call(head, args, inner)
    )
}

/// `head(arrow body)` at `indent` (`arrow` is `() =>` or `async () =>`), as prettier hugs a
/// lone arrow function argument: on one line when it fits, else the body on its own line (a
/// body that is a call too long for that line with its arguments broken). `followed_by` is
/// what the caller puts after it on its line (a list's comma), which must fit too.
#[must_use]
pub fn arrow_call(head: &str, arrow: &str, body: &str, followed_by: &str, indent: usize) -> String {
    let line = format!("{head}({arrow} {body})");
    if indent + line.len() + followed_by.len() <= WIDTH {
        return line;
    }
    let body = if body.ends_with(')') {
        super::column_layout::hugged_call("", body, ",", indent + 2)
    } else {
        format!("{body},")
    };
    format!(
        "{head}({arrow}\n{}{body}\n{})",
        " ".repeat(indent + 2),
        " ".repeat(indent)
    )
}

/// `expect(subject).matcher(expected)` at `indent`, as prettier lays out a short member chain:
/// on one line when it fits; the expected value broken out when `expect(subject).matcher(` fits;
/// else the subject.
#[must_use]
pub fn expectation(subject: &str, matcher: &str, expected: &str, indent: usize) -> String {
    let open = format!("expect({subject}).{matcher}(");
    if indent + open.len() <= WIDTH {
        return wrap(&open, &[expected.to_string()], ")", indent, false);
    }
    let pad = " ".repeat(indent);
    format!("expect(\n{pad}  {subject},\n{pad}).{matcher}({expected})")
}

/// `lhs value` (`lhs` ends in `=`) as a statement at `indent`, broken after the operator when it
/// does not fit (prettier's layout for a value it cannot break, such as `schema.partial()`).
#[must_use]
pub fn declare(lhs: &str, value: &str, indent: usize) -> String {
    let line = format!("{lhs} {value}");
    if indent + line.len() <= WIDTH {
        return line;
    }
    format!("{lhs}\n{}{value}", " ".repeat(indent + 2))
}

/// `lhs [items]close` (`lhs` ends in `=`) as a statement: on one line when it fits, else opened
/// after `lhs [`, or, when even that does not fit, broken after the operator first.
#[must_use]
pub fn declare_array(lhs: &str, items: &[String], close: &str) -> String {
    let line = format!("{lhs} [{}]{close}", items.join(", "));
    if line.len() <= WIDTH || items.is_empty() {
        return line;
    }
    let list = |indent: usize| {
        let inner = " ".repeat(indent + 2);
        let mut out = "[\n".to_string();
        for item in items {
            out.push_str(&format!("{inner}{item},\n"));
        }
        format!("{out}{}]{close}", " ".repeat(indent))
    };
    if lhs.len() + 2 <= WIDTH {
        return format!("{lhs} {}", list(0));
    }
    format!("{lhs}\n  {}", list(2))
}

/// An object property `key: value,` at `indent`: broken after the colon when it does not fit
/// (for a value prettier cannot break itself, such as a member access or a call that fits).
#[must_use]
pub fn property(key: &str, value: &str, indent: usize) -> String {
    declare(&format!("{key}:"), &format!("{value},"), indent)
}

/// An expression of nested calls, for [`nested`].
#[derive(Debug, Clone)]
pub enum Expr {
    Leaf(String),
    Call(String, Vec<Expr>),
}

impl Expr {
    fn flat(&self) -> String {
        match self {
            Expr::Leaf(text) => text.clone(),
            Expr::Call(head, args) => {
                let args: Vec<String> = args.iter().map(Expr::flat).collect();
                format!("{head}({})", args.join(", "))
            }
        }
    }
}

/// Nested calls at `indent` followed by `suffix`, as prettier lays them out: on one line when
/// they fit, else the outer call's arguments one per line, each laid out the same way.
#[must_use]
pub fn nested(expr: &Expr, suffix: &str, indent: usize) -> String {
    let line = format!("{}{suffix}", expr.flat());
    match expr {
        Expr::Call(head, args) if indent + line.len() > WIDTH && !args.is_empty() => {
            let inner = " ".repeat(indent + 2);
            let mut out = format!("{head}(\n");
            for arg in args {
                out.push_str(&format!("{inner}{}\n", nested(arg, ",", indent + 2)));
            }
            out.push_str(&format!("{}){suffix}", " ".repeat(indent)));
            out
        }
        _ => line,
    }
}

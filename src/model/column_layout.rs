//! A call followed by a chain of calls (`integer('count').notNull().default(0)`, `index('…').on(…)`)
//! laid out as prettier lays out a member chain whose head is a call: on one line when it fits;
//! with one call after the head, the head's arguments broken and the call kept on its closing
//! line; with more, each call on its own line. A head that no longer fits after `key:` moves to
//! the next line.

use super::layout::WIDTH;

/// `prefix head calls suffix` at `indent`, where `prefix` is `key:` (or empty for a statement in
/// a list) and `head` a call such as `varchar('title', { length: 200 })`.
#[must_use]
pub fn member_call(
    prefix: &str,
    head: &str,
    calls: &[String],
    suffix: &str,
    indent: usize,
) -> String {
    let lead = if prefix.is_empty() {
        String::new()
    } else {
        format!("{prefix} ")
    };
    let line = format!("{lead}{head}{}{suffix}", calls.concat());
    // More than two call groups with a function argument are always expanded.
    let forced = calls.len() > 1 && calls.iter().any(|c| c.contains("=>"));
    if !forced && indent + line.len() <= WIDTH {
        return line;
    }
    let (callee, args, trailing) = split_call(head);
    if !trailing.is_empty() {
        // `text('tags').array()`: the calls after the head's own join the chain.
        let call_head = format!("{callee}({})", args.join(", "));
        let mut all = vec![trailing];
        all.extend(calls.iter().cloned());
        return member_call(prefix, &call_head, &all, suffix, indent);
    }
    let (lead, at) = if indent + lead.len() + callee.len() < WIDTH {
        (lead, indent)
    } else {
        (format!("{prefix}\n{}", " ".repeat(indent + 2)), indent + 2)
    };
    let start = lead_width(&lead, at);
    if calls.len() <= 1 {
        // Prettier breaks the first group that does not fit up to the next place it could break:
        // the head's arguments, unless the head fits up to the call's own arguments.
        if let Some(call) = calls.first() {
            let (name, call_args, _) = split_call(call);
            if !call_args.is_empty() && start + head.len() + name.len() < WIDTH {
                let broken = broken_call(&name, &call_args, suffix, start + head.len(), at);
                return format!("{lead}{head}{broken}");
            }
        }
        let tail = format!("{}{suffix}", calls.concat());
        return format!("{lead}{}", broken_call(&callee, &args, &tail, start, at));
    }
    let mut out = if start + head.len() <= WIDTH {
        format!("{lead}{head}")
    } else {
        format!("{lead}{}", broken_call(&callee, &args, "", start, at))
    };
    let pad = " ".repeat(at + 2);
    for call in calls {
        out.push_str(&format!("\n{pad}{call}"));
    }
    out.push_str(suffix);
    out
}

/// `lhs callee(first, [items])` as a statement (`lhs` ends in `=`), as prettier lays out a call
/// whose last argument is an array: on one line when it fits; the array opened when the line up to
/// its bracket fits (after `lhs`, or on the next line when `lhs callee(` does not fit); else every
/// argument on its own line.
#[must_use]
pub fn declare_call_with_list(lhs: &str, callee: &str, first: &str, items: &[String]) -> String {
    let line = format!("{lhs} {callee}({first}, [{}])", items.join(", "));
    if line.len() <= WIDTH {
        return line;
    }
    let (lead, at) = if lhs.len() + 1 + callee.len() < WIDTH {
        (format!("{lhs} "), 0)
    } else {
        (format!("{lhs}\n  "), 2)
    };
    let start = lead_width(&lead, at);
    let pad = " ".repeat(at);
    let opening = format!("{callee}({first}, [");
    if start + opening.len() <= WIDTH {
        let body: String = items.iter().map(|i| format!("{pad}  {i},\n")).collect();
        return format!("{lead}{opening}\n{body}{pad}])");
    }
    let body: String = items.iter().map(|i| format!("{pad}    {i},\n")).collect();
    format!("{lead}{callee}(\n{pad}  {first},\n{pad}  [\n{body}{pad}  ],\n{pad})")
}

/// `lead callee(args)suffix` at `indent`, where `lead` is what precedes the call on its line
/// (`const page = `): on one line when it fits, else its arguments broken, a last object argument
/// hugged when the line up to its brace fits.
#[must_use]
pub fn hugged_call(lead: &str, head: &str, suffix: &str, indent: usize) -> String {
    let line = format!("{lead}{head}{suffix}");
    if indent + line.len() <= WIDTH {
        return line;
    }
    let (callee, args, trailing) = split_call(head);
    let tail = format!("{trailing}{suffix}");
    let broken = broken_call(&callee, &args, &tail, indent + lead.len(), indent);
    format!("{lead}{broken}")
}

/// The column the head starts at, after `lead` (the last line of it) at `indent`.
fn lead_width(lead: &str, indent: usize) -> usize {
    match lead.rsplit_once('\n') {
        Some((_, last)) => last.len(),
        None => indent + lead.len(),
    }
}

/// `callee(args)tail` with its arguments broken: a last object argument is hugged
/// (`callee('name', {` … `})`) when the line up to its brace fits, else one argument per line
/// (an argument that is itself a call too long for its line laid out the same way).
fn broken_call(callee: &str, args: &[String], tail: &str, start: usize, indent: usize) -> String {
    let pad = " ".repeat(indent);
    if let Some((last, rest)) = args.split_last()
        && let Some(entries) = last.strip_prefix("{ ").and_then(|o| o.strip_suffix(" }"))
    {
        let opening = format!(
            "{callee}({}{{",
            rest.iter().map(|a| format!("{a}, ")).collect::<String>()
        );
        if start + opening.len() <= WIDTH {
            let mut out = format!("{opening}\n");
            for entry in split_top_level(entries) {
                out.push_str(&format!("{pad}  {entry},\n"));
            }
            return format!("{out}{pad}}}){tail}");
        }
    }
    let mut out = format!("{callee}(\n");
    for arg in args {
        let arg = if indent + 2 + arg.len() + 1 > WIDTH && arg.ends_with(')') && arg.contains('(') {
            hugged_call("", arg, ",", indent + 2)
        } else {
            format!("{arg},")
        };
        out.push_str(&format!("{pad}  {arg}\n"));
    }
    format!("{out}{pad}){tail}")
}

/// `varchar('title', { length: 200 })` → `varchar`, its arguments split at the top level, and
/// what follows the call's closing parenthesis (`.array()` of `text('tags').array()`).
fn split_call(head: &str) -> (String, Vec<String>, String) {
    let Some(open) = head.find('(') else {
        return (head.to_string(), Vec::new(), String::new());
    };
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    let mut close = head.len();
    for (i, ch) in head.char_indices().skip(open) {
        match (quote, ch) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"' | '`') => quote = Some(ch),
            (None, '(' | '{' | '[') => depth += 1,
            (None, ')' | '}' | ']') => {
                depth -= 1;
                if depth == 0 {
                    close = i;
                    break;
                }
            }
            _ => {}
        }
    }
    let inner = head.get(open + 1..close).unwrap_or_default();
    let rest = head.get(close + 1..).unwrap_or_default();
    (
        head[..open].to_string(),
        split_top_level(inner),
        rest.to_string(),
    )
}

/// `a, { b, c }, [d]` → its items, split at the commas outside brackets and strings.
fn split_top_level(list: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    let mut current = String::new();
    for ch in list.chars() {
        match (quote, ch) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"' | '`') => quote = Some(ch),
            (None, '(' | '{' | '[') => depth += 1,
            (None, ')' | '}' | ']') => depth -= 1,
            (None, ',') if depth == 0 => {
                items.push(current.trim().to_string());
                current.clear();
                continue;
            }
            _ => {}
        }
        current.push(ch);
    }
    if !current.trim().is_empty() {
        items.push(current.trim().to_string());
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_chains_stay_on_one_line() {
        let calls = [".notNull()".to_string()];
        assert_eq!(
            member_call(
                "title:",
                "varchar('title', { length: 200 })",
                &calls,
                ",",
                4
            ),
            "title: varchar('title', { length: 200 }).notNull(),"
        );
    }

    #[test]
    fn one_call_keeps_to_the_closing_line_of_the_broken_head() {
        let key = "numberOfDamagedUnitsFoundDuringInspection:";
        let head = "integer('number_of_damaged_units_found_during_inspection')";
        assert_eq!(
            member_call(key, head, &[".notNull()".to_string()], ",", 4),
            format!(
                "{key} integer(\n      'number_of_damaged_units_found_during_inspection',\n    ).notNull(),"
            )
        );
    }

    #[test]
    fn a_last_object_argument_is_hugged_when_its_brace_fits() {
        let key = "compartmentIdentificationLabelText:";
        let head = "varchar('compartment_identification_label_text', { length: 60 })";
        assert_eq!(
            member_call(key, head, &[], ",", 4),
            format!(
                "{key} varchar('compartment_identification_label_text', {{\n      length: 60,\n    }}),"
            )
        );
    }

    #[test]
    fn a_lone_call_after_a_head_that_fits_opens_its_own_arguments() {
        let call = ".references(() => categories.id, { onDelete: 'set null' })".to_string();
        assert_eq!(
            member_call(
                "primaryCategoryOfThisPost:",
                "uuid('category_id')",
                &[call],
                ",",
                4
            ),
            "primaryCategoryOfThisPost: uuid('category_id').references(() => categories.id, {\n      onDelete: 'set null',\n    }),"
        );
    }

    #[test]
    fn longer_chains_put_each_call_on_its_own_line() {
        let calls = [".notNull()".to_string(), ".default(0)".to_string()];
        assert_eq!(
            member_call("n:", "integer('n')", &calls, ",", 4)
                .lines()
                .count(),
            1,
            "it fits"
        );
        let key = "a".repeat(60) + ":";
        let out = member_call(&key, "integer('a_long_column_name')", &calls, ",", 4);
        assert_eq!(
            out,
            format!("{key} integer('a_long_column_name')\n      .notNull()\n      .default(0),")
        );
    }

    #[test]
    fn calls_written_into_the_head_join_the_chain() {
        let key = "supplementaryPhotographicEvidenceLinks:";
        let head = "text('supplementary_photographic_evidence_links').array()";
        assert_eq!(
            member_call(key, head, &[], ",", 4),
            format!(
                "{key} text(\n      'supplementary_photographic_evidence_links',\n    ).array(),"
            )
        );
    }
}

#[cfg(test)]
mod wrap_tests {
    use crate::model::layout::wrap;

    #[test]
    fn a_call_too_long_for_its_line_in_a_list_hugs_its_last_object() {
        let item = "apiRequest('GET', `/api/inbound-consignment-quality-inspection-records?${query}`, { token })".to_string();
        let out = wrap("const response = await list(", &[item], ")", 6, false);
        assert_eq!(
            out,
            "const response = await list(\n        apiRequest('GET', `/api/inbound-consignment-quality-inspection-records?${query}`, {\n          token,\n        }),\n      )"
        );
    }
}

//! The layout functions the templates call, so that generated code is laid out as prettier would.

use tera::Tera;

use crate::model::{layout, statement_layout, type_layout};

/// Prettier's line breaking for the templates, as [`crate::model::layout`],
/// [`crate::model::statement_layout`], [`crate::model::type_layout`] and
/// [`crate::model::column_layout`] implement it: `wrap(open, items, close, indent?, padded?)`
/// (lists), `chain(head, calls, indent?)` (method chains), `jsx(tag, attrs, indent?)` and
/// `jsx_text(tag, attrs?, text, indent?)` (JSX elements), `assign(lhs, head, args, suffix?,
/// indent?)` (assignments and properties of calls), `arrow_call(head, arrow?, body, followed_by?, indent?)`
/// (hugged arrow functions), `generic(lhs, head, argument)`, `type_arguments(open, types, close,
/// indent?)` and `generic_call(head, types, args, suffix?, indent?)` (type arguments), `property(key,
/// value, indent?)`, `expectation(subject, matcher, expected, indent?)`, `declare(lhs, value | items and close)` and `declare_call(lhs, callee, first,
/// items)` (declarations), `hug(lead?, call, suffix?, indent?)` (a call whose last argument is an
/// object).
pub(super) fn register(tera: &mut Tera) {
    fn indent_of(kwargs: &tera::Kwargs) -> tera::TeraResult<usize> {
        let indent = kwargs.get::<u64>("indent")?.unwrap_or(0);
        Ok(usize::try_from(indent).unwrap_or(0))
    }
    tera.register_function(
        "wrap",
        |kwargs: tera::Kwargs, _: &tera::State| -> tera::TeraResult<String> {
            // Empty items are left out, so a template can write `["x" if cond else "", "y"]`.
            let items: Vec<String> = kwargs
                .must_get::<Vec<String>>("items")?
                .into_iter()
                .filter(|i| !i.is_empty())
                .collect();
            let indent = indent_of(&kwargs)?;
            let padded = kwargs.get::<bool>("padded")?.unwrap_or(false);
            let open: String = kwargs.must_get("open")?;
            let close: String = kwargs.must_get("close")?;
            Ok(layout::wrap(&open, &items, &close, indent, padded))
        },
    );
    tera.register_function(
        "jsx",
        |kwargs: tera::Kwargs, _: &tera::State| -> tera::TeraResult<String> {
            let tag: String = kwargs.must_get("tag")?;
            // Empty attributes are left out, as `wrap` leaves out empty items.
            let attrs: Vec<String> = kwargs
                .must_get::<Vec<String>>("attrs")?
                .into_iter()
                .filter(|a| !a.is_empty())
                .collect();
            let indent = indent_of(&kwargs)?;
            Ok(layout::jsx(&tag, &attrs, indent))
        },
    );
    tera.register_function(
        "jsx_text",
        |kwargs: tera::Kwargs, _: &tera::State| -> tera::TeraResult<String> {
            let tag: String = kwargs.must_get("tag")?;
            let attrs: Vec<String> = kwargs.get("attrs")?.unwrap_or_default();
            let text: String = kwargs.must_get("text")?;
            let indent = indent_of(&kwargs)?;
            Ok(layout::jsx_element(&tag, &attrs, |_| text.clone(), indent))
        },
    );
    tera.register_function(
        "assign",
        |kwargs: tera::Kwargs, _: &tera::State| -> tera::TeraResult<String> {
            let lhs: String = kwargs.must_get("lhs")?;
            let head: String = kwargs.must_get("head")?;
            let args: Vec<String> = kwargs
                .must_get::<Vec<String>>("args")?
                .into_iter()
                .filter(|a| !a.is_empty())
                .collect();
            let suffix: String = kwargs.get("suffix")?.unwrap_or_default();
            let indent = indent_of(&kwargs)?;
            Ok(statement_layout::assign_call(
                &lhs, &head, &args, &suffix, indent,
            ))
        },
    );
    tera.register_function(
        "arrow_call",
        |kwargs: tera::Kwargs, _: &tera::State| -> tera::TeraResult<String> {
            let head: String = kwargs.must_get("head")?;
            let arrow: String = kwargs.get("arrow")?.unwrap_or_else(|| "() =>".to_string());
            let body: String = kwargs.must_get("body")?;
            let followed_by: String = kwargs.get("followed_by")?.unwrap_or_default();
            let indent = indent_of(&kwargs)?;
            Ok(statement_layout::arrow_call(
                &head,
                &arrow,
                &body,
                &followed_by,
                indent,
            ))
        },
    );
    tera.register_function(
        "generic",
        |kwargs: tera::Kwargs, _: &tera::State| -> tera::TeraResult<String> {
            let lhs: String = kwargs.must_get("lhs")?;
            let head: String = kwargs.must_get("head")?;
            let argument: String = kwargs.must_get("argument")?;
            Ok(type_layout::generic(&lhs, &head, &argument))
        },
    );
    tera.register_function(
        "expectation",
        |kwargs: tera::Kwargs, _: &tera::State| -> tera::TeraResult<String> {
            let subject: String = kwargs.must_get("subject")?;
            let matcher: String = kwargs.must_get("matcher")?;
            let expected: String = kwargs.must_get("expected")?;
            Ok(statement_layout::expectation(
                &subject,
                &matcher,
                &expected,
                indent_of(&kwargs)?,
            ))
        },
    );
    tera.register_function(
        "type_arguments",
        |kwargs: tera::Kwargs, _: &tera::State| -> tera::TeraResult<String> {
            let open: String = kwargs.must_get("open")?;
            let types: Vec<String> = kwargs.must_get("types")?;
            let close: String = kwargs.get("close")?.unwrap_or_default();
            Ok(type_layout::type_arguments(
                &open,
                &types,
                &close,
                indent_of(&kwargs)?,
            ))
        },
    );
    tera.register_function(
        "generic_call",
        |kwargs: tera::Kwargs, _: &tera::State| -> tera::TeraResult<String> {
            let head: String = kwargs.must_get("head")?;
            let types: Vec<String> = kwargs.must_get("types")?;
            let args: Vec<String> = kwargs.must_get("args")?;
            let suffix: String = kwargs.get("suffix")?.unwrap_or_default();
            Ok(type_layout::generic_call(
                &head,
                &types,
                &args,
                &suffix,
                indent_of(&kwargs)?,
            ))
        },
    );
    tera.register_function(
        "property",
        |kwargs: tera::Kwargs, _: &tera::State| -> tera::TeraResult<String> {
            let key: String = kwargs.must_get("key")?;
            let value: String = kwargs.must_get("value")?;
            Ok(statement_layout::property(
                &key,
                &value,
                indent_of(&kwargs)?,
            ))
        },
    );
    tera.register_function(
        "declare",
        |kwargs: tera::Kwargs, _: &tera::State| -> tera::TeraResult<String> {
            let lhs: String = kwargs.must_get("lhs")?;
            Ok(match kwargs.get::<Vec<String>>("items")? {
                Some(items) => {
                    let close: String = kwargs.get("close")?.unwrap_or_default();
                    statement_layout::declare_array(&lhs, &items, &close)
                }
                None => statement_layout::declare(
                    &lhs,
                    &kwargs.must_get::<String>("value")?,
                    indent_of(&kwargs)?,
                ),
            })
        },
    );
    tera.register_function(
        "declare_call",
        |kwargs: tera::Kwargs, _: &tera::State| -> tera::TeraResult<String> {
            let lhs: String = kwargs.must_get("lhs")?;
            let callee: String = kwargs.must_get("callee")?;
            let first: String = kwargs.must_get("first")?;
            let items: Vec<String> = kwargs.must_get("items")?;
            Ok(crate::model::column_layout::declare_call_with_list(
                &lhs, &callee, &first, &items,
            ))
        },
    );
    tera.register_function(
        "hug",
        |kwargs: tera::Kwargs, _: &tera::State| -> tera::TeraResult<String> {
            let lead: String = kwargs.get("lead")?.unwrap_or_default();
            let call: String = kwargs.must_get("call")?;
            let suffix: String = kwargs.get("suffix")?.unwrap_or_default();
            Ok(crate::model::column_layout::hugged_call(
                &lead,
                &call,
                &suffix,
                indent_of(&kwargs)?,
            ))
        },
    );
    tera.register_function(
        "union",
        |kwargs: tera::Kwargs, _: &tera::State| -> tera::TeraResult<String> {
            let name: String = kwargs.must_get("name")?;
            let members: Vec<String> = kwargs.must_get("members")?;
            Ok(layout::union(&name, &members))
        },
    );
    tera.register_function(
        "chain",
        |kwargs: tera::Kwargs, _: &tera::State| -> tera::TeraResult<String> {
            let head: String = kwargs.must_get("head")?;
            let calls: Vec<String> = kwargs.must_get("calls")?;
            let indent = indent_of(&kwargs)?;
            Ok(layout::statement_chain(&head, &calls, indent))
        },
    );
}

//! Generic types and calls with type arguments, laid out as prettier lays them out.

use super::layout::WIDTH;

/// `lhs Head<argument>` (a type alias: `lhs` ends in `=`), as prettier breaks a long generic
/// type: on one line when it fits; an object type argument (`{ select: typeof x }`) hugged,
/// after the operator when even `lhs Head<{` does not fit; any other argument on its own line.
#[must_use]
pub fn generic(lhs: &str, head: &str, argument: &str) -> String {
    let line = format!("{lhs} {head}<{argument}>");
    if line.len() <= WIDTH {
        return line;
    }
    let Some(members) = argument
        .strip_prefix("{ ")
        .and_then(|a| a.strip_suffix(" }"))
    else {
        return format!("{lhs} {head}<\n  {argument}\n>");
    };
    let hugged = |indent: usize| {
        let pad = " ".repeat(indent);
        let body: String = members
            .split("; ")
            .map(|member| format!("{pad}  {member}\n"))
            .collect();
        format!("{head}<{{\n{body}{pad}}}>")
    };
    if lhs.len() + head.len() + 3 <= WIDTH {
        return format!("{lhs} {}", hugged(0));
    }
    if 2 + head.len() + argument.len() + 2 <= WIDTH {
        return format!("{lhs}\n  {head}<{argument}>");
    }
    format!("{lhs}\n  {}", hugged(2))
}

/// `open<arguments>close` at `indent` (`const kinds: Record` … ` = {`): on one line when it
/// fits, else one type argument per line, with no trailing comma.
#[must_use]
pub fn type_arguments(open: &str, arguments: &[String], close: &str, indent: usize) -> String {
    let line = format!("{open}<{}>{close}", arguments.join(", "));
    if indent + line.len() <= WIDTH {
        return line;
    }
    let pad = " ".repeat(indent);
    let body = arguments
        .iter()
        .map(|a| format!("{pad}  {a}"))
        .collect::<Vec<_>>()
        .join(",\n");
    format!("{open}<\n{body}\n{pad}>{close}")
}

/// `head<types>(args)suffix` at `indent`: on one line when it fits; the arguments one per line
/// when `head<types>(` fits; else the type arguments one per line, the arguments after `>(`.
#[must_use]
pub fn generic_call(
    head: &str,
    types: &[String],
    args: &[String],
    suffix: &str,
    indent: usize,
) -> String {
    let opening = format!("{head}<{}>(", types.join(", "));
    let line = format!("{opening}{}){suffix}", args.join(", "));
    if indent + line.len() <= WIDTH {
        return line;
    }
    if indent + opening.len() <= WIDTH {
        return super::layout::wrap(&opening, args, &format!("){suffix}"), indent, false);
    }
    let close = format!(">({}){suffix}", args.join(", "));
    type_arguments(head, types, "", indent) + &close[1..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generic_that_fits_stays_on_one_line() {
        assert_eq!(
            generic(
                "type PostRow =",
                "Prisma.PostGetPayload",
                "{ select: typeof postSelect }"
            ),
            "type PostRow = Prisma.PostGetPayload<{ select: typeof postSelect }>"
        );
    }

    #[test]
    fn an_object_type_argument_is_hugged() {
        let name = "TemperatureControlledStorageCompartment";
        let lhs = format!("type {name}Row =");
        let head = format!("Prisma.{name}GetPayload");
        let argument = "{ select: typeof temperatureControlledStorageCompartmentSelect }";
        assert_eq!(
            generic(&lhs, &head, argument),
            format!(
                "{lhs}\n  {head}<{{\n    select: typeof temperatureControlledStorageCompartmentSelect\n  }}>"
            )
        );
        assert_eq!(
            generic(
                "type Row =",
                "Prisma.PostGetPayload",
                &format!("{{ select: typeof {} }}", "x".repeat(80))
            ),
            format!(
                "type Row = Prisma.PostGetPayload<{{\n  select: typeof {}\n}}>",
                "x".repeat(80)
            )
        );
    }

    #[test]
    fn long_type_arguments_go_one_per_line_without_a_trailing_comma() {
        let sort = "InboundConsignmentQualityInspectionRecordSortField".to_string();
        let open = "const inboundConsignmentQualityInspectionRecordSortKinds: Record";
        assert_eq!(
            type_arguments(open, &[sort.clone(), "SortKind".into()], " = {", 0),
            format!("{open}<\n  {sort},\n  SortKind\n> = {{")
        );
    }

    #[test]
    fn a_generic_call_breaks_its_arguments_first_then_its_types() {
        let args: Vec<String> = ["options.cursor", "options.sort", "postSortKinds"]
            .map(String::from)
            .to_vec();
        let types = |name: &str| {
            [
                format!("{name}SortField"),
                format!("Prisma.{name}WhereInput"),
            ]
        };
        assert_eq!(
            generic_call("...afterCursor", &types("Post"), &args, ",", 2),
            "...afterCursor<PostSortField, Prisma.PostWhereInput>(options.cursor, options.sort, postSortKinds),"
        );
        let long = "QualityInspection";
        assert_eq!(
            generic_call("...afterCursor", &types(long), &args, ",", 6),
            format!(
                "...afterCursor<{long}SortField, Prisma.{long}WhereInput>(\n        options.cursor,\n        options.sort,\n        postSortKinds,\n      ),"
            )
        );
        let long = "InboundConsignmentQualityInspectionRecordAbcdefghij";
        assert_eq!(
            generic_call("...afterCursor", &types(long), &args, ",", 6),
            format!(
                "...afterCursor<\n        {long}SortField,\n        Prisma.{long}WhereInput\n      >(options.cursor, options.sort, postSortKinds),"
            )
        );
    }
}

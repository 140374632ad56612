//! Makes a line that holds only template tags vanish from the output, keeping line numbers.

/// Rewrites every line whose only content is `[% … %]` or `[# … #]` tags so that neither its
/// indentation nor its newline reaches the output. The removed whitespace moves into template
/// comments, so Tera's error line numbers still match the file.
#[must_use]
pub fn strip_block_lines(source: &str) -> String {
    let mut out = String::with_capacity(source.len() + 64);
    for line in source.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        if is_tags_only(body) {
            let content = body.trim();
            let indent = &body[..body.len() - body.trim_start().len()];
            let trailing = &body[body.trim_end().len()..];
            if !indent.is_empty() {
                out.push_str(&format!("[#{indent}#]"));
            }
            out.push_str(content);
            if line.ends_with('\n') || !trailing.is_empty() {
                out.push_str(&format!(
                    "[#{trailing}{}#]",
                    if line.ends_with('\n') { "\n" } else { "" }
                ));
            }
        } else {
            out.push_str(line);
        }
    }
    out
}

fn is_tags_only(line: &str) -> bool {
    let mut rest = line.trim();
    if rest.is_empty() {
        return false;
    }
    while !rest.is_empty() {
        let close = if rest.starts_with("[%") {
            "%]"
        } else if rest.starts_with("[#") {
            "#]"
        } else {
            return false;
        };
        match rest.find(close) {
            Some(end) => rest = rest[end + 2..].trim_start(),
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_lines_vanish_and_text_lines_stay() {
        let source = "a\n  [% for x in xs %]\n  b\n  [% endfor %]\nc [% if y %]d[% endif %]\n";
        let out = strip_block_lines(source);
        assert_eq!(out.matches('\n').count(), source.matches('\n').count());
        assert!(out.contains("[#  #][% for x in xs %][#\n#]"));
        assert!(out.contains("c [% if y %]d[% endif %]\n"));
    }

    #[test]
    fn variables_and_unclosed_tags_are_text() {
        assert!(!is_tags_only("  [[ name ]]"));
        assert!(!is_tags_only("[% if x"));
        assert!(is_tags_only("[% if x %] [# note #]"));
    }
}

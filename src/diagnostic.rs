//! Error reports that point at the exact place in strata.toml or on the command line.

use std::fmt;
use std::ops::Range;

/// Where a piece of bad input came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A byte range in a file whose text we hold.
    Span {
        file: String,
        line: usize,
        column: usize,
        line_text: String,
        width: usize,
    },
    /// A command-line argument, by its name or value.
    Argument(String),
}

/// A bad-input report: what is wrong, where, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub message: String,
    pub location: Location,
    pub help: Option<String>,
}

impl Diagnostic {
    /// A report about `span` (byte offsets) in `source`, the text of `file`.
    #[must_use]
    pub fn in_file(
        file: &str,
        source: &str,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Self {
        let start = floor_char_boundary(source, span.start.min(source.len()));
        let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = source[start..]
            .find('\n')
            .map_or(source.len(), |i| start + i);
        let line_text = source[line_start..line_end]
            .trim_end_matches('\r')
            .to_string();
        let column = source[line_start..start].chars().count() + 1;
        let end = span.end.clamp(start, line_end);
        let width = source[start..floor_char_boundary(source, end)]
            .chars()
            .count()
            .max(1);
        Diagnostic {
            message: message.into(),
            location: Location::Span {
                file: file.to_string(),
                line: source[..start].matches('\n').count() + 1,
                column,
                line_text,
                width,
            },
            help: None,
        }
    }

    /// A report about a command-line argument.
    #[must_use]
    pub fn in_argument(argument: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            message: message.into(),
            location: Location::Argument(argument.into()),
            help: None,
        }
    }

    /// Adds the suggested fix.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// `file:line:column` or the argument, as printed in the first line.
    #[must_use]
    pub fn position(&self) -> String {
        match &self.location {
            Location::Span {
                file, line, column, ..
            } => format!("{file}:{line}:{column}"),
            Location::Argument(argument) => format!("argument {argument:?}"),
        }
    }
}

/// Every problem one run found in the same input, in the order of the input: at least one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    /// `None` when there is nothing to report.
    #[must_use]
    pub fn of(mut all: Vec<Diagnostic>) -> Option<Self> {
        all.sort_by_key(|d| match &d.location {
            Location::Span { line, column, .. } => (*line, *column),
            Location::Argument(_) => (0, 0),
        });
        all.dedup();
        (!all.is_empty()).then_some(Diagnostics(all))
    }

    #[must_use]
    pub fn all(&self) -> &[Diagnostic] {
        &self.0
    }

    #[must_use]
    pub fn first(&self) -> &Diagnostic {
        &self.0[0]
    }

    /// The same problems, each rewritten by `f`.
    #[must_use]
    pub fn map(self, f: impl FnMut(Diagnostic) -> Diagnostic) -> Self {
        Diagnostics(self.0.into_iter().map(f).collect())
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(diagnostic: Diagnostic) -> Self {
        Diagnostics(vec![diagnostic])
    }
}

impl fmt::Display for Diagnostics {
    /// Each problem as rustc prints one, `error: ` before every one but the first (the caller
    /// prints that), and how many there were when more than one.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, diagnostic) in self.0.iter().enumerate() {
            if index > 0 {
                write!(f, "\n\nerror: ")?;
            }
            write!(f, "{diagnostic}")?;
        }
        if self.0.len() > 1 {
            write!(
                f,
                "\n\n{} problems; fix them all, then run strata again",
                self.0.len()
            )?;
        }
        Ok(())
    }
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}: {}", self.position(), self.message)?;
        if let Location::Span {
            line,
            column,
            line_text,
            width,
            ..
        } = &self.location
        {
            let gutter = line.to_string().len();
            writeln!(f, "{:gutter$} |", "")?;
            writeln!(f, "{line} | {line_text}")?;
            let pad = line_text
                .chars()
                .take(column - 1)
                .map(|c| if c == '\t' { '\t' } else { ' ' });
            writeln!(
                f,
                "{:gutter$} | {}{}",
                "",
                pad.collect::<String>(),
                "^".repeat(*width)
            )?;
        }
        match &self.help {
            Some(help) => write!(f, "  help: {help}"),
            None => Ok(()),
        }
    }
}

/// The closest candidate to `input`, if any is close enough to be a likely typo.
#[must_use]
pub fn did_you_mean<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|candidate| (strsim::jaro_winkler(input, candidate), candidate))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_at_line_and_column() {
        let source = "[app]\nname = \"blog\"\ndatabase = \"mysql\"\n";
        let start = source.find("\"mysql\"").unwrap();
        let d = Diagnostic::in_file("strata.toml", source, start..start + 7, "unknown database")
            .with_help("use \"pglite\" or \"postgres\"");
        assert_eq!(d.position(), "strata.toml:3:12");
        let text = d.to_string();
        assert!(text.contains("3 | database = \"mysql\""), "{text}");
        assert!(text.contains("  |            ^^^^^^^"), "{text}");
        assert!(text.ends_with("help: use \"pglite\" or \"postgres\""));
    }

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(
            did_you_mean("strin", ["string", "text", "integer"]),
            Some("string")
        );
        assert_eq!(did_you_mean("zzz", ["string", "text"]), None);
    }
}

//! Object literals, and calls of one object, laid out as prettier lays them out at whatever
//! indent they land on (a statement broken after its `=` moves its object two spaces right).

use super::column_layout::hugged_call;
use super::layout::WIDTH;
use super::statement_layout::property;

/// One entry of an object literal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// `key: value`: a call value has its arguments broken when too long, any other value
    /// moves after the colon.
    Property(String, String),
    /// `key: { entries }`: on one line when it fits, else one entry per line.
    Object(String, Vec<Entry>),
}

impl Entry {
    #[must_use]
    pub fn property(key: &str, value: impl Into<String>) -> Self {
        Entry::Property(key.to_string(), value.into())
    }

    fn flat(&self) -> String {
        match self {
            Entry::Property(key, value) => format!("{key}: {value}"),
            Entry::Object(key, entries) => format!("{key}: {}", flat_object(entries)),
        }
    }

    /// The entry and its trailing comma at `indent`.
    fn laid_out(&self, indent: usize) -> String {
        let line = format!("{},", self.flat());
        if indent + line.len() <= WIDTH {
            return line;
        }
        match self {
            Entry::Property(key, value) if is_call(value) => {
                hugged_call(&format!("{key}: "), value, ",", indent)
            }
            Entry::Property(key, value) => property(key, value, indent),
            Entry::Object(key, entries) => {
                format!("{key}: {}", broken_object(entries, ",", indent))
            }
        }
    }
}

fn is_call(value: &str) -> bool {
    value.ends_with(')') && value.contains('(') && !value.starts_with('(')
}

fn flat_object(entries: &[Entry]) -> String {
    let inner: Vec<String> = entries.iter().map(Entry::flat).collect();
    format!("{{ {} }}", inner.join(", "))
}

/// `{`, the entries one per line at `indent + 2`, then `}` and `suffix` at `indent`.
fn broken_object(entries: &[Entry], suffix: &str, indent: usize) -> String {
    let pad = " ".repeat(indent);
    let body: String = entries
        .iter()
        .map(|entry| format!("{pad}  {}\n", entry.laid_out(indent + 2)))
        .collect();
    format!("{{\n{body}{pad}}}{suffix}")
}

/// `lhs head({ entries })suffix` as a statement at `indent` whose object is always broken, one
/// entry per line: hugged when `lhs head({` fits, else broken after `lhs` (which ends in `=`)
/// with the call two spaces in.
#[must_use]
pub fn object_call(
    lhs: &str,
    head: &str,
    entries: &[Entry],
    suffix: &str,
    indent: usize,
) -> String {
    let close = format!("){suffix}");
    if indent + lhs.len() + 1 + head.len() + 2 <= WIDTH {
        return format!("{lhs} {head}({}", broken_object(entries, &close, indent));
    }
    let inner = indent + 2;
    format!(
        "{lhs}\n{}{head}({}",
        " ".repeat(inner),
        broken_object(entries, &close, inner)
    )
}

/// `head({ entries })suffix` at `indent`: on one line when it fits, else the object opened.
#[must_use]
pub fn call_with_object(head: &str, entries: &[Entry], suffix: &str, indent: usize) -> String {
    let line = format!("{head}({}){suffix}", flat_object(entries));
    if indent + line.len() <= WIDTH {
        return line;
    }
    format!(
        "{head}({}",
        broken_object(entries, &format!("){suffix}"), indent)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(delegate: &str) -> Vec<Entry> {
        vec![Entry::Object(
            "where".into(),
            vec![Entry::property("id", format!("{delegate}Row.id"))],
        )]
    }

    #[test]
    fn a_call_that_fits_is_hugged() {
        assert_eq!(
            object_call(
                "const postRead =",
                "await db.post.findUniqueOrThrow",
                &read("post"),
                "",
                4
            ),
            "const postRead = await db.post.findUniqueOrThrow({\n      where: { id: postRow.id },\n    })"
        );
    }

    #[test]
    fn a_long_call_breaks_after_the_operator_and_lays_its_entries_out_further_in() {
        let d = "inboundConsignmentQualityInspectionRecord";
        let parent = "temperatureControlledStorageCompartmentRow.id";
        let data = Entry::Object(
            "data".into(),
            vec![
                Entry::property("inspectionOutcomeSummaryForAuditors", "'x'"),
                Entry::property("assignedTemperatureControlledStorageCompartmentId", parent),
            ],
        );
        assert_eq!(
            object_call(
                &format!("const {d}Row ="),
                &format!("await db.{d}.create"),
                &[data],
                "",
                4
            ),
            format!(
                "const {d}Row =\n      await db.{d}.create({{\n        data: {{\n          inspectionOutcomeSummaryForAuditors: 'x',\n          assignedTemperatureControlledStorageCompartmentId:\n            {parent},\n        }},\n      }})"
            )
        );
    }

    #[test]
    fn a_call_value_breaks_its_arguments() {
        let key = "k".repeat(60);
        let entry = Entry::property(&key, "new Date('2024-02-29T12:34:56.789Z')");
        assert_eq!(
            entry.laid_out(8),
            format!("{key}: new Date(\n  '2024-02-29T12:34:56.789Z',\n),")
                .replace("\n  '", "\n          '")
                .replace("\n)", "\n        )")
        );
    }

    #[test]
    fn an_object_argument_opens_only_when_the_call_does_not_fit() {
        let entries = [Entry::property("title", "'y'")];
        assert_eq!(
            call_with_object("expect(postUpdate).toMatchObject", &entries, "", 4),
            "expect(postUpdate).toMatchObject({ title: 'y' })"
        );
        let long = "x".repeat(70);
        assert_eq!(
            call_with_object(&format!("expect({long}).toMatchObject"), &entries, "", 4),
            format!("expect({long}).toMatchObject({{\n      title: 'y',\n    }})")
        );
    }
}

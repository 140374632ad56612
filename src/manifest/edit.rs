//! Edits strata.toml in place with toml_edit: comments, key order and formatting outside the
//! edited entry stay byte for byte.

use toml_edit::{Array, DocumentMut, Item, Table, Value, value};

/// Why an edit could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// The text is not TOML (it was not loaded through the manifest parser).
    Malformed(String),
    /// `[resources]` or the resource entry is not a table.
    NotATable(String),
    /// The resource to add is already there.
    ResourceExists(String),
    /// The resource to extend is not there.
    NoSuchResource(String),
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EditError::Malformed(message) => write!(f, "strata.toml is not valid TOML: {message}"),
            EditError::NotATable(key) => write!(f, "{key} in strata.toml is not a table"),
            EditError::ResourceExists(name) => {
                write!(f, "resource {name:?} is already in strata.toml")
            }
            EditError::NoSuchResource(name) => write!(f, "resource {name:?} is not in strata.toml"),
        }
    }
}

/// A manifest being edited.
pub struct ManifestEditor {
    doc: DocumentMut,
}

fn fields_array(fields: &[String]) -> Array {
    let mut array = Array::new();
    for field in fields {
        let mut item = Value::from(field.as_str());
        item.decor_mut().set_prefix("\n  ");
        array.push_formatted(item);
    }
    array.set_trailing(if fields.is_empty() { "" } else { "\n" });
    array.set_trailing_comma(!fields.is_empty());
    array
}

impl ManifestEditor {
    /// Starts editing manifest text.
    ///
    /// # Errors
    /// [`EditError::Malformed`] if the text is not TOML.
    pub fn parse(text: &str) -> Result<Self, EditError> {
        text.parse::<DocumentMut>()
            .map(|doc| ManifestEditor { doc })
            .map_err(|e| EditError::Malformed(e.to_string()))
    }

    /// A new manifest with `[app]` and `[auth]` filled in.
    #[must_use]
    pub fn create(
        name: &str,
        database: &str,
        orm: &str,
        api: &str,
        strategy: &str,
        roles: &[String],
    ) -> Self {
        let mut doc = DocumentMut::new();
        let mut app = Table::new();
        app.insert("name", value(name));
        app.insert("database", value(database));
        app.insert("orm", value(orm));
        app.insert("api", value(api));
        doc.insert("app", Item::Table(app));
        let mut auth = Table::new();
        auth.insert("strategy", value(strategy));
        if strategy != "none" {
            let mut list = Array::new();
            for role in roles {
                list.push(role.as_str());
            }
            auth.insert("roles", value(list));
        }
        doc.insert("auth", Item::Table(auth));
        ManifestEditor { doc }
    }

    /// Sets `[templates] pack`, unless the manifest already names a pack (a team's shared
    /// manifest says where its apps keep the pack).
    ///
    /// # Errors
    /// `templates` is not a table.
    pub fn set_pack(&mut self, path: &str) -> Result<(), EditError> {
        let templates = self
            .doc
            .entry("templates")
            .or_insert_with(|| Item::Table(Table::new()))
            .as_table_mut()
            .ok_or_else(|| EditError::NotATable("templates".into()))?;
        if !templates.contains_key("pack") {
            templates.insert("pack", value(path));
        }
        Ok(())
    }

    /// Appends `[resources.<key>]` with its fields, after everything else.
    ///
    /// # Errors
    /// The resource exists, or `resources` is not a table.
    pub fn add_resource(&mut self, key: &str, fields: &[String]) -> Result<(), EditError> {
        let resources = self.doc.entry("resources").or_insert_with(|| {
            let mut table = Table::new();
            table.set_implicit(true);
            Item::Table(table)
        });
        let resources = resources
            .as_table_mut()
            .ok_or_else(|| EditError::NotATable("resources".into()))?;
        if resources.contains_key(key) {
            return Err(EditError::ResourceExists(key.to_string()));
        }
        let mut table = Table::new();
        table.insert("fields", value(fields_array(fields)));
        resources.insert(key, Item::Table(table));
        Ok(())
    }

    /// Appends fields to an existing resource's `fields` array.
    ///
    /// # Errors
    /// The resource is missing or not a table.
    pub fn add_fields(&mut self, key: &str, fields: &[String]) -> Result<(), EditError> {
        let resource = self
            .doc
            .get_mut("resources")
            .and_then(Item::as_table_like_mut)
            .and_then(|resources| resources.get_mut(key))
            .filter(|item| !item.is_none())
            .ok_or_else(|| EditError::NoSuchResource(key.to_string()))?;
        let resource = resource
            .as_table_like_mut()
            .ok_or_else(|| EditError::NotATable(format!("resources.{key}")))?;
        match resource.get_mut("fields").and_then(Item::as_array_mut) {
            Some(array) => {
                let multiline = array.iter().any(|v| {
                    v.decor()
                        .prefix()
                        .and_then(|p| p.as_str())
                        .is_some_and(|p| p.contains('\n'))
                });
                for field in fields {
                    let mut item = Value::from(field.as_str());
                    if multiline {
                        item.decor_mut().set_prefix("\n  ");
                    }
                    array.push_formatted(item);
                }
                if multiline {
                    array.set_trailing("\n");
                    array.set_trailing_comma(true);
                }
            }
            None => {
                resource.insert("fields", value(fields_array(fields)));
            }
        }
        Ok(())
    }

    /// Removes `[resources.<key>]` with everything in it.
    ///
    /// # Errors
    /// The resource is not there.
    pub fn remove_resource(&mut self, key: &str) -> Result<(), EditError> {
        self.doc
            .get_mut("resources")
            .and_then(Item::as_table_like_mut)
            .and_then(|resources| resources.remove(key))
            .map(|_| ())
            .ok_or_else(|| EditError::NoSuchResource(key.to_string()))
    }

    /// The edited text.
    #[must_use]
    pub fn to_text(&self) -> String {
        self.doc.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MANIFEST: &str = "# Our blog\n[app]\nname = \"blog\"   # the package name\n\n[auth]\nstrategy = \"jwt\"\n\n# Posts are the heart of it\n[resources.post]\nfields = [\"title:string\"]  # keep short\nowned = true\n";

    #[test]
    fn adding_a_resource_keeps_everything_else_byte_for_byte() {
        let mut editor = ManifestEditor::parse(MANIFEST).unwrap();
        editor
            .add_resource("comment", &["body:text".into(), "post:ref:post".into()])
            .unwrap();
        let text = editor.to_text();
        assert!(text.starts_with(MANIFEST), "{text}");
        assert_eq!(
            &text[MANIFEST.len()..],
            "\n[resources.comment]\nfields = [\n  \"body:text\",\n  \"post:ref:post\",\n]\n"
        );
    }

    #[test]
    fn adding_fields_appends_to_the_array() {
        let mut editor = ManifestEditor::parse(MANIFEST).unwrap();
        editor.add_fields("post", &["body:text?".into()]).unwrap();
        assert!(
            editor
                .to_text()
                .contains("fields = [\"title:string\", \"body:text?\"]  # keep short\n")
        );
        assert_eq!(
            editor.add_fields("nope", &[]),
            Err(EditError::NoSuchResource("nope".into()))
        );
    }

    #[test]
    fn removing_a_resource_keeps_the_rest() {
        let mut editor = ManifestEditor::parse(MANIFEST).unwrap();
        editor
            .add_resource("comment", &["body:text".into()])
            .unwrap();
        editor.remove_resource("comment").unwrap();
        assert_eq!(editor.to_text(), MANIFEST);
        assert_eq!(
            editor.remove_resource("nope"),
            Err(EditError::NoSuchResource("nope".into()))
        );
    }

    #[test]
    fn refuses_a_duplicate_resource() {
        let mut editor = ManifestEditor::parse(MANIFEST).unwrap();
        assert_eq!(
            editor.add_resource("post", &[]),
            Err(EditError::ResourceExists("post".into()))
        );
    }

    #[test]
    fn creates_a_fresh_manifest() {
        let text = ManifestEditor::create(
            "blog",
            "pglite",
            "drizzle",
            "routes",
            "jwt",
            &["user".into(), "admin".into()],
        )
        .to_text();
        assert_eq!(
            text,
            "[app]\nname = \"blog\"\ndatabase = \"pglite\"\norm = \"drizzle\"\napi = \"routes\"\n\n[auth]\nstrategy = \"jwt\"\nroles = [\"user\", \"admin\"]\n"
        );
    }
}

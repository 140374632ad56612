//! Three-way merge of a hand-edited file with a new render, through diffy: a leaf module that
//! the plan (classifying files) and render (refusing a template that holds markers) use.

use diffy::{ConflictStyle, MergeOptions};

const OURS: &str = "<<<<<<< ours";
const THEIRS: &str = ">>>>>>> theirs";
/// The marker above the lines that are on disk (the hand edit).
pub const YOURS_MARKER: &str = "<<<<<<< yours (on disk)";
/// The marker below the lines strata renders now.
pub const STRATA_MARKER: &str = ">>>>>>> strata (new render)";

/// Whether `text` still holds a conflict block strata wrote (its own labels, so a file's own
/// `=======` lines are not mistaken for one).
#[must_use]
pub fn has_markers(text: &str) -> bool {
    let mut lines = text.lines();
    lines.any(|line| line == YOURS_MARKER) && lines.any(|line| line == STRATA_MARKER)
}

/// Merges `ours` (the file on disk) and `theirs` (the new render) from `base` (the last render).
///
/// # Errors
/// The text with git-style conflict markers when the two changes overlap.
pub fn three_way(base: &str, ours: &str, theirs: &str) -> Result<String, String> {
    let mut options = MergeOptions::new();
    options.set_conflict_style(ConflictStyle::Merge);
    options
        .merge(base, ours, theirs)
        .map_err(|conflicted| relabel(&conflicted))
}

/// A file that exists but strata never wrote: the whole of both sides, in conflict markers.
#[must_use]
pub fn two_way(ours: &str, theirs: &str) -> String {
    let newline = |text: &str| {
        if text.ends_with('\n') {
            String::new()
        } else {
            "\n".to_string()
        }
    };
    format!(
        "{YOURS_MARKER}\n{ours}{}=======\n{theirs}{}{STRATA_MARKER}\n",
        newline(ours),
        newline(theirs)
    )
}

fn relabel(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    for line in text.split_inclusive('\n') {
        match line.trim_end_matches('\n') {
            OURS => out.push_str(&format!("{YOURS_MARKER}\n")),
            THEIRS => out.push_str(&format!("{STRATA_MARKER}\n")),
            _ => out.push_str(line),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separate_edits_merge_cleanly() {
        let base = "a\nb\nc\nd\ne\n";
        let ours = "a\nB by hand\nc\nd\ne\n";
        let theirs = "a\nb\nc\nd\ne\nf from template\n";
        assert_eq!(
            three_way(base, ours, theirs).unwrap(),
            "a\nB by hand\nc\nd\ne\nf from template\n"
        );
    }

    #[test]
    fn overlapping_edits_get_labelled_markers() {
        let conflicted = three_way("a\nb\nc\n", "a\nmine\nc\n", "a\nnew\nc\n").unwrap_err();
        assert_eq!(
            conflicted,
            format!("a\n{YOURS_MARKER}\nmine\n=======\nnew\n{STRATA_MARKER}\nc\n")
        );
    }
}

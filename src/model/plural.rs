//! English pluralization for resource names: irregular, uncountable and rule-based plurals.

/// Words whose plural is not formed by a rule.
const IRREGULAR: &[(&str, &str)] = &[
    ("person", "people"),
    ("child", "children"),
    ("man", "men"),
    ("woman", "women"),
    ("mouse", "mice"),
    ("goose", "geese"),
    ("foot", "feet"),
    ("tooth", "teeth"),
    ("ox", "oxen"),
    ("leaf", "leaves"),
    ("life", "lives"),
    ("knife", "knives"),
    ("wife", "wives"),
    ("half", "halves"),
    ("wolf", "wolves"),
    ("shelf", "shelves"),
    ("calf", "calves"),
    ("loaf", "loaves"),
    ("thief", "thieves"),
    ("self", "selves"),
    ("elf", "elves"),
    ("potato", "potatoes"),
    ("tomato", "tomatoes"),
    ("hero", "heroes"),
    ("echo", "echoes"),
    ("veto", "vetoes"),
    ("analysis", "analyses"),
    ("basis", "bases"),
    ("crisis", "crises"),
    ("diagnosis", "diagnoses"),
    ("thesis", "theses"),
    ("axis", "axes"),
    ("index", "indices"),
    ("matrix", "matrices"),
    ("vertex", "vertices"),
    ("appendix", "appendices"),
    ("datum", "data"),
    ("medium", "media"),
    ("criterion", "criteria"),
    ("phenomenon", "phenomena"),
    ("cactus", "cacti"),
    ("fungus", "fungi"),
    ("nucleus", "nuclei"),
    ("radius", "radii"),
    ("syllabus", "syllabi"),
    ("quiz", "quizzes"),
];

/// Words that are the same in the plural.
const UNCOUNTABLE: &[&str] = &[
    "series",
    "species",
    "sheep",
    "fish",
    "deer",
    "moose",
    "news",
    "equipment",
    "information",
    "rice",
    "money",
    "data",
    "metadata",
    "feedback",
    "software",
    "hardware",
    "aircraft",
    "offspring",
    "police",
    "staff",
];

/// The plural of one lower-case English word.
#[must_use]
pub fn pluralize_word(word: &str) -> String {
    if word.is_empty() || UNCOUNTABLE.contains(&word) {
        return word.to_string();
    }
    if let Some((_, plural)) = IRREGULAR.iter().find(|(singular, _)| *singular == word) {
        return (*plural).to_string();
    }
    let ends_in_consonant_then = |suffix: char| {
        let mut tail = word.chars().rev();
        tail.next() == Some(suffix) && tail.next().is_some_and(|c| !"aeiou".contains(c))
    };
    if ends_in_consonant_then('y') {
        return format!("{}ies", &word[..word.len() - 1]);
    }
    if ["s", "x", "z", "ch", "sh"]
        .iter()
        .any(|suffix| word.ends_with(suffix))
    {
        return format!("{word}es");
    }
    format!("{word}s")
}

/// The plural of a snake_case phrase: only its last word changes (`blog_post` → `blog_posts`).
#[must_use]
pub fn pluralize_snake(snake: &str) -> String {
    match snake.rsplit_once('_') {
        Some((head, last)) => format!("{head}_{}", pluralize_word(last)),
        None => pluralize_word(snake),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_of_tricky_words() {
        let cases = [
            ("person", "people"),
            ("child", "children"),
            ("category", "categories"),
            ("status", "statuses"),
            ("box", "boxes"),
            ("leaf", "leaves"),
            ("series", "series"),
            ("post", "posts"),
            ("day", "days"),
            ("key", "keys"),
            ("church", "churches"),
            ("dish", "dishes"),
            ("bus", "buses"),
            ("photo", "photos"),
            ("hero", "heroes"),
            ("analysis", "analyses"),
            ("quiz", "quizzes"),
            ("address", "addresses"),
            ("roof", "roofs"),
            ("company", "companies"),
            ("index", "indices"),
        ];
        for (singular, plural) in cases {
            assert_eq!(pluralize_word(singular), plural, "{singular}");
        }
    }

    #[test]
    fn only_the_last_word_of_a_phrase_changes() {
        assert_eq!(pluralize_snake("blog_post"), "blog_posts");
        assert_eq!(pluralize_snake("sales_person"), "sales_people");
        assert_eq!(pluralize_snake("tv_series"), "tv_series");
        assert_eq!(pluralize_snake("product_category"), "product_categories");
    }
}

//! How hard a text is to read: the Flesch–Kincaid grade level, the US school grade a
//! reader needs (Kincaid et al., 1975):
//! `0.39 × words per sentence + 11.8 × syllables per word − 15.59`.
//!
//! Syllables are counted by the usual English heuristic (groups of vowels, a final
//! silent `e` dropped), which is what readability tools do; the grade is a guide for
//! authors, not a measure of a reader.

use crate::document::{inlines_text, Block, Document};
use crate::model::{Article, Audience};

/// The grade above which a patient variant gets a warning. NHS guidance aims at a
/// reading age of 9 to 11, about US grades 4 to 6; grade 8 leaves room for the medical
/// terms a patient needs to learn.
pub const PATIENT_GRADE_LIMIT: f64 = 8.0;

/// The counts a grade is made of.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub sentences: usize,
    pub words: usize,
    pub syllables: usize,
}

impl Counts {
    /// The Flesch–Kincaid grade; `None` for a text without words.
    pub fn grade(self) -> Option<f64> {
        if self.words == 0 || self.sentences == 0 {
            return None;
        }
        let words = self.words as f64;
        Some(0.39 * words / self.sentences as f64 + 11.8 * self.syllables as f64 / words - 15.59)
    }
}

/// The Flesch–Kincaid grade of a document's prose: its paragraphs, headings, list
/// items, quotes and table cells. Code and raw HTML are not prose and do not count.
pub fn grade(document: &Document) -> Option<f64> {
    let mut counts = Counts::default();
    for text in prose(&document.blocks) {
        let found = count(&text);
        counts.sentences += found.sentences;
        counts.words += found.words;
        counts.syllables += found.syllables;
    }
    counts.grade()
}

/// The grade of an English article's patient variant: Flesch–Kincaid measures English
/// only, its syllable weights mean nothing in Spanish. `None` for an article in
/// another language or without a patient variant.
pub fn patient_grade(article: &Article) -> Option<f64> {
    if article.language() != crate::model::Language::English {
        return None;
    }
    article.variants.get(&Audience::Patient).and_then(grade)
}

/// The counts of one piece of prose, which ends a sentence even without a full stop
/// (a heading, a list item).
pub fn count(text: &str) -> Counts {
    let mut counts = Counts::default();
    let mut words_in_sentence = 0;
    for token in text.split_whitespace() {
        let word: String = token.chars().filter(|c| c.is_alphabetic()).collect();
        if !word.is_empty() {
            counts.words += 1;
            counts.syllables += syllables(&word);
            words_in_sentence += 1;
        }
        let ends_sentence = token
            .trim_end_matches(['"', '\'', ')', ']', '”', '’'])
            .ends_with(['.', '!', '?']);
        if ends_sentence && words_in_sentence > 0 {
            counts.sentences += 1;
            words_in_sentence = 0;
        }
    }
    if words_in_sentence > 0 {
        counts.sentences += 1;
    }
    counts
}

/// The syllables of one word: its groups of vowels (`y` counts as one but at the start),
/// less a final silent `e`, and at least one.
pub fn syllables(word: &str) -> usize {
    let word = word.to_lowercase();
    let letters: Vec<char> = word.chars().collect();
    let is_vowel = |index: usize| {
        let c = letters[index];
        matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'é' | 'è' | 'ê' | 'ö' | 'ü')
            || (c == 'y' && index > 0)
    };
    let mut groups = 0;
    let mut in_group = false;
    for index in 0..letters.len() {
        let vowel = is_vowel(index);
        if vowel && !in_group {
            groups += 1;
        }
        in_group = vowel;
    }
    // A final `e` is silent ("make", "riluzole"), but not in a consonant + "le" ending
    // ("table") nor in "ee" ("free").
    let consonant_le = letters.len() >= 3 && word.ends_with("le") && !is_vowel(letters.len() - 3);
    let silent_e = word.ends_with('e') && !consonant_le && !word.ends_with("ee") && groups > 1;
    (groups - usize::from(silent_e)).max(1)
}

/// A markdown table of each English article's grade for each audience (`—` where it
/// has no such variant), for the README. Flesch–Kincaid measures English only.
pub fn table(articles: &[Article]) -> String {
    let mut out = String::from(
        "| article | patient | caregiver | professional |\n| --- | ---: | ---: | ---: |\n",
    );
    let english = articles
        .iter()
        .filter(|article| article.language() == crate::model::Language::English);
    for article in english {
        out.push_str(&format!("| `{}` |", article.slug));
        for audience in Audience::ALL {
            let grade = article.variants.get(audience).and_then(grade);
            match grade {
                Some(grade) => out.push_str(&format!(" {grade:.1} |")),
                None => out.push_str(" — |"),
            }
        }
        out.push('\n');
    }
    out
}

/// The prose of `blocks`, one string per paragraph, heading, list item or cell.
fn prose(blocks: &[Block]) -> Vec<String> {
    let mut out = Vec::new();
    for block in blocks {
        match block {
            Block::Paragraph(content) | Block::Plain(content) | Block::Heading { content, .. } => {
                let mut text = String::new();
                inlines_text(content, &mut text);
                out.push(text);
            }
            Block::Quote(blocks) | Block::Footnote { blocks, .. } => out.extend(prose(blocks)),
            Block::List { items, .. } => {
                for item in items {
                    out.extend(prose(item));
                }
            }
            Block::Table { head, rows, .. } => {
                for cell in std::iter::once(head).chain(rows).flatten() {
                    let mut text = String::new();
                    inlines_text(cell, &mut text);
                    out.push(text);
                }
            }
            Block::Code { .. } | Block::RawHtml(_) | Block::Rule => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_follow_the_vowel_groups() {
        for (word, expected) in [
            ("cat", 1),
            ("table", 2),
            ("make", 1),
            ("riluzole", 3),
            ("medicine", 3),
            ("doctor", 2),
            ("the", 1),
            ("free", 1),
            ("happy", 2),
            ("yes", 1),
        ] {
            assert_eq!(syllables(word), expected, "{word}");
        }
    }

    #[test]
    fn sentences_end_at_full_stops_and_at_the_end_of_a_block() {
        let counts = count("The cat sat. It was happy! Was it? Yes");
        assert_eq!(
            counts,
            Counts {
                sentences: 4,
                words: 9,
                syllables: 10,
            }
        );
        assert_eq!(count("Dosing (mg/kg).").sentences, 1);
        assert_eq!(count("").grade(), None);
    }

    #[test]
    fn the_grade_is_flesch_kincaids() {
        // 2 sentences, 10 words, 13 syllables: 0.39 × 5 + 11.8 × 1.3 − 15.59 = 1.70.
        let counts = Counts {
            sentences: 2,
            words: 10,
            syllables: 13,
        };
        let grade = counts.grade().unwrap();
        assert!((grade - 1.7).abs() < 1e-9, "{grade}");
        let easy = count("The cat sat on the mat. The dog ran to the cat.");
        let hard = count("Pharmacological management necessitates individualised consideration of comorbidities.");
        assert!(easy.grade().unwrap() < 2.0);
        assert!(hard.grade().unwrap() > 16.0);
    }
}

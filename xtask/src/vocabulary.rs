//! The words of the realistic generated catalog (`cargo xtask scale N`, the default
//! `--vocabulary realistic`): drawn by Zipf's law over a ranked word list, so that, as
//! in a real medical catalog, a few words are in nearly every article and most are in
//! a handful. The list's head is the words the project's own articles share (said in
//! [`SHARED_BY`] of them or more: the, of, treatment, adults…), ranked by how often they
//! say them; its long tail is the words only one or two of them say (a drug, a
//! condition: riluzole is in the ALS articles only), with a medical word list, Debian's
//! `hunspell-en-med` (OpenMedSpel, GPL-3+), read where Debian installs it and never
//! copied into the project, in an order shuffled by a fixed seed. A topic's words are
//! then rare, as in a real catalog, where a drug is named by the few articles about it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::generate::Random;

/// The medical word list of Debian's `hunspell-en-med`.
pub const MEDICAL_WORDS: &str = "/usr/share/hunspell/en_med_glut.dic";
pub const MEDICAL_WORDS_PACKAGE: &str = "hunspell-en-med";

/// In how many of the articles a word must be to be in the head of the ranks.
const SHARED_BY: usize = 3;

/// Zipf's exponent: about 1 for the words of English text.
const EXPONENT: f64 = 1.0;

/// The ranked words and the cumulative weights of Zipf's law over their ranks.
pub struct ZipfWords {
    words: Vec<String>,
    cumulative: Vec<f64>,
    /// How many words the articles share (the head of the ranks).
    pub from_articles: usize,
}

impl ZipfWords {
    /// The words shared by [`SHARED_BY`] or more of the articles under `articles`
    /// (every `*.md` but `README.md`), most said first; then the articles' other words
    /// and those of `tail`, shuffled by `seed`.
    pub fn new(articles: &Path, tail: &[String], seed: u64) -> Result<ZipfWords> {
        // Each word's count, and in how many articles it is.
        let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
        for path in markdown_files(articles)? {
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            let mut seen = std::collections::HashSet::new();
            for word in words_said(&text) {
                let count = counts.entry(word.clone()).or_default();
                count.0 += 1;
                if seen.insert(word) {
                    count.1 += 1;
                }
            }
        }
        let (shared, topical): (Vec<_>, Vec<_>) = counts
            .into_iter()
            .partition(|(_, (_, articles))| *articles >= SHARED_BY);
        let mut ranked = shared;
        ranked.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then_with(|| a.0.cmp(&b.0)));
        let mut words: Vec<String> = ranked.into_iter().map(|(word, _)| word).collect();
        let from_articles = words.len();
        let mut rest: Vec<String> = topical.into_iter().map(|(word, _)| word).collect();
        rest.extend(tail.iter().cloned());
        let known: std::collections::HashSet<String> = words.iter().cloned().collect();
        rest.retain(|word| !known.contains(word));
        rest.sort();
        rest.dedup();
        // Fisher–Yates: the same order for the same seed.
        let mut random = Random::new(seed);
        for index in (1..rest.len()).rev() {
            rest.swap(index, random.between(0, index));
        }
        words.extend(rest);
        let mut total = 0.0;
        let cumulative = (1..=words.len())
            .map(|rank| {
                total += 1.0 / (rank as f64).powf(EXPONENT);
                total
            })
            .collect();
        Ok(ZipfWords {
            words,
            cumulative,
            from_articles,
        })
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// A word drawn by Zipf's law, with its rank (from 0, the most said).
    pub fn draw(&self, random: &mut Random) -> (usize, &str) {
        let total = self.cumulative.last().copied().unwrap_or(0.0);
        let target = random.unit() * total;
        let rank = self
            .cumulative
            .partition_point(|weight| *weight <= target)
            .min(self.words.len().saturating_sub(1));
        (rank, &self.words[rank])
    }

    /// A word drawn by Zipf's law past the `skip` most said (the, of, and…): what a
    /// question is about.
    pub fn draw_past(&self, random: &mut Random, skip: usize) -> &str {
        loop {
            let (rank, word) = self.draw(random);
            if rank >= skip.min(self.words.len().saturating_sub(1)) {
                return word;
            }
        }
    }
}

/// The medical word list's words: lowercase, letters only, three or more, each once.
/// Empty, with the reason said, where it is not installed.
pub fn medical_words() -> Vec<String> {
    let text = match std::fs::read_to_string(MEDICAL_WORDS) {
        Ok(text) => text,
        Err(error) => {
            println!("  no medical word list ({MEDICAL_WORDS}: {error}): the articles' words only");
            return Vec::new();
        }
    };
    text.lines()
        // Its first line is the count; its notes are indented.
        .skip(1)
        .filter(|line| !line.starts_with(char::is_whitespace))
        .map(|line| {
            line.split('/')
                .next()
                .unwrap_or_default()
                .trim()
                .to_lowercase()
        })
        .filter(|word| word.len() >= 3 && word.chars().all(|c| c.is_ascii_alphabetic()))
        .collect()
}

/// The words of a text, lowercase: runs of letters of two or more.
fn words_said(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|word| word.chars().count() >= 2)
        .map(str::to_lowercase)
}

fn markdown_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let listing =
        std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))?;
    for entry in listing {
        let path = entry?.path();
        if path.is_dir() {
            found.extend(markdown_files(&path)?);
        } else if path.extension().is_some_and(|extension| extension == "md")
            && path.file_name().is_some_and(|name| name != "README.md")
        {
            found.push(path);
        }
    }
    found.sort();
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_articles_words_come_first_by_count_and_draws_follow_zipfs_law() {
        let dir = std::env::temp_dir().join(format!("xtask-vocabulary-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("more")).unwrap();
        std::fs::write(
            dir.join("a.md"),
            "+++\nquestion = \"Fever?\"\n+++\nfever fever fever cough\n",
        )
        .unwrap();
        std::fs::write(dir.join("more/b.md"), "Cough, fiebre, fever.").unwrap();
        std::fs::write(dir.join("c.md"), "Cough and fever.").unwrap();
        std::fs::write(dir.join("README.md"), "readme readme readme readme readme").unwrap();
        let tail: Vec<String> = ["cough", "zoster", "apnoea"].map(String::from).to_vec();
        let words = ZipfWords::new(&dir, &tail, 7).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        // Shared by three articles, most said first; then the rest, shuffled.
        assert_eq!(&words.words[..2], ["fever", "cough"]);
        assert_eq!(words.from_articles, 2, "{:?}", words.words);
        assert_eq!(words.len(), 7);
        let mut rest = words.words[2..].to_vec();
        rest.sort();
        assert_eq!(rest, ["and", "apnoea", "fiebre", "question", "zoster"]);
        assert!(!words.words.contains(&"readme".to_owned()));
        let mut random = Random::new(1);
        let mut counts = vec![0_usize; words.len()];
        for _ in 0..60_000 {
            counts[words.draw(&mut random).0] += 1;
        }
        // Rank r is drawn about 1/r as often as the first (H(7) = 2.59).
        let expected = |rank: usize| 60_000.0 / (rank as f64 * 2.59);
        for rank in 1..=7 {
            let seen = counts[rank - 1] as f64;
            assert!((seen / expected(rank) - 1.0).abs() < 0.1, "{counts:?}");
        }
        assert!(words.draw_past(&mut random, 1) != "fever");
    }
}

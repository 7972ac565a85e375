//! Synthetic articles for `cargo xtask scale`: valid against `articles check`, varied in
//! their words, sentences, questions, dates and statuses, so that parsing, the catalog
//! and compression meet text that is not one file copied N times. Every article says it
//! is synthetic test data, in its question and in a front-matter comment; the only
//! reviewers named are clearly synthetic ones, and no article claims approval.
//!
//! Two vocabularies: `realistic` (the default of `cargo xtask scale`), whose words
//! follow Zipf's law over real medical words ([`crate::vocabulary`]), so that a rare
//! word is in a handful of articles as in a real catalog; and `small`, a few dozen
//! words in fixed phrases, the stress case where one word is in most articles.
//!
//! Longer than 300 lines: the small vocabulary's word lists are most of it.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;

use anyhow::{bail, Context, Result};

use crate::vocabulary::{self, ZipfWords};

/// Changes whenever the articles written change, so that a catalog written by an
/// earlier generator is written again.
pub const VERSION: u32 = 4;

/// Which words the generated articles are written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Vocabulary {
    /// Zipf's law over the project's articles' words and a medical word list.
    Realistic,
    /// A few dozen words in fixed phrases: one word in most articles.
    Small,
}

impl Vocabulary {
    pub fn parse(name: &str) -> Result<Vocabulary> {
        match name {
            "realistic" => Ok(Vocabulary::Realistic),
            "small" => Ok(Vocabulary::Small),
            other => bail!("--vocabulary {other}: expected realistic or small"),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Vocabulary::Realistic => "realistic",
            Vocabulary::Small => "small",
        }
    }
}

/// The seed of the realistic vocabulary's order: fixed, so a catalog is regenerated
/// exactly.
const SEED: u64 = 29;

/// Writes `count` articles of the small vocabulary (the tests' catalogs) and the
/// project's `publisher.toml` into `dir`.
pub fn articles(root: &Path, dir: &Path, count: usize) -> Result<()> {
    articles_in(root, dir, count, Vocabulary::Small)
}

/// Writes `count` articles in `vocabulary` and the project's `publisher.toml` into
/// `dir`, one file at a time: nothing of the catalog is kept in memory but the words.
pub fn articles_in(root: &Path, dir: &Path, count: usize, vocabulary: Vocabulary) -> Result<()> {
    let words = match vocabulary {
        Vocabulary::Small => None,
        Vocabulary::Realistic => {
            let words = ZipfWords::new(&root.join("articles"), &vocabulary::medical_words(), SEED)?;
            println!(
                "  {} words: the {} the articles share, then their others and the medical word list",
                words.len(),
                words.from_articles
            );
            Some(words)
        }
    };
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    std::fs::copy(
        root.join("articles/publisher.toml"),
        dir.join("publisher.toml"),
    )
    .context("cannot copy articles/publisher.toml")?;
    let mut text = String::new();
    for index in 0..count {
        text.clear();
        write_article(&mut text, index, count, words.as_ref());
        let path = dir.join(format!("{}.md", slug(index)));
        let mut file = std::fs::File::create(&path)
            .with_context(|| format!("cannot create {}", path.display()))?;
        file.write_all(text.as_bytes())
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}

/// The slug of article `index`: its number, then two words that vary with it.
pub fn slug(index: usize) -> String {
    let mut random = Random::new(index as u64);
    format!(
        "synthetic-{index:06}-{}-{}",
        random.pick(TOPICS),
        random.pick(CONCERNS)
    )
}

/// A small deterministic generator (splitmix64): the same `index` always gives the same
/// article, so a catalog can be regenerated exactly.
pub struct Random(u64);

impl Random {
    pub fn new(seed: u64) -> Random {
        Random(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ 0x5eed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..=1`.
    pub fn unit(&mut self) -> f64 {
        self.next() as f64 / u64::MAX as f64
    }

    /// A number in `low..=high`.
    pub fn between(&mut self, low: usize, high: usize) -> usize {
        low + (self.next() % (high - low + 1) as u64) as usize
    }

    fn pick<'a>(&mut self, words: &[&'a str]) -> &'a str {
        words[self.between(0, words.len() - 1)]
    }

    /// Whether an event of `percent` in a hundred happens.
    fn chance(&mut self, percent: usize) -> bool {
        self.between(1, 100) <= percent
    }
}

const TOPICS: &[&str] = &[
    "walking",
    "sleep",
    "hydration",
    "stretching",
    "fibre",
    "salt",
    "caffeine",
    "sunlight",
    "posture",
    "breathing",
    "reading",
    "gardening",
    "cycling",
    "swimming",
    "fasting",
    "journaling",
    "music",
    "noise",
    "screens",
    "cooking",
];
const CONCERNS: &[&str] = &[
    "fatigue",
    "headache",
    "stiffness",
    "cramps",
    "dizziness",
    "itching",
    "thirst",
    "cough",
    "restlessness",
    "bloating",
    "soreness",
    "hiccups",
    "yawning",
    "chills",
    "sneezing",
];
const SUBJECTS: &[&str] = &[
    "A short walk",
    "A glass of water",
    "A regular bedtime",
    "A quiet room",
    "A warm drink",
    "A written plan",
    "A simple routine",
    "A rest break",
    "A light meal",
    "A friend",
];
const VERBS: &[&str] = &[
    "can help",
    "may ease",
    "often eases",
    "can lower",
    "may change",
    "rarely worsens",
    "can shorten",
    "may soften",
];
const OBJECTS: &[&str] = &[
    "the worst days",
    "the first signs",
    "the need for rest",
    "the morning slump",
    "the evening dip",
    "most mild symptoms",
    "the time it lasts",
    "how often it comes back",
];
const TAILS: &[&str] = &[
    "for many people.",
    "in the first week.",
    "if you keep at it.",
    "when used with care.",
    "for a few hours.",
    "on most days.",
    "after a while.",
    "in mild cases.",
];
const FINDINGS: &[&str] = &[
    "observational cohorts report a modest association",
    "small randomised trials show heterogeneous effects",
    "pooled estimates remain imprecise",
    "adherence moderates the observed benefit",
    "confounding by indication limits causal inference",
    "dose-response relationships are inconsistent",
];
const SETTINGS: &[&str] = &[
    "in primary care",
    "among older adults",
    "in adolescents",
    "after hospital discharge",
    "in shift workers",
    "across community samples",
];
const JOURNALS: &[&str] = &[
    "J Synth Med",
    "Synth Clin Rev",
    "Ann Synth Health",
    "Synth Prim Care J",
];
const SURNAMES: &[&str] = &[
    "Testa",
    "Probe",
    "Sample",
    "Mock",
    "Stub",
    "Fixture",
    "Dummy",
    "Placeholder",
];

/// How many of the most said words a question skips: it is about something.
const QUESTION_SKIPS: usize = 200;

/// Article `index` of `count`, in `words` (the small vocabulary when `None`).
fn write_article(out: &mut String, index: usize, count: usize, words: Option<&ZipfWords>) {
    let mut random = Random::new(index as u64);
    // The same two words as the slug, drawn first.
    let topic = random.pick(TOPICS);
    let concern = random.pick(CONCERNS);
    let (year, month, day) = (
        random.between(2023, 2026),
        random.between(1, 10),
        random.between(1, 28),
    );
    // A few reviews are overdue, as in any real catalog: they warn, they do not fail.
    // (November 2026 is after every `updated`, and before the day this was written.)
    let (due_year, due_month) = if random.chance(1) {
        (2026, 11)
    } else {
        (2028, random.between(1, 12))
    };
    let due_day = random.between(1, 28);
    let references = random.between(1, 5);
    let _ = writeln!(out, "+++");
    let _ = writeln!(
        out,
        "# Synthetic test data written by `cargo xtask scale`: not medical content."
    );
    let _ = writeln!(out, "slug = \"{}\"", slug(index));
    match words {
        Some(words) => {
            // Drawn from their own generator, so that the rest of the article is drawn
            // as the small vocabulary's is.
            let mut drawn = Random::new(!(index as u64));
            let _ = writeln!(
                out,
                "question = \"Synthetic test article {index}: how does {} affect {}?\"",
                words.draw_past(&mut drawn, QUESTION_SKIPS),
                words.draw_past(&mut drawn, QUESTION_SKIPS)
            );
        }
        None => {
            let _ = writeln!(
                out,
                "question = \"Synthetic test article {index}: does {topic} change {concern}?\""
            );
        }
    }
    let _ = writeln!(out, "updated = {year}-{month:02}-{day:02}");
    let _ = writeln!(
        out,
        "next_review_due = {due_year}-{due_month:02}-{due_day:02}"
    );
    // One article in five has no caregiver variant, as real catalogs have gaps: the
    // catalog's audience filter then has something to leave out.
    let audiences: &[&str] = if random.chance(20) {
        &["patient", "professional"]
    } else {
        &["patient", "caregiver", "professional"]
    };
    let _ = writeln!(out, "default_audience = \"{}\"", random.pick(audiences));
    if count > 1 {
        let mut related: Vec<usize> = Vec::new();
        for _ in 0..random.between(0, 3) {
            let other = random.between(0, count - 1);
            if other != index && !related.contains(&other) {
                related.push(other);
            }
        }
        let related: Vec<String> = related
            .iter()
            .map(|other| format!("\"{}\"", slug(*other)))
            .collect();
        let _ = writeln!(out, "related = [{}]", related.join(", "));
    }
    let _ = writeln!(out, "\n[review]");
    if random.chance(30) {
        let _ = writeln!(out, "status = \"under_review\"");
        let _ = writeln!(
            out,
            "reviewers = [{{ name = \"Reviewer {:04} (synthetic)\", credentials = \"synthetic test data\" }}]",
            random.between(1, 9999)
        );
    } else {
        let _ = writeln!(out, "status = \"submitted\"");
    }
    if random.chance(40) {
        let _ = writeln!(out, "\n[[changes]]\ndate = {year}-{month:02}-{day:02}");
        let _ = writeln!(
            out,
            "summary = \"Synthetic change {}: {} {}.\"",
            random.between(1, 99),
            random.pick(VERBS),
            random.pick(OBJECTS)
        );
    }
    for id in 1..=references {
        let _ = writeln!(out, "\n[[references]]\nid = {id}");
        let _ = writeln!(
            out,
            "authors = [\"{} A\", \"{} B\"]",
            random.pick(SURNAMES),
            random.pick(SURNAMES)
        );
        let _ = writeln!(
            out,
            "title = \"Synthetic study {index}.{id}: {} {}\"",
            random.pick(FINDINGS),
            random.pick(SETTINGS)
        );
        let _ = writeln!(out, "source = \"{}\"", random.pick(JOURNALS));
        let _ = writeln!(out, "year = {}", random.between(2000, 2025));
        let _ = writeln!(out, "doi = \"10.5555/synthetic.{index}.{id}\"");
    }
    let _ = writeln!(out, "+++");
    // Every reference is cited somewhere: an uncited one is a warning.
    let citations: String = (1..=references).map(|id| format!("[^{id}]")).collect();
    let _ = writeln!(
        out,
        "This is synthetic test data about {topic} and {concern}{citations}.\n"
    );
    for &audience in audiences {
        let _ = writeln!(out, "::: {audience}");
        for section in 0..random.between(1, 3) {
            let _ = writeln!(out, "## Part {}\n", section + 1);
            for _ in 0..random.between(1, 3) {
                let cited = (audience == "professional").then_some(references);
                match words {
                    Some(words) => write_zipf_paragraph(out, &mut random, words, cited),
                    None => write_paragraph(out, &mut random, cited.is_some(), references),
                }
            }
        }
        let _ = writeln!(out, ":::\n");
    }
    let _ = writeln!(
        out,
        "- {}\n- {}",
        random.pick(OBJECTS),
        random.pick(OBJECTS)
    );
}

/// One paragraph: short plain sentences for patients and caregivers, longer ones citing
/// the references for professionals, so the readability check sees both.
fn write_paragraph(out: &mut String, random: &mut Random, professional: bool, references: usize) {
    for _ in 0..random.between(2, 5) {
        if professional {
            let cited = random.between(1, references);
            let _ = write!(
                out,
                "For {} and {}, {} {}[^{cited}]. ",
                random.pick(TOPICS),
                random.pick(CONCERNS),
                random.pick(FINDINGS),
                random.pick(SETTINGS)
            );
        } else {
            let _ = write!(
                out,
                "{} {} {} {} ",
                random.pick(SUBJECTS),
                random.pick(VERBS),
                random.pick(OBJECTS),
                random.pick(TAILS)
            );
        }
    }
    let _ = writeln!(out, "\n");
}

/// One paragraph of 2 to 5 sentences of 6 to 18 words drawn by Zipf's law; each of a
/// professional's (`cited`: how many references) cites one.
fn write_zipf_paragraph(
    out: &mut String,
    random: &mut Random,
    words: &ZipfWords,
    cited: Option<usize>,
) {
    for _ in 0..random.between(2, 5) {
        for position in 0..random.between(6, 18) {
            let (_, word) = words.draw(random);
            if position == 0 {
                let mut letters = word.chars();
                if let Some(first) = letters.next() {
                    out.extend(first.to_uppercase());
                    out.push_str(letters.as_str());
                }
            } else {
                out.push(' ');
                out.push_str(word);
            }
        }
        if let Some(references) = cited {
            let _ = write!(out, "[^{}]", random.between(1, references));
        }
        out.push_str(". ");
    }
    let _ = writeln!(out, "\n");
}

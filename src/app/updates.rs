//! "What changed since you last read it": the decision, a pure function over plain
//! data. What the reader last read of an article (a [`Reading`], stored on this
//! device beside the saved copies) and the history of the copy the network just sent
//! go in; the notice to show, if any, and the reading to store come out.
//! `use_update_notice` does the storing.
//!
//! Longer than 300 lines: the decision, the stored readings' codec, and a test for each
//! of their branches.
//!
//! A reading is kept per article until the reader has seen what changed: a notice
//! stays until dismissed (dismissing stores the new copy as read), so that a reader
//! who closed the page at once still learns of a correction, and once dismissed it
//! never comes back until a newer change. A storage fault reads as no reading: no
//! notice, and the article shows as ever.

use crate::model::{Change, ChangeKind, Date, Slug};

/// Which copy of an article a reader read, told by its history's newest entry: its
/// date and a fingerprint of its summary (two changes of one day differ by it).
/// `None` for an article with no recorded change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Version(Option<(Date, u32)>);

impl Version {
    /// The version of a copy whose history, newest first, is `changes`.
    pub fn of(changes: &[Change]) -> Version {
        Version(changes.first().map(entry))
    }
}

/// An entry's identity: its date and its summary's FNV-1a hash, small enough to store
/// for fifty articles, and with no dependency for the Wasm to carry.
fn entry(change: &Change) -> (Date, u32) {
    let hash = change.summary.bytes().fold(0x811c_9dc5_u32, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    });
    (change.date, hash)
}

/// What the reader last read of an article, and when: the day they last saw it, not
/// the day the copy was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reading {
    pub version: Version,
    pub read_on: Date,
}

/// The notice over an article that changed since the reader last read it.
#[derive(Clone, Debug, PartialEq)]
pub struct UpdateNotice {
    pub read_on: Date,
    /// The entries made after the copy read: corrections first, then newest first.
    pub changes: Vec<Change>,
}

/// What to show over the network's copy, whose history is `changes`, given what the
/// reader last read of it (`None`: never, or storage failed), and what to store: the
/// notice shows while `reading` is older than the copy, and the reading stays as it
/// is until the reader dismisses it ([`dismissed`]); otherwise the copy is stored as
/// read `today` (`None`: the stored reading is already that).
pub fn decide(
    reading: Option<Reading>,
    changes: &[Change],
    today: Date,
) -> (Option<UpdateNotice>, Option<Reading>) {
    let read_now = Reading {
        version: Version::of(changes),
        read_on: today,
    };
    let Some(reading) = reading else {
        return (None, Some(read_now));
    };
    let since = made_after(reading.version, changes);
    if since.is_empty() {
        return (None, (reading != read_now).then_some(read_now));
    }
    // Corrections first, each group in the history's newest-first order: a partition,
    // not a sort, which would cost the Wasm a sorting routine of its own.
    let (mut first, updates): (Vec<Change>, Vec<Change>) = since
        .into_iter()
        .partition(|change| change.kind == ChangeKind::Correction);
    first.extend(updates);
    let notice = UpdateNotice {
        read_on: reading.read_on,
        changes: first,
    };
    (Some(notice), None)
}

/// The reading to store once the reader dismisses the notice over the copy whose
/// history is `changes`.
pub fn dismissed(changes: &[Change], today: Date) -> Reading {
    Reading {
        version: Version::of(changes),
        read_on: today,
    }
}

/// The entries of `changes` (newest first) made after the copy of version `read`:
/// those above its newest entry; every entry when it had none; and, if its newest
/// entry is no longer in the history (rewritten since), those of a later day.
fn made_after(read: Version, changes: &[Change]) -> Vec<Change> {
    let Version(Some(newest)) = read else {
        return changes.to_vec();
    };
    match changes.iter().position(|change| entry(change) == newest) {
        Some(at) => changes[..at].to_vec(),
        None => changes
            .iter()
            .filter(|change| change.date > newest.0)
            .cloned()
            .collect(),
    }
}

/// How many articles' readings are kept; the least recently read go first, as the
/// saved copies do (`browser::offline::LIMIT`).
pub const KEPT: usize = 50;

/// The stored readings, least recently read first. Stored as one line per article,
/// `slug date hash read_on` (`-` and `0` for an article with no history): a damaged
/// line is skipped, never a panic.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Readings(Vec<(Slug, Reading)>);

impl Readings {
    /// Reads the stored text; nothing stored, or nothing readable, is no readings.
    pub fn decode(text: Option<&str>) -> Readings {
        let lines = text.unwrap_or_default().lines();
        Readings(lines.filter_map(decode_line).collect())
    }

    pub fn encode(&self) -> String {
        let mut text = String::new();
        for (slug, Reading { version, read_on }) in &self.0 {
            let (date, hash) = match version.0 {
                Some((date, hash)) => (date.to_string(), hash.to_string()),
                None => ("-".into(), "0".into()),
            };
            text.push_str(&format!("{slug} {date} {hash} {read_on}\n"));
        }
        text
    }

    pub fn get(&self, slug: &Slug) -> Option<Reading> {
        let found = self.0.iter().find(|(each, _)| each == slug);
        found.map(|(_, reading)| *reading)
    }

    /// Stores `reading` as the most recent, dropping the oldest beyond [`KEPT`].
    pub fn put(&mut self, slug: &Slug, reading: Reading) {
        self.0.retain(|(each, _)| each != slug);
        self.0.push((slug.clone(), reading));
        let excess = self.0.len().saturating_sub(KEPT);
        self.0.drain(..excess);
    }
}

fn decode_line(line: &str) -> Option<(Slug, Reading)> {
    let mut fields = line.split(' ');
    let slug = Slug::parse(fields.next()?)?;
    let version = match (fields.next()?, fields.next()?) {
        ("-", _) => Version(None),
        (date, hash) => Version(Some((date.parse().ok()?, hash.parse().ok()?))),
    };
    let read_on = fields.next()?.parse().ok()?;
    Some((slug, Reading { version, read_on }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        text.parse().unwrap()
    }

    fn change(on: &str, summary: &str, kind: ChangeKind) -> Change {
        Change {
            date: date(on),
            summary: summary.into(),
            kind,
        }
    }

    /// The history of the copy first read: one update.
    fn first_copy() -> Vec<Change> {
        vec![change(
            "2025-01-10",
            "Rewrote the advice on rest.",
            ChangeKind::Update,
        )]
    }

    /// A newer copy: two updates and a correction made after the first copy.
    fn newer_copy() -> Vec<Change> {
        let mut changes = vec![
            change(
                "2025-03-02",
                "Added a section on sleep.",
                ChangeKind::Update,
            ),
            change("2025-02-20", "Corrected the dose.", ChangeKind::Correction),
            change("2025-02-01", "Clearer words.", ChangeKind::Update),
        ];
        changes.extend(first_copy());
        changes
    }

    fn read(changes: &[Change], on: &str) -> Option<Reading> {
        Some(Reading {
            version: Version::of(changes),
            read_on: date(on),
        })
    }

    #[test]
    fn a_first_reading_shows_nothing_and_is_stored_as_read_today() {
        let (notice, store) = decide(None, &first_copy(), date("2026-12-04"));
        assert_eq!(notice, None);
        assert_eq!(store, read(&first_copy(), "2026-12-04"));
    }

    #[test]
    fn the_same_copy_shows_nothing_and_moves_the_day_last_read() {
        let reading = read(&first_copy(), "2026-11-01");
        let (notice, store) = decide(reading, &first_copy(), date("2026-12-04"));
        assert_eq!(notice, None);
        assert_eq!(store, read(&first_copy(), "2026-12-04"));
        // Read again the same day: nothing to write.
        let today = read(&first_copy(), "2026-12-04");
        assert_eq!(
            decide(today, &first_copy(), date("2026-12-04")),
            (None, None)
        );
    }

    #[test]
    fn a_newer_copy_lists_what_changed_since_corrections_first_then_newest_first() {
        let reading = read(&first_copy(), "2026-11-01");
        let (notice, store) = decide(reading, &newer_copy(), date("2026-12-04"));
        let notice = notice.expect("a notice");
        assert_eq!(notice.read_on, date("2026-11-01"));
        let summaries: Vec<&str> = notice.changes.iter().map(|c| c.summary.as_str()).collect();
        assert_eq!(
            summaries,
            [
                "Corrected the dose.",
                "Added a section on sleep.",
                "Clearer words."
            ]
        );
        // The reading stays until the reader dismisses the notice: it shows again.
        assert_eq!(store, None);
    }

    #[test]
    fn a_dismissed_notice_does_not_come_back_until_a_newer_change() {
        let after_dismissing = Some(dismissed(&newer_copy(), date("2026-12-04")));
        let (notice, _) = decide(after_dismissing, &newer_copy(), date("2026-12-05"));
        assert_eq!(notice, None);

        let mut newest = vec![change(
            "2025-04-01",
            "Corrected a reference.",
            ChangeKind::Correction,
        )];
        newest.extend(newer_copy());
        let (notice, _) = decide(after_dismissing, &newest, date("2026-12-06"));
        let notice = notice.expect("a notice of the newer change");
        assert_eq!(notice.read_on, date("2026-12-04"));
        assert_eq!(notice.changes, newest[..1]);
    }

    #[test]
    fn two_changes_of_one_day_are_told_apart_by_their_summaries() {
        let morning = vec![change("2025-01-10", "Morning.", ChangeKind::Update)];
        let mut evening = vec![change("2025-01-10", "Evening.", ChangeKind::Correction)];
        evening.extend(morning.clone());
        let (notice, _) = decide(read(&morning, "2025-01-10"), &evening, date("2025-01-11"));
        assert_eq!(
            notice.map(|notice| notice.changes),
            Some(evening[..1].to_vec())
        );
    }

    #[test]
    fn a_copy_read_with_no_history_lists_every_entry_of_the_newer_one() {
        let (notice, _) = decide(read(&[], "2026-11-01"), &first_copy(), date("2026-12-04"));
        assert_eq!(notice.map(|notice| notice.changes), Some(first_copy()));
    }

    #[test]
    fn a_rewritten_history_lists_only_entries_of_a_later_day() {
        let reading = read(
            &[change(
                "2025-02-01",
                "Words since reworded.",
                ChangeKind::Update,
            )],
            "2026-11-01",
        );
        let (notice, _) = decide(reading, &newer_copy(), date("2026-12-04"));
        let summaries: Vec<String> = notice
            .map(|notice| notice.changes.into_iter().map(|c| c.summary).collect())
            .unwrap_or_default();
        assert_eq!(
            summaries,
            ["Corrected the dose.", "Added a section on sleep."]
        );
        // A history that only lost entries has nothing new to say: read as it is now.
        let (notice, store) = decide(reading, &[], date("2026-12-04"));
        assert_eq!((notice, store), (None, read(&[], "2026-12-04")));
    }

    #[test]
    fn readings_are_stored_as_lines_and_damage_is_skipped_not_a_panic() {
        let slug = |text| Slug::parse(text).unwrap();
        let mut readings = Readings::default();
        readings.put(&slug("a"), read(&first_copy(), "2026-11-01").unwrap());
        readings.put(&slug("b"), read(&[], "2026-11-02").unwrap());
        let text = readings.encode();
        assert!(text.ends_with("b - 0 2026-11-02\n"), "{text}");
        assert_eq!(Readings::decode(Some(&text)), readings);

        let damaged = format!("Bad Slug - 0 2026-01-01\nc 2026-13-01 1 2026-01-01\nc 2026-01-01 ff 2026-01-01\nd\n{text}x");
        assert_eq!(Readings::decode(Some(&damaged)), readings);
        assert_eq!(Readings::decode(None), Readings::default());
    }

    #[test]
    fn readings_keep_the_most_recently_read_articles() {
        let mut readings = Readings::default();
        let reading = read(&[], "2026-11-01").unwrap();
        for n in 0..=KEPT {
            readings.put(&Slug::parse(&format!("a{n}")).unwrap(), reading);
        }
        // Reading the oldest again keeps it.
        readings.put(&Slug::parse("a1").unwrap(), reading);
        readings.put(&Slug::parse("new").unwrap(), reading);
        assert_eq!(readings.0.len(), KEPT);
        assert_eq!(readings.get(&Slug::parse("a0").unwrap()), None);
        assert_eq!(readings.get(&Slug::parse("a2").unwrap()), None);
        assert_eq!(readings.get(&Slug::parse("a1").unwrap()), Some(reading));
    }
}

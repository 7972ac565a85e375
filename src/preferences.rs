//! The reader's own choices: audience, language, text size and theme. One typed record, one
//! reducer, and the codec of the record kept in localStorage. Native-testable: the
//! browser side (`browser::storage`) only moves strings in and out.
//!
//! Longer than 300 lines: the stored record's codec, with a test for each repair and
//! migration it makes.

use std::rc::Rc;

use yew::Reducible;

use crate::json::{self, Decode, Reader};
use crate::model::{Audience, Language};

/// The localStorage key. Its `/v1` names the layout family; the record's own
/// `version` field says which revision of it was written.
pub const STORAGE_KEY: &str = "article-widget/v1";

/// The stored record's field names, which the loader reads too (`site::contract`).
pub mod field {
    pub const AUDIENCE: &str = "audience";
    pub const LANGUAGE: &str = "language";
    pub const TEXT_SIZE: &str = "text_size";
    pub const THEME: &str = "theme";
    /// Every field, for the contract.
    pub const ALL: [&str; 4] = [AUDIENCE, LANGUAGE, TEXT_SIZE, THEME];
}

/// The revision of the stored record this build writes.
pub const SCHEMA_VERSION: u64 = 2;

crate::closed_enum! {
    /// How large the article's text is.
    #[derive(Default)]
    pub enum TextSize("text size") {
        #[default]
        Normal = "normal",
        Large = "large",
        Larger = "larger",
    }
}

crate::closed_enum! {
    /// The widget's colours.
    #[derive(Default)]
    pub enum Theme("theme") {
        /// Follow the host page, else the reader's system setting (`prefers-color-scheme`).
        #[default]
        Auto = "auto",
        Light = "light",
        Dark = "dark",
    }
}

/// What the reader chose. `audience` is `None` until they choose one: then the host
/// page's setting, and after it the article's default, decide. `language` likewise
/// until they choose to read a translation: then the host page's, and after it the
/// publisher's, decide.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Preferences {
    pub audience: Option<Audience>,
    /// Since revision 2 of the stored record.
    pub language: Option<Language>,
    pub text_size: TextSize,
    pub theme: Theme,
}

impl Preferences {
    /// The theme to show: the reader's, unless they left it on auto; then the host
    /// page's, else auto (which follows the page and the system).
    pub fn effective_theme(&self, host: Option<Theme>) -> Theme {
        match (self.theme, host) {
            (Theme::Auto, Some(host)) => host,
            (theme, _) => theme,
        }
    }

    /// The audience to show: the reader's choice, then the host page's, then the
    /// article's default.
    pub fn effective_audience(
        &self,
        host: Option<Audience>,
        article_default: Audience,
    ) -> Audience {
        self.audience.or(host).unwrap_or(article_default)
    }
}

pub enum PreferencesAction {
    ChooseAudience(Audience),
    /// The reader chose to read the article in another language.
    ChooseLanguage(Language),
    SetTextSize(TextSize),
    SetTheme(Theme),
    /// Another widget on this page, or another tab, stored new preferences.
    Sync(Preferences),
}

impl Reducible for Preferences {
    type Action = PreferencesAction;

    fn reduce(self: Rc<Self>, action: Self::Action) -> Rc<Self> {
        let mut next = *self;
        match action {
            PreferencesAction::ChooseAudience(audience) => next.audience = Some(audience),
            PreferencesAction::ChooseLanguage(language) => next.language = Some(language),
            PreferencesAction::SetTextSize(text_size) => next.text_size = text_size,
            PreferencesAction::SetTheme(theme) => next.theme = theme,
            PreferencesAction::Sync(preferences) => next = preferences,
        }
        // Returning the same Rc tells Yew nothing changed, which ends sync echoes.
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

/// Encodes preferences as the record stored under [`STORAGE_KEY`]: the revision, then
/// each choice by its one name, `null` where the reader made none.
pub fn encode(preferences: &Preferences) -> String {
    let name = |name: Option<&str>| name.map_or("null".to_owned(), |name| format!("\"{name}\""));
    format!(
        r#"{{"version":{SCHEMA_VERSION},"{}":{},"{}":{},"{}":"{}","{}":"{}"}}"#,
        field::AUDIENCE,
        name(preferences.audience.map(Audience::as_str)),
        field::LANGUAGE,
        name(preferences.language.map(Language::as_str)),
        field::TEXT_SIZE,
        preferences.text_size,
        field::THEME,
        preferences.theme,
    )
}

/// What reading the stored record gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub preferences: Preferences,
    /// Whether the stored record should be rewritten: it was repaired or migrated.
    pub needs_rewrite: bool,
    /// What was wrong with the record, for the console.
    pub problems: Vec<String>,
}

/// Reads a stored record. Never fails: garbage gives defaults, a bad field gives that
/// field's default, an unknown audience is forgotten, and an older revision is migrated.
pub fn decode(stored: Option<&str>) -> Decoded {
    let mut decoded = Decoded {
        preferences: Preferences::default(),
        needs_rewrite: false,
        problems: Vec::new(),
    };
    let Some(stored) = stored else {
        return decoded;
    };
    let Some(record) = fields_of(stored) else {
        decoded.needs_rewrite = true;
        decoded
            .problems
            .push("stored preferences are not a JSON object; using defaults".into());
        return decoded;
    };

    let version = match field_text(&record, "version") {
        None => 0,
        Some(text) => json::from_str::<u64>(text).unwrap_or_else(|_| {
            decoded.needs_rewrite = true;
            decoded.problems.push(format!(
                "stored version {text} is not a number; reading it as the current one"
            ));
            SCHEMA_VERSION
        }),
    };
    if version < SCHEMA_VERSION {
        // Revision 0 is a record without a `version` field, with the fields of
        // revision 1; revision 2 added `language`, which a record from before cannot
        // hold: read as no choice of language. Rewritten in the current revision.
        decoded.needs_rewrite = true;
    } else if version > SCHEMA_VERSION {
        // Written by a newer widget: read what we understand, and do not overwrite
        // the record unless the reader changes something.
        decoded.problems.push(format!(
            "stored version {version} is newer than this widget's {SCHEMA_VERSION}"
        ));
    }

    decoded.preferences.audience = read_field(&mut decoded, &record, field::AUDIENCE).flatten();
    decoded.preferences.language = read_field(&mut decoded, &record, field::LANGUAGE).flatten();
    if let Some(text_size) = read_field(&mut decoded, &record, field::TEXT_SIZE).flatten() {
        decoded.preferences.text_size = text_size;
    }
    if let Some(theme) = read_field(&mut decoded, &record, field::THEME).flatten() {
        decoded.preferences.theme = theme;
    }
    decoded
}

/// The record's fields, each as the JSON text of its value, so that each is read on
/// its own and a bad one loses only itself; `None` when the record is no JSON object.
/// A handful of fields: a list, searched from its end, so a repeated name's last value
/// counts, as in any JSON reader.
fn fields_of(stored: &str) -> Option<Vec<(String, &str)>> {
    let mut reader = Reader::new(stored);
    let mut fields = Vec::new();
    // `object` refuses anything but an object itself.
    reader
        .object(&mut |reader, key| {
            fields.push((key.to_owned(), reader.raw()?));
            Ok(())
        })
        .ok()?;
    reader.end().ok()?;
    Some(fields)
}

/// The JSON text of the record's field `name`: its last, if it is repeated.
fn field_text<'a>(record: &[(String, &'a str)], name: &str) -> Option<&'a str> {
    record
        .iter()
        .rev()
        .find_map(|(field, text)| (field == name).then_some(*text))
}

/// One field of the record: `None` when absent or unreadable (noted as a problem).
fn read_field<T: Decode>(
    decoded: &mut Decoded,
    record: &[(String, &str)],
    name: &str,
) -> Option<Option<T>> {
    let text = field_text(record, name)?;
    match json::from_str::<Option<T>>(text) {
        Ok(value) => Some(value),
        Err(_) => {
            decoded.needs_rewrite = true;
            decoded.problems.push(format!(
                "stored {name} {text} is not valid; using the default"
            ));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reduce(preferences: Preferences, action: PreferencesAction) -> Preferences {
        *Rc::new(preferences).reduce(action)
    }

    #[test]
    fn the_reducer_applies_each_action() {
        let chosen = reduce(
            Preferences::default(),
            PreferencesAction::ChooseAudience(Audience::Caregiver),
        );
        assert_eq!(chosen.audience, Some(Audience::Caregiver));
        let larger = reduce(chosen, PreferencesAction::SetTextSize(TextSize::Larger));
        assert_eq!(larger.text_size, TextSize::Larger);
        assert_eq!(larger.audience, Some(Audience::Caregiver));
        let dark = reduce(larger, PreferencesAction::SetTheme(Theme::Dark));
        assert_eq!(dark.theme, Theme::Dark);
        let spanish = reduce(dark, PreferencesAction::ChooseLanguage(Language::Spanish));
        assert_eq!(spanish.language, Some(Language::Spanish));
        assert_eq!(spanish.theme, Theme::Dark);
        let synced = reduce(spanish, PreferencesAction::Sync(Preferences::default()));
        assert_eq!(synced, Preferences::default());
    }

    #[test]
    fn the_readers_theme_wins_unless_auto_then_the_host_pages_then_auto() {
        use Theme::{Auto, Dark, Light};
        // (reader, host page) -> shown
        let table = [
            ((Auto, None), Auto),
            ((Auto, Some(Light)), Light),
            ((Auto, Some(Dark)), Dark),
            ((Auto, Some(Auto)), Auto),
            ((Light, None), Light),
            ((Light, Some(Light)), Light),
            ((Light, Some(Dark)), Light),
            ((Dark, None), Dark),
            ((Dark, Some(Light)), Dark),
            ((Dark, Some(Dark)), Dark),
        ];
        for ((reader, host), shown) in table {
            let preferences = Preferences {
                theme: reader,
                ..Preferences::default()
            };
            assert_eq!(
                preferences.effective_theme(host),
                shown,
                "reader {reader}, host {host:?}"
            );
        }
    }

    #[test]
    fn an_unchanged_state_is_the_same_rc_so_sync_echoes_stop() {
        let state = Rc::new(Preferences::default());
        let same = state
            .clone()
            .reduce(PreferencesAction::Sync(Preferences::default()));
        assert!(Rc::ptr_eq(&state, &same));
        let changed = state
            .clone()
            .reduce(PreferencesAction::SetTheme(Theme::Light));
        assert!(!Rc::ptr_eq(&state, &changed));
    }

    #[test]
    fn precedence_is_reader_then_host_then_article() {
        let mut preferences = Preferences::default();
        assert_eq!(
            preferences.effective_audience(None, Audience::Professional),
            Audience::Professional
        );
        assert_eq!(
            preferences.effective_audience(Some(Audience::Patient), Audience::Professional),
            Audience::Patient
        );
        preferences.audience = Some(Audience::Caregiver);
        assert_eq!(
            preferences.effective_audience(Some(Audience::Patient), Audience::Professional),
            Audience::Caregiver
        );
    }

    #[test]
    fn records_round_trip() {
        let preferences = Preferences {
            audience: Some(Audience::Patient),
            language: Some(Language::Spanish),
            text_size: TextSize::Large,
            theme: Theme::Dark,
        };
        let stored = encode(&preferences);
        assert_eq!(
            stored,
            r#"{"version":2,"audience":"patient","language":"es","text_size":"large","theme":"dark"}"#
        );
        let decoded = decode(Some(&stored));
        assert_eq!(decoded.preferences, preferences);
        assert!(!decoded.needs_rewrite);
        assert!(decoded.problems.is_empty());
    }

    #[test]
    fn nothing_stored_gives_defaults_without_rewriting() {
        assert_eq!(
            decode(None),
            Decoded {
                preferences: Preferences::default(),
                needs_rewrite: false,
                problems: vec![]
            }
        );
    }

    #[test]
    fn garbage_gives_defaults_and_is_rewritten() {
        for garbage in [
            "",
            "not json",
            "{",
            "[1,2]",
            "42",
            "\"patient\"",
            "null",
            "true",
        ] {
            let decoded = decode(Some(garbage));
            assert_eq!(decoded.preferences, Preferences::default(), "{garbage:?}");
            assert!(decoded.needs_rewrite, "{garbage:?}");
            assert_eq!(decoded.problems.len(), 1, "{garbage:?}");
        }
    }

    #[test]
    fn a_bad_field_loses_only_itself() {
        let decoded = decode(Some(
            r#"{"version":1,"audience":"caregiver","text_size":7,"theme":"dark"}"#,
        ));
        assert_eq!(
            decoded.preferences,
            Preferences {
                audience: Some(Audience::Caregiver),
                language: None,
                text_size: TextSize::Normal,
                theme: Theme::Dark
            }
        );
        assert!(decoded.needs_rewrite);

        let decoded = decode(Some(
            r#"{"version":1,"audience":["patient"],"text_size":"huge","theme":null}"#,
        ));
        assert_eq!(decoded.preferences, Preferences::default());
        assert_eq!(decoded.problems.len(), 2, "{:?}", decoded.problems);
    }

    #[test]
    fn an_unknown_audience_is_forgotten_and_the_rest_kept() {
        let decoded = decode(Some(
            r#"{"version":2,"audience":"doctor","text_size":"larger","theme":"light"}"#,
        ));
        assert_eq!(decoded.preferences.audience, None);
        assert_eq!(decoded.preferences.text_size, TextSize::Larger);
        assert_eq!(decoded.preferences.theme, Theme::Light);
        assert!(decoded.needs_rewrite);
        assert!(decoded.problems[0].contains("doctor"));
    }

    #[test]
    fn an_unversioned_record_is_migrated_to_the_current_version() {
        let decoded = decode(Some(r#"{"audience":"professional","theme":"dark"}"#));
        assert_eq!(decoded.preferences.audience, Some(Audience::Professional));
        assert_eq!(decoded.preferences.theme, Theme::Dark);
        assert!(
            decoded.needs_rewrite,
            "a migrated record is written back in the current layout"
        );
        assert!(encode(&decoded.preferences).starts_with(r#"{"version":2,"#));
    }

    #[test]
    fn a_revision_1_record_is_migrated_to_2_keeping_every_choice() {
        let decoded = decode(Some(
            r#"{"version":1,"audience":"caregiver","text_size":"larger","theme":"dark"}"#,
        ));
        assert_eq!(
            decoded.preferences,
            Preferences {
                audience: Some(Audience::Caregiver),
                language: None,
                text_size: TextSize::Larger,
                theme: Theme::Dark,
            }
        );
        assert!(decoded.needs_rewrite, "written back as revision 2");
        assert!(decoded.problems.is_empty(), "{:?}", decoded.problems);
        assert_eq!(
            encode(&decoded.preferences),
            r#"{"version":2,"audience":"caregiver","language":null,"text_size":"larger","theme":"dark"}"#
        );
    }

    #[test]
    fn a_language_the_widget_does_not_speak_is_forgotten_and_the_rest_kept() {
        let decoded = decode(Some(r#"{"version":2,"language":"fr","theme":"light"}"#));
        assert_eq!(decoded.preferences.language, None);
        assert_eq!(decoded.preferences.theme, Theme::Light);
        assert!(decoded.needs_rewrite);
        assert!(decoded.problems[0].contains("fr"));
    }

    #[test]
    fn a_newer_record_is_read_but_not_rewritten() {
        let decoded = decode(Some(r#"{"version":7,"audience":"patient","font":"serif"}"#));
        assert_eq!(decoded.preferences.audience, Some(Audience::Patient));
        assert!(!decoded.needs_rewrite);
    }

    #[test]
    fn a_version_of_the_wrong_type_is_read_as_current() {
        let decoded = decode(Some(r#"{"version":"1","audience":"caregiver"}"#));
        assert_eq!(decoded.preferences.audience, Some(Audience::Caregiver));
        assert!(decoded.needs_rewrite);
    }
}

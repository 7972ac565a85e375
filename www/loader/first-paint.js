// What a widget shows before its Wasm runs: which audience's prerendered page, in which
// theme and text size, and whether the reader's language lets it show at all. The
// widget's own rule is `config::first_paint` in the Rust; this is the loader's copy of
// it, held to the same answers by tests/loader/first-paint.test.mjs over the cases the
// Rust writes (src/site/contract.rs). Pure: the caller reads storage and the DOM.

import {
  AUDIENCES,
  LANGUAGES,
  PREFERENCE_AUDIENCE,
  PREFERENCE_LANGUAGE,
  PREFERENCE_TEXT_SIZE,
  PREFERENCE_THEME,
  TEXT_SIZES,
  THEMES,
} from '../contract.js';

const [DEFAULT_THEME] = THEMES;
const [DEFAULT_TEXT_SIZE] = TEXT_SIZES;

/** `value` when it is one of `names` (compared as the widget's enums read them). */
function named(names, value) {
  return typeof value === 'string' && names.includes(value) ? value : null;
}

/** A language tag's primary subtag, when the widget speaks it (`es-MX` is `es`). */
export function languageOfTag(tag) {
  if (typeof tag !== 'string') return null;
  const primary = tag.trim().split(/[-_]/)[0].toLowerCase();
  return named(LANGUAGES, primary);
}

/**
 * The reader's stored choices, as the widget reads its record: each field on its own,
 * a bad one read as no choice; anything but a JSON object as no choices at all.
 */
export function storedChoices(text) {
  let record = null;
  try {
    record = typeof text === 'string' ? JSON.parse(text) : null;
  } catch {
    record = null;
  }
  if (!record || typeof record !== 'object' || Array.isArray(record)) record = {};
  const field = (name) => (Object.hasOwn(record, name) ? record[name] : null);
  return {
    audience: named(AUDIENCES, field(PREFERENCE_AUDIENCE)),
    language: named(LANGUAGES, field(PREFERENCE_LANGUAGE)),
    theme: named(THEMES, field(PREFERENCE_THEME)) || DEFAULT_THEME,
    textSize: named(TEXT_SIZES, field(PREFERENCE_TEXT_SIZE)) || DEFAULT_TEXT_SIZE,
  };
}

/**
 * The first paint: `stored` is the stored record's text (or null), `host` the host's
 * `data-audience`, `data-theme` and `data-lang` (each text or null), `pageLang` the
 * page's `lang` around the host. `audience` and `language` are null when the article's
 * data decides (its default audience, its publisher's language).
 */
export function firstPaint(stored, host, pageLang) {
  const choices = storedChoices(stored);
  const hostAudience = named(AUDIENCES, typeof host.audience === 'string' ? host.audience.trim() : null);
  const hostTheme = named(THEMES, typeof host.theme === 'string' ? host.theme.trim() : null);
  const hostLanguage = languageOfTag(host.lang);
  return {
    audience: choices.audience || hostAudience,
    language: choices.language || hostLanguage || languageOfTag(pageLang),
    // The reader's theme, unless they left it on the default (auto): then the host's.
    theme: choices.theme === DEFAULT_THEME && hostTheme ? hostTheme : choices.theme,
    textSize: choices.textSize,
  };
}

// An audience chosen in the prerendered page, before the widget's Wasm has taken it
// over (docs/static-first.md): what the scripts that show that page first (embed.js on a
// partner's page, the app shell on the publisher's) decide when the reader picks one.
// Pure: they read and write the DOM and storage themselves. Beside contract.js, whose
// names it imports, both in www/ and in the built site, where the app shell imports it.

import { AUDIENCES, AUDIENCE_CONTROL, PREFERENCES_REVISION, PREFERENCE_AUDIENCE } from './contract.js';

/** The audience a changed control of the prerendered page chose, or null for any other. */
export function audienceChosen(name, value) {
  return name === AUDIENCE_CONTROL && AUDIENCES.includes(value) ? value : null;
}

/**
 * The stored record (its text, or null) with the audience given as the reader's choice,
 * as the text to store: every other choice and field kept as it was; a record that is
 * not a JSON object starts afresh, as the widget would read it.
 */
export function withAudience(stored, audience) {
  let record = null;
  try {
    record = typeof stored === 'string' ? JSON.parse(stored) : null;
  } catch {
    record = null;
  }
  if (!record || typeof record !== 'object' || Array.isArray(record)) record = { version: PREFERENCES_REVISION };
  return JSON.stringify({ ...record, [PREFERENCE_AUDIENCE]: audience });
}

/**
 * Of the prerendered page's links to each audience's page (absolute URLs, the build's
 * `.audience-links`), the one to the audience given: its last folder is that audience's name.
 */
export function audiencePage(links, audience) {
  return links.find((link) => new URL(link).pathname.endsWith(`/${audience}/`)) || null;
}

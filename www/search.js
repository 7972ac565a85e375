// The widget's search adapter: a module beside the build's Pagefind index
// (articles/search/, written by xtask/build-search-index.mjs), which the widget imports
// the first time a reader searches (src/browser/search.rs). It asks Pagefind and
// answers in the widget's own form (src/model/search.rs; docs/formats.md, "Handing
// search to a hosted engine"): the results' catalog entries, as a page of the catalog has them, and
// beside each an excerpt as runs of plain text, a word found marked by a flag, never by
// markup, so that the widget shows it as text.

import * as pagefind from './pagefind.js';

// Words of context an excerpt shows around the first word found.
const EXCERPT_WORDS = 30;

// How long typing must pause before a search starts, so that searches of a large
// catalog do not queue up behind each other, one per keystroke. Every keystroke waits
// it: at 10,000 realistic articles, 30 ms rather than 100 took keystroke → results from
// p50 150 ms and p95 1,868 ms to 71 ms and 1,031 ms (docs/scale.md).
const PAUSE_MS = 30;

let ready = null;

function start() {
  // No worker: a worker must come from the page's own origin, and on a partner's page
  // this module does not. On the publisher's own page one could, but measured at 10,000
  // articles it was slower (keystroke → results p50 692 ms against 416 ms on the main
  // thread): its messages add to each search, on two shared cores.
  ready ??= pagefind
    .options({ basePath: new URL('./', import.meta.url).href, noWorker: true })
    .then(() => pagefind.init());
  return ready;
}

/**
 * Page `page` (from 1, `perPage` a page) of the articles holding the words of `query`
 * (none: every article), with a variant for `audience` and written in `lang`, each if
 * given; as JSON text, `{ total, articles, excerpts }`; `null` when a later call
 * took its place while typing paused.
 */
export async function search(query, audience, lang, page, perPage) {
  await start();
  const filters = {};
  if (audience) filters.audience = [audience];
  if (lang) filters.lang = [lang];
  const words = query.trim();
  // Filters alone list every article they keep, newest first, as the catalog does.
  const options = words ? { filters } : { filters, sort: { updated: 'desc' } };
  const found = await pagefind.debouncedSearch(words || null, options, PAUSE_MS);
  // A later search took this one's place: the widget has dropped it already.
  if (found === null) return null;
  const first = (page - 1) * perPage;
  const data = await Promise.all(found.results.slice(first, first + perPage).map((result) => result.data()));
  return JSON.stringify({
    total: found.results.length,
    articles: data.map((each) => entryOf(each.meta)),
    excerpts: data.map((each) => (words ? excerptOf(each) : [])),
  });
}

/** The catalog entry a record's meta holds (xtask/build-search-index.mjs). */
function entryOf(meta) {
  const entry = {
    slug: meta.slug,
    question: meta.question,
    updated: meta.updated,
    review_status: meta.review_status,
    audiences: meta.audiences ? meta.audiences.split(',') : [],
  };
  if (meta.lang) entry.lang = meta.lang;
  return entry;
}

/**
 * The passage around the first word found, as runs of text. Pagefind counts a
 * record's words by splitting its text on white space; `locations` are the indexes of
 * the words found among them.
 */
function excerptOf(data) {
  const words = data.content.split(/[\r\n\s]+/g);
  const found = new Set(data.locations);
  const firstFound = data.locations.length ? Math.min(...data.locations) : 0;
  const start = Math.max(0, Math.min(firstFound - 8, words.length - EXCERPT_WORDS));
  const runs = [];
  if (start > 0) runs.push({ text: '… ' });
  for (let index = start; index < Math.min(words.length, start + EXCERPT_WORDS); index += 1) {
    const text = index > start ? ` ${words[index]}` : words[index];
    const matched = found.has(index);
    const last = runs[runs.length - 1];
    if (matched) {
      if (index > start) runs.push({ text: ' ' });
      runs.push({ text: words[index], match: true });
    } else if (last && !last.match) {
      last.text += text;
    } else {
      runs.push({ text });
    }
  }
  if (start + EXCERPT_WORDS < words.length) runs.push({ text: ' …' });
  return runs;
}

// The widget's search adapter: a module beside the build's Pagefind index
// (articles/search/, written by xtask/build-search-index.mjs), which the widget imports
// the first time a reader searches (src/browser/search.rs). It asks Pagefind and
// answers in the widget's own form (src/model/search.rs; README, "Beyond one
// machine"): each result is a catalog entry and an excerpt as runs of plain text, a
// word found marked by a flag, never by markup, so that the widget shows it as text.

import * as pagefind from './pagefind.js';

// Words of context an excerpt shows around the first word found.
const EXCERPT_WORDS = 30;

let ready = null;

function start() {
  // No worker: a worker must come from the page's own origin, and on a partner's page
  // this module does not. Pagefind then searches on the main thread, chunk by chunk.
  ready ??= pagefind
    .options({ basePath: new URL('./', import.meta.url).href, noWorker: true })
    .then(() => pagefind.init());
  return ready;
}

/** One page of results for a request, `{query, filters, page, per_page}`, as JSON text. */
export async function search(requestText) {
  const request = JSON.parse(requestText);
  await start();
  const query = request.query.trim();
  // Filters alone list every article they keep, newest first, as the catalog does.
  const found = query
    ? await pagefind.search(query, { filters: request.filters })
    : await pagefind.search(null, { filters: request.filters, sort: { updated: 'desc' } });
  const first = (request.page - 1) * request.per_page;
  const shown = found.results.slice(first, first + request.per_page);
  const data = await Promise.all(shown.map((result) => result.data()));
  return JSON.stringify({
    total: found.results.length,
    page: request.page,
    per_page: request.per_page,
    results: data.map((each) => ({ entry: entryOf(each.meta), excerpt: query ? excerptOf(each) : [] })),
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

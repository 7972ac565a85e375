// The publisher's own page as an installable offline app: registers the service worker
// (sw.js, generated at build time by xtask/build-service-worker.mjs), offers to save
// every article (or the ones the widget's search found) for offline use, saying how many
// and how much before it starts, and offers "Update available, reload" when a new build
// is waiting, instead of swapping code under the reader. Partner pages never load this.

// The names this script shares with the widget and the service worker come from the
// contract the Rust writes (src/site/contract.rs): the service worker's cache of
// articles, which saving every article fills directly; its cache of pages; the header
// that dates a kept copy; what a slug is.
import {
  APP_ARTICLE_CACHE,
  AUDIENCE_CONTROL,
  APP_PAGE_CACHE,
  EARLY_CHOICE_SHOWN,
  APP_SHELL_TEXT,
  LANGUAGES,
  PREFERENCE_LANGUAGE,
  SAVED_ON_HEADER,
  SLUG_PATTERN,
  STORAGE_KEY,
  URL_ATTRIBUTES,
} from './contract.js';
import { audienceChosen, audiencePage, withAudience } from './early-choice.js';

// The site's root: this script is served from it, whichever page loads it.
const SITE = new URL('.', import.meta.url);

// Above this many bytes, saving asks first, inside the page: one tap on a button must
// never start a download of hundreds of megabytes on a reader's metered connection or
// small phone. A catalog of a few thousand articles stays below it.
const ASK_ABOVE_BYTES = 50 * 1000 * 1000;
// How many articles are fetched at once: enough to hide each request's latency, few
// enough to leave the connection to what the reader is reading meanwhile.
const PARALLEL_SAVES = 4;
// A slug, as the build allows it: the only names saved.
const SLUG = new RegExp(SLUG_PATTERN);

// The reader's language: the one they chose in the widget, else the page's (the
// article's), else the widget's first. The words are the widget's own message catalog's
// (messages::AppShellWords), through the contract.
const LANGUAGE = readerLanguage();
const WORDS = APP_SHELL_TEXT[LANGUAGE];

const saveTools = document.getElementById('offline-tools');
const saveAllButton = document.getElementById('save-all');
const saveResultsButton = document.getElementById('save-results');
const resultsLabel = document.getElementById('save-results-label');
const stopButton = document.getElementById('save-stop');
const saveConfirm = document.getElementById('save-confirm');
const saveProgress = document.getElementById('save-progress');
const saveStatus = document.getElementById('save-status');
const updatePrompt = document.getElementById('update-prompt');

// What index.json says of the whole catalog (see readCatalog), once read.
let catalogSize = null;
// The articles the widget last listed (its search results), to save on their own.
let results = null;
// Set by "Stop saving": the save under way ends after the articles already asked for.
let stopRequested = false;

speakTheReadersLanguage();
offerCopyButtons();
rememberEarlyChoice();

if ('serviceWorker' in navigator && window.caches) {
  // Listened for from the start, so that results shown before the worker is ready count.
  document.addEventListener('article-widget:results', (event) => heardResults(event.detail));
  start().catch((error) => console.error(`article-widget: offline app: ${error}`));
}

async function start() {
  const registration = await navigator.serviceWorker.register(new URL('sw.js', SITE));
  // The page that installed the worker was loaded before it: keep it for offline too.
  if (!navigator.serviceWorker.controller) {
    caches
      .open(APP_PAGE_CACHE)
      .then((cache) => cache.add(window.location.href))
      .catch(() => {});
  }
  saveTools.hidden = false;
  saveAllButton.addEventListener('click', () => saveAll());
  saveResultsButton.addEventListener('click', () => saveResults());
  stopButton.addEventListener('click', () => {
    stopRequested = true;
    stopButton.disabled = true;
  });
  // Say how many articles and how much before anyone asks; the click reads it again.
  readCatalog()
    .then(describeCatalog)
    .catch((error) => console.error(`article-widget: offline app: the catalog: ${error}`));

  // A new build: offer it once it is installed, only if this page already runs an
  // older one (the very first install just takes over, see clientsClaim).
  const offerIfWaiting = () => {
    if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting);
  };
  offerIfWaiting();
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed') offerIfWaiting();
    });
  });
  // Readers keep the page open for long: look for a new build when they come back.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') registration.update().catch(() => {});
  });
}

function offerUpdate(waiting) {
  if (updatePrompt.childElementCount > 0) return;
  const text = document.createElement('p');
  text.textContent = WORDS.update_ready;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = WORDS.update_reload;
  button.addEventListener('click', () => {
    button.disabled = true;
    // Reload once the new worker controls the page, so page and code match.
    navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
    waiting.postMessage({ type: 'SKIP_WAITING' });
  });
  updatePrompt.append(text, button);
  updatePrompt.hidden = false;
}

/**
 * What `articles/index.json`, the catalog's first page, says of the whole: its first
 * entries, how many articles, how many bytes their data is (`null` when it does not
 * say: a catalog built before it was paged), and how many pages.
 */
async function readCatalog() {
  const response = await fetch(new URL('articles/index.json', SITE));
  if (!response.ok) throw new Error(`the catalog answered ${response.status}`);
  const index = await response.json();
  const first = Array.isArray(index.articles) ? index.articles : [];
  // A catalog written whole holds every entry and has no `total` (see Catalog::total).
  const total = Math.max(Number.isInteger(index.total) ? index.total : 0, first.length);
  const pageSize = Number.isInteger(index.page_size) && index.page_size > 0 ? index.page_size : total;
  const bytes = Number.isFinite(index.data_bytes) && index.data_bytes > 0 ? index.data_bytes : null;
  const pageCount = pageSize > 0 ? Math.max(1, Math.ceil(total / pageSize)) : 1;
  return { first, total, bytes, pageSize, pageCount };
}

/** Puts the number of articles and their size into the buttons' words. */
function describeCatalog(catalog) {
  catalogSize = catalog;
  const size = catalog.bytes === null ? '' : fill(WORDS.size, { size: formatBytes(catalog.bytes) });
  saveAllButton.textContent = fill(WORDS.save_all, { articles: articles(catalog.total), size });
  describeResults();
}

/** The widget listed these articles (`detail: { slugs, query }`): offer to save them. */
function heardResults(detail) {
  const slugs = Array.isArray(detail?.slugs) ? detail.slugs.filter((slug) => typeof slug === 'string' && SLUG.test(slug)) : [];
  // The widget says which words it searched (none: a page of the catalog).
  const query = typeof detail?.query === 'string' ? detail.query.trim() : '';
  const label = query === '' ? WORDS.listed : fill(WORDS.results_for, { query });
  results = slugs.length === 0 ? null : { slugs: [...new Set(slugs)], label };
  describeResults();
}

function describeResults() {
  saveResultsButton.hidden = results === null;
  resultsLabel.hidden = results === null || results.label === '';
  if (results === null) return;
  const bytes = estimatedBytes(results.slugs.length);
  const size = bytes === null ? '' : fill(WORDS.about_size, { size: formatBytes(bytes) });
  saveResultsButton.textContent = fill(WORDS.save_these, { articles: articles(results.slugs.length), size });
  resultsLabel.textContent = results.label;
}

/** The size of `count` articles' data, from the catalog's average, when it says its size. */
function estimatedBytes(count) {
  if (catalogSize === null || catalogSize.bytes === null || catalogSize.total === 0) return null;
  return Math.round((catalogSize.bytes / catalogSize.total) * count);
}

/** Saves every article of the catalog, walking its pages, and the pages themselves. */
async function saveAll() {
  await saving(async () => {
    const catalog = await readCatalog();
    describeCatalog(catalog);
    if (!(await mayDownload(catalog.total, catalog.bytes))) return null;
    const cache = await caches.open(APP_ARTICLE_CACHE);
    const tally = startTally(catalog.total);
    for (let page = 1; page <= catalog.pageCount && !stopRequested; page += 1) {
      const entries = page === 1 ? catalog.first : await savePage(cache, page);
      if (entries === null) {
        // The page could not be read: its articles are not saved, and are counted so.
        tally.count(false, Math.min(catalog.pageSize, catalog.total - (page - 1) * catalog.pageSize));
        continue;
      }
      await saveArticles(cache, entries.map((entry) => entry.slug), tally);
    }
    return tally;
  }, WORDS.all_saved);
}

/** Saves the articles the widget last listed. */
async function saveResults() {
  const chosen = results;
  if (chosen === null) return;
  await saving(async () => {
    if (!(await mayDownload(chosen.slugs.length, estimatedBytes(chosen.slugs.length)))) return null;
    const cache = await caches.open(APP_ARTICLE_CACHE);
    const tally = startTally(chosen.slugs.length);
    await saveArticles(cache, chosen.slugs, tally);
    return tally;
  }, WORDS.these_saved);
}

/**
 * Runs one save (`save` returns its tally, or `null` when the reader said no) with the
 * buttons disabled and the progress shown, then tells the reader how it went.
 */
async function saving(save, savedWords) {
  const clicked = document.activeElement;
  stopRequested = false;
  stopButton.disabled = false;
  for (const button of [saveAllButton, saveResultsButton]) button.disabled = true;
  let tally = null;
  try {
    tally = await save();
    if (tally === null) {
      saveStatus.textContent = WORDS.nothing_downloaded;
      return;
    }
    const { total, saved, failed } = tally;
    if (stopRequested && saved + failed < total) {
      saveStatus.textContent = fill(WORDS.stopped, { saved: number(saved), articles: articles(total) });
    } else if (failed === 0) {
      saveStatus.textContent = fill(savedWords, { articles: articles(total) });
    } else {
      saveStatus.textContent = fill(WORDS.some_failed, { failed: number(failed), articles: articles(total) });
    }
  } catch (error) {
    console.error(`article-widget: save for offline use: ${error}`);
    saveStatus.textContent = WORDS.failed;
  } finally {
    for (const element of [saveProgress, stopButton, saveConfirm]) element.hidden = true;
    for (const button of [saveAllButton, saveResultsButton]) button.disabled = false;
    if (tally === null && saveTools.contains(clicked)) clicked.focus();
  }
}

/**
 * Whether `count` articles of `bytes` (`null`: not known) may be downloaded: at once
 * when small and known, else only once the reader says so in the page.
 */
async function mayDownload(count, bytes) {
  if (bytes !== null && bytes <= ASK_ABOVE_BYTES) return true;
  const question = saveConfirm.querySelector('p');
  const [download, cancel] = saveConfirm.querySelectorAll('button');
  question.textContent =
    bytes === null
      ? fill(WORDS.confirm_unknown, { articles: articles(count) })
      : fill(WORDS.confirm_size, { articles: articles(count), size: formatBytes(bytes) });
  download.textContent = bytes === null ? WORDS.download : fill(WORDS.download_size, { size: formatBytes(bytes) });
  saveConfirm.hidden = false;
  // The safe answer takes the focus; the question is the group's name, read with it.
  cancel.focus();
  const answered = new AbortController();
  const yes = await new Promise((resolve) => {
    download.addEventListener('click', () => resolve(true), { signal: answered.signal });
    cancel.addEventListener('click', () => resolve(false), { signal: answered.signal });
  });
  answered.abort();
  // The focus leaves the question: for "Stop saving" now, or the button clicked (saving).
  if (yes) stopButton.hidden = false;
  if (yes) stopButton.focus();
  saveConfirm.hidden = true;
  return yes;
}

/** Counts the articles saved and failed, and shows it; announced at most once a second. */
function startTally(total) {
  saveProgress.max = Math.max(total, 1);
  saveProgress.value = 0;
  saveProgress.hidden = false;
  stopButton.hidden = false;
  let announced = 0;
  const tally = {
    total,
    saved: 0,
    failed: 0,
    count(saved, howMany = 1) {
      tally[saved ? 'saved' : 'failed'] += howMany;
      const done = tally.saved + tally.failed;
      saveProgress.value = done;
      // A screen reader reads every change of the status: not thousands of them.
      if (done === 1 || done === total || Date.now() - announced >= 1000) {
        announced = Date.now();
        saveStatus.textContent = fill(WORDS.saving, { done: number(done), total: number(total) });
      }
    },
  };
  return tally;
}

/** Saves page `page` of the catalog (from 2 on) and returns its entries; `null` if it fails. */
async function savePage(cache, page) {
  const text = await fetchValid(new URL(`articles/catalog/${page}.json`, SITE).href, cache);
  const entries = text === null ? null : JSON.parse(text)?.articles;
  return Array.isArray(entries) ? entries : null;
}

/** Saves the articles `slugs`, a few at a time, counting each in `tally`. */
async function saveArticles(cache, slugs, tally) {
  let next = 0;
  const worker = async () => {
    while (next < slugs.length && !stopRequested) {
      const slug = slugs[next];
      next += 1;
      const saved = typeof slug === 'string' && SLUG.test(slug) && (await fetchValid(new URL(`articles/${slug}.json`, SITE).href, cache)) !== null;
      tally.count(saved);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_SAVES }, worker));
}

/** Fetches `url` into `cache` and returns its text; only a complete, valid JSON body is kept. */
async function fetchValid(url, cache) {
  try {
    const response = await fetch(url, { cache: 'no-cache' });
    if (!response.ok) return null;
    const text = await response.text();
    JSON.parse(text);
    // The day it was saved, which the widget shows when it opens the copy offline.
    const headers = new Headers(response.headers);
    headers.set(SAVED_ON_HEADER, new Date().toISOString().slice(0, 10));
    // The copy holds the decoded text: the coding and length it came with are not its.
    headers.delete('content-encoding');
    headers.delete('content-length');
    await cache.put(url, new Response(text, { status: 200, headers }));
    return text;
  } catch (error) {
    console.error(`article-widget: could not save ${url}: ${error}`);
    return null;
  }
}

/** The reader's language, one the widget speaks. */
function readerLanguage() {
  const known = (tag) => {
    const primary = typeof tag === 'string' ? tag.trim().split(/[-_]/)[0].toLowerCase() : '';
    return Object.hasOwn(APP_SHELL_TEXT, primary) ? primary : null;
  };
  let chosen = null;
  try {
    const record = JSON.parse(localStorage.getItem(STORAGE_KEY) || 'null');
    if (record && typeof record === 'object' && Object.hasOwn(record, PREFERENCE_LANGUAGE)) chosen = known(record[PREFERENCE_LANGUAGE]);
  } catch {
    chosen = null;
  }
  return chosen || known(document.documentElement.lang) || LANGUAGES[0];
}

/** The shell's own words in the reader's language (the build wrote the page's). */
function speakTheReadersLanguage() {
  const name = document.querySelector('.app-name');
  if (name) name.textContent = WORDS.app_name;
  saveTools?.setAttribute('aria-label', WORDS.offline_tools);
  if (saveAllButton) saveAllButton.textContent = WORDS.save_all_articles;
  saveProgress?.setAttribute('aria-label', WORDS.saved_label);
  if (stopButton) stopButton.textContent = WORDS.stop;
  const [download, cancel] = saveConfirm ? saveConfirm.querySelectorAll('button') : [];
  if (download) download.textContent = WORDS.download;
  if (cancel) cancel.textContent = WORDS.cancel;
}

/** `template` with each `{name}` replaced by `values[name]`. */
function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (Object.hasOwn(values, name) ? values[name] : whole));
}

/** A number as the reader writes it: 100,000 or 100.000. */
function number(count) {
  return count.toLocaleString(LANGUAGE);
}

/** "1 article", "100,000 articles", "100.000 artículos". */
function articles(count) {
  return fill(count === 1 ? WORDS.article_one : WORDS.article_other, { count: number(count) });
}

/** A size as readers know them: 312 KB, 4.2 MB, 1.1 GB (4,2 MB in Spanish). */
function formatBytes(bytes) {
  const decimal = (value) => value.toLocaleString(LANGUAGE, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  if (bytes < 1e6) return `${number(Math.max(1, Math.round(bytes / 1e3)))} KB`;
  if (bytes < 1e9) return `${decimal(bytes / 1e6)} MB`;
  return `${decimal(bytes / 1e9)} GB`;
}

// The embed panel's Copy buttons (src/site/embed_panel.rs): hidden in the page as the
// build writes it, since only a script can copy; shown where the clipboard can be
// written. Each copies its code's text and says so in its status, in the page's words.
function offerCopyButtons() {
  if (!navigator.clipboard?.writeText) return;
  for (const button of document.querySelectorAll('.embed-panel button[data-copy]')) {
    const code = document.getElementById(button.dataset.copy);
    const status = button.nextElementSibling;
    if (!code || !status) continue;
    button.hidden = false;
    button.addEventListener('click', () => {
      navigator.clipboard.writeText(code.textContent).then(
        () => {
          status.textContent = button.dataset.copied;
        },
        () => {
          status.textContent = button.dataset.copyFailed;
          window.getSelection()?.selectAllChildren(code);
        },
      );
    });
  }
}

// An audience chosen before the widget takes over (docs/static-first.md): the article's
// prerendered page lets the reader answer "Which best describes you?" at once. The
// choice is stored where the widget reads it, so that its first render shows it; the
// page shows that audience's prerendered version meanwhile, fetched from this site; and
// a widget already running but not yet shown hears it as a change from elsewhere.
function rememberEarlyChoice() {
  const shadow = document.querySelector('[data-article-widget]')?.shadowRoot;
  const prerendered = shadow?.querySelector('[data-prerendered]');
  if (!prerendered || !acceptChoice(prerendered)) return;
  shadow.addEventListener('change', (event) => {
    const control = event.target;
    const audience = prerendered.contains(control) && audienceChosen(control.name, control.value);
    if (!audience) return;
    let record = null;
    try {
      record = withAudience(localStorage.getItem(STORAGE_KEY), audience);
      localStorage.setItem(STORAGE_KEY, record);
    } catch {
      // Not kept: a widget already running still hears it below.
    }
    for (const label of control.closest('fieldset').querySelectorAll('label')) {
      label.classList.toggle('selected', label.htmlFor === control.id);
    }
    if (record) window.dispatchEvent(new StorageEvent('storage', { key: STORAGE_KEY, newValue: record }));
    const links = [...prerendered.querySelectorAll('.audience-links a')].map((link) => link.href);
    const page = audiencePage(links, audience);
    if (page) showAudiencePage(prerendered, page);
  });
  // The question is live from the page's first paint: an answer given before this
  // script ran checked its radio, and is heard once the script has run to its end.
  const early = earlyAnswer(shadow, prerendered);
  if (early) queueMicrotask(() => early.dispatchEvent(new Event('change', { bubbles: true })));
}

/**
 * The audience radio the reader answered with before this script ran, if any. Its
 * being checked is not enough: answered while the page was still arriving, the radio
 * was unchecked again when the parser met the default audience's radio after it, whose
 * `checked` attribute wins the group. A radio the reader changed matches `:user-valid`
 * (a radio merely tabbed to does not); of several, the one they pressed last keeps
 * focus. Their answer is checked again here.
 */
function earlyAnswer(shadow, prerendered) {
  const radios = [...prerendered.querySelectorAll(`input[name="${AUDIENCE_CONTROL}"]`)];
  const answered = radios.filter(changedByReader);
  const focused = shadow.activeElement;
  const pressed = answered.includes(focused) ? focused : answered.length === 1 ? answered[0] : null;
  if (pressed) pressed.checked = true;
  const checked = radios.find((radio) => radio.checked);
  return checked && !checked.defaultChecked ? checked : null;
}

function changedByReader(radio) {
  try {
    return radio.matches(':user-valid');
  } catch {
    // A browser without `:user-valid` hears only a choice still checked.
    return false;
  }
}

/**
 * The prerendered page's audience question, live; its other controls stay inert. The
 * build writes it so; a page of an earlier build, kept offline, had the whole block
 * inert.
 */
function acceptChoice(root) {
  const section = root.querySelector('.personalize');
  const others = section?.querySelector('.preferences');
  if (!others) return false;
  section.removeAttribute('inert');
  section.removeAttribute('aria-busy');
  others.setAttribute('inert', '');
  others.setAttribute('aria-busy', 'true');
  return true;
}

// The audience's own prerendered page, in place of the one shown: parsed as an inert
// document (XMLHttpRequest), its links made absolute (they were written for its
// folder), and moved into the element the widget will take over, which stays the same
// element. Focus goes back to the control the reader used, without scrolling.
//
// Meanwhile the page's global `Symbol.for(EARLY_CHOICE_SHOWN)` holds a promise settled
// once the page is on screen, or given up: a widget not yet mounted mounts after it, so
// the reader's answer is not kept waiting behind the mount's long tasks on a slow phone.
// The request gives up after AUDIENCE_PAGE_TIMEOUT_MS: the widget, which shows the
// stored choice too, is never held longer.
const AUDIENCE_PAGE_TIMEOUT_MS = 5000;
let audiencePageWanted = null;
function showAudiencePage(prerendered, url) {
  audiencePageWanted = url;
  let settle;
  const shown = new Promise((resolve) => (settle = resolve));
  Object.defineProperty(window, Symbol.for(EARLY_CHOICE_SHOWN), { value: shown, configurable: true });
  const request = new XMLHttpRequest();
  request.open('GET', url);
  request.responseType = 'document';
  request.timeout = AUDIENCE_PAGE_TIMEOUT_MS;
  // Settled once the frame that shows it has been drawn.
  request.onloadend = () => requestAnimationFrame(() => setTimeout(settle, 0));
  request.onload = () => {
    const own = new URL(request.responseURL || url).origin === window.location.origin;
    const page = request.status === 200 && own && request.response;
    const template = page && page.querySelector('[data-article-widget] > template');
    const root = template && template.content.querySelector('[data-prerendered]');
    // Overtaken by a choice made since, or by the widget.
    if (url !== audiencePageWanted || !root || !prerendered.isConnected || !acceptChoice(root)) return;
    for (const name of URL_ATTRIBUTES) {
      for (const element of root.querySelectorAll(`[${name}]`)) {
        const value = element.getAttribute(name);
        if (!value.startsWith('#')) element.setAttribute(name, new URL(value, url).href);
      }
    }
    // The element with focus goes with the old children: its twin, by id, takes it.
    const focused = prerendered.getRootNode().activeElement;
    const focusedId = prerendered.contains(focused) ? focused.id : '';
    prerendered.replaceChildren(...document.importNode(root, true).childNodes);
    if (focusedId) prerendered.querySelector(`#${CSS.escape(focusedId)}`)?.focus({ preventScroll: true });
  };
  request.send();
}

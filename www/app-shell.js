// The publisher's own page as an installable offline app: registers the service worker
// (sw.js, generated at build time by xtask/build-service-worker.mjs), offers "Save all
// articles for offline use", and offers "Update available, reload" when a new build is
// waiting, instead of swapping code under the reader. Partner pages never load this.

// The service worker's cache of articles read on this page (same name in
// xtask/build-service-worker.mjs): saving every article fills it directly.
const ARTICLE_CACHE = 'article-widget/v1/app-articles';
const PAGE_CACHE = 'article-widget/v1/app-pages';
// The site's root: this script is served from it, whichever page loads it.
const SITE = new URL('.', import.meta.url);

const saveTools = document.getElementById('offline-tools');
const saveButton = document.getElementById('save-all');
const saveProgress = document.getElementById('save-progress');
const saveStatus = document.getElementById('save-status');
const updatePrompt = document.getElementById('update-prompt');

if ('serviceWorker' in navigator && window.caches) {
  start().catch((error) => console.error(`article-widget: offline app: ${error}`));
}

async function start() {
  const registration = await navigator.serviceWorker.register(new URL('sw.js', SITE));
  // The page that installed the worker was loaded before it: keep it for offline too.
  if (!navigator.serviceWorker.controller) {
    caches
      .open(PAGE_CACHE)
      .then((cache) => cache.add(window.location.href))
      .catch(() => {});
  }
  saveTools.hidden = false;
  saveButton.addEventListener('click', () => saveAll(saveButton));

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
  text.textContent = 'A new version of these articles is ready.';
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Update available, reload';
  button.addEventListener('click', () => {
    button.disabled = true;
    // Reload once the new worker controls the page, so page and code match.
    navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
    waiting.postMessage({ type: 'SKIP_WAITING' });
  });
  updatePrompt.append(text, button);
  updatePrompt.hidden = false;
}

/** Fetches every article of the catalog into the worker's cache, with progress. */
async function saveAll(button) {
  button.disabled = true;
  saveProgress.hidden = false;
  saveProgress.value = 0;
  try {
    const response = await fetch(new URL('articles/index.json', SITE));
    if (!response.ok) throw new Error(`the catalog answered ${response.status}`);
    const { articles } = await response.json();
    const cache = await caches.open(ARTICLE_CACHE);
    saveProgress.max = articles.length;
    let failed = 0;
    for (const [index, entry] of articles.entries()) {
      if (!(await saveArticle(cache, entry.slug))) failed += 1;
      saveProgress.value = index + 1;
      saveStatus.textContent = `Saving articles for offline use: ${index + 1} of ${articles.length}`;
    }
    saveStatus.textContent =
      failed === 0
        ? `All ${articles.length} articles are saved on this device: they open without a connection.`
        : `${failed} of ${articles.length} articles could not be saved. Check your connection and try again.`;
  } catch (error) {
    console.error(`article-widget: save all: ${error}`);
    saveStatus.textContent = 'The articles could not be saved. Check your connection and try again.';
  } finally {
    saveProgress.hidden = true;
    button.disabled = false;
  }
}

/** Saves one article; only a complete, valid article is kept. */
async function saveArticle(cache, slug) {
  const url = new URL(`articles/${encodeURIComponent(slug)}.json`, SITE).href;
  try {
    const response = await fetch(url, { cache: 'no-cache' });
    if (!response.ok) return false;
    const text = await response.text();
    JSON.parse(text);
    // The day it was saved, which the widget shows when it opens the copy offline.
    const headers = new Headers(response.headers);
    headers.set('x-article-widget-saved-on', new Date().toISOString().slice(0, 10));
    await cache.put(url, new Response(text, { status: 200, headers }));
    return true;
  } catch (error) {
    console.error(`article-widget: could not save ${slug}: ${error}`);
    return false;
  }
}

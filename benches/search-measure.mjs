// What benches/catalog-scale.mjs and benches/search-compare.mjs both measure of the
// widget's catalog search in headless Chromium: a cold page with its responses' bytes
// as sent, the list settled on a query, and one keystroke's time to its results.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** The fixed real queries (SCALE_QUERIES, else benches/search-queries.txt), one a line. */
export function queries() {
  return readFileSync(process.env.SCALE_QUERIES ?? new URL('search-queries.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update'],
  });
}

/** A fresh context (cold cache) with its responses' encoded sizes counted by URL. */
export async function coldPage(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const bytes = new Map();
  const urls = new Map();
  cdp.on('Network.responseReceived', (event) => urls.set(event.requestId, event.response.url));
  cdp.on('Network.loadingFinished', (event) => {
    const url = urls.get(event.requestId);
    if (url) bytes.set(url, (bytes.get(url) ?? 0) + event.encodedDataLength);
  });
  return { context, page, bytes };
}

export const firstEntry = (page) =>
  page.waitForFunction(() => {
    const root = document.querySelector('[data-article-widget]')?.shadowRoot;
    return root?.querySelector('.article-widget-root:not([hidden]) .catalog-list > li') != null;
  });

export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
export const quantile = (values, q) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];
export const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
export const ms = (value) => `${value.toFixed(0)} ms`;

// The search library's files: fetched once per reader, then cached.
const LIBRARY = /\/(search\.js|pagefind\.js|[^/]*\.pagefind)$/;

/** `query` searched from a cold page of `site`: the bytes of the search's files, as sent. */
export async function searchBytes(browser, site, query) {
  const { context, page, bytes } = await coldPage(browser);
  try {
    await page.goto(`${site}/shell.html`);
    await firstEntry(page);
    bytes.clear();
    await page.locator('[data-article-widget]').getByRole('searchbox').fill(query);
    await settled(page, query);
    const search = [...bytes].filter(([url]) => url.includes('/articles/search/'));
    const total = search.reduce((sum, [, n]) => sum + n, 0);
    const library = search.filter(([url]) => LIBRARY.test(url)).reduce((sum, [, n]) => sum + n, 0);
    return { total, library, files: search.length };
  } finally {
    await context.close();
  }
}

/** A page of `site` with the search library loaded, ready for `typeQuery`. */
export async function warmPage(browser, site, warmUp) {
  const { context, page } = await coldPage(browser);
  await page.goto(`${site}/shell.html`);
  await firstEntry(page);
  const searchbox = page.locator('[data-article-widget]').getByRole('searchbox');
  await searchbox.fill(warmUp);
  await settled(page, warmUp);
  return { context, page, searchbox };
}

/** `query` typed a character at a time into an empty search box: each keystroke's ms. */
export async function typeQuery({ page, searchbox }, query) {
  const timings = [];
  await searchbox.fill('');
  await settled(page, '');
  await searchbox.focus();
  for (const character of query) {
    await page.evaluate(() => {
      const root = document.querySelector('[data-article-widget]').shadowRoot;
      const input = root.querySelector('input[type=search]');
      input.addEventListener('input', () => (window.__typedAt = performance.now()), { once: true, capture: true });
    });
    await page.keyboard.type(character);
    const wanted = await searchbox.inputValue();
    timings.push(await settledAfterTyping(page, wanted));
  }
  return timings;
}

/** The list has settled on `wanted`: the search box says it and the list is not busy. */
export async function settled(page, wanted) {
  await page.waitForFunction((wanted) => {
    const root = document.querySelector('[data-article-widget]')?.shadowRoot;
    const list = root?.querySelector('.catalog-list');
    return list && root.querySelector('input[type=search]')?.value === wanted && !list.hasAttribute('aria-busy');
  }, wanted);
}

/** From the last keystroke's input event to the list settled on `wanted`, in ms. */
function settledAfterTyping(page, wanted) {
  return page.evaluate(
    (wanted) =>
      new Promise((resolve) => {
        const root = document.querySelector('[data-article-widget]').shadowRoot;
        const check = () => {
          const list = root.querySelector('.catalog-list');
          const input = root.querySelector('input[type=search]');
          if (input.value === wanted && list && !list.hasAttribute('aria-busy')) {
            resolve(performance.now() - window.__typedAt);
          } else {
            requestAnimationFrame(check);
          }
        };
        check();
      }),
    wanted,
  );
}

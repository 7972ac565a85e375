// `cargo xtask scale N` drives this against two sites served from this build: the
// catalog of N generated articles (SCALE_SITE_URL) and the project's own (SMALL_SITE_URL),
// each with the widget's page without its prerendered catalog (shell.html), so that
// both measure the widget. Headless Chromium through playwright-core; the figures go to
// stdout as a markdown table. Wall-clock figures live here and in benches/bench.mjs,
// never in the tests.
//
// - catalog visible: navigation → the first entry of the widget's list painted, cold
//   cache, the two sites' runs alternating (SCALE_RUNS each, 9 unless set);
// - bytes of the first catalog load: every response until then, as sent (gzip), and
//   the catalog's own data (index.json) apart;
// - bytes per search, cold: for each query of the fixed list (SCALE_QUERIES,
//   benches/search-queries.txt), in a fresh context, the bytes of the search library,
//   its index and the results' fragments fetched until the list settles on it;
// - keystroke → results: with the library loaded, each query typed a character at a
//   time; for each keystroke, from its input event to the list settled (not busy) on
//   that query's results (the first SCALE_KEYSTROKES queries, all unless set).
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const SCALE = process.env.SCALE_SITE_URL;
const SMALL = process.env.SMALL_SITE_URL;
if (!SCALE || !SMALL) {
  console.error('SCALE_SITE_URL and SMALL_SITE_URL must be set: run through `cargo xtask scale N`');
  process.exit(2);
}
const RUNS = Number(process.env.SCALE_RUNS ?? 9);
// Real queries: drugs, conditions, symptoms, misspellings, Spanish words.
const QUERIES = readFileSync(process.env.SCALE_QUERIES ?? new URL('search-queries.txt', import.meta.url), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));
const TYPED = QUERIES.slice(0, Number(process.env.SCALE_KEYSTROKES ?? QUERIES.length));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update'],
});

/** A fresh context (cold cache) with its responses' encoded sizes counted by URL. */
async function coldPage() {
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

const firstEntry = (page) =>
  page.waitForFunction(() => {
    const root = document.querySelector('[data-article-widget]')?.shadowRoot;
    return root?.querySelector('.article-widget-root:not([hidden]) .catalog-list > li') != null;
  });

/** Navigation → the first entry painted (the next frame after it is in the DOM). */
async function catalogVisible(site) {
  const { context, page, bytes } = await coldPage();
  await page.goto(`${site}/shell.html`, { waitUntil: 'commit' });
  await firstEntry(page);
  const visible = await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0))),
  );
  const total = [...bytes.values()].reduce((sum, n) => sum + n, 0);
  const catalog = [...bytes].filter(([url]) => url.endsWith('/articles/index.json')).reduce((sum, [, n]) => sum + n, 0);
  const count = await page.evaluate(async () => {
    const first = await (await fetch('articles/index.json')).json();
    return first.total ?? first.articles.length;
  });
  await context.close();
  return { visible, total, catalog, count };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const quantile = (values, q) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];

const COUNT = process.env.SCALE_COUNT ?? 'N';
const VOCABULARY = process.env.SCALE_VOCABULARY ?? 'realistic';
// The search library's files: fetched once per reader, then cached.
const LIBRARY = /\/(search\.js|pagefind\.js|[^/]*\.pagefind)$/;
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
const ms = (value) => `${value.toFixed(0)} ms`;
console.log(`| in Chromium, ${COUNT} articles (${VOCABULARY} vocabulary) | figure |`);
console.log('| --- | ---: |');

const scale = [];
const small = [];
for (let run = 0; run < RUNS; run += 1) {
  scale.push(await catalogVisible(SCALE));
  small.push(await catalogVisible(SMALL));
}
{
  const visible = (runs) => runs.map((run) => run.visible);
  const spread = (runs) => `${ms(median(visible(runs)))} [${ms(Math.min(...visible(runs)))}–${ms(Math.max(...visible(runs)))}]`;
  const ratio = median(visible(scale)) / median(visible(small));
  const smallCount = small[0].count;
  console.log(
    `| catalog visible: navigation → first entry painted, cold (median [min–max] of ${RUNS}) | ${spread(scale)}, against ${spread(small)} for ${smallCount} articles: ${ratio.toFixed(2)}× |`,
  );
  const total = median(scale.map((run) => run.total));
  const catalog = median(scale.map((run) => run.catalog));
  console.log(`| first catalog load, as sent | ${kb(total)} in all (page, code, stylesheet, data), of which the catalog's data ${kb(catalog)} |`);
}

// Each query from cold: what it fetches.
{
  const searches = [];
  for (const query of QUERIES) {
    const { context, page, bytes } = await coldPage();
    await page.goto(`${SCALE}/shell.html`);
    await firstEntry(page);
    bytes.clear();
    await page.locator('[data-article-widget]').getByRole('searchbox').fill(query);
    await settled(page, query);
    const search = [...bytes].filter(([url]) => url.includes('/articles/search/'));
    const total = search.reduce((sum, [, n]) => sum + n, 0);
    const library = search.filter(([url]) => LIBRARY.test(url)).reduce((sum, [, n]) => sum + n, 0);
    searches.push({ total, library, files: search.length });
    await context.close();
  }
  const totals = searches.map((search) => search.total);
  const index = searches.map((search) => search.total - search.library);
  console.log(
    `| bytes per search, cold (${searches.length} queries), as sent | p50 ${kb(quantile(totals, 0.5))}, p95 ${kb(quantile(totals, 0.95))}, max ${kb(Math.max(...totals))}, of which the library (adapter, Pagefind's script and Wasm) ${kb(median(searches.map((search) => search.library)))}; the index and fragments alone p50 ${kb(quantile(index, 0.5))}, p95 ${kb(quantile(index, 0.95))} |`,
  );
}

// Keystrokes, with the library loaded.
{
  const { context, page } = await coldPage();
  await page.goto(`${SCALE}/shell.html`);
  await firstEntry(page);
  const searchbox = page.locator('[data-article-widget]').getByRole('searchbox');
  await searchbox.fill(TYPED[0]);
  await settled(page, TYPED[0]);
  const timings = [];
  for (const query of TYPED) {
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
  }
  console.log(
    `| keystroke → results settled, library loaded (${timings.length} keystrokes of ${TYPED.length} queries) | p50 ${ms(quantile(timings, 0.5))}, p95 ${ms(quantile(timings, 0.95))}, max ${ms(Math.max(...timings))} |`,
  );
  await context.close();
}

await browser.close();

/** The list has settled on `wanted`: the search box says it and the list is not busy. */
async function settled(page, wanted) {
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

// `cargo xtask scale N` drives this against two sites served from this build: the
// catalog of N generated articles (SCALE_SITE_URL) and the project's own (SMALL_SITE_URL),
// each with the widget's page without its prerendered catalog (shell.html), so that
// both measure the widget. Headless Chromium through playwright-core; the figures go to
// stdout as JSON lines, which scale.rs turns into its table. Wall-clock figures live
// here and in benches/bench.mjs, never in the tests.
//
// - catalog visible: navigation → the first entry of the widget's list painted, cold
//   cache, the two sites' runs alternating (SCALE_RUNS each, 9 unless set);
// - bytes of the first catalog load: every response until then, as sent (gzip), and
//   the catalog's own data (index.json) apart;
// - a search, cold: the bytes of the search library, its index and the results'
//   fragments fetched for one query;
// - keystroke → results: with the library loaded, a query typed a character at a
//   time; for each keystroke, from its input event to the list settled (not busy) on
//   that query's results (SCALE_KEYSTROKES queries, 6 unless set).
import { chromium } from 'playwright-core';

const SCALE = process.env.SCALE_SITE_URL;
const SMALL = process.env.SMALL_SITE_URL;
if (!SCALE || !SMALL) {
  console.error('SCALE_SITE_URL and SMALL_SITE_URL must be set: run through `cargo xtask scale N`');
  process.exit(2);
}
const RUNS = Number(process.env.SCALE_RUNS ?? 9);
// Words of the generated articles (xtask/src/generate.rs): typed as a reader would.
const QUERIES = ['sleep fatigue', 'quiet room', 'warm drink headache', 'cycling cramps', 'simple routine', 'caffeine dizziness'].slice(
  0,
  Number(process.env.SCALE_KEYSTROKES ?? 6),
);

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
  await context.close();
  return { visible, total, catalog };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const quantile = (values, q) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];

const scale = [];
const small = [];
for (let run = 0; run < RUNS; run += 1) {
  scale.push(await catalogVisible(SCALE));
  small.push(await catalogVisible(SMALL));
}
console.log(
  JSON.stringify({
    figure: 'catalog visible (ms)',
    scale: median(scale.map((run) => run.visible)),
    small: median(small.map((run) => run.visible)),
    scale_min: Math.min(...scale.map((run) => run.visible)),
    scale_max: Math.max(...scale.map((run) => run.visible)),
    small_min: Math.min(...small.map((run) => run.visible)),
    small_max: Math.max(...small.map((run) => run.visible)),
  }),
);
console.log(
  JSON.stringify({
    figure: 'first catalog load (bytes as sent)',
    total: median(scale.map((run) => run.total)),
    catalog: median(scale.map((run) => run.catalog)),
  }),
);

// A search from cold: what it fetches.
{
  const { context, page, bytes } = await coldPage();
  await page.goto(`${SCALE}/shell.html`);
  await firstEntry(page);
  bytes.clear();
  const searchbox = page.locator('[data-article-widget]').getByRole('searchbox');
  await searchbox.fill(QUERIES[0]);
  await settled(page);
  const search = [...bytes].filter(([url]) => url.includes('/articles/search/'));
  console.log(
    JSON.stringify({
      figure: 'a search, cold (bytes as sent)',
      total: search.reduce((sum, [, n]) => sum + n, 0),
      library: search.filter(([url]) => /\/(search\.js|pagefind\.js|[^/]*\.pagefind)$/.test(url)).reduce((sum, [, n]) => sum + n, 0),
      files: search.length,
    }),
  );

  // Keystrokes, with the library loaded.
  const timings = [];
  for (const query of QUERIES.slice(1)) {
    await searchbox.fill('');
    await settled(page);
    await searchbox.focus();
    for (const character of query) {
      await page.evaluate(() => {
        const root = document.querySelector('[data-article-widget]').shadowRoot;
        const input = root.querySelector('input[type=search]');
        input.addEventListener('input', () => (window.__typedAt = performance.now()), { once: true, capture: true });
      });
      await page.keyboard.type(character);
      const wanted = await searchbox.inputValue();
      const took = await page.evaluate(
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
      timings.push(took);
    }
  }
  console.log(
    JSON.stringify({
      figure: 'keystroke → results (ms)',
      p50: quantile(timings, 0.5),
      p95: quantile(timings, 0.95),
      max: Math.max(...timings),
      keystrokes: timings.length,
    }),
  );
  await context.close();
}

await browser.close();

/** The list has settled: not busy. */
async function settled(page) {
  await page.waitForFunction(() => {
    const list = document.querySelector('[data-article-widget]')?.shadowRoot?.querySelector('.catalog-list');
    return list && !list.hasAttribute('aria-busy');
  });
}

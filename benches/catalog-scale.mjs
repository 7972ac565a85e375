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
import { coldPage, firstEntry, kb, launch, median, ms, quantile, queries, searchBytes, typeQuery, warmPage } from './search-measure.mjs';

const SCALE = process.env.SCALE_SITE_URL;
const SMALL = process.env.SMALL_SITE_URL;
if (!SCALE || !SMALL) {
  console.error('SCALE_SITE_URL and SMALL_SITE_URL must be set: run through `cargo xtask scale N`');
  process.exit(2);
}
const RUNS = Number(process.env.SCALE_RUNS ?? 9);
// Real queries: drugs, conditions, symptoms, misspellings, Spanish words.
const QUERIES = queries();
const TYPED = QUERIES.slice(0, Number(process.env.SCALE_KEYSTROKES ?? QUERIES.length));

const browser = await launch();

/** Navigation → the first entry painted (the next frame after it is in the DOM). */
async function catalogVisible(site) {
  const { context, page, bytes } = await coldPage(browser);
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

const COUNT = process.env.SCALE_COUNT ?? 'N';
const VOCABULARY = process.env.SCALE_VOCABULARY ?? 'realistic';
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
  for (const query of QUERIES) searches.push(await searchBytes(browser, SCALE, query));
  const totals = searches.map((search) => search.total);
  const index = searches.map((search) => search.total - search.library);
  console.log(
    `| bytes per search, cold (${searches.length} queries), as sent | p50 ${kb(quantile(totals, 0.5))}, p95 ${kb(quantile(totals, 0.95))}, max ${kb(Math.max(...totals))}, of which the library (adapter, Pagefind's script and Wasm) ${kb(median(searches.map((search) => search.library)))}; the index and fragments alone p50 ${kb(quantile(index, 0.5))}, p95 ${kb(quantile(index, 0.95))} |`,
  );
}

// Keystrokes, with the library loaded.
{
  const typing = await warmPage(browser, SCALE, TYPED[0]);
  const timings = [];
  // From a query's third character on: where the widget asks the index (src/model/search.rs).
  const fromThird = [];
  for (const query of TYPED) {
    const typed = await typeQuery(typing, query);
    timings.push(...typed);
    fromThird.push(...typed.slice(2));
  }
  const figures = (times) => `p50 ${ms(quantile(times, 0.5))}, p95 ${ms(quantile(times, 0.95))}, max ${ms(Math.max(...times))}`;
  console.log(`| keystroke → results settled, library loaded (${timings.length} keystrokes of ${TYPED.length} queries) | ${figures(timings)} |`);
  console.log(`| the same, from each query's 3rd character (${fromThird.length} keystrokes) | ${figures(fromThird)} |`);
  await typing.context.close();
}

await browser.close();

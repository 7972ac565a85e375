// Pagefind's static index against an index the browser holds whole (MiniSearch), on
// the same records and queries: `node benches/search-engines.mjs RECORDS.jsonl`, the
// records `articles search-records` wrote for `cargo xtask scale N`
// (target/scale/N/search-records.jsonl). Pagefind's own figures come from that run;
// this measures MiniSearch's: its build (time, node's peak RSS), its index as sent
// (the JSON a reader fetches once, gzipped), loading it in Chromium, and each keystroke
// of the fixed queries from the 3rd character (the widget's rule, src/model/search.rs)
// and from the 1st: the search and the first page's ten entries, in the page.
// Figures to stdout as a markdown table.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import MiniSearch from 'minisearch';
import { kb, launch, ms, quantile, queries } from './search-measure.mjs';

const recordsPath = process.argv[2];
if (!recordsPath) {
  console.error('usage: node benches/search-engines.mjs RECORDS.jsonl');
  process.exit(2);
}

// As the widget searches: every word must match, the last as a prefix (as Pagefind
// does); the catalog entry each result shows is stored with it, the excerpt is not
// (it would be a fragment fetched per result, as Pagefind's are).
const OPTIONS = {
  fields: ['question', 'content'],
  storeFields: ['slug', 'question', 'updated', 'review_status', 'audiences', 'lang'],
};
const SEARCH = { prefix: (term, index, terms) => index === terms.length - 1, combineWith: 'AND', boost: { question: 2 } };

const started = performance.now();
const records = readFileSync(recordsPath, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line, at) => {
    const record = JSON.parse(line);
    return { id: at, content: record.content, ...record.meta };
  });
const read = performance.now();
const index = new MiniSearch(OPTIONS);
index.addAll(records);
const built = performance.now();
const json = JSON.stringify(index);
const serialized = performance.now();
const gzipped = gzipSync(json, { level: 9 }).length;
const peakRss = process.resourceUsage().maxRSS;

const browser = await launch();
const page = await browser.newPage();
await page.addScriptTag({ path: new URL('../node_modules/minisearch/dist/umd/index.js', import.meta.url).pathname });
const load = await page.evaluate(
  ([json, options]) => {
    const started = performance.now();
    window.index = window.MiniSearch.loadJSON(json, options);
    return performance.now() - started;
  },
  [json, OPTIONS],
);
const keystrokes = await page.evaluate(
  ([queries, search]) => {
    const options = { ...search, prefix: (term, index, terms) => index === terms.length - 1 };
    const timings = [];
    for (const query of queries) {
      for (let typed = 1; typed <= query.length; typed += 1) {
        const words = query.slice(0, typed).trim();
        const started = performance.now();
        const results = window.index.search(words, options);
        const shown = results.slice(0, 10).map((result) => result.question);
        timings.push({ typed, time: performance.now() - started, found: results.length, shown: shown.length });
      }
    }
    return timings;
  },
  [queries(), { combineWith: SEARCH.combineWith, boost: SEARCH.boost }],
);
await browser.close();

const figures = (times) => `p50 ${ms(quantile(times, 0.5))}, p95 ${ms(quantile(times, 0.95))}, max ${ms(Math.max(...times))}`;
const fromThird = keystrokes.filter((each) => each.typed >= 3).map((each) => each.time);
const load1 = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(`| MiniSearch ${JSON.parse(readFileSync(new URL('../node_modules/minisearch/package.json', import.meta.url))).version}, ${records.length} articles (load average ${load1}) | figure |`);
console.log('| --- | ---: |');
console.log(`| index build (read the records, index them, serialize) | ${ms(read - started)} + ${ms(built - read)} + ${ms(serialized - built)}; node's peak RSS ${(peakRss / 1000).toFixed(0)} MB |`);
console.log(`| the index as sent, fetched whole by a reader's first search | ${kb(json.length)}, ${kb(gzipped)} gzip |`);
console.log(`| loading it in Chromium (MiniSearch.loadJSON) | ${ms(load)} |`);
console.log(`| keystroke → results in the page, from the 3rd character (${fromThird.length}) | ${figures(fromThird)} |`);
console.log(`| the same, from the 1st character (${keystrokes.length}) | ${figures(keystrokes.map((each) => each.time))} |`);

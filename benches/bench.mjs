// `cargo xtask bench` drives this against the release build it serves at BENCH_URL,
// with partner pages on another origin at BENCH_PARTNER_URL: headless Chromium through
// playwright-core, one table on stdout, and the same table in target/bench/report.md.
// Wall-clock figures live here, never in the tests.
//
// Three ways to show an article on a partner page are measured side by side, in the
// same run, their runs interleaved so that drift in the machine hits all three alike:
//
// - widget: embed.js, the Rust/Wasm widget;
// - peer:   benches/peer/, the JavaScript widget a partner would build (marked and
//           DOMPurify), fetching the same article as markdown (`articles markdown`);
// - floor:  the peer's HTML rendered ahead of time, in the page, set into a shadow root
//           by an inline script: nothing can show the article faster.
//
// Each timing is the median of BENCH_*_RUNS runs (15 unless set), with min and max.
//
// BENCH_ONLY=name[,name…] runs only the named measurements, to look at one of them
// without the ten minutes of the whole run (`BENCH_ONLY=mount-cycles cargo xtask bench`):
// cold, warm, large, many, switch, switch-memory, mount-cycles, sanitize, parse, sizes,
// longest-task, first-interaction, lighthouse. Such a run writes its table beside the full
// report (report-<names>.md), never over it. The take-over's cost at Lighthouse's 4× CPU
// slowdown (longest-task, first-interaction) is measured in benches/responsiveness.mjs.
import { readdirSync, readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { buildSync } from 'esbuild';
import { Marked } from 'marked';
import { chromium } from 'playwright-core';
import { createMarked } from './peer/render.mjs';
import { CPU_SLOWDOWN, firstInteraction, longTasks } from './responsiveness.mjs';

const BENCH_URL = process.env.BENCH_URL;
const PARTNER_URL = process.env.BENCH_PARTNER_URL;
const SITE = process.env.BENCH_SITE ?? 'target/bench/site';
const PARTNER_DIR = process.env.BENCH_PARTNER_DIR ?? 'target/bench/partner';
const CRITERION = process.env.BENCH_CRITERION ?? 'target/criterion';
const count = (name, fallback) => Number(process.env[name] ?? fallback);
// Steps at which a memory measurement takes its readings, e.g. `50,200`.
const checkpoints = (name, fallback) =>
  (process.env[name] ?? fallback)
    .split(',')
    .map(Number)
    .sort((a, b) => a - b);
const MEASUREMENTS = [
  'cold',
  'warm',
  'large',
  'many',
  'switch',
  'switch-memory',
  'mount-cycles',
  'sanitize',
  'parse',
  'sizes',
  'longest-task',
  'first-interaction',
  'lighthouse',
];
const ONLY = (process.env.BENCH_ONLY ?? '')
  .split(',')
  .map((name) => name.trim())
  .filter((name) => name !== '');
const unknown = ONLY.filter((name) => !MEASUREMENTS.includes(name));
if (unknown.length > 0) {
  console.error(`BENCH_ONLY: unknown measurement ${unknown.join(', ')} (known: ${MEASUREMENTS.join(', ')})`);
  process.exit(2);
}
const measures = (name) => ONLY.length === 0 || ONLY.includes(name);
const FULL_REPORT = process.env.BENCH_REPORT ?? 'target/bench/report.md';
const REPORT = ONLY.length === 0 ? FULL_REPORT : FULL_REPORT.replace(/\.md$/, `-${ONLY.join('-')}.md`);
const RUNS = {
  cold: count('BENCH_COLD_RUNS', 15),
  warm: count('BENCH_WARM_RUNS', 15),
  large: count('BENCH_LARGE_RUNS', 15),
  many: count('BENCH_MANY_RUNS', 15),
  switches: count('BENCH_SWITCHES', 100),
  memorySwitches: checkpoints('BENCH_MEMORY_SWITCHES', '200'),
  mountCycles: checkpoints('BENCH_MOUNT_CYCLES', '50,200'),
  parse: count('BENCH_PARSE_RUNS', 20),
  sanitize: count('BENCH_SANITIZE_RUNS', 20),
  lighthouse: count('BENCH_LIGHTHOUSE_RUNS', 3),
  longTasks: count('BENCH_LONG_TASK_RUNS', 9),
  interaction: count('BENCH_INTERACTION_RUNS', 5),
};
// When the first interaction's click is sent: ms after the navigation committed, and
// 300 ms after the take-over.
const CLICK_DELAYS = [50, 200, 500, 'after'];
if (!BENCH_URL || !PARTNER_URL) {
  console.error('BENCH_URL and BENCH_PARTNER_URL are not set: run `cargo xtask bench`');
  process.exit(2);
}

const ALS = 'als-primary-treatment';
const LARGE = 'bench-1mb';
// generate-article.mjs ends every variant of the 1 MB article with this paragraph.
const LAST_PARAGRAPH = 'End of the generated article.';
const IMPLEMENTATIONS = ['widget', 'peer', 'floor'];
const PAGES = {
  als: { widget: 'script-tag.html', peer: 'peer.html', floor: 'floor.html' },
  // The publisher's own article page, prerendered by the build (static first).
  site: { site: `${BENCH_URL}/articles/${ALS}/` },
  large: { widget: 'script-tag-1mb.html', peer: 'peer-1mb.html', floor: 'floor-1mb.html' },
};
// The element each implementation puts its shadow root on.
const HOSTS = { widget: 'article-widget', peer: 'peer-article', floor: 'floor-article', site: '[data-article-widget]' };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length };
}

/**
 * Runs in each page before its own scripts. On every animation frame it checks whether
 * `count` hosts show what is waited for (their h1, or the last paragraph of the body);
 * once they do, it records the time, in ms since navigation start, after that frame
 * has been rendered: a task queued from requestAnimationFrame runs after the frame's
 * style, layout and paint. The same definition for all three implementations.
 */
function watchVisible({ hosts, count: wanted, lastParagraph }) {
  const shows = (root) =>
    lastParagraph ? root.querySelector('[part="body"] > :last-child')?.textContent === lastParagraph : root.querySelector('h1') !== null;
  const poll = () => {
    const found = document.querySelectorAll(hosts);
    if (found.length >= wanted && [...found].every((host) => host.shadowRoot && shows(host.shadowRoot))) {
      setTimeout(() => {
        window.benchVisibleAt = performance.now();
      }, 0);
    } else {
      requestAnimationFrame(poll);
    }
  };
  requestAnimationFrame(poll);
  // The widget's take-over of its prerendered page: from then on it is interactive.
  // (The peer and the floor have none: they never set it.)
  const takenOver = (host) => host.shadowRoot?.querySelector('.article-widget-root:not([hidden]):not([data-prerendered])');
  const pollTakeOver = () => {
    const found = document.querySelectorAll(hosts);
    if (found.length >= wanted && [...found].every(takenOver)) {
      setTimeout(() => {
        window.benchInteractiveAt = performance.now();
      }, 0);
    } else {
      requestAnimationFrame(pollTakeOver);
    }
  };
  requestAnimationFrame(pollTakeOver);
}

async function watchingContext(watch, options = {}) {
  const context = await browser.newContext(options);
  await context.addInitScript(watchVisible, { count: 1, lastParagraph: null, ...watch });
  return context;
}

/**
 * Navigates and waits until the watched content is visible. Returns ms from navigation
 * start, and from the article data's arrival: the response end of its JSON for the
 * widget and the peer, of the page itself for the floor, whose page is its data.
 */
async function visit(page, url, slug, waitForInteractive = false) {
  const errors = [];
  const onError = (error) => errors.push(error.message);
  page.on('pageerror', onError);
  try {
    // Polled from node every 50 ms through the DevTools protocol; the time itself was
    // taken in the page. (Playwright's waitForFunction would first inject its own
    // script into the page, tens of ms of main-thread work in the middle of the load.)
    const cdp = await page.context().newCDPSession(page);
    await page.goto(url, { waitUntil: 'commit' });
    const deadline = performance.now() + 120_000;
    for (;;) {
      const expression = waitForInteractive
        ? 'window.benchVisibleAt !== undefined && window.benchInteractiveAt !== undefined'
        : 'window.benchVisibleAt !== undefined';
      const { result } = await cdp.send('Runtime.evaluate', { expression, returnByValue: true });
      if (result.value === true) break;
      if (performance.now() > deadline) throw new Error('timed out after 120 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await cdp.detach();
  } catch (error) {
    throw new Error(`${url}: the article never showed: ${errors.join('; ') || error.message}`);
  } finally {
    page.off('pageerror', onError);
  }
  return page.evaluate((slug) => {
    const data = performance.getEntriesByType('resource').find((entry) => entry.name.endsWith(`/articles/${slug}.json`));
    const arrived = data ? data.responseEnd : performance.getEntriesByType('navigation')[0].responseEnd;
    return { navigation: window.benchVisibleAt, data: window.benchVisibleAt - arrived, interactive: window.benchInteractiveAt };
  }, slug);
}

/**
 * Cold cache: a fresh browser context (empty HTTP cache, no saved copies) per run.
 * `watchFor(name)` says what to wait for on page `name` (see watchVisible).
 */
async function coldRuns(pages, slug, watchFor, runs) {
  const samples = Object.fromEntries(Object.keys(pages).map((name) => [name, { navigation: [], data: [], interactive: [] }]));
  for (let run = 0; run < runs; run += 1) {
    for (const [name, file] of Object.entries(pages)) {
      const context = await watchingContext(watchFor(name));
      const page = await context.newPage();
      const url = file.startsWith('http') ? file : `${PARTNER_URL}/${file}`;
      // Ours have a take-over to wait for; the peer and the floor none.
      const ours = ['widget', 'site', 'one', 'twenty'].includes(name);
      const times = await visit(page, url, slug, ours);
      samples[name].navigation.push(times.navigation);
      samples[name].data.push(times.data);
      if (ours) samples[name].interactive.push(times.interactive);
      await context.close();
    }
  }
  return samples;
}

/**
 * Warm cache: one context per implementation, visited once unmeasured, then each run
 * navigates away (about:blank, so that the next visit is a plain navigation, not a
 * reload) and back. The HTTP cache keeps what the server marked immutable.
 */
async function warmRuns(pages, slug, runs) {
  const visitors = {};
  for (const [name, file] of Object.entries(pages)) {
    const context = await watchingContext({ hosts: HOSTS[name] });
    const page = await context.newPage();
    const url = `${PARTNER_URL}/${file}`;
    await visit(page, url, slug);
    visitors[name] = { context, page, url, samples: [] };
  }
  for (let run = 0; run < runs; run += 1) {
    for (const visitor of Object.values(visitors)) {
      await visitor.page.goto('about:blank');
      visitor.samples.push((await visit(visitor.page, visitor.url, slug)).navigation);
    }
  }
  for (const visitor of Object.values(visitors)) await visitor.context.close();
  return Object.fromEntries(Object.entries(visitors).map(([name, visitor]) => [name, visitor.samples]));
}

/**
 * Audience switches in one widget on the publisher's page: from the radio's input
 * event to the new body committed (the first microtask after the DOM changed) and to
 * the next animation frame after that commit, alternating patient and professional.
 */
async function audienceSwitch(slug) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${BENCH_URL}/?article=${slug}`);
  await page.locator('[data-article-widget] .disclaimer').waitFor({ timeout: 60_000 });
  const samples = await page.evaluate(switchAudience, { host: '[data-article-widget]', switches: RUNS.switches });
  await context.close();
  return { commit: summary(samples.commits), frame: summary(samples.frames) };
}

/** Switches the widget on `host` `switches` times; runs in the page. */
async function switchAudience({ host, switches }) {
  const root = document.querySelector(host).shadowRoot;
  const commits = [];
  const frames = [];
  const audiences = ['patient', 'professional'];
  for (let i = 0; i < switches; i += 1) {
    const radio = root.querySelector(`input[name="audience"][value="${audiences[i % 2]}"]`);
    const expected = audiences[i % 2] === 'patient' ? 'Medical Disclaimer' : 'Professional Medical Disclaimer';
    const isCommitted = () => root.querySelector('.disclaimer h2')?.textContent === expected;
    // Committed: the first moment the DOM shows the new variant's disclaimer.
    const committed = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (isCommitted()) {
          observer.disconnect();
          resolve(performance.now());
        }
      });
      observer.observe(root, { childList: true, subtree: true, characterData: true });
    });
    const start = performance.now();
    radio.click();
    const commit = await committed;
    const frame = await new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
    commits.push(commit - start);
    frames.push(frame - start);
    // Let the page settle between switches, as a reader would.
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { commits, frames };
}

/**
 * Memory of a partner page as `repeat`'s steps go on, in one page: a reading after the
 * first step, the baseline (the widget shown once: its code, statics and first
 * allocations in place), then one at each of `checkpoints` steps. Each reading follows
 * a forced garbage collection and gives the page's JS heap (CDP) and the size of the
 * Wasm instance's linear memory. Linear memory never shrinks, so that size is the
 * allocator's high-water mark: its growth is the most that the steps ever held at once
 * beyond what the first held, not what they hold at the end. The page also notes each
 * step after which linear memory grew, to tell a steady leak (growth all along) from a
 * peak (growth at a few steps).
 * The JS glue's init function returns the Wasm exports, `memory` among them, once the
 * instance exists (after the first step; before it, it would start a second instance);
 * importing the glue again yields the page's one instance.
 * `repeat({ from, to })` runs steps from + 1 to `to`, in the page, and calls
 * `window.benchStepDone(step)` after each.
 */
async function memoryGrowth(file, ready, repeat, checkpoints) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(`${PARTNER_URL}/${file}`);
  await page.waitForFunction(ready, null, { timeout: 60_000 });
  await page.evaluate(() => {
    window.benchGrowths = [];
    window.benchStepDone = (step) => {
      const size = window.benchWasmMemory?.buffer.byteLength;
      if (size !== undefined && size !== window.benchWasmSize) {
        window.benchGrowths.push(step);
        window.benchWasmSize = size;
      }
    };
  });
  const reading = async (steps) => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const wasm = await page.evaluate(() => window.benchWasmMemory.buffer.byteLength);
    return { steps, js: usedSize, wasm };
  };
  await page.evaluate(repeat, { from: 0, to: 1 });
  // The glue this page loaded (the article-only code or the full app's, by its widgets).
  const glueUrl = await (
    await page.waitForFunction(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .find((name) => /\/article-(only|widget)-[0-9a-f]+\.js$/.test(new URL(name).pathname)),
    )
  ).jsonValue();
  await page.evaluate(async (url) => {
    window.benchWasmMemory = (await (await import(url)).default()).memory;
    window.benchWasmSize = window.benchWasmMemory.buffer.byteLength;
  }, glueUrl);
  const first = await reading(1);
  const readings = [];
  let done = 1;
  for (const steps of checkpoints) {
    await page.evaluate(repeat, { from: done, to: steps });
    done = steps;
    readings.push(await reading(steps));
  }
  const grewAfter = await page.evaluate(() => window.benchGrowths);
  await context.close();
  return { first, readings, grewAfter };
}

function audienceSwitchMemory() {
  return memoryGrowth(
    'script-tag.html',
    // Taken over: a choice in the prerendered page is the loader's, not the Wasm's.
    () => {
      const root = document.querySelector('article-widget')?.shadowRoot;
      return root?.querySelector('.article-widget-root:not([hidden]) .disclaimer h2') && !root.querySelector('[data-prerendered]');
    },
    async ({ from, to }) => {
      const root = document.querySelector('article-widget').shadowRoot;
      for (let i = from; i < to; i += 1) {
        const target = root.querySelector('input[name="audience"]:not(:checked)');
        const before = root.querySelector('.disclaimer h2').textContent;
        target.click();
        while (root.querySelector('.disclaimer h2').textContent === before) {
          await new Promise((resolve) => requestAnimationFrame(resolve));
        }
        window.benchStepDone(i + 1);
      }
    },
    RUNS.memorySwitches,
  );
}

/**
 * Cycles as a single-page app makes them: a container added, the widget mounted on it
 * and shown (its `ready` event), unmounted at once, the container removed. From the
 * second cycle on, the saved copy usually shows before the network answers, so each
 * unmount comes while its load is still under way: the cycles measure what unmounting
 * leaves of a load, as well as what mounting leaves.
 */
function mountCycleMemory() {
  return memoryGrowth(
    'mount-cycles.html',
    () => window.ArticleWidget !== undefined,
    async ({ from, to }) => {
      for (let i = from; i < to; i += 1) {
        const host = document.createElement('div');
        document.body.append(host);
        const ready = new Promise((resolve) => host.addEventListener('article-widget:ready', resolve, { once: true }));
        await window.ArticleWidget.mount(host, { article: 'als-primary-treatment' });
        await ready;
        await window.ArticleWidget.unmount(host);
        host.remove();
        window.benchStepDone(i + 1);
      }
      // Let the loader's MutationObserver see the removals.
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
    RUNS.mountCycles,
  );
}

/** The article as the peer fetches it: each variant as markdown. */
function peerArticleData(slug) {
  return JSON.parse(readFileSync(join(SITE, 'peer', 'articles', `${slug}.json`), 'utf8'));
}

/**
 * The peer's parse step in node, markdown to an HTML string with its marked set-up,
 * beside the native figures: MB/s (10^6 bytes) of each sample, a sample being as many
 * parses as fit in 50 ms (at least one), after a warm-up.
 */
function markedThroughput(markdown) {
  const marked = createMarked(Marked);
  const bytes = Buffer.byteLength(markdown);
  for (let i = 0; i < 3; i += 1) marked.parse(markdown);
  const samples = [];
  for (let run = 0; run < RUNS.parse; run += 1) {
    const start = performance.now();
    let iterations = 0;
    do {
      marked.parse(markdown);
      iterations += 1;
    } while (performance.now() - start < 50);
    samples.push(bytes / 1e6 / ((performance.now() - start) / iterations / 1e3));
  }
  return summary(samples);
}

/**
 * Criterion's figures from `cargo bench --bench renderer`: MB/s of each sample
 * (sample.json holds each sample's iterations and total ns; benchmark.json its bytes).
 */
function criterionThroughput(implementation, input) {
  const dir = join(CRITERION, 'renderer', implementation, input, 'new');
  if (!existsSync(dir)) return null;
  const { throughput } = JSON.parse(readFileSync(join(dir, 'benchmark.json'), 'utf8'));
  const { iters, times } = JSON.parse(readFileSync(join(dir, 'sample.json'), 'utf8'));
  return summary(iters.map((iterations, i) => throughput.Bytes / 1e6 / (times[i] / iterations / 1e9)));
}

/**
 * The loader's sanitizer (www/loader/sanitize.js) on the prerendered page of `slug`, in
 * Chromium, each figure's runs in turn: the browser's HTML Sanitizer API with the walk
 * after it; the walk alone, on the page parsed as the loader's XMLHttpRequest parses it
 * where the browser has no sanitizer; and that parse alone, which the first paint paid
 * before the sanitizer. `null` for the first where the browser has no `setHTML`.
 */
async function sanitizeTimes(slug, runs) {
  const module = buildSync({
    stdin: { contents: "import { cleanPage } from './www/loader/sanitize.js'; window.cleanPage = cleanPage;", resolveDir: process.cwd() },
    bundle: true,
    format: 'iife',
    minify: true,
    write: false,
  }).outputFiles[0].text;
  const text = readFileSync(join(SITE, 'articles', slug, 'default.html'), 'utf8');
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${BENCH_URL}/editorial-policy.html`);
  await page.addScriptTag({ content: module });
  const times = await page.evaluate(
    ({ text, runs }) => {
      const timed = (work) => {
        const start = performance.now();
        work();
        return performance.now() - start;
      };
      const parse = () => new DOMParser().parseFromString(text, 'text/html');
      const native = typeof Element.prototype.setHTML === 'function';
      const times = { native: [], walk: [], parse: [] };
      for (let run = 0; run < runs; run += 1) {
        if (native) times.native.push(timed(() => window.cleanPage(text)));
        const parsed = parse();
        times.walk.push(timed(() => window.cleanPage(parsed)));
        times.parse.push(timed(parse));
      }
      return times;
    },
    { text, runs },
  );
  await context.close();
  return { native: times.native.length > 0 ? summary(times.native) : null, walk: summary(times.walk), parse: summary(times.parse) };
}

function compressed(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

// The page kinds whose code is weighed as served: what each page fetched of the
// widget's own code before it had taken over and the network was quiet.
const PAGE_KINDS = [
  ['a partner\'s single-article embed (script-tag.html)', () => `${PARTNER_URL}/script-tag.html`],
  [`the publisher's article page (/articles/${ALS}/)`, () => `${BENCH_URL}/articles/${ALS}/`],
  ['the publisher\'s catalog, the full app (/)', () => `${BENCH_URL}/`],
];

/**
 * The widget's code (scripts, Wasm, stylesheets from the widget's origin) that each of
 * PAGE_KINDS downloads, read from the page's resource timing once the network has been
 * idle for half a second, each file weighed from the site as the server sends it. So a
 * second Wasm, or code fetched only on demand, is counted where a page really fetches
 * it. The service worker's precache, which on the publisher's pages fetches the rest of
 * the app after the load, is not the page's and is left out.
 */
async function pageKindSizes() {
  const kinds = [];
  for (const [label, url] of PAGE_KINDS) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url(), { waitUntil: 'networkidle' });
    const names = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
    await context.close();
    const paths = [...new Set(names.filter((name) => name.startsWith(`${BENCH_URL}/`)).map((name) => new URL(name).pathname))]
      .filter((path) => /\.(js|wasm|css)$/.test(path))
      .sort();
    const files = paths.map((path) => ({ path, ...compressed(readFileSync(join(SITE, decodeURIComponent(path)))) }));
    kinds.push({ label, files });
  }
  return kinds;
}

/** Bytes of each file a partner page downloads for each implementation. */
function downloadSizes() {
  const site = readdirSync(SITE);
  const peer = readdirSync(join(SITE, 'peer'));
  const file = (dir, names, pattern) => join(dir, names.find((name) => pattern.test(name)));
  const floorPage = readFileSync(join(PARTNER_DIR, 'floor.html'), 'utf8');
  const floorScript = /<script>([\s\S]*)<\/script>/.exec(floorPage)[1];
  // Each its own data: the widget's holds parsed bodies, the peer's markdown.
  const data = join(SITE, 'articles', `${ALS}.json`);
  const peerData = join(SITE, 'peer', 'articles', `${ALS}.json`);
  const sizes = (entries) => entries.map(([label, path, isData]) => ({ label, isData, ...compressed(typeof path === 'string' ? readFileSync(path) : path) }));
  return {
    widget: sizes([
      ['embed.js', join(SITE, 'embed.js')],
      ...site.filter((name) => /^article-widget-([a-z-]+-)?[0-9a-f]+\.js$/.test(name)).map((name) => [`JS glue ${name.replace(/-[0-9a-f]+\.js$/, '')}`, join(SITE, name)]),
      // Every Wasm the build writes: an article-only one beside the full app's, if any.
      ...site.filter((name) => /_bg\.wasm$/.test(name)).map((name) => [`Wasm ${name.replace(/-[0-9a-f]+_bg\.wasm$/, '')}`, join(SITE, name)]),
      ['stylesheet', file(SITE, site, /^widget-[0-9a-f]+\.css$/)],
      [`prerendered ${ALS} (first paint)`, join(SITE, 'articles', ALS, 'default.html'), true],
      [`${ALS}.json`, data, true],
    ]),
    peer: sizes([
      ['peer.js', join(SITE, 'peer', 'peer.js')],
      ['marked', file(join(SITE, 'peer'), peer, /^marked-[0-9a-f]+\.js$/)],
      ['DOMPurify', file(join(SITE, 'peer'), peer, /^purify-[0-9a-f]+\.js$/)],
      ['peer renderer', file(join(SITE, 'peer'), peer, /^render-[0-9a-f]+\.js$/)],
      [`${ALS}.json (markdown)`, peerData, true],
    ]),
    floor: sizes([['inline script (article HTML and stylesheet)', Buffer.from(floorScript), true]]),
  };
}

/**
 * Lighthouse's own runs of the publisher's article page: its default, a simulated
 * mid-range phone on a slow 4G connection. Its timings belong here, never in a test.
 */
async function lighthouseRuns(url, runs) {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const results = [];
  for (let run = 0; run < runs; run += 1) {
    const chrome = await chromeLauncher.launch({
      chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
      results.push({
        version: lhr.lighthouseVersion,
        performance: lhr.categories.performance.score,
        fcp: lhr.audits['first-contentful-paint'].numericValue,
        lcp: lhr.audits['largest-contentful-paint'].numericValue,
        tbt: lhr.audits['total-blocking-time'].numericValue,
        cls: lhr.audits['cumulative-layout-shift'].numericValue,
      });
    } finally {
      await chrome.kill();
    }
  }
  return results;
}

// ---- measuring --------------------------------------------------------------------

const chromiumVersion = browser.version();
// The partner's three and the publisher's own page, interleaved run by run.
const cold = measures('cold') ? await coldRuns({ ...PAGES.als, ...PAGES.site }, ALS, (name) => ({ hosts: HOSTS[name] }), RUNS.cold) : null;
const warm = measures('warm') ? await warmRuns(PAGES.als, ALS, RUNS.warm) : null;
const large = measures('large')
  ? await coldRuns(PAGES.large, LARGE, (name) => ({ hosts: HOSTS[name], lastParagraph: LAST_PARAGRAPH }), RUNS.large)
  : null;
const many = measures('many')
  ? await coldRuns(
      { one: 'containers-1.html', twenty: 'containers-20.html' },
      ALS,
      (name) => ({ hosts: '[data-article-widget]', count: name === 'one' ? 1 : 20 }),
      RUNS.many,
    )
  : null;
const switches = [];
if (measures('switch')) {
  for (const [label, slug] of [
    ['ALS article', ALS],
    ['generated 1 MB article', LARGE],
  ]) {
    switches.push({ label, slug, ...(await audienceSwitch(slug)) });
  }
}
const sanitizing = [];
if (measures('sanitize')) {
  for (const [label, slug] of [
    ['ALS article', ALS],
    ['generated 1 MB article', LARGE],
  ]) {
    sanitizing.push({ label, ...(await sanitizeTimes(slug, RUNS.sanitize)) });
  }
}
const memories = [];
if (measures('switch-memory')) memories.push({ label: 'audience switches (ALS article)', step: 'switch', ...(await audienceSwitchMemory()) });
if (measures('mount-cycles')) memories.push({ label: 'mount/unmount cycles (ALS article)', step: 'cycle', ...(await mountCycleMemory()) });
// The partner's three and the publisher's own page, interleaved run by run.
const longest = measures('longest-task')
  ? await longTasks({
      pages: Object.fromEntries(Object.entries({ ...PAGES.als, ...PAGES.site }).map(([name, file]) => [name, file.startsWith('http') ? file : `${PARTNER_URL}/${file}`])),
      runs: RUNS.longTasks,
      slug: ALS,
      watchingContext,
      visit,
      hosts: HOSTS,
      ours: (name) => name === 'widget' || name === 'site',
    })
  : null;
const interactions = measures('first-interaction')
  ? await firstInteraction({
      browser,
      pages: { widget: `${PARTNER_URL}/${PAGES.als.widget}`, site: PAGES.site.site },
      runs: RUNS.interaction,
      delays: CLICK_DELAYS,
      hosts: HOSTS,
      watchingContext,
    })
  : null;
const pageKinds = measures('sizes') ? await pageKindSizes() : null;
await browser.close();
const parsing = measures('parse')
  ? [
      ['ALS article, professional', 'als-professional', ALS],
      ['generated 1 MB article, professional', 'bench-1mb-professional', LARGE],
    ].map(([label, input, slug]) => ({
      label,
      widget: criterionThroughput('widget', input),
      widgetRender: criterionThroughput('widget-render', input),
      peer: markedThroughput(peerArticleData(slug).variants.professional),
      floor: criterionThroughput('push_html', input),
    }))
  : [];
const sizes = measures('sizes') ? downloadSizes() : null;
const audits = measures('lighthouse') ? await lighthouseRuns(`${BENCH_URL}/articles/${ALS}/`, RUNS.lighthouse) : null;

// ---- the table --------------------------------------------------------------------

const ms = (value) => value.toFixed(1);
const spread = (s, digits = 1) => `${s.p50.toFixed(digits)} [${s.min.toFixed(digits)}–${s.max.toFixed(digits)}]`;
const kb = (bytes) => (bytes / 1024).toFixed(1);
const mb = (bytes) => (bytes / 2 ** 20).toFixed(2);
const verdict = (checks) => {
  const failed = checks.filter(([, ok]) => !ok).map(([name]) => name);
  return failed.length === 0 ? 'yes' : `no (${failed.join(', ')})`;
};
const rows = [];
const row = (figure, cells, goal = '', met = '') => rows.push({ figure, ...cells, goal, met });

if (cold) {
  const coldSummary = Object.fromEntries(IMPLEMENTATIONS.map((name) => [name, summary(cold[name].navigation)]));
  const { widget, peer, floor } = coldSummary;
  row(
    `ALS article embedded, cold cache: navigation → h1 visible, the widget's from its prerendered first paint (ms, median [min–max] of ${RUNS.cold})`,
    Object.fromEntries(IMPLEMENTATIONS.map((name) => [name, spread(coldSummary[name])])),
    'widget ≤ 1.2 × floor and ≤ 0.6 × peer',
    verdict([
      [`${(widget.p50 / floor.p50).toFixed(2)} × floor`, widget.p50 <= 1.2 * floor.p50],
      [`${(widget.p50 / peer.p50).toFixed(2)} × peer`, widget.p50 <= 0.6 * peer.p50],
    ]),
  );
  const takeOver = summary(cold.widget.interactive);
  row(`ALS article embedded, same runs: navigation → the Wasm has taken over (interactive) (ms)`, { widget: spread(takeOver) });
  const site = summary(cold.site.navigation);
  row(
    `publisher's own article page (/articles/${ALS}/), same runs: navigation → h1 visible (ms; floor: the partner's floor page)`,
    { widget: spread(site), floor: spread(floor) },
    'widget ≤ 1.1 × floor',
    verdict([[`${(site.p50 / floor.p50).toFixed(2)} × floor`, site.p50 <= 1.1 * floor.p50]]),
  );
  row(`publisher's own article page, same runs: navigation → the Wasm has taken over (interactive) (ms)`, { widget: spread(summary(cold.site.interactive)) });
}
if (audits) {
  const median = (key) => summary(audits.map((audit) => audit[key])).p50;
  const performanceScore = median('performance');
  const lcp = median('lcp');
  const cls = median('cls');
  const tbt = median('tbt');
  const each = (key, format) => audits.map((audit) => format(audit[key])).join(', ');
  row(
    `Lighthouse ${audits[0].version}, simulated mobile, /articles/${ALS}/: performance score, total blocking time (ms), LCP (s), CLS; FCP (s) (median of ${audits.length}; each run's score and TBT in brackets)`,
    {
      widget: `${performanceScore.toFixed(2)}, ${tbt.toFixed(0)} ms, ${(lcp / 1000).toFixed(2)} s, ${cls.toFixed(3)}; ${(median('fcp') / 1000).toFixed(2)} s [${each('performance', (v) => v.toFixed(2))}; ${each('tbt', (v) => v.toFixed(0))}]`,
    },
    'performance ≥ 0.95 (stretch 0.98), TBT ≤ 150 ms, LCP ≤ 1.5 s, CLS 0',
    verdict([
      ['performance', performanceScore >= 0.95],
      ['TBT', tbt <= 150],
      ['LCP', lcp <= 1500],
      ['CLS', cls === 0],
    ]),
  );
}
if (longest) {
  const present = IMPLEMENTATIONS.filter((name) => longest[name]);
  const cells = (key) => ({
    ...Object.fromEntries(present.map((name) => [name, spread(summary(longest[name][key]), 0)])),
  });
  const goal = (name) => summary(longest[name].longest).p50 <= 100;
  row(
    `longest main-thread task, navigation → interactive (the take-over done; the peer and the floor: the article shown), ${CPU_SLOWDOWN}× CPU slowdown, partner page (ms, median [min–max] of ${RUNS.longTasks}; 0: none of 50 ms or more)`,
    cells('longest'),
    'widget ≤ 100 ms (stretch 50)',
    verdict([[`${summary(longest.widget.longest).p50.toFixed(0)} ms`, goal('widget')]]),
  );
  row(
    `longest main-thread task, same runs, the publisher's article page (/articles/${ALS}/) (ms)`,
    { widget: spread(summary(longest.site.longest), 0) },
    '≤ 100 ms (stretch 50)',
    verdict([[`${summary(longest.site.longest).p50.toFixed(0)} ms`, goal('site')]]),
  );
  // From each run's trace: what filled the longest tasks. Script is the code's own
  // (embed.js, the Wasm and their callbacks; the peer's JavaScript); rendering is the
  // browser's work on the page (HTML, style, layout, paint), which the floor pays too.
  const both = (key) => ({
    ...cells(key),
    widget: `${spread(summary(longest.widget[key]), 0)} (${spread(summary(longest.site[key]), 0)})`,
  });
  row(
    `of those tasks, the longest that script filled (the code's own: embed.js, the Wasm, their callbacks), from each run's trace (its tasks as the trace times them, RunTask, which need not match the Long Tasks API's), partner page; the publisher's article page in brackets (ms)`,
    both('script'),
    'widget ≤ 100 ms',
    verdict([
      [`partner ${summary(longest.widget.script).p50.toFixed(0)} ms`, summary(longest.widget.script).p50 <= 100],
      [`publisher ${summary(longest.site.script).p50.toFixed(0)} ms`, summary(longest.site.script).p50 <= 100],
    ]),
  );
  row(
    `of those tasks, the longest that the browser's rendering filled (the article's HTML, style, layout and paint, which the floor pays for the same article), same traces (ms)`,
    both('rendering'),
  );
  row(`blocking time (each long task's time beyond 50 ms, summed), same runs and window, partner page (ms)`, cells('blocking'));
  row(`blocking time, same runs and window, the publisher's article page (ms)`, { widget: spread(summary(longest.site.blocking), 0) });
  row(`the window itself, same runs: navigation → interactive, ${CPU_SLOWDOWN}× slowdown, partner page; the publisher's page in brackets (ms)`, {
    ...Object.fromEntries(present.map((name) => [name, spread(summary(longest[name].until), 0)])),
    widget: `${spread(summary(longest.widget.until), 0)} (${spread(summary(longest.site.until), 0)})`,
  });
}
if (interactions) {
  for (const [name, place] of [
    ['widget', 'partner page'],
    ['site', `the publisher's article page`],
  ]) {
    for (const delay of CLICK_DELAYS) {
      const outcomes = interactions[name][delay];
      const shown = outcomes.filter((outcome) => outcome.shown !== undefined).map((outcome) => outcome.shown);
      const ignored = outcomes.filter((outcome) => outcome.ignored).length;
      const missed = outcomes.filter((outcome) => outcome.missed).length;
      const delays = outcomes.filter((outcome) => outcome.inputDelay !== undefined).map((outcome) => outcome.inputDelay);
      const before = outcomes.filter((outcome) => outcome.beforeTakeOver).length;
      const parts = [
        shown.length > 0 ? `shown ${shown.length}/${outcomes.length}: ${spread(summary(shown), 0)}` : null,
        ignored > 0 ? `ignored ${ignored}/${outcomes.length}` : null,
        missed > 0 ? `missed ${missed}/${outcomes.length} (reached no control: not on screen or not drawn yet)` : null,
        delays.length > 0 ? `input delay ${spread(summary(delays), 0)}` : null,
        `received before the take-over ${before}/${outcomes.length}`,
      ].filter((part) => part !== null);
      const when =
        delay === 'after' ? '300 ms after the take-over' : `${delay} ms after the navigation committed (sent at ${spread(summary(outcomes.map((outcome) => outcome.sentAt)), 0)})`;
      const met = shown.length === outcomes.length && summary(shown).p50 <= 200;
      row(
        `first interaction, ${place}, ${CPU_SLOWDOWN}× CPU slowdown: a click on "Patient" ${when} → the end of the first frame showing the patient version (ms, median [min–max]; of ${outcomes.length} runs)`,
        { widget: parts.join('; ') },
        '≤ 200 ms, every click shown',
        verdict([[shown.length === outcomes.length ? `${summary(shown).p50.toFixed(0)} ms` : 'not every click shown', met]]),
      );
    }
  }
}
if (warm) {
  row(
    `ALS article, warm cache: navigation → h1 visible (ms, median [min–max] of ${RUNS.warm})`,
    Object.fromEntries(IMPLEMENTATIONS.map((name) => [name, spread(summary(warm[name]))])),
  );
}
if (large) {
  const largeSummary = Object.fromEntries(IMPLEMENTATIONS.map((name) => [name, summary(large[name].navigation)]));
  row(
    `1 MB article, cold cache: navigation → last body paragraph visible (ms, median [min–max] of ${RUNS.large})`,
    Object.fromEntries(IMPLEMENTATIONS.map((name) => [name, spread(largeSummary[name])])),
    'widget ≤ peer',
    verdict([['slower than peer', largeSummary.widget.p50 <= largeSummary.peer.p50]]),
  );
  row(
    `1 MB article, same runs: article data received → last body paragraph visible (ms; floor: from its page received)`,
    Object.fromEntries(IMPLEMENTATIONS.map((name) => [name, spread(summary(large[name].data))])),
  );
}
if (many) {
  const one = summary(many.one.navigation);
  const twenty = summary(many.twenty.navigation);
  row(`1 widget in a container, cold cache: navigation → h1 visible (ms, median [min–max] of ${RUNS.many})`, { widget: spread(one) });
  row(
    `20 widgets on one page (the 8 articles repeated), cold cache: navigation → all 20 h1 visible (ms, same runs)`,
    { widget: spread(twenty) },
    '≤ 2 × one widget',
    verdict([[`${(twenty.p50 / one.p50).toFixed(2)} × one`, twenty.p50 <= 2 * one.p50]]),
  );
  // The Wasm's share: decoding and rendering each widget once it has loaded.
  const oneInteractive = summary(many.one.interactive);
  const twentyInteractive = summary(many.twenty.interactive);
  row(`1 widget in a container, same runs: navigation → the Wasm has taken over (ms)`, { widget: spread(oneInteractive) });
  row(`20 widgets, same runs: navigation → the Wasm has taken over all 20 (ms)`, {
    widget: `${spread(twentyInteractive)} (${(twentyInteractive.p50 / oneInteractive.p50).toFixed(2)} × one)`,
  });
}
for (const { label, slug, commit, frame } of switches) {
  const cell = (s) => `p50 ${ms(s.p50)}, p95 ${ms(s.p95)} [${ms(s.min)}–${ms(s.max)}]`;
  row(`audience switch, ${label}: input → body committed (ms, of ${commit.n})`, { widget: cell(commit) });
  const isAls = slug === ALS;
  row(
    `audience switch, ${label}: input → next frame (ms, of ${frame.n})`,
    { widget: cell(frame) },
    isAls ? 'p95 < 16 ms' : '',
    isAls ? verdict([['p95', frame.p95 < 16]]) : '',
  );
}
// Growth against the reading after the first step (see memoryGrowth); the Wasm figure
// is the linear memory's high-water mark, so it names the steps after which it grew.
for (const memory of memories) {
  for (const reading of memory.readings) {
    for (const [kind, key] of [
      ['JS heap', 'js'],
      ['Wasm memory (high-water mark)', 'wasm'],
    ]) {
      const growth = reading[key] - memory.first[key];
      const grewAfter = memory.grewAfter.filter((step) => step <= reading.steps);
      const when =
        key === 'wasm' && grewAfter.length > 0
          ? `; grew after ${memory.step} ${grewAfter.slice(0, 12).join(', ')}${grewAfter.length > 12 ? ', …' : ''}`
          : '';
      row(
        `memory: ${kind} after ${reading.steps} ${memory.label}, growth since the end of the first ${memory.step} (MiB, GC forced before each reading)`,
        { widget: `${growth >= 0 ? '+' : ''}${mb(growth)} (${mb(memory.first[key])} → ${mb(reading[key])}${when})` },
        '< 1 MiB growth',
        verdict([['growth', growth < 2 ** 20]]),
      );
    }
  }
}
for (const { label, native, walk, parse } of sanitizing) {
  row(
    `prerendered page → cleaned (www/loader/sanitize.js), ${label}: the HTML Sanitizer API and the walk; the walk alone, where the browser has no sanitizer; the page's parse alone, what the first paint paid before (ms, median [min–max] of ${walk.n})`,
    { widget: `${native ? spread(native, 2) : 'no setHTML'}; ${spread(walk, 2)}; ${spread(parse, 2)}` },
  );
}
for (const parse of parsing) {
  const cell = (s) => (s ? spread(s) : 'not measured');
  row(
    `markdown → document, ${parse.label} (MB/s, median [min–max] of samples; widget: parse and render to Yew Html, native; peer: marked in node; floor: pulldown-cmark push_html, native)`,
    { widget: cell(parse.widget), peer: cell(parse.peer), floor: cell(parse.floor) },
  );
  row(
    `parsed body → Yew Html, ${parse.label}: the widget's part in the reader's browser, the parse having run in \`articles build\` (MB/s of markdown, native)`,
    { widget: cell(parse.widgetRender) },
  );
}
if (sizes) {
  const sizeCell = (size) => `${kb(size.raw)} / ${kb(size.gzip)} / ${kb(size.brotli)}`;
  for (const name of IMPLEMENTATIONS) {
    for (const size of sizes[name]) {
      const isLoader = size.label === 'embed.js';
      row(
        `download, ${name}: ${size.label} (KB raw / gzip / brotli)`,
        { [name]: sizeCell(size) },
        isLoader ? '≤ 5 KB gzip' : '',
        isLoader ? verdict([['gzip', size.gzip <= 5 * 1024]]) : '',
      );
    }
  }
  const sum = (list) => list.reduce((total, size) => ({ raw: total.raw + size.raw, gzip: total.gzip + size.gzip, brotli: total.brotli + size.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  const code = Object.fromEntries(IMPLEMENTATIONS.map((name) => [name, sum(sizes[name].filter((size) => !size.isData))]));
  row(
    'download: every code file above, everything but the article data (KB raw / gzip / brotli; with two Wasm builds, more than any page fetches: see the page kinds below)',
    { widget: sizeCell(code.widget), peer: sizeCell(code.peer), floor: sizeCell(code.floor) },
    'widget ≤ 150 KB gzip',
    verdict([['gzip', code.widget.gzip <= 150 * 1024]]),
  );
  row(
    'download: total, ALS article (KB raw / gzip / brotli)',
    Object.fromEntries(IMPLEMENTATIONS.map((name) => [name, sizeCell(sum(sizes[name]))])),
  );
  for (const { label, files } of pageKinds) {
    const total = sum(files);
    const embed = label.startsWith('a partner');
    const list = files.map((file) => `${file.path.replace(/^.*\//, '').replace(/-[0-9a-f]{12,16}(?=[._])/, '')} ${kb(file.brotli)}`).join(', ');
    row(
      `code downloaded by page kind, as served: ${label}: the widget's scripts, Wasm and stylesheets it fetched (KB raw / gzip / brotli; each file's brotli KB after)`,
      { widget: `${sizeCell(total)} (${list})` },
      embed ? '≤ 120 KB brotli (stretch 100)' : '',
      embed ? verdict([[`${kb(total.brotli)} KB brotli`, total.brotli <= 120 * 1024]]) : '',
    );
  }
}

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}; Chromium ${chromiumVersion}`;
const table = [
  '| figure | widget | peer | floor | goal | met |',
  '|:--|--:|--:|--:|:--|:--|',
  ...rows.map((r) => `| ${r.figure} | ${r.widget ?? ''} | ${r.peer ?? ''} | ${r.floor ?? ''} | ${r.goal} | ${r.met} |`),
];
const report = `# article-widget benchmark

Run ${new Date().toISOString()} on ${machine}.${ONLY.length > 0 ? `\n\nOnly ${ONLY.join(', ')} (BENCH_ONLY).` : ''}

widget: embed.js, the Rust/Wasm widget, which shows the build's prerendered article while its Wasm loads; peer: a JavaScript widget built with marked and DOMPurify (benches/peer/), fetching the same article with its variants as markdown; floor: the peer's HTML pre-rendered into the page and set into a shadow root by an inline script. Partner pages on another origin than the widget's host; "visible" is the end of the first frame that shows it.

${table.join('\n')}
`;
mkdirSync(dirname(REPORT), { recursive: true });
writeFileSync(REPORT, report);
console.log(report);

// `cargo xtask bench` drives this against the release build it serves at BENCH_URL:
// headless Chromium through playwright-core, a table on stdout, and the same table in
// target/bench/report.md. Wall-clock figures live here, never in the tests.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const BENCH_URL = process.env.BENCH_URL;
const REPORT = process.env.BENCH_REPORT ?? 'target/bench/report.md';
const SWITCHES = Number(process.env.BENCH_SWITCHES ?? 100);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 15);
const PARTNER_URL = process.env.BENCH_PARTNER_URL;
const DIST = process.env.BENCH_DIST ?? 'dist';
if (!BENCH_URL) {
  console.error('BENCH_URL is not set: run `cargo xtask bench`');
  process.exit(2);
}

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
 * Audience switches in one widget: from the radio's input event to the new body
 * committed (the first microtask after the DOM changed) and to the next animation
 * frame after that commit, alternating patient and professional.
 */
async function audienceSwitch(slug) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${BENCH_URL}/?article=${slug}`);
  await page.locator('[data-article-widget] .disclaimer').waitFor({ timeout: 60_000 });
  const samples = await page.evaluate(async (switches) => {
    const root = document.querySelector('[data-article-widget]').shadowRoot;
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
  }, SWITCHES);
  await context.close();
  return { commit: summary(samples.commits), frame: summary(samples.frames) };
}

/** Bytes of each file a partner page downloads, raw, gzip -9 and brotli -q 11. */
function downloadSizes() {
  const files = readdirSync(DIST);
  const pick = (pattern) => files.find((name) => pattern.test(name));
  const parts = [
    ['loader (embed.js)', 'embed.js'],
    ['JS glue', pick(/^article-widget-[0-9a-f]+\.js$/)],
    ['Wasm (stylesheet inside)', pick(/_bg\.wasm$/)],
    ['article data (als-primary-treatment.json)', 'articles/als-primary-treatment.json'],
  ];
  return parts.map(([label, name]) => {
    const bytes = readFileSync(join(DIST, name));
    const gzip = gzipSync(bytes, { level: 9 }).length;
    const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    return { label, raw: bytes.length, gzip, brotli };
  });
}

/**
 * Cold cache, a partner page on another origin: from the embed.js request starting to
 * the article's heading in the widget, median of COLD_RUNS fresh browser contexts.
 */
async function coldTimeToArticle() {
  const samples = [];
  for (let run = 0; run < COLD_RUNS; run += 1) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${PARTNER_URL}/script-tag.html`);
    const handle = await page.waitForFunction(
      () => {
        const heading = document.querySelector('article-widget')?.shadowRoot?.querySelector('h1');
        if (!heading) return false;
        const loader = performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('/embed.js'));
        return performance.now() - loader.startTime;
      },
      null,
      { polling: 'raf', timeout: 60_000 },
    );
    samples.push(await handle.jsonValue());
    await context.close();
  }
  return summary(samples);
}

const chromiumVersion = browser.version();
const rows = [];
if (PARTNER_URL) {
  const cold = await coldTimeToArticle();
  rows.push({ figure: 'cold cache, partner page: embed.js request → article visible', unit: 'ms', ...cold, goal: '' });
}
for (const [label, slug] of [
  ['ALS article', 'als-primary-treatment'],
  ['generated 1 MB article', 'bench-1mb'],
]) {
  const { commit, frame } = await audienceSwitch(slug);
  rows.push({ figure: `audience switch, ${label}: input → body committed`, unit: 'ms', ...commit, goal: '' });
  rows.push({ figure: `audience switch, ${label}: input → next frame`, unit: 'ms', ...frame, goal: slug === 'als-primary-treatment' ? 'p95 < 16 ms' : '' });
}
await browser.close();

const fmt = (value) => (typeof value === 'number' ? value.toFixed(1) : value);
const header = '| figure | p50 | p95 | min | max | n | goal |';
const lines = [header, '|:--|--:|--:|--:|--:|--:|:--|', ...rows.map((row) => `| ${row.figure} (${row.unit}) | ${fmt(row.p50)} | ${fmt(row.p95)} | ${fmt(row.min)} | ${fmt(row.max)} | ${row.n} | ${row.goal} |`)];
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}; Chromium ${chromiumVersion}`;
const sizes = downloadSizes();
const total = sizes.reduce((sum, size) => ({ raw: sum.raw + size.raw, gzip: sum.gzip + size.gzip, brotli: sum.brotli + size.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const code = sizes.filter((size) => !size.label.startsWith('article data'));
const codeGzip = code.reduce((sum, size) => sum + size.gzip, 0);
const kb = (bytes) => (bytes / 1024).toFixed(1);
const sizeGoal = (size) => (size.label.startsWith('loader') ? '≤ 5 KB gzip' : '');
const sizeLines = [
  '| file a partner page downloads | raw KB | gzip KB | brotli KB | goal |',
  '|:--|--:|--:|--:|:--|',
  ...sizes.map((size) => `| ${size.label} | ${kb(size.raw)} | ${kb(size.gzip)} | ${kb(size.brotli)} | ${sizeGoal(size)} |`),
  `| everything but the article data | ${kb(code.reduce((sum, size) => sum + size.raw, 0))} | ${kb(codeGzip)} | ${kb(code.reduce((sum, size) => sum + size.brotli, 0))} | ≤ 150 KB gzip |`,
  `| total | ${kb(total.raw)} | ${kb(total.gzip)} | ${kb(total.brotli)} | |`,
];
const report = `# article-widget benchmark\n\nRun ${new Date().toISOString()} on ${machine}.\n\n${lines.join('\n')}\n\n${sizeLines.join('\n')}\n`;
mkdirSync(REPORT.replace(/\/[^/]*$/, ''), { recursive: true });
writeFileSync(REPORT, report);
console.log(report);

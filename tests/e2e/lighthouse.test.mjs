// Lighthouse 12 (npm `lighthouse`, pinned to 12.2.3, the newest that runs on Node 20)
// with Debian's Chromium, on an article's page of the publisher's site: its SEO,
// accessibility and best-practices scores. Scores, not timings: timings are the
// bench's (`cargo xtask bench`).
//
// The site is a copy of dist/ written for the test server's own address
// (LIGHTHOUSE_SITE_URL, by `articles site --site-url`), so that its canonical links,
// sitemap and robots.txt name the host Lighthouse audits.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const SITE_URL = process.env.LIGHTHOUSE_SITE_URL;
if (!SITE_URL) throw new Error('LIGHTHOUSE_SITE_URL is not set: run the end-to-end tests through `cargo xtask test`');

let chrome;
before(async () => {
  chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});
after(async () => {
  await chrome?.kill();
});

for (const path of ['articles/als-primary-treatment/', '']) {
  test(`Lighthouse: SEO, accessibility and best practices all 100 on /${path}`, async () => {
    const result = await lighthouse(`${SITE_URL}${path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['seo', 'accessibility', 'best-practices'],
    });
    const { categories, audits } = result.lhr;
    const failing = Object.values(audits)
      .filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === 'binary')
      .map((audit) => `${audit.id}: ${audit.title}`);
    for (const category of ['seo', 'accessibility', 'best-practices']) {
      assert.equal(categories[category].score, 1, `${category} is ${categories[category].score}: ${failing.join('; ')}`);
    }
  });
}

// A partner pins the widget's code with one integrity attribute: the build's
// `v/<version>/embed.js` (xtask/pin-loader.mjs) has the glue bundled in and fetches its
// Wasm and stylesheet by their sha384, while the content stays live at the site's root.
// Each test is a partner page on an origin of its own, as a partner's is.
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ALS_QUESTION, WIDGET_URL, launchBrowser, newPage, takenOver } from './harness.mjs';
import { serveSiteCopy, stopSiteCopies } from './site-copy.mjs';

const SITE_DIR = process.env.SITE_DIR;
const SLUG = 'als-primary-treatment';
const pinned = JSON.parse(readFileSync(join(SITE_DIR, 'pinned.json'), 'utf8'));

let browser;
let partner;
let PARTNER;
// The page the partner's server answers, set by each test.
let partnerPage = '';
before(async () => {
  browser = await launchBrowser();
  partner = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(partnerPage);
  });
  await new Promise((resolve) => partner.listen(0, '127.0.0.1', resolve));
  PARTNER = `http://127.0.0.1:${partner.address().port}`;
});
after(async () => {
  await browser?.close();
  partner?.close();
  stopSiteCopies();
});

/** A partner's page with the pinned script tag, as the embed panel gives it. */
function pinnedPage(widgetUrl, integrity = pinned.integrity) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Clinic</title></head>
<body><main><h1>Our clinic's page</h1>
<div data-article-widget data-article="${SLUG}"><p><a href="${widgetUrl}/articles/${SLUG}/">Read the article</a></p></div>
<script src="${widgetUrl}/${pinned.src}" integrity="${integrity}" crossorigin="anonymous" async></script>
</main></body></html>`;
}

/** Opens `html` as the partner's page; returns the page and every URL it asked for. */
async function openPartner(html) {
  partnerPage = html;
  const opened = await newPage(browser);
  const requests = [];
  opened.page.on('request', (request) => requests.push(request.url()));
  await opened.page.goto(`${PARTNER}/`);
  assert.notEqual(new URL(PARTNER).origin, new URL(WIDGET_URL).origin);
  return { ...opened, requests };
}

const shadowText = (page) =>
  page.evaluate(() => document.querySelector('[data-article-widget]').shadowRoot?.textContent ?? '');

test('one integrity attribute pins all the code: the glue is in the pinned script, the Wasm and stylesheet come from its version folder, the article from the live site', async () => {
  const { context, page, requests, pageErrors, consoleErrors } = await openPartner(pinnedPage(WIDGET_URL));
  try {
    await takenOver(page);
    assert.ok((await shadowText(page)).includes(ALS_QUESTION));
    const folder = `${WIDGET_URL}/v/${pinned.version}/`;
    const code = requests.filter((url) => /\.(js|wasm|css)(\?|$)/.test(url));
    // Nothing but the pinned script, its Wasm and its stylesheet: no glue of the live build.
    assert.deepEqual(
      code.map((url) => url.replace(/-[0-9a-f]{12,16}(_bg)?\./, '-HASH$1.')).sort(),
      [`${folder}article-widget-HASH_bg.wasm`, `${folder}embed.js`, `${folder}widget-HASH.css`],
    );
    assert.ok(requests.includes(`${WIDGET_URL}/articles/${SLUG}.json`), 'the article came from the live site');
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test('a wrong integrity fails closed: the browser refuses the script and says why, and the page and its link to the article stay', async () => {
  const wrong = `sha384-${Buffer.alloc(48, 7).toString('base64')}`;
  const { context, page, pageErrors, consoleErrors } = await openPartner(pinnedPage(WIDGET_URL, wrong));
  try {
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('/embed.js')));
    await page.waitForTimeout(300);
    assert.ok(
      consoleErrors.some((text) => text.includes('integrity') && text.includes(pinned.src)),
      `no console message names the integrity: ${consoleErrors.join(' | ')}`,
    );
    const state = await page.evaluate(() => ({
      loader: window[Symbol.for('article-widget.loader')] !== undefined,
      shadow: document.querySelector('[data-article-widget]').shadowRoot !== null,
      heading: document.querySelector('h1').textContent,
      link: document.querySelector('[data-article-widget] a').textContent,
    }));
    assert.deepEqual(state, { loader: false, shadow: false, heading: "Our clinic's page", link: 'Read the article' });
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('a Wasm that is not the pinned one is refused: the reader keeps the prerendered article and is told, and the console says why', async () => {
  const site = await serveSiteCopy();
  const folder = join(site.dir, 'v', pinned.version);
  const wasm = readdirSync(folder).find((name) => name.endsWith('.wasm'));
  // A host that serves other code under the pinned name, still a valid module: one
  // custom section more (id 0, 5 bytes: the name "test", 4 bytes long).
  const other = Buffer.concat([readFileSync(join(folder, wasm)), Buffer.from([0, 5, 4, ...Buffer.from('test')])]);
  assert.ok(WebAssembly.validate(other));
  writeFileSync(join(folder, wasm), other);
  for (const sibling of [`${wasm}.br`, `${wasm}.gz`]) rmSync(join(folder, sibling), { force: true });
  const { context, page, pageErrors, consoleErrors } = await openPartner(pinnedPage(site.url));
  try {
    await page.waitForFunction(() => {
      const shadow = document.querySelector('[data-article-widget]').shadowRoot;
      return shadow?.querySelector('button') && shadow.querySelector('[data-prerendered]');
    });
    assert.ok((await shadowText(page)).includes(ALS_QUESTION), 'the prerendered article stays');
    assert.ok(
      consoleErrors.some((text) => text.includes('pinned version names by its integrity')),
      `no console message says why: ${consoleErrors.join(' | ')}`,
    );
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('a page pinned to one build still loads after the next build replaced the site, kept by `dist --keep`, and reads the new build\'s content', async () => {
  const next = await serveSiteCopy();
  // The next build: its own code at the root and in its own version folder, none of
  // this build's (as if every hash had changed), and a new question for the article.
  for (const name of readdirSync(next.dir)) {
    if (/^(article-widget-|widget-)[0-9a-f]+/.test(name)) rmSync(join(next.dir, name));
  }
  rmSync(join(next.dir, 'v'), { recursive: true });
  const data = join(next.dir, 'articles', `${SLUG}.json`);
  const question = 'What is the first treatment for ALS, as of the next build?';
  writeFileSync(data, readFileSync(data, 'utf8').replaceAll(ALS_QUESTION, question));
  for (const sibling of [`${data}.br`, `${data}.gz`]) rmSync(sibling, { force: true });
  execFileSync('node', ['xtask/keep-versions.mjs', SITE_DIR, next.dir], { cwd: new URL('../..', import.meta.url) });
  const { context, page, pageErrors, consoleErrors } = await openPartner(pinnedPage(next.url));
  try {
    await takenOver(page);
    await page.waitForFunction((question) => document.querySelector('[data-article-widget]').shadowRoot.textContent.includes(question), question);
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

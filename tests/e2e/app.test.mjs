// The publisher's own page as an installable offline app: manifest and icons, the
// service worker's precache, "Save all articles for offline use", and the update
// prompt when a new build is deployed. Each test serves its own copy of the built
// site on its own origin (so service workers never meet), and can take that server
// away entirely, so "offline" here means no server at all, not only emulation.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { ALS_QUESTION, axeViolations, launchBrowser, launchPersistentContext, newPage } from './harness.mjs';

const SITE_DIR = process.env.SITE_DIR;
if (!SITE_DIR) throw new Error('SITE_DIR is not set: run the end-to-end tests through `cargo xtask test`');

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

let browser;
const sites = [];
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  for (const site of sites) site.stop();
});

/** Serves a fresh copy of the built site on its own port; `stop()` takes it away. */
async function serveSiteCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'article-widget-site-'));
  cpSync(SITE_DIR, dir, { recursive: true });
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://site').pathname));
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    try {
      const body = await readFile(file);
      response.writeHead(200, {
        'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const site = {
    dir,
    url: `http://127.0.0.1:${server.address().port}`,
    stop() {
      server.close();
      server.closeAllConnections();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  sites.push(site);
  return site;
}

/** Waits until the service worker is active and controls the page. */
async function waitForServiceWorker(page) {
  await page.waitForFunction(async () => {
    await navigator.serviceWorker.ready;
    return navigator.serviceWorker.controller !== null;
  });
}

/** No network at all: the browser is offline and the server is gone. */
async function goOffline(context, site) {
  site.stop();
  await context.setOffline(true);
}

function widget(page) {
  return page.locator('[data-article-widget]');
}

test('the page is installable: manifest, icons and a service worker that controls it', async () => {
  const site = await serveSiteCopy();
  // Chromium never offers to install from an incognito context: this one has a profile.
  const profile = mkdtempSync(join(tmpdir(), 'article-widget-profile-'));
  const context = await launchPersistentContext(profile);
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  await page.goto(`${site.url}/`);
  await waitForServiceWorker(page);

  const manifest = JSON.parse(readFileSync(join(site.dir, 'manifest.webmanifest'), 'utf8'));
  assert.equal(manifest.display, 'standalone');
  const sizes = manifest.icons.map((icon) => icon.sizes);
  assert.ok(sizes.includes('192x192') && sizes.includes('512x512'), `icons: ${sizes}`);
  assert.ok(manifest.icons.some((icon) => icon.purpose === 'maskable'));
  for (const icon of manifest.icons) {
    const response = await page.request.get(`${site.url}/${icon.src}`);
    assert.equal(response.status(), 200, icon.src);
    assert.equal(response.headers()['content-type'], icon.type, icon.src);
  }
  // Chromium's own verdict on whether the page can be installed.
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, []);
  assert.deepEqual(pageErrors, []);
  await context.close();
  rmSync(profile, { recursive: true, force: true });
});

test('visited online, the page and its article open again with no network after a reload', async () => {
  const site = await serveSiteCopy();
  const { context, page, pageErrors } = await newPage(browser);
  await page.goto(`${site.url}/?article=als-primary-treatment`);
  await widget(page).getByRole('heading', { level: 1, name: ALS_QUESTION }).waitFor();
  await waitForServiceWorker(page);

  await goOffline(context, site);
  await page.reload();
  await widget(page).getByRole('heading', { level: 1, name: ALS_QUESTION }).waitFor();
  await widget(page).getByText(/^You're offline\. Showing the copy saved/).waitFor();
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test("an article's own page read online opens again offline, and any other address opens the shell, which says it is offline", async () => {
  const site = await serveSiteCopy();
  const { context, page, pageErrors } = await newPage(browser);
  await page.goto(`${site.url}/articles/als-primary-treatment/`);
  await waitForServiceWorker(page);
  // The page that installed the worker came before it: the page keeps it itself.
  await page.waitForFunction(async () => Boolean(await (await caches.open('article-widget/v1/app-pages')).match(location.href)));
  // A second page, read once the worker controls the site.
  await page.goto(`${site.url}/articles/hypertension-first-line-treatment/`);
  await widget(page).getByRole('heading', { level: 1, name: /high blood pressure/ }).waitFor();

  await goOffline(context, site);
  for (const path of ['articles/als-primary-treatment/', 'articles/hypertension-first-line-treatment/']) {
    await page.goto(`${site.url}/${path}`);
    // The page itself, prerendered, from the worker's copy, before any script runs.
    assert.equal(await page.locator('link[rel="canonical"]').count(), 1, `${path}: the article's own page`);
    await widget(page).getByRole('heading', { level: 1 }).waitFor();
  }
  await page.goto(`${site.url}/articles/mild-asthma-treatment-adults/`);
  await widget(page)
    .getByText('This article has not been saved on this device yet. It will open by itself when you are back online.')
    .waitFor();
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test('"Save all articles for offline use" shows its progress, then every article opens offline', async () => {
  const site = await serveSiteCopy();
  const slugs = JSON.parse(readFileSync(join(site.dir, 'articles/index.json'), 'utf8')).articles.map(
    (entry) => [entry.slug, entry.question, entry.lang],
  );
  assert.ok(slugs.length >= 8, `the catalog has ${slugs.length} articles`);
  const { context, page, pageErrors } = await newPage(browser);
  await page.goto(`${site.url}/`);
  await waitForServiceWorker(page);

  const saveAll = page.getByRole('button', { name: 'Save all articles for offline use' });
  const statuses = [];
  await page.exposeFunction('noteStatus', (text) => statuses.push(text));
  await page.evaluate(() => {
    const status = document.getElementById('save-status');
    new MutationObserver(() => window.noteStatus(status.textContent)).observe(status, { childList: true, characterData: true, subtree: true });
  });
  await saveAll.click();
  await page.getByRole('status').getByText(`All ${slugs.length} articles are saved on this device`).waitFor();
  assert.ok(
    statuses.some((text) => text.includes(`1 of ${slugs.length}`)),
    `progress was announced: ${JSON.stringify(statuses)}`,
  );
  assert.deepEqual(await axeViolations(page), []);

  await goOffline(context, site);
  // Each article speaks its own language on the publisher's site: so does its banner.
  const BANNERS = {
    en: /^You're offline\. Showing the copy saved on \w+ \d+, \d{4}\.$/,
    es: /^No tiene conexión\. Se muestra la copia guardada el \d+ de \w+ de \d{4}\.$/,
  };
  for (const [slug, question, lang] of slugs) {
    await page.goto(`${site.url}/?article=${slug}`);
    await widget(page).getByRole('heading', { level: 1, name: question }).waitFor();
    // Honest about what it shows: the saved copy, and the day it was saved.
    await widget(page).getByText(BANNERS[lang]).waitFor();
  }
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test('when a new build is deployed, the page offers "Update available, reload" and the reload brings it', async () => {
  const site = await serveSiteCopy();
  const { context, page, pageErrors } = await newPage(browser);
  await page.goto(`${site.url}/`);
  await waitForServiceWorker(page);
  await widget(page).getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await page.locator('meta[name="build"]').count(), 0);

  // The new build: a changed page, so a changed precache manifest in sw.js.
  const indexPath = join(site.dir, 'index.html');
  writeFileSync(indexPath, readFileSync(indexPath, 'utf8').replace('<head>', '<head><meta name="build" content="next">'));
  const swPath = join(site.dir, 'sw.js');
  const sw = readFileSync(swPath, 'utf8');
  const changed = sw.replace(/(\{url:"index\.html",revision:")[0-9a-f]+"/, '$1next-build"');
  assert.notEqual(changed, sw, 'sw.js lists index.html with a revision');
  writeFileSync(swPath, changed);

  // The page is not swapped by itself: it asks first.
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  const reload = page.getByRole('button', { name: 'Update available, reload' });
  await reload.waitFor();
  assert.equal(await page.locator('meta[name="build"]').count(), 0);

  await Promise.all([page.waitForEvent('load'), reload.click()]);
  await page.locator('meta[name="build"][content="next"]').waitFor({ state: 'attached' });
  await widget(page).getByRole('heading', { level: 1 }).waitFor();
  assert.deepEqual(pageErrors, []);
  await context.close();
});

// The publisher's own page as an installable offline app: manifest and icons, the
// service worker's precache, and the update prompt when a new build is deployed
// (saving articles for offline use: save.test.mjs). Each test serves its own copy of
// the built site (site-copy.mjs).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALS_QUESTION, axeViolations, launchBrowser, launchPersistentContext, newPage } from './harness.mjs';
import { goOffline, serveSiteCopy, stopSiteCopies, waitForServiceWorker, widget } from './site-copy.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  stopSiteCopies();
});

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

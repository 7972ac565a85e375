// The publisher's own page as an installable offline app: manifest and icons, the
// service worker's precache, "Save all articles for offline use", and the update
// prompt when a new build is deployed. Each test serves its own copy of the built
// site on its own origin (so service workers never meet), and can take that server
// away entirely, so "offline" here means no server at all, not only emulation.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

/**
 * Serves a fresh copy of the built site on its own port; `stop()` takes it away. The
 * paths `slow` matches answer after `delayMs`, as over a slow connection.
 */
async function serveSiteCopy({ slow = null, delayMs = 0 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'article-widget-site-'));
  cpSync(SITE_DIR, dir, { recursive: true });
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://site').pathname));
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    if (slow?.test(path)) await new Promise((resolve) => setTimeout(resolve, delayMs));
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

/** The site copy's catalog split into pages of `pageSize`, as the build writes a large one. */
function pageCatalog(site, pageSize) {
  const path = join(site.dir, 'articles/index.json');
  const index = JSON.parse(readFileSync(path, 'utf8'));
  const entries = index.articles;
  mkdirSync(join(site.dir, 'articles/catalog'), { recursive: true });
  for (let page = 2; (page - 1) * pageSize < entries.length; page += 1) {
    const articles = entries.slice((page - 1) * pageSize, page * pageSize);
    writeFileSync(join(site.dir, `articles/catalog/${page}.json`), JSON.stringify({ articles }));
  }
  writeFileSync(path, JSON.stringify({ ...index, articles: entries.slice(0, pageSize), page_size: pageSize }));
  return { entries, total: index.total, dataBytes: index.data_bytes };
}

/** Notes each text the save status takes, in `statuses`. */
async function recordStatuses(page) {
  const statuses = [];
  await page.exposeFunction('noteStatus', (text) => statuses.push(text));
  await page.evaluate(() => {
    const status = document.getElementById('save-status');
    new MutationObserver(() => window.noteStatus(status.textContent)).observe(status, { childList: true, characterData: true, subtree: true });
  });
  return statuses;
}

/** The paths of the site the article cache holds. */
async function savedPaths(page) {
  return page.evaluate(async () => {
    const cache = await caches.open('article-widget/v1/app-articles');
    return (await cache.keys()).map((request) => new URL(request.url).pathname).sort();
  });
}

test('"Save all" says how many articles and how much before it starts, walks the catalog\'s pages, shows its progress, then every article opens offline', async () => {
  const site = await serveSiteCopy();
  // Pages of 4, so that saving walks catalog/2.json and catalog/3.json as at scale.
  const { entries, total, dataBytes } = pageCatalog(site, 4);
  assert.ok(entries.length >= 9 && total === entries.length, `the catalog has ${entries.length} articles, says ${total}`);
  const { context, page, pageErrors } = await newPage(browser);
  await page.goto(`${site.url}/`);
  await waitForServiceWorker(page);

  // The size said is the one the build wrote: the bytes of every article's data.
  const sizes = entries.map((entry) => statSync(join(site.dir, `articles/${entry.slug}.json`)).size);
  assert.equal(dataBytes, sizes.reduce((sum, size) => sum + size, 0));
  const saveAll = page.getByRole('button', { name: `Save all ${total} articles (${Math.round(dataBytes / 1000)} KB) for offline use` });
  await saveAll.waitFor();
  const statuses = await recordStatuses(page);
  await saveAll.click();
  await page.getByRole('status').getByText(`All ${total} articles are saved on this device`).waitFor();
  assert.ok(
    statuses.some((text) => text.includes(`1 of ${total}`)),
    `progress was announced: ${JSON.stringify(statuses)}`,
  );
  const saved = await savedPaths(page);
  for (const path of ['/articles/catalog/2.json', '/articles/catalog/3.json', ...entries.map((entry) => `/articles/${entry.slug}.json`)]) {
    assert.ok(saved.includes(path), `${path} is saved: ${saved}`);
  }
  assert.deepEqual(await axeViolations(page), []);

  await goOffline(context, site);
  // Each article speaks its own language on the publisher's site: so does its banner.
  const BANNERS = {
    en: /^You're offline\. Showing the copy saved on \w+ \d+, \d{4}\.$/,
    es: /^No tiene conexión\. Se muestra la copia guardada el \d+ de \w+ de \d{4}\.$/,
  };
  for (const { slug, question, lang } of entries) {
    await page.goto(`${site.url}/?article=${slug}`);
    await widget(page).getByRole('heading', { level: 1, name: question }).waitFor();
    // Honest about what it shows: the saved copy, and the day it was saved.
    await widget(page).getByText(BANNERS[lang]).waitFor();
  }
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test('"Save all" of a catalog of gigabytes asks inside the page first, and Cancel downloads nothing', async () => {
  const site = await serveSiteCopy();
  const path = join(site.dir, 'articles/index.json');
  const index = JSON.parse(readFileSync(path, 'utf8'));
  writeFileSync(path, JSON.stringify({ ...index, data_bytes: 3_200_000_000 }));
  const { context, page, pageErrors } = await newPage(browser);
  const articleRequests = [];
  page.on('request', (request) => {
    if (/\/articles\/(catalog\/)?[a-z0-9-]+\.json$/.test(request.url()) && !request.url().endsWith('/index.json')) {
      articleRequests.push(request.url());
    }
  });
  await page.goto(`${site.url}/`);
  await waitForServiceWorker(page);
  await widget(page).getByRole('heading', { level: 1 }).waitFor();
  articleRequests.length = 0;

  const saveAll = page.getByRole('button', { name: `Save all ${index.total} articles (3.2 GB) for offline use` });
  await saveAll.click();
  const question = page.getByRole('group', { name: /^Saving \d+ articles downloads 3\.2 GB to this device\./ });
  await question.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Cancel', 'the safe answer has the focus');
  assert.deepEqual(await axeViolations(page), []);
  await question.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('status').getByText('Nothing was downloaded.').waitFor();
  assert.equal(await question.isVisible(), false);
  assert.deepEqual(articleRequests, []);

  // Asked again and told yes, it saves them all.
  await saveAll.click();
  await question.getByRole('button', { name: 'Download 3.2 GB' }).click();
  await page.getByRole('status').getByText(`All ${index.total} articles are saved on this device`).waitFor();
  assert.equal(articleRequests.length, index.total);
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test('"Stop saving" stops a save under way, and the reader is told how many were saved', async () => {
  // Each article's data a second away: the save is still under way when Stop is pressed.
  const site = await serveSiteCopy({ slow: /^\/articles\/[a-z0-9-]+\.json$/, delayMs: 1000 });
  const total = JSON.parse(readFileSync(join(site.dir, 'articles/index.json'), 'utf8')).total;
  const { context, page, pageErrors } = await newPage(browser);
  await page.goto(`${site.url}/`);
  await waitForServiceWorker(page);
  await page.getByRole('button', { name: new RegExp(`^Save all ${total} articles \\(\\d+ KB\\) for offline use$`) }).click();
  await page.getByRole('status').getByText(`Saving articles for offline use: 1 of ${total}`).waitFor();
  await page.getByRole('button', { name: 'Stop saving' }).click();
  const stopped = page.getByRole('status').getByText(new RegExp(`^Stopped: \\d+ of ${total} articles saved on this device\\.$`));
  await stopped.waitFor();
  const saved = Number((await stopped.textContent()).match(/^Stopped: (\d+)/)[1]);
  assert.ok(saved >= 1 && saved < total, `${saved} of ${total} saved`);
  assert.equal(await page.getByRole('button', { name: 'Stop saving' }).count(), 0);
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test('the articles the widget lists (article-widget:results) are offered and saved on their own', async () => {
  const site = await serveSiteCopy();
  const index = JSON.parse(readFileSync(join(site.dir, 'articles/index.json'), 'utf8'));
  const [first, second, other] = index.articles;
  const { context, page, pageErrors } = await newPage(browser);
  await page.goto(`${site.url}/`);
  await waitForServiceWorker(page);
  await widget(page).getByRole('heading', { level: 1 }).waitFor();
  const saveThese = page.getByRole('button', { name: /^Save these 2 articles \(about \d+ KB\) for offline use$/ });
  assert.equal(await saveThese.count(), 0, 'nothing to offer before the widget lists anything');

  // What the widget dispatches on its host element when it shows search results.
  await page.evaluate(
    ({ slugs }) =>
      document.querySelector('[data-article-widget]').dispatchEvent(
        new CustomEvent('article-widget:results', { bubbles: true, composed: true, detail: { slugs, label: 'Results for "treatment"' } }),
      ),
    { slugs: [first.slug, second.slug] },
  );
  await saveThese.waitFor();
  // The list's own words describe the button.
  assert.equal(await saveThese.getAttribute('aria-describedby'), 'save-results-label');
  await page.getByText('Results for "treatment"').waitFor();
  await saveThese.click();
  await page.getByRole('status').getByText('These 2 articles are saved on this device').waitFor();
  const saved = await savedPaths(page);
  assert.ok(saved.includes(`/articles/${first.slug}.json`) && saved.includes(`/articles/${second.slug}.json`), `${saved}`);
  assert.ok(!saved.includes(`/articles/${other.slug}.json`), `${other.slug} was not asked for: ${saved}`);

  await goOffline(context, site);
  for (const { slug, question } of [first, second]) {
    await page.goto(`${site.url}/?article=${slug}`);
    await widget(page).getByRole('heading', { level: 1, name: question }).waitFor();
  }
  await page.goto(`${site.url}/?article=${other.slug}`);
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

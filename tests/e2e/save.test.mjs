// Saving articles for offline use on the publisher's own page: how many and how much
// said before it starts, the question asked inside the page above a size, the
// catalog's pages walked, progress, Stop, and the widget's listed articles saved on
// their own. Each test serves its own copy of the built site (site-copy.mjs).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { axeViolations, launchBrowser, newPage, takenOver } from './harness.mjs';
import { goOffline, serveSiteCopy, stopSiteCopies, waitForServiceWorker, widget } from './site-copy.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  stopSiteCopies();
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
  const { context, page, pageErrors } = await newPage(browser);
  await page.goto(`${site.url}/`);
  await waitForServiceWorker(page);
  await takenOver(page);
  // The catalog's first page: the widget tells the page what it lists.
  await page.getByRole('button', { name: new RegExp(`^Save these ${index.articles.length} articles \\(about \\d+ KB\\) for offline use$`) }).waitFor();
  await page.getByText('The articles listed').waitFor();

  // A search: the two articles about riluzole, in English and in Spanish.
  await widget(page).getByRole('searchbox', { name: 'Search articles' }).fill('riluzole');
  const saveThese = page.getByRole('button', { name: /^Save these 2 articles \(about \d+ KB\) for offline use$/ });
  await saveThese.waitFor();
  // The search's words describe the button.
  assert.equal(await saveThese.getAttribute('aria-describedby'), 'save-results-label');
  await page.getByText('Results for “riluzole”').waitFor();
  const found = await widget(page).locator('.catalog-list > li a').allInnerTexts();
  const [first, second] = found.map((question) => index.articles.find((entry) => entry.question === question));
  const other = index.articles.find((entry) => entry !== first && entry !== second);
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

test("a Spanish article's page speaks Spanish in the shell too: its header without scripts, and the offer to save with them", async () => {
  const site = await serveSiteCopy();
  const index = JSON.parse(readFileSync(join(site.dir, 'articles/index.json'), 'utf8'));
  const { context, page, pageErrors } = await newPage(browser);
  try {
    // The page as the build wrote it: the header is the article's language's.
    const html = readFileSync(join(site.dir, 'articles/ela-tratamiento-principal/index.html'), 'utf8');
    assert.match(html, /<a class="app-name"[^>]*>Artículos médicos<\/a>/);
    assert.ok(!html.includes('>Medical articles<'), 'no English site name');
    await page.goto(`${site.url}/articles/ela-tratamiento-principal/`);
    await waitForServiceWorker(page);
    const saveAll = page.getByRole('button', {
      name: `Guardar los ${index.total} artículos (${Math.round(index.data_bytes / 1000)} KB) para leerlos sin conexión`,
    });
    await saveAll.waitFor();
    await page.getByRole('region', { name: 'Lectura sin conexión' }).waitFor();
    assert.equal(await page.getByText(/Save all|for offline use|Medical articles/).count(), 0);
    await saveAll.click();
    await page.getByRole('status').getByText(`Los ${index.total} artículos están guardados en este dispositivo`).waitFor();
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

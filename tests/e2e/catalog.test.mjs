// The catalog at scale: full-text search through the build's Pagefind index (loaded only
// when a reader searches, from the widget's host, on the publisher's page and on a
// partner's page on another origin), excerpts shown as text, and a catalog of more than
// one page (PAGED_SITE_URL: generated synthetic articles) turned page by page, online
// and offline, and walked without scripts through each page's static page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { PARTNER_URL, WIDGET_URL, axeViolations, launchBrowser, newPage, takenOver } from './harness.mjs';

const FIXTURE_SITE_URL = process.env.FIXTURE_SITE_URL;
const PAGED_SITE_URL = process.env.PAGED_SITE_URL;
if (!FIXTURE_SITE_URL || !PAGED_SITE_URL) {
  throw new Error('FIXTURE_SITE_URL and PAGED_SITE_URL are not set: run through `cargo xtask test`');
}

const AF_QUESTION = 'How is stroke prevented in atrial fibrillation?';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** The requests a page makes for the search index, counted as they go. */
function searchRequests(page) {
  const urls = [];
  page.on('request', (request) => {
    if (request.url().includes('/articles/search/')) urls.push(request.url());
  });
  return urls;
}

const widget = (page) => page.locator('[data-article-widget]');

test('full-text search finds a word of a patient variant only, marks it in the excerpt, and opens the article', async () => {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    const requested = searchRequests(page);
    await page.goto(`${WIDGET_URL}/`);
    await takenOver(page);
    await widget(page).getByRole('heading', { level: 1, name: 'Articles' }).waitFor();
    // A reader who does not search never loads the search library or its index.
    assert.deepEqual(requested, []);

    // "slurred" is in the patient variant of the atrial fibrillation article, and in
    // no question.
    await widget(page).getByRole('searchbox', { name: 'Search articles' }).fill('slurred');
    await widget(page).getByRole('status').filter({ hasText: /^1 article$/ }).waitFor();
    const result = widget(page).locator('.catalog-list > li');
    assert.equal(await result.count(), 1);
    await result.getByRole('link', { name: AF_QUESTION }).waitFor();
    assert.equal(await result.locator('.catalog-excerpt mark').innerText(), 'slurred');
    assert.match(await result.locator('.catalog-excerpt').innerText(), /drooping face, a weak arm or slurred speech/);
    assert.ok(requested.some((url) => url.endsWith('/articles/search/search.js')), requested.join('\n'));
    assert.ok(requested.some((url) => url.endsWith('/pagefind.js')), requested.join('\n'));

    // A word in no article: none found, said so.
    await widget(page).getByRole('searchbox', { name: 'Search articles' }).fill('zebrafish');
    await widget(page).getByRole('status').filter({ hasText: /^0 articles$/ }).waitFor();

    await widget(page).getByRole('searchbox', { name: 'Search articles' }).fill('slurred');
    await widget(page).getByRole('link', { name: AF_QUESTION }).click();
    await widget(page).getByRole('heading', { level: 1, name: AF_QUESTION }).waitFor();
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('a word is searched from its third character: before, the catalog or the words before it, and a polite hint', async () => {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    const requested = searchRequests(page);
    await page.goto(`${WIDGET_URL}/`);
    await takenOver(page);
    const searchbox = widget(page).getByRole('searchbox', { name: 'Search articles' });
    const count = await widget(page).locator('.catalog-list > li').count();
    assert.ok(count > 1, `${count} articles listed`);

    // "sl" would match most of the index's words as a prefix: the catalog stays listed,
    // whole, and a hint the input is described by says why, in a polite live region.
    await searchbox.pressSequentially('sl');
    const hint = widget(page).getByRole('status').filter({ hasText: 'Each word is searched from its third letter.' });
    await hint.waitFor();
    assert.equal(await searchbox.getAttribute('aria-describedby'), await hint.getAttribute('id'));
    assert.equal(await hint.getAttribute('aria-live'), null, 'role=status is polite by itself');
    assert.equal(await widget(page).locator('.catalog-list > li').count(), count);
    assert.equal(await widget(page).locator('.catalog-list[aria-busy]').count(), 0);
    assert.deepEqual(requested, [], 'nothing of the index is fetched for two characters');
    assert.deepEqual(await axeViolations(page), []);

    // The third character searches the articles' text, and the hint goes.
    await searchbox.pressSequentially('u');
    await widget(page).getByRole('status').filter({ hasText: /^1 article$/ }).waitFor();
    await widget(page).locator('.catalog-excerpt mark', { hasText: 'slurred' }).waitFor();
    assert.equal(await widget(page).locator('#catalog-search-hint').innerText(), '');
    assert.ok(requested.some((url) => url.endsWith('/articles/search/search.js')), requested.join('\n'));

    // A short last word waits, the words before it are searched meanwhile, and the
    // hint says so; from its third character it is searched too.
    await searchbox.pressSequentially('rred th');
    await hint.waitFor();
    await widget(page).getByRole('status').filter({ hasText: /^1 article$/ }).waitFor();
    assert.equal(await widget(page).locator('.catalog-list > li').count(), 1);
    await searchbox.pressSequentially('e');
    await widget(page).locator('#catalog-search-hint:empty').waitFor();
    await widget(page).getByRole('status').filter({ hasText: /^1 article$/ }).waitFor();
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('search works on a partner page on another origin, and results pass axe', async () => {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    await page.goto(`${PARTNER_URL}/catalog.html`);
    await takenOver(page);
    assert.notEqual(new URL(PARTNER_URL).origin, new URL(WIDGET_URL).origin);
    await widget(page).getByRole('searchbox', { name: 'Search articles' }).fill('riluzole');
    await widget(page).locator('.catalog-excerpt mark').first().waitFor();
    const questions = await widget(page).locator('.catalog-list > li a').allInnerTexts();
    assert.ok(questions.some((question) => /ALS/.test(question)), questions.join('\n'));
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('an excerpt is text: markup in an article body shows as text in the results and never runs', async () => {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    await page.goto(`${FIXTURE_SITE_URL}/`);
    await takenOver(page);
    await widget(page).getByRole('searchbox', { name: 'Search articles' }).fill('onerror');
    const excerpt = widget(page).locator('.catalog-excerpt');
    await excerpt.first().waitFor();
    assert.match(await excerpt.first().innerText(), /<img src="x" onerror="window.__pwned/);
    assert.equal(await widget(page).locator('.catalog-list img, .catalog-list script').count(), 0);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

/**
 * Every entry of the paged catalog, read from its data files by the test itself: not
 * by the page, whose service worker would keep what it fetched for offline reading.
 */
async function everyEntry() {
  const site = PAGED_SITE_URL;
  const first = await (await fetch(`${site}/articles/index.json`)).json();
  const entries = [...first.articles];
  const pages = Math.ceil(first.total / first.page_size);
  for (let n = 2; n <= pages; n += 1) {
    entries.push(...(await (await fetch(`${site}/articles/catalog/${n}.json`)).json()).articles);
  }
  return { total: first.total, pageSize: first.page_size, entries };
}

test('a catalog of several pages: one page in the document at a time, the next fetched on demand, kept for offline', async () => {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    const pageRequests = [];
    page.on('request', (request) => {
      if (/\/articles\/catalog\/\d+\.json$/.test(request.url())) pageRequests.push(request.url());
    });
    await page.goto(`${PAGED_SITE_URL}/`);
    await takenOver(page);
    const { total, pageSize, entries } = await everyEntry();
    pageRequests.length = 0;
    assert.ok(total > pageSize, `${total} articles, ${pageSize} a page`);
    const pageCount = Math.ceil(total / pageSize);
    await widget(page).getByRole('status').filter({ hasText: `${total} articles` }).waitFor();
    const pager = widget(page).getByRole('navigation', { name: 'Pages of articles' });
    await pager.getByText(`Page 1 of ${pageCount}`).waitFor();
    const items = widget(page).locator('.catalog-list > li');
    assert.equal(await items.count(), pageSize);
    assert.equal(await items.first().getByRole('link').innerText(), entries[0].question);

    await pager.getByRole('button', { name: 'Next page' }).click();
    await pager.getByText(`Page 2 of ${pageCount}`).waitFor();
    await widget(page).getByRole('link', { name: entries[pageSize].question, exact: true }).waitFor();
    assert.equal(await items.count(), Math.min(pageSize, total - pageSize));
    assert.equal(pageRequests.length, 1);
    // The pager and its disabled buttons, in both themes' contrast.
    assert.deepEqual(await axeViolations(page), []);

    // Offline, the page already fetched comes from this device.
    await pager.getByRole('button', { name: 'Previous page' }).click();
    await pager.getByText(`Page 1 of ${pageCount}`).waitFor();
    await context.setOffline(true);
    await pager.getByRole('button', { name: 'Next page' }).click();
    await widget(page).getByRole('link', { name: entries[pageSize].question, exact: true }).waitFor();
    // One never fetched says so, with a way to try again.
    if (pageCount > 2) {
      await pager.getByRole('button', { name: 'Next page' }).click();
      await widget(page).getByRole('alert').getByText('This page of the catalog could not be loaded.', { exact: false }).waitFor();
      await context.setOffline(false);
      await widget(page).getByRole('button', { name: 'Try again' }).click();
      await widget(page).getByRole('link', { name: entries[2 * pageSize].question, exact: true }).waitFor();
    }
    await context.setOffline(false);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('without scripts, the pager\'s Next link walks every static page of the catalog, each with its own entries, to the last', async () => {
  const { context, page } = await newPage(browser, { javaScriptEnabled: false });
  try {
    const { total, pageSize, entries } = await everyEntry();
    const pageCount = Math.ceil(total / pageSize);
    assert.ok(pageCount > 2, `${pageCount} pages`);
    await page.goto(`${PAGED_SITE_URL}/`);
    for (let n = 1; n <= pageCount; n += 1) {
      const pager = widget(page).getByRole('navigation', { name: 'Pages of articles' });
      await pager.getByText(`Page ${n} of ${pageCount}`).waitFor();
      const expected = entries.slice((n - 1) * pageSize, n * pageSize).map((entry) => entry.question);
      const shown = await widget(page).locator('.catalog-list > li > a').allInnerTexts();
      assert.deepEqual(shown, expected, `page ${n}`);
      assert.equal(await pager.locator('a[aria-current="page"]').innerText(), String(n));
      const next = pager.getByRole('link', { name: 'Next page' });
      if (n === pageCount) {
        assert.equal(await next.count(), 0, 'the last page has no Next');
        break;
      }
      await Promise.all([page.waitForURL(new URL(`catalog/${n + 1}/`, `${PAGED_SITE_URL}/`).href), next.click()]);
    }
    // Its Previous link leads back, and the first page is the site's root.
    await Promise.all([
      page.waitForURL(new URL(`catalog/${pageCount - 1}/`, `${PAGED_SITE_URL}/`).href),
      widget(page).getByRole('link', { name: 'Previous page' }).click(),
    ]);
    await widget(page).getByRole('navigation', { name: 'Pages of articles' }).getByRole('link', { name: '1', exact: true }).click();
    await page.waitForURL(`${PAGED_SITE_URL}/`);
  } finally {
    await context.close();
  }
  // The static pager passes axe (which needs scripts: the widget's code is held back,
  // so the static page stays).
  const audit = await newPage(browser);
  try {
    await audit.page.route(/\.(js|wasm)$/, (route) => route.abort());
    await audit.page.goto(`${PAGED_SITE_URL}/catalog/2/`);
    await widget(audit.page).getByRole('link', { name: 'Next page' }).waitFor();
    assert.deepEqual(await axeViolations(audit.page), []);
  } finally {
    await audit.context.close();
  }
});

test('a static catalog page after the first is taken over showing that page, and turned inside the widget', async () => {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    const { total, pageSize, entries } = await everyEntry();
    const pageCount = Math.ceil(total / pageSize);
    const address = `${PAGED_SITE_URL}/catalog/2/`;
    await page.goto(address);
    await takenOver(page);
    const pager = widget(page).getByRole('navigation', { name: 'Pages of articles' });
    await pager.getByText(`Page 2 of ${pageCount}`).waitFor();
    const items = widget(page).locator('.catalog-list > li > a');
    assert.deepEqual(await items.allInnerTexts(), entries.slice(pageSize, 2 * pageSize).map((entry) => entry.question));
    // The widget's own pager: buttons that turn the list in place.
    await pager.getByRole('button', { name: 'Next page' }).click();
    await pager.getByText(`Page 3 of ${pageCount}`).waitFor();
    await widget(page).getByRole('link', { name: entries[2 * pageSize].question, exact: true }).waitFor();
    assert.equal(page.url(), address);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('over a paged catalog the audience filter asks the search index, which knows every article', async () => {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    await page.goto(`${PAGED_SITE_URL}/`);
    await takenOver(page);
    const { entries } = await everyEntry();
    const forCaregivers = entries.filter((entry) => entry.audiences.includes('caregiver'));
    assert.ok(forCaregivers.length < entries.length, 'some generated articles have no caregiver variant');
    await widget(page).getByRole('radiogroup', { name: 'Show articles for' }).getByRole('radio', { name: 'Caregiver' }).check();
    await widget(page).getByRole('status').filter({ hasText: `${forCaregivers.length} articles` }).waitFor();
    // Newest first, as the catalog lists them.
    const firstShown = await widget(page).locator('.catalog-list > li a').first().innerText();
    const shown = forCaregivers.find((entry) => entry.question === firstShown);
    assert.equal(shown?.updated, forCaregivers[0].updated, firstShown);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

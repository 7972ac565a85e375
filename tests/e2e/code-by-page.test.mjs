// Each page kind downloads only its own code: a page that shows one article runs the
// article-only Wasm (the crate without its `catalog` feature), and the full app, with
// the catalog, its pager and its search, arrives only when the reader opens the
// catalog. On a partner's page it takes the widget over in place; on the publisher's
// site the catalog's own page starts it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ALS_QUESTION, PARTNER_URL, WIDGET_URL, axeViolations, launchBrowser, newPage, takenOver } from './harness.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

// The code a page fetched, by kind: the article-only Wasm and glue, the full app's, and
// the search's (its adapter and Pagefind's files).
function codeFetched(requests) {
  const names = requests.map((url) => new URL(url).pathname);
  return {
    articleOnly: names.filter((name) => /^\/article-only-[0-9a-f]+(_bg\.wasm|\.js)$/.test(name)),
    full: names.filter((name) => /^\/article-widget-[0-9a-f]+(_bg\.wasm|\.js)$/.test(name)),
    search: names.filter((name) => name.startsWith('/articles/search/')),
    catalogData: names.filter((name) => name === '/articles/index.json' || name.startsWith('/articles/catalog/')),
  };
}

test("a partner's article embed fetches no catalog or search code until the reader opens the catalog, which the full app then shows in place", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    const requests = [];
    const failed = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('response', (response) => response.status() >= 400 && failed.push(`${response.status()} ${response.url()}`));
    await page.goto(`${PARTNER_URL}/browse.html`);
    const widget = page.locator('article-widget');
    const hypertension = widget.getByRole('heading', { level: 1, name: /high blood pressure/ });
    await hypertension.waitFor();
    await takenOver(page, 'article-widget');

    // Reading, and browsing to a related article, stays on the article-only code.
    await widget.locator('section.related').getByRole('link', { name: /type 2 diabetes/ }).click();
    await widget.getByRole('heading', { level: 1, name: /type 2 diabetes/ }).waitFor();
    let fetched = codeFetched(requests);
    assert.equal(fetched.articleOnly.length, 2, `the article-only glue and Wasm: ${fetched.articleOnly}`);
    assert.deepEqual(fetched.full, [], 'no full app');
    assert.deepEqual(fetched.search, [], 'no search');
    assert.deepEqual(fetched.catalogData, [], 'no catalog');

    // The reader opens the catalog: the full app arrives and shows it in the widget,
    // with focus on its heading, the partner's page untouched.
    const partnerUrl = page.url();
    await widget.getByRole('link', { name: 'All articles' }).click();
    const catalogHeading = widget.getByRole('heading', { level: 1, name: 'Articles' });
    await catalogHeading.waitFor();
    fetched = codeFetched(requests);
    assert.equal(fetched.full.length, 2, `the full app's glue and Wasm: ${fetched.full}`);
    assert.equal(page.url(), partnerUrl);
    await page.waitForFunction(() => document.querySelector('article-widget').shadowRoot.activeElement?.localName === 'h1');
    assert.equal(await widget.locator('.article-widget').count(), 1, 'one widget, not two');
    // Only the full app searches, once the reader asks.
    assert.deepEqual(codeFetched(requests).search, [], 'no search before a query');
    await widget.getByRole('searchbox').fill('pneumonia');
    await widget.getByRole('link', { name: /pneumonia/i }).first().waitFor();
    assert.ok(codeFetched(requests).search.length > 0, 'the search arrives with the query');

    // Back retraces what the reader opened before the full app took over.
    const back = widget.getByRole('button', { name: 'Back' });
    await back.click();
    await widget.getByRole('heading', { level: 1, name: /type 2 diabetes/ }).waitFor();
    await back.click();
    await hypertension.waitFor();
    assert.equal(await back.count(), 0);

    // The page's API reaches the widget on whichever code runs it.
    assert.equal(await page.evaluate(() => window.ArticleWidget.count()), 1);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(failed, [], 'every request answered');
  } finally {
    await context.close();
  }
});

test("a partner page's catalog widget runs the full app; an article widget beside it, the article-only Wasm", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    const requests = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${PARTNER_URL}/catalog.html`);
    await page.locator('[data-article-widget]').getByRole('heading', { level: 1, name: 'Articles' }).waitFor();
    await takenOver(page);
    assert.deepEqual(codeFetched(requests).articleOnly, [], 'a catalog has no use for the article-only Wasm');
    assert.equal(codeFetched(requests).full.length, 2);

    // An article widget added later runs on the article-only code beside it.
    await page.evaluate(() => {
      const host = document.createElement('div');
      host.id = 'added';
      host.setAttribute('data-article-widget', '');
      host.setAttribute('data-article', 'als-primary-treatment');
      document.body.append(host);
    });
    await page.locator('#added').getByRole('heading', { level: 1, name: ALS_QUESTION }).waitFor();
    await takenOver(page, '#added');
    assert.equal(codeFetched(requests).articleOnly.length, 2);
    assert.equal(await page.evaluate(() => window.ArticleWidget.count()), 2);
    assert.equal(await page.evaluate(() => window.ArticleWidget.unmount(document.querySelector('#added'))), true);
    assert.equal(await page.evaluate(() => window.ArticleWidget.count()), 1);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test("an article's page on the publisher's site starts the article-only Wasm, and its catalog link the catalog's page with the full app", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    const requests = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${WIDGET_URL}/articles/als-primary-treatment/`);
    await takenOver(page);
    const fetched = codeFetched(requests);
    assert.equal(fetched.articleOnly.length, 2, `the article-only glue and Wasm: ${fetched.articleOnly}`);
    assert.deepEqual(fetched.full, []);
    assert.deepEqual(fetched.search, []);

    requests.length = 0;
    await page.getByRole('link', { name: 'All articles' }).click();
    await page.waitForURL(`${WIDGET_URL}/`);
    await page.getByRole('heading', { level: 1, name: 'Articles' }).waitFor();
    await takenOver(page);
    assert.equal(codeFetched(requests).full.length, 2, 'the catalog page starts the full app');
    // The browser's Back returns to the article.
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: ALS_QUESTION }).waitFor();
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

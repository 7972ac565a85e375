// The embedded widget keeps the articles it has shown in Cache Storage on the partner's
// origin: offline it shows them with a banner, and faults of the widget host (404,
// 5xx, a hanging request, a truncated body) each get their own behaviour, with nothing
// broken ever saved.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ALS_QUESTION, PARTNER_URL, WIDGET_URL, launchBrowser, newPage } from './harness.mjs';

const CACHE = 'article-widget/v1/articles';
const ALS_JSON = `${WIDGET_URL}/articles/als-primary-treatment.json`;
const HYPERTENSION_QUESTION = /high blood pressure/i;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

async function openSpa(browser) {
  const opened = await newPage(browser);
  await opened.page.goto(`${PARTNER_URL}/spa.html`);
  await opened.page.waitForFunction(() => window.ArticleWidget?.loader);
  return opened;
}

/** Mounts a widget for `slug` on a new host `#id`; resolves once it is mounted. */
function mount(page, id, slug) {
  return page.evaluate(
    async ([id, slug]) => {
      const host = document.createElement('div');
      host.id = id;
      host.setAttribute('data-article', slug);
      document.getElementById('app').appendChild(host);
      await window.ArticleWidget.mount(host);
    },
    [id, slug],
  );
}

function unmount(page, id) {
  return page.evaluate(async (id) => {
    const host = document.getElementById(id);
    await window.ArticleWidget.unmount(host);
    host.remove();
  }, id);
}

/** Reads the ALS article once, online, so that it is saved, then takes its widget away. */
async function readAlsOnce(page) {
  await mount(page, 'first', 'als-primary-treatment');
  await page.locator('#first').getByRole('heading', { level: 1, name: ALS_QUESTION }).waitFor();
  await page.waitForFunction(async (name) => (await (await caches.open(name)).keys()).length === 1, CACHE);
  await unmount(page, 'first');
}

function savedUrls(page) {
  return page.evaluate(async (name) => {
    const cache = await caches.open(name);
    return (await cache.keys()).map((request) => request.url);
  }, CACHE);
}

test('offline: a saved article opens with the banner, an unsaved one says so and loads when back online', async () => {
  const { context, page, pageErrors } = await openSpa(browser);
  try {
    await readAlsOnce(page);

    await context.setOffline(true);
    await mount(page, 'saved', 'als-primary-treatment');
    const saved = page.locator('#saved');
    await saved.getByRole('heading', { level: 1, name: ALS_QUESTION }).waitFor();
    await saved.getByText(/^You're offline\. Showing the copy saved on \w+ \d{1,2}, \d{4}\.$/).waitFor();

    await mount(page, 'unsaved', 'hypertension-first-line-treatment');
    const unsaved = page.locator('#unsaved');
    await unsaved.getByRole('heading', { name: "You're offline" }).waitFor();
    await unsaved.getByText('It will open by itself when you are back online.', { exact: false }).waitFor();

    await context.setOffline(false);
    await unsaved.getByRole('heading', { level: 1, name: HYPERTENSION_QUESTION }).waitFor();
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('online, a saved copy shows at once and the fresh one replaces it when it changed', async () => {
  const { context, page } = await openSpa(browser);
  try {
    await readAlsOnce(page);

    // The publisher has since updated the article; its server answers slowly.
    await page.route(ALS_JSON, async (route) => {
      const response = await route.fetch();
      const article = await response.json();
      article.question = 'What is the primary treatment for ALS? (updated)';
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.fulfill({ response, json: article });
    });
    await mount(page, 'again', 'als-primary-treatment');
    const again = page.locator('#again');
    await again.getByRole('heading', { level: 1, name: ALS_QUESTION }).waitFor();
    await again.getByRole('heading', { level: 1, name: 'What is the primary treatment for ALS? (updated)' }).waitFor();
    assert.equal(await again.locator('.offline-banner').count(), 0);
  } finally {
    await context.close();
  }
});

test('a 404 means withdrawn: the reader is told and the saved copy is dropped', async () => {
  const { context, page } = await openSpa(browser);
  try {
    await readAlsOnce(page);

    await page.route(ALS_JSON, (route) => route.fulfill({ status: 404, body: 'gone' }));
    await mount(page, 'withdrawn', 'als-primary-treatment');
    const panel = page.locator('#withdrawn').getByRole('alert');
    await panel.getByRole('heading', { name: 'This article is unavailable' }).waitFor();
    await panel.getByText('withdrawn', { exact: false }).waitFor();
    assert.deepEqual(await savedUrls(page), []);
  } finally {
    await context.close();
  }
});

test('a 500 is retried with backoff and the article then shows', async () => {
  const { context, page } = await openSpa(browser);
  try {
    let calls = 0;
    await page.route(ALS_JSON, (route) => {
      calls += 1;
      return calls === 1 ? route.fulfill({ status: 500, body: 'busy' }) : route.continue();
    });
    await mount(page, 'retried', 'als-primary-treatment');
    // The widget's own page, from the data (its prerendered page shows at once).
    await page.waitForFunction(() =>
      document.querySelector('#retried')?.shadowRoot?.querySelector('.article-widget-root:not([data-prerendered]):not([hidden]) h1'),
    );
    assert.equal(calls, 2);
    assert.deepEqual(await savedUrls(page), [ALS_JSON]);
  } finally {
    await context.close();
  }
});

test('a hanging request times out and is tried again', async () => {
  const { context, page } = await openSpa(browser);
  try {
    let calls = 0;
    await page.route(ALS_JSON, (route) => {
      calls += 1;
      // The first request never answers.
      return calls === 1 ? new Promise(() => {}) : route.continue();
    });
    await mount(page, 'slow', 'als-primary-treatment');
    // The prerendered article shows at once: wait for the widget's own, from the data.
    await page.waitForFunction(
      () => document.querySelector('#slow')?.shadowRoot?.querySelector('.article-widget-root:not([data-prerendered]):not([hidden]) h1'),
      null,
      { timeout: 20_000 },
    );
    assert.equal(calls, 2);
  } finally {
    await context.close();
  }
});

test('a truncated body is a failure, and nothing broken is saved', async () => {
  const { context, page } = await openSpa(browser);
  try {
    await page.route(ALS_JSON, async (route) => {
      const response = await route.fetch();
      const body = await response.text();
      await route.fulfill({ response, body: body.slice(0, Math.floor(body.length / 2)) });
    });
    await mount(page, 'truncated', 'als-primary-treatment');
    const panel = page.locator('#truncated').getByRole('alert');
    await panel.getByText('The article arrived damaged. Please try again.').waitFor();
    assert.deepEqual(await savedUrls(page), []);
  } finally {
    await context.close();
  }
});

test('data of a newer layout asks the reader to reload, and is not saved', async () => {
  const { context, page } = await openSpa(browser);
  try {
    await page.route(ALS_JSON, async (route) => {
      const response = await route.fetch();
      const data = JSON.parse(await response.text());
      assert.equal(data.format, 1, 'the build writes the layout first');
      // A newer build may change anything; here the layout number and one field's shape.
      const newer = { ...data, format: 2, variants: 'in a shape this widget cannot read' };
      await route.fulfill({ response, body: JSON.stringify(newer) });
    });
    await mount(page, 'newer', 'als-primary-treatment');
    const panel = page.locator('#newer').getByRole('alert');
    await panel.getByText('This article was published for a newer version of this page. Please reload the page.').waitFor();
    assert.deepEqual(await savedUrls(page), []);
  } finally {
    await context.close();
  }
});

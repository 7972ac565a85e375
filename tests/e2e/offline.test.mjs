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

/**
 * Answers each request for `url` made on `page` with `answer(route, nth)` (nth from 1),
 * and keeps a record of each: `{ at, afterWasm, failure }`, when it was made, whether
 * the Wasm was already answering then, and the error of a request the page gave up.
 *
 * The loader asks for an article's data while the Wasm loads (www/loader/main.js,
 * `prefetchArticle`). A failed request of the loader's hands nothing over, and the
 * widget then asks itself, with its own timeout and retries (src/browser/network.rs):
 * a fault of the first request alone is absorbed by the handover, whatever the widget's
 * retries do. The first request is the loader's, made before the Wasm is asked for;
 * the widget's come after the Wasm.
 */
async function recordRequests(page, url, answer) {
  const requests = [];
  let wasmAnswering = false;
  page.on('response', (response) => {
    if (response.url().endsWith('_bg.wasm')) wasmAnswering = true;
  });
  page.on('requestfailed', (request) => {
    const record = requests.find((entry) => entry.request === request);
    if (record) record.failure = { at: Date.now(), errorText: request.failure()?.errorText };
  });
  await page.route(url, (route) => {
    requests.push({ request: route.request(), at: Date.now(), afterWasm: wasmAnswering, failure: null });
    return answer(route, requests.length);
  });
  return requests;
}

/** Resolves once `#id` shows the widget's own page, from the data: its prerendered page shows at once. */
function widgetsOwnArticle(page, id, timeout = 30_000) {
  return page.waitForFunction(
    (id) => document.getElementById(id)?.shadowRoot?.querySelector('.article-widget-root:not([data-prerendered]):not([hidden]) h1'),
    id,
    { timeout },
  );
}

test("a 500 is retried with backoff, the widget's own requests, and the article then shows", async () => {
  const { context, page } = await openSpa(browser);
  try {
    // The loader's request and the widget's first two answer 500; its third is answered.
    const requests = await recordRequests(page, ALS_JSON, (route, nth) =>
      nth <= 3 ? route.fulfill({ status: 500, body: 'busy' }) : route.continue(),
    );
    await mount(page, 'retried', 'als-primary-treatment');
    await widgetsOwnArticle(page, 'retried');
    assert.deepEqual(
      requests.map((request) => request.afterWasm),
      [false, true, true, true],
      "the loader's request, then the widget's first try and the backoff's second and third",
    );
    const [, first, second, third] = requests.map((request) => request.at);
    // Spaced, and further apart each time: the backoff's waits, not an immediate retry.
    assert.ok(second > first && third > second, `the widget's tries at ${first}, ${second}, ${third}`);
    assert.ok(
      third - second > second - first,
      `the third try waits longer than the second: ${second - first} ms, then ${third - second} ms`,
    );
    assert.deepEqual(await savedUrls(page), [ALS_JSON]);
  } finally {
    await context.close();
  }
});

test("a hanging request of the widget's own times out, is aborted and is tried again", async () => {
  const { context, page } = await openSpa(browser);
  try {
    // The loader's request never answers: the widget stops waiting for it and asks
    // itself. The widget's first request never answers either; its second is answered.
    const requests = await recordRequests(page, ALS_JSON, (route, nth) =>
      nth <= 2 ? new Promise(() => {}) : route.continue(),
    );
    await mount(page, 'slow', 'als-primary-treatment');
    // The widget gives its hanging request up (its timeout aborts it) and asks again:
    // two timeouts and a backoff's wait.
    await widgetsOwnArticle(page, 'slow', 45_000);
    assert.deepEqual(
      requests.map((request) => request.afterWasm),
      [false, true, true],
      "the loader's request, then the widget's first try and its second",
    );
    const [, hanging, retry] = requests;
    assert.equal(hanging.failure?.errorText, 'net::ERR_ABORTED', "the widget's hanging request is aborted by the page");
    assert.ok(hanging.failure.at > hanging.at, 'aborted after it was made');
    assert.ok(retry.at >= hanging.failure.at, 'the second try only once the first is given up');
    assert.equal(retry.failure, null);
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

// Partner sites embed the widget by one script tag, from another origin: the partner
// pages are served on PARTNER_URL, the widget host on WIDGET_URL.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ALS_QUESTION, PARTNER_URL, WIDGET_URL, axeViolations, launchBrowser, newPage, settledInView, takenOver } from './harness.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

// Collects the widget's events on the document, from before any script runs.
async function recordEvents(context) {
  await context.addInitScript(() => {
    window.__widgetEvents = [];
    for (const name of ['ready', 'audience-change', 'error']) {
      document.addEventListener(`article-widget:${name}`, (event) => {
        window.__widgetEvents.push({ name, detail: event.detail, host: event.target.id || event.target.localName });
      });
    }
  });
}

const events = (page) => page.evaluate(() => window.__widgetEvents);

// Notes, in window.__widgetLoadingShown, whether any widget ever rendered its own
// loading state: each shadow root is watched from the moment it is attached.
async function watchLoadingState(context) {
  await context.addInitScript(() => {
    window.__widgetLoadingShown = false;
    const attachShadow = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const shadow = attachShadow.call(this, init);
      new MutationObserver(() => {
        if (shadow.querySelector('.article-widget .loading')) window.__widgetLoadingShown = true;
      }).observe(shadow, { childList: true, subtree: true });
      return shadow;
    };
  });
}

test('one script tag renders the article where it stands, loading everything from the widget host', async () => {
  assert.notEqual(new URL(PARTNER_URL).origin, new URL(WIDGET_URL).origin, 'the partner is another origin');
  const { context, page, pageErrors } = await newPage(browser);
  try {
    await recordEvents(context);
    const requests = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${PARTNER_URL}/script-tag.html`);
    await page.getByRole('heading', { level: 1, name: ALS_QUESTION }).waitFor();

    // The widget stands right after its script tag, before the paragraph that follows.
    const order = await page.evaluate(() => {
      const host = document.querySelector('article-widget');
      return [host.previousElementSibling.localName, host.nextElementSibling.id];
    });
    assert.deepEqual(order, ['script', 'after']);

    const fromPartner = requests.filter((url) => url.startsWith(PARTNER_URL) && !url.endsWith('/script-tag.html'));
    assert.deepEqual(fromPartner, [], 'nothing but the page itself comes from the partner');
    assert.ok(requests.some((url) => url.startsWith(WIDGET_URL) && url.endsWith('_bg.wasm')));
    // The loader fetches the article's data while the Wasm loads and hands it over
    // with the mount: one request.
    const dataRequests = requests.filter((url) => url === `${WIDGET_URL}/articles/als-primary-treatment.json`);
    assert.equal(dataRequests.length, 1, `one request for the article: ${dataRequests}`);

    await page.getByRole('link', { name: "Read this article on the publisher's site" }).waitFor();
    const canonical = await page.getByRole('link', { name: "Read this article on the publisher's site" }).getAttribute('href');
    assert.equal(canonical, `${WIDGET_URL}/articles/als-primary-treatment/`);

    // The prerendered page shows first; the widget says it is ready once it shows its own.
    await page.waitForFunction(() => window.__widgetEvents.some((event) => event.name === 'ready'));
    const ready = (await events(page)).filter((event) => event.name === 'ready');
    assert.deepEqual(ready.map((event) => event.detail), [{ article: 'als-primary-treatment', audience: 'professional' }]);

    await page.getByRole('radiogroup', { name: 'Which best describes you?' }).getByRole('radio', { name: 'Patient' }).click();
    await page.waitForFunction(() => window.__widgetEvents.some((event) => event.name === 'audience-change'));
    const change = (await events(page)).find((event) => event.name === 'audience-change');
    assert.deepEqual(change.detail, { audience: 'patient', previous: 'professional' });
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test("the Wasm, its glue and embed.js arrive as the build's brotli files and decode to the built files", async () => {
  const siteDir = process.env.SITE_DIR;
  assert.ok(siteDir, 'SITE_DIR is set by `cargo xtask test`');
  const { context, page, pageErrors } = await newPage(browser);
  try {
    const responses = [];
    page.on('response', (response) => responses.push(response));
    await page.goto(`${PARTNER_URL}/script-tag.html`);
    // The Wasm decoded and ran: the widget took the prerendered article over.
    await takenOver(page, 'article-widget');
    await page.getByRole('heading', { level: 1, name: ALS_QUESTION }).waitFor();

    const fromWidgetHost = (pattern) => {
      const found = responses.filter((response) => response.url().startsWith(WIDGET_URL) && pattern.test(new URL(response.url()).pathname));
      assert.equal(found.length, 1, `one response for ${pattern}: ${found.map((response) => response.url())}`);
      return found[0];
    };
    // One article: the article-only Wasm and its glue (xtask/build-article-wasm.mjs).
    const expected = [
      [/^\/embed\.js$/, 'text/javascript; charset=utf-8'],
      [/^\/article-only-[0-9a-f]{16}\.js$/, 'text/javascript; charset=utf-8'],
      [/^\/article-only-[0-9a-f]{16}_bg\.wasm$/, 'application/wasm'],
    ];
    for (const [pattern, contentType] of expected) {
      const response = fromWidgetHost(pattern);
      const name = new URL(response.url()).pathname.slice(1);
      const headers = await response.allHeaders();
      assert.equal(headers['content-encoding'], 'br', name);
      assert.match(headers.vary ?? '', /accept-encoding/i, name);
      assert.equal(headers['content-type'], contentType, name);
      // What crossed the wire is the build's .br, byte for byte in length; what the
      // page got is the file itself.
      const brotli = readFileSync(join(siteDir, `${name}.br`));
      assert.equal(Number(headers['content-length']), brotli.length, name);
      assert.equal((await response.request().sizes()).responseBodySize, brotli.length, name);
      assert.ok((await response.body()).equals(readFileSync(join(siteDir, name))), `${name} decodes to the built file`);
    }
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test("article data here before the Wasm: the widget's first render is the article, and it is saved for offline reading", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    await watchLoadingState(context);
    // The Wasm arrives well after the article's data.
    await page.route('**/*_bg.wasm', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 700));
      await route.continue();
    });
    await page.goto(`${PARTNER_URL}/script-tag.html`);
    await page.getByRole('heading', { level: 1, name: ALS_QUESTION }).waitFor();
    assert.equal(await page.evaluate(() => window.__widgetLoadingShown), false, 'the widget never showed its loading state');
    // Saving still follows showing, as when the widget fetched the data itself.
    const dataUrl = `${WIDGET_URL}/articles/als-primary-treatment.json`;
    await page.waitForFunction(async (url) => {
      for (const name of await caches.keys()) {
        if (await (await caches.open(name)).match(url)) return true;
      }
      return false;
    }, dataUrl);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

/**
 * Opens the one-widget partner page with each request for the article's data answered
 * by `answer(route, n)`, n counting from 1; resolves, once the article shows, to how
 * many requests there were.
 */
async function articleRequests(answer) {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    let requests = 0;
    await page.route(`${WIDGET_URL}/articles/als-primary-treatment.json`, (route) => {
      requests += 1;
      return answer(route, requests);
    });
    await page.goto(`${PARTNER_URL}/script-tag.html`);
    await page.getByRole('heading', { level: 1, name: ALS_QUESTION }).waitFor();
    // The prerendered page shows first: count once the widget shows its own.
    await takenOver(page, 'article-widget');
    assert.deepEqual(pageErrors, []);
    return requests;
  } finally {
    await context.close();
  }
}

test("article data slower than the Wasm: the widget joins the loader's request instead of making its own", async () => {
  const requests = await articleRequests(async (route) => {
    // Long after the Wasm has loaded and the widget has mounted.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  assert.equal(requests, 1);
});

test("a failed request of the loader's: the widget asks again itself and shows the article", async () => {
  const requests = await articleRequests((route, n) => (n === 1 ? route.fulfill({ status: 503, body: 'busy' }) : route.continue()));
  assert.equal(requests, 2, "the loader's request, then the widget's");
});

test('three containers and the script included twice: one Wasm download, three widgets', async () => {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    const wasmRequests = [];
    page.on('request', (request) => {
      if (request.url().endsWith('.wasm')) wasmRequests.push(request.url());
    });
    await page.goto(`${PARTNER_URL}/containers.html`);
    const hosts = page.locator('[data-article-widget]');
    await hosts.nth(0).getByRole('heading', { level: 1, name: ALS_QUESTION }).waitFor();
    await hosts.nth(1).locator('h1').first().waitFor();
    await hosts.nth(2).locator('h1').first().waitFor();
    await takenOver(page, '[data-article-widget]');
    const questions = await hosts.evaluateAll((elements) => elements.map((host) => host.shadowRoot.querySelector('h1').textContent));
    assert.equal(new Set(questions).size, 3, `three different articles: ${questions}`);
    // textContent: a widget below the fold is not laid out yet, so it has no innerText.
    assert.equal(await hosts.nth(0).locator('.disclaimer h2').textContent(), 'Medical Disclaimer');
    assert.equal(await hosts.nth(1).locator('.disclaimer h2').textContent(), 'Caregiver Disclaimer');
    assert.equal(wasmRequests.length, 1, `one Wasm download: ${wasmRequests}`);
    assert.equal(await page.evaluate(() => window.ArticleWidget.count()), 3);
    assert.equal(await page.locator('article-widget, [data-article-widget]').count(), 3, 'no duplicate widgets');
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('one article in two widgets: one request for its prerendered page, one for its data, and the two switch audience in step', async () => {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    const requests = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(`${PARTNER_URL}/repeated.html`);
    for (const id of ['first', 'again']) {
      await page.locator(`#${id}`).getByRole('heading', { level: 1, name: ALS_QUESTION }).waitFor();
    }
    await page.locator('#other').locator('h1').first().waitFor();
    await takenOver(page, '[data-article-widget]');
    const count = (path) => requests.filter((requested) => requested === path).length;
    assert.equal(count('/articles/als-primary-treatment/patient.html'), 1, `${requests}`);
    assert.equal(count('/articles/als-primary-treatment.json'), 1, `${requests}`);
    assert.equal(count('/articles/hypertension-first-line-treatment/default.html'), 1, `${requests}`);
    // They share the decoded article; the reader's choice in one moves both, as with
    // any two widgets of a page, and each shows the new audience's text.
    const caregiver = page.locator('#again').getByRole('radiogroup', { name: 'Which best describes you?' }).getByRole('radio', { name: 'Caregiver' });
    await settledInView(caregiver);
    await caregiver.click();
    for (const id of ['first', 'again']) {
      await page.locator(`#${id}`).getByRole('heading', { level: 2, name: 'Caregiver Disclaimer' }).waitFor();
    }
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('a broken slug gets an error panel and an error event; the other widget is unaffected', async () => {
  const { context, page, pageErrors, consoleErrors } = await newPage(browser);
  const warnings = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  try {
    await recordEvents(context);
    await page.goto(`${PARTNER_URL}/broken.html`);
    const broken = page.locator('#broken');
    await broken.getByRole('alert').getByRole('heading', { name: 'This article is unavailable' }).waitFor();
    await page.locator('#good').getByRole('heading', { level: 1, name: ALS_QUESTION }).waitFor();
    await page.waitForFunction(() => window.__widgetEvents.some((event) => event.name === 'error'));
    const error = (await events(page)).find((event) => event.name === 'error');
    assert.equal(error.host, 'broken');
    assert.equal(error.detail.article, 'no-such-article');
    assert.equal(error.detail.status, 404);
    assert.ok(consoleErrors.some((text) => text.includes('404')));
    // An invalid option: a warning naming the attribute, and the default used.
    assert.ok(warnings.some((text) => text.includes('data-audience') && text.includes('sideways')), warnings.join('\n'));
    await takenOver(page, '#good');
    assert.equal(await page.locator('#good .disclaimer h2').innerText(), 'Professional Medical Disclaimer');
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

// The computed type and box of the widget's own elements, by a stable selector each.
async function widgetStyles(page) {
  await takenOver(page, '[data-article-widget]');
  await page.locator('[data-article-widget] .disclaimer').first().waitFor();
  return page.evaluate(() => {
    const root = document.querySelector('[data-article-widget]').shadowRoot;
    const properties = ['font-family', 'font-size', 'line-height', 'color', 'background-color', 'margin-top', 'padding-top', 'display', 'text-transform', 'letter-spacing', 'border-top-style', 'list-style-type'];
    const selectors = ['.article-widget', 'h1', '.article-body h2', '.article-body p', '.article-body li', '.article-body a', 'sup.citation a', '.reference-list li', 'button', 'fieldset legend'];
    const styles = {};
    for (const selector of selectors) {
      const element = root.querySelector(selector);
      const computed = getComputedStyle(element);
      styles[selector] = Object.fromEntries(properties.map((property) => [property, computed.getPropertyValue(property)]));
      styles[selector].width = Math.round(element.getBoundingClientRect().width);
    }
    return styles;
  });
}

test("a partner stylesheet that fights back changes nothing of the widget's layout and type", async () => {
  const blank = await newPage(browser, { viewport: { width: 900, height: 900 } });
  const hostile = await newPage(browser, { viewport: { width: 900, height: 900 } });
  try {
    await blank.page.goto(`${PARTNER_URL}/blank.html`);
    await hostile.page.goto(`${PARTNER_URL}/hostile.html`);
    const expected = await widgetStyles(blank.page);
    const actual = await widgetStyles(hostile.page);
    assert.deepEqual(actual, expected);
    // And the widget's styles never reach the partner's page.
    const partnerBody = await hostile.page.evaluate(() => getComputedStyle(document.body).fontFamily);
    assert.match(partnerBody, /Comic Sans/);
  } finally {
    await blank.context.close();
    await hostile.context.close();
  }
});

test('a partner page with a strict CSP that allows only what the README documents', async () => {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    await context.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    await page.goto(`${PARTNER_URL}/csp.html`);
    await page.getByRole('heading', { level: 1, name: ALS_QUESTION }).waitFor();
    // The widget's own page, not the prerendered one it replaces: both match until the swap.
    await takenOver(page, 'article-widget');
    const background = await page.locator('article-widget .article-widget').evaluate((element) => getComputedStyle(element).backgroundColor);
    assert.equal(background, 'rgb(255, 255, 255)', 'the stylesheet applies under style-src none');
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('a single-page app mounts, unmounts and remounts 50 times, and nothing is left behind', async () => {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    await page.goto(`${PARTNER_URL}/spa.html`);
    await page.waitForFunction(() => window.ArticleWidget?.loader);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const measure = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      const metric = (name) => metrics.find((entry) => entry.name === name).value;
      return { heap: metric('JSHeapUsedSize'), nodes: metric('Nodes'), listeners: metric('JSEventListeners') };
    };
    // Half the cycles through the JS API, half by adding and removing containers.
    const cycle = (index) =>
      page.evaluate(async (index) => {
        const app = document.getElementById('app');
        const host = document.createElement('div');
        host.setAttribute('data-article', 'als-primary-treatment');
        const ready = new Promise((resolve) => host.addEventListener('article-widget:ready', resolve, { once: true }));
        if (index % 2 === 0) {
          app.appendChild(host);
          await window.ArticleWidget.mount(host);
          await ready;
          await window.ArticleWidget.unmount(host);
          host.remove();
        } else {
          host.setAttribute('data-article-widget', '');
          app.appendChild(host);
          await ready;
          host.remove();
          // The MutationObserver unmounts it.
          while ((await window.ArticleWidget.count()) !== 0) await new Promise((resolve) => setTimeout(resolve, 10));
        }
      }, index);
    for (let index = 0; index < 4; index += 1) await cycle(index);
    const baseline = await measure();
    for (let index = 0; index < 50; index += 1) await cycle(index);
    // A tree let go can outlive the first collection after it (Blink's DOM is collected
    // apart from V8's heap): a leak shows in every reading, a late collection in one.
    let afterwards = await measure();
    for (let reading = 1; reading < 5 && afterwards.nodes > baseline.nodes + 50; reading += 1) {
      await page.waitForTimeout(250);
      afterwards = await measure();
    }
    assert.equal(await page.evaluate(() => window.ArticleWidget.count()), 0, 'no widget is left mounted');
    assert.equal(await page.locator('#app > *').count(), 1, 'only the app heading is left');
    assert.ok(afterwards.listeners <= baseline.listeners, `event listeners: ${baseline.listeners} -> ${afterwards.listeners}`);
    assert.ok(afterwards.nodes <= baseline.nodes + 50, `DOM nodes: ${baseline.nodes} -> ${afterwards.nodes}`);
    assert.ok(afterwards.heap - baseline.heap < 1024 * 1024, `JS heap grew ${afterwards.heap - baseline.heap} bytes`);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('a widget unmounted while loading never shows that load after its next mount', async () => {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    // The first article answers slowly, after the widget has moved on.
    await page.route('**/articles/als-primary-treatment.json', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 600));
      await route.continue();
    });
    await page.goto(`${PARTNER_URL}/spa.html`);
    await page.waitForFunction(() => window.ArticleWidget?.loader);
    const shown = await page.evaluate(async () => {
      const app = document.getElementById('app');
      const first = document.createElement('div');
      first.setAttribute('data-article', 'als-primary-treatment');
      app.appendChild(first);
      await window.ArticleWidget.mount(first);
      await window.ArticleWidget.unmount(first);
      first.remove();
      const second = document.createElement('div');
      second.id = 'second';
      second.setAttribute('data-article', 'hypertension-first-line-treatment');
      const ready = new Promise((resolve) => second.addEventListener('article-widget:ready', resolve, { once: true }));
      app.appendChild(second);
      await window.ArticleWidget.mount(second);
      await ready;
      // Past the moment the first article's response lands.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      return second.shadowRoot.querySelector('h1').textContent;
    });
    assert.match(shown, /blood pressure/i);
    assert.equal(await page.evaluate(() => window.ArticleWidget.count()), 1);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test("browsing inside an embedded widget: related articles, Back and the catalog, the partner's URL untouched", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    await page.goto(`${PARTNER_URL}/browse.html`);
    const widget = page.locator('article-widget');
    const hypertension = widget.getByRole('heading', { level: 1, name: /high blood pressure/ });
    await hypertension.waitFor();
    await takenOver(page, 'article-widget');
    const partnerUrl = page.url();
    const historyLength = await page.evaluate(() => history.length);
    const focusedId = () => page.evaluate(() => document.querySelector('article-widget').shadowRoot.activeElement?.id);

    const related = widget.locator('section.related');
    await related.getByRole('heading', { level: 2, name: 'Related articles' }).waitFor();
    const diabetesLink = related.getByRole('link', { name: /type 2 diabetes/ });
    // Still a real link, to the publisher's page, for a new tab or a copied address.
    assert.equal(await diabetesLink.getAttribute('href'), `${WIDGET_URL}/articles/type-2-diabetes-first-line-treatment/`);
    await diabetesLink.click();
    await widget.getByRole('heading', { level: 1, name: /type 2 diabetes/ }).waitFor();
    await page.waitForFunction(() => document.querySelector('article-widget').shadowRoot.activeElement?.id === 'question');

    await widget.getByRole('link', { name: 'All articles' }).click();
    await widget.getByRole('heading', { level: 1, name: 'Articles' }).waitFor();
    await widget.getByRole('link', { name: ALS_QUESTION }).click();
    await widget.getByRole('heading', { level: 1, name: ALS_QUESTION }).waitFor();

    // Back retraces the trail inside the widget: the catalog, diabetes, hypertension.
    const back = widget.getByRole('button', { name: 'Back' });
    await back.click();
    await widget.getByRole('heading', { level: 1, name: 'Articles' }).waitFor();
    await back.click();
    await widget.getByRole('heading', { level: 1, name: /type 2 diabetes/ }).waitFor();
    await back.click();
    await hypertension.waitFor();
    assert.equal(await focusedId(), 'question');
    assert.equal(await back.count(), 0, 'back at the start, there is nowhere to go back to');

    assert.equal(page.url(), partnerUrl);
    assert.equal(await page.evaluate(() => history.length), historyLength);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('every ready event names the page shown and its audience, after each move inside the widget', async () => {
  const { context, page, pageErrors } = await newPage(browser);
  await recordEvents(context);
  try {
    await page.goto(`${PARTNER_URL}/catalog.html`);
    const widget = page.locator('[data-article-widget]');
    const readyEvents = async () => (await events(page)).filter((event) => event.name === 'ready').map((event) => event.detail);
    // Waits for the next ready event, and returns every one so far.
    const nextReady = async (count) => {
      await page.waitForFunction((n) => window.__widgetEvents.filter((event) => event.name === 'ready').length >= n, count);
      return readyEvents();
    };
    await widget.getByRole('heading', { level: 1, name: 'Articles' }).waitFor();
    assert.deepEqual(await nextReady(1), [{ article: null, audience: null }]);

    await widget.getByRole('link', { name: /high blood pressure/ }).click();
    await widget.getByRole('heading', { level: 1, name: /high blood pressure/ }).waitFor();
    const hypertension = { article: 'hypertension-first-line-treatment', audience: 'patient' };
    assert.deepEqual((await nextReady(2)).at(-1), hypertension);

    await widget.locator('section.related').getByRole('link', { name: /type 2 diabetes/ }).click();
    await widget.getByRole('heading', { level: 1, name: /type 2 diabetes/ }).waitFor();
    const diabetes = { article: 'type-2-diabetes-first-line-treatment', audience: 'patient' };
    assert.deepEqual((await nextReady(3)).at(-1), diabetes);

    await widget.getByRole('button', { name: 'Back' }).click();
    await widget.getByRole('heading', { level: 1, name: /high blood pressure/ }).waitFor();
    assert.deepEqual(await nextReady(4), [{ article: null, audience: null }, hypertension, diabetes, hypertension]);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('an option changed while the widget still loads over its prerendered page: the page is taken over all the same', async () => {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    // The article's data waits until the page has changed an option of the widget.
    let release;
    const held = new Promise((resolve) => {
      release = resolve;
    });
    await page.route(`${WIDGET_URL}/articles/als-primary-treatment.json`, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${PARTNER_URL}/live.html`);
    // The Wasm has mounted the widget, which waits for its data behind the prerendered page.
    await page.waitForFunction(() => window.ArticleWidget.count().then((count) => count > 0));
    assert.equal(await page.locator('#live').evaluate((host) => host.shadowRoot.querySelector('[data-prerendered]') !== null), true);
    await page.evaluate(() => document.querySelector('#live').setAttribute('data-theme', 'dark'));
    release();
    await takenOver(page, '#live');
    await page.locator('#live .article-widget.theme-dark').waitFor();
    await page.locator('#live').getByRole('heading', { level: 1, name: ALS_QUESTION }).waitFor();
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('live options: data- attributes and ArticleWidget.update change a mounted widget in place', async () => {
  const { context, page, pageErrors } = await newPage(browser);
  const warnings = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  try {
    await page.goto(`${PARTNER_URL}/live.html`);
    const widget = page.locator('#live');
    await widget.getByRole('heading', { level: 1, name: ALS_QUESTION }).waitFor();
    // The widget's own root, once it has taken the prerendered page's place.
    await takenOver(page, '#live');
    // A mark on the widget's root: a remount would make a new root without it.
    const root = widget.locator('.article-widget');
    await root.evaluate((element) => {
      element.liveMark = true;
    });
    const stillTheSameWidget = () => root.evaluate((element) => element.liveMark === true);

    await page.evaluate(() => document.querySelector('#live').setAttribute('data-theme', 'dark'));
    await page.locator('#live .article-widget.theme-dark').waitFor();

    await page.evaluate(() => document.querySelector('#live').setAttribute('data-audience', 'caregiver'));
    await widget.getByRole('heading', { level: 2, name: 'Caregiver Disclaimer' }).waitFor();
    assert.equal(await stillTheSameWidget(), true, 'options apply in place, with no remount');

    await page.evaluate(() =>
      window.ArticleWidget.update(document.querySelector('#live'), { article: 'hypertension-first-line-treatment' }),
    );
    await widget.getByRole('heading', { level: 1, name: /high blood pressure/ }).waitFor();
    assert.equal(await widget.getByRole('heading', { level: 2, name: 'Caregiver Disclaimer' }).count(), 1);
    assert.equal(await stillTheSameWidget(), true);

    // An invalid value warns and falls back, as at mount.
    await page.evaluate(() => document.querySelector('#live').setAttribute('data-theme', 'sepia'));
    await page.locator('#live .article-widget.theme-auto').waitFor();
    assert.ok(
      warnings.some((text) => text.includes('data-theme: unknown theme `sepia`')),
      warnings.join('\n'),
    );
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test("the theme auto follows the host page's own colour scheme and its toggle; the reader's choice still wins", async () => {
  // The reader's system is light; the partner's page has a dark mode of its own.
  const { context, page, pageErrors } = await newPage(browser, { colorScheme: 'light' });
  try {
    await page.goto(`${PARTNER_URL}/host-theme.html`);
    const widget = page.locator('#themed');
    await widget.getByRole('heading', { level: 1, name: ALS_QUESTION }).waitFor();
    await takenOver(page, '#themed');
    const LIGHT = 'rgb(255, 255, 255)';
    const DARK = 'rgb(21, 24, 28)';
    const background = () => widget.locator('.article-widget').evaluate((element) => getComputedStyle(element).backgroundColor);
    const hostScheme = () => page.evaluate(() => document.querySelector('#themed').getAttribute('data-host-color-scheme'));
    const toggle = (name) => page.evaluate((name) => { document.documentElement.className = name; }, name);
    // Every step below waits for what it changes, never for what is already shown: the
    // loader's note of the page's scheme on the host (null: none declared), and the
    // widget's background, which each step turns the other way.
    const noted = (expected) => page.waitForFunction(
      (expected) => document.querySelector('#themed').getAttribute('data-host-color-scheme') === expected,
      expected,
    );
    const becomes = (expected) => page.waitForFunction(
      (expected) => getComputedStyle(document.querySelector('#themed').shadowRoot.querySelector('.article-widget')).backgroundColor === expected,
      expected,
    );
    const step = async (className, scheme, colour) => {
      assert.notEqual(await background(), colour, `the step to "${className}" changes the widget`);
      await toggle(className);
      await noted(scheme);
      await becomes(colour);
    };
    assert.equal(await background(), LIGHT);
    assert.equal(await hostScheme(), null);
    await step('dark', 'dark', DARK);
    // No scheme of the page's own: the widget follows the reader's system again.
    await step('', null, LIGHT);
    await step('dark', 'dark', DARK);
    await step('light', 'light', LIGHT);

    // The page's light wins over the reader's dark system too, and with the page's
    // scheme gone the system's shows again.
    await page.emulateMedia({ colorScheme: 'dark' });
    assert.equal(await background(), LIGHT);
    await step('', null, DARK);
    await step('light', 'light', LIGHT);
    await page.emulateMedia({ colorScheme: 'light' });
    await step('dark', 'dark', DARK);

    // The reader's own choice wins over the page's.
    await widget.getByRole('button', { name: 'Text size and theme' }).click();
    await widget.getByRole('radiogroup', { name: 'Theme' }).getByRole('radio', { name: 'Light' }).check();
    await page.locator('#themed .article-widget.theme-light').waitFor();
    await becomes(LIGHT);
    // The page turns light, then dark again: the loader notes each, the widget stays light.
    await toggle('light');
    await noted('light');
    await toggle('dark');
    await noted('dark');
    assert.equal(await background(), LIGHT, "the reader's choice holds while the page is dark");
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('axe-core finds no violations inside the shadow roots of a partner page', async () => {
  const { context, page } = await newPage(browser);
  try {
    await page.goto(`${PARTNER_URL}/containers.html`);
    await takenOver(page, '[data-article-widget]');
    await page.locator('[data-article-widget]').nth(2).locator('.disclaimer').waitFor();
    assert.deepEqual(await axeViolations(page), []);
  } finally {
    await context.close();
  }
});

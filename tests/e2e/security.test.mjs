// A partner's page is never the way in. Each test is an attack from the partner's side
// (user content on the partner's page, a hostile data location, a redirect, hostile
// values through the API) or on the publisher's own service worker, and checks that
// nothing of the attacker's runs, is shown or is kept. The attacker's origin is a server
// of the test's own on loopback, another origin than the widget's and the partner's.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ALS_QUESTION, PARTNER_URL, WIDGET_URL, launchBrowser, newPage, takenOver, waitUntil } from './harness.mjs';

const SITE_DIR = process.env.SITE_DIR;

let browser;
let attacker;
let ATTACKER;
// The partner's pages that name the attacker, served as the partner's server serves
// them but with this run's attacker written in: another origin than the widget's.
let partner;
let PARTNER;
// What the attacker's server answers (set by each test), and what it was asked.
let answer = () => null;
let asked = [];
before(async () => {
  browser = await launchBrowser();
  attacker = createServer((request, response) => {
    const url = new URL(request.url, ATTACKER);
    asked.push(url.href);
    const { status = 200, body = '', type = 'text/plain' } = answer(url) ?? { status: 404 };
    response.writeHead(status, { 'content-type': type, 'access-control-allow-origin': '*' });
    response.end(body);
  });
  await new Promise((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  ATTACKER = `http://127.0.0.1:${attacker.address().port}`;
  partner = createServer((request, response) => {
    try {
      const name = new URL(request.url, 'http://partner').pathname.replace(/^\//, '');
      if (!/^[a-z-]+\.html$/.test(name)) throw new Error('not a page');
      const html = readFileSync(new URL(`./partner/${name}`, import.meta.url), 'utf8')
        .replaceAll('{{WIDGET_URL}}', WIDGET_URL)
        .replaceAll('https://attacker.test', ATTACKER);
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(html);
    } catch {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise((resolve) => partner.listen(0, '127.0.0.1', resolve));
  PARTNER = `http://127.0.0.1:${partner.address().port}`;
});
after(async () => {
  await browser?.close();
  attacker?.close();
  partner?.close();
});

/** Answers requests to the attacker's origin with `respond`; returns what it is asked. */
function attackerOrigin(respond) {
  answer = respond;
  asked = [];
  return asked;
}

/** Opens the partner page `name` of tests/e2e/partner/, naming this run's attacker. */
async function gotoPartnerPage(page, name) {
  assert.notEqual(new URL(PARTNER).origin, new URL(WIDGET_URL).origin);
  await page.goto(`${PARTNER}/${name}`);
}

/** The text of every host's shadow root, read without the page's own (clobbered) DOM. */
const shadowTexts = (page) =>
  page.evaluate(() =>
    [...Document.prototype.querySelectorAll.call(document, 'article-widget, [data-article-widget]')].map(
      (host) => Element.prototype.getAttribute.call(host, 'id') + ': ' + (host.shadowRoot?.textContent ?? ''),
    ),
  );

/** Every href and src inside the widgets' shadow roots. */
const shadowUrls = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('article-widget, [data-article-widget]')].flatMap((host) =>
      [...(host.shadowRoot?.querySelectorAll('[href], [src], [action], [formaction]') ?? [])].map(
        (element) =>
          element.getAttribute('href') ?? element.getAttribute('src') ?? element.getAttribute('action') ?? element.getAttribute('formaction'),
      ),
    ),
  );

const articleJson = (slug) => readFileSync(join(SITE_DIR, 'articles', `${slug}.json`), 'utf8');

test('user content that clobbers every page property the loader reads, by name and by id, changes nothing', async () => {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    const asked = attackerOrigin(() => ({ status: 200, body: 'export default 1;', type: 'text/javascript' }));
    const requests = [];
    page.on('request', (request) => requests.push(request.url()));
    await gotoPartnerPage(page, 'clobbered.html');
    // Both widgets, the script tag's and the container's, are the widget's own.
    await page.waitForFunction(() => {
      const hosts = [...Document.prototype.querySelectorAll.call(document, 'article-widget, [data-article-widget]')];
      return (
        hosts.length === 2 &&
        hosts.every((host) => host.shadowRoot?.querySelector('.article-widget-root:not([hidden])') && !host.shadowRoot.querySelector('[data-prerendered]'))
      );
    });
    const texts = await shadowTexts(page);
    assert.ok(texts[0].includes(ALS_QUESTION), texts[0]);
    assert.ok(/high blood pressure/i.test(texts[1]), texts[1]);
    // The attacker's origin was asked for the comment's two images, and nothing else.
    assert.deepEqual(asked.sort(), [`${ATTACKER}/u/a.png`, `${ATTACKER}/u/b.png`]);
    assert.ok(requests.some((url) => /^\/article-(only|widget)-[0-9a-f]+\.js$/.test(url.slice(WIDGET_URL.length)) && url.startsWith(`${WIDGET_URL}/`)), 'the glue came from the widget host');
    // The loader's global is its own, whatever the page named ArticleWidget.
    const api = await page.evaluate(() => {
      const own = Object.getOwnPropertyDescriptor(window, 'ArticleWidget')?.value;
      // The symbol's global is the Wasm's way in: the same functions, and the catalog's
      // hand-over, which the page's API does not offer.
      const wasms = window[Symbol.for('article-widget.loader')];
      return {
        scan: typeof own?.scan,
        loader: own?.loader,
        symbol: wasms?.scan === own?.scan && wasms?.mount === own?.mount && Object.isFrozen(wasms),
        handOver: [typeof wasms?.openCatalog, typeof own?.openCatalog],
      };
    });
    assert.deepEqual(api, { scan: 'function', loader: true, symbol: true, handOver: ['function', 'undefined'] });
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test("user content that shadows the document's own methods: the prerendered article stays, and nothing of the attacker's runs", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    const asked = attackerOrigin(() => ({ status: 200, body: 'export default 1;', type: 'text/javascript' }));
    await gotoPartnerPage(page, 'clobbered-dom.html');
    // The loader shows the build's page through the prototypes' own functions; the
    // Wasm's glue calls document.createElement as every library does, and cannot mount
    // here, which it says in the console. The reader keeps the article.
    await page.waitForFunction(
      (question) => {
        const host = Document.prototype.querySelector.call(document, 'article-widget');
        return host?.shadowRoot?.querySelector('[data-prerendered] h1')?.textContent === question;
      },
      ALS_QUESTION,
    );
    await page.waitForTimeout(1500);
    assert.deepEqual(asked, [`${ATTACKER}/u/c.png`]);
    const after = await page.evaluate(() => Document.prototype.querySelector.call(document, '#after').textContent);
    assert.equal(after, 'After the widget.');
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test("a data-src on another origin in user content gets the attacker's data checked as untrusted, and never runs their code", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    // The attacker's catalog is the real one; their article carries hostile URLs in every
    // field a URL stands in; their "search adapter" would mark the page if it ran.
    const article = JSON.parse(articleJson('als-primary-treatment'));
    article.question = 'Attacker article';
    for (const reference of article.references) {
      delete reference.doi;
      delete reference.pmid;
      reference.url = 'javascript:document.title="pwned-reference"';
    }
    article.publisher.url = 'javascript:document.title="pwned-publisher"';
    article.publisher.editorial_policy_url = 'javascript:document.title="pwned-policy"';
    article.publisher.corrections_url = ' JaVaScRiPt:document.title="pwned-corrections"';
    if (article.publisher.follow_up) article.publisher.follow_up.url = 'data:text/html,<script>parent.document.title="pwned"</script>';
    const catalog = readFileSync(join(SITE_DIR, 'articles', 'index.json'), 'utf8');
    const asked = attackerOrigin((url) => {
      if (url.pathname.endsWith('/index.json')) return { body: catalog, type: 'application/json' };
      if (url.pathname === '/data/als-primary-treatment.json') return { body: JSON.stringify(article), type: 'application/json' };
      if (url.pathname.endsWith('.js')) return { body: 'document.title = "pwned-code"; export function search() {}', type: 'text/javascript' };
      return { status: 404 };
    });
    await gotoPartnerPage(page, 'user-content.html');
    const hostile = page.locator('#hostile-article');
    await hostile.getByRole('heading', { level: 1, name: 'Attacker article' }).waitFor();
    // The references are shown, none as a link to the attacker's script.
    await hostile.locator('.reference-list li').first().waitFor();
    const urls = await shadowUrls(page);
    assert.equal(urls.filter((url) => /^\s*(javascript|data|vbscript):/i.test(url)).length, 0, urls.join('\n'));

    // The catalog from the attacker's data: a search imports no adapter from there.
    const catalogWidget = page.locator('#hostile-catalog');
    const search = catalogWidget.getByRole('searchbox', { name: 'Search articles' });
    await search.fill('riluzole');
    await page.waitForTimeout(800);
    // And ArticleWidget.update({ src }) opens no other way in.
    await page.evaluate((src) => window.ArticleWidget.update(document.querySelector('#hostile-catalog'), { src }), `${ATTACKER}/data2/`);
    await search.fill('tofersen');
    await page.waitForTimeout(500);
    assert.deepEqual(asked.filter((url) => url.endsWith('.js')), [], 'no code from the data location');
    assert.ok(!(await page.title()).startsWith('pwned'), await page.title());
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('a redirect to another origin brings nothing into the page: not the prerendered page, not the data', async () => {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    const evil =
      '<!doctype html><html><body><div data-prerendered><div class="article-widget"><h1>EVIL PRERENDERED</h1></div></div></body></html>';
    const evilData = JSON.parse(articleJson('als-primary-treatment'));
    evilData.question = 'EVIL DATA';
    attackerOrigin((url) =>
      url.pathname.endsWith('.html')
        ? { body: evil, type: 'text/html' }
        : { body: JSON.stringify(evilData), type: 'application/json' },
    );
    // The widget host has an open redirect, for the fragment and for the data.
    await page.route(`${WIDGET_URL}/articles/als-primary-treatment/*.html`, (route) =>
      route.fulfill({ status: 302, headers: { location: `${ATTACKER}/evil.html`, 'access-control-allow-origin': '*' } }),
    );
    await page.route(`${WIDGET_URL}/articles/als-primary-treatment.json`, (route) =>
      route.fulfill({ status: 302, headers: { location: `${ATTACKER}/evil.json`, 'access-control-allow-origin': '*' } }),
    );
    const shown = [];
    await page.exposeFunction('__noteShown', (text) => shown.push(text));
    await page.addInitScript(() => {
      new MutationObserver(() => {
        for (const host of document.querySelectorAll('article-widget')) {
          if (host.shadowRoot) window.__noteShown?.(host.shadowRoot.textContent);
        }
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    await page.goto(`${PARTNER_URL}/script-tag.html`);
    // The widget says the article could not be had; nothing of the attacker's shows.
    await page.locator('article-widget').getByRole('heading', { name: /unavailable/i }).waitFor({ timeout: 30_000 });
    const texts = (await shadowTexts(page)).join('\n') + shown.join('\n');
    assert.ok(!texts.includes('EVIL'), texts);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('hostile values through the API are dropped with a warning, and later attribute changes still apply', async () => {
  const { context, page, pageErrors } = await newPage(browser);
  const warnings = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  try {
    await page.goto(`${PARTNER_URL}/live.html`);
    await takenOver(page, '#live');
    const results = await page.evaluate(async () => {
      const host = document.querySelector('#live');
      const outcomes = [];
      for (const options of [
        { theme: Object.create(null) },
        { audience: { toString: () => 'patient' } },
        { lang: Symbol('es') },
        JSON.parse('{"__proto__": "x", "constructor": "y"}'),
        { src: ['https://attacker.test/'] },
        'theme=dark',
      ]) {
        outcomes.push(await window.ArticleWidget.update(host, options).then(() => 'resolved', (error) => `rejected: ${error}`));
      }
      return outcomes;
    });
    assert.ok(results.every((outcome) => outcome === 'resolved'), results.join('\n'));
    assert.ok(warnings.some((text) => text.includes('theme: expected text, not object; ignored')), warnings.join('\n'));
    // The page goes on as usual: each change applies, and nothing throws.
    await page.evaluate(() => document.querySelector('#live').setAttribute('data-theme', 'dark'));
    await page.locator('#live .article-widget.theme-dark').waitFor();
    await page.evaluate(() => document.querySelector('#live').setAttribute('data-audience', 'caregiver'));
    await page.locator('#live').getByRole('heading', { level: 2, name: 'Caregiver Disclaimer' }).waitFor();
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test("Object.prototype's names in every option and in stored preferences are names of nothing", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    // The reader's stored record, in the widget's origin on the partner's page, holds
    // the same names.
    await context.addInitScript(() => {
      localStorage.setItem(
        'article-widget/v1',
        JSON.stringify({ version: 2, audience: 'constructor', language: '__proto__', text_size: 'toString', theme: 'valueOf' }),
      );
    });
    // What the widget's shadow root shows before the Wasm: each status line, and
    // whether the prerendered page came.
    const statuses = new Set();
    let prerenderedShown = false;
    await page.exposeFunction('__noteFirstPaint', (status, prerendered) => {
      if (status !== null) statuses.add(status);
      prerenderedShown ||= prerendered;
    });
    await page.addInitScript(() => {
      const attachShadow = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init) {
        const shadow = attachShadow.call(this, init);
        if (this.id === 'names') {
          const note = () => {
            // The placeholder's own line, a child of the shadow root (the widget's
            // live regions sit deeper).
            const status = [...shadow.children].find((element) => element.matches('p[role=status]'));
            window.__noteFirstPaint(status ? status.textContent : null, shadow.querySelector('[data-prerendered]') !== null);
          };
          new MutationObserver(note).observe(shadow, { childList: true, subtree: true, characterData: true });
          queueMicrotask(note);
        }
        return shadow;
      };
    });
    await page.goto(`${PARTNER_URL}/prototype-names.html`);
    await takenOver(page, '#names');
    await page.locator('#names').getByRole('heading', { level: 1, name: ALS_QUESTION }).waitFor();
    assert.deepEqual([...statuses], ['Loading article…']);
    assert.equal(prerenderedShown, true, 'the prerendered page was shown first');
    assert.equal(await page.locator('#names .article-widget.theme-auto.text-normal').count(), 1);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('the service worker keeps one copy of a page visited with forty tracking strings', async () => {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    await page.goto(`${WIDGET_URL}/`);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    for (let visit = 0; visit < 40; visit++) {
      const query = visit % 2 ? `utm_source=mail&utm_campaign=${visit}` : `utm=${visit}&fbclid=${visit}`;
      await page.goto(`${WIDGET_URL}/?${query}`, { waitUntil: 'load' });
    }
    const pages = await page.evaluate(async () => {
      const names = await caches.keys();
      const name = names.find((name) => name.endsWith('app-pages'));
      const cache = await caches.open(name);
      return (await cache.keys()).map((request) => request.url);
    });
    assert.ok(pages.length <= 2, pages.join('\n'));
    assert.ok(pages.every((url) => !url.includes('utm') && !url.includes('fbclid')), pages.join('\n'));
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

/** A second widget, `#by-script`, mounted by the page's own script through the API. */
function mountByScript(page) {
  return page.evaluate(() => {
    const host = document.createElement('div');
    host.id = 'by-script';
    document.querySelector('main').append(host);
    window.ArticleWidget.mount(host, { article: 'hypertension-first-line-treatment' });
  });
}

test("a widget whose code failed to load mounts, with no click, once a widget mounted later has loaded that code", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    let glueRequests = 0;
    await page.route(/\/article-only-[0-9a-f]+\.js(\?.*)?$/, (route) => {
      glueRequests += 1;
      return glueRequests === 1 ? route.abort('connectionreset') : route.continue();
    });
    await page.goto(`${PARTNER_URL}/script-tag.html`);
    const widget = page.locator('article-widget');
    await widget.getByRole('button', { name: 'Try again' }).waitFor();
    // A new mount waits out the loader's first pause after a failure (RETRY_MS, 2 s),
    // then loads the code itself; the failed widget is not clicked.
    await page.waitForTimeout(2500);
    await mountByScript(page);
    await takenOver(page, 'article-widget, #by-script');
    await widget.getByRole('heading', { level: 1, name: ALS_QUESTION }).waitFor();
    assert.equal(await widget.getByRole('button', { name: 'Try again' }).count(), 0);
    assert.equal(glueRequests, 2, 'one failed load, then one for both widgets');
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test("the Wasm's glue failing to load once: the placeholder offers to try again, and the widget loads on retry with no unhandled rejection", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    let glueRequests = 0;
    // The first load fails only once both widgets wait for it: a mount begun after the
    // failure would load the code itself, and mount the other widget with it, before
    // the retry (the test above).
    let failFirst;
    const bothWaiting = new Promise((resolve) => {
      failFirst = resolve;
    });
    // Both widgets show one article: their glue is the article-only code's.
    await page.route(/\/article-only-[0-9a-f]+\.js(\?.*)?$/, async (route) => {
      glueRequests += 1;
      if (glueRequests > 1) return route.continue();
      await bothWaiting;
      return route.abort('connectionreset');
    });
    const rejections = [];
    await page.exposeFunction('__noteRejection', (text) => rejections.push(text));
    await page.addInitScript(() => {
      window.addEventListener('unhandledrejection', (event) => window.__noteRejection(String(event.reason)));
    });
    await page.goto(`${PARTNER_URL}/script-tag.html`);
    // A mount by the page's own script, with no catch: it must not leave a rejection.
    await mountByScript(page);
    // The mount asks for the code in its next task; a task queued after it runs later.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    failFirst();
    const widget = page.locator('article-widget');
    const retry = widget.getByRole('button', { name: 'Try again' });
    await retry.waitFor();
    await retry.click();
    await takenOver(page, 'article-widget, #by-script');
    await widget.getByRole('heading', { level: 1, name: ALS_QUESTION }).waitFor();
    assert.ok(glueRequests >= 2, `the glue was asked for again (${glueRequests})`);
    await page.waitForTimeout(200);
    assert.deepEqual(rejections, []);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

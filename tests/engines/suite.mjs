// The cross-engine subset: what every reader's browser must do, run in one engine per
// test file (firefox.test.mjs, webkit.test.mjs). The full suite stays on Chromium
// (tests/e2e); this one is short on purpose.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  PARTNER_URL,
  WIDGET_URL,
  servePartnerPages,
  serveSiteCopy,
  startSession,
  TIMEOUT_MS,
  waitForAlsArticle,
  waitForWidgetText,
  waitInPage,
  widgetElement,
  widgetText,
} from './harness.mjs';

const ARTICLE_URL = `${WIDGET_URL}/?article=als-primary-treatment`;
const STORAGE_KEY = 'article-widget/v1';
const PUBLISHER_HOST = '[data-article-widget]';
/** The ALS article's version when nobody chose one (its `default_audience`). */
const DEFAULT_AUDIENCE = 'professional';

/** Each audience's version of the ALS article: its disclaimer and one of its headings. */
const AUDIENCES = {
  patient: { radio: 'Patient', disclaimer: 'Medical Disclaimer', heading: 'Medicines that can slow ALS' },
  caregiver: { radio: 'Caregiver', disclaimer: 'Caregiver Disclaimer', heading: 'The medicines, and how you can help' },
  professional: { radio: 'Healthcare professional', disclaimer: 'Professional Medical Disclaimer', heading: 'Disease-modifying treatments' },
};

/**
 * What the engine offers that the widget could use, probed in a page of the widget's
 * origin (a secure context, as 127.0.0.1 is).
 */
function probeFeatures() {
  const constructable = (() => {
    try {
      new CSSStyleSheet().replaceSync('p { color: red }');
      return true;
    } catch {
      return false;
    }
  })();
  return {
    'declarative shadow DOM': 'shadowRootMode' in HTMLTemplateElement.prototype,
    'Trusted Types': typeof window.trustedTypes?.createPolicy === 'function',
    'content-visibility': CSS.supports('content-visibility', 'auto'),
    'light-dark()': CSS.supports('color', 'light-dark(#000, #fff)'),
    'constructed stylesheets (adoptedStyleSheets)': constructable && 'adoptedStyleSheets' in ShadowRoot.prototype,
    'service workers': 'serviceWorker' in navigator,
    'Cache Storage': typeof caches !== 'undefined',
  };
}

/** Opens `url` with nothing stored on its origin: no reader's choice from an earlier test. */
async function openClean(driver, url) {
  // A small page of the same origin (the server's 404) to clear the storage from.
  await driver.get(`${new URL(url).origin}/no-such-page`);
  await driver.executeScript(() => localStorage.clear());
  await driver.get(url);
}

/** Shows the ALS article on the widget's own page with no stored choice. */
async function openFresh(driver, url) {
  await openClean(driver, url);
  await waitForAlsArticle(driver, PUBLISHER_HOST);
}

/** Waits until `host`'s widget shows `audience`'s version, its radio checked. */
async function waitForAudience(driver, host, audience) {
  const { disclaimer, heading } = AUDIENCES[audience];
  await waitForWidgetText(driver, host, '.disclaimer h2', disclaimer);
  await waitInPage(
    driver,
    `${host} shows the ${audience} body with its radio checked`,
    (host, audience, heading) => {
      const root = document.querySelector(host)?.shadowRoot;
      if (!root) return false;
      const headings = [...root.querySelectorAll('.article-body h2')].map((h2) => h2.textContent.trim());
      return headings.includes(heading) && root.querySelector(`input[type="radio"][value="${audience}"]`)?.checked === true;
    },
    host,
    audience,
    heading,
  );
}

/** Clicks a choice of `host`'s widget, such as an audience, as a reader would (a WebDriver click on its label). */
async function choose(driver, host, value) {
  const selector = `label.choice[for$="-${value}"]`;
  // A reader clicks what they see: the label, scrolled into view, is the element at its
  // own centre (WebKit's driver refuses a click on anything else, as during a layout).
  await waitInPage(
    driver,
    `${host}: the label for ${value} can be clicked`,
    (host, selector) => {
      const shadow = document.querySelector(host)?.shadowRoot;
      const label = shadow?.querySelector(selector);
      if (!label) return false;
      label.scrollIntoView({ block: 'center' });
      const box = label.getBoundingClientRect();
      const hit = shadow.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return box.width > 0 && box.height > 0 && hit !== null && label.contains(hit);
    },
    host,
    selector,
  );
  const label = await driver.executeScript(widgetElement, host, selector);
  assert.ok(label, `${host} has a label for ${value}`);
  await label.click();
}

/** The computed background of the widget of `host`. */
function widgetBackground(host) {
  return getComputedStyle(document.querySelector(host).shadowRoot.querySelector('.article-widget')).backgroundColor;
}

/** Mounts a widget for `slug` on a new host `#id` of the single-page app partner page. */
function mount(driver, id, slug) {
  return driver.executeScript(
    async (id, slug) => {
      const host = document.createElement('div');
      host.id = id;
      host.setAttribute('data-article', slug);
      document.getElementById('app').appendChild(host);
      await window.ArticleWidget.mount(host);
    },
    id,
    slug,
  );
}

// The computed type and box of the widget's own elements, by a stable selector each.
function widgetStyles() {
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
}

// The browser's own request for /favicon.ico, which the strict CSP page blocks.
const BROWSER_NOISE = [/\/favicon\.ico\b/];
// What the running test expects the page to report, such as requests to a server it
// took away.
const expectedErrors = [];

export function crossEngineSuite(engine) {
  let session;
  let driver;
  let features;
  const servers = [];

  describe(engine, () => {
    before(async () => {
      session = await startSession(engine);
      driver = session.driver;
      await driver.manage().window().setRect({ width: 1000, height: 900 });
      await driver.get(`${WIDGET_URL}/`);
      features = await driver.executeScript(probeFeatures);
    });
    // Whatever an engine lacks must degrade, never throw into the page. Firefox reports
    // failed requests and blocked loads as page errors too: the ones a test causes on
    // purpose are listed in `expectedErrors`.
    function checkPageErrors() {
      const allowed = [...BROWSER_NOISE, ...expectedErrors.splice(0)];
      if (!session?.pageErrors) return;
      const unexpected = session.pageErrors.splice(0).filter((text) => !allowed.some((pattern) => pattern.test(text)));
      assert.deepEqual(unexpected, [], 'uncaught errors in the page');
    }
    afterEach(checkPageErrors);
    after(async () => {
      await session?.quit();
      for (const server of servers) server.stop();
    });

    test('the engine, its version and what it offers the widget', (t) => {
      t.diagnostic(`${session.name} ${session.version}`);
      t.diagnostic(`uncaught errors in the page: ${session.pageErrors ? 'checked after every test (WebDriver BiDi)' : 'not observable (no WebDriver BiDi)'}`);
      for (const [feature, supported] of Object.entries(features)) t.diagnostic(`${feature}: ${supported ? 'yes' : 'no'}`);
      assert.ok(session.version, 'the session names its browser version');
    });

    for (const audience of Object.keys(AUDIENCES)) {
      if (audience === DEFAULT_AUDIENCE) {
        // The version shown without ?audience=: asking for it changes nothing, so that
        // alone would show nothing of ?audience=; the other two versions do.
        test(`the first-party article in its default, ${audience} version, with ?audience=${audience} as without`, async () => {
          await openFresh(driver, ARTICLE_URL);
          await waitForAudience(driver, PUBLISHER_HOST, audience);
          await openFresh(driver, `${ARTICLE_URL}&audience=${audience}`);
          await waitForAudience(driver, PUBLISHER_HOST, audience);
        });
        continue;
      }
      test(`the first-party article in the ${audience} version, from ?audience=${audience}`, async () => {
        await openFresh(driver, `${ARTICLE_URL}&audience=${audience}`);
        await waitForAudience(driver, PUBLISHER_HOST, audience);
      });
    }

    test('switching audience changes the article in place, and the stored choice survives a reload', async () => {
      await openFresh(driver, ARTICLE_URL);
      await waitForAudience(driver, PUBLISHER_HOST, 'professional');
      await choose(driver, PUBLISHER_HOST, 'caregiver');
      await waitForAudience(driver, PUBLISHER_HOST, 'caregiver');
      const stored = JSON.parse(await driver.executeScript((key) => localStorage.getItem(key), STORAGE_KEY));
      assert.equal(stored.audience, 'caregiver');

      await driver.executeScript(() => {
        window.__beforeReload = true;
      });
      await driver.navigate().refresh();
      await waitInPage(driver, 'the page has reloaded', () => document.readyState === 'complete' && window.__beforeReload === undefined);
      await waitForAlsArticle(driver, PUBLISHER_HOST);
      // The article's default is the professional version: only the stored choice
      // brings the caregiver's.
      await waitForAudience(driver, PUBLISHER_HOST, 'caregiver');
    });

    test("the reader's dark theme: the palette's light-dark() colours follow it", async () => {
      await openFresh(driver, ARTICLE_URL);
      assert.equal(await driver.executeScript(widgetBackground, PUBLISHER_HOST), 'rgb(255, 255, 255)');
      const toggle = await driver.executeScript(widgetElement, PUBLISHER_HOST, '.preferences-toggle');
      await toggle.click();
      await waitInPage(driver, 'the preferences panel opens', (host) => document.querySelector(host).shadowRoot.querySelector('.preferences-panel')?.hidden === false, PUBLISHER_HOST);
      await choose(driver, PUBLISHER_HOST, 'dark');
      await waitInPage(driver, 'the widget turns dark', (host) => getComputedStyle(document.querySelector(host).shadowRoot.querySelector('.article-widget')).backgroundColor === 'rgb(21, 24, 28)', PUBLISHER_HOST);
    });

    test('a partner page on another origin embeds the article with one script tag', async () => {
      assert.notEqual(new URL(PARTNER_URL).origin, new URL(WIDGET_URL).origin);
      await openClean(driver, `${PARTNER_URL}/script-tag.html`);
      await waitForAlsArticle(driver, 'article-widget');
      const order = await driver.executeScript(() => {
        const host = document.querySelector('article-widget');
        return [host.previousElementSibling.localName, host.nextElementSibling.id];
      });
      assert.deepEqual(order, ['script', 'after'], 'the widget stands where its script tag is');
      const wasm = await driver.executeScript(() =>
        performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => name.endsWith('_bg.wasm')),
      );
      assert.equal(wasm.length, 1, `one Wasm download: ${wasm}`);
      assert.ok(wasm[0].startsWith(WIDGET_URL), `the Wasm comes from the widget host: ${wasm[0]}`);
      await waitInPage(
        driver,
        'the link back to the publisher',
        (href) => document.querySelector('article-widget')?.shadowRoot?.querySelector(`a[href="${href}"]`) !== null,
        `${WIDGET_URL}/articles/als-primary-treatment/`,
      );
      await choose(driver, 'article-widget', 'patient');
      await waitForAudience(driver, 'article-widget', 'patient');
    });

    test('containers: three widgets from one Wasm instance, each with its options', async () => {
      await openClean(driver, `${PARTNER_URL}/containers.html`);
      const hosts = [1, 2, 3].map((n) => `section:nth-of-type(${n}) [data-article-widget]`);
      await waitForAlsArticle(driver, hosts[0]);
      // Each widget's own rendering: the prerendered page, shown first, already has an
      // article and its audience's disclaimer, so what is waited for is the take-over.
      for (const host of hosts.slice(1)) {
        await waitInPage(
          driver,
          `${host}: the widget to take over its prerendered page`,
          (host) => {
            const shadow = document.querySelector(host)?.shadowRoot;
            return Boolean(shadow?.querySelector('.article-widget-root:not([hidden]) h1') && !shadow.querySelector('[data-prerendered]'));
          },
          host,
        );
      }
      const questions = await Promise.all(hosts.map((host) => driver.executeScript(widgetText, host, 'h1')));
      assert.equal(new Set(questions).size, 3, `three different articles: ${questions}`);
      // data-audience of each container.
      await waitForWidgetText(driver, hosts[0], '.disclaimer h2', 'Medical Disclaimer');
      await waitForWidgetText(driver, hosts[1], '.disclaimer h2', 'Caregiver Disclaimer');
      assert.equal(await driver.executeScript(() => window.ArticleWidget.count()), 3);
      const wasm = await driver.executeScript(() => performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('.wasm')).length);
      assert.equal(wasm, 1, 'one Wasm download for the script included twice');
    });

    test("a partner stylesheet that fights back changes nothing of the widget's layout and type", async () => {
      await openClean(driver, `${PARTNER_URL}/blank.html`);
      await waitForWidgetText(driver, PUBLISHER_HOST, '.disclaimer h2', AUDIENCES.professional.disclaimer);
      const expected = await driver.executeScript(widgetStyles);
      await openClean(driver, `${PARTNER_URL}/hostile.html`);
      await waitForWidgetText(driver, PUBLISHER_HOST, '.disclaimer h2', AUDIENCES.professional.disclaimer);
      assert.deepEqual(await driver.executeScript(widgetStyles), expected);
      // And the widget's styles never reach the partner's page.
      assert.match(await driver.executeScript(() => getComputedStyle(document.body).fontFamily), /Comic Sans/);
    });

    test('a partner page with a strict CSP (style-src none): the widget renders, styled', async () => {
      await openClean(driver, `${PARTNER_URL}/csp.html`);
      await waitForAlsArticle(driver, 'article-widget');
      const background = await driver.executeScript(widgetBackground, 'article-widget');
      assert.equal(background, 'rgb(255, 255, 255)', 'the constructed stylesheet applies under style-src none');
    });

    test('a partner page that enforces Trusted Types and allows no policy: the widget uses no sink, and renders', async (t) => {
      const partner = await servePartnerPages(WIDGET_URL);
      servers.push(partner);
      await driver.get(`${partner.url}/trusted-types.html`);
      await waitForAlsArticle(driver, 'article-widget');
      await choose(driver, 'article-widget', 'caregiver');
      await waitForAudience(driver, 'article-widget', 'caregiver');
      // Nothing so far was blocked; then the page's enforcement is shown to be real.
      checkPageErrors();
      const enforced = await driver.executeScript(() => {
        try {
          document.createElement('div').innerHTML = '<b>a string</b>';
          return false;
        } catch {
          return true;
        }
      });
      if (!features['Trusted Types']) {
        t.diagnostic(`${session.name} does not enforce Trusted Types: this only shows that the page works`);
        return;
      }
      assert.ok(enforced, 'the page enforces Trusted Types: a string into innerHTML throws');
      const blocked = /blocked assigning to an injection sink/;
      expectedErrors.push(blocked);
      // Its report arrives on its own time: wait, so that it is not the next test's.
      if (session.pageErrors) await driver.wait(() => session.pageErrors.some((text) => blocked.test(text)), TIMEOUT_MS);
    });

    test('offline on a partner page: a saved article opens from Cache Storage with the banner', async (t) => {
      const site = await serveSiteCopy();
      const partner = await servePartnerPages(site.url);
      servers.push(site, partner);
      await driver.get(`${partner.url}/spa.html`);
      await waitInPage(driver, 'the loader is ready', () => Boolean(window.ArticleWidget?.loader));
      const articleUrl = `${site.url}/articles/als-primary-treatment.json`;

      await mount(driver, 'first', 'als-primary-treatment');
      await waitForAlsArticle(driver, '#first');
      if (!features['Cache Storage']) {
        t.skip(`${session.name} has no Cache Storage here: the widget shows articles online only`);
        return;
      }
      await waitInPage(
        driver,
        'the article is saved in Cache Storage',
        async (url) => {
          for (const name of await caches.keys()) {
            if (await (await caches.open(name)).match(url)) return true;
          }
          return false;
        },
        articleUrl,
      );

      // The widget host goes away: every request for it now fails.
      expectedErrors.push(/CORS request did not succeed/);
      site.stop();
      await mount(driver, 'saved', 'als-primary-treatment');
      await waitForAlsArticle(driver, '#saved');
      await waitInPage(
        driver,
        'the offline banner shows',
        () => /^You're offline\. Showing the copy saved (on \w+ \d{1,2}, \d{4}|earlier)\.$/.test(
          document.querySelector('#saved')?.shadowRoot?.querySelector('.offline-banner')?.textContent.trim() ?? '',
        ),
      );
    });

    test("offline on the publisher's page: the service worker opens page and article with no server", async (t) => {
      if (!features['service workers'] || !features['Cache Storage']) {
        t.skip(`${session.name} offers no service workers here: the publisher's page needs its server`);
        return;
      }
      const site = await serveSiteCopy();
      servers.push(site);
      await driver.get(`${site.url}/?article=als-primary-treatment`);
      await waitForAlsArticle(driver, PUBLISHER_HOST);
      await waitInPage(driver, 'the service worker controls the page', async () => {
        await navigator.serviceWorker.ready;
        return navigator.serviceWorker.controller !== null;
      });

      // The article was fetched before the service worker took control, so the widget's
      // own saved copy answers; the service worker's fetch of it fails.
      expectedErrors.push(/FetchEvent\.respondWith\(\) that rejected with .Error: no-response/);
      site.stop();
      await driver.executeScript(() => {
        window.__beforeReload = true;
      });
      // The reader opens the address again. (Not WebDriver's refresh: in Firefox it
      // bypasses the service worker, as a forced reload does.)
      await driver.get(`${site.url}/?article=als-primary-treatment`);
      await waitInPage(driver, 'the page has loaded again', () => document.readyState === 'complete' && window.__beforeReload === undefined);
      await waitForAlsArticle(driver, PUBLISHER_HOST);
    });
  });
}

// The embed pages (`/embed/<slug>/`, `/embed/<slug>/<audience>/`) in iframes on a
// partner's page, and their oEmbed. The partner's pages are served by a server of this
// file's own on loopback: another origin than the widget's. Each frame is sandboxed as
// the issue asks, `allow-scripts allow-popups` without `allow-same-origin`, so the embed
// page runs on an opaque origin, where storage throws.
import { createServer } from 'node:http';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '@extractus/oembed-extractor';
import { WIDGET_URL, axeViolations, launchBrowser, newPage, waitUntil } from './harness.mjs';

const SLUG = 'hypertension-first-line-treatment';
const QUESTION = 'What is the first-line treatment for high blood pressure (hypertension) in adults?';
const RELATED_QUESTION = 'What is the first-line treatment for type 2 diabetes?';
const HEIGHT_MESSAGE = 'article-widget:height';
const SANDBOX = 'allow-scripts allow-popups';
// The site written for its own server's address (`articles site --site-url`): its
// oEmbed links and JSON name where it is served.
const SITE_URL = process.env.LIGHTHOUSE_SITE_URL;

let browser;
let partner;
let PARTNER;
// The partner's pages, by path, set by each test.
const pages = new Map();
before(async () => {
  browser = await launchBrowser();
  partner = createServer((request, response) => {
    const html = pages.get(new URL(request.url, 'http://partner').pathname);
    response.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    response.end(html ?? '');
  });
  await new Promise((resolve) => partner.listen(0, '127.0.0.1', resolve));
  PARTNER = `http://127.0.0.1:${partner.address().port}`;
  assert.notEqual(new URL(PARTNER).origin, new URL(WIDGET_URL).origin);
});
after(async () => {
  await browser?.close();
  partner?.close();
});

/** Serves `body` as the partner's page at `path`; returns its URL. */
function partnerPage(path, body) {
  pages.set(path, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner</title><link rel="icon" href="data:,"></head><body><main><h1>Partner news</h1>${body}</main></body></html>`);
  return `${PARTNER}${path}`;
}

/** An iframe of an embed page, as the oEmbed snippet writes it, of `height`. */
function frameTag(src, { height = 800, id = 'article' } = {}) {
  return `<iframe id="${id}" src="${src}" title="${QUESTION}" width="640" height="${height}" sandbox="${SANDBOX}" style="border:0"></iframe>`;
}

/** The frame of the page's iframe `id`, once its embed page has loaded. */
async function frameOf(page, id = 'article') {
  const handle = await page.waitForSelector(`#${id}`);
  const frame = await handle.contentFrame();
  await frame.waitForLoadState('load');
  return frame;
}

/** Waits until the Wasm has taken the frame's prerendered page over. */
async function frameTakenOver(frame) {
  await frame.waitForFunction(() => {
    const shadow = document.querySelector('[data-article-widget]')?.shadowRoot;
    return shadow?.querySelector('.article-widget-root:not([hidden])') && !shadow.querySelector('[data-prerendered]');
  });
}

/** The frame's heading of level 1 (its article's question), waited for. */
async function headingOf(frame, name = QUESTION) {
  await frame.getByRole('heading', { level: 1, name }).waitFor();
}

// Records, in every frame, each `message` listener added and each `onmessage` set.
async function recordMessageListeners(context) {
  await context.addInitScript(() => {
    window.__messageListeners = 0;
    const add = EventTarget.prototype.addEventListener;
    EventTarget.prototype.addEventListener = function (type, ...rest) {
      if (type === 'message') window.__messageListeners += 1;
      return add.call(this, type, ...rest);
    };
    const onmessage = Object.getOwnPropertyDescriptor(window, 'onmessage');
    if (!onmessage?.set) return;
    Object.defineProperty(window, 'onmessage', {
      configurable: true,
      get: () => null,
      set: (value) => {
        window.__messageListeners += 1;
        onmessage.set.call(window, value);
      },
    });
  });
}

test('a sandboxed frame on another origin shows the embed page, taken over by the Wasm, with no storage and no error', async () => {
  const { context, page, pageErrors, consoleErrors } = await newPage(browser);
  try {
    await recordMessageListeners(context);
    const heights = [];
    await page.exposeFunction('recordHeight', (data) => heights.push(data));
    const url = partnerPage(
      '/sandboxed.html',
      `${frameTag(`${WIDGET_URL}/embed/${SLUG}/`)}<script>addEventListener('message', (event) => recordHeight(event.data));</script>`,
    );
    await page.goto(url);
    const frame = await frameOf(page);
    await headingOf(frame);
    await frameTakenOver(frame);
    // Opaque: storage throws there, and the widget runs regardless.
    assert.equal(await frame.evaluate(() => self.origin), 'null');
    assert.equal(await frame.evaluate(() => { try { localStorage.length; return 'storage'; } catch (error) { return error.name; } }), 'SecurityError');

    // The page is the widget alone: no site header, a transparent background.
    assert.equal(await frame.locator('header.app-bar').count(), 0);
    assert.deepEqual(
      await frame.evaluate(() => [getComputedStyle(document.documentElement).backgroundColor, getComputedStyle(document.body).backgroundColor]),
      ['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)'],
    );

    // A choice works, for this page only.
    await frame.getByRole('radiogroup', { name: 'Which best describes you?' }).getByRole('radio', { name: 'Caregiver' }).click();
    await frame.getByRole('heading', { level: 2, name: 'Caregiver Disclaimer' }).waitFor();
    await page.reload();
    const reloaded = await frameOf(page);
    await frameTakenOver(reloaded);
    await reloaded.getByRole('heading', { level: 2, name: 'Professional Medical Disclaimer' }).waitFor();

    // The height, told to the parent as `{ type, height }` only, and no message read.
    await waitUntil(() => heights.length > 0, 'the embed page tells its height');
    for (const data of heights) {
      assert.deepEqual(Object.keys(data).sort(), ['height', 'type']);
      assert.equal(data.type, HEIGHT_MESSAGE);
      assert.ok(Number.isInteger(data.height) && data.height > 800, `${data.height}: the article is longer than the frame`);
    }
    assert.equal(await reloaded.evaluate(() => window.__messageListeners), 0, 'the embed page reads no message');
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test('with storage allowed (allow-same-origin), the framed widget keeps the reader\'s choice as it does elsewhere', async () => {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    const src = `${WIDGET_URL}/embed/${SLUG}/`;
    await page.goto(
      partnerPage('/storage.html', `<iframe id="article" src="${src}" title="${QUESTION}" width="640" height="800" sandbox="${SANDBOX} allow-same-origin"></iframe>`),
    );
    const frame = await frameOf(page);
    await frameTakenOver(frame);
    await frame.getByRole('radiogroup', { name: 'Which best describes you?' }).getByRole('radio', { name: 'Caregiver' }).click();
    await frame.getByRole('heading', { level: 2, name: 'Caregiver Disclaimer' }).waitFor();
    await page.reload();
    const reloaded = await frameOf(page);
    await frameTakenOver(reloaded);
    await reloaded.getByRole('heading', { level: 2, name: 'Caregiver Disclaimer' }).waitFor();
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('with scripts off the framed article is readable, its related links stay in the frame, and the frame keeps its height and scrolls', async () => {
  const { context, page, pageErrors } = await newPage(browser, { javaScriptEnabled: false });
  try {
    await page.goto(partnerPage('/no-scripts.html', frameTag(`${WIDGET_URL}/embed/${SLUG}/caregiver/`)));
    const frame = await frameOf(page);
    await headingOf(frame);
    await frame.getByRole('heading', { level: 2, name: 'Caregiver Disclaimer' }).waitFor();
    assert.equal((await page.locator('#article').boundingBox()).height, 800);
    // The article is longer than the frame, which scrolls.
    const scrollable = await frame.locator('html').evaluate((html) => html.scrollHeight > html.clientHeight);
    assert.equal(scrollable, true);

    // A related article opens in the frame, at its own embed page.
    await frame.getByRole('link', { name: RELATED_QUESTION }).click();
    await frame.waitForURL(`${WIDGET_URL}/embed/type-2-diabetes-first-line-treatment/`);
    await headingOf(frame, RELATED_QUESTION);
    assert.equal(page.url(), `${PARTNER}/no-scripts.html`, 'the partner page stays');
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('resize.js sizes the frame to its article, and heeds no message from elsewhere', async () => {
  const { context, page, pageErrors, consoleErrors } = await newPage(browser);
  try {
    // Another sandboxed frame, on an opaque origin as the embed page is, says a height
    // too when asked: not an embed page's, nor from one of its frames.
    const impostor = `<script>addEventListener('message', () => parent.postMessage({ type: '${HEIGHT_MESSAGE}', height: 123 }, '*'));</script>`;
    const url = partnerPage(
      '/resized.html',
      `<iframe id="impostor" title="Impostor" sandbox="allow-scripts" srcdoc="${impostor}" height="50"></iframe>${frameTag(`${WIDGET_URL}/embed/${SLUG}/`)}<script src="${WIDGET_URL}/resize.js" async></script>`,
    );
    await page.goto(url);
    const frame = await frameOf(page);
    await frameTakenOver(frame);
    const bodyHeight = () => frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    const frameHeight = () => page.locator('#article').evaluate((iframe) => iframe.getBoundingClientRect().height);
    const fitted = async () => {
      // Each resize of the frame may lay the page out again: it settles at its height.
      for (let tries = 0; tries < 200; tries += 1) {
        const [outer, inner] = [await frameHeight(), await bodyHeight()];
        if (outer === inner) return outer;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error(`the frame (${await frameHeight()}px) never took its page's height (${await bodyHeight()}px)`);
    };
    const whole = await fitted();
    assert.ok(whole > 800, `${whole}: the whole article, taller than the fixed height`);
    // Nothing scrolls inside: the frame is as tall as its page.
    assert.equal(await frame.locator('html').evaluate((html) => html.scrollHeight <= html.clientHeight), true);

    // The impostor's message and one from the page itself change nothing: each is heard
    // by the page after resize.js, whose listener came first.
    const heard = await page.evaluate(
      (type) =>
        new Promise((resolve) => {
          const origins = [];
          addEventListener('message', (event) => {
            origins.push(event.origin);
            if (event.data?.height === 123) window.postMessage({ type, height: 77 }, '*');
            if (event.data?.height === 77) resolve(origins.slice(-2));
          });
          document.querySelector('#impostor').contentWindow.postMessage('go', '*');
        }),
      HEIGHT_MESSAGE,
    );
    assert.deepEqual(heard, ['null', PARTNER]);
    assert.equal(await page.locator('#article').evaluate((iframe) => iframe.style.height), `${whole}px`);
    assert.equal(await page.locator('#impostor').evaluate((iframe) => iframe.style.height), '', 'the impostor frame is not sized');

    // A shorter page (another audience) shrinks the frame.
    await frame.getByRole('radiogroup', { name: 'Which best describes you?' }).getByRole('radio', { name: 'Patient' }).click();
    await frame.getByRole('heading', { level: 2, name: 'Medical Disclaimer', exact: true }).waitFor();
    await page.waitForFunction((whole) => document.querySelector('#article').getBoundingClientRect().height !== whole, whole);
    assert.ok((await fitted()) < whole);
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test('without resize.js the frame keeps the fixed height and the article scrolls inside it', async () => {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    await page.goto(partnerPage('/fixed.html', frameTag(`${WIDGET_URL}/embed/${SLUG}/`)));
    const frame = await frameOf(page);
    await frameTakenOver(frame);
    assert.equal((await page.locator('#article').boundingBox()).height, 800);
    const scrolled = await frame.evaluate(() => {
      scrollTo(0, 400);
      return scrollY;
    });
    assert.equal(scrolled, 400);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('?audience=, ?theme= and ?lang= work as the data- options do, and invalid ones are ignored', async () => {
  const { context, page, pageErrors, consoleErrors } = await newPage(browser);
  const consoleWarnings = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') consoleWarnings.push(message.text());
  });
  try {
    const shown = async (frame) => {
      await frameTakenOver(frame);
      return frame.evaluate(() => {
        const shadow = document.querySelector('[data-article-widget]').shadowRoot;
        const root = shadow.querySelector('.article-widget');
        return {
          theme: [...root.classList].find((name) => name.startsWith('theme-')),
          lang: root.getAttribute('lang'),
          audience: shadow.querySelector('input[type=radio]:checked')?.value,
        };
      });
    };
    await page.goto(partnerPage('/options.html', frameTag(`${WIDGET_URL}/embed/${SLUG}/?audience=caregiver&theme=dark&lang=es`)));
    let frame = await frameOf(page);
    await frame.getByRole('heading', { level: 2, name: 'Artículos relacionados' }).waitFor();
    assert.deepEqual(await shown(frame), { theme: 'theme-dark', lang: 'es', audience: 'caregiver' });

    // The query wins over the page's own audience, as data-audience does.
    await page.goto(partnerPage('/options-page.html', frameTag(`${WIDGET_URL}/embed/${SLUG}/patient/?audience=caregiver`)));
    frame = await frameOf(page);
    await frame.getByRole('heading', { level: 2, name: 'Caregiver Disclaimer' }).waitFor();
    assert.equal((await shown(frame)).audience, 'caregiver');

    await page.goto(partnerPage('/invalid.html', frameTag(`${WIDGET_URL}/embed/${SLUG}/?audience=doctor&theme=sepia&lang=fr`)));
    frame = await frameOf(page);
    await frame.getByRole('heading', { level: 2, name: 'Related articles' }).waitFor();
    assert.deepEqual(await shown(frame), { theme: 'theme-auto', lang: 'en', audience: 'professional' });
    for (const option of ['audience', 'theme', 'lang']) {
      assert.ok(consoleWarnings.some((text) => text.includes(`${option}:`)), `${option} is warned of: ${consoleWarnings}`);
    }
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test('links leaving the article open in a new tab without an opener; related articles open inside the frame', async () => {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    await page.goto(partnerPage('/links.html', frameTag(`${WIDGET_URL}/embed/${SLUG}/`)));
    const frame = await frameOf(page);
    await frameTakenOver(frame);

    // Every link of the article either stays (its own parts, the embed pages) or leaves
    // for a new tab: the page's base target.
    const links = await frame.evaluate(() => {
      const base = document.querySelector('base')?.target;
      const site = new URL(document.baseURI).origin;
      const shadow = document.querySelector('[data-article-widget]').shadowRoot;
      return [...shadow.querySelectorAll('a[href]')].map((link) => {
        const url = new URL(link.getAttribute('href'), document.baseURI);
        return {
          href: link.getAttribute('href'),
          target: link.getAttribute('target') ?? base,
          rel: link.getAttribute('rel'),
          otherSite: /^https?:$/.test(url.protocol) && url.origin !== site,
        };
      });
    });
    const stays = (link) => link.href.startsWith('#') || link.href.includes('/embed/');
    assert.ok(links.filter(stays).length > 0 && links.filter((link) => link.otherSite).length > 0, JSON.stringify(links));
    for (const link of links) {
      assert.equal(link.target, stays(link) ? '_self' : '_blank', JSON.stringify(link));
      // `_blank` implies no opener; links to other sites say so, and send no referrer.
      if (link.otherSite) assert.match(link.rel ?? '', /noopener/, JSON.stringify(link));
    }

    // The publisher's page opens in a new tab, with no way back to the frame.
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      frame.getByRole('link', { name: "Read this article on the publisher's site" }).click(),
    ]);
    await popup.waitForLoadState('domcontentloaded');
    assert.equal(popup.url(), `${WIDGET_URL}/articles/${SLUG}/`);
    assert.equal(await popup.evaluate(() => window.opener), null);
    assert.equal(frame.url(), `${WIDGET_URL}/embed/${SLUG}/`, 'the frame stays');

    // A related article opens in place, in the frame, with a Back button.
    await frame.getByRole('link', { name: RELATED_QUESTION }).click();
    await headingOf(frame, RELATED_QUESTION);
    assert.equal(frame.url(), `${WIDGET_URL}/embed/${SLUG}/`);
    await frame.getByRole('button', { name: 'Back' }).click();
    await headingOf(frame);
    assert.equal(page.url(), `${PARTNER}/links.html`);
    assert.equal(context.pages().length, 2, 'only the publisher page opened a tab');
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('axe finds no violation on an embed page, prerendered and taken over', async () => {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    await page.goto(`${WIDGET_URL}/embed/${SLUG}/caregiver/`);
    await headingOf(page);
    await frameTakenOver(page.mainFrame());
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('oEmbed: a consumer library discovers each page\'s oEmbed and its JSON embeds the article in a frame', async () => {
  assert.ok(SITE_URL, 'LIGHTHOUSE_SITE_URL: the site written for its own address');
  for (const [pageUrl, frameUrl] of [
    [`${SITE_URL}articles/${SLUG}/`, `${SITE_URL}embed/${SLUG}/`],
    [`${SITE_URL}articles/${SLUG}/caregiver/`, `${SITE_URL}embed/${SLUG}/caregiver/`],
    [`${SITE_URL}embed/${SLUG}/patient/`, `${SITE_URL}embed/${SLUG}/patient/`],
  ]) {
    const oembed = await extract(pageUrl);
    assert.equal(oembed.method, 'auto-discovery', 'found by the page\'s link, not a known provider');
    assert.equal(oembed.version, '1.0');
    assert.equal(oembed.type, 'rich');
    assert.equal(oembed.title, QUESTION);
    assert.equal(oembed.provider_url, SITE_URL);
    assert.ok(oembed.provider_name.length > 0);
    assert.equal(oembed.width, 640);
    assert.equal(oembed.height, 800);
    assert.ok(Number.isInteger(oembed.cache_age) && oembed.cache_age > 0);
    const iframe = oembed.html.match(/^<iframe src="([^"]+)" title="([^"]+)"[^>]*><\/iframe>$/);
    assert.ok(iframe, oembed.html);
    assert.equal(iframe[1], frameUrl);
    assert.equal(iframe[2], QUESTION);
  }

  // The snippet, pasted into a partner's page as it is, shows the article.
  const { html } = await extract(`${SITE_URL}articles/${SLUG}/`);
  const { context, page, pageErrors, consoleErrors } = await newPage(browser);
  try {
    await page.goto(partnerPage('/oembed.html', html.replace('<iframe ', '<iframe id="article" ')));
    const frame = await frameOf(page);
    await headingOf(frame);
    await frameTakenOver(frame);
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

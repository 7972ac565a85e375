// "Embed this article", the disclosure under each article on the publisher's pages
// (src/site/embed_panel.rs): opened by keyboard, each code copied through its Copy
// button and read back from the clipboard, then pasted into a fresh partner page on
// another origin, where it must work. The site is the one written for its own server's
// address (`articles site --site-url`), so that its codes name where it is served.
import { createServer } from 'node:http';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ALS_QUESTION, axeViolations, launchBrowser, newPage, takenOver } from './harness.mjs';

const SITE_URL = process.env.LIGHTHOUSE_SITE_URL;
const SLUG = 'als-primary-treatment';
const PAGE = `${SITE_URL}articles/${SLUG}/patient/`;

let browser;
let partner;
let PARTNER;
let partnerBody = '';
// The panel's codes, as the clipboard held them.
let codes;
before(async () => {
  browser = await launchBrowser();
  partner = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Clinic</title><link rel="icon" href="data:,"></head><body><main><h1>Clinic news</h1>${partnerBody}</main></body></html>`,
    );
  });
  await new Promise((resolve) => partner.listen(0, '127.0.0.1', resolve));
  PARTNER = `http://127.0.0.1:${partner.address().port}`;
  assert.notEqual(new URL(PARTNER).origin, new URL(SITE_URL).origin);
  codes = await copiedCodes();
});
after(async () => {
  await browser?.close();
  partner?.close();
});

/** The panel's codes, copied one by one through their buttons and read from the clipboard. */
async function copiedCodes() {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(SITE_URL).origin });
    await page.goto(PAGE);
    await takenOver(page);
    // By keyboard: the summary takes focus, with a visible ring, and Enter opens it.
    await page.focus('.embed-panel summary');
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.equal(ring, 'solid');
    await page.keyboard.press('Enter');
    assert.ok(await page.evaluate(() => document.querySelector('.embed-panel').open));
    const codes = {};
    for (const id of ['embed-script', 'embed-iframe', 'embed-url', 'embed-pinned']) {
      const button = page.locator(`button[data-copy="${id}-code"]`);
      await button.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction((id) => document.querySelector(`button[data-copy="${id}-code"] + [role=status]`).textContent === 'Copied', id);
      codes[id] = await page.evaluate(() => navigator.clipboard.readText());
      const shown = await page.locator(`#${id}-code`).textContent();
      assert.equal(codes[id], shown, `${id}: the clipboard holds what the panel shows`);
    }
    assert.deepEqual(pageErrors, []);
    return codes;
  } finally {
    await context.close();
  }
}


/** Opens a fresh partner page holding `html`, with or without scripts. */
async function pasted(html, contextOptions = {}) {
  partnerBody = html;
  const opened = await newPage(browser, contextOptions);
  await opened.page.goto(`${PARTNER}/`);
  return opened;
}

test('the script code, pasted, embeds the article; without scripts the partner still shows its question, linked, and first sentence', async () => {
  assert.match(codes['embed-script'], new RegExp(`^<div data-article-widget data-article="${SLUG}" data-audience="patient">`));
  const { context, page, pageErrors } = await pasted(codes['embed-script']);
  try {
    await takenOver(page);
    const text = await page.evaluate(() => document.querySelector('[data-article-widget]').shadowRoot.textContent);
    assert.ok(text.includes(ALS_QUESTION));
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
  const noScript = await pasted(codes['embed-script'], { javaScriptEnabled: false });
  try {
    const link = noScript.page.locator('[data-article-widget] a');
    assert.equal(await link.textContent(), ALS_QUESTION);
    assert.equal(await link.getAttribute('href'), PAGE);
    const sentence = await noScript.page.locator('[data-article-widget] p').nth(1).textContent();
    assert.ok(sentence.length > 20 && /[.?!]$/.test(sentence), sentence);
  } finally {
    await noScript.context.close();
  }
});

test('the iframe code, pasted, frames the embed page, and its script line fits the frame to the article', async () => {
  assert.match(codes['embed-iframe'], /^<iframe [^>]*sandbox="allow-scripts allow-popups/);
  const { context, page, pageErrors } = await pasted(codes['embed-iframe']);
  try {
    const frame = await (await page.waitForSelector('iframe')).contentFrame();
    await frame.waitForSelector('[data-article-widget]');
    // resize.js gives the frame the height its page posts.
    const height = await page.waitForFunction(() => parseFloat(document.querySelector('iframe').style.height) || false);
    assert.ok((await height.jsonValue()) > 800, 'the article is longer than the fixed height');
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('the page address is the article page, which names its oEmbed, whose html is the iframe code', async () => {
  assert.equal(codes['embed-url'], PAGE);
  const html = await (await fetch(codes['embed-url'])).text();
  const link = html.match(/<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/);
  assert.ok(link, 'the page names its oEmbed');
  const oembed = await (await fetch(link[1].replaceAll('&amp;', '&'))).json();
  assert.equal(oembed.html, codes['embed-iframe'].split('\n')[0]);
});

test('the pinned code, pasted, runs the pinned version with its integrity', async () => {
  assert.match(codes['embed-pinned'], /<script src="[^"]+\/v\/[0-9a-f]+\/embed\.js" integrity="sha384-[^"]+" crossorigin="anonymous" async><\/script>$/);
  const { context, page, pageErrors, consoleErrors } = await pasted(codes['embed-pinned']);
  try {
    await takenOver(page);
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test('axe finds no violation on an article page with its embed panel open, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { context, page } = await newPage(browser, { colorScheme });
    try {
      await page.goto(PAGE);
      await takenOver(page);
      await page.evaluate(() => {
        document.querySelector('.embed-panel').open = true;
      });
      assert.deepEqual(await axeViolations(page), [], colorScheme);
    } finally {
      await context.close();
    }
  }
});

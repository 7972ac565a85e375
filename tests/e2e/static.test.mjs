// Static first: the build's prerendered pages, read as crawlers, link previews and
// readers without scripts read them; the widget taking them over in place; partners'
// first paint before the Wasm arrives; and the safety rule for prerendered HTML.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ALS_QUESTION, PARTNER_URL, WIDGET_URL, articleUpdated, launchBrowser, newPage, takenOver } from './harness.mjs';

const FIXTURE_SITE_URL = process.env.FIXTURE_SITE_URL;
if (!FIXTURE_SITE_URL) throw new Error('FIXTURE_SITE_URL is not set: run the end-to-end tests through `cargo xtask test`');

const AUDIENCES = ['patient', 'caregiver', 'professional'];

let browser;
let catalog;
before(async () => {
  browser = await launchBrowser();
  catalog = await (await fetch(`${WIDGET_URL}/articles/index.json`)).json();
});
after(async () => {
  await browser?.close();
});

/** The text of the first element matching `selector`, shadow roots included. */
const textOf = (page, selector) => page.locator(selector).first().textContent();

test('without JavaScript every article and every audience is readable, with working links between them', async () => {
  const { context, page } = await newPage(browser, { javaScriptEnabled: false });
  try {
    await page.goto(`${WIDGET_URL}/`);
    const listed = await page.locator('.catalog-list a').evaluateAll((links) => links.map((a) => a.href));
    assert.equal(listed.length, catalog.articles.length, 'the catalog lists every article as HTML');
    assert.equal(await page.locator('.catalog-tools').isVisible(), false, 'search, which needs the widget, is not offered');

    for (const entry of catalog.articles) {
      const main = `${WIDGET_URL}/articles/${entry.slug}/`;
      assert.ok(listed.includes(main), `the catalog links ${entry.slug}'s page`);
      await page.goto(main);
      assert.equal((await textOf(page, 'h1')).trim(), entry.question);
      assert.ok((await textOf(page, '.article-body')).length > 200, `${entry.slug} has its body`);
      assert.ok((await page.locator('.references li').count()) > 0, `${entry.slug} has its references`);
      assert.ok(await page.locator('aside.disclaimer').isVisible(), `${entry.slug} has its disclaimer`);
      assert.equal(await page.locator('.personalize').isVisible(), false, 'the audience question needs scripts');
      const versions = page.locator('.audience-links a');
      assert.equal(await versions.count(), AUDIENCES.length, 'the audience question becomes links');
      for (const audience of AUDIENCES) {
        await page.goto(main);
        await page.locator(`.audience-links a[href$="/${audience}/"]`).click();
        assert.equal(page.url(), `${main}${audience}/`);
        assert.equal((await textOf(page, 'h1')).trim(), entry.question);
        assert.equal(await page.locator(`.audience-links a[aria-current="page"]`).getAttribute('href'), `../../../articles/${entry.slug}/${audience}/`);
        const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
        assert.ok(canonical.endsWith(`/articles/${entry.slug}/`), `${audience}'s page names the article's page as canonical`);
      }
      // Back to the catalog through the breadcrumb.
      await page.locator('.breadcrumb a').click();
      assert.equal(page.url(), `${WIDGET_URL}/`);
    }
  } finally {
    await context.close();
  }
});

test("the page's head and JSON-LD say what the article is, and claim no review that did not happen", async () => {
  const { context, page } = await newPage(browser, { javaScriptEnabled: false });
  try {
    await page.goto(`${WIDGET_URL}/articles/als-primary-treatment/`);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.match(await page.title(), /^What is the primary treatment for Amyotrophic Lateral Sclerosis/);
    const description = await page.locator('meta[name="description"]').getAttribute('content');
    assert.ok(description.length > 40 && description.length <= 161, description);
    assert.ok(await page.locator('meta[property="og:title"]').count());
    assert.ok(await page.locator('meta[name="twitter:card"]').count());
    const ld = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
    assert.equal(ld['@type'], 'MedicalWebPage');
    assert.equal(ld.headline, ALS_QUESTION);
    assert.equal(ld.about.name, 'Amyotrophic lateral sclerosis');
    assert.deepEqual(ld.audience, { '@type': 'MedicalAudience', audienceType: 'Clinician' });
    assert.equal(ld.dateModified, articleUpdated('als-primary-treatment'));
    assert.equal(ld.publisher.name, 'Example Health Library');
    assert.ok(ld.citation.some((citation) => citation.url === 'https://doi.org/10.1111/ene.16264'));
    assert.equal(ld.reviewedBy, undefined, 'a submitted article names no reviewer');
    assert.equal(ld.lastReviewed, undefined, 'a submitted article has no review date');

    await page.goto(`${WIDGET_URL}/articles/als-primary-treatment/patient/`);
    const patient = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
    assert.deepEqual(patient.audience, { '@type': 'Patient' });

    // An approved article, with its review recorded, says so.
    await page.goto(`${FIXTURE_SITE_URL}/articles/approved-fixture/`);
    const approved = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
    assert.equal(approved.lastReviewed, '2025-01-15');
    assert.equal(approved.reviewedBy[0].name, 'Ada Fixture');
  } finally {
    await context.close();
  }
});

test('sitemap.xml lists every article with its date, and robots.txt names it', async () => {
  const sitemap = await (await fetch(`${WIDGET_URL}/sitemap.xml`)).text();
  for (const entry of catalog.articles) {
    assert.match(sitemap, new RegExp(`<loc>[^<]*/articles/${entry.slug}/</loc>\\s*<lastmod>${entry.updated}</lastmod>`));
  }
  const robots = await (await fetch(`${WIDGET_URL}/robots.txt`)).text();
  assert.match(robots, /^Sitemap: \S+\/sitemap\.xml$/m);
});

// Counts layout shifts (a count, not a timing) from before the page's first paint.
async function countLayoutShifts(context) {
  await context.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (!entry.hadRecentInput && entry.value > 0) window.__shifts.push(entry.value);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

test('the widget takes the prerendered page over in place: one article, the same text, no layout shift, focus kept', async () => {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    await countLayoutShifts(context);
    // The Wasm is held back until the reader has put focus in the prerendered page.
    let releaseWasm;
    const wasmHeld = new Promise((resolve) => (releaseWasm = resolve));
    await page.route('**/*_bg.wasm', async (route) => {
      await wasmHeld;
      await route.continue();
    });
    await page.goto(`${WIDGET_URL}/articles/als-primary-treatment/`);
    const host = page.locator('[data-article-widget]');
    const prerenderedText = await host.evaluate((element) => element.shadowRoot.querySelector('.article-widget').textContent);
    assert.ok(await page.locator('[data-prerendered] h1').isVisible(), 'the article is readable before the Wasm');
    // The audience question takes a choice at once (e2e early-choice); the others wait.
    assert.notEqual(await page.locator('[data-prerendered] .personalize .preferences').getAttribute('inert'), null, 'its other controls wait, inert');
    await page.locator('[data-prerendered] .breadcrumb a').focus();

    releaseWasm();
    await takenOver(page);
    const after = await host.evaluate((element) => ({
      roots: element.shadowRoot.querySelectorAll('.article-widget-root').length,
      articles: element.shadowRoot.querySelectorAll('article').length,
      text: element.shadowRoot.querySelector('.article-widget').textContent,
      focused: element.shadowRoot.activeElement?.textContent,
      inert: Boolean(element.shadowRoot.querySelector('.personalize[inert], .personalize [inert]')),
    }));
    assert.equal(after.roots, 1);
    assert.equal(after.articles, 1);
    assert.equal(after.text, prerenderedText, 'the same text, word for word');
    assert.equal(after.focused, 'All articles', 'focus stays where the reader put it');
    assert.equal(after.inert, false, 'the controls work now');
    assert.deepEqual(await page.evaluate(() => window.__shifts), [], 'no layout shift');
    // And it works as before: the audience switches in place.
    await page.getByRole('radio', { name: 'Patient' }).check();
    await page.locator('aside.disclaimer h2', { hasText: 'Medical Disclaimer' }).waitFor();
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

/** Whether the article's reference list is skipped (`content-visibility: auto`, off screen). */
const referencesSkipped = (page) =>
  page
    .locator('[data-article-widget]')
    .evaluate((host) => !host.shadowRoot.querySelector('.references .reference-list').checkVisibility({ contentVisibilityAuto: true }));

test("the references, far below the fold, skip their style and layout until the reader nears them; a citation, find in page and print reach them", async () => {
  // Without scripts: the prerendered page's first style and layout, the one every reader pays.
  const plain = await newPage(browser, { javaScriptEnabled: false });
  try {
    await plain.page.goto(`${WIDGET_URL}/articles/als-primary-treatment/`);
    assert.equal(await referencesSkipped(plain.page), true, 'the prerendered page skips them');
  } finally {
    await plain.context.close();
  }
  const { context, page, pageErrors } = await newPage(browser);
  try {
    await page.goto(`${WIDGET_URL}/articles/als-primary-treatment/`);
    await takenOver(page);
    assert.equal(await referencesSkipped(page), true, 'so does the widget once it has taken over');
    const citation = page.locator('[data-article-widget] sup.citation a').first();
    const target = await citation.getAttribute('href');
    await citation.click();
    await page.waitForFunction((id) => {
      const box = document.querySelector('[data-article-widget]').shadowRoot.querySelector(id).getBoundingClientRect();
      return box.top >= 0 && box.bottom <= innerHeight;
    }, target);
    assert.equal(await referencesSkipped(page), false, 'a citation brings its reference into view, rendered');
  } finally {
    await context.close();
  }
  const found = await newPage(browser);
  try {
    await found.page.goto(`${WIDGET_URL}/articles/als-primary-treatment/`);
    await takenOver(found.page);
    const title = await found.page.locator('[data-article-widget] .reference-title').first().textContent();
    assert.equal(await found.page.evaluate((words) => window.find(words), title.slice(0, 30)), true, 'find in page finds a reference');
    assert.equal(await referencesSkipped(found.page), false, 'and renders it');
    await found.page.goto(`${WIDGET_URL}/articles/als-primary-treatment/`);
    await takenOver(found.page);
    await found.page.emulateMedia({ media: 'print' });
    assert.equal(await referencesSkipped(found.page), false, 'print media lays them out, as it does the body (print.test.mjs reads them in the PDF)');
  } finally {
    await found.context.close();
  }
  assert.deepEqual(pageErrors, []);
});

test("a partner's widget shows the prerendered article while the Wasm is held back, then the Wasm takes over", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    await countLayoutShifts(context);
    let releaseWasm;
    const wasmHeld = new Promise((resolve) => (releaseWasm = resolve));
    await page.route('**/*_bg.wasm', async (route) => {
      await wasmHeld;
      await route.continue();
    });
    await page.goto(`${PARTNER_URL}/script-tag.html`);
    await page.getByRole('heading', { level: 1, name: ALS_QUESTION }).waitFor();
    // The placeholder's reserved height gives way to the article's: a shift the partner
    // avoids by setting --article-widget-placeholder-height. From here on, none.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.evaluate(() => {
      window.__shifts = [];
    });
    const widget = page.locator('article-widget');
    const before = await widget.evaluate((host) => ({
      prerendered: Boolean(host.shadowRoot.querySelector('[data-prerendered]')),
      inert: host.shadowRoot.querySelector('.personalize .preferences').hasAttribute('inert'),
      background: getComputedStyle(host.shadowRoot.querySelector('.article-widget')).backgroundColor,
      attribution: host.shadowRoot.querySelector('.attribution a').href,
      text: host.shadowRoot.querySelector('.article-widget').textContent,
    }));
    assert.equal(before.prerendered, true, 'the article is there before the Wasm');
    assert.equal(before.inert, true, 'its controls but the audience question wait, inert, until the Wasm is there');
    assert.equal(before.background, 'rgb(255, 255, 255)', 'with the stylesheet');
    assert.equal(before.attribution, `${WIDGET_URL}/articles/als-primary-treatment/`, "links lead to the publisher's page");

    releaseWasm();
    await takenOver(page, 'article-widget');
    assert.equal(await widget.evaluate((host) => host.shadowRoot.querySelectorAll('article').length), 1);
    assert.equal(await widget.evaluate((host) => host.shadowRoot.querySelector('.article-widget').textContent), before.text);
    assert.equal(await widget.evaluate((host) => host.shadowRoot.querySelector('.personalize [inert]')), null);
    const shifts = await page.evaluate(() => window.__shifts);
    assert.equal(shifts.length, 0, `no layout shift at the take-over (${shifts})`);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('markup in an article stays inert text in prerendered HTML, with JavaScript on and off', async () => {
  for (const javaScriptEnabled of [false, true]) {
    const { context, page } = await newPage(browser, { javaScriptEnabled });
    try {
      await page.goto(`${FIXTURE_SITE_URL}/articles/hostile-fixture/`);
      const h1 = await textOf(page, 'h1');
      assert.match(h1, /<script>window.__pwned = 1<\/script>/, 'the question shows its markup as text');
      const body = await textOf(page, '.article-body');
      assert.match(body, /<img src="x" onerror=/, 'raw HTML is shown as text');
      await page.locator('.article-body').first().hover();
      const elements = await page.locator('.article-body script, .article-body img, .article-body [onerror], .article-body [onclick], .article-body [onmouseover], .article-body a[href^="javascript:"]').count();
      assert.equal(elements, 0, 'no element of the markup exists');
      if (javaScriptEnabled) {
        await takenOver(page);
        assert.equal(await page.evaluate(() => window.__pwned), undefined, 'nothing ran');
      }
    } finally {
      await context.close();
    }
  }
});

test('a data-src on another origin never gets HTML inserted: the widget renders as before', async () => {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    // The partner's origin answers whatever is asked of it under data/: the article's
    // data, and a prerendered page too, should the loader ask for one (the widget
    // host's own pages, so that one shown would be seen, not refused as broken).
    const asked = [];
    await page.route(`${PARTNER_URL}/data/**`, async (route) => {
      const path = new URL(route.request().url()).pathname;
      asked.push(path);
      const response = await route.fetch({ url: `${WIDGET_URL}/articles/${path.slice('/data/'.length)}` });
      await route.fulfill({ response });
    });
    // Whether a prerendered page was ever put in the widget: its shadow root is watched
    // from the moment it is attached, every node added to it seen.
    await context.addInitScript(() => {
      window.__prerenderedShown = false;
      const attachShadow = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init) {
        const shadow = attachShadow.call(this, init);
        new MutationObserver((records) => {
          for (const record of records) {
            for (const node of record.addedNodes) {
              if (node instanceof Element && (node.matches('[data-prerendered]') || node.querySelector('[data-prerendered]'))) {
                window.__prerenderedShown = true;
              }
            }
          }
        }).observe(shadow, { childList: true, subtree: true });
        return shadow;
      };
    });
    await page.goto(`${PARTNER_URL}/other-origin-data.html`);
    // The article appears only once the widget renders it from the data.
    await page.getByRole('heading', { level: 1, name: ALS_QUESTION }).waitFor();
    await takenOver(page);
    assert.deepEqual([...new Set(asked)], ['/data/als-primary-treatment.json'], "only the data is asked of the partner's origin");
    assert.equal(await page.evaluate(() => window.__prerenderedShown), false, 'no prerendered page was shown');
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

for (const [file, what] of [
  ['csp.html', 'a strict CSP (style-src none)'],
  ['trusted-types.html', 'Trusted Types enforced and no policy allowed'],
]) {
  test(`under ${what}, the prerendered first paint shows, styled, with no error and no policy`, async () => {
    const { context, page, pageErrors, consoleErrors } = await newPage(browser);
    try {
      let releaseWasm;
      const wasmHeld = new Promise((resolve) => (releaseWasm = resolve));
      await page.route('**/*_bg.wasm', async (route) => {
        await wasmHeld;
        await route.continue();
      });
      await page.goto(`${PARTNER_URL}/${file}`);
      await page.locator('article-widget [data-prerendered] h1').waitFor();
      const background = await page
        .locator('article-widget')
        .evaluate((host) => getComputedStyle(host.shadowRoot.querySelector('.article-widget')).backgroundColor);
      assert.equal(background, 'rgb(255, 255, 255)', 'the adopted stylesheet applies');
      releaseWasm();
      await takenOver(page, 'article-widget');
      await page.getByRole('radio', { name: 'Caregiver' }).check();
      await page.locator('article-widget aside.disclaimer h2', { hasText: 'Caregiver Disclaimer' }).waitFor();
      assert.deepEqual(pageErrors, []);
      assert.deepEqual(consoleErrors, [], 'no violation reported');
    } finally {
      await context.close();
    }
  });
}

test('data-loading="lazy" fetches nothing, prerendered page included, until the widget nears the viewport', async () => {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    const fromWidgetHost = [];
    page.on('request', (request) => {
      if (request.url().startsWith(WIDGET_URL) && !request.url().endsWith('/embed.js')) fromWidgetHost.push(request.url());
    });
    await page.goto(`${PARTNER_URL}/lazy.html`);
    await page.waitForFunction(() => window.ArticleWidget?.loader === true);
    // Time for anything eager to have started.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
    assert.deepEqual(fromWidgetHost, [], 'nothing but embed.js before the widget is near');

    await page.locator('[data-article-widget]').scrollIntoViewIfNeeded();
    await page.getByRole('heading', { level: 1, name: ALS_QUESTION }).waitFor();
    await takenOver(page);
    assert.ok(fromWidgetHost.some((url) => url.endsWith('/articles/als-primary-treatment/default.html')), 'then its prerendered page');
    assert.ok(fromWidgetHost.some((url) => url.endsWith('_bg.wasm')), 'and the Wasm');
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test("the incremental build's manifest is not served: the site has data, not the build's memory", async () => {
  const manifest = await fetch(`${WIDGET_URL}/articles/.articles-build.jsonl`);
  assert.equal(manifest.status, 404);
  const index = await fetch(`${WIDGET_URL}/articles/index.json`);
  assert.equal(index.status, 200, 'beside the data that is');
});

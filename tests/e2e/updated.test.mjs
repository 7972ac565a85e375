// "Updated since you last read it on <date>": a reader whose widget read an older copy
// of an article is told, over the body, what changed since (corrections first), until
// they dismiss it; on a partner's page (the fixture articles, answered by the test on
// the partner's origin) and on the publisher's own page (a copy of the built site,
// site-copy.mjs, whose article the test rewrites as the publisher would). Offline, a
// saved copy past its review date says so.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PARTNER_URL, axeViolations, launchBrowser, longDate, newPage, takenOver } from './harness.mjs';
import { serveSiteCopy, stopSiteCopies } from './site-copy.mjs';

const FIXTURE_DATA_DIR = process.env.FIXTURE_DATA_DIR;
if (!FIXTURE_DATA_DIR) throw new Error('FIXTURE_DATA_DIR is not set: run the end-to-end tests through `cargo xtask test`');

const APPROVED_QUESTION = 'What does an approved article show?';
const OVERDUE_QUESTION = 'What does an overdue article show?';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  stopSiteCopies();
});

/** The reader's today, as the widget reads it (UTC). */
function today() {
  return new Date().toISOString().slice(0, 10);
}

/** The fixture article's data with `added` entries (newest first) over its history. */
function fixtureWith(slug, added) {
  const article = JSON.parse(readFileSync(join(FIXTURE_DATA_DIR, `${slug}.json`), 'utf8'));
  article.changes = [...added, ...(article.changes ?? [])];
  return JSON.stringify(article);
}

/** Answers the partner page's fixture data, `slug`'s as `body()` says at the time. */
async function answerFixtures(page, slug, body) {
  await page.route(`${PARTNER_URL}/fixture-data/*`, (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    const text = name === `${slug}.json` ? body() : readFileSync(join(FIXTURE_DATA_DIR, name));
    route.fulfill({ contentType: 'application/json', body: text });
  });
}

/** The notice's heading text, its entries' texts in order, or `null` when none shows. */
async function notice(widget) {
  const section = widget.locator('section.update-notice');
  if ((await section.count()) === 0) return null;
  return {
    heading: (await section.getByRole('heading', { level: 2 }).innerText()).trim(),
    entries: (await section.locator('li').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim()),
  };
}

/**
 * Reloads and waits until the article is the widget's own again and its copy from the
 * network has been compared: the data answered, and the page has drawn since.
 */
async function reloadSettled(page, dataPath) {
  const answered = page.waitForResponse((response) => new URL(response.url()).pathname.endsWith(dataPath));
  await page.reload();
  await answered;
  await settled(page);
}

async function settled(page) {
  await takenOver(page, 'article-widget, [data-article-widget]');
  // Two frames and a moment: the effect that compares the copies runs after its render.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 300)))));
}

test('partner page: a newer copy says what changed since the last reading, corrections first, until dismissed; a newer change brings it back', async () => {
  const { context, page, pageErrors } = await newPage(browser);
  let data = () => readFileSync(join(FIXTURE_DATA_DIR, 'approved-fixture.json'));
  await answerFixtures(page, 'approved-fixture', () => data());
  try {
    await page.goto(`${PARTNER_URL}/fixture-approved.html`);
    const widget = page.locator('article-widget');
    await widget.getByRole('heading', { level: 1, name: APPROVED_QUESTION }).waitFor();
    await settled(page);
    // The first reading: nothing changed since, nothing said.
    assert.equal(await notice(widget), null);

    // The publisher corrects the article and adds to it.
    data = () =>
      fixtureWith('approved-fixture', [
        { date: '2025-03-01', summary: 'Added advice on drinking water.' },
        { date: '2025-02-20', summary: 'Corrected the advice on rest: two days, not two weeks.', kind: 'correction' },
      ]);
    await reloadSettled(page, '/approved-fixture.json');
    const shown = await notice(widget);
    assert.deepEqual(shown, {
      heading: `Updated since you last read it on ${longDate(today(), 'en')}`,
      entries: [
        'February 20, 2025: Correction: Corrected the advice on rest: two days, not two weeks.',
        'March 1, 2025: Added advice on drinking water.',
      ],
    });
    // Above the article's body, as a status region.
    const section = widget.locator('section.update-notice');
    assert.equal(await section.getAttribute('role'), 'status');
    const above = await widget.evaluate((host) => {
      const root = host.shadowRoot;
      const body = root.querySelector('[part="body"]');
      return Boolean(root.querySelector('section.update-notice').compareDocumentPosition(body) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    assert.ok(above, 'the notice comes before the body');
    assert.deepEqual(await axeViolations(page), []);

    // Not dismissed, it shows again.
    await reloadSettled(page, '/approved-fixture.json');
    assert.deepEqual(await notice(widget), shown);

    // Dismissed from the keyboard, it is gone, and stays gone.
    const dismiss = section.getByRole('button', { name: 'Dismiss' });
    await dismiss.focus();
    assert.notEqual(await dismiss.evaluate((button) => getComputedStyle(button).outlineStyle), 'none');
    await page.keyboard.press('Enter');
    await section.waitFor({ state: 'detached' });
    // The keyboard's place is the article's heading, not the top of the page.
    assert.equal(await widget.evaluate((host) => host.shadowRoot.activeElement?.id), 'question');
    await reloadSettled(page, '/approved-fixture.json');
    assert.equal(await notice(widget), null);

    // A newer change brings it back, with only what is new since the dismissal.
    data = () =>
      fixtureWith('approved-fixture', [
        { date: '2025-04-02', summary: 'Updated the references.' },
        { date: '2025-03-01', summary: 'Added advice on drinking water.' },
        { date: '2025-02-20', summary: 'Corrected the advice on rest: two days, not two weeks.', kind: 'correction' },
      ]);
    await reloadSettled(page, '/approved-fixture.json');
    assert.deepEqual(await notice(widget), {
      heading: `Updated since you last read it on ${longDate(today(), 'en')}`,
      entries: ['April 2, 2025: Updated the references.'],
    });
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('publisher page: after the publisher changes an article, its page says what changed since the reader last read it', async () => {
  const site = await serveSiteCopy();
  const slug = 'als-primary-treatment';
  const { context, page, pageErrors } = await newPage(browser, { colorScheme: 'dark' });
  try {
    await page.goto(`${site.url}/articles/${slug}/`);
    await settled(page);
    const widget = page.locator('[data-article-widget]');
    assert.equal(await notice(widget), null);

    const path = join(site.dir, `articles/${slug}.json`);
    const article = JSON.parse(readFileSync(path, 'utf8'));
    article.changes = [
      { date: today(), summary: 'Added the newest trial results.' },
      { date: today(), summary: 'Corrected a dose.', kind: 'correction' },
      ...(article.changes ?? []),
    ];
    writeFileSync(path, JSON.stringify(article));
    // The service worker answers with its copy while it fetches the new one: a reader
    // meets the new copy on this load or the next.
    let shown = null;
    for (let load = 0; load < 3 && shown === null; load += 1) {
      await reloadSettled(page, `/${slug}.json`);
      shown = await notice(widget);
    }
    assert.deepEqual(shown, {
      heading: `Updated since you last read it on ${longDate(today(), 'en')}`,
      entries: [`${longDate(today(), 'en')}: Correction: Corrected a dose.`, `${longDate(today(), 'en')}: Added the newest trial results.`],
    });
    assert.deepEqual(await axeViolations(page), []);

    await widget.locator('section.update-notice').getByRole('button', { name: 'Dismiss' }).click();
    await reloadSettled(page, `/${slug}.json`);
    assert.equal(await notice(widget), null);
    // The page the build wrote knows no reader: it never has the notice.
    const prerendered = await (await fetch(`${site.url}/articles/${slug}/`)).text();
    assert.ok(prerendered.includes('</article>') && !prerendered.includes('Updated since'));
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('offline: a saved copy past its review date says it was due for review and may be out of date', async () => {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    await answerFixtures(page, 'overdue-fixture', () => readFileSync(join(FIXTURE_DATA_DIR, 'overdue-fixture.json')));
    await page.goto(`${PARTNER_URL}/spa.html`);
    await page.waitForFunction(() => window.ArticleWidget?.loader);
    const mount = (id) =>
      page.evaluate(async (id) => {
        const host = document.createElement('div');
        host.id = id;
        host.setAttribute('data-article', 'overdue-fixture');
        host.setAttribute('data-src', 'fixture-data/');
        document.getElementById('app').appendChild(host);
        await window.ArticleWidget.mount(host);
      }, id);

    // Online, the review is said overdue as ever, and the copy is saved.
    await mount('online');
    const online = page.locator('#online');
    await online.getByRole('heading', { level: 1, name: OVERDUE_QUESTION }).waitFor();
    assert.equal(
      (await online.locator('.overdue').textContent()).trim(),
      'This article was due for review on July 10, 2024. It may not reflect the latest guidance.',
    );
    await page.waitForFunction(async () => (await (await caches.open('article-widget/v1/articles')).keys()).length === 1);
    await page.evaluate(async () => {
      const host = document.getElementById('online');
      await window.ArticleWidget.unmount(host);
      host.remove();
    });

    // Offline: the saved copy, and the reader told it was due for review.
    await page.unroute(`${PARTNER_URL}/fixture-data/*`);
    await context.setOffline(true);
    await mount('offline');
    const offline = page.locator('#offline');
    await offline.getByText(/^You're offline\. Showing the copy saved on /).waitFor();
    assert.equal(
      (await offline.locator('.overdue').textContent()).trim(),
      'The copy saved on this device was due for review on July 10, 2024. It may be out of date: connect to get the latest version.',
    );
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

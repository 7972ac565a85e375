// The publisher's own page, served from the release build: the ALS article found by
// role and accessible name, the catalog, the unavailable panel, axe-core in light and dark.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ALS_QUESTION, WIDGET_URL, articleUpdated, axeViolations, launchBrowser, longDate, newPage, waitUntil, takenOver } from './harness.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

async function openArticle(query = 'article=als-primary-treatment', contextOptions = {}) {
  const opened = await newPage(browser, contextOptions);
  await opened.page.goto(`${WIDGET_URL}/?${query}`);
  await opened.page.getByRole('heading', { level: 1, name: ALS_QUESTION }).waitFor();
  return opened;
}

test('the ALS article shows every part, found by role and accessible name', async () => {
  const { context, page, pageErrors } = await openArticle();
  try {
    // Submitted: the badge says the article awaits review, never that it was reviewed.
    await page.getByText('Awaiting review by the Medical Review Board.').waitFor();
    assert.equal(await page.getByText(/Reviewed by/).count(), 0);
    await page.getByText('Educational purpose only • Exercise caution as content is pending human review').waitFor();

    await page.getByRole('heading', { level: 2, name: 'Article Review Status' }).waitFor();
    const review = page.locator('[data-article-widget] .review');
    const steps = review.getByRole('listitem');
    assert.equal(await steps.count(), 3);
    const current = review.locator('[aria-current="step"]');
    assert.match(await current.innerText(), /^Submitted/);

    const updated = articleUpdated('als-primary-treatment');
    assert.equal(await page.locator(`time[datetime="${updated}"]`).first().innerText(), longDate(updated, 'en'));
    await page.getByText('Next review due:').waitFor();
    await page.getByRole('link', { name: 'View editorial policy' }).waitFor();

    const picker = page.getByRole('radiogroup', { name: 'Which best describes you?' });
    for (const name of ['Patient', 'Caregiver', 'Healthcare professional']) {
      await picker.getByRole('radio', { name }).waitFor();
    }
    assert.equal(await picker.getByRole('radio', { name: 'Healthcare professional' }).isChecked(), true);

    await page.getByRole('heading', { level: 2, name: 'Disease-modifying treatments' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Riluzole (oral), first line' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'References', exact: true }).waitFor();
    const references = page.locator('[data-article-widget] .reference-list');
    assert.ok((await references.getByRole('listitem').count()) >= 10, 'the reference list is complete');
    await page.getByRole('heading', { level: 2, name: 'Professional Medical Disclaimer' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Have a follow-up question?' }).waitFor();
    await page.getByRole('link', { name: 'Send a question' }).waitFor();
    await page.getByRole('link', { name: 'Report an error' }).waitFor();

    // A citation leads into the reference list, inside the shadow root.
    const citation = page.getByRole('link', { name: 'Reference 3' }).first();
    await citation.click();
    const focusedId = await page.evaluate(() => {
      const host = document.querySelector('[data-article-widget]');
      return host.shadowRoot.activeElement?.id;
    });
    assert.equal(focusedId, 'ref-3');
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('the audience comes from ?audience= and the radio group switches it in page', async () => {
  const { context, page } = await openArticle('article=als-primary-treatment&audience=patient');
  try {
    const picker = page.getByRole('radiogroup', { name: 'Which best describes you?' });
    assert.equal(await picker.getByRole('radio', { name: 'Patient' }).isChecked(), true);
    await page.getByRole('heading', { level: 2, name: 'Medical Disclaimer', exact: true }).waitFor();

    await picker.getByRole('radio', { name: 'Caregiver' }).check();
    await page.getByRole('heading', { level: 2, name: 'Caregiver Disclaimer' }).waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Professional Medical Disclaimer' }).count(), 0);
  } finally {
    await context.close();
  }
});

test('without an article the page lists the catalog, and its links open articles', async () => {
  const { context, page } = await newPage(browser);
  try {
    await page.goto(`${WIDGET_URL}/`);
    await page.getByRole('heading', { level: 1, name: 'Articles' }).waitFor();
    await page.getByRole('link', { name: ALS_QUESTION }).click();
    await page.getByRole('heading', { level: 1, name: ALS_QUESTION }).waitFor();
    assert.equal(page.url(), `${WIDGET_URL}/articles/als-primary-treatment/`);
  } finally {
    await context.close();
  }
});

test('on the publisher page, articles open in page and back and forward follow the history', async () => {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    await page.goto(`${WIDGET_URL}/`);
    await takenOver(page);
    await page.evaluate(() => {
      window.__samePage = true;
    });
    await page.getByRole('link', { name: ALS_QUESTION }).click();
    const heading = page.getByRole('heading', { level: 1, name: ALS_QUESTION });
    await heading.waitFor();
    assert.equal(page.url(), `${WIDGET_URL}/articles/als-primary-treatment/`);
    assert.equal(await page.evaluate(() => window.__samePage), true, 'no reload');
    await page.waitForFunction(() => document.querySelector('[data-article-widget]').shadowRoot.activeElement?.id === 'question');

    await page.getByRole('link', { name: 'All articles' }).click();
    await page.getByRole('heading', { level: 1, name: 'Articles' }).waitFor();
    await page.goBack();
    await heading.waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Articles' }).waitFor();
    await page.goForward();
    await heading.waitFor();
    assert.equal(await page.evaluate(() => window.__samePage), true, 'still no reload');
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('related articles open in page, and back returns to the article that linked them', async () => {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    await page.goto(`${WIDGET_URL}/?article=hypertension-first-line-treatment`);
    const hypertension = page.getByRole('heading', { level: 1, name: /high blood pressure/ });
    await hypertension.waitFor();
    await takenOver(page);
    const related = page.locator('[data-article-widget] section.related');
    await related.getByRole('heading', { level: 2, name: 'Related articles' }).waitFor();
    assert.equal(await related.getByRole('link').count(), 2);
    await related.getByRole('link', { name: /atrial fibrillation/ }).click();
    await page.getByRole('heading', { level: 1, name: /atrial fibrillation/ }).waitFor();
    assert.equal(page.url(), `${WIDGET_URL}/articles/atrial-fibrillation-stroke-prevention/`);
    await page.goBack();
    await hypertension.waitFor();
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('the catalog is searched through its articles and filtered by audience', async () => {
  const { context, page } = await newPage(browser);
  try {
    // One article without a caregiver variant, so that the filter has something to do.
    await page.route('**/articles/index.json', async (route) => {
      const response = await route.fetch();
      const catalog = await response.json();
      const als = catalog.articles.find((entry) => entry.slug === 'als-primary-treatment');
      als.audiences = als.audiences.filter((audience) => audience !== 'caregiver');
      await route.fulfill({ response, json: catalog });
    });
    await page.goto(`${WIDGET_URL}/`);
    await takenOver(page);
    await page.getByRole('heading', { level: 1, name: 'Articles' }).waitFor();
    const total = await page.locator('[data-article-widget] .catalog-list > li').count();
    assert.ok(total >= 8, `the catalog lists ${total} articles`);
    await page.getByRole('status').filter({ hasText: `${total} articles` }).waitFor();

    // Words are searched through the articles' whole text, case aside. The whole catalog
    // is listed, and counted, before: what is waited for is what the search changes, the
    // count settling below the total, and a list of those articles only, each with the
    // passage its words were found in.
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('blood PRESSURE');
    const found = await page.waitForFunction((total) => {
      const root = document.querySelector('[data-article-widget]').shadowRoot;
      const count = /^(\d+) articles?$/.exec(root.querySelector('.catalog-count')?.textContent.trim() ?? '');
      const settled = root.querySelector('.catalog-list:not([aria-busy])');
      return count && settled && Number(count[1]) < total && Number(count[1]);
    }, total);
    const count = await found.jsonValue();
    const items = page.locator('[data-article-widget] .catalog-list > li');
    assert.equal(await items.count(), count, `the list shows the ${count} articles counted`);
    assert.equal(await items.getByRole('link', { name: /high blood pressure/ }).count(), 1);
    // An article with neither word is not among them.
    assert.equal(await items.getByRole('link', { name: /major depression/ }).count(), 0);
    for (const item of await items.all()) {
      const marked = await item.locator('.catalog-excerpt mark').allTextContents();
      assert.ok(marked.some((text) => /blood|pressure/i.test(text)), `the words are marked in its passage: ${marked}`);
    }

    // The search cleared, the whole catalog again; then the filter leaves one out.
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('');
    await page.getByRole('status').filter({ hasText: `${total} articles` }).waitFor();
    await page.getByRole('radiogroup', { name: 'Show articles for' }).getByRole('radio', { name: 'Caregiver' }).check();
    await page.getByRole('status').filter({ hasText: `${total - 1} articles` }).waitFor();
    assert.equal(await page.getByRole('link', { name: ALS_QUESTION }).count(), 0);
  } finally {
    await context.close();
  }
});

test('a missing article shows the unavailable panel with a retry, and logs why', async () => {
  const { context, page, pageErrors, consoleErrors } = await newPage(browser);
  try {
    // Count the article's requests: the panel after "Try again" looks the same as
    // before it, so only a new request shows that the retry asked again.
    let requests = 0;
    page.on('request', (request) => {
      if (request.url().endsWith('/no-such-article.json')) requests += 1;
    });
    await page.goto(`${WIDGET_URL}/?article=no-such-article`);
    const panel = page.getByRole('alert');
    await panel.getByRole('heading', { name: 'This article is unavailable' }).waitFor();
    assert.equal(requests, 1, 'a 404 is an answer: it is not retried by itself');
    await panel.getByRole('button', { name: 'Try again' }).click();
    await waitUntil(() => requests === 2, 'the retry requests the article again');
    await panel.getByRole('heading', { name: 'This article is unavailable' }).waitFor();
    assert.ok(consoleErrors.some((text) => text.includes('article-widget') && text.includes('404')), consoleErrors.join('\n'));
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('the article is usable 320 px wide: nothing scrolls sideways', async () => {
  const { context, page } = await openArticle('article=als-primary-treatment', { viewport: { width: 320, height: 640 } });
  try {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the viewport`);
  } finally {
    await context.close();
  }
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe-core finds no violations in ${colorScheme} mode`, async () => {
    const { context, page } = await openArticle('article=als-primary-treatment', { colorScheme });
    try {
      const violations = await axeViolations(page);
      assert.deepEqual(violations, []);
    } finally {
      await context.close();
    }
  });
}

test('axe-core finds no violations in the catalog', async () => {
  const { context, page } = await newPage(browser);
  try {
    await page.goto(`${WIDGET_URL}/`);
    await page.getByRole('heading', { level: 1, name: 'Articles' }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
  } finally {
    await context.close();
  }
});

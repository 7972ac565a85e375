// Trust signals follow the data, and the publisher is the data's: an approved and an
// overdue article of a fixture publisher (tests/e2e/fixtures/articles, built by
// `cargo xtask test` into FIXTURE_DATA_DIR), embedded on a partner page; and no
// publisher's brand or claims built into the widget.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PARTNER_URL, axeViolations, launchBrowser, newPage, takenOver } from './harness.mjs';

const FIXTURE_DATA_DIR = process.env.FIXTURE_DATA_DIR;
const SITE_DIR = process.env.SITE_DIR;
if (!FIXTURE_DATA_DIR || !SITE_DIR) {
  throw new Error('FIXTURE_DATA_DIR and SITE_DIR are not set: run the end-to-end tests through `cargo xtask test`');
}

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

// The partner page that embeds `kind`'s fixture article, whose data the test answers
// from FIXTURE_DATA_DIR on the partner's origin.
async function openFixture(kind, contextOptions = {}) {
  const opened = await newPage(browser, contextOptions);
  const { page } = opened;
  await page.route(`${PARTNER_URL}/fixture-data/*`, (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    route.fulfill({ contentType: 'application/json', body: readFileSync(join(FIXTURE_DATA_DIR, name)) });
  });
  await page.goto(`${PARTNER_URL}/fixture-${kind}.html`);
  // Until the swap, the prerendered page and the widget's own both match a selector.
  await takenOver(page, 'article-widget');
  return opened;
}

test('an approved article names its reviewer and date, in its publisher\'s words and colour', async () => {
  const { context, page, pageErrors } = await openFixture('approved');
  try {
    const widget = page.locator('article-widget');
    await widget.getByRole('heading', { level: 1, name: 'What does an approved article show?' }).waitFor();
    const badge = widget.locator('[part="badge"]');
    assert.equal(
      (await badge.innerText()).replace(/\s+/g, ' ').trim(),
      '✚ Fixture Clinical Board Reviewed by Ada Fixture, MD, FRCP on January 15, 2025. Two consultants read every article against its sources.',
    );
    assert.equal(await widget.getByText('pending human review').count(), 0);
    await widget.getByRole('note').filter({ hasText: /^Educational purpose only$/ }).waitFor();

    // The history, collapsed until opened.
    const change = widget.getByText('Rewrote the advice on rest.');
    assert.equal(await change.isVisible(), false);
    await widget.getByText('Article history').click();
    await change.waitFor();

    await widget.getByRole('heading', { level: 2, name: 'Before you act' }).waitFor();
    assert.equal(await widget.getByRole('link', { name: 'Write to us' }).getAttribute('href'), 'https://fixture.example/write');
    assert.equal(
      await widget.getByRole('link', { name: 'Report an error' }).getAttribute('href'),
      'mailto:errors@fixture.example',
    );
    assert.equal(await widget.locator('article').getAttribute('lang'), 'en-GB');
    // The publisher's accent, applied through the CSSOM (no style attribute).
    const current = widget.locator('[aria-current="step"]');
    assert.equal(await current.evaluate((element) => getComputedStyle(element).backgroundColor), 'rgb(122, 31, 92)');
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('an overdue article says so plainly, and an unreviewed one only that it awaits review', async () => {
  const { context, page, pageErrors } = await openFixture('overdue', { colorScheme: 'dark' });
  try {
    const widget = page.locator('article-widget');
    await widget.getByRole('heading', { level: 1, name: 'What does an overdue article show?' }).waitFor();
    const overdue = widget.locator('.overdue');
    assert.equal(
      await overdue.innerText(),
      'This article was due for review on July 10, 2024. It may not reflect the latest guidance.',
    );
    assert.match(await widget.locator('[part="badge"]').innerText(), /Awaiting review by the Fixture Clinical Board\./);
    assert.equal(await widget.getByText(/Reviewed by/).count(), 0);
    await widget.getByText('Educational purpose only • Exercise caution as content is pending human review').waitFor();
    // The dark accent in the dark scheme.
    const current = widget.locator('[aria-current="step"]');
    assert.equal(await current.evaluate((element) => getComputedStyle(element).backgroundColor), 'rgb(242, 167, 216)');
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

// Another publisher's name and claims, once hard-coded in the widget.
const OLD_STRINGS = [
  'Dr.Oracle',
  'droracle',
  'Medical A.I.',
  'top research institutions',
  'All articles are reviewed for accuracy',
  'Medical Advisory Board',
];

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

test('no publisher brand or claim is built into the widget: dist/, the Wasm included', () => {
  const built = files(SITE_DIR);
  assert.ok(built.some((path) => path.endsWith('.wasm')), 'the Wasm is among the files read');
  const found = [];
  for (const path of built) {
    // Latin-1 keeps every byte, so strings inside the Wasm's data are found too.
    const text = readFileSync(path).toString('latin1');
    for (const old of OLD_STRINGS) {
      if (text.includes(old)) found.push(`${path}: ${old}`);
    }
  }
  assert.deepEqual(found, []);
});

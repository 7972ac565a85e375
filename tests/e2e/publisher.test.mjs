// Trust signals follow the data, and the publisher is the data's: an approved and an
// overdue article of a fixture publisher (tests/e2e/fixtures/articles, built by
// `cargo xtask test` into FIXTURE_DATA_DIR), embedded on a partner page; and no
// publisher's brand or claims built into the widget.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
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

// The widget's code holds no publisher's words: they reach the reader only through the
// data, which `articles build` writes from the publisher's file, and the pages the build
// writes from it. Searched in every file of dist/ that is code (the Wasm, its glue,
// embed.js, the stylesheets, the service worker, the app shell…), their precompressed
// copies included:
// - every sentence of the configured publisher, read from articles/publisher.toml;
// - every sentence of another publisher, the fixtures' (tests/e2e/fixtures/articles);
// and, in every file of dist/, data included, the brand once hard-coded in the widget.

// Another publisher's name and claims, once hard-coded in the widget.
const OLD_STRINGS = [
  'Dr.Oracle',
  'droracle',
  'Medical A.I.',
  'top research institutions',
  'All articles are reviewed for accuracy',
  'Medical Advisory Board',
];

// What the build writes from the publisher's file and the articles: the data, the
// prerendered pages and the search index under articles/, the embed pages and their
// oEmbed under embed/, and the site's own pages, its sitemap and its feed.
const FROM_THE_DATA = [/^articles\//, /^embed\//, /^index\.html(\.br|\.gz)?$/, /^editorial-policy\.html(\.br|\.gz)?$/, /^sitemap\.xml(\.br|\.gz)?$/, /^feed\.xml(\.br|\.gz)?$/, /^robots\.txt(\.br|\.gz)?$/];

// Values of a publisher's file that are not its words: a language tag, colours (the
// widget's stylesheet keeps a fallback accent of its own), and the name of the page the
// build writes for the editorial policy, which the service worker precaches by name.
const NOT_WORDS = new Set(['language', 'accent', 'accent_dark', 'editorial_policy_url']);

/**
 * Every string of a publisher's file, as `{ key, value }` with the key's whole dotted
 * name: a reader of the TOML this file uses (tables and `key = "basic string"`); a line
 * it cannot read fails the test rather than be skipped.
 */
function publisherWords(path) {
  const words = [];
  let table = '';
  readFileSync(path, 'utf8').split('\n').forEach((line, index) => {
    const text = line.trim();
    if (text === '' || text.startsWith('#')) return;
    const header = /^\[([A-Za-z0-9_.-]+)\]$/.exec(text);
    if (header) {
      table = `${header[1]}.`;
      return;
    }
    const pair = /^([A-Za-z0-9_-]+)\s*=\s*"((?:[^"\\]|\\.)*)"\s*(#.*)?$/.exec(text);
    assert.ok(pair, `${path}:${index + 1}: a line this test cannot read: ${text}`);
    // TOML's escapes in basic strings are JSON's, \U aside.
    const value = JSON.parse(`"${pair[2]}"`);
    if (!NOT_WORDS.has(pair[1])) words.push({ key: `${table}${pair[1]}`, value });
  });
  return words;
}

/** The ways `text` can be written in a file: as UTF-8, and as minified JavaScript escapes it. */
function spellings(text) {
  const escaped = (hex) =>
    [...text].map((c) => (c.codePointAt(0) < 0x80 ? c : c.codePointAt(0) < 0x100 ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`)).join('');
  const upper = (c, width) => c.codePointAt(0).toString(16).toUpperCase().padStart(width, '0');
  const lower = (c, width) => c.codePointAt(0).toString(16).padStart(width, '0');
  return [...new Set([text, escaped(upper), escaped(lower)])].map((spelling) => Buffer.from(spelling, 'utf8'));
}

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** A file's bytes as served: a precompressed copy decompressed. */
function contentOf(path) {
  const bytes = readFileSync(path);
  if (path.endsWith('.br')) return brotliDecompressSync(bytes);
  if (path.endsWith('.gz')) return gunzipSync(bytes);
  return bytes;
}

test("no publisher's words or brand are built into the widget: its code, the Wasm included, holds none", () => {
  const built = files(SITE_DIR).map((path) => ({ path, name: relative(SITE_DIR, path), bytes: contentOf(path) }));
  const code = built.filter(({ name }) => !FROM_THE_DATA.some((pattern) => pattern.test(name)));
  for (const wanted of [/_bg\.wasm$/, /^article-widget-[0-9a-f]+\.js$/, /^embed\.js$/, /^widget-[0-9a-f]+\.css$/, /^sw\.js$/]) {
    assert.ok(code.some(({ name }) => wanted.test(name)), `the code searched includes ${wanted}`);
  }

  const publisher = publisherWords(fileURLToPath(new URL('../../articles/publisher.toml', import.meta.url)));
  const fixtures = publisherWords(fileURLToPath(new URL('fixtures/articles/publisher.toml', import.meta.url)));
  for (const key of ['name', 'url', 'review_body.name', 'review_body.statement', 'follow_up.text', 'disclaimers.patient.text']) {
    assert.ok(publisher.some((word) => word.key === key), `articles/publisher.toml's ${key} is read`);
    assert.ok(fixtures.some((word) => word.key === key), `the fixtures' publisher's ${key} is read`);
  }
  // The configured publisher's words are the data's: each is in the data the build
  // wrote, so the search looks for them as they are written.
  const data = built.filter(({ name }) => /^articles\/[^/]+\.json$/.test(name));
  for (const { key, value } of publisher) {
    assert.ok(
      data.some(({ bytes }) => bytes.includes(Buffer.from(value, 'utf8'))),
      `publisher.toml's ${key} is in the article data: ${value}`,
    );
  }

  const found = [];
  const search = (files, words, whose) => {
    for (const { name, bytes } of files) {
      for (const { key, value } of words) {
        if (spellings(value).some((spelling) => bytes.includes(spelling))) found.push(`${name}: ${whose} ${key}: ${value}`);
      }
    }
  };
  search(code, publisher, "the publisher's");
  search(code, fixtures, "the fixtures' publisher's");
  search(built, OLD_STRINGS.map((value) => ({ key: 'brand', value })), 'the former');
  assert.deepEqual(found, []);
});

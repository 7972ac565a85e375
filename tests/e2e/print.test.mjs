// Print (docs/print.md): Chromium prints the article to PDF, on the publisher's pages and
// on a partner's, and Debian's poppler-utils read the PDF back as text. A printed copy
// holds the article and what a reader needs to trust it and find it again, none of the
// screen's controls, and no blank page.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { PARTNER_URL, WIDGET_URL, articleUpdated, axeViolations, launchBrowser, longDate, newPage, takenOver } from './harness.mjs';

let browser;
let folder;
before(async () => {
  browser = await launchBrowser();
  folder = mkdtempSync(join(tmpdir(), 'article-widget-print-'));
});
after(async () => {
  await browser.close();
  rmSync(folder, { recursive: true, force: true });
});

// The reader's clock: the page opens on one day and is printed on the next, so the day
// printed is the day of printing, not of opening. Noon UTC is that day everywhere.
const OPENED = '2027-02-10';
const PRINTED = '2027-02-11';
const noon = (day) => new Date(`${day}T12:00:00Z`);

// The interface's words a printed copy has, and those of what it leaves out (the
// controls, the links to other pages, the app bar).
const WORDS = {
  en: {
    writtenFor: { patient: 'Written for patients', professional: 'Written for healthcare professionals' },
    printedFrom: 'Printed from',
    printedOn: 'Printed on',
    caution: 'Educational purpose only • Exercise caution as content is pending human review',
    lastUpdated: 'Last updated:',
    leftOut: ['Which best describes you?', 'Personalize', 'Text size and theme', 'All articles', 'Related articles', 'for offline use', 'Medical articles'],
  },
  es: {
    writtenFor: { patient: 'Escrito para pacientes', professional: 'Escrito para profesionales de la salud' },
    printedFrom: 'Impreso desde',
    printedOn: 'Impreso el',
    caution: 'Solo con fines educativos • Use esta información con precaución: el contenido está pendiente de revisión humana',
    lastUpdated: 'Última actualización:',
    leftOut: ['¿Cuál de estas opciones se aplica a usted?', 'Personalizar', 'Tamaño del texto y tema', 'Todos los artículos', 'Artículos relacionados', 'sin conexión'],
  },
};

const flat = (text) => text.replace(/\s+/g, ' ').trim();
// Without any white space: a long address may wrap anywhere on paper.
const bare = (text) => text.replace(/\s+/g, '');

/** Prints `page` to PDF; its text as pdftotext reads it, and each page's text. */
async function printed(page, name) {
  const file = join(folder, `${name}.pdf`);
  writeFileSync(file, await page.pdf({ format: 'A4' }));
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const count = Number(execFileSync('pdfinfo', [file], { encoding: 'utf8' }).match(/^Pages:\s+(\d+)$/m)?.[1]);
  assert.ok(count > 0, `${name}: pdfinfo counts the pages`);
  const pages = [];
  for (let number = 1; number <= count; number += 1) {
    pages.push(execFileSync('pdftotext', ['-layout', '-f', String(number), '-l', String(number), file, '-'], { encoding: 'utf8' }));
  }
  return { text, pages };
}

/** What the widget under `selector` shows on screen, read from its shadow root. */
function shownArticle(page, selector) {
  return page.locator(selector).evaluate((host) => {
    const root = host.shadowRoot;
    const text = (query) => root.querySelector(query)?.textContent ?? null;
    return {
      question: text('h1'),
      badge: text('.review-badge'),
      body: text('.article-body p'),
      disclaimer: text('.disclaimer p'),
      change: text('.history-list li'),
      referenceUrl: text('.reference-url'),
      referenceLink: root.querySelector('a.reference-title')?.getAttribute('href') ?? null,
      attribution: root.querySelector('.attribution a')?.getAttribute('href') ?? null,
      headings: [...root.querySelectorAll('article h2, article h3, article h4')].map((heading) => heading.textContent),
    };
  });
}

/** Prints one article from `url` and checks what the copy has and has not. */
async function checkPrint({ name, url, selector, lang, slug, audience, publisher }) {
  const words = WORDS[lang];
  const { context, page, pageErrors } = await newPage(browser);
  try {
    await page.clock.setFixedTime(noon(OPENED));
    await page.goto(url);
    await takenOver(page, selector);
    if (publisher) {
      // The offline tools are there on screen, to be left out of the copy.
      await page.locator('#offline-tools').waitFor({ state: 'visible' });
    } else {
      await page.locator(selector).getByRole('radiogroup').first().waitFor();
    }
    const shown = await shownArticle(page, selector);
    for (const [key, value] of Object.entries(shown)) {
      if (key !== 'attribution') assert.ok(value && value.length > 0, `${name}: the page shows a ${key}`);
    }
    if (name === 'publisher-en-patient') assert.deepEqual(await axeViolations(page), [], 'the print-only lines change nothing axe sees');
    const address = page.url();

    await page.clock.setFixedTime(noon(PRINTED));
    const { text, pages } = await printed(page, name);
    const all = flat(text);
    const squeezed = bare(text);
    // Compared without white space: the DOM's text has none between the badge's parts,
    // and paper breaks lines where it must.
    const has = (wanted, what) => assert.ok(squeezed.includes(bare(wanted)), `${name}: the copy has ${what}: "${wanted}"\n${text}`);
    has(shown.question, 'the question');
    has(words.writtenFor[audience], 'the audience shown, named');
    has(shown.badge, 'the review status');
    has(words.caution, 'the caution line');
    has(`${words.lastUpdated} ${longDate(articleUpdated(slug), lang)}`, 'the day it was updated');
    has(shown.body.split(/\s+/).slice(0, 8).join(' '), "the body's first words");
    has(shown.change, "the history's changes, though closed on screen");
    has(shown.disclaimer, 'the disclaimer');
    has(`${words.printedOn} ${longDate(PRINTED, lang)}`, 'the day it was printed');
    assert.ok(!all.includes(longDate(OPENED, lang)), `${name}: the day printed is not the day the page opened`);
    assert.ok(squeezed.includes(bare(`${words.printedFrom} ${address}`)), `${name}: the copy has the page's address ${address}\n${text}`);
    assert.ok(squeezed.includes(shown.referenceUrl), `${name}: a reference's URL, written out`);
    assert.ok(!squeezed.includes(`${shown.referenceUrl}(${shown.referenceUrl})`), `${name}: a URL already written out is not written twice`);
    assert.ok(squeezed.includes(`(${shown.referenceLink})`), `${name}: a link prints where it leads`);
    if (shown.attribution) {
      assert.ok(squeezed.includes(`(${shown.attribution})`), `${name}: the link to the publisher's page prints its address`);
    }
    for (const screenOnly of words.leftOut) {
      assert.ok(!all.includes(screenOnly), `${name}: the copy leaves out "${screenOnly}"\n${text}`);
    }
    pages.forEach((pageText, index) => assert.ok(pageText.trim().length > 0, `${name}: page ${index + 1} of ${pages.length} is not blank`));
    // No heading ends a page, parted from what it heads.
    const headings = new Set(shown.headings.map(flat));
    pages.slice(0, -1).forEach((pageText, index) => {
      const last = flat(pageText.trim().split('\n').at(-1));
      assert.ok(!headings.has(last), `${name}: page ${index + 1} ends with the heading "${last}"`);
    });
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
}

for (const [lang, slug] of [['en', 'als-primary-treatment'], ['es', 'ela-tratamiento-principal']]) {
  for (const audience of ['patient', 'professional']) {
    test(`print, on the publisher's page: the ${lang} article for the ${audience} has the article, its trust signals, address and day, and no control`, () =>
      checkPrint({
        name: `publisher-${lang}-${audience}`,
        url: `${WIDGET_URL}/articles/${slug}/${audience}/`,
        selector: '[data-article-widget]',
        lang,
        slug,
        audience,
        publisher: true,
      }));
    test(`print, on a partner's page: the ${lang} article for the ${audience} has the article, the partner page's address and the day, and no control`, () =>
      checkPrint({
        name: `partner-${lang}-${audience}`,
        url: `${PARTNER_URL}/print.html?article=${slug}&audience=${audience}&lang=${lang}`,
        selector: '#widget',
        lang,
        slug,
        audience,
        publisher: false,
      }));
  }
}

test("print without scripts: the build's page prints its own address, and no day it cannot know", async () => {
  const { context, page } = await newPage(browser, { javaScriptEnabled: false });
  try {
    await page.goto(`${WIDGET_URL}/articles/als-primary-treatment/patient/`);
    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
    const { text } = await printed(page, 'no-scripts');
    assert.ok(bare(text).includes(bare(`Printed from ${canonical}patient/`)), `the page's address, as the build wrote it\n${text}`);
    assert.ok(!flat(text).includes('Printed on'), 'no day of printing without a script to read it');
    assert.ok(flat(text).includes('Written for patients'));
    assert.ok(!flat(text).includes('Which best describes you?'));
  } finally {
    await context.close();
  }
});

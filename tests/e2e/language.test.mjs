// The interface in the reader's language: data-lang, else the page's lang, else the
// publisher's. Every interface string comes from one catalog per language
// (src/messages.rs); dates come from the browser's Intl.DateTimeFormat.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ALS_QUESTION, PARTNER_URL, WIDGET_URL, articleUpdated, axeViolations, launchBrowser, longDate, newPage, takenOver } from './harness.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

// Interface strings of the English catalog that must not show in Spanish.
const ENGLISH = [
  'Personalize',
  'Which best describes you?',
  'Last updated',
  'Next review due',
  'References',
  'All articles',
  'Article history',
  'Article review status',
  'Text size and theme',
  'Report an error',
  'View editorial policy',
  'Healthcare professional',
];

const widgetText = (page, selector) =>
  page.locator(selector).evaluate((host) => {
    // Text as the reader meets it, accessible names included.
    const root = host.shadowRoot.querySelector('.article-widget');
    const labels = [...root.querySelectorAll('[aria-label]')].map((element) => element.getAttribute('aria-label'));
    return `${root.textContent}\n${labels.join('\n')}`;
  });

test('a page in Spanish gets the whole interface in Spanish, dates included, and axe finds nothing', async () => {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    const shown = [];
    await context.exposeFunction('noteShown', (text) => shown.push(text));
    await context.addInitScript(() => {
      // Every heading the widget ever shows, from the first.
      const attach = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init) {
        const shadow = attach.call(this, init);
        new MutationObserver(() => {
          const root = shadow.querySelector('.article-widget');
          if (root) window.noteShown(root.lang);
        }).observe(shadow, { childList: true, subtree: true });
        return shadow;
      };
    });
    await page.goto(`${PARTNER_URL}/spanish.html`);
    await takenOver(page, '#by-page');
    assert.ok(shown.length > 0 && shown.every((lang) => lang === 'es'), `never a page in another language first: ${shown}`);
    await page.locator('#by-page').getByRole('radiogroup', { name: '¿Cuál de estas opciones se aplica a usted?' }).waitFor();
    const text = await widgetText(page, '#by-page');
    for (const english of ENGLISH) assert.ok(!text.includes(english), `"${english}" shows in the Spanish interface`);
    assert.ok(
      text.includes(`Última actualización: ${longDate(articleUpdated('ela-tratamiento-principal'), 'es')}`),
      'the date, by Intl, in Spanish',
    );
    assert.equal(await page.locator('#by-page').evaluate((host) => host.shadowRoot.querySelector('.article-widget').lang), 'es');
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('data-lang wins over the page, and follows a change at run time', async () => {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    await page.goto(`${PARTNER_URL}/spanish.html`);
    await takenOver(page, '#by-page');
    const host = page.locator('#by-page');
    await host.evaluate((element) => element.setAttribute('data-lang', 'en'));
    await host.getByRole('radiogroup', { name: 'Which best describes you?' }).waitFor();
    assert.ok(
      (await widgetText(page, '#by-page')).includes(`Last updated: ${longDate(articleUpdated('als-primary-treatment'), 'en')}`),
    );
    await host.evaluate((element) => element.setAttribute('data-lang', 'es'));
    await host.getByRole('radiogroup', { name: '¿Cuál de estas opciones se aplica a usted?' }).waitFor();
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

const SPANISH_QUESTION = '¿Cuál es el tratamiento principal de la esclerosis lateral amiotrófica (ELA)?';

const storedRecord = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('article-widget/v1')));

test('"Leer en español" shows the translation in place and keeps the audience; the choice is remembered, and "Read in English" comes back', async () => {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    await page.goto(`${WIDGET_URL}/articles/als-primary-treatment/`);
    await takenOver(page);
    await page.getByRole('radio', { name: 'Caregiver' }).check();
    await page.getByRole('link', { name: 'Leer en español' }).click();
    await page.getByRole('heading', { level: 1, name: SPANISH_QUESTION }).waitFor();
    assert.match(page.url(), /\/articles\/ela-tratamiento-principal\/$/, 'the address is the translation\'s page');
    assert.equal(await page.getByRole('radio', { name: 'Cuidador' }).isChecked(), true, 'the audience is kept');
    await page.getByRole('heading', { level: 2, name: 'Aviso para cuidadores' }).waitFor();
    const focused = await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.id);
    assert.equal(focused, 'question', 'focus follows the reader to the translation');
    const record = await storedRecord(page);
    assert.equal(record.version, 2);
    assert.equal(record.language, 'es');
    assert.equal(record.audience, 'caregiver');
    assert.deepEqual(await axeViolations(page), []);

    // Remembered: the English page, opened again, gives way to its translation.
    await page.goto(`${WIDGET_URL}/articles/als-primary-treatment/`);
    await page.getByRole('heading', { level: 1, name: SPANISH_QUESTION }).waitFor();
    await takenOver(page);
    assert.match(page.url(), /\/articles\/ela-tratamiento-principal\/$/);

    await page.getByRole('link', { name: 'Read in English' }).click();
    await page.getByRole('heading', { level: 1, name: ALS_QUESTION }).waitFor();
    assert.equal(await page.getByRole('radio', { name: 'Caregiver' }).isChecked(), true, 'the audience is kept');
    assert.equal((await storedRecord(page)).language, 'en');
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test("a stored revision 1 record is read, its choices kept, and written back as revision 2", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    await context.addInitScript(() => {
      if (!sessionStorage.getItem('seeded')) {
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem('article-widget/v1', JSON.stringify({ version: 1, audience: 'patient', text_size: 'large', theme: 'dark' }));
      }
    });
    await page.goto(`${WIDGET_URL}/articles/als-primary-treatment/`);
    await takenOver(page);
    assert.equal(await page.getByRole('radio', { name: 'Patient' }).isChecked(), true);
    await page.waitForFunction(() => JSON.parse(localStorage.getItem('article-widget/v1') || 'null')?.version === 2);
    assert.deepEqual(await storedRecord(page), { version: 2, audience: 'patient', language: null, text_size: 'large', theme: 'dark' });
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test("the catalog shows the publisher's readers every article, filters by language on request, and a Spanish reader gets Spanish first", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    await page.goto(`${WIDGET_URL}/`);
    await takenOver(page);
    const languages = page.getByRole('radiogroup', { name: 'Language' });
    assert.equal(await languages.getByRole('radio', { name: 'All languages' }).isChecked(), true);
    const spanish = page.getByRole('link', { name: SPANISH_QUESTION });
    await spanish.waitFor();
    await page.getByRole('link', { name: ALS_QUESTION }).waitFor();
    assert.equal(await spanish.evaluate((link) => link.closest('[lang]').lang), 'es', 'marked as Spanish for screen readers');
    await languages.getByRole('radio', { name: 'Español' }).check();
    await page.getByRole('link', { name: ALS_QUESTION }).waitFor({ state: 'detached' });
    await languages.getByRole('radio', { name: 'English' }).check();
    await spanish.waitFor({ state: 'detached' });
    assert.deepEqual(await axeViolations(page), []);

    // A reader who chose Spanish before.
    await page.evaluate(() => localStorage.setItem('article-widget/v1', JSON.stringify({ version: 2, language: 'es' })));
    await page.reload();
    await takenOver(page);
    const idiomas = page.getByRole('radiogroup', { name: 'Idioma' });
    assert.equal(await idiomas.getByRole('radio', { name: 'Español' }).isChecked(), true);
    await page.getByRole('link', { name: SPANISH_QUESTION }).waitFor();
    assert.equal(await page.getByRole('link', { name: ALS_QUESTION }).count(), 0);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test("without scripts, the Spanish article's page is in Spanish, names its English twin for search engines and links to it", async () => {
  const { context, page } = await newPage(browser, { javaScriptEnabled: false });
  try {
    await page.goto(`${WIDGET_URL}/articles/ela-tratamiento-principal/`);
    await page.getByRole('heading', { level: 1, name: SPANISH_QUESTION }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'es');
    const alternates = await page.locator('link[rel="alternate"][hreflang]').evaluateAll((links) =>
      links.map((link) => `${link.hreflang} ${new URL(link.href).pathname}`),
    );
    assert.deepEqual(alternates.sort(), ['en /articles/als-primary-treatment/', 'es /articles/ela-tratamiento-principal/']);
    const english = page.getByRole('link', { name: 'Read in English' });
    assert.equal(await english.getAttribute('hreflang'), 'en');
    await english.click();
    await page.getByRole('heading', { level: 1, name: ALS_QUESTION }).waitFor();
    assert.match(page.url(), /\/articles\/als-primary-treatment\/$/);
  } finally {
    await context.close();
  }
});

// The interface in the reader's language: data-lang, else the page's lang, else the
// publisher's. Every interface string comes from one catalog per language
// (src/messages.rs); dates come from the browser's Intl.DateTimeFormat.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { PARTNER_URL, axeViolations, launchBrowser, newPage, takenOver } from './harness.mjs';

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
    assert.match(text, /Última actualización: 30 de noviembre de 2026/, 'the date, by Intl, in Spanish');
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
    assert.match(await widgetText(page, '#by-page'), /Last updated: November 30, 2026/);
    await host.evaluate((element) => element.setAttribute('data-lang', 'es'));
    await host.getByRole('radiogroup', { name: '¿Cuál de estas opciones se aplica a usted?' }).waitFor();
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

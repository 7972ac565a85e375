// Shared set-up for the end-to-end tests: Debian's Chromium driven by playwright-core,
// against the release build that `cargo xtask test` serves at WIDGET_URL.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);

export const WIDGET_URL = process.env.WIDGET_URL;
if (!WIDGET_URL) {
  throw new Error('WIDGET_URL is not set: run the end-to-end tests through `cargo xtask test`');
}

export const PARTNER_URL = process.env.PARTNER_URL;
if (!PARTNER_URL) {
  throw new Error('PARTNER_URL is not set: run the end-to-end tests through `cargo xtask test`');
}

export const ALS_QUESTION = 'What is the primary treatment for Amyotrophic Lateral Sclerosis (ALS)?';

// Without the background-networking flags Chromium keeps trying to reach the internet,
// which this machine does not have.
const LAUNCH_OPTIONS = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

export function launchBrowser() {
  return chromium.launch(LAUNCH_OPTIONS);
}

/** A browser with a profile in `userDataDir`, for what incognito contexts do not do. */
export function launchPersistentContext(userDataDir) {
  return chromium.launchPersistentContext(userDataDir, LAUNCH_OPTIONS);
}

/** A new page whose uncaught errors and console errors are collected. */
export async function newPage(browser, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const pageErrors = [];
  const consoleErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  return { context, page, pageErrors, consoleErrors };
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core over the page, open shadow roots included; returns its violations. */
export async function axeViolations(page) {
  // Widgets far from the viewport, and an article's references below its body, skip
  // their rendering (`content-visibility: auto`), and axe-core then measures colour
  // contrast and target spacing against whatever happens to lie at the skipped
  // content's stale position (dequelabs/axe-core#2768). A reader scrolling there gets
  // them rendered: so does the audit.
  await page.evaluate(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('.article-widget, .references { content-visibility: visible !important; }');
    for (const host of document.querySelectorAll('*')) {
      if (host.shadowRoot?.querySelector('.article-widget')) {
        host.shadowRoot.adoptedStyleSheets = [...host.shadowRoot.adoptedStyleSheets, sheet];
      }
    }
  });
  await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(() =>
    window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    }),
  );
  return results.violations.map((violation) => ({
    id: violation.id,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target),
  }));
}

/**
 * Waits until `predicate()` holds, checking every 25 ms; fails naming `what` after
 * `timeoutMs`. For state the page does not show, such as how many requests it made.
 */
export async function waitUntil(predicate, what, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Scrolls `locator`'s element to the middle of the viewport and waits until it stays
 * put for three frames, as a reader sees it before they click. A jump far down a page
 * of several widgets brings widgets into view that were never drawn
 * (`content-visibility: auto`, with an estimated size): their first drawing, a frame or
 * two after the jump, moves everything under them, and a click in those frames lands
 * where the control was (between the press and the release: the click goes to `main`).
 */
export async function settledInView(locator) {
  await locator.evaluate(
    (element) =>
      new Promise((resolve) => {
        element.scrollIntoView({ block: 'center' });
        let last = null;
        let still = 0;
        const check = () => {
          const { x, y } = element.getBoundingClientRect();
          const here = `${x},${y}`;
          still = here === last ? still + 1 : 0;
          last = here;
          if (still >= 3) resolve();
          else requestAnimationFrame(() => setTimeout(check, 0));
        };
        requestAnimationFrame(() => setTimeout(check, 0));
      }),
  );
}

/**
 * Waits until every widget host matching `selector` shows the widget's own rendering:
 * the build's prerendered page, shown first, has been taken over by the Wasm.
 */
export async function takenOver(page, selector = '[data-article-widget], article-widget') {
  await page.waitForFunction((selector) => {
    const hosts = [...document.querySelectorAll(selector)];
    return (
      hosts.length > 0 &&
      hosts.every((host) => host.shadowRoot?.querySelector('.article-widget-root:not([hidden])') && !host.shadowRoot.querySelector('[data-prerendered]'))
    );
  }, selector);
}

/** The day an article of articles/ was last updated, as its front matter says. */
export function articleUpdated(slug) {
  const text = readFileSync(new URL(`../../articles/${slug}.md`, import.meta.url), 'utf8');
  const found = text.match(/^updated = (\d{4}-\d{2}-\d{2})$/m);
  if (!found) throw new Error(`articles/${slug}.md has no updated date`);
  return found[1];
}

const MONTHS = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
};

/** A day (YYYY-MM-DD) as a reader of `lang` reads it: "December 4, 2026", "4 de diciembre de 2026". */
export function longDate(iso, lang) {
  const [year, month, day] = iso.split('-').map(Number);
  const name = MONTHS[lang][month - 1];
  return lang === 'es' ? `${day} de ${name} de ${year}` : `${name} ${day}, ${year}`;
}

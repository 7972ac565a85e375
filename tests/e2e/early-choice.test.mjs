// An audience chosen before the take-over (docs/static-first.md): with the Wasm held
// back, the reader answers "Which best describes you?" in the prerendered page, on the
// publisher's article page and on a partner's page on another origin. The choice shows
// at once (that audience's prerendered page), is stored, and once the Wasm arrives the
// widget shows that audience from its first render: once, with no second switch, no
// layout shift, and focus on the control the reader used.
import { createServer } from 'node:http';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { PARTNER_URL, WIDGET_URL, axeViolations, launchBrowser, newPage, takenOver } from './harness.mjs';

const STORAGE_KEY = 'article-widget/v1';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

// From before any script runs: the widget's events about what it shows, and the layout
// shifts no input explains.
async function watch(context) {
  await context.addInitScript(() => {
    window.__widgetEvents = [];
    for (const name of ['ready', 'audience-change']) {
      document.addEventListener(`article-widget:${name}`, (event) => {
        window.__widgetEvents.push({ name, audience: event.detail.audience });
      });
    }
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (!entry.hadRecentInput && entry.value > 0) window.__shifts.push(entry.value);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** Holds back every request matching `pattern` until the returned function is called. */
async function holdBack(page, pattern) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(pattern, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** What the widget on the page shows: its audience, its state, and where focus is. */
function shown(page, selector) {
  return page.locator(selector).evaluate((host) => {
    const shadow = host.shadowRoot;
    return {
      prerendered: Boolean(shadow.querySelector('[data-prerendered]')),
      disclaimer: shadow.querySelector('aside.disclaimer h2')?.textContent,
      checked: shadow.querySelector('input[name="audience"]:checked')?.value,
      selected: [...shadow.querySelectorAll('input[name="audience"]')].filter((radio) => radio.closest('label').classList.contains('selected')).map((radio) => radio.id),
      focused: shadow.activeElement?.id ?? null,
      articles: shadow.querySelectorAll('article').length,
    };
  });
}

const stored = (page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key))?.audience ?? null, STORAGE_KEY);

/** Waits for two frames, so that what the last change laid out has been painted. */
const twoFrames = (page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

test("publisher's article page: Patient clicked before the Wasm arrives is shown at once, then by the widget, once, with focus kept", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    await watch(context);
    const releaseWasm = await holdBack(page, '**/*_bg.wasm');
    await page.goto(`${WIDGET_URL}/articles/als-primary-treatment/`);
    const host = '[data-article-widget]';
    await page.locator('[data-prerendered] h1').waitFor();
    const before = await shown(page, host);
    assert.equal(before.checked, 'professional', "the article's default audience first");
    assert.equal(before.disclaimer, 'Professional Medical Disclaimer');

    await page.getByRole('radio', { name: 'Patient' }).click();
    // At once, before any Wasm: the patient's page in place of the professional's.
    await page.locator('[data-prerendered] aside.disclaimer h2', { hasText: /^Medical Disclaimer$/ }).waitFor();
    const early = await shown(page, host);
    assert.equal(early.prerendered, true, 'still the prerendered page: the Wasm is held back');
    assert.equal(early.checked, 'patient');
    assert.deepEqual(early.selected, ['audience-patient'], 'the Patient choice looks chosen');
    assert.equal(early.focused, 'audience-patient', 'focus stays on the control the reader used');
    assert.equal(await stored(page), 'patient', 'stored as the reader\'s choice');
    assert.deepEqual(await axeViolations(page), [], 'the live question beside the inert controls is accessible');
    await twoFrames(page);
    await page.evaluate(() => {
      window.__shifts = [];
    });

    releaseWasm();
    await takenOver(page);
    const later = await shown(page, host);
    assert.equal(later.prerendered, false, 'the widget took the page over');
    assert.equal(later.articles, 1);
    assert.equal(later.disclaimer, 'Medical Disclaimer', 'the patient version, as the reader chose');
    assert.equal(later.checked, 'patient');
    assert.equal(later.focused, 'audience-patient', 'focus on the Patient control still');
    assert.deepEqual(
      await page.evaluate(() => window.__widgetEvents),
      [{ name: 'ready', audience: 'patient' }],
      'the widget showed the patient version from its first render: no second switch',
    );
    assert.deepEqual(await page.evaluate(() => window.__shifts), [], 'no layout shift at the take-over');
    assert.equal(await stored(page), 'patient');
    // And the widget works as before.
    await page.getByRole('radio', { name: 'Caregiver' }).check();
    await page.locator('aside.disclaimer h2', { hasText: 'Caregiver Disclaimer' }).waitFor();
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test("publisher's article page: a widget whose code starts while the chosen audience's page is on its way mounts once that page is shown", async () => {
  // The reader's answer first: the mount's long tasks wait for the page that shows it.
  const { context, page, pageErrors } = await newPage(browser, { serviceWorkers: 'block' });
  try {
    await watch(context);
    const releaseWasm = await holdBack(page, '**/*_bg.wasm');
    const releasePatientPage = await holdBack(page, '**/articles/als-primary-treatment/patient/');
    await page.goto(`${WIDGET_URL}/articles/als-primary-treatment/`);
    const host = '[data-article-widget]';
    await page.locator('[data-prerendered] h1').waitFor();
    await page.getByRole('radio', { name: 'Patient' }).click();
    // Heard by the app shell, which asks for the patient's page.
    await page.waitForFunction(() => window[Symbol.for('article-widget.early-choice-shown')] instanceof Promise);
    assert.equal(await stored(page), 'patient');

    releaseWasm();
    // The Wasm has started (the page's start script sets its bindings after `main`), and
    // the page has drawn two frames since: a mount would have added the widget's tree.
    await page.waitForFunction(() => window.wasmBindings !== undefined);
    await twoFrames(page);
    const mountedEarly = await page.locator(host).evaluate((element) => element.shadowRoot.querySelector('.article-widget-root:not([data-prerendered])') !== null);
    assert.equal(mountedEarly, false, "the widget waits while the patient's page is on its way");

    releasePatientPage();
    await page.locator('[data-prerendered] aside.disclaimer h2', { hasText: /^Medical Disclaimer$/ }).waitFor();
    await takenOver(page);
    const later = await shown(page, host);
    assert.equal(later.disclaimer, 'Medical Disclaimer');
    assert.equal(later.checked, 'patient');
    assert.equal(later.focused, 'audience-patient');
    assert.deepEqual(await page.evaluate(() => window.__widgetEvents), [{ name: 'ready', audience: 'patient' }]);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test("publisher's article page: a choice made while the widget loads the article is what it shows when it takes over", async () => {
  // The Wasm runs and has mounted, hidden, but waits for the article's data.
  const { context, page, pageErrors } = await newPage(browser, { serviceWorkers: 'block' });
  try {
    await watch(context);
    const releaseData = await holdBack(page, '**/articles/als-primary-treatment.json');
    await page.goto(`${WIDGET_URL}/articles/als-primary-treatment/`);
    const host = '[data-article-widget]';
    await page.waitForFunction(() => document.querySelector('[data-article-widget]').shadowRoot.querySelector('.article-widget-root[hidden]'));
    await page.getByRole('radio', { name: 'Caregiver' }).click();
    await page.locator('[data-prerendered] aside.disclaimer h2', { hasText: 'Caregiver Disclaimer' }).waitFor();

    releaseData();
    await takenOver(page);
    const later = await shown(page, host);
    assert.equal(later.disclaimer, 'Caregiver Disclaimer');
    assert.equal(later.checked, 'caregiver');
    assert.equal(later.focused, 'audience-caregiver');
    assert.deepEqual(await page.evaluate(() => window.__widgetEvents), [{ name: 'ready', audience: 'caregiver' }]);
    assert.equal(await stored(page), 'caregiver');
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test("publisher's article page: Patient clicked before the app shell runs is heard when it does, then shown by the widget, once", async () => {
  // The question is live from the page's first paint, before any script: the click
  // checks the radio, and the app shell, once it runs, shows and stores the choice.
  const { context, page, pageErrors } = await newPage(browser);
  try {
    await watch(context);
    const releaseShell = await holdBack(page, '**/app-shell-*.js');
    const releaseWasm = await holdBack(page, '**/*_bg.wasm');
    // Not until `load`: the page's modules, the app shell among them, run before it.
    await page.goto(`${WIDGET_URL}/articles/als-primary-treatment/`, { waitUntil: 'commit' });
    const host = '[data-article-widget]';
    await page.locator('[data-prerendered] h1').waitFor();
    await page.getByRole('radio', { name: 'Patient' }).click();
    const early = await shown(page, host);
    assert.equal(early.checked, 'patient', 'the radio takes the click with no script yet');
    assert.equal(early.disclaimer, 'Professional Medical Disclaimer', 'nothing has heard it yet');

    releaseShell();
    await page.locator('[data-prerendered] aside.disclaimer h2', { hasText: /^Medical Disclaimer$/ }).waitFor();
    const heard = await shown(page, host);
    assert.equal(heard.prerendered, true, 'still the prerendered page: the Wasm is held back');
    assert.deepEqual(heard.selected, ['audience-patient']);
    assert.equal(heard.focused, 'audience-patient', 'focus stays on the control the reader used');
    assert.equal(await stored(page), 'patient');

    releaseWasm();
    await takenOver(page);
    const later = await shown(page, host);
    assert.equal(later.disclaimer, 'Medical Disclaimer');
    assert.equal(later.checked, 'patient');
    assert.deepEqual(await page.evaluate(() => window.__widgetEvents), [{ name: 'ready', audience: 'patient' }]);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test("publisher's article page: Patient clicked while the page is still arriving, before the default audience's radio, is the choice shown", async () => {
  // The page arrives in two parts, cut after the "Patient" radio: the reader clicks it
  // while the parser has not yet met the default audience's radio, whose `checked`
  // attribute then unchecks the reader's. The app shell must still hear the reader.
  const path = '/articles/als-primary-treatment/';
  const html = await (await fetch(`${WIDGET_URL}${path}`)).text();
  const cut = html.indexOf('</label>', html.indexOf('id="audience-patient"')) + '</label>'.length;
  assert.ok(cut > 0 && cut < html.indexOf('id="audience-professional"'), 'the default audience comes after Patient');
  let releaseRest;
  const restHeld = new Promise((resolve) => (releaseRest = resolve));
  const server = createServer(async (request, response) => {
    if (new URL(request.url, 'http://site').pathname === path) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.write(html.slice(0, cut));
      await restHeld;
      response.end(html.slice(cut));
      return;
    }
    // Everything else as the site serves it.
    const upstream = await fetch(`${WIDGET_URL}${request.url}`);
    response.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/octet-stream' });
    response.end(Buffer.from(await upstream.arrayBuffer()));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { context, page, pageErrors } = await newPage(browser);
  try {
    await watch(context);
    await page.goto(`http://127.0.0.1:${server.address().port}${path}`, { waitUntil: 'commit' });
    const host = '[data-article-widget]';
    await page.getByRole('radio', { name: 'Patient' }).click();
    assert.equal((await shown(page, host)).checked, 'patient', 'the radio takes the click while the page arrives');

    releaseRest();
    await takenOver(page);
    const later = await shown(page, host);
    assert.equal(later.disclaimer, 'Medical Disclaimer');
    assert.equal(later.checked, 'patient');
    assert.equal(later.focused, 'audience-patient', 'focus stays on the control the reader used');
    assert.equal(await stored(page), 'patient');
    assert.deepEqual(await page.evaluate(() => window.__widgetEvents), [{ name: 'ready', audience: 'patient' }]);
    assert.deepEqual(pageErrors, []);
  } finally {
    releaseRest();
    await context.close();
    await new Promise((resolve) => server.close(resolve));
  }
});

test('a choice in the prerendered page that no script heard is the widget\'s first render', async () => {
  // No app shell at all (an embed page in a frame has none): the Wasm finds the radio
  // the reader checked, stores it as theirs, and shows that audience from its first render.
  const { context, page } = await newPage(browser);
  try {
    await watch(context);
    await page.route('**/app-shell-*.js', (route) => route.abort());
    const releaseWasm = await holdBack(page, '**/*_bg.wasm');
    await page.goto(`${WIDGET_URL}/articles/als-primary-treatment/`);
    const host = '[data-article-widget]';
    await page.locator('[data-prerendered] h1').waitFor();
    await page.getByRole('radio', { name: 'Caregiver' }).click();
    assert.equal((await shown(page, host)).checked, 'caregiver');

    releaseWasm();
    await takenOver(page);
    const later = await shown(page, host);
    assert.equal(later.prerendered, false);
    assert.equal(later.disclaimer, 'Caregiver Disclaimer');
    assert.equal(later.checked, 'caregiver');
    assert.deepEqual(await page.evaluate(() => window.__widgetEvents), [{ name: 'ready', audience: 'caregiver' }]);
    assert.equal(await stored(page), 'caregiver', "stored as the reader's choice");
  } finally {
    await context.close();
  }
});

test("partner's page on another origin: Patient chosen by keyboard before the Wasm arrives is shown at once, then by the widget, once, with focus kept", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    await watch(context);
    const releaseWasm = await holdBack(page, '**/*_bg.wasm');
    await page.goto(`${PARTNER_URL}/script-tag.html`);
    const host = 'article-widget';
    await page.locator('article-widget [data-prerendered] h1').waitFor();
    const before = await shown(page, host);
    assert.equal(before.checked, 'professional');
    assert.notEqual(await page.locator('article-widget .preferences').getAttribute('inert'), null, 'text size and theme wait for the widget');

    // A keyboard choice: the radio focused, Space.
    await page.getByRole('radio', { name: 'Patient' }).focus();
    await page.keyboard.press('Space');
    await page.locator('article-widget [data-prerendered] aside.disclaimer h2', { hasText: /^Medical Disclaimer$/ }).waitFor();
    const early = await shown(page, host);
    assert.equal(early.prerendered, true, 'still the prerendered page: the Wasm is held back');
    assert.equal(early.checked, 'patient');
    assert.deepEqual(early.selected, ['audience-patient']);
    assert.equal(early.focused, 'audience-patient', 'focus moved with the page to the same control');
    assert.equal(await stored(page), 'patient', "stored on the partner's origin, where the widget reads it");
    assert.deepEqual(await axeViolations(page), [], 'the live question beside the inert controls is accessible');
    await twoFrames(page);
    await page.evaluate(() => {
      window.__shifts = [];
    });

    releaseWasm();
    await takenOver(page, host);
    const later = await shown(page, host);
    assert.equal(later.prerendered, false);
    assert.equal(later.articles, 1);
    assert.equal(later.disclaimer, 'Medical Disclaimer');
    assert.equal(later.checked, 'patient');
    assert.equal(later.focused, 'audience-patient');
    assert.deepEqual(await page.evaluate(() => window.__widgetEvents), [{ name: 'ready', audience: 'patient' }]);
    assert.deepEqual(await page.evaluate(() => window.__shifts), [], 'no layout shift at the take-over');
    assert.equal(await stored(page), 'patient');
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test("partner's page on another origin: a choice made while the widget waits for the article is shown at once, then by the widget, once", async () => {
  // The Wasm runs and has mounted, hidden, but the article's data is held back: the
  // prerendered page, still what the reader sees, shows the choice until the take-over.
  const { context, page, pageErrors } = await newPage(browser);
  try {
    await watch(context);
    const releaseData = await holdBack(page, '**/articles/als-primary-treatment.json');
    await page.goto(`${PARTNER_URL}/script-tag.html`);
    const host = 'article-widget';
    await page.waitForFunction(() => document.querySelector('article-widget').shadowRoot?.querySelector('.article-widget-root[hidden]'));
    await page.getByRole('radio', { name: 'Caregiver' }).click();
    await page.locator('article-widget [data-prerendered] aside.disclaimer h2', { hasText: 'Caregiver Disclaimer' }).waitFor();
    const early = await shown(page, host);
    assert.equal(early.prerendered, true, 'the widget has not taken over: its data is held back');
    assert.equal(early.checked, 'caregiver');
    assert.equal(early.focused, 'audience-caregiver', 'focus moved with the page to the same control');
    assert.equal(
      await page.locator('article-widget').evaluate((element) => element.shadowRoot.querySelectorAll('[data-prerendered]').length),
      1,
      'one prerendered page, in the element the widget will take over',
    );
    await twoFrames(page);
    await page.evaluate(() => {
      window.__shifts = [];
    });

    releaseData();
    await takenOver(page, host);
    const later = await shown(page, host);
    assert.equal(later.prerendered, false);
    assert.equal(later.articles, 1);
    assert.equal(later.disclaimer, 'Caregiver Disclaimer');
    assert.equal(later.checked, 'caregiver');
    assert.equal(later.focused, 'audience-caregiver');
    assert.deepEqual(await page.evaluate(() => window.__widgetEvents), [{ name: 'ready', audience: 'caregiver' }]);
    assert.deepEqual(await page.evaluate(() => window.__shifts), [], 'no layout shift at the take-over');
    assert.equal(await stored(page), 'caregiver');
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

/**
 * Where the take-over's first clicks land. On a first visit, the point at the middle of
 * the "Patient" control once the widget has taken over (the prerendered page has it at
 * the same place). On a second, from the moment of the take-over: the element a click
 * at that point would reach, hit-tested in the first task after it and at the start of
 * the next frame, the two moments a reader's click can first arrive. Nothing in the new
 * tree is measured before then: measuring lays out what a click would not.
 */
async function hitsAtTakeOver(url, host) {
  const first = await newPage(browser, { viewport: { width: 1000, height: 900 } });
  let point;
  try {
    await first.page.goto(url);
    await takenOver(first.page, host);
    point = await first.page.locator(host).evaluate((element) => {
      const box = element.shadowRoot.querySelector('.article-widget-root input[value="patient"]').closest('label').getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    });
  } finally {
    await first.context.close();
  }
  const { context, page, pageErrors } = await newPage(browser, { viewport: { width: 1000, height: 900 } });
  try {
    await context.addInitScript(
      ({ host, x, y }) => {
        window.__hits = [];
        const reached = (shadow) => {
          const element = shadow.elementFromPoint(x, y);
          const control = element?.closest('label')?.querySelector('input');
          return control ? `${control.value} in ${control.closest('[data-prerendered]') ? 'the prerendered page' : 'the widget'}` : `${element?.localName}.${element?.className}`;
        };
        const watchShadow = (shadow) => {
          let seen = false;
          new MutationObserver(() => {
            if (seen || shadow.querySelector('[data-prerendered]') || !shadow.querySelector('.article-widget-root:not([hidden])')) return;
            seen = true;
            const channel = new MessageChannel();
            channel.port1.onmessage = () => window.__hits.push(['the first task', reached(shadow)]);
            channel.port2.postMessage(null);
            requestAnimationFrame(() => window.__hits.push(['the next frame', reached(shadow)]));
          }).observe(shadow, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });
        };
        const find = () => {
          const shadow = document.querySelector(host)?.shadowRoot;
          if (shadow) watchShadow(shadow);
          else requestAnimationFrame(find);
        };
        requestAnimationFrame(find);
      },
      { host, ...point },
    );
    await page.goto(url);
    await takenOver(page, host);
    await page.waitForFunction(() => window.__hits.length === 2);
    assert.deepEqual(pageErrors, []);
    return Object.fromEntries(await page.evaluate(() => window.__hits));
  } finally {
    await context.close();
  }
}

// A click that arrived in the frame after the take-over used to land on the widget's
// frame (`content-visibility: auto` skips what it holds until a frame decides it is on
// screen), and was lost; the take-over now happens at the start of a frame.
for (const [name, url, host] of [
  ["partner's page on another origin", `${PARTNER_URL}/script-tag.html`, 'article-widget'],
  ["publisher's article page", `${WIDGET_URL}/articles/als-primary-treatment/`, '[data-article-widget]'],
]) {
  test(`${name}: a click at the take-over's very moment reaches the control under it`, async () => {
    assert.deepEqual(await hitsAtTakeOver(url, host), { 'the first task': 'patient in the widget', 'the next frame': 'patient in the widget' });
  });
}

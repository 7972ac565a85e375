// Readers switch audience in page, and the widget remembers their choice and their
// preferences in localStorage, across reloads, tabs and widgets of one page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ALS_QUESTION, WIDGET_URL, axeViolations, launchBrowser, newPage } from './harness.mjs';

const STORAGE_KEY = 'article-widget/v1';
const ARTICLE_URL = `${WIDGET_URL}/?article=als-primary-treatment`;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

function picker(page) {
  return page.getByRole('radiogroup', { name: 'Which best describes you?' });
}

async function open(page, url = ARTICLE_URL) {
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: ALS_QUESTION }).waitFor();
}

async function disclaimerHeading(page) {
  return page.locator('[data-article-widget] .disclaimer h2').first().innerText();
}

test('switching audience changes body and disclaimer in page, with no request, focus kept and announced', async () => {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    await open(page);
    assert.equal(await disclaimerHeading(page), 'Professional Medical Disclaimer');
    await page.getByRole('heading', { level: 2, name: 'Disease-modifying treatments' }).waitFor();

    const requests = [];
    page.on('request', (request) => requests.push(request.url()));
    const caregiver = picker(page).getByRole('radio', { name: 'Caregiver' });
    await caregiver.click();
    await page.getByRole('heading', { level: 2, name: 'Caregiver Disclaimer' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'The medicines, and how you can help' }).waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Disease-modifying treatments' }).count(), 0);
    assert.deepEqual(requests, [], 'switching makes no network request');

    assert.equal(await caregiver.evaluate((radio) => radio.getRootNode().activeElement === radio), true, 'focus stays on the radio group');
    const status = page.locator('[data-article-widget] [aria-live="polite"]');
    assert.equal(await status.innerText(), 'Showing the version for caregivers.');

    // Arrow keys move within the group, as in any native radio group.
    await page.keyboard.press('ArrowRight');
    await page.getByRole('heading', { level: 2, name: 'Professional Medical Disclaimer' }).waitFor();
    assert.equal(await picker(page).getByRole('radio', { name: 'Healthcare professional' }).isChecked(), true);
    assert.equal(await status.innerText(), 'Showing the version for healthcare professionals.');
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('the choice and preferences are stored under one versioned key and survive a reload', async () => {
  const { context, page } = await newPage(browser);
  try {
    await open(page);
    await picker(page).getByRole('radio', { name: 'Patient' }).click();
    await page.getByRole('button', { name: 'Text size and theme' }).click();
    await page.getByRole('radiogroup', { name: 'Text size' }).getByRole('radio', { name: 'Larger' }).click();
    await page.getByRole('radiogroup', { name: 'Theme' }).getByRole('radio', { name: 'Dark' }).click();

    const stored = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY));
    assert.deepEqual(stored, { version: 2, audience: 'patient', language: null, text_size: 'larger', theme: 'dark' });

    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Medical Disclaimer', exact: true }).waitFor();
    assert.equal(await picker(page).getByRole('radio', { name: 'Patient' }).isChecked(), true);
    const root = page.locator('[data-article-widget] .article-widget');
    assert.equal(await root.evaluate((element) => getComputedStyle(element).fontSize), '20px');
    assert.equal(await root.evaluate((element) => getComputedStyle(element).backgroundColor), 'rgb(21, 24, 28)');
  } finally {
    await context.close();
  }
});

test("the reader's stored choice wins over the page's ?audience=, which wins over the article's default", async () => {
  const { context, page } = await newPage(browser);
  try {
    await open(page, `${ARTICLE_URL}&audience=patient`);
    assert.equal(await disclaimerHeading(page), 'Medical Disclaimer');
    await picker(page).getByRole('radio', { name: 'Caregiver' }).click();
    await open(page, `${ARTICLE_URL}&audience=patient`);
    assert.equal(await picker(page).getByRole('radio', { name: 'Caregiver' }).isChecked(), true);
    assert.equal(await disclaimerHeading(page), 'Caregiver Disclaimer');
  } finally {
    await context.close();
  }
});

test('a second tab follows the choice through the storage event', async () => {
  const { context, page } = await newPage(browser);
  try {
    await open(page);
    const second = await context.newPage();
    await open(second);
    await picker(page).getByRole('radio', { name: 'Caregiver' }).click();
    await second.getByRole('heading', { level: 2, name: 'Caregiver Disclaimer' }).waitFor();
    assert.equal(await picker(second).getByRole('radio', { name: 'Caregiver' }).isChecked(), true);
  } finally {
    await context.close();
  }
});

test('two widgets on one page stay in step', async () => {
  const { context, page } = await newPage(browser);
  try {
    // The page itself, with two hosts instead of one: the same built widget.
    await page.route(`${WIDGET_URL}/two-widgets.html`, async (route) => {
      const response = await route.fetch({ url: `${WIDGET_URL}/shell.html` });
      const host = '<div data-article-widget data-article="als-primary-treatment"></div>';
      const body = (await response.text()).replace('<div data-article-widget></div>', host + host);
      await route.fulfill({ response, body });
    });
    await page.goto(`${WIDGET_URL}/two-widgets.html`);
    const widgets = page.locator('[data-article-widget]');
    await widgets.nth(1).getByRole('heading', { level: 1, name: ALS_QUESTION }).waitFor();
    await picker(widgets.nth(0)).getByRole('radio', { name: 'Patient' }).click();
    await widgets.nth(1).getByRole('heading', { level: 2, name: 'Medical Disclaimer', exact: true }).waitFor();
    assert.equal(await picker(widgets.nth(1)).getByRole('radio', { name: 'Patient' }).isChecked(), true);
  } finally {
    await context.close();
  }
});

test('garbage in storage still gives a working page, and is repaired', async () => {
  for (const garbage of ['{"version":1,"audience":"doctor","text_size":[],"theme":7}', 'not json at all', '[]']) {
    const { context, page, pageErrors } = await newPage(browser);
    try {
      await context.addInitScript(
        ([key, value]) => {
          if (!sessionStorage.getItem('seeded')) {
            localStorage.setItem(key, value);
            sessionStorage.setItem('seeded', '1');
          }
        },
        [STORAGE_KEY, garbage],
      );
      await open(page);
      assert.equal(await picker(page).getByRole('radio', { name: 'Healthcare professional' }).isChecked(), true);
      const stored = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY));
      assert.deepEqual(stored, { version: 2, audience: null, language: null, text_size: 'normal', theme: 'auto' }, garbage);
      await picker(page).getByRole('radio', { name: 'Caregiver' }).click();
      await page.getByRole('heading', { level: 2, name: 'Caregiver Disclaimer' }).waitFor();
      assert.deepEqual(pageErrors, []);
    } finally {
      await context.close();
    }
  }
});

test('storage that throws on every write leaves a working page and says the choice will not be kept', async () => {
  const { context, page, pageErrors } = await newPage(browser);
  try {
    await context.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('storage is full', 'QuotaExceededError');
      };
    });
    await open(page);
    await picker(page).getByRole('radio', { name: 'Patient' }).click();
    await page.getByRole('heading', { level: 2, name: 'Medical Disclaimer', exact: true }).waitFor();
    await page.getByText('they will last only until you leave this page').waitFor();
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('an article without the chosen variant shows the default with a note, and the choice is kept', async () => {
  const { context, page } = await newPage(browser);
  try {
    await page.route('**/articles/als-primary-treatment.json', async (route) => {
      const response = await route.fetch();
      const article = await response.json();
      delete article.variants.caregiver;
      await route.fulfill({ response, json: article });
    });
    await open(page);
    await picker(page).getByRole('radio', { name: 'Caregiver' }).click();
    await page
      .getByText('There is no caregiver version of this article yet; showing the version for healthcare professionals.')
      .first()
      .waitFor();
    assert.equal(await disclaimerHeading(page), 'Professional Medical Disclaimer');
    const stored = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY));
    assert.equal(stored.audience, 'caregiver', 'the choice is kept for the next article');
  } finally {
    await context.close();
  }
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe-core finds no violations with the preferences panel open (${colorScheme})`, async () => {
    const { context, page } = await newPage(browser, { colorScheme });
    try {
      await open(page);
      await page.getByRole('button', { name: 'Text size and theme' }).click();
      await page.getByRole('radiogroup', { name: 'Theme' }).waitFor();
      assert.deepEqual(await axeViolations(page), []);
    } finally {
      await context.close();
    }
  });
}

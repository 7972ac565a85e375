import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (let run = 0; run < 3; run++) {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.__marks = {};
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const shadow = attach.call(this, init);
      window.__marks.attach = performance.now();
      new MutationObserver(() => {
        if (!window.__marks.pre && shadow.querySelector('[data-prerendered]')) window.__marks.pre = performance.now();
        if (!window.__marks.wasm && shadow.querySelector('.article-widget-root:not([data-prerendered])')) window.__marks.wasm = performance.now();
      }).observe(shadow, { childList: true, subtree: true });
      return shadow;
    };
  });
  const page = await context.newPage();
  await page.goto(process.argv[2]);
  await page.waitForTimeout(1500);
  console.log(JSON.stringify(await page.evaluate(() => ({
    marks: Object.fromEntries(Object.entries(window.__marks).map(([k, v]) => [k, Math.round(v)])),
    res: performance.getEntriesByType('resource').map((e) => `${e.name.split('/').pop().slice(0, 24)} ${Math.round(e.startTime)}-${Math.round(e.responseEnd)}`),
  }))));
  await context.close();
}
await browser.close();

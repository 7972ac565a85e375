// The loader's first paint against the widget's own rule: every case the Rust answered
// (src/site/contract.rs wrote tests/loader/first-paint-cases.json from
// config::first_paint), the loader must answer the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { firstPaint, languageOfTag, storedChoices } from '../../www/loader/first-paint.js';

const cases = JSON.parse(readFileSync(new URL('./first-paint-cases.json', import.meta.url), 'utf8'));

test('the loader paints first what the widget will show, in every case the Rust answered', () => {
  assert.ok(cases.length > 200, `only ${cases.length} cases`);
  for (const { stored, host, page_lang: pageLang, expected } of cases) {
    const paint = firstPaint(stored, { audience: host.audience ?? null, theme: host.theme ?? null, lang: host.lang ?? null }, pageLang);
    assert.deepEqual(
      { audience: paint.audience, language: paint.language, theme: paint.theme, text_size: paint.textSize },
      expected,
      `stored ${stored}, host ${JSON.stringify(host)}, page ${pageLang}`,
    );
  }
});

test('names of Object.prototype are no audience, language or theme', () => {
  for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
    const paint = firstPaint(
      JSON.stringify({ audience: name, language: name, theme: name, text_size: name }),
      { audience: name, theme: name, lang: name },
      name,
    );
    assert.deepEqual(paint, { audience: null, language: null, theme: 'auto', textSize: 'normal' }, name);
    assert.equal(languageOfTag(name), null);
  }
  // A record whose own key is `__proto__` gives nothing through its prototype.
  assert.equal(storedChoices('{"__proto__":{"audience":"patient"}}').audience, null);
});

test('a damaged or foreign record is read as no choices', () => {
  for (const text of [null, '', 'not json', '[]', 'null', '7', '"patient"']) {
    assert.deepEqual(storedChoices(text), { audience: null, language: null, theme: 'auto', textSize: 'normal' }, String(text));
  }
});

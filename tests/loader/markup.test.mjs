// What of a prerendered page may reach a partner's page (www/loader/markup.js): the
// build's own markup, and URLs as the Rust's allow-list answers.
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { FRAGMENT_MARKUP } from '../../www/contract.js';
import { allowsUrl, keepsAttribute, keepsElement, sanitizerConfig } from '../../www/loader/markup.js';

const HTML = 'http://www.w3.org/1999/xhtml';
const cases = JSON.parse(readFileSync(new URL('./url-cases.json', import.meta.url), 'utf8'));

test('a URL passes exactly where safe_url::allowed lets it through, whatever its disguise', () => {
  assert.ok(cases.some((entry) => entry.allowed) && cases.some((entry) => !entry.allowed));
  for (const { url, allowed } of cases) assert.equal(allowsUrl(url), allowed, JSON.stringify(url));
});

test('only the elements the build writes, in HTML, are kept; never one named after a property of Object', () => {
  for (const name of ['p', 'a', 'div', 'img', 'input', 'details']) assert.equal(keepsElement(name, HTML), true, name);
  for (const name of ['script', 'style', 'template', 'iframe', 'object', 'embed', 'form', 'base', 'link', 'meta', 'svg', 'math', 'noscript']) {
    assert.equal(keepsElement(name, HTML), false, name);
  }
  // An `a` of SVG or MathML is not HTML's.
  assert.equal(keepsElement('a', 'http://www.w3.org/2000/svg'), false);
  assert.equal(keepsElement('a', 'http://www.w3.org/1998/Math/MathML'), false);
  for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) assert.equal(keepsElement(name, HTML), false, name);
});

test('an attribute stays only where the build writes it, never a handler, and a URL only when it passes', () => {
  assert.equal(keepsAttribute('a', 'href', 'https://doi.org/10.1/x'), true);
  assert.equal(keepsAttribute('a', 'href', '#ref-1'), true);
  assert.equal(keepsAttribute('a', 'href', ' java\tscript:alert(1)'), false);
  assert.equal(keepsAttribute('img', 'src', 'data:image/svg+xml,<svg onload=alert(1)>'), false);
  assert.equal(keepsAttribute('div', 'data-prerendered', ''), true);
  assert.equal(keepsAttribute('input', 'name', 'audience'), true);
  // Where the build does not write it: an image's name, a paragraph's href, any style.
  assert.equal(keepsAttribute('img', 'name', 'currentScript'), false);
  assert.equal(keepsAttribute('img', 'id', 'currentScript'), false);
  assert.equal(keepsAttribute('p', 'href', '/x'), false);
  assert.equal(keepsAttribute('div', 'style', 'position:fixed'), false);
  for (const name of ['onerror', 'onclick', 'ONLOAD', 'ontoggle', 'onfocus']) {
    for (const element of Object.keys(FRAGMENT_MARKUP)) assert.equal(keepsAttribute(element, name, 'alert(1)'), false, `${element} ${name}`);
  }
});

test("the HTML Sanitizer API is given the same lists, and no attribute beyond each element's", () => {
  const config = sanitizerConfig();
  assert.deepEqual(config.attributes, []);
  assert.equal(config.dataAttributes, false);
  assert.deepEqual(
    Object.fromEntries(config.elements.map(({ name, attributes }) => [name, attributes])),
    FRAGMENT_MARKUP,
  );
});

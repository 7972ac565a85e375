// The loader's options: what a script gives is checked and never kept raw, and each
// file is named as the widget names it.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { articleFile, canonicalBase, codeFor, mergeScriptOptions, resolveOptions, slugOf } from '../../www/loader/options.js';

const BASE = 'https://widgets.example/w/';

function collect() {
  const warnings = [];
  return { warnings, warn: (message) => warnings.push(message) };
}

test('a value that is not text is dropped with a warning, and a later change still works', () => {
  const { warnings, warn } = collect();
  let given = mergeScriptOptions(undefined, { theme: Object.create(null), audience: 'patient' }, warn);
  assert.equal(given.has('theme'), false);
  assert.equal(given.get('audience'), 'patient');
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /^theme: expected text, not object; ignored$/);
  // What the page does next meets no kept bad value: resolving never throws.
  given = mergeScriptOptions(given, { theme: 'dark' }, warn);
  const options = resolveOptions(() => null, given, BASE);
  assert.equal(options.theme, 'dark');
  assert.equal(options.audience, 'patient');
});

test('unknown and prototype names are never options', () => {
  const { warnings, warn } = collect();
  const given = mergeScriptOptions(
    undefined,
    JSON.parse('{"__proto__": "x", "constructor": "y", "toString": "z", "code-base": "https://attacker.example/"}'),
    warn,
  );
  assert.equal(given.size, 0);
  assert.equal(warnings.length, 4);
  const options = resolveOptions((name) => (name === 'constructor' ? 'x' : null), given, BASE);
  assert.deepEqual(Object.keys(options).sort(), ['canonical-base', 'src']);
  assert.equal(Object.hasOwn(options, 'constructor'), false);
});

test('null or undefined removes an option; numbers and booleans are written as text', () => {
  const { warn } = collect();
  let given = mergeScriptOptions(undefined, { article: 'als', lang: 7, theme: true }, warn);
  assert.deepEqual([...given], [['article', 'als'], ['lang', '7'], ['theme', 'true']]);
  given = mergeScriptOptions(given, { article: null, lang: undefined }, warn);
  assert.deepEqual([...given], [['theme', 'true']]);
  assert.deepEqual([...mergeScriptOptions(given, 'theme=dark', warn)], [['theme', 'true']]);
});

test('attributes come first, then what a script gave, then the defaults beside the code', () => {
  const attributes = { article: 'als-primary-treatment', theme: 'light' };
  const options = resolveOptions((name) => attributes[name] ?? null, new Map([['theme', 'dark']]), BASE);
  assert.equal(options.article, 'als-primary-treatment');
  assert.equal(options.theme, 'dark');
  assert.equal(options.src, 'https://widgets.example/w/articles/');
  assert.equal(options['canonical-base'], BASE);
});

test('files are named beside the data, and only for a slug', () => {
  const options = { article: ' als ', src: 'https://data.example/a' };
  assert.equal(slugOf(options), 'als');
  assert.equal(articleFile(options, '.json', BASE).href, 'https://data.example/a/als.json');
  assert.equal(articleFile({ article: '../x', src: BASE }, '.json', BASE), null);
  assert.equal(articleFile({ article: 'ALS', src: BASE }, '.json', BASE), null);
  assert.equal(articleFile({ article: 'als', src: 'articles/' }, '/patient.html', 'https://partner.example/p/page.html').href,
    'https://partner.example/p/articles/als/patient.html');
});

test('the canonical base is an http(s) folder or nothing', () => {
  assert.equal(canonicalBase({ 'canonical-base': 'https://pub.example/library/index.html' }), 'https://pub.example/library/');
  assert.equal(canonicalBase({ 'canonical-base': 'javascript:alert(1)' }), null);
  assert.equal(canonicalBase({ 'canonical-base': 'not a url' }), null);
  assert.equal(canonicalBase({}), null);
});

test('a widget showing one article runs the article-only Wasm, and everything else the full app', () => {
  const article = { glue: 'article-only-1.js', wasm: 'article-only-1_bg.wasm' };
  const full = { glue: 'article-widget-2.js', wasm: 'article-widget-2_bg.wasm' };
  assert.equal(codeFor({ article: 'als-primary-treatment' }, article, full), article);
  assert.equal(codeFor({}, article, full), full, 'the catalog');
  assert.equal(codeFor({ article: '../etc' }, article, full), full, 'no article it could show');
  assert.equal(codeFor({ article: 'als-primary-treatment' }, null, full), full, 'a pinned build has the full app alone');
});

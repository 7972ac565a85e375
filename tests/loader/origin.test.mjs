// Where code and answers may come from: the loader's own origin, and the origin asked.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { answeredWhereAsked, isOn, loaderBase, originOf } from '../../www/loader/origin.js';

test('the loader finds its base in its own http(s) URL only', () => {
  assert.equal(loaderBase('https://widgets.example/v/embed.js?x=1'), 'https://widgets.example/v/');
  assert.equal(loaderBase('http://127.0.0.1:8080/embed.js'), 'http://127.0.0.1:8080/');
  for (const url of ['', 'embed.js', 'data:text/javascript,1', 'javascript:1', 'blob:https://a.example/1', null]) {
    assert.equal(loaderBase(url), null, String(url));
  }
});

test('a URL is on an origin only when its own origin is that one', () => {
  const origin = 'https://widgets.example';
  assert.equal(isOn('https://widgets.example/articles/a/patient.html', origin), true);
  assert.equal(isOn('https://widgets.example.attacker.example/a.html', origin), false);
  assert.equal(isOn('https://attacker.example/https://widgets.example/', origin), false);
  assert.equal(isOn('//attacker.example/a.html', origin, 'https://widgets.example/'), false);
  assert.equal(isOn('/a.html', origin, 'https://widgets.example/x/'), true);
  assert.equal(isOn('data:text/html,<p>', origin), false);
  assert.equal(isOn('not a url', origin), false);
  assert.equal(originOf('::', undefined), null);
});

test('an answer a redirect brought from another origin is not where it was asked', () => {
  const asked = 'https://widgets.example/articles/a/patient.html';
  assert.equal(answeredWhereAsked(asked, asked), true);
  assert.equal(answeredWhereAsked(asked, 'https://widgets.example/other.html'), true);
  assert.equal(answeredWhereAsked(asked, 'https://attacker.example/evil.html'), false);
  assert.equal(answeredWhereAsked(asked, 'http://widgets.example/articles/a/patient.html'), false);
  // No final URL (a response the browser made up): nothing says it moved.
  assert.equal(answeredWhereAsked(asked, ''), true);
});

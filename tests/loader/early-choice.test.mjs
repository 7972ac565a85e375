// The decisions on an audience chosen in the prerendered page before the widget's Wasm
// has taken it over (www/early-choice.js): which choice a changed control is, the record
// stored for the Wasm to read, and which page shows that audience.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AUDIENCES, AUDIENCE_CONTROL, PREFERENCES_REVISION, PREFERENCE_AUDIENCE, PREFERENCE_THEME } from '../../www/contract.js';
import { storedChoices } from '../../www/loader/first-paint.js';
import { audienceChosen, audiencePage, withAudience } from '../../www/early-choice.js';

test("only the audience question's radios choose an audience, and only one the widget knows", () => {
  for (const audience of AUDIENCES) assert.equal(audienceChosen(AUDIENCE_CONTROL, audience), audience);
  assert.equal(audienceChosen('theme', AUDIENCES[0]), null, "another group's radio");
  assert.equal(audienceChosen(AUDIENCE_CONTROL, 'doctor'), null);
  assert.equal(audienceChosen(AUDIENCE_CONTROL, '__proto__'), null);
  assert.equal(audienceChosen(AUDIENCE_CONTROL, null), null);
  assert.equal(audienceChosen(null, AUDIENCES[0]), null);
});

test('the stored record gets the chosen audience and keeps every other choice', () => {
  const stored = JSON.stringify({ version: PREFERENCES_REVISION, audience: 'caregiver', language: 'es', text_size: 'large', theme: 'dark' });
  const written = JSON.parse(withAudience(stored, 'patient'));
  assert.deepEqual(written, { version: PREFERENCES_REVISION, audience: 'patient', language: 'es', text_size: 'large', theme: 'dark' });
  // The loader's first paint (the widget's rule, tests/loader/first-paint.test.mjs)
  // reads it back as the reader's choice.
  assert.equal(storedChoices(withAudience(stored, 'patient')).audience, 'patient');
  assert.equal(storedChoices(withAudience(stored, 'patient')).theme, 'dark');
  // An older record is kept as it is, for the widget to migrate; a newer one too.
  assert.deepEqual(JSON.parse(withAudience('{"audience":null,"theme":"light"}', 'professional')), { audience: 'professional', theme: 'light' });
  assert.equal(JSON.parse(withAudience('{"version":99}', 'patient')).version, 99);
});

test('no record, or one that is not a JSON object, starts afresh at this revision', () => {
  for (const stored of [null, '', 'not json', '[1]', '"patient"', 'null', '42']) {
    const written = JSON.parse(withAudience(stored, 'caregiver'));
    assert.deepEqual(written, { version: PREFERENCES_REVISION, [PREFERENCE_AUDIENCE]: 'caregiver' }, String(stored));
    assert.equal(Object.hasOwn(written, PREFERENCE_THEME), false, 'the other choices are left to their defaults');
  }
});

test("the audience's page is the link whose last folder names it", () => {
  const links = AUDIENCES.map((audience) => `https://pub.example/site/articles/als/${audience}/`);
  for (const audience of AUDIENCES) assert.equal(audiencePage(links, audience), `https://pub.example/site/articles/als/${audience}/`);
  // An article whose slug is an audience's name is not taken for that audience's page.
  assert.equal(audiencePage(['https://pub.example/articles/patient/caregiver/'], 'patient'), null);
  assert.equal(audiencePage([], 'patient'), null);
});

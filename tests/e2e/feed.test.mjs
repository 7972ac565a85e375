// The feed of changes, read as feed readers read it: PyPI's feedparser (installed by
// `cargo xtask test`) parses the built site's feed.xml, and every entry is checked
// against the articles' own history, as their front matter writes it.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WIDGET_URL } from './harness.mjs';

const ARTICLES = new URL('../../articles/', import.meta.url);

/** A TOML string value of the front matter (`key = "…"`), with its escapes read. */
function tomlString(text, key) {
  const found = text.match(new RegExp(`^${key} = ("(?:[^"\\\\]|\\\\.)*")`, 'm'));
  return found ? JSON.parse(found[1]) : null;
}

/** Every change of every article, as the front matter writes it. */
function changesOfTheArticles() {
  const publisher = readFileSync(new URL('publisher.toml', ARTICLES), 'utf8');
  const language = tomlString(publisher, 'language');
  const siteUrl = tomlString(publisher, 'site_url');
  const changes = [];
  for (const file of readdirSync(ARTICLES).filter((name) => name.endsWith('.md') && name !== 'README.md')) {
    const text = readFileSync(new URL(file, ARTICLES), 'utf8');
    const front = text.split('+++')[1];
    const slug = tomlString(front, 'slug');
    for (const block of front.split('[[changes]]').slice(1)) {
      const entry = block.split(/^\[/m)[0];
      changes.push({
        slug,
        question: tomlString(front, 'question'),
        lang: tomlString(front, 'lang') ?? language,
        date: entry.match(/^date = (\d{4}-\d{2}-\d{2})$/m)[1],
        summary: tomlString(entry, 'summary'),
        correction: tomlString(entry, 'kind') === 'correction',
      });
    }
  }
  return { siteUrl, name: tomlString(publisher, 'name'), changes };
}

/** The feed at `url`, as feedparser reads it. */
async function parsed(url) {
  const response = await fetch(url);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /xml/);
  const xml = await response.text();
  const script = `
import feedparser, json, sys
feed = feedparser.parse(sys.stdin.buffer.read())
print(json.dumps({
  "bozo": feed.bozo, "version": feed.version, "title": feed.feed.get("title"),
  "links": [link.get("href") for link in feed.feed.get("links", [])],
  "entries": [{
    "title": entry.get("title"), "link": entry.get("link"), "updated": entry.get("updated"),
    "summary": entry.get("summary"), "id": entry.get("id"),
    "language": entry.get("title_detail", {}).get("language"),
  } for entry in feed.entries],
}))`;
  return JSON.parse(execFileSync('python3', ['-c', script], { input: xml }).toString('utf8'));
}

test('feed.xml is Atom that feedparser reads without complaint, one entry per change, newest first, corrections said', async () => {
  const { siteUrl, name, changes } = changesOfTheArticles();
  assert.ok(changes.some((change) => change.correction), 'the articles hold a correction');
  const feed = await parsed(`${WIDGET_URL}/feed.xml`);
  assert.equal(feed.bozo, false, 'feedparser had to guess at nothing');
  assert.equal(feed.version, 'atom10');
  assert.equal(feed.title, name);
  assert.ok(feed.links.includes(`${siteUrl}feed.xml`), feed.links.join(' '));
  assert.equal(feed.entries.length, Math.min(changes.length, 200));
  // Newest first; every id once.
  const dates = feed.entries.map((entry) => entry.updated.slice(0, 10));
  assert.deepEqual(dates, [...dates].sort().reverse());
  assert.equal(new Set(feed.entries.map((entry) => entry.id)).size, feed.entries.length);
  for (const change of changes) {
    const entry = feed.entries.find(
      (entry) => entry.summary === change.summary && entry.link === `${siteUrl}articles/${change.slug}/`,
    );
    assert.ok(entry, `an entry for ${change.slug}, ${change.date}: ${change.summary.slice(0, 60)}…`);
    assert.equal(entry.updated.slice(0, 10), change.date);
    assert.equal(entry.language, change.lang);
    const word = change.lang === 'es' ? 'Corrección: ' : 'Correction: ';
    assert.equal(entry.title, change.correction ? `${word}${change.question}` : change.question);
  }
});

test("the site's pages name the feed for readers and browsers that look for one", async () => {
  for (const path of ['/', '/articles/als-primary-treatment/', '/articles/ela-tratamiento-principal/']) {
    const html = await (await fetch(`${WIDGET_URL}${path}`)).text();
    const link = html.match(/<link rel="alternate" type="application\/atom\+xml"[^>]*>/);
    assert.ok(link, `${path} has no feed link`);
    assert.match(link[0], /href="[^"]*feed\.xml"/);
  }
});

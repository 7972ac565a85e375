// Writes a generated article for the benchmarks: every markdown construct the widget
// renders, many citations, and a variant per audience of about 1 MB of markdown each.
// Each variant ends with the paragraph LAST_PARAGRAPH, so that a benchmark can tell
// when any renderer has shown the whole body.
// Usage: node benches/generate-article.mjs OUT_DIR [TARGET_BYTES]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [outDir, targetArg] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: node benches/generate-article.mjs OUT_DIR [TARGET_BYTES]');
  process.exit(2);
}
const TARGET_BYTES = Number(targetArg ?? 1_000_000);
const REFERENCES = 120;
const LAST_PARAGRAPH = 'End of the generated article.';

const today = new Date().toISOString().slice(0, 10);
const nextYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;

// Deterministic pseudo-random numbers, so every run measures the same article.
let seed = 42;
function random(n) {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return Math.floor(seed / 65536) % n;
}

const WORDS = {
  patient: ['you', 'your', 'doctor', 'medicine', 'help', 'body', 'care', 'team', 'slow', 'feel', 'daily', 'simple'],
  caregiver: ['the person', 'you care for', 'support', 'routine', 'notice', 'plan', 'rest', 'team', 'help', 'home'],
  professional: ['clinical', 'evidence', 'trial', 'cohort', 'outcome', 'guideline', 'dose', 'endpoint', 'survival', 'hazard'],
};

function sentence(audience) {
  const words = WORDS[audience];
  const length = 8 + random(12);
  const parts = [];
  for (let i = 0; i < length; i += 1) {
    let word = words[random(words.length)];
    switch (random(14)) {
      case 0: word = `*${word}*`; break;
      case 1: word = `**${word}**`; break;
      case 2: word = `\`${word}\``; break;
      case 3: word = `[${word}](https://example.org/${word.replace(/ /g, '-')})`; break;
      case 4: word = `~~${word}~~`; break;
      default: break;
    }
    parts.push(word);
  }
  const cite = `[^${1 + random(REFERENCES)}]`;
  const text = parts.join(' ');
  return `${text[0].toUpperCase()}${text.slice(1)}${cite}.`;
}

function paragraph(audience) {
  const count = 3 + random(4);
  return Array.from({ length: count }, () => sentence(audience)).join(' ');
}

function section(audience, index) {
  const blocks = [`## Section ${index} for ${audience}`, paragraph(audience), `### Details ${index}`, paragraph(audience)];
  blocks.push(['- ' + sentence(audience), '- ' + sentence(audience), '  - ' + sentence(audience), '- ' + sentence(audience)].join('\n'));
  blocks.push(['1. ' + sentence(audience), '2. ' + sentence(audience), '3. ' + sentence(audience)].join('\n'));
  switch (index % 6) {
    case 0:
      blocks.push(['| Measure | Value | Note |', '|:--|--:|:-:|', ...Array.from({ length: 4 }, (_, row) => `| item ${row} | ${random(1000)} | ${WORDS[audience][row]} |`)].join('\n'));
      break;
    case 1:
      blocks.push(`> ${paragraph(audience)}`);
      break;
    case 2:
      blocks.push('```text\nstep 1: assess\nstep 2: plan\nstep 3: review\n```');
      break;
    case 3:
      blocks.push(`- [x] ${sentence(audience)}\n- [ ] ${sentence(audience)}`);
      break;
    case 4:
      blocks.push(`![A diagram for section ${index}](images/section-${index}.png)`);
      break;
    default:
      blocks.push('---');
  }
  blocks.push(paragraph(audience));
  return blocks.join('\n\n');
}

function variant(audience) {
  const sections = [];
  let bytes = 0;
  for (let index = 1; bytes < TARGET_BYTES; index += 1) {
    const text = section(audience, index);
    sections.push(text);
    bytes += Buffer.byteLength(text) + 2;
  }
  sections.push(LAST_PARAGRAPH);
  return sections.join('\n\n');
}

const references = Array.from({ length: REFERENCES }, (_, i) => `[[references]]
id = ${i + 1}
authors = ["Author ${i + 1} A", "Coauthor B"]
title = "Generated reference ${i + 1} for the benchmark"
source = "Bench J"
year = ${2000 + (i % 25)}
url = "https://example.org/reference/${i + 1}"
`).join('\n');

const body = ['patient', 'caregiver', 'professional'].map((audience) => `::: ${audience}\n${variant(audience)}\n:::`).join('\n\n');
const article = `+++
slug = "bench-1mb"
question = "How fast is a very long article?"
updated = ${today}
next_review_due = ${nextYear}
default_audience = "professional"

[review]
status = "submitted"

${references}+++

${body}
`;
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'bench-1mb.md'), article);
console.log(`wrote ${join(outDir, 'bench-1mb.md')}: ${(Buffer.byteLength(article) / 1e6).toFixed(2)} MB, three variants of about ${(TARGET_BYTES / 1e6).toFixed(1)} MB`);

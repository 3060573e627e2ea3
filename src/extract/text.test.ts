import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractText, textBlocks } from './text.js';
import { toArticle } from './extracted.js';

const SEEDLIKE = [
  'Ministers meet as talks resume in Dravia',
  '',
  '.',
  '',
  'Foreign Minister Ana Kovec greets envoy Lars Penn in Velgrad. Photo: NORDPRESS',
  '',
  'VELGRAD/ASTORIA/ABOARD THE STATE JET:',
  '',
  'Envoy Lars Penn met Foreign Minister Ana Kovec on Monday in Velgrad.',
  '',
  '"We are closer than ever," Kovec told reporters.',
  '',
  'Advertisement',
  '',
  'The talks end on Friday.',
  '',
  'Load Next Story',
].join('\n');

test('seed-shaped text: title, empty dek, caption with credit, dateline places, body, furniture', () => {
  const x = extractText(SEEDLIKE);
  assert.equal(x.title, 'Ministers meet as talks resume in Dravia');
  assert.equal(x.dek, null);
  assert.deepEqual(x.media, [{ caption: 'Foreign Minister Ana Kovec greets envoy Lars Penn in Velgrad.', credit: 'NORDPRESS', image: null }]);
  assert.deepEqual(x.datelines, ['VELGRAD', 'ASTORIA', 'ABOARD THE STATE JET']);
  assert.deepEqual(
    x.blocks.map((b) => b.text),
    ['Envoy Lars Penn met Foreign Minister Ana Kovec on Monday in Velgrad.', '"We are closer than ever," Kovec told reporters.', 'The talks end on Friday.'],
  );
  assert.deepEqual(x.removed, ['Advertisement', 'Load Next Story']);
});

test('a dek is kept when header lines separate it from the body', () => {
  const x = extractText('Title here\n\nA short standfirst about the story\n\nBy Mira Holt and Tom Ash, Nordpress\n\nBody paragraph one.\n\nBody two.');
  assert.equal(x.dek, 'A short standfirst about the story');
  assert.deepEqual(x.bylines, ['Mira Holt', 'Tom Ash']);
  assert.equal(x.blocks.length, 2);
});

test('without header lines the second block is body, not a dek', () => {
  const x = extractText('Title here\n\nFirst paragraph is short.\n\nSecond paragraph.');
  assert.equal(x.dek, null);
  assert.deepEqual(x.blocks.map((b) => b.text), ['First paragraph is short.', 'Second paragraph.']);
});

test('inline wire dateline is recognized and kept in the text', () => {
  const x = extractText('Title\n\nVELGRAD, April 25 (Nordpress) - The minister said on Friday that talks would go on.\n\nMore.');
  assert.equal(x.blocks[0]!.text.startsWith('VELGRAD, April 25 (Nordpress) -'), true);
  assert.deepEqual(x.datelines, ['VELGRAD']);
});

test('a published date line in the header becomes the published date', () => {
  const x = extractText('Title\n\nPublished: 25 April 2025 10:31 GMT\n\nBody text of the story goes here.');
  assert.equal(x.published, '2025-04-25');
  assert.equal(x.blocks.length, 1);
});

test('hard-wrapped paragraphs are joined; one-line-per-paragraph text is split by lines', () => {
  assert.deepEqual(textBlocks('a b\nc d\n\ne f').map((b) => b.text), ['a b c d', 'e f']);
  assert.deepEqual(textBlocks('one\ntwo\nthree').map((b) => b.text), ['one', 'two', 'three']);
});

test('markdown headings, lists and quotes keep their kinds', () => {
  const x = extractText('# The Title\n\nIntro paragraph that is\nwrapped.\n\n## Subhead\n\n- item one\n- item two\n\n> quoted words', { markdown: true });
  assert.equal(x.title, 'The Title');
  assert.deepEqual(x.blocks.map((b) => b.kind), ['p', 'heading', 'list-item', 'list-item', 'blockquote']);
  assert.equal(x.blocks[0]!.text, 'Intro paragraph that is wrapped.');
});

test('toArticle lays out paragraphs with offsets into one text', () => {
  const a = toArticle('x.txt', null, extractText(SEEDLIKE));
  assert.equal(a.paragraphs.length, 3);
  for (const p of a.paragraphs) assert.equal(a.text.slice(p.start, p.end).length, p.end - p.start);
  assert.equal(a.text.slice(a.paragraphs[1]!.start, a.paragraphs[1]!.end), '"We are closer than ever," Kovec told reporters.');
  assert.equal(a.text.includes('\n\n'), true);
  assert.equal(a.text.includes('Load Next Story'), false);
});

test('empty and punctuation-only input yields no title and no body, without throwing', () => {
  assert.equal(extractText('').title, null);
  const x = extractText('.\n\n*\n\n—');
  assert.equal(x.title, null);
  assert.equal(x.blocks.length, 0);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyArticle } from '../model.js';
import { buildPipeline, newDoc } from '../pipeline.js';
import './language/index.js';
import { ACTIVITY_VERBS, computeTone, toneOf } from './tone.js';

const POSITIVE = 'The talks were a great success and both sides praised the good progress toward peace.';
const NEGATIVE = 'Rebels killed dozens in a brutal attack; officials condemned the terrible violence and fear grows.';

test('a positive text has positive tone, a negative text negative tone, with GKG arithmetic', () => {
  const p = computeTone(POSITIVE);
  const n = computeTone(NEGATIVE);
  assert.ok(p.tone > 10, `positive tone ${p.tone}`);
  assert.ok(n.tone < -10, `negative tone ${n.tone}`);
  assert.equal(p.wordCount, 15);
  // great, success, praised, good, progress, peace: 6 of 15 words.
  assert.equal(p.positive, 40);
  assert.equal(p.negative, 0);
  for (const t of [p, n]) {
    assert.ok(Math.abs(t.tone - (t.positive - t.negative)) < 1e-9);
    assert.ok(Math.abs(t.polarity - (t.positive + t.negative)) < 1e-9);
    assert.ok(t.positive >= 0 && t.negative >= 0 && t.polarity <= 100);
  }
  // killed, attack are activity words: 2 of 15.
  assert.ok(Math.abs(n.activity - (100 * 2) / 15) < 1e-9);
});

test('negation flips the next scored word; AFINN phrases win; clause breaks end the scope', () => {
  assert.ok(computeTone('The deal is not good.').tone < 0);
  assert.ok(computeTone('The deal is good.').tone > 0);
  assert.ok(computeTone('The outcome was not bad at all.').tone > 0);
  assert.ok(computeTone("The outcome wasn't bad.").tone > 0);
  assert.ok(computeTone('The plan does not work.').tone < 0);
  // The comma closes the negation scope: "good" stays positive.
  assert.ok(computeTone('Not yet, but good news came.').tone > 0);
  // Negators are not scored themselves ("no" is -1 in AFINN).
  assert.equal(computeTone('No.').negative, 0);
});

test('self/group references count first-person pronouns but not the country US', () => {
  const t = computeTone('We said our allies and the US will help us.');
  // We, our, us of 10 words ("US" is the country).
  assert.equal(t.wordCount, 10);
  assert.ok(Math.abs(t.selfGroup - 30) < 1e-9, String(t.selfGroup));
  assert.ok(ACTIVITY_VERBS.includes('attack'));
  // attacked, attacking, attacks: 3 of 5 words; stopped (doubled consonant) too.
  assert.equal(computeTone('They attacked, attacking and attacks.').activity, 60);
  assert.equal(computeTone('Police stopped them.').activity, 100 / 3);
});

test('empty text: zero words, zero scores', () => {
  assert.deepEqual(computeTone(''), { tone: 0, positive: 0, negative: 0, polarity: 0, activity: 0, selfGroup: 0, wordCount: 0 });
});

test('the tone stage sets doc.tone after language', () => {
  const doc = newDoc({ source: 't', url: null, format: 'text', body: NEGATIVE });
  doc.article = { ...emptyArticle('t'), text: NEGATIVE, paragraphs: [{ start: 0, end: NEGATIVE.length, kind: 'p' }] };
  assert.equal(toneOf(doc), null);
  const out = buildPipeline(['language', 'tone'], { provided: ['extract'] }).runDoc(doc);
  assert.deepEqual(toneOf(out), computeTone(NEGATIVE));
  assert.throws(() => buildPipeline(['tone', 'language'], { provided: ['extract'] }), /needs 'language' before it/);
});

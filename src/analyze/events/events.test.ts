// The event coder on sentences written for these tests (fictional actors with our knowledge of real states).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../../index.js';
import { analyzeBody } from '../body.js';
import type { NewsEvent } from '../../model.js';

const events = (text: string, published: string | null = '2025-04-25'): NewsEvent[] => analyzeBody(text, published).events;
const codes = (es: NewsEvent[]) => es.map((e) => `${e.source?.code ?? '-'} ${e.code} ${e.target?.code ?? '-'}`);

test('a meeting in the target\'s capital is a visit, with place, coordinates and the resolved date', () => {
  const es = events('US envoy Steve Witkoff met Russian President Vladimir Putin in Moscow on Friday.');
  assert.equal(es.length, 1);
  const e = es[0]!;
  assert.equal(e.code, '042');
  assert.equal(e.source?.code, 'USAGOV');
  assert.equal(e.target?.code, 'RUSGOV');
  assert.equal(e.location?.name, 'Moscow');
  assert.equal(e.location?.country, 'RUS');
  assert.ok(Math.abs((e.location?.lat ?? 0) - 55.75) < 0.5);
  assert.equal(e.date, '2025-04-25');
  assert.equal(e.quadClass, 1);
  assert.ok(e.goldstein > 0);
  assert.equal(e.sentence, 'US envoy Steve Witkoff met Russian President Vladimir Putin in Moscow on Friday.');
});

test('negated, hypothetical, questioned and quoted statements yield no event', () => {
  assert.deepEqual(codes(events('Russia and Ukraine have not held direct talks since March.')), []);
  assert.deepEqual(codes(events('Germany could impose sanctions on Iran.')), []);
  assert.deepEqual(codes(events('Will France criticize Italy?')), []);
  assert.deepEqual(codes(events('"Germany attacked Poland," the teacher said.')), []);
  assert.deepEqual(codes(events('If China invades Taiwan, Japan would respond.')), []);
});

test('stated intent to meet is 036; other plans are not events', () => {
  assert.deepEqual(codes(events('French President Emmanuel Macron will meet Chinese President Xi Jinping.')), ['FRAGOV 036 CHNGOV']);
  assert.deepEqual(codes(events('Egypt plans to condemn Israel.')), []);
});

test('passive voice: the agent after "by" is the source', () => {
  assert.deepEqual(codes(events('Ukrainian troops were attacked by Russian forces near Kharkiv.')), ['RUSMIL 190 UKRMIL']);
});

test('coordinated sources each get an event; nationality + role groups get sector codes', () => {
  const es = events('Ukrainian and European officials pushed back against the US proposals.');
  assert.deepEqual(codes(es).sort(), ['EURGOV 120 USA', 'UKRGOV 120 USA']);
});

test('nominal events with a possessor, and instrument refinements with an unknown source', () => {
  assert.deepEqual(codes(events("Russia's full-scale invasion of Ukraine began in February 2022.")), ['RUS 192 UKR']);
  const bomb = events('A car bomb killed a senior Russian military officer near Moscow.');
  assert.deepEqual(codes(bomb), ['- 1832 RUSMIL']);
  assert.equal(bomb[0]?.location?.name, 'Moscow');
});

test('accusation in a relative clause and a complaint with a that-clause target', () => {
  assert.deepEqual(codes(events('Officials found the debris, which the Kremlin blamed on Kyiv.')), ['RUSGOV 112 UKRGOV']);
  assert.deepEqual(codes(events('Donald Trump complained that Volodymyr Zelenskiy had not signed the deal.')), ['USAGOV 111 UKRGOV']);
});

test('a noun used as a noun is not a verb: "the bomb", "a car bomb"', () => {
  assert.deepEqual(codes(events('The bomb was found near the embassy.')), []);
});

test('events without a published date keep relative dates unresolved', () => {
  const es = events('Germany condemned Iran on Friday.', null);
  assert.equal(es.length, 1);
  assert.equal(es[0]!.date, null);
});

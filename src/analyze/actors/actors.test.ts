// The actors stage on sentences written for these tests: names, short names, pronouns, role nominals, roles,
// countries, actor codes, metonyms, and what is not a name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../../index.js';
import { analyzeBody } from '../body.js';
import type { Entity } from '../../model.js';

function entities(text: string, published: string | null = '2025-04-25'): Entity[] {
  return analyzeBody(text, published).entities;
}
const named = (es: Entity[], name: string) => es.find((e) => e.name === name);

test('a full name and its short form are one entity; pronouns resolve to it', () => {
  const es = entities('Foreign Minister Ana Kovec arrived in Velgrad on Monday. Kovec said she would stay two days.');
  const ana = named(es, 'Ana Kovec');
  assert.equal(ana?.type, 'person');
  assert.deepEqual(ana?.mentions.map((m) => m.text), ['Ana Kovec', 'Kovec', 'she']);
  assert.ok(ana?.roles.includes('foreign minister'));
  assert.equal(named(es, 'Kovec'), undefined);
});

test('knowledge: a head of state gets country, role and actor code at the published date', () => {
  const es = entities('Russian President Vladimir Putin met the envoy. Putin said the talks were useful.');
  const putin = named(es, 'Vladimir Putin');
  assert.equal(putin?.country, 'RUS');
  assert.equal(putin?.actorCode, 'RUSGOV');
  assert.ok(putin?.roles.some((r) => r.includes('president')));
  assert.equal(putin?.mentions.length, 2);
});

test('roles from pre-name modifiers and possessors give country and sector', () => {
  const es = entities("Kremlin foreign policy aide Yuri Ushakov spoke first. Later, Trump's envoy Steve Witkoff left.");
  const ushakov = named(es, 'Yuri Ushakov');
  assert.ok(ushakov?.roles.includes('Kremlin foreign policy aide'), JSON.stringify(ushakov?.roles));
  assert.equal(ushakov?.country, 'RUS');
  assert.equal(ushakov?.actorCode, 'RUSGOV');
  const kremlin = named(es, 'Kremlin');
  assert.equal(kremlin?.type, 'organization');
  assert.equal(kremlin?.actorCode, 'RUSGOV');
});

test('apposition roles: "A real estate billionaire, X …" and "X, a retired general, …"', () => {
  const es = entities('A real estate billionaire, Marek Halden has emerged as a broker. Lars Penn, a retired general, disagreed.');
  assert.ok(named(es, 'Marek Halden')?.roles.includes('real estate billionaire'));
  assert.ok(named(es, 'Lars Penn')?.roles.includes('retired general'));
});

test('role nominals: "the aide" and "his envoy" resolve to the person with that role', () => {
  const es = entities('Senior aide Mira Holt joined the call. The president thanked the aide for her work.');
  const mira = named(es, 'Mira Holt');
  assert.ok(mira?.mentions.some((m) => m.text === 'the aide'), JSON.stringify(mira?.mentions));
});

test('cataphora: a pronoun in an opening clause refers to the main clause subject', () => {
  const es = entities('Tomas Aras met Ana Kovec. In a post in which he complained about the delay, Marek Halden said the deal was close.');
  const marek = named(es, 'Marek Halden');
  assert.ok(marek?.mentions.some((m) => m.text === 'he'), JSON.stringify(es.map((e) => [e.name, e.mentions.map((m) => m.text)])));
});

test('places: countries, capitals as metonyms, gazetteer cities, Arabic articles', () => {
  const es = entities('The blast hit near Kyiv, and officials in Washington blamed Moscow. Later troops entered Fallujah and Rome.');
  assert.equal(named(es, 'Kyiv')?.country, 'UKR');
  assert.equal(named(es, 'Washington')?.actorCode, 'USAGOV');
  assert.equal(named(es, 'Fallujah')?.country, 'IRQ');
  assert.equal(named(es, 'Rome')?.country, 'ITA');
});

test('not names: sentence-initial common words, shouting, weekdays, months, role words alone', () => {
  const es = entities('"SUCCESS seems near!" he wrote on Friday. However, the President left in March. Shortly after, nothing.');
  for (const bad of ['SUCCESS', 'Friday', 'However', 'President', 'March', 'Shortly']) assert.equal(named(es, bad), undefined, bad);
});

test('named events, vehicles and organizations by their head words', () => {
  const es = entities('It was the deadliest conflict since World War Two. He flew aboard Air Force One to meet the Velgrad Defence Ministry.');
  assert.equal(named(es, 'World War Two')?.type, 'event');
  assert.equal(named(es, 'Air Force One')?.type, 'vehicle');
  assert.equal(named(es, 'Velgrad Defence Ministry')?.type, 'organization');
});

test('with no published date, dated knowledge still names people but positions are not assumed current', () => {
  const es = entities('Vladimir Putin spoke.', null);
  assert.equal(named(es, 'Vladimir Putin')?.type, 'person');
});

test('names in the title and captions are the body entities, with offsets into those strings', async () => {
  const { bodyDoc, BODY_STAGES } = await import('../body.js');
  const { buildPipeline } = await import('../../pipeline.js');
  const doc = bodyDoc('Foreign Minister Ana Kovec arrived in Velgrad on Monday. Kovec met the mayor.', '2025-04-25');
  doc.article.title = 'Minister Kovec lands in Velgrad';
  doc.article.media = [
    { caption: null, credit: 'AFP', image: null },
    { caption: 'Ana Kovec at the airport in Velgrad.', credit: null, image: null },
  ];
  const es = buildPipeline(BODY_STAGES, { provided: ['extract'] }).runDoc(doc).entities;
  const ana = named(es, 'Ana Kovec');
  assert.deepEqual(ana?.sideMentions, [
    { field: 'title', index: 0, start: 9, end: 14, text: 'Kovec' },
    { field: 'caption', index: 1, start: 0, end: 9, text: 'Ana Kovec' },
  ]);
  const velgrad = es.find((e) => e.name === 'Velgrad');
  assert.deepEqual(velgrad?.sideMentions?.map((m) => [m.field, m.index, m.text]), [
    ['title', 0, 'Velgrad'],
    ['caption', 1, 'Velgrad'],
  ]);
});

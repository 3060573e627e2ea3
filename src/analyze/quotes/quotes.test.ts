// Every quote pattern, with sentences written for these tests (fictional people from the demo's world and
// well-known officials from our knowledge files).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../../index.js';
import { analyzeBody } from '../body.js';
import type { Quote } from '../../model.js';

function quotes(text: string): Quote[] {
  return analyzeBody(text, '2025-04-25').quotes;
}
const find = (qs: Quote[], start: string) => qs.find((q) => q.text.startsWith(start));

test('direct quote, attribution after: pronoun speaker resolved to the named person', () => {
  const qs = quotes('Foreign Minister Ana Kovec met the envoy on Friday. "We are closer than ever before," she told reporters.');
  const q = find(qs, 'We are closer');
  assert.equal(q?.kind, 'direct');
  assert.equal(q?.speaker?.name, 'Ana Kovec');
  assert.equal(q?.cue, 'told');
  assert.equal(q?.speakerMention?.text, 'she');
});

test('direct quote, attribution after with inversion: "…," said NAME', () => {
  const qs = quotes('"The border stays open to aid convoys," said Marek Halden, the interior minister.');
  assert.equal(find(qs, 'The border stays')?.speaker?.name, 'Marek Halden');
  assert.equal(find(qs, 'The border stays')?.cue, 'said');
});

test('direct quote, attribution before with a colon', () => {
  const qs = quotes('Defence Minister Lars Penn said: "Our troops will not cross the river."');
  const q = find(qs, 'Our troops');
  assert.equal(q?.kind, 'direct');
  assert.equal(q?.speaker?.name, 'Lars Penn');
});

test('direct quote with the attribution inside: both parts get the speaker', () => {
  const qs = quotes('"We will talk," Mira Holt said, "but we will not give up an inch of our land."');
  assert.equal(find(qs, 'We will talk')?.speaker?.name, 'Mira Holt');
  assert.equal(find(qs, 'but we will not')?.speaker?.name, 'Mira Holt');
});

test('curly and straight quote marks, several sentences in one quotation', () => {
  const qs = quotes('“The talks went well. We meet again next week. Nothing is settled,” Tomas Aras wrote.');
  const q = find(qs, 'The talks went well');
  assert.ok(q?.text.endsWith('Nothing is settled,'));
  assert.equal(q?.speaker?.name, 'Tomas Aras');
  assert.equal(q?.cue, 'wrote');
});

test('a quotation continued in the next paragraph keeps its speaker', () => {
  const qs = quotes('"The first step is done," Ana Kovec told reporters.\n\n"The second step is harder, and it will take months."');
  assert.equal(find(qs, 'The second step')?.speaker?.name, 'Ana Kovec');
});

test('a quotation left open at a paragraph end runs on', () => {
  const qs = quotes('Ana Kovec said: "We asked for a ceasefire and we got one.\n\n"Now we must keep it."');
  assert.equal(find(qs, 'We asked')?.speaker?.name, 'Ana Kovec');
  assert.equal(find(qs, 'Now we must')?.speaker?.name, 'Ana Kovec');
});

test('partial quote inside reported speech: the speaker is the reporting clause subject', () => {
  const qs = quotes('Marek Halden said the meeting was "a good first step" toward peace.');
  const q = find(qs, 'a good first step');
  assert.equal(q?.kind, 'partial');
  assert.equal(q?.speaker?.name, 'Marek Halden');
});

test('reported speech: said (that), told reporters, complained that, according to', () => {
  const text = [
    'Ana Kovec said that the border would reopen within a week.',
    'Lars Penn told reporters the army had pulled back from the river.',
    'Mira Holt complained that the aid had not arrived in time.',
    'The convoy was attacked near the border, according to Tomas Aras.',
  ].join(' ');
  const qs = quotes(text).filter((q) => q.kind === 'indirect');
  const by = (s: string) => qs.find((q) => q.text.includes(s));
  assert.equal(by('border would reopen')?.speaker?.name, 'Ana Kovec');
  assert.equal(by('border would reopen')?.text.startsWith('that'), false, 'the complementizer is not part of the content');
  assert.equal(by('army had pulled back')?.speaker?.name, 'Lars Penn');
  assert.equal(by('army had pulled back')?.cue, 'told');
  assert.equal(by('aid had not arrived')?.speaker?.name, 'Mira Holt');
  assert.equal(by('convoy was attacked')?.speaker?.name, 'Tomas Aras');
  assert.equal(by('convoy was attacked')?.cue, 'according to');
});

test('reported speech ends where the next attribution starts', () => {
  const qs = quotes('In a statement in which he complained that the deal was late, Marek Halden said the work was going well.');
  const said = qs.find((q) => q.kind === 'indirect' && q.cue === 'said');
  assert.equal(said?.text, 'the work was going well');
  assert.equal(said?.speaker?.name, 'Marek Halden');
  const complained = qs.find((q) => q.cue === 'complained');
  assert.equal(complained?.text, 'the deal was late');
  assert.equal(complained?.speaker?.name, 'Marek Halden', 'the pronoun in the opening clause points forward');
});

test('no quote: "no immediate comment", negated speech, and questions of fact', () => {
  const qs = quotes('There was no immediate comment from Lars Penn. Ana Kovec did not say whether the talks would resume.');
  assert.equal(qs.length, 0, JSON.stringify(qs));
});

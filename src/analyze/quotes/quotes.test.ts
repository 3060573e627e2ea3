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

test('a second quotation in the paragraph, after the attribution, keeps the speaker', () => {
  const qs = quotes('"The ceasefire is holding," Lars Penn said. "Not a single shot has been fired since midnight."');
  assert.equal(find(qs, 'Not a single shot')?.kind, 'direct');
  assert.equal(find(qs, 'Not a single shot')?.speaker?.name, 'Lars Penn');
});

test('the speaker phrase after a quotation: title, relative clause, age, apposed name, modifier', () => {
  const qs = quotes(
    [
      '"Every kilometre of the border is watched," said Interior Minister Marek Halden.',
      '"This law will be challenged in every court," Mira Holt, who leads the Greens in the regional parliament, said on Monday.',
      '"I will not resign," Tomas Aras, 61, told the television channel on Sunday night.',
      '"The talks were difficult," the spokesman, Lars Penn, said.',
      '"The camps are full," said the UN refugee chief, Ana Kovec, after visiting the border.',
    ].join('\n\n'),
  );
  assert.equal(find(qs, 'Every kilometre')?.speaker?.name, 'Marek Halden');
  assert.equal(find(qs, 'This law will')?.speaker?.name, 'Mira Holt');
  assert.equal(find(qs, 'I will not resign')?.speaker?.name, 'Tomas Aras');
  assert.equal(find(qs, 'The talks were')?.speaker?.name, 'Lars Penn');
  assert.equal(find(qs, 'The camps are full')?.speaker?.name, 'Ana Kovec');
});

test('a "not" inside the quotation does not negate the attribution after it', () => {
  const qs = quotes('"We will come whether they like it or not," said Marek Halden, "and we will stay."');
  assert.equal(find(qs, 'We will come')?.speaker?.name, 'Marek Halden');
  assert.equal(find(qs, 'and we will stay')?.speaker?.name, 'Marek Halden');
});

test('a pronoun the entities leave open goes to the latest speaker of its gender', () => {
  const qs = quotes(
    'President Amara Diallo opened the summit in Dakar.\n\n“We have talked about this for thirty years,” she said. “It is time to act.”\n\nShe added: “Those who block it will have to explain themselves.”',
  );
  assert.equal(find(qs, 'It is time')?.speaker?.name, 'Amara Diallo');
  assert.equal(find(qs, 'Those who block')?.speaker?.name, 'Amara Diallo');
});

test('an organization named by a nominal: "the ministry said in a statement"', () => {
  const qs = quotes('The Foreign Ministry in Ankara summoned the ambassador on Friday.\n\n“Such provocations will be answered,” the ministry said in a statement.');
  assert.equal(find(qs, 'Such provocations')?.speaker?.name, 'Foreign Ministry');
  assert.equal(qs.filter((q) => q.kind === 'indirect').length, 0, 'the phrase after the attribution is not reported speech');
});

test('"was quoted as saying", before a partial quotation and after a direct one', () => {
  const qs = quotes(
    'Marek Halden was quoted as saying by the state news agency that "no decision has been taken."\n\n"We are ready to resume shipments," Lars Penn was quoted as saying.',
  );
  assert.equal(find(qs, 'no decision')?.kind, 'partial');
  assert.equal(find(qs, 'no decision')?.speaker?.name, 'Marek Halden');
  assert.equal(find(qs, 'We are ready')?.speaker?.name, 'Lars Penn');
});

test('a quotation opening the paragraph after reported speech or a speech act continues that speaker', () => {
  const qs = quotes(
    'Speaking in Islamabad, Marek Halden said the bombers had crossed the border at night.\n\n"We have shared the evidence. We expect action, not words."\n\nMira Holt described the attack at a briefing.\n\n"The militants came at dawn.\n\n"Eleven soldiers were killed."',
  );
  assert.equal(find(qs, 'We have shared')?.speaker?.name, 'Marek Halden');
  assert.equal(find(qs, 'The militants came')?.speaker?.name, 'Mira Holt');
  assert.equal(find(qs, 'Eleven soldiers')?.speaker?.name, 'Mira Holt');
  assert.equal(qs.filter((q) => q.kind === 'indirect' && q.text.includes('briefing')).length, 0, '"described the attack" has no reported content');
});

test('British style: single quotation marks with double ones nested inside', () => {
  const qs = quotes('\'They keep saying "trust us", but trust has to be earned,\' Mira Holt said.');
  const q = find(qs, 'They keep saying');
  assert.equal(q?.kind, 'direct');
  assert.ok(q?.text.endsWith('earned,'), q?.text);
  assert.equal(q?.speaker?.name, 'Mira Holt');
});

test('a cue word used as a noun is not an attribution ("dismissed the claim")', () => {
  const qs = quotes('Ana Kovec said on Wednesday: "The coalition is stable and the budget will pass."\n\nOpposition leaders dismissed the claim and said they would table a motion.');
  assert.equal(find(qs, 'The coalition')?.speaker?.name, 'Ana Kovec');
  assert.equal(find(qs, 'The coalition')?.cue, 'said');
});

test('reported speech: apposed name, "according to" with a title, and a coordinated verb', () => {
  const qs = quotes(
    [
      'The mayor of the city, Marek Halden, complained that promised air defence systems had not been delivered.',
      'The army has withdrawn two brigades from the front, according to Defence Minister Lars Penn.',
      'Mira Holt said the plan was "realistic" but warned that it depended on money from abroad.',
    ].join(' '),
  );
  const by = (s: string) => qs.find((q) => q.kind === 'indirect' && q.text.includes(s));
  assert.equal(by('air defence')?.speaker?.name, 'Marek Halden');
  assert.equal(by('two brigades')?.speaker?.name, 'Lars Penn');
  assert.equal(by('the plan was')?.text, 'the plan was "realistic"');
  assert.equal(by('depended on money')?.speaker?.name, 'Mira Holt');
});

test('no reported speech from the attribution of a direct quote: "said in an interview", "told the assembly:"', () => {
  const qs = quotes(
    '"Sanctions are working," Ana Kovec said in an interview with a newspaper.\n\nLars Penn told the assembly in the capital: "Our region cannot afford another coup."\n\nMira Holt posted a long message on Sunday night.',
  );
  assert.deepEqual(
    qs.filter((q) => q.kind === 'indirect').map((q) => q.text),
    [],
  );
  assert.equal(find(qs, 'Our region')?.speaker?.name, 'Lars Penn');
});

test('partial quotations after "called" and "described … as"', () => {
  const qs = quotes('The spokesman, Tomas Aras, called the visit "a serious provocation." Lars Penn described the incursion as "reckless and dangerous".');
  assert.equal(find(qs, 'a serious provocation')?.speaker?.name, 'Tomas Aras');
  assert.equal(find(qs, 'reckless and dangerous')?.speaker?.name, 'Lars Penn');
});

test('a short quoted term that opens a sentence is not speech', () => {
  const qs = quotes('Marek Halden said the talks had failed.\n\n"Border of Silence" was pulled from state television hours before it was due to air.');
  assert.notEqual(find(qs, 'Border of Silence')?.kind, 'direct');
});

test('a country before a title is a modifier, "State" is no cue, and "Sen." does not end the attribution', () => {
  const qs = quotes('"We will not back down," U.S. Secretary of State Marco Rubio said on Tuesday.\n\n"Nor will we," Sen. Lindsey Graham told reporters.');
  assert.equal(find(qs, 'We will not back down')?.speaker?.name, 'Marco Rubio');
  assert.equal(find(qs, 'We will not back down')?.cue, 'said');
  assert.equal(find(qs, 'Nor will we')?.speaker?.name, 'Lindsey Graham');
});

test('partial quotations: a plural noun or a base form before the mark is no cue', () => {
  const qs = quotes('Ana Kovec called the Velorian claims "baseless and reckless". She called the sanctions "an act of aggression" and said her country would respond "in proportion and in time."');
  const baseless = find(qs, 'baseless');
  assert.equal(baseless?.kind, 'partial');
  assert.equal(baseless?.speaker?.name, 'Ana Kovec');
  assert.equal(baseless?.cue, 'called');
  const proportion = find(qs, 'in proportion');
  assert.equal(proportion?.kind, 'partial');
  assert.equal(proportion?.speaker?.name, 'Ana Kovec');
  assert.equal(proportion?.cue, 'said');
});

test('a quotation introduced by a participle without a subject continues the speaker', () => {
  const qs = quotes('"We will rebuild the bridge," Lars Penn told reporters, before adding: "It will take a year."');
  assert.equal(find(qs, 'It will take a year')?.speaker?.name, 'Lars Penn');
  assert.equal(find(qs, 'It will take a year')?.cue, 'adding');
});

test('an attribution to someone who is not an entity does not take the previous speaker', () => {
  const qs = quotes('"The deal is close," Lars Penn said.\n\n"We expect a decision within days," a senior official told reporters.');
  assert.equal(find(qs, 'We expect a decision')?.speaker, null);
});

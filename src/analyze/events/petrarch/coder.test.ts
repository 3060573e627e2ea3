import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeSentence } from './coder.js';
import { testDictionaries } from './fixtures.test-helpers.js';
import { parseRecords } from './records.js';

const d = testDictionaries();
const code = (s: string, date: string | null = '20120101', requireDyad = true) =>
  codeSentence(s, date, d, { requireDyad }).map((e) => `${e.source} ${e.target} ${e.code}`).sort();

test('simple subject-verb-object', () => {
  assert.deepEqual(code('Kestria condemned Valdora on Monday.'), ['KES VAL 122']);
  assert.deepEqual(code('The Kestrian government denounced the Valdoran army.'), ['KESGOV VALMIL 122']);
});

test('agents: country + agent, agent of country, prefix agents', () => {
  assert.deepEqual(code('Kestrian police attacked Norvask.'), ['KESCOP NVK 190']);
  assert.deepEqual(code('The foreign minister of Valdora condemned Norvask.'), ['VALGOVFRM NVK 122']);
  assert.deepEqual(code('Relief agencies in Kestria condemned Norvask.'), ['NGOKES NVK 122']);
});

test('patterns: words after the verb, synsets, reciprocal codes', () => {
  assert.deepEqual(code('Kestria attacked Valdora with rockets.'), ['KES VAL 195']);
  assert.deepEqual(code('Kestria met Valdora for negotiations.'), ['KES VAL 046']);
  assert.deepEqual(code('Kestria met Valdora in the capital.'), ['KES VAL 040', 'VAL KES 040']);
});

test('passive voice', () => {
  assert.deepEqual(code('Valdora was condemned by Kestria.'), ['KES VAL 122']);
  assert.deepEqual(code('Valdora was strongly condemned by Kestria on Friday.'), ['KES VAL 122']);
  // A pattern names the roles: "+ WAS * FROM $".
  assert.deepEqual(code('Mira Tollan was expelled from Valdora.'), ['VAL KESGOV 174']);
});

test('compound actors give one event per member', () => {
  assert.deepEqual(code('Kestria and Valdora condemned Norvask.'), ['KES NVK 122', 'VAL NVK 122']);
  assert.deepEqual(code('Norvask condemned Kestria, Valdora and the Ostraven Highlands.'), ['NVK KES 122', 'NVK OHL 122', 'NVK VAL 122']);
  // "%": the members act on each other.
  assert.deepEqual(code('Kestria and Valdora met on Tuesday.'), ['KES VAL 043', 'VAL KES 043']);
  // Several codes for one actor.
  assert.deepEqual(code('The Twin Cities condemned Norvask.'), ['TCA NVK 122', 'TCB NVK 122']);
});

test('negation: no event unless a pattern codes it', () => {
  assert.deepEqual(code('Kestria did not condemn Valdora.'), []);
  assert.deepEqual(code("Kestria didn't condemn Valdora."), []);
  assert.deepEqual(code('Kestria never denounced Valdora.'), []);
  // A pattern for the negated form wins (here with the null code: still no event).
  assert.deepEqual(code("Kestria didn't attack Valdora."), []);
});

test('multi-word verbs, nouns that look like verbs, dates, discards, dyads', () => {
  assert.deepEqual(code('Kestrian police cordoned off the roads into Valdora.'), ['KESCOP VAL 191']);
  assert.deepEqual(code('Kestria reported an attack on Valdora.'), []); // "an attack" is a noun
  assert.deepEqual(code('Mira Tollan condemned Valdora.', '20090101'), ['KESOPP VAL 122']);
  assert.deepEqual(code('Mira Tollan condemned Valdora.', '20170101'), ['KESELI VAL 122']);
  assert.deepEqual(code('Kestria condemned Valdora after the football match.'), []);
  assert.deepEqual(code('The government condemned the decision.'), []);
  assert.deepEqual(code('The government condemned the decision.', null, false), ['---GOV --- 122']);
});

test('unit-test records: attributes with spaces, noevents, several codings, config', () => {
  const xml = `<Sentences>
<Config option="require_dyad" value="false"></Config>
<Sentence date = "20120101" id ="T-1" category="DEMO" sentence="true">
<EventCoding sourcecode="KES" targetcode="VAL" eventcode="122"></EventCoding>
<EventCoding sourcecode='KES' targetcode="NVK" eventcode="122"></EventCoding>
<Text>Kestria condemned Valdora &amp; Norvask.</Text>
<Parse>(ROOT (S ...))</Parse>
</Sentence>
<!-- <Sentence id="commented-out"><Text>x</Text></Sentence> -->
<Sentence date="20120102" id="T-2" category="DEMO">
<EventCoding noevents = "True"></EventCoding>
<Text>
  Nothing happened.
</Text>
</Sentence>
</Sentences>`;
  const rs = parseRecords(xml);
  assert.equal(rs.length, 2);
  assert.equal(rs[0]!.date, '20120101');
  assert.equal(rs[0]!.text, 'Kestria condemned Valdora & Norvask.');
  assert.equal(rs[0]!.expected.length, 2);
  assert.equal(rs[0]!.config['require_dyad'], 'false');
  assert.equal(rs[1]!.noEvents, true);
  assert.equal(rs[1]!.text, 'Nothing happened.');
});

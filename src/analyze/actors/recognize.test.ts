// The recognizer's rules for names that our knowledge does not list, on sentences written for these tests: title
// phrases with departments, initials, given names and surnames, greetings, lists, towns with their states, corporate
// suffixes, acronyms a text defines, runs that start or end with a known name, and what is not a name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../../index.js';
import { analyzeBody } from '../body.js';
import type { Entity } from '../../model.js';

function entities(text: string): Entity[] {
  return analyzeBody(text, '2025-04-25').entities;
}
const typeOf = (es: Entity[], mention: string) => es.find((e) => e.mentions.some((m) => m.text === mention))?.type;
const mentions = (es: Entity[]) => es.flatMap((e) => e.mentions.map((m) => m.text));

test('a title with its department is stripped whole: "Minister of Defense", "Secretary of State"', () => {
  const es = entities('Minister of Defense Hazem Aldari met Secretary of State Mira Holt in Baghdad.');
  assert.equal(typeOf(es, 'Hazem Aldari'), 'person', JSON.stringify(mentions(es)));
  assert.equal(typeOf(es, 'Mira Holt'), 'person');
});

test('an initial is not the article, and a known surname opens a sentence: "Bush also nominated A. Noel Kramer"', () => {
  const es = entities('Bush also nominated A. Noel Kramer for a term.');
  assert.equal(typeOf(es, 'A. Noel Kramer'), 'person', JSON.stringify(mentions(es)));
  assert.equal(typeOf(es, 'Bush'), 'person');
});

test('the pronoun "I" ends a name, and a sentence-initial imperative is not part of one', () => {
  const es = entities('On Monday Dan Velt and I drove north. Try Varkala, a quiet town by the sea.');
  assert.equal(typeOf(es, 'Dan Velt'), 'person', JSON.stringify(mentions(es)));
  assert.ok(!mentions(es).some((m) => m.includes('Try')), JSON.stringify(mentions(es)));
});

test('given names, short forms and surnames: "Josh", "Condoleezza Rice", "Sheetal Patel", "Tom Hall"', () => {
  const es = entities('Later Josh and Natasha met Sheetal Patel. Tom Hall joined them, and Marta Rice spoke last.');
  for (const name of ['Josh', 'Natasha', 'Sheetal Patel', 'Tom Hall', 'Marta Rice']) assert.equal(typeOf(es, name), 'person', name);
});

test('a lone surname of someone in our knowledge is a person, and "the Bush administration" names one', () => {
  const es = entities('Critics said the Bush administration misjudged the war. Rumsfeld defended the plan.');
  assert.equal(typeOf(es, 'Bush'), 'person', JSON.stringify(mentions(es)));
  assert.equal(typeOf(es, 'Rumsfeld'), 'person');
});

test('a name after a greeting or sign-off is a person: "Dear Kam", "Thanks, Daren"', () => {
  const es = entities('Dear Kam, the files are attached.\n\nThanks, Daren');
  assert.equal(typeOf(es, 'Kam'), 'person', JSON.stringify(mentions(es)));
  assert.equal(typeOf(es, 'Daren'), 'person');
});

test('an unknown name in a list takes the type of the known names beside it', () => {
  const es = entities('Clashes left people dead in Mosul, Qaraz and Tulbah on Friday.');
  assert.equal(typeOf(es, 'Qaraz'), 'location', JSON.stringify(mentions(es)));
  assert.equal(typeOf(es, 'Tulbah'), 'location');
});

test('towns with their states: "Lawrence, KS", "Brantville, Ohio", "Fresno, Calif.", "the city of Falluja"', () => {
  const es = entities('She moved from Lawrence, KS to Brantville, Ohio, and then to Fresno, Calif. Fighting spread to the western city of Falluja.');
  assert.equal(typeOf(es, 'KS'), 'location', JSON.stringify(mentions(es)));
  assert.equal(typeOf(es, 'Brantville'), 'location');
  assert.equal(typeOf(es, 'Calif.'), 'location');
  assert.equal(typeOf(es, 'Falluja'), 'location');
});

test('a state code that is also an abbreviation needs a ZIP code: "Harry Lind, MD, a professor" but "Baltimore, MD 21202"', () => {
  const es = entities('The study was led by Harry Lind, MD, a professor. Write to 111 Market Place, Baltimore, MD 21202.');
  assert.deepEqual(es.filter((e) => e.name === 'Maryland').flatMap((e) => e.mentions.map((m) => m.start)).length, 1, JSON.stringify(mentions(es)));
});

test('names inside e-mail addresses and file names are not mentions', () => {
  const es = entities('Send it to Lisa_resume.doc or write to Vangie.Holt@example.com today.');
  assert.ok(!mentions(es).includes('Lisa') && !mentions(es).includes('Vangie'), JSON.stringify(mentions(es)));
});

test('a name two countries share is still a place: "Korea"', () => {
  assert.equal(typeOf(entities('Talks on Korea resumed in the spring.'), 'Korea'), 'location');
});

test('corporate suffixes, organization words before "of", and companies we know', () => {
  const es = entities('The contract with Velmont Holdings, Inc. was signed at the Yale School of Medicine. Shares of Canon and Dynegy fell.');
  assert.equal(typeOf(es, 'Velmont Holdings, Inc.'), 'organization', JSON.stringify(mentions(es)));
  assert.equal(typeOf(es, 'Yale School of Medicine'), 'organization');
  assert.equal(typeOf(es, 'Canon'), 'organization');
  assert.equal(typeOf(es, 'Dynegy'), 'organization');
});

test('an acronym the text spells out takes the type of the name; ordinary acronyms are not names', () => {
  const es = entities('The Kestrel Housing Action Council (KHAC) filed a complaint. Later KHAC sent the RFP as a PDF.');
  assert.equal(typeOf(es, 'KHAC'), 'organization', JSON.stringify(mentions(es)));
  assert.equal(typeOf(es, 'RFP'), undefined);
  assert.equal(typeOf(es, 'PDF'), undefined);
});

test('runs that start or end with a known name are split: "BBC Breaking News Alert", "Miramar California"', () => {
  const es = entities('You have received this BBC Breaking News Alert today. Miramar California is north of San Diego.');
  assert.equal(typeOf(es, 'BBC'), 'organization', JSON.stringify(mentions(es)));
  assert.equal(typeOf(es, 'California'), 'location');
  assert.ok(!mentions(es).includes('Miramar California'));
});

test('not names: title-case phrases, codes in capitals, nationalities, generic heads after common words', () => {
  const es = entities('Great Service and Revised Article 4 were posted. Get MSN Explorer today. The Interim Palestinian leader spoke. Customer Service closed.');
  for (const bad of ['Great Service', 'Revised Article', 'MSN Explorer', 'Interim Palestinian', 'Customer Service']) {
    assert.ok(!mentions(es).includes(bad), `${bad}: ${JSON.stringify(mentions(es))}`);
  }
});

test('an honorific makes a person of a name that is also a company: "Dr Mcdonald"', () => {
  assert.equal(typeOf(entities('Yesterday Dr Mcdonald answered every question.'), 'Mcdonald'), 'person');
});

test('news titles: "Defense Secretary", "Treasury Secretary", a state before a title, an organization before a title', () => {
  const es = entities('Defense Secretary Pete Hegseth and Treasury Secretary Mira Holt met. New York Gov. Ana Kovec objected. Later NASA Administrator Tomas Aras and Tesla CEO Lars Penn spoke.');
  for (const name of ['Pete Hegseth', 'Mira Holt', 'Ana Kovec', 'Tomas Aras', 'Lars Penn']) assert.equal(typeOf(es, name), 'person', `${name}: ${JSON.stringify(mentions(es))}`);
  assert.equal(typeOf(es, 'NASA'), 'organization');
  assert.ok(!mentions(es).some((m) => m.startsWith('New York Gov')), JSON.stringify(mentions(es)));
});

test('a party label is not a name, and known names inside hyphenated words are', () => {
  const es = entities('Rep. Ana Kovec, D-N.Y., spoke. The Hamas-run ministry said the Russia-Ukraine war and the US-led coalition mattered.');
  assert.ok(!mentions(es).some((m) => m.includes('N.Y')), JSON.stringify(mentions(es)));
  assert.equal(typeOf(es, 'Hamas'), 'organization');
  assert.equal(typeOf(es, 'Russia'), 'location');
  assert.equal(typeOf(es, 'Ukraine'), 'location');
  assert.equal(typeOf(es, 'US'), 'location');
});

test('a person\'s name ends where a role, a known organization or another name begins', () => {
  const es = entities('Kevin A. Boone Accenture called. Coach: Melanie Price Brandon Luna.');
  assert.equal(typeOf(es, 'Kevin A. Boone'), 'person', JSON.stringify(mentions(es)));
  assert.equal(typeOf(es, 'Accenture'), 'organization');
  assert.equal(typeOf(es, 'Brandon Luna'), 'person');
});

test('institutions named by their kind, and a nationality kept in an organization name', () => {
  const es = entities('The bill passed in Congress on Friday. He reports that the Iraqi Islamic Party withdrew.');
  assert.equal(typeOf(es, 'Congress'), 'organization', JSON.stringify(mentions(es)));
  assert.equal(typeOf(es, 'Iraqi Islamic Party'), 'organization');
});

test('an acronym matching the initials of an earlier organization names it', () => {
  const es = entities('The Kestrel Valley Water Authority raised rates. The KVWA board voted 5-2.');
  assert.equal(typeOf(es, 'KVWA'), 'organization', JSON.stringify(mentions(es)));
});

test('a known name behind a country is kept whole, and a nationality before a generic head makes an organization', () => {
  const es = entities('The complaint was filed with the United States Department of Housing and Urban Development. An Iranian Opposition Group released photos.');
  assert.equal(typeOf(es, 'United States Department of Housing and Urban Development'), 'organization', JSON.stringify(mentions(es)));
  assert.equal(typeOf(es, 'Iranian Opposition Group'), 'organization');
});

test('a company with a suffix after a comma keeps its "&": "Holland & Pike, LLP"', () => {
  const es = entities('Please pay Holland & Pike, LLP by Friday.');
  assert.equal(typeOf(es, 'Holland & Pike, LLP'), 'organization', JSON.stringify(mentions(es)));
});

test('a title phrase after a name in a signature is not part of it: "Janette Holt Administrative Coordinator EWS Legal"', () => {
  const es = entities('Let me know.\n\nJanette Holt Administrative Coordinator EWS Legal, EB3326');
  assert.equal(typeOf(es, 'Janette Holt'), 'person', JSON.stringify(mentions(es)));
});

test('an unknown surname is a person as a speaker, with an apposition or an age, or after a role noun', () => {
  const es = entities('Xanthos said on Monday that the plan failed. Okonjo, a spokesman for the ministry, declined to comment. Hernaiz, 45, was arrested. Police arrested smuggler Bakari on Friday.');
  for (const name of ['Xanthos', 'Okonjo', 'Hernaiz', 'Bakari']) assert.equal(typeOf(es, name), 'person', `${name}: ${JSON.stringify(mentions(es))}`);
  assert.ok(!mentions(es).includes('the ministry'), 'an institution in an apposition is not the role a nominal refers back to');
});

test('a common word that is the surname of someone named earlier is that person: "Condoleezza Rice … Rice said"', () => {
  const es = entities('Marta Rice met the envoy in Cairo. Later Rice said the talks went well.');
  const marta = es.find((e) => e.name === 'Marta Rice');
  assert.deepEqual(marta?.mentions.map((m) => m.text), ['Marta Rice', 'Rice'], JSON.stringify(mentions(es)));
});

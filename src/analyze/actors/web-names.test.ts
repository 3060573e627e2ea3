// Rules for names that web text (reviews, questions, mail) writes, on sentences written for these tests: businesses
// named for their owner in the possessive, storm names, planets, mail-header names, names after a greeting or a
// postscript, companies listed after "companies like", towns with a title-case state code, and a few heads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../../index.js';
import { analyzeBody } from '../body.js';
import type { Entity } from '../../model.js';

function entities(text: string): Entity[] {
  return analyzeBody(text, null).entities;
}
const typeOf = (es: Entity[], mention: string) => es.find((e) => e.mentions.some((m) => m.text === mention))?.type;
const mentions = (es: Entity[]) => es.flatMap((e) => e.mentions.map((m) => m.text));

test('a bare possessive after "at"/"to" and before "for", a city or punctuation is a place you go: "Del Frisco\'s"', () => {
  const es = entities("We booked a table at Marlo Vetti's in Denver. On Friday we went to Gusto Brenna's for dinner.");
  assert.equal(typeOf(es, "Marlo Vetti's"), 'facility', JSON.stringify(mentions(es)));
  assert.equal(typeOf(es, "Gusto Brenna's"), 'facility');
  // Web text detaches the clitic: "Brenna 's", "Wendell s".
  const es2 = entities("Which do you like better: Wendell s, or shall we go to Gusto Brenna 's?");
  assert.equal(typeOf(es2, 'Wendell s'), 'facility', JSON.stringify(mentions(es2)));
  assert.equal(typeOf(es2, "Gusto Brenna 's"), 'facility');
});

test("a possessive name before a word for a trade is one business: \"Ray's Pizza\", \"Barry s Auto Tech\"", () => {
  const es = entities("My favorite is Tillo's Pizza downtown. Thank you Darvin s Auto Tech! Classes at Merrow's Karate start soon.");
  assert.equal(typeOf(es, "Tillo's Pizza"), 'organization', JSON.stringify(mentions(es)));
  assert.equal(typeOf(es, 'Darvin s Auto Tech'), 'organization');
  assert.equal(typeOf(es, "Merrow's Karate"), 'organization');
});

test("a person's possessive is not a business: an opening quote, a noun or a known person after it", () => {
  const es = entities('I liked this bit from Dan Froomkin\'s "Morning Briefing" column. Officials went to Donald Trump\'s estate.');
  assert.equal(typeOf(es, 'Dan Froomkin'), 'person', JSON.stringify(mentions(es)));
  assert.ok(!mentions(es).some((m) => /['’]s$/.test(m)), JSON.stringify(mentions(es)));
});

test('a storm named with "Hurricane" is the storm when its name comes alone later, and planets are not people', () => {
  const es = entities('Hurricane Lorena strengthened overnight. Forecasters said Lorena could reach the coast by Friday. Mercury and Venus are close to Saturn tonight.');
  assert.equal(typeOf(es, 'Lorena'), 'event', JSON.stringify(mentions(es)));
  for (const planet of ['Mercury', 'Venus', 'Saturn']) assert.notEqual(typeOf(es, planet), 'person', planet);
  // Without a storm in the text the name is a person's.
  assert.equal(typeOf(entities('Forecasters said Lorena could reach the coast by Friday.'), 'Lorena'), 'person');
});

test('mail headers: "Given Surname@ORG" and \'"Surname, Given" <address>\' are people', () => {
  const es = entities('Megan Rusk@ACME 03/28/2001 05:09 PM\n\n"Oldfield, Patricia" <poldfield@example.com> wrote: see the draft.');
  assert.equal(typeOf(es, 'Megan Rusk@ACME'), 'person', JSON.stringify(mentions(es)));
  assert.equal(typeOf(es, 'Oldfield, Patricia'), 'person');
  // An address stays an address.
  assert.ok(!mentions(entities('Write to jsmith@ACME for details.')).some((m) => m.includes('ACME')));
});

test('a greeting or a postscript is not part of the name after it: "Hey Vladi", "P.S. Tom"', () => {
  const es = entities('Thanks. Hey Orvald, do you still have the file? P.S. Tom, please call Vernon.');
  assert.equal(typeOf(es, 'Orvald'), 'person', JSON.stringify(mentions(es)));
  assert.equal(typeOf(es, 'Tom'), 'person');
  assert.ok(!mentions(es).some((m) => /^(Hey|P\.S)/.test(m)), JSON.stringify(mentions(es)));
});

test('names listed after "companies like" are organizations', () => {
  const es = entities('The market is crowded, with companies like Verlatti Brun, QXOR, and smaller makers.');
  assert.equal(typeOf(es, 'Verlatti Brun'), 'organization', JSON.stringify(mentions(es)));
  assert.equal(typeOf(es, 'QXOR'), 'organization');
});

test('a town we know before a title-case state code is two places: "San Rafael Ca"', () => {
  const es = entities('What is there to do in San Rafael Ca this weekend?');
  assert.equal(typeOf(es, 'San Rafael'), 'location', JSON.stringify(mentions(es)));
  assert.equal(typeOf(es, 'Ca'), 'location');
});

test('heads: the Oval Office, "Chowk", "Futures", "Motorsports", an action centre, "the Davis Administration", the Moon', () => {
  const es = entities(
    'He sat in the Oval Office. Buses stop at Tarun Chowk. Calls go to Pell Futures and to Garry Lund Motorsports. ' +
      'The Riverside Tenants Action Center filed a complaint. The Davis Administration wants a vote. NASA wants to return to the Moon.',
  );
  assert.equal(typeOf(es, 'Oval Office'), 'facility', JSON.stringify(mentions(es)));
  assert.equal(typeOf(es, 'Tarun Chowk'), 'facility');
  assert.equal(typeOf(es, 'Pell Futures'), 'organization');
  assert.equal(typeOf(es, 'Garry Lund Motorsports'), 'organization');
  assert.equal(typeOf(es, 'Riverside Tenants Action Center'), 'organization');
  assert.equal(typeOf(es, 'Davis'), 'person');
  assert.ok(!mentions(es).includes('Moon'), JSON.stringify(mentions(es)));
});

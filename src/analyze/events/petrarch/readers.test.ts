import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ActorDict, parseActors } from './actors.js';
import { AgentDict, applyAgents } from './agents.js';
import { DiscardDict } from './discards.js';
import { dictionaryKind, loadDictionaries } from './dictionaries.js';
import { contentLines, normDate, parsePhrase, wordTokens } from './text.js';
import { parsePattern, regularForms, VerbDict } from './verbs.js';
import { ACTORS, AGENTS, DISCARDS, VERBS } from './fixtures.test-helpers.js';

test('comments: # anywhere, <!-- --> on one or several lines, <! lines', () => {
  const lines = contentLines('A [X] # note\n<!-- one -->\n<!-- two\nthree -->\nB <!-- mid --> [Y]\n<! -- odd -->\n\n  \nC');
  assert.deepEqual(lines.map((l) => [l.no, l.text.trim()]), [[1, 'A [X]'], [5, 'B   [Y]'], [9, 'C']]);
});

test('phrases: underscores join words, spaces allow gaps, dotted acronyms stay whole', () => {
  assert.deepEqual(parsePhrase('PRESIDENT_J._DOE_'), { words: ['president', 'j', '.', 'doe'], gap: [false, false, false] });
  assert.deepEqual(parsePhrase('U.N. SECURITY_COUNCIL'), { words: ['u.n.', 'security', 'council'], gap: [true, false] });
  assert.deepEqual(wordTokens("DID N'T"), ['did', "n't"]);
  assert.deepEqual(wordTokens("didn't"), ['did', "n't"]);
  assert.equal(normDate('950601'), '19950601');
  assert.equal(normDate('080507'), '20080507');
  assert.equal(normDate('19950601'), '19950601');
  assert.equal(normDate('1995-06-01'), '19950601');
});

test('actors: synonyms, dated codes, several codes, the null code', () => {
  const d = new ActorDict();
  const r = d.addText(ACTORS, 'test.actors.txt');
  assert.equal(r.entries, 7);
  assert.deepEqual(r.unparsed, []);
  assert.deepEqual(d.lookup('Kestrian'), ['KES']);
  assert.deepEqual(d.lookup('Valdoran'), ['VAL']);
  assert.deepEqual(d.lookup('Mira Tollan', '20091231'), ['KESOPP']);
  assert.deepEqual(d.lookup('Mira Tollan', '2010-01-01'), ['KESGOV']);
  assert.deepEqual(d.lookup('President Tollan', '20151231'), ['KESGOV']);
  assert.deepEqual(d.lookup('President Tollan', '20160101'), ['KESELI']);
  assert.deepEqual(d.lookup('the twin cities'), ['TCA', 'TCB']);
  assert.deepEqual(d.lookup('nobody in particular'), []);
  assert.equal(d.lookup('Ostraven'), null);
  // Longest match: "Ostraven Highlands" over nothing shorter; phrase with a space allows a filler word between.
  const words = ['valdora', 'state', 'radio'];
  const d2 = new ActorDict();
  d2.addText('VALDORA RADIO [VALMED]\nVALDORA_ [VAL]', 'x');
  const m = d2.match(words, 0, (i) => words[i] === 'state');
  assert.equal(m?.end, 3);
});

test('actors: date restrictions with spaces, YYMMDD dates, codes on the head line and below', () => {
  const { actors } = parseActors('NORTH_ISLE\n+ISLANDERS\n\t[NIS < 911226]\n\t[NIR 19911226 - 19991231]\n\t[NIX > 991231]', 'f');
  assert.equal(actors.length, 1);
  assert.deepEqual(actors[0]!.synonyms, ['ISLANDERS']);
  assert.deepEqual(actors[0]!.codes, [
    { code: 'NIS', from: null, to: '19911226', toExclusive: true },
    { code: 'NIR', from: '19911226', to: '19991231' },
    { code: 'NIX', from: '19991231', to: null, fromExclusive: true },
  ]);
});

test('actors: an unreadable date is reported, a structural error names the file and line', () => {
  const { unparsed } = parseActors('AAA [AAA 2004017-20061201]\n', 'f.txt');
  assert.equal(unparsed.length, 1);
  assert.throws(() => parseActors('# header\n\t[ABC]\n', 'bad.actors.txt'), /bad\.actors\.txt:2: a code line before any actor entry/);
  assert.throws(() => parseActors('KESTRIA [KES\n', 'bad.actors.txt'), /bad\.actors\.txt:1: unclosed "\["/);
});

test('agents: suffix and prefix codes, plurals, {} and substitution markers', () => {
  const d = new AgentDict();
  d.addText(AGENTS, 'test.agents.txt');
  assert.equal(d.lookup('police')?.code, 'COP');
  assert.equal(d.lookup('polices'), null); // {} : no plural
  assert.equal(d.lookup('foreign ministers')?.code, 'GOVFRM');
  assert.equal(d.lookup('armies')?.code, 'MIL');
  assert.equal(d.lookup('chairwomen')?.code, 'LEG');
  assert.equal(d.lookup('relief agencies')?.prefix, true);
  assert.equal(applyAgents('KES', [{ code: 'COP', prefix: false }]), 'KESCOP');
  assert.equal(applyAgents('KESGOV', [{ code: 'GOV', prefix: false }]), 'KESGOV');
  assert.equal(applyAgents('KES', [{ code: 'NGO', prefix: true }, { code: 'GOV', prefix: false }]), 'NGOKESGOV');
  assert.equal(applyAgents(null, [{ code: 'MIL', prefix: false }]), '---MIL');
  assert.throws(() => new AgentDict().addText('CHAIR!NOPE! [~LEG]', 'a.txt'), /a\.txt:1: substitution marker !NOPE!/);
});

test('verbs: synsets (nested, plurals, no-plural sets), blocks, forms, multi-word verbs', () => {
  const d = new VerbDict();
  const r = d.addText(VERBS + '\n&OUTER\n+&TALKSYN\n+SUMMIT\n', 'test.verbs.txt');
  assert.equal(r.format, 'petrarch1');
  assert.equal(r.blocks, 5);
  assert.equal(r.synsets, 3);
  assert.deepEqual(r.unparsed, []);
  assert.deepEqual(d.synset('&NEGAUX'), [['did', "n't"], ['will', 'not']]);
  assert.ok(d.synset('&TALKSYN').some((w) => w.join(' ') === 'negotiations'));
  assert.ok(d.synset('&OUTER').some((w) => w.join(' ') === 'summits'));
  assert.ok(d.synset('&OUTER').some((w) => w.join(' ') === 'talks'));
  const form = (s: string) => d.forms.longest(s.split(' '), 0)?.values[0];
  assert.equal(form('denounced')?.block.name, 'CONDEMN');
  assert.equal(form('condemning')?.code, '122');
  assert.equal(form('met')?.code, '040:040');
  assert.equal(form('meeted'), undefined); // {…} lists every form
  assert.equal(form('cordoned off')?.block.name, 'CORDON');
  assert.deepEqual(regularForms('TRY'), ['TRY', 'TRIES', 'TRIED', 'TRYING']);
  assert.deepEqual(regularForms('SEIZE'), ['SEIZE', 'SEIZES', 'SEIZED', 'SEIZING']);
});

test('verbs: pattern syntax', () => {
  const p = parsePattern('- + WAS_ * TO_ ^ FROM $  [174:175]  ', 'f', 1)!;
  assert.equal(p.code, '174:175');
  assert.deepEqual(p.before.map((e) => e.kind), ['target', 'words']);
  assert.deepEqual(p.after.map((e) => [e.kind, e.adj]), [['words', false], ['skip', false], ['words', false], ['source', false]]);
  const q = parsePattern('- SAID_IT_* NEW_&TIES_PACT [903]', 'f', 2)!;
  assert.equal(q.verbAdjBefore, true);
  assert.deepEqual(q.before, [{ kind: 'words', words: ['said', 'it'], adj: false }]);
  assert.deepEqual(q.after.map((e) => [e.kind, e.adj]), [['words', false], ['syn', true], ['words', true]]);
  const alt = parsePattern('- * {ROCKETS | MORTAR SHELLS} [195]', 'f', 3)!;
  assert.deepEqual(alt.after, [{ kind: 'alt', options: [['rockets'], ['mortar', 'shells']], adj: false }]);
  // PETRARCH 2.0 groupings read as words.
  const v2 = parsePattern('- * (ON {PEACE PLAN}) [057]', 'f', 4)!;
  assert.deepEqual(v2.after.map((e) => (e.kind === 'words' ? e.words : e.kind)), [['on'], ['peace'], ['plan']]);
});

test('verbs: unparsed lines are counted; a malformed line names the file and line', () => {
  const d = new VerbDict();
  const r = d.addText('--- A [010] ---\nAGREE\n- * WITH [0#11]\n~ a (b) X = y 010\n* (TO X) [012]\n', 'v.txt');
  assert.ok(r.unparsed.some((u) => u.line === 3 && /cut off/.test(u.reason)));
  assert.ok(r.unparsed.some((u) => u.line === 4));
  assert.ok(r.unparsed.some((u) => u.line === 5));
  assert.throws(() => new VerbDict().addText('--- A [010] ---\nAGREE\n- * WITH [011\n', 'bad.verbs.txt'), /bad\.verbs\.txt:3: unclosed code bracket/);
  assert.throws(() => new VerbDict().addText('&BAD!NAME\n', 'bad.verbs.txt'), /bad\.verbs\.txt:1/);
});

test('discards: sentence and story phrases', () => {
  const d = new DiscardDict();
  d.addText(DISCARDS, 'd.txt');
  assert.equal(d.find(['the', 'football', 'match', 'ended'])?.story, false);
  assert.equal(d.find(['a', 'horoscope'])?.story, true);
  assert.equal(d.find(['football', 'fans']), null);
});

test('loadDictionaries finds the files of a directory by name', () => {
  const dir = mkdtempSync(join(tmpdir(), 'petr-'));
  writeFileSync(join(dir, 'Mine.actors.txt'), ACTORS);
  writeFileSync(join(dir, 'Mine.agents.txt'), AGENTS);
  writeFileSync(join(dir, 'Mine.verbs.txt'), VERBS);
  writeFileSync(join(dir, 'Mine.discards.txt'), DISCARDS);
  writeFileSync(join(dir, 'notes.md'), '# not a dictionary');
  const d = loadDictionaries(dir);
  assert.equal(d.actors.entries.length, 7);
  assert.ok(d.agents.entries.length > 5);
  assert.equal(d.verbs.blocks.length, 5);
  assert.equal(d.discards.entries.length, 2);
  assert.equal(dictionaryKind('CAMEO.2.0.txt'), 'verbs');
  assert.equal(dictionaryKind('Phoenix.IssueCoding.txt'), null);
  assert.throws(() => loadDictionaries(join(dir, 'missing')), /cannot read dictionaries directory/);
});
